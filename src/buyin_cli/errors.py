"""Problems a user can act on: one base exception, located problems, and their one-line form."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from buyin_cli.codes import CODES, Severity
from buyin_cli.records import dataclass
from buyin_cli.words import printable


class BuyinError(Exception):
    """Base: a problem the user can act on; str(e) is one line."""


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM: stop now, cleaning up as the stack unwinds (not a KeyboardInterrupt,
    which the command-line library would swallow)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class TemplateError(BuyinError):
    """A template (Jinja or .pptx) is unusable."""


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; line and col count from 1.

    In a workbook (`sheet` given) line and col are the cell's row and column, written
    as a spreadsheet names a cell: `data/lms.xlsx:Completions!C14`.
    """

    file: Path
    line: int = 1
    col: int = 1
    sheet: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{display_path(self.file)}:{sheet_name(self.sheet)}!{column_letters(self.col)}{self.line}"
        return f"{display_path(self.file)}:{self.line}:{self.col}"


def column_letters(col: int) -> str:
    """A spreadsheet's name for a column counted from 1: 1 → A, 27 → AA."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sheet_name(name: str) -> str:
    """A sheet's name as a cell reference writes it: quoted when it holds more than letters."""
    if name.replace("_", "").isalnum():
        return name
    return "'" + printable(name).replace("'", "''") + "'"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or not yet ready (warning) in a strategy."""

    location: Location
    code: str
    message: str

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a bug: every code is registered with its meaning
            raise ValueError(f"unregistered problem code {self.code!r}")
        # One problem, one line: a line break or control character echoed from the input
        # (a quoted "a\nb", an escape in a tag) is shown escaped, so it cannot split the
        # line, forge another one (a CI workflow command) or reach the terminal.
        object.__setattr__(self, "message", printable(self.message))

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"

    def sort_key(self) -> tuple[bool, str, int, int, str]:
        return (self.severity != "error", str(self.location.file), self.location.line,
                self.location.col, self.code)


class StrategyInvalid(BuyinError):
    """The strategy has errors; `problems` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(str(self.problems[0]) if self.problems else "invalid strategy")


class ImpossibleFigures(StrategyInvalid):
    """Figures the review calls impossible (W307) that no one accepted: `brief` stops on them
    as on an error, unless told to render a draft."""


def display_path(path: Path) -> str:
    """The path as the user should read it: relative to the current folder when below it.

    A file name is the user's text too: it is shown on one line, control characters
    escaped, and one that starts like a CI workflow command (`::error::…`) is led by './'
    so a line it starts is not read as one.
    """
    return _shown(os.fspath(path), os.getcwd())


@lru_cache(maxsize=1024)
def _shown(path: str, cwd: str) -> str:
    """display_path's work, once per file and folder: a check can print 20k lines of a few files."""
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        rel = path
    shown = printable(path if rel.startswith("..") else rel)
    return "./" + shown if shown.lstrip().startswith(("::", "##")) else shown
