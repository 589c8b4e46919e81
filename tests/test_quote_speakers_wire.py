"""Speakers and non-quotations in the shapes wire and health news writes them: an agency known
by capitals that spell a pronoun ("the WHO said"), a medium that quotes someone ("the paper
quoted Reed as saying"), a writer who quotes or cites someone before a colon ending the
paragraph before the quotation, a quotation left between two speakers' sentences, a source that
belongs to the sentence after a quotation, and a term named between marks.
Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def test_an_agency_in_capitals_that_spell_a_pronoun_is_a_speaker() -> None:
    result = analyze(
        "Health minister Ann Pratt said there were 40 cases in Dover. "
        '"Most member states backed the new advice," the WHO said on Tuesday.'
    )
    speaker = dict(speakers(result))["Most member states backed the new advice,"]
    assert speaker is not None and "Pratt" not in speaker
    assert "World Health" in speaker or "WHO" in speaker


def test_the_person_a_paper_quotes_says_the_words() -> None:
    for text in (
        'The Dover Times quoted Tom Reed as saying "the bridge is a sad mess."',
        '"The bridge is a sad mess," the Dover Times quoted Tom Reed as saying.',
        'The Dover Times quoted Interior Minister Tom Reed: "The bridge is a sad mess."',
    ):
        (quote,) = [q for q in analyze(text).quotes if q.kind != "indirect"]
        assert quote.speaker is not None and quote.speaker.name == "Tom Reed", text


def test_the_person_quoted_or_cited_before_a_colon_ending_a_paragraph_says_the_words() -> None:
    for verb in ("quotes", "cites"):
        text = (
            "Tom Reed started winning races by mocking the harbour plan. "
            f"Cole {verb} former Pratt adviser Olaf Brandt:\n\n"
            '"I would love the ferries to be slower. You may say that is unkind."'
        )
        (quote,) = [q for q in analyze(text).quotes if q.kind == "direct"]
        assert quote.speaker is not None and quote.speaker.name == "Olaf Brandt", verb


def test_a_quotation_before_a_colon_introduced_one_stays_with_the_speaker_before() -> None:
    result = analyze(
        "Mayor Ann Pratt said the city paid nothing. "
        '"I can confirm that we paid nothing," said Pratt to reporters. '
        '"I have thanked the council for its help." '
        'Tom Reed, the county chief, said: "I am glad the ferry runs again."'
    )
    found = dict(speakers(result))
    assert found["I have thanked the council for its help."] == "Ann Pratt"
    assert found["I am glad the ferry runs again."] == "Tom Reed"


def test_according_to_in_the_next_sentence_sources_that_sentence_only() -> None:
    result = analyze(
        "Ann Pratt was told she needed surgery. "
        'She reacted with shock: "I did not even know I was ill." '
        "The clinic was closed last year, according to two officials."
    )
    assert dict(speakers(result))["I did not even know I was ill."] == "Ann Pratt"


def test_a_term_referred_to_as_is_no_quotation() -> None:
    result = analyze(
        '"We are testing the herd," Ann Pratt, a vet, explained. Blight is a costly disease of '
        "grain. Long referred to as 'red stalk rot', it spread to Kent in the 1990s."
    )
    assert [q.text for q in result.quotes if q.kind != "indirect"] == ["We are testing the herd,"]


def test_a_statement_on_an_agencys_website_speaks_for_the_agency() -> None:
    result = analyze(
        "Officials are testing the samples. "
        '"Until the tests are done, shoppers should boil the water," said a statement on the Dover '
        "Food Agency's website. Officials in Dover said the county was helping."
    )
    speaker = dict(speakers(result))["Until the tests are done, shoppers should boil the water,"]
    assert speaker is not None and "Food Agency" in speaker
