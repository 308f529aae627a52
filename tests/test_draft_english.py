"""English articles from Korean outlets (issue 16): the leader, the home, the trip's dates and
span, the published date, as English reports word them. Every sentence here is made up."""

from __future__ import annotations

import datetime as dt

import pytest

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
                        ("Published : Nov 25, 2030 - 11:56", dt.date(2030, 11, 25)),
                        ("date 2031-03-06 Image: City of Busan", dt.date(2031, 3, 6)),
                        ("by admin posted Jan 19, 2031\n?\n\n단축키", dt.date(2031, 1, 19))):
        article = read_article(f"News\n\n{stamp}\n\nMayor Choi Bo-ra visited Lyon.".encode(), "a.txt")
        assert article.published == date, stamp
    # (청주 2024, the 26th held-out batch: a date alone under the headline; not a weather bar's first line)
    article = read_article("청주시, 코칸드시와 우호교류 협약 체결\n\n2024-09-29\n\n청주시가 협약을 체결했다.".encode(), "a.txt")
    assert article.published == dt.date(2024, 9, 29)
    article = read_article("2024-09-29\n\n청주시, 코칸드시와 협약 체결\n\n청주시가 협약을 체결했다.".encode(), "a.txt")
    assert article.published is None
    # `date` in prose is no stamp: only at the start of a line.
    article = read_article("News\n\nThe mayor will update the date 2031-03-06 later.".encode(), "a.txt")
    assert article.published is None


def test_a_headline_verb_after_a_role_is_no_name() -> None:
    text = "Namwon Mayor Visits France and Spain; Namwon Mayor Choi Bo-ra, who left on May 2, met Lyon Mayor Pierre Morel."
    assert [p.ko for p in english.people(text)] == ["Choi Bo-ra", "Pierre Morel"]


def test_a_hyphened_word_before_a_role_and_its_own_name_is_no_name() -> None:
    text = "After a 3-Nation Mission, Gyeonggi Governor Kim Moon-soo Returns Home with Fruitful Results"
    assert [(p.ko, p.role) for p in english.people(text)] == [("Kim Moon-soo", "Gyeonggi Governor")]
    assert [p.ko for p in english.people("Kim Jang-ho, Mayor of Gumi, met Bob Filner.")] == ["Kim Jang-ho"]
    assert [p.ko for p in english.people("Lee Jang-woo, Daejeon Mayor Meets Hanoi Leaders")] == ["Lee Jang-woo"]


def test_a_return_told_before_the_first_visit_day_bounds_the_trip() -> None:
    text = ("Gyeonggi Governor Kim Moon-soo returned to Korea on April 25 after successful visits to the US, "
            "Australia, and New Zealand.\nGovernor Kim visited the US on April 15 as a special invitee.")
    assert _trip(text, dt.date(2008, 5, 7)) == (dt.date(2008, 4, 15), dt.date(2008, 4, 25))
    # a guest's visit to Korea is no day of the trip
    text = ("Gyeongbuk Governor Lee Cheol-woo returned to Korea on May 3 after visiting China's Shandong Province. "
            "The trip was a return visit: Shandong Governor Zhou Naixiang visited Gyeongbuk on April 15 and invited him.")
    with pytest.raises(dates.NoTripDates):
        _trip(text, dt.date(2024, 5, 6))


def test_a_sentence_from_its_start_day_for_a_number_of_days() -> None:
    text = ("From the 18th, Daejeon City Executive Mayor Yoo Deuk-won is carrying out economic diplomacy "
            "targeting Taiwan's Hsinchu City and Japan's Tsukuba City for 5 days.\n"
            "On the 21st, Vice Mayor Yoo visited Tsukuba City, Japan.")
    assert _trip(text, dt.date(2024, 3, 29)) == (dt.date(2024, 3, 18), dt.date(2024, 3, 22))
    # a length of something else in the sentence is not the trip's
    text = ("From the 18th, Daejeon Mayor Lee Jang-woo is visiting Hanoi, where the city's trade fair runs for 3 days, "
            "and Bangkok, returning home on the 26th.")
    assert _trip(text, dt.date(2024, 3, 29)) == (dt.date(2024, 3, 18), dt.date(2024, 3, 26))


def test_a_us_state_after_a_city_is_the_state_not_a_city_of_its_name() -> None:
    text = "The mayor toured Portland in Oregon and Seattle, Washington, then flew to Washington in the United States."
    assert [(p.ko, p.city.region) for p in english.find_places(text)] == [
        ("Portland", "OR"), ("Seattle", "WA"), ("Washington", "DC")]


