"""The speaker of a quotation whose marks are missing or misplaced, as a reader takes it
(sentences we wrote, with the real English pipeline)."""

from __future__ import annotations

import pytest

from quote_reading import analyze, speakers

pytestmark = pytest.mark.model


def test_closing_mark_left_out_before_the_attribution() -> None:
    text = (
        "The clinic reopened on Monday.\n\n"
        '"Few owners knew which forms to file or which receipts to keep, said Ines Varga, '
        "whose group runs the clinic.\n\n"
        "The clinic opens at nine."
    )
    assert ("Few owners knew which forms to file or which receipts to keep,", "Ines Varga") in (
        speakers(analyze(text))
    )


def test_closing_mark_left_out_before_the_attribution_and_the_next_quotation() -> None:
    text = (
        "Tomas Lund, the harbour master, spoke after the storm.\n\n"
        '"Short of a ferry on every route, he added, "the islands will stay cut off."'
    )
    found = speakers(analyze(text))
    assert ("Short of a ferry on every route,", "Tomas Lund") in found
    assert ("the islands will stay cut off.", "Tomas Lund") in found


def test_inverted_attribution_ending_the_sentence_a_quotation_closed_early() -> None:
    # The abbreviation before the paragraph break runs the parser's sentence into the next
    # paragraph; the verb set first after the comma still names the speaker after it.
    text = (
        "The committee met on Tuesday.\n\n"
        '"Clubs are short of players. Schools have plenty. They have no choice" but to recruit '
        "there, says Mara Lind, a media consultant in Denver, Colo.\n\n"
        "The vote is next week."
    )
    quotation = "Clubs are short of players. Schools have plenty. They have no choice"
    assert (quotation, "Mara Lind") in speakers(analyze(text))
