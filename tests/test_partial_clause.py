"""The reported clause around a partial quotation (rules/partial_clause.py, issue 11).

A few quoted words woven into the writer's sentence are reported speech: the clause the cue
governs is an ``indirect`` entry of the same speaker and cue, and the quoted words stay a
``partial`` entry of their own. Each fixture is a short sentence composed for one behaviour."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import parley
from parley.nlp.pipeline import load_nlp
from parley.nlp.rules import partial_clause
from parley.nlp.rules.as_frame import framing_verb
from parley.types import Quote


def entries(text: str) -> list[Quote]:
    return list(parley.analyze(text, published="2025-04-18").quotes)


def one(quotes: list[Quote], kind: str) -> Quote:
    (quote,) = [q for q in quotes if q.kind == kind]
    return quote


@pytest.mark.parametrize(
    ("text", "speaker", "clause", "quoted"),
    [
        pytest.param(
            'Governor Ana Ruiz called him a "coward" who hides behind his lawyers.',
            "Ana Ruiz",
            'him a "coward" who hides behind his lawyers',
            "coward",
            id="called-pronoun-object",
        ),
        pytest.param(
            'Mayor Tomas Berg criticized the council for "wasting money" on consultants.',
            "Tomas Berg",
            'the council for "wasting money" on consultants',
            "wasting money",
            id="criticized-for",
        ),
        pytest.param(
            'Senator Maria Lopez described the budget during an interview as "a recipe for '
            'disaster."',
            "Maria Lopez",
            'the budget during an interview as "a recipe for disaster."',
            "a recipe for disaster.",
            id="described-as-after-a-phrase",
        ),
        pytest.param(
            'The harbour would be ready by spring "no matter what," one engineer commented.',
            "one engineer",
            'The harbour would be ready by spring "no matter what,"',
            "no matter what,",
            id="cue-after-the-clause",
        ),
        pytest.param(
            'The harbour would be ready by spring "no matter what," one engineer told reporters.',
            "one engineer",
            'The harbour would be ready by spring "no matter what,"',
            "no matter what,",
            id="cue-after-the-clause-with-its-addressee",
        ),
        pytest.param(
            'Senator Rosa Kerr bemoaned a climate in which voters "simply shout past each other" '
            "in every town.",
            "Rosa Kerr",
            'a climate in which voters "simply shout past each other" in every town',
            "simply shout past each other",
            id="stance-verb-object-with-a-relative-clause",
        ),
        pytest.param(
            'Chancellor Ida Brandt heralded the deal with the union as a "breakthrough" for the '
            "city.",
            "Ida Brandt",
            'the deal with the union as a "breakthrough" for the city',
            "breakthrough",
            id="stance-verb-object-as",
        ),
        pytest.param(
            'Mayor Tom Reed repeatedly referred to the governor as "the man who never reads a '
            'budget" in the debate.',
            "Tom Reed",
            'the governor as "the man who never reads a budget" in the debate',
            "the man who never reads a budget",
            id="referred-to-x-as",
        ),
    ],
)
def test_partial_quotation_gets_its_reported_clause(
    text: str, speaker: str, clause: str, quoted: str
) -> None:
    quotes = entries(text)
    partial, reported = one(quotes, "partial"), one(quotes, "indirect")
    assert partial.text == quoted
    assert reported.text == clause
    assert reported.speaker is not None and partial.speaker is not None
    assert reported.speaker.name == partial.speaker.name == speaker
    assert reported.cue_span == partial.cue_span
    assert reported.start <= partial.start and partial.end <= reported.end


def test_reported_object_of_the_same_cue_takes_the_quotation() -> None:
    # "denounced X" alone gives X; with 'as "..."' the one entry of that cue is the whole.
    quotes = entries('Governor Ana Ruiz denounced the port deal as a "betrayal of the workers."')
    reported = one(quotes, "indirect")
    assert reported.text == 'the port deal as a "betrayal of the workers."'
    assert one(quotes, "partial").text == "betrayal of the workers."


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Governor Ana Ruiz called it "absurd."',
            id="clause-mostly-the-quotation",
        ),
        pytest.param(
            '"We will rebuild the pier," said Tomas Berg, author of "Harbour Days."',
            id="title-in-the-speaker-description",
        ),
        pytest.param(
            'Mayor Tomas Berg warned the council about the "Open Harbour" plan and its costs.',
            id="quotation-names-a-plan",
        ),
        pytest.param(
            "There is a way to bundle boats into fleets, and there is a concept called "
            '"flotilla" which is kind of a small fleet.',
            id="name-given-by-a-participle",
        ),
        pytest.param(
            "After a harbour official was fired over remarks that compared the new pier to "
            '"a sinking ship," the mayor reacted with a long letter.',
            id="cue-after-an-adverbial-clause",
        ),
    ],
)
def test_no_clause_beyond_the_quotation(text: str) -> None:
    assert [q for q in entries(text) if q.kind == "indirect"] == []


def test_clause_inside_another_speakers_words_is_its_own_attribution() -> None:
    # Berg's reported clause holds the quotation, but the words are Ruiz's: her clause too.
    quotes = entries(
        'Mayor Tomas Berg said Governor Ana Ruiz had called him a "coward" who hides behind '
        "lawyers."
    )
    reported = {
        (q.speaker.name if q.speaker else None, q.text) for q in quotes if q.kind == "indirect"
    }
    assert reported == {
        ("Tomas Berg", 'Governor Ana Ruiz had called him a "coward" who hides behind lawyers'),
        ("Ana Ruiz", 'him a "coward" who hides behind lawyers'),
    }


def test_passive_cue_without_agent_reports_no_clause() -> None:
    quotes = entries(
        'The valley was called a "breadbasket" that fed the whole region for a century.'
    )
    assert [q for q in quotes if q.kind == "indirect"] == []


def test_clause_opening_with_the_quotation_keeps_its_opening_mark() -> None:
    quotes = entries(
        'Mayor Tomas Berg said "no more delays for the pier" in remarks to the council on Monday.'
    )
    assert one(quotes, "indirect").text == (
        '"no more delays for the pier" in remarks to the council on Monday'
    )


def test_clause_woven_from_several_quotations_is_reported() -> None:
    # No one quotation is most of the clause, so the clause says more than any of them.
    quotes = entries('Governor Ana Ruiz called him "a reckless coward" and "a shameless fraud."')
    assert one(quotes, "indirect").text == 'him "a reckless coward" and "a shameless fraud."'


def test_that_clause_hung_after_a_phrase_of_the_cue() -> None:
    quotes = entries(
        "Mayor Tomas Berg repeated his warning during the visit that the old bridge was "
        '"simply unsafe" for trucks.'
    )
    reported = [q for q in quotes if q.kind == "indirect"]
    assert any(q.text == 'the old bridge was "simply unsafe" for trucks' for q in reported)


def test_reported_clause_runs_on_past_the_closing_mark() -> None:
    # The parser hangs "and have been wrong ..." on the cue; it is still what was said.
    quotes = entries(
        'Governor Tom Hale told a podcast host that the forecasts might be "badly wrong," and have '
        "missed before in close contests."
    )
    assert one(quotes, "indirect").text == (
        'the forecasts might be "badly wrong," and have missed before in close contests'
    )


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        pytest.param(
            "Mayor Ana Ruiz called the budget plan “a fantasy” because the city has no reserves "
            "left.",
            "the budget plan “a fantasy” because the city has no reserves left",
            id="a-reason-after-the-mark",
        ),
        pytest.param(
            "Governor Lena Holt told reporters the bridge was “perfectly safe,” compared with the "
            "old one; engineers disagreed.",
            "the bridge was “perfectly safe,” compared with the old one",
            id="up-to-a-semicolon",
        ),
    ],
)
def test_reported_clause_runs_on_over_what_its_cue_governs_after_the_mark(
    text: str, clause: str
) -> None:
    assert one(entries(text), "indirect").text == clause


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Minister Karl Dorn called the deal “a small miracle” and Ruiz said she agreed.",
            id="another-speaker-reports",
        ),
        pytest.param(
            "Minister Karl Dorn called the deal “a small miracle” but did not sign it.",
            id="the-speaker-acts-again-without-a-subject",
        ),
        pytest.param(
            "Minister Karl Dorn called the deal “a small miracle,” according to the radio.",
            id="the-source-after-the-mark",
        ),
        pytest.param(
            'Senator Ann Lee told a radio station that the pier was "a small miracle," and said '
            "the town would pay for it.",
            id="a-second-act-of-saying",
        ),
        pytest.param(
            'Senator Ann Lee called the pier "a small miracle," but she gave the builders a stern '
            "warning.",
            id="the-speaker-acts-again",
        ),
    ],
)
def test_reported_clause_stops_at_the_closing_mark(text: str) -> None:
    reported = [q.text for q in entries(text) if q.kind == "indirect"]
    assert any(
        t.endswith(('"a small miracle,"', "“a small miracle”", "“a small miracle,”"))
        for t in reported
    )


def test_name_in_quotation_marks_adds_no_second_clause() -> None:
    quotes = entries(
        'Mayor Tomas Berg urged voters to read the "Open Harbour" report before the vote.'
    )
    assert [q.text for q in quotes if q.kind == "indirect"] == [
        'voters to read the "Open Harbour" report before the vote'
    ]


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A Doc with the given parse, for rules that read what the parser sometimes gives."""
    spaces, opening = [], True
    for word, nxt in zip(words, [*words[1:], "."], strict=True):
        if word == '"':
            opening = not opening
        # no space after an opening mark, none before a closing mark or punctuation
        closes = nxt == '"' and not opening
        spaces.append(not (word == '"' and not opening) and nxt not in {",", "."} and not closes)
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_cue_parsed_as_a_modifier_of_its_object_reports_what_follows() -> None:
    # Taggers sometimes read 'accused Berg' as an adjective before a noun.
    doc = _parsed(
        ["Lee", "accused", "Berg", "of", "being", '"', "timid", '"', "on", "taxes", "."],
        [2, 2, 2, 2, 3, 6, 4, 6, 4, 8, 2],
        [
            "compound",
            "amod",
            "ROOT",
            "prep",
            "pcomp",
            "punct",
            "acomp",
            "punct",
            "prep",
            "pobj",
            "punct",
        ],
        ["PROPN", "VERB", "PROPN", "ADP", "AUX", "PUNCT", "ADJ", "PUNCT", "ADP", "NOUN", "PUNCT"],
    )
    clause = partial_clause._set_in_cue_head(doc, doc[1], doc[6], doc[6])
    assert clause is not None and clause.text == 'Berg of being "timid" on taxes'


