"""The dates extractor: mentions, the trip's range and span, the year and month worked out."""

from __future__ import annotations

import datetime as dt

import pytest

from tripdesk.draft.dates import (NoTripDates, NoYear, YearHint, find_mentions, find_span, relative_day,
                                  report_day, resolve_day, trip_dates)

D = dt.date


def test_a_range_with_the_month_once_and_a_span() -> None:
    text = "대표단이 10월 12일부터 20일까지 6박 9일 일정으로 미국을 방문한다. 10일 구미시에 따르면"
    dates = trip_dates(text, YearHint(published=D(2024, 10, 10)))
    assert (dates.start.date, dates.end.date) == (D(2024, 10, 12), D(2024, 10, 20))
    assert dates.span is not None and (dates.span.nights, dates.span.days) == (6, 9)
    assert "2024-10-10" in (dates.start.reason or "")
    assert "20일" in (dates.end.reason or "")
    assert report_day(text) == (10, "10일 구미시에 따르면")


def test_the_year_comes_from_an_event_named_with_it() -> None:
    dates = trip_dates("시장은 3월 2일부터 6일까지 4박 5일간 MWC 2023 참관을 위해 바르셀로나를 방문한다.")
    assert dates.start.date == D(2023, 3, 2)
    assert "MWC 2023" in (dates.start.reason or "")


def test_days_without_a_month_take_it_from_a_recurring_fair() -> None:
    dates = trip_dates("부시장은 5일부터 12일까지 6박 8일간 라스베이거스를 방문하여 CES 2025 개관식에 참석한다.")
    assert (dates.start.date, dates.end.date) == (D(2025, 1, 5), D(2025, 1, 12))
    assert "CES" in (dates.start.reason or "")
    # the BIO International Convention, as Korean reports name it, is June's
    dates = trip_dates("시장은 지난 14일부터 22일까지 보스턴을 방문했다. 세계 최대 바이오 전시회인 BIO USA 2025에도 참가했다.")
    assert (dates.start.date, dates.end.date) == (D(2025, 6, 14), D(2025, 6, 22))


def test_a_weekday_decides_the_year_and_says_so() -> None:
    dates = trip_dates("시장은 2월 15일(수)부터 2월 21일(화)까지 미국을 방문한다.")
    assert dates.start.date.weekday() == 2 and dates.start.date.month == 2
    assert "수요일" in (dates.start.reason or "")


def test_a_weekday_that_contradicts_the_date_is_reported() -> None:
    dates = trip_dates("2024년 10월 12일(월)부터 10월 20일까지 방문한다.")
    assert any("월요일" in w for w in dates.warnings)


def test_no_year_anywhere_is_an_error_that_says_how_to_give_one() -> None:
    with pytest.raises(NoYear, match="--published"):
        trip_dates("사절단은 2.15일부터 2.23일(6박9일)까지 일정으로 방문했다.")
    dates = trip_dates("사절단은 2.15일부터 2.23일(6박9일)까지 일정으로 방문했다.", YearHint(year=2013))
    assert (dates.start.date, dates.end.date) == (D(2013, 2, 15), D(2013, 2, 23))


def test_no_range_is_no_trip() -> None:
    with pytest.raises(NoTripDates):
        trip_dates("구미시는 방산매출 국내 2위 도시로 자리매김하고 있다.")


def test_a_span_that_contradicts_the_range_is_left_out() -> None:
    dates = trip_dates("2024년 10월 12일부터 10월 20일까지 5박 7일 일정")
    assert dates.span is None and dates.warnings


def test_a_range_across_the_end_of_a_month() -> None:
    dates = trip_dates("2024년 9월 28일부터 3일까지 방문")
    assert (dates.start.date, dates.end.date) == (D(2024, 9, 28), D(2024, 10, 3))


def test_a_text_that_lost_its_month_mark_is_read_and_the_repair_said() -> None:
    text = "위해 212일부터 20일까지 79일간 미주지역 경제사절단을 파견한다고 밝혔다."
    dates = trip_dates(text, YearHint(year=2017))
    assert (dates.start.date, dates.end.date) == (D(2017, 2, 12), D(2017, 2, 20))
    assert dates.span is not None and (dates.span.nights, dates.span.days) == (7, 9)
    assert "212일" in (dates.start.reason or "")


def test_mentions_keep_their_words_and_relative_markers() -> None:
    mentions = find_mentions("지난 17일 시애틀을 찾았다. 오는 9일(목)에는 서명한다.")
    assert [(m.text, m.day, m.relative, m.weekday) for m in mentions] == [
        ("17일", 17, "지난", None), ("9일(목)", 9, "오는", 3)]


def test_days_resolve_inside_the_trip_only() -> None:
    start, end = D(2024, 10, 12), D(2024, 10, 20)
    m15, m10 = find_mentions("15일에는 헌츠빌. 10일 구미시에 따르면")
    assert resolve_day(m15, start, end) == D(2024, 10, 15)
    assert resolve_day(m10, start, end) is None  # the report's day, before the trip
    assert relative_day("이튿날에는 공장을 찾았다", D(2024, 10, 15), start) == (D(2024, 10, 16), "이튿날")
    assert relative_day("이날 시청을 방문했다", D(2024, 10, 17), start) == (D(2024, 10, 17), "이날")


def test_a_start_and_a_span_end_the_trip_and_another_date_gives_the_month() -> None:
    text = ("횡성군은 자매결연도시인 야즈정과의 교류 20주년을 기념해 31일부터 3박 4일 일정으로 야즈정을 방문한다. "
            "이번 방문은 지난 2005년 체결된 자매결연 20주년을 기념해 마련됐다. 대표단은 오는 11월 2일 열리는 제막식에 참석한다.")
    dates = trip_dates(text)
    assert (dates.start.date, dates.end.date) == (D(2025, 10, 31), D(2025, 11, 3))
    assert "11월 2일" in (dates.start.reason or "") and "2005" in (dates.start.reason or "")


def test_a_start_day_takes_the_month_of_the_end_or_the_one_before() -> None:
    dates = trip_dates("군은 31일부터 8월 4일까지 4박 5일 일정으로 대표단을 파견한다.", YearHint(year=2025))
    assert (dates.start.date, dates.end.date) == (D(2025, 7, 31), D(2025, 8, 4))


def test_a_day_range_sharing_one_il() -> None:
    dates = trip_dates("경기도는 지사가 오는 12~17일 독일과 프랑스를 방문한다고 10일 밝혔다.", YearHint(published=D(2016, 11, 10)))
    assert (dates.start.date, dates.end.date) == (D(2016, 11, 12), D(2016, 11, 17))


def test_a_start_and_a_length_in_days() -> None:
    dates = trip_dates("대전시는 경제사절단이 오는 23일부터 7일간 북미 출장에 나선다고 21일 밝혔다.",
                       YearHint(published=D(2024, 6, 21)))
    assert (dates.start.date, dates.end.date) == (D(2024, 6, 23), D(2024, 6, 29))


def test_english_dates_ranges_and_spans() -> None:
    dates = trip_dates("The delegation will visit the U.S. for 6 nights and 9 days from October 12 to 20 "
                       "to see AUSA 2024.")
    assert (dates.start.date, dates.end.date) == (D(2024, 10, 12), D(2024, 10, 20))
    assert dates.span is not None and (dates.span.nights, dates.span.days) == (6, 9)
    dates = trip_dates("He will visit Las Vegas from the 5th to the 12th to attend CES 2025.")
    assert (dates.start.date, dates.end.date) == (D(2025, 1, 5), D(2025, 1, 12))
    assert [(m.text, m.day) for m in find_mentions("On the 15th, they will visit Huntsville.")] == [("the 15th", 15)]


# -- months named relative to the article's, lengths in words, departure and return -----------


def test_an_end_in_the_next_month_is_read_from_da_eum_dal() -> None:
    dates = trip_dates("대표단은 오는 29일부터 다음 달 3일까지 프랑스를 찾는다.", YearHint(published=D(2021, 4, 26)))
    assert (dates.start.date, dates.end.date) == (D(2021, 4, 29), D(2021, 5, 3))
    assert "relative" in (dates.end.reason or "")


def test_a_start_last_month_is_read_from_the_published_date() -> None:
    dates = trip_dates("군수 일행은 지난달 29일부터 2일까지 3박 4일 일정으로 태국을 다녀왔다.",
                       YearHint(published=D(2022, 1, 4)))
    assert (dates.start.date, dates.end.date) == (D(2021, 12, 29), D(2022, 1, 2))
    assert "month 12 of 2021" in (dates.start.reason or "")


def test_without_a_published_date_the_next_month_follows_the_start() -> None:
    mentions = find_mentions("2020년 9월 28일부터 다음 달 5일까지")
    assert [m.month_offset for m in mentions] == [None, 1]
    dates = trip_dates("시장은 2020년 9월 28일부터 다음 달 5일까지 캐나다를 방문한다.")
    assert dates.end.date == D(2020, 10, 5)


def test_a_length_in_words_gives_the_end_and_a_span_without_nights() -> None:
    dates = trip_dates("시장 일행이 14일부터 나흘 일정으로 베트남을 방문한다고 12일 밝혔다.",
                       YearHint(published=D(2023, 3, 12)))
    assert (dates.start.date, dates.end.date) == (D(2023, 3, 14), D(2023, 3, 17))
    assert dates.span is not None and (dates.span.nights, dates.span.days) == (None, 4)


def test_seventeen_il_iljeong_alone_is_not_a_span() -> None:
    dates = trip_dates("의장은 5월 3일부터 9일까지 호주를 찾는다. 7일 일정은 시드니에서 열린다.",
                       YearHint(published=D(2024, 4, 30)))
    assert dates.span is None


def test_the_day_set_out_and_the_day_home_make_the_range() -> None:
    text = "구청장은 다낭을 찾았다. 구청장은 지난 4일부터 박람회 등에 참석했고 면담을 마치고 7일 귀국했다."
    dates = trip_dates(text, YearHint(published=D(2024, 6, 8)))
    assert (dates.start.date, dates.end.date) == (D(2024, 6, 4), D(2024, 6, 7))
    assert dates.evidence in text
    dates = trip_dates("군수는 11일 출국해 일정을 소화한 뒤 15일 오후 귀국한다.", YearHint(published=D(2024, 6, 8)))
    assert (dates.start.date, dates.end.date) == (D(2024, 6, 11), D(2024, 6, 15))


def test_a_return_before_the_start_is_no_range() -> None:
    with pytest.raises(NoTripDates):
        trip_dates("시장은 20일부터 회의에 참석했다. 앞서 3일 귀국했다.", YearHint(published=D(2024, 6, 8)))


def test_days_counted_from_the_start_or_the_end_of_the_trip() -> None:
    start, end = D(2022, 9, 5), D(2022, 9, 9)
    assert relative_day("셋째 날에는 공장을 둘러본다", None, start, end) == (D(2022, 9, 7), "셋째 날")
    assert relative_day("마지막 날 시청을 찾는다", None, start, end) == (end, "마지막 날")
    # the second day in one city is not the trip's second day
    assert relative_day("오사카 방문 둘째 날에는 대학을 찾는다", None, start, end) is None
    assert relative_day("이번 방문 둘째 날에는 대학을 찾는다", None, start, end) == (D(2022, 9, 6), "둘째 날")


