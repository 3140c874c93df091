"""Agenda segmentation: the cleaned text -> agenda items with exact offsets.

Sources that mark item starts (``role="item"`` blocks) are trusted; for text
exports those heads are completed from the text (see ``block_heads``). For
text and PDFs without marked items the headings are found in the text (see
``headings``). Text before the first item is the meeting header, not an item;
a document with no detectable items is one item covering its body.
"""

from __future__ import annotations

from ..records import AgendaItem, CleanDocument
from .block_heads import repair
from .headings import Heading, find_headings

_TRAILING = " \t\n\r\u00a0"


def segment(doc: CleanDocument) -> tuple[AgendaItem, ...]:
    """Agenda items of ``doc``; ``item.text == doc.text[start:end]`` always."""
    text = doc.text
    if not text.strip():
        return ()
    heads = _from_blocks(doc)
    if heads:
        heads = repair(text, heads, from_text=doc.source.format == "text")
    else:
        heads = find_headings(text)
    if not heads:
        start = len(text) - len(text.lstrip(_TRAILING))
        return (_item(doc, Heading(start, None, None), len(text), 0),)
    items = []
    for ordinal, head in enumerate(heads):
        end = heads[ordinal + 1].start if ordinal + 1 < len(heads) else len(text)
        items.append(_item(doc, head, end, ordinal))
    return tuple(items)


def _from_blocks(doc: CleanDocument) -> list[Heading]:
    return [
        Heading(span.start, span.block.number, span.block.title, span.block.issue_id)
        for span in doc.blocks
        if span.block.role == "item"
    ]


def _item(doc: CleanDocument, head: Heading, end: int, ordinal: int) -> AgendaItem:
    text = doc.text
    while end > head.start and text[end - 1] in _TRAILING:
        end -= 1
    return AgendaItem(
        number=head.number,
        title=head.title,
        start_char=head.start,
        end_char=end,
        text=text[head.start : end],
        page_start=doc.page_at(head.start),
        page_end=doc.page_at(max(head.start, end - 1)),
        issue_id=head.issue_id,
        ordinal=ordinal,
    )
