"""`minutes search`: full-text search over agenda items and over the facts.

What people type goes through ``fts.fts_query`` (as in the web UI), so
"anti-social behaviour", "children's services" and "covid-19" work as typed
while "quoted phrases", AND/OR/NOT, NEAR(...), prefix* and ``column:word``
keep their FTS5 meaning. Each kind has its own FTS5 table: agenda items
(store), actions, resolutions and amounts (store/fts.py, kept in step by
triggers). Hits come best first with a snippet whose matches are marked.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from ..errors import UsageError
from ..store.fts import FACT_FTS
from .fts import fts_query

#: kind -> (FTS table, its columns)
FTS_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "items": ("agenda_items_fts", ("title", "text")),
    **{
        kind: (f"{kind}_fts", tuple(col for col, _ in FACT_FTS[kind]))
        for kind in ("actions", "resolutions", "amounts")
    },
}
KINDS = tuple(FTS_TABLES)

_WHERE = """left join meetings m on m.id = f.meeting_id
left join agenda_items i on i.id = f.item_id
left join documents d on d.id = f.document_id"""
#: What a hit of each fact kind carries besides meeting, snippet and provenance.
_EXTRA = {
    "actions": ["owner", "due", "status", "themes"],
    "resolutions": ["is_noting", "themes"],
    "amounts": ["raw", "value_gbp", "purpose"],
}
FACT_COLUMNS = {
    kind: ["id", "council", "committee", "date", "item_number", "item_title", *extra, "snippet",
           "document_path", "page", "start_char", "end_char", "text"]
    for kind, extra in _EXTRA.items()
}
SEARCH_COLUMNS = [
    "item_id", "council", "committee", "date", "item_number", "item_title", "snippet",
    "document_path", "page_start", "start_char", "end_char",
]


def columns(kind: str) -> list[str]:
    """The columns every output format prints for a kind of hit."""
    return SEARCH_COLUMNS if kind == "items" else FACT_COLUMNS[kind]


def check_fts(db: sqlite_utils.Database | None, text: str, columns: Sequence[str] = ("title", "text")) -> str:
    """The FTS5 query for what the user typed (see fts.fts_query); a UsageError
    (one line, exit 2) when nothing in it can be searched for."""
    query = fts_query(text or "", columns)
    if not query:
        raise UsageError(
            f"nothing to search for in {text!r}: give at least one word "
            '(a search cannot be only NOT ..., e.g. use \'housing NOT budget\')'
        )
    return query


def _sql(kind: str, limit: bool) -> str:
    fts, _ = FTS_TABLES[kind]
    snippet = f"snippet({fts}, -1, ?, ?, '…', 16) as snippet"
    if kind == "items":
        select = f"""select f.id as item_id, m.council, m.committee, m.date, f.number as item_number,
  f.title as item_title, {snippet}, d.path as document_path, f.page_start, f.start_char, f.end_char
from {fts} join agenda_items f on f.rowid = {fts}.rowid
left join meetings m on m.id = f.meeting_id
left join documents d on d.id = f.document_id"""
    else:
        cols = ", ".join(
            snippet if c == "snippet" else {
                "council": "m.council", "committee": "m.committee", "date": "m.date",
                "item_number": "i.number as item_number", "item_title": "i.title as item_title",
                "document_path": "d.path as document_path",
            }.get(c, f"f.{c}")
            for c in FACT_COLUMNS[kind]
        )
        select = f"select {cols}\nfrom {fts} join {kind} f on f.rowid = {fts}.rowid\n{_WHERE}"
    return f"{select}\nwhere {fts} match ? order by rank" + (" limit ?" if limit else "")


def search(
    db: sqlite_utils.Database, text: str, *, kind: str = "items", limit: int | None = 20,
    mark: tuple[str, str] = ("[", "]"),
) -> list[dict[str, Any]]:
    """Hits of one kind for ``text`` as typed, best first, with a snippet whose
    matched terms are wrapped in ``mark``."""
    if kind not in FTS_TABLES:
        raise UsageError(f"unknown search kind {kind!r}: use one of {', '.join(KINDS)}")
    if limit is not None and limit < 0:
        raise UsageError("--limit must be zero or more")
    match = check_fts(db, text, FTS_TABLES[kind][1])
    params: list[Any] = [mark[0], mark[1], match, *([limit] if limit is not None else [])]
    conn = db.conn
    old = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(_sql(kind, limit is not None), params).fetchall()
    except sqlite3.OperationalError as exc:  # fts_query checked the syntax; this is a store without the index
        raise UsageError(f"cannot search {kind}: {exc}") from exc
    finally:
        conn.row_factory = old
    return [_decode(dict(r)) for r in rows]


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("themes"), str):
        try:
            row["themes"] = json.loads(row["themes"])
        except ValueError:
            pass
    return row
