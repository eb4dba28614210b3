"""Where CI installs buyin from: the install's own record (PEP 610), pinned, or nothing made up."""

from __future__ import annotations

import subprocess
from importlib import metadata
from pathlib import Path

import pytest

from buyin_cli import provenance


@pytest.mark.parametrize(("record", "spec"), [
    ({"url": "https://github.com/acme/buyin", "vcs_info": {"vcs": "git", "commit_id": "4f2a9c1",
                                                          "requested_revision": "v0.1.0"}},
     "buyin @ git+https://github.com/acme/buyin@4f2a9c1"),  # the commit, not the movable tag
    ({"url": "https://files.example.com/buyin-0.1.0.tar.gz",
      "archive_info": {"hashes": {"sha256": "ab12"}}},
     "buyin @ https://files.example.com/buyin-0.1.0.tar.gz#sha256=ab12"),
    ({"url": "file:///nowhere/buyin", "dir_info": {"editable": True}}, None),
])
def test_the_record_becomes_a_pinned_requirement(record: dict, spec: str | None) -> None:
    assert provenance.spec_from_record(record) == spec


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
                          cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def test_a_local_checkout_is_its_remote_at_a_commit_the_remote_has(tmp_path: Path) -> None:
    checkout = tmp_path / "buyin"
    checkout.mkdir()
    _git(checkout, "init", "-q", "-b", "main")
    _git(checkout, "commit", "-q", "--allow-empty", "-m", "one")
    record = {"url": checkout.as_uri(), "dir_info": {}}
    assert provenance.spec_from_record(record) is None  # no remote: CI cannot reach it
    _git(checkout, "remote", "add", "origin", "git@github.com:acme/buyin.git")
    assert provenance.spec_from_record(record) is None  # the remote lacks the commit
    _git(checkout, "update-ref", "refs/remotes/origin/main", "HEAD")
    commit = _git(checkout, "rev-parse", "HEAD")
    assert provenance.spec_from_record(record) == (
        f"buyin @ git+ssh://git@github.com/acme/buyin.git@{commit}")


def test_an_index_install_is_that_version(monkeypatch: pytest.MonkeyPatch) -> None:
    class Dist:
        version = "0.1.0"

        def read_text(self, name: str) -> None:
            return None

    monkeypatch.setattr(metadata, "distribution", lambda name: Dist())
    assert provenance.install_spec() == "buyin==0.1.0"
