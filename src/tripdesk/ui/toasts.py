"""Toasts that fit the screen.

Textual stacks a toast from the bottom of the screen up, so one taller than the screen loses
its first lines, and with them what the message is about (a long keymap error, a store's
problems on a 20-line terminal). `fit_to_screen` keeps the lines a toast can show, as Textual
wraps them, and says how many were left out.
"""

from __future__ import annotations

from textual.content import Content

from ..i18n import N_, Translator

# Textual's Toast: 60 cells wide at most, half the screen (tripdesk.tcss); one cell of border on
# the left and one of padding each side; a line of padding above and below, a line of margin.
TOAST_WIDTH = 60
TOAST_SIDES = 3
TOAST_FRAME = 3
# The footer under the toasts, and a line to spare.
SCREEN_RESERVED = 2
MORE_LINES = N_("… {count} more lines")


def _room(width: int) -> int:
    """The cells of a toast's line on a screen `width` cells wide."""
    return max(1, min(TOAST_WIDTH, width // 2) - TOAST_SIDES)


def toast_lines(text: str, width: int) -> int:
    """How many lines a toast on a screen `width` cells wide shows `text` in."""
    return sum(len(Content(line).wrap(_room(width))) or 1 for line in text.split("\n"))


def fit_to_screen(message: str, title: str, width: int, height: int, words: Translator) -> str:
    """`message` cut to the lines a toast titled `title` shows whole on the screen, at a line of
    the message where one fits, its last line saying how many of the message's lines were left
    out; the message itself when it fits."""
    room = _room(width)
    available = height - SCREEN_RESERVED - TOAST_FRAME - (toast_lines(title, width) if title else 0)
    source = message.split("\n")
    pieces = [(k, str(part)) for k, line in enumerate(source) for part in (Content(line).wrap(room) or [Content("")])]
    if len(pieces) <= available or available < 2:
        return message
    kept = pieces[:available - 1]
    cut = pieces[len(kept)][0]  # the line of the message the cut falls in
    whole = [piece for piece in kept if piece[0] != cut] or kept  # not half a line, unless it is the first
    shown = len({k for k, _ in whole if k != cut})
    return "\n".join([text for _, text in whole] + [words(MORE_LINES).format(count=len(source) - shown)])
