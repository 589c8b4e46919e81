#!/usr/bin/env python3
"""Does a refactor change what Parley outputs? Dump, then compare, the JSON of every article.

usage:
    check_unchanged.py dump DIR      # write DIR/<id>.json for bulk + dev + seed articles
    check_unchanged.py compare A B   # report every article whose JSON differs between A and B

Run ``dump`` on the code before a change and again after, then ``compare``: a behaviour-preserving
change (moving word lists into data files, splitting modules) must report 0 differences. The
articles are read from ``../shared/corpus`` (bulk 269, dev 16, seed 1); nothing is copied here.
Output is ``json.dumps(result.to_dict(), sort_keys=True, indent=1)``, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def records() -> Iterator[dict[str, Any]]:
    for jsonl in (
        CORPUS / "bulk" / "wikinews-2019-2020.jsonl",
        CORPUS / "dev" / "articles.jsonl",
        CORPUS / "seed" / "articles.jsonl",
    ):
        with jsonl.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def dump(out: Path) -> int:
    import parley

    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for result in parley.analyze_many(records()):
        data = result.to_dict()
        (out / f"{result.article.id}.json").write_text(
            json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        n += 1
    print(f"wrote {n} articles to {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.glob("*.json")} | {p.name for p in b.glob("*.json")})
    differ = [
        name
        for name in names
        if not (a / name).exists()
        or not (b / name).exists()
        or (a / name).read_bytes() != (b / name).read_bytes()
    ]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(differ)} of {len(names)} articles differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("dir", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    return dump(args.dir) if args.cmd == "dump" else compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
