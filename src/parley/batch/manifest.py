"""The output folder of a batch: table files, per-partition commit markers and the manifest.

Layout of ``OUT``::

    OUT/manifest.json                     inputs, plan, totals, status
    OUT/<table>/part-<key>.parquet        one file per table and partition (deterministic name)
    OUT/_parts/<key>.json                 commit marker of a finished partition (its counts)
    OUT/_tmp/                             files being written (removed at the end)

A partition writes its table files first (each atomically: a temporary file renamed into place)
and its marker last; the marker is the commit. A retried partition (its worker died) rewrites
the same names, so there are no duplicates, and a partition without a marker is run again by
the next ``parley batch``, so there are no gaps. ``OUT`` may be a local folder or an fsspec URL;
object stores write each file in one PUT, which is atomic too.
"""

from __future__ import annotations

import json
import os
import uuid
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from parley.batch.tables import TABLES

MANIFEST = "manifest.json"
PARTS = "_parts"
TMP = "_tmp"
MANIFEST_VERSION = 1


class Output:
    """An output folder (local path or fsspec URL) with atomic writes."""

    def __init__(self, url: str) -> None:
        from fsspec.core import url_to_fs
        from fsspec.implementations.local import LocalFileSystem

        self.url = url
        self.fs, self.root = url_to_fs(url)
        self.local = isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def table_file(self, table: str, key: str) -> str:
        return self.path(table, f"part-{key}.parquet")

    def _write(self, target: str, write: Any) -> None:
        """Write ``target`` through ``write(file)``; readers see the old file or the new one."""
        if not self.local:
            with self.fs.open(target, "wb") as f:
                write(f)
            return
        tmp_dir = self.path(TMP)
        os.makedirs(tmp_dir, exist_ok=True)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        tmp = os.path.join(tmp_dir, f"{uuid.uuid4().hex}-{os.path.basename(target)}")
        try:
            with open(tmp, "wb") as f:
                write(f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)

    def write_table(self, table: str, key: str, data: pa.Table) -> None:
        self._write(self.table_file(table, key), lambda f: pq.write_table(data, f))

    def write_json(self, target: str, data: Any) -> None:
        payload = json.dumps(data, indent=1, sort_keys=True).encode()
        self._write(target, lambda f: f.write(payload))

    def read_json(self, target: str) -> Any:
        with self.fs.open(target, "rb") as f:
            return json.loads(f.read())

    def exists(self, target: str) -> bool:
        return bool(self.fs.exists(target))

    # --- markers and manifest ----------------------------------------------------------------

    def marker(self, key: str) -> str:
        return self.path(PARTS, f"{key}.json")

    def commit(self, report: dict[str, Any]) -> None:
        """Record a finished partition (its files are already in place)."""
        self.write_json(self.marker(report["key"]), report)

    def committed(self) -> dict[str, dict[str, Any]]:
        """Reports of the committed partitions, by key."""
        folder = self.path(PARTS)
        if not self.fs.exists(folder):
            return {}
        out: dict[str, dict[str, Any]] = {}
        for name in self.fs.ls(folder, detail=False):
            if str(name).endswith(".json"):
                report = self.read_json(str(name))
                out[report["key"]] = report
        return out

    def load_manifest(self) -> dict[str, Any] | None:
        target = self.path(MANIFEST)
        return self.read_json(target) if self.fs.exists(target) else None

    def save_manifest(self, manifest: dict[str, Any]) -> None:
        self.fs.makedirs(self.root, exist_ok=True)
        self.write_json(self.path(MANIFEST), manifest)

    def clean_tmp(self) -> None:
        if self.local and self.fs.exists(self.path(TMP)):
            self.fs.rm(self.path(TMP), recursive=True)


def read_output(url: str, table: str) -> pa.Table:
    """All rows of ``table`` from the committed partitions of a batch output, in plan order."""
    from parley.batch.tables import SCHEMAS

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; tables are {', '.join(TABLES)}")
    out = Output(url)
    manifest = out.load_manifest() or {}
    keys = [p["key"] for inp in manifest.get("inputs", {}).values() for p in inp["partitions"]]
    done = out.committed()
    parts = []
    for key in keys:
        if key in done:
            with out.fs.open(out.table_file(table, key), "rb") as f:
                parts.append(pq.read_table(f, schema=SCHEMAS[table]))
    return pa.concat_tables(parts) if parts else SCHEMAS[table].empty_table()
