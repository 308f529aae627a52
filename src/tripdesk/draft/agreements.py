"""Agreements: the sentences that sign, plan or reach one, and of which kind.

Kinds come from the words (양해각서/MOU: `MOU`; 업무협약: `business agreement`; 자매결연 or
자매도시 with a signing verb, or a 자매도시 관계 entered: `sister-city`; 의향서: `letter of intent`;
공동선언, or a 공동성명 issued (not a protest's): `joint declaration`; 투자협약, 투자유치 협약:
`investment agreement`; 경제협약: `economic agreement`; 교류협약, 교류협력 협약: `exchange
agreement`, the format's kinds for them; 협약, 협정, an agreement reached (합의) and a
friendship-city agreement (우호도시 협약, 우호협력 협약, 우호결연, 우호교류 관계를 체결): `other`; an
agreement named only by what it is for, signed (`우호협력을 체결한다`: `other`; `‘A시-B시 간
교류협력’을 체결할 예정`: `exchange agreement`). The format has `friendship city` too, but the
shared scorer (../shared/drafting/score_drafts.py) takes its gold `friendship-city` only as
`other`, so the drafter writes `other` with the article's words as the title, for the reviewer to
sharpen). Where two words name one agreement, the more specific says the kind: 투자협약(MOU) is an
MOU.

A sentence may hold several agreements: `A시와 'X 양해각서'를, B시와는 'Y 협약서'를 체결할 예정`,
`업무협약과 MOU를 잇달아 체결`, `각각 500만 불, 3000만 불 규모의 투자 MOU에 서명한다` (one per
item after 각각), `총 4건의 협약(MOU)` or `MOU 3건을 체결` (as many as counted, up to ten; not a
tally of past years: `그동안 총 12건의 협약`). Words that only name the same agreement again (`업무협약(MOU)`, `협약식`, `이번
협약`, a bare `협약` later in the sentence) are not new ones. Each agreement keeps the stretch of
the sentence that belongs to it (`clause`: from the end of the previous one), which names its
parties and tells whether it is of an earlier year.

An agreement named only in a list of what the trip holds (`△남해안 수산물 수출 촉진 업무협약 △...`)
needs no signing verb: the list is the plan.

Where it stands (the format's agreement `status`) comes from the verb that follows the agreement's
words: `signed` (체결했다, 맺었다, 서명했다), `planned` (체결한다, 체결할 예정, 추진할 계획; and a
connective verb, 체결하고, in a sentence that ends in a plan: 펼칠 계획이다), `agreed in principle`
(합의했다), `pledged` (화답했다, 약속했다), else `unknown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A relationship entered now (`관계를 공식 체결했다`, `관계를 정식으로 맺는다`), not one that stands
# (`자매도시 관계를 맺은 어바인시를`, `관계를 맺고 있는`, `맺어 온`).
_TIE_MADE = (r"(?=\s*(?:을|를)\s*(?:공식\s*(?:적으로\s*)?|정식\s*(?:으로\s*)?)?"
             r"(?:체결(?!한\s|된\s|했던|하고\s*있)|맺(?!은|고\s*있|어\s*온|어온|었던)))")

KINDS = (
    ("MOU", re.compile(r"양해\s*각서|MOU|엠오유|memorand(?:um|a) of understanding", re.I)),
    ("letter of intent", re.compile(r"의향서|LOIs?\b|letters? of intent", re.I)),
    ("joint declaration", re.compile(r"[가-힣]*선언문|공동\s*선언|공동\s*성명(?:서)?|joint (?:declaration|statement)|"
                                     r"(?-i:[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,3}\sDeclaration\b)", re.I)),
    ("business agreement", re.compile(r"업무\s*협약|business agreement", re.I)),
    ("investment agreement", re.compile(r"\binvestment (?:agreement|deal|pact)s?\b", re.I)),
    ("sister-city", re.compile(r"자매\s*(?:도시\s*)?(?:결연|도시)\s*(?:재개\s*|갱신\s*|연장\s*)?(?:협약|협정)(?:서)?|자매\s*(?:결연|도시)(?:을|를)?\s*(?:체결|맺)|"
                               r"자매\s*(?:도시\s*|결연\s*)?관계" + _TIE_MADE + "|"  # `자매도시 관계를 맺었다`
                               r"자매\s*(?:도시\s*)?결연\s*(?:조인|체결|협약|서명)?\s*식|자매\s*결연(?=(?:을|를)\s*(?:한다|할|했다|하였다|하고|하며|하기로))|"
                               r"sister[- ]city (?:(?:cooperation|friendship|exchange) )?(?:agreement|relationship|ties|pact)|"
                               r"sisterhood (?:agreement|ties|pact)", re.I)),
    # (`우호교류 협정도시`, `협약도시`: the partner city of an agreement, not an agreement)
    ("other", re.compile(r"[가-힣]*협약(?:서|식)?(?!\s?도시)|[가-힣]*협정(?:서)?(?!\s?도시)|(?:우호|교류)\s*협력(?=['’”]?\s*(?:을|를)\s*(?:체결|맺))|"
                         r"우호\s*(?:협력\s*|교류\s*)?도시(?=\s*(?:을|를)?\s*(?:체결|맺))|"
                         r"우호\s*교류(?=['’”]?\s*(?:을|를)\s*(?:체결|맺))|"  # `시장회와 우호교류를 체결했다`
                         r"(?:우호\s*(?:(?:협력|교류)\s*(?:도시\s*)?|도시\s*)|친선\s*(?:도시\s*|교류\s*)?)관계" + _TIE_MADE + "|"  # `우호교류 관계를 체결한다`
                         # (`우호결연을 체결하기 위해`, `우호결연 관계에 공식 서명을 한다`; not `우호결연 25주년`)
                         r"우호\s*(?:도시\s*)?결연(?=['’”]?\s*(?:관계\s*)?(?:을|를|에)?\s*(?:공식\s*)?(?:체결|맺|서명|조인|할\s|한다|했다|하였다|하기로))|"
                         # (`'교류·협력 실행 계획'을 체결할 예정`: an agreement named in quotation marks, signed)
                         r"(?<=['‘])(?![^'’\n]*협력['’])[^'’\n]{2,30}(?=['’]\s*(?:을|를)\s*체결)|"
                         r"협력\s*각서|합의\s*각서|합의서|서약서|[가-힣]*의정서|[가-힣]*비망록|\bMO[CA]\b|합의(?=하|했|한|를|에)|"
                         r"\bfriendship[- ](?:city|cities) (?:agreement|pact)s?\b|\bagreements?\b|\bpacts?\b|\bagreed\b(?!\s+to\s)")),
)
_SIGNING = re.compile(r"체결|서명|맺|조인|합의|교환|채택|갱신|끌어\s?(?:내|냈|낸|낼)|선언(?:을|을\s*할|한다|했다|할)|\bsign|\bconclud|\bagreed\b|\bdeclar|"
                      r"(?:선언문|성명서?)(?:을|를)\s*(?:발표|내|냈|낸|낼)|"  # `공동성명을 낸다`, `공동선언문을 발표했다`
                      r"(?:협약|MOU|양해각서|결연)['’”]?(?:을|를|도)\s*(?:진행\s*)?(?:한다|했다|하고|하며|할|해)|\binked\b|"
                      r"(?:협약|MOU|양해각서)(?:이|가)\s*진행(?:될|된다|됐다|되었다|되며|되고|돼)|"
                      r"(?:협약|MOU)(?:한다|했다|하고|하며|할|한\s뒤|한\s후|해)|"
                      r"(?:협약|협정|MOU|양해각서)(?:\([^)]*\))?['’”]?(?:을|를)\s*(?:가졌|갖는다|갖고(?!\s*있)|가진\s?(?:뒤|후)|가질)|"
                      r"\b(?:announc|adopt)(?:e|es|ed|ing)\b|"
                      r"(?:협약|협정|체결|조인|서명|결연)식(?:을|를)?\s*(?:가졌|갖|개최|열|진행)|"
                      r"(?:열린|열리는|개최된|개최되는)\s+(?:[가-힣]+\s)?[가-힣]*(?:결연|협약|체결)식|"
                      r"(?:협약|협정|체결|조인|서명|결연)식에\s*(?:참석|참가)|"
                      r"(?:협약|협정|체결|조인|서명|결연)식(?:은|이)\s[^.]{0,120}?(?:열렸|개최됐|개최되었|진행됐|열린다|열릴|"
                      r"개최된다|개최될|진행된다|진행될)")
# 협약식을 가졌다 / 갖는다: a signing ceremony held (signed) or to be held (planned); also the
# ceremony as the subject of its sentence (`자매결연 협약식은 25일 ... 참석한 가운데 열렸다`).
_CEREMONY = re.compile(r"(?:협약|협정|체결|조인|서명)식(?:을|를)?\s*(?:(가졌|개최했|열었|진행했)|(갖는다|갖고|가질|개최한다|개최할|연다|열))|"
                       r"(?:협약|협정|체결|조인|서명|결연)식에\s*(?:(참석했|참가했)|(참석한다|참석할|참가한다|참가할))|"
                       r"(?:협약|협정|체결|조인|서명|결연)식(?:은|이)\s[^.]{0,120}?(?:(열렸|개최됐|개최되었|진행됐|진행되었)|"
                       r"(열린다|열릴|개최된다|개최될|진행된다|진행될))다?")
# The verb after an agreement's words, and where it leaves the agreement.
_VERB = re.compile(r"(?:체결|서명|조인|교환|선언|합의|협의|채택|갱신)\s*(?:을\s*|를\s*)?(?:하|했|한|할|키로|됐|되었|된|될|하였|해)"
                   r"|맺(?:었|는|을|기로|고|어)|화답|약속(?:했|하였|하고)|(?:이)?끌어\s?(?:내|냈|낸|낼)"
                   r"|\bsign(?:ed|s|ing)?\b|\bwill\b|\bto sign\b|\bconcluded\b|\bagreed\b|\bpromised\b|\bpledged\b")
_PLANNED = re.compile(r"^(?:체결|서명|조인|교환|선언|채택|맺|갱신)\s*(?:을\s*|를\s*)?(?:한다|할|하기로|키로|을\s*계획|을\s*예정|는다)"
                      r"|^맺(?:을|기로|는다)|^(?:이)?끌어\s?낼|^\bwill\b|^\bto sign\b")
_SIGNED = re.compile(r"^(?:체결|서명|조인|교환|선언|채택|갱신)\s*(?:을\s*|를\s*)?(?:했|하였|됐|되었|한(?!다))|^맺(?:었|은)|"
                     r"^(?:이)?끌어\s?(?:냈|낸)|^\bsigned\b|"
                     r"^\bconcluded\b")
# (`협약을 갱신하고`: renewed, a new signing; `협약을 끌어 내는 성과를 거뒀다`: brought about)
_CONNECTIVE = re.compile(r"^(?:체결|서명|조인|교환|채택|맺|갱신)\s*(?:을\s*|를\s*)?(?:하고|하며|하면서|해|고|어)|"
                         r"^(?:이)?끌어\s?내(?:는|고|며|어)")
_AGREED = re.compile(r"^(?:합의|협의)\s*(?:했|하였|하고|하는|해|됐)|^\bagreed\b")
_PLEDGED = re.compile(r"^(?:화답|약속(?:했|하였|하고))|^\bpromised\b|^\bpledged\b")
# How the sentence ends: a plan (계획이다, 예정이다, 펼치게 된다, 방문한다) or a report (했다).
# (`다진다`, `나선다`, `맺는다`: a verb's present, ㄴ다 or 는다, tells a plan in a report before the trip)
_N_FINAL = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 4)  # syllables ending in ㄴ
_ENDS_PLANNED = re.compile(rf"(?:예정|계획|방침|전망)(?:이다|입니다)|(?:게|할)\s*(?:된다|것이다)|[{_N_FINAL}는]다\.?\s*$|\bwill\b")
_ENDS_DONE = re.compile(r"[았었였했됐졌렸쳤냈났왔갔섰켰웠썼뒀]다\.?\s*$")
_LIST_MARK = re.compile(r"[△▲■□◆◇•※]\s*[^△▲■□◆◇•※]*$")
# Words that name the agreement already named (협약식, 이번 협약, a bare 협약/협정).
_BACK_REFERENCE = re.compile(r"^(?:협약|협정|협약서|협약식|협정서|체결식|조인식|합의)$")
_NEW_PARTY = re.compile(r"(?:와|과)는\s|(?:을|를)\s*,\s*|(?:와|과)\s|및\s|,\s|에 이어|이어\s|\sand\s")


# The kinds a bare 협약/협정 is sharpened to by the word before it (경제협약, 투자유치 협약), and
# the kinds that are only that: an MOU and a 투자협약 told of in two sentences may be one agreement.
_SHARPER = (("investment agreement", re.compile(r"투자(?:유치)?\s*(?:협약|협정)")),
            ("economic agreement", re.compile(r"경제\s*(?:협력\s*)?(?:협약|협정)")),
            ("exchange agreement", re.compile(r"(?<!우호)(?<!우호\s)교류\s*(?:협력\s*)?(?:협약|협정)|^교류\s*협력$")))
GENERIC = ("other", *(kind for kind, _ in _SHARPER))
# `수출협약`, `수출업무 협약`: an export agreement with a buyer is a business agreement (not a generic
# kind: an MOU told elsewhere is not the same one).
_EXPORT = re.compile(r"수출\s*(?:업무\s*)?(?:협약|협정)")


def _sharpened(kind: str, words: str) -> str:
    """The format's kind for an agreement the words name more narrowly than `other`."""
    if kind != "other":
        return kind
    sharper = next((sharper for sharper, pattern in _SHARPER if pattern.search(words)), kind)
    return "business agreement" if sharper == "other" and _EXPORT.search(words) else sharper


