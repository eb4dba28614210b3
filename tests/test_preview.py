"""`buyin watch --serve`'s preview state and server, without a browser (test_new_repository has one)."""

from __future__ import annotations

import json
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
