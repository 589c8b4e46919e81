"""Calendar days, months and years in a parsed article, resolved against the publication date.

Candidates come from the pure grammar in :mod:`parley.temporal` (capitalised month and weekday
names only, so "may", "march" and "second" never start one). The parse then decides:

* whether a candidate is a date at all: a bare month or year needs a temporal context
  ("in May", "the 2005 law", "since 1921"), not a name ("Theresa May"), a verb ("March on"),
  a code ("resolution 2259"), a clock ("2100 UTC") or a quantity ("2000 troops");
* the tense of the governing verb, which sets the direction of weekdays and the year of
  month-days ("said on Friday" looks back, "will sign on Thursday" looks ahead);
* the narrative anchor for "the same day" / "the following day" (the last day-precision date
  that is an adverbial of a clause, not a noun modifier like "the November 27 agreement"), and
  for "today" inside a quotation (the day the words were said, when the text has named one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.doctext import doc_quotations, doc_text
from parley.nlp.tokens import has_infinitive_to, mended_lemma
from parley.nlp.tree import auxiliaries, is_reduced_passive
from parley.temporal import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    Candidate,
    DateExpr,
    Tense,
    find_candidates,
    parse,
    resolve_expr,
)
from parley.types import DateMention

# Entities that contain calendar words without being dates ("Sunday Times", "April Ryan").
NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "NORP",
                        "LANGUAGE"})  # fmt: skip
_TEMPORAL_BEFORE = lexicon.word_set("timex_temporal_before")
_ATTRIBUTIVE_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this",
                                 "that", "'s", "’s"})  # fmt: skip
_MAY_BEFORE = lexicon.word_set("timex_may_before")
_RECURRING_BEFORE = frozenset({"every", "each"})
_HOLIDAY_BEFORE = lexicon.word_set("timex_holiday_before")
_CLOCK_AFTER = lexicon.word_set("timex_clock_after")
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "can", "ca", "may",
                         "might", "must", "should"})  # fmt: skip
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m", "do", "does"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'ve", "’ve", "been"})
_PLAN_LEMMAS = frozenset({"schedule", "set", "slate", "plan", "due", "expect", "timetable"})
_EFFECT_ADJECTIVES = frozenset({"effective", "payable"})
_NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
_CALENDAR_WORDS = lexicon.derived_set("calendar words", lambda: {*MONTHS, *MONTH_ABBREVIATIONS})
_DASHES = frozenset({"-", "–", "—", "to"})
_YEAR_TOKEN = re.compile(r"\d{4}")
_QUALIFIED_YEAR_TOKEN = re.compile(r"(?i:mid|early|late)-\d{4}")
_YEAR_RANGE_TOKEN = re.compile(r"\d{4}[-–]\d{2,4}|\d{2,4}[-–]\d{4}")
# How far back a date with an explicit year still sets the year of a bare month-day.
_YEAR_HINT_CHARS = 400


@dataclass(slots=True)
class _State:
    """What earlier mentions of the article say about later ones."""

    anchor: date | None = None  # last day named as the time of a clause
    narrative: date | None = None  # last day named as the time of a main clause
    gone: date | None = None  # last day named that is not after publication
    last: date | None = None  # last date of any precision ("the following year" counts from it)
    last_month: date | None = None  # last date naming a month ("the following month")
    year_hint: date | None = None  # last date written with its year
    year_hint_end: int = -1


def extract_calendar_dates(doc: Doc, *, published: date | None) -> list[DateMention]:
    """Every calendar day, month or year named in ``doc``, resolved against ``published``.

    Args:
        doc: The parsed article.
        published: Publication date; without it, relative expressions ("on Friday", "last
            year") get ``value=None`` while absolute ones ("in 2022") still resolve.

    Returns:
        Mentions in text order; ``doc.text[m.start:m.end] == m.text`` for each.
    """
    text = doc_text(doc)
    # The quotation marks as the quote rule reads them: (opening mark, closing mark or the end
    # of the paragraph).
    quoted = [
        (q.open_at, q.close_at if q.close_at is not None else q.end) for q in doc_quotations(doc)
    ]
    state = _State()
    out: list[DateMention] = []
    taken = -1  # the end of a mention that ran on over the candidates after it
    for cand in find_candidates(text):
        if cand.start < taken:
            continue
        expr = parse(cand.text)
        if expr is None:
            continue
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or not _is_date(expr, span):
            continue
        inside_quote = _inside(quoted, cand.start)
        if expr.kind == "deictic" and _generic_deictic(span, inside_quote):
            continue
        modifier = _modifies_noun(span)
        tense, forward = _tense_and_forward(text, cand, expr, span, modifier)
        value = resolve_expr(
            expr,
            _reference_day(expr, inside_quote, state, published),
            tense=_forward_tense(span, expr, tense, forward, text[cand.prep_start : cand.start]),
            anchor=_anchor_for(expr, state, tense, published),
            year_hint=_year_hint_for(expr, state, cand, text),
            forward=forward,
        )
        if value is None and published is not None:
            # Relative to something the text never dated: not a calendar date we can name.
            continue
        end = cand.end
        if (appositive := _appositive_day(text, cand, expr, out)) is not None:
            value, end = appositive
        elif (of_year := _of_relative_year(text, cand.end, expr, value, published)) is not None:
            value, end = of_year
            taken = end
        out.append(DateMention(text[cand.prep_start : end], cand.prep_start, end, value))
        if value is not None:
            _remember(state, expr, value, cand, span, modifier=modifier, inside_quote=inside_quote,
                      published=published)  # fmt: skip
    return out


def _appositive_day(
    text: str, cand: Candidate, expr: DateExpr, out: list[DateMention]
) -> tuple[str | None, int] | None:
    """ "Oct. 12, the day before the crash": the day just named, described by an event; the
    phrase is "the day" (TimeML), and its value the named day's, not the day before it."""
    if expr.kind != "anchor_day" or not out or cand.prep_start != cand.start:
        return None
    last = out[-1]
    m = _DAY_BEFORE_EVENT.fullmatch(text, cand.start, cand.end)
    if m is None or not last.value or len(last.value) != 10:
        return None
    if not _APPOSITION_GAP.fullmatch(text, last.end, cand.start):
        return None
    after = text[cand.end : cand.end + 12]
    if not re.match(r"\s+(?:the\s+|a\s+|an\s+|\w+)", after) or re.match(r"\s*[,.;]", after):
        return None  # "Nov. 3, the day before." counts back; an event must follow
    return last.value, cand.start + len(m.group(1))


_OF_RELATIVE_YEAR = re.compile(r"(?:,?\s+of)?\s+(?P<which>this|last|next)\s+year\b(?!['’])", re.I)
_YEAR_OFFSETS = {"this": 0, "last": -1, "next": 1}


def _of_relative_year(
    text: str, end: int, expr: DateExpr, value: str | None, published: date | None
) -> tuple[str, int] | None:
    """ "in January of this year", "on July 13 last year": the year the words after the month
    name, counted from publication; one expression with them."""
    if expr.kind not in ("month", "month_day") or value is None or published is None:
        return None
    m = _OF_RELATIVE_YEAR.match(text, end)
    if m is None:
        return None
    year = published.year + _YEAR_OFFSETS[m.group("which").lower()]
    return f"{year:04d}{value[4:]}", m.end()


_DAY_BEFORE_EVENT = re.compile(r"(?i:(the\s+day)\s+(?:before|after))")
_APPOSITION_GAP = re.compile(r"\s*,\s*")


def _generic_deictic(span: Span, inside_quote: bool) -> bool:
    """ "today's world" (outside a quotation), "nowadays" readings of a deictic: no day."""
    return (
        (not inside_quote and _generic_today(span))
        or _nowadays_possessive(span)
        or _of_generic_day(span)
    )


def _of_generic_day(span: Span) -> bool:
    """ "the people of tomorrow", "women of today": the time to come or nowadays, like
    "today's youth", not a day ("as of today" still is one)."""
    token = span.root
    if len(span) != 1 or token.lower_ not in ("today", "tomorrow") or token.i < 2:
        return False
    of, noun = token.nbor(-1), token.nbor(-2)
    return (
        of.lower_ == "of" and noun.pos_ in ("NOUN", "PROPN") and noun.lower_ not in _CALENDAR_WORDS
    )


def _tense_and_forward(
    text: str, cand: Candidate, expr: DateExpr, span: Span, modifier: bool
) -> tuple[Tense | None, bool]:
    """The tense that orients the expression, and whether it ends a span still open."""
    tense = None if modifier else governing_tense(span, expr.kind)
    forward = _opens_forward(text, cand.prep_start, cand.start, expr.kind)
    if expr.kind != "weekday":
        if forward and _still_open(span):
            tense = "future"  # "runs until December", "have been planned until December"
        return tense, forward
    if _LIMIT_CLOCK_BEFORE.search(text, max(0, cand.start - 40), cand.start):
        forward = True  # "until 9 a.m. Tuesday", "by noon Friday"
    if _AS_SOON_AS.search(text, max(0, cand.start - 16), cand.start):
        tense = "future"  # "as soon as Tuesday", "as early as Tuesday"
    elif _AS_OF.search(text, max(0, cand.start - 8), cand.start):
        tense = "past"  # "As of Sunday evening, all four are stable": a status up to a day gone
    if forward and not _narrated_past(span):
        # "until Friday", "extended until Friday": the end of a span still ahead.
        tense = "future"
    return tense, forward


def _forward_tense(
    span: Span, expr: DateExpr, tense: Tense | None, forward: bool, prep: str
) -> Tense | None:
    """The tense a month or month-day ending a span is resolved with: none (the nearest, a tie
    ahead) unless the span is still open (the future), or a past told with "by" completed it:
    "colleges were suspended by March 13", "had closed by June 1" (a day gone; "extended to
    Nov. 20", "postponed until May" set a limit and stay the nearest)."""
    if not forward or expr.kind == "weekday" or tense == "future":
        return tense
    return "past" if tense == "past" and prep.strip().lower() == "by" and _done_by(span) else None


def _done_by(span: Span) -> bool:
    """True under a past event verb ("were suspended", "had closed", "reached"): not "be",
    "have" or a plan ("was due by", "was scheduled by" look ahead)."""
    verb = _governing_verb(span)
    if verb is None or verb.lemma_ in ("be", "have") or _planned(verb):
        return False
    auxes = {c.lower_ for c in auxiliaries(verb)}
    return verb.tag_ == "VBD" or bool(auxes & {"was", "were", "had"})


def _reference_day(
    expr: DateExpr, inside_quote: bool, state: _State, published: date | None
) -> date | None:
    if expr.kind == "deictic" and inside_quote and state.narrative and published:
        # "Today" in a quotation is the day the words were said: the day the narrative is on.
        return state.narrative
    return published


def _year_hint_for(expr: DateExpr, state: _State, cand: Candidate, text: str) -> date | None:
    """The nearby date written with its year that places a month-day without one."""
    if (
        expr.kind == "month_day"
        and state.year_hint is not None
        and cand.start - state.year_hint_end <= _YEAR_HINT_CHARS
        and "\n" not in text[state.year_hint_end : cand.start]
    ):
        return state.year_hint
    return None


def _anchor_for(
    expr: DateExpr, state: _State, tense: Tense | None, published: date | None
) -> date | None:
    if (
        expr.kind == "anchor_day"
        and tense == "past"
        and published is not None
        and state.anchor is not None
        and state.anchor > published
    ):
        # "killed eight people on the same day", "released later the same day": a past event
        # is on the last day named that is gone, not on a court date or deadline still ahead
        return state.gone
    return {"anchor_year": state.last, "anchor_month": state.last_month}.get(
        expr.kind, state.anchor
    )


def _remember(
    state: _State,
    expr: DateExpr,
    value: str,
    cand: Candidate,
    span: Span,
    *,
    modifier: bool,
    inside_quote: bool,
    published: date | None = None,
) -> None:
    """What a resolved mention tells the mentions after it."""
    if not modifier:
        state.last = date.fromisoformat((value + "-01-01")[:10])
        if len(value) >= 7:
            state.last_month = state.last
    if expr.precision == "day" and not modifier:
        state.anchor = date.fromisoformat(value)
        if published is None or state.anchor <= published:
            state.gone = state.anchor
        if _in_main_clause(span) and not inside_quote:
            state.narrative = state.anchor
    if expr.kind == "full" and not modifier:
        # Only a day written with its year sets the year of the month-days after it ("on
        # November 15, 2017 ... on November 21"); a month and year ("ended in August 1988")
        # is background more often than the time of the story.
        state.year_hint = date.fromisoformat(value)
        state.year_hint_end = cand.end


# --- is this candidate a date? ------------------------------------------------------------


def _prev(span: Span) -> Token | None:
    return span.doc[span.start - 1] if span.start > 0 else None


def _next(span: Span) -> Token | None:
    return span.doc[span.end] if span.end < len(span.doc) else None


def _is_date(expr: DateExpr, span: Span) -> bool:
    if any(t.ent_type_ in NAME_ENTS for t in span):
        return False
    prev = _prev(span)
    prev_word = prev.lower_ if prev is not None else ""
    if prev_word in _RECURRING_BEFORE:
        return False  # "every Friday", "each May": a recurrence, not a day
    if expr.kind == "weekday":
        return prev_word not in _HOLIDAY_BEFORE
    if expr.kind == "month":
        return _is_month(span, prev) and not _in_holiday_name(span)
    if expr.kind == "year":
        return _is_year(span, prev)
    # "over the last year" is a duration, not the previous calendar year.
    return not (expr.kind in ("rel_month", "rel_year") and prev_word in ("the", "over", "past"))


_MONTH_HOLIDAYS = lexicon.derived_set(
    "holidays named with a month",
    lambda: {
        name
        for name in lexicon.column("timex_holidays", "name")
        if any(word.lower() in MONTHS for word in name.split())
    },
)


def _in_holiday_name(span: Span) -> bool:
    """ "the Fourth of July", "July Fourth": the month is part of a holiday's name, which the
    time-expression pass reads as the day."""
    text = doc_text(span.doc)  # not ``Doc.text``, which joins every token again on each read
    for name in _MONTH_HOLIDAYS:
        for at in range(max(0, span.start_char - len(name)), span.start_char + 1):
            if text.startswith(name, at) and at + len(name) >= span.end_char:
                return True
    return False


def _is_month(span: Span, prev: Token | None) -> bool:
    """A bare month name: "in May", "late July", "the November border deal"; not "Theresa May"."""
    month = next((t for t in span if t.lower_ in MONTHS), None)
    if month is None or month.tag_ == "MD" or month.pos_ == "VERB":
        return False
    if month.i > span.start:
        return True  # led by a qualifier the grammar accepted: "mid-August", "late July"
    if prev is None:
        return False
    word = prev.lower_
    if month.lower_ == "may":
        # "May" is also a surname in the news ("talks between Corbyn and May", "spoke to May"):
        # only an unambiguous temporal preposition before and no verb after make it the month.
        nxt = _next(span)
        return (
            word in _MAY_BEFORE
            and month.ent_type_ == "DATE"
            and (nxt is None or nxt.pos_ not in ("VERB", "AUX"))
        )
    if word in ("and", "or"):
        return _conjoined_date(prev)
    if word in _TEMPORAL_BEFORE:
        return True
    # Attributive: "the November border demarcation", "last year's May elections".
    return word in _ATTRIBUTIVE_BEFORE and month.head.pos_ == "NOUN" and month.head.i > month.i


def _is_year(span: Span, prev: Token | None) -> bool:
    """A bare four-digit year: "in 2022", "a 2005 law", "1980–1987"; not "2000 troops"."""
    token = next(
        (t for t in span if _YEAR_TOKEN.fullmatch(t.text) or _YEAR_RANGE_TOKEN.fullmatch(t.text)),
        None,
    )
    if token is None:
        # "mid-1996" is one token: the qualifier makes it a date
        return any(_QUALIFIED_YEAR_TOKEN.fullmatch(t.text) for t in span)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in _CLOCK_AFTER:
        return False
    prev_word = prev.lower_ if prev is not None else ""
    if prev_word == "at" and token.i == span.start:
        return False  # "at 2100": a clock time
    if prev is not None and token.i == span.start:
        if prev.like_num or prev.text in ("No", "No.", "no.", "#"):
            return False
        if prev.lower_ in ("fiscal", "year"):
            return True  # "fiscal 1989 sales", "the year 2012", "fiscal year 2014": the year
        if prev.pos_ in ("NOUN", "PROPN") and prev.lower_ not in _CALENDAR_WORDS:
            return False  # "resolution 2259", "Vision 2030"
    ranged = _in_year_range(token)
    plural_next = nxt is not None and nxt.tag_ in ("NNS", "NNPS")
    if plural_next and prev_word not in _ATTRIBUTIVE_BEFORE and not ranged:
        return False  # "2000 troops": a quantity
    if token.ent_type_ == "DATE" or ranged:
        return True
    if prev_word in ("and", "or"):
        return prev is not None and _conjoined_date(prev)
    if prev_word in _TEMPORAL_BEFORE or token.i > span.start:
        return True
    # Attributive year without the NER's help: "the 2018 elections".
    return prev_word in _ATTRIBUTIVE_BEFORE and token.head.pos_ in ("NOUN", "PROPN")


def _conjoined_date(conjunction: Token) -> bool:
    """True when the word before "and"/"or" is itself a date: "December and January"."""
    if conjunction.i == 0:
        return False
    before = conjunction.doc[conjunction.i - 1]
    return (
        before.ent_type_ == "DATE"
        or before.lower_ in _CALENDAR_WORDS
        or bool(_YEAR_TOKEN.fullmatch(before.text))
    )


def _in_year_range(token: Token) -> bool:
    doc = token.doc
    for a, b in ((token.i - 2, token.i - 1), (token.i + 2, token.i + 1)):
        if 0 <= a < len(doc) and _YEAR_TOKEN.fullmatch(doc[a].text) and doc[b].lower_ in _DASHES:
            return True
    # spaCy sometimes keeps "1980–1987" as one token.
    return bool(_YEAR_RANGE_TOKEN.fullmatch(token.text))


# --- tense and role ---------------------------------------------------------------------


def _modifies_noun(span: Span) -> bool:
    """True for "the November 27 agreement", "Sunday's signings": the date names a thing."""
    root = span.root
    return (
        root.dep_ in _NOUN_MODIFIER_DEPS
        and root.head.pos_ in ("NOUN", "PROPN")
        and (root.head.i < span.start or root.head.i >= span.end)
    )


def _governing_verb(span: Span, *, through_nouns: bool = True) -> Token | None:
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return token
        if not through_nouns and token not in span and token.pos_ in ("NOUN", "PROPN", "PRON"):
            return None
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _verb_before(span: Span, verb: Token | None) -> Token | None:
    """The finite verb right before the date ("said on Monday", "announced Friday") when the
    parse hangs the date on a verb after it: "Police said on Monday they believe ..." is
    Monday's saying, not a belief ahead."""
    start = span.start
    if start > 0 and span.doc[start - 1].lower_ == "on":
        start -= 1
    if verb is None or verb.i < span.end or start == 0:
        return verb
    prev = span.doc[start - 1]
    if prev.pos_ == "VERB" and prev.tag_ in ("VBD", "VBZ", "VBP"):
        return prev
    return verb


def _generic_today(span: Span) -> bool:
    """ "Easter Island is today a barren place": "today" as nowadays, with a stative present.

    "The talks are today in Geneva" and "Today is the deadline" still name the day.
    """
    token = span.root
    if token.lower_ != "today" or len(span) != 1 or token.dep_ not in ("npadvmod", "advmod"):
        return False
    verb = token.head
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    if verb.lemma_ == "have":
        return True
    return verb.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in verb.children)


