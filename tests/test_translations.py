"""buyin's own words in the audience's language: catalogues, fallback, and a German deck with no English of ours."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pptx import Presentation

from buyin_cli import translations
from buyin_cli.render.templating import make_environment
from conftest import VALID_YAML
from deck_helpers import deck_text
from test_packaging import wheel  # noqa: F401  (the module's wheel fixture)

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "src/buyin_cli/translations/buyin.pot"
GERMAN_EXAMPLE = ROOT / "examples/werk-chemnitz.yaml"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%%")


def _catalogue(language: str):
    with translations.catalogue_path(language).open("rb") as f:
        return read_po(f, locale=language)


def _english_fragments() -> set[str]:
    """The runs of English between the placeholders of every message German translates.

    Only runs of two words or more count: a single word ("ROI", "Pilot") may be German too.
    """
    german = _catalogue("de")
    fragments: set[str] = set()
    for message in german:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            for run in PLACEHOLDER.split(text):
                run = run.strip(" ,.;:()·—\n\"“”")
                if len(run.split()) >= 2 and not any(run in s for s in strings):
                    fragments.add(run)
    return fragments


def test_the_message_template_is_up_to_date():
    done = subprocess.run([sys.executable, str(ROOT / "tools/update_catalogues.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_german_catalogue_is_complete_and_its_placeholders_match():
    catalog = _catalogue("de")
    problems = [(m.id, str(e)) for m, errors in catalog.check() for e in errors]
    assert problems == []
    assert translations.missing("de") == (0, len(translations.messages(POT)))


def test_every_readiness_warning_title_is_in_the_catalogue():
    from buyin_cli.codes import CODES

    wanted = translations.messages(POT)
    titles = [c.title for c in CODES.values() if c.severity == "warning"]
    assert titles and all(t in wanted for t in titles)


def test_a_message_missing_from_the_catalogue_is_written_in_english():
    env = make_environment(None, "de")
    rendered = env.from_string('{{ _("Questions") }} / {{ _("A sentence no catalogue has") }}'
                               ' / {{ _("Target") }}').render()
    assert rendered.endswith("A sentence no catalogue has / Ziel")


def test_plural_forms_follow_the_count():
    env = make_environment(None, "de")
    template = env.from_string('{{ ngettext("%(num)s year", "%(num)s years", n) }}')
    assert template.render(n=1) != template.render(n=3)
    assert template.render(n=3).startswith("3 ")
    assert make_environment(None, "en").from_string(
        '{{ ngettext("%(num)s year", "%(num)s years", 1) }}').render() == "1 year"


def test_german_keeps_capitalised_nouns_inside_a_sentence():
    assert make_environment(None, "de").filters["lowerfirst"]("Ausschuss") == "Ausschuss"
    assert make_environment(None, "en").filters["lowerfirst"]("Scrap rate") == "scrap rate"


@pytest.fixture(scope="module")
def german_outputs(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("de")
    done = subprocess.run([sys.executable, "-m", "buyin_cli", "brief", str(GERMAN_EXAMPLE),
                           "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    [deck] = sorted(out.glob("*.pptx"))
    return deck, deck.with_suffix(".md").read_text(encoding="utf-8")


def test_the_german_example_deck_has_no_english_word_of_ours(german_outputs):
    deck, _ = german_outputs
    text = deck_text(deck)
    found = sorted(f for f in _english_fragments() if f in text)
    assert found == []
    assert "n/a" not in text


def test_the_german_talking_points_have_no_english_word_of_ours(german_outputs):
    _, talking_points = german_outputs
    found = sorted(f for f in _english_fragments() if f in talking_points)
    assert found == []


def test_the_german_example_checks_clean_of_language_warnings():
    done = subprocess.run([sys.executable, "-m", "buyin_cli", "check", str(GERMAN_EXAMPLE)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "W004" not in done.stdout


def test_a_language_without_a_catalogue_is_warned_about(run, write):
    write("s.yaml", VALID_YAML.replace("buyin: 1", "buyin: 1\nlanguage: fr", 1))
    result = run("check", "s.yaml")
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "W004" in line]
    assert line.startswith("s.yaml:2:1: W004 language:")
    assert "'fr'" in line and "(it has: en, de)" in line


def test_an_incomplete_catalogue_says_how_much_is_missing(run, write, monkeypatch, tmp_path):
    folder = tmp_path / "catalogues"
    german = folder / "de/LC_MESSAGES"
    german.mkdir(parents=True)
    (folder / "buyin.pot").write_bytes(POT.read_bytes())
    po = translations.catalogue_path("de").read_text(encoding="utf-8")
    # Drop one translation: its message goes back to an empty msgstr.
    po = po.replace('msgstr "Ziel"', 'msgstr ""', 1)
    (german / "buyin.po").write_text(po, encoding="utf-8")
    monkeypatch.setattr(translations, "FOLDER", folder)
    translations.messages.cache_clear()
    write("s.yaml", VALID_YAML.replace("buyin: 1", "buyin: 1\nlanguage: de", 1))
    result = run("check", "s.yaml")
    translations.messages.cache_clear()
    total = len(translations.messages(POT))
    assert f"W004 language: 1 of {total} of buyin's own messages have no 'de' translation" \
        in result.output


def test_a_users_own_template_speaks_the_same_catalogue(tmp_path):
    user = tmp_path / "templates"
    user.mkdir()
    (user / "note.j2").write_text('{% trans %}Target{% endtrans %}', encoding="utf-8")
    env = make_environment(user, "de")
    assert env.get_template("note.j2").render() == "Ziel"


def test_the_wheel_ships_each_catalogue_compiled(wheel):  # noqa: F811
    names = set(wheel.namelist())
    assert "buyin_cli/translations/de/LC_MESSAGES/buyin.mo" in names
    assert "buyin_cli/translations/buyin.pot" in names
    data = wheel.read("buyin_cli/translations/de/LC_MESSAGES/buyin.mo")
    assert data[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")  # gettext's magic number


def test_german_charts_write_their_numbers_the_german_way(german_outputs):
    deck, _ = german_outputs
    prs = Presentation(str(deck))
    formats = [shape.chart.value_axis.tick_labels.number_format
               for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert formats and all(f.startswith("[$-407]") for f in formats)  # de-DE's locale id
    assert prs.core_properties.language == "de-DE"


def test_a_chart_format_is_bound_to_a_known_locale_only():
    from buyin_cli.render.pptx.locales import localised

    assert localised('#,##0" €"', "de-DE") == '[$-407]#,##0" €"'
    assert localised("#,##0", "en-GB") == "[$-809]#,##0"
    assert localised("#,##0", "xx-YY") == "#,##0"
    assert localised("[$-407]#,##0", "fr-FR") == "[$-407]#,##0"
