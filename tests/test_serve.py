"""The Datasette UI in-process: metadata, facets, canned queries, the source
view plugin and its links. (tests/test_browser.py drives the real server.)"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("datasette")
import query_fixtures as fx
from datasette.app import Datasette
from ui_app import app, get

from pipeline.cli import main
from pipeline.web import launch
from pipeline.web.plugins.source_view import highlight


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Datasette:
    path = tmp_path_factory.mktemp("serve") / "council.db"
    fx.build(path).conn.close()
    launch.prepare(path)
    return app(path)


def test_metadata_is_keyed_by_the_store_name(ds: Datasette) -> None:
    meta = launch.metadata("elsewhere/council.db")
    assert "council" in meta["databases"] and "minutes" not in meta["databases"]
    assert {
        "open_actions_by_age",
        "money_by_scheme_by_year",
        "resolutions_by_theme",
        "scheme_timeline",
    } <= set(meta["databases"]["council"]["queries"])


def test_home_lists_canned_queries(ds: Datasette) -> None:
    page = get(ds, "/council").text
    for title in (
        "Open actions by age",
        "Money by scheme by year",
        "Resolutions by theme",
        "A scheme&#39;s timeline",
    ):
        assert title in page or html.unescape(title) in html.unescape(page)


def test_facets_on_the_actions_view(ds: Datasette) -> None:
    data = get(
        ds, "/council/actions_view.json?_facet_array=themes&_facet=status&_facet=council&_facet=year"
    ).json()
    facets = data["facet_results"]
    themes = {r["value"]: r["count"] for r in facets["themes"]["results"]}
    assert themes == {"Anti-social behaviour": 1, "CCTV": 1}
    assert {r["value"] for r in facets["status"]["results"]} == {"open", "done"}
    assert {r["value"] for r in facets["year"]["results"]} == {"2024"}


def test_metadata_facets_are_applied_by_default(ds: Datasette) -> None:
    facets = get(ds, "/council/actions_view.json").json()["facet_results"]
    assert {"themes", "status", "council", "committee", "year"} <= set(facets)


def test_open_actions_query_links_each_row_to_its_source(ds: Datasette) -> None:
    page = get(ds, "/council/open_actions_by_age").text
    links = re.findall(r'href="(/-/source/actions/[0-9a-f]+)"', page)
    assert len(links) == 1  # one open action in the fixture
    source = get(ds, links[0]).text
    mark = re.search(r'<mark id="fact">(.*?)</mark>', source, re.DOTALL)
    assert mark and html.unescape(mark.group(1)) == fx.ASB_ACTION


def test_fact_tables_link_text_to_source(ds: Datasette) -> None:
    page = get(ds, "/council/resolutions_view").text
    assert len(re.findall(r'href="/-/source/resolutions/[0-9a-f]+"', page)) == 2


def test_source_view_shows_page_meeting_and_item(ds: Datasette) -> None:
    page = get(ds, "/council/resolutions_view.json?_shape=array&council__contains=Redditch").json()
    (row,) = page
    source = get(ds, f"/-/source/resolutions/{row['id']}")
    assert source.status_code == 200
    text = html.unescape(source.text)
    assert "Redditch Borough Council" in text and "Crime and Disorder Scrutiny Panel" in text
    assert re.search(r'class="source-page">\s*2\s*<', source.text)
    assert (
        html.unescape(re.search(r'<mark id="fact">(.*?)</mark>', source.text, re.DOTALL).group(1))
        == fx.RESOLUTION1
    )
    assert 'data-page="2"' in source.text


def test_source_view_for_agenda_items(ds: Datasette) -> None:
    source = get(ds, "/-/source/agenda_items/d1-000")
    assert source.status_code == 200 and '<mark id="fact">' in source.text


@pytest.mark.parametrize(
    "path", ["/-/source/actions/nosuchid", "/-/source/documents/d0", "/-/source/sqlite_master/x"]
)
def test_source_view_404s(ds: Datasette, path: str) -> None:
    assert get(ds, path).status_code == 404


def test_canned_query_parameters(ds: Datasette) -> None:
    rows = get(ds, "/council/scheme_timeline.json?_shape=array&name=CCTV").json()
    assert [r["written_as"] for r in rows] == ["PCC's CCTV Capital Fund"]
    assert [r["amounts"] for r in rows] == [None]  # its £195,000 is in the next sentence
    rows = get(ds, "/council/resolutions_by_theme.json?_shape=array&theme=community+safety").json()
    assert len(rows) == 2
    rows = get(ds, "/council/money_by_scheme_by_year.json?_shape=array").json()
    assert rows == []  # no amount shares a sentence with a scheme's name in this fixture


def test_writes_are_refused(ds: Datasette) -> None:
    response = get(ds, "/council.json?sql=delete+from+actions")
    assert response.status_code == 400
    assert get(ds, "/council/actions.json?_shape=array").json()  # rows still there


def test_highlight_escapes_and_marks_pages() -> None:
    text = "a <b> fact & more"
    out = str(highlight(text, 2, 10, [(0, 1), (12, 2)]))
    assert out.startswith('a <mark id="fact">&lt;b&gt; fact</mark>')
    assert "<b>" not in out and "&amp;" in out
    # a page break is an empty element, so the document's text is unchanged
    assert re.sub(r"<[^>]+>", "", out) == html.escape(text, quote=False)
    assert 'data-page="2"' in out and 'data-page="1"' not in out


def test_serve_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "minutes ingest" in result.stderr
