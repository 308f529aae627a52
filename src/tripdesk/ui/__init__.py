"""The desk: tripdesk's Textual UI.

`tripdesk` (no command) runs `tripdesk.ui.app.TripdeskApp`. This package is the only part of
tripdesk that imports Textual, but for the benchmark's two harnesses that drive it (see
`tripdesk/__init__.py`); everything it shows comes from `tripdesk.store.queries` through
`tripdesk.ui.data.DeskData`, read in worker threads, and every string from the store is
rendered as literal text (`textual.content.Content`), never as markup.

Modules:
    app            the App: global keys, language, keymap, export/search/help entry points
    screens/       one module per screen or dialog:
      main           the three panes, their layout at every terminal size, pane switching
      search         `/`: search everything, Enter jumps to the hit
      help           `?`: every key and its binding id
      export         `e`: write the trip (Markdown, or JSON/iCalendar by the path's extension), confirming overwrites
      article        `v`: the article a fact came from, its excerpt highlighted
      review         `i` on a draft: where its file goes and into which store, before anything is written
      table          one long table filtered as you type (the ledger and the entities list)
      ledger, entities, overview   `a`, `o`, `w`: the screens across trips
    panes/         the main screen's panes:
      base           the bordered frame the three share
      city           home cities (or destinations) and their trips, a lazy Tree
      timeline       a trip's calendar days and events, a RowList
      detail         the selected trip, day or event with its sources
    commands       the command palette provider (jump to trip, search, language, export)
    header         the one-line title bar with the store summary
    footer         the one-line footer: the keys that work where the focus is
    rowlist        a line-API list of selectable rows (the timeline), OptionList-like
    docview        a line-API scrolling document (the detail pane)
    messages       the messages the widgets and workers send each other
    render         Content helpers shared by the panes (literal text, cutting, marks)
    data           thread-safe store access with a trip cache (no Textual)
    keys           binding ids and the optional user keymap file
"""
