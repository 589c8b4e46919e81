"""The words that name a speaker: the noun phrase a speaker token heads, and its span.

:func:`mention_span` gives a pronoun alone or the noun phrase without its relative clauses and
appositions ("the Deputy Minister", "a UN spokesperson"); :func:`speaker_mention` prefers the
relative pronoun that stands for the speaker at the cue ("Peskov, who said").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS, NOUN_PHRASE_DEPS
from parley.nlp.rules.speech_cues import NP_PREPOSITIONS, PRONOUNS, in_capitals


def mention_span(token: Token) -> tuple[int, int]:
    """``(start, end)`` of the words naming the speaker whose head is ``token``: a pronoun
    alone, else the noun phrase ("the Deputy Minister", "a UN spokesperson", "the ministry's
    statement")."""
    if token.lower_ in PRONOUNS or token.pos_ == "PRON":
        return token.idx, token.idx + len(token.text)
    phrase = noun_phrase(token)
    return phrase.start_char, phrase.end_char


def speaker_mention(cue: Token, who: Token) -> tuple[int, int]:
    """The words nearest ``cue`` that name its speaker ``who``: "Peskov, who said" gives
    "who", the pronoun that stands for Peskov at the cue, and so does "Ryan, who surprised
    Trump by declaring ..." (the relative clause the cue hangs in); otherwise
    :func:`mention_span`."""
    node = cue
    if any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in cue.children
    ):
        return mention_span(who)  # "the maps, which she says show ...": "she", not "which"
    for _ in range(5):
        for child in node.children:
            if (
                child.dep_ in NOMINAL_SUBJECT_DEPS
                and child.lower_ in RELATIVE_PRONOUNS
                and child.i != who.i
                and (node is cue or (node.dep_ == "relcl" and node.head.i == who.i))
            ):
                return child.idx, child.idx + len(child.text)
        if node.i == who.i or node.head.i == node.i or node.head.i == who.i:
            break
        node = node.head
    return mention_span(who)


#: Relative pronouns that stand, as a clause's subject, for the noun the clause modifies.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def named_in_a_clause(tok: Token, root: Token) -> bool:
    """Whether a name inside the phrase headed by ``root`` stands in a clause that modifies it
    ("Many of the leaders who back Ben Carson said"): the phrase names the leaders, not
    Carson."""
    node = tok
    for _ in range(12):
        if node.i == root.i or node.head.i == node.i:
            return False
        if node.dep_ in {"relcl", "acl"}:
            return True
        node = node.head
    return False


def noun_phrase(token: Token) -> Span:
    """The noun phrase headed by ``token``, without relative clauses, appositions or commas."""
    doc = token.doc
    keep = NOUN_PHRASE_DEPS
    left, right = token.i, token.i
    for child in token.lefts:
        if child.dep_ in keep and child.dep_ != "punct":
            left = min(left, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in {"compound", "flat"} or (
            child.dep_ == "prep" and child.lower_ in NP_PREPOSITIONS
        ):
            right = max(right, _edge_before_clause(child))
    right = _capitals_after_bare_preposition(doc, right)
    span = doc[left : right + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) > 1 and (
        span[0].is_punct or span[0].is_space or span[0].tag_ == "VB" and span[0].is_lower
    ):
        span = span[1:]  # "... for sport and weather Sam Ruiz": the title's last word is no name's
    return span


def _capitals_after_bare_preposition(doc: Doc, right: int) -> int:
    """Where a phrase ends when its last word is a preposition left with no object because the
    parser read the organisation after it as a relative pronoun ("a spokesperson for WHO said":
    "WHO" taken for "who"): the name in capitals belongs to the phrase."""
    last = doc[right]
    if last.dep_ != "prep" or any(True for _ in last.children) or right + 1 >= len(doc):
        return right
    return right + 1 if in_capitals(doc[right + 1].text) else right


def _edge_before_clause(token: Token) -> int:
    """The last word of ``token``'s subtree that stands before a clause naming someone that
    modifies a noun in it: "of the workers who voted for Lind" ends at "workers" (the
    phrase names the workers, not Lind); a clause naming no one stays ("the part of the order
    that was not overturned")."""
    clause = next(
        (
            t
            for t in token.subtree
            if t.dep_ in {"relcl", "acl"}
            and t.i > token.i
            and any(w.pos_ == "PROPN" for w in t.subtree)
        ),
        None,
    )
    if clause is None:
        return token.right_edge.i
    end = clause.left_edge.i - 1
    while end > token.i and (token.doc[end].is_punct or token.doc[end].is_space):
        end -= 1
    return max(end, token.i)
