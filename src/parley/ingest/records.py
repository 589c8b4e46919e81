"""Turning loose records (dicts, JSONL lines) into checked :class:`Article` objects."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from parley import lexicon
from parley.errors import IngestError
from parley.types import Article

# Control characters other than tab/newline/carriage return/form feed mark binary input when
# they are more than a stray few: text copied out of a terminal or a content system can carry
# one escape or backspace in a long article, and that article is still worth reading.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")
#: Control characters per character of the window above which the text is taken as binary.
BINARY_SHARE = 0.01
#: Characters no store can hold in any field: NUL (PostgreSQL refuses it) and lone surrogates
#: (not Unicode text: they cannot be encoded as UTF-8 for SQLite, PostgreSQL or JSON output).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
#: Only the start of a text is searched for other control characters (binary detection).
BINARY_WINDOW = 100_000
_ENGLISH_WORDS = lexicon.word_set("english_function_words")


def parse_published(value: Any, *, what: str = "published") -> date | None:
    """A publication date from ``date``, ``datetime`` or an ISO string (time part ignored)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise IngestError(f"{what} must be an ISO date like 2025-04-18, got {value!r}")


def article_from_record(record: Mapping[str, Any], *, published: date | None = None) -> Article:
    """An Article from a mapping with ``text`` and optional id, published, title, url, source.

    The id policy: the record's own ``id`` when it has one, else the content hash of URL and
    text (:func:`parley.types.content_id`). ``published`` fills in a record without its own date
    (the record's date wins). Fields holding characters no store can keep (NUL, lone surrogates)
    are refused here, so the record fails alone.
    """
    if not isinstance(record, Mapping):
        raise IngestError(f"an article record must be a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestError("an article record needs a 'text' field holding a string")
    rid = record.get("id")
    fields: dict[str, str | None] = {}
    for name in ("title", "url", "source"):
        value = record.get(name) or None
        if value is not None and not isinstance(value, str):
            value = str(value)
        fields[name] = value
    ident = str(rid) if rid not in (None, "") else ""
    check_fields(ident, *fields.values(), what=f"record {ident or '(no id)'!r}")
    own = parse_published(record.get("published"), what=f"'published' of {rid or 'record'!r}")
    return Article(
        text=text,
        id=ident,
        published=own or published,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
    )


def with_published(article: Article, published: date | None) -> Article:
    """The article with ``published`` filled in when it has no date of its own.

    This is the one ``published`` precedence of every reader (HTML, WARC, JSONL, feeds, text):
    an article's own date wins, and ``--published`` is the date of articles that carry none.
    """
    if article.published is not None or published is None:
        return article
    return replace(article, published=published)


def check_fields(*values: str | None, what: str) -> None:
    """Refuse id, title, URL or source strings holding NUL or lone surrogate characters."""
    for value in values:
        if value and (bad := _UNSTORABLE.search(value)):
            raise IngestError(
                f"{what}: a field holds {_describe(bad.group())}, which no store can keep"
            )


def _describe(char: str) -> str:
    if char == "\x00":
        return "a NUL character"
    return f"a lone surrogate code point (U+{ord(char):04X})"


def parse_jsonl_line(
    raw: bytes, *, where: str, published: date | None = None
) -> Article | IngestError:
    """An Article from one JSONL line, or the IngestError saying what is wrong with it.

    The one JSONL parser of every reader (``analyze``, ``ingest``, ``batch``).
    """
    from parley.ingest.files import decode

    try:
        record = json.loads(decode(raw, what=where))
    except IngestError as exc:
        return exc
    except json.JSONDecodeError as exc:
        return IngestError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return IngestError(f"{where}: the JSON is nested too deeply")
    try:
        return article_from_record(record, published=published)
    except IngestError as exc:
        return IngestError(f"{where}: {exc}")


def check_article(article: Article, *, max_chars: int) -> None:
    """Refuse an article no store can keep: :func:`check_text` plus its id, title, URL, source."""
    what = f"article {article.id!r}"
    check_text(article.text, max_chars=max_chars, what=what)
    check_fields(article.id, article.title, article.url, article.source, what=what)


def check_text(text: str, *, max_chars: int, what: str = "input") -> None:
    """Refuse text that is not an article: empty, binary or longer than ``max_chars``."""
    if not text or not text.strip():
        raise IngestError(f"{what} is empty: there is no text to analyse")
    if looks_binary(text):
        raise IngestError(f"{what} looks binary (it holds control characters), not article text")
    # NUL and lone surrogates anywhere: SQLite and PostgreSQL then refuse alike (PostgreSQL
    # cannot store NUL; no backend can encode a lone surrogate).
    if bad := _UNSTORABLE.search(text):
        raise IngestError(
            f"{what} holds {_describe(bad.group())} at character {bad.start():,}, which no "
            f"store can keep; remove it and analyse the article again"
        )
    if len(text) > max_chars:
        raise IngestError(
            f"{what} has {len(text):,} characters, more than the limit of {max_chars:,}; "
            f"split it or raise PARLEY_MAX_CHARS"
        )


def looks_binary(text: str) -> bool:
    """True when control characters are more than a stray few at the start of ``text``."""
    window = text[:BINARY_WINDOW]
    controls = len(_BINARY.findall(window))
    return controls > 0 and controls >= BINARY_SHARE * len(window)


def looks_english(text: str) -> bool:
    """True when common English function words make up a plausible share of the words."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 8:
        return True
    english = _ENGLISH_WORDS.get()
    hits = sum(1 for w in words if w in english)
    return hits / len(words) >= 0.08
