"""Time expressions in a parsed article (TimeML TIMEX3 strength), resolved against publication.

Two passes over the text:

* :mod:`.calendar`: calendar days, months and years ("on Friday", "by April 26", "last year"),
  the contract's ``value``; their ``timex`` is the same value, or the day with a part of day
  ("Friday morning": ``TIME`` ``2025-04-18TMO``).
* :mod:`.timex`: every other TIMEX3 the calendar pass leaves out: weeks, weekends, quarters and
  halves, seasons, decades, centuries, vague references ("now", "recently"), durations ("a
  30-day ceasefire", "a matter of days"), recurrences ("every Monday", "weekly") and times of
  day ("this morning", "10:35 a.m."). Their ``value`` is ``None`` (no calendar day, month or
  year); ``timex`` carries the TimeML value and ``deadline`` the day a time limit ends.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from parley.nlp.rules.dates.calendar import extract_calendar_dates
from parley.nlp.rules.dates.timex import (
    annotate_calendar,
    extract_other_timexes,
    join_clock_and_day,
    second_days,
    shared_recurrences,
    weeks_of_months,
)
from parley.nlp.rules.dates.year_ago import year_ago_quarters
from parley.types import DateMention

__all__ = ["extract_dates"]


def extract_dates(doc: Doc, *, published: date | None) -> list[DateMention]:
    """Every time expression of ``doc``, in text order, resolved against ``published``.

    Args:
        doc: The parsed article.
        published: Publication date; without it, relative expressions ("on Friday", "last
            year") get ``value=None`` while absolute ones ("in 2022") still resolve.

    Returns:
        Mentions in text order, not overlapping; ``doc.text[m.start:m.end] == m.text``.
    """
    calendar = annotate_calendar(doc, extract_calendar_dates(doc, published=published))
    others = extract_other_timexes(doc, calendar, published=published)
    # A quarter or season that holds a calendar year ("the third quarter of 1984", "the spring
    # of 2014") replaces the year.
    kept = [c for c in calendar if not any(o.start <= c.start and c.end <= o.end for o in others)]
    merged = join_clock_and_day(doc, sorted([*kept, *others], key=lambda m: (m.start, m.end)))
    merged = shared_recurrences(doc, weeks_of_months(doc, second_days(doc, merged)))
    return year_ago_quarters(doc, merged, published=published)
