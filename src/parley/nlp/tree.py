"""Questions about the parse tree that rules of every stage ask, answered in one place.

"The object of this preposition" was written inline as a generator over ``token.children`` in
about twenty places across the quote, reported-speech, event, amount and negotiation rules; a
rule now names what it wants instead. So with "is this verb passive" and "what is its passive
subject", which the quotation, speaker, event and negotiation rules all ask.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from parley.nlp.deps import AUXILIARY_DEPS, PASSIVE_DEPS


def first_child(token: Token, deps: Collection[str]) -> Token | None:
    """The leftmost child of ``token`` whose relation is one of ``deps``, or None."""
    return next((c for c in token.children if c.dep_ in deps), None)


def object_of(preposition: Token) -> Token | None:
    """The object of ``preposition`` ("of [the city]", "by [her aide]"), or None when the
    parser gave it none."""
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries of ``verb``, active and passive, left to right ("[has] [been] signed")."""
    return [c for c in verb.children if c.dep_ in AUXILIARY_DEPS]


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive by its own marks: a passive subject or a passive auxiliary
    ("the deal was signed", "was signed on Monday"). A participle that modifies a noun ("the
    deal signed on Monday") is not: see ``is_reduced_passive``."""
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def has_passive_auxiliary(verb: Token) -> bool:
    """Whether ``verb`` has a passive auxiliary ("[was] signed"), whatever its subject."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def passive_subject(verb: Token) -> Token | None:
    """The nominal subject of passive ``verb`` ("[the deal] was signed"), or None."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def is_reduced_passive(token: Token) -> bool:
    """Whether ``token`` is a past participle that modifies a noun, a passive without
    auxiliary or subject ("a strain [found] in ducks", "a concept [called] ...")."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def aside_verb(subject: Token) -> Token | None:
    """The verb of a saying clause set inside the sentence it reports, when ``subject``'s phrase
    is its subject and runs straight into it: "Lind, a top aide said, 'is very confident'",
    the parser hanging the verb on the reported sentence's verb after it (which has no subject
    of its own) and a comma after it. Such a phrase is no apposition to the name before it."""
    doc = subject.doc
    at = subject.right_edge.i + 1
    if at + 1 >= len(doc) or doc[at + 1].text != ",":
        return None
    verb = doc[at]
    head = verb.head
    if verb.pos_ != "VERB" or verb.dep_ != "parataxis" or head.i <= at:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in head.children):
        return None
    return verb
