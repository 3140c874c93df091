"""`minutes problems`: the files that could not be ingested, and why.

Every failure is a row in ``problems`` (path, stage, message, when). By
default each file's latest failure is listed unless the file has been stored
since (it was fixed, or ingested another way); ``everything`` lists every
failure ever recorded.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlite_utils

COLUMNS = ["path", "stage", "message", "at", "failures"]

_OUTSTANDING = """select p.path, p.stage, p.message, p.at,
  (select count(*) from problems q where q.path = p.path) as failures
from problems p
where p.id = (select max(q.id) from problems q where q.path = p.path)
  and not exists (select 1 from documents d where d.path = p.path and d.ingested_at > p.at)
order by p.at desc, p.id desc"""
_EVERYTHING = """select p.path, p.stage, p.message, p.at,
  (select count(*) from problems q where q.path = p.path) as failures
from problems p order by p.at desc, p.id desc"""


def problems(db: sqlite_utils.Database, *, everything: bool = False) -> list[dict[str, Any]]:
    """Failures, newest first (see the module docstring for which)."""
    conn = db.conn
    old = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(_EVERYTHING if everything else _OUTSTANDING)]
    finally:
        conn.row_factory = old
