"""The trip file's JSON Schema, generated from `schema.TRIP_FILE`, for editors.

    trip_json_schema()          -> the JSON Schema (2020-12) of a trip file, as a dict
    schema_text()               -> the same as the JSON text `tripdesk schema` prints
    schema_comment(target)      -> the `# yaml-language-server: $schema=...` line for a trip file

The schema is made from the declaration the validator walks, so the two cannot drift apart:
a field added to `TRIP_FILE` is in the next `tripdesk schema`. VS Code (the YAML extension),
Neovim and Helix (yaml-language-server) read the comment line at the top of a trip file and
give completion, hover and errors as you type.

What JSON Schema cannot say is left to `tripdesk validate`: references between records (an
event's organisation must be declared), dates inside the trip, ids used twice. The schema
checks the shape: fields, types, ids, enumerations, dates, times, non-blank texts.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from . import schema as declared
from .document import STOP_FIELDS
from ..model import LANGS, TRANSLATORS
from .yamlread import CONTROL_CHARS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = "trip.schema.json"
COMMENT_PREFIX = "# yaml-language-server: $schema="

# A text that is not blank once control characters are removed (schema._blank).
_NOT_BLANK = "[^\\s" + CONTROL_CHARS.pattern[1:]

# One definition per kind of value, referred to from every field of that kind. Descriptions
# are what an editor shows on hover.
_KINDS: dict[str, dict[str, Any]] = {
    "str": {"type": "string", "pattern": _NOT_BLANK, "description": "Text (not blank)."},
    "id": {"type": "string", "pattern": declared.ID_PATTERN.pattern,
           "description": "An id: lower-case letters, digits and '-', for example 'gumi-2024-us'."},
    "date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
             "description": "A date as YYYY-MM-DD."},
    "time": {"description": "A time as HH:MM (24-hour); quote it (\"14:30\") so every YAML reader "
                            "sees text.",
             "anyOf": [{"type": "string", "pattern": declared.TIME_PATTERN.pattern},
                       # YAML 1.1 (PyYAML) reads an unquoted 14:30 as the number of minutes 870.
                       {"type": "integer", "minimum": 0, "maximum": 23 * 60 + 59}]},
    "count": {"type": "integer", "minimum": 0, "description": "A whole number of 0 or more."},
    "country": {"type": "string", "pattern": declared.COUNTRY_PATTERN.pattern,
                "description": "A two-letter country code (ISO 3166-1), for example US or KR."},
    "version": {"const": 1, "description": "The version of the trip file format: 1."},
    "text": {
        "description": "A text in Korean and/or English: plain text, or a mapping with 'ko' and/or "
                       "'en', and, when one is a translation, 'translated' (its language) and "
                       "'translated_by'.",
        "anyOf": [
            {"type": "string", "pattern": _NOT_BLANK},
            {
                "type": "object",
                "properties": {
                    "ko": {"type": "string", "description": "The Korean text."},
                    "en": {"type": "string", "description": "The English text."},
                    "translated": {"enum": list(LANGS),
                                   "description": "Which of the two texts is a translation."},
                    "translated_by": {"enum": list(TRANSLATORS),
                                      "description": "Who made the translation."},
                },
                "additionalProperties": False,
                "anyOf": [{"required": [lang], "properties": {lang: {"pattern": _NOT_BLANK}}}
                          for lang in LANGS],
                "dependentRequired": {"translated": ["translated_by"], "translated_by": ["translated"]},
                "allOf": [{"if": {"required": ["translated"], "properties": {"translated": {"const": lang}}},
                           "then": {"required": [lang]}} for lang in LANGS],
            },
        ],
    },
}


# What each field holds, shown by editors on hover: by the field's name, or by its record's
# path and name where one name means different things (docs/data-format.md says it at length).
# Only words: the shape of every field comes from `TRIP_FILE`.
FIELD_DOCS: dict[str, str] = {
    "tripdesk": "The version of the trip file format: 1.",
    "trip": "The trip: who went, when, and why.",
    "sources": "The press articles this file rests on; in a record, the ids of the sources it "
               "comes from (at least one for an event, agreement or quote).",
    "organisations": "Every organisation the file names, declared once with its id.",
    "people": "Every person the file names, declared once with its id.",
    "days": "The trip's calendar days, each with its places and events; an entry without a date is "
            "a place or event the sources give no day (during the trip, or some day between start "
            "and end).",
    "agreements": "MOUs, business agreements, joint declarations and the like.",
    "quotes": "What officials said: the original words verbatim, and any translation.",
    "id": "An id: lower-case letters, digits and '-'.",
    "home_city": "The Korean city that sent the delegation.",
    "title": "The title, in Korean and/or English.",
    "leader": "Who led the delegation, and in what role.",
    "delegation": "Who went: officials, companies and institutions (ids), and how many.",
    "start": "The first day of the trip.",
    "end": "The last day of the trip.",
    "span_reported": "The trip's length as the article gave it (6박 8일: nights 6, days 8).",
    "status": "announced (before it happened, as announced) or reported (after it happened).",
    "purpose": "Why the trip was made.",
    "themes": "What the trip was about: industries, topics.",
    "evidence": "Excerpts of the sources, verbatim, that this record rests on.",
    "inferred": "Values of this record the editors inferred rather than read, each with the reason.",
    "outlet": "The newspaper or agency.",
    "headline": "The article's headline.",
    "published": "When the article was published.",
    "file": "The article's file (beside the trip file, or in an articles/ folder).",
    "url": "Where the article was published.",
    "language": "The article's language.",
    "notes": "Notes for the editors.",
    "aliases": "Other names it goes by, as they appear in articles.",
    "kind": "What kind it is.",
    "city": "The city.",
    "role": "The role or title.",
    "organisation": "The id of the organisation this person belongs to.",
    "date": "The day (YYYY-MM-DD).",
    "places": "Where the delegation was that day, in order.",
    "events": "What happened that day, in order.",
    "time": "Local time, HH:MM (24-hour); quote it: \"14:30\".",
    "description": "A description.",
    "place": "Where it happened.",
    "parties": "The ids of the organisations party to it.",
    "signatories": "The ids of the people who signed it.",
    "scope": "What it covers.",
    "event": "The id of the event it belongs to.",
    "speaker": "The id of the person who said it.",
    "original": "The words as said, verbatim, in their language.",
    "translation": "A translation, saying who made it.",
    "context": "When and why it was said.",
    "source": "The id of the source the excerpt is from.",
    "text": "The text, verbatim.",
    "value": "Where the agreement stands.",
    "lang": "The language: ko or en.",
    "by": "Who translated: article (the article's own translation) or editors.",
    "officials": "The ids of the officials who went.",
    "companies": "The ids of the companies that went.",
    "institutions": "The ids of the institutions that went.",
    "head_count": "How many went, as reported.",
    "name": "The name, in Korean and/or English.",
    "province": "The province, in Korean and/or English.",
    "country": "A two-letter country code: KR, US...",
    "state": "The state or region: CA, WA...",
    "venue": "The venue: a building, a hall.",
    "person": "The id of the person.",
    "nights": "Nights, as reported.",
    # Where a name means something else:
    "trip.span_reported.days": "Days, as reported.",
    "trip.span_reported.text": "The span as the article wrote it (6박 8일).",
    "agreements.status": "Where the agreement stands as its sources report it (signed, planned...), "
                         "with its own date and evidence.",
    "agreements.status.date": "When the agreement reached this status.",
    "trip.home_city": "The Korean city, county, province or national body that sent the delegation.",
    "trip.home_city.kind": "city (the default), county, district, province (a province's own "
                           "delegation) or national (a national body, such as a chamber of commerce).",
    "trip.home_city.province": "The province the city lies in (required of a city, county or "
                               "district; a province or a national body has none).",
    "sources.headline": "The article's headline; leave it out when the saved text has none.",
    "agreements.unnamed_parties": "Parties the sources describe without naming them (a local company).",
    "agreements.unnamed_parties.description": "The party as the article describes it.",
    "agreements.unnamed_parties.kind": "What kind of organisation it is.",
    "agreements.unnamed_parties.count": "How many, when the article says (3 companies).",
    "quotes.speaker": "The id of the person who said it; left out when the sources do not name "
                      "them (then give their role).",
    "quotes.role": "The speaker's role, as the article gives it (시 관계자, a city official).",
    "quotes.organisation": "The id of the organisation the speaker spoke for.",
    "days.date": "The day (YYYY-MM-DD); leave it out for a place or event the sources give no day.",
    "days.start": "For an entry without a date: the first day it may have been on (with end); leave "
                  "both out for 'during the trip'.",
    "days.end": "For an entry without a date: the last day it may have been on (with start).",
    "stops": "The older spelling of the entries of days without a date (still read): where the "
             "delegation went when the sources give no day.",
    "stops.start": "The first day it may have been on (with end); leave both out for 'during the trip'.",
    "stops.end": "The last day it may have been on (with start).",
    "stops.places": "Where the delegation went, in order.",
    "stops.events": "What the delegation did there, on no given day.",
}


# What the validator says of a whole record (loader.check_trip) that JSON Schema can say too,
# by the record's path. An entry of `days` is a day (its date) or a stop without a day: never a
# date with a span, a span's start and end both or neither, and never an entry with nothing.
_RECORD_RULES: dict[str, dict[str, Any]] = {
    "days": {
        "dependentRequired": {"start": ["end"], "end": ["start"]},
        "not": {"anyOf": [{"required": ["date", "start"]}, {"required": ["date", "end"]}]},
        "anyOf": [{"required": [key]} for key in ("date", *STOP_FIELDS)],
    },
    "stops": {"dependentRequired": {"start": ["end"], "end": ["start"]}},
}


def trip_json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a trip file, made from `schema.TRIP_FILE`."""
    body = _convert(declared.TRIP_FILE, "")
    return {
        "$schema": DIALECT,
        "title": "tripdesk trip file",
        "description": "One official trip abroad: its days, events, agreements, quotes and the "
                       "sources of every fact (tripdesk's docs/data-format.md). Generated by "
                       "`tripdesk schema` from the declaration `tripdesk validate` uses; "
                       "`tripdesk validate` also checks what a schema cannot, such as references "
                       "between records.",
        **body,
        "$defs": {kind: definition for kind, definition in _KINDS.items()},
    }


