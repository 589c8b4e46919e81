"""The word lists of the event rules, read from ``parley/data/lexicon`` when first asked for.

``events_words.tsv`` holds every list of words (one row per word and list: ``WORD<TAB>LIST``)
and ``events_codes.tsv`` the lists of CAMEO codes the rules test; the lists are named and
described at the top of each file. A user's ``PARLEY_LEXICON_DIR`` file of the same name adds
rows. The trigger lexicon itself is ``parley/data/event_lexicon.tsv``
(:mod:`parley.nlp.rules.event_lexicon`).

The tables of frames below map rule outcomes, not words, and stay in code.
"""

from __future__ import annotations

from parley import lexicon

WORDS_FILE = "events_words"
CODES_FILE = "events_codes"


def words(name: str) -> frozenset[str]:
    """The words of list ``name`` of ``events_words.tsv``."""
    return lexicon.where(WORDS_FILE, "role", name)


def codes(name: str) -> frozenset[str]:
    """The CAMEO codes (or roots) of list ``name`` of ``events_codes.tsv``."""
    return lexicon.where(CODES_FILE, "role", name)


# Verbs of saying whose content clause holds a reported event: the event_reporting column of the
# one list of verbs of saying.
REPORTING = lexicon.where_set("speech_verbs", "event_reporting")

# The code a frame gives when its complement carries no code of its own.
FRAME_DEFAULTS = {
    "threat": "130",
    "refusal": "120",
    "demand": "100",
    "appeal": "020",
    "intent": "030",
}
# The modality of an event built by a frame.
FRAME_MODALITY = {
    "threat": "threatened",
    "intent": "intended",
    "demand": "requested",
    "appeal": "requested",
    "order": "requested",
}
