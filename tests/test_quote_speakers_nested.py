"""Speakers of quotations set in a clause of their own inside another speaker's sentence, and
names the parser left out of the subject: a clause of contrast ("while Reed said"), a relative
clause telling what came next ("to which Reed replied", "at which moment the crowd chanted") or
set off after a person ("Lund, who has vowed"), a name closing a long title, a participle
after a "with" phrase that holds a quoted title, and a request's "to" clause the parser hung
from the clause describing its addressee ("urged those calling for ... to"). Every sentence
here is invented."""

from __future__ import annotations

from quote_reading import analyze


def _reported(text: str) -> list[tuple[str, str | None]]:
    """(text, speaker's name) of each reported entry."""
    return [
        (q.text, q.speaker.name if q.speaker else None)
        for q in analyze(text).quotes
        if q.kind == "indirect"
    ]


def _quoted_by(text: str, words: str) -> str | None:
    quote = next(q for q in analyze(text).quotes if q.kind != "indirect" and q.text == words)
    return quote.speaker.name if quote.speaker else None


def test_a_reply_in_a_relative_clause_is_no_part_of_the_first_speakers_entry() -> None:
    found = _reported(
        'Pratt said the ferry would surely be ready by May, to which Reed replied: "Not a chance."'
    )
    pratt = [text for text, who in found if who == "Pratt"]
    assert pratt == ["the ferry would surely be ready by May"]


def test_a_clause_of_contrast_keeps_its_own_speaker() -> None:
    found = _reported(
        'Pratt argued that the harbor needs a new pier, while Reed said that the "costs of this '
        'pier are far too high" for the town to carry.'
    )
    assert ("the harbor needs a new pier", "Pratt") in found
    assert not any("costs" in text for text, who in found if who == "Pratt")


def test_a_crowds_chant_at_which_point_is_cut_from_the_speakers_entry() -> None:
    found = _reported(
        'Lund said, "We will build the pier" - at which moment the crowd chanted "Open the '
        'pier now!" - "and we will open it by June."'
    )
    assert not any("chanted" in text for text, who in found if who == "Lund")
    text = 'Lund said, "We will build the pier" - at which moment the crowd chanted "Open the pier now!"'
    assert _quoted_by(text, "Open the pier now!") == "the crowd"


def test_a_set_off_who_clause_is_the_named_persons_not_the_praisers() -> None:
    found = _reported(
        "Later in the show, Reed praised the harbor pilot Tom Lund, who has openly vowed not "
        'to pay the toll this year because of the council\'s "reckless spending on the new pier."'
    )
    assert ("the harbor pilot Tom Lund", "Reed") in found
    assert not any("reckless" in text for text, who in found if who == "Reed")


def test_a_name_closing_a_long_title_is_the_speaker() -> None:
    text = (
        "Acme Radio Vice President for sport and weather Sam Ruiz called the program "
        '"the best show on the air."'
    )
    assert _quoted_by(text, "the best show on the air.") == "Sam Ruiz"


def test_a_participle_after_a_with_phrase_holding_a_quoted_title_is_the_subjects() -> None:
    text = (
        'Pratt closed the hearing with a joke about the famous "Old Pier" song playing on the '
        'radio, adding, "We will all be singing it soon."'
    )
    assert _quoted_by(text, "We will all be singing it soon.") == "Pratt"


def test_a_clause_describing_the_addressee_of_a_request_is_not_its_cue() -> None:
    text = 'Ann Pratt urged those calling for her exit to "wait for the inquiry to finish."'
    assert _quoted_by(text, "wait for the inquiry to finish.") == "Ann Pratt"
    text = (
        'Ann Pratt spoke on Monday, asking those calling for her exit to "wait for the '
        'inquiry to finish."'
    )
    assert _quoted_by(text, "wait for the inquiry to finish.") == "Ann Pratt"
    # A describing clause whose own words are quoted keeps them.
    text = 'Ann Pratt urged voters to ignore those calling her plan "a waste of money."'
    assert _quoted_by(text, "a waste of money.") == "those"
