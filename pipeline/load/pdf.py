"""PDF minutes -> blocks with pages, furniture removed, paragraphs rejoined.

pypdfium2 reads the text layer (hundreds of pages a second); the layout work
(headers and footers, paragraphs, headings) runs on a few numbers per line.
Every failure becomes a one-line SourceError that says what to do next.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from ..errors import SourceError
from ..records import LoadedDocument
from .pdf_blocks import build_blocks
from .pdf_furniture import strip_furniture
from .pdf_lines import PageLines, iter_page_lines
from .pdf_meta import parse_meta

FRONT_BLOCKS = 40  # metadata is looked for in this many leading blocks
_NO_ERROR = 0  # FPDF_ERR_SUCCESS
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _PASSWORD_ERROR:
            raise SourceError(str(path), "is encrypted; decrypt it with qpdf or skip it") from exc
        if code == _NO_ERROR:  # pypdfium2 refuses a PDF that opened but has no pages, with PDFium's "Success"
            raise SourceError(str(path), "not a readable PDF (it has no pages)") from exc
        raise SourceError(str(path), f"not a readable PDF ({_reason(exc)})") from exc


def _reason(exc: Exception) -> str:
    text = str(exc).replace("\n", " ").strip()
    if "(PDFium: " in text:
        text = text.split("(PDFium: ", 1)[1].rstrip(").")
    if text.lower() == "success":  # PDFium's last error was not about this failure
        return "PDFium gave no reason"
    return text or type(exc).__name__


def _read_pages(path: Path, pdf: pdfium.PdfDocument) -> list[PageLines]:
    pages: list[PageLines] = []
    try:
        for page in iter_page_lines(pdf):
            pages.append(page)  # noqa: PERF402 - page by page, so an error names the page it met
    except pdfium.PdfiumError as exc:
        raise SourceError(str(path), f"not a readable PDF (page {len(pages) + 1}: {_reason(exc)})") from exc
    return pages


def load_pdf(path: Path, data: bytes, doc_id: str) -> LoadedDocument:
    """Read a PDF's text layer into page-tagged paragraph and heading blocks."""
    pdf = _open(path, data)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise SourceError(str(path), "not a readable PDF (it has no pages)")
        pages = _read_pages(path, pdf)
    finally:
        pdf.close()
    if not any(any(c.isalnum() for c in line.text) for page in pages for line in page.lines):
        raise SourceError(str(path), "has no text layer (scanned? run OCR first)")
    blocks = build_blocks(strip_furniture(pages))
    meta = parse_meta([b.text for b in blocks[:FRONT_BLOCKS]])
    return LoadedDocument(
        doc_id=doc_id, path=str(path), format="pdf", blocks=tuple(blocks), meta=meta, pages=page_count
    )
