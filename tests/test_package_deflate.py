"""Packages written with the deflated members kept from the last one are zipfile's bytes."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from datetime import datetime
from typing import Any

from buyin_cli.render.pptx import package
from buyin_cli.render.pptx.package import write_package

WHEN = datetime(2024, 5, 6, 7, 8, 9)


def _zipfile_package(members: list[tuple[str, bytes]]) -> bytes:
    """The package as zipfile writes it with no help: each member deflated afresh."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, blob in members:
            entry = zipfile.ZipInfo(name, date_time=WHEN.timetuple()[:6])
            entry.compress_type, entry.create_system, entry.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(entry, blob, compresslevel=6)
    return out.getvalue()


def _members(rng: random.Random, count: int) -> list[tuple[str, bytes]]:
    words = [b"<p:sp>", b"</p:sp>", b"text ", b"\x00\xff", b"<a:t>Cut errors</a:t>", b"\n"]
    blobs = [b"", b"x", bytes(rng.randrange(256) for _ in range(3000))]
    blobs += [b"".join(rng.choice(words) for _ in range(rng.randrange(1, 4000))) for _ in range(count)]
    return [(f"ppt/slides/slide{i}.xml", blob) for i, blob in enumerate(blobs)]


def test_every_package_is_zipfiles_own_bytes() -> None:
    rng = random.Random(7)
    members = _members(rng, 12)
    package._DEFLATED = {}
    first = write_package(members, WHEN)
    assert first == _zipfile_package(members)
    assert len(package._DEFLATED) == len({blob for _, blob in members})
    # The next save: some members the same, some changed, some new, one twice.
    changed = members[:5] + [(name, blob + b"!") for name, blob in members[5:9]] + members[9:]
    changed += [("ppt/media/extra.bin", members[3][1]), ("docProps/app.xml", b"<new/>")]
    again = write_package(changed, WHEN)
    assert again == _zipfile_package(changed)
    with zipfile.ZipFile(io.BytesIO(again)) as z:
        assert z.testzip() is None
        assert [z.read(name) for name, _ in changed] == [blob for _, blob in changed]


def test_a_kept_member_is_copied_not_deflated_again(monkeypatch) -> None:
    members = _members(random.Random(3), 4)
    package._DEFLATED = {}
    write_package(members, WHEN)
    expected = _zipfile_package(members)
    calls: list[int] = []
    real = zlib.compressobj

    class Counting:
        """A deflate that counts the bytes it is given (zipfile makes one it never uses)."""

        def __init__(self, *args: Any) -> None:
            self.deflate = real(*args)

        def compress(self, data: bytes) -> bytes:
            calls.append(len(data))
            return self.deflate.compress(data)

        def flush(self) -> bytes:
            return self.deflate.flush()

    monkeypatch.setattr(zlib, "compressobj", Counting)  # zipfile's own deflate too
    assert write_package(members, WHEN) == expected
    assert calls == []
    assert write_package([*members, ("new.xml", b"<n/>")], WHEN)
    assert calls == [4]
