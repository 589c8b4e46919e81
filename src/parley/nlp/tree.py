"""Questions about the parse tree that rules of every stage ask, answered in one place.

"The object of this preposition" was written inline as a generator over ``token.children`` in
about twenty places across the quote, reported-speech, event, amount and negotiation rules; a
rule now names what it wants instead.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token


def first_child(token: Token, deps: Collection[str]) -> Token | None:
    """The leftmost child of ``token`` whose relation is one of ``deps``, or None."""
    return next((c for c in token.children if c.dep_ in deps), None)


def object_of(preposition: Token) -> Token | None:
    """The object of ``preposition`` ("of [the city]", "by [her aide]"), or None when the
    parser gave it none."""
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)
