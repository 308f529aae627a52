"""Korean text is never cut wrongly in the desk: wherever a pane wraps double-width text, the
lines it draws joined give back the text, with no syllable lost and no line wider than the
pane; where a pane cuts a line on purpose (a one-line list row, a table cell), the cut is
marked with '…' and the whole text is shown where the desk promises it (the detail pane).

First the pure line-building functions the panes draw with (`Doc`, `Row`, `fit`, the table's
cells), at widths 20 to 200; then the real desk driven headless, on a store holding a trip
whose title, event title and description are the random text.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content

from tripdesk.ui.render import Doc, fit, fit_str, lit, narrowed_indents
from tripdesk.ui.rowlist import MIN_WRAP, Row
from tripdesk.ui.tableview import Column, line_parts, widths as column_widths
from tripdesk.ui.panes.timeline import TITLE_HANG

from .test_ui_support import build_store, screen_text, settle

SAMPLE = Path(__file__).parent / "fixtures" / "valid" / "sample-trip.yaml"

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789,.()-·“”'")
korean_words = st.text(HANGUL, min_size=1, max_size=12)
mixed_words = st.text(st.one_of(HANGUL, LATIN), min_size=1, max_size=20)
long_korean = st.text(HANGUL, min_size=60, max_size=250)  # one word longer than any line
texts = st.one_of(
    st.lists(korean_words, min_size=1, max_size=30).map(" ".join),
    st.lists(st.one_of(korean_words, mixed_words), min_size=1, max_size=30).map(" ".join),
    st.lists(st.one_of(korean_words, long_korean), min_size=1, max_size=4).map(" ".join),
)
widths = st.integers(min_value=20, max_value=200)

PURE = settings(max_examples=40, deadline=None)


def squeeze(text: str) -> str:
    """The text without its spaces: a wrap may turn a space into a line break."""
    return "".join(text.split())


def assert_whole_or_marked(lines: list[str], text: str, width: int) -> None:
    """The lines give back `text` whole, or they are one line cut on purpose: the text's
    beginning and a '…'."""
    assert all(cell_len(line) <= width for line in lines), lines
    joined = squeeze("".join(lines))
    if joined != squeeze(text):
        assert len(lines) == 1 and lines[0].endswith("…"), lines
        assert squeeze(text).startswith(squeeze(lines[0][:-1])), lines


# -- the line-building functions -------------------------------------------------------------


@PURE
@given(text=texts, width=widths, indent=st.sampled_from([0, 2, 4, 6, 8]), hang=st.sampled_from([0, 1, 2]),
       label=st.sampled_from(["", "장소: ", "place: "]))
@example(text="가나다라마바사아자차카타파하 " * 3, width=20, indent=8, hang=2, label="")  # drawn 95 cells wide
def test_a_document_line_wraps_with_nothing_lost(text: str, width: int, indent: int, hang: int, label: str) -> None:
    """The detail pane and the article view draw `Doc` lines: wrapped under their indent,
    and in a view too narrow for the indent, with less of it, never past the edge."""
    doc = Doc().line((label, "dim"), lit(text), indent=indent, hang=hang)
    lines = [line.plain for line in doc.lines(width)]
    assert all(cell_len(line) <= width for line in lines), lines
    assert squeeze("".join(lines)) == squeeze(label + text)


def test_a_narrow_document_gives_up_its_indents_not_its_text() -> None:
    # 20 cells, indented 8 and hanging 2: 10 cells for the text. The line used to be drawn
    # unwrapped, 95 cells wide, and the view cut it at its edge with no mark.
    doc = Doc().line(lit("가나다라마바사아자차카타파하 " * 3), indent=8, hang=2)
    lines = [line.plain for line in doc.lines(20)]
    assert lines[0] == "        가나다라마바" and all(cell_len(line) <= 20 for line in lines)
    assert narrowed_indents(20, 8, 2) == (8, 0)
    assert narrowed_indents(12, 8, 2) == (0, 0)
    assert narrowed_indents(80, 8, 2) == (8, 2)


@PURE
@given(text=texts, width=widths, lines=st.integers(1, 3))
def test_a_document_line_of_several_lines_wraps_each(text: str, width: int, lines: int) -> None:
    body = "\n".join([text] * lines)
    doc = Doc().line(lit(body), indent=4, hang=2)
    drawn = [line.plain for line in doc.lines(width)]
    assert all(cell_len(line) <= width for line in drawn), drawn
    assert squeeze("".join(drawn)) == squeeze(body)


@PURE
@given(text=texts, width=widths)
def test_textuals_own_wrap_loses_nothing(text: str, width: int) -> None:
    """`Content.wrap`, which every `Static` of the desk wraps with (the import review's question,
    a toast, the palette's hits, dialog texts) and `Doc` and `Row` build on: measured in cells,
    a word longer than the line folded, nothing lost. (rich's `Text.wrap` is not: the CLI
    prints with `FoldingText`, tests/test_wrapping.py.)"""
    lines = [line.plain for line in Content(text).wrap(width)]
    assert all(cell_len(line) <= width for line in lines), lines
    assert squeeze("".join(lines)) == squeeze(text)


KINDS = ["방문", "면담", "meeting", "양해각서(MOU)", "가나다라마바사아자차카"]  # the last two wider than the column


@PURE
@given(title=texts, width=widths, kind=st.sampled_from(KINDS))
@example(title="a 가나다", width=33, kind=KINDS[-1])  # the first line was 34 cells, its "a" cut
def test_a_timeline_row_with_a_hanging_title_loses_nothing(title: str, width: int, kind: str) -> None:
    """An event's row (`  --:-- * kind       title`) wraps its title under itself, the head
    kept on its first line (in a list too narrow for that, the head on a line of its own and
    the title beneath it); a kind wider than its column whose last letter would straddle the
    head's edge starts the title instead (it once made the first line a cell too wide, and
    the list cut its last syllable)."""
    from tripdesk.ui.render import pad_cells
    from tripdesk.ui.panes.timeline import KIND_WIDTH

    prompt = Content.assemble("  --:-- * ", pad_cells(kind, KIND_WIDTH), " ", lit(title))
    row = Row(prompt, hang=TITLE_HANG)
    drawn = [fit(line, width).plain for line in row.lines_for(width)]
    assert all(cell_len(line) <= width for line in drawn), drawn
    if prompt.cell_length <= width:
        assert drawn == [prompt.plain]
    elif width - TITLE_HANG >= MIN_WRAP:
        assert squeeze("".join(drawn)) == squeeze(prompt.plain)
    else:  # too narrow for the title beside the head: the head alone (cut with a mark if it
        # is wider than the list), the title whole beneath it
        if drawn[0].endswith("…"):  # a head wider than the list (a long kind), cut
            assert squeeze(prompt.plain).startswith(squeeze(drawn[0][:-1])), drawn
            assert squeeze("".join(drawn[1:])).endswith(squeeze(title)), drawn
        else:
            assert squeeze("".join(drawn)) == squeeze(prompt.plain), drawn
        assert all(line.startswith("    ") for line in drawn[1:]), drawn


@PURE
@given(ko=texts, en=texts, width=widths)
def test_a_row_of_both_languages_wraps_every_line(ko: str, en: str, width: int) -> None:
    """A trip's row in `both`: each title whole on its own lines (`Row.wraps`)."""
    prompt = Content("\n").join([lit(ko), lit(en), Content("2024-10-12 – 2024-10-20")])
    row = Row(prompt, hang=2, wraps=True)
    drawn = [fit(line, width).plain for line in row.lines_for(width)]
    assert all(cell_len(line) <= width for line in drawn), drawn
    assert squeeze("".join(drawn)) == squeeze(ko + en + "2024-10-12–2024-10-20")