def _nowadays_possessive(span: Span) -> bool:
    """ "today's youth", "in today's world", "today's personal computers": nowadays."""
    token = span.root
    if token.lower_ != "today" or token.i + 1 >= len(token.doc):
        return False
    if token.nbor(1).lower_ not in ("'s", "’s"):
        return False
    head = token.head
    return head.i > token.i and head.lower_ in lexicon.words("timex_generic_today_nouns")


def _in_main_clause(span: Span) -> bool:
    verb = _governing_verb(span)
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head
    return verb is not None and verb.dep_ == "ROOT"


def governing_tense(span: Span, kind: str) -> Tense | None:
    """The direction the governing verb gives a weekday, month or month-day.

    The bare present ("meets on Monday", "predict landfall Saturday") announces a coming
    weekday, but it also narrates ("a report shows contact on January 6"), so for months and
    month-days it gives no direction and the nearest occurrence wins.
    """
    weekday = kind == "weekday"
    # A month or month-day inside a noun phrase ("the strike by dockers on June 12") takes
    # the nearest year: a distant verb's tense says little about it.
    if not weekday and _takes_effect(span):
        return "future"
    verb = _verb_before(span, _governing_verb(span, through_nouns=weekday))
    if weekday and verb is not None and _planned(verb):
        # "planned to leave on Thursday", "has scheduled a news conference Thursday": a plan
        # looks ahead even when the planning is told in the past; "had been scheduled to
        # expire Friday" is a plan overtaken since, its day gone.
        return "past" if _past_perfect_plan(verb) else "future"
    tense = _verb_tense(verb) if verb is not None else None
    if tense == "present":
        return "future" if weekday else None
    return tense