def test_an_english_weekday_is_the_only_trip_day_on_it() -> None:
    start, end = dt.date(2031, 5, 4), dt.date(2031, 5, 7)  # Sunday to Wednesday
    assert dates.relative_day("On Tuesday, he will meet the governor.", None, start, end)[0] == dt.date(2031, 5, 6)
    assert dates.relative_day("Officials said on Monday that he would go.", None, start, end) is None
    long_start, long_end = dt.date(2031, 5, 2), dt.date(2031, 5, 12)  # two Fridays
    assert dates.relative_day("Starting Friday, he will visit Lyon.", None, long_start, long_end)[0] == long_start
    assert dates.relative_day("On Friday, he will visit Lyon.", None, long_start, long_end) is None
    # a verb of travel, or `next`, before the weekday
    assert dates.relative_day("Oh will depart Sunday for Toronto.", None, start, end)[0] == start
    assert dates.relative_day("He will attend a forum to be held in Lyon next Wednesday.", None, start, end)[0] == end
    assert dates.relative_day("Officials said Tuesday the forum went well.", None, start, end) is None


def test_english_agreements_their_kinds_and_counts() -> None:
    from tripdesk.draft import agreements

    def found(sentence: str) -> list[tuple[str, str]]:
        return [(a.kind, a.status) for a in agreements.find_agreements(sentence, [(0, len(sentence))])]

    assert found("The governor signed two MOUs and confirmed three LOIs with five companies.") == [
        ("MOU", "signed")] * 2 + [("letter of intent", "signed")] * 3
    assert found("He met the mayors of the four cities and signed MOUs with each of them.") == [("MOU", "signed")] * 4
    assert found("The two cities signed a friendship city agreement at City Hall.") == [("other", "signed")]
    assert found("He will also sign a sister-city pact with Lyon.") == [("sister-city", "planned")]
    assert found("Both sides signed memoranda of understanding.") == [("MOU", "signed")]


def test_english_organisations_by_more_kind_words_and_not_a_mayor_named_park() -> None:
    text = ("Mayor Park toured Lyon City Hall, the Rhone Valley Brewery and the 2031 Global Harbour Forum, "
            "then visited snack company Crunchy Bee's plant. Seoul Mayor Park met them.")
    assert {o.ko: o.kind for o in english.organisations(text)} == {
        "Lyon City Hall": "government", "Rhone Valley Brewery": "company", "Global Harbour Forum": "event",
        "Crunchy Bee": "company"}


def test_english_quotes_with_their_speakers_by_surname() -> None:
    from tripdesk.draft import analyser, quotes

    text = ("Hadong County Governor Ryu Min-ho met Lyon Mayor Pierre Morel on Monday. Governor Ryu said, "
            "\"We will open a new chapter with our friends in Lyon.\" \"The two cities share a river and a "
            "future,\" Morel said. \"I hope the pact brings our young people together,\" said Mayor Ryu.")
    found = quotes.find_quotes(text, analyser.sentences(text), english.people(text))
    assert [(q.text[:12], q.speaker.ko) for q in found] == [
        ("We will open", "Ryu Min-ho"), ("The two citi", "Pierre Morel"), ("I hope the p", "Ryu Min-ho")]


def test_english_quotes_brought_in_by_a_participle_and_went_on_with_he() -> None:
    # (en-incheon 2023, the 34th held-out batch: `Mayor Yoo emphasized ..., stating, "..."`, `He added, "..."`,
    # `Mayor Yamanaka expressed agreement, saying, "..."`)
    from tripdesk.draft import analyser, quotes

    text = ("Incheon Mayor Yoo Jeong-bok met Yokohama Mayor Yamanaka Takeharu on the 31st.\n"
            "Mayor Yoo emphasized the importance of friendly cooperation, stating, \"It is necessary to promote "
            "exchanges among the port cities.\"\nHe added, \"City diplomacy led by local governments can be "
            "flexible.\"\nMayor Yamanaka expressed agreement, saying, \"I expect that exchanges will contribute to "
            "peace.\"")
    found = quotes.find_quotes(text, analyser.sentences(text), english.people(text))
    assert [(q.text[:12], q.speaker.ko) for q in found] == [
        ("It is necess", "Yoo Jeong-bok"), ("City diploma", "Yoo Jeong-bok"),
        ("I expect tha", "Yamanaka Takeharu")]
    # `He said` with no one quoted before it names no one
    text = "He said, \"We will come back to Lyon next year with more companies.\""
    assert [q.speaker for q in quotes.find_quotes(text, analyser.sentences(text), english.people(text))] == [None]


