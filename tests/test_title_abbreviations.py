"""Offices written as abbreviations before a name ("Sen.", "Gov.") are titles, so a later "the
senator" is that person; a description naming a place needs a holder of that place."""

from __future__ import annotations

import pytest

import parley
from parley.nlp.rules.actors.index import parse_description

pytestmark = pytest.mark.model


def speakers(text: str) -> dict[str, str | None]:
    result = parley.analyze(text, published="2016-01-18")
    return {
        q.text: q.speaker.name if q.speaker else None for q in result.quotes if q.kind == "direct"
    }


def test_abbreviated_office_before_a_name_is_the_later_description() -> None:
    text = (
        "Sen. Bernie Sanders spoke to voters in Iowa on Monday. Hillary Clinton was in Ohio.\n\n"
        '"We need a political revolution," the senator said.'
    )
    assert speakers(text)["We need a political revolution,"] == "Bernie Sanders"


def test_place_of_several_words_in_a_description_is_read_whole() -> None:
    text = (
        "Gov. Chris Christie of New Jersey attacked Jeb Bush on Tuesday.\n\n"
        '"He is not ready," the New Jersey governor said.'
    )
    assert speakers(text)["He is not ready,"] == "Chris Christie"
    country, head, _, _ = parse_description("the New Mexico governor") or (None, "", [], [])
    assert (country, head) == ("USA", "governor")


def test_description_from_a_place_needs_a_holder_of_that_place() -> None:
    text = (
        "Sen. Ann Warren spoke in Boston. Hillary Clinton met Bernie Sanders on Monday.\n\n"
        "Clinton and the senator from Vermont must reconcile soon.\n\n"
        'Clinton said that she called Sanders. "I think he understands what is at stake," '
        "she said."
    )
    assert speakers(text)["I think he understands what is at stake,"] == "Hillary Clinton"
    result = parley.analyze(text, published="2016-01-18")
    warren = next(a for a in result.actors if a.name == "Ann Warren")
    assert "the senator from Vermont" not in warren.aliases


def test_description_set_off_after_a_name_is_that_name() -> None:
    text = (
        "Sen. Ed Kenny of Massachusetts fought the party in 1980.\n\n"
        "One choice is Ann Warren, the senator from Massachusetts, who led the party for years."
    )
    result = parley.analyze(text, published="2016-01-18")
    kenny = next(a for a in result.actors if a.name == "Ed Kenny")
    assert "the senator from Massachusetts" not in kenny.aliases
