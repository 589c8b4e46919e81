"""Countries: the article's main country, and countries (or capitals) that act as subjects."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from parley.geo.countries import (
    capital_code,
    country_code,
    country_name,
    country_of_name,
)
from parley.nlp.deps import ACTING_SUBJECT_DEPS
from parley.nlp.rules.actors.words import (
    POSSESSIVE,
    clean_name,
)

if TYPE_CHECKING:
    from parley.nlp.rules.actors.index import ActorIndex


def main_country(index: ActorIndex) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ent in index.ents:
        if ent.label_ in ("GPE", "NORP", "ORG", "LOC"):
            code = country_code(clean_name(ent))
            if code:
                counts[code] += 1
                first.setdefault(code, ent.start)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))


def add_countries(index: ActorIndex) -> None:
    """Countries (or their capitals, "Moscow said") that act: an actor for each country with
    at least one mention as a subject or an agent, holding all its mentions."""
    acting: dict[str, list[tuple[int, int, str, bool]]] = {}
    for ent in index.ents:
        if ent.label_ not in ("GPE", "NORP", "ORG", "PERSON"):
            continue
        if any(k in index.claimed for k in range(ent.start, ent.end)) or index.at(
            ent.start_char, ent.end_char
        ):
            continue
        found = _country_mention(index, ent)
        if found is None:
            continue
        iso3, mention, is_capital = found
        acting.setdefault(iso3, []).append(mention)
        if is_capital and not mention[3]:
            acting[iso3].pop()  # a capital is the country only when it acts ("Moscow said")
    for iso3, mentions in acting.items():
        if not any(flag for *_, flag in mentions):
            continue
        record = next((r for r in index.records if r.kind == "country" and r.country == iso3), None)
        if record is None:
            record = index.add(
                country_name(iso3) or mentions[0][2], "country", country=iso3, sector="GOV"
            )
            record.country_evidence = True
        for s_char, e_char, text, flag in mentions:
            record.add_mention(s_char, e_char, text)
            if flag:
                record.subject_mentions.append((s_char, e_char))


def _country_mention(
    index: ActorIndex, ent: Span
) -> tuple[str, tuple[int, int, str, bool], bool] | None:
    """(ISO3, (start, end, text, acts), is a capital) for an entity naming a country or, for a
    GPE, its capital."""
    doc = index.doc
    start, end = ent.start, ent.end
    while end > start and doc[end - 1].text in POSSESSIVE:
        end -= 1
    while start < end and doc[start].lower_ == "the":
        start += 1
    if start >= end:
        return None
    text = doc[start:end].text
    iso3 = country_of_name(text)
    is_capital = False
    if iso3 is None and ent.label_ == "GPE":
        iso3 = capital_code(text)
        is_capital = iso3 is not None
    if iso3 is None:
        return None
    subject = _acts(doc[start:end].root)
    mention = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), text, subject)
    return iso3, mention, is_capital


def _acts(root: Token) -> bool:
    """A subject (not of "be"), a conjunct of one, or the agent of a passive ("by Russia")."""
    return bool(
        (root.dep_ in ACTING_SUBJECT_DEPS and root.head.lemma_ != "be")
        or (
            root.dep_ == "conj"
            and root.head.dep_ in ACTING_SUBJECT_DEPS
            and root.head.head.lemma_ != "be"
        )
        or (root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent")
    )


def set_main_country(index: ActorIndex) -> None:
    """The country the article talks about most: the fallback for actors without evidence."""
    index.main_country = main_country(index)
