"""The types of a calendar expression, its words, and the grammar of candidate spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from parley import lexicon

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
# "the previous Friday", "the following Monday": strictly before or after the anchor day
Direction = Literal[
    "past", "future", "strict_past", "strict_future", "current", "anchor_past", "anchor_future"
]


def _months(form: str) -> lexicon.WordMap[str, int]:
    def load(lex: lexicon.Lexicon) -> dict[str, int]:
        return {w: int(n) for w, n, f in lex.table("calendar_months") if f == form}

    return lexicon.WordMap(load, f"calendar_months:{form}")


#: Month names and their abbreviations (lower case) with the month's number, in file order
#: (``calendar_months.tsv``); lazy views of the current lexicon.
MONTHS = _months("name")
MONTH_ABBREVIATIONS = _months("abbreviation")
WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
#: Counts written as words in "two years ago" (``calendar_ago_numbers.tsv``).
NUMBER_WORDS = lexicon.table_map("calendar_ago_numbers", "word", "value", int)

#: Years accepted as calendar years (older numbers are rarely years in news; later ones are codes).
MIN_YEAR, MAX_YEAR = 1000, 2100

#: Prepositions kept in a mention's text when they introduce it ("on Friday", "in 2022"), as a
#: lazy set (``calendar_prepositions.txt``); :func:`prepositions` gives them in file order.
PREPOSITIONS = lexicon.word_set("calendar_prepositions")


def prepositions() -> tuple[str, ...]:
    """The prepositions of :data:`PREPOSITIONS` in file order (for regular expressions)."""
    return lexicon.ordered("calendar_prepositions")


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
QUAL = r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_WD_MOD = r"(?:\(next\)|(?i:this\s+coming|this\s+past|next|last|this|coming|past|early|late))"
_NUM_WORD = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
# A day or year number must not run on into more digits, a decimal, a thousands group or a clock.
_END = r"(?![\w%]|[.,:]\d)"

# A new alternative must start with one of the prefixes of ``_STARTS`` below (see there).
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
    rf"(?:{QUAL}[\s-]+)?(?:{_MONTH_NAMES}),?\s+(?:of\s+)?{_YEAR}{_END}",
    # late July / mid-August / last August / this past December / March
    rf"(?:(?i:this\s+coming|this\s+past|next|last|this|coming|past)\s+)?"
    rf"(?:{QUAL}[\s-]+)?(?:{_MONTH_NAMES})\b",
    # (next) Thursday / this coming Friday / late Sunday night
    rf"(?:{_WD_MOD}\s*)?(?:{_WEEKDAY})(?:\s+{_TOD})?\b",
    # the previous Friday / the following Monday (not "the preceding Saturday, August 17")
    rf"(?i:the\s+(?:previous|preceding|following))\s+(?:{_WEEKDAY})"
    rf"(?!,?\s+(?:{_MONTH_DAYFORM}|\d))(?:\s+{_TOD})?\b",
    # the day before yesterday / early today / yesterday afternoon
    r"(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b",
    rf"(?:(?i:early|late)\s+)?(?i:today|yesterday|tomorrow)(?:\s+{_TOD})?\b",
    # last year / earlier this month / earlier in the month / early next year
    r"(?i:(?:(?:earlier|later|early|late)\s+)?(?:this|last|next)\s+(?:month|year))\b",
    r"(?i:(?:earlier|later)\s+in\s+the\s+(?:month|year))\b",
    # two years ago / a year from now
    rf"{_NUM_WORD}\s+(?i:days?|months?|years?)\s+(?i:ago|from\s+(?:now|today))\b",
    # the same day / the following day / the previous year
    r"(?i:(?:that\s+)?same\s+day|the\s+same\s+day|the\s+(?:following|next|previous|preceding)"
    r"\s+day|the\s+(?:following|previous|preceding)\s+(?:year|month)|the\s+day\s+(?:before|after)"
    r"|(?:earlier|later)\s+that\s+(?:day|month|year)|that\s+(?:month|year))\b",
    # mid-2020 / early 2020 / 2022 (last: the year alone is the weakest form)
    rf"(?:{QUAL}[\s-]+)?(?<![\w$€£#.,/]){_YEAR}{_END}",
]

# The first two characters every alternative can start with (a digit, "(next)", a month's or
# weekday's name, a word of the case-free forms), tested first: most positions of a text are
# rejected by this look-ahead at once instead of by each alternative in turn. It only skips
# positions where no alternative can match, so the matches are the same.
_STARTS = (
    r"(?=\d|\(n|Ja|Ju|Fe|Fr|Ma|Mo|Ap|Au|Se|Sa|Su|Oc|No|De|Tu|Th|We"
    r"|(?i:a\s|an|co|e[ail]|f[io]|la|mi|n[ei]|on|pa|s[aei]|t[ehow]|ye))"
)
# Inside a candidate, whitespace never crosses a line break: paragraphs do not share a date.
_CANDIDATE_BODY = (
    "|".join(f"(?:{alt})" for alt in _CANDIDATE_ALTERNATIVES)
    .replace(r"[\s-]", r"(?:\s|-)")
    .replace(r"\s", r"[^\S\n]")
)
CANDIDATE_RE = re.compile(f"{_STARTS}(?:{_CANDIDATE_BODY})")
_LEADING_WORD = re.compile(r"\b(\w+)\s+$")
# A word every candidate holds (a month or weekday name, a year, "today", "day", "month",
# "year"): the big pattern above runs only in windows around these, as most of a text holds none.
_CANDIDATE_ANCHOR = re.compile(
    rf"\b(?:{_MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|{_WEEKDAY})\b"
    r"|\b(?i:today|yesterday|tomorrow|days?|months?|years?)\b|(?<!\d)\d{4}(?!\d)"
)
_WINDOW_BEFORE, _WINDOW_AFTER, _LOOKAHEAD = 48, 40, 60


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name a calendar date; ``prep_start`` includes a leading preposition."""

    start: int
    end: int
    prep_start: int
    text: str


def _candidate_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``CANDIDATE_RE`` in ``text``, searched only near anchor words.

    Windows reach far enough before and after each anchor to hold any candidate around it, and
    the search reads past a window's end so that the lookaheads see the real text.
    """
    windows: list[list[int]] = []
    for a in _CANDIDATE_ANCHOR.finditer(text):
        lo, hi = max(0, a.start() - _WINDOW_BEFORE), a.end() + _WINDOW_AFTER
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    last_end = 0
    for lo, hi in windows:
        for m in CANDIDATE_RE.finditer(text, max(lo, last_end), hi + _LOOKAHEAD):
            if m.start() >= hi:
                break
            last_end = m.end()
            yield m


def find_candidates(text: str) -> list[Candidate]:
    """Spans of ``text`` shaped like calendar expressions, left to right, not overlapping.

    Year ranges ("1980–1987") give one candidate per year. A preposition directly before the
    expression (``PREPOSITIONS``) is reported through ``prep_start`` so callers can include it.
    """
    out: list[Candidate] = []
    for m in _candidate_matches(text):
        start, end = m.start(), m.end()
        prep_start = start
        before = _LEADING_WORD.search(text, max(0, start - 16), start)
        if before and before.end() == start and before.group(1).lower() in PREPOSITIONS:
            prep_start = before.start(1)
        out.append(Candidate(start, end, prep_start, m.group()))
    return out
