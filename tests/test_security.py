"""A strategy repo is untrusted input: CI runs `check` and `brief` on pull requests.

Each test is one way a pull request could read the machine running buyin, forge
its CI output or plant a payload in the decks, and proves it is refused or made
harmless.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from buyin_cli.codes import CODES
from conftest import VALID_YAML

SECRET = "TOKEN-0123456789abcdef"


@pytest.fixture
def repo(workdir: Path) -> Path:
    """A strategy repo (`repo/s.yaml`) beside a secret file it must never reach (`secret.txt`)."""
    (workdir / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (workdir / "repo").mkdir()
    (workdir / "repo" / "s.yaml").write_text(VALID_YAML, encoding="utf-8")
    return Path("repo")


def _nothing_leaked(result, out: Path) -> None:
    assert SECRET not in result.output
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any(SECRET.encode() in p.read_bytes() for p in written)


# 1. Templates read any file on the runner.

def test_a_template_folder_linked_out_of_templates_is_refused_before_reading(run, repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "root").symlink_to(Path.cwd(), target_is_directory=True)
    (repo / "templates" / "talking-points.md.j2").write_text(
        '{% extends "talking_points_base.md.j2" %}\n'
        '{% block header %}{% include "root/secret.txt" %}{% endblock %}\n', encoding="utf-8")
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: repo/templates/root/secret.txt: template 'root/secret.txt' is a link to a file "
        "outside the templates folder repo/templates; copy the file into the folder instead "
        "of linking to it"]
    _nothing_leaked(result, Path("out"))
    assert not Path("out").exists()


def test_a_template_file_linked_to_a_file_outside_is_refused(run, repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "deck.yaml.j2").symlink_to(Path("secret.txt").resolve())
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 1
    assert "repo/templates/deck.yaml.j2: template 'deck.yaml.j2' is a link to a file outside" \
        in result.stderr
    _nothing_leaked(result, Path("out"))


def test_a_section_partial_linked_to_a_file_outside_is_refused(run, repo: Path) -> None:
    # The packaged base includes its partials through the same confined, user-first lookup.
    (repo / "templates" / "deck").mkdir(parents=True)
    (repo / "templates" / "deck" / "heard.yaml.j2").symlink_to(Path("secret.txt").resolve())
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 1
    assert "repo/templates/deck/heard.yaml.j2: template 'deck/heard.yaml.j2' is a link to a file " \
        "outside" in result.stderr
    _nothing_leaked(result, Path("out"))


def test_a_templates_folder_that_links_out_of_the_strategy_is_refused(run, repo: Path) -> None:
    Path("elsewhere").mkdir()
    (Path("elsewhere") / "talking-points.md.j2").write_text(SECRET, encoding="utf-8")
    (repo / "templates").symlink_to(Path("elsewhere").resolve(), target_is_directory=True)
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: repo/templates: the templates folder is a link to a folder outside the "
        "strategy's folder; put the templates in it instead"]
    _nothing_leaked(result, Path("out"))


def test_links_inside_the_templates_folder_still_work(run, repo: Path) -> None:
    (repo / "templates" / "parts").mkdir(parents=True)
    (repo / "templates" / "parts" / "header.j2").write_text("Our own header\n", encoding="utf-8")
    (repo / "templates" / "shared").symlink_to("parts", target_is_directory=True)
    (repo / "templates" / "talking-points.md.j2").write_text(
        '{% extends "talking_points_base.md.j2" %}\n'
        '{% block header %}{% include "shared/header.j2" %}{% endblock %}\n', encoding="utf-8")
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 0, result.output
    assert "Our own header" in Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8")


# 2. Strategy files that are links are followed, and E107 echoes what they point at.

def test_a_strategy_file_linked_out_of_the_folder_is_refused_unread(run, repo: Path) -> None:
    (repo / "credentials.yaml").symlink_to(Path("secret.txt").resolve())
    result = run("check", repo)
    assert result.exit_code == 1
    assert result.errors == [
        "repo/credentials.yaml:1:1: E001 is a link to a file outside the strategy's folder; "
        "buyin reads only the strategy's own files (copy the file in instead of linking to it)"]
    _nothing_leaked(result, Path("out"))


def test_a_strategy_given_as_a_link_out_of_its_folder_is_refused(run, repo: Path) -> None:
    (repo / "s.yaml").unlink()
    (repo / "s.yaml").symlink_to(Path("secret.txt").resolve())
    for command in ("check", "roi", "brief"):
        result = run(command, repo / "s.yaml")
        assert result.exit_code == 1
        assert result.errors[0].startswith("repo/s.yaml:1:1: E001 is a link to a file outside")
        _nothing_leaked(result, Path("out"))


def test_a_linked_folder_out_of_the_strategy_is_not_read(run, repo: Path) -> None:
    Path("elsewhere").mkdir()
    Path("elsewhere/leak.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    (repo / "more").symlink_to(Path("elsewhere").resolve(), target_is_directory=True)
    result = run("check", repo)
    assert result.exit_code == 0, result.output
    _nothing_leaked(result, Path("out"))


def test_a_file_that_is_no_strategy_is_not_echoed(run, write) -> None:
    write("s.yaml", f"https://dana:{SECRET}@github.example\n")
    result = run("check", "s.yaml")
    assert result.errors == ["s.yaml:1:1: E107 the top level is plain text; expected a mapping "
                             "of sections such as 'buyin: 1', 'organisation: ...'"]
    assert SECRET not in result.output


def test_a_link_between_files_of_the_strategy_is_still_read(run, repo: Path) -> None:
    Path("repo/shared").mkdir()
    (repo / "s.yaml").rename(repo / "shared" / "s.yaml")
    (repo / "s.yaml").symlink_to(Path("shared/s.yaml"))
    result = run("check", repo / "s.yaml")
    assert result.exit_code == 0, result.output


# 3. CI output can be forged: user text printed raw becomes a GitHub workflow command.

FORGED = 'organisation: "K\\n::error file=README.md::Forged\\n::stop-commands::x"'


def _no_forged_command(output: str, ours: tuple[str, ...] = ()) -> None:
    """No line of `output` is a workflow command but `ours` (GitHub reads one after spaces too)."""
    for line in output.splitlines():
        if line.lstrip().startswith(("::", "##")):
            assert line.startswith(ours), line


@pytest.fixture
def forging(write) -> Path:
    text = VALID_YAML.replace("organisation: Kestrel Logistics", FORGED)
    text = text.replace("    name: Picking errors", '    name: "Pick\\n::error::Metric"')
    # A warning echoes the stakeholder's concern, and an error a name: both carry a forgery.
    text = text.replace("concerns: [Peak season starts in six weeks]",
                        'concerns: ["Peak\\n::error::Concern"]')
    return write("s.yaml", text)


def test_check_text_never_prints_a_line_the_strategy_wrote(run, forging: Path) -> None:
    result = run("check", forging)
    _no_forged_command(result.output)
    assert "Peak\\n::error::Concern" in result.output


def test_check_github_escapes_messages_and_file_names_as_github_reads_them(run, write) -> None:
    write("d/::error file=x,line=1::Forged.yaml", VALID_YAML.replace("buyin: 1", "buyin: 1\nx: 1"))
    result = run("check", "d", "--format", "github")
    assert result.stdout.splitlines() == [
        "::error file=d/%3A%3Aerror file=x%2Cline=1%3A%3AForged.yaml,line=2,col=1,"
        f"title=buyin E201%3A {CODES['E201'].title.replace(':', '%3A').replace(',', '%2C')}"
        "::E201 x: "
        "unknown key (expected one of: accept, buyin, organisation, title, presenter, currency, "
        "locale, language, discount_rate, objectives, metrics, audiences, initiatives, pilots, stakeholders, "
        "sponsor, objections, briefings)"]


def test_a_file_name_that_starts_like_a_command_is_led_by_dot_slash(run, write) -> None:
    write("::error::Forged.yaml", "buyin: [1\n")
    result = run("check", "::error::Forged.yaml")
    assert result.stdout.splitlines()[0].startswith("./::error::Forged.yaml:2:1: E101 ")
    _no_forged_command(result.output)
    name_with_break = write("d/a\n::error::B.yaml", "buyin: [1\n")
    result = run("check", name_with_break.parent)
    assert result.stdout.splitlines()[0].startswith("d/a\\n::error::B.yaml:2:1: E101 ")


def test_roi_prints_the_strategys_text_escaped_on_its_own_lines(run, forging: Path) -> None:
    result = run("roi", forging)
    assert result.exit_code == 0, result.output
    _no_forged_command(result.output)
    assert result.stdout.startswith("K\\n::error file=README.md::Forged\\n::stop-commands::x: ")


def test_roi_in_github_actions_stops_commands_around_text_that_may_wrap(run, write) -> None:
    # The table wraps a name at its spaces, so ' ::error::x' can start a line: GitHub's own
    # stop-commands, with a fresh token, turns commands off for the table.
    path = write("s.yaml", VALID_YAML.replace(
        "    name: Picking errors", "    name: Picking errors per line ::error::Wrapped"))
    result = run("roi", path, env={"GITHUB_ACTIONS": "true", "COLUMNS": "60"})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::stop-commands::") and len(lines[0]) == len("::stop-commands::") + 32
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[-1] == f"::{token}::"
    assert any(line.lstrip().startswith("::error::Wrapped") for line in lines)  # and harmless
    assert run("roi", path, env={"GITHUB_ACTIONS": "true"}).stdout.splitlines()[0] != lines[0]


def test_diff_prints_changed_names_escaped_and_commands_stopped_in_github(run, workdir) -> None:
    from git_repo import commit, init

    forged = VALID_YAML.replace("    name: Picking errors", '    name: "Pick\\n::error::Diff"')
    init(workdir)
    Path("s.yaml").write_text(forged, encoding="utf-8")
    commit(workdir, "first")
    Path("s.yaml").write_text(forged.replace("    value_per_unit: 30",
                                             "    value_per_unit: 30\n    actual: 36"))
    result = run("diff", "s.yaml")
    assert "  Pick\\n::error::Diff fell from 42 to 36" in result.stdout
    _no_forged_command(result.output)
    plain = VALID_YAML.replace("    name: Picking errors", "    name: ::error::Diff")
    Path("s.yaml").write_text(plain, encoding="utf-8")
    commit(workdir, "second")
    Path("s.yaml").write_text(plain.replace("    value_per_unit: 30",
                                            "    value_per_unit: 30\n    actual: 36"))
    lines = run("diff", "s.yaml", env={"GITHUB_ACTIONS": "true"}).stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[0] != token and lines[-1] == f"::{token}::"
    assert "  ::error::Diff fell from 42 to 36 errors per 10,000 lines (better)" in lines


# 4. Control characters got past E103 through tags and YAML escapes.

@pytest.mark.parametrize("value, char", [
    ('!!timestamp "K\\e[31mred"', "U+001B"), ('!!bool "K\\e[31m"', "U+001B"),
    ("!<tag:x%1B[31m> K", "U+001B"), ('!!str "K\\0"', "U+0000"), ('"K\\N"', "U+0085"),
    ('"K\\L"', "U+2028"), ('"K\\u202eabc"', "U+202E"), ('"K\\u2066abc"', "U+2066"),
    ('"K\\rX"', "U+000D"), ('!!int "1\\e"', "U+001B"), ('!!null "\\e"', "U+001B"),
], ids=["timestamp", "bool", "tag", "nul", "nel", "line separator", "bidi override",
        "bidi isolate", "carriage return", "int", "null"])
def test_every_scalar_and_tag_gets_the_one_control_character_rule(run, write, value, char) -> None:
    path = write("s.yaml", VALID_YAML.replace("organisation: Kestrel Logistics",
                                              f"organisation: {value}"))
    for command in ("check", "roi", "brief"):
        result = run(command, path, *(["--out", "out"] if command == "brief" else []))
        assert result.exit_code == 1
        assert result.errors[0].startswith("s.yaml:2:15: E103 ")
        assert char in result.errors[0]
        assert not any(c in result.output for c in "\x1b\x00\x85\u2028\u202e\u2066\r")
    assert not Path("out").exists()


def test_a_control_character_in_a_key_or_a_keys_tag_is_refused(run, write) -> None:
    path = write("s.yaml", VALID_YAML.replace("organisation: Kestrel Logistics",
                                              'organisation: Kestrel\n!<x%1B> "k\\e": v'))
    assert run("check", path).errors == [
        "s.yaml:3:1: E103 control character U+001B in the text; remove it (it would corrupt "
        "the deck)"]


def test_an_escape_in_a_plain_quoted_key_is_refused(run, write) -> None:
    path = write("s.yaml", VALID_YAML.replace("organisation: Kestrel Logistics",
                                              'organisation: Kestrel\n"k\\e": v'))
    assert run("check", path).errors == [
        "s.yaml:3:1: E103 control character U+001B in the text; remove it (it would corrupt "
        "the deck)"]


def test_only_escapes_make_control_characters_so_other_scalars_are_not_screened_again(write) -> None:
    # The loader screens a value again only when it is double-quoted: any other scalar holds
    # the file's own (screened) characters, its line breaks read as "\n" even from "\r\n".
    from buyin_cli.load.merge import load

    text = ("a: 'one\r\n  two'\r\nb: |\r\n  three\r\n  four\r\nc: >\r\n  five\r\n  six\r\n"
            "d: seven\r\n  eight\r\n? 'e\r\n  f'\r\n: nine\r\n")
    loaded = load(write("s.yaml", text))
    assert not loaded.problems
    assert loaded.data == {"a": "one two", "b": "three\nfour\n", "c": "five six\n",
                           "d": "seven eight", "e f": "nine"}


def test_error_lines_echo_control_characters_escaped() -> None:
    from buyin_cli.errors import Location, Problem

    problem = Problem(Location(Path("a\x1b[2Jb.yaml"), 1, 1), "E203",
                      "got 'K\x1b[31m\u202e\x85\u2028\r\n'")
    assert str(problem) == "a\\x1b[2Jb.yaml:1:1: E203 got 'K\\x1b[31m\\u202e\\x85\\u2028\\r\\n'"


# 5. Rich markup injection: user text printed by rich was read as markup.

LINK = "[link=https://evil.example/x][blink]Pick[/][/link]"


@pytest.fixture
def marked_up(write) -> Path:
    text = VALID_YAML.replace("    name: Picking errors", f'    name: "{LINK}"')
    text = text.replace("unit: errors per 10,000 lines", "unit: errors [/10k lines]")
    return write("s.yaml", text.replace("title: Pick Right", 'title: "[bold red]Pick[/]"'))


@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1", "COLUMNS": "200"}],
                         ids=["piped", "terminal"])
def test_roi_prints_markup_in_the_strategy_as_written(run, marked_up: Path, env) -> None:
    result = run("roi", marked_up, "--explain", env=env)
    assert result.exit_code == 0, result.output  # '[/10k lines]' is no MarkupError
    assert LINK in result.stdout and "(errors [/10k lines], lower is better)" in result.stdout
    assert "[bold red]Pick[/]" in result.stdout
    assert "\x1b]8;" not in result.stdout  # no live link
    assert "\x1b[5m" not in result.stdout  # no blinking


def test_the_progress_bar_shows_a_briefing_id_as_written(monkeypatch) -> None:
    import io

    from buyin_cli.progress import progress_bar

    monkeypatch.setenv("FORCE_COLOR", "1")  # drawn as on a terminal
    stream = io.StringIO()
    with progress_bar(stream) as advance:
        advance("[blink]x[/]", 1, 2)
    assert "[blink]x[/]" in stream.getvalue() and "\x1b[5m" not in stream.getvalue()


# 6. A corporate deck carried its payload (external links, macros) into every output.

MACRO_MAIN = b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
PRESENTATION_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def _default_pptx() -> bytes:
    from buyin_cli.render.pptx.templatefile import default_template

    return default_template().read_bytes()


def _template_with(path: Path, *, types=None, rels=None, extra=None) -> Path:
    """The bundled template with [Content_Types].xml and presentation.xml.rels edited."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_default_pptx())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml" and types:
                data = types(data)
            if info.filename == "ppt/_rels/presentation.xml.rels" and rels:
                data = rels(data)
            dst.writestr(info, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    path.write_bytes(out.getvalue())
    return path


def _with_vba(data: bytes) -> bytes:
    return data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="http://schemas.'
                        b'microsoft.com/office/2006/relationships/vbaProject" '
                        b'Target="vbaProject.bin"/></Relationships>')


