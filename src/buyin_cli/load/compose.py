"""YAML text to its node tree, with libyaml where it can and the marks of aliases.

Composing is the loader's first step; tree.py converts the tree to plain data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from buyin_cli.errors import Location, Problem
from buyin_cli.load.syntax import mark_location, syntax_problem

MAX_DEPTH = 64


class Alias(NamedTuple):
    """An alias as it was written, so an expansion problem can point at it."""

    target: Node
    mark: yaml.Mark
    name: str


class _Loader(yaml.SafeLoader):
    """SafeLoader whose composer remembers where each alias was written."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
            node = super().compose_node(parent, index)
            assert node is not None  # an alias names an anchored node, or composing raised
            # An Alias stands in for the node in the tree; deref() hands over the node.
            return Alias(node, event.start_mark, event.anchor)  # type: ignore[return-value]
        return super().compose_node(parent, index)


def compose(text: str) -> Node | Alias | None:
    """The document's node tree.

    libyaml, where installed, composes several times faster; it is used when the text
    has no anchors, aliases or tabs (nearly always). The pure-Python composer handles
    the rest, since it remembers where each alias was written and refuses tabs in
    plain text as PyYAML always has, and re-reads any text that libyaml rejects,
    since its syntax errors are the ones syntax.py phrases for people.
    """
    if _FAST_LOADER is not None and "\t" not in text and not _may_alias(text):
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


_FAST_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
# Anything that may be an anchor (&name) or alias (*name); "R & D" or "5 * 3" is not.
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*][^\s\[\]{},]")


def _may_alias(text: str) -> bool:
    """Whether the text may hold an anchor or alias. Most files have neither '&' nor '*',
    which is found many times faster than the pattern is tried at every character."""
    return ("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text) is not None


def compose_document(file: Path, text: str) -> MappingNode | Problem:
    """The node tree of one file's text; the problem when it is not a mapping."""
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        return syntax_problem(file, exc)
    except yaml.YAMLError as exc:
        return Problem(Location(file), "E101", f"YAML syntax error: {exc}")
    except RecursionError:
        return Problem(Location(file), "E105",
                       f"nesting is too deep; a strategy nests at most {MAX_DEPTH} levels")
    if node is None:
        return Problem(Location(file), "E106",
                       "file is empty; expected a mapping such as 'buyin: 1' "
                       "with the strategy's sections")
    if isinstance(node, Alias) or not isinstance(node, MappingNode):
        where = mark_location(file, node.mark if isinstance(node, Alias) else node.start_mark)
        # Not `_kind`: a file that is no strategy may be anything (a token), so it is not echoed.
        kind = "a list" if isinstance(deref(node), SequenceNode) else "plain text"
        return Problem(where, "E107",
                       f"the top level is {kind}; expected a mapping of "
                       "sections such as 'buyin: 1', 'organisation: ...'")
    return node


def deref(node: Node | Alias) -> Node:
    return node.target if isinstance(node, Alias) else node
