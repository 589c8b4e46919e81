"""A verb of saying in a condition: 'the letter, if written by the suspect, ...'.

A condition ('if written by the suspect', 'unless said under oath') supposes that someone
said or wrote something; it does not report that they did. Such a verb is no cue for a
quotation its clause does not hold: 'According to Reed, the email, if written by the suspect,
would settle it: "..."' is Reed's, not the suspect's.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS

#: Subordinators that make a clause a supposition.
CONDITION_MARKS = frozenset({"if", "unless", "whether"})


def supposed_only(cue: Token) -> bool:
    """Whether the verb ``cue`` heads a reduced clause of condition, a participle with no
    subject of its own ('if written by ...', 'unless asked'). (A full clause, 'if the people
    had been thinking ...', may be a cue the parse merely failed to link.)"""
    return (
        cue.pos_ == "VERB"
        and cue.tag_ in {"VBN", "VBG"}
        and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in cue.children)
        and not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children)
    )
