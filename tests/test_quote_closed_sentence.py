"""A quotation closed by "!" or "?" and followed by a sentence whose verb has an object of its
own: that verb starts a new sentence and does not attribute it, unless its object is the one
spoken to ("asked reporters"). Words that close a sentence begun before them take no cue from
the next sentence: the clause they are woven into frames them."""

from __future__ import annotations

import pytest

from quote_reading import speaker_by_quote as speakers

pytestmark = pytest.mark.model


def test_verb_with_its_own_object_after_an_exclamation_does_not_attribute_it() -> None:
    text = (
        "Mark Hale spoke in Denver on Monday.\n\n"
        'Hale repeated his demand: "Cut them all!" Farmers still praise his stance.'
    )
    assert speakers(text)["Cut them all!"] == "Mark Hale"


def test_verb_whose_object_is_the_listener_still_attributes_it() -> None:
    text = (
        "Mark Hale spoke in Denver on Monday.\n\n"
        '"Do you think I will change now?" Hale asked reporters at the rally.'
    )
    assert speakers(text)["Do you think I will change now?"] == "Mark Hale"


def test_words_closing_their_sentence_take_no_cue_from_the_next() -> None:
    text = (
        "Mark Hale spoke in Denver on Monday.\n\n"
        'During the drill, Hale coached Ana Ruiz to "breathe out, breathe out." '
        "That prompted Tom Reed to joke about it."
    )
    assert speakers(text)["breathe out, breathe out."] == "Mark Hale"
