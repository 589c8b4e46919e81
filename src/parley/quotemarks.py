"""Finding quotations by their marks, in plain text (no spaCy).

News copy mixes straight and curly marks, opens a quotation in one paragraph and closes it three
paragraphs later, nests single quotes inside double ones, and uses the same glyph (’) for closing
single quotes and apostrophes. The scanner below works paragraph by paragraph so that one stray
mark can cost at most the rest of its own paragraph, never the article's other quotations.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from parley import lexicon

log = logging.getLogger(__name__)

# Opening glyph -> closing glyphs that may end it.
DOUBLE_PAIRS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "‟": "”",
    '"': '"”',
}
SINGLE_PAIRS: dict[str, str] = {
    "‘": "’",
    "‚": "‘’",
    "‹": "›",
    "'": "'’",
}
DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
# Characters after which a straight mark opens a quotation rather than closing one (with the
# invisible direction marks some feeds put at a paragraph's start).
_OPEN_CONTEXT = set(" \t\n([{—–-/:;\u202a\u202b\u200e\u200f\ufeff")
_WORD = re.compile(r"\w")
# The scanners jump from mark to mark instead of testing every character in Python: the marks
# that may open a double quotation, every double mark (any may close, nest or stop one), the
# marks that may open a single quotation, and those that may close each kind of single one.
_DOUBLE_OPENING = re.compile("[" + DOUBLE_OPENERS + '"”]')
_DOUBLE_ANY = re.compile("[" + DOUBLE_OPENERS + DOUBLE_CLOSERS + '"]')
_SINGLE_OPENING = re.compile("[" + "".join(SINGLE_PAIRS) + "]")
_SINGLE_CLOSING = {c: re.compile(f"[{re.escape(c)}]") for c in set(SINGLE_PAIRS.values())}
#: After an apostrophe: the elided words of "rock ’n’ roll", "’em", "’tis", "’twas".
_ELIDED = re.compile(r"(n’|n'|em\b|tis\b|twas\b)")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """The content between a pair of quotation marks (marks excluded).

    ``open_at`` / ``close_at`` are the offsets of the marks themselves (``close_at`` is ``None``
    when the paragraph ended first and the quotation runs on, or was never closed).
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    single: bool
    continues: bool = False  # the quotation goes on in the next paragraph
    continued: bool = False  # this paragraph reopens a quotation from the previous one
    unbalanced: bool = False
    #: Characters of each mark: 2 for a doubled apostrophe (''), else 1.
    width: int = 1
    #: The closing mark was left out and the quotation ends at the comma before the
    #: attribution it ran over ('"... forms to file, said Roe, who ...').
    cut: bool = False


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty paragraph (a line; blank lines separate nothing more)."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


def _is_opening_straight(text: str, i: int, para_start: int) -> bool:
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPEN_CONTEXT or prev in DOUBLE_OPENERS or prev in "‘") and not nxt.isspace()


def _is_closing_straight(text: str, i: int, para_end: int) -> bool:
    prev = text[i - 1]
    nxt = text[i + 1] if i + 1 < para_end else " "
    if nxt.isalnum():
        # '"... audiences,"Jane Roe said': a comma inside an open quotation ends it, even
        # when the space after the mark was lost.
        return prev == "," and nxt.isupper()
    # "... like, 'this is it,' " she said": a nested quotation closed just before the outer
    # one, set apart by a space.
    return not prev.isspace() or (prev in " \u2009\u00a0" and text[i - 2 : i - 1] in {"'", "’"})


def _is_doubled_apostrophe(text: str, i: int, end: int) -> bool:
    """Two apostrophes standing for a double quotation mark (''like this''), as in copy from
    typewriter-era wire and archive feeds; not part of a longer run of marks."""
    return (
        text.startswith("''", i)
        and i + 2 <= end
        and (i == 0 or text[i - 1] != "'")
        and (i + 2 >= len(text) or text[i + 2] != "'")
    )


def _run_of_three(text: str, i: int, end: int) -> bool:
    """``text[i : i + 3]`` is exactly three apostrophes (no fourth on either side)."""
    return (
        text.startswith("'''", i)
        and i + 3 <= end
        and (i == 0 or text[i - 1] != "'")
        and (i + 3 >= len(text) or text[i + 3] != "'")
    )


