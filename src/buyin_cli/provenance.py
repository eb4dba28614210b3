"""Where this buyin came from, as pip can install it again elsewhere (in CI), pinned.

pip records how it installed a package (PEP 610, `direct_url.json`): a VCS URL
and commit, an archive's URL and hash, or a local folder. No record means a
package index, at the installed version. A local folder is reachable from CI
only through the git remote it was cloned from, at a commit that remote has.
"""

from __future__ import annotations

import json
import re
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse


def install_spec() -> str | None:
    """A pip requirement for this very buyin; None when it came from where CI cannot reach."""
    try:
        dist = metadata.distribution("buyin")
    except metadata.PackageNotFoundError:  # run from a source tree, never installed
        return _from_checkout(Path(__file__).resolve().parents[2])
    record = dist.read_text("direct_url.json")
    if record is None:
        return f"buyin=={dist.version}"
    try:
        return spec_from_record(json.loads(record))
    except (ValueError, KeyError, TypeError):  # a record pip did not write
        return None


def spec_from_record(record: dict[str, Any]) -> str | None:
    """The requirement a PEP 610 record describes, or None for a folder CI cannot reach."""
    url = record["url"]
    if "vcs_info" in record:
        vcs = record["vcs_info"]
        return f"buyin @ {vcs['vcs']}+{url}@{vcs['commit_id']}"
    if url.startswith("file:"):
        return _from_checkout(Path(unquote(urlparse(url).path)))
    hashes = record.get("archive_info", {}).get("hashes", {})
    pin = f"#sha256={hashes['sha256']}" if "sha256" in hashes else ""
    return f"buyin @ {url}{pin}"


def _from_checkout(folder: Path) -> str | None:
    """A local checkout as its git remote at HEAD, if that remote has HEAD's commit."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                                  text=True, timeout=10, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    if not commit:
        return None
    for remote in (git("remote") or "").split():
        url = _public_url(git("remote", "get-url", remote) or "")
        pushed = git("branch", "-r", "--contains", commit, "--list", f"{remote}/*")
        if url and pushed:
            return f"buyin @ git+{url}@{commit}"
    return None


def _public_url(url: str) -> str | None:
    """A remote URL pip can fetch; git's `user@host:path` written as ssh://; a path is None."""
    scp = re.fullmatch(r"([\w.-]+@[\w.-]+):(?!//)(.+)", url)
    if scp:
        return f"ssh://{scp[1]}/{scp[2]}"
    return url if re.match(r"(https?|ssh|git)://", url) else None

