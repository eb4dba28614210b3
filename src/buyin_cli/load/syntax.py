"""YAML syntax errors, phrased for people: what is wrong first, then the fix.

PyYAML's messages name parser states ("expected <block end>, but found
'<scalar>'"); a trainer editing a strategy needs the line and what to type
there. yaml is not imported here: the loader hands over the exception and this
module only reads its problem, context and marks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from buyin_cli.errors import Location, Problem
from buyin_cli.words import clip

if TYPE_CHECKING:
    import yaml


# PyYAML's token names, as a trainer would say them.
_TOKENS = {"<block mapping start>": "a new key: value mapping", "<block sequence start>": "a new list",
           "<block end>": "the end of a block", "?": "a new key", "<scalar>": "more text",
           "<stream end>": "the end of the file", "-": "a list item ('-')", ",": "','",
           ":": "':'", "]": "']'", "}": "'}'", "[": "'['", "{": "'{'"}
_OPENED = {"flow sequence": ("list", "["), "flow mapping": ("mapping", "{")}


def syntax_problem(file: Path, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error as a trainer can act on it: what is wrong first, then the fix."""
    problem, context = exc.problem or "invalid YAML", exc.context or ""
    mark, opened = exc.problem_mark or exc.context_mark, exc.context_mark
    found = re.search(r"but (?:found|got) (.+)$", problem)
    token = found.group(1).strip("'") if found else ""
    found_words = _TOKENS.get(token, f"'{token}'")
    quoted_char = re.search(r"character '(.+?)'", problem)
    char = quoted_char.group(1) if quoted_char else ""
    if char == "\\t":
        message = ("a tab character is used for indentation; YAML indents with spaces only"
                   if _at_indentation(mark) else
                   "a tab character in unquoted text; replace it with spaces, "
                   "or put the text in quotes")
    elif "single document" in context:
        message = "the file holds more than one YAML document ('---'); keep one per file"
    elif opened and any(kind in context for kind in _OPENED) and problem.startswith("expected ','"):
        noun, bracket = next(v for k, v in _OPENED.items() if k in context)
        close = "]" if bracket == "[" else "}"
        message = (f"the {noun} opened with '{bracket}' at line {opened.line + 1} is not closed: "
                   f"expected ',' or '{close}', found {found_words}")
    elif "quoted scalar" in context and "end of stream" in problem:
        mark = opened or mark
        message = "this quoted text is never closed; add the closing quote"
    elif problem.startswith("mapping values are not allowed"):
        message = ("unexpected ':' here; put text that contains ': ' in quotes, "
                   "or check this line's indentation")
    elif problem.startswith("could not find expected ':'") and _long_key(opened):
        mark = opened
        message = (f"this key is longer than the {MAX_KEY:,} characters YAML allows before "
                   "its ':'; shorten it")
    elif problem.startswith("could not find expected ':'"):
        mark = opened or mark
        message = ("expected 'key: value' on this line; add the ':' after the key, "
                   "or indent it to continue the line above")
    elif problem.startswith(("expected <block end>", "did not find expected")):
        if token in ("]", "}"):
            message = f"unexpected '{token}': it closes nothing; delete it"
        elif token == "<scalar>":
            message = ("unexpected text after a value; if the value is in quotes, a quote "
                       "inside it ends it early (write '' inside '...', or use \"...\")")
        else:
            message = ("this line is not indented like the lines around it; line it up with "
                       "the keys or items it belongs to")
    elif problem.startswith("found undefined alias"):
        name = clip(problem.split("'")[1]) if "'" in problem else ""
        message = (f"the alias '*{name}' names no anchor; define '&{name}' earlier in the same "
                   "file, or put text that starts with '*' in quotes")
    elif "cannot start any token" in problem:
        message = f"text cannot start with '{char}'; put it in quotes"
    elif "unknown escape character" in problem:
        message = (f"unknown escape '\\{char}' in double-quoted text; write '\\\\' for a "
                   "backslash, or use single quotes")
    elif "anchor" in context or "alias" in context:
        message = ("an anchor (&name) or alias (*name) needs a name of letters and digits; "
                   "put text that starts with '&' or '*' in quotes")
    elif problem.startswith("expected the node content"):
        message = f"expected a value here, found {found_words}"
    else:
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
    return Problem(where, "E101", message)


MAX_KEY = 1024  # YAML's limit on a key written without '?'


def _long_key(mark: yaml.Mark | None) -> bool:
    """Whether the line at `mark` has its ':' past YAML's key length (the ':' is there)."""
    if mark is None or not isinstance(mark.buffer, str):
        return False
    end = mark.buffer.find("\n", mark.pointer)
    colon = mark.buffer.find(":", mark.pointer, None if end < 0 else end)
    return colon - mark.pointer > MAX_KEY


def _at_indentation(mark: yaml.Mark | None) -> bool:
    """Whether only whitespace precedes `mark` on its line."""
    if mark is None or not isinstance(mark.buffer, str):
        return True
    line_start = mark.buffer.rfind("\n", 0, mark.pointer) + 1
    return not mark.buffer[line_start:mark.pointer].strip()


def mark_location(file: Path, mark: yaml.Mark) -> Location:
    """Where a YAML mark (0-based) is, as a located line counts (from 1)."""
    return Location(file, mark.line + 1, mark.column + 1)


def short_tag(tag: str) -> str:
    """A tag as people write it: tag:yaml.org,2002:float → !!float."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag
