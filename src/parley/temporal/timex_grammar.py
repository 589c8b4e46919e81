"""Every other TIMEX3 (TimeML): the grammar and :func:`find_timexes`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from parley.lexicon import Lexicon
from parley.temporal.expressions import MONTHS, WEEKDAYS

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
class Grammar:
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


_GRAMMARS: dict[int, Grammar] = {}


def current_grammar() -> Grammar:
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
    patterns = _patterns(lex, units, numbers, ordinals, references, recurrences, parts, seasons,
                         holiday_names)  # fmt: skip
    modifiers = {w: m for w, m in lex.table("duration_modifiers") if m != "-"}
    anchors = _anchors(units, numbers, references, recurrences, parts, seasons, holiday_names)
    grammar = Grammar(units, numbers, ordinals, references, recurrences, parts, seasons,
                       modifiers, holidays, patterns, anchors)  # fmt: skip
    _GRAMMARS[id(lex)] = grammar
    return grammar


def _patterns(
    lex: Lexicon,
    units: dict[str, str],
    numbers: dict[str, int],
    ordinals: dict[str, int],
    references: dict[str, str],
    recurrences: dict[str, str],
    parts: dict[str, str],
    seasons: dict[str, tuple[str, int]],
    holiday_names: list[str],
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per kind of TimeML expression, built from the lexicon's words."""
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
    months = "|".join(m.capitalize() for m in MONTHS)
    weekdays = "|".join(d.capitalize() for d in WEEKDAYS)
    plural_parts = "|".join(p + "s" for p in ("morning", "afternoon", "evening", "night"))
    patterns: list[tuple[str, re.Pattern[str]]] = [
        # "the third quarter", "third-quarter", "the fiscal first quarter", "the first half"
        (
            "quarter",
            re.compile(
                rf"(?i:(?:the\s+)?(?:(?:company's|its|(?P<rel>this|last|next)\s+year's|the\s+year's|"
                # "the year-ago third quarter": that quarter a year back
                rf"(?:comparable\s+)?(?P<yback>year-ago|year-earlier)|"
                rf"(?P<year0>\d{{4}})(?:'s)?)\s+)?"
                rf"(?:fiscal\s+)?(?:(?P<ord>{ords})|(?P<pair>first|last)\s+two(?=\s+quarters\s+of\s)"
                # "the last half of 1989": "last" counts only before "of" a year
                rf"|(?P<ordlast>final|last(?=[\s-]+(?:quarter|half)\s+of\s+(?:\d{{4}}|this|last|next)\b)))"
                rf"[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarters|quarter|half|period)"
                rf"(?:\s+of\s+(?:(?P<year>(?:fiscal\s+)?\d{{4}})|(?P<rel2>this|last|next)\s+year))?)"
                rf"{end}"
            ),
        ),
        # "Q1", "Q3 2013", "1Q", "H2": business shorthand for quarters and halves
        (
            "quarter_code",
            re.compile(
                r"(?<![\w-])(?:(?P<letter>[QH])(?P<n>[1-4])|(?P<n2>[1-4])(?P<letter2>[QH]))"
                r"(?:\s+(?P<year>(?:19|20)\d\d)|['’](?P<yy>\d\d))?(?![\w-])"
            ),
        ),
        # "over the past decade": a length ("the last decade" is left out: the annotation
        # reads it as a decade or as a length)
        ("decade_length", re.compile(r"(?i:(?:the\s+)?past\s+(?P<unit>decade))(?![\w-])")),
        # "the quarter", "the latest quarter", "the year-ago quarter", "this quarter"; a year
        # back: "last year's quarter", "the same period last year", "the quarter a year ago"
        (
            "quarter_ref",
            re.compile(
                rf"(?i:(?P<det>the|this|that|last|next|(?P<lastyears>last\s+year['’]s))\s+"
                rf"(?:(?P<year0>\d{{4}})\s+)?(?:(?P<which>latest|current|recent|"
                rf"most\s+recent|comparable|previous|year-ago|year-earlier|comparable\s+year-ago|"
                rf"comparable\s+year-earlier|same|corresponding)\s+)?(?P<unit>quarter|period)"
                rf"(?P<back>\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?){end}"
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
        # "the current year", "for the full year", "the fiscal year ended June 30", "the year to
        # June"
        (
            "year_ref",
            re.compile(
                r"(?i:(?:(?<=\b(?P<pre>for)\s)|(?<=\b(?P<of>of)\s)|(?<=\b(?P<during>during)\s)"
                r"|(?<=\b(?P<throughout>throughout)\s))?the\s+(?:(?P<which>current\s+fiscal|"
                r"current|full|fiscal|past)\s+)?year(?=\s+(?P<ended>ended|ending|to(?=\s+"
                # "the year to June": a year's length ending then, British style
                rf"(?:{months})\b))\b)?)(?![\w'’-])"
            ),
        ),
        # "the end of the month", "the current month"
        ("month_ref", re.compile(r"(?i:the\s+(?P<current>current\s+)?month)(?![\w'’-])")),
        # "today is the eighth day of the strike", "the talks, now in their third day": the
        # day of the news
        (
            "ordinal_day",
            re.compile(
                rf"(?:(?<=\bis\s)|(?<=['’]s\s)|(?<=\benters\s)|(?<=\bin\s))(?i:(?:the|its|their)\s+"
                rf"(?P<ord>{_alts(ordinals)})\s+(?:straight\s+|consecutive\s+)?day)(?![\w-])"
            ),
        ),
        # "by year-end", "by year end", "by year's end": the end of the publication year
        (
            "year_end",
            re.compile(r"(?:(?<=\b(?P<since>since)\s))?(?i:year[-\s]end|year['’]s\s+end)(?![\w-])"),
        ),
        # "this summer", "last fall", "early spring", "the summer of 1998"
        (
            "season",
            re.compile(
                rf"(?i:(?:(?P<qual>early|late|mid)[\s-]+)?(?:(?P<det>this|last|next|the|this\s+past|"
                rf"this\s+coming)\s+)?(?P<season>{season_words})(?:\s+of\s+(?:(?P<year>\d{{4}})"
                # "the winter of nineteen ninety-four" (broadcast transcripts)
                rf"|(?P<hi>eighteen|nineteen)[\s-]+(?P<tens>{spoken_tens})(?:[\s-](?P<unit>{spoken_units}))?))?)"
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
                rf"{_alts(ordinals)})\s+)?century"
                # "an 11th century temple", "a 20th-century democrat": no article needed
                rf"|(?<![\w-])(?P<ord2>\d{{1,2}}(?:st|nd|rd|th))[\s-]century){end}"
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
                r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm)"
                r"(?![\w])|(?=\s+(?i:o'clock)))(?:\s+(?i:o'clock))?"
                r"|(?<![\w])(?P<noon>(?i:noon|midnight|midday))(?![\w])"
                r"|(?<![\w.:$])(?P<h2>1[0-2]|0?[1-9])(?::(?P<m2>[0-5]\d))?\s+in\s+the\s+"
                r"(?P<half>(?i:morning|afternoon|evening))(?![\w])"
                # the 24-hour clock: "19:00 local time", "at 14:30", "at 2100 GMT"; not a
                # restatement in brackets ("5 p.m. (2100 UTC)")
                r"|(?<![\w.:(])(?P<h3>[01]?\d|2[0-3]):(?P<m3>[0-5]\d)(?![\w:.,]\d|\s*(?i:[ap]\.?m\b))"
                r"(?=\s+(?:local\s+time|GMT|UTC)\b|(?<=\bat\s\d:\d\d)|(?<=\bat\s\d\d:\d\d))"
                r"|(?<=\bat\s)(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s+(?:GMT|UTC)\b)"
            ),
        ),
        # recurrences: "every Monday", "each year", "daily", "twice a week", "per year"
        (
            "set",
            re.compile(
                rf"(?:(?i:(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?P<what>{_alts(sing_units)}|"
                rf"quarter|weekend|{_alts(WEEKDAYS)}|{part_words})|(?P<rec>{rec_words})"
                rf"|(?P<times>once|twice|\d+\s+times|{num_word}\s+times)\s+(?:a|an|per)\s+"
                rf"(?P<unit>{_alts(sing_units)})"
                rf"|per\s+(?P<unit2>{_alts(sing_units)})"
                # "every two weeks", "every 10 days"
                rf"|every\s+(?P<count>\d+|{num_word}|few|several)\s+(?P<unit3>{_alts(plural_units)}))"
                # "each July": the month every year; "on Mondays", "Tuesday nights": the
                # weekday (and part of day) every week
                rf"|(?i:every|each)\s+(?P<month>{months})"
                rf"|(?P<wday>{weekdays})(?:s|\s+(?P<parts>{plural_parts}))"
                rf"|(?<=\b(?i:on|at)\s)(?P<weekends>(?i:weekends))){end}"  # "on weekends"
            ),
        ),
        # "six weeks ago": the week it points back to; "two weeks from now" ahead
        (
            "weeks_ago",
            re.compile(
                rf"(?i:(?P<num>{num})\s+weeks?\s+(?:ago|(?P<ahead>from\s+(?:now|today)))){end}"
            ),
        ),
        # durations: "30 days", "a 30-day ceasefire", "the first nine months", "24 hours"
        (
            "duration",
            re.compile(
                rf"(?i:(?:{approx}\s+)?{lead}?(?:(?P<num>{num})"
                rf"(?:\s*(?:to|-|–)\s*(?P<num2>{num}))?"  # "two to three weeks": the first
                rf"(?:\s+and\s+a\s+half|\s+(?P<frac>[13]/[24]))?[\s-]+"
                rf"|(?<=another\s)|(?<=additional\s)"  # "another year", "an additional year"
                # "half an hour", "a half-day"
                rf"|(?P<halfof>half\s+an?\s+|an?\s+half[\s-]|half-))"
                rf"(?:(?:more|trading|business|working)\s+)?"  # "two more weeks"
                # "quarters" but not "the first two quarters of 1990", the half-year
                rf"(?P<unit>{_alts(dur_units)}|quarters(?!\s+of\s+(?:fiscal\s+)?\d{{4}}))"
                rf"(?P<half>\s+and\s+a\s+half)?"
                rf"(?P<long>[\s-]long)?){end}"  # "a two-week-long strike"
            ),
        ),
        # vague durations: "a matter of days", "several years", "recent months", "for years"
        (
            "vague_duration",
            re.compile(
                rf"(?i:(?P<lead>a\s+matter\s+of|a\s+few|the\s+(?:past|last|next)\s+several|several|many|"
                rf"(?:a|the\s+(?:past|last|next))\s+couple\s+of|recent|"
                rf"the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|(?:the\s+)?coming|the\s+past|"
                rf"the\s+last|the\s+next|the\s+first\s+few|(?:for|in|within|over)(?=\s+(?:{_alts(plural_units)}))"
                # "in the weeks ahead"; "over the years"
                rf"|the(?=\s+(?:{_alts(plural_units)})\s+ahead\b)|(?<=\bover\s)the(?=\s+(?:years|decades)\b))"
                rf"\s+(?P<unit>{_alts(plural_units)}|quarters)(?P<ahead>\s+ahead)?){end}"
            ),
        ),
        # "a day-long meeting", "a yearlong inquiry", "a several-year tenure", "multiyear
        # contracts" ("months-long" is left out: vague and rarely marked)
        (
            "long_duration",
            re.compile(
                r"(?<![\w-])(?i:(?:an?\s+)?(?P<unit>day|week|month|year|decade|hour)-?long"
                r"|(?P<vague>several|multi)-?(?P<unit2>year|month|week|day))(?![\w-])"
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
    return tuple(patterns)


def _anchors(
    units: dict[str, str],
    numbers: dict[str, int],
    references: dict[str, str],
    recurrences: dict[str, str],
    parts: dict[str, str],
    seasons: dict[str, tuple[str, int]],
    holiday_names: list[str],
) -> dict[str, frozenset[str]]:
    """The words each pattern holds one of, with the kinds of the patterns that hold it."""
    tens_words = [w for w, v in numbers.items() if v in range(20, 100, 10)]
    # Every pattern holds one of these words: each pattern runs only in windows around its own.
    anchors: dict[str, set[str]] = {}

    def anchor(words: object, *kinds: str) -> None:
        for w in words:  # type: ignore[attr-defined]
            anchors.setdefault(str(w).split()[-1].lower(), set()).update(kinds)

    anchor(units, "duration", "vague_duration", "set", "week", "quarter", "quarter_ref",
           "weeks_ago", "long_duration")  # fmt: skip
    long_units = ("day", "week", "month", "year", "decade", "hour")
    anchor((u + "long" for u in long_units), "long_duration")
    anchor(("multiyear", "multimonth"), "long_duration")
    anchor(("quarter", "quarters", "half", "period"), "quarter", "quarter_ref")
    anchor(seasons, "season")
    anchor(parts, "part_of_day", "set")
    anchor(("tonight",), "part_of_day")
    anchor(("noon", "midnight", "midday", "o'clock", "morning", "afternoon", "evening"), "clock")
    anchor(recurrences, "set")
    anchor((*WEEKDAYS, "every", "each", "per", "times", "once", "twice"), "set")
    anchor((d + "s" for d in WEEKDAYS), "set")  # "on Mondays"
    anchor(references, "reference")
    anchor(("century",), "century")
    anchor(("eighteen", "nineteen", "thousand"), "spelled_year")
    anchor((w[:-1] + "ies" for w in tens_words), "spelled_year")
    anchor(("year",), "year_ref", "year_end")
    anchor(("month",), "month_ref")
    anchor(("day",), "ordinal_day")
    anchor(("decade",), "decade_length")
    anchor(("q", "h"), "quarter_code")  # _WORD reads "Q1" and "1Q" as "Q"
    anchor(("year's", "year’s"), "year_end")
    # the first word of a holiday's name: rarer than its last ("day")
    for name in holiday_names:
        first = _WORD.search(name.replace("’", "'"))
        if first is not None:
            anchors.setdefault(first.group().lower(), set()).add("holiday")
    return {w: frozenset(k) for w, k in anchors.items()}


_PREFER = {"quarter": 0, "quarter_ref": 1, "week": 1, "season": 2, "decade": 2, "century": 2,
           "part_of_day": 1, "clock": 2, "set": 1, "weeks_ago": 0, "duration": 3,
           "vague_duration": 3, "reference": 4, "holiday": 1, "year_ref": 2,
           "spelled_year": 1, "year_end": 1, "month_ref": 2,
           "ordinal_day": 1, "quarter_code": 1, "decade_length": 2,
           "long_duration": 2}  # fmt: skip


_WINDOW_BEFORE, _WINDOW_AFTER = 80, 40
_NUMERIC_KINDS = frozenset({"decade", "clock"})
_NO_KINDS: frozenset[str] = frozenset()
# A word, or (group 1) a form no word list holds: a decade ("1990s") or a clock ("9 a.m.",
# "14:30", "2100 GMT").
_WORD = re.compile(
    r"(\d0s|\d\s*[AaPp]\.?[Mm]\b|\d:[0-5]\d|\d{4}\s+(?:GMT|UTC)\b)|[A-Za-z]+(?:'[a-z]+)?"
)


def find_timexes(text: str) -> list[Timex]:
    """Spans of ``text`` shaped like the TimeML expressions the calendar grammar leaves out.

    Longer spans win over shorter ones they overlap; the result is in text order and its
    spans do not overlap. Whether each is really a time expression is the caller's call.
    """
    grammar = current_grammar()
    # Windows around the anchor words: most of an article holds none, and the patterns (with
    # their optional leading words) are slow to try at every position.
    anchors = grammar.anchors
    windows: dict[str, list[list[int]]] = {}
    for a in _WORD.finditer(text):
        if a.group(1) is not None:
            kinds: frozenset[str] = _NUMERIC_KINDS
        else:
            word = a.group().lower()
            kinds = anchors.get(word, _NO_KINDS)
            if not kinds and "'" in word:
                kinds = anchors.get(word.split("'")[0], _NO_KINDS)
            if not kinds:
                continue  # most words anchor nothing
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
