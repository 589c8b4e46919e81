"""``create_app(settings)``: the FastAPI application serving ``/api/v1`` and the dashboard.

Nothing is built at import time. The lifespan opens the store from ``settings.db``; the model is
loaded on the first analysis (``parley.nlp.pipeline.load_nlp`` caches it per process).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from parley.api.deps import Analyzer
from parley.api.errors import install_error_handlers
from parley.api.security import (
    AnalysisQueue,
    BodySizeLimit,
    RateLimit,
    RateLimiter,
    SecurityHeaders,
)
from parley.config import Settings, get_settings
from parley.errors import ConfigError

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"


@dataclass(frozen=True, slots=True)
class ApiOptions:
    """Limits of the HTTP server (flags of ``parley serve``)."""

    #: Largest request body in bytes; larger ones get 413 ``payload_too_large``.
    max_body_bytes: int = 4 * 1024 * 1024
    #: Sustained requests per second per client address; 0 turns the rate limit off.
    rate_limit: float = 20.0
    #: Requests a client may burst above the sustained rate.
    burst: int = 60


def options_from_env(environ: dict[str, str] | None = None) -> ApiOptions:
    """Server limits from ``PARLEY_SERVE_MAX_BODY``, ``_RATE_LIMIT`` and ``_BURST`` (set by
    ``parley serve --workers N`` for its worker processes)."""
    import os

    env = os.environ if environ is None else environ
    base = ApiOptions()
    try:
        return ApiOptions(
            max_body_bytes=int(env.get("PARLEY_SERVE_MAX_BODY", base.max_body_bytes)),
            rate_limit=float(env.get("PARLEY_SERVE_RATE_LIMIT", base.rate_limit)),
            burst=int(env.get("PARLEY_SERVE_BURST", base.burst)),
        )
    except ValueError as exc:
        raise ConfigError(f"PARLEY_SERVE_* must be numbers: {exc}") from exc


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes: settings and limits from the environment."""
    from parley.config import settings_from_env

    return create_app(settings_from_env(), options=options_from_env())


def _open_store(app: FastAPI, settings: Settings) -> None:
    try:
        from parley.store import Store

        app.state.store = Store.from_url(settings.db)
        app.state.store_error = None
    except Exception as exc:  # the API still analyses; store endpoints answer 503 with this
        log.error("store %s could not be opened: %s", settings.db, exc)
        app.state.store = None
        app.state.store_error = f"the store {settings.db!r} could not be opened: {exc}"


def create_app(
    settings: Settings | None = None,
    *,
    options: ApiOptions | None = None,
    store: Any | None = None,
) -> FastAPI:
    """Build the app.

    Args:
        settings: Parley settings (database URL, model, API token); default from the environment.
        options: server limits (body size, rate limit).
        store: an already-open store to serve instead of opening ``settings.db`` (the caller
            keeps ownership and closes it).

    Returns:
        The FastAPI application; serve it with uvicorn (``parley serve`` does).
    """
    from parley import __version__
    from parley.api.routes import (
        actors,
        analyze,
        documents,
        events,
        meta,
        negotiations,
        quotes,
        timeline,
    )
    from parley.web.routes import install_web

    settings = settings or get_settings()
    options = options or ApiOptions()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.analyzer = Analyzer(settings)
        owns_store = store is None
        if owns_store:
            _open_store(app, settings)
        else:
            app.state.store, app.state.store_error = store, None
        try:
            yield
        finally:
            opened = app.state.store
            if owns_store and opened is not None and hasattr(opened, "close"):
                opened.close()

    app = FastAPI(
        title="Parley API",
        version=__version__,
        summary="Who said what, who did what to whom, when, where, and what was promised.",
        description=(
            "Read-only access to a Parley store (documents, quotes, actors, events, timelines, "
            "agreements), on-the-spot analysis of a posted article, and token-protected ingest. "
            'Every error has the shape `{"error": {"code": ..., "message": ...}}`. '
            "Lists are pages `{data, count, next}`."
        ),
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # the default pages load Swagger UI from a CDN; /docs is ours, offline
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.options = options
    install_error_handlers(app)
    for module in (analyze, documents, quotes, actors, events, timeline, negotiations, meta):
        app.include_router(module.router, prefix=API_PREFIX)
    install_web(app)

    # Outermost first: headers on every reply, then the rate limit, then the size limit, then
    # the bounded, per-client analysis queue.
    app.add_middleware(
        AnalysisQueue,
        max_queue=max(1, settings.api_queue),
        per_client=max(1, settings.api_client_queue),
    )
    app.add_middleware(BodySizeLimit, max_bytes=options.max_body_bytes)
    if options.rate_limit > 0:
        limiter = RateLimiter(rate=options.rate_limit, burst=options.burst)
        app.add_middleware(RateLimit, limiter=limiter)
    app.add_middleware(SecurityHeaders)
    return app
