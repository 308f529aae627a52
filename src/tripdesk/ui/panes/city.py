"""The city pane: the delegations' home cities (or the cities they visited) and their trips.

A lazy `Tree`: the top level lists the groups (home cities; after `d`, the destinations by
country, then state, then city), each with its trip count; a city's trips are read by a worker
when it is first opened. A destination that every trip reached by an inferred place (Los
Angeles in 2013) is marked, and the mark explained under the list. Labels are
drawn for the width of the pane (Korean counts two cells) and cut with an ellipsis, so
nothing ever scrolls sideways. Moving onto a trip posts `TripChosen`.

Each list is kept when `d` switches to the other (`KeptTree`): switching back puts it back
as it was left (what was open, the cursor, its drawn lines) instead of building 1,000
destinations again. A kept list is dropped when the store is read again (`reload`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Literal

from rich.style import Style
from rich.text import Text as RichText
from textual import on, work
from textual._segment_tools import line_pad
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode
from textual.worker import get_current_worker

from ...i18n import N_, translator
from ...store import queries
from ...text import Text
from ..data import freeze_loaded
from ..keys import CITY_TREE_KEYS
from ..messages import CityMode, GroupsLoaded, InferredLoaded, LoadFailed, TripChosen, TripsLoaded
from ..paint import CachedScrollbars, fast_render_lines
from ..render import INFERRED, Fitted, fit_str, lit, one_line, words
from ..waiting import MovesWait, waits
from .base import DeskPane

if TYPE_CHECKING:
    from ...model import DisplayLang, Trip

MODE_TITLES: dict[str, str] = {"home": N_("Home cities"), "dest": N_("Destinations")}
MODE_HINTS: dict[str, str] = {"home": N_("d: destinations"), "dest": N_("d: home cities")}
# Destinations open down to their cities when there are at most this many; more (1,000 on a
# large store) open at their states: every line of a `Tree` is laid out again on each fold,
# and a list of 1,000 cities is read state by state anyway.
OPEN_STATES_UP_TO = 150
INFERRED_LEGEND = N_("* inferred on every visit: see the day's note")
EMPTY_STORE_NOTES = (N_("no trips in the store"), N_("Import trip files with:"), "  tripdesk import PATH",
                     N_("(see docs/data-format.md)"))


@dataclass
class KeptTree:
    """A list as it was last shown (`CityTree.keep`), to be put back by `CityTree.put_back`:
    its nodes, the lines laid out from them and the strips drawn for them, the cursor and
    the scroll."""

    root: TreeNode[NodeInfo]
    updates: int  # Tree._updates: part of the key of every drawn line
    lines: list | None  # Tree._tree_lines_cached
    line_caches: dict
    line_look: tuple | None
    line_cache: LRUCache
    virtual_size: Size
    cursor_node: TreeNode[NodeInfo] | None
    scroll_y: float
    guide_depth: int
    generation: int  # CityTree.generation when kept: labels or width changed since if not equal
    lang: str
    source: object = None  # what the list was built from (CityPane: the mode's groups)
    stale: bool = False  # nodes added or removed while it was kept: lay its lines out again


@dataclass(frozen=True)
class NodeInfo:
    """What a tree node stands for."""

    kind: Literal["group", "region", "trip", "note"]  # region: a country or state of destinations
    mode: CityMode
    key: str  # city id, destination key, "US" or "US/CA" for a region, or trip id
    name: object = None  # the group's model Text, or a note's string
    count: int = 0
    trip: queries.TripRow | None = None


class CityTree(MovesWait, CachedScrollbars, Tree[NodeInfo],
               moves=("cursor_down", "cursor_up", "scroll_home", "scroll_end", "page_up", "page_down",
                      "cursor_previous_sibling", "cursor_next_sibling", "cursor_parent",
                      "cursor_parent_next_sibling", "toggle_expand_all")):
    """The tree of groups and trips, with labels fitted to its width."""

    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "

    cursor_moved: Callable[[TreeNode[NodeInfo] | None], None] | None = None  # set by CityPane

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="cities.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="cities.up"),
        Binding("g,home", "scroll_home", "First", show=False, id="cities.first"),
        Binding("G,end", "scroll_end", "Last", show=False, id="cities.last"),
        Binding("enter", "select_cursor", "Open",
                tooltip="Open a city (its trips) or a trip (its timeline)", id="cities.open"),
        Binding("space", "toggle_node", "Fold", show=False, tooltip="Open or close a city",
                id="cities.toggle"),
        *CITY_TREE_KEYS,  # Tree's own keys, with ids
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(RichText("cities"), id=id)
        self.show_root = False
        self.guide_depth = 3
        self.auto_expand = True
        self._labels: dict[tuple[int, int, str], RichText] = {}
        self._rich_style: Style | None = None
        self._room = 0
        self._line_look: tuple | None = None
        self._look_memo: tuple | None = None
        self._line_caches: dict[tuple, LRUCache[tuple, Strip]] = {}
        self.inferred: frozenset[str] = frozenset()  # destinations marked (set by CityPane)
        # Bumped whenever every label must be drawn again (language, marks, width): a kept
        # list from before is laid out and drawn again when it is put back.
        self.generation = 0

    # Keys typed faster than a city's trips are read (Enter ↓ ↓ Enter: open a city, go to its
    # second trip, open it) would otherwise move over the "loading" line and past the city.
    # From the key that opens a city whose trips are not read yet until they are in the tree,
    # the tree's own moves wait, and then run in the order their keys came (waiting.py).

    opens_unread: Callable[[TreeNode[NodeInfo]], bool] | None = None  # set by CityPane
    trip_opening: Callable[[str], None] | None = None  # set by CityPane
    # the timeline's names for the moves its keys (g, G, Enter) make here
    MOVES_ELSEWHERE = {"action_scroll_home": "action_first", "action_scroll_end": "action_last",
                       "action_select_cursor": "action_select"}

    @waits
    def action_select_cursor(self) -> None:
        self._hold_if_opening()
        node = self.cursor_node
        info = node.data if node is not None else None
        if info is not None and info.kind == "trip" and self.trip_opening is not None:
            self.trip_opening(info.key)  # at once: the keys after Enter are for the timeline
        super().action_select_cursor()

    @waits
    def action_toggle_node(self) -> None:
        self._hold_if_opening()
        super().action_toggle_node()

    def _hold_if_opening(self) -> None:
        node = self.cursor_node
        if (node is not None and not node.is_expanded and self.opens_unread is not None
                and self.opens_unread(node)):
            self.hold_moves()

    # Tree draws every visible line again when the cursor moves within a group; keeping the
    # fitted labels and the widget's style saves most of that work.

    @property
    def rich_style(self) -> Style:
        if self._rich_style is None:
            self._rich_style = super().rich_style
        return self._rich_style

    def notify_style_update(self) -> None:
        # A style change (the focus coming or going is one) changes how lines look, not which
        # lines there are: `Tree` would rebuild every line and lay out the whole screen again;
        # new line strips are enough (see `render_lines`).
        self._rich_style = None
        super(Tree, self).notify_style_update()
        self.refresh()

    def _look(self) -> tuple:
        """Every style a line is drawn with (see `Tree._render_line`)."""
        base = (self.rich_style, self.background_colors)
        # Textual replaces a component's styles object whenever it restyles the widget:
        # while the same objects are there, the components' part is the one worked out last.
        components = tuple(self._component_styles.get(name) for name in _TREE_PARTS)
        memo = self._look_memo
        if memo is not None and memo[0] == base and all(
                a is b for a, b in zip(memo[1], components)):
            return memo[2]
        parts = tuple((self.get_component_rich_style(name), self.get_component_rich_style(name, partial=True),
                       self.get_component_styles(name).color) for name in _TREE_PARTS)
        look = (*base, parts)
        self._look_memo = (base, components, look)
        return look

    def render_lines(self, crop: Region) -> list[Strip]:
        # As Tree's own render_lines: the pseudo classes (focus, hover) are part of its line keys
        self._pseudo_class_state = self.get_pseudo_class_state()
        # The lines drawn in each look are kept apart: focus comes and goes (the tree's tint
        # and cursor change), and its lines need not all be drawn again each time. A line's
        # key in Tree's cache holds all that the line shows but its styles.
        look = self._look()
        if look != self._line_look:
            self._line_look = look
            cache = self._line_caches.get(look)
            if cache is None:
                if len(self._line_caches) >= 4:
                    self._line_caches.clear()
                cache = self._line_caches[look] = LRUCache(max(self._line_cache.maxsize, 1024))
            self._line_cache = cache
        # What every line of this frame is drawn for (Tree asks for the sizes line by line)
        width = self.size.width
        self._frame = (width, self.scrollable_content_region.width, max(self.virtual_size.width, width),
                       self.scroll_offset, self.rich_style)
        try:
            return fast_render_lines(self, crop, self.render_line, super().render_lines)
        finally:
            self._frame = None

    _frame: tuple | None = None

    def render_line(self, y: int) -> Strip:
        if self._frame is None:
            return super().render_line(y)
        width, _, _, (scroll_x, scroll_y), style = self._frame
        return self._render_line(y + scroll_y, scroll_x, scroll_x + width, style)

    def _build(self) -> None:
        self._room = self.scrollable_content_region.width  # for get_label_width, once per build
        super()._build()

    # A line is drawn once for what it shows, wherever it is: Tree keys its drawn lines by
    # their line number and by a count of every change to the tree, so a fold (Enter on a
    # state) drew every line on screen again, ~0.3 ms each. Here a line's key is what it is
    # drawn from (its node and the nodes above it, their state, the cursor and the mouse on
    # it, the width, the labels' generation); lines that only moved up or down are taken as
    # they were. The mouse finds a line by its node (`node` in the segments' meta), not by a
    # line number that would move with it.

    def _clear_line_cache(self) -> None:
        self._tree_lines_cached = None  # the drawn lines stay: their keys say what they show

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        tree_lines = self._tree_lines
        frame = self._frame
        if frame is None:
            width = self.size.width
            content_width, pad_width = self.scrollable_content_region.width, max(self.virtual_size.width, width)
        else:
            width, content_width, pad_width = frame[:3]
        if y >= len(tree_lines):
            return Strip.blank(width, base_style)
        line = tree_lines[y]
        hover_line = self.hover_line
        is_hover = hover_line >= 0 and any(node._hover for node in line.path)
        key = (tuple((node._id, node._updates, node.is_last) for node in line.path), line.last, is_hover,
               hover_line == y, self.cursor_line == y, width, content_width, pad_width,
               self._pseudo_class_state, self.guide_depth, self.generation, self.show_guides)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._line_cache[key] = self._draw_line(line, y, base_style, is_hover, pad_width)
        if x1 == 0 and strip.cell_length <= x2:
            return strip  # (what `crop` would give back)
        return strip.crop(x1, x2)

    def _draw_line(self, line, y: int, base_style: Style, is_hover: bool, pad_width: int) -> Strip:  # noqa: ANN001
        """`Tree._render_line`'s drawing of a line, with the node (not the line number) in its meta."""
        base_hidden = self.get_component_styles("tree--guides").color.a == 0
        hover_hidden = self.get_component_styles("tree--guides-hover").color.a == 0
        selected_hidden = self.get_component_styles("tree--guides-selected").color.a == 0
        base_guide_style = self.get_component_rich_style("tree--guides", partial=True)
        guide_hover_style = base_guide_style + self.get_component_rich_style("tree--guides-hover", partial=True)
        guide_selected_style = base_guide_style + self.get_component_rich_style("tree--guides-selected",
                                                                               partial=True)
        hover = line.path[0]._hover
        selected = line.path[0]._selected and self.has_focus

        def get_guides(style: Style, hidden: bool) -> tuple[str, str, str, str]:
            if self.show_guides and not hidden:
                lines = self.LINES["default"]
                if style.bold:
                    lines = self.LINES["bold"]
                elif style.underline2:
                    lines = self.LINES["double"]
            else:
                lines = ("  ", "  ", "  ", "  ")
            depth = max(0, self.guide_depth - 2)
            return tuple(f"{chars[0]}{chars[1] * depth} " for chars in lines)  # type: ignore[return-value]

        line_style = self.get_component_rich_style("tree--highlight-line") if is_hover else base_style
        line_style += Style(meta={"node": line.node._id})
        guides = RichText(style=line_style)
        guide_style = base_guide_style
        hidden = True
        for node in line.path[1:]:
            hidden = base_hidden
            if hover:
                guide_style = guide_hover_style
                hidden = hover_hidden
            if selected:
                guide_style = guide_selected_style
                hidden = selected_hidden
            space, vertical, _, _ = get_guides(guide_style, hidden)
            if node != line.path[-1]:
                guides.append(space if node.is_last else vertical, style=guide_style)
            hover = hover or node._hover
            selected = (selected or node._selected) and self.has_focus
        if len(line.path) > 1:
            _, _, terminator, cross = get_guides(guide_style, hidden)
            guides.append(terminator if line.last else cross, style=guide_style)
        label_style = self.get_component_rich_style("tree--label", partial=True)
        if self.hover_line == y:
            label_style += self.get_component_rich_style("tree--highlight", partial=True)
        if self.cursor_line == y:
            label_style += self.get_component_rich_style("tree--cursor", partial=False)
        label = self.render_label(line.path[-1], line_style, label_style).copy()
        label.stylize(Style(meta={"node": line.node._id}))
        guides.append(label)
        segments = list(guides.render(self.app.console))
        return Strip(line_pad(segments, 0, pad_width - guides.cell_len, line_style))

    def _line_of(self, meta: dict) -> int | None:
        """The line of the node under the mouse (the node is in the line's meta)."""
        node = self._tree_nodes.get(meta.get("node", -1)) if meta else None
        return node._line if node is not None and node._line >= 0 else None

    def _on_mouse_move(self, event) -> None:  # noqa: ANN001
        event.prevent_default()  # not Tree's, which looks for a line number
        line = self._line_of(event.style.meta)
        self.hover_line = -1 if line is None else line

    async def _on_click(self, event) -> None:  # noqa: ANN001
        # (Tree's own finds no line number in the meta and does nothing; Widget's runs after.)
        async with self.lock:
            line = self._line_of(event.style.meta)
            if line is not None:
                self.cursor_line = line
                await self.run_action("select_cursor")

    def _on_resize(self, event) -> None:  # noqa: ANN001
        self._labels.clear()
        self.generation += 1
        super()._on_resize(event)

    # -- a list kept while the other is shown ---------------------------------------------------

    def keep(self, source: object = None) -> KeptTree:
        """The list shown, to put back later; the tree then starts an empty list of its own
        (new node ids go on from the kept ones', so labels cached by id never mix)."""
        kept = KeptTree(self.root, self._updates, self._tree_lines_cached, self._line_caches, self._line_look,
                        self._line_cache, self.virtual_size, self._cursor_node, self.scroll_y,
                        self.guide_depth, self.generation, self.lang, source)
        self._line_caches = {}
        self._line_look = None
        self._line_cache = LRUCache(self._line_cache.maxsize)
        self._new_root(discard=False)
        return kept

    def new_list(self) -> None:
        """An empty list in place of the one shown (whose nodes are dropped)."""
        self._new_root(discard=True)

    def _new_root(self, discard: bool) -> None:
        old = self.root
        if discard:  # forget its nodes (`Tree.clear` leaves them in `_tree_nodes`)
            stack = list(old._children)
            while stack:
                node = stack.pop()
                self._tree_nodes.pop(node._id, None)
                stack.extend(node._children)
        self._clear_line_cache()
        self.root = TreeNode(self, None, self._new_id(), old._label, old.data, expanded=old.is_expanded)
        self._tree_nodes[self.root._id] = self.root
        self._cursor_node = None
        self.set_reactive(Tree.cursor_line, -1)
        self._updates += 1
        self.refresh()

    def put_back(self, kept: KeptTree) -> None:
        """Show a kept list again as it was left (the list shown is dropped: keep it first).
        Its lines are drawn from the strips kept with it unless labels or the width changed."""
        self._new_root(discard=True)
        self.root = kept.root
        self._updates = kept.updates
        self._line_caches, self._line_look, self._line_cache = kept.line_caches, kept.line_look, kept.line_cache
        self._tree_lines_cached = kept.lines
        self.set_reactive(Tree.guide_depth, kept.guide_depth)
        self._cursor_node = kept.cursor_node
        self.set_reactive(Tree.cursor_line, kept.cursor_node._line if kept.cursor_node is not None else -1)
        if kept.stale or kept.lines is None or kept.generation != self.generation:
            self._labels.clear()
            self._invalidate()
            _ = self._tree_lines  # laid out now: the scroll below is kept within its lines
        else:
            self.virtual_size = kept.virtual_size
            self.refresh()
        self.scroll_to(y=kept.scroll_y, animate=False, force=True, immediate=True)

    @property
    def lang(self) -> DisplayLang:
        return getattr(self.app, "language", "en")

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        before = self.cursor_node
        super().watch_cursor_line(previous_line, line)
        # Told at once (not by a message, as `NodeHighlighted` is): a trip already in the cache
        # can then be drawn in the same frame as the cursor that moved onto it. (Only when the
        # cursor is on another node: lines renumbered under it after an expand do not count.)
        node = self.cursor_node
        if node is not before and self.cursor_moved is not None:
            self.cursor_moved(node)

    def relabel(self) -> None:
        """Draw every label again (after a language change)."""
        self._labels.clear()
        self.generation += 1
        self._invalidate()

    def _depth(self, node: TreeNode[NodeInfo]) -> int:
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return depth

    def render_label(self, node: TreeNode[NodeInfo], base_style: Style, style: Style) -> RichText:
        info = node.data
        width = self.scrollable_content_region.width - self._depth(node) * self.guide_depth
        if node.allow_expand:
            width -= 2
            # The icon takes the label's style too (the cursor's and the hover's highlight), so
            # the highlight covers the whole line from the icon on.
            prefix = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE,
                      base_style + style + _BOLD)
        else:
            prefix = ("", base_style)
        key = (node.id, width, self.lang)
        label = self._labels.get(key)
        if label is None:
            label = self._label(info, max(width, 1)) if info is not None else RichText("")
            if len(self._labels) > 4096:
                self._labels.clear()
            self._labels[key] = label
        label = label.copy()
        label.stylize(style)
        return RichText.assemble(prefix, label)

    def _label(self, info: NodeInfo, width: int) -> RichText:
        lang = self.lang
        if info.kind in ("group", "region"):
            count = str(info.count)
            name = _group_name(info, lang)
            mark = f" {INFERRED}" if info.kind == "group" and info.key in self.inferred else ""
            room = max(width - len(count) - 1 - len(mark), 1)
            name = fit_str(name, room)
            gap = max(width - len(count) - _cells(name) - len(mark), 1)
            return RichText.assemble((name, "bold" if info.kind == "region" else ""),
                                     (mark, "italic yellow"), " " * gap, (count, "dim"))
        if info.kind == "trip" and info.trip is not None:
            row = info.trip
            title = one_line(row.title.get(lang))
            if info.mode == "dest":
                title = f"{row.home_city.get(lang)} · {title}"
            head = f"{row.year} "
            span, room = _trip_span(row, width - len(head), lang)
            if room <= 0:  # no room for the title: the year and the start
                line = fit_str(head + span, width)
                return RichText.assemble((line[:len(head)], "bold"), (line[len(head):], "dim"))
            title = fit_str(title, room)
            gap = max(width - len(head) - _cells(title) - len(span), 1)
            return RichText.assemble((head, "bold"), RichText(title), " " * gap, (span, "dim"))
        return RichText(fit_str(words(self)(str(info.name or "")), width), style="dim italic")

    def get_label_width(self, node: TreeNode[NodeInfo]) -> int:
        # Labels are fitted to the width, so the tree never needs to scroll sideways. (Called for
        # every line when the lines are built: the width is read once per build.)
        return max(self._room - self._depth(node) * self.guide_depth, 0)


