"""What `buyin init` adds to a repository's own `.gitignore` and `.pre-commit-config.yaml`.

They are the team's files: nothing in them is rewritten. What buyin needs and they
lack (the ignored outputs, the check hook) is appended, and init says what it added.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Each merge: (the file's text, the starter's text) → (the new text, what was added).
Merge = Callable[[str, str], tuple[str, tuple[str, ...]]]


def merge_gitignore(ours: str, starter: str) -> tuple[str, tuple[str, ...]]:
    """`ours` with the starter's patterns it lacks appended, under a comment saying why."""
    have = {line.strip() for line in ours.splitlines()}
    missing = tuple(line for line in starter.splitlines()
                    if line.strip() and not line.startswith("#") and line.strip() not in have)
    if not missing:
        return ours, ()
    lead = "" if not ours or ours.endswith("\n") else "\n"
    block = "\n# Added by `buyin init`: what buyin writes, and the lock files of an open deck\n"
    return ours + lead + block + "".join(f"{line}\n" for line in missing), missing


def merge_pre_commit(ours: str, starter: str) -> tuple[str, tuple[str, ...]]:
    """`ours` with the starter's local buyin-check hook appended to its `repos:` list.

    Only where appending is sure to land in the list: `repos:` a block list and the
    file's last top-level key. Otherwise the file is left as it is and the reason
    returned, for the user to add the hook by hand.
    """
    if re.search(r"^\s*-?\s*id:\s*['\"]?buyin-check\b", ours, re.M):
        return ours, ()
    hook = starter[starter.index("  - repo: local"):]
    top = [m for m in re.finditer(r"^([^\s#-][^:\n]*):(.*)$", ours, re.M)]
    if not top:
        lead = "" if not ours or ours.endswith("\n") else "\n"
        return ours + lead + "repos:\n" + hook, ("the buyin-check hook",)
    last = top[-1]
    if last[1].strip() != "repos" or last[2].strip() not in ("", "[]"):
        return ours, ("nothing: its `repos:` is not a block list at the end of the file; "
                      "add the buyin-check hook by hand (see `buyin init --help`)",)
    if last[2].strip() == "[]":  # an empty flow list becomes the block list the hook joins
        ours = ours[:last.start()] + "repos:" + ours[last.end():]
    item = re.search(r"^( *)- ", ours[last.start():], re.M)
    hook = re.sub(r"^  ", item[1] if item else "  ", hook, flags=re.M)
    lead = "" if ours.endswith("\n") else "\n"
    return ours + lead + hook, ("the buyin-check hook",)


MERGED: dict[str, Merge] = {".gitignore": merge_gitignore,
                            ".pre-commit-config.yaml": merge_pre_commit}
