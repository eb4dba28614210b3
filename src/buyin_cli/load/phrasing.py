"""Pydantic's validation errors as problems a trainer can act on: one located line each.

Each error's `loc` is followed to where the value (or, for an unknown or missing
key, the key or its mapping) was written, and its type is phrased in the
strategy's terms: the closest known key for a typo, what YAML made of an
unquoted yes, the closest currency code.
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from buyin_cli.errors import Problem
from buyin_cli.load.currencies import ISO_4217
from buyin_cli.load.models import Strategy
from buyin_cli.load.sourcemap import Path_, Source, SourceMap, is_yaml11_bool
from buyin_cli.words import clip, dotted, plural


def without_typo_echoes(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop 'missing baseline' when 'baselin' is reported as an unknown key that means it."""
    meant = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(loc[:-1]), n=1, cutoff=0.6)
            if close:
                meant.add(loc[:-1] + (close[0],))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def problem_for(error: ErrorDetails, sources: SourceMap) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    found = sources.get(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        holder = sources.source(loc[:-1])
        if error.get("input") is None and holder is not None and holder.flow and not close:
            # {text: Fast, cheap, by: Ana}: the comma ended the text, and 'cheap' became a key.
            return Problem(sources.key_at(loc), "E201", (
                f"{dotted(loc)}: unknown key: inside {{…}} an unquoted comma ends a value, so "
                f"YAML read '{clip(key, 40)}' as a key; put the text with the comma in quotes, "
                f"e.g. \"…, {clip(key, 40)}\""))
        hint = (f"did you mean '{close[0]}'?" if close
                else "expected one of: " + ", ".join(allowed))
        return Problem(sources.key_at(loc), "E201",
                       f"{dotted(loc)}: unknown key ({hint}){_belongs_higher(loc) if not close else ''}")
    if kind == "missing":
        parent = loc[:-1]
        described = _description(parent, str(loc[-1]))
        where = f"{dotted(parent)}: " if parent else ""
        return Problem(sources.at(parent), "E202",
                       f"{where}missing required key '{loc[-1]}'{described}")
    value = error["input"]
    shown = _shown(value, found)
    message = _TYPE_MESSAGES.get(kind)
    if message is not None:
        if kind == "string_type" and is_yaml11_bool(found):
            text = (f"expected text, but YAML reads an unquoted {found.raw} as "
                    f"{str(value).lower()}; write \"{found.raw}\" in quotes")
        elif kind == "float_type" and _unquoted_number_text(value, found):
            text = (f"expected a number, but YAML reads {shown} as text; write it with a "
                    f"decimal point, e.g. {float(value):.1e}".replace("e+0", "e+"))
        else:
            text = message.format(shown=shown)
        return Problem(sources.at(loc), "E203", f"{dotted(loc)}: {text}")
    return Problem(sources.at(loc), "E204", f"{dotted(loc)}: {_value_message(kind, ctx, value, shown)}")


_TYPE_MESSAGES = {
    "string_type": "expected text, got {shown}",
    "int_type": "expected a whole number, got {shown}",
    "int_from_float": "expected a whole number, got {shown}",
    "float_type": "expected a number, got {shown}",
    "bool_type": "expected true or false, got {shown}",
    "list_type": "expected a list, got {shown}",
    "dict_type": "expected a mapping (key: value lines), got {shown}",
    "model_type": "expected a mapping (key: value lines), got {shown}",
    "model_attributes_type": "expected a mapping (key: value lines), got {shown}",
    "date_type": "expected a date written YYYY-MM-DD, got {shown}",
    "finite_number": "expected a number, got {shown}",
}


def _unquoted_number_text(value: Any, found: Source | None) -> bool:
    """An unquoted 1e5: YAML 1.1 reads exponents without a decimal point as text."""
    if not isinstance(value, str) or not found or found.quoted:
        return False
    return (bool(re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+", value))
            and math.isfinite(float(value)))


def _value_message(kind: str, ctx: dict[str, Any], value: Any, shown: str) -> str:
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'|(\d+)", ctx.get("expected", ""))
        choices = [a or b for a, b in options]
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.5)
        hint = f" (did you mean '{close[0]}'?)" if close and isinstance(value, str) else ""
        return f"expected {ctx.get('expected')}, got {shown}{hint}"
    if kind == "string_pattern_mismatch":
        suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "my-id"
        return (f"{shown} is not a valid id; use lowercase letters, digits and hyphens, "
                f"e.g. '{suggestion}'")
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return (f"is {len(str(value)):,} characters, more than the {ctx.get('max_length')} "
                "allowed; shorten it")
    if kind == "too_long":
        most = ctx.get("max_length")
        return (f"has {ctx.get('actual_length', 0):,} items, more than the {most} allowed; "
                "keep the ones that matter most")
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {plural(least, 'item', 'items')}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": ("greater than", "gt"), "greater_than_equal": ("at least", "ge"),
                 "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}[kind]
        return f"must be {bound[0]} {_number(ctx.get(bound[1]))}, got {shown}"
    if kind == "value_error":
        reason = str(ctx.get("error", "invalid value"))
        if reason == "unknown currency":
            code = str(value).strip().upper()
            close = ([_CURRENCY_MISTAKES[code]] if code in _CURRENCY_MISTAKES
                     else [code] if code in ISO_4217 else [])
            hint = f"did you mean '{close[0]}'?" if close else "e.g. GBP, EUR or USD"
            return f"unknown currency code {shown}; use an ISO 4217 code ({hint})"
        return f"{reason}, got {shown}" if reason.startswith("expected") else reason
    return f"invalid value {shown}"


# Codes people write for their currency that ISO 4217 spells otherwise.
_CURRENCY_MISTAKES = {"UKP": "GBP", "UK": "GBP", "STG": "GBP", "£": "GBP", "$": "USD",
                      "US$": "USD", "€": "EUR", "EURO": "EUR", "EUROS": "EUR", "RMB": "CNY",
                      "YEN": "JPY", "¥": "JPY", "NIS": "ILS", "SFR": "CHF"}


def _shown(value: Any, found: Source | None) -> str:
    """A short, safe rendering of an input value: never a repr of a large structure."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if found and found.raw is not None and not isinstance(value, str):
        raw = found.raw
    else:
        raw = str(value)
    raw = clip(raw)
    if isinstance(value, str):
        return f"'{raw}'"
    if isinstance(value, bool):
        return f"{raw} (YAML reads it as {str(value).lower()})"
    return raw


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _model_at(path: Path_) -> type[BaseModel] | None:
    """The model class that validates the mapping at `path`, following field annotations."""
    model: Any = Strategy
    for part in path:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if _is_model(model) else None
        if field is None:
            return None
        model = _item_type(field.annotation)
    return model if _is_model(model) else None


def _item_type(annotation: Any) -> Any:
    """Unwrap Optional[...] and list[...] down to the item type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif origin in (list, typing.Annotated):
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _belongs_higher(loc: Path_) -> str:
    """Where a key unknown at `loc` is known, on the nearest mapping that holds it: `accept`
    under a pilot's result belongs on the pilot ("; 'accept' belongs on pilots[0]: …")."""
    key = str(loc[-1])
    for end in range(len(loc) - 2, -1, -1):
        holder = loc[:end]
        if isinstance(loc[end], int) or key not in _fields_at(holder):
            continue  # a list holds items, not keys
        where = dotted(holder) if holder else "the top level"
        return f"; '{key}' belongs on {where}, not under its {loc[end]}: move it up to {dotted(holder + (key,))}"
    return ""


def _fields_at(path: Path_) -> list[str]:
    model = _model_at(path)
    return list(model.model_fields) if model else []


def _description(path: Path_, key: str) -> str:
    model = _model_at(path)
    field = model.model_fields.get(key) if model else None
    if field is None or not field.description:
        return ""
    return f" ({field.description.rstrip('.')[:1].lower()}{field.description.rstrip('.')[1:]})"
