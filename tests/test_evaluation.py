"""parley.evaluation must agree with ../shared/eval/score.py on every figure.

The predictions are generated here, at test time: Parley's own output on the real seed and dev
articles, and perturbed copies of the gold (dropped, truncated, misattributed and spurious items)
that reach the matching, alias, surname, date-precision, indirect and event paths that Parley's
current output may not. Nothing from the corpus is stored in the repository.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from parley import evaluation
from parley.cli import app
from parley.errors import IngestError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORE_PY = SHARED / "eval" / "score.py"


def shared_score(gold_dir: Path, pred_dir: Path, *extra: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold_dir), str(pred_dir), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def assert_agree(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    theirs = json.loads(shared_score(gold_dir, pred_dir, "--json"))
    report = evaluation.score_dirs(gold_dir, pred_dir, show_errors=True)
    ours = report.figures
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        assert round(ours[key], 3) == round(value, 3), key
    # The error listing is the same too, line for line.
    their_lines = shared_score(gold_dir, pred_dir, "--show-errors").splitlines()
    assert report.errors == their_lines[: len(report.errors)]
    return ours


def write_preds(pred_dir: Path, preds: dict[str, dict[str, Any]]) -> None:
    pred_dir.mkdir(parents=True, exist_ok=True)
    for gid, data in preds.items():
        (pred_dir / f"{gid}.json").write_text(json.dumps(data), encoding="utf-8")


def perturb(gold: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    """A plausible imperfect prediction made from a gold annotation."""
    if rng.random() < 0.08:
        return None  # a missing prediction
    names = [a["name"] for a in gold.get("actors", [])] or ["Someone Else"]
    quotes = []
    for q in gold.get("quotes", []):
        if rng.random() < 0.15:
            continue
        words = q["text"].split()
        text = " ".join(words[: max(1, int(len(words) * rng.choice([1, 1, 0.9, 0.7, 0.4])))])
        actor = next((a for a in gold.get("actors", []) if a["name"] == q["speaker"]), None)
        choices: list[Any] = [
            {"id": "a1", "name": q["speaker"]},
            {"id": "a2", "name": rng.choice(names)},
            {"id": "a3", "name": q["speaker"].split()[-1].upper()},
            q["speaker"],
            None,
        ]
        if actor and actor.get("aliases"):
            choices.append({"id": "a4", "name": rng.choice(actor["aliases"])})
        quotes.append(
            {
                "text": text,
                "kind": rng.choice(["direct", "partial"]),
                "speaker": rng.choice(choices),
            }
        )
    for q in gold.get("indirect", []):
        if rng.random() < 0.5:
            quotes.append(
                {
                    "text": q["text"],
                    "kind": "indirect",
                    "speaker": {"name": rng.choice([q["speaker"], *names])},
                }
            )
    quotes.append({"text": "an entirely invented remark", "kind": "direct", "speaker": None})
    dates = []
    for d in gold.get("dates", []):
        if rng.random() < 0.15:
            continue
        value = rng.choice([d["value"], d["value"][:4], d["value"] + "-01", "1999-01-01", None])
        dates.append({"text": d["text"], "value": value})
    dates.append({"text": "may", "value": "2020-05"})
    events = []
    for e in gold.get("events", []):
        if rng.random() < 0.4:
            continue
        targets = e.get("target") or []
        target = targets if not isinstance(targets, list) else (targets or [None])[0]
        code = rng.choice([e["code"], *e.get("alternatives", []), "010"])
        # A gold event with no known source (null) is predicted with no source country.
        source = rng.choice([e["source"], e["source"], None, "ZZZ"])
        events.append(
            {
                "code": code,
                "source": rng.choice([{"country": source}, source, {"name": "someone"}]),
                "target": rng.choice([{"country": target}, {"country": "XXX"}, None]),
            }
        )
    return {"quotes": quotes, "dates": dates, "events": events}


@pytest.mark.parametrize("corpus", ["seed", "dev"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_evaluation_agrees_with_shared_scorer_on_perturbed_gold(
    shared_corpus: Path, tmp_path: Path, corpus: str, seed: int
) -> None:
    gold_dir = shared_corpus / corpus
    rng = random.Random(seed)
    preds = {}
    for gold in evaluation.load_golds(gold_dir):
        pred = perturb(gold, rng)
        if pred is not None:
            preds[gold["id"]] = pred
    write_preds(tmp_path, preds)
    figures = assert_agree(gold_dir, tmp_path)
    assert 0 < figures["quote_f1"] < 1  # the perturbation really exercised the matching
    assert figures["event_f1"] < 1  # both sets have article-level event gold
    if corpus == "dev":  # 16 articles: the perturbation reaches every event path
        assert figures["event_f1"] > 0


def test_evaluation_null_gold_source_matches_a_predicted_event_without_source() -> None:
    gold = {
        "id": "x",
        "events": [
            {"code": "190", "source": None, "target": ["UKR"]},
            {"code": "042", "source": "USA", "target": []},
        ],
    }
    unknown = {"code": "195", "source": {"name": "gunmen"}, "target": {"country": "UKR"}}
    known = {"code": "195", "source": {"country": "RUS"}, "target": {"country": "UKR"}}
    visit = {"code": "043", "source": "usa", "target": None}
    counts, _ = evaluation.score_article(gold, {"events": [known, unknown, visit]})
    assert (counts.gold_events, counts.pred_events, counts.matched_events) == (2, 3, 2)
    counts, _ = evaluation.score_article(gold, {"events": [known]})
    assert counts.matched_events == 0  # a known source never stands for an unknown one


def test_evaluation_empty_id_list_means_every_article(shared_corpus: Path, tmp_path: Path) -> None:
    gold_dir = shared_corpus / "seed"
    everything = evaluation.score_dirs(gold_dir, tmp_path)
    assert evaluation.score_dirs(gold_dir, tmp_path, ids=[]).figures == everything.figures
    assert everything.articles == len(evaluation.load_golds(gold_dir))


@pytest.mark.model
@pytest.mark.parametrize("corpus", ["seed", "dev"])
def test_evaluation_agrees_with_shared_scorer_on_parley_output(
    shared_corpus: Path, tmp_path: Path, corpus: str
) -> None:
    gold_dir = shared_corpus / corpus
    golds = evaluation.load_golds(gold_dir)
    preds = evaluation.predict(gold_dir, golds)
    assert set(preds) == {g["id"] for g in golds}
    write_preds(tmp_path, preds)
    figures = assert_agree(gold_dir, tmp_path)
    # --run scores the same predictions in memory.
    report, _ = evaluation.evaluate(gold_dir)
    assert report.figures == figures


def test_evaluation_scores_a_stance_as_reported_speech_like_the_shared_scorer(
    tmp_path: Path,
) -> None:
    gold = {
        "id": "g1",
        "quotes": [],
        "indirect": [{"speaker": "Ana Ruiz", "text": "the bridge will reopen in May"}],
    }
    said = {
        "id": "q1",
        "text": "the bridge will reopen in May",
        "start": 0,
        "end": 29,
        "kind": "indirect",
        "speaker": {"id": "a1", "name": "Ana Ruiz"},
    }
    held = {**said, "id": "q2", "text": "the council will fund it", "stance": True}
    counts, _ = evaluation.score_article(gold, {"quotes": [said, held]})
    assert (counts.pred_indirect, counts.matched_indirect) == (2, 1)
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / "g1.gold.json").write_text(json.dumps(gold))
    (pred_dir / "g1.json").write_text(json.dumps({"id": "g1", "quotes": [said, held]}))
    assert_agree(gold_dir, pred_dir)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("We will sign.", "we will SIGN", 1.0),
        ("“We will sign,” she said", "We will sign", 2 * 0.6 * 1.0 / 1.6),
        ("Zürich talks", "Zurich talks", 1.0),
        ("", "anything", 0.0),
        ("no no no", "no", 0.5),
    ],
)
def test_evaluation_token_f1(a: str, b: str, expected: float) -> None:
    assert evaluation.token_f1(a, b) == pytest.approx(expected)


GOLD = {
    "id": "x",
    "actors": [{"name": "Olena Marchuk", "aliases": ["the minister", "Marchuk"]}],
}


@pytest.mark.parametrize(
    ("predicted", "ok"),
    [
        ({"name": "Olena Marchuk"}, True),
        ({"name": "the Minister"}, True),
        ("MARCHUK", True),
        ({"name": "Ivan Marchuk"}, True),  # same surname counts, as in the shared scorer
        ({"name": "Olena"}, False),
        (None, False),
        ({"name": ""}, False),
    ],
)
def test_evaluation_speaker_ok(predicted: Any, ok: bool) -> None:
    assert evaluation.speaker_ok(GOLD, "Olena Marchuk", predicted) is ok


def test_evaluation_short_surname_does_not_count() -> None:
    gold = {"id": "x", "actors": []}
    assert not evaluation.speaker_ok(gold, "Kim Li", {"name": "Ann Li"})


def test_eval_cli_scores_prediction_dir(shared_corpus: Path, tmp_path: Path) -> None:
    gold_dir = shared_corpus / "seed"
    write_preds(tmp_path, {})
    result = CliRunner().invoke(app, ["eval", str(gold_dir), str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["missing_predictions"] == 1
    assert figures == json.loads(shared_score(gold_dir, tmp_path, "--json"))


@pytest.mark.model
def test_eval_cli_run_saves_predictions(shared_corpus: Path, tmp_path: Path) -> None:
    gold_dir = shared_corpus / "seed"
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--run", "--save", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "quote_f1" in result.stdout
    assert (tmp_path / "seed-000.json").is_file()
    assert json.loads(shared_score(gold_dir, tmp_path, "--json"))["missing_predictions"] == 0


@pytest.mark.model
def test_analyze_calendar_dates_score_as_eval_run(shared_corpus: Path, tmp_path: Path) -> None:
    # The command-line route: `parley analyze --dates calendar --out P`, then score.py on P,
    # gives what `parley eval --run` reports; without --dates, every duration and "now" the
    # contract carries counts against score.py's date precision.
    gold_dir = shared_corpus / "seed"
    runner = CliRunner()
    for view, folder in (("calendar", tmp_path / "calendar"), ("all", tmp_path / "all")):
        result = runner.invoke(
            app,
            ["analyze", str(gold_dir / "articles.jsonl"), "--format", "json"]
            + ["--dates", view, "--out", str(folder)],
        )
        assert result.exit_code == 0, result.output
    report, _ = evaluation.evaluate(gold_dir)
    calendar = json.loads(shared_score(gold_dir, tmp_path / "calendar", "--json"))
    assert calendar == report.figures
    everything = json.loads(shared_score(gold_dir, tmp_path / "all", "--json"))
    assert everything["date_recall"] == calendar["date_recall"]
    assert everything["date_precision"] < calendar["date_precision"]


@pytest.mark.parametrize(
    "args",
    [
        ["eval", "GOLD"],  # neither PRED_DIR nor --run
        ["eval", "GOLD", "PRED", "--run"],  # both
        ["eval", "GOLD", "PRED", "--save", "out"],  # --save without --run
    ],
)
def test_eval_cli_refuses_unclear_arguments(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "error" in result.stderr


def test_eval_cli_missing_gold_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nope"), str(tmp_path)])
    assert result.exit_code == 1
    assert "no such folder" in " ".join(result.stderr.split())


def test_eval_cli_ids_restricts_the_articles(shared_corpus: Path, tmp_path: Path) -> None:
    gold_dir = shared_corpus / "dev"
    first, second = [g["id"] for g in evaluation.load_golds(gold_dir)][:2]
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{first}\n{second}\n", encoding="utf-8")
    preds = tmp_path / "preds"
    write_preds(preds, {})
    result = CliRunner().invoke(
        app, ["eval", str(gold_dir), str(preds), "--ids", str(ids), "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["missing_predictions"] == 2
    assert figures == json.loads(shared_score(gold_dir, preds, "--json", "--ids", str(ids)))


def test_evaluation_gold_articles_fall_back_to_jsonl(shared_corpus: Path, tmp_path: Path) -> None:
    seed = shared_corpus / "seed"
    for name in ("seed-000.gold.json", "articles.jsonl"):  # a scratch copy without the .txt
        (tmp_path / name).write_bytes((seed / name).read_bytes())
    golds = evaluation.load_golds(tmp_path)
    (from_jsonl,) = evaluation.gold_articles(tmp_path, golds)
    (from_txt,) = evaluation.gold_articles(seed, golds)
    assert from_jsonl == from_txt
    (tmp_path / "articles.jsonl").unlink()
    with pytest.raises(IngestError, match="missing"):
        list(evaluation.gold_articles(tmp_path, golds))
