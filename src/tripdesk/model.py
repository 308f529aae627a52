"""The trip data model: plain, immutable dataclasses shared by every layer.

The loader builds these from YAML (or JSON) documents, the store saves and reads them, the
exporters and the UI render them. Nothing here does I/O. `to_document()` turns a trip back
into the file format of docs/data-format.md, which is also the JSON export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .i18n import NC_, translator
from .text import DISPLAY_LANGS, LANGS, DisplayLang, Lang, Text  # noqa: F401 - part of the model's names

FORMAT_VERSION = 1

EVENT_KINDS = (
    "visit",
    "meeting",
    "signing",
    "exhibition",
    "speech",
    "travel",
    "networking",
    "conference",
    "ceremony",
    "promotion",
    "other",
)
AGREEMENT_KINDS = (
    "MOU",
    "business agreement",
    "joint declaration",
    "sister-city",
    "letter of intent",
    "economic agreement",
    "investment agreement",
    "exchange agreement",
    "friendship city",
    "other",
)
# How each kind of agreement is named, for display and for search: every kind also carries the
# generic words 협약 / agreement, so that searching for "협약" finds MOUs and declarations too.
AGREEMENT_KIND_NAMES: dict[str, tuple[str, str]] = {
    "MOU": ("양해각서(MOU) 협약", "memorandum of understanding (MOU) agreement"),
    "business agreement": ("업무협약", "business agreement"),
    "joint declaration": ("공동선언 협약", "joint declaration agreement"),
    "sister-city": ("자매결연 협약", "sister-city agreement"),
    "letter of intent": ("의향서 협약", "letter of intent agreement"),
    "economic agreement": ("경제협약", "economic agreement"),
    "investment agreement": ("투자협약", "investment agreement"),
    "exchange agreement": ("교류협약 교류협력", "exchange agreement"),
    # 우호도시 / 우호협력도시: a friendship (friendly cooperation) city, the step before or
    # instead of a sister city.
    "friendship city": ("우호도시 우호협력 협약", "friendship city agreement"),
    "other": ("협약", "agreement"),
}

# Where an agreement stands, as its sources report it: a later report can turn "planned" into
# "signed", so a status carries its own date and evidence (`AgreementStatus`).
AGREEMENT_STATUSES = (
    "signed",
    "agreed in principle",
    "planned",
    "pledged",
    "cancelled",
    "unknown",
)
# How each status is named: the status itself is the msgid, in the catalog's context
# STATUS_CONTEXT (체결 for signed in Korean), for display and for search (searching 체결
# finds signed ones): `agreement_status_names`, `AgreementStatus.label`.
STATUS_CONTEXT = "agreement status"  # (written out in each NC_, which the extractor reads)
STATUS_WORDS = (NC_("agreement status", "signed"), NC_("agreement status", "agreed in principle"),
                NC_("agreement status", "planned"), NC_("agreement status", "pledged"),
                NC_("agreement status", "cancelled"), NC_("agreement status", "unknown"))


def agreement_status_label(status: str, lang: DisplayLang) -> str:
    """A status in the reader's words (`체결`, `signed`; `체결 · signed` in both)."""
    if lang == "both":
        ko, en = agreement_status_names(status)
        return ko if ko == en else f"{ko} · {en}"
    return translator(lang).pgettext(STATUS_CONTEXT, status)


def agreement_status_names(status: str) -> tuple[str, str]:
    """A status named in Korean and in English (a status no catalog knows: itself, twice)."""
    return (translator("ko").pgettext(STATUS_CONTEXT, status), translator("en").pgettext(STATUS_CONTEXT, status))

ORGANISATION_KINDS = (
    "government",
    "company",
    "association",
    "university",
    "research",
    "venue",
    "event",
    "media",
    "other",
)
TRIP_STATUSES = ("announced", "reported")
# What the delegation's home is: a city (시), a county (군), a district (구), a province or
# metropolitan government (도, 광역시) led by its governor or mayor, or a national body (a
# ministry, the Korea Chamber of Commerce and Industry's mission), which has no province.
HOME_KINDS = ("city", "county", "district", "province", "national")
# The kinds of home that lie in a province, which the file must then name.
HOME_KINDS_IN_A_PROVINCE = ("city", "county", "district")
TRANSLATORS = ("article", "editors")


EMPTY_TEXT = Text()


@dataclass(frozen=True)
class Place:
    """A place on the itinerary: a city (with its state and country), and maybe a venue."""

    city: Text
    country: str
    state: str | None = None
    venue: Text | None = None

    @property
    def key(self) -> str:
        """A stable key for the destination city: country, state and English city name."""
        city = (self.city.en or self.city.plain or self.city.ko or "").strip().lower()
        parts = [self.country.lower(), (self.state or "").lower(), city]
        return "/".join(parts)

    def label(self, lang: DisplayLang) -> str:
        bits = [self.city.get(lang)]
        if self.state:
            bits.append(self.state)
        bits.append(self.country)
        return ", ".join(b for b in bits if b)

    def to_document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"city": self.city.to_document()}
        if self.state is not None:
            doc["state"] = self.state
        doc["country"] = self.country
        if self.venue is not None:
            doc["venue"] = self.venue.to_document()
        return doc


