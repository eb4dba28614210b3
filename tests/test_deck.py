"""The .pptx renderer: what a reviewer reads back from the saved file, fitting, reproducibility."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from buyin_cli.errors import TemplateError
from buyin_cli.render.pptx import textfit
from buyin_cli.render.pptx.deck import build_deck
from buyin_cli.render.pptx.layout import EMU_PER_PT, INSET_X, INSET_Y
from buyin_cli.render.pptx.templatefile import default_template
from deck_helpers import SAMPLE, STEPS, outline_from, pdf_pages, read_deck, save_deck, to_pdf


@pytest.fixture
def sample(tmp_path: Path) -> list[dict]:
    out = tmp_path / "deck.pptx"
    save_deck(outline_from(SAMPLE), out)
    return read_deck(out)


def test_every_slide_reads_back(sample: list[dict]) -> None:
    assert [(s["layout"], s["title"]) for s in sample] == [
        ("Title Slide", "Line-leader programme"),
        ("Title and Content", "Why now"),
        ("Title and Content", "Twenty steps"),
        ("Title and Content", "Twenty steps (cont.)"),
        ("Title and Content", "Pilot vs control"),
        ("Title Only", "What it costs"),
        ("Title and Content", "Find out more"),
        ("Section Header", "Questions?"),
    ]
    title, why, steps, more_steps, pilot, costs, link, questions = sample
    assert title["subtitle"] == "Operations meeting" and title["body"] == []
    assert why["body"] == [(0, "Scrap cost £1.4 million last year"), (1, "Plant B: 41%"),
                           (0, "The pilot closes the gap")]
    assert [text for _, text in steps["body"] + more_steps["body"]] == STEPS
    assert pilot["body"] == [(0, "Pilot: -0.9 points"), (0, "Control: -0.2 points")]
    assert pilot["chart"].pop("width") >= 4.6  # inches: a readable plot beside the list
    assert pilot["chart"] == {"type": XL_CHART_TYPE.COLUMN_CLUSTERED, "categories": ["Before", "After"],
                              "series": [("Pilot", [4.5, 3.6]), ("Control", [4.6, None])],
                              "axis": (0.0, 6.0), "title": None, "legend": True,  # columns start at zero
                              # a negative with the text's minus; the axis steps by whole points
                              "number_format": '0"%";"−"0"%"'}
    assert costs["table"][0] == ["Item", "Kind", "Amount"]
    assert costs["table"][1:] == [[f"Cost item {i}", "one-off", f"£{i * 1000:,}"] for i in range(1, 6)]
    assert link["body"] == [(0, "Open the course")] and link["links"] == ["https://example.com/course"]
    assert questions["body"] == [] and questions["subtitle"] is None
    # A continuation has no notes of its own: the outline's `continued_notes`, empty here.
    assert [s["notes"] for s in sample] == ["Open with the headline.", "Two minutes.\nThen move on.",
                                            "Skim.", "", "Stress the control group.", "From finance.",
                                            "Share it.", "Ten minutes."]


def test_slide_numbers_on_content_slides_only(sample: list[dict], tmp_path: Path) -> None:
    assert [s["number"] for s in sample] == [None, "2", "3", "4", "5", "6", "7", "8"]
    data = copy.deepcopy(SAMPLE)
    data["slide_numbers"] = False
    save_deck(outline_from(data), tmp_path / "plain.pptx")
    assert all(s["number"] is None for s in read_deck(tmp_path / "plain.pptx"))


def test_no_empty_placeholders(tmp_path: Path) -> None:
    from pptx import Presentation

    save_deck(outline_from(SAMPLE), tmp_path / "deck.pptx")
    for slide in Presentation(str(tmp_path / "deck.pptx")).slides:
        for shape in slide.placeholders:
            assert shape.has_text_frame and shape.text_frame.text.strip(), (slide.slide_layout.name,
                                                                            shape.name)


def _body_fits(shape, slide_number: int) -> None:
    """Every paragraph's size read back from the file; the estimate must stay inside the box."""
    inner = textfit.Box(shape.width / EMU_PER_PT - 2 * INSET_X, shape.height / EMU_PER_PT - 2 * INSET_Y)
    used = 0.0
    for p in shape.text_frame.paragraphs:
        size = p.runs[0].font.size.pt
        assert size >= 14, slide_number
        lines = textfit.wrap(p.text, inner.width - 0.28 * 72 - 0.4 * 72 * p.level, size)
        used += p.space_before.pt + len(lines) * textfit.line_height(size)
    assert used <= inner.height, slide_number


