"""Speakers whose office stands before their name, and speech that a reader gives to the one
who urged: an office set before its holder's name by a comma, a pronoun after such an
apposition, a surname the tagger took for an adverb, and a participle of saying after a "to"
clause of a verb of control.
Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def test_an_office_before_a_comma_and_a_name_is_the_holders_title() -> None:
    result = analyze('According to Dover Fire Chief, Tom Reedy, "the call came in at noon."')
    assert dict(speakers(result))["the call came in at noon."] == "Tom Reedy"


def test_a_pronoun_after_an_office_in_apposition_is_the_holder() -> None:
    result = analyze(
        "The Executive Director of the Dover Health Board, Ann Pratt, said that nurses were in "
        'the camps. She also said that "the aim is to give care all day."'
    )
    assert dict(speakers(result))["the aim is to give care all day."] == "Ann Pratt"


def test_a_surname_read_as_an_adverb_is_still_the_speaker() -> None:
    result = analyze(
        'Dover fire chief Tom Reedly said "the hall is closed." '
        'Reedly also stated that the parcel "held a note," but would not say more.'
    )
    assert dict(speakers(result))["held a note,"] == "Tom Reedly"


def test_a_participle_of_saying_after_a_control_verb_is_the_one_who_urged() -> None:
    result = analyze(
        "Secretary Ann Pratt urged voters not to worry saying that the council is issuing "
        'a "notice of readiness."'
    )
    assert dict(speakers(result))["notice of readiness."] == "Ann Pratt"


def test_an_office_in_lower_case_before_a_comma_and_a_name_is_the_holders() -> None:
    result = analyze('According to the town fire chief, Tom Reedly, "a call came in at noon."')
    assert dict(speakers(result))["a call came in at noon."] == "Tom Reedly"
