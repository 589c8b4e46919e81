"""Dependency labels, parts of speech and entity labels the event rules test, in one place."""

from __future__ import annotations

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
# Subjects of a trigger, clausal subjects included (speech.py's SUBJECT_DEPS has no csubj).
EVENT_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Objects of a trigger (its targets); event_lexicon's condition objects are a wider set.
EVENT_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
# Links a controlled or participial predicate climbs to find its subject.
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl"})
# Links a clause climbs to reach the verb of saying whose content it is.
REPORTED_CLIMB_DEPS = frozenset(
    {"conj", "xcomp", "advcl", "ccomp", "relcl", "pcomp", "prep", "pobj", "aux"}
)
# Left dependants that belong to a noun phrase.
NP_LEFT_DEPS = frozenset(
    {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "npadvmod"}
)
# Entity labels of tokens that may act.
AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
