"""What every deck must hold, whatever strategy `check` accepted: each check returns its findings."""

from __future__ import annotations

import itertools
import re
import statistics
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Pt

from buyin_cli.present.build.own_words import short_name
from buyin_cli.render.pptx import textfit
from buyin_cli.render.pptx.layout import INSET_X
from chart_invariants import TREND_SERIES, chart_findings, frame_findings
from deck_helpers import read_deck
from money_invariants import (
    asked_money,
    conservative_upper_bound,
    funded,
    one_share_for_many,
    tables_add_up,
    unpriced_losses,
)
from notes_invariants import (
    bare_chain_boxes,
    confidence_words,
    credit_claims,
    flags_once,
    notes_precision,
    returns_said_whole,
    said_as_numbers,
)
from word_invariants import broken_words

# Words a title must never show: a figure that is not one.
NOT_A_FIGURE = re.compile(r"\bn/a\b|\bnan\b|\bNone\b|(?<![\d.,])0[.,]0(?!\d)", re.IGNORECASE)
# A level (a %, a score, a duration, a rate) read as if it added up over a period.
PERIODS = r"(?:week|month|quarter|year|Woche|Monat|Quartal|Jahr)"
PER = r"(?:per|a|an|each|pro|je|im|in einem|in einer)"


def texts_of(slide: dict[str, Any]) -> list[str]:
    """Every text a reader sees on a slide (title, subtitle, body, boxes, tables, charts)."""
    out = [slide["title"] or "", slide["subtitle"] or ""]
    out += [text for _, text in slide["body"]] + slide["texts"]
    out += [cell for row in slide["table"] or [] for cell in row]
    for chart in slide["charts"]:
        out += [str(c) for c in chart["categories"]] + [name for name, _ in chart["series"]]
    return out


def cuts(slides: list[dict[str, Any]], talking_points: str) -> list[str]:
    """Text ended with "…" by buyin (no strategy the maker writes has one)."""
    found = [f"slide {i}: {text!r}" for i, s in enumerate(slides, 1)
             for text in texts_of(s) + [s["notes"]] if "…" in text]
    return found + (["talking points: …"] if "…" in talking_points else [])


def long_titles(path: Path) -> list[str]:
    """Titles that wrap to more than two lines at the size and width they were given (three
    where the title is all the slide says, over a one-line subtitle at most: a question, a quote)."""
    found = []
    for i, slide in enumerate(Presentation(str(path)).slides, 1):
        most = 2 + _title_alone(slide)
        for shape in slide.placeholders:
            if shape.placeholder_format.type not in (PP_PLACEHOLDER.TITLE,
                                                     PP_PLACEHOLDER.CENTER_TITLE):
                continue
            runs = [r for p in shape.text_frame.paragraphs for r in p.runs]
            if not runs or runs[0].font.size is None:
                continue
            size = runs[0].font.size.pt
            width = Emu(shape.width).pt - 2 * INSET_X
            lines = textfit.wrap(shape.text_frame.text, width, size, bold=True)
            if len(lines) > most:
                found.append(f"slide {i}: {len(lines)} lines at {size}pt: {lines}")
    return found


def _title_alone(slide: Any) -> bool:
    """Whether a slide holds nothing but its title and a subtitle: no list, chart or table."""
    kinds = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.FOOTER,
             PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
    texts = [s for s in slide.placeholders if s.placeholder_format.type not in kinds]
    return not any(getattr(s, "has_chart", False) or getattr(s, "has_table", False) for s in slide.shapes) and all(
        len(s.text_frame.paragraphs) == 1 for s in texts)


def non_figures(slides: list[dict[str, Any]]) -> list[str]:
    """Titles showing n/a, nan, None or 0.0."""
    return [f"slide {i}: {s['title']!r}" for i, s in enumerate(slides, 1)
            if s["title"] and NOT_A_FIGURE.search(s["title"])]


