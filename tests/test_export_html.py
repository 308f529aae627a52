"""`--format html`: the brief (or the dossier) as a printable page, from the same Markdown.

The A4 test prints the HTML brief of every bundled trip, in Korean and in English, to PDF with
Debian's Chromium (driven through playwright, as tests/test_serve.py does) and counts the
pages with pypdf: exactly one. The dossier of the same trip takes several, so the count is
seen to measure something.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from pathlib import Path

import pytest

from tripdesk.cli import main
from tripdesk.export import export_target, render
from tripdesk.export.html import markdown_to_html
from tripdesk.model import Text, Trip

from .conftest import SAMPLE
from .test_export_markdown import REAL_IDS, hostile_and_plain, real_trips, rich_sample, sample_trip

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs "
                                    "Debian's chromium as root; elsewhere: apt-get install chromium)")


@pytest.fixture(scope="module")
def trips() -> dict[str, Trip]:
    return real_trips()


def test_the_page_is_the_markdown_rendered(trips: dict[str, Trip]) -> None:
    trip = trips["gumi-2017-americas"]
    page = render(trip, "html", "ko")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"ko\">")
    assert "<title>구미시 미주지역 경제사절단 (어바인, 새너제이, 레드먼드, 시애틀)</title>" in page
    assert markdown_to_html(render(trip, "md", "ko")) in page
    assert "@page { size: A4;" in page and "NanumGothic" in page and "Malgun Gothic" in page
    assert "<th>협약</th>" in page and '<table class="days">' in page
    assert '<section class="footnotes">' in page and "[1]</a></sup>" in page and ":1]" not in page
    full = render(trip, "html", "ko", full=True)
    assert markdown_to_html(render(trip, "md", "ko", full=True)) in full and len(full) > 2 * len(page)


HOSTILE_TITLE = "<script>alert(1)</script> **bold** [link](http://evil.example) <b>b</b> &amp; `code`"


def test_user_data_is_never_markup_in_the_html() -> None:
    """A trip whose title holds HTML and Markdown syntax comes out as that text, literally."""
    trip = dataclasses.replace(sample_trip(), title=Text(ko=HOSTILE_TITLE, en=HOSTILE_TITLE))
    for lang in ("ko", "en", "both"):
        for full in (False, True):
            page = render(trip, "html", lang, full=full)
            body = page.split("<body>", 1)[1]
            assert "<script" not in page and "<b>" not in body and "evil.example\"" not in body
            assert "<strong>bold</strong>" not in body and "<code>" not in body
            escaped = ("&lt;script&gt;alert(1)&lt;/script&gt; **bold** [link](http://evil.example) "
                       "&lt;b&gt;b&lt;/b&gt; &amp;amp; `code`")
            assert f"<h1>{escaped}" in body, body[:400]
            assert f"<title>{escaped}</title>" in page


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_hostile_text_everywhere_makes_no_tag(lang: str) -> None:
    hostile, plain, _used = hostile_and_plain(rich_sample())
    for full in (False, True):
        page, calm = render(hostile, "html", lang, full=full), render(plain, "html", lang, full=full)
        tags = lambda html: re.findall(r"<(/?[a-z0-9]+)", html.split("<body>", 1)[1])  # noqa: E731
        assert tags(page) == tags(calm)  # the same elements, whatever the data says


def test_the_extension_and_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_target(tmp_path / "brief.html", "x")[1] == "html"
    assert export_target(tmp_path / "brief.HTM", "x")[1] == "html"
    db = tmp_path / "t.db"
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    target = tmp_path / "out" / "brief.html"
    assert main(["export", "sample-2024-us", "--db", str(db), "--lang", "en", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render(sample_trip(), "html", "en")
    capsys.readouterr()
    assert main(["export", "sample-2024-us", "--db", str(db), "--lang", "en", "--format", "html", "--full"]) == 0
    assert capsys.readouterr().out == render(sample_trip(), "html", "en", full=True)


def pdf_pages(browser, html: str) -> int:  # noqa: ANN001 - a playwright Browser
    from pypdf import PdfReader

    page = browser.new_page()
    try:
        page.set_content(html, wait_until="load")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    return len(PdfReader(io.BytesIO(pdf)).pages)


@needs_chromium
def test_each_bundled_brief_prints_on_one_a4_page(trips: dict[str, Trip]) -> None:
    from playwright.sync_api import sync_playwright

    counts = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            for trip_id in REAL_IDS:
                for lang in ("ko", "en"):
                    counts[(trip_id, lang)] = pdf_pages(browser, render(trips[trip_id], "html", lang))
            dossier = pdf_pages(browser, render(trips["gumi-2017-americas"], "html", "en", full=True))
        finally:
            browser.close()
    assert counts == {key: 1 for key in counts}, counts
    assert dossier > 2  # the measure can fail: the dossier of the same trip takes several pages
