"""'The latter' and 'the former' as speakers: the second or the first of the two just named.

A reporter who has just named two people or bodies ('by the port authority and the safety
board, with the latter confirming ...', 'Reed met Pratt. The former said ...') points back to
one of them with "the latter" (the one named last) or "the former" (the one named before it).
The speaker is that actor, found among the actors named before the words, in the same sentence
or the one before: the nearest for "the latter", the one before it for "the former".
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.rules.actors import ActorIndex, ActorRecord

#: Which of the two actors named before each word points back to (0: the nearest).
_POINTERS = {"latter": 0, "former": 1}
#: Kinds of actor the words can point back to.
_SPEAKING_KINDS = frozenset({"person", "organization", "group"})


def pointer_word(who: Token) -> Token | None:
    """The "latter" / "former" of 'the latter' naming the speaker: ``who`` itself, or the
    word it modifies when the parser took the phrase apart ('the latter yesterday')."""
    for tok in (who, *who.children):
        if tok.lower_ in _POINTERS and (tok.i == who.i or tok.dep_ == "amod"):
            before = tok.doc[tok.i - 1] if tok.i > 0 else None
            if before is not None and before.lower_ == "the" and _stands_alone(tok):
                return tok
    return None


def _stands_alone(word: Token) -> bool:
    """ "the latter" as a phrase of its own, perhaps with a word of time after it ('the latter
    yesterday confirming'); not "the former president", where "former" is an adjective."""
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if nxt is None or nxt.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return True
    return nxt.ent_type_ in {"DATE", "TIME"}


def pointer_before(cue: Token) -> Token | None:
    """The "latter" / "former" of 'the latter' set right before a verb of saying, perhaps
    with a word of time between ('the latter on Monday saying'), however the parser
    hung the phrase."""
    doc = cue.doc
    i = cue.i - 1
    if i >= 0 and (doc[i].pos_ == "ADV" or doc[i].ent_type_ in {"DATE", "TIME"}):
        i -= 1
    if i < 1 or doc[i].lower_ not in _POINTERS or doc[i - 1].lower_ != "the":
        return None
    return doc[i]


def pointed_actor(word: Token, actors: ActorIndex) -> tuple[Token, ActorRecord] | None:
    """The actor "the latter" / "the former" at ``word`` points back to, with a word naming
    it: the distinct actors named before it in its sentence and the one before, nearest
    first, and of those the first ("latter") or the second ("former")."""
    doc = word.doc
    sent = word.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    own = actors.at(word.idx, word.idx + len(word.text))
    found: list[tuple[Token, ActorRecord]] = []
    for tok in reversed(doc[start : word.i - 1]):
        record = actors.at(tok.idx, tok.idx + len(tok.text))
        if record is None or record is own or record.kind not in _SPEAKING_KINDS:
            continue
        if any(record is r for _, r in found):
            continue
        found.append((tok, record))
        if len(found) > _POINTERS[word.lower_]:
            return found[_POINTERS[word.lower_]]
    return None
