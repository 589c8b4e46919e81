"""The pure date resolver: grammar, direction by tense, year inference, anchors, rejections."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.temporal import (
    add_duration,
    deadline,
    duration_value,
    find_candidates,
    find_timexes,
    holiday_date,
    parse,
    period_end,
    resolve,
    resolve_expr,
    resolve_timex,
)

# 2025-04-18 is a Friday; 2019-08-08 a Thursday; 2020-11-26 a Thursday.
FRI = date(2025, 4, 18)
THU = date(2019, 8, 8)
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# --- weekdays: every weekday against every publication weekday, both tenses ------------------


@pytest.mark.parametrize("pub_offset", range(7))
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_weekday_past_is_latest_on_or_before_publication(name: str, pub_offset: int) -> None:
    published = date(2024, 12, 30) + timedelta(days=pub_offset)  # a Monday, across new year
    value = date.fromisoformat(resolve(f"on {name}", published, tense="past") or "")
    assert value.strftime("%A") == name
    assert published - timedelta(days=6) <= value <= published


@pytest.mark.parametrize("pub_offset", range(7))
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_weekday_future_is_next_on_or_after_publication(name: str, pub_offset: int) -> None:
    published = date(2024, 12, 30) + timedelta(days=pub_offset)
    value = date.fromisoformat(resolve(f"on {name}", published, tense="future") or "")
    assert value.strftime("%A") == name
    assert published <= value <= published + timedelta(days=6)


@pytest.mark.parametrize("pub_offset", range(7))
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_next_weekday_is_strictly_after_publication(name: str, pub_offset: int) -> None:
    published = date(2024, 12, 30) + timedelta(days=pub_offset)
    for text in (f"next {name}", f"(next) {name}", f"this coming {name}"):
        value = date.fromisoformat(resolve(text, published, tense="past") or "")
        assert value.strftime("%A") == name
        assert published < value <= published + timedelta(days=7)


@pytest.mark.parametrize("pub_offset", range(7))
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_last_weekday_is_strictly_before_publication(name: str, pub_offset: int) -> None:
    published = date(2024, 12, 30) + timedelta(days=pub_offset)
    for text in (f"last {name}", f"this past {name}"):
        value = date.fromisoformat(resolve(text, published, tense="future") or "")
        assert value.strftime("%A") == name
        assert published - timedelta(days=7) <= value < published


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("on Friday", FRI, "past", "2025-04-18"),  # same weekday, past tense: publication day
        ("on Friday", FRI, None, "2025-04-18"),  # no tense: look back
        ("on Thursday", FRI, "past", "2025-04-17"),
        ("on Thursday", FRI, "future", "2025-04-24"),
        ("(next) Thursday", FRI, None, "2025-04-24"),
        ("next Friday", FRI, "past", "2025-04-25"),
        ("last Friday", FRI, None, "2025-04-11"),
        ("Sunday afternoon", FRI, "past", "2025-04-13"),
        ("late Sunday night", THU, None, "2019-08-04"),
        ("By Sunday afternoon", THU, "past", "2019-08-04"),
        ("This Thursday", date(2019, 3, 31), "past", "2019-03-28"),
        ("by this coming Friday", date(2019, 2, 11), None, "2019-02-15"),
        ("This past Friday", date(2019, 2, 11), None, "2019-02-08"),
        ("on Monday", date(2019, 2, 11), "future", "2019-02-11"),
        ("Friday's", FRI, "past", "2025-04-18"),
    ],
)
def test_weekday_cases(text: str, published: date, tense: str | None, expected: str) -> None:
    assert resolve(text, published, tense=tense) == expected  # type: ignore[arg-type]


# --- month-days, months and years ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("by April 26", FRI, None, "2025-04-26"),
        ("on August 2", THU, "past", "2019-08-02"),
        ("on August 20", THU, "past", "2018-08-20"),  # past tense, date ahead: last year
        ("on August 20", THU, "future", "2019-08-20"),
        ("on August 20", THU, None, "2019-08-20"),  # nearest occurrence
        ("on January 20", date(2020, 11, 26), "future", "2021-01-20"),
        ("on January 20", date(2020, 11, 26), None, "2021-01-20"),  # nearest crosses the year
        ("on December 28", date(2019, 1, 10), None, "2018-12-28"),
        ("on December 28", date(2019, 1, 10), "future", "2019-12-28"),
        ("for March 24", date(2019, 2, 11), "future", "2019-03-24"),
        ("2 August", THU, None, "2019-08-02"),
        ("the 2nd of August", THU, None, "2019-08-02"),
        ("Aug. 2", THU, None, "2019-08-02"),
        ("Sept. 11", THU, None, "2019-09-11"),
        ("Friday, August 2", THU, None, "2019-08-02"),
        ("February 29", date(2021, 3, 1), None, "2020-02-29"),  # only leap years qualify
        ("In March", date(2020, 8, 12), None, "2020-03"),
        ("in May", date(2019, 7, 10), "past", "2019-05"),
        ("November", date(2020, 1, 11), None, "2019-11"),
        ("November", date(2020, 1, 11), "future", "2020-11"),
        ("in late July", date(2019, 9, 25), None, "2019-07"),
        ("In mid-August", date(2019, 10, 16), None, "2019-08"),
        ("last August", date(2020, 10, 23), None, "2020-08"),
        ("last October", date(2020, 10, 23), None, "2019-10"),
        ("this past December", date(2019, 2, 21), None, "2018-12"),
        ("next March", date(2020, 3, 2), None, "2021-03"),
    ],
)
def test_inferred_years(text: str, published: date, tense: str | None, expected: str) -> None:
    assert resolve(text, published, tense=tense) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2022", "2022"),
        ("2005", "2005"),  # "a 2005 law": the extractor hands over the year itself
        ("since 1921", "1921"),
        ("Back in 2018", "2018"),
        ("mid-2020", "2020"),
        ("early 2021", "2021"),
        ("March 2019", "2019-03"),
        ("in January 2021", "2021-01"),
        ("the end of March 2019", "2019-03"),
        ("2 August 2019", "2019-08-02"),
        ("August 2, 2019", "2019-08-02"),
        ("on November 15, 2017", "2017-11-15"),
        ("Friday, August 2, 2019", "2019-08-02"),
        ("the 2nd of August 2019", "2019-08-02"),
        ("2019-08-02", "2019-08-02"),
        ("Sept. 11, 2001", "2001-09-11"),
    ],
)
def test_absolute_dates_resolve_with_and_without_publication(text: str, expected: str) -> None:
    assert resolve(text, FRI) == expected
    assert resolve(text, None) == expected


def test_year_hint_places_a_month_day_near_a_dated_neighbour() -> None:
    assert resolve("on November 21", date(2019, 9, 9), year_hint=date(2017, 11, 15)) == "2017-11-21"
    assert resolve("on November 21", None, year_hint=date(2017, 11, 15)) == "2017-11-21"


# --- relative expressions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2025-04-18"),
        ("Today's", "2025-04-18"),
        ("early today", "2025-04-18"),
        ("yesterday", "2025-04-17"),
        ("Yesterday afternoon", "2025-04-17"),
        ("tomorrow", "2025-04-19"),
        ("the day before yesterday", "2025-04-16"),
        ("last year", "2024"),
        ("Last year", "2024"),
        ("next year", "2026"),
        ("this year", "2025"),
        ("earlier this year", "2025"),
        ("late last year", "2024"),
        ("last month", "2025-03"),
        ("next month", "2025-05"),
        ("earlier this month", "2025-04"),
        ("earlier in the month", "2025-04"),
        ("three days ago", "2025-04-15"),
        ("two years ago", "2023"),
        ("a month ago", "2025-03"),
    ],
)
def test_relative_expressions(text: str, expected: str) -> None:
    assert resolve(text, FRI) == expected


def test_month_arithmetic_crosses_the_year() -> None:
    assert resolve("last month", date(2019, 1, 23)) == "2018-12"
    assert resolve("next month", date(2019, 12, 3)) == "2020-01"


@pytest.mark.parametrize(
    ("text", "offset"),
    [("the same day", 0), ("that same day", 0), ("the following day", 1), ("the next day", 1),
     ("the previous day", -1), ("the day before", -1)],
)  # fmt: skip
def test_anchored_days_follow_the_anchor(text: str, offset: int) -> None:
    anchor = date(2020, 1, 8)
    assert resolve(text, date(2020, 1, 11), anchor=anchor) == str(anchor + timedelta(days=offset))
    assert resolve(text, date(2020, 1, 11)) is None  # nothing to be the same as


@pytest.mark.parametrize(
    "text",
    ["on Friday", "next Thursday", "by April 26", "In March", "last year", "yesterday",
     "today", "earlier this month", "two years ago", "the same day"],
)  # fmt: skip
def test_relative_dates_without_publication_are_none(text: str) -> None:
    assert parse(text) is not None
    assert resolve(text, None, tense="past") is None


# --- rejections ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "may", "we", "one of the two", "march", "second", "sunday", "two years",
        "for weeks and months", "within 24 hours", "24 hours", "weeks", "months", "last week",
        "later this week",
        "this past weekend", "the 1990s", "the 21st Century", "the third quarter", "each year",
        "annually", "5:00 p.m.", "last night", "this evening", "the last few years", "Eight years",
        "February 30", "April 31", "2259 UTC", "95", "12000", "", "   ", "on",
    ],
)  # fmt: skip
def test_non_dates_are_rejected(text: str) -> None:
    assert parse(text) is None
    assert resolve(text, FRI, tense="past") is None


def test_years_outside_the_calendar_range_are_rejected() -> None:
    assert resolve("in 2259", FRI) is None
    assert resolve("in 0999", FRI) is None


# --- candidate search ---------------------------------------------------------------------

SENTENCE = (
    "The minister said on Friday that we may March on, and one of the two sides will sign "
    "by April 26. Talks lasted for weeks and months; within 24 hours, in 2022, it ended."
)


def test_candidates_skip_lowercase_words_and_durations() -> None:
    found = [(c.text, SENTENCE[c.prep_start : c.end]) for c in find_candidates(SENTENCE)]
    assert found == [
        ("Friday", "on Friday"),
        ("March", "March"),  # capitalised: the parse-aware extractor decides it is a verb
        ("April 26", "by April 26"),
        ("2022", "in 2022"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("served 1980–1987; then 1987–2017.", ["1980", "1987", "1987", "2017"]),
        ("costs $2000 or 2,000 or 12000 or 2019.5", []),
        ("at 3:00 on August 2,000", ["August"]),  # "2,000" is a number, not a day
        ("He said so a year\nago.", []),  # never across a line break
        ("Sunday's signing", ["Sunday"]),
        ("(next) Thursday", ["(next) Thursday"]),
    ],
)
def test_candidate_edges(text: str, expected: list[str]) -> None:
    assert [c.text for c in find_candidates(text)] == expected


def test_every_candidate_parses() -> None:
    text = (
        "On Friday, 2 August 2019, and on August 3, 2019, the 2019-08-04 deal, by April 26, "
        "late July, mid-2020, last year, earlier in the month, (next) Thursday, yesterday "
        "afternoon, three days ago, the following day, this past December."
    )
    candidates = find_candidates(text)
    assert len(candidates) == 13
    assert all(parse(c.text) is not None for c in candidates)


# --- properties ---------------------------------------------------------------------------

dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
tenses = st.sampled_from([None, "past", "future"])
fragments = st.sampled_from(
    ["on", "by", "next", "last", "this", "coming", "past", "(next)", "the", "same", "following",
     "day", "year", "month", "ago", "early", "late", "mid-", "Friday", "May", "may", "29",
     "February", "31", "2019", "0000", "9999", "2100", ",", "of", "today", "yesterday", "a", "2nd"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), st.lists(fragments, max_size=6).map(" ".join)),
    published=st.one_of(st.none(), dates),
    tense=tenses,
    anchor=st.one_of(st.none(), dates),
    hint=st.one_of(st.none(), dates),
)
def test_resolve_never_raises_and_returns_iso_or_none(
    text: str, published: date | None, tense: str | None, anchor: date | None, hint: date | None
) -> None:
    value = resolve(text, published, tense=tense, anchor=anchor, year_hint=hint)  # type: ignore[arg-type]
    if value is not None:
        assert ISO.fullmatch(value)
        if len(value) == 10:
            date.fromisoformat(value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_candidates_are_ordered_slices(text: str) -> None:
    last_end = 0
    for c in find_candidates(text):
        assert text[c.start : c.end] == c.text
        assert c.prep_start <= c.start < c.end
        assert c.start >= last_end
        last_end = c.end


# --- TimeML: the other TIMEX3 forms, durations and deadlines ----------------------------------


def _timex(text: str, published: date | None = FRI, **kw: object) -> list[tuple[str, str, str]]:
    out = []
    for t in find_timexes(text):
        value = resolve_timex(t, published, **kw)  # type: ignore[arg-type]
        if value is not None:
            out.append((t.text, value.type, value.timex))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", ("DATE", "2025-W15")),
        ("this week", ("DATE", "2025-W16")),
        ("next weekend", ("DATE", "2025-W17-WE")),
        ("the fourth quarter", ("DATE", "2024-Q4")),
        ("the second quarter", ("DATE", "2025-Q2")),
        ("the first quarter", ("DATE", "2025-Q1")),
        ("the 1998 second quarter", ("DATE", "1998-Q2")),
        ("last year's third quarter", ("DATE", "2024-Q3")),
        ("the second half", ("DATE", "2024-H2")),
        ("the latest quarter", ("DATE", "2025-Q1")),
        ("this winter", ("DATE", "2025-WI")),
        ("the summer of 1998", ("DATE", "1998-SU")),
        ("the 1980s", ("DATE", "198")),
        ("the '90s", ("DATE", "199")),
        ("the 21st century", ("DATE", "20")),
        ("currently", ("DATE", "PRESENT_REF")),
        ("the past", ("DATE", "PAST_REF")),
        ("tonight", ("TIME", "2025-04-18TNI")),
        ("yesterday afternoon", ("TIME", "2025-04-17TAF")),
        ("9 a.m.", ("TIME", "2025-04-18T09:00")),
        ("noon", ("TIME", "2025-04-18T12:00")),
        ("24 hours", ("DURATION", "PT24H")),
        ("a 90-day", ("DURATION", "P90D")),
        ("twenty-five years", ("DURATION", "P25Y")),
        ("several weeks", ("DURATION", "PXW")),
        ("recent years", ("DURATION", "PXY")),
        ("a couple of days", ("DURATION", "P2D")),
        ("each year", ("SET", "P1Y")),
        ("two weeks ago", ("DATE", "2025-W14")),
        ("twice a month", ("SET", "P1M")),
        ("annually", ("SET", "P1Y")),
    ],
)  # fmt: skip
def test_timeml_forms(text: str, expected: tuple[str, str]) -> None:
    (found,) = _timex(text)
    assert found[1:] == expected


def test_a_weekend_in_the_past_tense_is_the_last_one() -> None:
    assert _timex("the weekend", date(2025, 4, 16), tense="past") == [
        ("the weekend", "DATE", "2025-W15-WE")
    ]


def test_the_year_ago_quarter_counts_back_from_the_last_quarter_named() -> None:
    assert _timex("the year-ago quarter", FRI, last_quarter=(2025, 1)) == [
        ("the year-ago quarter", "DATE", "2024-Q1")
    ]


def test_unresolved_relative_periods_keep_x_without_publication() -> None:
    assert _timex("next week", None) == [("next week", "DATE", "XXXX-WXX")]


def test_plain_words_are_no_time_expressions() -> None:
    assert _timex("The fall of the city and a spring offensive.") == []


@pytest.mark.parametrize(
    ("start", "value", "expected"),
    [
        (date(2025, 4, 18), "P30D", date(2025, 5, 18)),
        (date(2025, 4, 18), "P2W", date(2025, 5, 2)),
        (date(2025, 1, 31), "P1M", date(2025, 2, 28)),
        (date(2024, 2, 29), "P1Y", date(2025, 2, 28)),
        (date(2025, 4, 18), "PT48H", date(2025, 4, 20)),
        (date(2025, 4, 18), "PXD", None),
    ],
)
def test_add_duration(start: date, value: str, expected: date | None) -> None:
    assert add_duration(start, value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("P30D", "2025-05-18"),
        ("2025-W16", "2025-04-20"),
        ("2025-W16-WE", "2025-04-20"),
        ("2025-Q2", "2025-06-30"),
        ("2025-H1", "2025-06-30"),
        ("2025-02", "2025-02-28"),
        ("2025", "2025-12-31"),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_deadline(value: str | None, expected: str | None) -> None:
    assert deadline(FRI, value) == expected


def test_period_end_of_a_day_is_the_day() -> None:
    assert period_end("2025-04-18") == "2025-04-18"


def test_forward_tie_goes_to_the_future() -> None:
    expr = parse("by October")
    assert expr is not None
    # April 2025: October 2024 and October 2025 are six months away each.
    assert resolve_expr(expr, FRI) == "2024-10"
    assert resolve_expr(expr, FRI, forward=True) == "2025-10"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_timexes_never_raise_and_slice(text: str, published: date | None) -> None:
    last = -1
    for t in find_timexes(text):
        assert text[t.start : t.end] == t.text and t.start >= last
        last = t.end
        resolve_timex(t, published)


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [
        (2.5, "Y", "P2Y6M"),
        (5.5, "H", "PT5H30M"),
        (1.5, "MIN", "PT1M30S"),
        (0.5, "Y", "P6M"),
        (2, "DE", "P20Y"),
        (1, "CE", "P100Y"),
        (None, "DE", "PXDE"),
        (3, "D", "P3D"),
    ],
)
def test_duration_values_of_fractions_decades_and_centuries(
    n: float | None, unit: str, expected: str
) -> None:
    assert duration_value(n, unit) == expected


def test_a_compound_duration_adds_both_parts() -> None:
    assert add_duration(date(2025, 1, 1), "P2Y6M") == date(2027, 7, 1)
    assert add_duration(date(2025, 1, 1), "PT5H30M") == date(2025, 1, 2)


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("12-25", 2025, date(2025, 12, 25)),
        ("11-22>3", 1999, date(1999, 11, 25)),  # Thanksgiving: fourth Thursday of November
        ("11-02>1", 1998, date(1998, 11, 3)),  # US Election Day
        ("05-25>0", 2025, date(2025, 5, 26)),  # Memorial Day: last Monday of May
        ("E+0", 2000, date(2000, 4, 23)),
        ("E-2", 2025, date(2025, 4, 18)),  # Good Friday
        ("E+0", 2024, date(2024, 3, 31)),
        ("nonsense", 2025, None),
    ],
)
def test_holiday_rules(rule: str, year: int, expected: date | None) -> None:
    assert holiday_date(rule, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Valentine's Day", "2025-02-14"),
        ("the St. Patrick's Day parade", "2025-03-17"),
        ("on Presidents' Day", "2025-02-17"),
        ("Good Friday", "2025-04-18"),
        ("Martin Luther King Day", "2025-01-20"),
    ],
)
def test_holiday_names_are_found_and_resolved(text: str, expected: str) -> None:
    assert [v for _, _, v in _timex(text)] == [expected]