@PURE
@given(text=texts, width=widths)
def test_a_cut_is_marked_and_keeps_the_beginning(text: str, width: int) -> None:
    """`fit` (list rows, dialog titles, search hits) and `fit_str` (table cells, the city
    list): the text whole when it fits, else its beginning and '…', no wider than `width`,
    and no space put before the '…' for half a double-width character."""
    for cut in (fit(lit(text), width).plain, fit_str(text, width)):
        assert cell_len(cut) <= width
        if cut != text:
            assert cut.endswith("…") and text.startswith(cut[:-1]), cut
            # as much as fits: the next letter (after the spaces the cut drops) would not
            kept = len(cut) - 1
            rest = text[kept:]
            upto = len(rest) - len(rest.lstrip()) + 1
            assert cell_len(text[:kept + upto]) > width - 1, cut


@PURE
@given(cells=st.lists(texts, min_size=4, max_size=4), width=st.integers(40, 200))
def test_a_table_line_cuts_each_cell_with_a_mark(cells: list[str], width: int) -> None:
    """The ledger's and entities' one-line rows: each cell whole or its beginning and '…',
    each in its own column (the columns add up to the width)."""
    columns = [Column("date", "Date", 10), Column("city", "City", 8),
               Column("title", "Title", 10, flex=2), Column("parties", "Parties", 10, flex=1)]
    sizes = column_widths(columns, width)
    parts = line_parts(cells, columns, sizes)
    assert cell_len("".join(parts)) == width
    for part, size, cell in zip(parts, sizes, cells):
        shown = part[:len(part.rstrip())] if part.strip() else ""
        assert cell_len(part) == size + (1 if part is not parts[-1] else 0)
        assert shown == cell or (shown.endswith("…") and cell.startswith(shown[:-1])), (shown, cell)