def test_a_made_up_english_report_drafts_whole_and_validates(tmp_path, monkeypatch, capsys) -> None:  # noqa: ANN001
    import pytest
    import yaml

    pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")
    from tripdesk.cli import main

    monkeypatch.setenv("TRIPDESK_DB", str(tmp_path / "t.db"))
    article = tmp_path / "en.txt"
    article.write_text(
        "Namwon mayor to visit French sister city\n\n"
        "NAMWON, South Korea, May 1 (Yonhap) -- Namwon Mayor Choi Bo-ra will go on a four-day trip to France "
        "this week, officials said Thursday.\n\n"
        "Starting Friday, Choi will visit Lyon, a sister city since the two signed a sister-city agreement in "
        "2015.\n\n"
        "On Sunday, she will sign an MOU on youth exchanges with Lyon Mayor Pierre Morel.\n\n"
        "\"Our friendship will reach a new generation,\" Choi said.\n", encoding="utf-8")
    path = tmp_path / "en.yaml"
    assert main(["draft", str(article), "--url", "https://example.com/view/AEN20250501000100315",
                 "-o", str(path)]) == 0, capsys.readouterr().err
    assert main(["validate", str(path), "--articles", str(tmp_path)]) == 0
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    trip = doc["trip"]
    assert (str(trip["start"]), str(trip["end"]), trip["span_reported"]["days"]) == ("2025-05-02", "2025-05-05", 4)
    assert trip["leader"]["person"] == "choi-bo-ra" and trip["home_city"]["name"]["ko"] == "남원"
    (agreement,) = doc["agreements"]  # the 2015 agreement is of an earlier year
    assert (agreement["kind"], str(agreement.get("date")), agreement["status"]["value"]) == ("MOU", "2025-05-04",
                                                                                         "planned")
    (quote,) = doc["quotes"]
    assert quote["speaker"] == "choi-bo-ra"


def test_a_quote_the_saved_text_ends_inside_is_kept_with_its_speaker() -> None:
    from tripdesk.draft import analyser, quotes

    text = ("Hadong County Governor Ryu Min-ho visited Lyon.\n\nGovernor Ryu said, \"I hope that our young "
            "people will meet more often in the years to")
    (quote,) = quotes.find_quotes(text, analyser.sentences(text), english.people(text))
    assert (quote.text, quote.speaker.ko, quote.cut) == (
        "I hope that our young people will meet more often in the years to", "Ryu Min-ho", True)
    closed = text + " come.\" He left."
    assert [q.cut for q in quotes.find_quotes(closed, analyser.sentences(closed), english.people(closed))] == [False]


def test_a_city_name_beginning_a_facility_beside_another_city_is_no_city() -> None:
    text = "They will visit Satsumasendai City Hall, Sendai Port and a brewery."
    assert [p.ko for p in english.find_places(text, {"JP"})] == ["Satsumasendai"]
    assert [p.ko for p in english.find_places("He spoke at the Brisbane Convention Center, Australia.")] == ["Brisbane"]


def test_a_city_with_its_country_after_it_is_not_listed_with_others() -> None:
    def listed(sentence: str) -> bool:
        (place, *_) = english.find_places(sentence, {"JP", "US", "FR"})
        return english.listed_with_others(sentence, place)

    assert not listed("They are visiting Satsumasendai City, Japan, from the 3rd to the 5th.")
    assert not listed("He visits Anchorage, Alaska, from May 3 to 7.")
    assert listed("He visits Lyon, Paris and Nice from May 3 to 7.")


def test_a_city_state_is_a_city_a_country_is_not() -> None:
    text = "The mayor visited Singapore and then Brisbane, Australia, after Japan."
    assert [(p.ko, p.city.country) for p in english.find_places(text)] == [("Singapore", "SG"), ("Brisbane", "AU")]


def test_cities_by_the_english_names_the_press_uses_without_accents_and_not_a_state() -> None:
    text = "He visited New York, Seville in Spain, Zurich in Switzerland and Cologne, not New York State."
    assert [(p.ko, p.city.en, p.city.country) for p in english.find_places(text)] == [
        ("New York", "New York", "US"), ("Seville", "Seville", "ES"), ("Zurich", "Zurich", "CH"),
        ("Cologne", "Cologne", "DE")]


def test_an_english_article_without_a_leader_or_dates_is_told_so_in_english_examples(tmp_path, monkeypatch,  # noqa: ANN001
                                                                                      capsys) -> None:  # noqa: ANN001
    import pytest

    pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")
    from tripdesk.cli import main

    monkeypatch.setenv("TRIPDESK_DB", str(tmp_path / "t.db"))
    article = tmp_path / "en.txt"
    article.write_text("A delegation from Namwon will visit Lyon, France, from May 3 to 7, 2025, the city said.\n",
                       encoding="utf-8")
    assert main(["draft", str(article), "--lang", "en", "-o", str(tmp_path / "a.yaml")]) == 1
    assert "'led by Mayor Kim Jang-ho'" in capsys.readouterr().err
    article.write_text("Namwon Mayor Choi Bo-ra will visit Lyon, France, the city said.\n", encoding="utf-8")
    assert main(["draft", str(article), "--lang", "en", "-o", str(tmp_path / "a.yaml")]) == 1
    assert "'from October 12 to 20'" in capsys.readouterr().err