def level_periods(slides: list[dict[str, Any]], talking_points: str,
                  strategy: dict[str, Any], levels: set[str]) -> list[str]:
    """A level's unit followed by a period ("% per quarter", "seconds a quarter")."""
    units = sorted({m["unit"] for m in strategy["metrics"] if m["id"] in levels} | {"%"},
                   key=len, reverse=True)
    pattern = re.compile(r"(?:" + "|".join(re.escape(u) for u in units) + r")\s+" + PER + r"\s+"
                         + PERIODS + r"\b")
    everything = [(f"slide {i}", t) for i, s in enumerate(slides, 1) for t in
                  texts_of(s) + [s["notes"]]] + [("talking points", talking_points)]
    return [f"{where}: {m.group()!r} in {text[:80]!r}" for where, text in everything
            for m in [pattern.search(text)] if m]


# A change of one written as if it were several: "1 points", "1 Prozentpunkte".
ONE_POINTS = re.compile(r"(?<![\d.,])1 (?:points|Prozentpunkte)\b")
# Money in the strategy's currency written the other way round for English ("20,250 £"), or
# multiplied by one of itself ("× £1 each", "× je 1 €").
SIGN_AFTER = re.compile(r"\d[\u00a0 ]?[£$€](?!\d)")
AT_ONE = re.compile(r"× (?:je )?(?:[£$€]1|1[\u00a0 ]?[£$€])(?![\d.,])")
# How far a metric has come, glued after a bare unit: "repeat excavations; 16.7% of the way".
GLUED = re.compile(r"[^\s\d]; [\d.,]+[\u00a0 ]?% (?:of the way|der Lücke)")


def unit_words(slides: list[dict[str, Any]], talking_points: str,
               strategy: dict[str, Any]) -> list[str]:
    """Figures and units that read wrong: "1 points", "20,250 £" in English, "× £1 each", a
    progress share glued after a unit."""
    said = [(f"slide {i}", t) for i, s in enumerate(slides, 1) for t in texts_of(s) + [s["notes"]]]
    said.append(("talking points", talking_points))
    english = not str(strategy.get("locale") or "en").startswith("de")
    checks = [ONE_POINTS, AT_ONE, GLUED] + ([SIGN_AFTER] if english else [])
    return [f"{where}: {m.group()!r} in {text[max(0, m.start() - 40):m.end() + 20]!r}"
            for where, text in said for check in checks for m in [check.search(text)] if m]


MONEY = re.compile(r"[£$€][\u00a0 ]?(\d[\d,.]*)|(\d[\d.,\u00a0]*)[\u00a0 ]€")
PERCENT = re.compile(r"(\d[\d,.\u00a0]*)[\u00a0 ]?%")


def _significant(number: str) -> int:
    """How many significant digits a written number has: 2,310,000 → 3, 1,541.9 → 5."""
    return len(re.sub(r"\D", "", number).strip("0"))


