"""A verb of saying coordinated with the verb that reports a clause, not with the clause's verb.

"A judge agreed the report may have erred but ruled that ...": the parser hangs "ruled" on the
reported clause's verb ("erred") and so lends it that clause's subject ("the report"). When the
verb's form cannot continue that clause ("may have erred ... ruled": a past tense after a
modal's participle) but matches the reporting verb's ("agreed ... ruled"), the two are the
same subject's acts, as a reader takes them. Only when the clause's subject is a thing or a
document ("the report"), not someone: "Lee said the mayor may have misled voters and told them
..." keeps the mayor.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.actors import GENDERED_WORDS, ORG_WORDS, TITLE_NOUNS


def outer_coordinate_subject(cue: Token) -> Token | None:
    """The subject of the reporting verb ``cue`` is really coordinated with; None when the
    parse's own reading holds."""
    if cue.dep_ != "conj" or cue.pos_ != "VERB":
        return None
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children):
        return None
    inner = cue.head
    if inner.dep_ != "ccomp" or inner.pos_ not in {"VERB", "AUX"}:
        return None
    outer = inner.head
    if outer.pos_ != "VERB" or cue.tag_ == inner.tag_ or cue.tag_ != outer.tag_:
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in inner.children):
        return None  # only a modal's participle shows the clause cannot run on
    own = next((c for c in inner.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if own is None or own.pos_ != "NOUN":
        return None
    lemma = own.lemma_.lower()
    if lemma in TITLE_NOUNS.get() or lemma in ORG_WORDS or lemma in GENDERED_WORDS:
        return None  # someone who may well have said it ("the mayor")
    return next((c for c in outer.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
