"""An inverted verb of saying after a partial quotation ('The answer "could be late," said Jon
Lund.') that the parser hung apart from the name after it, so that the search for its subject
borrows the sentence's first noun. The parser's slip is reproduced on a hand-made parse; every
word here is invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from parley.nlp.rules.attribution_after import inverted_subject
from parley.nlp.rules.quotes import _borrowed_subject
from parley.nlp.rules.speaker_tokens import speaker_token

_WORDS = ["The", "answer", "\u201c", "could", "be", "late", ",", "\u201d", "said", "Jon", "Lund"]
_WORDS += ["."]
# The slip: "said" hangs from the quoted clause's verb, with "Lund" as a loose modifier.
_HEADS = [1, 4, 4, 4, 4, 4, 4, 4, 4, 10, 8, 4]
_DEPS = ["det", "nsubj", "punct", "aux", "ROOT", "acomp", "punct", "punct", "parataxis"]
_DEPS += ["compound", "npadvmod", "punct"]
_TAGS = ["DT", "NN", "``", "MD", "VB", "JJ", ",", "''", "VBD", "NNP", "NNP", "."]
_POS = ["DET", "NOUN", "PUNCT", "AUX", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN"]
_POS += ["PUNCT"]


def _slipped_parse() -> Doc:
    return Doc(
        spacy.blank("en").vocab,
        words=_WORDS,
        spaces=[True, True, False, True, True, False, False, True, True, True, False, False],
        heads=_HEADS,
        deps=_DEPS,
        tags=_TAGS,
        pos=_POS,
        lemmas=[{"said": "say"}.get(w, w.lower()) for w in _WORDS],
        sent_starts=[True] + [False] * (len(_WORDS) - 1),
        ents=["O"] * 9 + ["B-PERSON", "I-PERSON", "O"],
    )


def test_a_subject_borrowed_from_before_the_quotation_gives_way_to_the_inverted_name() -> None:
    doc = _slipped_parse()
    said = doc[8]
    close = doc[7].idx
    borrowed = speaker_token(said)
    assert borrowed is not None and borrowed.i == 1
    assert _borrowed_subject(said, borrowed, doc.text, close)
    found = inverted_subject(said, close)
    assert found is not None and found.i == 10


def test_the_cues_own_subject_is_not_borrowed() -> None:
    doc = _slipped_parse()
    assert not _borrowed_subject(doc[4], doc[1], doc.text, doc[7].idx)


def test_a_word_between_the_quotation_and_the_verb_keeps_the_first_subject() -> None:
    # '... "could be late" and said Lund should go': the verb is the first subject's act.
    doc = _slipped_parse()
    close, cue = doc[7].idx, doc[8].idx
    text = doc.text[:close] + "and" + " " * (cue - close - 3) + doc.text[cue:]
    assert not _borrowed_subject(doc[8], doc[1], text, close)
