"""``POST /api/v1/analyze``: analyse one posted article (text or HTML) on the spot."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from parley.api.deps import Analyzer, AnalyzerDep
from parley.api.schemas import AnalysisOut, AnalyzeIn, error_responses
from parley.types import ArticleResult

router = APIRouter(tags=["analyze"])


def analyze_input(analyzer: Analyzer, body: AnalyzeIn) -> tuple[ArticleResult, dict[str, Any]]:
    """Analyse a request body; HTML goes through the same extraction as ``parley analyze``.

    Returns the result and its JSON (the contract plus the analysed ``text``).
    """
    from parley.ingest.files import html_to_text

    title, url, published = body.title, body.url, body.published
    if body.html is not None:
        text, page_title, page_url, page_date = html_to_text(body.html, what="the posted HTML")
        title, url, published = title or page_title, url or page_url, published or page_date
    else:
        text = body.text or ""
    result = analyzer.analyze(text, published=published, title=title, url=url)
    data = result.to_dict()
    data["text"] = result.article.text
    return result, data


@router.post(
    "/analyze",
    response_model=AnalysisOut,
    summary="Analyse an article",
    responses=error_responses(413, 422, 429, 500, 503),
)
def analyze_article(body: AnalyzeIn, analyzer: AnalyzerDep) -> dict[str, Any]:
    """Extract quotes, speakers, actors, dates, events and agreements from one article.

    Send `{"text": "..."}` or `{"html": "<html>..."}` with optional `published` (YYYY-MM-DD),
    `title` and `url`. Nothing is stored. The reply carries the analysed `text`, which every
    `start`/`end` offset indexes. Bodies over the size limit get 413 `payload_too_large`.
    """
    return analyze_input(analyzer, body)[1]