def test_an_events_own_dates_are_not_the_trips_range() -> None:
    # The fair's dates (a sentence saying it is held, naming no one of the delegation) are not the
    # trip's; the day of the departure and the span are.
    text = ("도는 5일 박 지사가 4박 6일 일정으로 독일 출장길에 올랐다고 밝혔다. "
            "박람회는 3∼9일 세계 80개국 기업이 참가한 가운데 하노버 전시장에서 열린다.")
    dates = trip_dates(text, YearHint(published=D(2024, 3, 5)))
    assert (dates.start.date, dates.end.date) == (D(2024, 3, 5), D(2024, 3, 10))
    assert dates.span is not None and dates.span.days == 6
    # (부안 2005, the 30th held-out batch: `지난 15일부터 21일까지 심양시에서 치러지는 ‘심양시 한국주’행사는`; the county
    # head went on the 14th, attends the opening on the 15th and calls on the mayor on the 16th)
    text = ("김종규 부안군수가 지난14일 중국 심양시가 주최하는 행사에 초청, 방문했다.\n지난 15일부터 21일까지 심양시에서 "
            "치러지는 ‘심양시 한국주’행사는 문화교류를 강화하기 위해 공동 개최한 것으로 알려졌다.\n김 군수 일행은 15일 "
            "개막식 행사에 참석한 후, 16일 심양시장을 예방하고 교류협력 증진 방안을 협의할 예정이다.")
    dates = trip_dates(text, YearHint(published=D(2005, 5, 16)))
    assert (dates.start.date, dates.end.date) == (D(2005, 5, 14), D(2005, 5, 16))
    # (영광 2025, the 30th held-out batch: `24일 밤 출국한다` ... `27일 저녁 비행기로 귀국한다`)
    text = ("영광군은 장세일 군수를 포함한 방문단 일행이 인도네시아 발리를 방문하기 위해 24일 밤 출국한다고 밝혔다.\n"
            "26일에는 오전 기안야르시와 업무협약 체결이 계획되어 있다. 27일은 수출상담회를 진행하고 이후 27일 저녁 "
            "비행기로 귀국한다.")
    dates = trip_dates(text, YearHint(published=D(2025, 6, 24)))
    assert (dates.start.date, dates.end.date) == (D(2025, 6, 24), D(2025, 6, 27))


def test_an_events_dates_remain_the_range_when_the_delegation_attends_it() -> None:
    text = "시장 일행은 박람회가 열리는 3∼9일 하노버를 방문한다. 박람회는 3∼9일 열린다."
    dates = trip_dates(text, YearHint(published=D(2024, 3, 1)))
    assert (dates.start.date, dates.end.date) == (D(2024, 3, 3), D(2024, 3, 9))


def test_a_departure_day_before_its_span_starts_the_trip() -> None:
    dates = trip_dates("군수는 지난 12일 3박 5일 일정으로 베트남으로 출국했다.", YearHint(published=D(2023, 9, 14)))
    assert (dates.start.date, dates.end.date) == (D(2023, 9, 12), D(2023, 9, 16))


def test_a_home_event_named_with_its_year_does_not_date_the_trip() -> None:
    # 2030 is the year of a fair at home (a Korean county's name follows it), not the trip's.
    with pytest.raises(NoYear):
        trip_dates("군수 일행은 26일부터 11월 3일까지 미국을 방문하며 2030함양산삼엑스포를 홍보했다.")
    dates = trip_dates("군수 일행은 26일부터 11월 3일까지 미국을 방문하며 AUSA 2027을 참관했다.")
    assert dates.start.date == D(2027, 10, 26)
    # (완도 2015: a county whose short name ends in 도, as a province's does)
    with pytest.raises(NoYear):
        trip_dates("군수 일행은 19일부터 22일까지 대만을 방문해 ‘2017 완도국제해조류박람회’ 참여를 요청했다.")
    # (목포 2023: `'2023 한국주간'`, Korea's week in Ulaanbaatar, is an event abroad)
    dates = trip_dates("박 시장 일행은 지난 25~27일 울란바토르에서 열린 '2023 한국주간' 행사에 참가했다.",
                       YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True))
    assert dates.start.date.year == 2023 and "2023 한국주간" in str(dates.start.reason)


def test_a_year_leading_the_title_that_holds_the_trips_dates_is_the_trips() -> None:
    # (달성 2024, the 33rd held-out batch: `‘2024 달성군체육회 생활체육 우수사례 견학(11.5.~11.8.)’ 일정 중 대만
    # 운림현 청사 방문`: the home's name follows the year, but the title is the trip's own)
    text = ("달성군은 지난 7일 대만 운림현 청사에서 MOU를 체결했다.\n‘2024 달성군체육회 생활체육 우수사례 견학(11.5.~11.8.)’ "
            "일정 중 대만 운림현 청사 방문 및 간담회에서 뜻을 같이하여 이루어진 것이다.")
    dates = trip_dates(text)
    assert (dates.start.date, dates.end.date) == (D(2024, 11, 5), D(2024, 11, 8))
    assert "2024 달성군체육회" in str(dates.start.reason)
    # a home fair's year with no dates of the trip inside its title still dates nothing
    with pytest.raises(NoYear):
        trip_dates("군수 일행은 ‘2030함양산삼엑스포’를 홍보하려 26일부터 11월 3일까지 미국을 방문했다.")


def test_the_year_of_an_event_named_before_a_home_pavilion_is_the_events() -> None:
    dates = trip_dates("부시장은 5일부터 12일까지 방문해 CES 2027 대전통합관 개관식에 참석한다.")
    assert dates.start.date == D(2027, 1, 5)


def test_years_ago_counts_from_the_year_an_agreement_was_made() -> None:
    # '15년 전' of the agreement made in 2004: this year is 2019.
    text = ("군수 일행은 26일부터 11월 3일까지 미국을 방문했다. 지난 2004년 학생교류 협약을 체결한 이후 "
            "교류를 이어왔다. 군수는 \"15년 전의 인연\"이라고 말했다.")
    dates = trip_dates(text)
    assert (dates.start.date, dates.end.date) == (D(2019, 10, 26), D(2019, 11, 3))
    assert "2004" in (dates.start.reason or "")


def test_a_range_inside_a_quote_is_what_was_said_not_the_trip() -> None:
    text = ("시장은 “지난 9월 21일부터 25일까지 열린 박람회의 성과를 이어 가겠다”며 오는 10월 2일부터 6일까지 "
            "중국을 방문한다고 밝혔다.")
    dates = trip_dates(text, YearHint(published=D(2024, 9, 28)))
    assert (dates.start.date, dates.end.date) == (D(2024, 10, 2), D(2024, 10, 6))
    # Before the quote was told apart, the range said inside it could be taken instead.
    quoted_only = "시장은 “9월 21일부터 25일까지 열린 박람회에 다녀왔다”고 말했다."
    dates = trip_dates(quoted_only, YearHint(published=D(2024, 9, 28)))
    assert dates.start.date == D(2024, 9, 21)  # with nothing else, what was said is better than nothing


def test_a_return_home_the_day_after_the_range_ends_the_trip() -> None:
    text = ("시장 등은 4월 1일부터 3일까지 중국 북경과 말레이시아 푸트라자야를 공식 방문한다. 3일에는 푸트라자야를 "
            "방문해 협약을 체결할 예정이다. 또 건설현황 등을 시찰하고 4일 귀국한다.")
    dates = trip_dates(text, YearHint(published=D(2013, 3, 29)))
    assert (dates.start.date, dates.end.date) == (D(2013, 4, 1), D(2013, 4, 4))
    assert "4일 귀국한다" in (dates.end.reason or "")
    # A return a week later is another matter, not the end of this range.
    later = text.replace("4일 귀국한다", "10일 귀국한다")
    assert trip_dates(later, YearHint(published=D(2013, 3, 29))).end.date == D(2013, 4, 3)


def test_on_an_assumed_date_the_text_decides_the_year_first() -> None:
    text = ("지난 1989년 자매도시 체결이후 올해로 27년째 교류해 온 비버튼시를 방문하기 위해 시장은 10월 8일부터 "
            "17일까지 8박 10일 일정으로 출국했다.")
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    dates = trip_dates(text, saved)
    assert dates.start.date == D(2016, 10, 8)
    assert "1989" in (dates.start.reason or "") and "27년째" in (dates.start.reason or "")
    # With nothing in the text about the year, the assumed date decides it, and says so.
    plain = "시장은 10월 8일부터 17일까지 8박 10일 일정으로 출국했다."
    dates = trip_dates(plain, saved)
    assert dates.start.date == D(2026, 10, 8)
    assert "the file's date" in (dates.start.reason or "")


def test_a_start_before_next_months_end_is_in_the_articles_month() -> None:
    text = "시장을 단장으로 하는 대표단이 오는 28일부터 다음 달 2일까지 독일, 프랑스, 루마니아를 방문한다."
    dates = trip_dates(text, YearHint(published=D(2019, 6, 27)))
    assert (dates.start.date, dates.end.date) == (D(2019, 6, 28), D(2019, 7, 2))
    # Published early in the month, the day nearest to it would be last month's 28th: a trip of
    # five weeks. The end's month decides the start's.
    dates = trip_dates(text, YearHint(published=D(2019, 6, 3)))
    assert (dates.start.date, dates.end.date) == (D(2019, 6, 28), D(2019, 7, 2))
    saved = trip_dates(text, YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True))
    assert (saved.end.date - saved.start.date).days == 5  # the 28th to the 2nd: six days, not five weeks
    assert dates.evidence.startswith("시장을 단장으로")  # the sentence whole, from its first letter


def test_a_dated_day_inside_a_range_into_next_month_says_the_months() -> None:
    text = ("수원시대표단이 오는 28일부터 다음 달 2일까지 독일, 프랑스를 방문한다. 대표단은 지난 6월 24일 협약을 맺은 "
            "도시에 이어 7월 1일 프랑스 투르시에서 시장을 만나 의향서에 서명한다.")
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    dates = trip_dates(text, saved)
    assert (dates.start.date.month, dates.start.date.day, dates.end.date.month, dates.end.date.day) == (6, 28, 7, 2)
    assert "7월 1일" in (dates.start.reason or "")


def test_without_a_range_the_days_tied_to_the_trip_bound_it_and_a_quoted_range_is_not_it() -> None:
    text = ("24일 대전시에 따르면 이장우 시장은 지난 23일(현지시간) 시안시를 방문해 시장과 MOU를 체결했다. "
            "시장은 “올해도 8월 9일부터 17일까지 열리는 축제에 예술단을 초청하고 싶다”고 말했다. "
            "대표단은 24일 베트남을 방문한다.")
    dates = trip_dates(text, YearHint(published=D(2024, 4, 24)))
    assert (dates.start.date, dates.end.date) == (D(2024, 4, 23), D(2024, 4, 24))
    assert "'23일' and '24일'" in (dates.start.reason or "") and "check it" in (dates.start.reason or "")


def test_a_past_event_at_home_is_not_the_trip_and_a_departure_through_an_airport_is() -> None:
    text = ("이 시장은 자매도시를 방문하기 위해 25일 인천공항을 통해 출국했다. 지난 17~18일 임진각에서 개최된 "
            "인삼축제에 부스가 운영된 바 있다. 이 시장은 무단장시도 방문하고 29일 귀국한다.")
    dates = trip_dates(text, YearHint(published=D(2015, 10, 25)))
    assert (dates.start.date, dates.end.date) == (D(2015, 10, 25), D(2015, 10, 29))


def test_a_year_named_for_an_event_a_region_of_korea_hosts_does_not_date_the_trip() -> None:
    text = ("시장이 7월 24일부터 8월 1일까지 독일을 방문한다. 이번 출장은 2027 충청권 하계세계대학경기대회의 성공 "
            "개최를 위해 추진됐다. 26일에는 2025 라인-루르 하계세계대학경기대회 경기장을 시찰한다.")
    dates = trip_dates(text)
    assert dates.start.date == D(2025, 7, 24)
    assert "2025" in (dates.start.reason or "") and "2027" not in (dates.start.reason or "")


def test_a_past_or_coming_day_without_a_month_keeps_its_side_of_the_article_date() -> None:
    published = YearHint(published=D(2012, 2, 3))
    dates = trip_dates("김 지사가 오는 1일부터 8일까지 유럽 출장길에 오른다.", published)
    assert dates.start.date == D(2012, 3, 1)  # the nearest 1st would be 1 February, two days before
    assert "'오는'" in (dates.start.reason or "")
    dates = trip_dates("대표단은 지난 28일부터 2월 2일까지 미국을 방문했다.", YearHint(published=D(2012, 2, 27)))
    assert dates.start.date == D(2012, 1, 28)
    # on an assumed date (a file's), a reported trip is before it, not two weeks after
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    dates = trip_dates("군 대표단은 지난 11∼18일 미국 LA를 방문해 협약을 체결했다.", saved)
    assert (dates.start.date, dates.end.date) == (D(2026, 11, 11), D(2026, 11, 18))


