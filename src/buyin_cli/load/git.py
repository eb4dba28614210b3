"""An earlier version of a strategy, read through git itself: no checkout, no worktree, no files written.

`git ls-tree` gives a folder's files at that revision and one `git cat-file
--batch` process all their bytes (not a process per file); they are merged and validated by the same loader as the
working tree (merge.load_contents), so an old version is read exactly as it
would have been then. Its problems are located at `REV:path:line:col`, git's
own way of naming a file at a revision.
"""

from __future__ import annotations

import posixpath
import subprocess
from datetime import date
from pathlib import Path, PurePosixPath, PureWindowsPath

from buyin_cli.errors import BuyinError, Location, Problem, StrategyInvalid, display_path
from buyin_cli.load.datafiles import DataReader
from buyin_cli.load.files import MAX_FILE_BYTES
from buyin_cli.load.merge import load_contents
from buyin_cli.load.settings import find_settings
from buyin_cli.load.strategy import LoadedStrategy, validated


class GitError(BuyinError):
    """git cannot give the version asked for: no repository, an unknown revision, no such path."""


def load_revision(path: Path, rev: str) -> LoadedStrategy:
    """The valid strategy at `path` as it was at revision `rev`; raises StrategyInvalid otherwise."""
    loaded, problems = validated(load_contents(read_revision(path, rev),
                                               revision_reader(path, rev)), path)
    if loaded is None:
        raise StrategyInvalid(problems)
    return loaded


def read_revision(path: Path, rev: str) -> list[tuple[Path, bytes]]:
    """The strategy files at `path` in revision `rev`, as (REV:path, bytes) in path order."""
    root, inside = _locate(path)
    commit = _commit(root, rev)
    spec = f"{commit}:{inside}" if inside != "." else f"{commit}:"
    kind = _git(root, "cat-file", "-t", spec, fail=None)
    if kind is None:
        raise GitError(f"{display_path(path)} is not in {rev}; name a revision that has it")
    if kind.strip() == b"blob":
        return [(Path(f"{rev}:{inside}"), _blobs(root, [spec])[0])]
    # Each entry `MODE TYPE OBJECT\tPATH`: the object ids, not the names, go to cat-file,
    # so a name with a line break in it cannot split a request.
    listed = _git(root, "ls-tree", "-r", "--full-name", "-z", commit, "--",
                  inside).decode("utf-8", "surrogateescape").split("\0")
    base = PurePosixPath(inside)
    settings = find_settings()
    files = []
    for entry in filter(None, listed):
        meta, name = entry.split("\t", 1)
        within = PurePosixPath(name).relative_to(base) if inside != "." else PurePosixPath(name)
        # As for a folder on disk (files.find_files): YAML files, hidden folders left out.
        if (meta.split()[1] == "blob" and within.suffix in (".yaml", ".yml")
                and not any(p.startswith(".") for p in within.parts)
                and not settings.excluded(root / name)):
            files.append((within, name, meta.split()[2]))
    if not files:
        raise GitError(f"{display_path(path)} has no .yaml or .yml files in {rev}")
    files.sort()
    return list(zip([Path(f"{rev}:{name}") for _, name, _ in files],
                    _blobs(root, [obj for _, _, obj in files])))


def _blobs(root: Path, objects: list[str]) -> list[bytes]:
    """The bytes of each object, in order, from one `git cat-file --batch` process.

    Its answer to each request is `OBJECT TYPE SIZE\n`, then SIZE bytes and a line feed.
    """
    out = _git(root, "cat-file", "--batch", given="".join(f"{o}\n" for o in objects).encode())
    contents, at = [], 0
    for _ in objects:
        header_end = out.index(b"\n", at)
        header = out[at:header_end].split()
        if len(header) != 3:  # `OBJECT missing`: gone between ls-tree and now
            raise GitError(f"git cat-file failed: {header[0].decode(errors='replace')} missing")
        size = int(header[2])
        contents.append(out[header_end + 1:header_end + 1 + size])
        at = header_end + 1 + size + 1
    return contents


