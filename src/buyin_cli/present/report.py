"""What `buyin check` prints: each problem as a line, the readiness score, for people, tools and CI.

Three forms of the same list: text for people (colour on a terminal only),
JSON for tools, and GitHub workflow annotations for CI. Imports nothing heavy,
so `check` stays quick.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from buyin_cli.errors import Problem, display_path
from buyin_cli.words import plural

if TYPE_CHECKING:
    from buyin_cli.review.score import Readiness

Paint = Callable[[str, str], str]


def text_report(path: Path, problems: list[Problem], readiness: Readiness | None,
                paint: Paint) -> list[str]:
    """One line per problem, then the readiness score by method, then the verdict."""
    lines = []
    for problem in problems:
        colour = "31" if problem.severity == "error" else "33"
        lines.append(f"{paint(str(problem.location), '1')}: {paint(problem.code, colour)} "
                     f"{problem.message}")
    if readiness is not None:
        lines += ([""] if problems else []) + _readiness_lines(readiness, paint)
    errors = sum(p.severity == "error" for p in problems)
    counts = f"{plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}"
    if errors:
        lines.append(paint(f"✗ {display_path(path)}: {counts}", "1;31"))
    else:
        lines.append(paint(f"✓ {display_path(path)}: valid ({counts})", "1;32"))
    return lines


def _readiness_lines(readiness: Readiness, paint: Paint) -> list[str]:
    """The score, then one line per method: ✓ when full marks, ! with the codes that fired."""
    lines = [paint(f"Readiness {readiness.score}/100", "1")]
    for method in readiness.methods:
        fired = ", ".join(code if n == 1 else f"{code} ×{n}" for code, n in method.fired.items())
        full = method.points == method.out_of
        mark = paint("✓", "32") if full else paint("!", "33")
        lines.append(f"  {mark} {method.name} {method.points}/{method.out_of}"
                     + (f" ({fired})" if fired else "" if full or method.applicable
                        else " (nothing to review yet)"))
    if readiness.accepted:
        lines.append(f"  {plural(len(readiness.accepted), 'warning')} accepted with a reason")
    return lines


def problems_json(problems: list[Problem]) -> str:
    """The problems as a JSON list of {file, line, col, code, severity, message}, and `sheet`
    for a workbook's cell (line and col being its row and column)."""
    return json.dumps([{"file": display_path(p.location.file), "line": p.location.line,
                        "col": p.location.col, "code": p.code, "severity": p.severity,
                        "message": p.message,
                        **({"sheet": p.location.sheet} if p.location.sheet is not None else {})}
                       for p in problems], indent=2, ensure_ascii=False)


def github_annotation(problem: Problem) -> str:
    """A problem as a GitHub workflow command: `::error file=…,line=…,col=…::CODE message`.

    The file name and the message are the user's text, escaped as GitHub reads a
    command's properties and data, so neither can end the command or start another.
    """
    where = problem.location
    return (f"::{problem.severity} file={_property(display_path(where.file))},line={where.line},"
            f"col={where.col}::{problem.code} {_data(problem.message)}")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


@contextmanager
def workflow_commands_stopped(stream: IO[str]) -> Iterator[None]:
    """In a GitHub Actions log, nothing printed inside can act as a workflow command.

    A table wraps the user's text wherever it fits, so a name such as 'x ::error::y'
    could start a line of its own; GitHub's own `stop-commands`, with a token no
    strategy can guess, turns commands off until the token is printed again.
    """
    if os.environ.get("GITHUB_ACTIONS") != "true":
        yield
        return
    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}", file=stream, flush=True)
    try:
        yield
    finally:
        print(f"::{token}::", file=stream, flush=True)


def painter(stream: IO[str]) -> Paint:
    """ANSI colour for a terminal; plain text when piped, with NO_COLOR, or on a dumb terminal."""
    use = (stream.isatty() and "NO_COLOR" not in os.environ
           and os.environ.get("TERM") != "dumb")

    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if use else text

    return paint