def test_a_misspelt_well_known_city_listed_with_others_in_a_country_the_article_names() -> None:
    def names(sentence: str, countries: set[str]) -> list[tuple[str, str]]:
        return [(p.ko, p.city.en) for p in english.find_places(sentence, countries)]

    found = english.find_places("The mayor visited Singapore and Sidney, and Brisbane, Australia.", set())
    assert [(p.ko, p.city.en, p.city.country) for p in found] == [
        ("Singapore", "Singapore", "SG"), ("Sidney", "Sydney", "AU"), ("Brisbane", "Brisbane", "AU")]
    assert "misspelling" in found[1].note
    assert names("They agreed with Sidney and Brisbane on more exchanges.", {"AU"}) == [
        ("Sidney", "Sydney"), ("Brisbane", "Brisbane")]
    # not where nothing says it is a city: the country unnamed, a first word, a full name, alone
    assert names("They agreed with Sidney and Brisbane on more exchanges.", {"GB"}) == [("Brisbane", "Brisbane")]
    assert names("They agreed with Sidney and Brisbane on more exchanges.", {"US"})[0] == ("Sidney", "Sidney")
    assert names("Sidney and Brisbane agreed on more exchanges.", {"AU"}) == [("Brisbane", "Brisbane")]
    assert names("He met Sidney Poitier and toured Brisbane.", {"AU"}) == [("Brisbane", "Brisbane")]
    assert names("He met Sidney in Brisbane.", {"AU"}) == [("Brisbane", "Brisbane")]


def test_two_letter_swaps_and_one_letter_dropped_are_one_edit() -> None:
    assert english._one_edit("Sydeny", "Sydney") and english._one_edit("Sydny", "Sydney")
    assert english._one_edit("Sidney", "Sydney") and not english._one_edit("Sidny", "Sydney")
    assert not english._one_edit("Sydney", "Sydney")


def test_a_dated_sentence_naming_only_an_event_takes_the_city_another_sentence_puts_it_in() -> None:
    text = ("Mayor Choi Bo-ra will attend the 5th Global Rice Festival at the Lyon Exhibition Center in France. "
            "She will also visit Paris. "
            "On May 3, the opening day of the GRF, she will give a speech. "
            "Before the GRF in Lyon, she meets the mayor of Paris.")
    dated = "On May 3, the opening day of the GRF, she will give a speech."
    place = english.event_city(dated, text, {"FR"})
    assert place is not None and (place.city.en, place.city.country) == ("Lyon", "FR")
    assert "GRF" in place.note and "Lyon" in place.note
    # by its name as well as its acronym; none where the event is put in two cities, or nowhere
    assert english.event_city("On May 3 she opens the Global Rice Festival.", text, {"FR"}).city.en == "Lyon"
    two = text + " The GRF in Paris closes it."
    assert english.event_city(dated, two, {"FR"}) is None
    assert english.event_city("On May 3, she will give a speech at the MOU signing.", text, {"FR"}) is None


def test_the_first_city_of_a_sentence_that_starts_the_trip_in_order() -> None:
    sentence = "Starting Friday, Choi will visit Lyon and then Geneva of Switzerland, as well as Paris."
    opening = english.first_stop(sentence, english.find_places(sentence, {"FR", "CH"}))
    assert opening is not None and opening[0].city.en == "Lyon" and opening[1].endswith("visit Lyon")
    # a list in no stated order, or a sentence that does not start the trip, gives no first day
    for other in ("Starting Friday, Choi will visit Lyon, Geneva and Paris.",
                  "Choi will visit Lyon and then Geneva of Switzerland."):
        assert english.first_stop(other, english.find_places(other, {"FR", "CH"})) is None


