"""ModernGov HTML pages (meeting page, agenda item, issue history, decision) to blocks.

A meeting page holds ``table.mgItemTable``: one row per item, the number in
``td.mgItemNumberCell``, the title in ``p.mgAiTitleTxt`` and the minute under
``p.mgSubItemTitleTxt`` labels in ``div.mgWordPara``. Those rows become
``role="item"`` blocks. Any other page is read generically (paragraphs,
headings, list items, rows) and its paragraphs go through the same dialect
rules as text exports ("Agenda item", "Meeting: ... (Item N)", numbered lists).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from lxml import etree

from ..errors import NotMinutesError, SourceError
from ..records import Block, LoadedDocument, MeetingMeta
from ..text.itemtext import normalise_number, strip_furniture
from .council import site_council
from .decode import decode_bytes
from .html_blocks import blocks_of, text_of
from .html_tree import has_class, iter_class, parse_html, tag_of
from .html_unparsed import regex_blocks, visible_length
from .meta import meta_from_text, parse_subtitle
from .page_kind import check_moderngov_page
from .text import AI_MARKER, paragraph_blocks

#: Words any page of minutes, decisions or an agenda item contains somewhere.
MINUTES_CUES = re.compile(
    r"\b(?:minutes?|resolved|decisions?|apologies|agenda|declarations? of interest|agreed|present)\b",
    re.IGNORECASE,
)
_ISSUE_LINK = re.compile(r"[?&]IId=(\d+)", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^(?P<number>\d{1,4}[a-z]?(?:\.\d{1,3})*)\.?\s+(?P<title>\S.*)$")


def load_html(path: Path, data: bytes, doc_id: str) -> LoadedDocument:
    """Parse a saved ModernGov (or any) HTML page into blocks and meeting metadata."""
    text = AI_MARKER.sub("", decode_bytes(str(path), data))
    if not text.strip():
        raise SourceError(str(path), "HTML file is empty")
    try:
        root = parse_html(text)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(str(path), f"not readable as HTML ({exc})") from exc
    content = next(iter_class(root, "mgContent"), None)
    content = content if content is not None else _body(root)
    tables = list(iter_class(content, "mgItemTable", "table"))
    if _lost_text(root, text):
        blocks = list(paragraph_blocks([b.text for b in regex_blocks(text)]))
    elif tables:
        blocks = _meeting_page_blocks(content, tables)
    else:
        blocks = _generic_blocks(content)
    full_text = "\n\n".join(block.text for block in blocks)
    if not full_text.strip():
        raise NotMinutesError(str(path), "not minutes: the HTML page has no text")
    check_moderngov_page(str(path), root, blocks, bool(tables))
    if not MINUTES_CUES.search(full_text):
        raise NotMinutesError(
            str(path), "not minutes: the HTML page has no minutes, decisions or agenda items"
        )
    meta = _page_meta(root, content).merged(meta_from_text(full_text))
    if meta.council is None:  # the ModernGov site the page was saved from (its links, e-mail addresses)
        meta = replace(meta, council=site_council(text))
    return LoadedDocument(doc_id=doc_id, path=str(path), format="html", blocks=tuple(blocks), meta=meta)


def _lost_text(root: etree._Element, markup: str) -> bool:
    """True when the parser kept much less text than the markup holds (depth limit hit)."""
    kept = len(re.sub(r"\s+", "", root.text_content()))
    return kept < 0.5 * visible_length(markup)


def _body(root: etree._Element) -> etree._Element:
    body = root.find(".//body") if tag_of(root) != "body" else root
    return body if body is not None else root


def _meeting_page_blocks(content: etree._Element, tables: list[etree._Element]) -> list[Block]:
    """Header text in order, with each mgItemTable expanded to one item block per row."""
    by_id = {id(t): t for t in tables}

    def hook(el: etree._Element) -> list[Block] | None:
        table = by_id.get(id(el))
        return None if table is None else _table_blocks(table)

    # The hook's Blocks pass through blocks_of untouched; its own HtmlBlocks are converted.
    return [b if isinstance(b, Block) else Block(b.text, role=b.role) for b in blocks_of(content, hook=hook)]  # type: ignore[arg-type]


def _rows(table: etree._Element) -> list[etree._Element]:
    """Rows of this table only (not of tables nested in its cells)."""
    rows = []
    for el in table.iter("tr"):
        parent = el.getparent()
        while parent is not None and tag_of(parent) != "table":
            parent = parent.getparent()
        if parent is table:
            rows.append(el)
    return rows


def _table_blocks(table: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    for row in _rows(table):
        number_cell = next(iter_class(row, "mgItemNumberCell"), None)
        title_el = next(
            (
                el
                for el in iter_class(row, "mgAiTitleTxt")
                if number_cell is None or not _inside(el, number_cell)
            ),
            None,
        )
        if title_el is None:
            blocks.extend(Block(b.text, role=b.role) for b in blocks_of(row))
            continue
        number = normalise_number(text_of(number_cell)) if number_cell is not None else None
        title = strip_furniture(text_of(title_el)) or None
        if not number and title:
            numbered = _LEADING_NUMBER.match(title)
            if numbered:
                number, title = numbered.group("number"), numbered.group("title")
        heading = " ".join(part for part in (number and f"{number}.", title) if part) or "Item"
        blocks.append(
            Block(heading, role="item", number=number or None, title=title, issue_id=_issue_id(row))
        )
        skip = frozenset({id(title_el)} | ({id(number_cell)} if number_cell is not None else set()))
        blocks.extend(Block(b.text, role=b.role) for b in blocks_of(row, skip=skip))
    return blocks


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _issue_id(row: etree._Element) -> str | None:
    for link in row.iter("a"):
        found = _ISSUE_LINK.search(link.get("href") or "")
        if found:
            return found.group(1)
    return None


def _generic_blocks(content: etree._Element) -> list[Block]:
    """Any other page: paragraphs through the text dialect rules; mgAi titles marked."""
    html_blocks = blocks_of(content)
    titles = [strip_furniture(text_of(el)) for el in iter_class(content, "mgAiTitleTxt")]
    paras = [b.text for b in html_blocks]
    blocks = list(paragraph_blocks(paras))
    if titles and not any(b.role == "item" for b in blocks):
        blocks = _mark_title(blocks, titles[0])
    roles = {b.text: b.role for b in html_blocks}
    return [Block(b.text, role=roles.get(b.text, "para")) if b.role == "para" else b for b in blocks]


def _mark_title(blocks: list[Block], title: str) -> list[Block]:
    """An mgAi page: the block holding the item title starts the item."""
    for index, block in enumerate(blocks):
        if strip_furniture(block.text) == title:
            number = None
            numbered = _LEADING_NUMBER.match(title)
            if numbered:
                number, title = numbered.group("number"), numbered.group("title")
            blocks[index] = Block(block.text, role="item", number=number, title=title)
            break
    return blocks


def _page_meta(root: etree._Element, content: etree._Element) -> MeetingMeta:
    """What the markup states: the "<Committee> - <Weekday>, <date>" subtitle, the page title."""
    committee = date = None
    for el in iter_class(root, "mgSubTitleTxt"):
        committee, date = parse_subtitle(text_of(el))
        if committee or date:
            break
    title_el = root.find(".//title")
    title = re.sub(r"\s+", " ", title_el.text_content()).strip() if title_el is not None else None
    if not (committee or date) and title:
        committee, date = parse_subtitle(title)
    return MeetingMeta(committee=committee, date=date, title=title or None)


__all__ = ["has_class", "load_html"]
