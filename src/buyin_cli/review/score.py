"""The readiness review: what in a valid strategy would lose the room, as located warnings.

`review` checks a strategy against five methods that win management buy-in and
returns warnings with stable codes (W1xx tie to business results, W2xx
knowledge, skills and motivation, W3xx prove it, W4xx bring managers along, W5xx
the meeting; W0xx are about the review itself), each saying what to add.

The score. Every rule is checked once per subject it applies to (each objective,
each pilot result, each ask…); a check passes when its warning does not fire or
was accepted with a written reason. Each method is worth 20 points:

    method points = round(20 × checks passed ÷ checks applicable)   (halves round up)
    score         = Σ method points                                 (0–100)

A method with nothing to check (no briefings, say) scores 0: an empty section is
not ready. Codes ignored with `--ignore` are not applicable, so they count
neither way; W0xx warnings do not count.

A warning on an item is accepted by that item's `accept` mapping (code → reason)
or by the strategy's top-level `accept`, which covers every instance of the code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from buyin_cli.review.answers import answer_for
from buyin_cli.errors import Location, Problem
from buyin_cli.review.heuristics import decision_problem, is_learning_number
from buyin_cli.load.relations import LoadedStrategy
from buyin_cli.words import dotted, plural

Path_ = tuple[str | int, ...]

METHODS = ("Tie to business results", "Knowledge, skills and motivation", "Prove it",
           "Bring managers along", "The meeting")
POINTS_PER_METHOD = 20


@dataclass(frozen=True)
class Rule:
    """One warning code: which method it belongs to (None for the review's own) and its gist."""

    code: str
    method: str | None
    title: str


RULES: dict[str, Rule] = {rule.code: rule for rule in (
    Rule("W001", None, "an accept names an unknown warning code"),
    Rule("W002", None, "--ignore names an unknown warning code"),
    Rule("W003", None, "an accepted warning does not fire there"),
    Rule("W101", METHODS[0], "an objective no initiative serves"),
    Rule("W102", METHODS[0], "an initiative with no monetisable metric"),
    Rule("W103", METHODS[0], "a pilot measures a metric without value_per_unit"),
    Rule("W104", METHODS[0], "a metric without an actual reading"),
    Rule("W201", METHODS[1], "an audience with a gap kind not analysed"),
    Rule("W202", METHODS[1], "a gap with no evidence"),
    Rule("W301", METHODS[2], "a pilot result that isolates nothing"),
    Rule("W302", METHODS[2], "an initiative without a pilot"),
    Rule("W303", METHODS[2], "an isolation estimate without a confidence adjustment"),
    Rule("W304", METHODS[2], "a pilot that does not report reaction, learning or usage"),
    Rule("W305", METHODS[2], "a pilot whose results are learning numbers only"),
    Rule("W306", METHODS[2], "a pilot with no results"),
    Rule("W401", METHODS[3], "a briefed stakeholder with no needs"),
    Rule("W402", METHODS[3], "a briefed stakeholder with no benefits"),
    Rule("W403", METHODS[3], "a concern with no prepared answer"),
    Rule("W404", METHODS[3], "no sponsor"),
    Rule("W405", METHODS[3], "a sponsor without usage targets"),
    Rule("W501", METHODS[4], "a briefing without a showcase course"),
    Rule("W502", METHODS[4], "an ask that is not a decision"),
    Rule("W503", METHODS[4], "a meeting too short to leave a third for questions"),
)}


@dataclass(frozen=True)
class Accepted:
    """A warning the strategy accepts: the warning, where it was accepted, and why."""

    warning: Problem
    location: Location
    reason: str


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


@dataclass(frozen=True)
class _Check:
    """One rule applied to one subject; `problem` is None when it passes."""

    code: str
    owner: Path_  # the item whose `accept` may accept it
    problem: Problem | None = None


def review(loaded: LoadedStrategy, ignore: Collection[str] = ()) -> Readiness:
    """Review a valid strategy against the five methods; pure, no output."""
    ignore = {code.strip().upper() for code in ignore if code.strip()}
    checks = [c for c in _Reviewer(loaded).checks() if c.code not in ignore]
    meta = list(_unknown_codes(loaded, ignore))

    warnings: list[Problem] = []
    accepted: list[Accepted] = []
    used: set[tuple[Path_, str]] = set()
    passed: Counter[str] = Counter()
    applicable: Counter[str] = Counter()
    fired: dict[str, Counter[str]] = {name: Counter() for name in METHODS}
    for check in checks:
        method = RULES[check.code].method
        applicable[method] += 1
        if check.problem is None:
            passed[method] += 1
            continue
        holder = _acceptor(loaded, check.owner, check.code)
        if holder is None:
            warnings.append(check.problem)
            fired[method][check.code] += 1
            continue
        passed[method] += 1
        used.add((holder, check.code))
        accepted.append(Accepted(check.problem,
                                 loaded.sources.key_at(holder + ("accept", check.code)),
                                 _accepts(loaded, holder)[check.code]))
    meta.extend(_unused_accepts(loaded, used, ignore))

    methods = [MethodScore(name, _points(passed[name], applicable[name]), passed[name],
                           applicable[name], dict(sorted(fired[name].items())))
               for name in METHODS]
    return Readiness(warnings=sorted(warnings + [m for m in meta if m.code not in ignore],
                                     key=Problem.sort_key),
                     accepted=sorted(accepted, key=lambda a: a.warning.sort_key()),
                     score=sum(m.points for m in methods), methods=methods)


def _points(passed: int, applicable: int) -> int:
    if not applicable:
        return 0
    return (2 * POINTS_PER_METHOD * passed + applicable) // (2 * applicable)  # half up


# --- accepting ----------------------------------------------------------------------------

def _item(loaded: LoadedStrategy, path: Path_) -> Any:
    item: Any = loaded.strategy
    for part in path:
        item = item[part] if isinstance(part, int) else getattr(item, part)
    return item


def _accepts(loaded: LoadedStrategy, path: Path_) -> dict[str, str]:
    return getattr(_item(loaded, path), "accept", None) or {}


def _acceptor(loaded: LoadedStrategy, owner: Path_, code: str) -> Path_ | None:
    """The nearest item that accepts `code` for a warning on `owner`: itself, else the strategy."""
    for holder in (owner, ()):
        if code in _accepts(loaded, holder):
            return holder
    return None


def _accepting_items(loaded: LoadedStrategy) -> Iterator[Path_]:
    yield ()
    strategy = loaded.strategy
    for section in ("objectives", "metrics", "audiences", "initiatives", "pilots",
                    "stakeholders", "briefings"):
        for i in range(len(getattr(strategy, section))):
            yield (section, i)
    if strategy.sponsor is not None:
        yield ("sponsor",)


def _unknown_codes(loaded: LoadedStrategy, ignore: set[str]) -> Iterator[Problem]:
    known = ", ".join(code for code in RULES if RULES[code].method)
    for path in _accepting_items(loaded):
        for code in _accepts(loaded, path):
            if code not in RULES or RULES[code].method is None:
                where = path + ("accept", code)
                yield Problem(loaded.sources.key_at(where), "W001",
                              f"{dotted(where)}: unknown warning code '{code}' in accept; "
                              f"use one of {known}", "warning")
    first = loaded.sources.files[0] if loaded.sources.files else loaded.path
    for code in sorted(ignore):
        if code not in RULES:
            yield Problem(Location(first), "W002",
                          f"--ignore {code}: unknown warning code; use one of {known}"
                          + (" (errors cannot be ignored)" if code.startswith("E") else ""),
                          "warning")


def _unused_accepts(loaded: LoadedStrategy, used: set[tuple[Path_, str]],
                    ignore: set[str]) -> Iterator[Problem]:
    for path in _accepting_items(loaded):
        for code in _accepts(loaded, path):
            rule = RULES.get(code)
            if rule is None or rule.method is None or code in ignore or (path, code) in used:
                continue
            where = path + ("accept", code)
            yield Problem(loaded.sources.key_at(where), "W003",
                          f"{dotted(where)}: {code} ({rule.title}) does not fire "
                          f"{'here' if path else 'anywhere'}; remove this acceptance",
                          "warning")


# --- the meeting's length -----------------------------------------------------------------

# A meeting's presenting time: two minutes per objective, initiative and pilot it
# presents, two for the asks and three for the showcase; a third of the meeting stays
# for questions, so it needs presenting × 3/2 minutes, and never fewer than 15.
MINUTES_PER_ITEM, MINUTES_ASKS, MINUTES_SHOWCASE, MINUTES_FLOOR = 2, 2, 3, 15


# --- the rules ----------------------------------------------------------------------------

class _Reviewer:
    """Applies every rule to a strategy; `checks` yields one _Check per rule and subject."""

    def __init__(self, loaded: LoadedStrategy):
        self.s = loaded.strategy
        self.sources = loaded.sources
        self.metrics = {m.id: m for m in self.s.metrics}

    def checks(self) -> Iterator[_Check]:
        for rules in (self._results, self._gaps, self._prove, self._managers, self._meeting):
            yield from rules()

    def _check(self, code: str, owner: Path_, fails: bool, where: Location | None = None,
               message: str = "") -> _Check:
        if not fails:
            return _Check(code, owner)
        return _Check(code, owner, Problem(where or self.sources.at(owner), code, message,
                                           "warning"))

    def _at(self, path: Path_) -> Location:
        """A present value's key (or, in a list, the value); a missing one's parent mapping."""
        return self.sources.key_at(path)

    # W1xx: tie to business results
    def _results(self) -> Iterator[_Check]:
        served = {o for initiative in self.s.initiatives for o in initiative.objectives}
        for i, objective in enumerate(self.s.objectives):
            yield self._check("W101", ("objectives", i), objective.id not in served,
                              message=f"objectives[{i}]: no initiative serves '{objective.id}': "
                                      "add its id to an initiative's objectives, or drop the "
                                      "objective from the strategy")
        objectives = {o.id: o for o in self.s.objectives}
        for i, initiative in enumerate(self.s.initiatives):
            ids = [m for o in initiative.objectives for m in objectives[o].metrics]
            money = any(self.metrics[m].value_per_unit is not None for m in ids)
            yield self._check("W102", ("initiatives", i), not money,
                              self._at(("initiatives", i, "objectives")),
                              f"initiatives[{i}].objectives: no metric of its objectives "
                              f"({', '.join(dict.fromkeys(ids))}) has value_per_unit: add "
                              "value_per_unit (money gained per unit of improvement) to one, "
                              "so the case can be made in money")
        measured: dict[str, list[str]] = {}
        for pilot in self.s.pilots:
            for result in pilot.results:
                measured.setdefault(result.metric, []).append(pilot.id)
        for k, metric in enumerate(self.s.metrics):
            if metric.id in measured:
                pilots = list(dict.fromkeys(measured[metric.id]))
                yield self._check("W103", ("metrics", k), metric.value_per_unit is None,
                                  message=f"metrics[{k}]: '{metric.id}' is measured by "
                                          f"{'pilot' if len(pilots) == 1 else 'pilots'} "
                                          f"{', '.join(pilots)} but has no value_per_unit, so its result "
                                          "earns nothing in the ROI: add value_per_unit (money "
                                          "gained per unit of improvement)")
            yield self._check("W104", ("metrics", k), metric.actual is None,
                              message=f"metrics[{k}]: '{metric.id}' has no actual, so progress "
                                      "toward target shows 0%: add actual (the latest reading)")

    # W2xx: knowledge, skills and motivation
    def _gaps(self) -> Iterator[_Check]:
        hints = {"knowledge": "what is specific to the organisation that they do not know",
                 "skills": "what they need to practise",
                 "motivation": "what is in it for the learner"}
        for i, audience in enumerate(self.s.audiences):
            for kind, hint in hints.items():
                path = ("audiences", i, "gaps", kind)
                gaps = getattr(audience.gaps, kind)
                yield self._check("W201", ("audiences", i), not gaps, self._at(path),
                                  f"{dotted(path)}: {kind} gaps not analysed: add at least one "
                                  f"{{need, evidence, response}}: {hint}")
                for j, gap in enumerate(gaps):
                    yield self._check("W202", ("audiences", i), gap.evidence is None,
                                      self.sources.at(path + (j,)),
                                      f"{dotted(path + (j,))}: no evidence for '{gap.need}': add "
                                      "evidence (how you know: a survey, error logs, "
                                      "observation, exit interviews…)")

    # W3xx: prove it
    def _prove(self) -> Iterator[_Check]:
        piloted = {p.initiative for p in self.s.pilots}
        for i, initiative in enumerate(self.s.initiatives):
            yield self._check("W302", ("initiatives", i), initiative.id not in piloted,
                              message=f"initiatives[{i}]: '{initiative.id}' has no pilot: run "
                                      "one with a small group and add it to pilots, with "
                                      "before/after readings of a business metric")
        for i, pilot in enumerate(self.s.pilots):
            owner = ("pilots", i)
            for j, result in enumerate(pilot.results):
                path = owner + ("results", j)
                yield self._check("W301", owner, result.control_before is None
                                  and result.isolation is None, self.sources.at(path),
                                  f"{dotted(path)}: '{result.metric}' isolates nothing: add "
                                  "control_before/control_after readings from a comparison "
                                  "group, or an isolation estimate (the share due to the "
                                  "learning, 0–1)")
                if result.isolation is not None:
                    yield self._check("W303", owner, result.confidence is None,
                                      self._at(path + ("isolation",)),
                                      f"{dotted(path)}.isolation: the estimate {result.isolation:g} "
                                      "has no confidence adjustment: add confidence (how sure "
                                      "you are of the estimate, 0–1) so the figure is "
                                      "conservative")
            missing = [name for name in ("reaction", "learning", "usage")
                       if getattr(pilot, name) is None]
            yield self._check("W304", owner, bool(missing),
                              message=f"{dotted(owner)}: '{pilot.id}' does not report "
                                      f"{' or '.join(missing)}: add "
                                      + ", ".join(_PILOT_HINTS[m] for m in missing))
            yield self._check("W306", owner, not pilot.results, self._at(owner + ("results",)),
                              f"{dotted(owner)}.results: '{pilot.id}' measured no business "
                              "result: add before/after readings of a metric its initiative's "
                              "objectives track")
            if pilot.results:
                learning = [r.metric for r in pilot.results
                            if is_learning_number(self.metrics[r.metric].name,
                                                  self.metrics[r.metric].unit)]
                yield self._check("W305", owner, len(learning) == len(pilot.results),
                                  self._at(owner + ("results",)),
                                  f"{dotted(owner)}.results: every result ({', '.join(learning)}) "
                                  "is a learning number: add a result on a business metric "
                                  "the objective's owner tracks (errors, complaints, sales…) "
                                  "and keep scores in reaction, learning and usage")

    # W4xx: bring managers along
    def _managers(self) -> Iterator[_Check]:
        briefed = {b.stakeholder for b in self.s.briefings}
        objections = self.s.objections
        for k, person in enumerate(self.s.stakeholders):
            owner = ("stakeholders", k)
            if person.id in briefed:
                yield self._check("W401", owner, not person.needs, self._at(owner + ("needs",)),
                                  f"{dotted(owner)}: '{person.id}' is briefed but has no needs: "
                                  "ask them early what their staff need, and add it to needs")
                yield self._check("W402", owner, not person.benefits,
                                  self._at(owner + ("benefits",)),
                                  f"{dotted(owner)}: '{person.id}' is briefed but has no "
                                  "benefits: add what is in it for them, in their terms")
            for j, concern in enumerate(person.concerns):
                path = owner + ("concerns", j)
                yield self._check("W403", owner,
                                  answer_for(concern, objections) is None,
                                  self.sources.at(path),
                                  f"{dotted(path)}: no prepared answer to '{concern}': add "
                                  "an objection that states it, with a prepared response")
        sponsor = self.s.sponsor
        yield self._check("W404", (), sponsor is None, self._top(),
                          "no sponsor: add a sponsor (name, role, quote): a senior leader "
                          "whose endorsement managers will hear")
        if sponsor is not None:
            yield self._check("W405", ("sponsor",), not sponsor.usage_targets,
                              self._at(("sponsor", "usage_targets")),
                              "sponsor: no usage_targets: add the completion the sponsor "
                              "expects by period, e.g. {period: 2026-Q2, completion: 0.8}")

    def _top(self) -> Location:
        """The start of the file that holds the top-level scalar sections."""
        home = self.sources.key_at(("buyin",)).file
        keys = [src.key for path, src in self.sources.entries.items()
                if len(path) == 1 and src.key and src.key.file == home]
        return min(keys) if keys else Location(home)

    # W5xx: the meeting
    def _meeting(self) -> Iterator[_Check]:
        for i, briefing in enumerate(self.s.briefings):
            owner = ("briefings", i)
            yield self._check("W501", owner, briefing.showcase is None,
                              message=f"{dotted(owner)}: '{briefing.id}' has no showcase: add "
                                      "showcase {title, url}: the course to demo, so they see "
                                      "the learning, not just hear about it")
            for j, ask in enumerate(briefing.asks):
                why = decision_problem(ask)
                path = owner + ("asks", j)
                yield self._check("W502", owner, why is not None, self.sources.at(path),
                                  f"{dotted(path)}: '{ask}' is not a decision ({why}): start "
                                  "with what they decide, e.g. 'Approve…', 'Agree to…', "
                                  "'Release…', 'Nominate…'")
            presenting, parts = self._presenting(briefing)
            needed = max(MINUTES_FLOOR, -(-presenting * 3 // 2))
            yield self._check("W503", owner, briefing.minutes < needed,
                              self._at(owner + ("minutes",)),
                              f"{dotted(owner)}.minutes: {briefing.minutes} minutes leave less "
                              f"than a third for questions: presenting {parts} takes about "
                              f"{presenting} minutes, so book at least {needed} minutes or "
                              "focus on fewer objectives")

    def _presenting(self, briefing: Any) -> tuple[int, str]:
        """Minutes to present what a briefing covers, and a description of it."""
        focus = set(briefing.focus) or {o.id for o in self.s.objectives}
        initiatives = {x.id for x in self.s.initiatives if focus & set(x.objectives)}
        pilots = [p for p in self.s.pilots if p.initiative in initiatives]
        minutes = MINUTES_PER_ITEM * (len(focus) + len(initiatives) + len(pilots)) + MINUTES_ASKS
        parts = [plural(len(focus), "objective"), plural(len(initiatives), "initiative"),
                 plural(len(pilots), "pilot")]
        if briefing.showcase is not None:
            minutes += MINUTES_SHOWCASE
            parts.append("the showcase")
        return minutes, ", ".join(parts) + " and the asks"


_PILOT_HINTS = {"reaction": "reaction {score, scale} (how participants rated it)",
                "learning": "learning {pre, post} (assessment % before and after)",
                "usage": "usage {enrolled, completed}"}