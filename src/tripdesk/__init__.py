"""tripdesk: explore the timelines of official trips abroad, with a source for every fact.

Layers, top to bottom: `model` (dataclasses), `yamlread` + `schema` + `loader` (reading and
validating trip files), `store` + `importer` (SQLite through sqlite-utils), `queries` (reads),
`export` (Markdown, JSON, iCalendar), `cli`, and `ui` (the Textual desk, the only package that
imports textual).
"""
