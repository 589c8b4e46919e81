"""A verb of saying in a condition: 'the letter, if written by the suspect, ...'.

A condition ('if written by the suspect', 'unless said under oath') supposes that someone
said or wrote something; it does not report that they did. Such a verb is no cue for a
quotation its clause does not hold: 'According to Reed, the email, if written by the suspect,
would settle it: "..."' is Reed's, not the suspect's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.nlp.deps import AUXILIARY_DEPS, NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.speech_cues import SAYING_VERBS

#: Subordinators that make a clause a supposition.
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
#: Subordinators of a clause of supposition with a verb of its own ("if a neighbour says").
SUPPOSING_MARKS = frozenset({"if", "unless"})
#: Auxiliaries that, set before the subject, make a clause a condition ("Had she said ...").
INVERTED_CONDITION_AUX = frozenset({"had", "were", "should"})
MODALS = lexicon.where_set("supposing_words", "kind", "modal")
GENERIC_SUBJECTS = lexicon.where_set("supposing_words", "kind", "generic")
SUPPOSING_VERBS = lexicon.where_set("supposing_words", "kind", "supposing")
JUDGING_ADJECTIVES = lexicon.where_set("supposing_words", "kind", "judging")


def supposed_only(cue: Token) -> bool:
    """Whether the verb ``cue`` heads a reduced clause of condition, a participle with no
    subject of its own ('if written by ...', 'unless asked'). (A full clause, 'if the people
    had been thinking ...', may be a cue the parse merely failed to link.)"""
    return (
        cue.pos_ == "VERB"
        and cue.tag_ in {"VBN", "VBG"}
        and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in cue.children)
        and not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children)
    )


def supposed_speech(cue: Token) -> bool:
    """Whether the verb of saying ``cue`` only supposes speech nobody is said to have uttered:
    under a modal in the consequence of a condition ("if ..., the board might have said",
    "tenants might begin saying"), a modal with a subject that names nobody ("anyone could
    say", "would you be like"), in a clause of condition ("if a neighbour says", "Had she
    said") or supposition ("suppose someone says"), or judged by an adjective ("too easy for
    people to say"). A forecast ("she would say no") or a past ability ("she could say
    little") of a named speaker is still a report."""
    if cue.pos_ not in {"VERB", "AUX"}:
        return False
    verb = cue
    # "might start saying", "would want to say": the modal sits on the verb above.
    while verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    return (
        _modal_supposition(verb)
        or _conditional(verb)
        or (verb.dep_ == "ccomp" and _supposing(verb.head))
        or _judged(verb)
    )


def _modal_supposition(verb: Token) -> bool:
    """ "Were rents lower, tenants might begin saying ...", "anyone could say", "would you be
    like": a modal in the consequence of a condition, or with a subject that names nobody. (A
    modal alone is no supposition: "Lee may have put it best", "the mayor could have cited
    it" report what was or could be said.)"""
    if not any(c.dep_ in AUXILIARY_DEPS and c.lower_ in MODALS for c in verb.children):
        return False
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.lower_ in GENERIC_SUBJECTS for c in verb.children):
        return True
    # "He added that if elected he would ask ...": a forecast someone is reported to make.
    return not _reported(verb) and any(c.dep_ == "advcl" and _condition(c) for c in verb.children)


def _condition(clause: Token) -> bool:
    """Whether the adverbial ``clause`` is a condition, by its mark or by the "if" it opens
    with (the parse may hang the mark lower: "if the men running the firm had been
    careful", with "if" on "running")."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return _conditional(clause) or (first.dep_ == "mark" and first.lower_ in SUPPOSING_MARKS)


def _reported(verb: Token) -> bool:
    """Whether ``verb`` is in a clause a verb of saying (or "according to") reports."""
    return any(
        a.lemma_.lower() in SAYING_VERBS or a.lower_ == "according" for a in verb.ancestors
    ) or any(t.lower_ == "according" for t in verb.sent)


def _conditional(verb: Token) -> bool:
    """ "if a neighbour says", "unless someone says", "Had she said": a clause of condition."""
    if any(
        c.dep_ == "mark"
        and c.lower_ in SUPPOSING_MARKS
        and not (c.i > 0 and c.nbor(-1).lower_ == "as")  # "as if to say": a manner
        for c in verb.children
    ):
        return True
    subject = min((c.i for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), default=None)
    # A question inverts too ("Had you said so before?"); a condition the parse took for the
    # main clause ("Had she said '...', few would mind") is no question.
    return (
        subject is not None
        and (verb.dep_ == "advcl" or not verb.sent.text.rstrip().endswith("?"))
        and any(
            c.dep_ in AUXILIARY_DEPS and c.lower_ in INVERTED_CONDITION_AUX and c.i < subject
            for c in verb.children
        )
    )


def _supposing(verb: Token) -> bool:
    """ "Suppose someone says ...", "imagine you said ...": a supposition the speaker asks of
    the listener, with no subject of its own."""
    return verb.lemma_.lower() in SUPPOSING_VERBS and not any(
        c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children
    )


def _judged(verb: Token) -> bool:
    """ "It is easy for critics to say ...": speech an adjective judges, not reports."""
    if verb.dep_ not in {"xcomp", "ccomp", "advcl"} or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    # The infinitive hangs from the adjective or, past it, from "is" ("It is easy ... to say").
    judges = [verb.head, *(c for c in verb.head.children if c.dep_ == "acomp")]
    return any(j.pos_ == "ADJ" and j.lower_ in JUDGING_ADJECTIVES for j in judges)


def supposed_before(doc: Doc, open_at: int) -> bool:
    """Whether the words right before a quotation's opening mark (at character ``open_at``)
    only suppose it, when no cue was found for it: 'Had she said "..."', 'would you be like
    "..."' (a verb of saying, or "be like", that :func:`supposed_speech` supposes)."""
    before = doc.char_span(0, open_at, alignment_mode="contract")
    if before is None:
        return False
    words = [t for t in before[-4:] if not t.is_punct]
    if not words:
        return False
    verb = words[-1]
    if verb.lower_ == "like" and len(words) > 1:
        verb = words[-2]  # "be like", "go like": a quotative
        saying = verb.lemma_.lower() in {"be", "go"}
    else:
        saying = verb.lemma_.lower() in SAYING_VERBS
    return saying and supposed_speech(verb)
