"""Items -> facts (placeholder until the extractors land)."""

from __future__ import annotations

from .config import Config
from .records import AgendaItem, CleanDocument, Extraction


def extract(doc: CleanDocument, items: tuple[AgendaItem, ...], *, config: Config) -> Extraction:
    return Extraction()
