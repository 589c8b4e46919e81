"""``parley serve`` (the HTTP API and dashboard) and ``parley demo`` (example store, offline)."""

from __future__ import annotations

import ipaddress
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from parley.cli._app import app, err_console
from parley.errors import ConfigError, ParleyError

HostOpt = Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")]
PortOpt = Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")]
MaxBodyOpt = Annotated[
    int, typer.Option("--max-body", min=1024, help="Largest request body in bytes (larger: 413).")
]
RateOpt = Annotated[
    float,
    typer.Option("--rate-limit", min=0.0, help="Requests per second per client; 0 = no limit."),
]
BurstOpt = Annotated[int, typer.Option("--burst", min=1, help="Requests a client may burst.")]
WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        min=1,
        max=64,
        help="Server processes (each loads the model on its first analysis; the rate limit is "
        "per process).",
    ),
]


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def check_exposure(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback unless a token protects the write endpoints."""
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"refusing to listen on {host}: beyond loopback, the API needs a token. Set "
            "PARLEY_API_TOKEN (e.g. `export PARLEY_API_TOKEN=$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))')`) or use --host 127.0.0.1"
        )


def run_server(
    *,
    db: str | None,
    host: str,
    port: int,
    max_body: int,
    rate_limit: float,
    burst: int,
    console: Console,
    workers: int = 1,
) -> None:
    """Build the app for ``db`` and run it with uvicorn until interrupted."""
    import os

    import uvicorn

    from parley.api import ApiOptions, create_app
    from parley.config import get_settings

    settings = get_settings().with_overrides(db=db)
    check_exposure(host, settings.api_token)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"Parley dashboard on http://{shown}:{port}/  (API: /api/v1, docs: /docs)")
    if workers > 1:
        # Create or migrate the schema once, here, before the workers start: they then find it
        # current (the store also takes a lock for this, so this only saves them the wait).
        from parley.store import Store

        try:
            Store.from_url(settings.db).close()
        except ParleyError as exc:
            console.print(f"warning: {exc}; store endpoints will answer 503", style="yellow")
        # Worker processes import the app by name, so they get their settings from the
        # environment (the store URL included) instead of from this process's objects.
        os.environ["PARLEY_DB"] = settings.db
        os.environ["PARLEY_SERVE_MAX_BODY"] = str(max_body)
        os.environ["PARLEY_SERVE_RATE_LIMIT"] = str(rate_limit)
        os.environ["PARLEY_SERVE_BURST"] = str(burst)
        uvicorn.run(
            "parley.api.app:app_from_env",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            proxy_headers=False,
        )
        return
    options = ApiOptions(max_body_bytes=max_body, rate_limit=rate_limit, burst=burst)
    application = create_app(settings, options=options)
    uvicorn.run(application, host=host, port=port, log_level="warning", proxy_headers=False)


@app.command("serve")
def serve_cli(
    *,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Store URL (default: PARLEY_DB or sqlite:///parley.db)."),
    ] = None,
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    max_body: MaxBodyOpt = 4 * 1024 * 1024,
    rate_limit: RateOpt = 20.0,
    burst: BurstOpt = 60,
    workers: WorkersOpt = 1,
) -> None:
    """Serve the HTTP API (/api/v1, reference at /docs) and the dashboard over a store.

    Listening beyond loopback needs PARLEY_API_TOKEN; write endpoints always need it.

    Example:
        parley serve --db sqlite:///news.db --port 8000
        PARLEY_API_TOKEN=... parley serve --host 0.0.0.0
    """
    err = err_console()
    try:
        run_server(
            db=db,
            host=host,
            port=port,
            max_body=max_body,
            rate_limit=rate_limit,
            burst=burst,
            console=Console(),
            workers=workers,
        )
    except ParleyError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def load_demo(db: str) -> tuple[int, int, int]:
    """Analyse the bundled example articles into the store at ``db``; (new, existing, failed)."""
    from parley.web.demo import build_store

    report = build_store(db)
    return report.new, report.existing, report.failed


@app.command("demo")
def demo_cli(
    *,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Store to fill (default: a temporary SQLite file, removed on exit)."
        ),
    ] = None,
    port: PortOpt = 8000,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only build the store, then exit.")
    ] = False,
) -> None:
    """Ingest the bundled example articles and serve the dashboard on loopback (no network).

    Example:
        parley demo            # then open http://127.0.0.1:8000/
        parley demo --db sqlite:///demo.db --no-serve
    """
    import signal

    console, err = Console(), err_console()

    def _stop(signum: int, _frame: object) -> None:
        # uvicorn re-raises the SIGTERM it caught once the server has stopped; turn it into an
        # exit that unwinds, so the temporary demo store below is removed, not left in /tmp.
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        _demo(db, port, no_serve, console, err)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _demo(db: str | None, port: int, no_serve: bool, console: Console, err: Console) -> None:
    with tempfile.TemporaryDirectory(prefix="parley-demo-") as tmp:
        url = db or f"sqlite:///{Path(tmp) / 'demo.db'}"
        try:
            new, existing, failed = load_demo(url)
            console.print(
                f"Demo store {url}: {new} new, {existing} already present, {failed} failed"
            )
            if not no_serve:
                run_server(
                    db=url,
                    host="127.0.0.1",
                    port=port,
                    max_body=4 * 1024 * 1024,
                    rate_limit=20.0,
                    burst=60,
                    console=console,
                )
        except ParleyError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
