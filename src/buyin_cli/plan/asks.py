"""Which initiative each ask is about, and which it funds: the one it links, or the one its text
names by title or id; a plain-text ask funds it only when it asks for its roll-out or money."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from buyin_cli.load.models import Briefing, Initiative
from buyin_cli.plan.time_asks import TIME as _TIME, folded, whose_time

# A plain-text ask that names an initiative funds it when it asks for money or the roll-out
# (English or German, whatever the strategy's language: asks are written as people speak).
_FUNDING = re.compile(
    r"\b(?:approv\w*|fund\w*|budget\w*|invest\w*|roll(?:s|ing|ed)?[ -]?outs?|launch\w*"
    r"|sign[ -]off|authori[sz]\w*|allocat\w*|freigabe|freigeben|genehmig\w*|bewillig\w*"
    r"|finanzier\w*|ausroll\w*|rollouts?)\b"
    r"|[£$€]\s?\d|\d\s?€|\b(?:GBP|EUR|USD|CHF)\s?\d", re.IGNORECASE)
# An ask that a named initiative start or take place ("Agree that X starts in every practice")
# asks the room to agree to it, not to pay for it: its cost is said beside the ask, as its own.
_IN_PLACE = re.compile(r"\b(?:start(?:s|ed|ing|et|en)?|begin\w*|introduc\w*|implement\w*|adopt\w*|takes?\s+place"
                       r"|stattfind\w*|beginn\w*|umsetz\w*|einführ\w*)\b", re.IGNORECASE)
# Money the ask says someone else pays ("funded by head office", "von der Zentrale getragen"):
# not the meeting's to give. ("Covered by planned overtime" is how the time is found, not who pays.)
_ELSEWHERE = re.compile(
    r"\b(?:funded|paid(?:\s+for)?|borne|financed|met|budgeted)\s+(?:by|from|out\s+of)\s+(?!(?:you|your|this)\b)"
    r"|\bat\s+no\s+cost\s+to\b|\bgetragen\b|\b(?:finanziert|bezahlt)\s+(?:von|durch|aus)\b"
    r"|\b(?:übernimmt|trägt)\s+(?:die|der|das)\b|\bauf\s+kosten\s+(?:der|des)\b|\bohne\s+kosten\s+für\b", re.IGNORECASE)
_ROLLOUT = re.compile(r"\b(?:roll(?:s|ing|ed)?[ -]?outs?|rollouts?|einführ\w*|ausroll\w*)\b",
                      re.IGNORECASE)
# ...but not when what it asks for is a pilot or a trial (unless it names the roll-out: "roll out
# X, proven in the pilot"), nor when it asks for someone's support: neither is the roll-out's money.
_PILOT = re.compile(r"\b(?:pilot\w*|trial\w*|test|testing|erprob\w*|testen)\b", re.IGNORECASE)
# An ask that names no initiative asks for its money only in words of money or the roll-out:
# "Approve £40,000", "Budget freigeben"; "Freigabe jeder Hausdame für zwei Tage" releases people.
_MONEY = re.compile(r"\b(?:fund\w*|budget\w*|invest\w*|financ\w*|finanz\w*|spend\w*|money|mittel|geld)\b"
                    r"|[£$€]\s?\d|\d\s?€|\b(?:GBP|EUR|USD|CHF)\s?\d", re.IGNORECASE)
# Support asked of the room is its verb ("Support the roll-out…", "Agree to back…", "your
# support"), not a team's name: "Approve the roll-out to all 122 support agents" asks for money.
_SUPPORT = re.compile(
    r"^\W*(?:please\s+)?(?:support|endorse|back|champion)\b"
    r"|\bto\s+(?:support|endorse|back|champion)\s+(?:the|our|this|it|a|an)\b"
    r"|\b(?:your|their|his|her|visible|public|active|full)\s+(?:support|backing|endorsement)\b"
    r"|\bendors\w*|\bunterstütz\w*|\bbefürwort\w*", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)", re.IGNORECASE)


def _names(text: str, words: str, lowered: str | None = None) -> bool:
    """Whether `text` holds `words` as whole words, whatever their case.

    Each pattern is compiled once: every briefing's asks are matched against initiatives'
    titles and ids, more patterns than `re`'s own cache keeps at 10k records.
    `lowered`, the text `folded`, rules out most initiatives without a search: ASCII words
    that match ignoring case are, lower-cased, a part of it.
    """
    return _span(text, words, lowered) is not None


def _span(text: str, words: str, lowered: str | None = None) -> tuple[int, int] | None:
    """Where `text` holds `words` as whole words, first (see _names), or None."""
    if lowered is not None and words.isascii() and words.lower() not in lowered:
        return None
    match = _pattern(words).search(text)
    return match.span() if match else None


# An ASCII run of letters and digits. Each run of an ASCII title or id, lower-cased, is a
# whole run of the ask's text `folded` wherever the text names it: inside the name it is
# bounded by the name's own characters, which match only themselves (once folded); at the
# name's ends by characters that are not word characters, which no folding makes ASCII.
_RUN = re.compile(r"[a-z0-9]+")


class _Names:
    """Titles (or ids), each filed under its rarest run, so that an ask's text tries only those
    filed under one of its own runs, and those with no run to file them under, in their order."""

    def __init__(self, names: Sequence[str]):
        runs = [_RUN.findall(name.lower()) if name.isascii() else [] for name in names]
        having: dict[str, int] = {}
        for found in runs:
            for run in set(found):
                having[run] = having.get(run, 0) + 1
        self.always: list[int] = []
        self.under: dict[str, list[int]] = {}
        for n, found in enumerate(runs):
            if found:
                self.under.setdefault(min(found, key=lambda r: (having[r], r)), []).append(n)
            else:
                self.always.append(n)

    def tried(self, runs: set[str]) -> list[int]:
        """The positions of the names a text with these runs may hold, in order."""
        return sorted(self.always + [n for run in runs for n in self.under.get(run, ())])


class _Index:
    """The initiatives of one strategy with their titles and ids filed (`_Names`), their
    titles' heads, and what each ask's text was found to be about (every briefing's asks are
    asked about several times over: for the agenda, the money, the review)."""

    def __init__(self, initiatives: tuple[Initiative, ...]):
        self.initiatives = initiatives
        self.titles = _Names([i.title for i in initiatives])
        self.ids = _Names([i.id for i in initiatives])
        self.title_of = {i.id: i.title for i in initiatives}
        self.heads = [(i.id, head, head.lower()) for i in initiatives if (head := _head(i.title))]
        self.about: dict[str, list[str]] = {}  # an unlinked ask's text -> ask_initiatives' answer


_INDEXES: dict[int, _Index] = {}


def _index(initiatives: Sequence[Initiative]) -> _Index:
    """The index of `initiatives`, made once for the same initiatives (the same objects, in
    the same order: a strategy's list is asked about once per ask of every briefing)."""
    items = tuple(initiatives)
    index = _INDEXES.get(id(initiatives))
    if index is None or index.initiatives != items:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        index = _INDEXES[id(initiatives)] = _Index(items)
    return index


def ask_initiative(ask_text: str, linked: str | None,
                   initiatives: Sequence[Initiative]) -> str | None:
    """The id of the initiative an ask is about: its link, else the initiative whose title (the
    longest, when several match) or id the ask's text names, else None."""
    if linked:
        return linked
    lowered = folded(ask_text)
    runs = set(_RUN.findall(lowered))
    index = _index(initiatives)
    items = index.initiatives
    named = [items[n] for n in index.titles.tried(runs) if _names(ask_text, items[n].title, lowered)]
    if named:
        return max(named, key=lambda i: len(i.title)).id
    return next((items[n].id for n in index.ids.tried(runs) if _names(ask_text, items[n].id, lowered)),
                None)


def ask_initiatives(ask_text: str, linked: str | None,
                    initiatives: Sequence[Initiative]) -> list[str]:
    """The ids of every initiative an ask is about, in the order its text names them: its link;
    else each initiative whose title the text names ("Roll out X and Y" is about both), but not
    one whose title is part of another's it names; else each whose id it names."""
    if linked:
        return [linked]
    index = _index(initiatives)
    found = index.about.get(ask_text)
    if found is None:
        found = index.about[ask_text] = _about(ask_text, index)
    return list(found)


def _about(ask_text: str, index: _Index) -> list[str]:
    """What ask_initiatives answers for an unlinked ask, found afresh."""
    lowered = folded(ask_text)
    runs = set(_RUN.findall(lowered))
    items = index.initiatives
    for names, attribute in ((index.titles, "title"), (index.ids, "id")):
        found = {items[n].id: span for n in names.tried(runs)
                 if (span := _span(ask_text, getattr(items[n], attribute), lowered)) is not None}
        named = sorted((i for i, (start, end) in found.items()  # not a name inside a longer one
                        if not any(s <= start and end <= e and e - s > end - start for s, e in found.values())),
                       key=found.__getitem__)
        if named:
            return named
    # Else the name people shorten it to: a title's head before its comma or colon, two words or
    # more ("the damp and mould course" is "Damp and Mould, Find the Cause").
    heads = {i: head for i, head, lower in index.heads if lower in lowered}
    return [i for i, head in heads.items() if _names(ask_text, head, lowered)][:1]


def _head(title: str) -> str | None:
    """A title's head, before its first comma, colon or dash, when that is shorter and two words or more."""
    head = re.split(r",\s|:\s|\s[–—-]\s", title, maxsplit=1)[0].strip()
    return head if head != title and len(head.split()) >= 2 else None


def paid_elsewhere(ask_text: str) -> bool:
    """Whether an ask says someone other than the room pays for what it asks ("funded by head
    office", "von der Zentrale getragen"): its money is not the meeting's."""
    return bool(_ELSEWHERE.search(ask_text))


def asks_for_rollout(ask_text: str) -> bool:
    """Whether a plain-text ask asks the room for money or a roll-out, and not for a pilot,
    support, people's time ("Stunden für X freigeben" releases hours, it approves no budget;
    unless it says money or the roll-out in so many words), or what someone else pays for."""
    if _SUPPORT.search(ask_text) or asks_for_pilot(ask_text) or paid_elsewhere(ask_text):
        return False
    if _TIME.search(ask_text) and not (_MONEY.search(ask_text) or _ROLLOUT.search(ask_text)):
        return False
    return bool(_FUNDING.search(ask_text))


def asks_for_money(ask_text: str) -> bool:
    """Whether a plain-text ask asks for money or a roll-out in so many words: what an ask that
    names no initiative must say before the deck takes it to fund any of them."""
    return asks_for_rollout(ask_text) and bool(_MONEY.search(ask_text) or _ROLLOUT.search(ask_text))


def asks_for_pilot(ask_text: str) -> bool:
    """Whether a plain-text ask asks for a pilot or a trial, not for a roll-out."""
    return bool(_PILOT.search(ask_text)) and not _ROLLOUT.search(ask_text)


# An amount of money as an ask writes it: "£9,800", "€ 12.500", "12.500 €", "EUR 4,000".
_AMOUNT = re.compile(r"[£$€]\s?\d(?:[\d,.'\u00a0\u202f]*\d)?|\d(?:[\d.,'\u00a0\u202f]*\d)?\s?€"
                     r"|\b(?:GBP|EUR|USD|CHF)\s?\d(?:[\d,.']*\d)?")


def stated_amount(ask_text: str) -> str | None:
    """The one amount of money a plain-text ask names, as it writes it ("for £9,800"); None when
    it names none, or several (which of them the ask is for is the ask's to say), or says
    someone else pays it ("39.600 €, von der Zentrale getragen": not the room's money)."""
    if paid_elsewhere(ask_text):
        return None
    found = _AMOUNT.findall(ask_text)
    return found[0] if len(found) == 1 else None


def asks_fund(ask_text: str, linked: str | None, initiatives: Sequence[Initiative],
              about: list[str] | None = None) -> list[str]:
    """The ids of the initiatives whose roll-out an ask funds, so the deck prices them beside the
    ask: its link; else every initiative its text names, when the text asks for a roll-out or
    money ("Agree a pilot of X" is about X, but does not ask for X's roll-out). `about`: what
    ask_initiatives found for it, when the caller has it already."""
    if linked:
        return [] if paid_elsewhere(ask_text) else [linked]
    named = about if about is not None else ask_initiatives(ask_text, None, initiatives)
    return named if asks_for_rollout(unnamed(ask_text, named, initiatives)) else []


def asks_in_place(ask_text: str, linked: str | None, initiatives: Sequence[Initiative],
                  about: list[str] | None = None) -> list[str]:
    """The ids of the initiatives an ask asks the room to agree to put in place, not to pay for:
    those it names starting or taking place ("Agree that X starts in every depot"), and those
    it would fund but says someone else pays for. Their cost is said beside the ask, as theirs;
    it is not the meeting's money."""
    if linked:
        return [linked] if paid_elsewhere(ask_text) else []
    named = about if about is not None else ask_initiatives(ask_text, None, initiatives)
    words = unnamed(ask_text, named, initiatives)
    if not named or _SUPPORT.search(words) or asks_for_pilot(words) or asks_for_rollout(words):
        return []
    return named if _IN_PLACE.search(words) or (paid_elsewhere(words) and _FUNDING.search(words)) else []


def unnamed(ask_text: str, named: Sequence[str], initiatives: Sequence[Initiative]) -> str:
    """The ask's words around the initiatives it names, which say what it asks for: "Approve the
    roll-out of Pilot Academy" asks for a roll-out, "Time to Talk" releases nobody's hours, and
    "the Five-Minute Huddle" asks for nobody's minutes."""
    titles = _index(initiatives).title_of
    words = ask_text
    for ident in named:
        words = _pattern(titles.get(ident, ident)).sub(" ", words)
    return words


def asked_initiatives(briefing: Briefing, initiatives: Sequence[Initiative],
                      timed: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The initiatives a briefing's asks are about, in the order of the asks: those they name,
    and for an ask that names none, the one whose learners' time it asks for (see whose_time;
    `timed`: the audience names of each initiative whose costs price that time)."""
    named = [ask_initiatives(a.decision, a.initiative, initiatives) for a in briefing.asks]

    def about(n: int, decision: str) -> list[str]:
        whose = None if named[n] or not timed else whose_time(decision, None, timed, others_about(named, n))
        return named[n] or ([whose] if whose else [])

    return list(dict.fromkeys(i for n, a in enumerate(briefing.asks) for i in about(n, a.decision)))


def others_about(named: Sequence[Sequence[str]], n: int) -> set[str]:
    """The initiatives a meeting's asks other than its `n`th are about (`named`: each ask's)."""
    return {i for m, ids in enumerate(named) if m != n for i in ids}


def funded_initiatives(briefing: Briefing, initiatives: Sequence[Initiative]) -> list[str]:
    """The initiatives whose money a briefing's asks ask for, in the order of the asks."""
    return list(dict.fromkeys(i for a in briefing.asks for i in asks_fund(a.decision, a.initiative, initiatives)))


def asks_unnamed_money(briefing: Briefing, initiatives: Sequence[Initiative]) -> bool:
    """Whether an ask asks for money or a roll-out without linking or naming an initiative."""
    return any(not ask_initiatives(a.decision, a.initiative, initiatives) and asks_for_money(a.decision)
               for a in briefing.asks)
