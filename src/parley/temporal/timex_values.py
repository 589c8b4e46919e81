"""The TimeML reading of a :class:`Timex` (:func:`resolve_timex`)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.temporal.expressions import MONTHS, WEEKDAYS, Tense
from parley.temporal.periods import (
    duration_value,
    half_of,
    iso_week,
    parse_number,
    period_end,
    quarter_of,
)
from parley.temporal.resolution import FUTURE_WEIGHT, pick_candidate
from parley.temporal.timex_grammar import Grammar, Timex, TimexValue, current_grammar


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
    grammar = current_grammar()
    low = re.sub(r"\s+", " ", t.text.lower())
    kind = t.kind
    if kind == "reference":
        ref = grammar.references.get(low)
        return TimexValue("DATE", ref) if ref else None
    if kind in ("duration", "vague_duration", "long_duration"):
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
    if kind == "quarter_code":
        return _resolve_quarter_code(t, published, tense)
    if kind == "decade_length":
        return TimexValue("DURATION", "P10Y")
    if kind in _PUBLICATION_RELATIVE:
        return _PUBLICATION_RELATIVE[kind](t, grammar, published, end_of)
    return None


def _resolve_ordinal_day(
    t: Timex, grammar: Grammar, published: date | None, end_of: bool
) -> TimexValue | None:
    """ "Today is the eighth day of the strike": the day of the news."""
    if published is None:
        return TimexValue("DATE", "XXXX-XX-XX")
    return TimexValue("DATE", published.isoformat(), value=published.isoformat())


def _resolve_month_ref(
    t: Timex, grammar: Grammar, published: date | None, end_of: bool
) -> TimexValue | None:
    # "the end of the month", "the current month": the publication month; a bare "the
    # month" ("the month before the vote") is another month
    if not (end_of or t.get("current")):
        return None
    if published is None:
        return TimexValue("DATE", "XXXX-XX")
    month = f"{published.year:04d}-{published.month:02d}"
    return TimexValue("DATE", month, value=month)


def _resolve_year_end(
    t: Timex, grammar: Grammar, published: date | None, end_of: bool
) -> TimexValue | None:
    if published is None:
        return TimexValue("DATE", "XXXX", "END")
    # "since year-end" looks back to the end of last year
    year = published.year - 1 if t.get("since") else published.year
    return TimexValue("DATE", f"{year:04d}", "END", f"{year:04d}")


def _resolve_weeks_ago(
    t: Timex, grammar: Grammar, published: date | None, end_of: bool
) -> TimexValue | None:
    n = parse_number(t.get("num") or "", grammar)
    if n is None or n != int(n) or not 0 < n <= 520:
        return None
    if published is None:
        return TimexValue("DATE", "XXXX-WXX")
    weeks = timedelta(weeks=int(n))
    return TimexValue("DATE", iso_week(published + weeks if t.get("ahead") else published - weeks))


#: Kinds read against the publication date alone, and their readers.
_PUBLICATION_RELATIVE = {
    "ordinal_day": _resolve_ordinal_day,
    "month_ref": _resolve_month_ref,
    "year_end": _resolve_year_end,
    "weeks_ago": _resolve_weeks_ago,
}


_MODS = {"early": "START", "late": "END", "mid": "MID", "earlier": None, "later": None}


def _resolve_duration(
    t: Timex, low: str, grammar: Grammar, published: date | None
) -> TimexValue | None:
    unit_word = (t.get("unit") or t.get("unit2") or "").lower()
    unit = grammar.units.get(unit_word)
    if unit is None or unit in ("WE", "N", "S") or (unit == "Q" and unit_word != "quarters"):
        return None  # a counted quarter is plural ("the past two quarters": P2Q)
    if t.kind == "long_duration":  # "day-long" P1D; "several-year", "multiyear" PXY
        vague = t.get("vague")
        return TimexValue("DURATION", duration_value(None if vague else 1, unit))
    if t.kind == "vague_duration":
        lead = re.sub(r"\s+", " ", (t.get("lead") or "").lower())
        if unit == "Q" and lead not in ("several", "a few", "many", "a couple of"):
            return None  # "coming quarters", "the past several quarters": TimeBank's references
        return TimexValue("DURATION", duration_value(2 if "couple of" in lead else None, unit))
    if t.get("halfof"):  # "half an hour" PT30M, "a half-day" PT12H, "half a year" P6M
        return TimexValue("DURATION", duration_value(0.5, unit))
    if t.get("num") is None:  # "another year", "an additional year"
        return TimexValue("DURATION", duration_value(1, unit))
    n = parse_number(t.get("num") or "", grammar)
    if n is None or n <= 0 or n > 10_000:
        return None
    if n == 1 and unit_word.endswith("s") and not t.get("frac") and "half" not in low:
        return None  # "a months-long search": the article, not a count
    if "and a half" in low:
        n += 0.5
    if frac := t.get("frac"):
        n += int(frac[0]) / int(frac[2])
    value = duration_value(n, unit)
    mod = next(
        (m for w, m in grammar.modifiers.items() if re.match(rf"{re.escape(w)}\s", low)), None
    )
    return TimexValue("DURATION", value, mod)


def _resolve_set(t: Timex, grammar: Grammar) -> TimexValue | None:
    if rec := t.get("rec"):
        return TimexValue("SET", grammar.recurrences[rec.lower()])
    if month := t.get("month"):  # "each July"
        return TimexValue("SET", f"XXXX-{MONTHS[month.lower()]:02d}")
    if wday := t.get("wday"):  # "on Mondays", "Tuesday nights"
        part = grammar.parts.get((t.get("parts") or "")[:-1].lower())
        day = f"XXXX-WXX-{WEEKDAYS[wday.lower()] + 1}"
        return TimexValue("SET", day + (f"T{part}" if part else ""))
    what = (t.get("what") or "").lower()
    if what == "weekend" or t.get("weekends"):  # "every weekend", "on weekends"
        return TimexValue("SET", "XXXX-WXX-WE")
    if what in WEEKDAYS:
        return TimexValue("SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}")
    if what in grammar.parts:
        return TimexValue("SET", f"XXXX-XX-XXT{grammar.parts[what]}")  # "every morning"
    unit = grammar.units.get(
        what or (t.get("unit") or t.get("unit2") or t.get("unit3") or "").lower()
    )
    if unit is None or unit in ("WE", "N", "S"):
        return None
    if count := t.get("count"):  # "every two weeks": P2W; "every few days": PXD
        if count.lower() in ("few", "several"):
            return TimexValue("SET", duration_value(None, unit)) if unit != "Q" else None
        n = parse_number(count, grammar)
        return TimexValue("SET", duration_value(n, unit)) if n and unit != "Q" else None
    step = 2 if t.get("other") else 1  # "every other day": P2D
    if what == "quarter":  # "every quarter" (TimeBank's P1Q)
        return TimexValue("SET", f"P{step}Q")
    return TimexValue("SET", duration_value(step, unit))


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
            # "for the week", "the week's most active session": a week of the publication
            # year the text does not pin down (TimeBank's YYYY-WXX)
            return TimexValue("DATE", f"{published.year:04d}-WXX", mod)
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
    grammar: Grammar,
    published: date | None,
    tense: Tense | None,
    last_quarter: tuple[int, int] | None,
) -> TimexValue | None:
    if t.kind == "quarter":
        return _resolve_counted_quarter(t, grammar, published, tense)
    return _resolve_quarter_ref(t, published, last_quarter)


def _resolve_counted_quarter(
    t: Timex, grammar: Grammar, published: date | None, tense: Tense | None
) -> TimexValue | None:
    """ "the third quarter", "the first half of 1998", "last year's fourth quarter"."""
    unit = (t.get("unit") or "").lower()
    half = unit == "half" or t.get("pair") is not None  # "the first two quarters" = H1
    n = _counted_period_number(t, grammar, unit, half)
    if n is None or n > (2 if half else 4) or unit == "period":
        return None
    letter = "H" if half else "Q"
    if year_text := t.get("year") or t.get("year0"):
        year = int(year_text.split()[-1])
    elif published is None:
        return TimexValue("DATE", f"XXXX-{letter}{n}")
    else:
        year = _counted_period_year(t, n, half, published, tense)
    return TimexValue("DATE", f"{year:04d}-{letter}{n}")


def _counted_period_number(t: Timex, grammar: Grammar, unit: str, half: bool) -> int | None:
    """Which quarter or half a counted period is: "the third quarter" 3, "the last half" 2,
    "the first two quarters" the first half; None for a count of quarters."""
    if pair := (t.get("pair") or "").lower():
        return 1 if pair == "first" else 2
    if t.get("ordlast"):
        return 2 if half else 4  # "the last half of 1989"
    return None if unit == "quarters" else grammar.ordinals.get((t.get("ord") or "").lower())


def _counted_period_year(t: Timex, n: int, half: bool, published: date, tense: Tense | None) -> int:
    """The year of a quarter or half written without one: the last such period up to
    publication, unless the verb or "next"/"last" looks elsewhere."""
    back = 1 if t.get("yback") else 0
    current = half_of(published) if half else quarter_of(published)
    year = published.year
    rel = (t.get("rel") or t.get("rel2") or "").lower()  # "the first half of next year"
    if rel in ("last", "next"):
        year += -1 if rel == "last" else 1
    elif n > current and (tense != "future" or back) and rel != "this":
        year -= 1
    elif n < current - 1 and tense == "future" and rel != "this" and not back:
        # "will open in the first quarter", told in the fourth: next year's; the quarter
        # just ended is still the one whose results are coming
        year += 1
    return year - back  # "the year-ago third quarter": the quarter last reported, a year back


def _resolve_quarter_code(
    t: Timex, published: date | None, tense: Tense | None
) -> TimexValue | None:
    """ "Q1" = the first quarter, "H2 2013" the second half, "1Q'13" the first quarter of 2013;
    without a year, the last such period up to publication unless the verb looks ahead."""
    letter = t.get("letter") or t.get("letter2") or "Q"
    n = int(t.get("n") or t.get("n2") or 0)
    if letter == "H" and n > 2:
        return None
    if year_text := t.get("year"):
        year = int(year_text)
    elif yy := t.get("yy"):
        year = 2000 + int(yy) if int(yy) < 50 else 1900 + int(yy)
    elif published is None:
        return TimexValue("DATE", f"XXXX-{letter}{n}")
    else:
        current = quarter_of(published) if letter == "Q" else half_of(published)
        year = published.year - (1 if n > current and tense != "future" else 0)
        year += 1 if n < current - 1 and tense == "future" else 0  # as for "the first quarter"
    return TimexValue("DATE", f"{year:04d}-{letter}{n}")


def _resolve_quarter_ref(
    t: Timex, published: date | None, last_quarter: tuple[int, int] | None
) -> TimexValue | None:
    """ "the quarter", "the latest quarter", "the year-ago quarter", "this quarter"."""
    unit = (t.get("unit") or "").lower()
    det = (t.get("det") or "").lower()
    which = re.sub(r"\s+", " ", (t.get("which") or "").lower())
    if published is None:
        return TimexValue("DATE", "XXXX-QX")
    year, q = published.year, quarter_of(published)
    if (year0 := t.get("year0")) and (unit == "quarter" or last_quarter):
        # "the 1988 quarter", "the 1988 period": the quarter under discussion, in that year
        q = last_quarter[1] if last_quarter else (q - 2) % 4 + 1
        return TimexValue("DATE", f"{int(year0):04d}-Q{q}")
    back = t.get("back") or t.get("lastyears")
    if "year-ago" in which or "year-earlier" in which or back:
        # "the year-ago quarter", "last year's quarter", "the same period last year"
        if last_quarter is None:
            return None
        year, q = last_quarter[0] - 1, last_quarter[1]
    elif det == "this" or which == "current":
        pass
    elif det == "next":
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    elif which in ("latest", "most recent") and last_quarter is not None:
        year, q = last_quarter  # the quarter the article reports (a fiscal one keeps its number)
    elif det == "last" or which in ("latest", "recent", "most recent", "previous"):
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    elif unit == "period":
        return None
    elif last_quarter is not None:
        year, q = last_quarter
    else:
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    if unit == "period" and not (which == "latest" or "year-" in which or back):
        return None
    return TimexValue("DATE", f"{year:04d}-Q{q}")


def _resolve_year_ref(t: Timex, published: date | None, end_of: bool) -> TimexValue | None:
    """ "the current year", "for the full year", "the end of the year": the publication year;
    "over the past year": the year before;
    "the fiscal year ended June 30", "throughout the fiscal year": a year's length. A bare "the
    year" counts only after "for", "of" or "during" ("for the year, sales rose") or as "the end
    of the year"; the caller rejects "the year before", "the year of the dragon"."""
    which = re.sub(r"\s+", " ", (t.get("which") or "").lower())
    pre = (t.get("pre") or t.get("of") or t.get("during") or t.get("throughout") or "").lower()
    if t.get("ended") or pre == "throughout":
        return TimexValue("DURATION", "P1Y")
    if not which and not end_of and pre not in ("for", "of", "during"):
        return None
    if which == "past" and pre == "for":
        return TimexValue("DURATION", "P1Y")  # "for the past year": a length
    if published is None:
        return TimexValue("DATE", "XXXX")
    # "in the past year", "over the past year": the year before publication (TimeBank)
    year = f"{published.year - 1 if which == 'past' else published.year:04d}"
    return TimexValue("DATE", year, value=year)


