"""YAML text to its node tree, with libyaml where it can and the marks of aliases.

Composing is the loader's first step; tree.py converts the tree to plain data.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml
from yaml.nodes import Node


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


_FAST_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
# Anything that may be an anchor (&name) or alias (*name); "R & D" or "5 * 3" is not.
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*][^\s\[\]{},]")
