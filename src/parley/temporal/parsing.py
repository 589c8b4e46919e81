"""One calendar expression parsed into a :class:`DateExpr` (:func:`parse`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from parley import lexicon
from parley.temporal.expressions import (
    MAX_YEAR,
    MIN_YEAR,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    QUAL,
    WEEKDAYS,
    DateExpr,
    Direction,
    Kind,
    prepositions,
)

# --- parsing --------------------------------------------------------------------------------

_P_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_P_YEAR = r"(?P<year>\d{4})"
_QUALIFIER = rf"(?:{QUAL.replace('(?i:', '(?:')}[\s-]+)?"
_YEAR_ONLY = re.compile(rf"{_QUALIFIER}(?:(?:a|an|the)\s+)?{_P_YEAR}")
_WEEKDAY_FORM = re.compile(
    r"(?P<mod>\(next\)|the\s+(?:previous|preceding|following)|this\s+coming|this\s+past|next|last"
    r"|this|coming|past)?\s*"
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
_AGO = re.compile(r"(?P<n>\w+)\s+(?P<unit>day|month|year)s?\s+(?P<dir>ago|from\s+(?:now|today))")
_ANCHOR_KINDS: dict[str, Kind] = {"day": "anchor_day", "year": "anchor_year",
                                  "month": "anchor_month"}  # fmt: skip
_WEEKDAY_DIRECTIONS: dict[str, Direction] = {
    "(next)": "strict_future", "next": "strict_future", "this coming": "strict_future",
    "coming": "strict_future", "last": "strict_past", "this past": "strict_past",
    "past": "strict_past", "the previous": "anchor_past", "the preceding": "anchor_past",
    "the following": "anchor_future",
}  # fmt: skip


def _month_number(name: str) -> int | None:
    name = name.rstrip(".")
    return MONTHS.get_map().get(name) or MONTH_ABBREVIATIONS.get_map().get(name)


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _valid_day(month: int, day: int) -> bool:
    # 2000 is a leap year, so February 29 is accepted without a year and checked once one is known.
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


def _modifier(m: re.Match[str]) -> str | None:
    return re.sub(r"\s+", " ", m["mod"]) if m["mod"] else None


# --- one builder per form: the match of the form's pattern gives the expression (or None) ---


def _full(m: re.Match[str]) -> DateExpr | None:
    year, month, day = int(m["year"]), _month_number(m["month"]), int(m["day"])
    if month is None and m["month"].isdigit():
        month = int(m["month"])
    if not month or not valid_year(year) or not 1 <= month <= 12:
        return None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return DateExpr("full", year=year, month=month, day=day)


def _month_day(m: re.Match[str]) -> DateExpr | None:
    month, day = _month_number(m["month"]), int(m["day"])
    if month is None or not _valid_day(month, day):
        return None
    return DateExpr("month_day", month=month, day=day)


def _year_month(m: re.Match[str]) -> DateExpr | None:
    month, year = _month_number(m["month"]), int(m["year"])
    if month is None or not valid_year(year):
        return None
    return DateExpr("year_month", year=year, month=month)


def _month(m: re.Match[str]) -> DateExpr | None:
    mod = _modifier(m)
    direction: Direction | None = _WEEKDAY_DIRECTIONS.get(mod) if mod else None
    if mod == "this":
        direction = "current"  # "this September": the publication year's
    return DateExpr("month", month=MONTHS[m["month"]], direction=direction)


def _year(m: re.Match[str]) -> DateExpr | None:
    year = int(m["year"])
    return DateExpr("year", year=year) if valid_year(year) else None


def _weekday(m: re.Match[str]) -> DateExpr | None:
    mod = _modifier(m)
    return DateExpr("weekday", weekday=WEEKDAYS[m["wd"]],
                    direction=_WEEKDAY_DIRECTIONS.get(mod) if mod else None)  # fmt: skip


def _deictic(m: re.Match[str]) -> DateExpr | None:
    return DateExpr("deictic", offset={"today": 0, "yesterday": -1, "tomorrow": 1}[m["word"]])


def _relative_unit(m: re.Match[str]) -> DateExpr | None:
    unit = m["unit"] or m["unit2"]
    offset = {"this": 0, "last": -1, "next": 1}.get(m["which"] or "this", 0)
    return DateExpr("rel_month" if unit == "month" else "rel_year", offset=offset)


def _ago(m: re.Match[str]) -> DateExpr | None:
    word = m["n"]
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if n is None or n > 1000:
        return None
    kind: Kind = {"day": "deictic", "month": "rel_month", "year": "rel_year"}[m["unit"]]  # type: ignore[assignment]
    return DateExpr(kind, offset=-n if m["dir"] == "ago" else n)  # "two years from now": ahead


_Builder = Callable[[re.Match[str]], DateExpr | None]


@dataclass(frozen=True, slots=True)
class _Forms:
    """The patterns that read the current lexicon's month names and prepositions."""

    lead: re.Pattern[str]
    lowercase_name: re.Pattern[str]
    forms: tuple[tuple[re.Pattern[str], _Builder], ...]
    anchored: dict[str, tuple[Kind, int]]