def _spoken_year(t: Timex, grammar: Grammar) -> int | None:
    """The year of the groups ``hi``, ``tens`` and ``unit``: "nineteen ninety-six" = 1996."""
    nums = grammar.numbers
    hi = nums.get((t.get("hi") or "").lower())
    tens = nums.get((t.get("tens") or "").lower())
    if hi is None or tens is None:
        return None
    return hi * 100 + tens + nums.get((t.get("unit") or "zero").lower(), 0)


def _resolve_spelled_year(t: Timex, grammar: Grammar) -> TimexValue | None:
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
    elif (spoken := _spoken_year(t, grammar)) is not None:
        year = spoken
    else:
        return None
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
    t: Timex, grammar: Grammar, published: date | None, tense: Tense | None
) -> TimexValue | None:
    name = re.sub(r"\s+", " ", (t.get("name") or "").lower()).replace("’", "'")
    rule = grammar.holidays.get(name)
    if rule is None:
        return None
    det = (t.get("det") or "").lower()
    if published is None:
        return _holiday_without_year(t, rule)
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
    iso = pick_candidate(options, target, _holiday_tense(t, det, tense, options, target))
    if iso is None:
        return None
    if week := (t.get("week") or "").strip().lower():
        # "Easter week", "the Thanksgiving weekend": the week the day falls in
        suffix = "-WE" if week == "weekend" else ""
        return TimexValue("DATE", iso_week(date.fromisoformat(iso)) + suffix)
    return TimexValue("DATE", iso, value=iso)


