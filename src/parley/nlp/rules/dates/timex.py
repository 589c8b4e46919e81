"""The TimeML expressions beyond calendar dates, judged with the parse, and the TimeML view of
the calendar mentions.

The pure grammar (:func:`parley.temporal.find_timexes`) proposes spans; here the parse rejects
names ("Current TV"), ages ("50 years old") and numbers that are not durations, gives the tense
that orients "the weekend" or "the summer", and links a limit to its deadline: "within 30 days"
of the publication date ends on a day, and "by the end of the week" on the week's last day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.doctext import doc_text
from parley.nlp.rules.dates.calendar import NAME_ENTS, governing_tense
from parley.nlp.rules.dates.year_ago import SEQUENCE_BEFORE, YEAR_AGO, YEAR_BACK
from parley.temporal import (
    WEEKDAYS,
    Tense,
    Timex,
    TimexValue,
    deadline,
    find_timexes,
    iso_week,
    period_end,
    prepositions,
    quarter_of,
    resolve_timex,
)
from parley.types import DateMention

_PREP_BEFORES: dict[int, re.Pattern[str]] = {}


def _prep_before() -> re.Pattern[str]:
    """A preposition that ends the text searched ("on ", "within "), built once per lexicon."""
    lex = lexicon.current()
    pattern = _PREP_BEFORES.get(id(lex))
    if pattern is None:
        pattern = re.compile(
            r"\b(" + "|".join((*prepositions(), "within", "over", "at")) + r")\s+$", re.I
        )
        _PREP_BEFORES[id(lex)] = pattern
    return pattern


_END_OF_BEFORE = re.compile(r"(?:by\s+|until\s+|before\s+)?(?:the\s+)?(?:end|close)\s+of\s+$",
                            re.I)  # fmt: skip
_LATER_IN = re.compile(r"(?i:\b(?:earlier|later|early|late)\s+in\s+)$")
_WEEK_FROM_ELSEWHERE = re.compile(r"\s+(?:of|before|after|earlier|later|ended|ending)\b", re.I)
_LENGTH_BEFORE_POINT = re.compile(r"\s+(?:later|after|before|earlier)\b", re.I)
_PART_OF = re.compile(
    r"\b(?:months|quarter|half|rest|part|end|start|beginning|balance|remainder|middle)\s+of\s+$"
)
_POSSESSIVE = re.compile(r"['’]s\b")
_TITLE_BEFORE = re.compile(r"(?:['’]s|[\"“'‘`]{1,2})\s*$")
_NEXT_WORD = re.compile(r"\s+(?:fiscal\s+)?([\w]+)")
_VAGUE_COUNTS = frozenset({"few", "several", "couple"})
_NAMED_DAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_TOD = re.compile(r"\b(morning|afternoon|evening|night)\b", re.I)


# Parts of day that stay a time of day after a weekday: "Thursday evening" is marked TEV in
# TimeBank and AQUAINT alike, while "Friday night" and "Friday morning" mostly name the day.
_WEEKDAY_PARTS = frozenset({"evening"})


def _day_part_is_time(text: str, tod: re.Match[str]) -> bool:
    """ "yesterday morning", "Thursday evening": a time of day; "Friday night": the day."""
    return not _NAMED_DAY.search(text) or tod.group(1).lower() in _WEEKDAY_PARTS


def annotate_calendar(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """Give each calendar mention its TimeML type and value, and its deadline after "by"."""
    parts = {row[0]: row[1] for row in lexicon.table("parts_of_day")}
    out = []
    for m in mentions:
        timex = m.value
        kind = "DATE"
        tod = _TOD.search(m.text)
        if tod and m.value and len(m.value) == 10 and _day_part_is_time(m.text, tod):
            kind, timex = "TIME", f"{m.value}T{parts[tod.group(1).lower()]}"
        limit = None
        if m.value and re.match(r"(?i)(by|until|till|before)\b", m.text):
            limit = period_end(m.value)
        out.append(replace(m, type=kind, timex=timex, deadline=limit))
    return out


def extract_other_timexes(
    doc: Doc, calendar: list[DateMention], *, published: date | None
) -> list[DateMention]:
    """Weeks, quarters, seasons, decades, references, durations, recurrences and clock times."""
    text = doc_text(doc)
    prep_before = _prep_before()
    taken = [(m.start, m.end) for m in calendar]
    out: list[DateMention] = []
    last_quarter: tuple[int, int] | None = None
    for t in find_timexes(text):
        prep = prep_before.search(text, max(0, t.start - 12), t.start)
        if _overlaps_calendar(t, taken, prep.start(1) if prep else t.start):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not _plausible(t, span, text):
            continue
        before = text[max(0, t.start - 30) : t.start]
        end_of = _END_OF_BEFORE.search(before)
        later_in = t.kind == "week" and _LATER_IN.search(before) is not None
        value = resolve_timex(
            t,
            published,
            tense=_timex_tense(t, span),
            last_quarter=last_quarter,
            # "later in the week", like "the end of the week", is the current one
            end_of=end_of is not None or later_in,
        )
        if value is None:
            continue
        if t.kind == "duration" and _someday(t, span):
            value = TimexValue("DATE", "FUTURE_REF")
        elif t.kind == "duration" and _one_day_point(t, span):
            continue  # "one day I was singing", "he hopes he one day follows": a day, no length
        if (t.kind == "part_of_day" and (t.get("part2") or t.get("part3"))) or t.kind == "clock":
            # "in the morning", "mid-afternoon" with no day of their own: the day last named
            value = _on_last_day(value, calendar, t.start)
        if t.kind in ("quarter_ref", "quarter"):
            value = _quarter_ended(t, value, calendar, text)
        if (
            t.kind in ("quarter", "quarter_code")
            and not t.get("yback")
            and re.fullmatch(r"\d{4}-Q\d", value.timex)
            and not (
                _ahead_of(value.timex, published)
                and not _REPORTED_AFTER.match(text, t.end)
                and _timex_tense(t, span) != "past"
            )
            and SEQUENCE_BEFORE.search(text, max(0, t.start - 40), t.start) is None
        ):
            # "losses through the second quarter of 1991", "into the fourth quarter" in a piece
            # of October 1989: an outlook, not the quarter "the year-ago period" or "the
            # quarter" refers back to ("its fourth quarter ended Sept. 30", "reported a drop in
            # fourth-quarter profit" in October: a fiscal quarter, over and reported)
            last_quarter = (int(value.timex[:4]), int(value.timex[-1]))
        mention = _timex_mention(t, value, text, before, end_of, published, prep_before)
        if t.kind == "quarter" and _named_by_apposition(out, mention, text):
            out[-1] = replace(out[-1], timex=mention.timex)
        out.append(mention)
    return out


_APPOSITION = re.compile(r"\s*,\s*")
_QUARTER = re.compile(r"\d{4}-Q\d")


def _named_by_apposition(out: list[DateMention], mention: DateMention, text: str) -> bool:
    """ "In the comparable year-ago quarter, the second quarter ended Oct. 31, ...": a quarter
    referred to and the counted quarter in apposition after it are one period, the one named."""
    if not out or not _QUARTER.fullmatch(mention.timex or ""):
        return False
    last = out[-1]
    return (
        _QUARTER.fullmatch(last.timex or "") is not None
        and re.search(r"(?i)\b(?:quarter|period)$", last.text) is not None
        and re.search(r"(?i)(?:first|second|third|fourth)[\s-]+quarter", last.text) is None
        and _APPOSITION.fullmatch(text, last.end, mention.start) is not None
    )


_REPORTED_AFTER = re.compile(r"\s+(?:ended|ending)\b")


def _ahead_of(quarter: str, published: date | None) -> bool:
    """True when the quarter ``YYYY-Qn`` has not ended by ``published``."""
    if published is None:
        return False
    end = period_end(quarter)
    return end is not None and date.fromisoformat(end) >= published


_ENDED_AFTER = re.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?$")


def _quarter_ended(
    t: Timex, value: TimexValue, calendar: list[DateMention], text: str
) -> TimexValue:
    """ "the quarter ended July 31": the calendar quarter that holds most of its three months
    (May to July: the second), not the quarter last named. A counted quarter ("the fourth
    quarter ended Sept. 30") is a fiscal one and keeps its number, in the year of its last day
    ("the second quarter ended Oct. 31" of last year); a year back keeps its own."""
    if not re.fullmatch(r"\d{4}-Q\d", value.timex) or YEAR_BACK.search(t.text) or t.get("back"):
        return value
    days = [
        m.value
        for m in calendar
        if t.end < m.start <= t.end + 16 and m.value and len(m.value) == 10
        and _ENDED_AFTER.match(text[t.end : m.start])
    ]  # fmt: skip
    day = days[0] if days else None
    if day is None:
        return value
    if t.kind == "quarter":
        # "the second quarter ended Oct. 31" (of last year): a counted quarter keeps its
        # number, fiscal or not, and takes the year its last day is in
        if t.get("year") or t.get("year0") or t.get("rel") or t.get("rel2"):
            return value
        return replace(value, timex=f"{day[:4]}{value.timex[4:]}")
    year, month = int(day[:4]), int(day[5:7]) - 1  # the middle month of the three
    if month == 0:
        year, month = year - 1, 12
    return replace(value, timex=f"{year:04d}-Q{quarter_of(date(year, month, 1))}")


def _someday(t: Timex, span: Span) -> bool:
    """ "could one day replace", "will one day be": a time to come, not a length of one day
    (a modal before, a verb after)."""
    doc = span.doc
    return (
        t.text.lower() == "one day"
        and span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].tag_ == "MD"
        and doc[span.end].pos_ in ("VERB", "AUX")
    )


def _one_day_point(t: Timex, span: Span) -> bool:
    """ "and one day Raju fell ill", "so, one day I was singing", "he one day follows": an
    unnamed day that opens a clause or stands before its verb, not a length of one day."""
    doc = span.doc
    if t.text.lower() != "one day" or span.end >= len(doc):
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end]
    opens = (
        prev is None
        or prev.is_punct
        or prev.is_sent_end
        or prev.lower_ in ("and", "so", "but", "then")
    )
    head = span.root.head
    if opens and any(c.dep_.startswith("nsubj") and c.i >= span.end for c in head.children):
        return True  # the subject of the clause it opens follows
    return (
        prev is not None
        and prev.pos_ in ("PRON", "PROPN")
        and prev.dep_.startswith("nsubj")
        and nxt.pos_ == "VERB"
    )


def _overlaps_calendar(t: Timex, taken: list[tuple[int, int]], outer: int) -> bool:
    """True when ``t`` overlaps a calendar mention, unless it is a quarter or season around it
    ("the third quarter of 1984", "this year's third quarter", "the spring of 2014": the
    quarter or season, not the year) or a spoken year after the month ("in January nineteen
    ninety-seven": that January, not the last one)."""
    overlapping = [(a, b) for a, b in taken if t.start < b and a < t.end]
    holds_year = (
        t.kind.startswith("quarter")
        or (t.kind == "season" and t.get("year"))
        or (t.kind == "set" and t.get("wday"))  # "on Tuesday nights": every Tuesday, not one
        or (t.kind == "spelled_year" and t.get("month"))  # "in January nineteen ninety-seven"
    )
    return bool(overlapping) and not (
        holds_year and all(outer <= a and b <= t.end for a, b in overlapping)
    )


def _timex_tense(t: Timex, span: Span) -> Tense | None:
    """The tense that orients "the weekend", "the summer", bare quarters and holidays."""
    if t.kind == "holiday":
        return governing_tense(span, "month_day")  # "celebrated Christmas" looks back
    kinds = ("week", "season", "quarter", "quarter_code")
    return governing_tense(span, "weekday") if t.kind in kinds else None


def _on_last_day(value: TimexValue, calendar: list[DateMention], position: int) -> TimexValue:
    day = _last_day_before(calendar, position)
    if day is not None and value.timex[10:11] == "T":
        return replace(value, timex=day + value.timex[10:])
    return value


def _timex_mention(
    t: Timex,
    value: TimexValue,
    text: str,
    before: str,
    end_of: re.Match[str] | None,
    published: date | None,
    prep_before: re.Pattern[str],
) -> DateMention:
    """The mention of ``t``: its text from a leading "the end of" or preposition, and the
    deadline it sets ("within 30 days", "by the end of the week")."""
    start = t.start
    limit = value.deadline if value.type == "DATE" else None
    if value.type == "DURATION" and _limit_before(before):
        limit = deadline(published, value.timex) if published else None
    if value.type == "DATE" and end_of:
        value = replace(value, mod=value.mod or "END")
        start = t.start - len(before) + end_of.start()
        limit = period_end(value.timex)
    elif not _POSSESSIVE.match(text, t.end) and (prep := prep_before.search(before)):
        # "after last week's vote": the preposition belongs to the vote, not to the week
        start = t.start - len(before) + prep.start(1)
    return DateMention(
        text[start : t.end],
        start,
        t.end,
        value.value,
        value.type,
        value.timex,
        value.mod,
        limit,
    )


def _last_day_before(calendar: list[DateMention], position: int) -> str | None:
    """The ISO day of the last calendar day named before ``position``: "On Monday, a main
    broke ... By 5 p.m. the city ..." is Monday's 5 p.m. however long the paragraph."""
    days = [m.value for m in calendar if m.end <= position and m.value and len(m.value) == 10]
    return days[-1] if days else None


def _limit_before(before: str) -> bool:
    """True when ``before`` ends with a word that makes a duration a time limit ("within")."""
    tail = re.sub(r"\s+", " ", before.lower()).rstrip()
    return any(tail.endswith(" " + w) or tail == w for w in lexicon.words("time_limit_words"))


def _blocked_after(after: str) -> bool:
    """True when ``after`` starts with a word that makes the duration an age or a point."""
    head = re.sub(r"\s+", " ", after.lower())
    for word in lexicon.words("duration_blockers"):
        probe = head if word.startswith(("-", "'")) else head.lstrip()
        if probe.startswith(word) and not probe[len(word) : len(word) + 1].isalnum():
            return True
    return False


def _counts_time(after: str) -> bool:
    """True when ``after`` starts with a number or a time unit ("two years", "year")."""
    m = _NEXT_WORD.match(after)
    if m is None:
        return False
    word = m.group(1).lower()
    return (
        word[0].isdigit()
        or word in _VAGUE_COUNTS
        or word in lexicon.column("timex_number_words", "word")
        or word in lexicon.column("time_units", "word")
    )


# Forms whose words are lower case in running text; written in title case inside a sentence
# they name a work.
_TITLE_KINDS = frozenset({"duration", "vague_duration", "reference", "week", "part_of_day"})


def _title_case(span: Span) -> bool:
    """True when the time word that heads the expression is capitalised inside a sentence
    written in lower case: "The Last Days", "a 60 Minutes interview", "Imus in the Morning"
    name a work. A headline in title case ("Truce Extended Until Next Week") is not one, nor a
    lone word a quotation may open ("Now")."""
    words = [tok for tok in span if tok.is_alpha]
    if not words or not words[-1].text[0].isupper():
        return False
    head = words[-1]
    if len(words) == 1 and not any(tok.like_num for tok in span):
        return False
    if head.i == head.sent.start or span[0].is_sent_start:
        return False
    if head.i > 0 and span.doc[head.i - 1].is_quote:
        return False
    return any(
        tok.is_alpha and tok.is_lower and len(tok) > 3
        for tok in span.sent
        if not span.start <= tok.i < span.end
    )


def _plausible(t: Timex, span: Span, text: str) -> bool:
    """The parse's veto: names, ages, points in time and adjectives of other things."""
    if any(tok.ent_type_ in NAME_ENTS for tok in span):
        return False
    if t.kind in _TITLE_KINDS and _title_case(span):
        return False  # "his debut The Last Days of Dolwyn", "on ABC's Next Week": a title
    veto = _PLAUSIBLE_BY_KIND.get(t.kind)
    return veto is None or veto(t, span, text, text[t.end : t.end + 20])


def _plausible_duration(t: Timex, span: Span, text: str, after: str) -> bool:
    if _blocked_after(after):
        # "40 years old", "two years ago": an age or a point, not a length. "Three days later",
        # "90 days after the vote": TimeML marks the length ("three days"), the point is the
        # event's; "a year earlier" stays the point year_ago_quarters reads.
        if t.kind not in ("duration", "vague_duration") or not _LENGTH_BEFORE_POINT.match(after):
            return False
        point = YEAR_AGO.match(text, t.start)
        return point is None or point.end() <= t.end
    if t.kind != "duration":
        return True
    if _AGED_BEFORE.search(text, max(0, t.start - 20), t.start):
        return False  # "youths aged 16 to 18 years", "children aged five years": an age
    if (t.get("unit") or "").lower() == "quarters" and re.match(r"\s+of\b", after):
        return False  # "three quarters of the shares": a fraction
    if (t.get("num") or "").lower() in ("a", "an") and span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.like_num or prev.pos_ in ("NOUN", "PROPN", "NUM") or prev.text in ("$", "%"):
            return False  # "four flights a week", "$500 million a year": a rate, not a length
    # "CBS's ''60 Minutes''", "on ''48 Hours''": a title, not a length
    return not (
        (t.get("unit") or "x")[0].isupper()
        and _TITLE_BEFORE.search(text, max(0, t.start - 8), t.start)
    )


_AGED_BEFORE = re.compile(r"(?i:\baged\s+(?:between\s+|from\s+)?)$")


def _plausible_week(t: Timex, span: Span, text: str, after: str) -> bool:
    if (t.get("det") or "").lower() == "the" and _WEEK_FROM_ELSEWHERE.match(after):
        return False  # "the week of March 6", "the week before the vote": another anchor
    # "ABC's This Week": a title
    return not (t.text.istitle() and not span.doc[span.start].is_sent_start)


def _plausible_year_ref(t: Timex, span: Span, text: str, after: str) -> bool:
    if (t.get("which") or "").lower().startswith("current"):
        return True  # "the current fiscal year that ends in June": the year whatever follows
    if re.match(
        r"[\s,]*(?:before|after|earlier|later|ago|of(?!\s*[$£€\d])|in\s+which|when|that|which|where|it|he|she"
        r"|they|we|i|you|in\s+review|'s|’s)\b",
        after,
    ):
        return False  # "the year before", "the year of the dragon": another year, or none
    if t.get("of") and not t.get("which"):
        # "the first nine months of the year", "the rest of the year"; not "person of the year"
        return _PART_OF.search(text, max(0, t.start - 30), t.start) is not None
    return True


def _plausible_set(t: Timex, span: Span, text: str, after: str) -> bool:
    # "a quarterly dividend", "the daily newspaper": a property of a thing; "on a daily basis"
    # is how often
    root = span.root
    if t.get("unit2") and span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.like_num or prev.pos_ in ("NOUN", "PROPN", "NUM") or prev.text in ("$", "%"):
            return False  # "120 miles per hour", "$15 per hour": a measure's rate, not a time
    if t.get("rec") and root.pos_ == "ADV" and span.start > 0 and _amount(span.doc[span.start - 1]):
        # "rise 8.5% annually", "10,000 units annually": an amount's rate, not a recurrence
        # ("protests filled the streets daily", "held here annually" stay)
        return False
    if t.get("rec") and root.pos_ == "NOUN" and re.match(r"\s+of\s+(?:\$|\d|\w+\s+cents)", after):
        return False  # "set its first quarterly of seven cents": the dividend itself
    return not (t.get("rec") and root.dep_ == "amod" and root.head.lower_ != "basis")


_AMOUNT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def _amount(tok: Token) -> bool:
    """True when ``tok`` ends an amount: "8.5%", "$17.9 million", "10,000 units"."""
    return (
        tok.like_num
        or tok.text in ("$", "%")
        or tok.ent_type_ in _AMOUNT_ENTS
        or (tok.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in tok.children))
    )


def _plausible_reference(t: Timex, span: Span, text: str, after: str) -> bool:
    if re.search(r"\b(?:Future|Past|Present)\b", t.text) and not span[0].is_sent_start:
        return False  # "Back to the Future", "Ghosts of the Past": a title
    if re.match(r"\s+of\b", after):
        return False  # "the future of the region": the thing, not the time
    if t.text.lower().endswith("past") and _counts_time(after):
        return False  # "the past two years": a duration, read elsewhere
    if t.text.lower() == "current" and _counts_time(after):
        return False  # "the current fiscal year": a period, not "now"
    if t.text == "Now" and span[0].is_sent_start and after.startswith(","):
        return False  # "Now, the question is ...": a turn in the argument, not the time
    word = span.root
    if word.text == "current" and word.pos_ == "NOUN":
        return False  # "an upward current", "the current flowing": a flow, not "now"
    return not (
        word.lower_ == "current"
        and word.dep_ == "amod"
        and word.head.lower_ in ("account", "accounts")
    )


def _plausible_quarter_code(t: Timex, span: Span, text: str, after: str) -> bool:
    """ "in Q1", "Q4 2023", "for H2": a period; "100% H2", "the Q1 button": not one."""
    if t.get("year") or t.get("yy"):
        return True
    prev = text[max(0, t.start - 12) : t.start]
    if (t.get("letter") or t.get("letter2")) == "H":
        return _PERIOD_CODE_BEFORE.search(prev) is not None
    return re.search(r"[\d%]\s*$", prev) is None


_OF_ANOTHER_PERIOD = re.compile(
    r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:current\s+|fiscal\s+|full\s+)*year\b)"
    r"(?:the\s+)?(?:[\w'’-]+\s+)?(?:decade|century|\d{2,4}s|['’]\d0s|[a-z]+ies)\b",
    re.I,
)


