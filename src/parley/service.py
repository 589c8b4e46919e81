"""The library API every adapter (CLI, HTTP API, web, Dask) calls."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from parley.config import Settings, get_settings
from parley.errors import ExtractionError, IngestError
from parley.ingest.records import article_from_record, check_text
from parley.types import Article, ArticleResult, Provenance

log = logging.getLogger(__name__)

RecordLike = Article | Mapping[str, Any]


def _provenance(nlp: Any, settings: Settings) -> Provenance:
    from parley import __version__
    from parley.nlp.pipeline import model_version

    return Provenance(
        parley_version=__version__, model=settings.model, model_version=model_version(nlp)
    )


def _finish(
    doc: Any, article: Article, provenance: Provenance, settings: Settings | None = None
) -> ArticleResult:
    from parley.nlp.analyzer import analyze_doc
    from parley.nlp.doctext import OverBudget

    try:
        return analyze_doc(doc, article, provenance=provenance, settings=settings)
    except OverBudget as exc:
        raise _over_budget(article, exc) from exc
    except Exception as exc:  # a rule bug must not take the batch down; say which article
        raise ExtractionError(f"analysis of article {article.id!r} failed: {exc!r}") from exc


def _over_budget(article: Article, exc: Exception) -> ExtractionError:
    return ExtractionError(
        f"article {article.id!r} ({len(article.text):,} characters) {exc}; it was not analysed. "
        "Raise the budget or split the text."
    )


def analyze(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> ArticleResult:
    """Analyse one article.

    Args:
        text: the article body, as plain text.
        published: publication date (``date`` or ISO string); relative dates resolve against it.
        title: optional headline.
        url: optional source URL.
        id: optional stable id; defaults to a hash of URL and text.
        settings: optional settings (model name, limits).

    Returns:
        The article's actors, quotes (direct, partial, indirect) and resolved dates.

    Example:
        >>> result = analyze('"We will sign," Anna Berg said on Friday.', published="2025-04-18")
        >>> result.quotes[0].speaker.name
        'Anna Berg'
    """
    record = {"text": text, "published": published, "title": title, "url": url, "id": id}
    return next(iter(analyze_many([record], settings=settings)))


def analyze_many(
    records: Iterable[RecordLike],
    *,
    settings: Settings | None = None,
) -> Iterator[ArticleResult]:
    """Analyse many articles, streaming them through ``nlp.pipe``.

    ``records`` are :class:`Article` objects or mappings with ``text`` and optional ``id``,
    ``published``, ``title``, ``url``. Raises :class:`IngestError` for a record that is not an
    article (empty, binary, too long) and :class:`ExtractionError` if the rules fail on one; use
    :func:`analyze_records` to collect such failures instead of stopping.
    """
    for item in analyze_records(records, settings=settings):
        if isinstance(item, Exception):
            raise item
        yield item


def analyze_records(
    records: Iterable[RecordLike],
    *,
    settings: Settings | None = None,
) -> Iterator[ArticleResult | IngestError | ExtractionError]:
    """Like :func:`analyze_many`, but yields the error of a failed record in its place."""
    from parley.nlp.doctext import Budget, OverBudget
    from parley.nlp.pipeline import load_nlp, parse

    settings = settings or get_settings()
    nlp = load_nlp(settings.model)
    provenance = _provenance(nlp, settings)

    def articles() -> Iterator[tuple[str, Article | IngestError]]:
        for record in records:
            try:
                article = record if isinstance(record, Article) else article_from_record(record)
                check_text(
                    article.text, max_chars=settings.max_chars, what=f"article {article.id!r}"
                )
            except IngestError as exc:
                yield "", exc
                continue
            yield article.text, article

    for batch in _batches(articles(), max_docs=settings.batch_size, max_chars=settings.batch_chars):
        texts = [text for text, item in batch if not isinstance(item, IngestError)]
        docs = parse(
            nlp,
            texts,
            chunk_chars=settings.parse_chunk_chars,
            budget=lambda: Budget(settings.article_seconds, settings.article_memory_mb),
        )
        for _, item in batch:
            if isinstance(item, IngestError):
                yield item
                continue
            doc = next(docs)
            if isinstance(doc, OverBudget):
                error = _over_budget(item, doc)
                log.warning("%s", error)
                yield error
                continue
            try:
                yield _finish(doc, item, provenance, settings)
            except ExtractionError as exc:
                log.warning("%s", exc)
                yield exc


def _batches(
    items: Iterable[tuple[str, Article | IngestError]], *, max_docs: int, max_chars: int
) -> Iterator[list[tuple[str, Article | IngestError]]]:
    """Group articles for ``nlp.pipe`` by count and by characters: spaCy's memory grows with
    the text of a whole batch, and one batch of long articles would otherwise set the peak."""
    batch: list[tuple[str, Article | IngestError]] = []
    chars = 0
    for text, item in items:
        if batch and (len(batch) >= max_docs or chars + len(text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append((text, item))
        chars += len(text)
    if batch:
        yield batch
