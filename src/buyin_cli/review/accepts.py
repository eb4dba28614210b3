"""Accepting a warning with a written reason: which item accepts it, and acceptances that are wrong.

A warning on an item is accepted by that item's `accept` mapping (code → reason)
or by the strategy's top-level `accept`, which covers every instance of the code.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from buyin_cli.codes import RULES
from buyin_cli.errors import Location, Problem
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.review.context import Path_
from buyin_cli.words import dotted

ACCEPTING_SECTIONS = ("objectives", "metrics", "audiences", "initiatives", "pilots",
                      "stakeholders", "briefings")


def accepts(loaded: LoadedStrategy, path: Path_) -> dict[str, str]:
    """The acceptances (code → reason) written on the item at `path`."""
    item: Any = loaded.strategy
    for part in path:
        item = item[part] if isinstance(part, int) else getattr(item, part)
    return getattr(item, "accept", None) or {}


def acceptor(loaded: LoadedStrategy, owner: Path_, code: str) -> Path_ | None:
    """The nearest item that accepts `code` for a warning on `owner`: itself, else the strategy."""
    for holder in (owner, ()):
        if code in accepts(loaded, holder):
            return holder
    return None


def accepting_items(loaded: LoadedStrategy) -> Iterator[Path_]:
    """Every item that may carry an `accept` mapping, the strategy itself first."""
    yield ()
    strategy = loaded.strategy
    for section in ACCEPTING_SECTIONS:
        for i in range(len(getattr(strategy, section))):
            yield (section, i)
    if strategy.sponsor is not None:
        yield ("sponsor",)


def unknown_codes(loaded: LoadedStrategy, ignore: set[str]) -> Iterator[Problem]:
    """W001 for an accept, W002 for an --ignore, that names no readiness warning."""
    known = ", ".join(RULES)
    for path in accepting_items(loaded):
        for code in accepts(loaded, path):
            if code not in RULES:
                where = path + ("accept", code)
                yield Problem(loaded.sources.key_at(where), "W001",
                              f"{dotted(where)}: unknown warning code '{code}' in accept; "
                              f"use one of {known}")
    first = loaded.sources.files[0] if loaded.sources.files else loaded.path
    for code in sorted(ignore):
        if code not in RULES:
            yield Problem(Location(first), "W002",
                          f"--ignore {code}: unknown warning code; use one of {known}"
                          + (" (errors cannot be ignored)" if code.startswith("E") else ""))


def unused_accepts(loaded: LoadedStrategy, used: set[tuple[Path_, str]], ignore: set[str],
                   raised: Mapping[str, list[Path_]] | None = None) -> Iterator[Problem]:
    """W003 for an acceptance of a warning that does not fire on its item: where the code is
    raised instead (`raised`: code → the items it fires on), else that it can go."""
    for path in accepting_items(loaded):
        for code in accepts(loaded, path):
            rule = RULES.get(code)
            if rule is None or code in ignore or (path, code) in used:
                continue
            where = path + ("accept", code)
            yield Problem(loaded.sources.key_at(where), "W003",
                          f"{dotted(where)}: {code} ({rule.title}) does not fire "
                          f"{'here' if path else 'anywhere'}; "
                          + _belongs(loaded, code, (raised or {}).get(code, [])))


def _belongs(loaded: LoadedStrategy, code: str, raised_on: list[Path_]) -> str:
    """Where an acceptance of `code` works: the items it is raised on and not yet accepted on;
    where each accepts it already, that this one can go; or nowhere."""
    owners: list[Path_] = []
    accepted: list[Path_] = []
    for owner in raised_on:
        (accepted if code in accepts(loaded, owner) else owners).append(owner)
    places = [dotted(p) if p else "the strategy" for p in dict.fromkeys(owners)]
    if not places and accepted:
        done = [dotted(p) if p else "the strategy" for p in dict.fromkeys(accepted)]
        return (f"'{code}' is raised on {', '.join(done)}, which "
                f"{'accepts' if len(done) == 1 else 'accept'} it already; remove this acceptance")
    if not places:
        return "remove this acceptance"
    if len(places) == 1:
        return f"'{code}' is raised on {places[0]}; accept it there"
    if len(places) > 4:
        places = places[:3] + [f"{len(places) - 3} more"]
    listed = ", ".join(places[:-1]) + f" and {places[-1]}"
    return (f"'{code}' is raised on {listed}; accept it on each, or once in the top-level "
            "accept")
