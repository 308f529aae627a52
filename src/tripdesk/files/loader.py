"""Load and validate trip files: read, check the shape, check the meaning, build model objects.

`load_paths()` is what `tripdesk validate` and `tripdesk import` use. It reports *every*
problem of every file, including those between files (a trip id used twice, an organisation
defined with different names in two files), and only hands back trips when there are none.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..articles import ArticleError, ArticleFile, ArticleFinder, SourceArticle, nfc
from ..i18n import N_, messages
from ..limits import MAX_TRIP_DAYS
from ..model import (
    HOME_KINDS_IN_A_PROVINCE,
    UNKNOWN_STATUS,
    Agreement,
    AgreementStatus,
    Day,
    Delegation,
    Event,
    Evidence,
    HomeCity,
    Leader,
    Organisation,
    Person,
    Place,
    Quote,
    QuoteText,
    Source,
    Span,
    Stop,
    Text,
    Trip,
    UnnamedParty,
)
from ..paths import is_trip_file_name
from ..problems import Problem, display_path, file_kind
from .document import dated_entries, says_something, stop_entries
from .schema import TRIP_FILE, check
from .yamlread import ReadResult, format_path, read_file, strip_control, visible

# The kinds of record an id names, and the sentences said of an id of each kind: whole
# sentences in the catalog rather than one sentence with the kind put in (Korean puts a
# kind's word, and its particle, elsewhere in the sentence).
SOURCE, ORGANISATION, PERSON, EVENT, AGREEMENT, QUOTE = (
    "source", "organisation", "person", "event", "agreement", "quote")
UNDEFINED = {
    SOURCE: N_("source '{id}' is not defined; add it to '{section}' or fix the id"),
    ORGANISATION: N_("organisation '{id}' is not defined; add it to '{section}' or fix the id"),
    PERSON: N_("person '{id}' is not defined; add it to '{section}' or fix the id"),
    EVENT: N_("event '{id}' is not defined; add it to '{section}' or fix the id"),
}
USED_TWICE = {
    SOURCE: N_("source id '{id}' is used twice (first at {first}); ids must be unique in a trip"),
    ORGANISATION: N_("organisation id '{id}' is used twice (first at {first}); ids must be unique in a trip"),
    PERSON: N_("person id '{id}' is used twice (first at {first}); ids must be unique in a trip"),
    EVENT: N_("event id '{id}' is used twice (first at {first}); ids must be unique in a trip"),
    AGREEMENT: N_("agreement id '{id}' is used twice (first at {first}); ids must be unique in a trip"),
    QUOTE: N_("quote id '{id}' is used twice (first at {first}); ids must be unique in a trip"),
}
NAMED_OTHERWISE = {
    "home city": N_("home city '{id}' is named {name} here but {other} in {file}; an id names one "
                    "home city: use the same names or another id"),
    ORGANISATION: N_("organisation '{id}' is named {name} here but {other} in {file}; an id names "
                     "one organisation: use the same names or another id"),
    PERSON: N_("person '{id}' is named {name} here but {other} in {file}; an id names one "
               "person: use the same names or another id"),
}




@dataclass
class LoadedTrip:
    trip: Trip
    path: Path
    raw: bytes
    result: ReadResult
    # The article files of its sources as found (or not), and how many of its excerpts were
    # checked against one and how many could not be (their article file was not found).
    articles: tuple[SourceArticle, ...] = ()
    excerpts_checked: int = 0
    excerpts_unchecked: int = 0
    quotes_checked: int = 0

    @property
    def names(self) -> "TripNames":
        """What `check_across` needs of the trip."""
        return TripNames.of(self.trip)


@dataclass
class LoadResult:
    trips: list[LoadedTrip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    # What is worth knowing but fails nothing: an article file not found, say.
    warnings: list[Problem] = field(default_factory=list)


def find_trip_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders into the trip files inside them (recursively, sorted). A folder that
    cannot be read, and a file with a trip file's name that cannot be (a link to nothing, a
    named pipe), is a problem naming it: the trips in it must not silently go missing."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            problems.append(Problem(_given_name(path), 1, 1, "", _unreachable(path, exc)))
            continue
        if stat.S_ISDIR(mode):
            files.extend(_trip_files_in(path, problems))
        elif stat.S_ISREG(mode):
            files.append(path)
        else:
            problems.append(Problem(visible(display_path(path)), 1, 1, "", messages()(
                "not a regular file (it is {kind}); give a trip file or a folder of them").format(
                    kind=file_kind(mode))))
    named = [path for path in files if _utf8_path(path)]
    problems.extend(Problem(visible(display_path(path)), 1, 1, "", _not_utf8(path))
                    for path in files if not _utf8_path(path))
    return named, problems


def _utf8_path(path: Path) -> bool:
    """Whether a file's whole path is text: the store keeps it as UTF-8, and a name in another
    encoding (a CP949 name from a Windows zip file) cannot be kept, or even printed, as it is."""
    try:
        os.path.abspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _not_utf8(path: Path) -> str:
    _ = messages()
    try:
        path.name.encode("utf-8")
        folder, part = True, os.path.abspath(path)
    except UnicodeEncodeError:
        folder, part = False, path.name
    try:
        guess = _(" (read as CP949/EUC-KR: '{name}')").format(
            name=visible(os.fsencode(part).decode('cp949')))
    except UnicodeDecodeError:
        guess = ""
    message = (_("the name of a folder it is in is not valid UTF-8{guess}; tripdesk keeps every "
                 "path as UTF-8 text: rename it in UTF-8 (for example with `convmv -f cp949 -t "
                 "utf-8 --notest`)") if folder else
               _("the file's name is not valid UTF-8{guess}; tripdesk keeps every path as UTF-8 "
                 "text: rename it in UTF-8 (for example with `convmv -f cp949 -t utf-8 --notest`)"))
    return message.format(guess=guess)


def _trip_files_in(folder: Path, problems: list[Problem]) -> list[Path]:
    """The trip files in a folder and its subfolders, sorted (symbolic links to folders are
    not followed, as `Path.rglob` does not); what cannot be read is added to `problems`."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as exc:
            problems.append(Problem(visible(display_path(current)), 1, 1, "", messages()(
                "cannot read this folder ({reason}): the trip files in it can be neither checked "
                "nor imported; make it readable").format(reason=_why(exc))))
            continue
        for entry in entries:
            path = current / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                    continue
                if not is_trip_file_name(entry.name):
                    continue
                if entry.is_file():  # a regular file, or a link to one
                    found.append(path)
                    continue
                mode = entry.stat().st_mode  # not a regular file: what is it?
            except OSError as exc:
                problems.append(Problem(_given_name(path), 1, 1, "", _unreachable(path, exc)))
                continue
            if not stat.S_ISDIR(mode):  # a link to a folder named like a trip file is passed over
                problems.append(Problem(visible(display_path(path)), 1, 1, "", messages()(
                    "not a regular file (it is {kind}); a trip file cannot be read from it").format(
                        kind=file_kind(mode))))
    return sorted(found)


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return messages()("permission denied")
    return exc.strerror or str(exc)


