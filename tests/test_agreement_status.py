"""An agreement's status: the format checks it, the store and exports keep it, search finds
it, and the six bundled agreements carry the status their articles report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tripdesk.files.document import trip_to_document
from tripdesk.files.loader import build_trip, load_file, load_paths
from tripdesk.model import AgreementStatus, Evidence

from .conftest import DATA, line_of, mutate, problems_for
from .test_evidence import trip_with_article

from .test_dataset import ARTICLES_DIR

SIGNED = ("    event: library-mou\n    sources: [src-a]",
          "    event: library-mou\n    sources: [src-a]\n    status:\n      value: signed\n"
          "      date: 2024-10-13\n      evidence: [{source: src-a, text: 도서관 협력 양해각서를 체결했다.}]")


def test_a_status_loads_round_trips_and_is_unknown_when_absent(tmp_path: Path) -> None:
    path, _ = mutate(tmp_path, *SIGNED)
    loaded, problems = load_file(path)
    assert problems == [] and loaded is not None
    status = loaded.trip.agreements[0].status
    assert status.value == "signed" and str(status.date) == "2024-10-13"
    assert status.evidence == (Evidence("src-a", "도서관 협력 양해각서를 체결했다."),)
    document = trip_to_document(loaded.trip)
    assert document["agreements"][0]["status"]["value"] == "signed"
    assert build_trip(document) == loaded.trip
    plain, _ = mutate(tmp_path, "x", "x", name="plain.yaml")
    loaded, _ = load_file(plain)
    assert loaded is not None and loaded.trip.agreements[0].status == AgreementStatus()
    assert "status" not in trip_to_document(loaded.trip)["agreements"][0]


@pytest.mark.parametrize(("status", "message"), [
    ("value: sined", "agreements[0].status.value: 'sined' is not allowed (did you mean 'signed'?)"),
    ("value: planned", "agreements[0].status: the status 'planned' rests on nothing: add the excerpt"),
    ("value: signed\n      date: 2024-10-12\n      evidence: [{source: src-a, text: 체결}]",
     "agreements[0].status.date: signed on 2024-10-12 but the agreement is dated 2024-10-13"),
    ("value: signed\n      evidence: [{source: src-z, text: 체결}]",
     "agreements[0].status.evidence[0].source: source 'src-z' is not defined"),
])
def test_a_wrong_status_is_reported_at_its_line(tmp_path: Path, status: str, message: str) -> None:
    path, text = mutate(tmp_path, "    event: library-mou\n    sources: [src-a]",
                        f"    event: library-mou\n    sources: [src-a]\n    status:\n      {status}")
    [problem] = problems_for(path)
    assert message in problem
    assert problem.startswith(f"{path}:")


def test_an_unknown_status_needs_no_evidence(tmp_path: Path) -> None:
    path, _ = mutate(tmp_path, "    event: library-mou\n    sources: [src-a]",
                     "    event: library-mou\n    sources: [src-a]\n    status: {value: unknown}")
    assert problems_for(path) == []


def test_a_status_excerpt_is_checked_against_its_article(tmp_path: Path) -> None:
    path, _ = trip_with_article(tmp_path)  # its article holds "도서관 협력 양해각서를 체결했다."
    good = path.read_text(encoding="utf-8").replace(*SIGNED)
    path.write_text(good, encoding="utf-8")
    assert problems_for(path) == []
    bad = good.replace("도서관 협력 양해각서를 체결했다.", "도서관 협력 양해각서를 체결한다.")
    path.write_text(bad, encoding="utf-8")
    [problem] = problems_for(path)
    assert f":{line_of(bad, '양해각서를 체결한다.')}:" in problem
    assert "agreements[0].status.evidence[0].text: not found in sample.txt" in problem


# The status each bundled agreement's article reports, with the words that say so.
BUNDLED = {
    "ksea-mou": ("signed", "2013-02-16", "양해각서(MOU)도 체결했다."),
    "san-diego-exchange-agreement": ("agreed in principle", "2013-02-19", "추진하기로 합의하고"),
    "world-korean-business-convention-pledge": ("pledged", "2013-02-21", "개최하기로 화답하고"),
    "redmond-exchange-agreement": ("agreed in principle", "2017-02-17", "나가기로 합의하는"),
    "seattle-public-library-mou": ("planned", None, "체결도 연계 추진할 예정이다."),
    "ai-metaverse-business-agreement": ("planned", "2024-10-10", "업무협약을 체결한다."),
}


def test_the_six_bundled_agreements_carry_their_articles_status() -> None:
    assert ARTICLES_DIR.is_dir(), f"the source articles are missing: expected {ARTICLES_DIR}"
    result = load_paths([DATA], articles=[ARTICLES_DIR])
    assert result.problems == [] and result.warnings == []  # every excerpt found in its article
    found = {a.id: a.status for t in result.trips for a in t.trip.agreements}
    assert set(found) == set(BUNDLED)
    for agreement_id, (value, date, words) in BUNDLED.items():
        status = found[agreement_id]
        assert status.value == value, agreement_id
        assert (status.date.isoformat() if status.date else None) == date, agreement_id
        assert any(words in e.text for e in status.evidence), agreement_id


def test_the_store_keeps_the_status_and_search_finds_it(db_path: Path, capsys) -> None:
    from tripdesk.cli import main

    assert main(["import", str(DATA)]) == 0
    capsys.readouterr()
    assert main(["search", "pledged", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["ref"] for h in hits] == ["agreement:world-korean-business-convention-pledge"]
    assert main(["search", "원칙 합의", "--json"]) == 0
    refs = {h["ref"] for h in json.loads(capsys.readouterr().out)}
    assert {"agreement:san-diego-exchange-agreement", "agreement:redmond-exchange-agreement"} <= refs
    assert main(["export", "gumi-2017-americas", "--full"]) == 0
    markdown = capsys.readouterr().out
    assert "Status: planned — “이번 순방기간 중 구미시-시애틀 공공도서관 협력사업 양해각서 체결도" in markdown
    assert main(["export", "gumi-2017-americas", "--lang", "en"]) == 0  # the brief: the status column
    brief = capsys.readouterr().out
    assert "| MOU | Gumi City; The Seattle Public Library | planned[^src-001] |" in brief
    assert main(["doctor"]) == 0