# -- the desk, headless ----------------------------------------------------------------------


def trip_with(title: str, event_title: str, description: str) -> dict:
    """The sample trip, its Korean title, its event's Korean title and description the texts
    given."""
    doc = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    doc = copy.deepcopy(doc)
    doc["trip"]["title"] = {"ko": title}
    event = doc["days"][0]["events"][0]
    event["title"] = {"ko": event_title}
    event["description"] = {"ko": description}
    return doc


def store_with(folder: Path, doc: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "trip.yaml"
    source.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    db = folder / "desk.db"
    if db.exists():
        db.unlink()
    return build_store(db, source)


def view_lines(view) -> list[str]:  # noqa: ANN001 - a DocView or RowList
    """Every line the view draws (scrolled to its top), as text, from its own `render_line`."""
    view.scroll_to(0, 0, animate=False, immediate=True)
    count = view.virtual_size.height
    return [view.render_line(y).text for y in range(count)]


def cells_of(line: str, start: int, end: int) -> str:
    """The characters of a screen line in cells `start` to `end`."""
    out, cell = [], 0
    for char in line:
        if start <= cell < end:
            out.append(char)
        cell += cell_len(char)
    return "".join(out)


def drawn_text(lines: list[str]) -> str:
    return squeeze("".join(lines))


# A desk is started for each example: few of them, and a failure is reported as found (shrinking
# it would start hundreds more).
DESK = settings(max_examples=8, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
                suppress_health_check=[HealthCheck.function_scoped_fixture])
# From 80 columns the desk shows the city list, the timeline and the detail together.
desk_widths = st.integers(min_value=80, max_value=200)


async def open_the_event(app, pilot) -> None:  # noqa: ANN001
    """The sample city opened, its trip opened, the cursor on the trip's event."""
    await settle(pilot)
    tree = app.main.cities.tree
    for _ in range(10):
        node = tree.cursor_node
        if node is not None and node.data is not None and node.data.kind == "trip":
            break
        await pilot.press("enter" if node is not None and node.data is not None and node.data.kind == "group"
                          and not node.is_expanded else "down")
        await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


@DESK
@given(title=texts, event_title=texts, description=texts, english=texts, lang=st.sampled_from(["ko", "both"]),
       width=desk_widths, height=st.integers(min_value=24, max_value=40))
def test_the_desk_draws_every_syllable(tmp_path: Path, title: str, event_title: str, description: str,
                                       english: str, lang: str, width: int, height: int) -> None:
    """The desk at a random size on a trip of random Korean and mixed text (the trip's and the
    event's English title `english`), in Korean and in both languages: the detail pane draws
    the titles and the description whole; the timeline draws the event's title whole when it
    wraps beside its head, else cut with a mark, and in `both` the trip's two titles whole; in
    Korean the trip's title is cut with a mark in the timeline's first row; the city list cuts
    it with a mark. Every line of both panes fits its pane."""
    from tripdesk.text import Text
    from tripdesk.ui.app import TripdeskApp

    doc = trip_with(title, event_title, description)
    doc["trip"]["title"]["en"] = english
    doc["days"][0]["events"][0]["title"]["en"] = english
    db = store_with(tmp_path / f"desk-{abs(hash((title, event_title, description, english, width)))}", doc)
    trip_title = Text(ko=title, en=english).get(lang)  # type: ignore[arg-type]
    event_label = Text(ko=event_title, en=english).get(lang)  # type: ignore[arg-type]

    async def run() -> None:
        app = TripdeskApp(db_path=db, language=lang)
        async with app.run_test(size=(width, height)) as pilot:
            await open_the_event(app, pilot)
            screen = app.main
            timeline, detail = screen.timeline.list, screen.detail.view
            # The trip itself (the timeline's first row) in the detail pane: its titles whole.
            assert screen.timeline.ref == "trip"
            lines = view_lines(detail)
            room = detail.scrollable_content_region.width
            assert all(cell_len(line.rstrip()) <= room for line in lines)
            assert squeeze(title) in drawn_text(lines)
            if lang == "both":
                assert squeeze(english) in drawn_text(lines)
            # The trip in the city list (`2024 title  10-12`): whole, or cut with a mark.
            pane = screen.cities.tree.content_region
            row = next(line for line in screen_text(app).splitlines()[pane.y:pane.bottom] if "2024 " in line)
            label = cells_of(row, pane.x, pane.right).strip().lstrip("├└─ ")
            assert label.startswith("2024 ") and label.endswith("10-12"), label
            assert_whole_or_marked([label[len("2024 "):-len("10-12")].rstrip()], trip_title, pane.width)
            # Its first row in the timeline: in Korean one line, whole or cut with a mark; in
            # both, each title whole over as many lines as it takes, then the dates.
            list_width = timeline.scrollable_content_region.width
            trip_rows = [line.rstrip() for line in view_lines(timeline)[:len(timeline.row_lines(0))]]
            assert all(cell_len(line) <= list_width for line in trip_rows), trip_rows
            if lang == "both":
                titles = squeeze(title if title == english else title + english)
                drawn = drawn_text(trip_rows)
                assert drawn.startswith(titles), trip_rows
                assert drawn[len(titles):].startswith("*2024-10-12–2024-10-14"), trip_rows
            else:
                assert_whole_or_marked(trip_rows[:1], title, list_width)
            # The event: the timeline's row, then its detail.
            index = timeline.get_option_index("event:library-mou")
            timeline.highlighted = index
            await settle(pilot)
            assert screen.timeline.ref == "event:library-mou"
            first = timeline._first_line[index]
            rows = view_lines(timeline)[first:first + len(timeline.row_lines(index))]
            assert all(cell_len(line.rstrip()) <= list_width for line in rows), rows
            head = cells_of(rows[0], 0, TITLE_HANG)
            shown = [cells_of(line, TITLE_HANG, list_width) for line in rows]
            assert head.split() == ["14:30", "*", "서명" if lang == "ko" else "signing"], rows
            assert list_width - TITLE_HANG >= MIN_WRAP  # from 80 columns: beside its head
            assert drawn_text(shown) == squeeze(event_label), rows
            lines = view_lines(detail)
            assert all(cell_len(line.rstrip()) <= detail.scrollable_content_region.width for line in lines)
            assert squeeze(event_title) in drawn_text(lines)
            assert squeeze(description) in drawn_text(lines)
            if lang == "both":
                assert squeeze(english) in drawn_text(lines)
            # What the terminal shows of the detail pane (scrolled to its top) is those lines.
            await pilot.pause()
            region = detail.scrollable_content_region
            on_screen = [cells_of(line, region.x, region.right)
                         for line in screen_text(app).splitlines()[region.y:region.bottom]]
            shown = lines[:region.height] + [""] * (region.height - len(lines))  # (a short one, then blank)
            assert [squeeze(line) for line in on_screen] == [squeeze(line) for line in shown]

    asyncio.run(run())


# -- Textual's own widgets: toasts and the command palette -----------------------------------

short_texts = st.lists(st.one_of(korean_words, mixed_words, st.text(HANGUL, min_size=20, max_size=40)),
                       min_size=1, max_size=8).map(" ".join)


def fits_a_toast(message: str, width: int) -> bool:
    """Whether a toast shows `message` within a 40-line screen (a toast is 60 cells wide at
    most, half the screen; a line may waste up to half its room on a word that goes on)."""
    room = min(60, width // 2) - 4
    return cell_len(message) <= 12 * room


@DESK
@given(title=korean_words, message=short_texts, width=st.integers(min_value=40, max_value=200))
@example(title="갏곕갘겛겻각곦", message="둺겿겖격숡곉걷갆곸걡겞겍겥걇겲갮걶쥚겋풆쐻걪갂컰간곉걧겵겊", width=149)
@example(title="알림", message="겔곏떕걾겐갘겏팀겂 겔곏떕걾겐갘겏팀겂 겔곏떕걾겐갘겏팀겂 겔곏떕걾겐갘겏팀겂 겗간꿱갫갍걧걲걀겷걩갈걼",
         width=80)  # measured a line short, its last line below the screen (tripdesk.tcss: Toast)
def test_a_toast_folds_a_long_korean_message_with_nothing_lost(db_for_toasts: Path, title: str, message: str,
                                                                width: int) -> None:
    """A toast (Textual's `Toast`, a `Static` 60 cells wide at most, half the screen) wraps
    its message with Textual's `Content.wrap`, at syllable boundaries: its lines joined give
    back the title and the message, and the screen shows every letter of them: where a pane's
    border lies beneath the toast, Textual drew the letter across it as two spaces (the
    example: "갏곕" of the title, "둺겿" of the message; compositor.py). A toast taller than the
    screen would lose its top lines: the messages are kept to what a 40-line screen shows.
    A toast half a narrow screen wide was measured a line too short (the second example)."""
    from textual.widgets._toast import Toast

    from tripdesk.ui.app import TripdeskApp

    assume(fits_a_toast(title + message, width))

    async def run() -> None:
        app = TripdeskApp(db_path=db_for_toasts, language="ko")
        async with app.run_test(size=(width, 40), notifications=True) as pilot:
            await settle(pilot)
            app.notify(message, title=title, markup=False, timeout=30)
            await settle(pilot)
            [toast] = app.screen.query(Toast)
            region = toast.content_region
            assert region.y >= 0 and toast.region.bottom <= app.size.height - 1  # all of it on the screen, above the footer
            lines = [cells_of(line, region.x, region.right)
                     for line in screen_text(app).splitlines()[region.y:region.bottom]]
            assert all(cell_len(line.rstrip()) <= region.width for line in lines)
            assert drawn_text(lines) == squeeze(title + message)

    asyncio.run(run())


@pytest.mark.parametrize("language, more", [("en", "… {n} more lines"), ("ko", "… 나머지 {n}줄")])
def test_a_toast_taller_than_the_screen_keeps_its_first_lines_and_says_how_many_are_left_out(
        db_for_toasts: Path, language: str, more: str) -> None:
    """Textual stacks toasts from the bottom up: a message longer than the screen is tall lost
    its first lines, the ones that say what it is about. It is cut to what the screen shows."""
    from textual.widgets._toast import Toast

    from tripdesk.ui.app import TripdeskApp

    message = "\n".join(f"problem {k}: 협약 파일의 {k}번째 줄을 읽을 수 없습니다" for k in range(1, 41))

    async def run() -> None:
        app = TripdeskApp(db_path=db_for_toasts, language=language)
        async with app.run_test(size=(100, 20), notifications=True) as pilot:
            await settle(pilot)
            app.notify(message, title="tripdesk", markup=False, timeout=30)
            await settle(pilot)
            [toast] = app.screen.query(Toast)
            region = toast.content_region
            assert region.y >= 0 and toast.region.bottom <= app.size.height - 1
            lines = [cells_of(line, region.x, region.right).rstrip()
                     for line in screen_text(app).splitlines()[region.y:region.bottom]]
            shown = [line for line in lines if line.startswith("problem")]
            assert lines[0] == "tripdesk" and shown[0].startswith("problem 1:")
            assert lines[-1] == more.format(n=40 - len(shown))
            assert len(shown) >= 5

    asyncio.run(run())


@pytest.fixture(scope="module")
def db_for_toasts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_with(tmp_path_factory.mktemp("toasts"), trip_with("샘플시 대표단", "협약", "설명"))


@DESK
@given(title=texts, width=st.integers(min_value=40, max_value=200))
def test_the_palette_shows_a_trip_title_whole(tmp_path: Path, title: str, width: int) -> None:
    """The command palette (Textual's, its hits built by commands.py) wraps a hit's prompt,
    `출장으로 이동: 2024 <title> (<id>)`, over as many lines as it needs."""
    from textual.command import CommandList

    from tripdesk.ui.app import TripdeskApp

    db = store_with(tmp_path / f"palette-{abs(hash((title, width)))}", trip_with(title, "협약", "설명"))

    async def run() -> None:
        app = TripdeskApp(db_path=db, language="ko")
        async with app.run_test(size=(width, 40)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+p")
            await settle(pilot)
            await pilot.press(*"2024")
            await settle(pilot)
            await pilot.pause(0.3)
            await settle(pilot)
            hits = app.screen.query_one(CommandList)
            room = hits.scrollable_content_region.width
            lines = view_lines(hits)
            assert all(cell_len(line.rstrip()) <= room for line in lines), lines
            assert squeeze(f"2024 {title} (sample-2024-us)") in drawn_text(lines), lines

    asyncio.run(run())


CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


class Terminal:
    """Just enough of a terminal to apply Textual's output: cursor moves, and letters two
    cells wide (writing over either half of one blanks the other half)."""

    CONT = object()  # the second cell of a double-width letter

    def __init__(self, width: int, height: int) -> None:
        self.cells: list[list[object]] = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def _put(self, x: int, char: str) -> None:
        row = self.cells[self.y]
        if not 0 <= x < len(row):
            return
        if row[x] is self.CONT and x > 0:
            row[x - 1] = " "
        if x + 1 < len(row) and row[x + 1] is self.CONT:
            row[x + 1] = " "
        row[x] = char

    def write(self, data: str) -> None:
        position = 0
        for match in CSI.finditer(data):
            self._text(data[position:match.start()])
            if match.group(2) == "H":
                y, x = (int(n) for n in match.group(1).split(";"))
                self.y, self.x = y - 1, x - 1
            position = match.end()
        self._text(data[position:])

    def _text(self, text: str) -> None:
        for char in text:
            if char == "\n":
                self.y, self.x = self.y + 1, 0
                continue
            if self.y >= len(self.cells):
                return
            size = cell_len(char)
            self._put(self.x, char)
            if size == 2:
                self._put(self.x + 1, " ")
                self.cells[self.y][self.x + 1] = self.CONT
            self.x += size

    def lines(self) -> list[str]:
        return ["".join(c for c in row if c is not self.CONT) for row in self.cells]


@DESK
@given(message=short_texts, width=st.integers(min_value=80, max_value=200))
@example(message="둺겿겖격숡곉걷갆곸걡겞겍겥걇겲갮걶쥚겋풆쐻걪갂컰간곉걧겵겊", width=149)
def test_a_pane_drawn_again_beneath_a_toast_keeps_the_toast_whole(db_for_toasts: Path, message: str,
                                                                  width: int) -> None:
    """The terminal is written a full screen, then only what changed: a partial update of the
    panes beneath a toast must not split the toast's letters where the change ends."""
    from textual.widgets._toast import Toast

    from tripdesk.ui.app import TripdeskApp

    assume(fits_a_toast(message, width))

    async def run() -> None:
        app = TripdeskApp(db_path=db_for_toasts, language="ko")
        async with app.run_test(size=(width, 40), notifications=True) as pilot:
            await settle(pilot)
            app.notify(message, title="알림", markup=False, timeout=30)
            await settle(pilot)
            [toast] = app.screen.query(Toast)
            compositor = app.screen._compositor
            terminal = Terminal(width, 40)
            terminal.write(compositor.render_update(full=True).render_segments(app.console))
            before = terminal.lines()
            region = toast.content_region
            assert region.y >= 0
            assert drawn_text([cells_of(line, region.x, region.right) for line in before[region.y:region.bottom]]) \
                == squeeze("알림" + message)
            # Each pane drawn again (as when its cursor moves), and only it: the toast over its
            # edge is written up to there, and nothing changed.
            for pane in (app.main.cities, app.main.timeline, app.main.detail):
                beneath = {pane, *pane.query("*")}
                for widget in beneath:
                    widget.refresh()
                compositor.update_widgets(beneath)
                update = compositor.render_partial_update()
                assert update is not None
                terminal.write(update.render_segments(app.console))
                assert terminal.lines() == before

    asyncio.run(run())



# -- one-line rows that cut on purpose: the search hits and the ledger -------------------------

KOREAN_PAIR = re.compile(r"[\uac00-\ud7a3]{2}")


@DESK
@given(title=texts, agreement=texts, width=desk_widths)
# (CI's draw: a title whose first two syllables name a country no trip went to, 한국, searched
# for nothing at all until such a place's words were searched)
@example(title="한국 갏걭공 쏱걐m늇", agreement="겖걩갰곀겁격굽같갽겘뾦곙겓뷉눌곯걍갫걽곣걄쯃갚겸틇", width=101)
def test_a_cut_search_hit_and_ledger_row_open_the_whole_text(tmp_path: Path, title: str, agreement: str,
                                                             width: int) -> None:
    """A search hit's line and a ledger row's title cell are one line each: the text whole or
    its beginning and '…'; Enter opens the record, whose detail shows the whole text."""
    from tripdesk.ui.screens.ledger import COLUMNS
    from tripdesk.ui.screens.search import SearchResults
    from tripdesk.ui.tableview import TableView

    pair = KOREAN_PAIR.search(title)
    assume(pair is not None)
    doc = trip_with("샘플시 대표단", title, "설명")
    doc["agreements"][0]["title"] = {"ko": agreement}
    db = store_with(tmp_path / f"cut-{abs(hash((title, agreement, width)))}", doc)

    from tripdesk.ui.app import TripdeskApp

    async def run() -> None:
        app = TripdeskApp(db_path=db, language="ko")
        async with app.run_test(size=(width, 40)) as pilot:
            await settle(pilot)
            # The search: the event's hit, by two syllables of its title.
            await pilot.press("slash")
            await settle(pilot)
            await pilot.press(*pair.group())
            await settle(pilot)
            await pilot.pause(0.3)
            await settle(pilot)
            search = app.screen
            index = next(i for i, hit in enumerate(search._hits) if hit.ref == "event:library-mou")
            results = search.query_one(SearchResults)
            results.highlighted = index
            await settle(pilot)
            region = results.scrollable_content_region
            lines = [cells_of(line, region.x, region.right).rstrip()
                     for line in screen_text(app).splitlines()[region.y:region.bottom]]
            line = next(line for line in lines if "2024-10-13" in line and "서명" not in line)
            assert_whole_or_marked([line.split("2024-10-13", 1)[1].strip()], title, region.width)
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.timeline.ref == "event:library-mou"
            assert squeeze(title) in drawn_text(view_lines(app.main.detail.view))
            # The ledger: the agreement's title cell.
            await pilot.press("a")
            await settle(pilot)
            table = app.screen.query_one(TableView)
            sizes = table.sizes()
            start = sum(sizes[:3]) + 3  # date, city, kind and their gaps
            cell = cells_of(table.render_line(0).text, start, start + sizes[3]).rstrip()
            assert [c.key for c in COLUMNS][3] == "title"
            assert_whole_or_marked([cell], agreement, sizes[3])
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.timeline.ref == "event:library-mou"  # the agreement's event, the agreement in its detail
            assert squeeze(agreement) in drawn_text(view_lines(app.main.detail.view))

    asyncio.run(run())


@pytest.mark.parametrize("width", [4, 5, 6, 7, 8])
def test_a_header_too_narrow_for_the_language_cuts_it_after_a_whole_letter(db_for_toasts: Path, width: int) -> None:
    """The header's last resort, the language's name cut: '한…', never '한 …' (a space for
    the half of '국' that does not fit)."""
    from tripdesk.ui.app import TripdeskApp

    async def run() -> None:
        app = TripdeskApp(db_path=db_for_toasts, language="ko")
        async with app.run_test(size=(width, 10)) as pilot:
            await settle(pilot)
            header = screen_text(app).splitlines()[0].strip()
            assert header == "한국어" or (header.endswith("…") and "한국어".startswith(header[:-1])), header

    asyncio.run(run())


@DESK
@given(event_title=texts, description=texts, width=st.integers(min_value=20, max_value=79))
@example(event_title="서명식", description="설명", width=20)
def test_a_narrow_desk_shows_the_detail_alone_with_every_syllable(tmp_path: Path, event_title: str,
                                                                  description: str, width: int) -> None:
    """Under 80 columns the desk shows one pane at a time: the timeline's row of the event is
    whole (wrapped beside its head, or in a list under 33 cells beneath it), and Enter shows the detail pane alone,
    16 to 76 cells wide, where lines indented deeper than the pane leaves room for give up
    their indents (`narrowed_indents`), never their text."""
    from tripdesk.ui.app import TripdeskApp

    db = store_with(tmp_path / f"narrow-{abs(hash((event_title, description, width)))}",
                    trip_with("샘플시 대표단", event_title, description))

    async def run() -> None:
        app = TripdeskApp(db_path=db, language="ko")
        async with app.run_test(size=(width, 24)) as pilot:
            await open_the_event(app, pilot)
            timeline = app.main.timeline.list
            index = timeline.get_option_index("event:library-mou")
            timeline.highlighted = index
            await settle(pilot)
            list_width = timeline.scrollable_content_region.width
            first = timeline._first_line[index]
            rows = view_lines(timeline)[first:first + len(timeline.row_lines(index))]
            assert all(cell_len(line.rstrip()) <= list_width for line in rows), rows
            shown = [cells_of(line, TITLE_HANG, list_width) for line in rows]
            if list_width - TITLE_HANG >= MIN_WRAP or len(rows) == 1:
                # wrapped beside its head, or a row that fits whole is not wrapped at all (`Row.lines_for`)
                assert drawn_text(shown) == squeeze(event_title), rows
            else:  # the head alone, the title beneath it
                assert rows[0].split() == ["14:30", "*", "서명"], rows
                assert drawn_text(rows[1:]) == squeeze(event_title), rows
            await pilot.press("enter")
            await settle(pilot)
            detail = app.main.detail.view
            room = detail.scrollable_content_region.width
            assert room > 0  # the detail pane is the one shown
            lines = view_lines(detail)
            assert all(cell_len(line.rstrip()) <= room for line in lines), lines
            assert squeeze(event_title) in drawn_text(lines)
            assert squeeze(description) in drawn_text(lines)

    asyncio.run(run())
