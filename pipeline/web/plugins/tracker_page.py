"""Datasette plugin: the landing page is the tracker.

templates/index.html replaces Datasette's list of tables; this plugin gives
it its data (outstanding actions by committee and age, recently closed
actions with their evidence, recent decisions, money by scheme and year,
problems) and the two Vega-Lite charts declared for datasette-dashboards in
metadata.yaml, which the page draws with that plugin's bundled scripts (no
CDN). Also adds the project's pages to Datasette's menu.

Loaded by `minutes serve` through --plugins-dir (absolute imports only).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl

from pipeline.store.views import AGE_BANDS
from pipeline.web import pages, tracker

DASHBOARD = "tracker"
#: Charts of the tracker dashboard shown on the landing page.
LANDING_CHARTS = ("actions-by-quarter", "money-by-scheme")
LIMITS = {"outstanding": 30, "closed": 8, "decisions": 8, "money": 10, "problems": 10}


def list_url(datasette: Any, db_name: str, view: str, **filters: object) -> str:
    """A list view with Datasette filters: None means "is empty"."""
    params: list[tuple[str, str]] = []
    for column, value in filters.items():
        if value is None:
            params.append((f"{column.split('__')[0]}__isnull", "1"))
        else:
            params.append((column, str(value)))
    return f"{datasette.urls.table(db_name, view)}?{urlencode(params)}"


def _outstanding_links(datasette: Any, db_name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each count links to the actions it counts."""
    status = ",".join(tracker.OUTSTANDING)
    for row in rows:
        where = {"council": row["council"], "committee": row["committee"], "status__in": status}
        row["hrefs"] = {
            band: list_url(datasette, db_name, "action_list", **where, age=band) for band in AGE_BANDS
        }
        row["hrefs"]["undated"] = list_url(datasette, db_name, "action_list", **where, age=None)
        row["hrefs"]["total"] = list_url(datasette, db_name, "action_list", **where)
    return rows


def chart_specs(datasette: Any) -> dict[str, dict[str, Any]]:
    """The landing page's charts as datasette-dashboards declares them, with
    the dashboard's optional filters (``[[ ... ]]``) left out."""
    from datasette_dashboards import replace_opts_in_query

    config = (datasette.plugin_config("datasette-dashboards") or {}).get(DASHBOARD, {})
    charts = config.get("charts", {})
    out = {}
    for slug in LANDING_CHARTS:
        if slug in charts:
            chart = dict(charts[slug])
            chart["query"] = replace_opts_in_query(chart.get("query", ""), {})
            out[slug] = chart
    return out


async def load(datasette: Any, db: Any) -> dict[str, Any]:
    counts = await pages.rows(db, tracker.COUNTS)
    outstanding = await pages.rows(db, tracker.OUTSTANDING_BY_AGE, {"limit": LIMITS["outstanding"]})
    money = await pages.rows(db, tracker.MONEY_BY_SCHEME_YEAR, {"limit": LIMITS["money"]})
    return {
        "counts": counts[0] if counts else {},
        "bands": AGE_BANDS,
        "outstanding": _outstanding_links(datasette, db.name, outstanding),
        "closed": await pages.rows(db, tracker.RECENTLY_CLOSED, {"limit": LIMITS["closed"]}),
        "decisions": await pages.rows(db, tracker.RECENT_DECISIONS, {"limit": LIMITS["decisions"]}),
        "money": tracker.money_rows(money),
        "problems": await pages.rows(db, tracker.PROBLEMS, {"limit": LIMITS["problems"]}),
        "lists": {
            name: datasette.urls.table(db.name, name)
            for name in ("action_list", "resolution_list", "amount_list")
        },
        "outstanding_url": list_url(
            datasette, db.name, "action_list", status__in=",".join(tracker.OUTSTANDING)
        ),
        "closed_url": list_url(datasette, db.name, "action_list", status__in=",".join(tracker.CLOSED)),
        "decisions_url": list_url(datasette, db.name, "resolution_list", kind="decision", _sort_desc="date"),
    }


@hookimpl
def extra_template_vars(template: str, view_name: str, datasette: Any, request: Any) -> Any:
    if view_name != "index":
        return {}

    async def inner() -> dict[str, Any]:
        db = pages.database(datasette)
        if db is None:
            return {}
        return {
            "tracker": await load(datasette, db),
            "tracker_charts": chart_specs(datasette),
            "absolute_url": datasette.absolute_url(request, datasette.urls.instance()),
            **pages.template_helpers(datasette),
        }

    return inner


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    db = pages.database(datasette)
    if db is None:
        return []
    return [
        {"href": datasette.urls.instance(), "label": "Tracker"},
        {"href": datasette.urls.path("/-/search"), "label": "Search facts"},
        {"href": datasette.urls.table(db.name, "action_list"), "label": "Actions"},
        {"href": datasette.urls.table(db.name, "resolution_list"), "label": "Decisions"},
        {"href": datasette.urls.table(db.name, "amount_list"), "label": "Money"},
        {"href": datasette.urls.path(f"/-/dashboards/{DASHBOARD}"), "label": "Charts"},
        {"href": datasette.urls.database(db.name), "label": "All tables and queries"},
    ]
