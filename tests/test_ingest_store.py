# ruff: noqa: F811  (pytest fixtures imported from parley.store.testing are redefined as arguments)
"""Ingest into the store: feeds, WARC, folders; idempotent, failures recorded, kill -9 resumes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from parley.errors import ExtractionError
from parley.ingest.feeds import read_feed
from parley.ingest.warc import read_warc
from parley.store import Store
from parley.store.ingest import ingest
from parley.store.testing import pg_server_url, store, store_url  # noqa: F401  (fixtures)
from parley.types import Article, ArticleResult

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example</link>
<item><title>Port talks resume</title><link>https://gazette.example/port-talks</link>
<pubDate>Tue, 15 Apr 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators for the two port authorities met again on Monday.
"We are close," said
the mediator, Lena Ortiz, after six hours of talks.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://gazette.example/empty</link>
<description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title><id>urn:valley</id>
<updated>2025-04-16T10:00:00Z</updated>
<entry><title>Dam agreement signed</title><id>urn:valley:1</id>
<link href="https://valley.example/dam"/><published>2025-04-16T08:00:00Z</published>
<updated>2025-04-16T08:00:00Z</updated>
<content type="text">Both provinces signed the water-sharing agreement on Wednesday, the governor
said.</content>
</entry></feed>
"""

PAGE = """<html><head><title>Ceasefire observers arrive</title></head><body><article>
<h1>Ceasefire observers arrive</h1>
<p>A team of forty observers reached the border town of Veldin on Thursday to monitor the truce
agreed last week between the two governments.</p>
<p>"Our job is to count, not to judge," the mission chief, Tomas Ek, told reporters at the
crossing. He said the first report would be published within ten days.</p>
<p>Local officials said shelling had stopped on both sides of the river since the weekend, and
that families were beginning to return to villages near the front line.</p>
</article></body></html>"""


def test_ingest_reads_rss_entries_and_reports_empty_ones(tmp_path: Path) -> None:
    feed = tmp_path / "gazette.rss"
    feed.write_text(RSS, encoding="utf-8")
    items = list(read_feed(feed))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if not isinstance(i, Article)]
    assert len(articles) == 1 and len(errors) == 1
    a = articles[0]
    assert a.title == "Port talks resume" and a.url == "https://gazette.example/port-talks"
    assert a.published is not None and a.published.isoformat() == "2025-04-15"
    assert a.source == "Harbour Gazette"
    assert "We are close" in a.text and "<p>" not in a.text
    assert "entry 2" in str(errors[0])