def test_parenthetical_cue_reports_the_clause_it_interrupts() -> None:
    doc = _parsed(
        ["Lee", "told", "CNN", ",", "the", "pier", "is", '"', "safe", '"', "."],
        [1, 6, 1, 6, 5, 6, 6, 8, 6, 8, 6],
        [
            "nsubj",
            "ccomp",
            "dobj",
            "punct",
            "det",
            "nsubj",
            "ROOT",
            "punct",
            "acomp",
            "punct",
            "punct",
        ],
        ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "PUNCT", "ADJ", "PUNCT", "PUNCT"],
    )
    clause = partial_clause._set_in_cue_head(doc, doc[1], doc[8], doc[8])
    assert clause is not None and clause.text == 'the pier is "safe"'


def test_time_clause_is_no_parenthetical_attribution() -> None:
    quotes = entries('When Mayor Tomas Berg spoke, the crowd was "completely stunned" by the news.')
    assert [q for q in quotes if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "nested"),
    [
        pytest.param(
            "Mayor Tomas Berg said the council must back the harbour plan, which he declared "
            '"a lifeline" for the fishing town.',
            '"a lifeline" for the fishing town',
            id="relative-clause",
        ),
        pytest.param(
            "Governor Ana Ruiz decided not to close the port even though she found "
            '"evidence" that the pier was unsafe.',
            '"evidence" that the pier was unsafe',
            id="subordinate-clause",
        ),
    ],
)
def test_cue_nested_in_the_speakers_own_report_gets_its_clause(text: str, nested: str) -> None:
    # The outer report holds the quotation, but its own cue sits in a relative or subordinate
    # clause inside it: that cue's clause is one more attribution of the same speaker.
    quotes = entries(text)
    partial = one(quotes, "partial")
    reported = [q for q in quotes if q.kind == "indirect"]
    assert nested in {q.text for q in reported}
    inner = next(q for q in reported if q.text == nested)
    assert inner.cue_span == partial.cue_span
    assert len(reported) == 2


