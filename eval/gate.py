#!/usr/bin/env python3
"""CI quality gate: Parley's figures on the gold sets must not fall below the recorded floors.

usage: gate.py [--update [--allow-regression]] [--sets seed,dev] [--baseline FILE] [--corpus DIR]

For each gold set (``../shared/corpus/seed`` and ``/dev``) the gate analyses the articles with
Parley, scores them with :mod:`parley.evaluation` (the twin of ``../shared/eval/score.py``) and
checks:

- the corpus is the one the floors were measured on (SHA-256 of every gold and text file, and
  the counts of articles, quotes and dates): a changed corpus fails until ``--update``;
- every gated figure (the F1s and attribution accuracy) is at least its floor, less EPSILON.

``--update`` records the figures measured now as the new floors and the corpus fingerprint. It
refuses to lower any floor unless ``--allow-regression`` is given: floors only rise. Baselines
are written atomically. Exit status: 0 pass, 1 fail, 2 usage or set-up error.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_BASELINE = HERE / "baseline.json"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SETS = ("seed", "dev")

#: Noise allowance when comparing a figure to its floor (figures are rounded to 4 places).
EPSILON = 0.0005

#: The figures with floors. Counts are not gated; precision/recall move inside their F1.
GATED = (
    "quote_f1",
    "attribution_accuracy",
    "end_to_end_f1",
    "date_value_f1",
    "indirect_f1",
    "indirect_speaker_f1",
    "event_f1",
)


class GateError(Exception):
    """The gate cannot run or cannot update as asked."""


def fingerprint(set_dir: Path) -> dict[str, Any]:
    """SHA-256 of every gold and article file of a set, plus its item counts."""
    files = sorted(
        p
        for p in set_dir.iterdir()
        if p.is_file() and (p.name.endswith((".gold.json", ".txt")) or p.name == "articles.jsonl")
    )
    if not files:
        raise GateError(f"{set_dir} holds no gold files; is ../shared beside the repository?")
    golds = [
        json.loads(p.read_text(encoding="utf-8")) for p in files if p.name.endswith(".gold.json")
    ]
    return {
        "articles": len(golds),
        "quotes": sum(len(g.get("quotes", [])) for g in golds),
        "dates": sum(len(g.get("dates", [])) for g in golds),
        "sha256": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
    }


def measure(set_dir: Path) -> dict[str, float]:
    """The gated figures of Parley on one gold set, analysed now."""
    from parley.evaluation import evaluate

    report, _ = evaluate(set_dir)
    return {k: float(v) for k, v in report.figures.items() if k in GATED}


def check(
    baseline: Mapping[str, Any],
    measured: Mapping[str, Mapping[str, float]],
    prints: Mapping[str, Mapping[str, Any]],
) -> tuple[list[str], list[str]]:
    """Failures and notes (figures that rose) of the measured figures against the baseline."""
    failures: list[str] = []
    notes: list[str] = []
    sets = baseline.get("sets", {})
    for name, figures in measured.items():
        recorded = sets.get(name)
        if recorded is None:
            failures.append(f"{name}: no floors recorded; run `eval/gate.py --update`")
            continue
        old_print, new_print = recorded.get("corpus", {}), prints[name]
        if old_print != new_print:
            changed = sorted(
                f
                for f in set(old_print.get("sha256", {})) | set(new_print["sha256"])
                if old_print.get("sha256", {}).get(f) != new_print["sha256"].get(f)
            )
            failures.append(
                f"{name}: the gold corpus changed since the floors were set "
                f"({', '.join(changed[:5]) or 'counts'}{' …' if len(changed) > 5 else ''}); "
                f"check the change, then run `eval/gate.py --update`"
            )
        floors = recorded.get("floors", {})
        for key, floor in floors.items():
            value = figures.get(key)
            if value is None:
                failures.append(f"{name}: {key} has a floor of {floor:.4f} but was not measured")
            elif value < floor - EPSILON:
                failures.append(f"{name}: {key} {value:.4f} is below its floor {floor:.4f}")
            elif value > floor + EPSILON:
                notes.append(f"{name}: {key} {value:.4f} is above its floor {floor:.4f}")
        for key in sorted(set(figures) - set(floors)):
            notes.append(f"{name}: {key} {figures[key]:.4f} has no floor yet")
    return failures, notes


def updated(
    baseline: Mapping[str, Any],
    measured: Mapping[str, Mapping[str, float]],
    prints: Mapping[str, Mapping[str, Any]],
    *,
    allow_regression: bool = False,
) -> dict[str, Any]:
    """A new baseline whose floors are the measured figures; never lower unless allowed."""
    new: dict[str, Any] = json.loads(json.dumps(dict(baseline)))  # deep copy
    new.setdefault("sets", {})
    new["epsilon"] = EPSILON
    lowered = []
    for name, figures in measured.items():
        old_floors = baseline.get("sets", {}).get(name, {}).get("floors", {})
        for key, floor in old_floors.items():
            value = figures.get(key)
            if value is None or value < floor - EPSILON:
                lowered.append(
                    f"{name}: {key} {floor:.4f} -> {'absent' if value is None else f'{value:.4f}'}"
                )
        floors = {key: round(value, 4) for key, value in sorted(figures.items())}
        if not allow_regression:
            # Within EPSILON of the old floor keeps the old floor: noise never ratchets down.
            floors = {k: max(v, old_floors.get(k, v)) for k, v in floors.items()}
        new["sets"][name] = {"corpus": dict(prints[name]), "floors": floors}
    if lowered and not allow_regression:
        raise GateError(
            "refusing to lower floors without --allow-regression:\n  " + "\n  ".join(lowered)
        )
    return new


def write_atomically(path: Path, data: Mapping[str, Any]) -> None:
    """Write JSON so a crash never leaves a half-written baseline."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.write("\n")
    os.replace(tmp, path)


def load_baseline(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"sets": {}}
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise GateError(f"{path} is not valid JSON ({exc}); restore it from git") from exc
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--update", action="store_true", help="record the figures as new floors")
    parser.add_argument("--allow-regression", action="store_true", help="let --update lower floors")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated gold sets")
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if args.allow_regression and not args.update:
        parser.error("--allow-regression only goes with --update")
    try:
        baseline = load_baseline(args.baseline)
        names = [s for s in args.sets.split(",") if s]
        prints = {name: fingerprint(args.corpus / name) for name in names}
        measured = {name: measure(args.corpus / name) for name in names}
        for name in names:
            shown = "  ".join(f"{k}={v:.4f}" for k, v in sorted(measured[name].items()))
            print(f"{name}: {shown}")
        if args.update:
            new = updated(baseline, measured, prints, allow_regression=args.allow_regression)
            write_atomically(args.baseline, new)
            print(f"floors written to {args.baseline}")
            return 0
        failures, notes = check(baseline, measured, prints)
    except GateError as exc:
        print(f"gate: {exc}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    if notes:
        print("note: raise the floors with `eval/gate.py --update` and commit eval/baseline.json")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print("gate: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
