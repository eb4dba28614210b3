"""The job summary GitHub shows for a run: what `check` found and what `brief` wrote, in Markdown.

GitHub puts at most ten annotations of each kind on a pull request's lines; the
summary lists every problem, by file, with the readiness score by method.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from buyin_cli.errors import Problem, display_path
from buyin_cli.present.markdown import escape, table
from buyin_cli.words import plural

if TYPE_CHECKING:
    from buyin_cli.review.score import Readiness

MARK = {"error": "❌", "warning": "⚠️"}


def check_summary(path: Path, problems: list[Problem], readiness: Readiness | None) -> list[str]:
    """`buyin check`'s verdict, its score by method, then every problem under its file."""
    errors = sum(p.severity == "error" for p in problems)
    counts = f"{plural(errors, 'error', 'errors')}, {plural(len(problems) - errors, 'warning', 'warnings')}"
    verdict = f"✗ invalid ({counts})" if errors else f"✓ valid ({counts})"
    lines = [f"### buyin check {escape(display_path(path))}: {verdict}"]
    if readiness is not None:
        lines += ["", f"**Readiness {readiness.score}/100**", "", *table(
            ["Method", "Points", "Warnings"],
            [[m.name, f"{m.points}/{m.out_of}",
              ", ".join(code if n == 1 else f"{code} ×{n}" for code, n in m.fired.items())
              or ("✓" if m.points == m.out_of else "nothing to review yet")]
             for m in readiness.methods])]
    by_file = groupby(sorted(problems, key=lambda p: (display_path(p.location.file),
                                                      p.location.line, p.location.col)),
                      key=lambda p: display_path(p.location.file))
    for file, in_file in by_file:
        lines += ["", f"**{escape(file)}**", ""]
        lines += [f"- {MARK[p.severity]} line {p.location.line}, col {p.location.col}: "
                  f"`{p.code}` {escape(p.message)}" for p in sorted(in_file, key=Problem.sort_key)]
    return lines


def brief_summary(written: list[tuple[str, bool]], warnings: int) -> list[str]:
    """`buyin brief`'s files: each written or unchanged, and the readiness warnings left."""
    changed = sum(fresh for _, fresh in written)
    lines = [f"### buyin brief: {plural(changed, 'file', 'files')} written, "
             f"{len(written) - changed} unchanged", ""]
    lines += [f"- {'wrote' if fresh else 'unchanged'} `{name.replace('`', '')}`"
              for name, fresh in written]
    if warnings:
        lines += ["", f"{plural(warnings, 'readiness warning', 'readiness warnings')} listed in the talking points; "
                      "`buyin check` shows where to fix them."]
    return lines
