"""Positioned lines -> paragraph and heading blocks.

A wrapped paragraph is a run of lines at normal spacing whose earlier lines
reach the right margin. A new block starts at a bigger vertical gap, after a
short line that ends a sentence, at a list marker, and around headings (bold
lines, "(Item 4)" references, numbered minute titles). A paragraph that runs
over a page break continues in a block marked ``joins_previous`` so each block
keeps one page and the text still reads as one paragraph.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from ..records import Block
from ..text.words import join_hyphenated
from .pdf_lines import Line, PageLines

_ITEM_REF = re.compile(r"^\(\s*item\s+\d+[a-z]?(?:\.\d+)?\s*\)$", re.IGNORECASE)
_NUMBERED_TITLE = re.compile(r"^\d{1,4}(?:\.\d{1,3})*[.)]?\s+\S")
_CAPS_TITLE = re.compile(r"^(?:\d{1,4}(?:\.\d{1,3})*[.)]?\s+)?[A-Z0-9][A-Z0-9 ,&'’/()\-–:.]{3,}$")
_LIST_MARKER = re.compile(
    r"^(?:[•·▪■◦●○\-–—*]\s|\(?[a-z]{1,4}\)|\([a-z]{1,4}\)|[a-z]\.\s|\(?\d{1,3}[.)]\s|\(\d{1,3}\))"
)
_SENTENCE_END = re.compile(r"[.!?:;”\"’)]$")
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_WORD_START = re.compile(r"^([a-z]+)")


@dataclass(frozen=True)
class _Metrics:
    """Document-wide measures that decide what counts as a gap or a short line."""

    spacing: float  # usual distance between consecutive line tops
    right: float  # where full lines end


def _metrics(pages: list[PageLines]) -> _Metrics:
    gaps: list[float] = []
    rights: list[float] = []
    for page in pages:
        for prev, line in zip(page.lines, page.lines[1:]):
            gap = line.top - prev.top
            if 0 < gap < 3 * max(line.size, 6.0):
                gaps.append(gap)
        rights.extend(line.x1 for line in page.lines)
    spacing = statistics.median(gaps) if gaps else 14.0
    rights.sort()
    right = rights[int(0.9 * (len(rights) - 1))] if rights else 500.0
    return _Metrics(spacing, right)


def _is_heading(line: Line, nxt: Line | None) -> bool:
    text = line.text
    if _ITEM_REF.match(text):
        return True
    if len(text) > 160:
        return False
    if line.bold and not text.endswith((".", ",", "?")) or line.bold and _NUMBERED_TITLE.match(text):
        return True
    if nxt is not None and _ITEM_REF.match(nxt.text):
        return True  # the title of a numbered minute sits just above its "(Item N)"
    # An all-capitals line is a title if it has two words or a number: a lone
    # "NOTED" or "AGREED" is a decision, not a heading.
    return bool(_CAPS_TITLE.match(text)) and sum(c.isalpha() for c in text) >= 4 and (
        " " in text.strip() or text[:1].isdigit()
    )


def _breaks(prev: Line, line: Line, m: _Metrics) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (same page, both body text)."""
    gap = line.top - prev.top
    if gap < -1 or gap > 3 * m.spacing:
        return True
    if gap > 1.4 * m.spacing and not line.text[:1].islower():
        return True  # a wider gap, unless the line plainly continues a sentence
    short = prev.x1 < m.right - max(40.0, 0.1 * m.right)
    ends = bool(_SENTENCE_END.search(prev.text))
    if _LIST_MARKER.match(line.text) and (ends or short or line.x0 < prev.x0 - 3):
        return True
    return short and ends


def _join(text: str, line: Line, prev: Line) -> str:
    """Append a wrapped line, mending a word split by a line-end hyphen."""
    if prev.soft_hyphen:
        return text + line.text
    hy = _HYPHEN_END.search(text)
    start = _WORD_START.match(line.text)
    if hy and start and not text.endswith(" -"):
        joined = join_hyphenated(hy.group(1), start.group(1))
        return text[: hy.start()] + joined + line.text[start.end():]
    return f"{text} {line.text}"


def build_blocks(pages: list[PageLines]) -> list[Block]:
    """Blocks in reading order; each carries its 1-based page."""
    m = _metrics(pages)
    blocks: list[Block] = []
    text = ""
    role = "para"
    page_no = 0
    last: Line | None = None
    joins = False

    def flush() -> None:
        nonlocal text, joins
        if text.strip():
            blocks.append(Block(text.strip(), page=page_no, role=role, joins_previous=joins))
        text, joins = "", False

    for page in pages:
        lines = page.lines
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            heading = _is_heading(line, nxt)
            if last is None:
                new = True
            elif line.page != last.page:
                carry = (
                    role == "para"
                    and not heading
                    and not _LIST_MARKER.match(line.text)
                    and (not _SENTENCE_END.search(last.text) or line.text[:1].islower())
                )
                flush()
                joins = carry
                new = True
            elif heading or role == "heading":
                # consecutive bold lines at line spacing are one (wrapped) heading
                new = not (
                    role == "heading"
                    and line.bold
                    and last.bold
                    and not _ITEM_REF.match(line.text)
                    and not _ITEM_REF.match(last.text)
                    and line.top - last.top <= 1.4 * m.spacing
                )
            else:
                new = _breaks(last, line, m)
            if new:
                if line.page == (last.page if last else line.page):
                    flush()
                page_no = line.page
                role = "heading" if heading else "para"
                text = line.text
            else:
                text = _join(text, line, last)  # type: ignore[arg-type]
            last = line
    flush()
    return blocks
