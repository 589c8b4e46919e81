"""The ``parley`` command: a thin Typer shell over :mod:`parley.service`."""

from __future__ import annotations

from parley.cli import analyze as _analyze  # noqa: F401  (registers the command)
from parley.cli import batch as _batch  # noqa: F401  (registers the command)
from parley.cli import eval as _eval  # noqa: F401  (registers the command)
from parley.cli import export as _export  # noqa: F401  (registers the command)
from parley.cli import ingest as _ingest  # noqa: F401  (registers the command)
from parley.cli import query as _query  # noqa: F401  (registers the commands)
from parley.cli import serve as _serve  # noqa: F401  (registers the commands)
from parley.cli._app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
