"""A trip file that is both in the bundled data and imported from elsewhere (issue 18, item 5):
the store keeps the imported one and leaves the bundled file out, said once (by the import
that causes it, and by `doctor` whenever asked), not as a warning at every launch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tripdesk import cli
from tripdesk.cli import main
from tripdesk.paths import bundled_data_dir

REAL = bundled_data_dir()
SHARED = "gumi-2024-us.yaml"  # the trip in both places


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def launch_warnings(err: str) -> list[str]:
    """What a launch said on stderr, the article files not found (the copies have none) aside."""
    return [line for line in err.splitlines() if line.strip() and "article file" not in line]


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundled folder of two real trips, and the store built from the first alone."""
    folder = tmp_path / "bundled"
    folder.mkdir()
    shutil.copy2(REAL / "daejeon-2025-us.yaml", folder)
    monkeypatch.setattr(cli.datafiles, "bundled_data_dir", lambda: folder)
    return folder


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    other = tmp_path / "mine"
    other.mkdir()
    shutil.copy2(REAL / SHARED, other)
    return other


def test_a_bundled_file_that_arrives_after_its_trip_was_imported_is_left_out_quietly(
        bundle: Path, copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list")[0] == 0  # built from the bundled data (one trip)
    assert run(capsys, "import", str(copy))[0] == 0
    shutil.copy2(REAL / SHARED, bundle)  # an update brings the same trip into the bundled data
    for _ in range(2):  # today: "the bundled data changed but does not validate" at each launch
        code, out, err = run(capsys, "list", "--json")
        assert code == 0 and launch_warnings(err) == []
        assert '"gumi-2024-us"' in out
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "the store is healthy" in out
    said = " ".join(out.split())
    assert "warning bundled data:" in said and "(bundled with tripdesk) has the trip id gumi-2024-us" in said
    assert f"which the store holds from {copy / SHARED}" in said
    assert f"tripdesk import {copy}" in said  # how to use the bundled file instead


def test_the_import_that_leaves_a_bundled_file_out_says_so_once(
        bundle: Path, copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy2(REAL / SHARED, bundle)
    # A store of the bundled data without that trip (as a --rebuild of some of its files)
    code, _, _ = run(capsys, "import", "--rebuild", str(bundle / "daejeon-2025-us.yaml"))
    assert code == 0
    code, _, err = run(capsys, "import", str(copy))
    assert code == 0
    notes = [line for line in err.splitlines() if line.startswith("tripdesk: note:")]
    assert len(notes) == 1 and "the store keeps that one and leaves the bundled file out" in notes[0]
    code, _, err = run(capsys, "list")
    assert code == 0 and launch_warnings(err) == []  # not again at the next launch


def test_the_advice_works_and_other_bundled_changes_still_refresh(
        bundle: Path, copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "list")
    run(capsys, "import", str(copy))
    shutil.copy2(REAL / SHARED, bundle)
    shutil.copy2(REAL / "gumi-2013-san-diego.yaml", bundle)  # and another bundled trip, new
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and '"gumi-2013-san-diego"' in out
    assert "store refreshed (1 added" in err and "does not validate" not in err
    # To use the bundled file: move the copy out of its folder and import the folder again.
    (copy / SHARED).rename(copy.parent / SHARED)
    assert run(capsys, "import", str(copy))[0] == 0
    code, out, err = run(capsys, "list", "--json")
    assert '"gumi-2024-us"' in out and "store refreshed (1 added" in err
    code, out, _ = run(capsys, "doctor")
    assert "bundled data" not in out
