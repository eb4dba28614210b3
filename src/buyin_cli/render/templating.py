"""Jinja templates: where to find them (the user's folder first, then ours) and how they run.

Templates arrive in pull requests and CI renders them, so they run sandboxed,
and StrictUndefined makes a typo in one fail loudly instead of printing nothing.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any, Callable

from jinja2 import BytecodeCache, ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError
from jinja2 import TemplateError as JinjaError
from jinja2 import UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from buyin_cli.errors import TemplateError
from buyin_cli.packaged import packaged_dir
from buyin_cli.present.language import translations


def search_path(user_dir: Path | None) -> list[Path]:
    """Where templates are looked up, in order: the user's folder, then the packaged defaults."""
    if user_dir is not None and not user_dir.is_dir():
        raise TemplateError(f"{user_dir}: no such templates folder; give a folder holding "
                            "templates to override (e.g. deck.yaml.j2)")
    return ([user_dir] if user_dir is not None else []) + [packaged_dir("templates")]


class _Compiled(BytecodeCache):
    """Compiled templates kept for the life of the process, so each compiles once, not per render.

    Jinja reads the template's source each time and stores its checksum with the code: a
    template whose source changed (edited, or overridden by a new file in the user's
    folder) compiles again, so nothing stale is served. Every environment here is made
    with the same options, so they can share the compiled code.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:  # noqa: ANN001 - Jinja's signature
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:  # noqa: ANN001
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


def make_environment(user_dir: Path | None = None, language: str = "en"):
    """A sandboxed Jinja environment over the template search path, speaking `language`.

    Jinja's i18n extension gives every template, the user's own too, `_()`,
    `gettext()`, `ngettext()` and `{% trans %}` over buyin's catalogue for the language.
    """
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in search_path(user_dir)]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=_COMPILED,
    )
    words = translations(language)
    env.install_gettext_translations(words, newstyle=True)
    env.filters["q"] = quote
    env.filters["minutes"] = lambda value: minutes(value, words.gettext)
    env.filters["lowerfirst"] = lower_first
    env.filters["upperfirst"] = upper_first
    env.globals["language"] = language
    return env


def render(env, name: str, **context: Any) -> str:
    """Render template `name`, turning any template failure into one located line."""
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise TemplateError(f"template '{exc.name}' not found in "
                            + ", ".join(str(d) for d in _dirs(env))) from None
    except TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise TemplateError(f"{where}:{exc.lineno}: template syntax error: {exc.message}") from None
    except SecurityError as exc:
        raise TemplateError(f"{name}: refused by the template sandbox: {exc}") from None
    except UndefinedError as exc:
        raise TemplateError(f"{_where(name)}: {exc.message}; check the name against the "
                            "view documented in templates/README.md") from None
    except JinjaError as exc:
        raise TemplateError(f"{_where(name)}: {exc}") from None
    except (TypeError, ValueError, AttributeError, KeyError, ZeroDivisionError) as exc:
        raise TemplateError(f"{_where(name)}: {type(exc).__name__}: {exc}") from None


def quote(value: Any) -> str:
    """Any value as a YAML flow scalar (JSON is valid YAML), so text never breaks the outline."""
    if hasattr(value, "__html__"):  # Markup from a {% set %} block
        value = str(value)
    # Anything else (an ask, say) is quoted as the text it reads as.
    return json.dumps(value, ensure_ascii=False, default=str)


def minutes(value: float, gettext: Callable[[str], str] = str) -> str:
    """A time budget as people say it: '2 min', '1½ min', '30 s' (in the catalogue's words)."""
    if value < 1:
        return gettext("%(seconds)s s") % {"seconds": round(value * 60)}
    whole, half = int(value), value - int(value) >= 0.5
    return gettext("%(minutes)s min") % {"minutes": f"{whole}{'½' if half else ''}"}


def upper_first(text: str) -> str:
    """A sentence's start: 'a pilot with no results' → 'A pilot with no results'; the rest kept."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """A name inside a sentence: 'Parts scrapped' → 'parts scrapped'; 'OEE' and 'Press Line 2' stay.

    Only a capital followed by a small letter is lowered, and not when the next word is
    capitalised too (a proper name such as 'Press Line 2').
    """
    words = text.split(" ")
    first = words[0]
    proper = len(words) > 1 and words[1][:1].isupper()
    if len(first) > 1 and first[0].isupper() and first[1].islower() and not proper:
        return first[0].lower() + text[1:]
    return text


def _dirs(env) -> list[str]:
    return [path for loader in env.loader.loaders for path in loader.searchpath]


def _where(name: str) -> str:
    """The template file and line being rendered when an error escaped it."""
    frames = traceback.extract_tb(sys.exc_info()[2])
    for frame in reversed(frames):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
    return name
