"""Where a person's name with particles ("Tom de Vries", "Ursula von der Leyen", "Bashar
al-Assad") starts and ends, whatever part of it the tagger found.

The tagger often leaves a particle out of a name ("Van der" + "Bellen"), ends a name on one
("Ursula von der" + "Leyen" tagged a place) or starts it there ("van Oss" after the given name
"Pim" opening the sentence). The particles themselves are data (``name_particles.txt``, read
through :func:`parley.nlp.rules.actors.words.is_name_particle`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.geo.countries import country_code
from parley.nlp.rules.actors.words import (
    HONORIFICS,
    ORG_WORDS,
    is_name_particle,
    is_office_word,
    norm_token,
)


def lower_particle(tok: Token) -> bool:
    """A name's particle written in lower case ("de", not "De" opening a sentence)."""
    return tok.is_lower and is_name_particle(tok)


def particle_left_out(doc: Doc, k: int) -> bool:
    """The particle at token ``k`` opens the name that starts after it ("Van der" + "Bellen",
    "de" + "Vries" tagged alone), in the name's sentence."""
    tok = doc[k]
    return (
        is_name_particle(tok)
        and bool(tok.whitespace_ or doc[k + 1].text == "-")
        and not doc[k + 1].is_sent_start
    )


def given_name_opening_sentence(prev: Token, first: Token) -> bool:
    """ "Pim" of "Pim van Oss, a member of ...", the tagger's name starting at "van": a
    sentence's first word is anything capitalised, but one right before a name's lower-case
    particle is the given name, whatever the tagger made of it ("Ilse" an adjective, "Hanna"
    an organisation)."""
    low = norm_token(prev.text)
    return (
        bool(prev.is_sent_start)
        and lower_particle(first)
        and prev.pos_ in ("PROPN", "NOUN", "ADJ", "X")
        and prev.text[:1].isupper()
        and not prev.text.isupper()
        and prev.ent_type_ in ("", "PERSON", "ORG")
        and not is_office_word(low)
        and low not in HONORIFICS
        and low not in ORG_WORDS
        and not country_code(prev.text)
        and bool(prev.whitespace_)
    )


def surname_after_particles(doc: Doc, start: int, end: int) -> int:
    """Where a name that ends with particles really ends: a name never ends with one, so the
    capitalised word after them is its surname, whatever the tagger called it ("Ursula von
    der" + "Leyen" tagged a place; "Bashar al" + "-Assad"); ``end`` when there is none."""
    last = end
    while last > start and is_name_particle(doc[last - 1]):
        last -= 1
    if last in (end, start):
        return end
    k = end + 1 if end < len(doc) and doc[end].text == "-" else end
    if k < len(doc) and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "NOUN", "X"):
        return k + 1
    return end


def particles_before(doc: Doc, i: int) -> int:
    """Where a surname at token ``i`` starts: at the name particles written before it ("de"
    of "de Vries", "al" and the hyphen of "al-Assad"), else at ``i``."""
    start = i
    while start > 0:
        prev = doc[start - 1]
        if prev.text == "-" and start > 1 and not prev.whitespace_:
            if not is_name_particle(doc[start - 2]) or doc[start - 2].whitespace_:
                break
            start -= 2
        elif is_name_particle(prev) and prev.whitespace_:
            start -= 1
        else:
            break
    return start


def names_someone_new(doc: Doc, start: int, name: str) -> bool:
    """Whether a name (at token ``start``) may be a person of its own, not only another
    mention of one already named: any name but a single word opened by its particle and a
    hyphen ("al-Assad"), which is someone named before in full ("Bashar al-Assad"), unless a
    title or honorific says it is a person ("President al-Assad"): "al-Qaeda", "al-Shabaab"
    are written the same way. ("dos Santos", "de Vries" are surnames whatever comes before.)"""
    if not name[:1].islower() or " " in name:
        return True
    if start == 0:
        return False
    before = norm_token(doc[start - 1].text)
    return before in HONORIFICS or is_office_word(before)
