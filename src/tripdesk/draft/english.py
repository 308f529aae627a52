"""English articles from Korean outlets (or the English half of a bilingual one): the same
findings as the Korean extractors, read from English prose.

- people: `Mayor Kim Jang-ho`, `Vice Mayor for Economic Science Jang Ho-jong`, `Kim Jang-ho,
  Mayor of Gumi`, `led by Mayor ...`;
- the home: a Korean local government by its English name (`Gumi City`, `Daejeon`);
- places: gazetteer cities by their English names, taken where the text names their country
  or the city is large (so that `Mobile` or `Reading` in a sentence is not a city);
- organisations: capitalised phrases that end in an organisation's word (Association, Chamber
  of Commerce, University, Institute, Park, Festival ...).

Dates, spans, quotes and agreements are read by the shared modules, which know English.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata

from ..i18n import N_
from .entities import OrgFound, PersonFound
from .localgov import LocalGov, governments
from .notes import Reason
from .places import City, PlaceFound, city_index, _BY_COUNTRY

ROLES_EN = ("Vice Mayor for Economic Science", "Vice Mayor for Economic Affairs", "Vice Mayor", "Mayor",
            "Vice Governor", "Governor", "Gov.", "County Head", "County Mayor", "Magistrate", "Chairman", "Chairwoman",
            "Chair", "President", "CEO", "Professor", "Director", "Ambassador", "Consul General", "Commissioner")
LEADER_ROLES_EN = ("Mayor", "Governor", "Gov.", "County Head", "County Mayor", "Magistrate", "Vice Mayor",
                   "Vice Governor")
_LEADER_ROLE = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(r) for r in LEADER_ROLES_EN) + r")(?=$|\s)")
_ROLE = "|".join(re.escape(r) for r in ROLES_EN)
# A romanised Korean name (Kim Jang-ho) or a Western one (Bob Filner): two or three words.
_NAME = r"([A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+(?:-[a-z]+)?){1,2})"
# (`Governor of North Chungcheong Province Lee Si-jong`: the province's kind word before the name)
_ROLE_NAME = re.compile(rf"\b((?:[A-Z][a-z]+ ){{0,2}}(?:{_ROLE}))(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?"
                        rf"(?: Province| County| City| Metropolitan City| Special City)?)?,? {_NAME}\b")
# (not `After a 3-Nation Mission, Gyeonggi Governor Kim Moon-soo`: a hyphened word, and a role with its
# own name after it; but `Lee Jang-woo, Daejeon Mayor Meets Hanoi Leaders`, a headline's verb after it)
_HEADLINE_VERBS = "(?:Visits|Visit|Signs|Meets|Attends|Holds|Tours|Leads|Opens|Seeks|Heads|Returns|Departs|Hosts|Joins)"
_NAME_ROLE = re.compile(rf"\b(?<!-){_NAME}, ((?:the )?(?:[A-Z][a-z]+ (?:County |City |Province )?)?(?:{_ROLE})"
                        rf"(?: of [A-Z][\w.]+(?: [A-Z][\w.]+)?)?)"
                        rf"(?! (?!{_HEADLINE_VERBS}\b)[A-Z][a-z]+(?:-[a-z]+)? [A-Z][a-z])")
LEADER_EN = re.compile(rf"(?:led by|headed by|leading the delegation,?)\s+(?:(?:{_ROLE})\s+)?{_NAME}")
_NOT_NAMES = {"City", "Province", "County", "The", "This", "Korea", "United States"}


def people(text: str) -> list[PersonFound]:
    found: dict[str, PersonFound] = {}
    # A name's own role after it first (`Yoon Aeng-rang, Chairman of ...`), then a role before a
    # name (`Mayor Kim Jang-ho`): in `Lee, County Governor, Yoon, Chairman` the governor is Lee's.
    for m in _NAME_ROLE.finditer(text):
        name, role = _clean_name(m.group(1)), m.group(2)
        if name and name not in found:
            found[name] = PersonFound(name, name, role, m.group(0), m.start())
    for m in _ROLE_NAME.finditer(text):
        name, role = _clean_name(m.group(2)), m.group(1)
        if name and name not in found:
            found[name] = PersonFound(name, name, role, m.group(0), m.start())
        elif name and found[name].begin > m.start():
            found[name].begin = m.start()  # named first with the role before it
    return sorted(found.values(), key=lambda p: p.begin)


def is_leader_role(role: str) -> bool:
    """`Mayor`, `Mayor of Gumi`, `Seoul Mayor`, `County Governor`, `Gov.`: a role that heads a
    local government (a `Vice Mayor` too, who may lead a delegation)."""
    return role.startswith(LEADER_ROLES_EN) or bool(_LEADER_ROLE.search(role))


def leaders(text: str, found: list[PersonFound]) -> list[PersonFound]:
    """The people of `found` whose role heads a local government, those of a Korean one first
    (`Seoul Mayor Oh ...`, `Gov. Kim ... of North Jeolla Province`, not `Amsterdam Mayor ...`),
    in the order the text names them."""
    heads = [p for p in found if p.role and is_leader_role(p.role)]

    def korean(person: PersonFound) -> bool:
        after = text[person.begin + len(person.evidence):person.begin + len(person.evidence) + 40]
        of = re.match(r"\s*(?:,\s*)?of ([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})", after)
        return bool(home_mentions(person.role or "") or (of and home_mentions(of.group(1))))

    return sorted(heads, key=lambda p: (not korean(p), p.begin))


# Title-case words of a headline that follow a role (`Governor Visits United States`), not a name.
_HEADLINE_WORDS = {"Visits", "Visit", "Signs", "Meets", "Attends", "Holds", "Tours", "Leads", "Opens", "Seeks", "Heads",
                   "Returns", "Departs", "Embarks", "Promotes", "Discusses", "Strengthens", "Attracts", "Explores",
                   "Forges", "Inks", "Pays", "Welcomes", "Receives", "Hosts", "Joins", "Travels", "Goes", "Calls",
                   "Says", "Sets", "Wins", "Agrees", "Delivers", "Proposes", "Reaffirms", "Kicks", "Off", "To", "And",
                   "For", "With", "In", "On", "At", "Of", "From", "States", "Kingdom", "Republic", "Faces",
                   "Over", "Amid", "After", "Despite", "Under", "Criticized", "Criticised", "Controversy"}


def _clean_name(name: str) -> str | None:
    words = name.split()
    while len(words) > 2 and words[-1] in _HEADLINE_WORDS:  # `Mayor Lee Sangil Visits Spain`: the verb goes
        words.pop()
    name = " ".join(words)
    if any(w in _NOT_NAMES or w in _HEADLINE_WORDS for w in words) or len(name) < 5:
        return None
    if any(" ".join(words[i:]) in _countries_en() for i in range(len(words))):
        return None
    return name


def short_reference(surname: str, found: list[PersonFound]) -> PersonFound | None:
    """The person `Kim` or `Mayor Kim` refers to: the one found whose surname it is (first in a
    Korean name, `Kim Jang-ho`, last in a Western one, `Femke Halsema`), if only one fits."""
    fits = [p for p in found if p.ko.split()[0] == surname or p.ko.split()[-1] == surname]
    fits = list({p.ko: p for p in fits}.values())
    return fits[0] if len(fits) == 1 else None


# The provinces' other English names in use (the older `North Jeolla Province`, the
# romanised `Jeollabuk-do`, the short `Jeonbuk`), by the Korean name of data/local_governments.csv.
PROVINCE_NAMES_EN = {
    "전북특별자치도": ("North Jeolla", "Jeollabuk-do", "Jeonbuk", "Jeonbuk Special Self-Governing Province"),
    "전라남도": ("Jeollanam-do", "Jeonnam"),
    "충청북도": ("Chungcheongbuk-do", "Chungbuk"),
    "충청남도": ("Chungcheongnam-do", "Chungnam"),
    "경상북도": ("Gyeongsangbuk-do", "Gyeongbuk"),
    "경상남도": ("Gyeongsangnam-do", "Gyeongnam"),
    "강원특별자치도": ("Gangwon", "Gangwon-do", "Gangwon Province"),
    "제주특별자치도": ("Jeju", "Jeju-do", "Jeju Special Self-Governing Province"),
    "경기도": ("Gyeonggi", "Gyeonggi-do"),
}


@functools.cache
def _gov_names() -> dict[str, LocalGov]:
    names: dict[str, LocalGov] = {}
    for gov in governments():
        base = gov.en.replace(" County", "").replace(" Province", "").replace(" State", "")
        names.setdefault(base, gov)
        names.setdefault(gov.en, gov)
        for other in PROVINCE_NAMES_EN.get(gov.ko, ()):
            names.setdefault(other, gov)
            names.setdefault(other + " Province", gov)
    return names


# `Gumi City`, `Changnyeong County`, `North Jeolla Province`, `Jeollabuk-do`, `Jeonbuk State`.
_GOV_EN = re.compile(r"\b((?:(?:North|South) )?[A-Z][a-z]+(?:-[a-z]+)?(?: (?:County|Province|State))?)\b")


def home_mentions(text: str) -> list[LocalGov]:
    """Korean local governments named in English (`Gumi City`, `Daejeon`), in order."""
    names = _gov_names()
    found = []
    for m in _GOV_EN.finditer(text):
        name = m.group(1)
        if name not in names and name.startswith(("North ", "South ")):
            name = name.split(" ", 1)[1]  # `North Gumi`: a direction before a name
        if name in names:
            found.append(names[name])
    return found


# English names the press uses for cities GeoNames names otherwise (its name on the right).
EXONYMS = {"New York": "New York City", "Cologne": "Köln", "Seville": "Sevilla", "Frankfurt": "Frankfurt am Main",
           "Kiev": "Kyiv", "Ulan Bator": "Ulaanbaatar", "Saigon": "Ho Chi Minh City", "Xian": "Xi’an",
           "Oporto": "Porto", "Bangalore": "Bengaluru"}


# Letters that carry no accent to take off but that English prose writes plain (Vietnamese Đ,
# which GeoNames also writes Ð: `Ðà Lạt` is Da Lat; Polish ł, Danish ø).
_PLAIN_LETTERS = str.maketrans({"Đ": "D", "Ð": "D", "đ": "d", "ð": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o"})


def _fold(name: str) -> str:
    """The name without accents, as English prose types it (Zürich: Zurich, Đà Nẵng: Da Nang)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
                   if not unicodedata.combining(c))


