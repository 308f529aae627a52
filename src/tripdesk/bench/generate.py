"""Generate a large, valid, deterministic set of trip files for the benchmark.

    python -m tripdesk.bench generate --trips 10000 --out bench-out/trips-10000 [--seed 1]

The files follow docs/data-format.md and pass `tripdesk validate`. The world they describe:

- about 200 Korean home cities (2-syllable names such as 구미/Gumi, 대전/Daejeon, and made-up
  ones built from the same syllables), each with a mayor and a city government;
- about 1,000 destination cities (70% in US states, the rest in 14 other countries), keyed
  like the store keys them (country/state/English name), each with a city hall, a chamber of
  commerce, a university and a mayor;
- a pool of Korean companies and trade fairs;
- trips of 3 to 30 days (skewed towards a week, as real official trips are: mean about 12
  days), a day recorded for every calendar day with 1 to 5 events (about 3 on average), 1 to 3
  sources, up to 3 agreements and up to 3 quotes, in Korean and English.

Everything shared between files (home cities, organisations, people) is named by a function
of its id alone, so an id has the same name in every file, as the validator requires. A
given seed always gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Dumper = yaml.SafeDumper

# -- word lists ------------------------------------------------------------------------------

# Syllables of Korean city names with their romanisation. Real names first.
REAL_HOME_CITIES = [
    ("구미", "Gumi", "경상북도", "North Gyeongsang Province"),
    ("대전", "Daejeon", "대전광역시", "Daejeon Metropolitan City"),
    ("포항", "Pohang", "경상북도", "North Gyeongsang Province"),
    ("안산", "Ansan", "경기도", "Gyeonggi Province"),
    ("천안", "Cheonan", "충청남도", "South Chungcheong Province"),
    ("김해", "Gimhae", "경상남도", "South Gyeongsang Province"),
    ("창원", "Changwon", "경상남도", "South Gyeongsang Province"),
    ("수원", "Suwon", "경기도", "Gyeonggi Province"),
    ("청주", "Cheongju", "충청북도", "North Chungcheong Province"),
    ("전주", "Jeonju", "전북특별자치도", "Jeonbuk State"),
    ("광주", "Gwangju", "광주광역시", "Gwangju Metropolitan City"),
    ("울산", "Ulsan", "울산광역시", "Ulsan Metropolitan City"),
    ("춘천", "Chuncheon", "강원특별자치도", "Gangwon State"),
    ("원주", "Wonju", "강원특별자치도", "Gangwon State"),
    ("평택", "Pyeongtaek", "경기도", "Gyeonggi Province"),
    ("여수", "Yeosu", "전라남도", "South Jeolla Province"),
    ("목포", "Mokpo", "전라남도", "South Jeolla Province"),
    ("경주", "Gyeongju", "경상북도", "North Gyeongsang Province"),
    ("안동", "Andong", "경상북도", "North Gyeongsang Province"),
    ("진주", "Jinju", "경상남도", "South Gyeongsang Province"),
]
SYLLABLES = [
    ("가", "ga"), ("강", "gang"), ("고", "go"), ("군", "gun"), ("금", "geum"), ("남", "nam"),
    ("단", "dan"), ("덕", "deok"), ("동", "dong"), ("명", "myeong"), ("문", "mun"), ("보", "bo"),
    ("봉", "bong"), ("부", "bu"), ("사", "sa"), ("산", "san"), ("서", "seo"), ("성", "seong"),
    ("송", "song"), ("양", "yang"), ("영", "yeong"), ("예", "ye"), ("오", "o"), ("옥", "ok"),
    ("용", "yong"), ("인", "in"), ("장", "jang"), ("정", "jeong"), ("제", "je"), ("천", "cheon"),
    ("태", "tae"), ("하", "ha"), ("한", "han"), ("해", "hae"), ("화", "hwa"), ("홍", "hong"),
]
PROVINCES = [
    ("경기도", "Gyeonggi Province"), ("강원특별자치도", "Gangwon State"),
    ("충청북도", "North Chungcheong Province"), ("충청남도", "South Chungcheong Province"),
    ("전북특별자치도", "Jeonbuk State"), ("전라남도", "South Jeolla Province"),
    ("경상북도", "North Gyeongsang Province"), ("경상남도", "South Gyeongsang Province"),
]
SURNAMES = [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"),
            ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"),
            ("한", "Han"), ("오", "Oh"), ("서", "Seo"), ("신", "Shin"), ("권", "Kwon")]
GIVEN = [("민", "min"), ("준", "jun"), ("서", "seo"), ("현", "hyeon"), ("지", "ji"),
         ("우", "u"), ("호", "ho"), ("영", "yeong"), ("수", "su"), ("진", "jin"), ("성", "seong"),
         ("희", "hui"), ("재", "jae"), ("동", "dong"), ("철", "cheol"), ("은", "eun")]
FIRST_NAMES = [("John", "존"), ("Mary", "메리"), ("David", "데이비드"), ("Sarah", "세라"),
               ("Michael", "마이클"), ("Linda", "린다"), ("James", "제임스"), ("Karen", "캐런"),
               ("Robert", "로버트"), ("Susan", "수전"), ("Thomas", "토머스"), ("Emily", "에밀리"),
               ("Daniel", "대니얼"), ("Laura", "로라"), ("Peter", "피터"), ("Anna", "애나")]
LAST_NAMES = [("Smith", "스미스"), ("Johnson", "존슨"), ("Brown", "브라운"), ("Miller", "밀러"),
              ("Davis", "데이비스"), ("Wilson", "윌슨"), ("Taylor", "테일러"), ("Clark", "클라크"),
              ("Lewis", "루이스"), ("Walker", "워커"), ("Young", "영"), ("Hall", "홀"),
              ("Allen", "앨런"), ("King", "킹"), ("Wright", "라이트"), ("Scott", "스콧")]

# Destination city names: an English prefix and suffix, each with its Korean transcription.
CITY_PREFIXES = [("Spring", "스프링"), ("Green", "그린"), ("Fair", "페어"), ("Lake", "레이크"),
                 ("River", "리버"), ("Oak", "오크"), ("Maple", "메이플"), ("Clear", "클리어"),
                 ("Glen", "글렌"), ("Rock", "록"), ("Bright", "브라이트"), ("Silver", "실버"),
                 ("West", "웨스트"), ("North", "노스"), ("New", "뉴"), ("Port", "포트"),
                 ("Cedar", "시더"), ("Pine", "파인"), ("Stone", "스톤"), ("Bay", "베이")]
CITY_SUFFIXES = [("field", "필드"), ("ville", "빌"), ("ton", "턴"), ("wood", "우드"),
                 ("port", "포트"), ("dale", "데일"), ("ford", "포드"), ("view", "뷰"),
                 ("burg", "버그"), ("bridge", "브리지"), ("haven", "헤이븐"), ("land", "랜드"),
                 ("mont", "몬트"), ("side", "사이드"), ("water", "워터"), ("crest", "크레스트")]
US_STATES = ["AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "KY", "MA", "MI", "MN", "NC", "NJ",
             "NV", "NY", "OH", "OR", "PA", "SC", "TN", "TX", "VA", "WA", "WI"]
COUNTRIES = [("US", "미국", "the United States")] + [
    ("DE", "독일", "Germany"), ("JP", "일본", "Japan"), ("VN", "베트남", "Vietnam"),
    ("CN", "중국", "China"), ("FR", "프랑스", "France"), ("GB", "영국", "the United Kingdom"),
    ("AU", "호주", "Australia"), ("CA", "캐나다", "Canada"), ("IN", "인도", "India"),
    ("MX", "멕시코", "Mexico"), ("PL", "폴란드", "Poland"), ("ID", "인도네시아", "Indonesia"),
    ("UZ", "우즈베키스탄", "Uzbekistan"), ("HU", "헝가리", "Hungary"),
]
COUNTRY_NAMES = {code: (ko, en) for code, ko, en in COUNTRIES}

THEMES = [("방위산업", "defence industry"), ("우주항공", "aerospace"), ("반도체", "semiconductors"),
          ("이차전지", "secondary batteries"), ("인공지능", "artificial intelligence"),
          ("바이오", "biotechnology"), ("관광", "tourism"), ("문화교류", "cultural exchange"),
          ("농식품", "agri-food"), ("수소경제", "hydrogen economy"), ("스마트시티", "smart cities"),
          ("로봇", "robotics"), ("교육", "education"), ("청소년교류", "youth exchange"),
          ("투자유치", "investment attraction"), ("수출", "exports"), ("물류", "logistics"),
          ("자동차부품", "automotive parts"), ("의료", "healthcare"), ("에너지", "energy")]
COMPANY_SUFFIXES = [("전자", "Electronics"), ("테크", "Tech"), ("바이오", "Bio"),
                    ("정밀", "Precision"), ("에너지", "Energy"), ("소재", "Materials"),
                    ("로보틱스", "Robotics"), ("푸드", "Foods"), ("모빌리티", "Mobility"),
                    ("시스템", "Systems")]
OUTLETS = [("경북일보", "Gyeongbuk Ilbo"), ("대전일보", "Daejeon Ilbo"), ("연합뉴스", "Yonhap News"),
           ("뉴시스", "Newsis"), ("뉴스1", "News1"), ("브레이크뉴스", "Break News"),
           ("매일신문", "Maeil Shinmun"), ("중부일보", "Joongboo Ilbo"), ("경인일보", "Kyeongin Ilbo"),
           ("국제신문", "Kookje Shinmun")]
FAIRS = [("ces", "CES", "라스베이거스"), ("hannover-messe", "Hannover Messe", "하노버"),
         ("ausa", "AUSA", "워싱턴"), ("bio-intl", "BIO International", "샌디에이고"),
         ("medica", "MEDICA", "뒤셀도르프"), ("semicon", "SEMICON West", "샌프란시스코"),
         ("gitex", "GITEX", "두바이"), ("vivatech", "VivaTech", "파리")]
AGREEMENT_WORDS = {
    "MOU": ("양해각서", "memorandum of understanding"),
    "business agreement": ("업무협약", "business agreement"),
    "joint declaration": ("공동선언", "joint declaration"),
    "sister-city": ("자매결연 협약", "sister-city agreement"),
    "letter of intent": ("투자의향서", "letter of intent"),
    "other": ("협력 합의", "cooperation arrangement"),
}
QUOTE_OPENINGS = [("이번 방문을 통해", "Through this visit"), ("이번 협약으로", "With this agreement"),
                  ("현지 회의에서 확인했듯이", "As the meetings here confirmed"),
                  ("지역 기업과 함께", "Together with our local companies")]
QUOTE_ENDINGS = [("새로운 시장을 열겠다", "we will open new markets"),
                 ("협력의 기반을 다지겠다", "we will lay the foundation for cooperation"),
                 ("투자 유치에 최선을 다하겠다", "we will do our best to attract investment"),
                 ("시민에게 성과로 보답하겠다", "we will repay our citizens with results")]


def _stable_rng(*parts: object) -> random.Random:
    """A random generator seeded by a name, the same in every run and every process."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(x for x in out.split("-") if x)


class Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line, `{ko: ..., en: ...}`, as in the hand-written files."""


class _TripDumper(_Dumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        return True  # trip files never use aliases (the validator refuses them)


class FlowList(list):  # type: ignore[type-arg]
    """A list of ids written on one line, `[a, b]`."""


_TripDumper.add_representer(
    FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))
_TripDumper.add_representer(
    Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True))


def _t(ko: str, en: str, translated: str | None = None, by: str = "editors") -> dict[str, str]:
    doc = Flow(ko=ko, en=en)
    if translated:
        doc["translated"] = translated
        doc["translated_by"] = by
    return doc


# -- the world ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HomeCity:
    id: str
    ko: str
    en: str
    province: tuple[str, str]


@dataclass(frozen=True)
class Destination:
    slug: str
    ko: str
    en: str
    state: str | None
    country: str

    def place(self, venue: dict[str, str] | None = None) -> dict[str, Any]:
        doc: dict[str, Any] = Flow(city=_t(self.ko, self.en))
        if self.state:
            doc["state"] = self.state
        doc["country"] = self.country
        if venue:
            doc["venue"] = venue
        return doc


def home_cities(count: int = 200) -> list[HomeCity]:
    """`count` Korean cities: the real ones first, then 2-syllable names from SYLLABLES."""
    cities = [HomeCity(_slug(en), ko, en, (prov_ko, prov_en))
              for ko, en, prov_ko, prov_en in REAL_HOME_CITIES[:count]]
    seen = {c.id for c in cities} | {c.ko for c in cities}
    rng = _stable_rng("home-cities")
    pairs = [(a, b) for a in SYLLABLES for b in SYLLABLES if a != b]
    rng.shuffle(pairs)
    for (k1, r1), (k2, r2) in pairs:
        if len(cities) >= count:
            break
        ko, en = k1 + k2, (r1 + r2).capitalize()
        if _slug(en) in seen or ko in seen:
            continue
        seen |= {_slug(en), ko}
        cities.append(HomeCity(_slug(en), ko, en, PROVINCES[len(cities) % len(PROVINCES)]))
    return cities


def destinations(count: int = 1000) -> list[Destination]:
    """`count` cities abroad, 70% in US states; keys (country/state/city) are unique."""
    rng = _stable_rng("destinations")
    names = [(p_en + s_en, p_ko + s_ko) for p_en, p_ko in CITY_PREFIXES for s_en, s_ko in CITY_SUFFIXES]
    out: list[Destination] = []
    seen: set[str] = set()
    while len(out) < count:
        en, ko = rng.choice(names)
        if rng.random() < 0.7:
            country, state = "US", rng.choice(US_STATES)
        else:
            country, state = rng.choice(COUNTRIES[1:])[0], None
        slug = _slug(f"{country}-{state or ''}-{en}")
        if slug in seen:
            continue
        seen.add(slug)
        out.append(Destination(slug, ko, en, state, country))
    return out


def korean_name(person_id: str) -> tuple[str, str]:
    """A Korean person's name (ko, en) that depends only on the id."""
    rng = _stable_rng("person", person_id)
    (s_ko, s_en), (g1_ko, g1_en), (g2_ko, g2_en) = rng.choice(SURNAMES), rng.choice(GIVEN), rng.choice(GIVEN)
    return s_ko + g1_ko + g2_ko, f"{s_en} {g1_en.capitalize()}-{g2_en}"


