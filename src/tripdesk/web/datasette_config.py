"""`tripdesk datasette`: a Datasette configuration for the store, and serving it read-only.

    metadata(db_name, lang)        -> Datasette's metadata (0.65): descriptions of every table
                                      and column, labels, facets, the canned queries
    serve(db, metadata, ...)       -> runs `datasette serve` on the store, read-only

Datasette gives a team a web view and a JSON API of the store with nothing of ours to run but
its command. What it needs from us is said here: what each table and column holds, which
column names a row (so a foreign key shows "Gumi", not "gumi"), which facets help, and the
questions people ask, as canned queries:

- `agreements_ledger`: every agreement, with its city, parties, signatories and sources;
- `trips_by_destination`: the trips that went to a city (`city`, Korean or English);
- `organisation`: everything about one organisation (`organisation`: its id or a name);
- `search_everything`: the desk's search (`q`), Korean words of two syllables included, through
  the SQL functions of `datasette_plugin` (the `search` table's own search box finds only words
  of exactly two syllables: it quotes each word as it is, and the index holds bigrams).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..i18n import messages
from ..problems import TripdeskError, display_path

# Each table: (what it holds, {column: what it holds}). Columns left out are described by
# `_COMMON_COLUMNS` when they have a common name.
_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "home_cities": ("The Korean cities (or provinces, or national bodies) that sent delegations.", {
        "id": "The city's id.", "province_ko": "The province, in Korean.", "province_en": "The province, in English.",
        "country": "Two-letter country code.",
        "kind": "city, county, district, province (its own delegation) or national (a national body)."}),
    "trips": ("One row a trip abroad: who went, when, and its status.", {
        "id": "The trip's id (also the name of its file).", "home_city_id": "The city that sent the delegation.",
        "start": "First day (YYYY-MM-DD).", "end": "Last day (YYYY-MM-DD).", "year": "The year it started.",
        "day_count": "Calendar days from start to end.",
        "status": "announced (planned, as the press release said) or reported (after it happened).",
        "span_days": "Days as the article gave them.", "span_nights": "Nights as the article gave them.",
        "span_text": "The span as the article wrote it (6박 8일).", "leader_id": "The person who led it.",
        "file_path": "The trip file it was imported from, on the machine that built the store."}),
    "trip_documents": ("Each trip's whole document, as JSON: what “tripdesk export --format json” "
                       "writes and “tripdesk import” reads back.", {"document": "The trip document (JSON)."}),
    "organisations": ("Organisations named in the trips: governments, companies, universities, "
                      "associations.", {"id": "The organisation's id.", "kind": "What kind of organisation.",
                                        "aliases": "Other names it goes by (JSON list)."}),
    "people": ("People named in the trips.", {
        "id": "The person's id.", "aliases": "Other names they go by (JSON list).",
        "role_ko": "Their role, in Korean.", "role_en": "Their role, in English.",
        "organisation_id": "The organisation they belong to."}),
    "trip_organisations": ("Which organisations each trip file names.", {}),
    "trip_people": ("Which people each trip file names.", {}),
    "sources": ("The press articles each trip rests on.", {
        "id": "The source's id within its trip.", "outlet": "The newspaper or agency.",
        "headline_ko": "Headline, in Korean.", "headline_en": "Headline, in English.",
        "published": "Publication date.", "file": "The article's file name.", "url": "Where it was published.",
        "language": "The article's language."}),
    "destinations": ("The cities abroad that delegations visited.", {
        "key": "country/state/city, lower case.", "city_ko": "The city, in Korean.", "city_en": "The city, in English.",
        "state": "State or region.", "country": "Two-letter country code."}),
    "days": ("Every calendar day of every trip.", {"day_number": "Day 1, 2, ... of the trip."}),
    "day_places": ("Where the delegation was on each day, in order.", {
        "position": "Order within the day.", "destination_key": "The city visited."}),
    "events": ("What happened on each day: visits, meetings, signings, speeches, travel.", {
        "id": "The event's id within its trip.", "position": "Order within the day.",
        "time": "Local time (HH:MM), when known.", "kind": "What kind of event.",
        "description_ko": "Description, in Korean.", "description_en": "Description, in English.",
        "stop": "For an event of a stop without a day (its date then empty), the stop."}),
    "stops": ("Where delegations went when the sources give no day: during the trip (no start and "
              "end), or some day between start and end.", {
        "position": "The stop's place in its trip file's list, from 0.",
        "start": "The first day it may have been on.", "end": "The last day it may have been on."}),
    "stop_places": ("Where the delegation went at each stop without a day, in order.", {
        "stop": "The stop (its position).", "position": "Order within the stop.",
        "destination_key": "The city visited."}),
    "event_organisations": ("Organisations at each event.", {}),
    "event_people": ("People at each event.", {}),
    "event_sources": ("The sources of each event.", {}),
    "agreements": ("MOUs, business agreements and joint declarations signed on the trips.", {
        "id": "The agreement's id within its trip.", "kind": "MOU, business agreement, joint declaration...",
        "date": "Day it was signed.", "scope_ko": "What it covers, in Korean.", "scope_en": "What it covers, in English.",
        "event_id": "The event it was signed at.",
        "status": "Where it stands, as its sources report it: signed, agreed in principle, planned, "
                  "pledged, cancelled or unknown.",
        "status_date": "When it reached that status.",
        "unnamed_parties": "Parties the sources describe without naming them (JSON list)."}),
    "agreement_parties": ("Who is party to each agreement.", {}),
    "agreement_signatories": ("Who signed each agreement.", {}),
    "agreement_sources": ("The sources of each agreement.", {}),
    "quotes": ("What officials said, in the original words, with the translation marked as such.", {
        "id": "The quote's id within its trip.", "speaker_id": "Who said it (empty when the sources do not name them).",
        "event_id": "Where it was said.",
        "speaker_role_ko": "The speaker's role, in Korean (시 관계자).", "speaker_role_en": "The speaker's role, in English.",
        "organisation_id": "For whom the speaker spoke.",
        "original_lang": "The language it was said in.", "original_text": "The words, verbatim.",
        "translation_lang": "The translation's language.", "translation_text": "The translation.",
        "translation_by": "Who translated it: the article or the editors."}),
    "quote_sources": ("The sources of each quote.", {}),
    "evidence": ("Excerpts of the sources, verbatim, that each record rests on.", {
        "ref": "The record (trip, day, event, agreement or quote).", "position": "Order among its excerpts.",
        "text": "The excerpt, verbatim."}),
    "articles": ("The text of each source's article file, where it was found when the store was built.", {
        "file": "The article's file name.", "found": "Whether the file was found.", "text": "The article's text.",
        "encoding": "The encoding the file was read in.", "looked_in": "Where the file was looked for."}),
    "files": ("The trip files the store was built from, to re-import only what changed.", {
        "path": "The file, on the machine that built the store.", "sha256": "Its SHA-256.", "size": "Its size in bytes.",
        "mtime_ns": "When it was last changed (ns)."}),
    "search": ("The full-text index: use the “search_everything” query, which finds Korean words of any length "
               "as the desk does (this table's own search finds only words of exactly two syllables).", {
        "body": "The indexed texts, each Korean word as its two-letter pieces.",
        "kind": "What was found: trip, day, event, agreement, quote, organisation, person.",
        "ref": "Which record of the trip.", "label_ko": "Its name, in Korean.", "label_en": "Its name, in English."}),
}

_COMMON_COLUMNS = {
    "trip_id": "The trip.", "date": "The day (YYYY-MM-DD).", "organisation_id": "The organisation.",
    "person_id": "The person.", "source_id": "The source, within the trip.", "event_id": "The event, within the trip.",
    "agreement_id": "The agreement, within the trip.", "quote_id": "The quote, within the trip.",
    "name_ko": "Name, in Korean.", "name_en": "Name, in English.", "name_plain": "Name, when it is not given by language.",
    "title_ko": "Title, in Korean.", "title_en": "Title, in English.",
    "title_plain": "Title, when it is not given by language.", "city_plain": "The city, when not given by language.",
}

# Tables a reader does not need: the index's bookkeeping.
_HIDDEN = ("search_rows",)

_FACETS = {
    "trips": ["home_city_id", "year", "status"],
    "events": ["kind", "trip_id"],
    "agreements": ["kind", "status", "trip_id"],
    "organisations": ["kind"],
    "quotes": ["speaker_id", "translation_by"],
    "sources": ["outlet", "language"],
    "destinations": ["country", "state"],
    "day_places": ["destination_key"],
    "search": ["kind", "trip_id"],
}

# The column that names a row, by language (Korean names for "both", the desk's first).
_LABELS = {"home_cities": "name", "organisations": "name", "people": "name", "destinations": "city",
           "trips": "title"}

_SORT = {"trips": ("start", False), "events": ("date", False), "agreements": ("date", False),
         "days": ("date", False)}


def _names(alias: str, column: str = "name") -> str:
    """A name as `한국어 (English)`, or whichever of the two there is."""
    return (f"coalesce({alias}.{column}_ko || ' (' || {alias}.{column}_en || ')', {alias}.{column}_ko, "
            f"{alias}.{column}_en, {alias}.{column}_plain)")


_SOURCES = """(select group_concat(so.outlet || ': ' || coalesce(so.headline_ko, so.headline_en, ''), ' | ')
     from {link} x join sources so on so.trip_id = x.trip_id and so.id = x.source_id
     where x.trip_id = {alias}.trip_id and x.{key} = {alias}.id)"""

QUERIES: dict[str, dict[str, Any]] = {
    "agreements_ledger": {
        "title": "Agreements ledger",
        "description": "Every agreement of a trip, oldest first: its city, kind, status (signed, "
                       "planned...), parties, signatories, scope and sources. “city” (optional): a home city's id or name.",
        "sql": f"""select coalesce(a.date, t.start) as date, c.name_ko as city_ko, c.name_en as city_en,
  a.trip_id, a.id as agreement_id, a.kind, a.status, a.status_date, a.title_ko, a.title_en,
  (select group_concat({_names('o')}, ' · ') from agreement_parties p join organisations o
     on o.id = p.organisation_id where p.trip_id = a.trip_id and p.agreement_id = a.id) as parties,
  (select group_concat({_names('pe')}, ' · ') from agreement_signatories s join people pe
     on pe.id = s.person_id where s.trip_id = a.trip_id and s.agreement_id = a.id) as signatories,
  a.scope_ko, a.scope_en,
  {_SOURCES.format(link='agreement_sources', alias='a', key='agreement_id')} as sources
