"""A real browser against `minutes serve`, offline: the tracker landing page
and its charts, an action's page and the pages it links to (meeting, source,
evidence), a search over facts, and a canned query followed to its source.
Takes screenshots: tracker.png, chart.png, action.png, search.png and
screenshot.png (the source view). They go to a temporary folder, or to docs/
for the README when MINUTES_SCREENSHOTS=docs is set (so an ordinary test run
leaves the work tree as it was)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import query_fixtures as fx
import tracker_fixtures as tf
from served import served

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent
DOCS = (
    ROOT / "docs"
    if os.environ.get("MINUTES_SCREENSHOTS") == "docs"
    else Path(tempfile.mkdtemp(prefix="shots-"))
)
SCREENSHOT = DOCS / "screenshot.png"

pytestmark = pytest.mark.browser
#: Bars of the opened/closed chart: a quarter and series for each fixture meeting with an action, and the
#: closing.
OPENED_CLOSED_BARS = len({(tf.quarter(tf.day(m)), "opened") for m in ("m0", "m1", "m2", "m3", "m4")}) + 1


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    pytest.importorskip("datasette")
    db = tmp_path_factory.mktemp("browser") / "minutes.db"
    tf.build(db).conn.close()
    with served(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page that may load nothing but the server's own URLs (no CDN), and
    that records script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.outside = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            pg.outside.append(route.request.url)
            route.abort()

    pg.route("**/*", only_local)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    try:
        yield pg
    finally:
        context.close()
    assert pg.outside == [], "the UI asked for something off this server"
    assert pg.errors == []


def shoot(pg: Any, name: str, *, full_page: bool = False, down_to: str | None = None) -> Path:
    """Save a screenshot in DOCS; ``down_to`` cuts it below that element."""
    path = DOCS / name
    DOCS.mkdir(parents=True, exist_ok=True)
    clip = None
    if down_to:
        box = pg.locator(down_to).bounding_box()
        clip = {"x": 0, "y": 0, "width": 1280, "height": box["y"] + box["height"] + 24}
    pg.screenshot(path=str(path), full_page=full_page, clip=clip)
    assert path.stat().st_size > 10_000
    return path


def wait_for_chart(pg: Any, slug: str, bars: int) -> None:
    """Vega draws the chart as SVG inside its element, one path per bar."""
    pg.wait_for_selector(f"#chart-{slug} svg .mark-rect path", timeout=30_000)
    assert pg.locator(f"#chart-{slug} svg .mark-rect path").count() == bars
    width = pg.eval_on_selector(f"#chart-{slug} svg", "e => e.clientWidth")
    assert width > 300


def test_tracker_landing_page_and_a_chart(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert "tracker" in page.title()
    assert page.locator("#outstanding tbody tr").count() == 2
    assert fx.CAMERA_ACTION in page.locator("#closed").inner_text()
    wait_for_chart(page, "actions-by-quarter", bars=OPENED_CLOSED_BARS)
    wait_for_chart(
        page, "money-by-scheme", bars=1
    )  # one scheme has money (in a sentence naming it), one year
    shoot(page, "tracker.png", full_page=True)
    page.click("#card-actions-by-quarter h2 a")
    page.wait_for_url("**/-/dashboards/tracker/actions-by-quarter")
    wait_for_chart(
        page, "tracker", bars=OPENED_CLOSED_BARS
    )  # the chart page names its element after the dashboard
    shoot(page, "chart.png", down_to="#chart-tracker svg.marks")


def test_an_action_page_links_its_meeting_source_and_evidence(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.click(f"#closed a.fact-link:has-text('{fx.CAMERA_ACTION}')")
    page.wait_for_url("**/-/fact/actions/*")
    assert page.locator("blockquote.lead").inner_text().strip() == fx.CAMERA_ACTION
    assert page.locator("ol.status-history li").count() == 2
    action_url = page.url
    shoot(page, "action.png", full_page=True)

    page.click("a.fact-source")  # its source: the action highlighted in its minutes
    page.wait_for_selector("mark#fact")
    assert page.locator("mark#fact").inner_text().strip() == fx.CAMERA_ACTION

    page.goto(action_url)
    page.click("a.evidence-link")  # the evidence: a later meeting's minutes, highlighted
    page.wait_for_selector("mark#fact")
    assert page.locator("mark#fact").inner_text().strip() == tf.CLOSING_QUOTE
    assert page.locator("mark#fact").is_visible()

    page.goto(action_url)
    page.click("a.meeting-link")  # its meeting lists it under its agenda item
    page.wait_for_url("**/-/meeting/m0")
    assert fx.CAMERA_ACTION in page.locator("section.agenda-item").first.inner_text()


def test_a_search_over_facts_from_the_landing_page(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.fill(".fact-search input[name=q]", '"action plan" 2024-27')
    page.press(".fact-search input[name=q]", "Enter")
    page.wait_for_url("**/-/search?*")
    hits = [t.strip() for t in page.locator("#hits-actions .search-hit a.fact-link").all_inner_texts()]
    assert sorted(hits) == sorted([tf.PLAN_ACTION, tf.AGREED_PLAN_ACTION])
    assert page.locator("#hits-actions mark").first.is_visible()
    shoot(page, "search.png")
    page.click("#hits-actions a.all-hits")  # the same search in the actions list, with facets
    page.wait_for_selector("table.rows-and-columns")
    assert page.locator("table.rows-and-columns tbody tr").count() == 2


def test_canned_query_to_highlighted_source(page: Any, server: str) -> None:
    page.goto(server + "/minutes")
    page.click("text=Open actions by age")
    row = page.locator("table.rows-and-columns tbody tr", has_text=fx.ASB_ACTION)
    assert row.locator("td.col-text").inner_text().strip() == fx.ASB_ACTION
    row.locator("a.source-link").click()
    page.wait_for_selector("mark#fact")
    assert "/-/source/actions/" in page.url
    assert page.locator("mark#fact").inner_text().strip() == fx.ASB_ACTION
    assert page.locator("dd.source-page").inner_text().strip() == "1"
    assert page.locator("mark#fact").is_visible()
    shoot(page, SCREENSHOT.name)
