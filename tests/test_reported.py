"""Reported stances (issue 11): what a source thinks, wants or stands for, marked ``stance``.

Each fixture is a short sentence composed for one behaviour."""

from __future__ import annotations

import pytest

import parley


def stances(text: str) -> list[tuple[str | None, str, bool]]:
    result = parley.analyze(text, published="2025-04-18")
    return [
        (q.speaker.name if q.speaker else None, q.text, q.stance)
        for q in result.quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "Senator Maria Lopez believes the harbour bill will pass before winter.",
            "Maria Lopez",
            "the harbour bill will pass before winter",
            id="belief-clause",
        ),
        pytest.param(
            "Governor Ana Ruiz declined to endorse the new harbour plan.",
            "Ana Ruiz",
            "endorse the new harbour plan",
            id="intent-infinitive",
        ),
        pytest.param(
            "The dockworkers' union endorsed Mayor Tomas Berg for a second term.",
            "dockworkers' union",
            "Mayor Tomas Berg for a second term",
            id="stance-object",
        ),
        pytest.param(
            "Mayor Tomas Berg spoke about the closure of the northern bridge.",
            "Tomas Berg",
            "the closure of the northern bridge",
            id="stance-through-preposition",
        ),
        pytest.param(
            "Mayor Tomas Berg's support for the harbour toll surprised the council.",
            "Tomas Berg",
            "the harbour toll",
            id="stance-noun-with-owner",
        ),
        pytest.param(
            "Governor Ana Ruiz is confident that the new bridge will open in May.",
            "Ana Ruiz",
            "the new bridge will open in May",
            id="belief-adjective",
        ),
        pytest.param(
            "Senator Maria Lopez asked the harbour master whether the ferries would run.",
            "Maria Lopez",
            "whether the ferries would run",
            id="question-clause-of-a-directive-verb",
        ),
        pytest.param(
            "Governor Ana Ruiz hopes the ferry strike will end by Friday.",
            "Ana Ruiz",
            "the ferry strike will end by Friday",
            id="hope-mistagged-as-hop",
        ),
    ],
)
def test_stance_is_an_indirect_quote_marked_stance(text: str, speaker: str, content: str) -> None:
    found = stances(text)
    assert len(found) == 1
    name, text_, stance = found[0]
    assert name is not None and name.endswith(speaker)
    assert (text_, stance) == (content, True)


def test_reported_words_are_not_a_stance() -> None:
    found = stances("Governor Ana Ruiz said the new bridge will open in May.")
    assert found == [("Ana Ruiz", "the new bridge will open in May", False)]


def test_stance_inside_reported_words_is_part_of_them() -> None:
    found = stances("Mayor Tomas Berg said the council wants to close the northern bridge.")
    assert found == [("Tomas Berg", "the council wants to close the northern bridge", False)]


def test_a_poll_is_its_own_source_with_no_country() -> None:
    result = parley.analyze(
        "The latest harbour poll found that most residents oppose the new toll.",
        published="2025-04-18",
    )
    (quote,) = [q for q in result.quotes if q.kind == "indirect"]
    assert quote.text == "most residents oppose the new toll"
    assert quote.speaker is not None
    actor = next(a for a in result.actors if a.id == quote.speaker.id)
    assert actor.name == "the latest harbour poll" and actor.country is None


def test_a_poll_finding_is_its_object_with_what_is_said_of_it() -> None:
    found = stances("A new harbour poll shows Mayor Tomas Berg ahead by nine points in the port.")
    assert found == [
        ("a new harbour poll", "Mayor Tomas Berg ahead by nine points in the port", True)
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Governor Ana Ruiz endorsed Tomas Berg on Monday.", "Tomas Berg"),
        ("Tomas Berg lost the vote, but Governor Ana Ruiz backed him.", "him"),
        ("The port board raised the ferry fares, and Governor Ana Ruiz opposed it.", "it"),
        ("Governor Ana Ruiz praised Harbourline for the repairs.", "Harbourline for the repairs"),
    ],
)
def test_a_stance_towards_a_name_or_pronoun_may_be_one_word(text: str, content: str) -> None:
    assert ("Ana Ruiz", content) in [(n and n[-8:], t) for n, t, _ in stances(text)]


