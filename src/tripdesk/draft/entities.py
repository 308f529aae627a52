"""People and organisations named in an article, and their ids.

- People: a Korean name (a surname and one to three syllables, read as a proper noun by the
  analyser) before a role (`김장호 구미시장`, `최병로 상근부회장`), or after one in
  parentheses (`구미시(시장 남유진)`); a foreign name with its Latin spelling in parentheses
  (`밥 휠너(Bob Filner) 샌디에이고 시장`). Later short references (`남 시장`, `장 부시장`)
  are resolved to them.
- Organisations: the store's known organisations by name or alias; noun phrases that end in
  a word of an organisation's kind (협회, 연구소, 상공회의소, 대학, 영화제 ...); names with a
  Latin spelling in parentheses (`블리자드(Blizzard)`); proper nouns the analyser reads, next
  to the verbs of a visit (`록히드마틴과 델타항공 등 ... 방문`).
- Ids: the store's id when a name or alias matches (구미시 is `gumi-city`); else a slug of the
  English name when the article gives one, else of a romanisation (listed for review).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .analyser import analyse

SURNAMES = set("김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공현함변염"
               "여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호")
# Conventional spellings of common surnames (the Revised Romanization gives Gim, I, Bak...).
SURNAME_EN = {"김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho",
              "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
              "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "전": "Jeon", "홍": "Hong", "유": "Yoo",
              "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo",
              "남": "Nam", "심": "Shim", "노": "Noh", "하": "Ha", "곽": "Kwak", "성": "Sung", "차": "Cha",
              "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "류": "Ryu", "나": "Na", "진": "Jin",
              "지": "Ji", "엄": "Eom", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong",
              "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo", "도": "Do",
              "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon", "위": "Wi",
              "표": "Pyo", "명": "Myung", "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Keum", "옥": "Ok"}

# Roles, longest first so that 경제과학부시장 is read before 부시장 and 시장.
ROLES = sorted("""시장 부시장 행정부시장 경제부시장 정무부시장 경제과학부시장 제1부시장 제2부시장 제3부시장 도지사 지사 부지사
행정부지사 경제부지사 정무부지사 제1부지사 제2부지사 군수 부군수 구청장 시의회의장 도의회의장 의장 부의장 시의원 도의원 의원 회장 부회장 상근부회장 명예회장 사장
부사장 대표 대표이사 이사장 원장 부원장 총장 부총장 교수 청장 단장 부단장 국장 과장 실장 본부장 센터장 위원장 총영사
영사 대사 관장 무역관장 소장 사무총장 사무국장 이사 전무 상무 주지사 청장 교육감 지부장 부지부장 국무총리
카운티장 장관 국무장관 차관 부장관""".split(),
               key=len, reverse=True)
ROLE_EN = {"시장": "Mayor", "부시장": "Vice Mayor", "행정부시장": "Administrative Vice Mayor",
           "경제부시장": "Vice Mayor for Economic Affairs", "정무부시장": "Vice Mayor for Political Affairs",
           "경제과학부시장": "Vice Mayor for Economic Science", "제1부시장": "First Vice Mayor",
           "제2부시장": "Second Vice Mayor", "제3부시장": "Third Vice Mayor", "도지사": "Governor", "지사": "Governor",
           "부지사": "Vice Governor", "군수": "County Head", "구청장": "District Head", "의장": "Chair",
           "회장": "Chair", "교수": "Professor", "총장": "President", "원장": "President", "단장": "Head",
           "국무총리": "Prime Minister", "카운티장": "County Executive", "장관": "Minister",
           "국무장관": "Secretary of State"}
# The titles of a Korean government's head and deputy.
_GOVERNMENT_TITLES = ("시장", "부시장", "행정부시장", "경제부시장", "정무부시장", "제1부시장", "제2부시장", "제3부시장",
                      "도지사", "지사", "부지사", "행정부지사", "경제부지사", "정무부지사", "제1부지사", "제2부지사", "군수",
                      "부군수", "구청장")
LEADER_ROLES = ("시장", "부시장", "도지사", "지사", "부지사", "군수", "부군수", "구청장", "의장", "회장", "청장",
                "교육감", "부의장", "국무총리")

_ROLE_ALT = "|".join(ROLES)
# What may follow a role: a particle, a mark, the end (`문덕호 시애틀 총영사에게`).
_AFTER_ROLE = r"(?=[은는이가을를의과와도,\s)(]|에게|께|$)"
# Where a photo shows the person, between the name and the role: `이성헌(사진 왼쪽 네 번째) 구청장`.
# Also the name in Chinese characters: `정원찬(鄭文燦) 도원시장`.
_PHOTO_NOTE = r"(?:\((?:사진\s*)?(?:왼쪽|오른쪽|가운데|앞줄|뒷줄|앞|뒤)[^()]{0,15}\)|<사진>|\[사진\]|\(사진\)|\([\u4e00-\u9fff]{2,4}\))"
# 김장호 구미시장 / 최병로 상근부회장 / 장호종 경제과학부시장 / 김상희 단장 (on one line: `지자체` over
# `양승조 충남지사` is a page's section name above a headline)
# (a lookahead, so that every word is tried as a name: matches overlap)
_NAME_ROLE = re.compile(rf"(?=(?<![가-힣])([가-힣]{{2,4}})(?:{_PHOTO_NOTE}[^\S\n]*|[^\S\n]+)((?:[가-힣A-Za-z]+[^\S\n])?[가-힣]*?(?:{_ROLE_ALT}))"
                        rf"{_AFTER_ROLE})")
# 함 명준 강원도 고성 군수 / 김 영수 사무국장: a name written with a space after the surname
_SPACED_NAME_ROLE = re.compile(rf"(?<![가-힣])([가-힣])[^\S\n]([가-힣]{{2}})[^\S\n]+((?:[가-힣A-Za-z]+[^\S\n]){{0,2}}[가-힣]*?"
                               rf"(?:{_ROLE_ALT})){_AFTER_ROLE}")
# 수잔 손 부에나파크 시장 / 조이스 안 부시장: a foreign given name, then a one-syllable surname
# (a Korean name with a space is the other way round: 함 명준)
_WESTERN_NAME_ROLE = re.compile(rf"(?<![가-힣])([가-힣]{{2,4}})[^\S\n]([가-힣])[^\S\n]+((?:[가-힣A-Za-z]+[^\S\n]){{0,2}}[가-힣]*?"
                                rf"(?:{_ROLE_ALT})){_AFTER_ROLE}")
# 데니스 맥너니 카운티장: a foreign name of two words, each a proper noun, before a title
# (or with the place the title is of between: 이토 카즈키 야마구치시 시장)
_TWO_WORD_NAME_ROLE = re.compile(rf"(?<![가-힣])([가-힣]{{2,4}})[^\S\n]([가-힣]{{2,4}})[^\S\n]+((?:[가-힣]{{2,8}}(?:시|현|주)[^\S\n])?"
                                 rf"(?:{_ROLE_ALT})){_AFTER_ROLE}")
# 서산시장 이완섭을 비롯한 방문단: a local government's head named after the title
_TITLE_FIRST = re.compile(r"(?<![가-힣])([가-힣]{1,5}?)(시장|군수|구청장|도지사)[^\S\n]([가-힣]{3})(?=을|를|이|가|은|는|과|와|의|,|\s)")
# 심재덕시장을 비롯: a name and its role run together, as older articles write them
_GLUED_NAME_ROLE = re.compile(rf"(?<![가-힣])([가-힣]{{3}})({_ROLE_ALT}){_AFTER_ROLE}")
_GLUED_NAME_GOVERNMENT = re.compile(rf"(?<![가-힣])([가-힣]{{3}})([가-힣]{{1,4}}?(?:시장|군수|구청장|도지사)){_AFTER_ROLE}")
# 구미시(시장 남유진) / (단장 김상희) / (단장 봉화군수 박노욱)
_ROLE_NAME = re.compile(rf"\((?:[가-힣A-Za-z]+\s)?((?:[가-힣]{{1,4}}(?=시장|군수|구청장|도지사))?(?:{_ROLE_ALT}))"
                        rf"\s+([가-힣]{{2,4}})\)")
# 밥 휠너(Bob Filner) 샌디에이고 시장
_FOREIGN = re.compile(r"(?<![가-힣])([가-힣]{1,6}\s[가-힣]{1,8})\s?\(([A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){1,3})\)"
                      rf"(?:\s*((?:[가-힣A-Za-z]+\s)?[가-힣]*?(?:{_ROLE_ALT})))?")
_HEAD_IN_PARENTHESES = re.compile(r"(?<=[시군구도])\((시장|군수|구청장|도지사|지사|교육감)\s([가-힣]{2,4})\)")
# A Latin name that is a company's, not a person's.
_COMPANY_EN = re.compile(r"\b(?:Trading|Inc|Co|Corp|Corporation|Company|Group|Ltd|LLC|Industries|International|"
                         r"Holdings|Bank|Technologies|Tech|Foods?|Produce|Logistics|Systems|Solutions|Partners)\b\.?")
# 남 시장 / 장 부시장
_SHORT = re.compile(rf"(?<![가-힣])([가-힣])\s?({_ROLE_ALT})(?=[은는이가을를의과와도,\s]|$)")

ORG_SUFFIXES = {
    "university": ("대학교", "대학", "공대", "대학원"),
    "research": ("연구소", "연구원", "연구단지", "연구센터", "기술원", "연구재단"),
    "association": ("협회", "상공회의소", "회의소", "진흥회", "연합회", "협의회", "학회", "상인회", "재단", "조합",
                    "지부", "사업단", "클러스터", "한인회", "교민회", "동포회", "상공회", "총연합회"),
    "government": ("시청", "도청", "군청", "시의회", "도의회", "총영사관", "영사관", "대사관", "무역관", "사무소",
                   "정부", "공사", "진흥원", "위원회", "부처", "카운티", "우주국", "관리국", "식약청", "관리청", "개발청", "항공청", "경찰청", "보건청",
                   "환경청", "기상청", "관세청", "특허청", "조달청", "통계청", "산림청", "국세청", "외무국", "사회국",
                   "인민위원회"),
    "venue": ("도서관", "박물관", "미술관", "센터", "공항", "항만", "컨벤션센터"),
    "event": ("영화제", "전시회", "박람회", "엑스포", "컨퍼런스", "콘퍼런스", "포럼", "축제", "대회", "페스티벌",
              "학술대회", "쇼"),
    "company": ("항공", "전자", "그룹", "은행", "테크웍스", "테크놀로지", "자동차", "중공업", "제약", "바이오", "공장"),
}
_SUFFIXES = tuple(sorted((s for v in ORG_SUFFIXES.values() for s in v), key=len, reverse=True))
_SUFFIX_ALT = "|".join(sorted((s for v in ORG_SUFFIXES.values() for s in v), key=len, reverse=True))
_ORG = re.compile(rf"((?:[가-힣A-Za-z0-9·&\-]+\s){{0,2}}[가-힣A-Za-z0-9·&\-]*?(?:{_SUFFIX_ALT}))"
                  rf"(?:\s?\(([A-Za-z][A-Za-z0-9 .&\-]+)\))?(?=[은는이가을를의과와도에,·\s)(]|$|등|측)")
_NAME_LATIN = re.compile(r"([가-힣][가-힣A-Za-z0-9]*)\s?\(([A-Z][A-Za-z0-9 .&\-]+)\)([가-힣]*)")
# Words that end like an organisation but are not one (한국 "Korea"+사, 방문 일정 ...).
_NOT_ORG = re.compile(r"^(이번|그|이|해당|지역|관련|현지|국내|해외|세계|글로벌|주요|각|양|모든|다른|여러|우리|전|기|사|회사|"
                      r"방문|참가|참석|개최|추진|기업|협력|교류|투자|경제|산업|기술|정책|행사|대회|쇼|포럼|센터|사업단|"
                      r"인사|감사|조사|검사|기사|역사|의사|대사|회의사|변호사|여사|강사|양시|양국|양측|양도시)$|(밸리|지역|현지|일대|기자|방문)$")
_ORG_STOP_HEAD = re.compile(r"^(및|등|또한|특히|이어|이번|지난|오는|그리고|한편|아울러|현지|지역|주요|해외|"
                            r"글로벌|세계적인|세계|대표적인|미국|미|국내|관련)\s")


@dataclass
class PersonFound:
    ko: str
    en: str | None = None  # from the article (a Latin spelling beside the name)
    role: str | None = None
    evidence: str = ""
    begin: int = 0
    aliases: list[str] = field(default_factory=list)


@dataclass
class OrgFound:
    ko: str
    en: str | None = None
    kind: str = "other"
    begin: int = 0
    evidence: str = ""


def people(text: str) -> list[PersonFound]:
    """The people the text names, each once, in order of first mention."""
    tokens = analyse(text)
    proper = {t.form for t in tokens if t.tag == "NNP"}
    found: dict[str, PersonFound] = {}

    def reads_as_words(begin: int, end: int) -> bool:
        """Whether the analyser reads the span as a verb or with particles (이동해: 이동+하+어),
        not as a name."""
        return any(t.tag[0] in "VEJ" or t.tag in ("XSV", "XSA") for t in tokens if t.begin < end and t.end > begin)

    def add(name: str, role: str | None, begin: int, evidence: str, en: str | None = None) -> None:
        person = found.get(name)
        if person is None:
            found[name] = PersonFound(name, en, role, evidence, begin)
        else:
            person.role = person.role or role
            person.en = person.en or en

    for m in _FOREIGN.finditer(text):
        name, en, role = m.group(1), m.group(2), m.group(3)
        if any(name.endswith(s) for s in _SUFFIX_ALT.split("|")) or _COMPANY_EN.search(en):
            continue  # 베가 트레이딩(Bega Trading): a company
        add(name, role, m.start(), m.group(0), en)
    for m in _WESTERN_NAME_ROLE.finditer(text):
        given, surname, role = m.group(1), m.group(2), m.group(3)
        # (`이날 박 시장은`, `구미시 김 시장`: a word or a place before a surname is no given name)
        if (surname not in SURNAMES or given not in proper or given in ROLES or _is_place_word(given)
                or reads_as_words(m.start(1), m.end(2)) or any(given.endswith(x) for x in _SUFFIXES)):
            continue
        add(f"{given} {surname}", role, m.start(), m.group(0))
    for m in _TWO_WORD_NAME_ROLE.finditer(text):
        given, family, role = m.group(1), m.group(2), m.group(3)
        if not (given in proper and family in proper) or any(
                _is_place_word(w) or w in ROLES or w.endswith(_SUFFIXES)
                for w in (given, family, given + family)) or reads_as_words(m.start(1), m.end(2)):
            continue  # (`구미시 김장호 시장`: a place and a Korean name; `샌타 클래라 시장`: a place)
        if (family[0] in SURNAMES and len(family) == 3) or family.endswith("사"):
            continue  # `아주관광 박평식 사장`, `장용진 키스사 대표`: a company and a Korean name
        if given[0] in SURNAMES and len(given) == 3 and family.endswith(("대", "대학", "대학교")):
            # `박민원 창원대 총장`: a Korean name and the university whose head they are
            add(given, role, m.start(), m.group(0))
            continue
        if " " in role and not _is_place_word(role.split()[0]):
            continue  # the word between is no place
        if not any(family in p.ko for p in found.values()):
            add(f"{given} {family}", role, m.start(), m.group(0))
    for m in _NAME_ROLE.finditer(text):
        name, role = m.group(1), m.group(2)
        if text[max(0, m.start(1) - 1):m.start(1)] in ("-", "·"):  # 페터-안드레 알트: one foreign name
            continue
        # (`박범인 금산군수`, which the analyser reads as 박 + 범 + 이 + ㄴ, a copula and no verb: a name
        # before a Korean government head's title; `이끄는 구미시장`, a verb, is not)
        heads = _heads_a_government(name, role) and not any(
            t.tag in ("VV", "VA", "XSV", "XSA") or t.tag[0] == "J" for t in tokens if t.begin < m.end(1) and t.end > m.start(1))
        if reads_as_words(m.start(1), m.end(1)) and not heads:
            continue
        # (`허전 부시장을 비롯해`, which the analyser reads as 허 + 전, `former`: a surname the analyser takes
        # for a name and one syllable before a government's title, unless the two are a word, `오전`)
        heads = heads or (len(name) == 2 and name[0] in SURNAMES and role_tail(role) in _GOVERNMENT_TITLES
                          and any(t.form == name[0] and t.tag == "NNP" and t.begin == m.start(1) for t in tokens)
                          and not any(t.form == name and t.tag in ("NNG", "NNB", "NP", "MAG", "MM") for t in analyse(name)))
        if (_korean_name(name, proper) or heads) and not any(
                name in p.ko for p in found.values()):
            add(name, role, m.start(), text[m.start(1):m.end(2)])
    for m in _SPACED_NAME_ROLE.finditer(text):
        surname, given, role = m.group(1), m.group(2), m.group(3)
        name = surname + given
        if surname not in SURNAMES or given in ROLES or reads_as_words(m.start(2), m.end(2)) or _is_place_word(given):
            continue
        if any(name in p.ko for p in found.values()):
            continue
        add(name, role, m.start(), m.group(0))
        found[name].aliases.append(f"{surname} {given}")  # as the article writes it
    for m in _HEAD_IN_PARENTHESES.finditer(text):
        # `보령시(시장 김동일)는`: the government's head; the title of one named otherwise too (`김동일 단장`)
        # unless that is already a government's (`김동일 보령시장`)
        name, title = m.group(2), m.group(1)
        if name in found:
            if not (found[name].role or "").endswith(_GOVERNMENT_TITLES):
                found[name].role = title
        elif _korean_name(name, proper) and not reads_as_words(m.start(2), m.end(2)):
            add(name, title, m.start(2), m.group(0).strip("()"))
    from . import localgov  # (here: localgov's module loads the gazetteer's data)

    governments = localgov.by_name()
    for m in _TITLE_FIRST.finditer(text):
        place, title, name = m.group(1), m.group(2), m.group(3)
        # (a short name, 서산, is one of its government's names; 서산시장's full name less 시 is not:
        # 서울특별시장)
        if (name[0] not in SURNAMES or (place not in governments and place + "시" not in governments)
                or reads_as_words(m.start(3), m.end(3)) or not _korean_name(name, proper)):
            continue
        if not any(name in p.ko for p in found.values()):
            add(name, place + title, m.start(3), m.group(0))
    for m in _GLUED_NAME_ROLE.finditer(text):
        name, role = m.group(1), m.group(2)
        # (`남양주시장`, `전라남도지사`: a government and its head's title, not a name)
        if any(name + tail in governments for tail in ("", "시", "군", "구", "도")) or reads_as_words(m.start(), m.end(2)):
            continue
        if any(len(r) > len(role) and (name + role).endswith(r) for r in ROLES):
            continue  # (`경제부시장 단장으로`: the title 경제부시장, not 경제부 the 시장)
        if (_korean_name(name, proper) or name + role in proper) and not any(name in p.ko for p in found.values()):
            add(name, role, m.start(), m.group(0))
    for m in _GLUED_NAME_GOVERNMENT.finditer(text):
        # (`임창호함양군수와`: a name, a Korean government and its head's title, run together)
        name, role = m.group(1), m.group(2)
        if _heads_a_government(name, role) and not any(name in p.ko for p in found.values()):
            add(name, role, m.start(), m.group(0))
    for m in _ROLE_NAME.finditer(text):
        role, name = m.group(1), m.group(2)
        if name[0] in SURNAMES:  # `(단장 김상희)`: the parentheses say it is a name
            before = text[max(0, m.start() - 12):m.start()]
            place = (re.findall(r"([가-힣]+?)(?:시|군|도)?$", before) or [""])[0]
            add(name, (place + role) if role in ("시장", "군수", "지사") and place else role, m.start(), m.group(0))
    return sorted(found.values(), key=lambda p: p.begin)


def _heads_a_government(name: str, role: str) -> bool:
    """A surname and two syllables before the title of a Korean government's head (`김홍장
    당진시장`, which the analyser reads as 김홍 and 장): a name, whatever its last syllable."""
    from .localgov import by_name

    m = re.fullmatch(r"([가-힣]{2,5}?)(?:시|군|구|도)?(?:시장|군수|구청장|도지사)", role)
    return (len(name) == 3 and name[0] in SURNAMES and m is not None and not _is_place_word(name)
            and any(m.group(1) + tail in by_name() for tail in ("", "시", "군", "구")))


# Words of three syllables that begin with a surname and stand before a name and title: `이러한
# 가운데 송하진 전북도지사는`, `이뤄진 가운데 완도군이 ...`.
_WORDS_NOT_NAMES = frozenset({"가운데", "이번에", "이어서", "이밖에", "이외에", "이로써", "이날도", "이후로", "전날에",
                              "당일에"})


