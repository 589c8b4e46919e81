"""Which speaker a direct quotation gets, in shapes of news writing measured on PolNeAR train
(sentences we wrote, with the real English pipeline)."""

from __future__ import annotations

import pytest

from quote_reading import analyze, speakers

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Lawmakers argued about the budget.\n\n"
            "Senator Mara Lind delivered a sharp retort: “Nobody is tearing this plan up. "
            "We are going forward.”",
            ("Nobody is tearing this plan up. We are going forward.", "Mara Lind"),
            id="colon-after-a-clause-hung-on-the-quotation",
        ),
        pytest.param(
            "“I never said that, not once,” Mara Lind said, after the host Tom Berg said "
            "she had called the plan a failure.",
            ("I never said that, not once,", "Mara Lind"),
            id="attribution-right-after-beats-a-later-cue",
        ),
        pytest.param(
            "Mara Lind won the primary on Tuesday.\n\n"
            "Tom Berg credited her victory to “a closed primary in which independents were not "
            "allowed to vote at all.”",
            (
                "a closed primary in which independents were not allowed to vote at all.",
                "Tom Berg",
            ),
            id="woven-into-a-clause-without-a-verb-of-saying",
        ),
        pytest.param(
            "The hearing went on for hours.\n\n"
            "Rep. Mara Lind (D-Ohio): “I have not heard anyone else ever cite that figure.”",
            ("I have not heard anyone else ever cite that figure.", "Mara Lind"),
            id="label-with-party-and-state",
        ),
        pytest.param(
            "The debate went on for hours.\n\n"
            "“Nobody here plans to close the northern harbour before the spring.”\n\n"
            "- Mara Lind.",
            (
                "Nobody here plans to close the northern harbour before the spring.",
                "Mara Lind",
            ),
            id="signed-by-a-dash-line-below",
        ),
        pytest.param(
            "Mara Lind was joined on stage by Tom Berg and joked, “You are all being very "
            "silly tonight.”",
            ("You are all being very silly tonight.", "Mara Lind"),
            id="verb-coordinated-with-a-passive-takes-its-subject",
        ),
        pytest.param(
            "“It is unusual,“ said Mara Lind, a lawyer with the Campaign Center.",
            ("It is unusual,", "Mara Lind"),
            id="opening-mark-typed-as-the-closing-one",
        ),
        pytest.param(
            "The court issued the following ruling from Judge Mara Lind: “The law does not "
            "allow this search of the house.”",
            ("The law does not allow this search of the house.", "Mara Lind"),
            id="colon-keeps-the-owner-of-a-noun-of-saying",
        ),
        pytest.param(
            "Senator Mara Lind said on Monday that two rivals were predicting a "
            "withdrawal within months.\n\n"
            "“That is because this coast matters more than ever for our safety.”",
            ("That is because this coast matters more than ever for our safety.", "Mara Lind"),
            id="next-paragraph-carries-the-reporter-not-the-reported",
        ),
        pytest.param(
            "Mayor Ann Holt compared the plan, which she called “reckless,” with Tom Berg: "
            "“What I have seen is a steady hand on the wheel.”",
            ("What I have seen is a steady hand on the wheel.", "Ann Holt"),
            id="words-after-a-closed-quotation-are-no-speaker-label",
        ),
        pytest.param(
            "As the columnist Tom Berg puts it, “The voters are tired of the old promises and "
            "want change.”",
            ("The voters are tired of the old promises and want change.", "Tom Berg"),
            id="as-someone-puts-it-comma",
        ),
        pytest.param(
            "Mara Lind issued a statement, “Our thoughts are with the families tonight, and we "
            "will help them.”",
            ("Our thoughts are with the families tonight, and we will help them.", "Mara Lind"),
            id="comma-after-a-statement-issued",
        ),
        pytest.param(
            "\u202a”We cannot wait for the council any longer,” wrote Tom Berg.",
            ("We cannot wait for the council any longer,", "Tom Berg"),
            id="closing-glyph-typed-as-the-opening-one",
        ),
        pytest.param(
            "The council met on Monday.\n\n"
            "Mayor Mara Lind sent a short warning to the contractors: “Finish the bridge by May "
            "or lose the contract.”",
            ("Finish the bridge by May or lose the contract.", "Mara Lind"),
            id="colon-after-a-clause-ending-in-a-prepositional-object",
        ),
        pytest.param(
            "Tom Berg ran the paper for years.\n\n"
            "Berg’s dictum to every new reporter was, “Call the second source before you write "
            "a word.”",
            ("Call the second source before you write a word.", "Tom Berg"),
            id="possessive-noun-of-saying-before-a-copula",
        ),
        pytest.param(
            "Voters still remember Mara Lind’s “no new tolls on the river bridges” pledge "
            "from the last campaign.",
            ("no new tolls on the river bridges", "Mara Lind"),
            id="owner-across-a-quotation-inside-the-phrase",
        ),
        pytest.param(
            "The survey of ferry users was published on Friday.\n\n"
            "From the report: “Most riders would pay more for a later evening crossing.”",
            ("Most riders would pay more for a later evening crossing.", "the report"),
            id="from-a-document-before-a-colon",
        ),
        pytest.param(
            "Two senators wrote to the harbour board on Friday about the cranes.\n\n"
            "The letter continues: “Please explain why the cranes were never inspected last "
            "year.”",
            ("Please explain why the cranes were never inspected last year.", "the letter"),
            id="document-subject-before-a-colon-speaks-for-itself",
        ),
        pytest.param(
            "The rally ran late into the night.\n\n"
            'Mara Lind also defended the new ferry tolls -- "Nobody likes paying more, but the '
            'boats are falling apart."',
            ("Nobody likes paying more, but the boats are falling apart.", "Mara Lind"),
            id="quotation-after-a-dash-closing-a-clause",
        ),
        pytest.param(
            "The driver had a clean record. At the time, as the prosecutor Tom Berg put it, "
            "“apart from a few unpaid parking tickets there was nothing to charge him with.”",
            (
                "apart from a few unpaid parking tickets there was nothing to charge him with.",
                "Tom Berg",
            ),
            id="as-someone-put-it-before-a-partial-quotation",
        ),
        pytest.param(
            "The vote count in the county went on for a week.\n\n"
            "The statement called for “a full and fair count of every single ballot cast in the "
            "county.”",
            ("a full and fair count of every single ballot cast in the county.", "the statement"),
            id="document-subject-of-a-clause-woven-around-the-quotation",
        ),
        pytest.param(
            "The harbour talks ended without a deal.\n\n"
            "''Nobody here has ever used the word 'retreat,''' said Oren Vale, the harbour "
            "master. ''We stay.''",
            ("Nobody here has ever used the word 'retreat,'", "Oren Vale"),
            id="doubled-apostrophes-closing-a-nested-quotation",
        ),
        pytest.param(
            "The port board met on Monday.\n\n"
            '"We will not sell the harbour to anyone, not this year and not next year.\n'
            'Jane Roe, harbour master."\n\nOthers on the board disagreed.',
            (
                "We will not sell the harbour to anyone, not this year and not next year.",
                "Jane Roe",
            ),
            id="pull-quote-signed-on-the-line-that-closes-it",
        ),
        pytest.param(
            "The council debated the port budget until late.\n\n"
            "Partial transcript as follows:\n\n"
            '"We will keep the harbour open to every ship that wants to come in, and we will '
            'not sell it."',
            (
                "We will keep the harbour open to every ship that wants to come in, and we will "
                "not sell it.",
                "Partial transcript",
            ),
            id="document-as-follows-before-a-block-quotation",
        ),
        pytest.param(
            "The deadline passed quietly. As Ann Holt, professor of law at Yale, put it, "
            "“Senators should remember that a deal today may be far better than the one "
            "they get later.”",
            (
                "Senators should remember that a deal today may be far better than the one "
                "they get later.",
                "Ann Holt",
            ),
            id="as-someone-with-a-title-put-it",
        ),
    ],
)
def test_direct_quotation_speaker(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in speakers(analyze(text))


def test_pronoun_after_a_long_quotation_looks_past_its_sentences() -> None:
    text = (
        "Mr Tom Berg asked Ms Mara Lind when the bridge would reopen.\n\n"
        "“I expect it to open in May. The repairs are going well. The crews work every night. "
        "Nothing has slowed them down. Maybe even sooner,” she told Berg."
    )
    direct = speakers(analyze(text))
    assert [name for _, name in direct] == ["Mara Lind"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A spokeswoman for Mayor Tomas Berg emailed reporters with a copy of the harbour "
            "ordinance, arguing, “The ordinance says nothing at all about the ferry fees.”",
            ("The ordinance says nothing at all about the ferry fees.", "Tomas Berg"),
            id="with-phrase-then-comma-participle-is-the-main-subjects",
        ),
        pytest.param(
            "Some in the hall booed, and when Mara Lind thanked the city and said it was good "
            "to be back, a man yelled “Go back home!”",
            ("Go back home!", "a man"),
            id="verb-of-yelling-right-before-the-mark-beats-the-cue-before-it",
        ),
        pytest.param(
            "At the rally, Tom Berg held up a sign that read “Ferries for everyone.”",
            ("Ferries for everyone.", "Tom Berg"),
            id="a-sign-speaks-for-whoever-held-it-up",
        ),
        pytest.param(
            "A fundraising email sent by Mara Lind on Monday warned, “We are running out "
            "of time to fix the harbour.”",
            ("We are running out of time to fix the harbour.", "Mara Lind"),
            id="an-email-speaks-for-its-sender",
        ),
        pytest.param(
            "Even a senior party strategist said Mara Lind will have to choose a side, "
            "saying, “Sooner or later she is going to have to come out and pick one.”",
            (
                "Sooner or later she is going to have to come out and pick one.",
                "a senior party strategist",
            ),
            id="participle-after-a-to-clause-in-a-reported-clause-is-the-reporters",
        ),
        pytest.param(
            "Berg cannot say that “in his view,” Tomas Lund added, saying the harbour board "
            "“must decide” by the spring.",
            ("must decide", "Tomas Lund"),
            id="participle-after-a-verb-of-saying-with-its-own-subject-is-that-subjects",
        ),
        pytest.param(
            "Mara Lind said that experts had found her plans were sound, to which Tomas Lund "
            "interjected: “That is just not true.”",
            ("That is just not true.", "Tomas Lund"),
            id="interjected-is-a-verb-of-saying",
        ),
        pytest.param(
            "Mara Lind shrugged the charge away by interjecting, “Only on Tuesdays.” But the host "
            "pressed on.",
            ("Only on Tuesdays.", "Mara Lind"),
            id="a-short-quotation-after-by-interjecting",
        ),
        pytest.param(
            "Berg cannot say that “in his view,” Tomas Lund added, saying it should be "
            "“up to the harbour board to decide.”",
            ("up to the harbour board to decide.", "Tomas Lund"),
            id="closing-stop-on-another-clauses-root-does-not-make-it-the-cue",
        ),
        pytest.param(
            "Mara Lind said in a statement on Tuesday that she wants a harbour plan that calls "
            "for “a ferry in every town and a bridge in every county.”",
            ("a ferry in every town and a bridge in every county.", "Mara Lind"),
            id="closing-stop-on-the-verb-reporting-the-clause-keeps-it-the-cue",
        ),
    ],
)
def test_speaker_of_the_words_near_the_quotation(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in speakers(analyze(text), indirect=True)


def test_a_person_in_a_clause_on_the_subject_is_not_the_speaker() -> None:
    text = (
        "Many of the harbour workers who voted for Mara Lind last year said they now "
        "regret the choice."
    )
    found = speakers(analyze(text), indirect=True)
    assert found and all(name != "Mara Lind" for _, name in found)


def test_respondents_speak_through_the_poll_that_asked_them() -> None:
    result = analyze(
        "In a Harbour Gazette poll released Monday, 41% of voters said they would back the "
        "new ferry toll.",
    )
    (quote,) = [q for q in result.quotes if q.kind == "indirect"]
    assert quote.speaker is not None and "Harbour Gazette" in quote.speaker.name


def test_estimates_speak_for_whoever_made_them() -> None:
    result = analyze(
        "The new toll will raise about $4 million a year, according to estimates by the "
        "Harbour Authority.",
    )
    (quote,) = [q for q in result.quotes if q.kind == "indirect"]
    assert quote.speaker is not None and "Harbour Authority" in quote.speaker.name


def test_a_booming_voice_is_the_cue_of_the_quotation_after_its_colon() -> None:
    text = (
        "Mara Lind finished her speech. Tomas Lund gestured as if to calm the hall, then "
        "leaned in and boomed: “Let us beat them in November.”"
    )
    result = analyze(text)
    quote = next(q for q in result.quotes if q.text == "Let us beat them in November.")
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.cue) == ("Tomas Lund", "boomed")


def test_a_quotation_set_between_dashes_belongs_to_the_clause_it_interrupts() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        'While Ines Toft criticised the plan for the pier - "who will pay for '
        'all this?" - traders at the market who followed the meeting said they liked it.'
    )
    assert dict(speakers(analyze(text)))["who will pay for all this?"] == "Ines Toft"


def test_a_saying_clause_set_inside_the_sentence_gives_its_own_subject() -> None:
    text = 'Mara Lind, a top aide said, "is very confident in the plan" for the harbour.'
    found = dict(speakers(analyze(text)))
    speaker = found.get("is very confident in the plan")
    assert speaker is not None and "aide" in speaker


def test_a_verb_of_saying_set_first_inside_the_sentence_names_the_speaker_after_it() -> None:
    text = (
        "Ola Berg ran the ferry for years.\n\nThe trouble with Berg, says Tomas Lind, historian "
        'at the Dover Museum, is that he was "never willing to carry so many cars at once."'
    )
    found = dict(speakers(analyze(text)))
    assert found.get("never willing to carry so many cars at once.") == "Tomas Lind"
