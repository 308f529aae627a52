"""The desk: `TripdeskApp`, a full-screen Textual app on a tripdesk store.

    TripdeskApp(db_path=path, language="ko" | "en" | "both").run()

The app owns what is global: the store access (`DeskData`, read in workers only), the
display language (`L` cycles it), the keymap, the modal screens (search, export, help), each
given a footer with its own keys, and the article view (`v`). The main screen (`screens.main.MainScreen`) holds the
panes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Iterable

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from ..i18n import N_, Translator, speaking, translator
from ..problems import visible
from ..store import queries
from . import compositor
from .data import DeskData
from .footer import KeyFooter
from .keys import APP_KEYS, DIALOG_KEYS, KeymapError, bindings_of, keymap_from_environment, known_binding_ids
from .overlay_cuts import install as keep_overlay_letters_whole
from .panes.city import CityTree
from .panes.detail import DetailScroll
from .panes.timeline import TimelineList
from .render import LANGUAGE_CYCLE, LANGUAGE_NAMES, next_language
from .screens.main import MainScreen, Wanted

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel

    from ..model import DisplayLang
    from ..review import DraftReview

# The dialogs (search, export, help, the command palette) are imported when first opened, not
# before the first frame: together 10-14 ms of CPU at every start-up.


keep_overlay_letters_whole()


def _desk_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first asks (Textual calls it)."""
    from .commands import DeskCommands

    return DeskCommands

DEFAULT_THEME = "textual-dark"
# Textual's own palette commands, shown in the desk's language (get_system_commands).
TEXTUAL_COMMANDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"),
    N_("Quit the application as soon as possible"), N_("Minimize"),
    N_("Minimize the widget and restore to normal size"), N_("Maximize"),
    N_("Maximize the focused widget"), N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


def screenshot_folder() -> Path:
    """Where the palette's Screenshot goes: the Downloads folder if there is one, else the
    folder the desk was started in."""
    from platformdirs import user_downloads_path

    downloads = user_downloads_path()
    return downloads if downloads.is_dir() else Path.cwd()


# The binding id of the draft desk's `i` (import the draft shown).
IMPORT_DRAFT_ID = "app.import_draft"

