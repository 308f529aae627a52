"""tripdesk: explore the timelines of official trips abroad, with a source for every fact.

Layers, top to bottom: `model` (dataclasses), `yamlread` + `schema` + `loader` (reading and
validating trip files), `store` + `importer` (SQLite through sqlite-utils), `queries` (reads),
`export` (Markdown, JSON, iCalendar), `doctor`, `cli`, and `ui` (the Textual desk).

Textual is imported by `ui/` (the desk) and by the benchmark's two app harnesses that drive
it, `bench/minimal.py` (the baseline app) and `bench/pilot_bench.py` (the Pilot driver), and
by no other module: the commands for scripts never load it (tests/test_layers.py checks both).
"""
