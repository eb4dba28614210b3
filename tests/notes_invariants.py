"""What the notes, the talking points and the backup flags may claim, whatever strategy `check`
accepted: each check returns its findings (deck_invariants.all_findings runs them)."""

from __future__ import annotations

import re
from typing import Any

# The ways a pilot's notes say its results are credited, in English and German.
ISOLATION_SHARE = re.compile(r"isolation estimate gives it|Schätzung des Zurechnungsanteils zuweist")
ALL_OF_IT = re.compile(r"credit the learning with all of it|rechnen wir sie ganz der Weiterbildung zu")
DISCOUNTED = re.compile(r"discounted for (?:isolation|confidence)"
                        r"|bereinigt um (?:die Schätzsicherheit|Zurechnungsanteil)")
FURTHER = re.compile(r"discount it further|ziehen zusätzlich ab")
# A figure that is not one, said where a sentence could say it; a cost of nothing said as money.
NOT_AVAILABLE = re.compile(r"\bn/a\b|\bk\. ?A\.")
ABOUT_NOTHING = re.compile(r"(?:about|rund) (?:[£$€] ?0\b|0 ?€)")
# Slide 2's payback made conditional on the break-even share: two facts said as one.
PAYBACK_IF = re.compile(r"months, if |Monaten – sofern")


def _uncompared(result: dict[str, Any]) -> bool:
    return not any(k in result for k in ("control_before", "trend_after", "estimates"))


def credit_claims(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A pilot's notes that credit its results in a way none of them is credited: an isolation
    estimate that discounts nothing (isolation absent or 1), the whole change where an estimate
    below 1 discounts it, a discount beyond the comparison group where none is given."""
    found = []
    every = [r for p in strategy["pilots"] for r in p["results"]]
    discounts = any(r.get("confidence", 1) < 1 or r.get("isolation", 1) < 1 or "estimates" in r for r in every)
    for n, slide in enumerate(slides, 1):
        if not discounts and DISCOUNTED.search(slide["notes"] + " ".join(slide["texts"])):
            found.append(f"slide {n}: figures said discounted where no pilot discounts them")
        shown = {name for chart in slide["charts"] for name, _ in chart["series"]}
        pilots = [p for p in strategy["pilots"] if p["group"] in shown]
        if len(pilots) != 1:
            continue
        charted = [c["title"].lower() for c in slide["charts"] if c["title"]]  # the metric's name first
        results = [r for r in pilots[0]["results"] if any(
            m["id"] == r["metric"] and any(t.startswith(m["name"].split(",")[0].lower()) for t in charted)
            for m in strategy["metrics"])]
        bare = [r for r in results if _uncompared(r)]
        notes = slide["notes"]
        if ISOLATION_SHARE.search(notes) and not any(r.get("isolation", 1) < 1 for r in results):
            found.append(f"slide {n}: an isolation estimate said to discount a change none discounts")
        if ALL_OF_IT.search(notes) and not any(r.get("isolation", 1) == 1 for r in bare):
            found.append(f"slide {n}: the whole change said credited where an estimate discounts it")
        compared = [r for r in results if "control_before" in r]
        if FURTHER.search(notes) and not any(
                r.get("isolation", 1) < 1 or r.get("confidence", 1) < 1 for r in compared):
            found.append(f"slide {n}: a discount beyond the comparison group where none is given")
    return found


def said_as_numbers(slides: list[dict[str, Any]], talking_points: str) -> list[str]:
    """"n/a" in the talking points or a slide's notes, "about £0" for a cost of nothing, and
    slide 2's payback made conditional on its break-even share."""
    found = [f"talking points: {line.strip()[:90]!r}" for line in talking_points.splitlines()
             if NOT_AVAILABLE.search(line) or ABOUT_NOTHING.search(line)]
    for n, slide in enumerate(slides, 1):
        if NOT_AVAILABLE.search(slide["notes"]) or ABOUT_NOTHING.search(slide["notes"]):
            found.append(f"slide {n} notes: {slide['notes'][:90]!r}")
    if len(slides) > 1 and PAYBACK_IF.search(slides[1]["title"] or ""):
        found.append(f"slide 2 makes its payback hang on its break-even share: {slides[1]['title']!r}")
    return found


def flags_once(slides: list[dict[str, Any]], talking_points: str) -> list[str]:
    """A readiness flag listed twice alike (in the talking points or the backup table), or a
    row of the table that does not start as a sentence does."""
    found = []
    sections = [s for s in talking_points.split("\n## ")
                if s.startswith(("Not yet ready", "Für diesen Termin noch offen"))]
    listed = [line for s in sections for line in s.splitlines() if line.startswith("- ")]
    found += [f"talking points list {line!r} twice" for line in set(listed) if listed.count(line) > 1]
    for n, slide in enumerate(slides, 1):
        if not (slide["title"] or "").startswith(("What the readiness review", "Was die Prüfung")):
            continue
        rows = [tuple(row) for row in (slide["table"] or [])[1:]]
        found += [f"slide {n} lists {row[:2]!r} twice" for row in set(rows) if rows.count(row) > 1]
        found += [f"slide {n}: {cell[:60]!r} starts in lower case" for row in rows for cell in row
                  if cell and cell[0].islower()]
    return found


# A number as a deck writes it, English or German: its fraction after the locale's decimal mark.
EN_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.(\d+))?(\s?%)?(?![\w])")
DE_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})*(?:,(\d+))?(\s?%)?(?![\w])")