_BOLD = Style(bold=True)
_TREE_PARTS = ("tree--label", "tree--guides", "tree--guides-hover", "tree--guides-selected",
               "tree--cursor", "tree--highlight", "tree--highlight-line")

# A trip's dates on its line, the widest that leaves the title at least so many cells.
_SPAN_CHOICES: tuple[tuple[Callable[[queries.TripRow, str], str], int], ...] = (
    (lambda row, lang: f"{row.start:%m-%d}..{row.end:%m-%d}", 20),  # 10-12..10-20
    (lambda row, lang: f"{row.start:%m-%d} · " + translator(lang)("{n}d").format(n=row.day_count),
     16),  # 10-12 · 9d
    (lambda row, lang: f"{row.start:%m-%d}", 3),  # 10-12
)


def _trip_span(row: queries.TripRow, width: int, lang: str = "en") -> tuple[str, int]:
    """The dates to show after the year in `width` cells, and the cells left for the title
    (0: no title, only the start's month and day)."""
    for make, least in _SPAN_CHOICES:
        span = make(row, lang)
        room = width - _cells(span) - 1
        if room >= least:
            return span, room
    return f"{row.start:%m-%d}", 0


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _group_name(info: NodeInfo, lang: DisplayLang) -> str:
    name = info.name
    if isinstance(name, queries.DestinationRow):  # under its country and state: the city alone
        return one_line(name.city.get(lang))
    return one_line(name.get(lang)) if name is not None else info.key  # type: ignore[union-attr]


