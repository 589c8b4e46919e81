"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against a uvicorn
server on loopback over a store of articles written for Parley. Saves a screenshot of each page
in the test's temporary folder; with ``PARLEY_REFRESH_SCREENSHOTS=1`` into docs/screenshots/
(referenced in docs/dashboard.md) instead, to refresh them on purpose.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.api import ApiOptions, create_app
from parley.api.server import running_server
from parley.config import Settings

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")
DOC_SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _need_chromium() -> None:
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message)  # in CI a missing browser is a failure, never a skip
    pytest.skip(message)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from parley.web.demo import DEMO_ARTICLES, build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'browser.db'}"
    report = build_store(url, DEMO_ARTICLES)
    assert report.failed == 0, report.errors
    app = create_app(Settings(db=url), options=ApiOptions(rate_limit=0))
    with running_server(app) as base:
        yield base


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: the test's own temporary folder, so a test run changes no tracked
    file, unless PARLEY_REFRESH_SCREENSHOTS=1 asks to refresh the documentation's."""
    if os.environ.get("PARLEY_REFRESH_SCREENSHOTS", "").strip() in {"1", "true", "yes"}:
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        return DOC_SHOTS
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def page(site: str, shots: Path) -> Iterator[Any]:
    _need_chromium()
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=site)
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        # Any request leaving loopback would mean a CDN or tracker: fail on it.
        outside: list[str] = []
        pg.route(
            "**/*",
            lambda route: (
                (outside.append(route.request.url), route.abort())
                if not route.request.url.startswith(site)
                else route.continue_()
            ),
        )
        pg.js_errors = errors  # type: ignore[attr-defined]
        pg.outside = outside  # type: ignore[attr-defined]
        pg.shots = shots  # type: ignore[attr-defined]
        yield pg
        context.close()
        browser.close()


def _shot(page: Any, name: str) -> None:
    path = page.shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000


def _clean(page: Any) -> None:
    assert page.js_errors == [], page.js_errors
    assert page.outside == [], page.outside


def test_browser_search_then_article_highlights(page: Any) -> None:
    page.goto("/")
    _shot(page, "home")
    page.fill("input[name=q]", "ports")
    page.click("form.search button")
    page.wait_for_url("**/quotes?q=ports")
    results = page.locator("li.result")
    assert results.count() >= 1
    _shot(page, "quotes")
    page.locator("a.article-link").first.click()
    page.wait_for_url("**/articles/**")
    highlights = page.locator("#article-text span.quote")
    assert highlights.count() >= 2
    colour = highlights.first.evaluate("el => getComputedStyle(el).borderBottomColor")
    assert colour not in ("", "rgba(0, 0, 0, 0)")
    assert page.locator("#article-text mark.ent").count() >= 3
    assert "ports" in page.locator("#article-text").inner_text()
    # Clicking a speaker chip brings that speaker's quotes forward.
    chip = page.locator(".speaker-chip").first
    name = chip.get_attribute("data-speaker")
    chip.click()
    focused = page.locator("#article-text span.quote.focus")
    assert focused.count() >= 1
    assert all(f == name for f in focused.evaluate_all("els => els.map(e => e.dataset.speaker)"))
    chip.click()
    _shot(page, "article")
    _clean(page)


def test_browser_timeline_chart_is_drawn(page: Any) -> None:
    page.goto("/timeline")
    page.wait_for_selector("figure.chart[data-drawn=true] svg")
    assert page.locator("figure.chart svg polyline.quad-line").count() == 4
    bars = page.locator("figure.chart svg rect.bar-quotes")
    days = page.evaluate(
        "JSON.parse(document.getElementById('timeline-chart-data').textContent).length"
    )
    assert bars.count() == days >= 3
    heights = bars.evaluate_all("els => els.map(e => Number(e.getAttribute('height')))")
    assert max(heights) > 0
    _shot(page, "timeline")
    _clean(page)


def test_browser_actor_page(page: Any) -> None:
    page.goto("/actors")
    _shot(page, "actors")
    page.locator("table.list a", has_text="Marchenko").first.click()
    page.wait_for_url("**/actors/**")
    assert "Marchenko" in page.locator("h1").inner_text()
    assert page.locator("blockquote.quote").count() >= 1
    page.wait_for_selector("figure.chart[data-drawn=true] svg")
    _shot(page, "actor")
    _clean(page)


def test_browser_negotiations_and_events_pages(page: Any) -> None:
    page.goto("/negotiations?today=2025-05-20")
    assert page.locator("h1").inner_text() == "Negotiations"
    _shot(page, "negotiations")
    page.goto("/events")
    assert page.locator("h1").inner_text() == "Events"
    _shot(page, "events")
    _clean(page)


def test_browser_paste_an_article(page: Any) -> None:
    page.goto("/analyze")
    page.fill("input[name=title]", "Pasted report")
    page.fill("input[name=published]", "2025-04-18")
    page.fill(
        "textarea[name=text]",
        "<script>document.title='pwned'</script>\n\"We will not sign under pressure,\" "
        "Foreign Minister Anna Berg said on Friday in Oslo. Her Danish counterpart Mads Holm "
        "said talks would resume "
        "in May.",
    )
    _shot(page, "analyze-form")
    page.click("form.paste button")
    page.wait_for_selector("#article-text")
    assert page.title() != "pwned"
    assert "<script>document.title='pwned'</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text span.quote[data-speaker='Anna Berg']").count() == 1
    _shot(page, "analyze-result")
    _clean(page)


def test_browser_api_reference_works_offline(page: Any) -> None:
    page.goto("/docs")
    assert page.locator("section.endpoint").count() >= 10
    _shot(page, "api-docs")
    _clean(page)
