"""Agenda segmentation (placeholder: one item for the whole text)."""

from __future__ import annotations

from .records import AgendaItem, CleanDocument


def segment(doc: CleanDocument) -> tuple[AgendaItem, ...]:
    if not doc.text:
        return ()
    return (AgendaItem(None, None, 0, len(doc.text), doc.text, doc.page_at(0), doc.page_at(len(doc.text) - 1)),)
