"""`buyin check` and `buyin schema`: is the strategy valid and ready, and what is its format."""

import contextlib
import os
import re
import sys
from datetime import date
from enum import Enum
from typing import Annotated

import typer

from buyin_cli.commands.app import Command, StrategyPath, app, step_summary


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def day(value: str) -> date:
    """A date option's value, written YYYY-MM-DD; anything else is a usage error (exit 2)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    raise typer.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-02-01")


@app.command(cls=Command)
def check(
    path: StrategyPath = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    output: Annotated[CheckFormat, typer.Option(
        "--format", help="text for people, json for tools, github for workflow annotations.",
        case_sensitive=False)] = CheckFormat.text,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="CODE",
        help="Skip a readiness warning code (repeatable, or comma-separated).")] = None,
    today: Annotated[date | None, typer.Option(
        "--today", metavar="DATE", parser=day,
        help="The day follow-ups are due against, YYYY-MM-DD (default: the latest "
             "briefing's date, so the review does not change with the clock).")] = None,
) -> None:
    """Validate a strategy, review its readiness for the meeting, and list every problem
    as FILE:LINE:COL: CODE message.

    Errors (E codes) make the strategy unusable; readiness warnings (W codes) say what
    would lose the room and what to add. A valid strategy also gets a readiness score
    out of 100, one line per buy-in method. Accept a warning for one item with
    `accept: {CODE: reason}` in the YAML.

    Exits 0 when valid (warnings allowed), 1 when invalid or, with --strict, on any warning.

    \b
    Example:
      buyin check strategy/
      buyin check strategy.yaml --format github --strict
      buyin check strategy.yaml --ignore W501,W404
      buyin check strategy/ --today 2026-02-01
    """
    from buyin_cli.errors import Problem
    from buyin_cli.load.strategy import check_strategy, collector_paused
    from buyin_cli.present.report import annotation_order, check_json, github_annotation, painter, text_report
    from buyin_cli.review.score import review

    # One run, then the process ends: the cycle collector, back on between reading and
    # reviewing, would walk every object of the strategy again to find little garbage
    # (a fifth of checking 50k records).
    assert path is not None  # Command.parse_args takes it from buyin.toml, or stops
    with collector_paused(kept=True):
        loaded, problems = check_strategy(path)
        readiness = None
        if loaded is not None:
            codes = [code for option in ignore or () for code in option.split(",")]
            readiness = review(loaded, ignore=codes, today=today)
            problems = problems + readiness.warnings
    problems = sorted(problems, key=Problem.sort_key)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        from buyin_cli.present.summary import check_summary

        step_summary("\n".join(check_summary(path, problems, readiness)))
    if output is CheckFormat.json:
        print(check_json(problems, readiness))
    elif output is CheckFormat.github:
        for problem in annotation_order(problems, readiness):
            print(github_annotation(problem))
    else:
        print("\n".join(text_report(path, problems, readiness, painter(sys.stdout))))
    if errors or (strict and warnings):
        raise typer.Exit(1)


@app.command(cls=Command)
def schema(
    part: Annotated[bool, typer.Option(
        "--part", help="The schema of one file of a strategy split across files: any "
                       "sections, none required.")] = False,
) -> None:
    """Print the JSON Schema of the strategy format, for editors and other tools.

    \b
    Example:
      buyin schema > buyin.schema.json
      buyin schema --part > buyin.schema.json   # a folder of files, one section or more each
      # then, first line of a strategy file:
      # yaml-language-server: $schema=buyin.schema.json
    """
    import json

    from buyin_cli.load.schema import part_schema, strategy_schema

    print(json.dumps(part_schema() if part else strategy_schema(), indent=2, ensure_ascii=False))
