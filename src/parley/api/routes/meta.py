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

    Re-sending an article adds nothing (stable ids); a failing article (an empty text, HTML
    without article text) is counted in `failed` with its error and the others are stored.
    """
    from parley.ingest.pipeline import process
    from parley.ingest.reader import reads_from_inputs

    def analyze(articles: Any) -> list[Any]:
        return analyzer.analyze_many([_record(a) for a in articles])

    report = process(
        reads_from_inputs(body.articles), store=store, settings=analyzer.settings, analyzer=analyze
    )
    if report.failed and not (report.new or report.existing):
        raise ApiError("invalid_article", "; ".join(report.errors[:5]))
    return report.to_dict()


def _record(article: Any) -> dict[str, Any]:
    return {
        "text": article.text,
        "id": article.id,
        "published": article.published,
        "title": article.title,
        "url": article.url,
        "source": article.source,
    }
