"""Bodies that speak as themselves: the government of a state, province or dependency is that
place's own, not its country's (written after the noun, before it, or with 's), and the
government of a country named after the noun is that country's, whatever the article's main
country; a foundation or a campaign a person's name owns or qualifies is an organisation of its
own, not the person. A statement a body's common noun qualifies ("the government statement")
is the body's the article named, and a report the text said a body issued speaks for it later
("The report warned that ..."). "The city government" is no country's government. Guards
keep "her office", which speaks for its person, "a court document", which may be any court's,
and "an official from the town government", a person. Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, reported


def _speaker(text: str, words: str) -> tuple[str | None, str | None, str | None]:
    """(name, kind, country) of the speaker of the entry that starts with ``words``."""
    result = analyze(text)
    found = [q for q in result.quotes if q.text.startswith(words)]
    assert found, [q.text for q in result.quotes]
    speaker = found[0].speaker
    if speaker is None:
        return None, None, None
    actor = next(a for a in result.actors if a.id == speaker.id)
    return actor.name, actor.kind, actor.country


def test_the_government_of_a_state_is_the_states_not_the_countrys() -> None:
    text = (
        "Indian officials in New Delhi said the trains would run. "
        'The government of Kerala said that "the schools will stay shut until June."'
    )
    assert _speaker(text, "the schools") == ("Kerala government", "organization", "IND")


def test_a_states_government_with_an_s_is_the_states() -> None:
    text = (
        "Indian officials in New Delhi said the trains would run. "
        "Kerala's government said the schools would stay shut until June."
    )
    assert _speaker(text, "the schools") == ("Kerala government", "organization", "IND")


def test_the_government_of_a_dependency_is_its_own() -> None:
    text = (
        "The American judge Tom Reedly ruled on Monday in Denver. "
        'The government of Guam said that "the ruling ignores the island\'s wishes."'
    )
    assert _speaker(text, "the ruling")[:2] == ("Guam government", "organization")
    assert _speaker(text, "the ruling")[2] != "USA"


def test_the_government_of_a_country_named_after_the_noun_is_that_countrys() -> None:
    text = (
        "British ministers in London met on Monday. "
        "The government of Chile said the border would reopen next week."
    )
    name, kind, country = _speaker(text, "the border")
    assert (kind, country) == ("organization", "CHL")
    assert name is not None and "Chile" in name


def test_a_campaign_a_name_owns_is_the_campaign() -> None:
    text = (
        "Senator Mara Lindqvist ended her bid on Monday. "
        "Lindqvist's campaign said she would endorse a rival."
    )
    assert reported(text) == [("Mara Lindqvist campaign", "she would endorse a rival")]


def test_a_campaign_a_name_qualifies_is_the_campaign() -> None:
    text = (
        "Senator Mara Lindqvist ended her bid on Monday. "
        "The Lindqvist campaign said turnout had been low."
    )
    assert reported(text) == [("Mara Lindqvist campaign", "turnout had been low")]


def test_a_foundation_a_name_owns_is_the_foundation() -> None:
    text = (
        "The singer Helen Broadwick died on Monday. "
        "Broadwick's animal foundation told reporters that the singer had suffered a fall."
    )
    assert _speaker(text, "the singer had") == (
        "Helen Broadwick foundation",
        "organization",
        None,
    )


def test_an_office_a_name_owns_still_speaks_for_its_person() -> None:
    text = "Senator Mara Lindqvist fell ill on Monday. Lindqvist's office said she was resting."
    assert reported(text) == [("Mara Lindqvist", "she was resting")]


def test_the_statement_a_bodys_noun_qualifies_is_that_bodys() -> None:
    text = (
        "The government of Chile announced the death of its president on Tuesday. "
        'The government statement said the nation was "in deep sorrow."'
    )
    assert _speaker(text, "in deep sorrow")[:2] == ("Chile government", "organization")


def test_a_statement_of_any_such_body_is_no_named_bodys() -> None:
    text = (
        "The Supreme Court of Wessex ruled on Monday. "
        "A court document filed on Tuesday said the farmer would be freed."
    )
    assert _speaker(text, "the farmer")[0] != "Supreme Court of Wessex"


def test_the_report_a_body_issued_reports_the_bodys_words() -> None:
    text = (
        "The Wessex Farm Bank issued a report on Monday on the cost of the floods. "
        "The report warned that farms in the valley would suffer for years."
    )
    assert reported(text)[-1] == ("Wessex Farm Bank", "farms in the valley would suffer for years")


def test_the_city_government_is_not_the_countrys() -> None:
    text = (
        "The Chinese government closed nine dairies in Henglu on Monday. "
        "The city government said that 35 people were still in hospital."
    )
    name, kind, _country = _speaker(text, "35 people")
    assert (name, kind) == ("the city government", "organization")


def test_an_official_of_a_body_unnamed_before_is_a_person() -> None:
    text = (
        "The Chinese government closed nine dairies in Henglu on Monday. "
        "Two hundred pigs were culled, said an official from the town government."
    )
    assert _speaker(text, "Two hundred")[1] == "person"