@functools.cache
def _english_index() -> dict[str, tuple[City, ...]]:
    """Cities by English name: GeoNames', the same without accents and the press's exonyms,
    these two written as the English text writes them (a draft says Seville, Zurich), and the
    towns GeoNames lacks that data/city_names_ko.csv adds (North Hempstead)."""
    by_korean = city_index()  # fills _BY_COUNTRY
    index: dict[str, list[City]] = {}
    for cities in _BY_COUNTRY.values():
        for city in cities:
            index.setdefault(city.en, []).append(city)
    for cities in by_korean.values():
        for city in cities:
            if city.en not in index and city.population == 0:
                index[city.en] = [city]
    for name, cities in list(index.items()):
        plain = _fold(name)
        if plain != name and plain not in index:
            index[plain] = [dataclasses.replace(c, en=plain) for c in cities]
    for exonym, name in EXONYMS.items():
        if name in index and exonym not in index:
            index[exonym] = [dataclasses.replace(c, en=exonym) for c in index[name]]
    return {name: tuple(sorted(c, key=lambda c: -c.population)) for name, c in index.items()}


@functools.cache
def _countries_en() -> dict[str, str]:
    from babel import Locale

    names = {name: code for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}
    names.update({"U.S.": "US", "US": "US", "USA": "US", "America": "US", "Korea": "KR", "UK": "GB"})
    return names


