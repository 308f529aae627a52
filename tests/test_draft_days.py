"""The day-by-day plan: cities tied to days by ranges, the one city of a trip, stops with spans.

Made-up short articles, drafted whole (`draft_trip`), so each rule is seen as the draft holds it."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")

from tripdesk.draft.articles import Article  # noqa: E402
from tripdesk.draft.assemble import draft_trip  # noqa: E402
from tripdesk.draft.dates import YearHint  # noqa: E402
from tripdesk.store.queries import KnownEntities  # noqa: E402

D = dt.date


def draft(text: str, published: dt.date) -> dict:
    article = Article(name="made-up.txt", text=text, outlet="테스트일보")
    return draft_trip([article], KnownEntities(), YearHint(published=published)).document


def dated(doc: dict) -> list[dict]:
    """The draft's days: the entries of `days` with a date."""
    return [day for day in doc.get("days", []) if "date" in day]


def cities_by_day(doc: dict) -> dict[int, list[str | None]]:
    """The English names of each dated day's cities, by day of the month."""
    return {day["date"].day: [p["city"].get("en") for p in day.get("places", [])] for day in dated(doc)}


def stops(doc: dict) -> list[dict]:
    """The draft's stops without a day: the entries of `days` without a date, after the days."""
    entries = doc.get("days", [])
    undated = [day for day in entries if "date" not in day]
    assert entries[len(entries) - len(undated):] == undated, "a stop stands among the dated days"
    assert "stops" not in doc
    return undated


def day_cities(doc: dict) -> dict[dt.date, list[str]]:
    return {day["date"]: [p["city"]["en"] for p in day.get("places", [])] for day in dated(doc)}


def test_the_one_city_of_the_trip_range_is_on_each_of_its_days() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 11일까지 3박 4일 일정으로 "
                "일본 자매도시인 삿포로시를 방문한다고 5일 밝혔다.\n\n방문단은 현지 기업을 둘러볼 계획이다.",
                D(2023, 5, 5))
    cities = day_cities(doc)
    assert cities == {D(2023, 5, d): ["Sapporo"] for d in range(8, 12)}
    first = dated(doc)[0]
    assert "no other city" in first["inferred"]["places"]["en"]
    assert first["evidence"][0]["text"].startswith("가평군은")
    (stop,) = stops(doc)
    assert (stop["start"], stop["end"]) == (D(2023, 5, 8), D(2023, 5, 11))


def test_a_trip_range_over_two_cities_puts_neither_on_a_day() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 11일까지 일본 삿포로와 오사카를 방문한다.",
                D(2023, 5, 5))
    assert dated(doc) == []
    assert {st["places"][0]["city"]["en"] for st in stops(doc)} == {"Sapporo", "Osaka"}
    assert all("start" not in st for st in stops(doc))


def test_a_range_within_the_trip_ties_its_city_to_those_days() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 유럽을 방문한다.\n\n"
                "방문단은 9~10일 독일 베를린에서 현지 기업을 방문하고, 이어 프랑스로 향한다.", D(2023, 5, 5))
    cities = day_cities(doc)
    assert cities[D(2023, 5, 9)] == ["Berlin"] and cities[D(2023, 5, 10)] == ["Berlin"]
    assert D(2023, 5, 8) not in cities
    (stop,) = stops(doc)
    assert (stop["start"], stop["end"]) == (D(2023, 5, 9), D(2023, 5, 10))


def test_a_dated_day_naming_no_city_is_in_the_one_city_of_the_trip() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 대표단이 오는 8일부터 11일까지 베트남 다낭을 방문한다.\n\n"
                "대표단은 다낭시청을 찾아 교류 방안을 논의한다.\n\n대표단은 10일 현지 농장을 견학한다.",
                D(2023, 5, 5))
    day = next(d for d in dated(doc) if d["date"] == D(2023, 5, 10))
    assert [p["city"]["en"] for p in day["places"]] == ["Da Nang"]


# -- places: what is and is not a city ---------------------------------------------------------


def cities_in(text: str) -> list[tuple[str, str]]:
    from tripdesk.draft import analyser, places

    return [(p.ko, p.city.en) for p in places.find_places(text, analyser.proper_nouns(text)) if p.city.country != "KR"]


def test_a_county_is_not_the_city_of_its_name() -> None:
    # the county itself (tests/test_draft_places.py), never Montgomery, Alabama
    assert cities_in("대표단은 메릴랜드주 몽고메리 카운티를 찾는다.") == [("몽고메리 카운티", "Montgomery County")]
    assert cities_in("대표단은 몽고메리카운티 정부를 찾는다.") == []


def test_a_given_name_before_a_title_is_not_a_city() -> None:
    assert cities_in("대표단은 브라이언 스미스 텍사스주 주지사와 만난다.") == []
    assert cities_in("시장은 시애틀 한인회 회장과 만난다.") == [("시애틀", "Seattle")]
    assert cities_in("시장은 시카고 현지 시장 조사에 나선다.") == [("시카고", "Chicago")]


def test_a_city_written_with_or_without_si_and_not_its_prefecture() -> None:
    assert cities_in("일본 오사카를 방문한다.") == [("오사카", "Osaka")]
    assert ("후쿠오카", "Fukuoka") not in cities_in("일본 후쿠오카현 무나카타시를 방문한다.")


def test_chinese_cities_by_their_korean_hanja_readings_when_written_with_si() -> None:
    assert cities_in("중국 산동성 연대시와 위해시를 방문했다.") == [("연대", "Yantai"), ("위해", "Weihai")]
    assert cities_in("교류를 위해 마련됐다.") == []


def test_a_city_without_a_korean_name_found_by_its_consonants() -> None:
    from tripdesk.draft.places import skeleton

    assert skeleton("Strathfield") == skeleton("seuteuraseupildeu") == "stlsplt"
    assert cities_in("호주 자매도시인 스트라스필드시를 찾는다.") == [("스트라스필드", "Strathfield")]
    assert cities_in("시장은 조지아주 사바나로 이동한다.") == [("사바나", "Savannah")]
    # without a country or state named, nothing is guessed
    assert cities_in("스트라스필드시를 찾는다.") == []


def test_the_seat_of_an_office_is_not_a_place_visited() -> None:
    assert cities_in("시장은 주 상하이 총영사와 만난다.") == []
    assert cities_in("시장은 상하이 총영사관을 찾는다.") == [("상하이", "Shanghai")]


def test_a_move_after_a_dated_account_follows_that_day() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 미국을 방문한다.\n"
                "방문단은 9일 시애틀에서 기업을 방문한다.\n"
                "박 군수는 포틀랜드로 이동해 시청을 찾을 예정이다.", D(2023, 5, 5))
    day = next(d for d in dated(doc) if d["date"] == D(2023, 5, 9))
    assert [p["city"]["en"] for p in day["places"]] == ["Seattle", "Portland"]
    event = next(e for e in day["events"] if e.get("place", {}).get("city", {}).get("en") == "Portland")
    assert "moves on" in event["inferred"]["date"]["en"]


def test_an_undated_agreement_takes_the_city_its_sentence_names() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 미국을 방문한다.\n"
                "박 군수는 우선 보스턴에서 현지 기업과 업무협약을 맺고, 시카고로 이동해 박람회를 둘러본다.",
                D(2023, 5, 5))
    (agreement,) = doc["agreements"]
    assert agreement["place"]["city"]["en"] == "Boston"
    assert "보스턴에서" in agreement["inferred"]["place"]["en"]


