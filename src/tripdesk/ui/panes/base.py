"""The frame the desk's three panes share: a bordered box, styled by `.pane` in tripdesk.tcss,
that shows on its border whether the focus is in it and can be maximized."""

from __future__ import annotations

from textual.containers import Vertical

from ..paint import BorderedPane, FocusBorder


class DeskPane(FocusBorder, BorderedPane, Vertical):
    """A pane of the desk (cities, timeline, detail)."""

    DEFAULT_CLASSES = "pane"
    COMPONENT_CLASSES = {"pane--focused"}  # its border with the focus in it (FocusBorder)
    ALLOW_MAXIMIZE = True
