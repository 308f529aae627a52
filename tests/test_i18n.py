"""The catalogs and the CLDR dates: every user-read string extracted from the code has its
Korean translation, nothing is fuzzy, the build compiles them, and dates read as each
language writes them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from tripdesk import i18n
from tripdesk.i18n import date_range, day_date, long_date, translator, weekday

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "tripdesk" / "locale"


def _extracted() -> set[tuple[str | tuple[str, ...], str | None]]:
    """Every msgid the code marks, with its msgctxt, as `pybabel extract -F babel.cfg` finds
    them."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: set[tuple[str | tuple[str, ...], str | None]] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT), method_map=method_map, options_map=options_map):
        found.add((message, context))
    return found


def _catalog(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "tripdesk.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def test_every_string_in_the_code_has_a_korean_translation_and_none_is_fuzzy() -> None:
    extracted = _extracted()
    assert len(extracted) > 10
    catalog = _catalog("ko")
    missing, untranslated = [], []
    for message, context in extracted:
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key, context=context)
        if entry is None:
            missing.append(key)
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(s.strip() for s in strings):
            untranslated.append(key)
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    fix = "run scripts/catalogs.py, then translate the new entries of the ko catalog"
    assert not missing, f"not in the ko catalog ({fix}): {missing}"
    assert not untranslated, f"no Korean yet ({fix}): {untranslated}"
    assert not fuzzy, f"fuzzy entries in the ko catalog (check and clear the flag): {fuzzy}"


def test_the_english_catalog_has_every_string_too_and_no_stale_ones() -> None:
    extracted = {(m[0] if isinstance(m, tuple) else m, context) for m, context in _extracted()}
    for lang in ("en", "ko"):
        ids = {(m.id[0] if isinstance(m.id, tuple) else m.id, m.context) for m in _catalog(lang) if m.id}
        assert extracted <= ids, f"{lang}: run scripts/catalogs.py: {sorted(extracted - ids)}"
        assert ids <= extracted, f"{lang}: entries no code uses: {sorted(ids - extracted)}"


def test_korean_placeholders_match_the_english_ones() -> None:
    """A translation that drops or renames `{n}` would raise or lose a number when shown."""
    import re

    field = re.compile(r"\{[^{}]*\}")
    for entry in _catalog("ko"):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted = set(field.findall(ids[-1])) | set(field.findall(ids[0]))
        for text in strings:
            assert set(field.findall(text)) <= wanted, (entry.id, text)


def test_the_build_hook_compiled_the_catalogs_of_this_install() -> None:
    """`pip install -e .` (as CI installs) ran hatch_build.py: the .mo files are there and read
    as the .po files say."""
    for lang in ("ko", "en"):
        assert (LOCALE / lang / "LC_MESSAGES" / "tripdesk.mo").is_file(), f"{lang}: reinstall with pip install -e ."


def test_a_catalog_edited_after_compiling_is_read_from_its_po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "tripdesk.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\n\nmsgid "Timeline"\nmsgstr "시간표"\n',
        encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n._catalog.cache_clear()
    i18n._translator.cache_clear()
    try:
        assert translator("ko")("Timeline") == "시간표"
        assert translator("ko")("Not in it") == "Not in it"
    finally:
        i18n._catalog.cache_clear()
        i18n._translator.cache_clear()


def test_both_keeps_the_words_in_the_locales_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert translator("both").labels == "ko"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert translator("both").labels == "en"
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert translator("both").labels == "ko"
    assert translator("en").labels == "en" and translator("ko").labels == "ko"


def test_dates_from_cldr_in_each_language() -> None:
    friday = dt.date(2013, 2, 15)
    assert long_date(friday, "ko") == "2013년 2월 15일 (금)"
    assert long_date(friday, "en") == "Fri 15 Feb 2013"
    assert day_date(friday, "ko") == "2월 15일 (금)"
    assert day_date(friday, "en") == "Fri 15 Feb"
    assert weekday(friday, "ko") == "금" and weekday(friday, "en") == "Fri"
    assert weekday(friday, "ko", "wide") == "금요일"
    assert date_range(friday, dt.date(2013, 2, 22), "ko") == "2013년 2월 15일~22일"
    assert date_range(friday, dt.date(2013, 2, 22), "en") == "15 – 22 Feb 2013"
    assert date_range(friday, dt.date(2013, 3, 2), "ko") == "2013년 2월 15일~3월 2일"


def test_a_wheel_carries_the_compiled_catalogs(tmp_path: Path) -> None:
    """Built as pip builds for an install from the sources (the build hook, Babel in the
    build environment), the wheel holds the .mo files beside the .po files."""
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                           str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    import zipfile

    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for lang in ("ko", "en"):
        assert f"tripdesk/locale/{lang}/LC_MESSAGES/tripdesk.mo" in names
        assert f"tripdesk/locale/{lang}/LC_MESSAGES/tripdesk.po" in names


# Placeholders whose values always end the same way, so their particle is fixed: `{said}` is a
# weekday (월요일), which takes 이라고.
FIXED_ENDINGS = {"said"}
# Placeholders a Korean message leaves out on purpose: `{error}` is Python's English reason for
# an impossible date ('day is out of range for month'), which the Korean sentence says itself.
LEFT_OUT = {("'{value}' is not a real date ({error}); use YYYY-MM-DD", "{error}")}


def test_every_korean_message_fills_in_every_placeholder() -> None:
    """A `{name}` dropped from a Korean message loses what it names (the file, the id) there."""
    import re

    field = re.compile(r"\{[^{}]*\}")
    dropped = []
    for entry in _catalog("ko"):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in strings:
            for name in set(field.findall(ids[0])) - set(field.findall(text)):
                if (ids[0], name) not in LEFT_OUT:
                    dropped.append((ids[0], name))
    assert not dropped, dropped


def test_a_particle_after_a_placeholder_fits_either_ending() -> None:
    """A value put in a Korean sentence may end in a consonant or a vowel ('3년째', '.json'):
    the particle after it is the paired form, 을(를), (으)로, (이)라고, as Korean software
    writes it, never one that fits only one of them ('3년째'이라고, .json로, `tripdesk
    validate trip.yaml`를)."""
    import re

    fixed = re.compile(r"\{(\w+)\}[`'’”]?(이라고|라고|이|가|을|를|은|는|과|와|으로|로|이다|이며|이고)(?![가-힣(])")
    found = []
    for entry in _catalog("ko"):
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in strings:
            found += [(match.group(0), text) for match in fixed.finditer(text) if match.group(1) not in FIXED_ENDINGS]
    assert not found, found
    assert fixed.search("'{words}'이라고") and not fixed.search("'{words}'(이)라고")
    assert not fixed.search("{name}을(를)") and not fixed.search("{path}(으)로") and fixed.search("{suffix}로 끝")
    assert fixed.search("`tripdesk validate {path}`를 실행") and not fixed.search("`tripdesk validate {path}`을(를)")
