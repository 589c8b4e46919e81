"""Casualty figures: killed, injured, missing and arrested counts with their bounds.

A figure counts only when the parse ties a number of people to a casualty word: the object of
"killing" / "injuring", the passive subject of "were killed", "N dead", "N people died", "the
death toll rose to N". Each sentence with figures becomes one :class:`CasualtyMention` with its
places, its date and the perpetrator (the subject of the clause that caused the harm, e.g.
"Russian airstrikes ... killing" -> RUS). :func:`attach_casualties` then copies the counts onto
the event coded in the same sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.lexicon import Lexicon
from parley.nlp.deps import ACTED_ON_DEPS, NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_sents, doc_text, ent_at, span_ents
from parley.nlp.tokens import TokenTable, doc_tokens
from parley.numbers import VAGUE, Bounds, parse_quantity, qualifier_phrases
from parley.types import Casualties, CasualtyMention, DateMention, Event, Place

KIND_FIELDS = ("killed", "injured", "missing", "arrested")

SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}

# The word lists live in parley/data/lexicon/casualty_words.tsv (WORD<TAB>LIST<TAB>VALUE); a
# user's PARLEY_LEXICON_DIR file of the same name adds rows.
WORDS_FILE = "casualty_words"


def _words(name: str) -> frozenset[str]:
    """The words of the plain list ``name`` of ``casualty_words.tsv``."""
    return lexicon.where(WORDS_FILE, "role", name)


def _kinds(name: str) -> Mapping[str, str]:
    """word -> casualty kind for the table ``name`` of ``casualty_words.tsv``."""
    return _kind_table(lexicon.current(), name)


@cache
def _kind_table(lex: Lexicon, name: str) -> Mapping[str, str]:
    return {word: value for word, role, value in lex.table(WORDS_FILE) if role == name}


_PHRASES = qualifier_phrases()

_Item = TypeVar("_Item", Place, DateMention)


@dataclass
class _Count:
    kind: str
    bounds: Bounds
    tokens: list[Token]
    governor: Token | None
    conj_of: Token | None = None


# -- country helpers (shared by the negotiation rules) -------------------------------------


def country_of(text: str) -> str | None:
    """ISO alpha-3 for a country name, demonym, capital or institution ("Russian" -> "RUS")."""
    from parley.geo.countries import country_code

    text = text.strip()
    return country_code(text) if text else None


def is_country_name(text: str) -> bool:
    """True when ``text`` names a country itself (not a city, capital or nationality)."""
    from parley.geo.countries import country_of_name

    return country_of_name(text.strip()) is not None


def geocode_place(name: str, start: int, end: int, *, hint: str | None = None) -> Place:
    """A :class:`Place` for a name the casualty sentence gives, geocoded offline."""
    from parley.geo.places import geocode

    hit = geocode(name, country_hint=hint)
    if hit is None:
        return Place(name=name, start=start, end=end)
    return hit.place(name, start, end)


# -- extraction -----------------------------------------------------------------------------


def _is_count_token(tokens: TokenTable, i: int) -> bool:
    """Whether token ``i`` is a number or a vague count ("dozens") outside a date or an
    amount of money."""
    if tokens.ent_type[i] in SKIP_ENTS:
        return False
    if tokens.lower[i] in VAGUE or tokens.lower[i] == "dozen":
        return True
    return tokens.like_num[i] and (
        tokens.pos[i] in ("NUM", "NOUN", "ADJ", "PROPN") or tokens.tag[i] == "CD"
    )


def _quantity_tokens(token: Token) -> list[Token]:
    """The number with its qualifiers: "at least two", "more than 100", "dozens of"."""
    doc = token.doc
    if token.ent_type_ == "CARDINAL":
        start = token.i
        while start > 0 and doc[start - 1].ent_type_ == "CARDINAL" and doc[start].ent_iob_ != "B":
            start -= 1
        end = token.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        # "the over 200,000 deaths": the qualifier is sometimes left outside the entity
        return list(doc[_qualifier_start(doc, start) : end + 1])
    return list(doc[_qualifier_start(doc, token.i) : token.i + 1])


def _qualifier_start(doc: Doc, start: int) -> int:
    """Where a hedging phrase ("more than", "at least") right before ``start`` begins."""
    for phrase in _PHRASES:
        words = phrase.split()
        begin = start - len(words)
        if begin >= 0 and doc_tokens(doc).lower[begin:start] == words:
            return begin
    return start


def _root_of(tokens: Sequence[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if (t.head.i not in ids or t.head.i == t.i) and (
            _is_count_token(doc_tokens(t.doc), t.i) or t.lower_ in VAGUE
        ):
            return t
    return tokens[-1]


def _counted_noun(number: Token) -> Token:
    head = number.head
    if (
        number.dep_ in ("nummod", "quantmod", "amod", "compound", "npadvmod")
        and head.pos_
        in (
            "NOUN",
            "PROPN",
        )
        and head.i > number.i
    ):
        return head
    # "dozens of people", "hundreds of civilians"
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return number


def _is_person(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    people = _words("person_noun")
    return (
        lemma in people
        or noun.lower_ in people
        or noun.ent_type_ in ("NORP",)
        or noun.lower_.endswith(("ians", "ans", "is", "ese"))
        and noun.pos_ in ("PROPN", "NOUN")
        and noun.text[:1].isupper()
    )


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _words("modal") for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _state_after(noun: Token) -> tuple[str, Token] | None:
    """A state word on or right after the count: "two dead", "30 people wounded"."""
    states = _kinds("state_word")
    links = _words("state_link")
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "appos", "relcl", "acomp", "oprd", "conj") and (
            child.lower_ in states
        ):
            return states[child.lower_], child
    doc = noun.doc
    for offset in (1, 2, 3, 4):
        i = noun.i + offset
        if i >= len(doc) or doc[i].is_sent_start:
            break
        word = doc[i].lower_
        if word in states:
            return states[word], doc[i]
        if word not in links:
            break
    return None


def _classify(number: Token, noun: Token) -> tuple[str, Token | None] | None:
    """(kind, the word that says it) of a count of people, or ``None`` if it is no casualty."""
    lemma = noun.lemma_.lower()
    count_nouns = _kinds("count_noun")
    if noun.i != number.i and lemma in count_nouns:
        return _counted_by_noun(noun, lemma, count_nouns[lemma])
    if noun.i != number.i and not _is_person(noun):
        return None
    state = _state_after(noun)
    if state is not None:
        return state[0], state[1]
    # "wounded dozens of civilians": the vague number, not the noun, carries the relation.
    if noun.i != number.i and noun.dep_ == "pobj" and noun.head.head.i == number.i:
        state = _state_after(number)
        if state is not None:
            return state[0], state[1]
        noun = number
    head = noun.head
    if noun.dep_ == "conj":
        return None  # handled through the first conjunct
    kind = _harm_verb_kind(noun, head)
    if kind is not None:
        return None if _modal(head) or _negated(head) else (kind, head)
    return _stated_or_toll(noun, head)


def _counted_by_noun(noun: Token, lemma: str, kind: str) -> tuple[str, Token | None] | None:
    """ "15 deaths", "claimed 12 lives", "recovered 30 bodies"."""
    if lemma == "life" and noun.head.lemma_ not in ("claim", "lose", "take", "cost"):
        return None
    if lemma == "body" and not any(
        w.lemma_ in ("find", "recover", "discover") for w in (noun.head,)
    ):
        return None
    return kind, noun.head if noun.head.pos_ in ("VERB", "AUX") else noun


def _harm_verb_kind(noun: Token, head: Token) -> str | None:
    """The kind of harm a verb says its victim ``noun`` suffered ("killed two", "two were
    wounded", "a dozen people lost their lives", "three died"), or ``None``."""
    verb = head.lemma_.lower()
    harm_verbs = _kinds("harm_verb")
    if noun.dep_ in ACTED_ON_DEPS and verb in harm_verbs:
        return harm_verbs[verb]
    if (
        noun.dep_ == "nsubj"
        and verb == "lose"
        and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in head.children)
    ):
        return "killed"
    if noun.dep_ == "nsubj" and verb in _words("dying_verb"):
        return "killed"
    return None


