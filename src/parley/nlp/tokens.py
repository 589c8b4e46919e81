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


#: Strings by their hash (or symbol id) in spaCy's string store, for every Doc: a hash names
#: the same string in any vocabulary. Started afresh past :data:`_STRINGS_LIMIT` entries.
_STRINGS: dict[int, str] = {}
_STRINGS_LIMIT = 500_000


class TokenTable:
    """The tokens of one Doc, each attribute a list indexed by token position (``i``)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc

    @cached_property
    def tokens(self) -> list[Token]:
        """The Doc's ``Token`` objects, ``tokens[i] == doc[i]``."""
        return list(self._doc)

    def _strings(self, attr: str) -> list[str]:
        """The string attribute ``attr`` (``"LOWER"``, ``"POS"``, ...) of every token, read from
        the Doc's array of hashes in one call instead of token by token."""
        hashes = self._doc.to_array(attr).tolist()
        missing = set(hashes).difference(_STRINGS)
        if missing:
            if len(_STRINGS) > _STRINGS_LIMIT:
                _STRINGS.clear()
                missing = set(hashes)
            store = self._doc.vocab.strings
            for h in missing:
                _STRINGS[h] = store[h]
        return [_STRINGS[h] for h in hashes]

    @cached_property
    def text(self) -> list[str]:
        """``Token.text``."""
        return self._strings("ORTH")

    @cached_property
    def lower(self) -> list[str]:
        """``Token.lower_``."""
        return self._strings("LOWER")

    @cached_property
    def lemma(self) -> list[str]:
        """``Token.lemma_``."""
        return self._strings("LEMMA")

    @cached_property
    def pos(self) -> list[str]:
        """``Token.pos_``."""
        return self._strings("POS")

    @cached_property
    def tag(self) -> list[str]:
        """``Token.tag_``."""
        return self._strings("TAG")

    @cached_property
    def dep(self) -> list[str]:
        """``Token.dep_``."""
        return self._strings("DEP")

    @cached_property
    def ent_type(self) -> list[str]:
        """``Token.ent_type_`` ("" outside an entity)."""
        return self._strings("ENT_TYPE")

    @cached_property
    def like_num(self) -> list[bool]:
        """``Token.like_num``."""
        return [bool(v) for v in self._doc.to_array("LIKE_NUM").tolist()]

    @cached_property
    def head(self) -> list[int]:
        """``Token.head.i``: the position of each token's head (its own for a root)."""
        # HEAD is stored as the offset from the token, as an unsigned number.
        offsets = self._doc.to_array("HEAD").astype(numpy.int64)
        return (offsets + numpy.arange(len(self._doc))).tolist()  # type: ignore[no-any-return]

    @cached_property
    def idx(self) -> list[int]:
        """``Token.idx``: the character offset where each token starts."""
        return self._doc.to_array("IDX").tolist()  # type: ignore[no-any-return]


def doc_tokens(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, made once and kept on the Doc."""
    checkpoint(doc)
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = TokenTable(doc)
    return table


#: Word forms whose lemma the tagger's lemmatizer gets wrong, with the right one: "slated"
#: comes out as "slat".
_MENDED_FORMS = {"slated": "slate", "slates": "slate", "slating": "slate"}


def mended_lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer gives another word: "hopes", "hoped" and
    "hoping" come out as "hop" (a real "hopping" keeps it), "slated" as "slat"."""
    return mend_lemma(token.lemma_, token.lower_)


def mend_lemma(lemma: str, lower: str) -> str:
    """:func:`mended_lemma` of a word given by its lemma and lower-case form (as a
    :class:`TokenTable` lists them)."""
    if lemma.lower() == "hop" and not lower.startswith("hopp"):
        return "hope"
    return _MENDED_FORMS.get(lower, lemma)


def has_infinitive_to(verb: Token) -> bool:
    """Whether ``verb`` heads a "to" infinitive ("asked her [to] explain")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
