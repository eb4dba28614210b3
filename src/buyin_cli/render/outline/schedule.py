"""The meeting's minutes shared among the slides a deck presents, and the backup put after them.

The deck template says which slides are hidden and how heavy each is; this
module gives each presented slide its share of two thirds of the meeting (in half
minutes, never more than two thirds in all, so the questions keep at least a third), gives the
questions slide the rest, writes each time at the head of its notes, and moves the
hidden slides after the presented ones, so the slideshow ends at the questions.
The talking points read the same plan, so they time exactly the slides the deck has.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from buyin_cli.plan.minutes import DISCUSSION_SHARE
from buyin_cli.records import dataclass
from buyin_cli.render.outline.model import Outline, Slide

QUESTIONS = "questions"


@dataclass(frozen=True)
class PlannedSlide:
    title: str
    section: str | None
    hidden: bool
    minutes: float | None  # None for a hidden slide, or when the meeting's length is not given
    time_text: str | None


@dataclass(frozen=True)
class DeckPlan:
    """The deck as the talking points see it: each slide in order, with its time."""

    slides: list[PlannedSlide]
    presenting_text: str | None
    discussion_text: str | None

    @property
    def presented(self) -> list[PlannedSlide]:
        return [s for s in self.slides if not s.hidden]

    @property
    def backup(self) -> list[PlannedSlide]:
        return [s for s in self.slides if s.hidden]

    @property
    def sections(self) -> set[str]:
        """The sections the deck has a slide for, presented or hidden."""
        return {s.section for s in self.slides if s.section}

    def has(self, section: str) -> bool:
        return section in self.sections


def schedule(outline: Outline, write: Callable[[float], str]) -> tuple[Outline, DeckPlan]:
    """`outline` with the backup last and each presented slide's time in its notes; the plan.

    `write` writes a number of minutes as the talking points and notes say it.
    """
    slides = [s for s in outline.slides if not s.hidden] + [s for s in outline.slides if s.hidden]
    times = _times(slides, outline.minutes)
    timed, planned = [], []
    for slide, minutes in zip(slides, times):
        text = write(minutes) if minutes is not None else None
        if text is not None and outline.timing:
            slide = slide.model_copy(update={"notes": outline.timing.replace("{}", text) + slide.notes})
        timed.append(slide)
        planned.append(PlannedSlide(slide.title, slide.section, slide.hidden, minutes, text))
    presenting = sum(m for s, m in zip(slides, times) if m is not None and s.section != QUESTIONS)
    discussion = (outline.minutes - presenting) if outline.minutes else None
    return (outline.model_copy(update={"slides": timed}),
            DeckPlan(planned, write(presenting) if outline.minutes else None,
                     write(discussion) if discussion is not None else None))


def _times(slides: list[Slide], minutes: int | None) -> list[float | None]:
    """Two thirds of the meeting in half minutes, shared by weight (largest remainders first);
    the questions get the rest."""
    if not minutes:
        return [None] * len(slides)
    presented = [s for s in slides if not s.hidden and s.section != QUESTIONS]
    weight = sum(s.weight for s in presented) or 1.0
    halves = math.floor(minutes * (1 - DISCUSSION_SHARE) * 2 + 1e-9)
    exact = [halves * s.weight / weight for s in presented]
    given = [math.floor(e + 1e-9) for e in exact]
    for n in sorted(range(len(exact)), key=lambda n: given[n] - exact[n])[:halves - sum(given)]:
        given[n] += 1
    share = {id(s): g / 2 for s, g in zip(presented, given)}
    used = sum(share.values())
    out: list[float | None] = []
    for slide in slides:
        if slide.hidden:
            out.append(None)
        elif slide.section == QUESTIONS:
            out.append(minutes - used)
        else:
            out.append(share[id(slide)])
    return out
