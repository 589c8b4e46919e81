"""Whose words a possessive pronoun gives: "Lund went on with his remarks".

A noun of saying owned by "his" or "her" that is the object of a verb whose subject names
someone ("Roe ended her speech", "Lee repeated his claim") is, as a reader binds it, the
subject's own: the pronoun stands for the clause's subject, not for whoever was named last
before the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.tree import first_child

_BOUND_POSSESSIVES = frozenset({"his", "her", "their"})


def clause_subject_owning(noun: Token, owner: Token) -> Token | None:
    """The subject of the verb whose object ``noun`` is, when ``owner`` (the noun's
    possessor) is a possessive pronoun and that subject is a name or a noun: the pronoun's
    referent inside its clause. None otherwise."""
    if owner.lower_ not in _BOUND_POSSESSIVES or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subject = first_child(verb, NOMINAL_SUBJECT_DEPS)
    if subject is None or subject.pos_ not in {"PROPN", "NOUN"} or subject.i > noun.i:
        return None
    return subject
