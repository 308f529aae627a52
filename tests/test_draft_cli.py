"""`tripdesk draft` end to end: the acceptance cases of issue 16 (the 000 article, and 001 with
004 as one trip), every draft validating, and the one-line errors of bad input."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")

from tripdesk.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "articles"
GOLD = ROOT.parent / "shared" / "drafting"
DEV = Path(__file__).resolve().parent / "drafting"


@pytest.fixture(autouse=True)
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "t.db"
    monkeypatch.setenv("TRIPDESK_DB", str(db))
    return db


def draft(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["draft", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_2024_article_drafts_a_trip_that_validates_and_scores(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "drafts"
    out.mkdir()
    code, _, err = draft(str(ARTICLES / "000_b8185a0e63ff7e9a.txt"), "-o", f"{out}/", capsys=capsys)
    assert code == 0, err
    path = out / "gumi-2024-us.yaml"
    assert f"wrote" in err and "needs review" in err
    assert main(["validate", str(path)]) == 0
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    trip = doc["trip"]
    assert (str(trip["start"]), str(trip["end"]), trip["status"]) == ("2024-10-12", "2024-10-20", "announced")
    assert trip["span_reported"] == {"nights": 6, "days": 9, "text": "6박 9일"}
    assert "AUSA 2024" in trip["inferred"]["start"]["en"]
    assert trip["home_city"]["id"] == "gumi" and trip["leader"]["person"] == "kim-jang-ho"
    assert doc["sources"][0]["outlet"] == "브레이크뉴스 구미"
    # the store's entities are reused: 구미시 is gumi-city, not a new id
    assert {"gumi-city", "huntsville-chamber"} <= {o["id"] for o in doc["organisations"]}
    # every event, agreement and quote rests on verbatim evidence from the article
    article = (ARTICLES / "000_b8185a0e63ff7e9a.txt").read_text(encoding="utf-8")
    records = [e for d in doc["days"] for e in d["events"]] + doc["agreements"] + doc["quotes"]
    assert records and all(ev["text"] in article for r in records for ev in r["evidence"])
    assert all(q["original"]["text"] in article for q in doc["quotes"])
    (agreement,) = doc["agreements"]
    assert (agreement["kind"], str(agreement["date"]), agreement["status"]["value"]) == (
        "business agreement", "2024-10-17", "planned")
    assert [p["description"]["ko"] for p in agreement["unnamed_parties"]] == [
        "글로벌 벤처 투자기업", "증강현실(AR) 플랫폼 기업"]
    score = subprocess.run([sys.executable, str(GOLD / "score_drafts.py"), str(GOLD / "dev-gold.yaml"), str(out),
                            "--ids", "gumi-2024-us"], capture_output=True, text=True)
    assert "ingest: dates 1/1, leader 1/1" in score.stdout, score.stdout


def test_two_reports_of_one_trip_make_one_2017_draft_with_two_sources(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g2017.yaml"
    code, _, err = draft(str(ARTICLES / "001_fd4c21d17904ac52.txt"), str(ARTICLES / "004_d1252c41f748f9d2.txt"),
                         "--published", "2017", "-o", str(path), capsys=capsys)
    assert code == 0, err
    # every excerpt is verbatim in the article it names (the validator checks them)
    assert main(["validate", str(path), "--articles", str(ARTICLES)]) == 0
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [s["file"] for s in doc["sources"]] == ["001_fd4c21d17904ac52.txt", "004_d1252c41f748f9d2.txt"]
    trip = doc["trip"]
    assert (str(trip["start"]), str(trip["end"]), trip["status"]) == ("2017-02-12", "2017-02-20", "reported")
    assert trip["leader"]["person"] == "nam-yu-jin" and trip["delegation"]["head_count"] == 13
    assert any(str(d.get("date")) == "2017-02-17" and d["places"] for d in doc["days"])


def test_without_a_year_the_dates_are_assumed_from_the_page_date_and_flagged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 002 prints "2.15일부터 2.23일" and no year; the saved page's date bar says 2024.10.04.
    path = tmp_path / "d.yaml"
    code, out, err = draft(str(ARTICLES / "002_7c8dc028c5e226b0.txt"), "-o", str(path), capsys=capsys)
    assert code == 0, err
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    trip = doc["trip"]
    assert (str(trip["start"]), str(trip["end"])) == ("2024-02-15", "2024-02-23")
    reason = str(trip["inferred"]["start"])
    assert "2024.10.04" in reason and "Check it" in reason
    assert "2024-10-04" not in str(doc["sources"])  # the page's date is not taken as the article's
    assert "--published" in err and "needs review: dates:" in err
    assert main(["validate", str(path)]) == 0


def test_a_pasted_article_without_a_year_is_dated_from_today_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("구미시 대표단은 5일부터 12일까지 미국 샌디에이고를 방문한다. 남유진 구미시장은 "
            "샌디에이고시청을 찾아 교류 방안을 논의할 예정이다.\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    path = tmp_path / "d.yaml"
    code, out, err = draft("-", "-o", str(path), capsys=capsys)
    assert code == 0, err
    trip = yaml.safe_load(path.read_text(encoding="utf-8"))["trip"]
    assert trip["start"].day == 5 and trip["end"].day == 12
    assert -366 < (trip["start"] - dt.date.today()).days <= 62
    assert "the day of this draft" in err


def test_drafts_of_the_seed_articles_all_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, extra in (("002_7c8dc028c5e226b0.txt", ["--published", "2013"]), ("003_dec6d666b3f5dda6.txt", [])):
        path = tmp_path / f"{name}.yaml"
        code, _, err = draft(str(ARTICLES / name), *extra, "-o", str(path), capsys=capsys)
        assert code == 0, err
        assert main(["validate", str(path)]) == 0, name


def test_standard_input_to_standard_output(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    raw = (ARTICLES / "003_dec6d666b3f5dda6.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, out, err = draft("-", capsys=capsys)
    assert code == 0, err
    doc = yaml.safe_load(out)
    assert doc["trip"]["id"] == "daejeon-2025-us" and doc["sources"][0]["file"] == "(standard input)"
    # Las Vegas and Atlanta have no day in the article: stops during the trip, no day invented
    # (entries of `days` without a date, which the scorers read for destinations)
    assert "stops" not in doc
    assert [st["places"][0]["city"]["en"] for st in doc["days"]] == ["Las Vegas", "Atlanta"]
    assert not any("date" in st or "start" in st for st in doc["days"])


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary"),
    ("구미시는 방산매출 국내 2위 도시로 자리매김하고 있다. 시는 기업 지원 정책을 홍보한다.".encode(), "no trip dates"),
])
def test_bad_articles_get_one_line_and_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               content: bytes, message: str) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    out = tmp_path / "d.yaml"
    code, _, err = draft(str(article), "-o", str(out), capsys=capsys)
    assert code == 1 and message in err and err.count("\n") == 1, err
    assert not out.exists()


def test_an_article_over_5_mb_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "big.txt"
    article.write_bytes(("가" * 1000 + "\n").encode() * 1800)
    code, _, err = draft(str(article), "-o", str(tmp_path / "d.yaml"), capsys=capsys)
    assert code == 1 and "at most 5 MB" in err and err.count("\n") == 1


def test_an_existing_output_is_not_replaced_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.yaml"
    out.write_text("mine", encoding="utf-8")
    article = str(ARTICLES / "003_dec6d666b3f5dda6.txt")
    code, _, err = draft(article, "-o", str(out), capsys=capsys)
    assert code == 1 and "already exists" in err and "--force" in err and err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "mine"
    code, _, err = draft(article, "-o", str(out), "--force", capsys=capsys)
    assert code == 0 and out.read_text(encoding="utf-8").splitlines()[1].startswith("# Drafted by")


def test_without_the_extra_it_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "kiwipiepy" else real(name, *a))
    code, _, err = draft(str(ARTICLES / "003_dec6d666b3f5dda6.txt"), capsys=capsys)
    assert code == 1 and "kiwipiepy" in err and "pip install 'tripdesk[draft]'" in err


def test_a_store_that_cannot_be_read_does_not_stop_a_draft(tmp_path: Path, store: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    store.write_bytes(b"not a database at all" * 100)
    path = tmp_path / "d.yaml"
    code, _, err = draft(str(ARTICLES / "003_dec6d666b3f5dda6.txt"), "-o", str(path), capsys=capsys)
    assert code == 0 and path.exists(), err
    assert "the store could not be read" in err
    assert store.read_bytes().startswith(b"not a database")  # left as it was


def test_an_english_article_drafts_the_same_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The English half of the 2024 article (the translation it prints), as an English article."""
    text = (ARTICLES / "000_b8185a0e63ff7e9a.txt").read_text(encoding="utf-8")
    english = text[text.index("Gumi City, K-Defense"):]
    article = tmp_path / "en.txt"
    article.write_text(english, encoding="utf-8")
    path = tmp_path / "en.yaml"
    # after the command, --lang is the article's language (here the one detection finds too)
    code, _, err = draft(str(article), "--lang", "en", "-o", str(path), capsys=capsys)
    assert code == 0, err
    assert main(["validate", str(path), "--articles", str(tmp_path)]) == 0
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    trip = doc["trip"]
    assert (trip["id"], str(trip["start"]), str(trip["end"])) == ("gumi-2024-us", "2024-10-12", "2024-10-20")
    assert trip["span_reported"]["text"] == "6 nights and 9 days" and doc["sources"][0]["language"] == "en"
    assert trip["leader"]["person"] == "kim-jang-ho"
    days = {str(d["date"]): [p["city"]["en"] for p in d["places"]] for d in doc["days"] if "date" in d}
    assert days["2024-10-15"] == ["Huntsville"] and days["2024-10-17"] == ["Newport Beach"]
    assert [q["original"]["text"][:22] for q in doc["quotes"]] == ["This visit to the U.S.", "We will strengthen our"]
    (agreement,) = doc["agreements"]
    assert (agreement["kind"], str(agreement["date"]), agreement["status"]["value"]) == (
        "business agreement", "2024-10-17", "planned")


