"""Actors of one article: people, organisations and countries with mentions, titles, countries.

``ActorIndex.build(doc)`` turns spaCy's named entities into canonical actors. The index
(``index.py``) keeps the state and the lookups; the builder steps are functions in their own
modules, run in the order ``steps.BUILD_STEPS`` lists:

1. **People** (``people.py``). PERSON entities, widened to the whole name ("MP Ivanna
   Klympush-Tsintsadze" gives "Ivanna Klympush-Tsintsadze") and stripped of honorifics,
   possessives and titles, are clustered (``names.py``): a surname joins the full name that
   contains it; two full names with different first names stay apart ("Thaksin" and "Yingluck
   Shinawatra"); the canonical name is the fullest the article uses. Repairs of common tagger
   mistakes: a surname tagged ORG or GPE ("Trump's remarks") joins its person; a PERSON that the
   gazetteer knows as a place and that has no person context ("Sumy") is a place, not a person;
   platform names are dropped.
2. **Titles** (``titles.py``) from the words before a name ("Secretary of State Marco Rubio",
   "Kremlin spokesman Dmitry Peskov"), from appositions ("X, chair of the committee, ...") and
   from the noun a name is in apposition to ("the premier's special envoy, Ada Lind").
3. **Countries** from nationality words, country names, capitals and institutions in the title
   ("US", "Italian", "Kremlin"), from "of <country>" after the name, from the apposition, and
   otherwise from the country the article talks about most.
4. **Organisations** (``organisations.py``: ORG entities and table institutions) merged by name,
   alias, acronym and head noun ("the Senate" joins "Puerto Rico Senate"), with country and
   CAMEO sector; and **countries** (``acting_countries.py``, or their capitals, "Moscow said")
   when they act as grammatical subjects.
5. **Descriptions** (``descriptions.py``: "the President", "the Kremlin spokesman", "the
   court") become mentions of the nearest earlier actor with that title or name head;
   **gender** from honorifics, gendered titles and the pronouns that refer back to a person.

The word lists are data files (``parley/data/lexicon``, see ``words.py``). The quote and event
rules then ask the index who a mention, a description or a pronoun refers to
(:meth:`ActorIndex.find`, :meth:`ActorIndex.resolve_description`, the speaker resolver in
``speech.py``), and may register unnamed speakers with :meth:`ActorIndex.add`.
"""

from __future__ import annotations

from parley.nlp.rules.actors.index import ActorIndex
from parley.nlp.rules.actors.names import names_compatible
from parley.nlp.rules.actors.record import ActorRecord
from parley.nlp.rules.actors.words import (
    GENDERED_WORDS,
    HONORIFICS,
    NOT_PEOPLE,
    ORG_LABELS,
    ORG_WORDS,
    PERSON_LABELS,
    PRONOUN_GENDER,
    RANK_MODIFIERS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
)

__all__ = [
    "GENDERED_WORDS",
    "HONORIFICS",
    "NOT_PEOPLE",
    "ORG_LABELS",
    "ORG_WORDS",
    "PERSON_LABELS",
    "PRONOUN_GENDER",
    "RANK_MODIFIERS",
    "TITLE_MODIFIERS",
    "TITLE_NOUNS",
    "ActorIndex",
    "ActorRecord",
    "names_compatible",
]