from agreements a join trips t on t.id = a.trip_id join home_cities c on c.id = t.home_city_id
where :city = '' or c.id = :city or c.name_ko = :city or c.name_en like :city
order by coalesce(a.date, t.start), a.trip_id, a.id""",
    },
    "trips_by_destination": {
        "title": "Trips by destination",
        "description": "Which trips went where: each destination city with the trips that were "
                       "there, their days there and the city that sent them. “city” (optional): "
                       "part of the destination's Korean or English name, such as Seattle or 시애틀.",
        "sql": """select d.city_ko, d.city_en, d.state, d.country, t.id as trip_id,
  c.name_ko as from_ko, c.name_en as from_en, t.title_ko, t.title_en,
  min(dp.date) as first_day, max(dp.date) as last_day, count(distinct dp.date) as days_there
from day_places dp join destinations d on d.key = dp.destination_key
  join trips t on t.id = dp.trip_id join home_cities c on c.id = t.home_city_id
where :city = '' or d.city_ko like '%' || :city || '%' or d.city_en like '%' || :city || '%'
  or d.city_plain like '%' || :city || '%'
group by d.key, t.id
order by d.country, d.state, coalesce(d.city_en, d.city_ko), first_day""",
    },
    "organisation": {
        "title": "Everything about one organisation",
        "description": "The trips that name an organisation, the events it was at, the agreements "
                       "it is party to, its people and what they said. “organisation”: its id, "
                       "or part of a name or alias (Korean or English).",
        "sql": """with org as (
  select id, name_ko, name_en from organisations
  where :organisation != '' and (id = :organisation or name_ko like '%' || :organisation || '%'
    or name_en like '%' || :organisation || '%' or aliases like '%' || :organisation || '%'))