class TripdeskApp(App[None]):
    """Explore official trips abroad: cities, a day-by-day timeline, and every fact's source."""

    CSS_PATH = "tripdesk.tcss"
    TITLE = "tripdesk"
    COMMANDS = App.COMMANDS | {_desk_commands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Keys", tooltip="Show every key", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False,
                tooltip="Command palette: jump to a trip, search, language, export, theme",
                id="app.commands"),
        *APP_KEYS,
    ]

    language: reactive[str] = reactive("en", init=False)

    def __init__(self, db_path: Path | str | None = None, language: str = "en", *,
                 keymap: dict[str, str] | None = None, export_dir: Path | None = None,
                 theme: str | None = DEFAULT_THEME, data: DeskData | None = None,
                 review: DraftReview | None = None) -> None:
        """`data`: the store's access for the desk, if the caller made it (the `tripdesk`
        command does, to start its early reads before Textual is imported); by default one
        on `db_path`. `review`: the desk shows a draft from its scratch store (`db_path`), marked
        as such, and `i` imports the trip shown into the review's store."""
        compositor.install()  # before the first screen: overlays keep their Korean letters whole
        super().__init__()
        self.review = review
        if review is not None:
            db_path = review.scratch
            # Only this desk has the key; the footer always shows it (footer.ALWAYS_SHOWN).
            self._bindings.key_to_bindings["i"] = [Binding(
                "i", "import_draft", "Import", tooltip="Import the draft trip shown into the store",
                id=IMPORT_DRAFT_ID)]
        if data is None:
            if db_path is None:
                from ..store import default_db_path

                db_path = default_db_path()
            data = DeskData(Path(db_path))
        self.data = data
        self.data.start_early()  # while Textual starts: the city list can be in the first frame
        self.set_reactive(TripdeskApp.language, language if language in LANGUAGE_CYCLE else "en")
        self.export_dir = Path(export_dir) if export_dir is not None else Path("exports")
        self._user_keymap = keymap
        if theme:
            self.theme = theme
        self.main: MainScreen | None = None
        self._quitting = False
        self.search_memory = None  # screens.search.SearchMemory, made when the search first opens

    @property
    def words(self) -> Translator:
        """The translator of the display language: labels, toasts, dialogs."""
        return translator(self.language)

    def notify(self, message: str, *, title: str = "", severity: "SeverityLevel" = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Textual's toast, kept to what the screen shows whole (`toasts.fit_to_screen`): a
        message of user data (`markup=False`) can be longer than the screen is tall."""
        if not markup and self.size.height:
            from .toasts import fit_to_screen

            message = fit_to_screen(message, title, self.size.width, self.size.height, self.words)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- setup ------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        self.main = MainScreen()
        return self.main

    def on_mount(self) -> None:
        # What is said below the desk (an export's error, a store's) follows its language.
        self._speaking = speaking(lambda: self.language)
        self._speaking.__enter__()
        keymap = self._user_keymap
        if keymap is None:
            try:
                keymap = keymap_from_environment()
            except KeymapError as exc:
                self.notify(str(exc), title=self.words("keymap not used"), severity="warning",
                            markup=False)
                keymap = {}
        if keymap:
            self.set_keymap(keymap)
            self.call_after_refresh(self._say_unknown_binding_ids, keymap)
        self.screen_change_signal.subscribe(self, self._give_dialog_a_footer)

    def _say_unknown_binding_ids(self, keymap: dict[str, str]) -> None:
        """A keymap line whose binding id no key has (a typo: `app.qiut`) changes nothing:
        say so, rather than leave the user wondering why the key does not work."""
        # the draft desk's `i` is made per app, not declared by a class: known all the same,
        # as one keymap serves the desk and the draft desk
        unknown = sorted(set(keymap) - known_binding_ids() - {IMPORT_DRAFT_ID})
        if unknown:
            _ = self.words
            self.notify(_("{ids}: no key of the desk has this binding id, so the line does "
                          "nothing; ? lists every key with its id").format(ids=", ".join(unknown)),
                        title=_("keymap"), severity="warning", markup=False, timeout=10)

    def on_app_focus(self, event: events.AppFocus) -> None:
        """Served to a browser (`tripdesk serve`) the app starts without focus, until the page
        focuses its terminal, and Textual applies a screen's AUTO_FOCUS only while the app has
        focus: the city list was never focused, and every key went to no widget. Focus what
        the screen names now, if nothing holds the focus."""
        screen = self.screen
        if screen.focused is None and screen.AUTO_FOCUS:
            for widget in screen.query(screen.AUTO_FOCUS):
                if widget.focusable:
                    widget.focus(scroll_visible=False)
                    break

    def _give_dialog_a_footer(self, screen: Screen) -> None:
        """Every dialog shows its own keys at the bottom (the search, the export, the help,
        the command palette): the main screen's footer under it would list keys that do not
        work while the dialog is open."""
        if isinstance(screen, ModalScreen) and not screen.query(KeyFooter):
            screen.mount(KeyFooter(id="dialog-footer"))

    def on_unmount(self) -> None:
        self.data.close()
        spoken = getattr(self, "_speaking", None)  # (set once mounted)
        if spoken is not None:
            self._speaking = None
            spoken.__exit__(None, None, None)

    def exit(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - App.exit's own
        # Keys typed after `q` may arrive in the same read from the terminal ("q/"); a dialog
        # they open would be mounted while the app closes (and its widgets never composed).
        self._quitting = True
        super().exit(*args, **kwargs)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own "Keys" panel is replaced by the desk's help screen (`?`).
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                _ = self.words
                yield command._replace(title=_(command.title), help=_(command.help))

    # -- screenshots (the palette's "Screenshot") -------------------------------------------

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        # Textual saves into the Downloads folder, which many machines (servers, fresh
        # accounts) do not have: the save then fails with no word of where or why.
        if path is None:
            path = str(screenshot_folder())
        return super().deliver_screenshot(filename, path, time_format)

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        if event.name == "screenshot":
            event.prevent_default()  # Textual's own toast shows the path as markup
            _ = self.words
            where = str(event.path) if event.path is not None else _("the browser")
            self.notify(_("Saved to {where}").format(where=where), title=_("Screenshot"), markup=False)

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            _ = self.words
            self.notify(_("Not saved: {reason}").format(reason=event.exception), title=_("Screenshot"),
                        severity="error", markup=False)

    # -- language ---------------------------------------------------------------------------

    def watch_language(self, language: str) -> None:
        if self.main is not None and self.main.is_mounted:
            self.main.apply_language()

    def set_language(self, language: DisplayLang) -> None:
        self.language = language

    def action_cycle_language(self) -> None:
        self.language = next_language(self.language)
        # In the new language's words, the language named in its own (as the palette does).
        self.notify(self.words("Language: {language}").format(language=LANGUAGE_NAMES[self.language]),
                    markup=False, timeout=2)

    # -- modal screens ----------------------------------------------------------------------

    def _on_main(self) -> bool:
        return self._can_open_dialog() and self.main is not None and self.screen is self.main

    def _can_open_dialog(self) -> bool:
        """False once the app is quitting: no dialog opens then."""
        return not self._quitting and self.is_running

    def action_search(self, query: str = "") -> None:
        if not self._on_main():
            return
        from .screens.search import SearchMemory, SearchScreen

        def done(hit: queries.SearchHit | None) -> None:
            if hit is not None and self.main is not None:
                self.main.jump_to(hit)

        if self.search_memory is None:
            self.search_memory = SearchMemory()
        self.push_screen(SearchScreen(query, memory=self.search_memory), done)

    def action_import_draft(self) -> None:
        """Import the draft trip shown into the real store (`i`, in a desk opened on a draft),
        after saying where its file goes and asking."""
        review = self.review  # also from the article view, whose footer shows the key too
        if review is None or not self._can_open_dialog() or self.main is None:
            return
        trip = self.main.trip
        _ = self.words
        if trip is None or trip.id not in review.files:
            self.notify(_("Choose the draft trip first: i imports the trip in the timeline."),
                        severity="warning", markup=False)
            return
        from ..problems import display_path
        from .screens.review import ImportDraftScreen

        plan = review.plan(trip.id)

        def answered(yes: bool | None) -> None:
            if yes:
                self._import_draft(trip.id, plan.exists)

        self.push_screen(ImportDraftScreen(plan, trip.title.get(self.language), display_path(review.store)),
                         answered)

    @work(thread=True, exclusive=True, group="import-draft")
    def _import_draft(self, trip_id: str, overwrite: bool) -> None:
        from ..problems import TripdeskError, display_path

        review = self.review
        assert review is not None
        plan = review.plan(trip_id)
        _ = self.words
        try:
            report = review.import_trip(trip_id, overwrite=overwrite)
        except (TripdeskError, OSError) as exc:
            message = f"{exc.message}\n{exc.hint or ''}".strip() if isinstance(exc, TripdeskError) else str(exc)
            self.call_from_thread(self.notify, message,
                                  title=_("not imported"), severity="error", markup=False,
                                  timeout=30)
            return
        self.call_from_thread(
            self.notify, _("{trip} ({summary}) into {store}; its file: {file}").format(
                trip=trip_id, summary=report.summary(self.language), store=display_path(review.store),
                file=display_path(plan.target)),
            title=_("imported"), markup=False, timeout=15)

    def action_export(self) -> None:
        if not self._on_main() or self.main is None:
            return
        trip = self.main.trip
        if trip is None:
            self.notify(self.words("Choose a trip first: the export writes the trip in the timeline."),
                        severity="warning", markup=False)
            return
        from .screens.export import ExportScreen

        download = self.is_web  # in a browser (`tripdesk serve`): a download, nothing written here

        def done(path: Path | None) -> None:
            _ = self.words
            if path is not None and download:
                self.notify(_("{file} ({trip}) is on its way to your browser").format(
                    file=visible(path.name), trip=trip.id), title=_("Export"), markup=False)
            elif path is not None:
                self.notify(_("Exported {trip} to {path}").format(trip=trip.id, path=visible(str(path))),
                            title=_("Export"), markup=False)

        self.push_screen(ExportScreen(trip, self.language, self.export_dir, download=download),  # type: ignore[arg-type]
                         done)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        from .screens.export import DELIVERY_NAME

        if event.name == DELIVERY_NAME:
            _ = self.words
            self.notify(_("The download did not reach your browser: {reason}").format(
                reason=event.exception), title=_("Export"), severity="error", markup=False)

    def action_article(self) -> None:
        """The article view of the trip, day or event selected in the timeline."""
        if not self._on_main() or self.main is None:
            return
        trip = self.main.trip
        if trip is None:
            self.notify(self.words("Choose a trip first: the article view shows the sources of what "
                                   "the timeline has selected."), severity="warning", markup=False)
            return
        from .screens.article import ArticleScreen

        data = self.data
        self.push_screen(ArticleScreen(
            trip, self.main.timeline.ref or "trip", self.language,  # type: ignore[arg-type]
            read=lambda source_id: data.article(trip.id, source_id),
            looked_in=lambda source_id: data.article_folders(trip.id, source_id),
            size=(self.size.width, self.size.height)))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not self._can_open_dialog() or isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.binding_sections(), dict(self._keymap)))

    def action_command_palette(self) -> None:
        # App.action_command_palette with DeskPalette, whose keys have ids.
        from .commands import DeskPalette

        if self._can_open_dialog() and self.use_command_palette and not DeskPalette.is_open(self):
            self.push_screen(DeskPalette(id="--command-palette"))

    def action_agreements(self) -> None:
        """The agreements ledger (`a`)."""
        if self._on_main():
            from .screens.ledger import LedgerScreen

            self.push_screen(LedgerScreen())

    def action_entities(self) -> None:
        """Organisations and people across trips (`o`)."""
        if self._on_main():
            from .screens.entities import EntitiesScreen

            self.push_screen(EntitiesScreen())

    def action_overview(self) -> None:
        """Every trip on a time axis and a map (`w`)."""
        if self._on_main():
            from .screens.overview import OverviewScreen

            self.push_screen(OverviewScreen())

    def action_toggle_destinations(self) -> None:
        if self._on_main() and self.main is not None:
            self.main.action_toggle_destinations()

    def jump_to_trip(self, trip_id: str) -> None:
        """Open a trip by id (the command palette's jump)."""
        if self.main is not None:
            self.main.open_trip(Wanted(trip_id, "trip", "", focus=True, reveal=True))

    # -- keys -------------------------------------------------------------------------------

    def binding_sections(self) -> list[tuple[str, list[Binding]]]:
        """Every binding of the desk, grouped by where it works (for the help screen): each
        class's own and inherited bindings, each binding id once (where it first appears)."""
        from .commands import DeskPalette, PaletteInput
        from .screens.article import ArticleScreen, ArticleView
        from .screens.entities import EntitiesScreen, EntityScreen
        from .screens.export import ConfirmScreen, ExportScreen, PathInput
        from .screens.help import HelpScreen, HelpScroll
        from .screens.ledger import LedgerScreen
        from .screens.overview import OverviewScreen, PlaceMap, TimeAxis
        from .screens.search import SearchInput, SearchResults, SearchScreen
        from .screens.table import FilterInput

        sections = [
            (N_("Everywhere"), bindings_of(TripdeskApp)),
            (N_("Main screen"), bindings_of(MainScreen)),
            (N_("City pane"), bindings_of(CityTree)),
            (N_("Timeline pane"), bindings_of(TimelineList)),
            (N_("Detail pane"), bindings_of(DetailScroll)),
            (N_("Article view"), bindings_of(ArticleScreen) + bindings_of(ArticleView)),
            (N_("In dialogs"), list(DIALOG_KEYS)),
            (N_("Search"), bindings_of(SearchScreen) + bindings_of(SearchResults)),
            (N_("Search box (text editing)"), bindings_of(SearchInput)),
            (N_("Command palette"), bindings_of(DeskPalette) + bindings_of(PaletteInput)),
            (N_("Export"), bindings_of(ExportScreen) + bindings_of(ConfirmScreen) + bindings_of(PathInput)),
            (N_("Agreements ledger, organisations and people"), bindings_of(LedgerScreen)
             + bindings_of(EntitiesScreen) + bindings_of(EntityScreen)),
            (N_("Filter box (text editing)"), bindings_of(FilterInput)),
            (N_("Overview"), bindings_of(OverviewScreen) + bindings_of(TimeAxis) + bindings_of(PlaceMap)),
            (N_("Keys (this screen)"), bindings_of(HelpScreen) + bindings_of(HelpScroll)),
        ]
        seen: set[str] = set()
        out: list[tuple[str, list[Binding]]] = []
        for title, bindings in sections:
            kept = []
            for binding in bindings:
                if binding.id is None or binding.id not in seen:
                    kept.append(binding)
                    if binding.id is not None:
                        seen.add(binding.id)
            if kept:
                out.append((title, kept))
        return out
