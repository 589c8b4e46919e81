"""A name that opens the sentence, set off by a comma, for a cue the parser left without a
subject ("Lopez, later claiming that Mayor Baker ..., said she would ..."). The parser's slip
is reproduced on a hand-made parse; every word here is invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from parley.nlp.rules.fronted_name import fronted_name
from parley.nlp.rules.speaker_tokens import speaker_token

_WORDS = ["Lopez", ",", "later", "claiming", "that", "Baker", "wanted", "boats", ","]
_WORDS += ["said", "she", "would", "sue", "."]
# The slip: "Lopez" hangs loose from the inserted clause's verb, and "said" has no subject.
_HEADS = [6, 6, 3, 6, 6, 6, 9, 6, 6, 9, 12, 12, 9, 9]
_DEPS = ["dep", "punct", "advmod", "dep", "mark", "nsubj", "ccomp", "dobj", "punct"]
_DEPS += ["ROOT", "nsubj", "aux", "ccomp", "punct"]
_TAGS = ["JJ", ",", "RB", "VBG", "IN", "NNP", "VBD", "NNS", ",", "VBD", "PRP", "MD", "VB", "."]
_POS = ["ADJ", "PUNCT", "ADV", "VERB", "SCONJ", "PROPN", "VERB", "NOUN", "PUNCT"]
_POS += ["VERB", "PRON", "AUX", "VERB", "PUNCT"]


def _slipped_parse(ents: list[str]) -> Doc:
    return Doc(
        spacy.blank("en").vocab,
        words=_WORDS,
        spaces=[w not in {",", "."} for w in _WORDS[1:]] + [False],
        heads=_HEADS,
        deps=_DEPS,
        tags=_TAGS,
        pos=_POS,
        lemmas=[
            {"said": "say", "wanted": "want", "claiming": "claim"}.get(w, w.lower()) for w in _WORDS
        ],
        sent_starts=[True] + [False] * (len(_WORDS) - 1),
        ents=ents,
    )


def test_a_subjectless_cue_takes_the_name_that_opens_the_sentence() -> None:
    doc = _slipped_parse(["B-PERSON"] + ["O"] * 4 + ["B-PERSON"] + ["O"] * 8)
    said = doc[9]
    assert fronted_name(said) == doc[0]
    assert speaker_token(said) == doc[0]


def test_no_opening_name_leaves_the_first_subject_before_the_cue() -> None:
    doc = _slipped_parse(["O"] * 5 + ["B-PERSON"] + ["O"] * 8)
    said = doc[9]
    assert fronted_name(said) is None
    assert speaker_token(said) == doc[5]