def _vba_type(data: bytes) -> bytes:
    return data.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.'
                        b'ms-office.vbaProject"/></Types>')


def test_a_pptm_labelled_pptx_in_a_comment_is_refused_for_its_macros(run, strategy_file) -> None:
    pptm = _template_with(
        Path("corporate.pptx"),
        types=lambda d: _vba_type(d.replace(PRESENTATION_MAIN, MACRO_MAIN)) + b"<!-- "
        + PRESENTATION_MAIN + b" -->", rels=_with_vba, extra={"ppt/vbaProject.bin": b"MACRO"})
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", pptm)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: corporate.pptx: refused: a macro-enabled PowerPoint file (application/vnd."
        "ms-powerpoint.presentation.macroEnabled.main+xml); every deck would carry its macros: "
        "save it as a .pptx or .potx (PowerPoint Presentation or Template) and use that"]
    assert not Path("out").exists()


def test_a_vba_project_in_a_file_typed_as_pptx_is_refused(run, strategy_file) -> None:
    hidden = _template_with(Path("corporate.pptx"), types=_vba_type, rels=_with_vba,
                            extra={"ppt/vbaProject.bin": b"MACRO"})
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", hidden)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: corporate.pptx: refused as a PowerPoint template: it holds macros (a "
        "vbaProject part); save it as a .pptx without macros"]


