"""Places named in an article, geocoded offline: Doc -> list[Place].

Candidates are GPE, LOC and FAC entities, ORG entities that the gazetteer lists as facilities
("the Oval Office"), and PERSON entities that are really places ("shelling hit Kharkiv and
Sumy": a gazetteer name with no person context). Left out: capitals standing for their
government ("Moscow said"), country names used as actors or modifiers rather than locations
("between Russia and Ukraine", "US officials"), and names no table knows.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from parley.geo.countries import capital_code, country_of_name, fold
from parley.geo.places import GeoHit, geocode
from parley.types import Place

_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "into",
        "inside",
        "throughout",
        "within",
        "from",
        "to",
        "toward",
        "towards",
        "outside",
        "around",
        "over",
        "through",
        "on",
        "along",
        "off",
        "of",
    }
)
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass"})
_PERSON_CUE_WORDS = frozenset(
    {
        "mr",
        "ms",
        "mrs",
        "dr",
        "president",
        "minister",
        "said",
        "says",
        "told",
        "spokesman",
        "spokeswoman",
        "senator",
        "governor",
        "mayor",
    }
)


def _trim(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019"):
        end -= 1
    return doc[start:end]


def split_list(span: Span) -> list[Span]:
    """ "Kharkiv and Sumy" -> [Kharkiv, Sumy]: an entity that is a list of names, in parts."""
    doc = span.doc
    parts: list[Span] = []
    start = span.start
    for tok in span:
        if tok.lower_ in ("and", ",", "&"):
            if tok.i > start:
                parts.append(doc[start : tok.i])
            start = tok.i + 1
    if start < span.end:
        parts.append(doc[start : span.end])
    return [_trim(p) for p in parts if len(_trim(p))]


def org_ent_is_place(span: Span) -> bool:
    """True when an ORG entity is really one or more places ("Kharkiv and Sumy", "Crete").

    Every part must be in the gazetteer and none may be a listed institution ("Kremlin").
    """
    from parley.geo.countries import known_actor

    parts = split_list(span)
    if not parts:
        return False
    for part in parts:
        if known_actor(part.text) is not None:
            return False
        hit = geocode(part.text)
        if hit is None or (hit.kind == "city" and (hit.population or 0) < 50_000):
            return False
    return True


def person_ent_is_place(span: Span, multi_word_names: set[str] | None = None) -> bool:
    """True when a PERSON entity is a place the tagger mislabelled ("Sumy").

    The name must be known to the gazetteer, have no person context (no title or honorific
    before it, not the subject of a verb, no possessive) and not be a word of a longer person
    name in the same article (``multi_word_names``, lower-cased words).
    """
    span = _trim(span)
    if len(span) == 0 or len(span) > 3:
        return False
    text = span.text
    words = {w.lower() for w in text.split()}
    if multi_word_names and len(span) == 1 and words & multi_word_names:
        return False
    hit = geocode(text)
    if hit is None or (hit.kind == "city" and (hit.population or 0) < 50_000):
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in _PERSON_CUE_WORDS:
        return False
    if span.end < len(doc) and doc[span.end].lower_ in _PERSON_CUE_WORDS:
        return False
    root = span.root
    if root.dep_ in _ACTING_DEPS or root.dep_ == "poss":
        return False
    # Object of a locative preposition, or a conjunct of a place: a place.
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        return True
    if root.dep_ == "conj" and root.head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return hit.kind in ("country", "region") or root.dep_ in ("pobj", "conj", "appos", "compound")


def _place_of(span: Span, hint: str | None) -> tuple[Span, GeoHit] | None:
    span = _trim(span)
    if len(span) == 0 or not span.text[:1].isupper():
        return None
    hit = geocode(span.text, country_hint=hint)
    if hit is None:
        return None
    return span, hit


def _is_location_use(span: Span, hit: GeoHit) -> bool:
    root = span.root
    if root.dep_ in _ACTING_DEPS and (hit.kind == "country" or capital_code(span.text)):
        return False  # "Moscow launched", "Russia said": an actor, not a place
    if hit.kind == "country":
        # Countries are places only where something happens in them ("in northeastern Ukraine").
        return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE - {
            "of",
            "to",
            "from",
            "on",
            "over",
        }
    # "Kremlin spokesman", "Washington's position": a modifier, not a location.
    return not (
        root.dep_ in ("compound", "amod", "poss")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.ent_type_ not in ("GPE", "LOC", "FAC")
    )


def extract_places(doc: Doc, *, country_hint: str | None = None) -> list[Place]:
    """Every place mention of ``doc`` with its gazetteer country, coordinates and kind.

    Args:
        doc: a parsed article.
        country_hint: ISO3 of the article's main country, to prefer its towns over namesakes
            abroad; by default the most frequently named country of the article.

    Returns:
        One :class:`parley.types.Place` per mention, in text order.
    """
    ents = list(doc.ents)  # doc.ents rebuilds its list on every access
    if country_hint is None:
        counts: dict[str, int] = {}
        for ent in ents:
            if ent.label_ in ("GPE", "NORP"):
                code = country_of_name(_trim(ent).text) if len(_trim(ent)) else None
                if code:
                    counts[code] = counts.get(code, 0) + 1
        country_hint = max(counts, key=lambda c: counts[c]) if counts else None
    multi_word_names = {
        t.lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
    }
    candidates: list[Span] = []
    for ent in ents:
        label = ent.label_
        if label in ("GPE", "LOC", "FAC"):
            candidates.extend(split_list(ent) if _place_of(ent, country_hint) is None else [ent])
        elif label == "ORG":
            found = _place_of(ent, country_hint)
            if found is not None and found[1].kind == "facility":
                candidates.append(ent)
            elif org_ent_is_place(ent):
                candidates.extend(split_list(ent))  # the small model often tags cities ORG
        elif label == "PERSON" and person_ent_is_place(ent, multi_word_names):
            candidates.append(ent)
    places: list[Place] = []
    for candidate in candidates:
        found = _place_of(candidate, country_hint)
        if found is None:
            continue
        span, hit = found
        if not _is_location_use(span, hit):
            continue
        if fold(span.text) in ("west", "east", "north", "south"):
            continue
        places.append(hit.place(span.text, span.start_char, span.end_char))
    return places
