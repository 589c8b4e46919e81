"""Each party's conditions and demands, one item per conjunct (ultimatums are in
:mod:`.ultimatums`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.negotiations import vocab
from parley.nlp.rules.negotiations.common import (
    named_countries,
    party_of,
    speaker_of,
    subject_tokens,
)
from parley.nlp.rules.negotiations.ultimatums import find_ultimatums
from parley.nlp.tokens import doc_tokens
from parley.nlp.tree import object_of
from parley.types import Condition, DateMention, Quote


def _item_text(noun: Token) -> tuple[str, list[Token]]:
    """One list item: the noun with its modifiers, without its conjuncts, article and beneficiary.

    Returns the item text and the tokens of a dropped "for <country>" beneficiary.
    """
    drop: set[int] = set()
    beneficiary: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("conj", "cc", "appos") or (child.dep_ == "punct"):
            drop.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "for":
            sub = list(child.subtree)
            if named_countries(sub):
                beneficiary.extend(sub)
                drop.update(t.i for t in sub)
    tokens = [t for t in noun.subtree if t.i not in drop]
    while tokens and (tokens[0].dep_ in ("det", "punct", "cc", "preconj") or tokens[0].is_quote):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if not tokens:
        return noun.text, beneficiary
    text = doc_text(noun.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return text.strip(' ,"“”‘’'), beneficiary


_LIST_END = re.compile(
    r"[;:—–]|\s(?:as part of|while|but|which|who|whose|where|before|after|in exchange|if|unless|"
    r"so that|in order|according|saying|said|amid|because)\b|,\s*(?:who|which|whose|where|while|"
    r"but|saying|said|according|as)\b|[.!?](?:\s|$)"
)


_NP_START = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}


def _text_items(first: Token) -> tuple[list[str], list[Token]] | None:
    """Items of a comma list read from the text ("A, B, and C for Ukraine").

    The small parser often hangs the second item on the wrong head; commas are steadier. Used
    only when the list has a comma before the clause ends; each chunk must start like a noun
    phrase.
    """
    doc = first.doc
    sent = first.sent
    start = first.left_edge.idx if first.left_edge.i >= sent.start else first.idx
    rest = doc_text(doc)[start : sent.end_char]
    cut = _LIST_END.search(rest)
    rest = rest[: cut.start()] if cut else rest
    if "," not in rest:
        return None
    chunks = [c.strip() for c in rest.split(",")]
    last = chunks.pop()
    tail = re.split(r"^(?:and|or)\s+|\s+(?:and|or)\s+", last, maxsplit=1)
    chunks.extend(t for t in tail if t)
    items: list[str] = []
    beneficiaries: list[Token] = []
    offset = start
    for chunk in chunks:
        chunk = re.sub(r"^(?:and|or)\s+", "", chunk).strip(' "“”‘’')
        if not chunk:
            continue
        at = doc_text(doc).find(chunk, offset)
        span = doc.char_span(at, at + len(chunk), alignment_mode="expand") if at >= 0 else None
        if span is None or span[0].pos_ not in _NP_START:
            return None
        offset = at + len(chunk)
        tokens = list(span)
        while tokens and (tokens[0].dep_ in ("det", "cc", "preconj") or tokens[0].is_punct):
            tokens.pop(0)
        # "security guarantees for Ukraine": the beneficiary is the party, not part of the item
        for i, token in enumerate(tokens):
            if token.lower_ == "for" and i > 0 and named_countries(tokens[i + 1 :]):
                beneficiaries.extend(tokens[i + 1 :])
                tokens = tokens[:i]
                break
        if tokens:
            end = tokens[-1].idx + len(tokens[-1].text)
            text = doc_text(doc)[tokens[0].idx : end].strip(' ,"“”‘’')
            if text and text not in items:
                items.append(text)
    return (items, beneficiaries) if len(items) >= 2 else None


def _list_items(first: Token) -> tuple[list[str], list[Token]]:
    by_text = _text_items(first)
    if by_text is not None:
        return by_text
    items: list[str] = []
    beneficiaries: list[Token] = []
    for noun in [first, *first.conjuncts]:
        if noun.i < first.i:
            continue
        text, beneficiary = _item_text(noun)
        if text and text not in items:
            items.append(text)
        beneficiaries.extend(beneficiary)
    return items, beneficiaries


def _according_to(sent: Span, actors: ActorIndex | None) -> str | None:
    for token in sent:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].lower_ == "to"
        ):
            return party_of(list(token.subtree), actors)
    return None


def _conditions_from_nouns(
    doc: Doc, actors: ActorIndex | None, quotes: Sequence[Quote]
) -> list[Condition]:
    out: list[Condition] = []
    nouns = vocab.mapping("condition_noun")
    tokens = doc_tokens(doc)
    for i, lemma in enumerate(tokens.lemma):
        kind = nouns.get(lemma.lower())
        if kind is None or tokens.pos[i] != "NOUN":
            continue
        token = tokens.tokens[i]
        if token.lemma_.lower() == "term" and token.lower_ != "terms":
            continue
        first = _first_listed(token)
        if first is None:
            continue
        if not _about_negotiation(token.sent):
            continue
        items, beneficiaries = _list_items(first)
        if not items:
            continue
        party = _noun_condition_party(token, beneficiaries, actors)
        end_tok = max([first, *first.conjuncts], key=lambda t: t.i).right_edge
        out.append(
            Condition(
                party=party,
                kind=kind,
                items=tuple(items),
                start=token.idx,
                end=end_tok.idx + len(end_tok.text),
                said_by=speaker_of(token.idx, doc, quotes, actors, reported=True),
            )
        )
    return out


def _first_listed(token: Token) -> Token | None:
    """The first item listed for the condition noun ``token``, if the parse gives one."""
    # "conditions ..., including A, B and C" (the cue may hang anywhere in the noun's phrase)
    cues = vocab.words("list_cue")
    for t in token.subtree:
        if t.lower_ in cues and t.i > token.i:
            obj = next((c for c in t.children if c.dep_ in ("pobj", "dobj")), None)
            if obj is None and t.lower_ == "such":
                nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
                obj = object_of(nxt) if nxt is not None else None
            if obj is not None:
                return obj
    # "the conditions are A and B" / "the conditions include A and B"
    if token.dep_ == "nsubj" and token.head.lemma_ in ("be", "include"):
        return next((c for c in token.head.children if c.dep_ in ("attr", "dobj")), None)
    return None


def _noun_condition_party(
    token: Token, beneficiaries: list[Token], actors: ActorIndex | None
) -> str | None:
    """Whose conditions: the beneficiary, the noun's owner, the verb's subject, "according to"."""
    party = party_of(beneficiaries, actors)
    verb = token.head if token.head.pos_ in ("VERB", "AUX") else None
    if party is None:
        # "Ukraine's conditions", "Russian conditions"
        party = party_of(
            [c for c in token.children if c.dep_ in ("poss", "amod", "compound")], actors
        )
    if party is None and verb is not None:
        party = party_of(subject_tokens(verb), actors)
    if party is None:
        party = _according_to(token.sent, actors)
    return party


def _conditions_from_verbs(
    doc: Doc, actors: ActorIndex | None, quotes: Sequence[Quote]
) -> list[Condition]:
    out: list[Condition] = []
    verbs = vocab.mapping("demand_verb")
    tokens = doc_tokens(doc)
    for i, lemma in enumerate(tokens.lemma):
        lemma = lemma.lower()
        kind = verbs.get(lemma)
        if kind is None or tokens.pos[i] != "VERB":
            continue
        verb = tokens.tokens[i]
        obj = _demanded(verb, lemma)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("PERSON", "GPE"):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        party = _demanding_party(verb, actors)
        if party is None:
            continue
        if not _about_negotiation(verb.sent):
            continue
        items, _ = _list_items(obj)
        if not items:
            continue
        end_tok = max([obj, *obj.conjuncts], key=lambda t: t.i).right_edge
        out.append(
            Condition(
                party=party,
                kind=kind,
                items=tuple(items),
                start=verb.idx,
                end=end_tok.idx + len(end_tok.text),
                said_by=speaker_of(verb.idx, doc, quotes, actors, reported=True)
                or _person_subject(verb, actors),
            )
        )
    return out


def _person_subject(verb: Token, actors: ActorIndex | None) -> str | None:
    """The person who demands, when the demand verb's subject is one ("Sybiha insisted on")."""
    if actors is None:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.ent_type_ == "PERSON":
            record = actors.at(subject.idx, subject.idx + len(subject.text))
            if record is not None and record.kind == "person":
                return record.name
    return None


