"""briefings: the meetings, their asks, the course they showcase and, afterwards, their outcome."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from buyin_cli.load.models.base import Accepting, IsoDate, Model, Slug, Text, new_list


class Showcase(Model):
    title: Text = Field(description="The course to demo.")
    url: Text = Field(description="Where to open it.")


def _ask_from_text(value: Any) -> Any:
    """An ask written as plain text is the decision alone."""
    if isinstance(value, str):
        return {"decision": value}
    if not isinstance(value, dict):
        raise ValueError("expected the decision as text, or a mapping {decision, initiative}")
    return value


class Ask(Model):
    decision: Text = Field(description="The decision wanted, e.g. 'Approve £93,680 to roll out "
                                       "Safe Hands to all 240 operators'.")
    initiative: Slug | None = Field(
        default=None, description="Id of the initiative this ask funds: the deck shows its "
                                  "cost, benefit and payback beside it.")


MAX_ASKS = 30

AskItem = Annotated[Ask, BeforeValidator(_ask_from_text)]


def _text_or(schema: dict[str, Any]) -> None:
    """A plain string is an ask too: say so to editors, as the validator reads it."""
    items = schema["items"]
    alternative = dict(items)
    items.clear()
    items["anyOf"] = [{"type": "string", "minLength": 1}, alternative]


Verdict = Literal["approved", "declined", "deferred", "changed"]  # what a meeting decided on an ask


class Decision(Model):
    ask: int = Field(ge=1, description="Which ask was decided: its number in the briefing's "
                                       "asks, counting from 1.")
    decision: Verdict = Field(
        description="What was decided: 'approved', 'declined', 'deferred' (to a later "
                    "meeting) or 'changed' (agreed in another form; say how in note).")
    note: Text | None = Field(default=None, description="What was said, or what changed.")


class FollowUp(Model):
    action: Text = Field(description="What was agreed to be done, e.g. 'Send the roll-out "
                                     "schedule to the plant manager'.")
    owner: Text = Field(description="Who does it.")
    due: IsoDate = Field(description="By when (YYYY-MM-DD).")
    done: bool = Field(default=False, description="Whether it has been done.")


class Outcome(Model):
    held: IsoDate = Field(description="The day the meeting was held (YYYY-MM-DD).")
    decisions: list[Decision] = Field(default_factory=new_list,
                                      description="The decision taken on each ask.")
    follow_ups: list[FollowUp] = Field(default_factory=new_list,
                                       description="The follow-ups agreed: action, owner, due, "
                                                   "done.")


class Briefing(Accepting):
    id: Slug = Field(description="Unique id; names the output files ID.pptx and ID.md.")
    stakeholder: Slug = Field(description="Id of the stakeholder being briefed.")
    date: IsoDate = Field(description="The meeting's date (YYYY-MM-DD).")
    minutes: int = Field(gt=0, description="How long the meeting is.")
    opening_question: Text = Field(description="A question that invites a positive first answer.")
    # A deck lists every ask on each of its pages: thousands of asks make a deck of
    # gigabytes. No meeting takes more decisions than this.
    asks: list[AskItem] = Field(
        min_length=1, max_length=MAX_ASKS,
        description="The decisions wanted: each the decision as text, or {decision, initiative} "
                    "for an ask that funds an initiative.",
        json_schema_extra=_text_or)
    focus: list[Slug] = Field(default_factory=new_list,
                              description="Ids of objectives to lead with (default: all).")
    showcase: Showcase | None = Field(default=None, description="The course to demo.")
    outcome: Outcome | None = Field(
        default=None, description="What happened, recorded after the meeting: the day it was "
                                  "held, the decisions and the follow-ups agreed.")
