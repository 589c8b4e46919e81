"""Number words and the bounds their qualifiers imply (pure, no model)."""

from __future__ import annotations

import pytest

from parley.numbers import Bounds, is_vague_count, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5", 5.0),
        ("1,200", 1200.0),
        ("2.5 million", 2_500_000.0),
        ("twenty-five", 25.0),
        ("one hundred and five", 105.0),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("three hundred thousand", 300_000.0),
        ("$3bn", 3e9),
        ("10k", 10_000.0),
        ("Forty", 40.0),
    ],
)
def test_numbers_parse_number_reads_digits_and_words(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "people", "a", "10-15", "several", "many"])
def test_numbers_parse_number_rejects_non_numbers_and_ranges(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("at least two", 2, None),
        ("more than 100", 101, None),
        ("over 1,000", 1001, None),
        ("dozens", 24, None),
        ("hundreds", 200, None),
        ("thousands", 2000, None),
        ("tens of thousands", 20000, None),
        ("scores", 40, None),
        ("nearly 50", None, 49),
        ("almost 20", None, 19),
        ("fewer than 10", None, 9),
        ("up to 30", None, 30),
        ("no more than 5", None, 5),
        ("between 10 and 20", 10, 20),
        ("10-15", 10, 15),
        ("12", 12, 12),
        ("three", 3, 3),
        ("over a dozen", 13, None),
        ("several", 3, None),
    ],
)
def test_numbers_parse_quantity_bounds(text: str, low: int | None, high: int | None) -> None:
    bounds = parse_quantity(text)
    assert bounds is not None
    assert (bounds.min, bounds.max) == (low, high)


@pytest.mark.parametrize(("text", "value"), [("about 40", 40), ("some 300", 300), ("roughly 7", 7)])
def test_numbers_parse_quantity_marks_approximations(text: str, value: int) -> None:
    assert parse_quantity(text) == Bounds(
        min=value, max=value, value=float(value), approximate=True
    )


@pytest.mark.parametrize("text", ["", "people", "the talks"])
def test_numbers_parse_quantity_without_number_is_none(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("word", "vague"), [("dozens", True), ("Hundreds", True), ("twelve", False)]
)
def test_numbers_is_vague_count(word: str, vague: bool) -> None:
    assert is_vague_count(word) is vague
