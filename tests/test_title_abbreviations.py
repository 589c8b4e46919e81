"""Offices written as abbreviations before a name ("Sen.", "Gov.") are titles, so a later "the
senator" is that person; a description naming a place needs a holder of that place."""

from __future__ import annotations

import pytest

from parley.nlp.rules.actors.index import parse_description
from quote_reading import analyze
from quote_reading import speaker_by_quote as speakers

pytestmark = pytest.mark.model


def test_abbreviated_office_before_a_name_is_the_later_description() -> None:
    text = (
        "Sen. Ben Odell spoke to voters in Iowa on Monday. Ruth Lane was in Ohio.\n\n"
        '"We need a new deal for farmers," the senator said.'
    )
    assert speakers(text)["We need a new deal for farmers,"] == "Ben Odell"


def test_place_of_several_words_in_a_description_is_read_whole() -> None:
    text = (
        "Gov. Tom Hale of New Jersey criticised Ed Poe on Tuesday.\n\n"
        '"The budget is not fair," the New Jersey governor told the crowd.'
    )
    assert speakers(text)["The budget is not fair,"] == "Tom Hale"
    country, head, _, _ = parse_description("the New Mexico governor") or (None, "", [], [])
    assert (country, head) == ("USA", "governor")


def test_description_from_a_place_needs_a_holder_of_that_place() -> None:
    text = (
        "Sen. Ann Moss spoke in Boise. Ruth Lane met Ben Odell on Monday.\n\n"
        "Lane and the senator from Vermont will meet again soon.\n\n"
        'Lane said that she called Odell. "I think he knows what is at stake," '
        "she said."
    )
    assert speakers(text)["I think he knows what is at stake,"] == "Ruth Lane"
    result = analyze(text)
    moss = next(a for a in result.actors if a.name == "Ann Moss")
    assert "the senator from Vermont" not in moss.aliases


def test_description_set_off_after_a_name_is_that_name() -> None:
    text = (
        "Sen. Ed Kenny of Idaho fought the party in 1980.\n\n"
        "One choice is Ann Moss, the senator from Idaho, who led the party for years."
    )
    result = analyze(text)
    kenny = next(a for a in result.actors if a.name == "Ed Kenny")
    assert "the senator from Idaho" not in kenny.aliases