def test_a_made_up_report_dates_its_first_city_and_the_city_of_its_event(tmp_path, monkeypatch, capsys) -> None:  # noqa: ANN001
    import pytest
    import yaml

    pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")
    from tripdesk.cli import main

    monkeypatch.setenv("TRIPDESK_DB", str(tmp_path / "t.db"))
    article = tmp_path / "en.txt"
    article.write_text(
        "Namwon mayor to visit Europe\n\n"
        "NAMWON, South Korea, May 1 (Yonhap) -- Namwon Mayor Choi Bo-ra will go on a six-day trip to Europe "
        "this week, officials said Thursday.\n\n"
        "Starting Friday, Choi will visit Lyon and then Geneva of Switzerland.\n\n"
        "In Switzerland, she will attend the Global Rice Forum in Geneva.\n\n"
        "On Monday, the opening day of the GRF, she will give a speech on rice farming.\n", encoding="utf-8")
    path = tmp_path / "en.yaml"
    assert main(["draft", str(article), "--url", "https://example.com/view/AEN20250501000100315",
                 "-o", str(path)]) == 0, capsys.readouterr().err
    assert main(["validate", str(path), "--articles", str(tmp_path)]) == 0
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    dated = {str(d["date"]): [p["city"]["en"] for p in d["places"]] for d in doc["days"] if d.get("date")}
    assert dated == {"2025-05-02": ["Lyon"], "2025-05-05": ["Geneva"]}
    reasons = {str(d["date"]): d["inferred"]["places"]["en"] for d in doc["days"] if d.get("date")}
    assert "starts the trip" in reasons["2025-05-02"] and "GRF" in reasons["2025-05-05"]


def test_days_counted_in_english_from_the_start_the_end_or_the_day_before() -> None:
    start, end = dt.date(2031, 9, 21), dt.date(2031, 9, 26)

    def day(sentence: str, previous: dt.date | None = None) -> dt.date | None:
        found = english.counted_day(sentence, previous, start, end)
        return found[0] if found else None

    assert day("On the second day of the trip, she visited Lyon City Hall.") == dt.date(2031, 9, 22)
    assert day("During the third day, she met students.") == dt.date(2031, 9, 23)
    assert day("On day four of her European tour, she rested.") == dt.date(2031, 9, 24)
    assert day("On the last day, she will visit Geneva.") == end
    assert day("A day later, she flew to Geneva.", dt.date(2031, 9, 23)) == dt.date(2031, 9, 24)
    assert day("That evening, she hosted a dinner.", dt.date(2031, 9, 23)) == dt.date(2031, 9, 23)
    assert day("Choi met Mayor Morel Monday (local time).") == dt.date(2031, 9, 22)
    assert day("Choi met Mayor Morel Monday local time.") == dt.date(2031, 9, 22)
    assert day("Officials said Monday that she would go.") is None  # no mark of local time
    assert english.counted_day("She met him Monday (local time).", None, start, start + dt.timedelta(days=9)) is None
    # the days of an event or of one city, a day past the trip, a day later with nothing before
    assert day("On the second day of the forum, she spoke.") is None
    assert day("On the second day in Lyon, she met students.") is None
    assert day("On the tenth day of the trip she was home.") is None
    assert day("A day later, she flew to Geneva.") is None


def test_a_wire_reports_dateline_city_in_capitals() -> None:
    text = "PARIS, Oct. 22 (Yonhap) -- Seoul Mayor Oh Se-hoon met French officials on Saturday."
    assert [(p.ko, p.city.en, p.city.country) for p in english.find_places(text, {"FR"})] == [("Paris", "Paris", "FR")]
    assert [p.city.en for p in english.find_places("LOS ANGELES, Aug. 26 (Yonhap) -- He met ...", {"US"})] == [
        "Los Angeles"]
    # Seoul's own dateline is home, not a destination; a heading in capitals with no date is none
    assert english.find_places("SEOUL, Oct. 20 (Yonhap) -- Seoul Mayor Oh will go.", {"FR"}) == []
    assert english.find_places("PARIS, a city of light, welcomed him.", {"FR"}) == []


def test_a_made_up_wire_report_dates_its_dateline_and_its_counted_days() -> None:
    import pytest

    pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")
    from tripdesk.draft.articles import Article
    from tripdesk.draft.assemble import draft_trip
    from tripdesk.store.queries import KnownEntities

    text = ("Namwon mayor in France\n"
            "PARIS, Sept. 22 (Yonhap) -- Namwon Mayor Choi Bo-ra toured a park on Monday, the city said.\n"
            "Choi is on a trip to France and Switzerland from Sept. 21 to 26.\n"
            "On the third day, she met students in Annecy. On the last day, she will visit Geneva.\n")
    article = Article(name="made-up.txt", text=text, outlet="Yonhap", language="en")
    doc = draft_trip([article], KnownEntities(), dates.YearHint(published=dt.date(2031, 9, 22))).document
    dated = {str(d["date"]): [p["city"]["en"] for p in d["places"]] for d in doc["days"] if d.get("date")}
    assert dated == {"2031-09-22": ["Paris"], "2031-09-23": ["Annecy"], "2031-09-26": ["Geneva"]}


