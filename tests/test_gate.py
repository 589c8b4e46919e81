"""eval/gate.py: floors only rise, a changed corpus fails, and the shipped baseline is sound."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def _load_gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parley_eval_gate", REPO / "eval" / "gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gate = _load_gate()

PRINT = {"articles": 1, "quotes": 3, "dates": 2, "sha256": {"a.gold.json": "00", "a.txt": "11"}}


def baseline(**floors: float) -> dict[str, Any]:
    return {"sets": {"dev": {"corpus": PRINT, "floors": floors}}}


@pytest.mark.parametrize(
    ("floor", "value", "fails"),
    [
        (0.80, 0.80, False),
        (0.80, 0.95, False),
        (0.80, 0.7996, False),  # within EPSILON: rounding noise
        (0.80, 0.7990, True),
        (0.80, 0.0, True),
    ],
)
def test_gate_check_floor(floor: float, value: float, fails: bool) -> None:
    failures, _ = gate.check(baseline(quote_f1=floor), {"dev": {"quote_f1": value}}, {"dev": PRINT})
    assert bool(failures) is fails


def test_gate_check_reports_rise_as_note() -> None:
    failures, notes = gate.check(baseline(quote_f1=0.5), {"dev": {"quote_f1": 0.9}}, {"dev": PRINT})
    assert failures == []
    assert any("above its floor" in n for n in notes)


def test_gate_check_fails_on_changed_corpus() -> None:
    changed = {**PRINT, "sha256": {"a.gold.json": "ff", "a.txt": "11"}}
    failures, _ = gate.check(baseline(quote_f1=0.5), {"dev": {"quote_f1": 0.9}}, {"dev": changed})
    assert len(failures) == 1
    assert "a.gold.json" in failures[0] and "--update" in failures[0]


def test_gate_check_fails_on_unrecorded_set_and_missing_figure() -> None:
    failures, _ = gate.check(
        baseline(quote_f1=0.5, event_f1=0.2),
        {"dev": {"quote_f1": 0.9}, "seed": {"quote_f1": 0.9}},
        {"dev": PRINT, "seed": PRINT},
    )
    assert any("event_f1" in f and "not measured" in f for f in failures)
    assert any(f.startswith("seed:") for f in failures)


def test_gate_update_raises_floors() -> None:
    new = gate.updated(baseline(quote_f1=0.5), {"dev": {"quote_f1": 0.9123}}, {"dev": PRINT})
    assert new["sets"]["dev"]["floors"] == {"quote_f1": 0.9123}


@pytest.mark.parametrize("value", [0.4, None])
def test_gate_update_refuses_to_lower_a_floor(value: float | None) -> None:
    measured = {"dev": {} if value is None else {"quote_f1": value}}
    with pytest.raises(gate.GateError, match="--allow-regression"):
        gate.updated(baseline(quote_f1=0.5), measured, {"dev": PRINT})


def test_gate_update_lowers_only_when_allowed() -> None:
    new = gate.updated(
        baseline(quote_f1=0.5), {"dev": {"quote_f1": 0.4}}, {"dev": PRINT}, allow_regression=True
    )
    assert new["sets"]["dev"]["floors"]["quote_f1"] == 0.4


def test_gate_update_keeps_floor_within_noise() -> None:
    new = gate.updated(baseline(quote_f1=0.5), {"dev": {"quote_f1": 0.4997}}, {"dev": PRINT})
    assert new["sets"]["dev"]["floors"]["quote_f1"] == 0.5


def test_gate_shipped_baseline_matches_the_shared_corpus(shared_corpus: Path) -> None:
    data = json.loads((REPO / "eval" / "baseline.json").read_text(encoding="utf-8"))
    assert set(data["sets"]) == set(gate.SETS)
    for name, recorded in data["sets"].items():
        assert recorded["corpus"] == gate.fingerprint(shared_corpus / name), name
        assert set(recorded["floors"]) <= set(gate.GATED)
        assert all(0.0 <= v <= 1.0 for v in recorded["floors"].values())


@pytest.mark.model
def test_gate_main_update_then_check_then_corpus_change(
    shared_corpus: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(shared_corpus / "seed", corpus / "seed")  # a scratch copy, deleted afterwards
    base = tmp_path / "baseline.json"
    args = ["--sets", "seed", "--corpus", str(corpus), "--baseline", str(base)]
    assert gate.main([*args, "--update"]) == 0
    floors = json.loads(base.read_text())["sets"]["seed"]["floors"]
    assert "quote_f1" in floors
    assert gate.main(args) == 0
    # A floor above what Parley reaches fails the gate ...
    data = json.loads(base.read_text())
    data["sets"]["seed"]["floors"]["quote_f1"] = floors["quote_f1"] + 0.01
    base.write_text(json.dumps(data))
    assert gate.main(args) == 1
    # ... and --update refuses to lower it.
    assert gate.main([*args, "--update"]) == 2
    assert gate.main([*args, "--update", "--allow-regression"]) == 0
    # An edited gold file fails the gate until the floors are re-recorded.
    gold = corpus / "seed" / "seed-000.gold.json"
    gold.write_text(gold.read_text() + "\n")
    assert gate.main(args) == 1
