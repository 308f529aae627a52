"""English articles from Korean outlets (issue 16): the leader, the home, the trip's dates and
span, the published date, as English reports word them. Every sentence here is made up."""

from __future__ import annotations

import datetime as dt

from tripdesk.draft import dates, english
from tripdesk.draft.articles import read_article


def _trip(text: str, published: dt.date | None = None) -> tuple[dt.date, dt.date]:
    found = dates.trip_dates(text, dates.YearHint(published=published))
    return found.start.date, found.end.date


# -- who leads, and from where ----------------------------------------------------------------

def test_a_leader_role_before_the_name_may_follow_the_place_or_be_abbreviated() -> None:
    text = ("Namwon Mayor Choi Bo-ra will visit Lyon. Gov. Han Seung-il of South Jeolla Province joins. "
            "Hadong County Governor Ryu Min-ho met Lyon Mayor Pierre Morel.")
    roles = {p.ko: p.role for p in english.people(text)}
    assert roles["Choi Bo-ra"] == "Namwon Mayor"
    assert roles["Han Seung-il"] == "Gov."
    assert roles["Ryu Min-ho"] == "Hadong County Governor"
    assert all(english.is_leader_role(r) for r in roles.values())
    assert not english.is_leader_role("Director")


def test_the_korean_head_leads_before_a_foreign_mayor_named_first() -> None:
    text = ("Lyon Mayor Pierre Morel welcomed the delegation. "
            "Gov. Han Seung-il of South Jeolla Province signed the pact.")
    assert [p.ko for p in english.leaders(text, english.people(text))] == ["Han Seung-il", "Pierre Morel"]


def test_provinces_by_their_older_and_romanised_english_names() -> None:
    text = "North Jeolla Province and Jeollabuk-do, Gyeongsangnam-do, North Chungcheong Province; South Korea."
    assert [g.ko for g in english.home_mentions(text)] == ["전북특별자치도", "전북특별자치도", "경상남도", "충청북도"]


# -- dates ----------------------------------------------------------------------------------

def test_an_abbreviated_month_with_a_hyphenated_range_and_ordinals() -> None:
    assert _trip("He plans to visit Lyon from Sept. 22-26, the province said.", dt.date(2031, 8, 26)) == (
        dt.date(2031, 9, 22), dt.date(2031, 9, 26))
    assert _trip("The delegation visits Lyon from the 3rd to the 5th.", dt.date(2031, 6, 4)) == (
        dt.date(2031, 6, 3), dt.date(2031, 6, 5))


def test_a_time_after_a_published_date_is_not_a_range() -> None:
    mentions = dates.find_mentions("Published : Mar 4, 2031 - 10:15")
    assert [(m.month, m.day) for m in mentions] == [(3, 4)]


def test_spans_in_english_words() -> None:
    assert dates.find_span("a four-day, three-night schedule")[0] == dates.Span(3, 4, "four-day, three-night")
    assert dates.find_span("embarked on a 10-day, 8-night mission")[0].nights == 8
    assert dates.find_span("will go on a 12-day trip to Europe")[0] == dates.Span(None, 12, "12-day trip")
    assert dates.find_span("over a 5-day itinerary between") [0].days == 5
    assert dates.find_span("a 3-day festival") is None


def test_set_out_on_one_day_and_return_home_on_another() -> None:
    text = ("Governor Han, who embarked on a mission to France on March 2, returned home on March 9 after "
            "signing two MOUs.")
    assert _trip(text, dt.date(2031, 3, 10)) == (dt.date(2031, 3, 2), dt.date(2031, 3, 9))


def test_weekdays_and_a_length_counted_from_the_published_date() -> None:
    # 2031-05-01 is a Thursday
    text = "Mayor Choi will go on a 9-day trip this week. Starting Friday, Choi will visit Lyon."
    assert _trip(text, dt.date(2031, 5, 1)) == (dt.date(2031, 5, 2), dt.date(2031, 5, 10))
    text = "He plans to begin a three-day trip there through Sunday, his office said Thursday."
    assert _trip(text, dt.date(2031, 5, 1)) == (dt.date(2031, 5, 2), dt.date(2031, 5, 4))


def test_a_weekday_printed_beside_another_date_decides_the_year() -> None:
    # the range's days print no weekday; July 8 (Tue) picks the latest year in which it is one
    text = "From July 6 to 10, the mayor toured Lyon. On July 8 (Tue, local time), he met the mayor."
    start, end = _trip(text)
    assert start.weekday() == 6 and dt.date(start.year, 7, 8).weekday() == 1


def test_an_event_named_with_its_year_decides_it_not_a_bare_later_year() -> None:
    text = ("The mayor attends the 2024 Global Harbour Forum. He will visit Lyon between May 3 and 7. "
            "He will also back the city's bid to host the next forum in 2025.")
    assert _trip(text) == (dt.date(2024, 5, 3), dt.date(2024, 5, 7))


def test_an_english_page_stamp_is_the_published_date() -> None:
    for stamp, date in (("Created date\n2031-10-13", dt.date(2031, 10, 13)),
                        ("Createdd 2031-05-19 Hit 20", dt.date(2031, 5, 19)),
                        ("Published : Nov 25, 2030 - 11:56", dt.date(2030, 11, 25))):
        article = read_article(f"News\n\n{stamp}\n\nMayor Choi Bo-ra visited Lyon.".encode(), "a.txt")
        assert article.published == date, stamp
