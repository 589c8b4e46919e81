"""Where reported speech starts and ends (issue 11, round 7): the clause a cue reports, whole,
without its own attribution and without the paragraph before it.

Each fixture is a short text composed for one behaviour."""

from __future__ import annotations

import pytest

from quote_reading import reported


def test_a_clause_hung_on_the_cue_from_the_paragraph_before_does_not_hide_its_own() -> None:
    found = reported(
        'This summer brings a test: How long can the ferry run without a subsidy?"\n\n'
        "Harbour traders said the toll will ruin them unless the council cuts it."
    )
    assert found == [("Harbour traders", "the toll will ruin them unless the council cuts it")]


def test_a_trailing_according_to_is_no_part_of_what_it_stands_for() -> None:
    found = reported("The harbour toll rose by a third in 2019, according to the port authority.")
    assert found == [("the port authority", "The harbour toll rose by a third in 2019")]


def test_a_percent_sign_and_a_closed_bracket_end_what_was_reported() -> None:
    assert reported("In May the jobless rate reached 9%, according to the harbour board.") == [
        ("the harbour board", "In May the jobless rate reached 9%")
    ]
    assert reported(
        "The ferry carried 300 people (mostly tourists), according to the port authority."
    ) == [("the port authority", "The ferry carried 300 people (mostly tourists)")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "The port office said about half of the rise in its fees reflected the cost of"
            " the new cranes.",
            "the port office",
            "about half of the rise in its fees reflected the cost of the new cranes",
            id="subject-read-as-a-preposition's",
        ),
        pytest.param(
            "Berg says the toll that the traders decry also makes the ferry less busy.",
            "Berg",
            "the toll that the traders decry also makes the ferry less busy",
            id="subject-read-as-an-object",
        ),
        pytest.param(
            "The union said having the mayor at the talks puts the deal within reach.",
            "the union",
            "having the mayor at the talks puts the deal within reach",
            id="gerund-subject",
        ),
        pytest.param(
            "The harbour master remarked fresh fish is a costly item, leading to short"
            " supplies in winter.",
            "the harbour master",
            "fresh fish is a costly item, leading to short supplies in winter",
            id="subject-read-as-an-object-of-a-verb-with-no-addressee",
        ),
    ],
)
def test_a_clause_the_parser_broke_is_still_what_was_said(
    text: str, speaker: str, content: str
) -> None:
    assert reported(text) == [(speaker, content)]


def test_a_clause_of_place_after_a_verb_of_saying_is_not_what_was_said() -> None:
    assert reported("Mayor Berg told a joke at the dinner where he spoke about the harbour.") == []


def test_what_the_parser_hung_on_the_verb_after_its_object_goes_on_saying_what() -> None:
    assert reported("Most dockworkers viewed him favorably in the spring survey.") == [
        ("Most dockworkers", "him favorably in the spring survey")
    ]


def test_when_a_stance_was_taken_is_no_part_of_it() -> None:
    assert reported("The senator condemned the toll plan on Monday.") == [
        ("the senator", "the toll plan")
    ]


def test_a_question_put_to_the_speaker_by_someone_unnamed_is_not_the_speakers_words() -> None:
    assert reported(
        "Asked whether the ferry would run in winter, the mayor said the council would decide"
        " in May."
    ) == [("the mayor", "the council would decide in May")]


def test_a_question_put_by_a_named_asker_is_the_askers() -> None:
    assert reported(
        "Asked by a reporter whether the ferry would run in winter, the mayor smiled."
    ) == [("a reporter", "whether the ferry would run in winter")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Lee told a crowd in Salem on Monday that the toll is “pocket change,” next to what"
            " the bridge costs.",
            "the toll is “pocket change,” next to what the bridge costs",
            id="compared-to",
        ),
        pytest.param(
            'Lee called the new law "much better" than the old one.',
            'the new law "much better" than the old one',
            id="than",
        ),
        pytest.param(
            'Lee described the new mayor as "kind" with a "big heart."',
            'the new mayor as "kind" with a "big heart."',
            id="with",
        ),
    ],
)
def test_a_reported_clause_runs_on_after_its_closing_quotation_mark(
    text: str, content: str
) -> None:
    assert ("Lee", content) in reported(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            'Lee called the toll "a disgrace" when asked about it on Monday.',
            'the toll "a disgrace"',
            id="when-it-was-said",
        ),
        pytest.param(
            'Lee called the toll "a disgrace," and the council said it would review it.',
            'the toll "a disgrace,"',
            id="another-saying",
        ),
    ],
)
def test_what_follows_the_closing_mark_of_a_reported_clause_may_be_no_part_of_it(
    text: str, content: str
) -> None:
    assert ("Lee", content) in reported(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The new pier, the mayor said, will give the town "a second life" by next summer.',
            ("the mayor", 'The new pier, the mayor said, will give the town "a second life" by'),
        ),
        (
            'Turnout, Senator Ann Pratt argued, was "the whole story."',
            ("Ann Pratt", 'Turnout, Senator Ann Pratt argued, was "the whole story."'),
        ),
        (
            'Building the new stage, Tom Reed said, allowed him to "find a quieter voice," too.',
            ("Tom Reed", "Building the new stage, Tom Reed said, allowed him to"),
        ),
        (
            "One farmer offered to lend the team a tractor, Tom Reed said, while others "
            '"did not want to get involved at all."',
            ("Tom Reed", "One farmer offered to lend the team a tractor, Tom Reed said, while"),
        ),
    ],
)
def test_an_attribution_set_inside_the_clause_it_reports_leaves_the_clause_whole(
    text: str, expected: tuple[str, str]
) -> None:
    found = reported(text)
    assert any(name == expected[0] and words.startswith(expected[1]) for name, words in found)


