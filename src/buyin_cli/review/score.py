"""The readiness review: what in a valid strategy would lose the room, as located warnings.

`review` checks a strategy against five methods that win management buy-in and
returns warnings with stable codes (W1xx tie to business results, W2xx
knowledge, skills and motivation, W3xx prove it, W4xx bring managers along, W5xx
the meeting; W0xx are about the review itself), each saying what to add.

The score. Every rule is checked once per subject it applies to (each objective,
each pilot result, each ask…); a check passes when its warning does not fire or
was accepted with a written reason. Each method is worth 20 points:

    method points = round(20 × checks passed ÷ checks applicable)   (halves round up)
                    but at most 19 while any check fails
    score         = Σ method points                                 (0–100)

so that 20/20 and 100/100 always mean no warning is open.

A method with nothing to check (no briefings, say) scores 0: an empty section is
not ready. Codes ignored with `--ignore` are not applicable, so they count
neither way; W0xx warnings do not count.

Accepting a warning is accepts.py's concern; the rules are in checks/, one module
per method.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import field
from datetime import date

from buyin_cli.codes import METHODS, RULES
from buyin_cli.errors import Location, Problem
from buyin_cli.load.strategy import LoadedStrategy, collector_paused
from buyin_cli.records import dataclass
from buyin_cli.review.accepts import acceptor, accepts, unknown_codes, unused_accepts
from buyin_cli.review.checks import all_checks
from buyin_cli.review.context import Context, Path_
from buyin_cli.review.wording_language import language_problems

POINTS_PER_METHOD = 20


@dataclass(frozen=True)
class Accepted:
    """A warning the strategy accepts: the warning, where it was accepted, and why."""

    warning: Problem
    location: Location
    reason: str
    owner: Path_ = ()  # the item the warning is about
    also: tuple[Path_, ...] = ()  # other items the same doubt is about (Check.also)


@dataclass(frozen=True)
class MethodScore:
    """One method's share of the score."""

    name: str
    points: int
    passed: int
    applicable: int
    fired: dict[str, int] = field(default_factory=dict)  # code → warnings shown
    out_of: int = POINTS_PER_METHOD


@dataclass(frozen=True)
class Readiness:
    """The review's outcome: warnings to show, warnings accepted, the score by method."""

    warnings: list[Problem]
    accepted: list[Accepted]
    score: int
    methods: list[MethodScore]
    # The item each rule's warning is about (e.g. ("pilots", 2)), so that a briefing can
    # show only the warnings about what it presents; the review's own (W0xx) have none.
    # Keyed by the warning itself (a frozen value): an equal copy finds its owner too.
    owners: dict[Problem, Path_] = field(default_factory=dict)
    # Other items a warning is about, raised once on its owner (Check.also).
    also: dict[Problem, tuple[Path_, ...]] = field(default_factory=dict)

    def owner_of(self, warning: Problem) -> Path_ | None:
        return self.owners.get(warning)

    def about(self, warning: Problem) -> tuple[Path_, ...]:
        """Every item a warning is about: its owner first, then any it covers too."""
        owner = self.owners.get(warning)
        return (() if owner is None else (owner,)) + self.also.get(warning, ())


def review(loaded: LoadedStrategy, ignore: Collection[str] = (),
           today: date | None = None) -> Readiness:
    """Review a valid strategy against the five methods; pure, no output.

    `today`: the day follow-ups are due against (default: the latest briefing's date).
    """
    ignore = {code.strip().upper() for code in ignore if code.strip()}
    with collector_paused():
        checks = [c for c in all_checks(Context(loaded, today)) if c.code not in ignore]
    meta = list(unknown_codes(loaded, ignore)) + list(language_problems(loaded))

    warnings: list[Problem] = []
    owners: dict[Problem, Path_] = {}
    also: dict[Problem, tuple[Path_, ...]] = {}
    accepted: list[Accepted] = []
    used: set[tuple[Path_, str]] = set()
    raised: dict[str, list[Path_]] = {}  # code → the items it is raised on, accepted or not
    passed: Counter[str] = Counter()
    applicable: Counter[str] = Counter()
    fired: dict[str, Counter[str]] = {name: Counter() for name in METHODS}
    for check in checks:
        method = RULES[check.code].method
        assert method is not None  # RULES holds the warnings that belong to a method
        applicable[method] += 1
        if check.problem is None:
            passed[method] += 1
            continue
        raised.setdefault(check.code, []).append(check.owner)
        holder = acceptor(loaded, check.owner, check.code)
        if holder is None:
            warnings.append(check.problem)
            owners[check.problem] = check.owner
            if check.also:
                also[check.problem] = check.also
            fired[method][check.code] += 1
            continue
        passed[method] += 1
        used.add((holder, check.code))
        accepted.append(Accepted(check.problem,
                                 loaded.sources.key_at(holder + ("accept", check.code)),
                                 accepts(loaded, holder)[check.code], check.owner, check.also))
    meta.extend(unused_accepts(loaded, used, ignore, raised))

    methods = [MethodScore(name, _points(passed[name], applicable[name]), passed[name],
                           applicable[name], dict(sorted(fired[name].items())))
               for name in METHODS]
    return Readiness(warnings=sorted(warnings + [m for m in meta if m.code not in ignore],
                                     key=Problem.sort_key),
                     accepted=sorted(accepted, key=lambda a: a.warning.sort_key()),
                     score=sum(m.points for m in methods), methods=methods, owners=owners,
                     also=also)


def _points(passed: int, applicable: int) -> int:
    if not applicable:
        return 0
    points = (2 * POINTS_PER_METHOD * passed + applicable) // (2 * applicable)  # half up
    # An open warning never reads as full marks, however many checks pass beside it.
    return points if passed == applicable else min(points, POINTS_PER_METHOD - 1)
