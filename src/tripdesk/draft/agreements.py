"""Agreements: the sentences that sign, plan or reach one, and of which kind.

A sentence holds at most one agreement. Its kind comes from the words (양해각서/MOU: `MOU`;
업무협약: `business agreement`; 자매결연 or 자매도시 with a signing verb: `sister-city`;
의향서: `letter of intent`; 공동선언: `joint declaration`; 협약, 협정, 우호협력 or an agreement
reached, 합의: `other`). Where it stands (the format's agreement `status`) comes from the verb: `signed` (체결했다),
`planned` (체결한다, 체결할 예정, 추진할 계획), `agreed in principle` (합의했다, 합의하고),
`pledged` (화답했다, 약속했다), else `unknown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = (
    ("MOU", re.compile(r"양해각서|MOU|엠오유|memorandum of understanding", re.I)),
    ("letter of intent", re.compile(r"의향서|LOI|letter of intent", re.I)),
    ("joint declaration", re.compile(r"공동선언|joint (?:declaration|statement)", re.I)),
    ("business agreement", re.compile(r"업무\s*협약|business agreement", re.I)),
    ("sister-city", re.compile(r"자매\s*(?:결연|도시)(?:을|를)?\s*(?:체결|맺)|sister[- ]city (?:agreement|relationship|ties)", re.I)),
    ("other", re.compile(r"경제\s*협약|우호\s*(?:협력|도시)\s*(?:협약|협정|체결)|협약|협정|합의(?:하|했|한|를|에)|"
                         r"\bagreements?\b|\bagreed\b")),
)
_SIGNING = re.compile(r"체결|서명|맺|조인|합의|선언(?:을|을\s*할|한다|했다|할)|\bsign|\bconclud|\bagreed\b|\bdeclar")
_PLANNED = re.compile(r"(?:체결|서명|추진|맺|조인|선언을)\s*(?:한다|할\s*예정|할\s*계획|키로|하기로|할|을\s*앞두)|"
                      r"연계\s*추진|예정이다|계획이다|검토하기로|\bwill\b[^.]*\bsign|\bto sign\b|\bplans? to\b")
_SIGNED = re.compile(r"(?:체결|서명|맺|조인)\s*(?:했|하였|됐|되었|하고|한\s*것)|맺었|\bsigned\b|\bconcluded\b")
_AGREED = re.compile(r"(?:합의|협의)\s*(?:했|하였|하고|하는|해|됐)|\bagreed\b")
_PLEDGED = re.compile(r"화답|약속(?:했|하였|하고)|\bpromised\b|\bpledged\b")
_DONE = re.compile(r"(?:체결|서명|맺|합의|조인)\s*(?:했|하였|됐|되었|한\s*것|하고|하는\s*한편|해)")


@dataclass
class AgreementFound:
    kind: str
    planned: bool
    sentence: str
    begin: int  # offset of the sentence
    words: str  # the words the kind was read from
    status: str = "unknown"  # signed | agreed in principle | planned | pledged | unknown


def find_agreements(text: str, sentences: list[tuple[int, int]]) -> list[AgreementFound]:
    found = []
    for begin, end in sentences:
        sentence = text[begin:end]
        if not _SIGNING.search(sentence):
            continue
        for kind, pattern in KINDS:
            m = pattern.search(sentence)
            if m:
                done = _DONE.search(sentence)
                planned = bool(_PLANNED.search(sentence)) and not (done and done.start() > m.start())
                if planned:
                    status = "planned"
                elif _SIGNED.search(sentence):
                    status = "signed"
                elif _AGREED.search(sentence):
                    status = "agreed in principle"
                elif _PLEDGED.search(sentence):
                    status = "pledged"
                else:
                    status = "unknown"
                found.append(AgreementFound(kind, planned, sentence.strip(), begin, m.group(0), status))
                break
    return found
