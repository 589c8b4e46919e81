"""Running a batch on Dask distributed: a local cluster of worker processes or the user's own.

The client plans (one small task per input), submits one task per partition that is not yet
committed, and follows them to the end. Workers load the model once (a worker plugin, and
``load_nlp``'s per-process cache), write their partitions' files and send back counts only.
Dask reruns the tasks of a worker that dies; partition files have deterministic names and are
committed by a marker written last, so the output has neither duplicates nor gaps.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from parley.batch.manifest import MANIFEST_VERSION, Output
from parley.batch.partition import PROGRESS_TOPIC, run_partition
from parley.batch.readers import expand_inputs, fingerprint, plan_input
from parley.config import Settings, get_settings
from parley.errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 50


@dataclass
class BatchSummary:
    """What a batch did: counts, time and where the output is."""

    out: str
    articles: int = 0  # analysed into results
    failures: int = 0  # error rows
    records: int = 0  # input records covered by the output
    partitions_run: int = 0
    partitions_skipped: int = 0  # committed by an earlier run
    partitions_failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    process_seconds: float = 0.0
    already_complete: bool = False
    dashboard: str | None = None

    @property
    def rate(self) -> float:
        """Records per second while partitions were running."""
        done = self.records_run
        return done / self.process_seconds if self.process_seconds > 0 else 0.0

    records_run: int = 0


@dataclass
class BatchListener:
    """Callbacks the CLI uses for its progress bar; all optional."""

    connected: Callable[[str | None], None] = lambda dashboard: None  # dashboard URL or None
    started: Callable[[int, int], None] = lambda total, skipped: None  # records to do, already done
    progress: Callable[[int], None] = lambda done: None  # records processed so far in this run
    note: Callable[[str], None] = lambda message: None


WARMUP_TEXT = (
    '"We are ready to talk," the foreign minister of Norway said in Oslo on Friday, adding that '
    "both sides would meet in Geneva next week to sign a ceasefire."
)


class LoadModelPlugin(WorkerPlugin):
    """Worker plugin: load the pipeline when a worker starts (and fail early if it cannot)."""

    idempotent = True
    name = "parley-load-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        import os

        from parley.config import get_settings
        from parley.service import analyze_many

        if os.environ.get("MALLOC_TRIM_THRESHOLD_"):
            # A user's own `dask worker` gets this from Dask's defaults; glibc read it at start.
            log.warning(
                "worker %s runs with MALLOC_TRIM_THRESHOLD_=%s, which makes Parley's analysis "
                "about 10%% slower; start the workers with Dask's "
                "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_ set to null "
                "(see docs/scale.md)",
                getattr(worker, "address", "?"),
                os.environ["MALLOC_TRIM_THRESHOLD_"],
            )

        # One short article loads the model and every lazy lexicon of the rules now, once per
        # worker process, rather than inside the first partition.
        settings = get_settings().with_overrides(model=self.model)
        list(analyze_many([{"text": WARMUP_TEXT, "published": "2025-04-18"}], settings=settings))


#: Dask settings for the worker processes of a local cluster (see ``docs/scale.md``).
WORKER_CONFIG: dict[str, Any] = {
    # The statistical profiler samples the task thread every 10 ms; for long CPU-bound tasks it
    # cost about 5% of the analysis here, and it only feeds a dashboard page.
    "distributed.worker.profile.enabled": False,
    # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536 so they hand freed memory back to
    # the OS. Setting any malloc threshold turns off glibc's adaptive mmap threshold, so every
    # array spaCy allocates above 128 kB becomes a fresh mmap: 26 times the page faults and 10-12%
    # more CPU per article, measured here. None removes the variable; glibc then keeps freed
    # memory for reuse (peak 905 MB against 746 MB for one worker over the bulk corpus).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def dashboard_available() -> bool:
    """The Dask dashboard needs bokeh, which Parley does not install."""
    return importlib.util.find_spec("bokeh") is not None


def start_local_cluster(workers: int) -> Any:
    """A LocalCluster on loopback: ``workers`` processes with one thread each."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            # Port 0: several batches (or other Dask users) on one machine never clash over 8787.
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        )


