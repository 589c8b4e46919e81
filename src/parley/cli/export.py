"""``parley export``: stored tables as JSONL, CSV, Parquet, or events as GDELT 2.0 TSV."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from parley.cli._app import app, err_console
from parley.cli.query import DbOpt, open_store


class ExportFormat(str, Enum):  # noqa: UP042 (Typer choices)
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


class ExportTable(str, Enum):  # noqa: UP042 (Typer choices)
    quotes = "quotes"
    actors = "actors"
    events = "events"
    documents = "documents"


@app.command("export")
def export_cli(
    *,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="jsonl, csv, parquet, or gdelt (GDELT 2.0 event TSV)."),
    ] = ExportFormat.jsonl,
    table: Annotated[
        ExportTable, typer.Option("--table", "-t", help="What to export.")
    ] = ExportTable.quotes,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")
    ] = None,
    header: Annotated[
        bool, typer.Option("--header", help="gdelt: write a header line (GDELT files have none).")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Export a stored table as JSONL, CSV or Parquet, or the events as a GDELT 2.0 TSV.

    ``--format gdelt`` writes the GDELT 2.0 event columns Parley can fill (the others are left
    empty), so existing GDELT tooling reads Parley's events.

    Example:
        parley export --table quotes --format csv --out quotes.csv
        parley export --format gdelt --out events.tsv
        parley export --table events --format parquet --out events.parquet
    """
    from parley.store.export import write_gdelt, write_table

    with open_store(db) as store:
        target = out if out is not None else sys.stdout
        if fmt is ExportFormat.gdelt:
            n = write_gdelt(store, target, header=header)
            what = "events"
        else:
            n = write_table(store, table.value, fmt.value, target)
            what = table.value
    if out is not None:
        err = err_console()
        err.print(f"{n} {what} written to {out}")
