"""Extract buyin's own wording into translations/buyin.pot, and bring every catalogue up to date.

    python tools/update_catalogues.py            # write buyin.pot, update each LANG/…/buyin.po
    python tools/update_catalogues.py --check    # exit 1 if buyin.pot is out of date

The messages are every `_()`, `gettext()`, `ngettext()` and `{% trans %}` of the
templates (Jinja's extractor, as `pybabel extract` runs it), the gettext calls in
the code (`brief`'s, those of `roi`'s tables in present/terminal/ and the working's notes,
marked `N_()`, that they show), and the one-line
titles of the readiness warnings (codes.py), which a briefing's talking points show in its
language. A translator then edits
src/buyin_cli/translations/LANG/LC_MESSAGES/buyin.po; nothing else changes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from buyin_cli.codes import CODES  # noqa: E402
from buyin_cli.translations import DOMAIN, FOLDER  # noqa: E402

METHODS = [("templates/**.j2", "jinja2"), ("src/buyin_cli/render/templating.py", "python"),
           ("src/buyin_cli/brief.py", "python"), ("src/buyin_cli/present/terminal/**.py", "python"),
           ("src/buyin_cli/figures/**.py", "python")]
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                               "lstrip_blocks": "true"}}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}  # N_: a working's note


def template() -> Catalog:
    """The message template, as extracted from the templates, the code and the registry."""
    catalog = Catalog(project="buyin", domain=DOMAIN, charset="utf-8", fuzzy=False,
                      header_comment="# buyin's own wording, the template of its catalogues.\n"
                                     "# Written by tools/update_catalogues.py: do not edit.")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), METHODS, OPTIONS, KEYWORDS, comment_tags=("Translators:",)):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for code in CODES.values():
        if code.severity == "warning":
            catalog.add(code.title, None, [("src/buyin_cli/codes.py", 0)],
                        auto_comments=[f"The title of readiness warning {code.code}."])
    return catalog


def text(catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalog, omit_header=False, sort_output=True, width=100, no_location=True,
             include_previous=False)
    lines = out.getvalue().decode("utf-8").splitlines(keepends=True)
    # The dates Babel stamps would change the file on every run.
    return "".join(line for line in lines if not line.startswith(('"POT-Creation-Date',
                                                                  '"PO-Revision-Date')))


def main(argv: list[str]) -> int:
    pot = template()
    path = FOLDER / f"{DOMAIN}.pot"
    new = text(pot)
    if "--check" in argv:
        if not path.is_file() or path.read_text(encoding="utf-8") != new:
            print(f"{path} is out of date; run tools/update_catalogues.py")
            return 1
        return 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")
    for po in sorted(FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parents[1].name)
        catalog.update(pot, no_fuzzy_matching=True)
        po.write_text(text(catalog), encoding="utf-8")
        print(f"updated {po.relative_to(ROOT)}")
    print(f"wrote {path.relative_to(ROOT)} ({len(pot)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
