#!/usr/bin/env python3
"""Time and peak memory of ``parley.analyze`` against the size of one input, 1 KB to 2 MB.

usage: bench_size.py [--sizes 1000,10000,...] [--kinds news,quote_soup,...] [--no-write]

Each point (kind, size) runs in a fresh subprocess: it loads the pipeline, warms up on a short
article, then times ``parley.analyze(text)`` on one text of ``size`` characters. Peak memory is
the subprocess's ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (model included). An input past
its budget (``Settings.article_seconds`` / ``article_memory_mb``) is reported as ``refused``
with the time it took to be refused.

Kinds: ``news`` concatenates articles of ``../shared/corpus/bulk`` (read at run time, nothing is
copied here) up to the size; the others are adversarial texts built from a short unit:
``quote_soup`` (words and quotation marks at random, no sentence end), ``giant_sentence`` (words
at random, no punctuation), ``names`` ("Name" lines), ``list`` (a comma list of countries),
``quotes_said`` (one attributed quotation repeated), ``killed`` (one casualty sentence repeated).

Results go to ``benchmarks/results/size-<date>.json`` and the table between the ``size``
markers of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "wikinews-2019-2020.jsonl"
DOC = REPO / "docs" / "benchmarks.md"
START, END = "<!-- size:start -->", "<!-- size:end -->"
SIZES = (1_000, 10_000, 100_000, 1_000_000, 2_000_000)
KINDS = ("news", "quote_soup", "giant_sentence", "names", "list", "quotes_said", "killed")
_WORDS = (
    "the talks said minister Anna Berg peace Russia Ukraine agreed ceasefire on Friday 12 March"
).split()
_MARKS = ['"', "“", "”", "'", "«", "»", "‘", "’"]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _news(size: int) -> str:
    parts: list[str] = []
    total = 0
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                parts.append(json.loads(line)["text"])
                total += len(parts[-1]) + 2
                if total >= size:
                    break
    text = "\n\n".join(parts)
    while len(text) < size:  # the bulk corpus has 1.2 MB: repeat it for 2 MB
        text = text + "\n\n" + text
    return text[:size]


def _random_words(size: int, pool: list[str], seed: int) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total <= size:
        out.append(rng.choice(pool))
        total += len(out[-1]) + 1
    return " ".join(out)[:size]


def make_text(kind: str, size: int) -> str:
    if kind == "news":
        return _news(size)
    if kind == "quote_soup":
        return _random_words(size, _WORDS + _MARKS, 1)
    if kind == "giant_sentence":
        return _random_words(size, _WORDS, 2)
    units = {
        "names": "Name\n",
        "list": "Russia, Ukraine, France, Germany, ",
        "quotes_said": '"We will sign," Berg said. ',
        "killed": "Five people were killed in Kyiv. ",
    }
    return _repeat(units[kind], size)


def worker(kind: str, size: int) -> dict[str, Any]:
    """One point, inside a fresh subprocess."""
    import parley
    from parley.errors import ExtractionError

    text = make_text(kind, size)
    parley.analyze('"We will sign," Anna Berg said on Friday.', published="2025-04-18")
    t0 = time.perf_counter()
    outcome = "ok"
    try:
        result = parley.analyze(text, published="2020-03-12")
        detail = f"{len(result.quotes)} quotes, {len(result.actors)} actors"
    except ExtractionError as exc:
        outcome, detail = "refused", str(exc)[:160]
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "kind": kind,
        "size": size,
        "chars": len(text),
        "seconds": round(seconds, 2),
        "peak_mb": round(peak_mb),
        "outcome": outcome,
        "detail": detail,
    }


def run_point(kind: str, size: int, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__)), "--worker", kind, str(size)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"kind": kind, "chars": size, "seconds": None, "peak_mb": None,
                "outcome": f"killed after {timeout:g} s", "detail": ""}  # fmt: skip
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"kind": kind, "chars": size, "seconds": round(time.perf_counter() - t0, 2),
                "peak_mb": None, "outcome": "crashed", "detail": proc.stderr[-300:]}  # fmt: skip
    point: dict[str, Any] = json.loads(lines[-1])
    return point


def _size(point: dict[str, Any]) -> int:
    """The size asked for (older results: the nearest size of at most 0.1% more characters)."""
    if "size" in point:
        return int(point["size"])
    return int(round(point["chars"], -2))


def table(points: list[dict[str, Any]]) -> str:
    points = [{**p, "chars": _size(p)} for p in points]
    sizes = sorted({p["chars"] for p in points})
    kinds = list(dict.fromkeys(p["kind"] for p in points))
    head = "| input | " + " | ".join(f"{s:,} chars" for s in sizes) + " |"
    rows = [head, "|" + "---|" * (len(sizes) + 1)]
    for kind in kinds:
        cells = []
        for size in sizes:
            p = next((q for q in points if q["kind"] == kind and q["chars"] == size), None)
            if p is None:
                cells.append("")
            elif p["seconds"] is None or p["peak_mb"] is None:
                cells.append(p["outcome"])
            else:
                mark = "" if p["outcome"] == "ok" else f" {p['outcome']}"
                cells.append(f"{p['seconds']:.1f} s, {p['peak_mb']} MB{mark}")
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per point")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--table", metavar="RESULTS.json", help="only write the table of a file")
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]))), flush=True)
        return 0
    if args.table:
        _write_table(table(json.loads(Path(args.table).read_text(encoding="utf-8"))["points"]))
        return 0
    points = []
    for kind in args.kinds.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            point = run_point(kind, size, args.timeout)
            print(json.dumps(point), flush=True)
            points.append(point)
    text = table(points)
    print(text)
    if args.no_write:
        return 0
    stamp = datetime.now().strftime("%Y-%m-%d")
    out = HERE / "results" / f"size-{stamp}.json"
    out.parent.mkdir(exist_ok=True)
    meta = {"python": platform.python_version(), "machine": platform.machine(), "cpus": _cpus()}
    out.write_text(json.dumps({"meta": meta, "points": points}, indent=1) + "\n", encoding="utf-8")
    _write_table(text)
    print(f"wrote {out}")
    return 0


def _write_table(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if START in doc and END in doc:
        before, rest = doc.split(START, 1)
        _, after = rest.split(END, 1)
        DOC.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
