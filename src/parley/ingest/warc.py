"""Articles from WARC web archives (warcio): every archived HTML response is one article."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from parley.errors import IngestError
from parley.ingest.files import decode, html_to_text
from parley.types import Article

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str | Path) -> bool:
    """True when the file name says WARC (``.warc``, ``.warc.gz``)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: str | Path, *, published: date | None = None
) -> Iterator[Article | IngestError]:
    """Yield one Article per HTML ``response`` record; other records are skipped.

    A record whose HTML holds no article text is yielded as an IngestError naming its URL.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    p = Path(path)
    try:
        stream = p.open("rb")
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                what = f"{path} ({uri or 'record'})"
                ctype = (
                    record.http_headers.get_header("Content-Type") if record.http_headers else ""
                ) or ""
                if "html" not in ctype.lower():
                    continue
                try:
                    html = decode(record.content_stream().read(), what=what)
                    text, title, url, page_date = html_to_text(html, what=what)
                except IngestError as exc:
                    yield exc
                    continue
                yield Article(
                    text=text,
                    title=title,
                    url=uri or url,
                    published=published or page_date,
                )
        except ArchiveLoadFailed as exc:
            raise IngestError(f"{path}: not a readable WARC file ({exc})") from exc
