"""Putting the extractors' findings together into one trip document (docs/data-format.md).

`draft_trip()` is a pure function: articles and the store's known entities in, a `Draft`
(the document, what was found, what needs review) out. Nothing is read or written here.

How the day-by-day plan is read: every sentence that names a day of the trip (`15일에는`,
`지난 17일`, `이튿날`, `이날`) is tied to that day; a sentence that names none continues the
day of the sentence before it in the same paragraph, or in the next paragraph when it opens
with a continuation (`또한`, `이어`, `이 자리에서`), and the event says so in `inferred`.
A city that sentences tied to no day name, and no dated day has, becomes a `stop` "during
the trip" (the format's stop without a day) with those sentences' events: no day is invented. A day is given the cities its sentences name; a day that names none
keeps the city of the day before when the text says the delegation is still there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from ..i18n import N_, messages
from ..problems import TripdeskError
from ..store.queries import KnownEntities, KnownEntity
from . import agreements as agreements_mod
from . import analyser, dates, english, entities, localgov, notes, places
from . import quotes as quotes_mod
from .articles import Article
from .notes import Named, Reason


class DraftError(TripdeskError):
    """The articles cannot make a trip draft (no leader, no home city...)."""


@dataclass
class Draft:
    document: dict[str, Any]
    found: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    # Places the articles name with no day (place document, evidence): the format cannot hold
    # them yet (issue 16, item 3); they are listed for review instead.
    undated: list[tuple[dict[str, Any], dict[str, str]]] = field(default_factory=list)

    @property
    def trip_id(self) -> str:
        return self.document["trip"]["id"]


EVENT_KINDS = (
    ("signing", re.compile(r"협약|협정|양해각서|MOU|체결|서명|조인|결연|\bsign(?:s|ed|ing)?\b|memorandum|agreement")),
    ("speech", re.compile(r"기조연설|연설|강연|축사|환영사|keynote|speech|lecture")),
    ("exhibition", re.compile(r"전시회|박람회|참관|전시부스|엑스포|CES|홍보관|단독관|통합관|[Ee]xhibition|[Ee]xpo|booths?\b|[Pp]avilion")),
    ("conference", re.compile(r"컨퍼런스|콘퍼런스|포럼|학술대회|총회|세미나|심포지엄|[Cc]onference|[Ff]orum|[Ss]eminar")),
    ("ceremony", re.compile(r"개관식|개막식|기념식|준공식|개소식|착공식|협약식|행사|[Cc]eremony")),
    ("meeting", re.compile(r"면담|간담회|회의|접견|논의|만나|만찬|오찬|협의|\bmeet(?:s|ing)?\b|\bmet\b|discuss|talks")),
    ("promotion", re.compile(r"홍보|설명회|투자유치|마케팅|수출상담|promot|investment (?:briefing|attraction)")),
    # (`뉴욕과 보스턴의 성공 사례도 살폈다`: a benchmarking visit)
    # (`순방 중 거친 도시는 뉴욕·샌프란시스코·LA`: the cities passed through, a visit)
    ("visit", re.compile(r"방문|시찰|찾아|찾은|찾았|견학|둘러보|둘러봤|살폈|살펴보|살펴봤|벤치마킹|거친\s?(?:도시|곳)|들른|들렀|"
                         r"\bvisit|\btour|inspect")),
    ("travel", re.compile(r"이동|출국|도착|귀국|출발|\bmove to|travel|depart|arriv")),
    ("networking", re.compile(r"네트워킹|교류회|리셉션|[Nn]etworking|reception")),
)
KIND_TITLE_EN = {"signing": "signing", "speech": "speech", "exhibition": "exhibition visit",
                 "conference": "conference", "ceremony": "ceremony", "meeting": "meeting", "promotion": "promotion",
                 "visit": "visit", "travel": "travel", "networking": "networking", "other": "programme"}
KIND_TITLE = {"signing": "협약 체결", "speech": "연설", "exhibition": "전시 참관", "conference": "회의 참석",
              "ceremony": "행사 참석", "meeting": "면담·논의", "promotion": "홍보", "visit": "방문",
              "travel": "이동", "networking": "네트워킹", "other": "일정"}
# The delegation sets out: `출장길에 오른다`, `공무국외출장을 나선다`, `출국한다`, `대표단을 20일부터 27일까지
# 파견`, `will depart for`.
# (`dates.SETS_OUT_LATER`'s verbs, and these)
_SETS_OUT = re.compile(dates.SETS_OUT_LATER.pattern + r"|출장을\s?(?:나선|나서|나섰|떠난|떠나)|떠난다|떠났다|"
                       r"(?:대표단|방문단|사절단|교류단|개척단)을\s[^.]{0,40}?파견|"
                       r"\bdepart(?:s|ed|ing)?\b|\b(?:leave|leaves|left|leaving) for\b|\bset(?:s)? off\b")
# `최 시장은`: a head named by surname and title only.
_SURNAME_AND_TITLE = re.compile(r"(?<![가-힣])([가-힣])\s(시장|군수|구청장|도지사|지사)(?=은|는|이|가|을|를|과|와|의|\s)")
_CONTINUES = re.compile(r"^\s*(?:[가-힣]{2,12}(?:은|는)\s+)?(또한|또|이어|이어서|아울러|이 자리에서|그 자리에서|이후|이와 함께|특히|같은 날)"
                        r"(?=\s|,)")  # '우호교류단은 이어 오전 9시30분 ...': the subject, then 이어
# '사바나로 이동해': the delegation moves on to another city after what the sentence before told.
_MOVES_ON = re.compile(r"[가-힣]+(?:으로|로)\s*(?:이동해|이동하여|이동한|이동할|이동,|(?:자리를\s*)?옮겨|건너가|건너간|건너갈)")
# The first or the last of the programme: 'X ... 참관을 시작으로', '첫 일정으로 X를', '마지막 일정으로 X'.
_FIRST_STOP_AFTER = re.compile(r"[^.,]{0,40}?(?:을|를)\s*(?:시작으로|시작해|필두로)")
_FIRST_STOP_BEFORE = re.compile(r"(?:첫\s?(?:번째\s)?(?:일정|방문지|기착지|행선지|목적지)(?:으로|로|인|은|는)?)\s")
_LAST_STOP_BEFORE = re.compile(r"(?:마지막\s?(?:일정|방문지|기착지|행선지)(?:으로|로|인|은|는)?)\s")
_AFTER_THAT = re.compile(r"\s*(?:이후|이어서|이어|그 다음|다음으로|그 뒤)\s")
# A sentence of prose ends in a predicate (했다., 한다, 방문한다고 밝혔다.); a photo caption or a
# credit line ('김영환 충북지사.[사진=뉴스핌DB] |', '충남도 제공') does not, and does not break the
# account of a day for the sentences after it (`이날`, `다음날`).
_PROSE = re.compile(r"(?:다|요|음|함|됨)[.!?]?[”\"'’)]*\s*$")
# Background told in the present or as a habit ('장용진 대표는 매년 ... 실천하고 있다', '... 교류를
#이어오고 있다'): no part of the day's account, it does not end it either.
_BACKGROUND = re.compile(r"(?:매년|해마다|해오고|이어오고|계속되고).*(?:있다|왔다)\.?$|(?:하고|되고|오고)\s?있다\.?$")
# `김장호 구미시장을 단장으로`, `박원석 부시장을 비롯해 ... 시 대표단이`
_LEADER = re.compile(r"([가-힣]{2,4})\s+([가-힣]*?(?:시장|부시장|도지사|지사|부지사|군수|구청장|의장|회장|청장|교육감)"
                     r"(?:\s?[가-힣]*?)?)(?:을|를)\s*(?:(?:(?:대표\s?)?단장|대표|필두)으?로|비롯(?:해|하여|한))")
# English: `last year`, `previously`, `41 years ago`, `had signed`; a year before the trip's
# (`in May 2012`, `since 1983`).
_PAST_EN = re.compile(r"\b(?:last year|previously|years ago|had (?:signed|visited|agreed)|since then)\b")
_YEAR_PAST_EN = re.compile(r"\b(?:in|since|back in)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?((?:19|20)\d{2})\b")
_PAST = re.compile(r"바\s*있다|했던|맺어\s*오|맺어온|체결\s*이후|협약\s*이후|당시|지난\s?해|작년|앞서|그해|"
                   r"체결(?:되어|돼)\s*있|맺어져\s*있")  # `교류협약이 체결되어 있는 동관이공대`: an agreement in force
_HEAD_COUNT = re.compile(r"(\d{1,3})\s*명\s*(?:규모|으로\s*구성|이\s*참가|이\s*참여|의\s*(?:대표단|사절단|방문단))")
_ANNOUNCED = re.compile(r"(한다|할\s*예정이다|할\s*계획이다|예정이다|계획이다|나선다|파견한다|방문한다|밝혔다)\.?$|"
                        r"\bwill\b|\bplans? to\b|\bis to\b")
_REPORTED = re.compile(r"(했다|하였다|였다|됐다|되었다|거두었다|거뒀다|나섰다|가졌다|펼쳤다)\.?$|"
                       r"\b(?:visited|signed|met|held|attended|toured|returned)\b")


def draft_trip(articles: list[Article], known: KnownEntities, hint: dates.YearHint | None = None, *,
               outlet: str | None = None, url: str | None = None) -> Draft:
    return _Assembler(articles, known, hint or dates.YearHint(), outlet, url).run()


class _Assembler:
    def __init__(self, articles: list[Article], known: KnownEntities, hint: dates.YearHint,
                 outlet: str | None, url: str | None) -> None:
        self.articles = articles
        self.known = known
        self.hint = hint
        self.outlet = outlet
        self.url = url
        self.found: list[str] = []
        self.review: list[str] = []
        self.orgs: dict[str, dict[str, Any]] = {}  # id -> organisation record
        self.org_names: dict[str, str] = {}  # a name in the text -> org id
        self.people: dict[str, dict[str, Any]] = {}
        self.person_ids: dict[str, str] = {}  # Korean name -> person id
        self.sids = [f"src-{i + 1:03d}" for i in range(len(articles))]
        self.undated: list[tuple[dict[str, Any], dict[str, str]]] = []
        self.leader_source = 0
        self.primary = 0
        self._departures: set[int] = set()  # the departure days' events (`_departure_day`), by id()
        self._last_dated: dt.date | None = None  # the last day a sentence was tied to (`같은 날`)
        self._range_day: dt.date | None = None  # the one day of the range sentence just read

    # -- the whole ------------------------------------------------------------------------

    def run(self) -> Draft:
        trip_dates, primary = self._dates()
        self.primary = primary
        self.start, self.end = trip_dates.start.date, trip_dates.end.date
        self.range_evidence = trip_dates.evidence
        self.one_day = trip_dates.one_day
        # (days tied, not a range told: the sentence of the first is one of those days, not the range's)
        self.range_tied = trip_dates.tied
        # The range told over several sentences (`11일 출장길에 올랐다` ... `17일 귀국한다`): only its
        # first and last say the range; the sentences between them tell of days of it.
        ends = analyser.sentences(self.range_evidence) if self.range_evidence else []
        self.range_ends = ({self.range_evidence[a:b].strip() for a, b in (ends[0], ends[-1])} if len(ends) > 1
                           else {self.range_evidence.strip()} if self.range_evidence else set())
        # (the sentence that starts the range: `_departure_day` reads its verb)
        self.range_opening = (self.range_evidence[ends[0][0]:ends[0][1]].strip() if ends
                              else (self.range_evidence or "").strip())
        status = self._status()
        found_people = [english.people(a.text) if a.language == "en" else entities.people(a.text)
                        for a in self.articles]
        leader, leader_evidence = self._leader(found_people)
        home = self._home(leader)
        home_org = self._home_org(home)
        self.home, self.home_org = home, home_org
        leader_id = self._person(leader, home_org)
        self._organisations(found_people)
        days, stops = self._days(found_people)
        agreements = self._agreements(days, home_org)
        quotes = self._quotes(found_people)
        sources = self._sources(status)
        trip = self._trip(trip_dates, primary, status, home, leader, leader_id, leader_evidence, days)
        document: dict[str, Any] = {
            "tripdesk": 1,
            "trip": trip,
            "sources": sources,
            "organisations": list(self.orgs.values()),
            "people": list(self.people.values()),
            # The stops without a day are entries of `days` without a date, after the dated
            # days (docs/data-format.md, "A stop without a day"): no date is invented for them.
            "days": days + [_undated_entry(stop) for stop in stops],
            "agreements": agreements,
            "quotes": quotes,
        }
        return Draft(notes.bilingual(_clean(document)), self.found, self.review, self.undated)

    # -- dates and status ---------------------------------------------------------------------

    def _dates(self) -> tuple[dates.TripDates, int]:
        def hint_for(article: Article) -> dates.YearHint:
            if self.hint.published is None and self.hint.year is None and article.published is not None:
                return dates.YearHint(published=article.published,
                                      source=article.published_from or Reason(N_("the article")))
            return self.hint

        errors: list[TripdeskError] = []
        first = self._first_dates(hint_for, errors)
        if first is not None:
            return first
        if any(isinstance(e, dates.NoYear) for e in errors):
            if self.hint.published is None and self.hint.year is None:
                assumed = self._dates_assumed()
                if assumed is not None:
                    return assumed
            raise next(e for e in errors if isinstance(e, dates.NoYear))
        names = ", ".join(a.name for a in self.articles)
        if all(a.language == "en" for a in self.articles):
            raise dates.NoTripDates(messages()("{names}: no trip dates found (no range such as 'from October 12 "
                                               "to 20'); is it an article about a trip?").format(names=names))
        raise dates.NoTripDates(messages()("{names}: no trip dates found (no range such as '10월 12일부터 "
                                           "20일까지'); is it an article about a trip?").format(names=names))

    def _dates_assumed(self) -> tuple[dates.TripDates, int] | None:
        """The trip's dates when the articles print days without a year or a month and nothing
        in them decides one: worked out from the best date there is about the article, an
        assumption said as such in every reason and in the summary's review list (the desk shows
        them marked inferred), never a published date of the source.

        In order: the date printed at the top of a saved page (the day it was saved, mostly),
        the day the article's file was last changed, the day of the draft. A draft with its
        dates to check is worth more to the person reviewing it than no draft: the places,
        people, agreements and quotes do not depend on the year."""
        first = self.articles[0]
        wire = dates.dateline_weekday(first.text)
        if wire is not None:
            anchor, source = wire[0], Reason(
                N_("an assumption: the wire dateline and the weekday it reports on, '{words}', give that day in "
                   "{year}, the latest year in which it is that weekday"), words=wire[1], year=wire[0].year)
        elif first.page_date is not None and first.page_date_photo:
            anchor, source = first.page_date, Reason(
                N_("an assumption: the date in the name of the page's photo file, '{line}', which is usually the day "
                   "it was filed"), line=first.page_date_line)
        elif first.page_date is not None:
            anchor, source = first.page_date, Reason(
                N_("an assumption: the date printed at the top of the saved page, '{line}', which is usually the "
                   "day it was saved"), line=first.page_date_line or first.page_date.isoformat())
        elif first.file_date is not None:
            anchor, source = first.file_date, Reason(
                N_("an assumption: the day the article's file {file} was last changed"), file=first.name)
        else:
            anchor, source = dt.date.today(), Reason(N_("an assumption: the day of this draft"))
        hint = dates.YearHint(published=anchor, source=source, assumed=True)
        first = self._first_dates(lambda article: hint, [])
        if first is not None:
            self.review.append(messages()(
                "dates: the article gives no year or month that decides the trip's dates; they were worked out "
                "from {date} ({source}). Check them, or draft again with --published YYYY-MM-DD").format(
                date=notes.when(anchor), source=source))
        return first

    def _first_dates(self, hint_for: Callable[[Article], dates.YearHint],
                     errors: list[TripdeskError]) -> tuple[dates.TripDates, int] | None:
        """The dates of the first article that gives them (with its index), its warnings put up
        for review; the others' reasons for giving none are added to `errors`."""
        for i, article in enumerate(self.articles):
            try:
                found = dates.trip_dates(article.text, hint_for(article))
            except (dates.NoTripDates, dates.NoYear) as exc:  # another article may decide them
                errors.append(exc)
                continue
            for warning in found.warnings:
                self.review.append(messages()("dates: {warning}").format(warning=warning))
            return found, i
        return None

    def _status(self) -> str:
        """`reported` when any article reports the trip after the fact, else `announced`."""
        statuses = []
        for article in self.articles:
            ends = [p.rstrip() for p in re.split(r"(?<=다\.)\s|(?<=[a-z]\.)\s", article.text) if p.strip()]
            ends = [e for e in ends if not _REPORTING.search(e) and not self._before_trip(e)]
            announced = sum(1 for s in ends if _ANNOUNCED.search(s) or _tense(s) == "present")
            reported = sum(1 for s in ends if _REPORTED.search(s) or _tense(s) == "past")
            statuses.append("reported" if reported > announced else "announced")
        return "reported" if "reported" in statuses else "announced"

    # -- who ------------------------------------------------------------------------------------

    def _leader(self, found_people: list[list[entities.PersonFound]]) -> tuple[entities.PersonFound, str]:
        """The head of the delegation, and the words of the article (`self.leader_source`)
        that name them."""
        for i, (article, people) in enumerate(zip(self.articles, found_people)):
            for m in (english.LEADER_EN if article.language == "en" else _LEADER).finditer(article.text):
                person = next((p for p in people if p.ko == m.group(1)), None)
                if person is not None and not (article.language == "ko" and (
                        _foreign_head(article.text, m, person) or _host_among_guests(m, person, people)
                        or _EARLIER_MISSION.search(dates._sentence_around(article.text, m.start(), m.end())))):
                    self.leader_source = i
                    return person, m.group(0)
        for i, (article, people) in enumerate(zip(self.articles, found_people)):
            # `보령시 교류대표단 김동일 단장은`: the delegation's head, by that title
            for m in _HEAD_OF_DELEGATION.finditer(article.text):
                person = next((p for p in people if p.ko == m.group(1)), None)
                if person is not None:
                    self.leader_source = i
                    return person, m.group(0)
        for i, people in enumerate(found_people):
            if self.articles[i].language == "en":
                people = english.leaders(self.articles[i].text, people)
            heads = [p for p in people if p.role and (p.role.endswith(entities.LEADER_ROLES) and not p.en
                                                      or english.is_leader_role(p.role))]
            # (a host met first, `스티브 아들러 시장과 만나`, is a foreign name of two words: a Korean
            # head named later, `박승원 시장은`, leads)
            heads = [p for p in heads if " " not in p.ko] or heads
            # (a government's head before an association's: `장영란 메릴랜드시민협회장` is met, `횡성군(군수
            # 김명기)` leads)
            heads = [p for p in heads if p.role.endswith(_GOVERNMENT_HEADS)] or heads
            if heads:
                self.leader_source = i
                return heads[0], heads[0].evidence
        surname = self._leader_by_surname()
        if surname is not None:
            return surname
        captioned = self._leader_in_a_caption()
        if captioned is not None:
            return captioned
        if all(a.language == "en" for a in self.articles):
            raise DraftError(messages()("{names}: no one is named as leading the delegation (e.g. 'led by Mayor "
                                        "Kim Jang-ho', 'Gumi Mayor Kim Jang-ho'); the format needs a leader").format(
                names=", ".join(a.name for a in self.articles)))
        raise DraftError(messages()("{names}: no one is named as leading the delegation (e.g. '김장호 "
                                    "구미시장을 단장으로'); the format needs a leader").format(
            names=", ".join(a.name for a in self.articles)))

    def _another_korean_governments(self, clause: str) -> bool:
        """Whether the agreement is between the host and another Korean government (`풀러튼 시는
        용인시에 이어서 2번째로 성남 시와 자매 결연을 맺었다`, in a report of 관악구's visit): its Korean
        party, right before `와/과`, is not the home, and the home is not named in the clause."""
        home_names = {self.home.ko, *self.home.aliases}
        if any(name in clause for name in home_names if len(name) >= 2):
            return False
        governments = localgov.by_name()
        for m in _KOREAN_PARTY.finditer(clause):
            name = m.group(1) + m.group(2)
            if (name in governments or m.group(1) in governments) and name not in home_names \
                    and m.group(1) not in home_names:
                return True
        return False

    def _leader_in_a_caption(self) -> tuple[entities.PersonFound, str] | None:
        """The head of a Korean government named in a photo caption (`▲조충훈 전남 순천시장과 구동요 중국
        닝보시장이 ...`), when the text itself names no one: the first whose title names a Korean
        local government, marked for review."""
        for i, article in enumerate(self.articles):
            for caption in article.captions:
                for person in entities.people(caption):
                    role = person.role or ""
                    place = role[:-len(entities.role_tail(role))].split()[-1:] if role else []
                    if not role.endswith(_GOVERNMENT_HEADS) or " " in person.ko or not place \
                            or places.countries_named(role) - {"KR"}:
                        continue  # (`왕광저 중국 청도시장`: a host, whatever Korean county shares the name)
                    if not any(place[0].startswith(name) or name.startswith(place[0])
                               for name in localgov.by_name() if len(name) >= 2):
                        continue
                    self.leader_source = i
                    self.review.append(messages()("leader: named only in a photo caption ('{caption}'); check "
                                                  "that they led the delegation").format(caption=caption[:60]))
                    # (no excerpt: the caption is not in the article's text, which the evidence quotes)
                    return person, ""
        return None

    def _leader_by_surname(self) -> tuple[entities.PersonFound, str] | None:
        """A head named only by surname and title throughout (`최 시장은`, in an excerpt that starts
        after the full name): that person, the name left for the reviewer to complete."""
        for i, article in enumerate(self.articles):
            if article.language != "ko":
                continue
            said = [m for m in _SURNAME_AND_TITLE.finditer(article.text) if m.group(1) in entities.SURNAMES]
            if not said:
                continue
            ((name, role), _), = Counter((m.group(1), m.group(2)) for m in said).most_common(1)
            first = next(m for m in said if (m.group(1), m.group(2)) == (name, role))
            self.leader_source = i
            self.review.append(messages()("leader: the article names the head of the delegation only as '{words}'; "
                                          "give the full name").format(words=f"{name} {role}"))
            return entities.PersonFound(name, None, role, f"{name} {role}", first.start()), first.group(0).strip()
        return None

    def _home(self, leader: entities.PersonFound) -> localgov.LocalGov:
        role = leader.role or ""
        text = "\n".join(a.text for a in self.articles)
        national = localgov.national_body_of(role)
        if national is not None:
            self.found.append(messages()("home: {home}, a national body, as the article names it").format(
                home=national.ko))
            return national
        candidates = localgov.mentions(role) or []
        english_govs = english.home_mentions(role + " " + text[:3000]) if re.search("[A-Za-z]", role) else []
        if english_govs:
            gov = max(set(english_govs), key=english_govs.count)
            self.found.append(messages()("home: {home}, the local government the English text names most").format(
                home=gov.ko))
            return gov
        if candidates:
            gov = _nearest_the_title(candidates)
            self.found.append(messages()("home: {home}, from the leader's role '{role}'").format(home=gov.ko, role=role))
            return gov
        counts: dict[localgov.LocalGov, int] = {}
        for gov, _, _ in localgov.mentions(text[:3000], analyser.proper_nouns(text[:3000])):
            counts[gov] = counts.get(gov, 0) + 1
        if not counts:
            national = localgov.national_body(text[:3000])
            if national is not None:
                self.found.append(messages()("home: {home}, a national body, as the article names it").format(
                    home=national.ko))
                return national
            raise DraftError(messages()("{names}: no Korean city, county or province is named as the "
                                        "delegation's home").format(names=", ".join(a.name for a in self.articles)))
        # (a vice mayor leads a city's delegation: `[부산·경남·울산=중부뉴스통신] ... 김해시는 ... 조현명
        # 부시장을 단장으로`, where 경남, the news's region, is named as often as 김해시)
        fitting = {g: n for g, n in counts.items() if g.kind in _HOME_KINDS.get(_bare_role(role), (g.kind,))}
        gov = max(fitting or counts, key=lambda g: counts[g])
        self.found.append(messages()("home: {home}, the local government the article names most").format(home=gov.ko))
        return gov

    def _home_org(self, gov: localgov.LocalGov) -> str:
        if gov.kind == "national":
            return self._org(gov.ko, gov.en, "association")
        en = gov.en if gov.kind in ("province", "district") else gov.en + (
            "" if gov.kind == "county" or gov.en.endswith("City") else " City")
        kind = "government"
        return self._org(gov.ko, en, kind, aliases=[a for a in gov.aliases if len(a) > 1 and a != gov.short],
                         city=gov.short)

    def _person(self, person: entities.PersonFound, organisation: str | None = None) -> str:
        if person.ko in self.person_ids:
            return self.person_ids[person.ko]
        match = _match(self.known.people, person.ko, person.en)
        if match is not None:
            pid, en = match.id, match.en
        else:
            en = person.en
            if en is None:
                en = entities.romanise_name(person.ko) if len(person.ko) <= 4 and " " not in person.ko else None
                if en:
                    self.review.append(messages()("name: {name} romanised as '{en}' (not from a source)").format(
                        name=person.ko, en=en))
            pid = entities.slug(en or entities.romanise(person.ko))
            pid = _unique_id(pid, self.people)
        if not re.search("[가-힣]", person.ko):  # a name from an English text
            record: dict[str, Any] = {"id": pid, "name": {"en": person.ko}, "aliases": []}
        else:
            record = {"id": pid, "name": _text(person.ko, en), "aliases": list(person.aliases)}
        if person.role:
            record["role"] = {"en" if not re.search("[가-힣]", person.role) else "ko": person.role}
        if organisation and person.role and person.role.endswith(entities.LEADER_ROLES):
            record["organisation"] = organisation
        self.people[pid] = record
        self.person_ids[person.ko] = pid
        return pid

    def _org(self, ko: str, en: str | None, kind: str, *, aliases: list[str] | None = None,
             city: str | None = None) -> str:
        if ko in self.org_names:
            return self.org_names[ko]
        same = next((oid for name, oid in self.org_names.items() if _norm(name) == _norm(ko)), None)
        if same is not None:  # 방산혁신 클러스터 is 방산혁신클러스터
            self.org_names[ko] = same
            return same
        if en and kind == "government":
            # (`청도시` and `칭다오시`, the Korean reading and the orthography: one City of Qingdao)
            same = next((oid for oid, record in self.orgs.items() if record["kind"] == "government"
                         and record["name"].get("en") == en), None)
            if same is not None:
                if ko not in self.orgs[same]["aliases"] and ko != self.orgs[same]["name"].get("ko"):
                    self.orgs[same]["aliases"].append(ko)
                self.org_names[ko] = same
                return same
        match = _match(self.known.organisations, ko, en)
        if match is not None:
            oid = match.id
            record = {"id": oid, "name": _text(match.ko or ko, match.en or en),
                      "aliases": list(match.aliases), "kind": match.kind or kind}
        else:
            oid = _unique_id(entities.slug(en or entities.romanise(ko)), self.orgs)
            name = _text(ko, en) if re.search("[가-힣]", ko) else {"en": en or ko}
            record = {"id": oid, "name": name, "aliases": aliases or [], "kind": kind}
        self.orgs.setdefault(oid, record)
        self.org_names[ko] = oid
        return oid

    def _organisations(self, found_people: list[list[entities.PersonFound]]) -> None:
        exclude = {p.ko for people in found_people for p in people}
        exclude |= {a.outlet for a in self.articles if a.outlet}
        for article in self.articles:
            # The store's organisations the text names (by Korean name or alias).
            for entity in self.known.organisations:
                names = [n for n in (entity.ko, *entity.aliases) if n and len(n) >= 3 and re.search("[가-힣]", n)]
                if any(n in article.text for n in names):
                    self._org(entity.ko or names[0], entity.en, entity.kind or "other")
                    for n in names:
                        self.org_names.setdefault(n, entity.id)
            # A foreign city written with 시 (무나카타시, 샌디에이고시) is also its city government.
            proper = analyser.proper_nouns(article.text)
            for place in places.find_places(article.text, proper):
                written = place.ko if place.ko.endswith("시") else place.ko + "시"
                if place.city.country != "KR" and written in article.text and written not in self.org_names:
                    self._org(written, f"City of {place.city.en}" if place.city.en else None, "government",
                              city=written[:-1])
            found_orgs = (english.organisations(article.text) if article.language == "en"
                          else entities.organisations(article.text, exclude))
            for org in found_orgs:
                if any(org.ko in known and org.ko != known for known in self.org_names):
                    continue
                self._org(org.ko, org.en, org.kind)

    # -- days, events ---------------------------------------------------------------------------

    def _days(self, found_people: list[list[entities.PersonFound]]
              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The dated days, and the stops without a day."""
        days: dict[dt.date, dict[str, Any]] = {}
        undated: list[tuple[int, str, list[places.PlaceFound], str]] = []  # article, sentence, cities, language
        trip_cities: dict[str, places.PlaceFound] = {}  # the cities named for this trip, by key
        for i, article in enumerate(self.articles):
            sid = self.sids[i]
            text = article.text
            proper = analyser.proper_nouns(text)
            spans = analyser.sentences(text)
            previous: dt.date | None = None
            previous_paragraph = -1
            # An English page's own date line is no day of the trip (a Korean one is kept: the
            # `이날` of the report's first sentence is often that day).
            stamp = getattr(article.published_from, "values", {}).get("dateline") if article.language == "en" else None
            for begin, end in _day_clauses(text, spans, self.start, self.end):
                sentence = text[begin:end]
                if stamp and stamp in sentence and len(sentence.strip()) <= len(stamp) + 40:
                    continue  # `Jan. 5, 2023 - 16:26 By Yu Ji-soo`
                paragraph = text.count("\n", 0, begin)
                date, how = self._sentence_day(sentence, begin, text, previous, paragraph == previous_paragraph)
                if article.language == "en":
                    city_places = [p for p in english.find_places(sentence, english.countries_named(text))]
                    if date is not None and not city_places:  # 'the opening day of the WKBC': its city
                        city_places = [p for p in [english.event_city(sentence, text, english.countries_named(text))]
                                       if p is not None]
                else:
                    city_places = [p for p in places.find_places(sentence, proper, text) if p.city.country != "KR"]
                    city_places = _not_in_names(sentence, city_places, found_people[i])
                    city_places = _not_a_roster(sentence, city_places)
                    city_places = _not_the_delegations_name(sentence, city_places)
                given_up = article.language == "en" and english.dropped_plan(sentence)  # 'originally planned'
                if not given_up:
                    # (a sentence tied to a day of the trip names the trip's cities, whatever past it recalls:
                    # `17일 미국 뉴욕 첫 일정으로 2015년 뉴저지주에 개장한 금홍매장을 방문`)
                    for place in (city_places if date is not None or not self._before_trip(sentence)
                                  else [p for p in city_places if _visited_now(sentence, p)]):
                        trip_cities.setdefault(_city_key(_place(place)), place)
                if date is None:
                    stops = (city_places if not self._of_an_earlier_time(sentence)
                             else [p for p in city_places if _visited_now(sentence, p)])
                    # (the trip's own range names its cities, whatever its verb: `11일~19일까지 ... 프랑스(파리),
                    # ... 스위스(제네바) 등 유럽 4개국 세일즈 외교를 마쳤다`)
                    # (`필리핀 두마게티시, 중국 팡청강시, 미국 알라미다시 ... 4곳과 자매결연 등을 해 ... 교류사업 등을
                    # 하고 있다`: the partners of years, a roster of three or more in the background)
                    roster = (len(stops) >= 3 and _BACKGROUND.search(sentence.strip())
                              and not re.search(r"방문|찾|순방|출장|머물|체류", sentence))  # (`방문하고 있다`: now)
                    if stops and (_activity(sentence) != "other" or how == "range") and not given_up \
                            and not _CALLED_OFF.search(sentence) and not roster:
                        undated.append((i, sentence.strip(), stops, article.language))
                        for place in stops:
                            self.undated.append((_place(place), {"source": sid, "text": sentence.strip()}))
                    elif how == "range" and not stops and not given_up and _activity(sentence) != "other":
                        self._range_without_a_city(days, sentence, sid, found_people[i], article.language)
                    if not _PROSE.search(sentence.strip()) or _BACKGROUND.search(sentence.strip()):
                        continue  # a caption, a credit line or background ('매년 ... 실천하고 있다'): the account goes on
                    if how != "range":
                        previous = None if paragraph != previous_paragraph else previous
                    previous_paragraph = paragraph
                    continue
                previous, previous_paragraph = date, paragraph
                self._last_dated = date
                day = days.setdefault(date, _new_day(date))
                for place in city_places:
                    doc = _place(place)
                    # (`히로시마 시와 의회를` beside `히로시마`: one city however written)
                    if _city_key(doc) not in {_city_key(p) for p in day["places"]}:
                        day["places"].append(doc)
                        if _place_reason(place):
                            day["inferred"]["places"] = _place_reason(place)
                day["evidence"].append({"source": sid, "text": sentence.strip()})
                kind = _activity(sentence)
                if kind == "other":
                    continue
                event = self._event(sentence, kind, sid, found_people[i], city_places, how, article.language)
                day["events"].append(event)
                for other in _joined_days(sentence, self.start, self.end):  # '27일과 28일 ...': both days
                    also = days.setdefault(other, _new_day(other))
                    also["evidence"].append({"source": sid, "text": sentence.strip()})
                    for place in city_places:
                        if _place(place) not in also["places"]:
                            also["places"].append(_place(place))
                            also["inferred"]["places"] = Reason(N_(
                                "The sentence names {day}일 and {other}일 together ('{sentence}…'): its city is on "
                                "both days."), day=date.day, other=other.day, sentence=sentence.strip()[:40])
        spans = self._tie_ranges(days, undated, trip_cities)
        self._departure_day(days, found_people)
        if len(trip_cities) == 1:
            self._fill_the_one_city(days, next(iter(trip_cities.values())))
        ordered = []
        last_city: dict[str, Any] | None = None
        for date in sorted(days):
            day = days[date]
            if not day["places"] and last_city is not None and not any(
                    "이동" in e["text"] for e in day["evidence"]):
                day["places"].append(last_city)
                day["inferred"]["places"] = Reason(N_(
                    "The day's sentences name no city; the delegation is taken to be still in {city}, the city of "
                    "the day before, as the article says of no move."),
                    city=Named(last_city['city']))
            if day["places"]:
                last_city = day["places"][-1]
            for event in day["events"]:
                if "place" not in event and len(day["places"]) == 1:
                    event["place"] = day["places"][0]
            ordered.append(day)
        self.found.append(messages()("days: {days} dated, {events} events").format(
            days=len(ordered), events=sum(len(d['events']) for d in ordered)))
        stops = self._stops(undated, ordered, found_people, spans)
        whole = [st for st in stops if "start" not in st]
        if stops:
            names = ", ".join(p["city"].get("ko") or p["city"].get("en") for st in stops for p in st["places"])
            self.found.append(messages()("stops without a day: {n} ({names})").format(n=len(stops), names=names))
        by_order = [st for st in stops if "start" in st.get("inferred", {})]
        if by_order:
            names = ", ".join(p["city"].get("ko") or p["city"].get("en") for st in by_order for p in st["places"])
            self.review.append(messages()("stops: {names}: given a span from the order the article names them in; "
                                          "check it").format(names=names))
        if whole:
            names = ", ".join(p["city"].get("ko") or p["city"].get("en") for st in whole for p in st["places"])
            self.review.append(messages()("stops: {names}: named with no day, held as stops during the trip; "
                                          "give them a span (start, end) if the article ties them to days").format(
                names=names))
        for day in ordered:
            if "trip is taken to be spent there" in day["inferred"].get("places", ""):
                city = day["places"][0]["city"]
                self.review.append(messages()("days: every day of the trip is put in {city}, the one city the "
                                              "article names; check the travel days").format(
                    city=city.get('ko') or city.get('en')))
                break
        return ordered, stops

    def _tie_ranges(self, days: dict[dt.date, dict[str, Any]],
                    undated: list[tuple[int, str, list[places.PlaceFound], str]],
                    trip_cities: dict[str, places.PlaceFound]) -> dict[str, tuple[dt.date, dt.date]]:
        """Cities a sentence ties to a range of days ('4~5일 오슬로에서', or the trip's range
        when that city is the only one the articles name for the trip): each day of the range
        gets the city; returns the spans, by city key, for the city's stop."""
        spans: dict[str, tuple[dt.date, dt.date]] = {}
        for i, sentence, city_places, lang in undated:
            keys = {_city_key(_place(p)) for p in city_places}
            span = self._range_of(sentence)
            if span is None:
                continue
            first, last, whole_trip = span
            if len(keys) != 1:
                if not whole_trip:  # '15일~16일 A와 B를 방문해': each is a stop within those days, on no day
                    for key in keys:
                        spans.setdefault(key, (first, last))
                elif lang == "en" and (opening := english.first_stop(sentence, city_places)):
                    self._on_the_first_day(days, opening[0], opening[1], self.sids[i], sentence)
                continue
            (key,) = keys
            listed = (english.listed_with_others(sentence, city_places[0]) if lang == "en"
                      else _listed_with_others(sentence, city_places[0]))
            if whole_trip and (set(trip_cities) != keys or listed):
                continue  # the trip's range over several places says nothing of which day is where
            doc = _place(city_places[0])
            name = city_places[0].ko
            reason = (Reason(N_("The article gives the trip's range ({first} to {last}) with '{name}' and names no "
                                "other city for the trip; each day of the trip is taken to be spent there (the "
                                "first and last may be travel days)."), first=first, last=last, name=name)
                      if whole_trip else
                      Reason(N_("The sentence ties '{name}' to the days {first} to {last}."),
                             name=name, first=first, last=last))
            if _place_reason(city_places[0]):
                reason = Reason.joined([reason, _place_reason(city_places[0])])
            date = first
            while date <= last:
                day = days.setdefault(date, _new_day(date))
                if not any(_city_key(p) == key for p in day["places"]) and (whole_trip is False or not day["places"]):
                    day["places"].append(doc)
                    day["inferred"]["places"] = reason
                    excerpt = {"source": self.sids[i], "text": sentence.strip()}
                    if excerpt not in day["evidence"]:
                        day["evidence"].append(excerpt)
                date += dt.timedelta(days=1)
            spans.setdefault(key, (first, last))
        return spans

    def _on_the_first_day(self, days: dict[dt.date, dict[str, Any]], place: places.PlaceFound, words: str,
                          sid: str, sentence: str) -> None:
        """`Starting Friday, Oh will visit Paris and then ...`: the trip's first day is in the
        city it starts with (the day may be spent travelling: inferred)."""
        day = days.setdefault(self.start, _new_day(self.start))
        if day["places"]:
            return
        day["places"].append(_place(place))
        day["inferred"]["places"] = Reason(N_("The sentence that starts the trip on {date} names '{name}' first and "
                                              "the other cities after it ('{words}…'); the first day is taken to "
                                              "be in {name} (it may be spent travelling)."),
                                           date=self.start, name=place.ko, words=words[-50:])
        excerpt = {"source": sid, "text": sentence.strip()}
        if excerpt not in day["evidence"]:
            day["evidence"].append(excerpt)

    def _range_of(self, sentence: str) -> tuple[dt.date, dt.date, bool] | None:
        """The range of trip days a sentence gives (its own, or the trip's), and whether it is
        the trip's. A sentence that tells the trip's range but gives a range of its own gives that
        one (`지난 15~16일 ... 지난시를 방문해`, the trip going on to the 17th in the next sentence)."""
        mentions = dates.find_mentions(sentence)
        own = None
        for a, b in dates.find_ranges(sentence, mentions):
            first, last = dates.resolve_day(a, self.start, self.end), dates.resolve_day(b, self.start, self.end)
            if first is not None and last is not None and first < last:
                own = first, last
                break
        if own is None:
            own = self._own_start_and_length(sentence, mentions)
        if own is None and (last := self._first_stop_until(sentence, mentions)) is not None:
            own = self.start, last
        if own is not None:
            return (*own, own == (self.start, self.end))
        if self.range_evidence and (self.range_evidence in sentence or self._in_range_ends(sentence)):
            return self.start, self.end, True
        return None

    def _first_stop_until(self, sentence: str, mentions: list[dates.Mention]) -> dt.date | None:
        """`오 시장은 첫 방문지인 두바이에 24일까지 머물며`: the first stop, from the trip's first day to
        the one day the sentence gives, with a stay; else None."""
        if len(mentions) != 1 or not _FIRST_STOP_WORDS.search(sentence) or not _STAYS_UNTIL.match(sentence, mentions[0].end):
            return None
        last = dates.resolve_day(mentions[0], self.start, self.end)
        return last if last is not None and self.start < last < self.end else None

    def _own_start_and_length(self, sentence: str, mentions: list[dates.Mention]) -> tuple[dt.date, dt.date] | None:
        """`첫 일정으로 21일부터 3일간 ... 정저우시를 찾아`: a start and a length of the sentence's own, as
        trip days."""
        for a, length in dates.start_and_length(sentence, mentions):
            first = dates.resolve_day(a, self.start, self.end)
            if first is not None:
                last = min(first + dt.timedelta(days=-length.day - 1), self.end)
                return (first, last) if first < last else None
        return None

    def _in_range_ends(self, sentence: str) -> bool:
        """Whether the sentence (or a part of one) is where the trip's range is told."""
        return any(sentence.strip() in told for told in self.range_ends)

    def _range_without_a_city(self, days: dict[dt.date, dict[str, Any]], sentence: str, sid: str,
                              people: list[entities.PersonFound], lang: str) -> None:
        """`26∼29일 자매결연한 뉴저지주를 방문해 주지사 등과 면담하고 ...`: a sentence that ties what
        the delegation does to days of its own range, naming no city (a state, a region): each of
        those days is told by it; the event is put on the first."""
        span = self._range_of(sentence)
        if span is None or span[2] or self._before_trip(sentence):
            return
        first, last, _ = span
        event = self._event(sentence, _activity(sentence), sid, people, [], None, lang)
        event["inferred"]["date"] = Reason(N_("The sentence ties it to the days {first} to {last}; it is put on the "
                                              "first of them."), first=first, last=last)
        date = first
        while date <= last:
            day = days.setdefault(date, _new_day(date))
            excerpt = {"source": sid, "text": sentence.strip()}
            if excerpt not in day["evidence"]:
                day["evidence"].append(excerpt)
            if date == first:
                day["events"].append(event)
            date += dt.timedelta(days=1)

    def _departure_day(self, days: dict[dt.date, dict[str, Any]], found_people: list[list[entities.PersonFound]]) -> None:
        """The trip's first day, when the sentence that starts the trip says the delegation sets
        out (`오는 7일부터 18일까지 9박12일 일정으로 미국 출장길에 오른다`) and no sentence dates that
        day: the day of departure, with no city (it may be spent travelling)."""
        if self.start in days or self.start == self.end or not self.range_evidence:
            return
        first = self.range_opening
        words = _SETS_OUT.search(first)
        if words is None:
            return
        article = self.articles[self.primary]
        event = self._event(first, "travel", self.sids[self.primary], found_people[self.primary], [], None,
                            article.language)
        event["title"] = {article.language: "Departure" if article.language == "en" else "출국"}
        event["inferred"]["date"] = Reason(N_("The sentence that starts the trip on {date} says the delegation sets "
                                              "out ('{words}'): the day of departure."),
                                           date=self.start, words=words.group(0))
        self._departures.add(id(event))
        day = days[self.start] = _new_day(self.start)
        day["events"].append(event)
        day["evidence"].append({"source": self.sids[self.primary], "text": first})

    def _fill_the_one_city(self, days: dict[dt.date, dict[str, Any]], place: places.PlaceFound) -> None:
        """The articles name one city abroad for the whole trip: a dated day that names none
        is in it."""
        doc = _place(place)
        for day in days.values():
            if day["places"] or any(id(e) in self._departures for e in day["events"]):
                continue
            # (`지난 8일과 11일 체코와 이탈리아에서 ...`: a day told in another country is not in the city)
            elsewhere = {code for e in day["evidence"] for code in _countries_told_as_where(e["text"])} - {
                "KR", place.city.country}
            if not elsewhere:
                day["places"].append(doc)
                day["inferred"]["places"] = Reason(N_("The day's sentences name no city; '{name}' is the only city "
                                                      "the article names for the trip."), name=place.ko)

    def _stops(self, undated: list[tuple[int, str, list[places.PlaceFound], str]], days: list[dict[str, Any]],
               found_people: list[list[entities.PersonFound]],
               spans: dict[str, tuple[dt.date, dt.date]] | None = None) -> list[dict[str, Any]]:
        """One stop per city named with no day: over the span a sentence ties it to (its days
        also have the city), else 'during the trip' when no dated day has the city."""
        spans = spans or {}
        dated = {_city_key(p) for day in days for p in day["places"]} - set(spans)
        stops: dict[str, dict[str, Any]] = {}
        placed_events: set[str] = set()
        for i, sentence, city_places, lang in undated:
            sid = self.sids[i]
            for place in city_places:
                doc = _place(place)
                key = _city_key(doc)
                if key in dated:
                    continue
                stop = stops.setdefault(key, {"places": [doc], "events": [], "evidence": [], "inferred": {}})
                if key in spans:
                    stop["start"], stop["end"] = spans[key]
                elif "start" not in stop:
                    self._span_by_order(stop, sentence, place, city_places, days)
                    if "start" not in stop:
                        self._span_after_a_move(stop, sentence, place, days, self.articles[i].text, sid)
                excerpt = {"source": sid, "text": sentence}
                if excerpt not in stop["evidence"]:
                    stop["evidence"].append(excerpt)
                if _place_reason(place):
                    stop["inferred"]["places"] = _place_reason(place)
                if sentence not in placed_events:  # a sentence's event goes with its first city
                    placed_events.add(sentence)
                    own = [p for p in city_places if _city_key(_place(p)) == key]
                    stop["events"].append(self._event(sentence, _activity(sentence), sid, found_people[i], own,
                                                      None, lang))
        return list(stops.values())

    def _span_by_order(self, stop: dict[str, Any], sentence: str, place: places.PlaceFound,
                       city_places: list[places.PlaceFound], days: list[dict[str, Any]]) -> None:
        """A stop the sentence puts first ('워싱턴 D.C. 전시회 참관을 시작으로', '첫 일정으로 X를')
        or last ('마지막 일정으로 X', 'X 방문을 끝으로') of the trip: between the trip's start and
        the first day the article places in another city (or that day's last and the trip's end)."""
        placed = sorted(day["date"] for day in days if day["places"])
        if not placed:
            return
        others = [p for p in city_places if p.city.en != place.city.en]
        rest = sentence[place.end:]
        first = _FIRST_STOP_AFTER.match(rest) and not any(place.end <= p.begin < place.end + _FIRST_STOP_AFTER.match(rest).end()
                                                          for p in others)
        lead = _FIRST_STOP_BEFORE.search(sentence, 0, place.begin)
        first = first or (lead is not None and not any(lead.end() <= p.begin < place.begin for p in others))
        last_lead = _LAST_STOP_BEFORE.search(sentence, 0, place.begin)
        last = last_lead is not None and not any(last_lead.end() <= p.begin < place.begin for p in others)
        if first:
            stop["start"], stop["end"] = self.start, placed[0]
            words = "first"
        elif last:
            stop["start"], stop["end"] = placed[-1], self.end
            words = "last"
        else:
            return
        stop["inferred"]["start"] = stop["inferred"]["end"] = Reason(
            N_("The sentence names '{name}' first in the trip's programme; the article places the delegation "
               "elsewhere on {day}, so the stop is within {start} to {end}.") if words == "first" else
            N_("The sentence names '{name}' last in the trip's programme; the article places the delegation "
               "elsewhere on {day}, so the stop is within {start} to {end}."),
            name=place.ko, day=placed[0] if first else placed[-1], start=stop['start'], end=stop['end'])

    def _span_after_a_move(self, stop: dict[str, Any], sentence: str, place: places.PlaceFound,
                           days: list[dict[str, Any]], text: str, sid: str) -> None:
        """'이후 베를린으로 이동해 ...': a move told after the article's account of a dated day is
        on or after that day, and before the next day it tells of: the stop spans them."""
        move = _MOVES_ON.search(sentence)
        if not _AFTER_THAT.match(sentence) or move is None or not move.start() <= place.begin < move.end():
            return
        at = text.find(sentence)
        if at < 0:
            return
        told: list[tuple[int, dt.date]] = []
        for day in days:
            for excerpt in day["evidence"]:
                where = text.find(excerpt["text"]) if excerpt["source"] == sid else -1
                if where >= 0:
                    told.append((where, day["date"]))
        before = [date for where, date in told if where < at]
        after = [date for where, date in told if where > at]
        if not before:
            return
        first, last = max(before), min(after) if after else self.end
        if last < first:
            return
        stop["start"], stop["end"] = first, last
        stop["inferred"]["start"] = stop["inferred"]["end"] = Reason(
            N_("The sentence moves on ('{move}') after the article's account of {first} and before that of "
               "{last}; the stop is within {first} to {last}.") if after else
            N_("The sentence moves on ('{move}') after the article's account of {first}, the last day it dates; "
               "the stop is within {first} to {last}."),
            move=move.group(0), first=first, last=last)

    def _sentence_day(self, sentence: str, begin: int, text: str, previous: dt.date | None,
                      same_paragraph: bool) -> tuple[dt.date | None, str | None]:
        """The trip day a sentence is about, and how it was read (None: stated outright)."""
        # (`박 시장은 11일 ... 인천공항을 출발했다. 파리에 도착한 시간은 같은 날 오후 3시`: the day of the
        # range sentence before, when it names one)
        range_day, self._range_day = self._range_day, None
        if range_day is not None and re.search(r"같은\s?날|이날", sentence):
            previous = range_day
        mentions = dates.find_mentions(sentence)
        told, mentions = dates.apart_from_report(sentence, mentions)
        if told:  # `24일 대전시에 따르면 ... 전날(현지시간) 시안시를 방문해`: not the 24th
            before = _DAY_BEFORE.search(sentence)
            if told and not mentions and before:
                report = dates.resolve_day(told[0], self.start, self.end + dt.timedelta(days=31))
                if report is not None and self.start <= report - dt.timedelta(days=1) <= self.end:
                    day = report - dt.timedelta(days=1)
                    return day, Reason(N_("'{words}' is the day before the report's day ('{report}'): {date}."),
                                       words=before.group(0), report=told[0].text.strip(), date=day)
        in_trip = [d for d in (dates.resolve_day(m, self.start, self.end) for m in mentions) if d]
        whole = self.range_evidence and not self.range_tied and (sentence.strip() == self.range_evidence.strip()
                                         or self.range_evidence in sentence
                                         or (self._in_range_ends(sentence) and len(mentions) != 1))
        if whole and self.start == self.end and in_trip:
            return in_trip[0], None  # `이달 3일 ... 서명한다고 1일 밝혔다`: the trip's one day, told with what is done on it
        # (`이 도지사는 이날부터 29일까지 도쿄와 오사카 ...`: a range from the day of the sentence before)
        from_that_day = len(mentions) == 1 and re.search(r"(?:이날|같은\s?날)\s*부터\s*$", sentence[:mentions[0].begin])
        if (len(mentions) >= 2 and dates.find_ranges(sentence, mentions)) or whole or from_that_day or (
                self._own_start_and_length(sentence, mentions) is not None) or (
                self._first_stop_until(sentence, mentions) is not None):
            if len(mentions) == 1 and len(in_trip) == 1 and not from_that_day:
                self._range_day = in_trip[0]
            return None, "range"  # the trip's range, or another range: not one day (a part naming one day is)
        if in_trip:
            return in_trip[0], None
        if mentions:  # a date outside the trip: the report's day, a past event
            return None, None
        relative = (dates.relative_day(sentence, previous, self.start, self.end)
                    or english.counted_day(sentence, previous, self.start, self.end))
        if relative is None and previous is None and self._last_dated is not None and "같은 날" in sentence:
            # `박 군수는 같은 날 ...`, after a sentence of another time between: the last day told
            relative = (self._last_dated, "같은 날")
        if relative is not None and self.start <= relative[0] <= self.end:
            return relative[0], Reason(N_("'{words}' is read as {date}."), words=relative[1], date=relative[0])
        if relative is None and previous is None and re.match(r"\s*이날\s", sentence):
            # `... 체결했다고 27일 밝혔다.` ... `이날 협약식에서는`: no day told before it but the report's
            day, words = self._report_date(text, self.end)
            if day is not None:
                return day, Reason(N_("'이날' follows no day of the trip but the report's ('{words}'): {date}."),
                                   words=words, date=day)
        if (before := _DAY_BEFORE.match(sentence, _subject_end(sentence))) and not mentions:
            # `... 펼치고 있다고 25일 밝혔다.` ... `로스앤젤레스에 도착한 시장개척단은 전날 ... 업무협약을 체결하고`:
            # the day before the report's, told in a later sentence (after no other day of the trip than
            # the report's own, which a picture's date line may repeat)
            day, words = self._report_date(text, self.end + dt.timedelta(days=1))
            if day is not None and previous in (None, day) and self.start <= day - dt.timedelta(days=1) <= self.end:
                day -= dt.timedelta(days=1)
                return day, Reason(N_("'{words}' is the day before the report's day ('{report}'): {date}."),
                                   words=before.group(0), report=words, date=day)
        if self._before_trip(sentence):  # an earlier agreement or visit: no day of this trip
            return None, None
        if self.one_day and not self._of_an_earlier_time(sentence):
            return self.start, Reason(N_("The trip is one day, {date}; the sentence tells of it."), date=self.start)
        if previous is not None and (same_paragraph or _CONTINUES.match(sentence)):
            return previous, Reason(
                N_("The sentence gives no day; it continues the account of {date} (the sentence before it, in the "
                   "same paragraph).") if same_paragraph else
                N_("The sentence gives no day; it continues the account of {date} (the sentence before it)."),
                date=previous)
        if previous is not None and _MOVES_ON.search(sentence):
            return previous, Reason(N_("The sentence gives no day; it moves on ('{move}') from the account of "
                                       "{date} just before it, so the move is taken to follow that day's programme "
                                       "(it may be the next day)."),
                                    move=_MOVES_ON.search(sentence).group(0), date=previous)
        return None, None

    def _report_date(self, text: str, until: dt.date) -> tuple[dt.date | None, str]:
        """The date of the report's day (`...고 25일 밝혔다`) between the trip's start and `until`, and
        the words that give it; None when the text gives none there."""
        report = dates.report_day(text)
        if report is None:
            return None, ""
        return dates.resolve_day(dates.Mention(0, 0, report[1], day=report[0]), self.start, until), report[1]

    def _event(self, sentence: str, kind: str, sid: str, people: list[entities.PersonFound],
               city_places: list[places.PlaceFound], how: str | None, lang: str = "ko") -> dict[str, Any]:
        orgs = [oid for name, oid in self.org_names.items() if name in sentence]
        orgs = list(dict.fromkeys(orgs))
        persons = [self._person(p) for p in people if p.ko in sentence]
        subject = next((self.orgs[o]["name"].get(lang) for o in orgs if self.orgs[o]["kind"] != "government"
                        and self.orgs[o]["name"].get(lang)), None) or (city_places[0].ko if city_places else None)
        if lang == "en":
            title = f"{subject}: {KIND_TITLE_EN[kind]}" if subject else KIND_TITLE_EN[kind].capitalize()
        else:
            title = f"{subject} {KIND_TITLE[kind]}" if subject else KIND_TITLE[kind]
        event: dict[str, Any] = {
            "id": "",
            "kind": kind,
            "title": {lang: title},
            "description": {lang: sentence.strip()},
            "organisations": orgs,
            "people": list(dict.fromkeys(persons)),
            "sources": [sid],
            "evidence": [{"source": sid, "text": sentence.strip()}],
            "inferred": {"title": Reason(N_("Composed by the drafter from the sentence (the kind of event and "
                                            "whom or where it concerns); the sentence itself is the description."))},
        }
        if len(city_places) == 1:
            event["place"] = _place(city_places[0])
        if how:
            event["inferred"]["date"] = how if isinstance(how, Reason) else how[0].upper() + how[1:] + "."
        return event

    # -- agreements, quotes ---------------------------------------------------------------------

    def _agreements(self, days: list[dict[str, Any]], home_org: str) -> list[dict[str, Any]]:
        event_of: dict[str, tuple[dt.date, dict[str, Any]]] = {}
        for day in days:
            for event in day["events"]:
                if id(event) in self._departures:
                    continue  # the range's sentence, which dates no agreement it names to the first day
                event_of.setdefault(next(iter(event["description"].values())), (day["date"], event))
        out: list[dict[str, Any]] = []
        for i, article in enumerate(self.articles):
            sid = self.sids[i]
            lead = _lead(article.text)
            for found in agreements_mod.find_agreements(article.text, analyser.sentences(article.text)):
                clause = found.clause or found.sentence
                if self._before_trip(clause) and not _signed_ahead(found):
                    continue
                # a plan given up or handed to others ('will instead send a delegation to Shanghai to
                # ... sign a memorandum'): not an agreement of this trip
                if (article.language == "en" and english.dropped_plan(found.sentence)) or _CALLED_OFF.search(clause):
                    continue
                if article.language == "ko" and self._another_korean_governments(clause):
                    continue
                if _STRIVES_FOR.match(clause, max(0, clause.find(found.words))):
                    continue  # `정식으로 우호교류에 관한 협약 체결을 위해 노력하기로 했다`: a goal, not this trip's
                if (article.language == "ko" and found.status == "planned"
                        and _INVITES_TO_SIGN.search(clause[:max(0, clause.find(found.words))])):
                    continue  # `... 바트볼드 시장을 초청해 자매결연을 체결할 예정이다`: signed later, on a visit to Korea
                dated = event_of.get(found.sentence)
                if dated is None:  # a sentence cut at its days (15일 A와 MOU를, 16일 B와 협약을): the part holding it
                    core = clause.strip(" ,")[-40:]
                    parts = [(k, v) for k, v in event_of.items() if k in found.sentence and len(k) < len(found.sentence)
                             and (core in k or k in clause)]
                    # (the part holding the agreement's own words: `이날 ... 시찰하고 다음 날 ... 업무협약을`)
                    dated = next((v for k, v in parts if found.words in k), parts[0][1] if parts else None)
                if dated and _purpose_of_departure(found):
                    dated = None  # 'X 협약 체결 등을 위해 지난 8일 출국했다': the day is the departure's
                date = dated[0] if dated else None
                before_words = clause[:max(0, clause.find(found.words))]
                if found.of > 1:  # `25일 뉴욕에서 A사와, 29일에는 ... B사와, 8월 1일에는 ... C사와 각각`: one a day
                    days_told = [d for d in (dates.resolve_day(m, self.start, self.end)
                                             for m in dates.find_mentions(before_words)) if d]
                    if len(days_told) == found.of:
                        date, dated = days_told[found.item], None
                own_day = None
                if date is not None and found.of == 1 and not _RELATIVE_DAY.search(before_words):
                    # `이어 8일은 ... K마트에서 ... 업무협약을 맺고, 7~13일까지는 ... 판촉활동을`: the one day told
                    # before the agreement's words, not the sentence's range
                    _, kept = dates.apart_from_report(before_words, dates.find_mentions(before_words))
                    told = [(m, d) for m in kept if (d := dates.resolve_day(m, self.start, self.end))]
                    if len(told) == 1 and told[0][1] != date:
                        (own_day, date), dated = told[0], None
                if date is None and self.start == self.end and found.status == "signed":
                    date = self.start  # signed on a trip of one day: on that day
                reported_on = None
                if date is None and found.status == "signed" and article.language == "ko":
                    # `응에안성과 자매결연 협약을 체결했다고 27일 밝혔다` ... `이날 협약식에서는`: signed on the report's day
                    reported_on = dates.signed_on_the_report_day(article.text, found.sentence, self.start, self.end)
                    if reported_on is not None:
                        date = reported_on[0]
                # One agreement told twice (the lead names it, a later sentence dates it), never
                # two that one sentence names side by side.
                same = next((a for a in out if _same_agreement(a, found)
                             and (a.get("date") == date or a.get("date") is None or date is None
                                  or _dated_by_its_range(a, found, date))), None)
                if same is None:
                    same = next((a for a in out if _summed_up_in_the_lead(a, found, date, lead)), None)
                if same is None and out and _THIS_ONE.search(before_words) and (
                        not re.match(r"\s*(?:이는|이것은)\s", before_words) or re.match(r"(?:체결|맺|서명)", found.words)):
                    same = out[-1]  # `이번 체결된 상호교류 추진 의향서는 ...`: the one just told of
                if same is None and out and found.words == "합의" and not any(
                        name in clause for name, oid in self.org_names.items() if oid != home_org):
                    same = out[-1]  # `또 ... 공무원 교류에 합의했다`, no party named: what the one told agrees
                if same is None and found.words in ("협약", "협정", "MOU") and (
                        party := re.search(r"([가-힣A-Za-z0-9]{2,})(?:와|과)(?:의)?\s*" + re.escape(found.words) + r"(?:을|를)",
                                           clause)):
                    # `15일 ... D사와 투자유치 업무협약을 맺은 뒤 16일 ... A사와 투자유치 협약을 맺는다. 양 지사는 A사와
                    # 협약을 체결한 뒤 ...`: the bare word, with a party an agreement told before has
                    same = next((a for a in out if re.search(re.escape(party.group(1)) + r"(?:와|과)",
                                                             a["_found"].clause or a["_found"].sentence)), None)
                self._party_governments(clause, home_org)
                named = [oid for name, oid in self.org_names.items() if name in clause and oid != home_org
                         and self.orgs.get(oid, {}).get("kind") not in ("venue", "event")]  # 인천공항을 통해 출국한: no party
                if same is None and _BARE_DOCUMENT.fullmatch(found.words) and date is not None and re.search(
                        r"(?:협약|체결|결연|조인|서명)식에서", clause):
                    # `허남식 시장 일행은 14일 ... 자매결연 협약식을 가졌다` ... `두 도시는 협약식에서 ... 협정서에
                    # 서명했다`: the document of the ceremony told, on its day
                    same = next((a for a in out if a.get("date") == date), None)
                if same is None and found.kind == "other" and named and re.search(r"체결식|협약식|서명식|조인식|교환", clause):
                    # `MOU체결식은 ... 조길형 충주시장과 박용국 워싱턴주 한인상공회의소 회장이 함께 서명한 협약서를
                    # 교환하였다`: a bare agreement with the party of one told before, on its day
                    same = next((a for a in out if set(named) & set(a["parties"][1:])
                                 and any(e["text"] != found.sentence for e in a["evidence"])
                                 and (a.get("date") == date or a.get("date") is None or date is None)), None)
                parties = [home_org] + named
                evidence = {"source": sid, "text": found.sentence}
                record: dict[str, Any] = {
                    "id": f"agreement-{len(out) + 1}",
                    "title": {article.language: found.words},
                    "kind": found.kind,
                    "parties": list(dict.fromkeys(parties)),
                    "unnamed_parties": _unnamed_parties(clause, article.language),
                    "scope": {article.language: found.sentence},
                    "sources": [sid],
                    "evidence": [evidence],
                    "inferred": {"title": Reason(N_("The article's words for it ('{words}'); a fuller title is the "
                                                    "reviewer's."), words=found.words),
                                 "parties": Reason(N_("The home government and the organisations named in the "
                                                      "sentence beside this agreement.") if clause != found.sentence
                                                   else N_("The home government and the organisations named in "
                                                           "the sentence."))},
                    "_found": found,
                }
                if found.of > 1:
                    record["inferred"]["kind"] = Reason(N_("One of the {n} agreements the sentence counts "
                                                           "('{words}'); the article does not name them one by "
                                                           "one."), n=found.of, words=found.counted)
                if found.listed:
                    record["inferred"]["status"] = Reason(N_("Named in the list of what the trip holds; the list's "
                                                             "verb says whether it is planned."))
                if date is not None:
                    record["date"] = date
                    event = dated[1] if dated else {}
                    if event.get("place"):
                        record["place"] = event["place"]
                    if event.get("kind") == "signing":
                        record["event"] = event
                    if reported_on is not None:
                        record["inferred"]["date"] = Reason(N_("The sentence reports the signing on the day of the "
                                                               "report ('{words}'), and the ceremony is told as held "
                                                               "that day ('{that_day}')."),
                                                            words=reported_on[1], that_day=reported_on[2])
                    elif own_day is not None:
                        record["inferred"]["date"] = Reason(N_("The day told in the agreement's own part of the "
                                                               "sentence ('{day}')."), day=own_day.text.strip())
                    elif not dated:
                        record["inferred"]["date"] = Reason(N_("The trip is one day, {date}; the agreement was signed "
                                                               "on it."), date=date)
                if "place" not in record and article.language == "ko":
                    self._agreement_place(record, clause, article.text, found)
                if found.status != "unknown":
                    status: dict[str, Any] = {"value": found.status, "evidence": [evidence],
                                              "inferred": {"value": Reason(N_("Read from the sentence's verb."))}}
                    published = self.hint.published or article.published
                    if found.status == "planned" and published is not None:
                        status["date"] = published
                        status["inferred"]["date"] = Reason(N_("The date the article announcing it was published."))
                    elif found.status == "signed" and date is not None:
                        status["date"] = date
                    record["status"] = status
                if same is not None:
                    if date is not None and same.get("date") is not None and date > same["date"] and \
                            _dated_by_its_range(same, found, date):
                        # (the one told before was dated by its range's first day: this day is its own)
                        for key in ("date", "place", "event"):
                            if key in record:
                                same[key] = record[key]
                        if "date" in same.get("status", {}):
                            same["status"]["date"] = date
                    _merge_agreement(same, record)
                    continue
                out.append(record)
        for record in [r for r in out if _sums_up_the_others(r, out)]:
            # `유럽출장에서 4개기업으로부터 모두 1억달러 이상 투자유치협약(MOU)을 맺을 계획이다`, then each of them
            # on its day: the sum is no agreement of its own
            out.remove(record)
            _merge_agreement(next(r for r in out if "date" in r), record)
        for number, record in enumerate(out, start=1):
            record["id"] = f"agreement-{number}"
        for record in out:
            found_ = record.pop("_found", None)
            title = next(iter(record["title"].values()))
            if "status" not in record:
                self.review.append(messages()("agreement '{title}': the article does not say whether it is signed "
                                              "or planned").format(title=title))
            if found_ is not None and found_.of > 1 and found_.item == 0:
                self.review.append(messages()("agreements '{title}' ({n}): the article counts them ('{words}') "
                                              "without naming each one's party").format(
                    title=title, n=found_.of, words=found_.counted))
        self.found.append(messages()("agreements: {n}").format(n=len(out)))
        return out

    def _agreement_place(self, record: dict[str, Any], clause: str, text: str,
                         agreement: agreements_mod.AgreementFound | None = None) -> None:
        """Where an undated agreement is made, from its own words: the city named with 에서
        ('뉴욕에서 ... 협약을 맺고'), else the one city abroad they name, marked inferred. Agreements
        counted with 각각 after as many cities ('A와 B를 방문해 각각 500만 불, 3000만 불 규모의 MOU에
        서명한다') are each in the city of its rank, as 각각 (respectively) pairs them."""
        if agreement is not None and agreement.of > 1 and "각각" not in agreement.counted:
            if by_city := _counted_by_city(agreement.sentence, agreement.of):
                (words, name), = [(w, n) for w, n, item in by_city if item == agreement.item]
                place = next(iter(places.find_places(name, analyser.proper_nouns(text), text)), None)
                if place is not None:
                    record["place"] = _place(place)
                    record["inferred"]["place"] = Reason(N_(
                        "The sentence counts the agreements city by city ('{words}'): this one is in '{name}'."),
                        words=words, name=place.ko)
                    return
        if agreement is not None and agreement.of > 1 and "각각" in agreement.counted:
            before = agreement.sentence[:agreement.sentence.rfind("각각")]
            named = [p for p in places.find_places(before, analyser.proper_nouns(text), text) if p.city.country != "KR"]
            cities = list({p.city.en or p.ko: p for p in named}.values())
            if len(cities) == agreement.of:
                place = cities[agreement.item]
                record["place"] = _place(place)
                record["inferred"]["place"] = Reason(N_(
                    "The sentence names {n} cities, then counts {n} agreements with '각각' (respectively); they "
                    "are taken to be in the cities in the order named: this one in '{name}'."),
                    n=agreement.of, name=place.ko)
                return
        found = [p for p in places.find_places(clause, analyser.proper_nouns(text), text) if p.city.country != "KR"]
        at = [p for p in found if clause.startswith("에서", p.end) or clause.startswith("시에서", p.end)]
        if len({p.city.en or p.ko for p in at}) == 1:
            record["place"] = _place(at[0])
            record["inferred"]["place"] = Reason(N_("The sentence says '{words}'."),
                                                 words=clause[at[0].begin:at[0].end + 3].strip())
        elif len({p.city.en or p.ko for p in found}) == 1:
            record["place"] = _place(found[0])
            record["inferred"]["place"] = Reason(N_("'{name}' is the one city abroad the sentence names beside "
                                                    "the agreement; the article does not say where it is signed."),
                                                 name=found[0].ko)

    def _party_governments(self, clause: str, home_org: str) -> None:
        """A government the agreement is made with, named with its kind and 와/과 (웨이하이시와,
        화방면과는, 푸옌성과) though no gazetteer knows it: an organisation of its own."""
        home_names = {n for n, oid in self.org_names.items() if oid == home_org}
        for m in _PARTY_GOVERNMENT.finditer(clause):
            name = m.group(1)
            if name in self.org_names or name in home_names or any(name in n or n in name for n in home_names):
                continue
            if localgov.by_name().get(name) or localgov.by_name().get(name[:-1]):
                continue  # a Korean local government is found as such elsewhere
            self._org(name, None, "government")

    def _of_an_earlier_time(self, sentence: str) -> bool:
        """Whether a sentence tells of another year or an earlier visit ('2003년 협약을 맺은 이후',
        '지난해 11월 ... 방문한'): its cities are not stops of this trip. (Narrower than
        `_before_trip`: '의향서 체결 이후 ... 견학' is this trip's programme.)"""
        if re.search(r"지난해|작년|바\s*있다|당시", sentence) or _PAST_EN.search(sentence):
            return True
        if any(int(y) < self.start.year for y in _YEAR_PAST_EN.findall(sentence)):
            return True
        # '앞서 여수시는 지난 9월 중국 칭다오를 방문해': a past month none of the trip's days is in.
        if any(int(m) not in (self.start.month, self.end.month)
               for m in re.findall(r"지난\s*(\d{1,2})\s*월(?!\s*\d{1,2}\s*일)", sentence)):
            return True
        return any(int(y) not in (self.start.year, self.end.year) for y in _years_of_the_sentence(sentence))

    def _before_trip(self, sentence: str) -> bool:
        """Whether a sentence tells of something before the trip (an agreement signed in an
        earlier year, '지난 5월 ... 체결한 바 있다'), not of the trip itself."""
        past = {m.group(0) for m in _PAST.finditer(sentence)}
        if past == {"앞서"} and any(dates.resolve_day(m, self.start, self.end) for m in dates.find_mentions(sentence)):
            past = set()  # `이에 앞서 울산시는 중국 방문 첫째 날인 3일 ...`: earlier in this trip, on a day of it
        if past or _PAST_EN.search(sentence):
            return True
        if any(int(y) < self.start.year for y in _YEAR_PAST_EN.findall(sentence)):
            return True  # `signed a friendship city agreement in May 2012`
        for year in _years_of_the_sentence(sentence):
            if int(year) not in (self.start.year, self.end.year):
                return True
        for mention in dates.find_mentions(sentence):
            if mention.month is not None and dates.resolve_day(mention, self.start, self.end) is None:
                return True
        # '지난 6월 ... 합의한 후': a past month, without a day, that is none of the trip's; and one without
        # 지난 before a trip later in the same year ('홍보관은 10월 군이 ...와 우호교류협약 ... 인연을 맺은', of a
        # trip in December)
        for month in re.findall(r"지난\s*(\d{1,2})\s*월(?!\s*\d{1,2}\s*일)", sentence):
            if int(month) not in (self.start.month, self.end.month):
                return True
        for month in re.findall(r"(?<![\d.년])(\d{1,2})\s*월(?!\s*\d{1,2}\s*일|\s*[~∼-])", sentence):
            if 1 <= int(month) < self.start.month and self.start.month == self.end.month:
                return True
        return False

    def _quotes(self, found_people: list[list[entities.PersonFound]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        for i, article in enumerate(self.articles):
            sid = self.sids[i]
            for quote in quotes_mod.find_quotes(article.text, analyser.sentences(article.text), found_people[i]):
                key = re.sub(r"\s+", "", quote.text)
                if key in seen:
                    continue
                seen.add(key)
                if quote.speaker is None and quote.unnamed is None:
                    self.review.append(messages()("quote whose speaker the drafter could not tell left out: "
                                                  "“{quote}…”").format(quote=quote.text[:30]))
                    continue
                record: dict[str, Any] = {
                    "id": f"quote-{len(out) + 1}",
                    "original": {"lang": article.language, "text": quote.text},
                    "sources": [sid],
                    "evidence": [{"source": sid, "text": quote.sentence.strip()}],
                    "inferred": {},
                }
                if quote.speaker is not None:
                    record["speaker"] = self._person(quote.speaker)
                    if quote.speaker.role:
                        record["role"] = {"en" if not re.search("[가-힣]", quote.speaker.role) else "ko":
                                          quote.speaker.role}
                else:  # 시 관계자: no name, the role as the article gives it
                    record["role"] = {article.language: quote.unnamed}
                    if (re.match(r"(시|군|도|구)\s", quote.unnamed) or "city official" in quote.unnamed
                            or quote.unnamed in (self.home.ko, *self.home.aliases)):
                        record["organisation"] = self.home_org
                        record["inferred"]["organisation"] = Reason(
                            N_("'{role}' speaks for the delegation's home government."), role=quote.unnamed)
                if quote.went_on:
                    record["inferred"]["speaker"] = Reason(
                        N_("The sentence names no speaker and goes on from the quote before it ('{sentence}…'); the "
                           "speaker is that quote's."), sentence=quote.sentence.strip()[:12])
                if quote.cut:
                    record["inferred"]["original"] = Reason(
                        N_("The saved text ends inside this quote (no closing mark): the words are those up to "
                           "the end of the text; check the page for the rest."))
                if quote.unmarked:
                    record["inferred"]["original"] = Reason(
                        N_("The saved text has no quotation marks here; the words between the speaker ('{speaker}') "
                           "and the quotative ending (라며/라고 밝혔다) are taken as the quote."),
                        speaker=quote.speaker_words)
                out.append(record)
        self.found.append(messages()("quotes: {n}").format(n=len(out)))
        return out

    # -- sources, trip --------------------------------------------------------------------------

    def _sources(self, status: str) -> list[dict[str, Any]]:
        out = []
        for i, article in enumerate(self.articles):
            record: dict[str, Any] = {"id": self.sids[i], "inferred": {}}
            outlet = self.outlet or article.outlet
            if outlet:
                record["outlet"] = outlet
            else:
                record["outlet"] = {"ko": "미상", "en": "unknown outlet"}
                self.review.append(messages()("{file}: no outlet printed; give it with --outlet").format(
                    file=article.name))
            if article.headline or article.headline_en:
                record["headline"] = _text(article.headline, None)
                if article.headline_en:
                    record["headline"] = {**_text(article.headline, article.headline_en),
                                          **({"translated": "en", "translated_by": "article"} if article.headline else {})}
            else:
                lead = analyser.sentences(article.text)[0]
                record["headline"] = {"ko": article.text[lead[0]:lead[1]].strip()}
                record["inferred"]["headline"] = Reason(N_("The saved text has no headline; its first sentence "
                                                           "stands in."))
                self.review.append(messages()("{file}: no headline; the first sentence stands in").format(
                    file=article.name))
            published = self.hint.published or article.published
            if published is not None:
                record["published"] = published
                if self.hint.published is None:
                    record["inferred"]["published"] = Reason(N_("Read from {where}."), where=article.published_from)
            else:
                day = dates.report_day(article.text)
                if day is not None and status == "announced":
                    date = dates.nearest_month(day[0], self.start)
                    if date <= self.start:
                        record["published"] = date
                        record["inferred"]["published"] = Reason(
                            N_("No date is printed; the article says '{words}' (the day of the report), taken in the "
                               "month before the trip or the trip's month: {date}."), words=day[1], date=date)
            if self.url or article.url:
                record["url"] = self.url or article.url
            if article.name != "-":
                record["file"] = article.name
            elif not record.get("url"):
                record["file"] = "(standard input)"
            record["language"] = article.language
            notes = []
            if article.byline:
                notes.append(f"Byline: {article.byline}.")
            if article.translation:
                notes.append("The article carries an English translation"
                             + (f", introduced by '{article.translation_note}'" if article.translation_note else "")
                             + ".")
            if article.dropped:
                notes.append(f"Dropped from the saved text: {', '.join(article.dropped)}.")
            if notes:
                record["notes"] = " ".join(notes)
            out.append(record)
        return out

    def _trip(self, trip_dates: dates.TripDates, primary: int, status: str, home: localgov.LocalGov,
              leader: entities.PersonFound, leader_id: str, leader_evidence: str,
              days: list[dict[str, Any]]) -> dict[str, Any]:
        province = localgov.province_of(home)
        countries = []
        for day in days:
            for place in day["places"]:
                if place["country"] not in countries:
                    countries.append(place["country"])
        text = "\n".join(a.text for a in self.articles)
        if not countries:
            named = (english.countries_named(text) if self.articles[0].language == "en"
                     else places.countries_named(text)) - {"KR"}
            countries = sorted(named, key=lambda code: _first_mention(text, code))[:1]
        home_id = _match(self.known.home_cities, home.short, home.en)
        country_code = countries[0].lower() if countries else "abroad"
        short_en = re.sub(r" (County|Province|State|Metropolitan City|Special City)$", "", home.en)
        trip_id = f"{entities.slug(short_en)}-{self.start.year}-{country_code}"
        if trip_id in self.known.trips:
            self.review.append(messages()(
                "trip id '{id}' is already a stored trip's: if the draft is of another trip, give it an id of its "
                "own before importing (the import refuses two trips with one id)").format(id=trip_id))
        sid = self.sids[primary]
        evidence = [{"source": sid, "text": trip_dates.evidence}]
        if leader_evidence and leader_evidence not in trip_dates.evidence:
            source = self.leader_source
            evidence.append({"source": self.sids[source],
                             "text": _sentence_of(self.articles[source].text, leader_evidence)})
        trip: dict[str, Any] = {
            "id": trip_id,
            "home_city": ({  # a province (or a national body) leads as itself: no province above it
                "id": home_id.id if home_id else entities.slug(short_en),
                "name": _text(home.ko, home.en),
                "kind": home.kind,
                "country": "KR",
            } if home.kind in ("province", "national") else {
                "id": home_id.id if home_id else entities.slug(short_en),
                "name": _text(home.short, home.en),
                "kind": home.kind if home.kind in ("county", "district") else "city",
                "province": _text(province.ko, province.en) if province else _text(home.ko, home.en),
                "country": "KR",
            }),
            "title": ({"en": f"{home.en} delegation visit to {', '.join(_country_en(c) for c in countries) or 'abroad'}"}
                      if self.articles[0].language == "en" else
                      {"ko": f"{home.ko} 대표단 {'·'.join(_country_ko(c) for c in countries) or '해외'} 방문"}),
            "leader": {"person": leader_id, "role": {self.articles[self.leader_source].language: leader.role or "-"}},
            "delegation": {"officials": [leader_id]},
            "start": trip_dates.start.date,
            "end": trip_dates.end.date,
            "status": status,
            "sources": list(self.sids),
            "evidence": evidence,
            "inferred": {"title": Reason(N_("Composed by the drafter from the home and the countries visited."))},
        }
        for i, article in enumerate(self.articles):
            count = _HEAD_COUNT.search(article.text)
            if count:
                trip["delegation"]["head_count"] = int(count.group(1))
                trip["evidence"].append({"source": self.sids[i], "text": _sentence_of(article.text, count.group(0))})
                break
        if trip_dates.span is not None:
            span = trip_dates.span
            trip["span_reported"] = {"nights": span.nights, "days": span.days, "text": span.text}
            if span.repaired:
                self.review.append(messages()("span: {repaired}").format(repaired=span.repaired))
        if trip_dates.start.reason:
            trip["inferred"]["start"] = trip_dates.start.reason
        if trip_dates.end.reason:
            trip["inferred"]["end"] = trip_dates.end.reason
        trip["inferred"]["status"] = Reason(N_("Read from the tense of the sentences: a report after the fact.")
                                            if status == "reported" else
                                            N_("Read from the tense of the sentences: a plan announced."))
        self.found.insert(0, messages()("trip: {trip}, {start} to {end} ({status})").format(
            trip=trip_id, start=notes.when(self.start), end=notes.when(self.end), status=messages()(status)))
        self.found.insert(1, messages()("leader: {name} ({role})").format(name=leader.ko, role=leader.role))
        return trip


# -- helpers ----------------------------------------------------------------------------------


def _day_clauses(text: str, spans: list[tuple[int, int]], start: dt.date,
                 end: dt.date) -> list[tuple[int, int]]:
    """The sentences, each cut where it moves to another day of the trip ('8월 1일 ... 참석을
    시작으로, 2일에는 ... 방문해 ...'): every part is verbatim text and names one day."""
    out: list[tuple[int, int]] = []
    for begin, stop in _next_day_parts(text, spans):
        sentence = text[begin:stop]
        mentions = dates.find_mentions(sentence)
        ranges = dates.find_ranges(sentence, mentions)
        if ranges:  # '9일부터 12일까지 LA에 머물며 ..., 13일에는 뉴욕으로': cut where a day follows the range
            after = max(b.end for _, b in ranges)
            cuts = [m.begin for m in mentions if m.begin > after and dates.resolve_day(m, start, end)]
            edges = [0, *cuts[:1], len(sentence)]
            out += [(begin + a, begin + b) for a, b in zip(edges, edges[1:])]
            continue
        cuts = [m.begin for k, m in enumerate(mentions[1:], 1) if dates.resolve_day(m, start, end)
                and not _JOINED_DAYS.match(sentence[mentions[k - 1].end:m.begin])]
        if not mentions:  # '첫날 ... 만나고 둘째 날 ... 발표한다': cut at each day counted
            cuts = [m.start() for m in dates.trip_day_words(sentence)[1:]]
            if cuts:
                edges = [0, *cuts, len(sentence)]
                out += [(begin + a, begin + b) for a, b in zip(edges, edges[1:])]
                continue
        _, trip_days = dates.apart_from_report(sentence, mentions)
        if not cuts or not trip_days or not dates.resolve_day(trip_days[0], start, end):  # (the day of the report aside)
            out.append((begin, stop))
            continue
        edges = [0, *cuts, len(sentence)]
        out += [(begin + a, begin + b) for a, b in zip(edges, edges[1:])]
    return out


def _next_day_parts(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, each cut where it goes on to the next day (`이날 ... 시찰하고 다음 날 ...
    협약을 체결할 예정이다`): the part after the cut is the day after the part before."""
    out: list[tuple[int, int]] = []
    for begin, stop in spans:
        cut = dates.next_day_cut(text[begin:stop])
        out += [(begin, stop)] if cut is None else [(begin, begin + cut), (begin + cut, stop)]
    return out


# '27일과 28일', '27일, 28일': two days the sentence names together (not a cut between two days).
_JOINED_DAYS = re.compile(r"^\s*(?:과|와|및|,|·|、)\s*(?:양일|이틀)?\s*$")


def _joined_days(sentence: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days after the first that the sentence names together with it ('27일과 28일 ... 참여')."""
    mentions = dates.find_mentions(sentence)
    out = []
    for k in range(1, len(mentions)):
        if not _JOINED_DAYS.match(sentence[mentions[k - 1].end:mentions[k].begin]):
            break
        day = dates.resolve_day(mentions[k], start, end)
        if day is not None:
            out.append(day)
    return out


# A party the article describes without naming it: 글로벌 벤처 투자기업, 증강현실(AR) 플랫폼 기업,
# a global venture capital firm.
_UNNAMED_PARTY = re.compile(r"(?:^|[\s,])((?:[가-힣A-Za-z()·]+\s){0,3}[가-힣A-Za-z()·]*(?:기업|업체|투자사|회사))(?:과|와|,|\s및|\s등)|"
                            r"\b(an? (?:[a-z()A-Z-]+ ){1,4}(?:company|firm|startup))\b")
_NOT_UNNAMED = re.compile(r"^(?:지역|현지|국내|해외|관련|여러|많은|세계적|중소)?\s?(?:기업|업체|회사)$|참여기업|지역기업|현지기업")


def _unnamed_parties(sentence: str, lang: str) -> list[dict[str, Any]]:
    out = []
    for m in _UNNAMED_PARTY.finditer(sentence):
        words = (m.group(1) or m.group(2) or "").strip()
        parts = words.split(" ")
        for k in range(len(parts) - 1, -1, -1):  # 경북도와 글로벌 벤처 투자기업: what follows 와
            if re.search(r"(와|과|의|을|를|에|및)$", parts[k]) and k < len(parts) - 1:
                words = " ".join(parts[k + 1:])
                break
        if words and not _NOT_UNNAMED.search(words) and len(words) >= 4:
            out.append({"description": {lang: words}, "kind": "company"})
    return out


def _listed_with_others(sentence: str, place: places.PlaceFound) -> bool:
    """Whether the sentence lists the city with other places ('푸옌성과 하노이를', '하노이, 다낭 등'),
    some of which the gazetteer may not know (a province, a county, a small town)."""
    before = sentence[max(0, place.begin - 3):place.begin]
    after = sentence[place.end:place.end + 3]
    return bool(re.search(r"(?:와|과|및|,|·)\s*$", before) or re.match(r"시?(?:와|과|및|,|·|\s등)", after))


def _not_in_names(sentence: str, found: list[places.PlaceFound],
                  people: list[entities.PersonFound]) -> list[places.PlaceFound]:
    """The places that are not part of a person's name (마르틴 호른 is Martin Horn, not Hoorn)."""
    names = [(m.start(), m.end()) for p in people if " " in p.ko
             for m in re.finditer(re.escape(p.ko), sentence)]
    return [p for p in found if not any(a <= p.begin < b for a, b in names)]


# Cities listed in the delegation's name (`중국 대련, 청도시 방문단은 18일 ... 출발하고`).
_DELEGATION_NAMED = re.compile(r"\s?(?:,|·|와|과|및)\s?[가-힣]{1,8}(?:시)?(?:\s?(?:,|·|와|과|및)\s?[가-힣]{1,8}(?:시)?)*"
                               r"\s?(?:방문단|대표단|사절단|시찰단|순방단|교류단)")


_TOLD_AS_WHERE = re.compile(r"([가-힣]{2,8})(?:에서|을\s?방문|를\s?방문|(?:으)?로\s?이동|에\s?도착)")


def _countries_told_as_where(sentence: str) -> set[str]:
    """The countries a sentence says the delegation is in (`말레이시아에서`, `체코를 방문`), not those
    it only names (`중국 기업 관계자들을 만나`)."""
    codes = places.country_index()
    return {codes[m.group(1)] for m in _TOLD_AS_WHERE.finditer(sentence) if m.group(1) in codes}


def _not_the_delegations_name(sentence: str, found: list[places.PlaceFound]) -> list[places.PlaceFound]:
    """Without the cities a delegation of several is named by (`대련, 청도시 방문단은 18일 ... 출발`):
    the sentence tells nothing of which of them its day is in."""
    named: set[int] = set()
    for k, place in enumerate(found):
        m = _DELEGATION_NAMED.match(sentence, place.end + (1 if sentence[place.end:place.end + 1] == "시" else 0))
        if m:
            named |= {j for j, other in enumerate(found) if place.begin <= other.begin < m.end()}
    return [p for j, p in enumerate(found) if j not in named]


def _place_reason(place: places.PlaceFound) -> Reason | None:
    """Why a city was taken to be the one it is, when the gazetteer's name alone did not say."""
    if place.note:
        return place.note
    if place.romanised:
        return Reason(N_("'{name}' has no Korean name in the gazetteer; it is taken to be {city} ({country}), the "
                         "city of a country the article names whose name its romanisation matches."),
                      name=place.ko, city=place.city.en, country=place.city.country)
    if place.ambiguous:
        return Reason(N_("'{name}' is the name of several cities; {city}, {region} is the one the article's "
                         "country or state points to (else the most populous)."),
                      name=place.ko, city=place.city.en, region=place.city.region or place.city.country)
    return None


def _city_key(place: dict[str, Any]) -> str:
    city = place["city"]
    return f"{place['country']}/{(city.get('en') or city.get('ko') or '').casefold()}"


_PARTY_GOVERNMENT = re.compile(r"(?<![가-힣])((?!양|각|전|본|우리|해당|자매|우호|협력|교류)[가-힣]{1,9}(?:시|성|현|주|면|군|구))"
                               r"(?<!도시)(?<!연구)(?<!요구)(?<!지구)(?<!전시)(?<!표시)(?<!당시)(?<!동시)(?<!역시)(?<!해군)"
                               r"(?<!공군)(?<!육군)(?<!미군)(?<!아군)(?<!자국)(?:와|과)(?:는|의)?\s")


_DEPARTURE = re.compile(r"출국|출발|길에\s*(?:올랐|오른|오를|오르|나섰|나선|나설|나서)")
_PURPOSE = re.compile(r"위해|위한|목적으로|차\s")


# The kinds of government a head of each title leads.
_HOME_KINDS = {"시장": ("city", "metropolitan"), "부시장": ("city", "metropolitan"), "군수": ("county",),
               "부군수": ("county",), "구청장": ("district",), "도지사": ("province",), "지사": ("province",),
               "부지사": ("province",)}
_GOVERNMENT_HEADS = (*_HOME_KINDS, "국무총리")


def _new_day(date: dt.date) -> dict[str, Any]:
    """A day of the draft, before anything is told of it."""
    return {"date": date, "places": [], "events": [], "evidence": [], "inferred": {}}


def _bare_role(role: str) -> str:
    """The title a role ends in (`행정부시장` is a 부시장, `김해시장` a 시장)."""
    return next((r for r in sorted(_HOME_KINDS, key=len, reverse=True) if role.endswith(r)), role)


_COMPOUND_SURNAMES = frozenset({"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"})


def _foreign_head(text: str, m: re.Match[str], person: entities.PersonFound) -> bool:
    """Whether the head `NAME 시장을 비롯한` is a host's, not the delegation's: a name no Korean has,
    or a city that is no Korean government's before the name or in the title (`태주시 사립군 시장을
    비롯한 ... 지도자가 참석한 가운데`, `사립군 태주시장`)."""
    if len(person.ko) >= 4 and person.ko[:2] not in _COMPOUND_SURNAMES:
        return True  # `왕리웨이(王力威) 시장을 비롯해`: no Korean name has four syllables but with a surname of two
    governments = localgov.by_name()
    before = re.search(r"([가-힣]{1,8}?)(?:시|성|주|현)\s+$", text[max(0, m.start() - 12):m.start()])
    places = [before.group(1)] if before else []
    role = person.role or ""
    title = entities.role_tail(role)  # `태주시장`: a place and a title (not `경제부시장`, a title)
    if title != role and title in ("시장", "도지사", "지사", "군수", "구청장"):
        places.append(role[:-len(title)].removesuffix("시"))
    # (`연수구청장`: 연수 + 구청장, the district's 구 taken into the title)
    return any(all(form not in governments for form in (place, place + "시", place + "구", place + "군"))
               and not place.endswith(("도", "군", "구")) for place in places)


# A Korean government named as a party (`성남 시와`, `용인시와`).
_KOREAN_PARTY = re.compile(r"(?<![가-힣])([가-힣]{2,4}?)\s?(시|군|구)(?:와|과)\s")
_HEAD_OF_DELEGATION = re.compile(r"(?:대표단|방문단|사절단|교류단|개척단)(?:의)?\s+([가-힣]{2,4})\s+단장(?:은|이|을|과|와|,)")
# `앞서 지난 4월 말 이정곤 부시장을 단장으로 한 사전실무협의단이 ... 확인한 바 있다`: the leader of an
# earlier mission, told as background (not `앞서 김장호 구미시장을 단장으로 한 대표단은 10일 출국했다`)
_EARLIER_MISSION = re.compile(r"바\s*있다|^\s*(?:이에\s*)?앞서\s+(?:지난\s?(?:\d{1,2}\s?월|해)|작년|(?:19|20)\d{2}\s?년)")


def _host_among_guests(m: re.Match[str], person: entities.PersonFound, people: list[entities.PersonFound]) -> bool:
    """Whether `NAME 한인회명예회장을 비롯해`, guests listed from an association's head, names a host:
    only `비롯` (not `단장으로`), a head of no government, and a Korean government's head named in
    the article (`완도군(군수 신우철)`), who leads; or a head listed after another (`A 해남군수와 B
    완도군수 등을 비롯해`), guests of an event, not the one delegation's leader."""
    if "비롯" not in m.group(0):
        return False
    if re.search(r"(?:시장|군수|구청장|지사)(?:와|과)\s*$", m.string[max(0, m.start() - 30):m.start()]):
        return True  # `명현관 해남군수와 신우철 완도군수 등을 비롯해 ... 참석한 가운데`: heads among the guests
    return not (person.role or "").endswith(_GOVERNMENT_HEADS) and any(
        p is not person and " " not in p.ko and (p.role or "").endswith(_GOVERNMENT_HEADS) for p in people)


def _purpose_of_departure(found: agreements_mod.AgreementFound) -> bool:
    """Whether the sentence names the agreement as a purpose of the delegation's departure ('경제협약
    체결 등 ... 개척을 위해 지난 8일 출국했다'): the sentence's day is the departure's, not the
    agreement's."""
    at = found.sentence.find(found.words)
    departure = _DEPARTURE.search(found.sentence, max(at, 0))
    return at >= 0 and departure is not None and _PURPOSE.search(found.sentence, at, departure.start()) is not None


# A city that is the object of this trip's visit (`타이베이를 찾아`, `방문하게 될 치치하얼시에서는`),
# and a past that the sentence recalls only in a clause describing it (`2010년 자매도시 협정을
# 체결한 타이베이를`), not of the visit itself (`지난해 ... 방문한 바 있다`).
_VISIT_AFTER = re.compile(r"(?:시|군|현|성|주)?\s?(?:를|을)\s*(?:찾|방문)|(?:시|군|현|성|주)?\s?(?:로|으로)\s*(?:이동|향)")
_VISIT_BEFORE = re.compile(r"(?:방문하게\s*될|방문할|찾게\s*될|찾을)\s*$")
_RECALLED = re.compile(r"지난해|작년|(?<!\d)(?:19|20)\d{2}\s*년|지난\s*\d{1,2}\s*월")
_DESCRIBED = re.compile(r"(?:한|은|던|된|온)\s+(?:[가-힣]+\s+){0,2}$")


# `지난 2021년 개관한 전남도립미술관`: the year a place was opened describes it; it is not the time
# the sentence tells of.
_OPENED_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*년\s*(?:\d{1,2}\s*월\s*)?(?:[가-힣]+\s)?(?:개관|개원|설립|개장|준공|건립|"
                        r"창립|출범|개교)(?:한|된|했던|됐던|되었던)\s")


def _years_of_the_sentence(sentence: str) -> list[str]:
    """The years a sentence names as its time (not those of a place's opening, nor those in a
    quoted title: `‘2026년 외국인 계절근로자 도입에 대한 업무협약’을 체결했다`)."""
    opened = [m.span() for m in _OPENED_IN.finditer(sentence)]
    opened += [m.span() for m in re.finditer(r"[‘'][^’'\n]{2,80}[’']", sentence)]  # (a title, not speech “...”)
    # (a date whose 년 and 월 the page lost: `201511월 ... 의향서를 체결하고`, `지난 1999426일 자매결연을`)
    return [m.group(1) for m in re.finditer(r"(?<![\d.])((?:19|20)\d{2})(?:\s*년|(?=\s?(?:1[0-2]|0?[1-9])\s*월)|"
                                            r"(?=(?:1[0-2]|0?[1-9])(?:[12]\d|3[01]|0?[1-9])\s*일))", sentence)
            if not any(a <= m.start() < b for a, b in opened)]


def _visited_now(sentence: str, place: places.PlaceFound) -> bool:
    """Whether a sentence that recalls another time still names `place` as a stop of this trip."""
    if place.end > len(sentence) or re.search(r"바\s*있|당시", sentence):
        return False
    before, after = sentence[:place.begin], sentence[place.end:]
    if not (_VISIT_AFTER.match(after) or _VISIT_BEFORE.search(before)):
        return False
    return not _RECALLED.search(before) or bool(_DESCRIBED.search(before))


# The agreement's own verb, right after its words, in the future: `협약을 체결할 예정이다`,
# `친선결연협정을 체결하고 ... 강화할 계획이다`, `협약이 진행될 예정이다`.
_SIGNS_AHEAD = re.compile(r"\s*(?:\([^)]*\))?\s*(?:(?:을|를)\s*(?:체결|서명)\s*(?:할|한다|하기로|키로|하고|하며)|"
                          r"(?:이|가)\s*(?:체결|진행)\s*(?:될|된다))")
# The rest of a verb the agreement's words end in: `(체결)한다`, `(체결)할 예정`, `(맺)는다`.
# (not `하기로`, `키로`: `지난 2016년 자매결연을 체결하기로 합의했던` is a promise of the past)
_SIGNS_AHEAD_VERB = re.compile(r"\s*(?:할|한다|는다|을\s*예정)")


def _signed_ahead(found: agreements_mod.AgreementFound) -> bool:
    """Whether a Korean sentence says the agreement is still to be signed, by its own verb:
    then it is of this trip, whatever past the sentence recalls (`지난해 ... 협의된 적 있는 ...
    협약을 체결할 예정이다`, `지난 7월 ... 선정된 ... 친선결연협정을 체결하고`)."""
    at = found.sentence.find(found.words)
    if found.status != "planned" or at < 0 or not re.search("[가-힣]", found.sentence):
        return False
    after = at + len(found.words)
    if re.search(r"(?:체결|서명|맺)$", found.words):  # `자매결연을 체결` + `한다`: the verb is in the words
        return bool(_SIGNS_AHEAD_VERB.match(found.sentence, after))
    return bool(_SIGNS_AHEAD.match(found.sentence, after))


# `이번 체결된 ... 의향서는`, `이번에 맺은 협약`: the agreement the article has told of already.
# `이번 체결된 상호교류 추진 의향서는`, `이는 군이 ... 처음으로 체결한 협약이다`: the one just told of
_THIS_ONE = re.compile(r"이번\s*(?:에\s*)?(?:체결(?:된|한)|맺은|서명한)\s*(?:[가-힣·]+\s){0,3}$|"
                       r"^\s*(?:이는|이것은)\s[^.]{0,60}$")


_OPENS_A_RANGE = re.compile(r"\d{1,2}\s*일\s*(?:부터|~|∼)")


def _dated_by_its_range(record: dict[str, Any], found: agreements_mod.AgreementFound, date: dt.date) -> bool:
    """Whether one of two tellings of an agreement is dated only by the range its sentence opens
    (`지난 27일부터 3일 동안 ... 의향서를 체결했다`, dated the 27th, and `지난 28일 ... 의향서를 체결했다`):
    the range's first day is no day of the agreement's own, so a later day of the other is its."""
    other = record.get("date")
    if other is None:
        return False

    def ranged(sentence: str) -> bool:  # (its one day, the range's start, is all that dates it)
        return bool(_OPENS_A_RANGE.search(sentence)) and len(dates.find_mentions(sentence)) == 1

    if ranged(found.sentence) and not _OPENS_A_RANGE.search(record["_found"].sentence):
        return date < other
    if ranged(record["_found"].sentence) and not _OPENS_A_RANGE.search(found.sentence):
        return other < date
    return False


# Days told relative to another, which `find_mentions` does not read (`8일 ... 이튿날 ... 협약을`).
_RELATIVE_DAY = re.compile(r"전날|이튿날|다음\s?날|하루\s?(?:전|뒤|후)|이틀\s?(?:전|뒤|후)")
_BUSINESS = re.compile(r"업무\s*협약(?:\s*\(\s*MOU\s*\))?")
_BUSINESS_MOU = re.compile(r"업무\s*협약\s*\(\s*MOU\s*\)|MOU\s*\(\s*업무\s*협약\s*\)")


def _said_in_a_quote(found: agreements_mod.AgreementFound) -> bool:
    """Whether the agreement's words are inside a quotation (`이 회장은 “... MOU를 체결함으로써 ...”`):
    what a speaker says of the agreement the sentence names, not another."""
    clause = found.clause or found.sentence
    at = found.sentence.find(clause)
    if at < 0:
        return False
    before = found.sentence[:at + max(0, clause.find(found.words))]
    return before.count("“") > before.count("”")


# An agreement named as a goal to work for (`협약 체결을 위해 노력하기로 했다`), with no signing after it.
_STRIVES_FOR = re.compile(r"[^.\n]{0,12}?체결(?:을|를)?\s*(?:위해|위하여)\s*(?:적극\s*)?(?:노력하기로|노력할|노력해\s*나가기로|"
                          r"힘쓰기로|힘을\s*모으기로)(?![^.\n]*(?:체결했|체결하였|맺었|서명했))")
# The words of a ceremony's document alone (`협정서`, `이날 협약식`), with nothing that names its kind.
_BARE_DOCUMENT = re.compile(r"(?:(?:이날|이어|이번|당일)\s)?(?:(?:협약|협정|합의)(?:서|식)?|체결식|조인식|서명식)")
# An agreement's words then `도` and the verb of signing (`합의서도 체결`, `양해각서(MOU)도 체결`).
_TOO = r"(?:\([^)]{0,12}\))?['’”]?도\s+"
_SIGNS = r"(?:체결|맺|서명)"
# One more agreement, signed too: `우호교류 합의서도 함께 체결했으며`.
_ALSO_SIGNED = re.compile(_TOO + r"(?:함께|별도로|추가로)\s+" + _SIGNS)
# `아울러 ... 협력 양해각서(MOU)도 체결한다`: an agreement added (아울러, 또) to one told before, with 도.
_ADDED = re.compile(r"\s*(?:또한?|아울러|이와\s?함께|이\s?밖에도?)\s")
_TOO_SIGNED = re.compile(_TOO + _SIGNS)
# Parties that also sign, besides those of an agreement told before: `X도 참여해`, `X와도`.
_OTHERS_ALSO_JOIN = re.compile(r"[가-힣)]도\s+(?:함께\s+)?참여(?:해|하여|하며)|[가-힣](?:와|과)도\s")


def _same_agreement(record: dict[str, Any], found: agreements_mod.AgreementFound) -> bool:
    """Whether a sentence's agreement is one already recorded: of the same kind (or one of them
    of kind `other` or a kind sharpened from it, whose words the other's sentence uses: 투자협약 and
    투자협약(MOU)), and not
    from the same sentence (a sentence that names two agreements means two)."""
    if any(e["text"] == found.sentence for e in record["evidence"]) and not _said_in_a_quote(found):
        return False
    earlier: agreements_mod.AgreementFound = record["_found"]
    clause = found.clause or found.sentence
    if _OTHERS_ALSO_JOIN.search(clause[:max(0, clause.find(found.words))]):
        return False  # `이 자리에는 ... 주택정책공사도 참여해 ... 업무협약을 진행한다`: parties of another one
    if _ALSO_SIGNED.match(clause, clause.find(found.words) + len(found.words)):
        return False  # `우호교류 합의서도 함께 체결했으며`: one more
    if (_ADDED.match(found.sentence) and _TOO_SIGNED.match(clause, clause.find(found.words) + len(found.words))
            and _agreement_name(found) != _agreement_name(earlier)):
        return False  # `아울러 ... 협력 양해각서(MOU)도 체결한다` after `콘텐츠 산업교류 양해각서(MOU)`: one more
    if _other_sums(earlier.clause or earlier.sentence, clause):
        return False  # `150만달러 수출 협약을 체결한다. 또 이날 ... 120만달러 수출 협약을 맺는다`: two of them
    told_in, told_in_too = _countries_named(earlier.clause or earlier.sentence), _countries_named(clause)
    if told_in and told_in_too and not told_in & told_in_too and not _TOLD_AGAIN.search(found.sentence):
        return False  # `뉴욕과 미시건주를 방문해 ... 양해각서`, `이후 브라질과 아르헨티나를 방문해 ... 양해각서`: two
    if record["kind"] == found.kind:
        return True
    business = earlier if record["kind"] == "business agreement" else found
    told = [earlier.clause or earlier.sentence, found.clause or found.sentence, *(e["text"] for e in record["evidence"])]
    if {record["kind"], found.kind} == {"MOU", "business agreement"} and _BUSINESS.fullmatch(business.words) and any(
            _BUSINESS_MOU.search(words) for words in told):
        # `업무협약(MOU)` in the headline, `업무협약` in the body (or in any sentence already merged into
        # the record), `MOU 체결 후`: one agreement (not `수출협약`, another)
        return True
    if found.kind in agreements_mod.GENERIC:
        return _named_beside(found.words, earlier.words, earlier.clause)
    if record["kind"] in agreements_mod.GENERIC:
        return _named_beside(earlier.words, found.words, found.clause)
    return False


# An agreement told as the one before (`이번 협약은 ... 세 번째 협약이다`, `이 협약으로`), whatever places it names.
_TOLD_AGAIN = re.compile(r"(?:이번|이|해당|같은)\s?(?:협약|협정|양해각서|MOU|결연|합의)")
# Country names that are everyday words too (수단 "means", 인도 "pavement", 미 "not yet").
_COUNTRY_OR_WORD = {"수단", "인도", "오만", "가나", "저지", "말리", "미", "기니", "차드", "토고", "통가", "피지"}


def _agreement_name(found: agreements_mod.AgreementFound) -> str:
    """An agreement's name as written: its words with what they say it is for (`우호교류 협정`), or a
    bare word with the word written before it (`협력 양해각서` in `협력 양해각서(MOU)도`)."""
    if " " in found.words.strip():
        return found.words.strip()
    clause = found.clause or found.sentence
    words = re.findall(r"[가-힣A-Za-z·]+", clause[:max(0, clause.find(found.words))])
    return f"{words[-1] if words else ''} {found.words}"


def _countries_named(sentence: str) -> set[str]:
    """The countries abroad a sentence names outright, by a country's or a US state's name (not by a
    city's: 지난 is also Jinan, and Newport is in more than one country)."""
    from .places import country_index, state_index

    by_name, states = country_index(), state_index()
    countries: set[str] = set()
    for word in re.findall(r"[가-힣]+", sentence):
        name = re.sub(r"(?:과|와|을|를|에서는|에서|의|에|은|는|이|가|도|간|으로|로)$", "", word)
        if {name, word} & _COUNTRY_OR_WORD:
            continue
        code = by_name.get(name) or by_name.get(word) or ("US" if name in states or word in states else None)
        if code is not None:
            countries.add(code)
    countries.discard("KR")
    return countries


# A sum of money (`150만달러`, `1,500만 달러`, `1억5천만원`, `1.5억 원`), not 원칙 or 원장.
_AMOUNT = re.compile(r"(?<![\d.,])(\d(?:[\d,.]|\s?[억천백만])*)\s*"
                     r"(달러|불|원|위안|엔|유로)(?!칙|장|활|래|인|로|자|형|회)")


def _korean_number(words: str) -> float:
    """`1억5천만` -> 150000000: the groups of 억 and 만, each with its 천 and 백."""
    def group(part: str) -> float:
        total, number = 0.0, ""
        for char in part:
            if char in "천백":
                total += (float(number) if number else 1) * (1000 if char == "천" else 100)
                number = ""
            else:
                number += char
        return total + (float(number) if number else 0)

    total, rest = 0.0, re.sub(r"[\s,]", "", words)
    for unit, size in (("억", 1e8), ("만", 1e4)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            total += (group(head) if head else 1) * size
    return total + group(rest)


def _amounts(clause: str) -> dict[str, set[float]]:
    """The sums of money a clause names, by currency (달러 and 불 are one)."""
    sums: dict[str, set[float]] = {}
    for m in _AMOUNT.finditer(clause):
        try:
            value = _korean_number(m.group(1))
        except ValueError:
            continue
        sums.setdefault("달러" if m.group(2) == "불" else m.group(2), set()).add(value)
    return sums


def _other_sums(earlier: str, later: str) -> bool:
    """Whether two clauses name sums in one currency and none of them is the same."""
    a, b = _amounts(earlier), _amounts(later)
    shared = set(a) & set(b)
    return bool(shared) and all(not a[c] & b[c] for c in shared)


def _named_beside(generic: str, specific: str, clause: str) -> bool:
    """Whether `generic` words are written at the `specific` ones in `clause` (`투자협약(MOU)`), not
    as another agreement the clause lists (`新 국제자매도시 체결, ... AI 공동연구소 개소 협약`)."""
    bare = re.sub(r"\s", "", clause)
    at, near = bare.find(re.sub(r"\s", "", generic)), bare.find(re.sub(r"\s", "", specific))
    return at >= 0 and (near < 0 or abs(at - near) <= len(re.sub(r"\s", "", specific)) + 6)


def _lead(text: str) -> str:
    """The article's lead: its first paragraph of prose, with the headline above it."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    first_prose = next((i for i, p in enumerate(paragraphs) if re.search(r"다\.|\.\s*$", p)), 0)
    return "\n".join(paragraphs[:first_prose + 1])


# `4개기업으로부터 모두`, `총 3건의`: words that sum up several agreements
_SUMS_UP = re.compile(r"(?:\d{1,2}|두|세|네|다섯)\s*개?\s*(?:기업|업체|회사|개사|곳|건)(?:으로부터|과|와|에서|의)?\s*(?:모두|총)|"
                      r"총\s*\d{1,2}\s*(?:건|개)")


def _sums_up_the_others(record: dict[str, Any], out: list[dict[str, Any]]) -> bool:
    """Whether an undated agreement, counted once in a sentence that sums several up, is the sum
    of the agreements the article then dates one by one (two or more of them)."""
    found: agreements_mod.AgreementFound = record["_found"]
    return ("date" not in record and found.of == 1 and bool(_SUMS_UP.search(found.sentence))
            and sum(1 for r in out if r is not record and "date" in r) >= 2)


def _summed_up_in_the_lead(record: dict[str, Any], found: agreements_mod.AgreementFound, date: dt.date | None,
                           lead: str) -> bool:
    """Whether a dated agreement is the one the article's lead already named in passing (`청주시가
    ... 우호교류협약을 체결했다` ... `지난 27일 ... 업무 협약(MOU)을 체결했다`): the record is told
    once, in the lead (the first paragraph), not counted among several, undated or of the same
    day, and of a kind the later one may sharpen (the same, or a generic word for it). Only one
    later agreement is taken as the one the lead sums up: merged with it, the record has two
    excerpts and is told more than once."""
    earlier: agreements_mod.AgreementFound = record["_found"]
    if (date is not None and record.get("date") not in (None, date)) or len(record["evidence"]) > 1 or earlier.of > 1 or found.of > 1:
        return False
    if record["evidence"][0]["text"] == found.sentence or earlier.sentence not in lead or found.sentence in lead:
        return False
    kinds = {record["kind"], found.kind}
    if len(kinds) > 1 and found.words != earlier.words and found.words in earlier.sentence:
        return False  # the lead lists it by its own words (`新 국제자매도시 체결, ... AI 공동연구소 개소 협약`)
    return len(kinds) == 1 or bool(kinds & set(agreements_mod.GENERIC)) or kinds <= {"sister-city", "other"}


def _merge_agreement(same: dict[str, Any], other: dict[str, Any]) -> None:
    """Two sentences about one agreement (the lead names it, a later one dates it): one record
    with both sources and excerpts, the date, place, event and status of whichever has them."""
    for sid in other["sources"]:
        if sid not in same["sources"]:
            same["sources"].append(sid)
    same["evidence"] += [e for e in other["evidence"] if e not in same["evidence"]]
    if "date" not in same and "date" in other:  # the dated sentence names the parties more narrowly
        same["parties"] = other["parties"]
        same["unnamed_parties"] = other.get("unnamed_parties", [])
    for key in ("date", "place", "event", "status"):
        if key not in same and key in other:
            same[key] = other[key]


# Verbs that report speech (밝혔다, 말했다): their tense says when the article was written, not
# whether the trip has happened.
_REPORTING = re.compile(r"(밝혔|말했|전했|설명했|강조했|덧붙였|내다봤|평가했)다\.?\s*$")


def _tense(sentence: str) -> str | None:
    """The tense of a Korean sentence's final verb: past (…었다/했다, a syllable ending in ㅆ
    before 다) or present, which announcements use for the future (…한다/펼친다, ending in ㄴ
    before 다, or …는다)."""
    m = re.search(r"([가-힣])다\.?\s*$", sentence)
    if not m:
        return None
    final = (ord(m.group(1)) - 0xAC00) % 28
    if m.group(1) == "있":  # 방문하고 있다: under way
        return "present"
    if final == 20:  # ㅆ
        return "past"
    if final == 4 or m.group(1) == "는":  # ㄴ
        return "present"
    return None


def _activity(sentence: str) -> str:
    for kind, pattern in EVENT_KINDS:
        if pattern.search(sentence):
            return kind
    return "other"


def _nearest_the_title(candidates: list[tuple[localgov.LocalGov, int, str]]) -> localgov.LocalGov:
    """Of the local governments a leader's role names (`강원도 고성 군수`), the one written last,
    right before the title; where its name is shared (고성군 of 강원 and of 경남), the one in the
    province the role names before it."""
    gov, _, words = candidates[-1]
    provinces = {g.ko for g, _, _ in candidates[:-1] if g.is_province_level} | {
        a for g, _, _ in candidates[:-1] if g.is_province_level for a in g.aliases}
    same_name = [g for g in localgov.by_name().get(words, ()) if g.province in provinces]
    return same_name[0] if len(same_name) == 1 else gov


# The trip's first stop (`첫 방문지인 두바이에`) and a stay until a day (`24일까지 머물며`).
_FIRST_STOP_WORDS = re.compile(r"첫\s?(?:방문지|기착지|방문\s?도시|목적지)")
_STAYS_UNTIL = re.compile(r"\s*까지\s*(?:머물|머무|체류|묵)")


def _subject_end(sentence: str) -> int:
    """Where the words after a Korean sentence's subject begin (`시장개척단은 전날 ...`: at 전날),
    else 0."""
    m = re.match(r"[^.\n]{0,60}?(?:은|는)\s", sentence)
    return m.end() if m else 0


# `전날(현지시간)`, `하루 전`: the day before the one the sentence reports on.
_DAY_BEFORE = re.compile(r"전날|하루\s?전|[Tt]he (?:previous|day before)\b")
_BY_CITY = re.compile(r"([가-힣]{2,10})\s?\(\s?(\d{1,2})\s?건\s?\)")


def _counted_by_city(sentence: str, total: int) -> list[tuple[str, str, int]]:
    """`스톡홀름(2건), 코펜하겐(1건), 라이프찌히(1건)에서 총 4건의 협약`: for each agreement the
    sentence counts, the words that count it, its city's name and its rank; empty unless the
    counts add up to `total`."""
    counts = [(m.group(0), m.group(1), int(m.group(2))) for m in _BY_CITY.finditer(sentence)]
    if sum(n for _, _, n in counts) != total:
        return []
    ranked: list[tuple[str, str, int]] = []
    for words, name, n in counts:
        ranked += [(words, name, len(ranked) + i) for i in range(n)]
    return ranked


def _place(place: places.PlaceFound) -> dict[str, Any]:
    korean = re.search("[가-힣]", place.ko)
    doc: dict[str, Any] = {"city": {"ko": place.ko, "en": place.city.en} if korean else {"en": place.city.en}}
    if not place.city.en:  # a province the gazetteer cannot name in English
        doc["city"] = {"ko": place.ko}
    if place.city.region:
        doc["state"] = place.city.region
    doc["country"] = place.city.country
    return doc


def _text(ko: str | None, en: str | None) -> dict[str, str]:
    out = {}
    if ko:
        out["ko"] = ko
    if en:
        out["en"] = en
    return out


def _first_mention(text: str, code: str) -> int:
    """Where the text first names a country (by its Korean or English name), for ordering."""
    from babel import Locale

    names = [Locale(lang).territories.get(code, "") for lang in ("ko", "en")] + (["U.S.", "US", "미국"] if code == "US" else [])
    found = [text.find(n) for n in names if n and text.find(n) >= 0]
    return min(found) if found else len(text)


def _country_en(code: str) -> str:
    from babel import Locale

    return Locale("en").territories.get(code, code)


def _country_ko(code: str) -> str:
    from babel import Locale

    return Locale("ko").territories.get(code, code)


def _norm(name: str) -> str:
    return re.sub(r"[\s\-·.()]+", "", name).casefold()


def _match(entities_: tuple[KnownEntity, ...], ko: str | None, en: str | None) -> KnownEntity | None:
    """The store's entity with this Korean or English name or alias."""
    wanted = {_norm(n) for n in (ko, en) if n}
    for entity in entities_:
        names = {_norm(n) for n in (entity.ko, entity.en, *entity.aliases) if n}
        if wanted & names:
            return entity
    return None


def _unique_id(base: str, taken: dict[str, Any]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def _sentence_of(text: str, words: str) -> str:
    i = text.find(words)
    if i < 0:
        return words
    return dates._sentence_around(text, i, i + len(words))


# The partner's head invited over to sign (`시장을 초청해`): a signing after this trip, at home.
# (the head, not the delegation: `울란바토르시는 목포시 대표단을 초청해 ... 체결했다` is signed there)
_INVITES_TO_SIGN = re.compile(r"(?:시장|성장|주지사|지사|군수|현지사|주석|서기)(?:\s*일행)?(?:을|를)\s*"
                              r"(?:한국|국내|[가-힣]{1,4}시|[가-힣]{1,4}군|[가-힣]{1,4}도)?(?:로|에)?\s*초청(?:해|하여|해서|,)")


# A plan given up, told in Korean ('당초 ... 방문할 계획이었으나', '방문을 취소했다'): its cities are
# not stops of the trip (english.dropped_plan says it of English sentences).
_CALLED_OFF = re.compile(r"당초[^.]{0,60}계획이었으나|취소(?:했|하였|됐|되었|한다|하기로)")


# 'A, B, C 등 11개 지자체 관련자가 참석한다': places counted with 등 N개 whose officials or
# representatives are the subject: who else attends (a conference's members), not where the
# delegation goes ('A, B 등 3개국 4개 도시를 방문한다' has no such subject and is kept).
_ROSTER = re.compile(r"등\s*\d+\s*개[^.?!\n]{0,30}?(?:관계자|관련자|대표단|대표|단체장|시장|지사|인사)들?(?:이|가|도)\s")


def _not_a_roster(sentence: str, found: list[places.PlaceFound]) -> list[places.PlaceFound]:
    """The places of a sentence less those in a roster of others who attend (`_ROSTER`): the
    places named in the clause that ends with it, when there are two or more of them."""
    for m in _ROSTER.finditer(sentence):
        clause_start = max(sentence.rfind(c, 0, m.start()) for c in ("며,", "며 ", "는 "))  # not a comma (the list's), not 고, (나가고, a name)
        listed = [p for p in found if clause_start < p.begin < m.start()]
        if len(listed) >= 2:
            found = [p for p in found if p not in listed]
    return found


def _undated_entry(stop: dict[str, Any]) -> dict[str, Any]:
    """A stop as an entry of `days` without a date: its span first, when it has one."""
    return {**{key: stop[key] for key in ("start", "end") if key in stop},
            **{key: value for key, value in stop.items() if key not in ("start", "end")}}


def _clean(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the format wants it: event ids set, an agreement's event by id,
    empty `inferred`, `evidence` and lists dropped."""
    used: set[str] = set()
    for day in document["days"]:
        if "date" in day:
            prefix = day["date"].isoformat()
        else:  # a stop without a day: named after its city
            city = day["places"][0]["city"]
            prefix = f"stop-{city.get('en') or entities.romanise(city.get('ko', ''))}"
        for event in day["events"]:
            base = entities.slug(f"{prefix}-{event['kind']}")
            event["id"] = _unique_id(base, dict.fromkeys(used))
            used.add(event["id"])
    for agreement in document["agreements"]:
        if isinstance(agreement.get("event"), dict):
            agreement["event"] = agreement["event"]["id"]

    def prune(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: prune(v) for k, v in value.items()
                    if not (k in ("inferred", "evidence", "aliases", "organisations", "people", "events", "places",
                                  "unnamed_parties")
                            and not v) or k == "days"}
        if isinstance(value, list):
            return [prune(v) for v in value]
        return value

    return prune(document)
