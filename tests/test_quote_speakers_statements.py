"""Speakers of words an organisation's officials or a report passes on: officials named by the
common noun of a body the article named ("agency officials said"), a statement they made that
goes on ("the statement continued"), and the person an outlet reports or quotes ("the paper
quoted a farmer as saying", "the Herald reports of a man ... saying"), not the outlet.
Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def _direct(text: str) -> dict[str, str | None]:
    return dict(speakers(analyze(text)))


def test_officials_named_by_the_body_word_speak_for_the_body_named_before() -> None:
    found = _direct(
        "The Dover Food Agency has confirmed a case of scrapie in Kent. "
        '"The meat on sale is safe," said agency officials, in a note issued late Sunday. '
        '"The sheep was born on a farm in Kent," the statement continued. '
        '"Farmers must report every sick animal," ministry officials said. '
        '"Tests take a week," an agency spokesman said.'
    )
    assert found["The meat on sale is safe,"] == "Dover Food Agency"
    assert found["The sheep was born on a farm in Kent,"] == "Dover Food Agency"
    # A body the article never named, and a lone spokesperson, stay described.
    assert found["Farmers must report every sick animal,"] == "ministry officials"
    assert found["Tests take a week,"] == "an agency spokesman"


def test_the_person_a_paper_quotes_as_saying_speaks_whoever_the_paper_is() -> None:
    for text in (
        'The paper quoted a farmer as saying "we lost every sheep."',
        'The Dover Herald reported a farmer in Eastport as saying "we lost every sheep."',
        'The Dover Herald cited a farmer as saying "we lost every sheep."',
        'The Dover Herald quoted a farmer saying "we lost every sheep."',
    ):
        (quote,) = [q for q in analyze(text).quotes if q.kind != "indirect"]
        assert quote.speaker is not None and quote.speaker.name == "a farmer", text
    # The one who told an outlet, or told reporters, stays the speaker.
    found = _direct(
        'A farmer told the Dover Herald: "We lost every sheep." '
        'Tom Reed told reporters, saying "the road is open again."'
    )
    assert found["We lost every sheep."] == "a farmer"
    assert found["the road is open again."] == "Tom Reed"


def test_the_person_a_report_is_about_says_the_words_it_passes_on() -> None:
    found = _direct(
        "Radio Wessex reports of a man in northern Eastport, who has been cut off from help, "
        'saying "Nobody has come. The well is dry." '
        'Radio Wessex reported on the storm, saying "roads are closed."'
    )
    assert found["Nobody has come. The well is dry."] == "a man"
    assert found["roads are closed."] == "Radio Wessex"


def test_a_paragraph_of_quoted_words_after_an_issued_statement_is_the_issuers() -> None:
    result = analyze(
        "At the mayor's request, the Dover council issued a statement apologising to Tom Reed "
        "for the letters, which included jokes about him.\n\n"
        '"We want to offer a sincere apology to Mr Reed."\n\n'
        "Ann Pratt spoke to reporters on Monday.\n\n"
        '"The ferry will run again in May."'
    )
    found = dict(speakers(result))
    assert found["We want to offer a sincere apology to Mr Reed."] == "Dover council"
    assert found["The ferry will run again in May."] == "Ann Pratt"


def test_a_piece_of_an_owned_document_speaks_for_its_owner() -> None:
    found = _direct(
        "Judge Tom Reed ruled on Monday. Part of the judge's ruling reads: \"The law is "
        'clear on this point." Ann Pratt wrote to the board. An excerpt from her letter said: '
        '"We cannot wait any longer."'
    )
    assert found["The law is clear on this point."] == "Tom Reed"
    assert found["We cannot wait any longer."] == "Ann Pratt"
    # A piece of a document nobody is said to own stays the words of that piece.
    alone = _direct('The board met. Part of the statement reads: "We cannot wait any longer."')
    assert alone["We cannot wait any longer."] == "Part of the statement"
