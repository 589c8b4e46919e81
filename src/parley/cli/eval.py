"""``parley eval``: score predictions (or a fresh analysis) against gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from parley.cli._app import app, err_console
from parley.errors import ParleyError


@app.command("eval")
def eval_cli(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of ID.gold.json files (and ID.txt).")],
    pred_dir: Annotated[
        Path | None,
        typer.Argument(
            help="Folder of ID.json predictions (`parley analyze --format json --out`)."
        ),
    ] = None,
    *,
    run: Annotated[
        bool,
        typer.Option(
            "--run", help="Analyse GOLD_DIR's articles now (each with its gold published date)."
        ),
    ] = False,
    save: Annotated[
        Path | None,
        typer.Option("--save", help="With --run: also write the predictions to DIR/<id>.json."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as one JSON object.")
    ] = False,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List missed, spurious and misattributed items.")
    ] = False,
    ids: Annotated[
        Path | None,
        typer.Option("--ids", help="File of article ids (whitespace-separated) to score."),
    ] = None,
) -> None:
    """Score analyses against gold annotations, with the figures of corpus/FORMAT.md.

    Agrees with ../shared/eval/score.py to the last decimal. Give PRED_DIR to score saved
    predictions, or --run to analyse GOLD_DIR's articles first.

    Example:
        parley eval ../shared/corpus/dev --run
        parley analyze ../shared/corpus/dev/articles.jsonl --format json --out preds/
        parley eval ../shared/corpus/dev preds/ --show-errors
    """
    from parley import evaluation

    err = err_console()
    if (pred_dir is None) == (not run):
        err.print("[red]error:[/red] give either PRED_DIR or --run (not both, not neither)")
        raise typer.Exit(2)
    if save is not None and not run:
        err.print("[red]error:[/red] --save only goes with --run")
        raise typer.Exit(2)
    try:
        wanted = ids.read_text(encoding="utf-8").split() if ids is not None else None
        if run:
            report, preds = evaluation.evaluate(gold_dir, ids=wanted, show_errors=show_errors)
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                for gid, data in preds.items():
                    (save / f"{gid}.json").write_text(
                        json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
                    )
        else:
            assert pred_dir is not None
            report = evaluation.score_dirs(gold_dir, pred_dir, ids=wanted, show_errors=show_errors)
    except (ParleyError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    figures = report.figures
    if as_json:
        sys.stdout.write(json.dumps(figures) + "\n")
        return
    for line in report.errors:
        sys.stdout.write(line + "\n")
    for key, value in figures.items():
        sys.stdout.write(f"{key:24} {value}\n")
