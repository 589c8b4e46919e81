"""Short phrases in quotation marks that nobody in their sentence is said to utter: a scare
quote in the reporter's own sentence, a word kept at a distance before its noun, the other name
of a disease. Quotations a verb of saying in the sentence reports stay. Every sentence here is
invented."""

from __future__ import annotations

from typing import Any

from parley import analyze
from parley.nlp.rules.unvoiced_terms import _says


def _texts(text: str) -> list[str]:
    return [q.text for q in analyze(text).quotes if q.kind != "indirect"]


def test_a_short_phrase_in_a_sentence_with_no_word_of_saying_is_no_quotation() -> None:
    assert _texts(
        'Health officer Ann Pratt said the lake was safe. "We tested every sample twice," she '
        'said. Boats stayed in port. A "very rare fungus" has spread to fish near Dover.'
    ) == ["We tested every sample twice,"]


def test_one_word_in_marks_before_its_noun_is_a_scare_quote() -> None:
    assert _texts(
        'Tom Reed said the herd was sick. "We lost ten cows," he said. Radio reports showed '
        'farmers selling the "clean" milk at the market.'
    ) == ["We lost ten cows,"]


def test_the_other_name_of_a_disease_after_or_is_a_name() -> None:
    assert (
        _texts(
            "Ann Pratt runs the farm. A test in Dover confirmed that her goats carry caprine "
            'arthritis, or "goat flu".'
        )
        == []
    )


def test_fragments_a_verb_of_saying_reports_stay_quotations() -> None:
    assert _texts('Tom Reed said the plan was "a total mess" and should be dropped.') == [
        "a total mess"
    ]
    assert _texts(
        'Senator Ann Pratt said the budget was fair. "It is fair," she said. She called it '
        '"balanced".'
    ) == ["It is fair,", "balanced"]


def test_a_passive_verb_with_no_clause_says_nothing() -> None:
    """'was found' tells what happened to the thing in marks; nobody is reported saying it."""
    assert _texts(
        'A "highly contagious strain" of swine fever has been found on a farm near Dover. '
        '"We are taking this very seriously," said Ann Pratt, the farm minister.'
    ) == ["We are taking this very seriously,"]


def test_a_passive_verb_of_saying_with_its_clause_still_says(nlp: Any) -> None:
    """The passive guard spares a verb of saying that reports a clause."""
    reported = nlp("It was reported that the bridge is beyond repair.")
    found = nlp("A new strain was found in ducks near Dover.")
    assert _says(next(t for t in reported if t.lemma_ == "report"))
    assert not _says(next(t for t in found if t.lemma_ == "find"))


def test_a_disease_the_tagger_takes_for_a_person_names_no_one() -> None:
    """With "Avian Flu" read as a person, the sentence seemed to name someone who might have
    said the word in marks."""
    assert _texts(
        'A "virulent" strain of Avian Flu was detected in geese near Dover. '
        '"We are watching closely," said Ann Pratt, the farm minister.'
    ) == ["We are watching closely,"]


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.speaker.name if q.speaker else None)
        for q in analyze(text).quotes
        if q.kind != "indirect"
    ]


def test_the_name_a_participle_gives_the_noun_before_it_is_no_quotation() -> None:
    """'a technique called "X"': what the thing is called, not words the subject of the
    sentence ("Fraudsters") said."""
    assert _texts('Fraudsters in Velmora used a technique called "spoofing" to steal cash.') == []


def test_a_name_after_dubbed_is_no_quotation() -> None:
    assert (
        _texts('The app from Velmora uses a feature dubbed "ghost mode" to hide its users.') == []
    )


def test_every_name_of_a_coordinated_pair_is_a_name() -> None:
    assert _texts('The farmers grow a grain called "spelt" or "dinkel" in the hills.') == []


def test_a_term_the_sentence_speaks_about_is_no_quotation() -> None:
    """'the term "X" is not defined': the term is mentioned, not something Pratt uttered."""
    assert _texts('Dr Anna Petrov said the term "fair use" is not defined in the contract.') == []


def test_a_term_the_parser_hangs_as_a_modifier_is_no_quotation() -> None:
    assert (
        _texts('Lee writes that the term "liable for" within the charter requires tenants to vote.')
        == []
    )
    assert (
        _texts('Lee writes that the term "owing to" within the charter requires tenants to vote.')
        == []
    )


def test_a_term_beside_its_noun_as_a_second_subject_is_no_quotation() -> None:
    assert _texts('Tom Reed said the phrase "fair play" is not defined in the rules.') == []


def test_a_term_whose_user_a_by_phrase_names_stays_a_quotation() -> None:
    assert _speakers('Ann Pratt said the word "free" was used by the shop to lure buyers.') == [
        ("free", "Ann Pratt")
    ]


