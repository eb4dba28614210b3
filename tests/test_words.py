"""How buyin writes its own messages: paths, counts, clipped echoes and undefined figures."""

from __future__ import annotations

import gettext
import math

from buyin_cli.words import clip, dotted, finite, plural


def test_dotted_writes_a_path_as_the_user_would():
    assert dotted(("pilots", 0, "results", 1, "metric")) == "pilots[0].results[1].metric"
    assert dotted(()) == ""


def test_dotted_clips_a_hostile_key():
    assert len(dotted(("k" * 1000,))) == 40


def test_clip_keeps_short_text_and_cuts_long_text_with_an_ellipsis():
    assert clip("short") == "short"
    assert clip("x" * 50, 10) == "x" * 9 + "…"


def test_plural():
    assert [plural(n, "error", "errors") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]


def test_plural_of_an_irregular_word_is_the_form_given():
    assert [plural(n, "analysis", "analyses") for n in (1, 2)] == ["1 analysis", "2 analyses"]


def test_finite_turns_what_is_not_a_number_into_none_and_minus_zero_into_zero():
    assert finite(None) is None and finite(math.inf) is None and finite(math.nan) is None
    zero = finite(-0.0)
    assert zero is not None and math.copysign(1, zero) == 1.0
    assert finite(2.5) == 2.5


def test_plural_says_what_gettext_would_and_searches_the_disk_once(monkeypatch):
    plural(2, "error", "errors")
    searched: list[str] = []
    real_find = gettext.find
    monkeypatch.setattr(gettext, "find", lambda *a, **k: searched.append(a[0]) or real_find(*a, **k))
    for n in range(3):
        assert plural(n, "pilot", "pilots") == f"{n} {gettext.ngettext('pilot', 'pilots', n)}"
    assert searched == [gettext.textdomain()] * 3  # ngettext's own three searches, none of plural's
