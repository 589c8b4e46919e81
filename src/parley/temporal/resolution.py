"""A parsed calendar expression resolved to an ISO value against a reference date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from parley.temporal.expressions import DateExpr, Tense
from parley.temporal.parsing import parse, valid_year

# --- resolution -----------------------------------------------------------------------------


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not valid_year(year):
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def pick_candidate(
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
FUTURE_WEIGHT = 1.5


def add_months(year: int, month: int, offset: int) -> tuple[int, int]:
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


@dataclass(frozen=True, slots=True)
class _Context:
    """What :func:`resolve_expr` was told besides the expression."""

    published: date | None
    tense: Tense | None
    anchor: date | None
    year_hint: date | None
    forward: bool


def _resolve(
    expr: DateExpr,
    published: date | None,
    tense: Tense | None,
    anchor: date | None,
    year_hint: date | None,
    forward: bool = False,
) -> str | None:
    resolver = _RESOLVERS.get(expr.kind)
    if resolver is None:  # pragma: no cover - every kind has a resolver
        return None
    return resolver(expr, _Context(published, tense, anchor, year_hint, forward))


def _past_unless_coming_clearly_nearer(options: list[tuple[int, str]], target: int) -> str | None:
    """With no tense, news names past days more often than coming ones: the last past option,
    unless a coming one is clearly nearer (then ``None``: the caller picks as usual)."""
    past = [o for o in options if o[0] <= target]
    coming = [o for o in options if o[0] > target]
    if past and coming:
        gap_ahead = min(coming)[0] - target
        if gap_ahead * FUTURE_WEIGHT > target - max(past)[0]:
            return max(past)[1]
    return None


# --- one resolver per kind -------------------------------------------------------------------


def _full(expr: DateExpr, ctx: _Context) -> str | None:
    assert expr.year is not None
    return _iso(expr.year, expr.month, expr.day)


def _year_month(expr: DateExpr, ctx: _Context) -> str | None:
    assert expr.year is not None
    return _iso(expr.year, expr.month)


def _year(expr: DateExpr, ctx: _Context) -> str | None:
    assert expr.year is not None
    return _iso(expr.year)


def _days_from(base: date | None, offset: int) -> str | None:
    return (base + timedelta(days=offset)).isoformat() if base else None


def _months_from(base: date | None, offset: int) -> str | None:
    if base is None:
        return None
    year, month = add_months(base.year, base.month, offset)
    return _iso(year, month)


def _years_from(base: date | None, offset: int) -> str | None:
    return _iso(base.year + offset) if base else None


def _anchor_day(expr: DateExpr, ctx: _Context) -> str | None:
    return _days_from(ctx.anchor, expr.offset)


def _anchor_month(expr: DateExpr, ctx: _Context) -> str | None:
    return _months_from(ctx.anchor, expr.offset)


def _anchor_year(expr: DateExpr, ctx: _Context) -> str | None:
    return _years_from(ctx.anchor, expr.offset)


def _month_day(expr: DateExpr, ctx: _Context) -> str | None:
    assert expr.month is not None and expr.day is not None
    year_hint = ctx.year_hint
    reference, use_tense = (year_hint, None) if year_hint else (ctx.published, ctx.tense)
    if reference is None:
        return None
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        iso = _iso(year, expr.month, expr.day)
        if iso:
            options.append((date.fromisoformat(iso).toordinal(), iso))
    if use_tense is None and not ctx.forward and not year_hint:
        # No tense: a coming day wins only when it is clearly nearer ("the Oct. 23 slaying"
        # in May is last October).
        past = _past_unless_coming_clearly_nearer(options, reference.toordinal())
        if past is not None:
            return past
    return pick_candidate(options, reference.toordinal(), use_tense, ctx.forward)


def _month(expr: DateExpr, ctx: _Context) -> str | None:
    assert expr.month is not None
    published = ctx.published
    if published is None:
        return None
    target = published.year * 12 + published.month
    options = [(y * 12 + expr.month, f"{y:04d}-{expr.month:02d}")
               for y in (published.year - 1, published.year, published.year + 1)]  # fmt: skip
    if expr.direction == "current":
        return f"{published.year:04d}-{expr.month:02d}"
    if expr.direction in ("strict_past", "strict_future"):
        # "last August" / "next March": never the current month.
        options = [o for o in options if o[0] != target]
    month_tense: Tense | None = ctx.tense
    if expr.direction is not None:
        month_tense = "past" if expr.direction in ("past", "strict_past") else "future"
    if month_tense is None and not ctx.forward:
        # No tense: as for month-days, a coming month must be clearly nearer to win.
        past = _past_unless_coming_clearly_nearer(options, target)
        if past is not None:
            return past
    return pick_candidate(options, target, month_tense, ctx.forward)


def _weekday(expr: DateExpr, ctx: _Context) -> str | None:
    assert expr.weekday is not None
    published = ctx.published
    if published is None:
        return None
    direction = expr.direction or ("future" if ctx.tense == "future" else "past")
    if direction in ("anchor_past", "anchor_future"):
        # "the previous Friday": the one before the day the text is on, else publication
        published = ctx.anchor or published
        direction = "strict_past" if direction == "anchor_past" else "strict_future"
    ahead = (expr.weekday - published.weekday()) % 7
    behind = (published.weekday() - expr.weekday) % 7
    delta = {
        "future": ahead,
        "strict_future": ahead or 7,
        "past": -behind,
        "strict_past": -(behind or 7),
    }[direction]
    return (published + timedelta(days=delta)).isoformat()


def _deictic(expr: DateExpr, ctx: _Context) -> str | None:
    return _days_from(ctx.published, expr.offset)


def _rel_month(expr: DateExpr, ctx: _Context) -> str | None:
    return _months_from(ctx.published, expr.offset)


def _rel_year(expr: DateExpr, ctx: _Context) -> str | None:
    return _years_from(ctx.published, expr.offset)


_RESOLVERS: dict[str, Callable[[DateExpr, _Context], str | None]] = {
    "full": _full,
    "year_month": _year_month,
    "year": _year,
    "anchor_day": _anchor_day,
    "anchor_month": _anchor_month,
    "anchor_year": _anchor_year,
    "month_day": _month_day,
    "month": _month,
    "weekday": _weekday,
    "deictic": _deictic,
    "rel_month": _rel_month,
    "rel_year": _rel_year,
}


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
