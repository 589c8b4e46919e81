"""Money, percentages, quantities and large counts with their unit and what they measure."""

from __future__ import annotations

from typing import Any

import pytest

from parley.nlp.rules.amounts import extract_amounts
from parley.nlp.rules.casualties import extract_casualties

pytestmark = pytest.mark.model

CASES = [
    ("Washington pledged $500 million in aid to Kyiv.", "$500 million", 5e8, "USD", "aid"),
    ("The European Union approved a €2bn loan for reconstruction.", "€2bn", 2e9, "EUR", "loan"),
    (
        "China will impose a 30 percent tariff on American soybeans.",
        "30 percent",
        30.0,
        "percent",
        "tariff",
    ),
    ("The US raised tariffs on steel by 25%.", "25%", 25.0, "percent", "tariffs"),
    (
        "NATO will deploy 10,000 troops to the eastern flank.",
        "10,000 troops",
        10000.0,
        "troops",
        "troops",
    ),
    (
        "Ukraine exported 5,000 tonnes of grain through the corridor.",
        "5,000 tonnes",
        5000.0,
        "tonnes",
        "grain",
    ),
    (
        "Russia released 90 prisoners of war on Sunday.",
        "90 prisoners",
        90.0,
        "prisoners",
        "prisoners",
    ),
    (
        "The typhoon had sustained winds of 90 miles per hour.",
        "90 miles per hour",
        90.0,
        "miles per hour",
        "winds",
    ),
    (
        "The blockade costs Yemen between $2 and $3 billion a year.",
        "between $2 and $3 billion",
        2e9,
        "USD",
        "blockade",
    ),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "measures"), CASES)
def test_amounts_value_unit_and_measure(
    nlp: Any, text: str, span: str, value: float, unit: str, measures: str | None
) -> None:
    (amount,) = extract_amounts(nlp(text))
    assert (amount.text, amount.value, amount.unit, amount.measures) == (
        span,
        value,
        unit,
        measures,
    )
    assert text[amount.start : amount.end] == amount.text


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders discussed three conditions in Geneva.",
        "The talks lasted 12 hours.",
        "A 15-year-old boy was among the protesters.",
        "The summit was held in 2019.",
        "According to a 2014 survey, the party is popular.",
        "Fans gathered outside Area 51 on Friday.",
    ],
)
def test_amounts_skip_prose_counts_durations_and_years(nlp: Any, text: str) -> None:
    assert extract_amounts(nlp(text)) == []


def test_amounts_do_not_repeat_casualty_figures(nlp: Any) -> None:
    doc = nlp("Shelling killed 120 civilians and destroyed 300 homes.")
    amounts = extract_amounts(doc, casualties=extract_casualties(doc))
    assert [(a.value, a.unit) for a in amounts] == [(300.0, "homes")]


def test_amounts_conversions_in_brackets_measure_the_same_thing(nlp: Any) -> None:
    doc = nlp("The two officers must pay €15,000 (£12,800; US$16,300) in damages.")
    assert [(a.text, a.unit, a.measures) for a in extract_amounts(doc)] == [
        ("€15,000", "EUR", "damages"),
        ("£12,800", "GBP", "damages"),
        ("US$16,300", "USD", "damages"),
    ]


def test_amounts_entity_ending_in_a_conjunction_is_trimmed(nlp: Any) -> None:
    # The tagger sometimes gives "89% and" as one PERCENT entity (seen on a bulk article).
    from spacy.tokens import Span

    doc = nlp("Among adults the share was 89% and 85% among teenagers.")
    start = next(t.i for t in doc if t.text == "89")
    doc.ents = [Span(doc, start, start + 3, label="PERCENT")]  # 89 % and
    assert [(a.text, a.unit) for a in extract_amounts(doc)] == [("89%", "percent")]


def test_amounts_a_unit_is_never_what_an_amount_measures(nlp: Any) -> None:
    doc = nlp("The cable is 75 ft long and the puppy weighed about ten lbs at birth.")
    found = [(a.text, a.measures) for a in extract_amounts(doc)]
    assert found and all(m is None or m.split()[-1] not in ("ft", "lbs") for _, m in found)
