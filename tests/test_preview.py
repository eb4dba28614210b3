"""`buyin watch --serve`'s preview state and server, without a browser (test_new_repository has one)."""

from __future__ import annotations

import json
import shutil
import time
import urllib.request

import pytest

from buyin_cli import preview as preview_module
from buyin_cli.brief import Rendered
from buyin_cli.preview import Preview
from buyin_cli.preview_server import serve


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def test_the_page_and_its_state_are_served_on_localhost_only(monkeypatch) -> None:
    monkeypatch.setattr(preview_module, "find_soffice", lambda: None)  # no LibreOffice here
    preview = Preview()
    server = serve(preview, 0)
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        base = f"http://127.0.0.1:{port}/"
        page = _get(base).decode()
        assert "<title>buyin preview</title>" in page and "textContent" in page
        preview.rendered([Rendered("coo", b"deck", "# Talking points\n")], ["s.yaml:3:1: W101 x"])
        seen = json.loads(_get(base + "wait?version=0"))["version"]
        state = json.loads(_get(base + "state.json"))
        assert state["problems"] == ["s.yaml:3:1: W101 x"] and state["valid"]
        [coo] = state["briefings"]
        assert coo["talking_points"] == "# Talking points\n"
        # without LibreOffice the page says what to install, and the rest still works
        state = json.loads(_get(base + f"wait?version={seen}")) and json.loads(
            _get(base + "state.json"))
        assert state["briefings"][0]["note"].startswith("install LibreOffice")
        assert state["briefings"][0]["rendering"] is False
        preview.invalid(["s.yaml:1:1: E101 bad"])
        state = json.loads(_get(base + "state.json"))
        assert state["problems"] == ["s.yaml:1:1: E101 bad"] and not state["valid"]
        assert state["briefings"][0]["id"] == "coo"  # the last good one stays below the errors
        with pytest.raises(urllib.error.HTTPError):
            _get(base + "slides/../../etc/passwd")
    finally:
        server.shutdown()
        server.server_close()
        preview.close()


def test_closing_stops_a_drawing_in_progress_and_leaves_no_scratch_folder(tmp_path, monkeypatch) -> None:
    # A LibreOffice still converting when watch stops would write its profile back into the
    # removed folder (and run on to its timeout): close stops it, then removes the folder.
    slow = tmp_path / "soffice"
    slow.write_text(f"#!/bin/sh\nsleep 30\nmkdir -p {tmp_path}/late\n")
    slow.chmod(0o755)
    monkeypatch.setattr(preview_module, "find_soffice", lambda: str(slow))
    monkeypatch.setattr(shutil, "which", lambda name: "/bin/true")
    preview = Preview()
    scratch = preview._scratch
    preview.rendered([Rendered("coo", b"deck", "# Talking points\n")], [])
    deadline = time.monotonic() + 10
    while preview._running is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert preview._running is not None
    started = time.monotonic()
    preview.close()
    assert time.monotonic() - started < 10 and not scratch.exists()
    assert not preview._thread.is_alive() and not (tmp_path / "late").exists()
