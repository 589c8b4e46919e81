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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "future"]
Precision = Literal["day", "month", "year"]
Kind = Literal[
    "full",  # explicit day, month and year
    "year_month",  # explicit month and year
    "year",  # explicit year
    "month_day",  # month and day, year inferred
    "month",  # bare month, year inferred
    "weekday",  # weekday, direction from modifier or tense
    "deictic",  # today / yesterday / tomorrow: days from the reference date
    "rel_month",  # this / last / next month
    "rel_year",  # this / last / next year
    "anchor_day",  # the same day / the following day: days from the anchor
    "anchor_year",  # the following year / the previous year: years from the anchor
    "anchor_month",  # that month / the following month: months from the anchor
]
Direction = Literal["past", "future", "strict_past", "strict_future", "current"]

MONTHS: dict[str, int] = {
    name: i + 1
    for i, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]  # fmt: skip
    )
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

#: Years accepted as calendar years (older numbers are rarely years in news; later ones are codes).
MIN_YEAR, MAX_YEAR = 1000, 2100

#: Prepositions kept in a mention's text when they introduce it ("on Friday", "in 2022").
PREPOSITIONS = ("on", "by", "in", "since", "until", "till", "from", "to", "for", "through",
                "during", "before", "after")  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateExpr:
    """The structure of one calendar expression, before resolution."""

    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0
    direction: Direction | None = None

    @property
    def precision(self) -> Precision:
        if self.kind in ("full", "month_day", "weekday", "deictic", "anchor_day"):
            return "day"
        if self.kind in ("year_month", "month", "rel_month", "anchor_month"):
            return "month"
        return "year"

    @property
    def is_absolute(self) -> bool:
        """True when the expression resolves without a publication date."""
        return self.kind in ("full", "year_month", "year")

    @property
    def needs_anchor(self) -> bool:
        return self.kind in ("anchor_day", "anchor_year", "anchor_month")


# --- the grammar ----------------------------------------------------------------------------

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_DAYFORM = rf"(?:{_MONTH_NAMES}|{_MONTH_ABBR})"  # abbreviations only next to a day number
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d{3}|20\d\d|2100)"
_TOD = r"(?i:morning|afternoon|evening|night|noon|midday)"
_QUAL = (
    r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
)
_WD_MOD = r"(?:\(next\)|(?i:this\s+coming|this\s+past|next|last|this|coming|past|early|late))"
_NUM_WORD = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
# A day or year number must not run on into more digits, a decimal, a thousands group or a clock.
_END = r"(?![\w%]|[.,:]\d)"

_CANDIDATE_ALTERNATIVES = [
    # 2 August 2019 / Friday, 2 August 2019 / the 2nd of August 2019
    rf"(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH_DAYFORM},?\s+{_YEAR}{_END}",
    # August 2, 2019 / Friday, August 2, 2019
    rf"(?:(?:{_WEEKDAY}),?\s+)?{_MONTH_DAYFORM}\s+{_DAYNUM},?\s+{_YEAR}{_END}",
    # ISO 2019-08-02
    rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]){_END}",
    # 2 August / Friday 18 April / the 2nd of August
    rf"(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?(?:{_MONTH_NAMES}){_END}",
    # August 2 / Friday, August 2 / Aug. 2
    rf"(?:(?:{_WEEKDAY}),?\s+)?{_MONTH_DAYFORM}\s+{_DAYNUM}{_END}",
    # March 2019 / mid-March 2019
    rf"(?:{_QUAL}[\s-]+)?(?:{_MONTH_NAMES}),?\s+(?:of\s+)?{_YEAR}{_END}",
    # late July / mid-August / last August / this past December / March
    rf"(?:(?i:this\s+coming|this\s+past|next|last|this|coming|past)\s+)?"
    rf"(?:{_QUAL}[\s-]+)?(?:{_MONTH_NAMES})\b",
    # (next) Thursday / this coming Friday / late Sunday night
    rf"(?:{_WD_MOD}\s*)?(?:{_WEEKDAY})(?:\s+{_TOD})?\b",
    # the day before yesterday / early today / yesterday afternoon
    r"(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b",
    rf"(?:(?i:early|late)\s+)?(?i:today|yesterday|tomorrow)(?:\s+{_TOD})?\b",
    # last year / earlier this month / earlier in the month / early next year
    r"(?i:(?:(?:earlier|later|early|late)\s+)?(?:this|last|next)\s+(?:month|year))\b",
    r"(?i:(?:earlier|later)\s+in\s+the\s+(?:month|year))\b",
    # two years ago
    rf"{_NUM_WORD}\s+(?i:days?|months?|years?)\s+(?i:ago)\b",
    # the same day / the following day / the previous year
    r"(?i:(?:that\s+)?same\s+day|the\s+same\s+day|the\s+(?:following|next|previous|preceding)"
    r"\s+day|the\s+(?:following|previous|preceding)\s+(?:year|month)|the\s+day\s+(?:before|after)"
    r"|(?:earlier|later)\s+that\s+(?:day|month|year)|that\s+(?:month|year))\b",
    # mid-2020 / early 2020 / 2022 (last: the year alone is the weakest form)
    rf"(?:{_QUAL}[\s-]+)?(?<![\w$€£#.,/]){_YEAR}{_END}",
]

