"""Compiled templates, kept so each template compiles once: for the process, and between runs.

Compiling the packaged templates is about a quarter of a first `buyin brief`; Jinja's
compiled code is kept, as Python keeps `.pyc` files, in memory for the life of the
process (what `buyin watch` re-renders with) and in a private folder of the user's
cache (`$BUYIN_CACHE_DIR`, else the platform's cache folder, as platformdirs knows it), so
the next run starts with it. `BUYIN_CACHE_DIR=` (empty), or no home folder, keeps
nothing on disk.

Nothing stale can be served. Jinja stores the checksum of the template's source with
its code and compiles again when the source read now differs (an edited template, or
one overridden by a new file in the user's folder); the folder's name holds everything
else the code depends on (the versions of Jinja, Python and buyin, and the options of
the environment), so code compiled under other options is never looked at.

The disk is used only when it is safe and works: compiled code is run when loaded, so
a folder that another user owns or can write to is not used, and one that cannot be
created or written is skipped. Either way templates compile as before.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import platformdirs
from jinja2 import BytecodeCache, Environment, __version__ as jinja_version
from jinja2.bccache import Bucket

from buyin_cli import __version__
from buyin_cli.render.atomic import write_atomic


def cache_home() -> Path | None:
    """The user's cache folder for buyin, or None when the user asked for none."""
    configured = os.environ.get("BUYIN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    # The platform's own place: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on
    # macOS, %LOCALAPPDATA% on Windows (rather than a ~/.cache Windows users never look in).
    try:
        folder = platformdirs.user_cache_path("buyin", appauthor=False)
    except RuntimeError:  # no home (no HOME, no user entry): platformdirs will not guess one
        return None
    # No cache, rather than a folder named '~' here (older platformdirs return the '~').
    return folder if folder.is_absolute() else None


class Compiled(BytecodeCache):
    """Jinja's bytecode cache for one environment's options: a dict, backed by `folder`."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)  # checks Jinja's magic and the source checksum
        except Exception:  # noqa: BLE001 - a damaged file: compile again and replace it
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._code[bucket.key] = code
        if self.folder is not None:
            _write(self.folder / bucket.key, code)


_CACHES: dict[tuple[Path | None, str], Compiled] = {}


def compiled_for(env: Environment) -> Compiled:
    """The cache for environments made with `env`'s options (shared by all such environments)."""
    options = repr((
        type(env).__qualname__, sorted(env.extensions), getattr(env, "newstyle_gettext", None),
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.autoescape, env.optimized, jinja_version, sys.version, __version__,
        # how each filter is called (what it is passed first) is compiled into the code
        sorted((name, str(getattr(f, "jinja_pass_arg", None))) for name, f in env.filters.items())))
    fingerprint = hashlib.sha256(options.encode("utf-8")).hexdigest()[:16]
    home = cache_home()
    key = (home, fingerprint)
    if key not in _CACHES:
        _CACHES[key] = Compiled(_private_folder(home, f"templates-{fingerprint}")
                                if home is not None else None)
    return _CACHES[key]


def _private_folder(home: Path, name: str) -> Path | None:
    """`home/name`, made if need be, when only this user can write to both; else None."""
    folder = home / name
    try:
        for place in (home, folder):
            place.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                info = place.stat()
                if info.st_uid != os.getuid() or info.st_mode & 0o022:
                    return None
    except OSError:
        return None
    return folder


def _write(path: Path, code: bytes) -> None:
    """`code` into `path` whole or not at all (several buyin processes may share the folder);
    a cache that cannot be written is only slower."""
    try:
        write_atomic(path, code)
    except OSError:
        pass
