"""The HTTP API over real HTTP on loopback: analyse, query, errors, token, size and rate limits."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from parley.api import ApiOptions, create_app
from parley.api.errors import ERROR_CODES
from parley.api.security import RateLimiter, bearer_token, token_matches
from parley.api.server import running_server
from parley.config import Settings

TOKEN = "test-token-7f3a"

#: Articles written for these tests: the same quote from two outlets with one word changed, and
#: an article whose text contains markup that must never be executed.
EXTRA_ARTICLES = [
    {
        "id": "test-outlet-a",
        "title": "Border crossing to reopen, minister says",
        "published": date(2025, 6, 2),
        "url": "https://example.org/a/border",
        "text": (
            "Interior Minister Tomas Varga said on Monday that the border crossing at Kelet would "
            'reopen next week. "We will open the crossing on June 9 and keep it open," Varga '
            "said."
        ),
    },
    {
        "id": "test-outlet-b",
        "title": "Kelet crossing set to reopen",
        "published": date(2025, 6, 3),
        "url": "https://example.net/b/kelet",
        "text": (
            "The Kelet border crossing will reopen next week, Interior Minister Tomas Varga said. "
            '"We will open the crossing on June 9 and keep it closed," Varga said.'
        ),
    },
    {
        "id": "test-script",
        "title": "<script>alert('title')</script>",
        "published": date(2025, 6, 4),
        "text": (
            "<script>alert('x')</script> \"We reject this,\" spokeswoman Ida Lund said on Tuesday "
            "in Oslo."
        ),
    },
]


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from parley.web.demo import DEMO_ARTICLES, build_store

    path = tmp_path_factory.mktemp("api") / "api.db"
    url = f"sqlite:///{path}"
    report = build_store(url, [*DEMO_ARTICLES, *EXTRA_ARTICLES])
    assert report.new == len(DEMO_ARTICLES) + len(EXTRA_ARTICLES), report
    return url


@pytest.fixture(scope="module")
def base_url(store_url: str) -> Iterator[str]:
    settings = Settings(db=store_url, api_token=TOKEN)
    app = create_app(settings, options=ApiOptions(rate_limit=0, max_body_bytes=200_000))
    with running_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as c:
        yield c


def assert_error(response: httpx.Response, code: str) -> None:
    """The one error shape, with the documented status for its code."""
    assert response.status_code == ERROR_CODES[code], response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


# --- analysis ---------------------------------------------------------------------------------


@pytest.mark.model
def test_api_analyze_text_finds_quote_and_speaker(client: httpx.Client) -> None:
    text = '"We will sign the memorandum," Foreign Minister Anna Berg said on Friday.'
    r = client.post("/api/v1/analyze", json={"text": text, "published": "2025-04-16"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["text"] == text
    quote = data["quotes"][0]
    assert quote["speaker"]["name"] == "Anna Berg"
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert any("Friday" in d["text"] and d["value"] for d in data["dates"])  # resolved


@pytest.mark.model
def test_api_analyze_html_extracts_the_article(client: httpx.Client) -> None:
    html = (
        "<html><head><title>Talks resume</title></head><body><nav>Home | World</nav><article>"
        '<h1>Talks resume</h1><p>"The door is open," Foreign Minister Anna Berg said on Friday '
        "after talks with her Danish counterpart in Copenhagen.</p><p>Both sides said they would "
        "meet again next month to discuss the fishing quota and the border.</p></article>"
        "</body></html>"
    )
    r = client.post("/api/v1/analyze", json={"html": html, "published": "2025-04-18"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert "The door is open" in data["text"] and "<p>" not in data["text"]
    assert any(q["speaker"] and q["speaker"]["name"] == "Anna Berg" for q in data["quotes"])


@pytest.mark.model
def test_api_analyze_keeps_markup_as_text(client: httpx.Client) -> None:
    text = '<script>alert(1)</script> "No," Anna Berg said.'
    r = client.post("/api/v1/analyze", json={"text": text})
    assert r.status_code == 200
    assert r.json()["text"] == text
    assert r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "html": "<p>a</p>"},
        {"text": ""},
        {"text": "x", "published": "next Tuesday"},
        {"text": "x", "unknown": 1},
        {"text": 42},
    ],
)
def test_api_analyze_rejects_bad_bodies(client: httpx.Client, body: dict[str, object]) -> None:
    assert_error(client.post("/api/v1/analyze", json=body), "invalid_request")


def test_api_analyze_rejects_malformed_json(client: httpx.Client) -> None:
    r = client.post(
        "/api/v1/analyze", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error(r, "invalid_request")


def test_api_body_over_limit_is_413(client: httpx.Client) -> None:
    r = client.post("/api/v1/analyze", json={"text": "word " * 60_000})
    assert_error(r, "payload_too_large")
    assert "200,000 bytes" in r.json()["error"]["message"]


def test_api_chunked_body_over_limit_is_413(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 10_000
        yield b'"}'

    r = client.post(
        "/api/v1/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in r.request.headers
    assert_error(r, "payload_too_large")


# --- reading the store ----------------------------------------------------------------------


@pytest.mark.model
def test_api_stats_count_the_stored_articles(client: httpx.Client) -> None:
    stats = client.get("/api/v1/stats").json()
    docs = client.get("/api/v1/documents", params={"limit": 200}).json()
    assert stats["documents"] == docs["count"] == len(docs["data"]) == 8


@pytest.mark.model
def test_api_documents_page_and_detail(client: httpx.Client) -> None:
    first = client.get("/api/v1/documents", params={"limit": 3}).json()
    assert len(first["data"]) == 3 and first["next"] == 3 and first["count"] == 8
    last = client.get("/api/v1/documents", params={"limit": 3, "offset": 6}).json()
    assert len(last["data"]) == 2 and last["next"] is None
    detail = client.get("/api/v1/documents/test-script").json()
    assert detail["text"].startswith("<script>alert('x')</script>")
    for quote in detail["result"]["quotes"]:
        assert detail["text"][quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.model
def test_api_missing_document_is_not_found(client: httpx.Client) -> None:
    assert_error(client.get("/api/v1/documents/no-such-doc"), "not_found")


@pytest.mark.model
def test_api_quote_search_by_text_and_speaker(client: httpx.Client) -> None:
    r = client.get("/api/v1/quotes", params={"q": "slogans"}).json()
    assert r["count"] == 1
    quote = r["data"][0]
    assert "slogans" in quote["text"] and quote["speaker_name"] == "Olena Marchenko"
    assert quote["sources"][0]["doc_id"] == "demo-geneva-talks-open"
    by_speaker = client.get("/api/v1/quotes", params={"speaker": "Orlov", "limit": 200}).json()
    assert by_speaker["count"] >= 1
    assert all("Orlov" in q["speaker_name"] for q in by_speaker["data"])


@pytest.mark.model
def test_api_quote_search_by_date_range(client: httpx.Client) -> None:
    r = client.get(
        "/api/v1/quotes", params={"since": "2025-05-01", "until": "2025-05-31", "limit": 200}
    ).json()
    assert r["count"] >= 1
    assert all("2025-05-01" <= q["first_published"] <= "2025-05-31" for q in r["data"])
    none = client.get("/api/v1/quotes", params={"since": "2030-01-01"}).json()
    assert none == {"data": [], "count": 0, "next": None}


@pytest.mark.model
def test_api_same_quote_two_outlets_is_flagged(client: httpx.Client) -> None:
    r = client.get("/api/v1/quotes", params={"q": "crossing June"}).json()
    assert r["count"] == 1, r
    quote = r["data"][0]
    assert quote["source_count"] == 2 and quote["altered"] is True
    assert {s["doc_id"] for s in quote["sources"]} == {"test-outlet-a", "test-outlet-b"}


@pytest.mark.model
@pytest.mark.parametrize(
    "params",
    [
        {"q": "' OR 1=1 --"},
        {"q": '"unbalanced'},
        {"q": "NEAR(a b) OR *"},
        {"speaker": "%'; DROP TABLE quotes; --"},
        {"q": "ünïcödé 中文"},
    ],
)
def test_api_hostile_search_strings_are_just_text(
    client: httpx.Client, params: dict[str, str]
) -> None:
    r = client.get("/api/v1/quotes", params=params)
    assert r.status_code == 200, r.text
    assert r.json()["count"] == 0
    assert client.get("/api/v1/stats").json()["quotes"] > 0


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/quotes", {"limit": 0}),
        ("/api/v1/quotes", {"limit": 10_000}),
        ("/api/v1/quotes", {"offset": -1}),
        ("/api/v1/quotes", {"country": "Ukraine"}),
        ("/api/v1/quotes", {"kind": "shouted"}),
        ("/api/v1/quotes", {"since": "2025-05-02", "until": "2025-05-01"}),
        ("/api/v1/quotes", {"q": "a\x00b"}),
        ("/api/v1/quotes", {"q": "x" * 201}),
        ("/api/v1/events", {"dyad": "RUSSIA-UKRAINE"}),
        ("/api/v1/events", {"code": "abc"}),
        ("/api/v1/timeline", {"since": "yesterday"}),
        ("/api/v1/negotiations", {"today": "2025-13-01"}),
    ],
)
def test_api_invalid_parameters_are_422(
    client: httpx.Client, path: str, params: dict[str, object]
) -> None:
    assert_error(client.get(path, params=params), "invalid_request")


@pytest.mark.model
def test_api_actor_list_and_detail(client: httpx.Client) -> None:
    actors = client.get("/api/v1/actors", params={"search": "Marchenko"}).json()
    assert actors["count"] >= 1 and all("Marchenko" in a["name"] for a in actors["data"])
    key = max(actors["data"], key=lambda a: a["quotes"])["key"]
    detail = client.get(f"/api/v1/actors/{key}").json()
    assert detail["name"] == "Olena Marchenko"
    assert detail["quote_count"] == len(detail["quotes"]) >= 2
    days = [d["day"] for d in detail["quotes_over_time"]]
    assert days == sorted(days)
    assert_error(client.get("/api/v1/actors/nobody-at-all"), "not_found")


@pytest.mark.model
def test_api_timeline_counts_quotes_per_day(client: httpx.Client) -> None:
    timeline = client.get("/api/v1/timeline").json()
    days = timeline["days"]
    assert [d["day"] for d in days] == sorted(d["day"] for d in days)
    total = client.get("/api/v1/stats").json()
    assert sum(d["quotes"] for d in days) >= total["quotes"]
    for day in days:
        assert set(day["goldstein"]) <= {"1", "2", "3", "4"}


@pytest.mark.model
def test_api_events_and_negotiations_answer(client: httpx.Client) -> None:
    events = client.get("/api/v1/events", params={"code": "19"}).json()
    assert all(e["code"].startswith("19") for e in events["data"])
    talks = client.get("/api/v1/negotiations", params={"today": "2025-06-01"}).json()
    assert talks["today"] == "2025-06-01"
    for row in talks["agreements"]:
        assert row["overdue"] == (
            row["due"] is not None
            and row["due"] < "2025-06-01"
            and row["status"] in {"proposed", "agreed"}
        )


# --- token, errors, headers ------------------------------------------------------------------


@pytest.mark.model
def test_api_ingest_needs_the_token(client: httpx.Client) -> None:
    article = {
        "text": '"We are ready," Defence Minister Karl Nyberg said on Monday.',
        "published": "2025-06-09",
    }
    body = {"articles": [article]}
    assert_error(client.post("/api/v1/ingest", json=body), "unauthorized")
    assert_error(
        client.post("/api/v1/ingest", json=body, headers={"Authorization": "Bearer wrong"}),
        "unauthorized",
    )
    assert_error(
        client.post("/api/v1/ingest", json=body, headers={"Authorization": TOKEN}), "unauthorized"
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/v1/ingest", json=body, headers=auth)
    assert first.status_code == 200, first.text
    assert first.json()["new"] == 1
    again = client.post("/api/v1/ingest", json=body, headers=auth).json()
    assert again["new"] == 0 and again["existing"] == 1
    assert client.get("/api/v1/quotes", params={"speaker": "Nyberg"}).json()["count"] == 1


@pytest.mark.model
def test_api_ingest_one_empty_text_fails_only_that_article(client: httpx.Client) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    good = {"text": '"The port stays open," Harbour Master Ines Alvo said on Friday.'}
    r = client.post("/api/v1/ingest", json={"articles": [{"text": ""}, good]}, headers=auth)
    assert r.status_code == 200, r.text
    data = r.json()
    assert (data["new"], data["failed"]) == (1, 1)
    assert "articles[0]" in data["errors"][0] and "empty" in data["errors"][0]
    alone = client.post("/api/v1/ingest", json={"articles": [{"text": ""}]}, headers=auth)
    assert_error(alone, "invalid_article")  # nothing in the batch could be stored


def test_api_writes_disabled_without_a_configured_token(tmp_path: Path) -> None:
    app = create_app(
        Settings(db=f"sqlite:///{tmp_path / 'w.db'}"), options=ApiOptions(rate_limit=0)
    )
    with running_server(app) as url:
        r = httpx.post(
            f"{url}/api/v1/ingest",
            json={"articles": [{"text": "x"}]},
            headers={"Authorization": "Bearer anything"},
        )
    assert_error(r, "writes_disabled")
    assert "PARLEY_API_TOKEN" in r.json()["error"]["message"]


def test_api_unknown_path_and_method_use_the_error_shape(client: httpx.Client) -> None:
    assert_error(client.get("/api/v1/nothing-here"), "not_found")
    assert_error(client.delete("/api/v1/quotes"), "method_not_allowed")


def test_api_security_headers(client: httpx.Client) -> None:
    r = client.get("/api/v1/health")
    assert r.json()["status"] == "ok"
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_api_openapi_lists_every_route(client: httpx.Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    for path in [
        "/api/v1/analyze",
        "/api/v1/documents",
        "/api/v1/documents/{doc_id}",
        "/api/v1/quotes",
        "/api/v1/actors",
        "/api/v1/actors/{key}",
        "/api/v1/events",
        "/api/v1/timeline",
        "/api/v1/negotiations",
        "/api/v1/ingest",
        "/api/v1/stats",
        "/api/v1/health",
    ]:
        assert path in paths
    assert not any(p.startswith("/articles") for p in paths)  # pages stay out of the API schema
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/v1/quotes" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text


def test_api_store_unavailable_is_503(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    app = create_app(Settings(db=f"sqlite:///{bad}"), options=ApiOptions(rate_limit=0))
    with running_server(app) as url:
        r = httpx.get(f"{url}/api/v1/quotes")
        health = httpx.get(f"{url}/api/v1/health").json()
    assert_error(r, "storage_unavailable")
    assert health["store"] == "unavailable"


# --- rate limit and token helpers --------------------------------------------------------------


def test_api_rate_limit_answers_429_with_retry_after(tmp_path: Path) -> None:
    app = create_app(
        Settings(db=f"sqlite:///{tmp_path / 'r.db'}"), options=ApiOptions(rate_limit=0.5, burst=3)
    )
    with running_server(app) as url, httpx.Client(base_url=url) as c:
        statuses = [c.get("/api/v1/health").status_code for _ in range(5)]
        limited = c.get("/api/v1/health")
        static = c.get("/static/parley.css")
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    assert_error(limited, "rate_limited")
    assert int(limited.headers["retry-after"]) >= 1
    assert static.status_code == 200  # static files do not spend the budget


def test_api_rate_limiter_refills_over_time() -> None:
    limiter = RateLimiter(rate=2.0, burst=2)
    assert limiter.acquire("a", now=0.0) == 0.0
    assert limiter.acquire("a", now=0.0) == 0.0
    assert limiter.acquire("a", now=0.0) == pytest.approx(0.5)
    assert limiter.acquire("b", now=0.0) == 0.0  # clients have separate buckets
    assert limiter.acquire("a", now=0.5) == 0.0
    assert limiter.acquire("a", cost=5.0, now=0.5) > 0


def test_api_rate_limiter_table_is_bounded() -> None:
    limiter = RateLimiter(rate=1.0, burst=1, max_clients=3)
    for i in range(10):
        limiter.acquire(f"10.0.0.{i}", now=0.0)
    assert len(limiter._buckets) == 3


@pytest.mark.parametrize(
    ("header", "expected", "ok"),
    [
        (f"Bearer {TOKEN}", TOKEN, True),
        (f"bearer {TOKEN}", TOKEN, True),
        (f"Bearer {TOKEN}x", TOKEN, False),
        ("Bearer ", TOKEN, False),
        (TOKEN, TOKEN, False),
        (f"Basic {TOKEN}", TOKEN, False),
        (None, TOKEN, False),
        (f"Bearer {TOKEN}", None, False),
        ("Bearer jalapeño", "jalapeño", True),
    ],
)
def test_api_token_check(header: str | None, expected: str | None, ok: bool) -> None:
    assert token_matches(bearer_token(header), expected) is ok


def test_api_settings_are_not_read_at_import() -> None:
    import importlib

    import parley.api.app as module

    importlib.reload(module)  # importing builds nothing: no app, store or model
    assert not any(isinstance(v, Settings) for v in vars(module).values())
    assert replace(Settings(), api_token="t").api_token == "t"


def test_api_value_errors_from_below_are_422(tmp_path: Path) -> None:
    from parley.api.deps import get_store

    class RefusingStore:
        def search_quotes(self, **_: object) -> None:
            raise ValueError("limit must be between 1 and 1000, got 5000")

    app = create_app(
        Settings(db=f"sqlite:///{tmp_path / 'v.db'}"), options=ApiOptions(rate_limit=0)
    )
    app.dependency_overrides[get_store] = RefusingStore
    with running_server(app) as url:
        r = httpx.get(f"{url}/api/v1/quotes")
    assert_error(r, "invalid_request")
    assert "limit must be between" in r.json()["error"]["message"]


# --- bounded, per-client-fair analysis queue (issue 15) -----------------------------------------


def _analysis_queue(app: object) -> Any:
    """The app's AnalysisQueue middleware (built when the server starts)."""
    from parley.api.security import AnalysisQueue

    node = getattr(app, "middleware_stack", None)
    while node is not None and not isinstance(node, AnalysisQueue):
        node = getattr(node, "app", None)
    assert node is not None, "no AnalysisQueue in the middleware stack"
    return node