def test_cue_in_the_main_clause_of_the_report_adds_no_second_clause() -> None:
    # 'said he found the pier "very safe"': the report's own clause, not a nested one.
    quotes = entries('Mayor Tomas Berg said he found the new pier "very safe" for children.')
    assert len([q for q in quotes if q.kind == "indirect"]) == 1


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        pytest.param(
            "Many voters followed Governor Ana Ruiz's dictum that the harbour was "
            '"the heart of the town" and its future.',
            'the harbour was "the heart of the town" and its future',
            id="clause-of-the-noun",
        ),
        pytest.param(
            'Mayor Tomas Berg\'s main claim is that the harbour plan is "a costly mistake" for '
            "the town.",
            'the harbour plan is "a costly mistake" for the town',
            id="noun-is-that",
        ),
    ],
)
def test_noun_of_saying_reports_its_that_clause(text: str, clause: str) -> None:
    quotes = entries(text)
    partial, reported = one(quotes, "partial"), one(quotes, "indirect")
    assert reported.text == clause
    assert reported.cue_span == partial.cue_span


def test_reported_entry_and_the_clause_after_it_join() -> None:
    # The cue's entry stops before ', even though ...'; the clause around the quotation
    # follows it at once, so the entry takes both halves.
    quotes = entries(
        "Governor Ana Ruiz urged the council to stay calm, even though many people see the "
        'harbour as "a lost cause."'
    )
    partial = one(quotes, "partial")
    mine = [q for q in quotes if q.kind == "indirect" and q.cue_span == partial.cue_span]
    assert [q.text for q in mine] == [
        'the council to stay calm, even though many people see the harbour as "a lost cause."'
    ]


