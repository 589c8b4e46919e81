"""Speakers that the words around a quotation point to or rule out: a quoted epithet before a
name is not that person's, a passive verb of saying or naming makes its subject the topic,
"professed himself" puts the words on its subject, and "the latter" / "the former" point back
to the second or first of two just named, and a verb of saying in a condition ("if written by
the suspect") names no one. Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def _speaker_of(text: str, words: str) -> str | None:
    found = dict(speakers(analyze(text)))
    assert words in found, found
    return found[words]


def test_a_quoted_epithet_before_a_name_is_the_reporters_not_the_named() -> None:
    text = (
        "Governor Tom Reed named Senator Ann Pratt of Dover as his running mate. Mayor Bill "
        'Stone questioned the choice. He said the "dishonest" Pratt criticized voters for years.'
    )
    assert _speaker_of(text, "dishonest") == "Bill Stone"
    # A closed saying before a name is no epithet: the name still says it.
    closed = 'Senator Ann Pratt spoke after the vote. "We won the day," Pratt said.'
    assert _speaker_of(closed, "We won the day,") == "Ann Pratt"
