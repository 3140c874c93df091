"""Datasette plugin: search over facts, taking words as people type them.

/-/search?q=... searches actions, resolutions, amounts and agenda items
(the FTS5 tables of pipeline/store) and shows the best hits of each with the
matching words marked, linked to their pages, sources and meetings, and to
the whole list of hits in each kind's list view (facets still work there).

Queries go through pipeline.reports.fts.fts_query, so "anti-social
behaviour", "children's services" and "covid-19" work as typed while
"youth club" OR CCTV keeps its FTS meaning. The same function replaces
Datasette's ``escape_fts`` SQL function, which Datasette's own ``_search``
box calls, so table search behaves the same way.

Loaded by `minutes serve` through --plugins-dir (absolute imports only).
"""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from pipeline.reports.fts import fts_query
from pipeline.web import pages
from pipeline.web.search import HITS, KINDS, SOURCE_TABLE, Kind, escape_fts


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    # trylast: registered after Datasette's own escape_fts, so this one wins.
    conn.create_function("escape_fts", 1, escape_fts, deterministic=True)


async def _section(datasette: Any, db: Any, kind: Kind, q: str, limit: int) -> dict[str, Any]:
    match = fts_query(q, kind.columns)
    base = {"kind": kind, "match": match, "count": 0, "hits": [],
            "all_url": f"{datasette.urls.table(db.name, kind.listing)}?{urlencode({'_search': q})}"}
    if not match:
        return base
    count = await db.execute(f"select count(*) from {kind.fts} where {kind.fts} match ?", [match])
    hits = await pages.rows(db, kind.sql, {"match": match, "limit": limit})
    return {**base, "count": count.rows[0][0], "hits": hits, "table": SOURCE_TABLE[kind.key]}


async def search_page(datasette: Any, request: Any) -> Response:
    db = pages.database(datasette)
    q = (request.args.get("q") or "").strip()
    only = request.args.get("kind")
    kinds = [k for k in KINDS if only in (None, "", k.key)] or list(KINDS)
    sections = []
    if q and db is not None:
        for kind in kinds:
            sections.append(await _section(datasette, db, kind, q, HITS if len(kinds) > 1 else HITS * 5))
    context = {
        "q": q,
        "only": only or "",
        "kinds": KINDS,
        "sections": sections,
        "total": sum(s["count"] for s in sections),
        "fact_pages": pages.FACT_LISTS,
        **pages.template_helpers(datasette),
    }
    return Response.html(await datasette.render_template("search.html", context, request=request))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/search$", search_page)]