def _holiday_without_year(t: Timex, rule: str) -> TimexValue:
    """A holiday with no publication date: its month and day when fixed, else unknown."""
    day = holiday_date(rule, 2000)
    if day is None or not re.fullmatch(r"\d\d-\d\d", rule) or t.get("week"):
        return TimexValue("DATE", "XXXX-XX-XX")
    return TimexValue("DATE", f"XXXX-{day.month:02d}-{day.day:02d}")


def _holiday_tense(
    t: Timex, det: str, tense: Tense | None, options: list[tuple[int, str]], target: int
) -> Tense | None:
    """Only a future tense or "next"/"last" orient a holiday: "ahead of Election Day" told in
    the past is still the coming one in October. Otherwise the past one, unless the coming
    one is clearly nearer (as for month-days); "Easter week" the nearest."""
    use: Tense | None = "future" if tense == "future" and det != "this" else None
    if use is None and det not in ("last", "next") and not t.get("week"):
        past_days = [o for o in options if o[0] <= target]
        coming_days = [o for o in options if o[0] > target]
        if past_days and coming_days:
            gap_ahead = min(coming_days)[0] - target
            use = "past" if gap_ahead * FUTURE_WEIGHT > target - max(past_days)[0] else "future"
    return use


def _resolve_season(
    t: Timex, grammar: Grammar, published: date | None, tense: Tense | None
) -> TimexValue | None:
    word = (t.get("season") or "").lower()
    det = re.sub(r"\s+", " ", (t.get("det") or "").lower())
    code, start_month = grammar.seasons[word]
    mod = _MODS.get((t.get("qual") or "").lower())
    year_text = t.get("year") or (t.get("yr2") or "").strip()
    if year_text:
        return TimexValue("DATE", f"{int(year_text):04d}-{code}", mod)
    if (spoken := _spoken_year(t, grammar)) is not None:
        return TimexValue("DATE", f"{spoken:04d}-{code}", mod)
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
    if dec.endswith("00") and published is not None and int(dec) + 100 <= published.year:
        return TimexValue("DATE", dec[:2], mod)  # "the 1800s": the 19th century
    return TimexValue("DATE", dec[:3], mod)


