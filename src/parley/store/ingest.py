"""Ingest: read paths (files, folders, feeds, WARCs), analyse what is new, store it.

Documents get content-hash ids (:func:`parley.types.content_id` of URL and text), so a second
run finds them stored and skips them before any analysis: re-ingesting is idempotent and an
interrupted run resumes where it stopped. Each article is stored in its own transaction.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from parley.errors import IngestError, ParleyError
from parley.store.store import Store
from parley.types import Article, ArticleResult, content_id

#: File kinds a folder is searched for (gold annotations ``*.gold.json`` are never articles).
ARTICLE_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".html",
    ".htm",
    ".xhtml",
    ".jsonl",
    ".ndjson",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
    ".warc.gz",
)

Analyzer = Callable[[list[Article]], Iterable[Any]]


@dataclass(slots=True)
class IngestReport:
    """Counts of one ingest run and the messages of what failed."""

    new: int = 0
    existing: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "existing": self.existing,
            "failed": self.failed,
            "errors": self.errors,
        }


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named, and the article files inside named folders (recursively, sorted)."""
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            for child in sorted(p.rglob("*")):
                name = child.name.lower()
                if child.is_file() and name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                    yield str(child)
        else:
            yield path


def read_path(path: str, *, published: date | None = None) -> Iterator[Article | IngestError]:
    """The articles of one file, whatever its kind (txt, html, jsonl, RSS/Atom, WARC)."""
    from parley.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
    from parley.ingest.files import read_articles
    from parley.ingest.warc import is_warc, read_warc

    if path != "-":
        p = Path(path)
        if is_warc(p):
            yield from read_warc(p, published=published)
            return
        if p.suffix.lower() in FEED_SUFFIXES or p.suffix.lower() in {".xml", ""}:
            try:
                with p.open("rb") as fh:
                    head = fh.read(2048)
            except OSError as exc:
                raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc
            if looks_like_feed(head):
                yield from read_feed(p, published=published)
                return
    yield from read_articles(path, published=published)


def with_content_id(article: Article) -> Article:
    """The article re-identified by the hash of its URL and text."""
    cid = content_id(article.text, article.url)
    if article.id == cid:
        return article
    return Article(
        text=article.text,
        id=cid,
        published=article.published,
        title=article.title,
        url=article.url,
        source=article.source,
    )


def collect(
    paths: Iterable[str], *, published: date | None = None
) -> Iterator[tuple[str, Article | IngestError]]:
    """``(origin, article or error)`` for every article under ``paths``, content-hash ids."""
    for path in expand_paths(paths):
        try:
            for n, item in enumerate(read_path(path, published=published), start=1):
                if isinstance(item, IngestError):
                    yield path, item
                    continue
                origin = f"{path}#{item.id}" if item.id else f"{path}#{n}"
                yield origin, with_content_id(item)
        except IngestError as exc:
            yield path, exc


def _default_analyzer(settings: Any) -> Analyzer:
    def run(articles: list[Article]) -> Iterable[Any]:
        from parley.service import analyze_records

        return analyze_records(articles, settings=settings)

    return run


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
        published: publication date for articles that carry none.
        settings: analysis settings (default: the environment's).
        analyzer: a function from a list of articles to an iterable of one ``ArticleResult`` or
            exception per article, in order (default: :func:`parley.service.analyze_records`).
        on_total: called once with the number of articles found.
        on_article: called per article with its id and outcome (new/existing/failed).

    Returns:
        Counts of new, already present and failed articles with the failure messages.
    """
    report = IngestReport()
    notify = on_article or (lambda _id, _outcome: None)
    found: list[tuple[str, Article]] = []
    for origin, item in collect(paths, published=published):
        if isinstance(item, IngestError):
            report.failed += 1
            report.errors.append(str(item))
            _record(store, origin, "read", str(item))
            continue
        found.append((origin, item))
    if on_total:
        on_total(len(found) + report.failed)
    for _ in range(report.failed):
        notify("", "failed")

    stored = store.has_documents(a.id for _, a in found)
    todo: list[Article] = []
    origins: dict[str, str] = {}
    for origin, article in found:
        if article.id in stored or article.id in origins:
            report.existing += 1
            notify(article.id, "existing")
            continue
        origins[article.id] = origin
        todo.append(article)

    run = analyzer or _default_analyzer(settings)
    results = iter(run(todo))
    for article in todo:
        analysed: Any
        try:
            analysed = next(results)
        except StopIteration:
            analysed = ParleyError(f"article {article.id!r}: the analyzer returned no result")
        except ParleyError as exc:
            analysed = exc
        if isinstance(analysed, ArticleResult):
            saved = store.save([analysed], origins=origins)
            report.new += saved.new
            report.existing += saved.existing
            report.failed += saved.failed
            report.errors.extend(saved.errors)
            outcome = "new" if saved.new else "existing" if saved.existing else "failed"
        else:
            report.failed += 1
            message = f"{origins[article.id]}: {analysed}"
            report.errors.append(message)
            _record(store, article.id, "analyze", message)
            outcome = "failed"
        notify(article.id, outcome)
    return report


def _record(store: Store, article_id: str, stage: str, message: str) -> None:
    # If the store itself is failing, the report still carries the message.
    with contextlib.suppress(ParleyError):
        store.record_failure(article_id, stage, message)
