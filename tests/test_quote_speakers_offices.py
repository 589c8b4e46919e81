"""Speakers named through an office the parse keeps apart from the holder's name: a title with
its own short phrase of place before the comma and the name (for a later pronoun), a name the
parser folded into the title after it, a name and a title left without the closing comma, a
long lower-case title after the verb, a title owned by a body whose name holds "and", a body
given its name by "called", and a title whose lower-case word the tagger cut from a
capitalised one; and the name of a part an actor plays, which "she" does not refer to. Two
guards keep a body named in full and a name after "speaking to". Every sentence here is
invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


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
        "The cakes were poisoned, but the Air force Secretary says that they were sent "
        'as a "goodwill gesture."'
    )
    speaker = _speaker_of(text, "goodwill")
    assert speaker is not None and speaker.endswith("Air force Secretary")


def test_a_company_called_by_its_name_is_that_name() -> None:
    text = 'A small firm called Brightwell said "our pumps were never tested."'
    assert _speaker_of(text, "our pumps") == "Brightwell"


def test_a_body_named_in_full_before_a_lower_case_noun_stays_the_body() -> None:
    text = 'Prices will "keep rising all year," according to the Reuters news service.'
    assert _speaker_of(text, "keep rising") == "Reuters"


def test_a_name_then_a_title_without_its_closing_comma_is_the_speaker() -> None:
    text = (
        "In the blog post Tom Reed, the Chief Technological Officer of Acme said the board "
        "had been told of the change."
    )
    assert _speaker_of(text, "the board had") == "Tom Reed"


def test_a_name_after_speaking_to_and_a_comma_is_not_the_titles_holder() -> None:
    text = 'Speaking to Tom Reed, the minister said the plan was "dead in the water".'
    assert _speaker_of(text, "dead in") == "the minister"


def test_a_long_lower_case_title_after_the_verb_runs_on_to_the_holders_name() -> None:
    text = (
        '"We are watching the farms", said director of health and hygiene within the '
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
        'losing the character of Kira Vale, the producers made her a regular. "It was a good '
        'day," she recalls.'
    )
    assert _speaker_of(text, "It was a good day") == "Ann Pratt"


def test_a_long_title_ended_by_its_holders_name_before_the_verb_is_that_name() -> None:
    text = (
        "Special Envoy of the UN Secretary-General for Kenya Tom Reed said that aid workers "
        '"face more danger than anywhere else."'
    )
    assert _speaker_of(text, "face more danger") == "Tom Reed"