def revision_reader(path: Path, rev: str) -> DataReader:
    """Reads the data files a strategy at `path` names as they were in `rev`, as on disk:
    inside the strategy's folder, never a link, at most MAX_FILE_BYTES."""
    root, inside = _locate(path)
    commit = _commit(root, rev)
    is_file = _git(root, "cat-file", "-t", f"{commit}:{inside}" if inside != "." else f"{commit}:",
                   fail=b"").strip() == b"blob"
    base = posixpath.dirname(inside) if is_file else inside
    base = "" if base in (".", "") else base

    def read(named_by: Path, written: str, where: Location) -> tuple[Path, bytes] | Problem:
        relative = written.replace("\\", "/")
        if relative.startswith("/") or PureWindowsPath(written).drive:
            return Problem(where, "E001", "a data file is named relative to the YAML file that "
                                          "names it, such as data/incidents.csv")
        yaml_name = str(named_by)[len(rev) + 1:]  # named 'REV:path' by read_revision
        name = posixpath.normpath(posixpath.join(posixpath.dirname(yaml_name), relative))
        if name.startswith("../") or name == ".." or (base and not name.startswith(base + "/")):
            return Problem(where, "E001", "the data file is outside the strategy's folder; buyin "
                                          "reads only the strategy's own files (copy it in)")
        listed = _git(root, "ls-tree", "-z", "--full-tree", commit, "--", name).split(b"\0")[0]
        shown = Path(f"{rev}:{name}")
        if not listed:
            return Problem(where, "E001", f"no such data file in {rev}: {name}")
        mode, kind, blob = listed.split(b"\t")[0].decode().split()
        if mode == "120000" or kind != "blob":
            return Problem(where, "E001", f"{name} is a link, or no file, in {rev}; buyin reads "
                                          "data files only as files of the strategy's folder")
        size = int(_git(root, "cat-file", "-s", blob))
        if size > MAX_FILE_BYTES:
            return Problem(Location(shown), "E105", f"file is {size:,} bytes; a data file may be "
                                                    f"at most {MAX_FILE_BYTES:,} bytes")
        return shown, _git(root, "cat-file", "blob", blob)

    return read


def resolve_revision(path: Path, rev: str) -> tuple[str, date]:
    """The commit `rev` names in the repository holding `path`, and the day it was committed."""
    root, _ = _locate(path)
    commit = _commit(root, rev)
    when = _git(root, "show", "-s", "--format=%cs", commit).decode().strip()
    return commit, date.fromisoformat(when)


def _locate(path: Path) -> tuple[Path, str]:
    """The repository's top folder, and `path` relative to it in git's form."""
    here = path.resolve()
    folder = here if here.is_dir() else here.parent
    while not folder.exists():  # a strategy deleted since: ask from where it was
        folder = folder.parent
    top = _git(folder, "rev-parse", "--show-toplevel", fail=None)
    if top is None:
        raise GitError(f"{display_path(path)} is not in a git repository; buyin compares "
                       "versions of a strategy kept in git")
    root = Path(top.decode("utf-8", "surrogateescape").strip()).resolve()
    inside = here.relative_to(root).as_posix() if here != root else "."
    return root, inside


def _commit(root: Path, rev: str) -> str:
    # A revision that starts with '-' would be read by git as an option.
    found = None if rev.startswith("-") or not rev.strip() else _git(
        root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}",
        fail=None)
    if found is None:
        raise GitError(f"unknown revision '{rev}'; name a commit, branch or tag, e.g. HEAD~1")
    return found.decode().strip()


_RAISE = object()


def _git(cwd: Path, *args: str, fail: object = _RAISE, given: bytes | None = None) -> bytes:
    """The output of `git ARGS` run in `cwd` with `given` as its input; `fail` when it fails
    (raise if not given)."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=given, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed; buyin reads earlier versions of a strategy "
                       "through git") from None
    if done.returncode != 0:
        if fail is _RAISE:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(f"git {args[0]} failed: {message[-1] if message else done.returncode}")
        return fail  # type: ignore[return-value]
    return done.stdout
