"""Articles from WARC web archives (warcio): the one WARC reader of ``ingest``, ``analyze`` and
``batch``.

A record is an article when it is a ``response`` with a 2xx HTTP status and an HTML content
type, or a ``resource`` with an HTML content type; requests, metadata, redirects and errors are
skipped. The body is decoded with the charset the HTTP header declares (UTF-8 when none; bytes
that do not decode become U+FFFD), and its text, title and date come from
:func:`parley.ingest.files.html_to_text`. The record's ``WARC-Target-URI`` is the article URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from parley.errors import IngestError
from parley.ingest.files import html_to_text
from parley.ingest.records import with_published
from parley.types import Article

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


def is_warc(path: str | Path) -> bool:
    """True when the file name says WARC (``.warc``, ``.warc.gz``)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def is_article_record(record: Any) -> bool:
    """True for an HTML ``response`` with a 2xx status, or an HTML ``resource`` record."""
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    return "html" in ctype.lower()


def record_article(record: Any, *, where: str, published: date | None = None) -> Article:
    """The Article of one article record (see :func:`is_article_record`), or IngestError."""
    data = record.content_stream().read()
    if b"\x00" in data[:8192]:
        raise IngestError(f"{where} is binary (it holds NUL bytes), not an HTML page")
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    ctype = (headers.get_header("Content-Type") if headers else None) or ""
    match = _CHARSET.search(ctype)
    try:
        html = data.decode(match.group(1) if match else "utf-8", errors="replace")
    except LookupError:
        html = data.decode("utf-8", errors="replace")
    body, title, page_url, page_date = html_to_text(html, what=where)
    url = record.rec_headers.get_header("WARC-Target-URI") or page_url
    article = Article(text=body, title=title, url=url, published=page_date)
    return with_published(article, published)


def read_warc(
    path: str | Path, *, published: date | None = None
) -> Iterator[Article | IngestError]:
    """Yield one Article (or the IngestError replacing it) per article record, in order.

    A file warcio cannot read raises IngestError; a record whose HTML holds no article text is
    yielded as an IngestError naming it, and the other records go on.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    p = Path(path)
    try:
        stream = p.open("rb")
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc
    n = 0
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if not is_article_record(record):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path} record {n} ({uri or 'no URI'})"
                try:
                    yield record_article(record, where=where, published=published)
                except IngestError as exc:
                    yield exc
                n += 1
        except ArchiveLoadFailed as exc:
            raise IngestError(f"{path}: not a readable WARC file ({exc})") from exc
