"""The text of a Doc, computed once.

``Doc.text`` joins every token each time it is read; rules that slice it in loops would rebuild
the whole article thousands of times. The first read caches it in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "parley.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached on the Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
