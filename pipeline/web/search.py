"""What the fact search of `minutes serve` searches, and how.

Each kind of fact has an FTS5 table (pipeline/store/fts.py; agenda items
have their own) and a list view its hits are read from. Queries go through
pipeline.reports.fts.fts_query, so words are taken as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..reports.fts import fts_query
from ..store.fts import FACT_FTS
from . import pages

HITS = 10
SNIPPET_TOKENS = 24


@dataclass(frozen=True)
class Kind:
    key: str  # ?kind=
    label: str
    fts: str
    columns: tuple[str, ...]
    listing: str  # the list view (or table) to see every hit in
    sql: str  # hit rows: :match and :limit


def _fact_sql(table: str, listing: str, lead: str) -> str:
    fts = f"{table}_fts"
    return f"""select l.*, l.[{lead}] as lead,
  snippet({fts}, -1, '{pages.OPEN_MARK}', '{pages.CLOSE_MARK}', '…', {SNIPPET_TOKENS}) as snippet
from {fts} join {listing} l on l.rowid = {fts}.rowid
where {fts} match :match order by rank limit :limit"""


KINDS = (
    Kind("actions", "Actions", "actions_fts", tuple(c for c, _ in FACT_FTS["actions"]), "action_list",
         _fact_sql("actions", "action_list", "action")),
    Kind("resolutions", "Resolutions", "resolutions_fts", tuple(c for c, _ in FACT_FTS["resolutions"]),
         "resolution_list", _fact_sql("resolutions", "resolution_list", "resolution")),
    Kind("amounts", "Money", "amounts_fts", tuple(c for c, _ in FACT_FTS["amounts"]), "amount_list",
         _fact_sql("amounts", "amount_list", "amount")),
    Kind("items", "Agenda items", "agenda_items_fts", ("title", "text"), "agenda_items",
         f"""select i.id, i.title as lead, i.meeting_id as meeting, m.council, m.committee, m.date,
  snippet(agenda_items_fts, -1, '{pages.OPEN_MARK}', '{pages.CLOSE_MARK}', '…', {SNIPPET_TOKENS}) as snippet
from agenda_items_fts join agenda_items i on i.rowid = agenda_items_fts.rowid
left join meetings m on m.id = i.meeting_id
where agenda_items_fts match :match order by rank limit :limit"""),
)
#: Which table each kind's hits are spans of (for their source view and page).
SOURCE_TABLE = {
    "actions": "actions",
    "resolutions": "resolutions",
    "amounts": "amounts",
    "items": "agenda_items",
}


def escape_fts(query: str | None) -> str:
    """Datasette's escape_fts, the project's way: never a syntax error; a
    query with nothing searchable matches nothing."""
    return fts_query(query or "") or '""'