def _korean_name(name: str, proper: set[str]) -> bool:
    if name[0] not in SURNAMES or len(name) < 2 or _is_place_word(name) or name in _WORDS_NOT_NAMES:
        return False
    if any(name.endswith(s) for s in _SUFFIXES):  # 한인회 회장: the body, not a person called 한인회
        return False
    if len(name) == 3 and not re.search(r"[회단청부원위국처실과팀시군구도장관]$", name):
        return True  # a surname and two syllables before a role: 홍성옥 총무과장
    if name in proper:
        return True
    # The analyser sometimes joins a name to the next word; accept a name it read inside one.
    return any(p.startswith(name) and len(p) > len(name) for p in proper) and len(name) == 3


def role_tail(role: str) -> str:
    """The title a role ends in, the longest that fits (`구미시장`: 시장, `경제부시장`: itself), else
    the role as it is."""
    return next((r for r in ROLES if role.endswith(r)), role)


def short_reference(words: str, people_found: list[PersonFound]) -> PersonFound | None:
    """The person `남 시장` or `장 부시장` refers to (surname and role), if one fits."""
    m = _SHORT.fullmatch(words.strip())
    if not m:
        return None
    surname, role = m.group(1), m.group(2)
    fits = [p for p in people_found if p.ko.startswith(surname) and p.role and p.role.endswith(role)]
    return fits[0] if len(fits) == 1 else None