def countries_named(text: str) -> set[str]:
    """The countries the text names, and the US where it names a state (`southern California`)
    whose name is neither a country's nor a city's (Georgia, New York and Washington are)."""
    named = {code for name, code in _countries_en().items() if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", text)}
    if any(re.search(rf"(?<![\w.]){state}(?!\w)", text) for state in US_STATES_EN - _STATES_ALSO_ELSE):
        named.add("US")
    return named


# US states named like a country or a city: they do not tell that the article is about the US.
_STATES_ALSO_ELSE = frozenset(("Georgia", "New York", "Washington"))


US_STATES_EN = frozenset((
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming"))


def _us_states() -> frozenset[str]:
    return US_STATES_EN


_CAPITALISED = re.compile(r"\b([A-Z][a-z]+(?:[ .-]+[A-Z][a-z]+)*\.?)")
# Words capitalised only for opening a sentence, before a city's name.
_SENTENCE_OPENERS = frozenset(("In", "At", "From", "To", "For", "On", "During", "After", "Before", "While", "Then",
                               "And", "But", "Also", "Later", "Next"))


def _cut_off_at(text: str, end: int) -> bool:
    """Whether a word ending at `end` is the last of a text that stops mid-sentence (a saved
    page cut short): the word may be the start of a longer one."""
    rest = text[end:]
    return not rest.strip() and not re.search(r"[.!?\"”’)]\s*$", text)


def find_places(text: str, countries: set[str] | None = None) -> list[PlaceFound]:
    """The cities the text names in English; `countries`: those the whole article names."""
    index = _english_index()
    countries = (countries or set()) | countries_named(text)
    found: list[PlaceFound] = []
    for m in _CAPITALISED.finditer(text):
        words = m.group(1).rstrip(".").split(" ")
        if len(words) > 1 and words[0] in _SENTENCE_OPENERS:  # `In Toronto, he met ...`
            m = _CAPITALISED.match(text, m.start() + len(words[0]) + 1)
            if m is None:
                continue
            words = m.group(1).rstrip(".").split(" ")
        # the longest run of words that is a city's name (Newport Beach, Las Vegas, Washington)
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            cities = index.get(name)
            if not cities or name in _gov_names():
                continue
            if name in _countries_en() and not any(c.country == _countries_en()[name] for c in cities):
                continue  # a country, not a city of its name (but Singapore is both)
            fitting = [c for c in cities if c.country in countries] or [c for c in cities if c.population >= 500_000]
            after = text[m.start() + len(name):m.start() + len(name) + 40]
            if fitting and fitting[0].population < 100_000 and not re.match(r"\s+City\b", after) and re.match(
                    r"\s+(?:" + "|".join(re.escape(w) for w in _ORG_WORDS + _STREET_WORDS) + r")\b", after):
                break  # Eureka Park, ESR-Kendall Square: a place named after a small town, not the town
            if re.match(r"\s+[Ss]tate\b", text[m.start() + len(name):]):
                break  # `New York State`: the state
            city_before = re.search(r"([A-Z][a-z]+),?\s+(?:in\s+)?$", text[max(0, m.start() - 30):m.start()])
            if name in _us_states() and city_before and city_before.group(1) not in _SENTENCE_OPENERS:
                break  # `Seattle in Washington`: the state the city before it is in
            if _cut_off_at(text, m.start() + len(name)):
                break  # `Mayor Park's visit to Indi` at the end of a saved text: a word cut off (India)
            if fitting and fitting[0].country != "KR":
                begin = m.start()
                found.append(PlaceFound(name, fitting[0], begin, begin + len(name),
                                        tuple(c for c in cities if c is not fitting[0])))
            break
    found += _dateline_city(text, countries, found)
    found += _misspelt_cities(text, countries, found)
    found.sort(key=lambda p: p.begin)
    # `Satsumasendai City Hall, Sendai Port ...`: a city's name that begins a facility's name
    # beside another city of its country is the facility's name, not a second city.
    return [p for p in found if not (
        _FACILITY.match(text, p.end)
        and any(o.city.country == p.city.country and o.city is not p.city for o in found))]


# A misspelt city (`Sidney` for Sydney, in Incheon's English page): a well-known city (this many
# people or more) of a country the article names, one edit away from a capitalised word.
WELL_KNOWN = 1_000_000
_WORD = re.compile(r"\b[A-Z][a-z]{4,}\b")
# A word beside a list of places: `Singapore and Sidney, and Brisbane`, `with Sidney and Brisbane`.
_LISTED_BEFORE = re.compile(r"(?:,|\band|&)\s*$")
_LISTED_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)[A-Z]")


# A wire report's dateline, the city it was filed from in capitals: `PARIS, Oct. 21 (Yonhap) --`,
# `LOS ANGELES, Aug. 26 (Yonhap) --`, `NEW YORK, Sept. 3 -`.
_DATELINE = re.compile(r"(?m)^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}),\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|"
                       r"\d{1,2}\s+[A-Z][a-z]{2,8}\b)")


def _dateline_city(text: str, countries: set[str], found: list[PlaceFound]) -> list[PlaceFound]:
    """The city of a dateline (`PARIS, Oct. 21 (Yonhap) --`), written in capitals, which the
    title-case names above do not read: a city of a country the article names or a large one."""
    m = _DATELINE.match(text)
    if not m or any(p.begin == m.start(1) for p in found):
        return []
    name = m.group(1).title().replace("’S", "’s").replace("'S", "'s")
    cities = _english_index().get(name)
    if not cities or name in _countries_en() or name in US_STATES_EN:
        return []
    fitting = [c for c in cities if c.country in countries] or [c for c in cities if c.population >= 500_000]
    if not fitting or fitting[0].country == "KR":
        return []
    return [PlaceFound(name, fitting[0], m.start(1), m.end(1), tuple(c for c in cities if c is not fitting[0]))]


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by exactly one letter changed, added or dropped, or two
    neighbouring letters swapped (Levenshtein-Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _misspelt_cities(text: str, countries: set[str], found: list[PlaceFound]) -> list[PlaceFound]:
    """Cities the text misspells, found only where nothing else could be meant: a capitalised
    word of five letters or more, inside a sentence (not its first word), that is no city of a
    country the article names, with no capitalised word next to it (`Sidney Poitier`), listed
    with a city found (`Singapore and Sidney, and Brisbane`), and one edit away from exactly one
    city of a million people or more of a country the article names (Korea's left out). Marked
    inferred with the reason."""
    if not found:
        return []
    index = _english_index()
    taken = {(p.begin, p.end) for p in found}
    out: list[PlaceFound] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if any(b <= m.start() < e for b, e in taken):
            continue
        before, after = text[:m.start()], text[m.end():]
        if not before.strip() or re.search(r"[.!?:\n]\s*$", before) or re.search(r"[A-Z][\w.]*\s*$", before) \
                or re.match(r"\s+[A-Z]", after) or re.match(r"[’']s?\b|-", after):
            continue  # a sentence's first word, a name of two words, a possessive or a compound
        if any(c.country in countries for c in index.get(word, ())) or word in _countries_en() \
                or word in _gov_names() or word in US_STATES_EN:
            continue
        if not (_LISTED_BEFORE.search(before) or _LISTED_AFTER.match(after)):
            continue
        near = {c.en: c for code in countries - {"KR"} for c in _BY_COUNTRY.get(code, ())
                if c.population >= WELL_KNOWN and _one_edit(_fold(c.en), word)}
        if len(near) != 1:
            continue  # none, or several: never a guess between two
        (city,) = near.values()
        note = Reason(N_("'{word}' is no city of a country the article names; it is taken to be {city} ({country}), "
                         "the one city of a million people or more of those countries that it is one letter away "
                         "from (a misspelling), listed with other places."),
                      word=word, city=city.en, country=city.country)
        out.append(PlaceFound(word, city, m.start(), m.end(), note=note))
    return out


def listed_with_others(sentence: str, place: PlaceFound) -> bool:
    """Whether the sentence lists the city with other places (`Paris, Lyon and Nice`), not
    with its country or state after it (`Satsumasendai City, Japan`, `Anchorage, Alaska`)."""
    after = sentence[place.end:]
    after = re.sub(r"^\s+City\b", "", after)
    tail = re.match(r"\s*,\s*([A-Z][\w.]*(?: [A-Z][\w.]*)?)", after)
    if tail and (tail.group(1) in _countries_en() or tail.group(1) in US_STATES_EN
                 or tail.group(1).split(" ")[0] in _countries_en() or tail.group(1).split(" ")[0] in US_STATES_EN):
        after = after[tail.end():]
    before = sentence[:place.begin]
    return bool(re.search(r"(?:,|\band|&)\s*$", before) or re.match(r"\s*(?:,\s*[A-Z]|and\s+[A-Z]|&)", after))


_FACILITY = re.compile(r"\s+(?:Port|Harbou?r|Airport|Station|Terminal|Bay|Castle|Park|Lake)\b")


# Words after a small town's name that make it the name of a street or square (`Kendall Square`).
_STREET_WORDS = ("Square", "Street", "Avenue", "Road", "Boulevard", "Plaza", "Mall", "Tower", "Building", "Yards",
                 "Yard", "Pier", "Wharf", "Bridge")
_ORG_WORDS = ("Association", "Chamber of Commerce", "University", "Institute", "Research Park", "Park", "Center",
              "Centre", "Festival", "Council", "Agency", "Corporation", "Company", "Office", "Consulate General",
              "Foundation", "Federation", "Group", "Air Lines", "Airlines", "Entertainment", "Exhibition", "Expo",
              "Library", "Museum", "Hospital", "Bank", "Pavilion", "Cluster", "Coalition", "Ministry", "Government",
              "Committee", "Commission", "Cooperative", "Department", "Administration", "Authority", "Board",
              "Society", "Union", "Chamber", "College", "Academy", "Co.", "Inc.", "Ltd.", "Corp.", "City Hall",
              "Brewery", "Factory", "Plant", "Winery", "Convention", "Conference", "Forum")
_ORG = re.compile(r"\b((?:[A-Z][\w&'’-]*\s(?:of\s|for\s|&\s)?){0,5}(?:"
                  + "|".join(re.escape(w) for w in _ORG_WORDS) + r"))(?:\b|(?<=\.))")
_KIND = (("university", ("University", "Institute of Technology")), ("research", ("Institute", "Research Park")),
         ("association", ("Association", "Chamber of Commerce", "Council", "Federation", "Foundation", "Coalition", "Cluster",
                          "Cooperative", "Society", "Union", "Chamber")),
         ("event", ("Festival", "Exhibition", "Expo", "Convention", "Conference", "Forum")),
         ("government", ("Agency", "Office", "Consulate General", "Ministry", "Government", "Committee",
                         "Commission", "Department", "Administration", "Authority", "Board", "City Hall")),
         ("venue", ("Library", "Museum", "Park", "Center", "Centre", "Pavilion")))


def organisations(text: str) -> list[OrgFound]:
    found: dict[str, OrgFound] = {}
    for m in _ORG.finditer(text):
        name = re.sub(r"^(?:The|the) ", "", m.group(1)).strip()
        if len(name.split()) < 2 and name in _ORG_WORDS:
            continue
        if re.search(rf"(?:^|\s)(?:{_ROLE}|Mr\.|Ms\.|Dr\.)\s", name):
            continue  # `Mayor Park`, `Seoul Mayor Park`: a person (Park is a name, not a park)
        kind = next((k for k, words in _KIND if name.endswith(words)), "company")
        found.setdefault(name, OrgFound(name, name, kind, m.start(), name))
    for m in _NAMED_COMPANY.finditer(text):
        name = m.group(1)
        if name not in found and name not in _countries_en() and not any(name in other for other in found):
            found[name] = OrgFound(name, name, "company", m.start(1), name)
    return sorted(found.values(), key=lambda o: o.begin)


# `food company Pulmuone's U.S. headquarters`, `the firm Acme Robotics`: a company named after
# the word for one.
_NAMED_COMPANY = re.compile(r"\b(?:company|firm|maker|manufacturer|conglomerate|startup|start-up)\s+"
                            r"([A-Z][\w&-]+(?: [A-Z][\w&-]+){0,3})(?=’s|'s|\b)")


# -- the city of an event the sentence names --------------------------------------------------

# An event by its name (`the 21st World Korean Business Convention`, `the Global Mayors Forum`)
# or its acronym (`WKBC`, `APMCDRR`).
_EVENT_WORDS = ("Convention", "Conference", "Forum", "Expo", "Exposition", "Festival", "Summit", "Fair", "Exhibition",
                "Games", "Congress", "Show", "Symposium", "Assembly", "Week")
_EVENT_NAME = re.compile(r"\b((?:[A-Z][\w&'’-]*\s(?:of\s|on\s|for\s|and\s|&\s)?){1,6}(?:"
                         + "|".join(_EVENT_WORDS) + r"))\b")
_ACRONYM = re.compile(r"\b([A-Z][A-Z&]{2,9})\b")
# Acronyms that name no event: countries, documents, titles, currencies.
_NOT_EVENTS = {"USA", "MOU", "MOUs", "LOI", "LOIs", "CEO", "KRW", "USD", "EUR", "CEOs", "MOC", "UAE", "APEC", "KOTRA",
               "NGO", "WHO", "UN"}
# `the WKBC in Anaheim`, `... Convention at the Anaheim Convention Center`, `held in Busan`: the
# words between an event's name and its city.
_EVENT_AT = re.compile(r"\s*(?:,\s*)?(?:(?:which\s+(?:is|was|will\s+be)\s+|to\s+be\s+|being\s+)?"
                       r"(?:held|hosted|taking\s+place|opening)\s+)?(?:in|at)\s+(?:the\s+)?$")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.sub(r"^(?:the\s+)?\d+(?:st|nd|rd|th)\s+", "", name).split()
                   if w[0].isupper())


def _events_named(sentence: str) -> set[str]:
    """The event names and acronyms a sentence names, each as its acronym (`WKBC`) where it
    has one of three letters or more, else as its name."""
    keys = {m.group(1) for m in _ACRONYM.finditer(sentence) if m.group(1) not in _NOT_EVENTS
            and m.group(1) not in _countries_en() and m.group(1) not in US_STATES_EN}
    for m in _EVENT_NAME.finditer(sentence):
        name = re.sub(r"^(?:The|the)\s+", "", m.group(1))
        keys.add(_initials(name) if len(_initials(name)) >= 3 else name)
    return keys


def event_city(sentence: str, text: str, countries: set[str]) -> PlaceFound | None:
    """The city of an event a sentence names and places nowhere (`On October 11, the opening
    day of the WKBC, the Mayor will ...`), where the article's other sentences put that event
    (by its name or its acronym) in one city only, right after it (`the WKBC in Anaheim`,
    `the World Korean Business Convention at the Anaheim Convention Center`), with the reason;
    None when they name no city or several."""
    wanted = _events_named(sentence)
    if not wanted:
        return None
    cities: dict[str, tuple[PlaceFound, str, str]] = {}
    for other in re.split(r"(?<=[.!?])\s+|\n+", text):
        if not other.strip() or other.strip() in sentence:
            continue
        places = find_places(other, countries)
        mentions = [(m.end(), m.group(1)) for m in _ACRONYM.finditer(other)]
        mentions += [(m.end(), _initials(re.sub(r"^(?:The|the)\s+", "", m.group(1)))) for m in _EVENT_NAME.finditer(other)]
        mentions += [(m.end(), re.sub(r"^(?:The|the)\s+", "", m.group(1))) for m in _EVENT_NAME.finditer(other)]
        for end, key in mentions:
            if key not in wanted:
                continue
            after = [p for p in places if p.begin >= end]
            if after and _EVENT_AT.fullmatch(other[end:after[0].begin]):
                cities.setdefault(after[0].city.en, (after[0], key, other.strip()))
    if len(cities) != 1:
        return None
    ((place, key, other),) = cities.values()
    note = Reason(N_("The sentence names no city; it names {event}, which another sentence of the article puts "
                     "in {city} ('{excerpt}…'), and no sentence puts elsewhere."),
                  event=key, city=place.city.en, excerpt=other[:60])
    return dataclasses.replace(place, begin=-1, end=-1, note=note)


# -- the first stop of a trip that starts with it ---------------------------------------------

# `Starting Friday, Oh will visit Paris and then Lausanne ...`, `Beginning on Sept. 15, the
# delegation will first travel to Singapore, followed by ...`: the trip's start, then its first city.
_STARTS_WITH = re.compile(r"^\s*(?:Starting|Beginning|From)\b[^,.;]{1,30},\s+[^,.;]{1,60}?\b"
                          r"(?:will|plans?\s+to|is\s+to|is\s+scheduled\s+to|is\s+set\s+to)\s+(?:first\s+)?"
                          r"(?:visit|travel\s+to|head\s+to|fly\s+to|go\s+to|arrive\s+in|stop\s+in|tour)\s+$")
_THEN = re.compile(r"^\s*(?:,\s*)?(?:(?:and\s+)?then|before|followed\s+by|after\s+which)\b")


def first_stop(sentence: str, places: list[PlaceFound]) -> tuple[PlaceFound, str] | None:
    """The city a sentence that starts the trip visits first, with the words that say so:
    the first city after the verb of `Starting Friday, Oh will visit Paris and then ...`,
    where the next city follows it in order (`and then`, `before`, `followed by`) or is none."""
    ordered = sorted(places, key=lambda p: p.begin)
    if not ordered or not _STARTS_WITH.match(sentence[:ordered[0].begin]):
        return None
    first = ordered[0]
    if len(ordered) > 1 and not _THEN.match(sentence[first.end:ordered[1].begin]):
        return None
    return first, sentence[:ordered[0].end].strip()


# -- days counted in English -----------------------------------------------------------------

_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                                   "eighth", "ninth", "tenth"))}
_CARDINAL_WORDS = {w: i + 1 for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight",
                                                    "nine", "ten"))}
