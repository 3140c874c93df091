"""Text repair: the loaded blocks -> one cleaned text that every stored offset refers to.

Each block is repaired on its own (see textrepair), glued words judged over the
whole document (see glue_policy), and the blocks are joined
with a blank line, or a single space when a block continues the previous
paragraph over a page break. Each BlockSpan keeps its anchors, so any offset in
the cleaned text can be traced back to the raw block text.
"""

from __future__ import annotations

from ..config import CleanConfig
from ..records import BlockSpan, CleanDocument, LoadedDocument
from .glue_policy import NO_CONTEXT, context_of
from .textrepair import Memo, repair_text, to_raw

BLOCK_SEPARATOR = "\n\n"
CONTINUATION_SEPARATOR = " "


def clean(doc: LoadedDocument, *, config: CleanConfig | None = None) -> CleanDocument:
    """Repair every block of ``doc`` and lay them out in one text."""
    config = config or CleanConfig()
    # Whether a run is glue is judged over the whole document (see glue_policy).
    context = (
        context_of((b.text for b in doc.blocks), config.min_part_zipf)
        if config.split_glued_words
        else NO_CONTEXT
    )
    parts: list[str] = []
    spans: list[BlockSpan] = []
    pos = 0
    memo: Memo = {}  # one document, one config and context: each distinct token repaired once
    for block in doc.blocks:
        repaired = repair_text(block.text, config, context, memo)
        if not repaired.text:
            continue
        if parts:
            sep = CONTINUATION_SEPARATOR if block.joins_previous else BLOCK_SEPARATOR
            parts.append(sep)
            pos += len(sep)
        spans.append(BlockSpan(pos, pos + len(repaired.text), block, anchors=repaired.anchors))
        parts.append(repaired.text)
        pos += len(repaired.text)
    return CleanDocument(source=doc, text="".join(parts), blocks=tuple(spans))


def source_offset(doc: CleanDocument, offset: int) -> tuple[BlockSpan, int] | None:
    """The block holding cleaned ``offset`` and the matching offset in its raw text."""
    for span in doc.blocks:
        if span.start <= offset <= span.end:
            return span, to_raw(span.anchors, offset - span.start)
    return None