@dataclass(frozen=True)
class HomeCity:
    """The Korean city, county, province or national body whose delegation made the trip
    (`kind`, one of HOME_KINDS); a province or a national body has no `province` (empty)."""

    id: str
    name: Text
    province: Text
    country: str
    kind: str = "city"

    def to_document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"id": self.id, "name": self.name.to_document()}
        if self.kind != "city":
            doc["kind"] = self.kind
        if self.province:
            doc["province"] = self.province.to_document()
        doc["country"] = self.country
        return doc


@dataclass(frozen=True)
class Source:
    """A news article or document that reports the trip; every fact names its sources.
    `headline` is empty (false) for a saved text that has none."""

    id: str
    outlet: Text
    headline: Text
    language: Lang
    published: dt.date | None = None
    file: str | None = None
    url: str | None = None
    notes: Text | None = None
    inferred: dict[str, Text] = field(default_factory=dict)

    @property
    def location(self) -> str:
        return self.file or self.url or ""


@dataclass(frozen=True)
class Evidence:
    """The words a fact rests on: a verbatim excerpt of one of the trip's sources.

    `source` is a source id of the trip; `text` is the shortest sentence or clause of that
    source's article that supports the record (for an inferred value, what the inference
    rests on).
    """

    source: str
    text: str


@dataclass(frozen=True)
class Organisation:
    """A government, company, university, ... named in the trip."""

    id: str
    name: Text
    kind: str
    aliases: tuple[str, ...] = ()
    city: Text | None = None


@dataclass(frozen=True)
class Person:
    """Someone named in the trip (a delegate, a host, a signatory, a speaker)."""

    id: str
    name: Text
    aliases: tuple[str, ...] = ()
    role: Text | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Event:
    """Something that happened on a day of the trip (a visit, a meeting, a signing...)."""

    id: str
    kind: str
    title: Text
    sources: tuple[str, ...]
    time: str | None = None
    description: Text | None = None
    place: Place | None = None
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    inferred: dict[str, Text] = field(default_factory=dict)


@dataclass(frozen=True)
class Day:
    """One recorded calendar day: where the delegation was and what it did."""

    date: dt.date
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    notes: Text | None = None
    evidence: tuple[Evidence, ...] = ()
    inferred: dict[str, Text] = field(default_factory=dict)


@dataclass(frozen=True)
class Stop:
    """Where the delegation went, and what it did there, when the sources do not say on
    which day: "during the trip" (no `start` and `end`), or some day between `start` and
    `end` ("on the 3rd and 4th, in Toronto"). Nothing in it is placed on a day that the
    sources did not give."""

    start: dt.date | None = None
    end: dt.date | None = None
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    notes: Text | None = None
    evidence: tuple[Evidence, ...] = ()
    inferred: dict[str, Text] = field(default_factory=dict)

    def when(self) -> str:
        """`2025-06-03 – 2025-06-04`, or `during the trip`."""
        if self.start is None or self.end is None:
            return "during the trip"
        return self.start.isoformat() if self.start == self.end else f"{self.start} – {self.end}"


@dataclass(frozen=True)
class AgreementStatus:
    """Where an agreement stands: one of AGREEMENT_STATUSES, the date it got there (signed on,
    agreed on, pledged on; for a planned one, the date it was announced), and the excerpts
    that say so. An agreement without one is of `unknown` status."""

    value: str = "unknown"
    date: dt.date | None = None
    evidence: tuple[Evidence, ...] = ()
    inferred: dict[str, Text] = field(default_factory=dict)

    def label(self, lang: DisplayLang) -> str:
        """The status in the reader's language ("체결 · signed" in both)."""
        return agreement_status_label(self.value, lang)


UNKNOWN_STATUS = AgreementStatus()


@dataclass(frozen=True)
class UnnamedParty:
    """A party to an agreement that the sources describe without naming ("a local company",
    "three Korean companies"): its description, its kind of organisation and how many."""

    description: Text
    kind: str | None = None
    count: int | None = None

    def label(self, lang: DisplayLang) -> str:
        """Its description, the count after it when the description does not hold it."""
        text = self.description.get(lang)
        return f"{text} ({self.count})" if self.count is not None and str(self.count) not in text else text


