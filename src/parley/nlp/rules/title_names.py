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

from spacy.tokens import Token

from parley.nlp.deps import TENSED_VERB_TAGS
from parley.nlp.rules.actors.words import is_title_word
from parley.nlp.rules.speech_cues import is_speech_verb


def holder_of_title(subject: Token, verb: Token) -> Token:
    """The name that closes a title the parser read as the verb's subject, else ``subject``:
    a person's name right before the verb, inside the subject's phrase, after a lowercase
    word of the title (not "and", an article or a preposition)."""
    if subject.ent_type_ == "PERSON" or not is_title_word(subject.lower_):
        return subject
    last = subject.right_edge
    if last.i + 1 != verb.i or last.ent_type_ != "PERSON" or last.i <= subject.i:
        return subject
    first = last.i
    while first > subject.i + 1 and verb.doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    before = verb.doc[first - 1]
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
    if (
        subject is None
        or subject.i <= verb.i
        or subject.ent_type_ == "PERSON"
        or not is_title_word(subject.lower_)
    ):
        return subject
    sent = subject.sent
    last = sent.end - 1
    doc = subject.doc
    while last > subject.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if doc[last].ent_type_ != "PERSON" or doc[last].is_punct:
        return subject
    first = last
    while first > subject.i + 1 and doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    if first - 1 <= subject.i or doc[first - 1].text != ",":
        return subject
    between = doc[subject.i + 1 : first - 1]
    if any(t.pos_ in {"VERB", "AUX"} or t.is_quote for t in between):
        return subject
    return doc[last]
