"""The store's schema: every table, index, full-text index, trigger and view, here.

The schema is a contract: researchers query it directly (README, "The store").
``SCHEMA`` holds what ingest writes; ``LINK_SCHEMA`` what follow-through writes
(pipeline/link), kept as its own list so it can grow without touching the
extraction contract. store/ensure.py creates all of it in a database; which
amounts belong to a scheme is ruled in store/scheme_money.py (the rules as data)
and declared here as two views.
"""

from __future__ import annotations

from typing import Any

from . import scheme_money as money

# -- tables ---------------------------------------------------------------------------------------

FACT_COLUMNS = {
    "id": str, "document_id": str, "meeting_id": str, "item_id": str,
    "start_char": int, "end_char": int, "page": int, "text": str,
}

SCHEMA: dict[str, dict[str, Any]] = {
    "meetings": {
        "columns": {
            "id": str, "council": str, "committee": str, "date": str, "title": str,
            "venue": str, "attendees": str, "apologies": str, "external_id": str,
        },
        "pk": "id",
    },
    "documents": {
        "columns": {
            "id": str, "path": str, "format": str, "meeting_id": str, "source_url": str,
            "text": str, "page_map": str, "fingerprint": str, "duplicate_of": str, "pages": int,
            "size": int, "mtime": float, "ingested_at": str, "pipeline_version": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id")],
    },
    "agenda_items": {
        "columns": {
            "id": str, "meeting_id": str, "document_id": str, "ordinal": int, "number": str,
            "title": str, "text": str, "start_char": int, "end_char": int, "page_start": int,
            "page_end": int, "issue_id": str, "themes": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("document_id", "documents", "id")],
    },
    "resolutions": {
        "columns": {**FACT_COLUMNS, "cue": str, "part": str, "is_noting": int, "themes": str},
        "pk": "id",
    },
    "actions": {
        "columns": {
            **FACT_COLUMNS, "owner": str, "due": str, "due_date": str, "context": str,
            "context_start": int, "context_end": int, "from_resolution": int, "themes": str,
            "status": str,
        },
        "pk": "id",
    },
    "amounts": {
        "columns": {
            **FACT_COLUMNS, "raw": str, "value_gbp": float, "period": str, "kind": str,
            "purpose": str, "suspect": str,
        },
        "pk": "id",
    },
    "schemes": {"columns": {"id": str, "name": str, "aliases": str}, "pk": "id"},
    "scheme_mentions": {
        "columns": {**FACT_COLUMNS, "scheme_id": str, "name": str, "score": float},
        "pk": "id",
    },
    "problems": {
        "columns": {"id": int, "path": str, "stage": str, "message": str, "at": str, "sha256": str},
        "pk": "id",
    },
    # Bookkeeping between runs: a link_pending:<document id> row per stored change awaiting follow-through.
    "state": {"columns": {"key": str, "value": str}, "pk": "key"},
}

FACT_TABLES = ("resolutions", "actions", "amounts", "scheme_mentions")
FACT_FOREIGN_KEYS = [
    ("document_id", "documents", "id"), ("meeting_id", "meetings", "id"), ("item_id", "agenda_items", "id")
]

LINK_SCHEMA: dict[str, dict[str, Any]] = {
    # Every piece of later evidence found for an action or a resolution.
    "link_evidence": {
        "columns": {
            "id": str, "subject_kind": str, "subject_id": str, "rule": str, "status": str,
            "score": float, "meeting_id": str, "meeting_date": str, "evidence_document_id": str,
            "evidence_item_id": str, "start_char": int, "end_char": int, "quote": str,
        },
        "pk": "id",
    },
    # Each status an action went through, with the evidence that moved it.
    "action_status_changes": {
        "columns": {
            "id": str, "action_id": str, "seq": int, "status": str, "rule": str,
            "evidence_document_id": str, "start_char": int, "end_char": int, "quote": str,
            "score": float, "at": str,
        },
        "pk": "id",
    },
    # Each deadline an action was given, with the document and item that set it.
    "action_due_changes": {
        "columns": {
            "id": str, "action_id": str, "seq": int, "due_date": str, "due_text": str, "rule": str,
            "document_id": str, "item_id": str, "start_char": int, "end_char": int, "quote": str, "at": str,
        },
        "pk": "id",
    },
    # An officer's word: wins over computed status and survives re-ingest.
    "action_overrides": {
        "columns": {"id": int, "action_id": str, "status": str, "note": str, "at": str},
        "pk": "id",
    },
}

TABLES: dict[str, dict[str, Any]] = {**SCHEMA, **LINK_SCHEMA}

# -- indexes ------------------------------------------------------------------------------------

INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("documents", ["meeting_id"]), ("documents", ["fingerprint"]),
    ("documents", ["path", "size", "mtime"]),  # covers the unchanged-file check of a re-ingest
    ("agenda_items", ["document_id"]), ("agenda_items", ["meeting_id"]), ("agenda_items", ["issue_id"]),
    ("meetings", ["council", "committee", "date"]),
    ("scheme_mentions", ["scheme_id"]),
    *((t, ["document_id"]) for t in FACT_TABLES),
    *((t, ["item_id"]) for t in FACT_TABLES),
    ("link_evidence", ["subject_id"]), ("action_status_changes", ["action_id"]),
    ("action_due_changes", ["action_id"]), ("action_overrides", ["action_id"]),
)

# -- full-text indexes and their triggers ------------------------------------------------------------

#: The FTS index over agenda items and the triggers keeping it in sync (the SQL
#: sqlite-utils' enable_fts writes, run as plain statements so it can sit in a
#: transaction: executescript would commit half way).
FTS_TRIGGERS = {
    "agenda_items_ai": """CREATE TRIGGER "agenda_items_ai" AFTER INSERT ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
    "agenda_items_ad": """CREATE TRIGGER "agenda_items_ad" AFTER DELETE ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "text")
    VALUES('delete', old.rowid, old."title", old."text");
