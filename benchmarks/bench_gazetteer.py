#!/usr/bin/env python3
"""Load time and memory of the places gazetteer (parley.geo.gazetteer).

usage: bench_gazetteer.py [--no-write]

Each measurement runs in a fresh subprocess with its own cache folder (XDG_CACHE_HOME):

- ``build``: no cache yet: the tables are built from the packaged GeoNames data (in a child
  process, as at first use) and pickled; reported: wall time, and the builder's peak RSS;
- ``load``: the cache exists: the pickled tables are read; reported: wall time and the
  growth of the process's peak RSS over a bare interpreter with parley imported;
- ``resolve``: 10,000 look-ups with context (``parley.geo.resolve.resolve``), per second.

Results go to ``benchmarks/results/gazetteer-<date>.json`` and are quoted in docs/places.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time
import parley.geo.resolve as R
from parley.geo import gazetteer as G
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
gaz = G.gazetteer()
took = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
names = ["Paris", "Springfield", "Kharkiv", "Georgia", "Athens", "Ontario", "Soldeu", "Sydney"]
ctx = R.Context(main_country="USA")
t2 = time.perf_counter()
for k in range(10_000):
    R.resolve(names[k % len(names)], ctx)
per_s = 10_000 / (time.perf_counter() - t2)
print(json.dumps({"seconds": round(took, 2), "rss_before_mb": round(before, 1),
                  "rss_after_mb": round(after, 1), "rss_growth_mb": round(after - before, 1),
                  "child_peak_rss_mb": round(kids, 1), "entries": len(gaz),
                  "names": len(gaz.index), "resolve_per_s": round(per_s)}))
"""


def run(cache: str) -> dict[str, object]:
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        build = run(cache)
        load = run(cache)
        size = sum(p.stat().st_size for p in Path(cache).rglob("*.pickle"))
    result = {
        "date": datetime.now().isoformat(timespec="minutes"),
        "build": build,
        "load": load,
        "cache_file_mb": round(size / 2**20, 1),
    }
    print(json.dumps(result, indent=1))
    if not args.no_write:
        out = HERE / "results" / f"gazetteer-{datetime.now():%Y-%m-%d}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