def _plan(
    client: Any, out: Output, urls: list[str], partition_size: int, listener: BatchListener
) -> dict[str, Any]:
    """The manifest's ``inputs``: each URL's fingerprint and partitions (earlier plans reused)."""
    manifest = out.load_manifest() or {}
    if manifest and manifest.get("partition_size") != partition_size:
        raise ConfigError(
            f"{out.url} was made with --partition-size {manifest.get('partition_size')}; "
            f"use that value to resume it, or choose a new --out"
        )
    inputs: dict[str, Any] = dict(manifest.get("inputs", {}))
    todo = []
    for url in urls:
        fp = fingerprint(url)
        known = inputs.get(url)
        if known is not None and known["fingerprint"] != fp:
            raise ConfigError(
                f"{url} changed since {out.url} was written; write this batch to a new --out"
            )
        if known is None:
            todo.append((url, fp))
    if todo:
        listener.note(f"planning {len(todo)} input(s)")
        futures = client.map(
            plan_input,
            [u for u, _ in todo],
            partition_size=partition_size,
            key=[f"parley-plan-{_tag(out.url)}-{u}" for u, _ in todo],
        )
        for (url, fp), parts in zip(todo, client.gather(futures), strict=True):
            inputs[url] = {"fingerprint": fp, "partitions": [p.to_dict() for p in parts]}
    return inputs


def _manifest(
    inputs: dict[str, Any],
    partition_size: int,
    settings: Settings,
    status: str,
    done: dict[str, Any],
) -> dict[str, Any]:
    from parley import __version__
    from parley.types import SCHEMA_VERSION

    keys = [p["key"] for inp in inputs.values() for p in inp["partitions"]]
    reports = [done[k] for k in keys if k in done]
    return {
        "manifest_version": MANIFEST_VERSION,
        "schema_version": SCHEMA_VERSION,
        "parley_version": __version__,
        "model": settings.model,
        "status": status,
        "partition_size": partition_size,
        "inputs": inputs,
        "totals": {
            "partitions": len(keys),
            "committed": len(reports),
            "records": sum(r["count"] for r in reports),
            "articles": sum(r["articles"] for r in reports),
            "errors": sum(r["errors"] for r in reports),
        },
    }


def _complete(out: Output, urls: list[str], partition_size: int) -> dict[str, Any] | None:
    """The manifest if it already covers ``urls`` unchanged and every partition is committed."""
    manifest = out.load_manifest()
    if not manifest or manifest.get("partition_size") != partition_size:
        return None
    inputs = manifest.get("inputs", {})
    for url in urls:
        if url not in inputs or inputs[url]["fingerprint"] != fingerprint(url):
            return None
    done = out.committed()
    keys = [p["key"] for u in urls for p in inputs[u]["partitions"]]
    return manifest if all(k in done for k in keys) else None


