"""Helpers the web plugins share: the store's database, rows as dicts, the
URLs of the project's pages and the way ids and snippets are shown.

The plugins in plugins/ are loaded by Datasette one file at a time, so what
they share lives here, in the package, and they import it absolutely.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

#: Snippet markers: private-use characters no minutes contain, turned into
#: <mark> only after the text around them has been escaped.
OPEN_MARK, CLOSE_MARK = "\ue000", "\ue001"
SHORT_ID = 8

#: Fact tables with a readable page at /-/fact/<table>/<id>, and the list view of each.
FACT_LISTS = {"actions": "action_list", "resolutions": "resolution_list"}


def database(datasette: Any) -> Any:
    """The store: the first database that is not one of Datasette's own."""
    for name, db in datasette.databases.items():
        if not name.startswith("_"):
            return db
    return None


async def rows(db: Any, sql: str, params: Any = None) -> list[dict[str, Any]]:
    result = await db.execute(sql, params or [])
    return [dict(r) for r in result.rows]


def short(fact_id: object) -> str:
    """Enough of a content hash to tell facts apart by eye (`minutes action`
    takes any unique prefix)."""
    return str(fact_id or "")[:SHORT_ID]


def themes(value: object) -> str:
    """A JSON array of themes as words ("" for none or for something else)."""
    try:
        items = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return ""
    return ", ".join(str(t) for t in items) if isinstance(items, list) else ""


def marked(snippet: str | None) -> Markup:
    """An FTS5 snippet with its markers as <mark>, everything else escaped."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(OPEN_MARK, "<mark>").replace(CLOSE_MARK, "</mark>"))


def pounds(value: float | None) -> str:
    """£1.2m, £350k, £900: the sizes a reader compares at a glance."""
    if value is None:
        return ""
    v = float(value)
    if abs(v) >= 1_000_000_000:
        return f"£{v / 1_000_000_000:,.1f}bn"
    if abs(v) >= 1_000_000:
        return f"£{v / 1_000_000:,.1f}m".replace(".0m", "m")
    if abs(v) >= 10_000:
        return f"£{v / 1_000:,.0f}k"
    return f"£{v:,.0f}"


def fact_url(datasette: Any, table: str, fact_id: str) -> str:
    return str(datasette.urls.path(f"/-/fact/{table}/{fact_id}"))


def source_url(datasette: Any, table: str, row_id: str) -> str:
    return str(datasette.urls.path(f"/-/source/{table}/{row_id}"))


def meeting_url(datasette: Any, meeting_id: str) -> str:
    return str(datasette.urls.path(f"/-/meeting/{meeting_id}"))


def link(href: str, label: str, cls: str = "") -> Markup:
    klass = f' class="{escape(cls)}"' if cls else ""
    return Markup(f'<a href="{escape(href)}"{klass}>{escape(label)}</a>')


def template_helpers(datasette: Any) -> dict[str, Any]:
    """Functions the project's templates call to build links and labels."""
    db = database(datasette)
    return {
        "store_name": db.name if db else "",
        "fact_url": lambda table, fid: fact_url(datasette, table, fid),
        "source_url": lambda table, rid: source_url(datasette, table, rid),
        "meeting_url": lambda mid: meeting_url(datasette, mid),
        "short_id": short,
        "theme_words": themes,
        "marked": marked,
        "pounds": pounds,
    }