def test_a_common_noun_object_of_two_words_says_too_little() -> None:
    assert stances("Governor Ana Ruiz denounced the toll in a statement.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Tomas Berg pointed out that the ferry had been late all week.",
            "the ferry had been late all week",
        ),
        (
            "Mayor Tomas Berg reminded voters that the bridge toll ends in May.",
            "the bridge toll ends in May",
        ),
        ("The port union expects the harbour vote to fail.", "the harbour vote to fail"),
        ("Senator Maria Lopez voted to keep the harbour toll.", "keep the harbour toll"),
        (
            "Mayor Tomas Berg joked that the ferry was older than the harbour.",
            "the ferry was older than the harbour",
        ),
        (
            "Governor Ana Ruiz highlighted the cost of the northern ferry.",
            "the cost of the northern ferry",
        ),
        (
            "Mayor Tomas Berg, who proclaimed in March that the ferry would run, lost.",
            "the ferry would run",
        ),
        (
            "Governor Ana Ruiz has intimated that the harbour toll will rise.",
            "the harbour toll will rise",
        ),
    ],
)
def test_more_verbs_of_saying_and_stance_report_what_follows(text: str, content: str) -> None:
    assert content in [t for _, t, _ in stances(text)]


@pytest.mark.parametrize(
    ("text", "content", "stance"),
    [
        (
            "Governor Ana Ruiz described the ferry contract as a costly mistake.",
            "the ferry contract as a costly mistake",
            False,
        ),
        (
            "Governor Ana Ruiz sees the harbour toll as a fair price for the new bridge.",
            "the harbour toll as a fair price for the new bridge",
            True,
        ),
        (
            "Governor Ana Ruiz identified the ferry deal as a costly error.",
            "the ferry deal as a costly error",
            True,
        ),
    ],
)
def test_what_someone_takes_a_thing_to_be_is_reported(
    text: str, content: str, stance: bool
) -> None:
    assert stances(text) == [("Ana Ruiz", content, stance)]


def test_what_someone_dubs_a_thing_is_their_words() -> None:
    # "dubbed X a 'Y'": the object with its quoted name is what the subject said
    result = parley.analyze('Senator Ann Pratt dubbed the harbour deal a "giveaway."')
    found = [(q.kind, q.speaker.name if q.speaker else None, q.text) for q in result.quotes]
    assert found == [
        ("indirect", "Ann Pratt", 'the harbour deal a "giveaway."'),
        ("partial", "Ann Pratt", "giveaway."),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "Senator Ann Pratt's answer was that the harbour toll should stay.",
            [("Ann Pratt", "the harbour toll should stay", False)],
            id="spoken-noun",
        ),
        pytest.param(
            "Mayor Tom Reed's fear is that the ferry will close by winter.",
            [("Tom Reed", "the ferry will close by winter", True)],
            id="held-noun",
        ),
        pytest.param("The problem is that the ferry has no money.", [], id="no-owner"),
    ],
)
def test_an_owned_answer_or_fear_is_the_clause_after_be(
    text: str, found: list[tuple[str, str, bool]]
) -> None:
    assert stances(text) == found


def test_the_clause_after_a_verb_of_ordering_is_what_was_ordered() -> None:
    assert stances("Governor Ana Ruiz ordered that state agencies share their files.") == [
        ("Ana Ruiz", "state agencies share their files", False)
    ]
    assert stances("Mayor Tomas Berg ordered the harbour gates be shut.") == [
        ("Tomas Berg", "the harbour gates be shut", False)
    ]
    # a clause before it is no order: here "ordered" is buying
    assert stances("To ease the shortage, Lund Farms bought more, Berg Mills ordered stock.") == []


def test_a_clause_the_parser_hung_past_its_noun_is_still_the_nouns() -> None:
    # "kept up her attack that ...": the parser hangs the noun's clause on the verb
    found = stances("Governor Ana Ruiz kept up her attack that Mayor Tomas Berg is unfit.")
    assert found == [("Ana Ruiz", "Mayor Tomas Berg is unfit", True)]


def test_a_portrayal_verb_without_its_complement_reports_nothing() -> None:
    assert stances("Governor Ana Ruiz saw the new bridge on Monday.") == []


def test_according_to_a_document_without_author_gives_no_quote() -> None:
    found = stances("The harbour will close in May, according to the summary.")
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Mayor Tomas Berg issued a short warning to the council.", id="issue-a-warning"
        ),
        pytest.param(
            "Governor Ana Ruiz expressed guarded hope about the harbour talks.", id="express"
        ),
        pytest.param(
            "Mayor Tomas Berg responded to the council's letter on Monday.", id="respond-to"
        ),
    ],
)
def test_a_verb_that_only_names_a_speech_act_reports_no_stance(text: str) -> None:
    # "issued a warning", "expressed optimism", "responded to a letter": the object names the act
    # or what it answers, not a view the source holds.
    assert [s for s in stances(text) if s[2]] == []


