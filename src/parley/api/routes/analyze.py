"""``POST /api/v1/analyze``: analyse one posted article (text or HTML) on the spot."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from parley.api.deps import AnalyzerDep
from parley.api.schemas import AnalysisOut, AnalyzeIn, error_responses
from parley.ingest.reader import analyze_input

router = APIRouter(tags=["analyze"])

__all__ = ["analyze_input", "router"]  # analyze_input lives in the library (parley.ingest)


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
