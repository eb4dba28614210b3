"""Template lookup, the sandbox and the filters templates rely on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from jinja2.bccache import bc_magic

from buyin_cli.errors import TemplateError
from buyin_cli.packaged import packaged_dir
from buyin_cli.render import compiled
from buyin_cli.render.templating import (
    lower_first,
    lower_first_foreign,
    make_environment,
    minutes,
    quote,
    render,
    search_path,
)


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


@pytest.mark.parametrize(("source", "error"), [
    ("{{ 1 }}\n{{ 1 / n }}\n", "ZeroDivisionError"),
    ("{{ 1 }}\n{{ 'a' + n }}\n", "TypeError"),
    ("{{ 1 }}\n{{ '%(b)s' % {'a': n} }}\n", "KeyError"),
])
def test_a_templates_own_failing_expression_is_its_fault_located(tmp_path: Path, source: str,
                                                                  error: str) -> None:
    with pytest.raises(TemplateError) as caught:
        _render_text(tmp_path, source, n=0)
    assert str(caught.value).startswith(f"{tmp_path / 't.j2'}:2: {error}")


class _BrokenView:
    """A view whose own code has a bug: its failure is buyin's, whatever template reads it."""

    @property
    def title(self) -> str:
        return "x" + 1  # type: ignore[operator]  # the bug, on purpose

    def label(self, key: str) -> str:
        return {"a": "A"}[key]


@pytest.mark.parametrize(("source", "error"), [
    ("{{ view.title }}", TypeError),
    ("{{ view.label('b') }}", KeyError),
])
def test_a_bug_in_the_view_is_not_reported_as_the_templates_fault(tmp_path: Path, source: str,
                                                                   error: type[Exception]) -> None:
    with pytest.raises(error):
        _render_text(tmp_path, source, view=_BrokenView())


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


@pytest.mark.parametrize(("text", "lowered"), [
    # A German noun after the first word is always capitalised: that says nothing of a name, and a
    # function word that opens the metric's name is lowered mid-sentence ("… und vom Hersteller …").
    ("Vom Hersteller abgelehnte Garantieanträge", "vom Hersteller abgelehnte Garantieanträge"),
    ("Die Reklamationen im Werk", "die Reklamationen im Werk"),
    ("Über Nacht liegengebliebene Aufträge", "über Nacht liegengebliebene Aufträge"),
    ("Filialen Ulm", "Filialen Ulm"),
    ("Nacharbeiten", "Nacharbeiten"),
    ("Press Line 2 scrap", "Press Line 2 scrap"),
    ("Network technicians and leading hands", "network technicians and leading hands"),
    ("DIN-Prüfungen", "DIN-Prüfungen"),
])
def test_lower_first_in_german_lowers_a_leading_function_word_only(text: str, lowered: str) -> None:
    assert lower_first_foreign(text) == lowered


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


def test_a_changed_partial_is_never_served_stale(tmp_path: Path, monkeypatch) -> None:
    # A template includes partials; each compiles (and is cached) on its own, by its own source.
    monkeypatch.setenv("BUYIN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t" / "part").mkdir(parents=True)
    (tmp_path / "t" / "page.j2").write_text('[{% include "part/body.j2" %}]', encoding="utf-8")
    (tmp_path / "t" / "part" / "body.j2").write_text("one {{ n }}", encoding="utf-8")
    env = make_environment(tmp_path / "t")
    assert render(env, "page.j2", n=1) == "[one 1]"
    # The same environment (what `buyin watch` keeps between saves) reloads the edited partial...
    (tmp_path / "t" / "part" / "body.j2").write_text("two {{ n }}", encoding="utf-8")
    os.utime(tmp_path / "t" / "part" / "body.j2", (1, 1))  # a different mtime, however fast the edit
    assert render(env, "page.j2", n=2) == "[two 2]"
    # ...and the next run, with nothing in memory, does not take the old code from disk.
    compiled._CACHES.clear()
    assert render(make_environment(tmp_path / "t"), "page.j2", n=3) == "[two 3]"
    (tmp_path / "t" / "part" / "body.j2").write_text("three {{ n }}", encoding="utf-8")
    compiled._CACHES.clear()
    assert render(make_environment(tmp_path / "t"), "page.j2", n=4) == "[three 4]"


