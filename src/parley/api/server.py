"""Run the app with uvicorn in a background thread on a free loopback port.

Used by the test suite (real HTTP, real browser) and ``benchmarks/bench_api.py``; ``parley
serve`` runs uvicorn in the foreground instead.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(
    app: Any, *, host: str = "127.0.0.1", port: int | None = None, startup_timeout: float = 30.0
) -> Iterator[str]:
    """Serve ``app`` on ``host`` (loopback only) and yield its base URL; stop it on exit."""
    import uvicorn

    if host not in {"127.0.0.1", "::1", "localhost"}:
        raise ValueError("running_server binds to loopback only")
    port = port or free_port(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"parley-uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the server on {host}:{port} did not start")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