def test_halves_around_the_attribution_are_one_reported_clause() -> None:
    text = (
        "Bound together by a century of shared trade and a long sea wall, the two towns, Mayor "
        'Tomas Berg said, now have "a golden chance" to grow.'
    )
    quotes = entries(text)
    assert one(quotes, "partial").text == "a golden chance"
    assert one(quotes, "indirect").text == text[:-1]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        pytest.param(
            'Mayor Tomas Berg said the pier was safe, but the old harbour was "a real mess" after '
            "the storm.",
            'the pier was safe, but the old harbour was "a real mess" after the storm',
            id="second-clause-with-its-subject",
        ),
        pytest.param(
            'Mayor Tomas Berg pledged to rebuild the pier, fix the town\'s "crumbling" sea wall '
            "and hire guards.",
            'to rebuild the pier, fix the town\'s "crumbling" sea wall and hire guards',
            id="second-infinitive",
        ),
    ],
)
def test_second_half_hung_on_the_cue_joins_the_first(text: str, clause: str) -> None:
    quotes = entries(text)
    partial, reported = one(quotes, "partial"), one(quotes, "indirect")
    assert reported.text == clause
    assert reported.cue_span == partial.cue_span


@pytest.mark.parametrize(("prep", "reported"), [("Despite", False), ("About", True)])
def test_noun_of_saying_as_a_backdrop_reports_no_clause(prep: str, reported: bool) -> None:
    # 'Despite Lee's claim that she would win "easily", ...': the writer's backdrop, not a
    # report; 'About Lee's claim that ...' reports the claim.
    doc = _parsed(
        [prep, "Lee", "'s", "claim", "that", "she", "would", "win", '"', "easily", '"'],
        [0, 3, 1, 0, 7, 7, 7, 3, 9, 7, 9],
        ["ROOT", "poss", "case", "pobj", "mark", "nsubj", "aux", "acl", "punct", "advmod", "punct"],
        ["ADP", "PROPN", "PART", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "PUNCT", "ADV", "PUNCT"],
    )
    clause = partial_clause._after_cue(doc, doc[3], doc[9], doc[9])
    assert (clause is not None) == reported


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        pytest.param(
            'The harbour vote signals "the beginning of the end" for the old council, said Tomas '
            "Berg, the mayor of the town.",
            'The harbour vote signals "the beginning of the end" for the old council',
            id="verb-read-as-a-noun",
        ),
        pytest.param(
            'Couple a long winter with a "council that never listens" and people get angry, said '
            "Ana Ruiz, head of the harbour board.",
            'Couple a long winter with a "council that never listens" and people get angry',
            id="imperative-read-as-a-noun",
        ),
    ],
)
def test_clause_read_as_a_subject_of_the_inverted_cue_is_reported(text: str, clause: str) -> None:
    quotes = entries(text)
    partial, reported = one(quotes, "partial"), one(quotes, "indirect")
    assert reported.text == clause
    assert reported.speaker is not None and partial.speaker is not None
    assert reported.speaker.name == partial.speaker.name


