"""Read-side queries behind `minutes actions|resolutions|amounts|schemes`
(`minutes search` is pipeline.reports.search).

Every filter becomes a bound parameter; only table and column names that come
from the constants below are ever formatted into SQL. Facts are read through
the ``<table>_view`` views (store.VIEWS), so each row carries its meeting,
agenda item and document path beside its provenance span.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from ..errors import UsageError
from .search import SEARCH_COLUMNS, check_fts, search  # noqa: F401  (re-exported)

#: Fact kinds the query commands list, and the view each reads.
FACT_KINDS = {"actions": "actions_view", "resolutions": "resolutions_view", "amounts": "amounts_view"}
ACTION_STATUSES = ("open", "in progress", "done", "superseded", "dropped", "not trackable")

#: Columns in the order every format prints them; provenance last.
PROVENANCE = ["document_path", "page", "start_char", "end_char", "text"]
MEETING = ["id", "council", "committee", "date", "item_number", "item_title"]
COLUMNS = {
    "actions": [*MEETING, "owner", "due", "due_date", "status", "themes", "context", *PROVENANCE],
    "resolutions": [*MEETING, "cue", "part", "is_noting", "themes", *PROVENANCE],
    "amounts": [
        *MEETING,
        "raw",
        "value_gbp",
        "period",
        "kind",
        "purpose",
        "suspect",
        "item_themes",
        *PROVENANCE,
    ],
}
SCHEME_COLUMNS = [
    "id", "name", "aliases", "mentions", "documents", "years", "first_date", "last_date",
    "total_gbp", "amounts", "document_paths", "summed",
]
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Filters:
    """What a researcher narrowed the listing to; None means no filter."""

    theme: str | None = None
    council: str | None = None
    committee: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None
    search: str | None = None
    limit: int | None = None


def date_bound(value: str | None, *, end: bool) -> str | None:
    """'2019' -> 2019-01-01 (or 2019-12-31 for an upper bound); 2019-06 -> the
    month's first/last day; a full date is checked and kept."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise UsageError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            return date(parts[0], 12, 31).isoformat() if end else date(parts[0], 1, 1).isoformat()
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)  # checks the month before any arithmetic on it
            if not end:
                return first.isoformat()
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1).isoformat()
        return date(*parts).isoformat()
    except ValueError as exc:
        raise UsageError(f"bad date {value!r}: {exc}") from exc


def _where(
    filters: Filters, db: sqlite_utils.Database, *, themes_column: str | None
) -> tuple[list[str], list[Any]]:
    """SQL conditions over a fact view aliased ``f``, with their parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.theme and themes_column:
        clauses.append(
            f"exists (select 1 from json_each(coalesce(f.{themes_column}, '[]')) t"
            f" where {_theme_key('t.value')} = {_theme_key('?')})"
        )
        params.append(filters.theme)
    if filters.council:
        clauses.append("f.council like ?")
        params.append(f"%{filters.council}%")
    if filters.committee:
        clauses.append("f.committee like ?")
        params.append(f"%{filters.committee}%")
    lo, hi = date_bound(filters.date_from, end=False), date_bound(filters.date_to, end=True)
    if lo:
        clauses.append("f.date >= ?")
        params.append(lo)
    if hi:
        clauses.append("f.date <= ?")
        params.append(hi)
    if filters.search:
        match = check_fts(db, filters.search, ("title", "text"))
        clauses.append(
            "f.item_id in (select i.id from agenda_items i join agenda_items_fts"
            " on agenda_items_fts.rowid = i.rowid where agenda_items_fts match ?)"
        )
        params.append(match)
    return clauses, params


def _theme_key(expr: str) -> str:
    """Theme names compare without case, spaces or hyphens: 'Anti-social
    behaviour' == 'antisocial behaviour' == 'ANTI SOCIAL BEHAVIOUR'."""
    return f"replace(replace(replace(lower({expr}), '-', ''), ' ', ''), '_', '')"


