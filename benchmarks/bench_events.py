#!/usr/bin/env python3
"""What event extraction adds to the core analysis, measured on the bulk corpus.

usage: bench_events.py [--corpus FILE.jsonl] [--limit N] [--no-write]

Parses the articles once (``nlp.pipe``), then times, on the same Docs:

- ``core``: ``analyze_doc`` with event extraction switched off (actors, quotes, reported
  speech, dates and the other rules), plus the parse itself;
- ``events``: ``extract_events`` alone, given what the core produced.

The overhead is ``events / core``; the target is at most 30%. Results go to
``benchmarks/results/events-<date>.json``; ``docs/events.md`` quotes them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bulk" / "wikinews-2019-2020.jsonl"


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    from parley.nlp import analyzer
    from parley.nlp.pipeline import load_nlp
    from parley.nlp.rules import events as events_rule
    from parley.types import Article

    records = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
    records = records[: args.limit]
    articles = [
        Article(
            text=r["text"],
            id=r.get("id") or "",
            published=date.fromisoformat(r["published"][:10]) if r.get("published") else None,
        )
        for r in records
    ]
    nlp = load_nlp()
    list(nlp.pipe([a.text for a in articles[:3]]))  # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    parse = time.perf_counter() - t0

    real = events_rule.extract_events
    spent = 0.0

    def timed(*a, **kw):  # type: ignore[no-untyped-def]
        nonlocal spent
        t = time.perf_counter()
        out = real(*a, **kw)
        spent += time.perf_counter() - t
        return out

    analyzer.extract_events = timed  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    n_events = sum(
        len(analyzer.analyze_doc(doc, art).events) for doc, art in zip(docs, articles, strict=True)
    )
    rules = time.perf_counter() - t0
    analyzer.extract_events = real  # type: ignore[attr-defined]

    core = parse + rules - spent
    result = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "articles": len(articles),
        "characters": sum(len(a.text) for a in articles),
        "events": n_events,
        "parse_seconds": round(parse, 3),
        "core_rules_seconds": round(rules - spent, 3),
        "events_seconds": round(spent, 3),
        "overhead_vs_core": round(spent / core, 4) if core else None,
    }
    print(json.dumps(result, indent=2))
    if not args.no_write:
        out = HERE / "results" / f"events-{date.today().isoformat()}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
