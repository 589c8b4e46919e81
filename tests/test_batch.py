"""``parley batch`` on a LocalCluster: same rows as ``parley analyze``, survives a killed worker.

The bulk articles are read from ../shared at test time: all of them for the equality test (about
a minute on 2 cores), which PARLEY_BATCH_TEST_ARTICLES=N narrows to the first N for quick local
runs.
Batch and analyze run in the same test, never against stored answers (the rules keep changing).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from parley.batch.manifest import Output, read_output
from parley.batch.tables import RESULT_TABLES, TABLES, rows_from_results, to_arrow

pytestmark = [pytest.mark.model, pytest.mark.slow]

PARLEY = str(Path(sys.executable).parent / "parley")


def _subset(shared_corpus: Path, target: Path, default: int | None = None) -> list[dict]:  # type: ignore[type-arg]
    limit = os.environ.get("PARLEY_BATCH_TEST_ARTICLES", str(default or "all"))
    lines = (
        (shared_corpus / "bulk" / "wikinews-2019-2020.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    lines = [line for line in lines if line.strip()]
    if limit != "all":
        lines = lines[: int(limit)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [json.loads(line) for line in lines]


def _sorted_rows(table) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    rows = table.to_pylist()
    return sorted(rows, key=lambda r: (r["doc_id"], r.get("idx", 0)))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PARLEY, *args], capture_output=True, text=True, timeout=600)


def _run_together(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen([PARLEY, *c], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    done = []
    for command, proc in zip(commands, procs, strict=True):
        out, err = proc.communicate(timeout=600)
        done.append(subprocess.CompletedProcess([PARLEY, *command], proc.returncode, out, err))
    return done


def test_batch_rows_equal_analyze_rows_and_rerun_is_noop(
    shared_corpus: Path, tmp_path: Path
) -> None:
    source = tmp_path / "bulk.jsonl"
    records = _subset(shared_corpus, source)
    d1, d2 = tmp_path / "analyze", tmp_path / "batch"

    # Both start together: on a shared working tree the rules may be edited between two runs.
    analyzed, batch = _run_together(
        ["analyze", str(source), "--format", "json", "--out", str(d1)],
        ["batch", str(source), "--out", str(d2), "--workers", "2", "--partition-size", "10"],
    )
    assert analyzed.returncode == 0, analyzed.stderr
    assert batch.returncode == 0, batch.stderr
    assert "articles/s" in batch.stderr and f"{len(records)} article(s) processed" in batch.stderr

    dicts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(d1.glob("*.json"))]
    assert len(dicts) == len(records)
    expected = to_arrow(rows_from_results(dicts))
    for name in RESULT_TABLES:
        got = read_output(str(d2), name)
        assert got.schema == expected[name].schema, name
        got_rows, want_rows = _sorted_rows(got), _sorted_rows(expected[name])
        differ = sorted(
            {r["doc_id"] for r in got_rows if r not in want_rows}
            | {r["doc_id"] for r in want_rows if r not in got_rows}
        )
        assert got_rows == want_rows, f"table {name} differs for {differ}"
    assert read_output(str(d2), "errors").num_rows == 0
    assert sorted(r["doc_id"] for r in read_output(str(d2), "documents").to_pylist()) == sorted(
        r["id"] for r in records
    )

    files = sorted(p for p in d2.rglob("*") if p.is_file())
    stamps = [p.stat().st_mtime_ns for p in files]
    again = _run("batch", str(source), "--out", str(d2), "--workers", "2", "--partition-size", "10")
    assert again.returncode == 0, again.stderr
    assert "Nothing to do" in again.stderr and "Running on" not in again.stderr
    assert sorted(p for p in d2.rglob("*") if p.is_file()) == files
    assert [p.stat().st_mtime_ns for p in files] == stamps


def test_batch_killed_worker_bad_lines_and_store_lose_nothing(
    shared_corpus: Path, tmp_path: Path
) -> None:
    from distributed import Client

    from parley.batch.dask import BatchListener, run_batch, start_local_cluster

    source = tmp_path / "mixed.jsonl"
    records = _subset(shared_corpus, source, default=40)
    bad = [
        b'{"id": "broken", "text": "unterminated',
        b"\x00\x01binary junk\xff\xfe",
        json.dumps({"id": "ctrl", "text": "Talks \x01\x02\x03 resumed."}).encode(),
    ]
    with source.open("ab") as f:
        f.write(b"\n".join(bad) + b"\n")
    out = tmp_path / "out"
    db = f"sqlite:///{tmp_path / 'store.db'}"

    cluster = start_local_cluster(2)  # the cluster `parley batch` starts
    client = Client(cluster)
    killed: list[int] = []
    lock = threading.Lock()

    def kill_one(done: int) -> None:
        # Once articles are flowing, kill a worker mid-partition (its task must be rerun).
        with lock:
            if killed or done < 3:
                return
            workers = client.scheduler_info()["workers"]
            busy = [a for a, w in workers.items() if w.get("metrics", {}).get("executing", 1)]
            pids = client.run(os.getpid, workers=busy[:1] or list(workers)[:1])
            pid = next(iter(pids.values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    try:
        summary = run_batch(
            [str(source)],
            str(out),
            scheduler=cluster.scheduler_address,
            partition_size=10,
            db=db,
            listener=BatchListener(progress=kill_one),
        )
        pids_after = set(client.run(os.getpid).values())
    finally:
        client.close()
        cluster.close()

    assert killed and killed[0] not in pids_after
    assert not summary.partitions_failed
    docs = [r["doc_id"] for r in read_output(str(out), "documents").to_pylist()]
    assert sorted(docs) == sorted(r["id"] for r in records)  # every article exactly once
    errors = read_output(str(out), "errors").to_pylist()
    assert sorted(e["stage"] for e in errors) == ["ingest", "read", "read"]
    assert {e["doc_id"] for e in errors if e["stage"] == "ingest"} == {"ctrl"}
    assert all(e["input"] == str(source) and e["record"] is not None for e in errors)
    assert summary.articles == len(records) and summary.failures == len(bad)
    manifest = Output(str(out)).load_manifest()
    assert manifest is not None and manifest["status"] == "complete"
    assert manifest["totals"]["records"] == len(records) + len(bad)
    for name in TABLES:  # exactly one file per table and partition, no leftovers
        assert len(list((out / name).glob("*.parquet"))) == manifest["totals"]["partitions"]
    assert not (out / "_tmp").exists()

    # --db: each worker saved its partitions; the retried one found its articles already there.
    from parley.store import Store

    store = Store.from_url(db)
    try:
        assert store.has_documents(docs) == set(docs)
        assert store.stats()["documents"] == len(records)
    finally:
        store.close()


def test_local_cluster_workers_keep_glibc_adaptive_malloc(monkeypatch: pytest.MonkeyPatch) -> None:
    # Dask's default MALLOC_TRIM_THRESHOLD_ costs the analysis 10-12% (docs/scale.md). A Dask
    # nanny also writes it into its own process's environment, which workers would inherit.
    from distributed import Client

    from parley.batch.dask import start_local_cluster

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)

    cluster = start_local_cluster(2)
    try:
        with Client(cluster) as client:
            seen = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
            threads = client.run(lambda: os.environ.get("OMP_NUM_THREADS"))
    finally:
        cluster.close()
    assert len(seen) == 2
    assert set(seen.values()) == {None}
    assert set(threads.values()) == {"1"}  # Dask's other worker defaults stay


def test_model_plugin_warns_about_a_worker_started_with_dask_malloc_trimming(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from types import SimpleNamespace

    from parley.batch.dask import LoadModelPlugin
    from parley.config import get_settings

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    plugin = LoadModelPlugin(get_settings().model)
    plugin.setup(SimpleNamespace(address="tcp://10.0.0.7:40000"))
    assert "MALLOC_TRIM_THRESHOLD_" not in caplog.text

    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    plugin.setup(SimpleNamespace(address="tcp://10.0.0.7:40000"))
    assert "tcp://10.0.0.7:40000 runs with MALLOC_TRIM_THRESHOLD_=65536" in caplog.text
    assert "docs/scale.md" in caplog.text
