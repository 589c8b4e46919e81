#!/usr/bin/env python3
"""Does a change alter what the store holds? Ingest the bulk corpus, dump every table, compare.

usage:
    check_store_unchanged.py dump OUT.json [--db URL]   # ingest the bulk corpus, dump the store
    check_store_unchanged.py compare A.json B.json [--by-content]

``dump`` ingests ``../shared/corpus/bulk`` (269 articles) through
``parley.store.ingest.ingest`` (the path of ``parley ingest``) into a fresh store (a temporary
SQLite file unless ``--db`` names an empty store, e.g. a PostgreSQL database) and writes
``Store.dump()`` (every table's rows, sorted, without timestamps or surrogate keys) as JSON.
Run it on the code before a change and after, then ``compare``: 0 differing tables means the
stores hold the same rows.

``--by-content`` first renames every document id to a key made of its URL and a hash of its
text, for comparing across a change of id policy (content-hash ids before, record ids after):
then only the analysis and the stored values are compared, not the names documents go by.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FILES = (CORPUS / "bulk" / "wikinews-2019-2020.jsonl",)


def dump(out: Path, db: str | None) -> int:
    from parley.store import Store
    from parley.store.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        url = db or f"sqlite:///{tmp}/parley.db"
        store = Store.from_url(url)
        try:
            os.chdir(REPO)  # origins are stored as given: ../shared/corpus/...
            report = ingest(store, [os.path.relpath(p, REPO) for p in FILES])
            data = store.dump()
        finally:
            store.close()
    out.write_text(json.dumps(data, indent=0, ensure_ascii=False, default=str) + "\n", "utf-8")
    rows = sum(len(v) for v in data.values())
    print(f"ingested: {report.new} new, {report.failed} failed; {rows} rows written to {out}")
    return 0


def _by_content(data: dict[str, list[list[Any]]]) -> dict[str, list[list[Any]]]:
    """Rename document ids to url + text hash, wherever a value equals one or is prefixed by it."""
    names: dict[str, str] = {}
    for row in data.get("documents", []):
        doc_id, text, url = row[0], _field(row, "text"), _field(row, "url")
        digest = hashlib.sha1(f"{url}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
        names[doc_id] = f"<doc {digest}>"

    def rename(value: Any) -> Any:
        if isinstance(value, str):
            if value in names:
                return names[value]
            head, sep, tail = value.partition(":")
            if sep and head in names:
                return f"{names[head]}:{tail}"
        return value

    return {
        table: sorted(([rename(v) for v in row] for row in rows), key=repr)
        for table, rows in data.items()
        if table != "failures"
    } | {"failures": data.get("failures", [])}


def _field(row: list[Any], name: str) -> Any:
    # documents rows: the longest string is the text; the one starting with http is the URL.
    strings = [v for v in row if isinstance(v, str)]
    if name == "text":
        return max(strings, key=len, default="")
    return next((v for v in strings if v.startswith(("http://", "https://"))), "")


def compare(a: Path, b: Path, *, by_content: bool) -> int:
    da, db_ = json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8"))
    if by_content:
        da, db_ = _by_content(da), _by_content(db_)
    differ = 0
    for table in sorted(set(da) | set(db_)):
        ra, rb = da.get(table), db_.get(table)
        if ra != rb:
            differ += 1
            only_a = [r for r in (ra or []) if r not in (rb or [])]
            only_b = [r for r in (rb or []) if r not in (ra or [])]
            print(f"differs: {table} ({len(only_a)} row(s) only in A, {len(only_b)} only in B)")
            for row in (only_a[:2] + only_b[:2]):
                print("   ", repr(row)[:300])
    print(f"{differ} of {len(set(da) | set(db_))} tables differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--db", default=None)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--by-content", action="store_true")
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        return dump(args.out, args.db)
    return compare(args.a, args.b, by_content=args.by_content)


if __name__ == "__main__":
    sys.exit(main())
