"""The look-ahead in front of the calendar grammar only skips positions where no form can
start: with and without it, the grammar finds the same spans."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.temporal.expressions import _CANDIDATE_BODY, CANDIDATE_RE

UNFILTERED = re.compile(_CANDIDATE_BODY)

WORDS = (
    "January February March April May June July August September October November December "
    "Jan. Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday the of this coming past next last early late mid end beginning "
    "start middle (next) today yesterday tomorrow day before after morning afternoon evening "
    "night noon midday earlier later in month year a an one two three four five six seven "
    "eight nine ten eleven twelve days months years ago same following previous preceding "
    "that 2 02 2nd 31st 1999 2019 2100 2019-08-02 3 12 45 1980–1987 $2019 #5 x \u0663 \u017fix"
).split()


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(WORDS),
            st.sampled_from(["as is", "upper", "lower", "title"]),
            st.sampled_from([" ", " ", "\n", "-", "", ", ", "\t"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_the_starts_look_ahead_changes_no_match(parts: list[tuple[str, str, str]]) -> None:
    cased = {"as is": str, "upper": str.upper, "lower": str.lower, "title": str.title}
    text = "".join(cased[case](word) + sep for word, case, sep in parts)
    assert _spans(CANDIDATE_RE, text) == _spans(UNFILTERED, text)


def test_every_form_of_the_grammar_is_still_found() -> None:
    text = (
        "On Friday, 2 August 2019 and August 2, 2019 (2019-08-02), the 2nd of August, Aug. 2, "
        "mid-March 2019, late July, this past December, (next) Thursday, late Sunday night, "
        "the day before yesterday, early today, earlier this month, earlier in the year, "
        "two years ago, 3 days ago, the following day, later that year, mid-2020 and 2022."
    )
    assert _spans(CANDIDATE_RE, text) == _spans(UNFILTERED, text)
    assert len(_spans(CANDIDATE_RE, text)) >= 20
