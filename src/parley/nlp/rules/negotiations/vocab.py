"""The word lists of the negotiation rules, read from ``parley/data/lexicon`` when first asked for.

- ``negotiation_words.tsv``: ``WORD<TAB>LIST<TAB>VALUE``, every plain list (VALUE ``-``) and the
  word-to-kind tables (agreement nouns, step nouns, condition nouns, demand verbs);
- ``negotiation_status_verbs.tsv``: what a verb says happened to an agreement, done or to come;
- ``negotiation_verb_preps.tsv``: status verbs that reach the agreement through a preposition;
- ``negotiation_qualified_nouns.tsv``: nouns that are agreements only with a telling modifier.

A user's ``PARLEY_LEXICON_DIR`` file of the same name adds rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from parley import lexicon
from parley.lexicon import Lexicon

WORDS_FILE = "negotiation_words"
STATUS_FILE = "negotiation_status_verbs"
PREPS_FILE = "negotiation_verb_preps"
QUALIFIED_FILE = "negotiation_qualified_nouns"

#: Statuses of an agreement that has fallen through (a rule outcome, not a word list).
COLLAPSE_STATUSES = frozenset({"collapsed"})


def words(name: str) -> frozenset[str]:
    """The words of the plain list ``name`` of ``negotiation_words.tsv``."""
    return lexicon.where(WORDS_FILE, "role", name)


def mapping(name: str) -> Mapping[str, str]:
    """word -> VALUE for the table ``name`` of ``negotiation_words.tsv`` (a later row wins)."""
    return _mapping(lexicon.current(), name)


def status_verbs() -> Mapping[str, tuple[str, str]]:
    """verb lemma -> (status when done, the step it names when still to come)."""
    return _status_verbs(lexicon.current())


def verb_preps() -> frozenset[tuple[str, str]]:
    """(verb lemma, preposition) pairs through which a status verb reaches its agreement."""
    return _verb_preps(lexicon.current())


def qualified_nouns() -> Mapping[str, tuple[frozenset[str], str]]:
    """noun lemma -> (the modifiers that make it an agreement, the kind reported)."""
    return _qualified_nouns(lexicon.current())


@cache
def _mapping(lex: Lexicon, name: str) -> Mapping[str, str]:
    return {word: value for word, role, value in lex.table(WORDS_FILE) if role == name}


@cache
def _status_verbs(lex: Lexicon) -> Mapping[str, tuple[str, str]]:
    return {verb: (done, step) for verb, done, step in lex.table(STATUS_FILE)}


@cache
def _verb_preps(lex: Lexicon) -> frozenset[tuple[str, str]]:
    return frozenset((verb, prep) for verb, prep in lex.table(PREPS_FILE))


@cache
def _qualified_nouns(lex: Lexicon) -> Mapping[str, tuple[frozenset[str], str]]:
    cues: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for noun, modifier, kind in lex.table(QUALIFIED_FILE):
        cues.setdefault(noun, []).append(modifier)
        kinds[noun] = kind
    return {noun: (frozenset(mods), kinds[noun]) for noun, mods in cues.items()}
