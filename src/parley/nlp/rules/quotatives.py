"""Colloquial quotatives: "she's like, '...'", "I was like: '...'", "people went like '...'".

Spoken English, and the interviews and first-hand accounts that keep it, introduce what
someone said (or thought) with "be like" or "go like", and sometimes "be all" ('he was all,
"..."'): the subject of "be" or "go" speaks the quotation set right after. Only that shape is
a cue: "like" (or "all") right after the verb, then at most a comma or a colon, then the
opening mark. "It's like journaling", "it looks like a test", "felt like a good cover" compare
and quote no one; nor does a subject that names no speaker (the "it" of "it's like 'a war
zone'", a comparison with a phrase in marks; "nobody was like '...'").
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.quotemarks import Intervals

#: The verbs whose subject a following "like" makes a speaker, and the word after each.
_QUOTATIVE_WORDS = {"be": frozenset({"like", "all"}), "go": frozenset({"like"})}
#: Subjects of a quotative that name no speaker: "it's like", "nobody was like".
_NO_SPEAKER = lexicon.word_set("quotative_non_speakers")


def quotative_tail(verb: Token) -> Token | None:
    """The "like" (or "all") right after a "be" or "go" (the words a quotative cue is written
    with), whatever follows it."""
    words = _QUOTATIVE_WORDS.get(verb.lemma_.lower())
    doc = verb.doc
    if words is None or verb.pos_ not in {"AUX", "VERB"} or verb.i + 1 >= len(doc):
        return None
    like = doc[verb.i + 1]
    return like if like.lower_ in words else None


def quotative_word(verb: Token, quoted: Intervals) -> Token | None:
    """The "like" (or "all") that makes ``verb`` a quotative introducing a quotation right
    after it, else None."""
    like = quotative_tail(verb)
    doc = verb.doc
    if like is None or like.idx in quoted or verb.i + 2 >= len(doc):
        return None
    mark = doc[verb.i + 2]
    if mark.text in {",", ":"} and verb.i + 3 < len(doc):
        mark = doc[verb.i + 3]
    if not mark.is_quote or mark.idx not in quoted:
        return None  # "like" stands outside the marks, so a quoted mark after it opens
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in _NO_SPEAKER or _no_one(subject):
        return None
    return like


def _no_one(subject: Token) -> bool:
    """ "no one", "no parent": a subject that denies anyone said it."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
