"""What an owned noun of saying or thinking is, when a clause follows "be"; what a noun of
saying made or issued holds.

"The mayor's answer was that the vote came too early", "her argument was that the board should
wait", "their fear is that the plant will close": the noun's owner said (or holds)
the clause after the copula. A noun with no owner ("the problem is that ...") is the writer's
own framing and reports nothing. The nouns are data/lexicon/copula_clause_nouns.tsv.

"Lee made the case that the vote came too early", "the board issued a warning that ...": a
noun of saying as the object of a verb that does no more than utter it (support_verbs.txt)
holds what the verb's subject said.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import FINITE_SUBJECT_DEPS
from parley.nlp.rules.reported_clauses import clause_tokens
from parley.nlp.rules.reported_content import content_span

#: Nouns whose owner's words or view the clause after "be" gives.
COPULA_CLAUSE_NOUNS = lexicon.where_set("copula_clause_nouns", "lemma")
#: Of those, the ones the owner said in words ("answer"), not only holds ("fear").
SPOKEN_COPULA_NOUNS = lexicon.where_set("copula_clause_nouns", "spoken", "yes")
#: Verbs that utter a noun of saying: "made the case that", "issued a warning that".
SUPPORT_VERBS = lexicon.word_set("support_verbs")
#: How the parser hangs the "that" clause of a noun of saying on the noun or on its verb.
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
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


def support_clause(doc: Doc, noun: Token) -> Span | None:
    """ "Lee made the case that the vote came too early": the "that" clause with its own
    subject that a noun of saying holds (or that the parser hung on its verb right after it),
    where the noun is the object of a verb that utters it; None for any other use."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in SUPPORT_VERBS:
        return None
    clauses = [c for c in noun.children if c.dep_ in _NOUN_CLAUSE_DEPS and c.i > noun.i]
    clauses += [
        c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == noun.right_edge.i + 1
    ]
    for clause in clauses:
        if (
            clause.pos_ in {"VERB", "AUX"}
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            and any(c.dep_ in FINITE_SUBJECT_DEPS for c in clause.children)
        ):
            return content_span(doc, clause_tokens(clause))
    return None
