"""Several processes opening a fresh PostgreSQL store at once (issue 15): schema creation and
migration run under an advisory lock, so none fails on a duplicate ``pg_type`` row.

Real PostgreSQL (``PARLEY_TEST_PG_URL``), real processes, real HTTP on loopback.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from parley.store.testing import pg_server_url, reset_pg  # noqa: F401  (fixture)

PARLEY = shutil.which("parley", path=str(Path(sys.executable).parent)) or "parley"


def _together(commands: list[list[str]], env: dict[str, str]) -> list[tuple[int, str, str]]:
    procs = [
        subprocess.Popen(
            [PARLEY, *c], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        for c in commands
    ]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        out.append((proc.returncode, stdout, stderr))
    return out


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PARLEY_DB", None)
    return env


def test_concurrent_stats_on_a_fresh_postgres_store_all_succeed(pg_server_url: str) -> None:  # noqa: F811
    for _ in range(2):  # twice: a race that loses only sometimes still shows
        reset_pg(pg_server_url)
        runs = _together(
            [["stats", "--db", pg_server_url, "--format", "json"] for _ in range(4)], _env()
        )
        for code, stdout, stderr in runs:
            assert code == 0, stderr
            assert json.loads(stdout)["documents"] == 0


def test_concurrent_ingests_on_a_fresh_postgres_store_store_every_article(
    pg_server_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    reset_pg(pg_server_url)
    files = []
    for i in range(3):
        path = tmp_path / f"part{i}.jsonl"
        path.write_text(
            json.dumps(
                {
                    "id": f"conc-{i}",
                    "title": f"Talks resume {i}",
                    "published": "2025-05-02",
                    "text": f'"We will keep talking," minister Ana Lind said on day {i}.',
                }
            )
            + "\n",
            encoding="utf-8",
        )
        files.append(path)
    runs = _together([["ingest", str(p), "--db", pg_server_url, "--quiet"] for p in files], _env())
    for code, _, stderr in runs:
        assert code == 0, stderr
    from parley.store import Store

    with Store.from_url(pg_server_url) as store:
        assert store.stats()["documents"] == 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_two_workers_on_a_fresh_postgres_store(pg_server_url: str) -> None:  # noqa: F811
    reset_pg(pg_server_url)
    port = _free_port()
    env = _env()
    env["PARLEY_API_TOKEN"] = ""
    proc = subprocess.Popen(
        [PARLEY, "serve", "--db", pg_server_url, "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        answers: list[int] = []
        with httpx.Client(base_url=base, timeout=10) as client:
            while time.monotonic() < deadline:
                try:
                    if client.get("/api/v1/stats").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert proc.poll() is None, proc.communicate()[1]
                time.sleep(0.5)
            # New connections each time, so both workers get some of them.
            for _ in range(30):
                with httpx.Client(base_url=base, timeout=10) as fresh:
                    answers.append(fresh.get("/api/v1/stats").status_code)
        assert answers and set(answers) == {200}, answers
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
