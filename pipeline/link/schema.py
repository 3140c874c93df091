"""Tables the link stage owns: evidence, status and due-date history, officer overrides.

Kept apart from store.SCHEMA so the follow-through tables can evolve without
touching the extraction contract; store.ensure_schema calls this.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

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


def ensure_link_schema(db: sqlite_utils.Database) -> None:
    """Create the link tables and their indexes if missing (idempotent)."""
    names = set(db.table_names())
    for name, spec in LINK_SCHEMA.items():
        if name not in names:
            db.table(name).create(spec["columns"], pk=spec["pk"], if_not_exists=True)
    for table, cols in (
        ("link_evidence", ["subject_id"]),
        ("action_status_changes", ["action_id"]),
        ("action_due_changes", ["action_id"]),
        ("action_overrides", ["action_id"]),
    ):
        db.table(table).create_index(cols, if_not_exists=True)
