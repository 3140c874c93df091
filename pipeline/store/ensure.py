"""Opening a store, and making its schema the one store/schema.py, fts.py and
views.py declare.

Everything is created in one IMMEDIATE transaction: two processes opening a
new store at once take turns (no "database is locked", no "table already
exists"), and a kill half way leaves no FTS index without its triggers. A
store an older version made gets what is new on connect: tables, columns,
indexes, full-text indexes (filled from the rows already stored) and views
whose definition changed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from .fts import (
    FACT_FTS,
    FTS_SQL,
    FTS_TRIGGERS,
    TRIGGERS,
    fts_columns,
    fts_name,
    fts_sql,
    fts_values,
    trigger_sql,
)
from .schema import FACT_FOREIGN_KEYS, FACT_TABLES, INDEXES, TABLES
from .views import VIEWS, view_sql
from .write import transaction


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the store at ``path`` with safe settings."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=60, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA busy_timeout=60000")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    # No sqlite-utils plugins: looking for them scans every installed package
    # (about 40 ms, a tenth of a read command) and the store needs none.
    db = sqlite_utils.Database(conn, execute_plugins=False)
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index, FTS index, trigger and view that is missing,
    and replace views an older version defined differently."""
    if _schema_complete(db):
        return
    with transaction(db):
        _create_schema(db)


def _index_names() -> set[str]:
    return {f"idx_{table}_{'_'.join(cols)}" for table, cols in INDEXES}


def views_up_to_date(db: sqlite_utils.Database) -> bool:
    have = dict(db.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
    return all(have.get(name) == view_sql(name) for name in VIEWS)


def _schema_complete(db: sqlite_utils.Database) -> bool:
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    wanted = {*TABLES, "agenda_items_fts", *FTS_TRIGGERS, *(fts_name(t) for t in FACT_FTS), *TRIGGERS}
    return wanted | _index_names() <= names and not _missing_columns(db) and views_up_to_date(db)


def _missing_columns(db: sqlite_utils.Database) -> list[tuple[str, str, type]]:
    """Columns a newer version added to a table an older version created."""
    missing = []
    for name, spec in TABLES.items():
        have = {row[1] for row in db.execute(f"pragma table_info([{name}])")}
        if have:
            missing += [(name, col, kind) for col, kind in spec["columns"].items() if col not in have]
    return missing


def _create_schema(db: sqlite_utils.Database) -> None:
    names = set(db.table_names())
    for name, spec in TABLES.items():
        if name not in names:
            fks = spec.get("foreign_keys", FACT_FOREIGN_KEYS if name in FACT_TABLES else None)
            db.table(name).create(spec["columns"], pk=spec["pk"], foreign_keys=fks, if_not_exists=True)
    for table, column, kind in _missing_columns(db):
        db.table(table).add_column(column, kind)
    for table, cols in INDEXES:
        db.table(table).create_index(cols, if_not_exists=True)
    _ensure_fts(db)
    _ensure_fact_fts(db)
    _ensure_views(db)


def _ensure_fts(db: sqlite_utils.Database) -> None:
    """The agenda items' FTS index (filled from the items stored) and its triggers."""
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    if "agenda_items_fts" not in names:
        db.execute(FTS_SQL)
        db.execute(
            'INSERT INTO "agenda_items_fts" (rowid, "title", "text") SELECT rowid, '
            '"title", "text" FROM "agenda_items"'
        )
    for name, sql in FTS_TRIGGERS.items():
        if name not in names:
            db.execute(sql)


def _ensure_fact_fts(db: sqlite_utils.Database) -> None:
    """The facts' FTS indexes (filled from the facts stored) and their triggers."""
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    for table in FACT_FTS:
        fts = fts_name(table)
        if fts not in names:
            db.execute(fts_sql(table))
            columns, values = fts_columns(table), fts_values(table, "f")
            db.execute(f'INSERT INTO "{fts}" (rowid, {columns}) SELECT rowid, {values} FROM "{table}" f')
        for name, sql in trigger_sql(table).items():
            if name not in names:
                db.execute(sql)


def _ensure_views(db: sqlite_utils.Database) -> None:
    """Every view as this version defines it (after the tables the views read)."""
    have = dict(db.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
    for name in VIEWS:
        if have.get(name) != view_sql(name):
            if name in have:
                db.execute(f"DROP VIEW [{name}]")
            db.execute(view_sql(name))
