"""Full-text indexes over the facts, and the views the web UI lists them in.

Each of actions, resolutions and amounts has an FTS5 table (``<table>_fts``)
that triggers keep in step with it, inside whatever transaction writes the
fact. The FTS tables keep their own copy of the indexed text (not
``content=``): deleting a row that is not there is then harmless, so a fact
re-stored with INSERT OR REPLACE (whose implicit delete fires no trigger) is
dropped from the index by a BEFORE INSERT trigger without any risk of
corrupting it. Amounts are indexed with the words around them, so "CCTV"
finds the sums written next to it.

The ``*_list`` views lead with the fact's words, then where and when, and end
with counts of evidence and status changes and the ids the UI turns into
links (pipeline/web/plugins/fact_pages.py). They carry the fact's ``rowid``
so Datasette can search them through the FTS tables.
"""

from __future__ import annotations

import sqlite_utils

TOKENIZE = "porter unicode61 remove_diacritics 2"
#: Characters either side of an amount that are indexed with it.
AMOUNT_WINDOW = 150


def _amount_context(row: str) -> str:
    return (
        f"(select substr(d.text, max(1, {row}.start_char + 1 - {AMOUNT_WINDOW}),"
        f" {row}.end_char - {row}.start_char + 2 * {AMOUNT_WINDOW}) from "
        f"documents d where d.id = {row}.document_id)"
    )


#: table -> (FTS column, SQL expression over the fact row ``{row}``), in order.
FACT_FTS: dict[str, tuple[tuple[str, str], ...]] = {
    "actions": (("text", "{row}.text"), ("owner", "{row}.owner"), ("context", "{row}.context")),
    "resolutions": (("text", "{row}.text"),),
    "amounts": (("text", "{row}.text"), ("purpose", "{row}.purpose"), ("context", "@amount_context")),
}
#: Columns whose change re-indexes a row (an UPDATE of status does not).
WATCHED = {
    "actions": ("text", "owner", "context"),
    "resolutions": ("text",),
    "amounts": ("text", "purpose", "document_id", "start_char", "end_char"),
}


def fts_name(table: str) -> str:
    return f"{table}_fts"


def _values(table: str, row: str) -> str:
    return ", ".join(
        _amount_context(row) if expr == "@amount_context" else expr.format(row=row)
        for _, expr in FACT_FTS[table]
    )


def _columns(table: str) -> str:
    return ", ".join(f'"{col}"' for col, _ in FACT_FTS[table])


def fts_sql(table: str) -> str:
    return f"CREATE VIRTUAL TABLE \"{fts_name(table)}\" USING FTS5 ({_columns(table)}, tokenize='{TOKENIZE}')"


def trigger_sql(table: str) -> dict[str, str]:
    """The four triggers keeping ``<table>_fts`` equal to ``table``."""
    fts, cols = fts_name(table), _columns(table)
    insert_new = f'INSERT INTO "{fts}" (rowid, {cols}) VALUES (new.rowid, {_values(table, "new")});'
    delete_old = f'DELETE FROM "{fts}" WHERE rowid = old.rowid;'
    watched = ", ".join(f'"{c}"' for c in WATCHED[table])
    return {
        f"{fts}_bi": f'CREATE TRIGGER "{fts}_bi" BEFORE INSERT ON "{table}" BEGIN\n'
        f'  DELETE FROM "{fts}" WHERE rowid IN (SELECT rowid FROM "{table}" WHERE id = new.id);\nEND',
        f"{fts}_ai": f'CREATE TRIGGER "{fts}_ai" AFTER INSERT ON "{table}" BEGIN\n  {insert_new}\nEND',
        f"{fts}_ad": f'CREATE TRIGGER "{fts}_ad" AFTER DELETE ON "{table}" BEGIN\n  {delete_old}\nEND',
        f"{fts}_au": f'CREATE TRIGGER "{fts}_au" AFTER UPDATE OF {watched} ON "{table}" BEGIN\n'
        f"  {delete_old}\n  {insert_new}\nEND",
    }


TRIGGERS: dict[str, str] = {name: sql for table in FACT_FTS for name, sql in trigger_sql(table).items()}

#: How long ago a meeting was, in the bands the tracker counts outstanding actions by.
AGE_BAND = """case
    when m.date is null then null
    when m.date > date('now', '-3 months') then '0–3 months'
    when m.date > date('now', '-6 months') then '3–6 months'
    when m.date > date('now', '-12 months') then '6–12 months'
    else '12+ months' end"""
AGE_BANDS = ("0–3 months", "3–6 months", "6–12 months", "12+ months")

_WHERE_FROM = """left join meetings m on m.id = f.meeting_id
left join agenda_items i on i.id = f.item_id"""

VIEWS: dict[str, str] = {
    "action_list": f"""select f.rowid as rowid, f.text as action, m.council, m.committee, m.date,
  f.owner, f.due, f.status, f.themes,
  (select count(*) from link_evidence e where e.subject_kind = 'action' and e.subject_id = f.id) as evidence,
  (select count(*) from action_status_changes c where c.action_id = f.id) as history,
  f.meeting_id as meeting, f.id, {AGE_BAND} as age, i.title as item, substr(m.date, 1, 4) as year
from actions f
{_WHERE_FROM}""",
    "resolution_list": f"""select f.rowid as rowid, f.text as resolution, m.council, m.committee, m.date,
  case when f.is_noting then 'noted' else 'decision' end as kind, f.themes,
  (select count(*) from link_evidence e where e.subject_kind = 'resolution' and e.subject_id = f.id) as evidence,
  f.meeting_id as meeting, f.id, i.title as item, substr(m.date, 1, 4) as year
from resolutions f
{_WHERE_FROM}""",
    "amount_list": f"""select f.rowid as rowid, f.raw as amount, f.value_gbp, f.purpose,
  (select group_concat(s.name, '; ') from scheme_amount_links sa join schemes s on s.id = sa.scheme_id
    where sa.amount_id = f.id) as schemes,
  m.council, m.committee, m.date, f.meeting_id as meeting, f.id, f.kind, f.period, f.suspect,
  i.title as item, i.themes as item_themes, substr(m.date, 1, 4) as year
from amounts f
{_WHERE_FROM}""",
}

NAMES = (*(fts_name(t) for t in FACT_FTS), *TRIGGERS, *VIEWS)


def _view_sql(name: str) -> str:
    return f"CREATE VIEW [{name}] AS {VIEWS[name]}"


def up_to_date(db: sqlite_utils.Database) -> bool:
    """Every view as this version defines it (the UI's views change with the
    UI; a store made by an older version gets the new ones on connect)."""
    have = dict(db.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
    return all(have.get(name) == _view_sql(name) for name in VIEWS)


def ensure_browse_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing, indexing the facts already stored, and replace
    views an older version defined differently (called by store.ensure_schema
    inside its transaction, after the link tables, which the views read)."""
    views = dict(db.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
    for name in VIEWS:
        if name in views and views[name] != _view_sql(name):
            db.execute(f"DROP VIEW [{name}]")
    names = {r[0] for r in db.execute("select name from sqlite_master")}
    for table in FACT_FTS:
        fts = fts_name(table)
        if fts not in names:
            db.execute(fts_sql(table))
            db.execute(
                f'INSERT INTO "{fts}" (rowid, {_columns(table)}) SELECT rowid, '
                f'{_values(table, "f")} FROM "{table}" f'
            )
        for name, sql in trigger_sql(table).items():
            if name not in names:
                db.execute(sql)
    for name in VIEWS:
        if name not in names:
            db.execute(_view_sql(name))
