"""What a stance, a thought or a finding reports its holder holds, when no clause of saying does.

"believes the bill will pass", "declined to endorse him", "endorsed the governor", "support
for the plan", "is confident that ...": the clause, infinitive or object of a verb, noun or
adjective of stance (the lists in :class:`parley.nlp.rules.reported_content.Stances`). "The poll
shows the senator ahead", "in a new poll, the senator leads": what a document of findings found.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import (
    COUNT_ENTS,
    FINITE_SUBJECT_DEPS,
    PREPOSITION_OBJECT_DEPS,
    REPORTED_CLAUSE_DEPS,
)
from parley.nlp.rules.reported_clauses import CLAUSE_SUBJECT_DEPS, clause_tokens, finite_clause
from parley.nlp.rules.reported_content import Stances, content_span
from parley.nlp.rules.reported_objects import (
    NOT_SAID_OBJECTS,
    medium_tokens,
    min_tokens,
    object_tail,
)
from parley.nlp.tokens import has_infinitive_to, mended_lemma
from parley.nlp.tree import first_child

#: Prepositions after a noun of stance that say what it is about: "support for", "criticism of".
NOUN_ABOUT_PREPS = frozenset({"for", "of", "on", "about", "against", "to", "with"})
#: "the poll found that ...": documents of findings that are their own source when nobody is
#: said to have written them (finding_documents.txt).
FINDING_DOCUMENTS = lexicon.word_set("finding_documents")
#: "the poll shows the senator ahead", "the survey put her at 40 percent": verbs whose object,
#: with what follows it, is what a document of findings found.
FINDING_VERBS = frozenset({"show", "find", "put", "have", "give", "place"})
#: "In the latest poll, the senator leads by ten points": documents of findings whose figures a
#: clause reports when the clause is set "in" them.
POLL_NOUNS = frozenset({"poll", "survey"})
#: Prepositions that complete a stance verb's object: "accused him of lying", "described it as".
OBJECT_COMPLEMENT_PREPS = frozenset({"of", "as", "for"})


def stance_content(doc: Doc, verb: Token, lemma: str, stances: Stances) -> Span | None:
    """What a verb of thought, intent or stance reports its subject holds: its finite clause
    ("believes the bill will pass"), its to-infinitive ("declined to endorse him") or its
    object ("endorsed the governor"), in that order of preference."""
    if lemma in stances.clause:
        clause = next(
            (c for c in verb.children if c.dep_ in REPORTED_CLAUSE_DEPS and finite_clause(c)),
            None,
        )
        if clause is not None:
            return content_span(doc, clause_tokens(clause))
    if lemma in stances.intent:
        act = next(
            (
                c
                for c in verb.children
                if c.pos_ in {"VERB", "AUX"}
                and (c.dep_ == "xcomp" or (c.dep_ == "ccomp" and c.i > verb.i))
                and has_infinitive_to(c)
            ),
            None,
        )
        if act is not None:
            return content_span(
                doc,
                [
                    t
                    for t in act.subtree
                    if not (t.head.i == act.i and t.dep_ == "aux" and t.lower_ == "to")
                ],
            )
    if lemma in FINDING_VERBS:
        found = _finding(doc, verb)
        if found is not None:
            return found
    if lemma in stances.object:
        return _stance_object(doc, verb)
    return None


def _finding(doc: Doc, verb: Token) -> Span | None:
    """ "a new poll shows the senator ahead by ten points", "the survey put her at 40 percent":
    a document of findings reports its object with all that the verb says of it."""
    subject = first_child(verb, FINITE_SUBJECT_DEPS)
    obj = next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and (c.dep_ == "dobj" or c.dep_ == "ccomp" and c.pos_ in {"NOUN", "PROPN"})
        ),
        None,
    )  # "shows Mayor Berg ahead" is parsed with the name as a clause of its own
    if subject is None or obj is None or subject.lemma_.lower() not in FINDING_DOCUMENTS.get():
        return None
    said_of = [
        t
        for c in verb.children
        if c.i > obj.i and c.dep_ not in {"punct", "cc", "conj"}
        for t in c.subtree
    ]
    if not said_of and verb.lemma_.lower() not in {"show", "find"}:
        return None  # "the survey has an error margin of four points": no finding
    return content_span(doc, [*obj.subtree, *said_of])


def _stance_object(doc: Doc, verb: Token) -> Span | None:
    """ "endorsed the governor", "accused him of lying": the object with the complement that
    says what of it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    if obj.lemma_.lower() in NOT_SAID_OBJECTS or obj.ent_type_ in COUNT_ENTS:
        return None
    medium = medium_tokens(obj)
    tokens = [t for t in obj.subtree if t.i not in medium]
    complement = next(
        (
            c
            for c in verb.children
            if c.i > obj.i
            and (c.dep_ == "prep" and c.lower_ in OBJECT_COMPLEMENT_PREPS or c.dep_ == "oprd")
        ),
        None,
    )
    if complement is not None:
        tokens.extend(complement.subtree)
    else:
        tokens.extend(object_tail(obj))
    return content_span(doc, tokens, min_tokens(obj))


