"""PDF hand-outs of the decks, through LibreOffice: a pre-read to send ahead of the meeting.

LibreOffice's PDF export leaves out hidden slides, so the hand-out has a page
for each slide that is presented. Its PDFs carry a creation time and cannot be
byte-reproducible, so a hand-out is only made again when its deck changed or
is newer than it: an unchanged deck keeps its PDF, mtime and all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from buyin_cli.brief import Output
from buyin_cli.errors import BuyinError, display_path
from buyin_cli.libreoffice import ConversionTimedOut, convert, find_soffice
from buyin_cli.render.outputs import Pending, write_outputs_together, written_by_buyin
from buyin_cli.words import plural

INSTALL_HINT = ("install LibreOffice to write PDFs (Debian/Ubuntu: apt-get install "
                "libreoffice-impress; macOS: brew install --cask libreoffice)")


class LibreOfficeMissing(BuyinError):
    """`--pdf` was asked for where LibreOffice is not installed."""


# A pre-read: LibreOffice's notes pages (each slide with its talking points) after the slides.
NOTES_FILTER = 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}'


def export_pdfs(decks: list[Output], *, notes: bool = False,
                say: Callable[[str], None] | None = None) -> list[Output]:
    """Write ID.pdf (with `notes`, ID.pre-read.pdf: the slides, then each slide's talking
    points) beside each deck that changed or has no PDF as new as itself. `say` hears
    what LibreOffice is doing while it works, which takes seconds a deck."""
    suffix = ".pre-read.pdf" if notes else ".pdf"
    pdfs = {deck.path: deck.path.with_name(deck.path.stem + suffix) for deck in decks}
    stale = [deck.path for deck in decks if deck.changed or not _fresh(pdfs[deck.path], deck.path)]
    if stale:
        soffice = find_soffice()
        if soffice is None:
            raise LibreOfficeMissing(f"--pdf: LibreOffice (soffice) was not found; {INSTALL_HINT}; "
                                     "the decks were written, the PDFs were not")
        if say is not None:
            say(f"LibreOffice is making {plural(len(stale), 'PDF', 'PDFs')} "
                f"({', '.join(display_path(pdfs[d]) for d in stale)}); a few seconds a deck")
        _convert(soffice, stale, pdfs, NOTES_FILTER if notes else "pdf", say)
    return [Output(pdfs[deck.path], deck.path in stale, deck.briefing_id) for deck in decks]


def _fresh(pdf: Path, deck: Path) -> bool:
    """A hand-out buyin made (by the out folder's record), no older than its deck: a PDF
    planted with the deck's timestamp is made again."""
    try:
        return pdf.stat().st_mtime_ns >= deck.stat().st_mtime_ns and written_by_buyin(pdf)
    except FileNotFoundError:
        return False


def _convert(soffice: str, decks: list[Path], pdfs: dict[Path, Path], target: str = "pdf",
             say: Callable[[str], None] | None = None) -> None:
    """Convert every deck in one LibreOffice run (it starts slowly), then write each PDF in place."""
    try:
        made = convert(soffice, decks, target, say)
    except ConversionTimedOut as exc:
        raise BuyinError(f"--pdf: LibreOffice did not finish converting the decks in "
                         f"{exc.seconds} s; the decks were written, the PDFs were not") from None
    for deck in decks:
        try:  # recorded, as the decks are, so a PDF planted beside them is not taken for it
            write_outputs_together(pdfs[deck].parent, [Pending(pdfs[deck], made[deck])], force=True)
        except OSError as exc:
            raise BuyinError(f"{display_path(pdfs[deck])}: cannot write: {exc.strerror}") from None