# A name followed by a title is a person's: 슈뢰더 전 독일총리, 페터-안드레 알트 총장.
_PERSON_AFTER = re.compile(r"[\s\-가-힣]{0,14}?(총리|장관|총장|교수|대사|지사|주지사|시장|회장|의원|위원장|대통령|서기|국장|의장)")
_NOUNISH = {"NNP", "NNG", "SL", "SN", "SH", "XSN", "XPN"}
_VISIT_WORDS = re.compile(r"방문|찾아|찾은|찾았|시찰|견학|면담|만나|협약|간담회|논의|참석|참가|접견")
_LATIN_AFTER = re.compile(r"\s?\(([A-Za-z][A-Za-z0-9 .&'\-]+)(?:[·,]\s?[가-힣]+)?\)")


def organisations(text: str, exclude: set[str] | None = None) -> list[OrgFound]:
    """Organisations in the text: noun phrases that end in a word of an organisation's kind
    and hold a proper noun (or are one compound word), and proper nouns that the text visits
    or meets. `exclude`: names that are places or people, never organisations."""
    exclude = exclude or set()
    tokens = analyse(text)
    found: dict[str, OrgFound] = {}
    for chunk in _chunks(text, tokens):
        candidate = _org_in_chunk(text, chunk, exclude)
        if candidate is None:
            continue
        begin, end = candidate
        if _not_an_organisation(text, begin, end, chunk):
            continue
        name = text[begin:end]
        latin = _LATIN_AFTER.match(text, end)
        en = latin.group(1).strip() if latin else None
        if name in found:
            found[name].en = found[name].en or en
            continue
        found[name] = OrgFound(name, en, org_kind(name), begin, _clause(text, begin, end))
    # A body with its Latin name or acronym in parentheses: 국립식약청(FDA), 케슬러 컬렉션(Kessler
    # Collection); a concept's acronym (증강현실(AR)) is not one, hence the endings or the full name.
    for m in _WITH_LATIN.finditer(text):
        name, en = m.group(1).strip(), m.group(2).strip()
        # `대표단은 베가 트레이딩(Bega Trading)`: not the words before it that end in a particle
        name = re.sub(r"^(?:[가-힣]+(?:은|는|을|를|에서|에게)\s)+", "", name)
        acronym = re.fullmatch(r"[A-Z]{2,6}", en) is not None
        if acronym and not re.search(r"[원처국부청회단관]$", name):
            continue
        if not acronym and not re.fullmatch(r"[A-Z][A-Za-z.&'\-]*(?:\s[A-Z&][A-Za-z.&'\-]*)+", en):
            continue
        if name in exclude or any(name in known or known in name for known in found) or _is_place_word(name) \
                or any(_is_place_word(w) for w in name.split()) or _PERSON_AFTER.match(text, m.end()):
            continue
        found[name] = OrgFound(name, en, org_kind(name), m.start(), _clause(text, m.start(), m.end()))
    # A company marked as one: 가나테크(주), ㈜가나테크, (주)가나테크.
    for m in _COMPANY_MARK.finditer(text):
        name = (m.group(1) or m.group(2)).strip()
        if len(name) >= 2 and name not in exclude and not any(name in known or known in name for known in found):
            found[name] = OrgFound(name, None, "company", m.start(), _clause(text, m.start(), m.end()))
    return sorted(found.values(), key=lambda o: o.begin)


