"""The SQLite store: schema, ids, writing and reading.

- schema.py: every table and index (the contract researchers query; README,
  "The store"); fts.py: the full-text indexes and their triggers; views.py:
  the views; ensure.py opens a store and brings all of it up to date;
- ids.py: content-derived ids, so re-runs upsert instead of duplicating;
- rows.py and write.py: each document written in one transaction, so a crash
  never leaves half of one; read.py: what other stages ask of it;
- beside them: versions.py (corrections supersede earlier versions),
  meetings.py (moving a document to another meeting), schemes_link.py (scheme
  identity across documents), scheme_money.py (which amounts belong to a
  scheme), problems.py, linkstate.py, checks.py.

The store imports nothing from the stages after it (link, run, reports).
"""

from __future__ import annotations

from .ensure import connect, ensure_schema
from .fts import FTS_SQL, FTS_TRIGGERS
from .ids import (
    action_id,
    fact_id,
    item_id_for,
    meeting_id_for,
    meeting_key,
    now,
    short_hash,
    text_fingerprint,
)
from .read import get_state, has_document, stats
from .rows import page_map
from .schema import FACT_TABLES, INDEXES, LINK_SCHEMA, SCHEMA, TABLES
from .views import VIEWS
from .write import (
    SaveResult,
    delete_document_rows,
    record_problem,
    replace_facts,
    save_document,
    save_facts,
    save_scheme_mentions,
    set_state,
    transaction,
)

__all__ = [
    "FACT_TABLES",
    "FTS_SQL",
    "FTS_TRIGGERS",
    "INDEXES",
    "LINK_SCHEMA",
    "SCHEMA",
    "TABLES",
    "VIEWS",
    "SaveResult",
    "action_id",
    "connect",
    "delete_document_rows",
    "ensure_schema",
    "fact_id",
    "get_state",
    "has_document",
    "item_id_for",
    "meeting_id_for",
    "meeting_key",
    "now",
    "page_map",
    "record_problem",
    "replace_facts",
    "save_document",
    "save_facts",
    "save_scheme_mentions",
    "set_state",
    "short_hash",
    "stats",
    "text_fingerprint",
    "transaction",
]
