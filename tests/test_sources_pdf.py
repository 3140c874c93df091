"""The PDF loader on real minutes, a generated sample and broken files."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import seed_path, shared_files

from pipeline.clean import clean
from pipeline.errors import SourceError
from pipeline.load import load

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "corpus" / "002_8ea32eccb86cc6f3.pdf"
SEED_002 = seed_path("002")


@pytest.fixture(scope="module")
def kent_cabinet(shared_corpus: Path) -> Path:
    return shared_corpus / "pdf" / "kent_cc_cabinet_2025-01-09_minutes.pdf"


def _page_edges(path: Path) -> list[tuple[int, list[str]]]:
    """Raw first two and last two lines of every page, read straight from PDFium."""
    pdf = pdfium.PdfDocument(str(path))
    edges = []
    for i in range(len(pdf)):
        lines = [l.strip() for l in pdf[i].get_textpage().get_text_range().splitlines() if l.strip()]
        edges.append((i + 1, lines[:2] + lines[-2:]))
    return edges


def _furniture(path: Path) -> set[str]:
    """Edge lines repeated on three or more pages (digits aside), found independently of the loader."""
    counts: Counter[str] = Counter()
    for _page, lines in _page_edges(path):
        counts.update({re.sub(r"\d+", "#", line) for line in lines})
    pages = len(_page_edges(path))
    return {line for line, n in counts.items() if n >= max(3, pages / 2) and "#" != line and len(line) > 12}


@pytest.mark.parametrize("path", shared_files("corpus/pdf", "*.pdf"), ids=lambda p: p.name)
def test_real_pdf_loads_with_pages_and_no_furniture(path: Path) -> None:
    doc = load(path)
    cleaned = clean(doc)
    assert doc.format == "pdf"
    assert doc.pages == len(pdfium.PdfDocument(str(path)))
    assert {b.page for b in doc.blocks} >= set(range(2, doc.pages)) - {
        8
    }  # every page has text (Merton's last is blank)
    assert all(1 <= (b.page or 0) <= doc.pages for b in doc.blocks)
    numbers = [b for b in doc.blocks if re.fullmatch(r"(?:Page\s*)?\d{1,4}(?:\s*of\s*\d+)?", b.text)]
    assert not [b.text for b in numbers if re.search(rf"\b{b.page}\b", b.text)]
    for line in _furniture(path):
        pattern = re.escape(line).replace("\\#", r"\d+").replace("\\ ", r"\s+")
        assert not re.search(pattern, cleaned.text), line
    assert len(cleaned.text) > 3000


def test_merton_running_header_removed_but_minutes_kept(shared_corpus: Path) -> None:
    text = clean(
        load(shared_corpus / "pdf" / "merton_audit_committee_2009-10-22_agenda_with_minutes_2009-09-24.pdf")
    ).text
    assert "All minutes are draft until agreed" not in text
    assert "intentionally blank" not in text
    assert "RESOLVED: That the minutes of the meeting held on 23 June are agreed as a correct record." in text


@pytest.mark.parametrize("gold", sorted((HERE / "gold").glob("kent_*.pdf.gold.json")), ids=lambda p: p.name)
def test_meeting_meta_matches_gold(gold: Path, shared_corpus: Path) -> None:
    want = json.loads(gold.read_text(encoding="utf-8"))
    meta = load(shared_corpus / "pdf" / want["document"]).meta
    front = " ".join(b.text for b in load(shared_corpus / "pdf" / want["document"]).blocks[:5]).lower()
    assert meta.council == (want["council"] if want["council"].lower() in front else None)
    assert meta.committee == want["committee"]
    assert meta.date == want["meeting_date"]


def test_cabinet_front_page(kent_cabinet: Path) -> None:
    doc = load(kent_cabinet)
    assert doc.meta.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    assert doc.meta.attendees[:2] == ("Mr R W Gough", "Mr N Baker")
    assert "Mr R C Love OBE" in doc.meta.attendees
    assert "Mr D Whittle" in doc.meta.attendees  # IN ATTENDANCE officers too
    headings = [b.text for b in doc.blocks if b.role == "heading"]
    assert "80. Provisional Local Government Finance Settlement 2025-26" in headings
    assert "(Item 5)" in headings
    paras = [b.text for b in doc.blocks if b.role == "para"]
    assert any(p.startswith("1. Mr Shipton introduced the report") for p in paras)


def test_paragraph_over_a_page_break_reads_on_and_keeps_its_pages(kent_cabinet: Path) -> None:
    cleaned = clean(load(kent_cabinet))
    phrase = "Discussions were ongoing as to how to measure"
    at = cleaned.text.find(phrase)
    assert at > 0
    assert cleaned.page_at(at) == 3
    assert cleaned.page_at(at + len("Discussions were o")) == 4


def test_sample_pdf_recovers_the_seed_without_furniture() -> None:
    doc = load(SAMPLE)
    text = re.sub(r"\s+", " ", clean(doc).text)
    assert doc.pages >= 2
    assert len({b.page for b in doc.blocks}) == doc.pages
    for furniture in [
        "Page 1 of",
        "Page 2 of",
        "Overview and Scrutiny Committee - Community",
        "Minutes are draft until",
    ]:
        assert furniture not in text
    pieces = re.split(r"·|\n\s*\n|(?<=\.)\s", SEED_002.read_text(encoding="utf-8"))
    sentences = [re.sub(r"\s+", " ", s).strip() for s in pieces if len(s.strip()) > 40]
    assert len(sentences) > 20
    missing = [s for s in sentences if s not in text]
    assert not missing


def _blank_pdf(pages: int = 1) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def _encrypted(data: bytes, user: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("encrypted.pdf", lambda d: _encrypted(d, "secret"), "is encrypted; decrypt it with qpdf or skip it"),
        ("truncated.pdf", lambda d: d[: len(d) // 3], "not a readable PDF"),
        ("corrupt.pdf", lambda d: d[:400] + bytes(range(256)) * 40 + d[-400:], "not a readable PDF"),
        ("junk.pdf", lambda d: b"<html><body>Not found</body></html>", "not a readable PDF"),
        ("blank.pdf", lambda d: _blank_pdf(3), "has no text layer (scanned? run OCR first)"),
        ("empty.pdf", lambda d: b"", "file is empty"),
    ],
)
def test_bad_pdfs_give_one_line_errors(
    tmp_path: Path, kent_cabinet: Path, name: str, make, reason: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(make(kent_cabinet.read_bytes()))
    with pytest.raises(SourceError) as info:
        load(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert reason in message


def test_owner_only_encryption_still_reads(tmp_path: Path, kent_cabinet: Path) -> None:
    path = tmp_path / "owner_locked.pdf"
    path.write_bytes(_encrypted(kent_cabinet.read_bytes(), ""))
    assert load(path).meta.committee == "Cabinet"


def test_many_pages_stream_through(tmp_path: Path, kent_cabinet: Path) -> None:
    src = pdfium.PdfDocument(str(kent_cabinet))
    big = pdfium.PdfDocument.new()
    for _ in range(40):
        big.import_pages(src)
    path = tmp_path / "big.pdf"
    big.save(str(path))
    doc = load(path)
    assert doc.pages == 360
    assert max(b.page or 0 for b in doc.blocks) == 360
