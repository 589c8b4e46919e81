"""Pydantic schemas of the HTTP API: one per direction (``*In`` requests, ``*Out`` responses).

The analysis schemas mirror the JSON contract of :meth:`parley.types.ArticleResult.to_dict`
(``tests/test_shape.py`` proves that every field of the contract types is here, with its type);
list endpoints answer with the envelope ``{"data": [...], "count": N, "next": offset | null}``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

T = TypeVar("T")

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: Any) -> Any:
    # Pydantic's lax mode would read "0" or "1700000000" as a Unix time; dates here are days.
    if isinstance(value, (int, float)) or (
        isinstance(value, str) and not _ISO_DAY.fullmatch(value)
    ):
        raise ValueError("use a date as YYYY-MM-DD")
    return value


#: A calendar day written YYYY-MM-DD (nothing else is read as a date).
IsoDate = Annotated[date, BeforeValidator(_iso_day)]

#: Longest id or key accepted in a path or filter (ids are short hashes; this is a sanity bound).
MAX_KEY = 200


class OutModel(BaseModel):
    """Base of response models: unknown fields from the store are dropped, never leaked."""

    model_config = ConfigDict(extra="ignore")


class Page(OutModel, Generic[T]):
    """A page of results: ``next`` is the offset of the following page, or null at the end."""

    data: list[T]
    count: int = Field(description="Total number of matching items (all pages).")
    next: int | None = Field(default=None, description="Offset of the next page; null on the last.")


# --- requests -----------------------------------------------------------------------------


def _one_body_schema(schema: dict[str, Any]) -> None:
    # Say in the schema what the validator enforces: exactly one of the two keys, a string.
    props = schema.get("properties", {})
    for key in ("text", "html"):
        if key in props:
            props[key] = {
                "type": "string",
                "minLength": 1,
                "title": props[key].get("title", key.title()),
                "description": props[key].get("description", ""),
            }
    schema["oneOf"] = [{"required": ["text"]}, {"required": ["html"]}]


class AnalyzeIn(BaseModel):
    """An article to analyse: plain ``text`` or an ``html`` page (exactly one of the two)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_one_body_schema)

    text: str | None = Field(default=None, min_length=1, description="Article body as plain text.")
    html: str | None = Field(default=None, min_length=1, description="A whole HTML page.")
    published: IsoDate | None = Field(default=None, description="Publication date (YYYY-MM-DD).")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _one_body(self) -> AnalyzeIn:
        given = {k for k in ("text", "html") if k in self.model_fields_set}
        if len(given) != 1 or getattr(self, given.pop()) is None:
            raise ValueError("give exactly one of `text` or `html`, as a non-empty string")
        return self


class IngestArticleIn(AnalyzeIn):
    """One article of an ingest batch: an empty text fails that article alone, not the batch."""

    text: str | None = Field(default=None, description="Article body as plain text.")


class IngestIn(BaseModel):
    """Articles to analyse and store (needs the bearer token)."""

    model_config = ConfigDict(extra="forbid")

    articles: list[IngestArticleIn] = Field(min_length=1, max_length=100)


# --- the analysis contract ------------------------------------------------------------------


class DocumentRefOut(OutModel):
    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


class ActorOut(OutModel):
    id: str
    name: str
    kind: str
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = []
    mentions: list[list[int]] = []


class SpeakerOut(OutModel):
    id: str
    name: str
    #: [start, end] of the words naming the speaker for this quote (nearest its cue).
    mention: tuple[int, int] | None = None


class QuoteOut(OutModel):
    id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: SpeakerOut | None = None
    cue: str | None = None
    confidence: float = 0.0
    #: [start, end] of the cue's words.
    cue_span: tuple[int, int] | None = None
    #: A reported stance (belief, intent, support) rather than reported words.
    stance: bool = False


class DateOut(OutModel):
    text: str
    start: int
    end: int
    value: str | None = None
    type: str = "DATE"
    timex: str | None = None
    mod: str | None = None
    deadline: str | None = None