select * from (
select org.id as organisation_id, org.name_ko, org.name_en, 'trip' as what, t.id as trip_id,
  t.start as date, t.title_ko as about_ko, t.title_en as about_en
from org join trip_organisations x on x.organisation_id = org.id join trips t on t.id = x.trip_id
union all
select org.id, org.name_ko, org.name_en, 'event: ' || e.kind, e.trip_id, e.date, e.title_ko, e.title_en
from org join event_organisations x on x.organisation_id = org.id
  join events e on e.trip_id = x.trip_id and e.id = x.event_id
union all
select org.id, org.name_ko, org.name_en, 'party to ' || a.kind, a.trip_id, a.date, a.title_ko, a.title_en
from org join agreement_parties x on x.organisation_id = org.id
  join agreements a on a.trip_id = x.trip_id and a.id = x.agreement_id
union all
select org.id, org.name_ko, org.name_en, 'person', null, null,
  coalesce(p.name_ko || ', ' || p.role_ko, p.name_ko), coalesce(p.name_en || ', ' || p.role_en, p.name_en)
from org join people p on p.organisation_id = org.id
union all
select org.id, org.name_ko, org.name_en, 'quote', q.trip_id, q.date,
  case when q.original_lang = 'ko' then q.original_text else q.translation_text end,
  case when q.original_lang = 'en' then q.original_text else q.translation_text end
from org join people p on p.organisation_id = org.id join quotes q on q.speaker_id = p.id
)
order by organisation_id, date is null, date, trip_id""",
    },
    "search_everything": {
        "title": "Search everything",
        "description": "Search titles, descriptions, names, agreements and quotes, in Korean or "
                       "English, as the desk does: Korean words of two syllables included, every "
                       "word must match. “q”: the words. “matched” is the text they were found in.",
        "sql": """select s.kind, s.trip_id, s.date, s.ref, s.label_ko, s.label_en,
  tripdesk_matched(:q, s.body) as matched