@dataclass
class AgreementFound:
    kind: str
    planned: bool
    sentence: str
    begin: int  # offset of the sentence
    words: str  # the words the kind was read from
    status: str = "unknown"  # signed | agreed in principle | planned | pledged | unknown
    clause: str = ""  # the stretch of the sentence that belongs to this agreement
    listed: bool = False  # named in a list of what the trip holds, with no verb of its own
    item: int = 0  # with 각각 or a count (총 4건의): the agreement's place among those the sentence counts
    of: int = 1
    counted: str = ""  # the words that count them (각각, 총 4건의)


@dataclass
class _Mention:
    kind: str
    start: int
    end: int
    words: str


def find_agreements(text: str, sentences: list[tuple[int, int]]) -> list[AgreementFound]:
    found: list[AgreementFound] = []
    for begin, end in sentences:
        sentence = text[begin:end].strip()
        offset = begin + (len(text[begin:end]) - len(text[begin:end].lstrip()))
        found += _in_sentence(sentence, offset)
    return found


def _mentions(sentence: str) -> list[_Mention]:
    """Every agreement word in the sentence, the most specific kind where two overlap."""
    spans: list[_Mention] = []
    for kind, pattern in KINDS:
        for m in pattern.finditer(sentence):
            if m.group(0) and not any(s.start < m.end() and m.start() < s.end for s in spans):
                spans.append(_Mention(kind, m.start(), m.end(), m.group(0)))
    return sorted(spans, key=lambda s: s.start)