def _wait_for(condition: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.model
def test_api_analysis_queue_is_bounded_and_fair_per_client(tmp_path: Path) -> None:
    """One client cannot queue out the others: past its share it gets 429, past the queue
    everyone gets 503 ``server_busy``, both with Retry-After; admitted requests all finish."""
    import json as _json
    import threading

    settings = Settings(db=f"sqlite:///{tmp_path / 'q.db'}", api_queue=2, api_client_queue=1)
    app = create_app(settings, options=ApiOptions(rate_limit=0))
    release = threading.Event()
    body = _json.dumps({"text": '"We will talk again," minister Ana Lind said.'}).encode()

    def held() -> Iterator[bytes]:
        # The request is admitted when its headers arrive; the body waits for the event, so the
        # request holds its place in the queue for as long as the test needs.
        yield body[:5]
        release.wait(30)
        yield body[5:]

    def client(address: str, base: str) -> httpx.Client:
        transport = httpx.HTTPTransport(local_address=address)
        return httpx.Client(base_url=base, transport=transport, timeout=60)

    with running_server(app) as url:
        results: dict[str, httpx.Response] = {}

        def post_held(name: str, address: str) -> None:
            with client(address, url) as c:
                results[name] = c.post(
                    "/api/v1/analyze", content=held(), headers={"content-type": "application/json"}
                )

        threads = [
            threading.Thread(target=post_held, args=("a1", "127.0.0.2")),
            threading.Thread(target=post_held, args=("b1", "127.0.0.3")),
        ]
        queue = _analysis_queue(app)
        threads[0].start()
        _wait_for(lambda: queue.total == 1)
        with client("127.0.0.2", url) as a:
            second = a.post("/api/v1/analyze", json={"text": "Talks resumed on Monday."})
        threads[1].start()
        _wait_for(lambda: queue.total == 2)
        with client("127.0.0.4", url) as c:
            busy = c.post("/api/v1/analyze", json={"text": "Talks resumed on Monday."})
            reading = c.get("/api/v1/health")  # reads are not queued behind analyses
        release.set()
        for t in threads:
            t.join(60)
        with client("127.0.0.4", url) as c:
            after = c.post("/api/v1/analyze", json={"text": "Talks resumed on Monday."})
    assert_error(second, "rate_limited")
    assert int(second.headers["retry-after"]) >= 1
    assert_error(busy, "server_busy")
    assert int(busy.headers["retry-after"]) >= 1
    assert reading.status_code == 200
    assert results["a1"].status_code == 200 and results["b1"].status_code == 200
    assert after.status_code == 200


def test_fifo_lock_serves_in_arrival_order() -> None:
    import threading

    from parley.api.deps import FifoLock

    lock = FifoLock()
    order: list[int] = []
    lock.__enter__()
    threads = []
    for i in range(5):
        t = threading.Thread(
            target=lambda i=i: (lock.__enter__(), order.append(i), lock.__exit__())
        )
        t.start()
        threads.append(t)
        _wait_for(lambda i=i: lock._next == i + 2)  # its ticket is taken before the next starts
    lock.__exit__()
    for t in threads:
        t.join(10)
    assert order == [0, 1, 2, 3, 4]
