"""A campus after a comma is part of its institution's name, not a speaker.

Many universities are named with their campus set off by a comma ("University of Wessex,
Eastport"). In "Ann Pratt of the University of Wessex, Eastport said", the parser takes the
campus for the subject of the verb; the reader's speaker is the person the phrase began with.
"""

from __future__ import annotations

from spacy.tokens import Token

#: How far back from the comma the person's "of" may stand ("of the University of Wessex").
_MAX_INSTITUTION_WORDS = 7


def person_before_campus(subject: Token | None) -> Token | None:
    """The person whose "Name of <institution>, <Campus>" phrase the campus ``subject`` closes
    ("Ann Pratt of the University of Wessex, Eastport said": "Pratt"); None otherwise."""
    if subject is None or subject.pos_ != "PROPN":
        return None
    doc = subject.doc
    start = subject.left_edge.i
    if (
        start < 4
        or doc[start - 1].text != ","
        or any(t.pos_ != "PROPN" for t in doc[start : subject.i + 1])
    ):
        return None
    last = doc[start - 2]
    if last.pos_ != "PROPN" or last.ent_type_ != "ORG":
        return None
    for i in range(start - 3, max(start - 3 - _MAX_INSTITUTION_WORDS, 0), -1):
        tok = doc[i]
        if tok.lower_ == "of" and doc[i + 1].ent_type_ == "ORG":
            person = doc[i - 1]
            if person.pos_ == "PROPN" and person.ent_type_ == "PERSON":
                return person
            continue  # "of" inside the institution's own name ("University of Wessex")
        if tok.ent_type_ != "ORG" and not tok.is_punct:
            return None
    return None