class PlaceOut(OutModel):
    name: str
    start: int
    end: int
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    kind: str | None = None
    geonameid: int | None = None
    feature_class: str | None = None
    admin1: str | None = None
    population: int | None = None
    confidence: float | None = None
    literal: bool = True


class EventActorOut(OutModel):
    name: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None


class PloverOut(OutModel):
    type: str | None = None
    mode: str | None = None


class EventOut(OutModel):
    id: str
    code: str
    label: str
    root: str
    quad_class: int
    goldstein: float
    plover: PloverOut | None = None
    source: EventActorOut | None = None
    targets: list[EventActorOut] = []
    target: EventActorOut | None = None
    date: str | None = None
    date_source: str | None = None
    places: list[PlaceOut] = []
    casualties: dict[str, int | str] | None = None
    negated: bool = False
    modality: str = "asserted"
    quote_id: str | None = None
    sentence: list[int] = []
    trigger: list[int] = []


class AmountOut(OutModel):
    text: str
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    measures: str | None = None


class AgreementStepOut(OutModel):
    """One mention of an agreement and the step it reports (done, due, expected, planned)."""

    step: str
    status: str
    kind: str
    text: str
    start: int
    end: int
    date: str | None = None
    date_text: str | None = None
    said_by: str | None = None


class AgreementOut(OutModel):
    id: str
    kind: str
    text: str
    start: int
    end: int
    parties: list[str] = []
    status: str = "proposed"
    due: str | None = None
    due_text: str | None = None
    said_by: str | None = None
    steps: list[str] = []
    date: str | None = None
    milestones: list[AgreementStepOut] = []


class CasualtyOut(OutModel):
    """Casualty figures stated in one sentence (bounds: "at least two" gives min 2)."""

    text: str
    start: int
    end: int
    sentence: list[int] = []
    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    missing_min: int | None = None
    missing_max: int | None = None
    arrested_min: int | None = None
    arrested_max: int | None = None
    perpetrator: str | None = None
    locations: list[PlaceOut] = []
    date: str | None = None
    date_source: str | None = None


class ConditionOut(OutModel):
    party: str | None = None
    kind: str
    items: list[str] = []
    start: int
    end: int
    said_by: str | None = None
    deadline: str | None = None


class ProvenanceOut(OutModel):
    parley_version: str
    model: str
    model_version: str


class AnalysisOut(OutModel):
    """What Parley extracted from one article, plus the text the offsets index."""

    schema_version: str
    document: DocumentRefOut
    text: str = Field(description="The analysed text; every start/end offset indexes it.")
    actors: list[ActorOut] = []
    quotes: list[QuoteOut] = []
    dates: list[DateOut] = []
    events: list[EventOut] = []
    places: list[PlaceOut] = []
    amounts: list[AmountOut] = []
    agreements: list[AgreementOut] = []
    conditions: list[ConditionOut] = []
    casualties: list[CasualtyOut] = []
    provenance: ProvenanceOut | None = None
    warnings: list[str] = []


class SaveReportOut(OutModel):
    new: int
    existing: int
    failed: int
    errors: list[str] = []


class ErrorDetailOut(OutModel):
    code: str = Field(description="Stable machine-readable code, e.g. `not_found`.")
    message: str = Field(description="What went wrong and what to change.")


class ErrorOut(OutModel):
    """The one error shape of the API."""

    error: ErrorDetailOut


