"""`buyin watch`: render on every save, survive an invalid one, reuse what did not change."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from buyin_cli.watch import Session, file_changes, run
from conftest import VALID_YAML, replace_line
from deck_helpers import read_deck

MD = Path("out/warehouse-manager-briefing.md")
PPTX = Path("out/warehouse-manager-briefing.pptx")
RENDERED = re.compile(r"rendered warehouse-manager-briefing in \d+\.\d\d s( \(unchanged\))?")


def _session(lines: list[str], **options) -> Session:
    return Session(Path("strategy"), Path("out"), say=lines.append, **options)


def test_renders_each_save_and_survives_an_invalid_one(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    lines: list[str] = []
    session = _session(lines)
    snapshots = []

    def saves():
        snapshots.append((PPTX.read_bytes(), MD.read_bytes()))
        write("strategy/s.yaml", replace_line(VALID_YAML, "    minutes: 20", "    minutes: 25"))
        yield {Path("strategy/s.yaml")}
        snapshots.append((PPTX.read_bytes(), MD.read_bytes()))
        write("strategy/s.yaml", replace_line(VALID_YAML, "    baseline: 42", "    baselin: 42"))
        yield {Path("strategy/s.yaml")}
        snapshots.append((PPTX.read_bytes(), MD.read_bytes()))
        write("strategy/s.yaml", replace_line(VALID_YAML, "    minutes: 20", "    minutes: 25"))
        yield {Path("strategy/s.yaml")}

    run(session, saves())
    first, edited, after_invalid = snapshots
    assert edited != first  # the edit was rendered
    assert after_invalid == edited  # the invalid save left the last good outputs
    assert (PPTX.read_bytes(), MD.read_bytes()) == edited
    warnings = [line for line in lines if re.match(r"strategy/s\.yaml:\d+:\d+: W\d{3} ", line)]
    assert warnings, "the readiness warnings are shown on the first render"
    rest = [line for line in lines if line not in warnings]
    assert RENDERED.fullmatch(rest[0]) and not rest[0].endswith("(unchanged)")
    assert RENDERED.fullmatch(rest[1]) and not rest[1].endswith("(unchanged)")
    assert rest[2:4] == ["strategy/s.yaml:17:5: E201 metrics[0].baselin: unknown key "
                         "(did you mean 'baseline'?)",
                         "✗ 1 error: not rendered; the last good outputs stay"]
    assert RENDERED.fullmatch(rest[4]) and rest[4].endswith("(unchanged)")
    assert len(rest) == 5


def test_a_new_template_override_is_picked_up(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    lines: list[str] = []
    session = _session(lines)
    override = Path("strategy/templates/talking-points.md.j2")

    def saves():
        assert "OUR CHECKLIST" not in MD.read_text(encoding="utf-8")
        write(str(override), '{% extends "talking_points_base.md.j2" %}'
                             '{% block checklist %}OUR CHECKLIST{% endblock %}\n')
        yield {override}
        assert "OUR CHECKLIST" in MD.read_text(encoding="utf-8")
        write(str(override), '{% extends "talking_points_base.md.j2" %}'
                             '{% block checklist %}{{ view.nope }}{% endblock %}\n')
        yield {override}

    run(session, saves())
    assert "OUR CHECKLIST" in MD.read_text(encoding="utf-8")  # the failed template wrote nothing
    assert lines[-2].startswith("error: ") and "nope" in lines[-2]
    assert lines[-1] == "✗ not rendered; the last good outputs stay"


def test_an_override_of_one_partial_is_picked_up_and_rendered_again_when_edited(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    lines: list[str] = []
    session = _session(lines)
    partial = Path("strategy/templates/talking_points/checklist.md.j2")
    slide = Path("strategy/templates/deck/asks.yaml.j2")
    asks = "  - layout: {{ layout.content | q }}\n    title: {{ %r | q }}\n    notes: Ask.\n"

    def saves():
        write(str(partial), "OUR CHECKLIST\n")
        write(str(slide), asks % "Our requests")
        yield {partial, slide}
        assert "OUR CHECKLIST" in MD.read_text(encoding="utf-8")
        assert "Our requests" in [s["title"] for s in read_deck(PPTX)]
        write(str(partial), "OUR NEW CHECKLIST\n")
        write(str(slide), asks % "Our new requests")  # the slides kept from the last save are keyed
        yield {partial, slide}                         # by their outline: this one is built again

    run(session, saves())
    assert "OUR NEW CHECKLIST" in MD.read_text(encoding="utf-8")
    titles = [s["title"] for s in read_deck(PPTX)]
    assert "Our new requests" in titles and "Our requests" not in titles
    assert session.relevant(partial) and session.relevant(slide)


def test_only_strategy_files_and_templates_matter(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    session = Session(Path("strategy"), Path("strategy/build"), say=lambda line: None)
    assert session.relevant(Path("strategy/s.yaml"))
    assert session.relevant(Path("strategy/pilots/north.yml"))
    assert not session.relevant(Path("strategy/build/warehouse-manager-briefing.md"))
    assert not session.relevant(Path("strategy/.github/workflows/briefings.yml"))
    assert not session.relevant(Path("strategy/README.md"))
    assert not session.relevant(Path("strategy/.s.yaml.swp"))
    write("strategy/templates/deck.yaml.j2", "")
    assert session.relevant(Path("strategy/templates/deck.yaml.j2"))


def test_a_new_export_saved_over_the_old_one_matters(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    for path in (Path("strategy"), Path("strategy/s.yaml")):  # a folder, or one file in it
        session = Session(path, Path("strategy/build"), say=lambda line: None)
        assert session.relevant(Path("strategy/data/incidents.csv"))
        assert session.relevant(Path("strategy/data/LMS.XLSX"))
        assert not session.relevant(Path("elsewhere/incidents.csv"))
        assert not session.relevant(Path("strategy/build/incidents.csv"))


def test_an_unchanged_slide_is_not_built_again(write, monkeypatch: pytest.MonkeyPatch) -> None:
    import buyin_cli.render.pptx.deck

    built: list[object] = []  # each slide laid out and drawn, not copied in
    real = buyin_cli.render.pptx.deck._add_slides
    monkeypatch.setattr(buyin_cli.render.pptx.deck, "_add_slides",
                        lambda *args: built.append(args[2]) or real(*args))
    question = "    opening_question: Would going into peak with fewer returns help?"
    session = _session([])
    counts = []
    # The first render; a save that only adds a comment; one that changes the opening question.
    for text in (VALID_YAML,
                 replace_line(VALID_YAML, "    minutes: 20", "    minutes: 20  # to check with Tanya"),
                 replace_line(VALID_YAML, question, question.replace("Would", "So, would"))):
        write("strategy/s.yaml", text)
        built.clear()
        assert session.render()
        counts.append(len(built))
    first, comment, asked = counts
    assert first > 0
    assert comment == 0  # every slide copied in
    assert 0 < asked < first  # only the slides that show the question


def test_with_real_file_events_it_renders_after_a_save_and_after_an_invalid_one(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    lines: list[str] = []
    session = _session(lines)
    stop = threading.Event()
    watcher = threading.Thread(target=run, args=(session, file_changes(
        session, stop_event=stop, debounce_ms=100)), daemon=True)

    def wait_for(predicate, what: str) -> None:
        deadline = time.monotonic() + 30
        while not predicate():
            assert time.monotonic() < deadline, f"timed out waiting for {what}: {lines}"
            time.sleep(0.05)

    watcher.start()
    try:
        wait_for(lambda: any(RENDERED.fullmatch(line) for line in lines), "the first render")
        time.sleep(0.3)  # let the watcher settle on its folders
        first = MD.read_bytes()
        write("strategy/s.yaml", replace_line(VALID_YAML, "    minutes: 20", "    minutes: 30"))
        wait_for(lambda: MD.read_bytes() != first, "the re-render")
        good = MD.read_bytes()
        write("strategy/s.yaml", "buyin: [\n")
        wait_for(lambda: any(line.startswith("✗ ") for line in lines), "the error")
        assert MD.read_bytes() == good
        write("strategy/s.yaml", VALID_YAML)
        wait_for(lambda: MD.read_bytes() == first, "the render after the fix")
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()


def test_watch_of_a_missing_path_says_so(run) -> None:
    result = run("watch", "nowhere")
    assert result.exit_code == 1
    assert result.lines[0] == ("nowhere:1:1: E001 no such file or folder; give a strategy .yaml "
                               "file or a folder of them")


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_stops_watching_cleanly(workdir: Path) -> None:
    from test_cli_help import _script

    (workdir / "s.yaml").write_text(VALID_YAML, encoding="utf-8")
    proc = subprocess.Popen([*_script(), "watch", "s.yaml", "--out", "out"], cwd=workdir,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        seen = []
        for line in proc.stdout:
            seen.append(line)
            if RENDERED.fullmatch(line.strip()):
                break
        assert seen[0] == "watching .; Ctrl-C stops\n"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert err == "stopped watching\n"
    assert "Traceback" not in out + err


def test_a_save_made_during_the_first_render_is_rendered(write, monkeypatch) -> None:
    # The watcher starts once the first render is done: a save made while it ran was lost.
    write("strategy/s.yaml", VALID_YAML)
    lines: list[str] = []
    session = _session(lines)
    real = Session.render

    def render_and_save_meanwhile(self, changed=()):
        done = real(self, changed)
        if len([line for line in lines if RENDERED.fullmatch(line)]) == 1:
            write("strategy/s.yaml", replace_line(VALID_YAML, "    minutes: 20", "    minutes: 45"))
            os.utime("strategy/s.yaml", ns=(1, 1))  # a stamp that differs however fast it was
        return done

    monkeypatch.setattr(Session, "render", render_and_save_meanwhile)
    run(session, iter([set()]))  # the watcher's first answer: running, nothing seen
    assert len([line for line in lines if RENDERED.fullmatch(line)]) == 2
    assert "45" in MD.read_text(encoding="utf-8")


def test_a_save_that_turns_the_strategy_into_a_link_outside_is_told(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    write("secret.yaml", VALID_YAML)
    lines: list[str] = []
    session = Session(Path("strategy/s.yaml"), Path("out"), say=lines.append)
    Path("strategy/s.yaml").unlink()
    Path("strategy/s.yaml").symlink_to(Path("secret.yaml").resolve())
    assert session.relevant(Path("strategy/s.yaml").absolute())
    run(session, iter([{Path("strategy/s.yaml").absolute()}]))
    assert lines[0].startswith("strategy/s.yaml:1:1: E001 is a link to a file outside")


def test_a_deck_open_in_powerpoint_is_not_replaced_and_watching_goes_on(write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    lines: list[str] = []
    previewed: list[list[str]] = []
    session = _session(lines, on_render=lambda rendered, warnings: previewed.append(
        [item.briefing_id for item in rendered]))

    def saves():
        first = PPTX.read_bytes()
        lock = PPTX.with_name("~$" + PPTX.name)
        lock.write_bytes(b"owner")  # PowerPoint has the deck open
        write("strategy/s.yaml", replace_line(VALID_YAML, "    minutes: 20", "    minutes: 25"))
        yield {Path("strategy/s.yaml")}
        assert PPTX.read_bytes() == first  # not replaced under PowerPoint
        lock.unlink()  # closed: the next save writes it
        write("strategy/s.yaml", replace_line(VALID_YAML, "    minutes: 20", "    minutes: 30"))
        yield {Path("strategy/s.yaml")}
        assert PPTX.read_bytes() != first

    run(session, saves())
    [refused] = [line for line in lines if line.startswith("not replaced: ")]
    assert refused == ("not replaced: out/warehouse-manager-briefing.pptx is open in PowerPoint "
                       "(out/~$warehouse-manager-briefing.pptx is its lock file): close it; "
                       "watching goes on, and the next save writes it")
    assert "--force" not in "\n".join(lines)  # watch has no --force to offer
    assert previewed == [["warehouse-manager-briefing"]] * 3  # the preview rendered every save


# A roll-out that would take a percentage past 100: check calls it impossible (W307).
IMPOSSIBLE = (replace_line(replace_line(VALID_YAML, "    baseline: 42", "    baseline: 95"),
                           "    unit: errors per 10,000 lines", "    unit: '% of lines picked right'")
              .replace("    target: 25", "    target: 99").replace("better: lower", "better: higher")
              .replace("after: 30", "after: 70"))


def test_an_impossible_figure_stops_watch_as_it_stops_brief(write) -> None:
    write("strategy/s.yaml", IMPOSSIBLE)
    lines: list[str] = []
    stops: list[list[str]] = []
    assert _session(lines, on_invalid=stops.append).render() is False
    assert not PPTX.exists()  # nothing shown as a fact
    assert any(" W307 " in line for line in lines) and any(" W307 " in p for p in stops[0])
    assert lines[-1].startswith("✗ 1 impossible figure: not rendered") and "--draft" in lines[-1]


def test_watch_with_draft_renders_and_marks_the_slides_that_show_it(write) -> None:
    write("strategy/s.yaml", IMPOSSIBLE)
    lines: list[str] = []
    assert _session(lines, draft=True).render() is True
    slides = read_deck(PPTX)
    assert "DRAFT" in (slides[1]["title"] or "") + " ".join(slides[1]["texts"])
