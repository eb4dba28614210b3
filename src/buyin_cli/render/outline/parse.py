"""Reading a rendered outline back: YAML to the model, with one located message for any mistake."""

from __future__ import annotations

import difflib
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from buyin_cli.errors import TemplateError
from buyin_cli.render.outline.model import (
    MAX_OUTLINE_CHARS,
    Bullet,
    Callout,
    Chart,
    Link,
    Mark,
    Meta,
    Outline,
    Series,
    Slide,
    Step,
    Table,
)
from buyin_cli.words import CONTROL, dotted

_KEYS = sorted({name for m in (Meta, Bullet, Series, Chart, Table, Link, Callout, Step, Mark, Slide, Outline)
                for name in m.model_fields})

_MESSAGES = {
    "missing": "required but missing",
    "string_type": "expected text",
    "list_type": "expected a list",
    "float_type": "expected a number",
    "int_type": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "model_type": "expected a mapping",
    "dict_type": "expected a mapping",
    "too_short": "must not be empty",
    "finite_number": "expected a finite number",
}


def _parse(text: str) -> Any:
    """The outline's data: through libyaml when PyYAML has it, as an outline is tens of
    kilobytes parsed on every render; a failure is parsed again in Python, whose
    messages the errors below are worded for."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def parse_outline(text: str, template_name: str) -> Outline:
    """Parse the YAML that `template_name` rendered into an Outline, or raise TemplateError."""
    if len(text) > MAX_OUTLINE_CHARS:
        raise TemplateError(f"{template_name}: the rendered outline is over {MAX_OUTLINE_CHARS:,} "
                            "characters; a deck holds fewer slides and chart points")
    try:
        data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "cannot be read"
        raise TemplateError(f"{template_name}: rendered YAML is invalid{where}: {problem}") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{template_name}: expected a mapping with continued, slides, ... "
                            f"at the top level")
    _screen(data, template_name, ())
    try:
        return Outline.model_validate(data)
    except ValidationError as exc:
        # An unknown key first: a misspelt key also makes the intended one "missing".
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        first = _describe(errors[0], data)
        more = f" (and {len(errors) - 1} more problem{'s' * (len(errors) > 2)})" if len(errors) > 1 else ""
        raise TemplateError(f"{template_name}: {first}{more}") from None


def _screen(value: Any, template_name: str, path: tuple[str | int, ...]) -> None:
    """A control character (a template's '\\x01', escaped or not) has no place in a deck:
    PowerPoint's XML cannot hold it. Said where it is, not as a crash of the XML library."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        if found:
            raise control_written(template_name, dotted(path) or "the outline", found.group())
    elif isinstance(value, dict):
        for key, item in value.items():
            _screen(item, template_name, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _screen(item, template_name, (*path, index))


def control_written(template_name: str, where: str, char: str) -> TemplateError:
    """The one message for a control character a template wrote, in a deck or in Markdown."""
    return TemplateError(f"{template_name}: {where}: control character U+{ord(char):04X} in the "
                         "rendered text; a template must not write control characters")


def _describe(error: ErrorDetails, data: dict[str, Any]) -> str:
    """One pydantic error as `slide 3 (“Title”): chart.series[0].values: expected ...`."""
    loc = list(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    prefix = ""
    if len(loc) >= 2 and loc[0] == "slides" and isinstance(loc[1], int):
        raw = data["slides"][loc[1]]
        title = raw.get("title") if isinstance(raw, dict) else None
        prefix = f"slide {loc[1] + 1}" + (f" (\u201c{title}\u201d)" if isinstance(title, str) else "")
        loc = loc[2:]
    # A bad element of a list of numbers or of text is reported on the list itself.
    if "values" in loc and kind != "outline":
        loc, message = loc[:loc.index("values") + 1], "expected a list of numbers"
    elif len(loc) >= 2 and isinstance(loc[-1], int) and loc[-2] == "categories" and kind != "bool_text":
        loc, message = loc[:-1], "expected a list of text"
    elif kind == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), _KEYS, n=1)
        message = "unknown key" + (f" (did you mean '{close[0]}'?)" if close else "")
    elif kind == "outline":
        loc, message = loc + [ctx["where"]], error["msg"]
    elif kind == "literal_error":
        message = f"expected one of {ctx['expected']}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = "must be between 0 and 4" if loc[-1:] == ["level"] else error["msg"].lower()
    elif kind == "string_pattern_mismatch" and loc[-1:] == ["url"]:
        message = "expected an address starting with http://, https:// or mailto:"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "too_long":
        message = f"takes at most {ctx.get('max_length')} items"
    else:
        message = _MESSAGES.get(kind, error["msg"])
    path = dotted(loc)
    parts = [p for p in (prefix, path) if p]
    return ": ".join(parts + [message])
