"""YAML text to plain data: composing the node tree, bounded, and converting it with its sources.

Only the load stage imports yaml. Composing (compose.py) keeps every node's mark, and the
converter keeps each section's nodes, so where a value was written is found when a
message needs it (sourcemap.py); it also bounds
what hostile input can cost: the values one document may expand to through
aliases ("billion laughs") and how deep it may nest.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from buyin_cli.errors import Location, Problem
from buyin_cli.load import budget as bounds
from buyin_cli.load.budget import Budget
from buyin_cli.load.compose import MAX_DEPTH, Alias, deref
from buyin_cli.load.files import control_problem
from buyin_cli.load.sourcemap import Path_, SourceMap
from buyin_cli.load.syntax import mark_location, short_tag
from buyin_cli.load.yaml_numbers import NumberProblem, read_number
from buyin_cli.words import CONTROL, clip, dotted

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT, _STAMP, _SEQ, _MAP, _MERGE = (
    _TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map", "merge"))
# Tags that hold no control character, so screening them finds nothing.
_CLEAN_TAGS = frozenset({_STR, _NULL, _BOOL, _INT, _FLOAT, _STAMP, _SEQ, _MAP, _MERGE})
# In a value, a carriage return too (as a file's line end it is harmless, and screened out).
_VALUE_CONTROL = re.compile(CONTROL.pattern[:-1] + "\r]")
_control = _VALUE_CONTROL.search
# Only a double-quoted scalar can hold a character its file's text did not: an escape
# ("\e", "\r") makes one. Any other scalar's characters are the screened text's, its
# line breaks read as "\n" (libyaml and PyYAML both turn "\r\n" and "\r" into it).
_ESCAPES = '"'


class Stop(Exception):
    """Abandon a document: its problem is already recorded."""


class Converter:
    """Turns composed nodes into plain data, recording sources and bounding expansion."""

    def __init__(self, file: Path, sources: SourceMap, budget: Budget | None = None):
        self.file = file
        self.budget = budget or Budget()
        self.sources = sources
        self.problems: list[Problem] = []  # what converting found; read once it is done
        self.count = 0
        self.open: set[int] = set()  # ids of the collections being converted, to spot cycles
        self.merging: set[int] = set()  # ids of the mappings whose merge keys are being applied
        self.merge_mark: yaml.Mark | None = None  # the outermost merge key being applied
        self.constructor = yaml.SafeLoader("")  # for YAML's int and float rules

    def fail(self, location: Location, code: str, message: str) -> NoReturn:
        self.problems.append(Problem(location, code, message))
        raise Stop

    def record(self, path: Path_, key: yaml.Mark | None, node: Node | Alias) -> None:
        """Keep where a section or a list section's item was written; the positions of the
        values inside it are found from its nodes when a message needs one (sourcemap.py)."""
        self.sources.roots[path] = (self.file, node, key)

    def pairs(self, node: MappingNode, path: Path_) -> list[tuple[str, ScalarNode, Node]]:
        """A mapping's (key, key node, value node) triples, merge keys applied, duplicates refused."""
        seen: dict[str, ScalarNode] = {}
        explicit: list[tuple[str, ScalarNode, Node]] = []
        inherited: list[tuple[str, ScalarNode, Node]] = []
        self.merging.add(id(node))
        try:
            for key_node, value_node in node.value:
                if key_node.__class__ is Alias:
                    key_node = key_node.target
                if key_node.tag == _MERGE:
                    # A problem deep in a chain of merges is reported where the chain starts.
                    outer, self.merge_mark = self.merge_mark, self.merge_mark or key_node.start_mark
                    for source in self._merge_sources(value_node, key_node):
                        from_source = self.pairs(source, path)
                        # Merged pairs cost what aliased values cost: a chain of
                        # '<<: [*a, *a]' doubles at each link, like nested aliases.
                        self.spend(len(from_source), self.merge_mark, merged=True)
                        inherited.extend(from_source)
                    self.merge_mark = outer
                    continue
                key = key_node.value
                if (key_node.__class__ is ScalarNode and key_node.tag in _CLEAN_TAGS
                        and key not in seen and (key_node.style != _ESCAPES or not _control(key))):
                    seen[key] = key_node
                    explicit.append((key, key_node, value_node))
                else:
                    explicit.append(self._explicit(key_node, value_node, path, seen))
        finally:
            self.merging.discard(id(node))
        if not inherited:  # the keys are unique, as checked
            return explicit
        # Explicit keys override those a merge key ('<<') brings in.
        merged = {triple[0]: triple for triple in inherited}
        merged.update({triple[0]: triple for triple in explicit})
        return list(merged.values())

    def _explicit(self, key_node: Node, value_node: Node, path: Path_,
                  seen: dict[str, ScalarNode]) -> tuple[str, ScalarNode, Node]:
        if not isinstance(key_node, ScalarNode):
            self.fail(mark_location(self.file, key_node.start_mark), "E203",
                      f"{dotted(path)}: a key must be plain text, not {_kind(key_node)}")
        self.screen(key_node)
        key = key_node.value
        if key in seen:
            first = mark_location(self.file, seen[key].start_mark)
            self.fail(mark_location(self.file, key_node.start_mark), "E104",
                      f"duplicate key '{key}' in {dotted(path) or 'the top level'} "
                      f"(first at line {first.line}); keep one and delete the other")
        seen[key] = key_node
        return key, key_node, value_node

    def _merge_sources(self, node: Node | Alias, key_node: Node) -> list[MappingNode]:
        target = deref(node)
        written = None
        if isinstance(target, MappingNode):
            written = [node]
        elif isinstance(target, SequenceNode) and all(
                isinstance(deref(n), MappingNode) for n in target.value):
            written = target.value
        if written is not None:
            for source in written:
                if id(deref(source)) in self.merging:
                    name = clip(source.name) if isinstance(source, Alias) else ""
                    self.fail(mark_location(self.file, key_node.start_mark), "E105",
                              f"the merge key '<<' merges '*{name}' into itself: it is inside "
                              f"the anchor '&{name}' it names; repeat the values instead")
            return [m for m in map(deref, written) if isinstance(m, MappingNode)]  # all, as checked
        self.fail(mark_location(self.file, target.start_mark), "E203",
                  "a merge key '<<' takes an alias of a mapping or a list of them")

    def spend(self, values: int, mark: yaml.Mark, *, aliased: bool = False,
              merged: bool = False) -> None:
        """Count `values` against the document's budget; past it, stop at `mark`."""
        self.count += values
        problem = self.budget.spend(values, self.count, aliased=aliased, merged=merged)
        if problem:
            self.fail(mark_location(self.file, mark), "E105", problem)

    def convert(self, node: Node | Alias, path: Path_, depth: int = 0,
                alias: yaml.Mark | None = None) -> Any:
        """The plain data of `node` at `path`; Stop at a problem."""
        if alias is not None or isinstance(node, Alias):
            return self._convert(node, path, depth, alias)
        # The usual node, no alias above it, within every bound and no deeper than allowed:
        # what spend, the depth check, screen and scalar do, inline (the same checks, in the
        # same order; anything else goes the general way, which raises the same problem).
        budget = self.budget
        self.count += 1
        budget.values += 1
        if (self.count > bounds.MAX_VALUES or budget.expanded > bounds.MAX_VALUES
                or budget.values > bounds.MAX_STRATEGY_VALUES or depth > MAX_DEPTH):
            self.count -= 1
            budget.values -= 1
            return self._convert(node, path, depth, alias)
        tag = node.tag
        if node.__class__ is ScalarNode:
            if tag not in _CLEAN_TAGS or (node.style == _ESCAPES and _control(node.value)):
                self.screen(node)
            return node.value if tag == _STR else self.scalar(node, path)
        if tag not in _CLEAN_TAGS:
            self.screen(node)
        return self._container(node, path, depth, alias)

    def _convert(self, node: Node | Alias, path: Path_, depth: int,
                 alias: yaml.Mark | None) -> Any:
        if isinstance(node, Alias):
            if id(node.target) in self.open:
                self.fail(mark_location(self.file, node.mark), "E105",
                          f"the alias '*{clip(node.name)}' refers to itself: it is inside the "
                          f"anchor '&{clip(node.name)}' it names; repeat the values instead")
            alias = alias or node.mark
            node = node.target
        self.spend(1, alias or node.start_mark, aliased=alias is not None)
        if depth > MAX_DEPTH:
            self.fail(mark_location(self.file, node.start_mark), "E105",
                      f"nesting is too deep; a strategy nests at most {MAX_DEPTH} levels")
        self.screen(node)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        return self._container(node, path, depth, alias)

    def _container(self, node: Node, path: Path_, depth: int, alias: yaml.Mark | None) -> Any:
        """A list or mapping converted (where each value was written is found on demand)."""
        if node.tag not in (_SEQ, _MAP):  # !!set, !!omap, !custom [...]
            self._unsupported_tag(node)
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.convert(item, path + (i,), depth + 1, alias)
                        for i, item in enumerate(node.value)]
            assert isinstance(node, MappingNode)  # neither scalar nor sequence, by the tag checked
            result = {}
            for key, _key_node, value_node in self.pairs(node, path):
                result[key] = self.convert(value_node, path + (key,), depth + 1, alias)
            return result
        finally:
            self.open.discard(id(node))

    def screen(self, node: Node) -> None:
        """E103 for a control character in any scalar, whatever its tag, or in a tag itself.

        The file's text was screened already, but YAML's escapes ("\\e", "\\r") and a tag's
        %-escapes (`!<x%1B>`) make new ones; a carriage return would overwrite its line.
        """
        texts = [] if node.tag in _CLEAN_TAGS else [node.tag]
        if isinstance(node, ScalarNode):
            texts.append(node.value)
        for text in texts:
            bad = _VALUE_CONTROL.search(text)
            if bad:
                self.fail(mark_location(self.file, node.start_mark), "E103",
                          control_problem(Location(self.file), bad.group()).message)

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return node.value.lower() in ("y", "yes", "on", "true")
        if tag in (_INT, _FLOAT):
            try:
                return read_number(node, self.constructor)
            except NumberProblem as problem:
                self.fail(mark_location(self.file, node.start_mark), problem.code,
                          f"{dotted(path)}: {problem}")
        if tag == _STAMP:
            return node.value  # the models parse dates, and report impossible ones in place
        self._unsupported_tag(node)

    def _unsupported_tag(self, node: Node) -> NoReturn:
        self.fail(mark_location(self.file, node.start_mark), "E203",
                  f"unsupported YAML tag '{clip(short_tag(node.tag))}'; write plain text, "
                  "numbers, lists and mappings")


def _kind(node: Node | Alias) -> str:
    node = deref(node)
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"the value '{clip(node.value)}'"