# `On the second day of the trip`, `During the third day`, `On day two`, `On the last day of his
# visit`; not `the second day of the forum` nor `the second day in Geneva`, which count the days
# of an event or of one city, not the trip's.
_COUNTED_DAY = re.compile(
    r"\b(?:[Oo]n|[Dd]uring|[Ff]or|[Ii]n)\s+(?:the\s+)?(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|last|final)\s+day|[Dd]ay\s+(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))\b"
    r"(?:\s+of\s+(?:the|his|her|their|its|this)\s+(?:[\w-]+\s+){0,2}?(?:trip|visit|tour|stay|itinerary|mission|"
    r"journey|schedule|programme|program))?")
_NOT_THE_TRIPS = re.compile(r"\s+(?:of|in|at)\s")
# `A day later, ...`, `The day after, ...`: the day after the one told before.
_DAY_LATER = re.compile(r"\b(?:[Aa] day later|[Tt]he day after(?=\s*,)|[Tt]he next morning|[Tt]he following morning)\b")
# `met Mayor Morel Monday (local time)`: a weekday marked as local time abroad, without `on`
# (`on Monday` is read by dates.relative_day; `officials said Monday`, at home, has no mark).
_WEEKDAY_LOCAL = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*"
                            r"(?:\(\s*local\s+time\s*\)|,?\s+local\s+time\b)")
