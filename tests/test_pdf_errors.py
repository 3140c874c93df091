"""A PDF that cannot be read says why in one line, never PDFium's "Success"."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline.errors import SourceError
from pipeline.load import load


def zero_page_pdf(path: Path) -> Path:
    """A well-formed PDF with no pages (what pypdfium2 saves for a new document)."""
    doc = pdfium.PdfDocument.new()
    out = io.BytesIO()
    doc.save(out)
    doc.close()
    path.write_bytes(out.getvalue())
    return path


def test_a_pdf_with_no_pages_says_so(tmp_path: Path) -> None:
    path = zero_page_pdf(tmp_path / "empty-minutes.pdf")
    with pytest.raises(SourceError) as caught:
        load(str(path))
    assert "no pages" in caught.value.reason
    assert "success" not in str(caught.value).lower()


def test_garbage_after_a_pdf_header_gives_pdfiums_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage]]>>" * 100)
    with pytest.raises(SourceError) as caught:
        load(str(path))
    assert "not a readable PDF" in caught.value.reason
    assert "success" not in caught.value.reason.lower() and "\n" not in caught.value.reason
