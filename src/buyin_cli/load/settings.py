"""`buyin.toml`: a strategy repository's own defaults, found from the current folder upward.

A repository's root often holds other YAML (`mkdocs.yml`, `docker-compose.yml`)
that is not strategy. `buyin.toml` says where the strategy is, which files to
leave out, and where and how to brief it; a command run without PATH uses it,
and what the command line says wins over it. Paths in it are relative to the
folder it is in, wherever the command runs from.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from buyin_cli.errors import Location, Problem, StrategyInvalid
from buyin_cli.records import dataclass

NAME = "buyin.toml"

# Each key, the type its value must have, and how the error says so.
_KEYS: dict[str, tuple[type, str]] = {"strategy": (str, "a path, e.g. strategy = \"strategy\""),
         "exclude": (list, "a list of file patterns, e.g. exclude = [\"drafts/*.yaml\"]"),
         "out": (str, "a folder, e.g. out = \"build\""),
         "templates": (str, "a folder of templates, e.g. templates = \"templates\""),
         "pptx_template": (str, "a .pptx or .potx file, e.g. pptx_template = \"corporate.potx\""),
         "pdf": (bool, "true or false")}


@dataclass(frozen=True)
class Settings:
    """What a `buyin.toml` sets; `root` is its folder, None when there is none."""

    root: Path | None = None
    strategy: Path | None = None
    exclude: tuple[str, ...] = ()
    out: Path | None = None
    templates: Path | None = None
    pptx_template: Path | None = None
    pdf: bool | None = None

    def excluded(self, file: Path) -> bool:
        """Whether `file` is one the repository leaves out of its strategy."""
        if self.root is None or not self.exclude:
            return False
        try:
            rel = Path(file).resolve().relative_to(self.root.resolve())
        except ValueError:
            return False
        return any(rel.match(pattern) or rel.as_posix() == pattern for pattern in self.exclude)


def find_settings(start: Path | None = None) -> Settings:
    """The settings of the first `buyin.toml` in `start` (default the current folder) or above it."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / NAME
        if path.is_file():
            return read_settings(path)
    return Settings()


def read_settings(path: Path) -> Settings:
    """The settings `path` holds; a located error (E003) for anything it cannot mean."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _invalid(path, 1, 1, f"cannot read it: {getattr(exc, 'strerror', None) or exc}; "
                                   "save it as UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(where[1]), int(where[2])) if where else (1, 1)
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise _invalid(path, line, col, f"not valid TOML: {reason[:1].lower()}{reason[1:]}; "
                                        "write key = \"value\", one a line") from None
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            raise _invalid(path, *_line_of(text, key), f"{key}: unknown key; the keys are "
                           + ", ".join(_KEYS))
        kind, right = _KEYS[key]
        if not isinstance(value, kind) or (isinstance(value, list) and not all(
                isinstance(item, str) for item in value)):
            raise _invalid(path, *_line_of(text, key), f"{key}: should be {right}")
        values[key] = value
    root = path.parent.resolve()

    def at(key: str) -> Path | None:
        return root / values[key] if key in values else None

    return Settings(root=root, strategy=at("strategy"), exclude=tuple(values.get("exclude", ())),
                    out=at("out"), templates=at("templates"), pptx_template=at("pptx_template"),
                    pdf=values.get("pdf"))


def _line_of(text: str, key: str) -> tuple[int, int]:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number, line.index(key[0]) + 1
    return 1, 1


def _invalid(path: Path, line: int, col: int, message: str) -> StrategyInvalid:
    return StrategyInvalid([Problem(Location(path, line, col), "E003", message)])
