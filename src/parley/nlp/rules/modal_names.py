"""Names spelt like modal verbs: "Will wrote", "May said".

Columnists and politicians called Will or May are quoted often, and the tagger reads the
capitalised word before their verb as a modal ("Will" + "urged"), or tags it a proper noun
and still hangs it on the verb as an auxiliary ("May" + "said"). A modal is followed by a verb
in its base form: a capitalised one right before a verb in the past or present tense, before
a past participle, or before a tensed auxiliary ("Will has written"), is the verb's subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.tree import auxiliaries

#: What cannot follow a modal: tensed verbs and a past participle with no "have" before it.
_NOT_AFTER_MODAL = frozenset({"VBD", "VBZ", "VBN"})
#: How the tagger labels the name it hangs on the verb as an auxiliary.
_MODAL_OR_NAME = frozenset({"MD", "NNP"})


def modal_name(verb: Token) -> Token | None:
    """The capitalised "modal" before ``verb`` that is in fact its subject's name, or None."""
    auxes = [c for c in auxiliaries(verb) if c.i < verb.i]
    name = next(
        (c for c in auxes if c.dep_ == "aux" and c.tag_ in _MODAL_OR_NAME and c.text[:1].isupper()),
        None,
    )
    if name is None:
        return None
    # the word after the "modal": the next auxiliary ("Will has written") or the verb itself
    after = next((c for c in auxes if c.i > name.i), verb)
    return name if after.tag_ in _NOT_AFTER_MODAL else None