def _groups(sentence: str, mentions: list[_Mention]) -> list[list[_Mention]]:
    """The mentions grouped by agreement: one group for each agreement the sentence names."""
    groups: list[list[_Mention]] = []
    for mention in mentions:
        if not groups:
            groups.append([mention])
            continue
        last = groups[-1][-1]
        between = sentence[last.end:mention.start]
        adjacent = len(between.strip(" ()[]'‘’\"“”")) <= 1  # 업무협약(MOU), 투자협약 MOU
        same = adjacent or (not _VERB.search(between) and (
            (_BACK_REFERENCE.match(mention.words) and not re.search(r"(?:와|과)(?:는)?\s|(?:을|를)\s*,", between))
            or re.search(r"(?:이번|이|해당|그|본|같은)\s*$", between)
            or not _NEW_PARTY.search(between)))
        # `자매도시 결연 협정서에 서명하고 자매결연을 맺는다`: the same kind again, with no new party
        # between, after a verb: the one agreement, its document and its tie
        same = same or (mention.kind == groups[-1][0].kind and mention.kind != "other"
                        and not _NEW_PARTY.search(between))
        if same:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _best(group: list[_Mention]) -> _Mention:
    """The mention that says the group's kind: the most specific, and a 협약 over a 합의."""
    order = [k for k, _ in KINDS]
    best = min(group, key=lambda m: order.index(m.kind))
    if best.kind == "other" and any(m.kind == "other" and "합의" not in m.words for m in group):
        best = next(m for m in group if m.kind == "other" and "합의" not in m.words)
    return best


