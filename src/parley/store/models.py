"""What the store's queries return: frozen dataclasses, each with ``to_dict()`` for JSON/CSV.

These are the types the CLI, the HTTP API and the dashboard render. Dates are ``datetime.date``
in Python and ISO strings in ``to_dict()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Generic, TypeVar


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


class _Row:
    """``to_dict()`` for the dataclasses below: dates as ISO strings, nested rows as dicts."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SaveReport(_Row):
    """Outcome of :meth:`Store.save`: articles newly stored, already present, failed."""

    new: int = 0
    existing: int = 0
    failed: int = 0
    errors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentRow(_Row):
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    origin: str | None
    quotes: int
    events: int


@dataclass(frozen=True, slots=True)
class DocumentDetail(_Row):
    """One stored article: its text, metadata and the full ``ArticleResult.to_dict()``."""

    id: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    origin: str | None
    text: str
    result: dict[str, Any]


@dataclass(frozen=True, slots=True)
class QuoteSource(_Row):
    """One document that carried a quote, with its own wording and what it changed."""

    doc_id: str
    local_id: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    text: str
    start: int
    end: int
    cue: str | None
    changes: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class QuoteRow(_Row):
    """A quote deduplicated across articles; ``altered`` flags differing wordings."""

    id: str
    text: str
    kind: str
    speaker_key: str | None
    speaker_name: str | None
    speaker_country: str | None
    first_published: date | None
    last_published: date | None
    source_count: int
    variant_count: int
    altered: bool
    sources: tuple[QuoteSource, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorRow(_Row):
    key: str
    name: str
    kind: str
    country: str | None
    title: str | None
    documents: int
    quotes: int


@dataclass(frozen=True, slots=True)
class EventRow(_Row):
    """An event deduplicated across articles, with GDELT-like mention and source counts."""

    id: str
    code: str
    root: str
    label: str | None
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    source_name: str | None
    source_country: str | None
    source_actor_key: str | None
    target_name: str | None
    target_country: str | None
    target_actor_key: str | None
    day: date | None
    place_name: str | None
    place_country: str | None
    latitude: float | None
    longitude: float | None
    negated: bool
    num_mentions: int
    num_sources: int
    num_articles: int
    source_url: str | None
    place_geonameid: int | None = None
    place_kind: str | None = None
    place_admin1: str | None = None


@dataclass(frozen=True, slots=True)
class DayCount(_Row):
    day: date
    count: int


@dataclass(frozen=True, slots=True)
class ActorDetail(_Row):
    """An actor across the corpus: names, titles, country, quotes over time, events."""

    key: str
    name: str
    kind: str
    country: str | None
    title: str | None
    names: tuple[str, ...]
    titles: tuple[str, ...]
    documents: int
    quote_count: int
    quotes_over_time: tuple[DayCount, ...]
    quotes: tuple[QuoteRow, ...]
    events_as_source: tuple[EventRow, ...]
    events_as_target: tuple[EventRow, ...]


@dataclass(frozen=True, slots=True)
class TimelineDay(_Row):
    """Events and quotes of one day; ``goldstein`` sums Goldstein scores per QuadClass (1-4)."""

    day: date
    events: int
    quotes: int
    goldstein: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AgreementRow(_Row):
    doc_id: str
    local_id: str
    kind: str
    text: str
    status: str
    due: str | None
    due_text: str | None
    overdue: bool
    parties: tuple[str, ...]
    said_by: str | None
    steps: tuple[str, ...]
    published: date | None
    title: str | None
    conditions: tuple[dict[str, Any], ...]
    #: the agreement's dated steps (``AgreementStep.to_dict`` each), in text order
    milestones: tuple[dict[str, Any], ...] = ()


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a query: ``items``, the total ``count`` and the ``next_offset`` (or ``None``)."""

    items: list[T]
    count: int
    next_offset: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": [_plain(i) for i in self.items],
            "count": self.count,
            "next_offset": self.next_offset,
        }