def run_batch(
    inputs: list[str],
    out: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    db: str | None = None,
    settings: Settings | None = None,
    listener: BatchListener | None = None,
) -> BatchSummary:
    """Analyse every article of ``inputs`` on Dask and write partitioned Parquet to ``out``.

    Args:
        inputs: JSONL, JSONL.gz, Parquet or WARC files, folders, globs or fsspec URLs.
        out: output folder or fsspec URL (shared by all workers on a multi-node cluster).
        scheduler: address of an existing Dask scheduler (``tcp://host:8786``); without it a
            LocalCluster of ``workers`` processes on 127.0.0.1 is started and stopped.
        workers: worker processes of the local cluster (one thread each).
        partition_size: records per partition (task); keep it when resuming an output.
        db: optional store URL; each worker saves its partitions' results there too.
        settings: model and limits, sent to the workers (default: from the environment).
        listener: progress callbacks.

    Returns:
        The counts and times of the run. A finished batch run again does nothing and returns
        ``already_complete=True``.

    Example:
        >>> run_batch(["news.jsonl.gz"], "out/", workers=4)  # doctest: +SKIP
    """
    if partition_size < 1:
        raise ConfigError("--partition-size must be at least 1")
    if scheduler is None and workers < 1:
        raise ConfigError("--workers must be at least 1")
    settings = settings or get_settings()
    listener = listener or BatchListener()
    began = time.perf_counter()
    urls = expand_inputs(inputs)
    output = Output(out)
    summary = BatchSummary(out=out)

    finished = _complete(output, urls, partition_size)
    if finished is not None:
        _fill_totals(summary, output, finished, urls)
        summary.partitions_skipped = sum(len(finished["inputs"][u]["partitions"]) for u in urls)
        summary.already_complete = True
        summary.seconds = time.perf_counter() - began
        return summary
    if db is not None:
        _prepare_store(db)

    from distributed import Client, as_completed

    cluster = None if scheduler else start_local_cluster(workers)
    client = Client(scheduler or cluster)  # type: ignore[no-untyped-call]
    try:
        summary.dashboard = _dashboard(client) if scheduler or dashboard_available() else None
        listener.connected(summary.dashboard)
        client.register_plugin(LoadModelPlugin(settings.model))
        plan = _plan(client, output, urls, partition_size, listener)
        done = output.committed()
        output.save_manifest(_manifest(plan, partition_size, settings, "running", done))
        parts = [p for u in urls for p in plan[u]["partitions"]]
        todo = [p for p in parts if p["key"] not in done]
        summary.partitions_skipped = len(parts) - len(todo)
        total = sum(p["count"] for p in todo)
        listener.started(total, sum(p["count"] for p in parts if p["key"] in done))

        lock = threading.Lock()
        inflight: dict[str, int] = {}

        def on_event(event: tuple[float, dict[str, Any]]) -> None:
            msg = event[1]
            with lock:
                inflight[msg["key"]] = msg["done"]
                current = sum(inflight.values())
            listener.progress(current)

        client.subscribe_topic(PROGRESS_TOPIC, on_event)  # type: ignore[no-untyped-call]
        t0 = time.perf_counter()
        futures = client.map(
            run_partition,
            todo,
            out=out,
            settings=settings,
            db=db,
            key=[f"parley-partition-{_tag(out)}-{p['key']}" for p in todo],
            retries=1,
        )
        by_key = {f.key: p for f, p in zip(futures, todo, strict=True)}
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            part = by_key[future.key]
            try:
                report = future.result()
            except Exception as exc:  # the whole partition failed (after Dask's retries)
                summary.partitions_failed.append(part["key"])
                listener.note(f"partition {part['key']} failed: {type(exc).__name__}: {exc}")
                continue
            finally:
                # The partition is on disk and its report read: a worker lost later must not
                # make the scheduler run it again, writing into _tmp after the clean-up below.
                future.release()
            summary.partitions_run += 1
            summary.records_run += report["count"]
            with lock:
                inflight[part["key"]] = part["count"]
                current = sum(inflight.values())
            listener.progress(current)
        summary.process_seconds = time.perf_counter() - t0
        client.unsubscribe_topic(PROGRESS_TOPIC)  # type: ignore[no-untyped-call]

        done = output.committed()
        status = "complete" if all(p["key"] in done for p in parts) else "incomplete"
        manifest = _manifest(plan, partition_size, settings, status, done)
        output.save_manifest(manifest)
        output.clean_tmp()
        _fill_totals(summary, output, manifest, urls, done)
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - began
    return summary


def _fill_totals(
    summary: BatchSummary,
    out: Output,
    manifest: dict[str, Any],
    urls: list[str],
    done: dict[str, Any] | None = None,
) -> None:
    done = out.committed() if done is None else done
    keys = [p["key"] for u in urls for p in manifest["inputs"][u]["partitions"]]
    reports = [done[k] for k in keys if k in done]
    summary.records = sum(r["count"] for r in reports)
    summary.articles = sum(r["articles"] for r in reports)
    summary.failures = sum(r["errors"] for r in reports)


def _prepare_store(db: str) -> None:
    """Open the store once here, so its schema is created or migrated before workers write.

    (Workers opening a fresh database at the same moment would race to create it.) A bad URL
    also fails here, before any work.
    """
    try:
        from parley.store import Store
    except ImportError as exc:
        raise ConfigError(
            "--db needs parley.store, which this installation does not have; drop --db"
        ) from exc
    Store.from_url(db).close()


def _tag(out: str) -> str:
    """Part of the task keys, so two batches into different folders never share a key."""
    return hashlib.sha1(out.encode()).hexdigest()[:8]


def _dashboard(client: Any) -> str | None:
    """The dashboard URL when the scheduler serves one.

    Without bokeh the scheduler still answers on its HTTP port (health, metrics), so a local
    cluster is only said to have a dashboard when bokeh is importable here.
    """
    try:
        services = client.scheduler_info().get("services", {})
    except Exception:
        return None
    return str(client.dashboard_link) if "dashboard" in services else None
