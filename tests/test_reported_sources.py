"""Reported speech the older rules missed or cut short: a document that names no author
("..., the lawsuit alleges"), words made plain ("she made it clear that ..."), and a clause
the parser ended inside a quotation it opened.

Each fixture is a short sentence composed for one behaviour."""

from __future__ import annotations

import pytest

from quote_reading import reported


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "The lack of ferries was harmful to older residents, the lawsuit alleges.",
            "the lawsuit",
            "The lack of ferries was harmful to older residents",
            id="trailing-lawsuit",
        ),
        pytest.param(
            "The complaint alleges that harbour officials used the fund as a private bank.",
            "the complaint",
            "harbour officials used the fund as a private bank",
            id="complaint-that-clause",
        ),
        pytest.param(
            "An affidavit filed on Monday says the harbour master knew about the fund.",
            "an affidavit",
            "the harbour master knew about the fund",
            id="affidavit-with-participle",
        ),
    ],
)
def test_a_document_with_no_named_author_is_its_own_source(
    text: str, speaker: str, content: str
) -> None:
    assert reported(text) == [(speaker, content)]


def test_a_document_with_an_owner_still_speaks_for_the_owner() -> None:
    found = reported("Mayor Tomas Berg's lawsuit alleges that the toll was never approved.")
    assert found == [("Tomas Berg", "the toll was never approved")]


def test_according_to_a_document_without_author_still_gives_no_quote() -> None:
    assert reported("The harbour will close in May, according to the lawsuit.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "Governor Ana Ruiz made it clear that the harbour toll would stay for now.",
            "Ana Ruiz",
            "the harbour toll would stay for now",
            id="made-it-clear-that",
        ),
        pytest.param(
            "Governor Ana Ruiz has made clear she will not run again.",
            "Ana Ruiz",
            "she will not run again",
            id="made-clear-bare-clause",
        ),
        pytest.param(
            "The dockworkers' union wrote to the port board, making it clear that it would"
            " not pay.",
            "the dockworkers' union",
            "it would not pay",
            id="making-it-clear-participle",
        ),
    ],
)
def test_words_made_clear_are_reported(text: str, speaker: str, content: str) -> None:
    assert (speaker, content) in reported(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It is clear that the ferry will be late.", id="writer-judgement"),
        pytest.param(
            "Governor Ana Ruiz made the rules clear before the vote began.", id="clause-of-time"
        ),
    ],
)
def test_clear_without_someone_making_words_clear_reports_nothing(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The harbour decision threatens to split the Dover council.", id="document-intent"
        ),
        pytest.param("The cost of the ferry was made clear to the council in May.", id="passive"),
        pytest.param(
            "Her first job in the port office is to make clear that the toll will stay.",
            id="infinitive",
        ),
    ],
)
def test_no_one_speaking_gives_no_reported_words(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The harbour memo never names a single broken crane, nor cites a repair bill for"
            " the docks.",
            id="negated-document",
        ),
        pytest.param(
            "A tape on which a voice says the toll is unfair was posted online.",
            id="recording-with-its-own-speaker",
        ),
    ],
)
def test_a_document_that_says_nothing_itself_gives_no_source(text: str) -> None:
    speakers = [speaker or "" for speaker, _ in reported(text)]
    assert not any("memo" in s or "tape" in s for s in speakers)


def test_words_said_on_a_tape_are_not_the_tape_s() -> None:
    found = reported(
        "Mayor Tom Reed shrugged off the row over a tape on which a voice, perhaps Ann"
        ' Pratt\'s, plainly says Reed "knows nothing about the port budget."'
    )
    assert not any(speaker and "tape" in speaker for speaker, _ in found)


def test_a_lawsuit_a_party_filed_speaks_for_that_party() -> None:
    found = reported(
        "The Dover Democrats filed a lawsuit that alleges the toll was never approved."
    )
    assert found == [("Dover Democrats", "the toll was never approved")]


def test_a_reported_clause_cut_inside_a_quotation_runs_to_its_closing_mark() -> None:
    found = reported(
        "Tom Reed said he saw no reason to drop the plan, telling the Dover council that “we"
        " keep the fees low, we run the ferries on time” and that the board backed him."
    )
    assert any("we run the ferries on time”" in text for _, text in found)


def test_the_question_after_asked_by_is_the_askers_whatever_the_main_verb() -> None:
    text = "Asked by Tom Reed if the council understands the harbour, Pratt avoided an answer."
    assert reported(text) == [("Tom Reed", "if the council understands the harbour")]


def test_a_verb_of_saying_that_reports_no_clause_is_an_act_a_source_stands_for() -> None:
    entries = reported("The mayor added a ferry clause to the budget, according to two aides.")
    assert ("two aides", "The mayor added a ferry clause to the budget") in entries


def test_a_verb_of_saying_with_its_own_clause_keeps_its_words() -> None:
    entries = reported(
        "The mayor told the council that fares would rise, according to a statement."
    )
    assert all(speaker != "a statement" for speaker, _ in entries)


def test_a_poll_after_according_to_is_the_source_of_its_figures() -> None:
    entries = reported("Reed won 54 percent of farm households, according to exit polls.")
    assert ("exit polls", "Reed won 54 percent of farm households") in entries


def test_unnamed_reports_after_according_to_are_no_speaker() -> None:
    entries = reported("The ferry left an hour late, according to reports.")
    assert entries == []


def test_an_if_clause_after_asked_and_its_object_is_the_question() -> None:
    entries = reported("At the pier, Ann Pratt asked the crew if the ferry would sail on time.")
    assert ("Ann Pratt", "if the ferry would sail on time") in entries


def test_an_if_clause_of_condition_after_ask_for_is_no_question() -> None:
    entries = reported("Ann Pratt will ask for a recount if the vote is close.")
    assert all("the vote is close" not in text for _, text in entries)