def _takes_effect(span: Span) -> bool:
    """True for the day something takes effect or falls due: "effective Feb. 1", "payable
    Dec. 1" (the adjective heads the date). News announces these ahead of the day."""
    head = span.root.head
    return (
        head.pos_ == "ADJ"
        and head.i not in range(span.start, span.end)
        and (head.lower_ in _EFFECT_ADJECTIVES)
    )


def _planned(verb: Token) -> bool:
    """True when ``verb`` is a plan verb or the infinitive under one ("planned to leave")."""
    if mended_lemma(verb) in _PLAN_LEMMAS and verb.lemma_ not in ("set", "due"):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i != verb.i
        and mended_lemma(head) in _PLAN_LEMMAS
        and has_infinitive_to(verb)
    )


def _past_perfect_plan(verb: Token) -> bool:
    """True for "had been scheduled to expire", "had planned to leave", "had been due to
    expire": the plan, the verb it governs or the copula of a plan adjective is in the past
    perfect."""
    words = [verb, verb.head]
    if verb.head.dep_ == "acomp":
        words.append(verb.head.head)  # "had been due to expire": "had" is the copula's
    return any(c.lower_ in ("had", "'d") for word in words for c in auxiliaries(word))


def _verb_tense(verb: Token, depth: int = 0) -> Tense | Literal["present"] | None:
    """Past, present or future from a verb's tag, auxiliaries and meaning.

    "is going to be signed", "is scheduled to meet", "plans to visit" look ahead through their
    infinitive; "was to meet" is a plan in the past and gives no direction; "scheduled for
    July 11" is a plan even without an auxiliary.
    """
    auxes = [c.lower_ for c in auxiliaries(verb)]
    if any(a in _FUTURE_AUX for a in auxes):
        if verb.tag_ == "VBN" and "have" in auxes:
            # "might have encouraged" looks back, "would have turned 70 on May 3" ahead.
            return None
        return "future"
    if "to" in auxes:
        return _infinitive_tense(verb, depth)
    tag = verb.tag_
    if tag == "VB" and not auxes and verb.dep_ == "conj" and verb.head.i != verb.i and depth <= 3:
        # "will dock on Sunday and return on Friday", "is to stay and return Friday": a bare
        # verb joined to another shares its auxiliaries
        return _verb_tense(verb.head, depth + 1)
    past_aux = any(a in _PAST_AUX for a in auxes)
    if (set_tense := _set_participle(verb, auxes)) is not None:
        return set_tense
    if _plan_ahead(verb, auxes, past_aux):
        return "future"
    if _plan_told_in_past(verb, auxes):
        return None  # "was planned for early March": a plan told in the past, either way
    if tag == "VBD" or past_aux or _bare_past(verb, auxes):
        return "past"
    if tag in ("VBZ", "VBP") or any(a in _PRESENT_AUX for a in auxes):
        return "present"
    if tag == "VBN":
        return "past"  # a participle on its own: "the memorandum signed on Thursday"
    return None