def test_clause_running_on_past_the_mark_is_more_than_the_quotation() -> None:
    # Cut at the closing mark, 'her "the steady hand"' is mostly the quotation; with what the
    # cue governs after the mark it is a clause of its own.
    quotes = entries(
        'After the debate, several columnists called her "the steady hand" amidst the '
        "bickering among the four other candidates."
    )
    reported = one(quotes, "indirect")
    assert reported.text == (
        'her "the steady hand" amidst the bickering among the four other candidates'
    )


@pytest.mark.parametrize(
    "text",
    [
        'Governor Ana Ruiz said the harbour plan was "a disaster," noting that the costs had '
        "doubled.",
        'Mayor Tomas Berg called the vote "a betrayal," adding that he would appeal.',
    ],
)
def test_run_on_stops_at_a_participle_of_saying(text: str) -> None:
    quotes = entries(text)
    partial = one(quotes, "partial")
    (mine,) = [q for q in quotes if q.kind == "indirect" and q.cue_span == partial.cue_span]
    assert mine.end == partial.end + 1  # the clause ends with the quotation's closing mark


def test_words_set_off_by_a_comma_after_the_mark_do_not_make_a_clause() -> None:
    # 'as a "harbour whisperer"' is mostly the quotation; the reason the writer adds after a
    # comma is no part of what the paper said.
    quotes = entries(
        'Ana Ruiz has been described by the local paper as a "harbour whisperer", for the '
        "affinity the seals have for her."
    )
    assert [q for q in quotes if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ('said the pier was "unsafe."', True),
        ('called them "the victims[.]"', True),
        ('called it "unsafe," and', False),
        ('called it "a mess"', False),
    ],
)
def test_a_quotation_closing_a_sentence_ends_the_words(text: str, ends: bool) -> None:
    assert partial_clause._ends_sentence(text) == ends


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'The harbour board said in a statement that "the pier is safe" and that "no ship '
            'will be turned away."',
            id="straight-marks",
        ),
        pytest.param(
            "The harbour board said in a statement that \u201cthe pier is safe\u201d and that "
            "\u201cno ship will be turned away.\u201d",
            id="curly-marks",
        ),
    ],
)
def test_no_entry_ends_inside_an_open_quotation(text: str) -> None:
    """The parser ends the clause at the full stop inside the last quotation; the entry that
    holds that quotation's opening mark takes its closing mark too."""
    quotes = entries(text)
    holding = [q for q in quotes if q.kind == "indirect" and "no ship" in q.text]
    assert holding, [(q.kind, q.text) for q in quotes]
    for quote in holding:
        assert quote.text.endswith(('."', ".\u201d")), quote.text
        assert quote.text.count('"') % 2 == 0
        assert quote.text.count("\u201c") == quote.text.count("\u201d")


