"""Batch inputs: planning partitions and reading JSONL, JSONL.gz, Parquet and WARC shards."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from parley.batch.readers import Partition, expand_inputs, input_format, plan_input, read_partition
from parley.errors import IngestError
from parley.types import Article

ARTICLES = [
    {
        "id": f"t-{i}",
        "text": f"The envoy said on Monday that talks in round {i} would resume.",
        "published": f"2024-03-0{1 + i % 9}",
        "title": f"Round {i}",
    }
    for i in range(7)
]


def _jsonl(records: list[dict], extra: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    lines = [json.dumps(r).encode() for r in records]
    return b"\n".join([*lines[:3], b"", *extra, *lines[3:]]) + b"\n"


def _read_all(url: str, size: int) -> list[tuple[int, Article | IngestError]]:
    out = []
    for part in plan_input(url, size):
        out.extend(read_partition(part))
    return out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl", ("jsonl", None)),
        ("a.ndjson.gz", ("jsonl", "gzip")),
        ("a.parquet", ("parquet", None)),
        ("CC-MAIN-1.warc.gz", ("warc", None)),
        ("s3://bucket/x/a.jsonl.bz2", ("jsonl", "bz2")),
    ],
)
def test_batch_input_format_by_name(name: str, expected: tuple[str, str | None]) -> None:
    assert input_format(name) == expected


def test_batch_input_format_refuses_unknown() -> None:
    with pytest.raises(IngestError, match="unknown input type"):
        input_format("notes.docx")


@pytest.mark.parametrize("size", [1, 2, 3, 50])
def test_batch_jsonl_partitions_cover_every_record_once(tmp_path: Path, size: int) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(_jsonl(ARTICLES))
    items = _read_all(str(path), size)
    assert [i for i, _ in items] == list(range(len(ARTICLES)))
    assert [a.id for _, a in items] == [r["id"] for r in ARTICLES]  # type: ignore[union-attr]
    parts = plan_input(str(path), size)
    assert len({p.key for p in parts}) == len(parts) == -(-len(ARTICLES) // size)


def test_batch_jsonl_gz_reads_like_plain(tmp_path: Path) -> None:
    plain, packed = tmp_path / "a.jsonl", tmp_path / "a.jsonl.gz"
    plain.write_bytes(_jsonl(ARTICLES))
    packed.write_bytes(gzip.compress(_jsonl(ARTICLES)))
    assert [a for _, a in _read_all(str(packed), 3)] == [a for _, a in _read_all(str(plain), 3)]


def test_batch_bad_lines_become_errors_in_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    bad = [
        b'{"id": "x", "text": ',
        b"\x00\x01\x02binary\xff",
        b'{"title": "no text"}',
        b"\xff\xfe{}",
    ]
    path.write_bytes(_jsonl(ARTICLES, bad))
    items = _read_all(str(path), 4)
    errors = [e for _, e in items if isinstance(e, IngestError)]
    articles = [a for _, a in items if isinstance(a, Article)]
    assert len(errors) == len(bad) and len(articles) == len(ARTICLES)
    messages = " | ".join(map(str, errors))
    for fragment in ("not valid JSON", "binary", "'text' field", "not valid UTF-8"):
        assert fragment in messages
    assert f"{path}:5:" in messages  # the line number of the first bad line (after a blank one)


def test_batch_truncated_gz_keeps_records_and_reports_the_break(tmp_path: Path) -> None:
    data = gzip.compress(_jsonl(ARTICLES * 30))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    parts = plan_input(str(path), 40)
    assert parts[-1].tail_error and "reading stopped" in parts[-1].tail_error
    items = [x for p in parts for x in read_partition(p)]
    assert 0 < len(items) < len(ARTICLES) * 30
    assert all(isinstance(a, Article) for _, a in items)


def test_batch_parquet_rows_by_partition(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    rows = [*ARTICLES, {"id": "no-text", "text": None, "published": None, "title": None}]
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=3)
    items = _read_all(str(path), 2)
    assert [i for i, _ in items] == list(range(len(rows)))
    assert [a.id for _, a in items[:-1]] == [r["id"] for r in ARTICLES]  # type: ignore[union-attr]
    assert isinstance(items[-1][1], IngestError) and "row 7" in str(items[-1][1])


def test_batch_warc_reads_html_responses_only(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = (
        "<html><head><title>Talks resume in Geneva</title></head><body><article>"
        "<h1>Talks resume in Geneva</h1>"
        "<p>Negotiators from both delegations returned to Geneva on Tuesday for a third round of "
        "talks on the disputed border, officials said.</p>"
        "<p>\u201cWe are ready to sign a ceasefire if the other side withdraws,\u201d the foreign "
        "minister told reporters outside the venue, adding that observers would monitor it.</p>"
        "<p>The mediators said a draft agreement could be ready by the end of the month.</p>"
        "</article></body></html>"
    ).encode()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (ctype, status) in enumerate(
            [
                ("text/html; charset=utf-8", "200 OK"),
                ("image/png", "200 OK"),
                ("text/html", "404 Not Found"),
                ("text/html", "200 OK"),
            ]
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/{i}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
            )
            writer.write_record(record)
    parts = plan_input(str(path), 1)
    assert [p.count for p in parts] == [1, 1]
    items = [x for p in parts for x in read_partition(p)]
    urls = [a.url for _, a in items]  # type: ignore[union-attr]
    assert urls == ["https://news.example/0", "https://news.example/3"]
    assert "ceasefire" in items[0][1].text  # type: ignore[union-attr]


def test_batch_expand_inputs_folder_and_missing(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_bytes(b"")
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(b""))
    (tmp_path / "readme.txt").write_text("not an input")
    assert [Path(u).name for u in expand_inputs([str(tmp_path)])] == ["a.jsonl.gz", "b.jsonl"]
    with pytest.raises(IngestError, match="no such file"):
        expand_inputs([str(tmp_path / "missing.jsonl")])


def test_batch_partition_round_trips_through_json() -> None:
    part = Partition(
        key="k", url="u", format="jsonl", compression=None, start=3, count=2, offset=9, line=4
    )
    assert Partition.from_dict(json.loads(json.dumps(part.to_dict()))) == part
