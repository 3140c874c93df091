"""PDF pages -> positioned text lines, with pypdfium2 (about 50x faster than pdfplumber).

Only a few PDFium calls per line (two char boxes, two font names) give what the
layout step needs: where a line sits on the page, how far it reaches and
whether it is bold. Pages are opened and closed one at a time so a PDF with
thousands of pages never holds more than one page's objects.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# PDFium marks soft hyphens and other generated glyphs with control characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One visual line of a page; y grows downwards from the page top (points)."""

    text: str
    page: int  # 1-based
    top: float
    bottom: float
    x0: float
    x1: float
    bold: bool
    size: float
    soft_hyphen: bool = False  # the line ended in a soft hyphen PDFium hid


@dataclass(frozen=True)
class PageLines:
    page: int
    width: float
    height: float
    lines: tuple[Line, ...]


def iter_page_lines(pdf: pdfium.PdfDocument) -> Iterator[PageLines]:
    """Each page's non-empty lines in PDFium's reading order."""
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                lines = tuple(_lines(textpage, index + 1, height))
            finally:
                textpage.close()
        finally:
            page.close()
        yield PageLines(index + 1, width, height, lines)


def _lines(textpage: pdfium.PdfTextPage, page_no: int, height: float) -> Iterator[Line]:
    count = textpage.count_chars()
    if count <= 0:
        return
    text = textpage.get_text_range(0, count)
    aligned = len(text) == count  # char index == string index (true unless odd surrogates)
    controls = _CONTROL.search(text) is not None or "\u00ad" in text
    pos = 0
    for match in [*_LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        raw = text[pos:end]
        start = pos
        pos = match.end() if match else len(text)
        soft = controls and bool(raw) and raw.rstrip()[-1:] in ("\x02", "\u00ad")
        cleaned = _CONTROL.sub("", raw).replace("\u00ad", "") if controls else raw
        stripped = cleaned.strip()
        if not stripped:
            continue
        if not aligned:
            yield Line(stripped, page_no, 0.0, 0.0, 0.0, 0.0, False, 0.0, soft)
            continue
        first = start + (len(raw) - len(raw.lstrip()))
        last = start + len(raw.rstrip()) - 1
        if soft:
            last -= 1
        left, _b, _r, top = textpage.get_charbox(first)
        _l, bottom, right, _t = textpage.get_charbox(max(first, last))
        bold = _is_bold(textpage, first) and _is_bold(textpage, max(first, last))
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
        yield Line(stripped, page_no, height - top, height - bottom, left, right, bold, size, soft)


def _is_bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return True
    buf = ctypes.create_string_buffer(96)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buf, 96, ctypes.byref(flags))
    return _bold_name(buf.value)


@lru_cache(maxsize=1024)
def _bold_name(font: bytes) -> bool:
    return bool(_BOLD_FONT.search(font.decode("latin-1")))
