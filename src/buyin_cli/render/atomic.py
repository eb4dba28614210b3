"""Atomic file output: a reader sees the old file or the complete new one, never half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from buyin_cli.errors import BuyinError, display_path
from buyin_cli.load.inputs import is_input


def write_atomic(path: Path, data: bytes, *, verify: Callable[[Path], None] | None = None) -> None:
    """Write `data` to `path` through a temporary file in the same folder.

    The temporary file is flushed to disk and, when `verify` is given, checked
    by it (e.g. re-opened) before it replaces `path` in one rename. On any
    failure, including one raised by `verify`, the temporary file is removed
    and an existing `path` is left as it was; the exception propagates.
    """
    path = Path(path)
    refuse_input(path)
    # Same folder, so the final rename never crosses file systems.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if verify is not None:
            verify(tmp)
        os.chmod(tmp, new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def refuse_input(path: Path) -> None:
    """Refuse to write `path` when it is one of the run's inputs: an output never replaces
    what the run read (`roi --format xlsx --out s.yaml` would replace the strategy)."""
    if is_input(path):
        raise BuyinError(f"{display_path(path)}: is one of this run's inputs; buyin never writes "
                         "over its input: name another file to write")


def new_file_mode(path: Path) -> int:
    """The mode of the file that replaces `path`: what a plain open() would give (mkstemp
    makes 0600), or the permissions of the regular file it replaces.

    lstat, never stat: when `path` is a link, the new file replaces the link, and the
    mode of whatever it points at (a setuid 6777 file, say) is not copied. Nor are the
    setuid, setgid and sticky bits of a replaced file: an output is never a program.
    """
    try:
        st = path.lstat()
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode):
        return st.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows syncing a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
