"""Evidence excerpts: the format accepts them, checks what they cite, and keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripdesk.files.document import trip_to_document
from tripdesk.files.loader import build_trip, load_file
from tripdesk.model import Evidence

from .conftest import line_of, mutate, problems_for

# Evidence on every kind of record that may carry it: the trip, a day, an event, an
# agreement and a quote.
WITH_EVIDENCE = [
    ("  sources: [src-a]\nsources:",
     "  sources: [src-a]\n  evidence:\n    - {source: src-a, text: 샘플시 대표단이 2박 3일 일정으로}\nsources:"),
    ("        state: WA\n        country: US\n",
     "        state: WA\n        country: US\n    evidence:\n      - {source: src-a, text: 시애틀에 도착해}\n"),
    ("        inferred: {time: The schedule",
     "        evidence:\n          - source: src-a\n            text: \"시애틀 공공도서관과 협약을 맺었다.\"\n"
     "        inferred: {time: The schedule"),
    ("    event: library-mou\n    sources: [src-a]",
     "    event: library-mou\n    sources: [src-a]\n    evidence: [{source: src-a, text: 도서관 협력 양해각서}]"),
    ("    date: 2024-10-10\n    sources: [src-a]",
     "    date: 2024-10-10\n    sources: [src-a]\n    evidence: [{source: src-a, text: 홍 시장은 말했다}]"),
]


def with_evidence(tmp_path: Path, *changes: tuple[str, str]) -> tuple[Path, str]:
    """The sample trip with evidence on every kind of record, then `changes` made to it."""
    from .conftest import SAMPLE_TEXT

    text = SAMPLE_TEXT
    for old, new in WITH_EVIDENCE:
        assert old in text, old
        text = text.replace(old, new, 1)
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "trip.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_evidence_on_every_kind_of_record_loads_and_round_trips(tmp_path: Path) -> None:
    path, _text = with_evidence(tmp_path)
    loaded, problems = load_file(path)
    assert problems == [] and loaded is not None
    trip = loaded.trip
    assert trip.evidence == (Evidence("src-a", "샘플시 대표단이 2박 3일 일정으로"),)
    assert trip.days[0].evidence == (Evidence("src-a", "시애틀에 도착해"),)
    assert trip.days[0].events[0].evidence == (Evidence("src-a", "시애틀 공공도서관과 협약을 맺었다."),)
    assert trip.agreements[0].evidence == (Evidence("src-a", "도서관 협력 양해각서"),)
    assert trip.quotes[0].evidence == (Evidence("src-a", "홍 시장은 말했다"),)
    document = trip_to_document(trip)
    assert document["days"][0]["events"][0]["evidence"] == [
        {"source": "src-a", "text": "시애틀 공공도서관과 협약을 맺었다."}]
    assert build_trip(document) == trip


def test_evidence_citing_an_undefined_source_is_reported_at_its_line(tmp_path: Path) -> None:
    path, text = with_evidence(tmp_path, ("          - source: src-a\n", "          - source: src-z\n"))
    problems = problems_for(path)
    assert problems == [f"{path}:{line_of(text, 'source: src-z')}:21: days[0].events[0].evidence[0].source: "
                        "source 'src-z' is not defined; add it to 'sources' or fix the id"]


def test_a_blank_excerpt_is_reported(tmp_path: Path) -> None:
    path, text = with_evidence(tmp_path, ("text: 도서관 협력 양해각서", 'text: "  "'))
    problems = problems_for(path)
    assert len(problems) == 1, problems
    line = line_of(text, 'text: "  "')
    assert problems[0].startswith(f"{path}:{line}:")
    assert problems[0].endswith("agreements[0].evidence[0].text: is blank")


def test_an_evidence_item_needs_both_source_and_text(tmp_path: Path) -> None:
    path, _ = with_evidence(tmp_path, ("{source: src-a, text: 홍 시장은 말했다}", "{source: src-a}"))
    problems = problems_for(path)
    assert len(problems) == 1 and "quotes[0].evidence[0]: missing required field 'text'" in problems[0]


def test_evidence_is_not_a_field_that_can_be_inferred(tmp_path: Path) -> None:
    path, _ = mutate(tmp_path, "inferred: {time: The", "inferred: {evidence: The")
    problems = problems_for(path)
    assert any("'evidence' is not a field of this record" in p for p in problems), problems


# -- excerpts against their article files --------------------------------------------------------

ARTICLE = ("【샘플뉴스】 샘플시 대표단이 2박 3일 일정으로 미국을 방문한다.\n"
           "대표단은 13일 시애틀에 도착해 “시애틀 공공도서관과 협약을 맺었다.”\n"
           "이번 방문에서 도서관 협력 양해각서를 체결했다. 홍 시장은 말했다. “함께 가면\n역사가 된다”\n")


def trip_with_article(tmp_path: Path, article: str | bytes | None = ARTICLE, *changes: tuple[str, str],
                      folder: str = "") -> tuple[Path, str]:
    """The sample trip with evidence everywhere, its article `sample.txt` written in
    `tmp_path/folder` (beside the trip file by default; not at all for None)."""
    data = tmp_path / "data"
    data.mkdir()
    path, text = with_evidence(tmp_path, *changes)
    path = path.rename(data / path.name)
    if article is not None:
        target = (tmp_path / folder) if folder else data
        target.mkdir(parents=True, exist_ok=True)
        raw = article.encode("utf-8") if isinstance(article, str) else article
        (target / "sample.txt").write_bytes(raw)
    return path, text


def test_every_excerpt_found_in_its_article_passes(tmp_path: Path, capsys) -> None:
    from tripdesk.cli import main

    path, _ = trip_with_article(tmp_path)
    assert problems_for(path) == []
    assert main(["validate", str(path.parent)]) == 0
    assert "1 file valid (1 trip; 5 excerpts and 1 quote found in their articles)" in capsys.readouterr().out


def test_an_excerpt_altered_by_one_character_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    path, text = trip_with_article(tmp_path, ARTICLE, ("text: 시애틀에 도착해", "text: 시애틀에 도착했"))
    [problem] = problems_for(path)
    line = line_of(text, "text: 시애틀에 도착했")
    assert problem == (f"{path}:{line}:31: days[0].evidence[0].text: not found in sample.txt: "
                       '"시애틀에 도착했"; the article has its first 7 characters, then '
                       '"해 “시애틀 공" where the excerpt has "했"')


def test_a_long_excerpt_is_quoted_by_its_first_30_characters(tmp_path: Path) -> None:
    long = "대표단은 13일 시애틀에 도착해 시애틀 공공도서관과 협약을 맺지 않았다"
    path, _ = trip_with_article(tmp_path, ARTICLE, ("text: 시애틀에 도착해", f"text: {long}"))
    [problem] = problems_for(path)
    assert f': not found in sample.txt: "{long[:30]}";' in problem


def test_whitespace_and_quotation_marks_do_not_count(tmp_path: Path) -> None:
    # The article breaks the line inside a phrase and uses curly quotes; the excerpts do not.
    article = ARTICLE.replace("시애틀 공공도서관과", "시애틀 공공\n   도서관과").replace("2박 3일", "2박  3일")
    path, _ = trip_with_article(
        tmp_path, article,
        ('text: "시애틀 공공도서관과 협약을 맺었다."', "text: '\"시애틀 공공도서관과 협약을 맺었다.\"'"),
        ("text: 샘플시 대표단이 2박 3일 일정으로", "text: 샘플시 대표단이 2박 3일   일정으로"))
    assert problems_for(path) == []
    for marks in ("‘’", "«»", "「」", "『』", "''"):
        assert problems_for(path) == []
        alt = ARTICLE.replace("“", marks[0]).replace("”", marks[1])
        (path.parent / "sample.txt").write_text(alt, encoding="utf-8")
        assert problems_for(path) == [], marks


def test_a_missing_article_file_is_a_warning_that_says_where_it_looked(tmp_path: Path, capsys) -> None:
    from tripdesk.cli import main

    path, text = trip_with_article(tmp_path, None)
    assert problems_for(path) == []
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "1 file valid (1 trip; 0 excerpts found in their articles, 5 not checked (no article file))" \
        in captured.out
    line = line_of(text, "file: sample.txt")
    assert (f"{path}:{line}:11: warning: sources[0].file: article file sample.txt not found, so its 5 "
            f"excerpts are not checked (looked in {path.parent}, {path.parent / 'articles'}, "
            f"{tmp_path / 'articles'})") in captured.err


def test_article_folders_beside_the_data_folder_from_the_option_and_the_environment(
        tmp_path: Path, monkeypatch) -> None:
    from tripdesk.files.loader import load_paths

    # articles/ beside the data folder
    path, _ = trip_with_article(tmp_path, ARTICLE, folder="articles")
    result = load_paths([path.parent])
    assert result.warnings == [] and result.trips[0].excerpts_checked == 5
    # --articles DIR, several
    (tmp_path / "articles").rename(tmp_path / "elsewhere")
    result = load_paths([path.parent], articles=[tmp_path / "nowhere", tmp_path / "elsewhere"])
    assert result.warnings == [] and result.trips[0].excerpts_checked == 5
    assert len(load_paths([path.parent]).warnings) == 1
    # TRIPDESK_ARTICLES, os.pathsep-separated
    monkeypatch.setenv("TRIPDESK_ARTICLES", f"{tmp_path / 'nowhere'}:{tmp_path / 'elsewhere'}")
    result = load_paths([path.parent])
    assert result.warnings == [] and result.trips[0].excerpts_checked == 5
    [article] = result.trips[0].articles
    assert article.found == str(tmp_path / "elsewhere" / "sample.txt")
    assert article.looked_in[-2:] == (str(tmp_path / "nowhere"), str(tmp_path / "elsewhere"))


def test_an_article_in_a_legacy_korean_encoding_is_detected(tmp_path: Path) -> None:
    path, _ = trip_with_article(tmp_path, ARTICLE.encode("cp949"))
    loaded, problems = load_file(path)
    assert problems == [] and loaded is not None
    [article] = loaded.articles
    assert (article.encoding, article.text) == ("cp949", ARTICLE)
    assert loaded.excerpts_checked == 5


def test_an_article_that_is_neither_utf8_nor_korean_is_refused(tmp_path: Path) -> None:
    french = ("Le maire a signé un accord de coopération très élégant à côté de l'église. " * 20)
    path, text = trip_with_article(tmp_path, french.encode("latin-1"))
    [problem] = problems_for(path)
    assert problem.startswith(f"{path}:{line_of(text, 'file: sample.txt')}:11: sources[0].file: article file ")
    assert "is neither UTF-8 nor a Korean encoding (CP949/EUC-KR)" in problem
    assert problem.endswith("save it as UTF-8")


def test_binary_utf16_and_oversized_articles_get_a_clear_error(tmp_path: Path) -> None:
    import shutil

    cases = {
        "is a binary file, not text": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "is saved as UTF-16; save it as UTF-8": ARTICLE.encode("utf-16"),
        "is 5.0 MB, more than the 5 MB an article file may be": ARTICLE.encode() + b" " * (5 * 1024 * 1024),
    }
    for message, raw in cases.items():
        shutil.rmtree(tmp_path / "data", ignore_errors=True)
        path, _ = trip_with_article(tmp_path, raw)
        [problem] = problems_for(path)
        assert message in problem and ": sources[0].file: article file " in problem, problem


# -- the store ------------------------------------------------------------------------------------


def test_the_store_keeps_the_excerpts_and_the_article_text(tmp_path: Path, db_path: Path, capsys) -> None:
    import sqlite3

    from tripdesk.store import queries
    from tripdesk.cli import main
    from tripdesk.store.importer import import_paths
    from tripdesk.store import Store

    path, _ = trip_with_article(tmp_path, ARTICLE.encode("cp949"))
    with Store.open(db_path) as store:
        import_paths(store, [path.parent])
        trip = queries.load_trip(store, "sample-2024-us")
        assert trip is not None
        assert trip.days[0].events[0].evidence == (Evidence("src-a", "시애틀 공공도서관과 협약을 맺었다."),)
        assert trip.evidence and trip.days[0].evidence and trip.agreements[0].evidence and trip.quotes[0].evidence
        article = queries.article(store, "sample-2024-us", "src-a")
        assert article == queries.Article("src-a", "sample.txt", ARTICLE)
        assert queries.article(store, "sample-2024-us", "src-z") is None
        assert queries.article_folders(store, "sample-2024-us", "src-a")[0] == str(path.parent)
        # Search finds a record by the words of its excerpt alone (not in its title).
        hits = {h.ref for h in queries.search(store, "맺었다")}
        assert hits == {"event:library-mou"}
        assert {h.ref for h in queries.search(store, "말했다")} == {"quote:hong-1"}
    (path.parent / "sample.txt").unlink()  # the desk shows the article without its file
    with Store.open(db_path) as store:
        assert queries.article(store, "sample-2024-us", "src-a").text == ARTICLE
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT ref, position, source_id, text FROM evidence ORDER BY ref").fetchall()
    conn.close()
    assert rows == [("agreement:library-mou", 0, "src-a", "도서관 협력 양해각서"),
                    ("day:2024-10-13", 0, "src-a", "시애틀에 도착해"),
                    ("event:library-mou", 0, "src-a", "시애틀 공공도서관과 협약을 맺었다."),
                    ("quote:hong-1", 0, "src-a", "홍 시장은 말했다"),
                    ("trip", 0, "src-a", "샘플시 대표단이 2박 3일 일정으로")]
    assert main(["doctor", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.strip().endswith("the store is healthy")


def test_an_article_not_found_is_kept_as_where_it_was_looked_for(tmp_path: Path, db_path: Path, capsys) -> None:
    from tripdesk.store import queries
    from tripdesk.cli import main
    from tripdesk.store import Store

    path, _ = trip_with_article(tmp_path, None)
    assert main(["import", "--db", str(db_path), "--articles", str(tmp_path / "x"), str(path.parent)]) == 0
    captured = capsys.readouterr()
    assert "warning: sources[0].file: article file sample.txt not found" in captured.err
    assert "1 added" in captured.out
    with Store.open(db_path) as store:
        assert queries.article(store, "sample-2024-us", "src-a") is None
        assert queries.article_folders(store, "sample-2024-us", "src-a") == [
            str(path.parent), str(path.parent / "articles"), str(tmp_path / "articles"), str(tmp_path / "x")]


def test_an_excerpt_not_in_its_article_fails_the_import_and_writes_nothing(
        tmp_path: Path, db_path: Path, capsys) -> None:
    from tripdesk.cli import main

    path, _ = trip_with_article(tmp_path, ARTICLE, ("text: 홍 시장은 말했다", "text: 홍 시장은 웃었다"))
    assert main(["import", "--db", str(db_path), str(path.parent)]) == 1
    err = capsys.readouterr().err
    assert 'quotes[0].evidence[0].text: not found in sample.txt: "홍 시장은 웃었다"' in err
    assert "nothing was written to the store" in err


def test_the_encoding_detector_is_imported_only_for_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    """charset-normalizer is needed for legacy Korean articles alone: reading UTF-8 ones (and
    so the desk, which reads none) never imports it."""
    import subprocess
    import sys

    path, _ = trip_with_article(tmp_path)
    code = ("import sys; from pathlib import Path; from tripdesk.files.loader import load_file; "
            "loaded, problems = load_file(Path(sys.argv[1])); assert problems == [], problems; "
            "print(loaded.excerpts_checked, 'charset_normalizer' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["5", "False"], result.stderr
    (path.parent / "sample.txt").write_bytes(ARTICLE.encode("euc_kr"))
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["5", "True"], result.stderr


# -- what the commands print ---------------------------------------------------------------------

HUNTSVILLE = "15일에는 ‘로켓도시’로 불리는 방위산업 및 우주산업 중심지인 헌츠빌시를 방문해 헌츠빌 상공회의소와 방위산업 협력 방안을 논의한다."


def test_show_prints_each_record_s_excerpts_with_evidence(capsys) -> None:
    from tripdesk.cli import main

    assert main(["show", "gumi-2024-us", "--lang", "en"]) == 0
    plain = capsys.readouterr().out
    assert "Huntsville Chamber of Commerce" in plain and "헌츠빌 상공회의소와" not in plain
    assert main(["show", "gumi-2024-us", "--lang", "en", "--evidence"]) == 0
    lines = capsys.readouterr().out.splitlines()
    meeting = next(i for i, line in enumerate(lines) if "[meeting] Meeting with the Huntsville Chamber" in line)
    assert lines[meeting + 1] == f"      “{HUNTSVILLE}” (src-000)"


def test_the_bundled_store_keeps_article_000_and_the_huntsville_excerpt() -> None:
    """The desk's store, built on first use from the bundled data, holds the articles found
    beside the checkout: the article view of the Huntsville meeting has its text."""
    import argparse

    from tripdesk.store import queries
    from tripdesk.cli import open_store
    from tripdesk.paths import articles_dir

    with open_store(argparse.Namespace(db=None)) as store:
        article = queries.article(store, "gumi-2024-us", "src-000")
        trip = queries.load_trip(store, "gumi-2024-us")
    assert trip is not None and article is not None
    assert article.file == "000_b8185a0e63ff7e9a.txt"
    assert article.text == (articles_dir() / article.file).read_text(encoding="utf-8")
    _day, meeting = trip.event("huntsville-chamber-meeting")
    assert Evidence("src-000", HUNTSVILLE) in meeting.evidence
    assert " ".join(HUNTSVILLE.split()) in article.text


def test_the_documented_example_s_excerpts_are_in_article_000() -> None:
    """docs/data-format.md quotes the 2024 Gumi article: its examples must be real excerpts."""
    import yaml

    from tripdesk.articles import read_article
    from tripdesk.paths import articles_dir

    from .conftest import ROOT

    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    example = yaml.safe_load(doc.split("```yaml", 1)[1].split("```", 1)[0])
    excerpts = [e for e in example["trip"]["evidence"]]
    excerpts += [e for day in example["days"] for e in day.get("evidence") or ()]
    excerpts += [e for day in example["days"] for ev in day["events"] for e in ev.get("evidence") or ()]
    excerpts += [e for a in example["agreements"] for e in a.get("evidence") or ()]
    assert len(excerpts) == 5
    article = read_article(articles_dir() / example["sources"][0]["file"])
    for e in excerpts:
        assert e["source"] == "src-000" and article.contains(e["text"]), e


def test_a_re_import_reads_a_trip_again_when_its_article_file_changes(tmp_path: Path, db_path: Path) -> None:
    """The trip file is unchanged, but its article appeared, changed or went: the store's
    article text (and the check of the excerpts) follows the files, not the first import."""
    import os

    from tripdesk.store import queries
    from tripdesk.store.importer import import_paths
    from tripdesk.problems import ValidationFailed
    from tripdesk.store import Store

    path, _ = trip_with_article(tmp_path, None)
    article = path.parent / "sample.txt"
    with Store.open(db_path) as store:
        first = import_paths(store, [path.parent])
        assert first.added == ["sample-2024-us"] and len(first.warnings) == 1
        assert import_paths(store, [path.parent]).unchanged == 1  # nothing moved: nothing read
        article.write_text(ARTICLE, encoding="utf-8")  # the article is found now
        report = import_paths(store, [path.parent])
        assert (report.updated, report.warnings) == (["sample-2024-us"], [])
        assert queries.article(store, "sample-2024-us", "src-a").text == ARTICLE
        assert import_paths(store, [path.parent]).unchanged == 1
        edited = ARTICLE + "덧붙인 문장.\n"
        article.write_text(edited, encoding="utf-8")
        os.utime(article, ns=(1, 1))  # a change the size tells even if the time did not move
        assert import_paths(store, [path.parent]).updated == ["sample-2024-us"]
        assert queries.article(store, "sample-2024-us", "src-a").text == edited
        article.write_text(ARTICLE.replace("홍 시장은 말했다", "홍 시장은 웃었다"), encoding="utf-8")
        with pytest.raises(ValidationFailed) as failure:  # an excerpt no longer in it
            import_paths(store, [path.parent])
        assert any("quotes[0].evidence[0].text: not found in sample.txt" in str(p)
                   for p in failure.value.problems)
        assert queries.article(store, "sample-2024-us", "src-a").text == edited  # nothing written
        article.unlink()  # gone: kept as not found, with the warning
        report = import_paths(store, [path.parent])
        assert report.updated == ["sample-2024-us"] and len(report.warnings) == 1
        assert queries.article(store, "sample-2024-us", "src-a") is None


def test_a_quote_s_original_words_must_be_in_its_article(tmp_path: Path) -> None:
    """A quote's original is its own evidence: checked like an excerpt when its article is found."""
    path, text = trip_with_article(tmp_path, ARTICLE, ("text: 함께 가면 역사가 된다", "text: 함께 가면 역사를 만든다"))
    [problem] = problems_for(path)
    line = line_of(text, "text: 함께 가면 역사를 만든다")
    assert problem.startswith(f"{path}:{line}:")
    assert (': quotes[0].original.text: not found in sample.txt: "함께 가면 역사를 만든다"; the article '
            'has its first 8 characters, then "가 된다”" where the excerpt has "를 만든다"; a quote\'s '
            "original is the source's words, verbatim") in problem
    path.parent.joinpath("sample.txt").unlink()
    assert problems_for(path) == []  # no article found: nothing to check it against


