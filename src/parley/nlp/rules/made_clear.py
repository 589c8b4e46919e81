"""Words made plain: "she made it clear that she would not run", "the memo makes clear the deal
is off", "making it plain that ...".

"Make clear" reports what its subject said or wrote as surely as "said" does, but the parser
gives the clause to the adjective ("clear" as the complement of "make", with the clause hung
on it) rather than to a verb of saying, so the reported-speech rules, which start from a
reporting verb, never reach it. Here the adjective is the cue, "make" the verb whose subject
speaks, and the finite clause after the adjective the content. "It is clear that ...", with no
one making anything clear, is the writer's own judgement and reports nothing.
Read by :mod:`parley.nlp.rules.reported`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.nlp.rules.reported_clauses import clause_tokens, finite_clause
from parley.nlp.rules.reported_content import content_span

#: Adjectives that, as the complement of "make", report what is made known: "made it clear".
PLAIN_WORDS = frozenset({"clear", "plain"})
#: Dependencies the parser gives the clause of "made it clear that ...", on the adjective or on
#: "make" itself.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "csubj"})


def made_plain(adjective: Token) -> bool:
    """Whether ``adjective`` is "clear" or "plain" complementing a form of "make"."""
    head = adjective.head
    return (
        adjective.lower_ in PLAIN_WORDS
        and adjective.dep_ in {"ccomp", "oprd", "acomp", "xcomp"}
        and head.pos_ == "VERB"
        and head.lemma_.lower() == "make"
        and not any(_unsaid(c) for c in head.children)
    )


def _unsaid(child: Token) -> bool:
    """A mark of "make" that no one here makes anything clear: a passive ("the cost was
    made clear to us") or an infinitive ("her task is to make clear ..."), whose subject, if
    the parser finds one, is not who spoke."""
    return child.dep_ == "auxpass" or (child.dep_ == "aux" and child.lower_ == "to")


def made_clear_content(doc: Doc, adjective: Token) -> Span | None:
    """The finite clause "make ... clear" reports, hung on the adjective or on "make" after it;
    none when the adjective does not complement "make" or takes no such clause."""
    if not made_plain(adjective):
        return None
    for holder in (adjective, adjective.head):
        for c in holder.children:
            if c.dep_ in _CLAUSE_DEPS and c.i > adjective.i and _said_clause(c):
                return content_span(doc, clause_tokens(c))
    return None


def _said_clause(clause: Token) -> bool:
    """A finite clause opened by "that" or by nothing: what was made clear, not a clause of
    time or cause ("made the rules clear before the vote began")."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    if any(c.tag_ == "WRB" and c.i < clause.i for c in clause.children):
        return False  # "... when the ferry sank": when, not what
    return finite_clause(clause) and all(m == "that" for m in marks)
