"""What slide 2 and the numbers must hold about money, whatever strategy `check` accepted.

The money on slide 2 is the money this meeting asks for: a plain ask for a pilot of an
initiative, or for support, prices nothing; the total reconciles with the numbers table;
one share is never said for several initiatives; an unpriced initiative is never said not to
pay back; "conservative" is never said beside "an upper bound".
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from buyin_cli.present.build.own_words import short_name

# How the maker asks for something other than the roll-out's money (a pilot, support).
NOT_FUNDING = re.compile(r"\bpilot|\bPiloten\b|\bsupport|unterstützen", re.IGNORECASE)
# Asks the room to agree that something starts, or to something someone else pays for: its money,
# said beside the ask as the initiative's own, is not the meeting's.
ELSEWHERE = re.compile(r"\bfunded by\b|\bgetragen\b", re.IGNORECASE)
AGREED = re.compile(r"\b(?:starts?|startet|takes place|stattfindet)\b|" + ELSEWHERE.pattern, re.IGNORECASE)
DOES_NOT_PAY_BACK = re.compile(r"does not pay back|amortisiert sich nicht")
ONE_FOR_MANY = re.compile(r"each one's pilot effect|jede Initiative", re.IGNORECASE)
CONSERVATIVE = re.compile(r"\bconservative\b|vorsichtig gerechnet", re.IGNORECASE)
UPPER_BOUND = re.compile(r"upper bound|Obergrenze", re.IGNORECASE)
NUMBERS_HEADER = ("Benefit a year", "Nutzen pro Jahr")


def said_aloud(amount: int) -> str:
    """`amount` to three significant figures, half up, as a title says it: 130500 → 131000."""
    places = 3 - len(str(abs(amount)))
    return str(int(Decimal(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)))


def digits(text: str) -> str:
    """Numbers with their group separators taken out (1,234 / 1.234 / 1 234 → 1234)."""
    return re.sub(r"(?<=\d)[,.\u00a0\u202f ](?=\d{3}\b)", "", text)


def funded(strategy: dict[str, Any], briefing: dict[str, Any]) -> list[dict[str, Any]]:
    """The initiatives a meeting asks money for: linked asks, and plain asks naming one that
    ask for its roll-out, not for a pilot of it or support."""
    found = []
    for initiative in strategy["initiatives"]:
        for ask in briefing["asks"]:
            if (isinstance(ask, dict) and ask.get("initiative") == initiative["id"]
                    and not ELSEWHERE.search(ask["decision"])) or (
                    isinstance(ask, str) and initiative["title"].lower() in ask.lower()
                    and not NOT_FUNDING.search(ask) and not AGREED.search(ask)):
                found.append(initiative)
                break
    return found


def _texts(slide: dict[str, Any]) -> list[str]:
    return [slide["title"] or ""] + [t for _, t in slide["body"]] + slide["texts"] + [
        cell for row in slide["table"] or [] for cell in row]


def unpriced_losses(slides: list[dict[str, Any]], strategy: dict[str, Any],
                    figures: dict[str, Any]) -> list[str]:
    """A title saying an initiative whose return is not priced does not pay back."""
    unpriced = [i for i in strategy["initiatives"]
                if not figures["initiatives"][i["id"]]["rollout_benefit"]]
    return [f"slide {n}: {s['title']!r} says an unpriced initiative does not pay back"
            for n, s in enumerate(slides, 1) if s["title"] and DOES_NOT_PAY_BACK.search(s["title"])
            and any(i["title"] in s["title"] or short_name(i["title"]) in s["title"].split(", ")
                    for i in unpriced)]


def one_share_for_many(slides: list[dict[str, Any]], talking_points: str) -> list[str]:
    """One number said as each initiative's own share."""
    said = [(f"slide {n}", t) for n, s in enumerate(slides, 1) for t in _texts(s) + [s["notes"]]]
    return [f"{where}: {text[:90]!r}" for where, text in said + [("talking points", talking_points)]
            if ONE_FOR_MANY.search(text)]


def conservative_upper_bound(slides: list[dict[str, Any]]) -> list[str]:
    """"Conservative" in the same text as "an upper bound"."""
    return [f"slide {n}: {text[:90]!r}" for n, s in enumerate(slides, 1)
            for text in _texts(s) + [s["notes"]]
            if CONSERVATIVE.search(text) and UPPER_BOUND.search(text)]


