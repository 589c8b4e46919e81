"""A full quotation whose sentence runs on past the closing mark (rules/quote_tail.py).

'said, "..." until the vote': the quotation with the phrase that finishes the speaker's
sentence is one more ``indirect`` entry of the same speaker; the quotation stays ``direct``.
Each fixture is a short sentence composed for one behaviour."""

from __future__ import annotations

import parley
from parley.types import Quote


def entries(text: str) -> list[Quote]:
    return list(parley.analyze(text, published="2025-04-18").quotes)


def texts(text: str, kind: str) -> list[str]:
    return [text[q.start : q.end] for q in entries(text) if q.kind == kind]


def test_a_phrase_after_the_closing_mark_joins_the_quotation() -> None:
    text = 'Mayor Ana Ruiz said, "We need two more months" until the council vote.'
    (clause,) = [q for q in entries(text) if q.kind == "indirect"]
    assert text[clause.start : clause.end] == '"We need two more months" until the council vote'
    assert clause.speaker is not None and clause.speaker.name == "Ana Ruiz"
    assert texts(text, "direct") == ["We need two more months"]


def test_a_date_after_the_closing_mark_is_when_it_was_said() -> None:
    text = 'Mayor Ana Ruiz said, "We need two more months" on Tuesday evening.'
    assert texts(text, "indirect") == []


def test_a_quotation_that_ends_its_own_sentence_takes_no_tail() -> None:
    text = 'Mayor Ana Ruiz said, "I never saw the memo." from the engineers.'
    assert texts(text, "indirect") == []
