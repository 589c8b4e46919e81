"""Which quotation marks hold speech: titles of programmes are no quotes (issue 11).

Each fixture is a short sentence composed for one behaviour."""

from __future__ import annotations

import pytest

import parley


def quoted(text: str) -> list[str]:
    return [
        q.text for q in parley.analyze(text, published="2025-04-18").quotes if q.kind != "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            '"The bridge is unsafe," Mayor Tomas Berg said on CBS\'s "Harbour Watch Tonight."',
            "Harbour Watch Tonight.",
            id="after-a-possessive",
        ),
        pytest.param(
            'Mayor Tomas Berg said in an interview with "Harbour Watch" that the bridge would close.',
            "Harbour Watch",
            id="after-with",
        ),
        pytest.param(
            "Jon Holm, the author of “Rivers and Other Roads,” said the plan was sound.",
            "Rivers and Other Roads,",
            id="title-cased-name-of-a-work",
        ),
        pytest.param(
            "Mayor Tomas Berg told “Harbour Morning Show” that the bridge would close.",
            "Harbour Morning Show",
            id="programme-told-is-the-addressee",
        ),
    ],
)
def test_programme_title_is_not_a_quote(text: str, title: str) -> None:
    assert title not in quoted(text)


def test_title_cased_words_of_a_speaker_stay_a_quote() -> None:
    # Only the place of a title (after a possessive, "on" or "with") makes it one.
    text = 'Mayor Tomas Berg told the council that the plan was "Dead On Arrival."'
    assert quoted(text) == ["Dead On Arrival."]


def test_title_cased_words_a_crowd_chants_stay_a_quote() -> None:
    text = "Hundreds of marchers went by, chanting “Lind for Mayor” all afternoon."
    assert quoted(text) == ["Lind for Mayor"]


def test_title_cased_words_in_a_headline_stay_a_quote() -> None:
    text = "Mayor Lind Says Council Backs “A Waste Of Public Money”\n\nThe mayor spoke on Monday."
    assert "A Waste Of Public Money" in quoted(text)