def asked_money(slides: list[dict[str, Any]], strategy: dict[str, Any],
                briefing: dict[str, Any], figures: dict[str, Any]) -> list[str]:
    """Slide 2 prices what is asked for and nothing else, and the numbers table agrees.

    A meeting that asks no money at all may show what the initiatives it presents would cost
    and return, as the case behind its asks: that is no price of an ask.
    """
    money = [figures["initiatives"][i["id"]] for i in funded(strategy, briefing)]
    ids = {i["id"] for i in funded(strategy, briefing)}
    found: list[str] = []
    decision = slides[1]
    for initiative in strategy["initiatives"] if ids else []:
        cost = figures["initiatives"][initiative["id"]]["rollout_cost"]
        agreed = any(initiative["title"].lower() in (a if isinstance(a, str) else a["decision"]).lower()
                     and AGREED.search(a if isinstance(a, str) else a["decision"]) for a in briefing["asks"])
        if initiative["id"] in ids or not cost or agreed:
            continue
        for _, line in decision["body"]:
            if line.startswith(initiative["title"] + ":") and str(round(cost)) in digits(line):
                found.append(f"slide 2 prices {initiative['title']!r}, asked only for a pilot "
                             f"or support: {line[:90]!r}")
    cost = round(sum(f["rollout_cost"] for f in money))
    if not any(f["rollout_benefit"] > 0 for f in money) or not cost:
        return found
    if not {str(cost), said_aloud(cost)} & set(re.findall(r"\d+", digits(decision["title"] or ""))):
        found.append(f"slide 2's title does not state the {cost} asked for: {decision['title']!r}")
    # The numbers table's total row, on the last of its slides when it continues.
    numbers = [(n, s["table"]) for n, s in enumerate(slides, 1) if s["table"] and len(s["table"]) > 1
               and any(h in s["table"][0] for h in NUMBERS_HEADER)]
    if numbers and str(cost) not in digits(numbers[-1][1][-1][2]):
        found.append(f"slide {numbers[-1][0]}'s numbers total {numbers[-1][1][-1][2]!r}, "
                     f"slide 2 {cost}")
    return found


CONTINUED = ("(cont.)", "(Forts.)")
# The first money figure of a table cell, as either locale writes it: "€609,412 (× 1,400/340)".
CELL_MONEY = re.compile(r"^(−)?[£$€]\u00a0?(\d[\d,]*)\b|^(−)?(\d[\d.]*)\u00a0€")


def _cell_money(cell: str) -> int | None:
    """A table cell's money in whole units, when the cell opens with money."""
    m = CELL_MONEY.match(cell.strip())
    if m is None:
        return None
    value = int(re.sub(r"\D", "", m.group(2) or m.group(4)))
    return -value if m.group(1) or m.group(3) else value


def tables_add_up(slides: list[dict[str, Any]]) -> list[str]:
    """A table whose total row does not add up, as shown, to the parts above it: a finance
    reader adds a column of money and must get its total. A column whose total repeats its
    last row is a running figure, not a sum (the years' running net)."""
    found: list[str] = []
    tables: list[tuple[int, list[list[str]]]] = []
    for n, s in enumerate(slides, 1):
        rows = s["table"] or []
        # A table too long for one slide goes on under the same header, its title "(cont.)".
        if tables and rows and (s["title"] or "").endswith(CONTINUED) and rows[0] == tables[-1][1][0]:
            tables[-1][1].extend(rows[1:])
        elif rows:
            tables.append((n, list(rows)))
    for n, rows in tables:
        if len(rows) < 3 or not all(len(r) == len(rows[0]) for r in rows):
            continue
        body, total = rows[1:-1], rows[-1]
        for col in range(1, len(total)):
            shown = [_cell_money(r[col]) for r in body]
            said = _cell_money(total[col])
            if said is None or None in shown or (len(body) > 1 and total[col] == body[-1][col]):
                continue
            if sum(v for v in shown if v is not None) != said:
                found.append(f"slide {n}: {rows[0][col]!r} adds up to {sum(v for v in shown if v is not None):,}, "
                             f"its total says {total[col]!r}")
    return found
