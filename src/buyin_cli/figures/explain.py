"""The working behind every figure, as data: formula, the strategy's own numbers, and where each was written.

`explain_figures` returns sections of steps; `buyin roi --explain` prints them and
the deck's appendix shows them. A step keeps its numbers as operands (value,
kind, source) rather than text, so each output writes them in the strategy's
locale; `Step.working` holds `{0}`-style slots for them. Nothing here computes a
figure: the values come from compute.py, so the working always matches.
"""

from __future__ import annotations

from buyin_cli.errors import Location
from buyin_cli.figures.compute import PERIODS_PER_YEAR, Figures, ResultFigures, compute_figures
from buyin_cli.figures.initiative_steps import InitiativeSteps
from buyin_cli.figures.steps import N_, Operand, Section, Step
from buyin_cli.load.models import Strategy
from buyin_cli.load.sourcemap import SourceMap
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.load.units import read_unit

# The kinds of level a W317 note names (load.units.KIND_NAMES), for the catalogues.
_LEVEL_KINDS = (N_("a rate"), N_("an average"), N_("a level"), N_("a percentage"), N_("a score"), N_("a duration"))


def explain_figures(loaded: LoadedStrategy, figures: Figures | None = None) -> list[Section]:
    """The working of every figure of a loaded strategy (computed unless given)."""
    strategy = loaded.strategy
    return _Explainer(strategy, loaded.sources,
                      figures if figures is not None else compute_figures(strategy)).sections()


