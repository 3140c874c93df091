"""A real browser against `minutes serve`: open the UI, run a canned query,
follow a fact to its source view and find the highlighted text. Leaves
docs/screenshot.png (the source view) for the README."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import query_fixtures as fx
from served import served

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "screenshot.png"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    pytest.importorskip("datasette")
    db = tmp_path_factory.mktemp("browser") / "minutes.db"
    fx.build(db).conn.close()
    with served(db) as url:
        yield url


def test_canned_query_to_highlighted_source(server: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server + "/")
            assert "Minutes Miner" in page.title() or "Minutes Miner" in page.content()
            page.click('a[href="/minutes"]')  # the database, from the home page
            page.click("text=Open actions by age")
            row = page.locator("table.rows-and-columns tbody tr").first
            fact_text = row.locator("td.col-text").inner_text().strip()
            assert fact_text == fx.ASB_ACTION
            row.locator("a.source-link").click()
            page.wait_for_selector("mark#fact")
            assert "/-/source/actions/" in page.url
            assert page.locator("mark#fact").inner_text().strip() == fact_text
            assert page.locator("dd.source-page").inner_text().strip() == "1"
            assert page.locator("mark#fact").is_visible()
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT))
        finally:
            browser.close()
    assert SCREENSHOT.stat().st_size > 10_000