_FORMS: dict[int, _Forms] = {}


def _forms() -> _Forms:
    """The forms :func:`parse` tries, in order, built once per lexicon."""
    lex = lexicon.current()
    cached = _FORMS.get(id(lex))
    if cached is not None:
        return cached
    p_month = "(?P<month>" + "|".join(MONTHS) + "|" + "|".join(MONTH_ABBREVIATIONS) + r")\.?"
    p_wd = "(?:(?P<wd_prefix>" + "|".join(WEEKDAYS) + r"),?\s+)?"
    forms: list[tuple[re.Pattern[str], _Builder]] = [
        (re.compile(rf"{p_wd}(?:the\s+)?{_P_DAY}\s+(?:of\s+)?{p_month},?\s+{_P_YEAR}"), _full),
        (re.compile(rf"{p_wd}{p_month}\s+{_P_DAY},?\s+{_P_YEAR}"), _full),
        (re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"), _full),
        (re.compile(rf"{p_wd}(?:the\s+)?{_P_DAY}\s+(?:of\s+)?{p_month}"), _month_day),
        (re.compile(rf"{p_wd}{p_month}\s+{_P_DAY}"), _month_day),
        (re.compile(rf"{_QUALIFIER}{p_month},?\s+(?:of\s+)?{_P_YEAR}"), _year_month),
        (
            re.compile(
                rf"(?:(?P<mod>this\s+coming|this\s+past|next|last|this|coming|past)\s+)?"
                rf"{_QUALIFIER}(?P<month>{'|'.join(MONTHS)})"
            ),
            _month,
        ),
        (_YEAR_ONLY, _year),
        (_WEEKDAY_FORM, _weekday),
        (_DEICTIC, _deictic),
        (_REL_UNIT, _relative_unit),
        (_AGO, _ago),
    ]
    lead = re.compile(
        r"^(?:(?:back|as\s+of|starting|beginning)\s+)?(?:(?:" + "|".join(prepositions()) + r")\s+)?"
    )
    lowercase_name = re.compile(r"\b(?:" + "|".join([*MONTHS, *WEEKDAYS]) + r")\b")
    anchored: dict[str, tuple[Kind, int]] = {
        phrase: (_ANCHOR_KINDS[unit], int(offset))
        for phrase, unit, offset in lex.table("calendar_anchor_phrases")
    }
    built = _Forms(lead, lowercase_name, tuple(forms), anchored)
    _FORMS[id(lex)] = built
    return built


def _normalise(expression: str, lead: re.Pattern[str]) -> str:
    text = expression.strip().lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"\s+", " ", text)
    return lead.sub("", text, count=1).strip(" ,.;:")


def _fixed_phrase(text: str, anchored: dict[str, tuple[Kind, int]]) -> DateExpr | None:
    """ "the day before yesterday", "the following day", "that year": phrases read whole."""
    if text in _DEICTIC_LONG:
        return DateExpr("deictic", offset=_DEICTIC_LONG[text])
    if text in anchored:
        kind, offset = anchored[text]
        return DateExpr(kind, offset=offset)
    return None


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
    forms = _forms()
    if forms.lowercase_name.search(expression):
        # "may", "march", "sunday" in lower case are words, not calendar names.
        return None
    text = _normalise(expression, forms.lead)
    if not text:
        return None
    # The first form that matches the whole text decides (a later form is not tried).
    for pattern, build in forms.forms:
        if m := pattern.fullmatch(text):
            return build(m)
    return _fixed_phrase(text, forms.anchored)
