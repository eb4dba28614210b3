"""The message catalogues buyin's own wording ships in: which languages, and how complete each is.

A catalogue is `translations/LANG/LC_MESSAGES/buyin.po`, made from the template
`translations/buyin.pot` that `tools/update_catalogues.py` extracts from the
templates and the code. The wheel also carries each catalogue compiled (.mo).
English is the source language: it needs no catalogue. This module reads the
.po files with the standard library only, so `buyin check` can say which
language is incomplete without loading Babel.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent / "translations"
DOMAIN = "buyin"
SOURCE_LANGUAGE = "en"
_ENTRY = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt)\s+"(.*)"\s*$')
_MORE = re.compile(r'^"(.*)"\s*$')


def catalogue_path(language: str, suffix: str = ".po") -> Path:
    return FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def languages() -> list[str]:
    """The languages buyin has wording for, English first."""
    found = sorted(p.parent.parent.name for p in FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE_LANGUAGE] + [lang for lang in found if lang != SOURCE_LANGUAGE]


@lru_cache(maxsize=8)
def messages(path: Path) -> dict[str, bool]:
    """Each message id of a .po or .pot file, and whether it is translated (not fuzzy)."""
    out: dict[str, bool] = {}
    entry: dict[str, str] = {}
    fuzzy = False
    key = None

    def close() -> None:
        if entry.get("msgid"):
            texts = [v for k, v in entry.items() if k.startswith("msgstr")]
            out[entry["msgid"]] = bool(texts) and all(texts) and not fuzzy

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            close()
            entry, fuzzy, key = {}, False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif (found := _ENTRY.match(line)) is not None:
            key = found.group(1)
            entry[key] = found.group(2)
        elif (more := _MORE.match(line)) is not None and key is not None:
            entry[key] += more.group(1)
    return out


def missing(language: str) -> tuple[int, int] | None:
    """(messages without a translation, messages in all) for `language`; None for English.

    A language without a catalogue misses every message.
    """
    if language == SOURCE_LANGUAGE:
        return None
    wanted = messages(FOLDER / f"{DOMAIN}.pot")
    path = catalogue_path(language)
    have = messages(path) if path.is_file() else {}
    return sum(not have.get(msgid, False) for msgid in wanted), len(wanted)