END""",
    "agenda_items_au": """CREATE TRIGGER "agenda_items_au" AFTER UPDATE ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "text")
    VALUES('delete', old.rowid, old."title", old."text");
  INSERT INTO "agenda_items_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END""",
}
FTS_SQL = """CREATE VIRTUAL TABLE "agenda_items_fts" USING FTS5 (
    "title", "text",
    tokenize='porter',
    content="agenda_items"
)"""

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


def fts_values(table: str, row: str) -> str:
    return ", ".join(
        _amount_context(row) if expr == "@amount_context" else expr.format(row=row)
        for _, expr in FACT_FTS[table]
    )


def fts_columns(table: str) -> str:
    return ", ".join(f'"{col}"' for col, _ in FACT_FTS[table])


def fts_sql(table: str) -> str:
    return (
        f"CREATE VIRTUAL TABLE \"{fts_name(table)}\" USING FTS5 ({fts_columns(table)}, tokenize='{TOKENIZE}')"
    )


def trigger_sql(table: str) -> dict[str, str]:
    """The four triggers keeping ``<table>_fts`` equal to ``table``."""
    fts, cols = fts_name(table), fts_columns(table)
    insert_new = f'INSERT INTO "{fts}" (rowid, {cols}) VALUES (new.rowid, {fts_values(table, "new")});'
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

# -- views ---------------------------------------------------------------------------------------

def _fact_view(table: str) -> str:
    """A fact with the meeting, item and document it came from: what the
    query commands and Datasette facets (council, committee, year) read."""
    return f"""select f.*, m.council, m.committee, m.date, substr(m.date, 1, 4) as year,
  i.number as item_number, i.title as item_title, i.themes as item_themes, d.path as document_path
from [{table}] f
left join meetings m on m.id = f.meeting_id
left join agenda_items i on i.id = f.item_id
left join documents d on d.id = f.document_id"""


#: A fact with its meeting, item and document: ``<table>_view``.
FACT_VIEWS: dict[str, str] = {f"{t}_view": _fact_view(t) for t in FACT_TABLES}

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

LIST_VIEWS: dict[str, str] = {
    "action_list": f"""select f.rowid as rowid, f.text as action, m.council, m.committee, m.date,
  f.owner, f.due, f.status, f.themes,
  (select count(*) from link_evidence e where e.subject_kind = 'action' and e.subject_id = f.id) as evidence,
  (select count(*) from action_status_changes c where c.action_id = f.id) as history,
  f.meeting_id as meeting, f.id, {AGE_BAND} as age, i.title as item, substr(m.date, 1, 4) as year
from actions f
{_WHERE_FROM}""",
    "resolution_list": f"""select f.rowid as rowid, f.text as resolution, m.council, m.committee, m.date,
  case when f.is_noting then 'noted' else 'decision' end as kind, f.themes,
  (select count(*) from link_evidence e where e.subject_kind = 'resolution' and e.subject_id = f.id)
    as evidence,
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

SCHEME_MONEY_VIEWS: dict[str, str] = {
    "scheme_amount_links": f"""with pairs as (
  select m.scheme_id, m.id as mention_id, a.id as amount_id, a.value_gbp, a.raw, a.suspect, a.period, a.kind,
    a.document_id, a.meeting_id, a.item_id, a.start_char, a.end_char, a.start_char >= m.end_char as after,
    {money.gap_sql()} as gap
  from scheme_mentions m
  join amounts a on a.document_id = m.document_id and a.item_id is m.item_id
    and abs(a.start_char - m.start_char) <= {money.MAX_SENTENCE}
  join documents d on d.id = a.document_id
),
fitting as (
  select p.*, length(p.gap) as distance,
    lower(trim(p.gap, ' ' || char(10))) in ({money.attached_sql()}) as attached
  from pairs p
  where not ({money.crosses_sql()}) and not (p.after and ({money.crosses_sql(money.LIST_STARTS)}))
),
linked as (
  select * from (
    select f.*, rank() over (partition by f.amount_id order by f.attached desc, f.distance) as fit,
      row_number() over (partition by f.scheme_id, f.amount_id order by f.attached desc, f.distance)
        as nearest
    from fitting f)
  where fit = 1 and nearest = 1
),
ranked as (
  select l.*, row_number() over printing as printing_no,
    first_value(l.amount_id) over printing as first_printing,
    count(*) over (partition by l.scheme_id, l.meeting_id, coalesce(l.value_gbp, l.raw),
                   coalesce(l.period, '')) as printed
  from linked l
  window printing as (partition by l.scheme_id, l.meeting_id, coalesce(l.value_gbp, l.raw),
                      coalesce(l.period, '') order by l.document_id, l.start_char)
)
select scheme_id, amount_id, mention_id, value_gbp, raw, suspect, period, kind, document_id, meeting_id,
  item_id, start_char, end_char, distance, attached, printed, printing_no = 1 as counted,
  case when printing_no > 1 then first_printing end as repeat_of
from ranked""",
    "scheme_amounts": """select scheme_id, amount_id, mention_id, value_gbp, raw, suspect, period, kind,
  document_id, meeting_id, item_id, start_char, end_char, printed
from scheme_amount_links where counted""",
}

VIEWS: dict[str, str] = {**FACT_VIEWS, **LIST_VIEWS, **SCHEME_MONEY_VIEWS}


def view_sql(name: str) -> str:
    """The statement that creates view ``name`` (also how SQLite keeps it, so a
    changed definition is seen by comparing the two)."""
    return f"CREATE VIEW [{name}] AS {VIEWS[name]}"