def test_a_departure_told_just_before_the_sentence_of_the_span() -> None:
    text = "김태흠 충남지사가 22일 유럽 출장을 떠난다.\n20일 충남도에 따르면 김 지사는 6박 8일 일정으로 4개국을 방문한다."
    dates = trip_dates(text, YearHint(published=D(2022, 11, 20)))
    assert (dates.start.date, dates.end.date) == (D(2022, 11, 22), D(2022, 11, 29))


def test_a_report_of_one_day_abroad_is_drafted_on_that_day() -> None:
    text = ("문경시는 2018년 4월 송콩시와 우호교류협정을 맺은 뒤 1년여 만인 지난 6일 베트남 송콩시에서 자매결연 협정을 "
            "체결했다.")
    dates = trip_dates(text, YearHint(published=D(2019, 5, 9)))
    assert (dates.start.date, dates.end.date) == (D(2019, 5, 6), D(2019, 5, 6))
    text = ("7일 충남도에 따르면 브라질을 순방 중인 이완구 도지사는 전날 상파울루주를 방문, 알베르토 골드만 부지사와 "
            "교류협력 협정서에 서명했다.")
    dates = trip_dates(text, YearHint(published=D(2010, 4, 7)))
    # 순방 중인: still abroad when the paper of the 7th went out, which is the 6th in Brazil
    assert (dates.start.date, dates.end.date) == (D(2010, 4, 6), D(2010, 4, 6))
    # in Europe, still abroad on the 7th
    dates = trip_dates(text.replace("브라질을 순방", "독일을 순방").replace("상파울루주", "바이에른주"),
                       YearHint(published=D(2010, 4, 7)))
    assert (dates.start.date, dates.end.date) == (D(2010, 4, 6), D(2010, 4, 7))
    # a signing at home, with no country abroad named, is still no trip
    with pytest.raises(NoTripDates):
        trip_dates("시는 지난 6일 시청 회의실에서 지역 기업과 협약을 체결했다.", YearHint(published=D(2019, 5, 9)))


def test_the_start_and_the_reported_length_win_over_a_leg_the_span_does_not_fit() -> None:
    text = ("김대권 수성구청장을 단장으로 한 대표단은 지난 15일부터 4박 5일간의 일정으로 중국 지난시와 웨이하이시를 "
            "방문했다. 17일부터 19일까지는 웨이하이시 우호도시 기념행사에 참석했다.")
    dates = trip_dates(text, YearHint(published=D(2019, 10, 21)))
    assert (dates.start.date, dates.end.date) == (D(2019, 10, 15), D(2019, 10, 19))


def test_a_worked_out_year_is_moved_to_one_whose_february_fits_the_span() -> None:
    text = "고령군 대표단이 베트남을 방문했다. 이번 방문은 27일부터 3월 1일까지 3박 4일간 이뤄졌다."
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    dates = trip_dates(text, saved)
    assert (dates.start.date, dates.end.date) == (D(2024, 2, 27), D(2024, 3, 1))  # 2026's February has 28 days
    assert dates.span is not None and dates.warnings == []
    assert "29 days" in (dates.start.reason or "") and "2024" in (dates.start.reason or "")
    # a year the text states is kept, and the disagreement reported
    stated = trip_dates("대표단은 2025년 2월 27일부터 3월 1일까지 3박 4일간 베트남을 방문했다.")
    assert stated.start.date == D(2025, 2, 27) and stated.span is None and stated.warnings


def test_a_further_leg_abroad_the_day_after_the_range_ends_the_trip() -> None:
    text = ("Kim visited five U.S. states, including Michigan and New York, from April 9-15 as part of his trip. "
            "His overseas trip also includes a stop in Japan from April 16-19.")
    dates = trip_dates(text, YearHint(published=D(2023, 4, 16)))
    assert (dates.start.date, dates.end.date) == (D(2023, 4, 9), D(2023, 4, 15) + dt.timedelta(days=4))
    assert "further leg" in (dates.end.reason or "")
    korean = "지사는 9일부터 15일까지 미국을 방문한다. 이어 16일부터 19일까지 일본 도쿄를 찾는다."
    assert trip_dates(korean, YearHint(published=D(2023, 4, 7))).end.date == D(2023, 4, 19)
    # days back home after the trip, or a leg that does not follow on, are not the trip's
    home = "지사는 9일부터 15일까지 미국을 방문한다. 귀국 후 이어 16일부터 19일까지 도의회 임시회에 참석한다."
    assert trip_dates(home, YearHint(published=D(2023, 4, 7))).end.date == D(2023, 4, 15)
    later = "Kim visits the U.S. from April 9-15. His trip also includes a stop in Japan from April 20-22."
    assert trip_dates(later, YearHint(published=D(2023, 4, 7))).end.date == D(2023, 4, 15)


def test_a_start_with_buteo_and_the_day_the_delegation_arrived_back_home() -> None:
    text = ("문 시장이 6월 30일부터 시작된 캐나다 방문을 마치고 지난 4일 밤늦게 군산에 도착했다. "
            "문 시장은 3박 5일이라는 짧은 일정에 토론토와 윈저를 오갔다.")
    dates = trip_dates(text, YearHint(published=D(2017, 7, 6)))
    assert (dates.start.date, dates.end.date) == (D(2017, 6, 30), D(2017, 7, 4))
    # arriving abroad is no return home
    abroad = "문 시장이 6월 30일부터 시작된 캐나다 방문에서 지난 4일 밤 토론토에 도착했다."
    found = trip_dates(abroad, YearHint(published=D(2017, 7, 6)))
    assert (found.start.date, found.end.date) != (D(2017, 6, 30), D(2017, 7, 4))


def test_a_worked_out_month_is_moved_to_one_whose_length_fits_the_span() -> None:
    text = ("시장이 26일부터 다음 달 4일까지 러시아 순방길에 오른다. 시는 시장이 7박 9일간 모스크바를 방문한다고 "
            "25일 밝혔다.")
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    dates = trip_dates(text, saved)
    assert (dates.start.date, dates.end.date) == (D(2026, 11, 26), D(2026, 12, 4))  # December has 31 days
    assert dates.span is not None and dates.warnings == [] and "30 days" in (dates.start.reason or "")
    # a month the published date gives is kept
    assert trip_dates(text, YearHint(published=D(2017, 6, 25))).start.date == D(2017, 6, 26)


def test_days_tied_with_a_month_a_stay_until_and_a_report_written_while_abroad() -> None:
    text = ("유럽을 방문 중인 최 시장은 4월 9일 베를린한인회와 MOU 체결을 합의했다. 앞서 3일 유럽으로 떠난 최 시장은 "
            "런던을 시작으로 베를린에 당도했다.")
    dates = trip_dates(text, YearHint(published=D(2011, 4, 14)))
    assert (dates.start.date, dates.end.date) == (D(2011, 4, 3), D(2011, 4, 14))
    assert "still under way" in (dates.end.reason or "")
    # an assumed date (the day a file was saved) does not end a trip
    saved = trip_dates(text, YearHint(published=D(2011, 4, 14), assumed=True))
    assert saved.end.date == D(2011, 4, 9)
    stay = ("옥천군의회는 5일 몽골 구의회와 양해각서를 체결했다. 체결식에는 지난 4일 몽골을 방문한 대표단이 참석했다. "
            "대표단은 7일까지 몽골에 체류하며 교류했다.")
    dates = trip_dates(stay, YearHint(published=D(2024, 3, 5)))
    assert (dates.start.date, dates.end.date) == (D(2024, 3, 4), D(2024, 3, 7))


def test_a_range_without_its_month_takes_the_month_of_a_dated_day_inside_it() -> None:
    text = ("김 지사는 오는 2일부터 8일까지 5박 7일 일정으로 캐나다와 미국을 방문한다. "
            "대표단은 9월 4일에는 토론토에서 투자협약을 체결한다.")
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    dates = trip_dates(text, saved)
    assert (dates.start.date.month, dates.end.date) == (9, D(dates.start.date.year, 9, 8))
    assert "9월 4일" in (dates.start.reason or "")
    # a day of another month recalled from before the trip does not move it
    recalled = ("김 지사는 오는 2일부터 8일까지 캐나다를 방문한다. 지난 3월 5일 체결한 협약의 후속 조치다.")
    assert trip_dates(recalled, YearHint(published=D(2024, 8, 29))).start.date == D(2024, 9, 2)


def test_a_departure_and_the_span_over_a_leg_or_an_end_day_before_the_span() -> None:
    leg = ("이천시는 김 시장이 6일 7박 9일 일정으로 미국 출장길에 오른다고 5일 밝혔다. "
           "김 시장은 먼저 8~9일 산타클라라시를 방문해 협약을 체결한다.")
    dates = trip_dates(leg, YearHint(published=D(2024, 7, 5)))
    assert (dates.start.date, dates.end.date) == (D(2024, 7, 6), D(2024, 7, 14))
    end_day = ("남양주시는 시장 일행이 경제개발공사를 방문했다고 13일 밝혔다. "
               "조 시장은 9일 시의원과 출국, 18일까지 8박 10일 일정으로 미국 주요 도시를 방문한다.")
    dates = trip_dates(end_day, YearHint(published=D(2019, 11, 13)))
    assert (dates.start.date, dates.end.date) == (D(2019, 11, 9), D(2019, 11, 18))


def test_an_anniversary_of_a_national_event_gives_the_year_of_a_saved_page() -> None:
    from tripdesk.draft.anniversaries import national_anniversary_year

    text = ("성남시장이 이달 23일부터 7월 1일까지 7박9일간의 일정으로 미국 출장길에 올랐다. 한미 동맹 70주년을 기념하는 "
            "평화콘서트에 참석한다. 25일에는 제73주년 6·25 한국전쟁 기념식에 참석한다.")
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    dates = trip_dates(text, saved)
    assert (dates.start.date, dates.end.date) == (D(2023, 6, 23), D(2023, 7, 1))  # 1953 + 70, 1950 + 73
    assert "한미 동맹 70주년" in (dates.start.reason or "") or "6·25" in (dates.start.reason or "")
    assert national_anniversary_year("한-베 수교 30주년을 맞아 하노이를 찾았다.")[0] == 2022
    assert national_anniversary_year("한국과 캄보디아 수교 25주년 기념식")[0] == 2022
    assert national_anniversary_year("marking the 70th anniversary of the Korea-U.S. alliance")[0] == 2023
    assert national_anniversary_year("the 30th anniversary of diplomatic ties between Korea and Vietnam")[0] == 2022
    # anniversaries that disagree, or one still to come, decide nothing
    assert national_anniversary_year("한중 수교 30주년과 광복 80주년") is None
    assert national_anniversary_year("내년 한중 수교 30주년을 앞두고") is None
    # Hawaii's 1903 unless the article names Mexico's 1905 (the longer name is the event meant)
    assert national_anniversary_year("한인 이민 120주년 기념식에 참석한다")[0] == 2023
    assert national_anniversary_year("멕시코 한인 이민 120주년 기념식에 참석한다")[0] == 2025
    # (the review: older press writes Qingdao 청도, a Korean county's short name too)
    saved = YearHint(published=D(2016, 3, 1), source="the file's date", assumed=True)
    assert trip_dates("시장 일행은 8월 20일부터 23일까지 중국 칭다오를 방문해 '2011 청도국제맥주축제' 개막식에 참석했다.",
                      saved).start.date == D(2011, 8, 20)
    # (인천 2025: `제75주년 인천상륙작전 기념행사`, 1950 + 75)
    assert national_anniversary_year("제75주년 인천상륙작전 기념행사 참석 등을 요청할 계획이다.")[0] == 2025
    # an anniversary in a sentence of a past year is that year's, not the trip's (seoul-2025-us,
    # 27th held-out batch: 8월 1일~7일, no year printed; 광복 80주년 on the 2nd)
    council = ("서울특별시의회 최호정 의장은 8월 1일~7일 일정으로 미국 호놀룰루시의회를 방문했다. 호놀룰루시의회 의장은 "
               "지난 2023년 10월, 우호협력 의향서 체결 10주년 및 하와이 이민 120주년을 맞아 방한했다. "
               "2일 광복 80주년을 맞아 현지에서 개최되는 보훈 사적지 걷기행사에 참석한다.")
    assert national_anniversary_year(council)[0] == 2025
    assert trip_dates(council, saved).start.date == D(2025, 8, 1)
    assert find_span(council) is None  # `1일~7일 일정으로`: the 7th ends the range, no length
    # a published date the article gives still comes first
    assert trip_dates(text, YearHint(published=D(2024, 6, 20))).start.date.year == 2024


