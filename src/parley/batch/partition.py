"""The work of one partition, as run on a Dask worker (or in-process).

Reads the partition's records, streams the articles through ``nlp.pipe`` via
:func:`parley.service.analyze_records`, turns results and failures into table rows, writes the
partition's files and commits it. Only a small report (counts) goes back to the client; no
spaCy object and no result leaves the worker. The model is loaded once per process
(``load_nlp`` caches it); one bad article becomes an error row and never fails the partition.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

from parley.batch.manifest import Output
from parley.batch.readers import Partition, read_partition
from parley.batch.tables import TABLES, Rows, add_error, add_result, empty_rows, to_arrow
from parley.config import Settings
from parley.errors import ExtractionError, IngestError, ParleyError
from parley.types import Article, ArticleResult

log = logging.getLogger(__name__)

PROGRESS_TOPIC = "parley-batch-progress"
_STORES: dict[str, Any] = {}

Outcome = ArticleResult | Exception


def _stage(outcome: Exception) -> str:
    if isinstance(outcome, IngestError):
        return "ingest"
    if isinstance(outcome, ExtractionError):
        return "extract"
    return "nlp"


def analyze_partition(
    articles: list[Article], settings: Settings
) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its result or error, in order, streaming through ``nlp.pipe``.

    ``analyze_records`` yields errors of single records in their place; if the pipeline itself
    raises (a component crashing on a batch), the rest is analysed one article at a time so only
    the article that breaks it fails.
    """
    from parley.service import analyze_records

    done = 0
    try:
        for piped in analyze_records(articles, settings=settings):
            yield articles[done], piped
            done += 1
        return
    except Exception as exc:  # the pipe broke mid-batch: find the culprit one by one
        log.warning("nlp.pipe failed in a batch (%r); analysing the rest one at a time", exc)
    for article in articles[done:]:
        try:
            outcome: Outcome = next(iter(analyze_records([article], settings=settings)))
        except Exception as exc:
            outcome = exc
        yield article, outcome


def _progress_sender(key: str) -> Callable[[int], None]:
    """A throttled callback telling the client how far this partition is (Dask event)."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return lambda n: None
    last = [0.0]

    def send(n: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.5:
            last[0] = now
            worker.log_event(PROGRESS_TOPIC, {"key": key, "done": n})

    return send


def _save_to_store(db: str, results: list[ArticleResult], *, origin: str) -> Any:
    """Save results to the store at ``db`` (opened once per worker process); its SaveReport."""
    try:
        from parley.store import Store
    except ImportError as exc:
        raise ParleyError(
            "--db needs parley.store, which this installation does not have; "
            "drop --db and load the Parquet output later"
        ) from exc
    store = _STORES.get(db)
    if store is None:
        store = _STORES[db] = Store.from_url(db)
    # Idempotent by document id: a retried partition finds its articles already stored.
    return store.save(results, origins={r.article.id: origin for r in results})


def run_partition(
    part: dict[str, Any], *, out: str, settings: Settings, db: str | None = None
) -> dict[str, Any]:
    """Analyse one partition, write its table files, commit it and return its counts.

    Re-running it (a retry after a worker died) rewrites the same files: the result is the same.
    """
    spec = Partition.from_dict(part)
    started, cpu_started = time.perf_counter(), time.process_time()
    rows: Rows = empty_rows()
    articles: list[Article] = []
    records: dict[int, int] = {}  # id(article) -> record index, for error rows
    try:
        for record, item in read_partition(spec):
            if isinstance(item, IngestError):
                add_error(rows, stage="read", message=str(item), input=spec.url, record=record)
            else:
                records[id(item)] = record
                articles.append(item)
    except Exception as exc:  # the shard broke off inside this partition: keep what was read
        add_error(
            rows, stage="read", input=spec.url, message=f"{spec.url}: {type(exc).__name__}: {exc}"
        )
    if spec.tail_error:
        add_error(rows, stage="read", input=spec.url, message=spec.tail_error)

    progress = _progress_sender(spec.key)
    keep = db is not None
    results: list[ArticleResult] = []
    ok = 0
    for n, (article, outcome) in enumerate(analyze_partition(articles, settings), start=1):
        if isinstance(outcome, ArticleResult):
            add_result(rows, outcome)
            ok += 1
            if keep:
                results.append(outcome)
        else:
            add_error(
                rows,
                stage=_stage(outcome),
                message=str(outcome) or repr(outcome),
                doc_id=article.id,
                input=spec.url,
                record=records.get(id(article)),
            )
        progress(n)

    stored: dict[str, int] = {}
    if db is not None and results:
        saved = _save_to_store(db, results, origin=spec.url)
        stored = {"new": saved.new, "existing": saved.existing, "failed": saved.failed}
        for message in saved.errors:
            add_error(rows, stage="store", input=spec.url, message=message)

    output = Output(out)
    tables = to_arrow(rows)
    for name in TABLES:
        output.write_table(name, spec.key, tables[name])
    report = {
        "key": spec.key,
        "url": spec.url,
        "start": spec.start,
        "count": spec.count,
        "articles": ok,
        "errors": len(rows["errors"]),
        "rows": {name: tables[name].num_rows for name in TABLES},
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
        "stored": stored,
    }
    output.commit(report)
    return report
