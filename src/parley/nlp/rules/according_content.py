"""What an "according to" phrase stands for: "X rose in 2005, according to census data".

The phrase stands for the clause it is set in, without itself, up to a semicolon between two
clauses; set behind what it stands for, it does not reach over a clause with a subject of its
own set against it by "but", nor over another's act of saying. Read by
:mod:`parley.nlp.rules.reported`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.nlp.deps import FINITE_SUBJECT_DEPS, REPORTED_CLAUSE_DEPS
from parley.nlp.rules.reported_content import content_span
from parley.nlp.rules.speech_cues import REPORTING_VERBS, SAYING_VERBS
from parley.nlp.tokens import mended_lemma

#: Parts of speech of words that only link a clause to what comes before it.
LINKING_POS = frozenset({"ADV", "CCONJ", "SCONJ", "INTJ", "PART"})

#: Conjunctions after which a clause set against a sourced one is the writer's ("..., according
#: to the police, but the man was found dead").
CONTRASTING_CC = frozenset({"but", "yet"})


def according_content(doc: Doc, token: Token) -> Span | None:
    """ "X rose in 2005, according to census data": the clause the source stands for."""
    clause = token.head
    if clause.pos_ not in {"VERB", "AUX"}:
        return None
    if clause.lemma_.lower() in REPORTING_VERBS and any(
        c.dep_ in REPORTED_CLAUSE_DEPS for c in clause.children
    ):
        return None  # "X told the meeting that ..., according to a statement": X's words
    # "He added a clause to the bill, according to aides": a verb of saying that reports no
    # clause is an act, which the source stands for.
    # "X rose in 2005 but declined in 2014, according to census data": a trailing
    # source stands for the whole coordination, not its last clause.
    end = len(doc)
    while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"} and token.i > clause.i:
        clause, end = clause.head, token.left_edge.i
    # "..., according to census data.": a trailing source is no part of what it stands for
    # (nor the full stop after it); one set inside the clause stays between its two parts.
    lo, hi = token.left_edge.i, token.right_edge.i
    words = [t for t in clause.subtree if t.i < end and not lo <= t.i <= hi]
    words = _within_source_reach(clause, words, lo, hi)
    if not any(t.i > hi and not (t.is_punct or t.is_space) for t in words):
        words = [t for t in words if t.i < lo]
    elif all(t.is_punct or t.is_space or t.pos_ in LINKING_POS for t in words if t.i < lo) and any(
        c.dep_ in FINITE_SUBJECT_DEPS and c.i > hi for c in clause.children
    ):
        # '..." \n\nAccording to X, A died': a mark the parser hung on the clause from the
        # paragraph before, or a word linking it to what came before ("when, according to
        # X, ..."), is no part of it; the clause starts after the phrase (when its subject is
        # not one the parser took into the phrase)
        words = [t for t in words if t.i > hi]
    return content_span(doc, words)


def _within_source_reach(clause: Token, words: list[Token], lo: int, hi: int) -> list[Token]:
    """The words of ``clause`` an "according to" phrase (tokens ``lo`` to ``hi``) set inside it
    stands for: a semicolon between two clauses ends the sentence it belongs to ("A rose;
    according to X, B fell" gives "B fell"; "A rose, according to X; B fell" gives "A rose"),
    and a source set behind what it stands for does not reach past :func:`_set_apart`."""
    doc = clause.doc
    stops = _clause_semicolons(doc[lo].sent)
    first = max((i for i in stops if i < lo), default=-1)
    last = min((i for i in stops if i > hi), default=len(doc))
    if last < len(doc) and not any(first < t.i < last and not t.is_punct for t in words):
        # "A rose, according to X; B fell", the phrase hung on "fell": it stands for "A rose"
        return list(doc[max(first + 1, doc[lo].sent.start) : lo])
    if clause.i < lo:
        last = min([last, *(_set_apart(clause, conj, hi) for conj in clause.children)])
    return [t for t in words if first < t.i < last]


def _set_apart(clause: Token, conj: Token, hi: int) -> int:
    """Where a clause coordinated right after an "according to" phrase (ending at token ``hi``)
    starts, when it is no part of what the phrase stands for: one with a subject of its own set
    against the sourced clause by "but" ("Ten were hurt, according to the police, but the pier
    stayed open"), or another's act of saying ("..., and the mayor said ..."); else the end of
    the document."""
    doc = clause.doc
    if conj.dep_ != "conj" or conj.i < hi:
        return len(doc)
    cc = [c for c in clause.children if c.dep_ == "cc" and hi < c.i < conj.i]
    opener = cc[-1].i if cc else conj.left_edge.i
    if not all(t.is_punct for t in doc[hi + 1 : opener]):
        return len(doc)  # not right after the phrase
    said = mended_lemma(conj).lower() in SAYING_VERBS
    if said and any(c.dep_ == "nsubj" for c in conj.children):
        return opener
    contrast = bool(cc) and cc[-1].lower_ in CONTRASTING_CC
    if contrast and any(c.dep_ in FINITE_SUBJECT_DEPS for c in conj.children):
        return opener
    return len(doc)


def _clause_semicolons(sent: Span) -> list[int]:
    """The semicolons of ``sent`` that stand between two clauses, not between the items of a
    series ("X was paid $5; Y was paid $9; and Z ...", "with Lee; Rep. Ann Roe, R-Fla.; ...")."""
    stops = [t.i for t in sent if t.text == ";"]
    doc = sent.doc
    if any(i + 1 < sent.end and doc[i + 1].pos_ == "CCONJ" for i in stops):
        return []
    bounds = [sent.start - 1, *stops, sent.end]
    # "...; at least 500 deaths linked to it by May": a verb, with tense or without
    verbal = [
        any(t.pos_ in {"VERB", "AUX"} for t in doc[a + 1 : b])
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]
    return [i for n, i in enumerate(stops) if verbal[n] and verbal[n + 1]]
