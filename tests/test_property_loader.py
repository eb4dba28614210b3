"""Property: however a valid strategy is damaged, `buyin check` answers in located lines.

Random damage to the document (delete, duplicate or retype a node) and to its text (inject
control characters, tabs, quotes, colons, brackets, anchors, bytes that are not UTF-8) must
never produce a traceback: the exit code is 0 or 1 and every problem is one
`FILE:LINE:COL: CODE message` line.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import _VALID_DATA, PROBLEM_LINE, VALID_YAML, dump, invoke

SETTINGS = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    """Every path into the data, the root excluded."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, path + (i,))
    return found


PATHS = _paths(_VALID_DATA)

OTHER_VALUES = st.one_of(
    st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.booleans(), st.none(), st.just([]), st.just({}),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["no", "yes", "on", "2026-13-31", "2025-02-30", "1e5", "UKP", "-1"]),
)


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


@st.composite
def damaged_documents(draw) -> str:
    data = _copy(_VALID_DATA)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        # Half the time damage a list or mapping: whole sections are where crashes hide.
        containers = [p for p in paths if isinstance(_at(data, p), (list, dict))]
        path = draw(st.sampled_from(containers if containers and draw(st.booleans()) else paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = draw(st.sampled_from(["delete", "duplicate", "retype"]))
        if action == "delete":
            del parent[last]
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(last, _copy(parent[last]))
        elif action == "duplicate":
            # A mapping cannot hold a key twice; copy the value under a near-miss key instead.
            parent[f"{last}s"] = _copy(parent[last])
        else:
            parent[last] = draw(OTHER_VALUES)
    return dump(data)


INJECTIONS = st.sampled_from([
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe", "\t", "\r",
    "\n", "\n\t", '"', "'", ":", ": ", " #", "[", "]", "{", "}", ",", "- ", "&a ", "*a",
    "!!python/object:os.system ", "---\n", "%", "@", "`", "|", ">", "?", "\\", '"a\\nb"', "é", "💥",
    b"\xff", b"\xc3", b"\xe9", b"\x80\x80",
])


@st.composite
def injected_texts(draw) -> bytes:
    raw = VALID_YAML.encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        piece = draw(INJECTIONS)
        piece = piece if isinstance(piece, bytes) else piece.encode("utf-8")
        if draw(st.booleans()):  # replace a stretch rather than insert
            raw = raw[:at] + piece + raw[at + draw(st.integers(1, 8)):]
        else:
            raw = raw[:at] + piece + raw[at:]
    return raw


def assert_answers_in_lines(content: str | bytes) -> None:
    with open("s.yaml", "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    start = time.perf_counter()
    result = invoke(["check", "s.yaml"])
    assert time.perf_counter() - start < 5
    assert "Traceback" not in result.output, result.output
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert lines and lines[-1][:1] in "✓✗", result.output
    problems = []
    for line in lines:
        if not line.strip() or line[:1] in "✓✗":
            break  # the summary (readiness scores, the verdict) follows the problems
        problems.append(line)
    assert problems or result.exit_code == 0 or lines[-1].startswith("✗")
    for line in problems:
        assert PROBLEM_LINE.match(line), line
    if result.exit_code == 1 and lines[-1].startswith("✗"):
        assert any(" E" in line for line in problems), result.output


@SETTINGS
@given(damaged_documents())
def test_damaged_documents_get_located_lines(workdir, text):
    assert_answers_in_lines(text)


@SETTINGS
@given(injected_texts())
def test_injected_characters_get_located_lines(workdir, raw):
    assert_answers_in_lines(raw)


@pytest.mark.parametrize("piece", ["\x00", "\t", "\u2028", b"\xff"], ids=repr)
def test_injection_at_every_line_start(workdir, piece):
    # A systematic sweep complements the random one: the same character at each line start.
    lines = VALID_YAML.encode("utf-8").split(b"\n")
    piece = piece if isinstance(piece, bytes) else piece.encode("utf-8")
    for i in range(0, len(lines), 7):
        damaged = b"\n".join(lines[:i] + [piece + lines[i]] + lines[i + 1:])
        assert_answers_in_lines(damaged)


def test_every_node_retyped_gives_problems_not_crashes(workdir):
    # Exhaustive where the random search is thin: each node of the strategy replaced in
    # turn by a value of every other kind, checked through the core entry point.
    from pathlib import Path

    from buyin_cli.load.strategy import check_strategy

    replacements = [7, "no", None, ["x"], {"x": 1}]
    for path in PATHS:
        for value in replacements:
            data = _copy(_VALID_DATA)
            parent = _at(data, path[:-1])
            if type(parent[path[-1]]) is type(value):
                continue
            parent[path[-1]] = value
            Path("s.yaml").write_text(dump(data), encoding="utf-8")
            _, problems = check_strategy(Path("s.yaml"))
            for problem in problems:
                assert PROBLEM_LINE.match(str(problem)), (path, value, str(problem))
