"""Text exports of ModernGov pages (placeholder: paragraphs as blocks)."""

from __future__ import annotations

from pathlib import Path

from ..records import Block, LoadedDocument


def load_text(path: Path, data: bytes, doc_id: str) -> LoadedDocument:
    text = data.decode("utf-8", errors="replace")
    blocks = tuple(Block(p) for p in text.split("\n\n") if p.strip())
    return LoadedDocument(doc_id=doc_id, path=str(path), format="text", blocks=blocks)
