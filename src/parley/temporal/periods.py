"""Durations, deadlines and period ends of TimeML values."""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.temporal.resolution import add_months
from parley.temporal.timex_grammar import Grammar


def parse_number(word: str, grammar: Grammar) -> float | None:
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
        # "for centuries": TempEval-3 writes the century unit C ("PXC"), as it writes P1E for
        # a decade and P2L for two millennia
        parts = [("X", "C" if unit == "CE" else unit)]
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
    date_part = "".join(a + u for a, u in parts if u in ("Y", "Q", "M", "W", "D", "DE", "CE", "C"))
    time_part = "".join(a + {"MIN": "M"}.get(u, u) for a, u in parts if u in ("H", "MIN", "S"))
    return "P" + date_part + ("T" + time_part if time_part else "")


_DURATION_RE = re.compile(r"P(?:(?P<n>[\d.]+)(?P<u>DE|CE|Y|Q|M|W|D)|T(?P<tn>[\d.]+)(?P<tu>H|M))")
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
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
        if months != int(months):
            return start + timedelta(days=round(months * 30.44))
        year, month = add_months(start.year, start.month, int(months))
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


def half_of(day: date) -> int:
    """1 for January to June, 2 for July to December."""
    return (day.month - 1) // 6 + 1
