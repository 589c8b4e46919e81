"""The one way articles come in: paths (files, folders, feeds, WARCs, stdin) to Articles.

``parley analyze``, ``parley ingest``, the store's :func:`parley.store.ingest.ingest`, the API,
the demo and (per record) ``parley batch`` all read through this module and
:mod:`parley.ingest.records`, so they share one policy:

* **Ids.** A record's own ``id`` (a JSONL or Parquet field, the API's, the demo's) is kept;
  anything else (a text or HTML file, a WARC record, a feed entry, a record without ``id``) is
  named by the content hash of its URL and text (:func:`parley.types.content_id`). The same
  record gets the same id from ``analyze``, ``ingest`` and ``batch --db``.
* **Publication date.** An article's own date (JSONL ``published``, the page's metadata, the
  feed entry's date) wins; ``--published`` is the date of articles that carry none.
* **Failures.** A bad record is an :class:`~parley.errors.IngestError` in its place, named by
  its origin (``FILE:LINE`` for JSONL, ``FILE#N`` for a WARC record or feed entry, ``FILE``
  for a one-article file); the other records go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from parley.errors import IngestError
from parley.ingest.files import html_to_text
from parley.ingest.records import article_from_record
from parley.types import Article, ArticleResult

#: File kinds a folder is searched for (gold annotations ``*.gold.json`` are never articles).
ARTICLE_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".html",
    ".htm",
    ".xhtml",
    ".jsonl",
    ".ndjson",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
    ".warc.gz",
)


@dataclass(frozen=True, slots=True)
class Read:
    """One record read from a path: the article, or the error that replaced it.

    ``origin`` says where it came from (``FILE:LINE``, ``FILE#N`` or ``FILE``); ``name`` is a
    short file-name-safe label for it (the record id, else the file stem, numbered in a
    multi-record file), used for output file names.
    """

    origin: str
    item: Article | IngestError
    name: str

    @property
    def article(self) -> Article | None:
        return self.item if isinstance(self.item, Article) else None

    @property
    def error(self) -> IngestError | None:
        return self.item if isinstance(self.item, IngestError) else None


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named, and the article files inside named folders (recursively, sorted)."""
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            for child in sorted(p.rglob("*")):
                name = child.name.lower()
                if child.is_file() and name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                    yield str(child)
        else:
            yield path


def read_path(path: str, *, published: date | None = None) -> Iterator[Read]:
    """The records of one file, whatever its kind (txt, html, jsonl, RSS/Atom, WARC, ``-``)."""
    from parley.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
    from parley.ingest.files import read_file
    from parley.ingest.warc import is_warc, read_warc

    stem = _stem(path)
    try:
        if path != "-":
            p = Path(path)
            if is_warc(p) and p.is_file():
                for n, item in enumerate(read_warc(p, published=published)):
                    yield Read(f"{path}#{n}", item, _name(item, f"{stem}-{n}"))
                return
            if p.suffix.lower() in FEED_SUFFIXES | {""} and p.is_file():
                try:
                    with p.open("rb") as fh:
                        head = fh.read(2048)
                except OSError as exc:
                    raise IngestError(f"{path}: cannot be read ({exc.strerror})") from exc
                if looks_like_feed(head):
                    for n, item in enumerate(read_feed(p, published=published), start=1):
                        yield Read(f"{path}#{n}", item, _name(item, f"{stem}-{n}"))
                    return
        multi = False
        for origin, item in read_file(path, published=published):
            multi = multi or origin != _display(path)
            label = f"{stem}-{origin.rsplit(':', 1)[-1]}" if multi else stem
            yield Read(origin, item, _name(item, label))
    except IngestError as exc:
        yield Read(_display(path), exc, stem)


def read_paths(paths: Iterable[str], *, published: date | None = None) -> Iterator[Read]:
    """Every record under ``paths`` (files, folders, ``-``), in order."""
    for path in expand_paths(paths):
        yield from read_path(path, published=published)


def _display(path: str) -> str:
    return "standard input" if path == "-" else path


def _stem(path: str) -> str:
    if path == "-":
        return "stdin"
    name = Path(path).name
    for suffix in (".warc.gz", ".arc.gz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or "article"


def _name(item: Article | IngestError, fallback: str) -> str:
    """A record's own id when it has one, else ``fallback``; safe as a file name."""
    label = fallback
    if isinstance(item, Article) and item.id and not item.id.startswith("doc-"):
        label = item.id
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in label).strip(".") or "article"


class InputLike(Protocol):
    """A posted article (the API's ``AnalyzeIn``): plain text or an HTML page, plus metadata."""

    text: str | None
    html: str | None
    title: str | None
    url: str | None
    published: date | None


class AnalyzerLike(Protocol):
    def analyze(self, text: str, **meta: Any) -> ArticleResult: ...


def article_from_input(item: InputLike, *, what: str = "the posted article") -> Article:
    """The Article of one posted input; HTML goes through the same extraction as files.

    Fields given with the input (title, url, published) win over what the page says. Raises
    IngestError for an input that is not an article (no text, no article text in the HTML,
    characters no store can keep).
    """
    title, url, published = item.title, item.url, item.published
    if item.html is not None:
        text, page_title, page_url, page_date = html_to_text(item.html, what=what)
        title, url, published = title or page_title, url or page_url, published or page_date
    else:
        text = item.text or ""
    if not text.strip():
        raise IngestError(f"{what} is empty: there is no text to analyse")
    return article_from_record({"text": text, "title": title, "url": url, "published": published})


def reads_from_inputs(items: Iterable[InputLike]) -> list[Read]:
    """One :class:`Read` per posted input, named ``articles[i]``; a bad one fails alone."""
    reads = []
    for i, item in enumerate(items):
        origin = f"articles[{i}]"
        try:
            reads.append(Read(origin, article_from_input(item, what=origin), origin))
        except IngestError as exc:
            reads.append(Read(origin, exc, origin))
    return reads


def analyze_input(analyzer: AnalyzerLike, item: InputLike) -> tuple[ArticleResult, dict[str, Any]]:
    """Analyse one posted input (API ``/analyze``, the web form); its result and JSON.

    The JSON is the contract plus the analysed ``text``, which every offset indexes.
    """
    article = article_from_input(item)
    result = analyzer.analyze(
        article.text, published=article.published, title=article.title, url=article.url
    )
    data = result.to_dict()
    data["text"] = result.article.text
    return result, data
