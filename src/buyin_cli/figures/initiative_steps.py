"""The working of an initiative's roll-out: its benefit, cost, ROI, payback, and the years ahead.

Part of the working (explain.py), which mixes these steps into its explainer: they
read the same strategy, sources and figures.
"""

from __future__ import annotations

from buyin_cli.errors import Location
from buyin_cli.figures.compute import Figures, InitiativeFigures
from buyin_cli.figures.steps import N_, Operand, Step
from buyin_cli.load.models import Initiative, Strategy

_SUPERSCRIPT = {2: "²", 3: "³", 4: "⁴"}


class InitiativeSteps:
    """The initiative steps of the explainer; it provides the attributes declared here."""

    strategy: Strategy
    figures: Figures
    pilot_at: dict[str, int]
    initiative_at: dict[str, int]

    def at(self, *path: str | int) -> Location:
        raise NotImplementedError

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
            note = N_("per metric, the pilot with the latest end counts (its end date is the "
                      "source shown)")
        elif f.pilot_ids:
            note = N_("none of its pilots measured a metric with a value_per_unit, so its "
                      "return is not priced (the roll-out benefit is 0)")
        else:
            note = N_("no pilot of this initiative yet, so its return is not priced (the roll-out "
                      "benefit is 0)")
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
        # Not priced is not a loss: the benefit's note says why there is no payback.
        never = N_("the benefit is not positive, so it never pays back") if used else None
        steps.append(Step("payback", "cost ÷ (benefit ÷ 12) months", "{1} ÷ ({0} ÷ 12)",
                          (b, c), Operand(f.payback_months, "months", "payback"),
                          never if f.payback_months is None else None))
        share_note = (never if f.break_even_share is None else
                      N_("even the full pilot effect does not pay back the cost")
                      if f.break_even_share > 1 else
                      N_("the share of the pilot effect that must hold at roll-out to break even"))
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
        decay = (N_("each later year keeps the retention share of the year before; the first "
                    "year's figures stay the headline") if kept.source is not None else
                 N_("no retention is given, so this assumes no decay: every later year keeps the "
                    "whole first year's benefit; the first year's figures stay the headline"))
        benefit = Step(f"benefit over {h} years", "roll-out benefit × Σ retention^(year − 1)",
                       f"{{0}} × ({powers})",
                       (Operand(f.rollout_benefit, "money", "roll-out benefit"), years, kept),
                       Operand(f.horizon_benefit, "money", f"benefit over {h} years"),
                       decay, explains=kept.source is not None)
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
                   N_("the horizon costs 0, so this is undefined") if f.horizon_cost == 0 else None)
        return [benefit, cost, roi, self._npv(f)]

    def _npv(self, f: InitiativeFigures) -> Step:
        """NPV = Σ (benefit − cost) ÷ (1 + r)^(year − 1): year one is today's money."""
        given = "discount_rate" in self.strategy.model_fields_set
        rate = Operand(f.discount_rate, "number", "discount_rate" if given else
                       "discount_rate (default 0)", self.at("discount_rate") if given else None)
        ops: list[Operand] = []
        terms: list[str] = []
        for y in f.years:
            ops += [Operand(y.benefit, "money", f"year {y.year} benefit"),
                    Operand(y.cost, "money", f"year {y.year} cost")]
            net = f"({{{len(ops) - 2}}} − {{{len(ops) - 1}}})"
            power = "" if y.year == 2 else _SUPERSCRIPT.get(y.year - 1, "")
            terms.append(net if y.year == 1 else f"{net} ÷ (1 + {{{2 * len(f.years)}}}){power}")
        note = (None if given else N_("no discount_rate is given, so later years count at full "
                                       "value; finance will ask for the organisation's rate"))
        return Step("net present value", "Σ (benefit − cost) ÷ (1 + discount_rate)^(year − 1)",
                    " + ".join(terms), (*ops, rate), Operand(f.npv, "money", "NPV"), note,
                    explains=True)

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
                    None if initiative.costs else N_("no costs are listed; add them, fully loaded"))
