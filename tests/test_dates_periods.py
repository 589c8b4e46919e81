"""TimeML DATE values of periods and references (issue 13, fifth round), with the real English
pipeline on sentences written for these tests: one sentence per behaviour."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from timex_reading import read_timexes

pytestmark = pytest.mark.model

# 2025-10-23 is a Thursday, in the fourth quarter.
THU = date(2025, 10, 23)


def timexes_of(nlp: Any, text: str, published: date | None = THU) -> list[tuple[str, str, str]]:
    return read_timexes(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Margins will narrow in the last half of 2025 and in the first two quarters of 2026.",
            [
                ("in the last half of 2025", "DATE", "2025-H2"),
                ("in the first two quarters of 2026", "DATE", "2026-H1"),
            ],
        ),
        (
            "Orders slowed in the last quarter of 2024.",
            [("in the last quarter of 2024", "DATE", "2024-Q4")],
        ),
    ],
)
def test_halves_and_quarters_counted_from_the_end_or_in_pairs(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The brewer earned $8 million in the third quarter, against $6 million in the "
            "same period last year.",
            [
                ("in the third quarter", "DATE", "2025-Q3"),
                ("in the same period last year", "DATE", "2024-Q3"),
            ],
        ),
        (
            "The brewer earned $8 million in the second quarter. Its revenue in last year's quarter "
            "came to $40 million.",
            [
                ("in the second quarter", "DATE", "2025-Q2"),
                ("in last year's quarter", "DATE", "2024-Q2"),
            ],
        ),
        (
            "The brewer earned $8 million in the third quarter. For the quarter a year ago, it "
            "lost $1 million.",
            [
                ("in the third quarter", "DATE", "2025-Q3"),
                ("For the quarter a year ago", "DATE", "2024-Q3"),
            ],
        ),
    ],
)
def test_the_same_period_last_year_is_the_quarter_named_a_year_back(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


def test_a_year_back_before_a_counted_period_is_one_expression(nlp: Any) -> None:
    text = "The mill lost $3 million in the year-ago third quarter, before the strike ended."
    assert timexes_of(nlp, text) == [("in the year-ago third quarter", "DATE", "2024-Q3")]
    text = "Earnings for the year-earlier nine months included a gain on a land sale."
    assert timexes_of(nlp, text) == [("for the year-earlier nine months", "DURATION", "P9M")]


def test_the_same_period_last_year_with_no_quarter_named_is_last_year(nlp: Any) -> None:
    text = "Sales were weak in the same period last year."
    assert ("last year", "DATE", "2024") in timexes_of(nlp, text)


def test_a_high_for_the_year_followed_by_a_price_is_the_year(nlp: Any) -> None:
    text = "The shares reached a high for the year of $31 a share in June."
    assert ("for the year", "DATE", "2025") in timexes_of(nlp, text)


def test_a_month_planned_in_the_past_tense_takes_the_nearest_year(nlp: Any) -> None:
    text = "An aide said that the signing was planned for early November."
    assert timexes_of(nlp, text) == [("for early November", "DATE", "2025-11")]
    # the plain past still looks back
    assert timexes_of(nlp, "The signing took place in early March.") == [
        ("in early March", "DATE", "2025-03")
    ]


def test_a_year_after_the_word_year_is_a_date(nlp: Any) -> None:
    assert timexes_of(nlp, "In the year 2012, exports doubled.") == [("2012", "DATE", "2012")]
    assert timexes_of(nlp, "The budget for fiscal year 2026 passed.") == [("2026", "DATE", "2026")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A year from now, fares will be higher.", [("A year from now", "DATE", "2026")]),
        ("Three days from now the polls open.", [("Three days from now", "DATE", "2025-10-26")]),
        ("Two weeks from now, voters decide.", [("Two weeks from now", "DATE", "2025-W45")]),
    ],
)
def test_a_length_from_now_points_ahead(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoys meet in the first week of December.",
            [("in the first week of December", "DATE", "2025-W49")],
        ),
        (
            "The envoys met during the last week of September.",
            [("during the last week of September", "DATE", "2025-W39")],
        ),
    ],
)
def test_a_week_of_a_named_month_is_that_iso_week(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


def test_the_final_quarter_is_the_fourth(nlp: Any) -> None:
    text = "Output fell in 2024's final quarter."
    assert timexes_of(nlp, text) == [("in 2024's final quarter", "DATE", "2024-Q4")]


def test_a_half_of_a_century_is_no_half_of_this_year(nlp: Any) -> None:
    text = "Wages stagnated in the first half of the 20th century."
    assert timexes_of(nlp, text) == [("the 20th century", "DATE", "19")]


def test_a_hundred_years_written_as_a_decade_is_a_century(nlp: Any) -> None:
    assert timexes_of(nlp, "The mill opened in the 1800s.") == [("in the 1800s", "DATE", "18")]
    assert timexes_of(nlp, "Phones spread in the 2000s.") == [("in the 2000s", "DATE", "200")]


def test_a_bare_verb_form_with_a_singular_subject_is_the_past(nlp: Any) -> None:
    text = "Weakness in bank shares hurt the index on Friday."
    assert timexes_of(nlp, text) == [("on Friday", "DATE", "2025-10-17")]
    # a plural subject leaves the present, which looks ahead
    assert timexes_of(nlp, "The ministers meet on Friday.") == [("on Friday", "DATE", "2025-10-24")]


def test_the_previous_or_following_weekday_counts_from_the_day_named(nlp: Any) -> None:
    text = "Stocks closed higher on Friday, up 2% from the previous Friday."
    assert timexes_of(nlp, text) == [
        ("on Friday", "DATE", "2025-10-17"),
        ("from the previous Friday", "DATE", "2025-10-10"),
    ]
    text = "The envoy arrived on Tuesday, Oct. 7, and left the following Monday."
    assert timexes_of(nlp, text)[-1] == ("the following Monday", "DATE", "2025-10-13")
    # a weekday written with its month-day stays one date
    text = "Protests began on the preceding Saturday, Oct. 11, and grew."
    assert timexes_of(nlp, text) == [("Saturday, Oct. 11", "DATE", "2025-10-11")]


def test_the_quarter_ended_on_a_day_is_the_calendar_quarter_of_most_of_it(nlp: Any) -> None:
    text = "In the quarter ended July 31, the retailer earned $2 million."
    assert timexes_of(nlp, text)[0] == ("In the quarter", "DATE", "2025-Q2")
    # a counted quarter is a fiscal one and keeps its number
    text = "The retailer earned $2 million in the fourth quarter ended Aug. 30."
    assert timexes_of(nlp, text)[0] == ("in the fourth quarter", "DATE", "2025-Q4")


def test_a_possessive_period_is_found_wherever_it_stands(nlp: Any) -> None:
    text = "Profit doubled to $9 million. The latest quarter's figures held a one-time gain."
    assert timexes_of(nlp, text) == [("The latest quarter", "DATE", "2025-Q3")]
    # the preposition before a possessive belongs to the thing owned
    text = "Turnout fell sharply after last week's vote."
    assert timexes_of(nlp, text) == [("last week", "DATE", "2025-W42")]


def test_a_pair_of_quarters_of_a_year_after_a_hedge_is_the_half(nlp: Any) -> None:
    # "at least" before it must not make "the first two quarters" a length
    text = "Demand may stay soft during at least the first two quarters of 2026."
    assert timexes_of(nlp, text) == [("the first two quarters of 2026", "DATE", "2026-H1")]


def test_a_counted_quarter_ended_on_a_day_of_last_year_is_that_year_s(nlp: Any) -> None:
    # eleventh round: the day it ended gives the year, the number stays (fiscal or not)
    text = "The caterer lost $4 million in the second quarter ended Nov. 30, its last fiscal one."
    assert timexes_of(nlp, text)[:2] == [
        ("in the second quarter", "DATE", "2024-Q2"),
        ("Nov. 30", "DATE", "2024-11-30"),
    ]
    # "that quarter" refers back to it
    text = (
        "The caterer lost $4 million in the second quarter ended Nov. 30. Results for that "
        "quarter included a write-down."
    )
    assert timexes_of(nlp, text)[-1] == ("for that quarter", "DATE", "2024-Q2")


def test_a_quarter_referred_to_takes_the_counted_quarter_in_apposition(nlp: Any) -> None:
    # eleventh round: "the year-ago quarter, the second quarter ended ..." is one period
    text = (
        "The caterer expects a small third-quarter profit. In the comparable year-ago quarter, "
        "the second quarter ended Nov. 30, it lost $4 million."
    )
    assert timexes_of(nlp, text)[1:3] == [
        ("In the comparable year-ago quarter", "DATE", "2024-Q2"),
        ("the second quarter", "DATE", "2024-Q2"),
    ]


def test_an_amount_compared_with_last_year_s_in_quarterly_results_is_that_quarter(
    nlp: Any,
) -> None:
    # eleventh round: like "a year earlier" in the same frame, the quarter a year back
    text = (
        "The insurer earned $24 million in the third quarter, compared with a loss of "
        "$3.5 million last year."
    )
    assert timexes_of(nlp, text)[-1] == ("last year", "DATE", "2024-Q3")
    # after a count of months it stays the year, and without a quarter it is the year
    text = (
        "The insurer earned $24 million in the third quarter. For the nine months, it earned "
        "$60 million, compared with $41 million last year."
    )
    assert timexes_of(nlp, text)[-1] == ("last year", "DATE", "2024")
    text = "The insurer earned $90 million, compared with $41 million last year."
    assert timexes_of(nlp, text)[-1] == ("last year", "DATE", "2024")


def test_the_latest_period_is_the_quarter_the_article_reports(nlp: Any) -> None:
    # eleventh round: the last quarter named and gone, here a fiscal one; with none named it
    # is the quarter before publication (the possessive test above)
    text = (
        "The chain posted a profit of $9 million for its fiscal second quarter. The latest "
        "period included a gain on a store sale."
    )
    assert timexes_of(nlp, text)[-1] == ("The latest period", "DATE", "2025-Q2")


def test_a_quarter_not_over_but_reported_in_the_past_is_the_one_referred_to(nlp: Any) -> None:
    # eleventh round: a fourth quarter reported in October is a fiscal one, over
    text = (
        "The chain reported a 30% drop in fourth-quarter profit. The latest period included a "
        "gain on a store sale."
    )
    assert timexes_of(nlp, text) == [
        ("in fourth-quarter", "DATE", "2025-Q4"),
        ("The latest period", "DATE", "2025-Q4"),
    ]
    # an outlook is not: "the latest period" stays the quarter before publication
    text = (
        "The chain will take a charge in the fourth quarter. The latest period included a gain "
        "on a store sale."
    )
    assert timexes_of(nlp, text)[-1] == ("The latest period", "DATE", "2025-Q3")


def test_the_year_earlier_period_after_a_count_of_months_is_that_length(nlp: Any) -> None:
    # eleventh round: like "the year-earlier nine months"; after a quarter it is the quarter
    text = (
        "The mill earned $8 million in the third quarter. For the nine months, it earned "
        "$20 million. In the year-earlier period, it earned $15 million."
    )
    assert timexes_of(nlp, text)[-1] == ("In the year-earlier period", "DURATION", "P9M")
    text = (
        "The mill earned $8 million in the third quarter. In the year-earlier period, it "
        "earned $6 million."
    )
    assert timexes_of(nlp, text)[-1] == ("In the year-earlier period", "DATE", "2024-Q3")


def test_last_year_s_results_in_quarterly_news_are_the_quarter_a_year_back(nlp: Any) -> None:
    # eleventh round: like "the year-ago results"
    text = (
        "The chain posted a profit of $9 million in the third quarter. Last year's results "
        "included a charge for store closings."
    )
    assert timexes_of(nlp, text)[-1] == ("Last year", "DATE", "2024-Q3")
    # a thing of last year is the year
    text = (
        "The chain posted a profit of $9 million in the third quarter. Last year's flood hurt it."
    )
    assert timexes_of(nlp, text)[-1] == ("Last year", "DATE", "2024")


def test_the_period_of_a_year_is_the_quarter_under_discussion_in_that_year(nlp: Any) -> None:
    # eleventh round: like "the 1988 quarter"; after a count of months, the year
    text = "The mill earned $8 million in the third quarter, against $6 million in the 2024 period."
    assert timexes_of(nlp, text)[-1] == ("in the 2024 period", "DATE", "2024-Q3")
    text = (
        "The mill earned $8 million in the third quarter. For the nine months, it earned "
        "$20 million, against $15 million in the 2024 period."
    )
    assert timexes_of(nlp, text)[-1] == ("in the 2024 period", "DATE", "2024")


def test_a_quarter_named_after_after_is_not_the_one_referred_to(nlp: Any) -> None:
    # eleventh round: "after a weak second quarter" is a time before the story's quarter
    text = (
        "The chain earned $9 million in the third quarter. After a weak second quarter, it cut "
        "prices. In the year-earlier period, it earned $7 million, and a year ago its costs "
        "were lower."
    )
    assert timexes_of(nlp, text)[1:] == [
        ("second quarter", "DATE", "2025-Q2"),
        ("In the year-earlier period", "DATE", "2024-Q3"),
        ("a year ago", "DATE", "2024-Q3"),
    ]


def test_last_year_s_amount_compared_in_quarterly_news_is_the_quarter_a_year_back(
    nlp: Any,
) -> None:
    # eleventh round: "from last year's $1.9 billion" after a quarter; a sentence about the
    # whole year keeps the year
    text = (
        "The chain earned $9 million in the third quarter. Sales were $2 billion, a 5% "
        "increase from last year's $1.9 billion."
    )
    assert timexes_of(nlp, text)[-1] == ("from last year", "DATE", "2024-Q3")
    text = (
        "The chain earned $9 million in the third quarter. Analysts see $4 a share for this "
        "year, up from last year's $3.27 a share."
    )
    assert timexes_of(nlp, text)[-1] == ("from last year", "DATE", "2024")
