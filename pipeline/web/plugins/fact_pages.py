"""Datasette plugin: readable pages for facts and meetings, and links in the lists.

/-/fact/actions/<id> and /-/fact/resolutions/<id> lead with the fact's words,
then council, committee, date, owner, due, status and themes, and list its
evidence and status history, each piece linked to its place in the minutes.
/-/meeting/<id> shows a meeting's documents and agenda items with what was
decided and agreed under each. In the *_list views, render_cell turns the
lead text, meeting, evidence, history and id columns into links and shows
the first characters of ids only.

Loaded by `minutes serve` through --plugins-dir (absolute imports only).
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from pipeline.web import pages

#: list view -> (lead text column, fact table)
LISTS = {"action_list": ("action", "actions"), "resolution_list": ("resolution", "resolutions"),
         "amount_list": ("amount", "amounts")}
CELL_CHARS = 300


def _not_found(message: str) -> Response:
    return Response.html(f"<h1>{escape(message)}</h1>", status=404)


async def fact_page(datasette: Any, request: Any) -> Response:
    table, fact_id = request.url_vars["table"], request.url_vars["id"]
    db = pages.database(datasette)
    if table not in pages.FACT_LISTS or db is None:
        return _not_found(f"No fact pages for {table}")
    listed = await pages.rows(db, f"select * from [{pages.FACT_LISTS[table]}] where id like ? || '%' limit 2",
                              [fact_id])
    if len(listed) != 1:
        return _not_found(f"{'No' if not listed else 'More than one'} {table[:-1]} with id {fact_id}")
    fact = listed[0]
    (row,) = await pages.rows(db, f"select * from [{table}] where id = ?", [fact["id"]])
    evidence = await pages.rows(
        db,
        "select e.*, d.path as document_path, m.council, m.committee from link_evidence e"
        " left join documents d on d.id = e.evidence_document_id left join meetings m on m.id = e.meeting_id"
        " where e.subject_id = ? order by e.meeting_date is null, e.meeting_date, e.start_char",
        [fact["id"]],
    )
    history = overrides = []
    if table == "actions":
        history = await pages.rows(db, "select * from action_status_changes where action_id = ? order by seq",
                                   [fact["id"]])
        overrides = await pages.rows(db, "select * from action_overrides where action_id = ? order by id",
                                     [fact["id"]])
    context = {
        "table": table,
        "kind": table[:-1],
        "fact": fact,
        "row": row,
        "text": fact.get("action") or fact.get("resolution"),
        "evidence": evidence,
        "history": history,
        "overrides": overrides,
        "list_url": datasette.urls.table(db.name, pages.FACT_LISTS[table]),
        **pages.template_helpers(datasette),
    }
    return Response.html(await datasette.render_template("fact.html", context, request=request))


async def meeting_page(datasette: Any, request: Any) -> Response:
    db = pages.database(datasette)
    meeting_id = request.url_vars["id"]
    found = await pages.rows(db, "select * from meetings where id = ?", [meeting_id]) if db else []
    if not found:
        return _not_found(f"No meeting {meeting_id}")
    meeting = found[0]
    documents = await pages.rows(
        db,
        "select id, path, format, source_url, pages, duplicate_of from documents "
        "where meeting_id = ? order by path",
        [meeting_id],
    )
    items = await pages.rows(
        db, "select id, number, title, document_id, page_start from agenda_items where meeting_id = ?"
        " order by document_id, ordinal", [meeting_id])
    facts: dict[str | None, dict[str, list[dict[str, Any]]]] = {}
    for table, cols in (
        ("resolutions", "is_noting"),
        ("actions", "status, owner, due"),
        ("amounts", "raw, value_gbp"),
    ):
        for f in await pages.rows(db, f"select id, item_id, text, {cols} from [{table}] where meeting_id = ?"
                                  " order by document_id, start_char", [meeting_id]):
            facts.setdefault(f["item_id"], {}).setdefault(table, []).append(f)
    known = {i["id"] for i in items}
    siblings = await pages.rows(
        db,
        "select id, date from meetings where council is ? and committee is ? and date is not null and id != ?"
        " and (council is not null or committee is not null) order by date",
        [meeting["council"], meeting["committee"], meeting_id],
    )
    date = meeting["date"] or ""
    context = {
        "meeting": meeting,
        "documents": documents,
        "items": items,
        "facts": facts,
        "loose": {k: v for k, v in facts.items() if k not in known},
        "previous": next((s for s in reversed(siblings) if date and s["date"] < date), None),
        "next": next((s for s in siblings if date and s["date"] > date), None),
        **pages.template_helpers(datasette),
    }
    return Response.html(await datasette.render_template("meeting.html", context, request=request))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/fact/(?P<table>[a-z_]+)/(?P<id>[0-9a-f]+)$", fact_page),
        (r"^/-/meeting/(?P<id>[^/]+)$", meeting_page),
    ]


def _count_link(href: str, n: int | None, one: str, many: str) -> Markup:
    count = int(n or 0)
    if not count:
        return Markup('<span class="none">none</span>')
    return pages.link(href, f"{count} {one if count == 1 else many}")


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Markup | None:
    """Links and short ids in the *_list views (their rows have an ``id``)."""
    if table not in LISTS:
        return None
    lead, fact_table = LISTS[table]
    try:
        fact_id = row["id"]
    except (IndexError, KeyError):
        return None
    has_page = fact_table in pages.FACT_LISTS
    page = pages.fact_url(datasette, fact_table, fact_id) if has_page else None
    source = pages.source_url(datasette, fact_table, fact_id)
    if column == lead and isinstance(value, str):
        shown = value if len(value) <= CELL_CHARS else value[:CELL_CHARS] + "…"
        text = pages.link(page, shown, "fact-link") if page else escape(shown)
        return Markup(f'{text} {pages.link(source, "source ›", "source-link")}')
    if column == "meeting":
        return pages.link(pages.meeting_url(datasette, value), "meeting ›") if value else Markup("")
    if column == "evidence" and page:
        return _count_link(f"{page}#evidence", value, "piece", "pieces")
    if column == "history" and page:
        return _count_link(f"{page}#history", value, "change", "changes")
    if column == "id":
        return pages.link(page or source, pages.short(value), "short-id")
    if column in ("themes", "item_themes"):
        return Markup(escape(pages.themes(value)))
    return None