def _in_sentence(sentence: str, offset: int) -> list[AgreementFound]:
    mentions = [m for m in _mentions(sentence) if not (m.kind == "joint declaration" and "성명" in m.words
                                                        and _PROTEST.search(sentence))]
    if not mentions:
        return []
    signing = bool(_SIGNING.search(sentence))
    out: list[AgreementFound] = []
    previous_end = 0
    groups = _groups(sentence, mentions)
    for k, group in enumerate(groups):
        best = _best(group)
        kind, words = best.kind, best.words
        if kind == "other" and re.search(r"\bas sister cities\b", sentence[group[-1].end:], re.I):
            kind = "sister-city"  # `signed an agreement ... to link Chuncheon and Da Lat as sister cities`
        words = _with_modifier(sentence, group, words)
        next_start = _boundary(sentence, group[-1].end, groups[k + 1][0].start) if k + 1 < len(groups) else len(sentence)
        tail = sentence[group[-1].end:]
        listed = bool(_LIST_MARK.search(sentence[:group[0].start])) and not _VERB.match(tail.lstrip("을를에 "))
        if not signing and not (listed and kind != "other"):
            previous_end = next_start
            continue
        if kind == "other" and all(_BACK_REFERENCE.match(m.words) for m in group) and out and (
                re.search(r"(?:이번|이|해당|본|그|동|양측의?)\s*$", sentence[:group[0].start])
                or re.match(r"\s*(?:에\s*따라|을\s*통해|으로|에는|의\s|식)", sentence[group[-1].end:])
                or (words == group[0].words and not re.search(r"(?:와|과)(?:는)?\s", sentence[previous_end:group[0].start]))):
            previous_end = next_start
            continue  # 이번 협약, 협약에 따라, 협약서를 교환했다: the agreement the sentence already named
        if kind == "other" and all(_BACK_REFERENCE.match(m.words) for m in group) and re.match(
                r"\s*(?:의\s*)?(?:주요\s*)?내용", sentence[group[-1].end:]):
            previous_end = next_start
            continue  # `협약 내용은 △...`: what the agreement named before it says
        if (best.words == "합의" and out and out[-1].status == "signed" and out[-1].sentence == sentence
                and not re.search(r"(?:와|과)(?:는|도)\s", sentence[previous_end:group[0].start])):
            previous_end = next_start
            continue  # `“우호교류협정서”를 체결하고, ... 공동발전을 도모하는데 합의하였다`: what the signed one agrees
        if kind == "other" and (told := _OPENS_WITH_ONE_TOLD.match(sentence)) and (
                group[0].start < told.end() or words == "합의"):
            previous_end = next_start
            continue  # `이번 협정에 따라 양 도시는 ... 합의했다`: what the agreement told before says
        if words == "합의" and _VISIT_AGREED.search(sentence[:group[0].start]):
            previous_end = next_start
            continue
        if _PROPOSED.match(tail) or (_CONNECTIVE_ONLY.match(tail) and _PROPOSAL_END.search(sentence)):
            previous_end = next_start
            continue  # `자매결연을 체결하자는 친서를 전달했다`, `... 체결하고 ... 만들자고 제안했다`: a proposal
        if words == "합의" and _CEREMONY_AGREED.search(sentence[:group[0].start]):
            previous_end = next_start
            continue  # `휴스턴시에서 조인식을 가지기로 합의했다`: where the signing is held, no agreement itself
        if (_STANDING.match(tail) or (_TOPIC.match(tail) and _DISCUSSED.search(tail)) or _WISHED.match(tail)
                or _describes_a_korean_government(tail) or _describes_a_foreign_government(sentence, tail)):
            # `자매결연을 맺고 있는 일본 고쓰시`: the tie of years past; `참가 협약 체결 등 구체적인 참여
            # 방안을 논의한다`: a topic of talks, not a signing
            previous_end = next_start
            continue
        clause = sentence[previous_end:next_start]
        said = best if "합의" not in best.words else group[0]
        status = _status(sentence, sentence[said.start:], len(said.words), listed)
        if re.search("[가-힣]", sentence):
            before = sentence[previous_end:group[0].start]
            if re.match(r"[\s)]*(?:\([^)]*\))?\s*(?:을|를)\s*각각\s", sentence[group[-1].end:]):
                before += "각각 "  # `X와 Y과 ... 협약(MOU)을 각각 체결했다`: 각각 after the words, the parties before
            each, counted = _each(before), _count_ko(sentence, group[0].start, group[-1].end)
            count, counting = (each, "각각") if each >= counted[0] else counted
            parties = _parties_counted(sentence[previous_end:group[0].start])
            pairs = _pairs_between(sentence[:group[0].start])  # (the pairs may run back over a group before)
            if pairs[0] > parties[0]:
                parties = pairs
            if count == 1 and parties[0] > 1:
                count, counting = parties
            if count == 1 and (days := _days_each_at_a_place(sentence[previous_end:group[0].start]))[0] > 1:
                count, counting = days
        else:
            count, counting = _count_en(sentence, group[0].start, best.words), best.words
        for item in range(count):
            out.append(AgreementFound(_sharpened(kind, words), status == "planned", sentence, offset, words, status,
                                      clause, listed, item, count, counting if count > 1 else ""))
        previous_end = next_start
    return out


