"""PDF hand-outs of the decks, through LibreOffice: a pre-read to send ahead of the meeting.

LibreOffice's PDF export leaves out hidden slides, so the hand-out has a page
for each slide that is presented. Its PDFs carry a creation time and cannot be
byte-reproducible, so a hand-out is only made again when its deck changed or
is newer than it: an unchanged deck keeps its PDF, mtime and all.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from buyin_cli.brief import Output
from buyin_cli.errors import BuyinError, display_path
from buyin_cli.render.atomic import write_atomic
from buyin_cli.words import plural

INSTALL_HINT = ("install LibreOffice to write PDFs (Debian/Ubuntu: apt-get install "
                "libreoffice-impress; macOS: brew install --cask libreoffice)")
STARTUP_SECONDS = 120  # a first run sets up the private profile, which is slow on CI machines
SECONDS_PER_DECK = 60


class LibreOfficeMissing(BuyinError):
    """`--pdf` was asked for where LibreOffice is not installed."""


def find_soffice() -> str | None:
    """The LibreOffice program, by either of the names it is installed under."""
    return shutil.which("soffice") or shutil.which("libreoffice")


# A pre-read: LibreOffice's notes pages (each slide with its talking points) after the slides.
NOTES_FILTER = 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}'
HEARTBEAT_SECONDS = 5


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
    try:
        return pdf.stat().st_mtime_ns >= deck.stat().st_mtime_ns
    except FileNotFoundError:
        return False


def _convert(soffice: str, decks: list[Path], pdfs: dict[Path, Path], target: str = "pdf",
             say: Callable[[str], None] | None = None) -> None:
    """Convert every deck in one LibreOffice run (it starts slowly), then move each PDF in place.

    A private profile, so a LibreOffice the user has open (or a parallel job) neither
    blocks the conversion nor is disturbed by it.
    """
    with tempfile.TemporaryDirectory(prefix="buyin-pdf-") as scratch:
        folder = Path(scratch)
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--headless", "--norestore", "--convert-to", target, "--outdir",
                   str(folder / "out"), *map(str, decks)]
        timeout = STARTUP_SECONDS + SECONDS_PER_DECK * len(decks)
        try:
            done = _run(command, timeout, say)
        except subprocess.TimeoutExpired:
            raise BuyinError(f"--pdf: LibreOffice did not finish converting the decks in "
                             f"{timeout} s; the decks were written, the PDFs were not") from None
        except OSError as exc:
            raise BuyinError(f"--pdf: cannot run {soffice}: {exc.strerror}") from None
        for deck in decks:
            made = folder / "out" / f"{deck.stem}.pdf"
            # LibreOffice exits 0 even when it could not load a file: what it made is the test.
            if not made.is_file():
                said = _last_line(done.stderr) or f"exit status {done.returncode}"
                raise BuyinError(f"{display_path(deck)}: LibreOffice could not convert it to PDF "
                                 f"({said})")
            try:
                write_atomic(pdfs[deck], made.read_bytes())
            except OSError as exc:
                raise BuyinError(f"{display_path(pdfs[deck])}: cannot write: {exc.strerror}") from None


def _run(command: list[str], timeout: float,
         say: Callable[[str], None] | None) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice, saying every few seconds that it still works (it is silent itself)."""
    started = time.monotonic()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          stdin=subprocess.DEVNULL) as process:
        while True:
            try:
                out, err = process.communicate(timeout=HEARTBEAT_SECONDS)
                break
            except subprocess.TimeoutExpired:
                elapsed = time.monotonic() - started
                if elapsed > timeout:
                    process.kill()
                    process.communicate()
                    raise
                if say is not None:
                    say(f"  … still converting ({elapsed:.0f} s)")
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and "javaldx" not in line]  # a harmless warning on every start
    return lines[-1] if lines else ""
