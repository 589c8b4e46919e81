"""A quotation set off by dashes inside the clause it interrupts.

'Although Hale lamented his habit of making promises - "does he have to keep making them?" -
voters said they were unmoved': the words between the dashes belong to the clause before the
first dash, whose subject said them, not to the verb of saying after the second dash (the parser
often hangs them there). Dashes are an em or en dash, a doubled hyphen, or a hyphen set apart by
spaces.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.quotemarks import MarkedSpan

#: Dashes that set off an aside; a single hyphen only with a space on its open side.
_DASHES = ("--", "—", "–")
_SPACES = " \t\xa0"


def aside_after_clause(doc: Doc, span: MarkedSpan) -> int | None:
    """Where the dash that closes the quotation begins, when the quotation is set between two
    dashes right after a clause with a verb and its subject in the same sentence; else None."""
    if span.close_at is None:
        return None
    text = doc_text(doc)
    window = text[max(0, span.open_at - 8) : span.open_at]
    before = window.rstrip(_SPACES)
    opening = _dash_at_end(before)
    after_close = span.close_at + span.width
    rest = text[after_close : after_close + 8]
    stripped = rest.lstrip(_SPACES)
    closing = _dash_at_start(stripped, spaced=len(stripped) < len(rest))
    if opening is None or closing is None:
        return None
    # (the dash lies in the window, so every space after it does too)
    at = span.open_at - (len(window) - len(before))
    dash = doc.char_span(at - opening, at, alignment_mode="expand")
    if dash is None or not len(dash) or dash[0].i == 0:
        return None
    last = doc[dash[0].i - 1]
    if last.is_punct or "\n" in text[last.idx : span.open_at]:
        return None
    node = last
    for _ in range(12):
        if node.i >= dash[0].i:
            return None
        if node.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < node.i and c.tag_ not in {"WP", "WDT"}
            for c in node.children
        ):
            return after_close + len(rest) - len(stripped)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _dash_at_end(head: str) -> int | None:
    """The length of the dash that ends ``head`` ('promises -', 'plan —'), else None."""
    for dash in _DASHES:
        if head.endswith(dash):
            return len(dash)
    if head.endswith(" -") or head.endswith("\xa0-"):
        return 1
    return None


def _dash_at_start(tail: str, *, spaced: bool) -> int | None:
    """The length of the dash that opens ``tail`` after a quotation's closing mark, else
    None; a single hyphen only when ``spaced`` (a space between the mark and it)."""
    for dash in _DASHES:
        if tail.startswith(dash):
            return len(dash)
    if spaced and tail.startswith("-") and tail[1:2] in {" ", "\xa0"}:
        return 1
    return None


def cue_after_aside(cue: Token, aside: int) -> bool:
    """Whether ``cue`` heads a clause of its own after the dash closing an aside (at character
    ``aside``): its subject comes after the dash ("- voters said"), unlike a verb that goes on
    with the interrupted clause ("had served in the war - '...' - and said")."""
    return cue.idx >= aside and any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.idx >= aside for c in cue.children
    )