def _stated_or_toll(noun: Token, head: Token) -> tuple[str, Token | None] | None:
    """ "five remain missing", "the death toll rose to 15", "a death toll of 15"."""
    if noun.dep_ == "nsubj" and head.lemma_ in ("be", "remain"):
        states = _kinds("state_word")
        for child in head.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in states:
                return states[child.lower_], child
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        tolls = [governor] + [c for c in governor.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if any(t.lemma_.lower() == "toll" for t in tolls):
            return "killed", governor
    if noun.dep_ == "attr" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() == "toll" for c in head.children
    ):
        return "killed", head
    return None


def _country_in(tokens: Iterable[Token]) -> str | None:
    seen: set[int] = set()
    for token in tokens:
        if token.i in seen:
            continue
        if token.ent_type_ in ("NORP", "GPE", "ORG") and token.ent_iob_ in ("B", "I"):
            ent = ent_at(token.doc, token.i)
            if ent is not None:
                seen.update(range(ent.start, ent.end))
                code = country_of(ent.text)
                if code:
                    return code
        elif token.pos_ in ("PROPN", "ADJ") and token.text[:1].isupper():
            code = country_of(token.text)
            if code:
                return code
    return None


def _perpetrator(governor: Token | None, sent: Span, victims: set[int]) -> str | None:
    """The country behind the harm: agent, or subject of the causing clause, or an attack noun."""
    verb = governor
    if verb is not None and (
        verb.lemma_.lower() in _words("dying_verb") or verb.pos_ not in ("VERB", "AUX")
    ):
        verb = None  # "three patients have died": nobody is said to have caused it
    hops = 0
    while verb is not None and hops < 4:
        for child in verb.children:
            if child.dep_ == "agent":
                code = _country_in(list(child.subtree)[:10])
                if code:
                    return code
            if child.dep_ in ("nsubj",) and child.i not in victims:
                subtree = [t for t in child.subtree if t.i not in victims][:10]
                code = _country_in(subtree)
                if code:
                    return code
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl") and verb.head.i != verb.i:
            verb = verb.head
            hops += 1
            continue
        break
    attack_nouns = _words("attack_noun")
    for token in sent:
        if token.lemma_.lower() in attack_nouns and token.pos_ == "NOUN":
            mods = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
            code = _country_in(mods)
            if code:
                return code
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                    code = _country_in(list(prep.subtree)[:8])
                    if code:
                        return code
    return None