def test_an_entry_begun_inside_a_quotation_takes_no_mark_after_it() -> None:
    doc = spacy.blank("en")('Lee said it is" and then "more words" follow.')
    entry = Quote(id="", text='it is"', start=9, end=15, kind="indirect", speaker=None, cue=None)
    assert partial_clause._with_its_marks(doc, entry) is entry


def test_a_name_a_speaker_refers_to_someone_by_is_no_quotation() -> None:
    quotes = entries('Mayor Tom Reed refers to the governor as "Mr. Clean" in every speech.')
    assert not [q for q in quotes if q.kind in {"partial", "direct"}]


def test_a_stance_verb_leaves_a_quotation_inside_a_noun_of_saying_alone() -> None:
    quotes = entries(
        'Mayor Tom Reed mocked claims that the old plant was "perfectly safe" for workers.'
    )
    assert not [q for q in quotes if q.kind == "partial" and q.cue == "mocked"]


@pytest.mark.parametrize(
    "text",
    [
        'Although the word "gale" only refers to how strong a wind is, the agency was cautious.',
        'Their demands include that the board cease referring to the march as "a riot" at once.',
    ],
)
def test_a_characterising_verb_needs_a_speaker_before_the_quotation(text: str) -> None:
    assert not [q for q in entries(text) if q.cue is not None and q.cue.startswith("refer")]


@pytest.mark.parametrize(
    ("text", "speaker", "clause"),
    [
        pytest.param(
            'Two local papers reported on Friday the harbour board had "more than two warnings" '
            "about the crane.",
            "Two local papers",
            'the harbour board had "more than two warnings" about the crane',
            id="cue-read-as-a-participle-of-its-speaker",
        ),
        pytest.param(
            "The deal comes two days after Ortiz told The Daily Courier she was "
            '"not quite ready" on endorsing Berg, who faces a recall vote in May.',
            "Ortiz",
            'she was "not quite ready" on endorsing Berg, who faces a recall vote in May',
            id="clause-verb-read-as-the-cue-head",
        ),
    ],
)
def test_a_clause_the_parser_hung_apart_from_its_cue(text: str, speaker: str, clause: str) -> None:
    quotes = entries(text)
    entry = one(quotes, "indirect")
    assert entry.text == clause
    assert entry.speaker is not None and entry.speaker.name == speaker


def test_a_clause_after_a_cue_set_off_by_a_comma_is_not_what_was_said() -> None:
    quotes = entries('When Lee spoke, the crowd was "stunned" by the news.')
    assert not [q for q in quotes if q.kind == "indirect"]


def test_a_reported_clause_runs_on_through_the_later_quotations_of_its_cue() -> None:
    quotes = entries(
        'Tom Reed says there is "a long way to go" but he feels sure that the club will '
        '"surprise everyone."'
    )
    clauses = [q.text for q in quotes if q.kind == "indirect" and q.cue == "says"]
    assert clauses == [
        'there is "a long way to go" but he feels sure that the club will "surprise everyone."'
    ]


def test_a_reported_clause_stops_before_its_attribution() -> None:
    quotes = entries('The pier is "unsafe," Lee said, and the mayor called it "a relic."')
    assert not [q for q in quotes if q.cue == "said" and "unsafe" in q.text and "relic" in q.text]


