"""Finding a strategy's files and reading each one's text, screened before any YAML is parsed."""

from __future__ import annotations

from pathlib import Path

from buyin_cli.errors import Location, Problem
from buyin_cli.words import CONTROL

# Bounds that keep hostile input cheap: a file's size.
MAX_FILE_BYTES = 5 * 1024 * 1024


def find_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files of a strategy: the file itself, or a folder's, sorted by path.

    Hidden folders and files (`.github/workflows/*.yml`, `.pre-commit-config.yaml`) are
    a strategy repo's tooling, not its strategy, and are left out.
    """
    if not path.exists():
        return [], [Problem(Location(path), "E001",
                            "no such file or folder; give a strategy .yaml file or a folder of them")]
    if path.is_file():
        return _inside([path], path.parent)
    if not path.is_dir():
        return [], [Problem(Location(path), "E001",
                            "not a file or folder; give a strategy .yaml file or a folder of them")]
    # rglob does not descend into linked folders; a linked file is checked by _inside.
    files = sorted(p for p in path.rglob("*")
                   if p.suffix in (".yaml", ".yml") and p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not files:
        return [], [Problem(Location(path), "E002",
                            "folder has no .yaml or .yml files; put the strategy's YAML files in it")]
    return _inside(files, path)


def _inside(files: list[Path], folder: Path) -> tuple[list[Path], list[Problem]]:
    """The files that really are in `folder`; a link to a file elsewhere is refused, unread.

    A pull request can make `costs.yaml` a link to `~/.git-credentials`: following it
    would echo a secret of the machine running buyin into its log.
    """
    base = folder.resolve()
    inside = [file for file in files if file.resolve().is_relative_to(base)]
    return inside, [Problem(Location(file), "E001",
                            "is a link to a file outside the strategy's folder; buyin reads only "
                            "the strategy's own files (copy the file in instead of linking to it)")
                    for file in files if file not in inside]


def read_text(file: Path, problems: list[Problem]) -> str | None:
    """A strategy file's text, decoded and screened; None (with the problem recorded) when unusable."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        problems.append(Problem(Location(file), "E001", f"cannot read file: {exc.strerror}"))
        return None
    return screen_text(file, raw, problems)


def screen_text(file: Path, raw: bytes, problems: list[Problem]) -> str | None:
    """A strategy file's bytes decoded and screened, however they were read (from disk, from git)."""
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(Location(file), "E105",
                                f"file is {len(raw):,} bytes; a strategy file may be at most "
                                f"{MAX_FILE_BYTES:,} bytes"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw[: exc.start].decode("utf-8", "replace"))
        problems.append(Problem(Location(file, line, col), "E102",
                                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; "
                                "save the file as UTF-8"))
        return None
    bad = CONTROL.search(text)
    if bad:
        line, col = _line_col(text[: bad.start()])
        problems.append(control_problem(Location(file, line, col), bad.group()))
        return None
    if not text.strip() or _only_comments(text):
        problems.append(Problem(Location(file), "E106",
                                "file is empty; expected a mapping such as 'buyin: 1' "
                                "with the strategy's sections"))
        return None
    return text


def control_problem(location: Location, char: str) -> Problem:
    """E103 for `char`, one of words.CONTROL: the same rule for every string, file or value."""
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return Problem(location, "E103",
                       f"bidirectional control character U+{ord(char):04X} in the text; remove "
                       "it (it makes the text read in another order than it is written)")
    return Problem(location, "E103",
                   f"control character U+{ord(char):04X} in the text; remove it "
                   "(it would corrupt the deck)")


def _line_col(prefix: str) -> tuple[int, int]:
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "...")
               for line in text.splitlines())
