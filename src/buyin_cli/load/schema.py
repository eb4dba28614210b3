"""The JSON Schema of the strategy format, generated from the models."""

from __future__ import annotations

from typing import Any

from buyin_cli import __version__
from buyin_cli.load.models import Strategy


def strategy_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) an editor uses to complete and check strategy files."""
    schema = Strategy.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://buyin.dev/schema/strategy-v1.json",
        **schema,
        "description": f"buyin strategy format, version 1 (buyin {__version__}). "
                       "A folder strategy splits these sections across files.",
    }


def part_schema() -> dict[str, Any]:
    """The schema of one file of a strategy split across files: any of the sections, none
    required, each as the whole strategy's schema has it. An editor checks each file
    against it; `buyin check` checks what the files make together."""
    schema = strategy_schema()
    schema.pop("required", None)
    return {**schema, "$id": "https://buyin.dev/schema/strategy-part-v1.json",
            "description": f"One file of a buyin strategy (format version 1, buyin "
                           f"{__version__}) split across files: any of the sections."}
