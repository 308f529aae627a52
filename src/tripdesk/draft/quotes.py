"""Quotes: the words inside quotation marks, verbatim, with who said them.

A quote is a run of at least ten characters inside “ ” or " " (a closing mark typed as an
opening one, “...“, is accepted) followed by a quotative ending (`라며`, `라고`, `고 밝혔다`,
`는 포부를 밝혔다`). Short quoted phrases (‘로켓도시’) are names, not quotes. The speaker is
the person named before the quote in its sentence (a full name or `남 시장`), else the one
named after it (`...”라고 김 시장은 말했다`), else the speaker of the quote just before in the
same sentence. Saved texts that lost their quotation marks (`남유진 구미시장은 ...이라며 ...
라고 밝혔다`) give the words between the speaker and the quotative ending, marked as inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import ORG_SUFFIXES, PersonFound, role_tail, short_reference

# (a short one, `“아주 좋은 생각”이라며 “적극 돕겠다”고 답변해`, only with a verb of speech after it)
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{10,}?|[^“”\"\n]{4,9}(?=[”\"]\s*(?:이?라며|이?라면서|며\s|면서\s|(?:이?라고|고)\s*"
                    r"(?:[가-힣]+\s){0,2}?(?:말|답|밝|강조|전했|덧붙|설명|당부|화답|약속|다짐|언급))))"
                    r"[”“\"]\s*(?=[가-힣]|\s|[,.)(]|$)")
# Single marks hold titles and names (‘로켓도시’, ‘…국제교류 방향’이라는 주제) more often than speech:
# a quote in them needs a verb of speech after it.
_SINGLE = re.compile(r"[‘']([^‘’'\n]{15,}?)[’']\s*(?=(?:이?라고|고)\s*(?:말|밝|강조|전했|덧붙|설명|당부|언급|역설|다짐)|이?라며\s)")
# A quote that goes on from the sentence before (이어 "...", 그는 "..."): the same speaker.
_GOES_ON = re.compile(r"^\s*(?:이어|이어서|또|또한|그러면서|아울러|그는|그녀는|이와 함께|특히|이 자리에서)\b|^\s*[“\"‘']")
# Who speaks, named with a role but not found as a person (a foreign name without its Latin
# spelling): `후인지응웬 부위원장은 "..."`.
# (`이에 응우옌 홍 린 당서기는`: a word that joins the sentence to the one before starts no name;
# `유효동 창평구장은`: a Chinese district's head, 区长)
_NAMED_ROLE = re.compile(r"(?:^|[\s,])(?!(?:이에|이어|또한?|한편|특히|이날|그러자|이후|이번|당시)\s)"
                         # (`황선짜(Hoàng Sơn Trà) 위원장은`: the name as its own language writes it, in brackets)
                         r"([가-힣]{2,6}(?:\s[가-힣]{1,6}){0,2})(?:\s?\(([^()\n]{2,40})\))?\s((?:[가-힣]+\s)?[가-힣]*?(?:시장|부시장|지사|주지사|"
                         r"군수|구청장|구장|의장|회장|단장|대표|원장|총장|위원장|부위원장|청장|교수|장관|대사|총영사|성장|부성장|"
                         r"서기|사장|부사장|이사장|관장|국장|센터장|주석|총리|현장))(?:은|는|이|가)\s*(?:[가-힣]{2,8}에서\s*)?$")
_NOT_A_NAME = re.compile(r"(?:시|군|구|도|성|현|청|부|회|원|국|처|실|과|단|측|관|소|당|사)$|^(?:이번|해당|현지|양국|양측|당시|특히|이어)")
# A quote's own verb of saying right after it, with no subject between: `"..."고 설명했다`, `"..." 며`.
_SAID_AFTER = re.compile(r"\s*(?:이?라?(?:고|며|면서)\s*(?:[가-힣]+\s+){0,3}?(?:말했|설명했|강조했|덧붙였|밝혔|전했)|이?라?며\s)")
_QUOTATIVE = re.compile(r"^\s*(?:이?라(?:며|면서|고)|고|며|는|란|이?라는|하고|면서)")
_SPEAKER_TOPIC = r"(?:은|는|이|가)"
_UNMARKED = re.compile(r"(?:은|는)\s+(.{10,}?)(?:이?라며|이?라면서)\s+(.{10,}?)(?:이?라고|고)\s+(?:밝혔다|말했다|강조했다|전했다|덧붙였다)")
_UNMARKED_ONE = re.compile(r"(?:은|는)\s+(.{10,}?)(?:이?라고|고)\s+(?:밝혔다|말했다|강조했다|전했다|덧붙였다)")


@dataclass
class QuoteFound:
    text: str
    begin: int  # offset of the quoted words in the text
    sentence: str
    speaker: PersonFound | None
    speaker_words: str | None  # the words that name the speaker
    unmarked: bool = False
    unnamed: str | None = None  # a speaker the article does not name: 시 관계자, a city official
    went_on: bool = False  # the speaker is the previous quote's (이어 "..."), the sentence names none
    cut: bool = False  # the saved text ends inside the quote (no closing mark)


# `시 관계자는`, `군 관계자는`, `도 관계자는`, `세종시 국제협력 한 관계자는`: who speaks, unnamed.
_UNNAMED = re.compile(r"((?:[가-힣]+\s){0,3}(?:한\s)?(?:관계자|담당자|공무원|대변인)|[Aa] (?:city|county|provincial) official)"
                      r"(?:는|은|가|이|,)?\s")

# `진주시는 "상담회는 ..."라며 "..."라고 전했다`: a government that speaks for itself, right before its quotes
_GOVERNMENT_SPEAKS = re.compile(r"(?:^|\s)([가-힣]{1,6}(?:시|군|구|도))(?:는|은)\s*(?=[\"“]|$)")


# `대한상공회의소는 “...”이라고 밝혔습니다`, `대한상의측은 “...”`: a body (a chamber, an association, an institute)
# that speaks for itself in its statement. A bare kind (`협회는`) names no one.
_SPEAKING_BODIES = (*ORG_SUFFIXES["association"], *ORG_SUFFIXES["research"], *ORG_SUFFIXES["university"])
_BODY_SPEAKS = re.compile(r"(?:^|\s)([가-힣A-Za-z0-9·]{1,12}?(?:"
                          + "|".join(sorted((*_SPEAKING_BODIES, "상의"), key=len, reverse=True))
                          + r"))(?:\s?측)?(?:는|은)\s*(?=[\"“]|$)")


# A person's name in Latin letters, accents allowed, with a small letter (not `GE`, not `田中博`).
_LATIN_NAME = re.compile(r"(?=[^()]*[a-zà-ỹ])[A-ZÀ-Ỹ][A-Za-zÀ-ỹ'\-]*(?:\s[A-ZÀ-Ỹ][A-Za-zÀ-ỹ'\-]*){0,3}")
# What a statement's quote is followed by (`”이라고 밝혔다`, `”면서`), unlike a title (`“... 포럼”을`) or
# words another says (`“...”는 주지사의 메시지를`).
_SAID = re.compile(r"\s*(?:이?이?라(?:고|며|면서)|고|며|면서)(?:\s|$)")
# A person's title that ends like a body (`김모 선임연구원은`).
_TITLE_LIKE_A_BODY = re.compile(r"^(?:선임|책임|수석|주임|전임|객원|초빙|전문|연구)?연구원$")


def _body_speaking(before: str, after: str) -> str | None:
    m = _BODY_SPEAKS.search(before)
    if (m is None or m.group(1) in _SPEAKING_BODIES or _TITLE_LIKE_A_BODY.match(m.group(1))
            or not _SAID.match(after)):
        return None
    return m.group(1)


def _is_korean_government(name: str) -> bool:
    from . import localgov

    return name in localgov.by_name()


def find_quotes(text: str, sentences: list[tuple[int, int]], people: list[PersonFound]) -> list[QuoteFound]:
    found: list[QuoteFound] = []
    previous: tuple[PersonFound | None, str | None, str | None] = (None, None, None)  # the last quote's speaker
    for begin, end in sentences:
        sentence = text[begin:end]
        quotes = [m for m in _QUOTE.finditer(sentence) if _QUOTATIVE.match(sentence[m.end():])
                  or m.end() >= len(sentence.rstrip()) - 2 or " " in m.group(1).strip()]
        if not quotes:
            quotes = list(_SINGLE.finditer(sentence))
        last: tuple[PersonFound | None, str | None] = (None, None)
        for m in quotes:
            speaker, words = _speaker(sentence[:m.start()], people)
            if speaker is None:
                speaker, words = _speaker_after(sentence[m.end():], people)
            if speaker is None and not re.search("[가-힣]", sentence):
                speaker, words = _speaker_en(sentence[:m.start()], sentence[m.end():], people)
                if speaker is None:
                    speaker, words = _said_name_role_en(sentence[m.end():])
            if speaker is None:
                speaker, words = last
            unnamed = None
            if speaker is None:
                role = _UNNAMED.search(sentence[:m.start()])
                unnamed = role.group(1).strip() if role else None
            if speaker is None and unnamed is None:
                speaker, words = _named_with_role(sentence[:m.start()])
            if speaker is None and unnamed is None:
                government = _GOVERNMENT_SPEAKS.search(sentence[:m.start()])
                if government is not None and _is_korean_government(government.group(1)):
                    unnamed = government.group(1)  # `진주시는 “...”라며`: the city speaks, in its statement
                else:
                    unnamed = _body_speaking(sentence[:m.start()], sentence[m.end():])
            went_on = False
            if speaker is None and unnamed is None and _GOES_ON.match(sentence) and previous != (None, None, None) \
                    and not re.search(r"[가-힣]{2,}\s?(?:관계자|담당자)", sentence[:m.start()]):
                speaker, words, unnamed = previous
                went_on = True
            elif (speaker is None and unnamed is None and previous[0] is not None and _SAID_AFTER.match(sentence[m.end():])
                    and not any(p.ko in sentence for p in people) and not _NAMED_ROLE.search(sentence[:m.start()])):
                # `순방 3일차인 13일 ... "...MOU도 체결했다"며 "..."고 설명했다`: no one named, the one
                # quoted just before goes on (the subject left out, as Korean does)
                speaker, words, unnamed = previous
                went_on = True
            elif speaker is None and unnamed is None and previous[0] is not None and _HE_SAID_EN.match(
                    sentence[:m.start()]):
                speaker, words, unnamed = previous  # `He added, "...`
                went_on = True
            elif speaker is None and unnamed is None and (
                    re.match(r"\s*(?:그는|그녀는)\s", sentence)
                    or (previous == (None, None, None) and re.match(r"\s*(?:또|또한|이어|이어서|아울러|그러면서)\s", sentence)
                        and not re.search(r"[가-힣](?:은|는)\s", sentence[:m.start()]))):
                # (`또 ... 언급하며 “...”며, “...”고 말했다`, the first quote: the one the sentence before told of)
                # 그는 "...": the subject of the sentence before
                before = text[max(0, begin - 300):begin]
                last_sentence = re.split(r"(?<=[.!?다])\s+", before.strip())[-1] if before.strip() else ""
                speaker, words = _speaker(last_sentence, people)
                went_on = speaker is not None
            last = (speaker, words)
            previous = (speaker, words, unnamed)
            found.append(QuoteFound(m.group(1).strip(), begin + m.start(1), sentence, speaker, words,
                                    unnamed=unnamed, went_on=went_on))
    cut = _cut_off_en(text, people)
    if cut is not None and not any(q.begin == cut.begin for q in found):
        found.append(cut)
    found += [q for q in _cut_off(text, people) if not any(f.begin == q.begin for f in found)]
    found += [q for q in _closing_lost(text, people) if not any(f.begin == q.begin for f in found)]
    # Paragraphs that lost their quotation marks (a quote may run over several sentences); in an
    # article that marks its quotes, a paragraph without marks is reported speech (`...를
    # 마쳤다고 밝혔다`), not a quote.
    offset = 0
    marked = len(re.findall(r"[“”\"]", text)) >= 2
    for paragraph in text.split("\n"):
        if paragraph.strip() and not marked:
            found += _unmarked(text, offset, paragraph, people)
        offset += len(paragraph) + 1
    unique: dict[str, QuoteFound] = {}
    for quote in sorted(found, key=lambda q: q.begin):
        key = re.sub(r"[\s‘’'“”\"]+", "", quote.text)
        if key not in unique or (unique[key].unmarked and not quote.unmarked):
            unique[key] = quote  # the quote read within its marks over the same words read without
    return sorted(unique.values(), key=lambda q: q.begin)


_ROLE_WORDS = r"[가-힣]*?(?:시장|부시장|지사|군수|구청장|의장|회장|단장|대표|원장|총장|위원장|청장|교수|총영사|대사|장관|차관|카운티장)"


def _speaker(before: str, people: list[PersonFound]) -> tuple[PersonFound | None, str | None]:
    """The person named before the quote in its sentence: the subject (a name or `남 시장`
    followed by 은/는), else the last one named. After another quote in the sentence (`A 시장은
    "..."고 부탁하자 B 총영사는 "..."`), the one named since that quote first."""
    closed = max(before.rfind("”"), before.rfind('"'))
    if closed > 0 and re.fullmatch(r"\s*(?:이?라(?:며|면서|고)|며|면서|고)\s*,?\s*", before[closed + 1:]):
        return None, None  # `"..."이라며 "..."`: the one who said the quote before goes on
    if closed > 0:
        since = _speaker_in(before[closed + 1:], people)
        if since[0] is not None:
            return since
    return _speaker_in(before, people)


def _speaker_in(before: str, people: list[PersonFound]) -> tuple[PersonFound | None, str | None]:
    subjects: list[tuple[int, PersonFound, str]] = []
    named: list[tuple[int, PersonFound, str]] = []
    for person in people:
        for m in re.finditer(rf"{re.escape(person.ko)}(\s?\(?[A-Za-z .\-]*\)?\s?(?:[가-힣]+\s)?{_ROLE_WORDS})?\s?(은|는)?", before):
            (subjects if m.group(2) else named).append((m.start(), person, m.group(0).rstrip("은는 ").strip()))
    for person in people:  # `설스턴 국무장관은`: a foreign name's last word, with a title
        family = person.ko.split()[-1]
        if " " in person.ko and len(family) >= 2:
            # (`비첼로 대외협력부 차관은`: a word, the ministry, may stand between)
            for m in re.finditer(rf"(?<![가-힣]){re.escape(family)}\s?(?:[가-힣]{{2,8}}\s)?({_ROLE_WORDS})(은|는|이|가)?(?![가-힣])",
                                 before):
                if before[max(0, m.start() - len(person.ko)):m.start()].rstrip().endswith(person.ko.split()[0]):
                    continue  # the whole name, counted above
                (subjects if m.group(2) in ("은", "는") else named).append((m.start(), person, m.group(0).rstrip("은는이가 ")))
    for person in people:  # `대만 도원시장은`: the title with its place, which one person the text names has
        role = person.role or ""
        if role != role_tail(role) and " " not in role and sum(1 for p in people if p.role == role) == 1:
            for m in re.finditer(rf"(?<![가-힣]){re.escape(role)}(은|는|이|가)(?![가-힣])", before):
                (subjects if m.group(1) in ("은", "는") else named).append((m.start(), person, role))
    for m in re.finditer(rf"(?<![가-힣])([가-힣])\s?({_ROLE_WORDS})(은|는|이|가)?(?![가-힣])", before):
        ref = short_reference(m.group(1) + " " + role_tail(m.group(2)), people)
        if ref is not None:
            (subjects if m.group(3) in ("은", "는") else named).append((m.start(), ref, m.group(0).rstrip("은는이가 ")))
    if subjects:
        at, person, words = min(subjects, key=lambda x: x[0])
        # `A 시장과 B 의장은 "..."`: a joint statement is given to the first named.
        joined = [n for n in named if n[0] < at and re.match(r"[^.]*?(과|와)\s*$", before[n[0]:at])]
        if joined:
            _, person, words = min(joined, key=lambda x: x[0])
        return person, words
    if named:
        _, person, words = max(named, key=lambda x: x[0])
        return person, words
    return None, None


def _speaker_after(after: str, people: list[PersonFound]) -> tuple[PersonFound | None, str | None]:
    head = after[:40]
    for person in people:
        if person.ko in head:
            return person, person.ko
    # `"..."라고 김 시장은 말했다`
    m = re.search(rf"(?<![가-힣])([가-힣])\s?({_ROLE_WORDS})(?:은|는|이|가)\s", head)
    if m:
        ref = short_reference(m.group(1) + " " + role_tail(m.group(2)), people)
        if ref is not None:
            return ref, m.group(0).rstrip("은는이가 ")
    return None, None


_SAYS_EN = r"(?:said|says|stated|added|noted|stressed|emphasized|emphasised|explained|remarked|responded|replied|told [^,\"“]{1,40})"
_TITLE_EN = r"(?:(?:[A-Z][a-z]+ ){0,2}(?:Mayor|Governor|Gov\.|County Head|Chairman|Chairwoman|President|Minister|Ambassador|Director|Secretary|Mr\.|Ms\.|Dr\.) )?"
# `Governor Sung said, "...`, `Mayor Lee said: "...`: the subject before the quote.
_SAYS_BEFORE_EN = re.compile(rf"{_TITLE_EN}([A-Z][a-z]+(?:[ -][A-Z]?[a-z]+){{0,2}})\s+(?:also\s+)?{_SAYS_EN}\s*[,:]?\s*$")
# `...," Kim said.`, `...," said Mayor Lee`, `...," Governor Kim Dong-yeon added`.
_SAYS_AFTER_EN = re.compile(rf"^[\s,.]*(?:{_SAYS_EN}\s+{_TITLE_EN}([A-Z][a-z]+)|{_TITLE_EN}([A-Z][a-z]+)(?:[ -][A-Z]?[a-z]+){{0,2}}\s+{_SAYS_EN})")


def _speaker_en(before: str, after: str, people: list[PersonFound]) -> tuple[PersonFound | None, str | None]:
    """The speaker an English sentence names around a quote by surname or full name (`Mayor Lee
    said, "...`, `"...," Kim said`), one of the people found."""
    from .english import short_reference

    m = _SAYS_BEFORE_EN.search(before)
    if m:
        name = m.group(1)
        person = next((p for p in people if p.ko == name), None) or short_reference(name.split()[0], people) \
            or short_reference(name.split()[-1], people)
        if person is not None:
            return person, m.group(0).strip(" ,:")
    m = _SAYS_AFTER_EN.match(after)
    if m:
        person = short_reference(m.group(1) or m.group(2), people)
        if person is not None:
            return person, m.group(0).strip(" ,.")
    if _PARTICIPLE_EN.search(before) and (m := _SUBJECT_EN.match(before)):
        # `Mayor Yoo emphasized the importance of ..., stating, "...`: the sentence's subject
        person = short_reference(m.group(1).split()[0], people) or short_reference(m.group(1).split()[-1], people)
        if person is not None:
            return person, m.group(0).strip()
    m = _HEADLINE_SPEAKER_EN.search(before)
    if m:  # a headline's `Mayor Lee: "Urgent Appeal for Steel ..."`
        person = short_reference(m.group(1), people)
        if person is not None:
            return person, m.group(0).strip(" :")
    return None, None


# A quote brought in by a participle (`..., stating, "`, `..., saying, "`), and the subject that opens its sentence.
_PARTICIPLE_EN = re.compile(r",\s*(?:saying|stating|adding|noting|stressing|emphasizing|emphasising|explaining)\s*[,:]?\s*$")
_SUBJECT_EN = re.compile(rf"\s*{_TITLE_EN}([A-Z][a-z]+(?:[ -][A-Z]?[a-z]+){{0,2}})\s+(?!said|says|stated)[a-z]")
# `He added, "...`: the one quoted just before goes on.
_HE_SAID_EN = re.compile(rf"\s*(?:He|She)\s+(?:also\s+|then\s+)?{_SAYS_EN}\s*[,:]?\s*$")
_HEADLINE_SPEAKER_EN = re.compile(r"(?:^|\n)(?:Mayor|Governor|Gov\.|County Head|Chairman|Chairwoman)\s+([A-Z][a-z]+)\s*:\s*$")


# `...," said Choi Kyung-joo, a city official in charge of international exchange.`: a speaker
# the article names only here, with a description for a role (not one the people finder knows).
_SAID_NAME_ROLE_EN = re.compile(rf"^[\s,.]*{_SAYS_EN}\s+([A-Z][a-z]+(?:[ -][A-Z]?[a-z]+){{1,2}}),\s+"
                                r"((?:a|an|the)\s[^.,;“”\"]{3,80}?)\s*(?:[.,;]|$)")


def _said_name_role_en(after: str) -> tuple[PersonFound | None, str | None]:
    """The speaker an English quote names after it with a full name and a description of who
    they are (`_SAID_NAME_ROLE_EN`), whom the people finder did not take for a person."""
    m = _SAID_NAME_ROLE_EN.match(after)
    if not m or m.group(1).split()[0] in ("The", "This", "City", "Province", "County"):
        return None, None
    return PersonFound(m.group(1), m.group(1), m.group(2), m.group(0).strip(" ,."), 0), m.group(0).strip(" ,.")


def _cut_off_en(text: str, people: list[PersonFound]) -> QuoteFound | None:
    """An English quote the saved text ends inside (`Governor Sung said, "I hope that ...` and
    no closing mark: the page was cut): its words to the end, with the speaker before it."""
    opening = max(text.rfind("“"), text.rfind('"'))
    if opening < 0 or re.search(r"[”\"]", text[opening + 1:]) or re.search("[가-힣]", text[opening:]):
        return None
    words = text[opening + 1:].strip()
    if len(words) < 20:
        return None
    line_start = text.rfind("\n", 0, opening) + 1
    speaker, said = _speaker_en(text[line_start:opening], "", people)
    if speaker is None:
        return None
    return QuoteFound(words, opening + 1, text[line_start:].strip(), speaker, said, cut=True)


def _named_with_role(before: str) -> tuple[PersonFound | None, str | None]:
    """A speaker named with a role right before the quote whom the people finder did not take
    for a person (a foreign name written in Hangul only)."""
    m = _NAMED_ROLE.search(before.rstrip())
    if not m:
        return None, None
    name = m.group(1).split()[-1] if len(m.group(1).split()) > 1 and _NOT_A_NAME.search(m.group(1).split()[0]) \
        else m.group(1)
    from .analyser import analyse
    from .entities import _is_place_word

    words = name.split()
    # `야마시타 아키시 시장은`: a Japanese given name may end in 시 (a city's suffix) after a
    # family name; `미토요시 시장` (one word) is the city's mayor, not a person.
    given_in_si = len(words) > 1 and words[-1].endswith("시")
    if any(_NOT_A_NAME.search(w) for w in (words[:-1] if given_in_si else words)):
        return None, None
    if _is_place_word(name) or _is_place_word(words[0]):  # 뉴욕 (…) 대표, not 웨스 무어 for Moore, OK
        return None, None
    if not any(t.tag == "NNP" for t in analyse(name)) and len(name.split()[-1]) < 3:
        return None, None  # 업체 대표, 참석 기업 대표: a description, not a name (에밀리아, 후인지응웬 are)
    gloss = m.group(2) if m.group(2) and _LATIN_NAME.fullmatch(m.group(2)) else None
    return PersonFound(name, gloss, m.group(3), m.group(0).strip(), 0), f"{name} {m.group(3)}"


def _unmarked(text: str, begin: int, sentence: str, people: list[PersonFound]) -> list[QuoteFound]:
    """Quotes whose marks the saved text lost: `NAME ROLE은 A이라며 B라고 밝혔다`."""
    speaker, words = _speaker(sentence[:30], people)
    if speaker is None or words is None or not sentence.startswith(words.split()[0]):
        return []
    after_name = sentence.find(words) + len(words)
    m = _UNMARKED.match(sentence, after_name) or _UNMARKED_ONE.match(sentence, after_name)
    if not m:
        return []
    return [QuoteFound(g.strip(), begin + m.start(i + 1), sentence, speaker, words, unmarked=True)
            for i, g in enumerate(m.groups())]


# A saved page cut off inside a quote (the stored copy keeps only so much of a page): `권익현
# 군수는 “이번 미국 방문을 통해 ... 행복할 수 있는 ` and nothing after. The words from the mark to
# the end are the quote's beginning, when a named speaker opens it.
_OPEN_AT_END = re.compile(r"[“\"]([^“”\"\n]{6,})$")  # (`장충남 군수는 “남해군과 아와`: cut after a few words)


# `여 시장은 “과천시 ... 성공적인 협력모델을 만들자고 제안했다.`: a quote whose closing mark the page
# lost, ended by the verb of speech it is quoted with.
_SAID_WITHOUT_MARK = re.compile(r"([다자라요까])고\s*(?:제안|말|강조|밝|설명|당부|요청|덧붙|전|약속|다짐)(?:했|하였|한다|했다)")


def _closing_lost(text: str, people: list[PersonFound]) -> list[QuoteFound]:
    out = []
    offset = 0
    for line in text.split("\n"):
        start = line.find("“")
        if start >= 0 and "”" not in line[start:] and '"' not in line[start:]:
            said = _SAID_WITHOUT_MARK.search(line, start + 1)
            if said is not None and "“" not in line[start + 1:said.end(1)]:
                speaker, words = _speaker(line[:start], people)
                if speaker is None:
                    speaker, words = _named_with_role(line[:start])
                if speaker is not None:
                    quoted = line[start + 1:said.end(1)]
                    out.append(QuoteFound(quoted.strip(), offset + start + 1, line[:said.end()], speaker, words))
        offset += len(line) + 1
    return out


def _cut_off(text: str, people: list[PersonFound]) -> list[QuoteFound]:
    m = _OPEN_AT_END.search(text.rstrip())
    if m is None or not re.search("[가-힣]", m.group(1)):
        return []
    marks_before = len(re.findall(r"[“”\"]", text[:m.start()]))
    if marks_before % 2 == 1 or text[m.start()] == "”":  # the mark closes a quote: nothing is cut
        return []
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start:m.start()]
    # (`“...”면서 “2014년 ...`: after `면서` the one quoted before goes on, named before that quote)
    speaker, words = _speaker(before, people)
    if speaker is None:
        speaker, words = _speaker_in(before, people)
    if speaker is None:
        speaker, words = _named_with_role(before)
    if speaker is None:
        return []
    sentence = text[line_start:m.end()]
    return [QuoteFound(m.group(1).strip(), m.start(1), sentence, speaker, words, cut=True)]
