"""`minutes export`: every store table to one JSON or CSV file each, for people who
want the data without SQLite. Values are written as stored (JSON-array
columns such as ``themes`` stay JSON strings) so a JSON round trip is
lossless. In CSV, text that a spreadsheet would run as a formula (it starts
with = + - @, a tab or a carriage return) gets a leading apostrophe: minutes
text comes from outside, and a cell like ``=HYPERLINK(...)`` must stay text."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import sqlite_utils

from .. import store
from ..errors import UsageError

FORMATS = ("json", "csv")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """``value``, with an apostrophe before text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def tables(db: sqlite_utils.Database) -> list[str]:
    """Every table the store holds, not views or FTS indexes and their shadow
    tables (they are rebuilt from the tables): the extraction schema first,
    then follow-through (evidence, status and due-date history, officers'
    overrides), then any other (flag runs), by name."""
    rows = db.execute("select name, sql from sqlite_master where type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = [name for name, _sql in rows if not name.startswith("sqlite_") and name not in virtual
             and not any(name.startswith(f"{v}_") for v in virtual)]
    order = list(store.TABLES)
    return sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n))


def export_store(db: sqlite_utils.Database, out_dir: str | Path, *, fmt: str) -> dict[str, int]:
    """Write DIR/<table>.<fmt> for every table; return rows written per table.
    Rows are streamed, so a large store never sits in memory."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: use json or csv")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in tables(db):
        columns = [c.name for c in db[table].columns]
        rows = db.query(f"select * from [{table}] order by rowid")
        path = out / f"{table}.{fmt}"
        with path.open("w", encoding="utf-8", newline="") as fh:
            counts[table] = _write_json(fh, rows) if fmt == "json" else _write_csv(fh, rows, columns)
    return counts


def _write_json(fh: TextIO, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    fh.write("[")
    for row in rows:
        fh.write(",\n" if n else "\n")
        fh.write(json.dumps(row, ensure_ascii=False))
        n += 1
    fh.write("\n]\n" if n else "]\n")
    return n


def _write_csv(fh: TextIO, rows: Iterable[dict[str, Any]], columns: list[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
        n += 1
    return n