def _convert(spec: declared.Spec, path: str) -> dict[str, Any]:
    """The schema of a value declared by `spec` at `path` (record names joined by dots, as in
    `FIELD_DOCS`), without the null an optional field allows."""
    if spec.kind == "record":
        properties = {}
        for name, sub in spec.fields.items():
            where = f"{path}.{name}" if path else name
            value = _convert(sub, where) if sub.kind != "inferred" else _inferred(spec)
            # An optional field may be left empty (`key:` in YAML): the validator takes that
            # as absent. A required one may not.
            properties[name] = value if sub.required else _or_null(value)
            doc = FIELD_DOCS.get(where, FIELD_DOCS.get(name))
            if doc:
                properties[name] = {**properties[name], "description": doc}
        out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        required = [name for name, sub in spec.fields.items() if sub.required]
        if required:
            out["required"] = required
        return {**out, **_RECORD_RULES.get(path, {})}
    if spec.kind == "list":
        assert spec.item is not None
        out = {"type": "array", "items": _convert(spec.item, path)}
        if spec.required:
            out["minItems"] = 1  # a required list needs an item: every event cites a source
        return out
    if spec.kind == "enum":
        return {"enum": list(spec.choices)}
    if spec.kind in _KINDS:
        return {"$ref": f"#/$defs/{spec.kind}"}
    raise ValueError(f"no JSON Schema for the kind {spec.kind!r}")  # a new kind in schema.py