class _Explainer(InitiativeSteps):
    def __init__(self, strategy: Strategy, sources: SourceMap, figures: Figures):
        self.strategy, self.sources, self.figures = strategy, sources, figures
        at = strategy.index.at
        self.metric_at, self.pilot_at = at("metrics"), at("pilots")
        self.audience_at, self.initiative_at = at("audiences"), at("initiatives")

    def at(self, *path: str | int) -> Location:
        return self.sources.at(path)

    def sections(self) -> list[Section]:
        out = []
        if self.figures.metrics:
            out.append(Section("Metrics: progress toward target",
                               tuple(step for mid in self.figures.metrics
                                     for step in (self.progress(mid), self.gap_cost(mid))
                                     if step is not None),
                               ("metrics",)))
        for pid, pilot in self.figures.pilots.items():
            for mid, result in pilot.results.items():
                out.append(Section(f"Pilot {pid} · {self.metric_name(mid)}",
                                   self.result_steps(result), ("result", pid, mid)))
            out.append(Section(f"Pilot {pid}: benefit and ROI", self.pilot_steps(pid),
                               ("pilot", pid)))
        for iid in self.figures.initiatives:
            out.append(Section(f"Initiative {iid}: roll-out", self.initiative_steps(iid),
                               ("initiative", iid)))
        return out

    def metric_name(self, metric_id: str) -> str:
        return self.strategy.metrics[self.metric_at[metric_id]].name

    # --- metrics ---------------------------------------------------------------------------

    def progress(self, metric_id: str) -> Step:
        k = self.metric_at[metric_id]
        m = self.figures.metrics[metric_id]
        actual = (Operand(m.actual, "number", "actual", self.at("metrics", k, "actual"))
                  if m.actual_given else
                  Operand(m.actual, "number", "actual (none given: the baseline)"))
        baseline = Operand(m.baseline, "number", "baseline", self.at("metrics", k, "baseline"))
        target = Operand(m.target, "number", "target", self.at("metrics", k, "target"))
        note = None
        if m.progress_pct is None:
            note = N_("the target equals the baseline, so there is no distance to make progress on")
        return Step(f"progress of {metric_id}", "(actual − baseline) ÷ (target − baseline) × 100",
                    "({0} − {1}) ÷ ({2} − {1}) × 100", (actual, baseline, target),
                    Operand(m.progress_pct, "pct", "progress"), note)

    def gap_cost(self, metric_id: str) -> Step | None:
        """The cost of standing still: what the gap to target costs a year while it is open."""
        k = self.metric_at[metric_id]
        metric, m = self.strategy.metrics[k], self.figures.metrics[metric_id]
        if m.gap_annual_cost is None or metric.per is None:
            return None
        reading = Operand(m.actual, "number", "actual" if m.actual_given else "baseline",
                          self.at("metrics", k, "actual" if m.actual_given else "baseline"))
        target = Operand(m.target, "number", "target", self.at("metrics", k, "target"))
        ops = (*((target, reading) if metric.better == "higher" else (reading, target)),
               Operand(PERIODS_PER_YEAR[metric.per], "count", f"periods a year (per {metric.per})",
                       self.at("metrics", k, "per")),
               Operand(metric.value_per_unit, "rate", "value_per_unit",
                       self.at("metrics", k, "value_per_unit")))
        figure = f"yearly cost of the gap in {metric_id}"
        if m.gap_annual_cost == 0:
            return Step(figure, "0 once the target is met", "0", ops,
                        Operand(0.0, "money", figure), "the target is met: the gap costs nothing",
                        explains=True)
        formula = (f"({ops[0].label} − {ops[1].label}) × periods × value_per_unit "
                   f"({metric.better} is better)")
        return Step(figure, formula, "({0} − {1}) × {2} × {3}", ops,
                    Operand(m.gap_annual_cost, "money", figure),
                    "what standing still costs a year while the gap to target stays open",
                    explains=True)

    # --- pilot results ---------------------------------------------------------------------

    def result_steps(self, r: ResultFigures) -> tuple[Step, ...]:
        i = self.pilot_at[r.pilot_id]
        k = self.metric_at[r.metric_id]
        metric = self.strategy.metrics[k]
        pilot = self.strategy.pilots[i]
        res = ("pilots", i, "results", r.index)
        higher = metric.better == "higher"
        steps = [self._change("improvement", r.improvement, higher,
                              Operand(pilot.results[r.index].before, "number", "before",
                                      self.at(*res, "before")),
                              Operand(pilot.results[r.index].after, "number", "after",
                                      self.at(*res, "after")))]
        result = pilot.results[r.index]
        if r.has_control:
            steps.append(self._change(
                "control improvement", r.control_improvement, higher,
                Operand(result.control_before, "number", "control_before",
                        self.at(*res, "control_before")),
                Operand(result.control_after, "number", "control_after",
                        self.at(*res, "control_after"))))
        elif r.has_trend:
            steps.append(self._change(
                "trend change", r.control_improvement, higher,
                Operand(result.before, "number", "before", self.at(*res, "before")),
                Operand(result.trend_after, "number", "trend_after",
                        self.at(*res, "trend_after"))))
        control = Operand(r.control_improvement, "number",
                          "control improvement" if r.has_control else
                          "trend change" if r.has_trend else "control (none: 0)")
        improvement = Operand(r.improvement, "number", "improvement")
        if r.estimated:
            steps.append(self._estimates(r, res))
            steps.append(Step("attributable", "(improvement − control) × participants' estimate",
                              "({0} − {1}) × {2}",
                              (improvement, control,
                               Operand(r.isolation, "number", "participants' estimate")),
                              Operand(r.attributable, "number", "attributable"),
                              self._attributable_note(r)))
        else:
            iso = self._fraction("isolation", r.isolation, result.isolation is not None, res)
            conf = self._fraction("confidence", r.confidence, result.confidence is not None,
                                  res)
            steps.append(Step("attributable", "(improvement − control) × isolation × confidence",
                              "({0} − {1}) × {2} × {3}", (improvement, control, iso, conf),
                              Operand(r.attributable, "number", "attributable"),
                              self._attributable_note(r)))
        periods = Operand(r.periods, "count", f"periods a year (per {r.per})",
                          self.at(*res, "per"))
        if r.value_per_unit is None:
            steps.append(Step(
                "pilot annual benefit", "attributable × periods × value_per_unit", "{0} × {1} × ?",
                (Operand(r.attributable, "number", "attributable"), periods),
                Operand(None, "money", "pilot annual benefit"),
                f"metric {r.metric_id} has no value_per_unit, so this result is not put in "
                f"money; add value_per_unit to it (at {self.at('metrics', k)})",
                explains=True))  # the tables already say "not priced"
            return tuple(steps)
        value = Operand(r.value_per_unit, "rate", "value_per_unit",
                        self.at("metrics", k, "value_per_unit"))
        steps.append(Step("pilot annual benefit", "attributable × periods × value_per_unit",
                          "{0} × {1} × {2}",
                          (Operand(r.attributable, "number", "attributable"), periods, value),
                          Operand(r.pilot_annual_benefit, "money", "pilot annual benefit")))
        steps.extend(self._rollout(r, i))
        return tuple(steps)

    def _attributable_note(self, r: ResultFigures) -> str | None:
        if r.attributable < 0:
            return N_("negative: the learning is credited with making this metric worse")
        if r.has_control and r.attributable == 0 and r.improvement == r.control_improvement:
            return N_("the control group moved as much as the pilot group: nothing is attributable")
        if r.has_trend and r.attributable == 0 and r.improvement == r.control_improvement:
            return N_("the pre-pilot trend predicts the whole change: nothing is attributable")
        return None

    def _estimates(self, r: ResultFigures, res: tuple[str | int, ...]) -> Step:
        """Phillips' estimate method: the mean of each participant's share × confidence."""
        ops: list[Operand] = []
        for n, (share, confidence) in enumerate(r.estimates):
            at = res + ("estimates", n)
            ops += [Operand(share, "number", f"estimate {n + 1} share", self.at(*at, "share")),
                    Operand(confidence, "number", f"estimate {n + 1} confidence",
                            self.at(*at, "confidence"))]
        products = " + ".join(f"{{{2 * n}}} × {{{2 * n + 1}}}" for n in range(len(r.estimates)))
        count = len(r.estimates)
        working = f"({products}) ÷ {count}" if count > 1 else products
        return Step("participants' estimate", "mean of share × confidence over the estimates",
                    working, tuple(ops), Operand(r.isolation, "number", "participants' estimate"),
                    f"{count} participant{'s' if count > 1 else ''}' estimates of the share of "
                    "the change due to the learning, each discounted by their confidence",
                    explains=True)

    def _change(self, figure: str, value: float, higher: bool, before: Operand,
                after: Operand) -> Step:
        if higher:
            return Step(figure, f"{after.label} − {before.label} (higher is better)",
                        "{1} − {0}", (before, after), Operand(value, "number", figure))
        return Step(figure, f"{before.label} − {after.label} (lower is better)",
                    "{0} − {1}", (before, after), Operand(value, "number", figure))

    def _fraction(self, name: str, value: float, given: bool, res: tuple[str | int, ...]) -> Operand:
        if given:
            return Operand(value, "number", name, self.at(*res, name))
        return Operand(value, "number", f"{name} (default 1)")

    def _rollout(self, r: ResultFigures, i: int) -> list[Step]:
        pilot = self.strategy.pilots[i]
        j = self.initiative_at.get(pilot.initiative)
        if j is None or r.scale is None:
            return []
        audiences = self.strategy.initiatives[j].each_audience
        heads = tuple(Operand(self.strategy.audiences[self.audience_at[a]].headcount, "count",
                              f"headcount of {a}", self.at("audiences", self.audience_at[a],
                                                           "headcount"))
                      for a in audiences if a in self.audience_at)
        participants = Operand(pilot.participants, "count", "participants",
                               self.at("pilots", i, "participants"))
        total = " + ".join(f"{{{n}}}" for n in range(len(heads)))
        total = f"({total})" if len(heads) > 1 else total
        scale = Step("scale-up R", "Σ headcount of the initiative's audiences ÷ participants",
                     f"{total} ÷ {{{len(heads)}}}", heads + (participants,),
                     Operand(r.scale, "number", "R"),
                     f"scales the pilot's {pilot.participants} people up to the "
                     f"{sum(int(h.value or 0) for h in heads)} in the audiences of initiative "
                     f"{pilot.initiative}", explains=True)
        unit = read_unit(self.strategy.metrics[self.metric_at[r.metric_id]].unit)
        # The format scales every result by R; a level does not add up over people (W317).
        level = None if unit.adds_up or abs(r.scale - 1) < 1e-9 else N_(
            "%(kind)s, the same for a group of any size, multiplied by R as if it were a "
            "count: this holds only if its value_per_unit is what one unit is worth for the "
            "pilot group alone (%(group)s), not the whole audience (W317)")
        rollout = Step("roll-out annual benefit", "pilot annual benefit × R", "{0} × {1}",
                       (Operand(r.pilot_annual_benefit, "money", "pilot annual benefit"),
                        Operand(r.scale, "number", "R")),
                       Operand(r.rollout_annual_benefit, "money", "roll-out annual benefit"),
                       level if r.rollout_annual_benefit else None,
                       note_args=(("group", pilot.group),), note_words=(("kind", unit.kind_name),))
        return [scale, rollout]

    # --- pilots ----------------------------------------------------------------------------

    def pilot_steps(self, pilot_id: str) -> tuple[Step, ...]:
        p = self.figures.pilots[pilot_id]
        i = self.pilot_at[pilot_id]
        priced = tuple(Operand(r.pilot_annual_benefit, "money", f"{mid} annual benefit")
                       for mid, r in p.results.items() if r.pilot_annual_benefit is not None)
        note = None
        if not priced:
            note = N_("no result's metric has a value_per_unit, so its return is not priced: "
                      "the benefit of 0 and its ROI only say that nothing was put in money")
        elif p.benefit < 0:
            note = N_("negative: the results the learning is credited with got worse")
        benefit = Step("pilot benefit", "Σ pilot annual benefit of the monetised results",
                       " + ".join(f"{{{n}}}" for n in range(len(priced))) or "0", priced,
                       Operand(p.benefit, "money", "pilot benefit"), note)
        cost = Operand(p.cost, "money", "cost", self.at("pilots", i, "cost"))
        roi = Step("pilot ROI", "(benefit − cost) ÷ cost × 100", "({0} − {1}) ÷ {1} × 100",
                   (Operand(p.benefit, "money", "benefit"), cost),
                   Operand(p.roi_pct, "pct", "ROI"),
                   "the pilot cost 0, so its ROI is undefined" if p.roi_pct is None else None)
        return benefit, roi
