"""Calendar expressions in news text, resolved against a reference date (pure, no spaCy).

Two halves share one grammar:

* :func:`find_candidates` scans raw text for spans that *may* name a calendar day, month or
  year ("on Friday", "by April 26", "last year", "2 August 2019", "the same day", ...). It is
  deliberately generous about form and strict about spelling: month and weekday names must be
  capitalised, so "may", "march" and "second" never start a candidate. Whether a candidate is
  really a date ("Theresa May", "resolution 2259", "2000 troops") is decided by the caller with
  the parse (``parley.nlp.rules.dates``).
* :func:`parse` turns one expression into a :class:`DateExpr`, and :func:`resolve_expr` /
  :func:`resolve` turn that into an ISO value (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) given
  the publication date, a tense hint from the verb, and optionally an anchor date for
  expressions such as "the following day".

Durations ("two years", "within 24 hours"), times of day, weeks, decades and seasons are not
calendar days, months or years here: :func:`parse` returns ``None`` for them.

The package: :mod:`~parley.temporal.expressions` (types, calendar words, candidate grammar),
:mod:`~parley.temporal.parsing`, :mod:`~parley.temporal.resolution`,
:mod:`~parley.temporal.timex_grammar` (every other TIMEX3), :mod:`~parley.temporal.periods`
(durations and deadlines) and :mod:`~parley.temporal.timex_values`.
"""

from __future__ import annotations

from parley.temporal.expressions import (
    CANDIDATE_RE,
    MAX_YEAR,
    MIN_YEAR,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PREPOSITIONS,
    WEEKDAYS,
    Candidate,
    DateExpr,
    Direction,
    Kind,
    Precision,
    Tense,
    find_candidates,
    prepositions,
)
from parley.temporal.parsing import parse
from parley.temporal.periods import (
    add_duration,
    deadline,
    duration_value,
    iso_week,
    period_end,
    quarter_of,
)
from parley.temporal.resolution import resolve, resolve_expr
from parley.temporal.timex_grammar import Timex, TimexType, TimexValue, find_timexes
from parley.temporal.timex_values import easter, holiday_date, resolve_timex

__all__ = [
    "CANDIDATE_RE",
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NUMBER_WORDS",
    "PREPOSITIONS",
    "WEEKDAYS",
    "Candidate",
    "DateExpr",
    "Direction",
    "Kind",
    "Precision",
    "Tense",
    "Timex",
    "TimexType",
    "TimexValue",
    "add_duration",
    "deadline",
    "duration_value",
    "easter",
    "find_candidates",
    "prepositions",
    "find_timexes",
    "holiday_date",
    "iso_week",
    "parse",
    "period_end",
    "quarter_of",
    "resolve",
    "resolve_expr",
    "resolve_timex",
]