def _places(text: str, german: bool) -> list[tuple[str, int, bool]]:
    """Each number in `text`: as written, its decimal places, whether it is a percentage."""
    pattern = DE_NUMBER if german else EN_NUMBER
    return [(m.group(), len(m.group(1) or ""), bool(m.group(2))) for m in pattern.finditer(text)]


def _mean_share(estimates: list[dict[str, float]]) -> float:
    """The share participants' estimates credit, as a percentage: the mean of share × confidence."""
    return sum(e["share"] * e["confidence"] for e in estimates) / len(estimates) * 100


def notes_precision(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A number in a slide's notes said more precisely than the slide shows any, past two
    significant figures (5.208 points beside readings of 69 → 80.5; 0.14 is said as a person
    says it), or a percentage said to more than one decimal (48.67%) or, as a title rounds
    it, past four significant figures (150,560.0%, not 150,600%). A figure the deck's working
    writes (0.996 leavers, × 20.33%) is said as it writes it: one figure, one text."""
    german = str(strategy.get("locale") or "").startswith("de")
    # The strategy's own words ("errors per 10,000 lines" in a German deck) are as it wrote them.
    own = " ".join(m["name"] + " " + m["unit"] for m in strategy.get("metrics", []))
    worked = {number for s in slides for row in s["table"] or [] for c in row
              for number, _, _ in _places(c, german)}
    # The mean of participants' estimates, as the working writes it wherever the deck shows it.
    worked |= {number for p in strategy.get("pilots", []) for r in p["results"] if r.get("estimates")
               for number, _, _ in _places(f"{_mean_share(r['estimates']):.2f}".replace(".", "," if german else ".")
                                           + ("\xa0%" if german else "%"), german)}
    found = []
    for n, slide in enumerate(slides, 1):
        shown = " ".join([slide["title"] or ""] + [t for _, t in slide["body"]] + slide["texts"]
                         + [c for row in slide["table"] or [] for c in row]
                         + [chart["title"] or "" for chart in slide["charts"]])
        values = [v for chart in slide["charts"] for _, vs in chart["series"] for v in vs if v is not None]
        most = max([p for number, p, _ in _places(shown, german) if number not in own]
                   + [len(f"{v:.10g}".partition(".")[2]) for v in values]
                   # A chart's labels show as many decimals as its format writes (money's cents: 37.80 €).
                   + [len(f.group(1)) for chart in slide["charts"]
                      for f in re.finditer(r"0\.(0+)", chart["number_format"] or "")] + [0])
        for number, places, percent in _places(slide["notes"], german):
            if number in own or number in worked:
                continue
            # Significant digits: 0.14 has two, 5.208 four, 150,600 four, 150,560.0 seven.
            bare = re.sub(r"[^\d,]" if german else r"[^\d.]", "", number)
            digits = len(re.sub(r"\D", "", bare).lstrip("0")) if places else len(bare.strip("0"))
            if (percent and (places > 1 or digits > 4)) or (not percent and places > most and digits > 2):
                found.append(f"slide {n} notes say {number!r}, the slide {most} decimals at most")
    return found


# Words of confidence in the figures: only where a comparison group, a trend or participants'
# estimates isolate every change they speak of ("not isolated", "isolated from" are not claims).
CONFIDENT = re.compile(r"\bconservative\b|(?<!not )\bisolated\b(?! from)|\bproven\b"
                       r"|vorsichtig gerechnet|(?<!nicht )\bisoliert\b|\bbewiesen\b", re.IGNORECASE)
NUMBERS_TABLE = ("Benefit a year", "Nutzen pro Jahr")


def _estimated_only(result: dict[str, Any]) -> bool:
    """A result only the team's own isolation estimate discounts: nothing measured isolates it."""
    return _uncompared(result) and result.get("isolation", 1) < 1


def confidence_words(slides: list[dict[str, Any]], strategy: dict[str, Any],
                     figures: dict[str, Any]) -> list[str]:
    """"Conservative", "isolated" or "proven" said of figures (the numbers slide of the
    initiatives in its table, a pilot's evidence slide of its charted results) when one of
    them rests only on the team's isolation estimate (on the numbers, or on participants'
    estimates): that is an estimate of the share due to the training, not a figure the data
    isolates."""
    pilots = {p["id"]: p for p in strategy["pilots"]}
    found = []
    for n, slide in enumerate(slides, 1):
        said = [t for t in [slide["notes"], *slide["texts"]] if CONFIDENT.search(t)]
        if not said:
            continue
        table = slide["table"] or []
        transposed = any(row and row[0] in NUMBERS_TABLE for row in table)  # one initiative, read down
        numbers = bool(table and (transposed or any(h in table[0] for h in NUMBERS_TABLE)))
        if numbers:
            rows = set(table[0][1:]) if transposed else {row[0] for row in table[1:]}
            results = [r for i in strategy["initiatives"] if i["title"] in rows
                       for used in figures["initiatives"][i["id"]]["results_used"]
                       for r in pilots[used["pilot"]]["results"] if r["metric"] == used["metric"]]
        else:
            shown = {name for chart in slide["charts"] for name, _ in chart["series"]}
            charted = [c["title"].lower() for c in slide["charts"] if c["title"]]  # the metric's name first
            names = {m["id"]: m["name"].split(",")[0].lower() for m in strategy["metrics"]}
            results = [r for p in strategy["pilots"] if p["group"] in shown for r in p["results"]
                       if any(t.startswith(names[r["metric"]]) for t in charted)]
            if len({p["group"] for p in strategy["pilots"] if p["group"] in shown}) != 1:
                continue
        # The numbers count every result of their initiatives: participants' estimates isolate
        # nothing there either (they are the participants' share, not a comparison).
        doubted = [r["metric"] for r in results if _estimated_only(r) or (
            numbers and "estimates" in r and not any(k in r for k in ("control_before", "trend_after")))]
        if doubted:
            found.append(f"slide {n}: {CONFIDENT.search(said[0]).group()!r} said of "
                         f"{', '.join(doubted)}, which only an isolation estimate discounts")
        # Money on a tiny count (a handful of events) is never conservative, isolated or not.
        tiny = [r["metric"] for r in results if numbers and _tiny(r, strategy)]
        if tiny and any(CAUTIOUS.search(t) for t in said):
            found.append(f"slide {n}: 'conservative' said of {', '.join(tiny)}, a tiny count")
    return found


CAUTIOUS = re.compile(r"\bconservative\b|vorsichtig gerechnet", re.IGNORECASE)
TINY_COUNT = 5  # as the deck judges it (load/units.py)


def _tiny(result: dict[str, Any], strategy: dict[str, Any]) -> bool:
    """A priced result on a count whose pilot readings are all TINY_COUNT events or fewer."""
    from buyin_cli.load.units import read_unit

    metric = next(m for m in strategy["metrics"] if m["id"] == result["metric"])
    return (read_unit(metric["unit"]).kind == "count" and metric.get("value_per_unit") is not None
            and max(abs(result["before"]), abs(result["after"])) <= TINY_COUNT)


BARE_BOX = re.compile(r"^(?:Application|Impact|Anwendung|Wirkung)\n")


def bare_chain_boxes(slides: list[dict[str, Any]]) -> list[str]:
    """A chain-of-impact box that names its level but not what was measured ("Application
    83%"): a figure with no behaviour or metric says nothing the room can check."""
    return [f"slide {n}: {text!r}" for n, slide in enumerate(slides, 1) for text in slide["texts"]
            if BARE_BOX.match(text) and not text.endswith(("not measured", "nicht gemessen"))]


# A return said in the notes or the talking points: "ROI 1,039.4%", "Rendite von 604,0 %".
RETURN = re.compile(r"\b(?:ROI|Rendite|return)\b\D{0,12}?(\d[\d,.\u00a0]*)[\u00a0 ]?%")


def returns_said_whole(slides: list[dict[str, Any]], talking_points: str,
                       strategy: dict[str, Any]) -> list[str]:
    """A return of 10% or more said with decimals where the presenter reads it aloud (the
    notes, the talking points to learn by heart): "ROI 1,039.4%", as the titles never do."""
    german = str(strategy.get("locale") or "").startswith("de")
    found = []
    for where, text in [(f"slide {n} notes", s["notes"]) for n, s in enumerate(slides, 1)] + [
            ("talking points", talking_points)]:
        for m in RETURN.finditer(text):
            whole, _, decimals = m.group(1).replace("\u00a0", "").rpartition("," if german else ".")
            if whole and decimals and int(re.sub(r"\D", "", whole) or 0) >= 10:
                found.append(f"{where} say {m.group()!r}")
    return found
