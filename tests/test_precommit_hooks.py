"""`.pre-commit-hooks.yaml`: another repository of trip files runs tripdesk's checks as
pre-commit hooks. Each hook's command is run as pre-commit runs it, in a repository laid out
as docs/team.md describes (trips/, trip.schema.json at the root)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import DATA, ROOT

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def run_hook(hook_id: str, repo: Path) -> subprocess.CompletedProcess[str]:
    """The hook's entry and arguments, as pre-commit would run them in `repo` (its files are
    not passed: both hooks read the whole folder)."""
    hook = HOOKS[hook_id]
    assert hook["pass_filenames"] is False
    entry = shlex.split(hook["entry"])
    assert entry[0] == "tripdesk"
    return subprocess.run([sys.executable, "-m", "tripdesk", *entry[1:], *hook.get("args", [])],
                          cwd=repo, capture_output=True, text=True, timeout=120)


@pytest.fixture
def data_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "city-trips"
    shutil.copytree(DATA, repo / "trips")
    assert subprocess.run([sys.executable, "-m", "tripdesk", "schema", "-o", "trip.schema.json"],
                          cwd=repo, capture_output=True, timeout=60).returncode == 0
    return repo


def test_the_manifest_declares_both_hooks_for_python() -> None:
    assert set(HOOKS) == {"tripdesk-validate", "tripdesk-schema"}
    for hook in HOOKS.values():
        assert hook["language"] == "python" and hook["name"] and hook["description"]
    files = re.compile(HOOKS["tripdesk-validate"]["files"])
    assert files.search("trips/gumi-2024-us.yaml") and files.search("trips/x.yml") and files.search("t.json")
    assert not files.search("articles/001.txt")


def test_the_hooks_pass_on_a_good_repository(data_repo: Path) -> None:
    validate = run_hook("tripdesk-validate", data_repo)
    assert validate.returncode == 0, validate.stderr
    assert f"{len(list(DATA.glob('*.yaml')))} files valid" in validate.stdout
    schema = run_hook("tripdesk-schema", data_repo)
    assert schema.returncode == 0, schema.stderr


def test_the_validate_hook_fails_on_a_trip_id_used_twice(data_repo: Path) -> None:
    # A new file that repeats another's trip id: only a check of the whole folder sees it.
    shutil.copy(data_repo / "trips" / "gumi-2024-us.yaml", data_repo / "trips" / "gumi-2024-us-copy.yaml")
    result = run_hook("tripdesk-validate", data_repo)
    assert result.returncode == 1
    assert "gumi-2024-us" in result.stderr and "Traceback" not in result.stderr


def test_the_validate_hook_fails_on_a_broken_file(data_repo: Path) -> None:
    path = data_repo / "trips" / "gumi-2013-san-diego.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: reported", "status: planned", 1),
                    encoding="utf-8")
    result = run_hook("tripdesk-validate", data_repo)
    assert result.returncode == 1
    assert "gumi-2013-san-diego.yaml:" in result.stderr and "'planned' is not allowed" in result.stderr


def test_the_schema_hook_fails_on_an_outdated_schema(data_repo: Path) -> None:
    schema = data_repo / "trip.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"minimum": 0', '"minimum": 1', 1),
                      encoding="utf-8")
    result = run_hook("tripdesk-schema", data_repo)
    assert result.returncode == 1 and "tripdesk schema -o trip.schema.json" in result.stderr
