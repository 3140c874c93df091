"""Word (.docx) minutes: headings, numbered paragraphs, tables, exact offsets, seed parity."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_sample_docx import build as build_sample_docx
from pipeline import store
from pipeline.clean import clean
from pipeline.errors import SourceError
from pipeline.load import load
from pipeline.load.list_numbers import format_number
from pipeline.run import ingest
from pipeline.run.process import process_file

SEED_TXT = ROOT / "corpus" / "002_8ea32eccb86cc6f3.txt"
SEED_DOCX = ROOT / "corpus" / "002_8ea32eccb86cc6f3.docx"


def _numbering(document: docx.document.Document, abstract_id: int, levels: list[tuple[str, str]]) -> str:
    """Add a list definition (format, text per level) to the document; return its numId."""
    part = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt '
        f'w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    )
    first = part.find(f"{{{part.nsmap['w']}}}num")
    if first is not None:
        first.addprevious(abstract)
    else:
        part.append(abstract)
    part.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{abstract_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return str(abstract_id)


def _numbered(document: docx.document.Document, text: str, num_id: str, level: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _save(document: docx.document.Document, path: Path) -> Path:
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def parish_minutes(tmp_path: Path) -> Path:
    """Invented parish minutes typed in Word: heading, auto-numbered items with
    sub-points, an action table with a merged cell, a tracked change."""
    document = docx.Document()
    document.add_heading("Ashby Parva Parish Council", level=1)
    document.add_paragraph("Minutes of the meeting held on 4 March 2025 in the Village Hall.")
    items = _numbering(document, 70, [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")])
    _numbered(document, "Apologies for absence", items)
    _numbered(document, "Apologies were received from Cllr Hart.", items, 1)
    _numbered(document, "Finance", items)
    _numbered(document, "RESOLVED that the payments listed be approved.", items, 1)
    _numbered(document, "the clerk to bank the precept;", items, 2)
    _numbered(document, "the chair to sign the cheques.", items, 2)
    _numbered(document, "It was agreed to renew the insurance.", items, 1)
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [("Item", "Action", "Who"), ("3.1", "Order a new bench", "Clerk"), ("3.2", "Repair the gate", "")],
    ):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    table.cell(1, 2).merge(table.cell(2, 2))  # one owner cell spans two rows
    paragraph = document.add_paragraph("The meeting closed at ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>8.15</w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="x"><w:r><w:t>8.45 pm</w:t></w:r></w:ins>')
    )
    return _save(document, tmp_path / "ashby-parva.docx")


def test_headings_and_paragraphs_in_reading_order(parish_minutes: Path) -> None:
    doc = load(parish_minutes)
    assert doc.format == "docx"
    assert doc.blocks[0].text == "Ashby Parva Parish Council" and doc.blocks[0].role == "heading"
    assert doc.blocks[1].text.startswith("Minutes of the meeting held on 4 March 2025")


def test_word_numbering_is_printed_as_word_prints_it(parish_minutes: Path) -> None:
    texts = [b.text for b in load(parish_minutes).blocks]
    for want in [
        "1. Apologies for absence",
        "1.1 Apologies were received from Cllr Hart.",
        "2. Finance",
        "2.1 RESOLVED that the payments listed be approved.",
        "(a) the clerk to bank the precept;",
        "(b) the chair to sign the cheques.",
        "2.2 It was agreed to renew the insurance.",
    ]:
        assert want in texts


def test_table_rows_read_as_rows(parish_minutes: Path) -> None:
    texts = [b.text for b in load(parish_minutes).blocks]
    assert "Item | Action | Who" in texts
    assert "3.1 Order a new bench | Clerk" in texts
    assert "3.2 Repair the gate" in texts  # the merged owner cell is not repeated


def test_tracked_changes_read_as_accepted(parish_minutes: Path) -> None:
    assert load(parish_minutes).blocks[-1].text == "The meeting closed at 8.45 pm"


def test_offsets_are_exact(parish_minutes: Path) -> None:
    result = process_file(str(parish_minutes))
    assert not hasattr(result, "message"), result
    text = result.clean.text
    facts = [r.fact for r in result.extraction.resolutions] + [a.fact for a in result.extraction.actions]
    assert any("payments listed be approved" in f.text for f in facts)
    for fact in facts:
        assert text[fact.start_char : fact.end_char] == fact.text
    for span in clean(load(parish_minutes)).blocks:
        assert text[span.start : span.end] == span.block.text


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert format_number(7, "decimalZero") == "07"


def test_broken_word_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(SourceError, match="not a readable Word document"):
        load(bad)


def test_sample_docx_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    """bench/make_sample_docx.py makes the shipped corpus/ twin, reproducibly."""
    out = build_sample_docx(out=tmp_path / "again.docx")
    assert out.read_bytes() == SEED_DOCX.read_bytes()


def test_word_twin_of_seed_002_has_the_same_facts() -> None:
    text, word = process_file(str(SEED_TXT)), process_file(str(SEED_DOCX))
    assert store.text_fingerprint(word.clean.text) == store.text_fingerprint(text.clean.text)

    def facts(result):  # type: ignore[no-untyped-def]
        ex = result.extraction
        return {
            kind: sorted(x.fact.text for x in getattr(ex, kind))
            for kind in ("resolutions", "actions", "amounts", "schemes")
        }

    assert facts(word) == facts(text)
    assert facts(text)["resolutions"]
    assert [i.title for i in word.items] == [i.title for i in text.items]


def test_ingesting_corpus_stores_the_word_file_as_a_duplicate(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "m.db")
    summary = ingest([ROOT / "corpus"], db=db, workers=1)
    assert summary.failed == 0
    rows = {Path(r["path"]).name: r for r in db["documents"].rows}
    word, text = rows[SEED_DOCX.name], rows[SEED_TXT.name]
    assert word["format"] == "docx" and text["duplicate_of"] is None
    assert word["duplicate_of"] == text["id"] and word["meeting_id"] == text["meeting_id"]
    assert (
        db.execute("select count(*) from resolutions where document_id = ?", [word["id"]]).fetchone()[0] == 0
    )
    assert json.loads(word["page_map"]) == []
