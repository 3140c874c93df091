"""Officer overrides: `minutes action ID --status done --note "..."`.

Stored apart from computed status so a re-ingest (which rewrites actions)
or a re-link (which rewrites status history) never loses them.
"""

from __future__ import annotations

import sqlite_utils

from ..errors import NotFound
from ..store import now, transaction
from .status import Override, validate_status


class UnknownAction(NotFound):
    """No action has that id, or the prefix fits several."""


def resolve_action_id(db: sqlite_utils.Database, prefix: str) -> str:
    """Full id from an id or a unique prefix of one (ids are long to type)."""
    rows = [
        r[0] for r in db.execute("select id from actions where id like ? limit 3", [prefix.strip() + "%"])
    ]
    if len(rows) == 1:
        return rows[0]
    if not rows:
        raise UnknownAction(f"no action with id {prefix!r}; list them with `minutes flag --older-than 0d`")
    if prefix in rows:
        return prefix
    raise UnknownAction(f"id prefix {prefix!r} matches several actions; give more characters")


def set_override(db: sqlite_utils.Database, action_id: str, *, status: str, note: str) -> Override:
    """Record the officer's status and why; the next link run applies it. A
    note is required: an override nobody can explain is no record."""
    if not note.strip():
        raise ValueError("an override needs a note saying why")
    override = Override(action_id, validate_status(status), note.strip(), now())
    with transaction(db):
        db.table("action_overrides").insert({"action_id": override.action_id, "status": override.status,
                                       "note": override.note, "at": override.at})
    return override


def latest_overrides(db: sqlite_utils.Database) -> dict[str, list[Override]]:
    """Every override of each action, oldest first: the last is the one in
    force, the earlier ones stay in its status history."""
    out: dict[str, list[Override]] = {}
    for aid, status, note, at in db.execute(
        "select action_id, status, note, at from action_overrides order by id"
    ):
        out.setdefault(aid, []).append(Override(aid, status, note or "", at))
    return out