def test_reported_words_stay_in_the_paragraph_of_their_cue() -> None:
    # The parser can hang the paragraph before a quotation in doubled apostrophes on its cue;
    # the speaker said the quotation, not the reporter's sentence before it.
    result = parley.analyze(
        "The mayor asked the harbour board for advice, an offer the board turned down this week."
        "\n\n''There is no question the bridge could be saved,'' Ms. Berg said.",
        published="2025-04-18",
    )
    assert [q.text for q in result.quotes if q.kind == "indirect"] == []
    assert [q.text for q in result.quotes] == ["There is no question the bridge could be saved,"]


def attribution(quote: parley.Quote) -> tuple[str | None, tuple[int, int] | None]:
    return (quote.speaker.id if quote.speaker else None, quote.cue_span)


def test_partial_quotation_inside_reported_words_is_part_of_that_attribution() -> None:
    # One attribution, as PolNeAR annotates it: the reported clause covers the partial
    # quotation, and both share the speaker and the cue.
    text = 'Mayor Tomas Berg said the bridge was "beyond repair" and would close in May.'
    result = parley.analyze(text, published="2025-04-18")
    (reported,) = [q for q in result.quotes if q.kind == "indirect"]
    (partial,) = [q for q in result.quotes if q.kind == "partial"]
    assert partial.text == "beyond repair"
    assert reported.start <= partial.start and partial.end <= reported.end
    assert attribution(partial) == attribution(reported)
    assert reported.cue_span is not None
    assert text[reported.cue_span[0] : reported.cue_span[1]] == "said"


def test_quotation_interrupted_by_its_attribution_shares_one_cue() -> None:
    # '"A," said X, "B."' is two quotes (the gold format's convention) of one attribution.
    text = '"The bridge is unsafe," Mayor Tomas Berg said. "It will close in May."'
    result = parley.analyze(text, published="2025-04-18")
    first, second = result.quotes
    assert (first.text, second.text) == ("The bridge is unsafe,", "It will close in May.")
    assert attribution(first) == attribution(second)
    assert first.speaker is not None and first.speaker.name == "Tomas Berg"


def test_line_headed_by_a_speaker_and_a_colon_gives_their_words() -> None:
    # A headline or a transcript line: "Name: words", without quotation marks.
    result = parley.analyze(
        "EXCLUSIVE – Tomas Berg: The Bridge Must Close Before Winter.\n\n"
        "Mayor Tomas Berg told the council on Monday that the northern bridge was unsafe.",
        published="2025-04-18",
    )
    headline = [q for q in result.quotes if q.cue == ":"]
    assert [(q.text, q.kind) for q in headline] == [
        ("The Bridge Must Close Before Winter", "indirect")
    ]
    assert headline[0].speaker is not None and headline[0].speaker.name == "Tomas Berg"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Q: Will the northern bridge close?\n\nMayor Tomas Berg answered questions.",
            id="interview-letter",
        ),
        pytest.param(
            "Note: the harbour figures are provisional.\n\nMayor Tomas Berg spoke on Monday.",
            id="not-a-name",
        ),
        pytest.param(
            'Tomas Berg: "The bridge must close."\n\nMayor Tomas Berg spoke on Monday.',
            id="quotation-after-the-colon",
        ),
    ],
)
def test_line_with_a_colon_but_no_speaker_words_gives_no_reported_quote(text: str) -> None:
    result = parley.analyze(text, published="2025-04-18")
    assert [q.text for q in result.quotes if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mark Hollis says that after the flood in the valley, Dana, a young nurse, was"
            " ready to return.",
            "after the flood in the valley, Dana, a young nurse, was ready to return",
        ),
        (
            "Mark Hollis also is arguing that whatever the council decides can be reversed.",
            "whatever the council decides can be reversed",
        ),
    ],
)
def test_a_that_clause_is_reported_when_the_parser_misses_its_subject(
    text: str, content: str
) -> None:
    assert stances(text) == [("Mark Hollis", content, False)]


def test_a_clause_headed_by_a_participle_tagged_as_an_adjective_is_reported() -> None:
    # The tagger reads "shocked" after "will be" as an adjective heading the clause.
    found = stances(
        "Tom Reed, a consultant in Ohio, said she will be “shocked” if more than a handful of"
        " delegates back the mayor."
    )
    assert any(
        speaker == "Tom Reed" and content.startswith("she will be “shocked”") and not stance
        for speaker, content, stance in found
    )


