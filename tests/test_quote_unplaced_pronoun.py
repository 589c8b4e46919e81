"""Quotations whose cue names the speaker by a pronoun that stands for no one the article
names ('"A," she said. "B."' after a lead that names nobody). Every sentence here is invented."""

from __future__ import annotations

import pytest

from quote_reading import analyze, speakers


@pytest.mark.xfail(
    strict=True,
    reason="a short fragment that goes on from a quotation whose pronoun cue found no speaker "
    "is dropped as a title or scare quote (quotes._is_speech); keeping it (branch pronoun18, "
    "round 18) cost PolNeAR train F1 0.00005, three right quotations with no speaker, and was "
    "not merged",
)
def test_a_fragment_after_an_unresolved_pronoun_cue_is_still_a_quotation() -> None:
    result = analyze(
        "The hall went quiet.\n\n"
        '"Small towns deserve faster trains to the coast," she said. "Nobody should wait an hour."'
    )
    assert "Nobody should wait an hour." in dict(speakers(result))


def test_the_first_quotation_of_an_unresolved_pronoun_cue_is_kept() -> None:
    result = analyze(
        "The hall went quiet.\n\n"
        '"Small towns deserve faster trains to the coast," she said. "Nobody should wait an hour."'
    )
    assert dict(speakers(result))["Small towns deserve faster trains to the coast,"] is None
