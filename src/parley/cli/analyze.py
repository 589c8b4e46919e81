"""``parley analyze``: analyse articles and print a report or the JSON contract."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from parley.cli._app import app, err_console
from parley.cli._progress import progress
from parley.errors import ParleyError
from parley.ingest.files import JSONL_SUFFIXES
from parley.ingest.pipeline import Failure
from parley.ingest.reader import Read, expand_paths, read_paths
from parley.ingest.records import looks_english, parse_published
from parley.types import ArticleResult


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class DatesView(StrEnum):
    all = "all"
    calendar = "calendar"


@app.command("analyze")
def analyze_cli(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files or folders (.txt, .html, .jsonl, RSS/Atom, WARC) or - for stdin."
        ),
    ],
    *,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            help="Publication date (YYYY-MM-DD) of articles without their own date.",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: a readable report; json: the contract, one article a line (JSON Lines).",
        ),
    ] = OutputFormat.text,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write each article's JSON to DIR/<name>.json (record id, else file name).",
        ),
    ] = None,
    dates_view: Annotated[
        DatesView,
        typer.Option(
            "--dates",
            help="all: every time expression (DATE, TIME, DURATION, SET, with its TimeML value); "
            "calendar: only the calendar days, months and years, as FORMAT.md's dates gold lists "
            "them (what ../shared/eval/score.py scores).",
        ),
    ] = DatesView.all,
) -> None:
    """Analyse news articles: quotes with speakers, reported speech, actors and dates.

    Example:
        parley analyze examples/peace-talks.txt --published 2025-04-18
        parley analyze articles.jsonl --format json --out results/
        parley analyze news/ --format json > results.jsonl
        parley analyze dev/articles.jsonl --format json --dates calendar --out preds/
    """
    from parley.ingest.pipeline import process

    err = err_console()
    try:
        pub = parse_published(published, what="--published")
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    errors: list[str] = []
    out_console = Console()
    names: set[str] = set()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)

    def checked(reads: Iterable[Read]) -> Iterator[Read]:
        for read in reads:
            article = read.article
            if article is not None and not looks_english(article.text):
                err.print(
                    f"[yellow]warning:[/yellow] {article.id}: the text does not look English; "
                    "Parley's rules are for English and may find little"
                )
            yield read

    def on_result(read: Read, result: ArticleResult) -> None:
        if dates_view is DatesView.calendar:
            result = result.calendar_dates_only()
        _emit(result, output_format, _unique(out, read.name, names), out_console)

    def on_failure(_read: Read | None, failure: Failure) -> None:
        errors.append(failure.message)

    try:
        with progress(err, "analyse", summary=False) as tracker:
            tracker.total(_count_articles(paths))
            report = process(
                checked(read_paths(paths, published=pub)),
                on_article=lambda _key, outcome: tracker.advance(
                    "analysed" if outcome == "new" else outcome
                ),
                on_result=on_result,
                on_failure=on_failure,
            )
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    for message in errors:
        err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    done = report.new
    if out is not None:
        err.print(
            f"{done} article(s) written to {out}" + (f", {len(errors)} failed" if errors else "")
        )
    elif not err.is_terminal and done + len(errors) > 1:
        err.print(tracker.summary(), highlight=False, soft_wrap=True)
    if done == 0:
        if not errors:
            err.print("[red]error:[/red] no articles found in " + ", ".join(paths))
        raise typer.Exit(1)


def _count_articles(paths: list[str]) -> int:
    """A cheap upper bound on the number of articles: non-blank JSONL lines, one per other file."""
    total = 0
    for path in expand_paths(paths):
        p = Path(path)
        if path != "-" and p.suffix.lower() in JSONL_SUFFIXES and p.is_file():
            try:
                with p.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _unique(out: Path | None, name: str, used: set[str]) -> Path | None:
    """``out/<name>.json``, numbered (``name-2``) when two articles share a name."""
    if out is None:
        return None
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name}-{n}"
    used.add(candidate)
    return out / f"{candidate}.json"


def _emit(result: ArticleResult, fmt: OutputFormat, target: Path | None, console: Console) -> None:
    data = result.to_dict()
    if target is not None:
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    if fmt is OutputFormat.json:
        # JSON Lines: one article a line, so any number of articles stays readable.
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    from parley.cli.report import print_report

    print_report(result, console)
