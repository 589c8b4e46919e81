"""Quotations signed on their own line, after the closing mark, by a dash and a name, as in
collected quotations, pull-quotes and reader columns (sentences we wrote, with the real English
pipeline)."""

from __future__ import annotations

import pytest

from quote_reading import analyze, speakers

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The strike on the docks entered its third week.\n\n"
            "\u201cWe will not wait another winter.\u201d \u2015 Maria Lopez, a union organiser",
            ("We will not wait another winter.", "Maria Lopez"),
            id="quotation-dash-and-a-description",
        ),
        pytest.param(
            "Reactions to the harbour vote came from both parties.\n\n"
            "\u201cNobody asked us.\u201d \u2014 Sen. John Roe (D-Ore.)",
            ("Nobody asked us.", "John Roe"),
            id="em-dash-title-and-party-in-parentheses",
        ),
        pytest.param(
            'The verdict in the fraud case was read on Friday.\n\n"It is over." -- Ann Lee',
            ("It is over.", "Ann Lee"),
            id="double-hyphen",
        ),
        pytest.param(
            "Voters queued for hours at the school gym.\n\n"
            '"I came here to vote for change. I waited three hours. I would wait three more."'
            " - Kay Lund, retired nurse",
            (
                "I came here to vote for change. I waited three hours. I would wait three more.",
                "Kay Lund",
            ),
            id="spaced-hyphen-after-a-quotation-of-several-sentences",
        ),
        pytest.param(
            "What the campaigners said about the fishing quota:\n\n"
            "\u201cA fair deal for the fishermen at last.\u201d \u2015 Amnesty International",
            ("A fair deal for the fishermen at last.", "Amnesty International"),
            id="signed-by-an-organisation",
        ),
        pytest.param(
            "What the neighbours of the new bakery told us:\n\n"
            "- \u201cThe ovens start at five every morning.\u201d \u2014 Ravi Shah, a driver",
            ("The ovens start at five every morning.", "Ravi Shah"),
            id="line-of-a-list-opened-by-a-hyphen",
        ),
    ],
)
def test_signed_on_the_same_line(text: str, expected: tuple[str, str]) -> None:
    assert expected in speakers(analyze(text))


def test_signature_is_a_mention_of_the_signer() -> None:
    text = (
        "The strike on the docks entered its third week.\n\n"
        "\u201cWe will not wait another winter.\u201d \u2015 Maria Lopez, a union organiser"
    )
    result = analyze(text)
    quote = next(q for q in result.quotes if q.text.startswith("We will not"))
    assert quote.speaker is not None
    start = text.index("Maria Lopez")
    assert quote.speaker.mention == (start, start + len("Maria Lopez"))
    actor = next(a for a in result.actors if a.id == quote.speaker.id)
    assert (start, start + len("Maria Lopez")) in actor.mentions


def test_a_column_of_signed_quotations_gives_each_its_own_signer() -> None:
    text = (
        "Readers wrote in about the new toll bridge.\n\n"
        "\u201cThe tolls are far too high for families who cross every day.\u201d \u2015 Tom "
        "Berg, Leeds\n\n"
        "\u201cI love the bike lane and the view from the top.\u201d \u2015 Ann Holt, "
        "professor of law at Leeds\n\n"
        "\u201cNobody asked the people who live under it.\u201d \u2014 Ravi Shah"
    )
    result = analyze(text)
    found = speakers(result)
    assert ("The tolls are far too high for families who cross every day.", "Tom Berg") in found
    assert ("I love the bike lane and the view from the top.", "Ann Holt") in found
    assert ("Nobody asked the people who live under it.", "Ravi Shah") in found
    holt = next(a for a in result.actors if a.name == "Ann Holt")
    assert holt.title == "professor of law at Leeds"  # the description, as an apposition


def test_zero_width_space_before_the_signer_and_a_title_from_the_description() -> None:
    """Web pages leave zero-width characters around the dash; the tagger then misses the
    name, and the description is the only place that gives the signer a title."""
    text = (
        "We spoke to Ann Holt about the ferries in her office by the quay.\n\n"
        '"Half the crossings never left the pier in January."\u00a0\u00a0\u2014 \u200dAnn '
        "Holt, Harbour Board Manager\n\n"
        "She said the boats were old."
    )
    result = analyze(text)
    quote = next(q for q in result.quotes if q.text.startswith("Half the crossings"))
    assert quote.speaker is not None
    assert quote.speaker.name == "Ann Holt"
    start = text.index("Ann Holt, Harbour")
    assert quote.speaker.mention == (start, start + len("Ann Holt"))
    holt = next(a for a in result.actors if a.id == quote.speaker.id)
    assert holt.title == "Harbour Board Manager"


@pytest.mark.parametrize(
    ("text", "quotation", "speaker"),
    [
        pytest.param(
            "Mara Lind spoke at the rally in the rain.\n\n"
            "\u201cWe will win in November.\u201d \u2014 a claim Tom Berg mocked the next "
            "morning.",
            "We will win in November.",
            "Mara Lind",
            id="running-sentence-after-the-dash",
        ),
        pytest.param(
            "Mara Lind spoke at the rally in the rain.\n\n"
            "\u201cWe will win in November.\u201d \u2014 Tom Berg later mocked the claim.",
            "We will win in November.",
            "Mara Lind",
            id="verb-clause-after-the-dash",
        ),
        pytest.param(
            "Mara Lind spoke at the rally in the rain.\n\n"
            "\u201cWe will win in November.\u201d \u2015 Tom Berg, her rival, mocked the "
            "claim.",
            "We will win in November.",
            "Mara Lind",
            id="sentence-going-on-after-the-comma",
        ),
        pytest.param(
            "Tom Berg, the coach, spoke after the final.\n\n"
            "\u201cWe are ready,\u201d said coach Tom Berg \u2014 Ann Lee",
            "We are ready,",
            "Tom Berg",
            id="cue-in-its-own-sentence-keeps-its-speaker",
        ),
        pytest.param(
            "Mara Lind spoke to the crowd at the pier.\n\n"
            "\u201cWe will build it \u2014 Tom Berg says otherwise \u2014 and we will finish "
            "it.\u201d",
            "We will build it",
            "Mara Lind",
            id="dash-inside-the-quotation",
        ),
        pytest.param(
            "The council voted on the budget on Monday.\n\n"
            "Mara Lind said the plan was \u201ca waste of money\u201d -- Ann Lee",
            "a waste of money",
            "Mara Lind",
            id="quotation-woven-into-running-text",
        ),
    ],
)
def test_no_signature(text: str, quotation: str, speaker: str) -> None:
    """What follows the dash is no signature: the quotation keeps the speaker the rest of
    the text gives it."""
    found = [s for t, s in speakers(analyze(text)) if t.startswith(quotation)]
    assert found == [speaker]


def test_a_work_and_its_author_is_no_signed_quotation() -> None:
    text = (
        "Our favourite songs of the year on the harbour radio:\n\n"
        "\u201cRain on the harbour wall\u201d \u2014 Ann Holt\n\n"
        '"A Winter in the North" -- Kay Lund, Harbour Press'
    )
    found = dict(speakers(analyze(text)))
    assert found.get("Rain on the harbour wall") is None
    assert found.get("A Winter in the North") is None
