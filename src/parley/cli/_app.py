"""The Typer application object and option types shared by the commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="parley",
    help="Turn news articles into a verifiable record of who said and did what, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Parley: who said what, who did what to whom, when, where, and what was promised."""
