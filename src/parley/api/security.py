"""Request-size limit, in-process rate limit, security headers and the bearer token check.

The size limit and rate limit are plain ASGI middleware so they act before FastAPI reads or
validates anything: an oversized body is refused with 413 without being buffered, and a client
over its budget gets 429 with ``Retry-After``.
"""

from __future__ import annotations

import hmac
import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from parley.api.errors import ERROR_CODES, error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Content-Security-Policy of every response: no third-party origin, no inline script.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def token_matches(given: str | None, expected: str | None) -> bool:
    """Whether ``given`` equals the configured token, compared in constant time."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def _send_error(
    send: Send, code: str, message: str, headers: dict[str, str] | None = None
) -> None:
    body = json.dumps(error_body(code, message)).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": ERROR_CODES[code], "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """Refuse request bodies larger than ``max_bytes`` with a 413 in the API's error shape.

    A declared ``Content-Length`` over the limit is refused before reading; a chunked body is
    counted as it streams and refused as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _message(self) -> str:
        return (
            f"the request body is larger than the limit of {self.max_bytes:,} bytes; "
            "send a shorter "
            "article or raise the limit with `parley serve --max-body BYTES`"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_error(send, "invalid_request", "Content-Length is not a number")
                    return
                if declared > self.max_bytes:
                    await _send_error(send, "payload_too_large", self._message())
                    return
        seen = 0
        too_large = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.request", "body": b"", "more_body": False}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    # End the body here; whatever the app answers to the cut body is replaced
                    # by the 413 below (raising instead would surface as a parse error).
                    too_large = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if too_large and not started:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, guarded_send)
        if too_large and not started:
            await _send_error(send, "payload_too_large", self._message())


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """Token buckets per client address: ``rate`` requests per second, bursts up to ``burst``.

    In-process only (one server process); the table of clients is bounded so a flood of
    addresses cannot grow it without limit. ``cost`` lets expensive requests (analysis) spend
    more than one token.
    """

    def __init__(self, *, rate: float, burst: int, max_clients: int = 10_000) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = rate
        self.burst = burst
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def acquire(self, client: str, cost: float = 1.0, now: float | None = None) -> float:
        """Spend ``cost`` tokens; return 0.0 if allowed, else the seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                bucket = _Bucket(tokens=float(self.burst), stamp=now)
                self._buckets[client] = bucket
                if len(self._buckets) > self.max_clients:
                    self._buckets.popitem(last=False)
            else:
                self._buckets.move_to_end(client)
                bucket.tokens = min(
                    float(self.burst), bucket.tokens + (now - bucket.stamp) * self.rate
                )
                bucket.stamp = now
            if bucket.tokens >= cost:
                bucket.tokens -= cost
                return 0.0
            return (cost - bucket.tokens) / self.rate


#: Requests that run the model cost this many tokens of the client's bucket.
ANALYZE_COST = 5.0


class RateLimit:
    """ASGI middleware applying a :class:`RateLimiter` to every HTTP request except static files."""

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter  # per client address, see client_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith("/static/"):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = client[0] if client else "unknown"
        path = scope.get("path", "")
        cost = ANALYZE_COST if scope.get("method") == "POST" and path.endswith("analyze") else 1.0
        wait = self.limiter.acquire(key, cost)
        if wait > 0:
            retry = max(1, math.ceil(wait))
            await _send_error(
                send,
                "rate_limited",
                f"too many requests from {key}; retry in {retry} s (limit {self.limiter.rate:g}/s, "
                f"burst {self.limiter.burst})",
                {"Retry-After": str(retry)},
            )
            return
        await self.app(scope, receive, send)


def client_key(scope: Scope) -> str:
    """Who a request is from, for per-client limits: its address (a header or a token could be
    made up per request to claim a fresh share)."""
    client = scope.get("client")
    return client[0] if client else "unknown"


def is_analysis(scope: Scope) -> bool:
    """Requests that run the model: POST to an ``analyze`` or ``ingest`` path (API and page)."""
    path = scope.get("path", "").rstrip("/")
    return scope.get("method") == "POST" and path.rsplit("/", 1)[-1] in {"analyze", "ingest"}


class AnalysisQueue:
    """Bounded, per-client-fair admission to the analyser (one analysis runs at a time).

    At most ``max_queue`` analysis requests are admitted at once (running or waiting); beyond
    that a request gets 503 ``server_busy``. One client (token or address) may hold at most
    ``per_client`` of those places; beyond that it gets 429 ``rate_limited``. Both carry
    ``Retry-After``, estimated from the recent time per analysis. Admitted requests are served
    in arrival order (:class:`parley.api.deps.Analyzer`), so no client waits behind more than
    ``per_client`` requests of any other. Limits are per server process (``--workers``).
    """

    def __init__(self, app: ASGIApp, *, max_queue: int, per_client: int) -> None:
        if max_queue < 1 or per_client < 1:
            raise ValueError("max_queue and per_client must be at least 1")
        self.app = app
        self.max_queue = max_queue
        self.per_client = per_client
        self.total = 0
        self.by_client: dict[str, int] = {}
        self.seconds = 1.0  # moving average of the time per admitted request
        self._lock = threading.Lock()

    def _retry_after(self, ahead: int) -> str:
        return str(max(1, math.ceil(self.seconds * max(1, ahead))))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_analysis(scope):
            await self.app(scope, receive, send)
            return
        key = client_key(scope)
        with self._lock:
            mine = self.by_client.get(key, 0)
            refusal: tuple[str, str, str] | None = None
            if mine >= self.per_client:
                refusal = (
                    "rate_limited",
                    f"this client already has {mine} analyses running or queued (the limit per "
                    f"client is {self.per_client}); wait for them, then retry",
                    self._retry_after(mine),
                )
            elif self.total >= self.max_queue:
                refusal = (
                    "server_busy",
                    f"the server has {self.total} analyses running or queued (its limit); retry "
                    "later",
                    self._retry_after(self.total),
                )
            else:
                self.total += 1
                self.by_client[key] = mine + 1
        if refusal is not None:
            code, message, retry = refusal
            await _send_error(send, code, message, {"Retry-After": retry})
            return
        started = time.monotonic()
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                self.total -= 1
                left = self.by_client.get(key, 1) - 1
                if left > 0:
                    self.by_client[key] = left
                else:
                    self.by_client.pop(key, None)
                # Time per request, from how long this one took with the others ahead of it.
                per = (time.monotonic() - started) / max(1, self.total + 1)
                self.seconds = 0.8 * self.seconds + 0.2 * per


class SecurityHeaders:
    """Add CSP, nosniff, frame and referrer headers to every response."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)
