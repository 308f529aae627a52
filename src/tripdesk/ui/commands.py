"""The command palette (ctrl+p): jump to a trip, search, language, export, keys.

Before anything is typed the palette lists the commands and the newest trips; typing two
letters or more searches every trip.

The theme and quit commands come from Textual's own system provider. Trip titles are user
data, so every hit's display is a `Content` built here (Textual's `Matcher.highlight` would
parse the title as markup), and help texts are escaped.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.command import (
    CommandInput,
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    SearchIcon,
)
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.markup import escape
from textual.widgets import Button, LoadingIndicator

from ..i18n import N_
from ..store import queries
from .keys import DIALOG_KEYS, EDIT_KEYS, PALETTE_KEYS
from .render import LANGUAGE_CYCLE, LANGUAGE_NAMES, one_line, words

TEXTUAL_WORDS = (N_("Search for commands…"),)  # the palette's placeholder, Textual's

if TYPE_CHECKING:
    from .app import TripdeskApp

MATCH_STYLE = "bold reverse"


class PaletteInput(CommandInput, inherit_bindings=False):
    """The palette's text box, its keys declared again with ids."""

    BINDINGS = [*EDIT_KEYS]


class DeskPalette(CommandPalette, inherit_bindings=False):
    """Textual's command palette with every key given an id (so it can be remapped and `?`
    lists it): its own keys, a dialog's focus and copy keys, and `PaletteInput`'s."""

    BINDINGS = [*PALETTE_KEYS, *DIALOG_KEYS]

    def compose(self) -> ComposeResult:
        # CommandPalette.compose, with PaletteInput for CommandInput (the palette finds it by
        # its base class, and styles it by its base class's name).
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                # Textual's own words ("Search for commands…"), in the desk's language.
                yield PaletteInput(placeholder=words(self)(self._placeholder), select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()
MIN_TRIP_QUERY = 2
MAX_DISCOVERED_TRIPS = 30  # listed before anything is typed (a store may hold thousands)


def highlighted(matcher, text: str) -> Content:  # noqa: ANN001 - textual.fuzzy.Matcher
    """`text` as literal Content with the matched characters styled."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return content


class DeskCommands(Provider):
    """Trips to jump to, and the desk's own commands."""

    _trips: tuple[queries.TripRow, ...] = ()

    @property
    def desk(self) -> "TripdeskApp":
        return self.app  # type: ignore[return-value]

    async def startup(self) -> None:
        try:
            self._trips = tuple(await asyncio.to_thread(self.desk.data.all_trips))
        except Exception:  # noqa: BLE001 - the palette still offers the other commands
            self._trips = ()

    def _commands(self) -> list[tuple[str, object, str]]:
        desk = self.desk
        _ = desk.words
        out: list[tuple[str, object, str]] = [
            (_("Search everything"), desk.action_search, _("Open the search (/)")),
            (_("Export this trip as Markdown"), desk.action_export, _("Write exports/<trip-id>.md (e)")),
            (_("Read the source article"), desk.action_article,
             _("The article of the selected trip, day or event, its excerpts highlighted (v)")),
            (_("Show keys"), desk.action_help, _("Every key and its binding id (?)")),
            (_("Switch to destinations / home cities"), desk.action_toggle_destinations,
             _("Who went to a city? (d)")),
            (_("Agreements ledger"), desk.action_agreements,
             _("Every agreement in the store, with its status (a)")),
            (_("Organisations and people"), desk.action_entities,
             _("Who comes back from trip to trip, and everything that names them (o)")),
            (_("Overview: time axis, map, rankings"), desk.action_overview,
             _("Every trip in time and on the map; the destinations and agreements ranked (w)")),
        ]
        for lang in LANGUAGE_CYCLE:
            out.append((_("Language: {language}").format(language=LANGUAGE_NAMES[lang]),
                        partial(desk.set_language, lang), _("Names and titles in this language (L cycles)")))
        return out

    def _trip_text(self, row: queries.TripRow) -> str:
        lang = self.desk.language
        return self.desk.words("Jump to trip: {year} {title} ({id})").format(
            year=row.year, title=one_line(row.title.get(lang)), id=row.id)

    def _trip_help(self, row: queries.TripRow) -> str:
        return escape(f"{row.home_city.get(self.desk.language)} · {row.start} .. {row.end}")

    async def discover(self) -> Hits:
        """Before anything is typed: the commands, then the trips, the newest first (up to
        MAX_DISCOVERED_TRIPS; typing finds any of them)."""
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))  # type: ignore[arg-type]
        newest = sorted(self._trips, key=lambda row: (row.start, row.id), reverse=True)
        for row in newest[:MAX_DISCOVERED_TRIPS]:
            text = self._trip_text(row)
            yield DiscoveryHit(Content(text), partial(self.desk.jump_to_trip, row.id), text=text,
                               help=self._trip_help(row))
        more = len(newest) - MAX_DISCOVERED_TRIPS
        if more > 0:
            _ = self.desk.words
            text = _.ngettext("Jump to trip… ({n} more trip: type a year, title or id)",
                              "Jump to trip… ({n} more trips: type a year, title or id)", more).format(n=more)
            yield DiscoveryHit(Content(text), self.desk.action_command_palette, text=text,
                               help=_("Type part of a trip's year, title or id to find it"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), callback, text=name,  # type: ignore[arg-type]
                          help=escape(help_text))
        if query.strip():
            _ = self.desk.words
            label = _("Search for “{query}”").format(query=query)
            yield Hit(0.3, Content(label), partial(self.desk.action_search, query), text=label,
                      help=_("Search titles, names, agreements and quotes"))
        if len(query.strip()) < MIN_TRIP_QUERY:
            return  # every trip matches one letter: wait for a second one
        for row in self._trips:
            text = self._trip_text(row)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlighted(matcher, text), partial(self.desk.jump_to_trip, row.id),
                          text=text, help=self._trip_help(row))
