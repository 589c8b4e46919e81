"""Someone a report brings in without a name ("A police officer arrived at the scene"), whom a
"he" or "she" after it refers to: read by :class:`parley.nlp.rules.speech.SpeakerResolver`,
which registers the description as an actor only when a pronoun's resolution chooses it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley import lexicon
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.actors import GENDERED_WORDS, TITLE_NOUNS
from parley.nlp.rules.actors.words import RELATIVE_NOUNS
from parley.nlp.rules.speaker_spans import noun_phrase
from parley.nlp.rules.speech_cues import SPOKESPERSON_NOUNS

#: Nouns for one unnamed person ("a police officer"), with titles, spokespeople, kin and
#: gendered words: the subject a "he" or "she" after it may refer to.
PERSON_NOUNS = lexicon.derived_set(
    "person nouns",
    lambda: (
        lexicon.word_set("person_nouns").get()
        | TITLE_NOUNS.get()
        | SPOKESPERSON_NOUNS.get()
        | RELATIVE_NOUNS.get()
        | GENDERED_WORDS.get_map().keys()
    ),
)


#: Conjunctions of a clause about whoever, whenever ("whenever a new worker came, ...").
_ANY_TIME_MARKS = frozenset({"whenever", "if", "unless", "wherever"})
#: Object pronouns for people ("asked him"), not things ("called it").
_PERSONAL_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you"})
#: Determiners that bring a new, unnamed person into a report ("a police officer", "one
#: local woman", "another witness").
_INTRODUCING = frozenset({"a", "an", "one", "another"})


class UnnamedPerson:
    """An unnamed person's description a pronoun refers to, registered only when chosen."""

    __slots__ = ("phrase",)

    def __init__(self, phrase: Span) -> None:
        self.phrase = phrase


def unnamed_person(tok: Token, gender: str | None) -> UnnamedPerson | None:
    """ "A police officer arrived at the scene. '...,' he said.": the subject of a sentence that
    brings in one person without naming them (an indefinite singular common noun for a person,
    of no other gender than the pronoun's, subject of a verb in the past: someone who did
    something, not anyone who may), which "he" or "she" after it refers to."""
    if gender is None or tok.dep_ not in NOMINAL_SUBJECT_DEPS or tok.pos_ != "NOUN":
        return None
    if tok.tag_ != "NN" or not any(
        c.dep_ in {"det", "nummod"} and c.lower_ in _INTRODUCING for c in tok.children
    ):
        # "the senator", "the candidate", "his wife": a definite description takes up someone
        # named before, found through their mentions; only "a"/"one" brings in someone new.
        return None
    verb = tok.head
    if verb.tag_ != "VBD" or any(
        c.dep_ == "neg" or c.lower_ in _ANY_TIME_MARKS for c in verb.children
    ):
        # "a president must ...", "no judge has ...", "whenever a new girl came ...": anyone,
        # not someone
        return None
    if any(c.dep_ == "appos" for c in tok.children):
        return None  # "Another pollster, David Woodard, said": the name is the one
    if any(
        c.dep_ in {"dobj", "dative"} and (c.pos_ == "PROPN" or c.lower_ in _PERSONAL_OBJECTS)
        for c in verb.children
    ):
        return None  # "A reporter asked Lee how he felt. He replied ...": either may be "he"
    lemma = tok.lemma_.lower()
    if lemma not in PERSON_NOUNS:
        return None
    own = GENDERED_WORDS.get(lemma)
    if own is not None and own != gender:
        return None
    phrase = noun_phrase(tok)
    start = min((c.i for c in tok.children if c.dep_ in {"det", "nummod"}), default=phrase.start)
    return UnnamedPerson(tok.doc[max(start, phrase.start) : phrase.end])


def own_relative(tok: Token, gender: str | None) -> UnnamedPerson | None:
    """ "my mom", "my coach": one person the speaker of a first-hand account brings in by
    their tie to themselves (a singular noun for a person owned by "my", of no other gender
    than the pronoun's), whom a "he" or "she" after it refers to. The caller says whether
    "my" is a speaker's (an interviewee's answer) rather than the writer's."""
    if gender is None or tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    if not any(c.dep_ == "poss" and c.lower_ == "my" for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    own = GENDERED_WORDS.get(lemma)
    if lemma not in PERSON_NOUNS or own is not None and own != gender:
        return None
    phrase = noun_phrase(tok)
    return UnnamedPerson(tok.doc[phrase.start : tok.i + 1])
