"""A lawmaker tagged with a party and a state after the name ("Sen. Ann Roe (R-Fla.)") is the
holder a later description of that state names ("the Florida senator")."""

from __future__ import annotations

import pytest

from parley.nlp.rules.actors.state_tags import state_of_tag, tag_at
from quote_reading import analyze, reported
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


@pytest.mark.parametrize(
    ("after_name", "tag"),
    [
        (" (R-Fla.) said", ("R", "Florida")),
        (" (D) said", ("D", None)),
        (" (Fla.) said", (None, "Florida")),
        (" said", (None, None)),
    ],
)
def test_tag_at_reads_party_and_state(after_name: str, tag: tuple[str | None, str | None]) -> None:
    assert tag_at("Ann Roe" + after_name, len("Ann Roe")) == tag


@pytest.mark.model
def test_party_and_state_description_is_the_tagged_member() -> None:
    text = (
        "Rep. Tom Lemmon (D-N.J.) and Rep. Carla Voss (R-Ohio) met on Tuesday.\n\n"
        '"We will not fund it," the New Jersey Democrat said. '
        '"It has to stop," the Ohio Republican said.'
    )
    found = speakers(text)
    assert found["We will not fund it,"] == "Tom Lemmon"
    assert found["It has to stop,"] == "Carla Voss"


@pytest.mark.model
def test_party_description_is_a_person_not_an_organisation() -> None:
    result = analyze(
        "Paul Hanley said on Monday he was not ready to back the nominee.\n\n"
        '"I am just not ready to do that," the Wisconsin Republican said.'
    )
    quote = next(q for q in result.quotes if q.text.startswith("I am just"))
    assert quote.speaker is not None
    actor = next(a for a in result.actors if a.id == quote.speaker.id)
    assert actor.kind == "person"


@pytest.mark.model
def test_indefinite_party_description_is_someone_new() -> None:
    text = (
        "Rep. Tom Lemmon (D-N.J.) spoke on Tuesday.\n\n"
        '"We will win the state," one New Jersey Democrat said.'
    )
    assert speakers(text)["We will win the state,"] != "Tom Lemmon"


@pytest.mark.model
def test_party_word_is_no_surname_of_a_description() -> None:
    text = (
        "The Wisconsin Republican said the party must unite.\n\n"
        "Other Republican leaders said the nominee must close the schism."
    )
    assert [name for name, _ in reported(text)] == [
        "the Wisconsin Republican",
        "Other Republican leaders",
    ]
