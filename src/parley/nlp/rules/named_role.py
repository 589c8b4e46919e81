"""A person introduced by a role and then named: "a nurse named Tom Reed said".

News often brings in an ordinary witness by what they are and then by name ("a student named
Lee", "a local man identified as Tom Reed"). The parser makes the role noun the subject and
hangs the name from the participle; the reader's speaker is the name, not the role.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon
from parley.nlp.tree import is_reduced_passive

#: Participles that attach a name to a role noun ("named", "called", "identified as").
_NAMING_PARTICIPLES = frozenset({"name", "call", "identify"})

#: Nouns for a body of people that a naming participle may give an organisation's name ("a
#: hacker group called Nightjar said"): the name speaks for the body.
_BODY_NOUNS = lexicon.word_set("named_body_nouns")


def name_after_role(subject: Token | None) -> Token | None:
    """The name a common-noun ``subject`` is given by a naming participle right after it ("a
    nurse named Tom Reed": "Reed"); None when there is none or the name is not a person's."""
    if subject is None or subject.pos_ != "NOUN":
        return None
    for acl in subject.rights:
        if not is_reduced_passive(acl) or acl.i != subject.i + 1:
            continue
        if acl.lemma_.lower() not in _NAMING_PARTICIPLES:
            continue
        for child in acl.rights:
            if child.dep_ == "prep" and child.lower_ == "as":
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            if child.dep_ in {"oprd", "dobj", "attr", "pobj"} and (
                _person_name(child) or (_body_name(child) and subject.lemma_ in _BODY_NOUNS)
            ):
                return child
    return None


def _body_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ == "ORG"


def _person_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