def _given_name(path: Path) -> str:
    """The name of a path that leads nowhere: as given when it is a symbolic link (resolving
    it would name its missing target instead), else as `display_path` gives it."""
    try:
        link = path.is_symlink()
    except OSError:
        link = False
    return visible(str(path) if link else display_path(path))


def _unreachable(path: Path, exc: OSError) -> str:
    """Why a path given on the command line cannot be looked at, for the user."""
    _ = messages()
    if exc.errno == errno.ELOOP:
        return _("a loop of symbolic links: it never leads to a file or folder")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        if path.is_symlink():
            try:
                target = os.readlink(path)
            except OSError:  # pragma: no cover - it was a link a moment ago
                target = "?"
            return _("a symbolic link to '{target}', which does not exist").format(target=visible(target, 80))
        return _("no such file or folder")
    return _("cannot read it: {reason}").format(reason=_why(exc))


# -- building model objects from a checked document ------------------------------------------


def _clean(value: Any) -> Any:
    return strip_control(value) if isinstance(value, str) else value


def text(value: Any) -> Text:
    if value is None:
        return Text()
    if isinstance(value, str):
        return Text(plain=strip_control(value))
    return Text(
        ko=_clean(value.get("ko")),
        en=_clean(value.get("en")),
        translated=value.get("translated"),
        translated_by=value.get("translated_by"),
    )


def opt_text(value: Any) -> Text | None:
    return None if value is None else text(value)


def date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def opt_date(value: Any) -> dt.date | None:
    return None if value is None else date(value)


def time(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, int):
        return f"{value // 60:02d}:{value % 60:02d}"
    return value


