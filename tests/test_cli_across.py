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


# -- duplicates across ids (validate, doctor) --------------------------------------------------------


def two_files_one_library(tmp_path):  # noqa: ANN001, ANN201
    """The sample trip, and a second trip whose file gives the Seattle Public Library a new id
    and writes its Korean name without the space; the ACME of both files keeps its id."""
    from .conftest import SAMPLE_TEXT, line_of

    folder = tmp_path / "trips"
    folder.mkdir()
    (folder / "a.yaml").write_text(SAMPLE_TEXT, encoding="utf-8")
    second = (SAMPLE_TEXT.replace("id: sample-2024-us", "id: sample-2025-us")
              .replace("  - id: seattle-library\n    name: {ko: 시애틀 공공도서관, en: Seattle Public Library}",
                       "  - id: spl\n    name: {ko: 시애틀공공도서관, en: The Seattle Public Library}")
              .replace("seattle-library", "spl"))
    assert "id: spl" in second
    (folder / "b.yaml").write_text(second, encoding="utf-8")
    return folder, line_of(second, "  - id: spl") + 1


def test_validate_warns_of_one_organisation_under_two_ids_naming_both_files(tmp_path, capsys) -> None:  # noqa: ANN001
    folder, line = two_files_one_library(tmp_path)
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 0  # a warning: two people can share a name
    [warning] = [w for w in err.splitlines() if "probably" in w]
    assert warning.startswith(f"{folder / 'b.yaml'}:{line}:")
    assert ("organisations[2].name: organisation 'spl' is probably 'seattle-library' of "
            f"{folder / 'a.yaml'}: both are named '시애틀공공도서관'") in warning
    assert "give it one id" in warning
    assert "acme" not in err  # one id in both files is one entity, not a duplicate


def test_doctor_warns_of_the_same_in_the_store(tmp_path, db_path, capsys) -> None:  # noqa: ANN001
    folder, _line = two_files_one_library(tmp_path)
    code, _out, _err = run(capsys, "import", str(folder))
    assert code == 0
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "the store is healthy" in out
    [line] = [x for x in out.splitlines() if "probably" in x]
    assert line.split()[0:2] == ["warning", "entities:"]
    assert "organisation 'spl' of" in line and "b.yaml is probably 'seattle-library' of" in line
    assert "a.yaml" in line


def test_doctor_on_the_bundled_data_finds_no_duplicates(store, capsys) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "entities: no two organisation or person ids share a name" in out


def test_an_entity_whose_own_names_differ_only_by_spacing_is_not_its_own_duplicate() -> None:
    from tripdesk.store.duplicates import Named, probable_duplicates

    nam = Named("person", "nam-yu-jin", ("남유진", "Nam Yu-jin", "남 시장", "남시장"), "a.yaml")
    other = Named("person", "nam-2", ("NAM YU-JIN",), "b.yaml")
    [dup] = probable_duplicates([nam, nam._replace(file="c.yaml"), other])
    assert (dup.first.id, dup.second.id, dup.shared) == ("nam-yu-jin", "nam-2", "NAM YU-JIN")
    assert probable_duplicates([Named("person", "x", ("Kim",), "a"), Named("organisation", "y", ("Kim",), "b")]) == []
