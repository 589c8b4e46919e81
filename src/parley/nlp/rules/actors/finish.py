"""Last builder step: countries for actors without evidence, sectors, dense ids."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.geo.countries import (
    country_of_name,
    demonym_code,
    sector_of,
)
from parley.nlp.rules.actors.record import ActorRecord
from parley.nlp.rules.actors.words import (
    clean_name,
)

if TYPE_CHECKING:
    from parley.nlp.rules.actors.index import ActorIndex


def sentence_country(index: ActorIndex, record: ActorRecord) -> str | None:
    """The one country named (outside other actors' titles) in the actor's first sentence."""
    doc = index.doc
    if not record.mentions:
        return None
    span = doc.char_span(record.mentions[0][0], record.mentions[0][1], alignment_mode="expand")
    if span is None:
        return None
    first, last = index.sentence_bounds(span.start)
    codes = set()
    for ent in (e for e in index.ents if first <= e.start < last):
        if ent.label_ in ("GPE", "NORP") and not any(
            k in index.claimed for k in range(ent.start, ent.end)
        ):
            bare = clean_name(ent)
            code = country_of_name(bare) or demonym_code(bare)
            if code:
                codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def finish(index: ActorIndex) -> None:
    for record in index.records:
        if record.kind == "country" or record.code is not None or record.country_evidence:
            continue
        owner_country = next(
            (
                o.country
                for o in (index.at(off, off + 1) for off in record.owners)
                if o is not None and o is not record and o.country
            ),
            None,
        )
        # A titled person's nationality is often given by the sentence that introduces
        # them ("... Reyes ..., stating that Chile would not ..."); others take the
        # article's main country.
        in_sentence = (
            sentence_country(index, record) if record.kind == "person" and record.title else None
        )
        record.country = owner_country or in_sentence or index.main_country
    for record in index.records:
        if record.sector is None and record.title:
            record.sector = sector_of(record.title)
        if record.name in record.aliases:
            record.aliases.remove(record.name)
    # Actors without any mention (never happens for built ones) are dropped; keep ids dense.
    index.records = [r for r in index.records if r.mentions]
    # A new list, not an in-place sort: the mention table of ``index.at`` notices a new list.
    index.records = sorted(index.records, key=lambda r: r.first_mention)
    for n, record in enumerate(index.records, start=1):
        record.id = f"a{n}"