def _infinitive_tense(verb: Token, depth: int) -> Literal["future"] | None:
    """A "to" infinitive looks ahead from a verb that does ("plans to visit", "is going to be
    signed"); "was to meet" is a plan in the past and gives no direction."""
    matrix = verb.head
    if matrix.i == verb.i or depth > 3:
        return "future"
    matrix_tense = _verb_tense(matrix, depth + 1) if matrix.pos_ in ("VERB", "AUX") else None
    return "future" if matrix_tense in ("future", "present") else None


def _plan_ahead(verb: Token, auxes: list[str], past_aux: bool) -> bool:
    """ "is scheduled for", "has set March 4 as the deadline": a plan still ahead."""
    tag = verb.tag_
    return (
        mended_lemma(verb) in _PLAN_LEMMAS
        and tag in ("VBN", "VBZ", "VBP")
        and (not past_aux or (tag == "VBN" and set(auxes) <= {"has", "have", "'ve", "’ve"}))
    )


def _set_participle(verb: Token, auxes: list[str]) -> Tense | None:
    """ "its record high set on Aug. 6" happened; "the vote set for May 2" is a plan."""
    if verb.lemma_ == "set" and is_reduced_passive(verb) and not auxes:
        return "future" if any(c.lower_ == "for" for c in verb.children) else "past"
    return None


