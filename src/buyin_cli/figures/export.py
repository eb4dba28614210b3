"""The figures and their working as plain data, for `buyin roi --format json` and other tools.

Full precision; a figure that is undefined, or that overflowed, is None (JSON null).
"""

from __future__ import annotations

from typing import Any

from buyin_cli.errors import display_path
from buyin_cli.figures.compute import Figures, ResultFigures
from buyin_cli.figures.observed import Observed
from buyin_cli.figures.steps import Operand, Section
from buyin_cli.words import finite


def figures_json(figures: Figures) -> dict[str, Any]:
    """The object `buyin roi --format json` prints (docs/commands.md), plus extra keys.

    Full precision; an undefined figure (or one that overflowed) is None.
    """
    return {
        "currency": figures.currency,
        "metrics": {mid: {"progress_pct": finite(m.progress_pct),
                          "gap_annual_cost": finite(m.gap_annual_cost), "per": m.per,
                          "baseline": finite(m.baseline),
                          "target": finite(m.target), "actual": finite(m.actual),
                          "actual_given": m.actual_given}
                    for mid, m in figures.metrics.items()},
        "pilots": {pid: {"benefit": finite(p.benefit), "cost": finite(p.cost),
                         "roi_pct": finite(p.roi_pct), "initiative": p.initiative_id,
                         "monetised": p.monetised,
                         "results": {mid: _result_json(r) for mid, r in p.results.items()}}
                   for pid, p in figures.pilots.items()},
        "initiatives": {iid: {"rollout_benefit": finite(i.rollout_benefit),
                              "rollout_cost": finite(i.rollout_cost), "roi_pct": finite(i.roi_pct),
                              "bcr": finite(i.bcr), "payback_months": finite(i.payback_months),
                              "break_even_share": finite(i.break_even_share),
                              "roi_pct_at_half": finite(i.roi_pct_at_half),
                              "monetised": i.monetised,
                              "headcount": i.headcount, "one_off": finite(i.one_off),
                              "per_year": finite(i.per_year),
                              "per_participant": finite(i.per_participant),
                              "results_used": [{"pilot": r.pilot_id, "metric": r.metric_id}
                                               for r in i.results_used],
                              "years": [{"year": y.year, "benefit": finite(y.benefit),
                                         "cost": finite(y.cost),
                                         "cumulative_net": finite(y.cumulative_net),
                                         "discounted_net": finite(y.discounted_net)}
                                        for y in i.years],
                              "horizon_roi_pct": finite(i.horizon_roi_pct),
                              "npv": finite(i.npv), "discount_rate": finite(i.discount_rate),
                              "horizon_years": i.horizon_years,
                              "retention": finite(i.retention),
                              "observed": [_observed_json(o)
                                           for o in figures.observed.get(iid, ())]}
                        for iid, i in figures.initiatives.items()},
    }


def _observed_json(o: Observed) -> dict[str, Any]:
    """Actual against forecast: `observed` is what moved the metric, not isolated."""
    return {"metric": o.metric_id, "pilot": o.pilot_id, "per": o.per,
            "forecast_improvement": finite(o.forecast), "launch": o.launch.isoformat(),
            "before": finite(o.before), "before_period": o.before_period,
            "after": finite(o.after), "after_period": o.after_period,
            "observed_improvement": finite(o.observed), "isolated": False}


def _result_json(r: ResultFigures) -> dict[str, Any]:
    return {"improvement": finite(r.improvement), "attributable": finite(r.attributable),
            "pilot_annual_benefit": finite(r.pilot_annual_benefit),
            "rollout_annual_benefit": finite(r.rollout_annual_benefit),
            "per": r.per, "periods": r.periods,
            "control_improvement": finite(r.control_improvement), "has_control": r.has_control,
            "has_trend": r.has_trend, "trend_after": finite(r.trend_after),
            "isolation": finite(r.isolation), "confidence": finite(r.confidence),
            "estimates": [{"share": s, "confidence": c} for s, c in r.estimates],
            "value_per_unit": finite(r.value_per_unit), "scale": finite(r.scale)}


def explanation_json(sections: list[Section]) -> list[dict[str, Any]]:
    """The working as plain data for tools: numbers at full precision."""
    def plain(op: Operand) -> str:
        value = finite(op.value)
        return "n/a" if value is None else repr(value)

    return [{"title": s.title,
             "steps": [{"figure": st.figure, "formula": st.formula, "working": st.fill(plain),
                        "value": finite(st.result.value), "note": st.note_text,
                        "sources": [{"what": op.label, "file": display_path(where.file),
                                     "line": where.line, "col": where.col}
                                    for op in st.sources if (where := op.source)]}
                       for st in s.steps]}
            for s in sections]
