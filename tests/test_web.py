"""The dashboard: inline annotation (escaping, nesting) and the pages over real HTTP."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from parley.api import ApiOptions, create_app
from parley.api.server import running_server
from parley.cli.serve import check_exposure, is_loopback
from parley.config import Settings
from parley.errors import ConfigError
from parley.store.views import is_overdue
from parley.web.annotate import annotate, collect_marks, speaker_colour

SCRIPT_ARTICLE = {
    "id": "web-script",
    "title": "Markup <b>in</b> a title",
    "published": date(2025, 6, 4),
    "text": (
        "<script>alert('x')</script> \"We reject this,\" spokeswoman Ida Lund said on Tuesday "
        "in Oslo."
    ),
}

#: A stored article whose URL is a script: the page must not make it a link (issue 15).
JS_URL_ARTICLE = {
    "id": "web-js-url",
    "title": "A page with a hostile source URL",
    "published": date(2025, 6, 5),
    "url": "javascript:alert(document.domain)",
    "text": "The delegations met in Vienna on Thursday and agreed to meet again.",
}


class _Nesting(HTMLParser):
    """Checks that tags close in the order they opened."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def _nests(html: str) -> bool:
    parser = _Nesting()
    parser.feed(html)
    return parser.ok and not parser.stack


def _text_of(html: str) -> str:
    import html as html_lib

    no_labels = re.sub(r'<span class="ent-label">.*?</span>', "", html)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", no_labels))


TEXT = '"We will sign," Anna Berg said on Friday in Geneva.'
QUOTE = {
    "id": "q1",
    "text": "We will sign,",
    "start": 1,
    "end": 14,
    "kind": "direct",
    "speaker": {"id": "a1", "name": "Anna Berg"},
}
ACTOR = {"id": "a1", "name": "Anna Berg", "kind": "person", "mentions": [[16, 25]]}
DATE = {"text": "on Friday", "start": 31, "end": 40, "value": "2025-04-18"}


@pytest.mark.parametrize(
    ("result", "quotes", "inner"),
    [
        ({"quotes": [QUOTE], "actors": [ACTOR], "dates": [DATE]}, 1, 2),
        # a mark crossing the quote's end is dropped, so the HTML still nests
        (
            {"quotes": [QUOTE], "dates": [{"text": "x", "start": 10, "end": 20, "value": None}]},
            1,
            0,
        ),
        # overlapping quotes: the first wins
        ({"quotes": [QUOTE, {**QUOTE, "id": "q2", "start": 5, "end": 30}]}, 1, 0),
        # offsets outside the text are ignored, not a crash
        (
            {
                "quotes": [{**QUOTE, "end": 999}],
                "actors": [{**ACTOR, "mentions": [[-1, 3], [40, 41]]}],
            },
            0,
            1,
        ),
        ({}, 0, 0),
    ],
)
def test_web_annotate_nests_and_keeps_the_text(
    result: dict[str, Any], quotes: int, inner: int
) -> None:
    q, m = collect_marks(TEXT, result)
    assert (len(q), len(m)) == (quotes, inner)
    html = str(annotate(TEXT, result))
    assert _nests(html)
    assert _text_of(html) == TEXT


@pytest.mark.parametrize(
    "text",
    [
        '<script>alert(1)</script> "Hi," she said.',
        '<img src=x onerror=alert(1)> "Hi," she said.',
        '"</span><script>x()</script>," she said.',
    ],
)
def test_web_annotate_escapes_markup(text: str) -> None:
    result = {
        "quotes": [
            {
                "id": "q1",
                "text": "x",
                "start": 0,
                "end": len(text) // 2,
                "kind": "direct",
                "speaker": {"id": "a", "name": '"><script>bad()</script>'},
            }
        ]
    }
    html = str(annotate(text, result))
    assert "<script" not in html and "<img" not in html
    assert "&lt;" in html
    assert _text_of(html) == text


def test_web_annotate_prefers_direct_over_indirect_speech() -> None:
    indirect = {**QUOTE, "id": "q0", "kind": "indirect", "start": 0, "end": 30}
    quotes, _ = collect_marks(TEXT, {"quotes": [indirect, QUOTE]})
    assert [m.attrs["data-quote-id"] for m in quotes] == ["q1"]


