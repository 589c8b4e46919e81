"""The person a report is about, who says the words it passes on: "the Herald reports of a man
in Eastport saying '...'", "the paper quoted a farmer saying '...'".

An outlet (or anyone) that "reports of" or "tells of" someone "saying" something, or that quotes,
cites or reports someone "saying" it, passes on that person's words: the participle of saying
belongs to the person the report is about, whatever the parser hung it on (it often makes it
an adverbial clause of "reports", whose subject, the outlet, would then take the quotation).
Only someone who can speak is that one: "reported on the storm, saying ..." is the reporter's
own saying. "Told a reporter, saying" is not passing on: the one told is the addressee.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.rules.actors import GENDERED_WORDS
from parley.nlp.rules.speaking_subjects import AGENT_ENDINGS, SPEAKING_NOUNS
from parley.nlp.rules.speech_cues import DOCUMENT_NOUNS, SPEECH_NOUNS

#: Verbs of giving an account of someone: "reports of a man saying", "told of a woman".
_TELLING_VERBS = frozenset({"report", "tell"})
#: Verbs that pass on the words of their object: "quoted a farmer saying".
_PASSING_ON_VERBS = frozenset({"report", "quote", "cite"})
#: Prepositions between a telling verb and the person it is about.
_ABOUT = frozenset({"of", "on", "about"})
#: Nouns for people a report may be about, besides the speaker word lists ("a villager").
_PEOPLE = frozenset({"resident", "villager", "survivor", "person", "people"})


def person_reported_saying(cue: Token) -> Token | None:
    """The person an account is about who says the words of the participle ``cue``: "reports
    of a man in Eastport, who lost his home, saying '...'" and "quoted a police officer saying
    '...'" give the man and the officer; None for any other cue."""
    if cue.tag_ != "VBG":
        return None
    if cue.dep_ == "acl":
        return _passed_on_object(cue.head)
    if cue.dep_ not in {"advcl", "xcomp", "conj"}:
        return None
    verb = cue.head
    if verb.lemma_.lower() not in _TELLING_VERBS or verb.i > cue.i:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _ABOUT or not verb.i < prep.i < cue.i:
            continue
        person = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if person is not None and _can_be_quoted(person):
            return person
    return None


def _passed_on_object(noun: Token) -> Token | None:
    """``noun`` when it is the object of a verb of passing on words ("quoted a farmer",
    "reports of a man") and someone who can speak."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in _ABOUT:
        verbs = _TELLING_VERBS
        verb = verb.head
    elif noun.dep_ == "dobj" and not any(
        c.dep_ == "nsubj" and carries_words(c) for c in verb.children
    ):
        verbs = _PASSING_ON_VERBS  # but "a tweet quoted Lee saying": the tweet's own text
    else:
        return None
    if verb.lemma_.lower() not in verbs or not _can_be_quoted(noun):
        return None
    return noun


def _can_be_quoted(token: Token) -> bool:
    if token.pos_ == "PROPN":
        return token.ent_type_ in {"PERSON", "ORG", "NORP"}
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in _PEOPLE
        or lemma in GENDERED_WORDS.get_map()
        or lemma in SPEAKING_NOUNS.get()
        or any(lemma.endswith(ending) for ending in AGENT_ENDINGS)
    )


def carries_words(noun: Token) -> bool:
    """A noun for a document or a post that carries words ("a tweet", "the statement"): when
    it quotes someone, PolNeAR and a reader take its text as its own."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in DOCUMENT_NOUNS or lemma in SPEECH_NOUNS)
