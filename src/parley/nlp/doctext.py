"""The text and the sentences of a Doc, computed once.

``Doc.text`` joins every token each time it is read, and ``Doc.sents`` walks the whole parse;
rules that read them in loops (and several rules per article) would redo that work. The first
read caches each in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "parley.text"
_SENTS = "parley.sents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached on the Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, cached on the Doc; the whole Doc as one sentence when it is not parsed."""
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        parsed = doc.has_annotation("DEP") or doc.has_annotation("SENT_START")
        sents = doc.user_data[_SENTS] = tuple(doc.sents) if parsed else (doc[:],)
    return tuple(sents)
