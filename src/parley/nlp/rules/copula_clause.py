"""What an owned noun of saying or thinking is, when a clause follows "be".

"The mayor's answer was that the vote came too early", "her argument was that the board should
wait", "their fear is that the plant will close": the noun's owner said (or holds)
the clause after the copula. A noun with no owner ("the problem is that ...") is the writer's
own framing and reports nothing. The nouns are data/lexicon/copula_clause_nouns.tsv.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.rules.reported_clauses import clause_tokens
from parley.nlp.rules.reported_content import content_span

#: Nouns whose owner's words or view the clause after "be" gives.
COPULA_CLAUSE_NOUNS = lexicon.where_set("copula_clause_nouns", "lemma")
#: Of those, the ones the owner said in words ("answer"), not only holds ("fear").
SPOKEN_COPULA_NOUNS = lexicon.where_set("copula_clause_nouns", "spoken", "yes")
#: How the parser hangs the clause on the copula.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "attr"})


def copula_clause(doc: Doc, noun: Token) -> Span | None:
    """ "Lee's answer was that the vote came too early": the "that" clause after the copula
    whose subject is the owned ``noun``; None for any other use of the noun."""
    if noun.dep_ != "nsubj" or not any(c.dep_ == "poss" for c in noun.children):
        return None
    copula = noun.head
    if copula.lemma_.lower() != "be" or copula.i < noun.i:
        return None
    for clause in copula.children:
        if (
            clause.i > copula.i
            and clause.dep_ in _CLAUSE_DEPS
            and clause.pos_ in {"VERB", "AUX"}
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        ):
            return content_span(doc, clause_tokens(clause))
    return None
