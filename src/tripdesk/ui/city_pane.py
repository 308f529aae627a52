"""The city pane: the delegations' home cities (or the cities they visited) and their trips.

A lazy `Tree`: the top level lists the groups (home cities, or destinations after `d`), each
with its trip count; a group's trips are read by a worker when it is first opened. Labels are
drawn for the width of the pane (Korean counts two cells) and cut with an ellipsis, so
nothing ever scrolls sideways. Moving onto a trip posts `TripChosen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from rich.style import Style
from rich.text import Text as RichText
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode
from textual.worker import get_current_worker

from .. import queries
from ..model import DisplayLang
from .data import freeze_loaded
from .keys import CITY_TREE_KEYS
from .messages import CityMode, GroupsLoaded, LoadFailed, TripChosen, TripsLoaded
from .render import fit_str, lit, one_line

MODE_TITLES: dict[str, str] = {"home": "Home cities", "dest": "Destinations"}
MODE_HINTS: dict[str, str] = {"home": "d: destinations", "dest": "d: home cities"}
EMPTY_STORE_NOTES = ("no trips in the store", "Import trip files with:", "  tripdesk import PATH",
                     "(see docs/data-format.md)")


@dataclass(frozen=True)
class NodeInfo:
    """What a tree node stands for."""

    kind: Literal["group", "trip", "note"]
    mode: CityMode
    key: str  # city id, destination key or trip id
    name: object = None  # the group's model Text, or a note's string
    count: int = 0
    trip: queries.TripRow | None = None


class CityTree(Tree[NodeInfo]):
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
        # new line strips are enough.
        self._rich_style = None
        super(Tree, self).notify_style_update()
        self._clear_line_cache_only()

    def _clear_line_cache_only(self) -> None:
        self._line_cache.clear()
        self._updates += 1
        self.refresh()

    def _build(self) -> None:
        self._room = self.scrollable_content_region.width  # for get_label_width, once per build
        super()._build()

    def _on_resize(self, event) -> None:  # noqa: ANN001
        self._labels.clear()
        super()._on_resize(event)

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
            prefix = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE,
                      base_style + Style(bold=True))
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
        if info.kind == "group":
            count = str(info.count)
            name = _group_name(info, lang)
            room = max(width - len(count) - 1, 1)
            name = fit_str(name, room)
            gap = max(width - len(count) - _cells(name), 1)
            return RichText.assemble(RichText(name), " " * gap, (count, "dim"))
        if info.kind == "trip" and info.trip is not None:
            row = info.trip
            span = (f"{row.start:%m-%d}..{row.end:%m-%d}" if width >= 40 else f"{row.day_count}d")
            title = one_line(row.title.get(lang))
            if info.mode == "dest":
                title = f"{row.home_city.get(lang)} · {title}"
            head = f"{row.year} "
            room = max(width - len(head) - len(span) - 1, 1)
            title = fit_str(title, room)
            gap = max(width - len(head) - _cells(title) - len(span), 1)
            return RichText.assemble((head, "bold"), RichText(title), " " * gap, (span, "dim"))
        return RichText(fit_str(str(info.name or ""), width), style="dim italic")

    def get_label_width(self, node: TreeNode[NodeInfo]) -> int:
        # Labels are fitted to the width, so the tree never needs to scroll sideways. (Called for
        # every line when the lines are built: the width is read once per build.)
        return max(self._room - self._depth(node) * self.guide_depth, 0)


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _group_name(info: NodeInfo, lang: DisplayLang) -> str:
    name = info.name
    if isinstance(name, queries.DestinationRow):
        return name.label(lang)
    return one_line(name.get(lang)) if name is not None else info.key  # type: ignore[union-attr]


class CityPane(Vertical):
    """Home cities or destinations, each opening to its trips."""

    DEFAULT_CLASSES = "pane"
    ALLOW_MAXIMIZE = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode: CityMode = "home"
        self._groups: dict[CityMode, list] = {}
        self._trips: dict[tuple[CityMode, str], list[queries.TripRow]] = {}
        self._loading: set[tuple[CityMode, str]] = set()
        self._reveal: tuple[str, str] | None = None  # (city id, trip id) to move to when loaded
        self._pending_step: tuple[str, int] | None = None  # (group key, +1/-1) while loading

    def compose(self) -> ComposeResult:
        yield Static(lit("loading…", "dim"), id="city-caption", markup=False)
        tree = CityTree(id="city-tree")
        tree.cursor_moved = self._cursor_moved
        yield tree

    @property
    def tree(self) -> CityTree:
        return self.query_one(CityTree)

    def on_mount(self) -> None:
        self.border_title = "Cities"
        self.border_subtitle = MODE_HINTS[self.mode]
        rows = self.app.data.ready("home_cities") if self.mode == "home" else None  # type: ignore[attr-defined]
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
            rows = data.home_cities() if mode == "home" else data.destinations()
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

    @on(GroupsLoaded)
    def _groups_loaded(self, message: GroupsLoaded) -> None:
        message.stop()
        self._groups[message.mode] = message.rows
        if message.mode == self.mode:
            self._fill()
        freeze_loaded()

    @on(TripsLoaded)
    def _trips_loaded(self, message: TripsLoaded) -> None:
        message.stop()
        key = (message.mode, message.key)
        self._loading.discard(key)
        self._trips[key] = message.rows
        if message.mode != self.mode:
            return
        node = self._group_node(message.key)
        if node is not None:
            self._fill_group(node, message.rows)
        self._finish_reveal()
        if self._pending_step is not None and self._pending_step[0] == message.key:
            _, delta = self._pending_step
            self._pending_step = None
            if self.tree.cursor_node is node:
                self.step_trip(delta)
        freeze_loaded()

    # -- building the tree --------------------------------------------------------------------

    def _fill(self) -> None:
        tree = self.tree
        rows = self._groups.get(self.mode, [])
        tree.clear()
        tree.relabel()
        caption = self.query_one("#city-caption", Static)
        if self.mode == "home":
            trips = sum(r.trip_count for r in rows)
            label = f"{MODE_TITLES['home']} · {len(rows)} · {trips} trips"
        else:
            label = f"{MODE_TITLES['dest']} · {len(rows)} cities visited"
        caption.update(lit(label, "bold"))
        if not rows:
            for note in EMPTY_STORE_NOTES:
                tree.root.add_leaf(RichText(note), NodeInfo("note", self.mode, "", name=note))
            return
        for row in rows:
            key = row.id if self.mode == "home" else row.key
            name = row.name if self.mode == "home" else row
            node = tree.root.add(RichText(key), NodeInfo("group", self.mode, key, name=name,
                                                         count=row.trip_count))
            node.allow_expand = True
        tree.cursor_line = 0
        self._finish_reveal()

    def _fill_group(self, node: TreeNode[NodeInfo], rows: list[queries.TripRow]) -> None:
        node.remove_children()
        for row in rows:
            node.add_leaf(RichText(row.id), NodeInfo("trip", self.mode, row.id, trip=row))
        if not rows:
            node.add_leaf(RichText("-"), NodeInfo("note", self.mode, "", name="no trips"))
        node.allow_expand = True

    def _group_node(self, key: str) -> TreeNode[NodeInfo] | None:
        for node in self.tree.root.children:
            if node.data is not None and node.data.kind == "group" and node.data.key == key:
                return node
        return None

    # -- user actions -------------------------------------------------------------------------

    def toggle_mode(self) -> None:
        """Switch between home cities and destinations."""
        self.mode = "dest" if self.mode == "home" else "home"
        self.border_subtitle = MODE_HINTS[self.mode]
        self._reveal = None
        if self.mode in self._groups:
            self._fill()
        else:
            self.tree.clear()
            self.query_one("#city-caption", Static).update(lit("loading…", "dim"))
            self.load_groups(self.mode)

    def relabel(self) -> None:
        self.tree.relabel()

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[NodeInfo]) -> None:
        event.stop()
        info = event.node.data
        if info is None or info.kind != "group":
            return
        key = (info.mode, info.key)
        cached = self._trips.get(key)
        if cached is not None:
            if not event.node.children:
                self._fill_group(event.node, cached)
            return
        if key not in self._loading:
            self._loading.add(key)
            event.node.add_leaf(RichText("loading"), NodeInfo("note", info.mode, "", name="loading…"))
            self.load_trips(info.mode, info.key)

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

    def reveal(self, city_id: str, trip_id: str) -> None:
        """Put the cursor on a trip under its home city (opening and loading it first)."""
        if self.mode != "home":
            return
        self._reveal = (city_id, trip_id)
        node = self._group_node(city_id)
        if node is not None and not node.is_expanded:
            node.expand()
        self._finish_reveal()

    def _finish_reveal(self) -> None:
        if self._reveal is None:
            return
        city_id, trip_id = self._reveal
        node = self._group_node(city_id)
        if node is None:
            return
        if not node.is_expanded:
            node.expand()
        for child in node.children:
            if child.data is not None and child.data.kind == "trip" and child.data.key == trip_id:
                self._reveal = None
                self._move_to(child)
                return

    def step_trip(self, delta: int) -> bool:
        """Move the cursor to the previous (-1) or next (+1) trip of the open group.

        On a group, opens it and goes to its first (or last) trip. Returns False at the ends.
        """
        tree = self.tree
        node = tree.cursor_node
        if node is None:
            children = list(tree.root.children)
            if not children:
                return False
            node = children[0]
        info = node.data
        if info is None:
            return False
        if info.kind == "group":
            if not node.is_expanded:
                node.expand()
            trips = [c for c in node.children if c.data is not None and c.data.kind == "trip"]
            if trips:
                self._move_to(trips[0] if delta > 0 else trips[-1])
                return True
            if (info.mode, info.key) in self._trips:
                return False
            # still loading: go there when the trips arrive
            self._pending_step = (info.key, delta)
            return True
        parent = node.parent
        if parent is None:
            return False
        trips = [c for c in parent.children if c.data is not None and c.data.kind == "trip"]
        try:
            index = trips.index(node)
        except ValueError:
            return False
        target = index + delta
        if 0 <= target < len(trips):
            self._move_to(trips[target])
            return True
        return False

    def _move_to(self, node: TreeNode[NodeInfo]) -> None:
        """Put the cursor on a node (lines are laid out first, so new children have a line)."""
        tree = self.tree
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
