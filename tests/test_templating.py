"""Template lookup, the sandbox and the filters templates rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from buyin_cli.errors import TemplateError
from buyin_cli.render.templating import lower_first, make_environment, minutes, packaged_dir, quote, render, search_path


def test_the_users_folder_comes_before_the_packaged_templates(tmp_path: Path) -> None:
    assert search_path(tmp_path) == [tmp_path, packaged_dir("templates")]
    assert search_path(None) == [packaged_dir("templates")]


def test_a_user_template_wins_by_name(tmp_path: Path) -> None:
    (tmp_path / "talking-points.md.j2").write_text("mine\n", encoding="utf-8")
    assert render(make_environment(tmp_path), "talking-points.md.j2") == "mine\n"
    # and the packaged base stays reachable for {% extends %}
    assert "block header" in (packaged_dir("templates") / "talking_points_base.md.j2").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("text", [
    "Plain", "Colon: inside", "'single' and \"double\" quotes", "- looks like a list",
    "# not a comment", "yes", "no", "12", "2026-01-01", "{braces}", "[brackets]", "a\nb",
    "Ünïcödé — 株式会社", "&anchor *alias", "@at `tick` | pipe > gt",
])
def test_q_quotes_any_text_as_yaml(text: str) -> None:
    assert yaml.safe_load(f"key: {quote(text)}") == {"key": text}


def test_q_keeps_numbers_and_lists() -> None:
    assert yaml.safe_load(f"v: {quote([1.5, None, 'x'])}") == {"v": [1.5, None, "x"]}


@pytest.mark.parametrize("value, text", [(0.5, "30 s"), (1, "1 min"), (1.5, "1½ min"),
                                         (2.4, "2 min"), (10, "10 min")])
def test_minutes_reads_as_people_say_it(value: float, text: str) -> None:
    assert minutes(value) == text


def _render_text(tmp_path: Path, source: str, **context) -> str:
    (tmp_path / "t.j2").write_text(source, encoding="utf-8")
    return render(make_environment(tmp_path), "t.j2", **context)


def test_a_misspelt_name_fails_loudly_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        _render_text(tmp_path, "line one\n{{ view.titel }}\n", view={"title": "x"})
    assert "t.j2:2" in str(caught.value)
    assert "titel" in str(caught.value)


def test_syntax_errors_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        _render_text(tmp_path, "ok\n{% if %}\n")
    assert "t.j2:2: template syntax error" in str(caught.value)


def test_the_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        _render_text(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert "sandbox" in str(caught.value) or "unsafe" in str(caught.value)


def test_the_sandbox_refuses_to_mutate_the_view(tmp_path: Path) -> None:
    with pytest.raises(TemplateError):
        _render_text(tmp_path, "{{ items.append(1) }}", items=[])


def test_a_missing_template_lists_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        render(make_environment(tmp_path), "nope.j2")
    assert "template 'nope.j2' not found in" in str(caught.value)
    assert str(tmp_path) in str(caught.value)


@pytest.mark.parametrize(("text", "lowered"), [
    ("Parts scrapped", "parts scrapped"),
    ("OEE", "OEE"),
    ("Press Line 2 scrap", "Press Line 2 scrap"),
    ("Complaints about Ward 4A", "complaints about Ward 4A"),
])
def test_lower_first_keeps_proper_names(text: str, lowered: str) -> None:
    assert lower_first(text) == lowered


def test_compiled_templates_are_kept_but_never_served_stale(tmp_path: Path) -> None:
    # Compiled code is kept between environments; a changed source compiles again.
    (tmp_path / "note.j2").write_text("one {{ n }}", encoding="utf-8")
    assert render(make_environment(tmp_path), "note.j2", n=1) == "one 1"
    (tmp_path / "note.j2").write_text("two {{ n }}", encoding="utf-8")
    assert render(make_environment(tmp_path), "note.j2", n=2) == "two 2"
    # A packaged template, then a file of the same name added to the user's folder.
    name = sorted(p.name for p in packaged_dir("templates").glob("*.j2"))[0]
    make_environment(tmp_path).get_template(name)
    (tmp_path / name).write_text("mine", encoding="utf-8")
    assert render(make_environment(tmp_path), name) == "mine"
