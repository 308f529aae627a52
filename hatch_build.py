"""Build hook: compiles the gettext catalogs (src/tripdesk/locale/*/LC_MESSAGES/*.po) to the
.mo files the desk reads, for wheels and for editable installs (`pip install -e .`), so that
nobody has to remember `pybabel compile`. The .mo files are build output (git-ignored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted((root / "src" / "tripdesk" / "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
            if version != "editable":
                build_data["force_include"][str(mo)] = str(mo.relative_to(root / "src"))