def _locations(sent: Span, places: _InText[Place]) -> tuple[Place, ...]:
    """The places of a casualty sentence, the most precise ones first in mind."""
    found: list[Place] = places.within(sent)
    taken = [(p.start, p.end) for p in found]
    sent_ents = span_ents(sent)
    named = [e.text for e in sent_ents if e.label_ in PLACE_ENTS and is_country_name(e.text)]
    hint = country_of(named[0]) if len(named) == 1 else None
    for ent in sent_ents:
        if ent.label_ not in PLACE_ENTS or not _free(taken, ent.start_char, ent.end_char):
            continue
        for start, end, name in _entity_names(sent, ent):
            if not _free(taken, start, end):
                continue
            name = name.removeprefix("the ").strip()
            found.append(geocode_place(name, start, end, hint=hint))
            taken.append((start, end))
    _add_settlements(sent, hint, found, taken)
    return tuple(sorted(_local_first(found), key=lambda p: p.start))


class _InText(Generic[_Item]):
    """Items (places, dates) found by the sentence they start in: by bisection when they are
    in text order, as the dates and places rules make them, so a long article costs no
    quadratic scan; by a plain filter otherwise."""

    def __init__(self, items: Sequence[_Item]) -> None:
        self.items: Sequence[_Item] = items
        starts = [item.start for item in items]
        ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        self.starts: list[int] | None = starts if ordered else None

    def within(self, sent: Span) -> list[_Item]:
        if self.starts is None:
            return [i for i in self.items if sent.start_char <= i.start < sent.end_char]
        lo = bisect.bisect_left(self.starts, sent.start_char)
        hi = bisect.bisect_left(self.starts, sent.end_char)
        return list(self.items[lo:hi])


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _entity_names(sent: Span, ent: Span) -> list[tuple[int, int, str]]:
    """(start, end, name) of a place entity and of the names conjoined with it."""
    out: list[tuple[int, int, str]] = []
    for token in [ent.root, *[c for c in ent.root.conjuncts if c.pos_ == "PROPN"]]:
        if token.i == ent.root.i:
            out.append((ent.start_char, ent.end_char, ent.text))
            continue
        span = ent_at(sent.doc, token.i)
        if span is not None and (span.start < sent.start or span.end > sent.end):
            span = None
        start = span.start_char if span is not None else token.idx
        end = span.end_char if span is not None else token.idx + len(token.text)
        out.append((start, end, span.text if span is not None else token.text))
    return out


