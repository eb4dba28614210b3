"""What changed between two versions of a strategy, written in a manager's terms for `buyin diff`.

"Parts scrapped fell from 4,700 to 4,420 parts per week (better)", "ROI of Safe
Hands rose from 189.3% to 212.0% (better)", "Ask 2 of coo-briefing now
approved". Formatting only: every change comes from figures/compare.py, every
number is written by numbers.py in the strategy's locale.
"""

from __future__ import annotations

from buyin_cli.figures.changes import Comparison, FigureChange, InputChange, MetricMoved
from buyin_cli.present.markdown import escape
from buyin_cli.present.numbers import Formatter

VERDICT = {"good": " (better)", "bad": " (worse)", "flat": ""}
FIGURE_NAMES = {"roi_pct": "ROI", "payback_months": "Payback",
                "rollout_benefit": "Annual benefit", "rollout_cost": "Cost"}


def change_sections(c: Comparison, w: Formatter, *, why: bool = False
                    ) -> list[tuple[str, list[str]]]:
    """The changes as (heading, lines), leaving out the headings with nothing under them;
    `why`: each figure written as before → after, with the inputs that moved it."""
    items = {section: [i for i in c.items if i.section == section]
             for section in ("metrics", "pilots", "initiatives", "briefings")}
    metrics = [_metric(m, w) for m in c.metrics]
    metrics += [f"Metric {i.label} {i.change}" for i in items["metrics"]]
    pilots = [f"Pilot {i.label} added ({i.id}, measuring {', '.join(i.detail) or 'nothing'})"
              if i.change == "added" else f"Pilot {i.label} removed ({i.id})"
              for i in items["pilots"]]
    pilots += [f"Pilot {r.group} now measures {r.metric_name}" for r in c.results]
    figures = [f"Initiative {i.label} {i.change}" for i in items["initiatives"]]
    # The causes once per initiative, on its first figure: they are the same for each.
    figures += [_figure_why(f, w, first=n == 0 or c.figures[n - 1].initiative_id != f.initiative_id)
                if why else _figure(f, w) for n, f in enumerate(c.figures)]
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


def diff_markdown(c: Comparison, name: str, since: str, until: str, w: Formatter) -> list[str]:
    """`buyin diff --format markdown`: a pull request comment, or a job summary's section.

    `since` and `until` name the versions for the reader (a commit and its day). The
    strategy's text is escaped: a name can neither format the comment nor mention anyone.
    """
    head = f"### What changed in {escape(name)}"
    versions = f"From {escape(since)} to {escape(until)}."
    if c.empty:
        return [head, "", versions, "", "No changes to its figures, asks, decisions or metrics."]
    lines = [head, "", versions]
    for heading, items in change_sections(c, w, why=True):
        lines += ["", f"**{heading}**", "", *(f"- {escape(item)}" for item in items)]
    return lines


def _figure_why(f: FigureChange, w: Formatter, first: bool) -> str:
    """ROI of Safe Hands 232.0% → 198.0% (worse), because the pilot's participants went from 24 to 40."""
    name = f"{FIGURE_NAMES[f.figure]} of {f.title}"
    text = f"{name} {_value(f, f.before, w)} → {_value(f, f.after, w)}{VERDICT[f.direction]}"
    if not f.causes or not first:
        return text
    pilots = {cause.id for cause in f.causes if cause.kind == "pilot"}
    shown = [_cause(cause, w, len(pilots) == 1) for cause in f.causes[:3]]
    more = len(f.causes) - len(shown)
    return (f"{text}, because {', '.join(shown[:-1]) + ' and ' if len(shown) > 1 else ''}"
            f"{shown[-1]}" + (f" (and {more} more)" if more else ""))


def _cause(cause: InputChange, w: Formatter, one_pilot: bool) -> str:
    where = " › ".join(part.replace("_", " ") for part in cause.field)
    # Never a possessive on a name: "Operators, both halls's headcount" reads wrong, "of" never does.
    owner = {"pilot": "the pilot's " + where if one_pilot else f"the {where} of pilot {cause.label}",
             "audience": f"the {where} of {cause.label}"}.get(cause.kind, "its " + where)
    return f"{owner} went from {w.number(cause.before)} to {w.number(cause.after)}"


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


def _value(f: FigureChange, value: float | None, w: Formatter) -> str:
    if f.figure == "roi_pct":
        return w.percent(value)
    if f.figure == "payback_months":
        return "never" if value is None else f"{w.number(value, 1)} months"
    return w.money(value)


def _figure(f: FigureChange, w: Formatter) -> str:
    def write(value: float | None) -> str:
        return _value(f, value, w)

    name = f"{FIGURE_NAMES[f.figure]} of {f.title}"
    if f.before is None or f.after is None:
        return f"{name} is now {write(f.after)}, was {write(f.before)}{VERDICT[f.direction]}"
    moved = "rose" if f.after > f.before else "fell"
    return f"{name} {moved} from {write(f.before)} to {write(f.after)}{VERDICT[f.direction]}"
