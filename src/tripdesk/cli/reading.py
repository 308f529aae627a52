"""The commands that read the store for people and scripts: list, agreements, stats, show,
search, export."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.table import Table

from ..i18n import N_, translator
from ..problems import TripdeskError, display_path, terminal_safe
from ..store import queries
from .common import EXIT_OK, EXIT_PROBLEMS, RichText, _console, _date_column, _names, _print_json, require_trip
from .datafiles import open_store


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        trips = queries.all_trips(store)
    if args.json:
        _print_json([_trip_json(t) for t in trips])
        return EXIT_OK
    _ = translator(args.lang)
    table = Table(show_lines=False)
    # Every column folds rather than cut: the title first (rich narrows the widest first), the
    # others only when the terminal is too narrow for them whole.
    for column in (N_("id"), N_("home city"), N_("dates"), N_("days")):
        table.add_column(_(column), overflow="fold")
    table.add_column(_("title"), ratio=1)
    for t in trips:
        table.add_row(*(RichText(x) for x in (
            t.id, t.home_city.get(args.lang), f"{t.start.isoformat()}..{t.end:%m-%d}",
            str(t.day_count), t.title.get(args.lang))))
    _console().print(table)
    return EXIT_OK


def _trip_json(t: queries.TripRow) -> dict[str, Any]:
    return {
        "id": t.id,
        "home_city": {"id": t.home_city_id, "ko": t.home_city.ko, "en": t.home_city.en},
        "title": t.title.to_document(),
        "start": t.start.isoformat(),
        "end": t.end.isoformat(),
        "days": t.day_count,
        "span_reported": t.span_text,
        "status": t.status,
    }


AGREEMENT_COLUMNS = ("date", "home_city", "kind", "title", "parties", "status", "status_date", "trip",
                     "agreement")


def cmd_agreements(args: argparse.Namespace) -> int:
    from ..model import agreement_status_label

    with open_store(args) as store:
        if args.city is not None and args.city not in {c.id for c in queries.home_cities(store)}:
            ids = sorted(c.id for c in queries.home_cities(store))
            _ = translator(args.lang)
            raise TripdeskError(_("no home city with id '{id}'").format(id=args.city),
                                _("the home cities are: {ids}").format(ids=", ".join(ids)) if ids
                                else _("the store has no trips"))
        rows = queries.agreements(store, city=args.city, kind=args.kind, since=args.since)
    lang = args.lang

    def cells(a: queries.AgreementRow) -> list[str]:
        return [a.date.isoformat() if a.date else "", a.home_city.get(lang), a.kind, a.title.get(lang),
                "; ".join(name.get(lang) for _id, name in a.parties), a.status,
                a.status_date.isoformat() if a.status_date else "", a.trip_id, a.id]

    if args.json:
        _print_json([{
            "trip": a.trip_id, "id": a.id, "date": a.date.isoformat() if a.date else None,
            "home_city": {"id": a.home_city_id, **_names(a.home_city)},
            "kind": a.kind, "title": a.title.to_document(),
            "parties": [{"id": i, **_names(name)} for i, name in a.parties],
            "status": a.status, "status_date": a.status_date.isoformat() if a.status_date else None,
        } for a in rows])
        return EXIT_OK
    if args.csv:
        import csv

        # A byte-order mark first: spreadsheets (Excel above all) then read the Korean as
        # UTF-8, not as the system's legacy code page. Lines end in CRLF, as RFC 4180 has it.
        sys.stdout.write("\ufeff")
        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow(AGREEMENT_COLUMNS)
        writer.writerows(cells(a) for a in rows)
        return EXIT_OK
    _ = translator(lang)
    table = Table(show_lines=False)
    out = _console()
    _date_column(table, _("date"), out)
    for column in (N_("home city"), N_("kind"), N_("status"), N_("title"), N_("parties"), N_("trip")):
        # The title and parties wrap, and are given room first: they are what a row is about.
        wraps = column in ("title", "parties")
        table.add_column(_(column), ratio=2 if column == "title" else 1 if wraps else None,
                         overflow="fold")
    for a in rows:
        date, city, kind, title, parties, _value, _status_date, trip, _id = cells(a)
        status = agreement_status_label(a.status, lang)
        table.add_row(*(RichText(x) for x in (date or "-", city, _(kind), status, title, parties, trip)))
    out.print(table)
    if not rows:
        _console(stderr=True).print(RichText(_("no agreements match") if args.city or args.kind or args.since
                                             else _("no agreements in the store")))
    return EXIT_OK


# Each ranking: its key in the JSON, its table's title and the heading of its names' column.
STATS_TITLES = {"cities": (N_("Destinations: cities"), N_("cities")),
                "states": (N_("Destinations: states"), N_("states")),
                "countries": (N_("Destinations: countries"), N_("countries")),
                "agreement_kinds": (N_("Agreements by kind"), N_("kind")),
                "agreement_statuses": (N_("Agreements by status"), N_("status"))}


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        summary = queries.summary(store)
        ranks = queries.rankings(store)
    if args.json:
        _print_json({
            "trips": summary.trips, "home_cities": summary.cities,
            "years": [summary.first_year, summary.last_year],
            **{name: [{"key": r.key, **_names(r.label), "count": r.count} for r in getattr(ranks, name)]
               for name in STATS_TITLES},
        })
        return EXIT_OK
    out = _console()
    _ = translator(args.lang)
    out.print(RichText(summary.label(args.lang)))
    counted = {"agreement_kinds": N_("agreements"), "agreement_statuses": N_("agreements")}
    for name, (title, names) in STATS_TITLES.items():
        table = Table(title=_(title), title_justify="left", show_lines=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column(_(names), overflow="fold")
        table.add_column(_(counted.get(name, N_("trips"))), justify="right", no_wrap=True)
        rows = getattr(ranks, name)[:args.top]
        for rank, r in enumerate(rows, 1):
            table.add_row(str(rank), RichText(r.label.get(args.lang)), str(r.count))
        out.print(table)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from ..timeline import render_timeline

    with open_store(args) as store:
        trip = require_trip(store, args.trip, args.lang)
    _console().print(render_timeline(trip, args.lang, evidence=args.evidence))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        hits = queries.search(store, args.query, limit=args.limit)
    _ = translator(args.lang)
    notes = queries.query_notes(args.query)
    if not hits and '"' in args.query:
        notes.append(queries.NOTE_PHRASE_EMPTY)
    for note in notes:  # what the query holds that is not read as the user may mean it (stderr)
        _console(stderr=True).print(RichText(f"tripdesk: {_(note)}"))
    if args.json:
        _print_json([{
            "kind": h.kind, "trip": h.trip_id, "date": h.date.isoformat() if h.date else None,
            "ref": h.ref, "label": h.label.to_document(), "matched": h.matched,
        } for h in hits])
        return EXIT_OK if hits else EXIT_PROBLEMS
    if not hits:
        _console(stderr=True).print(RichText(_("nothing found for {query}").format(query=repr(args.query))))
        return EXIT_PROBLEMS
    table = Table(show_lines=False)
    out = _console()
    table.add_column(_("trip"), overflow="fold")
    _date_column(table, _("day"), out)
    for column in (N_("kind"), N_("match")):
        table.add_column(_(column), overflow="fold")
    for h in hits:
        label = h.label.get(args.lang)
        match = RichText(label)
        why = queries.reason_text(h.reason, args.lang) if h.reason is not None else h.matched
        if why and why not in label:  # found in another of the item's texts, or a place's
            match.append("\n" + terminal_safe(why), style="dim")
        table.add_row(RichText(h.trip_id), RichText(h.date.isoformat() if h.date else "-"),
                      RichText(_(h.kind)), match)
    out.print(table)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ..export import export_target, render, write_export

    with open_store(args) as store:
        trip = require_trip(store, args.trip, args.lang)
    if not args.output:
        # The same UTF-8 bytes as a file gets, whatever the terminal's encoding, and no "\r\n"
        # made of the .ics file's own "\r\n" by a text-mode stream on Windows.
        text = render(trip, args.format or "md", args.lang, full=args.full)
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a replaced stream with no bytes underneath
            sys.stdout.write(text)
            return EXIT_OK
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return EXIT_OK
    # A folder gets <trip-id>.<format>; a known extension picks the format (and must agree with
    # --format); any other name gets --format, else Markdown. The app's `e` uses the same rules.
    output, fmt = export_target(args.output, trip.id, args.format)
    text = render(trip, fmt, args.lang, full=args.full)
    written = write_export(output, text, force=args.force)
    _console().print(RichText(translator(getattr(args, "lang", "en"))("wrote {path}").format(path=display_path(written))))
    return EXIT_OK