def test_the_json_export_carries_the_evidence_and_imports_back(tmp_path: Path, capsys) -> None:
    import json

    from tripdesk.store import queries
    from tripdesk.cli import main
    from tripdesk.store import Store

    assert main(["export", "gumi-2024-us", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    [meeting] = [e for d in document["days"] for e in d.get("events", []) if e["id"] == "huntsville-chamber-meeting"]
    assert {"source": "src-000", "text": HUNTSVILLE} in meeting["evidence"]
    assert document["trip"]["evidence"][0] == {"source": "src-000", "text": "김장호 구미시장을 단장으로 한 구미시 대표단이"}
    path = tmp_path / "gumi-2024-us.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "other.db"
    assert main(["import", "--db", str(db), str(path)]) == 0
    with Store.open(db) as store:
        again = queries.load_trip(store, "gumi-2024-us")
    assert again is not None
    _day, event = again.event("huntsville-chamber-meeting")
    assert Evidence("src-000", HUNTSVILLE) in event.evidence
    assert len(again.evidence) == len(document["trip"]["evidence"])


@pytest.mark.parametrize("name", ["~nosuchuser-tripdesk/sample.txt", "~0", "~/sample.txt"])
def test_a_source_file_name_with_a_tilde_is_a_name_not_a_home_folder(name: str, tmp_path: Path, capsys) -> None:
    """A source's `file` is data: `~` is not expanded (no error for a user that does not
    exist, no article read from the home folder of whoever runs validate)."""
    from tripdesk.cli import main

    path, _ = trip_with_article(tmp_path, None, ("file: sample.txt", f"file: \"{name}\""))
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "5 not checked (no article file)" in captured.out
    assert "home folder" not in captured.err and f"article file {name} not found" in captured.err
