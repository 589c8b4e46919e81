"""Unnamed officials of an organisation the article has named: "agency officials said".

A report that names an organisation ("the Dover Food Agency confirmed ...") and then gives its
words to "agency officials" uses the common noun to refer back to that organisation: the
officials speak for it, and the organisation is the best name the article gives the speaker
(see FORMAT.md: the organisation that said it, named most fully). The common noun must fit
one organisation named before, by its head word ("agency" for "Dover Food Agency"); a generic
word for a body ("government officials") is left alone, and so is a lone spokesperson ("an
agency spokesman" is a person, described).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Span, Token

from parley import lexicon
from parley.nlp.rules.actors import ActorRecord

#: Head words of organisations ("agency", "ministry") that can stand for one named before.
_BODY_WORDS = lexicon.word_set("org_words")
#: Body words too general to point back at one named organisation ("government officials"
#: are any government's) or that name no body of officials.
_GENERIC_BODIES = frozenset({"government", "administration", "group", "news", "air", "co"})


class _Descriptions(Protocol):
    def resolve_description(self, text: str, before: int) -> ActorRecord | None: ...


def officials_body(phrase: Span, actors: _Descriptions) -> ActorRecord | None:
    """The organisation whose officials ``phrase`` names ("agency officials", "the ministry
    officials"), when its body word fits one organisation the
    article named before; None for any other phrase."""
    root = phrase.root
    if root.lemma_.lower() != "official" or root.tag_ != "NNS":
        return None
    body = _body_word(root, phrase)
    if body is None:
        return None
    record = actors.resolve_description(f"the {body.lower_}", phrase.start_char)
    if record is None or record.kind != "organization":
        return None
    return record


def _body_word(root: Token, phrase: Span) -> Token | None:
    """The body word of "agency officials", "the ministry officials": the only word before
    the noun besides "the"."""
    lefts = [t for t in phrase if t.i < root.i]
    if lefts and lefts[0].lower_ == "the":
        lefts = lefts[1:]
    if len(lefts) == 1 and lefts[0].dep_ == "compound":
        return _body(lefts[0])
    return None


def _body(word: Token) -> Token | None:
    lower = word.lower_
    if word.pos_ != "NOUN" or lower not in _BODY_WORDS or lower in _GENERIC_BODIES:
        return None
    return word
