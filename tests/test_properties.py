"""Property tests with the real model: ``parley.analyze`` never raises on text it accepts, and
every offset it reports slices the input to the reported span.

Two kinds of input: arbitrary Unicode, and news-like text assembled from fragments we wrote
(names, cue verbs, every kind of quotation mark, weekday and month names, stray apostrophes and
unbalanced marks), which reaches the quote, speaker and date rules far more often.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parley
from parley.errors import IngestError
from parley.ingest.records import check_text

pytestmark = pytest.mark.model

FRAGMENTS = [
    "Sergei Ivanov",
    "the minister",
    "Maria Lopez",
    "The Kremlin",
    "a police spokesperson",
    "she",
    "he",
    "they",
    "said",
    "told reporters",
    "added",
    "warned",
    "according to",
    "on Friday",
    "next Thursday",
    "by April 26",
    "last year",
    "in 2022",
    "yesterday",
    "May",
    "may",
    "the same day",
    "Trump’s",
    "’90s",
    "rock ’n’ roll",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "«",
    "»",
    "„",
    ",",
    ".",
    "\n\n",
    "We will sign",
    "talks were quite difficult",
    "Kyiv",
    "Washington",
    "the US",
    "Russian",
    "Secretary of State",
    "12",
    "2025-04-18",
    "—",
    "(",
    ")",
]

news_like = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map(" ".join)
arbitrary = st.text(max_size=300)
published = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))

RELATIVE = re.compile(
    r"\b(yesterday|today|tomorrow|next|last|same day|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)\b",
    re.IGNORECASE,
)

SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def check_offsets(text: str, result: parley.ArticleResult) -> None:
    """Every offset of ``result`` slices ``text``, and actor mentions have no surrounding
    whitespace."""
    n = len(text)
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= n
        assert text[quote.start : quote.end] == quote.text, quote
    for mention in result.dates:
        assert 0 <= mention.start < mention.end <= n
        assert text[mention.start : mention.end] == mention.text, mention
    for actor in result.actors:
        for start, end in actor.mentions:
            assert 0 <= start < end <= n, actor
            surface = text[start:end]
            assert surface.strip(), actor
            assert surface.strip() == surface, actor
    for event in result.events:
        s0, s1 = event.sentence
        t0, t1 = event.trigger
        assert 0 <= s0 <= t0 < t1 <= s1 <= n, event
    for item in (*result.places, *result.amounts, *result.agreements):
        assert 0 <= item.start <= item.end <= n
        if hasattr(item, "text"):
            assert text[item.start : item.end] == item.text, item
        else:
            assert text[item.start : item.end] == item.name, item


def analyze_or_refuse(text: str, pub: date | None) -> None:
    try:
        check_text(text, max_chars=2_000_000)
    except IngestError:
        # Text that is not an article (blank, binary) is refused with IngestError, nothing else.
        with pytest.raises(IngestError):
            parley.analyze(text, published=pub)
        return
    result = parley.analyze(text, published=pub)
    check_offsets(text, result)
    if pub is None:
        # Without a publication date a relative date is never guessed.
        for mention in result.dates:
            if RELATIVE.search(mention.text) and not re.search(r"\d{4}", mention.text):
                assert mention.value is None, mention


@SETTINGS
@given(text=news_like, pub=published)
def test_properties_news_like_text(text: str, pub: date | None) -> None:
    analyze_or_refuse(text, pub)


@SETTINGS
@given(text=arbitrary, pub=published)
def test_properties_arbitrary_text(text: str, pub: date | None) -> None:
    analyze_or_refuse(text, pub)


@SETTINGS
@given(prefix=st.text(max_size=40), body=news_like)
def test_properties_offsets_survive_leading_noise(prefix: str, body: str) -> None:
    # Astral characters, combining marks and CRLF before the article must not shift offsets.
    analyze_or_refuse(prefix + "\r\n" + body, date(2025, 4, 18))
