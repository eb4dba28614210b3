"""Jinja templates: where to find them (the user's folder first, then ours) and how they run.

Templates arrive in pull requests and CI renders them, so they run sandboxed,
and StrictUndefined makes a typo in one fail loudly instead of printing nothing.
"""

from __future__ import annotations

import json
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError as JinjaError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from buyin_cli.errors import TemplateError, display_path
from buyin_cli.load.inputs import note_input
from buyin_cli.packaged import packaged_dir
from buyin_cli.present.language import translations
from buyin_cli.render import sandbox
from buyin_cli.render.compiled import compiled_for
from buyin_cli.render.memory import over_memory
from buyin_cli.render.sandbox import BoundedSandbox, TemplateLimit, render_bounded

NOUNS_CAPITALISED = {"de", "lb"}
_JINJA = Path(jinja2.__file__).resolve().parent
_SANDBOX = sandbox.__file__


def search_path(user_dir: Path | None) -> list[Path]:
    """Where templates are looked up, in order: the user's folder, then the packaged defaults."""
    if user_dir is not None and not user_dir.is_dir():
        raise TemplateError(f"{user_dir}: no such templates folder; give a folder holding "
                            "templates to override (e.g. deck.yaml.j2)")
    return ([user_dir] if user_dir is not None else []) + [packaged_dir("templates")]


def own_templates(strategy: Path) -> Path | None:
    """The `templates/` folder beside a strategy, if any; refused when it links out of the strategy's folder."""
    base = strategy if strategy.is_dir() else strategy.parent
    own = base / "templates"
    if not own.is_dir():
        return None
    if not own.resolve().is_relative_to(base.resolve()):
        raise TemplateError(f"{display_path(own)}: the templates folder is a link to a folder "
                            "outside the strategy's folder; put the templates in it instead")
    return own


class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader that refuses a template which resolves outside its folder.

    A strategy repo's templates arrive in pull requests; a link in them
    (`root -> /`, `deck.yaml.j2 -> /proc/self/environ`) would put any file of the
    machine rendering them into the deck. The check runs before the file is read.
    """

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for root in self.searchpath:
            candidate = Path(root, *pieces)
            if candidate.is_file():
                if not candidate.resolve().is_relative_to(Path(root).resolve()):
                    raise TemplateError(
                        f"{display_path(candidate)}: template '{template}' is a link to a "
                        f"file outside the templates folder {display_path(Path(root))}; "
                        "copy the file into the folder instead of linking to it")
                note_input(candidate)
                break
        return super().get_source(environment, template)


def make_environment(user_dir: Path | None = None, language: str = "en") -> BoundedSandbox:
    """A sandboxed Jinja environment over the template search path, speaking `language`.

    Jinja's i18n extension gives every template, the user's own too, `_()`,
    `gettext()`, `ngettext()` and `{% trans %}` over buyin's catalogue for the language.
    """
    env = BoundedSandbox(
        loader=ChoiceLoader([ConfinedLoader(str(d)) for d in search_path(user_dir)]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    words = translations(language)
    env.install_gettext_translations(words, newstyle=True)  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
    env.bytecode_cache = compiled_for(env)  # after every option that changes the compiled code
    env.filters["q"] = quote
    env.filters["minutes"] = lambda value: minutes(value, words.gettext)
    # German capitalises every noun: a name inside a sentence keeps its capital there, unless
    # the name is written in English ("Network repair technicians" in a German deck).
    env.filters["lowerfirst"] = lower_first_foreign if language in NOUNS_CAPITALISED else lower_first
    env.filters["upperfirst"] = upper_first
    env.filters["plural_n"] = plural_n
    env.filters["shorter"] = shorter
    # A message chosen at run time (a readiness warning's title), unlike _(), never %-formatted.
    env.filters["translated"] = words.gettext
    env.globals["language"] = language
    return env


def render(env: Environment, name: str, **context: Any) -> str:
    """Render template `name`, turning any template failure into one located line."""
    try:
        return render_bounded(env, env.get_template(name), context)
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
    except TemplateLimit as exc:
        raise TemplateError(f"{_where(name)}: {exc}") from None
    except RecursionError:
        # buyin's own templates make no cycle: a user's template that takes part in it is
        # where to break it.
        raise TemplateError(f"{_where(name, own_first=True)}: templates include, extend or call each other "
                            "without end; break the cycle") from None
    except MemoryError:
        raise TemplateError(f"{_where(name)}: {over_memory()}") from None
    except (TypeError, ValueError, AttributeError, KeyError, ArithmeticError) as exc:
        if not _raised_by_template(exc):
            raise  # from a view or a filter: buyin's bug, reported as one, not the template's fault
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


def plural_n(text: str) -> int:
    """The count a figure as written picks its plural by, for `ngettext`: 1 for "1" ("1 point"),
    else 2, the other form ("0.5 points", "11 points", "1,000 points")."""
    return 1 if str(text).strip().lstrip("\u2212-") == "1" else 2


# Where a phrase goes on to qualify what it names: before a preposition, or (English) a participle;
# a shorter form never ends on one, nor on an article or a conjunction ("checked before").
_PREPOSITIONS = (r"in|on|at|for|of|to|from|with|within|by|before|after|during|per|across|under|over"
                 r"|im|am|an|auf|für|von|vom|mit|bei|beim|nach|vor|pro|je|zu|zum|zur|über|unter|während"
                 r"|innerhalb|außerhalb|binnen|seit|ab|bis|durch|gegen|ohne|um|wegen|trotz|laut|zwischen|neben|hinter")
_QUALIFIER = re.compile(rf"^(?:{_PREPOSITIONS}|\w{{3,}}ing)$", re.IGNORECASE)
_DANGLING = re.compile(rf"^(?:{_PREPOSITIONS}|\w{{3,}}ing|the|a|an|and|or|der|die|das|ein|eine|und|oder)$",
                       re.IGNORECASE)


def shorter(text: str) -> list[str]:
    """Shorter forms of a phrase for a narrow label, each its start up to where it goes on to
    qualify it, the longest first: 'Final accuracy check done on every bag at peak' → ['Final
    accuracy check done on every bag', 'Final accuracy check done']; at least two words kept."""
    words = str(text).rstrip(".").split(" ")
    cuts = [n for n in range(2, len(words)) if _QUALIFIER.match(words[n].strip(",;"))
            and not _DANGLING.match(words[n - 1].strip(",;")) and _closed(words[:n])]
    return [" ".join(words[:n]).rstrip(",;") for n in reversed(cuts)]


def _closed(words: list[str]) -> bool:
    """Whether every bracket the words open they also close: a cut inside "(Fahrzeug kommt …)"
    would end a label mid-aside, saying something else."""
    text = " ".join(words)
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


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


# Words that tell a name written in English from one in German, in a deck that keeps nouns' capitals.
_ENGLISH = {"and", "of", "the", "for", "with", "who", "to", "at", "on", "from", "by", "or"}
_GERMAN = {"und", "der", "die", "das", "mit", "für", "von", "im", "auf", "zu", "den", "dem", "des",
           "ein", "eine", "oder", "am", "vom", "zum", "zur", "bei"}
# German words that open a phrase and are never a name's first word: lowered mid-sentence.
_GERMAN_LEAD = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "vom", "von", "im",
                "in", "am", "an", "auf", "aus", "bei", "mit", "nach", "zum", "zur", "für", "über", "unter",
                "vor", "durch", "ohne", "gegen", "seit", "bis", "pro", "je", "alle", "jede", "jeder", "jedes"}


