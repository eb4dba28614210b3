"""The rules that relate several values: unique ids, references that resolve, readings that agree.

They run on the raw data, beside the models' own checks, so that every problem
of a strategy is found in one pass; they tolerate malformed values, which the
models report.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from buyin_cli.errors import Location, Problem
from buyin_cli.load.models import LOCALE_PATTERN, SLUG_PATTERN
from buyin_cli.load.sourcemap import Path_, SourceMap
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
    ("briefings", ("asks", "*", "initiative"), "initiatives"),
)
ID_SECTIONS = ("objectives", "metrics", "audiences", "initiatives", "pilots",
               "stakeholders", "briefings")
SINGULAR = {"objectives": "objective", "metrics": "metric", "audiences": "audience",
            "initiatives": "initiative", "pilots": "pilot", "stakeholders": "stakeholder",
            "briefings": "briefing"}


def relation_problems(data: dict[str, Any], sources: SourceMap, *,
                      need_briefings: bool = False) -> list[Problem]:
    """Unique ids, resolving references and consistent values; tolerant of malformed data.

    With `need_briefings` (the strategy is to be briefed), no briefing is a problem too.
    """
    problems: list[Problem] = list(_locale(data, sources))
    if need_briefings and not data.get("briefings"):
        where = (sources.key_at(("briefings",)) if "briefings" in data
                 else Location(sources.files[0]) if sources.files else Location(Path(".")))
        problems.append(Problem(where, "E305", "there are no briefings to render; add a "
                                "meeting under 'briefings' (id, stakeholder, date, minutes, "
                                "opening_question, asks)"))
    ids: dict[str, set[str]] = {}
    for section in ID_SECTIONS:
        ids[section], duplicates = _ids(data, section, sources)
        problems += duplicates
    # Suggest only ids that are themselves valid: the invalid ones are reported already.
    valid_ids = {target: sorted(i for i in found if re.fullmatch(SLUG_PATTERN, i))
                 for target, found in ids.items()}
    suggest = _Suggestions()
    for section, field_path, target in REFERENCES:
        for path, ref in _walk(data, (section, "*") + field_path):
            # A reference that is not a slug is reported as such already (E204).
            if (not isinstance(ref, str) or ref in ids[target]
                    or not re.fullmatch(SLUG_PATTERN, ref)):
                continue
            known = valid_ids[target]
            close = suggest(ref, known)
            if close:
                hint = f"did you mean '{close}'?"
            elif close is None:
                hint = (f"no suggestion: too many unknown references to compare each with "
                        f"all {len(known):,} {target}")
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
    for i, initiative in _items(data, "initiatives"):
        problems.extend(_tracking_rules(initiative, ("initiatives", i), sources))
    for i, briefing in _items(data, "briefings"):
        problems.extend(_outcome_rules(briefing, ("briefings", i), sources))
    return problems


class _Suggestions:
    """The closest known id to each unknown reference, within a budget of comparisons.

    Each suggestion compares the reference with every known id, so thousands of unknown
    references among thousands of ids would take minutes; past MAX_COMPARISONS, no more
    suggestions are computed (None), and the message says why.
    """

    MAX_COMPARISONS = 20_000

    def __init__(self) -> None:
        self.spent = 0
        self.found: dict[tuple[str, int], str] = {}

    def __call__(self, ref: str, known: list[str]) -> str | None:
        key = (ref, id(known))
        if key not in self.found:
            if self.spent + len(known) > self.MAX_COMPARISONS:
                return None
            self.spent += len(known)
            close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
            self.found[key] = close[0] if close else ""
        return self.found[key]


def _locale(data: dict[str, Any], sources: SourceMap) -> Iterator[Problem]:
    """E204 for a locale Babel has no data for (its shape is the model's to check).

    Babel is imported only when a strategy names a locale: `check` stays quick for the rest.
    """
    locale = data.get("locale")
    if not isinstance(locale, str) or not LOCALE_PATTERN.fullmatch(locale):
        return
    from babel.localedata import exists

    if not exists(locale):
        yield Problem(sources.at(("locale",)), "E204",
                      f"locale: unknown locale '{locale}'; use a language and country code "
                      "such as en_GB, en_US, de_DE or fr_FR")


def _ids(data: dict[str, Any], section: str, sources: SourceMap) -> tuple[set[str], list[Problem]]:
    """The ids of a section's items, and a problem for each id given twice."""
    seen: dict[str, Path_] = {}
    problems: list[Problem] = []
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
    return set(seen), problems


def _pilot_rules(pilot: dict[str, Any], path: Path_, sources: SourceMap) -> list[Problem]:
    problems: list[Problem] = []

    def add(where: Path_, message: str) -> None:
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
        problems.extend(_method_clashes(result, path + ("results", j), sources))
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


# Two ways of isolating the same effect that the figures cannot both apply:
# (field given, fields it excludes, why).
_CLASHES = (
    ("trend_after", ("control_before", "control_after"),
     "use the comparison group or the trend line, not both"),
    ("estimates", ("isolation", "confidence"),
     "the estimates' mean of share × confidence replaces isolation × confidence"),
)


def _method_clashes(result: dict[str, Any], path: Path_, sources: SourceMap) -> list[Problem]:
    """E304, once at the newer method's field, for a result that isolates its effect two ways."""
    problems = []
    for field, excluded, why in _CLASHES:
        given = [other for other in excluded if other in result]
        if field in result and given:
            where = path + (field,)
            problems.append(Problem(sources.at(where), "E304",
                                    f"{dotted(where)}: {field} is given with "
                                    f"{' and '.join(given)}; {why}"))
    return problems


def _tracking_rules(initiative: dict[str, Any], path: Path_, sources: SourceMap) -> list[Problem]:
    """E304 for a tracking reading with more completed than enrolled, as a pilot's usage."""
    problems = []
    tracking = initiative.get("tracking")
    for j, reading in enumerate(tracking if isinstance(tracking, list) else []):
        if (isinstance(reading, dict) and _numbers(reading.get("enrolled"), reading.get("completed"))
                and reading["completed"] > reading["enrolled"]):
            where = path + ("tracking", j, "completed")
            problems.append(Problem(sources.at(where), "E304",
                                    f"{dotted(where)}: {reading['completed']} completed but only "
                                    f"{reading['enrolled']} enrolled; completed must not exceed "
                                    "enrolled"))
    return problems


def _outcome_rules(briefing: dict[str, Any], path: Path_, sources: SourceMap) -> list[Problem]:
    """E306 for a decision on an ask the briefing does not have, or on an ask decided already."""
    outcome = briefing.get("outcome")
    decisions = outcome.get("decisions") if isinstance(outcome, dict) else None
    asks = briefing.get("asks")
    count = len(asks) if isinstance(asks, list) else 0
    problems: list[Problem] = []
    first: dict[int, Path_] = {}
    for k, decision in enumerate(decisions if isinstance(decisions, list) else []):
        number = decision.get("ask") if isinstance(decision, dict) else None
        if not _numbers(number) or not isinstance(number, int) or number < 1:
            continue  # the model reports a value that is not a number from 1
        where = path + ("outcome", "decisions", k, "ask")
        if number > count:
            problems.append(Problem(sources.at(where), "E306",
                                    f"{dotted(where)}: ask {number}, but the briefing has "
                                    f"{count} {'ask' if count == 1 else 'asks'}; number the "
                                    "asks from 1 as they are listed"))
        elif number in first:
            problems.append(Problem(sources.at(where), "E306",
                                    f"{dotted(where)}: ask {number} is decided twice (first at "
                                    f"line {sources.at(first[number]).line}); record one "
                                    "decision per ask"))
        else:
            first[number] = where
    return problems


def _items(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    items = data.get(section)
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield i, item


def _walk(node: Any, pattern: tuple[str, ...], path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
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
