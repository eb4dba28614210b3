"""The working behind every figure, as data: formula, the strategy's own numbers, and where each was written.

`explain_figures` returns sections of steps; `buyin roi --explain` prints them and
the deck's appendix shows them. A step keeps its numbers as operands (value,
kind, source) rather than text, so each output writes them in the strategy's
locale; `Step.working` holds `{0}`-style slots for them. Nothing here computes a
figure: the values come from compute.py, so the working always matches.
"""

from __future__ import annotations

from buyin_cli.errors import Location
from buyin_cli.figures.compute import Figures, InitiativeFigures, ResultFigures, compute_figures
from buyin_cli.figures.steps import Operand, Section, Step
from buyin_cli.load.models import Initiative, Strategy
from buyin_cli.load.sourcemap import SourceMap
from buyin_cli.load.strategy import LoadedStrategy

_SUPERSCRIPT = {2: "²", 3: "³", 4: "⁴"}


def explain_figures(loaded: LoadedStrategy, figures: Figures | None = None) -> list[Section]:
    """The working of every figure of a loaded strategy (computed unless given)."""
    strategy = loaded.strategy
    return _Explainer(strategy, loaded.sources,
                      figures if figures is not None else compute_figures(strategy)).sections()


class _Explainer:
    def __init__(self, strategy: Strategy, sources: SourceMap, figures: Figures):
        self.strategy, self.sources, self.figures = strategy, sources, figures
        self.metric_at = {m.id: k for k, m in enumerate(strategy.metrics)}
        self.pilot_at = {p.id: k for k, p in enumerate(strategy.pilots)}
        self.audience_at = {a.id: k for k, a in enumerate(strategy.audiences)}
        self.initiative_at = {i.id: k for k, i in enumerate(strategy.initiatives)}

    def at(self, *path: str | int) -> Location:
        return self.sources.at(path)

    def sections(self) -> list[Section]:
        out = []
        if self.figures.metrics:
            out.append(Section("Metrics: progress toward target",
                               tuple(self.progress(mid) for mid in self.figures.metrics),
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
            note = "the target equals the baseline, so there is no distance to make progress on"
        return Step(f"progress of {metric_id}", "(actual − baseline) ÷ (target − baseline) × 100",
                    "({0} − {1}) ÷ ({2} − {1}) × 100", (actual, baseline, target),
                    Operand(m.progress_pct, "pct", "progress"), note)

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
        if r.has_control:
            steps.append(self._change(
                "control improvement", r.control_improvement, higher,
                Operand(pilot.results[r.index].control_before, "number", "control_before",
                        self.at(*res, "control_before")),
                Operand(pilot.results[r.index].control_after, "number", "control_after",
                        self.at(*res, "control_after"))))
        control = Operand(r.control_improvement, "number",
                          "control improvement" if r.has_control else "control (none: 0)")
        result = pilot.results[r.index]
        iso = self._fraction("isolation", r.isolation, result.isolation is not None, res)
        conf = self._fraction("confidence", r.confidence, result.confidence is not None, res)
        note = None
        if r.attributable < 0:
            note = "negative: the learning is credited with making this metric worse"
        elif r.has_control and r.attributable == 0 and r.improvement == r.control_improvement:
            note = "the control group moved as much as the pilot group: nothing is attributable"
        steps.append(Step("attributable", "(improvement − control) × isolation × confidence",
                          "({0} − {1}) × {2} × {3}",
                          (Operand(r.improvement, "number", "improvement"), control, iso, conf),
                          Operand(r.attributable, "number", "attributable"), note))
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
        rollout = Step("roll-out annual benefit", "pilot annual benefit × R", "{0} × {1}",
                       (Operand(r.pilot_annual_benefit, "money", "pilot annual benefit"),
                        Operand(r.scale, "number", "R")),
                       Operand(r.rollout_annual_benefit, "money", "roll-out annual benefit"))
        return [scale, rollout]

    # --- pilots ----------------------------------------------------------------------------

    def pilot_steps(self, pilot_id: str) -> tuple[Step, ...]:
        p = self.figures.pilots[pilot_id]
        i = self.pilot_at[pilot_id]
        priced = tuple(Operand(r.pilot_annual_benefit, "money", f"{mid} annual benefit")
                       for mid, r in p.results.items() if r.pilot_annual_benefit is not None)
        note = None
        if not priced:
            note = ("no result's metric has a value_per_unit, so the benefit is 0 and the ROI "
                    "only says that nothing was put in money")
        elif p.benefit < 0:
            note = "negative: the results the learning is credited with got worse"
        benefit = Step("pilot benefit", "Σ pilot annual benefit of the monetised results",
                       " + ".join(f"{{{n}}}" for n in range(len(priced))) or "0", priced,
                       Operand(p.benefit, "money", "pilot benefit"), note)
        cost = Operand(p.cost, "money", "cost", self.at("pilots", i, "cost"))
        roi = Step("pilot ROI", "(benefit − cost) ÷ cost × 100", "({0} − {1}) ÷ {1} × 100",
                   (Operand(p.benefit, "money", "benefit"), cost),
                   Operand(p.roi_pct, "pct", "ROI"),
                   "the pilot cost 0, so its ROI is undefined" if p.roi_pct is None else None)
        return benefit, roi

    # --- initiatives -----------------------------------------------------------------------

    def initiative_steps(self, initiative_id: str) -> tuple[Step, ...]:
        f = self.figures.initiatives[initiative_id]
        j = self.initiative_at[initiative_id]
        initiative = self.strategy.initiatives[j]
        used = tuple(Operand(r.rollout_annual_benefit, "money",
                             f"{r.metric_id}, pilot {r.pilot_id} ended",
                             self.at("pilots", self.pilot_at[r.pilot_id], "end"))
                     for r in f.results_used)
        if used:
            note = ("per metric, the pilot with the latest end counts (its end date is the "
                    "source shown)")
        elif f.pilot_ids:
            note = ("none of its pilots measured a metric with a value_per_unit, so the "
                    "roll-out benefit is 0")
        else:
            note = "no pilot of this initiative yet, so the roll-out benefit is 0"
        benefit = Step("roll-out benefit", "Σ roll-out annual benefit, latest pilot per metric",
                       " + ".join(f"{{{n}}}" for n in range(len(used))) or "0", used,
                       Operand(f.rollout_benefit, "money", "roll-out benefit"), note,
                       explains=bool(used))
        steps = [benefit, self._cost(initiative, j, f.headcount, f.rollout_cost)]
        b = Operand(f.rollout_benefit, "money", "benefit")
        c = Operand(f.rollout_cost, "money", "cost")
        free = "the roll-out costs 0, so this is undefined" if f.rollout_cost == 0 else None
        steps.append(Step("ROI", "(benefit − cost) ÷ cost × 100", "({0} − {1}) ÷ {1} × 100",
                          (b, c), Operand(f.roi_pct, "pct", "ROI"), free))
        steps.append(Step("benefit-cost ratio", "benefit ÷ cost", "{0} ÷ {1}", (b, c),
                          Operand(f.bcr, "ratio", "BCR"), free))
        never = "the benefit is not positive, so it never pays back"
        steps.append(Step("payback", "cost ÷ (benefit ÷ 12) months", "{1} ÷ ({0} ÷ 12)",
                          (b, c), Operand(f.payback_months, "months", "payback"),
                          never if f.payback_months is None else None))
        share_note = (never if f.break_even_share is None else
                      "even the full pilot effect does not pay back the cost"
                      if f.break_even_share > 1 else
                      "the share of the pilot effect that must hold at roll-out to break even")
        steps.append(Step("break-even share", "cost ÷ benefit", "{1} ÷ {0}", (b, c),
                          Operand(f.break_even_share, "share", "break-even share"), share_note,
                          explains=f.break_even_share is not None and f.break_even_share <= 1))
        steps.append(Step("ROI if half the effect holds", "(benefit × 0.5 − cost) ÷ cost × 100",
                          "({0} × 0.5 − {1}) ÷ {1} × 100", (b, c),
                          Operand(f.roi_pct_at_half, "pct", "ROI at half"), free))
        if f.horizon_years > 1:
            steps.extend(self._horizon(f, j))
        return tuple(steps)

    def _horizon(self, f: InitiativeFigures, j: int) -> list[Step]:
        """The years after the first: benefit kept at `retention`, per-year costs only."""
        h = f.horizon_years
        years = Operand(h, "count", "horizon_years", self.at("initiatives", j, "horizon_years"))
        kept = (Operand(f.retention, "number", "retention",
                        self.at("initiatives", j, "retention"))
                if "retention" in self.strategy.initiatives[j].model_fields_set
                else Operand(f.retention, "number", "retention (default 1)"))
        powers = " + ".join(["1", "{2}"] + [f"{{2}}{_SUPERSCRIPT[n]}" for n in range(2, h)])
        benefit = Step(f"benefit over {h} years", "roll-out benefit × Σ retention^(year − 1)",
                       f"{{0}} × ({powers})",
                       (Operand(f.rollout_benefit, "money", "roll-out benefit"), years, kept),
                       Operand(f.horizon_benefit, "money", f"benefit over {h} years"),
                       "each later year keeps the retention share of the year before; the "
                       "first year's figures stay the headline", explains=True)
        cost = Step(f"cost over {h} years", "roll-out cost + per-year costs × (years − 1)",
                    "{0} + {1} × ({2} − 1)",
                    (Operand(f.rollout_cost, "money", "roll-out cost"),
                     Operand(f.per_year, "money", "per-year costs"), years),
                    Operand(f.horizon_cost, "money", f"cost over {h} years"))
        roi = Step(f"ROI over {h} years", "(Σ benefit − Σ cost) ÷ Σ cost × 100",
                   "({0} − {1}) ÷ {1} × 100",
                   (Operand(f.horizon_benefit, "money", "benefit"),
                    Operand(f.horizon_cost, "money", "cost")),
                   Operand(f.horizon_roi_pct, "pct", f"ROI over {h} years"),
                   "the horizon costs 0, so this is undefined" if f.horizon_cost == 0 else None)
        return [benefit, cost, roi]

    def _cost(self, initiative: Initiative, j: int, headcount: int, total: float) -> Step:
        ops: list[Operand] = []
        terms: list[str] = []
        per_head: list[str] = []
        for n, cost in enumerate(initiative.costs):
            ops.append(Operand(cost.amount, "money" if cost.kind != "per-participant" else "rate",
                               f"{cost.kind}: {cost.item}",
                               self.at("initiatives", j, "costs", n, "amount")))
            (per_head if cost.kind == "per-participant" else terms).append(f"{{{n}}}")
        if per_head:
            heads = f"({' + '.join(per_head)})" if len(per_head) > 1 else per_head[0]
            ops.append(Operand(headcount, "count", "headcount of the audiences"))
            terms.append(f"{heads} × {{{len(ops) - 1}}}")
        return Step("roll-out cost", "Σ one-off + Σ per-year + Σ per-participant × headcount",
                    " + ".join(terms) or "0", tuple(ops),
                    Operand(total, "money", "roll-out cost"),
                    None if initiative.costs else "no costs are listed; add them, fully loaded")
