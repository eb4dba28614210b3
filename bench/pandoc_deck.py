"""The Markdown decks pandoc and Marp convert as baselines for `buyin brief`: 13 slides, a table, notes.

It has the shape of a buyin deck (title, business case, gaps, proposal, pilot
evidence, figures as a table, asks, questions, appendix) with speaker notes on
every slide, but no charts, which pandoc cannot draw from data. Marp's copy is
the same story in Marp's syntax: slides split by `---`, notes in HTML comments.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SLIDES = [
    ("Why this matters now", ["Lost-time injuries: 9 a quarter, target 4",
                              "Scrap and re-work: 5,200 parts a week, target 3,600",
                              "The EV customer's audit in Q1 looks at both"]),
    ("What we heard from you", ["Spending is frozen until the EV contract is signed",
                                "Training was promised to fix scrap in 2022",
                                "The audit will look at our injury rate"]),
    ("Who learns", ["240 line operators on press, weld and assembly",
                    "36 shift supervisors and team leaders"]),
    ("What stands in their way", ["Knowledge: where our injuries actually happen",
                                  "Skills: clearing a jammed press safely",
                                  "Motivation: stopping the line feels like being judged"]),
    ("The proposal", ["Safe Hands, Right First Time: 20-minute modules at the line",
                      "Shift Leader Coaching: six sessions on the floor"]),
    ("What it costs, fully loaded", ["£93,680 for Safe Hands, operators' time included",
                                     "£95,360 for a year of coaching"]),
    ("The pilot: Press Line 2", ["Scrap down 20% while the control line fell 4%",
                                 "37 of 40 completed; rated 4.4 out of 5"]),
    ("The numbers", None),  # the table
    ("If only half the effect holds", ["Safe Hands still returns 178%",
                                       "Coaching breaks even at 41% of the pilot effect"]),
    ("Our sponsor", ["\"Every injury and every scrapped part is something we pay for twice.\"",
                     "Richard Hale, Managing Director"]),
    ("The decisions we ask for", ["Approve £93,680 to roll out Safe Hands",
                                  "Approve £95,360 for shift leader coaching",
                                  "Agree that the ops review tracks completion"]),
    ("Questions", ["Would it help to walk into the audit with injuries and scrap falling?"]),
]
TABLE = """\
| Initiative | Benefit | Cost | ROI | Payback |
|---|--:|--:|--:|--:|
| Safe Hands, Right First Time | £260,415 | £93,680 | 178% | 4.3 months |
| Shift Leader Coaching | £161,309 | £95,360 | 69% | 7.1 months |
| Both | £421,724 | £189,040 | 123% | 5.4 months |
"""


def _slides(notes: Callable[[str], str]) -> list[str]:
    """The 12 slides after the title, in Markdown both tools read; `notes` marks up the
    speaker notes in the tool's own syntax."""
    out = []
    for number, (title, bullets) in enumerate(SLIDES, start=2):
        body = TABLE if bullets is None else "".join(f"- {b}\n" for b in bullets)
        said = (f"Slide {number}, about two minutes. Lead with what {title.lower()} means "
                "for the audit, then pause for a reaction before moving on.")
        out.append(f"# {title}\n\n{body}\n{notes(said)}\n")
    return out


def deck_markdown() -> str:
    """The deck: a title slide from the metadata, then 12 slides, each with speaker notes."""
    title = ("---\ntitle: Safer lines, less scrap, more capacity for the EV bid\n"
             "subtitle: Briefing for Helen Marsh, Chief Operating Officer\n"
             "author: Sam Carter, Learning & Development Manager\ndate: 2025-09-16\n---\n")
    return "\n".join([title, *_slides(lambda said: f"::: notes\n{said}\n:::")])


def write_deck(folder: Path) -> Path:
    path = folder / "deck.md"
    path.write_text(deck_markdown(), encoding="utf-8")
    return path


def marp_markdown() -> str:
    """The same deck for Marp: a title slide, then the 12 slides, notes as HTML comments."""
    title = ("---\nmarp: true\n---\n\n# Safer lines, less scrap, more capacity for the EV bid\n\n"
             "Briefing for Helen Marsh, Chief Operating Officer\n\n"
             "Sam Carter, Learning & Development Manager, 2025-09-16\n")
    return "\n---\n\n".join([title, *_slides(lambda said: f"<!-- {said} -->")])


def write_marp_deck(folder: Path) -> Path:
    path = folder / "marp.md"
    path.write_text(marp_markdown(), encoding="utf-8")
    return path