def test_an_english_caption_told_as_prose_is_kept_a_label_or_a_korean_one_is_not() -> None:
    raw = ("Mayor Choi Bo-ra visited Lyon, France, from September 15th to 22.\n\n"
           "▲ The photo shows Mayor Choi giving a speech on rice farming at the Lyon Convention Center, France, "
           "on the 21st.\n\n"
           "▲ Mayor Choi in Lyon\n\n"
           "▲ 최보라 시장이 21일 리옹에서 연설하고 있다.\n\nShe returned home.").encode()
    article = read_article(raw, "a.txt")
    assert "The photo shows Mayor Choi giving a speech" in article.text and "▲" not in article.text
    assert "Mayor Choi in Lyon" not in article.text and "최보라" not in article.text
    assert "photo caption" in article.dropped


def test_a_length_before_its_start_and_a_day_of_last_month() -> None:
    assert _trip("He visited Lyon and Paris during a 10-day schedule from the 22nd of last month.",
                 dt.date(2031, 3, 6)) == (dt.date(2031, 2, 22), dt.date(2031, 3, 3))
    assert _trip("She will go on a four-day trip starting on Oct. 21 to Lyon.", dt.date(2031, 10, 15)) == (
        dt.date(2031, 10, 21), dt.date(2031, 10, 24))
    (mention,) = dates.find_mentions("on the 3rd of next month")
    assert (mention.day, mention.month_offset) == (3, 1)


def test_a_plan_given_up_or_handed_to_others_names_no_stop() -> None:
    assert english.dropped_plan("He originally planned to travel to Osaka along with Kyoto, but he modified it.")
    assert english.dropped_plan("Choi will instead send a delegation to Osaka.")
    assert english.dropped_plan("The visit to Osaka was called off.")
    assert not english.dropped_plan("Choi plans to travel to Osaka and will send a letter to Kyoto.")
    assert not english.dropped_plan("She will visit Lyon instead of Paris.")


def test_a_quote_said_by_a_name_with_a_description_and_the_quote_after_it() -> None:
    # Session-18 held-out batch (en-seoul-2013-beijing): an official named only after the quote,
    # with a description for a role; the next quote, `"...," he added.`, is his too.
    from tripdesk.draft import analyser, quotes

    text = ("Seoul Mayor Park Won-soon will visit Beijing. \u201cWe have rearranged the itinerary out of concern,\u201d "
            "said Choi Kyung-joo, a city official in charge of international exchange. \u201cPark will instead send "
            "a delegation to Shanghai,\u201d he added.")
    found = quotes.find_quotes(text, analyser.sentences(text), english.people(text))
    assert [(q.text[:12], q.speaker.ko if q.speaker else None) for q in found] == [
        ("We have rear", "Choi Kyung-joo"), ("Park will in", "Choi Kyung-joo")]
    assert found[0].speaker.role == "a city official in charge of international exchange"
    # `said the official, a ...` names no one
    text = "\u201cWe will go on with the plan as it was announced,\u201d said The Official, a spokesman."
    assert [q.speaker for q in quotes.find_quotes(text, analyser.sentences(text), english.people(text))] == [None]


def test_an_english_trip_told_by_the_weekdays_it_starts_and_ends() -> None:
    text = ("BUSAN, Jan. 16 (Yonhap) -- Busan Mayor Park Heong-joon will travel to France and Switzerland this week, "
            "officials said Monday. Park will first fly to Paris on Tuesday to drum up support. The next day, Park "
            "will attend a session in Davos before returning home Friday, according to the officials.")
    assert _trip(text, dt.date(2031, 1, 13)) == (dt.date(2031, 1, 14), dt.date(2031, 1, 17))


def test_a_page_cut_off_inside_a_word_gives_no_city_of_that_fragment() -> None:
    text = "Mayor Park will tour India and attend the forum in Colombo, Sri Lanka, and then Mayor Park's visit to Indi"
    assert [p.city.en for p in english.find_places(text)] == ["Colombo"]
    # a text that ends its sentence keeps its last city
    assert [p.city.en for p in english.find_places("Mayor Park will attend the forum in Colombo, then Delhi.")] == [
        "Colombo", "Delhi"]


def test_a_named_declaration_announced_is_a_joint_declaration() -> None:
    from tripdesk.draft import agreements, analyser

    text = "Furthermore, he will announce the ‘CityNet Colombo Declaration’ sharing experiences with the world."
    found = agreements.find_agreements(text, analyser.sentences(text))
    assert [(a.kind, a.status) for a in found] == [("joint declaration", "planned")]