def test_the_draft_is_checked_against_the_articles_before_it_is_written() -> None:
    from tripdesk.draft.writer import check, to_yaml

    doc = {"tripdesk": 1,
           "trip": {"id": "t-2024-us", "title": {"ko": "구미시 대표단"}, "status": "announced",
                    "home_city": {"id": "gumi", "name": {"ko": "구미"}, "province": {"ko": "경상북도"},
                                  "country": "KR"},
                    "leader": {"person": "kim", "role": {"ko": "구미시장"}},
                    "start": "2024-10-12", "end": "2024-10-20", "sources": ["src-001"],
                    "evidence": [{"source": "src-001", "text": "10월 12일부터 20일까지"}]},
           "sources": [{"id": "src-001", "outlet": "x", "headline": {"ko": "h"}, "file": "a.txt", "language": "ko"}],
           "people": [{"id": "kim", "name": {"ko": "김장호"}}]}
    text = to_yaml(doc, "a test draft")
    assert check(text, {"a.txt": "대표단이 10월 12일부터 20일까지 방문한다."}) == []
    problems = check(text, {"a.txt": "다른 기사"})
    assert problems and "not found in a.txt" in problems[0]


def test_a_province_leads_as_itself_and_an_unnamed_official_is_quoted_by_role(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "전북특별자치도 대표단 독일 방문\n"
        "29일 도에 따르면 김관영 도지사 등 출장단은 2024년 9월 2일부터 8일까지 5박 7일 간 일정으로 독일을 방문한다.\n"
        "4일에는 드레스덴을 방문해 교류의향서를 체결한다.\n"
        "도 관계자는 \"이번 방문으로 유럽과의 교류가 활발해지기를 바란다\"고 설명했다.\n", encoding="utf-8")
    path = tmp_path / "d.yaml"
    code, _, err = draft(str(article), "-o", str(path), capsys=capsys)
    assert code == 0, err
    assert main(["validate", str(path), "--articles", str(tmp_path)]) == 0
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    home = doc["trip"]["home_city"]
    assert (home["kind"], home["name"]["ko"], "province" in home) == ("province", "전북특별자치도", False)
    (quote,) = doc["quotes"]
    assert "speaker" not in quote and quote["role"] == {"ko": "도 관계자"}
    assert quote["organisation"] == "jeonbuk-state"  # the province government speaks