def test_a_condition_set_before_the_quotation_is_part_of_what_was_said() -> None:
    quotes = entries(
        "Mayor Ann Berg says no matter what measures the council takes on parking, "
        '"the pier stays open to everyone."'
    )
    entry = one(quotes, "indirect")
    assert entry.text == (
        'no matter what measures the council takes on parking, "the pier stays open to everyone."'
    )


def test_a_that_clause_after_the_cue_outweighs_opening_words_read_as_its_clause() -> None:
    quotes = entries(
        "Chatting with fishermen on the quay, during which the catch of the week came up too, "
        'Mayor Ann Berg remarked that it felt "rather odd" to be quarrelling over bike lanes in '
        "her contest with Lee."
    )
    clauses = [q.text for q in quotes if q.kind == "indirect" and q.cue == "remarked"]
    assert clauses == [
        'it felt "rather odd" to be quarrelling over bike lanes in her contest with Lee'
    ]


def test_a_clause_cut_after_a_coordinator_runs_on_to_its_second_half() -> None:
    quotes = entries(
        'On Monday, Judge Ray Olsen announced that the mayor was "deeply negligent" with public '
        "funds and in the usual course of things would face a fine for it, but that her conduct "
        "did not amount to a crime."
    )
    entry = one(quotes, "indirect")
    assert entry.text.endswith("did not amount to a crime")


def test_a_reported_clause_runs_on_through_a_quotation_a_colon_joins_to_it() -> None:
    quotes = entries(
        'A second caller said she prayed "every single night" that Berg takes the seat: '
        '"Then the ferry will finally run on time."'
    )
    entry = one(quotes, "indirect")
    assert entry.text.endswith('the seat: "Then the ferry will finally run on time."')


def test_a_quotation_in_a_paragraph_of_its_own_is_not_run_on_to() -> None:
    quotes = entries(
        "Ann Berg said the port would need a new crane:\n\n"
        '"We have asked for one for years. The old one is failing."'
    )
    assert not [q for q in quotes if q.kind == "indirect" and "failing" in q.text]