def test_an_edit_stamp_gives_the_published_date() -> None:
    from tripdesk.draft.articles import read_article

    article = read_article("군수 미국 방문\n\n2022-03-02기사 편집 2022-03-02 10:15:00\n\n군수는 7일부터 11일까지 방문한다.".encode(), "c.txt")
    assert article.published == D(2022, 3, 2)


def test_the_sites_last_edit_above_the_article_is_not_its_published_date() -> None:
    from tripdesk.draft.articles import read_article

    page = ("최종편집 2024-04-19 07:39 (금)\n지사, 새해 첫 해외 일정\n홍길동 기자\n승인 2020.01.06 18:05\n\n"
            "지사가 5일부터 11일까지 미국을 방문한다고 6일 밝혔다.")
    article = read_article(page.encode(), "j.txt")
    assert article.published == D(2020, 1, 6) and "승인" in str(article.published_from)
    # a translated report's note of its source and date
    translated = read_article("Governor Lee will visit Connecticut from June 9.\n\nSource: Newsis (June 6, 2013)".encode(),
                              "n.txt")
    assert translated.published == D(2013, 6, 6)
    # alone, the last edit is still the page's date
    assert read_article("최종편집 2024-04-19 07:39 (금)\n\n지사가 5일부터 방문한다.".encode(), "k.txt").published == D(2024, 4, 19)
    # (충북 2011, the 33rd held-out batch: `웹출고시간2011.03.28 21:22:11` above `최종수정2013.08.04 00:44:01`)
    page = "이시종 지사, 내달 6박9일 미국 방문\n\n  • 웹출고시간2011.03.28 21:22:11\n  • 최종수정2013.08.04 00:44:01\n지사가 방문한다."
    assert read_article(page.encode(), "c.txt").published == D(2011, 3, 28)
    # (안산 2018, the 34th held-out batch: the print edition's date and page under the byline)
    page = "안산시, 중국 러산시와 상생발전 기반 다짐\n박성철 기자 psc@kihoilbo.co.kr 2018년 09월 19일 수요일 제5면\n시장이 방문했다."
    assert read_article(page.encode(), "a.txt").published == D(2018, 9, 19)
    # (대전 동구 2007, the 35th held-out batch: a date run into the text before the byline)
    page = "이장우청장 심포지엄 참석 출국 9일부터 11일까지 3일간 2007-11-08 정병철 기자 이장우 동구청장은 참석한다."
    assert read_article(page.encode(), "d.txt").published == D(2007, 11, 8)


def test_the_one_city_listed_with_a_province_is_not_put_on_every_day() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 11일까지 베트남 푸옌성과 하노이를 방문한다.",
                D(2023, 5, 5))
    assert dated(doc) == []
    (stop,) = stops(doc)
    assert "start" not in stop


def test_a_stop_named_first_or_last_is_spanned_by_the_days_placed_elsewhere() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 미국을 방문한다.\n\n"
                "방문단은 보스턴 박람회 참관을 시작으로 일정을 소화한다.\n\n"
                "방문단은 10일 시카고에서 기업을 방문한다.\n\n"
                "방문단은 마지막 일정으로 덴버를 찾는다.", D(2023, 5, 5))
    spans = {st["places"][0]["city"]["en"]: (st.get("start"), st.get("end")) for st in stops(doc)}
    assert spans == {"Boston": (D(2023, 5, 8), D(2023, 5, 10)), "Denver": (D(2023, 5, 10), D(2023, 5, 14))}
    boston = next(st for st in stops(doc) if st["places"][0]["city"]["en"] == "Boston")
    assert "first" in boston["inferred"]["start"]["en"]


def test_priority_is_not_order() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 미국을 방문한다.\n\n"
                "방문단은 10일 시카고에서 협약을 체결한다.\n\n"
                "출장단은 우선 협력 분야인 보스턴 연구소를 견학한다.", D(2023, 5, 5))
    (stop,) = stops(doc)
    assert stop["places"][0]["city"]["en"] == "Boston" and "start" not in stop


def test_a_city_named_only_for_an_earlier_year_is_no_stop() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 11일까지 일본 삿포로시를 방문한다.\n\n"
                "가평군과 삿포로시는 2005년 오사카에서 우호 협약을 체결한 이후 교류해 왔다.", D(2023, 5, 5))
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Sapporo"]


def test_what_follows_a_signing_on_this_trip_is_still_a_stop() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 11일까지 독일을 방문한다.\n\n"
                "방문단은 협약 체결 이후 드레스덴 공과 대학 등을 견학할 예정이다.", D(2023, 5, 5))
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Dresden"]


def test_one_sentence_telling_two_counted_days_is_cut_between_them() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 10일까지 중국 칭다오를 방문한다.\n\n"
                "박 군수는 첫날 칭다오 시장과 만나고 둘째 날 교류회에서 발표한다.", D(2023, 5, 5))
    events = {day["date"]: [e["evidence"][0]["text"] for e in day.get("events", [])] for day in dated(doc)}
    assert events[D(2023, 5, 8)] == ["박 군수는 첫날 칭다오 시장과 만나고"]
    assert events[D(2023, 5, 9)] == ["둘째 날 교류회에서 발표한다."]


def test_a_city_before_its_mayors_name_is_still_the_city() -> None:
    assert cities_in("첫날 옌타이 장용샤 시장과 만난다.") == [("옌타이", "Yantai")]


def test_a_move_told_after_a_dated_day_spans_it_to_the_next_dated_day() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 유럽을 방문한다.\n\n"
                "방문단은 9일 독일 드레스덴에서 협약을 체결한다.\n\n"
                "출장단은 현지 연구소를 견학한다.\n\n"
                "이후 베를린으로 이동해 동포들과 간담회를 연다.\n\n"
                "방문단은 12일 파리에서 박람회를 참관한다.", D(2023, 5, 5))
    berlin = next(st for st in stops(doc) if st["places"][0]["city"]["en"] == "Berlin")
    assert (berlin["start"], berlin["end"]) == (D(2023, 5, 9), D(2023, 5, 12))
    assert "moves on" in berlin["inferred"]["start"]["en"]


def test_two_days_named_together_are_both_the_sentences_days() -> None:
    doc = draft("군산시는 문동신 시장을 단장으로 한 방문단이 26일부터 30일까지 중국 연대시를 방문하고 있다.\n"
                "방문단은 27일과 28일 연대시에서 자매결연 20주년 기념행사에 참여했다.", D(2014, 10, 29))
    cities = day_cities(doc)
    assert cities[D(2014, 10, 27)] == ["Yantai"] and cities[D(2014, 10, 28)] == ["Yantai"]
    first = next(d for d in dated(doc) if d["date"] == D(2014, 10, 27))
    assert first["events"][0]["description"]["ko"].startswith("방문단은 27일과 28일")  # not cut between them
    second = next(d for d in dated(doc) if d["date"] == D(2014, 10, 28))
    assert "together" in second["inferred"]["places"]["en"]


def test_cities_a_sentence_ties_together_to_a_range_are_stops_over_it() -> None:
    doc = draft("천안시는 박민수 시장을 단장으로 한 방문단이 15일부터 19일까지 미국을 방문한다고 밝혔다.\n"
                "박 시장은 15일~16일 델라웨어주 월밍턴과 펜실베이니아주 필라델피아를 방문한다.", D(2019, 4, 14))
    assert dated(doc) == []  # which of the two days is where is not said
    spans = {st["places"][0]["city"]["en"]: (st.get("start"), st.get("end")) for st in stops(doc)}
    assert spans == {"Wilmington": (D(2019, 4, 15), D(2019, 4, 16)), "Philadelphia": (D(2019, 4, 15), D(2019, 4, 16))}