def test_a_semicolon_bounds_the_clause_an_attribution_is_set_in() -> None:
    found = reported(
        "The two boats sank in a storm last year; they had, the skipper says, carried too "
        "many people."
    )
    assert ("the skipper", "they had, the skipper says, carried too many people") in found
    found = reported(
        "Orders already placed will keep the yard busy, Tom Reed said, and the loan can be "
        "repaid; other experts doubted this."
    )
    assert (
        "Tom Reed",
        "Orders already placed will keep the yard busy, Tom Reed said, and the loan can be repaid",
    ) in found


def test_a_quotation_before_the_attribution_is_no_part_of_the_clause_after_it() -> None:
    found = reported(
        'Ann Pratt called the mayor "a tough old goat." "Tough," she said, meaning that '
        'he\'s "hard to move and never minds what anyone thinks."'
    )
    assert all("she said" not in words for _, words in found)
    assert (
        "Ann Pratt",
        'meaning that he\'s "hard to move and never minds what anyone thinks."',
    ) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The club has picked two coaches for the tour, which the club said might start"
            " next spring.",
            ("the club", "might start next spring"),
        ),
        (
            "He had not sung in public since 2016, which his daughter Marie said was due to"
            " poor health.",
            ("Marie", "was due to poor health"),
        ),
        (
            "The pier is made of treated planks that Chen described as resembling old bones.",
            ("Chen", "resembling old bones"),
        ),
    ],
)
def test_a_relative_clause_reports_what_follows_its_speaker_and_cue(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in reported(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ferry called at about 3 a.m., according to the port police, but the skipper"
            " was found dead on deck.",
            ("the port police", "The ferry called at about 3 a.m."),
        ),
        (
            "At the time there were four people on the boat; according to divers, one was"
            " found dead near the pier.",
            ("divers", "one was found dead near the pier"),
        ),
        (
            "The town also has the most flooded homes, according to the county data; at least"
            " 500 homes in the town were flooded by Monday.",
            ("the county data", "The town also has the most flooded homes"),
        ),
        (
            "Ten were hurt, according to the police, and the mayor said the pier would close.",
            ("the police", "Ten were hurt"),
        ),
    ],
)
def test_an_according_to_phrase_stands_for_its_own_clause_only(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in reported(text)


def test_semicolons_of_a_series_leave_what_the_source_stands_for_whole() -> None:
    found = reported(
        "On May 1 the Elm Inn was paid $900; the Oak Inn was paid $300; and the Bay Cafe was"
        " paid $80, according to county records."
    )
    assert (
        "county records",
        "On May 1 the Elm Inn was paid $900; the Oak Inn was paid $300; and the Bay Cafe was"
        " paid $80",
    ) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some engineers believe the old bridge will hold until spring, while others say it"
            " needs new cables at once.",
            ("Some engineers", "the old bridge will hold until spring"),
        ),
        (
            "The skipper told the inquiry the ferry sank in a squall, with two harbour papers"
            " claiming it was overloaded.",
            ("the skipper", "the ferry sank in a squall"),
        ),
        (
            "The mayor said the victims were young girls while the minister wrote he had"
            " ordered checks on all such rooms.",
            ("The mayor", "the victims were young girls"),
        ),
    ],
)
def test_a_report_by_another_source_ends_the_clause_before_it(
    text: str, expected: tuple[str, str]
) -> None:
    found = reported(text)
    assert any(
        name and name.lower() == expected[0].lower() and words == expected[1]
        for name, words in found
    ), found


