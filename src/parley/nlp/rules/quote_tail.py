"""The words a speaker's sentence runs on with after a full quotation: 'Lee said, "We need
more time" before the vote.'

A writer sometimes closes the quotation marks before the speaker's sentence ends and
finishes it in their own words: a phrase that qualifies the quoted words ("... until the
election", "... from the agency's own staff"). What the speaker said is the quotation with
that phrase; the direct quotation stays an entry of its own and the whole sentence part is
one more (kind ``indirect``, same speaker and cue), as for a partial quotation's clause
(``partial_clause.py``).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from parley.nlp.deps import FINITE_TAGS
from parley.nlp.doctext import doc_text
from parley.nlp.rules.speech_cues import REPORTING_VERBS
from parley.nlp.tokens import doc_tokens
from parley.types import Quote

#: The closing mark right after a quotation, with a comma or nothing before it (a full stop,
#: question or exclamation mark inside the marks ends the speaker's sentence there).
_CLOSE = re.compile(r',?["\u201d]')

#: Parts of speech that start a qualifying phrase: "until the vote", "before Friday",
#: "because the ...".
_TAIL_STARTS = frozenset({"ADP", "SCONJ"})


def with_quote_tails(doc: Doc, quotes: list[Quote], reported: list[Quote]) -> list[Quote]:
    """``reported`` and, for each direct quotation whose cue comes before it and whose
    sentence runs on past the closing mark in a qualifying phrase, the quotation with that
    phrase (kind ``indirect``)."""
    text = doc_text(doc)
    found = list(reported)
    for quote in quotes:
        if quote.kind != "direct" or quote.speaker is None or quote.cue_span is None:
            continue
        if quote.cue_span[1] > quote.start:
            continue  # '"...," Lee said': the attribution ends the sentence
        end = _tail_end(doc, text, quote)
        if end is None:
            continue
        start = (
            quote.start - 1
            if quote.start > 0 and text[quote.start - 1] in '"\u201c'
            else quote.start
        )
        if any(e.start <= start and end <= e.end for e in found):
            continue
        found.append(
            Quote(
                id="",
                text=text[start:end],
                start=start,
                end=end,
                kind="indirect",
                speaker=quote.speaker,
                cue=quote.cue,
                confidence=quote.confidence * 0.9,
                cue_span=quote.cue_span,
            )
        )
    return found


def _tail_end(doc: Doc, text: str, quote: Quote) -> int | None:
    """Where the phrase after ``quote``'s closing mark ends (before the sentence's full
    stop), or None when no qualifying phrase follows."""
    close = _CLOSE.match(text, quote.end)
    if close is None or quote.text.rstrip().endswith((".", "!", "?")):
        return None
    first = _token_at(doc, text, close.end())
    if first is None or first.pos_ not in _TAIL_STARTS or not first.text.islower():
        return None
    sentence_end = first.sent.end
    while sentence_end > first.i + 1 and doc[sentence_end - 1].is_space:
        sentence_end -= 1  # the paragraph break the parser left in the sentence
    tail = doc[first.i : sentence_end]
    if tail[-1].text != ".":
        return None
    words = list(tail[:-1])
    comma = next((i for i, token in enumerate(words) if token.text == ","), None)
    if comma is not None:
        # '"...," about her record, Lee jabbed back': the sentence turns to the writer's
        # own words at the comma.
        words = words[:comma]
    if not words or any(_interrupts(token) for token in words):
        return None
    return words[-1].idx + len(words[-1].text)


def _token_at(doc: Doc, text: str, at: int) -> Token | None:
    """The first token starting at or after ``at``, on the same line."""
    i = bisect.bisect_left(doc_tokens(doc).idx, at)
    if i == len(doc) or "\n" in text[at : doc[i].idx]:
        return None
    return doc[i]


def _interrupts(token: Token) -> bool:
    """A quotation mark, a verb of saying that would start another report, a finite verb
    (the writer's own clause: '... after the aide said it was over') or a date or time (when
    or where it was said: '... on Friday', '... during a rally on Monday')."""
    if token.text in {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}:
        return True
    if token.tag_ in FINITE_TAGS or token.ent_type_ in {"DATE", "TIME"}:
        return True
    return token.pos_ == "VERB" and token.lemma_ in REPORTING_VERBS
