"""Quotations whose frame names the speaker elsewhere than as the subject of a verb of saying:
the person a thing acts on before a colon, a label after another sentence, an object made to
speak, the asker of a passive question, the source of "As X reported", one a film shows
speaking, and a speaker described in its own ruling. Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze


def _speaker(text: str, start: str) -> str | None:
    quote = next(q for q in analyze(text).quotes if q.text.startswith(start))
    return quote.speaker.name if quote.speaker else None


def test_the_person_a_thing_acts_on_before_a_colon_speaks() -> None:
    text = (
        "The poll closed last week.\n\n"
        "The size of the swing does not surprise strategist Ann Pratt: “Voters always punish "
        "the party in power when ferry fares rise.”"
    )
    assert _speaker(text, "Voters always") == "Ann Pratt"


def test_a_label_after_another_sentence_on_its_line_names_the_speaker() -> None:
    text = (
        "Tom Reed is the mayor of Dover.\n\n"
        "Later the council voted against the plan. Mayor Tom Reed: “We will not let this "
        "stand, and we will appeal.”"
    )
    assert _speaker(text, "We will not") == "Tom Reed"


def test_an_object_made_to_state_something_is_the_speaker() -> None:
    text = (
        "Dover has voted for the winner since 1956.\n\n"
        "That record prompted the Dover Almanac, which tracks county results, to state, "
        "“Dover is the most reliable bellwether county in the whole state.”"
    )
    speaker = _speaker(text, "Dover is the most")
    assert speaker is not None and "Almanac" in speaker


def test_the_asker_of_a_passive_question_is_its_speaker() -> None:
    text = (
        "Tom Reed spoke on Friday's show.\n\n"
        "Reed was asked by host Ann Pratt, who is backing Reed, but has dismissed the fuss about "
        "the ferry, “Now, you said at your first rally that the ferry was a lost cause. Is that "
        "still your view?”"
    )
    assert _speaker(text, "Now, you said") == "Ann Pratt"


def test_the_source_of_as_reported_sets_out_a_third_person_passage() -> None:
    text = (
        "The mayor spoke on Monday.\n\n"
        "As the Dover Herald reported, the council kept the audit under lock and key until "
        "the weekend:\n\n"
        "“The council remains unwilling to describe the audit as a failure, even after the "
        "report.”"
    )
    speaker = _speaker(text, "The council remains")
    assert speaker is not None and "Dover Herald" in speaker


def test_a_first_person_quotation_after_as_reported_stays_with_the_subject() -> None:
    text = (
        "The mayor spoke on Monday.\n\n"
        "As the Dover Herald reported, the council was defiant on Friday:\n\n"
        "“We will not release the audit until the review is done.”"
    )
    speaker = _speaker(text, "We will not")
    assert speaker is None or "Herald" not in speaker


def test_a_board_described_as_blunt_in_its_ruling_says_what_follows() -> None:
    text = (
        "The petition against Tom Reed was filed in May.\n\n"
        "The Dover Election Commission was blunt in its findings: “The petition fails on every "
        "count.”"
    )
    speaker = _speaker(text, "The petition fails")
    assert speaker is not None and "Commission" in speaker


def test_the_one_a_film_shows_lecturing_before_a_colon_speaks() -> None:
    text = (
        "The film runs for an hour.\n\n"
        "Before the mayor appears in the film, the retired harbour pilot Ann Pratt, who was "
        "fired in 2019, is shown lecturing: “Sailors of Dover, wake up and learn from the "
        "storms of the past. There are rocks ahead.”"
    )
    assert _speaker(text, "Sailors of Dover") == "Ann Pratt"


def test_more_from_a_source_after_a_dash_that_lost_its_space_names_the_speaker() -> None:
    text = (
        "Ann Pratt runs the Dover Poll.\n\n"
        "Signs of a late swing in the harbour wards had been visible for weeks -More from Ann "
        "Pratt: "
        "“Data from our panel confirm that both trends were at work in the final week.”"
    )
    assert _speaker(text, "Data from our panel") == "Ann Pratt"


def test_a_campaign_named_for_its_candidate_speaks_before_a_colon() -> None:
    text = (
        "Senator Ann Pratt has been criticised over the ferry contracts. Pratt said she kept "
        "every record.\n\n"
        "The Pratt team, in a leaflet on the contracts, put it in plainer words: "
        '"Every contract Pratt signed went through the clerk, and the clerk kept a copy of '
        'each."'
    )
    assert _speaker(text, "Every contract Pratt") == "Ann Pratt"


def test_a_part_of_a_law_whose_verb_the_parser_took_for_a_noun_speaks_for_itself() -> None:
    text = (
        "The pier rules are old.\n\n"
        "Article 12 states: “A harbour master may not turn away a ship in distress.”"
    )
    assert _speaker(text, "A harbour master") == "Article 12"


def test_a_footnote_that_makes_a_point_clear_speaks_for_itself_not_the_person_before() -> None:
    text = (
        "Mayor Tom Reed defended the audit.\n\n"
        "A footnote to the audit makes this plain: “The figures for the harbour were "
        "never checked by anyone outside the council.”"
    )
    speaker = _speaker(text, "The figures for")
    assert speaker is not None and "footnote" in speaker


def test_a_short_capitalised_message_after_a_colon_is_speech_not_a_title() -> None:
    text = "The Dover fishermen who marched on Friday had one message: “Recall Reed.”"
    assert _speaker(text, "Recall Reed") is not None


def test_a_quotation_in_a_sentence_opened_by_under_a_law_quotes_that_law() -> None:
    text = (
        "The notice went on: “Cause exists to charge Tom Reed with trespass.”\n\n"
        "Under Dover law, a boat counts as abandoned once its owner “leaves it at the pier for "
        "ninety days unpaid.”"
    )
    assert _speaker(text, "leaves it at") == "Dover law"


def test_the_subject_of_a_relative_clause_on_a_line_before_a_colon_speaks() -> None:
    text = (
        "The council met on Monday.\n\n"
        "It is a line Mayor Tom Reed uses at every meeting: “The pier belongs to all of us, "
        "not to the council.”"
    )
    assert _speaker(text, "The pier belongs") == "Tom Reed"


def test_a_subject_with_a_relative_clause_who_had_this_to_say_speaks() -> None:
    text = (
        "Parents met the ferry board on Monday. Ola Berg, whose daughter rides the ferry, "
        'had this to say: "The boat is always late. Somebody should look at the timetable."'
    )
    assert _speaker(text, "The boat") == "Ola Berg"


def test_a_subject_with_an_apposition_who_had_this_to_say_speaks() -> None:
    text = (
        "The ferry board met on Monday. Tomas Lind, the head of the pilots' union, had this "
        'to say: "We will strike if the timetable stays."'
    )
    assert _speaker(text, "We will strike") == "Tomas Lind"


def test_the_owner_of_an_answer_that_is_before_a_colon_speaks() -> None:
    text = (
        "Reporters asked Mayor Tomas Lind about the ferry fares on Monday. His answer was "
        'simple: "No."'
    )
    assert _speaker(text, "No") == "Tomas Lind"
