"""`buyin watch --serve`'s preview: each briefing's slides as pictures, its talking points, the problems.

`watch` hands each render here (Session.on_render). The talking points and the
problems are shown at once; the slides are pictures LibreOffice makes in a
background thread (deck → PDF → one PNG a slide, through poppler's pdftoppm),
a few seconds later, so saving never waits for them. Only the latest decks
are rendered: a save that lands while LibreOffice works replaces the waiting
job. Every change bumps `version`, which the page polls to update itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from buyin_cli.libreoffice import find_soffice

if TYPE_CHECKING:
    from buyin_cli.brief import Rendered

SLIDE_DPI = 60  # a slide 13.3 in wide: 800 pixels, sharp enough beside an editor
SECONDS_PER_RENDER = 180


@dataclass
class BriefingPreview:
    """What the page shows of one briefing."""

    talking_points: str = ""
    slides: list[str] = field(default_factory=list)  # picture names, by content: a changed
    rendering: bool = True                            # slide gets a new name, the page reloads it
    note: str = ""  # why there are no pictures (no LibreOffice), or what went wrong


class Preview:
    """The preview's state, shared by watch (writer), the slide renderer and the web server."""

    def __init__(self) -> None:
        self.version = 0
        self.problems: list[str] = []
        self.valid = True
        self.briefings: dict[str, BriefingPreview] = {}
        self.pictures: dict[str, bytes] = {}  # name → PNG
        self._lock = threading.Condition()
        self._job: dict[str, bytes] | None = None
        self._decks: dict[str, bytes] = {}  # the decks last turned into pictures
        self._closed = False
        self._running: subprocess.Popen[bytes] | None = None  # LibreOffice or pdftoppm, drawing
        self._scratch = Path(tempfile.mkdtemp(prefix="buyin-preview-"))
        self._thread = threading.Thread(target=self._render_slides, daemon=True)
        self._thread.start()

    # --- what watch tells it ------------------------------------------------------------

    def rendered(self, rendered: list[Rendered], warnings: list[str]) -> None:
        """A good save: its talking points now, its slides when LibreOffice has drawn them."""
        with self._lock:
            self.problems, self.valid = list(warnings), True
            for item in rendered:
                shown = self.briefings.setdefault(item.briefing_id, BriefingPreview())
                shown.talking_points = item.talking_points
                shown.rendering = self._decks.get(item.briefing_id) != item.deck
            for gone in set(self.briefings) - {item.briefing_id for item in rendered}:
                del self.briefings[gone]
            self._job = {item.briefing_id: item.deck for item in rendered}
            self.version += 1
            self._lock.notify_all()

    def invalid(self, errors: list[str]) -> None:
        """An invalid save: its errors at the top; the last good slides stay below them."""
        with self._lock:
            self.problems, self.valid = list(errors), False
            self.version += 1
            self._lock.notify_all()

    # --- what the server reads ----------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Everything the page shows, as plain data for JSON."""
        with self._lock:
            return {"version": self.version, "valid": self.valid, "problems": self.problems,
                    "briefings": [{"id": key, "talking_points": b.talking_points,
                                   "slides": [f"slides/{name}" for name in b.slides],
                                   "rendering": b.rendering, "note": b.note}
                                  for key, b in self.briefings.items()]}

    def picture(self, name: str) -> bytes | None:
        with self._lock:
            return self.pictures.get(name)

    def wait(self, version: int, seconds: float) -> int:
        """The version, once it is past `version` or `seconds` have gone (a long poll)."""
        with self._lock:
            self._lock.wait_for(lambda: self.version != version, timeout=seconds)
            return self.version

    def close(self) -> None:
        """Stop drawing and remove the scratch folder: a LibreOffice still converting is
        stopped first, or it would write its profile back into the folder once removed."""
        with self._lock:
            self._closed = True
            running = self._running
            self._lock.notify_all()
        if running is not None:
            with _suppressed():
                os.killpg(running.pid, signal.SIGKILL)
        self._thread.join(timeout=10)
        shutil.rmtree(self._scratch, ignore_errors=True)

    # --- the background renderer ---------------------------------------------------------

    def _render_slides(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._job is not None or self._closed)
                if self._closed:
                    return
                job: dict[str, bytes] = self._job or {}
                self._job = None
            for briefing_id, deck in job.items():
                if self._decks.get(briefing_id) == deck:
                    continue
                pictures, note = self._draw(briefing_id, deck)
                with self._lock:
                    shown = self.briefings.get(briefing_id)
                    if self._waiting(briefing_id):
                        continue  # a newer save waits: show its pictures, not these
                    self._decks[briefing_id] = deck
                    if shown is None:
                        continue
                    names = []
                    for png in pictures:
                        name = f"{briefing_id}-{hashlib.sha256(png).hexdigest()[:16]}.png"
                        self.pictures[name] = png
                        names.append(name)
                    shown.slides, shown.note, shown.rendering = names, note, False
                    self._forget_pictures()
                    self.version += 1
                    self._lock.notify_all()

    def _waiting(self, briefing_id: str) -> bool:
        """Whether a newer save of this briefing waits to be drawn (call with the lock held)."""
        return self._job is not None and briefing_id in self._job

    def _forget_pictures(self) -> None:
        shown = {name for b in self.briefings.values() for name in b.slides}
        for name in set(self.pictures) - shown:
            del self.pictures[name]

    def _draw(self, briefing_id: str, deck: bytes) -> tuple[list[bytes], str]:
        """The deck's slides as PNGs, and a note when there are none."""
        soffice, pdftoppm = find_soffice(), shutil.which("pdftoppm")
        if soffice is None or pdftoppm is None:
            return [], ("install LibreOffice and poppler (pdftoppm) to see the slides here; "
                        "the deck and talking points are written all the same")
        work = self._scratch / "work"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        source = work / f"{briefing_id}.pptx"
        source.write_bytes(deck)
        # A profile of its own, kept between renders: LibreOffice starts faster the second time.
        profile = (self._scratch / "profile").as_uri()
        try:
            self._run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", str(work), str(source)])
            pdf = work / f"{briefing_id}.pdf"
            if not pdf.is_file():
                return [], "LibreOffice could not draw this deck; open it in PowerPoint instead"
            if self._run([pdftoppm, "-png", "-r", str(SLIDE_DPI), str(pdf), str(work / "slide")]):
                raise subprocess.SubprocessError("pdftoppm failed")
        except (OSError, subprocess.SubprocessError) as exc:
            return [], f"the slides could not be drawn: {exc}"
        pages = sorted(work.glob("slide-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [page.read_bytes() for page in pages], ""

    def _run(self, command: list[str]) -> int:
        """Run a drawing tool in a process group of its own (so `close` can stop it and what it
        started), within SECONDS_PER_RENDER; its exit status."""
        with self._lock:
            if self._closed:
                raise subprocess.SubprocessError("the preview has stopped")
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
            self._running = process
        try:
            return process.wait(timeout=SECONDS_PER_RENDER)
        except subprocess.TimeoutExpired:
            with _suppressed():
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
        finally:
            with self._lock:
                self._running = None


def _suppressed() -> contextlib.AbstractContextManager[None]:
    """A process already gone is stopped."""
    return contextlib.suppress(ProcessLookupError, PermissionError)
