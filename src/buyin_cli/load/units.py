"""What a metric's unit is: a count, rate, average, percentage, points, duration or money, and whether a period applies.

One reading of the unit text, in English and German, for the review (how a roll-out
moves it), the figures' wording, the charts and the notes, so that no two of them read
"Prozent der Anrufe" or "seconds" two ways. A count or money adds up over people and
over time ("injuries", "€ of write-offs"): it is read per period. The rest are levels,
the same for a group of any size and read, never summed, over a period: a percentage
("% of calls", "Prozent"), points on a scale, a duration ("seconds", "days to hire",
"minutes per call": the time one call takes), an average of money or a measure per item
("€ je Bon", "£ per order", "kg per delivery") or a rate of events over a base ("complaints
per 1,000 calls", "errors per line").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from buyin_cli.records import dataclass

Kind = Literal["count", "rate", "average", "level", "percentage", "points", "duration", "money"]

_PERCENT = re.compile(r"%|\bper ?cent\b|\bprozent", re.IGNORECASE)
_POINTS = re.compile(r"\b(?:points?|score|rating|index|nps|scale|punkte?n?|skala|note|bewertung)\b|\bout of \d",
                     re.IGNORECASE)
_DURATION = re.compile(r"^\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
                       r"sekunden|minuten|stunden|tage?n?|wochen)\b", re.IGNORECASE)
# A duration that counts what was spent ("hours of rework", "Stunden Nacharbeit", "days lost")
# adds up like any count; a bare one ("seconds", "days to hire") is a level.
_SPENT = re.compile(r"^\s*\S+\s+(?:of|lost|spent|overtime|nacharbeit|ausfall|verloren|"
                    r"überstunden)\b", re.IGNORECASE)
_MONEY = re.compile(r"[€$£¥]|\b(?:eur|euro|usd|gbp|chf|dollars?|pounds?|franken)\b",
                    re.IGNORECASE)
# A period the unit names: "injuries per quarter", "parts a week", "hours/week", "Teile pro
# Woche", "je Monat"; not a rate's base ("per 1,000 calls") or a window ("in 7 days").
_PERIOD = re.compile(r"(?:\b(?:per|a|an|each|every|pro|je|im)\s+|/\s*)"
                     r"(week|month|quarter|year|annum|woche|monat|quartal|jahr)\b"
                     r"|\b(week|month|quarter|year)ly\b|\b(annual)(?:ly)?\b", re.IGNORECASE)
_BASE = re.compile(r"\bper\b|\bpro\b|\bje\b|/", re.IGNORECASE)
# A base with a figure ("per 1,000 calls", "je 10.000 Zeilen") makes a rate of whatever it counts.
_NUMBERED_BASE = re.compile(r"(?:\bper|\bpro|\bje|/)\s*\d", re.IGNORECASE)
# A measure that an average takes per item ("kg per delivery", "Liter je Schicht").
_MEASURE = re.compile(r"^\s*(?:kg|kilos?|kilograms?|grams?|tonnes?|litres?|liters?|liter|km|"
                      r"kilometres?|kilometers?|kilometer|miles?)\b", re.IGNORECASE)
# Money written as its currency ("£", "€ of write-offs", "EUR lost"): its figures are written as
# money ("£20,250"), the rest of its words after them.
_CURRENCY = re.compile(r"^\s*([€$£¥]|(?:EUR|USD|GBP|CHF|JPY|INR|AUD|CAD)\b)\s*(.*)$", re.DOTALL)
# A score on a scale written with its noun ("score out of 10", "rating out of 5", "Punkte von 10"): a
# figure reads "6.8 out of 10", "6,8 von 10", not "6.8 score out of 10".
_OUT_OF = re.compile(r"^\s*(?:scores?|ratings?|points?|marks?|punkte?|bewertung|note)\s+"
                     r"((?:out\s+of|von)\s+\d[\d.,]*\b.*)$", re.IGNORECASE | re.DOTALL)
# A unit's trailing ", <scope>" ("£ a month, all stores", "Fehler im Monat, alle Filialen") names whom the
# metric's own figures cover: it is said with those (baseline, target, actual) and never with a pilot
# group's readings, which are that group's. A comma before a figure ("per 1,000 calls") is no scope.
_SCOPE = re.compile(r"^(.*?\S)\s*,\s+([^\d\s].*?)\s*$", re.DOTALL)
_PERIODS = {"woche": "week", "monat": "month", "quartal": "quarter", "jahr": "year",
            "annum": "year", "annual": "year"}


# What each kind is called in the review's and the figures' English ("is an average (€ je Bon)");
# the deck's words for them, in each language, are in templates/deck/doubts.j2.
KIND_NAMES: dict[Kind, str] = {
    "count": "a count", "rate": "a rate", "average": "an average", "level": "a level",
    "percentage": "a percentage", "points": "a score", "duration": "a duration", "money": "money"}


@dataclass(frozen=True)
class Unit:
    """A unit as the deck, the notes and the review all read it."""

    kind: Kind
    period: str | None  # the period the unit's own text names (week, month, quarter, year)
    # Money written as a currency: its sign or code as written ("£", "EUR"), and the words
    # after it ("" for "£", "lost" for "EUR lost"); None and the whole text otherwise.
    currency: str | None = None
    words: str = ""  # what follows a figure: "out of 10" for "score out of 10", else the text as written
    percent_sign: bool = False  # led by "%", which follows a figure as the locale writes it

    @property
    def adds_up(self) -> bool:
        """Whether readings add up over people (a roll-out moves it by the change × scale-up)."""
        return self.kind in ("count", "money")

    @property
    def takes_period(self) -> bool:
        """Whether a reading is said per a period ("12 injuries a quarter"): a count or money
        whose text does not already say its period. A level never is ("% per quarter")."""
        return self.adds_up and self.period is None

    @property
    def kind_name(self) -> str:
        """The kind as a sentence names it: "a rate", "an average", "a score"."""
        return KIND_NAMES[self.kind]

    @property
    def is_percent(self) -> bool:
        """Whether a change is in percentage points."""
        return self.kind == "percentage"


# The units of time a figure of exactly one says in the singular ("1 hour of rework", "1 Stunde
# Nacharbeit"): English and German both, since a strategy's units are in either language.
_ONE = {"seconds": "second", "secs": "sec", "minutes": "minute", "mins": "min", "hours": "hour",
        "hrs": "hr", "days": "day", "weeks": "week", "months": "month", "years": "year",
        "sekunden": "Sekunde", "minuten": "Minute", "stunden": "Stunde", "tage": "Tag",
        "wochen": "Woche", "monate": "Monat", "jahre": "Jahr",
        "points": "point", "punkte": "Punkt", "prozentpunkte": "Prozentpunkt"}


def for_one(words: str) -> str:
    """A unit's words after a figure of exactly one: its first word in the singular where it
    is a unit of time or of a scale ("hour of rework" for "hours of rework", "point on a
    10-point scale"); else the noun its leading words end on, where a regular plural says its
    singular ("repeat excavation", "complaint per 1,000 calls", "Störung", "Reklamation"). Any
    other word as written, since no rule turns "Abgänge" or "Beschwerden" into their singular."""
    first, space, rest = words.partition(" ")
    one = _ONE.get(first.casefold())
    if one is not None:
        if first[:1].isupper():
            one = one[:1].upper() + one[1:]
        return one + space + rest
    parts, end = words.split(" "), None
    if _STOP.fullmatch(parts[0]):  # "% of calls": the figure counts no noun of its own
        return words
    for n, word in enumerate(parts):
        if n and (_STOP.fullmatch(word) or _MARK.search(word) or _PARTICIPLE.search(word)):
            end = n
        elif word.endswith((",", ";", ":")):
            end = n + 1
        if end is not None:
            break
    last = parts[(end or len(parts)) - 1]
    noun = last.rstrip(",;:")
    if not _MARK.search(noun):
        parts[(end or len(parts)) - 1] = _singular(noun) + last[len(noun):]
    return " ".join(parts)


# Where a unit's leading noun ends: a preposition or a period's article after it, a participle
# ("lines picked", "jobs done late"), a figure or a mark ("per 1,000", "/call").
_STOP = re.compile(r"of|per|a|an|each|every|in|on|at|for|to|from|with|by|lost|spent|done|late|over|under|out"
                   r"|je|pro|im|am|von|vom|mit|bei|nach|über|unter|der|die|das|des", re.IGNORECASE)
_MARK = re.compile(r"[\d/()]")
_PARTICIPLE = re.compile(r"^\w{3,}ed$")
# English plurals whose singular a rule can say, and German suffixes that form their plural
# one way ("Störungen", "Reklamationen", "Tätigkeiten"); "news", "series" are their own.
_SAME = {"news", "series", "species", "means", "sales", "analytics", "logistics", "kudos"}
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "personen": "person"}
_PLURALS = ((re.compile(r"(?<=[^aeiou])ies$"), "y"), (re.compile(r"(ss|sh|ch|x|z)es$"), r"\1"),
            (re.compile(r"(ung|ion|eit|aft)en$"), r"\1"),
            (re.compile(r"(?<=[^sui'])s$"), ""))


def _singular(word: str) -> str:
    """A word's singular where a rule says it, else the word as written."""
    if word.casefold() in _IRREGULAR:
        one = _IRREGULAR[word.casefold()]
        return one[:1].upper() + one[1:] if word[:1].isupper() else one
    if word.casefold() in _SAME or len(word) < 4:
        return word
    for plural, one in _PLURALS:
        if plural.search(word):
            return plural.sub(one, word)
    return word


def without_scope(text: str) -> str:
    """The unit as a pilot group's readings take it: its trailing ", <scope>" left off
    ("£ a month" for "£ a month, all stores"); a unit with no scope as written."""
    match = _SCOPE.match(text)
    return match.group(1) if match else text


# A period's word in the language the unit names it in, to say the unit over another period.
_WORDS = {"en": {"week": "week", "month": "month", "quarter": "quarter", "year": "year"},
          "de": {"week": "Woche", "month": "Monat", "quarter": "Quartal", "year": "Jahr"}}


def in_period(text: str, per: str) -> str:
    """The unit as readings over `per` take it: "incidents per quarter" for readings a quarter of
    a metric counted in "incidents per month"; a unit that names no period, or names `per`, as
    written. The word is the unit's language's ("pro Quartal"); "monthly" reads "quarterly"."""
    match = _PERIOD.search(text)
    if match is None or read_unit(text).period == per:
        return text
    german = (match.group(1) or "").lower() in ("woche", "monat", "quartal", "jahr")
    if match.group(1):
        start, end = match.span(1)
        return text[:start] + _WORDS["de" if german else "en"][per] + text[end:]
    start, end = match.span(2) if match.group(2) else match.span(3)
    return text[:start] + (per if match.group(2) else per + "ly") + text[end:]


@lru_cache(maxsize=512)
def read_unit(text: str) -> Unit:
    """The kind of the unit written as `text`, and the period it names."""
    match = _PERIOD.search(text)
    period = None
    if match:
        word = next(g for g in match.groups() if g).lower()
        period = _PERIODS.get(word, word)
    rest = _PERIOD.sub("", text)
    if _PERCENT.search(text):
        kind: Kind = "percentage"
    elif _POINTS.search(text):
        kind = "points"
    elif base := _BASE.search(rest):
        kind = _per_item(rest[:base.start()], numbered=bool(_NUMBERED_BASE.search(rest)))
    elif _DURATION.search(text) and not _SPENT.search(text) and period is None:
        kind = "duration"
    elif _MONEY.search(text):
        kind = "money"
    else:
        kind = "count"
    sign = _CURRENCY.match(text) if kind in ("money", "average") else None
    if sign:
        return Unit(kind, period, sign.group(1), sign.group(2).strip())
    if kind == "percentage" and text.lstrip().startswith("%"):
        return Unit(kind, period, None, text.lstrip()[1:].strip(), percent_sign=True)
    out_of = _OUT_OF.match(text) if kind == "points" else None
    return Unit(kind, period, None, out_of.group(1).strip() if out_of else text.strip())


def _per_item(numerator: str, numbered: bool) -> Kind:
    """What a unit "<numerator> per <item>" is: the time one item takes ("minutes per call") is
    a duration; money or a measure per item ("€ je Bon", "£ per order") an average; events over
    a base ("errors per 1,000 lines", "complaints per call") a rate. Each is a level."""
    if numbered:
        return "rate"
    if _DURATION.search(numerator) and not _SPENT.search(numerator):
        return "duration"
    if _MONEY.search(numerator) or _MEASURE.search(numerator):
        return "average"
    return "rate"


# A count whose pilot readings are all at most this many events is tiny: "2 → 1 incidents,
# −50%" says little, since one event more or less halves or doubles it. The deck says such a
# result in events (never a percentage) and the review doubts money that rests on one (W318).
TINY_COUNT = 5


def is_tiny(unit: str, before: float, after: float) -> bool:
    """Whether readings `before` and `after` in `unit` are a count of a handful of events."""
    return read_unit(unit).kind == "count" and max(abs(before), abs(after)) <= TINY_COUNT
