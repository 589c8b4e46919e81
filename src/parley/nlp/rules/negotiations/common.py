"""Helpers shared by the negotiation rules: countries named in tokens, subjects, who said
the words at an offset."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import ent_at
from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.casualties import country_of
from parley.types import Quote

SENT_END = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")


def _ent_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    return ent_at(token.doc, token.i)


def named_countries(tokens: Iterable[Token], actors: ActorIndex | None = None) -> list[str]:
    """Country codes named in ``tokens``: entities, demonyms, capitals ("the US and Ukraine")."""
    found: list[str] = []
    seen: set[int] = set()
    for token in tokens:
        if token.i in seen:
            continue
        code: str | None = None
        ent = _ent_of(token)
        if ent is not None and ent.label_ in ("GPE", "NORP", "ORG", "LOC"):
            seen.update(range(ent.start, ent.end))
            code = country_of(ent.text)
        elif ent is not None and ent.label_ == "PERSON":
            seen.update(range(ent.start, ent.end))
            record = actors.at(ent.start_char, ent.end_char) if actors is not None else None
            # the small model tags some capitals as persons ("Yerevan would sign")
            code = (record.country if record else None) or country_of(ent.text)
        elif token.pos_ in ("PROPN",) or (token.pos_ == "ADJ" and token.text[:1].isupper()):
            code = country_of(token.text)
        if code and code not in found:
            found.append(code)
    return found


def subject_tokens(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    tokens: list[Token] = []
    for subject in subjects:
        tokens.extend(subject.subtree)
    return tokens


def speaker_of(
    offset: int,
    doc: Doc,
    quotes: Sequence[Quote],
    actors: ActorIndex | None,
    *,
    reported: bool = False,
) -> str | None:
    """Who said the words at ``offset``: the speaker the quote rule gave the quotation there
    (with ``reported``, also the speaker of reported speech: "according to Sybiha, ...").

    The quote and reported-speech rules are the one judge of what was said and by whom; words
    outside anything they found were said by no one in particular.
    """
    found: str | None = None
    for quote in quotes:
        if not quote.start <= offset < quote.end or quote.speaker is None:
            continue
        if quote.kind != "indirect":
            return quote.speaker.name
        if reported and found is None:
            found = quote.speaker.name
    return found


def party_of(tokens: Sequence[Token], actors: ActorIndex | None) -> str | None:
    codes = named_countries(tokens, actors)
    return codes[0] if codes else None
