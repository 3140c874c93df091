"""The store's tables and indexes: every table, here.

The schema is a contract: researchers query it directly (README, "The store").
``SCHEMA`` holds what ingest writes; ``LINK_SCHEMA`` what follow-through writes
(pipeline/link), kept as its own list so it can grow without touching the
extraction contract. Derived from these tables: the full-text indexes and their
triggers (store/fts.py) and the views (store/views.py); store/ensure.py creates
all of it in a database.
"""

from __future__ import annotations

from typing import Any

# -- tables ---------------------------------------------------------------------------------------

FACT_COLUMNS = {
    "id": str, "document_id": str, "meeting_id": str, "item_id": str,
    "start_char": int, "end_char": int, "page": int, "text": str,
}

SCHEMA: dict[str, dict[str, Any]] = {
    "meetings": {
        "columns": {
            "id": str, "council": str, "committee": str, "date": str, "title": str,
            "venue": str, "attendees": str, "apologies": str, "external_id": str,
        },
        "pk": "id",
    },
    "documents": {
        "columns": {
            "id": str, "path": str, "format": str, "meeting_id": str, "source_url": str,
            "text": str, "page_map": str, "fingerprint": str, "duplicate_of": str, "pages": int,
            "size": int, "mtime": float, "ingested_at": str, "pipeline_version": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id")],
    },
    "agenda_items": {
        "columns": {
            "id": str, "meeting_id": str, "document_id": str, "ordinal": int, "number": str,
            "title": str, "text": str, "start_char": int, "end_char": int, "page_start": int,
            "page_end": int, "issue_id": str, "themes": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("document_id", "documents", "id")],
    },
    "resolutions": {
        "columns": {**FACT_COLUMNS, "cue": str, "part": str, "is_noting": int, "themes": str},
        "pk": "id",
    },
    "actions": {
        "columns": {
            **FACT_COLUMNS, "owner": str, "due": str, "due_date": str, "context": str,
            "context_start": int, "context_end": int, "from_resolution": int, "themes": str,
            "status": str,
        },
        "pk": "id",
    },
    "amounts": {
        "columns": {
            **FACT_COLUMNS, "raw": str, "value_gbp": float, "period": str, "kind": str,
            "purpose": str, "suspect": str,
        },
        "pk": "id",
    },
    "schemes": {"columns": {"id": str, "name": str, "aliases": str}, "pk": "id"},
    "scheme_mentions": {
        "columns": {**FACT_COLUMNS, "scheme_id": str, "name": str, "score": float},
        "pk": "id",
    },
    "problems": {
        "columns": {"id": int, "path": str, "stage": str, "message": str, "at": str, "sha256": str},
        "pk": "id",
    },
    # Bookkeeping between runs: a link_pending:<document id> row per stored change awaiting follow-through.
    "state": {"columns": {"key": str, "value": str}, "pk": "key"},
}

FACT_TABLES = ("resolutions", "actions", "amounts", "scheme_mentions")
FACT_FOREIGN_KEYS = [
    ("document_id", "documents", "id"), ("meeting_id", "meetings", "id"), ("item_id", "agenda_items", "id")
]

LINK_SCHEMA: dict[str, dict[str, Any]] = {
    # Every piece of later evidence found for an action or a resolution.
    "link_evidence": {
        "columns": {
            "id": str, "subject_kind": str, "subject_id": str, "rule": str, "status": str,
            "score": float, "meeting_id": str, "meeting_date": str, "evidence_document_id": str,
            "evidence_item_id": str, "start_char": int, "end_char": int, "quote": str,
        },
        "pk": "id",
    },
    # Each status an action went through, with the evidence that moved it.
    "action_status_changes": {
        "columns": {
            "id": str, "action_id": str, "seq": int, "status": str, "rule": str,
            "evidence_document_id": str, "start_char": int, "end_char": int, "quote": str,
            "score": float, "at": str,
        },
        "pk": "id",
    },
    # Each deadline an action was given, with the document and item that set it.
    "action_due_changes": {
        "columns": {
            "id": str, "action_id": str, "seq": int, "due_date": str, "due_text": str, "rule": str,
            "document_id": str, "item_id": str, "start_char": int, "end_char": int, "quote": str, "at": str,
        },
        "pk": "id",
    },
    # An officer's word: wins over computed status and survives re-ingest.
    "action_overrides": {
        "columns": {"id": int, "action_id": str, "status": str, "note": str, "at": str},
        "pk": "id",
    },
}

TABLES: dict[str, dict[str, Any]] = {**SCHEMA, **LINK_SCHEMA}

# -- indexes ------------------------------------------------------------------------------------

INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("documents", ["meeting_id"]), ("documents", ["fingerprint"]),
    ("documents", ["path", "size", "mtime"]),  # covers the unchanged-file check of a re-ingest
    ("agenda_items", ["document_id"]), ("agenda_items", ["meeting_id"]), ("agenda_items", ["issue_id"]),
    ("meetings", ["council", "committee", "date"]),
    ("scheme_mentions", ["scheme_id"]),
    *((t, ["document_id"]) for t in FACT_TABLES),
    *((t, ["item_id"]) for t in FACT_TABLES),
    ("link_evidence", ["subject_id"]), ("action_status_changes", ["action_id"]),
    ("action_due_changes", ["action_id"]), ("action_overrides", ["action_id"]),
)
