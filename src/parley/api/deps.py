"""FastAPI dependencies as ``Annotated`` aliases: settings, store, analyzer, token, paging.

Everything comes from ``request.app.state``, which the app's lifespan fills; nothing here is a
module-level singleton, and tests can swap any of it with ``app.dependency_overrides``.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Header, Query, Request

from parley.api.errors import ApiError
from parley.api.security import bearer_token, token_matches
from parley.config import Settings

if TYPE_CHECKING:
    from parley.store import Store
    from parley.types import ArticleResult


class FifoLock:
    """A lock granted in arrival order (``threading.Lock`` makes no such promise), so a client
    whose request was admitted waits only behind the requests that came before it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next = 0  # next ticket to hand out
        self._serving = 0  # ticket allowed to run

    def __enter__(self) -> None:
        with self._cond:
            ticket = self._next
            self._next += 1
            while ticket != self._serving:
                self._cond.wait()

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._serving += 1
            self._cond.notify_all()


class Analyzer:
    """Runs :func:`parley.service.analyze` with the app's settings; the model loads on first use.

    Analyses are serialised with a first-come first-served lock: the pipeline is CPU-bound under
    the GIL, so running two at once would only make both slower, and spaCy does not promise
    thread safety. How many may wait, and how many per client, is bounded by
    :class:`parley.api.security.AnalysisQueue`.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = FifoLock()
        self.loaded = False

    def analyze(self, text: str, **meta: Any) -> ArticleResult:
        from parley.service import analyze

        with self._lock:
            result = analyze(text, settings=self.settings, **meta)
            self.loaded = True
            return result

    def analyze_many(self, records: list[dict[str, Any]]) -> list[Any]:
        """Results (or the error of each failed record, in place) for ``records``."""
        from parley.service import analyze_records

        with self._lock:
            out = list(analyze_records(records, settings=self.settings))
            self.loaded = True
            return out


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_store(request: Request) -> Store:
    store = getattr(request.app.state, "store", None)
    if store is None:
        error = getattr(request.app.state, "store_error", None) or "the store is not open"
        raise ApiError("storage_unavailable", error)
    return store  # type: ignore[no-any-return]


def get_analyzer(request: Request) -> Analyzer:
    return request.app.state.analyzer  # type: ignore[no-any-return]


def require_token(
    request: Request,
    authorization: Annotated[str | None, Header(description="`Bearer <PARLEY_API_TOKEN>`")] = None,
) -> None:
    """Write endpoints: the bearer token must match the configured one (constant-time)."""
    expected = request.app.state.settings.api_token
    if not expected:
        raise ApiError(
            "writes_disabled",
            "write endpoints are disabled because no token is configured; set PARLEY_API_TOKEN "
            "and restart `parley serve`",
        )
    if not token_matches(bearer_token(authorization), expected):
        raise ApiError(
            "unauthorized",
            "missing or wrong bearer token; send `Authorization: Bearer <PARLEY_API_TOKEN>`",
            headers={"WWW-Authenticate": "Bearer"},
        )


class Paging:
    """``limit`` and ``offset`` query parameters, validated."""

    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=200, description="Items per page (1-200).")] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset


def check_range(since: date | None, until: date | None) -> None:
    """Refuse a date range that ends before it starts."""
    if since and until and since > until:
        raise ApiError("invalid_request", f"since ({since}) is after until ({until}); swap them")


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[Any, Depends(get_store)]  # a parley.store.Store
AnalyzerDep = Annotated[Analyzer, Depends(get_analyzer)]
PagingDep = Annotated[Paging, Depends()]
TokenDep = Annotated[None, Depends(require_token)]
