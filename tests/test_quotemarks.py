"""Finding quotations by their marks (pure text, no model)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.quotemarks import find_marked_spans


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "we will sign" today.', ["we will sign"]),
        ("She said “we will sign” today.", ["we will sign"]),
        ("Il a dit « nous signerons » hier.", [" nous signerons "]),
        ("Er sagte „wir unterschreiben“ heute.", ["wir unterschreiben"]),
        ("The minister called it ‘a good start’ on Monday.", ["a good start"]),
        ("The minister called it 'a good start' on Monday.", ["a good start"]),
        # Mixed marks: a curly opening closed by a straight mark.
        ('He said “we are ready" and left.', ["we are ready"]),
        # Nested single quotes stay inside the outer quotation.
        (
            "“They told us, ‘go home,’ and we did,” she said.",
            ["They told us, ‘go home,’ and we did,"],
        ),
        # An interrupted quotation is two spans.
        ("“We came,” she said, “and we stayed.”", ["We came,", "and we stayed."]),
        # A nested quotation closed just before a spaced outer mark.
        (
            '"They shout, \'Not again,\' " Holm said. "We stay."',
            ["They shout, 'Not again,' ", "We stay."],
        ),
        # A stray straight mark typed before the curly opening one.
        ('"“We came early,” she said.', ["We came early,"]),
        # Curly marks nested in a straight quotation stay inside it.
        (
            '"The board is not about “fair rules” any more," Ines Varga said on Friday.',
            ["The board is not about “fair rules” any more,"],
        ),
        # The closing glyph typed where the opening one belongs.
        ("”We came early,” she said.", ["We came early,"]),
        ("Her aides wanted ”more time to think” about it.", ["more time to think"]),
        # A comma closes an open quotation even when the space after the mark was lost.
        ('"We came early,"Holm said.', ["We came early,"]),
    ],
)
def test_quotemarks_pairs(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trump’s envoy met Putin’s aide.",
        "Prices rose in the ’90s and again in the 2000s.",
        "They played rock ’n’ roll all night.",
        "The players’ union said nothing.",
        "It's the ministers' decision, isn't it?",
    ],
)
def test_quotemarks_apostrophes_are_not_quotes(text: str) -> None:
    assert contents(text) == []


def test_quotemarks_multi_paragraph_quote_is_one_span_per_paragraph() -> None:
    text = (
        "The envoy said: “We have waited long enough.\n"
        "“Now the talks must deliver a ceasefire.”\n"
        "Reporters left."
    )
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We have waited long enough.",
        "Now the talks must deliver a ceasefire.",
    ]
    assert spans[0].continues and spans[1].continued
    assert not any(s.unbalanced for s in spans)


def test_quotemarks_unbalanced_mark_keeps_other_quotes() -> None:
    text = 'He said "we will win.\nLater she said "no deal" and left.'
    found = contents(text)
    assert "no deal" in found
    unbalanced = [s for s in find_marked_spans(text) if s.unbalanced]
    assert len(unbalanced) == 1 and text[unbalanced[0].start : unbalanced[0].end] == "we will win."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"'“”‘’«»„")), max_size=80))
def test_quotemarks_spans_are_inside_text_and_ordered(text: str) -> None:
    spans = find_marked_spans(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.open_at < span.start
    assert [s.start for s in spans] == sorted(s.start for s in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Archive and wire copy writes double marks as two apostrophes.
        (
            "''We will sign,'' the envoy said. ''It is 'final' now.''",
            ["We will sign,", "It is 'final' now."],
        ),
        ("She called the plan ''a trap'' and left; the rebels' camp stayed.", ["a trap"]),
        # A nested single quotation closing with the outer one: three apostrophes, the last
        # two the double mark; with a space between, the single close still belongs inside.
        (
            "''We never said 'surrender,''' the envoy said. ''Not once.''",
            ["We never said 'surrender,'", "Not once."],
        ),
        (
            "''I dislike the label 'hawk,' '' the envoy said. ''It fits nobody.''",
            ["I dislike the label 'hawk,'", "It fits nobody."],
        ),
        # A closing mark typed with a space before it, set apart on both sides.
        (
            "''We will build it together, '' said the envoy. ''Soon.''",
            ["We will build it together,", "Soon."],
        ),
        # ... and one opening with the outer one.
        ("'''No deal,' they told us,'' the envoy said.", ["'No deal,' they told us,"]),
    ],
)
def test_quotemarks_doubled_apostrophes(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_quotemarks_doubled_apostrophes_span_paragraphs() -> None:
    text = "''We came to talk.\n\n''And we will stay,'' she said."
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We came to talk.", "And we will stay,"]
    assert spans[0].continues and spans[1].continued and spans[0].width == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The closing mark left out before the attribution: the quotation ends at its comma.
        (
            '"Few owners knew which forms to file, said Ines Varga, whose group runs the '
            "clinic.\n\nThe clinic opens in May.",
            ["Few owners knew which forms to file,"],
        ),
        # ... and the next quotation's opening mark stands after it.
        (
            '"Short of a ferry on every route, he added, "the islands will stay cut off."',
            ["Short of a ferry on every route,", "the islands will stay cut off."],
        ),
        # A closing single mark typed for the double one, after a comma or a stop.
        (
            "“The ferry runs late,’ said Tomas Lund, the harbour master. “Every day.”",
            ["The ferry runs late,", "Every day."],
        ),
        (
            "“The ferry runs late.’ Tomas Lund said, shrugging.\n\nThe harbour is shut.",
            ["The ferry runs late."],
        ),
        # The end of a quotation garbled into single marks and stops.
        ('Lund asked, "Is the ferry late again?’.’"\n\nIt was.', ["Is the ferry late again?"]),
        ("Lund said, \"The ferry is late.'.'\"\n\nIt was.", ["The ferry is late."]),
        ("(Mr. Lund said, ''The ferry is late.'.')\n\nIt was.", ["The ferry is late."]),
        # A single mark before the closing one that no nested quotation opened.
        ('"The ferry is late.\'" Lund said.', ["The ferry is late."]),
    ],
)
def test_quotemarks_missing_or_garbled_closing_mark(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_quotemarks_quotation_ended_at_attribution_is_flagged() -> None:
    (span,) = find_marked_spans('"The toll is unfair, Tomas Lund said, and he will fight it.')
    assert span.unbalanced and span.cut and span.close_at is None