def _plan_told_in_past(verb: Token, auxes: list[str]) -> bool:
    """ "was planned for early March", "were scheduled for April 28": a plan verb's participle
    with "for" and no past perfect."""
    return (
        mended_lemma(verb) in _PLAN_LEMMAS
        and verb.tag_ == "VBN"
        and not {"had", "'d", "’d"} & set(auxes)
        and any(c.lower_ == "for" for c in verb.children)
    )


def _bare_past(verb: Token, auxes: list[str]) -> bool:
    """ "weakness in stocks hurt the index on Friday": with one singular-noun subject, a bare
    form that is also its past ("hurt", "cut", "set") tagged present is the past."""
    return verb.tag_ == "VBP" and not auxes and _singular_subject(verb)


def _singular_subject(verb: Token) -> bool:
    """True when the subject of ``verb`` is one singular noun ("weakness", "the index")."""
    return any(
        c.dep_ == "nsubj"
        and c.tag_ in ("NN", "NNP")
        and not any(g.dep_ == "conj" for g in c.children)
        for c in verb.children
    )


_AS_OF = re.compile(r"\bas\s+of\s+$", re.I)
_AS_SOON_AS = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.I)
_LIMIT_CLOCK_BEFORE = re.compile(
    r"(?i:\b(?:until|till|by)\s+(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight))"
    r"(?:\s+[A-Z]{2,4})?\s*,?\s*$"
)
_FROM_NOW = re.compile(r"\bfrom\s+(?:today|now|tomorrow)\b")
_PERIOD_BEFORE_TO = re.compile(r"\b(?:days|weeks|months|quarters?|years?|period|half)\s+$")
_FORWARD_PREPS = frozenset({"to", "until", "till", "through", "by"})
_WEEKDAY_FORWARD_PREPS = frozenset({"until", "till", "by"})