def _with_modifier(sentence: str, group: list[_Mention], words: str) -> str:
    """A bare 협약/협정 with the noun before it that says which (우호도시 협약, 경제 협약)."""
    if not _BACK_REFERENCE.match(words):
        return words
    m = re.search(r"(?<![가-힣])([가-힣]{2,8})\s$", sentence[:group[0].start])
    # (not a verb's adnominal form: `시작된 협정 조인식은`, `열린 협약식`)
    if m and not re.search(r"[을를이가은는와과의에도로서고며해면니게지다된던될할]$|^열린$|^(?:이번|해당|같은|관련|각종|모든|이|그|본|동)$", m.group(1)):
        return f"{m.group(1)} {words}"
    return words


def _boundary(sentence: str, end: int, next_start: int) -> int:
    """Where one agreement's stretch of the sentence ends and the next one's begins: after the
    verb or the turn to a new party (`를, B와는`) between them."""
    between = sentence[end:next_start]
    ends = [m.end() for m in (_NEW_PARTY.search(between), _VERB.search(between)) if m]
    return end + (min(ends) if ends else 0)


# `협약이 진행될 예정이다`, `A 협약과 B 협약이 진행됐다`: the agreement (or the pair) as the subject of 진행.
_HELD_AGREEMENT = re.compile(r"\s*(?:(?:과|와)\s+[^.,]{0,30}?(?:협약|협정|MOU|양해각서))?(?:\([^)]*\))?\s*(?:이|가)\s*"
                             r"진행(될|된다|됐다|되었다|되며|되고|돼)")
# (`판아시아(PanAsia)와의 업무협약도 진행한다`: 도, another besides)
_BARE_VERB = re.compile(r"\s*(?:\([^)]*\))?\s*(?:등)?(?:을|를|도)\s*(?:진행\s*)?(한다|할|하기로|했다|하였다|하고|하며)")
# `양해각서를 갖는다`, `MOU를 가졌다`: the agreement had (not `갖고 있다`, held for years).
_HAD_AGREEMENT = re.compile(r"\s*(?:\([^)]*\))?['’”]?\s*(?:을|를)\s*(가졌|갖는다|갖고(?!\s*있)|가진(?=\s?(?:뒤|후))|가질)")
# `라오스지회와 업무협약한 뒤`: 하다 glued to the agreement's word.
_GLUED_VERB = re.compile(r"(한다|할|하기로|했다|하였다|하고|하며|한(?=\s(?:뒤|후)))")


def _status(sentence: str, tail: str, words: int, listed: bool) -> str:
    """Where the agreement stands, from the first verb after its words (and, for a connective
    verb or a listed agreement, from how the sentence ends)."""
    if not re.search("[가-힣]", sentence):
        return _status_en(sentence)
    ceremony = _CEREMONY.search(tail)
    bare = _BARE_VERB.match(tail[words:]) or (
        _GLUED_VERB.match(tail[words:]) if re.search(r"(?:협약|MOU)$", tail[:words]) else None)
    if bare and not ceremony:  # `수출 업무협약을 한다`: the agreement made with 하다 alone
        if bare.group(1) in ("했다", "하였다"):
            return "signed"
        if bare.group(1) in ("한다", "할", "하기로"):
            return "planned"
        if bare.group(1) == "한" and _ENDS_DONE.search(sentence) and not _ENDS_PLANNED.search(sentence):
            return "signed"
        return "planned" if _ENDS_PLANNED.search(sentence) else "signed" if _ENDS_DONE.search(sentence) else "unknown"
    had = _HAD_AGREEMENT.match(tail[words:])
    if had and not ceremony:  # `양해각서를 갖는다`: the agreement had (made) with 갖다
        if had.group(1) == "가졌":
            return "signed"
        if had.group(1) in ("갖는다", "가질"):
            return "planned"
        return "planned" if _ENDS_PLANNED.search(sentence) else "signed" if _ENDS_DONE.search(sentence) else "unknown"
    held = _HELD_AGREEMENT.match(tail[words:])
    if held and not ceremony:  # `수출협약이 진행될 예정이다`: the agreement is made (진행) as its subject
        if held.group(1) in ("됐다", "되었다"):
            return "signed"
        if held.group(1) in ("될", "된다"):
            return "planned"
        return "planned" if _ENDS_PLANNED.search(sentence) else "signed" if _ENDS_DONE.search(sentence) else "unknown"
    issued = _ISSUED.match(tail[words:])
    if issued and not ceremony:  # `공동성명을 낸다`: a declaration issued
        return "signed" if issued.group(1) else "planned"
    m = _VERB.search(tail)
    if ceremony and (m is None or ceremony.start() < m.start()):
        if ceremony.group(1) or ceremony.group(3) or ceremony.group(5):
            return "signed"
        if ceremony.group(2) == "갖고" and _ENDS_DONE.search(sentence) and not re.search(r"예정|계획|방침", sentence):
            return "signed"  # `조인식을 갖고 협정서에 서명했다`: a connective, in a sentence told as done
        return "planned"
    verb = tail[m.start():] if m else ""
    if (listed and (not m or m.start() > words + 3)) or (not m and re.search(r"체결|서명", tail)):  # listed, or named as a noun: MOU 체결, ...
        if _ENDS_DONE.search(sentence) and not _ENDS_PLANNED.search(sentence):
            return "signed" if not listed else "unknown"
        return "planned" if _ENDS_PLANNED.search(sentence) else "unknown"
    if _PLANNED.match(verb):
        return "planned"
    if _SIGNED.match(verb):
        return "signed"
    if _CONNECTIVE.match(verb):
        if _ENDS_DONE.search(sentence) and not re.search(r"(?:예정|계획|방침)", sentence):
            return "signed"
        if _ENDS_PLANNED.search(sentence):
            return "planned"
        return "unknown"
    if _AGREED.match(verb):
        return "agreed in principle"
    if _PLEDGED.match(verb):
        return "pledged"
    return "unknown"


