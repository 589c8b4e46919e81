"""Scoring Parley's output against gold annotations (``../shared/corpus/FORMAT.md``).

This is the library twin of ``../shared/eval/score.py``: the same matching, the same figures,
the same rounding, so ``parley eval`` and that script agree to the last decimal
(``tests/test_evaluation.py`` runs both on the same predictions). It is re-implemented rather
than imported because the shared script lives outside the package and is not importable from a
wheel; the test is what keeps the two from drifting.

Predictions are the JSON contract (:meth:`parley.types.ArticleResult.to_dict`), as files
(``PRED_DIR/<id>.json``) or in memory, so the evaluation can run the analysis itself.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from parley.errors import IngestError

Json = dict[str, Any]

#: Figures that are ratios (the rest of a report are counts).
RATIO_FIGURES = (
    "quote_precision",
    "quote_recall",
    "quote_f1",
    "attribution_accuracy",
    "end_to_end_f1",
    "date_recall",
    "date_value_accuracy",
    "date_precision",
    "date_value_f1",
    "indirect_f1",
    "indirect_speaker_f1",
    "event_precision",
    "event_recall",
    "event_f1",
)

#: Token-F1 a prediction needs to match a gold item, per kind of item (FORMAT.md).
QUOTE_THRESHOLD = 0.8
INDIRECT_THRESHOLD = 0.5
DATE_THRESHOLD = 0.3

_NON_WORD = re.compile(r"[^\w\s]")


def norm_tokens(text: str | None) -> list[str]:
    """Lower-cased tokens without accents, punctuation or quote marks."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", plain).split()


def token_f1(a: str | None, b: str | None) -> float:
    """Token-level F1 of two texts after :func:`norm_tokens` (tokens counted with multiplicity)."""
    ta, tb = norm_tokens(a), norm_tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def name_of(speaker: Any) -> str:
    """The name of a predicted speaker, given as ``{"name": ...}`` or a plain string."""
    if isinstance(speaker, dict):
        return str(speaker.get("name") or speaker.get("canonical") or speaker.get("text") or "")
    return str(speaker or "")


def country_of(actor: Any) -> str:
    """The ISO alpha-3 country of an event actor, given as a dict or a plain code."""
    if isinstance(actor, dict):
        return str(actor.get("country") or actor.get("code") or "")[:3].upper()
    return str(actor or "")[:3].upper()


def speaker_names(gold: Mapping[str, Any], speaker: str) -> set[str]:
    """The normalised names under which the gold ``speaker`` may be predicted."""
    names = {speaker}
    for actor in gold.get("actors", []):
        if actor.get("name") == speaker:
            names.update(actor.get("aliases", []))
    return {" ".join(norm_tokens(n)) for n in names if n}


def speaker_ok(gold: Mapping[str, Any], gold_speaker: str, predicted: Any) -> bool:
    """True when ``predicted`` names the gold speaker: its name, an alias or its surname."""
    pred = norm_tokens(name_of(predicted))
    if not pred:
        return False
    if " ".join(pred) in speaker_names(gold, gold_speaker):
        return True
    # Sharing the surname counts ("Peskov" for "Dmitry Peskov"), but not initials ("U.S.").
    last = norm_tokens(gold_speaker)[-1:]
    return bool(last) and pred[-1:] == last and len(last[0]) > 2