def test_a_draft_starts_with_the_schema_line_editors_read(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 20, item 3: `tripdesk draft` output carries the yaml-language-server line, naming
    the nearest trip.schema.json above the file (else the shipped one), as the bundled files do."""
    (tmp_path / "trip.schema.json").write_text("{}", encoding="utf-8")
    path = tmp_path / "trips" / "g2024.yaml"
    code, _, err = draft(str(ARTICLES / "000_b8185a0e63ff7e9a.txt"), "-o", str(path), capsys=capsys)
    assert code == 0, err
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../trip.schema.json")
    code, out, err = draft(str(ARTICLES / "000_b8185a0e63ff7e9a.txt"), capsys=capsys)
    assert code == 0, err
    assert out.startswith("# yaml-language-server: $schema=") and out.splitlines()[0].endswith("trip.schema.json")


def draft_text(tmp_path: Path, text: str, published: str, capsys: pytest.CaptureFixture[str]) -> dict:
    """A made-up article drafted with `--published`: the draft, which validates."""
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    path = tmp_path / "a.yaml"
    code, _, err = draft(str(article), "--published", published, "-o", str(path), capsys=capsys)
    assert code == 0, err
    assert main(["validate", str(path)]) == 0
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_two_agreements_of_one_sentence_each_with_its_day_party_and_place(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    doc = draft_text(tmp_path, "고령군, 베트남과 협약\n고령군(군수 이남철)은 12월 2일부터 5일까지 3박 4일 일정으로 베트남을 방문한다고 "
                               "1일 밝혔다.\n이남철 고령군수는 3일 다낭시 화방면과 계절근로자 업무협약을, 4일 호이안시와 우호교류 "
                               "협약을 체결한다.\n", "2025-12-01", capsys)
    found = [(a["kind"], str(a["date"]), a["status"]["value"], a["place"]["city"]["en"], a["parties"][1:])
             for a in doc["agreements"]]
    names = {o["id"]: o["name"]["ko"] for o in doc["organisations"]}
    assert [(k, d, s, c, [names[p] for p in parties]) for k, d, s, c, parties in found] == [
        ("business agreement", "2025-12-03", "planned", "Da Nang", ["다낭시", "화방면"]),
        ("other", "2025-12-04", "planned", "Hoi An", ["호이안시"])]


def test_a_signing_still_to_come_is_of_the_trip_whatever_past_its_sentence_recalls(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = draft_text(tmp_path, "남원시, 중국 자매도시 방문\n남원시는 최보라 시장이 10일부터 14일까지 4박 5일 일정으로 중국을 방문한다고 "
                               "9일 밝혔다.\n최 시장은 12일 치치하얼시를 방문해 지난해 치치하얼 시장의 방문 때 협의된 적 있는 "
                               "관광·민간교류 분야의 구체적인 협약을 체결할 예정이다.\n이어 지난 2009년부터 남원시와 우호도시를 맺고 "
                               "교류를 추진하고 있는 하얼빈시를 방문할 계획이다.\n", "2025-12-09", capsys)
    # the agreement to be signed on the 12th is the trip's; the tie of 2009 is not
    assert [(a["kind"], str(a.get("date")), a["status"]["value"]) for a in doc["agreements"]] == [
        ("other", "2025-12-12", "planned")]


def test_a_signing_whose_words_hold_the_verb_is_still_to_come_whatever_past_its_sentence_recalls(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = draft_text(tmp_path, "하동군, 북미 순방\n윤상기 하동군수가 20일부터 26일까지 미국과 캐나다를 방문한다고 19일 밝혔다.\n"
                               "윤 군수는 22일 야키마시청을 방문해 지난 5월 하동을 방문한 홀리 쿠센 부시장 등이 참석한 가운데 "
                               "하동군과 야키마시 간의 국제 자매결연을 체결한다.\n", "2018-09-19", capsys)
    # `지난 5월` is of the vice mayor's visit to Hadong; the tie is signed on the 22nd
    assert [(a["kind"], str(a.get("date")), a["status"]["value"]) for a in doc["agreements"]] == [
        ("sister-city", "2018-09-22", "planned")]
    # a promise of a past year to sign is not this trip's signing
    (tmp_path / "past").mkdir()
    doc = draft_text(tmp_path / "past", "하동군, 북미 순방\n윤상기 하동군수가 20일부터 26일까지 미국과 캐나다를 방문한다고 19일 밝혔다.\n"
                               "윤 군수는 22일 지난 2016년 자매결연을 체결하기로 합의했던 야키마시를 방문해 시장과 면담한다.\n",
                     "2018-09-19", capsys)
    assert doc["agreements"] == []


def test_the_cities_a_trip_passed_through_are_its_stops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # (용인 2016: `순방 중 거친 도시는 뉴욕·샌프란시스코·LA·플러튼·동경 등 미국과 일본의 5개 도시`)
    doc = draft_text(tmp_path, "용인시장, 미·일 순방 마쳐\n정찬민 용인시장이 17일부터 28일까지 미국과 일본 순방을 마치고 "
                               "28일 귀국했다.\n정 시장이 순방 중 거친 도시는 뉴욕·샌프란시스코·LA·플러튼·동경 등 미국과 일본의 "
                               "5개 도시.\n", "2016-04-29", capsys)
    cities = {p["city"]["en"] for d in doc["days"] for p in d.get("places", [])}
    assert {"New York City", "San Francisco", "Los Angeles", "Fullerton", "Tokyo"} <= cities


def test_the_day_before_the_reports_told_in_a_later_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # (함양 2024: `... 펼치고 있다고 25일 밝혔다.` ... `시장개척단은 전날 로스앤젤레스 한인회 사무실에서 ... 업무협약을`)
    doc = draft_text(tmp_path, "함양군, 미국 시장개척\n진병영 함양군수가 이끄는 함양군 미국 시장개척단은 23일부터 26일까지 "
                               "미국 애틀랜타와 로스앤젤레스를 방문하고 있다고 25일 밝혔다.\n로스앤젤레스에 도착한 시장개척단은 "
                               "전날 로스앤젤레스 한인회 사무실에서 업무협약을 체결했다.\n", "2024-10-25", capsys)
    day = next(d for d in doc["days"] if d.get("date") and str(d["date"]) == "2024-10-24")
    assert [p["city"]["en"] for p in day["places"]] == ["Los Angeles"]
    assert [(a["kind"], str(a.get("date"))) for a in doc["agreements"]] == [("business agreement", "2024-10-24")]


def test_the_first_stop_stayed_in_until_a_day_holds_the_days_from_the_start(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # (서울 2007: `오 시장은 첫 방문지인 두바이에 24일까지 머물며 ... 둘러볼 계획이다`)
    doc = draft_text(tmp_path, "오세훈 시장, 유럽 순방\n오세훈 서울시장은 23일부터 2월2일까지 10박11일간 두바이, 런던, 밀라노를 "
                               "차례로 방문한다고 22일 밝혔다.\n오 시장은 첫 방문지인 두바이에 24일까지 머물며 건설 현장을 "
                               "둘러볼 계획이다.\n", "2007-01-22", capsys)
    days = {str(d["date"]): [p["city"]["en"] for p in d["places"]] for d in doc["days"] if d.get("date")}
    assert days.get("2007-01-23") == ["Dubai"] and days.get("2007-01-24") == ["Dubai"]


def test_a_city_visited_now_that_a_clause_describes_by_its_past_is_a_stop(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = draft_text(tmp_path, "남원시, 태국·대만 방문\n남원시는 최보라 시장이 16일부터 20일까지 4박 5일 일정으로 태국과 대만을 "
                               "방문한다고 15일 밝혔다.\n최 시장은 방콕에서 관광 설명회를 연다.\n이어 2010년 자매도시 협정을 체결한 "
                               "타이베이를 찾아 양 도시의 교류를 활성화하기 위한 방안을 모색한다.\n최 시장은 지난해 타이중을 방문해 "
                               "협력을 논의한 바 있다.\n", "2025-12-15", capsys)
    cities = {p["city"]["ko"] for d in doc["days"] for p in d.get("places", [])}
    assert {"방콕", "타이베이"} <= cities and "타이중" not in cities


def test_the_cities_the_trips_own_range_names_are_its_stops_whatever_its_verb(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = draft_text(tmp_path, "부산시, 유럽 세일즈 외교 마쳐\n서병수 부산시장은 지난 11일~19일까지 7박 9일간 프랑스(파리), 독일(함부르크), "
                               "스위스(제네바) 등 유럽 3개국 세일즈 외교를 성공리에 마쳤다고 밝혔다.\n서 시장은 12일 파리의 르노본사를 "
                               "방문했다.\n", "2015-05-20", capsys)
    cities = {p["city"]["en"] for d in doc["days"] for p in d.get("places", [])}
    assert cities == {"Paris", "Hamburg", "Geneva"}
