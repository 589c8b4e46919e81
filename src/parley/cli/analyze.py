"""``parley analyze``: analyse articles and print a report or the JSON contract."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from parley.cli._app import app
from parley.errors import IngestError, ParleyError
from parley.ingest.files import JSONL_SUFFIXES, read_articles
from parley.ingest.records import looks_english, parse_published
from parley.types import Article, ArticleResult


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _articles(paths: list[str], published: date | None, errors: list[str]) -> Iterator[Article]:
    for path in paths:
        try:
            for item in read_articles(path, published=published):
                if isinstance(item, IngestError):
                    errors.append(str(item))
                    continue
                yield item
        except IngestError as exc:
            errors.append(str(exc))


@app.command("analyze")
def analyze_cli(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt, .html, .jsonl) or - for standard input."),
    ],
    *,
    published: Annotated[
        str | None,
        typer.Option("--published", "-p", help="Publication date (YYYY-MM-DD) for relative dates."),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text: a readable report; json: the contract."),
    ] = OutputFormat.text,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write each article's JSON to DIR/<id>.json instead of printing."
        ),
    ] = None,
) -> None:
    """Analyse news articles: quotes with speakers, reported speech, actors and dates.

    Example:
        parley analyze examples/peace-talks.txt --published 2025-04-18
        parley analyze articles.jsonl --format json --out results/
    """
    from parley.service import analyze_records

    err = Console(stderr=True)
    try:
        pub = parse_published(published, what="--published")
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    errors: list[str] = []
    done = 0
    out_console = Console()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)

    def checked(items: Iterable[Article]) -> Iterator[Article]:
        for article in items:
            if not looks_english(article.text):
                err.print(
                    f"[yellow]warning:[/yellow] {article.id}: the text does not look English; "
                    "Parley's rules are for English and may find little"
                )
            yield article

    records = checked(_articles(paths, pub, errors))
    total = _count_articles(paths)
    try:
        with _progress(err, total) as advance:
            for item in analyze_records(records):
                advance()
                if isinstance(item, Exception):
                    errors.append(str(item))
                    continue
                done += 1
                _emit(item, output_format, out, out_console)
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    for message in errors:
        err.print(f"[red]error:[/red] {message}")
    if out is not None:
        err.print(
            f"{done} article(s) written to {out}" + (f", {len(errors)} failed" if errors else "")
        )
    if done == 0:
        raise typer.Exit(1)


#: From this many articles on, a progress bar is shown even when stderr is not a terminal.
PROGRESS_MIN_ARTICLES = 50


def _count_articles(paths: list[str]) -> int:
    """A cheap upper bound on the number of articles: non-blank JSONL lines, one per other file."""
    total = 0
    for path in paths:
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


@contextmanager
def _progress(err: Console, total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long inputs (stdout stays clean for JSON); else a no-op."""
    if total < 2 or not (err.is_terminal or total >= PROGRESS_MIN_ARTICLES):
        yield lambda: None
        return
    with Progress(
        TextColumn("Analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=err.is_terminal,
    ) as progress:
        task = progress.add_task("analyse", total=total)
        yield lambda: progress.advance(task)


def _emit(result: ArticleResult, fmt: OutputFormat, out: Path | None, console: Console) -> None:
    data = result.to_dict()
    if out is not None:
        target = out / f"{_safe_name(result.article)}.json"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    from parley.cli.report import print_report

    print_report(result, console)


def _safe_name(article: Article) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in article.id) or "article"