# Inside a candidate, whitespace never crosses a line break: paragraphs do not share a date.
CANDIDATE_RE = re.compile(
    "|".join(f"(?:{alt})" for alt in _CANDIDATE_ALTERNATIVES)
    .replace(r"[\s-]", r"(?:\s|-)")
    .replace(r"\s", r"[^\S\n]")
)
_LEADING_WORD = re.compile(r"\b(\w+)\s+$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name a calendar date; ``prep_start`` includes a leading preposition."""

    start: int
    end: int
    prep_start: int
    text: str


def find_candidates(text: str) -> list[Candidate]:
    """Spans of ``text`` shaped like calendar expressions, left to right, not overlapping.

    Year ranges ("1980–1987") give one candidate per year. A preposition directly before the
    expression (``PREPOSITIONS``) is reported through ``prep_start`` so callers can include it.
    """
    out: list[Candidate] = []
    for m in CANDIDATE_RE.finditer(text):
        start, end = m.start(), m.end()
        prep_start = start
        before = _LEADING_WORD.search(text, max(0, start - 16), start)
        if before and before.end() == start and before.group(1).lower() in PREPOSITIONS:
            prep_start = before.start(1)
        out.append(Candidate(start, end, prep_start, m.group()))
    return out


# --- parsing --------------------------------------------------------------------------------

_P_MONTH = "(?P<month>" + "|".join(MONTHS) + "|" + "|".join(MONTH_ABBREVIATIONS) + r")\.?"
_P_WD = "(?:(?P<wd_prefix>" + "|".join(WEEKDAYS) + r"),?\s+)?"
_P_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_P_YEAR = r"(?P<year>\d{4})"

_FULL_FORMS = [
    re.compile(rf"{_P_WD}(?:the\s+)?{_P_DAY}\s+(?:of\s+)?{_P_MONTH},?\s+{_P_YEAR}"),
    re.compile(rf"{_P_WD}{_P_MONTH}\s+{_P_DAY},?\s+{_P_YEAR}"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
]
_MONTH_DAY_FORMS = [
    re.compile(rf"{_P_WD}(?:the\s+)?{_P_DAY}\s+(?:of\s+)?{_P_MONTH}"),
    re.compile(rf"{_P_WD}{_P_MONTH}\s+{_P_DAY}"),
]
_QUALIFIER = rf"(?:{_QUAL.replace('(?i:', '(?:')}[\s-]+)?"
_YEAR_MONTH = re.compile(rf"{_QUALIFIER}{_P_MONTH},?\s+(?:of\s+)?{_P_YEAR}")
_MONTH_ONLY = re.compile(
    rf"(?:(?P<mod>this\s+coming|this\s+past|next|last|this|coming|past)\s+)?"
    rf"{_QUALIFIER}(?P<month>{'|'.join(MONTHS)})"
)
_YEAR_ONLY = re.compile(rf"{_QUALIFIER}(?:(?:a|an|the)\s+)?{_P_YEAR}")
_WEEKDAY_FORM = re.compile(
    r"(?P<mod>\(next\)|this\s+coming|this\s+past|next|last|this|coming|past)?\s*"
    r"(?:(?:early|late)\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night|noon|midday))?"
)
_DEICTIC = re.compile(
    r"(?:(?:early|late)\s+)?(?P<word>today|yesterday|tomorrow)"
    r"(?:\s+(?:morning|afternoon|evening|night|noon|midday))?"
)
_DEICTIC_LONG = {"the day before yesterday": -2, "the day after tomorrow": 2}
_REL_UNIT = re.compile(
    r"(?:(?:earlier|later|early|late)\s+)?(?P<which>this|last|next)\s+(?P<unit>month|year)"
    r"|(?:earlier|later)\s+in\s+the\s+(?P<unit2>month|year)"
)
_AGO = re.compile(r"(?P<n>\w+)\s+(?P<unit>day|month|year)s?\s+ago")
_ANCHORED = {
    "the same day": 0, "that same day": 0, "same day": 0,
    "the following day": 1, "the next day": 1, "the day after": 1,
    "the previous day": -1, "the preceding day": -1, "the day before": -1,
    "earlier that day": 0, "later that day": 0,
}  # fmt: skip
_ANCHORED_YEAR = {"the following year": 1, "the previous year": -1,
                  "the preceding year": -1, "that year": 0, "earlier that year": 0,
                  "later that year": 0}  # fmt: skip
_ANCHORED_MONTH = {"the following month": 1, "the previous month": -1,
                   "the preceding month": -1, "that month": 0, "earlier that month": 0,
                   "later that month": 0}  # fmt: skip
_LEAD = re.compile(
    r"^(?:(?:back|as\s+of|starting|beginning)\s+)?(?:(?:" + "|".join(PREPOSITIONS) + r")\s+)?"
)
_WEEKDAY_DIRECTIONS: dict[str, Direction] = {
    "(next)": "strict_future", "next": "strict_future", "this coming": "strict_future",
    "coming": "strict_future", "last": "strict_past", "this past": "strict_past",
    "past": "strict_past",
}  # fmt: skip


_LOWERCASE_NAME = re.compile(r"\b(?:" + "|".join([*MONTHS, *WEEKDAYS]) + r")\b")


def _normalise(expression: str) -> str:
    text = expression.strip().lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"\s+", " ", text)
    return _LEAD.sub("", text, count=1).strip(" ,.;:")


def _month_number(name: str) -> int | None:
    name = name.rstrip(".")
    return MONTHS.get(name) or MONTH_ABBREVIATIONS.get(name)


def _valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _valid_day(month: int, day: int) -> bool:
    # 2000 is a leap year, so February 29 is accepted without a year and checked once one is known.
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


def parse(expression: str) -> DateExpr | None:
    """The structure of a calendar expression, or ``None`` when it names no day, month or year.

    Leading prepositions ("on", "by", "in", "since", ...) and "back" are ignored, as are
    qualifiers that do not change the calendar unit ("early", "late", "mid-", "afternoon").
    Durations, times of day, weeks, decades and seasons give ``None``.

    Example:
        >>> parse("by April 26")
        DateExpr(kind='month_day', year=None, month=4, day=26, weekday=None, offset=0, \
direction=None)
    """
    if _LOWERCASE_NAME.search(expression):
        # "may", "march", "sunday" in lower case are words, not calendar names.
        return None
    text = _normalise(expression)
    if not text:
        return None
    for form in _FULL_FORMS:
        if m := form.fullmatch(text):
            year, month, day = int(m["year"]), _month_number(m["month"]), int(m["day"])
            if month is None and m["month"].isdigit():
                month = int(m["month"])
            if not month or not _valid_year(year) or not 1 <= month <= 12:
                return None
            try:
                date(year, month, day)
            except ValueError:
                return None
            return DateExpr("full", year=year, month=month, day=day)
    for form in _MONTH_DAY_FORMS:
        if m := form.fullmatch(text):
            month, day = _month_number(m["month"]), int(m["day"])
            if month is None or not _valid_day(month, day):
                return None
            return DateExpr("month_day", month=month, day=day)
    if m := _YEAR_MONTH.fullmatch(text):
        month, year = _month_number(m["month"]), int(m["year"])
        if month is None or not _valid_year(year):
            return None
        return DateExpr("year_month", year=year, month=month)
    if m := _MONTH_ONLY.fullmatch(text):
        mod = re.sub(r"\s+", " ", m["mod"]) if m["mod"] else None
        direction: Direction | None = _WEEKDAY_DIRECTIONS.get(mod) if mod else None
        if mod == "this":
            direction = "current"  # "this September": the publication year's
        return DateExpr("month", month=MONTHS[m["month"]], direction=direction)
    if m := _YEAR_ONLY.fullmatch(text):
        year = int(m["year"])
        return DateExpr("year", year=year) if _valid_year(year) else None
    if m := _WEEKDAY_FORM.fullmatch(text):
        mod = re.sub(r"\s+", " ", m["mod"]) if m["mod"] else None
        return DateExpr("weekday", weekday=WEEKDAYS[m["wd"]],
                        direction=_WEEKDAY_DIRECTIONS.get(mod) if mod else None)  # fmt: skip
    if text in _DEICTIC_LONG:
        return DateExpr("deictic", offset=_DEICTIC_LONG[text])
    if m := _DEICTIC.fullmatch(text):
        return DateExpr("deictic", offset={"today": 0, "yesterday": -1, "tomorrow": 1}[m["word"]])
    if m := _REL_UNIT.fullmatch(text):
        unit = m["unit"] or m["unit2"]
        offset = {"this": 0, "last": -1, "next": 1}.get(m["which"] or "this", 0)
        return DateExpr("rel_month" if unit == "month" else "rel_year", offset=offset)
    if m := _AGO.fullmatch(text):
        word = m["n"]
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        if n is None or n > 1000:
            return None
        kind: Kind = {"day": "deictic", "month": "rel_month", "year": "rel_year"}[m["unit"]]  # type: ignore[assignment]
        return DateExpr(kind, offset=-n)
    if text in _ANCHORED:
        return DateExpr("anchor_day", offset=_ANCHORED[text])
    if text in _ANCHORED_YEAR:
        return DateExpr("anchor_year", offset=_ANCHORED_YEAR[text])
    if text in _ANCHORED_MONTH:
        return DateExpr("anchor_month", offset=_ANCHORED_MONTH[text])
    return None


# --- resolution -----------------------------------------------------------------------------


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not _valid_year(year):
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _pick(
    candidates: list[tuple[int, str]], target: int, tense: Tense | None, forward: bool = False
) -> str | None:
    """Choose among (ordinal, iso) candidates around ``target`` by tense, else the nearest."""
    if not candidates:
        return None
    if tense == "past":
        before = [c for c in candidates if c[0] <= target]
        if before:
            return max(before)[1]
    elif tense == "future":
        after = [c for c in candidates if c[0] >= target]
        if after:
            return min(after)[1]
    # Nearest; a tie goes to the past, which news reports more often than the future, unless
    # the expression ends a span still open ("by August").
    return min(candidates, key=lambda c: (abs(c[0] - target), (c[0] < target) if forward
                                          else (c[0] > target)))[1]  # fmt: skip


# How much farther a coming month-day may be than a past one and still lose to it, when no
# tense decides.
_FUTURE_WEIGHT = 1.5


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def resolve_expr(
    expr: DateExpr,
    published: date | None,
    *,
    tense: Tense | None = None,
    anchor: date | None = None,
    year_hint: date | None = None,
    forward: bool = False,
) -> str | None:
    """The ISO value of ``expr``.

    Args:
        expr: A parsed expression.
        published: The reference date (normally the publication date); relative expressions
            resolve to ``None`` without it.
        tense: ``"past"`` or ``"future"`` from the governing verb. Weekdays with no tense and no
            modifier look back (news mostly reports what happened); months and month-days with
            no tense take the occurrence nearest to ``published``.
        anchor: The day that "the same day" / "the following day" refer to.
        year_hint: A nearby date with an explicit year; a month-day without a year is placed
            nearest to it instead of to ``published`` ("on November 15, 2017 ... on November 21").
        forward: The expression ends a span still open ("extended to Nov. 20", "by August"):
            with no tense, a tie between a past and a future occurrence goes to the future.
    """
    try:
        return _resolve(expr, published, tense, anchor, year_hint, forward)
    except (ValueError, OverflowError):
        # Out-of-range arithmetic near date.min/date.max: no calendar value, never an exception.
        return None


def _resolve(
    expr: DateExpr,
    published: date | None,
    tense: Tense | None,
    anchor: date | None,
    year_hint: date | None,
    forward: bool = False,
) -> str | None:
    kind = expr.kind
    if kind == "full":
        assert expr.year is not None
        return _iso(expr.year, expr.month, expr.day)
    if kind == "year_month":
        assert expr.year is not None
        return _iso(expr.year, expr.month)
    if kind == "year":
        assert expr.year is not None
        return _iso(expr.year)
    if kind == "anchor_day":
        return (anchor + timedelta(days=expr.offset)).isoformat() if anchor else None
    if kind == "anchor_month":
        if anchor is None:
            return None
        year, month = _add_months(anchor.year, anchor.month, expr.offset)
        return _iso(year, month)
    if kind == "anchor_year":
        return _iso(anchor.year + expr.offset) if anchor else None
    if kind == "month_day":
        assert expr.month is not None and expr.day is not None
        reference, use_tense = (year_hint, None) if year_hint else (published, tense)
        if reference is None:
            return None
        options = []
        for year in (reference.year - 1, reference.year, reference.year + 1):
            iso = _iso(year, expr.month, expr.day)
            if iso:
                options.append((date.fromisoformat(iso).toordinal(), iso))
        if use_tense is None and not forward and not year_hint:
            # No tense: news names past days more often than coming ones, so a coming day
            # wins only when it is clearly nearer ("the Oct. 23 slaying" in May is last October).
            target = reference.toordinal()
            past_days = [o for o in options if o[0] <= target]
            coming_days = [o for o in options if o[0] > target]
            if past_days and coming_days:
                gap_ahead = min(coming_days)[0] - target
                if gap_ahead * _FUTURE_WEIGHT > target - max(past_days)[0]:
                    return max(past_days)[1]
        return _pick(options, reference.toordinal(), use_tense, forward)
    if published is None:
        return None
    if kind == "month":
        assert expr.month is not None
        target = published.year * 12 + published.month
        options = [(y * 12 + expr.month, f"{y:04d}-{expr.month:02d}")
                   for y in (published.year - 1, published.year, published.year + 1)]  # fmt: skip
        if expr.direction == "current":
            return f"{published.year:04d}-{expr.month:02d}"
        if expr.direction in ("strict_past", "strict_future"):
            # "last August" / "next March": never the current month.
            options = [o for o in options if o[0] != target]
        month_tense: Tense | None = tense
        if expr.direction is not None:
            month_tense = "past" if expr.direction in ("past", "strict_past") else "future"
        if month_tense is None and not forward:
            # No tense: as for month-days, a coming month must be clearly nearer to win.
            past_months = [o for o in options if o[0] <= target]
            coming_months = [o for o in options if o[0] > target]
            if past_months and coming_months:
                gap_ahead = min(coming_months)[0] - target
                if gap_ahead * _FUTURE_WEIGHT > target - max(past_months)[0]:
                    return max(past_months)[1]
        return _pick(options, target, month_tense, forward)
    if kind == "weekday":
        assert expr.weekday is not None
        direction = expr.direction or ("future" if tense == "future" else "past")
        ahead = (expr.weekday - published.weekday()) % 7
        behind = (published.weekday() - expr.weekday) % 7
        delta = {
            "future": ahead,
            "strict_future": ahead or 7,
            "past": -behind,
            "strict_past": -(behind or 7),
        }[direction]
        return (published + timedelta(days=delta)).isoformat()
    if kind == "deictic":
        return (published + timedelta(days=expr.offset)).isoformat()
    if kind == "rel_month":
        year, month = _add_months(published.year, published.month, expr.offset)
        return _iso(year, month)
    if kind == "rel_year":
        return _iso(published.year + expr.offset)
    return None  # pragma: no cover - every kind is handled above


def resolve(
    expression: str,
    published: date | None,
    *,
    tense: Tense | None = None,
    anchor: date | None = None,
    year_hint: date | None = None,
) -> str | None:
    """Parse and resolve ``expression``; ``None`` if it is no calendar date or cannot be placed.

    Example:
        >>> resolve("said on Friday".removeprefix("said "), date(2025, 4, 18), tense="past")
        '2025-04-18'
        >>> resolve("next Thursday", date(2025, 4, 18))
        '2025-04-24'
        >>> resolve("last year", None) is None
        True
    """
    expr = parse(expression)
    if expr is None:
        return None
    return resolve_expr(expr, published, tense=tense, anchor=anchor, year_hint=year_hint)


# --- every other TIMEX3 (TimeML): weeks, quarters, seasons, decades, references, durations,
# --- recurrences and times of day --------------------------------------------------------

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One TimeML expression found by :func:`find_timexes`, before the parse has judged it.

    ``kind`` names the grammar rule ("week", "quarter", "duration", ...); ``fields`` carries what
    the rule read (a number, a unit, a modifier), and :func:`resolve_timex` gives the value.
    """

    start: int
    end: int
    text: str
    kind: str
    fields: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.fields if k == key), None)


@dataclass(frozen=True, slots=True)
class TimexValue:
    """The TimeML reading of an expression: type, value, modifier, and the ISO ``value`` of the
    contract when it is a calendar day, month or year; ``deadline`` the last day it leaves."""

    type: TimexType
    timex: str
    mod: str | None = None
    value: str | None = None
    deadline: str | None = None


def _alts(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True, slots=True)
class _Grammar:
    units: dict[str, str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    references: dict[str, str]
    recurrences: dict[str, str]
    parts: dict[str, str]
    seasons: dict[str, tuple[str, int]]
    modifiers: dict[str, str]
    holidays: dict[str, str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    anchors: dict[str, frozenset[str]]


_GRAMMARS: dict[int, _Grammar] = {}


def _grammar() -> _Grammar:
    """The TimeML grammar, built from the current lexicon once per lexicon."""
    from parley import lexicon

    lex = lexicon.current()
    cached = _GRAMMARS.get(id(lex))
    if cached is not None:
        return cached
    units = {w: u for w, u in lex.table("time_units")}
    numbers = {w: int(v) for w, v in lex.table("timex_number_words")}
    ordinals = {w: int(v) for w, v in lex.table("ordinal_words")}
    references = {w: v for w, v in lex.table("time_references")}
    recurrences = {w: v for w, v in lex.table("time_recurrences")}
    parts = {w: v for w, v in lex.table("parts_of_day")}
    seasons = {w: (c, int(m)) for w, c, m in lex.table("seasons")}
    holidays = {re.sub(r"\s+", " ", n.lower()).replace("’", "'"): r
                for n, r in lex.table("timex_holidays")}  # fmt: skip
    holiday_names = [n for n, _ in lex.table("timex_holidays")]
    tens = [w for w, v in numbers.items() if v >= 20 and v % 10 == 0 and v < 100]
    small = [w for w, v in numbers.items() if 1 <= v <= 9 and w not in ("a", "an")]
    num_word = rf"(?:(?:{_alts(tens)})[\s-](?:{_alts(small)})|{_alts(numbers)})"
    num = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{num_word})"
    dur_units = [w for w, u in units.items() if u not in ("WE", "N", "S", "Q")]
    sing_units = [w for w in dur_units if not w.endswith("s") or w in ("hours",)]
    plural_units = [w for w in dur_units if w.endswith("s") or w == "centuries"]
    approx = rf"(?:{_alts(w for w, _ in lex.table('duration_modifiers'))})"
    lead = (
        rf"(?:the\s+(?:{_alts(lex.words('duration_determiners'))})\s+|the\s+"
        rf"|(?:past|last|next|first|another|an\s+additional)\s+)"
    )
    ords = _alts(w for w, v in ordinals.items() if v <= 4)
    season_words = _alts(seasons)
    part_words = _alts(parts)
    rec_words = _alts(recurrences)
    ref_words = _alts(references)
    tens_words = [w for w, v in numbers.items() if v in range(20, 100, 10)]
    spoken_tens = f"(?:{_alts(tens_words)})"
    spoken_decades = f"(?:{_alts(w[:-1] + 'ies' for w in tens_words)})"
    spoken_units = _alts(w for w, v in numbers.items() if 1 <= v <= 9 and w not in ("a", "an"))
    end = r"(?![\w-])"
    patterns: list[tuple[str, re.Pattern[str]]] = [
        # "the third quarter", "third-quarter", "the fiscal first quarter", "the first half"
        (
            "quarter",
            re.compile(
                rf"(?i:(?:the\s+)?(?:(?:company's|its|(?P<rel>this|last|next)\s+year's|the\s+year's|"
                rf"(?P<year0>\d{{4}})(?:'s)?)\s+)?"
                rf"(?:fiscal\s+)?(?P<ord>{ords})[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half|period)"
                rf"(?:\s+of\s+(?P<year>(?:fiscal\s+)?\d{{4}}))?){end}"
            ),
        ),
        # "the quarter", "the latest quarter", "the year-ago quarter", "this quarter"
        (
            "quarter_ref",
            re.compile(
                rf"(?i:(?P<det>the|this|that|last|next)\s+(?:(?P<year0>\d{{4}})\s+)?(?:(?P<which>latest|current|recent|"
                rf"most\s+recent|comparable|previous|year-ago|year-earlier|comparable\s+year-ago|"
                rf"comparable\s+year-earlier|same)\s+)?(?P<unit>quarter|period)){end}"
            ),
        ),
        # "last week", "this week", "the weekend", "earlier this week"
        (
            "week",
            re.compile(
                rf"(?i:(?:(?P<qual>earlier|later|early|late)\s+)?(?P<det>this|last|next|the|"
                rf"the\s+past|the\s+previous|the\s+following|the\s+coming|this\s+past|this\s+coming)"
                rf"\s+(?P<unit>week|weekend)){end}"
            ),
        ),
        # "the current year", "for the full year", "the fiscal year ended June 30"
        (
            "year_ref",
            re.compile(
                r"(?i:(?:(?<=\b(?P<pre>for)\s)|(?<=\b(?P<of>of)\s)|(?<=\b(?P<during>during)\s)"
                r"|(?<=\b(?P<throughout>throughout)\s))?the\s+(?:(?P<which>current\s+fiscal|"
                r"current|full|fiscal)\s+)?year(?=\s+(?P<ended>ended|ending)\b)?)(?![\w'’-])"
            ),
        ),
        # "this summer", "last fall", "early spring", "the summer of 1998"
        (
            "season",
            re.compile(
                rf"(?i:(?:(?P<qual>early|late|mid)[\s-]+)?(?:(?P<det>this|last|next|the|this\s+past|"
                rf"this\s+coming)\s+)?(?P<season>{season_words})(?:\s+of\s+(?P<year>\d{{4}}))?)"
                rf"(?P<yr2>\s+\d{{4}})?{end}"
            ),
        ),
        # spoken years (broadcast transcripts): "nineteen ninety-six", "January nineteen
        # ninety-seven", "the year two thousand"; spoken decades: "the nineties"
        (
            "spelled_year",
            re.compile(
                rf"(?:(?P<month>{'|'.join(m.capitalize() for m in MONTHS)})\s+)?"
                rf"(?i:(?P<hi>eighteen|nineteen)[\s-]+(?P<tens>{spoken_tens})(?:[\s-](?P<unit>{spoken_units}))?"
                rf"|the\s+year\s+(?P<y2k>two\s+thousand)(?:\s+and\s+(?P<unit2>{spoken_units}))?"
                rf"|the\s+(?:(?P<qual>early|mid|late)[\s-]+)?(?P<decade>{spoken_decades}))(?![\w-])"
            ),
        ),
        # "the 1990s", "the '80s", "the mid-1980s", "the 21st century", "this century"
        (
            "decade",
            re.compile(
                rf"(?i:(?:the\s+)?(?:(?P<qual>early|mid|late)[\s-]+)?)(?P<dec>(?:1[0-9]|20)\d0|')"
                rf"(?P<dd>\d0)?s{end}"
            ),
        ),
        (
            "century",
            re.compile(
                rf"(?i:(?P<det>the|this|last|next)\s+(?:(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|"
                rf"{_alts(ordinals)})\s+)?century){end}"
            ),
        ),
        # times of day: "this morning", "last night", "tonight", "3 p.m.", "10:35 a.m."
        (
            "part_of_day",
            re.compile(
                rf"(?i:(?P<det>this|last|yesterday|tomorrow|early\s+this|late\s+last|early|late)"
                rf"\s+(?P<part>{part_words})|(?P<tonight>tonight)"
                rf"|(?P<mid>mid)[\s-]?(?P<part2>morning|afternoon)"
                rf"|(?<=\b(?P<in>in)\s)the\s+(?P<part3>morning|afternoon|evening)(?!\s+of\b)){end}"
            ),
        ),
        (
            "clock",
            re.compile(
                r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)"
                r"(?![\w])|(?=\s+(?i:o'clock)))(?:\s+(?i:o'clock))?"
                r"|(?<![\w])(?P<noon>(?i:noon|midnight|midday))(?![\w])"
                r"|(?<![\w.:$])(?P<h2>1[0-2]|0?[1-9])(?::(?P<m2>[0-5]\d))?\s+in\s+the\s+"
                r"(?P<half>(?i:morning|afternoon|evening))(?![\w])"
            ),
        ),
        # recurrences: "every Monday", "each year", "daily", "twice a week", "per year"
        (
            "set",
            re.compile(
                rf"(?i:(?P<every>every|each)\s+(?:other\s+)?(?P<what>{_alts(sing_units)}|"
                rf"{_alts(WEEKDAYS)}|{part_words})|(?P<rec>{rec_words})"
                rf"|(?P<times>once|twice|\d+\s+times|{num_word}\s+times)\s+(?:a|an|per)\s+"
                rf"(?P<unit>{_alts(sing_units)})"
                rf"|per\s+(?P<unit2>{_alts(sing_units)})){end}"
            ),
        ),
        # "six weeks ago": the week it points back to
        ("weeks_ago", re.compile(rf"(?i:(?P<num>{num})\s+weeks?\s+ago){end}")),
        # durations: "30 days", "a 30-day ceasefire", "the first nine months", "24 hours"
        (
            "duration",
            re.compile(
                rf"(?i:(?:{approx}\s+)?{lead}?(?P<num>{num})(?:\s+and\s+a\s+half|\s+(?P<frac>[13]/[24]))?"
                rf"[\s-]+(?P<unit>{_alts(dur_units)})(?P<half>\s+and\s+a\s+half)?){end}"
            ),
        ),
        # vague durations: "a matter of days", "several years", "recent months", "for years"
        (
            "vague_duration",
            re.compile(
                rf"(?i:(?P<lead>a\s+matter\s+of|a\s+few|several|many|a\s+couple\s+of|recent|"
                rf"the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|the\s+past|"
                rf"the\s+last|the\s+next|the\s+first\s+few|(?:for|in|within|over)(?=\s+(?:{_alts(plural_units)})))"
                rf"\s+(?P<unit>{_alts(plural_units)})){end}"
            ),
        ),
        ("reference", re.compile(rf"(?<![\w-])(?i:{ref_words})(?![\w-])")),
        # "Thanksgiving Day", "last Christmas", "Easter": capitalised names of days
        (
            "holiday",
            re.compile(
                rf"(?:(?P<det>(?i:last|next|this))\s+)?"
                rf"(?P<name>{_alts(holiday_names).replace(chr(39), '[' + chr(39) + '’]')})"
                rf"(?P<week>\s+week(?:end)?)?{end}"
            ),
        ),
    ]
    modifiers = {w: m for w, m in lex.table("duration_modifiers") if m != "-"}
    # Every pattern holds one of these words: each pattern runs only in windows around its own.
    anchors: dict[str, set[str]] = {}

    def anchor(words: object, *kinds: str) -> None:
        for w in words:  # type: ignore[attr-defined]
            anchors.setdefault(str(w).split()[-1].lower(), set()).update(kinds)

    anchor(units, "duration", "vague_duration", "set", "week", "quarter", "quarter_ref",
           "weeks_ago")  # fmt: skip
    anchor(("quarter", "half", "period"), "quarter", "quarter_ref")
    anchor(seasons, "season")
    anchor(parts, "part_of_day", "set")
    anchor(("tonight",), "part_of_day")
    anchor(("noon", "midnight", "midday", "o'clock", "morning", "afternoon", "evening"), "clock")
    anchor(recurrences, "set")
    anchor((*WEEKDAYS, "every", "each", "per", "times", "once", "twice"), "set")
    anchor(references, "reference")
    anchor(("century",), "century")
    anchor(("eighteen", "nineteen", "thousand"), "spelled_year")
    anchor((w[:-1] + "ies" for w in tens_words), "spelled_year")
    anchor(("year",), "year_ref")
    # the first word of a holiday's name: rarer than its last ("day")
    for name in holiday_names:
        first = _WORD.search(name.replace("’", "'"))
        if first is not None:
            anchors.setdefault(first.group().lower(), set()).add("holiday")
    grammar = _Grammar(units, numbers, ordinals, references, recurrences, parts, seasons,
                       modifiers, holidays, tuple(patterns),
                       {w: frozenset(k) for w, k in anchors.items()})  # fmt: skip
    _GRAMMARS[id(lex)] = grammar
    return grammar


_PREFER = {"quarter": 0, "quarter_ref": 1, "week": 1, "season": 2, "decade": 2, "century": 2,
           "part_of_day": 1, "clock": 2, "set": 1, "weeks_ago": 0, "duration": 3,
           "vague_duration": 3, "reference": 4, "holiday": 1, "year_ref": 2,
           "spelled_year": 1}  # fmt: skip


_WINDOW_BEFORE, _WINDOW_AFTER = 80, 40
_NUMERIC_KINDS = frozenset({"decade", "clock"})
# A word, or (group 1) a form no word list holds: a decade ("1990s") or a clock ("9 a.m.").
_WORD = re.compile(r"(\d0s|\d\s*[AaPp]\.?[Mm]\b)|[A-Za-z]+(?:'[a-z]+)?")


def find_timexes(text: str) -> list[Timex]:
    """Spans of ``text`` shaped like the TimeML expressions the calendar grammar leaves out.

    Longer spans win over shorter ones they overlap; the result is in text order and its
    spans do not overlap. Whether each is really a time expression is the caller's call.
    """
    grammar = _grammar()
    # Windows around the anchor words: most of an article holds none, and the patterns (with
    # their optional leading words) are slow to try at every position.
    anchors = grammar.anchors
    windows: dict[str, list[list[int]]] = {}
    for a in _WORD.finditer(text):
        if a.group(1) is not None:
            kinds: frozenset[str] = _NUMERIC_KINDS
        else:
            kinds = anchors.get(a.group().lower(), frozenset())
        lo, hi = max(0, a.start() - _WINDOW_BEFORE), a.end() + _WINDOW_AFTER
        for kind in kinds:
            spans = windows.setdefault(kind, [])
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
    found: list[tuple[int, int, int, Timex]] = []
    seen: set[tuple[int, int, str]] = set()
    for kind, pattern in grammar.patterns:
        spans = windows.get(kind, [])
        for m in (m for lo, hi in spans for m in pattern.finditer(text, lo, hi)):
            if m.end() <= m.start() or (m.start(), m.end(), kind) in seen:
                continue
            seen.add((m.start(), m.end(), kind))
            fields = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            found.append((m.start(), m.end(), _PREFER[kind],
                          Timex(m.start(), m.end(), m.group(), kind, fields)))  # fmt: skip
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    for start, end, _, timex in found:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        out.append(timex)
    return sorted(out, key=lambda t: t.start)


def _number(word: str, grammar: _Grammar) -> float | None:
    word = re.sub(r"\s+", " ", word.lower().replace(",", ""))
    try:
        return float(word)
    except ValueError:
        pass
    if word in grammar.numbers:
        return grammar.numbers[word]
    parts = re.split(r"[\s-]", word)
    if len(parts) == 2 and parts[0] in grammar.numbers and parts[1] in grammar.numbers:
        return grammar.numbers[parts[0]] + grammar.numbers[parts[1]]
    return None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


# A fraction of a unit in the next smaller one: "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M.
_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
            "MIN": (60, "S")}  # fmt: skip


def duration_value(n: float | None, unit: str) -> str:
    """The TimeML value of ``n`` ``unit``s (``unit`` a code of time_units.tsv): ``P30D``,
    ``PT24H``, ``P2Y6M`` (2.5 years); ``n=None`` for an unknown number ("several days":
    ``PXD``). Counted decades and centuries are years, as TimeBank writes them ("two decades"
    = ``P20Y``)."""
    if n is not None and unit in ("DE", "CE"):
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    if n is None:
        parts = [("X", unit)]
    elif n == int(n) or unit not in _SMALLER:
        parts = [(_fmt(n), unit)]
    else:
        factor, smaller = _SMALLER[unit]
        rest = (n - int(n)) * factor
        parts = [(_fmt(float(int(n))), unit), (_fmt(round(rest, 2)), smaller)]
        if int(n) == 0:
            parts = parts[1:]
    if unit == "FN":
        return "PXW" if n is None else f"P{_fmt(2 * n)}W"
    date_part = "".join(a + u for a, u in parts if u in ("Y", "M", "W", "D", "DE", "CE"))
    time_part = "".join(a + {"MIN": "M"}.get(u, u) for a, u in parts if u in ("H", "MIN", "S"))
    return "P" + date_part + ("T" + time_part if time_part else "")


_DURATION_RE = re.compile(r"P(?:(?P<n>[\d.]+)(?P<u>DE|CE|Y|M|W|D)|T(?P<tn>[\d.]+)(?P<tu>H|M))")
_COMPOUND_RE = re.compile(
    r"P(?P<n>\d+)(?P<u>[YMWD])(?P<n2>\d+)(?P<u2>[MD])|PT?(?P<n3>\d+)H(?P<n4>\d+)M"
)


def add_duration(start: date, value: str) -> date | None:
    """``start`` plus a TimeML duration (``P30D``, ``P2W``, ``P6M``, ``P1Y``, ``PT48H``): the
    deadline "within 30 days" of ``start`` sets. ``None`` for a vague or unknown duration.

    Example:
        >>> add_duration(date(2025, 4, 18), "P30D")
        datetime.date(2025, 5, 18)
    """
    m = _DURATION_RE.fullmatch(value)
    if m is None:
        c = _COMPOUND_RE.fullmatch(value)
        if c is None:
            return None
        if c["n3"]:  # "5 1/2 hours": PT5H30M
            return add_duration(start, f"PT{int(c['n3']) * 60 + int(c['n4'])}M")
        first = add_duration(start, f"P{c['n']}{c['u']}")
        return add_duration(first, f"P{c['n2']}{c['u2']}") if first else None
    try:
        if m["tn"]:
            hours = float(m["tn"]) / (60 if m["tu"] == "M" else 1)
            return start + timedelta(days=int(-(-hours // 24)))
        n, unit = float(m["n"]), m["u"]
        if unit == "D":
            return start + timedelta(days=n)
        if unit == "W":
            return start + timedelta(weeks=n)
        months = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
        if months != int(months):
            return start + timedelta(days=round(months * 30.44))
        year, month = _add_months(start.year, start.month, int(months))
        day = min(start.day, _month_length(year, month))
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_length(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def deadline(published: date | None, expression_timex: str | None) -> str | None:
    """The ISO day a time limit ends: a duration ("within 30 days" = ``P30D``) counted from
    ``published``, or the last day of a week / month / quarter / year value
    ("by the end of the week" = ``2025-W16``). ``None`` when it cannot be placed.

    Example:
        >>> deadline(date(2025, 4, 18), "P30D")
        '2025-05-18'
        >>> deadline(date(2025, 4, 18), "2025-W16")
        '2025-04-20'
    """
    if not expression_timex:
        return None
    if expression_timex.startswith("P") and published is not None:
        day = add_duration(published, expression_timex)
        return day.isoformat() if day else None
    return period_end(expression_timex)


def period_end(value: str) -> str | None:
    """The last ISO day of a TimeML period value (year, month, day, week, weekend, quarter,
    half), or ``None``."""
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 7).isoformat()
        if m := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
            months = 3 if m[2] == "Q" else 6
            last = int(m[3]) * months
            return date(int(m[1]), last, _month_length(int(m[1]), last)).isoformat()
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return date(int(m[1]), int(m[2]), _month_length(int(m[1]), int(m[2]))).isoformat()
        if re.fullmatch(r"\d{4}", value):
            return f"{value}-12-31"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value
    except ValueError:
        return None
    return None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def resolve_timex(
    t: Timex,
    published: date | None,
    *,
    tense: Tense | None = None,
    last_quarter: tuple[int, int] | None = None,
    end_of: bool = False,
) -> TimexValue | None:
    """The TimeML reading of ``t`` against ``published`` (``None`` when it is none).

    ``tense`` orients "the weekend", "the summer" and bare quarters; ``last_quarter`` is the
    (year, quarter) the text last named, which "the year-ago quarter" counts back from;
    ``end_of`` says the text reads "the end of ...", where "the week" is the current one.
    Without a publication date, relative values keep ``X`` for what is unknown (``XXXX-WXX``).
    """
    grammar = _grammar()
    low = re.sub(r"\s+", " ", t.text.lower())
    kind = t.kind
    if kind == "reference":
        ref = grammar.references.get(low)
        return TimexValue("DATE", ref) if ref else None
    if kind in ("duration", "vague_duration"):
        return _resolve_duration(t, low, grammar, published)
    if kind == "set":
        return _resolve_set(t, grammar)
    if kind == "week":
        return _resolve_week(t, published, tense, end_of)
    if kind in ("quarter", "quarter_ref"):
        return _resolve_quarter(t, low, grammar, published, tense, last_quarter)
    if kind == "season":
        return _resolve_season(t, grammar, published, tense)
    if kind == "decade":
        return _resolve_decade(t, published)
    if kind == "century":
        return _resolve_century(t, grammar, published)
    if kind in ("part_of_day", "clock"):
        return _resolve_time(t, grammar, published)
    if kind == "holiday":
        return _resolve_holiday(t, grammar, published, tense)
    if kind == "spelled_year":
        return _resolve_spelled_year(t, grammar)
    if kind == "year_ref":
        return _resolve_year_ref(t, published, end_of)
    if kind == "weeks_ago":
        n = _number(t.get("num") or "", grammar)
        if n is None or n != int(n) or not 0 < n <= 520:
            return None
        if published is None:
            return TimexValue("DATE", "XXXX-WXX")
        return TimexValue("DATE", iso_week(published - timedelta(weeks=int(n))))
    return None


_MODS = {"early": "START", "late": "END", "mid": "MID", "earlier": None, "later": None}


def _resolve_duration(
    t: Timex, low: str, grammar: _Grammar, published: date | None
) -> TimexValue | None:
    unit_word = (t.get("unit") or "").lower()
    unit = grammar.units.get(unit_word)
    if unit is None or unit in ("WE", "N", "S", "Q"):
        return None
    if t.kind == "vague_duration":
        lead = re.sub(r"\s+", " ", (t.get("lead") or "").lower())
        return TimexValue("DURATION", duration_value(2 if lead == "a couple of" else None, unit))
    n = _number(t.get("num") or "", grammar)
    if n is None or n <= 0 or n > 10_000:
        return None
    if "and a half" in low:
        n += 0.5
    if frac := t.get("frac"):
        n += int(frac[0]) / int(frac[2])
    value = duration_value(n, unit)
    mod = next(
        (m for w, m in grammar.modifiers.items() if re.match(rf"{re.escape(w)}\s", low)), None
    )
    return TimexValue("DURATION", value, mod)


def _resolve_set(t: Timex, grammar: _Grammar) -> TimexValue | None:
    if rec := t.get("rec"):
        return TimexValue("SET", grammar.recurrences[rec.lower()])
    what = (t.get("what") or "").lower()
    if what in WEEKDAYS:
        return TimexValue("SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}")
    if what in grammar.parts:
        return TimexValue("SET", f"T{grammar.parts[what]}")
    unit = grammar.units.get(what or (t.get("unit") or t.get("unit2") or "").lower())
    if unit is None or unit in ("WE", "N", "S"):
        return None
    if unit == "Q":
        return TimexValue("SET", "P3M")
    return TimexValue("SET", duration_value(1, unit))


def _resolve_week(
    t: Timex, published: date | None, tense: Tense | None, end_of: bool = False
) -> TimexValue | None:
    det = re.sub(r"\s+", " ", (t.get("det") or "").lower())
    if det == "the" and end_of:
        det = "this"  # "by the end of the week": the current week
    unit = (t.get("unit") or "").lower()
    weekend = unit == "weekend"
    if det in ("the past", "the previous", "the following", "the coming") and not weekend:
        if det in ("the past",):
            return TimexValue("DURATION", "P1W")
        return None
    mod = _MODS.get((t.get("qual") or "").lower())
    if published is None:
        return TimexValue("DATE", "XXXX-WXX" + ("-WE" if weekend else ""), mod)
    if det in ("this", "the") and not weekend:
        if det == "the":
            return None  # "the week": which week, the text must say
        return TimexValue("DATE", iso_week(published), mod)
    if det in ("last", "this past", "the past", "the previous"):
        offset = -1
    elif det in ("next", "this coming", "the coming", "the following"):
        offset = 1
    else:
        offset = 0
    if weekend:
        saturday = published + timedelta(days=(5 - published.weekday()))
        if det in ("the", "this"):
            if tense == "past" and published.weekday() < 5:
                saturday -= timedelta(days=7)
        else:
            saturday += timedelta(weeks=offset)
            if offset < 0 and published.weekday() >= 5:
                saturday += timedelta(weeks=1)
        value = iso_week(saturday) + "-WE"
        return TimexValue("DATE", value, mod, deadline=(saturday + timedelta(days=1)).isoformat())
    week = published + timedelta(weeks=offset)
    return TimexValue("DATE", iso_week(week), mod, deadline=period_end(iso_week(week)))


def _resolve_quarter(
    t: Timex,
    low: str,
    grammar: _Grammar,
    published: date | None,
    tense: Tense | None,
    last_quarter: tuple[int, int] | None,
) -> TimexValue | None:
    unit = (t.get("unit") or "").lower()
    if t.kind == "quarter":
        n = grammar.ordinals.get((t.get("ord") or "").lower())
        half = unit == "half"
        if n is None or n > (2 if half else 4) or unit == "period":
            return None
        letter = "H" if half else "Q"
        if year_text := t.get("year") or t.get("year0"):
            year = int(year_text.split()[-1])
        elif published is None:
            return TimexValue("DATE", f"XXXX-{letter}{n}")
        else:
            current = quarter_of(published) if not half else (published.month - 1) // 6 + 1
            year = published.year
            rel = (t.get("rel") or "").lower()
            if rel in ("last", "next"):
                year += -1 if rel == "last" else 1
            elif n > current and tense != "future" and rel != "this":
                year -= 1
        return TimexValue("DATE", f"{year:04d}-{letter}{n}")
    det = (t.get("det") or "").lower()
    which = re.sub(r"\s+", " ", (t.get("which") or "").lower())
    if published is None:
        return TimexValue("DATE", "XXXX-QX")
    year, q = published.year, quarter_of(published)
    if (year0 := t.get("year0")) and unit == "quarter":
        # "the 1988 quarter": the quarter under discussion, in that year
        q = last_quarter[1] if last_quarter else (q - 2) % 4 + 1
        return TimexValue("DATE", f"{int(year0):04d}-Q{q}")
    if det == "this" or which == "current":
        pass
    elif det == "next":
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    elif det == "last" or which in ("latest", "recent", "most recent", "previous"):
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    elif "year-ago" in which or "year-earlier" in which:
        if last_quarter is None:
            return None
        year, q = last_quarter[0] - 1, last_quarter[1]
    elif unit == "period":
        return None
    elif last_quarter is not None:
        year, q = last_quarter
    else:
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    if unit == "period" and not (which == "latest" or "year-" in which):
        return None
    return TimexValue("DATE", f"{year:04d}-Q{q}")


def _resolve_year_ref(t: Timex, published: date | None, end_of: bool) -> TimexValue | None:
    """ "the current year", "for the full year", "the end of the year": the publication year;
    "the fiscal year ended June 30", "throughout the fiscal year": a year's length. A bare "the
    year" counts only after "for", "of" or "during" ("for the year, sales rose") or as "the end
    of the year"; the caller rejects "the year before", "the year of the dragon"."""
    which = re.sub(r"\s+", " ", (t.get("which") or "").lower())
    pre = (t.get("pre") or t.get("of") or t.get("during") or t.get("throughout") or "").lower()
    if t.get("ended") or pre == "throughout":
        return TimexValue("DURATION", "P1Y")
    if not which and not end_of and pre not in ("for", "of", "during"):
        return None
    if published is None:
        return TimexValue("DATE", "XXXX")
    year = f"{published.year:04d}"
    return TimexValue("DATE", year, value=year)


def _resolve_spelled_year(t: Timex, grammar: _Grammar) -> TimexValue | None:
    """ "nineteen ninety-six" = 1996, "January nineteen ninety-seven" = 1997-01, "the year two
    thousand" = 2000, "the nineties" = the decade 199."""
    nums = grammar.numbers
    if decade := t.get("decade"):
        tens = nums.get(decade.lower()[:-3] + "y")
        if tens is None:
            return None
        return TimexValue("DATE", f"19{tens // 10}", _MODS.get((t.get("qual") or "").lower()))
    if t.get("y2k"):
        year = 2000 + nums.get((t.get("unit2") or "zero").lower(), 0)
    else:
        hi = nums.get((t.get("hi") or "").lower())
        tens = nums.get((t.get("tens") or "").lower())
        if hi is None or tens is None:
            return None
        year = hi * 100 + tens + nums.get((t.get("unit") or "zero").lower(), 0)
    if month := t.get("month"):
        iso = f"{year:04d}-{MONTHS[month.lower()]:02d}"
        return TimexValue("DATE", iso, value=iso)
    return TimexValue("DATE", f"{year:04d}", value=f"{year:04d}")


def easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> date | None:
    """The day a holiday rule of timex_holidays.tsv gives in ``year`` (``None`` if malformed)."""
    if m := re.fullmatch(r"E([+-]\d+)", rule):
        return easter(year) + timedelta(days=int(m[1]))
    if m := re.fullmatch(r"(\d\d)-(\d\d)(?:>(\d))?", rule):
        day = date(year, int(m[1]), int(m[2]))
        if m[3] is not None:
            day += timedelta(days=(int(m[3]) - day.weekday()) % 7)
        return day
    return None


def _resolve_holiday(
    t: Timex, grammar: _Grammar, published: date | None, tense: Tense | None
) -> TimexValue | None:
    name = re.sub(r"\s+", " ", (t.get("name") or "").lower()).replace("’", "'")
    rule = grammar.holidays.get(name)
    if rule is None:
        return None
    det = (t.get("det") or "").lower()
    if published is None:
        day = holiday_date(rule, 2000)
        if day is None or not re.fullmatch(r"\d\d-\d\d", rule) or t.get("week"):
            return TimexValue("DATE", "XXXX-XX-XX")
        return TimexValue("DATE", f"XXXX-{day.month:02d}-{day.day:02d}")
    target = published.toordinal()
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        day = holiday_date(rule, year)
        if day is not None:
            options.append((day.toordinal(), day.isoformat()))
    if det == "last":
        options = [o for o in options if o[0] < target]
    elif det == "next":
        options = [o for o in options if o[0] > target]
    # Only a future tense or "next"/"last" orient a holiday: "ahead of Election Day" told in
    # the past is still the coming one in October. Otherwise the past one, unless the coming
    # one is clearly nearer (as for month-days); "Easter week" the nearest.
    use: Tense | None = "future" if tense == "future" and det != "this" else None
    if use is None and det not in ("last", "next") and not t.get("week"):
        past_days = [o for o in options if o[0] <= target]
        coming_days = [o for o in options if o[0] > target]
        if past_days and coming_days:
            gap_ahead = min(coming_days)[0] - target
            use = "past" if gap_ahead * _FUTURE_WEIGHT > target - max(past_days)[0] else "future"
    iso = _pick(options, target, use)
    if iso is None:
        return None
    if week := (t.get("week") or "").strip().lower():
        # "Easter week", "the Thanksgiving weekend": the week the day falls in
        suffix = "-WE" if week == "weekend" else ""
        return TimexValue("DATE", iso_week(date.fromisoformat(iso)) + suffix)
    return TimexValue("DATE", iso, value=iso)


def _resolve_season(
    t: Timex, grammar: _Grammar, published: date | None, tense: Tense | None
) -> TimexValue | None:
    word = (t.get("season") or "").lower()
    det = re.sub(r"\s+", " ", (t.get("det") or "").lower())
    code, start_month = grammar.seasons[word]
    mod = _MODS.get((t.get("qual") or "").lower())
    year_text = t.get("year") or (t.get("yr2") or "").strip()
    if year_text:
        return TimexValue("DATE", f"{int(year_text):04d}-{code}", mod)
    if not det and not mod:
        return None  # "fall", "spring" alone are too often words
    if word == "fall" and det == "the":
        return None  # "the fall of the city"
    if published is None:
        return TimexValue("DATE", f"XXXX-{code}", mod)
    year = published.year
    started = published.month >= start_month
    if det in ("last", "this past"):
        year = year if started and published.month >= start_month + 3 else year - 1
    elif det in ("next", "this coming"):
        year = year + 1 if started else year
    elif det == "the" and tense == "past" and not started:
        year -= 1
    elif det == "the" and tense == "future" and started and published.month >= start_month + 3:
        year += 1
    return TimexValue("DATE", f"{year:04d}-{code}", mod)


def _resolve_decade(t: Timex, published: date | None) -> TimexValue | None:
    dec = t.get("dec") or ""
    mod = _MODS.get((t.get("qual") or "").lower())
    if dec == "'":
        dd = t.get("dd")
        if dd is None:
            return None
        century = (published.year // 100) if published else None
        if century is None:
            return TimexValue("DATE", f"XX{dd[0]}", mod)
        value = f"{century:02d}{dd[0]}"
        if int(value + "0") > published.year:  # type: ignore[union-attr]
            value = f"{century - 1:02d}{dd[0]}"
        return TimexValue("DATE", value, mod)
    if len(dec) != 4 or t.get("dd"):
        return None
    return TimexValue("DATE", dec[:3], mod)


def _resolve_century(t: Timex, grammar: _Grammar, published: date | None) -> TimexValue | None:
    det = (t.get("det") or "").lower()
    ordinal = (t.get("ord") or "").lower()
    if ordinal:
        n = grammar.ordinals.get(ordinal)
        if n is None:
            digits = re.match(r"\d+", ordinal)
            n = int(digits.group()) if digits else None
        return TimexValue("DATE", f"{n - 1:02d}") if n else None
    if published is None or det not in ("this", "last", "next"):
        return None
    century = published.year // 100 + {"this": 0, "last": -1, "next": 1}[det]
    return TimexValue("DATE", f"{century:02d}")


def _resolve_time(t: Timex, grammar: _Grammar, published: date | None) -> TimexValue | None:
    day = "XXXX-XX-XX" if published is None else published.isoformat()
    if t.kind == "clock":
        if noon := t.get("noon"):
            suffix = "24:00" if noon.lower() == "midnight" else "12:00"
            return TimexValue("TIME", f"{day}T{suffix}")
        hour = int(t.get("h") or t.get("h2") or 0)
        ap = (t.get("ap") or "").lower().replace(".", "")
        if half := (t.get("half") or "").lower():  # "4 in the morning", "7 in the evening"
            ap = "am" if half == "morning" else "pm"
        if hour > 12 and ap:
            return None
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        return TimexValue("TIME", f"{day}T{hour:02d}:{t.get('m') or t.get('m2') or '00'}")
    if t.get("tonight"):
        return TimexValue("TIME", f"{day}TNI")
    det = re.sub(r"\s+", " ", (t.get("det") or "").lower())
    # "mid-afternoon", "in the morning": the day the article is on
    part = grammar.parts.get((t.get("part") or t.get("part2") or t.get("part3") or "").lower())
    if part is None or det in ("early", "late"):
        return None
    if published is not None and det in ("last", "yesterday", "late last"):
        day = (published - timedelta(days=1)).isoformat()
    elif published is not None and det == "tomorrow":
        day = (published + timedelta(days=1)).isoformat()
    return TimexValue("TIME", f"{day}T{part}")
