"""A large, realistic strategy of N records, written as a folder of YAML files, for the benchmarks.

    python bench/make_strategy.py 10000 /tmp/strategy-10k [--seed 1]

A record is one item of a list section. The sections keep the proportions of a
big organisation's strategy (per 100 records: 4 objectives, 10 metrics, 4
audiences, 6 initiatives, 45 pilots, 6 stakeholders, 20 objections, 5 briefings)
and every reference lands on a neighbour, so the strategy reads like many
business units side by side: each initiative has several pilots, each pilot
measures two or three metrics of its initiative's objectives, most stakeholder
concerns have an objection that restates them and many objections cite a pilot.
The output is valid for `buyin check` (warnings, such as a missing confidence or
an ask that is not a decision, fire now and then, as in real strategies) and
the same N and seed always give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml
from words import CONCERNS, FIRST, FORMATS, LAST, QUOTES, ROLES, SEASONS, UNITS

SHARES = {"objectives": 4, "metrics": 10, "audiences": 4, "initiatives": 6, "pilots": 45,
          "stakeholders": 6, "objections": 20, "briefings": 5}
CHUNK = 250  # items per file for the sections other than pilots

def counts(records: int) -> dict[str, int]:
    """Records per section, in SHARES' proportions, at least one each, summing to `records`."""
    if records < len(SHARES):
        raise ValueError(f"a strategy needs at least {len(SHARES)} records, one per section")
    total = sum(SHARES.values())
    exact = {name: max(1.0, records * share / total) for name, share in SHARES.items()}
    result = {name: int(value) for name, value in exact.items()}
    by_remainder = sorted(SHARES, key=lambda name: exact[name] - result[name], reverse=True)
    for name in by_remainder[: records - sum(result.values())]:
        result[name] += 1
    return result


