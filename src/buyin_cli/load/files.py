"""Finding a strategy's files and reading each one's text, screened before any YAML is parsed."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from buyin_cli.errors import Location, Problem
from buyin_cli.load.inputs import note_input
from buyin_cli.load.settings import find_settings
from buyin_cli.words import CONTROL

if TYPE_CHECKING:
    from buyin_cli.load.datafiles import DataReader

# Bounds that keep hostile input cheap: a file's size, and all of a strategy's files together.
# The largest file of a generated 50,000-record strategy is a quarter of MAX_FILE_BYTES, and
# all its files together under half of MAX_TOTAL_BYTES; a real strategy is far smaller.
MAX_FILE_BYTES = 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024


def find_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files of a strategy: the file itself, or a folder's, sorted by path.

    Hidden folders and files (`.github/workflows/*.yml`, `.pre-commit-config.yaml`) are
    a strategy repo's tooling, not its strategy, and are left out. A subfolder that
    cannot be read is a problem, not a silent gap in the strategy.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return [], [Problem(Location(path), "E001",
                            "no such file or folder; give a strategy .yaml file or a folder of them")]
    except OSError as exc:
        return [], [Problem(Location(path), "E001", f"cannot read it: {exc.strerror or exc}")]
    if stat.S_ISREG(info.st_mode):
        return _inside([path], path.parent)
    if not stat.S_ISDIR(info.st_mode):
        return [], [Problem(Location(path), "E001",
                            "not a file or folder; give a strategy .yaml file or a folder of them")]
    # The repository's buyin.toml may leave files out (`exclude`); found from the current
    # folder, as every command finds it. A file named on its own is read whatever it says.
    settings = find_settings()
    found, problems = _yaml_files(path, set())
    files = sorted(f for f in found if not settings.excluded(f))
    if not files and not problems:
        problems.append(Problem(Location(path), "E002", "folder has no .yaml or .yml files; "
                                "put the strategy's YAML files in it"))
    inside, outside = _inside(files, path)
    return inside, problems + outside


def _inside(files: list[Path], folder: Path) -> tuple[list[Path], list[Problem]]:
    """The files that really are in `folder`; a link to a file elsewhere is refused, unread.

    A pull request can make `costs.yaml` a link to `~/.git-credentials`: following it
    would echo a secret of the machine running buyin into its log.
    """
    base = folder.resolve()
    inside: list[Path] = []
    outside: list[Path] = []
    for file in files:
        (inside if file.resolve().is_relative_to(base) else outside).append(file)
    return inside, [Problem(Location(file), "E001",
                            "is a link to a file outside the strategy's folder; buyin reads only "
                            "the strategy's own files (copy the file in instead of linking to it)")
                    for file in outside]


def _yaml_files(top: Path, seen: set[tuple[int, int]]) -> tuple[list[Path], list[Problem]]:
    """The YAML files (any case of .yaml or .yml) below `top`, hidden ones left out, and
    what could not be read.

    Walked with a list of folders still to read, not by recursion: a folder 1,100
    levels deep is read like any other. A YAML name that is not a file (a FIFO, a
    device, a link to either) is a problem, not a silent gap: reading it could block.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:  # a link back up the tree
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:  # closed even when reading it fails
                entries = list(listing)
        except OSError as exc:
            problems.append(Problem(Location(folder), "E001",
                                    f"cannot read this folder: {exc.strerror or exc}; make it "
                                    "readable, or move it out of the strategy"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = folder / entry.name
            try:
                # A linked folder is not followed (it may lead anywhere); a linked file is,
                # and _inside refuses it when it leaves the strategy's folder.
                is_dir, is_file = entry.is_dir(follow_symlinks=False), entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                pending.append(child)
            elif child.suffix.lower() in (".yaml", ".yml"):
                if is_file:
                    found.append(child)
                elif not entry.is_dir():  # a link to a folder is documented as not followed
                    problems.append(Problem(Location(child), "E001", "is not a regular file (a FIFO, a "
                                            "device, or a link to one or to nothing); a strategy file "
                                            "is a plain file: replace it with one, or remove it"))
    return found, problems


def total_problem(folder: Path, files: list[Path]) -> Problem | None:
    """E105 when a folder's files, as the file system gives their sizes, total too much to read."""
    total = 0
    for file in files:
        try:
            size = file.stat().st_size
        except OSError:
            continue  # read_text reports it
        if size <= MAX_FILE_BYTES:  # a larger one is reported on its own, and never read
            total += size
    if total <= MAX_TOTAL_BYTES:
        return None
    return Problem(Location(folder), "E105", f"the strategy's {len(files):,} files total "
                   f"{total:,} bytes; a strategy may total at most {MAX_TOTAL_BYTES:,} bytes")


def read_text(file: Path) -> str | Problem:
    """A strategy file's text, decoded and screened; the problem when it is unusable.

    The size is asked of the file system before anything is read (a sparse file may say
    8 GB), and no more than the limit is read whatever it says (a device says 0).
    """
    note_input(file)
    try:
        size = file.stat().st_size
        if size <= MAX_FILE_BYTES:
            with file.open("rb") as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)
            size = len(raw)
    except OSError as exc:
        return Problem(Location(file), "E001", f"cannot read file: {exc.strerror or exc}")
    if size > MAX_FILE_BYTES:
        return _too_large(file, size)
    return screen_text(file, raw)


def _too_large(file: Path, size: int) -> Problem:
    return Problem(Location(file), "E105", f"file is {size:,} bytes; a strategy file may be at "
                                           f"most {MAX_FILE_BYTES:,} bytes")


def screen_text(file: Path, raw: bytes) -> str | Problem:
    """A strategy file's bytes decoded and screened, however they were read (from disk, from git)."""
    if len(raw) > MAX_FILE_BYTES:
        return _too_large(file, len(raw))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = line_col(raw[: exc.start].decode("utf-8", "replace"))
        return Problem(Location(file, line, col), "E102",
                       f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
    bad = CONTROL.search(text)
    if bad:
        line, col = line_col(text[: bad.start()])
        return control_problem(Location(file, line, col), bad.group())
    if not text.strip() or _only_comments(text):
        return Problem(Location(file), "E106", "file is empty; expected a mapping such as "
                                               "'buyin: 1' with the strategy's sections")
    return text


def control_problem(location: Location, char: str) -> Problem:
    return Problem(location, "E103",
                   f"control character U+{ord(char):04X} in the text; remove it "
                   "(it would corrupt the deck)")


def line_col(prefix: str) -> tuple[int, int]:
    """The line and column, from 1, just after `prefix`."""
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "...")
               for line in text.splitlines())


