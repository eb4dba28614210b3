"""Helpers for the deck tests: a realistic outline, a text read-back of a .pptx, LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from buyin_cli.render.outline import Outline, parse_outline

STEPS = [f"Step {i}: agree the scope of the pilot with the plant managers and the works council"
         for i in range(1, 21)]

SAMPLE: dict[str, Any] = {
    "continued": " (cont.)",
    "slide_numbers": True,
    "meta": {"title": "Line-leader programme", "author": "L&D team", "subject": "Pilot results"},
    "slides": [
        {"layout": "Title Slide", "title": "Line-leader programme", "subtitle": "Operations meeting",
         "notes": "Open with the headline."},
        {"layout": "Title and Content", "title": "Why now",
         "body": ["Scrap cost £1.4 million last year", {"text": "Plant B: 41%", "level": 1},
                  {"text": "The pilot closes the gap", "bold": True}],
         "notes": "Two minutes.\nThen move on."},
        {"layout": "Title and Content", "title": "Twenty steps", "body": STEPS, "notes": "Skim."},
        {"layout": "Title and Content", "title": "Pilot vs control",
         "body": ["Pilot: -0.9 points", "Control: -0.2 points"],
         "chart": {"kind": "clustered_column", "categories": ["Before", "After"],
                   "series": [{"name": "Pilot", "values": [4.5, 3.6]},
                              {"name": "Control", "values": [4.6, None]}],
                   "number_format": '0.0"%"'},
         "notes": "Stress the control group."},
        {"layout": "Title Only", "title": "What it costs",
         "table": {"columns": ["Item", "Kind", "Amount"],
                   "rows": [[f"Cost item {i}", "one-off", f"£{i * 1000:,}"] for i in range(1, 6)],
                   "align": ["left", "left", "right"]},
         "notes": "From finance."},
        {"layout": "Title and Content", "title": "Find out more",
         "link": {"text": "Open the course", "url": "https://example.com/course"}, "notes": "Share it."},
        {"layout": "Section Header", "title": "Questions?", "notes": "Ten minutes."},
    ],
}


def outline_from(data: dict[str, Any]) -> Outline:
    return parse_outline(yaml.safe_dump(data, allow_unicode=True), "deck.yaml.j2")


def outlines_of(strategy: Path) -> list[Outline]:
    """The outline of each briefing of the strategy at `strategy`, as its deck is built from it."""
    from buyin_cli.brief import render_briefings
    from buyin_cli.load.strategy import load_strategy
    from buyin_cli.review.score import review

    loaded = load_strategy(strategy)
    outlines: list[Outline] = []

    def keep(outline: Outline, template: Path | None, titles: list[str]) -> bytes:
        outlines.append(outline)
        return b""

    render_briefings(loaded, review(loaded), build_deck=keep)
    return outlines


def save_deck(outline: Outline, path: Path, pptx_template: Path | None = None) -> None:
    """Render `outline` and write the deck to `path`, as brief does."""
    from buyin_cli.render.pptx.deck import build_deck

    path.write_bytes(build_deck(outline, pptx_template))


def _round_charts():
    from pptx.enum.chart import XL_CHART_TYPE

    return {XL_CHART_TYPE.DOUGHNUT, XL_CHART_TYPE.PIE}


_ROUND = _round_charts()


def read_deck(path: Path) -> list[dict[str, Any]]:
    """A plain read-back of a saved deck, one dict per slide, as a reviewer would list it."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    slides = []
    for slide in Presentation(str(path)).slides:
        info: dict[str, Any] = {"layout": slide.slide_layout.name, "title": None, "body": [],
                                "subtitle": None, "chart": None, "table": None, "number": None,
                                "links": [], "notes": slide.notes_slide.notes_text_frame.text,
                                "hidden": slide._element.get("show") == "0", "charts": [],
                                "texts": []}
        for shape in slide.shapes:
            if shape.is_placeholder:
                kind = shape.placeholder_format.type
                if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                    info["title"] = shape.text_frame.text
                elif kind == PP_PLACEHOLDER.SUBTITLE or (kind == PP_PLACEHOLDER.BODY
                                                         and slide.slide_layout.name == "Section Header"):
                    info["subtitle"] = shape.text_frame.text
                elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
                    info["number"] = shape.text_frame.text
                else:
                    info["body"] += [(p.level, "".join(r.text for r in p.runs)) for p in
                                     shape.text_frame.paragraphs]
                    info["links"] += [r.hyperlink.address for p in shape.text_frame.paragraphs
                                      for r in p.runs if r.hyperlink.address]
            elif shape.has_text_frame and shape.text_frame.text:
                info["texts"].append(shape.text_frame.text)  # callouts, flows, sources, footer
            if shape.has_chart:
                chart = shape.chart
                axis = chart.value_axis if chart.chart_type not in _ROUND else None
                info["charts"].append({
                    "type": chart.chart_type, "categories": list(chart.plots[0].categories),
                    "series": [(s.name, list(s.values)) for s in chart.series],
                    "axis": (axis.minimum_scale, axis.maximum_scale) if axis is not None else None,
                    "title": chart.chart_title.text_frame.text if chart.has_title else None,
                    "number_format": axis.tick_labels.number_format if axis is not None else None,
                    "legend": chart.has_legend, "width": shape.width / 914400})  # inches
                info["chart"] = info["chart"] or info["charts"][-1]
            if shape.has_table:
                info["table"] = [[cell.text for cell in row.cells] for row in shape.table.rows]
        slides.append(info)
    return slides


def soffice() -> str:
    """The LibreOffice binary; skipped locally when missing, but a failure in CI."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI for the deck rendering test")
    pytest.skip("LibreOffice (soffice) is not installed")


def libreoffice(document: Path, target: str, outdir: Path, profile: Path) -> Path:
    """`document` converted by LibreOffice to `target` (an extension) in `outdir`, with the
    private profile `profile` (parallel runs must not share one); fails loudly."""
    result = subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
         "--outdir", str(outdir), str(document)],
        capture_output=True, text=True, timeout=300)
    made = outdir / f"{document.stem}.{target}"
    # soffice exits 0 even when it could not load the file: check what it says and makes.
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    assert made.is_file(), result.stdout + result.stderr
    return made


def to_pdf(pptx: Path, workdir: Path) -> Path:
    """The deck as a PDF beside it in `workdir`, through LibreOffice."""
    return libreoffice(pptx, "pdf", workdir, workdir / "lo-profile")


def pdf_pages(pdf: Path, *, layout: bool = False) -> list[str]:
    """The text of each page of `pdf` (pdftotext; `layout` keeps the page's columns)."""
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout
    return text.split("\f")[:-1]  # a form feed ends each page


def deck_text(path: Path) -> str:
    """Every word a reader of the saved deck sees: shapes, tables, notes and charts."""
    from pptx import Presentation

    texts: list[str] = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    texts.append(chart.chart_title.text_frame.text)
                texts += [str(c) for c in chart.plots[0].categories]
                texts += [s.name for plot in chart.plots for s in plot.series]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(texts)


def brief_valid(data: dict[str, Any], write: Any, run: Any, workdir: Path) -> tuple[list[dict[str, Any]], str]:
    """The valid strategy's one deck and talking points (`write`, `run` and `workdir` are the
    conftest fixtures), after `brief` succeeded."""
    from conftest import dump

    write("s.yaml", dump(data))
    result = run("brief", "s.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    deck = read_deck(workdir / "out" / "warehouse-manager-briefing.pptx")
    return deck, (workdir / "out" / "warehouse-manager-briefing.md").read_text(encoding="utf-8")
