"""How the quotation tests read an article: shared by the test modules of quote speakers."""

from __future__ import annotations

import parley
from parley.types import ArticleResult

# A fixed date, so that the dates a fixture's sentences mention resolve the same on any day.
PUBLISHED = "2025-04-18"


def analyze(text: str) -> ArticleResult:
    return parley.analyze(text, published=PUBLISHED)


def speakers(result: ArticleResult, *, indirect: bool = False) -> list[tuple[str, str | None]]:
    """(text, speaker's name) of each quotation, in order; reported speech only when asked
    (most fixtures test a direct quotation, and a cue's reported clause would crowd it)."""
    return [
        (q.text, q.speaker.name if q.speaker else None)
        for q in result.quotes
        if indirect or q.kind != "indirect"
    ]


def speaker_by_quote(text: str) -> dict[str, str | None]:
    """{text: speaker's name} of the quotations of ``text`` (reported speech left out)."""
    return dict(speakers(analyze(text)))


def reported(text: str) -> list[tuple[str | None, str]]:
    """(speaker's name, text) of each reported-speech entry of ``text``, in order."""
    return [
        (q.speaker.name if q.speaker else None, q.text)
        for q in analyze(text).quotes
        if q.kind == "indirect"
    ]
