"""'A year ago', 'a year earlier', 'the year-ago period': the same period a year back.

Financial news compares a period with the same period of the year before, so the value of
these phrases depends on the periods the article named before them (a quarter, a count of
months, a day), which only the whole list of date mentions shows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from parley.nlp.doctext import doc_sents, doc_text
from parley.types import DateMention

#: "the year-ago quarter", "the year-earlier third quarter", "the year-earlier nine months"
#: are one expression of their own (the grammar's), not "year-ago" alone.
YEAR_AGO = re.compile(r"(?i:\b(?:a\s+year\s+(?:ago|earlier|before)|year-(?:earlier|ago)\b"
                      r"(?!\s+(?:quarter|period|(?:fiscal\s+)?(?:first|second|third|fourth)"
                      r"[\s-](?:fiscal\s+)?(?:quarter|half)\b"
                      r"|(?:[\w-]+\s+)?months\b))))")  # fmt: skip
#: A quarter already counted a year back ("the year-ago quarter", "a year earlier"): never the
#: quarter a later "a year ago" counts back from.
YEAR_BACK = re.compile(r"(?i:\byear[-\s]+(?:ago|earlier|before)\b)")


def year_ago_quarters(
    doc: Doc, mentions: list[DateMention], *, published: date | None
) -> list[DateMention]:
    """ "a year ago" / "a year earlier" / "the year-ago period": the same period a year back.

    Financial news compares a quarter with the same quarter of the previous year: in an
    article that has named a quarter (in the sentence, or before it), TimeML gives the
    expression that quarter's value a year back (``1988-Q3``), not the year. Elsewhere "a year
    earlier" counts back from the last day or year the text named, else from publication.
    ``mentions`` is the whole sorted list; the result is too.
    """
    result = list(mentions)
    _the_year_periods(result)
    added = _year_ago_phrases(doc, result, published)
    for m in COMPARED_LAST_YEAR.finditer(doc_text(doc)):
        last = next(g for g in ("last", "last2", "last3") if m.group(g))
        _compared_last_year(doc, result, m.start(last), m.end(last), amount=last == "last3")
    _year_earlier_periods(result)
    return sorted([*result, *added], key=lambda x: (x.start, x.end))


def _the_year_periods(result: list[DateMention]) -> None:
    """ "For the nine months, ... compared with $5 million in the 1988 period": the months of
    that year, which TimeML writes as the year (in place)."""
    for i, x in enumerate(result):
        if (m := _YEAR_PERIOD.search(x.text)) and _months_year_back(result, x.start):
            result[i] = replace(x, value=m.group(1), timex=m.group(1))


def _year_ago_phrases(
    doc: Doc, result: list[DateMention], published: date | None
) -> list[DateMention]:
    """Each "a year ago" / "a year earlier" / "year-ago" of the text: the mention there gets the
    period a year back (in place), or a new mention is returned for it."""
    text = doc_text(doc)
    added: list[DateMention] = []
    for m in YEAR_AGO.finditer(text):
        same = [i for i, x in enumerate(result) if x.start < m.end() and m.start() < x.end]
        sent_end = next(
            (s.end_char for s in doc_sents(doc) if s.start_char <= m.start() < s.end_char), m.end()
        )
        before = [x for x in result if x.end <= sent_end and x.timex and x.start != m.start()
                  and not (x.start < m.end() and m.start() < x.end)]  # fmt: skip
        back = _quarter_a_year_back(before, text)
        if back is not None and (year := _months_year_back(result, m.start())):
            # "For the nine months, net was $5 million, against $3 million a year earlier":
            # the same months a year back, which TimeML writes as the year, not the quarter
            back = year
        if same:
            if back:
                for i in same:
                    result[i] = replace(result[i], timex=back)
            continue
        if back is None and "earlier" in m.group().lower():
            back = _year_earlier(before, m.start(), published)
        if back is None:
            continue
        added.append(DateMention(m.group(), m.start(), m.end(), None, "DATE", back))
    return added


def _year_earlier_periods(result: list[DateMention]) -> None:
    """ "For the nine months, net was $5 million. In the year-earlier period, ...": the same
    count of months a year back, like "the year-earlier nine months" (in place)."""
    for i, x in enumerate(result):
        if _YEAR_BACK_PERIOD.search(x.text) and _months_year_back(result, x.start):
            months = [y for y in result if y.end <= x.start and y.type == "DURATION"
                      and _MONTHS_LENGTH.fullmatch(y.timex or "")]  # fmt: skip
            result[i] = replace(x, value=None, type="DURATION", timex=months[-1].timex)


_YEAR_PERIOD = re.compile(r"(?i:\b((?:19|20)\d\d)\s+period$)")
_YEAR_BACK_PERIOD = re.compile(r"(?i:\byear-(?:earlier|ago)\s+period$)")


#: "compared with a loss of $2 million last year": an amount compared with the one of last year;
#: "Last year's results suffered from ...", like "the year-ago results"
COMPARED_LAST_YEAR = re.compile(
    r"(?i:\bcompared\s+(?:with|to)\s+(?:[^.;]|\.(?=\d)){1,80}?(?<![\w-])(?P<last>last\s+year)"
    r"(?![\w'’-])"
    r"|(?<![\w-])(?P<last2>last\s+year)(?=['’]s\s+(?:results|earnings|net|profit|loss)\b)"
    # "a 9% rise from last year's $2.1 billion"
    r"|\b(?:from|with|against|than)\s+(?P<last3>last\s+year)(?=['’]s\s+(?:[\w-]+\s+){0,2}[$£€#\d]))"
)
#: a sentence about the whole year ("for this year, up from last year's $2.40 a share")
_YEAR_SENTENCE = re.compile(
    r"(?i:\b(?:this|the|full|fiscal)\s+year\b|\bannual\b|\b(?:19|20)\d\d\b)"
)


def _compared_last_year(
    doc: Doc, result: list[DateMention], start: int, end: int, *, amount: bool = False
) -> None:
    """ "posted a profit of $11 million, compared with a loss of $2 million last year": like "a
    year earlier", the same quarter a year back when the article has named a quarter (in place
    in ``result``); after a count of months ("For the nine months ...") it stays the year."""
    at = [i for i, x in enumerate(result) if x.start <= start and end <= x.end and x.timex]
    if len(at) != 1 or not re.fullmatch(r"\d{4}", result[at[0]].timex or ""):
        return
    sent = next((s for s in doc_sents(doc) if s.start_char <= start < s.end_char), None)
    sent_end = sent.end_char if sent is not None else end
    if amount and sent is not None and _YEAR_SENTENCE.search(sent.text):
        return  # "forecast $3 a share for this year, up from last year's $2.40": the year
    before = [x for x in result if x.end <= sent_end and x.timex and x.start < start]
    back = _quarter_a_year_back(before, doc_text(doc))
    if back is None or _months_year_back(result, start) is not None:
        return
    if int(back[:4]) != int(result[at[0]].timex or "0"):
        return  # the quarter compared is not of this year
    result[at[0]] = replace(result[at[0]], timex=back)


_MONTHS_LENGTH = re.compile(r"P\d+M")


def _months_year_back(mentions: list[DateMention], position: int) -> str | None:
    """When the last period named before ``position`` is a count of months ("the first nine
    months", "the latest six months") after a quarter, the year before that quarter's."""
    periods = [
        x
        for x in mentions
        if x.end <= position
        and x.timex
        and (
            (re.fullmatch(r"\d{4}-Q\d", x.timex) and not YEAR_BACK.search(x.text))
            or (x.type == "DURATION" and _MONTHS_LENGTH.fullmatch(x.timex)
                and "month" in x.text.lower())
        )
    ]  # fmt: skip
    quarters = [x.timex for x in periods if x.type != "DURATION" and x.timex]
    if not periods or periods[-1].type != "DURATION" or not quarters:
        return None
    return f"{int(quarters[-1][:4]) - 1:04d}"


#: "After a flat second quarter, ...": a quarter named as the time before the one the story
#: is about (its text, or the words before it)
SEQUENCE_BEFORE = re.compile(
    r"(?i:\b(?:after|following|since)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?$)"
)


def _sequence_point(text: str, mention: DateMention) -> bool:
    """True for a period the text names after "after", "following" or "since"."""
    return SEQUENCE_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None or (
        re.match(r"(?i:after|following|since)\b", mention.text) is not None
    )


def _quarter_a_year_back(before: list[DateMention], text: str = "") -> str | None:
    """The last quarter named in ``before``, a year back (``1988-Q3`` for ``1989-Q3``)."""
    quarters = [x for x in before if re.fullmatch(r"\d{4}-Q\d", x.timex or "")
                and not YEAR_BACK.search(x.text) and not _sequence_point(text, x)]  # fmt: skip
    if not quarters:
        return None
    q = quarters[-1].timex or ""
    return f"{int(q[:4]) - 1:04d}-{q[5:]}"


def _year_earlier(before: list[DateMention], position: int, published: date | None) -> str | None:
    """ "a year earlier": a year before the last date named before ``position``, else the year
    before publication."""
    days = [x for x in before if x.start < position and x.value and x.type == "DATE"]
    if days:
        anchor = days[-1].value or ""
        return f"{int(anchor[:4]) - 1:04d}{anchor[4:]}"
    if published is not None:
        return f"{published.year - 1:04d}"
    return None
