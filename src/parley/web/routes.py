"""The dashboard's pages. Each calls the same store and service functions as its JSON twin.

| Page                  | JSON twin                        |
|-----------------------|----------------------------------|
| ``/``                 | ``/api/v1/stats``, ``/api/v1/documents`` |
| ``/articles/{id}``    | ``/api/v1/documents/{id}``       |
| ``/quotes``           | ``/api/v1/quotes``               |
| ``/actors``, ``/actors/{key}`` | ``/api/v1/actors``, ``/api/v1/actors/{key}`` |
| ``/events``           | ``/api/v1/events``               |
| ``/timeline``         | ``/api/v1/timeline``             |
| ``/negotiations``     | ``/api/v1/negotiations``         |
| ``/analyze``          | ``POST /api/v1/analyze``         |
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from parley.api.deps import AnalyzerDep, PagingDep, StoreDep, check_range
from parley.api.errors import ApiError
from parley.api.schemas import (
    CAMEO,
    COUNTRY,
    DYAD,
    MAX_KEY,
    SAFE_TEXT,
    AnalyzeIn,
    IsoDate,
)
from parley.ingest.reader import analyze_input
from parley.store.views import negotiations_data, page_out, plain, timeline_data
from parley.web.annotate import annotate, speaker_colour

HERE = Path(__file__).resolve().parent
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

router = APIRouter(include_in_schema=False)

Text200 = Annotated[str | None, Query(max_length=200, pattern=SAFE_TEXT)]


def http_url(url: object) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None: a stored ``javascript:``, ``data:``
    or relative URL is never rendered as a link (the page shows it as text instead)."""
    from urllib.parse import urlsplit

    if not isinstance(url, str):
        return None
    cleaned = url.strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in cleaned):
        return None
    return cleaned


def markdown_inline(text: object) -> Markup:
    """The little Markdown the API's docstrings use, as safe HTML: the text is escaped, then
    `code` spans become ``<code>`` and **bold** becomes ``<b>``."""
    import re

    html = str(escape(str(text or "")))
    html = re.sub(r"`([^`\n]+)`", r"<code>\1</code>", html)
    html = re.sub(r"\*\*([^*\n]+)\*\*", r"<b>\1</b>", html)
    return Markup(html)  # noqa: S704  (built from escaped text)


def markdown(text: object) -> Markup:
    """Paragraphs (blank-line separated; single line breaks are spaces) of
    :func:`markdown_inline` text."""
    paragraphs = [p.strip() for p in str(text or "").split("\n\n") if p.strip()]
    return Markup("").join(
        Markup("<p>") + markdown_inline(" ".join(p.split())) + Markup("</p>") for p in paragraphs
    )


