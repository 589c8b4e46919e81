"""Date extraction with the real English pipeline, on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.nlp.rules.dates import extract_dates
from timex_reading import read_timexes

pytestmark = pytest.mark.model

# 2025-04-18 is a Friday.
FRI = date(2025, 4, 18)
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def dates_of(nlp: Any, text: str, published: date | None = FRI) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    mentions = extract_dates(doc, published=published)
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
    return [(m.text, m.value) for m in mentions if m.is_calendar]


def timexes_of(nlp: Any, text: str, published: date | None = FRI) -> list[tuple[str, str, str]]:
    return read_timexes(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays: the verb decides the direction
        ("The minister said on Friday that talks would continue.", [("on Friday", "2025-04-18")]),
        ("The two sides signed a memorandum on Thursday.", [("on Thursday", "2025-04-17")]),
        ("The two sides will sign the agreement on Thursday.", [("on Thursday", "2025-04-24")]),
        ("The accord is going to be initialled on (next) Thursday, she said.",
         [("on (next) Thursday", "2025-04-24")]),
        ("The parliament is scheduled to vote on Monday.", [("on Monday", "2025-04-21")]),
        ("The cabinet was to convene Monday to review the budget.", [("Monday", "2025-04-14")]),
        ("Officials met again last Friday in Geneva.", [("last Friday", "2025-04-11")]),
        ("By Sunday afternoon, the rebels had withdrawn.", [("By Sunday afternoon", "2025-04-13")]),
        ("Sunday's vote was peaceful, observers reported.", [("Sunday", "2025-04-13")]),
        # month-days and months: year from publication and tense
        ("They aim to finalise the accord by April 26.", [("by April 26", "2025-04-26")]),
        ("The ceasefire began on April 2 and held.", [("on April 2", "2025-04-02")]),
        ("The summit was held on May 3 in Doha.", [("on May 3", "2024-05-03")]),
        ("The new president will take office on January 20.", [("on January 20", "2026-01-20")]),
        ("Protests erupted in March over fuel prices.", [("in March", "2025-03")]),
        ("The December truce collapsed within days.", [("December", "2024-12")]),
        ("The party convention, scheduled for July 11, will be held online.",
         [("for July 11", "2025-07-11")]),
        ("The satellite data shows contact with the ship on April 6.",
         [("on April 6", "2025-04-06")]),
        ("She would have turned 95 on May 2.", [("on May 2", "2025-05-02")]),
        ("Aides said the two leaders spoke by phone in late July.", [("in late July", "2024-07")]),
        # years
        ("Russia launched a full-scale invasion in 2022.", [("in 2022", "2022")]),
        ("The court struck down a 2005 law on appointments.", [("2005", "2005")]),
        ("He led the party from 1998 to 2004.", [("from 1998", "1998"), ("to 2004", "2004")]),
        ("She served as mayor, 1990–1996, before entering parliament.",
         [("1990", "1990"), ("1996", "1996")]),
        ("The country has been under sanctions since 2011.", [("since 2011", "2011")]),
        # relative
        ("Last year, the government lowered its forecast.", [("Last year", "2024")]),
        ("Inflation rose last month, the bank said.", [("last month", "2025-03")]),
        ("The talks resume tomorrow after a pause yesterday.",
         [("tomorrow", "2025-04-19"), ("yesterday", "2025-04-17")]),
        ("The envoy arrived on Tuesday. The same day, shelling resumed.",
         [("on Tuesday", "2025-04-15"), ("The same day", "2025-04-15")]),
        ("Rebels attacked on Monday. The following day, the army responded.",
         [("on Monday", "2025-04-14"), ("The following day", "2025-04-15")]),
        ("Exports fell by a third earlier this month.", [("earlier this month", "2025-04")]),
        ("She won the seat in 2008. The following year, she resigned.",
         [("in 2008", "2008"), ("The following year", "2009")]),
        ("Prices will rise over the next year, he said.", []),
        # absolute forms
        ("The treaty was signed on 2 August 2019 in Kigali.", [("on 2 August 2019", "2019-08-02")]),
        ("The treaty was signed on August 2, 2019, in Kigali.",
         [("on August 2, 2019", "2019-08-02")]),
        ("The vote took place in January 2021.", [("in January 2021", "2021-01")]),
        ("The troops deployed on November 15, 2017, and the premier stepped down on November 21.",
         [("on November 15, 2017", "2017-11-15"), ("on November 21", "2017-11-21")]),
    ],
)  # fmt: skip
def test_dates_in_sentences(nlp: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert dates_of(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Washington may step back if either side proves obstinate.",
        "It is a matter of days now, not of weeks or endless months.",
        "She vowed to stop the fighting within 24 hours of being sworn in.",
        "Protesters March on the capital every year.",
        "Helen May met the Irish premier in Dublin.",
        "Talks between Hartley and May broke down.",
        "The resolution 2259 was adopted by the council.",
        "The ministry deployed 2000 troops to the border.",
        "The governor, 64, spoke at 6:30 p.m. (2230 UTC) about two years' worth of reforms.",
        "Black Friday sales fell, the Sunday Times reported.",
        "Over the last year, the militia has grown, he said in the second round.",
        "Markets fell sharply last week and the 1990s were calmer.",
    ],
)
def test_no_false_dates(nlp: Any, text: str) -> None:
    assert dates_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The island is today a barren place.", []),
        ("The talks are today in Geneva.", [("today", "2025-04-18")]),
        ("Today is the deadline for the talks.", [("Today", "2025-04-18")]),
        # eleventh round: "the X of tomorrow / of today" is the time to come or nowadays
        ("She said the farmers of tomorrow will need less water.", []),
        ("The mothers of today work longer hours, the survey found.", []),
        ("As of today, the border crossing is closed.", [("today", "2025-04-18")]),
    ],
)
def test_today_as_nowadays_is_not_a_date(nlp: Any, text: str, expected: list[Any]) -> None:
    assert dates_of(nlp, text) == expected


def test_dates_inside_quotes_are_dates(nlp: Any) -> None:
    text = 'On Wednesday, the judge ruled. "Today\'s decision is final," the lawyer said.'
    assert dates_of(nlp, text) == [("On Wednesday", "2025-04-16"), ("Today", "2025-04-16")]


def test_without_publication_only_absolute_dates_resolve(nlp: Any) -> None:
    text = "On Friday, the minister recalled the 2022 invasion and the August 2, 2019 accord."
    assert dates_of(nlp, text, published=None) == [
        ("On Friday", None),
        ("2022", "2022"),
        ("August 2, 2019", "2019-08-02"),
    ]


def test_the_same_day_without_any_dated_day_is_dropped(nlp: Any) -> None:
    assert dates_of(nlp, "The same day, the rebels withdrew.") == []


def test_offsets_slice_the_text_with_odd_spacing(nlp: Any) -> None:
    text = "  Talks opened\ton  Friday.\n\nIn 2022,   the war began.  "
    doc = nlp(text)
    mentions = extract_dates(doc, published=FRI)
    assert [m.value for m in mentions] == ["2025-04-18", "2022"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


# --- regression against the shared gold (read at test time, never copied) ---------------


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("corpus", "minimum"), [("seed", 0.80), ("dev", 0.85)])
def test_date_value_f1_on_shared_gold(
    nlp: Any, shared_corpus: Path, tmp_path: Path, corpus: str, minimum: float
) -> None:
    gold_dir = shared_corpus / corpus
    for line in (gold_dir / "articles.jsonl").read_text().splitlines():
        record = json.loads(line)
        published = date.fromisoformat(record["published"][:10])
        mentions = extract_dates(nlp(record["text"]), published=published)
        # The shared gold lists calendar dates only (FORMAT.md).
        payload = {"dates": [m.to_dict() for m in mentions if m.is_calendar]}
        (tmp_path / f"{record['id']}.json").write_text(json.dumps(payload))
    result, _ = _scorer(shared_corpus.parent).score(gold_dir, tmp_path)
    assert result["date_value_f1"] >= minimum


_PIECES = st.sampled_from(
    ["on", "Friday", "May", "may", "2022", "1980–1987", "the same day", "today", "“", "”", '"',
     "\n", "  ", "said", "will", "sign", "by April 26", "last", "next", "(next)", "Thursday", ",",
     ".", "in", "March", "2100", "UTC", "the", "following", "year", "ago", "two", "days"]
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=14).map(" ".join)),
    published=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)
def test_extraction_never_raises_and_slices(nlp: Any, text: str, published: date | None) -> None:
    doc = nlp(text)
    for m in extract_dates(doc, published=published):
        assert text[m.start : m.end] == m.text
        assert m.value is None or ISO.fullmatch(m.value)


# --- TimeML: every TIMEX3 type (sentences written for these tests; 2025-04-18 is a Friday) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # DATE beyond day, month and year
        ("Officials met twice last week.", [("last week", "DATE", "2025-W15")]),
        ("The envoy returns next week.", [("next week", "DATE", "2025-W17")]),
        ("Rebels regrouped over the weekend, she said.",
         [("over the weekend", "DATE", "2025-W15-WE")]),
        ("Exports fell in the third quarter.", [("in the third quarter", "DATE", "2024-Q3")]),
        ("Third-quarter revenue rose 4%.", [("Third-quarter", "DATE", "2024-Q3")]),
        ("Sales rose in the first half.", [("in the first half", "DATE", "2025-H1")]),
        ("The camps grew in the 1990s.", [("in the 1990s", "DATE", "199")]),
        ("Such wars marked the 20th century.", [("the 20th century", "DATE", "19")]),
        ("Fighting resumed last summer.", [("last summer", "DATE", "2024-SU")]),
        ("The monitors are now in place.", [("now", "DATE", "PRESENT_REF")]),
        ("The border was recently reopened.", [("recently", "DATE", "PAST_REF")]),
        ("No deal is likely in the future.", [("in the future", "DATE", "FUTURE_REF")]),
        # TIME
        ("The convoy left this morning.", [("this morning", "TIME", "2025-04-18TMO")]),
        ("Shelling resumed last night.", [("last night", "TIME", "2025-04-17TNI")]),
        ("Yesterday morning, the convoy left.", [("Yesterday morning", "TIME", "2025-04-17TMO")]),
        ("The convoy left on Friday night.", [("on Friday night", "DATE", "2025-04-18")]),
        ("The vote closes at 10:30 p.m.", [("at 10:30 p.m.", "TIME", "2025-04-18T22:30")]),
        # DURATION
        ("They agreed a 30-day ceasefire.", [("30-day", "DURATION", "P30D")]),
        ("A deal is a matter of days away.", [("a matter of days", "DURATION", "PXD")]),
        ("The siege lasted two years.", [("two years", "DURATION", "P2Y")]),
        ("Talks stalled for the first nine months.",
         [("for the first nine months", "DURATION", "P9M")]),
        # SET
        ("Monitors report every Monday.", [("every Monday", "SET", "XXXX-WXX-1")]),
        ("The council meets weekly.", [("weekly", "SET", "P1W")]),
    ],
)  # fmt: skip
def test_timeml_types_and_values(nlp: Any, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timexes_of(nlp, text) == expected


def test_calendar_dates_keep_their_value_and_gain_a_timex(nlp: Any) -> None:
    doc = nlp("The two sides signed a memorandum on Thursday.")
    (m,) = extract_dates(doc, published=FRI)
    assert (m.value, m.type, m.timex) == ("2025-04-17", "DATE", "2025-04-17")


def test_durations_and_periods_have_no_calendar_value(nlp: Any) -> None:
    doc = nlp("Prices rose for two years, and rose again last week.")
    assert [(m.text, m.value) for m in extract_dates(doc, published=FRI)] == [
        ("for two years", None),
        ("last week", None),
    ]


def test_within_a_duration_gives_the_deadline_from_publication(nlp: Any) -> None:
    doc = nlp("Both armies must withdraw within 30 days.")
    (m,) = extract_dates(doc, published=FRI)
    assert (m.type, m.timex, m.deadline) == ("DURATION", "P30D", "2025-05-18")


def test_by_the_end_of_the_week_gives_the_week_and_its_last_day(nlp: Any) -> None:
    doc = nlp("A draft is expected by the end of the week.")
    (m,) = extract_dates(doc, published=FRI)
    assert (m.text, m.timex, m.mod, m.deadline) == (
        "by the end of the week",
        "2025-W16",
        "END",
        "2025-04-20",
    )


def test_a_duration_that_is_an_age_is_not_a_time_expression(nlp: Any) -> None:
    assert timexes_of(nlp, "The 40 years old farmer was detained.") == []


def test_a_year_ago_in_quarterly_results_is_last_years_quarter(nlp: Any) -> None:
    text = "Profit rose 8% in the third quarter from a year ago."
    assert timexes_of(nlp, text, date(2025, 10, 24)) == [
        ("in the third quarter", "DATE", "2025-Q3"),
        ("from a year ago", "DATE", "2024-Q3"),
    ]


def test_a_year_earlier_after_a_count_of_months_is_last_year(nlp: Any) -> None:
    text = (
        "Profit rose 8% in the third quarter. In the first nine months, the brewer earned "
        "$40 million, against $31 million a year earlier."
    )
    assert timexes_of(nlp, text, date(2025, 10, 24)) == [
        ("in the third quarter", "DATE", "2025-Q3"),
        ("In the first nine months", "DURATION", "P9M"),
        ("a year earlier", "DATE", "2024"),
    ]


def test_the_year_ago_period_skips_a_quarter_still_to_come(nlp: Any) -> None:
    text = (
        "The mill earned $5 million in the third quarter. Brokers see losses through the "
        "second quarter of 2026. In the year-ago period, the mill earned $9 million."
    )
    assert timexes_of(nlp, text, date(2025, 10, 24)) == [
        ("in the third quarter", "DATE", "2025-Q3"),
        ("through the second quarter of 2026", "DATE", "2026-Q2"),
        ("In the year-ago period", "DATE", "2024-Q3"),
    ]


def test_extended_to_a_day_just_ahead_stays_in_the_same_year(nlp: Any) -> None:
    text = "The government extended the deadline to Nov. 20."
    assert dates_of(nlp, text, date(1989, 11, 2)) == [("to Nov. 20", "1989-11-20")]


def test_until_a_weekday_in_a_headline_is_the_coming_one(nlp: Any) -> None:
    assert dates_of(nlp, "Truce extended until Friday", date(2025, 4, 15)) == [
        ("until Friday", "2025-04-18")
    ]


def test_until_a_weekday_narrated_in_the_past_perfect_looks_back(nlp: Any) -> None:
    text = "Until Thursday, the police had no suspect."
    assert dates_of(nlp, text) == [("Until Thursday", "2025-04-17")]


def test_a_clock_time_and_its_day_are_one_time(nlp: Any) -> None:
    doc = nlp("The offer expires at 5 p.m. EST Nov. 9, the company said.")
    published = date(2025, 11, 2)
    found = [(m.text, m.type, m.timex, m.value) for m in extract_dates(doc, published=published)]
    assert found == [("at 5 p.m. EST Nov. 9", "TIME", "2025-11-09T17:00", "2025-11-09")]


def test_a_plan_told_in_the_past_looks_ahead_to_its_weekday(nlp: Any) -> None:
    text = "The delegation planned to leave on Tuesday, an aide said."
    assert dates_of(nlp, text, date(2025, 4, 17)) == [("on Tuesday", "2025-04-22")]


def test_a_rate_per_unit_is_not_a_duration(nlp: Any) -> None:
    assert timexes_of(nlp, "The airline adds four flights a week.") == []


def test_relative_periods_without_publication_keep_unknown_parts(nlp: Any) -> None:
    assert timexes_of(nlp, "Officials met last week.", None) == [("last week", "DATE", "XXXX-WXX")]


def test_a_month_and_year_does_not_set_the_year_of_a_later_month_day(nlp: Any) -> None:
    # Background "in August 1988" must not pull "on Aug. 2" two years back.
    text = "The war ended in August 1988. Troops crossed the border on Aug. 2, officials said."
    found = dates_of(nlp, text, date(1990, 8, 15))
    assert found == [("in August 1988", "1988-08"), ("on Aug. 2", "1990-08-02")]


def test_a_full_date_still_sets_the_year_of_a_later_month_day(nlp: Any) -> None:
    text = "The talks opened on November 15, 2017. A draft followed on November 21."
    found = dates_of(nlp, text, date(2025, 4, 18))
    assert found == [("on November 15, 2017", "2017-11-15"), ("on November 21", "2017-11-21")]


def test_a_month_day_with_no_tense_prefers_the_past_unless_clearly_nearer(nlp: Any) -> None:
    # Published in May: last October is 195 days back, next October 170 ahead.
    text = "Police have searched for him since the Oct. 23 shooting."
    assert dates_of(nlp, text, date(1999, 5, 6)) == [("Oct. 23", "1998-10-23")]
    # A month-day a few weeks ahead is still the coming one.
    text = "The dividend is payable to holders of the Nov. 30 record."
    assert dates_of(nlp, text, date(2025, 11, 2)) == [("Nov. 30", "2025-11-30")]


def test_a_length_before_later_or_after_is_a_duration(nlp: Any) -> None:
    assert timexes_of(nlp, "Three days later, the rebels withdrew.") == [
        ("Three days", "DURATION", "P3D")
    ]
    assert timexes_of(nlp, "The warrants lapse 90 days after the vote.") == [
        ("90 days", "DURATION", "P90D")
    ]
    assert timexes_of(nlp, "Two days earlier, the ferry had sunk.") == [
        ("Two days", "DURATION", "P2D")
    ]
    # Still a point: "two years ago".
    assert [t[1] for t in timexes_of(nlp, "The camp opened two years ago.")] == ["DATE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refugees lived in the camps for 2 1/2 years.", "P2Y6M"),
        ("The envoy spent about 5 1/2 hours in Nairobi.", "PT5H30M"),
        ("The siege lasted two and a half years.", "P2Y6M"),
        ("Unemployment is at its lowest for two decades.", "P20Y"),
    ],
)
def test_fractions_and_decades_in_durations(nlp: Any, text: str, expected: str) -> None:
    assert [t[2] for t in timexes_of(nlp, text) if t[1] == "DURATION"] == [expected]


def test_that_year_and_the_following_month_count_from_the_last_date_named(nlp: Any) -> None:
    text = "He fled in June 1998 and returned later that year. The following month, he left."
    found = dates_of(nlp, text, date(2025, 4, 18))
    assert found == [
        ("in June 1998", "1998-06"),
        ("later that year", "1998"),
        ("The following month", "1998-07"),
    ]


def test_earlier_that_day_is_the_day_last_named(nlp: Any) -> None:
    text = "The doctor was shot on Oct. 23, 1998. Earlier that day, his family had gone out."
    assert dates_of(nlp, text, date(1999, 5, 6))[-1] == ("Earlier that day", "1998-10-23")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The boy was found on Thanksgiving Day off the coast.", date(2000, 1, 7),
         [("on Thanksgiving Day", "DATE", "1999-11-25")]),
        ("Talks will resume after Christmas.", date(2025, 12, 2),
         [("after Christmas", "DATE", "2025-12-25")]),
        ("Crowds gathered last Easter in the square.", date(2025, 4, 18),
         [("last Easter", "DATE", "2024-03-31")]),
        ("Pilgrims arrived as Easter week began.", date(2000, 4, 17),
         [("Easter week", "DATE", "2000-W16")]),
    ],
)  # fmt: skip
def test_holidays_are_days(
    nlp: Any, text: str, published: date, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text, published) == expected


def test_a_holiday_in_a_name_is_no_date(nlp: Any) -> None:
    text = "Volunteers of the Great Orchestra of Christmas Charity met the mayor."
    assert timexes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales should rise in the current fiscal year.",
         [("in the current fiscal year", "DATE", "2025")]),
        ("For the year, volume was flat.", [("For the year", "DATE", "2025")]),
        ("Profit rose in the first nine months of the year.",
         [("in the first nine months", "DURATION", "P9M"), ("the year", "DATE", "2025")]),
        ("For the year ended June 30, the group lost money.",
         [("For the year", "DURATION", "P1Y"), ("June 30", "DATE", "2024-06-30")]),
        ("Cuts are due by the end of the year.", [("by the end of the year", "DATE", "2025")]),
        # another year, or none
        ("He was named person of the year.", []),
        ("The number stands for the year it was found.", []),
        ("Exports had fallen the year before.", []),
    ],
)  # fmt: skip
def test_the_year_in_results_is_the_publication_year(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


def test_this_and_a_month_is_the_publication_years_month(nlp: Any) -> None:
    text = "With the election due this September, the parties began campaigning."
    assert dates_of(nlp, text, date(1998, 2, 5)) == [("this September", "1998-09")]
    text = "Prices fell sharply this January, traders said."
    assert dates_of(nlp, text, date(1998, 2, 5)) == [("this January", "1998-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials postponed until Tuesday morning any action on the permit.",
         [("until Tuesday morning", "2000-04-04")]),
        ("The court gave the relatives until 9 a.m. Tuesday to sign.",
         [("until 9 a.m. Tuesday", "2000-04-04")]),
        ("Mediators extended the talks by noon Friday.", [("by noon Friday", "2000-03-31")]),
    ],
)  # fmt: skip
def test_a_limit_moved_or_set_in_the_past_still_ends_ahead(
    nlp: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    # Published on Thursday 2000-03-30.
    assert dates_of(nlp, text, date(2000, 3, 30)) == expected


def test_a_qualified_year_written_as_one_word_is_a_date(nlp: Any) -> None:
    # spaCy keeps "mid-1996" as one token
    text = "The group began to fall apart in mid-1996 after a defection."
    assert dates_of(nlp, text) == [("in mid-1996", "1996")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His convictions were thrown out in nineteen ninety-six.",
         [("in nineteen ninety-six", "DATE", "1996")]),
        ("The promise to halve unemployment by the year two thousand was dropped.",
         [("by the year two thousand", "DATE", "2000")]),
        ("Numbers kept dropping through the nineties.",
         [("through the nineties", "DATE", "199")]),
        # a season or a month with a spoken year: that year's, as one expression
        ("Heating oil sold at a loss in the summer of nineteen eighty-seven.",
         [("in the summer of nineteen eighty-seven", "DATE", "1987-SU")]),
        ("The bridge reopened in March nineteen eighty-two.",
         [("in March nineteen eighty-two", "DATE", "1982-03")]),
    ],
)  # fmt: skip
def test_spoken_years_of_broadcast_transcripts(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By mid afternoon, the shelling had stopped.", [("By mid afternoon", "TIME", "2025-04-18TAF")]),
        ("The judge will hear the case at midday.", [("at midday", "TIME", "2025-04-18T12:00")]),
        ("The father will leave at 4 in the morning.",
         [("at 4 in the morning", "TIME", "2025-04-18T04:00")]),
        # the day last named, not the publication day
        ("Hopes were dashed on Wednesday. Dealers sold in the morning.",
         [("on Wednesday", "DATE", "2025-04-16"), ("in the morning", "TIME", "2025-04-16TMO")]),
        ("In London at mid-afternoon yesterday, shares were up.",
         [("at mid-afternoon yesterday", "TIME", "2025-04-17TAF")]),
    ],
)  # fmt: skip
def test_times_of_day_without_a_determiner(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


def test_a_month_with_no_tense_prefers_the_past_unless_clearly_nearer(nlp: Any) -> None:
    # Published in late October: March is seven months back, five ahead.
    text = "Shares climbed to a high in June from $29.75 in March."
    assert dates_of(nlp, text, date(1989, 10, 30)) == [
        ("in June", "1989-06"),
        ("in March", "1989-03"),
    ]


def test_the_near_future_and_the_short_term_look_ahead(nlp: Any) -> None:
    text = "The unit may be sold in the near future, but not in the short term."
    assert [(t[1], t[2]) for t in timexes_of(nlp, text)] == [
        ("DATE", "FUTURE_REF"),
        ("DATE", "FUTURE_REF"),
    ]
    assert timexes_of(nlp, "It holds long-term debt.") == []


def test_fiscal_and_a_year_is_the_year(nlp: Any) -> None:
    text = "Sales should be slightly above fiscal 1989 sales of $155 million."
    assert dates_of(nlp, text, date(1989, 11, 2)) == [("1989", "1989")]


def test_todays_youth_is_nowadays_not_a_day(nlp: Any) -> None:
    assert dates_of(nlp, "The case is a symbol for today's youth, he said.") == []
    assert dates_of(nlp, "The offer ran in today's editions of the paper.") == [
        ("in today", "2025-04-18")
    ]


def test_a_title_shaped_like_a_duration_is_no_duration(nlp: Any) -> None:
    assert timexes_of(nlp, "He said on CBS's ''60 Minutes'' that he would stay.") == []
    # a title-case headline keeps its duration
    assert timexes_of(nlp, "Ceasefire Extended By 30 Days") == [("By 30 Days", "DURATION", "P30D")]


def test_a_holiday_weeks_ahead_is_the_coming_one_even_in_the_past_tense(nlp: Any) -> None:
    text = "He delivered his final plea to voters ahead of Election Day."
    assert timexes_of(nlp, text, date(2020, 10, 19)) == [("Election Day", "DATE", "2020-11-03")]


def test_a_limit_given_in_the_past_perfect_has_passed(nlp: Any) -> None:
    text = "Student groups had given the government until Thursday to withdraw the bill."
    assert dates_of(nlp, text, date(2019, 6, 23)) == [("until Thursday", "2019-06-20")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board approved a new pension plan, effective March 1.", [("March 1", "2008-03-01")]),
        ("The utility declared a dividend of ten cents, payable Jan. 15.",
         [("Jan. 15", "2008-01-15")]),
    ],
)  # fmt: skip
def test_the_day_something_takes_effect_lies_ahead(
    nlp: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    # Published 2007-11-20: the past verb tells the decision, the day is still to come.
    assert dates_of(nlp, text, date(2007, 11, 20)) == expected


def test_a_year_ago_counts_back_from_the_reported_quarter_not_from_a_year_ago_quarter(
    nlp: Any,
) -> None:
    text = (
        "Sales rose in the third quarter. Profit fell from a year ago in the year-ago quarter. "
        "The year-ago results were restated."
    )
    found = timexes_of(nlp, text, date(2025, 10, 30))
    assert [v for t, _, v in found if "year-ago" in t] == ["2024-Q3", "2024-Q3"]


def test_a_weekday_evening_is_a_time_of_day_but_a_weekday_night_names_the_day(nlp: Any) -> None:
    text = "The mediator arrived Thursday evening. The rebels withdrew Friday night."
    assert timexes_of(nlp, text, date(2024, 3, 9)) == [
        ("Thursday evening", "TIME", "2024-03-07TEV"),
        ("Friday night", "DATE", "2024-03-08"),
    ]


def test_a_clock_time_with_no_day_is_on_the_day_last_named(nlp: Any) -> None:
    text = "The convoy was attacked on March 3. The first shots were fired at 10 p.m."
    found = timexes_of(nlp, text, date(2024, 3, 9))
    assert ("at 10 p.m.", "TIME", "2024-03-03T22:00") in found


def test_high_noon_is_no_time_of_day(nlp: Any) -> None:
    assert timexes_of(nlp, "For the rebels, high noon has come.", date(2024, 3, 9)) == []
    assert timexes_of(nlp, "The envoys meet at noon.", date(2024, 3, 9)) == [
        ("at noon", "TIME", "2024-03-09T12:00")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attacks on the pipeline doubled over the past year.",
         [("over the past year", "DATE", "2023")]),
        ("The two sides have talked for the past year.", [("for the past year", "DURATION", "P1Y")]),
    ],
)  # fmt: skip
def test_the_past_year_is_last_year_unless_it_is_a_length(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text, date(2024, 3, 9)) == expected


def test_the_week_is_a_week_of_the_year_unless_anchored_elsewhere(nlp: Any) -> None:
    found = timexes_of(nlp, "For the week, the index fell 3%.", date(2024, 3, 9))
    assert found == [("For the week", "DATE", "2024-WXX")]
    found = timexes_of(nlp, "Talks resume the week of March 18.", date(2024, 3, 9))
    assert [v for _, _, v in found] == ["2024-03-18"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The truce was extended for two more weeks.", "P2W"),
        ("Shares recovered eight trading days after the crash.", "P8D"),
        ("The ministry must answer within five business days.", "P5D"),
    ],
)
def test_more_and_trading_days_between_count_and_unit(nlp: Any, text: str, expected: str) -> None:
    found = timexes_of(nlp, text, date(2024, 3, 9))
    assert [v for _, kind, v in found if kind == "DURATION"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sale should close by year-end.", [("by year-end", "DATE", "2025")]),
        ("Shares are up 8% since year-end.", [("since year-end", "DATE", "2024")]),
        ("The rules take effect by year's end.", [("by year's end", "DATE", "2025")]),
    ],
)  # fmt: skip
def test_year_end_is_the_year_it_ends(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


def test_now_opening_a_sentence_with_a_comma_is_no_time(nlp: Any) -> None:
    assert timexes_of(nlp, "Now, the envoys say the plan has failed.") == []


def test_a_plan_in_the_past_perfect_has_had_its_weekday(nlp: Any) -> None:
    text = "The offer had been scheduled to expire Friday, but it was extended."
    assert dates_of(nlp, text, date(2025, 4, 21)) == [("Friday", "2025-04-18")]


def test_a_due_day_in_the_past_perfect_has_passed(nlp: Any) -> None:
    text = "The strike had been due to start Friday."
    assert dates_of(nlp, text, date(2025, 4, 21)) == [("Friday", "2025-04-18")]


def test_a_due_day_in_the_present_looks_ahead(nlp: Any) -> None:
    text = "The truce is due to end Friday."
    assert dates_of(nlp, text, date(2025, 4, 21)) == [("Friday", "2025-04-25")]


def test_a_plan_in_the_present_perfect_looks_ahead(nlp: Any) -> None:
    text = "The board has set May 2 as the deadline for offers."
    assert dates_of(nlp, text) == [("May 2", "2025-05-02")]


def test_a_record_set_on_a_day_looks_back(nlp: Any) -> None:
    text = "The index closed near its record high set on Aug. 6."
    assert dates_of(nlp, text, date(2025, 2, 6)) == [("on Aug. 6", "2024-08-06")]


def test_a_range_from_today_ends_ahead(nlp: Any) -> None:
    text = "The bank will buy shares at that price from today through Nov. 17."
    found = dates_of(nlp, text, date(2025, 10, 27))
    assert ("through Nov. 17", "2025-11-17") in found


def test_the_day_before_an_event_in_apposition_is_the_day_named(nlp: Any) -> None:
    text = "Prices rose after Oct. 12, the day before the market fell."
    found = dates_of(nlp, text, date(2025, 10, 30))
    assert found == [("after Oct. 12", "2025-10-12"), ("the day", "2025-10-12")]


def test_the_current_fiscal_year_stays_a_year_before_a_relative_clause(nlp: Any) -> None:
    text = "It expects sales in the current fiscal year that are slightly higher."
    found = timexes_of(nlp, text, date(2025, 10, 27))
    assert [(kind, v) for _, kind, v in found] == [("DATE", "2025")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The truce lasts until the end of the month.",
         [("until the end of the month", "DATE", "2025-04")]),
        ("The month before the vote was quiet.", []),
        ("Elections are due in the spring of 2026.", [("in the spring of 2026", "DATE", "2026-SP")]),
    ],
)  # fmt: skip
def test_the_end_of_the_month_and_a_season_of_a_year(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


def test_a_quarter_of_last_year_is_one_expression(nlp: Any) -> None:
    found = timexes_of(nlp, "The economy grew 2% in the fourth quarter of last year.")
    assert found == [("in the fourth quarter of last year", "DATE", "2024-Q4")]


def test_a_clock_time_before_a_day_with_its_gmt_time_is_on_that_day(nlp: Any) -> None:
    found = timexes_of(nlp, "The deadline passed at 6 p.m. local time (1600 GMT) on Thursday.")
    assert found == [
        ("at 6 p.m.", "TIME", "2025-04-17T18:00"),
        ("on Thursday", "DATE", "2025-04-17"),
    ]


def test_every_two_weeks_is_a_recurrence(nlp: Any) -> None:
    assert timexes_of(nlp, "The cabinet meets every two weeks.") == [
        ("every two weeks", "SET", "P2W")
    ]


def test_later_in_the_week_is_the_current_week(nlp: Any) -> None:
    found = timexes_of(nlp, "Later in the week, the envoy will travel to Moscow.")
    assert [(kind, v) for _, kind, v in found] == [("DATE", "2025-W16")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike is in its third day.", [("in its third day", "DATE", "2025-04-18")]),
        ("It is the second day of the offensive.", [("the second day", "DATE", "2025-04-18")]),
        ("He was fired on his first day in office.", []),
    ],
)  # fmt: skip
def test_the_nth_day_of_something_ongoing_is_the_day_of_the_news(
    nlp: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes_of(nlp, text) == expected


def test_the_past_several_days_is_a_vague_length(nlp: Any) -> None:
    found = timexes_of(nlp, "Over the past several days, the army shelled the city.")
    assert found == [("Over the past several days", "DURATION", "PXD")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal closed in Q1.", [("in Q1", "DATE", "2025-Q1")]),
        ("Profit rose in Q4 2023.", [("in Q4 2023", "DATE", "2023-Q4")]),
        ("Sales in 3Q were flat.", [("in 3Q", "DATE", "2024-Q3")]),
    ],
)  # fmt: skip
def test_quarter_shorthand(nlp: Any, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timexes_of(nlp, text) == expected


def test_the_past_decade_is_a_length(nlp: Any) -> None:
    assert timexes_of(nlp, "Growth averaged 3% over the past decade.") == [
        ("over the past decade", "DURATION", "P10Y")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair ran from March 15 to 17 in the city.",
         [("from March 15", "2025-03-15"), ("17", "2025-03-17")]),
        ("The summit will be held on April 24 and 25.",
         [("on April 24", "2025-04-24"), ("25", "2025-04-25")]),
        ("Shelling on March 15 and 17 people died.", [("on March 15", "2025-03-15")]),
    ],
)  # fmt: skip
def test_the_second_day_of_a_range_in_one_month(
    nlp: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert dates_of(nlp, text) == expected


def test_a_capitalised_future_inside_a_sentence_is_a_title(nlp: Any) -> None:
    assert timexes_of(nlp, "He dressed as Marty McFly from Back to the Future.") == []


def test_a_hydrogen_h2_is_no_half_year(nlp: Any) -> None:
    assert timexes_of(nlp, "The microbes grew in 100% H2 and in air.") == []


def test_early_in_the_month_is_not_the_publication_month(nlp: Any) -> None:
    text = "The talks began in May. Early in the month, both sides met."
    found = timexes_of(nlp, text, date(2025, 6, 19))
    assert ("DATE", "2025-06") not in [(kind, v) for _, kind, v in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span told as open now ends ahead; a narrated one keeps the nearest occurrence
        ("The photo exhibition runs until December.", [("until December", "2025-12")]),
        ("Repairs will keep the bridge shut through January.", [("through January", "2026-01")]),
        ("The photo exhibition ran until December.", [("until December", "2024-12")]),
    ],
)  # fmt: skip
def test_the_end_of_a_span_still_open_lies_ahead(
    nlp: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert dates_of(nlp, text) == expected


def test_a_day_a_past_event_was_done_by_is_gone(nlp: Any) -> None:
    # told in October: the coming March 13 is nearer, but "had closed by" narrates a day gone
    text = "Most shops in the city had closed by March 13."
    assert dates_of(nlp, text, date(2025, 10, 20)) == [("by March 13", "2025-03-13")]
    # a limit set in the past is still ahead
    text = "The ceasefire was extended to Nov. 20."
    assert dates_of(nlp, text, date(2025, 11, 2)) == [("to Nov. 20", "2025-11-20")]


def test_a_past_event_on_the_same_day_is_not_on_a_day_ahead(nlp: Any) -> None:
    # the last day named is a hearing still ahead; the fire, told in the past, is on Monday's
    text = (
        "Police arrested a man on Monday. He will appear in court on May 2. "
        "A warehouse burned down on the same day."
    )
    found = dates_of(nlp, text, date(2025, 4, 18))
    assert found[-1] == ("on the same day", "2025-04-14")


def test_a_day_right_after_said_is_the_day_of_the_saying(nlp: Any) -> None:
    # the parser hangs "on Monday" on "think" (present, so ahead); it follows "said"
    text = "Officials said on Monday they think the fire was set on purpose."
    assert dates_of(nlp, text) == [("on Monday", "2025-04-14")]


def test_a_bare_verb_joined_to_a_future_one_looks_ahead(nlp: Any) -> None:
    text = "The ferry will leave on Sunday and return on Thursday."
    assert dates_of(nlp, text) == [("on Sunday", "2025-04-20"), ("on Thursday", "2025-04-24")]


def test_a_slated_day_is_a_plan(nlp: Any) -> None:
    # the lemmatizer reads "slated" as "slat"; a plan told in the past still looks ahead
    text = "The runoff, which was slated for April 22, has been put back a month."
    assert dates_of(nlp, text) == [("for April 22", "2025-04-22")]


def test_a_water_current_is_not_now(nlp: Any) -> None:
    assert timexes_of(nlp, "A strong ocean current carried the debris north.") == []


def test_the_last_night_of_an_event_is_not_yesterday(nlp: Any) -> None:
    text = "On the last night of the festival, the band played until dawn."
    assert [v for _, _, v in timexes_of(nlp, text)] == []


def test_a_title_in_capitals_is_no_length(nlp: Any) -> None:
    text = "She first acted in a 1950 film called The Last Days of Marta."
    assert timexes_of(nlp, text) == [("1950", "DATE", "1950")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the year said after the month is the month's year, and one expression with it
        ("Farmers marched in the capital in January of this year.", date(2025, 12, 2),
         [("in January of this year", "2025-01")]),
        ("The dam was finished in June last year.", FRI, [("in June last year", "2024-06")]),
        ("The port reopens on March 3 next year.", FRI, [("on March 3 next year", "2026-03-03")]),
    ],
)  # fmt: skip
def test_a_month_of_this_or_last_year(
    nlp: Any, text: str, published: date, expected: list[tuple[str, str]]
) -> None:
    assert dates_of(nlp, text, published) == expected


def test_a_speed_per_hour_is_no_recurrence(nlp: Any) -> None:
    assert timexes_of(nlp, "The gale reached 90 kilometres per hour near the harbour.") == []


def test_a_programme_named_by_a_length_is_a_title(nlp: Any) -> None:
    assert timexes_of(nlp, "She gave a long 20 Minutes interview about the strike.") == []


def test_the_fourth_of_july_is_the_holiday(nlp: Any) -> None:
    text = "The mayor cancelled the parade planned for the Fourth of July."
    assert [(kind, v) for _, kind, v in timexes_of(nlp, text)] == [("DATE", "2025-07-04")]


def test_the_second_half_of_a_month_is_no_half_year(nlp: Any) -> None:
    text = "Rain fell on most days in the second half of the month."
    assert not [v for _, _, v in timexes_of(nlp, text) if v.endswith("-H2")]


def test_an_early_quarter_told_ahead_late_in_the_year_is_next_years(nlp: Any) -> None:
    text = "The new terminal will open in the first quarter."
    assert timexes_of(nlp, text, date(2025, 11, 20)) == [
        ("in the first quarter", "DATE", "2026-Q1")
    ]


def test_a_show_named_after_a_time_of_day_is_a_title(nlp: Any) -> None:
    text = "His show Talk in the Morning aired on many stations."
    assert timexes_of(nlp, text) == []


def test_a_status_as_of_a_weekday_looks_back(nlp: Any) -> None:
    text = "As of Wednesday, three of the miners are still in hospital."
    assert dates_of(nlp, text) == [("Wednesday", "2025-04-16")]


def test_a_clock_time_falls_on_the_day_the_story_named_earlier(nlp: Any) -> None:
    text = (
        "On Tuesday, a gas leak forced the evacuation of two schools and a library in the old "
        "town. Firefighters closed the surrounding streets while engineers from the utility "
        "searched the pipes under the market square, and buses were sent to carry the pupils "
        "to a sports hall on the edge of the town, where parents later collected them. "
        "Residents of nearby flats were told to keep their windows shut. "
        "By 6 p.m. the leak had been sealed."
    )
    found = timexes_of(nlp, text)
    assert ("By 6 p.m.", "TIME", "2025-04-15T18:00") in found


def test_an_age_range_in_years_is_no_length(nlp: Any) -> None:
    assert timexes_of(nlp, "The grant helps pupils aged 11 to 14 years.") == []


def test_a_period_to_a_month_ends_where_the_narration_is(nlp: Any) -> None:
    # reported results: "the 12 months to March" ended in the past March, not the coming one
    text = "Exports rose 8% in the 12 months to March."
    assert ("to March", "DATE", "2025-03") in timexes_of(nlp, text, date(2025, 11, 20))


def test_the_year_to_a_month_is_a_years_length(nlp: Any) -> None:
    text = "Profit for the year to June fell by a tenth."
    assert ("for the year", "DURATION", "P1Y") in timexes_of(nlp, text, date(2025, 11, 20))


def test_a_half_of_a_game_is_no_half_year(nlp: Any) -> None:
    text = "The visitors scored twice in the second half to win the match."
    assert timexes_of(nlp, text) == []
