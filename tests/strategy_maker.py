"""A seeded maker of valid strategies that vary in structure, not only in text.

Each seed gives one strategy: 1–4 objectives, initiatives and pilots; pilots with and
without a comparison group, isolation, confidence and application; zero-cost
initiatives and pilots; plain, named and linked asks; asks for a pilot of an initiative
or for support, which price nothing; asks outside the focus; group
stakeholders; concerns answered in other words, by an answer citing the pilot they
name, or not at all; long names with commas; counts, rates, percentages, scores, durations
and money as units; cost categories; monthly histories that pilots are marked on;
English and German; meetings of 10 to 60 minutes with and without focus. `check` is
the gate: the deck tests keep only what it accepts.
"""

from __future__ import annotations

import random
from typing import Any

from buyin_cli.load.models import Pilot

# The comparison group's name is newer than the rest of the format: named once the
# model has it.
NAMED_CONTROL = "control_group" in Pilot.model_fields

# A metric as a strategy writes it, per language, with how its readings behave:
# (English name, English unit, German name, German unit, baseline range, better,
# summed over a period, decimals, values of one unit).
UNITS: list[tuple[Any, ...]] = [
    ("Lost-time incidents", "incidents", "Arbeitsunfälle mit Ausfallzeit", "Unfälle",
     (20, 60), "lower", True, 0, [4200, 12800]),
    ("Customer complaints, written and by phone", "complaints", "Beschwerden", "Beschwerden",
     (80, 300), "lower", True, 0, [45, 130]),
    ("Mis-picks", "errors per 10,000 lines", "Fehlkommissionierungen", "Fehler je 10.000 Zeilen",
     (30, 60), "lower", False, 1, [300, 900]),
    ("First-contact resolution", "% of calls resolved first time", "Erstlösungsquote",
     "% der Anrufe im ersten Kontakt gelöst", (55, 75), "higher", False, 1, [2000, 5000]),
    ("On-time deliveries", "% of deliveries on time", "Termintreue", "Prozent der Lieferungen",
     (40, 70), "higher", False, 1, [1500]),
    ("Customer satisfaction", "points on a 10-point scale", "Kundenzufriedenheit",
     "Punkte auf einer 10er-Skala", (5, 7), "higher", False, 2, [20000]),
    ("Average handling time", "seconds per call", "Bearbeitungszeit", "Sekunden je Anruf",
     (300, 420), "lower", False, 0, [150, 400]),
    ("Turnaround time", "minutes", "Rüstzeit", "Minuten", (30, 50), "lower", False, 1,
     [800, 2000]),
    ("Rework", "hours of rework", "Nacharbeit", "Stunden Nacharbeit", (200, 400), "lower", True,
     0, [38, 55]),
    # Money written as the strategy's own currency sign: its figures read "£20,250", "20.250 €".
    ("Write-offs", "{sign} of write-offs", "Abschreibungen", "{sign}",
     (20000, 40000), "lower", True, 0, [1]),
    ("Staff turnover", "leavers", "Fluktuation", "Abgänge", (10, 30), "lower", True, 0,
     [9000, 25000]),
    ("Orders booked", "orders", "Aufträge", "Aufträge", (400, 900), "higher", True, 0,
     [12, 60]),
]
SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}


def unit_text(row: tuple[Any, ...], lang: str, currency: str) -> str:
    """A UNITS row's unit as a strategy in `lang` and `currency` writes it."""
    text: str = row[UNIT[lang == "de"]]
    return text.format(sign=SIGNS[currency])


# Index into a UNITS row.
NAME, UNIT, BASE, BETTER, SUMMED, DECIMALS, VALUES = (0, 2), (1, 3), 4, 5, 6, 7, 8

WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "orgs": ["Skyline Regional Airways", "Harbour Care Trust, North", "Kestrel Logistics"],
        "objective": ["Move {m} to target before the winter schedule",
                      "Better {m}, so that customers, crews and auditors trust us",
                      "{m}: back on target"],
        "audience": ["Station agents", "Ward nurses on Wards 3A, 3B and 6C",
                     "Warehouse pickers, day and night shift"],
        "initiative": ["Safe turnarounds", "Returns policy refresher",
                       "Pick Right, with look-alike items, labels and a one-page guide",
                       "Coaching for team leads"],
        "group": ["Wards 3A, 3B and 6C", "Night shift", "Station Glasgow, all three shifts",
                  "Team North"],
        "control": ["Cardiff", "Day shift", "Wards 4A and 4B"],
        "stakeholder": [("Station managers", "Heads of the nine UK stations"),
                        ("Dana Ruiz", "Warehouse General Manager"),
                        ("The nurse unit managers' forum", "Monthly forum of ward managers"),
                        ("Priya Shah", "Chief Operating Officer, Europe, Middle East and Africa")],
        "ask": ["Approve the roll-out of {i} to all {n} staff", "Fund {i} for the next year",
                "Release two hours per person for the programme",
                "Nominate one champion per site", "Agree a review date in six months"],
        "behaviour": ["Checks the pick against the screen before sealing each parcel, "
                      "every time, on every shift", "Uses the handover checklist"],
        "cost": ["Design and build, including the subject experts' time", "Facilitation",
                 "Participants' time"],
        "need": ["Know the look-alike items", "Handle an angry caller",
                 "See what is in it for them"],
        "response": ["A one-page guide", "Practice with real calls", "Team bonus for fewer errors"],
        "opening": "Would it help you to move {m} before the peak?",
        "quote": "It is the first time training used our own cases.",
        "objection": ("Can we spare the time?", "Two hours a person, repaid within a month."),
        # (concern, an objection that answers it in other words); the last has none.
        "concerns": [("We cannot release staff during the peak season",
                      ("Can we release people at peak?", "Two hours each, booked outside the peak season.")),
                     ("Will the {g} result hold elsewhere?",
                      ("Does it hold beyond one team?", "The result held for three months.")),
                     ("Agency cover costs money we do not have", None)],
    },
    "de": {
        "orgs": ["Brenner Antriebstechnik GmbH, Werk Chemnitz", "Stadtwerke Nord",
                 "Klinikum Süd"],
        "objective": ["{m} vor dem Kundenaudit ins Ziel bringen", "{m}: zurück ins Ziel",
                      "{m} verbessern, damit Kundschaft und Prüfer uns vertrauen"],
        "audience": ["Maschinenbedienende in Zerspanung und Montage", "Servicemitarbeitende",
                     "Pflegekräfte der Stationen 3A, 3B und 6C"],
        "initiative": ["Kurze Formate", "Sicher und fehlerfrei an der Linie",
                       "Kundengespräche, Beschwerden und Rückrufe souverän führen",
                       "Coaching für Teamleitungen"],
        "group": ["Linie 3, alle drei Schichten", "Nachtschicht", "Team Nord",
                  "Stationen 3A, 3B und 6C"],
        "control": ["Linie 4", "Frühschicht", "Team Süd"],
        "stakeholder": [("Schichtleitungen", "Die sechs Schichtleitungen des Werks"),
                        ("Dr. Katrin Vogel", "Werksleiterin"),
                        ("Betriebsrat", "Gremium der Beschäftigten"),
                        ("Thomas Berger", "Geschäftsführer, Vertrieb, Service und Technik")],
        "ask": ["Freigabe von {i} für alle {n} Beschäftigten", "Budget für {i} freigeben",
                "Zwei Stunden je Person freistellen", "Eine Ansprechperson je Standort benennen"],
        "behaviour": ["Prüft das Teil vor dem Verpacken gegen die Anzeige, in jeder Schicht",
                      "Nutzt die Übergabeliste"],
        "cost": ["Konzeption und Produktion, inklusive Zeit der Fachleute", "Moderation",
                 "Arbeitszeit der Teilnehmenden"],
        "need": ["Die Verwechslungsteile kennen", "Ein schwieriges Gespräch führen",
                 "Wissen, was sie davon haben"],
        "response": ["Eine Übersicht auf einer Seite", "Übung mit echten Fällen",
                     "Teamprämie für weniger Fehler"],
        "opening": "Würde es Ihnen helfen, {m} vor dem Audit zu verbessern?",
        "quote": "Zum ersten Mal ging es um unsere eigenen Fälle.",
        "objection": ("Haben wir die Zeit?", "Zwei Stunden je Person, in einem Monat zurück."),
        "concerns": [("Wir können in der Hauptsaison niemanden freistellen",
                      ("Wen können wir in der Hauptsaison freistellen?",
                       "Zwei Stunden je Person, außerhalb der Hauptsaison.")),
                     ("Hält das Ergebnis von {g} auch anderswo?",
                      ("Hält das Ergebnis auch woanders?", "Es hielt drei Monate lang.")),
                     ("Leiharbeit kostet Geld, das wir nicht haben", None)],
    },
}

