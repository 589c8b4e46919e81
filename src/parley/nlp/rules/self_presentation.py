"""A subject presenting itself: 'cast himself as a "reform candidate"'.

A verb of public self-presentation with a reflexive object and an "as" phrase ("postured
herself as the 'clean water candidate'", "offered himself as a 'unity' candidate") puts the
subject's own words on the subject: a partial quotation in the "as" phrase is theirs, and the
reflexive object with the "as" phrase is what they said of themselves. Such a verb is a cue only
in that shape (:mod:`characterising`, :mod:`as_frame`).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon

#: Verbs of public self-presentation (self_presentation_verbs.txt).
SELF_PRESENTATION_VERBS = lexicon.word_set("self_presentation_verbs")
#: How a reflexive pronoun ends ("himself", "themselves").
REFLEXIVE_ENDINGS = ("self", "selves")


def presents_itself(verb: Token, marker: Token) -> bool:
    """``verb`` is a verb of self-presentation whose reflexive object stands before the "as"
    ``marker`` that hangs on it ('cast [himself] [as] ...')."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in SELF_PRESENTATION_VERBS
        and marker.lower_ == "as"
        and marker.head.i == verb.i
        and any(c.dep_ == "dobj" and _reflexive(c) and c.i < marker.i for c in verb.children)
    )


def _reflexive(token: Token) -> bool:
    """ "himself", "herself", "themselves": a personal pronoun ending in "self" or "selves"."""
    return token.pos_ == "PRON" and token.lower_.endswith(REFLEXIVE_ENDINGS)
