"""Load benchmark of the HTTP API, bounded and on loopback only.

1. Quote search: a store with ``--quotes`` synthetic quotes (default 100,000; cached under
   ``benchmarks/.cache/``), served by ``parley serve`` (one uvicorn process, rate limit off),
   loaded with ``wrk`` (Debian package) for ``--seconds`` with a mix of full-text, speaker,
   date-range and plain listing queries. Reports requests/s and latency percentiles.
2. Analyse: the dev articles of ../shared/corpus analysed by the library (``parley.analyze``)
   and posted one by one to ``POST /api/v1/analyze`` of the same server: articles/s of both.

Results go to ``benchmarks/results/api-<date>.json`` and are quoted in docs/api.md.

Usage:
    .venv/bin/python benchmarks/bench_api.py [--quotes 100000] [--seconds 20] [--connections 16]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CACHE = REPO / "benchmarks" / ".cache"
RESULTS = REPO / "benchmarks" / "results"

# Synthetic material: invented words and names, so no real text is copied anywhere.
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "to",
    "va",
    "sel",
    "dor",
    "an",
    "bri",
    "est",
    "ul",
    "nor",
    "pa",
    "qui",
]
FIRST = [
    "Anna",
    "Pavel",
    "Olena",
    "Lukas",
    "Ida",
    "Tomas",
    "Mads",
    "Karl",
    "Sofia",
    "Yusuf",
    "Lena",
    "Omar",
]
LAST = [
    "Berg",
    "Orlov",
    "Marchenko",
    "Brunner",
    "Lund",
    "Varga",
    "Holm",
    "Nyberg",
    "Costa",
    "Demir",
    "Kovac",
    "Haddad",
    "Novak",
    "Silva",
    "Weber",
    "Rossi",
    "Meyer",
    "Dahl",
]
COUNTRIES = ["UKR", "RUS", "NOR", "CHE", "DNK", "TUR", "HUN", "SWE"]


def _vocab(n: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic_results(
    n_docs: int, quotes_per_doc: int, seed: int = 7
) -> tuple[list[Any], list[str], list[str]]:
    """ArticleResults with ``quotes_per_doc`` attributed quotes each, the vocab and speakers."""
    from parley.types import Actor, Article, ArticleResult, Quote, SpeakerRef

    rng = random.Random(seed)
    vocab = _vocab(3000, rng)
    speakers = [f"{first} {last}" for first in FIRST for last in LAST][:150]
    results = []
    start_day = date(2024, 1, 1)
    for d in range(n_docs):
        parts: list[str] = []
        actors: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        quotes = []
        pos = 0
        for i in range(quotes_per_doc):
            name = rng.choice(speakers)
            words = " ".join(rng.choice(vocab) for _ in range(rng.randint(6, 14)))
            qs = pos + 1
            sentence = f'"{words}," {name} said. '
            qe = qs + len(words) + 1
            ns = pos + len(words) + 4
            aid = actors.setdefault(name, (f"a{len(actors) + 1}", []))[0]
            actors[name][1].append((ns, ns + len(name)))
            quotes.append(
                Quote(
                    id=f"q{i + 1}",
                    text=words + ",",
                    start=qs,
                    end=qe,
                    kind="direct",
                    speaker=SpeakerRef(id=aid, name=name),
                    cue="said",
                    confidence=0.9,
                )
            )
            parts.append(sentence)
            pos += len(sentence)
        text = "".join(parts)
        article = Article(
            text=text,
            id=f"bench-{d:06d}",
            title=f"Synthetic report {d}",
            published=start_day + timedelta(days=d % 500),
        )
        actor_objs = tuple(
            Actor(
                id=aid,
                name=name,
                kind="person",
                country=COUNTRIES[hash(name) % len(COUNTRIES)],
                mentions=tuple(m),
            )
            for name, (aid, m) in actors.items()
        )
        results.append(ArticleResult(article=article, actors=actor_objs, quotes=tuple(quotes)))
    return results, vocab, speakers


def build_store(n_quotes: int) -> tuple[Path, dict[str, Any]]:
    """The cached synthetic store, built once per size."""
    from parley.store import Store

    quotes_per_doc = 40
    n_docs = max(1, n_quotes // quotes_per_doc)
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"quotes-{n_quotes}.db"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        return path, json.loads(meta_path.read_text())
    results, vocab, speakers = synthetic_results(n_docs, quotes_per_doc)
    tmp = path.with_suffix(".tmp.db")
    tmp.unlink(missing_ok=True)
    store = Store.from_url(f"sqlite:///{tmp}")
    t0 = time.perf_counter()
    for i in range(0, len(results), 200):
        store.save(results[i : i + 200])
        print(f"  stored {min(i + 200, len(results))}/{len(results)} articles", file=sys.stderr)
    stats = store.stats()
    store.close()
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(tmp) + suffix)
        if src.exists():
            src.rename(Path(str(path) + suffix))
    meta = {
        "vocab": vocab[:400],
        "speakers": speakers,
        "stats": stats,
        "build_seconds": round(time.perf_counter() - t0, 1),
    }
    meta_path.write_text(json.dumps(meta))
    return path, meta


def query_paths(meta: dict[str, Any], n: int = 2000, seed: int = 11) -> list[str]:
    """A fixed mix: 50% full-text, 20% speaker, 15% date range, 15% plain listing."""
    rng = random.Random(seed)
    paths = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            params = {"q": rng.choice(meta["vocab"])}
        elif r < 0.7:
            params = {"speaker": rng.choice(meta["speakers"]).split()[-1]}
        elif r < 0.85:
            since = date(2024, 1, 1) + timedelta(days=rng.randint(0, 480))
            params = {"since": since.isoformat(), "until": (since + timedelta(days=14)).isoformat()}
        else:
            params = {"offset": str(rng.randint(0, 2000))}
        params["limit"] = "20"
        paths.append("/api/v1/quotes?" + httpx.QueryParams(params).__str__())
    return paths


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PARLEY_DB": f"sqlite:///{db}"}
    env.pop("PARLEY_API_TOKEN", None)
    proc = subprocess.Popen(
        [
            str(REPO / ".venv" / "bin" / "parley"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--rate-limit",
            "0",
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start")


def run_wrk(
    base: str, paths: list[str], *, seconds: int, connections: int, threads: int
) -> dict[str, Any]:
    """Run wrk with a Lua script cycling through ``paths``; parse rate and percentiles."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    CACHE.mkdir(parents=True, exist_ok=True)
    script = CACHE / "paths.lua"
    lua_paths = ",\n".join(json.dumps(p) for p in paths)
    script.write_text(
        "local paths = {\n" + lua_paths + "\n}\n"
        "local i = 0\n"
        "request = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
        "done = function(summary, latency, requests)\n"
        '  io.write(string.format(\'JSON {"requests": %d, "seconds": %f, "errors_status": %d, '
        '"p50_ms": %f, "p90_ms": %f, "p99_ms": %f, "max_ms": %f, "mean_ms": %f}\\n\',\n'
        "    summary.requests, summary.duration / 1e6, summary.errors.status,\n"
        "    latency:percentile(50) / 1000, latency:percentile(90) / 1000,\n"
        "    latency:percentile(99) / 1000,\n"
        "    latency.max / 1000, latency.mean / 1000))\n"
        "end\n"
    )
    out = subprocess.run(
        [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"^JSON (.*)$", out, re.M)
    assert match, out
    data = json.loads(match.group(1))
    data["requests_per_s"] = round(data["requests"] / data["seconds"], 1)
    return data


def bench_analyze(base: str, rounds: int) -> dict[str, Any]:
    """Library vs HTTP throughput on the dev articles (read from ../shared at run time)."""
    from parley.service import analyze

    texts = [
        p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "dev").glob("*.txt"))
    ]
    if not texts:
        raise SystemExit(f"no dev articles under {SHARED / 'corpus' / 'dev'}")
    analyze(texts[0])  # load the model outside the timing
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            analyze(text)
    lib_s = time.perf_counter() - t0
    with httpx.Client(base_url=base, timeout=120) as client:
        client.post("/api/v1/analyze", json={"text": texts[0]}).raise_for_status()  # warm-up
        t0 = time.perf_counter()
        for _ in range(rounds):
            for text in texts:
                client.post("/api/v1/analyze", json={"text": text}).raise_for_status()
        http_s = time.perf_counter() - t0
    n = len(texts) * rounds
    lib, http = n / lib_s, n / http_s
    return {
        "articles": n,
        "library_articles_per_s": round(lib, 2),
        "http_articles_per_s": round(http, 2),
        "http_vs_library": round(http / lib, 3),
        "chars": sum(map(len, texts)) * rounds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2, help="passes over the dev articles")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="server processes to compare"
    )
    args = parser.parse_args()

    from parley.api.server import free_port

    db, meta = build_store(args.quotes)
    paths = query_paths(meta)
    load_before = [round(x, 2) for x in os.getloadavg()]
    search: dict[str, Any] = {}
    for workers in args.workers:
        port = args.port or free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(db, port, workers)
        try:
            with httpx.Client(base_url=base) as c:  # warm the page cache; the mix must answer
                codes = {c.get(p).status_code for p in paths[:200]}
            assert codes == {200}, codes
            search[f"workers_{workers}"] = run_wrk(
                base,
                paths,
                seconds=args.seconds,
                connections=args.connections,
                threads=args.threads,
            )
            if workers == args.workers[0]:
                analyze_numbers = bench_analyze(base, args.rounds)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    report = {
        "date": date.today().isoformat(),
        "conditions": {
            "cpus": os.cpu_count(),
            "loadavg_before": load_before,
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
            "server": "parley serve --rate-limit 0 --workers N (uvicorn, "
            + ("httptools" if importlib.util.find_spec("httptools") else "h11")
            + ", "
            + ("uvloop" if importlib.util.find_spec("uvloop") else "asyncio")
            + "), SQLite WAL",
            "client": f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s, same machine",
            "note": "machine shared with other jobs during the run",
        },
        "store": meta["stats"],
        "quote_search": search,
        "analyze": analyze_numbers,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"api-{report['date']}.json"
    out.write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))
    print(f"written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
