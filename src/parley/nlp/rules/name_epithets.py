"""A quoted word set before a name as its epithet: 'said the "reckless" Pratt had erred'.

Reporters often lift a word someone used about a person and set it, in quotation marks, in
front of that person's name ('the "dishonest" Pratt', 'a "lazy" and "rude" Reed'). The word
describes the one named; it is not theirs. So the name it modifies cannot be the speaker of
the quotation, even when that name is the subject of a verb of saying ('the "dishonest"
Pratt criticised voters'): the speaker is whoever reports the description, if anyone.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from parley.quotemarks import MarkedSpan

#: The most words a quoted epithet has ("phony", "do-nothing", "so-called expert").
MAX_EPITHET_WORDS = 3
#: Parts of speech that may stand between an epithet and the name it modifies, or right before
#: the epithet ('the "phony" and "nasty" Reed', 'his "reckless" Pratt'); no mark of punctuation
#: stands between them outside the quoted words.
_BETWEEN_POS = frozenset({"ADJ", "ADV", "CCONJ"})
_BEFORE_POS = frozenset({"DET", "ADJ", "CCONJ", "PUNCT", "PRON"})
#: Marks that end a phrase rather than join its modifiers.
_CLOSED_PUNCT = frozenset({":", ";", "(", ")", "."})


def is_epithet_of(who: Token, span: MarkedSpan, text: str, in_quote: Callable[[int], bool]) -> bool:
    """Whether the quotation ``span`` is a short quoted modifier set before the name whose
    head is ``who``, in the same noun phrase: its words end in no mark, only modifiers,
    conjunctions and other quoted words lie between its closing mark and the name, and a
    determiner, adjective, possessive, conjunction or comma lies right before its opening
    mark."""
    words = text[span.start : span.end].strip()
    if span.close_at is None or len(words.split()) > MAX_EPITHET_WORDS:
        return False
    if not words or not words[-1].isalnum():
        return False  # '"Great job," Pratt said': a closed saying, not a modifier
    doc = who.doc
    first = who
    while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN":
        first = doc[first.i - 1]
    after = span.close_at + span.width
    if not after <= first.idx or "\n" in text[after : first.idx]:
        return False
    if first.pos_ != "PROPN" and who.pos_ != "PROPN":
        return False
    sent = who.sent
    between = [t for t in sent if after <= t.idx < first.idx]
    if len(between) > 8:
        return False
    for t in between:
        if t.is_quote or in_quote(t.idx):
            continue
        if t.pos_ not in _BETWEEN_POS or t.pos_ == "PUNCT":
            return False
    before = [t for t in sent if t.idx + len(t.text) <= span.open_at]
    if not before:
        return False
    prev = before[-1]
    if prev.pos_ == "PRON":
        return prev.tag_ == "PRP$"
    return prev.pos_ in _BEFORE_POS and prev.text not in _CLOSED_PUNCT and not prev.is_quote
