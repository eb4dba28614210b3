"""A run's output files written all together or not at all, never over a deck someone edited.

- Every file is staged first (written beside its target, flushed, verified),
  then all are renamed into place with signals held off; if one rename fails,
  the ones already done are put back, so a folder never mixes old and new
  outputs, and no `.tmp` file is left behind.
- A file whose bytes would not change is not touched (same bytes, same mtime).
- The folder keeps a record of what buyin last wrote there (`.buyin-outputs.json`,
  each file's SHA-256). A file that no longer matches its record was changed by
  hand, and one with an Office lock file beside it (`~$ID.pptx`) is open in
  PowerPoint: neither is overwritten without `force`, and the message says how to
  keep the edits.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from buyin_cli.errors import BuyinError, display_path
from buyin_cli.records import dataclass
from buyin_cli.render.atomic import fsync_dir, new_file_mode, refuse_input

RECORD = ".buyin-outputs.json"
MAX_RECORD_BYTES = 1024 * 1024  # a record of thousands of outputs is a few hundred KB
MAX_OUTPUT_BYTES = 1024 ** 3  # larger than any deck buyin writes: not one of its outputs

@dataclass(frozen=True)
class Pending:
    """One output to write: where, what, and how to check it before it replaces the old one."""

    path: Path
    data: bytes
    verify: Callable[[Path], None] | None = None


def write_outputs_together(folder: Path, files: list[Pending], *, force: bool = False) -> list[bool]:
    """Write `files` into `folder` as one change; for each, whether it changed."""
    record = _read_record(folder)
    changed = [not _holds(f.path, f.data) for f in files]
    for f, differs in zip(files, changed):
        if differs and not force:
            _refuse_to_lose_edits(f.path, record)
    new_record = dict(record)
    new_record.update({f.path.name: _digest(f.data) for f in files})
    writes = [f for f, differs in zip(files, changed) if differs]
    if new_record != record:
        writes.append(Pending(folder / RECORD, (json.dumps(
            {"written_by": "buyin", "sha256": dict(sorted(new_record.items()))}, indent=1)
            + "\n").encode("utf-8")))
    if writes:
        _commit(writes)
    return changed


def written_by_buyin(path: Path) -> bool:
    """Whether `path` holds what buyin last wrote there, by the folder's record: a file
    planted in the folder (with any timestamp) is not."""
    known = _read_record(path.parent).get(path.name)
    return known is not None and not path.is_symlink() and _file_digest(path) == known


def _refuse_to_lose_edits(path: Path, record: dict[str, str]) -> None:
    lock = path.with_name("~$" + path.name)
    if lock.exists():
        raise BuyinError(f"{display_path(path)} is open in PowerPoint ({display_path(lock)} is its "
                         "lock file): close it and run again, or pass --force to write over it")
    known = record.get(path.name)
    if known is not None and not path.is_symlink() and path.is_file() and _file_digest(path) != known:
        raise BuyinError(f"{display_path(path)} was changed since buyin wrote it: to keep those "
                         "edits, save the file under another name and run again, or pass --force "
                         "to write over them")


def _commit(files: list[Pending]) -> None:
    for f in files:
        refuse_input(f.path)
    staged: list[tuple[Path, Path]] = []
    try:
        for f in files:
            staged.append((f.path, _stage(f)))
        with _signals_held():
            done: list[tuple[Path, Path | None]] = []
            try:
                for target, tmp in staged:
                    with _named(target):
                        backup = _keep_old(target)
                        try:
                            os.replace(tmp, target)
                        except BaseException:
                            if backup is not None:
                                backup.unlink(missing_ok=True)
                            raise
                    done.append((target, backup))
            except BaseException:
                for target, backup in reversed(done):
                    if backup is not None:
                        os.replace(backup, target)
                    else:
                        target.unlink(missing_ok=True)
                raise
            for _, backup in done:
                if backup is not None:
                    backup.unlink(missing_ok=True)
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
    for folder in {f.path.parent for f in files}:
        fsync_dir(folder)


@contextmanager
def _named(path: Path) -> Iterator[None]:
    """A failure to write `path` as one line naming it (not its temporary file)."""
    try:
        yield
    except OSError as exc:
        raise BuyinError(f"{display_path(path)}: cannot write: {exc.strerror}") from None


def _stage(f: Pending) -> Path:
    """The file's new bytes beside it, flushed and verified, with the mode a new file gets."""
    with _named(f.path):
        fd, name = tempfile.mkstemp(prefix=f".{f.path.name}.", suffix=".tmp", dir=f.path.parent)
    tmp = Path(name)
    try:
        with _named(f.path), os.fdopen(fd, "wb") as out:
            out.write(f.data)
            out.flush()
            os.fsync(out.fileno())
        if f.verify is not None:
            f.verify(tmp)
        with _named(f.path):
            os.chmod(tmp, new_file_mode(f.path))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _keep_old(target: Path) -> Path | None:
    """A second name for the file about to be replaced, so it can be put back; None if none."""
    if not os.path.lexists(target):
        return None
    backup = Path(tempfile.mktemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    if target.is_symlink():
        os.symlink(os.readlink(target), backup)
    else:
        os.link(target, backup)
    return backup


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C or a SIGTERM waits until every rename is done (or undone), then acts."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError):  # not the main thread's business, or no such call
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _read_record(folder: Path) -> dict[str, str]:
    try:
        data = json.loads(_own_bytes(folder / RECORD, MAX_RECORD_BYTES) or b"{}")
        return {str(k): str(v) for k, v in data.get("sha256", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _own_bytes(path: Path, most: int) -> bytes | None:
    """The bytes of `path` when it is a regular file of at most `most` bytes, else None.

    Never through a link, never blocking: the out folder may hold what a pull request
    planted (a link to /dev/zero, a FIFO in place of the record).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > most:
            return None
        return stream.read(most + 1)


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a file holding exactly `data` (the size first, to read only candidates)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return (stat.S_ISREG(info.st_mode) and info.st_size == len(data)
            and _own_bytes(path, len(data)) == data)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str:
    data = _own_bytes(path, MAX_OUTPUT_BYTES)
    return "" if data is None else _digest(data)
