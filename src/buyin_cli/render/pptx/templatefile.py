"""The PowerPoint template a deck is built on: the user's corporate one or the bundled one, read
and parsed; and a written deck reopened to check it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pptx import Presentation

from buyin_cli.errors import TemplateError
from buyin_cli.packaged import packaged_dir
from buyin_cli.render.pptx.layout import content_width
from buyin_cli.render.pptx.package import read_presentation


def default_template() -> Path:
    """The bundled template, default.pptx."""
    return packaged_dir("templates") / "default.pptx"


_WIDTHS: dict[bytes, float] = {}  # a template's bytes -> its content width (watch renders often)


def template_width(path: Path | None) -> float:
    """The content width (points) of the slides of a template: the user's or the bundled one."""
    path = Path(path) if path is not None else default_template()
    blob = read_presentation(path)
    width = _WIDTHS.get(blob)
    if width is None:
        width = content_width(parsed(path, blob))
        _WIDTHS.clear()  # one template at a time: a corporate one can be megabytes
        _WIDTHS[blob] = width
    return width


def open_template(path: Path | None) -> tuple[Any, bytes]:
    """The template as a Presentation, and the bytes it was read from."""
    path = Path(path) if path is not None else default_template()
    blob = read_presentation(path)
    return parsed(path, blob), blob


def parsed(path: Path, blob: bytes) -> Any:
    """The template read from `path` as a Presentation."""
    try:
        return Presentation(io.BytesIO(blob))
    except Exception as exc:  # noqa: BLE001 - XML or part trouble: all mean "not a usable deck"
        raise TemplateError(f"{path}: not a usable PowerPoint template ({exc})") from None


def verify_deck(path: Path) -> None:
    """Reopen a written deck: python-pptx must be able to read what it saved."""
    Presentation(str(path))
