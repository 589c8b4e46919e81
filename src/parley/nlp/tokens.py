"""The tokens of a Doc and their attributes as plain Python lists, made once per Doc.

Each ``for tok in doc``, ``doc[i]`` or ``tok.head`` makes a new spaCy ``Token`` object, and each
``tok.text``, ``tok.lower_`` or ``tok.pos_`` looks its string up in the vocabulary again. Rules
that walk the whole article for a few words (and there are a dozen of them per article) spent
much of their time there: about 9 million ``Token`` objects were made for 250,000 tokens of the
bulk corpus. :func:`doc_tokens` gives the Doc's :class:`TokenTable`, made on first use and kept
in ``doc.user_data``: the ``Token`` objects themselves, made once, and one list per attribute,
made on first read, indexed by token position. A rule that scans the Doc tests the lists and
takes a ``Token`` only where it needs one.

The lists are views of the parse: they are right as long as the Doc is not changed (the rules
never retokenise).
"""

from __future__ import annotations

from functools import cached_property

import numpy
from spacy.tokens import Doc, Token

from parley.nlp.doctext import checkpoint

_KEY = "parley.tokens"


class TokenTable:
    """The tokens of one Doc, each attribute a list indexed by token position (``i``)."""

    def __init__(self, doc: Doc) -> None:
        #: The Doc's ``Token`` objects, ``tokens[i] == doc[i]``.
        self.tokens: list[Token] = list(doc)

    @cached_property
    def text(self) -> list[str]:
        """``Token.text``."""
        return [t.text for t in self.tokens]

    @cached_property
    def lower(self) -> list[str]:
        """``Token.lower_``."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def lemma(self) -> list[str]:
        """``Token.lemma_``."""
        return [t.lemma_ for t in self.tokens]

    @cached_property
    def pos(self) -> list[str]:
        """``Token.pos_``."""
        return [t.pos_ for t in self.tokens]

    @cached_property
    def tag(self) -> list[str]:
        """``Token.tag_``."""
        return [t.tag_ for t in self.tokens]

    @cached_property
    def dep(self) -> list[str]:
        """``Token.dep_``."""
        return [t.dep_ for t in self.tokens]

    @cached_property
    def ent_type(self) -> list[str]:
        """``Token.ent_type_`` ("" outside an entity)."""
        return [t.ent_type_ for t in self.tokens]

    @cached_property
    def like_num(self) -> list[bool]:
        """``Token.like_num``."""
        return [t.like_num for t in self.tokens]

    @cached_property
    def head(self) -> list[int]:
        """``Token.head.i``: the position of each token's head (its own for a root)."""
        if not self.tokens:
            return []
        doc = self.tokens[0].doc
        # HEAD is stored as the offset from the token, as an unsigned number.
        offsets = doc.to_array("HEAD").astype(numpy.int64)
        return (offsets + numpy.arange(len(doc))).tolist()  # type: ignore[no-any-return]

    @cached_property
    def idx(self) -> list[int]:
        """``Token.idx``: the character offset where each token starts."""
        return [t.idx for t in self.tokens]


def doc_tokens(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, made once and kept on the Doc."""
    checkpoint(doc)
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = TokenTable(doc)
    return table
