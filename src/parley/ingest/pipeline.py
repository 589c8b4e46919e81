"""The one analyse-and-save path, with one failure policy.

``parley ingest`` (:func:`parley.store.ingest.ingest`), ``parley analyze``, the demo, the API
and each ``parley batch`` partition run their articles through :func:`process`:

1. Records that could not be read fail at stage ``read``, named by their origin
   (``FILE:LINE``, ``FILE#N`` or ``FILE``).
2. With a store, articles whose id is already stored (or seen earlier in the same run) are
   ``existing`` and are not analysed again: re-running is idempotent. (``batch --db`` analyses
   every article for its tables; the store then counts stored ones as ``existing``.)
3. Each article is checked (:func:`parley.ingest.records.check_article`: empty, binary, too
   long, NUL or lone surrogates anywhere) and analysed; one that is refused or whose analysis
   raises fails at stage ``analyze`` alone. If the pipeline itself breaks mid-batch, the rest
   is analysed one article at a time, so only the article that breaks it fails.
4. With a store, each result is saved in its own transaction; one that cannot be written fails
   at stage ``store`` (the store records it itself).

Every failure is recorded in the store's ``failures`` table (one row per record: its article
id, or its origin when it never became an article) and handed to ``on_failure``; nothing ever
stops the run except the store itself becoming unusable. Nothing here imports the store.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from parley.errors import IngestError, ParleyError
from parley.ingest.reader import Read
from parley.types import Article, ArticleResult

log = logging.getLogger(__name__)

#: ``analyzer(articles)`` yields one ArticleResult or exception per article, in order (it may
#: be given a generator: it should pull articles only as it needs them).
Analyzer = Callable[[Iterable[Article]], Iterable[Any]]


class SaveReportLike(Protocol):
    @property
    def new(self) -> int: ...
    @property
    def existing(self) -> int: ...
    @property
    def failed(self) -> int: ...
    @property
    def errors(self) -> Sequence[str]: ...


class Sink(Protocol):
    """What the path needs from a store (:class:`parley.store.Store` has it)."""

    def has_documents(self, ids: Iterable[str]) -> set[str]: ...

    def save(self, results: Iterable[ArticleResult], *, origins: Any = None) -> SaveReportLike: ...

    def record_failure(self, article_id: str, stage: str, message: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Failure:
    """One record that failed: where it came from, its article id (if any), stage and why."""

    origin: str
    article_id: str
    stage: str  # read | analyze | store
    message: str
    error: BaseException | None = None

    @property
    def key(self) -> str:
        """The record's name in the failures table: its article id, else its origin.

        A name over the table's 300 characters keeps its end (the line or record number).
        """
        key = self.article_id or self.origin
        return key if len(key) <= 300 else "…" + key[-299:]


@dataclass(slots=True)
class Report:
    """Counts of one run and the messages of what failed (``failed == len(failures)``)."""

    new: int = 0
    existing: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        self.failures.append(failure)
        self.errors.append(failure.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "existing": self.existing,
            "failed": self.failed,
            "errors": self.errors,
        }


def default_analyzer(settings: Any = None) -> Analyzer:
    """:func:`parley.service.analyze_records` with ``settings``."""

    def run(articles: Iterable[Article]) -> Iterable[Any]:
        from parley.service import analyze_records

        return analyze_records(articles, settings=settings)

    return run


def analyze_each(articles: Iterable[Article], analyzer: Analyzer) -> Iterator[tuple[Article, Any]]:
    """Each article with its result or exception, in order, streaming; never raises.

    If the analyzer itself raises mid-way (a component crashing on a batch), the articles it
    had taken but not answered, and the rest, are analysed one at a time, so only the article
    that breaks it fails.
    """
    pending: deque[Article] = deque()
    source = iter(articles)

    def feed() -> Iterator[Article]:
        for article in source:
            pending.append(article)
            yield article

    try:
        for outcome in analyzer(feed()):
            if not pending:
                break
            yield pending.popleft(), outcome
    except Exception as exc:
        log.warning("the analysis broke in a batch (%r); analysing the rest one at a time", exc)
    else:
        for article in [*pending, *source]:
            yield article, ParleyError(f"article {article.id!r}: the analyzer returned no result")
        return
    for article in [*pending, *source]:
        single: Any
        try:
            single = next(iter(analyzer([article])))
        except Exception as exc:
            single = exc
        yield article, single


def process(
    reads: Iterable[Read],
    *,
    store: Sink | None = None,
    settings: Any = None,
    analyzer: Analyzer | None = None,
    skip_stored: bool = True,
    on_total: Callable[[int], None] | None = None,
    on_article: Callable[[str, str], None] | None = None,
    on_result: Callable[[Read, ArticleResult], None] | None = None,
    on_failure: Callable[[Read | None, Failure], None] | None = None,
) -> Report:
    """Analyse (and with ``store``, save) every article read; see the module doc for the policy.

    Args:
        reads: records from :func:`parley.ingest.reader.read_paths` (or built by the caller).
        store: where results go (None: analyse only).
        settings: analysis settings (default: the environment's).
        analyzer: from a list of articles to one ArticleResult or exception per article, in
            order (default: :func:`parley.service.analyze_records` with ``settings``).
        skip_stored: with a store, skip articles already stored (and repeats within the run)
            without analysing them; False analyses every article and lets the store count
            those it holds as existing (``batch --db``: its tables need every article's rows).
        on_total: called once with the number of records found.
        on_article: called per record with its id (or origin) and outcome: new, existing, failed.
        on_result: called per analysed article with its Read and result (before saving).
        on_failure: called per failure with its Read (None for a store failure found late).
    """
    from parley.ingest.records import check_article

    max_chars = getattr(settings, "max_chars", None)
    if max_chars is None:
        from parley.config import get_settings

        max_chars = get_settings().max_chars
    report = Report()
    notify = on_article or (lambda _key, _outcome: None)

    def fail(read: Read | None, failure: Failure, *, record: bool = True) -> None:
        report.fail(failure)
        if record and store is not None:
            # If the store itself is failing, the report still carries the message.
            with contextlib.suppress(ParleyError):
                store.record_failure(failure.key, failure.stage, failure.message)
        if on_failure:
            on_failure(read, failure)
        notify(failure.key, "failed")

    skip = store is not None and skip_stored
    stored: set[str] | None = None  # ids known stored; None: ask the store per article
    if on_total:
        reads = list(reads)
        on_total(len(reads))
        if skip and store is not None:
            stored = store.has_documents(r.article.id for r in reads if r.article)
    seen: set[str] = set()
    waiting: dict[int, Read] = {}
    read_ok: list[str] = []  # origins read and stored: failures of earlier runs under them go

    def todo() -> Iterator[Article]:
        for read in reads:
            article = read.article
            if article is None:
                fail(read, Failure(read.origin, "", "read", str(read.error), read.error))
                continue
            if skip and store is not None:
                known = article.id in seen or (
                    article.id in stored
                    if stored is not None
                    else bool(store.has_documents([article.id]))
                )
                if known:
                    read_ok.append(read.origin)
                    report.existing += 1
                    notify(article.id, "existing")
                    continue
                seen.add(article.id)
            try:
                check_article(article, max_chars=max_chars)
            except IngestError as exc:
                message = f"{read.origin}: {exc}"
                fail(read, Failure(read.origin, article.id, "analyze", message, exc))
                continue
            waiting[id(article)] = read
            yield article

    run = analyzer or default_analyzer(settings)
    for article, outcome in analyze_each(todo(), run):
        read = waiting.pop(id(article))
        if not isinstance(outcome, ArticleResult):
            message = f"{read.origin}: {outcome}" if str(outcome) else f"{read.origin}: {outcome!r}"
            error = outcome if isinstance(outcome, BaseException) else None
            fail(read, Failure(read.origin, article.id, "analyze", message, error))
            continue
        if on_result:
            on_result(read, outcome)
        if store is None:
            report.new += 1
            notify(article.id, "new")
            continue
        try:
            saved = store.save([outcome], origins={article.id: read.origin})
        except ParleyError as exc:  # the store failed outside its per-article transaction
            fail(read, Failure(read.origin, article.id, "store", f"{read.origin}: {exc}", exc))
            continue
        report.new += saved.new
        report.existing += saved.existing
        if saved.failed:
            message = "; ".join(saved.errors) or f"article {article.id!r} was not saved"
            # Store.save records its own failures; count this one here, once.
            fail(read, Failure(read.origin, article.id, "store", message), record=False)
            continue
        read_ok.append(read.origin)
        notify(article.id, "new" if saved.new else "existing")
    clear = getattr(store, "clear_failures", None)
    if read_ok and clear is not None:
        with contextlib.suppress(ParleyError):
            clear(read_ok)
    return report
