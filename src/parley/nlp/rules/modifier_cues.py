"""A verb that only describes the addressee of a request is not the cue of the request's words.

"Pratt urged those calling for her exit to "wait for the inquiry."": the parser often hangs the
"to" clause a directive verb ("urge", "ask", "tell", "call on") governs from the nearer verb of
the clause that describes its object ("calling for her exit"). That verb is a verb of saying
too, so the quotation would seem to be the describing clause's words, and its subject (the
addressee) their speaker. A directive takes its object and a "to" clause; when it has no "to"
clause of its own, the one hanging from its object's describing clause is its.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley.nlp.rules.speech_cues import OBJECT_CONTROL_VERBS, is_speech_verb

#: Clauses that only describe a noun ("those calling for ...", "people who want ...").
_NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
#: How a "to" clause hangs from the verb it was misattached to.
_INFINITIVE_DEPS = frozenset({"advcl", "xcomp"})
#: A directive's own clause: having one, it needs no other.
_OWN_CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})


def describes_addressee(cue: Token, quotation: Span) -> bool:
    """Whether ``cue`` is the verb of a clause describing a directive's object, and the
    quotation stands in a "to" clause hung from ``cue`` that belongs to the directive."""
    if cue.dep_ not in _NOUN_CLAUSE_DEPS or cue.pos_ != "VERB":
        return False
    directive = _directive_of(cue.head)
    if directive is None or any(c.dep_ in _OWN_CLAUSE_DEPS for c in directive.children):
        return False
    words = [t for t in quotation if not t.is_punct]
    if not words:
        return False
    first = words[0]
    return any(
        child.dep_ in _INFINITIVE_DEPS
        and child.i > cue.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        and child.left_edge.i <= first.i <= child.right_edge.i
        for child in cue.children
    )


def _directive_of(noun: Token) -> Token | None:
    """The directive verb whose object ``noun`` is ("urged those", "called on those")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "on" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() in OBJECT_CONTROL_VERBS and is_speech_verb(verb):
        return verb
    return None
