"""``parley ingest``: read, analyse and store articles (idempotent, resumable)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from parley.cli._app import app, err_console
from parley.cli._progress import progress
from parley.errors import ParleyError

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store URL: sqlite:///parley.db (default, or PARLEY_DB) or postgresql://..."
    ),
]


@app.command("ingest")
def ingest_cli(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders: .txt, .html, .jsonl, RSS/Atom feeds, WARC files, or -."
        ),
    ],
    *,
    db: DbOpt = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            help="Publication date (YYYY-MM-DD) of articles without their own date.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar (the summary still prints).")
    ] = False,
) -> None:
    """Analyse articles and store them: new ones are added, stored ones skipped, failures recorded.

    Re-running is safe: documents have stable ids (a record's own id, else a hash of URL and
    text), so an interrupted ingest resumes where it stopped and a repeated one adds nothing.
    Exit status: 0 when nothing failed, 1 otherwise.

    Example:
        parley ingest ../shared/corpus/bulk/ --db sqlite:///news.db
        parley ingest feed.rss crawl.warc.gz --db postgresql://parley@127.0.0.1/news
    """
    from parley.config import get_settings
    from parley.ingest.records import parse_published
    from parley.store import Store
    from parley.store.ingest import ingest

    err = err_console()
    settings = get_settings().with_overrides(db=db)
    try:
        pub = parse_published(published, what="--published")
        store = Store.from_url(settings.db)
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc

    try:
        with progress(err, "ingest", quiet=quiet, summary=False) as tracker:
            report = ingest(
                store,
                paths,
                published=pub,
                settings=settings,
                on_total=tracker.total,
                on_article=lambda _doc_id, outcome: tracker.advance(
                    "present" if outcome == "existing" else outcome
                ),
            )
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except KeyboardInterrupt:
        err.print(
            "[yellow]interrupted:[/yellow] every stored article is complete; run the same command "
            "again to resume"
        )
        raise typer.Exit(130) from None
    finally:
        store.close()
    for message in report.errors:
        err.print(f"[red]failed:[/red] {message}", highlight=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict()) + "\n")
    else:
        err.print(
            f"{report.new} new, {report.existing} already present, {report.failed} failed "
            f"→ {settings.db} (in {tracker.timing()})",
            highlight=False,
            soft_wrap=True,
        )
        if report.failed:
            err.print(
                "every failed record is one row of the store's failures table "
                "(`parley stats` counts them)",
                highlight=False,
            )
    if report.failed:
        raise typer.Exit(1)
