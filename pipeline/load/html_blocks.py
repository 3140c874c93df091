"""Any HTML tree -> text blocks, one per paragraph, heading, list item or row.

Extraction that ignores element boundaries glues words ("Planningmeeting
inFebruary"), so every block-level boundary ends a block. A table row of two
or more filled cells is one block that reads as printed: cells joined by
" | ", a number or label cell joined to the text it numbers ("5.1 Matters
arising | NC", "Present: Cllr A"), lines within a cell kept. A row holding a whole page in one cell (a table
used for layout) is walked like any other markup. Items of a numbered list keep
their numbers, as a browser shows them. The walk is iterative: deeply nested
markup must not hit Python's recursion limit.

Beside it: html_tree.py parses and asks elements their tag and class;
printed_rows.py joins a row's cells; list_numbers.py numbers list items;
html_unparsed.py reads markup nested too deep to parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .html_tree import tag_of
from .list_numbers import list_label
from .printed_rows import join_cells, layout_cell

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "tr",
        "table",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "blockquote",
        "pre",
        "caption",
        "form",
        "fieldset",
        "figure",
        "figcaption",
        "address",
        "hr",
        "body",
        "html",
        "center",
    ]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
CELL_TAGS = frozenset(("td", "th"))
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "head",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "object",
        "embed",
    ]
)
ANY_SPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class HtmlBlock:
    text: str
    role: str = "para"  # "para" | "heading"


#: A hook that may take over an element: returns blocks for it, or None to walk into it.
Hook = Callable[[etree._Element], "list[Any] | None"]


def blocks_of(
    root: etree._Element, *, hook: Hook | None = None, skip: frozenset[int] = frozenset()
) -> list[Any]:
    """Blocks for ``root`` and everything under it, in document order.

    ``skip`` holds ``id()`` of elements to leave out entirely.
    """
    out: list[Any] = []
    buf: list[str] = []
    role = ["para"]
    label = [""]  # a list item's number, waiting for the item's first text

    def flush() -> None:
        text = tidy("".join(buf))
        buf.clear()
        if text:
            out.append(HtmlBlock(label[0] + text, role[0]))
            label[0] = ""
        role[0] = "para"

    # Stack entries: (element, entering?) ; tails are emitted after leaving.
    stack: list[tuple[etree._Element, bool]] = [(root, True)]
    while stack:
        el, entering = stack.pop()
        tag = tag_of(el)
        if entering:
            if id(el) in skip or tag in SKIP_TAGS or not tag:
                if el is not root and el.tail:
                    buf.append(ws(el.tail))
                continue
            if hook is not None and el is not root:
                taken = hook(el)
                if taken is not None:
                    flush()
                    out.extend(taken)
                    if el.tail:
                        buf.append(ws(el.tail))
                    continue
            if tag == "tr" and el is not root:
                row = row_text(el, skip)
                if row is not None:
                    flush()
                    if row:
                        out.append(HtmlBlock(row))
                    if el.tail:
                        buf.append(ws(el.tail))
                    continue
            if tag in BLOCK_TAGS:
                flush()
                if tag in HEADING_TAGS:
                    role[0] = "heading"
                if tag == "li":
                    label[0] = list_label(el)
            elif tag == "br":
                buf.append("\n")
            elif tag in CELL_TAGS:
                buf.append(" ")
            if el.text:
                buf.append(ws(el.text))
            stack.append((el, False))
            for child in reversed(el):
                stack.append((child, True))
        else:
            if tag in BLOCK_TAGS:
                flush()
            elif tag in CELL_TAGS:
                buf.append(" ")
            if el is not root and el.tail:
                buf.append(ws(el.tail))
    flush()
    return out


def row_text(row: etree._Element, skip: frozenset[int] = frozenset()) -> str | None:
    """One table row as a line of text ("" for an empty row); None when it is not
    a row of cells to read together (one filled cell, or a cell laid out as a page)."""
    texts = []
    for cell in row:
        if tag_of(cell) in CELL_TAGS and id(cell) not in skip:
            texts.append("\n".join(b.text for b in blocks_of(cell, skip=skip)))
    if any(layout_cell(text) for text in texts):
        return None
    return join_cells(texts)


def text_of(el: etree._Element) -> str:
    """All text under ``el`` with block boundaries as spaces."""
    return " ".join(block.text for block in blocks_of(el))


def ws(text: str) -> str:
    """Source newlines are just whitespace in HTML; only <br> breaks a line."""
    return ANY_SPACE.sub(" ", text)


def tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
