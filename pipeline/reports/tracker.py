"""The action tracker officers keep by hand, from the store: one row per
agreed action with the columns councils use for scrutiny recommendation
trackers, and a red / amber / green status.

RAG, as on ``as_of`` (default today):

* green: closed (done, superseded or dropped: the status column says which);
* red: open or in progress and overdue, that is its due date has passed, or
  it has no due date and was agreed at least ``red_after_days`` (default 90,
  about three months) before, or at a meeting whose date is unknown;
* amber: open or in progress and not overdue (due later, or agreed recently).

"Action taken" is the officer's latest note (`minutes action ID --status ...
--note ...`) or else the latest evidence from a later meeting, dated.
The same SQL is the canned query ``tracker`` of `minutes serve`
(pipeline/web/metadata.yaml, where :as_of and :red_after_days may be left
empty).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from ..errors import UsageError

RED_AFTER_DAYS = 90
RAG_RULE = (
    "green = closed (done, superseded or dropped); red = open or in progress and overdue: the due date has "
    "passed, or there is no due date and the meeting that agreed it is at least {days} days before the "
    "as-of date (or its date is unknown); amber = open or in progress and not overdue"
)

#: The tracker, one row per action. :as_of ('' = today), :red_after_days ('' = 90),
#: :council and :committee ('' = all; otherwise contained in the name).
SQL = """with latest_evidence as (
  select e.subject_id, e.meeting_date, e.quote, row_number() over (
    partition by e.subject_id order by e.meeting_date desc, e.start_char desc) as n
  from link_evidence e where e.subject_kind = 'action'
),
latest_note as (
  select o.action_id, o.note, o.at, row_number() over (partition by o.action_id order by o.id desc) as n
  from action_overrides o where coalesce(o.note, '') != ''
),
params as (
  select coalesce(nullif(:as_of, ''), date('now')) as as_of,
    cast(coalesce(nullif(:red_after_days, ''), 90) as integer) as red_after_days
),
rows as (
  select a.id, substr(a.id, 1, 8) as reference, m.council, m.committee, m.date as meeting_date,
    i.title as item, a.owner, a.text as action, coalesce(a.due_date, a.due) as due,
    case when o.note is not null then substr(o.at, 1, 10) || ' (officer): ' || o.note
         when e.quote is not null then coalesce(e.meeting_date, 'undated') || ': ' || e.quote
    end as action_taken,
    a.status,
    case
      when a.status in ('done', 'superseded', 'dropped') then 'green'
      when a.due_date is not null and a.due_date < p.as_of then 'red'
      when a.due_date is null and (m.date is null
        or julianday(p.as_of) - julianday(m.date) >= p.red_after_days) then 'red'
      else 'amber' end as rag,
    case
      when a.status in ('done', 'superseded', 'dropped') then a.status
      when a.due_date is not null and a.due_date < p.as_of then 'overdue since ' || a.due_date
      when a.due_date is not null then 'due ' || a.due_date
      when m.date is null then 'no due date; meeting date unknown'
      else 'no due date; agreed '
        || cast(julianday(p.as_of) - julianday(m.date) as integer) || ' days ago' end
      as rag_reason,
    d.path as document_path, a.page, a.start_char, a.end_char
  from actions a
  cross join params p
  left join meetings m on m.id = a.meeting_id
  left join agenda_items i on i.id = a.item_id
  left join documents d on d.id = a.document_id
  left join latest_evidence e on e.subject_id = a.id and e.n = 1
  left join latest_note o on o.action_id = a.id and o.n = 1
  where (coalesce(:council, '') = '' or m.council like '%' || :council || '%')
    and (coalesce(:committee, '') = '' or m.committee like '%' || :committee || '%')
)
select * from rows
order by council is null, council, committee is null, committee, meeting_date is null, meeting_date,
  document_path, start_char"""

#: Output columns (json keys) and the headings a spreadsheet shows.
COLUMNS = {
    "reference": "Reference",
    "council": "Council",
    "committee": "Committee",
    "meeting_date": "Meeting date",
    "item": "Agenda item",
    "owner": "Directorate / owner",
    "action": "Action / recommendation",
    "due": "Due date",
    "action_taken": "Action taken (evidence)",
    "status": "Status",
    "rag": "RAG",
    "rag_reason": "Why",
    "source": "Source",
    "id": "Id",
}
RAG = ("red", "amber", "green")


@dataclass(frozen=True)
class TrackerQuery:
    as_of: str | None = None  # ISO date; None = today
    red_after_days: int = RED_AFTER_DAYS
    council: str | None = None
    committee: str | None = None
    rag: tuple[str, ...] = ()  # keep only these; () = all


def rule(days: int = RED_AFTER_DAYS) -> str:
    return RAG_RULE.format(days=days)


def tracker_rows(db: sqlite_utils.Database, q: TrackerQuery = TrackerQuery()) -> list[dict[str, Any]]:
    """The tracker's rows, by council, committee and meeting date."""
    as_of = q.as_of or date.today().isoformat()
    try:
        date.fromisoformat(as_of)
    except ValueError as exc:
        raise UsageError(f"bad --as-of date {as_of!r}: use YYYY-MM-DD") from exc
    if q.red_after_days < 0:
        raise UsageError("--red-after must not be negative")
    unknown = sorted(set(q.rag) - set(RAG))
    if unknown:
        raise UsageError(f"unknown RAG {unknown[0]!r}: use red, amber or green")
    params = {"as_of": as_of, "red_after_days": q.red_after_days, "council": q.council or "",
              "committee": q.committee or ""}
    conn = db.conn
    old = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(r) for r in conn.execute(SQL, params)]
    finally:
        conn.row_factory = old
    for row in rows:
        page = f" p.{row['page']}" if row["page"] is not None else ""
        row["source"] = f"{row['document_path']}{page} chars {row['start_char']}–{row['end_char']}"
    return [r for r in rows if not q.rag or r["rag"] in q.rag]


#: First characters a spreadsheet reads as a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with
    an apostrophe so it is shown as the text it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
