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
def test_actors_and_modifiers_are_not_literal_places(nlp: Any, text: str, not_a_place: str) -> None:
    # Every toponym is reported (geoparsing counts them), but one standing for a government
    # or used as a modifier is marked non-literal so events and the map leave it out.
    found = [p for p in extract_places(nlp(text)) if p.name == not_a_place]
    assert all(not p.literal for p in found), found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Troops crossed into Ukraine before dawn.", "Ukraine", "country"),
        ("Shelling went on in Ukraine's east through the night.", "Ukraine", "country"),
        ("Officials from Kenya flew to Nairobi to meet the envoy.", "Nairobi", "city"),
        ("The outbreak spread from Ontario to Manitoba last month.", "Manitoba", "admin1"),
        # a list of provinces: "New Brunswick" is the province, not the New Jersey town
        ("Cases were found in Alberta, Manitoba and New Brunswick.", "New Brunswick", "admin1"),
        # a list of states, not the town of Washington in Pennsylvania
        ("Cases were found in Washington, Pennsylvania and California.", "Washington", "admin1"),
        # the small model tags these divisions ORG
        ("Horses fell ill across NSW and Queensland.", "NSW", "admin1"),
        ("Floods hit the states of Bihar and Uttar Pradesh.", "Uttar Pradesh", "admin1"),
        (
            "Aid reached the Democratic Republic of Congo.",
            "Democratic Republic of Congo",
            "country",
        ),
    ],
)
def test_literal_toponyms_anywhere(nlp: Any, text: str, name: str, kind: str) -> None:
    hit = next((p for p in extract_places(nlp(text)) if p.name == name), None)
    assert hit is not None
    assert hit.literal and hit.kind == kind
    assert hit.confidence is not None and 0 < hit.confidence <= 1


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("A tornado damaged homes in Springfield, Illinois, on Sunday.", "Springfield", "Illinois"),
        ("A tornado damaged homes in Springfield, Missouri, on Sunday.", "Springfield", "Missouri"),
        ("Flooding closed roads in Athens, Ohio, on Monday.", "Athens", "Ohio"),
    ],
)
def test_containment_picks_the_namesake(nlp: Any, text: str, name: str, admin1: str) -> None:
    hit = next(p for p in extract_places(nlp(text)) if p.name == name)
    assert (hit.country, hit.admin1) == ("USA", admin1)
    assert hit.geonameid is not None and hit.feature_class == "P"


def test_article_context_picks_the_namesake(nlp: Any) -> None:
    text = (
        "Storms swept across Ohio on Tuesday. In Athens, the university closed early and "
        "crews cleared fallen trees."
    )
    hit = next(p for p in extract_places(nlp(text)) if p.name == "Athens")
    assert (hit.country, hit.admin1) == ("USA", "Ohio")


def test_small_towns_are_known(nlp: Any) -> None:
    # Soldeu has about 600 inhabitants: the gazetteer holds every place of 500 or more.
    hit = next(
        p for p in extract_places(nlp("Skiers gathered in Soldeu, Andorra.")) if p.name == "Soldeu"
    )
    assert hit.country == "AND" and hit.population is not None and hit.population < 1000


def test_names_of_other_things_are_not_places(nlp: Any) -> None:
    places = extract_places(nlp("Doctors confirmed two cases of Marburg virus this week."))
    assert "Marburg" not in {p.name for p in places}


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


def test_dateline_places_and_their_country(nlp: Any) -> None:
    text = "ATHENS, Ga. (AP) — Crews cleared roads in Athens after the storm."
    places = extract_places(nlp(text))
    first = places[0]
    assert (first.name, first.country, first.admin1) == ("ATHENS", "USA", "Georgia")
    assert first.literal
    later = next(p for p in places if p.name == "Athens")
    assert later.country == "USA"  # the dateline's country is the article's


def test_currency_and_hyphenated_names_are_not_places(nlp: Any) -> None:
    assert extract_places(nlp("The crop is worth $US 15 billion a year.")) == []
    names = {p.name for p in extract_places(nlp("Minister Ann-Christin Berg spoke on Monday."))}
    assert "Ann" not in names


def test_ambiguous_town_goes_to_the_state_of_the_other_towns(nlp: Any) -> None:
    # Three Florida towns named without their state: "Naples" is the Florida one too.
    text = "Buses left Tallahassee and Gainesville for Jacksonville and Naples."
    places = {p.name: p for p in extract_places(nlp(text))}
    assert (places["Naples"].country, places["Naples"].admin1) == ("USA", "Florida")


def test_unknown_toponyms_are_reported_and_take_their_container_point(nlp: Any) -> None:
    from parley.nlp.analyzer import _literal_places
    from parley.types import Place

    text = "Flooding hit Kibwezara, Kenya, on Monday."
    hit = next(p for p in extract_places(nlp(text)) if p.name == "Kibwezara")
    assert hit.country == "KEN" and hit.latitude is not None and hit.confidence == 0.3
    # a toponym without a point is reported but not handed to the events and the map
    nowhere = Place(name="Kibwezara", start=13, end=22)
    assert _literal_places([hit, nowhere]) == [hit]


def test_names_used_for_other_things_are_not_unknown_places(nlp: Any) -> None:
    text = "Doctors fear the Marovia virus. New cases of Marovia were found in Nigeria and Ghana."
    doc = nlp(text)
    assert any(e.label_ == "GPE" and e.text == "Marovia" for e in doc.ents)  # tagged a place
    assert [p.name for p in extract_places(doc) if p.name == "Marovia"] == []


def test_a_small_town_tagged_org_is_a_place_when_named_with_its_division(nlp: Any) -> None:
    doc = nlp("The Esperance, Western Australia council met on Monday.")
    assert any(e.label_ == "ORG" and e.text == "Esperance" for e in doc.ents)
    hit = next(p for p in extract_places(doc) if p.name == "Esperance")
    assert (hit.country, hit.admin1, hit.kind) == ("AUS", "Western Australia", "city")


def test_a_state_named_like_a_country_is_the_state_of_the_articles_counties(nlp: Any) -> None:
    text = "Clarke County schools in Georgia will close. Athens police said."
    places = {p.name: p for p in extract_places(nlp(text))}
    assert (places["Georgia"].country, places["Georgia"].kind) == ("USA", "admin1")
    assert places["Athens"].admin1 == "Georgia"
