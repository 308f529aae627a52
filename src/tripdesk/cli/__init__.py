"""The `tripdesk` command: the desk itself, and commands for scripts.

    tripdesk                      open the desk (the Textual app)
    tripdesk new TRIP-ID          write a trip file to fill in
    tripdesk validate [PATH...]   check trip files
    tripdesk import [PATH...]     load trip files into the store
    tripdesk list [--json]        the trips in the store
    tripdesk agreements           every agreement: date, city, kind, parties, status
    tripdesk stats                rankings of destinations and agreements
    tripdesk show TRIP            a trip's timeline
    tripdesk search QUERY         search everything
    tripdesk export TRIP          a Markdown, JSON or iCalendar briefing
    tripdesk doctor               check the store
    tripdesk draft ARTICLE...     draft a trip file from press articles

Nothing here imports Textual except the plain `tripdesk` launch. Every failure the user can
act on is a `TripdeskError`, printed as one message with its fix, never as a traceback.

The modules, top to bottom: `common` (exit statuses, the console), `language` (which language
the command line speaks), `datafiles` (the store, and the commands on trip files), `reading`,
`generated` and `drafting` (the other commands), `desk` (launching the app), `parser` (the
grammar) and `run` (`main`).
"""

from __future__ import annotations

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from .datafiles import db_path, open_store
from .parser import build_parser, desk_args
from .run import main

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "db_path", "desk_args", "main", "open_store"]
