"""Korean letters in a toast, tooltip or dialog drawn over the panes stay whole.

Textual's compositor cuts every screen line at the edges of every widget on it, the ones
hidden under an overlay too, and fills each piece from the topmost widget there. A
double-width letter of the overlay that straddles the edge of a pane beneath it is split by
that cut, and `Strip.divide` turns its halves into spaces: "언어: 한국어" came out as
"언어: 한  " at some terminal widths (Textualize/textual#6357, open for Textual 8).

`install()` replaces `Compositor._render_chops` with the same loop that, for each widget's
line, does not cut it where the widget fills the pieces on both sides of the edge (nothing
above it claimed either): the run of pieces goes whole into the first one, and the others
get an empty strip so that no widget below claims them. Lines with no overlay are cut where
they were. Installed when the desk's app module is imported.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Sequence

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

EMPTY = Strip([], 0)


def _render_chops(self: Compositor, crop: Region,
                  is_rendered_line: Callable[[int], bool]) -> Sequence[Mapping[int, Strip]]:
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    intersection = Region.intersection
    for region, clip, strips in self._get_renders(crop):
        render_region = intersection(region, clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            # The pieces this widget fills (the first painted wins), in runs of neighbours:
            # a run is cut only at its ends.
            kept: list[int] = []
            merged: list[int] = []
            previous_free = False
            for cut in final_cuts[:-1]:
                free = line.get(cut) is None
                if free and previous_free:
                    merged.append(cut)
                else:
                    kept.append(cut)
                previous_free = free
            if not merged:
                pieces: Iterable[Strip] = strip.divide([cut - render_x for cut in final_cuts[1:]])
                for cut, piece in zip(final_cuts, pieces):
                    if line.get(cut) is None:
                        line[cut] = piece
                continue
            bounds = [cut for cut in final_cuts[1:] if cut not in merged]
            for cut, piece in zip(kept, strip.divide([cut - render_x for cut in bounds])):
                if line.get(cut) is None:
                    line[cut] = piece
            for cut in merged:
                line[cut] = EMPTY
    return chops  # type: ignore[return-value]


def install() -> None:
    """Use the compositor's loop above (once; idempotent)."""
    Compositor._render_chops = _render_chops  # type: ignore[method-assign]
