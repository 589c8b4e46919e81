"""``/api/v1/health``, ``/api/v1/stats`` and the token-protected ``POST /api/v1/ingest``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from parley.api.deps import AnalyzerDep, SettingsDep, StoreDep, TokenDep
from parley.api.errors import ApiError
from parley.api.routes._common import plain
from parley.api.schemas import HealthOut, IngestIn, SaveReportOut, error_responses

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=HealthOut)
def health(request: Request, settings: SettingsDep) -> dict[str, Any]:
    """Liveness: version, whether the model is loaded yet, whether the store is open."""
    from parley import __version__

    state = request.app.state
    return {
        "status": "ok",
        "version": __version__,
        "model_loaded": bool(getattr(state, "analyzer", None) and state.analyzer.loaded),
        "store": "open" if getattr(state, "store", None) is not None else "unavailable",
    }


@router.get("/stats", response_model=dict[str, int], responses=error_responses(429, 503))
def stats(store: StoreDep) -> dict[str, Any]:
    """Counts of stored documents, quotes, actors, events and agreements."""
    return plain(store.stats())  # type: ignore[no-any-return]


@router.post(
    "/ingest",
    response_model=SaveReportOut,
    responses=error_responses(401, 403, 413, 422, 429, 503),
)
def ingest(
    body: IngestIn, _auth: TokenDep, store: StoreDep, analyzer: AnalyzerDep
) -> dict[str, Any]:
    """Analyse and store up to 100 articles (requires `Authorization: Bearer <token>`).

    Re-sending an article adds nothing (content-hash ids); a failing article is counted in
    `failed` with its error and the others are stored.
    """
    from parley.errors import IngestError
    from parley.ingest.files import html_to_text

    records: list[dict[str, Any]] = []
    errors: list[str] = []
    for i, item in enumerate(body.articles):
        text, title, url, published = item.text, item.title, item.url, item.published
        if item.html is not None:
            try:
                text, page_title, page_url, page_date = html_to_text(
                    item.html, what=f"articles[{i}]"
                )
            except IngestError as exc:
                errors.append(str(exc))
                continue
            title, url, published = title or page_title, url or page_url, published or page_date
        records.append({"text": text, "title": title, "url": url, "published": published})
    results = []
    for item in analyzer.analyze_many(records):
        if isinstance(item, Exception):
            errors.append(str(item))
        else:
            results.append(item)
    if not results and errors:
        raise ApiError("invalid_article", "; ".join(errors[:5]))
    report = plain(store.save(results))
    return {
        "new": report.get("new", 0),
        "existing": report.get("existing", 0),
        "failed": report.get("failed", 0) + len(errors),
        "errors": errors + list(report.get("errors", []) or []),
    }
