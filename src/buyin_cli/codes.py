"""Every code buyin reports, with its one-line meaning: the one registry, as ruff keeps its rules.

Errors (E…) make a strategy unusable; warnings (W…) are the readiness review, each
belonging to one of the five methods that win management buy-in (W0xx are about the
review itself). A Problem with a code that is not here is a bug, refused when it is
made; `docs/errors.md` and `docs/warnings/` are written from this table
(`tools/write_docs.py`) and a test keeps them in step.
"""

from __future__ import annotations

from typing import Literal

from buyin_cli.records import dataclass

Severity = Literal["error", "warning"]

METHODS = ("Tie to business results", "Knowledge, skills and motivation", "Prove it",
           "Bring managers along", "The meeting")

# Errors by the hundreds digit, as docs/errors.md groups them.
ERROR_GROUPS = {"0": "Files", "1": "YAML", "2": "The format", "3": "Relations between values",
                "4": "Data files"}


@dataclass(frozen=True)
class Code:
    """One code: what it means in a line, and what to do (errors) or its method (warnings)."""

    code: str
    title: str
    fix: str = ""  # errors: what to do about it
    method: str | None = None  # warnings: the buy-in method; None for the review's own

    @property
    def severity(self) -> Severity:
        return "error" if self.code.startswith("E") else "warning"


def _errors(*rows: tuple[str, str, str]) -> list[Code]:
    return [Code(code, title, fix) for code, title, fix in rows]


def _warnings(method: str | None, *rows: tuple[str, str]) -> list[Code]:
    return [Code(code, title, method=method) for code, title in rows]


