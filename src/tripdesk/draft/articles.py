"""Reading an article: bytes in, an `Article` (clean text and what is known of its source) out.

- Plain text in UTF-8 or a legacy Korean encoding (EUC-KR, CP949, ...), detected by
  charset-normalizer; a saved HTML page, whose main text and metadata (headline, outlet, date,
  byline) trafilatura extracts.
- Page furniture is dropped: weather bars, share buttons, photo captions, copyright lines,
  "see the mobile version", and paragraphs a page printed twice.
- A machine translation printed after the Korean text (a common courtesy of regional papers)
  is kept apart: the Korean is what facts are drafted from, the English gives translations.

Bad input raises `ArticleError` with one line saying what is wrong, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..problems import TripdeskError
from ..files.yamlread import strip_control
from ..i18n import N_, messages
from .dates import MONTHS_EN
from .notes import Reason

MAX_BYTES = 5 * 1024 * 1024

HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


class ArticleError(TripdeskError):
    """An input that is not an article tripdesk can draft from."""


@dataclass
class Article:
    """One article, ready for the extractors."""

    name: str  # the file name as given ("-" for standard input)
    text: str  # the main text, paragraphs separated by blank lines
    language: str = "ko"
    headline: str | None = None
    headline_en: str | None = None  # from a translation printed with the article
    outlet: str | None = None
    published: dt.date | None = None
    published_from: str | None = None  # where the published date was read
    byline: str | None = None
    url: str | None = None
    translation: str | None = None  # an English machine translation printed with it
    translation_note: str | None = None  # the line that introduced it, verbatim
    dropped: list[str] = field(default_factory=list)  # kinds of furniture removed
    # Korean photo captions, dropped from the text but kept here: the last place to find the head
    # of the delegation when the text names them only as `조 시장` or not at all.
    captions: list[str] = field(default_factory=list)
    # What dates the article, not its text: the date bar at the top of a saved page (usually the
    # day it was saved) and the file's last change. Only an article that gives no year or month
    # of its own uses them, as an assumption it says (`assemble`).
    page_date: dt.date | None = None
    page_date_line: str | None = None
    page_date_photo: bool = False  # the date is that of a photo's file name (`20151025....jpg`)
    file_date: dt.date | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


# -- bytes to text ---------------------------------------------------------------------------


def decode(raw: bytes, name: str) -> str:
    """The text of an article's bytes: UTF-8 when it is, else the detected encoding."""
    if len(raw) > MAX_BYTES:
        raise ArticleError(messages()("{name}: the file is {size} MB; an article is at most {limit} MB (is it "
                                      "the right file?)").format(name=name, size=f"{len(raw) / 1024 / 1024:.1f}",
                                                                 limit=MAX_BYTES // 1024 // 1024))
    if not raw.strip():
        raise ArticleError(messages()("{name}: the file is empty; give a press article (text or saved "
                                      "HTML)").format(name=name))
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(messages()("{name}: this is a binary file, not an article; give a text or HTML "
                                      "file").format(name=name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise ArticleError(messages()("{name}: the file is not text in any encoding tripdesk knows; give a "
                                          "text or HTML file").format(name=name)) from None
        text = str(best)
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t")
    if controls > max(8, len(text) // 100):
        raise ArticleError(messages()("{name}: this looks like a binary file ({controls} control characters); "
                                      "give a text or HTML file").format(name=name, controls=controls))
    return strip_control(text)


_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/\-]?(0[1-9]|1[0-2])[/\-]?(0[1-9]|[12]\d|3[01])")


def date_in_url(url: str) -> dt.date | None:
    """The date many news sites put in an article's address (/2016/10/07/, 20240621...)."""
    for m in _URL_DATE.finditer(url):
        try:
            date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if dt.date(1990, 1, 1) <= date <= dt.date.today():
            return date
    return None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2048].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head) or (
        "<meta" in head and "<head" in head)


def read_article(raw: bytes, name: str, *, url: str | None = None) -> Article:
    """An `Article` from the bytes of a text file or a saved HTML page."""
    text = decode(raw, name)
    html = looks_like_html(text)
    article = _from_html(text, name) if html else _from_plain(text, name)
    if url:
        article.url = url
        if article.published is None:
            article.published = date_in_url(url)
            if article.published is not None:
                article.published_from = Reason(N_("the date in its URL ({url})"), url=url)
    # a portal picture's filing day is weaker than the URL's date
    if article.published is None and not html and (picture := _portal_picture_day(text, article.text)) is not None:
        article.published = picture[0]
        article.published_from = Reason(N_("the day the news portal filed its picture ('{dateline}')"),
                                        dateline=picture[1])
    if not article.text.strip():
        raise ArticleError(messages()("{name}: no article text found in the file").format(name=name))
    hangul = len(HANGUL.findall(article.text))
    latin = len(_LATIN.findall(article.text))
    article.language = "ko" if hangul * 3 >= latin else "en"
    return article


# -- HTML ------------------------------------------------------------------------------------


def _from_html(html: str, name: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False, favor_precision=True)
    if doc is None:
        raise ArticleError(messages()("{name}: no article text found in the HTML page").format(name=name))
    get = doc.get if isinstance(doc, dict) else (lambda key: getattr(doc, key, None))
    body = get("text") or ""
    article = _from_plain(body, name, headline_known=bool(get("title")))
    article.headline = _clean_line(get("title") or "") or article.headline
    article.outlet = _clean_line(get("sitename") or "") or article.outlet
    article.byline = _clean_line(get("author") or "") or article.byline
    article.url = get("url") or None
    published = get("date")
    if published:
        try:
            article.published = dt.date.fromisoformat(str(published)[:10])
            article.published_from = Reason(N_("the page's metadata"))
        except ValueError:
            pass
    return article


# -- plain text ------------------------------------------------------------------------------

# A weather bar's entry: a condition, maybe a place, maybe a temperature, nothing else.
_WEATHER = re.compile(r"^(맑음|흐림|구름\s*조금|구름\s*많음|비|눈|안개|박무|연무|황사|소나기|뇌우)\s*"
                      r"[가-힣()]{0,10}\s*(-?\d+(\.\d+)?\s*℃)?$|^-?\d+(\.\d+)?\s*℃$")
_FURNITURE = re.compile(
    r"^(기상청\s*제공|뉴스|배너|모바일\s*버전으로\s*보기|PC\s*버전|해당된?\s*기사를\s*공유합니다|공유하기|"
    r"글자\s*크기|인쇄|스크랩|URL\s*복사|카카오톡|페이스북|트위터|닫기|댓글.*|좋아요.*|"
    r"관련\s*기사|많이\s*본\s*뉴스|인기\s*기사|최신\s*기사|주요\s*뉴스|기사\s*원문|목록|맨\s*위로|TOP|"
    # a portal's buttons (Daum: `음성재생 설정`, `번역beta Translated by kakao i`): not a translation note
    r"음성\s*재생(?:\s*설정)?|번역\s*beta\b.*|Translated by kakao.*|글자\s*크기\s*설정.*|이 글자\s*크기로 변경됩니다\.?|"
    r"\(예시\) 가장 빠른 뉴스가.*)$",
    re.I)
_COPYRIGHT = re.compile(r"(무단\s*전재|재배포\s*금지|저작권자|copyright|all rights reserved|ⓒ\s*\S+\s*(닷컴|뉴스|일보|신문)$)",
                        re.I)
_CAPTION = re.compile(r"^\s*[▲△▶]")
_PAGE_DATE = re.compile(r"^\d{4}[.\-/]\s?\d{1,2}[.\-/]\s?\d{1,2}\.?\s*\([월화수목금토일]\)$")
# A photo's file name left as a line of the page, named by the day it was filed (news sites
# name pictures so): `2015102501001627400090611.jpg`.
_PHOTO_FILE = re.compile(r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d*\.(?:jpe?g|png|gif)$", re.I)
_TRANSLATION_NOTE = re.compile(r"^[<\[(（【]?.*(번역|translat).*[>\])）】]?$", re.I)
_BULLET = re.compile(r"^\s*[•·∙◦▪■□◆◇○●※-]\s+")
_OUTLET_BRACKET = re.compile(r"[【\[]\s*([^】\]]{2,30}?)\s*[】\]]\s*([가-힣]{2,4})\s*기자")
_OUTLET_AGENCY = re.compile(r"\(([가-힣]{2,6})\s*=\s*([가-힣A-Za-z]{2,12})\)\s*(?:([가-힣]{2,4})\s*기자)?")
_BYLINE = re.compile(r"([가-힣]{2,4})\s*기자(?:\s*=|\s+[\w.]+@|$)")
# (`웹출고시간2011.03.28`: the time a regional paper put the article on the web)
_DATELINE = re.compile(r"(?:입력|(?:웹\s?)?출고(?:시간|일)?|등록|등록일|발행|발행일|승인|게재|기사입력|송고|수정|기사\s?편집|편집|작성|작성일)\s*:?\s*(\d{4})[.\-/년]\s?(\d{1,2})[.\-/월]\s?(\d{1,2})")
_SITE_EDIT = re.compile(r"최종\s?(?:편집|수정|업데이트)")
# English pages' stamps: `Created date 2022-10-13`, `Createdd 2024-05-19`, `Date : 2024-10-02`,
# `Published : Nov 25, 2018`, a line `date 2023-03-06 Image: City of Busan` (the first of them near the top).
_DATELINE_EN = re.compile(r"\b(?:Created\s*date|Createdd?|Date|(?m:^date)|Published|Posted|Registered|Registration\s*date)"
                          r"\s*:?\s*(?:(\d{4})[.\-/]\s?(\d{1,2})[.\-/]\s?(\d{1,2})|([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4}))")

# A translated report's note of where and when it first ran: `Source: Newsis (June 6, 2013)`.
_SOURCE_EN = re.compile(r"\bSource\s*:\s*[A-Z][\w .&'-]{1,40}?\(\s*([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+((?:19|20)\d{2})\s*\)")

# An English page's stamp with its time or byline, no label: `Jan. 5, 2023 - 16:26 By Yu Ji-soo`.
_TIMESTAMP_EN = re.compile(r"(?m)^\s*([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+((?:19|20)\d{2})\s*(?:[-–|,]\s*)?"
                           r"(?=\d{1,2}:\d{2}|By\s+[A-Z])")
# A message board's post line (XE boards, which Korean community papers abroad run on):
# `by admin posted Jan 19, 2024`.
_POSTED_EN = re.compile(r"(?m)^\s*by\s+\S{1,30}\s+posted\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+((?:19|20)\d{2})\b")


# A publication stamp near the top: a date with a time or a reporter's name on its line
# (`2023-12-04 09:00:09`, `2009-07-21 성재은 기자`, after the reporter's address:
# `choijh1992@kpinews.kr | 2023-03-08 22:44:51`), unlike the page's own date line.
# (`(부산=뉴스1) 손연우 기자 | 2023-05-30 16:45 송고`: a byline, whose outlet may hold a digit, then the date;
# `2011-04-13 (수) 12:00:00`: the weekday may stand between the date and the time; `2023년 11월 09일(목) 17:52`)
_TIMESTAMP = re.compile(r"(?m)^(?:[^\n\d]{0,30}?|[^\n]{0,40}?기자\s*[|·/]\s*|[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+\s*[|·/]\s*)"
                        r"((?:19|20)\d{2})(?:[.\-/]|\s?년)\s?(\d{1,2})(?:[.\-/]|\s?월)\s?(\d{1,2})(?:\.|\s?일)?"
                        r"(?:\s*\([월화수목금토일]\)\s*|\s+)"
                        r"(?=\d{1,2}:\d{2}|[가-힣]{2,4}\s*기자)")


# A wire service's release note: `<이 기사는 2016년 10월 27일 15시 21분부터 사용할 수 있습니다.`
_EMBARGO = re.compile(r"이\s?기사는\s*((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일[^.\n]{0,20}?부터\s*사용할\s*수")
# A line that is an outlet's name (or a word or two) and a full date, nothing else: the
# stamp some pages print under the article (`굿모닝투데이 2023.02.23`).
# A photo caption's date (Newsis: `... 서명하고 있다. 2015.07.05. (사진=강원도청 제공) photo@newsis.com
# 2015-07-05`): the day the picture was sent out with the article.
# (Newspim: `[사진=충북도] 2025.04.21 baek3413@newspim.com`, the date after the credit, then the
# reporter's address, or the end of the table cell the caption was saved in: `2025.10.20 |`; not a photo from
# the archive, `[사진=뉴스핌DB] 2023.08.29.`, whose date is the picture's)
_PHOTO_STAMP = re.compile(r"((?:19|20)\d{2})[.\-](\d{1,2})[.\-](\d{1,2})\.?\s*(?=[(\[]사진\s*=(?![^)\]\n]*(?:DB|자료)))|"
                          r"(?<=photo@newsis\.com )((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b|"
                          r"[(\[]사진\s*=\s*(?![^)\]\n]*(?:DB|자료))[^)\]\n]{1,20}[)\]]\s*((?:19|20)\d{2})\.(\d{1,2})\.(\d{1,2})\.?\s+"
                          r"(?=[\w.\-]+@[\w\-]+\.|\|)")
# Stamps outside the text the extractors read: Yonhap's foot line, dropped as a copyright line
# (`<저작권자(c) 연합뉴스, 무단 전재-재배포 금지> 2022/10/21 10:33 송고`), and a Daum News picture with its
# caption, filed under the day the item went out (`![신병대(왼쪽) 청주부시장이 ...](https://img1.daumcdn.net/
# thumb/R658x0.q70/?fname=https://t1.daumcdn.net/news/202506/22/inews24/20250622202225882ahou.jpg)`).
_SENT_STAMP = re.compile(r"((?:19|20)\d{2})[/.\-](\d{1,2})[/.\-](\d{1,2})\.?\s+\d{1,2}:\d{2}\s*송고")
_PORTAL_PICTURE = re.compile(r"!\[[^\n]{8,}?\]\(\S*?daumcdn\.net/news/((?:19|20)\d{2})(\d{2})/(\d{2})/")
# A date alone on the line under the headline (`청주시, 우즈벡 코칸드시와 우호교류 협약 체결` / `2024-09-29`), no
# weekday (a weather bar's date, the day the page was saved, has one and comes first).
_BARE_DATE_LINE = re.compile(r"^((?:19|20)\d{2})[.\-/]\s?(\d{1,2})[.\-/]\s?(\d{1,2})\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def _date_under_the_headline(text: str) -> re.Match[str] | None:
    lines = [line.strip() for line in text.split("\n") if line.strip()][:4]
    if len(lines) < 2 or _BARE_DATE_LINE.match(lines[0]) or _PAGE_DATE.match(lines[0]):
        return None
    return _BARE_DATE_LINE.match(lines[1])


# The print edition's date and page under the byline (`박성철 기자 psc@kihoilbo.co.kr 2018년 09월 19일 수요일
# 제5면`).
_PRINT_PAGE = re.compile(r"((?:19|20)\d{2})\s?년\s?(\d{1,2})\s?월\s?(\d{1,2})\s?일\s*(?:\(?[월화수목금토일](?:요일)?\)?\s*)?"
                         r"제\s?\d{1,2}\s?면")
# A date run into the text right before the byline (`... 3일간 2007-11-08 정병철 기자 이장우 ...`).
_DATE_THEN_BYLINE = re.compile(r"(?<![\d.\-])((?:19|20)\d{2})-(\d{2})-(\d{2})\s+[가-힣]{2,4}\s?기자(?:\s|$)")
_STAMP_LINE = re.compile(r"(?m)^[^\d\n.]{2,20}?\s((?:19|20)\d{2})[.\-/]\s?(\d{1,2})[.\-/]\s?(\d{1,2})\.?\s*$")


# An English page's caption told as prose (`▲ ... The photo shows Mr. Yoo giving a speech ... at
# the Brisbane Convention Center, Australia, on the 21st.`) says what the delegation did, where
# and when: it is kept, without its mark, as a paragraph of English articles. A Korean caption
# (`▲ 김 시장이 ...`) and a short label are still dropped.
def _english_prose_caption(line: str) -> bool:
    body = _CAPTION.sub("", line).strip()
    return (not HANGUL.search(body) and len(body) >= 80 and body.endswith(".")
            and len(re.findall(r"\b[a-z]+\b", body)) >= 12)


def _clean_line(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _paragraph_key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _from_plain(text: str, name: str, *, headline_known: bool = False) -> Article:
    article = Article(name=name, text="")
    lines = [_clean_line(_BULLET.sub("", line)) for line in text.replace("\r\n", "\n").split("\n")]
    kept: list[str] = []
    seen: set[str] = set()
    dropped: set[str] = set()
    translation: list[str] = []
    in_translation = False
    for i, line in enumerate(lines):
        if not line:
            (translation if in_translation else kept).append("")
            continue
        if _WEATHER.search(line) and len(line) < 40:
            dropped.add("weather bar")
            continue
        if _PAGE_DATE.match(line):
            dropped.add("page date line")
            if article.page_date is None:
                numbers = re.findall(r"\d+", line)
                try:
                    article.page_date = dt.date(int(numbers[0]), int(numbers[1]), int(numbers[2]))
                    article.page_date_line = line
                except (ValueError, IndexError):
                    pass
            continue
        if (photo := _PHOTO_FILE.match(line)):
            dropped.add("photo file name")
            if article.page_date is None:
                try:
                    article.page_date = dt.date(int(photo.group(1)), int(photo.group(2)), int(photo.group(3)))
                    article.page_date_line, article.page_date_photo = line, True
                except ValueError:
                    pass
            continue
        if _FURNITURE.match(line):
            dropped.add("page furniture")
            continue
        if _COPYRIGHT.search(line) and len(line) < 120:
            dropped.add("copyright line")
            continue
        if _CAPTION.match(line):
            if _english_prose_caption(line):  # what the photo shows, where and on which day: a fact of the trip
                line = _CAPTION.sub("", line).strip()
            else:
                dropped.add("photo caption")
                article.captions.append(_CAPTION.sub("", line).strip())
                continue
        if _TRANSLATION_NOTE.match(line) and len(line) < 160 and HANGUL.search(line):
            article.translation_note = line
            in_translation = True
            continue
        key = _paragraph_key(line)
        if key in seen and len(key) > 8:
            dropped.add("repeated paragraph")
            continue
        seen.add(key)
        (translation if in_translation else kept).append(line)
    if not in_translation:
        kept, translation = _split_translation(kept)
    article.dropped = sorted(dropped)
    paragraphs = _paragraphs(kept)
    if paragraphs and not headline_known:
        first = paragraphs[0]
        if len(first) <= 120 and not re.search(r"(다|요)[.!]?$", first):
            article.headline = first
    article.text = "\n\n".join(paragraphs)
    if translation:
        tparas = _paragraphs(translation)
        article.translation = "\n\n".join(tparas)
        if tparas and len(tparas[0]) <= 160:
            article.headline_en = tparas[0]
    _source_lines(article)
    if article.published is None:
        _wire_sent_stamp(article, text)
    return article


def _wire_sent_stamp(article: Article, page: str) -> None:
    """The published date from the sent stamp of a wire item's foot line, which the cleaning drops
    with the copyright: the last stamp of the page (a correction note quotes an earlier one)."""
    for m in reversed(list(_SENT_STAMP.finditer(page))):
        try:
            article.published = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        article.published_from = Reason(N_("the wire's sent stamp '{stamp}'"), stamp=m.group(0).strip())
        return


def _portal_picture_day(page: str, text: str) -> tuple[dt.date, str] | None:
    """The day a portal filed the article's own picture (one with a caption, not a related item's
    thumbnail), when the text names that day of the month (`22일 청주시에 따르면`)."""
    for m in _PORTAL_PICTURE.finditer(page):
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if re.search(rf"(?<!\d){day.day}\s?일", text):
            return day, m.group(0)[m.group(0).rfind("daumcdn"):]
    return None


def _paragraphs(lines: list[str]) -> list[str]:
    """Each non-empty line is a paragraph (saved articles break lines at paragraphs)."""
    return [line for line in lines if line.strip()]


def _split_translation(lines: list[str]) -> tuple[list[str], list[str]]:
    """Korean paragraphs followed by an English rendering of them, split in two."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    for pos, i in enumerate(content):
        rest = [lines[j] for j in content[pos:]]
        if len(rest) < 2 or pos < 2:
            continue
        if all(len(HANGUL.findall(r)) <= 2 and len(_LATIN.findall(r)) > 10 for r in rest):
            before = "".join(lines[j] for j in content[:pos])
            if len(HANGUL.findall(before)) > 50:
                return lines[:i], lines[i:]
    return lines, []


def _source_lines(article: Article) -> None:
    """The outlet, byline and published date printed in the text itself."""
    head = article.text[:600]
    m = _OUTLET_BRACKET.search(head)
    if m:
        article.outlet = m.group(1).strip()
        article.byline = f"{m.group(2)} 기자"
    else:
        m = _OUTLET_AGENCY.search(head)
        if m:
            article.outlet = m.group(2)
            if m.group(3):
                article.byline = f"{m.group(3)} 기자"
    if article.byline is None:
        for chunk in (head, article.text[-400:]):
            m = _BYLINE.search(chunk)
            if m:
                article.byline = f"{m.group(1)} 기자"
                break
    # A site's `최종편집 2024-04-19` bar above the article is the day the page was saved, not the
    # article's `승인 2020.01.06`: a stamp of the article's own comes first.
    stamps = list(_DATELINE.finditer(article.text))
    m = (next((s for s in stamps if not _SITE_EDIT.search(article.text, max(0, s.start() - 3), s.start() + 2)),
              stamps[0] if stamps else None)
         or _TIMESTAMP.search(article.text[:800]) or _EMBARGO.search(article.text))
    if m:
        try:
            article.published = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            article.published_from = Reason(N_("the dateline '{dateline}'"), dateline=m.group(0))
        except ValueError:
            pass
    if article.published is None and (m := _DATELINE_EN.search(article.text[:800])):
        year, month, day = ((m.group(1), m.group(2), m.group(3)) if m.group(1) else
                            (m.group(6), str(MONTHS_EN.get(m.group(4).lower(), 0)), m.group(5)))
        try:
            article.published = dt.date(int(year), int(month), int(day))
            article.published_from = Reason(N_("the dateline '{dateline}'"), dateline=m.group(0))
        except ValueError:
            pass
    # (all read month, day, year: `Source: Newsis (June 6, 2013)`, `Jan. 5, 2023 - 16:26 By ...`)
    for m in (_SOURCE_EN.search(article.text), _TIMESTAMP_EN.search(article.text[:800]),
              _POSTED_EN.search(article.text[:800])):
        if article.published is not None or m is None:
            continue
        year, month, day = m.group(3), str(MONTHS_EN.get(m.group(1).lower(), 0)), m.group(2)
        try:
            article.published = dt.date(int(year), int(month), int(day))
            article.published_from = Reason(N_("the dateline '{dateline}'"), dateline=m.group(0).strip(" -–|,\n"))
        except ValueError:
            pass
    for m in (_STAMP_LINE.search(article.text), _date_under_the_headline(article.text),
              _PRINT_PAGE.search(article.text[:1500]), _DATE_THEN_BYLINE.search(article.text[:1500])):
        if article.published is not None or m is None:
            continue
        try:
            article.published = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            article.published_from = Reason(N_("the dateline '{dateline}'"),
                                            dateline=re.sub(r"\s+", " ", m.group(0).strip()))
        except ValueError:
            pass
    if article.published is None and (m := _PHOTO_STAMP.search(article.text)):
        year, month, day = next(m.groups()[i:i + 3] for i in (0, 3, 6) if m.group(i + 1))
        try:
            article.published = dt.date(int(year), int(month), int(day))
            article.published_from = Reason(N_("the date of its photo caption ('{stamp}')"), stamp=m.group(0).strip())
        except ValueError:
            pass
