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
