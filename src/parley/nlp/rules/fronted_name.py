"""A name that opens the sentence, set off by commas before a subject-less cue.

"Lopez, later claiming that Mayor Baker wanted to close the port, said she would ...":
when a long phrase sits between the name and its verb, the parser can lose the name (it
hangs it as a loose dependent) and give the verb no subject at all. A reader still takes the
name that opens the sentence, closed off by a comma, as the one who speaks; the first
subject found before the verb (here "Baker", inside the inserted phrase) is not.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS

#: Entity types that can be the one who speaks.
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def fronted_name(cue: Token) -> Token | None:
    """The head of a proper name that opens the cue's sentence, followed at once by a comma,
    when the cue (itself right after a comma) has no subject and the name is no subject of
    another verb. None otherwise."""
    sent = cue.sent
    if cue.i - sent.start < 4 or not cue.doc[cue.i - 1].is_punct:
        return None
    if cue.doc[cue.i - 1].text != ",":
        return None
    first = sent[0]
    if first.ent_type_ not in _SPEAKER_ENTS or not first.text[:1].isupper():
        return None
    # The name's last word: the run of the entity from the sentence start (the tagger may
    # call a lone surname an adjective, so the entity, not the part of speech, marks it).
    end = first.i
    while end + 1 < cue.i and cue.doc[end + 1].ent_iob_ == "I":
        end += 1
    if cue.doc[end + 1].text != ",":
        return None
    head = cue.doc[end]
    while head.head.i != head.i and head.head.i <= end and head.head.i >= sent.start:
        head = head.head
    if head.dep_ in NOMINAL_SUBJECT_DEPS or head.dep_ == "appos":
        return None
    return head
