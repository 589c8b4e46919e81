"""Reading article shards for a batch: JSONL (plain or compressed), Parquet and WARC.

An input is split into partitions of at most ``partition_size`` records. Planning scans each
input once (on a worker) and notes where each partition starts: the byte offset for plain JSONL
and WARC, so a partition seeks straight to its first record; compressed JSONL is read from the
start and the records before the partition are skipped (decompressing is cheap next to NLP).

Inputs are local paths or any fsspec URL (``s3://``, ``gs://``, ``https://``) whose driver is
installed. A record that cannot be read becomes an :class:`IngestError` in its place; a shard
that breaks off (a truncated ``.gz``) keeps the records before the break and reports the break.

Records are parsed by the one reader of every command: JSONL lines by
:func:`parley.ingest.records.parse_jsonl_line`, Parquet rows by
:func:`parley.ingest.records.article_from_record`, WARC records by
:func:`parley.ingest.warc.record_article`; so ids (a record's own ``id``, else the content
hash) and dates match ``parley analyze`` and ``parley ingest``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from parley.errors import IngestError
from parley.ingest.records import article_from_record, parse_jsonl_line
from parley.ingest.warc import is_article_record, record_article
from parley.types import Article

COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd", ".lz4": "lz4"}
FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".warc": "warc",
    ".arc": "warc",
}
#: Columns read from Parquet inputs (those present); ``text`` is required.
PARQUET_COLUMNS = ("id", "text", "published", "title", "url", "source")


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: ``count`` records of ``url`` starting at record ``start``.

    ``offset`` is the byte offset where record ``start`` begins (None: read from the start and
    skip), ``line`` its line number in JSONL, and ``tail_error`` a read error met after the
    last record of the input, reported by that input's last partition.
    """

    key: str
    url: str
    format: str
    compression: str | None
    start: int
    count: int
    offset: int | None = None
    line: int | None = None
    tail_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partition:
        return cls(**{f: data.get(f) for f in cls.__slots__})  # type: ignore[arg-type]


def input_format(url: str) -> tuple[str, str | None]:
    """(format, compression) from the name: ``a.jsonl.gz`` -> ("jsonl", "gzip")."""
    name = url.rsplit("/", 1)[-1].lower().split("?", 1)[0]
    suffixes = [s for s in re.findall(r"\.[a-z0-9]+", name)]
    compression = None
    if suffixes and suffixes[-1] in COMPRESSIONS:
        compression = COMPRESSIONS[suffixes.pop()]
    fmt = FORMATS.get(suffixes[-1]) if suffixes else None
    if fmt is None:
        raise IngestError(
            f"{url}: unknown input type; batch inputs are .jsonl, .jsonl.gz, .parquet or "
            f".warc(.gz) files"
        )
    if fmt == "warc":
        compression = None  # warcio reads per-record gzip members itself
    if fmt == "parquet" and compression:
        raise IngestError(
            f"{url}: Parquet is compressed inside the file; do not wrap it in {compression}"
        )
    return fmt, compression