def test_a_clause_before_a_semicolon_is_not_what_the_verb_after_it_reports() -> None:
    found = reported(
        "The board put the cost at $5 million; the auditors reported it was $8 million."
    )
    assert all("$5" not in words for name, words in found if name == "the auditors")
    found = reported("Most riders said the fare was fair; a few said they would stop riding.")
    assert ("a few", "they would stop riding") in found
    assert all(not words.startswith("Most riders") for _, words in found)


def test_a_subject_read_as_the_object_keeps_its_clause_with_a_tense() -> None:
    found = reported(
        "The council announced the bridges over the river, old and new, would be closed for a week."
    )
    assert (
        "the council",
        "the bridges over the river, old and new, would be closed for a week",
    ) in found


def test_another_report_ends_a_clause_holding_a_quotation() -> None:
    found = reported(
        'The mayor said the flood was "the worst in living memory" in a "bitter week" while'
        " the harbour master wrote he had closed the port to all boats."
    )
    assert (
        "the mayor",
        'the flood was "the worst in living memory" in a "bitter week"',
    ) in found


def test_a_report_after_a_semicolon_ends_the_clause_before_it() -> None:
    found = reported(
        "Portstat reported the ferry's load was 300 tonnes; the Northern Shipping Register"
        " (NSR) reported 340 tonnes."
    )
    assert ("Portstat", "the ferry's load was 300 tonnes") in found


def test_a_backshifted_clause_coordinated_after_the_report_goes_on_with_it() -> None:
    found = reported(
        "Moss also said the museum will open on both Saturdays and Sundays, and school groups"
        " would be able to book their visits online."
    )
    assert (
        "Moss",
        "the museum will open on both Saturdays and Sundays, and school groups would be able"
        " to book their visits online",
    ) in found


def test_a_fronted_according_to_after_a_closing_mark_is_no_part_of_its_clause() -> None:
    found = reported(
        'Reed wrote, "He was a kind man. I am proud to have known him."\n\n'
        "According to his agent, Moss died of heart failure."
    )
    assert ("his agent", "Moss died of heart failure") in found


def test_a_linking_word_before_a_fronted_according_to_is_no_part_of_its_clause() -> None:
    found = reported(
        "The fair closed early on the day when, according to the first plans, thousands of"
        " fans were to march on the old fort."
    )
    assert ("the first plans", "thousands of fans were to march on the old fort") in found


def test_a_fronted_subordinate_clause_is_not_what_the_main_verb_reports() -> None:
    found = reported(
        'While Ines Toft criticised the plan for the pier - "who will pay for '
        'all this?" - traders at the market who followed the meeting said they liked it.'
    )
    said = [words for name, words in found if name and name.startswith("traders")]
    assert said == ["they liked it"], found


def test_a_reported_clause_stops_before_another_source_s_attribution_set_in_it() -> None:
    found = reported(
        'Lee cannot argue that "from his point of view," Marsh added, saying it should be'
        ' "up to the council to decide."'
    )
    assert all("Marsh added" not in content for _, content in found)


def test_a_clause_set_before_the_subject_is_not_what_a_verb_with_its_own_clause_says() -> None:
    found = reported(
        'Although the mayor praised the new ferry - "is it not a beauty?" - residents in the'
        " town said they were unconvinced."
    )
    assert ("residents", "they were unconvinced") in found
    assert all(not content.startswith("Although") for _, content in found)


def test_a_bare_nested_attribution_after_the_verb_leaves_it_the_clause_before() -> None:
    found = reported(
        "The old pier will be closed for a month, the Harbour Gazette reported the mayor said."
    )
    assert ("Harbour Gazette", "The old pier will be closed for a month") in found


def test_a_clause_set_against_the_report_by_but_goes_on_with_it() -> None:
    found = reported(
        "The harbour master said the old pier was still sound, but its ramp needed new planks."
    )
    assert (
        "the harbour master",
        "the old pier was still sound, but its ramp needed new planks",
    ) in found


def test_a_but_clause_with_a_stance_of_its_own_is_not_the_report_s() -> None:
    found = reported(
        "The port office says at least 300 boats were damaged, but fishermen fear the count"
        " will rise."
    )
    assert ("the port office", "at least 300 boats were damaged") in found


def test_an_attribution_in_commas_with_a_clause_on_each_side_reports_both() -> None:
    found = reported(
        "The repairs will take most of the summer, the port office said, leaving the quay"
        " closed to tourists until September."
    )
    assert (
        "the port office",
        "The repairs will take most of the summer, the port office said, leaving the quay"
        " closed to tourists until September",
    ) in found


def test_a_verb_sharing_the_had_of_a_reported_perfect_is_part_of_the_clause() -> None:
    found = reported("Lee said the board had read the letter and added a note of its own.")
    assert ("Lee", "the board had read the letter and added a note of its own") in found
