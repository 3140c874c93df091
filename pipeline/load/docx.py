"""Word (.docx) minutes -> blocks: paragraphs, headings, numbered paragraphs, table rows.

Parish and town councils publish minutes as Word files. python-docx reads
the body in order; each paragraph is one block, with the number Word prints
before a list paragraph put back ("1)", "4.2", see ``docx_numbering``), a
heading style making it a heading, and each table row one block read as the
HTML loader reads rows ("5.1 Grit bin moved | NC"). Paragraph text is read
from the XML as Word shows it: tracked insertions kept, deletions and field
codes left out, tabs and line breaks kept. Page headers and footers are left
out, as they are in PDFs.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from ..errors import SourceError
from ..records import Block, LoadedDocument
from .docx_numbering import Numbering, W
from .meta import meta_from_text
from .printed_rows import join_cells, layout_cell
from .text import paragraph_blocks

#: Text runs and the characters Word shows for them.
_SHOWN = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
#: Content Word does not show as text: deleted runs, field instructions, text boxes.
_HIDDEN = frozenset({f"{W}del", f"{W}delText", f"{W}instrText", f"{W}txbxContent", f"{W}pPr", f"{W}rPr"})
_HEADING_STYLES = ("heading", "title", "subtitle")


def load_docx(path: Path, data: bytes, doc_id: str) -> LoadedDocument:
    """Read a Word document's body into blocks in reading order."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise SourceError(str(path), f"not a readable Word document ({type(exc).__name__}: {exc})") from exc
    blocks = cell_blocks(document, Numbering.of(document))
    if not blocks:
        raise SourceError(str(path), "the Word document has no text")
    blocks = with_dialect(blocks)
    text = "\n\n".join(block.text for block in blocks)
    return LoadedDocument(
        doc_id=doc_id, path=str(path), format="docx", blocks=tuple(blocks), meta=meta_from_text(text)
    )


def with_dialect(blocks: list[Block]) -> list[Block]:
    """Minutes pasted into Word from a ModernGov page keep its shapes ("Agenda
    item" then the title; a number alone then the title): the text dialect rules
    mark their items, as for a text export of the same page."""
    dialect = paragraph_blocks([b.text for b in blocks])
    if not any(b.role == "item" for b in dialect):
        return blocks
    roles = {b.text: b.role for b in blocks}
    return [Block(b.text, role=roles.get(b.text, "para")) if b.role == "para" else b for b in dialect]


def shown_text(p: Any) -> str:
    """The text of a ``w:p`` element as Word shows it."""
    out: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _HIDDEN or not isinstance(tag, str):
            continue
        if tag in _SHOWN:
            shown = _SHOWN[tag]
            out.append((el.text or "") if shown is None else shown)
            continue
        stack.extend(reversed(list(el)))
    return "".join(out)


def paragraph_block(paragraph: Paragraph, numbering: Numbering) -> Block | None:
    """One paragraph as a block, its list number in front; None when it is empty."""
    text = shown_text(paragraph._p).strip()
    if not text:
        return None
    label = _list_label(paragraph, numbering)
    if label:
        text = f"{label} {text}"
    return Block(text, role="heading" if _is_heading(paragraph) else "para")


def _list_label(paragraph: Paragraph, numbering: Numbering) -> str:
    num_pr = _num_pr(paragraph)
    if num_pr is None:
        return ""
    num_id, ilvl = num_pr
    return numbering.label(num_id, ilvl)


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, ilvl) of the paragraph, set on it or on its style (or a style it is based on)."""
    sources = [paragraph._p.pPr]
    style = _style(paragraph)
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    num_id = ilvl = None
    for ppr in sources:
        num: Any = ppr.numPr if ppr is not None else None
        if num is None:
            continue
        if num_id is None and num.numId is not None:
            num_id = str(num.numId.val)
        if ilvl is None and num.ilvl is not None:
            ilvl = int(num.ilvl.val)
    return (num_id, ilvl or 0) if num_id is not None else None


def _style(paragraph: Paragraph) -> Any:
    try:
        return paragraph.style
    except (KeyError, ValueError, AttributeError):
        return None


def _is_heading(paragraph: Paragraph) -> bool:
    style = _style(paragraph)
    name = (getattr(style, "name", None) or "").lower()
    if name.startswith(_HEADING_STYLES):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(f"{W}outlineLvl") is not None


def table_blocks(table: Table, numbering: Numbering) -> list[Block]:
    """One block per row of filled cells; a row laid out as a page gives its paragraphs."""
    blocks: list[Block] = []
    for tr in table._tbl.tr_lst:
        cells: list[list[Block]] = []
        for tc in tr.tc_lst:
            if _continues_merge(tc):
                continue
            cells.append(cell_blocks(_Cell(tc, table), numbering))
        texts = ["\n".join(b.text for b in cell) for cell in cells]
        row = None if any(layout_cell(t) for t in texts) else join_cells(texts)
        if row is not None:
            if row:
                blocks.append(Block(row))
            continue
        for cell in cells:
            blocks.extend(cell)
    return blocks


def cell_blocks(cell: Any, numbering: Numbering) -> list[Block]:
    """The blocks of a body, a table cell, or anything else holding paragraphs
    and tables, in reading order."""
    blocks: list[Block] = []
    for part in cell.iter_inner_content():
        if isinstance(part, Paragraph):
            block = paragraph_block(part, numbering)
            if block is not None:
                blocks.append(block)
        else:
            blocks.extend(table_blocks(part, numbering))
    return blocks


def _continues_merge(tc: Any) -> bool:
    """A cell merged into the one above it (``w:vMerge`` without "restart") repeats nothing."""
    tc_pr = tc.tcPr
    merge = tc_pr.find(f"{W}vMerge") if tc_pr is not None else None
    return merge is not None and merge.get(f"{W}val") in (None, "continue")