def _fs(url: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    return fs, str(path)


def expand_inputs(inputs: list[str]) -> list[str]:
    """Files named by ``inputs``: paths, URLs, glob patterns or folders (their known files).

    Raises IngestError when something names no file, so a typo fails before any work starts.
    """
    found: list[str] = []
    for item in inputs:
        fs, path = _fs(item)
        local = "://" not in item
        if any(c in item for c in "*?["):
            paths = sorted(fs.glob(path))
        elif fs.isdir(path):
            paths = sorted(
                p for p in fs.find(path) if _known(p) and not Path(p).name.startswith((".", "_"))
            )
        elif fs.exists(path):
            paths = [path]
        else:
            raise IngestError(f"{item}: no such file")
        if not paths:
            raise IngestError(f"{item}: no .jsonl, .jsonl.gz, .parquet or .warc files found there")
        for p in paths:
            url = str(Path(p).resolve()) if local else fs.unstrip_protocol(p)
            input_format(url)  # refuse unknown types now, not on a worker
            found.append(url)
    return list(dict.fromkeys(found))


def _known(path: str) -> bool:
    try:
        input_format(path)
    except IngestError:
        return False
    return True


def fingerprint(url: str) -> str:
    """Size and modification time (or ETag) of an input: a re-run compares these."""
    fs, path = _fs(url)
    info = fs.info(path)
    stamp = (
        info.get("mtime") or info.get("LastModified") or info.get("ETag") or info.get("etag") or ""
    )
    return f"{info.get('size')}:{stamp}"


def partition_key(url: str, index: int) -> str:
    """A deterministic, file-name-safe key for partition ``index`` of ``url``."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", url.rsplit("/", 1)[-1])[:40]
    digest = hashlib.sha1(url.encode()).hexdigest()[:8]
    return f"{stem}-{digest}-{index:05d}"


def _open(url: str, compression: str | None) -> IO[bytes]:
    import fsspec

    return fsspec.open(url, "rb", compression=compression).open()  # type: ignore[no-any-return]


# --- planning -------------------------------------------------------------------------------


def plan_input(url: str, partition_size: int) -> list[Partition]:
    """Scan ``url`` once and split it into partitions (runs on a worker)."""
    fmt, compression = input_format(url)
    starts: list[tuple[int, int | None, int | None]] = []  # (record, offset, line)
    total = 0
    error: str | None = None
    try:
        if fmt == "parquet":
            total = _parquet_rows(url)
            starts = [(i, None, None) for i in range(0, total, partition_size)]
        else:
            scan = _scan_jsonl(url, compression) if fmt == "jsonl" else _scan_warc(url)
            for offset, line in scan:
                if total % partition_size == 0:
                    starts.append((total, offset, line))
                total += 1
    except IngestError as exc:
        error = str(exc)
    except Exception as exc:  # a broken shard: keep what was read, report the rest
        error = f"{url}: reading stopped after {total} record(s): {type(exc).__name__}: {exc}"
    if not starts:
        starts = [(0, None, None)]
    parts = []
    for i, (start, offset, line) in enumerate(starts):
        count = min(partition_size, total - start) if total else 0
        seekable = fmt == "warc" or (fmt == "jsonl" and compression is None)
        parts.append(
            Partition(
                key=partition_key(url, i),
                url=url,
                format=fmt,
                compression=compression,
                start=start,
                count=max(count, 0),
                offset=offset if seekable else None,
                line=line,
                tail_error=error if i == len(starts) - 1 else None,
            )
        )
    return parts


def _scan_jsonl(url: str, compression: str | None) -> Iterator[tuple[int | None, int]]:
    """(byte offset, line number) of each non-blank line."""
    with _open(url, compression) as f:
        pos = 0
        for lineno, raw in enumerate(f, start=1):
            if raw.strip():
                yield pos, lineno
            pos += len(raw)


def _parquet_rows(url: str) -> int:
    import pyarrow.parquet as pq

    with _open(url, None) as f:
        try:
            return int(pq.ParquetFile(f).metadata.num_rows)
        except Exception as exc:
            raise IngestError(f"{url}: not a readable Parquet file ({exc})") from exc


def _scan_warc(url: str) -> Iterator[tuple[int | None, int | None]]:
    from warcio.archiveiterator import ArchiveIterator

    with _open(url, None) as f:
        it = ArchiveIterator(f)
        for record in it:
            if is_article_record(record):
                yield it.get_record_offset(), None


# --- reading a partition --------------------------------------------------------------------


def read_partition(part: Partition) -> Iterator[tuple[int, Article | IngestError]]:
    """(record index, Article or the error that replaced it) for each record of ``part``."""
    if part.count <= 0:
        return
    if part.format == "jsonl":
        yield from _read_jsonl(part)
    elif part.format == "parquet":
        yield from _read_parquet(part)
    else:
        yield from _read_warc(part)


def _read_jsonl(part: Partition) -> Iterator[tuple[int, Article | IngestError]]:
    with _open(part.url, part.compression) as f:
        lineno, record = 0, 0
        if part.offset is not None:
            f.seek(part.offset)
            lineno, record = (part.line or 1) - 1, part.start
        for raw in f:
            lineno += 1
            if not raw.strip():
                continue
            if record >= part.start:
                yield record, parse_jsonl_line(raw, where=f"{part.url}:{lineno}")
            record += 1
            if record >= part.start + part.count:
                return


def _read_parquet(part: Partition) -> Iterator[tuple[int, Article | IngestError]]:
    import pyarrow.parquet as pq

    with _open(part.url, None) as f:
        pf = pq.ParquetFile(f)
        names = set(pf.schema_arrow.names)
        if "text" not in names:
            raise IngestError(
                f"{part.url}: a Parquet input needs a 'text' column (it has {sorted(names)})"
            )
        columns = [c for c in PARQUET_COLUMNS if c in names]
        meta = pf.metadata
        row, stop = 0, part.start + part.count
        for rg in range(meta.num_row_groups):
            n = meta.row_group(rg).num_rows
            if row + n > part.start and row < stop:
                table = pf.read_row_group(rg, columns=columns)
                lo, hi = max(part.start - row, 0), min(stop - row, n)
                for i, record in enumerate(table.slice(lo, hi - lo).to_pylist()):
                    index = row + lo + i
                    try:
                        yield index, article_from_record(record)
                    except IngestError as exc:
                        yield index, IngestError(f"{part.url} row {index}: {exc}")
            row += n
            if row >= stop:
                return


def _read_warc(part: Partition) -> Iterator[tuple[int, Article | IngestError]]:
    from warcio.archiveiterator import ArchiveIterator

    with _open(part.url, None) as f:
        record_no = 0
        if part.offset is not None:
            f.seek(part.offset)
            record_no = part.start
        for record in ArchiveIterator(f):
            if not is_article_record(record):
                continue
            if record_no >= part.start:
                where = f"{part.url} record {record_no}"
                try:
                    yield record_no, record_article(record, where=where)
                except IngestError as exc:
                    yield record_no, exc
            record_no += 1
            if record_no >= part.start + part.count:
                return
