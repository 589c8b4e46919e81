"""Who shouts or chants: a crowd's cry set after the clause that names the crowd.

News sets a crowd's words in a participle after the clause in which the crowd acts: "The
noise grew as porters heckled the minister, chanting '...'", "where some forty cyclists
had gathered, chanting '...'". The parser often hangs the participle on the sentence's main
verb, whose subject (an event, an ad, a building's owner) cannot shout; the reader takes the
cry for the group of the nearest clause before it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from parley import lexicon
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS

#: Verbs of a crowd's voice ("chanting", "shouting", "yelling").
CROWD_VOICE_VERBS = lexicon.word_set("crowd_voice_verbs")
#: Singular nouns for a body of people ("the crowd", "the audience").
GROUP_NOUNS = lexicon.word_set("group_nouns")

_GROUP_PRONOUNS = frozenset({"they", "we"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def is_group(token: Token) -> bool:
    """Whether a subject names a body of people that can cry out as one: a plural noun
    ("protesters", "fans"), a noun for a crowd, or "they"/"we"."""
    if token.pos_ == "PRON":
        return token.lower_ in _GROUP_PRONOUNS
    return token.tag_ in _PLURAL_TAGS or token.lemma_.lower() in GROUP_NOUNS


def crowd_subject(
    cue: Token, subject: Token | None, quoted: Callable[[int], bool] | None
) -> Token | None:
    """The group whose cry a crowd-voice participle (``cue``) reports, when the subject found
    by the parse (``subject``) is no group: the subject of the nearest clause before the
    participle in its sentence, if that subject is a group. None when the rule does not
    apply."""
    if cue.tag_ != "VBG" or cue.lemma_.lower() not in CROWD_VOICE_VERBS:
        return None
    if subject is not None and is_group(subject):
        return None
    sent_start = cue.sent.start
    for i in range(cue.i - 1, sent_start - 1, -1):
        verb = cue.doc[i]
        if verb.pos_ not in {"VERB", "AUX"} or (quoted is not None and quoted(verb.idx)):
            continue
        own = next(
            (
                c
                for c in verb.children
                if c.dep_ in NOMINAL_SUBJECT_DEPS and not (quoted is not None and quoted(c.idx))
            ),
            None,
        )
        if own is None:
            continue  # "use a toy to bash in a dollhouse": a "to" clause has no subject
        return own if is_group(own) and own.i < cue.i else None
    return None
