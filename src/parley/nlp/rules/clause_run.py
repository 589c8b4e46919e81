"""Where a reported clause runs in its sentence, when the parse around its cue cannot say.

What a cue reports runs on after a quotation's closing mark up to a break in the sentence
(a semicolon, a colon, a dash, a bracket, a line break) or another act of saying or source
('..., and Lee said she agreed', '..., according to the agency'), not over a clause that says
when or how the words were said ('..., when asked about it'). A verb of reporting whose clause
the parser hung apart from it ('told the paper she was "not ready"', with "was" made the
head of "told") reports the rest of its sentence after where, when and to whom it was said.
Read by :mod:`parley.nlp.rules.partial_clause`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import FINITE_TAGS, NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.reported_clauses import ADDRESSEE_VERBS
from parley.nlp.rules.reported_content import content_span
from parley.nlp.rules.speech_cues import (
    REPORTING_VERBS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
    is_according_to,
)

#: Objects that are the addressee, not the words, when a finite clause follows ("told
#: reporters the plan was dead").
ADDRESSEE_DEPS = frozenset({"dobj", "dative"})

#: Words that open a clause telling when or how the words were said ('..., when asked').
CIRCUMSTANCE_MARKS = lexicon.word_set("circumstance_marks")


def when_it_was_said(token: Token, cue: Token) -> bool:
    """A clause or phrase the cue itself takes that tells when the words were said ('called
    the toll "a disgrace" when asked about it', '... on Monday'), not what was said."""
    if token.head.i != cue.i:
        return False
    if token.dep_ == "advcl":
        return any(
            c.lower_ in CIRCUMSTANCE_MARKS and c.dep_ in {"mark", "advmod"} for c in token.children
        )
    if token.dep_ == "npadvmod":
        return token.ent_type_ in {"DATE", "TIME"}
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in token.children
    )


#: Punctuation after which a sentence goes on with something other than what was reported.
RUN_ON_STOPS = frozenset({";", ":", "—", "–", "--", "(", "["})


def ends_run_on(token: Token) -> bool:
    """A break in the sentence after which it goes on with something else."""
    return token.text in RUN_ON_STOPS or "\n" in token.text


def reports_again(token: Token, cue: Token) -> bool:
    """Another act of saying ('..., and Lee said she agreed'), the speaker acting again
    ('..., and said the town would pay', '..., but did not endorse him') or a source
    ('..., according to the agency'): the run-on stops before it."""
    if is_according_to(token) or when_it_was_said(token, cue):
        return True
    if token.i == cue.i or token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "conj" and token.head.i == cue.i:
        return True
    if token.tag_ == "VBG" and says(token):
        return True  # '..., adding that ...': the speaker speaks again
    return says(token) and any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in token.children)


def says(verb: Token) -> bool:
    """Another act of saying ('and insisted that ...', 'and said ...')."""
    return (
        verb.lemma_ in SPEECH_VERBS
        or verb.lemma_ in WEAK_SPEECH_VERBS
        or any(c.dep_ == "ccomp" for c in verb.children)
    )


def clause_parsed_apart(doc: Doc, cue: Token, first: Token) -> Span | None:
    """'Lee told the paper she was "not ready" on the plan', 'outlets reported on Monday the
    port had "two alerts" in May': a verb of reporting followed by a clause that holds the
    quotation, which the parser did not hang on the cue (it made the clause's verb the cue's
    head, or the cue a participle of the speaker). What was said is the rest of the sentence
    after where and when it was said and to whom, when that holds a verb with tense."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in REPORTING_VERBS:
        return None
    if any(
        c.dep_ in {"ccomp", "xcomp"} and cue.i < c.i and c.right_edge.i < first.i
        for c in cue.children
    ):
        # 'When Lee tweeted that the rules hurt shops, the site put a "warning" on it', 'if
        # he threatens to sell it, and you "stop" him': what the cue reports ended before the
        # quotation
        return None
    setting = {
        t.i
        for c in cue.children
        if c.i > cue.i and _setting_or_addressee(cue, c)
        for t in c.subtree
    }
    start = cue.i + 1
    while start < first.i and (start in setting or doc[start].text in SETTING_MARKS):
        start += 1
    if any(t.text == "," and t.i not in setting for t in doc[cue.i + 1 : start]):
        return None  # 'When Lee spoke, the crowd was "stunned"': the cue's clause ended
    opening = doc[start]
    if opening.pos_ in {"VERB", "AUX"} or opening.pos_ == "SCONJ" and opening.lower_ != "that":
        # '... took up chess young because his uncle was "relentless"': a reason or a
        # predicate, not a clause of what was said
        return None
    end = run_on_end(doc, cue, start, cue.sent.end, clause_from_start=True)
    if first.i in setting or not start <= first.i < end:
        return None
    if not any(t.tag_ in FINITE_TAGS and t.i != cue.i for t in doc[start:end]):
        return None  # 'said goodbye to the "Open Doors" fair': no clause
    return content_span(doc, list(doc[start:end]))


#: Punctuation that may set off where and when words were said ('announced in March - wrongly -
#: that ...'), before what was said.
SETTING_MARKS = frozenset({",", "-", "\u2014", "\u2013", "--"})


def _setting_or_addressee(cue: Token, dependant: Token) -> bool:
    """A dependant of a cue that says where, when, how or to whom words were said ("on
    Monday", "in a statement", "falsely", "told [the paper]"), not what."""
    if dependant.dep_ == "npadvmod":
        # 'said Monday', not 'said the days when the town had "a paper" are gone'
        return not any(t.tag_ in FINITE_TAGS for t in dependant.subtree)
    if dependant.dep_ in {"prep", "advmod"}:
        return True
    return dependant.dep_ in ADDRESSEE_DEPS and cue.lemma_.lower() in ADDRESSEE_VERBS


def run_on_end(
    doc: Doc, cue: Token, start: int, stop: int, *, clause_from_start: bool = False
) -> int:
    """Where words from ``start`` that the cue reports end: at ``stop``, a break in the
    sentence, or another act of saying or source (:func:`reports_again`). With
    ``clause_from_start`` (a clause begins at ``start``), a word whose phrase reaches back to
    ``start`` is that clause's own verb, which the parser made the cue's head, not another act
    of saying."""
    end = start
    while end < stop and not ends_run_on(doc[end]):
        end += 1
    for token in doc[start:end]:
        if clause_from_start and token.left_edge.i <= start:
            continue
        if reports_again(token, cue):
            end = min(end, token.left_edge.i)
    while end > start and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
        end -= 1
    return end
