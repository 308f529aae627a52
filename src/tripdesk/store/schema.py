"""The store's tables, declared once, and checking a store against them."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..i18n import messages


if TYPE_CHECKING:
    import sqlite_utils


# 2: the evidence and articles tables, and the excerpts in the search index.
# 3: agreements.status and status_date (an agreement's status, its excerpts in `evidence`).
# 4: what real articles say (issue 16): home_cities.kind (a province or a national body as the
#    home, without a province), quotes by an unnamed speaker (speaker_id NULL, speaker_role_*,
#    organisation_id), agreements.unnamed_parties; stops without a day (stops, stop_places,
#    and events.stop with a NULL events.date for their events).
SCHEMA_VERSION = 4


# -- schema ---------------------------------------------------------------------------------
#
# The tables, declared once: sqlite-utils creates them from these declarations (`create_schema`)
# and `tripdesk doctor` compares a store with them through sqlite-utils' introspection. A
# column is `name`, `name:int` (INTEGER; TEXT otherwise), with `!` for NOT NULL. The
# declarations are NamedTuples rather than frozen dataclasses: as read-only, and their classes
# are made several times faster when this module is imported, before the desk's first frame.


class Ref(NamedTuple):
    """A foreign key: `columns` refer to `other_columns` of `table`."""

    columns: tuple[str, ...]
    table: str
    other_columns: tuple[str, ...]
    on_delete: str = "NO ACTION"


class Index(NamedTuple):
    name: str
    columns: tuple[str, ...]
    unique: bool = False


class TableSpec(NamedTuple):
    name: str
    columns: tuple[tuple[str, type], ...]  # (name, str or int), in order
    pk: tuple[str, ...]
    not_null: frozenset[str]
    refs: tuple[Ref, ...] = ()
    indexes: tuple[Index, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _type in self.columns)


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


def _ref(columns: str, table: str, other_columns: str = "id", *, cascade: bool = False) -> Ref:
    return Ref(_names(columns), table, _names(other_columns), "CASCADE" if cascade else "NO ACTION")


def _table(name: str, columns: str, pk: str, *, refs: tuple[Ref, ...] = (),
           indexes: tuple[tuple[str, str], ...] = (), unique: tuple[tuple[str, str], ...] = ()) -> TableSpec:
    cols: list[tuple[str, type]] = []
    not_null = set()
    for column in _names(columns):
        if column.endswith("!"):
            column = column[:-1]
            not_null.add(column.split(":")[0])
        column, _, kind = column.partition(":")
        cols.append((column, int if kind == "int" else str))
    return TableSpec(name, tuple(cols), _names(pk), frozenset(not_null), refs,
                     tuple(Index(n, _names(c)) for n, c in indexes)
                     + tuple(Index(n, _names(c), unique=True) for n, c in unique))


_TRIP = _ref("trip_id", "trips", cascade=True)

SCHEMA: tuple[TableSpec, ...] = (
    _table("home_cities", "id, name_ko, name_en, name_plain, province_ko, province_en, country!, kind!", "id"),
    # A file's trip id is unique: a unique index (the store's first schema had it as a UNIQUE
    # column constraint, which enforces the same; doctor accepts either).
    _table("files", "path, trip_id!, sha256!, size:int!, mtime_ns:int!", "path",
           unique=(("files_trip_id", "trip_id"),)),
    _table("trips", "id, home_city_id!, title_ko, title_en, title_plain, start!, end!, year:int!, "
           "day_count:int!, status!, span_days:int, span_nights:int, span_text, leader_id, file_path!",
           "id", refs=(_ref("home_city_id", "home_cities"),),
           indexes=(("trips_home_city", "home_city_id, start"), ("trips_start", "start"))),
    _table("trip_documents", "trip_id, document!", "trip_id", refs=(_TRIP,)),
    _table("organisations", "id, name_ko, name_en, name_plain, kind, aliases", "id"),
    _table("people", "id, name_ko, name_en, name_plain, aliases, role_ko, role_en, organisation_id", "id"),
    _table("trip_organisations", "trip_id!, organisation_id!", "trip_id, organisation_id",
           refs=(_TRIP, _ref("organisation_id", "organisations")),
           indexes=(("trip_organisations_org", "organisation_id"),)),
    _table("trip_people", "trip_id!, person_id!", "trip_id, person_id",
           refs=(_TRIP, _ref("person_id", "people")), indexes=(("trip_people_person", "person_id"),)),
    _table("sources", "trip_id!, id!, outlet, headline_ko, headline_en, published, file, url, language",
           "trip_id, id", refs=(_TRIP,)),
    _table("destinations", "key, city_ko, city_en, city_plain, state, country", "key"),
    _table("days", "trip_id!, date!, day_number:int!", "trip_id, date", refs=(_TRIP,)),
    _table("day_places", "trip_id!, date!, position:int!, destination_key!", "trip_id, date, position",
           refs=(_ref("destination_key", "destinations", "key"),
                 _ref("trip_id, date", "days", "trip_id, date", cascade=True)),
           indexes=(("day_places_destination", "destination_key, trip_id"),)),
    # Schema version 4: where the sources give no day, a stop (its position in the file's
    # `stops`, from 0) over `start`..`end`, or with neither ("during the trip").
    _table("stops", "trip_id!, position:int!, start, end", "trip_id, position", refs=(_TRIP,)),
    _table("stop_places", "trip_id!, stop:int!, position:int!, destination_key!", "trip_id, stop, position",
           refs=(_ref("destination_key", "destinations", "key"),
                 _ref("trip_id, stop", "stops", "trip_id, position", cascade=True)),
           indexes=(("stop_places_destination", "destination_key, trip_id"),)),
    # An event of a day has its date; one of a stop without a day, its stop (and no date).
    _table("events", "trip_id!, id!, date, position:int!, time, kind!, title_ko, title_en, title_plain, "
           "description_ko, description_en, stop:int", "trip_id, id",
           refs=(_ref("trip_id, date", "days", "trip_id, date", cascade=True),
                 _ref("trip_id, stop", "stops", "trip_id, position", cascade=True)),
           indexes=(("events_day", "trip_id, date, position"),)),
    _table("event_organisations", "trip_id!, event_id!, organisation_id!",
           "trip_id, event_id, organisation_id",
           refs=(_ref("organisation_id", "organisations"),
                 _ref("trip_id, event_id", "events", "trip_id, id", cascade=True)),
           indexes=(("event_organisations_org", "organisation_id"),)),
    _table("event_people", "trip_id!, event_id!, person_id!", "trip_id, event_id, person_id",
           refs=(_ref("person_id", "people"), _ref("trip_id, event_id", "events", "trip_id, id", cascade=True)),
           indexes=(("event_people_person", "person_id"),)),
    _table("event_sources", "trip_id!, event_id!, source_id!", "trip_id, event_id, source_id",
           refs=(_ref("trip_id, event_id", "events", "trip_id, id", cascade=True),
                 _ref("trip_id, source_id", "sources", "trip_id, id", cascade=True))),
    # Schema version 3: status (one of model.AGREEMENT_STATUSES, 'unknown' when the file
    # gives none) and the date the agreement reached it; its excerpts are in `evidence`.
    _table("agreements", "trip_id!, id!, kind!, title_ko, title_en, title_plain, date, scope_ko, scope_en, "
           "event_id, status!, status_date, unnamed_parties", "trip_id, id", refs=(_TRIP,),
           indexes=(("agreements_kind", "kind"), ("agreements_date", "date"))),
    _table("agreement_parties", "trip_id!, agreement_id!, organisation_id!",
           "trip_id, agreement_id, organisation_id",
           refs=(_ref("organisation_id", "organisations"),
                 _ref("trip_id, agreement_id", "agreements", "trip_id, id", cascade=True)),
           indexes=(("agreement_parties_org", "organisation_id"),)),
    _table("agreement_signatories", "trip_id!, agreement_id!, person_id!", "trip_id, agreement_id, person_id",
           refs=(_ref("person_id", "people"),
                 _ref("trip_id, agreement_id", "agreements", "trip_id, id", cascade=True))),
    _table("agreement_sources", "trip_id!, agreement_id!, source_id!", "trip_id, agreement_id, source_id",
           refs=(_ref("trip_id, agreement_id", "agreements", "trip_id, id", cascade=True),
                 _ref("trip_id, source_id", "sources", "trip_id, id", cascade=True))),
    # speaker_id is NULL for a speaker the sources do not name; speaker_role_* say who they
    # are (the quote's role) and organisation_id for whom they spoke.
    _table("quotes", "trip_id!, id!, speaker_id, date, event_id, original_lang!, original_text!, "
           "translation_lang, translation_text, translation_by, speaker_role_ko, speaker_role_en, "
           "organisation_id", "trip_id, id",
           refs=(_TRIP, _ref("speaker_id", "people"), _ref("organisation_id", "organisations")),
           indexes=(("quotes_speaker", "speaker_id"),)),
    _table("quote_sources", "trip_id!, quote_id!, source_id!", "trip_id, quote_id, source_id",
           refs=(_ref("trip_id, quote_id", "quotes", "trip_id, id", cascade=True),
                 _ref("trip_id, source_id", "sources", "trip_id, id", cascade=True))),
    # Schema version 2. The excerpts each record rests on, in the file's order: `ref` names
    # the record as the search index does (trip, day:<date>, event:<id>, agreement:<id>,
    # quote:<id>), so SQL can ask which facts rest on a source.
    _table("evidence", "trip_id!, ref!, position:int!, source_id!, text!", "trip_id, ref, position",
           refs=(_ref("trip_id, source_id", "sources", "trip_id, id", cascade=True),),
           indexes=(("evidence_source", "trip_id, source_id"),)),
    # Each source's article file as import found it: its text (NULL when the file was not
    # found), where it was found and the folders it was looked for in, so that the desk shows
    # the article, or says where it looked, without the file; the found file's size and
    # time, so that a re-import sees it changed (or one found where none was) and reads the
    # trip again.
    _table("articles", "trip_id!, source_id!, file!, found, text, encoding, looked_in!, size:int, mtime_ns:int",
           "trip_id, source_id", refs=(_ref("trip_id, source_id", "sources", "trip_id, id", cascade=True),)),
)

# What sqlite-utils does not create: the FTS5 index (a virtual table with its own tokenizer
# and unindexed columns) and a WITHOUT ROWID table.
VIRTUAL_SCHEMA = {
    "search": """CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    body, kind UNINDEXED, trip_id UNINDEXED, date UNINDEXED, ref UNINDEXED,
    label_ko UNINDEXED, label_en UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
)""",
    # FTS5 cannot index its UNINDEXED columns, so deleting a trip's rows by trip_id would scan
    # the whole index: this map lets a re-import delete them by rowid instead.
    "search_rows": """CREATE TABLE IF NOT EXISTS search_rows (
    trip_id TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY (trip_id, row)
) WITHOUT ROWID""",
}

TABLES = (*(spec.name for spec in SCHEMA), *VIRTUAL_SCHEMA)


def create_schema(db: "sqlite_utils.Database") -> None:
    """Create every table and index that is not there yet (inside the caller's transaction)."""
    from sqlite_utils.db import ForeignKey

    for spec in SCHEMA:
        table = db.table(spec.name)
        table.create(
            dict(spec.columns), pk=spec.pk[0] if len(spec.pk) == 1 else spec.pk,
            not_null=spec.not_null, if_not_exists=True,
            foreign_keys=[ForeignKey(spec.name, ref.columns[0] if len(ref.columns) == 1 else None,
                                     ref.table,
                                     ref.other_columns[0] if len(ref.columns) == 1 else None,
                                     columns=ref.columns, other_columns=ref.other_columns,
                                     is_compound=len(ref.columns) > 1, on_delete=ref.on_delete)
                          for ref in spec.refs])
        for index in spec.indexes:
            table.create_index(index.columns, index_name=index.name, unique=index.unique,
                               if_not_exists=True)
    for sql in VIRTUAL_SCHEMA.values():
        db.execute(sql)


def schema_differences(db: "sqlite_utils.Database") -> list[str]:
    """How the store's tables differ from those this tripdesk creates (`SCHEMA`): each
    column's type, NOT NULL and primary key, the foreign keys and the indexes, as sqlite-utils
    reads them from SQLite. Quoting and the order of constraints do not matter, nor whether a
    unique index was declared as one or as a UNIQUE constraint (the first stores had that)."""
    out: list[str] = []
    _ = messages()
    for spec in SCHEMA:
        table = db.table(spec.name)
        if not table.exists():
            out.append(_("the table {table} is missing").format(table=spec.name))
            continue
        found = {c.name: c for c in table.columns}
        for column, kind in spec.columns:
            c = found.pop(column, None)
            want = ("INTEGER" if kind is int else "TEXT", column in spec.not_null,
                    spec.pk.index(column) + 1 if column in spec.pk else 0)
            if c is None:
                out.append(_("the table {table} lacks the column {column}").format(table=spec.name, column=column))
            elif (c.type.upper(), bool(c.notnull), c.is_pk) != want:
                out.append(_("the column {column} is {found}, not {wanted}").format(
                    column=f"{spec.name}.{column}", found=_describe(c.type, c.notnull, c.is_pk),
                    wanted=_describe(*want)))
        out += [_("the table {table} has a column {column} this tripdesk does not make").format(
            table=spec.name, column=column) for column in found]
        keys = {(tuple(fk.columns), fk.other_table, tuple(fk.other_columns), fk.on_delete.upper())
                for fk in table.foreign_keys}
        for ref in spec.refs:
            if (ref.columns, ref.table, ref.other_columns, ref.on_delete) not in keys:
                key = (f"({', '.join(ref.columns)}) -> {ref.table}({', '.join(ref.other_columns)})"
                       + (f" ON DELETE {ref.on_delete}" if ref.on_delete != "NO ACTION" else ""))
                out.append(_("the table {table} lacks the foreign key {key}").format(table=spec.name, key=key))
        if len(keys) > len(spec.refs):
            out.append(_("the table {table} has foreign keys this tripdesk does not make").format(table=spec.name))
        indexes = {(tuple(ix.columns), bool(ix.unique)) for ix in table.indexes}
        for index in spec.indexes:
            if (index.columns, index.unique) not in indexes:
                said = (_("the table {table} lacks the unique index {index} on ({columns})") if index.unique
                        else _("the table {table} lacks the index {index} on ({columns})"))
                out.append(said.format(table=spec.name, index=index.name, columns=", ".join(index.columns)))
    if db.table("search").exists() and db.table("search").virtual_table_using != "FTS5":
        out.append(_("the table search is not an FTS5 index"))
    return out


def _describe(kind: str, not_null: object, pk: int) -> str:
    _ = messages()
    return " ".join([kind.upper() or _("untyped"), *(["NOT NULL"] if not_null else []),
                     *([_("part {n} of the primary key").format(n=pk)] if pk else [])])