def test_a_wire_dateline_without_a_year_and_the_weekday_it_reports_on_date_the_article() -> None:
    text = ("SEOUL, Sept. 14 (Yonhap) -- Seoul Mayor Oh Se-hoon will embark on an eight-day trip to Canada and the "
            "United States this week, his office said Thursday.\n\nOh will depart Saturday for Toronto, Canada.")
    (date, words) = dates.dateline_weekday(text)
    assert date.month == 9 and date.day == 14 and date.weekday() == 3 and "said Thursday" in words
    with __import__("pytest").raises(dates.NoYear):  # the weekdays need an article date to count from
        _trip(text)
    assert _trip(text, date) == (date + dt.timedelta(days=2), date + dt.timedelta(days=9))


def test_a_wire_report_of_one_day_abroad_is_drafted_on_its_datelines_day() -> None:
    text = ("DA LAT, Vietnam, Dec. 21 (Yonhap) -- The South Korean city of Chuncheon and the Vietnamese city of Da Lat "
            "forged a sisterhood Saturday.\nChuncheon Mayor Lee Jae-soo signed an agreement with his Da Lat "
            "counterpart at Da Lat City Hall.")
    assert _trip(text, dt.date(2019, 12, 22)) == (dt.date(2019, 12, 21), dt.date(2019, 12, 21))
    # a report with no dateline and no range is still no trip
    with __import__("pytest").raises(dates.NoTripDates):
        _trip("The mayor signed an agreement with Da Lat at City Hall.", dt.date(2019, 12, 22))


def test_a_stamped_report_of_a_first_visit_and_the_weekday_the_trip_ends(tmp_path, monkeypatch, capsys) -> None:  # noqa: ANN001
    """A page stamped `Mar. 9, 2023 - 10:15 By ...` (no label) that says whom the mayor visited
    on Wednesday and that the visit goes on until next Monday, in a state it names (not the
    country), with a two-sentence quote whose marks do not match."""
    import pytest
    import yaml

    pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")
    from tripdesk.cli import main

    monkeypatch.setenv("TRIPDESK_DB", str(tmp_path / "t.db"))
    article = tmp_path / "en.txt"
    article.write_text(
        "Suwon mayor visits Fremont, promotes cooperation\n\n"
        "Mar. 9, 2023 - 10:15 By Kim Min-ji\n"
        "Suwon Mayor Lee Jae-joon visited Fremont, a city in northern California on Wednesday to discuss "
        "cooperation between the two cities.\n\n"
        "“Suwon and Fremont share a great deal. We will build on it from today,\" Lee said.\n\n"
        "Lee's visit will continue until next Monday.\n", encoding="utf-8")
    path = tmp_path / "en.yaml"
    assert main(["draft", str(article), "-o", str(path)]) == 0, capsys.readouterr().err
    assert main(["validate", str(path), "--articles", str(tmp_path)]) == 0
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    trip = doc["trip"]
    assert (str(trip["start"]), str(trip["end"])) == ("2023-03-08", "2023-03-13")  # Wednesday before, Monday after
    assert "may have begun earlier" in trip["inferred"]["start"]["en"]
    assert str(doc["sources"][0]["published"]) == "2023-03-09"
    dated = {str(d["date"]): [p["city"]["en"] for p in d.get("places", [])] for d in doc["days"] if d.get("date")}
    assert dated == {"2023-03-08": ["Fremont"]}  # the stamp line is no day of the trip
    assert [(q["original"]["text"][:20], q["speaker"]) for q in doc["quotes"]] == [
        ("Suwon and Fremont sh", "lee-jae-joon")]


def test_a_headline_verb_after_a_name_is_dropped_not_the_name() -> None:
    text = "Yongin Mayor Lee Sangil Visits Spain and France to Attend Tourism Innovation Summit"
    assert [(p.ko, p.role) for p in english.people(text)] == [("Lee Sangil", "Yongin Mayor")]


def test_a_range_of_last_month_and_a_name_with_its_county_role() -> None:
    text = ("Lee Sang-ik, Hampyeong County Governor, Yoon Aeng-rang, Chairman of the Hampyeong County Council, "
            "went on a five-day trip from the 5th to the 9th of last month to Cambodia.")
    assert _trip(text, dt.date(2023, 8, 29)) == (dt.date(2023, 7, 5), dt.date(2023, 7, 9))
    found = english.people(text)
    assert [(p.ko, p.role) for p in found] == [("Lee Sang-ik", "Hampyeong County Governor"),
                                              ("Yoon Aeng-rang", "Chairman")]
    assert [p.ko for p in english.leaders(text, found)] == ["Lee Sang-ik"]
    # a Korean end month is the end's alone
    assert _trip("대표단은 5일부터 다음 달 9일까지 방문한다.", dt.date(2023, 8, 1)) == (dt.date(2023, 8, 5), dt.date(2023, 9, 9))


