"""Clauses that carry a partial quotation in a complement (round 16, issue 11).

A subject presenting itself ('cast himself as a "reform candidate"'), a verb that puts a "with"
phrase on its object ('credited the mayor with keeping "the town together"'), and a passive
verb of calling whose "by" phrase the parser hung on the quoted words ('was called a
"giveaway" by the mayor's allies'). Each fixture is a short sentence composed for one
behaviour, with invented names."""

from __future__ import annotations

import pytest

import parley
from parley.types import Quote


def entries(text: str) -> list[Quote]:
    return list(parley.analyze(text, published="2025-04-18").quotes)


def of_kind(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "clause", "quoted"),
    [
        pytest.param(
            'Ann Pratt offered herself as a "unity candidate" and asked voters for help.',
            "Ann Pratt",
            "offered",
            'herself as a "unity candidate"',
            "unity candidate",
            id="offered-herself-as",
        ),
        pytest.param(
            "Saying only he could mend the roads, Mayor Tom Reed offered himself to voters as "
            'the "safe streets" choice and then made a plea to drivers.',
            "Tom Reed",
            "offered",
            'himself to voters as the "safe streets" choice',
            "safe streets",
            id="offered-himself-after-a-participle",
        ),
        pytest.param(
            'Ann Pratt credited the mayor with keeping "the whole harbour together" through '
            "the storm.",
            "Ann Pratt",
            "credited",
            'the mayor with keeping "the whole harbour together" through the storm',
            "the whole harbour together",
            id="credited-with",
        ),
    ],
)
def test_the_clause_around_a_quoted_complement_is_reported(
    text: str, speaker: str, cue: str, clause: str, quoted: str
) -> None:
    quotes = entries(text)
    partial = [q for q in of_kind(quotes, "partial") if q.text == quoted]
    assert len(partial) == 1
    assert partial[0].speaker is not None and partial[0].speaker.name == speaker
    assert partial[0].cue == cue
    reported = [q for q in of_kind(quotes, "indirect") if q.text == clause]
    assert len(reported) == 1
    assert reported[0].speaker is not None and reported[0].speaker.name == speaker
    assert reported[0].cue == cue


def test_a_subject_presenting_itself_is_the_cue_of_the_quotation_in_its_as_phrase() -> None:
    quotes = entries(
        'Governor Lena Holt, who has cast herself as the "clean water candidate," spoke on Monday.'
    )
    (partial,) = of_kind(quotes, "partial")
    assert partial.speaker is not None and partial.speaker.name == "Lena Holt"
    assert partial.cue == "cast"


def test_a_verb_of_self_presentation_with_another_object_is_no_cue() -> None:
    quotes = entries('Ann Pratt offered the plan as a "compromise" to the council.')
    assert not [q for q in quotes if q.cue == "offered"]


def test_a_with_phrase_without_an_object_before_it_is_no_complement() -> None:
    quotes = entries('"We are ready," Tom Reed told reporters with a smile.')
    (direct,) = of_kind(quotes, "direct")
    assert direct.speaker is not None and direct.speaker.name == "Tom Reed"
    assert not of_kind(quotes, "indirect")


@pytest.mark.parametrize(
    ("text", "speaker", "quoted"),
    [
        pytest.param(
            'The plan was called "a giveaway" by the mayor\'s allies.',
            "the mayor's allies",
            "a giveaway",
            id="was-called-by",
        ),
        pytest.param(
            'The Dover council was described as "a circus" by Tom Reed.',
            "Tom Reed",
            "a circus",
            id="was-described-as-by",
        ),
        pytest.param(
            'The scheme, dubbed "the great land grab" by critics, was dropped.',
            "critics",
            "the great land grab",
            id="participle-by",
        ),
    ],
)
def test_a_by_phrase_after_the_quoted_words_of_a_passive_verb_names_the_speaker(
    text: str, speaker: str, quoted: str
) -> None:
    (partial,) = [q for q in of_kind(entries(text), "partial") if q.text == quoted]
    assert partial.speaker is not None and partial.speaker.name == speaker


def test_a_by_phrase_inside_the_quotation_is_not_the_agent() -> None:
    quotes = entries('Tom Reed called the vote "a win by any measure" on Monday.')
    (partial,) = of_kind(quotes, "partial")
    assert partial.speaker is not None and partial.speaker.name == "Tom Reed"


@pytest.mark.parametrize(
    ("text", "cue", "clause", "quoted"),
    [
        pytest.param(
            'Senator Ann Pratt has proposed hiring a "chief housing officer" who reports to the '
            "mayor.",
            "proposed",
            'hiring a "chief housing officer" who reports to the mayor',
            "chief housing officer",
            id="proposed",
        ),
        pytest.param(
            'Senator Ann Pratt raved about the "best harbour in the land" on Monday.',
            "raved",
            'the "best harbour in the land"',
            "best harbour in the land",
            id="raved-about",
        ),
    ],
)
def test_a_proposal_or_praise_is_the_cue_of_the_quotation_it_governs(
    text: str, cue: str, clause: str, quoted: str
) -> None:
    quotes = entries(text)
    (partial,) = of_kind(quotes, "partial")
    assert (partial.speaker.name if partial.speaker else None, partial.cue) == ("Ann Pratt", cue)
    assert partial.text == quoted
    assert [(q.cue, q.text) for q in of_kind(quotes, "indirect")] == [(cue, clause)]


def test_a_gushing_verb_is_the_cue_of_the_quotation_after_about() -> None:
    quotes = entries(
        'Mayor Tom Reed gushed about a "shared love of the sea," and spoke warmly about the '
        "two towns."
    )
    (partial,) = of_kind(quotes, "partial")
    assert partial.cue == "gushed"


def test_a_proposal_inside_what_others_say_leaves_the_quotation_to_them() -> None:
    quotes = entries('Harbour critics say Senator Ann Pratt had proposed to "gut" the ferry law.')
    (partial,) = of_kind(quotes, "partial")
    assert partial.cue == "say"
    assert partial.speaker is not None and partial.speaker.name == "Harbour critics"


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "clause"),
    [
        pytest.param(
            "Senator Ann Pratt made the case that the harbour is too close to the banks.",
            "Ann Pratt",
            "case",
            "the harbour is too close to the banks",
            id="made-the-case",
        ),
        pytest.param(
            "Mayor Tom Reed issued a warning that the budget would leave the town short by May.",
            "Tom Reed",
            "warning",
            "the budget would leave the town short by May",
            id="issued-a-warning",
        ),
        pytest.param(
            "Senator Ann Pratt made the suggestion that the mayor should get only false reports.",
            "Ann Pratt",
            "suggestion",
            "the mayor should get only false reports",
            id="made-the-suggestion",
        ),
    ],
)
def test_a_noun_of_saying_made_or_issued_reports_its_that_clause(
    text: str, speaker: str, cue: str, clause: str
) -> None:
    found = [
        (q.speaker.name if q.speaker else None, q.cue, q.text)
        for q in of_kind(entries(text), "indirect")
    ]
    assert found == [(speaker, cue, clause)]


def test_a_noun_of_saying_with_a_relative_clause_reports_nothing() -> None:
    assert not of_kind(
        entries("Senator Ann Pratt made a point that nobody liked on Monday."), "indirect"
    )


def test_a_term_in_a_phrase_inside_a_proposal_is_no_quotation_of_the_proposer() -> None:
    quotes = entries(
        'Senator Ann Pratt proposes a new cure for the habit of "stacking" the harbour board.'
    )
    assert not of_kind(quotes, "partial")