_WITH_LATIN = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,12}(?:\s[가-힣]{2,10}){0,2})\s?\(([A-Za-z][A-Za-z .&'\-]+?)\)"
                         r"(?=[가-힣'’\s,.]|$)")
_COMPANY_MARK = re.compile(r"(?:\(주\)|㈜)\s?([가-힣A-Za-z][가-힣A-Za-z0-9&]+)|"
                           r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9&]+)\s?(?:\(주\)|㈜)")
# What a lone proper noun is when it is not an organisation: a place one travels to
# (오렌지버그로 이동), a nickname in quotes ('로켓도시'로 불리는), a site (온천, 고분군, 공원).
_PLACE_AFTER = re.compile(r"\)?\s?(?:으로|로)\s?(?:이동|향하|향해|건너)|\)?\s?에\s?도착")
_NICKNAME = re.compile(r"^['‘’\"“”]\s?(?:로|으로|라는|이라는|라고)\s?(?:불리|일컬|알려)?")
_SITE = re.compile(r"(온천|고분군|유적|유적지|공원|마을|광장|해변|해수욕장|도시|밸리|거리|시장|성지|단지)$")
# A lone name listed with a place (`시카고와 워싱턴, 샌프란시스코를 돌며`): a place too.
_AMONG_PLACES_BEFORE = re.compile(r"([가-힣]{2,10})(?:와|과|,|·|\s및)\s?$")
_AMONG_PLACES_AFTER = re.compile(r"\s?(?:,|·|와|과|\s및)\s?([가-힣]{2,10}?)(?:와|과|을|를|,|·|\s|$)")
_PERSON_IN_PARENTHESES = re.compile(rf"\((?:[가-힣A-Za-z]+\s)?(?:{_ROLE_ALT})\s?[:：]?\s?$")


def _not_an_organisation(text: str, begin: int, end: int, chunk: list) -> bool:  # noqa: ANN001
    """Whether a candidate is something else: the bare word of a kind (클러스터), a person named
    with a role in parentheses (시장:사이토 후미오), and, for a lone proper noun with no word of an
    organisation's kind, a place, a nickname, a site, or a field in a list of fields (방산·항공·우주)."""
    name = text[begin:end]
    if name in _SUFFIXES:
        return True
    if _PERSON_IN_PARENTHESES.search(text[max(0, begin - 16):begin]):
        return True
    if re.search(r"=\s?$", text[max(0, begin - 2):begin]) or re.match(r"\s?(?:\]|\s?기자)", text[end:end + 4]):
        return True  # [서울=뉴스핌], 뉴스핌 기자: the outlet, not a party to the trip
    if any(name.endswith(s) for s in _SUFFIXES):
        return False
    if _PLACE_AFTER.match(text, end) or _NICKNAME.match(text[end:end + 8]) or _SITE.search(name):
        return True
    before = _AMONG_PLACES_BEFORE.search(text[max(0, begin - 16):begin])
    after = _AMONG_PLACES_AFTER.match(text, end)
    if (before and _is_place_word(before.group(1))) or (after and _is_place_word(after.group(1))):
        return True  # 시카고와 워싱턴, 샌프란시스코: a place among places
    if text[begin - 1:begin] == "(" and _is_place_word(text[max(0, begin - 12):begin - 1].split()[-1:][0]
                                                        if text[max(0, begin - 12):begin - 1].split() else ""):
        return True  # 뉴욕(오렌지버그): a place within a place
    # 방산·항공·우주: a field among fields, not a company among companies (지멘스·보잉사)
    if text[end:end + 1] == "·" or text[begin - 1:begin] == "·":
        left = re.search(r"(?:[가-힣A-Za-z]+·)*$", text[max(0, begin - 20):begin]).group(0)
        right = re.match(r"(?:·[가-힣A-Za-z]+)*", text[end:end + 20]).group(0)
        neighbours = [w for w in (left + right).split("·") if w]
        tags = [analyse(w)[0].tag for w in neighbours]
        if tags and all(t == "NNG" for t in tags):
            return True
    return False


def _chunks(text: str, tokens: tuple) -> list[list]:
    """Runs of noun-like morphemes written together or one space apart."""
    chunks: list[list] = []
    current: list = []
    for tok in tokens:
        if tok.tag in _NOUNISH:
            if current and text[current[-1].end:tok.begin] not in ("", " "):
                chunks.append(current)
                current = []
            current.append(tok)
        else:
            if current:
                chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _org_in_chunk(text: str, chunk: list, exclude: set[str]) -> tuple[int, int] | None:
    last = None
    for k, tok in enumerate(chunk):
        head = text[chunk[0].begin:tok.end]
        if any(head.endswith(s) for s in _SUFFIXES) and (k + 1 == len(chunk) or chunk[k + 1].begin > tok.end
                                                          or not _continues_word(chunk[k + 1])):
            last = k
    proper = lambda t: t.tag in ("NNP", "SL") and text[t.begin:t.end] not in exclude  # noqa: E731
    if last is None:
        # A lone proper noun the text visits or meets: a company or institution by its name.
        if len(chunk) == 1 and chunk[0].tag == "NNP":
            begin, end = chunk[0].begin, chunk[-1].end
            name = text[begin:end]
            clause = _clause(text, begin, end)
            if (len(name) >= 2 and name not in exclude and not _is_place_word(name)
                    and _VISIT_WORDS.search(clause) and not _NOT_ORG.match(name)
                    and not _PERSON_AFTER.match(text, end)):
                return begin, end
        return None
    part = chunk[:last + 1]
    while len(part) > 1 and (not proper(part[0]) or _is_place_word(text[part[0].begin:part[0].end])) and any(
            proper(t) and not _is_place_word(text[t.begin:t.end]) for t in part[1:]) and (
            text[part[1].begin:part[-1].end] not in _SUFFIXES):  # 뉴욕 한인회 stays whole
        part = part[1:]
    while len(part) > 1 and _ORG_STOP_HEAD.match(text[part[0].begin:part[0].end] + " ") and (
            text[part[0].end:part[1].begin] == " " or text[part[0].begin:part[0].end] in ("및", "등")):
        part = part[1:]  # 세계 한인회 → 한인회, but 세계한인비즈니스대회 stays whole
    # 다오미 푸옌성 인민위원회: a person's name before the place whose body it is
    if (len(part) > 2 and part[0].tag == "NNP" and text[part[0].end:part[1].begin] == " "
            and not _is_place_word(text[part[0].begin:part[0].end])
            and part[1].tag == "NNP" and (_is_place_word(text[part[1].begin:part[1].end])
                                         or re.search(r"[성시주현군도구정]$", text[part[1].begin:part[1].end]))):
        part = part[1:]
    begin, end = part[0].begin, part[-1].end
    name = text[begin:end]
    if _NOT_ORG.match(name) or name in exclude:
        return None
    if any(proper(t) for t in part):
        return begin, end
    if " " not in name and len(name) >= 5:  # one compound word: 한국방위산업진흥회
        return begin, end
    return None


def _continues_word(tok) -> bool:  # noqa: ANN001
    return tok.tag in ("XSN",)


# Continents and regions of the world: places, never organisations (`유럽의 모 업체`).
REGIONS_OF_THE_WORLD = frozenset({"유럽", "아시아", "아프리카", "중동", "북미", "남미", "중남미", "동남아", "동남아시아",
                                  "중앙아시아", "동유럽", "서유럽", "북유럽", "오세아니아", "미주", "중미", "동북아"})


def _is_place_word(word: str) -> bool:
    from .localgov import by_name
    from .places import city_index, country_index, state_index

    if word in REGIONS_OF_THE_WORLD:
        return True
    base = re.sub(r"(시|주|군|도)$", "", word)
    return any(w in idx for w in (word, base) for idx in (city_index(), country_index(), state_index(), by_name()))


def org_kind(name: str) -> str:
    base = re.sub(r"\s?\(.*?\)", "", name)
    for kind, suffixes in ORG_SUFFIXES.items():
        if any(base.endswith(s) for s in suffixes):
            return kind
    if re.search(r"\b(19|20)\d{2}\b", name):
        return "event"
    return "company"


def _clause(text: str, begin: int, end: int) -> str:
    left = max(text.rfind(".", 0, begin), text.rfind("\n", 0, begin))
    right = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    return text[left + 1:(min(right) + 1) if right else len(text)].strip()


# -- ids and romanisation ---------------------------------------------------------------------


def slug(text: str) -> str:
    """An id from a name: lower-case letters and digits joined by hyphens, accents dropped from
    their letters (`City of Biên Hòa`: city-of-bien-hoa)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:60].strip("-") or "x"


def romanise(ko: str) -> str:
    """The Revised Romanization of Korean text (korean-romanizer), syllable by syllable for
    names, so that a name reads 'Jang-ho' rather than a run of letters."""
    from korean_romanizer.romanizer import Romanizer

    return Romanizer(ko).romanize()


def romanise_name(ko: str) -> str:
    """A Korean personal name: the conventional surname spelling, then the given name."""
    from korean_romanizer.romanizer import Romanizer

    surname, given = ko[0], ko[1:]
    first = SURNAME_EN.get(surname) or Romanizer(surname).romanize().capitalize()
    parts = [Romanizer(ch).romanize() for ch in given]
    return f"{first} {'-'.join(parts).capitalize()}" if parts else first
