"""What changed between two versions of a strategy, written in a manager's terms for `buyin diff`.

"Parts scrapped fell from 4,700 to 4,420 parts per week (better)", "ROI of Safe
Hands rose from 189.3% to 212.0% (better)", "Ask 2 of coo-briefing now
approved". Formatting only: every change comes from figures/compare.py, every
number is written by numbers.py in the strategy's locale.
"""

from __future__ import annotations

from buyin_cli.figures.changes import Comparison, FigureChange, MetricMoved
from buyin_cli.present.numbers import Formatter

VERDICT = {"good": " (better)", "bad": " (worse)", "flat": ""}
FIGURE_NAMES = {"roi_pct": "ROI", "payback_months": "Payback",
                "rollout_benefit": "Annual benefit", "rollout_cost": "Cost"}


def change_sections(c: Comparison, w: Formatter) -> list[tuple[str, list[str]]]:
    """The changes as (heading, lines), leaving out the headings with nothing under them."""
    items = {section: [i for i in c.items if i.section == section]
             for section in ("metrics", "pilots", "initiatives", "briefings")}
    metrics = [_metric(m, w) for m in c.metrics]
    metrics += [f"Metric {i.label} {i.change}" for i in items["metrics"]]
    pilots = [f"Pilot {i.label} added ({i.id}, measuring {', '.join(i.detail) or 'nothing'})"
              if i.change == "added" else f"Pilot {i.label} removed ({i.id})"
              for i in items["pilots"]]
    pilots += [f"Pilot {r.group} now measures {r.metric_name}" for r in c.results]
    figures = [f"Initiative {i.label} {i.change}" for i in items["initiatives"]]
    figures += [_figure(f, w) for f in c.figures]
    asks = [f"Briefing {i.id} {i.change}" for i in items["briefings"]]
    asks += [f"{h.briefing_id} held on {w.date(h.held)}" for h in c.held]
    for a in c.asks:
        text = a.after if a.change != "removed" else a.before
        asks.append(f"Ask {a.number} of {a.briefing_id} {a.change}: {text}")
    for d in c.decisions:
        asks.append(f"Ask {d.number} of {d.briefing_id} now {d.after}"
                    + (f": {d.note}" if d.note else "") if d.after
                    else f"Ask {d.number} of {d.briefing_id} no longer has a decision recorded")
    for f in c.follow_ups:
        what = {"added": "agreed and done" if f.done else "agreed", "done": "done",
                "reopened": "reopened", "removed": "removed"}[f.change]
        asks.append(f"Follow-up of {f.briefing_id} {what}: {f.action}"
                    + (f" ({f.owner}, due {w.date(f.due)})" if f.change == "added" else ""))
    rollout = []
    for launch in c.launches:
        if launch.after is None:
            rollout.append(f"{launch.title}: launch date removed")
        elif launch.before is None:
            rollout.append(f"{launch.title} launched on {w.date(launch.after)}")
        else:
            rollout.append(f"{launch.title}: launch moved from {w.date(launch.before)} to "
                           f"{w.date(launch.after)}")
    rollout += [f"{u.title}: {w.number(u.completed)} of {w.number(u.headcount)} completed by "
                f"{u.period} ({w.percent(u.completion * 100, 0)})" for u in c.uptake]
    sections = [("Metrics", metrics), ("Pilots and results", pilots), ("Figures", figures),
                ("Asks and decisions", asks), ("Roll-out", rollout)]
    return [(heading, lines) for heading, lines in sections if lines]


def diff_report(c: Comparison, name: str, w: Formatter) -> list[str]:
    """`buyin diff`'s text: a heading line, then each section's changes, indented."""
    if c.empty:
        return [f"No changes to {name} from {c.since} to {c.until}."]
    lines = [f"Changes to {name} from {c.since} to {c.until}:"]
    for heading, items in change_sections(c, w):
        lines += ["", heading, *(f"  {item}" for item in items)]
    return lines


def _metric(m: MetricMoved, w: Formatter) -> str:
    new = f"; new readings for {', '.join(m.new_readings)}" if m.new_readings else ""
    if m.revised_readings:
        new += f"; revised readings for {', '.join(m.revised_readings)}"
    if m.after is None or m.before is None:
        return f"{m.name} has no reading any more{new}"
    if m.before == m.after:
        return f"{m.name} held at {w.number(m.after)} {m.unit}{new}"
    moved = "rose" if m.after > m.before else "fell"
    return (f"{m.name} {moved} from {w.number(m.before)} to {w.number(m.after)} {m.unit}"
            f"{VERDICT[m.direction]}{new}")


def _figure(f: FigureChange, w: Formatter) -> str:
    def write(value: float | None) -> str:
        if f.figure == "roi_pct":
            return w.percent(value)
        if f.figure == "payback_months":
            return "never" if value is None else f"{w.number(value, 1)} months"
        return w.money(value)

    name = f"{FIGURE_NAMES[f.figure]} of {f.title}"
    if f.before is None or f.after is None:
        return f"{name} is now {write(f.after)}, was {write(f.before)}{VERDICT[f.direction]}"
    moved = "rose" if f.after > f.before else "fell"
    return f"{name} {moved} from {write(f.before)} to {write(f.after)}{VERDICT[f.direction]}"
