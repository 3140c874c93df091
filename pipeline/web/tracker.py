"""What the landing page of `minutes serve` shows: the tracker.

Plain SQL over the store's views (pipeline/store/views.py), run by the
tracker plugin through Datasette's read-only connection. Kept here, apart from
the plugin, so tests can run the same queries on a store directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.views import AGE_BANDS

OUTSTANDING = ("open", "in progress")
CLOSED = ("done", "superseded", "dropped")
_OUT = ", ".join(f"'{s}'" for s in OUTSTANDING)
_CLOSED = ", ".join(f"'{s}'" for s in CLOSED)

#: Outstanding actions per council and committee, counted by how long ago the meeting was.
OUTSTANDING_BY_AGE = f"""select council, committee,
  {", ".join(f"count(case when age = '{band}' then 1 end) as [{band}]" for band in AGE_BANDS)},
  count(case when age is null then 1 end) as undated, count(*) as total
from action_list where status in ({_OUT})
group by council, committee
order by total desc, council, committee
limit :limit"""

#: The change that closed each closed action: its date (meeting of the evidence, or the officer's override).
_CLOSING = f"""select c.* from action_status_changes c join actions a on a.id = c.action_id
where a.status in ({_CLOSED})
  and c.seq = (select max(x.seq) from action_status_changes x where x.action_id = c.action_id)"""

RECENTLY_CLOSED = f"""select a.id, a.action, a.council, a.committee, a.date, a.status,
  c.id as change_id, c.at as closed_on, c.rule, c.quote, c.evidence_document_id
from action_list a join ({_CLOSING}) c on c.action_id = a.id
order by c.at is null, c.at desc, a.date desc
limit :limit"""

RECENT_DECISIONS = """select id, resolution, council, committee, date, item, evidence, meeting
from resolution_list where kind = 'decision'
order by date is null, date desc, rowid desc
limit :limit"""

#: Schemes with the most money linked to them (suspect amounts left out).
_TOP_SCHEMES = """select sa.scheme_id from scheme_amounts sa where sa.suspect is null
group by sa.scheme_id order by sum(sa.value_gbp) desc limit :limit"""

MONEY_BY_SCHEME_YEAR = f"""select s.id as scheme_id, s.name as scheme,
  coalesce(substr(m.date, 1, 4), 'undated') as year,
  sum(sa.value_gbp) as total_gbp, count(*) as amounts
from scheme_amounts sa join schemes s on s.id = sa.scheme_id
left join meetings m on m.id = sa.meeting_id
where sa.suspect is null and sa.scheme_id in ({_TOP_SCHEMES})
group by s.id, year
order by s.name, year"""

#: Each file's latest failure, unless the file was stored after it.
PROBLEMS = """select p.path, p.stage, p.message, p.at from problems p
where p.id = (select max(q.id) from problems q where q.path = p.path)
  and not exists (select 1 from documents d where d.path = p.path and d.ingested_at > p.at)
order by p.at desc, p.id desc
limit :limit"""

COUNTS = f"""select
  (select count(*) from actions where status in ({_OUT})) as outstanding,
  (select count(*) from actions where status in ({_CLOSED})) as closed,
  (select count(*) from actions) as actions,
  (select count(*) from resolutions where not is_noting) as decisions,
  (select count(*) from meetings) as meetings,
  (select count(*) from documents) as documents,
  (select count(*) from problems) as problem_rows"""

@dataclass(frozen=True)
class MoneyRow:
    scheme_id: str
    scheme: str
    total_gbp: float
    by_year: tuple[tuple[str, float], ...]


def money_rows(rows: list[dict[str, object]]) -> list[MoneyRow]:
    """(scheme, year) rows folded into one row per scheme, biggest first."""
    grouped: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        grouped.setdefault(str(r["scheme_id"]), []).append(r)
    out = []
    for sid, rs in grouped.items():
        by_year = tuple((str(r["year"]), float(str(r["total_gbp"] or 0))) for r in rs)
        out.append(MoneyRow(sid, str(rs[0]["scheme"]), sum(v for _, v in by_year), by_year))
    return sorted(out, key=lambda m: (-m.total_gbp, m.scheme))