def test_a_day_told_after_a_range_in_the_same_sentence_is_its_own() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 미국을 방문한다.\n"
                "방문단은 9일부터 12일까지 로스앤젤레스에 머물며 기업을 방문하고 13일에는 뉴욕으로 이동한다.",
                D(2023, 5, 5))
    cities = day_cities(doc)
    assert {d: cities[D(2023, 5, d)] for d in range(9, 14)} == {
        9: ["Los Angeles"], 10: ["Los Angeles"], 11: ["Los Angeles"], 12: ["Los Angeles"], 13: ["New York City"]}
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Los Angeles"]


def test_a_move_worded_otherwise_after_a_dated_account_follows_that_day() -> None:
    doc = draft("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 14일까지 미국을 방문한다.\n"
                "방문단은 9일 시애틀에서 기업을 방문한다.\n"
                "박 군수는 이어 포틀랜드로 자리를 옮겨 시청을 찾을 예정이다.", D(2023, 5, 5))
    day = next(d for d in dated(doc) if d["date"] == D(2023, 5, 9))
    assert [p["city"]["en"] for p in day["places"]] == ["Seattle", "Portland"]


def test_a_caption_line_does_not_break_the_account_of_a_day() -> None:
    # The photo caption between the 18th and '다음날' is no sentence of the account: the next day
    # is the 19th, and '이날' after a credit line is still the day before it.
    text = ("충북도는 김철수 지사가 18일부터 3박 4일 일정으로 일본 도쿄를 방문한다고 17일 밝혔다.\n"
            "김 지사는 18일 도쿄에서 열리는 대회에 참석해 강연을 한다.\n"
            "김철수 지사.[사진=도청 제공] |\n"
            "다음날은 수출상담회에 참석해 기업인들을 격려할 예정이다.\n")
    doc = draft(text, dt.date(2023, 4, 17))
    assert [d["date"] for d in doc["days"] if d.get("date")][:2] == [dt.date(2023, 4, 18), dt.date(2023, 4, 19)]


SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "drafting" / "score_drafts.py"