def _resolve_century(t: Timex, grammar: Grammar, published: date | None) -> TimexValue | None:
    det = (t.get("det") or "").lower()
    ordinal = (t.get("ord") or t.get("ord2") or "").lower()
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


def _resolve_time(t: Timex, grammar: Grammar, published: date | None) -> TimexValue | None:
    day = "XXXX-XX-XX" if published is None else published.isoformat()
    if t.kind == "clock":
        return _resolve_clock(t, day)
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


def _first(t: Timex, *keys: str) -> str | None:
    """The first of the fields ``keys`` that the grammar read."""
    return next((v for k in keys if (v := t.get(k)) is not None), None)


def _resolve_clock(t: Timex, day: str) -> TimexValue | None:
    """ "3 p.m.", "noon", "4 in the morning", "14:30", "2100 GMT" on ``day``."""
    if noon := t.get("noon"):
        suffix = "24:00" if noon.lower() == "midnight" else "12:00"
        return TimexValue("TIME", f"{day}T{suffix}")
    hour = int(_first(t, "h", "h2", "h3", "h4") or 0)
    ap = (t.get("ap") or "").lower().replace(".", "")
    if half := (t.get("half") or "").lower():  # "4 in the morning", "7 in the evening"
        ap = "am" if half == "morning" else "pm"
    if hour > 12 and ap:
        return None
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    minute = _first(t, "m", "m2", "m3", "m4") or "00"
    return TimexValue("TIME", f"{day}T{hour:02d}:{minute}")
