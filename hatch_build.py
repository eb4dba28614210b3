"""Compile the message catalogues (.po → .mo) into the wheel, so an installed buyin reads them as they are."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        root = Path(self.root)
        out = self._scratch = Path(tempfile.mkdtemp(prefix="buyin-mo-"))
        for po in sorted((root / "src/buyin_cli/translations").glob("*/LC_MESSAGES/buyin.po")):
            language = po.parents[1].name
            with po.open("rb") as f:
                catalog = read_po(f, locale=language)
            mo = out / language / "buyin.mo"
            mo.parent.mkdir(parents=True)
            with mo.open("wb") as f:
                write_mo(f, catalog)
            build_data["force_include"][str(mo)] = f"buyin_cli/translations/{language}/LC_MESSAGES/buyin.mo"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        """The compiled catalogues are in the wheel now: leave no scratch folder behind per build."""
        shutil.rmtree(self._scratch, ignore_errors=True)