class HealthOut(OutModel):
    status: Literal["ok"]
    version: str
    model_loaded: bool
    store: str


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting the error shape for ``statuses``."""
    return {
        s: {"model": ErrorOut, "description": "Error in the API's one error shape."}
        for s in statuses
    }


# --- the store ------------------------------------------------------------------------------
# Stored rows come from ``parley.store`` query results (``to_dict()``); fields the store may not
# fill are optional so a sparse row never turns into a server error.

#: Query-string text without control characters (PostgreSQL refuses NUL in strings).
SAFE_TEXT = r"^[^\x00-\x1f\x7f]*$"
COUNTRY = r"^[A-Za-z]{3}$"
DYAD = r"^[A-Za-z]{3}-[A-Za-z]{3}$"
CAMEO = r"^[0-9]{2,4}$"


class DocumentOut(OutModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    origin: str | None = None
    quotes: int | None = None
    events: int | None = None


class DocumentDetailOut(OutModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    origin: str | None = None
    text: str = Field(
        description="The article text; every start/end offset in `result` indexes it."
    )
    result: dict[str, Any] = Field(description="The stored ArticleResult JSON contract.")


class QuoteSourceOut(OutModel):
    doc_id: str
    local_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    cue: str | None = None
    changes: dict[str, Any] | None = None


class StoredQuoteOut(OutModel):
    """A quote deduplicated across articles; ``altered`` flags wording that differs by source."""

    id: str
    text: str
    kind: str
    speaker_key: str | None = None
    speaker_name: str | None = None
    speaker_country: str | None = None
    first_published: date | None = None
    last_published: date | None = None
    source_count: int = 1
    variant_count: int = 1
    altered: bool = False
    sources: list[QuoteSourceOut] = []


class StoredActorOut(OutModel):
    key: str
    name: str
    kind: str
    country: str | None = None
    title: str | None = None
    documents: int = 0
    quotes: int = 0


class StoredEventOut(OutModel):
    """An event deduplicated across articles, with GDELT-like mention and source counts."""

    id: str
    code: str
    root: str | None = None
    label: str | None = None
    quad_class: int
    goldstein: float
    plover_type: str | None = None
    plover_mode: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    source_actor_key: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    target_actor_key: str | None = None
    day: date | None = None
    place_name: str | None = None
    place_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place_geonameid: int | None = None
    place_kind: str | None = None
    place_admin1: str | None = None
    negated: bool = False
    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1
    source_url: str | None = None


class DayCountOut(OutModel):
    day: date
    count: int


class ActorDetailOut(OutModel):
    """An actor across the corpus: names, titles, country, quotes over time, events."""

    key: str
    name: str
    kind: str
    country: str | None = None
    title: str | None = None
    names: list[str] = []
    titles: list[str] = []
    documents: int = 0
    quote_count: int = 0
    quotes_over_time: list[DayCountOut] = []
    quotes: list[StoredQuoteOut] = []
    events_as_source: list[StoredEventOut] = []
    events_as_target: list[StoredEventOut] = []


class TimelineDayOut(OutModel):
    day: date
    events: int = 0
    quotes: int = 0
    goldstein: dict[str, float] = Field(
        default_factory=dict,
        description="Sum of Goldstein scores of the day's events per QuadClass: keys `1`-`4` "
        "(verbal cooperation, material cooperation, verbal conflict, material conflict).",
    )


class TimelineOut(OutModel):
    actor: str | None = None
    dyad: str | None = None
    since: date | None = None
    until: date | None = None
    days: list[TimelineDayOut]


class ConditionRowOut(OutModel):
    doc_id: str
    party: str | None = None
    kind: str
    items: list[str] = []
    said_by: str | None = None
    deadline: str | None = None
    published: date | None = None
    overdue: bool = False


class AgreementRowOut(OutModel):
    doc_id: str
    local_id: str | None = None
    kind: str
    text: str
    status: str
    due: str | None = None
    due_text: str | None = None
    overdue: bool = False
    parties: list[str] = []
    said_by: str | None = None
    steps: list[str] = []
    milestones: list[AgreementStepOut] = []
    published: date | None = None
    title: str | None = None


class NegotiationQuoteOut(OutModel):
    id: str
    text: str
    kind: str
    speaker_name: str | None = None
    doc_id: str
    start: int
    end: int
    published: date | None = None


class NegotiationsOut(OutModel):
    today: date
    agreements: list[AgreementRowOut]
    conditions: list[ConditionRowOut]
    quotes: list[NegotiationQuoteOut]
