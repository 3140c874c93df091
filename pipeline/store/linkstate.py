"""What still awaits follow-through: one ``state`` row per stored change
(``link_pending:<document id>``), written in the same transaction as the
change, and deleted by the link run that read it.

One flag for the whole store was not enough: a second ingest running beside
the first linked, cleared the flag, and the first run's later documents were
then stored unflagged; killed before its own link, nobody ever linked them.
Per-change rows cannot be lost that way: a link run holds the write lock
from its first read to its last write, so every row it deletes stands for a
change it saw, and anything stored after it has a row of its own.
"""

from __future__ import annotations

import sqlite_utils

from .ids import now

PREFIX = "link_pending:"
#: The single flag older versions wrote ("1" while pending).
LEGACY_KEY = "link_pending"


def mark(db: sqlite_utils.Database, what: str) -> None:
    """Record that ``what`` (a document id) changed; call inside the change's transaction."""
    db.execute("insert or replace into state (key, value) values (?, ?)", [PREFIX + what, now()])


def pending(db: sqlite_utils.Database) -> bool:
    return (
        db.execute(
            "select 1 from state where key glob ? or (key = ? and value = '1') limit 1",
            [PREFIX + "*", LEGACY_KEY],
        ).fetchone()
        is not None
    )


def clear(db: sqlite_utils.Database) -> None:
    """Call in the link run's transaction, after it wrote what it computed."""
    db.execute("delete from state where key glob ? or key = ?", [PREFIX + "*", LEGACY_KEY])
