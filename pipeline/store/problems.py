"""The ``problems`` table: one row per file and failure, however often it is run.

A nightly ingest over a folder meets the same bad file every night (a
non-minutes XML response, a scanned PDF). It must not gain a row each night,
nor fail the run again: a row keeps the file's bytes hash, so the next run
knows the file failed with these very bytes and leaves it alone (unless
``--retry-failed``). A file that is later stored, or that changes, sheds its
old rows.
"""

from __future__ import annotations

import sqlite_utils

from .write import transaction


def record_problem(
    db: sqlite_utils.Database, path: str, stage: str, message: str, *, sha256: str | None = None, at: str
) -> None:
    """Keep one row for (path, stage, message); rows for other bytes of ``path`` are stale."""
    with transaction(db):
        if sha256 is not None:
            db.execute(
                "delete from problems where path = ? and sha256 is not null and sha256 != ?", [path, sha256]
            )
        rows = [
            r[0]
            for r in db.execute(
                "select id from problems where path = ? and stage = ? and message = ? order by id",
                [path, stage, message],
            )
        ]
        if not rows:
            db.table("problems").insert(
                {"path": path, "stage": stage, "message": message, "at": at, "sha256": sha256}
            )
            return
        db.execute(
            "update problems set at = ?, sha256 = coalesce(?, sha256) where id = ?", [at, sha256, rows[0]]
        )
        db.conn.executemany("delete from problems where id = ?", [(extra,) for extra in rows[1:]])


def clear_problems(db: sqlite_utils.Database, path: str) -> None:
    """A file stored at last has no problems left (an officer's override its
    correction left without an action stays reported: stage ``override``)."""
    with transaction(db):
        db.execute("delete from problems where path = ? and stage != 'override'", [path])


def failed_hashes(db: sqlite_utils.Database) -> set[str]:
    """Hashes of the bytes of every file that failed and has not been stored since."""
    return {row[0] for row in db.execute("select distinct sha256 from problems where sha256 is not null")}