def lower_first_foreign(text: str) -> str:
    """A name inside a German sentence: kept as written, since German capitalises its nouns, but
    lowered as in English when it is written in English ('Network repair technicians, gangers and
    leading hands' → 'network repair …'): no later word capitalised, no German word or letter,
    and an English one among them ('and', 'of', 'the' …); when in doubt, as written. A German
    function word that opens it is lowered whatever follows, since the next noun's capital says
    nothing of a name ('Vom Hersteller abgelehnte Anträge' → 'vom Hersteller …')."""
    words: list[str] = re.findall(r"[^\W\d_]+", text)
    if words and text.startswith(words[0]) and words[0][1:].islower() and words[0].lower() in _GERMAN_LEAD:
        return words[0].lower() + text[len(words[0]):]
    later = words[1:]
    if not later or any(w[0].isupper() for w in later) or re.search("[äöüß]", text, re.I):
        return text
    lowered = {w.lower() for w in words}
    if lowered & _GERMAN or not lowered & _ENGLISH:
        return text
    return lower_first(text)


def _dirs(env: Environment) -> list[str]:
    loaders = env.loader.loaders if isinstance(env.loader, ChoiceLoader) else [env.loader]
    return [path for loader in loaders if isinstance(loader, FileSystemLoader) for path in loader.searchpath]


def _raised_by_template(exc: BaseException) -> bool:
    """Whether `exc` came from a template's own expression (`{{ 1 / 0 }}`, `{{ 'a' + 1 }}`).

    Past the innermost template line only Jinja's runtime and the sandbox may run;
    a frame of any other Python code there means that code failed, not the template.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [i for i, f in enumerate(frames) if f.filename.endswith(".j2")]
    return bool(lines) and all(Path(f.filename).resolve().is_relative_to(_JINJA) or f.filename == _SANDBOX
                               for f in frames[lines[-1] + 1:])


def _where(name: str, own_first: bool = False) -> str:
    """The template file and line being rendered when an error escaped it.

    `own_first`: the innermost line of a user's template, when one is on the way.
    """
    frames = [f for f in traceback.extract_tb(sys.exc_info()[2]) if f.filename.endswith(".j2")]
    if own_first:
        packaged = packaged_dir("templates").resolve()
        own = [f for f in frames if not Path(f.filename).resolve().is_relative_to(packaged)]
        # An `extends` line only hands over to its base; the cycle is closed elsewhere.
        frames = [f for f in own if "extends" not in (f.line or "")] or own or frames
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
