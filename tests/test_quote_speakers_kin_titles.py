"""Speakers named by a relation, a title or a neighbouring sentence, as short wire stories write
them: an agency in capitals that spell a pronoun with no article before it, a relative known
only through the person they belong to, a title followed by the holder's name, and a quotation
that follows another speaker's sentence. Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def test_an_agency_in_capitals_without_an_article_is_a_speaker() -> None:
    result = analyze(
        "World Health Organization (WHO) experts arrived in Dover. "
        'WHO describes the rash as "red, itchy and slow to fade."'
    )
    assert dict(speakers(result))["red, itchy and slow to fade."] == "World Health Organization"


def test_a_relative_named_through_someone_else_speaks_for_themselves() -> None:
    result = analyze(
        "Ann Reed won the county rowing prize on Sunday. "
        'Ann Reed\'s husband told reporters: "We trained on the river every single morning."'
    )
    speaker = dict(speakers(result))["We trained on the river every single morning."]
    assert speaker == "Ann Reed's husband"


def test_a_title_followed_by_a_comma_and_a_name_is_that_persons_for_a_later_pronoun() -> None:
    result = analyze(
        "The State Ports Minister, Tom Reed told a radio station that the harbour stays shut. "
        '"We will open it once the wall is fixed," he said.'
    )
    assert dict(speakers(result))["We will open it once the wall is fixed,"] == "Tom Reed"


def test_a_title_after_the_verb_that_runs_on_to_a_name_is_that_persons() -> None:
    result = analyze(
        '"The ferry timetable will change in May," said the officer responsible for '
        "the county's transport budget, Ann Pratt."
    )
    assert dict(speakers(result))["The ferry timetable will change in May,"] == "Ann Pratt"


def test_a_quotation_after_a_later_speakers_sentence_is_that_speakers() -> None:
    result = analyze(
        'Mayor Tom Reed said last Friday that "the bridge stays shut. Nobody may cross it." '
        "According to Ann Pratt, the county engineer, the repairs may take a month. "
        'She cautioned against a quick reopening, however. "Steel needs time. We test first."'
    )
    found = dict(speakers(result))
    assert found["the bridge stays shut. Nobody may cross it."] == "Tom Reed"
    assert found["Steel needs time. We test first."] == "Ann Pratt"