def test_web_speaker_colour_is_stable_and_spread() -> None:
    names = [f"Speaker {i}" for i in range(40)]
    assert speaker_colour("Anna Berg") == speaker_colour("Anna Berg")
    assert len({speaker_colour(n) for n in names}) >= 6
    assert speaker_colour(None) == "spk-none"


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        ("2025-05-15", "proposed", True),
        ("2025-05-15", "agreed", True),
        ("2025-05-15", "signed", False),
        ("2025-06-01", "proposed", False),
        ("2025-05", "proposed", True),
        ("2025-06", "proposed", False),
        ("2024", "proposed", True),
        (None, "proposed", False),
        ("soon", "proposed", False),
    ],
)
def test_web_overdue_against_today(due: str | None, status: str, overdue: bool) -> None:
    assert is_overdue(due, date(2025, 6, 1), status) is overdue


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
        ("::", False),
    ],
)
def test_web_serve_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
    if loopback:
        check_exposure(host, None)
    else:
        with pytest.raises(ConfigError, match="PARLEY_API_TOKEN"):
            check_exposure(host, None)
        check_exposure(host, "a-token")


def test_web_serve_refuses_public_host_without_token(monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.cli import app
    from parley.config import get_settings

    monkeypatch.delenv("PARLEY_API_TOKEN", raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8999"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "refusing to listen on 0.0.0.0" in result.output


# --- pages over HTTP ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from parley.web.demo import DEMO_ARTICLES, build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    report = build_store(url, [*DEMO_ARTICLES, SCRIPT_ARTICLE, JS_URL_ARTICLE])
    assert report.failed == 0, report.errors
    app = create_app(Settings(db=url), options=ApiOptions(rate_limit=0))
    with running_server(app) as base:
        yield base


@pytest.fixture(scope="module")
def web(site: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site, timeout=60) as c:
        yield c


@pytest.mark.model
@pytest.mark.parametrize(
    ("path", "twin"),
    [
        ("/", "/api/v1/stats"),
        ("/quotes?q=memorandum", "/api/v1/quotes?q=memorandum"),
        ("/actors", "/api/v1/actors"),
        ("/events", "/api/v1/events?"),
        ("/timeline", "/api/v1/timeline?"),
        ("/negotiations", "/api/v1/negotiations"),
        ("/articles/demo-second-round", "/api/v1/documents/demo-second-round"),
    ],
)
def test_web_pages_render_and_link_their_json_twin(web: httpx.Client, path: str, twin: str) -> None:
    r = web.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert f'href="{twin}' in r.text.replace("&amp;", "&")
    twin_url = re.search(r'class="twin" href="([^"]+)"', r.text)
    assert twin_url is not None
    assert web.get(twin_url.group(1).replace("&amp;", "&")).status_code == 200
    assert "https://" not in re.sub(r'href="https://example\.(org|net)[^"]*"', "", r.text)  # no CDN


@pytest.mark.model
def test_web_article_highlights_quotes_in_speaker_colour(web: httpx.Client) -> None:
    detail = web.get("/api/v1/documents/demo-geneva-talks-open").json()
    page = web.get("/articles/demo-geneva-talks-open").text
    quotes = detail["result"]["quotes"]
    assert quotes
    spans = re.findall(
        r'<span class="quote (spk-[a-z0-9]+) q-(\w+)"[^>]*data-speaker="([^"]*)"', page
    )
    shown, _ = collect_marks(detail["text"], detail["result"])
    assert len(spans) == len(shown) >= 2  # every non-overlapping quote is highlighted
    for css, _kind, speaker in spans:
        expected = speaker_colour(None if speaker == "unattributed" else speaker)
        assert css == expected
    assert '<mark class="ent ent-date"' in page
    assert "Olena Marchenko" in page.split('class="panel"')[1]  # side panel lists the speaker


@pytest.mark.model
def test_web_article_with_script_renders_as_text(web: httpx.Client) -> None:
    page = web.get("/articles/web-script").text
    body = page.split('id="article-text">', 1)[1].split("</div>", 1)[0]
    assert _text_of(body).startswith("<script>alert('x')</script>")  # shown, as text
    assert "&lt;script&gt;alert(&#39;" in body
    assert "<script>alert" not in page
    assert "Markup &lt;b&gt;in&lt;/b&gt; a title" in page
    scripts = re.findall(r"<script[^>]*>", page)
    assert all('src="/static/' in s or 'type="application/json"' in s for s in scripts)


@pytest.mark.model
def test_web_quote_results_link_to_their_article(web: httpx.Client) -> None:
    page = web.get("/quotes", params={"q": "slogans"}).text
    links = re.findall(r'class="article-link" href="([^"]+)"', page)
    assert links and links[0].startswith("/articles/demo-geneva-talks-open#")
    article = web.get(links[0].split("#")[0]).text
    assert f'id="{links[0].split("#")[1]}"' in article


@pytest.mark.model
def test_web_timeline_embeds_chart_data(web: httpx.Client) -> None:
    page = web.get("/timeline").text
    data = re.search(
        r'<script type="application/json" id="timeline-chart-data">(.*?)</script>', page, re.S
    )
    assert data is not None
    import json

    days = json.loads(data.group(1))
    assert days == web.get("/api/v1/timeline").json()["days"]
    assert '<script src="/static/chart.js"></script>' in page


@pytest.mark.model
def test_web_paste_page_analyses_on_the_spot(web: httpx.Client) -> None:
    before = web.get("/api/v1/stats").json()["documents"]
    form = web.get("/analyze")
    assert form.status_code == 200 and "<textarea" in form.text
    text = '<b>Bold</b> "We will not sign," Foreign Minister Anna Berg said on Friday.'
    r = web.post("/analyze", data={"text": text, "published": "2025-04-18", "title": "Pasted"})
    assert r.status_code == 200
    assert "not stored" in r.text and "&lt;b&gt;Bold&lt;/b&gt;" in r.text
    assert 'data-speaker="Anna Berg"' in r.text
    assert web.get("/api/v1/stats").json()["documents"] == before  # nothing stored


@pytest.mark.model
@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/articles/nope", 404, "not_found"),
        ("/actors/nope-nobody", 404, "not_found"),
        ("/quotes?since=2025-05-02&until=2025-05-01", 422, "invalid_request"),
        ("/quotes?country=Ukraine", 422, "invalid_request"),
        ("/timeline?dyad=RU", 422, "invalid_request"),
        ("/no-such-page", 404, "not_found"),
    ],
)
def test_web_errors_are_pages_with_the_same_code(
    web: httpx.Client, path: str, status: int, code: str
) -> None:
    r = web.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f"<code>{code}</code>" in r.text