def test_dotted_months_and_days_a_flight_out_and_a_return_home() -> None:
    dotted = "광양시장은 6박 8일(6. 8.~6. 16.) 일정으로 캘리포니아주의 3개 도시를 방문했다."
    dates = trip_dates(dotted, YearHint(published=D(2019, 6, 17)))
    assert (dates.start.date, dates.end.date) == (D(2019, 6, 8), D(2019, 6, 16))
    assert [m.text for m in find_mentions("성장률은 6. 8.에 발표됐다")] == []  # a lone `6. 8.` is no date
    flight = ("6박8일 힘든 일정 속 CES 참관 등 진행\n"  # the headline's span, above the lead's
              "안산시장이 커다란 선물을 안고 지난 14일 돌아왔다.\n지난 7일 미국행 비행기에 몸을 실은 이 시장은 "
              "6박 8일간의 빽빽한 일정을 소화했다.")
    dates = trip_dates(flight, YearHint(published=D(2024, 1, 16)))
    assert (dates.start.date, dates.end.date) == (D(2024, 1, 7), D(2024, 1, 14))
    back = "김 시장은 지난 3일 출국해 미국을 방문하고 10일 돌아왔다."
    dates = trip_dates(back, YearHint(published=D(2024, 1, 16)))
    assert (dates.start.date, dates.end.date) == (D(2024, 1, 3), D(2024, 1, 10))


def test_a_trip_told_only_by_the_day_it_starts_is_drafted_on_that_day_for_review() -> None:
    text = "North Chungcheong Province announced Thursday that Governor Lee will visit Connecticut from June 9."
    dates = trip_dates(text, YearHint(published=D(2013, 6, 6)))
    assert (dates.start.date, dates.end.date) == (D(2013, 6, 9), D(2013, 6, 9))
    assert "only the day the trip starts" in (dates.end.reason or "")
    korean = trip_dates("지사는 9일부터 미국 코네티컷주를 방문한다.", YearHint(published=D(2013, 6, 6)))
    assert korean.start.date == D(2013, 6, 9) and "check it" in (korean.end.reason or "")
    # a day something else starts on is no trip
    with pytest.raises(NoTripDates):
        trip_dates("The new rules apply from June 9, the ministry said.", YearHint(published=D(2013, 6, 6)))


def test_a_founding_year_and_its_count_in_one_sentence_come_first_and_next_year_is_one_on() -> None:
    from tripdesk.draft.dates import anniversary_year

    text = ("원주시와 로어노크시가 자매도시 교류 60주년을 맞았다. 1964년 로어노크시 의회에서 자매교류를 승인한 이후 60년간 "
            "교류를 이어오고 있다. 1965년 1월 원주시의회가 자매결연 승인을 기념하는 60주년 기념행사가 내년 원주시에서 열린다.")
    year, why = anniversary_year(text)
    assert year == 2024 and "1964" in str(why)  # not 1965 + 60: that anniversary falls next year
    nxt = "1965년 1월 원주시의회가 자매결연을 승인했다. 60주년 기념행사가 내년 원주시에서 열린다."
    year, why = anniversary_year(nxt)
    assert year == 2024 and "- 1" in str(why)
    # a year and a count in different sentences still pair when they are the only ones
    assert anniversary_year("1987년 11월 21일 자매결연을 체결했다. 올해로 20주년이다.")[0] == 2007


def test_a_leg_inside_the_days_of_setting_out_and_coming_home_is_not_the_trip() -> None:
    text = ("인천시장이 11일 미국 출장길에 올랐다. 13∼14일에는 자매도시인 필라델피아시를 방문한다. "
            "유 시장은 15일 뉴욕에서 의장을 만나고 17일 귀국한다.")
    dates = trip_dates(text, YearHint(published=D(2017, 11, 11)))
    assert (dates.start.date, dates.end.date) == (D(2017, 11, 11), D(2017, 11, 17))
    # a range the reported span fits stays the trip
    fits = "시장이 11일 출국한다. 13∼14일 2일간 일정으로 필라델피아시를 방문하고 17일 귀국한다."
    assert trip_dates(fits, YearHint(published=D(2017, 11, 11))).start.date == D(2017, 11, 13)


def test_the_first_trip_of_an_elected_term_gives_the_year_of_a_saved_page() -> None:
    saved = YearHint(published=D(2026, 12, 6), source="the file's date", assumed=True)
    text = "강운태 광주시장이 민선 5기 들어 첫 해외 마케팅에 나선다. 시장은 10월 25일부터 11월 1일까지 일본과 미국을 방문한다."
    dates = trip_dates(text, saved)
    assert (dates.start.date, dates.end.date) == (D(2010, 10, 25), D(2010, 11, 1))  # the 5th term began July 2010
    spring = trip_dates("시장이 민선 8기 첫 해외 순방에 나선다. 3월 9일부터 16일까지 중동을 방문한다.", saved)
    assert spring.start.date == D(2023, 3, 9)  # March of the term's first year is before it began
    # a term named without a first trip decides nothing
    assert trip_dates("민선 8기 도정목표를 알린다. 3월 9일부터 16일까지 중동을 방문한다.", saved).start.date.year == 2026


def test_a_year_of_an_event_still_to_be_won_is_not_the_trips() -> None:
    from tripdesk.draft.dates import named_years

    text = ("최 시장의 첫 번째 해외 순방 성과는 2027 하계세계대학경기대회 충청권 유치다. 이번에는 2023 핵테온 세종 "
            "국제 대학생 경진대회를 홍보한다.")
    assert sorted(named_years(text)) == [2023]
    assert sorted(named_years("CES 2025에서 투자 유치 활동을 벌인다.")) == [2025]  # attracting investment is no bid
    assert sorted(named_years("2030 부산세계박람회 유치 교섭 활동")) == []


def test_a_range_from_the_day_of_the_report() -> None:
    # (여수 2017: `26일 여수시에 따르면 주 시장은 이날부터 다음 달 5일까지 ... 방문한다`)
    text = ("주철현 여수시장이 9박 11일 일정의 해외순방에 나섰다.\n26일 여수시에 따르면 주 시장은 이날부터 다음 달 "
            "5일까지 벨리즈시, 쿠바 아바나, 미국 마이애미를 차례로 방문한다.")
    dates = trip_dates(text, YearHint(published=D(2017, 5, 26)))
    assert (dates.start.date, dates.end.date) == (D(2017, 5, 26), D(2017, 6, 5))
    assert dates.span is not None and dates.span.days == 11
    # `이날부터` with no day of the report before it in the sentence names no day
    assert not [m for m in find_mentions("주 시장은 이날부터 순방에 나섰다.") if m.text == "이날"]


def test_setting_out_told_further_on_in_the_sentence_of_the_day() -> None:
    # (동해 2022: the day, the delegation, the port and the ship, then `출장길에 올라`; the two days
    # at the port inside are a leg, not the trip)
    text = ("10일 동해시에 따르면 오는 11일 동해시장 및 동해시의회 의장을 포함한 시 관계자 일행은 동해항에서 "
            "이스턴드림호편으로 러시아 블라디보스톡 출장길에 올라 오는 16일 귀국할 예정이다.\n"
            "또 동해시장 일행은 러시아 현지 도착 후 12~13일 이틀간 블라디보스톡항을 시찰할 예정이다.")
    dates = trip_dates(text, YearHint(published=D(2022, 11, 10)))
    assert (dates.start.date, dates.end.date) == (D(2022, 11, 11), D(2022, 11, 16))
    # the day of the report is not the day of setting out
    told = trip_dates("10일 동해시에 따르면 시장 일행은 출장길에 올라 오는 16일 귀국한다. 12~13일 이틀간 항구를 시찰한다.",
                      YearHint(published=D(2022, 11, 10)))
    assert (told.start.date, told.end.date) == (D(2022, 11, 12), D(2022, 11, 13))


def test_setting_out_last_month_and_coming_home_this_month() -> None:
    # (보령 2019: `지난달 28일 미국 보령머드축제 월드 투어에 나선 ... 10박 11일간의 대장정을 마치고 지난 8일 귀국했다`)
    text = ("지난달 28일 미국 보령머드축제 월드 투어에 나선 김동일 보령시장이 10박 11일간의 대장정을 마치고 지난 8일 "
            "귀국했다.")
    dates = trip_dates(text, YearHint(published=D(2019, 10, 9)))
    assert (dates.start.date, dates.end.date) == (D(2019, 9, 28), D(2019, 10, 8))
    assert dates.span is not None and dates.span.days == 11


def test_one_day_abroad_named_this_month_in_local_time_or_as_the_schedules_beginning() -> None:
    # (영동 2017: `이달 3일 알라마다와 자매결연 협약서에 서명한다고 1일 밝혔다`)
    text = "군은 박세복 군수 일행이 미국을 방문해 이달 3일 알라마다와 자매결연 협약서에 서명한다고 1일 밝혔다."
    dates = trip_dates(text, YearHint(published=D(2017, 7, 1)))
    assert (dates.start.date, dates.end.date) == (D(2017, 7, 3), D(2017, 7, 3))
    # (포항 2025, English: `On September 1 local time, Lee Kangdeok, mayor of Pohang, directly explained ...`)
    text = ("On September 1 local time, Lee Kangdeok, mayor of Pohang, directly explained the importance of the "
            "Korean steel industry to the U.S. government in Washington, D.C.")
    dates = trip_dates(text, YearHint(published=D(2025, 9, 2)))
    assert (dates.start.date, dates.end.date) == (D(2025, 9, 1), D(2025, 9, 1))
    # (강릉 2024, the city's English page: `will officially begin their schedule in their Chinese
    # sister city on Wednesday, September 25`)
    text = ("The delegation, comprised of Mayor Kim Hong Gyu and Councilor Kim Ki Young, will officially begin their "
            "schedule in their Chinese sister city on Wednesday, September 25.")
    dates = trip_dates(text, YearHint(published=D(2024, 10, 2)))
    assert (dates.start.date, dates.end.date) == (D(2024, 9, 25), D(2024, 9, 25))


def test_a_day_last_month_that_the_assumed_month_lacks_steps_back_a_month() -> None:
    # (구미 2000: `지난달 31일 출국한 김시장은 ... 지난4일 귀국했다`, a page with no date of its own,
    # drafted on an assumed day in December: November has no 31st)
    text = "김관용 구미시장이 필라델피아 현지에 참석, 4일 귀국했다.\n지난달 31일 출국한 김시장은 시장과 협의한후 지난4일 귀국했다."
    dates = trip_dates(text, YearHint(published=D(2026, 12, 7), source="the file's date", assumed=True))
    assert (dates.start.date, dates.end.date) == (D(2026, 10, 31), D(2026, 11, 4))


def test_a_day_abroad_last_month_in_local_time() -> None:
    # (영등포 2007: `지난달 30일(현지시각) 미국 캘리포니아주 ... 몬테레이파크시와 자매결연을 체결했다고 5일 밝혔다`)
    text = ("서울 영등포구(구청장 김형수)는 지난달 30일(현지시각) 미국 캘리포니아주 LA카운티 내의 몬테레이파크시와 "
            "자매결연을 체결했다고 5일 밝혔다.")
    dates = trip_dates(text, YearHint(published=D(2007, 11, 5)))
    assert (dates.start.date, dates.end.date) == (D(2007, 10, 30), D(2007, 10, 30))