def _plausible_quarter(t: Timex, span: Span, text: str, after: str) -> bool:
    """ "the first half of the 20th century", "the last quarter of the 1990s": a part of the
    decade or century that follows, not a half or quarter of the publication year."""
    if t.get("year") or t.get("rel2"):
        return True
    if _sport_near(text, t.start, t.end):
        return False  # "scored twice in the second half": a part of the game
    # "the second half of the month", "the first half of its convention": a part of something
    # other than a year ("the third quarter of $2 million" is the amount of the quarter)
    return not (_OF_ANOTHER_PERIOD.match(text, t.end) or _OF_NO_YEAR.match(text, t.end))


def _sport_near(text: str, start: int, end: int) -> bool:
    """True when two different words of a sports report stand within 200 characters of the
    expression ("scored ... the match"); one alone ("games" of a video-game maker, a "goal" of
    a company) is not enough."""
    words = lexicon.words("timex_sport_words")
    window = text[max(0, start - 200) : end + 200].lower()
    return len(words.intersection(re.findall(r"[a-z]+(?:-[a-z]+)?", window))) >= 2


_OF_NO_YEAR = re.compile(
    r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+|that\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:current\s+|fiscal\s+|full\s+|calendar\s+|financial\s+)*(?:year|fiscal|['’]\d\d)\b|[$£€#\d])",
    re.I,
)


_PERIOD_CODE_BEFORE = re.compile(r"(?i:\b(?:in|for|during|of|by|through|until|the|its|their)\s+)$")


def _plausible_part_of_day(t: Timex, span: Span, text: str, after: str) -> bool:
    # "on the last night of the convention": the final one, not yesterday's
    det = (t.get("det") or "").lower()
    return not (det == "last" and re.search(r"(?i:\bthe\s+)$", text[max(0, t.start - 6) : t.start]))


def _plausible_clock(t: Timex, span: Span, text: str, after: str) -> bool:
    # "high noon", "the film High Noon": a showdown, not a time of day
    return not re.search(r"(?i:\bhigh\s+)$", text[max(0, t.start - 6) : t.start])


_PLAUSIBLE_BY_KIND: dict[str, Callable[[Timex, Span, str, str], bool]] = {
    "clock": _plausible_clock,
    "part_of_day": _plausible_part_of_day,
    "duration": _plausible_duration,
    "vague_duration": _plausible_duration,
    "week": _plausible_week,
    "year_ref": _plausible_year_ref,
    "set": _plausible_set,
    "reference": _plausible_reference,
    "quarter_code": _plausible_quarter_code,
    "quarter": _plausible_quarter,
}


_WEEK_OF_MONTH = re.compile(
    r"(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+)$"
)
_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def weeks_of_months(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """ "the first week of April", "the last week of February": the ISO week of that month
    that holds its 4th, 11th, 18th or 25th day (the last: its fourth day from the end), so
    most of the week lies in the month. ``mentions`` is sorted; the result is too."""
    text = doc_text(doc)
    out: list[DateMention] = []
    for m in mentions:
        lead = None
        if m.value and len(m.value) == 7 and m.text[:1].isupper():
            lead = _WEEK_OF_MONTH.search(text, max(0, m.start - 30), m.start)
        if lead is None or m.value is None:
            out.append(m)
            continue
        year, month = int(m.value[:4]), int(m.value[5:7])
        n = _WEEK_ORDINALS.get(lead.group("ord").lower())
        last = calendar.monthrange(year, month)[1]
        day = date(year, month, n * 7 - 3 if n else last - 3)
        start = lead.start()
        if prep := _prep_before().search(text, max(0, start - 12), start):
            start = prep.start(1)
        # "last week" read alone before it is not a week of its own
        while out and out[-1].end > start:
            out.pop()
        week = iso_week(day)
        out.append(DateMention(text[start : m.end], start, m.end, None, "DATE", week,
                               None, period_end(week)))  # fmt: skip
    return out


_SECOND_DAY = re.compile(
    r"(\s*(?:-|–|—|to|and|or|through|until|till)\s*)(\d{1,2})(?![\d%:.,]\d|\d)"
)
_NOT_A_DAY_AFTER = re.compile(r"(?i:\s*(?:%|percent|per\b|times\b|of\b|[a-z]+s\b))")


def second_days(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """ "from March 15 to 17", "on April 24 and 25": the second day of the month named once.

    ``mentions`` is sorted; the result is too. The number must follow a month-day directly,
    come later in that month, and not count something ("March 15 and 17 people").
    """
    text = doc_text(doc)
    added: list[DateMention] = []
    for m in mentions:
        if not (m.value and len(m.value) == 10 and re.search(r"[A-Za-z.]\s+\d{1,2}$", m.text)):
            continue
        after = _SECOND_DAY.match(text, m.end)
        if after is None or _NOT_A_DAY_AFTER.match(text, after.end()):
            continue
        day = int(after.group(2))
        year, month, first = (int(x) for x in m.value.split("-"))
        if not first < day <= calendar.monthrange(year, month)[1]:
            continue
        token = doc.char_span(after.start(2), after.end(2), alignment_mode="expand")
        if token is None or token.root.dep_ == "nummod":
            continue
        value = f"{year:04d}-{month:02d}-{day:02d}"
        start, end = after.start(2), after.end(2)
        added.append(DateMention(after.group(2), start, end, value, "DATE", value))
    if not added:
        return mentions
    taken = [(x.start, x.end) for x in mentions]
    added = [a for a in added if not any(a.start < e and s < a.end for s, e in taken)]
    return sorted([*mentions, *added], key=lambda x: (x.start, x.end))


_WEEKLY = re.compile(r"XXXX-WXX-\d(T[A-Z]{2})?")
_PLURAL_WEEKDAY = re.compile(r"(?:(?i:on|at)\s+)?[A-Z][a-z]+days?(?:s|\s+[a-z]+s)")
_LISTED_BEFORE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
_BARE_WEEKDAY = re.compile(r"(?:(?i:on|at)\s+)?([A-Z][a-z]+)")


def shared_recurrences(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """ "on Monday and Tuesday nights": a weekday listed before a weekly recurrence shares it
    (``XXXX-WXX-1TNI``), it is not one Monday. ``mentions`` is sorted; the result is too."""
    if not any(m.type == "SET" for m in mentions):
        return mentions
    text = doc_text(doc)
    out = list(mentions)
    shared = -1  # the index of the last weekday given a recurrence, which passes it on
    for i in range(len(out) - 1, 0, -1):
        m, prev = out[i], out[i - 1]
        weekly = _WEEKLY.fullmatch(m.timex or "") if m.type == "SET" else None
        if (
            weekly is None
            # "Tuesday nights", not "every Tuesday"
            or not (i == shared or _PLURAL_WEEKDAY.fullmatch(m.text))
            or not _LISTED_BEFORE.fullmatch(text, prev.end, m.start)
        ):
            continue
        day = _BARE_WEEKDAY.fullmatch(prev.text)
        if prev.type not in ("DATE", "TIME") or day is None or day.group(1).lower() not in WEEKDAYS:
            continue
        timex = f"XXXX-WXX-{WEEKDAYS[day.group(1).lower()] + 1}{weekly.group(1) or ''}"
        out[i - 1] = replace(prev, value=None, type="SET", timex=timex, mod=None, deadline=None)
        shared = i - 1
    return out


# Between a clock time and the day it falls on: a time zone, a comma, spaces.
_BARE_PART_OF_DAY = re.compile(r"(?i)(?:at\s+|in\s+)?(?:mid|the\s)")
_CLOCK_DAY_GAP = re.compile(r"(?:\s*,?\s*[A-Z]{2,4}\b)?\s*,?\s*$")


_CLOCK_THEN_DAY = re.compile(
    r"(?:\s+local\s+time|\s+[A-Z]{2,4}\b)?(?:\s*\(\s*\d{1,2}:?\d{2}\s*(?:GMT|UTC)\s*\))?\s*,?\s*"
)


def join_clock_and_day(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """ "5 p.m. EST Nov. 9", "noon Thursday": one TIME on the day the calendar pass resolved.

    ``mentions`` is sorted; the result is too. The joined mention keeps the day as ``value``.
    """
    text = doc_text(doc)
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            m.type == "TIME"
            and m.timex
            and "T" in m.timex
            and (
                m.timex[m.timex.index("T") + 1 : m.timex.index("T") + 2].isdigit()
                or _BARE_PART_OF_DAY.match(m.text) is not None  # "mid-afternoon yesterday"
            )
            and nxt is not None
            and nxt.type == "DATE"
            and nxt.value
            and len(nxt.value) == 10
            and nxt.start - m.end <= 8
            and _CLOCK_DAY_GAP.fullmatch(text[m.end : nxt.start] + " ")
            and not re.match(r"(?i)(?:on|by|in|until|from|to)\b", nxt.text)
        ):
            clock = m.timex[m.timex.index("T") :]
            out.append(
                DateMention(
                    text[m.start : nxt.end],
                    m.start,
                    nxt.end,
                    nxt.value,
                    "TIME",
                    nxt.value + clock,
                    m.mod,
                    nxt.deadline or m.deadline,
                )  # fmt: skip
            )
            i += 2
            continue
        if (pair := _clocks_then_day(text, mentions, i)) is not None:
            # "at 2:49 a.m. local time (7:49 a.m. UTC) on Saturday": both clocks on that day
            out.extend(pair)
            i += 2
            continue
        if (
            m.type == "TIME"
            and m.timex
            and m.timex[10:12].startswith("T")
            and m.timex[11:12].isdigit()
            and nxt is not None
            and nxt.value
            and len(nxt.value) == 10
            and _CLOCK_THEN_DAY.fullmatch(text, m.end, nxt.start)
            and re.match(r"(?i)(?:on\s+)?[A-Z]", nxt.text)
        ):
            # "at 6 p.m. local time (1600 GMT) on Friday": the clock is on that day
            m = replace(m, timex=nxt.value + m.timex[10:])
        out.append(m)
        i += 1
    return out


_OPEN_PAREN = re.compile(r"(?:\s+local\s+time|\s+[A-Z]{2,4}\b)?\s*\(\s*")
_CLOSE_PAREN = re.compile(r"(?:\s+[A-Z]{2,4}\b)?\s*\)\s*,?\s*")


def _is_clock(m: DateMention) -> bool:
    return (
        m.type == "TIME"
        and bool(m.timex)
        and (m.timex or "")[10:12].startswith("T")
        and (m.timex or "")[11:12].isdigit()
    )


def _clocks_then_day(
    text: str, mentions: list[DateMention], i: int
) -> tuple[DateMention, DateMention] | None:
    """A clock, the same time in another zone in parentheses, then the day they fall on."""
    if i + 2 >= len(mentions):
        return None
    first, second, day = mentions[i], mentions[i + 1], mentions[i + 2]
    if not (_is_clock(first) and _is_clock(second) and day.value and len(day.value) == 10):
        return None
    if not (
        _OPEN_PAREN.fullmatch(text, first.end, second.start)
        and _CLOSE_PAREN.fullmatch(text, second.end, day.start)
        and re.match(r"(?i)(?:on\s+)?[A-Z]", day.text)
    ):
        return None
    return (
        replace(first, timex=day.value + (first.timex or "")[10:]),
        replace(second, timex=day.value + (second.timex or "")[10:]),
    )
