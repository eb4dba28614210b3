"""LibreOffice as a converter: many documents in one run, because each run takes seconds to start.

`brief --pdf` converts every deck that needs a hand-out here, and any other
caller (a preview of the deck being written) can too: one call is one
LibreOffice process, started for the call and gone when it returns, so nothing
is left running and no port or pipe is shared with another program. Batching
the documents of a call is what amortises LibreOffice's start-up, without a
long-running instance and the UNO bridge (a Python package tied to LibreOffice's
own Python) that keeping one would take.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from buyin_cli.errors import BuyinError, display_path

STARTUP_SECONDS = 120  # a first run sets up the private profile, which is slow on CI machines
SECONDS_PER_DOCUMENT = 60
HEARTBEAT_SECONDS = 5


class ConversionTimedOut(BuyinError):
    """LibreOffice did not finish within the time allowed for the documents of one call."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"LibreOffice did not finish converting in {seconds} s")
        self.seconds = seconds


def find_soffice() -> str | None:
    """The LibreOffice program, by either of the names it is installed under."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(soffice: str, documents: Sequence[Path], target: str = "pdf",
            say: Callable[[str], None] | None = None) -> dict[Path, bytes]:
    """Each document converted in one LibreOffice run: the bytes it made, by document.

    `target` is LibreOffice's --convert-to: an extension, optionally with a filter and
    its options (`pdf:impress_pdf_Export:{...}`). `say` hears, every few seconds, that
    LibreOffice still works (it is silent itself). A private profile, so a LibreOffice
    the user has open (or a parallel job) neither blocks the conversion nor is
    disturbed by it. Documents with the same file name would overwrite each other's
    output, so the caller passes distinct names.
    """
    extension = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="buyin-convert-") as scratch:
        folder = Path(scratch)
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--headless", "--norestore", "--convert-to", target, "--outdir",
                   str(folder / "out"), *map(str, documents)]
        timeout = STARTUP_SECONDS + SECONDS_PER_DOCUMENT * len(documents)
        try:
            done = _run(command, timeout, say)
        except subprocess.TimeoutExpired:
            raise ConversionTimedOut(timeout) from None
        except OSError as exc:
            raise BuyinError(f"cannot run {soffice}: {exc.strerror}") from None
        made: dict[Path, bytes] = {}
        for document in documents:
            output = folder / "out" / f"{document.stem}.{extension}"
            # LibreOffice exits 0 even when it could not load a file: what it made is the test.
            if not output.is_file():
                said = _last_line(done.stderr) or f"exit status {done.returncode}"
                raise BuyinError(f"{display_path(document)}: LibreOffice could not convert it to "
                                 f"{extension.upper()} ({said})")
            made[document] = output.read_bytes()
        return made


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