def _status_en(sentence: str) -> str:
    planned = re.search(r"\bwill\b|\bto sign\b|\bplans? to\b|\bis to\b", sentence)
    signed = re.search(r"\bsigned\b|\bconcluded\b|\bentered into\b|\binked\b", sentence)
    # (`also signed a sports exchange pact under which the cities will hold ...`: the verb first said)
    if planned and not (signed and signed.start() < planned.start()):
        return "planned"
    if signed:
        return "signed"
    if re.search(r"\bagreed\b", sentence):
        return "agreed in principle"
    if re.search(r"\bpromised\b|\bpledged\b", sentence):
        return "pledged"
    return "unknown"


_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}


def _count_en(sentence: str, start: int, words: str) -> int:
    """How many agreements English words name: `two MOUs`, `four LOIs`; a plural signed `with
    each of` the N cities (or companies) the sentence names: N."""
    after = sentence[start + len(words):]
    plural = bool(re.search(r"s$|memoranda|letters", words) or re.match(r"s\b", after))
    after = after[1:] if re.match(r"s\b", after) else after
    m = re.search(r"\b(two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+){0,2}$", sentence[:start], re.I)
    if m and plural:
        return _EN_NUMBERS[m.group(1).lower()]
    if plural and re.match(r"\s*with each of\b", after):
        n = re.search(r"\b(two|three|four|five|six)\s+(?:[\w-]+\s+)?(?:cities|companies|firms|regions|provinces)\b",
                      sentence, re.I)
        if n:
            return _EN_NUMBERS[n.group(1).lower()]
    return 1


# A statement of protest (`시민단체들은 공동성명을 내고 "외유성 연수"라고 비판했다`): no agreement of the trip.
_PROTEST = re.compile(r"시민\s*(?:사회\s*)?단체|노조|노동조합|야당|비판|규탄|반대|촉구|철회")
# A declaration issued (`공동성명을 냈다`, `선언문을 발표한다`): done, or still to come.
_ISSUED = re.compile(r"\s*(?:을|를)\s*(?:(발표했|발표하였|냈|내놓았)|(발표한다|발표할|발표하기로|낸다|낼|내놓는다|내놓을))")
# An agreement named as one of the things to talk about: `X 협약 체결 등 ... 방안을 논의한다`.
_TOPIC = re.compile(r"['’”]?\s*(?:(?:을|를)\s*)?(?:(?:체결|추진|서명)(?:을|를)?\s*(?:추진(?:하는|하고)?|하는)?)?\s*"
                    r"(?:등|문제|여부|일정|시기|방안)(?:\s|을|를|에|의)")
# A tie that stands, not one made now: `22년째 자매결연을 맺고 있는`, `협약을 맺은 지 10년`,
# `자매결연 체결 30주년을 맞이해`.
# (`글렌데일시와의 자매결연 체결과 ... 홍보에 적극 나서준 이창엽씨`: what a person helped bring about)
_STANDING = re.compile(r"^(?:고\s*있|어\s*오고\s*있|어\s*온\s)|^\s*(?:체결\s*)?\d{1,3}\s*주년|"
                       r"^\s*(?:체결)?(?:과|와)?[^.]{0,30}?에\s*(?:적극\s*)?(?:나서\s?준|나서\s?온|기여한|공헌한|앞장선|앞장서\s?온|힘써\s?온|힘쓴)\s|"
                       r"^['’”]?\s*(?:을|를)?\s*(?:맺고\s*있|유지하고\s*있|이어\s*오고\s*있|(?:체결|맺)(?:한|은)\s*지\s)")
# `화순군과 MOU체결 의사를 피력해`: a wish to sign, told as how the agreement came about.
# (`이번 협정에 따라`, `이날 협약은 ...`, `이날 체결식에는 ...`: the agreement told before)
_OPENS_WITH_ONE_TOLD = re.compile(r"^\s*(?:[가-힣]+\s)?(?:이번|이날|이|해당|본|그|동)\s*(?:협정|협약|결연|체결식|협약식|서명식|조인식)"
                                  r"(?:서)?\s*(?:에\s*따라|을\s*통해|를\s*통해|으로|로|은|는|에는|에서는)")
