"""Text repair (placeholder: joins blocks; the real repair replaces this)."""

from __future__ import annotations

from .config import CleanConfig
from .records import BlockSpan, CleanDocument, LoadedDocument


def clean(doc: LoadedDocument, *, config: CleanConfig | None = None) -> CleanDocument:
    parts: list[str] = []
    spans: list[BlockSpan] = []
    pos = 0
    for block in doc.blocks:
        text = block.text.strip()
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        spans.append(BlockSpan(pos, pos + len(text), block))
        parts.append(text)
        pos += len(text)
    return CleanDocument(source=doc, text="".join(parts), blocks=tuple(spans))
