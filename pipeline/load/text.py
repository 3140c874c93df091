"""Text exports of ModernGov pages: four dialects, each to ordered blocks.

Copying a ModernGov page as text gives one of four shapes (MODERNGOV.md):
an "Agenda item" page (mgAi), a meeting page with numbered items ("39." on its
own line, then the title), a meeting page flattened into a "No. | Item |"
table whose number cells are lost, and an issue history ("Meeting: dd/mm/yyyy
- <Committee> (Item N)"). Where the dialect shows item boundaries the loader
emits ``role="item"`` blocks; otherwise paragraphs, and the segmenter finds
headings itself.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from ..records import Block, LoadedDocument
from ..text.itemtext import (
    ITEM_NUMBER,
    ITEM_REFERENCE,
    looks_like_title,
    normalise_number,
    row_title,
    strip_furniture,
)
from .decode import decode_bytes
from .meta import ISSUE_MEETING, meta_from_text

#: ModernGov's agenda-item anchors left in printed HTML: <AI1>, </AI3>, <AI12>
AI_MARKER = re.compile(r"</?AI\d*\s*>", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u200b\u3000]*(?:\n[ \t\u00a0\u200b\u3000]*)+")
TABLE_HEADER = re.compile(r"^\s*No\.?\s*\|\s*Item\s*\|", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")
_AGENDA_ITEM_LABEL = re.compile(r"^Agenda item$", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^(?P<number>\d{1,4}[a-z]?(?:\.\d{1,3})*)\.?\s+(?P<title>\S.*)$", re.DOTALL)


def load_text(path: Path, data: bytes, doc_id: str) -> LoadedDocument:
    """Decode a text export and split it into blocks by its dialect."""
    text = strip_markers(decode_bytes(str(path), data))
    return LoadedDocument(
        doc_id=doc_id,
        path=str(path),
        format="text",
        blocks=text_blocks(text),
        meta=meta_from_text(text),
    )


def strip_markers(text: str) -> str:
    """Drop <AI3>-style anchors and trailing spaces left by the export."""
    text = AI_MARKER.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def paragraphs(text: str) -> list[str]:
    """Paragraphs split at blank lines (lines of only spaces or NBSPs count as blank)."""
    return [p.strip() for p in _BLANK_LINE.split(text) if p.strip(" \t\n\u00a0\u200b")]


def text_blocks(text: str) -> tuple[Block, ...]:
    """Blocks for a text export, in the first dialect that fits."""
    if TABLE_HEADER.search(text):
        return table_blocks(text)
    return paragraph_blocks(paragraphs(text))


def paragraph_blocks(paras: list[str]) -> tuple[Block, ...]:
    """Blocks for paragraphs in reading order, items marked where the dialect shows them.

    Shared with the HTML fallback, whose paragraphs come from markup.
    """
    if any(ISSUE_MEETING.fullmatch(p) for p in paras):
        return issue_blocks(paras)
    if paras and _AGENDA_ITEM_LABEL.match(paras[0]):
        return agenda_item_blocks(paras)
    if _numbered_items(paras) >= 1:
        return list_blocks(paras)
    return tuple(Block(p) for p in paras)


def _numbered_items(paras: list[str]) -> int:
    return sum(
        1
        for number, title in itertools.pairwise(paras)
        if ITEM_NUMBER.match(number)
        and not ITEM_NUMBER.match(title)
        and looks_like_title(strip_furniture(title) or "x", max_len=400)
    )


def list_blocks(paras: list[str]) -> tuple[Block, ...]:
    """Meeting page: a number alone ("39.", "4.1") then the title paragraph."""
    blocks: list[Block] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if (
            nxt is not None
            and ITEM_NUMBER.match(para)
            and not ITEM_NUMBER.match(nxt)
            and looks_like_title(strip_furniture(nxt) or "x", max_len=400)
        ):
            blocks.append(
                Block(
                    f"{para} {nxt}",
                    role="item",
                    number=normalise_number(para),
                    title=strip_furniture(nxt) or None,
                )
            )
            i += 2
            continue
        blocks.append(Block(para))
        i += 1
    return tuple(blocks)


def agenda_item_blocks(paras: list[str]) -> tuple[Block, ...]:
    """mgAi page: "Agenda item", then the title if printed, then the minute."""
    i = 0
    while i < len(paras) and _AGENDA_ITEM_LABEL.match(paras[i]):
        i += 1
    blocks = [Block(p) for p in paras[:i]]
    if i < len(paras):
        first = paras[i]
        title = strip_furniture(first) if looks_like_title(strip_furniture(first) or "x") else None
        if title and title.lower().rstrip(":") in {"minutes", "decision"} and first.rstrip().endswith(":"):
            title = None
        number = None
        numbered = _LEADING_NUMBER.match(title or "")
        if numbered and title:
            number, title = numbered.group("number"), numbered.group("title")
        blocks.append(Block(first, role="item", number=number, title=title))
        blocks.extend(Block(p) for p in paras[i + 1 :])
    return tuple(blocks)


def issue_blocks(paras: list[str]) -> tuple[Block, ...]:
    """Issue history: each "Meeting: ... (Item N)" starts an item; the next line holds its title."""
    blocks: list[Block] = []
    for i, para in enumerate(paras):
        meeting = ISSUE_MEETING.fullmatch(para)
        if not meeting:
            blocks.append(Block(para))
            continue
        number = normalise_number(meeting.group("number"))
        title = None
        if i + 1 < len(paras):
            heading = strip_furniture(paras[i + 1])
            if heading.startswith((number + " ", number + ". ")):
                title = heading[len(number) :].lstrip(". ").strip() or None
            elif looks_like_title(heading):
                title = heading
        blocks.append(Block(para, role="item", number=number, title=title))
    return tuple(blocks)


def table_blocks(text: str) -> tuple[Block, ...]:
    """Meeting page flattened to a "No. | Item |" table: rows split by "|" lines.

    The number cells are empty in these exports; numbers are recovered only
    where a row says "view the full minutes text for item N" and the rows
    around it follow in order.
    """
    header = TABLE_HEADER.search(text)
    assert header is not None
    before, rest = text[: header.start()], text[header.end() :]
    blocks = [Block(p) for p in paragraphs(before)]
    rows: list[list[str]] = [[]]
    for line in rest.split("\n"):
        if _TABLE_RULE.match(line) or not line.strip():
            if "|" in line and rows[-1]:
                rows.append([])
            continue
        rows[-1].append(re.sub(r"\s*\|\s*$", "", line).strip())
    rows = [[line for line in row if line] for row in rows]
    rows = [row for row in rows if row]
    tail: list[str] = []
    if rows and not rest.rstrip().endswith("|") and len(" ".join(rows[-1])) < 30:
        tail = rows.pop()  # a row cut off by a truncated export is not an item
    numbers = _row_numbers(["\n".join(row) for row in rows])
    for row, number in zip(rows, numbers):
        blocks.append(Block(row[0], role="item", number=number, title=row_title(row[0])))
        blocks.extend(Block(line) for line in row[1:])
    blocks.extend(Block(line) for line in tail)
    return tuple(blocks)


def _row_numbers(rows: list[str]) -> list[str | None]:
    """Numbers for rows, counted from rows that name their own number."""
    anchors = {}
    for index, row in enumerate(rows):
        found = ITEM_REFERENCE.findall(row)
        if found and found[-1].isdigit():
            anchors[index] = int(found[-1])
    offsets = {number - index for index, number in anchors.items()}
    if len(offsets) != 1:
        return [None] * len(rows)
    offset = offsets.pop()
    if offset + 0 < 1:
        return [None] * len(rows)
    return [str(index + offset) for index in range(len(rows))]