def data_file_reader(path: Path) -> DataReader:
    """Reads the data files a strategy at `path` names, with a YAML file's bounds and refusals.

    A data file is named relative to the YAML file that names it and must be inside the
    strategy's folder (a single file's folder), reached through no link at all: a link
    inside the folder may be repointed by a pull request at any time.
    """

    def read(named_by: Path, written: str, where: Location) -> tuple[Path, bytes] | Problem:
        # Asked here, not before: a path that cannot be read is reported by find_files.
        root = Path(os.path.abspath(path if path.is_dir() else path.parent))
        relative = written.replace("\\", "/")
        if PurePosixPath(relative).is_absolute() or PureWindowsPath(written).drive:
            return Problem(where, "E001", "a data file is named relative to the YAML file that "
                                          "names it, such as data/incidents.csv")
        target = Path(os.path.normpath(os.path.abspath(named_by.parent / relative)))
        shown = named_by.parent / relative
        if not target.is_relative_to(root) or target == root:
            return Problem(where, "E001", "the data file is outside the strategy's folder; buyin "
                                          "reads only the strategy's own files (copy it in)")
        step = root
        for part in target.relative_to(root).parts:
            step = step / part
            if step.is_symlink():
                return Problem(where, "E001", f"{step.relative_to(root).as_posix()} is a link; "
                                              "buyin reads data files only as files of the "
                                              "strategy's folder (copy the file in)")
        try:
            info = target.stat()
            if not stat.S_ISREG(info.st_mode):
                return Problem(where, "E001", "the data file is not a file")
            if info.st_size <= MAX_FILE_BYTES:
                with target.open("rb") as stream:
                    raw = stream.read(MAX_FILE_BYTES + 1)
            else:
                raw = b""
            size = max(info.st_size, len(raw))
        except FileNotFoundError:
            return Problem(where, "E001", f"no such data file: {os.path.normpath(shown)}; name a "
                                          "file relative to the YAML file that names it")
        except OSError as exc:
            return Problem(where, "E001", f"cannot read the data file: {exc.strerror or exc}")
        name = Path(os.path.normpath(shown))
        if size > MAX_FILE_BYTES:
            return Problem(Location(name), "E105", f"file is {size:,} bytes; a data file may be "
                                                   f"at most {MAX_FILE_BYTES:,} bytes")
        return name, raw

    return read