# Asks that name an initiative but ask for no money of its roll-out: a pilot, or support.
# Drawn from their own generator, so the seeds' other choices stay as they were.
NOT_FUNDING = {"en": ["Agree a three-month pilot of {i} at one site from May",
                      "Support the roll-out of {i} at the Operations Board",
                      "Agree that {i} starts at every site in January",
                      "Roll out {i} to every site, funded by head office"],
               "de": ["Einen dreimonatigen Piloten von {i} an einem Standort vereinbaren",
                      "Die Einführung von {i} im Vorstand unterstützen",
                      "Zustimmung, dass {i} ab Januar an jedem Standort stattfindet",
                      "Rollout von {i} an allen Standorten, von der Zentrale getragen"]}

LOCALES = {"en": [("en_GB", "GBP"), ("en_US", "USD"), ("en_IE", "EUR")],
           "de": [("de_DE", "EUR")]}


def make_strategy(seed: int) -> dict[str, Any]:
    """The strategy of `seed`: plain data, valid in form (check decides the rest)."""
    rng = random.Random(seed)
    lang = rng.choice(["en", "en", "de"])
    w = WORDS[lang]
    locale, currency = rng.choice(LOCALES[lang])
    n_obj, n_ini, n_pil = rng.randint(1, 4), rng.randint(1, 4), rng.randint(1, 4)

    metrics, objectives = [], []
    for i in range(n_obj):
        metric_ids = []
        for j in range(rng.choice([1, 1, 2])):
            unit = rng.choice(UNITS)
            low, high = unit[BASE]
            baseline = round(rng.uniform(low, high), unit[DECIMALS])
            gap = abs(baseline) * rng.uniform(0.1, 0.4)
            target = round(baseline - gap if unit[BETTER] == "lower" else baseline + gap,
                           unit[DECIMALS])
            if "%" in unit[UNIT[0]]:
                target = min(target, 99)
            mid = f"m{i}-{j}"
            metric: dict[str, Any] = {
                "id": mid, "name": unit[NAME[lang == "de"]], "unit": unit_text(unit, lang, currency),
                "better": unit[BETTER], "baseline": baseline, "target": target}
            if rng.random() < 0.8:
                metric["value_per_unit"] = rng.choice(unit[VALUES])
            if unit[SUMMED] and rng.random() < 0.7:
                metric["per"] = rng.choice(["month", "quarter"])
            if rng.random() < 0.4:
                metric["actual"] = round((baseline + target) / 2, unit[DECIMALS])
            if rng.random() < 0.5:
                metric["source"] = rng.choice(["RiskMan incident system", "CRM, monthly export"])
            metrics.append(metric)
            metric_ids.append((mid, unit))
        objectives.append({
            "id": f"o{i}", "title": rng.choice(w["objective"]).format(m=metrics[-1]["name"]),
            "owner": rng.choice(["Mark Ellis, VP Operations", "Dr. Katrin Vogel, Werksleiterin"]),
            "driver": rng.choice(["pain", "gain"]), "metrics": [m for m, _ in metric_ids]})
    units = {m["id"]: next(u for u in UNITS if m["unit"] == unit_text(u, lang, currency))
             for m in metrics}

    audiences = [{
        "id": f"a{k}", "name": w["audience"][k % len(w["audience"])],
        "headcount": rng.choice([40, 120, 300, 900]),
        "gaps": {gap: [{"need": rng.choice(w["need"]), "response": rng.choice(w["response"])}]
                 for gap in ("knowledge", "skills", "motivation") if rng.random() < 0.8}}
        for k in range(rng.randint(1, 2))]

    initiatives = []
    for k in range(n_ini):
        zero = rng.random() < 0.2
        costs = [{"item": rng.choice(w["cost"]), "amount": 0 if zero else rng.choice(
            [4000, 18500, 60000]), "kind": "one-off"}]
        if rng.random() < 0.5:
            costs.append({"item": rng.choice(w["cost"]), "amount": 0 if zero else rng.choice(
                [15, 120]), "kind": "per-participant"})
        initiative = {
            "id": f"i{k}", "title": w["initiative"][k % len(w["initiative"])],
            "format": rng.choice(["e-learning", "classroom", "blended", "coaching", "other"]),
            "audiences": [rng.choice(audiences)["id"]],
            "objectives": sorted({rng.choice(objectives)["id"] for _ in range(2)}),
            "costs": costs}
        if rng.random() < 0.2:
            initiative["horizon_years"] = rng.choice([2, 3])
            initiative["retention"] = 0.8
        initiatives.append(initiative)

    pilots = []
    groups = rng.sample(w["group"], n_pil)  # one group a pilot, as people tell them apart
    for p in range(n_pil):
        initiative = initiatives[p % n_ini] if p < n_ini or rng.random() < 0.5 else rng.choice(
            initiatives)
        tracked = [mid for o in objectives if o["id"] in initiative["objectives"]
                   for mid in o["metrics"]]
        headcount = sum(a["headcount"] for a in audiences if a["id"] in initiative["audiences"])
        participants = max(10, min(headcount, rng.choice([12, 20, 40])))
        pilot: dict[str, Any] = {
            "id": f"p{p}", "initiative": initiative["id"], "group": groups[p],
            "participants": participants, "start": "2025-03-03", "end": f"2025-0{5 + p}-28",
            "cost": 0 if rng.random() < 0.2 else rng.choice([1500, 9800])}
        if rng.random() < 0.7:
            pilot["reaction"] = {"score": round(rng.uniform(3.5, 4.8), 1), "scale": 5}
        if rng.random() < 0.5:
            pilot["learning"] = {"pre": rng.randint(40, 60), "post": rng.randint(70, 92)}
        if rng.random() < 0.5:
            pilot["usage"] = {"enrolled": participants, "completed": participants - 1}
        if rng.random() < 0.3:
            pilot["quotes"] = [{"text": w["quote"], "by": rng.choice(w["group"])}]
        if rng.random() < 0.5:
            pilot["application"] = [{"behaviour": rng.choice(w["behaviour"]),
                                     "before": 60, "after": 85, "unit": "%"}]
        results = []
        for mid in rng.sample(tracked, k=min(len(tracked), rng.randint(1, 2))):
            results.append(_result(rng, next(m for m in metrics if m["id"] == mid), units[mid],
                                    participants / headcount))
        pilot["results"] = results
        if any("control_before" in r for r in results) and NAMED_CONTROL and rng.random() < 0.6:
            pilot["control_group"] = rng.choice(w["control"])
        pilots.append(pilot)

    # Concerns with and without a prepared answer; an answer may cite the pilot the concern names.
    # Drawn from a second generator, so that a seed's other choices stay what they were.
    more = random.Random(-seed - 1)
    worries = [(concern.format(g=pilots[0]["group"]), answer) for concern, answer in w["concerns"]]
    stakeholders = [{"id": f"s{k}", "name": name, "role": role,
                     "concerns": [rng.choice(w["need"])] and [
                         c for c, _ in more.sample(worries, more.randint(0, 3))],
                     "needs": [rng.choice(w["need"])][:1 if more.random() < 0.7 else 0],
                     "benefits": [rng.choice(w["response"])]}
                    for k, (name, role) in enumerate(rng.sample(w["stakeholder"],
                                                                rng.randint(1, 2)))]

    briefings = []
    for b, stakeholder in enumerate(stakeholders):
        asks: list[Any] = []
        for _ in range(rng.randint(1, 3)):
            shape = rng.random()
            initiative = rng.choice(initiatives)
            staff = sum(a["headcount"] for a in audiences if a["id"] in initiative["audiences"])
            text = rng.choice(w["ask"]).format(i=initiative["title"], n=staff)
            aside = random.Random(f"{seed}-{b}-{len(asks)}")
            if aside.random() < 0.25:
                text = aside.choice(NOT_FUNDING[lang]).format(i=initiative["title"])
            if text in asks or any(isinstance(a, dict) and a["decision"] == text for a in asks):
                continue
            if shape < 0.35:
                asks.append({"decision": text, "initiative": initiative["id"]})
            else:
                asks.append(text)
        briefing: dict[str, Any] = {
            "id": f"b{b}", "stakeholder": stakeholder["id"], "date": "2025-09-16",
            "minutes": rng.choice([10, 15, 20, 30, 45, 60]),
            "opening_question": w["opening"].format(m=metrics[0]["name"]), "asks": asks}
        if rng.random() < 0.5:
            briefing["focus"] = [rng.choice(objectives)["id"]]
        if rng.random() < 0.4:
            briefing["showcase"] = {"title": initiatives[0]["title"],
                                    "url": "https://example.com/course"}
        briefings.append(briefing)

    strategy: dict[str, Any] = {
        "buyin": 1, "organisation": rng.choice(w["orgs"]),
        "title": objectives[0]["title"], "presenter": {"name": "Sam Okoro", "role": "Head of L&D"},
        "currency": currency, "locale": locale, "objectives": objectives, "metrics": metrics,
        "audiences": audiences, "initiatives": initiatives, "pilots": pilots,
        "stakeholders": stakeholders, "briefings": briefings}
    if rng.random() < 0.5:
        strategy["sponsor"] = {"name": "Ana Silva", "role": "Chief Operating Officer",
                               "quote": w["quote"]}
    if rng.random() < 0.5:
        objection, response = w["objection"]
        strategy["objections"] = [{"objection": objection, "response": response,
                                   "evidence": pilots[0]["id"]}]
    answers = [{"objection": q, "response": r, **({"evidence": pilots[0]["id"]} if n else {})}
               for n, (_, answer) in enumerate(worries) if answer and more.random() < 0.7
               for q, r in [answer]]
    if answers:
        strategy["objections"] = strategy.get("objections", []) + answers
    _figures_detail(random.Random(seed + 10_000), strategy)
    return strategy


