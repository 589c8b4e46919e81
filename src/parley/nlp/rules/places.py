"""Places named in an article, geocoded offline: Doc -> list[Place].

Candidates are GPE, LOC and FAC entities, ORG entities that the gazetteer lists as facilities
("the Oval Office"), and PERSON entities that are really places ("shelling hit Kharkiv and
Sumy": a gazetteer name with no person context). Left out: capitals standing for their
government ("Moscow said"), country names used as actors or modifiers rather than locations
("between Russia and Ukraine", "US officials"), and names no table knows.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from parley import lexicon
from parley.geo.countries import capital_code, country_of_name, demonym_code, fold
from parley.geo.gazetteer import Entry, gazetteer
from parley.geo.places import GeoHit, geocode
from parley.geo.resolve import Context, Resolution, resolve
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_ents
from parley.nlp.tokens import doc_tokens
from parley.types import Place

_STRONG_KINDS = frozenset({"country", "continent", "region", "water", "admin1"})

_LOCATIVE = lexicon.word_set("place_locative_preps")
_ACTING_DEPS = NOMINAL_SUBJECT_DEPS
_PERSON_CUE_WORDS = lexicon.word_set("place_person_cues")


def _trim(span: Span) -> Span:
    doc = span.doc
    tokens = doc_tokens(doc)
    start, end = span.start, span.end
    while start < end and tokens.lower[start] == "the":
        start += 1
    while end > start and tokens.text[end - 1] in ("'s", "\u2019s", "'", "\u2019"):
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


def names_a_thing(span: Span) -> bool:
    """True when a name ends in, or comes right before, a noun that makes it a thing's ("Avian
    Flu", "Bird flu", "the Dover Accord"): a tagger's PERSON of that shape is no one who could
    speak."""
    heads = lexicon.words("place_name_heads")
    words = [t for t in span if not t.is_punct]
    if not words or words[-1].tag_ == "POS":
        return False  # "Lee's convention": the name owns the thing
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return words[-1].lower_ in heads or after is not None and after.lower_ in heads


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


def _known(text: str) -> bool:
    return bool(text[:1].isupper()) and (gazetteer().known(text) or bool(country_of_name(text)))


def _split_known(span: Span) -> list[Span]:
    """The entity itself if the gazetteer knows it, else its known parts ("Pandi, Bulacan")."""
    span = _trim(span)
    if not len(span):
        return []
    if _known(span.text):
        return [span]
    parts = [p for p in split_list(span) if p.text != span.text]
    if parts and any(_known(p.text) for p in parts):
        return [p for p in parts if _known(p.text)]
    return [span]


def _town_of_container(span: Span) -> bool:
    """True when the span is a town named with its division or country: "X, Y" where Y is a
    first-level division or a country that holds a town named X."""
    span = _trim(span)
    doc = span.doc
    i = span.end
    if not len(span) or len(span) > 3 or i + 2 > len(doc) or doc[i].text != ",":
        return False
    gaz = gazetteer()
    towns = [e for e, alt in gaz.lookup(span.text) if e.kind in ("city", "admin2") and not alt]
    if not towns:
        return False
    for j in range(min(len(doc), i + 4), i + 1, -1):
        outer = doc[i + 1 : j].text
        code = country_of_name(outer)
        if code and any(t.country == code for t in towns):
            return True
        holders = {(e.country, e.name) for e, _ in gaz.lookup(outer) if e.kind == "admin1"}
        if holders and any((t.country, t.admin1) in holders for t in towns):
            return True
    return False


def _is_division(span: Span) -> bool:
    """True when the whole span is a first-level division or a listed region, not an actor."""
    from parley.geo.countries import known_actor

    span = _trim(span)
    if not len(span) or known_actor(span.text) is not None:
        return False
    return any(
        e.kind in ("admin1", "region", "water") and not alt
        for e, alt in gazetteer().lookup(span.text)
    )


def _government_use(span: Span, entry: Entry | None) -> bool:
    """True when the name stands for a government or body, not the place ("Moscow said")."""
    root = span.root
    head = root.head
    kind = entry.kind if entry is not None else None
    state_like = kind in ("country", "admin1") or capital_code(span.text) is not None
    first = root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "Ukraine and Russia held talks": Russia shares Ukraine's role
    if first.dep_ in _ACTING_DEPS and state_like:
        return True  # "Russia said", "Moscow launched"
    if root.dep_ == "poss":
        return head.lower_ not in lexicon.words("place_part_nouns")  # not "Ukraine's east"
    if (
        root.dep_ in ("compound", "amod", "nmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.ent_type_ not in ("GPE", "LOC", "FAC")
        and head.lower_ not in lexicon.words("place_part_nouns")
    ):
        return True  # "US officials", "Kremlin spokesman"
    if root.dep_ in ("pobj", "conj") and state_like:
        prep = head
        while prep.dep_ == "conj" and prep.head is not prep:
            prep = prep.head
        if prep.dep_ == "pobj":
            prep = prep.head
        return prep.lower_ in lexicon.words("place_government_preps")
    return False


def _container_after(span: Span, spans_by_start: dict[int, Span]) -> Span | None:
    """The place named right after "X, " ("Springfield, Illinois") if there is one."""
    doc = span.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].text == ",":
        return spans_by_start.get(i + 1)
    return None


def _is_toponym(span: Span) -> bool:
    """False for names of other things: "Marburg (haemorrhagic) fever", "$US 15 billion",
    "Ann-Christin", unknown acronyms ("KBR", "DOH")."""
    doc = span.doc
    heads = lexicon.words("place_name_heads")
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    if after[:1] and after[0] in heads:
        return False
    if len(after) == 2 and after[1] in heads and doc[span.end].pos_ == "ADJ":
        return False
    if span.start > 0 and doc[span.start - 1].text in ("$", "A$", "C$", "NZ$"):
        return False  # "$US 15 billion": a currency
    if (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and not span[-1].whitespace_
        and doc[span.end + 1].ent_type_ == "PERSON"
    ):
        return False  # "Ann-Christin Nykvist"
    text = span.text
    if text.isupper() and len(text.replace(".", "")) <= 4 and not country_of_name(text):
        return any(e.kind in _STRONG_KINDS and not alt for e, alt in gazetteer().lookup(text))
    return True


def _uncovered_names(doc: Doc, covered: set[int], in_org: set[int]) -> list[Span]:
    """Countries, first-level divisions and listed regions the tagger did not mark.

    Only capitalised proper-noun runs of up to four tokens whose text is a country name, a
    division or a listed region/water: town names are too often ordinary words or people.
    Inside an organisation's name (``in_org``: "the U.S. Food and Drug Administration",
    "Taco Bell Canada") only country names count, and they may follow other words.
    """
    gaz = gazetteer()
    out: list[Span] = []
    n = len(doc)
    tokens = doc_tokens(doc)
    words, pos = tokens.text, tokens.pos
    i = 0
    while i < n:
        if i in covered or not words[i][:1].isupper() or pos[i] not in ("PROPN", "NOUN", "ADJ"):
            i += 1
            continue
        match = None
        for j in range(min(n, i + 4), i, -1):
            if any(k in covered for k in range(i, j)) or not words[j - 1][:1].isupper():
                continue
            if (i in in_org) != (j - 1 in in_org):
                continue
            text = doc[i:j].text
            if not gaz.known(text) and not country_of_name(text):
                continue
            if i in in_org:
                # inside an organisation's name only a country counts ("U.S. Centers for ...")
                if country_of_name(text):
                    match = doc[i:j]
                    break
                continue
            if country_of_name(text) or any(
                e.kind in _STRONG_KINDS and not alt for e, alt in gaz.lookup(text)
            ):
                match = doc[i:j]
                break
        if match is not None and (
            i in in_org
            or not (
                i > 0
                and doc[i - 1].text[:1].isupper()
                and i - 1 not in covered
                and doc[i - 1].pos_ == "PROPN"
                and not doc[i - 1].is_sent_start
            )
        ):
            out.append(match)
            i = match.end
        else:
            i += 1
    return out


_DATELINE_ENDS = frozenset({"\u2014", "\u2013", "-", "--", "("})


def dateline_spans(doc: Doc) -> list[Span]:
    """The places of a wire dateline: ["KYIV", "Ukraine"] for "KYIV, Ukraine (Reuters) —",
    ["ATHENS", "Ga."] for "ATHENS, Ga. (AP) —", ["WASHINGTON"] for "WASHINGTON —".

    The article must open with an all-capitals name ended by a comma, a dash or "(" within
    its first eight tokens; a known place between the comma and the dash is its container.
    """
    n = min(len(doc), 8)
    for k in range(1, n):
        text = doc[k].text
        if text in _DATELINE_ENDS or text == ",":
            head = doc[0:k]
            letters = [ch for ch in head.text if ch.isalpha()]
            if len(letters) < 3 or not all(ch.isupper() for ch in letters):
                return []
            if text != ",":
                return [head]
            end = next(
                (m for m in range(k + 1, min(len(doc), k + 5)) if doc[m].text in _DATELINE_ENDS),
                None,
            )
            if end is not None and end > k + 1 and _known(doc[k + 1 : end].text):
                return [head, doc[k + 1 : end]]
            return [head]
        if not doc[k].text.isupper() and doc[k].is_alpha:
            return []
    return []


def _entity_spans(ents: list[Span], country_hint: str | None) -> list[Span]:
    """Candidate toponyms among the entities: GPE/LOC/FAC, facility or city ORGs, place PERSONs."""
    multi_word_names = {
        t.lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
    }
    spans: list[Span] = []
    for ent in ents:
        label = ent.label_
        if label in ("GPE", "LOC", "FAC"):
            spans.extend(_split_known(ent))
        elif label == "ORG":
            found = _place_of(ent, country_hint)
            if found is not None and found[1].kind == "facility":
                spans.append(found[0])
            elif org_ent_is_place(ent):
                spans.extend(split_list(ent))  # the small model often tags cities ORG
            elif _is_division(ent) or _town_of_container(ent):
                # "NSW and Queensland", "Bihar and Uttar Pradesh", "Esperance, Western Australia"
                spans.append(_trim(ent))
        elif label == "PERSON" and person_ent_is_place(ent, multi_word_names):
            spans.append(_trim(ent))
        elif label in ("PERSON", "NORP") and _town_of_container(ent):
            spans.append(_trim(ent))  # "Esperance, Western Australia", "Toruń, Poland"
    return [s for s in spans if len(s) and s.text[:1].isupper() and _is_toponym(s)]


def _candidate_spans(doc: Doc, ents: list[Span], country_hint: str | None) -> list[Span]:
    """Entity toponyms plus known names no entity covers (unsorted)."""
    spans = _entity_spans(ents, country_hint)
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    covered |= {i for s in spans for i in range(s.start, s.end)}
    in_org = {
        i
        for ent in ents
        if ent.label_ in ("ORG", "FAC", "PRODUCT", "EVENT")
        for i in range(ent.start, ent.end)
    }
    covered -= in_org
    covered |= {i for s in spans for i in range(s.start, s.end)}
    spans.extend(_uncovered_names(doc, covered, in_org))
    return [s for s in spans if _is_toponym(s)]


def _add_dateline_spans(spans: list[Span], lines: list[Span]) -> None:
    """Append the dateline names no candidate overlaps, when the gazetteer knows them."""
    for line in lines:
        if not any(s.start < line.end and line.start < s.end for s in spans) and _known(
            line.text.title()
        ):
            spans.append(line)


def _dateline_country(dateline: str, lines: list[Span], ctx: Context) -> str | None:
    """The country of the dateline place, inside the division or country named after it."""
    container = None
    if len(lines) == 2:
        outer = resolve(lines[1].text, ctx)
        if outer is not None and outer.entry.kind in ("admin1", "country"):
            container = outer.entry
    first = resolve(dateline, ctx, container=container)
    if first is not None and first.entry.kind in ("city", "admin2") and first.entry.admin1:
        # "ATHENS, Ga. (AP) —": the story is local to the dateline's state
        ctx.town_admin1.add((first.entry.country or "", first.entry.admin1))
    return first.entry.country if first else country_of_name(dateline)


def _count_confident(ctx: Context, first_pass: list[Resolution | None]) -> None:
    """Count the countries and divisions of confidently resolved names into ``ctx``."""
    homes: Counter[tuple[str, str]] = Counter()
    for res in first_pass:
        if res is None or res.confidence < 0.7:
            continue
        if res.entry.kind == "admin1" and res.entry.country:
            ctx.admin1.add((res.entry.country, res.entry.name))
            ctx.countries[res.entry.country] += 1
        elif res.entry.kind in ("city", "admin2") and res.entry.country:
            ctx.countries[res.entry.country] += 1
            if res.entry.admin1:
                homes[res.entry.country, res.entry.admin1] += 1
                ctx.towns_in.add((res.entry.country, res.entry.admin1))
    if homes:
        (home, n), *rest = homes.most_common(2)
        if n >= 2 and (not rest or rest[0][1] < n):
            ctx.town_admin1.add(home)  # the division most of its towns lie in


def _article_context(
    ents: list[Span],
    spans: list[Span],
    lines: list[Span],
    dateline: str | None,
    country_hint: str | None,
) -> Context:
    """The countries and divisions the article names."""
    ctx = Context(main_country=country_hint)
    for ent in ents:
        if ent.label_ == "NORP":
            code = demonym_code(ent.text)
            if code:
                ctx.countries[code] += 1
    if dateline:
        ctx.dateline_country = _dateline_country(dateline, lines, ctx)
    for span in spans:
        code = country_of_name(span.text)
        if code:
            ctx.countries[code] += 1
    _count_confident(ctx, [resolve(s.text, ctx) for s in spans])
    if country_hint is None and ctx.countries:
        ctx.main_country = ctx.countries.most_common(1)[0][0]
    return ctx


def _resolve_spans(spans: list[Span], ctx: Context) -> dict[int, Resolution | None]:
    """Each span resolved (by start token), inside the division or country named after it."""
    by_start = {s.start: s for s in spans}
    resolved: dict[int, Resolution | None] = {}
    for span in reversed(spans):  # containers (after the comma) first
        container_span = _container_after(span, by_start)
        container = None
        cres = resolved.get(container_span.start) if container_span is not None else None
        if (
            container_span is not None
            and not (cres is not None and cres.entry.kind in ("region", "water", "facility"))
            and not _in_list_of_divisions(span, container_span)
        ):
            container = _holding_entry(span.text, container_span.text, cres)
            if container is not None and (cres is None or cres.entry is not container):
                # "Stroud, Ontario": the container is the namesake that holds the town
                resolved[container_span.start] = Resolution(container, 0.9, False)
        resolved[span.start] = resolve(span.text, ctx, container=container)
    return resolved


def _holding_entry(name: str, outer: str, outer_res: Resolution | None) -> Entry | None:
    """The division or country named ``outer`` that holds a namesake of ``name``.

    The resolved one when it holds one (or when none does), else the first that does.
    """
    gaz = gazetteer()
    inner = [(e.country, e.admin1) for e, _ in gaz.lookup(name) if e.kind != "country"]
    options = [outer_res.entry] if outer_res is not None else []
    options += [e for e, alt in gaz.lookup(outer) if not alt and e.kind in ("admin1", "country")]
    options = [e for e in options if e.kind in ("admin1", "country")]

    def holds(entry: Entry) -> bool:
        if entry.kind == "admin1":
            return (entry.country, entry.name) in inner
        return any(c == entry.country for c, _ in inner)

    return next((e for e in options if holds(e)), options[0] if options else None)


def _in_list_of_divisions(span: Span, container: Span) -> bool:
    """ "cases in Washington, Pennsylvania and California": a list of divisions, not "X, Y"."""
    doc = span.doc
    if container.end >= len(doc) or doc[container.end].lower_ not in (",", "and", "or"):
        return False
    return any(e.kind == "admin1" and not alt for e, alt in gazetteer().lookup(span.text))


def _place(span: Span, res: Resolution, literal: bool) -> Place:
    entry = res.entry
    return Place(
        name=span.text,
        start=span.start_char,
        end=span.end_char,
        country=entry.country,
        latitude=entry.latitude,
        longitude=entry.longitude,
        kind=entry.kind,
        geonameid=entry.geonameid,
        feature_class=entry.feature_class,
        admin1=entry.admin1 or None,
        population=entry.population or None,
        confidence=res.confidence,
        literal=literal,
    )


def _names_of_other_things(doc: Doc) -> frozenset[str]:
    """Names the article uses as something else: before a word that makes them the name of
    another thing ("Ebola virus"), or as (a word of) a person's or organisation's name."""
    heads = lexicon.words("place_name_heads")
    found = doc.user_data.get("parley_place_other_names")
    if found is None:
        names = set()
        for ent in doc.ents:
            if ent.end < len(doc) and doc[ent.end].lower_ in heads:
                names.add(ent.text)
            if ent.label_ in ("PERSON", "ORG"):
                # "Saakashvili" tagged GPE once and PERSON elsewhere; "Halliburton" likewise
                names.update(t.text for t in ent if t.pos_ == "PROPN")
                names.add(ent.text)
        tokens = doc_tokens(doc)
        for i in range(len(doc) - 1):
            if tokens.pos[i] == "PROPN" and tokens.lower[i + 1] in heads:
                names.add(tokens.text[i])
        found = frozenset(names)
        doc.user_data["parley_place_other_names"] = found
    return found


def _unknown_place(
    span: Span, resolved: dict[int, Resolution | None], by_start: dict[int, Span]
) -> Place | None:
    """A GPE or LOC entity the gazetteer does not know ("Balintawak, Caloocan", "Kibera").

    It is still a toponym; it takes the point of the division or country named after it
    ("Gondra, Uttar Pradesh") with a low confidence, else it has no coordinates.
    """
    if span.root.ent_type_ not in ("GPE", "LOC") or not _is_toponym(span):
        return None
    text = span.text
    if demonym_code(text) or not any(t.pos_ == "PROPN" for t in span):
        return None  # "Angolan", "the Netherlands'"-like tags of adjectives and nouns
    if text in _names_of_other_things(span.doc):
        return None  # "Ebola" in a story that says "Ebola virus"
    container = _container_after(span, by_start)
    cres = resolved.get(container.start) if container is not None else None
    if cres is not None and cres.entry.kind in ("admin1", "admin2", "country"):
        entry = cres.entry
        return Place(
            name=span.text,
            start=span.start_char,
            end=span.end_char,
            country=entry.country,
            latitude=entry.latitude,
            longitude=entry.longitude,
            kind=None,
            admin1=entry.admin1 or None,
            confidence=0.3,
        )
    return Place(name=span.text, start=span.start_char, end=span.end_char)


def extract_places(
    doc: Doc, *, country_hint: str | None = None, dateline: str | None = None
) -> list[Place]:
    """Every toponym of ``doc``, resolved with the article as context.

    Args:
        doc: a parsed article.
        country_hint: ISO3 of the article's main country, to prefer its towns over namesakes
            abroad; by default the most frequently named country of the article.
        dateline: the dateline's place name ("KYIV"); by default read from the article's
            opening ("KYIV, Ukraine (Reuters) —"). Its country counts as the article's.

    Returns:
        One :class:`parley.types.Place` per mention, in text order; ``literal`` is False where
        the name stands for a government ("Moscow said", "US officials").
    """
    ents = list(doc_ents(doc))  # doc.ents rebuilds its list on every access
    spans = _candidate_spans(doc, ents, country_hint)
    lines = dateline_spans(doc)
    if lines and dateline is None:
        dateline = lines[0].text
    _add_dateline_spans(spans, lines)
    dateline_starts = {line.start for line in lines}
    spans.sort(key=lambda s: s.start)

    ctx = _article_context(ents, spans, lines, dateline, country_hint)
    resolved = _resolve_spans(spans, ctx)

    by_start = {s.start: s for s in spans}
    places: list[Place] = []
    for span in spans:
        if fold(span.text) in ("west", "east", "north", "south"):
            continue
        res = resolved[span.start]
        if res is None:
            unknown = _unknown_place(span, resolved, by_start)
            if unknown is not None:
                places.append(unknown)
            continue
        literal = span.start in dateline_starts or not _government_use(span, res.entry)
        places.append(_place(span, res, literal))
    return places