# `내년에는 ... 대표단이 증평군을 방문하기로 합의했다`: a visit agreed, no agreement
_VISIT_AGREED = re.compile(r"(?:방문|답방|찾)(?:하기로|기로)\s*$")
_PROPOSED = re.compile(r"^\s*(?:(?:을|를)\s*(?:체결|맺)\s*)?하?자(?:는|고|며)\s")
_CONNECTIVE_ONLY = re.compile(r"^\s*(?:(?:을|를)\s*(?:체결|맺)\s*)?(?:하고|하며|해)\s")
_PROPOSAL_END = re.compile(r"자고\s*(?:제안|제의|요청|건의)(?:했|하였|한)[^.]{0,6}\.?\s*$")
_WISHED = re.compile(r"^\s*(?:체결|서명)?\s*(?:의사|의향|희망)(?:를|을|가|이)?\s*(?:피력|밝|전달|표명|보이)")
# `브레아 시와 자매결연을 체결한 경기도 안성시의 황은성 시장`: a Korean government the tie describes.
_DESCRIBES = re.compile(r"^['’”]?\s*(?:을|를)?\s*(?:체결한|맺은|한|은)\s+((?:[가-힣]+\s)?[가-힣]+?)(?=의\s|은\s|는\s|이\s|가\s|,|"
                        r"(?:을|를|와|과|에)\s)")


def _describes_a_korean_government(tail: str) -> bool:
    from . import localgov

    m = _DESCRIBES.match(tail)
    # (`안성시`: a name, or the name less its last syllable, 시 or 군)
    return m is not None and all(w in localgov.by_name() or w[:-1] in localgov.by_name() for w in m.group(1).split())


# `충북도와 자매결연을 맺은 일본 야마나시현의 현청 소재지로`: a foreign government the tie describes,
# in a sentence that gives the tie no day of its own (`이날`, `이번`, `3일`) and no verb of now.
_GOVERNMENT_WORD = re.compile(r"[가-힣]{2,}(?:시|현|주|성|군|구)$")
_NOW = re.compile(r"이날|이번|오늘|\d{1,2}\s*일")


def _describes_a_foreign_government(sentence: str, tail: str) -> bool:
    from .places import city_index, country_index

    m = _DESCRIBES.match(tail)
    if m is None or _NOW.search(sentence):
        return False
    *first, last = m.group(1).split()
    # (`대전시와 자매결연을 맺은 헝가리 부다페스트를 방문해`: a city the gazetteer knows, without its 시)
    return bool(_GOVERNMENT_WORD.match(last) or (first and last in city_index())) and all(
        w in country_index() for w in first)


_CEREMONY_AGREED = re.compile(r"(?:조인|협약|체결|서명|결연)식을\s*(?:가지|갖|개최하|열)기로\s*$")
_DISCUSSED = re.compile(r"(?:논의|협의|모색|검토|의견을\s*나누|이야기를\s*나누)(?:한다|했다|할|하고|하며|하기로)")
_KO_COUNTS = {"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6}
_COUNT_BEFORE = re.compile(r"(?:총\s*)?(\d{1,2}|두|세|네|다섯|여섯)\s*건의\s*(?:[가-힣A-Za-z]+\s+){0,2}$")
_COUNT_AFTER = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:총\s*)?(\d{1,2}|두|세|네|다섯|여섯)\s*건(?:을|를|이|의|과|와|에|\s|,|$)")
# `그동안 총 12건의 협약을 체결해 왔다`: a tally of the past, not this trip's agreements.
_TALLY = re.compile(r"지금까지|그동안|누적|현재까지|이제까지|역대")


def _count_ko(sentence: str, start: int, end: int) -> tuple[int, str]:
    """How many agreements Korean words count (`총 4건의 협약(MOU)`, `MOU 3건을 체결`), with those
    words; at most ten, and none in a tally of the past (`그동안 총 12건의 협약`)."""
    if _TALLY.search(sentence):
        return 1, ""
    m = _COUNT_BEFORE.search(sentence[:start]) or _COUNT_AFTER.match(sentence[end:])
    if not m:
        return 1, ""
    n = int(m.group(1)) if m.group(1).isdigit() else _KO_COUNTS[m.group(1)]
    return (n, m.group(0).strip()) if 2 <= n <= 10 else (1, "")


# `몽골 도시 2곳과 ... 협약을`: one agreement with each of the places counted; `프놈펜주와 ...
# 세부주와 실무교류 협약을`: two bodies, each with its own 와, each a party of its own agreement.
# (`업체 5곳(6건)과 ... 투자협약을`: six agreements with five firms; `부품회사 2개사와 ... 양해각서를`: two)
_PLACES_COUNTED = re.compile(r"(\d|두|세|네)\s*(?:곳|개\s*(?:도시|기관|지역|지자체|도시와\s*기관|사|업체|기업|회사))"
                             r"(?:\s*\((\d{1,2})\s*건\))?(?:과|와)\s(?!함께|공동|같이)")
# `3개사와 ... 4자간 투자협약`: one agreement of several parties
_MANY_PARTIES = re.compile(r"\d\s?자\s?간")
_TWO_PARTIES = re.compile(r"([가-힣]{2,}(?:주|시|성|군|현|구))(?:와|과)\s+(?!함께|공동|같이)(?:[가-힣]+\s+){0,4}?"
                          r"([가-힣]{2,}(?:주|시|성|군|현|구))(?:와|과)\s+(?:[가-힣·]+\s+){0,3}$")


# Pairs of parties listed with commas before `간` (between): one agreement for each pair.
_PAIRS_BETWEEN = re.compile(r"((?:[^,]{2,40}?(?:와|과)\s[^,]{2,40}?,\s*)+[^,]{2,40}?(?:와|과)\s[^,]{2,40}?)\s?간\s"
                            r"(?:[가-힣·]+(?<![을를이가은는에의])\s+){0,2}$")
