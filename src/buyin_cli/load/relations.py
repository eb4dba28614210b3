"""Loading a strategy and finding everything wrong with it, each problem located.

`load_strategy` is the one entry point: it reads the YAML (source.py), validates
it against the models (models.py) and checks what relates several values —
unique ids, references, dates in order — collecting every problem in one pass so
that a user can fix them all in one round.
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from buyin_cli.load import tree
from buyin_cli.load.currencies import ISO_4217
from buyin_cli.errors import Location, Problem, StrategyInvalid
from buyin_cli.load.models import LOCALE_PATTERN, SLUG_PATTERN, Strategy
from buyin_cli.load.tree import SourceMap
from buyin_cli.words import dotted

# Which id each reference points at: (section, field path inside an item) → target section.
REFERENCES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("objectives", ("metrics", "*"), "metrics"),
    ("initiatives", ("audiences", "*"), "audiences"),
    ("initiatives", ("objectives", "*"), "objectives"),
    ("pilots", ("initiative",), "initiatives"),
    ("pilots", ("results", "*", "metric"), "metrics"),
    ("objections", ("evidence",), "pilots"),
    ("briefings", ("stakeholder",), "stakeholders"),
    ("briefings", ("focus", "*"), "objectives"),
)
ID_SECTIONS = ("objectives", "metrics", "audiences", "initiatives", "pilots",
               "stakeholders", "briefings")
SINGULAR = {"objectives": "objective", "metrics": "metric", "audiences": "audience",
            "initiatives": "initiative", "pilots": "pilot", "stakeholders": "stakeholder",
            "briefings": "briefing"}


@dataclass(frozen=True)
class LoadedStrategy:
    """A valid strategy and where each of its values was written."""

    strategy: Strategy
    sources: SourceMap
    path: Path


def check_strategy(path: Path) -> tuple[LoadedStrategy | None, list[Problem]]:
    """Every error in the strategy at `path`, and the strategy itself when there is none."""
    loaded = tree.load(path)
    if loaded.problems:
        return None, loaded.problems
    data, sources = loaded.data, loaded.sources
    problems: list[Problem] = []
    strategy = None
    try:
        strategy = Strategy.model_validate(data)
    except ValidationError as exc:
        errors = _without_typo_echoes(exc.errors(include_url=False))
        problems.extend(_problem(error, sources) for error in errors)
    problems.extend(_relations(data, sources))
    if problems:
        return None, problems
    return LoadedStrategy(strategy, sources, path), []


def load_strategy(path: Path) -> LoadedStrategy:
    """The valid strategy at `path`; raises StrategyInvalid listing every error."""
    loaded, problems = check_strategy(path)
    if loaded is None:
        raise StrategyInvalid(problems)
    return loaded


# --- pydantic errors as located one-liners ----------------------------------------------

def _without_typo_echoes(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop 'missing baseline' when 'baselin' is reported as an unknown key that means it."""
    meant = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(loc[:-1]), n=1, cutoff=0.6)
            if close:
                meant.add(loc[:-1] + (close[0],))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def _problem(error: dict[str, Any], sources: SourceMap) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    found = sources.get(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (f"did you mean '{close[0]}'?" if close
                else "expected one of: " + ", ".join(allowed))
        return Problem(sources.key_at(loc), "E201", f"{dotted(loc)}: unknown key ({hint})")
    if kind == "missing":
        parent = loc[:-1]
        described = _description(parent, str(loc[-1]))
        where = f"{dotted(parent)}: " if parent else ""
        return Problem(sources.at(parent), "E202",
                       f"{where}missing required key '{loc[-1]}'{described}")
    value = error.get("input")
    shown = _shown(value, found)
    message = _TYPE_MESSAGES.get(kind)
    if message is not None:
        if kind == "string_type" and tree.is_yaml11_bool(found):
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


def _unquoted_number_text(value: Any, found: tree.Source | None) -> bool:
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
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} item{'s' if least != 1 else ''}"
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


def _shown(value: Any, found: tree.Source | None) -> str:
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
    raw = raw if len(raw) <= 40 else raw[:39] + "…"
    if isinstance(value, str):
        return f"'{raw}'"
    if isinstance(value, bool):
        return f"{raw} (YAML reads it as {str(value).lower()})"
    return raw


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _model_at(path: tuple) -> type[BaseModel] | None:
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


def _fields_at(path: tuple) -> list[str]:
    model = _model_at(path)
    return list(model.model_fields) if model else []


def _description(path: tuple, key: str) -> str:
    model = _model_at(path)
    field = model.model_fields.get(key) if model else None
    if field is None or not field.description:
        return ""
    return f" ({field.description.rstrip('.')[:1].lower()}{field.description.rstrip('.')[1:]})"


# --- rules that relate several values ------------------------------------------------------

