"""PDF minutes -> blocks with pages, furniture removed, paragraphs rejoined.

pypdfium2 reads the text layer (hundreds of pages a second); the layout work
(headers and footers, paragraphs, headings) runs on a few numbers per line.
Every failure becomes a one-line SourceError that says what to do next.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium

from ..errors import SourceError
from ..records import LoadedDocument
from .council import site_council
from .pdf_blocks import build_blocks
from .pdf_furniture import strip_furniture
from .pdf_lines import PageLines, iter_page_lines
from .pdf_meta import parse_meta

FRONT_BLOCKS = 40  # metadata is looked for in this many leading blocks
_NO_ERROR = 0  # FPDF_ERR_SUCCESS
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_NO_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\b[^>]*?/Type\s*/Pages\b")


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _PASSWORD_ERROR:
            raise SourceError(str(path), "is encrypted; decrypt it with qpdf or skip it") from exc
        # pypdfium2 refuses a PDF that parsed but has no pages; PDFium's error code
        # is then stale ("Success", or an earlier document's error), so look too.
        if code == _NO_ERROR or _NO_PAGES.search(data):
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
    if meta.council is None:
        # The council's address is often a running footer ("committees@bristol.gov.uk"
        # on every page), which the furniture pass removes from the text.
        furniture = "\n".join(line.text for page in pages[:2] for line in page.lines)
        meta = replace(meta, council=site_council(furniture))
    return LoadedDocument(
        doc_id=doc_id, path=str(path), format="pdf", blocks=tuple(blocks), meta=meta, pages=page_count
    )
