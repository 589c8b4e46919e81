"""A quotation closed by "!" or "?" and followed by a sentence whose verb has an object of its
own: that verb starts a new sentence and does not attribute it, unless its object is the one
spoken to ("asked reporters")."""

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
