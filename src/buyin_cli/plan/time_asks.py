"""Whose time an ask asks for: the learners' of the initiative it is about, or of the one whose
audience it names ("Release each dispenser for three hours"); never helpers' (mentors', coaches')."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

# The only non-ASCII letters that re.IGNORECASE matches to ASCII ones (İ ı ſ K).
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """`text` with every letter an ASCII letter matches ignoring case made that ASCII letter, lower-case."""
    return text.translate(_TO_ASCII).lower()


# An ask for the learners' time: to release them, for hours or days, off the floor.
TIME = re.compile(
    r"\b(?:releas\w*|free(?:s|ing)? up|hours?|half[- ]days?|days? off|off the (?:floor|line|bench|job|ward)"
    r"|minutes?|staff time|their time|freistell\w*|freigestellt\w*|stunden?|minuten|\w*zeit)\b", re.IGNORECASE)
# Words too common to tie an ask to one audience ("each", "staff").
_COMMON = frozenset({"each", "every", "their", "with", "from", "before", "after", "staff", "team",
                     "people", "employee", "worker", "alle", "jede", "jeden", "mitarbeitende", "mitarbeiter"})


def _stems(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"\w{4,}", folded(text))} - _COMMON


# People who help others learn: an ask for their time ("each mentor's time", "Patenzeit") is not
# the learners' time, unless they are the learners; never the activity ("coaching", "Ausbildung").
# Each helper's root, with the forms its words take ("buddy", "buddies"); one named group each,
# so a match says whose root it found.
_FORMS = (("mentor", "mentor(?:s|en|in|innen)?"), ("coach", "coach(?:es)?"), ("budd", "budd(?:y|ies)"),
          ("champion", "champions?"), ("trainer", "trainer(?:s|in|innen)?"), ("facilitator", "facilitators?"),
          ("assessor", "assessors?"), ("supervisor", "supervisors?"), ("manager", "managers?"),
          ("pat", "pat(?:e|en|in|innen)"), ("ausbilder", r"ausbilder\w*"), ("führungskr", r"führungskr\w*"),
          ("teamleit", r"teamleit\w*"), ("leitung", r"\w*leitung(?:en)?"), ("leiter", r"\w*leiter(?:s|n|in|innen)?"))
_HELPERS = re.compile(r"^(?:\w{3,}(?=paten|patin|mentor|coach|trainer))?(?:"
                      + "|".join(f"(?P<r{n}>{forms})" for n, (_, forms) in enumerate(_FORMS)) + r")(?:zeit\w*)?$")


def _someone_elses(ask_text: str, names: Sequence[str]) -> bool:
    """The ask is for the time of helpers (mentors, coaches…) who are not the audience `names`."""
    own = folded(" ".join(names))
    for word in re.findall(r"\w+", folded(ask_text)):
        if (m := _HELPERS.match(word)) and m.lastgroup:
            root = _FORMS[int(m.lastgroup[1:])][0]
            if root not in own:
                return True
    return False


def whose_time(ask_text: str, about: str | None, audiences: Mapping[str, Sequence[str]],
               taken: Collection[str] = ()) -> str | None:
    """The initiative whose learners' time an ask asks for ("Release each dispenser for three
    hours"), or None when the ask is not about people's time: the initiative it is about, else
    the one alone among `audiences` (each initiative's audience names) whose audience it names
    ("each dispenser" names "Dispensers and accuracy checkers"); where several reach that
    audience, the one alone the meeting's other asks are not about (`taken`). Never the learners'
    time where the ask is for someone else's: their mentors', coaches' or managers'."""
    if not TIME.search(ask_text):
        return None
    whose = about if about is not None else _learners(ask_text, audiences, taken)
    return None if whose is None or _someone_elses(ask_text, audiences.get(whose, ())) else whose


def _learners(ask_text: str, audiences: Mapping[str, Sequence[str]], taken: Collection[str]) -> str | None:
    """The one initiative among `audiences` whose audience an ask names (see whose_time), whoever's time it asks for."""
    # By the words that tell the audiences apart: "each ramp agent" is the ramp agents, not the
    # gate agents ("agent" names both).
    own = {i: set().union(*(_stems(n) for n in names)) for i, names in audiences.items()}
    # A word names an audience whose name holds it, also as a German compound's head ("Fahrer":
    # "Berufskraftfahrer"), and tells apart the one audience it names (two initiatives may share one).
    def names(word: str, words: frozenset[str]) -> bool:
        return any(w == word or (len(word) >= 5 and w.endswith(word)) for w in words)

    groups = {frozenset(words) for words in own.values()}
    words = {w for w in _stems(ask_text) if sum(names(w, g) for g in groups) == 1}
    hits = [i for i, mine in own.items() if any(names(w, frozenset(mine)) for w in words)]
    if len(hits) > 1:
        hits = [i for i in hits if i not in taken]
    return hits[0] if len(hits) == 1 else None


def _roots(text: str, names: Sequence[str] = ()) -> set[str]:
    """The roots of the helpers `text` names ("Filialleitung": "leitung"), but the audience `names`'."""
    own = folded(" ".join(names))
    return {root for word in re.findall(r"\w+", folded(text)) if (m := _HELPERS.match(word)) and m.lastgroup
            and (root := _FORMS[int(m.lastgroup[1:])][0]) not in own}


def helpers_line(ask_text: str, names: Sequence[str], items: Sequence[str]) -> int | None:
    """Where an ask is for the time of helpers who are not the learners (`names`: their audience's
    names): the position among cost `items` of the first line that names those helpers ("Coaching
    durch Filialleitung" for "each Filialleitung coaches"), or None when none does, or the ask is
    not for helpers' time (an ask for the learners' own time is priced by their time's line)."""
    if not TIME.search(ask_text) and not re.search(r"\bcoach\w*", ask_text, re.IGNORECASE):
        return None
    asked = _roots(ask_text, names)
    return next((n for n, item in enumerate(items) if asked & _roots(item, names)), None) if asked else None


def whose_help(ask_text: str, about: str | None, audiences: Mapping[str, Sequence[str]],
               taken: Collection[str] = ()) -> str | None:
    """The initiative whose learners an ask for helpers' time helps ("each Filialleitung coaches
    her Berater"): found as whose_time finds the learners', where the ask is for someone else's time."""
    if about is None:
        # The helpers named are not the audience looked for: "jede Filialleitung" names the Filialleitungen.
        mine = {i: names for i, names in audiences.items() if _roots(ask_text, names)}
        about = _learners(ask_text, mine, taken) if mine else None
    return about if about is not None and _roots(ask_text, audiences.get(about, ())) else None
