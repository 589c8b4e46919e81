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
]
Direction = Literal["past", "future", "strict_past", "strict_future"]

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
        if self.kind in ("year_month", "month", "rel_month"):
            return "month"
        return "year"

    @property
    def is_absolute(self) -> bool:
        """True when the expression resolves without a publication date."""
        return self.kind in ("full", "year_month", "year")

    @property
    def needs_anchor(self) -> bool:
        return self.kind in ("anchor_day", "anchor_year")


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
    r"\s+day|the\s+(?:following|previous|preceding)\s+year|the\s+day\s+(?:before|after))\b",
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
}  # fmt: skip
_ANCHORED_YEAR = {"the following year": 1, "the previous year": -1,
                  "the preceding year": -1}  # fmt: skip
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
        return DateExpr("month", month=MONTHS[m["month"]],
                        direction=_WEEKDAY_DIRECTIONS.get(mod) if mod else None)  # fmt: skip
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


def _pick(candidates: list[tuple[int, str]], target: int, tense: Tense | None) -> str | None:
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
    # Nearest; a tie goes to the past, which news reports more often than the future.
    return min(candidates, key=lambda c: (abs(c[0] - target), c[0] > target))[1]


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
    """
    try:
        return _resolve(expr, published, tense, anchor, year_hint)
    except (ValueError, OverflowError):
        # Out-of-range arithmetic near date.min/date.max: no calendar value, never an exception.
        return None


def _resolve(
    expr: DateExpr,
    published: date | None,
    tense: Tense | None,
    anchor: date | None,
    year_hint: date | None,
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
        return _pick(options, reference.toordinal(), use_tense)
    if published is None:
        return None
    if kind == "month":
        assert expr.month is not None
        target = published.year * 12 + published.month
        options = [(y * 12 + expr.month, f"{y:04d}-{expr.month:02d}")
                   for y in (published.year - 1, published.year, published.year + 1)]  # fmt: skip
        if expr.direction in ("strict_past", "strict_future"):
            # "last August" / "next March": never the current month.
            options = [o for o in options if o[0] != target]
        month_tense: Tense | None = tense
        if expr.direction is not None:
            month_tense = "past" if expr.direction in ("past", "strict_past") else "future"
        return _pick(options, target, month_tense)
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