def test_an_english_signing_abroad_on_a_day_and_the_year_counted_since_another() -> None:
    # (광주 2024, Asia Economy English: `On the 22nd, Gwangju City announced that it signed ... at Qingdao
    # City Hall on the 21st`; `the first exchange agreement ... in seven years since the MOU with
    # Yancheng City, Jiangsu Province in 2017`)
    text = ("On the 22nd, Gwangju City announced that it signed a \"Sister City Cooperation Agreement\" with Qingdao "
            "City, Shandong Province, China, at Qingdao City Hall on the 21st.\n\nThis is the first exchange "
            "agreement with a Chinese local city in seven years since the Memorandum of Understanding (MOU) with "
            "Yancheng City, Jiangsu Province in 2017.")
    dates = trip_dates(text, YearHint(published=D(2026, 12, 7), source="the file's date", assumed=True))
    assert (dates.start.date, dates.end.date) == (D(2024, 12, 21), D(2024, 12, 21))
    assert "seven years since" in (dates.start.reason or "")
    korean = trip_dates("시장은 2017년 MOU 이후 7년 만에 중국 칭다오시를 찾아 21일 협약을 체결했다.",
                        YearHint(published=D(2026, 11, 30), source="the file's date", assumed=True))
    assert korean.start.date.year == 2024


def test_years_counted_since_inside_a_quote_decide_nothing() -> None:
    # (대구 2005: the mayor says `“지난 1981년 ... 자매결연을 체결한 이후 15년 만에 또다시 ...`, but the page
    # was saved in 2005; a quote whose closing mark the page lost is still a quote)
    text = ("대표단은 7일 애틀랜타를 방문했다.\n조해녕 대구시장은 “지난 1981년 당시 시장이 대구를 방문해 자매결연을 체결한 "
            "이후 15년 만에 또다시 만나게 돼 의미가 깊다며 “향후 교류를 펼치자고 강조했다.\n대표단은 13일 귀국했다.")
    dates = trip_dates(text, YearHint(published=D(2005, 9, 15), source="the saved page's date", assumed=True))
    assert dates.start.date.year == 2005


def test_one_day_abroad_told_by_a_meeting_or_a_signing_there() -> None:
    # (과천 2013: `지난 21일 ... 미국 노스캐롤라이나주 벌링턴시에서 로니 월(Ronnie.K.Wall) 시장과 만나 ... 합의했다`;
    # 울진 2017: `12일 베트남 후에성 풍디엔현과 우호교류 협약을 맺었다`; 횡성 2024: `8일 엘리콧시티 소재
    # 하워드카운티 정부청사에서 ... 미팅을 갖고`, in Maryland, no country named)
    for text, day in (("여인국 과천시장이 지난 21일 국제자매도시 미국 노스캐롤라이나주 벌링턴시에서 로니 월(Ronnie.K.Wall) 시장과 "
                       "만나 협력사업을 추진키로 합의했다.", 21),
                      ("울진군은 12일 베트남 후에성 풍디엔현과 우호교류 협약을 맺었다.", 12),
                      ("메릴랜드 시장 개척에 나선 횡성군 대표단은 8일 엘리콧시티 소재 하워드카운티 정부청사에서 관계자들과 미팅을 "
                       "갖고 협력방안을 논의했다.", 8),
                      # (고양 2011: a briefing held there as 설명회 행사를 가졌다)
                      ("경기도 고양시가 7일 저녁 우래옥에서 워싱턴 지역 홍보 및 투자유치 설명회 행사를 가졌다.", 7)):
        dates = trip_dates(text, YearHint(published=D(2020, 5, day + 1)))
        assert (dates.start.date, dates.end.date) == (D(2020, 5, day), D(2020, 5, day))
    # a meeting at home names no day abroad
    with pytest.raises(NoTripDates):
        trip_dates("시장은 21일 시청에서 주민들과 만나 의견을 나눴다.", YearHint(published=D(2020, 5, 25)))
    with pytest.raises(NoTripDates):
        trip_dates("고양시는 21일 킨텍스에서 투자유치 설명회 행사를 가졌다.", YearHint(published=D(2020, 5, 25)))
    # a briefing about a country held in the city hall is at home
    dates = trip_dates("김해시는 지난 7일 시청 대회의실에서 지역 기업인을 대상으로 베트남 시장 진출 설명회를 가졌다. 홍태용 시장 "
                       "일행은 지난 10일 베트남 하노이를 방문해 인민위원회 위원장과 면담했다.", YearHint(published=D(2024, 5, 14)))
    assert (dates.start.date, dates.end.date) == (D(2024, 5, 10), D(2024, 5, 10))


def test_the_reports_day_told_as_that_day_in_local_time_is_the_trips_one_day() -> None:
    # (서귀포 2018, Newsis: `자매결연을 체결했다고 25일 밝혔다. 현지 시각으로 이날 오후 살리나스 시청에서 열린 체결식`)
    text = ("제주 서귀포시는 미국 캘리포니아주 살리나스시와 자매결연을 체결했다고 25일 밝혔다.\n\n현지 시각으로 이날 오후 "
            "살리나스 시청에서 열린 체결식에는 이상순 서귀포시장을 비롯한 시 방문단이 참석했다.")
    dates = trip_dates(text, YearHint(published=D(2018, 6, 25)))
    assert (dates.start.date, dates.end.date) == (D(2018, 6, 25), D(2018, 6, 25))
    # `이날` at home is no day abroad
    with pytest.raises(NoTripDates):
        trip_dates("서귀포시는 살리나스시와 자매결연을 추진한다고 25일 밝혔다. 이날 시청에서 회의가 열렸다.",
                   YearHint(published=D(2018, 6, 25)))


def test_a_signing_or_a_talk_at_a_city_abroad_named_without_its_country_ties_its_day() -> None:
    # (제주 2023, the Korea Times LA: `풀러튼 시는 지난 11일 ... 시의회에서 ... 협약식을 맺었다`)
    text = "풀러튼 시는 지난 11일 오전 10시 시의회에서 양 도시간의 비즈니스 협력 관계를 맺기 위한 협약식을 맺었다."
    dates = trip_dates(text, YearHint(published=D(2023, 10, 16)))
    assert (dates.start.date, dates.end.date) == (D(2023, 10, 11), D(2023, 10, 11))
    # (화성 2025: `지난달 28일 몬트레이 시청에서 열린 공식 환담에는`: last month, at a city abroad)
    text = "지난달 28일 몬트레이 시청에서 열린 공식 환담에는 정명근 화성특례시장을 비롯해 시의회 의장이 참석했다."
    dates = trip_dates(text, YearHint(published=D(2025, 9, 4)))
    assert (dates.start.date, dates.end.date) == (D(2025, 8, 28), D(2025, 8, 28))
    # last month at home is not
    with pytest.raises(NoTripDates):
        trip_dates("지난달 28일 화성시청에서 열린 공식 환담에는 시의회 의장이 참석했다.", YearHint(published=D(2025, 9, 4)))
    # (김포 2025: a talk, `간담회`, in a country's city; 진안 2011: the party between the agreement and
    # its signing, the country with its particle)
    text = "김 시장은 지난 21일 인도네시아 자카르타에서 한인경제무역협회 지회장과 간담회를 갖고 진출 방안을 논의했다."
    dates = trip_dates(text, YearHint(published=D(2025, 10, 22)))
    assert (dates.start.date, dates.end.date) == (D(2025, 10, 21), D(2025, 10, 21))
    text = "23일 군에 따르면 지난 19일 처음으로 우호교류 협정을 일본의 미야자키현 아야정과 체결했다."
    dates = trip_dates(text, YearHint(published=D(2011, 11, 24)))
    assert (dates.start.date, dates.end.date) == (D(2011, 11, 19), D(2011, 11, 19))
    with pytest.raises(NoTripDates):  # a talk at home is not
        trip_dates("김 시장은 지난 21일 시청에서 기업인들과 간담회를 갖고 진출 방안을 논의했다.", YearHint(published=D(2025, 10, 22)))


def test_a_ceremony_held_an_exchange_at_a_city_of_the_articles_country_and_the_day_before_told_next() -> None:
    # (the 25th held-out batch: 예산 2024 `10월 25일 대만 타이둥현 지상향에 위치한 파파고리조트에서 우호교류
    # 협약식을 진행했다`; 의정부 2016 `6월8일 단둥시 복서덕 호텔 리셉션장에서 ... 명예시민증을 교환했다`, China named
    # in the headline; 홍성 2024 `... 16일 밝혔다. 이용록 홍성군수는 전날(현지시간) 중국 전장시에서 ... 협약을 했다`)
    text = "예산군은 10월 25일 대만 타이둥현 지상향에 위치한 파파고리조트에서 우호교류 협약식을 진행했다."
    dates = trip_dates(text, YearHint(published=D(2024, 10, 25)))
    assert (dates.start.date, dates.end.date) == (D(2024, 10, 25), D(2024, 10, 25))
    text = ("의정부시·중국 단둥시 자매결연 20주년\n의정부시장과 단둥시장은 6월8일 단둥시 복서덕 호텔 리셉션장에서 "
            "명예시민증을 교환했다.")
    dates = trip_dates(text, YearHint(published=D(2016, 7, 5)))
    assert (dates.start.date, dates.end.date) == (D(2016, 6, 8), D(2016, 6, 8))
    with pytest.raises(NoTripDates):  # the same exchange at home is no day abroad
        trip_dates("의정부시·중국 단둥시 자매결연 20주년\n안 시장은 6월8일 의정부시청에서 명예시민증을 교환했다.",
                   YearHint(published=D(2016, 7, 5)))
    text = ("충남 홍성군은 중국 전장시와 협력 관계를 강화하기로 했다고 16일 밝혔다.\n"
            "이용록 홍성군수는 전날(현지시간) 중국 전장시에서 쉬수하이 전장시장과 우호 협력 활성화 협약을 했다.")
    dates = trip_dates(text, YearHint(published=D(2024, 5, 16)))
    assert (dates.start.date, dates.end.date) == (D(2024, 5, 15), D(2024, 5, 15))


def test_an_earlier_journey_told_as_background_is_not_the_trip() -> None:
    # (성주 2016, the 25th held-out batch: the vice county head's `27일부터 3일 동안`, and `이에 앞서 김항곤
    # 성주군수는 24~29일까지 ... 방문 ... 이끌어 낸 바 있다`)
    text = ("성주군 대표단(단장 김세환 부군수)은 지난 27일부터 3일 동안 중국 요성시 신현을 방문해 의향서를 체결했다.\n"
            "이에 앞서 김항곤 성주군수는 24~29일까지 중국 광동성 심천·혜주시를 방문 교류협력을 이끌어 낸 바 있다.")
    dates = trip_dates(text, YearHint(published=D(2016, 6, 30)))
    assert (dates.start.date, dates.end.date) == (D(2016, 6, 27), D(2016, 6, 29))
    # (경기 2014, the 29th held-out batch: `오는 12일부터 이틀간 일본 ... 방문한다`, then `앞서 남 지사는 지난 5~7일
    # 중국 광둥성(廣東省)을 방문, ... 면담했다`)
    text = ("9일 경기도에 따르면 남경필 지사는 오는 12일부터 이틀간 일본 도쿄와 가나가와현을 방문한다.\n"
            "앞서 남 지사는 지난 5~7일 중국 광둥성(廣東省)을 방문, 포럼에 참석하고 광둥성 서기와 면담했다.")
    dates = trip_dates(text, YearHint(published=D(2014, 12, 9)))
    assert (dates.start.date, dates.end.date) == (D(2014, 12, 12), D(2014, 12, 13))
    # with no other day of a journey, a range told after `앞서` is still the trip's
    dates = trip_dates("시장은 12일 LA에서 협약을 맺었다.\n앞서 김 시장은 지난 5~7일 시애틀을 방문했다.",
                       YearHint(published=D(2014, 12, 13)))
    assert dates.start.date == D(2014, 12, 5)
    # told alone, it is still a trip's range
    dates = trip_dates("김 군수는 24~29일까지 심천시를 방문해 교류협력을 이끌어 낸 바 있다.", YearHint(published=D(2016, 6, 30)))
    assert (dates.start.date, dates.end.date) == (D(2016, 6, 24), D(2016, 6, 29))


