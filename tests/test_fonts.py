"""The advance tables text fitting measures with: generated from the fonts, beyond Latin-1."""

from __future__ import annotations

from buyin_cli.render.pptx.textfit import ARIAL, WIDEST, font_for, text_width
from buyin_cli.render.pptx.textfit.fonts import _FONTS, UNKNOWN_WIDTH

CYRILLIC = "Безопасность на производстве"
GREEK = "Ασφάλεια στη γραμμή"


def test_known_advances_of_both_families():
    # DejaVu Sans rounds up (the safe side), Liberation Sans keeps Arial's design widths.
    assert WIDEST[False][" "] == 318 and WIDEST[True][" "] == 349
    assert ARIAL[False]["a"] == 556 and ARIAL[True]["W"] == 944


def test_cyrillic_and_greek_are_measured_as_drawn_not_as_full_ems():
    for text in (CYRILLIC, GREEK):
        assert all(ch in WIDEST[False] for ch in text)
        # About as wide as Latin text of the same length, far from a full em a character.
        latin = text_width("x" * len(text), 28)
        assert text_width(text, 28) < 1.25 * latin
        assert text_width(text, 28) < 0.8 * len(text) * UNKNOWN_WIDTH * 28 / 1000


def test_arial_falls_back_to_dejavu_for_a_character_it_lacks():
    liberation = _FONTS["liberation-sans"][False]
    lacking = [ch for ch in WIDEST[False] if ch not in liberation]
    assert lacking, "DejaVu Sans covers more than Liberation Sans"
    assert all(ARIAL[False][ch] == WIDEST[False][ch] for ch in lacking)
    assert all(ARIAL[False][ch] == width for ch, width in liberation.items())


def test_unknown_characters_count_as_a_full_em():
    assert text_width("漢", 10) > text_width("a", 10) and "漢" not in WIDEST[False]


def test_font_for_picks_arial_for_its_metric_twins_only():
    assert font_for("Liberation Sans") is ARIAL and font_for("Arial") is ARIAL
    assert font_for("Calibri") is WIDEST and font_for(None) is WIDEST


def test_a_word_is_never_broken_inside_to_fit_a_box():
    from buyin_cli.render.pptx.textfit import Box, fit_size, text_width

    text = "Transportschäden durch Verladefehler"
    size = fit_size(text, Box(90, 200), 20, 6)
    assert size is not None and text_width("Transportschäden", size) <= 90
    assert text_width("Transportschäden", size + 1) > 90  # and no smaller than it must be


def test_counting_lines_agrees_with_wrapping_them():
    """Table fitting counts lines without making them: the count is wrap's, case by case."""
    import random

    from buyin_cli.render.pptx.textfit import ARIAL, WIDEST
    from buyin_cli.render.pptx.textfit.measure import Words

    rng = random.Random(7)
    pieces = ["a", "ab", "Schadensregulierung", "£270,733", "", " ", "\n", "W", "iii", "12\u00a0%",
              "漢字", "😀", "Transportschäden", "x" * 40]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "  ", "", "\n"]) for _ in range(rng.randint(0, 9)))
        words = Words(text, rng.random() < 0.5, rng.choice([ARIAL, WIDEST]))
        width, size = rng.uniform(0.0, 300.0), rng.choice([8, 12, 14.5, 20, 44])
        assert words.count(width, size) == len(words.wrap(width, size)), (text, width, size)