def _closes_doubled(text: str, j: int, end: int) -> bool:
    """Whether the '' at ``j`` closes a doubled-apostrophe quotation: a mark of two not followed
    by a letter and not set after a space; or the last two of three, where a nested single
    quotation closes with the outer one (''... 'We will win,''' she said), also when a space
    sets the single close apart (''... 'so-called,' '' she said)."""
    if j + 2 < end and text[j + 2].isalnum():
        return False
    if _is_doubled_apostrophe(text, j, end):
        spaced_single = text[j - 2 : j - 1] == "'" and text[j - 3 : j - 2] != "'"
        # A mark set apart on both sides cannot open (an opening mark touches its first
        # word): '... coalitions, '' said Roe' closes.
        apart = j + 2 >= end or text[j + 2].isspace()
        return not text[j - 1].isspace() or spaced_single or apart
    return _run_of_three(text, j - 1, end)


def _find_doubled_apostrophes(text: str, start: int, end: int) -> Iterator[tuple[int, int | None]]:
    """(open_at, close_at) of ''...'' pairs in one paragraph (each mark two characters)."""
    i = text.find("''", start, end)
    while 0 <= i < end:
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 2] if i + 2 < end else " "
        if (
            # ''' opens a quotation that itself opens with a nested one ('''Sir, ...' he
            # said''): the first two apostrophes are the double mark, the third the single one.
            not (_is_doubled_apostrophe(text, i, end) or _run_of_three(text, i, end))
            or not (prev in _OPEN_CONTEXT or prev in "‘")
            or nxt.isspace()
        ):
            i = text.find("''", i + 1, end)
            continue
        j = text.find("''", i + 2, end)
        while j >= 0 and not _closes_doubled(text, j, end):
            j = text.find("''", j + 1, end)
        close_at = j if j >= 0 else None
        yield i, close_at
        if close_at is None:
            return
        i = text.find("''", close_at + 2, end)


def _find_double(text: str, start: int, end: int) -> Iterator[tuple[int, int | None]]:
    """(open_at, close_at) of top-level double-quote pairs in one paragraph."""
    i = start
    while (mark := _DOUBLE_OPENING.search(text, i, end)) is not None:
        i = mark.start()
        ch = text[i]
        opens = ch in DOUBLE_OPENERS or (ch in '"”' and _is_opening_straight(text, i, start))
        if ch == '"' and i + 1 < end and text[i + 1] in DOUBLE_OPENERS:
            opens = False  # '"“You don’t ...”': a stray straight mark typed before the real one
        if not opens:
            i += 1
            continue
        closers = DOUBLE_PAIRS.get(ch, "”")
        j = i + 1
        close_at: int | None = None
        while (next_mark := _DOUBLE_ANY.search(text, j, end)) is not None:
            j = next_mark.start()
            cj = text[j]
            if cj in closers and cj != ch:
                close_at = j
                break
            if cj == ch == "“" and text[j - 1] in ",.?!…" and (j + 1 >= end or text[j + 1] == " "):
                # “It's unusual,“ said X: an opening mark typed where the closing one belongs.
                close_at = j
                break
            if cj == ch and ch in '"”' and _is_closing_straight(text, j, end):
                # a straight pair, or ”...” where the opening glyph was typed as the closing one
                close_at = j
                break
            if cj == '"' and ch != '"' and _is_closing_straight(text, j, end):
                # Mixed marks (“ ... "): a straight mark may close a curly opening.
                close_at = j
                break
            if cj in DOUBLE_OPENERS and ch == '"' and cj != "„":
                nested_end = _nested_curly_end(text, i, j, start, end)
                if nested_end is not None:
                    j = nested_end + 1
                    continue
                # A curly opener before our straight mark closed: treat the straight one as stray.
                break
            j += 1
        yield i, close_at
        i = (close_at + 1) if close_at is not None else end


#: Forms of the verbs that attribute a quotation set after it (", said Roe", ", she added").
ATTRIBUTION_VERB_FORMS = lexicon.word_set("attribution_verb_forms")
#: A mark between an opening mark and an attribution that may hold the attribution in a
#: quotation of its own: any double mark, an opening single one.
_NESTING = re.compile("[" + DOUBLE_OPENERS + DOUBLE_CLOSERS + "\"‘]|(?:^|\\s)'")

#: A double-quote pair found in a paragraph: (open_at, close_at, cut), ``cut`` where the
#: quotation ends, before the attribution it ran over, when its closing mark was left out.
_Pair = tuple[int, int | None, int | None]


