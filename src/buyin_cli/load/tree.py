"""Reading strategy YAML: safe parsing that keeps every value's file, line and column.

This is the only module that imports yaml. It returns plain Python data (dicts,
lists, scalars) together with a SourceMap from each value's path, such as
("pilots", 2, "results", 0, "metric"), to where it was written, so that every
later check can point at the exact spot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from buyin_cli.errors import Location, Problem
from buyin_cli.load.syntax import syntax_problem
from buyin_cli.words import clip, dotted

Path_ = tuple[str | int, ...]

# Bounds that keep hostile input cheap: a file's size, the values one document may
# expand to through aliases ("billion laughs"), and how deep it may nest.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_VALUES = 100_000
MAX_DEPTH = 64

LIST_SECTIONS = ("objectives", "metrics", "audiences", "initiatives", "pilots",
                 "stakeholders", "objections", "briefings")

# NEL and the Unicode line and paragraph separators are included: YAML counts them as line
# breaks, so they would shift every later line number, and they never belong in a deck.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_YAML11_BOOLS = {"y", "yes", "n", "no", "on", "off", "true", "false"}

_TAG = "tag:yaml.org,2002:"


class Source:
    """Where one value was written: the value itself and, in a mapping, its key.

    A strategy has thousands of values and only a few are ever reported, so the
    positions are kept as plain (line, col) pairs and become Locations on demand.
    """

    __slots__ = ("file", "_value", "_key", "raw", "quoted")

    def __init__(self, file: Path, value: tuple[int, int], key: tuple[int, int] | None = None,
                 raw: str | None = None, quoted: bool = False):
        self.file = file
        self._value = value
        self._key = key
        self.raw = raw  # the scalar as written, for messages
        self.quoted = quoted

    @property
    def value(self) -> Location:
        return Location(self.file, *self._value)

    @property
    def key(self) -> Location | None:
        return Location(self.file, *self._key) if self._key else None


@dataclass
class SourceMap:
    """Paths of values to where they were written."""

    entries: dict[Path_, Source] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

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


@dataclass
class Loaded:
    """Merged raw data of a strategy, where each value came from, and what went wrong."""

    data: dict[str, Any]
    sources: SourceMap
    problems: list[Problem]


class _Alias:
    """An alias as it was written, so an expansion problem can point at it."""

    __slots__ = ("target", "mark", "name")

    def __init__(self, target: Node, mark: yaml.Mark, name: str):
        self.target = target
        self.mark = mark
        self.name = name


class _Loader(yaml.SafeLoader):
    """SafeLoader whose composer remembers where each alias was written."""

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = super().compose_node(parent, index)
            return _Alias(node, event.start_mark, event.anchor)
        return super().compose_node(parent, index)


class _Stop(Exception):
    """Abandon a document: its problem is already recorded."""


def find_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files of a strategy: the file itself, or a folder's, sorted by path.

    Hidden folders and files (`.github/workflows/*.yml`, `.pre-commit-config.yaml`) are
    a strategy repo's tooling, not its strategy, and are left out.
    """
    if not path.exists():
        return [], [Problem(Location(path), "E001",
                            "no such file or folder; give a strategy .yaml file or a folder of them")]
    if path.is_file():
        return [path], []
    if not path.is_dir():
        return [], [Problem(Location(path), "E001",
                            "not a file or folder; give a strategy .yaml file or a folder of them")]
    files = sorted(p for p in path.rglob("*")
                   if p.suffix in (".yaml", ".yml") and p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not files:
        return [], [Problem(Location(path), "E002",
                            "folder has no .yaml or .yml files; put the strategy's YAML files in it")]
    return files, []


def load(path: Path) -> Loaded:
    """Read a strategy file or folder into merged data, a source map and load problems."""
    files, problems = find_files(path)
    sources = SourceMap(files=files)
    merged: dict[str, Any] = {}
    first_seen: dict[str, Location] = {}
    for file in files:
        doc = _read_document(file, problems)
        if doc is None:
            continue
        _merge(file, doc, merged, first_seen, sources, problems)
    return Loaded(merged, sources, problems)


def _read_document(file: Path, problems: list[Problem]) -> MappingNode | None:
    """Decode and compose one file; record problems; the top-level mapping node or None."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        problems.append(Problem(Location(file), "E001", f"cannot read file: {exc.strerror}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(Location(file), "E105",
                                f"file is {len(raw):,} bytes; a strategy file may be at most "
                                f"{MAX_FILE_BYTES:,} bytes"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"))
        problems.append(Problem(Location(file, line, col), "E102",
                                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; "
                                "save the file as UTF-8"))
        return None
    bad = _CONTROL.search(text)
    if bad:
        line, col = _line_col(text[: bad.start()])
        problems.append(_control_problem(Location(file, line, col), bad.group()))
        return None
    if not text.strip() or _only_comments(text):
        problems.append(Problem(Location(file), "E106",
                                "file is empty; expected a mapping such as 'buyin: 1' "
                                "with the strategy's sections"))
        return None
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        problems.append(syntax_problem(file, exc))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(Location(file), "E101", f"YAML syntax error: {exc}"))
        return None
    except RecursionError:
        problems.append(Problem(Location(file), "E105",
                                f"nesting is too deep; a strategy nests at most {MAX_DEPTH} levels"))
        return None
    if node is None:
        problems.append(Problem(Location(file), "E106",
                                "file is empty; expected a mapping such as 'buyin: 1' "
                                "with the strategy's sections"))
        return None
    if isinstance(node, _Alias) or not isinstance(node, MappingNode):
        where = _loc(file, node.mark if isinstance(node, _Alias) else node.start_mark)
        problems.append(Problem(where, "E107",
                                f"the top level is {_kind(node)}; expected a mapping of "
                                "sections such as 'buyin: 1', 'organisation: ...'"))
        return None
    return node


def _compose(text: str) -> Node | _Alias | None:
    """The document's node tree.

    libyaml, where installed, composes several times faster; it is used when the text
    has no anchors, aliases or tabs (nearly always). The pure-Python composer handles
    the rest, since it remembers where each alias was written and refuses tabs in
    plain text as PyYAML always has, and re-reads any text that libyaml rejects,
    since its syntax errors are the ones yaml_errors.py phrases for people.
    """
    if _FAST_LOADER is not None and "\t" not in text and not _ANCHOR_OR_ALIAS.search(text):
        fast = _FAST_LOADER(text)
        try:
            return fast.get_single_node()
        except yaml.YAMLError:
            pass
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
# Anything that may be an anchor (&name) or alias (*name); "R & D" or "5 * 3" is not.
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*][^\s\[\]{},]")


def _merge(file: Path, doc: MappingNode, merged: dict[str, Any],
           first_seen: dict[str, Location], sources: SourceMap,
           problems: list[Problem]) -> None:
    """Add one file's sections: list sections concatenate, others may appear once."""
    converter = _Converter(file, sources, problems)
    try:
        for key, key_node, value_node in converter.pairs(doc, ()):
            key_loc = _loc(file, key_node.start_mark)
            items = _deref(value_node)
            if (key in LIST_SECTIONS and isinstance(items, SequenceNode)
                    and isinstance(merged.get(key, []), list)):
                section = merged.setdefault(key, [])
                if key not in first_seen:
                    first_seen[key] = key_loc
                    converter.record((key,), key_node.start_mark, value_node)
                for item in items.value:
                    path = (key, len(section))
                    converter.record(path, None, item)
                    section.append(converter.convert(item, path, 1))
            elif key in first_seen:
                problems.append(Problem(key_loc, "E303",
                                        f"'{key}' is already set at {first_seen[key]}; a section "
                                        "that is not a list may appear in one file only"))
            else:
                first_seen[key] = key_loc
                converter.record((key,), key_node.start_mark, value_node)
                merged[key] = converter.convert(value_node, (key,))
    except _Stop:
        return


class _Converter:
    """Turns composed nodes into plain data, recording sources and bounding expansion."""

    def __init__(self, file: Path, sources: SourceMap, problems: list[Problem]):
        self.file = file
        self.sources = sources
        self.problems = problems
        self.count = 0
        self.open: set[int] = set()  # ids of the collections being converted, to spot cycles
        self.constructor = yaml.SafeLoader("")  # for YAML's int and float rules

    def fail(self, location: Location, code: str, message: str) -> None:
        self.problems.append(Problem(location, code, message))
        raise _Stop

    def record(self, path: Path_, key: yaml.Mark | None, node: Node | _Alias) -> None:
        mark = node.mark if isinstance(node, _Alias) else node.start_mark
        raw, quoted = None, False
        target = _deref(node)
        if isinstance(target, ScalarNode):
            raw, quoted = target.value, target.style in ("'", '"')
        self.sources.entries[path] = Source(
            self.file, (mark.line + 1, mark.column + 1),
            (key.line + 1, key.column + 1) if key else None, raw, quoted)

    def pairs(self, node: MappingNode, path: Path_) -> list[tuple[str, ScalarNode, Node]]:
        """A mapping's (key, key node, value node) triples, merge keys applied, duplicates refused."""
        seen: dict[str, ScalarNode] = {}
        explicit: list[tuple[str, ScalarNode, Node]] = []
        inherited: list[tuple[str, ScalarNode, Node]] = []
        for key_node, value_node in node.value:
            key_node = _deref(key_node)
            if key_node.tag == _TAG + "merge":
                for source in self._merge_sources(value_node):
                    inherited.extend(self.pairs(source, path))
                continue
            if not isinstance(key_node, ScalarNode):
                self.fail(_loc(self.file, key_node.start_mark), "E203",
                          f"{dotted(path)}: a key must be plain text, not {_kind(key_node)}")
            key = key_node.value
            bad = _CONTROL.search(key)
            if bad:
                self.fail(_loc(self.file, key_node.start_mark), "E103",
                          _control_problem(Location(self.file), bad.group()).message)
            if key in seen:
                first = _loc(self.file, seen[key].start_mark)
                self.fail(_loc(self.file, key_node.start_mark), "E104",
                          f"duplicate key '{key}' in {dotted(path) or 'the top level'} "
                          f"(first at line {first.line}); keep one and delete the other")
            seen[key] = key_node
            explicit.append((key, key_node, value_node))
        # Explicit keys override those a merge key ('<<') brings in.
        merged = {triple[0]: triple for triple in inherited}
        merged.update({triple[0]: triple for triple in explicit})
        return list(merged.values())

    def _merge_sources(self, node: Node | _Alias) -> list[MappingNode]:
        target = _deref(node)
        if isinstance(target, MappingNode):
            return [target]
        if isinstance(target, SequenceNode) and all(
                isinstance(_deref(n), MappingNode) for n in target.value):
            return [_deref(n) for n in target.value]
        self.fail(_loc(self.file, target.start_mark), "E203",
                  "a merge key '<<' takes an alias of a mapping or a list of them")
        return []

    def convert(self, node: Node | _Alias, path: Path_, depth: int = 0,
                alias: yaml.Mark | None = None) -> Any:
        if isinstance(node, _Alias):
            if id(node.target) in self.open:
                self.fail(_loc(self.file, node.mark), "E105",
                          f"the alias '*{clip(node.name)}' refers to itself: it is inside the "
                          f"anchor '&{clip(node.name)}' it names; repeat the values instead")
            alias = alias or node.mark
            node = node.target
        self.count += 1
        if self.count > MAX_VALUES:
            where = _loc(self.file, alias or node.start_mark)
            self.fail(where, "E105",
                      f"this document expands to more than {MAX_VALUES:,} values"
                      + (" through aliases; do not nest aliases of aliases" if alias else
                         "; split the strategy or remove repetition"))
        if depth > MAX_DEPTH:
            self.fail(_loc(self.file, node.start_mark), "E105",
                      f"nesting is too deep; a strategy nests at most {MAX_DEPTH} levels")
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if node.tag not in (_TAG + "seq", _TAG + "map"):  # !!set, !!omap, !custom [...]
            self._unsupported_tag(node)
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                items = []
                for i, item in enumerate(node.value):
                    self.record(path + (i,), None, item)
                    items.append(self.convert(item, path + (i,), depth + 1, alias))
                return items
            result = {}
            for key, key_node, value_node in self.pairs(node, path):
                self.record(path + (key,), key_node.start_mark, value_node)
                result[key] = self.convert(value_node, path + (key,), depth + 1, alias)
            return result
        finally:
            self.open.discard(id(node))

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag = node.tag
        if tag == _TAG + "str":
            bad = _CONTROL.search(node.value)
            if bad:
                self.fail(_loc(self.file, node.start_mark), "E103",
                          _control_problem(Location(self.file), bad.group()).message)
            return node.value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return node.value.lower() in ("y", "yes", "on", "true")
        if tag == _TAG + "int":
            try:
                return self.constructor.construct_yaml_int(node)
            except ValueError:  # Python refuses to read integers of more than 4,300 digits
                self.fail(_loc(self.file, node.start_mark), "E204",
                          f"{dotted(path)}: the number {clip(node.value, 20)} has far too "
                          "many digits")
        if tag == _TAG + "float":
            return self.constructor.construct_yaml_float(node)
        if tag == _TAG + "timestamp":
            return node.value  # the models parse dates, and report impossible ones in place
        self._unsupported_tag(node)

    def _unsupported_tag(self, node: Node) -> None:
        self.fail(_loc(self.file, node.start_mark), "E203",
                  f"unsupported YAML tag '{clip(_short_tag(node.tag))}'; write plain text, "
                  "numbers, lists and mappings")


def is_yaml11_bool(source: Source | None) -> bool:
    """Whether a value was an unquoted yes/no/on/off that YAML reads as true or false."""
    return bool(source and not source.quoted and source.raw
                and source.raw.lower() in _YAML11_BOOLS)


def _deref(node: Node | _Alias) -> Node:
    return node.target if isinstance(node, _Alias) else node


def _kind(node: Node | _Alias) -> str:
    node = _deref(node)
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"the value '{clip(node.value)}'"


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _loc(file: Path, mark: yaml.Mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def _line_col(prefix: str) -> tuple[int, int]:
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "...")
               for line in text.splitlines())


def _control_problem(location: Location, char: str) -> Problem:
    return Problem(location, "E103",
                   f"control character U+{ord(char):04X} in the text; remove it "
                   "(it would corrupt the deck)")
