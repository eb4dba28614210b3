"""`buyin diff` and `brief --since`: two versions of a strategy in git, compared.

Joins the stages: git gives the earlier version (load/git.py), the working tree
or another revision the later, and figures/compare.py what changed between them.
"""

from __future__ import annotations

import json
from pathlib import Path

from buyin_cli.errors import display_path
from buyin_cli.figures.changes import Comparison, comparison_json
from buyin_cli.figures.compare import compare
from buyin_cli.load.git import load_revision, resolve_revision
from buyin_cli.load.strategy import LoadedStrategy, load_strategy
from buyin_cli.present.diff_report import diff_markdown, diff_report
from buyin_cli.present.numbers import Formatter
from buyin_cli.words import printable

WORKING_TREE = "the working tree"


def changes_between(path: Path, since: str = "HEAD", until: str | None = None,
                    *, current: LoadedStrategy | None = None) -> Comparison:
    """What changed in the strategy at `path` from revision `since` to `until` (None: the working tree).

    `current`: the working tree's strategy, when the caller has loaded it already.
    The earlier version is read first, so git's refusals (no repository, an unknown
    revision) come before any problem of the working tree.
    """
    old = load_revision(path, since)
    if until is None:
        new = current or load_strategy(path)
    else:
        new = load_revision(path, until)
    return compare(old.strategy, new.strategy, since, until or WORKING_TREE)


def diff_output(changes: Comparison, path: Path, as_json: bool = False) -> str:
    """What `buyin diff` prints: lines for a person, or one JSON object for tools."""
    if as_json:
        return json.dumps(comparison_json(changes), indent=2, ensure_ascii=False, allow_nan=False)
    writer = Formatter(changes.currency, changes.locale)
    # Each line holds names and values from the strategy: one line each, escaped.
    return "\n".join(printable(line) for line in diff_report(changes, display_path(path), writer))


def diff_json(changes: Comparison, path: Path, since: str, until: str | None) -> str:
    """`buyin diff --format json`: the changes, each version resolved to its commit, and
    whether the later one is the working tree (then `until` and its commit are null)."""
    data = comparison_json(changes)
    data["since_commit"] = resolve_revision(path, since)[0]
    data["until"] = until
    data["until_commit"] = resolve_revision(path, until)[0] if until is not None else None
    data["working_tree"] = until is None
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)


def diff_markdown_text(changes: Comparison, path: Path, since: str, until: str | None) -> str:
    """`buyin diff --format markdown`: each version named by its revision, commit and day."""
    def named(rev: str) -> str:
        commit, day = resolve_revision(path, rev)
        return f"{rev} ({commit[:7]}, {day.isoformat()})"

    writer = Formatter(changes.currency, changes.locale)
    return "\n".join(diff_markdown(changes, display_path(path), named(since),
                                   WORKING_TREE if until is None else named(until), writer))
