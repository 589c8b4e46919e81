"""A "he" or "she" after a sentence that brings in someone unnamed ("A police officer arrived")
refers to that person, not to a person named paragraphs before; a description that takes up
someone named ("the senator"), someone generic ("a president must") or a subject with a name
beside it stays as it was."""

from __future__ import annotations

import pytest

from quote_reading import speaker_by_quote as speakers

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        pytest.param(
            "Ruth Lane spoke on Monday.\n\n"
            'A police officer arrived later at the scene. "It was chaos," he said.',
            "It was chaos,",
            "a police officer",
            id="indefinite-subject",
        ),
        pytest.param(
            "Tom Reed spoke on Monday.\n\n"
            'One local woman waited at the gate all night. "We lost everything," she said.',
            "We lost everything,",
            "One local woman",
            id="one-local-woman",
        ),
    ],
)
def test_pronoun_takes_the_unnamed_person_just_brought_in(
    text: str, quote: str, speaker: str
) -> None:
    assert speakers(text)[quote] == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        pytest.param(
            "Ann Moss runs the shelter.\n\n"
            'Whenever a new guest arrived, a volunteer met them. "Nobody is turned away," she said.',
            "Nobody is turned away,",
            "Ann Moss",
            id="generic-whenever",
        ),
        pytest.param(
            "Tom Reed spoke on Monday.\n\n"
            'Another pollster, Ed Vance of Dover College, said the race was close. "It will go '
            'down to the wire," he said.',
            "It will go down to the wire,",
            "Ed Vance",
            id="name-beside-it",
        ),
    ],
)
def test_pronoun_keeps_a_named_person_over_a_generic_or_named_description(
    text: str, quote: str, speaker: str
) -> None:
    assert speakers(text)[quote] == speaker
