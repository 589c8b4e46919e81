"""Speakers a reader finds where the parse points elsewhere: a role followed by the person's
name ("a nurse named ..."), a campus set after an institution's name, a fragment woven into a
sentence of its own subject, a quotation after the sentence of the one who said it, a verb of
saying used in another sense after the marks, a verb of saying coordinated with the verb
that reports a clause, two fragments joined in one frame, a quotation after a sentence
whose subject is "she", and a quotation after a paragraph that ends on a bracketed aside or
on an "-ing" word after "have" ("have admitting rights") that only looks like a verb of saying.
Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


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


def test_a_fragment_woven_into_a_sentence_of_its_own_subject_is_that_subjects() -> None:
    text = (
        'Mayor Ann Pratt gave a talk calling herself the "voice of the docks." Senator Joan '
        'Blake of Ohio quit the race. She backed the choice of a "steady hand."'
    )
    speaker = _speaker_of(text, "steady hand")
    assert speaker is not None and "Blake" in speaker


def test_a_quotation_after_its_speakers_sentence_is_not_lent_by_a_later_one() -> None:
    text = (
        "Tom Reed said he and a cousin are in talks with a studio about a new show. "
        '"We are meeting the network this week. Nobody can say who holds the film rights." '
        'Ann Pratt talked of being cast as the lead. "That was a happy morning," she remembers.'
    )
    assert _speaker_of(text, "We are meeting") == "Tom Reed"


def test_an_infinitive_after_the_marks_is_not_a_cue() -> None:
    text = (
        "According to the Eastport harbour board, pilots would get "
        '"new tools" to maintain calm during storms.'
    )
    speaker = _speaker_of(text, "new tools")
    assert speaker is not None and "harbour board" in speaker


def test_a_ruling_coordinated_with_the_reporting_verb_is_its_subjects() -> None:
    text = (
        "A judge agreed the memo may have held private data but ruled that "
        '"the harm is done" with copies already printed.'
    )
    speaker = _speaker_of(text, "the harm")
    assert speaker is not None and "judge" in speaker


def test_the_second_of_two_joined_fragments_shares_the_firsts_speaker() -> None:
    text = (
        "The Dover Herald reported that Mayor Tom Reed described the ferry plan as "
        '"reckless" and "cruel."'
    )
    assert _speaker_of(text, "cruel") == "Tom Reed"


def test_a_quotation_after_a_sentence_with_she_for_subject_is_hers() -> None:
    text = (
        "Actress Ann Pratt joined the cast of a harbour drama. Unhappy with her part, she left "
        'the show after one season. "This is not why I became an actor. I wanted more than two '
        'lines a week."'
    )
    assert _speaker_of(text, "This is not why") == "Ann Pratt"


def test_a_cue_in_a_bracketed_aside_is_not_the_voice_the_next_paragraph_continues() -> None:
    text = (
        "Governor Ann Pratt also spoke about the court case. (The rules require that pilots at "
        "small airports have admitting rights, and the bill bans flights after midnight.)\n\n"
        '"The runway is open to all. But it is not open if you cannot reach it."'
    )
    assert _speaker_of(text, "The runway") == "Ann Pratt"


def test_a_quotation_in_a_bracketed_aside_is_not_the_voice_continued() -> None:
    text = (
        "Governor Ann Pratt spoke about the court case. (Tom Reed called the ruling "
        '"a disgrace to the port.")\n\n'
        '"The runway is open to all. But it is not open if you cannot reach it."'
    )
    assert _speaker_of(text, "The runway") == "Ann Pratt"


def test_a_cue_in_a_bracketed_aside_just_before_gives_no_speaker() -> None:
    text = (
        "Governor Ann Pratt spoke about the court case. (The rules require that pilots at small "
        'airports have admitting rights.) "The runway is open to all. But it is not open if you '
        'cannot reach it."'
    )
    speaker = _speaker_of(text, "The runway")
    assert speaker is None or "Pratt" in speaker


def test_an_ing_word_after_have_is_no_cue_for_the_next_paragraph() -> None:
    text = (
        "Governor Ann Pratt spoke about the court case. The rules require that pilots at small "
        "airports have admitting rights.\n\n"
        '"The runway is open to all. But it is not open if you cannot reach it."'
    )
    assert _speaker_of(text, "The runway") == "Ann Pratt"


def test_who_after_a_medium_stands_for_the_person_before_it() -> None:
    text = 'The harbour master radioed Captain Ola Berg on the radio, who replied at once: "Understood!"'
    assert _speaker_of(text, "Understood") == "Ola Berg"


def test_a_reply_in_a_relative_clause_before_a_colon_is_the_cue() -> None:
    text = 'Reyes says to Tomas Lind on camera, who responds eagerly: "Gladly, any time!"'
    assert _speaker_of(text, "Gladly") == "Tomas Lind"


def test_according_to_a_bodys_own_document_points_ahead_to_the_clauses_subject() -> None:
    result = analyze(
        "The final was due at the Lakeside Arena in Tulsa. According to its own notice on Monday, "
        'the league was "suspending play until further notice."'
    )
    assert dict(speakers(result))["suspending play until further notice."] == "the league"
