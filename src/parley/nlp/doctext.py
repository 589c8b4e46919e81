"""The text, sentences and entities of a Doc, computed once; the article's budget.

``Doc.text`` joins every token each time it is read, and ``Doc.sents`` walks the whole parse;
rules that read them in loops (and several rules per article) would redo that work. The first
read caches each in ``doc.user_data``. Each read also checks the article's :class:`Budget`
(time and memory), so that a rule that runs long stops with :class:`OverBudget` instead of
stalling the batch.
"""

from __future__ import annotations

import bisect
import os
import time

from spacy.tokens import Doc, Span

from parley.nlp.deps import NOUN_CHUNK_DEPS
from parley.quotemarks import MarkedSpan, find_marked_spans

_KEY = "parley.text"
_SENTS = "parley.sents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached on the Doc."""
    checkpoint(doc)
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)


def set_text(doc: Doc, text: str) -> None:
    """Make ``text`` (of ``doc.text``'s length) what :func:`doc_text` returns: the article as
    given, where the parser had to read a character in its place."""
    if len(text) != len(doc.text):
        raise ValueError("set_text needs a text of the Doc's length")
    doc.user_data[_KEY] = text


def parsed_from(doc: Doc, text: str) -> None:
    """Record ``text`` as what :func:`doc_text` returns, unchecked: for a Doc that the pipeline
    made from exactly this string (spaCy's tokeniser keeps every character), so that
    ``Doc.text`` is never rebuilt from the tokens."""
    doc.user_data[_KEY] = text


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, cached on the Doc; the whole Doc as one sentence when it is not parsed."""
    checkpoint(doc)
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        parsed = doc.has_annotation("DEP") or doc.has_annotation("SENT_START")
        sents = doc.user_data[_SENTS] = tuple(doc.sents) if parsed else (doc[:],)
    return tuple(sents)


_QUOTATIONS = "parley.quotations"


def doc_quotations(doc: Doc) -> tuple[MarkedSpan, ...]:
    """:func:`parley.quotemarks.find_marked_spans` of the Doc's text, cached on the Doc: the
    date and the quote rules both read the article's quotation marks."""
    checkpoint(doc)
    spans = doc.user_data.get(_QUOTATIONS)
    if spans is None:
        spans = doc.user_data[_QUOTATIONS] = tuple(find_marked_spans(doc_text(doc)))
    return tuple(spans)


_ENTS = "parley.ents"


def _ents(doc: Doc) -> tuple[tuple[Span, ...], list[int], list[int]]:
    checkpoint(doc)
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS] = (ents, [e.start for e in ents], [e.end for e in ents])
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, cached on the Doc (spaCy rebuilds the list from every token per read)."""
    return _ents(doc)[0]


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``) by binary search over the cached
    entities, instead of spaCy's walk over every entity of the Doc."""
    ents, starts, _ = _ents(span.doc)
    out = []
    for k in range(bisect.bisect_left(starts, span.start), len(ents)):
        if ents[k].end > span.end:
            break
        out.append(ents[k])
    return out


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token ``i`` (the first one, as a scan of ``doc.ents`` would find)."""
    ents, starts, _ = _ents(doc)
    k = bisect.bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and i < ents[k].end else None


def noun_chunks(doc: Doc) -> list[Span]:
    """``doc.noun_chunks`` for English, the same spans in one linear pass.

    spaCy's iterator walks every conjunct back to the head of its coordination, which is
    quadratic in a long list ("A, B, C, ..."); here each conjunct reuses the walk of the one
    before it.
    """
    if not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)  # spaCy raises its own error
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in NOUN_CHUNK_DEPS}
    conj = strings.add("conj")
    np_label = strings.add("NP")
    top: dict[int, int] = {}  # token -> the head its conjunct chain climbs to

    def climb(i: int) -> int:
        path: list[int] = []
        node = doc[i]
        while node.dep == conj and node.head.i < node.i:
            if node.i in top:
                break
            path.append(node.i)
            node = node.head
        end = top.get(node.i, node.i) if node.dep == conj and node.head.i < node.i else node.i
        for j in path:
            top[j] = end
        return end

    from parley.nlp.tokens import doc_tokens

    tokens = doc_tokens(doc)
    out: list[Span] = []
    prev_end = -1
    for i, pos in enumerate(tokens.pos):
        if pos not in ("NOUN", "PROPN", "PRON"):
            continue
        word = tokens.tokens[i]
        if word.left_edge.i <= prev_end:
            continue
        if word.dep in np_deps:
            prev_end = word.i
            out.append(Span(doc, word.left_edge.i, word.i + 1, label=np_label))
        elif word.dep == conj:
            head = doc[climb(word.head.i)]
            if head.dep in np_deps:
                prev_end = word.i
                out.append(Span(doc, word.left_edge.i, word.i + 1, label=np_label))
    return out


# -- the article's budget ----------------------------------------------------------------------
_BUDGET = "parley.budget"


class OverBudget(Exception):  # noqa: N818 - a signal, caught by parley.service
    """An article used more time or memory than ``Settings.article_seconds`` /
    ``Settings.article_memory_mb`` allow."""


def _rss() -> int | None:
    """The process's resident memory in bytes (Linux), or None where unknown."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


try:
    _PAGE = os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):  # pragma: no cover - not POSIX
    _PAGE = 4096


class Budget:
    """A deadline and a memory ceiling for one article, checked cooperatively: the helpers of
    this module (which every rule calls) and the parse loop call :meth:`check`, which raises
    :class:`OverBudget` once the article is past either. Memory is the growth of the process's
    resident set since the article started, read every 256 checks."""

    __slots__ = ("seconds", "memory_mb", "deadline", "ceiling", "_calls")

    def __init__(self, seconds: float, memory_mb: int) -> None:
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.deadline = time.monotonic() + seconds if seconds > 0 else None
        rss = _rss() if memory_mb > 0 else None
        self.ceiling = rss + memory_mb * 1024 * 1024 if rss is not None else None
        self._calls = 255  # the first check reads the memory too

    def check(self, *, memory: bool = False) -> None:
        """Raise :class:`OverBudget` past the deadline or (every 256th call, or when ``memory``)
        past the memory ceiling."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OverBudget(
                f"took longer than its time budget of {self.seconds:g} s "
                "(Settings.article_seconds, PARLEY_ARTICLE_SECONDS)"
            )
        self._calls += 1
        if self.ceiling is not None and (memory or self._calls % 256 == 0):
            rss = _rss()
            if rss is not None and rss > self.ceiling:
                raise OverBudget(
                    f"needed more than its memory budget of {self.memory_mb} MB "
                    "(Settings.article_memory_mb, PARLEY_ARTICLE_MEMORY_MB)"
                )


def set_budget(doc: Doc, budget: Budget | None) -> None:
    """Attach ``budget`` to ``doc``: from now on the helpers here check it."""
    if budget is None:
        doc.user_data.pop(_BUDGET, None)
    else:
        doc.user_data[_BUDGET] = budget


def checkpoint(doc: Doc) -> None:
    """Raise :class:`OverBudget` if ``doc``'s article is past its budget (no-op without one)."""
    budget = doc.user_data.get(_BUDGET)
    if budget is not None:
        budget.check()