def test_a_range_told_as_the_next_leg_of_a_visit_starts_with_that_visit() -> None:
    # (전주 2016, the 25th held-out batch: `3일과 4일 이틀간 일본을 방문한다. 이어 오는 6일부터 11일까지 4박 6일 동안은
    # ... 프랑스와 독일을`)
    text = ("김 시장은 전주푸드 활성화 방안을 모색하기 위해 3일과 4일 이틀간 일본을 방문한다. 이어 오는 6일부터 11일까지 "
            "4박 6일 동안은 JEC World 참가를 위해 프랑스와 독일을 잇달아 방문할 예정이다.")
    dates = trip_dates(text, YearHint(published=D(2016, 3, 3)))
    assert (dates.start.date, dates.end.date) == (D(2016, 3, 3), D(2016, 3, 11))
    assert "이어" in (dates.start.reason or "")
    # (청주 2024, the 26th held-out batch: `지난 27일(현지시간) ... 코칸드시청에서 ... 체결했다` ... `우즈베키스탄 일정을
    # 마치고, 29일부터 사흘 간 ... 비슈케크를 방문한다`: the length still counts from the 29th)
    text = ("신병대 청주부시장은 지난 27일(현지시간) 코칸드시청에서 코칸드 시장과 업무 협약(MOU)을 체결했다.\n"
            "청주시 대표단은 우즈베키스탄 일정을 마치고, 29일부터 사흘 간 키르기스스탄의 수도 비슈케크를 방문한다.")
    dates = trip_dates(text, YearHint(published=D(2024, 9, 29)))
    assert (dates.start.date, dates.end.date) == (D(2024, 9, 27), D(2024, 10, 1))
    # a visit at home before it is no leg
    text = "김 시장은 3일과 4일 이틀간 농협을 방문한다. 이어 오는 6일부터 11일까지 프랑스와 독일을 방문할 예정이다."
    assert trip_dates(text, YearHint(published=D(2016, 3, 3))).start.date == D(2016, 3, 6)


def test_a_return_told_in_the_lead_before_the_departure() -> None:
    # (전남 2005, the 26th held-out batch: `... 순방을 성공리에 마치고 6일 귀국했다.` then `지난달 31일 ... 일본과 중국
    # 순방 길에 올랐던 박 지사는`, the departure told after the return, 순방 and 길 apart)
    text = ("박준영 도지사를 단장으로 하는 전남도 경제사절단이 일본과 중국 순방을 성공리에 마치고 6일 귀국했다.\n\n"
            "지난달 31일 통상외교 및 투자유치를 위해 일본과 중국 순방 길에 올랐던 박 지사는 큰 성과를 일궈냈다.")
    dates = trip_dates(text, YearHint(published=D(2005, 11, 6)))
    assert (dates.start.date, dates.end.date) == (D(2005, 10, 31), D(2005, 11, 6))


def test_the_day_of_the_visit_after_the_span_starts_the_trip() -> None:
    # (진안 2015: `2박 3일간의 일정으로 ... 지난달 25일 상락시를 방문했다`)
    text = "대표단 4명이 2박 3일간의 일정으로 상락시와의 우호도시 협정을 체결하기 위해 지난달 25일 상락시를 방문했다."
    dates = trip_dates(text, YearHint(published=D(2015, 5, 31)))
    assert (dates.start.date, dates.end.date) == (D(2015, 4, 25), D(2015, 4, 27))
    # a day of a visit within a trip under way does not start the span's four days
    text = "3박 4일 일정으로 중국을 방문 중인 대표단은 지난 25일 상락시를 방문했다."
    assert trip_dates(text, YearHint(published=D(2015, 5, 31))).end.date != D(2015, 5, 28)


def test_a_delegation_from_a_day_on_starts_the_trip_whatever_its_verb() -> None:
    # (익산 2023: `대표단이 오는 27일부터 컬버시를 방뭉할 예정이다`, the verb misspelt)
    text = "정헌율 익산시장을 비롯한 대표단이 오는 27일부터 컬버시를 방뭉할 예정이다."
    dates = trip_dates(text, YearHint(published=D(2023, 6, 23)))
    assert dates.start.date == D(2023, 6, 27)


def test_that_day_on_after_the_reports_day_told_in_an_earlier_sentence() -> None:
    # (원주 2023, the 20th held-out batch: `... 기념행사를 한다고 13일 밝혔다. ... 방문단은 이날부터 16일까지`)
    text = ("강원 원주시는 자매도시인 중국 허페이시를 방문해 교류 20주년 기념행사를 한다고 13일 밝혔다.\n\n"
            "이를 위해 원강수 원주시장을 비롯한 방문단은 이날부터 16일까지 3박 4일 일정으로 허페이시를 방문한다.")
    dates = trip_dates(text, YearHint(published=D(2023, 11, 13)))
    assert (dates.start.date, dates.end.date) == (D(2023, 11, 13), D(2023, 11, 16))
    # another day told between them is what `이날` refers to: not the report's day
    text = text.replace("이를 위해", "시는 14일 출범식을 연다. 이를 위해").replace("3박 4일 일정으로 ", "")
    assert trip_dates(text, YearHint(published=D(2023, 11, 13))).start.date != D(2023, 11, 13)


def test_a_day_told_again_in_koreas_time_is_not_another_day_and_attending_abroad_ties_a_day() -> None:
    # (진주 2014: `현지시각 10일 오후 12시30분 (한국시각 11일 오전 5시30분) 라스베이거스 ... 호텔에서`)
    text = ("미국을 방문 중인 이창희 진주시장은 현지시각 10일 오후 12시30분 (한국시각 11일 오전 5시30분) 라스베이거스 "
            "플래닛 헐리우드 호텔에서 히달고시 관계자와 만났다.")
    dates = trip_dates(text, YearHint(published=D(2014, 12, 11)))
    assert (dates.start.date, dates.end.date) == (D(2014, 12, 10), D(2014, 12, 10))
    # (경북 2007: `23일에도 ... LA 옥스퍼드 팔래스 호텔에서 열린 ... 분과위원회에 참석한 김 지사는`)
    text = ("지난 20일 미국을 방문한 김관용 경북지사는 분주한 일정을 보냈다. 23일에도 강행군이 이어져 LA 옥스퍼드 "
            "팔래스 호텔에서 열린 해외자문관 분과위원회에 참석했다.")
    dates = trip_dates(text, YearHint(published=D(2007, 3, 27)))
    assert (dates.start.date, dates.end.date) == (D(2007, 3, 20), D(2007, 3, 23))
    # attending at home ties no day
    text = "지난 20일 미국을 방문한 김 지사는 분주한 일정을 보냈다. 23일에는 도청에서 열린 회의에 참석했다."
    assert trip_dates(text, YearHint(published=D(2007, 3, 27))).end.date == D(2007, 3, 20)


def test_a_fair_held_in_one_month_beats_a_month_the_draft_only_assumes() -> None:
    # (사천 2023: `오는 14일 출국해 ... '2023 파리에어쇼'에 참관 ... 23일 귀국`, no month or date of its own; the
    # file's date, in December 2026, gave the month; the Paris Air Show is held in June)
    text = ("박동식 사천시장은 오는 14일 출국해 폴란드 제슈프시 방문, '2023 파리에어쇼' 참관 등 일정을 소화하고 23일 "
            "귀국한다.")
    dates = trip_dates(text, YearHint(published=D(2026, 12, 7), source="the file's date", assumed=True))
    assert (dates.start.date, dates.end.date) == (D(2023, 6, 14), D(2023, 6, 23))
    assert "Paris" in dates.start.reason or "파리에어쇼" in dates.start.reason


def test_a_day_right_before_the_span_starts_the_trip_and_one_with_kkaji_ends_it() -> None:
    # (서울 2014, the 21st held-out batch: `박원순 시장은 9월 21일 7박 10일 일정으로 미국의 대도시 4곳 ... 방문`)
    text = "박원순 시장은 9월 21일 7박 10일 일정으로 미국의 대도시 4곳을 방문했다. 박 시장은 27일 LA 시장과 면담을 가졌다."
    dates = trip_dates(text, YearHint(published=D(2014, 10, 2)))
    assert (dates.start.date, dates.end.date) == (D(2014, 9, 21), D(2014, 9, 30))
    # (용인 2023: `이상일 시장이 오는 14일까지 7박 9일 일정으로 ... 방문한다고 6일 밝혔다`, then `9~10일` in Austin)
    text = ("용인특례시는 이상일 시장이 오는 14일까지 7박 9일 일정으로 미국 라스베이거스 등 3개 도시를 방문한다고 6일 "
            "밝혔다. 9~10일에는 오스틴을 찾는다.")
    dates = trip_dates(text, YearHint(published=D(2023, 1, 6)))
    assert (dates.start.date, dates.end.date) == (D(2023, 1, 6), D(2023, 1, 14))
    # a range told in full keeps its days, whatever its span says (안성 2011: `15일부터 20일까지 4박5일`)
    dates = trip_dates("황 시장은 오는 15일부터 20일까지 4박5일 일정으로 브레아시를 방문한다.", YearHint(published=D(2011, 4, 13)))
    assert (dates.start.date, dates.end.date) == (D(2011, 4, 15), D(2011, 4, 20))


def test_a_return_after_a_day_abroad_ends_the_trip_and_last_months_day_comes_first() -> None:
    # (경남 2013, the 21st held-out batch: `1일(현지시간) ... 교환하고` ... `오는 4일 귀국 예정이다`)
    text = ("홍 지사는 1일(현지시간) 미국 LA시청에서 가세티 시장과 증서를 교환했다.\n\n파견단은 남은 일정을 마치고 오는 4일 "
            "귀국 예정이다.")
    dates = trip_dates(text, YearHint(published=D(2013, 10, 2)))
    assert (dates.start.date, dates.end.date) == (D(2013, 10, 1), D(2013, 10, 4))
    # a return with no day abroad before it ties nothing
    with pytest.raises(NoTripDates):
        trip_dates("파견단은 남은 일정을 마치고 오는 4일 귀국 예정이다.", YearHint(published=D(2013, 10, 2)))
    # (영등포 2007: `지난달 30일(현지시각) ... 체결했다` and `지난 3일 귀국했다`, in a paper of 5 November)
    text = ("영등포구는 지난달 30일(현지시각) 미국 캘리포니아주 몬테레이파크시와 자매결연을 체결했다고 5일 밝혔다.\n\n"
            "김 구청장은 지난 3일 귀국했다.")
    dates = trip_dates(text, YearHint(published=D(2007, 11, 5)))
    assert (dates.start.date, dates.end.date) == (D(2007, 10, 30), D(2007, 11, 3))


def test_an_event_a_signing_decides_to_hold_is_not_the_trip_and_its_first_day_sets_out_nothing() -> None:
    # (사천 2019, the 22nd held-out batch: `이번 협약으로 오는 9월 5일부터 6일까지 '에어로마트 사천 2019' 행사를
    # 개최하기로 하고` ... `14일 캐나다로 출국해 5일간 ... 활동을 펼치고 후 20일 귀국할 예정이다`)
    text = ("사천시는 캐나다 현지시간 17일 행사장에서 프랑스 ABE사와 협약을 체결했다고 18일 밝혔다. 이번 협약으로 오는 9월 "
            "5일부터 6일까지 '에어로마트 사천 2019' 행사를 개최하기로 했다.\n\n개척단은 14일 캐나다로 출국해 5일간 "
            "해외수주활동을 펼치고 후 20일 귀국할 예정이다.")
    dates = trip_dates(text, YearHint(published=D(2019, 4, 18)))
    assert (dates.start.date, dates.end.date) == (D(2019, 4, 14), D(2019, 4, 20))


def test_a_signing_at_a_city_office_run_into_its_name_is_abroad() -> None:
    # (보성 2016: `지난 9월 29일 뉴욕 방문에 나섰다. 특히, 9월 30일 뉴욕한인회관에서 ... 협약을 체결했다`)
    text = ("이용부 보성군수는 지난 9월 29일 뉴욕 방문에 나섰다. 특히, 9월 30일 뉴욕한인회관에서 뉴욕한인회와 교류협력 "
            "협약을 체결했다.")
    dates = trip_dates(text, YearHint(published=D(2016, 10, 4)))
    assert (dates.start.date, dates.end.date) == (D(2016, 9, 29), D(2016, 9, 30))