def match(
    golds: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]], threshold: float
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Greedy one-to-one matching of predictions to gold items by token F1 of their texts."""
    scored = sorted(
        (
            (token_f1(g["text"], p.get("text", "")), i, j)
            for i, g in enumerate(golds)
            for j, p in enumerate(preds)
        ),
        reverse=True,  # ties go to the later item, exactly as the shared scorer breaks them
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for f1, i, j in scored:
        if f1 < threshold:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((golds[i], preds[j]))
    return pairs


def prf(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Counts:
    """Tallies over a set of articles; :meth:`figures` turns them into the reported figures."""

    gold_quotes: int = 0
    pred_quotes: int = 0
    matched_quotes: int = 0
    attributed_quotes: int = 0
    gold_dates: int = 0
    pred_dates: int = 0
    matched_dates: int = 0
    valued_dates: int = 0
    gold_events: int = 0
    pred_events: int = 0
    matched_events: int = 0
    gold_indirect: int = 0
    pred_indirect: int = 0
    matched_indirect: int = 0
    attributed_indirect: int = 0
    missing: int = 0

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def figures(self) -> dict[str, float | int]:
        """The figures of FORMAT.md, named and rounded as ``../shared/eval/score.py`` does."""
        qp, qr, qf = prf(self.matched_quotes, self.pred_quotes, self.gold_quotes)
        _, _, ef = prf(self.attributed_quotes, self.pred_quotes, self.gold_quotes)
        gd = self.gold_dates
        res: dict[str, float | int] = {
            "quotes_gold": self.gold_quotes,
            "quotes_pred": self.pred_quotes,
            "quote_precision": round(qp, 4),
            "quote_recall": round(qr, 4),
            "quote_f1": round(qf, 4),
            "attribution_accuracy": (
                round(self.attributed_quotes / self.matched_quotes, 4)
                if self.matched_quotes
                else 0.0
            ),
            "end_to_end_f1": round(ef, 4),
            "dates_gold": gd,
            "date_recall": round(self.matched_dates / gd, 4) if gd else 0.0,
            "date_value_accuracy": round(self.valued_dates / gd, 4) if gd else 0.0,
            "date_precision": round(self.matched_dates / self.pred_dates, 4)
            if self.pred_dates
            else 0.0,
            "date_value_f1": round(prf(self.valued_dates, self.pred_dates, gd)[2], 4),
            "missing_predictions": self.missing,
        }
        if self.gold_indirect:
            res["indirect_f1"] = round(
                prf(self.matched_indirect, self.pred_indirect, self.gold_indirect)[2], 4
            )
            res["indirect_speaker_f1"] = round(
                prf(self.attributed_indirect, self.pred_indirect, self.gold_indirect)[2], 4
            )
        if self.gold_events:
            ep, er, evf = prf(self.matched_events, self.pred_events, self.gold_events)
            res["event_precision"], res["event_recall"], res["event_f1"] = (
                round(ep, 4),
                round(er, 4),
                round(evf, 4),
            )
        return res


@dataclass
class Report:
    """The outcome of scoring a set of articles."""

    counts: Counts = field(default_factory=Counts)
    errors: list[str] = field(default_factory=list)
    articles: int = 0

    @property
    def figures(self) -> dict[str, float | int]:
        return self.counts.figures()


def _count_events(gold_events: list[Json], pred_events: list[Any]) -> int:
    """Gold events found: same CAMEO root (or an alternative's), source and target country.

    A gold event with no known source (``"source": null``) matches a predicted event with no
    source country, as in the shared scorer.
    """
    used: set[int] = set()
    hits = 0
    for g in gold_events:
        codes = {g["code"][:2]} | {a[:2] for a in g.get("alternatives", [])}
        targets = g.get("target") or []
        wanted = set(targets if isinstance(targets, list) else [targets])
        for j, p in enumerate(pred_events):
            if j in used or str(p.get("code", ""))[:2] not in codes:
                continue
            if country_of(p.get("source")) != (g.get("source") or ""):
                continue
            if wanted and country_of(p.get("target")) not in wanted:
                continue
            used.add(j)
            hits += 1
            break
    return hits


def score_article(
    gold: Mapping[str, Any], pred: Mapping[str, Any] | None, *, show_errors: bool = False
) -> tuple[Counts, list[str]]:
    """Score one prediction (the JSON contract; ``None`` when it is missing) against its gold."""
    c = Counts()
    errors: list[str] = []
    gid = gold["id"]
    if pred is None:
        pred, c.missing = {}, 1
    quotes = pred.get("quotes", [])
    pquotes = [q for q in quotes if q.get("kind") != "indirect"]
    # A reported stance (Quote.stance) is scored as reported speech, as the shared scorer
    # scores it: the referee decides what counts, and `parley eval` agrees with it.
    pindirect = [q for q in quotes if q.get("kind") == "indirect"] + list(pred.get("indirect", []))

    gq = gold.get("quotes", [])
    pairs = match(gq, pquotes, QUOTE_THRESHOLD)
    ok = [(g, p) for g, p in pairs if speaker_ok(gold, g["speaker"], p.get("speaker"))]
    c.gold_quotes, c.pred_quotes, c.matched_quotes, c.attributed_quotes = (
        len(gq),
        len(pquotes),
        len(pairs),
        len(ok),
    )
    if show_errors:
        hit_g = {id(g) for g, _ in pairs}
        hit_p = {id(p) for _, p in pairs}
        errors += [
            f"{gid} MISSED   {g['text'][:70]!r} ({g['speaker']})" for g in gq if id(g) not in hit_g
        ]
        errors += [
            f"{gid} SPURIOUS {p.get('text', '')[:70]!r}" for p in pquotes if id(p) not in hit_p
        ]
        errors += [
            f"{gid} SPEAKER  {g['text'][:50]!r}: gold {g['speaker']!r}, "
            f"got {name_of(p.get('speaker'))!r}"
            for g, p in pairs
            if (g, p) not in ok
        ]

    if gold.get("indirect"):
        gi = gold["indirect"]
        ipairs = match(gi, pindirect, INDIRECT_THRESHOLD)
        c.gold_indirect, c.pred_indirect, c.matched_indirect = len(gi), len(pindirect), len(ipairs)
        c.attributed_indirect = sum(
            speaker_ok(gold, g["speaker"], p.get("speaker")) for g, p in ipairs
        )

    gd, pdates = gold.get("dates", []), pred.get("dates", [])
    dpairs = match(gd, pdates, DATE_THRESHOLD)
    # A value is right at the gold's precision: "2025-04-18" is right for gold "2025-04".
    good = [(g, p) for g, p in dpairs if str(p.get("value") or "")[: len(g["value"])] == g["value"]]
    c.gold_dates, c.pred_dates, c.matched_dates, c.valued_dates = (
        len(gd),
        len(pdates),
        len(dpairs),
        len(good),
    )
    if show_errors:
        errors += [
            f"{gid} DATE     {g['text']!r}: gold {g['value']}, got {p.get('value')}"
            for g, p in dpairs
            if (g, p) not in good
        ]

    if gold.get("events"):
        pev = pred.get("events", [])
        c.gold_events, c.pred_events = len(gold["events"]), len(pev)
        c.matched_events = _count_events(gold["events"], pev)
    return c, errors


def load_golds(gold_dir: str | Path, ids: Iterable[str] | None = None) -> list[Json]:
    """The gold annotations of ``gold_dir`` (``*.gold.json``), in file-name order."""
    root = Path(gold_dir)
    if not root.is_dir():
        raise IngestError(f"{gold_dir}: no such folder of gold annotations (ID.gold.json files)")
    wanted = set(ids or ()) or None  # an empty list of ids means all, as in the shared scorer
    golds = []
    for path in sorted(root.glob("*.gold.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IngestError(f"{path}: not a readable gold annotation ({exc})") from exc
        if wanted is None or gold["id"] in wanted:
            golds.append(gold)
    if not golds:
        raise IngestError(f"{gold_dir} holds no gold annotations (ID.gold.json files)")
    return golds


def load_predictions(pred_dir: str | Path, ids: Iterable[str]) -> dict[str, Json]:
    """``PRED_DIR/<id>.json`` for each id that has a readable file (missing ones are left out)."""
    root = Path(pred_dir)
    if not root.is_dir():
        raise IngestError(f"{pred_dir}: no such folder of predictions (ID.json files)")
    preds: dict[str, Json] = {}
    for gid in ids:
        try:
            data = json.loads((root / f"{gid}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # counted as a missing prediction, like the shared scorer does
        if isinstance(data, dict):
            preds[gid] = data
    return preds


def score(
    golds: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any]],
    *,
    show_errors: bool = False,
) -> Report:
    """Score predictions (id -> JSON contract) against gold annotations."""
    report = Report()
    for gold in golds:
        counts, errors = score_article(gold, predictions.get(gold["id"]), show_errors=show_errors)
        report.counts.add(counts)
        report.errors += errors
        report.articles += 1
    return report


def score_dirs(
    gold_dir: str | Path,
    pred_dir: str | Path,
    *,
    ids: Iterable[str] | None = None,
    show_errors: bool = False,
) -> Report:
    """Score ``PRED_DIR/<id>.json`` files against ``GOLD_DIR/<id>.gold.json``."""
    golds = load_golds(gold_dir, ids)
    preds = load_predictions(pred_dir, [g["id"] for g in golds])
    return score(golds, preds, show_errors=show_errors)


def gold_articles(gold_dir: str | Path, golds: Iterable[Mapping[str, Any]]) -> Iterator[Json]:
    """Article records for the gold files: ``<text_file>`` (or ``<id>.txt``) and the gold's date.

    Falls back to ``articles.jsonl`` in ``gold_dir`` for an article whose text file is absent.
    """
    root = Path(gold_dir)
    jsonl: dict[str, str] | None = None
    for gold in golds:
        gid = gold["id"]
        path = root / (gold.get("text_file") or f"{gid}.txt")
        if path.is_file():
            text = path.read_text(encoding="utf-8")
        else:
            if jsonl is None:
                jsonl = _jsonl_texts(root / "articles.jsonl")
            if gid not in jsonl:
                raise IngestError(f"{path} is missing and {root / 'articles.jsonl'} has no {gid!r}")
            text = jsonl[gid]
        yield {"id": gid, "text": text, "published": gold.get("published")}


def _jsonl_texts(path: Path) -> dict[str, str]:
    """id -> text of the readable records of an ``articles.jsonl`` (none if it is absent)."""
    from parley.ingest.files import read_articles

    if not path.is_file():
        return {}
    return {a.id: a.text for a in read_articles(str(path)) if not isinstance(a, Exception)}


def predict(
    gold_dir: str | Path, golds: Sequence[Mapping[str, Any]], **analyze_kwargs: Any
) -> dict[str, Json]:
    """Run Parley on the articles of ``golds`` and return id -> JSON contract.

    An article that fails is left out (and so scored as a missing prediction). ``dates`` keeps
    the calendar dates the gold lists (FORMAT.md), as ``parley analyze --dates calendar`` does:
    durations, weeks, recurrences, "now" and bare times of day are time expressions of the
    contract but not of the gold.
    """
    from parley.service import analyze_records

    preds: dict[str, Json] = {}
    for item in analyze_records(gold_articles(gold_dir, golds), **analyze_kwargs):
        if isinstance(item, Exception):
            continue
        preds[item.article.id] = item.calendar_dates_only().to_dict()
    return preds


def evaluate(
    gold_dir: str | Path, *, ids: Iterable[str] | None = None, show_errors: bool = False
) -> tuple[Report, dict[str, Json]]:
    """Analyse the gold articles of ``gold_dir`` with Parley and score the result."""
    golds = load_golds(gold_dir, ids)
    preds = predict(gold_dir, golds)
    return score(golds, preds, show_errors=show_errors), preds
