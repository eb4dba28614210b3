"""Which prepared objection answers a stakeholder's concern.

A concern is free text ("Lines can't spare people for training") and so is an
objection. To prepare an answer to a concern, a trainer adds an objection that
restates it; the two match when the objection covers at least half of the
concern's content words (small words dropped, crude suffixes stripped), so
rewording slightly still matches. An objection whose evidence is a pilot the concern
names (by its id or group), sharing a word with it besides that name, is linked
to it and matched first. An answer that plainly speaks to a concern in other
words matches too, but only plainly: its objection and response together share at
least SHARED of the concern's words and LOOSE of them, one of them in the objection
itself. Two words in common, such as "shift" and "start", are a coincidence more often
than an answer; a wrong answer under a concern is worse than none, so a near miss is
left unanswered, and `near` names it for the review to say why. A stakeholder's
concerns are matched together (`match`), the closest pairs first, so each concern is
answered once and an answer goes to the concern it fits best before it is used again.
Readiness uses the same rule to flag a concern with no prepared answer, so deck and
warnings agree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from buyin_cli.load.models import Objection

THRESHOLD = 0.5  # share of the concern's content words that the objection must cover
LOOSE = 0.5  # ... or that the objection and its response cover, sharing SHARED words at least
SHARED = 3
NEAR = (2, 0.4)  # a near miss: two words and 40% in common, too few to answer the concern
COMMON = 64  # a word in more objections than this tells none of them apart
_WORD = re.compile(r"\w+")

_STOP = frozenset("""
a an the and or but if then than that this these those to of in on at by for with from into
over under about as is are was were be been being it its we our us you your they them their
he she his her i me my do does did doing have has had not no can can't cannot could would
should will won't just only also too very more most much many any some all each every so
what which who whom how why when where there here up down out off again further once
der die das den dem des ein eine einer eines einem einen und oder aber wenn dann als wie wir ihr
sie es er ich du uns euch ihnen sich nicht kein keine keinen noch schon auch nur sehr im an am auf
aus bei mit nach von vor zu zum zur für über unter um durch gegen ohne bis ist sind war waren wird
werden wurde hat haben hatte kann können muss müssen soll sollen will wollen dass ob was wer wen
wem wo warum je
""".split())


def content_words(text: str) -> set[str]:
    """The words that carry meaning, crudely stemmed so 'trainings' meets 'training'."""
    words = _LETTERS.findall(text.lower().replace("’", "'"))
    return {_stem(w) for w in words if w not in _STOP and len(w) > 2}


_LETTERS = re.compile(r"[^\W_]+")


class Answers:
    """The prepared objections, indexed by content word once, so that finding a concern's
    answer reads only the objections that share its rarer words, not every objection."""

    def __init__(self, objections: Sequence[Objection],
                 names: Mapping[str, Sequence[str]] | None = None):
        """`names`: each pilot's id and the names people use for it (its group), so that a
        concern naming the pilot an objection cites as evidence is linked to that objection."""
        self.objections = list(objections)
        self._cited: dict[str, list[int]] = defaultdict(list)  # a pilot's name -> objections citing it
        for n, objection in enumerate(self.objections):
            for name in (names or {}).get(objection.evidence or "", ()):
                self._cited[name.lower()].append(n)
        # Each name's pattern, compiled when a concern first tries it: at 10k records there are
        # thousands of cited names and few concerns that begin a word of one.
        self._naming: dict[str, re.Pattern[str]] = {}
        self._matched: dict[tuple[str, ...], list[int | None]] = {}
        # A name found in a concern starts where one of its words does, so it begins with a
        # word of the concern whole (its first word, up to a non-word character or its end):
        # each concern tries only the names that begin with one of its words, in order.
        self._by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for order, name in enumerate(self._cited):
            leading = _WORD.match(name)
            self._by_first[leading.group() if leading else ""].append((order, name))
        # Objections with the same content words score alike, so only the first can win.
        self._asked = [frozenset(content_words(o.objection)) for o in self.objections]
        first: dict[frozenset[str], int] = {}
        for n, asked in enumerate(self._asked):
            first.setdefault(asked, n)
        self._words = {n: words for words, n in first.items()}
        self._having: dict[str, list[int]] = defaultdict(list)  # word -> objections with it
        for n, words in self._words.items():
            for word in words:
                self._having[word].append(n)
        self._said: dict[str, list[int]] = defaultdict(list)  # word -> objections saying it
        for n, objection in enumerate(self.objections):
            for word in content_words(f"{objection.objection} {objection.response}"):
                self._said[word].append(n)

    def match(self, concerns: Sequence[str]) -> list[int | None]:
        """The position of each concern's answer, or None: the closest pairs first, each
        answer to its best concern before it serves another.

        Kept by the concerns: a stakeholder's are matched for the review and again for
        each of their meetings."""
        key = tuple(concerns)
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = self._match(key)
        return list(found)

    def _match(self, concerns: Sequence[str]) -> list[int | None]:
        scored = []  # (linked or strict, shared, -concern, -objection)
        for c, concern in enumerate(concerns):
            wanted, lowered = content_words(concern), concern.lower()
            # The concern names the pilot the answer cites, and they share a word besides its name.
            linked = {n: content_words(name) for name in self._named_in(lowered) for n in self._cited[name]}
            for n, named in linked.items():
                objection = self.objections[n]
                besides = (wanted - named) & content_words(f"{objection.objection} {objection.response}")
                if besides:
                    scored.append((2.0, len(besides), -c, -n))
            strict = self.find(concern)
            if strict is not None:
                scored.append((len(wanted & self._words[strict]) / len(wanted), len(wanted), -c,
                                -strict))
            scored += [(0.0, k, -c, -n) for n, k in self._sharing(wanted).items()
                       if k >= SHARED and k / len(wanted) >= LOOSE and wanted & self._asked[n]]
        found: list[int | None] = [None] * len(concerns)
        used: set[int] = set()
        for reuse in (False, True):
            for _, _, c, n in sorted(scored, reverse=True):
                if found[-c] is None and (reuse or -n not in used):
                    found[-c] = -n
                    used.add(-n)
        return found

    def _sharing(self, wanted: set[str]) -> dict[int, int]:
        """How many of `wanted` each objection says, with its response: those saying any."""
        shared: dict[int, int] = defaultdict(int)
        for word in wanted:
            if len(self._said.get(word, ())) <= COMMON:
                for n in self._said.get(word, ()):
                    shared[n] += 1
        return shared

    def near(self, concern: str) -> tuple[Objection, list[str]] | None:
        """The prepared answer that comes closest to `concern` without answering it, and the
        words of the concern it shares (as the concern writes them), or None when none comes
        near: what the review names so that a trainer sees why an answer they meant is not one."""
        wanted = content_words(concern)
        least, share = NEAR
        close = [(k, -n) for n, k in self._sharing(wanted).items()
                 if k >= least and k / len(wanted) >= share]
        if not close:
            return None
        n = -max(close)[1]
        objection = self.objections[n]
        said = content_words(f"{objection.objection} {objection.response}")
        words = dict.fromkeys(w for w in _LETTERS.findall(concern.replace("’", "'"))
                              if w.lower() not in _STOP and len(w) > 2 and _stem(w.lower()) in said)
        return objection, list(words)

    def _named_in(self, lowered: str) -> list[str]:
        """The cited pilots' names `lowered` (a concern, in lower case) says, in their order."""
        tried = sorted(entry for word in {"", *_WORD.findall(lowered)}
                       for entry in self._by_first.get(word, ()))
        return [name for _, name in tried if self._pattern(name).search(lowered)]

    def _pattern(self, name: str) -> re.Pattern[str]:
        """`name` as whole words, compiled once."""
        pattern = self._naming.get(name)
        if pattern is None:
            pattern = self._naming[name] = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
        return pattern

    def to(self, concern: str) -> Objection | None:
        """The objection that best covers `concern` (the first of equals), or None when none covers enough."""
        n = self.find(concern)
        return None if n is None else self.objections[n]

    def find(self, concern: str) -> int | None:
        """The position of the objection `to` gives, or None.

        An objection that covers k of the concern's n words has one of its n − k + 1
        rarest words; so the candidates are read from the rarest word's objections
        outwards, and the search stops at the first k some candidate reaches.
        """
        wanted = content_words(concern)
        rarest = sorted(wanted, key=lambda word: (len(self._having.get(word, ())), word))
        covers: dict[int, int] = {}  # candidate -> how many wanted words it has
        for k in range(len(wanted), 0, -1):
            if k / len(wanted) < THRESHOLD:
                return None
            for n in self._having.get(rarest[len(wanted) - k], ()):
                if n not in covers:
                    covers[n] = len(wanted & self._words[n])
            most = max(covers.values(), default=0)
            if most >= k:
                return min(n for n, c in covers.items() if c == most)
        return None


def answer_for(concern: str, objections: Sequence[Objection]) -> Objection | None:
    """The objection whose text best covers `concern`, or None when none covers enough."""
    return Answers(objections).to(concern)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """`word` with a crude suffix stripped (kept: a strategy repeats its words)."""
    for suffix in ("ing", "ers", "ies", "ed", "es", "er", "en", "s"):  # "-en" folds German plurals
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    # "release" meets "releasing" and "released"
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word
