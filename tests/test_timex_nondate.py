"""Durations, times of day and recurrences (TimeML DURATION, TIME, SET) with the real English
pipeline, on sentences written for these tests: one sentence per behaviour."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parley.temporal import add_duration, duration_value
from timex_reading import read_timexes

pytestmark = pytest.mark.model

# 2025-04-18 is a Friday.
FRI = date(2025, 4, 18)


def timexes_of(nlp: Any, text: str, published: date | None = FRI) -> list[tuple[str, str, str]]:
    return read_timexes(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # recurrences: a month every year, a weekday (and part of day) every week
        ("Farmers gather in the square each July.", [("each July", "SET", "XXXX-07")]),
        ("The market opens on Mondays.", [("on Mondays", "SET", "XXXX-WXX-1")]),
        ("The ferry sails on Tuesday nights.", [("on Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
        # a weekday listed before such a recurrence shares it; "every Thursday" shares nothing
        (
            "The ferry sails on Monday and Tuesday nights.",
            [("on Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")],
        ),
        (
            "The clinic opens Monday, Wednesday and Friday mornings.",
            [
                ("Monday", "SET", "XXXX-WXX-1TMO"),
                ("Wednesday", "SET", "XXXX-WXX-3TMO"),
                ("Friday mornings", "SET", "XXXX-WXX-5TMO"),
            ],
        ),
        (
            "The ferry sailed on Monday and sails every Thursday.",
            [("on Monday", "DATE", "2025-04-14"), ("every Thursday", "SET", "XXXX-WXX-4")],
        ),
        ("The fund pays its lenders every quarter.", [("every quarter", "SET", "P1Q")]),
        # "every other day" is every second day; "every few weeks" an unknown count
        ("Buses run every other day.", [("every other day", "SET", "P2D")]),
        ("Inspectors come every few weeks.", [("every few weeks", "SET", "PXW")]),
        # counted and vague quarters; a fraction is none
        (
            "The shop lost money in the past two quarters.",
            [("in the past two quarters", "DURATION", "P2Q")],
        ),
        (
            "The bakery made money again after several quarters of decline.",
            [("after several quarters", "DURATION", "PXQ")],
        ),
        ("Three quarters of the voters stayed home.", []),
        # a range of lengths: one expression, the first number's length
        (
            "Deliveries will resume within two to three weeks.",
            [("within two to three weeks", "DURATION", "P2W")],
        ),
        # "another year", "an additional year", "the next couple of years"
        (
            "The lease can be renewed for an additional year.",
            [("for an additional year", "DURATION", "P1Y")],
        ),
        ("The rebels asked for another two weeks.", [("for another two weeks", "DURATION", "P2W")]),
        (
            "Over the next couple of years the plant will close.",
            [("Over the next couple of years", "DURATION", "P2Y")],
        ),
        # vague lengths: "the weeks ahead", "over the years"
        ("Prices may fall in the weeks ahead.", [("in the weeks ahead", "DURATION", "PXW")]),
        ("Over the years the village has shrunk.", [("Over the years", "DURATION", "PXY")]),
        # lengths written as adjectives
        ("The envoys left a day-long meeting.", [("a day-long", "DURATION", "P1D")]),
        ("She ended a several-year tenure as editor.", [("several-year", "DURATION", "PXY")]),
        ("Unions called a two-week-long strike.", [("two-week-long", "DURATION", "P2W")]),
        # "a months-long search": the article is no count, and the plural is left out
        ("Police ended a months-long search.", []),
        # half a unit: the length in the next smaller unit
        ("The talks lasted half an hour.", [("half an hour", "DURATION", "PT30M")]),
        ("Guards take a half-day shift.", [("a half-day", "DURATION", "PT12H")]),
        # weekends and parts of day every week or day
        ("The museum opens every weekend.", [("every weekend", "SET", "XXXX-WXX-WE")]),
        ("Patrols pass every morning.", [("every morning", "SET", "XXXX-XX-XXTMO")]),
        # the 24-hour clock; a restatement in brackets is left out
        ("The blast came at 14:30 in the capital.", [("at 14:30", "TIME", "2025-04-18T14:30")]),
        ("Polls closed at 2100 GMT.", [("at 2100", "TIME", "2025-04-18T21:00")]),
        (
            "The fire began at 19:00 local time (1700 UTC).",
            [("at 19:00", "TIME", "2025-04-18T19:00")],
        ),
        ("The bill passed 10:30 in the chamber.", []),
        # "p.m" without its last dot is still the afternoon
        (
            "The quake struck at 4:53 p.m in the valley.",
            [("at 4:53 p.m", "TIME", "2025-04-18T16:53")],
        ),
        # "10-19 year olds": an age group, no length
        ("The survey asked 10-19 year olds about school.", []),
        # a recurrence adjective is a time only in "on a daily basis"
        ("Inspectors report on a daily basis.", [("daily", "SET", "P1D")]),
        ("Inspectors publish a weekly report.", []),
        # an amount's rate ("12% annually") is no recurrence; an event repeated is
        ("The firm hopes sales grow 12% annually.", []),
        ("The mill turns out 4,000 bicycles annually.", []),
        ("Pilgrims crowd the shrine annually.", [("annually", "SET", "P1Y")]),
        # eleventh round: "a quarterly of 12 cents" is the dividend; paid quarterly is how often
        ("The lender declared a quarterly of 12 cents a share.", []),
        ("The lender pays its holders quarterly.", [("quarterly", "SET", "P3M")]),
        # "for centuries": TempEval-3's century unit; "will one day" is a time to come
        ("The bridge stood for centuries.", [("for centuries", "DURATION", "PXC")]),
        ("Drones may one day carry the mail.", [("one day", "DATE", "FUTURE_REF")]),
        ("The strike lasted one day.", [("one day", "DURATION", "P1D")]),
        # an unnamed day that opens a clause is no length
        ("And one day the old mill simply burned down.", []),
        ("So, one day I was painting the fence.", []),
        # "then current": the present of a past time
        (
            "Holders could buy stock at the then current price.",
            [("then current", "DATE", "PAST_REF")],
        ),
        # an unknown count back is a vague past, not a length
        ("The mill closed a few years ago.", [("a few years ago", "DATE", "PAST_REF")]),
    ],
)
def test_nondate_timexes(nlp: Any, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timexes_of(nlp, text) == expected


def test_quarter_durations_have_a_deadline() -> None:
    assert duration_value(2, "Q") == "P2Q"
    assert duration_value(None, "Q") == "PXQ"
    assert add_duration(FRI, "P2Q") == date(2025, 10, 18)


def test_a_clock_and_its_other_zone_in_parentheses_fall_on_the_day_after_them(nlp: Any) -> None:
    text = (
        "The probe landed on Monday. At 8:15 a.m. local time (1:15 p.m. UTC) on Tuesday, "
        "it sent data."
    )
    found = timexes_of(nlp, text)
    assert ("At 8:15 a.m.", "TIME", "2025-04-15T08:15") in found
    assert ("1:15 p.m.", "TIME", "2025-04-15T13:15") in found