def test_a_start_day_with_the_length_after_it_or_the_places_between() -> None:
    # 2031-10-01 is a Wednesday
    assert _trip("Gov. Kim will depart on Oct. 3 for an eight-day trip to the United States and Canada.",
                 dt.date(2031, 10, 1)) == (dt.date(2031, 10, 3), dt.date(2031, 10, 10))
    assert _trip("Mayor Oh will embark on a 10-day trip to Europe and Central Asia starting Oct. 5.",
                 dt.date(2031, 10, 1)) == (dt.date(2031, 10, 5), dt.date(2031, 10, 14))
    assert _trip("The mayor left for Vietnam on Oct. 2 on a five-day visit, the city said.",
                 dt.date(2031, 10, 3)) == (dt.date(2031, 10, 2), dt.date(2031, 10, 6))
    # weekdays: leaving for a place on a day, embarking on a trip to a place on a day
    assert _trip("Mayor Kim left for the United States on Sunday for a seven-day trip to Los Angeles.",
                 dt.date(2031, 10, 1)) == (dt.date(2031, 9, 28), dt.date(2031, 10, 4))
    assert _trip("Busan Mayor Park embarked on a five-day trip to Paris on Tuesday, officials said.",
                 dt.date(2031, 10, 1)) == (dt.date(2031, 9, 30), dt.date(2031, 10, 4))
    # a length that is an event's, not the trip's, gives no range
    assert dates.find_mentions("He left on Oct. 3 for a two-day forum.")  # a day, but no trip length
    with pytest.raises(dates.NoTripDates):
        dates.trip_dates("He left on Oct. 3 to attend a two-day forum in Paris.", dates.YearHint(dt.date(2031, 10, 1)))


def test_an_english_report_of_one_day_abroad_in_local_time_is_drafted_on_that_day() -> None:
    text = ("Yongin City has signed a sister city agreement with Williamson County, Texas, USA.\n"
            "Yongin City announced on the 12th that Mayor Lee Sang-il, who was visiting the United States, held a "
            "signing ceremony with the county at its Expo Center on the 9th (local time).")
    assert _trip(text, dt.date(2031, 1, 12)) == (dt.date(2031, 1, 9), dt.date(2031, 1, 9))
    # the day of the announcement alone is no day abroad
    with pytest.raises(dates.NoTripDates):
        _trip("Yongin City announced on the 12th that it signed a sister city agreement.", dt.date(2031, 1, 12))


def test_a_governor_of_a_province_named_with_its_kind_word_before_the_name() -> None:
    text = "Governor of North Chungcheong Province Lee Si-jong will visit the United States to seek investors."
    (person,) = english.people(text)
    assert (person.ko, person.role) == ("Lee Si-jong", "Governor")
    assert [g.ko for g in english.home_mentions(text)] == ["충청북도"]


def test_a_stay_in_nights_and_days_from_a_day_over_a_range_of_two_of_them() -> None:
    text = ("During his four-night, seven-day stay from January 8th, Mayor Oh visited Las Vegas. "
            "During the two days (January 9th to 10th) at CES 2024, Mayor Oh visited the Seoul Pavilion.")
    assert dates.find_span(text)[0].days == 7
    assert _trip(text, dt.date(2024, 1, 19)) == (dt.date(2024, 1, 8), dt.date(2024, 1, 14))


def test_vietnamese_d_and_other_plain_letters_are_folded_for_english_names() -> None:
    # (춘천 2019, Yonhap English: `his Da Lat counterpart`; GeoNames writes Ðà Lạt, with an Eth)
    names = [p.city.en for p in english.find_places("The mayor met his Da Lat counterpart, then flew to Da Nang, "
                                                   "Vietnam.", {"VN"})]
    assert names == ["Da Lat", "Da Nang"]


def test_a_headline_quote_after_a_title_and_a_surname_with_a_colon() -> None:
    # (포항 2025, Asia Economy English: `Mayor Lee: "Urgent Appeal for Steel and Pohang's Survival, ..."`)
    from tripdesk.draft import analyser
    from tripdesk.draft.quotes import find_quotes

    text = ("Pohang Calls for Reduced Steel Tariffs\nMayor Lee: \"Urgent Appeal for Steel and Pohang's Survival\"\n"
            "On September 1 local time, Lee Kangdeok, mayor of Pohang, explained the importance of steel.\n"
            "Kangdeok Lee, Mayor of Pohang, conducting a campaign in front of the White House together with the "
            "Virginia Korean Association.")
    people = english.people(text)
    found = find_quotes(text, analyser.sentences(text), people)
    assert [(q.text, bool(q.speaker) and q.speaker.ko.endswith("Lee")) for q in found] == [
        ("Urgent Appeal for Steel and Pohang's Survival", True)]
