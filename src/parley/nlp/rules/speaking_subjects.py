"""Who can say or hold what a cue reports.

A name, a pronoun, a person, a group, a body or a document ("critics argue", "the filing
says"), not a thing, an event or an idea ("the move signals", "the meeting focused on").
:data:`SPEAKING_NOUNS` gathers the speaker word lists.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon
from parley.nlp.rules.actors import GENDERED_WORDS, ORG_WORDS, TITLE_NOUNS
from parley.nlp.rules.reported_stances import FINDING_DOCUMENTS
from parley.nlp.rules.speech_cues import (
    ACCOUNT_NOUNS,
    DOCUMENT_NOUNS,
    PEER_NOUNS,
    SPEECH_NOUNS,
    SPOKESPERSON_NOUNS,
    is_according_to,
)

#: Common nouns that name someone who can say or hold something: people, groups, bodies, and
#: the documents and records that PolNeAR counts as sources ("critics argue", "the crowd
#: demanded", "the filing says"); speaking_nouns.txt adds to the speaker word lists.
SPEAKING_NOUNS = lexicon.derived_set(
    "speaking nouns",
    lambda: (
        lexicon.word_set("speaking_nouns").get()
        | TITLE_NOUNS.get()
        | ORG_WORDS.get()
        | SPOKESPERSON_NOUNS.get()
        | PEER_NOUNS.get()
        | DOCUMENT_NOUNS.get()
        | FINDING_DOCUMENTS.get()
        | SPEECH_NOUNS.get()
        | ACCOUNT_NOUNS.get()
        | GENDERED_WORDS.get_map().keys()
    ),
)
#: Endings of nouns for someone who does something: "the strategist", "a pollster", "gunman".
AGENT_ENDINGS = lexicon.word_set("agent_endings")
#: Verbs whose subject may be evidence rather than a speaker: "the returns show", "the debate
#: revealed", "history suggests" (PolNeAR counts these as sources).
EVIDENCE_VERBS = frozenset({"show", "find", "reveal", "indicate", "suggest", "demonstrate"})
#: Pronouns that stand for no one who said anything: "nobody asked", "something tells me".
NO_ONE = frozenset({"nobody", "something", "everything", "nothing"})
#: Entity types of a word that names no one: "the 1990s", "9 p.m.", "$5 million".
UNSPEAKING_ENTS = frozenset({"", "DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"})


def can_speak(who: Token, cue: Token, speaking: frozenset[str]) -> bool:
    """Whether the subject of a cue can be the one who says or holds what it reports: a name,
    a pronoun, a person, a group of people, a body or a document ("critics argue", "the
    filing says"), not a thing, an animal, an event or an idea ("the move signals", "the
    corals defend themselves", "the meeting focused on"). A subject that may be evidence
    ("the returns show") and the source of "according to" are taken as written."""
    if who.lower_ in NO_ONE or who.lower_ == "one" and any(c.lower_ == "no" for c in who.children):
        return False  # "nobody asked whether ...", "something says ...": no one to quote
    if who.pos_ != "NOUN" or is_according_to(cue) or cue.lemma_.lower() in EVIDENCE_VERBS:
        return True
    if _speaking_noun(who, speaking):
        return True
    # "a wide array of economists", "a handful of delegates": the people the head counts.
    return any(
        obj.dep_ == "pobj" and _speaking_noun(obj, speaking)
        for prep in who.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
    ) or (who.text[:1].isupper() and _named_elsewhere(who))


def _named_elsewhere(word: Token) -> bool:
    """A capitalised word opening its sentence ("Hannity asked ...") that the article also
    writes capitalised inside a sentence or as part of a name: a name the tagger took for a
    common noun, not "Corals defend themselves"."""
    doc = word.doc
    names = doc.user_data.get(_NAMES_KEY)
    if names is None:
        names = doc.user_data[_NAMES_KEY] = frozenset(
            t.lower_ for t in doc if t.text[:1].isupper() and not t.is_sent_start
        )
    return word.lower_ in names


_NAMES_KEY = "parley.reported.names"


def _speaking_noun(noun: Token, speaking: frozenset[str]) -> bool:
    """A noun that names someone who can speak: a named entity the tagger took for a common
    noun, a capitalised word inside a sentence, a word of the speaker lists, or a noun of
    someone who does something ("strategist", "pollster")."""
    if noun.ent_type_ not in UNSPEAKING_ENTS or noun.pos_ in {"PROPN", "PRON"}:
        return True
    if noun.text[:1].isupper() and (
        noun.i != noun.sent.start
        or noun.text.isupper()  # "UNICEF reported": an acronym
        or any(c.dep_ == "appos" for c in noun.children)  # "Airfleets, a database, states"
    ):
        return True
    if any(c.dep_ in {"compound", "appos"} and c.pos_ == "PROPN" for c in noun.children):
        return True  # "shock jock Howard Stern", "the group's leader, Ana Ruiz"
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if lemma in speaking or lower in speaking:
        return True
    if len(lemma) <= 4 or lemma.endswith("ment"):
        return False
    return any(lemma.endswith(ending) for ending in AGENT_ENDINGS)