def _group_order(info: NodeInfo | None, lang: DisplayLang) -> tuple[str, str, str]:
    """Groups are listed by their name as shown (Korean names by code point, which is the
    order of the Hangul syllables), then by key."""
    if info is None:
        return ("", "", "")
    name = _group_name(info, lang)
    return (name.casefold(), name, info.key)


def _follow_key(trip: Trip) -> tuple[str, str, tuple[str, ...]]:
    """What the pane needs to find a trip's line in either mode: (trip id, home city id,
    destination keys in the itinerary's order)."""
    return (trip.id, trip.home_city.id, tuple(p.key for p in trip.destinations()))


class CityPane(DeskPane):
    """Home cities or destinations, each opening to its trips."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode: CityMode = "home"
        self._groups: dict[CityMode, list] = {}
        self._trips: dict[tuple[CityMode, str], list[queries.TripRow]] = {}
        self._loading: set[tuple[CityMode, str]] = set()
        self._holding_for: tuple[CityMode, str] | None = None  # the city whose trips keys wait for
        self._reveal: tuple[str, str] | None = None  # (group key, trip id) to move to when loaded
        # (group key, +1/-1, the node the cursor was on) while the group's trips load
        self._pending_step: tuple[str, int, TreeNode[NodeInfo] | None] | None = None
        # the trip to find again when the tree is built for the other mode (see `_follow_key`)
        self._follow: tuple[str, str, tuple[str, ...]] | None = None
        # `reload`: the groups that were open and the cursor's place, to restore once read again
        self._restore: tuple[list[str], tuple[str, str] | None] | None = None
        # the list of the mode not shown, as it was left (see `toggle_mode`)
        self._kept: dict[CityMode, KeptTree] = {}

    def compose(self) -> ComposeResult:
        yield Static(lit(words(self)("loading…"), "dim"), id="city-caption", markup=False)
        tree = CityTree(id="city-tree")
        tree.cursor_moved = self._cursor_moved
        tree.opens_unread = self._opens_unread
        tree.trip_opening = self._trip_opening
        yield tree
        yield Static("", id="city-legend", markup=False)

    @property
    def tree(self) -> CityTree:
        return self.query_one(CityTree)

    def on_mount(self) -> None:
        self.retitle()
        rows = self.app.data.ready("home_cities") if self.mode == "home" else None  # type: ignore[attr-defined]
        self.query_one("#city-legend", Static).display = False
        if rows is not None:  # read while the app started: in the first frame
            self._groups["home"] = rows
            self._fill()
        else:
            self.load_groups(self.mode)

    # -- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="city-groups")
    def load_groups(self, mode: CityMode) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        try:
            rows = data.home_cities() if mode == "home" else data.destination_groups()
        except Exception as exc:  # noqa: BLE001 - any store failure is shown, not raised
            self.post_message(LoadFailed(str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(GroupsLoaded(mode, rows))

    @work(thread=True, group="city-trips")
    def load_trips(self, mode: CityMode, key: str) -> None:
        data = self.app.data  # type: ignore[attr-defined]
        try:
            rows = data.trips_from(key) if mode == "home" else data.trips_to(key)
        except Exception as exc:  # noqa: BLE001
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(TripsLoaded(mode, key, rows))

    @work(thread=True, exclusive=True, group="city-inferred")
    def load_inferred(self, keys: set[str]) -> None:
        """Which destinations rest on inferred places alone: read from the trips' documents
        after the list is shown (~1 s on 10,000 trips), then marked."""
        try:
            found = self.app.data.inferred_destinations(keys)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - any store failure is shown, not raised
            self.post_message(LoadFailed(str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(InferredLoaded(found))

    @on(GroupsLoaded)
    def _groups_loaded(self, message: GroupsLoaded) -> None:
        message.stop()
        self._groups[message.mode] = message.rows
        if isinstance(message.rows, queries.DestinationGroups):
            self.load_inferred({row.key for row in message.rows.rows})
        if message.mode == self.mode:
            self._fill()
        freeze_loaded()

    @on(InferredLoaded)
    def _inferred_loaded(self, message: InferredLoaded) -> None:
        message.stop()
        tree = self.tree
        if message.keys != tree.inferred:
            tree.inferred = message.keys
            tree.relabel()
            self._legend()

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self._holding_for = None
        self.tree.release_moves()  # and the message goes on to the screen, which shows it

    @on(TripsLoaded)
    def _trips_loaded(self, message: TripsLoaded) -> None:
        message.stop()
        key = (message.mode, message.key)
        self._loading.discard(key)
        self._trips[key] = message.rows
        if key == self._holding_for:
            # the moves that waited run once this handler has put the trips in the tree
            self._holding_for = None
            self.call_later(self.tree.release_moves)
        if message.mode != self.mode:
            kept = self._kept.get(message.mode)
            node = self._group_node(message.key, kept.root) if kept is not None else None
            if kept is not None and node is not None and node.is_expanded:
                # a city opened before `d`, its trips read since: listed when it is shown again
                self._fill_group(node, message.rows)
                kept.stale = True
            return
        node = self._group_node(message.key)
        if node is not None:
            self._fill_group(node, message.rows)
        self._finish_reveal()
        if self._pending_step is not None and self._pending_step[0] == message.key:
            _, delta, origin = self._pending_step
            self._pending_step = None
            if node is not None and self.tree.cursor_node is origin:  # the user has not moved
                groups = self._group_nodes()
                self._step_into(groups, groups.index(node), delta, origin)
        freeze_loaded()

    # -- building the tree --------------------------------------------------------------------

    def _rows(self, mode: CityMode) -> list:  # noqa: ANN001 - the groups' rows of a mode
        groups = self._groups.get(mode)
        if isinstance(groups, queries.DestinationGroups):
            return groups.rows
        return groups or []

    def _fill(self) -> None:
        tree = self.tree
        rows = self._rows(self.mode)
        tree.new_list()
        # Destinations nest three deep (country, state, city) before their trips: narrower
        # guides leave a trip's title room in a 34-column pane.
        tree.guide_depth = 2 if self.mode == "dest" else 3
        self._caption(rows)
        self._legend()
        follow, self._follow = self._follow, None
        if not rows:
            for note in EMPTY_STORE_NOTES:
                tree.root.add_leaf(RichText(words(self)(note)), NodeInfo("note", self.mode, "", name=note))
            return
        lang = tree.lang
        groups = self._groups.get(self.mode)
        if isinstance(groups, queries.DestinationGroups):
            self._add_destinations(groups)
        else:
            infos = [NodeInfo("group", self.mode, row.id, name=row.name, count=row.trip_count) for row in rows]
            infos.sort(key=lambda info: _group_order(info, lang))
            self._add_batch(tree.root, infos)
        tree._invalidate()
        tree.cursor_line = 0
        if follow is not None:
            self._reveal_in_mode(follow)
        self._restore_after_reload()
        self._finish_reveal()

    def _add_batch(self, parent: TreeNode[NodeInfo], infos: list[NodeInfo],
                   expand: bool = False) -> list[TreeNode[NodeInfo]]:
        """Add nodes that open (groups, regions) under `parent`, as one batch: `TreeNode.add`
        invalidates the tree's lines and asks for a new layout for each node (200 groups on a
        large store: ~5 ms before the first frame). A line is drawn from its NodeInfo
        (`render_label`), not from the label."""
        tree = self.tree
        nodes = []
        for info in infos:
            node = tree._add_node(parent, RichText(info.key), info, expand=expand)
            node._allow_expand = True
            parent._children.append(node)
            nodes.append(node)
        return nodes

    def _add_destinations(self, groups: queries.DestinationGroups) -> None:
        """Countries (open), their states (open when there are at most OPEN_STATES_UP_TO
        cities in all) and their cities (closed, as home cities are), each with the trips
        that went there; a country's cities without a state follow its states."""
        lang = self.tree.lang
        tree: dict[str, dict[str | None, list[NodeInfo]]] = {}
        for row in groups.rows:
            tree.setdefault(row.country, {}).setdefault(row.state, []).append(
                NodeInfo("group", "dest", row.key, name=row, count=row.trip_count))

        def region(key: str, count: int) -> NodeInfo:
            return NodeInfo("region", "dest", key, name=groups.names.get(key, Text(plain=key)), count=count)

        countries = sorted((region(code, groups.countries.get(code, 0)) for code in tree),
                           key=lambda info: _group_order(info, lang))
        for country_node in self._add_batch(self.tree.root, countries, expand=True):
            code = country_node.data.key  # type: ignore[union-attr]
            states = sorted((region(f"{code}/{state}", groups.states.get((code, state), 0))
                             for state in tree[code] if state is not None),
                            key=lambda info: _group_order(info, lang))
            open_states = len(groups.rows) <= OPEN_STATES_UP_TO
            for state_node in self._add_batch(country_node, states, expand=open_states):
                state = state_node.data.key.split("/", 1)[1]  # type: ignore[union-attr]
                self._add_batch(state_node, sorted(tree[code][state], key=lambda info: _group_order(info, lang)))
            self._add_batch(country_node, sorted(tree[code].get(None, []), key=lambda info: _group_order(info, lang)))

    def _legend(self) -> None:
        """Under the destinations, what their mark means (when one is marked)."""
        legend = self.query_one("#city-legend", Static)
        marked = self.mode == "dest" and bool(self.tree.inferred)
        legend.display = marked
        if marked:
            _ = words(self)
            legend.update(lit(_(INFERRED_LEGEND), "italic $warning"))  # wrapped in a narrow pane

    def reload(self) -> None:
        """Read the list again (the store changed), keeping what is open and the cursor's
        place: its trip (revealed when its city's trips are read again), else its city."""
        tree = self.tree
        open_groups = [n.data.key for n in self._group_nodes() if n.is_expanded and n.data is not None]
        node = tree.cursor_node
        place = None
        if node is not None and node.data is not None and node.data.kind in ("group", "trip"):
            group = node if node.data.kind == "group" else node.parent
            if group is not None and group.data is not None:
                place = (group.data.key, node.data.key if node.data.kind == "trip" else "")
        self._restore = (open_groups, place)
        self._kept.clear()  # built from what the store held before
        self._groups.clear()
        self._trips.clear()
        self._loading.clear()
        self._pending_step = None
        self.load_groups(self.mode)

    def _restore_after_reload(self) -> None:
        if self._restore is None:
            return
        open_groups, place = self._restore
        self._restore = None
        for key in open_groups:
            node = self._group_node(key)
            if node is not None:
                node.expand()
        if place is None:
            return
        group_key, trip_id = place
        if trip_id:
            self._reveal = (group_key, trip_id)  # when the city's trips are read again
        else:
            node = self._group_node(group_key)
            if node is not None:
                self._move_to(node)

    def _reveal_in_mode(self, follow: tuple[str, str, tuple[str, ...]]) -> None:
        """Ask for a trip's line in the current mode: under its home city, or under the first
        destination it visited in the list's order."""
        trip_id, city_id, destinations = follow
        if self.mode == "home":
            self._reveal = (city_id, trip_id)
            return
        visited = set(destinations)
        for node in self._group_nodes():
            if node.data is not None and node.data.key in visited:
                self._reveal = (node.data.key, trip_id)
                return

    def _sort_groups(self) -> None:
        """List the groups (and the countries and states) again in the order of their names in
        the display language."""
        tree = self.tree
        lang = tree.lang
        changed = False

        def sort(children: list[TreeNode[NodeInfo]]) -> None:
            nonlocal changed
            if not children or any(n.data is None or n.data.kind not in ("group", "region") for n in children):
                return
            order = [n.data for n in children]
            # a country's states first, then its cities without a state (as they were added)
            children.sort(key=lambda n: (n.data.kind != "region", _group_order(n.data, lang)))
            changed = changed or [n.data for n in children] != order
            for node in children:
                if node.data is not None and node.data.kind == "region":
                    sort(node._children)

        sort(tree.root._children)
        if not changed:
            return
        cursor = tree.cursor_node
        tree._invalidate()
        if cursor is not None:
            self._move_to(cursor)

    def _fill_group(self, node: TreeNode[NodeInfo], rows: list[queries.TripRow]) -> None:
        node.remove_children()
        for row in rows:
            node.add_leaf(RichText(row.id), NodeInfo("trip", self.mode, row.id, trip=row))
        if not rows:
            node.add_leaf(RichText("-"), NodeInfo("note", self.mode, "", name=N_("no trips")))
        node.allow_expand = True

    def _group_node(self, key: str, root: TreeNode[NodeInfo] | None = None) -> TreeNode[NodeInfo] | None:
        for node in self._group_nodes(root):
            if node.data is not None and node.data.key == key:
                return node
        return None

    def _group_nodes(self, root: TreeNode[NodeInfo] | None = None) -> list[TreeNode[NodeInfo]]:
        """The cities (home cities, or destinations under their countries and states), in the
        list's order (of the list shown, or of the one under `root`)."""
        out: list[TreeNode[NodeInfo]] = []

        def walk(children: list[TreeNode[NodeInfo]]) -> None:
            for node in children:
                if node.data is None:
                    continue
                if node.data.kind == "group":
                    out.append(node)
                elif node.data.kind == "region":
                    walk(node._children)

        walk((root if root is not None else self.tree.root)._children)
        return out

    @staticmethod
    def _trip_nodes(group: TreeNode[NodeInfo]) -> list[TreeNode[NodeInfo]]:
        return [c for c in group.children if c.data is not None and c.data.kind == "trip"]

    # -- user actions -------------------------------------------------------------------------

    def toggle_mode(self, shown: Trip | None = None) -> None:
        """Switch between home cities and destinations.

        `shown` (the trip in the timeline) gets the cursor in the new list, its group open.
        """
        left = self.mode
        self.mode = "dest" if self.mode == "home" else "home"
        self.retitle()
        self._reveal = None
        self._pending_step = None
        self._follow = _follow_key(shown) if shown is not None else None
        kept = self._kept.pop(self.mode, None)
        if left in self._groups:  # the list shown is kept as it is, to be put back by the next `d`
            self._kept[left] = self.tree.keep(self._groups[left])
        if self.mode in self._groups:
            if kept is not None and kept.source is self._groups[self.mode]:
                self._put_back(kept)
            else:
                self._fill()
        else:
            self.tree.new_list()
            self.query_one("#city-caption", Static).update(lit(words(self)("loading…"), "dim"))
            self.load_groups(self.mode)

    def _put_back(self, kept: KeptTree) -> None:
        """Show a kept list again: what was open stays open, and the cursor goes where it was
        (on a trip no longer shown: on its city), then to the trip shown, as `_fill` does."""
        tree = self.tree
        tree.put_back(kept)
        if kept.lang != tree.lang:
            self._sort_groups()
        self._caption(self._rows(self.mode))
        self._legend()
        follow, self._follow = self._follow, None
        node = tree.cursor_node
        if node is None:
            tree.cursor_line = 0
        elif node.data is not None and node.data.kind == "trip" and node.parent is not None and (
                follow is None or follow[0] != node.data.key):
            self._move_to(node.parent)
        if follow is not None:
            self._reveal_in_mode(follow)
        self._finish_reveal()

    def retitle(self) -> None:
        """The pane's title and subtitle in the app's language."""
        _ = words(self)
        self.border_title = _("Cities")
        self.border_subtitle = _(MODE_HINTS[self.mode])

    def _caption(self, rows: list) -> None:  # noqa: ANN001 - the rows of the mode shown
        """`Home cities · 2 · 4 trips`, in shorter forms for a narrow pane, before the shortest
        is cut (the pane's border names the list too: "Cities", "d: destinations")."""
        _ = words(self)
        if self.mode == "home":
            count = sum(r.trip_count for r in rows)
            trips = _.ngettext("{n} trip", "{n} trips", count).format(n=count)
            forms = [f"{_(MODE_TITLES['home'])} · {len(rows)} · {trips}",
                     f"{_('Home')} · {len(rows)} · {trips}", f"{len(rows)} · {trips}"]
        else:
            cities = _.ngettext("{n} city", "{n} cities", len(rows)).format(n=len(rows))
            forms = [_("{title} · {cities} visited").format(title=_(MODE_TITLES["dest"]), cities=cities),
                     f"{_(MODE_TITLES['dest'])} · {cities}", f"{_('Visited')} · {cities}", cities]
        self.query_one("#city-caption", Static).update(Fitted(*[lit(form, "bold") for form in forms]))

    def relabel(self) -> None:
        """Draw the list again in the app's language (and in the order of its names)."""
        self.retitle()
        if self.mode in self._groups:
            self._caption(self._rows(self.mode))
            self._legend()
        self._sort_groups()
        self.tree.relabel()

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[NodeInfo]) -> None:
        event.stop()
        self._ensure_trips(event.node)
        if self._holding_for is None:  # nothing to wait for (read meanwhile, or not a city)
            self.tree.release_moves()

    def _opens_unread(self, node: TreeNode[NodeInfo]) -> bool:
        """Whether opening `node` has its trips read first (a city not opened before)."""
        info = node.data
        return info is not None and info.kind == "group" and (info.mode, info.key) not in self._trips

    def _ensure_trips(self, node: TreeNode[NodeInfo]) -> None:
        """List a group's trips under it: at once if they were read, else read them."""
        info = node.data
        if info is None or info.kind != "group":
            return
        key = (info.mode, info.key)
        cached = self._trips.get(key)
        if cached is not None:
            if not node.children:
                self._fill_group(node, cached)
            return
        if key not in self._loading:
            self._loading.add(key)
            node.remove_children()
            node.add_leaf(RichText("loading"), NodeInfo("note", info.mode, "", name=N_("loading…")))
            if self.tree.holding_moves:  # the user opened it: keys wait for its trips
                self._holding_for = key
            self.load_trips(info.mode, info.key)

    def _trip_opening(self, trip_id: str) -> None:
        """Enter on a trip: the screen moves the focus to the timeline now (`TripChosen`, which
        opens the trip, follows)."""
        opening = getattr(self.screen, "trip_opening", None)
        if opening is not None:
            opening(trip_id)

    def _cursor_moved(self, node: TreeNode[NodeInfo] | None) -> None:
        """The cursor is on another line: show its trip now if the screen has it at hand.

        `TripChosen` still follows (from `NodeHighlighted`) and finds the trip shown.
        """
        info = node.data if node is not None else None
        if info is None or info.kind != "trip" or not self.is_mounted:
            return
        show_now = getattr(self.screen, "show_cached_trip", None)
        if show_now is not None:
            show_now(info.key)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeInfo]) -> None:
        event.stop()
        info = event.node.data
        if info is not None and info.kind == "trip":
            self.post_message(TripChosen(info.key))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeInfo]) -> None:
        event.stop()
        info = event.node.data
        if info is not None and info.kind == "trip":
            self.post_message(TripChosen(info.key, open=True))

    @on(Tree.NodeCollapsed)
    def _collapsed(self, event: Tree.NodeCollapsed[NodeInfo]) -> None:
        event.stop()

    def open_group(self, key: str) -> bool:
        """Expand a group (loading its trips) and put the cursor on it."""
        node = self._group_node(key)
        if node is None:
            return False
        node.expand()
        self._move_to(node)
        return True

    def reveal(self, trip: Trip) -> None:
        """Put the cursor on a trip: under its home city, or in destinations under the first
        place it visited (opening and loading that group first)."""
        self._reveal = None
        self._reveal_in_mode(_follow_key(trip))
        if self._reveal is None:
            return
        node = self._group_node(self._reveal[0])
        if node is not None and not node.is_expanded:
            node.expand()
        self._finish_reveal()

    def _finish_reveal(self) -> None:
        if self._reveal is None:
            return
        group_key, trip_id = self._reveal
        node = self._group_node(group_key)
        if node is None:
            return
        if not node.is_expanded:
            node.expand()
        self._ensure_trips(node)  # listed at once if they were read; else when they are
        for child in node.children:
            if child.data is not None and child.data.kind == "trip" and child.data.key == trip_id:
                self._reveal = None
                self._move_to(child)
                return

    def step_trip(self, delta: int) -> bool:
        """Move the cursor to the previous (-1) or next (+1) trip in the list, across groups.

        Past a group's first or last trip, goes on to the group before or after it (opening
        it, and loading its trips first if need be). On a group, `]` goes to its first trip and
        `[` to the last trip of the group before (the first group: its own last trip). Returns
        False at the ends of the list.
        """
        node = self.tree.cursor_node
        info = node.data if node is not None else None
        group = node.parent if node is not None else None
        if info is not None and info.kind == "trip" and group is not None and group.data is not None \
                and group.data.kind == "group":
            trips = self._trip_nodes(group)
            target = trips.index(node) + delta if node in trips else -1
            if 0 <= target < len(trips):  # within the group (the list of groups is not needed)
                self._move_to(trips[target])
                return True
            groups = self._group_nodes()
            return self._step_into(groups, groups.index(group) + delta, delta, node)
        groups = self._group_nodes()
        if not groups:
            return False
        # on a group (or a note): `]` its first trip, `[` the last trip of the group before
        if node in groups:
            index = groups.index(node)
        elif group in groups:
            index = groups.index(group)
        else:
            index = 0
        if delta < 0 and index > 0:
            index -= 1
        return self._step_into(groups, index, delta, node)

    def _step_into(self, groups: list[TreeNode[NodeInfo]], index: int, delta: int,
                   origin: TreeNode[NodeInfo] | None) -> bool:
        """Go to the first (+1) or last (-1) trip of `groups[index]`, or of the next group
        with trips in the direction of `delta`. A group whose trips are not read yet is opened
        and read by a worker: the cursor moves when they arrive (if it is still on `origin`)."""
        while 0 <= index < len(groups):
            group = groups[index]
            info = group.data
            assert info is not None
            cached = self._trips.get((info.mode, info.key))
            if not group.is_expanded:
                group.expand()
            self._ensure_trips(group)
            if cached is None:
                self._pending_step = (info.key, delta, origin)
                return True
            if cached:
                trips = self._trip_nodes(group)
                if trips:
                    self._move_to(trips[0] if delta > 0 else trips[-1])
                    return True
            index += delta
        return False

    def _move_to(self, node: TreeNode[NodeInfo]) -> None:
        """Put the cursor on a node (lines are laid out first, so new children have a line)."""
        tree = self.tree
        parent = node.parent
        while parent is not None and parent is not tree.root:  # a city in a closed country or state
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        _ = tree.last_line  # builds the tree lines if nodes were added since the last render
        tree.move_cursor(node, animate=False)

    def neighbours(self, trip_id: str, count: int = 2) -> list[str]:
        """The ids of the trips listed next to `trip_id` (after it first), for prefetching."""
        node = self.tree.cursor_node
        if node is None or node.data is None or node.data.key != trip_id or node.parent is None:
            return []
        siblings = [c.data.key for c in node.parent.children
                    if c.data is not None and c.data.kind == "trip"]
        try:
            index = siblings.index(trip_id)
        except ValueError:
            return []
        after = siblings[index + 1:index + 1 + count]
        before = siblings[max(index - count, 0):index][::-1]
        return after + before

    def first_city_with(self, trip_id: str) -> str | None:
        """The home city id under which a loaded trip row is listed, if any."""
        for (mode, key), rows in self._trips.items():
            if mode == "home" and any(r.id == trip_id for r in rows):
                return key
        return None
