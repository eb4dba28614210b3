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