def _relations(data: dict[str, Any], sources: SourceMap) -> list[Problem]:
    """Unique ids, resolving references and consistent values; tolerant of malformed data."""
    problems: list[Problem] = []
    locale = data.get("locale")
    if isinstance(locale, str) and LOCALE_PATTERN.fullmatch(locale) and not _known_locale(locale):
        problems.append(Problem(sources.at(("locale",)), "E204",
                                f"locale: unknown locale '{locale}'; use a language and country "
                                "code such as en_GB, en_US, de_DE or fr_FR"))
    ids = {section: _ids(data, section, sources, problems) for section in ID_SECTIONS}
    for section, field_path, target in REFERENCES:
        for path, ref in _walk(data, (section, "*") + field_path):
            # A reference that is not a slug is reported as such already (E204).
            if (not isinstance(ref, str) or ref in ids[target]
                    or not re.fullmatch(SLUG_PATTERN, ref)):
                continue
            # Suggest only ids that are themselves valid: the invalid ones are reported already.
            known = sorted(i for i in ids[target] if re.fullmatch(SLUG_PATTERN, i))
            close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
            if close:
                hint = f"did you mean '{close[0]}'?"
            elif known:
                hint = "known: " + ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
            elif any(True for _ in _items(data, target)):
                hint = f"no {SINGULAR[target]} has a valid id yet"
            else:
                hint = f"there are no {target} yet; add one to '{target}'"
            problems.append(Problem(sources.at(path), "E302",
                                    f"{dotted(path)}: unknown {SINGULAR[target]} '{ref}' ({hint})"))
    for i, pilot in _items(data, "pilots"):
        problems.extend(_pilot_rules(pilot, ("pilots", i), sources))
    return problems


def _known_locale(name: str) -> bool:
    """Whether Babel has data for a locale, asked of its data files without importing it,
    which would cost `check` more than the rest of its work. True when Babel is absent."""
    import importlib.util

    spec = importlib.util.find_spec("babel")
    if spec is None or not spec.submodule_search_locations:
        return True
    data = Path(spec.submodule_search_locations[0]) / "locale-data"
    return not data.is_dir() or (data / f"{name}.dat").is_file()


def _ids(data: dict[str, Any], section: str, sources: SourceMap,
         problems: list[Problem]) -> set[str]:
    seen: dict[str, tuple] = {}
    for i, item in _items(data, section):
        value = item.get("id")
        if not isinstance(value, str):
            continue
        path = (section, i, "id")
        if value in seen:
            problems.append(Problem(sources.at(path), "E301",
                                    f"{dotted(path)}: duplicate {SINGULAR[section]} id '{value}', "
                                    f"first defined at {sources.at(seen[value])}; ids must be "
                                    f"unique within '{section}'"))
        else:
            seen[value] = path
    return set(seen)


def _pilot_rules(pilot: dict[str, Any], path: tuple, sources: SourceMap) -> list[Problem]:
    problems: list[Problem] = []

    def add(where: tuple, message: str) -> None:
        problems.append(Problem(sources.at(path + where), "E304", f"{dotted(path + where)}: {message}"))

    start, end = _date(pilot.get("start")), _date(pilot.get("end"))
    if start and end and end < start:
        add(("end",), f"ends {end} before it starts {start}; end must be on or after start")
    usage = pilot.get("usage")
    if isinstance(usage, dict) and _numbers(usage.get("enrolled"), usage.get("completed")):
        if usage["completed"] > usage["enrolled"]:
            add(("usage", "completed"), f"{usage['completed']} completed but only "
                                        f"{usage['enrolled']} enrolled; completed must not exceed enrolled")
    reaction = pilot.get("reaction")
    if isinstance(reaction, dict) and _numbers(reaction.get("score"), reaction.get("scale")):
        if reaction["score"] > reaction["scale"]:
            add(("reaction", "score"), f"score {reaction['score']} is above the scale's top "
                                       f"{reaction['scale']}; score must not exceed scale")
    first_for_metric: dict[str, int] = {}
    results = pilot.get("results")
    for j, result in enumerate(results if isinstance(results, list) else []):
        if not isinstance(result, dict):
            continue
        has_before, has_after = "control_before" in result, "control_after" in result
        if has_before != has_after:
            present, absent = (("control_before", "control_after") if has_before
                               else ("control_after", "control_before"))
            add(("results", j, present), f"{present} is given without {absent}; give both "
                                         "readings of the comparison group, or neither")
        metric = result.get("metric")
        if isinstance(metric, str):
            if metric in first_for_metric:
                first = sources.at(path + ("results", first_for_metric[metric], "metric"))
                add(("results", j, "metric"), f"metric '{metric}' is measured twice in this pilot "
                                              f"(first at line {first.line}); a metric appears "
                                              "at most once in a pilot's results")
            else:
                first_for_metric[metric] = j
    return problems


def _items(data: dict[str, Any], section: str):
    items = data.get(section)
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield i, item


def _walk(node: Any, pattern: tuple, path: tuple = ()):
    """Values matching a path pattern in which '*' stands for every list index."""
    if not pattern:
        yield path, node
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from _walk(item, rest, path + (i,))
    elif isinstance(node, dict) and head in node:
        yield from _walk(node[head], rest, path + (head,))


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _numbers(*values: Any) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


__all__ = ["LoadedStrategy", "check_strategy", "load_strategy", "Location"]