def test_a_two_word_reported_clause_is_kept() -> None:
    found = stances("Asked whether she would run again, Governor Ana Ruiz said she might.")
    assert ("Ana Ruiz", "she might", False) in found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor won only 6 percent of the vote in a Harbour Times poll released Sunday.",
            "The mayor won only 6 percent of the vote",
        ),
        (
            "In the new harbour poll, the mayor wins about one in three voters.",
            "the mayor wins about one in three voters",
        ),
    ],
)
def test_a_clause_set_in_a_poll_reports_the_poll(text: str, content: str) -> None:
    assert [(t, s) for _, t, s in stances(text)] == [(content, True)]


def test_a_clause_of_saying_in_a_poll_keeps_its_own_speaker() -> None:
    found = stances("In the harbour poll, most voters said the toll was too high.")
    assert [(t, s) for _, t, s in found] == [("the toll was too high", False)]


def test_an_attribution_inside_the_reported_words_keeps_the_longer_part() -> None:
    found = stances(
        "The plan is simple, Mayor Tomas Berg said: the ferry company will raise its fares"
        " after the strike ends."
    )
    assert found == [
        ("Tomas Berg", "the ferry company will raise its fares after the strike ends", False)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "As the Harbour Times reported, the ferry company was also fined for late sailings.",
            "Harbour Times",
            "the ferry company was also fined for late sailings",
        ),
        (
            "The ferry company will raise its fares in May, as the harbour board said on Monday.",
            "harbour board",
            "The ferry company will raise its fares in May",
        ),
    ],
)
def test_an_as_clause_of_reporting_reports_the_clause_it_modifies(
    text: str, speaker: str, content: str
) -> None:
    found = stances(text)
    assert len(found) == 1 and found[0][0] is not None
    assert found[0][0].endswith(speaker) and found[0][1:] == (content, False)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The port authority reported a sharp fall in cargo traffic over the winter.",
            "a sharp fall in cargo traffic over the winter",
        ),
        (
            "The harbour master stressed the importance of new safety rules for the ferries.",
            "the importance of new safety rules for the ferries",
        ),
    ],
)
def test_what_is_reported_or_stressed_may_be_a_noun_phrase(text: str, content: str) -> None:
    assert [(t, s) for _, t, s in stances(text)] == [(content, False)]


@pytest.mark.parametrize(
    "text",
    [
        "The young mayor has sagged in the polls since the ferry strike began.",
        "Young dockworkers often cannot find jobs that pay well in the harbour.",
        "The harbour survey has an error margin of four points either way.",
    ],
)
def test_standing_in_the_polls_and_finding_a_thing_report_nothing(text: str) -> None:
    assert stances(text) == []


def test_a_second_that_clause_continues_what_was_said() -> None:
    found = stances(
        "The union predicted that fares would climb somewhat in time, but that larger travel"
        " grants would more than cover each rise."
    )
    assert [(t, s) for _, t, s in found] == [
        (
            "fares would climb somewhat in time, but that larger travel grants would more than"
            " cover each rise",
            False,
        )
    ]


def test_a_that_clause_hung_on_where_it_was_said_is_what_was_said() -> None:
    found = stances(
        "Mayor Tomas Berg said in one of a series of messages on Twitter that the ferry was"
        " carrying fuel when it struck the pier."
    )
    assert found == [("Tomas Berg", "the ferry was carrying fuel when it struck the pier", False)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The meeting focused on the cost of the northern bridge.", id="event"),
        pytest.param("The ferry ban aims to cut traffic in the old port.", id="thing"),
        pytest.param(
            "Frogs with spiky skulls support the theory that the trait evolved many times.",
            id="animal",
        ),
        pytest.param("No one said the toll would rise.", id="no-one"),
        pytest.param("Something tells me the ferry will be late.", id="something"),
    ],
)
def test_a_subject_that_cannot_speak_reports_nothing(text: str) -> None:
    assert stances(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Critics of the harbour plan argue that the toll will drive ferries away.",
            "Critics of the harbour plan",
            id="people-noun",
        ),
        pytest.param(
            "The strategist told reporters the mayor would win easily.",
            "the strategist",
            id="agent-ending",
        ),
        pytest.param(
            "A handful of dockworkers said the strike would end on Friday.",
            "a handful of dockworkers",
            id="count-of-people",
        ),
        pytest.param(
            "The latest harbour figures show that ferry traffic fell by a third.",
            "the latest harbour figures",
            id="evidence",
        ),
    ],
)
def test_a_subject_that_can_speak_keeps_its_words(text: str, speaker: str) -> None:
    assert [s for s, _, _ in stances(text)] == [speaker]
