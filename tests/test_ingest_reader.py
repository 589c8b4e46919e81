# ruff: noqa: F811  (pytest fixtures imported from parley.store.testing are redefined as arguments)
"""One way in: the reader and the analyse-and-save path every command shares.

Ids, dates, WARC records and failures are the same whichever command reads an article; bad
input (lone surrogates, NUL bytes, empty files) fails one record, never the run.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

import parley
from parley.batch.readers import plan_input, read_partition
from parley.errors import IngestError
from parley.ingest.files import html_to_text
from parley.ingest.pipeline import analyze_each, process
from parley.ingest.reader import Read, read_paths
from parley.ingest.records import check_text, parse_jsonl_line
from parley.store import Store
from parley.store.ingest import ingest
from parley.store.testing import pg_server_url, store, store_url  # noqa: F401  (fixtures)
from parley.types import Article, ArticleResult, content_id

TEXT = "The council voted on Monday to reopen the northern bridge, the mayor said."


def _ok(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    for article in articles:
        yield ArticleResult(article=article)


def _jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- ids and dates --------------------------------------------------------------------------


def test_same_record_same_id_from_every_reader(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "wire.jsonl",
        {"id": "w1", "text": TEXT},
        {"text": TEXT + " More.", "url": "https://wire.example/2"},
    )
    from_reader = [r.item.id for r in read_paths([str(path)])]  # analyze and ingest
    (part,) = plan_input(str(path.resolve()), 10)
    from_batch = [a.id for _, a in read_partition(part) if isinstance(a, Article)]
    assert (
        from_reader == from_batch == ["w1", content_id(TEXT + " More.", "https://wire.example/2")]
    )


def test_text_file_id_is_its_content_hash(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(TEXT, encoding="utf-8")
    (read,) = read_paths([str(tmp_path)])
    assert read.item.id == content_id(TEXT) and read.name == "note"


PAGE_WITH_DATE = """<html><head><title>Bridge to reopen</title>
<meta property="article:published_time" content="2025-03-02T08:00:00Z"></head><body><article>
<h1>Bridge to reopen</h1><p>"We will reopen it," the mayor said on Monday after a long meeting
with engineers and the regional council, who had studied the damage for months.</p>
<p>The bridge closed last year after floods damaged two of its piers, officials said.</p>
</article></body></html>"""


def test_published_precedence_is_the_same_for_every_kind(tmp_path: Path) -> None:
    flag = date(2024, 1, 9)
    (tmp_path / "page.html").write_text(PAGE_WITH_DATE, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(TEXT, encoding="utf-8")
    _jsonl(
        tmp_path / "wire.jsonl",
        {"id": "own", "text": TEXT, "published": "2025-02-01"},
        {"id": "none", "text": TEXT},
    )
    got = {r.name: r.item.published for r in read_paths([str(tmp_path)], published=flag)}
    # The article's own date wins; --published fills in those without one.
    assert got == {
        "page": date(2025, 3, 2),
        "plain": flag,
        "own": date(2025, 2, 1),
        "none": flag,
    }


# --- HTML ------------------------------------------------------------------------------------

FOOTER_PAGE = """<html><head><title>Talks resume in Geneva</title></head><body><article>
<h1>Talks resume in Geneva</h1>
<p>"We are ready to sign," the minister said on Wednesday, according to officials in the city.</p>
<p>Delegations will meet again next week to settle the remaining questions, officials said.</p>
</article><footer><p>(c) 2025 Example News. All rights reserved.</p></footer></body></html>"""


def test_html_copyright_year_is_not_a_publication_date() -> None:
    _text, _title, _url, published = html_to_text(FOOTER_PAGE, what="page")
    assert published is None


def test_html_headline_is_kept_out_of_the_body() -> None:
    text, title, _url, _date = html_to_text(FOOTER_PAGE, what="page")
    assert title == "Talks resume in Geneva"
    assert text.startswith('"We are ready to sign,"')


# --- WARC ------------------------------------------------------------------------------------


def _warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = PAGE_WITH_DATE.replace("mayor", "maire Zoë")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, status, ctype, body in (
            ("https://a.example/ok", "200 OK", "text/html; charset=iso-8859-1", page),
            ("https://a.example/gone", "404 Not Found", "text/html", page),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            payload = io.BytesIO(body.encode("latin-1"))
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=payload, http_headers=headers)
            )
    return path


def test_one_warc_reader_skips_errors_and_honours_the_charset(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc.gz")
    (read,) = read_paths([str(path)])
    assert isinstance(read.item, Article)
    assert read.item.url == "https://a.example/ok" and "Zoë" in read.item.text
    assert read.origin == f"{path}#0"
    (part,) = plan_input(str(path.resolve()), 10)
    ((_, batch_article),) = list(read_partition(part))
    assert isinstance(batch_article, Article)
    assert batch_article.id == read.item.id and batch_article.text == read.item.text


# --- text no store can keep -----------------------------------------------------------------


def test_content_id_takes_lone_surrogates() -> None:
    assert content_id("\udda0").startswith("doc-")
    assert content_id("plain") == content_id("plain")  # valid text hashes as before


@pytest.mark.parametrize("field", ["text", "title"])
def test_jsonl_lone_surrogate_fails_only_its_record(field: str) -> None:
    raw = json.dumps({"id": "x", "text": TEXT, field: "bad \ud800 value"}).encode()
    if field == "text":  # the title check is at parse time; the text check before analysis
        article = parse_jsonl_line(raw, where="f:1")
        assert isinstance(article, Article)
        with pytest.raises(IngestError, match="U\\+D800"):
            check_text(article.text, max_chars=10_000)
    else:
        error = parse_jsonl_line(raw, where="f:1")
        assert isinstance(error, IngestError) and "U+D800" in str(error)


def test_nul_after_the_binary_window_is_refused() -> None:
    text = "a" * 100_500 + "\x00" + " end"
    with pytest.raises(IngestError, match="NUL character at character 100,500"):
        check_text(text, max_chars=2_000_000)


def test_a_stray_escape_in_a_long_article_is_read_but_control_soup_is_binary() -> None:
    # One escape pasted into a long article (a terminal colour code left behind) does not make
    # it binary; text where control characters are a real share of the characters does.
    article = "The envoy said talks would resume on Monday. " * 40 + "\x1b" + " He left."
    check_text(article, max_chars=2_000_000)
    result = parley.analyze(article, id="esc")
    assert result.article.text == article
    assert result.quotes, "the reported speech before and after the escape is still found"
    with pytest.raises(IngestError, match="binary"):
        check_text("word\x01\x02\x03 " * 50, max_chars=2_000_000)
    with pytest.raises(IngestError, match="binary"):
        check_text("ok\x07", max_chars=2_000_000)


def test_jsonl_record_with_a_stray_control_character_is_analysed(
    store: Store, tmp_path: Path
) -> None:
    text = "Minister Ana Ruiz said the border would stay open. " * 20 + "\x1b"
    path = _jsonl(tmp_path / "esc.jsonl", {"id": "esc", "text": text}, {"id": "good", "text": TEXT})
    report = ingest(store, [str(path)], analyzer=_ok)
    assert (report.new, report.failed) == (2, 0)


def test_both_backends_refuse_a_late_nul_alike(store: Store, tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "nul.jsonl",
        {"id": "late", "text": "word " * 21_000 + "\x00 end"},
        {"id": "good", "text": TEXT},
        {"id": "title", "text": TEXT, "title": "a\x00b"},
    )
    report = ingest(store, [str(path)], analyzer=_ok)
    assert (report.new, report.failed) == (1, 2)
    assert sorted(f["article_id"] for f in store.list_failures()) == sorted(["late", f"{path}:3"])


# --- failures: one row per record, counts that agree ----------------------------------------


def test_failures_one_row_per_bad_record_and_counts_agree(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        "{oops\n" + json.dumps({"id": "e", "text": "  "}) + "\n[1]\n"
        "\n" + json.dumps({"id": "g", "text": TEXT}) + '\n{"id": "n"}\n',
        encoding="utf-8",
    )
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    report = ingest(store, [str(tmp_path)], analyzer=_ok)
    assert (report.new, report.failed) == (1, 5)
    keys = sorted(f["article_id"] for f in store.list_failures())
    assert keys == sorted(
        [f"{path}:1", "e", f"{path}:3", f"{path}:6", str(tmp_path / "empty.jsonl")]
    )
    assert store.stats()["failures"] == report.failed
    again = ingest(store, [str(tmp_path)], analyzer=_ok)  # idempotent, and still one row each
    assert (again.new, again.existing, again.failed) == (0, 1, 5)
    assert store.stats()["failures"] == 5


# --- the analyse-and-save loop never dies on one article ------------------------------------


def _crashing(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    for article in articles:
        if "BOOM" in article.text:
            raise RuntimeError("component crashed")
        yield ArticleResult(article=article)


def test_a_crashing_analyzer_fails_only_the_culprit_while_streaming() -> None:
    articles = (Article(text=t, id=f"a{i}") for i, t in enumerate(["ok", "BOOM", "ok 2", "ok 3"]))
    out = list(analyze_each(articles, _crashing))
    assert [a.id for a, _ in out] == ["a0", "a1", "a2", "a3"]
    assert [type(o).__name__ for _, o in out] == [
        "ArticleResult",
        "RuntimeError",
        "ArticleResult",
        "ArticleResult",
    ]


def test_process_without_store_counts_and_reports_each_record() -> None:
    reads = [
        Read("f:1", Article(text=TEXT, id="a"), "a"),
        Read("f:2", IngestError("f:2: not valid JSON"), "f-2"),
        Read("f:3", Article(text="", id="b"), "b"),
        Read("f:4", Article(text="BOOM " + TEXT, id="c"), "c"),
    ]
    seen: list[str] = []
    report = process(reads, analyzer=_crashing, on_result=lambda r, _res: seen.append(r.origin))
    assert seen == ["f:1"]
    assert (report.new, report.failed) == (1, 3)
    assert [f.stage for f in report.failures] == ["read", "analyze", "analyze"]
    assert report.failures[1].message.startswith("f:3: ") and "empty" in report.failures[1].message


# --- the commands ----------------------------------------------------------------------------


@pytest.mark.model
def test_cli_ingest_summary_matches_stats_and_prints_one_line_when_piped(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from parley.cli import app

    path = tmp_path / "wire.jsonl"
    path.write_text(
        json.dumps({"id": "g", "text": TEXT})
        + "\n{broken\n{also broken\n"
        + json.dumps({"id": "s", "text": "Talks \ud800 went on."})
        + "\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'p.db'}"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", db])
    err = " ".join(result.stderr.split())
    assert result.exit_code == 1
    assert "1 new, 0 already present, 3 failed" in err and "articles/s" in err
    assert "Traceback" not in err
    with Store.from_url(db) as st:
        assert st.stats()["failures"] == 3
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(empty), "--db", db])
    assert result.exit_code == 1
    assert "empty.jsonl holds no articles" in " ".join(result.stderr.split())


@pytest.mark.model
def test_library_analyze_refuses_a_lone_surrogate_cleanly() -> None:
    import parley

    with pytest.raises(IngestError, match="U\\+DDA0"):
        parley.analyze("\udda0")


def test_a_fixed_line_clears_its_old_failure(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n{broken\n", encoding="utf-8")
    assert ingest(store, [str(path)], analyzer=_ok).failed == 1
    assert [f["article_id"] for f in store.list_failures()] == [f"{path}:2"]
    _jsonl(path, {"id": "a", "text": TEXT}, {"id": "b", "text": TEXT + " Again."})
    report = ingest(store, [str(path)], analyzer=_ok)
    assert (report.new, report.existing, report.failed) == (1, 1, 0)
    assert store.list_failures() == []


def test_a_lone_surrogate_in_the_id_is_refused_with_a_printable_message(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": "x\\udc80", "text": "Talks went on."}\n', encoding="utf-8")
    report = ingest(store, [str(path)], analyzer=_ok)
    assert report.failed == 1 and "U+DC80" in report.errors[0]
    report.errors[0].encode("utf-8")  # the message itself holds no lone surrogate
    assert [f["article_id"] for f in store.list_failures()] == [f"{path}:1"]
