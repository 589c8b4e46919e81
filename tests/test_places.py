"""Places of an article from GPE/LOC/FAC entities and repaired PERSON/ORG tags (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from parley.nlp.rules.places import extract_places

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("Russian drones struck Kharkiv and Sumy overnight on Friday.", "Sumy", "UKR", "city"),
        (
            "Russian drones struck Kharkiv and Sumy overnight on Friday.",
            "Kharkiv",
            "UKR",
            "city",
        ),
        (
            "The president gave a brief statement from the Oval Office on Tuesday.",
            "Oval Office",
            "USA",
            "facility",
        ),
        ("The minister met European leaders in Paris on Thursday.", "Paris", "FRA", "city"),
        ("Fighting continued across northeastern Ukraine overnight.", "Ukraine", "UKR", "country"),
        ("Troops advanced in Donbas as shelling continued.", "Donbas", "UKR", "region"),
    ],
)
def test_places_are_geocoded(nlp: Any, text: str, name: str, country: str, kind: str) -> None:
    places = extract_places(nlp(text))
    hit = next((p for p in places if p.name == name), None)
    assert hit is not None, [p.name for p in places]
    assert (hit.country, hit.kind) == (country, kind)
    assert hit.latitude is not None and hit.longitude is not None
    assert text[hit.start : hit.end] == hit.name


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Moscow rejected the proposal on Tuesday.", "Moscow"),
        ("Russia said it would not attend the summit.", "Russia"),
        ("Kremlin spokesman Arkady Lebedin declined to comment.", "Kremlin"),
        ("Talks between Russia and Ukraine stalled.", "Ukraine"),
    ],
)
def test_actors_and_modifiers_are_not_places(nlp: Any, text: str, not_a_place: str) -> None:
    assert not_a_place not in {p.name for p in extract_places(nlp(text))}


def test_country_hint_prefers_local_place(nlp: Any) -> None:
    text = "Republican Wade Tillery of Georgia spoke in Athens on Monday."
    places = {p.name: p for p in extract_places(nlp(text), country_hint="USA")}
    assert places["Athens"].country == "USA"
    places = {p.name: p for p in extract_places(nlp(text), country_hint=None)}
    assert places["Athens"].country in {"GRC", "USA"}  # hint from the text itself


def test_analyze_returns_places(nlp: Any) -> None:
    from parley.service import analyze

    result = analyze("Russian strikes hit Kharkiv on Friday, officials in Kyiv said.")
    names = {p["name"] for p in result.to_dict()["places"]}
    assert "Kharkiv" in names
