"""buyin's own words in the audience's language: the gettext translations of a catalogue.

A compiled catalogue (.mo, built with the wheel) is read as it is; in a source
checkout the .po is compiled in memory with Babel. A message a catalogue lacks
is written in English, as gettext does, so a new message never breaks a deck.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache

from buyin_cli.translations import SOURCE_LANGUAGE, catalogue_path


@lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    """The translations for `language` (English, or an unknown language: the words as written)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    compiled = catalogue_path(language, ".mo")
    if compiled.is_file():
        with compiled.open("rb") as f:
            return gettext.GNUTranslations(f)
    source = catalogue_path(language)
    if not source.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as f:
        catalog = read_po(f, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
