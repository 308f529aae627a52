"""Agreement kinds the format has beyond MOU and 업무협약: 투자협약 is an investment agreement,
경제협약 an economic one, 교류협약 an exchange agreement (docs/data-format.md); a friendship-city
agreement stays `other`, the kind the shared scorer takes for its gold `friendship-city`."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("kiwipiepy", reason="the draft extra is not installed")

from tripdesk.draft import agreements, analyser  # noqa: E402
from tripdesk.draft.articles import Article  # noqa: E402
from tripdesk.draft.assemble import draft_trip  # noqa: E402
from tripdesk.draft.dates import YearHint  # noqa: E402
from tripdesk.model import AGREEMENT_KINDS  # noqa: E402
from tripdesk.store.queries import KnownEntities  # noqa: E402


def drafted(text: str, published: dt.date) -> dict:
    """The trip file drafted from one made-up article of that date."""
    return draft_trip([Article(name="a.txt", text=text, outlet="x")], KnownEntities(),
                      YearHint(published=published)).document


def kinds(text: str) -> list[tuple[str, str]]:
    return [(a.kind, a.words) for a in agreements.find_agreements(text, analyser.sentences(text))]


def test_the_words_before_a_bare_agreement_say_its_kind() -> None:
    assert kinds("시장은 12일 경제개발공사를 방문해 경제협약을 체결할 예정이다.") == [
        ("economic agreement", "경제협약")]
    assert kinds("시장은 뉴욕에서 현지기업과 투자유치 협약을 맺는다.") == [
        ("investment agreement", "투자유치 협약")]
    assert kinds("18일에는 현지 기업과 1200만달러 투자협약을 체결한다.") == [
        ("investment agreement", "투자협약")]
    assert kinds("양 도시는 교류협력 협약을 체결했다.") == [("exchange agreement", "교류협력 협약")]
    assert all(kind in AGREEMENT_KINDS for kind, _ in kinds("양 도시는 교류협약과 경제협약을 잇달아 체결했다."))


def test_a_friendship_agreement_and_an_explicit_mou_keep_their_kinds() -> None:
    assert kinds("위해시와 우호도시 협약을 체결했다.") == [("other", "우호도시 협약")]
    assert kinds("양 도시는 우호교류 협약을 체결했다.") == [("other", "우호교류 협약")]
    assert kinds("우수 외투기업과 투자협약(MOU)을 체결할 계획이다.") == [("MOU", "MOU")]


def test_an_mou_in_the_lead_and_its_dated_investment_agreement_are_one() -> None:
    text = ("천안시는 박민수 부시장을 단장으로 하는 대표단이 16일부터 21일까지 미국 뉴욕을 방문한다.\n"
            "대표단은 우수 외투기업과 투자협약(MOU)을 체결하고 투자상담을 펼칠 계획이다.\n"
            "18일에는 세계적인 기업인 가나다테크와 1200만달러 투자협약을 체결한다.")
    doc = draft_trip([Article(name="made-up.txt", text=text, outlet="테스트일보")], KnownEntities(),
                     YearHint(published=dt.date(2023, 4, 15))).document
    (agreement,) = doc["agreements"]
    assert agreement["kind"] == "MOU" and agreement["date"] == dt.date(2023, 4, 18)


def test_an_agreement_document_hapuiseo_signed_is_an_agreement() -> None:
    assert kinds("20일은 현을 방문해 지사와 회담을 갖고 관광 분야 협력 강화를 위한 합의서를 체결한다.") == [
        ("other", "합의서")]


def test_an_agreement_reached_in_an_earlier_month_is_not_of_this_trip() -> None:
    text = ("김장호 구미시장을 단장으로 한 방문단은 지난 25일부터 28일까지 미국 뉴욕을 방문했다. 이번 방문은 지난 6월 시와 리지필드가 "
            "농산물 수출에 상호 협력하기로 합의한 후 이뤄졌다. 방문단은 25일 한인회와 간담회를 가졌다.")
    article = Article(name="made-up.txt", text=text, outlet="테스트일보")
    doc = draft_trip([article], KnownEntities(), YearHint(published=dt.date(2019, 7, 28))).document
    assert doc.get("agreements", []) == []


def test_an_agreement_named_only_by_what_it_is_for_with_a_signing_verb() -> None:
    # Session-18 held-out batch (세종 2013, 경기 2012): no 협약 or MOU word, only its subject.
    assert kinds("3일에는 푸트라자야를 방문, ‘세종시-푸트라자야시 간 교류협력’을 체결할 예정이다.") == [
        ("exchange agreement", "교류협력")]
    assert kinds("우선 20일 터키 이스탄불 주를 방문, 우호협력을 체결한다.") == [("other", "우호협력")]
    # (종로 2019: a friendship tie, 우호결연, to be signed; its anniversary is no agreement)
    assert kinds("대표단은 6일 라이드시의회를 방문해 우호결연 관계에 공식 서명을 한다.") == [("other", "우호결연")]
    assert kinds("라이드시와 우호결연을 체결하기 위해 호주를 방문한다.") == [("other", "우호결연")]
    assert kinds("웨이하이 우호결연 25주년을 기념한다.") == []
    # (the 25th held-out batch: 남해 2019 `아와지시마시장회와 우호교류를 체결했다`; 예산 2024 `... 파파고리조트에서 우호교류
    # 협약식을 진행했다`, a ceremony held)
    assert kinds("남해군이 지난 28일 아와지시마시장회와 우호교류를 체결했다.") == [("other", "우호교류")]
    assert kinds("예산군은 10월 25일 파파고리조트에서 우호교류 협약식을 진행했다.") == [("other", "우호교류 협약식")]
    assert kinds("양 도시는 우호교류를 이어가고 있다.") == []
    # cooperation strengthened or discussed is no agreement
    assert kinds("양 도시는 우호협력을 강화하기로 했다.") == []
    assert kinds("교류협력 방안을 논의한다.") == []


def test_an_agreement_signed_before_a_sentence_that_ends_in_the_present_is_planned() -> None:
    from tripdesk.draft.agreements import find_agreements

    text = ("김 시장은 먼저 8~9일 산타클라라시를 방문해 리사 길모어 시장과 우호 도시 협약을 체결하고 주춤했던 교류 협력 "
            "관계를 다시 다진다.")
    (found,) = find_agreements(text, [(0, len(text))])
    assert found.status == "planned"
    done = "김 시장은 길모어 시장과 우호 도시 협약을 체결하고 교류 협력 관계를 다졌다."
    assert [a.status for a in find_agreements(done, [(0, len(done))])] == ["signed"]


def status(text: str) -> list[tuple[str, str, str]]:
    return [(a.kind, a.status, a.words) for a in agreements.find_agreements(text, analyser.sentences(text))]


def test_a_ceremony_told_as_its_sentences_subject_is_a_signing() -> None:
    # (고성 2023: `자매결연 협약식은 25일 가사오카시 시민회관에서 ... 참석한 가운데 열렸다`)
    assert status("자매결연 협약식은 25일 가사오카시 시민회관에서 이상근 고성군수 등 200여명이 참석한 가운데 열렸다.") == [
        ("sister-city", "signed", "자매결연 협약")]
    assert status("업무협약식은 오는 14일 시청에서 열릴 예정이다.") == [("business agreement", "planned", "업무협약")]
    # what the agreement says is not another agreement
    assert status("협약 내용은 △공동번영을 위한 교류 추진 △상호 정보 교환 및 협력 등이다.") == []


def test_a_protocol_and_a_memorandum_are_agreements() -> None:
    # (강원 2015: `40년 교류 의정서에 서명하고`; 전남 2016: `협력을 더욱 공고히 하자는 비망록에 서명하게 된다`)
    assert status("주 수상과 만나 40년 교류 의정서에 서명하고 향후 협력 확대를 약속했다.") == [
        ("other", "signed", "의정서")]
    assert [k for k, _, _ in status("양 지역의 협력을 더욱 공고히 하자는 비망록에 서명하게 된다.")] == ["other"]


def test_an_english_agreement_linking_two_sister_cities_and_a_pact_signed_beside_it() -> None:
    # (춘천 2019, Yonhap English)
    assert status("Chuncheon Mayor Lee Jae-soo signed an agreement with his Da Lat counterpart earlier in the day at "
                  "Da Lat City Hall to link Chuncheon and Da Lat as sister cities.") == [
        ("sister-city", "signed", "agreement")]
    assert ("other", "signed", "pact") in status(
        "On the sidelines of the agreement, the two cities also signed a sports exchange pact under which the cities "
        "will hold a joint sports event every year.")
    assert [s for _, s, _ in status("The two cities will sign a pact that was signed in draft last year.")] == ["planned"]


def test_an_agreements_partner_city_and_a_signing_someone_helped_with_are_not_agreements_made() -> None:
    # (장흥 2015 `우호교류 협정도시 답방 차`; 고성 2009 `글렌데일시와의 자매결연 체결과 ... 홍보에 적극
    # 나서준 이창엽씨를 ... 위촉했다`)
    assert status("우호교류 협정도시 답방 차 미국을 방문한 장흥군 관계자들이 박람회 참가를 요청했다.") == []
    assert status("이학렬 군수는 글렌데일시와의 자매결연 체결과 미주지역 고성군 홍보에 적극 나서준 이창엽씨를 "
                  "고성군 국제자문으로 위촉했다.") == []
    assert status("시는 글렌데일시와 자매결연을 체결하고 홍보에 나섰다.") == [("sister-city", "signed", "자매결연을 체결")]


def test_a_wish_to_sign_a_tie_describing_a_korean_government_and_agreeing_to_do_are_no_agreements() -> None:
    # (화순 2015 `섭현에서 화순군과 MOU체결 의사를 피력해`; 안성 2011 `브레아 시와 자매결연을 체결한 경기도
    # 안성시의 황은성 시장을 비롯해 ... 오는 15일부터`; 광주 2024 English `signed the "Sister City
    # Cooperation Agreement" with Qingdao City and agreed to exchange ...`)
    assert status("이번 MOU체결에는 섭현에서 화순군과 MOU체결 의사를 피력해 추진하게 됐다.") == [("MOU", "signed", "MOU")]
    assert status("브레아 시와 자매결연을 체결한 경기도 안성시의 황은성 시장을 비롯해 9명이 오는 15일부터 방문한다.") == []
    assert status("시는 브레아 시와 자매결연을 체결한 뒤 만찬을 가졌다.") == [("sister-city", "signed", "자매결연을 체결")]
    assert status("Gwangju signed the \"Sister City Cooperation Agreement\" with Qingdao City and agreed to exchange "
                  "in tourism.") == [("sister-city", "signed", "Sister City Cooperation Agreement")]


def test_this_agreement_told_again_in_a_later_sentence_is_the_one_told_of() -> None:
    # (고령 2015: `... 상호교류 추진을 위한 의향서(MOU)를 체결했다` then `이번 체결된 상호교류 추진 의향서는 ...`)
    doc = draft_trip([Article(name="g.txt", text=(
        "곽용환 고령군수는 지난 21일 미국 메릴랜드주 몽고메리카운티를 방문해 양 도시간 상호교류 추진을 위한 의향서(MOU)를 "
        "체결했다고 밝혔다.\n이번 체결된 상호교류 추진 의향서는 청소년 문화교류를 비롯한 각 분야별 교류를 담았다."),
        outlet="테스트일보")], KnownEntities(), YearHint(published=dt.date(2015, 1, 23))).document
    assert len(doc["agreements"]) == 1 and len(doc["agreements"][0]["evidence"]) == 2


def test_a_sister_city_tie_made_with_hada() -> None:
    # (사천 2023: `16일에는 제슈프시와 ... 파트너십 구축을 위한 자매결연을 한다`)
    assert status("16일에는 제슈프시와 전략적 항공산업 파트너십 구축을 위한 자매결연을 한다.") == [
        ("sister-city", "planned", "자매결연")]
    assert status("양 도시는 2010년 자매결연을 한 이후 교류해 왔다.") == []


def test_attending_a_signing_ceremony_is_a_signing() -> None:
    # (청주 2023: `주스페인한국문화원과 비엔날레 홍보협약식에 참석한다`)
    assert status("이어 해외홍보 설명회와 주스페인한국문화원과 비엔날레 홍보협약식에 참석한다.") == [
        ("other", "planned", "홍보협약식")]
    assert [s for _, s, _ in status("시장은 현지 기업과의 업무협약식에 참석했다.")] == ["signed"]


def test_an_agreement_also_made_with_do() -> None:
    # (전남 2024: `30일에는 ... 판아시아(PanAsia)와의 업무협약도 진행한다`)
    assert status("30일에는 유럽 수출 확대를 위해 판아시아(PanAsia)와의 업무협약도 진행한다.") == [
        ("business agreement", "planned", "업무협약")]


def test_a_sister_city_signing_ceremony_held_and_its_agreement_signed_is_one_signed_tie() -> None:
    # (울산 2021, the 20th held-out batch: `자매결연 조인식을 갖고 협정서에 서명했다`; `조인식을 가지기로
    # 합의했다` says where the signing is held, no agreement of its own)
    text = ("송철호 울산시장이 20일(현지 시간 19일 오후) 휴스턴 시청에서 터너 휴스턴 시장을 만나 두 도시간 자매결연 "
            "조인식을 갖고 협정서에 서명했다. 양 도시는 휴스턴시에서 조인식을 가지기로 합의했다.")
    found = agreements.find_agreements(text, analyser.sentences(text))
    assert [(a.kind, a.status) for a in found] == [("sister-city", "signed")]
    # the ceremony still to come, told with the same connective, is planned
    planned = "시장은 자매결연 조인식을 갖고 협정서에 서명할 예정이다."
    assert [a.status for a in agreements.find_agreements(planned, analyser.sentences(planned))] == ["planned"]


def test_a_tie_that_describes_a_foreign_government_is_no_agreement_of_the_trip() -> None:
    # (청주 2019: `충북도와 자매결연을 맺은 일본 야마나시현의 현청 소재지로`)
    assert kinds("고후시는 충북도와 자매결연을 맺은 일본 야마나시현의 현청 소재지로 와인 산지로 알려져 있다.") == []
    # one made that day is
    assert kinds("이날 자매결연을 맺은 일본 야마나시현의 지사는 환영사를 했다.") == [("sister-city", "자매결연을 맺")]


def test_an_agreement_of_that_year_is_before_the_trip_and_one_signed_on_a_one_day_trip_is_of_that_day() -> None:
    text = ("미국을 방문 중인 송철호 울산시장이 19일(현지시간) 휴스턴 시청에서 자매결연 협정서에 서명했다고 20일 밝혔다.\n\n"
            "울산시는 2019년 휴스턴시에 자매결연을 제안했다. 그해 4월 교류협력 업무협약(MOU)을 체결하고 협정안을 승인했다.")
    doc = drafted(text, dt.date(2021, 11, 20))
    assert [(a["kind"], a.get("date")) for a in doc["agreements"]] == [("sister-city", dt.date(2021, 11, 19))]
    # (서귀포 2018: `자매결연을 체결했다고 25일 밝혔다. 현지 시각으로 이날 오후 살리나스 시청에서 ...`)
    text = ("이상순 서귀포시장, 살리나스 방문\n\n제주 서귀포시는 미국 캘리포니아주 살리나스시와 자매결연을 체결했다고 25일 "
            "밝혔다.\n\n현지 시각으로 이날 오후 살리나스 시청에서 열린 체결식에는 이상순 서귀포시장이 참석했다.")
    doc = drafted(text, dt.date(2018, 6, 25))
    (agreement,) = doc["agreements"]
    assert agreement["date"] == dt.date(2018, 6, 25) and "one day" in agreement["inferred"]["date"]["en"]
    # (예천 2017: `지난 해 5월 보계시와 자매결연 체결 후`, last year written with a space, is before the trip)
    text = ("김학동 예천군수를 단장으로 한 대표단이 지난 8일부터 11일까지 중국 보계시를 방문했다.\n\n"
            "이번 방문은 지난 해 5월 보계시와 자매결연 체결 후 두 번째 상호교류다.")
    doc = drafted(text, dt.date(2017, 3, 14))
    assert doc.get("agreements", []) == []


def test_one_agreement_with_each_party_listed_before_each_on_its_own_day() -> None:
    # (경기 2014, the 20th held-out batch: `25일 뉴욕에서 A사와, 29일에는 워싱턴 D,C에서 B사와, 8월 1일에는 LA에서
    # C사와 각각 투자협약을 맺는다`)
    text = ("남경필 경기도지사가 미국 출장길에 오른다. 남 지사는 24일부터 8월 2일까지 미국을 방문한다.\n\n남 지사는 25일 "
            "뉴욕에서 A사와, 29일에는 워싱턴 D,C에서 B사와, 8월 1일에는 LA에서 C사와 각각 투자협약을 맺는다.")
    found = agreements.find_agreements(text, analyser.sentences(text))
    assert [(a.kind, a.of) for a in found] == [("investment agreement", 3)] * 3
    doc = drafted(text, dt.date(2014, 7, 22))
    assert [a.get("date") for a in doc["agreements"]] == [dt.date(2014, 7, 25), dt.date(2014, 7, 29),
                                                          dt.date(2014, 8, 1)]


def test_one_agreement_for_each_day_told_with_its_own_place() -> None:
    # (고흥 2019, the 33rd held-out batch: `지난 8일과 11일 체코와 이탈리아에서 ... 수출협약을 체결한데 이어, 지난 14일에는
    # 말레이시아에서 100만 달러, 16일에는 홍콩에서 400만 달러의 농수산물 수출협약을 체결했다`: four signings)
    text = ("송귀근 고흥군수를 단장으로 한 농수산물 수출촉진단이 지난 8일부터 18일까지 유럽과 아시아를 방문했다.\n\n고흥군 농수산물 수출촉진단은 지난 "
            "8일과 11일 체코와 이탈리아에서 유자상품 190만 달러의 수출협약을 체결한데 이어, 지난 14일에는 말레이시아에서 "
            "100만 달러, 16일에는 홍콩에서 400만 달러의 농수산물 수출협약을 체결했다고 밝혔다.")
    found = agreements.find_agreements(text, analyser.sentences(text))
    assert [a.of for a in found] == [2, 2, 2, 2]
    doc = drafted(text, dt.date(2019, 8, 19))
    assert [a.get("date") for a in doc["agreements"]] == [dt.date(2019, 8, d) for d in (8, 11, 14, 16)]
    # two days at one place are one agreement's days (`17일과 18일 몽골 울란바토르시에서 ... 업무협약을 체결한다`)
    text = "이 지사는 이어 17일과 18일 몽골 울란바토르시에서 양수발전소 사업과 관련한 업무협약을 체결한다."
    assert [a.of for a in agreements.find_agreements(text, analyser.sentences(text))] == [1]


def test_renewed_brought_about_each_after_the_words_and_a_bare_back_reference_by_its_party() -> None:
    # (the 21st held-out batch) 아산 2025: `기존 ... 협약을 갱신하고`; 울산 2019: `협약을 끌어 내는 성과를 거뒀다`
    text = "닌빙성에서는 기존 상호결연도시 협약을 갱신하고, 계절근로자 파견 협약 재체결 및 실무 협의를 진행한다."
    assert [(a.words, a.status) for a in agreements.find_agreements(text, analyser.sentences(text))] == [
        ("상호결연도시 협약", "planned"), ("파견 협약", "planned")]
    text = "송 시장은 이번 미국 방문을 통해 휴스턴시와의 국제교류 협약을 끌어 내는 성과를 거뒀다."
    assert [(a.kind, a.status) for a in agreements.find_agreements(text, analyser.sentences(text))] == [
        ("exchange agreement", "signed")]
    # 나주 2016: `하워드 카운티 정부와 하워드 커뮤니티 대학(...)과 ... 협약(MOU)을 각각 체결했다`: two
    text = ("강 시장은 하워드 카운티 정부와 하워드 커뮤니티 대학(Howard Community College)과 교류 확대를 위한 "
            "협약(MOU)을 각각 체결했다.")
    assert [a.of for a in agreements.find_agreements(text, analyser.sentences(text))] == [2, 2]
    # 충남 2019: `16일 ... A사와 투자유치 협약을 맺는다. 양 지사는 A사와 협약을 체결한 뒤 ...`: the one told
    text = ("양승조 충남지사가 15일부터 19일까지 미국과 프랑스를 방문한다.\n\n양 지사는 15일 윌밍턴에서 D사와 투자유치 "
            "업무협약을 맺은 뒤 16일 앨런타운으로 이동해 A사와 투자유치 협약을 맺는다.\n\n양 지사는 A사와 협약을 체결한 뒤 "
            "곧바로 프랑스로 이동해 17일 파리에서 I사와 투자상담을 진행한다.")
    doc = drafted(text, dt.date(2019, 4, 12))
    assert [(a["kind"], a.get("date")) for a in doc["agreements"]] == [
        ("business agreement", dt.date(2019, 4, 15)), ("investment agreement", dt.date(2019, 4, 16))]


def test_what_a_signed_agreement_agrees_in_its_own_sentence_is_not_another() -> None:
    # (봉화 2014: `“우호교류협정서”를 체결하고, ... 공동발전을 도모하는데 합의하였다`)
    text = ("대표단은 봉화시정부를 방문하여 천즈앙 봉화시장과 “우호교류협정서”를 체결하고, 행정․문화 등 각 분야에 있어 "
            "협력과 교류의 확대로 공동발전을 도모하는데 합의하였다.")
    found = agreements.find_agreements(text, analyser.sentences(text))
    assert [(a.words, a.status) for a in found] == [("우호교류협정서", "signed")]
    # an agreement with another party, told after 와는, still is one
    text = "시는 A시와 업무협약을 체결하고, B대학과는 연구 교류에 합의했다."
    assert len(agreements.find_agreements(text, analyser.sentences(text))) == 2


def test_an_agreement_dated_only_by_its_ranges_first_day_is_the_one_dated_within_it() -> None:
    # (성주 2016, the 25th held-out batch: the lead's `지난 28일 ... 의향서를 체결했다` and `지난 27일부터 3일 동안
    # ... 신현을 방문해 ... 의향서를 체결했다`: one letter of intent, of the 28th, told in either order)
    lead = "성주군이 지난 28일 중국 산동성 요성시 신현과 우호교류협력 의향서를 체결했다."
    ranged = ("성주군 대표단(단장 김세환 부군수)은 지난 27일부터 3일 동안 중국 요성시 신현을 방문해 교류와 협력을 위한 "
              "의향서를 체결했다.")
    after = ("이날 체결식에는 김세환 부군수 등 성주군 대표단 4명과 중국 신현의 장국주 현장 등 12여명이 참석했다.\n"
             "이에 앞서 김항곤 성주군수는 24~29일까지 중국 광동성 심천·혜주시를 방문 교류협력을 이끌어 낸 바 있다.")
    for text in (f"{lead}\n{ranged}\n{after}", f"{ranged}\n{lead}\n{after}"):
        doc = drafted(text, dt.date(2016, 6, 30))
        assert [(a["kind"], a.get("date")) for a in doc["agreements"]] == [("letter of intent", dt.date(2016, 6, 28))]


def test_companies_listed_a_pledge_signed_and_a_sum_of_the_agreements_told_one_by_one() -> None:
    # (충남 2016, the 26th held-out batch: `4개기업으로부터 모두 ... 투자유치협약(MOU)을 맺을 계획이다`, then
    # `27일 ... 일본 H사, K사와 투자협약을`, `28일 ... U사와 투자협약을`, `29일에는 ... M사와 서약서에 최종 서명하고`)
    text = ("충청남도는 안희정 충남지사가 27일부터 3박5일 일정으로 유럽 출장길에 오른다고 26일 발표했다.\n\n"
            "안 지사는 유럽출장에서 4개기업으로부터 모두 1억달러 이상 투자유치협약(MOU)을 맺을 계획이다.\n\n"
            "안 지사는 출국 당일인 27일 인천공항 귀빈실에서 일본 H사, K사와 투자협약을 체결한다.\n\n"
            "안 지사는 28일 벨기에 브뤼셀로 옮겨 이차전지 소재 제조업체인 U사와 투자협약을 체결한다.\n\n"
            "29일에는 이탈리아 밀라노에서 건축용 방수·접착제 제조업체인 M사와 서약서에 최종 서명한다.")
    doc = drafted(text, dt.date(2016, 9, 26))
    assert [(a["id"], a.get("date")) for a in doc["agreements"]] == [
        ("agreement-1", dt.date(2016, 9, 27)), ("agreement-2", dt.date(2016, 9, 27)),
        ("agreement-3", dt.date(2016, 9, 28)), ("agreement-4", dt.date(2016, 9, 29))]
    # (충남 2022: `업체 5곳(6건)과 총 2억 달러 규모의 투자협약을 체결한다`: six)
    text = "김 지사는 반도체와 전기차 소재·부품 업체 5곳(6건)과 총 2억 달러 규모의 투자협약을 체결한다."
    assert [a.of for a in agreements.find_agreements(text, analyser.sentences(text))] == [6] * 6


def test_an_agreement_had_and_one_other_parties_also_join_are_their_own() -> None:
    # (경북 2024, the 33rd held-out batch: `... 등과 ... 전통 의학과 관련한 양해각서를 갖는다`: an MOU had, planned)
    text = ("또 몽골 10대 기업에 속하는 모노스그룹, 몽골 교육과학부 등과 바이오 산업 분야 공동연구 및 상품개발을 논의하고 "
            "전통 의학과 관련한 양해각서를 갖는다.")
    assert [(a.kind, a.status) for a in agreements.find_agreements(text, analyser.sentences(text))] == [("MOU", "planned")]
    text = "시장은 현지 기업과 투자 양해각서(MOU)를 가졌다."
    assert [(a.kind, a.status) for a in agreements.find_agreements(text, analyser.sentences(text))] == [("MOU", "signed")]
    # an MOU held for years is no signing
    assert agreements.find_agreements("양 기관은 양해각서를 갖고 있다.", [(0, 16)]) == []
    # (`이 자리에는 경상북도개발공사와 ... 주택정책공사도 참여해 세부사업 실행을 위한 업무협약을 진행한다`: other parties
    # also join, a second agreement of the kind told the sentence before)
    text = ("이철우 경북도지사를 단장으로 한 대표단이 15일부터 19일까지 몽골 울란바토르시를 방문한다.\n\n이 지사는 17일 몽골 "
            "울란바토르시에서 양수발전소 사업과 관련한 업무협약을 체결한다. 이 자리에는 경상북도개발공사와 몽골 국립에너지센터, "
            "울란바토르시 주택정책공사도 참여해 세부사업 실행을 위한 업무협약을 진행한다.")
    doc = drafted(text, dt.date(2024, 4, 14))
    assert [a["kind"] for a in doc["agreements"]] == ["business agreement", "business agreement"]


def test_an_agreement_told_after_ieh_apseo_on_a_day_of_the_trip_is_the_trips() -> None:
    # (울산 2009, the 34th held-out batch: the lead tells the 6th, then `이에 앞서 울산시는 중국 방문 첫째 날인 3일
    # 청도시를 방문해 울산시와 칭다오시 사이에 ... ‘우호협력도시 협정 체결식’을 갖는다`: earlier in this trip)
    text = ("울산시는 박맹우 울산시장을 비롯해 ‘울산시 대표단’이 다음 달 3일부터 7일까지 중국을 방문해 6일 창춘시에서 열릴 "
            "회의에 참석한다고 31일 밝혔다.\n이에 앞서 울산시는 중국 방문 첫째 날인 3일 청도시를 방문해 울산시와 칭다오시 사이에 "
            "교류협력 증진 등을 주요 내용으로 하는 ‘우호협력도시 협정 체결식’을 갖는다.")
    doc = drafted(text, dt.date(2009, 7, 31))
    (agreement,) = doc["agreements"]
    assert agreement["date"] == dt.date(2009, 8, 3)
    # 청도시 and 칭다오시 are one party, the City of Qingdao
    qingdao = [o for o in doc["organisations"] if o["name"].get("en") == "City of Qingdao"]
    assert len(qingdao) == 1 and qingdao[0]["aliases"] == ["칭다오시"]
    # an agreement of an earlier journey told after 앞서 is still not the trip's
    text = ("박맹우 울산시장이 3일부터 7일까지 중국을 방문한다.\n앞서 울산시는 지난 5월 청도시와 우호협력도시 협정을 체결했다.")
    doc = drafted(text, dt.date(2009, 7, 31))
    assert doc.get("agreements", []) == []


def test_a_year_in_the_quoted_title_of_an_agreement_does_not_put_it_before_the_trip() -> None:
    # (봉화 2025, the 34th held-out batch: `지난 21일 ... 청사를 방문해 ‘2026년 외국인 계절근로자 도입에 대한 업무협약’을
    # 체결했다`)
    text = ("박현국 봉화군수가 이끄는 대표단이 지난 21일 베트남 다낭시 화방면 인민위원회 청사를 방문해 ‘2026년 외국인 "
            "계절근로자 도입에 대한 업무협약’을 체결했다.")
    doc = drafted(text, dt.date(2025, 11, 25))
    (agreement,) = doc["agreements"]
    assert (agreement["date"], agreement["status"]["value"]) == (dt.date(2025, 11, 21), "signed")


def test_an_agreement_a_speaker_names_in_a_quote_is_the_one_the_sentence_tells() -> None:
    # (완도 2015: `지난 11일 한인회관에서 열린MOU 체결식에 앞서 이 회장은 “... MOU를 체결함으로써 ...”고 밝혔다`: one MOU;
    # `앞서` here is before the ceremony, on a day of the trip)
    text = ("신우철 완도군수를 단장으로 한 대표단이 지난 10일부터 12일까지 미국 샌디에고를 방문했다.\n샌디에고 한인회와 완도군이 "
            "지난 11일 업무협약(MOU)을 체결했다.\n지난 11일 한인회관에서 열린MOU 체결식에 앞서 이 회장은 “완도군과 샌디에고는 "
            "항구도시라는 공통점이 있다”며“ 이런 공통점을 바탕으로 MOU를 체결함으로써 다리역할을하겠다”고 밝혔다.")
    doc = drafted(text, dt.date(2015, 2, 14))
    assert [a["date"] for a in doc["agreements"]] == [dt.date(2015, 2, 11)]


def test_a_sister_city_the_tie_describes_and_a_signing_whose_schedule_is_discussed_are_no_agreements() -> None:
    # (the 35th held-out batch) 대전 2024: `대전시와 자매결연을 맺은 헝가리 부다페스트를 방문해`
    text = "첫 일정으로 이 시장과 경제사절단은 대전시와 자매결연을 맺은 헝가리 부다페스트를 방문해 트램 거점역을 시찰한다."
    assert agreements.find_agreements(text, analyser.sentences(text)) == []
    # 부산 동구 2024: `향후 두 도시 간 '국제우호도시협약' 체결 일정에 대해 논의했다`
    text = "김진홍 청장 일행은 옌청구장과 회담을 열고 향후 두 도시 간 '국제우호도시협약' 체결 일정에 대해 논의했다."
    assert agreements.find_agreements(text, analyser.sentences(text)) == []
    # a tie made on a day of the trip is still one
    text = "시장은 3일 부다페스트를 방문해 자매결연을 맺은 뒤 귀국했다."
    assert [a.kind for a in agreements.find_agreements(text, analyser.sentences(text))] == ["sister-city"]


def test_days_each_at_a_place_count_only_places_abroad_with_nothing_done_between() -> None:
    # (the review of session 28) a dinner in Tokyo on the 8th, a signing in Osaka on the 9th: one agreement
    for text in ("시장은 8일 도쿄에서 환영 만찬에 참석한 뒤, 9일 오사카에서 현지 기업과 업무협약을 체결했다.",
                 "대표단은 8일 현지에서 간담회를 가진 뒤 9일 시청에서 업무협약을 체결한다.",
                 "5일과 6일 바이어들과 현지에서 수출협약을 체결했다."):
        assert [a.of for a in agreements.find_agreements(text, analyser.sentences(text))] == [1], text
    # `가진` is `having` before a noun (`협정을 가진 도시`), a signing only before 뒤 or 후
    assert agreements.find_agreements("두 도시는 우호협력 협정을 가진 도시로서 교류를 이어왔다.", [(0, 28)]) == []
    text = "양측은 MOU를 가진 뒤 오찬을 했다."
    assert [a.status for a in agreements.find_agreements(text, analyser.sentences(text))] == ["signed"]
    # a year a speaker recalls in a quote is of an earlier signing, not a title's
    text = ("김장호 구미시장을 단장으로 한 대표단이 3일부터 7일까지 중국을 방문했다.\n김 시장은 “두 도시는 2015년 우호협력 협약을 "
            "체결한 뒤 활발히 교류해 왔다”고 말했다.")
    doc = drafted(text, dt.date(2019, 5, 8))
    assert doc.get("agreements", []) == []


def test_agreements_of_the_same_kind_for_other_sums_are_two() -> None:
    # (영주 2008) `150만달러 수출 협약을 체결한다. 또 이날 ... 120만달러 수출 협약을 맺는다`: two export agreements
    text = ("김주영 영주시장 일행은 25일부터 28일까지 미국 로스앤젤레스를 방문한다.\n영주시는 27일 LA 코리아타운 윌셔플라자호텔에서 "
            "강성찬 소백인삼 대표 등이 참가한 가운데 풍기홍삼 150만달러 수출 협약을 체결한다.\n또 이날 풍기인삼공사 김정환 "
            "대표와 현지 바이어도 풍기인삼 120만달러 수출 협약을 맺는다.")
    doc = drafted(text, dt.date(2008, 9, 26))
    assert [(a["kind"], str(a.get("date"))) for a in doc["agreements"]] == [
        ("business agreement", "2008-09-27"), ("business agreement", "2008-09-27")]
    # one told twice with its one sum (`1,500만 달러`, `1500만달러`) stays one
    text = ("영주시 김 시장 일행은 25일부터 28일까지 미국 로스앤젤레스를 방문한다.\n시는 27일 로스앤젤레스에서 1,500만 달러 규모의 "
            "수출 협약을 체결한다.\n이날 체결하는 수출 협약은 1500만달러 규모로 역대 최대다.")
    doc = drafted(text, dt.date(2008, 9, 26))
    assert len(doc["agreements"]) == 1


def test_a_renewed_sister_city_tie_and_one_more_agreement_also_signed() -> None:
    # (음성 2019) `‘자매결연 재개 협약’을 체결했다` is a sister-city tie; `우호교류 합의서도 함께 체결했으며` one more
    assert kinds("음성군은 중국 태주시와 ‘자매결연 재개 협약’을 체결했다.") == [("sister-city", "자매결연 재개 협약")]
    text = ("조병옥 음성군수 일행은 18일부터 21일까지 중국 태주시를 방문했다.\n음성군은 19일 태주시와 우호협력 협약을 "
            "체결했다.\n또한 19일 군상공회의소와 태주시 메디컬시티 간의 우호교류 합의서도 함께 체결했다.")
    doc = drafted(text, dt.date(2019, 9, 22))
    assert [a["kind"] for a in doc["agreements"]] == ["other", "other"]
    # ... while `합의서를 체결했다`, told again without 도, is the one told before
    text = ("조병옥 음성군수 일행은 18일부터 21일까지 중국 태주시를 방문했다.\n음성군은 19일 태주시와 우호교류 합의서를 "
            "체결했다.\n이날 군수는 태주시장과 합의서를 체결했다.")
    assert len(drafted(text, dt.date(2019, 9, 22))["agreements"]) == 1


def test_a_past_date_that_lost_its_marks_a_ceremonys_document_and_a_goal_are_no_new_agreements() -> None:
    # (부여 2019) `양 도시는 201511월 우호교류 의향서를 체결하고`: November 2015, years before the trip
    text = ("박정현 부여군수 일행은 15일부터 18일까지 중국 연대시를 방문했다.\n부여군이 16일 연대시와 우호도시 결연을 체결했다.\n"
            "양 도시는 201511월 우호교류 의향서를 체결하고 교류를 이어왔다.")
    assert [a["kind"] for a in drafted(text, dt.date(2019, 10, 18))["agreements"]] == ["other"]
    # (보령 2018) `지난 1999426일 자매결연을 체결한 후`
    text = ("김동일 보령시장 일행은 15일부터 18일까지 중국 청포구를 방문했다.\n보령시는 16일 청포구와 교류합의서를 체결했다.\n"
            "청포구는 지난 1999426일 자매결연을 체결한 후 교류해 온 도시이다.")
    assert [a["kind"] for a in drafted(text, dt.date(2018, 10, 18))["agreements"]] == ["other"]
    # (부산 2013) `14일 ... 자매결연 협약식을 가졌다` ... `두 도시는 협약식에서 ... 협정서에 서명했다`: one tie
    text = ("부산시가 미얀마 양곤시와 자매결연을 맺었다.\n허남식 부산시장 일행은 14일 미얀마 양곤시청에서 양곤시장과 "
            "자매결연 협약식을 가졌다고 밝혔다.\n두 도시는 협약식에서 상호 교환방문과 경제 교류 등을 내용으로 하는 협정서에 서명했다.")
    assert [a["kind"] for a in drafted(text, dt.date(2013, 1, 15))["agreements"]] == ["sister-city"]
    # (대덕 2024) `정식으로 우호교류에 관한 협약 체결을 위해 노력하기로 했다`: a goal after the letter of intent
    text = ("최충규 대덕구청장 일행은 26일부터 30일까지 인도네시아 카라왕군을 방문했다.\n대덕구는 28일 카라왕군과 우호교류 의향서에 "
            "합의했다.\n양 도시는 정식으로 우호교류에 관한 협약 체결을 위해 노력하기로 했다.")
    assert [a["kind"] for a in drafted(text, dt.date(2024, 8, 29))["agreements"]] == ["letter of intent"]


def test_review_of_session_29_sums_written_two_ways_goals_reached_and_parties_at_a_ceremony() -> None:
    lead = "김주영 영주시장 일행은 25일부터 28일까지 미국 로스앤젤레스를 방문한다.\n"

    def count(text: str, published: dt.date = dt.date(2008, 9, 26)) -> int:
        return len(drafted(text, published).get("agreements", []))
    # one sum written two ways (`1천만달러`, `1000만달러`; `1억5천만원`, `1억5000만원`) and in two currencies: one
    for first, second in (("1천만달러", "1000만달러"), ("1억5천만원", "1억5000만원"), ("150만달러", "우리 돈 약 17억원")):
        text = (lead + f"영주시는 27일 로스앤젤레스에서 {first} 규모의 수출 협약을 체결한다.\n"
                f"이날 체결하는 수출 협약은 {second} 규모로 역대 최대다.")
        assert count(text) == 1, first
    # two sums that only end alike (`1억5천만원`, `2억5천만원`): two
    text = (lead + "영주시는 27일 풍기홍삼 1억5천만원 수출 협약을 체결한다.\n또 이날 현지 바이어도 풍기인삼 2억5천만원 수출 "
            "협약을 맺는다.")
    assert count(text) == 2
    # a goal reached (`협약 체결을 위해 노력해 왔으며 19일 마침내 ... 체결했다`) is a signing
    text = ("조병옥 음성군수 일행은 18일부터 21일까지 중국 태주시를 방문했다.\n음성군은 태주시와 협약 체결을 위해 노력해 왔으며 "
            "19일 마침내 우호교류 협약을 체결했다.")
    assert count(text, dt.date(2019, 9, 22)) == 1
    # `면담하고 우호교류 합의서도 체결한다`: also, beside the meeting, the one planned already
    text = ("조병옥 음성군수 일행은 18일부터 21일까지 중국 태주시를 방문한다.\n군은 이번 방문에서 태주시와 우호교류 합의서를 "
            "체결할 계획이다.\n일행은 19일 태주시장과 면담하고 우호교류 합의서도 체결한다.")
    assert count(text, dt.date(2019, 9, 10)) == 1
    # another agreement signed at the ceremony (`협약식에서 ... 투자 협약도 체결했다`) is its own
    text = ("부산시가 미얀마 양곤시와 자매결연을 맺었다.\n허남식 부산시장 일행은 14일 미얀마 양곤시청에서 양곤시장과 자매결연 "
            "협약식을 가졌다고 밝혔다.\n두 도시는 협약식에서 부산항만공사와 양곤항만청 간 투자 협약도 체결했다.")
    assert [a["kind"] for a in drafted(text, dt.date(2013, 1, 15))["agreements"]] == ["sister-city", "investment agreement"]


def test_memoranda_signed_in_other_countries_or_also_signed_after_another_are_more_than_one() -> None:
    # (경기 2014, the 37th held-out batch) `뉴욕과 미시건주를 방문해 ... 2개사와 투자 유치 양해각서를 체결한다`,
    # `이후 브라질과 아르헨티나를 방문해 ... 양해각서(MOU)를 체결한다`, `아울러 ... 센터와 브라질 한인상공회의소간 협력
    # 양해각서(MOU)도 체결한다`: two firms' memoranda in the US, one in South America, and one more besides
    text = ("김문수 경기도지사가 23일 대표단을 이끌고 미동부와 남미를 방문하는 6박10일 일정의 해외출장길에 올랐다.\n"
            "도 대표단은 먼저 뉴욕과 미시건주를 방문해 미국 자동차 부품회사 2개사와 투자 유치 양해각서를 체결한다.\n"
            "이후 브라질과 아르헨티나를 방문해 게임 등 콘텐츠 산업교류 양해각서(MOU)를 체결한다.\n"
            "아울러 경기중소기업지원센터와 브라질 한인상공회의소간 협력 양해각서(MOU)도 체결한다.")
    doc = drafted(text, dt.date(2014, 3, 23))
    assert [a["kind"] for a in doc["agreements"]] == ["MOU"] * 4
    # one memorandum told in the lead and again with its city, in one country, stays one
    text = ("김문수 경기도지사가 23일 대표단을 이끌고 미국을 방문하는 6박10일 일정의 해외출장길에 올랐다.\n"
            "김 지사는 미국에서 투자 양해각서를 체결한다.\n도 대표단은 뉴욕에서 현지 기업과 투자 양해각서를 체결한다.")
    assert len(drafted(text, dt.date(2014, 3, 23))["agreements"]) == 1


def test_what_does_not_make_more_agreements() -> None:
    # (from a review of the rules above) firms that go along, a deal of several parties, an everyday
    # word that is also a country's name, the agreement told again as `이번 협약`, and one told again with 또 ...도
    lead = "김영환 충북도지사를 단장으로 한 충북도 대표단은 14일부터 18일까지 5일간 일정으로 베트남을 방문한다.\n"
    for body in ("시는 15일 관내 기업 5개사와 함께 호찌민시를 방문해 호찌민시 투자청과 경제협력 양해각서를 체결한다.",
                 "도는 15일 현지 부품업체 3개사와 1억달러 규모의 4자간 투자협약을 체결한다.",
                 "충북도는 15일 베트남 빈푹성과 우호교류 협약을 체결한다.\n도는 빈푹성과 맺는 이번 협약을 농업 교류 확대의 "
                 "수단으로 활용할 계획이다.",
                 "충북도는 15일 우즈베키스탄 사마르칸트주와 우호교류 협약을 체결한다.\n이번 협약은 카자흐스탄, 키르기스스탄에 "
                 "이어 중앙아시아 국가 지방정부와 맺는 세 번째 우호교류 협약이다.",
                 "충북도는 베트남 빈푹성과 우호교류 협정을 체결했다.\n김 지사는 15일 빈푹성청을 방문해 성장과 면담했다.\n"
                 "또 양 지역의 교류 확대를 위한 우호교류 협정도 체결했다."):
        assert len(drafted(lead + body, dt.date(2024, 5, 13))["agreements"]) == 1, body
    # the same memorandum told in the lead and again with 아울러 ...도
    body = ("충북도는 빈푹성과 경제협력 양해각서(MOU)를 체결했다.\n김 지사는 15일 빈푹성청을 방문해 성장과 면담했다.\n"
            "아울러 양 도시 간 경제협력 양해각서(MOU)도 체결했다.")
    assert len(drafted(lead + body, dt.date(2024, 5, 13))["agreements"]) == 1


def test_a_tie_made_as_a_relationship_signed_or_entered_is_an_agreement() -> None:
    assert kinds("경남도는 서장자치구와 신규 우호교류 관계를 체결한다.") == [("other", "우호교류 관계")]
    assert kinds("양 도시는 이날 자매도시 관계를 맺었다.") == [("sister-city", "자매도시 관계")]
    assert kinds("허난성과 정식 우호협력도시 관계를 맺게 된다.") == [("other", "우호협력도시 관계")]
    assert kinds("양 기관이 실질적인 우호관계를 맺기로 약속했다.") == []  # good relations, no tie
    # a relationship that stands describes a partner; an agreement's relationship is not a new one
    assert kinds("시장은 우호협력 관계를 맺고 있는 A시를 방문한다.") == []
    assert kinds("양 도시는 협약 관계를 유지하기로 했다.") == []


def test_a_joint_statement_issued_is_a_joint_declaration() -> None:
    text = "시·도지사들이 주제발표와 토론을 하고 공동성명을 낸다."
    assert [(a.kind, a.status) for a in agreements.find_agreements(text, analyser.sentences(text))] == [
        ("joint declaration", "planned")]
    text = "양 도시는 공동선언문을 발표했다."
    assert [(a.kind, a.status) for a in agreements.find_agreements(text, analyser.sentences(text))] == [
        ("joint declaration", "signed")]
    assert kinds("시장은 성명서를 발표했다.") == []


def test_the_ceremony_of_an_agreement_told_before_is_that_agreement() -> None:
    # (부산 2007: `시작된 협정 조인식은`: 시작된 is a verb, not the agreement's name)
    doc = drafted("부산시, 美시카고시와 자매결연\n부산시와 미국 시카고시가 자매 도시의 인연을 맺었다.\n허남식 시장을 단장으로 하는 부산시 대표단은 7일(현지시간) 시카고시 문화회관 프레스턴 브래들리 홀에서 "
                  "리처드 데일리 시카고 시장과 자매도시 협정을 체결했다.\n이날 오후 6시부터 시작된 협정 조인식은 한미 양국의 "
                  "국가 연주에 이어 손성환 시카고 총영사와 김봉현 부산-시카고 자매결연 추진 위원회 위원장, 데일리 시장과 허 시장, "
                  "김길영 시카고 한인 회장의 축사순으로 진행됐다.\n", dt.date(2007, 5, 9))
    assert [(a["kind"], str(a.get("date"))) for a in doc["agreements"]] == [("sister-city", "2007-05-07")]


def test_a_tie_to_be_signed_when_the_partners_head_is_invited_over_is_not_of_the_trip() -> None:
    doc = drafted("목포시, 울란바토르와 업무협약\n이인곤 부시장을 단장으로 한 목포시 대표단은 지난 19일 울란바토르와 의료관광 등을 위한 업무협약을 "
                  "체결했다고 21일 밝혔다.\n목포시는 이른 시일 내에 울란바토르의 바트볼드(Batbold) 시장을 초청해 자매결연을 "
                  "체결할 예정이다.\n", dt.date(2016, 9, 21))
    assert [a["kind"] for a in doc["agreements"]] == ["business agreement"]
    # invited by the partner, the trip's own signing stands
    doc = drafted("목포시, 울란바토르 방문\n이인곤 부시장을 단장으로 한 목포시 대표단은 울란바토르시의 초청으로 19일 울란바토르를 방문해 자매결연을 "
                  "체결한다고 17일 밝혔다.\n", dt.date(2016, 9, 17))
    assert [a["kind"] for a in doc["agreements"]] == ["sister-city"]


def test_the_reviews_cases_of_session_31() -> None:
    # a relationship that stands describes the partner; one entered now may take an adverb
    assert kinds("홍 시장은 16일 자매도시 관계를 맺은 캘리포니아주 어바인시를 방문해 시장과 면담한다.") == []
    assert kinds("김 지사는 16일 우호교류 관계를 맺은 빈푹성을 방문해 성장과 면담한다.") == []
    assert kinds("양 도시는 이날 우호교류 관계를 공식 체결했다.") == [("other", "우호교류 관계")]
    assert kinds("양 도시는 자매도시 관계를 정식으로 맺었다.") == [("sister-city", "자매도시 관계")]
    assert kinds("양 도시는 친선도시 관계를 맺었다.") == [("other", "친선도시 관계")]
    # a statement of protest is no joint declaration
    assert kinds("이에 대해 지역 시민단체들은 공동성명을 내고 \"외유성 연수\"라고 비판했다.") == []
    # a city's name that ends in 린 still names its agreement
    assert kinds("시장은 16일 에스토니아 탈린 시청에서 탈린 협약을 체결했다.") == [("other", "탈린 협약")]


def test_a_signing_abroad_at_the_partners_invitation_or_recalling_a_visit_to_korea_is_of_the_trip() -> None:
    doc = drafted("목포시, 울란바토르와 자매결연\n이인곤 부시장을 단장으로 한 목포시 대표단이 울란바토르를 방문했다고 "
                  "21일 밝혔다.\n울란바토르시는 목포시 대표단을 초청해 19일 시청에서 자매결연을 체결했다.\n", dt.date(2016, 9, 21))
    assert [(a["kind"], str(a.get("date"))) for a in doc["agreements"]] == [("sister-city", "2016-09-19")]
    doc = drafted("목포시, 울란바토르 방문\n이인곤 부시장을 단장으로 한 목포시 대표단이 18일부터 20일까지 울란바토르를 방문한다고 "
                  "17일 밝혔다.\n박 시장은 19일 울란바토르 시청에서 바트볼드 시장이 방한 때 제안한 자매결연을 체결한다.\n",
                  dt.date(2016, 9, 17))
    assert [(a["kind"], str(a.get("date"))) for a in doc["agreements"]] == [("sister-city", "2016-09-19")]
