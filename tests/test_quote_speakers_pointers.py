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


def test_the_subject_of_a_passive_said_to_be_is_not_the_speaker() -> None:
    text = (
        "Mayor Tom Reed tested positive for the flu on Friday. Reed was said to be suffering "
        '"mild symptoms", and was taken to a clinic as a precaution. He tweeted, "I feel fine."'
    )
    found = dict(speakers(analyze(text)))
    assert found.get("mild symptoms") is None
    assert found.get("I feel fine.") == "Tom Reed"


def test_a_passive_naming_verb_inside_a_judgement_names_no_speaker() -> None:
    text = (
        "Tom Reed argued that the town can fix its problems. He found it strange that he was "
        'called a "Democratic radical" in one paper.'
    )
    assert dict(speakers(analyze(text))).get("Democratic radical") is None
    # A speaker who reports the passive clause, or its "by" phrase, still names one.
    reported = 'Mayor Tom Reed said the plan was described as "a disaster waiting to happen".'
    assert _speaker_of(reported, "a disaster waiting to happen") == "Tom Reed"
    agent = 'Senator Ann Pratt was described as "a tireless worker" by her colleagues.'
    assert _speaker_of(agent, "a tireless worker") == "her colleagues"


def test_professed_himself_puts_the_words_on_the_subject() -> None:
    text = (
        'Five hopefuls spoke at the hall. Tom Reed professed himself "deeply worried" about '
        "the budget. Ann Pratt found it odd that the debate ran late."
    )
    assert _speaker_of(text, "deeply worried") == "Tom Reed"


def test_the_latter_is_the_second_of_two_bodies_just_named() -> None:
    text = (
        "Checks were begun by the Dover Port Authority and the Harbour Safety Board, with the "
        'latter yesterday posting online that they were "not sending staff to the site at '
        'this time."'
    )
    assert _speaker_of(text, "not sending staff to the site at this time.") == (
        "Harbour Safety Board"
    )


def test_the_former_is_the_first_of_two_people_just_named() -> None:
    text = 'Tom Reed met Ann Pratt on Monday. The former said the talks were "very useful".'
    assert _speaker_of(text, "very useful") == "Tom Reed"
    # "the former president" is a title, not a pointer back.
    title = 'Ann Pratt spoke first. "We need changes," the former president told the crowd.'
    assert _speaker_of(title, "We need changes,") == "the former president"


def test_the_latter_is_the_person_named_last() -> None:
    text = 'Tom Reed met Ann Pratt on Monday. The latter said the talks were "very useful".'
    assert _speaker_of(text, "very useful") == "Ann Pratt"


def test_a_verb_of_writing_in_a_condition_does_not_name_the_speaker() -> None:
    text = (
        "According to prosecutor Tom Reed, the email if written by the suspect would help the "
        'case: "The main point is that it shows intent."'
    )
    assert _speaker_of(text, "The main point is that it shows intent.") == "Tom Reed"
