"""Speakers that news names around the quotation rather than as the subject of its verb: a
crowd's cry after the clause naming the crowd, a label opened by a verb ("Continued Roe:"),
"his remarks" after the speaker's own name, "tweeted another", and a document that goes on
speaking as "it". Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def test_a_crowds_cry_after_the_clause_naming_the_crowd_is_the_crowds() -> None:
    result = analyze(
        "The trouble started at the ferry hall in Oldport, when dockworkers interrupted the "
        "mayor's address, shouting “give us back our night shifts!”"
    )
    found = dict(speakers(result))
    speaker = found["give us back our night shifts!"]
    assert speaker is not None and "dockworkers" in speaker


def test_a_crowds_cry_stays_with_a_group_that_is_the_subject() -> None:
    result = analyze(
        "Dockworkers marched past the hall where the mayor was speaking, chanting “no toll, "
        "no ferry.”"
    )
    found = dict(speakers(result))
    speaker = found["no toll, no ferry."]
    assert speaker is not None and "Dockworkers" in speaker


def test_a_label_opened_by_a_verb_of_saying_names_the_speaker() -> None:
    result = analyze(
        "The harbor board met for six hours on Tuesday.\n\n"
        "Continued Halvorsen: “So I think the ferry toll is a real problem. The best thing the "
        "board can do is to hire more pilots.”"
    )
    (quote,) = [q for q in result.quotes if q.kind == "direct"]
    assert quote.speaker is not None and "Halvorsen" in quote.speaker.name


def test_his_remarks_after_a_named_subject_carry_that_speaker_on() -> None:
    result = analyze(
        "Grete Solberg said the ferry plan was a fine idea. Tomas Lund rejected her view in "
        "a long interview.\n\n"
        "Lund continued his sharp remarks.\n\n"
        "“Ten years ago she was the favourite, and a fisherman came along and beat her. She "
        "was winning! And then she lost the harbor vote.”"
    )
    quote = next(q for q in result.quotes if q.text.startswith("Ten years ago"))
    assert quote.speaker is not None and quote.speaker.name == "Tomas Lund"


def test_another_after_an_inverted_verb_of_saying_is_the_speaker() -> None:
    result = analyze(
        "Commuters vented online about the ferry delays.\n\n"
        "“Better keep an eye on the toll counters in Oldport,” tweeted another."
    )
    quote = next(q for q in result.quotes if q.text.startswith("Better keep"))
    assert quote.speaker is not None and quote.speaker.name.lower() == "another"


def test_it_after_a_memo_is_the_memo() -> None:
    result = analyze(
        "The memo from the harbor panel went out on Monday.\n\n"
        "“So far, most of the pilots had never been heard by the board,” it stated. “The "
        "panel is also the first to ask them.”"
    )
    quote = next(q for q in result.quotes if q.text.startswith("So far"))
    assert quote.speaker is not None and "memo" in quote.speaker.name


def test_a_quotation_mark_glued_to_the_verb_still_shows_the_speaker() -> None:
    result = analyze("Halvorsen said,“Listen, the ferry ramp is closed. We cannot change that.”")
    (quote,) = [q for q in result.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Halvorsen"


def test_a_name_spelt_like_a_modal_before_a_past_verb_is_the_subject() -> None:
    result = analyze(
        "The columnist Harald Will criticised the ferry plan this week. Will wrote that the "
        "toll was “a tax on the poor.”"
    )
    quote = next(q for q in result.quotes if q.kind == "partial")
    assert quote.speaker is not None and quote.speaker.name == "Harald Will"


def test_a_name_the_parser_hangs_on_its_verb_as_an_auxiliary_is_the_subject() -> None:
    # Tagged a proper noun, "May" still hangs on "said" as an auxiliary, as a modal would.
    result = analyze(
        "Prime Minister Edda May met the harbor board on Monday. May said the ferry toll would "
        "stay."
    )
    (entry,) = [q for q in result.quotes if q.kind == "indirect"]
    assert entry.speaker is not None and entry.speaker.name == "Edda May"
    assert entry.text == "the ferry toll would stay"


def test_a_name_spelt_like_a_modal_right_after_a_quotation_signs_it() -> None:
    result = analyze(
        "The columnist Harald Will attacked the ferry plan. “The toll is a tax on the poor,” "
        "Will wrote."
    )
    (quote,) = [q for q in result.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Harald Will"
    assert quote.cue_span is not None


def test_a_real_modal_before_its_own_auxiliary_names_no_one() -> None:
    result = analyze("Edda May spoke on Monday. May have said it was closed? Nobody knows.")
    assert not [q for q in result.quotes if q.kind == "indirect"]


def test_here_is_a_named_person_before_a_colon_gives_the_quotation_to_them() -> None:
    result = analyze(
        "Mayor Ana Lund and Per Berg shaped the harbor debate for years. Here’s Lund in "
        "December 1998: "
        "“Our port lives by the tide and by nothing else. Every plan we draw starts from "
        "ships.” This is the creed of the port."
    )
    (quote,) = [q for q in result.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Ana Lund"
