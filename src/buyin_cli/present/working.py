"""The appendix's working: every figure's formula with the strategy's numbers, for the deck."""

from __future__ import annotations

import re
from pathlib import Path

from buyin_cli.figures.steps import Section
from buyin_cli.present.numbers import Formatter
from buyin_cli.present.view import WorkingStep


def working_steps(sections: list[Section], fmt: Formatter, root: Path) -> list[WorkingStep]:
    """The appendix rows: every figure's working (figures/explain.py), written in the strategy's locale.

    Sources are named relative to the strategy (`pilots/a.yaml:12`), so a deck reads the
    same wherever it was rendered from.
    """
    steps = []
    for section in sections:
        for step in section.steps:
            lines: dict[str, list[str]] = {}
            for op in step.sources:
                lines.setdefault(_strategy_relative(op.source.file, root), [])
                if str(op.source.line) not in lines[_strategy_relative(op.source.file, root)]:
                    lines[_strategy_relative(op.source.file, root)].append(str(op.source.line))
            where = "; ".join(f"{name}:{', '.join(nums)}" for name, nums in lines.items())
            working = f"{step.fill(fmt.operand)} = {fmt.operand(step.result)}"
            if step.note and step.result.value is None:
                working += f" ({re.sub(r' [(]at [^)]*[)]', '', step.note)})"
            steps.append(WorkingStep(f"{section.title}: {step.figure}", working, where))
    return steps


def _strategy_relative(file: Path, root: Path) -> str:
    base = root if root.is_dir() else root.parent
    try:
        return file.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return file.name
