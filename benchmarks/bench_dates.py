#!/usr/bin/env python3
"""Cost of the time-expression rule against the whole analysis, on the same parsed articles.

usage: bench_dates.py [--corpus FILE.jsonl] [--limit N] [--rounds R] [--no-write]

Parses the articles once, then times (CPU, best of ``--rounds``) over the same Docs:

- ``calendar``: the calendar pass alone (what ``extract_dates`` was before issue 13);
- ``dates``: ``extract_dates``, every TIMEX3 type;
- ``rules``: ``analyze_doc``, every rule and the conversion to ``ArticleResult``;
- ``parse``: ``nlp.pipe`` over the texts.

The added per-article cost is ``dates - calendar``, reported as a share of ``parse + rules``
(the whole analysis). Results go to ``benchmarks/results/dates-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "bulk" / "wikinews-2019-2020.jsonl"


def _cpu(fn: Any, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()

    from parley.config import DEFAULT_MODEL
    from parley.nlp.analyzer import analyze_doc
    from parley.nlp.pipeline import load_nlp
    from parley.nlp.rules.dates import extract_dates
    from parley.nlp.rules.dates.calendar import extract_calendar_dates
    from parley.types import Article

    lines = Path(a.corpus).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    if a.limit:
        records = records[: a.limit]
    articles = [
        Article(
            id=str(r["id"]),
            text=r["text"],
            published=date.fromisoformat(r["published"][:10]) if r.get("published") else None,
        )
        for r in records
    ]
    nlp = load_nlp(DEFAULT_MODEL)
    texts = [x.text for x in articles]
    start = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.process_time() - start

    def each(fn: Any) -> Any:
        def run() -> None:
            for doc, art in zip(docs, articles, strict=True):
                doc.user_data.clear()
                fn(doc, art)

        return run

    calendar = _cpu(each(lambda d, x: extract_calendar_dates(d, published=x.published)), a.rounds)
    dates = _cpu(each(lambda d, x: extract_dates(d, published=x.published)), a.rounds)
    rules = _cpu(each(lambda d, x: analyze_doc(d, x)), a.rounds)
    added = dates - calendar
    result = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "corpus": Path(a.corpus).name,
        "articles": len(articles),
        "cpu_seconds": {
            "parse": round(parse, 3),
            "rules": round(rules, 3),
            "calendar": round(calendar, 3),
            "dates": round(dates, 3),
        },
        "added_ms_per_article": round(1000 * added / len(articles), 2),
        "added_share_of_analysis": round(added / (parse + rules), 4),
    }
    print(json.dumps(result, indent=1))
    if not a.no_write:
        out = HERE / "results" / f"dates-{date.today().isoformat()}.json"
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"written to {out}")


if __name__ == "__main__":
    main()