def test_a_heading_stays_while_its_points_do_and_the_context_goes_first():
    # Slide 2 must stay whole: what standing still costs is left out before "What we ask you
    # to decide", since the asks without their heading read as more context.
    from buyin_cli.render.pptx.textfit.body import Para, fit_whole
    from buyin_cli.render.pptx.textfit.measure import Box

    paras = [Para("Scrap: today's gap to target costs £388,960 a year"),
             Para("What we ask you to decide", bold=True),
             Para("Approve £93,680 to roll out Safe Hands to all 240 line operators", level=1),
             Para("£93,680 in year one brings £270,733 a year", level=2),
             Para("Agree that the monthly review tracks completion", level=1),
             Para("Evidence: Line 3 cut scrap 20%")]
    box = Box(700, 130)  # room for four bullets at 20 pt, not six
    fitted = fit_whole(paras, box, (0, 20, 40), 20, 20, 12, [True, True, False, False, False, True])
    assert fitted is not None
    _, kept, left_out = fitted
    assert [p.text for p in left_out] == [paras[0].text, paras[5].text]
    assert [p.level for p in kept] == [0, 1, 2, 1]
    # With nothing else to leave out, the heading stays and the list reads smaller.
    fitted = fit_whole(paras[1:5], Box(700, 100), (0, 20, 40), 20, 20, 12, [True, False, False, False])
    assert fitted is not None and fitted[1][0].text == "What we ask you to decide" and fitted[0] < 20
    # Only where the list would otherwise continue does the heading go, its points moving up.
    fitted = fit_whole(paras[1:4], Box(700, 50), (0, 20, 40), 20, 20, 12, [True, False, False])
    assert fitted is not None and [p.level for p in fitted[1]] == [0, 1] and fitted[2] == [paras[1]]
    # A heading whose points are all left out goes too.
    fitted = fit_whole(paras[1:3], Box(700, 30), (0, 20, 40), 20, 20, 12, [True, True])
    assert fitted is not None and fitted[2] == paras[1:3]


def test_measured_words_are_kept_per_text_weight_and_font():
    """Table fitting asks for a cell's words at every width and size: measured once, kept."""
    from buyin_cli.render.pptx.textfit import measure
    from buyin_cli.render.pptx.textfit.fonts import ARIAL, WIDEST

    text = "Defects per week fell 18 % on Line 3"
    kept = measure.measured(text, False, WIDEST)
    assert measure.measured(text, False, WIDEST) is kept
    assert measure.measured(text, True, WIDEST) is not kept
    assert measure.measured(text, False, ARIAL) is not kept
    for width in (40.0, 90.0, 400.0):
        assert kept.count(width, 12) == measure.Words(text, False, WIDEST).count(width, 12)
        assert kept.count(width, 12) == len(measure.wrap(text, width, 12))


def test_the_kept_measures_stay_bounded(monkeypatch):
    from buyin_cli.render.pptx.textfit import measure

    monkeypatch.setattr(measure, "_KEEP_AT_MOST", 3)
    monkeypatch.setattr(measure, "_KEPT", {})
    for n in range(10):
        measure.measured(f"cell {n}")
    assert 1 <= len(measure._KEPT) <= 3


def test_slide_two_leaves_out_a_detail_before_its_asks_read_under_sixteen_points():
    # Room for the asks at 16 pt, not for them and the evidence line: the evidence goes to the
    # notes (the details' floor, `keep`), rather than the whole list reading at 14.
    from buyin_cli.render.pptx.textfit.body import Para, fit_whole, para_height
    from buyin_cli.render.pptx.textfit.measure import Box

    paras = [Para("Approve £93,680 to roll out Safe Hands to all 240 line operators"),
             Para("Agree that the monthly review tracks completion"),
             Para("Evidence: Line 3 cut scrap 20%")]
    def height(items: list[Para], size: float) -> float:
        return sum(para_height(p, Box(700, 1e6), (0, 20, 40), size, 14) for p in items)

    box = Box(700, height(paras, 14) + 1)
    assert height(paras, 16) > box.height >= height(paras[:2], 16)
    fitted = fit_whole(paras, box, (0, 20, 40), 20, 14, 12, [False, False, True], keep=16)
    assert fitted is not None and fitted[0] >= 16 and fitted[2] == [paras[2]], fitted
    # Without the details' floor, the same list keeps its detail at a smaller size.
    fitted = fit_whole(paras, box, (0, 20, 40), 20, 14, 12, [False, False, True])
    assert fitted is not None and fitted[0] < 16 and fitted[2] == [], fitted
