"""Repairs to the item starts a loader marked (``role="item"`` blocks).

Loaders mark items where a page's markup or text dialect shows them, but a
text export can hide some: a title ending in a full stop under a lone number,
unnumbered rows between numbered ones, a flattened "No. | Item |" table whose
rows are not separated. Here the loader's heads are kept and completed from
the text: missing titles are read from the heading line, heads the text
finder sees that fit between the loader's are added, table rows that start
with a title before "Minutes:" become items, and a row with neither number
nor title (its title lost in the export) stays in the item above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.itemtext import row_title
from .heading_forms import LABEL
from .heading_lines import clean_title, split_lines, titleish
from .headings import Heading, numbered_headings

#: A flattened table row: "<Title> [PDF 409 KB] Minutes: ..."
ROW_START = re.compile(r"^(?P<title>[^|:]{2,200}?)\s+(?:Minutes|Decision)\s*:")
MAX_FILLED_TITLE = 250


def repair(text: str, heads: list[Heading], *, from_text: bool) -> list[Heading]:
    """The loader's heads completed from the text; ``from_text`` when the source was a text export."""
    heads = [_with_title(text, h) for h in heads]
    if not from_text:
        return heads  # markup marked these rows: each is an item even when it prints no title
    if any(ROW_START.match(_line_at(text, h.start)) for h in heads):
        heads = _table_rows(text, heads)
    elif len(heads) >= 2:
        heads = _merge(heads, numbered_headings(split_lines(text)))
    return _untitled_rows_join(heads)


def _with_title(text: str, head: Heading) -> Heading:
    """A head with no title takes its heading line as printed (an agenda item page's first line)."""
    if head.title:
        title = head.title
        if head.number and title.startswith(head.number + " "):
            title = title[
                len(head.number) :
            ].strip()  # "1" above "1 BIBLE READING": a page number kept by the export
        return Heading(head.start, head.number, title or head.title, head.issue_id)
    line = text[head.start :].split("\n", 1)[0].strip()
    if head.number or not line or len(line) > MAX_FILLED_TITLE or LABEL.match(line):
        return head
    return Heading(head.start, head.number, clean_title(line), head.issue_id)


def _line_at(text: str, start: int) -> str:
    return text[start:].split("\n", 1)[0]


def _table_rows(text: str, heads: list[Heading]) -> list[Heading]:
    """Rows of a flattened items table ("<Title> Minutes: ...") that the export did not separate."""
    first = heads[0].start
    starts = {h.start for h in heads}
    added = []
    for line in split_lines(text[first:]):
        start = first + line.start
        if start in starts or not ROW_START.match(line.text):
            continue
        title = row_title(line.text)
        if title and titleish(title):
            added.append(Heading(start, None, title))
    return sorted([*heads, *added], key=lambda h: h.start)


def _merge(heads: list[Heading], found: Sequence[Heading]) -> list[Heading]:
    """Add text heads that the loader missed and that fit between its heads in number order."""
    numbers = {h.number for h in heads if h.number}
    lines_at = {h.start for h in heads}
    added = []
    for head in found:
        if head.start in lines_at or (head.number and head.number in numbers):
            continue
        if any(abs(head.start - h.start) < 3 for h in heads):
            continue
        if head.number and not _fits(heads, head):
            continue
        added.append(head)
    return sorted([*heads, *added], key=lambda h: h.start)


def _fits(heads: list[Heading], head: Heading) -> bool:
    """A numbered head fits when its number lies between the numbers of the heads around it."""
    key = _key(head.number)
    if key is None:
        return False
    before = [k for h in heads if h.start < head.start and (k := _key(h.number)) is not None]
    after = [k for h in heads if h.start > head.start and (k := _key(h.number)) is not None]
    return (not before or before[-1] < key) and (not after or key < after[0])


def _key(number: str | None) -> float | None:
    """Sort key of a printed number: "4" -> 4, "4.1" -> 4.1, "39/20" -> 39."""
    match = re.match(r"^\D{0,4}?(\d{1,4})(?:\.(\d{1,2}))?", number or "")
    if not match:
        return None
    return int(match.group(1)) + (int(match.group(2)) / 100 if match.group(2) else 0.0)


def _untitled_rows_join(heads: list[Heading]) -> list[Heading]:
    """A head with neither number nor title continues the item above it."""
    kept: list[Heading] = []
    for head in heads:
        if kept and not head.number and not head.title:
            continue
        kept.append(head)
    return kept
