"""Write the code tables of docs/errors.md and docs/warnings/README.md from the registry.

    python tools/write_docs.py           # rewrite the tables in place
    python tools/write_docs.py --check   # exit 1 if a table is out of date

Each table sits between `<!-- codes:NAME -->` and `<!-- /codes -->` markers; the
prose around them is written by hand. The test suite runs the check.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from buyin_cli.codes import CODES, ERROR_GROUPS, METHODS

DOCS = Path(__file__).resolve().parents[1] / "docs"
_BLOCK = re.compile(r"(<!-- codes:(?P<name>[\w-]+) -->\n).*?(?=<!-- /codes -->)", re.S)


def tables() -> dict[str, str]:
    """Each named table's Markdown, from the registry."""
    out = {}
    for digit in ERROR_GROUPS:
        rows = [c for c in CODES.values() if c.severity == "error" and c.code[1] == digit]
        out[f"errors-{digit}"] = ("| code | meaning | what to do |\n|---|---|---|\n"
                                  + "".join(f"| {c.code} | {c.title} | {c.fix} |\n" for c in rows))
    for n, method in enumerate((None, *METHODS)):
        rows = [c for c in CODES.values() if c.severity == "warning" and c.method == method]
        out[f"warnings-{n}"] = ("| code | warning |\n|---|---|\n"
                                + "".join(f"| [{c.code}]({c.code}.md) | "
                                          f"{c.title[0].upper()}{c.title[1:]} |\n" for c in rows))
    return out


def rewritten(text: str) -> str:
    """`text` with every marked table written anew."""
    known = tables()
    return _BLOCK.sub(lambda m: m.group(1) + known[m.group("name")], text)


def pages() -> list[Path]:
    return [DOCS / "errors.md", DOCS / "warnings" / "README.md"]


def main(argv: list[str]) -> int:
    stale = []
    for page in pages():
        text = page.read_text(encoding="utf-8")
        new = rewritten(text)
        if new != text:
            stale.append(page)
            if "--check" not in argv:
                page.write_text(new, encoding="utf-8")
    if stale and "--check" in argv:
        print("out of date: " + ", ".join(str(p) for p in stale) + "; run tools/write_docs.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