def test_characterisations_stay_quotations() -> None:
    """Someone calling someone something, or describing a thing as something, said it."""
    assert _speakers('Senator Ann Pratt called Mayor Tom Reed a "decent man" on Tuesday.') == [
        ("decent man", "Ann Pratt")
    ]
    assert _speakers(
        'Cold water sinks, forming what the divers describe as a "silent waterfall" on the reef.'
    ) == [("silent waterfall", "the divers")]
    assert _speakers('The plan, called "a disaster" by critics, went ahead in Dorvale.') == [
        ("a disaster", "critics")
    ]


def test_a_finite_verb_of_calling_the_parser_took_for_a_participle_still_calls() -> None:
    """The parser hangs "called" on the noun before it although it has a subject ('charges
    that Reed called') or a second object ('a lawmaker called Reed "..."')."""
    assert _texts('He made charges that Tom Reed, for one, called "liberal lingo."') == [
        "liberal lingo."
    ]
    assert _texts(
        'Parliament may debate a ban; one lawmaker called Reed "the king of self-promotion."'
    ) == ["the king of self-promotion."]


# -- names a news sentence sets in marks (the name of a body, a case, an event, a product) ---
def test_a_body_named_after_its_member_with_an_appositive_is_a_name() -> None:
    """'Ann Pratt of "Never alone", a victims' charity': the charity's name, not her words."""
    assert _texts(
        'Ann Pratt of "Never alone", a victims\' charity, told reporters "it is far too late".'
    ) == ["it is far too late"]


def test_a_court_case_in_marks_is_a_name() -> None:
    assert _texts(
        'The high court ruled on Monday in the case "Reed v. Dover Council". The judge said it '
        'was "a hard case".'
    ) == ["a hard case"]
    assert _texts('The fans chanted "It\'s Us versus Them", Ann Pratt said.') == [
        "It's Us versus Them"
    ]


def test_an_event_a_speaker_held_is_a_name() -> None:
    assert _texts('On Friday, Mayor Tom Reed held a Harvest Day "Salute to Dover" there.') == []


def test_a_title_cased_name_before_a_lower_case_noun_is_a_brand() -> None:
    assert (
        _texts('The toy maker recalled its wooden "Tommy the Tug" toy boats, the agency said.')
        == []
    )


def test_slogans_on_signs_and_hats_and_chants_stay_quotations() -> None:
    assert _texts('The marchers carried "Save Our Port" banners, Tom Reed said.') == [
        "Save Our Port"
    ]
    assert _texts('Fans of Tom Reed wore "Reed for Mayor" hats at the rally, Ann Pratt said.') == [
        "Reed for Mayor"
    ]
    assert _texts(
        'Protesters held signs reading "Dump the Mayor" and chanted "Reed out", Ann Pratt said.'
    ) == ["Dump the Mayor", "Reed out"]


def test_a_term_followed_by_its_abbreviation_is_being_defined() -> None:
    assert (
        _texts(
            'The ministry confirmed that a case of "harbour fever" (HBF) had been found, Ann '
            "Pratt said."
        )
        == []
    )


def test_a_term_followed_by_the_kind_of_thing_it_is_is_being_defined() -> None:
    assert (
        _texts(
            'Ann Pratt applied for a "calm order", a type of court injunction, against him, the '
            "radio said."
        )
        == []
    )


def test_a_theme_after_is_is_a_name() -> None:
    assert (
        _texts('Ann Pratt said the theme selected by the campaign is "Know Your Status" this year.')
        == []
    )


def test_a_phrase_that_was_the_theme_of_an_event_is_a_name() -> None:
    """A theme is what an event was about; a cry at it was shouted and stays a quotation."""
    assert _texts(
        '"We will win," Mayor Tom Reed said. Streets were closed for the rally. "Safe streets" '
        "was a common theme at the rally."
    ) == ["We will win,"]
    assert _texts(
        '"We will win," Mayor Tom Reed said. "Safe streets" was a common cry at the rally.'
    ) == ["We will win,", "Safe streets"]


def test_a_term_the_parser_hangs_from_that_is_no_quotation() -> None:
    """The parse hung "the term" from "that" rather than making it the subject of "requires"."""
    assert (
        _texts(
            "Professor Tom A. Reed of Velmora University School of Law argues that the term "
            "“subject to” in the 14th Amendment really requires a tenant to be a resident."
        )
        == []
    )


def test_the_second_name_after_referred_to_as_is_a_name_too() -> None:
    assert _texts(
        '"It spreads fast," said vet Ann Pratt of Dover. It harms breeding stock and young pigs. '
        "Initially referred to as 'marsh swine disease' or 'marsh breathing syndrome', it was "
        "first reported in 1990 in Dover."
    ) == ["It spreads fast,"]


def test_characterisations_joined_by_or_stay_quotations() -> None:
    assert _texts('Ann Pratt called it "a disaster" or "a farce" on Monday.') == [
        "a disaster",
        "a farce",
    ]