def false_precision(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A title that states money with its pence (£169,560.40: a title says money in whole units,
    as the tables and an ask state it, £2,309,631 and £169,560 alike) or a percentage of 10% or
    more with decimals (256.1%, not 256%). A metric's own readings, which a title quotes as the
    business records them, are not buyin's to round."""
    metrics = tuple(m["name"] + ":" for m in strategy["metrics"])
    german = str(strategy.get("locale") or "").startswith("de")
    found = []
    for i, s in enumerate(slides, 1):
        title = s["title"] or ""
        if not title or title.startswith(metrics):
            continue
        for m in MONEY.finditer(title):
            said = m.group(1) or m.group(2)
            if re.search(r"[,][0-9]{1,2}$" if german else r"[.][0-9]{1,2}$", said.replace("\u00a0", "")):
                found.append(f"slide {i}: {m.group().strip()!r} in {title!r}")
        for m in PERCENT.finditer(title):
            whole, _, decimals = m.group(1).replace("\u00a0", "").rpartition("," if german else ".")
            if _significant(m.group(1)) > 4 or (decimals and whole and len(decimals) < 3
                                                and int(re.sub(r"\D", "", whole)) >= 10):
                found.append(f"slide {i}: {m.group().strip()!r} in {title!r}")
    return found


def evidence_who(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A pilot's evidence slide that does not say, beside its charts, how many took part and
    in which group (its title may call them "the pilot group")."""
    found = []
    for i, s in enumerate(slides, 1):
        series = {name for c in s["charts"] for name, _ in c["series"]}
        for pilot in strategy["pilots"]:
            if pilot["group"] not in series:
                continue
            said = _digits(" ".join(s["texts"]))
            if pilot["group"] not in " ".join(s["texts"]) or str(pilot["participants"]) not in said:
                found.append(f"slide {i}: no group and headcount of {pilot['group']!r} beside its charts")
    return found


def _money_said(amount: float, text: str) -> bool:
    """Whether `text` (its separators taken out) says `amount`: exactly, or as a title rounds it,
    to three significant figures ($13,997 as $14,000)."""
    exact = round(amount)
    rounded = round(amount, 2 - len(str(abs(exact))) + 1) if exact else 0
    return any(re.search(rf"(?<![\d.,]){n}(?![\d])", text) for n in {exact, int(rounded)})


def _digits(text: str) -> str:
    """Numbers with their group separators taken out (1,234 / 1.234 / 1 234 → 1234)."""
    return re.sub(r"(?<=\d)[,.\u00a0\u202f ](?=\d{3}\b)", "", text)


def presented_initiatives(strategy: dict[str, Any], briefing: dict[str, Any]) -> list[dict]:
    """The initiatives a meeting asks money for: linked asks, and plain asks naming one that
    ask for its roll-out (a pilot of it, or support, prices nothing)."""
    return funded(strategy, briefing)


def slide_two_money(slides: list[dict[str, Any]], strategy: dict[str, Any],
                    briefing: dict[str, Any], figures: dict[str, Any]) -> list[str]:
    """Slide 2 names each asked-for initiative with its cost and annual benefit."""
    # The decision, with the pages its list continues on.
    pages = [slides[1]] + list(itertools.takewhile(
        lambda s: s["title"] and s["title"][:12] == slides[1]["title"][:12], slides[2:]))
    decision = {**slides[1], "texts": [t for p in pages for t in texts_of(p)]}
    text = _digits(" ".join(texts_of(decision)))
    found = []
    for initiative in presented_initiatives(strategy, briefing):
        rollout = figures["initiatives"][initiative["id"]]
        if initiative["title"] not in " ".join(texts_of(decision)):
            found.append(f"slide 2 does not name {initiative['title']!r}")
            continue
        if rollout["rollout_benefit"] and not _money_said(rollout["rollout_benefit"], text):
            found.append(f"slide 2 lacks the benefit {rollout['rollout_benefit']:.0f} of "
                         f"{initiative['title']!r}")
        if rollout["rollout_cost"] and not _money_said(rollout["rollout_cost"], text):
            found.append(f"slide 2 lacks the cost {rollout['rollout_cost']:.0f} of "
                         f"{initiative['title']!r}")
    return found


COMPARISON = re.compile(r"(?<!no )(?<!without )(?<!without a )(?<!keine )(?<!ohne )"
                        r"(?:comparison group|Vergleichsgruppe)", re.IGNORECASE)
NO_COMPARISON = re.compile(r"\bno comparison group|\bkeine Vergleichsgruppe|ohne Vergleichsgruppe",
                           re.IGNORECASE)


def false_claims(slides: list[dict[str, Any]], talking_points: str,
                 strategy: dict[str, Any]) -> list[str]:
    """Claims the data does not make: a comparison group, a confidence, a missing measure."""
    found = []
    results = [r for p in strategy["pilots"] for r in p["results"]]
    if not any("control_before" in r for r in results):
        for i, s in enumerate(slides, 1):
            for text in texts_of(s) + [s["notes"]]:
                if COMPARISON.search(text):
                    found.append(f"slide {i} claims a comparison group: {text[:90]!r}")
    if not any(r.get("confidence") == 1 for r in results):
        for i, s in enumerate(slides, 1):
            for text in texts_of(s) + [s["notes"]]:
                if re.search(r"100\s?% (?:confidence|Konfidenz|Sicherheit)", text):
                    found.append(f"slide {i} claims 100% confidence: {text[:90]!r}")
    groups = {p["group"] for p in strategy["pilots"]}
    for i, s in enumerate(slides, 1):
        # A pilot's chart against its comparison group (the pre-pilot trend's projection is none;
        # nor is a chart of money, cost against benefit).
        has_control_chart = any(len(c["series"]) > 1 and c["series"][1][0] not in TREND_SERIES
                                and c["series"][0][0] in groups for c in s["charts"])
        said = " ".join(s["texts"])
        # "No comparison group for <metric>" ("Keine Vergleichsgruppe (<metric>)") names a result;
        # a bare one claims them all.
        if has_control_chart and NO_COMPARISON.search(said) and not re.search(
                r"(?:no comparison group|keine Vergleichsgruppe)[^.:]*? (?:(?:for|für|bei) |\()", said,
                re.I):
            found.append(f"slide {i} says 'no comparison group' under a chart with one")
        measured = [b["behaviour"] for p in strategy["pilots"] for b in p.get("application", [])
                    if p["group"] in " ".join(n for c in s["charts"] for n, _ in c["series"])]
        if measured and re.search(r"Application\nnot measured|Anwendung\nnicht gemessen", said):
            found.append(f"slide {i} says application not measured beside a pilot that has it")
    return found


def hidden_losses(slides: list[dict[str, Any]], strategy: dict[str, Any],
                  briefing: dict[str, Any], figures: dict[str, Any]) -> list[str]:
    """A title stating the total of several initiatives that does not name the one at a loss."""
    asked = presented_initiatives(strategy, briefing)
    money = [figures["initiatives"][i["id"]] for i in asked]
    # Only a priced initiative loses money; one not priced yet is said as such.
    losing = [i["title"] for i, f in zip(asked, money) if (f["roi_pct"] or 0) < 0
              and f["rollout_benefit"] > 0]
    if len(asked) < 2 or not losing:
        return []
    sums = [sum(f[key] for f in money) for key in ("rollout_benefit", "rollout_cost")]
    if not all(sums):
        return []  # a title can state a total of both only when both are there
    # As a title says them: rounded to three significant figures (£2,310,000).
    total = [str(round(float(f"{amount:.3g}"))) for amount in sums]
    return [f"slide {i}: the total hides the loss of {losing}: {s['title']!r}"
            for i, s in enumerate(slides, 1) if s["title"] and all(
                t in _digits(s["title"]) for t in total) and not all(
                name in s["title"] or short_name(name) in s["title"] for name in losing)]


def orphans(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A quote's attribution that opens a slide's body, its quote left in the title."""
    speakers = {q["by"] for p in strategy["pilots"] for q in p.get("quotes", [])
                if isinstance(q, dict) and q.get("by")}
    return [f"slide {i}: the body opens with {s['body'][0][1]!r}" for i, s in enumerate(slides, 1)
            if s["body"] and s["body"][0][1] in speakers]


QUOTE_MARKS = str.maketrans("", "", "\"'“”„‚‘’«»‹›")


def lost_quotes(slides: list[dict[str, Any]], talking_points: str, strategy: dict[str, Any]) -> list[str]:
    """A quote of a pilot the deck presents that no slide, note or talking point says: a title
    too long for its box gave way to a shorter form and took the quote with it."""
    def plain(text: str) -> str:  # its words: a quote inside a quote takes the secondary marks
        return " ".join(text.translate(QUOTE_MARKS).split())

    said = [plain(text) for s in slides for text in texts_of(s) + [s["notes"]]] + [plain(talking_points)]
    found = []
    for pilot in strategy["pilots"]:
        if not any(plain(pilot["group"]) in text for text in said):
            continue  # a pilot this meeting does not present
        for quote in pilot.get("quotes", []):
            words = plain(str(quote["text"]))
            # Whole in one text, or a bullet split across two pages: its head and its tail.
            if not any(words in text for text in said) and not (
                    any(words[:30] in text for text in said) and any(words[-30:] in text for text in said)):
                found.append(f"{words!r} ({pilot['id']}) is on no slide and in no note")
    return found


# "That change" points back to a change the title states before it: "down from 4 to 3; … of that change".
THAT_CHANGE = re.compile(r"\bof that change\b|\bdieser Veränderung\b")
A_CHANGE = re.compile(r"\b(?:from|down|up|fell|rose|cut|raised|von|gesunken|gestiegen|gesenkt|gesteigert)\b|→|[−+]\d")


def dangling_changes(slides: list[dict[str, Any]]) -> list[str]:
    """A title that credits a share "of that change" with no change before it to point to."""
    return [f"slide {i}: {s['title']!r}" for i, s in enumerate(slides, 1)
            if (m := THAT_CHANGE.search(s["title"] or "")) and not A_CHANGE.search(s["title"][:m.start()])]


# The format's keys, which a presenter must never read out.
YAML_KEYS = re.compile(r"\b(?:value_per_unit|control_before|control_after|usage_targets|"
                       r"opening_question|per_participant|horizon_years)\b")


def yaml_keys(slides: list[dict[str, Any]], talking_points: str) -> list[str]:
    """A key of the strategy format in what is shown or said."""
    said = [(f"slide {i}", t) for i, s in enumerate(slides, 1) for t in texts_of(s) + [s["notes"]]]
    return [f"{where}: {m.group()!r}" for where, text in said + [("talking points", talking_points)]
            for m in [YAML_KEYS.search(text)] if m]


def past_a_hundred(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A chart of a percentage result whose axis runs past 100%."""
    percent = {m["id"] for m in strategy["metrics"] if m["unit"].startswith("%")}
    readings = [[float(r["before"]), float(r["after"])] for p in strategy["pilots"]
                for r in p["results"] if r["metric"] in percent]
    return [f"slide {i}: a % chart's axis runs to {c['axis'][1]:g}" for i, s in enumerate(slides, 1)
            for c in s["charts"] if c["axis"] and c["axis"][1] and c["axis"][1] > 100
            and any([float(v) for v in values] in readings for _, values in c["series"]
                    if None not in values)]  # a count's trend projection has no "before"


# A presented slide's time at the head of its notes: "[2 min]", "[1½ min]", "[30 s]", "[2 Min.]".
CONTINUED = re.compile(r" \((?:cont\.|Forts\.)\)$")
TIMING = re.compile(r"^\[(\d*)(½?)\s?(min|Min\.|s)\]")


def _minutes(notes: str) -> float:
    found = TIMING.match(notes)
    if not found:
        return 0.0
    whole, half, unit = found.groups()
    amount = int(whole or 0) + (0.5 if half else 0)
    return amount / 60 if unit == "s" else amount


def continued(slides: list[dict[str, Any]], briefing: dict[str, Any]) -> list[str]:
    """A decision that continues, a continuation timed as a new slide, time past the meeting."""
    found = []
    later = [i for i, s in enumerate(slides, 1) if CONTINUED.search(s["title"] or "")]
    if 3 in later:
        found.append(f"the decision continues on slide 3: {slides[2]['title']!r}")
    found += [f"slide {i} continues a slide but is timed as one of its own" for i in later
              if TIMING.match(slides[i - 1]["notes"])]
    spoken = sum(_minutes(s["notes"]) for s in slides if not s["hidden"])
    if spoken > briefing["minutes"]:
        found.append(f"the notes time {spoken:g} min for a {briefing['minutes']}-minute meeting")
    return found


# A content slide whose content reaches less than this share down its content area is
# half-empty (white space is allowed, a half-empty slide is not), unless it is a
# statement: a short text set large and centred in the area on purpose.
MIN_FILL, STATEMENT_SIZE = 0.4, 24
ASKS_FILL = 0.6  # the asks again: their lower half empty under a short title is a half-empty close
ASKS_NOTES = ("Ask for each decision plainly", "Bitten Sie klar um jede")  # the asks slide's notes


def fills(path: Path) -> list[tuple[int, float, str]]:
    """How far down its content area each presented content slide's content reaches (0–1),
    with what it holds; statements and title-like slides left out."""
    prs = Presentation(str(path))
    out = []
    for i, slide in enumerate(prs.slides, 1):
        if slide._element.get("show") == "0" or slide.slide_layout.name in (
                "Title Slide", "Section Header"):
            continue
        title = next((s for s in slide.placeholders if s.placeholder_format.type in (
            PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)), None)
        top = title.top + title.height if title is not None else 0
        height = int(prs.slide_height or 0)
        footers = [int(s.top) for s in slide.shapes if not s.is_placeholder and s.has_text_frame
                   and s.top > height * 0.8]
        bottom = min(footers, default=height)
        reach, kinds, statement = top, [], False
        for shape in slide.shapes:
            if shape is title or shape.top >= bottom or (shape.has_text_frame and not shape.text):
                continue
            if shape.has_table:
                height, kind = sum(r.height for r in shape.table.rows), "table"
            elif shape.is_placeholder and shape.has_text_frame:
                height, kind = _text_height(shape), "text"
                sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs
                         if r.font.size]
                # A statement reads at STATEMENT_SIZE, or at its title's size where that is smaller.
                statement = bool(sizes) and max(sizes) >= min(STATEMENT_SIZE, _size(title)) and str(
                    shape.text_frame.vertical_anchor) .startswith("MIDDLE")
            else:
                height, kind = shape.height, "chart" if shape.has_chart else "box"
            reach = max(reach, shape.top + height)
            kinds.append(kind)
        if not statement:
            out.append((i, (reach - top) / max(1, bottom - top), "+".join(kinds)))
    return out


def _size(shape: Any) -> float:
    """The size (pt) of a shape's first run; none set reads as no limit."""
    runs = [r for p in shape.text_frame.paragraphs for r in p.runs] if shape is not None else []
    return runs[0].font.size.pt if runs and runs[0].font.size else float("inf")


def _text_height(shape: Any) -> int:
    """A text placeholder's text height in EMU, wrapped as the renderer wraps it."""
    width = Emu(shape.width).pt - 2 * INSET_X
    points = 0.0
    for p in shape.text_frame.paragraphs:
        size = next((r.font.size.pt for r in p.runs if r.font.size), 18.0)
        lines = textfit.wrap(p.text, width - 24 * p.level, size) if p.text else [""]
        points += textfit.space_before(size, p.level) + len(lines) * textfit.line_height(size)
    return int(Pt(points))


def title_sizes(path: Path) -> dict[int, float]:
    """The size (pt) of each content slide's title: a slide with a table or a chart, so never a
    statement (a quote, the showcase, the questions), whose title may read larger by design."""
    sizes = {}
    for i, slide in enumerate(Presentation(str(path)).slides, 1):
        title = slide.shapes.title
        if title is not None and title.has_text_frame and any(s.has_table or s.has_chart for s in slide.shapes):
            sizes[i] = max((r.font.size.pt for p in title.text_frame.paragraphs for r in p.runs if r.font.size),
                           default=0.0)
    return sizes


LARGER = 1.25  # a title this much larger than most of the deck's reads like another template's


def large_titles(path: Path) -> list[str]:
    """A content title set well over most of the deck's (a short one at a template's 44 pt,
    beside long ones shrunk to 22 pt): titles read at about one size, as on a grid."""
    sizes = title_sizes(path)
    most = statistics.median_high(sizes.values()) if sizes else 0
    return [f"slide {i}'s title reads at {size:g} pt, most at {most:g} pt" for i, size in sizes.items()
            if size > LARGER * most]


BODY_MIN = 14  # points: the decision's text is read from the back of the room


def small_decision(path: Path) -> list[str]:
    """Slide 2's body text set under BODY_MIN, on any template (4:3 as 16:9)."""
    slide = Presentation(str(path)).slides[1]
    small = sorted({r.font.size.pt for shape in slide.placeholders if shape.placeholder_format.type
                    not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SLIDE_NUMBER)
                    and shape.has_text_frame for p in shape.text_frame.paragraphs for r in p.runs
                    if r.font.size is not None and r.font.size.pt < BODY_MIN})
    return [f"slide 2's body reads at {small} pt"] if small else []


def thin_slides(path: Path) -> list[str]:
    """Presented content slides whose content reaches less than MIN_FILL down their area; the
    asks again, the close the room decides on, less than ASKS_FILL (a statement aside)."""
    asks = {i for i, slide in enumerate(Presentation(str(path)).slides, 1)
            if any(words in slide.notes_slide.notes_text_frame.text for words in ASKS_NOTES)}
    return [f"slide {i} reaches {fill:.0%} down its area ({what})" for i, fill, what in fills(path)
            if fill < (ASKS_FILL if i in asks else MIN_FILL)]


# What slide 2's title says when the pilot is the case for scaling (English and German).
SCALE_IT = re.compile(r"to scale it|pilot worked|für den Rollout$|Pilot hat gewirkt")
COME_BACK = ("We will come back to you on this.", "Dazu melden wir uns bei Ihnen.")


def unscaled_asks(slides: list[dict[str, Any]], strategy: dict[str, Any],
                  briefing: dict[str, Any]) -> list[str]:
    """'Scale it' in slide 2's title when an ask funds no initiative (a cover rota, a champion)."""
    plain = [a for a in briefing["asks"] if isinstance(a, str) and not any(
        i["title"].lower() in a.lower() or re.search(rf"\b{re.escape(i['id'])}\b", a)
        for i in strategy["initiatives"])]
    title = slides[1]["title"] or ""
    return [f"slide 2 says scale it, but {plain[0]!r} is not about a pilot: {title!r}"] if (
        plain and SCALE_IT.search(title)) else []


def concerns_said(slides: list[dict[str, Any]], strategy: dict[str, Any],
                  briefing: dict[str, Any]) -> list[str]:
    """On the slide of what we heard: each concern once, with its answer or a promise under it,
    and no heading that repeats the title."""
    concerns = next(s["concerns"] for s in strategy["stakeholders"]
                    if s["id"] == briefing["stakeholder"])
    heard = [s for s in slides if any(text in concerns for _, text in s["body"])]
    found = []
    for s in heard:
        said = [text for _, text in s["body"]]
        if s["title"] in said:
            found.append(f"{s['title']!r} is the title and a heading under it")
        for concern in dict.fromkeys(concerns):
            if said.count(concern) != 1:
                found.append(f"{concern!r} is said {said.count(concern)} times")
            elif said.index(concern) + 1 == len(said) or said[said.index(concern) + 1] in concerns:
                found.append(f"{concern!r} has no answer and no promise under it")
    return found


def all_findings(pptx: Path, talking_points: str, strategy: dict[str, Any],
                 briefing: dict[str, Any], figures: dict[str, Any], levels: set[str]) -> list[str]:
    """Every invariant's findings for one deck, each line naming its invariant."""
    slides = read_deck(pptx)
    checks = {
        "cut": cuts(slides, talking_points),
        "title lines": long_titles(pptx),
        "broken word": broken_words(pptx),
        "not a figure": non_figures(slides),
        "slide 2 money": slide_two_money(slides, strategy, briefing, figures),
        "claim": false_claims(slides, talking_points, strategy),
        "unit": level_periods(slides, talking_points, strategy, levels),
        "unit words": unit_words(slides, talking_points, strategy),
        "false precision": false_precision(slides, strategy),
        "evidence who": evidence_who(slides, strategy),
        "continued": continued(slides, briefing),
        "hidden loss": hidden_losses(slides, strategy, briefing, figures),
        "past 100%": past_a_hundred(slides, strategy),
        "format key": yaml_keys(slides, talking_points),
        "orphan": orphans(slides, strategy),
        "lost quote": lost_quotes(slides, talking_points, strategy),
        "that change": dangling_changes(slides),
        "thin": thin_slides(pptx),
        "large title": large_titles(pptx),
        "small decision": small_decision(pptx),
        "scale it": unscaled_asks(slides, strategy, briefing),
        "concerns": concerns_said(slides, strategy, briefing),
        **chart_findings(slides, strategy),
        "unpriced loss": unpriced_losses(slides, strategy, figures),
        "one share for many": one_share_for_many(slides, talking_points),
        "conservative upper bound": conservative_upper_bound(slides),
        **frame_findings(pptx),
        "asked money": asked_money(slides, strategy, briefing, figures),
        "credit claim": credit_claims(slides, strategy),
        "confidence words": confidence_words(slides, strategy, figures),
        "bare chain box": bare_chain_boxes(slides),
        "said as numbers": said_as_numbers(slides, talking_points),
        "flags once": flags_once(slides, talking_points),
        "notes precision": notes_precision(slides, strategy),
        "returns said whole": returns_said_whole(slides, talking_points, strategy),
        "tables add up": tables_add_up(slides),
    }
    return [f"{name}: {line}" for name, lines in checks.items() for line in lines]