# `That evening, ...`, `Later that day`: the day told before.
_SAME_DAY_EN = re.compile(r"\b(?:[Tt]hat|[Tt]he same) (?:morning|afternoon|evening|night)\b")


def counted_day(sentence: str, previous: dt.date | None, start: dt.date,
                end: dt.date) -> tuple[dt.date, str] | None:
    """A trip day an English sentence counts from the start or the end (`On the second day of
    the trip`, `On the last day`) or from the day told before (`A day later`, `That evening`),
    or a weekday marked as local time (`Monday (local time)`) when one day of the trip is on it,
    with its words."""
    m = _COUNTED_DAY.search(sentence)
    if m and not _NOT_THE_TRIPS.match(sentence, m.end()):
        word = (m.group(1) or m.group(2)).lower()
        if word in ("last", "final"):
            return end, m.group(0)
        n = _ORDINAL_WORDS.get(word) or _CARDINAL_WORDS.get(word) or int(word)
        date = start + dt.timedelta(days=n - 1)
        return (date, m.group(0)) if start <= date <= end else None
    m = _DAY_LATER.search(sentence)
    if m and previous is not None:
        return previous + dt.timedelta(days=1), m.group(0)
    m = _SAME_DAY_EN.search(sentence)
    if m and previous is not None:
        return previous, m.group(0)
    m = _WEEKDAY_LOCAL.search(sentence)
    if m:
        weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday").index(m.group(1))
        on = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)
              if (start + dt.timedelta(days=i)).weekday() == weekday]
        if len(on) == 1:
            return on[0], m.group(0)
    return None


# -- plans given up ---------------------------------------------------------------------------

# `He originally planned to travel to Shanghai ... but he modified the schedule`, `the visit to
# Osaka was called off`, `Park will instead send a delegation to Shanghai`: a plan given up, or
# handed to others, names no stop of the trip.
_DROPPED_PLAN = re.compile(r"\b(?:originally|initially)\s+(?:planned|intended|scheduled|meant)\b|"
                           r"\bhad\s+(?:planned|intended|been\s+(?:scheduled|planned))\b|"
                           r"\b(?:cancel(?:l)?ed|called\s+off|scrapped)\b|\binstead\s+(?:send|dispatch)\b")


def dropped_plan(sentence: str) -> bool:
    """Whether an English sentence tells of a plan given up or handed to others."""
    return bool(_DROPPED_PLAN.search(sentence))
