"""A real browser for tests: Debian's headless Chromium, driven through chromedriver.

chromedriver speaks the W3C WebDriver protocol, JSON over HTTP: the few calls a
test needs (open a session, go to a page, run a script, close) are a dozen lines
of urllib, so no client library is needed.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """One browser window: `open(url)`, then `run(script)` as often as needed."""

    def __init__(self, driver: str, session: str) -> None:
        self._base = f"{driver}/session/{session}"

    def open(self, url: str) -> None:
        _call("POST", f"{self._base}/url", {"url": url})

    def run(self, script: str) -> Any:
        """The value of `script` (a function body that returns) in the open page."""
        return _call("POST", f"{self._base}/execute/sync", {"script": script, "args": []})

    def until(self, script: str, seconds: float) -> Any:
        """Run `script` until it returns something true, and return that; fail after `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            value = self.run(script)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"not true after {seconds} s: {script}")
            time.sleep(0.5)


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium window, closed (and its driver stopped) afterwards."""
    assert CHROMIUM and CHROMEDRIVER, "install Debian's chromium and chromium-driver"
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="buyin-chromium-") as profile:
        driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{base}/status")
            options = {"binary": CHROMIUM,
                       "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                "--disable-dev-shm-usage", f"--user-data-dir={Path(profile)}"]}
            session = _call("POST", f"{base}/session", {"capabilities": {"alwaysMatch": {
                "browserName": "chrome", "goog:chromeOptions": options}}})["sessionId"]
            try:
                yield Browser(base, session)
            finally:
                _call("DELETE", f"{base}/session/{session}")
        finally:
            driver.terminate()
            driver.wait(timeout=30)


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _call(method: str, url: str, body: dict | None = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read() or b"null").get("value")
    except urllib.error.HTTPError as error:  # WebDriver says what went wrong in the body
        raise AssertionError(f"{method} {url}: {error.read().decode(errors='replace')}") from None
