"""`buyin init`: a new strategy repository, from the starter files shipped in `starter/`.

The starter is a working repository: a strategy that checks clean and briefs,
CI that checks pull requests and briefs the main branch, a pre-commit hook and
a README for the team. Files are copied as they are, except that the
placeholders below become where buyin comes from and which release made them.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from buyin_cli import __version__
from buyin_cli.errors import BuyinError
from buyin_cli.render.atomic import write_atomic

# Where buyin's GitHub action, pre-commit hook and source live. A placeholder until
# the project has its public home; the README tells users to put theirs.
HOME = "OWNER/buyin"

# A file whose name starts with a dot is stored without it: a `.gitignore` inside
# the package would apply to buyin's own checkout.
_STORED_AS = {"gitignore": ".gitignore"}


@dataclass(frozen=True)
class Created:
    """One file of the new repository, and whether init wrote it (False: it was there, and kept)."""

    path: Path
    written: bool


def starter_files() -> dict[Path, bytes]:
    """The starter repository: each file's path inside it, and its contents."""
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
                files[rel / name] = _fill(entry.read_bytes())
    return dict(sorted(files.items()))


def init_repository(target: Path, *, force: bool = False) -> list[Created]:
    """Write the starter repository into `target`, keeping every file already there
    unless `force`; the files, in order, each written or kept."""
    if target.exists() and not target.is_dir():
        raise BuyinError(f"{target}: is a file; give a folder to make the strategy repository in")
    created = []
    for rel, data in starter_files().items():
        path = target / rel
        keep = path.exists() and not force
        if not keep:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)
            except OSError as exc:
                raise BuyinError(f"{exc.filename or path}: cannot write: {exc.strerror}") from None
        created.append(Created(path, not keep))
    return created


def _fill(data: bytes) -> bytes:
    return (data.replace(b"%BUYIN_REPO%", HOME.encode())
                .replace(b"%BUYIN_VERSION%", __version__.encode()))
