"""The shape of a trip document, declared once and checked field by field.

`TRIP_FILE` below is the format of docs/data-format.md as data: every record lists its fields
with their kind and whether they are required. `check()` walks a document against it and
reports every problem (wrong type, missing field, unknown key with a did-you-mean, bad id,
bad enumeration value, impossible date or time).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EVENT_KINDS,
    HOME_KINDS,
    LANGS,
    ORGANISATION_KINDS,
    TRANSLATORS,
    TRIP_STATUSES,
)
from ..i18n import messages
from .yamlread import strip_control, visible

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")

Path_ = tuple[str | int, ...]
Report = Callable[..., None]  # report(path, message, at_key=False)


@dataclass(frozen=True)
class Spec:
    """What one value must be. `kind` is one of the checkers in `_CHECKERS`."""

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    item: "Spec | None" = None
    fields: dict[str, "Spec"] = field(default_factory=dict)
    # Values a record implies without holding them, which may still be inferred: an event's
    # `date` is the day it is listed under.
    implied: tuple[str, ...] = ()


def req(kind: str, **kw: Any) -> Spec:
    return Spec(kind, required=True, **kw)


def opt(kind: str, **kw: Any) -> Spec:
    return Spec(kind, required=False, **kw)


def record(required: bool = False, implied: tuple[str, ...] = (), **fields: Spec) -> Spec:
    return Spec("record", required=required, fields=fields, implied=implied)


def listof(item: Spec, required: bool = False) -> Spec:
    return Spec("list", required=required, item=item)


INFERRED = opt("inferred")
SOURCES = listof(req("id"), required=True)
# What a record rests on: excerpts of the trip's sources (docs/data-format.md, "Evidence").
EVIDENCE = listof(record(source=req("id"), text=req("str")))
PLACE = record(city=req("text"), state=opt("str"), country=req("country"), venue=opt("text"))

EVENT = record(
    implied=("date",),
    id=req("id"),
    time=opt("time"),
    kind=req("enum", choices=EVENT_KINDS),
    title=req("text"),
    description=opt("text"),
    place=PLACE,
    organisations=listof(req("id")),
    people=listof(req("id")),
    sources=SOURCES,
    evidence=EVIDENCE,
    inferred=INFERRED,
)

TRIP_FILE = record(
    required=True,
    tripdesk=req("version"),
    trip=record(
        required=True,
        id=req("id"),
        home_city=record(
            required=True,
            id=req("id"),
            name=req("text"),
            kind=opt("enum", choices=HOME_KINDS),
            # Required of a city, county or district (loader.check_trip), not of a province
            # or a national body.
            province=opt("text"),
            country=req("country"),
        ),
        title=req("text"),
        leader=record(required=True, person=req("id"), role=req("text")),
        delegation=record(
            officials=listof(req("id")),
            companies=listof(req("id")),
            institutions=listof(req("id")),
            head_count=opt("count"),
            description=opt("text"),
        ),
        start=req("date"),
        end=req("date"),
        span_reported=record(days=req("count"), nights=opt("count"), text=opt("str")),
        status=req("enum", choices=TRIP_STATUSES),
        purpose=opt("text"),
        themes=listof(req("text")),
        sources=listof(req("id")),
        evidence=EVIDENCE,
        inferred=INFERRED,
    ),
    sources=listof(
        record(
            id=req("id"),
            outlet=req("text"),
            headline=opt("text"),  # many saved texts have none
            published=opt("date"),
            file=opt("str"),
            url=opt("str"),
            language=req("enum", choices=LANGS),
            notes=opt("text"),
            inferred=INFERRED,
        ),
        required=True,
    ),
    organisations=listof(
        record(
            id=req("id"),
            name=req("text"),
            aliases=listof(req("str")),
            kind=req("enum", choices=ORGANISATION_KINDS),
            city=opt("text"),
        )
    ),
    people=listof(
        record(
            id=req("id"),
            name=req("text"),
            aliases=listof(req("str")),
            role=opt("text"),
            organisation=opt("id"),
        )
    ),
    # A day, by its `date`; an entry without one is a stop without a day (docs/data-format.md,
    # "A stop without a day"): some day between `start` and `end`, or, with neither, during the
    # trip. loader.check_trip refuses a date with a span, and an entry with neither and nothing in it.
    days=listof(
        record(
            date=opt("date"),
            start=opt("date"),
            end=opt("date"),
            places=listof(PLACE),
            notes=opt("text"),
            evidence=EVIDENCE,
            inferred=INFERRED,
            events=listof(EVENT),
        )
    ),
    # The older spelling of the stops without a day, still read: the same entries as those of
    # `days` without a date, which is what tripdesk writes now.
    stops=listof(
        record(
            start=opt("date"),
            end=opt("date"),
            places=listof(PLACE),
            notes=opt("text"),
            evidence=EVIDENCE,
            inferred=INFERRED,
            events=listof(EVENT),
        )
    ),
    agreements=listof(
        record(
            id=req("id"),
            title=req("text"),
            kind=req("enum", choices=AGREEMENT_KINDS),
            parties=listof(req("id")),
            # Parties the sources describe without naming them ("a local company").
            unnamed_parties=listof(record(
                description=req("text"),
                kind=opt("enum", choices=ORGANISATION_KINDS),
                count=opt("count"),
            )),
            signatories=listof(req("id")),
            date=opt("date"),
            place=PLACE,
            scope=opt("text"),
            event=opt("id"),
            sources=SOURCES,
            evidence=EVIDENCE,
            inferred=INFERRED,
            # Where it stands (docs/data-format.md, "Agreement status"), with its own date and
            # evidence: a later report can turn "planned" into "signed".
            status=record(
                value=req("enum", choices=AGREEMENT_STATUSES),
                date=opt("date"),
                evidence=EVIDENCE,
                inferred=INFERRED,
            ),
        )
    ),
    quotes=listof(
        record(
            id=req("id"),
            # Left out for a speaker the sources do not name ("시 관계자"): `role` then says
            # who they are (loader.check_trip), `organisation` for whom they speak.
            speaker=opt("id"),
            role=opt("text"),
            organisation=opt("id"),
            original=record(required=True, lang=req("enum", choices=LANGS), text=req("str")),
            translation=record(
                lang=req("enum", choices=LANGS), text=req("str"), by=req("enum", choices=TRANSLATORS)
            ),
            context=opt("text"),
            date=opt("date"),
            event=opt("id"),
            sources=SOURCES,
            evidence=EVIDENCE,
            inferred=INFERRED,
        )
    ),
)

TEXT_KEYS = ("ko", "en", "translated", "translated_by")


def _type_name(value: Any) -> str:
    """What a value is, for a message (`should be a list, not {kind}`)."""
    _ = messages()
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dt.date):
        return _("a date")
    if isinstance(value, (int, float)):
        return _("a number")
    return _("text")


def _show(value: Any) -> str:
    """A value quoted in a message: printable and at most 40 characters."""
    return visible(str(value), 40)


def did_you_mean(key: str, options: list[str]) -> str:
    """` (did you mean 'title'?)`, else ` (expected one of: ...)`: the end of a message about
    a key or value not allowed (its own sentence in the catalog, put after the message's)."""
    import difflib  # only when a file has a problem: the desk imports this module at launch

    _ = messages()
    close = difflib.get_close_matches(key, options, n=1, cutoff=0.55)
    if close:
        return _(" (did you mean '{close}'?)").format(close=close[0])
    return _(" (expected one of: {options})").format(options=", ".join(options))


def check(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    """Check a value against a spec, reporting every problem found beneath it."""
    if value is None:
        if spec.required:
            report(path, messages()("is required but empty"))
        return
    _CHECKERS[spec.kind](value, spec, path, report)


def _check_record(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    _ = messages()
    if not isinstance(value, dict):
        report(path, _("should be a mapping of fields, not {kind}").format(kind=_type_name(value)))
        return
    for key in value:
        if key not in spec.fields:
            report(path + (key,), _("unknown key '{key}'{suggestion}").format(
                key=_show(key), suggestion=did_you_mean(key, list(spec.fields))), at_key=True)
    for name, sub in spec.fields.items():
        if name not in value:
            if sub.required:
                report(path, _("missing required field '{name}'").format(name=name))
            continue
        check(value[name], sub, path + (name,), report)
    inferred = value.get("inferred")
    if isinstance(inferred, dict):
        fields = [k for k in (*spec.fields, *spec.implied) if k not in ("inferred", "evidence")]
        for key in inferred:
            if key not in fields:
                report(path + ("inferred", key), _("'{key}' is not a field of this record, so it "
                                                   "cannot be inferred{suggestion}").format(
                    key=_show(key), suggestion=did_you_mean(key, fields)), at_key=True)


def _check_list(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    _ = messages()
    if not isinstance(value, list):
        report(path, _("should be a list, not {kind}").format(kind=_type_name(value)))
        return
    if spec.required and not value:
        # A required list needs an item: every event, agreement and quote cites a source.
        report(path, _("is required but empty"))
        return
    assert spec.item is not None
    for i, item in enumerate(value):
        if item is None:
            report(path + (i,), _("empty list item"))
            continue
        check(item, spec.item, path + (i,), report)


def _blank(value: str) -> bool:
    """Blank once imported: control characters are removed then (see `strip_control`)."""
    return not strip_control(value).strip()


def _check_text(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    _ = messages()
    if isinstance(value, str):
        if _blank(value):
            report(path, _("is blank"))
        return
    if not isinstance(value, dict):
        report(path, _("should be text or a mapping with 'ko' and/or 'en', not {kind}").format(
            kind=_type_name(value)))
        return
    for key in value:
        if key not in TEXT_KEYS:
            report(path + (key,), _("unknown key '{key}'{suggestion}").format(
                key=_show(key), suggestion=did_you_mean(key, list(TEXT_KEYS))), at_key=True)
    for lang in LANGS:
        if lang in value and not isinstance(value[lang], str):
            report(path + (lang,), _("should be text, not {kind}").format(kind=_type_name(value[lang])))
    if not any(isinstance(value.get(lang), str) and not _blank(value[lang]) for lang in LANGS):
        report(path, _("needs a 'ko' or an 'en' text"))
    translated = value.get("translated")
    if translated is not None:
        if translated not in LANGS:
            report(path + ("translated",), _("should be 'ko' or 'en': the language that is a translation"))
        elif translated not in value:
            report(path + ("translated",), _("says '{lang}' is a translation but there is no '{lang}' "
                                             "text").format(lang=translated))
        if value.get("translated_by") not in TRANSLATORS:
            report(path + ("translated_by",), _("a translation says who made it: one of {choices}").format(
                choices=", ".join(TRANSLATORS)))
    elif "translated_by" in value:
        report(path + ("translated_by",), _("given without 'translated' (which language is the "
                                            "translation?)"))


def _check_str(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if not isinstance(value, str):
        report(path, messages()("should be text, not {kind}").format(kind=_type_name(value)))
    elif _blank(value):
        report(path, messages()("is blank"))


def _check_id(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        report(path, messages()("'{value}' is not a valid id: use lower-case letters, digits and "
                                "'-' (for example 'gumi-2024-us')").format(value=_show(value)))


def _check_date(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
            return
        except ValueError:
            report(path, messages()("'{value}' is not a real date; use YYYY-MM-DD").format(
                value=_show(value)))
            return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        report(path, messages()("should be a date as YYYY-MM-DD, not {kind}").format(
            kind=_type_name(value)))


def _check_time(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 14:30 as the sexagesimal number 870.
        value = f"{value // 60:02d}:{value % 60:02d}"
    if not isinstance(value, str) or not TIME_PATTERN.fullmatch(value):
        report(path, messages()("'{value}' is not a time; use HH:MM (24-hour)").format(
            value=_show(value)))


def _check_count(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        report(path, messages()("should be a whole number of 0 or more, not {kind} '{value}'").format(
            kind=_type_name(value), value=_show(value)))


def _check_enum(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if value not in spec.choices:
        report(path, messages()("'{value}' is not allowed{suggestion}").format(
            value=_show(value), suggestion=did_you_mean(str(value), list(spec.choices))))


def _check_country(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if not isinstance(value, str) or not COUNTRY_PATTERN.fullmatch(value):
        report(path, messages()("'{value}' is not a country code; use two capital letters "
                                "(US, KR)").format(value=_show(value)))


def _check_version(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if value != 1:
        report(path, messages()("format version {version} is not supported; this tripdesk reads "
                                "version 1").format(version=_show(repr(value))))


def _check_inferred(value: Any, spec: Spec, path: Path_, report: Report) -> None:
    if not isinstance(value, dict):
        report(path, messages()("should map field names to the reason each was inferred, not "
                                "{kind}").format(kind=_type_name(value)))
        return
    for key, reason in value.items():
        if isinstance(reason, dict):  # {ko, en}: the reason in both languages
            _check_text(reason, spec, path + (key,), report)
        elif not isinstance(reason, str) or _blank(reason):
            report(path + (key,), messages()("give the reason the value was inferred, as a sentence "
                                             "(or as {{ko: ..., en: ...}})").format())


_CHECKERS: dict[str, Callable[[Any, Spec, Path_, Report], None]] = {
    "record": _check_record,
    "list": _check_list,
    "text": _check_text,
    "str": _check_str,
    "id": _check_id,
    "date": _check_date,
    "time": _check_time,
    "count": _check_count,
    "enum": _check_enum,
    "country": _check_country,
    "version": _check_version,
    "inferred": _check_inferred,
}
