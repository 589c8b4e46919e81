"""A name the parser hung on a verb of saying as a compound instead of its subject ('When a
man shouted "...", Reed joked, "..."'). The parser's slip is reproduced on a hand-made parse;
every word here is invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from parley.nlp.rules.actors.words import is_office_word
from parley.nlp.rules.speaker_tokens import speaker_token
from parley.nlp.rules.title_names import (
    compound_name_subject,
    is_title_subject,
    persons_in_apposition,
)

_WORDS = ["When", "someone", "shouted", ",", "\u201c", "Pier", ",", "\u201d", "Reed", "joked"]
_WORDS += [",", "\u201c", "Amen", "!", "\u201d"]
# The slip: "Reed" is a compound of "joked", which hangs from "shouted" with no subject.
_HEADS = [2, 2, 2, 2, 2, 2, 5, 9, 9, 2, 9, 9, 9, 2, 2]
_DEPS = ["advmod", "nsubj", "ROOT", "punct", "punct", "dobj", "punct", "punct", "compound"]
_DEPS += ["xcomp", "punct", "punct", "intj", "punct", "punct"]
_TAGS = ["WRB", "NN", "VBD", ",", "``", "NNP", ",", "''", "NNP", "VBD", ",", "``", "UH", "."]
_TAGS += ["''"]
_POS = ["SCONJ", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "PUNCT", "PUNCT", "PROPN", "VERB"]
_POS += ["PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"]


def test_a_name_hung_on_the_verb_as_a_compound_is_its_subject() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=_WORDS,
        spaces=[True, True, False, True, False, False, False, True, True, False, True, False]
        + [False, False, False],
        heads=_HEADS,
        deps=_DEPS,
        tags=_TAGS,
        pos=_POS,
        lemmas=[{"shouted": "shout", "joked": "joke"}.get(w, w.lower()) for w in _WORDS],
        sent_starts=[True] + [False] * (len(_WORDS) - 1),
        ents=["O"] * 8 + ["B-PERSON"] + ["O"] * 6,
    )
    found = speaker_token(doc[9])
    assert found is not None and found.text == "Reed"


def test_a_name_hung_on_a_verb_that_is_no_saying_is_left_alone() -> None:
    # "Lund co-founded the union to oppose the toll": the tagger split "co-founded" and made
    # "co" a verb with "Lund" its compound; an aim is no stance of Lund's.
    words = ["Lund", "co", "-", "founded", "the", "union", "to", "oppose", "the", "toll", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, False, False, True, True, True, True, True, True, False, False],
        heads=[1, 1, 1, 1, 5, 3, 7, 3, 9, 7, 1],
        deps=["compound", "ROOT", "punct", "advcl", "det", "dobj", "aux", "advcl", "det"]
        + ["dobj", "punct"],
        tags=["NNP", "VBD", "VBD", "VBD", "DT", "NN", "TO", "VB", "DT", "NN", "."],
        pos=["PROPN", "VERB", "VERB", "VERB", "DET", "NOUN", "PART", "VERB", "DET", "NOUN"]
        + ["PUNCT"],
        lemmas=[w.lower() for w in words],
        sent_starts=[True] + [False] * (len(words) - 1),
        ents=["B-PERSON"] + ["O"] * 10,
    )
    assert compound_name_subject(doc[1]) is None


def _director_doc(name_ent: str) -> Doc:
    # "the director, Ivo Brant, smiled": the name in apposition after the title.
    words = ["the", "director", ",", "Ivo", "Brant", ",", "smiled"]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, False, True, True, False, True, False],
        heads=[1, 6, 1, 4, 1, 1, 6],
        deps=["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT"],
        pos=["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"],
        sent_starts=[True] + [False] * 6,
        ents=["O", "O", "O", f"B-{name_ent}", f"I-{name_ent}", "O", "O"],
    )


def test_the_person_in_apposition_after_a_title_is_found() -> None:
    doc = _director_doc("PERSON")
    assert is_title_subject(doc[1]) and not is_title_subject(doc[4])
    assert [t.text for t in persons_in_apposition(doc[1])] == ["Brant"]
    assert list(persons_in_apposition(_director_doc("ORG")[1])) == []


def test_an_office_word_is_a_role_noun_or_a_word_qualifying_one() -> None:
    assert is_office_word("deputy") and is_office_word("prime") and is_office_word("ministers")
    assert not is_office_word("harbour")
