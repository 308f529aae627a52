"""A compositor that never splits a Korean letter of a widget drawn over others.

Textual composes each screen line from pieces ("chops") cut at every edge of every widget on
that line, the edges of the widgets *beneath* an overlay included, and cuts each widget's line
at all of them. A toast (or a tooltip) over the panes is cut where a pane's border or
scrollbar lies beneath it; a double-width letter across such a cut is split, and a split
letter is drawn as two spaces: "갏곕갘겛" in a toast showed as "    갘겛" (Textual issue
#6357, open in Textual 8.2).

`WholeGlyphCompositor` cuts a widget's line only where the widget stops being the one seen:
at a cut between two pieces that the same widget wins, the line is not cut, the first piece
holds both and the second an empty strip (so that no widget beneath claims it). A partial
update (a pane beneath the toast changed) writes a line holding such a piece whole, rather than
cropping the piece where the change ends, which would split the letter again. The screen is
otherwise drawn as Textual draws it.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from textual import screen as textual_screen
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

_EMPTY = Strip([], 0)


class WholeGlyphCompositor(Compositor):
    """Textual's compositor, its `_render_chops` cutting a line only between two widgets."""

    def _render_chops(self, crop: Region, is_rendered_line: Callable[[int], bool]
                      ) -> Sequence[Mapping[int, Strip]]:
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        intersection = Region.intersection
        # Front to back: the first piece given to a chop wins it.
        for region, clip, strips in self._get_renders(crop):
            render_region = intersection(region, clip)
            render_x = render_region.x
            first_cut, last_cut = render_region.column_span
            for y, strip in zip(render_region.line_range, strips):
                if not is_rendered_line(y):
                    continue
                line = chops[y]
                final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                if len(final_cuts) <= 2:  # one chop: nothing to cut (Textual's own path)
                    if line.get(first_cut) is None:
                        line[first_cut] = strip.divide([last_cut - render_x])[0]
                    continue
                won = [line.get(cut) is None for cut in final_cuts[:-1]]
                kept = [final_cuts[i] for i in range(1, len(final_cuts) - 1) if not (won[i - 1] and won[i])]
                kept.append(final_cuts[-1])
                starts = [final_cuts[0], *kept[:-1]]
                for start, piece in zip(starts, strip.divide([cut - render_x for cut in kept])):
                    if line.get(start) is None:
                        line[start] = piece
                for i in range(1, len(final_cuts) - 1):
                    if won[i - 1] and won[i]:
                        line[final_cuts[i]] = _EMPTY  # drawn by the piece before it
        return chops  # type: ignore[return-value]

    def render_partial_update(self) -> ChopsUpdate | None:
        update = super().render_partial_update()
        if update is None:
            return None
        merged = {y for y, _x1, _x2 in update.spans
                  if any(strip is _EMPTY for strip in update.chops[y].values())}
        if merged:
            # Each piece holding others ends with them, and a change that ends inside such a
            # piece is written to its ends (the piece is the screen as it is now), rather
            # than cropped where the change ends, splitting a letter again.
            holding: dict[int, list[tuple[int, int]]] = {}  # line -> (start, end) of such pieces
            for y in merged:
                strips = list(update.chops[y].values())
                ends = update.chop_ends[y] = _merged_ends(strips, update.chop_ends[y])
                holding[y] = [(x, end) for (x, strip), end, after in zip(update.chops[y].items(), ends, strips[1:])
                              if strip is not None and after is _EMPTY]
            spans: list[tuple[int, int, int]] = []
            for y, x1, x2 in update.spans:
                for x, end in holding.get(y, ()):
                    if x < x2 and end > x1:
                        x1, x2 = min(x1, x), max(x2, end)
                spans.append((y, x1, x2))
            update.spans = spans
        return update


def _merged_ends(strips: list[Strip | None], ends: list[int]) -> list[int]:
    """The end of each chop of a line, a chop holding those after it (`_EMPTY`) ending with them."""
    out = list(ends)
    for index in range(len(strips) - 2, -1, -1):
        if strips[index + 1] is _EMPTY:
            out[index] = out[index + 1]
    return out


def install() -> None:
    """Make every screen created from now on compose with `WholeGlyphCompositor` (a screen
    makes its compositor in `Screen.__init__`, from the name in its module)."""
    textual_screen.Compositor = WholeGlyphCompositor  # type: ignore[attr-defined, misc]
