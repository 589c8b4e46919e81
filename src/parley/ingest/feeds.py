"""Articles from RSS and Atom feed files (feedparser; nothing is fetched over the network)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from parley.errors import IngestError
from parley.ingest.files import html_to_text
from parley.types import Article

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_TAG = re.compile(r"<[^>]+>")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file look like an RSS or Atom document."""
    sample = head[:2048].lstrip().lower()
    return b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def _entry_text(entry: Any, *, what: str) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get(
        "summary", ""
    )
    if not html or not html.strip():
        raise IngestError(f"{what}: the feed entry has no content or summary text")
    if "<" not in html:
        return html.strip()
    try:
        text, _title, _url, _date = html_to_text(f"<html><body>{html}</body></html>", what=what)
        return text
    except IngestError:
        # Short summaries defeat trafilatura's boilerplate detection; keep their plain text.
        plain = re.sub(r"\s+", " ", _TAG.sub(" ", html)).strip()
        if not plain:
            raise
        import html as html_lib

        return html_lib.unescape(plain)


def read_feed(
    path: str | Path, *, published: date | None = None
) -> Iterator[Article | IngestError]:
    """Yield one Article per feed entry (text from its content, else its summary).

    A file feedparser cannot read at all raises IngestError; a bad entry is yielded as an
    IngestError naming it, and the other entries go on.
    """
    import feedparser

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc
    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception")
        raise IngestError(f"{path}: not a readable RSS/Atom feed ({reason})")
    outlet = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(parsed.get("entries") or [], start=1):
        what = f"{path} entry {n}"
        try:
            text = _entry_text(entry, what=what)
        except IngestError as exc:
            yield exc
            continue
        yield Article(
            text=text,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            published=_entry_date(entry) or published,
            source=outlet,
        )
