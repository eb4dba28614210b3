"""Why an initiative's figures moved: the numbers written in its inputs that changed.

An ROI that falls from 232% to 198% is a question in a review; "because the
pilot's participants went from 24 to 40" is its answer. The inputs of an
initiative's figures are its own numbers (costs, roll-out), its pilots' and its
audiences' (headcount): each number that differs between the two versions is a
cause, named by where it is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from buyin_cli.figures.changes import InputChange
from buyin_cli.load.models import Strategy


def causes(old: Strategy, new: Strategy, initiative_id: str) -> tuple[InputChange, ...]:
    """The numbers behind initiative `initiative_id` that changed from `old` to `new`."""
    def inputs(strategy: Strategy) -> list[tuple[str, list[Any]]]:
        initiative = strategy.index.initiatives.get(initiative_id)
        return [("initiative", [initiative] if initiative else []),
                ("pilot", [p for p in strategy.pilots if p.initiative == initiative_id]),
                ("audience", _audiences(strategy, initiative_id))]

    found: list[InputChange] = []
    for (kind, was_items), (_, items) in zip(inputs(old), inputs(new)):
        before = {item.id: item for item in was_items}
        for item in items:
            if item.id not in before:
                continue
            was = dict(_numbers(before[item.id].model_dump()))
            for path, value in _numbers(item.model_dump()):
                if path in was and was[path] != value:
                    found.append(InputChange(kind, item.id, _label(item), path, was[path], value))
    return tuple(found)


def _audiences(strategy: Strategy, initiative_id: str) -> list[Any]:
    initiative = strategy.index.initiatives.get(initiative_id)
    served = set(initiative.audiences) if initiative else set()
    return [a for a in strategy.audiences if a.id in served]


def _label(item: Any) -> str:
    return str(getattr(item, "group", None) or getattr(item, "title", None) or getattr(
        item, "name", None) or item.id)


def _numbers(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], float]]:
    """Every number in a dumped model, at its path; a list item is named by its id or name."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, (*path, key))
    elif isinstance(value, list):
        for number, item in enumerate(value, 1):
            name = next((item[k] for k in ("id", "item", "metric", "behaviour")
                         if isinstance(item, dict) and isinstance(item.get(k), str)), None)
            yield from _numbers(item, (*path, name or str(number)))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path, value
