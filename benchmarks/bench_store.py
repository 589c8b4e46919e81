"""Store benchmark: ingest cost over bare analysis, SQLite/PostgreSQL parity, quote search latency.

Run:
    eval "$(scripts/start_postgres.sh | tail -n 1)"   # optional: adds the PostgreSQL rows
    .venv/bin/python benchmarks/bench_store.py [--quotes 100000] [--searches 300]

Writes ``benchmarks/results/store-<date>.json`` and prints the same numbers. Articles are read
from ``../shared/corpus`` (bulk + dev) at run time; search quotes are synthetic rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
INPUTS = [SHARED / "bulk" / "wikinews-2019-2020.jsonl", SHARED / "dev" / "articles.jsonl"]

# A vocabulary we write, for synthetic quotes.
VOCAB = """
    talks ceasefire sanctions agreement border troops minister president government
    negotiations peace security grain exports prisoners exchange drones missile strike
    civilians humanitarian corridor delegation summit memorandum guarantees withdrawal
    offensive reconstruction fund aid energy gas pipeline nuclear plant inspectors observers
    election parliament opposition protest police court ruling appeal refugees border
    crossing shelling artillery front line villages water dam bridge port harbour shipping
    tariffs trade deal investment loan debt budget vote we will never accept this they must
    stop now our position has not changed there is no alternative to dialogue the door
    remains open until conditions are met next week tomorrow
""".split()  # noqa: SIM905


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def load_articles() -> list[Any]:
    from parley.ingest.reader import read_paths

    arts = []
    for read in read_paths([str(p) for p in INPUTS]):
        if read.error is not None:
            print(f"skip {read.origin}: {read.error}", file=sys.stderr)
            continue
        arts.append(read.item)
    return arts


def bare_analysis(articles: list[Any]) -> tuple[float, list[Any]]:
    from parley.service import analyze_records

    t0 = time.perf_counter()
    out = list(analyze_records(articles))
    return time.perf_counter() - t0, out


def ingest_run(url: str) -> dict[str, Any]:
    """Ingest bulk + dev (analysis included) and time the store's share of it."""
    from parley.store import Store
    from parley.store.ingest import ingest

    with Store.from_url(url) as store:
        save_time = 0.0
        original = store.save

        def timed_save(*args: Any, **kwargs: Any) -> Any:
            nonlocal save_time
            t = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                save_time += time.perf_counter() - t

        store.save = timed_save  # type: ignore[method-assign]
        t0 = time.perf_counter()
        report = ingest(store, [str(INPUTS[0])])
        report_dev = ingest(store, [str(INPUTS[1])])
        total = time.perf_counter() - t0
        again = ingest(store, [str(p) for p in INPUTS])
        stats = store.stats()
        answers = query_answers(store)
        dump = store.dump()
    n = report.new + report_dev.new
    return {
        "new": n,
        "existing": report.existing + report_dev.existing,
        "failed": report.failed + report_dev.failed,
        "reingest": {"new": again.new, "existing": again.existing, "failed": again.failed},
        "errors": [e[:300] for e in (*report.errors, *report_dev.errors)],
        "seconds": round(total, 2),
        "articles_per_s": round(n / total, 2),
        "store_seconds": round(save_time, 2),
        "stats": stats,
        "answers": answers,
        "_dump": dump,
    }


def save_only(url: str, analysed: list[Any]) -> dict[str, Any]:
    """Time ``Store.save`` alone on results already analysed (the store's own cost)."""
    from parley.store import Store

    results = [r for r in analysed if not isinstance(r, Exception)]
    with Store.from_url(url) as store:
        t0 = time.perf_counter()
        report = store.save(results)
        seconds = time.perf_counter() - t0
    return {
        "articles": len(results),
        "new": report.new,
        "failed": report.failed,
        "errors": [e[:300] for e in report.errors],
        "seconds": round(seconds, 2),
        "ms_per_article": round(1000 * seconds / max(1, len(results)), 1),
    }