def _master_linking(path: Path, target: str, reltype: str) -> Path:
    from pptx import Presentation

    prs = Presentation(str(_template_with(path)))
    prs.slide_master.part.relate_to(target, reltype, is_external=True)
    prs.save(str(path))
    return path


@pytest.mark.parametrize("target, reltype, what", [
    ("file:///etc/passwd.png", "image", "an external image ('file:///etc/passwd.png') that "
     "PowerPoint would fetch whenever a deck opens; embed it in the file instead of linking to it"),
    ("https://tracker.example/pixel.png", "image", "an external image ('https://tracker.example/"
     "pixel.png') that PowerPoint would fetch"),
    ("\\\\attacker\\share\\x", "oleObject", "an external oleObject ('\\\\attacker\\share\\x')"),
    ("file://attacker/share/x", "hyperlink", "links to 'file://attacker/share/x', which is not "
     "a web or mail address; remove the link or point it at an https:// address"),
], ids=["file image", "web image", "ole link", "file hyperlink"])
def test_a_template_with_an_external_part_is_refused(run, strategy_file, target, reltype,
                                                     what) -> None:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    corporate = _master_linking(Path("corporate.pptx"), target,
                                getattr(RT, reltype.upper().replace("OBJECT", "_OBJECT")))
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", corporate)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: corporate.pptx: refused as a PowerPoint template: "
                                    "/ppt/slideMasters/slideMaster1.xml ")
    assert what in result.stderr
    assert not Path("out").exists()


