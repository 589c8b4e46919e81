"""A lawmaker tagged with a party and a state after the name ("Sen. Ann Roe (R-Fla.)") is the
holder a later description of that state names ("the Florida senator")."""

from __future__ import annotations

import pytest

from parley.nlp.rules.actors.state_tags import state_of_tag
from quote_reading import speaker_by_quote as speakers


@pytest.mark.parametrize(
    ("after_name", "state"),
    [
        (" (R-Fla.) said", "Florida"),
        (", D-N.Y., said", "New York"),
        (" (D-W. Va.) said", "West Virginia"),
        (" (I-VT) said", "Vermont"),
        (" (Idaho) said", "Idaho"),
        (" (Fla.) said", "Florida"),
        (" (AP) said", None),  # a postal code alone is not a tag
        (" (TX) said", None),
        (", Idaho, said", None),  # a comma tag needs its party letter: a home town's state
        (" (R-Fla., said", None),  # an unclosed bracket
        (" (R-Atlantis) said", None),
        (" said", None),
    ],
)
def test_state_of_tag(after_name: str, state: str | None) -> None:
    assert state_of_tag("Ann Roe" + after_name, len("Ann Roe")) == state


@pytest.mark.model
def test_state_tag_makes_the_holder_of_a_description_by_state() -> None:
    text = (
        "Sen. Dana Whitfield (R-Fla.) criticised the bill on Monday. Senator Harold Birch "
        "also spoke against it.\n\n"
        '"It is a bad law," the Florida senator said.'
    )
    assert speakers(text)["It is a bad law,"] == "Dana Whitfield"


@pytest.mark.model
def test_state_tag_of_another_state_does_not_make_the_holder() -> None:
    text = (
        "Sen. Dana Whitfield (R-Ga.) criticised the bill on Monday.\n\n"
        '"It is a bad law," the Florida senator said.'
    )
    assert speakers(text)["It is a bad law,"] != "Dana Whitfield"