def make_templates() -> Jinja2Templates:
    """The Jinja2 environment: autoescape on for every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,  # optional store fields render empty
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["speaker_colour"] = speaker_colour
    env.globals["quad_names"] = QUAD_NAMES
    env.filters["http_url"] = http_url
    env.filters["markdown"] = markdown
    env.filters["markdown_inline"] = markdown_inline
    env.filters["qs"] = lambda params: urlencode(
        {k: v for k, v in params.items() if v not in (None, "")}
    )
    return Jinja2Templates(env=env)


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    context.setdefault("twin", None)
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None
) -> Response:
    """The error page: the same code and message as the JSON error."""
    response = _render(request, "error.html", status=status, code=code, message=message)
    response.headers.update(headers or {})
    return response


def _store_or_none(request: Request) -> Any:
    return getattr(request.app.state, "store", None)


def _quote_link(quote: dict[str, Any]) -> str | None:
    """The article page of a stored quote's first source, anchored at the quote."""
    source = next(iter(quote.get("sources") or []), None)
    if not source:
        return None
    anchor = f"#{source['local_id']}" if source.get("local_id") else ""
    return f"/articles/{source['doc_id']}{anchor}"


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    store = _store_or_none(request)
    stats: dict[str, Any] = {}
    docs: list[dict[str, Any]] = []
    if store is not None:
        stats = plain(store.stats())
        docs = page_out(store.list_documents(limit=20, offset=0))["data"]
    return _render(
        request,
        "index.html",
        stats=stats,
        docs=docs,
        store_error=request.app.state.store_error,
        twin="/api/v1/stats",
    )


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article_page(doc_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    if len(doc_id) > MAX_KEY:
        raise ApiError("invalid_request", f"document id is longer than {MAX_KEY} characters")
    detail = plain(store.get_document(doc_id))
    return _article(request, detail, twin=f"/api/v1/documents/{doc_id}")


def _article(
    request: Request, detail: dict[str, Any], *, twin: str | None, stored: bool = True
) -> HTMLResponse:
    result = detail.get("result") or {}
    text = detail.get("text") or ""
    speakers = Counter(
        (q.get("speaker") or {}).get("name") or "unattributed" for q in result.get("quotes", [])
    )
    return _render(
        request,
        "article.html",
        doc=detail,
        result=result,
        body=annotate(text, result),
        speakers=speakers.most_common(),
        stored=stored,
        twin=twin,
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    store: StoreDep,
    paging: PagingDep,
    q: Text200 = None,
    speaker: Text200 = None,
    country: Annotated[str | None, Query(max_length=3)] = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
    kind: Annotated[Literal["direct", "partial", "indirect", ""] | None, Query()] = None,
) -> HTMLResponse:
    import re

    if country and not re.fullmatch(COUNTRY, country):
        raise ApiError("invalid_request", "country must be an ISO alpha-3 code such as UKR")
    check_range(since, until)
    page = page_out(
        store.search_quotes(
            text=q or None,
            speaker=speaker or None,
            country=country.upper() if country else None,
            since=since,
            until=until,
            kind=kind or None,
            limit=paging.limit,
            offset=paging.offset,
        )
    )
    for item in page["data"]:
        item["link"] = _quote_link(item)
    params = {
        "q": q,
        "speaker": speaker,
        "country": country,
        "since": since,
        "until": until,
        "kind": kind,
    }
    return _render(
        request,
        "quotes.html",
        page=page,
        params=params,
        limit=paging.limit,
        offset=paging.offset,
        twin="/api/v1/quotes?" + urlencode({k: v for k, v in params.items() if v}),
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request, store: StoreDep, paging: PagingDep, search: Text200 = None
) -> HTMLResponse:
    page = page_out(
        store.list_actors(search=search or None, limit=paging.limit, offset=paging.offset)
    )
    return _render(
        request,
        "actors.html",
        page=page,
        search=search or "",
        limit=paging.limit,
        offset=paging.offset,
        twin="/api/v1/actors" + (f"?{urlencode({'search': search})}" if search else ""),
    )


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(key: str, request: Request, store: StoreDep) -> HTMLResponse:
    if len(key) > MAX_KEY:
        raise ApiError("invalid_request", f"actor key is longer than {MAX_KEY} characters")
    actor = plain(store.get_actor(key))
    for q in actor.get("quotes", []):
        q["link"] = _quote_link(q)
    timeline = timeline_data(store, actor=key, dyad=None, since=None, until=None)
    return _render(
        request, "actor.html", actor=actor, timeline=timeline, twin=f"/api/v1/actors/{key}"
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    store: StoreDep,
    paging: PagingDep,
    code: Annotated[str | None, Query(max_length=4)] = None,
    dyad: Annotated[str | None, Query(max_length=7)] = None,
    actor: Text200 = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
    place: Text200 = None,
) -> HTMLResponse:
    import re

    if code and not re.fullmatch(CAMEO, code):
        raise ApiError("invalid_request", "code must be a CAMEO code such as 19 or 0311")
    if dyad and not re.fullmatch(DYAD, dyad):
        raise ApiError("invalid_request", "dyad must look like RUS-UKR")
    check_range(since, until)
    page = page_out(
        store.list_events(
            code=code or None,
            dyad=dyad.upper() if dyad else None,
            actor=actor or None,
            since=since,
            until=until,
            place=place or None,
            limit=paging.limit,
            offset=paging.offset,
        )
    )
    params = {
        "code": code,
        "dyad": dyad,
        "actor": actor,
        "since": since,
        "until": until,
        "place": place,
    }
    return _render(
        request,
        "events.html",
        page=page,
        params=params,
        limit=paging.limit,
        offset=paging.offset,
        twin="/api/v1/events?" + urlencode({k: v for k, v in params.items() if v}),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    actor: Text200 = None,
    dyad: Annotated[str | None, Query(max_length=7)] = None,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
) -> HTMLResponse:
    import re

    if dyad and not re.fullmatch(DYAD, dyad):
        raise ApiError("invalid_request", "dyad must look like RUS-UKR")
    check_range(since, until)
    data = timeline_data(
        store, actor=actor or None, dyad=dyad.upper() if dyad else None, since=since, until=until
    )
    params = {"actor": actor, "dyad": dyad, "since": since, "until": until}
    return _render(
        request,
        "timeline.html",
        timeline=data,
        params=params,
        twin="/api/v1/timeline?" + urlencode({k: v for k, v in params.items() if v}),
    )


@router.get("/negotiations", response_class=HTMLResponse)
def negotiations_page(
    request: Request, store: StoreDep, today: Annotated[IsoDate | None, Query()] = None
) -> HTMLResponse:
    data = negotiations_data(store, today=today or date.today())
    by_party: dict[str, list[dict[str, Any]]] = {}
    for cond in data["conditions"]:
        by_party.setdefault(cond.get("party") or cond.get("said_by") or "unnamed party", []).append(
            cond
        )
    return _render(
        request,
        "negotiations.html",
        data=data,
        by_party=by_party,
        twin="/api/v1/negotiations" + (f"?today={today}" if today else ""),
    )


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return _render(request, "analyze.html", text="", published="", title="", twin=None)


@router.post("/analyze", response_class=HTMLResponse)
def analyze_submit(
    request: Request,
    analyzer: AnalyzerDep,
    text: Annotated[str, Form(min_length=1)],
    published: Annotated[IsoDate | None, Form()] = None,
    title: Annotated[str | None, Form(max_length=1000)] = None,
    is_html: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    body = AnalyzeIn(
        **{"html" if is_html else "text": text}, published=published, title=title or None
    )
    result, data = analyze_input(analyzer, body)
    doc = {**data["document"], "text": data["text"], "result": data}
    return _article(request, doc, twin=None, stored=False)


#: The dashboard's icon (also answered at /favicon.ico, which browsers ask for on every page).
FAVICON = HERE / "static" / "favicon.svg"


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(
        FAVICON.read_bytes(),
        media_type="image/svg+xml",
        headers={"Cache-Control": "public, max-age=86400"},
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI schema on the server (works offline)."""
    schema = request.app.openapi()
    return _render(request, "docs.html", schema=schema, twin=request.app.openapi_url)


def install_web(app: FastAPI) -> None:
    """Add the dashboard pages, static files and HTML error rendering to ``app``."""
    app.state.templates = make_templates()
    app.state.render_error = render_error
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    from parley.web.map import router as map_router  # the map page (issue 14)

    app.include_router(map_router)
