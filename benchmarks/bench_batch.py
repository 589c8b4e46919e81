#!/usr/bin/env python3
"""Throughput of ``parley batch`` with 1 and 2 workers, and its overhead over ``analyze_many``.

usage: bench_batch.py [--corpus FILE] [--limit N] [--rounds R] [--partition-size P] [--no-write]

Three measurements on the same articles (``../shared/corpus/bulk/wikinews-2019-2020.jsonl``):

- ``single``: ``parley.analyze_many`` in one fresh process, model loaded and warmed up on three
  articles before the timed pass;
- ``batch-1`` / ``batch-2``: :func:`parley.batch.dask.run_batch` on a LocalCluster of 1 or 2
  worker processes (one thread each) into a fresh output folder. The rate counts from the
  submission of the partitions to the last commit; workers have loaded the model by then
  (worker plugin), so cluster start-up and model loading are reported apart (``wall_seconds``).

Per-article overhead of the batch path = ``single rate / batch-1 rate - 1`` (reading the shard,
building rows, writing Parquet, Dask scheduling). Scaling = ``batch-2 rate / batch-1 rate``.
Because wall-clock rates mean little on a machine shared with other jobs, CPU time is counted
too: the CPU seconds of the worker processes, the scheduler and the client across the batch
(psutil), against the CPU seconds of ``analyze_many``; the CPU overhead is their ratio - 1
(``worker_cpu_*`` counts the workers only: the scheduler and the client do not grow with the
cluster),
and ``1000 / CPU ms per article`` is the rate one free core sustains.
Rounds alternate and the fastest of each kind is kept; the 1-minute load average before each
run is recorded, because the machine may be shared. Results go to
``benchmarks/results/batch-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "wikinews-2019-2020.jsonl"
WARMUP = 3


def write_subset(corpus: Path, limit: int | None, target: Path) -> int:
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = lines[:limit] if limit else lines
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def single(path: Path) -> dict[str, Any]:
    """analyze_many over the file in this (fresh) process."""
    from parley.ingest.files import read_articles
    from parley.nlp.pipeline import load_nlp
    from parley.service import analyze_many

    articles = [a for a in read_articles(str(path)) if not isinstance(a, Exception)]
    load_nlp()
    list(analyze_many(articles[:WARMUP]))
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(1 for _ in analyze_many(articles))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "articles": n,
        "seconds": round(seconds, 3),
        "rate": round(n / seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "cpu_ms_per_article": round(1000 * cpu / n, 2),
    }


def _cpu() -> float:
    import psutil

    t = psutil.Process().cpu_times()
    return float(t.user + t.system)


def batch(path: Path, workers: int, partition_size: int) -> dict[str, Any]:
    """run_batch on a LocalCluster; CPU of workers, scheduler and client counted around it."""
    from distributed import Client

    from parley.batch.dask import LoadModelPlugin, run_batch, start_local_cluster
    from parley.config import get_settings

    cluster = start_local_cluster(workers)
    client = Client(cluster)
    try:
        # Model load and warm-up first, as run_batch does (it re-registers the same idempotent
        # plugin, which is then a no-op), so the counted CPU is the batch's own.
        client.register_plugin(LoadModelPlugin(get_settings().model))
        with tempfile.TemporaryDirectory(prefix="bench-batch-") as out:
            w0, s0, c0 = sum(client.run(_cpu).values()), client.run_on_scheduler(_cpu), _cpu()
            s = run_batch(
                [str(path)], out, scheduler=cluster.scheduler_address, partition_size=partition_size
            )
            w1, s1, c1 = sum(client.run(_cpu).values()), client.run_on_scheduler(_cpu), _cpu()
    finally:
        client.close()
        cluster.close()
    worker_cpu, cpu = w1 - w0, (w1 - w0) + (s1 - s0) + (c1 - c0)
    n = s.records_run
    return {
        "articles": n,
        "seconds": round(s.process_seconds, 3),
        "rate": round(s.rate, 3),
        "wall_seconds": round(s.seconds, 3),
        "failures": s.failures,
        "partitions": s.partitions_run,
        "cpu_seconds": round(cpu, 3),
        "cpu_ms_per_article": round(1000 * cpu / n, 2),
        "worker_cpu_seconds": round(worker_cpu, 3),
        "worker_cpu_ms_per_article": round(1000 * worker_cpu / n, 2),
    }


def run_kind(kind: str, path: Path, partition_size: int) -> dict[str, Any]:
    """One measurement in a fresh interpreter, so no run inherits another's warm caches."""
    load = os.getloadavg()[0]
    proc = subprocess.run(
        [
            sys.executable,
            __file__,
            "--_run",
            kind,
            "--_path",
            str(path),
            "--partition-size",
            str(partition_size),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_before"] = round(load, 2)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=20)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--_run", help=argparse.SUPPRESS)
    ap.add_argument("--_path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args._run:
        if args._run == "single":
            out = single(args._path)
        else:
            out = batch(args._path, int(args._run.split("-")[1]), args.partition_size)
        print(json.dumps(out))
        return

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        n = write_subset(args.corpus, args.limit, path)
        runs: dict[str, list[dict[str, Any]]] = {"single": [], "batch-1": [], "batch-2": []}
        for r in range(args.rounds):
            for kind in runs:
                res = run_kind(kind, path, args.partition_size)
                runs[kind].append(res)
                print(
                    f"round {r + 1} {kind:8s} {res['rate']:7.2f} articles/s "
                    f"{res['cpu_ms_per_article']:7.1f} CPU ms/article (load {res['load_before']})",
                    file=sys.stderr,
                )
    best = {k: max(v, key=lambda x: x["rate"]) for k, v in runs.items()}
    cpu = {k: min(r["cpu_ms_per_article"] for r in v) for k, v in runs.items()}
    report = {
        "date": datetime.now().date().isoformat(),
        "machine": f"{os.cpu_count()} cpu {platform.machine()}, Python {platform.python_version()}",
        "articles": n,
        "partition_size": args.partition_size,
        "rounds": args.rounds,
        "best": best,
        "runs": runs,
        "scaling_2_over_1": round(best["batch-2"]["rate"] / best["batch-1"]["rate"], 3),
        "overhead_batch1_vs_single": round(best["single"]["rate"] / best["batch-1"]["rate"] - 1, 4),
        "cpu_ms_per_article": cpu,
        "cpu_overhead_batch1_vs_single": round(cpu["batch-1"] / cpu["single"] - 1, 4),
        "cpu_overhead_batch2_vs_single": round(cpu["batch-2"] / cpu["single"] - 1, 4),
        "worker_cpu_overhead_batch1_vs_single": round(
            min(r["worker_cpu_ms_per_article"] for r in runs["batch-1"]) / cpu["single"] - 1, 4
        ),
        "worker_cpu_overhead_batch2_vs_single": round(
            min(r["worker_cpu_ms_per_article"] for r in runs["batch-2"]) / cpu["single"] - 1, 4
        ),
        "articles_per_cpu_second_batch": round(1000 / cpu["batch-1"], 3),
    }
    print(json.dumps(report, indent=1))
    if not args.no_write:
        target = HERE / "results" / f"batch-{report['date']}.json"
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
