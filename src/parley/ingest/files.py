"""Reading articles from paths: .txt, .html/.htm (trafilatura), .jsonl, or ``-`` for stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from parley.errors import IngestError
from parley.ingest.records import article_from_record
from parley.types import Article

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def decode(data: bytes, *, what: str) -> str:
    """UTF-8 text from bytes, or an IngestError saying what is wrong with them."""
    if b"\x00" in data[:8192]:
        raise IngestError(f"{what} is binary (it holds NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{what} is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            f"convert it first, e.g. `iconv -f latin1 -t utf-8`"
        ) from exc
    return text


def html_to_text(html: str, *, what: str) -> tuple[str, str | None, str | None, date | None]:
    """Main text, title, URL and date of an HTML page, through trafilatura."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError(f"{what}: the HTML could not be parsed ({exc})") from exc
    if extracted is None:
        raise IngestError(f"{what}: no article text found in the HTML")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise IngestError(f"{what}: no article text found in the HTML")
    published = None
    if data.get("date"):
        try:
            published = date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            published = None
    return text, data.get("title"), data.get("url"), published


def read_articles(path: str, *, published: date | None = None) -> Iterator[Article | IngestError]:
    """Yield the articles of ``path`` (a file or ``-``), or an IngestError in place of each bad one.

    A missing or unreadable file raises IngestError at once; a bad JSONL line is yielded as an
    error naming its line number, and the other lines go on.
    """
    if path == "-":
        data = sys.stdin.buffer.read()
        name, suffix = "standard input", ".txt"
    else:
        p = Path(path)
        if not p.exists():
            raise IngestError(f"{path}: no such file")
        if p.is_dir():
            raise IngestError(f"{path} is a folder; pass the files in it, e.g. {path}/*.txt")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc
        name, suffix = path, p.suffix.lower()

    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, name=name, published=published)
        return
    try:
        text = decode(data, what=name)
    except IngestError as exc:
        yield exc
        return
    stem = Path(path).stem if path != "-" else ""
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:1] == "<"):
        try:
            body, title, url, page_date = html_to_text(text, what=name)
        except IngestError as exc:
            yield exc
            return
        yield Article(text=body, id=stem, title=title, url=url, published=published or page_date)
        return
    yield Article(text=text, id=stem, published=published)


def _read_jsonl(
    data: bytes, *, name: str, published: date | None
) -> Iterator[Article | IngestError]:
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(decode(raw, what=where))
        except IngestError as exc:
            yield exc
            continue
        except json.JSONDecodeError as exc:
            yield IngestError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            article = article_from_record(record)
        except IngestError as exc:
            yield IngestError(f"{where}: {exc}")
            continue
        if article.published is None and published is not None:
            article = Article(
                text=article.text,
                id=article.id,
                published=published,
                title=article.title,
                url=article.url,
                source=article.source,
            )
        yield article
