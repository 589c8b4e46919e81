#!/usr/bin/env python3
"""Does ``parley analyze`` (the command, through the shared reader) give the library's JSON?

usage:
    check_cli_unchanged.py REFERENCE_DIR [--out DIR]

Runs ``parley analyze`` on the bulk, dev and seed JSONL files of ``../shared/corpus`` with
``--out DIR`` and compares every article's JSON, parsed, with ``REFERENCE_DIR/<id>.json``
written by ``check_unchanged.py dump`` (on the code before a change). Ids shared by two files
(dev articles are also in bulk) are written by the command as ``<id>-2.json``; the reference
holds the last one read, which is what ``<id>-2.json`` is compared with. Exit 1 on any
difference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FILES = (
    CORPUS / "bulk" / "wikinews-2019-2020.jsonl",
    CORPUS / "dev" / "articles.jsonl",
    CORPUS / "seed" / "articles.jsonl",
)


def compare(reference: Path, out: Path) -> int:
    produced = {p.stem: p for p in out.glob("*.json")}
    differ, checked = [], 0
    for ref in sorted(reference.glob("*.json")):
        # The last article written under an id: <id>-2.json when two files share it.
        candidates = [produced.get(f"{ref.stem}-{n}") for n in (3, 2)] + [produced.get(ref.stem)]
        mine = next((c for c in candidates if c is not None), None)
        checked += 1
        if mine is None or json.loads(mine.read_text("utf-8")) != json.loads(
            ref.read_text("utf-8")
        ):
            differ.append(ref.name)
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(differ)} of {checked} articles differ ({len(produced)} files written)")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="keep the command's output here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        parley = Path(sys.executable).parent / "parley"
        done = subprocess.run(
            [str(parley), "analyze", *map(str, FILES), "--out", str(out)], check=False
        )
        if done.returncode != 0:
            print(f"parley analyze exited {done.returncode}")
            return 1
        return compare(args.reference, out)


if __name__ == "__main__":
    sys.exit(main())