def stance_noun(doc: Doc, noun: Token) -> Span | None:
    """ "the senator's support for the bill", "his decision to withdraw", "her view that taxes
    must fall": what follows a noun of stance that has an owner."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}:
            if finite_clause(c):
                return content_span(doc, clause_tokens(c))
            if has_infinitive_to(c):
                return content_span(
                    doc,
                    [
                        t
                        for t in c.subtree
                        if not (t.head.i == c.i and t.dep_ == "aux" and t.lower_ == "to")
                    ],
                )
        if c.dep_ == "prep" and c.lower_ in NOUN_ABOUT_PREPS:
            obj = first_child(c, PREPOSITION_OBJECT_DEPS)
            if obj is not None:
                return content_span(doc, list(obj.subtree))
    return _clause_hung_above(doc, noun)


def _clause_hung_above(doc: Doc, noun: Token) -> Span | None:
    """ "angered farmers with her warning that the town would suffer": the parser hung the
    noun's "that" clause on the verb above it; a "that" clause starting right after the noun
    phrase is still the noun's."""
    if noun.dep_ == "pobj":
        verb = noun.head.head
    elif noun.dep_ == "dobj":
        verb = noun.head
    else:
        return None
    start = noun.right_edge.i + 1
    for c in verb.children:
        if (
            c.dep_ == "ccomp"
            and c.left_edge.i == start
            and c.left_edge.dep_ == "mark"
            and c.left_edge.lower_ == "that"
            and finite_clause(c)
        ):
            return content_span(doc, clause_tokens(c))
    return None


def stance_adjective(doc: Doc, adjective: Token) -> Span | None:
    """ "is confident that the bill will pass": the clause of an adjective of belief after a
    copula (the parser hangs it on the adjective or on the copula)."""
    if adjective.dep_ != "acomp":
        return None
    for holder in (adjective, adjective.head):
        for c in holder.children:
            if c.dep_ in REPORTED_CLAUSE_DEPS and c.i > adjective.i and finite_clause(c):
                return content_span(doc, clause_tokens(c))
    return None


def in_poll(doc: Doc, poll: Token, reporting: frozenset[str], stances: Stances) -> Span | None:
    """ "In a new poll, the senator leads by ten points", "she has sagged in the polls": the
    clause a poll is set in reports what the poll found. Not a clause of saying or thinking
    ("in the poll, most voters said ..."): those have sources of their own."""
    prep = poll.head
    if poll.dep_ != "pobj" or prep.lower_ != "in" or poll.tag_ != "NN":
        return None  # "leads in the polls" is a standing, not one poll's finding
    clause = prep.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    lemma = mended_lemma(clause).lower()
    if clause.pos_ not in {"VERB", "AUX"} or lemma in reporting or stances.verb(lemma):
        return None
    if not any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in clause.children):
        return None
    lo, hi = prep.left_edge.i, prep.right_edge.i
    words = [t for t in clause.subtree if not t.is_punct]
    before = [t for t in words if t.i < lo]
    after = [t for t in words if t.i > hi]
    # The poll is named before or after the clause, seldom inside it.
    return content_span(doc, after if len(after) > len(before) else before)