def near(i: int, n_from: int, n_to: int) -> int:
    """The item of a section of `n_to` that sits where item `i` of `n_from` sits."""
    return min(n_to - 1, i * n_to // n_from)


def generate(records: int, seed: int = 1) -> dict[str, list[dict]]:
    """The strategy's sections (plus 'strategy', the top level), as plain data."""
    return _Maker(records, seed).sections()


class _Maker:
    """Builds the sections in reference order, each item from its neighbours in the others."""

    def __init__(self, records: int, seed: int):
        self.rng = random.Random(seed)
        self.n = counts(records)

    def near(self, i: int, section: str, other: str) -> int:
        return near(i, self.n[section], self.n[other])

    def unit(self, i: int, section: str) -> tuple:
        """The business unit of item `i`: every three metrics are one unit's."""
        return UNITS[self.near(i, section, "metrics") // 3 % len(UNITS)]

    def site(self, i: int, section: str) -> str:
        return f"{self.unit(i, section)[0]} {self.near(i, section, 'metrics') // 3 + 1}"

    def sections(self) -> dict[str, list[dict]]:
        made: dict[str, list[dict]] = {}
        for name in ("metrics", "objectives", "audiences", "initiatives", "pilots",
                     "stakeholders", "objections", "briefings"):
            made[name] = [getattr(self, name[:-1])(i, made) for i in range(self.n[name])]
            if name == "objectives":  # what the pilots will look up
                self.metric_by_id = {m["id"]: m for m in made["metrics"]}
                self.goals = {o["id"]: o["metrics"] for o in made["objectives"]}
            if name == "stakeholders":  # what the objections restate
                self.concerns = [c for s in made["stakeholders"] for c in s["concerns"]]
        top = {"buyin": 1, "organisation": "Meridian Group (generated for benchmarks)",
               "title": "Fewer losses in every business unit", "currency": "GBP",
               "presenter": {"name": "Sam Carter", "role": "Head of Learning"},
               "sponsor": {"name": "Richard Hale", "role": "Chief Executive",
                           "quote": "Every loss we prevent pays for the learning twice.",
                           "usage_targets": [{"period": "2026-Q2", "completion": 0.8}]}}
        return {"strategy": [top], **made}

    def metric(self, i: int, made: dict) -> dict:
        rng = self.rng
        name, measure, better, base, target, money = self.unit(i, "metrics")[2][i % 3]
        step = (target - base) / 8
        metric = {"id": f"m{i}-{slug(name)}", "name": f"{name}, {self.site(i, 'metrics')}",
                  "unit": measure, "better": better, "baseline": base, "target": target,
                  "actual": round(base + step * rng.randint(0, 5), 2)}
        if money is not None:
            metric["value_per_unit"] = round(money * rng.uniform(0.8, 1.2), 2)
        elif rng.random() < 0.5:
            metric["accept"] = {"W103": "Not valued on purpose; its money shows up in the "
                                        "metrics next to it, which are valued."}
        metric["source"] = f"{self.unit(i, 'metrics')[1].capitalize()} monthly report"
        metric["history"] = [{"period": f"2025-{month:02d}",
                              "value": round(base + step * (month - 1) * rng.uniform(0.3, 1), 2)}
                             for month in range(1, rng.randint(4, 7))]
        return metric

    def objective(self, i: int, made: dict) -> dict:
        rng = self.rng
        first = self.near(i, "objectives", "metrics")
        first -= first % 3
        unit = range(first, min(first + 3, self.n["metrics"]))  # its business unit's metrics
        picked = rng.sample(unit, min(len(unit), rng.randint(2, 3)))
        return {"id": f"o{i}-goal", "title": f"{'Cut' if rng.random() < 0.7 else 'Grow'} the "
                f"{self.unit(i, 'objectives')[1]}'s losses at {self.site(i, 'objectives')}",
                "owner": f"{person(rng)}, {rng.choice(ROLES)}",
                "driver": "pain" if rng.random() < 0.7 else "gain",
                "metrics": sorted(made["metrics"][m]["id"] for m in picked)}

    def audience(self, i: int, made: dict) -> dict:
        where = self.site(i, "audiences")
        return {"id": f"a{i}-staff", "name": f"Front-line staff, {where}",
                "headcount": self.rng.randint(40, 600),
                "gaps": {kind: [gap(self.rng, kind, where, k)
                                for k in range(self.rng.randint(1, 2))]
                         for kind in ("knowledge", "skills", "motivation")}}

    def initiative(self, i: int, made: dict) -> dict:
        rng, objectives = self.rng, made["objectives"]
        o = self.near(i, "initiatives", "objectives")
        costs = [{"item": "Design and build the modules", "amount": rng.randint(8, 60) * 1000,
                  "kind": "one-off"},
                 {"item": "Platform licences and content updates",
                  "amount": rng.randint(3, 20) * 1000, "kind": "per-year"},
                 {"item": "Participants' time, cover included", "amount": rng.randint(40, 800),
                  "kind": "per-participant"}]
        also = min(o + rng.randint(0, 1), len(objectives) - 1)
        return {"id": f"i{i}-programme", "title": f"Right first time at {self.site(i, 'initiatives')}",
                "format": rng.choice(FORMATS),
                "audiences": [made["audiences"][self.near(i, "initiatives", "audiences")]["id"]],
                "objectives": sorted({objectives[o]["id"], objectives[also]["id"]}),
                "costs": costs[: rng.randint(2, 3)]}

    def pilot(self, i: int, made: dict) -> dict:
        rng, where = self.rng, self.site(i, "pilots")
        initiative = made["initiatives"][self.near(i, "pilots", "initiatives")]
        candidates = sorted({m for o in initiative["objectives"] for m in self.goals[o]})
        start = date(2024, 1, 1) + timedelta(days=rng.randint(0, 500))
        people = rng.randint(6, 60)
        pilot = {"id": f"p{i}-{initiative['id']}", "initiative": initiative["id"],
                 "group": f"Team {i + 1}, {where}", "participants": people,
                 "start": start, "end": start + timedelta(days=rng.randint(30, 200)),
                 "cost": rng.randint(20, 250) * 100,
                 "reaction": {"score": round(rng.uniform(3.2, 4.9), 1), "scale": 5},
                 "learning": {"pre": rng.randint(35, 65), "post": rng.randint(66, 95)},
                 "usage": {"enrolled": people, "completed": rng.randint(people // 2, people)},
                 "quotes": [{"text": text, "by": f"Participant, {where}"}
                            for text in rng.sample(QUOTES, rng.randint(1, 2))],
                 "results": [result(rng, self.metric_by_id[m]) for m in
                             rng.sample(candidates, min(len(candidates), rng.randint(2, 3)))]}
        if rng.random() < 0.2:
            del pilot["learning"]
            pilot["accept"] = {"W304": "Coaching on the floor has no assessment; we report "
                                       "reaction, usage and the results it moved."}
        return pilot

    def stakeholder(self, i: int, made: dict) -> dict:
        where, what = self.site(i, "stakeholders"), self.unit(i, "stakeholders")[1]
        said = [template.format(season=self.rng.choice(SEASONS), site=where, what=what)
                for template in self.rng.sample(CONCERNS, self.rng.randint(2, 3))]
        return {"id": f"s{i}-lead", "name": person(self.rng), "role": self.rng.choice(ROLES),
                "concerns": said, "needs": [f"People at {where} who fix problems the first time"],
                "benefits": [f"Fewer losses at {where}, inside the financial year"]}

    def objection(self, i: int, made: dict) -> dict:
        if i % 2 == 0 and i // 2 < len(self.concerns):  # a concern restated: it has an answer
            text = self.concerns[i // 2] + "?"
        else:
            text = f"Results at {self.site(i, 'objections')} came from something else, not the training."
        objection = {"objection": text, "response": "The pilot compared a similar team that was "
                     "not trained, and we credit only part of the gain."}
        if self.rng.random() < 0.6:
            objection["evidence"] = made["pilots"][self.near(i, "objections", "pilots")]["id"]
        return objection

    def briefing(self, i: int, made: dict) -> dict:
        rng = self.rng
        person_ = made["stakeholders"][self.near(i, "briefings", "stakeholders")]
        initiative = made["initiatives"][self.near(i, "briefings", "initiatives")]
        briefing = {"id": f"b{i}-{person_['id']}", "stakeholder": person_["id"],
                    "date": date(2025, 9, 1) + timedelta(days=rng.randint(0, 120)),
                    "minutes": rng.choice([30, 45, 60]),
                    "opening_question": f"Would fewer losses at {self.site(i, 'briefings')} "
                                        "help this year?",
                    "asks": [f"Approve the roll-out of {initiative['title']}",
                             rng.choice(["Agree to release each person for three hours",
                                         "Discuss the schedule for next quarter"])],
                    "focus": initiative["objectives"][:1]}
        if rng.random() < 0.8:
            briefing["showcase"] = {"title": f"{initiative['title']}: module 1",
                                    "url": f"https://learning.example/{initiative['id']}/1"}
        return briefing


def gap(rng: random.Random, kind: str, where: str, k: int) -> dict:
    text = {"knowledge": f"Know the {k + 1} tasks where errors happen at {where}",
            "skills": f"Practise the {k + 1} hardest routines at {where} under time pressure",
            "motivation": f"See what is in it for them at {where}, reason {k + 1}"}[kind]
    found = {"need": text, "response": "Short modules on our own cases, then practice with feedback"}
    if rng.random() < 0.85:
        found["evidence"] = f"Incident review at {where}: {rng.randint(5, 40)} cases in 2024"
    return found


def result(rng: random.Random, metric: dict) -> dict:
    sign = 1 if metric["better"] == "higher" else -1
    span = abs(metric["target"] - metric["baseline"]) or 1
    before = round(metric["baseline"] * rng.uniform(0.9, 1.1), 2)
    row = {"metric": metric["id"], "per": rng.choice(["week", "month", "quarter"]),
           "before": before, "after": round(before + sign * span * rng.uniform(0.1, 0.6), 2)}
    if rng.random() < 0.7:
        row["control_before"] = round(before * rng.uniform(0.95, 1.05), 2)
        row["control_after"] = round(row["control_before"] + sign * span * rng.uniform(0, 0.1), 2)
    if rng.random() < 0.6:
        row["isolation"] = round(rng.uniform(0.5, 0.9), 2)
        if rng.random() < 0.9:
            row["confidence"] = round(rng.uniform(0.5, 0.9), 2)
    return row


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Written out in full, as a person would: no anchors or aliases."""

    def ignore_aliases(self, data) -> bool:  # noqa: ANN001 - PyYAML's signature
        return True


def write(sections: dict[str, list[dict]], out: Path) -> list[Path]:
    """One file for the top level, one per initiative's pilots, and the other sections in chunks."""
    files: dict[Path, dict] = {out / "strategy.yaml": sections["strategy"][0]}
    pilots: dict[str, list[dict]] = {}
    for pilot in sections["pilots"]:
        pilots.setdefault(pilot["initiative"], []).append(pilot)
    for initiative, items in pilots.items():
        files[out / "pilots" / f"{initiative}.yaml"] = {"pilots": items}
    for name, items in sections.items():
        if name in ("strategy", "pilots"):
            continue
        for k in range(0, len(items), CHUNK):
            files[out / name / f"{k // CHUNK + 1:03d}.yaml"] = {name: items[k:k + CHUNK]}
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)
        path.write_text(text, encoding="utf-8")
    return sorted(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=int, help="how many records (list items) to write")
    parser.add_argument("out", type=Path, help="folder to write; must not exist or be empty")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        parser.error(f"{args.out} exists and is not an empty folder")
    try:
        files = write(generate(args.records, args.seed), args.out)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"wrote {args.records} records in {len(files)} files to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