def test_a_city_with_no_day_is_an_entry_of_days_without_a_date_that_validates_and_scores(tmp_path: Path) -> None:
    """The scorers read destinations from `days[]` (not from a `stops` list): a city the
    article gives no day is written there, with no date (none is invented), after the dated
    days; the draft validates, and the shared scorer counts the city as a destination."""
    from tripdesk.draft import writer

    text = ("가평군은 박민수 군수를 단장으로 한 방문단이 오는 8일부터 11일까지 일본을 방문한다.\n\n"
            "방문단은 9일 삿포로시를 방문해 시장과 면담한다.\n\n방문 기간 중 오사카를 찾아 현지 기업을 둘러볼 계획이다.")
    article = Article(name="made-up.txt", text=text, outlet="테스트일보")
    doc = draft_trip([article], KnownEntities(), YearHint(published=D(2023, 5, 5))).document
    assert [(d.get("date"), [p["city"]["en"] for p in d["places"]]) for d in doc["days"]] == [
        (D(2023, 5, 9), ["Sapporo"]), (None, ["Osaka"])]
    (osaka,) = stops(doc)
    assert not {"date", "start", "end"} & set(osaka) and "inferred" not in osaka
    yaml_text = writer.to_yaml(doc, "a made-up article")
    assert writer.check(yaml_text, {"made-up.txt": text}) == []
    # The shared scorer (../shared/drafting, which we cannot change) on this draft and a gold of two cities.
    if not SCORER.is_file():
        pytest.fail(f"the shared scorer is not at {SCORER}")
    spec = importlib.util.spec_from_file_location("score_drafts", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    sys.modules["score_drafts"] = scorer  # its dataclasses look their module up
    spec.loader.exec_module(scorer)
    (tmp_path / "made-up.yaml").write_text(yaml_text, encoding="utf-8")
    gold = {"id": "made-up", "leader": {"ko": "박민수"}, "start": "2023-05-08", "end": "2023-05-11",
            "destinations": [{"ko": "삿포로", "en": "Sapporo"}, {"ko": "오사카", "en": "Osaka"}]}
    result = scorer.score_article(gold, scorer.Draft.read(tmp_path / "made-up.yaml"), None)
    assert (result.counts["dest_r"].frac(), result.counts["dest_p"].frac()) == ("2/2", "2/2")
    # The same draft with its stop in the older `stops` list: the scorer does not see Osaka.
    old = {**doc, "days": [d for d in doc["days"] if "date" in d], "stops": [osaka]}
    (tmp_path / "made-up.yaml").write_text(writer.to_yaml(old, "older spelling"), encoding="utf-8")
    result = scorer.score_article(gold, scorer.Draft.read(tmp_path / "made-up.yaml"), None)
    assert result.counts["dest_r"].frac() == "1/2"
def test_a_sentence_whose_subject_goes_on_with_ieo_continues_the_day() -> None:
    # Each sentence is its own paragraph; '방문단은 이어 오전 10시' goes on from the 28th.
    text = ("충북도는 김철수 지사가 26일부터 31일까지 미국을 방문한다고 25일 밝혔다.\n"
            "방문단은 28일 오전 8시 뉴욕에서 동포 기업인들과 조찬을 했다.\n"
            "방문단은 이어 오전 10시 현지 회의실에서 우호교류 협약을 체결했다.\n")
    doc = draft(text, dt.date(2019, 10, 25))
    assert [a.get("date") for a in doc["agreements"]] == [dt.date(2019, 10, 28)]


def test_a_background_sentence_does_not_end_the_account_of_a_day() -> None:
    text = ("충북도는 김철수 지사가 26일부터 31일까지 미국을 방문한다고 25일 밝혔다.\n"
            "방문단은 28일 오전 8시 뉴욕에서 동포 기업인들과 조찬을 했다.\n"
            "이 기업인은 매년 고향을 위해 장학금을 내는 등 고향 사랑을 실천하고 있다.\n"
            "방문단은 이어 오전 10시 현지 회의실에서 우호교류 협약을 체결했다.\n")
    doc = draft(text, dt.date(2019, 10, 25))
    assert [a.get("date") for a in doc["agreements"]] == [dt.date(2019, 10, 28)]


def test_a_roster_of_others_who_attend_is_no_stop() -> None:
    # Session-18 held-out batch (강원 2023): the members of a meeting, counted with 등 N개 and the
    # subject of 참석한다, are not where the delegation goes; a list of cities it visits stays.
    doc = draft("강원도는 박민수 지사가 31일부터 11월 3일까지 일본을 방문한다.\n\n"
                "회의에는 일본에서는 이와테, 나가고, 교토, 돗토리, 오카야마 등 11개 지자체 관련자가 참석한다.\n\n"
                "방문단은 이어 나고야를 방문한다.", D(2023, 10, 30))
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Nagoya"]
    doc = draft("울산시는 박민수 시장이 9일부터 18일까지 해외를 방문한다.\n\n"
                "사절단은 태국 방콕, 아랍에미리트 아부다비·두바이 등 2개국 3개 도시를 방문한다.", D(2023, 3, 8))
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Bangkok", "Abu Dhabi", "Dubai"]


def test_a_city_visited_in_an_earlier_month_is_no_stop() -> None:
    # Session-18 held-out batch (여수 2025): '앞서 ... 지난 9월 칭다오를 방문해' is an earlier trip.
    doc = draft("여수시는 박민수 시장이 오는 11월 2~7일 중국 웨이하이를 방문한다고 밝혔다.\n\n"
                "앞서 여수시는 지난 9월 중국 칭다오를 방문해 박람회를 홍보했다.", D(2025, 10, 31))
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Weihai"]


def test_a_plan_given_up_or_handed_to_others_names_no_stop() -> None:
    # Session-18 held-out batch (en-seoul-2013-beijing): Shanghai was dropped from the trip.
    text = ("Seoul Mayor Park Won-soon will visit Beijing from April 21 to 23, the city said.\n\n"
            "Park will meet the mayor and visit a Korean company in Beijing.\n\n"
            "He originally planned to travel to Shanghai along with Beijing for seven days, but he modified the schedule.\n\n"
            "\u201cPark will instead send a delegation to Shanghai to sign an agreement there,\u201d an official said.")
    article = Article(name="made-up.txt", text=text, outlet="Test Daily", language="en")
    doc = draft_trip([article], KnownEntities(), YearHint(published=D(2013, 4, 16))).document
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Beijing"]
    doc = draft("가평군은 박민수 군수가 오는 8일부터 11일까지 일본 삿포로를 방문한다.\n\n"
                "당초 오사카도 방문할 계획이었으나 일정을 줄였다.", D(2023, 5, 5))
    assert [st["places"][0]["city"]["en"] for st in stops(doc)] == ["Sapporo"]


def test_an_agreement_in_a_plan_handed_to_others_is_not_the_trips() -> None:
    # Session-18 held-out batch (en-seoul-2013-beijing): the MOU is the Shanghai delegation's.
    text = ("Seoul Mayor Park Won-soon will visit Beijing from April 21 to 23, the city said.\n\n"
            "Park will adopt a joint declaration with the mayor of Beijing.\n\n"
            "\u201cPark will instead send a delegation to Shanghai to have them take charge of planned events such as "
            "signing a memorandum of understanding on economic cooperation,\u201d an official said.")
    article = Article(name="made-up.txt", text=text, outlet="Test Daily", language="en")
    doc = draft_trip([article], KnownEntities(), YearHint(published=D(2013, 4, 16))).document
    assert [a["kind"] for a in doc.get("agreements", [])] == ["joint declaration"]
    doc = draft("가평군은 박민수 군수가 오는 8일부터 11일까지 일본 삿포로를 방문해 우호협약을 체결한다.\n\n"
                "오사카시와 업무협약을 체결할 계획이었으나 취소했다.", D(2023, 5, 5))
    assert [a["kind"] for a in doc.get("agreements", [])] == ["other"]


def test_a_draft_whose_id_is_already_a_stored_trips_says_so_for_review() -> None:
    text = ("구미시는 김민수 구미시장을 단장으로 한 대표단이 10월 12일부터 20일까지 6박 9일 일정으로 미국을 방문한다고 "
            "밝혔다.\n대표단은 15일 헌츠빌을 방문한다.")
    article = Article(name="a.txt", text=text, outlet="테스트일보")
    fresh = draft_trip([article], KnownEntities(), YearHint(published=D(2024, 10, 10)))
    assert fresh.document["trip"]["id"] == "gumi-2024-us"
    assert not any("already a stored trip" in line for line in fresh.review)
    stored = draft_trip([article], KnownEntities(trips=frozenset({"gumi-2024-us"})),
                        YearHint(published=D(2024, 10, 10)))
    assert any("'gumi-2024-us' is already a stored trip's" in line for line in stored.review)


def test_the_day_before_the_reports_day_is_the_day_of_what_it_tells() -> None:
    doc = draft("대전시는 이장우 대전시장이 21일부터 27일까지 중국과 베트남을 방문한다고 밝혔다.\n"
                "24일 대전시에 따르면 이장우 대전시장은 전날(현지시간) 중국 시안시를 방문해 시안시장과 업무협약(MOU)을 "
                "체결했다.", D(2024, 4, 24))
    (agreement,) = doc["agreements"]
    assert agreement["date"] == D(2024, 4, 23)
    assert [d["date"] for d in dated(doc) if any(p["city"].get("en", "").startswith("Xi") for p in d["places"])] == [
        D(2024, 4, 23)]


def test_the_sentence_that_gives_the_range_may_tell_each_day_too() -> None:
    doc = draft("보령시는 이시우 보령시장을 단장으로 한 방문단이 일본을 방문한다고 13일 밝혔다.\n"
                "방문단은 15일 후지사와시에서 자매결연 조인 후 16일에는 축구 교류를 갖고 17일 요코하마 시찰을 실시한 후 "
                "오는 18일 귀국한다.", D(2031, 12, 13))
    assert (doc["trip"]["start"], doc["trip"]["end"]) == (D(2031, 12, 15), D(2031, 12, 18))
    cities = day_cities(doc)
    assert "Yokohama" in cities[D(2031, 12, 17)] and D(2031, 12, 16) in cities


def test_a_day_and_the_next_told_in_one_sentence_are_two_days() -> None:
    # (인천 2017: `이날 ... 시찰하고 다음 날 ... 업무협약을 체결할 예정이다`, between the sentence
    # that sets out and the one that comes home)
    doc = draft("유정복 인천시장이 투자 유치를 위해 11일 미국 출장길에 올랐다.\n"
                "유 시장은 첫 일정으로 이날 미국 코네티컷을 방문해 리조트의 주요시설을 시찰하고 다음 날 운영사인 MGM 그룹과 "
                "업무협약을 체결할 예정이다.\n"
                "13∼14일에는 인천시의 자매도시인 필라델피아시를 방문해 조형물을 기증할 계획이다.\n"
                "유 시장은 15일 뉴욕에서 유엔경제사회이사회 의장을 만나고 17일 귀국한다.", D(2017, 11, 10))
    assert (doc["trip"]["start"], doc["trip"]["end"]) == (D(2017, 11, 11), D(2017, 11, 17))
    days = {d["date"]: d for d in dated(doc)}
    assert {D(2017, 11, 11), D(2017, 11, 12), D(2017, 11, 15)} <= set(days)
    assert "코네티컷" in days[D(2017, 11, 11)]["evidence"][-1]["text"]
    assert days[D(2017, 11, 12)]["evidence"][-1]["text"].startswith("다음 날 운영사인 MGM")
    (agreement,) = doc["agreements"]
    assert agreement["date"] == D(2017, 11, 12)
    assert agreement["status"]["value"] == "planned"
    # the two days the sentence between departure and return ties Philadelphia to
    cities = day_cities(doc)
    assert "Philadelphia" in cities[D(2017, 11, 13)] and "Philadelphia" in cities[D(2017, 11, 14)]


def test_a_photo_captions_date_dates_a_page_that_prints_none_of_its_own() -> None:
    # (강원 2015, Newsis: `... 서명하고 향후 협력 확대를 약속했다. 2015.07.05. (사진=강원도청 제공)
    # photo@newsis.com 2015-07-05`; the report says `지난달 30일부터 5일까지`)
    from tripdesk.draft.articles import read_article

    page = ("강원도는 캐나다 알버타주를 방문했다고 6일 밝혔다.\n도는 지난달 30일부터 5일까지 김정삼 행정부지사를 비롯한 "
            "9명의 대표단을 구성해 캐나다 알버타주를 방문했다.\n【춘천=뉴시스】박혜미 기자 = 현지시간으로 지난 2일 "
            "캐나다 알버타 주에서 열린 퍼레이드에 강원도대표단이 참가하고 있다. 2015.07.05. (사진=강원도청 제공) "
            "photo@newsis.com 2015-07-05")
    article = read_article(page.encode(), "g.txt")
    assert article.published == D(2015, 7, 5) and "2015.07.05" in str(article.published_from)
    doc = draft_trip([article], KnownEntities(), YearHint()).document
    assert (doc["trip"]["start"], doc["trip"]["end"]) == (D(2015, 6, 30), D(2015, 7, 5))
    assert read_article("사진은 2015-07-05 photo@newsis.com".encode(), "h.txt").published is None
    assert read_article("캡션 photo@newsis.com 2015-07-05".encode(), "i.txt").published == D(2015, 7, 5)


def test_every_sentence_of_a_one_day_trip_is_of_that_day_but_not_of_an_open_ended_one() -> None:
    from tripdesk.draft.articles import read_article

    page = ("S. Korean city of Chuncheon forges sisterhood with Vietnam's Da Lat\n"
            "DA LAT, Vietnam, Dec. 21 (Yonhap) -- The South Korean city of Chuncheon and the Vietnamese city of Da Lat "
            "forged a sisterhood Saturday to step up bilateral cooperation.\n"
            "Chuncheon Mayor Lee Jae-soo signed an agreement with his Da Lat counterpart earlier in the day at Da Lat "
            "City Hall to link Chuncheon and Da Lat as sister cities.")
    article = read_article(page.encode(), "c.txt")
    doc = draft_trip([article], KnownEntities(), YearHint(published=D(2019, 12, 21))).document
    assert (doc["trip"]["start"], doc["trip"]["end"]) == (D(2019, 12, 21), D(2019, 12, 21))
    (agreement,) = doc["agreements"]
    assert agreement["date"] == D(2019, 12, 21) and agreement["kind"] == "sister-city"
    # a trip told by its start only is not one day: the sentences after it keep no day
    opened = draft("충북도는 이시종 지사가 오는 9일부터 미국 코네티컷주를 방문한다고 밝혔다.\n\n지사는 현지 기업을 찾아 "
                   "투자 협약을 체결할 예정이다.", D(2013, 6, 6))
    assert (opened["trip"]["start"], opened["trip"]["end"]) == (D(2013, 6, 9), D(2013, 6, 9))
    assert "date" not in opened["agreements"][0]


def test_the_sentence_of_a_trips_one_day_dates_what_it_tells() -> None:
    # (영동 2017: the one day the article ties the delegation to is told with the signing)
    doc = draft("충북 영동군이 미국 알라미다와 문화·청소년 교류에 나선다.\n\n군은 박세복 군수 일행이 미국을 방문해 이달 3일 "
                "알라마다와 자매결연 협약서에 서명한다고 1일 밝혔다.", D(2017, 7, 1))
    assert (doc["trip"]["start"], doc["trip"]["end"]) == (D(2017, 7, 3), D(2017, 7, 3))
    (agreement,) = doc["agreements"]
    assert agreement["kind"] == "sister-city" and agreement["date"] == D(2017, 7, 3)


def test_a_sister_city_tie_made_with_hada_is_the_days_signing_and_a_roster_of_partners_no_stops() -> None:
    # (사천 2023: `16일에는 제슈프시와 ... 자매결연을 한다`; 영동 2025: `필리핀 두마게티시, 중국 팡청강시, 미국
    # 알라미다시 ... 4곳과 자매결연 등을 해 ... 교류사업 등을 하고 있다`)
    doc = draft("박동식 사천시장이 14일부터 21일까지 폴란드와 프랑스를 방문한다.\n\n16일에는 폴란드 제슈프시와 항공산업 "
                "파트너십 구축을 위한 자매결연을 한다.\n\n시는 필리핀 두마게티시, 중국 팡청강시, 미국 시애틀시 3곳과 "
                "자매결연 등을 해 교류사업 등을 하고 있다.", D(2023, 6, 12))
    (agreement,) = doc["agreements"]
    assert agreement["kind"] == "sister-city" and agreement["date"] == D(2023, 6, 16)
    named = [p["city"].get("en") for day in doc["days"] for p in day.get("places", [])]
    assert not {"Dumaguete", "Seattle"} & set(named)


def test_a_bylines_stamp_after_an_outlet_with_a_digit_is_the_published_date() -> None:
    # (부산 2023, News1: `(부산=뉴스1) 손연우 기자 | 2023-05-30 16:45 송고`)
    from tripdesk.draft.articles import read_article

    page = "부산시의회-LA시의회 우호협력협약\n\n(부산=뉴스1) 손연우 기자 | 2023-05-30 16:45 송고\n\n대표단은 지난 23일 출국했다."
    assert read_article(page.encode(), "b.txt").published == D(2023, 5, 30)


def test_the_sentence_of_the_trips_start_with_a_range_of_its_own_dates_that_range() -> None:
    # dev set (김포 2019): `지난 15~16일 ... 지난시를 방문해` starts the trip, `17일 하택시를 방문해` ends it;
    # the 15th and 16th are in Jinan, not a stop somewhere in the 15th to the 17th
    doc = draft("정하영 김포시장, 하택시와 협약 체결\n\n김포시는 정 시장을 단장으로 한 대표단이 지난 15~16일 중국 산둥성 지난시를 방문해 행사에 참가했다고 21일 "
                "밝혔다.\n\n김포시 대표단은 17일 하택시를 방문해 교류협력 방안에 대해 협의했다.", D(2019, 10, 21))
    assert (doc["trip"]["start"], doc["trip"]["end"]) == (D(2019, 10, 15), D(2019, 10, 17))
    assert [(day["date"], [p["city"]["en"] for p in day["places"]]) for day in dated(doc)] == [
        (D(2019, 10, 15), ["Jinan"]), (D(2019, 10, 16), ["Jinan"]), (D(2019, 10, 17), ["Heze"])]


def test_the_first_day_of_a_trip_that_sets_out_is_its_departure_and_dates_no_agreement() -> None:
    # (성남 2024, the 21st held-out batch: `오는 7일부터 18일까지 9박12일 일정으로 미국 출장길에 오른다`, the 7th
    # told nowhere else)
    doc = draft("신상진 성남시장, 미국 출장\n\n5일 성남시에 따르면 신상진 시장은 오는 7일부터 18일까지 9박12일 일정으로 미국 "
                "출장길에 오르며 현지 기업과 MOU를 체결한다.\n\n신 시장은 8일 풀러턴시를 방문한다.", D(2024, 1, 5))
    first = dated(doc)[0]
    assert first["date"] == D(2024, 1, 7) and not first.get("places")
    assert [(e["kind"], e["title"]["ko"]) for e in first["events"]] == [("travel", "출국")]
    assert "sets out" in first["events"][0]["inferred"]["date"]["en"]
    assert all(a.get("date") != D(2024, 1, 7) for a in doc.get("agreements", []))
    # a range that says no setting out gets no such day
    doc = draft("신상진 성남시장은 오는 7일부터 18일까지 미국 풀러턴시 등을 방문한다.\n\n신 시장은 8일 풀러턴시를 방문한다.",
                D(2024, 1, 5))
    assert D(2024, 1, 7) not in [day["date"] for day in dated(doc)]


def test_a_range_of_days_told_without_a_city_dates_each_of_its_days() -> None:
    # (전북 2019, the 21st held-out batch: `송 지사는 26∼29일 자매결연한 뉴저지주를 방문해 주지사 등과 면담하고`:
    # a state, no city)
    doc = draft("송하진 전북도지사가 25일부터 다음 달 3일까지 미국을 방문한다.\n\n23일 전북도에 따르면 송 지사는 26∼29일 "
                "자매결연한 뉴저지주를 방문해 주지사 등과 면담하고, 전시관 개막식에 참석한다.", D(2019, 7, 23))
    told = [day for day in dated(doc) if any("26∼29일" in e["text"] for e in day.get("evidence", []))]
    assert [day["date"] for day in told] == [D(2019, 7, 26), D(2019, 7, 27), D(2019, 7, 28), D(2019, 7, 29)]
    assert len(told[0]["events"]) == 1 and not any(day.get("events") for day in told[1:])
    assert "26" in told[0]["events"][0]["inferred"]["date"]["en"]


def test_the_same_day_after_a_sentence_of_another_time_and_a_month_before_the_trip() -> None:
    # (금산 2023, the 23rd held-out batch: `이어 18일 ... 홍보관 개관식에 참석했다.` / `홍보관은 10월 군이 ...와
    # 우호교류협약 및 ... 인연을 맺은 ...` / `박 군수는 같은 날 ... 뉴욕퀸즈한인회를 방문해 우호교류 협약을 맺고`)
    doc = draft("박범인 금산군수는 17일 미국 뉴욕 첫 일정으로 2015년 뉴저지주에 개장한 매장을 방문했다.\n\n이어 18일 "
                "미국 뉴욕주에 새롭게 문을 연 홍보관 개관식에 참석했다.\n\n홍보관은 10월 군이 미주한인회총연합회와 "
                "우호교류협약 및 고향사랑기부를 통해 인연을 맺은 뉴욕한인회의 협조로 문을 열었다.\n\n박 군수는 같은 날 "
                "뉴욕퀸즈한인회를 방문해 우호교류 협약을 맺었다.\n\n실무진은 19일 베버리힐스를 찾았다. 21일 귀국할 예정이다.",
                D(2023, 12, 19))
    assert [(a["kind"], a.get("date")) for a in doc["agreements"]] == [("other", D(2023, 12, 18))]
    # the 17th's sentence names a city of the trip, whatever year it recalls: the 18th is not put in Beverly Hills
    eighteenth = next(day for day in dated(doc) if day["date"] == D(2023, 12, 18))
    assert [p["city"]["en"] for p in eighteenth.get("places", [])] != ["Beverly Hills"]


def test_an_agreement_exchanged_on_a_day_is_that_days_signing_and_a_delegation_dispatched_sets_out() -> None:
    # (경주 2025, the 23rd held-out batch: `주낙영 경주시장 18일 둔황시청에서 ... 협정서를 교환했다`)
    doc = draft("경주, 중국 둔황과 우호 도시 협정 체결\n\n주낙영 경주시장 18일 둔황시청에서 주젠쥔 둔황시장과 협정서를 "
                "교환했다. 주 시장은 지난 17일부터 5박 6일 일정으로 둔황과 베이징을 방문 중이다.", D(2025, 11, 19))
    assert [(a["kind"], a.get("date")) for a in doc["agreements"]] == [("other", D(2025, 11, 18))]
    # (대구 2000: `문희갑 시장을 단장으로 하는 대규모 대표단을 20일부터 27일까지 파견`)
    doc = draft("대구시는 오는 25일 중국 칭따오시에서 열리는 축제에 문희갑 시장을 단장으로 하는 대규모 대표단을 20일부터 "
                "27일까지 파견, 칭따오시와 교류협력을 확대키로 했다.\n\n대표단은 26일 충칭시를 방문한다.", D(2000, 8, 18))
    assert dated(doc)[0]["date"] == D(2000, 8, 20) and dated(doc)[0]["events"][0]["kind"] == "travel"


def test_the_year_a_museum_opened_is_not_the_time_of_the_sentence() -> None:
    # (전남 2022, the 27th held-out batch: `오는 18~19일 ... 시카고에서 ... 지난 2021년 개관한 전남도립미술관과의
    # 교류를 논의한다`: Chicago is the trip's first stop, whatever year the museum opened)
    doc = draft("김영록 전남도지사가 오는 18일 9일간의 일정으로 미국 방문길에 오른다.\n\n김 지사는 먼저, 오는 18~19일 첫 "
                "방문지인 시카고에서 미술관을 방문해 지난 2021년 개관한 전남도립미술관과의 교류를 논의한다.\n\n"
                "21일 미주리주 캔자스시티에서는 투자협약을 할 예정이다.", D(2022, 9, 15))
    cities = day_cities(doc)
    assert cities[D(2022, 9, 18)] == ["Chicago"] and cities[D(2022, 9, 19)] == ["Chicago"]
    # a year the sentence tells of is still another time: that visit's city is no stop of this trip
    doc = draft("김영록 전남도지사가 오는 18일 9일간의 일정으로 미국 방문길에 오른다.\n\n김 지사는 2018년 시카고를 방문한 바 "
                "있다.\n\n21일 미주리주 캔자스시티에서는 투자협약을 할 예정이다.", D(2022, 9, 15))
    assert "Chicago" not in {c for cs in day_cities(doc).values() for c in cs}


def test_the_same_day_as_a_departure_told_after_the_return() -> None:
    # (서울 2017, the 27th held-out batch: the lead tells the return on the 13th; `박 시장은 11일 ...
    # 인천공항을 출발했다. 파리에 도착한 시간은 같은 날 오후 3시(현지시간).`: the 11th, in Paris)
    doc = draft("박원순 서울시장이 1박3일간의 프랑스 파리 출장을 마치고 13일 오후 귀국했다.\n\n박 시장은 11일 오전 9시55분 "
                "인천공항을 출발했다. 파리에 도착한 시간은 같은 날 오후 3시(현지시간). 박 시장은 파리에서 하룻밤을 보내고 "
                "12일 오후 9시 귀국 비행기에 올랐다.", D(2017, 12, 14))
    assert day_cities(doc)[D(2017, 12, 11)] == ["Paris"]
    eleventh = next(day for day in dated(doc) if day["date"] == D(2017, 12, 11))
    assert any("같은 날" in e["text"] for e in eleventh["evidence"])


def test_one_agreement_told_in_the_headline_the_body_and_its_ceremony() -> None:
    # (충주 2023, the 28th held-out batch: `업무협약(MOU) 체결` in the headline, `지난 1일 ... 업무협약을
    # 체결하였다`, then `MOU체결식은 ... 한인상공회의소 회장이 함께 서명한 협약서를 교환하였다`)
    doc = draft("워싱턴주 한인상공회의소, 충주시와 상호 교류 협력 업무협약(MOU) 체결\n\n시애틀을 방문 중인 충주시 대표단이 "
                "지난 1일 워싱턴주 한인상공회의소와 상호 교류 및 협력을 위한 업무협약을 체결하였다.\n\n충주시 방문단 환송을 "
                "겸한 MOU체결식은 벨뷰 뉴포트 요트 클럽에서 개최되었으며, 조길형 충주시장과 박용국 워싱턴주 "
                "한인상공회의소 회장이 함께 서명한 협약서를 교환하였다.", D(2023, 8, 3))
    (agreement,) = doc["agreements"]
    assert agreement["kind"] in ("MOU", "business agreement") and len(agreement["evidence"]) == 3
    # (영월 2024, the 29th held-out batch: `업무협약(MOU)을 체결했다`, then `이외 수출협약도 ... 체결해`: an export
    # agreement besides it is another, not the MOU told again)
    doc = draft("최명서 영월군수와 안 회장은 지난 25일 미국 뉴욕에서 상호교류 확대를 위한 업무협약(MOU)을 체결했다.\n"
                "이외 수출협약도 Gangwon TradingINC와 체결해 김치류, 장류 등 수출길을 마련했다.", D(2024, 5, 29))
    assert sorted(a["kind"] for a in doc["agreements"]) == ["MOU", "business agreement"]
    # (완도 2015, the 29th held-out batch: `업무협약을 체결했다`, `업무협약(MOU)을 체결했다`, then `MOU 체결 후 양 측은`)
    doc = draft("SD 한인회와 완도군이 지난 11일 업무협약을 체결했다.\n샌디에고 한인회(회장 이묘순)와 완도군(군수 신우철)이 "
                "업무협약(MOU)을 체결했다.\n지난 11일 미국 샌디에고 한인회관에서 열린 체결식에서 신우철 군수가 서명했다.\n"
                "MOU 체결 후 양 측은 한식당에서 간담회를 가졌다.", D(2015, 2, 14))
    (agreement,) = doc["agreements"]
    assert len(agreement["evidence"]) >= 3


def test_a_start_and_a_length_of_a_sentence_of_its_own_put_its_city_on_each_day() -> None:
    # (진주 2024, the 28th held-out batch: `21~28일 중국·이집트·아랍에미리트를 방문`, then `첫 일정으로 21일부터
    # 3일간 국제우호도시 중국 정저우시를 찾아`: Zhengzhou on the 21st, 22nd and 23rd)
    doc = draft("경남 진주시는 조규일 시장을 단장으로 한 글로벌교류단이 21~28일 중국·이집트·아랍에미리트를 방문한다고 "
                "밝혔다.\n\n첫 일정으로 21일부터 3일간 국제우호도시 중국 정저우시를 찾아 교류 협력을 강화한다.",
                D(2024, 10, 20))
    cities = day_cities(doc)
    assert [cities.get(D(2024, 10, d)) for d in (21, 22, 23)] == [["Zhengzhou"]] * 3
    assert "Zhengzhou" not in (cities.get(D(2024, 10, 24)) or [])


def test_the_sentence_of_the_first_day_tied_is_that_days_not_a_range() -> None:
    # (화천 2018, the 28th held-out batch: no range; the 15th in Harbin, then `12일 선양시에서 열린
    # 세계겨울도시시장회의장에서 만난`: the 12th in Shenyang, the first of the days the article ties)
    doc = draft("최문순 화천군수와 장만평 하얼빈 부시장은 지난 15일 하얼빈시에서 열린 회담에서 교류협력을 강화키로 "
                "약속했다. 당초 최군수의 하얼빈 방문은 계약이 주 목적이었으나, 12일 선양시에서 열린 "
                "세계겨울도시시장회의장에서 만난 하얼빈시 관계자의 요청에 의해 부시장과의 만남이 성사됐다.",
                D(2018, 9, 16))
    cities = day_cities(doc)
    # (the sentence also names Harbin, the visit it tells the purpose of, which the day keeps too)
    assert "Shenyang" in cities[D(2018, 9, 12)] and cities[D(2018, 9, 15)][0] == "Harbin"


def test_an_agreement_is_dated_by_the_day_told_before_it_not_by_the_sentences_range() -> None:
    # (함양 2017, the 29th held-out batch: `이어 8일은 ... K마트에서 ... 업무협약을 맺고, 7~13일까지는 ... 판촉활동을
    # 벌일 계획이다`: the agreement is the 8th's)
    doc = draft("임창호 함양군수 등 방문단은 6일부터 13일까지 베트남 하노이와 호치민을 방문한다.\n"
                "이어 8일은 베트남에 91개의 직영점을 운영하는 K마트에서 함양농산물 수출확대를 위한 업무협약을 맺고, "
                "7~13일까지는 25개 품목의 농특산품 판촉활동을 벌일 계획이다.", D(2017, 6, 5))
    (agreement,) = doc["agreements"]
    assert agreement["date"] == D(2017, 6, 8)
    assert "8일" in agreement["inferred"]["date"]["en"]


def test_cities_whose_examples_the_delegation_studied_are_stops_of_the_trip() -> None:
    # (부천 2024, the 30th held-out batch: `뉴욕과 보스턴의 성공 사례도 살폈다`, no day told)
    doc = draft("부천시(시장 조용익)가 지난달 22일부터 8월 4일까지 미국 방문 연수를 진행했다고 밝혔다.\n"
                "노후 공업지역 재생을 위해 뉴욕과 보스턴의 성공 사례도 살폈다.", D(2024, 8, 9))
    names = [p["city"]["en"] for stop in stops(doc) for p in stop["places"]]
    assert "New York City" in names and "Boston" in names


def test_a_range_from_the_day_before_and_a_city_named_by_its_association_of_home_natives() -> None:
    # (경북 2024, the 30th held-out batch: `26일 일본으로 출국한다`, `이날부터 29일까지 도쿄와 오사카 ...`, then
    # `27일은 도쿄도민회, 28일에는 오사카도민회 신년회에 참석한다`)
    doc = draft("이철우 경상북도지사가 26일 일본으로 출국한다.\n이 도지사는 이날부터 29일까지 도쿄와 오사카 지역의 "
                "경북도민회 신년회 참석을 위해 4일간의 일정으로 일본을 방문한다.\n27일은 도쿄도민회, 28일에는 "
                "오사카도민회 신년회에 참석한다.\n29일은 일본 히로시마현과 우호교류협약을 체결한다.", D(2024, 1, 25))
    cities = {day["date"]: [p["city"].get("en") or p["city"]["ko"] for p in day.get("places", [])] for day in dated(doc)}
    assert cities.get(D(2024, 1, 27)) == ["Tokyo"] and cities.get(D(2024, 1, 28)) == ["Osaka"]
    assert "Tokyo" not in (cities.get(D(2024, 1, 29)) or [])


def test_an_agreement_of_the_host_with_another_korean_city_and_one_told_again_with_this() -> None:
    # (관악 2023, the 31st held-out batch: `풀러튼 시는 용인시에 이어서 2번째로 성남 시와 자매 결연을 맺었다`, in a
    # report of the district's visit to Fullerton)
    doc = draft("박준희 관악구청장은 지난 11일 미국 풀러튼 시청을 방문해 시장과 교류를 논의했다.\n"
                "풀러튼 시는 용인시에 이어서 2번째로 성남 시와 자매 결연을 맺었다.", D(2023, 7, 14))
    assert doc.get("agreements", []) == []
    # (증평 2023: `칸달주와의 우호교류 의향서 체결이다`, then `이는 군이 ... 처음으로 체결한 협약이다`: one agreement)
    doc = draft("이재영 증평군수는 지난 7일 캄보디아 칸달주를 방문해 우호교류 의향서를 체결했다.\n"
                "이는 군이 동남아시아 국가 도시 중 처음으로 체결한 협약이다.", D(2023, 6, 9))
    (agreement,) = doc["agreements"]
    assert agreement["kind"] == "letter of intent" and len(agreement["evidence"]) == 2


def test_a_signing_reported_on_the_report_day_and_held_that_day_and_the_pairs_it_lists() -> None:
    # (광주 2022, the 31st held-out batch: `응에안성과 자매결연 협약을 체결했다고 27일 밝혔다`, `26일 하노이 일정`, then
    # `이날 협약식에서는 ... 의회와 응에안성 의회, ... 와이마트와 ... 센터, ... 디아코니아와 빈 의과대학간 협력 양해각서도
    # 체결됐다`: the 27th is a day of the trip, the sister-city agreement and three memorandums are of it)
    doc = draft("광주광역시는 베트남 중북부 중심도시인 응에안성과 자매결연 협약을 체결했다고 27일 밝혔다.\n"
                "문영훈 행정부시장을 단장으로 한 광주시 방문단은 응에안성 인민위원장을 만나 교류하기로 합의했다.\n"
                "또 관광 개발과 직항로 개설을 위해 노력하고 공무원 교류에 합의했다.\n"
                "이날 협약식에서는 광주시 외에 광주광역시 의회와 응에안성 의회, 광주에 있는 유통기업인 와이마트와 응에안성 "
                "투자무역센터, 사단법인 디아코니아와 빈 의과대학간 협력 양해각서도 체결됐다.\n"
                "광주시 방문단은 응에안성 방문에 앞서 26일 하노이 일정에서 베트남 외교부 제1차관을 예방했다.",
                D(2022, 10, 27))
    assert (doc["trip"]["start"], doc["trip"]["end"]) == (D(2022, 10, 26), D(2022, 10, 27))
    kinds = sorted((a["kind"], a.get("date")) for a in doc["agreements"])
    assert kinds == [("MOU", D(2022, 10, 27))] * 3 + [("sister-city", D(2022, 10, 27))]


def test_the_one_city_is_not_put_on_a_day_told_in_another_country() -> None:
    # (고흥 2019, the 33rd held-out batch: `지난 8일과 11일 체코와 이탈리아에서 ..., 지난 14일에는 말레이시아에서 ...,
    # 16일에는 홍콩에서`: Hong Kong, the one city named, is the 16th's only)
    doc = draft("송귀근 고흥군수를 단장으로 한 수출촉진단이 지난 8일부터 18일까지 유럽과 아시아를 방문했다.\n\n수출촉진단은 지난 "
                "8일과 11일 체코와 이탈리아에서 190만 달러의 수출협약을 체결한데 이어, 지난 14일에는 말레이시아에서 100만 달러, "
                "16일에는 홍콩에서 400만 달러의 수출협약을 체결했다고 밝혔다.", D(2019, 8, 19))
    by_day = cities_by_day(doc)
    assert by_day[16] == ["Hong Kong"]
    assert by_day[8] == by_day[11] == by_day[14] == []


def test_the_first_programme_is_the_first_day_and_a_delegation_named_by_its_cities_is_no_days_place() -> None:
    # (당진 2013: `... 대련시 보세구를 방문하고 항만시설을 시찰하는 것으로 첫 일정을 시작해` is the 18th, in Dalian;
    # `이번 중국 대련, 청도시 방문단은 18일 ... 출발하고` says nothing of where the 18th is spent)
    doc = draft("이철환 당진시장이 국제교류를 위해 11월 18일부터 4박 5일 일정으로 중국 대련 및 청도시를 방문한다.\n"
                "방문단은 대련시 보세구를 방문하고 항만시설을 시찰하는 것으로 첫 일정을 시작해, 대련시 항만부시장을 접견하게 된다.\n"
                "다음 날 19일에는 당진시 미래비전 설명회를 갖고, 우호항만건립 MOU를 체결할 예정이다.\n"
                "이번 중국 대련, 청도시 방문단은 18일 오전 10시에 인천에서 출발하고, 22일 오후 다시 인천에 도착할 예정이라고 "
                "밝혔다.", D(2013, 11, 15))
    by_day = cities_by_day(doc)
    assert by_day[18] == ["Dalian"] and by_day[19] == ["Dalian"]
    # the first programme of one city among several is not the trip's first day
    from tripdesk.draft.dates import relative_day

    assert relative_day("뉴욕 첫 일정으로 유엔본부를 찾았다.", None, D(2013, 11, 18), D(2013, 11, 22)) is None
    assert relative_day("방일 첫 일정으로 가라츠시를 찾았다.", None, D(2013, 11, 18), D(2013, 11, 22))[0] == D(2013, 11, 18)


def test_one_city_written_two_ways_on_a_day_is_one_place() -> None:
    # (대구 2018, the 34th held-out batch: `3일은 히로시마 시와 의회를 공식 방문하고 ... 히로시마 시장 및 ...`)
    doc = draft("권영진 대구시장 일행은 5월 2일부터 5일까지 일본 히로시마를 방문한다.\n3일은 히로시마 시와 의회를 공식 방문하고 "
                "이어서 대구의 날 행사를 히로시마 시장 및 현지교민 등이 참석한 가운데 히로시마에서 개최한다.", D(2018, 4, 30))
    (third,) = [day for day in dated(doc) if day["date"].day == 3]
    assert [p["city"].get("en") for p in third["places"]] == ["Hiroshima"]


def test_a_country_only_named_on_a_day_leaves_the_trips_one_city_there() -> None:
    # (the review of session 28: `8일에는 중국 기업 관계자들을 만나` in a trip to Seattle alone is still in Seattle)
    doc = draft("김장호 구미시장을 단장으로 한 대표단이 7일부터 9일까지 미국 시애틀을 방문한다.\n8일에는 중국 기업 관계자들을 만나 "
                "투자를 논의한다.", D(2024, 5, 1))
    by_day = cities_by_day(doc)
    assert by_day[8] == ["Seattle"]


def test_the_first_day_written_in_two_words() -> None:
    # (전북 2016, the 37th held-out batch: `송 지사는 방일 첫 날 일본 도쿄에서 열리는 ... 설명회에 참석`)
    doc = draft("송하진 전북도지사가 오는 23일부터 25일까지 일본을 방문한다.\n송 지사는 방일 첫 날 일본 도쿄에서 열리는 "
                "전북관광설명회에 참석할 예정이다.\n다음날 24일에는 아사히신문과 인터뷰를 한다.", D(2016, 9, 20))
    assert cities_by_day(doc) == {23: ["Tokyo"], 24: ["Tokyo"]}


def test_that_day_with_its_date_is_the_date_it_says() -> None:
    # (성남 2025, the 37th held-out batch: `6월 19일 ... 텐센트를 방문한다.` then `타잉화성과 자매결연 체결 협약식은
    # 이날(6.20) 오후 4시 타잉화성 인민위원회 청사에서`: the 20th, not the day told before)
    doc = draft("신상진 성남시장 일행은 6월 17일부터 22일까지 중국 후이저우시와 베트남 타잉화성을 방문한다.\n"
                "성남시 대표단은 6월 19일 중국의 텐센트를 방문한다.\n타잉화성과 자매결연 체결 협약식은 이날(6.20) 오후 4시 "
                "베트남 타잉화성 인민위원회 청사에서 열린다.", D(2025, 6, 17))
    assert [str(a.get("date")) for a in doc["agreements"]] == ["2025-06-20"]


def test_a_first_flap_of_wings_and_an_events_first_day_are_not_the_trips_first_day() -> None:
    # (from a review of `첫 날` in two words) not `첫 날갯짓`, nor `박람회 개막 첫 날`
    doc = draft("송하진 전북도지사가 오는 23일부터 26일까지 우즈베키스탄을 방문한다.\n24일에는 사마르칸트를 방문한다.\n"
                "이어 부하라에서 열리는 투자설명회에 참석해 중앙아시아 진출의 첫 날갯짓을 편다.", D(2016, 9, 20))
    assert 23 not in cities_by_day(doc)
    doc = draft("이장우 대전시장이 오는 23일부터 26일까지 미국을 방문한다.\n25일에는 시카고로 이동한다.\n"
                "이 시장은 박람회 개막 첫 날 시카고 한인회 관계자들과 대전관을 둘러본다.", D(2016, 9, 20))
    assert 23 not in cities_by_day(doc)


def test_that_day_with_its_date_across_the_new_year() -> None:
    # the year whose date is in the trip
    doc = draft("김영록 전남도지사 일행은 12월 29일부터 1월 3일까지 베트남을 방문한다.\n도는 30일 하노이를 방문한다.\n"
                "호찌민시와 자매결연 체결 협약식은 이날(1.2) 오후 베트남 호찌민시청에서 열린다.", D(2024, 12, 20))
    assert [str(a.get("date")) for a in doc["agreements"]] == ["2025-01-02"]