@lru_cache(maxsize=4)
def _attribution_pattern(forms: frozenset[str]) -> re.Pattern[str]:
    """A comma, then a verb of attribution with its subject on either side, ending a clause:
    ", said Roe,", ", Jane Roe said.", ", the mayor added", ", she says"; a closing single mark
    typed for the double one may stand after the comma (",’ said Roe") or end a sentence
    (".’ Roe said,")."""
    verbs = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    name = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
    subject = rf"(?:he|she|they|{name}|the\s+[a-z]+(?:\s+[a-z]+)?)"
    return re.compile(
        rf"(?:,[’']?|(?<=[.?!])[’'])\s+(?:{subject}\s+(?:{verbs})|(?:{verbs})\s+{subject})"
        r"(?=[,.;:]|\s*$)"
    )


def _attribution_in(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first attribution in ``text[lo:hi]`` that no mark nested there may hold."""
    found = _attribution_pattern(ATTRIBUTION_VERB_FORMS.get()).search(text, lo, hi)
    if found is None or _NESTING.search(text, lo, found.start()) is not None:
        return None
    return found


def _inner_opening(text: str, lo: int, hi: int) -> int | None:
    """The first double mark in ``text[lo:hi]``, if it opens a quotation (a space before it,
    a word after it)."""
    mark = _DOUBLE_ANY.search(text, lo, hi)
    if mark is None:
        return None
    j = mark.start()
    opens = text[j] in '"“' and text[j - 1].isspace() and j + 1 < hi and not text[j + 1].isspace()
    return j if opens else None


def _cut_at_attributions(text: str, pairs: list[tuple[int, int | None]], end: int) -> list[_Pair]:
    """The pairs of one paragraph, each quotation whose closing mark was left out ended at the
    comma before the attribution it runs over, as a reader ends it.

    An unclosed quotation ends there ('"Few knew the forms, said Roe, who ...'); so does one
    whose run holds, after the attribution, a mark opening the next quotation ('"Short of a
    ferry on every route, he added, "the islands stay cut off."'), which then runs to the
    first one's closing mark. Without either sign of a missing mark the words stay quoted: a
    quotation may report speech ('"I asked, she said, what he meant."')."""
    out: list[_Pair] = []
    todo = list(pairs)
    while todo:
        open_at, close_at = todo.pop(0)
        hi = close_at if close_at is not None else end
        found = _attribution_in(text, open_at + 1, hi)
        reopen = _inner_opening(text, found.end(), hi) if found is not None else None
        if found is None or (close_at is not None and reopen is None):
            out.append((open_at, close_at, None))
            continue
        comma = text[found.start()] == ","
        out.append((open_at, None, found.start() + 1 if comma else found.start()))
        if reopen is not None:
            todo.insert(0, (reopen, close_at))
    return out


def _nested_curly_end(text: str, open_at: int, j: int, start: int, end: int) -> int | None:
    """Where a curly pair opened at ``j`` inside a straight quotation opened at ``open_at``
    closes, when it is nested in it: '"The office isn't about “Equal Justice” any more," she
    said', or a quoted block whose paragraph opens with the straight mark and runs on. None
    when the curly mark is the real opening and the straight one was stray."""
    close = text.find("”", j + 1, end)
    if close < 0:
        return None
    at_paragraph_start = not text[start:open_at].strip()
    later = text.find('"', close + 1, end)
    closed_after = later >= 0 and _is_closing_straight(text, later, end)
    return close if at_paragraph_start or closed_after else None


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():  # Trump’s, don't
        return True
    if nxt.isdigit() and not prev.isalnum():  # ’90s
        return True
    # rock ’n’ roll, ’em
    return bool(_ELIDED.match(text[i + 1 : i + 4]))


def _find_single(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(open_at, close_at) of single-quote pairs used as quotation marks in ``[start, end)``.

    Each opening mark takes the first closing mark after it that is not an apostrophe and not a
    plural possessive ("the players’ union", told by more than six spaces between the marks).
    The candidate closers are listed once per paragraph, so a paragraph full of unclosed marks
    costs a binary search per mark, not a scan to the paragraph's end.
    """
    closers_of: dict[str, _Closers] = {}
    i = start
    while (mark := _SINGLE_OPENING.search(text, i, end)) is not None:
        i = mark.start()
        ch = text[i]
        if _is_apostrophe(text, i, start, end):
            i += 1
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if not (prev in _OPEN_CONTEXT or prev in DOUBLE_OPENERS or prev in '"') or not (
            nxt.isalnum() or nxt in "[.…("
        ):
            i += 1
            continue
        closers = SINGLE_PAIRS[ch]
        found = closers_of.get(closers)
        if found is None:
            found = closers_of[closers] = _Closers(text, start, end, closers)
        close_at = found.first_after(i)
        if close_at is None:
            i += 1
            continue
        yield i, close_at
        i = close_at + 1


class _Closers:
    """The possible closing marks of one paragraph for one kind of opening mark."""

    def __init__(self, text: str, start: int, end: int, closers: str) -> None:
        self.positions: list[int] = []
        self.possessive: list[bool] = []
        for mark in _SINGLE_CLOSING[closers].finditer(text, start, end):
            j = mark.start()
            if _is_apostrophe(text, j, start, end):
                continue
            after = text[j + 1] if j + 1 < end else " "
            if after.isalnum():
                continue
            self.positions.append(j)
            word_next = bool(_WORD.match(text[j + 2 : j + 3] or " "))
            self.possessive.append(text[j - 1] == "s" and after == " " and word_next)
        # next_plain[k]: index of the first candidate at or after k that is not possessive-like.
        self.next_plain = [len(self.positions)] * (len(self.positions) + 1)
        for k in range(len(self.positions) - 1, -1, -1):
            self.next_plain[k] = k if not self.possessive[k] else self.next_plain[k + 1]
        self.text, self.start, self.end = text, start, end
        self._spaces: list[int] | None = None

    @property
    def spaces(self) -> list[int]:
        """``spaces[k]``: the spaces in ``text[start : start + k]``, counted on first need."""
        if self._spaces is None:
            self._spaces = list(
                accumulate((c == " " for c in self.text[self.start : self.end]), initial=0)
            )
        return self._spaces

    def first_after(self, i: int) -> int | None:
        k = bisect.bisect_left(self.positions, i + 2)
        if k == len(self.positions):
            return None
        j = self.positions[k]
        if not self.possessive[k]:
            return j
        # text[i + 1 : j].count(" ") only grows with j: once past six, every later possessive
        # candidate is skipped too.
        if self.spaces[j - self.start] - self.spaces[i + 1 - self.start] <= 6:
            return j
        k = self.next_plain[k]
        return self.positions[k] if k < len(self.positions) else None


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every top-level quotation in ``text``, one span per paragraph it covers.

    Double quotes are found first; single quotes count as quotation marks only outside them
    (inside, they are a nested quotation and stay part of the outer quote's text).
    """
    spans: list[MarkedSpan] = []
    open_from_previous = False
    # A text that writes its double marks as two apostrophes ('') writes them all so.
    doubled = "''" in text and not any(c in text for c in DOUBLE_PAIRS)
    width = 2 if doubled else 1
    for p_start, p_end in paragraphs(text):
        if doubled:
            found = list(_find_doubled_apostrophes(text, p_start, p_end))
        else:
            found = list(_find_double(text, p_start, p_end))
        doubles = _cut_at_attributions(text, found, p_end)
        stripped = text[p_start:p_end].lstrip()
        first_mark = p_start + (len(text[p_start:p_end]) - len(stripped))
        ours: list[MarkedSpan] = []
        for n, (open_at, close_at, cut) in enumerate(doubles):
            reopened = open_from_previous and n == 0 and open_at == first_mark
            ours.append(_double_span(text, open_at, close_at, cut, p_end, width, reopened))
        spans.extend(ours)
        open_from_previous = bool(ours) and ours[-1].continues
        # Single quotes outside every double-quoted region.
        covered = [(span.open_at, _covered_end(span, p_end)) for span in ours]
        cursor = p_start
        for lo, hi in [*covered, (p_end, p_end)]:
            for open_at, close_at in _find_single(text, cursor, lo):
                spans.append(MarkedSpan(open_at + 1, close_at, open_at, close_at, single=True))
            cursor = hi + 1
    spans.sort(key=lambda s: s.start)
    return _mark_unbalanced(text, spans)


#: A quotation's end garbled into single marks and stops after its last sentence: "vote.'.'",
#: "vote?’.’", "vote.'.')" (the closing parenthesis of an aside the quotation ends).
_MANGLED_CLOSE = re.compile(r"(?<=[.?!…])[’'][.,][’']\)?$")


#: A single closing mark after a quotation's last stop or comma, and an opening single mark
#: (or a closing one typed for it: "“’House of Cards,’”") that would make it the end of a
#: nested quotation.
_STRAY_SINGLE = re.compile(r"(?<=[.?!,])[’']$")
_SINGLE_OPEN = re.compile(r"‘|(?<![\w’'])['’](?=\w)")


def _double_span(
    text: str,
    open_at: int,
    close_at: int | None,
    cut: int | None,
    p_end: int,
    width: int,
    reopened: bool,
) -> MarkedSpan:
    """The span of one double-quote pair of a paragraph (see :func:`_cut_at_attributions`
    for ``cut``)."""
    start = open_at + width
    if cut is not None:
        # Ended before the attribution (a comma kept, as inside a closing mark).
        return MarkedSpan(
            start,
            cut,
            open_at,
            None,
            single=False,
            continued=reopened,
            unbalanced=True,
            width=width,
            cut=True,
        )
    if close_at is None:
        end = _rstrip(text, start, p_end)
        mangled = _MANGLED_CLOSE.search(text, start, end)
        if mangled is not None:
            # "... late.'.')": a closing mark typed as a run of single marks and stops.
            at = mangled.start()
            return MarkedSpan(start, at, open_at, at, single=False, continued=reopened, width=width)
        return MarkedSpan(
            start,
            end,
            open_at,
            None,
            single=False,
            continues=True,
            continued=reopened,
            width=width,
        )
    end = _rstrip(text, start, close_at) if width == 2 else close_at
    mangled = _MANGLED_CLOSE.search(text, start, end)
    if mangled is not None:
        end = mangled.start()  # '"... the vote?’.’"': stray marks typed before the closing one
    elif _STRAY_SINGLE.search(text, start, end) and not _SINGLE_OPEN.search(text, start, end):
        end -= 1  # '"We will win.\'" said Lee': a single mark no nested quotation opened
    return MarkedSpan(start, end, open_at, close_at, single=False, continued=reopened, width=width)


def _covered_end(span: MarkedSpan, p_end: int) -> int:
    """Where the stretch a double-quoted span keeps single marks out of ends: its closing
    mark's last character; else, cut before an attribution, its end; else its paragraph's."""
    if span.close_at is not None:
        return span.close_at + span.width - 1
    return span.end if span.cut else p_end


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _mark_unbalanced(text: str, spans: list[MarkedSpan]) -> list[MarkedSpan]:
    """A span that runs on without the next paragraph reopening it was never closed."""
    out: list[MarkedSpan] = []
    for n, span in enumerate(spans):
        if span.continues:
            nxt = spans[n + 1] if n + 1 < len(spans) else None
            if nxt is None or not nxt.continued:
                log.debug("unbalanced quotation mark at offset %d", span.open_at)
                span = MarkedSpan(
                    span.start,
                    span.end,
                    span.open_at,
                    None,
                    span.single,
                    continues=False,
                    continued=span.continued,
                    unbalanced=True,
                    width=span.width,
                )
        out.append(span)
    return [s for s in out if s.end > s.start and text[s.start : s.end].strip()]


class Intervals:
    """A set of half-open ``[lo, hi)`` character ranges answering "is this offset inside one?"
    and "how much of this range do they cover?" in logarithmic time (rules ask for every token).
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = list(ranges)
        merged: list[list[int]] = []
        for lo, hi in sorted(r for r in self.ranges if r[1] > r[0]):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self._los = [m[0] for m in merged]
        self._his = [m[1] for m in merged]
        ordered = sorted(r for r in self.ranges if r[1] > r[0])
        self._disjoint = all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False))
        # covered length of merged[0:k]
        self._prefix = [0]
        for lo, hi in zip(self._los, self._his, strict=True):
            self._prefix.append(self._prefix[-1] + hi - lo)

    def contains(self, char: int) -> bool:
        """Whether offset ``char`` lies inside one of the ranges (``char in intervals``); the
        bound method is the predicate rules take for "is this offset quoted"."""
        k = bisect.bisect_right(self._los, char) - 1
        return k >= 0 and char < self._his[k]

    __contains__ = contains

    def covered(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside the ranges, a range counted once per listing
        (as ``sum(overlap)`` over the ranges would count them)."""
        if not self._disjoint:
            return sum(max(0, min(end, hi) - max(start, lo)) for lo, hi in self.ranges)
        if end <= start:
            return 0
        first = bisect.bisect_right(self._his, start)
        last = bisect.bisect_left(self._los, end)
        if first >= last:
            return 0
        total = self._prefix[last] - self._prefix[first]
        total -= max(0, start - self._los[first])
        total -= max(0, self._his[last - 1] - end)
        return total
