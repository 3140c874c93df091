"""Any HTML tree -> text blocks, one per paragraph, heading, list item or row.

Extraction that ignores element boundaries glues words ("Planningmeeting
inFebruary"), so every block-level boundary ends a block. A table row of two
or more filled cells is one block that reads as printed: cells joined by
" | ", a number or label cell joined to the text it numbers ("5.1 Matters
arising | NC", "Present: Cllr A"), lines within a cell kept. A row holding a whole page in one cell (a table
used for layout) is walked like any other markup. Items of a numbered list keep
their numbers, as a browser shows them. The walk is iterative: deeply nested
markup must not hit Python's recursion limit.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

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
_ANY_SPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class HtmlBlock:
    text: str
    role: str = "para"  # "para" | "heading"


#: A hook that may take over an element: returns blocks for it, or None to walk into it.
Hook = Callable[[etree._Element], "list[Any] | None"]


def parse_html(data: bytes | str) -> html.HtmlElement:
    """Parse with lxml's forgiving HTML parser (handles "<p >", stray tags)."""
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8")
    root = html.fromstring(data, parser=parser)
    return root


def tag_of(el: etree._Element) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def has_class(el: etree._Element, name: str) -> bool:
    return name in (el.get("class") or "").split()


def iter_class(root: etree._Element, name: str, tag: str = "*") -> Iterator[etree._Element]:
    """Elements carrying CSS class ``name`` (iterative, no XPath recursion)."""
    for el in root.iter(tag if tag != "*" else None):
        if isinstance(el.tag, str) and has_class(el, name):
            yield el


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
        text = _tidy("".join(buf))
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
                    buf.append(_ws(el.tail))
                continue
            if hook is not None and el is not root:
                taken = hook(el)
                if taken is not None:
                    flush()
                    out.extend(taken)
                    if el.tail:
                        buf.append(_ws(el.tail))
                    continue
            if tag == "tr" and el is not root:
                row = row_text(el, skip)
                if row is not None:
                    flush()
                    if row:
                        out.append(HtmlBlock(row))
                    if el.tail:
                        buf.append(_ws(el.tail))
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
                buf.append(_ws(el.text))
            stack.append((el, False))
            for child in reversed(el):
                stack.append((child, True))
        else:
            if tag in BLOCK_TAGS:
                flush()
            elif tag in CELL_TAGS:
                buf.append(" ")
            if el is not root and el.tail:
                buf.append(_ws(el.tail))
    flush()
    return out


#: A cell this long, or with this many lines, holds a page laid out in a table.
LAYOUT_CELL_CHARS = 1200
LAYOUT_CELL_LINES = 15
_LABEL_CELL = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z][.)]|\(?[ivx]{1,5}[.)]|\d{1,3}/\d{1,3}(?:/\d{1,3})*\S*)$"
)


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


def layout_cell(text: str) -> bool:
    """A cell holding a page of text: its table is layout, not a table of rows."""
    return len(text) > LAYOUT_CELL_CHARS or text.count("\n") >= LAYOUT_CELL_LINES


def join_cells(texts: list[str]) -> str | None:
    """Filled cells joined as a printed row reads ("5.1 Grit bin moved | NC");
    "" when no cell is filled, None when only one is (read it as paragraphs)."""
    cells = [text for text in texts if text]
    if not cells:
        return ""
    if len(cells) < 2:
        return None
    out = cells[0]
    for before, cell in itertools.pairwise(cells):
        out += (" " if _LABEL_CELL.match(before) or before.endswith(":") else " | ") + cell
    return out


_ROMAN = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def list_label(li: etree._Element) -> str:
    """"3. " for the third item of an ``<ol>`` (its start, value and type kept); "" otherwise."""
    parent = li.getparent()
    if parent is None or tag_of(parent) != "ol":
        return ""
    number = _int(parent.get("start"), 1)
    for sibling in parent:
        if tag_of(sibling) != "li":
            continue
        number = _int(sibling.get("value"), number)
        if sibling is li:
            break
        number += 1
    kind = li.get("type") or parent.get("type") or "1"
    return f"{_format_number(number, kind)}. "


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _format_number(number: int, kind: str) -> str:
    if kind in "aA" and 1 <= number <= 26:
        letter = "abcdefghijklmnopqrstuvwxyz"[number - 1]
        return letter.upper() if kind == "A" else letter
    if kind in "iI" and 1 <= number < 40:
        roman, rest = "", number
        for value, numeral in _ROMAN:
            while rest >= value:
                roman, rest = roman + numeral, rest - value
        return roman.upper() if kind == "I" else roman
    return str(number)


def text_of(el: etree._Element) -> str:
    """All text under ``el`` with block boundaries as spaces."""
    return " ".join(block.text for block in blocks_of(el))


def _ws(text: str) -> str:
    """Source newlines are just whitespace in HTML; only <br> breaks a line."""
    return _ANY_SPACE.sub(" ", text)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BR = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r")\b[^>]*>", re.IGNORECASE)
_CELL_TAG = re.compile(r"</?t[dh]\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def regex_blocks(markup: str) -> list[HtmlBlock]:
    """Blocks without a parse tree, for markup nested deeper than libxml2 keeps.

    libxml2 silently drops everything past its depth limit (256), so a page
    that parses to far less text than it holds is read this way instead.
    """
    import html as htmllib

    text = _COMMENT.sub(" ", _SCRIPT.sub(" ", markup))
    text = _BR.sub("\x01", text)
    text = _CELL_TAG.sub(" ", _BLOCK_TAG.sub("\x02", text))
    text = htmllib.unescape(_ANY_TAG.sub("", text))
    out = []
    for chunk in text.split("\x02"):
        tidy = _tidy(_ws(chunk).replace("\x01", "\n"))
        if tidy:
            out.append(HtmlBlock(tidy))
    return out


def visible_length(markup: str) -> int:
    """Characters of text in ``markup`` by tag stripping (a cheap upper bound)."""
    return len(_ANY_SPACE.sub("", _ANY_TAG.sub("", _COMMENT.sub("", _SCRIPT.sub("", markup)))))
