"""rich Text that wraps double-width (Korean) text with nothing lost.

rich (up to 15.0 at least) wraps a line, then strips the trailing space of each piece only
when the piece has more *characters* than the width (`Text.rstrip_end` compares `len()`).
A Korean line whose last word exactly fills the width keeps its trailing space, is one cell
too wide, and is cut with an ellipsis: "전장 네트워크 체계" printed "전장 네트워 …" then "체계".
`FoldingText.wrap` is rich's own wrap with that strip done in cells, and it folds a word
longer than the line rather than cutting it. The CLI prints its table cells with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.text import Lines, Text

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, OverflowMethod


def _strip_to_width(line: Text, width: int) -> None:
    """Drop the trailing whitespace that makes the line wider than `width` cells."""
    excess = cell_len(line.plain) - width
    if excess > 0:
        spaces = len(line.plain) - len(line.plain.rstrip())
        if spaces:
            line.right_crop(min(spaces, excess))


class FoldingText(Text):
    """A Text whose wrapped lines are measured in cells and never cut."""

    def wrap(self, console: Console, width: int, *, justify: JustifyMethod | None = None,
             overflow: OverflowMethod | None = None, tab_size: int = 8, no_wrap: bool | None = None) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size,
                                no_wrap=no_wrap)
        # Wrapped text folds: a word too long for the line goes on over the next lines.
        fold = "crop" if (overflow or self.overflow) == "crop" else "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            pieces = line.divide(divide_line(str(line), width, fold=fold == "fold"))
            for piece in pieces:
                _strip_to_width(piece, width)
            pieces.justify(console, width, justify=justify or self.justify or "default", overflow=fold)
            for piece in pieces:
                piece.truncate(width, overflow=fold)
            lines.extend(pieces)
        return lines


__all__ = ["FoldingText"]