def test_a_packaged_partial_is_overridden_by_a_new_file_of_its_name(tmp_path: Path) -> None:
    make_environment(tmp_path).get_template("deck/macros.j2")  # compiled and kept
    (tmp_path / "deck").mkdir()
    (tmp_path / "deck" / "macros.j2").write_text("mine", encoding="utf-8")
    assert render(make_environment(tmp_path), "deck/macros.j2") == "mine"


def _compiling_refused(env):
    """`env`, made unable to compile: a template it renders must come from the cache."""
    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")
    env.compile = refuse
    return env


def test_compiled_templates_are_kept_on_disk_for_the_next_run(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BUYIN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "note.j2").write_text("one {{ n }}", encoding="utf-8")
    assert render(make_environment(tmp_path / "t"), "note.j2", n=1) == "one 1"
    [folder] = (tmp_path / "cache").iterdir()
    assert len(list(folder.iterdir())) == 1
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700
    # The next run: a new process has nothing in memory, and reads the code from disk.
    compiled._CACHES.clear()
    assert render(_compiling_refused(make_environment(tmp_path / "t")), "note.j2", n=2) == "one 2"
    # An edited source compiles again, on disk too.
    (tmp_path / "t" / "note.j2").write_text("two {{ n }}", encoding="utf-8")
    compiled._CACHES.clear()
    assert render(make_environment(tmp_path / "t"), "note.j2", n=3) == "two 3"
    compiled._CACHES.clear()
    assert render(_compiling_refused(make_environment(tmp_path / "t")), "note.j2", n=4) == "two 4"


def test_a_damaged_cache_file_compiles_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BUYIN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "note.j2").write_text("one {{ n }}", encoding="utf-8")
    render(make_environment(tmp_path / "t"), "note.j2", n=1)
    [file] = [f for d in (tmp_path / "cache").iterdir() for f in d.iterdir()]
    whole = file.read_bytes()
    magic = len(bc_magic)  # Jinja's header, then the pickled checksum, then the code
    for damaged in (whole[:magic + 3], whole[:magic] + b"\xff" * 8, whole[:-30], b"",
                    b"\x00" * 64):
        file.write_bytes(damaged)
        compiled._CACHES.clear()
        assert render(make_environment(tmp_path / "t"), "note.j2", n=2) == "one 2"
        assert file.read_bytes() == whole  # replaced by the code compiled again


@pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX")
def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # anyone could plant code in it to be run
    monkeypatch.setenv("BUYIN_CACHE_DIR", str(shared))
    (tmp_path / "note.j2").write_text("one {{ n }}", encoding="utf-8")
    compiled._CACHES.clear()
    assert render(make_environment(tmp_path), "note.j2", n=1) == "one 1"
    assert list(shared.iterdir()) == []


def test_an_empty_cache_setting_keeps_nothing_on_disk(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BUYIN_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "note.j2").write_text("one {{ n }}", encoding="utf-8")
    compiled._CACHES.clear()
    assert render(make_environment(tmp_path), "note.j2", n=1) == "one 1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.j2"]


def test_the_cache_follows_xdg_cache_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("BUYIN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (tmp_path / "note.j2").write_text("one {{ n }}", encoding="utf-8")
    compiled._CACHES.clear()
    render(make_environment(tmp_path), "note.j2", n=1)
    assert next((tmp_path / "xdg" / "buyin").iterdir()).name.startswith("templates-")


def test_the_cache_is_where_the_platform_keeps_caches(monkeypatch) -> None:
    import platformdirs
    from platformdirs.macos import MacOS

    monkeypatch.delenv("BUYIN_CACHE_DIR")
    monkeypatch.setattr(platformdirs, "PlatformDirs", MacOS)  # as on a Mac
    assert compiled.cache_home() == Path.home() / "Library" / "Caches" / "buyin"


def test_no_home_means_no_cache_folder_rather_than_one_named_tilde(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("BUYIN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG rule says
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home to expand to
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.j2").write_text("one {{ n }}", encoding="utf-8")
    compiled._CACHES.clear()
    assert render(make_environment(tmp_path), "note.j2", n=1) == "one 1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.j2"]
