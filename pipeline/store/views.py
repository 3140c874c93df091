"""The store's views: each fact with its meeting, item and document; the lists
the query commands, the tracker and Datasette read; and which amounts belong
to a scheme (the rules as data in store/scheme_money.py, declared here as two
views).
"""

from __future__ import annotations

from . import scheme_money as money
from .schema import FACT_TABLES


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
