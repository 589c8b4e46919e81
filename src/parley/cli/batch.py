"""``parley batch``: analyse article shards on Dask and write partitioned Parquet."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from parley.cli._app import app, err_console
from parley.cli._progress import RateColumn
from parley.errors import ParleyError


@app.command("batch")
def batch_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="JSONL, JSONL.gz, Parquet or WARC files, folders, globs or fsspec URLs."
        ),
    ],
    *,
    out: Annotated[
        str,
        typer.Option(
            "--out", "-o", help="Output folder (or fsspec URL) for the Parquet tables and manifest."
        ),
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786."
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-w", help="Worker processes of the local cluster (without --scheduler)."
        ),
    ] = 2,
    partition_size: Annotated[
        int,
        typer.Option(
            "--partition-size", help="Articles per partition (one task and one file per table)."
        ),
    ] = 50,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Also save the results to this store (sqlite:///... or postgresql://...)."
        ),
    ] = None,
) -> None:
    """Analyse article shards on a Dask cluster into partitioned Parquet tables.

    Writes OUT/<table>/part-*.parquet for documents, actors, quotes, dates, events, places,
    casualties, amounts, agreements, conditions and errors, plus OUT/manifest.json. A bad
    article becomes a row of `errors`; a finished batch run again does nothing, an interrupted
    one resumes.

    Example:
        parley batch news/*.jsonl.gz --out results/ --workers 4
        parley batch s3://bucket/crawl/*.warc.gz --out s3://bucket/parley/ --scheduler tcp://10.0.0.5:8786
    """
    from parley.batch.dask import BatchListener, dashboard_available, run_batch

    err = err_console()
    if scheduler and workers != 2:
        err.print(
            "[yellow]note:[/yellow] --workers is ignored with --scheduler (the cluster has its own)"
        )
    progress = Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
        # Piped: no frames; the summary below is the one-line report.
        disable=not err.is_terminal,
    )
    task_id = progress.add_task("batch", total=None, start=False)
    base = [0]

    def started(total: int, skipped: int) -> None:
        if skipped:
            err.print(f"{skipped} article(s) already done in {out}; resuming with the rest")
        progress.update(task_id, total=total)
        progress.start_task(task_id)
        progress.start()

    def on_progress(done: int) -> None:
        progress.update(task_id, completed=base[0] + done)

    def connected(dashboard: str | None) -> None:
        where = scheduler or f"a local cluster of {workers} worker process(es) on 127.0.0.1"
        err.print(f"Running on {where}")
        if dashboard:
            err.print(f"Dask dashboard: {dashboard}")
        elif not dashboard_available():
            err.print("Dask dashboard: not available (it needs bokeh, which is not installed)")
        else:
            err.print("Dask dashboard: the scheduler serves none")

    listener = BatchListener(
        connected=connected, started=started, progress=on_progress, note=lambda m: err.print(m)
    )
    try:
        summary = run_batch(
            inputs,
            out,
            scheduler=scheduler,
            workers=workers,
            partition_size=partition_size,
            db=db,
            listener=listener,
        )
    except ParleyError as exc:
        progress.stop()
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        progress.stop()
    if summary.already_complete:
        err.print(
            f"Nothing to do: {out} already holds this batch "
            f"({summary.records} article(s), {summary.failures} failure(s))."
        )
        return
    err.print(
        f"Done in {summary.seconds:.1f} s: {summary.records_run} article(s) processed "
        f"({summary.rate:.1f} articles/s while running)\n"
        f"  analysed: {summary.articles}  failures: {summary.failures} (rows of the errors table)\n"
        f"  partitions: {summary.partitions_run} run, {summary.partitions_skipped} already done\n"
        f"  output: {out} (tables and manifest.json)"
    )
    if summary.partitions_failed:
        err.print(
            f"[red]{len(summary.partitions_failed)} partition(s) failed[/red] "
            f"({', '.join(summary.partitions_failed[:5])}); "
            "run the same command again to retry them"
        )
        raise typer.Exit(1)
