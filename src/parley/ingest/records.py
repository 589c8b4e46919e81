"""Turning loose records (dicts, JSONL lines) into checked :class:`Article` objects."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from parley.errors import IngestError
from parley.types import Article

# Control characters other than tab/newline/carriage return/form feed mark binary input.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for on was with he she it as at by said from his her has have "
    "be are were not this they will would an or which but its their who been had".split()
)


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


def article_from_record(record: Mapping[str, Any]) -> Article:
    """An Article from a mapping with ``text`` and optional id, published, title, url, source."""
    if not isinstance(record, Mapping):
        raise IngestError(f"an article record must be a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestError("an article record needs a 'text' field holding a string")
    rid = record.get("id")
    return Article(
        text=text,
        id=str(rid) if rid not in (None, "") else "",
        published=parse_published(
            record.get("published"), what=f"'published' of {rid or 'record'}"
        ),
        title=record.get("title") or None,
        url=record.get("url") or None,
        source=record.get("source") or None,
    )


def check_text(text: str, *, max_chars: int, what: str = "input") -> None:
    """Refuse text that is not an article: empty, binary or longer than ``max_chars``."""
    if not text or not text.strip():
        raise IngestError(f"{what} is empty: there is no text to analyse")
    if _BINARY.search(text[:100_000]):
        raise IngestError(f"{what} looks binary (it holds control characters), not article text")
    if len(text) > max_chars:
        raise IngestError(
            f"{what} has {len(text):,} characters, more than the limit of {max_chars:,}; "
            f"split it or raise PARLEY_MAX_CHARS"
        )


def looks_english(text: str) -> bool:
    """True when common English function words make up a plausible share of the words."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 8:
        return True
    hits = sum(1 for w in words if w in _ENGLISH_WORDS)
    return hits / len(words) >= 0.08
