"""What the review doubts of the figures an item shows (W105, W301, W307, W308, W310, W315–W318), accepted or not."""

from __future__ import annotations

from buyin_cli.errors import Problem
from buyin_cli.figures.compute import Figures
from buyin_cli.load.models import Strategy
from buyin_cli.load.sourcemap import Path_
from buyin_cli.load.units import read_unit
from buyin_cli.present.view import DoubtView
from buyin_cli.review.score import Readiness

DOUBTED = ("W105", "W301", "W307", "W308", "W310", "W315", "W316", "W317", "W318")


def doubts_by_item(readiness: Readiness | None, strategy: Strategy,
                   figures: Figures) -> dict[tuple[str, str], list[DoubtView]]:
    """The doubts of each pilot and initiative, keyed ("pilots", id) or ("initiatives", id).

    An initiative also carries the doubts of the pilots whose results make its benefit, since
    its return shows them: an impossible figure (W307), a pilot too thin to stand for it (W308),
    a result it prices that isolates nothing (W301: neither a comparison group nor an
    isolation estimate, nor a trend or participants' estimates), a level it scales up as
    if it were a count (W317) and a result of a handful of events it prices (W318: raised only
    on a result a roll-out counts). Both also carry the doubt of a metric their benefit prices: revenue
    counted as benefit rather than the margin kept (W105).
    """
    found: dict[tuple[str, str], list[DoubtView]] = {}
    if readiness is None:
        return found

    def add(owner: Path_, code: str, reason: str | None) -> None:
        if len(owner) < 2 or owner[0] not in ("pilots", "initiatives") or code not in DOUBTED:
            return
        section, n = str(owner[0]), int(owner[1])
        key = (section, getattr(strategy, section)[n].id)
        if all(d.code != code for d in found.setdefault(key, [])):
            found[key].append(DoubtView(code, reason))

    # A metric's doubts, by its id: they reach the items whose benefit prices it.
    of_metric: dict[str, list[DoubtView]] = {}

    def note(owner: Path_, code: str, reason: str | None) -> None:
        if len(owner) == 2 and owner[0] == "metrics" and code in DOUBTED:
            of_metric.setdefault(strategy.metrics[int(owner[1])].id, []).append(DoubtView(code, reason))
        else:
            add(owner, code, reason)

    # A doubt raised once for several items (a roll-out's extraordinary return and its pilots')
    # is each one's, with the one acceptance's reason.
    for warning in readiness.warnings:
        for owner in readiness.about(warning) or ((),):
            note(owner, warning.code, None)
    for accepted in readiness.accepted:
        for owner in (accepted.owner,) + accepted.also:
            note(owner, accepted.warning.code, accepted.reason)
    at = {p.id: n for n, p in enumerate(strategy.pilots)}
    for pilot_id, pilot in figures.pilots.items():
        for r in pilot.results.values():
            for doubt in of_metric.get(r.metric_id, []) if r.pilot_annual_benefit is not None else []:
                add(("pilots", at[pilot_id]), doubt.code, doubt.reason)
    adds_up = {m.id: read_unit(m.unit).adds_up for m in strategy.metrics}
    # The results W301 doubts: nothing compares them, and no isolation below 1 discounts them.
    bare = {(p.id, r.metric) for p in strategy.pilots for r in p.results
            if r.control_before is None and r.trend_after is None and not r.estimates
            and r.isolation in (None, 1)}
    for n, initiative in enumerate(strategy.initiatives):
        for used in figures.initiatives[initiative.id].results_used:
            for doubt in of_metric.get(used.metric_id, []):
                add(("initiatives", n), doubt.code, doubt.reason)
            for doubt in found.get(("pilots", used.pilot_id), []):
                if doubt.code in ("W307", "W308", "W318") or (
                        doubt.code == "W301" and (used.pilot_id, used.metric_id) in bare) or (
                        doubt.code == "W317" and not adds_up[used.metric_id]):
                    add(("initiatives", n), doubt.code, doubt.reason)
    # A pilot too small to stand for a roll-out (W308) that no roll-out's figures rest on (one
    # superseded by a larger pilot): its slide must not say the roll-out is scaled up from it.
    rolled_out = {u.pilot_id for i in figures.initiatives.values() for u in i.results_used}
    for key, doubts in found.items():
        if key[0] == "pilots" and key[1] not in rolled_out:
            found[key] = [d for d in doubts if d.code != "W308"]
    return found


def impossible(readiness: Readiness) -> list[Problem]:
    """The impossible figures (W307) no one accepted: they stop `brief` but with --draft."""
    return [w for w in readiness.warnings if w.code == "W307"]
