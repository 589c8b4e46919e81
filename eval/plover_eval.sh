#!/usr/bin/env bash
# Event coding scores: the seed article (score.py: CAMEO root, source and target countries) and
# the PLOVER gold-standard dev sentences (score_plover.py: type recall/precision, source accuracy).
# Gold is read from ../shared at run time; predictions go to a temporary directory.
#
# usage: eval/plover_eval.sh [--show-errors]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${PARLEY_SHARED:-$REPO/../shared}"
PARLEY="$REPO/.venv/bin/parley"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

"$PARLEY" analyze "$SHARED/corpus/seed/seed-000.txt" --published 2025-04-18 --format json --out "$OUT/seed" >/dev/null 2>&1
echo "## seed (score.py)"
python3 "$SHARED/eval/score.py" "$SHARED/corpus/seed" "$OUT/seed" "$@" | grep -E "^event_|EVENT" || true

"$PARLEY" analyze "$SHARED/corpus/plover/articles.jsonl" --format json --out "$OUT/plover" >/dev/null 2>&1
echo "## PLOVER dev sentences (score_plover.py)"
python3 "$SHARED/eval/score_plover.py" "$SHARED/corpus/plover/plover-gsr-dev.json" "$OUT/plover" "$@"