def test_a_return_on_the_day_of_the_sentence_before_and_a_trip_cut_short() -> None:
    # jeju-2023-china (27th held-out batch): `지난 25일부터 ... 출장길에 올라 이날 복귀했다`, 이날 being the
    # 31st of the sentence before
    back = ("오영훈 제주지사는 31일 제주도청 소통회의실에서 출입기자 간담회를 열고 ‘중국 출장결과’를 공유했다. "
            "오 지사는 지난 25일부터 중국 출장길에 올라 이날 복귀했다.\n오 지사는 중국 산둥성(칭다오, 웨이하이)을 방문했다.")
    dates = trip_dates(back, YearHint(published=D(2023, 3, 31)))
    assert (dates.start.date, dates.end.date) == (D(2023, 3, 25), D(2023, 3, 31))
    # drafted from a file saved on 7 December: `지난 25일` is November's, which has no 31st, so October
    saved = trip_dates(back, YearHint(published=D(2026, 12, 7), source="the file's date", assumed=True))
    assert (saved.start.date, saved.end.date) == (D(2026, 10, 25), D(2026, 10, 31))
    # ulsan-2010-asia-pacific: the plan was the 17th to the 25th; he came home on the 24th, the rest cancelled
    cut = ("해외 순방 중이던 박맹우 울산시장이 북한의 서해 연평도 포격과 관련, 나머지 일정을 전면 취소하고 11월 24일 "
           "오전 7시 인천공항을 통해 귀국했다.\n박 시장은 11월17일부터 25일까지 8박9일간 싱가포르와 호주(시드니), "
           "중국(칭다오) 등을 방문할 계획으로 출국했었다.")
    dates = trip_dates(cut, YearHint(published=D(2010, 11, 24)))
    assert (dates.start.date, dates.end.date) == (D(2010, 11, 17), D(2010, 11, 24))
    assert "취소" in (dates.end.reason or "")
    # a return within the range told without a cause is a leg's, not the trip's end
    leg = "박 시장은 11월17일부터 25일까지 미국을 방문한다. 시애틀 일정을 마치고 11월 24일 로스앤젤레스로 돌아왔다."
    assert trip_dates(leg, YearHint(published=D(2010, 11, 16))).end.date == D(2010, 11, 25)


def test_a_day_abroad_told_by_an_event_the_delegation_holds_there() -> None:
    # gochang-2025-us (27th held-out batch): `지난 8일 LA의 한남체인 마켓을 방문해 ...`, then `9일에는 LA
    # 힐튼호텔에서 ... 수출 상담회를 열었다`: both days are the trip's
    text = ("심덕섭 고창군수는 지역 농특산품의 대미 수출 확대를 위해 미국 시장 개척에 나섰다고 10일 밝혔다.\n"
            "심 군수를 단장으로 한 방문단은 지난 8일 LA의 한남체인 마켓을 방문해 농특산품 판촉행사를 개최했다.\n"
            "9일에는 LA 힐튼호텔에서 현지 농식품 바이어를 초청해 고창 농특산품 수출 상담회를 열었다.")
    dates = trip_dates(text, YearHint(published=D(2025, 4, 10)))
    assert (dates.start.date, dates.end.date) == (D(2025, 4, 8), D(2025, 4, 9))
    # (an event held at home is no day abroad)
    home = text.replace("LA 힐튼호텔에서", "고창군청에서")
    assert trip_dates(home, YearHint(published=D(2025, 4, 10))).end.date == D(2025, 4, 8)
    # (영월 2024, the 29th held-out batch: `지난 23일부터 미국 ... 한남체인에서 ... 홍보특판전을 개장했다`, then
    # `지난 25일 뉴욕에서 ... 업무협약(MOU)을 체결했다`)
    text = ("영월군은 지난 23일부터 미국 동부지역 뉴저지 소재 대형 한인시장인 한남체인에서 영월군 우수 농특산품 "
            "홍보특판전을 개장했다.\n최 군수와 안 회장은 지난 25일 뉴욕에서 업무협약(MOU)을 체결했다.")
    dates = trip_dates(text, YearHint(published=D(2024, 5, 29)))
    assert (dates.start.date, dates.end.date) == (D(2024, 5, 23), D(2024, 5, 25))
    # (파주 2013, the 29th held-out batch: a ceremony held abroad, the guests listed before `열렸다`)
    text = ("파주시는 일본 사세보시와 자매결연을 체결하고 교류협력의 장을 열어 나가기로 했다.\n"
            "파주시와 일본 사세보시 자매결연식이 5일 사세보시 청사에서 이인재 파주시장을 비롯 박찬일 파주시의회의장, "
            "도모나가 노리오 사세보시장, 나가노 다카미치 사세보시의회의장, 박진웅 주 후쿠오카 총영사 등 200여 명이 참석한 "
            "가운데 열렸다.")
    dates = trip_dates(text, YearHint(published=D(2013, 11, 5)))
    assert (dates.start.date, dates.end.date) == (D(2013, 11, 5), D(2013, 11, 5))
    # (held at home, naming no place abroad, it is no day abroad)
    with pytest.raises(NoTripDates):
        trip_dates("파주시 자매결연식이 5일 파주시청 대회의실에서 시장과 시의회의장 등 200여 명이 참석한 가운데 열렸다.",
                   YearHint(published=D(2013, 11, 5)))


def test_a_span_that_ends_with_the_day_home_and_a_date_bar_of_another_year() -> None:
    # gochang-2009-china (28th held-out batch): only the 21st is told, then `3박4일 일정을 마치고 23일 귀국한다`
    text = ("고창군과 중국 하남성 신양시는 21일 신양시 정부청사에서 우호 도시관계 의향서를 체결했다.\n"
            "신양시는 내년 2월경 고창을 답방할 예정이며, 고창군 대표단은 3박4일 일정을 마치고 23일 귀국한다.")
    dates = trip_dates(text, YearHint(published=D(2009, 12, 22)))
    assert (dates.start.date, dates.end.date) == (D(2009, 12, 20), D(2009, 12, 23))
    assert "3박4일" in (dates.start.reason or "") and dates.span is not None
    # boeun-2016-us: the date bar of the day the page was saved (2024) does not give a 2016 trip its month
    saved = ("2024년 05월 05일 일요일\n[충북=아시아뉴스통신] 김성식기자 송고시간 2016-08-08 11:41\n"
             "충북 보은군이 지난 5일(미국 현지시각) 미국 LA 글렌데일시와 자매결연했다.")
    dates = trip_dates(saved, YearHint(published=D(2016, 8, 8)))
    assert (dates.start.date, dates.end.date) == (D(2016, 8, 5), D(2016, 8, 5))


def test_last_year_written_with_its_number_gives_the_year() -> None:
    # gangwon-2019-us (28th held-out batch): no year with the dates; `지난해(2018년)부터 평창 평화포럼을 개최`
    text = ("최문순 지사는 11월 7일(목)부터 11월9일(토)까지 미국을 방문한다.\n"
            "한편, 강원도는 지난해(2018년)부터 평창 평화포럼을 개최하는 등 한반도 평화에 앞장서고 있다.")
    saved = YearHint(published=D(2026, 12, 7), source="the file's date", assumed=True)
    dates = trip_dates(text, saved)
    assert (dates.start.date, dates.end.date) == (D(2019, 11, 7), D(2019, 11, 9))
    assert "지난해(2018년)" in (dates.start.reason or "")


def test_a_day_home_after_the_work_abroad_ends_a_trip_of_days_tied() -> None:
    # chuncheon-2025-china-changzhou (28th held-out batch)
    text = ("육동한 춘천시장과 시 대표단은 지난 24일 우호협력도시 중국 장쑤성 창저우시(常州)를 방문했다.\n"
            "한편 육동한 시장은 지난 25일 중국 출장 일정을 마치고 귀국했다.")
    dates = trip_dates(text, YearHint(published=D(2025, 10, 27)))
    assert (dates.start.date, dates.end.date) == (D(2025, 10, 24), D(2025, 10, 25))


def test_a_dotted_month_and_day_with_its_weekday_is_a_date() -> None:
    # gangwon-2019-us (28th held-out batch): `또한, 11.8(금) 미국 현지에서 ... 간담회`
    (mention,) = find_mentions("또한, 11.8(금) 미국 현지에서 미국 정관계의 주요 인사들과 간담회를 갖는다.")
    assert (mention.month, mention.day, mention.weekday) == (11, 8, 4)
    assert find_mentions("성장률은 11.8 퍼센트였다.") == []  # (no weekday: a number)


def test_days_tied_across_the_end_of_a_month_and_a_promotion_held_there() -> None:
    # chungju-2023-us (28th held-out batch): `포틀랜드에서는 지난 29일 ... 브랜드를 홍보하였으며, 시애틀에서는
    # 30일 ... 공연을 열었다`, then `지난 1일 ... 업무협약을 체결`: from 29 July, not from 1 August
    text = ("시애틀을 방문 중인 충주시 대표단이 지난 1일 미국 워싱턴주 한인상공회의소와 업무협약을 체결하였다.\n"
            "포틀랜드에서는 지난 29일 파머스 마켓에서 처음으로 충주시 브랜드를 홍보하였으며, 시애틀에서는 30일 저녁 "
            "타코마에 소재한 판타지스극장에서 충주우륵국악단과 택견시범단이 공연을 열었다.")
    dates = trip_dates(text, YearHint(published=D(2023, 8, 2)))
    assert dates.start.date == D(2023, 7, 29)
    # (days of one month still run from the lowest: `지난 3일`, `지난 18일` are 3 to 18, not a wrap)
    apart = ("대표단은 지난 3일 일본 도쿄를 방문해 협약을 체결했다.\n대표단은 지난 18일 일본 오사카를 방문해 협약을 체결했다.")
    assert trip_dates(apart, YearHint(published=D(2023, 8, 20))).start.date == D(2023, 8, 3)


def test_a_full_date_months_from_the_article_is_no_day_of_the_trip() -> None:
    # (대구 2015, the 31st held-out batch: `1~3일 밀라노에서`, and `2015년 1월 1일자로 이탈리아 최초의 광역시가 됐으며` in
    # an article of 29 June)
    text = ("대구시는 정태옥 행정부시장을 단장으로 방문단을 구성해 1~3일 밀라노에서 자매결연 체결 등의 일정을 수행한다.\n"
            "밀라노는 2015년 1월 1일자로 이탈리아 최초의 광역시가 됐으며, 현재 밀라노 박람회가 개최 중에 있다.")
    dates = trip_dates(text, YearHint(published=D(2015, 6, 29)))
    assert (dates.start.date, dates.end.date) == (D(2015, 7, 1), D(2015, 7, 3))


def test_a_ceremony_held_that_day_in_the_report_of_a_signing_abroad_ties_the_day() -> None:
    # (음성 2019, the 32nd held-out batch: `충북 음성군은 중국 강소성 태주시와 ... 협약을 체결했다.` then `19일 군에 따르면,
    # 이날 체결식은 양 지역 대표단이 참석한 가운데 ... 진행됐다.`)
    text = ("충북 음성군(군수 조병옥)은 중국 강소성 태주시와 ‘자매결연 재개 협약’을 체결했다.\n"
            "19일 군에 따르면, 이날 체결식은 양 지역 대표단이 참석한 가운데, 태주시장의 환영사, 조병옥 군수의 답사 순으로 "
            "진행됐다.")
    dates = trip_dates(text, YearHint(published=D(2019, 9, 19)))
    assert (dates.start.date, dates.end.date) == (D(2019, 9, 19), D(2019, 9, 19))
    # (a ceremony at home, in an article naming no place abroad, is no day of a trip)
    with pytest.raises(NoTripDates):
        trip_dates(text.replace("중국 강소성 태주시", "태주시"), YearHint(published=D(2019, 9, 19)))


