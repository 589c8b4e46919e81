"""What "it" is when a document speaks: "The memo went out on Monday. '...,' it stated."

News lets a document it has just named go on speaking as "it" ("it reads", "it stated",
"it says"). The resolver looks for an actor, and a memo, a letter or an email is none: the
reader takes the document named last before the pronoun, in its paragraph or the one before.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.nlp.rules.speaker_tokens import TEXT_BEARING_NOUNS
from parley.nlp.rules.speech_cues import DOCUMENT_NOUNS

#: How far back (in tokens) a document can stand for "it".
_REACH = 80


def document_before(pronoun: Token, quoted: Callable[[int], bool] | None) -> Token | None:
    """The document noun "it" (``pronoun``) stands for: the last one before it, outside
    quotations, not across more than one paragraph break nor past the subject of a clause
    "it" stands inside; None if there is none or the pronoun is not "it"."""
    if pronoun.lower_ != "it":
        return None
    doc = pronoun.doc
    text = doc_text(doc)
    breaks = 0
    for i in range(pronoun.i - 1, max(pronoun.i - _REACH, -1), -1):
        tok = doc[i]
        if "\n" in text[tok.idx : doc[i + 1].idx]:
            breaks += 1
            if breaks > 1:
                return None
        if quoted is not None and quoted(tok.idx):
            continue
        if tok.pos_ == "NOUN" and _document_word(tok):
            return tok
        if tok.dep_ in NOMINAL_SUBJECT_DEPS and tok.lower_ != "it" and _governs(tok.head, pronoun):
            # "the rule puzzles drivers because it demands ...": the subject of the clause
            # that "it" stands inside is what "it" stands for, and no document before it is.
            return None
    return None


def _document_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in DOCUMENT_NOUNS or lemma in TEXT_BEARING_NOUNS


def _governs(verb: Token, pronoun: Token) -> bool:
    """Whether ``pronoun`` stands in a clause below ``verb`` in the parse."""
    return any(a.i == verb.i for a in pronoun.ancestors)
