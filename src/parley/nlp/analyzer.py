"""Doc -> ArticleResult: runs the declared stages in order and freezes their results.

This is the last place where spaCy objects exist; what it returns is plain ``parley.types``.

``STAGES`` is the whole extraction, one row per step: the name its result is known by, the
function that computes it, and what the function needs (``"param"`` takes the earlier result
of that name, ``"param=name"`` an earlier result of another name), and the ``ArticleResult``
field it fills, if any. ``analyze_doc`` starts from ``doc``, ``article``, ``published`` and
``warnings`` and runs the rows in order. A new extractor is one module in ``nlp/rules``, one
type in ``parley.types`` (a field of ``ArticleResult``) and one row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, NamedTuple

from spacy.tokens import Doc

from parley import lexicon
from parley.config import Settings, get_settings
from parley.geo.countries import bound_actors_file
from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.amounts import extract_amounts
from parley.nlp.rules.casualties import attach_casualties, extract_casualties
from parley.nlp.rules.dates import extract_dates
from parley.nlp.rules.events import extract_events
from parley.nlp.rules.negotiations import extract_agreements, extract_conditions
from parley.nlp.rules.partial_clause import with_partial_clauses
from parley.nlp.rules.places import extract_places
from parley.nlp.rules.pronoun_mentions import pronoun_mentions
from parley.nlp.rules.quote_tail import with_quote_tails
from parley.nlp.rules.quotes import extract_quotes
from parley.nlp.rules.reported import extract_reported_speech
from parley.types import Actor, Article, ArticleResult, Place, Provenance, Quote


class Stage(NamedTuple):
    """One step of the extraction."""

    #: The name its result is known by in later rows.
    name: str
    #: The function; called with keyword arguments built from ``needs``.
    run: Callable[..., Any]
    #: ``"param"`` (the earlier result called ``param``) or ``"param=name"``.
    needs: tuple[str, ...]
    #: The ``ArticleResult`` field this result fills (as a tuple), if any.
    field: str | None = None


def _number_quotes(direct: list[Quote], reported: list[Quote]) -> list[Quote]:
    """Direct and reported quotes in text order, numbered q1, q2, ..."""
    return [
        replace(q, id=f"q{n}")
        for n, q in enumerate(sorted([*direct, *reported], key=lambda q: (q.start, q.end)), start=1)
    ]


def _places(doc: Doc, actors: ActorIndex) -> list[Place]:
    return extract_places(doc, country_hint=actors.main_country)


def _literal_places(places: list[Place]) -> list[Place]:
    """Places used as places: events and casualties happen there, not in governments
    ("Moscow said" names a speaker, not where something happened), and located: a toponym
    the gazetteer does not know has no point for the events or the map."""
    return [p for p in places if p.literal and p.latitude is not None]


def _freeze_actors(doc: Doc, actors: ActorIndex, quotes: tuple[Quote, ...]) -> tuple[Actor, ...]:
    """The actor table. The words that name a quote's speaker (a pronoun, a description, a
    name) are a mention of that actor too, so every attribution can be checked against the
    actor's mentions, and so are the reporter's pronouns that stand for it ("he", "his");
    words that overlap a mention it already has add nothing."""
    named_by = pronoun_mentions(doc, actors, quotes)
    frozen = actors.freeze()
    for quote in quotes:
        if quote.speaker is not None and quote.speaker.mention is not None:
            start, end = quote.speaker.mention
            named_by.setdefault(quote.speaker.id, set()).add((start, end))
    if not named_by:
        return frozen
    out = []
    for actor in frozen:
        extra = [
            span
            for span in named_by.get(actor.id, ())
            if not any(span[0] < end and start < span[1] for start, end in actor.mentions)
        ]
        if extra:
            actor = replace(actor, mentions=tuple(sorted([*actor.mentions, *extra])))
        out.append(actor)
    return tuple(out)


#: The extraction, in dependency order (each row may use the rows above it).
STAGES: tuple[Stage, ...] = (
    Stage("actors", ActorIndex.build, ("doc",)),
    Stage("direct_quotes", extract_quotes, ("doc", "actors", "warnings")),
    Stage("reported", extract_reported_speech, ("doc", "actors", "quotes=direct_quotes")),
    # The reported clause around a partial quotation the rules above left without one.
    Stage("partial_clauses", with_partial_clauses, ("doc", "quotes=direct_quotes", "reported")),
    # A full quotation's sentence that runs on past the closing mark ('said, "..." until ...').
    Stage(
        "reported_clauses",
        with_quote_tails,
        ("doc", "quotes=direct_quotes", "reported=partial_clauses"),
    ),
    Stage("dates", extract_dates, ("doc", "published"), "dates"),
    Stage(
        "quotes", _number_quotes, ("direct=direct_quotes", "reported=reported_clauses"), "quotes"
    ),
    Stage("places", _places, ("doc", "actors"), "places"),
    Stage("literal_places", _literal_places, ("places",)),
    Stage(
        "found_events",
        extract_events,
        ("doc", "actors", "quotes", "dates", "published", "places=literal_places"),
    ),
    # casualties, amounts and negotiation tracking (issue 3, items 5 and 6)
    Stage(
        "casualties",
        extract_casualties,
        ("doc", "dates", "places=literal_places", "published"),
        "casualties",
    ),
    Stage("events", attach_casualties, ("events=found_events", "casualties"), "events"),
    Stage("amounts", extract_amounts, ("doc", "casualties"), "amounts"),
    Stage("agreements", extract_agreements, ("doc", "actors", "dates", "quotes"), "agreements"),
    Stage("conditions", extract_conditions, ("doc", "actors", "quotes", "dates"), "conditions"),
    # Last: the rules above may add actors (unnamed speakers, parties).
    Stage("actor_list", _freeze_actors, ("doc", "actors", "quotes"), "actors"),
)


def _arguments(stage: Stage, found: dict[str, Any]) -> dict[str, Any]:
    args = {}
    for need in stage.needs:
        param, _, source = need.partition("=")
        args[param] = found[source or param]
    return args


def run_stages(doc: Doc, article: Article, stages: tuple[Stage, ...] = STAGES) -> dict[str, Any]:
    """Every stage's result by name (plus ``warnings``), computed in table order."""
    found: dict[str, Any] = {
        "doc": doc,
        "article": article,
        "published": article.published,
        "warnings": [],
    }
    for stage in stages:
        found[stage.name] = stage.run(**_arguments(stage, found))
    return found


def analyze_doc(
    doc: Doc,
    article: Article,
    *,
    provenance: Provenance | None = None,
    settings: Settings | None = None,
) -> ArticleResult:
    """Extract actors, quotes, reported speech, dates, places, events, casualties, amounts and
    negotiations from a parsed article.

    The rules read the word lists of ``settings.lexicon_dir`` (on top of the shipped ones) and
    the actor table extended by ``settings.actors_file``; without ``settings``, the process's.
    """
    settings = settings or get_settings()
    with (
        lexicon.bound(lexicon.lexicon_for(settings.lexicon_dir)),
        bound_actors_file(settings.actors_file),
    ):
        found = run_stages(doc, article)
    fields = {stage.field: tuple(found[stage.name]) for stage in STAGES if stage.field}
    return ArticleResult(
        article=article,
        provenance=provenance,
        warnings=tuple(found["warnings"]),
        **fields,
    )