# `일본 H사, K사와 투자협약을 체결한다`: companies listed with commas, each with an agreement of its own
_COMPANY = r"(?:[A-Z]{1,3}|[가-힣]{1,8})사"
_COMPANIES_LISTED = re.compile(rf"(?<![가-힣A-Za-z])({_COMPANY}(?:,\s*{_COMPANY}){{1,4}})(?:와|과)\s+(?:[가-힣·]+\s+){{0,3}}$")


def _pairs_between(before: str) -> tuple[int, str]:
    """`의회와 응에안성 의회, ... 와이마트와 ... 센터, ... 디아코니아와 빈 의과대학간 협력 양해각서`: as many
    agreements as the pairs listed before `간` (between)."""
    pairs = _PAIRS_BETWEEN.search(before)
    if pairs:
        segments = re.split(r",\s*", pairs.group(1))
        listed = [p for p in segments if re.search(r"(?:와|과)\s", p)]
        # (each a pair of names, not a clause, `카라왕군과 실무 협의를 통해 ... 확정했으며`, nor a word that
        # ends in 과, `이번 방문의 성과 중 하나로`)
        if 2 <= len(listed) <= 6 and not any(re.search(r"(?:을|를|했으며|하며|했고)\s|(?:성|효|결)과\s|(?:로|서|며|고)\s*$", p)
                                             for p in segments):
            return len(listed), pairs.group(1).strip()
    return 1, ""


def _parties_counted(before: str) -> tuple[int, str]:
    """How many parties the words before an agreement count, each with an agreement of its own."""
    m = _PLACES_COUNTED.search(before)
    if m and not _MANY_PARTIES.search(before, m.end()):
        n = int(m.group(2) or 0) or (int(m.group(1)) if m.group(1).isdigit() else _KO_COUNTS[m.group(1)])
        return (n, m.group(0).strip()) if 2 <= n <= 8 else (1, "")
    m = _TWO_PARTIES.search(before)
    if m and m.group(1) != m.group(2):
        return 2, f"{m.group(1)}, {m.group(2)}"
    m = _COMPANIES_LISTED.search(before)
    if m:
        companies = re.split(r",\s*", m.group(1))
        return len(companies), ", ".join(companies)
    return 1, ""


# `지난 8일과 11일 체코와 이탈리아에서`: two days paired with two places; `14일에는 말레이시아에서 100만 달러,
# 16일에는 홍콩에서`: each day with a place of its own (a country or a city abroad, not 현지 or 시청), with
# nothing done between them (not `8일 도쿄에서 만찬에 참석한 뒤, 9일 오사카에서`).
_TWO_DAYS_TWO_PLACES = re.compile(r"(?<![\d.])\d{1,2}\s*일(?:과|와)\s*\d{1,2}\s*일\s+(?:[가-힣]+\s+)?([가-힣]{2,})(?:와|과)\s+"
                                  r"([가-힣]{2,})에서\s")
_DAY_AT_A_PLACE = re.compile(r"(?<![\d.])(\d{1,2})\s*일(?:에는|에)?\s+(?:[가-힣]+\s+)?([가-힣]{2,})에서\s")
_DONE_BETWEEN = re.compile(r"[가-힣](?:하고|하며|해|한\s*뒤|한\s*후|했고|하였고|했으며|고|며)[\s,]")


def _a_place_abroad(word: str) -> bool:
    """Whether a word is a country or a city the gazetteer knows (not 현지, 시청)."""
    from .places import city_index, country_index

    return word in country_index() or word in city_index()


def _days_each_at_a_place(before: str) -> tuple[int, str]:
    """How many signings the days told before an agreement's words count, each day with a place
    abroad of its own (not a range, nor two days at one place, nor days of other things)."""
    if re.search(r"부터|까지|[~∼～〜]", before):
        return 1, ""
    paired = _TWO_DAYS_TWO_PLACES.search(before)
    if paired and paired.group(1) != paired.group(2) and all(_a_place_abroad(w) for w in paired.groups()):
        return 2, paired.group(0).strip()
    each = list(_DAY_AT_A_PLACE.finditer(before))
    if not 2 <= len(each) <= 6 or len({m.group(1) for m in each}) < len(each) or len({m.group(2) for m in each}) < len(
            each) or not all(_a_place_abroad(m.group(2)) for m in each):
        return 1, ""
    if any(_DONE_BETWEEN.search(before[a.end():b.start()]) for a, b in zip(each, each[1:])):
        return 1, ""
    return len(each), ", ".join(m.group(0).strip() for m in each)


def _each(before: str) -> int:
    """`각각 500만 불, 3000만 불 규모의`: as many agreements as items listed after 각각 (or as
    parties listed before it)."""
    m = re.search(r"각각\s+([^.]*?)$", before)
    if not m or not m.group(1).strip():
        # `25일 뉴욕에서 A사와, 29일에는 ... B사와, 8월 1일에는 LA에서 C사와 각각 투자협약을`: one with each party
        # listed before 각각
        if re.search(r"(?:와|과)\s+각각\s*$", before) or re.search(r"각각\s*$", before):
            return max(1, min(len(re.findall(r"[가-힣A-Za-z0-9)]+(?:와|과),?\s", before)), 6))
        return 1
    items = [p for p in re.split(r",\s*|와\s|과\s", m.group(1)) if p.strip()]
    return max(1, min(len(items), 6))