def test_the_day_before_the_report_told_a_few_sentences_on_comes_before_the_days_tied() -> None:
    # (함양 2024, the 32nd held-out batch: `... 펼치고 있다고 25일 밝혔다`, a caption, `로스앤젤레스에 도착한 시장개척단은
    # 전날 로스앤젤레스 한인회 사무실에서 ... 업무협약을 체결하고`, then `26일은 ... 일정을 마무리한다`)
    text = ("경남 함양군 미국 시장개척단은 로스앤젤레스로 넘어가 미국 서부에서 시장 개척 활동을 펼치고 있다고 25일 밝혔다.\n"
            "진병영 함양군수가 한인회 사무실에서 기념사진을 찍고 있다. [사진=함양군] 2024.10.25 |\n"
            "로스앤젤레스에 도착한 시장개척단은 전날 로스앤젤레스 한인회 사무실에서 업무협약을 체결하고 교류를 이어가기로 "
            "협의했다.\n26일은 로스앤젤레스 갤러리아 백화점을 방문하며 시장개척단 일정을 마무리한다.")
    dates = trip_dates(text, YearHint(published=D(2024, 10, 25)))
    assert (dates.start.date, dates.end.date) == (D(2024, 10, 24), D(2024, 10, 26))


def test_a_length_written_with_a_space_before_gan_is_no_day() -> None:
    # (공주 2023, the 33rd held-out batch: `21일부터 5일 간의 방일 일정을 마치고 25일 귀국했다`: `5일 간` is five days,
    # not the 5th)
    text = "최 시장 일행 6명은 충남도지사 등과 함께 21일부터 5일 간의 방일 일정을 마치고 25일 귀국했다."
    dates = trip_dates(text, YearHint(published=D(2023, 5, 25)))
    assert (dates.start.date, dates.end.date) == (D(2023, 5, 21), D(2023, 5, 25))
    assert [m.day for m in find_mentions(text)] == [21, 25]
    # `15일 간담회` is still the 15th
    assert [m.day for m in find_mentions("시장은 15일 간담회를 열었다.")] == [15]


def test_a_day_of_meeting_the_host_at_its_invitation_the_day_home_after_a_span_and_weekdays_just_past() -> None:
    # (the 34th held-out batch) 안산 2018: `지난 17일 황핑린 러산시장 권한대행을 만나 ... 서명했다`, a visit made at
    # Leshan's invitation
    text = ("안산시와 중국 러산(樂山)시가 실행합의서를 체결했다.\n윤화섭 시장은 지난 17일 황핑린 러산시장 권한대행(상무부시장)을 "
            "만나 양 도시 대표단이 참석한 가운데 합의서에 서명했다.\n이번 방문과 합의서 체결은 러산시의 공식 초청으로 이뤄졌다.")
    dates = trip_dates(text, YearHint(published=D(2018, 9, 19)))
    assert (dates.start.date, dates.end.date) == (D(2018, 9, 17), D(2018, 9, 17))
    # a host met at home (no invitation abroad) dates no trip
    with pytest.raises(NoTripDates):
        trip_dates("윤화섭 시장은 지난 17일 황핑린 러산시장 권한대행을 만나 합의서에 서명했다.", YearHint(published=D(2018, 9, 19)))
    # 충남 2024: `3박4일동안 6개 공식 일정을 소화하고 18일 귀국했다`: home on the 18th, so from the 15th
    text = "올해 첫 해외 출장 일정으로 일본을 선택한 김태흠 충남도지사가 3박4일동안 6개 공식 일정을 소화하고 18일 귀국했다."
    dates = trip_dates(text, YearHint(published=D(2024, 2, 18)))
    assert (dates.start.date, dates.end.date) == (D(2024, 2, 15), D(2024, 2, 18))
    # en-busan 2019: `during his visit to Beijing last Thursday and Friday`, published on a Tuesday
    text = "Oh received positive feedback during his visit to Beijing last Thursday and Friday when he relayed plans."
    dates = trip_dates(text, YearHint(published=D(2019, 11, 12)))
    assert (dates.start.date, dates.end.date) == (D(2019, 11, 7), D(2019, 11, 8))
    # en-incheon 2023: `currently on a business trip to Japan` ... `on the 31st, Mayor Yoo met with Mayor ... of Yokohama`
    text = ("Yoo Jeong-bok, Mayor of Incheon, currently on a business trip to Japan, proposed an economic community.\n"
            "Incheon City announced that on the 31st, Mayor Yoo met with Mayor Yamanaka Takeharu of Yokohama, a sister city.")
    dates = trip_dates(text, YearHint(published=D(2023, 10, 31)))
    assert (dates.start.date, dates.end.date) == (D(2023, 10, 31), D(2023, 10, 31))
    # with no date to count them from, the weekdays ask for one (the draft then assumes the file's date)
    with pytest.raises(NoYear):
        trip_dates("Oh received positive feedback during his visit to Beijing last Thursday and Friday.", YearHint())


def test_an_anniversary_of_a_tie_whose_year_is_in_brackets_after_it() -> None:
    # (대구 2018, the 34th held-out batch: `양도시 자매결연(1997년) 21주년을 기념하는 대구의 날`)
    text = ("권영진 시장 일행은 5월 2일부터 5일까지 히로시마를 방문한다. 3일은 히로시마 시를 방문하고 양도시 "
            "자매결연(1997년) 21주년을 기념하는 대구의 날 행사에 참석한다.")
    dates = trip_dates(text)
    assert (dates.start.date, dates.end.date) == (D(2018, 5, 2), D(2018, 5, 5))
    assert "1997" in str(dates.start.reason)


def test_review_of_session_28_amounts_new_years_and_spaced_lengths() -> None:
    # an amount or a head count before a title with dates in brackets is no year
    for text in ("총사업비 1900만원을 들인 해외연수(11.5.~11.8.)로 대표단이 일본을 방문했다.",
                 "관람객 2000여명이 찾은 박람회(11.5.~11.8.)에 대표단이 참가했다."):
        with pytest.raises(NoYear):
            trip_dates(text)
    # `올해 첫 일정`, `새해 첫 일정`, `하노이로 이동해 첫 일정으로` are not the trip's first day; `시장은 방일 첫 일정으로`,
    # `대표단은 첫 일정으로` are
    start, end = D(2013, 11, 18), D(2013, 11, 22)
    for text in ("시장은 올해 첫 일정으로 현충원을 찾았다.", "새해 첫 일정으로 시장을 찾았다.",
                 "하노이로 이동해 첫 일정으로 공장을 방문했다."):
        assert relative_day(text, None, start, end) is None, text
    for text in ("시장은 방일 첫 일정으로 가라츠시를 찾았다.", "대표단은 첫 일정으로 공장을 찾았다."):
        assert relative_day(text, None, start, end)[0] == start, text
    # `15일부터 17일 간 일본을 방문한다`: the 15th to the 17th, not seventeen days
    dates = trip_dates("김 시장은 15일부터 17일 간 일본을 방문한다.", YearHint(published=D(2019, 5, 10)))
    assert (dates.start.date, dates.end.date) == (D(2019, 5, 15), D(2019, 5, 17))
    # the host met at home, in a text naming the host's country but no invitation, ties no day
    with pytest.raises(NoTripDates):
        trip_dates("윤화섭 시장은 지난 17일 중국 황핑린 러산시장 권한대행을 만나 합의서에 서명했다.",
                   YearHint(published=D(2018, 9, 19)))


def test_a_spaced_length_the_day_a_trip_is_wrapped_up_and_a_departure_told_after_its_span() -> None:
    # (the 36th held-out batch) 영천 2025: `26일부터 4박 6일 간 일정으로`: from the 26th, six days
    text = ("경북 영천시는 26일부터 4박 6일 간 일정으로 최기문 시장을 단장으로 하는 동남아 무역사절단을 파견한다.\n"
            "무역사절단은 27일 인도네시아 자카르타에서 수출상담회를 열고 28일에는 수출설명회를 갖는다.")
    dates = trip_dates(text, YearHint(published=D(2025, 5, 25)))
    assert (dates.start.date, dates.end.date) == (D(2025, 5, 26), D(2025, 5, 31))
    # 용인 2016: `28일 10박12일 일정의 해외순방을 마무리했다`: the 28th ends the twelve days
    text = "해외 세일즈에 나선 정찬민 용인시장이 28일 10박12일 일정의 해외순방을 마무리했다."
    dates = trip_dates(text, YearHint(published=D(2016, 4, 28)))
    assert (dates.start.date, dates.end.date) == (D(2016, 4, 17), D(2016, 4, 28))
    # ... while `28일 10박12일 일정의 해외순방에 나섰다` still starts them
    dates = trip_dates("정찬민 용인시장이 28일 10박12일 일정의 해외순방에 나섰다.", YearHint(published=D(2016, 4, 28)))
    assert (dates.start.date, dates.end.date) == (D(2016, 4, 28), D(2016, 5, 9))
    # 충주 2024: `3박4일 방일 일정을 마무리하고 전날 귀국했다. 지난 1일 출국한 방문단은`: the departure told
    # in the sentence after the span's
    text = ("5일 충주시에 따르면 조길형 시장 등 충주시 방문단은 3박4일 방일 일정을 마무리하고 전날 귀국했다.\n"
            "지난 1일 출국한 방문단은 유가와라정 청사에서 무궁화 기념 식수를 했다.")
    dates = trip_dates(text, YearHint(published=D(2024, 8, 5)))
    assert (dates.start.date, dates.end.date) == (D(2024, 8, 1), D(2024, 8, 4))
    # 보은 2025: `7일 보은군에 따르면 이달 10일까지 중국에 머무르는 최 군수 일행은 전날 ... 좌담회를 갖고`: from the
    # day before the report to the stay's last day
    text = ("7일 보은군에 따르면 이달 10일까지 중국에 머무르는 최 군수 일행은 전날 닝안시 서기 등과 좌담회를 갖고 "
            "교류 협력사업을 논의했다.")
    dates = trip_dates(text, YearHint(published=D(2025, 7, 7)))
    assert (dates.start.date, dates.end.date) == (D(2025, 7, 6), D(2025, 7, 10))


def test_review_of_session_29_a_departure_before_the_wrap_up_and_others_setting_out_later() -> None:
    # `28일 4박5일 일정으로 출국해 일정을 마치고`: the span starts with the departure; it is not wrapped up that day
    dates = trip_dates("시장은 28일 4박5일 일정으로 출국해 일정을 마치고 다음 달 2일 돌아온다.", YearHint(published=D(2016, 4, 27)))
    assert (dates.start.date, dates.end.date) == (D(2016, 4, 28), D(2016, 5, 2))
    # a departure still to come (`오는 20일 출발하는 청소년 교류단`) is not the trip's just ended
    text = ("5일 충주시에 따르면 조길형 시장 등 충주시 방문단은 3박4일 방일 일정을 마무리하고 전날 귀국했다.\n"
            "시는 오는 20일 출발하는 청소년 교류단도 파견한다.")
    dates = trip_dates(text, YearHint(published=D(2024, 8, 5)))
    assert dates.end.date == D(2024, 8, 4)
    # `26일부터 6일 간 일정으로`: six days, not the 6th
    dates = trip_dates("경북 영천시는 26일부터 6일 간 일정으로 무역사절단을 파견한다.", YearHint(published=D(2025, 5, 25)))
    assert (dates.start.date, dates.end.date) == (D(2025, 5, 26), D(2025, 5, 31))


def test_a_trips_event_wrapped_up_on_a_later_day_ends_days_tied() -> None:
    # (강원 2024, the 36th held-out batch) the lead's `기념행사가 10일 오후 성황리에 마무리됐다`, then `지난 7일부터
    # ... 일본을 방문했다`: the 7th to the 10th
    text = ("강원도와 일본 돗토리현 간 자매결연 30주년 기념행사가 10일 오후 성황리에 마무리됐다.\n앞서 김진태 강원특별자치도지사 "
            "등은 지난 7일부터 돗토리현과의 기념행사를 위해 일본을 방문했다.")
    dates = trip_dates(text, YearHint(published=D(2024, 11, 10)))
    assert (dates.start.date, dates.end.date) == (D(2024, 11, 7), D(2024, 11, 10))
    # a closing day weeks on is not its end
    text = ("박람회가 28일 폐막했다.\n김 지사 등은 지난 7일부터 일본을 방문했다.")
    dates = trip_dates(text, YearHint(published=D(2024, 11, 10)))
    assert dates.end.date == D(2024, 11, 7)
