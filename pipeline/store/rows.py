"""Records -> row dicts: the one place a stage's frozen records become the
store's rows (and back to nothing else)."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..records import Action, Amount, Fact, ProcessedDocument, Resolution
from .checks import real_date
from .ids import action_id, fact_id, item_id_for, now


def fact_row(fact: Fact, doc_id: str, meeting_id: str, kind: str) -> dict[str, Any]:
    return {
        "id": fact_id(kind, doc_id, fact.start_char, fact.end_char),
        "document_id": doc_id,
        "meeting_id": meeting_id,
        "item_id": item_id_for(doc_id, fact.item_ordinal) if fact.item_ordinal is not None else None,
        "start_char": fact.start_char,
        "end_char": fact.end_char,
        "page": fact.page,
        "text": fact.text,
    }


def resolution_row(r: Resolution, doc_id: str, meeting_id: str) -> dict[str, Any]:
    return {
        **fact_row(r.fact, doc_id, meeting_id, "resolution"),
        "cue": r.cue,
        "part": r.part,
        "is_noting": int(r.is_noting),
        "themes": json.dumps(list(r.themes)),
    }


def action_row(a: Action, doc_id: str, meeting_id: str) -> dict[str, Any]:
    return {
        **fact_row(a.fact, doc_id, meeting_id, "action"),
        "id": action_id(doc_id, a.fact.text),
        "owner": a.owner,
        "due": a.due,
        "due_date": a.due_date if real_date(a.due_date) else None,
        "context": a.context,
        "context_start": a.context_start,
        "context_end": a.context_end,
        "from_resolution": int(a.from_resolution),
        "themes": json.dumps(list(a.themes)),
        "status": "open",
    }


def amount_row(a: Amount, doc_id: str, meeting_id: str) -> dict[str, Any]:
    return {
        **fact_row(a.fact, doc_id, meeting_id, "amount"),
        "raw": a.raw,
        "value_gbp": a.value_gbp,
        "period": a.period,
        "kind": a.kind,
        "purpose": a.purpose,
        "suspect": a.suspect,
    }


def page_map(doc: ProcessedDocument) -> list[list[int]]:
    """[[start_char, page], ...] where the page changes: enough to rebuild
    provenance when `minutes reextract` re-runs extraction from stored text."""
    out: list[list[int]] = []
    for span in doc.clean.blocks:
        page = span.block.page
        if page is not None and (not out or out[-1][1] != page):
            out.append([span.start, page])
    return out


def document_row(
    doc: ProcessedDocument,
    meeting_id: str,
    fingerprint: str,
    duplicate_of: str | None,
    size: int | None,
    mtime: float | None,
) -> dict[str, Any]:
    source = doc.clean.source
    return {
        "id": source.doc_id,
        "path": source.path,
        "format": source.format,
        "meeting_id": meeting_id,
        "source_url": source.source_url,
        "text": doc.clean.text,
        "page_map": json.dumps(page_map(doc)),
        "fingerprint": fingerprint,
        "duplicate_of": duplicate_of,
        "pages": source.pages,
        "size": size,
        "mtime": mtime,
        "ingested_at": now(),
        "pipeline_version": __version__,
    }


def item_rows(doc: ProcessedDocument, meeting_id: str) -> list[dict[str, Any]]:
    doc_id = doc.clean.source.doc_id
    item_themes = dict(doc.extraction.item_themes)
    return [
        {
            "id": item_id_for(doc_id, item.ordinal),
            "meeting_id": meeting_id,
            "document_id": doc_id,
            "ordinal": item.ordinal,
            "number": item.number,
            "title": item.title,
            "text": item.text,
            "start_char": item.start_char,
            "end_char": item.end_char,
            "page_start": item.page_start,
            "page_end": item.page_end,
            "issue_id": item.issue_id,
            "themes": json.dumps(list(item_themes.get(item.ordinal, ()))),
        }
        for item in doc.items
    ]


def meeting_row(meeting_id: str, meta: Any) -> dict[str, Any]:
    return {
        "id": meeting_id,
        "council": meta.council,
        "committee": meta.committee,
        "date": meta.date,
        "title": meta.title,
        "venue": meta.venue,
        "attendees": json.dumps(list(meta.attendees)),
        "apologies": json.dumps(list(meta.apologies)),
        "external_id": meta.external_id,
    }
