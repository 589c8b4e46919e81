"""One JSON error shape for the whole API: ``{"error": {"code": "...", "message": "..."}}``.

Codes are stable (clients branch on them); messages say what to change. HTML pages get the same
code and message rendered as a page. The table below is the documented list (docs/api.md).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.errors import (
    ConfigError,
    ExtractionError,
    IngestError,
    NotFound,
    ParleyError,
    StorageError,
)

log = logging.getLogger(__name__)

#: Every code the API can return, with its HTTP status. Tests and docs/api.md pin this table.
ERROR_CODES: dict[str, int] = {
    "invalid_request": 422,
    "invalid_article": 422,
    "unauthorized": 401,
    "writes_disabled": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "payload_too_large": 413,
    "unsupported_media_type": 415,
    "rate_limited": 429,
    "extraction_failed": 500,
    "internal_error": 500,
    "storage_unavailable": 503,
    "server_busy": 503,
    "model_unavailable": 503,
}

_HTTP_CODES = {
    400: "invalid_request",
    401: "unauthorized",
    403: "writes_disabled",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
}


class ApiError(Exception):
    """An error with a stable code; raised by routes and dependencies."""

    def __init__(self, code: str, message: str, *, headers: dict[str, str] | None = None) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown API error code {code!r}; add it to ERROR_CODES")
        super().__init__(message)
        self.code = code
        self.status = ERROR_CODES[code]
        self.message = message
        self.headers = headers


def error_body(code: str, message: str) -> dict[str, Any]:
    """The one error shape."""
    return {"error": {"code": code, "message": message}}


def error_response(
    request: Request | None, code: str, message: str, *, headers: dict[str, str] | None = None
) -> Response:
    """JSON for API paths, an HTML page for dashboard paths (same code and message)."""
    status = ERROR_CODES[code]
    if request is not None and _wants_html(request):
        render = getattr(request.app.state, "render_error", None)
        if render is not None:
            return render(request, status, code, message, headers)  # type: ignore[no-any-return]
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/api") and request.method in {
        "GET",
        "POST",
        "HEAD",
    }


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts) or "the request is not valid"


def parley_error_code(exc: ParleyError) -> str:
    """The API code of a library error."""
    if isinstance(exc, NotFound):
        return "not_found"
    if isinstance(exc, IngestError):
        return "invalid_article"
    if isinstance(exc, StorageError):
        return "storage_unavailable"
    if isinstance(exc, ExtractionError):
        return "extraction_failed"
    if isinstance(exc, ConfigError):
        return "model_unavailable"
    return "internal_error"


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.code, exc.message, headers=exc.headers)

    @app.exception_handler(ParleyError)
    async def _parley_error(request: Request, exc: ParleyError) -> Response:
        code = parley_error_code(exc)
        if ERROR_CODES[code] >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(
            exc.status_code, "internal_error" if exc.status_code >= 500 else "invalid_request"
        )
        message = str(exc.detail) if exc.detail else code.replace("_", " ")
        if code == "not_found" and exc.detail == "Not Found":
            message = f"no page or endpoint at {request.url.path}; see /docs for the API"
        if code == "method_not_allowed":
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(ValueError)
    async def _value_error(request: Request, exc: ValueError) -> Response:
        # The store and the library signal bad input (a limit, a dyad, a body) with ValueError.
        return error_response(request, "invalid_request", str(exc).splitlines()[0][:500])

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(
            request, "internal_error", "an unexpected error occurred; see the server log"
        )
