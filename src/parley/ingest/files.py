"""Reading articles from paths: .txt, .html/.htm (trafilatura), .jsonl, or ``-`` for stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from parley.errors import IngestError
from parley.ingest.records import parse_jsonl_line, with_published
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
    """Main text, title, URL and date of an HTML page, through trafilatura.

    The date comes from the page's metadata (meta tags, JSON-LD, ``<time>``, the URL), never
    from a guess over the whole page: a "(c) 2025" footer is not a publication date. The
    headline is the title and is kept out of the text, so it never runs into the first
    sentence (or quote) of the body.
    """
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError(f"{what}: the HTML could not be parsed ({exc})") from exc
    if extracted is None:
        raise IngestError(f"{what}: no article text found in the HTML")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (data.get("text") or "").strip()
    title = data.get("title") or None
    text = _without_headline(text, title)
    if not text:
        raise IngestError(f"{what}: no article text found in the HTML")
    published = None
    if data.get("date"):
        try:
            published = date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            published = None
    return text, title, data.get("url"), published


def _without_headline(text: str, title: str | None) -> str:
    """``text`` without a first line repeating the headline (trafilatura keeps the ``<h1>``)."""
    if not title:
        return text
    first, sep, rest = text.partition("\n")
    if sep and " ".join(first.split()) == " ".join(title.split()):
        return rest.strip()
    return text


def read_file(
    path: str, *, published: date | None = None
) -> Iterator[tuple[str, Article | IngestError]]:
    """``(origin, Article or IngestError)`` for a .txt, .html or .jsonl file, or ``-`` (stdin).

    The origin names the record: ``FILE:LINE`` for a JSONL line, ``FILE`` for a one-article
    file. A missing or unreadable file is one IngestError; a bad JSONL line is an error naming
    its line, and the other lines go on. Ids follow the one policy (a record's own ``id``, else
    the content hash of URL and text); ``published`` fills in articles without their own date.
    """
    name = "standard input" if path == "-" else path
    try:
        data, suffix = _read_bytes(path)
    except IngestError as exc:
        yield name, exc
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, name=name, published=published)
        return
    try:
        text = decode(data, what=name)
    except IngestError as exc:
        yield name, exc
        return
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:1] == "<"):
        try:
            body, title, url, page_date = html_to_text(text, what=name)
        except IngestError as exc:
            yield name, exc
            return
        article = Article(text=body, title=title, url=url, published=page_date)
        yield name, with_published(article, published)
        return
    yield name, Article(text=text, published=published)


def _read_bytes(path: str) -> tuple[bytes, str]:
    if path == "-":
        return sys.stdin.buffer.read(), ".txt"
    p = Path(path)
    if not p.exists():
        raise IngestError(f"{path}: no such file")
    if p.is_dir():
        raise IngestError(f"{path} is a folder; pass the folder to read the files in it")
    try:
        return p.read_bytes(), p.suffix.lower()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc


def read_jsonl(
    data: bytes, *, name: str, published: date | None = None
) -> Iterator[tuple[str, Article | IngestError]]:
    """``(FILE:LINE, Article or IngestError)`` per non-blank line; an error if there is none."""
    found = False
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        found = True
        where = f"{name}:{lineno}"
        yield where, parse_jsonl_line(raw, where=where, published=published)
    if not found:
        yield (
            name,
            IngestError(
                f"{name} holds no articles (it is empty or only blank lines); a JSONL file needs "
                'one JSON object a line, e.g. {"id": "a1", "text": "..."}'
            ),
        )


def read_articles(path: str, *, published: date | None = None) -> Iterator[Article | IngestError]:
    """The articles of ``path`` (a file or ``-``), or an IngestError in place of each bad one."""
    for _origin, item in read_file(path, published=published):
        yield item
