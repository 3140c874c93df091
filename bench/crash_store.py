"""What the crash test checks in a store: integrity, no half-stored document,
and its rows against a clean run's (rows lost, rows duplicated)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

#: Tables whose rows are compared with the clean run; timestamps and file
#: stats are left out (they differ between runs by design).
VOLATILE_COLUMNS = {"ingested_at", "at", "mtime", "size"}
#: ``problems`` gains a row per failed file per run (the failures are retried),
#: so it is compared as the set of (path, stage, message), not row for row.
SKIP_TABLES = {"problems"}
FACT_TABLES = ("resolutions", "actions", "amounts", "scheme_mentions")
#: Columns that depend on the order documents were stored in (which run, or
#: which worker, finished first): a scheme is keyed and named on the first
#: spelling stored. Left out when runs overlap or several workers race.
ORDER_DEPENDENT = {"schemes": {"id", "name", "aliases"}, "scheme_mentions": {"scheme_id"}}
#: Columns that depend on a document's history: a corrected document keeps
#: the ids its facts had in the earlier version, where a new store mints them
#: from the corrected bytes. Left out when files were corrected between runs.
HISTORY_DEPENDENT = {
    **{t: {"id"} for t in FACT_TABLES},
    "scheme_mentions": {"id", "scheme_id"},
    "action_status_changes": {"id", "action_id"},
    "action_due_changes": {"id", "action_id"},
    "link_evidence": {"id", "subject_id"},
}

Snapshot = dict[str, list[tuple[object, ...]]]


def connect(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path), timeout=60)
    conn.execute("PRAGMA busy_timeout=60000")
    return conn


def check_store(
    db_path: Path, expected: dict[str, tuple[int, ...]] | None = None, *, key: str = "id"
) -> list[str]:
    """Everything wrong with the store at ``db_path`` (empty list: nothing).

    ``expected`` maps document id (or path, with ``key="path"``) -> (items,
    resolutions, actions, amounts, scheme mentions) from a clean run: a stored
    document must have all of them.
    """
    if not db_path.exists():
        return []
    bad: list[str] = []
    conn = connect(db_path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchall()
        if ok != [("ok",)]:
            bad.append(f"integrity_check: {ok[:3]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            bad.append(f"foreign_key_check: {len(fk)} rows, e.g. {fk[:3]}")
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "documents" not in tables:
            return bad  # killed before the schema was committed: an empty store
        for fts in sorted(t for t in tables if t.endswith("_fts")):
            try:
                conn.execute(f"insert into [{fts}]([{fts}]) values('integrity-check')")
            except sqlite3.DatabaseError as exc:
                bad.append(f"FTS index {fts} out of step with its table: {exc}")
        for sql, what in _orphan_queries():
            n = conn.execute(sql).fetchone()[0]
            if n:
                bad.append(f"{n} {what}")
        if expected is not None:
            for doc_id, got in document_signature(conn, key=key).items():
                want = expected.get(doc_id)
                if want is None:
                    bad.append(f"document {doc_id[:12]} not in the clean run")
                elif got != want:
                    bad.append(f"document {doc_id[:12]} half-stored: {got} (items, facts...) != clean {want}")
    finally:
        conn.close()
    return bad


def _orphan_queries() -> list[tuple[str, str]]:
    return [
        (
            (
                "select count(*) from agenda_items i left join documents d on d.id = "
                "i.document_id where d.id is null"
            ),
            "agenda items without their document",
        ),
        (
            "select count(*) from documents d left join meetings m on m.id = d.meeting_id where m.id is null",
            "documents without their meeting",
        ),
        *(
            (
                (
                    f"select count(*) from [{t}] f left join documents d on d.id = "
                    "f.document_id where d.id is null"
                ),
                f"{t} without their document",
            )
            for t in FACT_TABLES
        ),
        *(
            (
                (
                    f"select count(*) from [{t}] f left join agenda_items i on i.id = "
                    "f.item_id where f.item_id is not null and i.id is null"
                ),
                f"{t} without their agenda item",
            )
            for t in FACT_TABLES
        ),
        (
            "select count(*) from (select id from documents group by id having count(*) > 1)",
            "duplicated documents",
        ),
        (
            "select count(*) from (select path from documents group by path having count(*) > 1)",
            "paths stored twice",
        ),
        (
            (
                "select count(*) from (select document_id, ordinal from agenda_items "
                "group by 1, 2 having count(*) > 1)"
            ),
            "duplicated agenda items",
        ),
    ]


def document_signature(conn: sqlite3.Connection, *, key: str = "id") -> dict[str, tuple[int, ...]]:
    """Per document (by id, or by path): how many agenda items and facts of each kind it has."""
    names = dict(conn.execute(f"select id, {'path' if key == 'path' else 'id'} from documents").fetchall())
    sig: dict[str, list[int]] = {doc_id: [0] * (1 + len(FACT_TABLES)) for doc_id in names}
    for col, table in enumerate(("agenda_items", *FACT_TABLES)):
        for doc_id, n in conn.execute(f"select document_id, count(*) from [{table}] group by document_id"):
            if doc_id in sig:
                sig[doc_id][col] = n
    return {names[k]: tuple(v) for k, v in sig.items()}


def contents(db_path: Path, *, order_free: bool = False, history_free: bool = False) -> Snapshot:
    """Every user table's rows (volatile columns dropped), sorted: two stores
    with equal contents hold the same data. ``order_free`` also drops the
    columns that depend on which document was stored first, ``history_free``
    the ids a corrected document inherited."""
    conn = connect(db_path)
    try:
        tables = [
            r[0] for r in conn.execute(
                "select name from sqlite_master where type='table' and name not like 'sqlite_%' "
                "and name not like '%_fts%' order by name"
            )
        ]
        out: Snapshot = {}
        for t in tables:
            if t in SKIP_TABLES:
                out[t] = sorted(set(conn.execute(f"select path, stage, message from [{t}]")))
                continue
            skip = (VOLATILE_COLUMNS | (ORDER_DEPENDENT.get(t, set()) if order_free else set())
                    | (HISTORY_DEPENDENT.get(t, set()) if history_free else set()))
            cols = [r[1] for r in conn.execute(f"pragma table_info([{t}])") if r[1] not in skip]
            col_sql = ", ".join(f"[{c}]" for c in cols) or "1"  # every column order-dependent: count rows
            rows = conn.execute(f"select {col_sql} from [{t}]").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def counts(snapshot: Snapshot) -> dict[str, int]:
    return {t: len(rows) for t, rows in snapshot.items()}


def diff_contents(a: Snapshot, b: Snapshot) -> list[str]:
    out = []
    for t in sorted(set(a) | set(b)):
        ra, rb = a.get(t, []), b.get(t, [])
        if ra != rb:
            out.append(
                f"{t}: {len(ra)} rows vs {len(rb)} rows"
                + (" (same count, different rows)" if len(ra) == len(rb) else "")
            )
    return out


def lost_and_duplicated(got: Snapshot, want: Snapshot) -> tuple[dict[str, int], dict[str, int]]:
    """Per table: rows of the clean run missing from ``got``, and rows ``got``
    holds beyond the clean run (duplicates, or rows that should not exist).
    ``problems`` is left out: failed files are retried and re-reported."""
    lost: dict[str, int] = {}
    extra: dict[str, int] = {}
    for t in sorted((set(got) | set(want)) - SKIP_TABLES):
        g, w = Counter(got.get(t, [])), Counter(want.get(t, []))
        if missing := sum((w - g).values()):
            lost[t] = missing
        if more := sum((g - w).values()):
            extra[t] = more
    return lost, extra
