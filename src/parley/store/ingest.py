"""Ingest: read paths (files, folders, feeds, WARCs), analyse what is new, store it.

Reading is :mod:`parley.ingest.reader` and the analyse-and-save loop is
:func:`parley.ingest.pipeline.process`, shared with ``parley analyze``, the API, the demo and
``parley batch --db``. Documents keep a record's own id, else get a content-hash id
(:func:`parley.types.content_id` of URL and text), so a second run finds them stored and skips
them before any analysis: re-ingesting is idempotent and an interrupted run resumes where it
stopped. Each article is stored in its own transaction; each record that fails is one row of
the ``failures`` table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from parley.ingest.pipeline import Analyzer, process
from parley.ingest.pipeline import Report as IngestReport
from parley.ingest.reader import ARTICLE_SUFFIXES, expand_paths, read_path, read_paths
from parley.store.store import Store

__all__ = [
    "ARTICLE_SUFFIXES",
    "Analyzer",
    "IngestReport",
    "expand_paths",
    "ingest",
    "read_path",
]


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    published: date | None = None,
    settings: Any = None,
    analyzer: Analyzer | None = None,
    on_total: Callable[[int], None] | None = None,
    on_article: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths``; skip those already stored.

    Args:
        store: an open store.
        paths: files and folders (txt, html, jsonl, RSS/Atom, WARC), or ``-``.
        published: publication date for articles that carry none (their own date wins).
        settings: analysis settings (default: the environment's).
        analyzer: a function from a list of articles to an iterable of one ``ArticleResult`` or
            exception per article, in order (default: :func:`parley.service.analyze_records`).
        on_total: called once with the number of records found.
        on_article: called per record with its id and outcome (new/existing/failed).

    Returns:
        Counts of new, already present and failed articles with the failure messages; each
        failure is also one row of the store's ``failures`` table.
    """
    return process(
        read_paths(paths, published=published),
        store=store,
        settings=settings,
        analyzer=analyzer,
        on_total=on_total,
        on_article=on_article,
    )
