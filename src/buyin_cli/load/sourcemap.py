"""Where each value of a strategy was written: its file, line and column, kept as it was loaded.

For each value's path such as ("pilots", 2, "results", 0, "metric"), the map
tells where the value (and, in a mapping, its key) was written, so that every
later check can point at the exact spot. A strategy has hundreds of thousands of
values and only a few are ever reported, so the loader keeps each section's (and
each list section item's) composed nodes, and a path is followed down them when
it is asked for; data files' cells are recorded as they are read.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from buyin_cli.errors import Location
from buyin_cli.load.compose import Alias
from buyin_cli.records import dataclass

if TYPE_CHECKING:
    import yaml

Path_ = tuple[str | int, ...]
# A written node to follow paths down from: its file, the node (or load.compose's Alias of
# it) and the mark of its key (None for a list's item).
Root = tuple[Path, Any, "yaml.Mark | None"]
_MERGE = "tag:yaml.org,2002:merge"
_QUOTES = ("'", '"')

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

    # Where values were recorded as read (a data file's cells), before any found in the YAML.
    entries: dict[Path_, Source] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    # A history or tracking list read from a data file: its path → where its rows came from.
    tables: dict[Path_, TableSource] = field(default_factory=dict)
    # Each section, and each item of a list section, as composed: what `source` walks down.
    roots: dict[Path_, Root] = field(default_factory=dict)

    def source(self, path: Path_) -> Source | None:
        """Where the value at `path` itself was written; None if it was not."""
        path = tuple(path)
        found = self.entries.get(path)
        if found is not None:
            return found
        for depth in range(min(len(path), 2), 0, -1):  # roots are sections and their items
            root = self.roots.get(path[:depth])
            if root is not None:
                return self._follow(root, path[depth:])
        return None

    def get(self, path: Path_) -> Source | None:
        """The source of `path`, or of its nearest ancestor that was written."""
        path = tuple(path)
        while True:
            found = self.source(path)
            if found or not path:
                return found
            path = path[:-1]

    def at(self, path: Path_) -> Location:
        """Where the value at `path` (or its nearest written ancestor) is."""
        found = self.get(path)
        if found:
            return found.value
        return Location(self.files[0]) if self.files else Location(Path("."))

    def key_at(self, path: Path_) -> Location:
        """Where the key of the value at `path` is, falling back to the value."""
        found = self.source(path)
        if found:
            return found.key or found.value
        return self.at(path)

    def section_keys(self) -> list[Location]:
        """Where each top-level section's key was written."""
        return [Location(file, key.line + 1, key.column + 1)
                for path, (file, _node, key) in self.roots.items() if len(path) == 1 and key]


    def _follow(self, root: Root, rest: Path_) -> Source | None:
        """The source of the value `rest` below a root, as the converter read it; None if absent."""
        file, node, key = root
        for part in rest:
            if node.__class__ is Alias:
                node = node.target
            if node.__class__ is MappingNode and part.__class__ is str:
                pair = _pair(node, part)
                if pair is None:
                    return None
                key, node = pair[0].start_mark, pair[1]
            elif node.__class__ is SequenceNode and part.__class__ is int:
                if not 0 <= part < len(node.value):
                    return None
                node, key = node.value[part], None
            else:
                return None
        if node.__class__ is Alias:  # the alias's place, the target's value
            mark, target = node.mark, node.target
        else:
            mark, target = node.start_mark, node
        if target.__class__ is ScalarNode:
            raw, quoted, flow = target.value, target.style in _QUOTES, False
        else:
            raw, quoted, flow = None, False, target.__class__ is MappingNode and bool(target.flow_style)
        return Source(file, (mark.line + 1, mark.column + 1),
                      (key.line + 1, key.column + 1) if key else None, raw, quoted, flow=flow)


def _pair(mapping: Any, name: str) -> tuple[Any, Any] | None:
    """The (key node, value node) of `name` in a mapping, merge keys applied as the converter
    applies them: a key written in the mapping wins, then the last merged mapping that has it."""
    merged = None
    for key_node, value_node in mapping.value:
        if key_node.__class__ is Alias:
            key_node = key_node.target
        if key_node.value == name and key_node.tag != _MERGE:
            return key_node, value_node
        if key_node.tag == _MERGE:
            target = _deref(value_node)
            merged = (merged or []) + ([target] if target.__class__ is MappingNode
                                       else [_deref(n) for n in target.value])
    for source in reversed(merged or ()):
        pair = _pair(source, name)
        if pair is not None:
            return pair
    return None


def _deref(node: Any) -> Any:
    return node.target if isinstance(node, Alias) else node


def is_yaml11_bool(source: Source | None) -> TypeGuard[Source]:
    """Whether a value was an unquoted yes/no/on/off that YAML reads as true or false."""
    return bool(source and not source.quoted and source.raw
                and source.raw.lower() in _YAML11_BOOLS)
