"""The calendar candidates found in windows around anchor words equal a scan of the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.temporal.expressions import CANDIDATE_RE, find_candidates

_PIECES = st.sampled_from(
    [
        "The talks resumed", " on Friday, August 2, 2019", " in mid-March 2019", " last year",
        " two years ago", " a year from now", " the day before yesterday", " this coming Monday",
        " the beginning of July", "  ", "\n", ",", ".", " 2000 troops", " at 2100", " May",
        " Theresa May", " yesterday afternoon", " the same day", " earlier this month",
        " the 2nd of August 2019", " 1980-1987", " Market", " Decision", " 12,000",
        " said", " officials", " x" * 30,
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_windowed_candidates_equal_a_full_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    full = [(m.start(), m.end()) for m in CANDIDATE_RE.finditer(text)]
    assert [(c.start, c.end) for c in find_candidates(text)] == full