def query_answers(store: Any) -> dict[str, Any]:
    """A fixed set of queries whose answers must agree across backends."""
    out: dict[str, Any] = {}
    for term in ("president", "government police", "said", "election", "war"):
        page = store.search_quotes(text=term, limit=20)
        out[f"quotes:{term}"] = [page.count, [q.id for q in page.items]]
    actors = store.list_actors(limit=20)
    out["actors:top20"] = [actors.count, [(a.key, a.documents, a.quotes) for a in actors.items]]
    top = actors.items[0].key if actors.items else None
    if top:
        detail = store.get_actor(top)
        out["actor:top"] = [
            detail.name,
            detail.quote_count,
            [d.to_dict() for d in detail.quotes_over_time],
        ]
    out["timeline"] = [d.to_dict() for d in store.timeline()][:50]
    out["events"] = store.list_events(limit=50).to_dict()
    out["documents"] = [d.id for d in store.list_documents(limit=300).items]
    return out


def vocabulary(dist: str) -> tuple[list[str], list[float], list[str], list[float]]:
    """Words and weights to write quotes with, and words and weights to search for.

    ``corpus``: the word frequencies of the bulk corpus (read at run time, nothing copied), so
    quotes look like news wording; searches draw content words (not the 100 most common) by
    frequency. ``dense``: 150 words we wrote, equally common, so every search word is in
    5-15% of all quotes (a stress case).
    """
    if dist == "dense":
        order = VOCAB[:]
        random.Random(3).shuffle(order)
        weights = [1.0] * len(order)
        content = [(w, 1.0) for w in order if len(w) > 3]
        return order, weights, [w for w, _ in content], [x for _, x in content]
    from collections import Counter

    from parley.store.linking import words

    counts: Counter[str] = Counter()
    with INPUTS[0].open(encoding="utf-8") as fh:
        for line in fh:
            counts.update(words(json.loads(line)["text"]))
    ranked = counts.most_common()
    vocab = [w for w, _ in ranked]
    weights = [float(c) for _, c in ranked]
    search = [(w, float(c)) for w, c in ranked[100:] if c >= 3 and len(w) > 3]
    return vocab, weights, [w for w, _ in search], [x for _, x in search]


def fill_synthetic(url: str, n: int, dist: str = "corpus", seed: int = 7) -> None:
    from parley.store import Store
    from parley.store import schema as s

    rng = random.Random(seed)
    order, weights, _, _ = vocabulary(dist)
    with Store.from_url(url) as store, store._write() as conn:
        conn.execute(
            insert(s.actors),
            [
                {
                    "key": f"synthetic-{i}",
                    "name": f"Speaker {i}",
                    "kind": "person",
                    "country": "XXX",
                    "title": None,
                    "surname": f"s{i}",
                    "full_name": True,
                }
                for i in range(200)
            ],
        )
        day0 = date(2024, 1, 1)
        batch = []
        for i in range(n):
            words = " ".join(rng.choices(order, weights, k=rng.randint(8, 30)))
            d = day0 + timedelta(days=rng.randint(0, 700))
            batch.append(
                {
                    "id": f"q-syn-{i:07d}",
                    "text": words.capitalize() + ".",
                    "speaker_key": f"synthetic-{i % 200}",
                    "speaker_name": f"Speaker {i % 200}",
                    "kind": "direct",
                    "first_published": d,
                    "last_published": d,
                    "source_count": 1,
                    "variant_count": 1,
                    "altered": False,
                }
            )
            if len(batch) == 5000:
                conn.execute(insert(s.quotes), batch)
                batch = []
        if batch:
            conn.execute(insert(s.quotes), batch)
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("ANALYZE quotes"))
        engine.dispose()


