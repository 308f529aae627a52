"""The store beyond one machine: the desk in a browser (`tripdesk serve`, through
textual-serve) and the store on Datasette (`tripdesk datasette`: its configuration, canned
queries, and SQL functions that search Korean as the desk does). Their packages are the `web`
extra, imported by those commands alone."""
