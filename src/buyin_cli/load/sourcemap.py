"""Where each value of a strategy was written: its file, line and column, kept as it was loaded.

The loader records, for each value's path such as ("pilots", 2, "results", 0,
"metric"), where the value (and, in a mapping, its key) was written, so that every
later check can point at the exact spot.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TypeGuard

from buyin_cli.errors import Location
from buyin_cli.records import dataclass

Path_ = tuple[str | int, ...]

_YAML11_BOOLS = {"y", "yes", "n", "no", "on", "off", "true", "false"}


class Source:
    """Where one value was written: the value itself and, in a mapping, its key.

    A strategy has thousands of values and only a few are ever reported, so the
    positions are kept as plain (line, col) pairs and become Locations on demand.
    """

    __slots__ = ("_key", "_value", "file", "flow", "quoted", "raw", "sheet")

    def __init__(self, file: Path, value: tuple[int, int], key: tuple[int, int] | None = None,
                 raw: str | None = None, quoted: bool = False, sheet: str | None = None,
                 flow: bool = False):
        self.file = file
        self.flow = flow  # a mapping written inline, {a: 1, b: 2}: an unquoted comma ends a value
        self._value = value
        self._key = key
        self.raw = raw  # the scalar as written, for messages
        self.quoted = quoted
        self.sheet = sheet  # a workbook's sheet, for a value read from a data file's cell

    @property
    def value(self) -> Location:
        return Location(self.file, *self._value, sheet=self.sheet)

    @property
    def key(self) -> Location | None:
        return Location(self.file, *self._key, sheet=self.sheet) if self._key else None


@dataclass(frozen=True)
class TableSource:
    """Where the rows of a list read from a data file came from, for provenance in the outputs."""

    file: str  # as the strategy names it, relative to the YAML file: 'data/incidents.csv'
    sheet: str | None  # the workbook's sheet, None for a CSV
    first_row: int  # the file's rows (1 is the header row), both ends included
    last_row: int

    def __str__(self) -> str:
        where = f"{self.file}:{self.sheet}" if self.sheet is not None else self.file
        return f"{where}, rows {self.first_row}–{self.last_row}"


@dataclass
class SourceMap:
    """Paths of values to where they were written."""

    entries: dict[Path_, Source] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    # A history or tracking list read from a data file: its path → where its rows came from.
    tables: dict[Path_, TableSource] = field(default_factory=dict)

    def get(self, path: Path_) -> Source | None:
        """The source of `path`, or of its nearest ancestor that was written."""
        while True:
            found = self.entries.get(tuple(path))
            if found or not path:
                return found
            path = tuple(path)[:-1]

    def at(self, path: Path_) -> Location:
        """Where the value at `path` (or its nearest written ancestor) is."""
        found = self.get(path)
        if found:
            return found.value
        return Location(self.files[0]) if self.files else Location(Path("."))

    def key_at(self, path: Path_) -> Location:
        """Where the key of the value at `path` is, falling back to the value."""
        found = self.entries.get(tuple(path))
        if found and found.key:
            return found.key
        return self.at(path)


def is_yaml11_bool(source: Source | None) -> TypeGuard[Source]:
    """Whether a value was an unquoted yes/no/on/off that YAML reads as true or false."""
    return bool(source and not source.quoted and source.raw
                and source.raw.lower() in _YAML11_BOOLS)
