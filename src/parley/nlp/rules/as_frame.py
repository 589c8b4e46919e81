"""The verb whose "as" frames a partial quotation: 'summed up the rival as "weak"'.

A partial quotation set in an "as" phrase ('described the plan as "a relic"', 'waved off the
leak as having "minor" effects') is the words its subject put on the verb's object, and what
was said is the object with the "as" phrase. The quotation rules may give such a quotation the
cue of another verb of saying in the sentence ('summed up the rival as "weak," and said ...',
'Asked about it, the mayor waved off the leak as "minor"', 'Lee, who described the plan as "a
relic," spoke on Monday'); the clause that cue reports does not hold the quotation. This module
finds the framing verb, which :mod:`partial_clause` then takes as the cue of the clause.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.reported import SPOKEN_PORTRAYAL_VERBS
from parley.nlp.rules.self_presentation import presents_itself
from parley.nlp.rules.speech_cues import SPEECH_VERBS
from parley.types import Quote

#: Verbs that frame their object with "as" as their subject's words.
AS_FRAME_VERBS = lexicon.derived_set(
    "as-frame verbs",
    lambda: (
        SPEECH_VERBS.get()
        | lexicon.word_set("characterising_verbs").get()
        | SPOKEN_PORTRAYAL_VERBS.get()
        | lexicon.word_set("as_frame_verbs").get()
    ),
)
#: How a cue's dependant holds a clause the cue reports: a verb framing a quotation below it is
#: then part of what the cue said ('said he described the plan as "a relic"').
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "oprd"})
#: Dependants of the framing verb before "as" that name what it frames.
_FRAMED_DEPS = frozenset({"dobj", "prep"})
#: How far up from a quotation its "as" may be (the parser may hang the quoted words on "as" as
#: an object, a clause or, for an adjective, a modifier: 'as "weak"').
_MAX_DEPTH = 6


def with_framing_cue(doc: Doc, quote: Quote) -> Quote:
    """``quote`` with the cue of the verb whose "as" frames it, when that is not its cue."""
    if quote.cue_span is None:
        return quote
    cue_words = doc.char_span(*quote.cue_span, alignment_mode="expand")
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if cue_words is None or not len(cue_words) or words is None or not len(words):
        return quote
    verb = framing_verb(cue_words.root, words)
    if verb is None:
        return quote
    return replace(quote, cue=verb.text, cue_span=(verb.idx, verb.idx + len(verb.text)))


def framing_verb(cue: Token, words: Span) -> Token | None:
    """The verb other than ``cue`` whose "as" phrase holds the quotation ``words``, with an
    object before the "as" ("the rival", "to the plan"), when ``cue`` does not report that
    verb's clause; None otherwise."""
    node = words[0]
    for _ in range(_MAX_DEPTH):
        head = node.head
        if head.i == node.i or head.i == cue.i:
            return None
        if head.lower_ == "as" and head.dep_ == "prep":
            verb = head.head
            break
        node = head
    else:
        return None
    if verb.i == cue.i or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() not in AS_FRAME_VERBS.get() and not presents_itself(verb, head):
        return None
    if not any(c.dep_ in _FRAMED_DEPS and verb.i < c.i < head.i for c in verb.children):
        return None  # 'served as "the fixer"': no one is framed
    if _reports(cue, verb):
        return None
    return verb


def _reports(cue: Token, verb: Token) -> bool:
    """Whether ``verb`` lies in a clause ``cue`` reports (so the cue's clause holds it)."""
    node = verb
    while node.head.i != node.i:
        if node.head.i == cue.i:
            return node.dep_ in _REPORTED_DEPS and not _listed_before(node, cue)
        node = node.head
    return False


def _listed_before(clause: Token, cue: Token) -> bool:
    """'Lee summed up the plan as "weak," denounced its cost and said ...': a clause before a
    cue with no subject of its own is the first of a list of what the subject did, which the
    parser hung on the next verb as what it reports."""
    return clause.i < cue.i and not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children)