@pytest.mark.model
def test_web_demo_builds_its_store(tmp_path: Path) -> None:
    from parley.cli import app
    from parley.web.demo import DEMO_ARTICLES

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    first = CliRunner().invoke(app, ["demo", "--db", url, "--no-serve"])
    assert first.exit_code == 0, first.output
    assert f"{len(DEMO_ARTICLES)} new, 0 already present, 0 failed" in first.output
    again = CliRunner().invoke(app, ["demo", "--db", url, "--no-serve"])
    assert f"0 new, {len(DEMO_ARTICLES)} already present" in again.output


@pytest.mark.model
def test_web_demo_serves_the_dashboard_on_loopback(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    from parley.api.server import free_port

    port = free_port()
    exe = Path(sys.executable).with_name("parley")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    work = tmp_path / "cwd"
    work.mkdir()
    env = {**os.environ, "PARLEY_API_TOKEN": "", "TMPDIR": str(scratch)}
    proc = subprocess.Popen(
        [str(exe), "demo", "--port", str(port)],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        page = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.3)
        assert page is not None, proc.stdout.read().decode() if proc.stdout else ""
        assert page.status_code == 200
        assert "Talks on a grain corridor open in Geneva" in page.text
        stats = httpx.get(f"http://127.0.0.1:{port}/api/v1/stats").json()
        assert stats["documents"] == 5
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # The temporary demo store is removed when the server is stopped, nothing is left behind.
    assert not list(scratch.iterdir()) and not list(work.iterdir())


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("  http://example.org/b ", "http://example.org/b"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//evil.example/x", None),
        ("/relative/path", None),
        ("https://exa mple.org/", None),
        ("http://", None),
        (None, None),
    ],
)
def test_web_only_http_urls_become_links(url: str | None, link: str | None) -> None:
    from parley.web.routes import http_url

    assert http_url(url) == link


@pytest.mark.model
def test_web_article_with_javascript_url_is_not_a_link(web: httpx.Client) -> None:
    page = web.get("/articles/web-js-url").text
    assert "javascript:" not in re.sub(r'<span class="unsafe-url">[^<]*</span>', "", page)
    assert 'href="javascript' not in page.lower()
    assert '<span class="unsafe-url">javascript:alert(document.domain)</span>' in page


@pytest.mark.model
def test_web_favicon_and_docs_markdown_and_404_hint(web: httpx.Client) -> None:
    icon = web.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.content.startswith(b"<svg")
    assert web.get("/static/favicon.svg").status_code == 200
    assert 'rel="icon"' in web.get("/").text
    docs = web.get("/docs").text
    prose = re.sub(r"<code>.*?</code>|<script.*?</script>", "", docs, flags=re.S)
    assert "`" not in prose  # Markdown code spans are rendered, not shown raw
    assert "<code>" in docs and "&lt;code&gt;" not in docs
    missing = web.get("/api/v1/documents/nope").json()["error"]["message"]
    assert "parley query" not in missing and "/api/v1/documents" in missing
