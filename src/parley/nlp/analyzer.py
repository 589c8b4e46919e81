"""Doc -> ArticleResult: runs the rule functions in order and freezes their results.

This is the last place where spaCy objects exist; what it returns is plain ``parley.types``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.amounts import extract_amounts
from parley.nlp.rules.casualties import attach_casualties, extract_casualties
from parley.nlp.rules.dates import extract_dates
from parley.nlp.rules.events import extract_events
from parley.nlp.rules.negotiations import extract_agreements, extract_conditions
from parley.nlp.rules.places import extract_places
from parley.nlp.rules.quotes import extract_quotes
from parley.nlp.rules.reported import extract_reported_speech
from parley.types import Article, ArticleResult, Provenance


def analyze_doc(
    doc: Doc, article: Article, *, provenance: Provenance | None = None
) -> ArticleResult:
    """Extract actors, quotes, reported speech and dates from a parsed article."""
    actors = ActorIndex.build(doc)
    warnings: list[str] = []
    quotes = extract_quotes(doc, actors, warnings=warnings)
    reported = extract_reported_speech(doc, actors, quotes)
    dates = extract_dates(doc, published=article.published)
    all_quotes = [
        replace(q, id=f"q{n}")
        for n, q in enumerate(sorted([*quotes, *reported], key=lambda q: (q.start, q.end)), start=1)
    ]
    places = extract_places(doc, country_hint=actors.main_country)
    literal = [p for p in places if p.literal]  # events happen in places, not governments
    events = extract_events(
        doc, actors, quotes=all_quotes, dates=dates, published=article.published, places=literal
    )
    # casualties, amounts and negotiation tracking (issue 3, items 5 and 6)
    casualties = extract_casualties(doc, dates=dates, places=literal, published=article.published)
    events = attach_casualties(events, casualties)
    amounts = extract_amounts(doc, casualties=casualties)
    agreements = extract_agreements(doc, actors, dates=dates, quotes=all_quotes)
    conditions = extract_conditions(doc, actors, quotes=all_quotes, dates=dates)
    return ArticleResult(
        article=article,
        events=tuple(events),
        casualties=tuple(casualties),
        amounts=tuple(amounts),
        agreements=tuple(agreements),
        conditions=tuple(conditions),
        actors=actors.freeze(),
        quotes=tuple(all_quotes),
        dates=tuple(dates),
        places=tuple(places),
        provenance=provenance,
        warnings=tuple(warnings),
    )