def _demanded(verb: Token, lemma: str) -> Token | None:
    """What a demand verb asks for: its object, or "insist on / call for / press for" X."""
    obj: Token | None = None
    for child in verb.children:
        if child.dep_ == "dobj" and lemma not in ("call", "insist"):
            obj = child
        elif child.dep_ == "prep" and (
            (lemma == "insist" and child.lower_ == "on")
            or (lemma == "call" and child.lower_ == "for")
            or (lemma == "condition" and child.lower_ == "on")
            or (lemma == "press" and child.lower_ == "for")
        ):
            obj = object_of(child)
        if obj is not None:
            break
    return obj


def _demanding_party(verb: Token, actors: ActorIndex | None) -> str | None:
    """The country or government that demands ("Kyiv has insisted ..."), or ``None``."""
    subjects = subject_tokens(verb)
    node = verb
    while not subjects and node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
        subjects = subject_tokens(node)
    party = party_of(subjects, actors)
    if party is None:
        return None
    # the subject must be the party itself ("Kyiv", "the government"), not a thing of it
    # ("the Puerto Rican constitution requires ...")
    head = next((t for t in subjects if t.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if (
        head is not None
        and head.pos_ != "PROPN"
        and head.lemma_.lower() not in vocab.words("party_noun")
    ):
        return None
    return party


def _about_negotiation(sent: Span) -> bool:
    words = vocab.words("negotiation_word")
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def extract_conditions(
    doc: Doc,
    actors: ActorIndex | None = None,
    *,
    quotes: Sequence[Quote] = (),
    dates: Sequence[DateMention] = (),
) -> list[Condition]:
    """Each party's conditions and demands (one item per conjunct) and ultimatums.

    Args:
        doc: the parsed article.
        actors: the article's actors (countries of speakers and named parties).
        quotes: quotes with speakers (``said_by`` of conditions voiced in a quote).
        dates: resolved date mentions (a deadline's date).

    Returns:
        Conditions, demands and ultimatums in text order.
    """
    found = [
        *_conditions_from_nouns(doc, actors, quotes),
        *_conditions_from_verbs(doc, actors, quotes),
        *find_ultimatums(doc, actors, quotes, dates),
    ]
    return _without_repeats(sorted(found, key=lambda c: (c.start, c.end)))


def _normal(item: str) -> str:
    """An item's content for comparison: lower case, no articles, punctuation or plural -s
    ("the security guarantees" and "security guarantee" are one item)."""
    words = re.findall(r"[^\W_]+", item.lower())
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _ARTICLES
    )


_ARTICLES = frozenset({"a", "an", "the"})


def _without_repeats(found: list[Condition]) -> list[Condition]:
    """Each item once per party: an item a party's earlier condition or demand already holds
    is dropped from a later one ("Kyiv has insisted on security guarantees" after "conditions
    ... including security guarantees for Ukraine"), and a condition left with no item goes.
    Ultimatums are kept apart (the same demand under a deadline is news of its own)."""
    seen: dict[tuple[str | None, bool], set[str]] = {}
    unique: list[Condition] = []
    for condition in found:
        key = (condition.party, condition.kind == "ultimatum")
        known = seen.setdefault(key, set())
        items = tuple(i for i in condition.items if _normal(i) not in known)
        if condition.items and not items:
            continue
        known.update(_normal(i) for i in items)
        unique.append(replace(condition, items=items) if items != condition.items else condition)
    return unique
