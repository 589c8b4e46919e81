#!/usr/bin/env python3
"""Parley output as PolNeAR attributions: quotes that share a speaker and a cue are one.

usage: polnear_attributions.py PARLEY_OUT_DIR PRED.jsonl

Like ``../shared/eval/external/parley_to_polnear.py`` (content = the quote's span, sources =
every mention of the speaker actor), except that Parley's quotes sharing a speaker and a
``cue_span`` become one prediction with several content fragments. PolNeAR annotates one
attribution per cue: '"A," she said, "B."' and 'said the plan was "a disaster" and ...' are one
attribution each there, while Parley (like the Wikinews gold, ``../shared/corpus/FORMAT.md``)
keeps each quotation as a quote of its own and marks what belongs together by the shared cue.
Score the output with ``score_polnear.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def attributions(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One PolNeAR prediction per (speaker, cue) of ``result``; a quote without both is alone."""
    mentions = {a.get("id"): a.get("mentions", []) for a in result.get("actors", [])}
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for quote in result.get("quotes", []):
        if quote.get("start") is None:
            continue
        speaker = (quote.get("speaker") or {}).get("id")
        cue = quote.get("cue_span")
        key = (speaker, *cue) if speaker and cue else ("quote", quote.get("id"), quote["start"])
        groups.setdefault(key, []).append(quote)
    preds = []
    for quotes in groups.values():
        speaker = (quotes[0].get("speaker") or {}).get("id")
        preds.append(
            {
                "contents": [{"start": q["start"], "end": q["end"]} for q in quotes],
                "sources": [{"start": s, "end": e} for s, e in mentions.get(speaker, [])],
            }
        )
    return preds


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[2], "w", encoding="utf-8") as out:
        for path in sorted(Path(argv[1]).glob("*.json")):
            result = json.loads(path.read_text(encoding="utf-8"))
            out.write(json.dumps({"file": path.name, "quotes": attributions(result)}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
