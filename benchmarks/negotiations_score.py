#!/usr/bin/env python3
"""The negotiation record against what careful readers record, and its duplicates on the bulk.

usage:
    negotiations_score.py AFTER_DIR [--before BEFORE_DIR] [--write]

AFTER_DIR (and BEFORE_DIR) hold one analysis JSON per article, as written by
``benchmarks/check_unchanged.py dump DIR`` (bulk 269, dev 16, seed 1). Gold is read at run time
from ``../shared/corpus`` (dev and seed ``.gold.json``: ``commitments`` and ``conditions``);
nothing of it is copied here.

Figures, per dump:

- gold commitments (dev + seed) matched by an agreement that shares a party with them
  (``parties``); of those, the ones whose due date is the agreement's due date or a step's date
  (``due``, only for commitments that have one), and whose ``said_by`` (when the gold names
  one) shares a last name with a step's or the agreement's speaker;
- gold condition items (seed) found as an item of the same party's conditions, and whether
  every condition of that party carries a speaker;
- on all articles: agreements, articles with one, the most in one article, agreements that
  repeat another's kind and parties in the same article, and condition items repeated within a
  party (normalised: lower case, no articles).

With ``--write`` the figures go to ``benchmarks/results/negotiations-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"


def _norm(text: str) -> str:
    words = re.findall(r"[^\W_]+", text.lower())
    return " ".join(w for w in words if w not in ("a", "an", "the"))


def _last(name: str | None) -> str:
    return (name or "").split()[-1].lower() if name else ""


def _gold() -> dict[str, dict[str, Any]]:
    gold = {}
    for path in sorted([*CORPUS.glob("dev/*.gold.json"), *CORPUS.glob("seed/*.gold.json")]):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data["id"]] = data
    return gold


def _commitments(gold: dict[str, dict[str, Any]], dump: Path) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for doc_id, data in gold.items():
        path = dump / f"{doc_id}.json"
        if not path.exists():
            continue
        out = json.loads(path.read_text(encoding="utf-8"))
        for commitment in data.get("commitments") or ():
            counts["commitments"] += 1
            wanted = set(commitment.get("parties") or ()) - {"IGO"}
            hits = [a for a in out.get("agreements") or () if wanted & set(a.get("parties") or ())]
            if not hits:
                continue
            counts["parties"] += 1
            due = commitment.get("due")
            if due:
                counts["with_due"] += 1
                dates = {
                    d
                    for a in hits
                    for d in [a.get("due"), *(m.get("date") for m in a.get("milestones") or ())]
                    if d
                }
                counts["due"] += due in dates
            said = commitment.get("said_by")
            if said:
                counts["with_said_by"] += 1
                names = {
                    _last(n)
                    for a in hits
                    for n in [
                        a.get("said_by"),
                        *(m.get("said_by") for m in a.get("milestones") or ()),
                    ]
                    if n
                }
                counts["said_by"] += _last(said) in names
    return dict(counts)


def _conditions(gold: dict[str, dict[str, Any]], dump: Path) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for doc_id, data in gold.items():
        path = dump / f"{doc_id}.json"
        if not path.exists() or not data.get("conditions"):
            continue
        out = json.loads(path.read_text(encoding="utf-8"))
        for condition in data["conditions"]:
            party = condition["party"]
            mine = [c for c in out.get("conditions") or () if c.get("party") == party]
            items = [_norm(i) for c in mine for i in c.get("items") or ()]
            for item in condition["items"]:
                counts["items"] += 1
                counts["found"] += _norm(item) in items
            counts["parties"] += 1
            counts["parties_with_speaker"] += bool(mine) and all(c.get("said_by") for c in mine)
    return dict(counts)


def _duplicates(dump: Path) -> dict[str, int]:
    counts: Counter[str] = Counter()
    most = 0
    for path in sorted(dump.glob("*.json")):
        out = json.loads(path.read_text(encoding="utf-8"))
        agreements = out.get("agreements") or []
        counts["articles"] += 1
        counts["agreements"] += len(agreements)
        counts["articles_with_agreement"] += bool(agreements)
        counts["milestones"] += sum(len(a.get("milestones") or ()) for a in agreements)
        most = max(most, len(agreements))
        keys = Counter((a["kind"], tuple(sorted(a.get("parties") or ()))) for a in agreements)
        counts["repeated_agreements"] += sum(n - 1 for n in keys.values())
        conditions = [c for c in out.get("conditions") or () if c["kind"] != "ultimatum"]
        counts["conditions"] += len(conditions)
        items = Counter(
            (c.get("party"), _norm(i)) for c in conditions for i in c.get("items") or ()
        )
        counts["condition_items"] += sum(items.values())
        counts["repeated_condition_items"] += sum(n - 1 for n in items.values())
        counts["conditions_with_speaker"] += sum(bool(c.get("said_by")) for c in conditions)
    counts["most_agreements_in_one_article"] = most
    return dict(counts)


def score(dump: Path) -> dict[str, Any]:
    gold = _gold()
    return {
        "commitments": _commitments(gold, dump),
        "conditions": _conditions(gold, dump),
        "all_articles": _duplicates(dump),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("after", type=Path)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {"after": score(args.after)}
    if args.before is not None:
        figures["before"] = score(args.before)
    text = json.dumps(figures, indent=1, sort_keys=True)
    print(text)
    if args.write:
        out = HERE / "results" / f"negotiations-{date.today().isoformat()}.json"
        out.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
