"""A corporate template carries into the decks only the parts buyin understands, and costs little to open.

Every part reachable from what each deck keeps (masters, layouts, theme) is
checked by its content type, and the package's own relationships too; the file's
size and what it unpacks to are bounded before a part is unpacked.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from test_security import _template_with

REFUSED = "error: corporate.pptx: refused as a PowerPoint template: "
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"


def _with_part(path: Path, name: str, content_type: str, reltype: str, data: bytes = b"x") -> Path:
    """The bundled template with `name` related from the first master as `reltype`."""
    _template_with(path, types=lambda d: d.replace(
        b"</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'.encode()),
        extra={name: data})
    return _edit(path, MASTER_RELS, lambda rels: rels.replace(
        b"</Relationships>", f'<Relationship Id="rIdX" Type="{reltype}" '
        f'Target="../../{name}"/></Relationships>'.encode()))


def _edit(path: Path, member: str, change) -> Path:
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            dst.writestr(info, change(data) if info.filename == member else data)
    return path


OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@pytest.mark.parametrize("name, content_type, reltype", [
    ("ppt/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject",
     OFFICE + "oleObject"),
    ("ppt/embeddings/Book1.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12",
     OFFICE + "package"),
    ("ppt/embeddings/Book2.xlsm", "application/vnd.openxmlformats-officedocument.spreadsheetml."
     "sheet", OFFICE + "package"),  # a macro workbook that says it is none
    ("ppt/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml", OFFICE + "control"),
    ("ppt/embeddings/run.exe", "application/octet-stream", OFFICE + "package"),
], ids=["ole object", "xlsm", "xlsm typed as xlsx", "activex", "any other part"])
def test_a_part_buyin_does_not_understand_is_refused_where_it_is(run, strategy_file, name,
                                                                  content_type, reltype) -> None:
    corporate = _with_part(Path("corporate.pptx"), name, content_type, reltype)
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", corporate)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(REFUSED + f"/{name} is a part buyin does not write into "
                                    "decks ("), result.stderr
    assert not Path("out").exists()


def test_an_external_relationship_of_the_package_itself_is_refused(run, strategy_file) -> None:
    corporate = _template_with(Path("corporate.pptx"))
    _edit(corporate, "_rels/.rels", lambda rels: rels.replace(
        b"</Relationships>", b'<Relationship Id="rIdE" Type="' + OFFICE.encode() + b'hyperlink" '
        b'Target="https://tracker.example/x" TargetMode="External"/></Relationships>'))
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", corporate)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        REFUSED + "/_rels/.rels has an external hyperlink ('https://tracker.example/x'); a deck "
        "carries no link of the package itself: remove it"]


def test_an_entity_in_a_master_is_refused_not_expanded(run, strategy_file) -> None:
    corporate = _edit(_template_with(Path("corporate.pptx")), "ppt/slideMasters/slideMaster1.xml",
                      lambda xml: xml.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e "boom">]>', 1))
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", corporate)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        REFUSED + "/ppt/slideMasters/slideMaster1.xml declares a document type (entities), "
        "which PowerPoint never writes; save the file again from PowerPoint"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(run, strategy_file, monkeypatch) -> None:
    from buyin_cli.render.pptx import package

    monkeypatch.setattr(package, "MAX_UNPACKED_BYTES", 2_000_000)  # the real one is 300 MB
    corporate = _template_with(Path("corporate.pptx"))
    with zipfile.ZipFile(corporate, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ppt/media/big.png", bytes(3_000_000))
    assert corporate.stat().st_size < 200_000
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", corporate)
    assert result.exit_code == 1
    assert result.stderr.startswith(REFUSED + "it unpacks to ")
    assert "a template may unpack to at most 10,000 parts of 2,000,000 bytes" in result.stderr


def test_a_huge_template_is_refused_by_its_size_unread(run, strategy_file, monkeypatch) -> None:
    corporate = Path("corporate.pptx")
    with corporate.open("wb") as stream:
        stream.truncate(1_100_000_000)  # sparse
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the template was read"))
    result = run("brief", strategy_file, "--out", "out", "--pptx-template", corporate)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        REFUSED + "it is 1,100,000,000 bytes; a template may be at most 104,857,600 (compress "
        "its pictures)"]
