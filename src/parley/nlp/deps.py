"""Dependency and entity labels the rules test, in one place, named for what they mean.

spaCy's English pipelines use the ClearNLP dependency labels (``nsubj``, ``ccomp``, ...) and the
OntoNotes entity labels (``PERSON``, ``GPE``, ...). A rule names the set it means here instead of
writing the labels inline, so two rules that need different sets say so by name: a verb's
*nominal* subjects (``NOMINAL_SUBJECT_DEPS``) are not its *acting* subjects, which include a
clausal subject (``ACTING_SUBJECT_DEPS``; ``events.py`` and ``event_lexicon.py`` call the same
set ``SUBJECT_DEPS``).

These are labels of the parser's scheme, not words of English: they do not go to
``parley/data/lexicon``, and a user lexicon cannot change them.
"""

from __future__ import annotations

# -- dependency labels ---------------------------------------------------------------------

#: Nominal subjects, active and passive: who a verb of saying or a pronoun's clause is about.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Subjects of a clause that acts, clausal subjects included: an actor mentioned as one of these
#: is recorded as a subject mention (pronouns prefer it).
ACTING_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: What makes a clause finite: its own subject, passive subject, expletive or clausal subject.
FINITE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Relations a speaker search climbs from a participle or a conjunct to the verb that has the
#: subject ("..., saying" takes the subject of the verb it modifies).
SPEAKER_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "ccomp", "dep"})
#: Left dependents kept in a speaker's noun phrase ("the Kremlin's chief spokesman").
NOUN_PHRASE_DEPS = frozenset(
    {
        "compound",
        "amod",
        "det",
        "poss",
        "nmod",
        "prep",
        "pobj",
        "case",
        "nummod",
        "quantmod",
        "flat",
        "punct",
    }
)
#: The clausal complement of a reporting verb that holds what was said ("said [that ...]").
REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})

# -- entity labels -------------------------------------------------------------------------

#: Entities that are counts or measures themselves: never what was said, never what an amount
#: measures.
COUNT_ENTS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
#: Recipients, places, dates and other amounts are not what an amount measures.
NOT_MEASURE_ENTS = frozenset(
    {
        "GPE",
        "PERSON",
        "ORG",
        "NORP",
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "CARDINAL",
        "LOC",
        "FAC",
    }
)