def _limit(filters: Filters) -> tuple[str, list[Any]]:
    if filters.limit is None:
        return "", []
    if filters.limit < 0:
        raise UsageError("--limit must be zero or more")
    return " limit ?", [filters.limit]


def facts(db: sqlite_utils.Database, kind: str, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Rows of one fact kind with meeting, item and provenance, oldest first."""
    if kind not in FACT_KINDS:
        raise UsageError(f"unknown fact kind {kind!r}")
    if filters.status and kind != "actions":
        raise UsageError("--status applies to actions only")
    themes_column = "item_themes" if kind == "amounts" else "themes"
    clauses, params = _where(filters, db, themes_column=themes_column)
    if filters.status:
        if filters.status.lower() not in ACTION_STATUSES:
            raise UsageError(f"unknown status {filters.status!r}: use one of {', '.join(ACTION_STATUSES)}")
        clauses.append("lower(f.status) = ?")
        params.append(filters.status.lower())
    limit_sql, limit_params = _limit(filters)
    where = f" where {' and '.join(clauses)}" if clauses else ""
    sql = (
        f"select {', '.join('f.' + c for c in COLUMNS[kind])} from [{FACT_KINDS[kind]}] f{where}"
        " order by f.date is null, f.date, f.document_path, f.start_char" + limit_sql
    )
    return [_decode(dict(r)) for r in _rows(db, sql, params + limit_params)]


def schemes(db: sqlite_utils.Database, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Schemes with mention counts, documents, years and linked money, counting
    only the mentions that pass the filters (theme: the mention's agenda item).

    Money is the ``scheme_amounts`` view (store/scheme_money.py: amounts whose
    own sentence or clause names the scheme, a sum printed twice in one
    meeting once); amounts flagged ``suspect`` are left out of the total, and
    ``summed`` lists the amounts the total adds up."""
    if filters.status:
        raise UsageError("--status applies to actions only")
    clauses, params = _where(filters, db, themes_column="item_themes")
    limit_sql, limit_params = _limit(filters)
    where = f" where {' and '.join(clauses)}" if clauses else ""
    sql = f"""
with hits as (select f.* from scheme_mentions_view f{where}),
money as (
  select sa.scheme_id, count(*) as amounts, sum(sa.value_gbp) as total_gbp,
    json_group_array(json_object('raw', sa.raw, 'value_gbp', sa.value_gbp, 'amount_id', sa.amount_id,
      'document_path', d.path, 'start_char', sa.start_char, 'end_char', sa.end_char, 'printed', sa.printed))
      as summed
  from scheme_amounts sa left join documents d on d.id = sa.document_id
  where sa.suspect is null and sa.mention_id in (select h.id from hits h)
  group by sa.scheme_id
)
select s.id, s.name, s.aliases, count(h.id) as mentions, count(distinct h.document_id) as documents,
  (select json_group_array(y) from (select distinct h2.year as y from hits h2
     where h2.scheme_id = s.id and h2.year is not null order by y)) as years,
  min(h.date) as first_date, max(h.date) as last_date,
  coalesce(money.total_gbp, 0) as total_gbp, coalesce(money.amounts, 0) as amounts,
  coalesce(money.summed, '[]') as summed,
  (select json_group_array(p) from (select distinct h3.document_path as p from hits h3
     where h3.scheme_id = s.id order by p)) as document_paths
from schemes s join hits h on h.scheme_id = s.id
left join money on money.scheme_id = s.id
group by s.id
order by mentions desc, s.name{limit_sql}"""
    return [_decode(dict(r)) for r in _rows(db, sql, params + limit_params)]


#: Columns stored as JSON arrays; callers get lists.
JSON_COLUMNS = ("themes", "item_themes", "aliases", "years", "document_paths", "summed")


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in JSON_COLUMNS:
        if isinstance(row.get(key), str):
            try:
                row[key] = json.loads(row[key])
            except ValueError:
                pass
    return row


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[sqlite3.Row]:
    conn = db.conn
    old = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "MATCH" in str(exc):
            raise UsageError(f"bad search expression: {exc}") from exc
        raise
    finally:
        conn.row_factory = old