def search_latency(url: str, searches: int, dist: str = "corpus", seed: int = 11) -> dict[str, Any]:
    """Searches of 1-3 content words, drawn with the corpus's own word frequencies."""
    from parley.store import Store

    rng = random.Random(seed)
    _, _, words, weights = vocabulary(dist)
    queries = [
        " ".join(rng.choices(words, weights, k=rng.choice((1, 1, 2, 2, 3))))
        for _ in range(searches)
    ]
    with Store.from_url(url) as store:
        total = store.stats()["quotes"]
        for q in queries[:10]:  # warm the page cache
            store.search_quotes(text=q)
        times, hits = [], []
        for q in queries:
            t = time.perf_counter()
            page = store.search_quotes(text=q, limit=50)
            times.append((time.perf_counter() - t) * 1000)
            hits.append(page.count)
    return {
        "quotes": total,
        "searches": searches,
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "max_ms": round(max(times), 2),
        "median_hits": statistics.median(hits),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    pg = os.environ.get("PARLEY_TEST_PG_URL")
    tmp = Path(tempfile.mkdtemp(prefix="parley-bench-"))
    results: dict[str, Any] = {"date": date.today().isoformat(), "machine": f"{os.cpu_count()} cpu"}

    if not args.skip_ingest:
        from parley.nlp.pipeline import load_nlp

        articles = load_articles()
        load_nlp()  # model load is not part of any timing
        analysis_s, analysed = bare_analysis(articles)
        ok = sum(1 for r in analysed if not isinstance(r, Exception))
        results["articles"] = len(articles)
        results["bare_analysis"] = {
            "seconds": round(analysis_s, 2),
            "articles_per_s": round(ok / analysis_s, 2),
        }
        backends = {"sqlite": f"sqlite:///{tmp / 'ingest.db'}"}
        if pg:
            from parley.store.testing import reset_pg

            reset_pg(pg)
            backends["postgresql"] = pg
        for name, url in backends.items():
            if name == "sqlite":
                url = f"sqlite:///{tmp / 'save-only.db'}"
            only = save_only(url, analysed)
            only["share_of_analysis"] = round(only["seconds"] / analysis_s, 3)
            results[f"save_only_{name}"] = only
            print(f"save_only_{name}", only, file=sys.stderr)
            if name == "postgresql":
                reset_pg(url)
        dumps = {}
        for name, url in backends.items():
            run = ingest_run(url)
            dumps[name] = run.pop("_dump")
            run["store_share_of_ingest"] = round(run["store_seconds"] / run["seconds"], 3)
            run["overhead_vs_bare_analysis"] = round(run["seconds"] / analysis_s - 1, 3)
            results[f"ingest_{name}"] = run
            print(
                name,
                {k: v for k, v in run.items() if k not in ("answers", "stats")},
                file=sys.stderr,
            )
        if "postgresql" in dumps:
            a, b = results["ingest_sqlite"], results["ingest_postgresql"]
            results["parity"] = {
                "same_counts": a["stats"] == b["stats"],
                "same_query_answers": a["answers"] == b["answers"],
                "same_store_dump": dumps["sqlite"] == dumps["postgresql"],
            }
        for name in backends:
            results[f"ingest_{name}"].pop("answers")

    fts_backends = {"sqlite": f"sqlite:///{tmp / 'search.db'}"}
    if pg:
        from parley.store.testing import reset_pg

        reset_pg(pg)
        fts_backends["postgresql"] = pg
    for dist in () if args.skip_search else ("corpus", "dense"):
        for name, url in fts_backends.items():
            if name == "sqlite":
                url = f"sqlite:///{tmp / f'search-{dist}.db'}"
            elif pg:
                reset_pg(pg)
            t = time.perf_counter()
            fill_synthetic(url, args.quotes, dist)
            fill_s = time.perf_counter() - t
            key = f"search_{name}_{dist}"
            results[key] = {
                **search_latency(url, args.searches, dist),
                "fill_seconds": round(fill_s, 1),
            }
            print(key, results[key], file=sys.stderr)
    if pg:
        reset_pg(pg)

    out_dir = REPO / "benchmarks" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"store-{date.today().isoformat()}.json"
    if out.exists():  # a partial run (--skip-*) keeps the other half of an earlier one
        earlier = json.loads(out.read_text(encoding="utf-8"))
        results = {**earlier, **results}
    out.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1, default=str))
    print(f"written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
