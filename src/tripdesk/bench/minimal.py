"""The baseline app: the least a Textual app can show, started the way `tripdesk` is.

    python -m tripdesk.bench.minimal          Header, Static, Footer
    python -m tripdesk.bench.minimal --list   Header, an OptionList of 200 rows, Footer

The first is the first-paint and memory baseline, the second the key-to-frame baseline
(moving the highlight in a list, the cheapest thing a key can change on screen).
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList, Static

READY = "minimal app ready"


class MinimalApp(App[None]):
    TITLE = "minimal"

    def __init__(self, with_list: bool = False, rows: int = 200) -> None:
        super().__init__()
        self.with_list = with_list
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        if self.with_list:
            yield OptionList(*(f"row {i:03d} {READY}" for i in range(self.rows)), id="rows")
        else:
            yield Static(READY, id="ready")
        yield Footer()


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    MinimalApp(with_list="--list" in argv).run()


if __name__ == "__main__":
    main()
