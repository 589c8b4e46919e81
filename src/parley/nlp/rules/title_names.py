"""Names the parser did not make a verb's subject: a name closing a long title, a name hung
on the verb as a compound.

"Acme Radio Vice President for sport and weather Sam Ruiz said": the parser reads the "and" of
the title's own phrase as joining two subjects, the title and the name, and makes the title
the subject. The name right after a lowercase word of the title (no "and", no article before
it) is the person the title describes and the one who speaks.

'When a man shouted "...", Reed joked, "..."': the parser hung "Reed" on "joked" as a
compound and left the verb without a subject, so the search climbed to the man.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeGuard

from spacy.tokens import Doc, Token

from parley.nlp.deps import TENSED_VERB_TAGS
from parley.nlp.doctext import ent_at
from parley.nlp.rules.actors.words import is_title_word
from parley.nlp.rules.speech_cues import is_speech_verb


def is_title_subject(subject: Token | None) -> TypeGuard[Token]:
    """Whether ``subject`` is a title word ("director", "Ministers") no person's name covers:
    the subject each finder below looks beside for the name of the title's holder."""
    return subject is not None and subject.ent_type_ != "PERSON" and is_title_word(subject.lower_)


def persons_in_apposition(title: Token) -> Iterator[Token]:
    """The person's names the parser set in apposition after ``title`` ("the director, Ann
    Pratt"), in text order."""
    return (c for c in title.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON")


def _name_start(doc: Doc, last: int, floor: int) -> int:
    """The first token of the person's name that ends at token ``last``, not before ``floor``."""
    first = last
    while first > floor and doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    return first


def _name_ending_subject(subject: Token, verb: Token) -> Token | None:
    """The last word of a person's name that closes the title ``subject``'s phrase right before
    ``verb`` ("... Tom Reed said"), else None."""
    last = subject.right_edge
    if last.i + 1 != verb.i or last.ent_type_ != "PERSON" or last.i <= subject.i:
        return None
    return last


def _breaks_title_phrase(tok: Token) -> bool:
    """A verb, a comma, a semicolon or a quotation mark: a title and a name on either side of
    it are not one phrase."""
    return tok.pos_ in {"VERB", "AUX"} or tok.text in {",", ";"} or tok.is_quote


def holder_of_title(subject: Token, verb: Token) -> Token:
    """The name that closes a title the parser read as the verb's subject, else ``subject``:
    a person's name right before the verb, inside the subject's phrase, after a lowercase
    word of the title (not "and", an article or a preposition)."""
    if not is_title_subject(subject):
        return subject
    last = _name_ending_subject(subject, verb)
    if last is None:
        return subject
    before = verb.doc[_name_start(verb.doc, last.i, subject.i + 1) - 1]
    if (
        before.i > subject.i
        and before.is_alpha
        and before.is_lower
        and before.pos_ not in {"DET", "CCONJ", "ADP", "PRON", "SCONJ", "PART"}
    ):
        return last
    return subject


def compound_name_subject(verb: Token) -> Token | None:
    """A proper name right before a finite verb of saying that the parser hung on it as a
    compound. Only a verb of saying: 'Lund co-founded the party to oppose ...' split by the
    tagger into "co" and "founded" would otherwise make an aim a stance."""
    if verb.tag_ not in TENSED_VERB_TAGS or verb.i == 0 or not is_speech_verb(verb):
        return None
    before = verb.doc[verb.i - 1]
    if before.head.i == verb.i and before.dep_ == "compound" and before.pos_ == "PROPN":
        return before
    return None


def holder_closing_sentence(subject: Token | None, verb: Token) -> Token | None:
    """ "'...,' said the officer responsible for ferries, Ann Holt.": a title after
    the verb whose phrase runs on to a comma and a person's name closing the sentence is that
    person's, whatever the parser hung the name on; else ``subject``. Nothing between the
    title and the name may be a verb or a quotation mark (a clause of its own)."""
    if not is_title_subject(subject) or subject.i <= verb.i:
        return subject
    sent = subject.sent
    last = sent.end - 1
    doc = subject.doc
    while last > subject.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if doc[last].ent_type_ != "PERSON" or doc[last].is_punct:
        return subject
    first = _name_start(doc, last, subject.i + 1)
    if first - 1 <= subject.i or doc[first - 1].text != ",":
        return subject
    between = doc[subject.i + 1 : first - 1]
    if any(
        (t.pos_ in {"VERB", "AUX"} and not _noun_taken_for_verb(t)) or t.is_quote for t in between
    ):
        return subject
    return doc[last]


def _noun_taken_for_verb(tok: Token) -> bool:
    """A word the tagger read as a verb that the parser joins to a noun as its conjunct
    ("director of safety and hygiene"): a noun of the title, not a clause."""
    return (
        tok.dep_ == "conj"
        and tok.head.pos_ in {"NOUN", "PROPN"}
        and all(c.dep_ == "prep" for c in tok.children)
    )


#: Words a title's own short phrase of place or body may hold before the comma that sets off
#: its holder's name: "Chief Medical Officer for Dover, Tom Reed", "Minister of Health and
#: Welfare, Ann Pratt".
_TITLE_PHRASE_WORDS = frozenset({"of", "for", "at", "in", "the", "and", "&"})


def comma_after_title_phrase(doc: Doc, i: int, limit: int = 7) -> int:
    """The comma that closes a title's short phrase of place or body starting at token ``i``
    ("for Dover," in "Chief Medical Officer for Dover, Tom Reed"), else ``i``. The phrase
    starts with "of", "for", "at" or "in" and holds only capitalised words and those small
    words; at most ``limit`` words."""
    if i >= len(doc) or doc[i].lower_ not in {"of", "for", "at", "in"}:
        return i
    j = i + 1
    while j < len(doc) and j - i <= limit:
        tok = doc[j]
        if tok.text == ",":
            return j if j > i + 1 else i
        if not (tok.lower_ in _TITLE_PHRASE_WORDS or (tok.is_alpha and tok.text[0].isupper())):
            return i
        j += 1
    return i


def name_before_title(subject: Token | None) -> Token | None:
    """ "Tom Reed Deputy Director for the Dover agency said": a person's name the parser
    folded into a capitalised title after it, no comma between, as the title's compound; the
    name is the speaker. None when ``subject`` is no title word or its phrase does not start
    with a person's name followed only by capitalised title words."""
    if not is_title_subject(subject):
        return None
    doc = subject.doc
    first = subject.left_edge.i
    if doc[first].lower_ in {"the", "a", "an"}:
        return None
    last = first
    while last < subject.i and doc[last].ent_type_ == "PERSON":
        last += 1
    if last == first or last - first > 4 or doc[first].ent_iob_ != "B":
        return None
    between = doc[last : subject.i + 1]
    if not all(t.pos_ == "PROPN" and t.text[0].isupper() and not t.ent_type_ for t in between):
        return None
    if not any(is_title_word(t.lower_) for t in between[:-1]) and len(between) > 2:
        return None
    return doc[last - 1]


def name_before_appositive_title(subject: Token | None, verb: Token) -> Token | None:
    """ "Tom Reed, the chief officer of Acme said ...": a person's name, a comma, and a
    title in apposition to it that runs straight into the verb, the closing comma left out;
    the parser made the title the subject. The name is the speaker. None when the name is
    the object of a verb or follows a preposition ("Speaking to Tom Reed, the minister
    said": two people), or when the title does not run to the verb."""
    if not is_title_subject(subject) or subject.ent_type_ or subject.i >= verb.i:
        return None
    if subject.right_edge.i + 1 != verb.i:
        return None
    doc = subject.doc
    first = subject.left_edge
    if first.lower_ != "the" or first.i < 2 or doc[first.i - 1].text != ",":
        return None
    name = doc[first.i - 2]
    if name.ent_type_ != "PERSON" or name.ent_iob_ == "O":
        return None
    start = _name_start(doc, name.i, 0)
    sent_start = subject.sent.start
    before = doc[sent_start:start]
    if start > sent_start and doc[start - 1].pos_ in {"ADP", "VERB", "AUX", "CCONJ"}:
        return None
    if any(_breaks_title_phrase(t) for t in before):
        return None
    return name


def holder_of_title_in_body_name(subject: Token | None) -> Token | None:
    """ "The Dover Institute of Health and Safety's director, Ann Pratt, said": the parser read
    the "and" of the body's own name as joining the body and the title, and made the body the
    subject. When the title's owner lies inside the same named entity as the subject, the
    title belongs to the body, and the person named in apposition to it speaks."""
    if subject is None or not subject.ent_type_ or subject.ent_type_ == "PERSON":
        return None
    doc = subject.doc
    ent = ent_at(doc, subject.i)
    if ent is None:
        return None
    for title in subject.conjuncts:
        if title.i < ent.end or title.ent_type_ or not is_title_word(title.lower_):
            continue
        if not any(c.dep_ == "poss" and ent.start <= c.i < ent.end for c in title.children):
            continue
        person = next(persons_in_apposition(title), None)
        if person is not None:
            return person
    return None


def name_closing_long_title(subject: Token | None, verb: Token) -> Token | None:
    """ "Deputy Minister of Ports and Shipping Tom Reed said", "Special Envoy of the Council
    for East Avonia Tom Reed said": a long title with its own "of"/"for" phrase, ended by its
    holder's full name right before the verb, no comma. The parser made the title the subject
    and hung the name inside it; the name speaks. None when the name is one word, when a verb,
    comma or quotation mark stands between, or when "and", a preposition or an article comes
    right before the name (two subjects, or the name is the title's object)."""
    if not is_title_subject(subject) or subject.i >= verb.i:
        return None
    name = _name_ending_subject(subject, verb)
    if name is None:
        return None
    doc, last = subject.doc, name.i
    first = last
    while first > subject.i + 1 and doc[first].ent_iob_ != "B":
        first -= 1
    between = doc[subject.i + 1 : first]
    if last == first or not any(t.lower_ in {"of", "for"} for t in between):
        return None
    if any(_breaks_title_phrase(t) for t in between):
        return None
    if doc[first - 1].pos_ in {"CCONJ", "ADP", "DET"}:
        return None
    return doc[last]