def _or_null(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema`, or nothing. Said in the schema's own type where it has one, so that an error
    inside a list or a record is reported where it is, not as "not valid under any of"."""
    if "type" in schema:
        return {**schema, "type": [schema["type"], "null"]}
    if "enum" in schema:
        return {"enum": [*schema["enum"], None]}
    return {"anyOf": [schema, {"type": "null"}]}


def _inferred(record: declared.Spec) -> dict[str, Any]:
    """`inferred`: each of the record's fields (or implied values) mapped to the reason."""
    fields = [k for k in (*record.fields, *record.implied) if k not in ("inferred", "evidence")]
    return {"type": "object", "propertyNames": {"enum": fields},
            "additionalProperties": {"$ref": "#/$defs/text"},
            "description": "The values of this record that the editors inferred, each with the "
                           "reason, as a sentence or as {ko, en} (a translation marked)."}


def schema_text() -> str:
    """The schema as `tripdesk schema` prints it and as trip.schema.json holds it."""
    return json.dumps(trip_json_schema(), ensure_ascii=True, indent=2) + "\n"  # no invisible characters in the file


def shipped_schema_path() -> Path:
    """The trip.schema.json that comes with tripdesk: data/ of the checkout, or the wheel's
    copy beside its bundled trips (the bundled trip files point at it as ../trip.schema.json)."""
    from ..paths import bundled_data_dir

    return bundled_data_dir().parent / SCHEMA_FILE_NAME


def find_schema(folder: Path) -> Path | None:
    """The nearest trip.schema.json in `folder` or one of its parents, as a data repository
    keeps one at its root (`tripdesk schema -o trip.schema.json`)."""
    folder = Path(os.path.abspath(folder))
    for candidate in (folder, *folder.parents):
        path = candidate / SCHEMA_FILE_NAME
        if path.is_file():
            return path
    return None


def schema_comment(target: Path | str | None = None, schema: Path | str | None = None) -> str:
    """The first line of a trip file that points an editor at the schema, without a newline:
    `# yaml-language-server: $schema=<where>`.

    `target` is where the trip file will be written (None: not known, such as standard output).
    `schema` is the schema's URL or file. By default it is the nearest trip.schema.json in the
    target's folder or above it (a data repository keeps one at its root), given relative to
    the target's folder so that the repository can be cloned anywhere; failing that, the one
    that comes with tripdesk, as an absolute path (it is outside the target's tree).
    """
    if isinstance(schema, str) and "://" in schema:
        return COMMENT_PREFIX + schema
    folder = Path(os.path.abspath(Path(target).parent)) if target is not None else None
    if schema is None:
        found = find_schema(folder) if folder is not None else None
        if found is None:
            return COMMENT_PREFIX + Path(os.path.abspath(shipped_schema_path())).as_posix()
        schema = found
    schema = Path(os.path.abspath(schema))
    if folder is None:
        return COMMENT_PREFIX + schema.as_posix()
    try:
        where = Path(os.path.relpath(schema, folder)).as_posix()
    except ValueError:  # another drive (Windows): no relative path
        where = schema.as_posix()
    return COMMENT_PREFIX + where
