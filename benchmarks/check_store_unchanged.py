#!/usr/bin/env python3
"""Does a change alter what the store holds? Store the bulk corpus, dump every table, compare.

usage:
    check_store_unchanged.py dump OUT.json [--db URL] [--via ingest|save]
    check_store_unchanged.py compare A.json B.json [--ignore-origin]

``dump`` stores ``../shared/corpus/bulk`` (269 articles) in a fresh store (a temporary SQLite
file unless ``--db`` names an empty store, e.g. a PostgreSQL database) and writes
``Store.dump()`` (every table's rows, sorted, without timestamps or surrogate keys) as JSON.
``--via ingest`` (default) goes through ``parley.store.ingest.ingest``, the path of
``parley ingest``; ``--via save`` through ``parley.analyze_many`` and ``Store.save``, the path
of the library and of ``parley batch --db``. Run it on the code before a change and after,
then ``compare``: 0 differing tables means the stores hold the same rows.

``--ignore-origin`` blanks ``documents.origin`` (where a row came from: ``--via save`` stores
none), to show that ``ingest`` and ``save`` store the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FILES = (CORPUS / "bulk" / "wikinews-2019-2020.jsonl",)


def dump(out: Path, db: str | None, via: str) -> int:
    from parley.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        url = db or f"sqlite:///{tmp}/parley.db"
        store = Store.from_url(url)
        try:
            if via == "ingest":
                from parley.store.ingest import ingest

                os.chdir(REPO)  # origins are stored as given: ../shared/corpus/...
                report = ingest(store, [os.path.relpath(p, REPO) for p in FILES])
                new, failed = report.new, report.failed
            else:  # the library: analyze_many over the records, then Store.save
                import parley

                saved = store.save(parley.analyze_many(_records()))
                new, failed = saved.new, saved.failed
            data = store.dump()
        finally:
            store.close()
    out.write_text(json.dumps(data, indent=0, ensure_ascii=False, default=str) + "\n", "utf-8")
    rows = sum(len(v) for v in data.values())
    print(f"{via}: {new} new, {failed} failed; {rows} rows written to {out}")
    return 0


def _records() -> Any:
    for path in FILES:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def _without_origin(data: dict[str, list[list[Any]]]) -> dict[str, list[list[Any]]]:
    """The dump with ``documents.origin`` (where a row came from, not what it holds) blanked."""
    from parley.store import schema

    index = [c.name for c in schema.documents.columns if c.name not in _VOLATILE].index("origin")
    docs = [[*row[:index], None, *row[index + 1 :]] for row in data.get("documents", [])]
    return {**data, "documents": sorted(docs, key=repr)}


_VOLATILE = {"ingested_at", "at", "pk"}  # the columns Store.dump() leaves out


def compare(a: Path, b: Path, *, ignore_origin: bool) -> int:
    da, db_ = json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8"))
    if ignore_origin:
        da, db_ = _without_origin(da), _without_origin(db_)
    differ = 0
    for table in sorted(set(da) | set(db_)):
        ra, rb = da.get(table), db_.get(table)
        if ra != rb:
            differ += 1
            only_a = [r for r in (ra or []) if r not in (rb or [])]
            only_b = [r for r in (rb or []) if r not in (ra or [])]
            print(f"differs: {table} ({len(only_a)} row(s) only in A, {len(only_b)} only in B)")
            for row in only_a[:2] + only_b[:2]:
                print("   ", repr(row)[:300])
    print(f"{differ} of {len(set(da) | set(db_))} tables differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--db", default=None)
    d.add_argument("--via", choices=("ingest", "save"), default="ingest")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--ignore-origin", action="store_true")
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        return dump(args.out, args.db, args.via)
    return compare(args.a, args.b, ignore_origin=args.ignore_origin)


if __name__ == "__main__":
    sys.exit(main())
