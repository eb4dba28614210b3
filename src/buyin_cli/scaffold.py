"""`buyin init`: a new strategy repository, from the starter files shipped in `starter/`.

The starter is a working repository: a strategy that checks clean and briefs,
CI that checks pull requests and briefs the main branch, a pre-commit hook and
a README for the team. Files are copied as they are, except that the
placeholders below become where CI installs buyin from (provenance.py), and
`buyin.schema.json` is written from the format itself. In an existing
repository, `.gitignore` and `.pre-commit-config.yaml` get what they lack
appended (scaffold_merge.py).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from buyin_cli.errors import BuyinError, display_path
from buyin_cli.load.schema import part_schema
from buyin_cli.records import dataclass
from buyin_cli.render.atomic import write_atomic
from buyin_cli.scaffold_merge import MERGED

SCHEMA = Path("buyin.schema.json")

# A file whose name starts with a dot is stored without it: a `.gitignore` inside
# the package would apply to buyin's own checkout.
_STORED_AS = {"gitignore": ".gitignore"}


@dataclass(frozen=True)
class Created:
    """One file of the new repository, and whether init wrote it (False: it was there, and kept)."""

    path: Path
    written: bool
    added: tuple[str, ...] = ()  # kept, with these lines or hooks appended


def starter_files(source: str | None = None) -> dict[Path, bytes]:
    """The starter repository: each file's path inside it, and its contents; CI installs
    buyin from pip requirement `source` (None: from a repository variable it names)."""
    root = resources.files("buyin_cli") / "starter"
    files: dict[Path, bytes] = {}
    stack = [(root, Path())]
    while stack:
        folder, rel = stack.pop()
        for entry in folder.iterdir():
            if entry.name == "__pycache__":
                continue
            if entry.is_dir():
                stack.append((entry, rel / entry.name))
            else:
                name = _STORED_AS.get(entry.name, entry.name) if rel == Path() else entry.name
                files[rel / name] = _fill(entry.read_bytes(), source)
    files[SCHEMA] = (json.dumps(part_schema(), indent=2, ensure_ascii=False) + "\n").encode()
    return dict(sorted(files.items()))


def init_repository(target: Path, *, force: bool = False,
                    source: str | None = None) -> list[Created]:
    """Write the starter repository into `target`, keeping every file already there
    unless `force` (the ones CI needs get what they lack appended); the files, in order,
    each written, kept or added to."""
    if target.exists() and not target.is_dir():
        raise BuyinError(f"{target}: is a file; give a folder to make the strategy repository in")
    created = []
    files = starter_files(source)
    for rel in files:  # all refused before any is written
        _refuse_linked_folders(target, rel)
    for rel, data in files.items():
        path = target / rel
        keep = path.exists() and not force
        added: tuple[str, ...] = ()
        if keep and rel.as_posix() in MERGED:
            merged, added = MERGED[rel.as_posix()](path.read_text(encoding="utf-8"),
                                                   data.decode())
            data = merged.encode()
        if not keep or added:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)
            except OSError as exc:
                raise BuyinError(f"{exc.filename or path}: cannot write: {exc.strerror}") from None
        created.append(Created(path, not keep, added))
    return created


def _refuse_linked_folders(target: Path, rel: Path) -> None:
    """The folders between `target` (the user's) and a file are real folders: a `strategy`
    link in a cloned repository would have init write wherever it points."""
    folder = target
    for part in rel.parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            raise BuyinError(f"{display_path(folder)}: is a link; init writes only inside "
                             f"{display_path(target)}: remove the link, or init the folder it "
                             "points to")


def _fill(data: bytes, source: str | None) -> bytes:
    if source:
        fills = {"SOURCE_EXPR": f"${{{{ vars.BUYIN_SOURCE || '{source}' }}}}",
                 "SOURCE_NOTE": source, "README_INSTALL": source,
                 "WHERE": f"`{source}`, the buyin this repository was made with, pinned."}
    else:
        fills = {"SOURCE_EXPR": "${{ vars.BUYIN_SOURCE }}",
                 "SOURCE_NOTE": "the buyin that made it came from a folder CI cannot reach, "
                                "so set BUYIN_SOURCE (below).",
                 "README_INSTALL": "$BUYIN_SOURCE",
                 "WHERE": "the pip requirement in the repository variable `BUYIN_SOURCE`, "
                          "which you set: the buyin that made this repository came from a "
                          "folder CI cannot reach."}
    for key, value in fills.items():
        data = data.replace(f"%BUYIN_{key}%".encode(), value.encode())
    return data
