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


def toast_lines(text: str, width: int, height: int) -> int:
    """How many lines a toast on a screen `width` x `height` cells shows `text` in."""
    room = max(1, min(TOAST_WIDTH, width // 2) - TOAST_SIDES)
    return sum(len(Content(line).wrap(room)) or 1 for line in text.split("\n"))


def fit_to_screen(message: str, title: str, width: int, height: int, words: Translator) -> str:
    """`message` cut to the lines a toast titled `title` shows whole on the screen, at a line of
    the message where one fits, its last line saying how many of the message's lines were left
    out; the message itself when it fits."""
    room = max(1, min(TOAST_WIDTH, width // 2) - TOAST_SIDES)
    available = height - SCREEN_RESERVED - TOAST_FRAME - (toast_lines(title, width, height) if title else 0)
    source = message.split("\n")
    pieces = [(k, str(part)) for k, line in enumerate(source) for part in (Content(line).wrap(room) or [Content("")])]
    if len(pieces) <= available or available < 2:
        return message
    kept = pieces[:available - 1]
    whole = [piece for piece in kept if piece[0] != pieces[len(kept)][0]] or kept  # not half a line
    shown = len({k for k, _ in whole if all(p[0] != k for p in pieces[len(whole):])})
    return "\n".join([text for _, text in whole] + [words(MORE_LINES).format(count=len(source) - shown)])
