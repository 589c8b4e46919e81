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
        self.limiter = limiter

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