def _tagged(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A hand-made parse with lemmas and fine tags, for the shapes the parser breaks."""
    pos = {"VBZ": "VERB", "VBD": "VERB", "VB": "VERB", "PRP": "PRON", "NNP": "PROPN"}
    lemmas = {"threatens": "threaten", "wrote": "write", "was": "be", "stopped": "stop"}
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * len(words),
        heads=heads,
        deps=deps,
        tags=tags,
        pos=[
            pos.get(t, "SCONJ" if t == "IN" else "PUNCT" if t in {"``", "''"} else "X")
            for t in tags
        ],
        lemmas=[lemmas.get(w, w.lower()) for w in words],
    )


@pytest.mark.parametrize(("mark", "clause"), [("because", None), ("that", 'Lee was " strict "')])
def test_a_reason_after_the_cue_is_no_clause_parsed_apart(mark: str, clause: str | None) -> None:
    from parley.nlp.rules import clause_run

    doc = _tagged(
        ["Ann", "wrote", "early", mark, "Lee", "was", '"', "strict", '"'],
        [1, 1, 1, 5, 5, 1, 7, 5, 7],
        ["nsubj", "ROOT", "advmod", "mark", "nsubj", "advcl", "punct", "acomp", "punct"],
        ["NNP", "VBD", "RB", "IN", "NNP", "VBD", "``", "JJ", "''"],
    )
    found = clause_run.clause_parsed_apart(doc, doc[1], doc[7])
    assert (found.text if found is not None else None) == clause


@pytest.mark.parametrize(("subject", "runs_on"), [("you", False), ("he", True)])
def test_a_run_on_stops_where_the_writer_gives_a_quotation_its_own_subject(
    subject: str, runs_on: bool
) -> None:
    from parley.nlp.rules.quoted_run import through_its_quotations
    from parley.types import SpeakerRef

    words = ["Lee", "threatens", "to", "sell", "it", ",", "and", subject, '"', "stopped", '"']
    doc = _tagged(
        words,
        [1, 1, 3, 1, 3, 1, 1, 9, 9, 1, 9],
        ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct", "cc", "nsubj", "punct", "conj", "punct"],
        ["NNP", "VBZ", "TO", "VB", "PRP", "PUNCT", "CC", "PRP", "``", "VBD", "''"],
    )
    lee = SpeakerRef(id="a1", name="Lee", mention=(0, 3))
    cue = (doc[1].idx, doc[1].idx + len(doc[1].text))
    said = doc[3:5]
    entry = Quote(
        id="",
        text=said.text,
        start=said.start_char,
        end=said.end_char,
        kind="indirect",
        speaker=lee,
        cue="threatens",
        cue_span=cue,
    )
    quoted = doc[9:10]
    partial = Quote(
        id="",
        text=quoted.text,
        start=quoted.start_char,
        end=quoted.end_char,
        kind="partial",
        speaker=lee,
        cue="threatens",
        cue_span=cue,
    )
    after = through_its_quotations(doc, entry, [partial, entry])
    assert (after.end == partial.end) is runs_on


def test_no_clause_runs_on_into_the_clause_the_cue_clause_is_set_in() -> None:
    quotes = entries(
        "When Mayor Ann Berg tweeted that the new parking rules would hurt local shops, the "
        'site placed a label "fact checking" the post.'
    )
    assert not [q for q in quotes if q.kind == "indirect" and "label" in q.text]


def test_no_clause_parsed_apart_after_what_the_cue_reports_has_ended() -> None:
    from parley.nlp.rules import clause_run

    doc = _tagged(
        [
            "if",
            "Lee",
            "threatens",
            "to",
            "sell",
            "it",
            ",",
            "and",
            "you",
            '"',
            "stopped",
            '"',
            "right",
        ],
        [2, 2, 12, 4, 2, 4, 12, 12, 10, 10, 12, 10, 12],
        ["mark", "nsubj", "advcl", "aux", "xcomp", "dobj", "punct", "cc", "nsubj", "punct", "ccomp"]
        + ["punct", "ROOT"],
        ["IN", "NNP", "VBZ", "TO", "VB", "PRP", "PUNCT", "CC", "PRP", "``", "VBD", "''", "RB"],
    )
    assert clause_run.clause_parsed_apart(doc, doc[2], doc[10]) is None


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        pytest.param(
            "Governor Ana Ruiz summed up the tax plan as “reckless,” and said she would veto it.",
            "the tax plan as “reckless,”",
            id="summed-up-as-then-said",
        ),
        pytest.param(
            'Mayor Tomas Berg ranked the bridge as the shakiest span "in the whole region," and '
            "said it must close.",
            'the bridge as the shakiest span "in the whole region,"',
            id="ranked-as-then-said",
        ),
        pytest.param(
            "Governor Ana Ruiz summed up the tax plan as “reckless,” denounced its cost and said "
            "she would veto it.",
            "the tax plan as “reckless,”",
            id="first-of-a-list-of-what-the-speaker-did",
        ),
    ],
)
def test_the_verb_whose_as_frames_a_quotation_cues_its_clause(text: str, clause: str) -> None:
    """A partial quotation in the "as" phrase of one verb that the quotation rules gave the cue
    of a later verb of saying: the clause is the first verb's object with its "as" phrase."""
    quotes = entries(text)
    assert clause in [q.text for q in quotes if q.kind == "indirect"]


def test_a_verb_framing_with_as_inside_what_a_cue_reports_stays_in_that_clause() -> None:
    """'said he described X as "..."': the describing verb lies in the clause "said" reports,
    so the quotation keeps the cue it has."""
    doc = load_nlp()(
        'Mayor Tomas Berg said he described the budget as "a recipe for disaster" last week.'
    )
    said = next(t for t in doc if t.text == "said")
    described = next(t for t in doc if t.text == "described")
    start = doc.text.index("a recipe")
    words = doc.char_span(start, start + len("a recipe for disaster"))
    assert words is not None
    assert framing_verb(said, words) is None
    assert framing_verb(described, words) is None