def test_subtitle_lines_share_the_placeholder_alignment(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.text import PP_ALIGN

    data = copy.deepcopy(SAMPLE)
    data["slides"][0]["subtitle"] = "Northwind Components Ltd\nSam Carter · 16 September 2025"
    save_deck(outline_from(data), tmp_path / "deck.pptx")
    subtitle = Presentation(str(tmp_path / "deck.pptx")).slides[0].placeholders[1].text_frame
    assert [(p.text, p.alignment) for p in subtitle.paragraphs] == [
        ("Northwind Components Ltd", PP_ALIGN.LEFT), ("Sam Carter · 16 September 2025", PP_ALIGN.LEFT)]


def test_long_list_continues_and_fits(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    bullets = [f"Point {i}: " + " ".join(["a rather long explanation that wraps onto a second line"] * (i % 3 + 1))
               for i in range(40)]
    data = {"continued": " (cont.)", "slides": [
        {"layout": "Title and Content", "title": "Many points", "body": bullets, "notes": "n"}]}
    save_deck(outline_from(data), tmp_path / "deck.pptx")
    deck = read_deck(tmp_path / "deck.pptx")
    assert len(deck) > 2
    assert [s["title"] for s in deck] == ["Many points"] + ["Many points (cont.)"] * (len(deck) - 1)
    assert [text for s in deck for _, text in s["body"]] == bullets
    assert [s["notes"] for s in deck] == ["n"] + [""] * (len(deck) - 1)  # no time of their own
    for n, slide in enumerate(Presentation(str(tmp_path / "deck.pptx")).slides, start=1):
        body = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
        _body_fits(body[0], n)


def test_long_table_continues_with_its_header(tmp_path: Path) -> None:
    rows = [[f"Item {i}", f"£{i},000"] for i in range(60)]
    data = {"continued": " (cont.)", "slides": [
        {"layout": "Title and Content", "title": "Costs", "table": {"columns": ["Item", "Amount"], "rows": rows},
         "notes": "n"}]}
    save_deck(outline_from(data), tmp_path / "deck.pptx")
    deck = read_deck(tmp_path / "deck.pptx")
    assert len(deck) >= 2 and deck[1]["title"] == "Costs (cont.)"
    assert all(s["table"][0] == ["Item", "Amount"] for s in deck)
    assert [r for s in deck for r in s["table"][1:]] == rows


def _tables(path: Path) -> list:
    from pptx import Presentation

    return [shape for slide in Presentation(str(path)).slides for shape in slide.shapes if shape.has_table]


def _cell_sizes(shape) -> set[float]:
    return {run.font.size.pt for row in shape.table.rows for cell in row.cells
            for p in cell.text_frame.paragraphs for run in p.runs}


def test_short_table_grows_to_the_largest_size(sample: list[dict], tmp_path: Path) -> None:
    from buyin_cli.render.pptx.thin import TABLE_GROWN

    save_deck(outline_from(SAMPLE), tmp_path / "deck.pptx")
    (costs,) = _tables(tmp_path / "deck.pptx")
    assert _cell_sizes(costs) == {float(TABLE_GROWN)}  # alone on its slide and short: grown


def test_long_table_fills_its_pages_at_a_readable_size(tmp_path: Path) -> None:
    rows = [[f"Pilot {i} · a figure whose name wraps onto two lines in a narrow column", f"({i} − 2) × 3 = {i * 3}",
             "" if i % 3 else f"strategy.yaml:{i}, {i + 1}"] for i in range(60)]
    data = {"continued": " (cont.)", "slides": [
        {"layout": "Title Only", "title": "Working", "notes": "n",
         "table": {"columns": ["Figure", "Working", "Source"], "rows": rows}}]}
    save_deck(outline_from(data), tmp_path / "deck.pptx")
    tables = _tables(tmp_path / "deck.pptx")
    assert [r for t in tables for r in [[c.text for c in row.cells] for row in t.table.rows][1:]] == rows
    box_bottom = 0.9 * 540 * EMU_PER_PT  # the "Title Only" area ends above the footer line
    (size,) = {size for shape in tables for size in _cell_sizes(shape)}  # one size on every page
    assert 12 <= size < 18
    for shape in tables:
        assert shape.top + shape.height <= box_bottom
    assert all(t.top + t.height > 0.75 * box_bottom for t in tables[:-1])  # no half-empty pages


def test_long_title_shrinks_within_the_floor(tmp_path: Path) -> None:
    from pptx import Presentation

    title = "A deliberately long title that cannot stay at the full size on one line of the slide"
    data: dict[str, Any] = {"continued": " (cont.)", "slides": [
        {"layout": "Title and Content", "title": title, "body": ["x"], "notes": "n"}]}
    save_deck(outline_from(data), tmp_path / "deck.pptx")
    size = Presentation(str(tmp_path / "deck.pptx")).slides[0].shapes.title.text_frame.paragraphs[0].runs[0].font.size
    assert 20 <= size.pt < 30
    # Too long even at the floor: its shorter form, at the largest size that fits.
    data["slides"][0]["title"] = title * 4
    data["slides"][0]["short_title"] = "A short form of it"
    save_deck(outline_from(data), tmp_path / "deck.pptx")
    run = Presentation(str(tmp_path / "deck.pptx")).slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    assert run.text == "A short form of it" and run.font.size.pt > 20
    # With no shorter form, the whole title at the floor: never a cut sentence.
    del data["slides"][0]["short_title"]
    save_deck(outline_from(data), tmp_path / "deck.pptx")
    run = Presentation(str(tmp_path / "deck.pptx")).slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    assert run.text == title * 4 and run.font.size.pt == 20


def test_slides_are_built_in_the_outlines_order_which_schedule_decides(tmp_path: Path) -> None:
    from buyin_cli.render.outline.schedule import schedule

    data = copy.deepcopy(SAMPLE)
    data["slides"][1]["hidden"] = True
    outline = outline_from(data)
    save_deck(outline, tmp_path / "as-given.pptx")
    assert [s["hidden"] for s in read_deck(tmp_path / "as-given.pptx")][:3] == [False, True, False]
    scheduled, _ = schedule(outline, lambda minutes: f"{minutes:g} min")
    save_deck(scheduled, tmp_path / "scheduled.pptx")
    slides = read_deck(tmp_path / "scheduled.pptx")
    assert [s["hidden"] for s in slides][-1] is True and slides[-1]["title"] == "Why now"


def test_missing_layout_lists_the_names() -> None:
    data = {"continued": " (cont.)", "slides": [{"layout": "Agenda", "title": "Plan", "notes": "n"}]}
    with pytest.raises(TemplateError) as info:
        build_deck(outline_from(data), None)
    assert str(info.value) == (
        'slide 1 (“Plan”): the PowerPoint template has no layout "Agenda" (it has: "Title Slide", '
        '"Title and Content", "Section Header", "Two Content", "Comparison", "Title Only", "Blank")')


def test_missing_placeholder_names_what_the_layout_has() -> None:
    data = {"continued": " (cont.)", "slides": [
        {"layout": "Title Only", "title": "Plan", "body": ["x"], "notes": "n"}]}
    with pytest.raises(TemplateError) as info:
        build_deck(outline_from(data), None)
    assert str(info.value) == ('slide 1 (“Plan”): layout "Title Only" has no body placeholder '
                               '(it has: title, date, footer, slide number)')


def test_potx_template_and_its_slides_go(tmp_path: Path) -> None:
    from pptx import Presentation

    prs = Presentation(str(default_template()))
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Old corporate slide"
    buffer = io.BytesIO()
    prs.save(buffer)
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(potx, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            dst.writestr(info, data)
    save_deck(outline_from(SAMPLE), tmp_path / "deck.pptx", potx)
    deck = read_deck(tmp_path / "deck.pptx")
    assert deck[0]["title"] == "Line-leader programme" and len(deck) == 8


def test_unreadable_template() -> None:
    with pytest.raises(TemplateError, match=r"^nowhere\.pptx: cannot read the PowerPoint template"):
        build_deck(outline_from(SAMPLE), Path("nowhere.pptx"))


@pytest.mark.parametrize("content", [b"not a zip", b"workbook"])
def test_not_a_presentation(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "brand.pptx"
    if content == b"workbook":  # a real Office file, but a spreadsheet
        with zipfile.ZipFile(io.BytesIO(build_deck(outline_from(SAMPLE), None))) as deck:
            path.write_bytes(deck.read("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx"))
    else:
        path.write_bytes(content)
    with pytest.raises(TemplateError) as info:
        build_deck(outline_from(SAMPLE), path)
    assert str(info.value) == f"{path}: not a PowerPoint presentation or template (.pptx or .potx)"


def test_bytes_are_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_deck(outline_from(SAMPLE), None)
    assert build_deck(outline_from(SAMPLE), None) == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    dated = build_deck(outline_from(SAMPLE), None)
    assert dated != first and build_deck(outline_from(SAMPLE), None) == dated
    with zipfile.ZipFile(io.BytesIO(dated)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert b"2026-01-01T00:00:00Z" in z.read("docProps/core.xml")
        workbook = z.read("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx")
    with zipfile.ZipFile(io.BytesIO(workbook)) as xlsx:
        core = xlsx.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:\w+[^>]*>([^<]*)<", core) == ["2026-01-01T00:00:00Z"] * 2


def test_default_template_is_what_the_script_makes(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    script = root / "tools" / "make_default_pptx.py"
    if not script.is_file():
        pytest.skip("not a source checkout")
    copy_root = tmp_path / "repo"
    shutil.copytree(root / "src", copy_root / "src")
    (copy_root / "tools").mkdir()
    (copy_root / "templates").mkdir()
    shutil.copy(script, copy_root / "tools")
    subprocess.run([sys.executable, str(copy_root / "tools" / script.name)], check=True,
                   capture_output=True)
    assert (copy_root / "templates" / "default.pptx").read_bytes() == (root / "templates" / "default.pptx").read_bytes()


@pytest.mark.libreoffice
def test_libreoffice_renders_every_slide(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    save_deck(outline_from(SAMPLE), out)
    pdf = to_pdf(out, tmp_path)
    pages = pdf_pages(pdf, layout=True)
    assert len(pages) == 8
    text = "\f".join(pages)
    for expected in ("Line-leader programme", "Twenty steps (cont.)", "Step 20", "Cost item 5", "£5,000",
                     "Open the course", "Questions?"):
        assert expected in text


def test_an_example_on_a_4_3_corporate_template_stays_on_the_slide(tmp_path: Path) -> None:
    from pptx import Presentation

    from buyin_cli.brief import brief

    template = tmp_path / "corporate.pptx"
    Presentation().save(str(template))  # python-pptx's own 4:3 deck, in Calibri
    root = Path(__file__).resolve().parents[1]
    written = brief(root / "examples" / "northwind-manufacturing.yaml", tmp_path / "out",
                    pptx_template=template).paths
    decks = [p for p in written if p.suffix == ".pptx"]
    assert decks
    for deck in decks:
        prs = Presentation(str(deck))
        assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
        for number, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                box = (shape.left, shape.top, shape.width, shape.height)
                if None in box:  # a placeholder that inherits its place from the layout
                    layout = next(ph for ph in slide.slide_layout.placeholders
                                  if ph.placeholder_format.idx == shape.placeholder_format.idx)
                    box = (layout.left, layout.top, layout.width, layout.height)
                x, y, w, h = box
                assert x >= 0 and y >= 0 and x + w <= prs.slide_width and y + h <= prs.slide_height, (
                    deck.name, number, shape.name, box)


def test_a_wide_table_shrinks_before_it_breaks_a_word() -> None:
    columns = ["Initiative", "Benefit a year", "Cost", "ROI", "Benefit : cost", "Payback (months)", "Break-even needs"]
    rows = [["Shift Leader Coaching: safety conversations", "£156,724", "£95,360", "64.3%", "1.64 : 1", "7.3",
             "60.8% of the effect"]]
    box = textfit.Box(648 - 2 * INSET_X, 360)  # the 4:3 content area
    size, widths, pages = textfit.fit_table(columns, rows, box, 18, 12)
    assert size < 18 and pages == [[0]]
    for n, row in enumerate([columns, *rows]):
        for cell, width in zip(row, widths):
            assert all(textfit.text_width(word, size, n == 0) <= width - 2 * textfit.CELL_MARGIN_X
                       for word in cell.split()), cell


@pytest.mark.parametrize(("values", "step"), [
    ([0, 3, 9, 12], 5.0),       # a count never steps in 2.5s: ticks 0, 2.5, 5 would print as 0, 3, 5
    ([0, 1, 2, 3], 1.0),
    ([0.0, 1.2, 3.4], 1.0),
])
def test_count_axes_step_in_whole_numbers(values: list[float | None], step: float) -> None:
    from buyin_cli.render.outline.model import Chart, Series
    from buyin_cli.render.pptx.charts import value_range

    whole = all(float(v or 0).is_integer() for v in values)
    spec = Chart(kind="column", categories=[str(i) for i in range(len(values))],
                 series=[Series(name="n", values=values)])
    low, _, got = value_range(spec)
    assert got == step or not whole
    assert float(got).is_integer() or not whole
    assert low == 0


def test_a_whole_slide_leaves_out_its_details_and_never_continues(tmp_path):
    long = [{"text": f"Ask {i}: " + "approve the roll-out to every plant " * 4, "level": 1}
            for i in range(9)]
    detail = {"text": "Evidence: " + "the pilot line cut scrap by a fifth " * 4, "detail": True}
    slide = {"layout": "Title and Content", "title": "The decision", "whole": True,
             "body": long + [detail], "notes": "Say the ask."}
    template = tmp_path / "four-three.pptx"
    Presentation().save(str(template))  # python-pptx's own 4:3 deck
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "whole.pptx", template)
    slides = read_deck(tmp_path / "whole.pptx")
    assert len(slides) == 1
    assert "Evidence:" not in " ".join(t for _, t in slides[0]["body"])
    assert slides[0]["notes"].startswith("Say the ask.") and "Evidence:" in slides[0]["notes"]


def test_a_continuation_slide_has_no_notes_or_time_of_its_own(tmp_path):
    outline = outline_from({**SAMPLE, "continued_notes": "Continued: no time of its own."})
    save_deck(outline, tmp_path / "deck.pptx")
    slides = read_deck(tmp_path / "deck.pptx")
    continued = [s for s in slides if s["title"].endswith("(cont.)")]
    assert continued and all(s["notes"] == "Continued: no time of its own." for s in continued)


def test_a_chart_title_keeps_a_range_of_numbers_together(tmp_path):
    chart = {"kind": "clustered_column", "title": "Passenger satisfaction, points (0–100)",
             "categories": ["Before", "After"], "series": [{"name": "Pilot", "values": [76, 83]}]}
    slide = {"layout": "Title and Content", "title": "Satisfaction", "chart": chart, "notes": "n"}
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "deck.pptx")
    shape = next(s for s in Presentation(str(tmp_path / "deck.pptx")).slides[0].shapes
                 if s.has_chart)
    assert shape.chart.chart_title.text_frame.text == "Passenger satisfaction, points (0–\u2060100)"


@pytest.mark.parametrize(("values", "ceiling", "axis"), [
    ([76, 80, 95], 100, (50, 100)),   # on-time 76% → 95%: not 70–100, a change drawn at 3× its size
    ([6.8, 7.1, 8], None, (4, 9)),    # a score out of 10
    ([9, 8, 9, 8, 7], None, (5, 10)),
    ([0.5, 0.6, 0.55], None, (0.3, 0.7)),
])
def test_a_line_axis_starts_no_higher_than_half_its_top(values, ceiling, axis) -> None:
    from buyin_cli.render.outline.model import Chart, Series
    from buyin_cli.render.pptx.charts import value_range

    spec = Chart(kind="line", categories=[str(i) for i in range(len(values))],
                 series=[Series(name="n", values=values)], ceiling=ceiling)
    low, high, _ = value_range(spec)
    assert (low, high) == pytest.approx(axis)
    assert low <= high / 2 and low <= min(values) and high >= max(values)


@pytest.mark.parametrize("values", [[7.2, 5.9], [76, 95], [0.5, 0.6]])
def test_a_before_and_after_line_starts_at_zero(tmp_path, values) -> None:
    # Failed deliveries 7.2% → 5.9% on 4–8% drew the fall at three times its size beside columns from zero.
    chart = {"kind": "line", "title": "Failed deliveries, %", "categories": ["Before", "After"], "ceiling": 100,
             "series": [{"name": "Pilot", "values": values}, {"name": "Comparison", "values": values[::-1]}]}
    slide = {"layout": "Title and Content", "title": "Failed deliveries", "chart": chart, "notes": "n"}
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "deck.pptx")
    (read,) = read_deck(tmp_path / "deck.pptx")[0]["charts"]
    assert read["axis"][0] == 0 and read["axis"][1] >= max(values)
    from chart_invariants import cut_axes
    assert cut_axes([{"charts": [{**read, "axis": (min(values) / 2, read["axis"][1])}]}])


def test_the_chart_invariant_finds_a_cut_off_axis() -> None:
    from chart_invariants import cut_axes

    def chart(kind: str, axis: tuple[float, float]) -> dict:
        return {"title": "On-time", "type": kind, "axis": axis, "categories": ["Q1", "Q2", "Q3"],
                "series": [("Pilot", [76.0, 80.0, 95.0])]}

    slides = [{"charts": [chart("LINE_MARKERS (65)", (70, 100)), chart("LINE (4)", (50, 100)),
                          chart("COLUMN_CLUSTERED (51)", (60, 100)), chart("BAR_CLUSTERED (57)", (0, 100))]}]
    assert [f.split(" (")[1].split(")")[0] for f in cut_axes(slides)] == ["LINE_MARKERS", "COLUMN_CLUSTERED"]


def test_a_table_alone_on_its_slide_takes_the_room(tmp_path) -> None:
    from buyin_cli.render.pptx.thin import TABLE_FILL

    # The numbers slide of two initiatives: a table of four rows that read half the slide at 20 pt.
    table = {"columns": ["Initiative", "Benefit a year", "Cost, year one", "Return (ROI)", "Payback, months",
                         "Effect needed to break even"],
             "align": ["left"] + ["right"] * 5,
             "rows": [["Safe Hands, Right First Time", "£270,733", "£93,680", "189.0%", "4.2", "35%"],
                      ["Shift Leader Coaching: safety conversations and daily huddles", "£156,724", "£95,360",
                       "64.3%", "7.3", "61%"]],
             "total": ["Together", "£427,457", "£189,040", "126.1%", "5.3", "44%"]}
    slide = {"layout": "Title Only", "title": "Both roll-outs pay back within 7.3 months", "table": table,
             "footnote": "Conservative: only the effect beyond the comparison group.", "notes": "n"}
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "deck.pptx")
    shapes = list(Presentation(str(tmp_path / "deck.pptx")).slides[0].shapes)
    (table,) = [s for s in shapes if s.has_table]
    foot = min(s.top for s in shapes if s.has_text_frame and "Conservative" in s.text_frame.text)
    fill = sum(r.height for r in table.table.rows) / (foot - table.top)
    assert fill >= TABLE_FILL - 0.05, fill  # not 60%, the rest of the slide white
    assert min(_cell_sizes(table)) >= 20