def foreign_name(person_id: str) -> tuple[str, str]:
    rng = _stable_rng("person", person_id)
    (f_en, f_ko), (l_en, l_ko) = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return f"{f_ko} {l_ko}", f"{f_en} {l_en}"


def company(index: int) -> tuple[str, str, str]:
    """(id, ko, en) of the Korean company number `index`, a function of the index alone."""
    rng = _stable_rng("company", index)
    (k1, r1), (k2, r2) = rng.choice(SYLLABLES), rng.choice(SYLLABLES)
    suffix_ko, suffix_en = rng.choice(COMPANY_SUFFIXES)
    return f"kr-company-{index:04d}", f"{k1}{k2}{suffix_ko}", f"{(r1 + r2).capitalize()} {suffix_en}"


# -- one trip ----------------------------------------------------------------------------


class TripWriter:
    """Builds trip documents from a seeded generator and the shared world."""

    def __init__(self, seed: int, home_count: int = 200, destination_count: int = 1000,
                 company_count: int = 1500) -> None:
        self.rng = random.Random(seed)
        self.homes = home_cities(home_count)
        self.destinations = destinations(destination_count)
        self.company_count = company_count
        self.years = list(range(2010, 2026))

    # entities, named by their id only
    def org(self, org_id: str, ko: str, en: str, kind: str, city: tuple[str, str] | None = None,
            aliases: list[str] | None = None) -> dict[str, Any]:
        doc: dict[str, Any] = {"id": org_id, "name": _t(ko, en)}
        if aliases:
            doc["aliases"] = FlowList(aliases)
        doc["kind"] = kind
        if city:
            doc["city"] = _t(*city)
        return doc

    def trip(self, number: int, day_count: int | None = None) -> tuple[str, dict[str, Any]]:
        """Trip number `number` (its id ends with it), of `day_count` days or 3 to 30."""
        rng = self.rng
        home = rng.choice(self.homes)
        year = rng.choice(self.years)
        # 3 to 30 days, most of them about a week as real official trips are (mean ~12 days)
        drawn = 3 + min(27, int(28 * rng.random() ** 2))
        day_count = day_count or drawn
        start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 330))
        end = start + dt.timedelta(days=day_count - 1)
        trip_id = f"{home.id}-{year}-{number:05d}"

        # the itinerary: 1 to 4 destinations, mostly in one country
        stops = rng.randint(1, min(4, max(1, day_count // 3)))
        first = rng.choice(self.destinations)
        pool = [d for d in self.destinations if d.country == first.country] or self.destinations
        route = [first] + [rng.choice(pool) for _ in range(stops - 1)]
        route = list(dict.fromkeys(route))
        country_ko, country_en = COUNTRY_NAMES[first.country]
        themes = rng.sample(THEMES, rng.randint(1, 3))
        theme_ko, theme_en = themes[0]

        mayor = f"{home.id}-mayor"
        officials = [mayor] + [f"{home.id}-official-{k}" for k in rng.sample(range(1, 9), rng.randint(0, 3))]
        companies = sorted({company(rng.randrange(self.company_count)) for _ in range(rng.randint(0, 4))})
        home_gov = f"{home.id}-city-hall"
        sources = [{
            "id": f"src-{k}",
            "outlet": _t(*rng.choice(OUTLETS)),
            "headline": _t(f"{home.ko}시, {country_ko} {theme_ko} 협력 방문 {'추진' if k == 1 else '성과'}",
                           f"{home.en} City {'plans' if k == 1 else 'reports on'} a {theme_en} visit to {country_en}",
                           "en", "editors"),
            "published": start - dt.timedelta(days=rng.randint(1, 10)) if k == 1 else end + dt.timedelta(days=rng.randint(1, 5)),
            "url": f"https://news.example.org/{year}/{trip_id}/{k}",
            "language": "ko",
        } for k in range(1, rng.randint(1, 3) + 1)]
        src_ids = [s["id"] for s in sources]

        orgs: dict[str, dict[str, Any]] = {home_gov: self.org(
            home_gov, f"{home.ko}시청", f"{home.en} City Hall", "government",
            (home.ko, home.en), [f"{home.ko}시"])}
        people: dict[str, dict[str, Any]] = {}
        for pid in officials:
            ko, en = korean_name(pid)
            role = (("시장", "Mayor of " + home.en) if pid == mayor else ("시 공무원", f"{home.en} City official"))
            people[pid] = {"id": pid, "name": _t(ko, en), "role": _t(role[0], role[1]),
                           "organisation": home_gov}
        for cid, cko, cen in companies:
            orgs[cid] = self.org(cid, cko, cen, "company")

        # days and events
        days: list[dict[str, Any]] = []
        agreements: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
        per_stop = max(1, day_count // len(route))
        event_ids: list[str] = []
        for offset in range(day_count):
            date = start + dt.timedelta(days=offset)
            dest = route[min(offset // per_stop, len(route) - 1)]
            prev = route[min((offset - 1) // per_stop, len(route) - 1)] if offset else None
            day: dict[str, Any] = {"date": date, "places": [dest.place()]}
            events: list[dict[str, Any]] = []
            if offset == 0 or offset == day_count - 1 or (prev is not None and prev != dest):
                origin_ko, origin_en = (home.ko, home.en) if offset == 0 else ((prev.ko, prev.en) if prev else (home.ko, home.en))
                to_ko, to_en = (home.ko, home.en) if offset == day_count - 1 and offset else (dest.ko, dest.en)
                events.append(self._event(len(event_ids), "travel", _t(
                    f"{origin_ko}에서 {to_ko}(으)로 이동", f"Travel from {origin_en} to {to_en}", "en"),
                    None, dest, [], [mayor], src_ids, date))
                event_ids.append(events[-1]["id"])
            for _ in range(max(0, rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5)) - len(events))):
                event, agreement, orgs_used, person = self._business_event(
                    len(event_ids), home, dest, theme_ko, theme_en, mayor, home_gov, src_ids, date,
                    signing=len(agreements) < 3)
                for org in orgs_used:
                    orgs.setdefault(org["id"], org)
                if person:
                    people.setdefault(person["id"], person)
                events.append(event)
                event_ids.append(event["id"])
                if agreement:
                    agreements.append(agreement)
            # the timed events of a day in time order, the untimed ones where they fell
            times = sorted(e["time"] for e in events if "time" in e)
            for event in events:
                if "time" in event:
                    event["time"] = times.pop(0)
            day["events"] = events
            days.append(day)

        for k in range(rng.randint(0, 3)):
            (o_ko, o_en), (e_ko, e_en) = rng.choice(QUOTE_OPENINGS), rng.choice(QUOTE_ENDINGS)
            quote: dict[str, Any] = {
                "id": f"quote-{k + 1}",
                "speaker": mayor,
                "role": _t("시장", "Mayor of " + home.en),
                "original": Flow(lang="ko", text=f"{o_ko} {theme_ko} 분야에서 {e_ko}."),
                "translation": Flow(lang="en", text=f"{o_en}, {e_en} in {theme_en}.", by="editors"),
                "date": rng.choice([sources[0]["published"], end]),
                "sources": FlowList([src_ids[0]]),
            }
            quotes.append(quote)

        head_count = len(officials) + len(companies) + rng.randint(0, 10)
        trip = {
            "id": trip_id,
            "home_city": {"id": home.id, "name": _t(home.ko, home.en),
                          "province": _t(*home.province), "country": "KR"},
            "title": _t(f"{home.ko}시 대표단 {country_ko} 방문 ({', '.join(d.ko for d in route)})",
                        f"{home.en} City delegation visit to {country_en} ({', '.join(d.en for d in route)})",
                        "en"),
            "leader": {"person": mayor, "role": _t("시장 (대표단 단장)", f"Mayor of {home.en} (head of the delegation)")},
            "delegation": {
                "officials": FlowList(officials),
                "companies": FlowList(c[0] for c in companies),
                "institutions": FlowList(),
                "head_count": head_count,
                "description": _t(f"{people[mayor]['name']['ko']} 시장을 단장으로 한 {home.ko}시 대표단 {head_count}명",
                                  f"A {home.en} City delegation of {head_count} led by Mayor {people[mayor]['name']['en']}",
                                  "en"),
            },
            "start": start,
            "end": end,
            "span_reported": Flow(nights=day_count - 1, days=day_count, text=f"{day_count - 1}박 {day_count}일"),
            "status": rng.choice(("announced", "reported")),
            "purpose": _t(
                f"{', '.join(t[0] for t in themes)} 분야의 교류와 협력을 확대하고 지역 기업의 {country_ko} 시장 진출을 지원한다.",
                f"To widen exchange and cooperation in {', '.join(t[1] for t in themes)} and to help local "
                f"companies enter the market of {country_en}.", "en"),
            "themes": [_t(ko, en, "en") for ko, en in themes],
            "sources": FlowList(src_ids),
        }
        if rng.random() < 0.3:
            trip["inferred"] = {"end": "The article gives the span but not the last day; it is counted from the start."}
        doc = {
            "tripdesk": 1,
            "trip": trip,
            "sources": sources,
            "organisations": list(orgs.values()),
            "people": list(people.values()),
            "days": days,
            "agreements": agreements,
            "quotes": quotes,
        }
        return trip_id, doc

    def _event(self, index: int, kind: str, title: dict[str, str], description: dict[str, str] | None,
               dest: Destination, orgs: list[str], people: list[str], sources: list[str],
               date: dt.date, time: str | None = None, venue: dict[str, str] | None = None) -> dict[str, Any]:
        event: dict[str, Any] = {"id": f"e{index + 1:03d}"}
        if time:
            event["time"] = time
        event["kind"] = kind
        event["title"] = title
        if description and self.rng.random() < 0.6:
            event["description"] = description
        if venue or self.rng.random() < 0.2:  # otherwise the day's place is the event's
            event["place"] = dest.place(venue)
        if orgs:
            event["organisations"] = FlowList(orgs)
        if people:
            event["people"] = FlowList(people)
        event["sources"] = FlowList([self.rng.choice(sources)])
        return event

    def _business_event(self, index: int, home: HomeCity, dest: Destination, theme_ko: str,
                        theme_en: str, mayor: str, home_gov: str, sources: list[str],
                        date: dt.date, signing: bool = True) -> tuple[dict[str, Any], dict[str, Any] | None, list[dict[str, Any]], dict[str, Any] | None]:
        rng = self.rng
        kind = rng.choice(("visit", "visit", "meeting", "meeting", "meeting", "signing", "exhibition",
                           "speech", "networking", "conference", "ceremony", "promotion", "other"))
        if kind == "signing" and not signing:  # at most three agreements a trip
            kind = "visit"
        city_gov = self.org(f"{dest.slug}-city", f"{dest.ko}시청", f"{dest.en} City Hall", "government",
                            (dest.ko, dest.en))
        chamber = self.org(f"{dest.slug}-chamber", f"{dest.ko} 상공회의소", f"{dest.en} Chamber of Commerce",
                           "association", (dest.ko, dest.en))
        univ = self.org(f"{dest.slug}-university", f"{dest.ko} 대학교", f"University of {dest.en}",
                        "university", (dest.ko, dest.en))
        host = rng.choice((city_gov, chamber, univ))
        h_ko, h_en = host["name"]["ko"], host["name"]["en"]
        foreign_mayor = f"{dest.slug}-mayor"
        time = f"{rng.randint(8, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}" if rng.random() < 0.7 else None
        used = [host]
        person = None
        agreement = None
        people = [mayor]
        venue = None
        if kind == "visit":
            title = _t(f"{h_ko} 방문", f"Visit to {h_en}", "en")
            desc = (f"대표단은 {h_ko}를 방문해 {theme_ko} 분야 협력 방안을 논의했다.",
                    f"The delegation visited {h_en} and discussed cooperation in {theme_en}.")
        elif kind == "meeting":
            f_ko, f_en = foreign_name(foreign_mayor)
            person = {"id": foreign_mayor, "name": _t(f_ko, f_en), "role": _t(f"{dest.ko} 시장", f"Mayor of {dest.en}"),
                      "organisation": city_gov["id"]}
            used = [city_gov]
            people = [mayor, foreign_mayor]
            title = _t(f"{f_ko} {dest.ko} 시장 면담", f"Meeting with Mayor {f_en} of {dest.en}", "en")
            desc = (f"{home.ko}시장은 {f_ko} 시장과 회의를 열고 두 도시의 {theme_ko} 교류 확대에 합의했다.",
                    f"The Mayor of {home.en} met Mayor {f_en} and agreed to widen exchanges in {theme_en}.")
        elif kind == "signing":
            a_kind = rng.choice(list(AGREEMENT_WORDS))
            w_ko, w_en = AGREEMENT_WORDS[a_kind]
            title = _t(f"{h_ko}와 {w_ko} 체결", f"Signing of a {w_en} with {h_en}", "en")
            desc = (f"{home.ko}시와 {h_ko}는 {theme_ko} 분야 협약을 맺었다.",
                    f"{home.en} City and {h_en} signed an agreement on {theme_en}.")
            agreement = {
                "id": f"agreement-{index + 1:03d}",
                "title": _t(f"{home.ko}시-{h_ko} {theme_ko} {w_ko}", f"{home.en}–{h_en} {w_en} on {theme_en}", "en"),
                "kind": a_kind,
                "parties": FlowList([home_gov, host["id"]]),
                "signatories": FlowList([mayor]),
                "date": date,
                "place": dest.place(),
                "scope": _t(f"{theme_ko} 분야 공동연구, 기업 교류, 인력 양성", f"Joint research, company exchanges and training in {theme_en}", "en"),
                "event": f"e{index + 1:03d}",
                "sources": FlowList([rng.choice(sources)]),
            }
        elif kind == "exhibition":
            fair_id, fair_en, _fair_city = rng.choice(FAIRS)
            year = date.year
            fair = self.org(f"{fair_id}-expo-{year}", f"{fair_en} {year}", f"{fair_en} {year}", "event")
            used = [fair]
            title = _t(f"{fair_en} {year} 참관 및 {home.ko}관 운영", f"Visit to {fair_en} {year} and the {home.en} pavilion", "en")
            desc = (f"지역 기업과 함께 {fair_en} {year}에 참가해 {theme_ko} 제품을 홍보했다.",
                    f"Took part in {fair_en} {year} with local companies, promoting {theme_en} products.")
            venue = _t(f"{fair_en} 전시장", f"{fair_en} exhibition hall")
        elif kind == "speech":
            title = _t(f"{h_ko} 초청 강연", f"Speech at {h_en}", "en")
            desc = (f"{home.ko}시장은 {theme_ko} 정책을 소개하는 강연을 했다.",
                    f"The Mayor of {home.en} gave a speech on {theme_en} policy.")
        elif kind == "networking":
            used = [chamber]
            title = _t(f"{dest.ko} 현지 기업인 간담회", f"Networking with business leaders in {dest.en}", "en")
            desc = (f"{chamber['name']['ko']} 회원사와 간담회를 열었다.",
                    f"Met member companies of the {chamber['name']['en']}.")
        elif kind == "conference":
            title = _t(f"{theme_ko} 국제회의 참석", f"International conference on {theme_en}", "en")
            desc = (f"{theme_ko} 국제회의에서 {home.ko}시의 사례를 발표했다.",
                    f"Presented the case of {home.en} at an international conference on {theme_en}.")
        elif kind == "ceremony":
            title = _t(f"{dest.ko} 우호교류 기념식", f"Friendship ceremony in {dest.en}", "en")
            desc = (f"{dest.ko}와 {home.ko}의 교류를 기념하는 행사에 참석했다.",
                    f"Attended a ceremony marking the exchanges between {dest.en} and {home.en}.")
        elif kind == "promotion":
            title = _t(f"{home.ko} 투자설명회 개최", f"{home.en} investment briefing", "en")
            desc = (f"현지 기업을 대상으로 {home.ko}의 {theme_ko} 투자 환경을 설명했다.",
                    f"Presented the {theme_en} investment climate of {home.en} to local companies.")
        else:
            title = _t(f"{dest.ko} 산업단지 현장 시찰", f"Site inspection of an industrial park in {dest.en}", "en")
            desc = (f"{dest.ko}의 산업단지를 둘러보았다.", f"Toured an industrial park in {dest.en}.")
        event = self._event(index, kind, title, _t(desc[0], desc[1], "en"), dest,
                            [o["id"] for o in used], people, sources, date, time, venue)
        if time and rng.random() < 0.1:
            event["inferred"] = {"time": "The schedule printed in the article."}
        return event, agreement, used, person


def dump(doc: dict[str, Any]) -> str:
    return yaml.dump(doc, Dumper=_TripDumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def generate(out: Path, trips: int, seed: int = 1, long_trip: bool = True) -> list[Path]:
    """Write `trips` trip files into `out` (created; existing *.yaml there are removed).

    With `long_trip`, trip number 0 is made a 30-day trip (the benchmark exports it and walks
    its days); its id is returned first by `long_trip_id()`.
    """
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    writer = TripWriter(seed)
    paths = []
    for n in range(trips):
        trip_id, doc = writer.trip(n, 30 if n == 0 and long_trip else None)
        path = out / f"{trip_id}.yaml"
        path.write_text(dump(doc), encoding="utf-8")
        paths.append(path)
    return paths


def long_trip_id(out: Path) -> str:
    """The id of the 30-day trip `generate` put in `out` (file number 0)."""
    for path in sorted(out.glob("*-00000.yaml")):
        return path.stem
    raise FileNotFoundError(f"no generated 30-day trip in {out}")