def _add_settlements(
    sent: Span, hint: str | None, found: list[Place], taken: list[tuple[int, int]]
) -> None:
    """ "the town of Goris": the small model often tags such names as persons."""
    settlements = _words("settlement_noun")
    for token in sent:
        if (
            token.pos_ == "PROPN"
            and token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and (token.head.head.lemma_.lower() in settlements)
        ):
            for name_tok in [token, *[c for c in token.conjuncts if c.pos_ == "PROPN"]]:
                left = name_tok.left_edge if name_tok.left_edge.pos_ == "PROPN" else name_tok
                start, end = left.idx, name_tok.idx + len(name_tok.text)
                if _free(taken, start, end):
                    name = doc_text(sent.doc)[start:end]
                    found.append(geocode_place(name, start, end, hint=hint))
                    taken.append((start, end))


def _local_first(found: list[Place]) -> list[Place]:
    """A casualty report names the most precise places; the country around them is context."""
    local = [p for p in found if p.kind != "country"]
    if not local:
        return found
    countries = {p.country for p in found if p.kind == "country" and p.country}
    if len(countries) == 1:
        only = next(iter(countries))
        local = [p if p.country else replace(p, country=only) for p in local]
    return local


def _merge(counts: list[_Count]) -> dict[str, tuple[int | None, int | None]]:
    """Bounds per kind; counts joined by "and" under one verb add up, separate ones do not."""
    merged: dict[str, tuple[int | None, int | None]] = {}
    for count in counts:
        low, high = count.bounds.min, count.bounds.max
        if count.kind not in merged:
            merged[count.kind] = (low, high)
            continue
        old_low, old_high = merged[count.kind]
        if count.conj_of is not None:
            merged[count.kind] = (
                (old_low or 0) + (low or 0) if old_low is not None or low is not None else None,
                old_high + high if old_high is not None and high is not None else None,
            )
        else:
            merged[count.kind] = (
                max(x for x in (old_low, low) if x is not None) if (old_low or low) else None,
                max(x for x in (old_high, high) if x is not None) if (old_high or high) else None,
            )
    return merged


def extract_casualties(
    doc: Doc,
    *,
    dates: Sequence[DateMention] = (),
    places: Sequence[Place] = (),
    published: date | None = None,
) -> list[CasualtyMention]:
    """Casualty figures per sentence, with places, perpetrator country and date.

    Args:
        doc: the parsed article.
        dates: resolved date mentions of the article (from the dates rule).
        places: geocoded places of the article, if the places rule ran; names the rule finds
            itself are geocoded offline.
        published: publication date, used when the sentence names no date of its own.

    Returns:
        One mention per sentence that states at least one casualty figure.
    """
    out: list[CasualtyMention] = []
    dates_in, places_in = _InText(dates), _InText(places)
    for sent in doc_sents(doc):
        counts = _sentence_counts(sent)
        if counts:
            out.append(_mention(sent, counts, dates_in, places_in, published))
    return out


