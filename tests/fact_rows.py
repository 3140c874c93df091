"""Hand-placed fact rows for the fixture stores (query_fixtures, cli_fixtures,
tracker_fixtures): the offsets are found in the document's own text, so every
row's ``text`` equals ``documents.text[start_char:end_char]`` and its id is the
one the store would give it."""

from __future__ import annotations

from pipeline import store


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def fact_row(kind: str, doc_id: str, meeting_id: str, item_id: str, text: str, needle: str, *,
             page: int | None = 1, **extra: object) -> dict:
    """The columns every fact table shares, for ``needle`` in ``text``, plus ``extra``."""
    start, end = span(text, needle)
    return {"id": store.short_hash(kind, doc_id, start, end), "document_id": doc_id, "meeting_id": meeting_id,
            "item_id": item_id, "start_char": start, "end_char": end, "page": page, "text": text[start:end],
            **extra}
