"""Names spelt like modal verbs: "Will wrote", "May said".

Columnists and politicians called Will or May are quoted often, and the tagger reads the
capitalised word before their verb as a modal ("Will" + "urged"). A modal never stands before
a verb in the past or the present tense: a capitalised one there, inside its sentence, is the
verb's subject.
"""

from __future__ import annotations

from spacy.tokens import Token

_FINITE = frozenset({"VBD", "VBZ"})


def modal_name(verb: Token) -> Token | None:
    """The capitalised "modal" before a finite ``verb`` that is in fact its subject's name,
    or None."""
    if verb.tag_ not in _FINITE:
        return None
    for child in verb.children:
        if (
            child.dep_ == "aux"
            and child.tag_ == "MD"
            and child.i < verb.i
            and child.text[:1].isupper()
        ):
            return child
    return None
