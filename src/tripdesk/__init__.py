"""tripdesk: explore the timelines of official trips abroad, with a source for every fact.

Layers, top to bottom: `text` and `model` (dataclasses), `files/` (reading and validating
trip files, the JSON Schema), `store/` (SQLite through sqlite-utils: the import, the reads in
`store.queries`, `doctor`), `export/` (the brief, the dossier, HTML, JSON, iCalendar),
`draft/` (an article in, a trip draft out), `web/` (the desk in a browser, Datasette), `cli`,
and `ui/` (the Textual desk).

Textual is imported by `ui/` (the desk) and by the benchmark's two app harnesses that drive
it, `bench/minimal.py` (the baseline app) and `bench/pilot_bench.py` (the Pilot driver), and
by no other module: the commands for scripts never load it (tests/test_layers.py checks both).
"""
