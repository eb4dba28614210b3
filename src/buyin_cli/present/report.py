"""What `buyin check` prints: each problem as a line, the readiness score, for people, tools and CI.

Three forms of the same list: text for people (colour on a terminal only, as rich
decides it), JSON for tools, and GitHub workflow annotations for CI.
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
        colour = "red" if problem.severity == "error" else "yellow"
        lines.append(f"{paint(str(problem.location), 'bold')}: {paint(problem.code, colour)} "
                     f"{problem.message}")
    if readiness is not None:
        lines += ([""] if problems else []) + _readiness_lines(readiness, paint)
    errors = sum(p.severity == "error" for p in problems)
    counts = f"{plural(errors, 'error', 'errors')}, {plural(len(problems) - errors, 'warning', 'warnings')}"
    if errors:
        lines.append(paint(f"✗ {display_path(path)}: {counts}", "bold red"))
    else:
        lines.append(paint(f"✓ {display_path(path)}: valid ({counts})", "bold green"))
    return lines


def _readiness_lines(readiness: Readiness, paint: Paint) -> list[str]:
    """The score, then one line per method: ✓ when nothing is open, ! with the codes that fired."""
    lines = [paint(f"Readiness {readiness.score}/100", "bold")]
    for method in readiness.methods:
        fired = ", ".join(code if n == 1 else f"{code} ×{n}" for code, n in method.fired.items())
        full = method.points == method.out_of and not method.fired
        mark = paint("✓", "green") if full else paint("!", "yellow")
        lines.append(f"  {mark} {method.name} {method.points}/{method.out_of}"
                     + (f" ({fired})" if fired else "" if full or method.applicable
                        else " (nothing to review yet)"))
    if readiness.accepted:
        lines.append(f"  {plural(len(readiness.accepted), 'warning', 'warnings')} accepted with a reason")
    return lines


def check_json(problems: list[Problem], readiness: Readiness | None) -> str:
    """`check --format json`: the tool and its version, the score by method (null for an
    invalid strategy), and each problem from where it starts to where its text ends."""
    from buyin_cli import __version__
    from buyin_cli.codes import CODES

    ends = _Ends()
    return json.dumps({
        "tool": {"name": "buyin", "version": __version__},
        "valid": not any(p.severity == "error" for p in problems),
        "score": readiness.score if readiness else None,
        "methods": [{"name": m.name, "points": m.points, "out_of": m.out_of}
                    for m in readiness.methods] if readiness else None,
        "problems": [{"file": display_path(p.location.file), "line": p.location.line,
                      "col": p.location.col, "end_line": p.location.line,
                      "end_col": ends.end_col(p), "code": p.code, "severity": p.severity,
                      "title": CODES[p.code].title, "message": p.message,
                      # A workbook's cell: line and col are its row and column.
                      **({"sheet": p.location.sheet} if p.location.sheet is not None else {})}
                     for p in problems],
    }, indent=2, ensure_ascii=False)


class _Ends:
    """Where a problem's text ends on its line: the value or key it points at, up to a
    comment; its own column when the file cannot be read (a git revision's, a folder)."""

    def __init__(self) -> None:
        self._lines: dict[Path, list[str]] = {}

    def end_col(self, problem: Problem) -> int:
        where = problem.location
        if where.file.suffix.lower() in (".csv", ".xlsx"):  # col counts a data file's columns
            return where.col
        if where.file not in self._lines:
            try:
                self._lines[where.file] = where.file.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError, ValueError):
                self._lines[where.file] = []
        lines = self._lines[where.file]
        if not 0 < where.line <= len(lines):
            return where.col
        rest = lines[where.line - 1][where.col - 1:]
        text = rest.split(" #", 1)[0].rstrip()
        return where.col + max(len(text) - 1, 0)


def annotation_order(problems: list[Problem], readiness: Readiness | None) -> list[Problem]:
    """Errors first, then the warnings of the methods that lost the most points: GitHub shows
    only the first ten of each kind on a pull request's lines (the job summary lists all)."""
    from buyin_cli.codes import CODES

    lost = {m.name: m.out_of - m.points for m in readiness.methods} if readiness else {}
    return sorted(problems, key=lambda p: (p.severity != "error",
                                           -lost.get(CODES[p.code].method or "", 0)))


def github_annotation(problem: Problem) -> str:
    """A problem as a GitHub workflow command: `::error file=…,line=…,col=…,title=…::CODE message`.

    The file name and the message are the user's text, escaped as GitHub reads a
    command's properties and data, so neither can end the command or start another.
    """
    from buyin_cli.codes import CODES

    where = problem.location
    title = f"buyin {problem.code}: {CODES[problem.code].title}"
    return (f"::{problem.severity} file={_property(display_path(where.file))},line={where.line},"
            f"col={where.col},title={_property(title)}::{problem.code} {_data(problem.message)}")


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
    """Colour as rich decides it for `stream`, as for `roi`'s tables: on a terminal, or with
    FORCE_COLOR; plain text when piped, on a dumb terminal, or with NO_COLOR.

    NO_COLOR drops bold as well (rich would keep it): the report stays plain text,
    which is what a user setting it most often wants to grep or paste. Rich is imported
    only when colour is possible, so a piped `check` (CI, editors) starts without it.
    """
    if not (stream.isatty() or {"FORCE_COLOR", "TTY_COMPATIBLE"} & os.environ.keys()):
        return lambda text, style: text
    from rich.console import COLOR_SYSTEMS, Console
    from rich.style import Style

    console = Console(file=stream)
    system = None if console.no_color else COLOR_SYSTEMS.get(console.color_system or "")

    def paint(text: str, style: str) -> str:
        return Style.parse(style).render(text, color_system=system) if system else text

    return paint
