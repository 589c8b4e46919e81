"""Speakers named by a relation, a title or a neighbouring sentence, as short wire stories write
them: an agency in capitals that spell a pronoun with no article before it, a relative known
only through the person they belong to, a title followed by the holder's name, and a quotation
that follows another speaker's sentence; words under a heading are a title. Every sentence
here is invented."""

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


def test_a_name_in_apposition_to_someones_lawyer_is_a_person_a_later_he_can_refer_to() -> None:
    result = analyze(
        "Tom Reed, a poet, died in jail on Monday. His lawyer, Amine Rask, said the cell was "
        'cold. Rask told the Herald it was "a dark day." He then said he was "angry at the '
        'whole town."'
    )
    assert dict(speakers(result))["angry at the whole town."] == "Amine Rask"


def test_crews_called_to_a_place_are_not_the_speaker_of_the_words_that_follow() -> None:
    result = analyze(
        'Harbour crews called to the pier "found the boat empty and the doors open", '
        "Inspector Tom Reed said."
    )
    assert dict(speakers(result))["found the boat empty and the doors open"] == "Tom Reed"


def test_a_double_given_name_after_a_countrys_minister_is_the_person_who_speaks() -> None:
    result = analyze(
        "Denmark found the virus in a duck. Denmark's Minister of Food, Lise-Lotte Vinther, "
        'said the find was "sad but expected."'
    )
    assert dict(speakers(result))["sad but expected."] == "Lise-Lotte Vinther"
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds["Lise-Lotte Vinther"] == "person"


def test_words_under_a_heading_are_a_title_not_a_quotation() -> None:
    result = analyze(
        "A hacker group called 'Nobody' plans a march. 'Nobody' released a note on its blog "
        "under the heading 'For Anyone Who Lost a Parcel in Dover': \"We never sent any of them.\""
    )
    texts = [q.text for q in result.quotes if q.kind != "indirect"]
    assert texts == ["We never sent any of them."]


def test_a_name_after_a_title_that_modifies_it_is_a_person() -> None:
    # the tagger reads this name as an organisation; the title before it says otherwise, and
    # the same minister named "Helena Varga, the agriculture minister" elsewhere must be the
    # same kind of actor for quotes to link across articles
    result = analyze("Agriculture minister Helena Varga rejected the draft on Monday.")
    assert [(a.name, a.kind) for a in result.actors] == [("Helena Varga", "person")]


def test_someones_spokesperson_speaks_as_a_person_of_their_own() -> None:
    result = analyze(
        "Senator Ruth Ames visited the flooded farms on Monday. "
        '"We will not forget these families," Ames\'s spokesman said.'
    )
    assert dict(speakers(result))["We will not forget these families,"] == "Ames's spokesman"


def test_a_named_bodys_adviser_is_a_person_not_the_body() -> None:
    result = analyze(
        "The Pentagon closed two piers on Friday. "
        'The Pentagon\'s top adviser said the piers were "not safe for cargo."'
    )
    assert dict(speakers(result))["not safe for cargo."] == "the Pentagon's top adviser"


def test_a_quotation_after_a_paragraph_that_reports_with_a_weak_verb_is_that_speakers() -> None:
    result = analyze(
        "In a video on Tuesday, Senator Dan Ruiz speculated that the boats carried smugglers.\n\n"
        '"They come across every night. Nobody knows who they are."'
    )
    assert dict(speakers(result))["They come across every night. Nobody knows who they are."] == (
        "Dan Ruiz"
    )


def test_a_hyphenated_role_split_by_the_parser_is_one_word_before_the_name() -> None:
    result = analyze(
        "The survey appeared in a journal on Monday. Another co-author, chemistry professor "
        'Julia Marsh, said, "We have seen this pattern in every city."'
    )
    assert dict(speakers(result))["We have seen this pattern in every city."] == "Julia Marsh"


def test_a_role_joined_by_and_to_a_name_is_that_one_person() -> None:
    result = analyze(
        "The lake turned green within a week. Study co-author and geologist Sam Jones "
        'remarked in a statement, "Nobody expected a bloom like this."'
    )
    assert dict(speakers(result))["Nobody expected a bloom like this."] == "Sam Jones"


def test_an_occupation_written_as_a_title_names_its_holder_later() -> None:
    result = analyze(
        "Singer Tom Vale will tour Europe next year. "
        'The singer said, "I cannot wait to see the fans in Lyon."'
    )
    assert dict(speakers(result))["I cannot wait to see the fans in Lyon."] == "Tom Vale"


def test_a_persons_name_qualifying_a_role_is_not_the_speaker() -> None:
    result = analyze(
        "Senator Ted Rowe toured the plant on Monday. "
        '"He will not back down," a senior Rowe adviser said.'
    )
    assert dict(speakers(result))["He will not back down,"] == "a senior Rowe adviser"


def test_a_verb_of_saying_opening_the_sentence_names_the_speaker_before_the_comma() -> None:
    result = analyze(
        "The council met on Monday to vote on the budget. "
        'Added council leader Ben Ward, "We will not give up on the library."'
    )
    assert dict(speakers(result))["We will not give up on the library."] == "Ben Ward"
