"""Speakers of words an organisation's officials or a report passes on: officials named by the
common noun of a body the article named ("agency officials said"), a statement they made that
goes on ("the statement continued"), and the person an outlet reports or quotes ("the paper
quoted a farmer as saying", "the Herald reports of a man ... saying"), not the outlet.
Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def _direct(text: str) -> dict[str, str | None]:
    return dict(speakers(analyze(text)))


def test_officials_named_by_the_body_word_speak_for_the_body_named_before() -> None:
    found = _direct(
        "The Dover Food Agency has confirmed a case of scrapie in Kent. "
        '"The meat on sale is safe," said agency officials in a statement on Sunday. '
        '"The sheep was born on a farm in Kent," the statement continued.'
    )
    assert found["The meat on sale is safe,"] == "Dover Food Agency"
    assert found["The sheep was born on a farm in Kent,"] == "Dover Food Agency"


def test_officials_of_a_body_the_article_never_named_stay_described() -> None:
    found = _direct(
        "The Dover Food Agency has confirmed a case of scrapie in Kent. "
        '"Farmers must report every sick animal," ministry officials said.'
    )
    assert found["Farmers must report every sick animal,"] == "ministry officials"


def test_a_spokesman_of_a_named_body_stays_a_described_person() -> None:
    found = _direct(
        "The Dover Food Agency has confirmed a case of scrapie in Kent. "
        '"Farmers must report every sick animal," an agency spokesman said.'
    )
    assert found["Farmers must report every sick animal,"] == "an agency spokesman"