CODES: dict[str, Code] = {c.code: c for c in (
    *_errors(
        ("E001", "no such file or folder, a file or folder that cannot be read, or a link to "
                 "a file outside the strategy's folder",
         "give the path of a strategy `.yaml` file or of a folder of them"),
        ("E002", "a folder with no `.yaml` or `.yml` files",
         "put the strategy's YAML files in it"),
        ("E003", "a `buyin.toml` that is not valid TOML, or holds a key or value buyin "
                 "does not know",
         "write the keys the message lists, each `key = value` on a line of its own"),
        ("E101", "YAML syntax error (including tabs for indentation, or more than one "
                 "document per file)",
         "fix the YAML at the place shown; indent with spaces"),
        ("E102", "the file is not valid UTF-8", "save the file as UTF-8"),
        ("E103", "a control character in the text", "remove it (it would corrupt the deck)"),
        ("E104", "the same key twice in one mapping", "keep one and delete the other"),
        ("E105", "too large: a file over 1 MB, files over 64 MB in all, more than 100,000 "
                 "values (often through nested aliases or merge keys), nesting over 64 levels, "
                 "or a data file of more than 10,000 rows",
         "split the strategy or remove repetition"),
        ("E106", "an empty file (or only comments)",
         "add the strategy's sections, starting with `buyin: 1`"),
        ("E107", "the top level is not a mapping",
         "write sections as `key: value` lines at the top level"),
        ("E201", "an unknown key (a typo, usually: the message suggests the closest known key)",
         "rename or remove it"),
        ("E202", "a required key is missing (located at the mapping that lacks it)",
         "add it; the message says what it means"),
        ("E203", "a value of the wrong type: text for a number, a list for text…; also an "
                 "unquoted `yes`/`no`/`on`/`off` where text belongs, a number YAML reads in "
                 "another base (`0120` as octal 80, `1:30` as 90), and YAML tags",
         "write the type asked for; quote text that YAML would read as true or false"),
        ("E204", "a value out of bounds or not one of the choices: an id that is not a slug, "
                 "empty text, a list with too few items, a number out of range, an unknown "
                 "currency or locale, an impossible date, a number beyond a trillion either way or "
                 "nearer 0 than 0.0001",
         "use a value the message allows"),
        ("E301", "the same id twice in one section (across all files)",
         "make ids unique within the section"),
        ("E302", "a reference to an id that does not exist",
         "fix the id (the message suggests the closest) or add the item"),
        ("E303", "a section that is not a list (such as `sponsor` or `title`) set in two files",
         "keep it in one file"),
        ("E304", "values that contradict each other: a pilot that ends before it starts, more "
                 "completed than enrolled (a pilot's usage, an initiative's tracking), a rating "
                 "above its scale, one control reading without the other, a trend line beside a "
                 "comparison group, participants' estimates beside isolation or confidence, "
                 "a metric measured twice in a pilot",
         "correct the readings"),
        ("E305", "`buyin brief` on a strategy with no briefings",
         "add a meeting under `briefings`"),
        ("E306", "a briefing's outcome decides an ask the briefing does not have, or one ask "
                 "twice",
         "number the asks from 1 as the briefing lists them; one decision per ask"),
        ("E401", "a data file's cell that is not the number its column needs: text such as "
                 "`n/a`, an empty cell, a fraction where a count belongs, a number whose "
                 "decimal mark contradicts the column's others",
         "correct the cell in the system it was exported from, or in the file"),
        ("E402", "a data file has no column with the header the strategy names (the message "
                 "lists the headers it has)",
         "name one of its headers, as written, in the strategy"),
        ("E403", "a data file's periods out of time order, or one period in two rows",
         "sort the export by period; keep one row per period"),
        ("E404", "a data file with no header row, or a header and no rows",
         "export the report again, with its header row and its rows"),
        ("E405", "a workbook that has no sheet of the name the strategy gives",
         "name one of its sheets (the message lists them), or leave `sheet` out for the first"),
        ("E406", "a data file that cannot be read as one: not CSV text, not an .xlsx workbook, "
                 "a workbook with macros, or one that expands to too much",
         "export it again as .csv or as a plain .xlsx workbook"),
    ),
    *_warnings(
        None,
        ("W001", "an accept names an unknown warning code"),
        ("W002", "--ignore names an unknown warning code"),
        ("W003", "an accepted warning does not fire there"),
        ("W004", "buyin's own wording is not translated into the briefing's language"),
    ),
    *_warnings(
        METHODS[0],
        ("W101", "an objective no initiative serves"),
        ("W102", "an initiative with no monetisable metric"),
        ("W103", "a metric a pilot measures has no value in money"),
        ("W104", "a metric without an actual reading"),
        ("W105", "a revenue metric valued at 1 per unit: revenue, not margin"),
        ("W106", "a level's unit that names a period, such as '% per quarter'"),
    ),
    *_warnings(
        METHODS[1],
        ("W201", "an audience with a gap kind not analysed"),
        ("W202", "a gap with no evidence"),
    ),
    *_warnings(
        METHODS[2],
        ("W301", "a pilot result that isolates nothing, or credits all of the change to the "
                 "learning"),
        ("W302", "an initiative without a pilot"),
        ("W303", "an isolation estimate without a confidence adjustment, or held with full "
                 "confidence"),
        ("W304", "a pilot missing one of reaction, learning and usage"),
        ("W305", "a pilot whose results are learning numbers only"),
        ("W306", "a pilot with no results"),
        ("W307", "a roll-out that would remove more than there is, or take a % past 100"),
        ("W308", "a pilot too small, or scaled up too far, to stand for the roll-out"),
        ("W309", "a pilot result on a metric none of its initiative's objectives track"),
        ("W310", "an ROI above 1,000% or a payback under a month"),
        ("W311", "a pilot that shows results but no application on the job"),
        ("W312", "an approved roll-out with no tracking 90 days after the meeting"),
        ("W313", "an initiative's costs without participants' time: not fully loaded"),
        ("W315", "two initiatives crediting the same change to the same people, added up"),
        ("W316", "a roll-out that needs more than its whole pilot effect to break even"),
        ("W317", "a level (a %, a score, a duration, an average, a rate) whose pilot benefit the roll-out "
                 "multiplies by the scale-up R as if it were a count"),
        ("W318", "a roll-out benefit that rests on a handful of events"),
        ("W319", "a roll-out benefit credited from a handful of participants' estimates"),
    ),
    *_warnings(
        METHODS[3],
        ("W401", "a briefed stakeholder with no needs"),
        ("W402", "a briefed stakeholder with no benefits"),
        ("W403", "a concern with no prepared answer"),
        ("W404", "no sponsor"),
        ("W405", "a sponsor without usage targets"),
    ),
    *_warnings(
        METHODS[4],
        ("W501", "a briefing without a showcase course"),
        ("W502", "an ask that is not a decision"),
        ("W503", "a meeting too short to leave a third for questions"),
        ("W504", "an ask whose amount is none of the figures"),
        ("W505", "a follow-up past due and not done"),
        ("W506", "a later meeting with the stakeholder that does not come back to an overdue "
                 "follow-up"),
        ("W507", "an ask for a pilot that names no amount"),
    ),
)}

WARNINGS: dict[str, Code] = {code: c for code, c in CODES.items() if c.severity == "warning"}
# The warnings a strategy can accept or a run can ignore: the review's own cannot be.
RULES: dict[str, Code] = {code: c for code, c in WARNINGS.items() if c.method is not None}
