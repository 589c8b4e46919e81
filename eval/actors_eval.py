#!/usr/bin/env python3
"""Score Parley's actors against the gold actors of the seed and dev articles.

usage: actors_eval.py [--pred DIR] [--gold DIR ...] [--show-errors] [--json]

Without ``--pred`` the articles are analysed in-process (``parley.service.analyze``); with it,
DIR holds ``ID.json`` files written by ``parley analyze ... --format json --out DIR``.
Gold is read from ``../shared/corpus`` (seed and dev) at run time; nothing is copied.

Matching: a predicted actor matches a gold actor when one of its names (name or alias) equals
one of the gold actor's names, lower-cased and without accents, punctuation or a leading
"the"; or, for two people, when their names end in the same word (the scorer's surname rule).
Each actor matches at most once. Figures: actor recall (matched gold / gold), precision
(matched predictions / predictions), the same for people only, country accuracy (matched
pairs whose gold country is set and equals the predicted one), and person title agreement
(the head word of the gold title, e.g. "Minister" in "Foreign Minister", is in the predicted
title; an approximate, informational figure).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1] == "s" and len(words) > 1:
        words = words[:-1]
    return " ".join(words)


def names(actor: dict[str, Any]) -> set[str]:
    return {norm(n) for n in [actor.get("name", ""), *actor.get("aliases", [])] if norm(n)}


def matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if names(pred) & names(gold):
        return True
    if pred.get("kind") == "person" and gold.get("kind") == "person":
        p, g = norm(pred.get("name", "")).split(), norm(gold.get("name", "")).split()
        return bool(p and g and p[-1] == g[-1])
    return False


def title_agrees(gold: str, pred: str) -> bool:
    """The head role word of the gold title (last word before "of", ",", ";") is predicted."""
    head = re.split(r"\s+of\s+|[,;(]", gold.strip(), maxsplit=1)[0].split()
    return bool(head) and head[-1].lower() in norm(pred).split()


def score_article(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    gold_actors = gold.get("actors", [])
    pred_actors = pred.get("actors", [])
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    missed: list[dict[str, Any]] = []
    # Canonical names pair first, so an alias shared by two gold actors cannot steal a match.
    hits: dict[int, int] = {}
    for gi, g in enumerate(gold_actors):
        hit = next(
            (
                i
                for i, p in enumerate(pred_actors)
                if i not in used and norm(p.get("name", "")) == norm(g.get("name", ""))
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            hits[gi] = hit
    for gi, g in enumerate(gold_actors):
        if gi in hits:
            continue
        hit = next((i for i, p in enumerate(pred_actors) if i not in used and matches(p, g)), None)
        if hit is not None:
            used.add(hit)
            hits[gi] = hit
    for gi, g in enumerate(gold_actors):
        if gi in hits:
            pairs.append((g, pred_actors[hits[gi]]))
        else:
            missed.append(g)
    extra = [p for i, p in enumerate(pred_actors) if i not in used]
    return {
        "gold": gold_actors,
        "pred": pred_actors,
        "pairs": pairs,
        "missed": missed,
        "extra": extra,
    }


def load_gold() -> list[tuple[Path, dict[str, Any], str]]:
    items = []
    for path in [
        SHARED / "seed" / "seed-000.gold.json",
        *sorted((SHARED / "dev").glob("*.gold.json")),
    ]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
        items.append((path, gold, text))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--pred", type=Path, help="directory of ID.json predictions")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    results = []
    for _path, gold, text in load_gold():
        if args.pred:
            pred_path = args.pred / f"{gold['id']}.json"
            if not pred_path.is_file():
                print(f"missing prediction {pred_path}", file=sys.stderr)
                pred: dict[str, Any] = {"actors": []}
            else:
                pred = json.loads(pred_path.read_text(encoding="utf-8"))
        else:
            from parley.service import analyze

            published = date.fromisoformat(gold["published"]) if gold.get("published") else None
            pred = analyze(text, published=published, id=gold["id"]).to_dict()
        results.append((gold["id"], score_article(gold, pred)))

    tot = {
        "gold": 0,
        "pred": 0,
        "match": 0,
        "pgold": 0,
        "ppred": 0,
        "pmatch": 0,
        "cn": 0,
        "cok": 0,
        "tn": 0,
        "tok": 0,
    }
    for doc_id, r in results:
        tot["gold"] += len(r["gold"])
        tot["pred"] += len(r["pred"])
        tot["match"] += len(r["pairs"])
        tot["pgold"] += sum(1 for g in r["gold"] if g.get("kind") == "person")
        tot["ppred"] += sum(1 for p in r["pred"] if p.get("kind") == "person")
        tot["pmatch"] += sum(
            1 for g, p in r["pairs"] if g.get("kind") == "person" and p.get("kind") == "person"
        )
        for g, p in r["pairs"]:
            if g.get("country"):
                tot["cn"] += 1
                tot["cok"] += int((p.get("country") or "") == g["country"])
            if g.get("title") and g.get("kind") == "person":
                tot["tn"] += 1
                tot["tok"] += int(title_agrees(g["title"], p.get("title") or ""))
        if args.show_errors:
            print(f"== {doc_id}")
            for g in r["missed"]:
                print(f"  MISSED {g['kind']:12} {g['name']!r}")
            for p in r["extra"]:
                print(f"  EXTRA  {p['kind']:12} {p['name']!r} {p.get('country')}")
            for g, p in r["pairs"]:
                if g.get("country") and (p.get("country") or "") != g["country"]:
                    print(f"  COUNTRY {p['name']!r}: {p.get('country')} (gold {g['country']})")

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    summary = {
        "articles": len(results),
        "actor_recall": ratio(tot["match"], tot["gold"]),
        "actor_precision": ratio(tot["match"], tot["pred"]),
        "person_recall": ratio(tot["pmatch"], tot["pgold"]),
        "person_precision": ratio(tot["pmatch"], tot["ppred"]),
        "country_accuracy": ratio(tot["cok"], tot["cn"]),
        "person_title_agreement": ratio(tot["tok"], tot["tn"]),
        "counts": tot,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for key, value in summary.items():
            print(f"{key:18} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
