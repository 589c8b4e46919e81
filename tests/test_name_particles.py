"""Lower-case particles are part of a person's name ("Tom de Vries", "Greta von der Linden",
"Karim al-Nouri"): the surname with its particle ("Mayor de Vries", "von der Linden said") is
a later mention of the same person, and a named person described in apposition ("..., a
member of the Green Party,") is the speaker, not the party the description mentions."""

from __future__ import annotations

import pytest

from parley.nlp.rules.actors import names_compatible
from quote_reading import analyze
from quote_reading import speaker_by_quote as speakers


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("de Vries", "Tom de Vries", True),
        ("von der Linden", "Greta von der Linden", True),
        ("Nouri", "Karim al-Nouri", True),  # "al-" joined by a hyphen
        ("al-Nouri", "Karim al-Nouri", True),
        ("dos Reis", "Mat Reis", True),  # a lower-case particle left out
        ("de Vries", "Anna de Graaf", False),
        ("Van Holt", "Tom Holt", False),  # a capitalised "Van" may be a given name
    ],
)
def test_names_with_particles_compatible(short: str, long: str, expected: bool) -> None:
    assert names_compatible(short, long) is expected


@pytest.mark.model
def test_titled_surname_with_particle_is_the_person() -> None:
    text = (
        "Yesterday, Tom de Vries, the mayor of Springfield, ended his campaign for governor.\n\n"
        "Mayor de Vries, a member of the Green Party, spoke on a morning radio show when he "
        'made the announcement: "I have done all I can, and it is clearly not my time."'
    )
    assert speakers(text)["I have done all I can, and it is clearly not my time."] == (
        "Tom de Vries"
    )


@pytest.mark.model
def test_given_name_and_particles_before_a_tagged_surname() -> None:
    text = (
        "Ilse von der Brenn, the head of the commission, visited the port on Monday.\n\n"
        "Von der Brenn said the port would reopen."
    )
    assert [a.name for a in analyze(text).actors if a.kind == "person"] == ["Ilse von der Brenn"]


@pytest.mark.model
def test_surname_without_its_hyphenated_particle_is_the_person() -> None:
    text = 'Rebel leader Karim al-Nouri met envoys on Monday. "We will talk," Nouri said.'
    assert speakers(text)["We will talk,"] == "Karim al-Nouri"


@pytest.mark.model
def test_given_name_opening_a_sentence_before_a_particle() -> None:
    text = (
        "The Green Party won three seats in the election on Sunday.\n\n"
        "Pim van Oss, a member of the Green Party, spoke on a morning radio show: "
        '"I have done all I can."'
    )
    assert speakers(text)["I have done all I can."] == "Pim van Oss"


@pytest.mark.model
def test_named_subject_is_not_the_party_of_its_apposition() -> None:
    text = (
        "The Green Party won three seats in the election on Sunday.\n\n"
        "Mayor Lincoln, a member of the Green Party, spoke on a morning radio show: "
        '"I have done all I can."\n\n'
        'A spokesman for the Green Party said: "We respect his choice."'
    )
    found = speakers(text)
    assert found["I have done all I can."] not in (None, "Green Party")
    # an unnamed spokesman still speaks for the party, as a person of it
    assert found["We respect his choice."] == "a spokesman for the Green Party"


@pytest.mark.model
def test_particle_word_after_an_article_is_no_name() -> None:
    text = "He drove a van Tom Reed had rented."
    people = [a.name for a in analyze(text).actors if a.kind == "person"]
    assert people == ["Tom Reed"]
