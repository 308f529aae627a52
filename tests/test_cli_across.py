"""The commands that answer across trips: `tripdesk agreements` (and, below, `stats`), run as
a script would, on a store built from the bundled data, checked on output and exit status."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tripdesk.cli import main

from .conftest import DATA


@pytest.fixture
def store(db_path, capsys):  # noqa: ANN001, ANN201
    assert main(["import", str(DATA)]) == 0
    capsys.readouterr()
    return db_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_agreements_csv_opens_in_a_spreadsheet(store, capsys) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "agreements", "--csv")
    assert code == 0
    assert out.startswith("\ufeff")  # Excel reads the Korean as UTF-8
    assert "\r\n" in out
    rows = list(csv.DictReader(io.StringIO(out[1:], newline="")))
    assert [r["agreement"] for r in rows] == [
        "ksea-mou", "san-diego-exchange-agreement", "world-korean-business-convention-pledge",
        "seattle-public-library-mou", "redmond-exchange-agreement", "ai-metaverse-business-agreement"]
    first = rows[0]
    assert first["date"] == "2013-02-16" and first["status"] == "signed" and first["kind"] == "MOU"
    assert first["home_city"] == "Gumi" and first["trip"] == "gumi-2013-san-diego"
    assert "KSEA SC Chapter" in first["parties"]
    assert {r["agreement"]: r["status"] for r in rows}["seattle-public-library-mou"] == "planned"
    code, out, _ = run(capsys, "--lang", "ko", "agreements", "--csv")
    assert "구미시-KSEA SC지부·SD지부 기술교류 및 경제협력 양해각서(MOU)" in out


def test_agreements_filters_by_city_kind_and_date(store, capsys) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "agreements", "--json", "--kind", "MOU")
    assert code == 0
    assert [a["id"] for a in json.loads(out)] == ["ksea-mou", "seattle-public-library-mou"]
    code, out, _ = run(capsys, "agreements", "--json", "--since", "2017-02-13")
    # The undated Seattle MOU counts at its trip's start (2017-02-12): before the 13th.
    assert [a["id"] for a in json.loads(out)] == ["redmond-exchange-agreement", "ai-metaverse-business-agreement"]
    code, out, _ = run(capsys, "agreements", "--json", "--city", "daejeon")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "agreements", "--json", "--city", "gumi", "--since", "2024-01-01")
    [only] = json.loads(out)
    assert only["status"] == "planned" and only["status_date"] == "2024-10-10"
    assert {p["id"] for p in only["parties"]} >= {"gumi-city", "gyeongbuk-province"}


def test_agreements_table_names_the_status_in_the_language(store, capsys) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "--lang", "ko", "agreements")
    assert code == 0 and "체결" in out and "원칙 합의" in out and "약속" in out
    code, out, _ = run(capsys, "agreements", "--city", "daejeon")
    assert code == 0


@pytest.mark.parametrize(("argv", "code", "message"), [
    (("agreements", "--city", "busan"), 1, "no home city with id 'busan'"),
    (("agreements", "--since", "2014"), 2, "'2014' is not a date"),
    (("agreements", "--kind", "treaty"), 2, "invalid choice: 'treaty'"),
    (("agreements", "--csv", "--json"), 2, "not allowed with argument"),
])
def test_agreements_refuses_bad_options_with_a_clear_message(store, capsys, argv, code, message) -> None:  # noqa: ANN001
    got, out, err = run_exit(capsys, *argv)
    assert got == code and message in err and "Traceback" not in err and out == ""


def run_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`run`, for the errors argparse reports by exiting."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