from search s
where s.search match coalesce(tripdesk_match(:q), '""')
order by s.rank
limit 200""",
    },
}


def metadata(db_name: str, lang: str = "both") -> dict[str, Any]:
    """Datasette's metadata for a store served under the name `db_name` (its file's stem)."""
    suffix = "en" if lang == "en" else "ko"
    tables: dict[str, Any] = {}
    for table, (description, columns) in _TABLES.items():
        entry: dict[str, Any] = {"description": description}
        described = {**_COMMON_COLUMNS, **columns}
        entry["columns"] = {column: described[column] for column in _columns(table) if column in described}
        if table in _LABELS:
            entry["label_column"] = f"{_LABELS[table]}_{suffix}"
        if table in _FACETS:
            entry["facets"] = _FACETS[table]
        if table in _SORT:
            column, descending = _SORT[table]
            entry["sort_desc" if descending else "sort"] = column
        tables[table] = entry
    from ..store import SCHEMA

    for spec in SCHEMA:  # a table added since this was written: its common columns at least
        if spec.name not in tables:
            tables[spec.name] = {"columns": {c: _COMMON_COLUMNS[c] for c in spec.column_names
                                             if c in _COMMON_COLUMNS}}
    for table in _HIDDEN:
        tables[table] = {"hidden": True}
    return {
        "title": "tripdesk: Korean cities' official trips abroad",
        "description": "Where each delegation went, day by day, whom it met, what was signed and "
                       "said, and the press article behind every fact. Korean originals are "
                       "verbatim; every translation says who made it.",
        "databases": {db_name: {
            "description": "A tripdesk store. Start with the queries: the agreements ledger, "
                           "trips by destination, everything about one organisation, search everything.",
            "tables": tables,
            "queries": QUERIES,
        }},
    }


def _columns(table: str) -> tuple[str, ...]:
    """The columns a store's table has (`store.SCHEMA`, and the search index's)."""
    from ..store import SCHEMA

    if table == "search":
        return ("body", "kind", "trip_id", "date", "ref", "label_ko", "label_en")
    for spec in SCHEMA:
        if spec.name == table:
            return spec.column_names
    return ()


def metadata_text(db: Path, lang: str = "both") -> str:
    return json.dumps(metadata(db.stem, lang), ensure_ascii=False, indent=2) + "\n"


def datasette_argv(db: Path, metadata_path: Path, host: str, port: int, immutable: bool) -> list[str]:
    """The `datasette serve` command for the store. Datasette opens a file it is given as
    mutable with SQLite's mode=ro (it never writes it, and sees a later import); `-i` opens it
    immutable (faster, for a store that will not change while it is served)."""
    files = ["-i", str(db)] if immutable else [str(db)]
    return [sys.executable, "-m", "datasette", "serve", *files, "--metadata", str(metadata_path),
            "--host", host, "--port", str(port), "--setting", "default_page_size", "50"]


def check_servable(db: Path, immutable: bool) -> None:
    """Refuse what Datasette would serve wrongly: no store, or (immutable) changes still in the
    write-ahead log, which an immutable reader never sees."""
    if not db.is_file():
        raise TripdeskError(messages()("{name}: no tripdesk database here").format(name=display_path(db)),
                            messages()("run `tripdesk import` to build it, or give --db PATH"))
    wal = db.with_name(db.name + "-wal")
    if immutable and wal.exists() and wal.stat().st_size > 0:
        raise TripdeskError(messages()("{name}: recent changes are still in {wal}, which Datasette does "
                                       "not read when the store is served immutable").format(
            name=display_path(db), wal=display_path(wal)),
            messages()("close the desk and any import, then try again; or serve without --immutable"))


def serve(db: Path, metadata_path: Path, host: str, port: int, immutable: bool) -> int:
    """Run Datasette until it is interrupted; its exit status."""
    try:
        import datasette  # noqa: F401 - only to say clearly that it is missing
    except ImportError:
        raise TripdeskError(messages()("`tripdesk datasette --serve` needs Datasette, which is not installed"),
                            messages()("install tripdesk with its web extra: pip install -e '.[web]'")) from None
    check_servable(db, immutable)
    process = subprocess.Popen(datasette_argv(db, metadata_path, host, port, immutable),
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    # Datasette ends with us: a SIGTERM to this process is passed on (Ctrl+C reaches both).
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: process.send_signal(signum))
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                continue  # Datasette got the Ctrl+C too, and is stopping
    finally:
        signal.signal(signal.SIGTERM, previous)