# Phillips' cost categories an item is filed under; participants' time by its own.
CATEGORIES = ["needs", "design", "delivery", "evaluation", "overhead", "other"]


def _figures_detail(rng: random.Random, strategy: dict[str, Any]) -> None:
    """Cost categories and monthly histories the pilots fall within, drawn from a second
    generator, so that each seed's strategy keeps the structure it had before these."""
    for initiative in strategy["initiatives"]:
        if rng.random() < 0.4:
            for cost in initiative["costs"]:
                time = cost["item"] in (WORDS["en"]["cost"][2], WORDS["de"]["cost"][2])
                cost["category"] = "participants-time" if time else rng.choice(CATEGORIES)
    for metric in strategy["metrics"]:
        if rng.random() < 0.3:
            start, end = metric["baseline"], metric.get("actual", metric["baseline"])
            months = 9
            metric["history"] = [{"period": f"2025-{m + 1:02d}",
                                  "value": round(start + (end - start) * m / (months - 1), 2)}
                                 for m in range(months)]


def _result(rng: random.Random, metric: dict[str, Any], unit: tuple, share: float) -> dict:
    """A pilot result on `metric` whose roll-out stays possible: the pilot group's
    reading is its share of a count, and it moves part of the way to target."""
    decimals, summed = unit[DECIMALS], unit[SUMMED]
    baseline, target = metric["baseline"], metric["target"]
    before = round(baseline * share, decimals) if summed else baseline
    if summed and before < 4:
        before = 4.0
    step = (target - baseline) * (share if summed else 1) * rng.uniform(0.3, 0.9)
    after = round(before + step, decimals)
    if after == before:
        after = round(before + (1 if metric["better"] == "higher" else -1), decimals)
    result: dict[str, Any] = {"metric": metric["id"],
                              "per": metric.get("per") or rng.choice(["week", "month", "quarter"]),
                              "before": before, "after": after}
    if rng.random() < 0.5:
        result["control_before"] = before
        result["control_after"] = round(before + step * rng.uniform(0, 0.3), decimals)
    if rng.random() < 0.5:
        result["isolation"] = rng.choice([0.5, 0.7, 0.8, 1])  # 1: the whole change, nothing isolates it
    if rng.random() < 0.5:
        result["confidence"] = rng.choice([0.6, 0.8, 0.9])
    return result
