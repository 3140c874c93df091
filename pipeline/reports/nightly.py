"""What the nightly flag adds around the list of flagged actions: short ids an
officer can type (`minutes action ID`), what is new since the last run, and
`--since DATE`.

Each run keeps the ids it flagged in ``flag_runs``, one row per scope (the
filters it ran with) and ``as_of`` date. "The last run" is the latest row of the
same scope with an earlier ``as_of``, so running the job twice on one night
gives the same report, and a run for an old ``--as-of`` never hides what is
new tonight.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlite_utils

from .. import store
from ..store.ids import unique_prefixes
from .flag import FlagQuery, FlagRow

log = logging.getLogger(__name__)

#: Ids are long hashes; this many characters tell them apart by eye, and
#: more are shown only where two ids share the prefix.
SHORT_ID = 8

FLAG_RUNS: dict[str, type] = {
    "id": str, "scope": str, "as_of": str, "ran_at": str, "flagged": int, "action_ids": str,
}


@dataclass(frozen=True)
class Nightly:
    """The report's context: short ids, the last run and what is new since."""

    short_ids: dict[str, str] = field(default_factory=dict)
    last_run: str | None = None  # as_of of the previous run of the same scope; None = first run
    new_ids: frozenset[str] = frozenset()
    since: str | None = None

    def short(self, action_id: str) -> str:
        return self.short_ids.get(action_id, action_id[:SHORT_ID])

    def is_new(self, row: FlagRow) -> bool:
        return row.action_id in self.new_ids

    def split(self, rows: Sequence[FlagRow]) -> tuple[list[FlagRow], list[FlagRow]]:
        """(new since the last run, flagged before it)."""
        return [r for r in rows if self.is_new(r)], [r for r in rows if not self.is_new(r)]


def since_filter(db: sqlite_utils.Database, rows: Sequence[FlagRow], since: str | None) -> list[FlagRow]:
    """Rows first seen or due on or after ``since``: the meeting that agreed the
    action is on or after it, or the due date in force is; an action of an
    undated meeting counts as first seen when its document was ingested."""
    if not since:
        return list(rows)
    ingested = dict(db.execute(
        "select a.id, d.ingested_at from actions a join documents d on d.id = a.document_id"
        " where a.meeting_id in (select id from meetings where date is null)"
    ).fetchall())
    out = []
    for r in rows:
        seen = r.meeting_date or (ingested.get(r.action_id) or "")[:10]
        if (seen and seen >= since) or (r.due_date and r.due_date >= since):
            out.append(r)
    return out


def scope(query: FlagQuery, since: str | None) -> str:
    """The filters a run used: runs are compared only with runs of the same scope."""
    return json.dumps({"council": query.council, "committee": query.committee,
                       "older_than_days": query.older_than_days, "since": since}, sort_keys=True)


def ensure_flag_runs(db: sqlite_utils.Database) -> None:
    if "flag_runs" not in db.table_names():
        db.table("flag_runs").create(FLAG_RUNS, pk="id", if_not_exists=True)
        db.table("flag_runs").create_index(["scope", "as_of"], if_not_exists=True)


def last_run(db: sqlite_utils.Database, run_scope: str, as_of: str) -> tuple[str, set[str]] | None:
    """(as_of, flagged ids) of the latest run of this scope before ``as_of``."""
    if "flag_runs" not in db.table_names():
        return None
    row = db.execute(
        "select as_of, action_ids from flag_runs where scope = ? and as_of < ? order by as_of desc limit 1",
        [run_scope, as_of],
    ).fetchone()
    return (row[0], set(json.loads(row[1] or "[]"))) if row else None


def record_run(db: sqlite_utils.Database, run_scope: str, as_of: str, ids: Sequence[str]) -> None:
    """Keep what this run flagged (replacing an earlier run of the same scope and day)."""
    with store.transaction(db):
        ensure_flag_runs(db)
        db.table("flag_runs").insert(
            {
                "id": store.short_hash("flag_run", run_scope, as_of),
                "scope": run_scope,
                "as_of": as_of,
                "ran_at": store.now(),
                "flagged": len(ids),
                "action_ids": json.dumps(list(ids)),
            },
            replace=True,
        )


def prepare(db: sqlite_utils.Database, query: FlagQuery, rows: Sequence[FlagRow], vague: Sequence[FlagRow],
            *, since: str | None = None, record: bool = True) -> tuple[list[FlagRow], list[FlagRow], Nightly]:
    """Apply ``--since``, compare with the last run, record this one; returns
    (flagged rows, not-trackable rows, the report's context)."""
    rows, vague = since_filter(db, rows, since), since_filter(db, vague, since)
    run_scope = scope(query, since)
    previous = last_run(db, run_scope, query.as_of)
    ids = [r.action_id for r in rows]
    new = frozenset(ids) - (previous[1] if previous else set())
    every = [r[0] for r in db.execute("select id from actions")]
    context = Nightly(unique_prefixes(every, [r.action_id for r in (*rows, *vague)]),
                      previous[0] if previous else None, new, since)
    if record:
        try:
            record_run(db, run_scope, query.as_of, ids)
        except sqlite3.OperationalError as exc:  # a read-only store still gets its report
            log.warning("this run could not be kept in flag_runs: %s", exc)
    return rows, vague, context
