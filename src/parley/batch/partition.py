"""The work of one partition, as run on a Dask worker (or in-process).

Reads the partition's records, runs them through the one analyse-and-save path
(:func:`parley.ingest.pipeline.process`, which streams them through ``nlp.pipe`` via
:func:`parley.service.analyze_records`), turns results and failures into table rows, writes the
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
from parley.ingest.pipeline import Failure, analyze_each, default_analyzer, process
from parley.ingest.reader import Read
from parley.types import Article, ArticleResult

log = logging.getLogger(__name__)

PROGRESS_TOPIC = "parley-batch-progress"
_STORES: dict[str, Any] = {}

Outcome = ArticleResult | Exception


def _stage(failure: Failure) -> str:
    if failure.stage in ("read", "store"):
        return failure.stage
    if isinstance(failure.error, IngestError):
        return "ingest"
    if isinstance(failure.error, ExtractionError):
        return "extract"
    return "nlp"


def analyze_partition(
    articles: list[Article], settings: Settings
) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its result or error, in order, streaming through ``nlp.pipe``.

    ``analyze_records`` yields errors of single records in their place; if the pipeline itself
    raises (a component crashing on a batch), the rest is analysed one article at a time so only
    the article that breaks it fails (:func:`parley.ingest.pipeline.analyze_each`).
    """
    yield from analyze_each(articles, default_analyzer(settings))


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


def _open_store(db: str) -> Any:
    """The store at ``db``, opened once per worker process."""
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
    return store


def run_partition(
    part: dict[str, Any], *, out: str, settings: Settings, db: str | None = None
) -> dict[str, Any]:
    """Analyse one partition, write its table files, commit it and return its counts.

    Re-running it (a retry after a worker died) rewrites the same files: the result is the same.
    """
    spec = Partition.from_dict(part)
    started, cpu_started = time.perf_counter(), time.process_time()
    rows: Rows = empty_rows()
    reads: list[Read] = []
    records: dict[str, int] = {}  # origin -> record index, for error rows
    try:
        for record, item in read_partition(spec):
            origin = f"{spec.url}#{record}"
            records[origin] = record
            reads.append(Read(origin, item, f"{spec.key}-{record}"))
    except Exception as exc:  # the shard broke off inside this partition: keep what was read
        add_error(
            rows, stage="read", input=spec.url, message=f"{spec.url}: {type(exc).__name__}: {exc}"
        )
    if spec.tail_error:
        add_error(rows, stage="read", input=spec.url, message=spec.tail_error)

    progress = _progress_sender(spec.key)
    done = [0]

    def on_article(_key: str, _outcome: str) -> None:
        done[0] += 1
        progress(done[0])

    def on_result(_read: Read, result: ArticleResult) -> None:
        add_result(rows, result)

    def on_failure(read: Read | None, failure: Failure) -> None:
        error = failure.error
        add_error(
            rows,
            stage=_stage(failure),
            message=(str(error) or repr(error)) if error is not None else failure.message,
            doc_id=failure.article_id or None,
            input=spec.url,
            record=records.get(read.origin) if read is not None else None,
        )

    # With --db every article is analysed (the tables need its rows) and saved; one already
    # stored counts as existing: a retried partition stores nothing twice.
    outcome = process(
        reads,
        store=_open_store(db) if db is not None else None,
        settings=settings,
        skip_stored=False,
        on_article=on_article,
        on_result=on_result,
        on_failure=on_failure,
    )
    ok = len(rows["documents"])
    stored: dict[str, int] = {}
    if db is not None:
        stored = {
            "new": outcome.new,
            "existing": outcome.existing,
            "failed": sum(1 for f in outcome.failures if f.stage == "store"),
        }

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