def _sentence_counts(sent: Span) -> list[_Count]:
    """The casualty counts of a sentence; a count conjoined with another takes its kind."""
    counts: list[_Count] = []
    used: set[int] = set()
    by_noun: dict[int, _Count] = {}
    tokens = doc_tokens(sent.doc)
    for i in range(sent.start, sent.end):
        if i in used or not _is_count_token(tokens, i):
            continue
        token = tokens.tokens[i]
        qty = _quantity_tokens(token)
        used.update(t.i for t in qty)
        number = _root_of(qty)
        bounds = parse_quantity(" ".join(t.text for t in qty))
        if bounds is None or (bounds.min is None and bounds.max is None):
            continue
        noun = _counted_noun(number)
        if noun.dep_ == "conj" and noun.head.i in by_noun:
            first = by_noun[noun.head.i]
            if _state_after(noun) is None:
                conj_of = noun.head
                counts.append(_Count(first.kind, bounds, qty + [noun], first.governor, conj_of))
                continue
        found = _classify(number, noun)
        if found is None:
            continue
        kind, governor = found
        count = _Count(kind, bounds, qty + ([noun] if noun.i != number.i else []), governor)
        counts.append(count)
        by_noun[noun.i] = count
    return counts


def _mention(
    sent: Span,
    counts: list[_Count],
    dates: _InText[DateMention],
    places: _InText[Place],
    published: date | None,
) -> CasualtyMention:
    """One sentence's counts as a mention, with perpetrator, places and date."""
    merged = _merge(counts)
    victims = {t.i for c in counts for t in c.tokens}
    governor = next((c.governor for c in counts if c.governor is not None), None)
    fields: dict[str, int | None] = {}
    for kind, (low, high) in merged.items():
        fields[f"{kind}_min"] = low
        fields[f"{kind}_max"] = high
    casualties = Casualties(**fields, perpetrator=_perpetrator(governor, sent, victims))
    span_tokens = [t for c in counts for t in c.tokens] + [
        c.governor for c in counts if c.governor is not None
    ]
    start = min(t.idx for t in span_tokens)
    end = max(t.idx + len(t.text) for t in span_tokens)
    when = next((d for d in dates.within(sent) if d.value), None)
    return CasualtyMention(
        text=doc_text(sent.doc)[start:end],
        start=start,
        end=end,
        sentence=(sent.start_char, sent.end_char),
        counts=casualties,
        locations=_locations(sent, places),
        date=when.value if when else (published.isoformat() if published else None),
        date_source="text" if when else ("published" if published else None),
    )


CONFLICT_ROOTS = ("18", "19", "20", "17", "15", "14")


def attach_casualties(
    events: Sequence[Event], casualties: Sequence[CasualtyMention]
) -> list[Event]:
    """Copy each sentence's casualty counts onto the one event they belong to.

    The event must share the sentence; among several, a material-conflict event (CAMEO roots 18,
    19, 20 first) nearest to the figures wins. Figures are attached once, so totals over events
    do not double count.

    Args:
        events: the article's events (unchanged objects are returned as they are).
        casualties: the mentions from :func:`extract_casualties`.

    Returns:
        The events, with ``casualties`` set on those that received figures.
    """
    result = list(events)
    for mention in casualties:
        s_start, s_end = mention.sentence
        candidates = [
            i for i, e in enumerate(result) if e.sentence[0] < s_end and s_start < e.sentence[1]
        ]
        if not candidates:
            continue

        def rank(i: int, mention: CasualtyMention = mention) -> tuple[int, int]:
            event = result[i]
            root = event.root if event.root in CONFLICT_ROOTS else None
            priority = CONFLICT_ROOTS.index(root) if root else len(CONFLICT_ROOTS)
            distance = min(
                abs(event.trigger[0] - mention.start), abs(event.trigger[1] - mention.end)
            )
            return priority, distance

        best = min(candidates, key=rank)
        event = result[best]
        counts = mention.counts
        if event.casualties is not None:
            merged = {
                k: getattr(event.casualties, k)
                if getattr(event.casualties, k) is not None
                else getattr(counts, k)
                for k in Casualties.__slots__
            }
            counts = Casualties(**merged)
        if (
            counts.perpetrator is None
            and event.source is not None
            and event.root
            in (
                "18",
                "19",
                "20",
            )
        ):
            counts = replace(counts, perpetrator=event.source.country)
        result[best] = replace(event, casualties=counts)
    return result
