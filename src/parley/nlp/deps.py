"""Dependency and entity labels the rules test, in one place, named for what they mean.

spaCy's English pipelines use the ClearNLP dependency labels (``nsubj``, ``ccomp``, ...) and the
OntoNotes entity labels (``PERSON``, ``GPE``, ...). A rule names the set it means here instead of
writing the labels inline, so two rules that need different sets say so by name: a verb's
*nominal* subjects (``NOMINAL_SUBJECT_DEPS``) are not its *acting* subjects, which include a
clausal subject (``ACTING_SUBJECT_DEPS``, which the event rules and the event lexicon's
``subj=`` conditions test too). The event rules' sets (formerly ``rules/events/deps.py`` and
``rules/event_lexicon.py``) are here as well; the parts of speech they test, and the verb
tags the quotation rules test, are at the end.

These are labels of the parser's scheme, not words of English: they do not go to
``parley/data/lexicon``, and a user lexicon cannot change them.
"""

from __future__ import annotations

# -- dependency labels ---------------------------------------------------------------------

#: Nominal subjects, active and passive ("[she] said", "[the deal] was signed"): who or what a
#: clause is about.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Subjects of a clause that acts, clausal subjects included: an actor mentioned as one of these
#: is recorded as a subject mention (pronouns prefer it).
ACTING_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: What makes a clause finite: its own subject, passive subject, expletive or clausal subject.
FINITE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: What a verb acts on: its direct object, or its subject when it is passive ("signed [the
#: deal]", "[the deal] was signed").
ACTED_ON_DEPS = frozenset({"dobj", "nsubjpass"})
#: Auxiliaries of a verb, active and passive ("[has] [been] signed").
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
#: A verb's own marks of the passive voice: its passive subject or passive auxiliary ("[the
#: deal] [was] signed"). A participle that modifies a noun ("the deal signed on Monday") has
#: neither: ``tree.is_reduced_passive`` asks about that one.
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
#: Relations a speaker search climbs from a participle or a conjunct to the verb that has the
#: subject ("..., saying" takes the subject of the verb it modifies).
SPEAKER_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "ccomp", "dep"})
#: Relations whose head starts a noun chunk in spaCy's English noun-chunk iterator (copied by
#: ``doctext.noun_chunks``, which must find the same chunks).
NOUN_CHUNK_DEPS = (
    "oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT",
)  # fmt: skip
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
#: What a preposition governs: a noun ("of [the city]") or a clause ("by [saying ...]").
PREPOSITION_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
#: The clausal complement of a reporting verb that holds what was said ("said [that ...]").
REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})

#: Objects of an event trigger (its targets); the event lexicon's ``obj=`` conditions test a wider
#: set (``CONDITION_OBJECT_DEPS``).
EVENT_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
#: Links a controlled or participial predicate climbs to find its subject.
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl"})
#: Links a clause climbs to reach the verb of saying whose content it is.
REPORTED_CLIMB_DEPS = frozenset(
    {"conj", "xcomp", "advcl", "ccomp", "relcl", "pcomp", "prep", "pobj", "aux"}
)
#: Left dependants that belong to a noun phrase, for event participants (``npadvmod`` in, no
#: ``prep``/``pobj``/``case``/``flat``/``punct``: unlike ``NOUN_PHRASE_DEPS``).
NP_LEFT_DEPS = frozenset(
    {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "npadvmod"}
)
#: Objects an event lexicon entry's ``obj=`` condition matches.
CONDITION_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative", "nsubjpass", "pobj"})
#: Subordinate clauses an event lexicon condition does not search into.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis"})
#: The complement an event lexicon entry's ``comp`` condition needs.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
#: Particles and prepositions an event lexicon entry's ``prep=`` condition matches.
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "agent"})

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
#: Entity labels of tokens that may act in an event.
AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# -- parts of speech -------------------------------------------------------------------------

#: Verbal parts of speech (event triggers, verbs of saying).
VERBAL = frozenset({"VERB", "AUX"})
#: Nominal parts of speech.
NOMINAL = frozenset({"NOUN", "PROPN"})

# -- part-of-speech tags -----------------------------------------------------------------------

#: Tags of a verb with tense ("said", "says", "say"): one that can stand before its subject
#: ("said Lund") and take a name hung on it as its subject.
TENSED_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Tags of a finite verb or modal: the clause it heads has a subject, even one the parser lost.
FINITE_TAGS = TENSED_VERB_TAGS | {"MD"}
