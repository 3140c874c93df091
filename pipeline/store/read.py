"""Reading the store: the questions the other stages ask of it (reports read
it with their own SQL over the views in store/views.py)."""

from __future__ import annotations

import sqlite_utils

from .schema import SCHEMA


def has_document(db: sqlite_utils.Database, doc_id: str) -> bool:
    return db.execute("select 1 from documents where id = ?", [doc_id]).fetchone() is not None


def get_state(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("select value from state where key = ?", [key]).fetchone()
    return row[0] if row else None


def stats(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts per table, for `minutes stats`."""
    return {name: db[name].count for name in SCHEMA}
