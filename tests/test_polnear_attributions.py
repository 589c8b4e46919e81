"""eval/polnear_attributions.py: quotes sharing a speaker and a cue are one PolNeAR attribution."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import parley

REPO = Path(__file__).resolve().parent.parent


def converter() -> ModuleType:
    path = REPO / "eval" / "polnear_attributions.py"
    spec = importlib.util.spec_from_file_location("parley_polnear_attributions", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quotation_interrupted_by_its_cue_is_one_attribution() -> None:
    text = (
        '"The bridge is unsafe," Mayor Tomas Berg said. "It will close in May."\n\n'
        '"We will reopen it," Governor Ana Ruiz said.'
    )
    result = parley.analyze(text, published="2025-04-18").to_dict()
    preds = converter().attributions(result)
    contents = [[text[c["start"] : c["end"]] for c in p["contents"]] for p in preds]
    assert contents == [
        ["The bridge is unsafe,", "It will close in May."],
        ["We will reopen it,"],
    ]
    berg = preds[0]["sources"]
    assert berg and all(text[s["start"] : s["end"]] in {"Tomas Berg", "Berg"} for s in berg)


def test_quote_without_cue_stays_alone() -> None:
    result = {
        "actors": [{"id": "a1", "mentions": [[0, 4]]}],
        "quotes": [
            {"id": "q1", "start": 10, "end": 20, "speaker": {"id": "a1"}, "cue_span": None},
            {"id": "q2", "start": 30, "end": 40, "speaker": {"id": "a1"}, "cue_span": None},
        ],
    }
    preds = converter().attributions(result)
    assert [[(c["start"], c["end"]) for c in p["contents"]] for p in preds] == [
        [(10, 20)],
        [(30, 40)],
    ]
