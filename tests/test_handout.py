"""`brief --pdf`: a hand-out per deck through LibreOffice, made again only when its deck changed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from buyin_cli.brief import Output
from buyin_cli.handout import export_pdfs
from buyin_cli.libreoffice import convert
from deck_helpers import pdf_pages, soffice

DECK = "out/warehouse-manager-briefing.pptx"
PDF = "out/warehouse-manager-briefing.pdf"


def _pages(pdf: Path) -> int:
    return len(pdf_pages(pdf))


@pytest.mark.libreoffice
def test_pdf_has_a_page_per_presented_slide(run, strategy_file: Path) -> None:
    from pptx import Presentation

    soffice()  # skipped locally without LibreOffice, a failure in CI
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    prs = Presentation(DECK)
    slides = sum(s._element.get("show") != "0" for s in prs.slides)  # the presented ones
    assert slides > 5
    # A slide hidden in PowerPoint is not presented, so it is not in the hand-out either.
    prs.slides[2]._element.set("show", "0")
    prs.save("out/hidden.pptx")
    made = export_pdfs([Output(Path(DECK), True), Output(Path("out/hidden.pptx"), True)])
    assert made == [Output(Path(PDF), True), Output(Path("out/hidden.pdf"), True)]
    assert _pages(Path(PDF)) == slides
    assert _pages(Path("out/hidden.pdf")) == slides - 1
    # The deck did not change and its PDF is newer: nothing to convert, nothing touched.
    before = Path(PDF).stat().st_mtime_ns
    assert export_pdfs([Output(Path(DECK), False)]) == [Output(Path(PDF), False)]
    assert Path(PDF).stat().st_mtime_ns == before


# What a fake soffice does: leave a mark for each run, and write a PDF of one line per deck.
MARKS_RUN = 'echo run >> "$PWD/soffice-runs"\n'
WRITES_PDFS = ('while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2; mkdir -p "$out"\n'
               'for deck in "$@"; do name=$(basename "$deck" .pptx); echo "%PDF $name" > "$out/$name.pdf"; done\n')


def _fake_soffice(folder: Path, script: str) -> dict[str, str]:
    """A PATH whose only `soffice` runs `script` (bash), instead of LibreOffice."""
    folder.mkdir()
    program = folder / "soffice"
    program.write_text("#!/bin/bash\n" + script, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{folder}{os.pathsep}/usr/bin:/bin"}


def test_without_libreoffice_the_decks_are_written_and_the_line_says_what_to_install(
        run, strategy_file: Path, workdir: Path) -> None:
    (workdir / "empty").mkdir()
    result = run("brief", strategy_file, "--out", "out", "--pdf", env={"PATH": str(workdir / "empty")})
    assert result.exit_code == 1
    assert f"wrote {DECK}" in result.lines
    assert result.lines[-1] == (
        "error: --pdf: LibreOffice (soffice) was not found; install LibreOffice to write PDFs "
        "(Debian/Ubuntu: apt-get install libreoffice-impress; macOS: brew install --cask "
        "libreoffice); the decks were written, the PDFs were not")
    assert Path(DECK).is_file() and not Path(PDF).exists()


def test_a_deck_libreoffice_cannot_convert_is_named(run, strategy_file: Path, workdir: Path) -> None:
    env = _fake_soffice(workdir / "bin", 'echo "Error: source file could not be loaded" >&2\n')
    result = run("brief", strategy_file, "--out", "out", "--pdf", env=env)
    assert result.exit_code == 1
    assert result.lines[-1] == (f"error: {DECK}: LibreOffice could not convert it to PDF "
                                "(Error: source file could not be loaded)")


def test_an_unchanged_deck_with_a_newer_pdf_is_not_converted_again(
        run, strategy_file: Path, workdir: Path) -> None:
    env = _fake_soffice(workdir / "bin", MARKS_RUN + WRITES_PDFS)
    assert run("brief", strategy_file, "--out", "out", "--pdf", env=env).exit_code == 0
    assert Path(PDF).read_text() == "%PDF warehouse-manager-briefing\n"
    result = run("brief", strategy_file, "--out", "out", "--pdf", env=env)
    assert f"unchanged {PDF}" in result.lines
    assert Path("soffice-runs").read_text() == "run\n"
    Path(PDF).unlink()  # a missing PDF is made again, though its deck did not change
    result = run("brief", strategy_file, "--out", "out", "--pdf", env=env)
    assert f"unchanged {DECK}" in result.lines and f"wrote {PDF}" in result.lines
    assert Path("soffice-runs").read_text() == "run\nrun\n"


def test_a_pdf_planted_with_the_decks_timestamp_is_made_again(
        run, strategy_file: Path, workdir: Path) -> None:
    env = _fake_soffice(workdir / "bin", MARKS_RUN + WRITES_PDFS)
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    Path(PDF).write_text("%PDF planted by a pull request\n")
    deck = os.stat(DECK)
    os.utime(PDF, ns=(deck.st_atime_ns, deck.st_mtime_ns))
    result = run("brief", strategy_file, "--out", "out", "--pdf", env=env)
    assert result.exit_code == 0, result.output
    assert f"wrote {PDF}" in result.lines
    assert Path(PDF).read_text() == "%PDF warehouse-manager-briefing\n"


@pytest.mark.libreoffice
def test_the_pre_read_carries_the_talking_points_after_the_slides(run, strategy_file: Path) -> None:
    soffice()
    result = run("brief", strategy_file, "--out", "out", "--pre-read")
    assert result.exit_code == 0, result.output
    assert "wrote out/warehouse-manager-briefing.pre-read.pdf" in result.stdout.splitlines()
    # LibreOffice is silent for seconds: brief says what it is doing, on stderr
    assert result.stderr.startswith("LibreOffice is making 1 PDF "
                                    "(out/warehouse-manager-briefing.pre-read.pdf)")
    pdf = Path("out/warehouse-manager-briefing.pre-read.pdf")
    pages = pdf_pages(pdf)
    half = len(pages) // 2
    assert len(pages) == 2 * half > 10  # every slide, then every slide with its notes
    opening = next(line for line in Path("out/warehouse-manager-briefing.md").read_text(
        encoding="utf-8").splitlines() if "wait for the answer" in line)
    assert "wait for the answer" not in "".join(pages[:half])  # the slides carry no notes
    assert "wait for the answer" in "".join(pages[half:]), opening
    assert not Path(PDF).exists()  # the pre-read is its own file, beside any hand-out


def test_several_documents_are_converted_by_one_libreoffice_run(workdir: Path) -> None:
    """LibreOffice takes seconds to start, so a call's documents share one run of it."""
    runs = workdir / "soffice-runs"
    _fake_soffice(workdir / "bin", f'echo run >> "{runs}"\n' + WRITES_PDFS)
    decks = [workdir / f"{name}.pptx" for name in ("coo", "cfo", "ops")]
    made = convert(str(workdir / "bin" / "soffice"), decks, "pdf")
    assert made == {deck: f"%PDF {deck.stem}\n".encode() for deck in decks}
    assert runs.read_text() == "run\n"