@dataclass(frozen=True)
class Agreement:
    """An agreement signed or announced during the trip (an MOU, a declaration...)."""

    id: str
    title: Text
    kind: str
    sources: tuple[str, ...]
    parties: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()
    date: dt.date | None = None
    place: Place | None = None
    scope: Text | None = None
    event: str | None = None
    evidence: tuple[Evidence, ...] = ()
    inferred: dict[str, Text] = field(default_factory=dict)
    status: AgreementStatus = UNKNOWN_STATUS
    unnamed_parties: tuple[UnnamedParty, ...] = ()


@dataclass(frozen=True)
class QuoteText:
    """A quote's words in one language (`by`: who translated them, for a translation)."""

    lang: Lang
    text: str
    by: str | None = None  # for translations: article | editors


@dataclass(frozen=True)
class Quote:
    """Something a person said, as reported, with its translation if any. `speaker` is None
    when the sources do not name them ("시 관계자", a city official): `role` then says who
    they are, and `organisation` may say for whom they speak."""

    id: str
    speaker: str | None
    original: QuoteText
    sources: tuple[str, ...]
    role: Text | None = None
    translation: QuoteText | None = None
    context: Text | None = None
    date: dt.date | None = None
    event: str | None = None
    evidence: tuple[Evidence, ...] = ()
    inferred: dict[str, Text] = field(default_factory=dict)
    organisation: str | None = None


@dataclass(frozen=True)
class Leader:
    """The head of the delegation and their role."""

    person: str
    role: Text


@dataclass(frozen=True)
class Delegation:
    """Who travelled: officials, companies and institutions, and how many people."""

    officials: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    head_count: int | None = None
    description: Text | None = None


@dataclass(frozen=True)
class Span:
    """The length of the trip as the sources report it (days, nights)."""

    days: int
    nights: int | None = None
    text: str | None = None

    def label(self) -> str:
        nights = f"{self.nights} nights " if self.nights is not None else ""
        reported = f" ({self.text})" if self.text else ""
        return f"{nights}{self.days} days{reported}"


@dataclass(frozen=True)
class Trip:
    """One official trip abroad: who went, where, day by day, and every fact's sources."""

    id: str
    home_city: HomeCity
    title: Text
    leader: Leader
    start: dt.date
    end: dt.date
    status: str
    sources: tuple[Source, ...]
    delegation: Delegation = Delegation()
    span_reported: Span | None = None
    purpose: Text | None = None
    themes: tuple[Text, ...] = ()
    trip_sources: tuple[str, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    days: tuple[Day, ...] = ()
    # What the sources do not tie to a day: a city "during the trip", or over a few days.
    stops: tuple[Stop, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    inferred: dict[str, Text] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1

    def calendar(self) -> list[tuple[int, dt.date, Day | None]]:
        """Every calendar day of the trip: (day number from 1, date, recorded day or None)."""
        recorded = {day.date: day for day in self.days}
        out = []
        for offset in range(self.day_count):
            date = self.start + dt.timedelta(days=offset)
            out.append((offset + 1, date, recorded.get(date)))
        return out

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def organisation(self, org_id: str) -> Organisation | None:
        return next((o for o in self.organisations if o.id == org_id), None)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def events(self) -> list[tuple[Day, Event]]:
        """The events of the days (not those of the stops without a day)."""
        return [(day, event) for day in self.days for event in day.events]

    def all_events(self) -> list[tuple[Day | Stop, Event]]:
        """Every event, of the days and of the stops, each with what holds it."""
        return [*self.events(), *((stop, event) for stop in self.stops for event in stop.events)]

    def event(self, event_id: str) -> tuple[Day | Stop, Event] | None:
        """An event by its id, with the day (or the stop without a day) that holds it."""
        return next(((d, e) for d, e in self.all_events() if e.id == event_id), None)

    def destinations(self) -> list[Place]:
        """The distinct cities visited, in the order of the itinerary (those of the stops
        without a day after the days')."""
        seen: dict[str, Place] = {}
        for day in (*self.days, *self.stops):
            for place in day.places:
                if place.country != self.home_city.country:
                    seen.setdefault(place.key, place)
        return list(seen.values())

    def speaker_name(self, quote: Quote, lang: DisplayLang) -> str:
        """Who said a quote: the person's name; for a speaker the sources do not name, their
        role as the quote gives it ("시 관계자")."""
        if quote.speaker is not None:
            person = self.person(quote.speaker)
            return person.name.get(lang) if person else quote.speaker
        return quote.role.get(lang) if quote.role else ""

    def party_names(self, agreement: Agreement, lang: DisplayLang) -> list[str]:
        """The names of an agreement's parties, then those it describes without naming."""
        named = [org.name.get(lang) if (org := self.organisation(o)) else o for o in agreement.parties]
        return named + [u.label(lang) for u in agreement.unnamed_parties]

    def agreements_on(self, date: dt.date) -> list[Agreement]:
        return [a for a in self.agreements if a.date == date]

    def quotes_on(self, date: dt.date) -> list[Quote]:
        return [q for q in self.quotes if q.date == date]