def ids(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def inferred(value: Any) -> dict[str, Text]:
    """Each inferred field's reason: a sentence, or `{ko, en}` (a translation marked)."""
    return {k: text(v) for k, v in (value or {}).items()}


def evidence(value: Any) -> tuple[Evidence, ...]:
    return tuple(Evidence(e["source"], strip_control(e["text"])) for e in value or ())


def agreement_status(value: Any) -> AgreementStatus:
    if value is None:
        return UNKNOWN_STATUS
    return AgreementStatus(value["value"], opt_date(value.get("date")), evidence(value.get("evidence")),
                           inferred(value.get("inferred")))


def place(value: Any) -> Place | None:
    """A place, its state as the store keeps it: `Texas`, `tx` and `텍사스` are all `TX`, so
    that one state is one destination (regions.normal_state; an unknown name stays as written)."""
    if value is None:
        return None
    from ..regions import normal_state

    return Place(
        city=text(value["city"]),
        country=value["country"],
        state=normal_state(value["country"], _clean(value.get("state"))),
        venue=opt_text(value.get("venue")),
    )


def event(e: dict[str, Any]) -> Event:
    """An event of a day or of a stop without a day."""
    return Event(
        id=e["id"],
        kind=e["kind"],
        title=text(e["title"]),
        sources=ids(e["sources"]),
        time=time(e.get("time")),
        description=opt_text(e.get("description")),
        place=place(e.get("place")),
        organisations=ids(e.get("organisations")),
        people=ids(e.get("people")),
        evidence=evidence(e.get("evidence")),
        inferred=inferred(e.get("inferred")),
    )


def build_trip(doc: dict[str, Any]) -> Trip:
    """Build a Trip from a document that passed `schema.check`."""
    t = doc["trip"]
    hc = t["home_city"]
    delegation = t.get("delegation") or {}
    span = t.get("span_reported")
    return Trip(
        id=t["id"],
        home_city=HomeCity(hc["id"], text(hc["name"]), text(hc.get("province")), hc["country"],
                           hc.get("kind") or "city"),
        title=text(t["title"]),
        leader=Leader(t["leader"]["person"], text(t["leader"]["role"])),
        start=date(t["start"]),
        end=date(t["end"]),
        status=t["status"],
        delegation=Delegation(
            officials=ids(delegation.get("officials")),
            companies=ids(delegation.get("companies")),
            institutions=ids(delegation.get("institutions")),
            head_count=delegation.get("head_count"),
            description=opt_text(delegation.get("description")),
        ),
        span_reported=Span(span["days"], span.get("nights"), _clean(span.get("text"))) if span else None,
        purpose=opt_text(t.get("purpose")),
        themes=tuple(text(x) for x in t.get("themes") or ()),
        trip_sources=ids(t.get("sources")),
        evidence=evidence(t.get("evidence")),
        inferred=inferred(t.get("inferred")),
        sources=tuple(
            Source(
                id=s["id"],
                outlet=text(s["outlet"]),
                headline=text(s.get("headline")),
                language=s["language"],
                published=opt_date(s.get("published")),
                file=_clean(s.get("file")),
                url=_clean(s.get("url")),
                notes=opt_text(s.get("notes")),
                inferred=inferred(s.get("inferred")),
            )
            for s in doc.get("sources") or ()
        ),
        organisations=tuple(
            Organisation(
                id=o["id"],
                name=text(o["name"]),
                kind=o["kind"],
                aliases=tuple(_clean(a) for a in o.get("aliases") or ()),
                city=opt_text(o.get("city")),
            )
            for o in doc.get("organisations") or ()
        ),
        people=tuple(
            Person(
                id=p["id"],
                name=text(p["name"]),
                aliases=tuple(_clean(a) for a in p.get("aliases") or ()),
                role=opt_text(p.get("role")),
                organisation=p.get("organisation"),
            )
            for p in doc.get("people") or ()
        ),
        days=tuple(
            Day(
                date=date(d["date"]),
                places=tuple(place(p) for p in d.get("places") or ()),  # type: ignore[misc]
                notes=opt_text(d.get("notes")),
                evidence=evidence(d.get("evidence")),
                inferred=inferred(d.get("inferred")),
                events=tuple(event(e) for e in d.get("events") or ()),
            )
            for d in sorted((d for _i, d in dated_entries(doc)), key=lambda d: date(d["date"]))
        ),
        # An entry of `days` without a date is a stop, as is one of the older `stops` list.
        stops=tuple(
            Stop(
                start=opt_date(s.get("start")),
                end=opt_date(s.get("end")),
                places=tuple(place(p) for p in s.get("places") or ()),  # type: ignore[misc]
                events=tuple(event(e) for e in s.get("events") or ()),
                notes=opt_text(s.get("notes")),
                evidence=evidence(s.get("evidence")),
                inferred=inferred(s.get("inferred")),
            )
            for _path, s in stop_entries(doc)
        ),
        agreements=tuple(
            Agreement(
                id=a["id"],
                title=text(a["title"]),
                kind=a["kind"],
                sources=ids(a["sources"]),
                parties=ids(a.get("parties")),
                signatories=ids(a.get("signatories")),
                date=opt_date(a.get("date")),
                place=place(a.get("place")),
                scope=opt_text(a.get("scope")),
                event=a.get("event"),
                evidence=evidence(a.get("evidence")),
                inferred=inferred(a.get("inferred")),
                status=agreement_status(a.get("status")),
                unnamed_parties=tuple(
                    UnnamedParty(text(u["description"]), u.get("kind"), u.get("count"))
                    for u in a.get("unnamed_parties") or ()
                ),
            )
            for a in doc.get("agreements") or ()
        ),
        quotes=tuple(
            Quote(
                id=q["id"],
                speaker=q.get("speaker"),
                original=QuoteText(q["original"]["lang"], strip_control(q["original"]["text"])),
                translation=(
                    QuoteText(q["translation"]["lang"], strip_control(q["translation"]["text"]),
                              q["translation"].get("by"))
                    if q.get("translation") else None
                ),
                sources=ids(q["sources"]),
                role=opt_text(q.get("role")),
                context=opt_text(q.get("context")),
                date=opt_date(q.get("date")),
                event=q.get("event"),
                evidence=evidence(q.get("evidence")),
                inferred=inferred(q.get("inferred")),
                organisation=q.get("organisation"),
            )
            for q in doc.get("quotes") or ()
        ),
    )


# -- checks of meaning within one trip --------------------------------------------------------


def check_trip(trip: Trip, doc: dict[str, Any], result: ReadResult) -> list[Problem]:
    """Dates, spans, uniqueness and references inside one trip."""
    problems: list[Problem] = []
    _ = messages()

    def report(path: tuple[str | int, ...], message: str) -> None:
        problems.append(result.problem(path, message))

    raw_days = doc.get("days") or []
    stops = stop_entries(doc)
    if not check_dates(trip.start, trip.end, trip.span_reported,
                       [(i, date(raw["date"])) for i, raw in dated_entries(doc)],
                       [(i, opt_date(a.get("date"))) for i, a in enumerate(doc.get("agreements") or ())],
                       report):
        return problems

    sources = _unique(((s["id"], ("sources", i, "id")) for i, s in enumerate(doc.get("sources") or ())),
                      SOURCE, report)
    orgs = _unique(((o["id"], ("organisations", i, "id")) for i, o in enumerate(doc.get("organisations") or ())),
                   ORGANISATION, report)
    people = _unique(((p["id"], ("people", i, "id")) for i, p in enumerate(doc.get("people") or ())),
                     PERSON, report)
    held = [*((("days", i), d) for i, d in dated_entries(doc)), *stops]
    held.sort(key=lambda item: (item[0][0] != "days", item[0][1]))  # in the file's order
    events = _unique(
        ((e["id"], (*path, "events", j, "id")) for path, d in held for j, e in enumerate(d.get("events") or ())),
        EVENT, report)
    _check_day_entries(raw_days, report)
    _check_stops(trip, [path for path, _s in stops], report)
    _unique(((a["id"], ("agreements", i, "id")) for i, a in enumerate(doc.get("agreements") or ())),
            AGREEMENT, report)
    _unique(((q["id"], ("quotes", i, "id")) for i, q in enumerate(doc.get("quotes") or ())),
            QUOTE, report)

    def refs(values: Any, known: set[str], path: tuple[str | int, ...], what: str, section: str) -> None:
        """`what`: SOURCE, PERSON, ...: the msgid of the sentence said of an id not defined."""
        single = isinstance(values, str)
        for k, value in enumerate([values] if single else values or ()):
            if value not in known:
                report(path if single else path + (k,), _(UNDEFINED[what]).format(id=value, section=section))

    def cited(owner: Any, path: tuple[str | int, ...]) -> None:
        """The sources an owner's evidence names are the trip's."""
        for k, item in enumerate(owner.get("evidence") or ()):
            refs(item["source"], sources, path + ("evidence", k, "source"), SOURCE, "sources")

    t = doc["trip"]
    cited(t, ("trip",))
    home = t["home_city"]
    if home.get("province") is None and (home.get("kind") or "city") in HOME_KINDS_IN_A_PROVINCE:
        report(("trip", "home_city"), _(
            "missing field 'province': a {kind} lies in a province; name it, or give the home's "
            "kind ('province' for a province's own delegation, 'national' for a national body's)").format(
                kind=home.get('kind') or 'city'))
    refs(t["leader"]["person"], people, ("trip", "leader", "person"), PERSON, "people")
    delegation = t.get("delegation") or {}
    refs(delegation.get("officials"), people, ("trip", "delegation", "officials"), PERSON, "people")
    for key in ("companies", "institutions"):
        refs(delegation.get(key), orgs, ("trip", "delegation", key), ORGANISATION, "organisations")
    refs(t.get("sources"), sources, ("trip", "sources"), SOURCE, "sources")
    for i, p in enumerate(doc.get("people") or ()):
        if p.get("organisation"):
            refs(p["organisation"], orgs, ("people", i, "organisation"), ORGANISATION, "organisations")
    for where, raw in held:
        cited(raw, where)
        for j, e in enumerate(raw.get("events") or ()):
            base = (*where, "events", j)
            cited(e, base)
            refs(e.get("organisations"), orgs, base + ("organisations",), ORGANISATION, "organisations")
            refs(e.get("people"), people, base + ("people",), PERSON, "people")
            refs(e.get("sources"), sources, base + ("sources",), SOURCE, "sources")
    for i, a in enumerate(doc.get("agreements") or ()):
        base = ("agreements", i)
        cited(a, base)
        refs(a.get("parties"), orgs, base + ("parties",), ORGANISATION, "organisations")
        refs(a.get("signatories"), people, base + ("signatories",), PERSON, "people")
        refs(a.get("sources"), sources, base + ("sources",), SOURCE, "sources")
        if a.get("event"):
            refs(a["event"], events, base + ("event",), EVENT, "days[].events or stops[].events")
        if a.get("status") is not None:
            _check_status(a["status"], opt_date(a.get("date")), base + ("status",), cited, report)
    for i, q in enumerate(doc.get("quotes") or ()):
        base = ("quotes", i)
        cited(q, base)
        # A quote may predate the trip (officials speak when a trip is announced), so its
        # date is not held to the trip's span.
        if q.get("speaker") is not None:
            refs(q["speaker"], people, base + ("speaker",), PERSON, "people")
        elif q.get("role") is None:
            report(base, _("a quote needs its 'speaker' (a person id) or, when the sources do not "
                           "name them, the speaker's 'role' (\"시 관계자\", a city official)"))
        if q.get("organisation") is not None:
            refs(q["organisation"], orgs, base + ("organisation",), ORGANISATION, "organisations")
        refs(q.get("sources"), sources, base + ("sources",), SOURCE, "sources")
        if q.get("event"):
            refs(q["event"], events, base + ("event",), EVENT, "days[].events or stops[].events")
    return problems


def check_dates(start: dt.date, end: dt.date, span: Span | None,
                days: list[tuple[int, dt.date]], agreements: list[tuple[int, dt.date | None]],
                report: Callable[[tuple[str | int, ...], str], None]) -> bool:
    """The trip's dates, its reported span, and the dates of its days (by their index in
    `days`) and agreements against them. False when the dates themselves are wrong (the end
    before the start, too long a trip): every other check would only repeat that."""
    _ = messages()
    if end < start:
        report(("trip", "end"), _("the trip ends ({end}) before it starts ({start})").format(end=end, start=start))
        return False
    day_count = (end - start).days + 1
    if day_count > MAX_TRIP_DAYS:
        report(("trip", "end"), _("the trip lasts {days} days ({start}..{end}), more than the {most} a "
                                  "trip can have; check the end date (a wrong year?)").format(
            days=f"{day_count:,}", start=start, end=end, most=MAX_TRIP_DAYS))
        return False
    if span:
        if span.days != day_count:
            report(("trip", "span_reported", "days"),
                   _("reported span is {span} days but {start}..{end} is {days} calendar days; "
                     "correct the dates or the span").format(span=span.days, start=start, end=end, days=day_count))
        if span.nights is not None and span.nights >= span.days:
            report(("trip", "span_reported", "nights"),
                   _("{nights} nights cannot fit in {days} days").format(nights=span.nights, days=span.days))

    def inside(value: dt.date | None, path: tuple[str | int, ...], message: str) -> None:
        if value is not None and not start <= value <= end:
            report(path, message.format(date=value, start=start, end=end))

    seen_dates: dict[dt.date, int] = {}
    for i, day_date in days:
        inside(day_date, ("days", i, "date"), _("the day {date} is outside the trip ({start}..{end})"))
        if day_date in seen_dates:
            report(("days", i, "date"), _("{date} is listed twice (also days[{other}]); merge the two "
                                          "entries").format(date=day_date, other=seen_dates[day_date]))
        seen_dates.setdefault(day_date, i)
    for i, agreement_date in agreements:
        inside(agreement_date, ("agreements", i, "date"),
               _("the agreement date {date} is outside the trip ({start}..{end})"))
    return True


def _check_day_entries(raw_days: list[Any], report: Callable[..., None]) -> None:
    """An entry of `days` is a day (its `date`) or a stop without a day (no `date`, and a
    span, a place, an event, a note or an excerpt); never both, never neither."""
    _ = messages()
    for i, entry in enumerate(raw_days):
        if entry.get("date") is not None:
            for key in ("start", "end"):
                if entry.get(key) is not None:
                    report(("days", i, key), _(
                        "a day with a 'date' has no '{key}': 'start' and 'end' are for an entry without a "
                        "date (a stop some day between the two); remove the one or the other").format(key=key))
        elif not says_something(entry):
            report(("days", i), _(
                "has no 'date' and nothing else: give the day's 'date', or, for a place or an event "
                "with no day, its 'places' or 'events'"))


def _check_stops(trip: Trip, paths: list[tuple[str | int, ...]], report: Callable[..., None]) -> None:
    """A stop without a day is over a range inside the trip (start and end both, in order),
    or has neither: "during the trip". `paths`: where each of `trip.stops` is in the file."""
    _ = messages()
    for path, stop in zip(paths, trip.stops):
        if (stop.start is None) != (stop.end is None):
            given, missing = ("start", "end") if stop.end is None else ("end", "start")
            report(path, _("gives '{given}' without '{missing}': give both (the days it falls "
                           "between) or neither (somewhere during the trip)").format(given=given, missing=missing))
            continue
        if stop.start is None or stop.end is None:
            continue
        if stop.end < stop.start:
            report(path + ("end",), _("the stop ends ({end}) before it starts ({start})").format(
                end=stop.end, start=stop.start))
        outside = {"start": _("the stop's start {date} is outside the trip ({first}..{last})"),
                   "end": _("the stop's end {date} is outside the trip ({first}..{last})")}
        for key, value in (("start", stop.start), ("end", stop.end)):
            if not trip.start <= value <= trip.end:
                report(path + (key,), outside[key].format(date=value, first=trip.start, last=trip.end))


def _dates_despite(doc: Any, where: list[tuple[str | int, ...]], result: ReadResult) -> list[Problem]:
    """`check_dates` on a document that failed the shape check, with the values the check
    found sound: a day outside the trip is reported in the same run as a missing title, not
    only once the title is fixed (docs/data-format.md promises every problem in one run)."""
    problems: list[Problem] = []

    def sound(path: tuple[str | int, ...]) -> bool:
        return _sound(doc, where, path)

    if not (sound(("trip", "start")) and sound(("trip", "end"))):
        return problems
    span = None
    if sound(("trip", "span_reported")):
        raw_span = _get(doc, ("trip", "span_reported"))
        span = Span(raw_span["days"], raw_span.get("nights"), raw_span.get("text"))

    def dated(section: str) -> list[tuple[int, dt.date]]:
        items = _get(doc, (section,))
        return [(i, date(_get(doc, (section, i, "date"))))
                for i in range(len(items) if isinstance(items, list) else 0)
                if sound((section, i, "date"))]

    check_dates(date(_get(doc, ("trip", "start"))), date(_get(doc, ("trip", "end"))), span,
                dated("days"), dated("agreements"),  # type: ignore[arg-type]
                lambda path, message: problems.append(result.problem(path, message)))
    return problems


def _check_status(status: dict[str, Any], agreed: dt.date | None, path: tuple[str | int, ...],
                  cited: Any, report: Any) -> None:
    """A status says what it rests on, and a signing is not dated before the agreement."""
    cited(status, path)
    _ = messages()
    if status["value"] != "unknown" and not status.get("evidence"):
        report(path, _("the status '{status}' rests on nothing: add the excerpt that says so under "
                       "'evidence' (or make it 'unknown')").format(status=status['value']))
    when = opt_date(status.get("date"))
    if status["value"] == "signed" and when and agreed and when != agreed:
        report(path + ("date",), _("signed on {when} but the agreement is dated {agreed}; make the "
                                   "two dates agree").format(when=when, agreed=agreed))


def _unique(items: Iterable[tuple[str, tuple[str | int, ...]]], what: str, report: Any) -> set[str]:
    seen: dict[str, tuple[str | int, ...]] = {}
    for value, path in items:
        if value in seen:
            report(path, messages()(USED_TWICE[what]).format(id=value, first=format_path(seen[value])))
        else:
            seen[value] = path
    return set(seen)


# -- excerpts against article files ---------------------------------------------------------


Excerpts = dict[str, list[tuple[tuple[str | int, ...], str]]]  # source id -> [(path, text)]


def excerpts_of(doc: dict[str, Any]) -> Excerpts:
    """Every excerpt of a checked document with its path, by the source it cites."""
    out: Excerpts = {}

    def add(owner: Any, path: tuple[str | int, ...]) -> None:
        for k, item in enumerate(owner.get("evidence") or ()):
            out.setdefault(item["source"], []).append((path + ("evidence", k), strip_control(item["text"])))

    add(doc["trip"], ("trip",))
    for section in ("days", "stops"):
        for i, day in enumerate(doc.get(section) or ()):
            add(day, (section, i))
            for j, event in enumerate(day.get("events") or ()):
                add(event, (section, i, "events", j))
    for section in ("agreements", "quotes"):
        for i, item in enumerate(doc.get(section) or ()):
            add(item, (section, i))
            if isinstance(item.get("status"), dict):
                add(item["status"], (section, i, "status"))
    return out


@dataclass
class ArticleCheck:
    """What checking a trip's excerpts against its article files found."""

    articles: list[SourceArticle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    checked: int = 0
    unchecked: int = 0
    quotes_checked: int = 0  # quotes whose original words were looked for in an article


def check_articles(trip: Trip, doc: dict[str, Any], result: ReadResult, path: Path,
                   finder: ArticleFinder) -> ArticleCheck:
    """Find each source's article file, read it, and look for every excerpt citing it there.

    An excerpt not in its article is a problem; an article file not found, a warning (its
    excerpts cannot be checked: the user may have only the URL). A quote's original words are
    its own evidence: they must be in one of its sources' articles, when any is found."""
    out = ArticleCheck()
    _ = messages()
    excerpts = excerpts_of(doc)
    folders: list[Path] | None = None
    read: dict[str, tuple[str, ArticleFile]] = {}  # source id -> (file name, article)
    for i, source in enumerate(trip.sources):
        cited = excerpts.get(source.id, [])
        if not source.file:
            out.unchecked += len(cited)
            continue
        folders = folders if folders is not None else finder.folders(path)
        # As text the store can keep: a folder whose name is not UTF-8 shown escaped.
        looked_in = tuple(str(f.absolute()) if _utf8_path(f) else visible(str(f.absolute()))
                          for f in folders)
        found = finder.find(source.file, folders)
        name = visible(source.file, 80)
        if found is not None and not _utf8_path(found):
            out.problems.append(result.problem(("sources", i, "file"), _("article file {file}: {problem}").format(
                file=visible(display_path(found)), problem=_not_utf8(found))))
            continue
        if found is None:
            out.articles.append(SourceArticle(source.id, source.file, None, None, None, looked_in))
            out.unchecked += len(cited)
            if cited:
                out.warnings.append(result.problem(
                    ("sources", i, "file"),
                    _.ngettext("article file {file} not found, so its {n} excerpt is not checked "
                               "(looked in {folders}); put it in one of these folders or name its "
                               "folder with --articles DIR or TRIPDESK_ARTICLES",
                               "article file {file} not found, so its {n} excerpts are not checked "
                               "(looked in {folders}); put it in one of these folders or name its "
                               "folder with --articles DIR or TRIPDESK_ARTICLES", len(cited)).format(
                        file=name, n=len(cited),
                        folders=", ".join(visible(display_path(f), 80) for f in folders))))
            continue
        try:
            article = finder.read(found)
        except ArticleError as exc:
            out.problems.append(result.problem(("sources", i, "file"), _("article file {file} {problem}").format(
                file=visible(display_path(found), 80), problem=exc)))
            continue
        out.articles.append(SourceArticle(source.id, source.file, str(found.absolute()), article.text,
                                          article.encoding, looked_in, article.size, article.mtime_ns))
        read[source.id] = (name, article)
        for where, text in cited:
            out.checked += 1
            if not article.contains(text):
                out.problems.append(result.problem(
                    where + ("text",),
                    _('not found in {file}: "{excerpt}"; {where}').format(
                        file=name, excerpt=visible(text[:30]), where=_divergence(article, text))))
    for i, quote in enumerate(trip.quotes):
        articles = [read[s] for s in dict.fromkeys(quote.sources) if s in read]
        if not articles:
            continue
        out.quotes_checked += 1
        words = quote.original.text
        if not any(article.contains(words) for _name, article in articles):
            name, article = articles[0]
            names = _(" or ").join(n for n, _a in articles)
            out.problems.append(result.problem(
                ("quotes", i, "original", "text"),
                _('not found in {file}: "{excerpt}"; {where}; a quote\'s original is the source\'s '
                  'words, verbatim').format(file=names, excerpt=visible(words[:30]),
                                            where=_divergence(article, words))))
    return out


def _divergence(article: ArticleFile, excerpt: str) -> str:
    """Where an excerpt stops agreeing with its article: the longest start of it the article
    holds (whitespace and quotation marks aside), and what follows there in each."""
    excerpt = nfc(excerpt)
    matcher = article.matcher
    low, high = 0, len(excerpt)  # the article holds excerpt[:low], not excerpt[:high + 1]
    while low < high:
        middle = (low + high + 1) // 2
        if matcher.find(excerpt[:middle]) is not None:
            low = middle
        else:
            high = middle - 1
    span = matcher.find(excerpt[:low]) if excerpt[:low].strip() else None
    _ = messages()
    if span is None or len(excerpt[:low].strip()) < 2:
        return _("no part of it is in the article: is it the right source?")
    rest, theirs = excerpt[low:], matcher.text[span[1]:]
    return _('the article has its first {n} characters, then "{theirs}" where the excerpt has '
             '"{ours}"').format(n=len(excerpt[:low].rstrip()), theirs=_start(theirs), ours=_start(rest))


def _start(text: str, length: int = 8) -> str:
    """The first characters of a text, its runs of whitespace as one space, for a message."""
    return visible(" ".join(text.split())[:length])


# -- whole runs ------------------------------------------------------------------------------


@dataclass
class KnownIds:
    """What other files already define: trip ids (with their file) and entity names.

    Import fills it from the store for files it does not re-read, so that a changed file is
    still checked against the unchanged ones.
    """

    trips: dict[str, str] = field(default_factory=dict)  # trip id -> file
    entities: dict[tuple[str, str], tuple[Text, str]] = field(default_factory=dict)  # (kind, id) -> (name, file)


def load_file(path: Path, finder: ArticleFinder | None = None) -> tuple[LoadedTrip | None, list[Problem]]:
    """Read, check and build one file on its own (no checks across files)."""
    loaded, _names, problems, _warnings = check_file(path, finder=finder)
    return loaded, problems


@dataclass(frozen=True)
class NamesOnly:
    """A file with problems of its own that still says what its trip id is: what the checks
    between files need of it, so that a run reports its trip id used twice along with its
    other problems instead of only on the run after they are fixed."""

    names: "TripNames"
    result: ReadResult


def check_file(path: Path, data: bytes | None = None, finder: ArticleFinder | None = None
               ) -> tuple[LoadedTrip | None, "Checked | None", list[Problem], list[Problem]]:
    """Read (unless `data` is its content, already read), check and build one file on its own:
    the trip when the file has no problem, what the checks between files need of it (also when
    it has problems but its trip id is known), its problems and its warnings. `finder` looks
    for the article files of its sources (by default beside the file and in
    TRIPDESK_ARTICLES's folders)."""
    result = read_file(path, data)
    if result.problems:
        return None, None, result.problems, []  # not parsed: nothing in it can be trusted
    problems: list[Problem] = []
    where: list[tuple[str | int, ...]] = []

    def report(p: tuple[str | int, ...], m: str, at_key: bool = False) -> None:
        where.append(p)
        problems.append(result.problem(p, m, at_key))

    check(result.document, TRIP_FILE, (), report)
    if problems:
        problems += _dates_despite(result.document, where, result)
        names = _names_despite(result.document, where)
        return None, (NamesOnly(names, _slim(result)) if names else None), problems, []
    trip = build_trip(result.document)
    problems = check_trip(trip, result.document, result)
    found = check_articles(trip, result.document, result, path, finder or ArticleFinder())
    problems += found.problems
    if problems:
        return None, NamesOnly(TripNames.of(trip), _slim(result)), problems, found.warnings
    loaded = LoadedTrip(trip, path, result.raw, _slim(result), tuple(found.articles),
                        found.checked, found.unchecked, found.quotes_checked)
    return loaded, loaded, [], found.warnings


_MISSING = object()


def _get(doc: Any, path: tuple[str | int, ...]) -> Any:
    """The value at `path` in a document of any shape (`_MISSING` when it is not there)."""
    value = doc
    for part in path:
        if isinstance(part, str) and isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(part, int) and isinstance(value, list) and 0 <= part < len(value):
            value = value[part]
        else:
            return _MISSING
    return value


def _sound(doc: Any, problems: list[tuple[str | int, ...]], path: tuple[str | int, ...]) -> bool:
    """Present, and the shape check reported nothing at or beneath `path`."""
    return _get(doc, path) not in (_MISSING, None) and not any(p[:len(path)] == path for p in problems)


def _names_despite(doc: Any, problems: list[tuple[str | int, ...]]) -> "TripNames | None":
    """The trip id and entity names of a document that failed the shape check, taking only
    the values the check found nothing wrong with (None when the trip id is not one)."""

    def get(path: tuple[str | int, ...]) -> Any:
        return _get(doc, path)

    def sound(path: tuple[str | int, ...]) -> bool:
        return _sound(doc, problems, path)

    if not sound(("trip", "id")):
        return None
    home = ("trip", "home_city")
    home_city = ((get(home + ("id",)), text(get(home + ("name",))))
                 if sound(home + ("id",)) and sound(home + ("name",)) else None)
    entities: dict[str, list[tuple[int, str, Text]]] = {"organisations": [], "people": []}
    for section, found in entities.items():
        items = get((section,))
        for i in range(len(items) if isinstance(items, list) else 0):
            if sound((section, i, "id")) and sound((section, i, "name")):
                found.append((i, get((section, i, "id")), text(get((section, i, "name")))))
    return TripNames(
        get(("trip", "id")), home_city,
        tuple((entity_id, name) for _i, entity_id, name in entities["organisations"]),
        tuple((entity_id, name) for _i, entity_id, name in entities["people"]),
        at=(tuple(i for i, *_ in entities["organisations"]), tuple(i for i, *_ in entities["people"])),
    )


def _slim(result: ReadResult) -> ReadResult:
    """What `check_across` needs of a checked file: its name and the positions of the ids and
    names it may report. Keeping the whole document and the position of every value of every
    file made an import of 10,000 files hold about 8 GB (see docs/performance.md)."""
    return result.keep_marks(_id_and_name_paths(result.document))


def _id_and_name_paths(doc: dict[str, Any]) -> Iterator[tuple[str | int, ...]]:
    """The paths of the `id` and `name` fields one or two levels under `trip`,
    `organisations` and `people`: the values `check_across` may report."""
    if not isinstance(doc, dict):
        return
    for top in ("trip", "organisations", "people"):
        section = doc.get(top)
        if isinstance(section, dict):
            children: Iterable[tuple[Any, Any]] = section.items()
        elif isinstance(section, list):
            children = enumerate(section)
        else:  # a file with problems of its own may hold anything here
            continue
        for key, child in children:
            if key in ("id", "name"):
                yield (top, key)
            if isinstance(child, dict):
                yield from ((top, key, field) for field in ("id", "name") if field in child)


@dataclass(frozen=True)
class TripNames:
    """What the checks between files need of a trip: its id and the entities it names, each
    as (id, name). Small, so that import's worker processes send it instead of the Trip.

    Of a file with problems of its own, only the names found sound are kept (`home_city` may
    be None), and `at` says where the kept organisations and people are in the file's lists.
    """

    id: str
    home_city: tuple[str, Text] | None
    organisations: tuple[tuple[str, Text], ...]
    people: tuple[tuple[str, Text], ...]
    at: tuple[tuple[int, ...], tuple[int, ...]] | None = None  # None: every one, in order

    @classmethod
    def of(cls, trip: Trip) -> "TripNames":
        """The names of a trip."""
        return cls(trip.id, (trip.home_city.id, trip.home_city.name),
                   tuple((o.id, o.name) for o in trip.organisations),
                   tuple((p.id, p.name) for p in trip.people))


class Checked(Protocol):
    """A file that passed the checks of its own: the names of its trip and where they are."""

    @property
    def names(self) -> TripNames: ...

    @property
    def result(self) -> ReadResult: ...


class AcrossCheck:
    """Checks between files, one file at a time: unique trip ids, entities defined alike
    everywhere. Each file is checked against what `known` and the files before it define."""

    def __init__(self, known: KnownIds | None = None) -> None:
        known = known or KnownIds()
        self.trips = dict(known.trips)
        self.entities = dict(known.entities)

    def add(self, item: Checked) -> list[Problem]:
        """The problems of one more file (and remember what it defines)."""
        names, result = item.names, item.result
        problems: list[Problem] = []
        _ = messages()
        if names.id in self.trips:
            problems.append(result.problem(("trip", "id"), _(
                "trip id '{id}' is already used by {file}; give each trip its own id").format(
                    id=names.id, file=self.trips[names.id])))
        else:
            self.trips[names.id] = result.file
        named: list[tuple[str, str, Text, tuple[str | int, ...]]] = []
        if names.home_city is not None:
            named.append(("home city", *names.home_city, ("trip", "home_city", "name")))
        org_at, people_at = names.at or (range(len(names.organisations)), range(len(names.people)))
        named += [(ORGANISATION, *entity, ("organisations", i, "name"))
                  for i, entity in zip(org_at, names.organisations)]
        named += [(PERSON, *entity, ("people", i, "name")) for i, entity in zip(people_at, names.people)]
        for kind, entity_id, name, path in named:
            key = (kind, entity_id)
            if key in self.entities and _name_key(self.entities[key][0]) != _name_key(name):
                other_name, other_file = self.entities[key]
                problems.append(result.problem(path, _(NAMED_OTHERWISE[kind]).format(
                    id=entity_id, name=_show(name), other=_show(other_name), file=other_file)))
            else:
                self.entities.setdefault(key, (name, result.file))
        return problems


def check_across(loaded: Iterable[Checked], known: KnownIds | None = None) -> list[Problem]:
    """Checks between files: unique trip ids, entities defined alike everywhere."""
    check = AcrossCheck(known)
    return [problem for item in loaded for problem in check.add(item)]


def _name_key(name: Text) -> tuple[str | None, str | None, str | None]:
    return (name.ko, name.en, name.plain)


def _show(name: Text) -> str:
    return " / ".join(repr(s) for s in name.all_strings())


def load_paths(paths: Iterable[Path],
               known: KnownIds | Callable[[list[Checked]], KnownIds] | None = None,
               articles: Iterable[Path] = ()) -> LoadResult:
    """Load every trip file under the given paths, with every problem of every file;
    `known`: what other files define (or a function of the files checked that says it, as
    `importer.known_in_store` does); `articles`: more folders to look for article files in
    (`--articles`)."""
    paths = list(paths)
    files, problems = find_trip_files(paths)
    finder = article_finder(paths, articles)
    out = LoadResult(files=files, problems=problems)
    named: list[Checked] = []  # every file whose trip id is known, with problems or not
    for path in files:
        loaded, names, file_problems, warnings = check_file(path, finder=finder)
        out.problems.extend(file_problems)
        out.warnings.extend(warnings)
        if loaded is not None:
            out.trips.append(loaded)
        if names is not None:
            named.append(names)
    out.problems.extend(check_across(named, known(named) if callable(known) else known))
    out.warnings.extend(duplicate_warnings(out.trips))
    return out


def duplicate_warnings(loaded: Iterable[LoadedTrip]) -> list[Problem]:
    """A warning at each organisation or person that probably is one defined under another id
    (`duplicates`), at its name in the later file."""
    from ..store.duplicates import FIX, Named, message, probable_duplicates

    results = {}
    entities = []
    for item in loaded:
        name = item.result.file
        results[name] = item.result
        trip = item.trip
        entities += [Named("organisation", o.id, (*o.name.all_strings(), *o.aliases), name, i)
                     for i, o in enumerate(trip.organisations)]
        entities += [Named("person", p.id, (*p.name.all_strings(), *p.aliases), name, i)
                     for i, p in enumerate(trip.people)]
    section = {"organisation": "organisations", "person": "people"}
    return [results[d.second.file].problem((section[d.kind], d.second.index, "name"),
                                            messages()("{problem}; {fix}").format(
                                                problem=message(d, at_second=True), fix=messages()(FIX)))
            for d in probable_duplicates(entities)]


def article_finder(paths: Iterable[Path], articles: Iterable[Path] = ()) -> ArticleFinder:
    """The finder of article files for a run over these paths, with the `--articles` folders."""
    return ArticleFinder(extra=tuple(articles), roots=tuple(p for p in paths if p.is_dir()))
