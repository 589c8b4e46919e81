"""The contract between Parley's stages: frozen dataclasses with character offsets.

Everything that leaves ``parley.nlp`` is one of these types. They hold no spaCy objects, so
they pickle (Dask), serialise (``to_dict``) and compare by value (tests, idempotent stores).
Offsets index ``Article.text`` in code points: ``text[start:end]`` is the span.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
ActorKind = Literal["person", "organization", "country", "group"]

SCHEMA_VERSION = "1"


def content_id(text: str, url: str | None = None) -> str:
    """A stable article id derived from its URL and text (re-analysis gives the same id)."""
    digest = hashlib.sha1(f"{url or ''}\n{text}".encode()).hexdigest()
    return f"doc-{digest[:12]}"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, as given. ``id`` defaults to a content hash."""

    text: str
    id: str = ""
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text, self.url))


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or country as one canonical entity of an article."""

    id: str
    name: str
    kind: ActorKind
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "title": self.title,
            "country": self.country,
            "sector": self.sector,
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """Who a quote is attributed to: an actor of the same article."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted (direct, partial) or reported (indirect) speech with its speaker."""

    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: SpeakerRef | None = None
    cue: str | None = None
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": (
                {"id": self.speaker.id, "name": self.speaker.name} if self.speaker else None
            ),
            "cue": self.cue,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar expression and the ISO date it denotes (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``).

    ``value`` is ``None`` when the expression is relative and no publication date was given.
    """

    text: str
    start: int
    end: int
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value}


@dataclass(frozen=True, slots=True)
class Provenance:
    """What produced a result, so stored results can be traced and re-run."""

    parley_version: str
    model: str
    model_version: str


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything Parley extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    provenance: Provenance | None = None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (``parley analyze --format json``)."""
        doc = self.article
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "document": {
                "id": doc.id,
                "title": doc.title,
                "published": doc.published.isoformat() if doc.published else None,
                "url": doc.url,
            },
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.provenance:
            out["provenance"] = {
                "parley_version": self.provenance.parley_version,
                "model": self.provenance.model,
                "model_version": self.provenance.model_version,
            }
        return out
