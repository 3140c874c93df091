"""Datasette plugin: a source view for every fact, and links to it.

/-/source/<table>/<id> shows the fact's document text with the fact's span in
<mark id="fact"> and page boundaries marked, so a researcher can check any
extracted fact against what the minutes say. Evidence (link_evidence) and
status changes (action_status_changes) are spans too: of the later document. render_cell turns fact texts in
tables and views, and "source" columns of canned queries, into links there.

Loaded by `minutes serve` through --plugins-dir (only absolute imports here:
Datasette imports this file on its own, not as part of the package).
"""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

#: Tables whose rows are spans of a document (view name -> table).
SPAN_TABLES = {
    "resolutions": "resolutions", "actions": "actions", "amounts": "amounts",
    "scheme_mentions": "scheme_mentions", "agenda_items": "agenda_items",
    "resolutions_view": "resolutions", "actions_view": "actions", "amounts_view": "amounts",
    "scheme_mentions_view": "scheme_mentions",
}
#: Span tables whose document, text and agenda item columns are named otherwise.
SPAN_COLUMNS = {
    "link_evidence": ("evidence_document_id", "quote", "evidence_item_id"),
    "action_status_changes": ("evidence_document_id", "quote", None),
    "agenda_items": ("document_id", "title", "id"),
}
DEFAULT_COLUMNS = ("document_id", "text", "item_id")
#: What a row of each table is, for headings.
LABELS = {
    "actions": "an action", "resolutions": "a resolution", "amounts": "an amount",
    "scheme_mentions": "a scheme mention", "agenda_items": "an agenda item",
    "link_evidence": "evidence", "action_status_changes": "a status change",
}
SOURCE_PREFIX = "/-/source/"
CELL_CHARS = 300


def _database(datasette: Any) -> Any:
    for name, db in datasette.databases.items():
        if not name.startswith("_"):
            return db
    return None


def _page_breaks(page_map: str | None) -> list[tuple[int, int]]:
    try:
        return [(int(start), int(page)) for start, page in json.loads(page_map or "[]")]
    except (ValueError, TypeError):
        return []


def highlight(text: str, start: int, end: int, breaks: list[tuple[int, int]]) -> Markup:
    """The document as HTML: the span in <mark id="fact">, each page start as an
    empty element whose label is CSS-generated (so it is not part of the text)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    cuts = sorted({0, start, end, len(text), *(b for b, _ in breaks if 0 < b < len(text))})
    pages = dict(breaks)
    out: list[str] = []
    for a, b in pairwise(cuts):
        if a == start:
            out.append('<mark id="fact">')
        if a in pages and a > 0:
            out.append(f'<span class="page-break" data-page="{int(pages[a])}"></span>')
        out.append(str(escape(text[a:b])))
        if b == end:
            out.append("</mark>")
    if start == end:
        out.insert(0, '<mark id="fact"></mark>')
    return Markup("".join(out))


async def source_view(datasette: Any, request: Any) -> Response:
    table = request.url_vars["table"]
    fact_id = request.url_vars["id"]
    base = SPAN_TABLES.get(table) or (table if table in SPAN_COLUMNS else None)
    db = _database(datasette)
    if base is None or db is None:
        return Response.html(f"<h1>No source view for {escape(table)}</h1>", status=404)
    fact = (await db.execute(f"select * from [{base}] where id = ?", [fact_id])).first()
    if fact is None:
        return Response.html(f"<h1>No {escape(base)} row {escape(fact_id)}</h1>", status=404)
    fact = dict(fact)
    doc_column, text_column, item_column = SPAN_COLUMNS.get(base, DEFAULT_COLUMNS)
    doc = (await db.execute("select * from documents where id = ?", [fact[doc_column]])).first()
    if doc is None:
        return Response.html("<h1>The fact's document is not in the store</h1>", status=404)
    meeting_id = fact.get("meeting_id") or doc["meeting_id"]
    meeting = (await db.execute("select * from meetings where id = ?", [meeting_id])).first()
    item_id = fact.get(item_column) if item_column else None
    item = (await db.execute("select number, title from agenda_items where id = ?", [item_id])).first()
    text = doc["text"] or ""
    start, end = int(fact["start_char"] or 0), int(fact["end_char"] or 0)
    page = fact.get("page", fact.get("page_start")) or _page_at(start, _page_breaks(doc["page_map"]))
    context = {
        "table": base,
        "label": LABELS.get(base, base),
        "fact": fact,
        "fact_text": fact.get(text_column),
        "fact_page": _fact_page(datasette, base, fact),
        "meeting_url": datasette.urls.path(f"/-/meeting/{meeting_id}") if meeting else None,
        "span_text": text[start:end],
        "page": page,
        "doc": dict(doc),
        "meeting": dict(meeting) if meeting else {},
        "item": dict(item) if item else {},
        "database": db.name,
        "document_html": highlight(text, start, end, _page_breaks(doc["page_map"])),
        "extra": {k: v for k, v in fact.items()
                  if k not in {"id", doc_column, "meeting_id", "item_id", text_column, "text"}},
    }
    html = await datasette.render_template("source.html", context, request=request)
    return Response.html(html)


def _page_at(start: int, breaks: list[tuple[int, int]]) -> int | None:
    """The page a character offset falls on (for spans that store no page)."""
    page = None
    for at, number in breaks:
        if at <= start:
            page = number
    return page


def _fact_page(datasette: Any, table: str, row: dict[str, Any]) -> str | None:
    """The readable page of the action or resolution this span is, or is evidence for."""
    if table in ("actions", "resolutions"):
        return str(datasette.urls.path(f"/-/fact/{table}/{row['id']}"))
    if table == "link_evidence" and row.get("subject_kind") in ("action", "resolution"):
        return str(datasette.urls.path(f"/-/fact/{row['subject_kind']}s/{row['subject_id']}"))
    if table == "action_status_changes":
        return str(datasette.urls.path(f"/-/fact/actions/{row['action_id']}"))
    return None


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/source/(?P<table>[a-z_]+)/(?P<id>[^/]+)$", source_view)]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Markup | None:
    """A fact's text (an agenda item's title) -> the text plus a link to its
    source view; '/-/source/…' values in canned queries -> a link."""
    if column == "source" and isinstance(value, str) and value.startswith(SOURCE_PREFIX):
        return Markup(f'<a class="source-link" href="{escape(datasette.urls.path(value))}">source ›</a>')
    text_column = "title" if SPAN_TABLES.get(table or "") == "agenda_items" else "text"
    if table not in SPAN_TABLES or column != text_column or not isinstance(value, str):
        return None
    try:
        fact_id = row["id"]
    except (IndexError, KeyError):
        return None
    href = datasette.urls.path(f"{SOURCE_PREFIX}{SPAN_TABLES[table]}/{fact_id}")
    shown = value if len(value) <= CELL_CHARS else value[:CELL_CHARS] + "…"
    return Markup(f'{escape(shown)} <a class="source-link" href="{escape(href)}">source ›</a>')
