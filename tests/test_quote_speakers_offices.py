"""Speakers whose office stands before their name, and speech that a reader gives to the one
who urged: an office set before its holder's name by a comma, a pronoun after such an
apposition (also when the office has its own short phrase of place), a surname the tagger took
for an adverb, a participle of saying after a "to" clause of a verb of control; a name the
parser folded into the title after it, a name and a title left without the closing comma, a
long lower-case title after the verb, a long title ended by its holder's name, a title owned by
a body whose name holds "and", a body given its name by "called", a title whose lower-case word
the tagger cut from a capitalised one, and the name of a part an actor plays, which "she" does
not refer to. Two guards keep a body named in full and a name after "speaking to".
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


def _speaker_of(text: str, words: str) -> str | None:
    result = analyze(text)
    found = [q for q in result.quotes if q.text.startswith(words)]
    assert len(found) <= 1
    return found[0].speaker.name if found and found[0].speaker else None


def test_a_title_with_a_place_before_the_comma_and_name_is_that_persons_for_a_later_he() -> None:
    result = analyze(
        'Chief Medical Officer for Dover, Dr. Tom Reed, said, "There is a low risk at present." '
        'He added that "anyone who feels ill should see a doctor."'
    )
    speaker = dict(speakers(result))["anyone who feels ill should see a doctor."]
    assert speaker == "Tom Reed"


def test_a_name_folded_into_the_title_after_it_is_the_speaker() -> None:
    text = (
        "Tom Reed Deputy Director for the Dover Center for Disease Control said "
        '"the vaccine is a year away."'
    )
    assert _speaker_of(text, "the vaccine") == "Tom Reed"


def test_a_group_called_by_its_name_is_that_name() -> None:
    text = 'A hacker group called Nightjar said "we did this to show the flaws."'
    assert _speaker_of(text, "we did this") == "Nightjar"


def test_a_title_with_a_lower_case_word_is_not_its_first_capitalised_word() -> None:
    text = (
        "The boxes were opened, but the Navy supply Secretary insists that they were meant "
        'as a "token of thanks."'
    )
    speaker = _speaker_of(text, "token of")
    assert speaker is not None and speaker.endswith("Navy supply Secretary")


def test_a_company_called_by_its_name_is_that_name() -> None:
    text = 'A small firm called Brightwell said "our pumps were never tested."'
    assert _speaker_of(text, "our pumps") == "Brightwell"


def test_a_body_named_in_full_before_a_lower_case_noun_stays_the_body() -> None:
    text = 'Rents will "keep climbing for years," according to the Reuters wire service.'
    assert _speaker_of(text, "keep climbing") == "Reuters"


def test_a_name_then_a_title_without_its_closing_comma_is_the_speaker() -> None:
    text = (
        "In a memo Tom Reed, the Chief Financial Officer of Acme told staff the board "
        "had been warned of the loss."
    )
    assert _speaker_of(text, "the board had") == "Tom Reed"


def test_a_name_after_speaking_to_and_a_comma_is_not_the_titles_holder() -> None:
    text = 'Speaking to Tom Reed, the minister said the plan was "dead in the water".'
    assert _speaker_of(text, "dead in") == "the minister"


def test_a_long_lower_case_title_after_the_verb_runs_on_to_the_holders_name() -> None:
    text = (
        '"We are watching the farms", said director of safety and hygiene within the '
        "Dover Food Agency, Tom Reed Olsen."
    )
    assert _speaker_of(text, "We are watching") == "Tom Reed Olsen"


def test_a_title_owned_by_a_body_whose_name_has_and_is_its_holders() -> None:
    text = (
        "The Avonian National Institute of Fever and Infectious Illness's director, "
        'Dr. Ann Pratt, said of the outbreak, "it is going to get worse."'
    )
    assert _speaker_of(text, "it is going") == "Ann Pratt"


def test_the_name_of_a_part_an_actor_plays_is_not_who_she_is() -> None:
    text = (
        "Ann Pratt talked of being cast in a pilot while a guest on the show. Faced with "
        'dropping the character of Kira Vale, the writers kept her on. "It was a good '
        'day," she recalls.'
    )
    assert _speaker_of(text, "It was a good day") == "Ann Pratt"


def test_a_long_title_ended_by_its_holders_name_before_the_verb_is_that_name() -> None:
    text = (
        "Special Adviser of the Dover Harbour Board for Malta Tom Reed said that dock workers "
        '"face more danger than anywhere else."'
    )
    assert _speaker_of(text, "face more danger") == "Tom Reed"