def _opens_forward(text: str, prep_start: int, start: int, kind: str) -> bool:
    """True for the end of a span still open: a month or day after "to", "until", "till",
    "through" or "by" ("extended to Nov. 20"), a weekday after "until", "till" or "by"; not the
    end of a "from ... to" range, whose two ends share the narration."""
    if prep_start == start or kind not in ("month_day", "month", "weekday"):
        return False
    word = text[prep_start:start].strip().lower()
    if word not in (_WEEKDAY_FORWARD_PREPS if kind == "weekday" else _FORWARD_PREPS):
        return False
    before = text[max(0, prep_start - 40) : prep_start].lower()
    if word == "to" and _PERIOD_BEFORE_TO.search(before):
        return False  # "sales in the 12 months to March": a period's end, told like the rest
    # "from today through Nov. 17": a range that starts now ends ahead
    return "from " not in before or _FROM_NOW.search(before) is not None


def _still_open(span: Span) -> bool:
    """True when the span a month or month-day ends is told as open now: a present or future
    verb ("runs until December", "will stay closed through March"), or a perfect that sets a
    limit ("have been planned until December", "has been extended to May 2"). Its end lies
    ahead; a narration ("ran until December", "has fallen 2% through Oct. 19") keeps the
    nearest occurrence."""
    verb = _governing_verb(span)
    if verb is None:
        return False
    auxes = {c.lower_ for c in auxiliaries(verb)}
    if auxes & {"was", "were", "had", "'d", "’d", "did"}:
        return False
    if auxes & _FUTURE_AUX:
        return True
    if auxes & {"has", "have", "'ve", "’ve"}:
        # "have been planned until December" sets a limit; "has fallen 2% through Oct. 19"
        # measures up to a day that may be gone
        limit_verbs = lexicon.words("timex_deadline_verbs")
        return mended_lemma(verb) in _PLAN_LEMMAS or verb.lemma_ in limit_verbs
    return verb.tag_ in ("VBZ", "VBP") or bool(auxes & _PRESENT_AUX)


def _narrated_past(span: Span) -> bool:
    """True under a simple past or past perfect verb ("Until Thursday, police had ..."); a bare
    participle ("talks extended until Friday", a headline) does not count."""
    verb = _governing_verb(span)
    if verb is None:
        return False
    auxes = {c.lower_ for c in auxiliaries(verb)}
    if verb.lemma_.lower() in lexicon.words("timex_deadline_verbs") and "had" not in auxes:
        # "postponed until Tuesday", "gave them until Friday": a limit ahead; "had given them
        # until Thursday" narrates a limit already passed
        return False
    return verb.tag_ == "VBD" or "had" in auxes or bool(auxes & {"was", "were"})


# --- quotations ---------------------------------------------------------------------------


def _inside(regions: list[tuple[int, int]], position: int) -> bool:
    return any(a < position < b for a, b in regions)
