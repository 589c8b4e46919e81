"""Speakers a reader finds where the parse points elsewhere: a role followed by the person's
name ("a nurse named ..."), a campus set after an institution's name. Every sentence here is
invented."""

from __future__ import annotations

from quote_reading import analyze


def _speaker_of(text: str, words: str) -> str | None:
    result = analyze(text)
    found = [q for q in result.quotes if q.text.startswith(words)]
    assert len(found) <= 1
    return found[0].speaker.name if found and found[0].speaker else None


def test_a_role_followed_by_named_gives_the_name() -> None:
    text = 'A ferry pilot named Olaf Brandt said, "The fog came in faster than the forecast."'
    assert _speaker_of(text, "The fog") == "Olaf Brandt"


def test_a_role_named_after_an_inverted_verb_gives_the_name() -> None:
    text = '"The fog came in faster than the forecast," said a ferry pilot named Olaf Brandt.'
    assert _speaker_of(text, "The fog") == "Olaf Brandt"


def test_a_campus_after_the_institutions_name_is_not_the_speaker() -> None:
    text = (
        "Mira Solberg of the University of Wessex, Eastport said, "
        '"The samples from the lake bed were older than we thought."'
    )
    assert _speaker_of(text, "The samples") == "Mira Solberg"