def test_a_web_link_in_the_template_stays_and_nothing_else_external_is_written(
        run, strategy_file) -> None:
    import zipfile

    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    corporate = _master_linking(Path("corporate.pptx"), "https://intranet.example/brand",
                                RT.HYPERLINK)
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", corporate)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile("out/warehouse-manager-briefing.pptx") as deck:
        rels = b"".join(deck.read(n) for n in deck.namelist() if n.endswith(".rels"))
        assert not any("vba" in n.lower() for n in deck.namelist())
    external = rels.count(b'TargetMode="External"')
    assert b"https://intranet.example/brand" in rels
    # the slides' own links (the showcase URL) and the template's one, nothing else
    assert external == rels.count(b"https://")


# 7. Output modes were copied through a link.

@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return path.lstat().st_mode & 0o7777


def test_an_output_that_is_a_link_is_replaced_with_the_umasks_mode(run, strategy_file,
                                                                   umask_027) -> None:
    target = Path("setuid-program")
    target.write_bytes(b"#!/bin/sh\n")
    target.chmod(0o6777)
    Path("out").mkdir()
    Path("out/warehouse-manager-briefing.md").symlink_to(target.resolve())
    result = run("brief", strategy_file, "--out", "out")
    assert result.exit_code == 0, result.output
    written = Path("out/warehouse-manager-briefing.md")
    assert not written.is_symlink() and _mode(written) == 0o640
    assert _mode(Path("out/warehouse-manager-briefing.pptx")) == 0o640
    assert target.read_bytes() == b"#!/bin/sh\n" and _mode(target) == 0o6777  # left alone


def test_a_replaced_output_keeps_its_permissions_but_never_setuid(run, strategy_file,
                                                                  umask_027) -> None:
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    notes = Path("out/warehouse-manager-briefing.md")
    notes.chmod(0o4755)
    Path("s.yaml").write_text(strategy_file.read_text().replace("minutes: 20", "minutes: 25"))
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    assert _mode(notes) == 0o755
