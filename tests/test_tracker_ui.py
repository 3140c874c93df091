"""The tracker UI in-process: the landing page, charts, fact and meeting
pages, list views and the search over facts, on the tracker fixture (whose
meeting ages and follow-through are known). tests/test_browser.py drives the
real server in Chromium."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytest.importorskip("datasette")
pytest.importorskip("datasette_dashboards")
import query_fixtures as fx
import tracker_fixtures as tf
from datasette.app import Datasette
from datasette_dashboards import replace_opts_in_query
from lxml import html as lhtml
from ui_app import app, get

from pipeline.web import launch

DB = "council"


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Datasette:
    path = tmp_path_factory.mktemp("tracker") / f"{DB}.db"
    tf.build(path).conn.close()
    launch.prepare(path)
    return app(path)


def page(ds: Datasette, path: str) -> lhtml.HtmlElement:
    response = get(ds, path)
    assert response.status_code == 200, (path, response.text[:500])
    return lhtml.fromstring(response.text)


def text_of(el: lhtml.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def band(days: int) -> str:
    """The tracker's age bands, from the fixture's ages in days (all far from a boundary)."""
    return (
        "0–3 months"
        if days < 85
        else "3–6 months"
        if days < 175
        else "6–12 months"
        if days < 355
        else "12+ months"
    )


#: Outstanding actions of the fixture: (council, meeting id).
OUTSTANDING = [(tf.BROMSGROVE[0], "m0"), (tf.REDDITCH[0], "m1"), (tf.REDDITCH[0], "m2"),
               (tf.BROMSGROVE[0], "m3"), (tf.REDDITCH[0], "m4")]


def test_the_landing_page_counts_outstanding_actions_by_committee_and_age(ds: Datasette) -> None:
    doc = page(ds, "/")
    rows = doc.cssselect("#outstanding table tbody tr")
    headers = [text_of(th) for th in doc.cssselect("#outstanding table thead th")]
    assert headers[:2] == ["Council", "Committee"]
    table = {text_of(r[0]): dict(zip(headers[2:], (text_of(td) for td in r[2:]))) for r in rows}
    for council in (tf.BROMSGROVE[0], tf.REDDITCH[0]):
        want = {b: 0 for b in ("0–3 months", "3–6 months", "6–12 months", "12+ months")}
        for c, mid in OUTSTANDING:
            if c == council:
                want[band(tf.AGES_DAYS[mid])] += 1
        got = table[council]
        assert {b: int(got[b]) for b in want} == want
        assert int(got["total"]) == sum(want.values())


def test_each_count_lists_the_actions_it_counts(ds: Datasette) -> None:
    doc = page(ds, "/")
    links = [a for a in doc.cssselect("#outstanding tbody td.num a")]
    assert links
    for a in links:
        href = a.get("href")
        listed = get(ds, href.replace("/action_list?", "/action_list.json?") + "&_shape=array").json()
        assert len(listed) == int(text_of(a)), href
        assert {r["status"] for r in listed} <= {"open", "in progress"}


def test_recently_closed_actions_show_their_evidence(ds: Datasette) -> None:
    doc = page(ds, "/")
    closed = text_of(doc.cssselect("#closed")[0])
    assert fx.CAMERA_ACTION in closed and tf.CLOSING_QUOTE in closed
    (evidence,) = [a.get("href") for a in doc.cssselect("#closed a") if "evidence" in a.text_content()]
    source = get(ds, evidence)
    assert source.status_code == 200
    mark = re.search(r'<mark id="fact">(.*?)</mark>', source.text, re.DOTALL)
    assert mark and html.unescape(mark.group(1)) == tf.CLOSING_QUOTE


def test_recent_decisions_leave_out_what_was_only_noted(ds: Datasette) -> None:
    decisions = text_of(page(ds, "/").cssselect("#decisions")[0])
    assert tf.PACKS_ACTION in decisions and tf.MINUTES_DECISION in decisions
    assert fx.RESOLUTION0 not in decisions and fx.RESOLUTION1 not in decisions


def test_money_by_scheme_and_problems_are_on_the_landing_page(ds: Datasette) -> None:
    doc = page(ds, "/")
    money = {text_of(r[0]): text_of(r[1]) for r in doc.cssselect("#money tbody tr")}
    # only £20,000 is in a sentence naming the fund; the £139,250 ring-fenced grant and the £40k for
    # CCTV improvements are in other bullets than the schemes' names, so no scheme gets them
    assert money == {"PCC's CCTV Capital Fund": "£20k"}
    problems = text_of(doc.cssselect("#problems")[0])
    assert tf.FAILED_PATH in problems and tf.FAILED_MESSAGE in problems


def test_charts_are_vega_lite_served_from_this_server(ds: Datasette) -> None:
    doc = page(ds, "/")
    assert {d.get("id") for d in doc.cssselect(".tracker-chart")} == {
        "chart-actions-by-quarter",
        "chart-money-by-scheme",
    }
    scripts = [s.get("src") for s in doc.cssselect("script[src]")]
    assert not [
        s for s in scripts if s.startswith(("http:", "https:", "//"))
    ]  # no CDN: the browser test is offline
    vega = [s for s in scripts if s.endswith(("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"))]
    assert len(vega) == 3
    for src in vega:
        assert get(ds, src).status_code == 200
    assert get(ds, "/-/dashboards/tracker/actions-by-quarter").status_code == 200


def _chart_rows(ds: Datasette, slug: str, council: str = "") -> list[dict]:
    chart = launch.metadata(f"{DB}.db")["plugins"]["datasette-dashboards"]["tracker"]["charts"][slug]
    assert chart["db"] == DB and chart["library"] == "vega-lite"
    sql = replace_opts_in_query(chart["query"], {"council": council})
    return get(ds, f"/{DB}.json?" + urlencode({"sql": sql, "council": council, "_shape": "array"})).json()


def test_the_quarter_chart_counts_actions_opened_and_closed(ds: Datasette) -> None:
    rows = _chart_rows(ds, "actions-by-quarter")
    got = {(r["quarter"], r["series"]): r["actions"] for r in rows}
    want: dict[tuple[str, str], int] = {}
    for mid in ("m0", "m0", "m1", "m2", "m3", "m4"):  # m0 agreed two actions
        want[(tf.quarter(tf.day(mid)), "opened")] = want.get((tf.quarter(tf.day(mid)), "opened"), 0) + 1
    want[(tf.quarter(tf.day("m4")), "closed")] = 1  # the camera action, closed on evidence at m4
    assert got == want
    only = _chart_rows(ds, "actions-by-quarter", council=tf.BROMSGROVE[0])
    assert sum(r["actions"] for r in only if r["series"] == "opened") == 3


def test_the_money_chart_sums_each_scheme_per_year(ds: Datasette) -> None:
    rows = _chart_rows(ds, "money-by-scheme")
    got = {(r["scheme"], r["year"]): r["pounds"] for r in rows}
    want: dict[tuple[str, str], float] = {}
    for scheme, mid, value in (("PCC's CCTV Capital Fund", "m1", 20000.0),):
        key = (scheme, tf.day(mid)[:4])
        want[key] = want.get(key, 0.0) + value
    assert got == want


def _camera(ds: Datasette) -> str:
    (row,) = get(ds, f"/{DB}/action_list.json?_shape=array&" + urlencode({"action": fx.CAMERA_ACTION})).json()
    return str(row["id"])


def test_an_action_page_leads_with_its_text_and_links_meeting_source_evidence(ds: Datasette) -> None:
    camera = _camera(ds)
    doc = page(ds, f"/-/fact/actions/{camera[:8]}")  # a prefix is enough
    assert text_of(doc.cssselect("blockquote.lead")[0]) == fx.CAMERA_ACTION
    hrefs = {a.get("href") for a in doc.cssselect("a")}
    assert "/-/meeting/m0" in hrefs
    assert f"/-/source/actions/{camera}" in hrefs
    assert "/-/source/link_evidence/ev-camera" in hrefs
    assert f"/-/source/action_status_changes/{camera}-1" in hrefs
    meta = {text_of(dt): text_of(dd) for dt, dd in zip(doc.cssselect("dl.fact-meta-list dt"),
                                                       doc.cssselect("dl.fact-meta-list dd"))}
    assert meta["Council"] == tf.BROMSGROVE[0] and meta["Committee"] == tf.BROMSGROVE[1]
    assert meta["Date"] == tf.day("m0") and meta["Themes"] == "CCTV"
    assert meta["Status"].startswith("done")
    assert meta["Id"].startswith(camera[:8]) and camera not in meta["Id"]
    history = [text_of(li) for li in doc.cssselect("ol.status-history li")]
    assert len(history) == 2 and history[0].startswith("open") and history[1].startswith("done")
    assert tf.CLOSING_QUOTE in history[1]


@pytest.mark.parametrize("path", ["/-/fact/actions/ffffffff", "/-/fact/amounts/0a", "/-/fact/documents/d0",
                                  "/-/meeting/nosuch"])
def test_unknown_facts_and_meetings_are_404(ds: Datasette, path: str) -> None:
    assert get(ds, path).status_code == 404


def test_a_meeting_page_lists_its_items_and_facts(ds: Datasette) -> None:
    doc = page(ds, "/-/meeting/m4")
    body = text_of(doc)
    assert tf.PLAN_ACTION in body and tf.MINUTES_DECISION in body and "£139,250" in body
    assert "corpus/004_24f810791b9eb09d.txt" in body
    previous = [a.get("href") for a in doc.cssselect(".fact-links a") if "previous" in a.text_content()]
    assert previous == ["/-/meeting/m1"]  # the same committee's meeting before (m2 is older still)


def test_the_action_list_leads_with_text_and_shows_short_linked_ids(ds: Datasette) -> None:
    doc = page(ds, f"/{DB}/action_list")
    headers = [th.get("data-column") for th in doc.cssselect("table.rows-and-columns thead th")]
    assert headers[1:9] == ["action", "council", "committee", "date", "owner", "due", "status", "themes"]
    ids = doc.cssselect("td.col-id a")
    assert ids and all(len(text_of(a)) == 8 and a.get("href").startswith("/-/fact/actions/") for a in ids)
    assert all(a.get("href").startswith("/-/meeting/") for a in doc.cssselect("td.col-meeting a"))
    assert [text_of(td) for td in doc.cssselect("td.col-themes")].count("Community safety") >= 4  # not JSON
    facets = get(ds, f"/{DB}/action_list.json").json()["facet_results"]
    assert {"status", "themes", "council", "committee", "year", "age"} <= set(facets)


def search_page(ds: Datasette, q: str, kind: str = "") -> dict[str, list[str]]:
    doc = page(ds, "/-/search?" + urlencode({"q": q, "kind": kind}))
    return {s.get("id").removeprefix("hits-"): [text_of(a) for a in s.cssselect(".search-hit .fact-link")]
            for s in doc.cssselect("section.search-section")}


def test_fact_search_takes_words_as_typed(ds: Datasette) -> None:
    hits = search_page(ds, "2024-27")
    assert sorted(hits["actions"]) == sorted([tf.PLAN_ACTION, tf.AGREED_PLAN_ACTION])
    # the minutes write “the PCC’s force-wide commissioning” beside £50k, with a typographic apostrophe
    assert search_page(ds, "PCC's force-wide")["amounts"] == ["£50k"]
    assert search_page(ds, '"action plan" AND Worcestershire', kind="actions") == {
        "actions": [tf.AGREED_PLAN_ACTION]
    }
    assert search_page(ds, "anti-social behaviour")["items"]  # agenda items too
    assert search_page(ds, "NOT anything") == {}


def test_list_view_search_keeps_fts_syntax_and_hyphens(ds: Datasette) -> None:
    """Datasette's own search box goes through the project's escape_fts."""
    def found(q: str) -> set[str]:
        rows = get(ds, f"/{DB}/action_list.json?_shape=array&" + urlencode({"_search": q})).json()
        return {r["action"] for r in rows}

    assert found("Worcestershire OR Neighbour") == {tf.AGREED_PLAN_ACTION, tf.PACKS_ACTION}
    assert found("2024-27") == {tf.PLAN_ACTION, tf.AGREED_PLAN_ACTION}
    assert found("Members AND NOT Neighbour") == {tf.UPDATE_ACTION, fx.CAMERA_ACTION}
    assert get(ds, f"/{DB}/action_list?_search=").status_code == 200


def test_evidence_has_a_source_view_that_links_back(ds: Datasette) -> None:
    doc = page(ds, "/-/source/link_evidence/ev-camera")
    assert text_of(doc.cssselect("mark#fact")[0]) == tf.CLOSING_QUOTE
    back = [a.get("href") for a in doc.cssselect("a.fact-page-link")]
    assert back == [f"/-/fact/actions/{_camera(ds)}"]
    assert "/-/meeting/m4" in {a.get("href") for a in doc.cssselect("a.meeting-link")}


def test_metadata_names_the_charts_database(tmp_path: Path) -> None:
    meta = launch.metadata(tmp_path / "elsewhere.db")
    dash = meta["plugins"]["datasette-dashboards"]["tracker"]
    assert {c["db"] for c in dash["charts"].values()} == {"elsewhere"}
    assert dash["filters"]["council"]["db"] == "elsewhere"