def test_ingest_reads_atom_entries(tmp_path: Path) -> None:
    feed = tmp_path / "valley.atom"
    feed.write_text(ATOM, encoding="utf-8")
    (a,) = list(read_feed(feed))
    assert isinstance(a, Article)
    assert a.published is not None and a.published.isoformat() == "2025-04-16"
    assert a.url == "https://valley.example/dam" and a.text.startswith("Both provinces signed")


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in (
            ("https://wire.example/observers", "text/html; charset=utf-8", PAGE.encode()),
            ("https://wire.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n0000"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_ingest_reads_html_responses_from_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    (a,) = list(read_warc(path))
    assert isinstance(a, Article)
    assert a.url == "https://wire.example/observers"
    assert "Our job is to count" in a.text


def _fake_analyzer(articles: list[Article]) -> Iterable[ArticleResult | ExtractionError]:
    for a in articles:
        if "BROKEN" in a.text:
            yield ExtractionError(f"analysis of article {a.id!r} failed: test rule error")
        else:
            yield ArticleResult(article=a)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(
        "The council voted to reopen the northern bridge.", encoding="utf-8"
    )
    (folder / "sub" / "two.html").write_text(PAGE, encoding="utf-8")
    lines = [
        json.dumps(
            {
                "id": "r1",
                "text": "Exporters welcomed the new tariff schedule.",
                "published": "2025-04-10",
            }
        ),
        "{not json",
        json.dumps({"id": "r2", "text": "BROKEN article that the analyzer cannot handle."}),
        json.dumps(
            {"id": "r3", "text": "The council voted to reopen the northern bridge."}
        ),  # same text as one.txt
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "gazette.rss").write_text(RSS, encoding="utf-8")
    (folder / "x.gold.json").write_text("{}", encoding="utf-8")  # not an article: skipped
    _write_warc(folder / "crawl.warc.gz")
    return folder


def test_ingest_folder_counts_new_existing_failed_and_is_idempotent(
    store: Store, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    first = ingest(store, [str(folder)], analyzer=_fake_analyzer)
    # new: one.txt, two.html, r1, r3 (its own id, though its text is one.txt's), RSS entry 1,
    # WARC page; failed: bad JSON line, empty RSS entry, BROKEN article.
    assert (first.new, first.existing, first.failed) == (6, 0, 3), first.errors
    failures = store.list_failures()
    assert sorted(f["stage"] for f in failures) == ["analyze", "read", "read"]
    assert len(failures) == first.failed  # one row per failed record
    assert any(f["article_id"].endswith("batch.jsonl:2") for f in failures)
    before = store.dump()
    second = ingest(store, [str(folder)], analyzer=_fake_analyzer)
    assert (second.new, second.existing, second.failed) == (0, 6, 3)
    assert store.dump() == before
    ids = {d.id for d in store.list_documents().items}
    # A record's own id is kept; anything else gets a content-hash id.
    assert {"r1", "r3"} <= ids
    assert all(i.startswith("doc-") for i in ids - {"r1", "r3"})
    origins = {d.origin for d in store.list_documents().items}
    assert any(o and o.endswith("batch.jsonl:1") for o in origins)


def _write_articles(path: Path, n: int) -> None:
    """n short, distinct articles that we write, with quotes and named speakers."""
    cities = ["Aldova", "Brenn", "Castel", "Dunmore", "Elsinor", "Farrow", "Galt", "Hollin"]
    people = ["Maria Lind", "Peter Kovac", "Sara Ndiaye", "Omar Haddad", "Julia Brandt", "Ken Aoki"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            city, who = cities[i % len(cities)], people[i % len(people)]
            text = (
                f"Officials in {city} said on Tuesday that talks over the water agreement would "
                f'continue next week. "We are not going to walk away from this table," {who} told '
                f"reporters after the {i + 1}th round. {who.split()[1]} said the two sides had "
                f"agreed to exchange data on river levels by May {i % 28 + 1}."
            )
            fh.write(
                json.dumps(
                    {
                        "id": f"w{i}",
                        "text": text,
                        "published": f"2025-04-{i % 28 + 1:02d}",
                        "url": f"https://wire.example/{i}",
                    }
                )
                + "\n"
            )


@pytest.mark.model
@pytest.mark.slow
def test_ingest_killed_halfway_resumes_to_the_same_store(store_url: str, tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    _write_articles(source, 60)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    parley = [sys.executable, "-c", "from parley.cli import main; main()"]
    proc = subprocess.Popen(
        [*parley, "ingest", str(source), "--db", store_url, "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    with Store.from_url(store_url) as st:
        deadline = time.monotonic() + 240
        while st.stats()["documents"] < 15:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        partial = st.stats()["documents"]
    assert 15 <= partial < 60, "the kill must land halfway"
    done = subprocess.run(
        [*parley, "ingest", str(source), "--db", store_url, "--json", "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    assert counts["new"] + counts["existing"] == 60 and counts["failed"] == 0
    assert counts["existing"] >= partial
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = subprocess.run(
        [*parley, "ingest", str(source), "--db", clean_url, "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert clean.returncode == 0, clean.stderr
    with Store.from_url(store_url) as resumed, Store.from_url(clean_url) as reference:
        assert resumed.stats()["quotes"] > 0
        assert resumed.dump() == reference.dump()


@pytest.mark.model
def test_ingest_real_analysis_links_a_quote_with_one_changed_word(
    store: Store, tmp_path: Path
) -> None:
    said = "We will not sign any agreement that leaves our farmers without water this summer"
    changed = said.replace("any agreement", "an agreement")
    lines = [
        {
            "id": "north",
            "source": "North Courier",
            "url": "https://north.example/a",
            "published": "2025-04-14",
            "text": "Agriculture minister Helena Varga rejected the draft on Monday. "
            f'"{said}," Varga told reporters in the capital. Talks resume next week.',
        },
        {
            "id": "south",
            "source": "South Ledger",
            "url": "https://south.example/b",
            "published": "2025-04-15",
            "text": "Helena Varga, the agriculture minister, was blunt. "
            f'"{changed}," Varga said on Monday after the meeting ended.',
        },
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    report = ingest(store, [str(path)])
    assert (report.new, report.failed) == (2, 0), report.errors
    page = store.search_quotes(text="farmers water")
    assert page.count == 1
    (q,) = page.items
    assert q.source_count == 2 and q.altered
    assert q.speaker_name == "Helena Varga"
    edits = [e for s in q.sources if s.changes for e in s.changes["edits"]]
    assert edits == [{"from": "any", "to": "an"}]
