"""The draft as a trip file: YAML in the data format, checked by the validator before it is
written, written atomically and never over an existing file without `force`."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..paths import user_path
from ..problems import TripdeskError


class DraftInvalid(TripdeskError):
    """The drafter made a document the validator refuses (a bug: nothing is written)."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the format refuses aliases: write values out
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(document: dict[str, Any], header: str) -> str:
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + "\n" + body


def check(text: str, articles: dict[str, str] | None = None) -> list[str]:
    """The validator's problems with the draft's text (none: it validates as it is).

    `articles` (file name -> the text drafted from) are put beside it, so that the validator
    also finds every evidence excerpt and quote in the article it names."""
    from ..files.loader import load_file

    with tempfile.TemporaryDirectory(prefix="tripdesk-draft-") as folder:
        path = Path(folder) / "draft.yaml"
        path.write_text(text, encoding="utf-8")
        for name, body in (articles or {}).items():
            if name and Path(name).name == name and name != path.name:
                (Path(folder) / name).write_text(body, encoding="utf-8")
        _, problems = load_file(path)
    return [str(p).replace(str(path), "draft") for p in problems]


def target(output: str | None, trip_id: str) -> Path | None:
    """The file to write: `-o FILE`, or `<trip-id>.yaml` in `-o DIR/`; None: standard output."""
    if output is None or output == "-":
        return None
    path = user_path(output)
    if path.is_dir() or output.endswith(("/", "\\")):
        return path / f"{trip_id}.yaml"
    return path

