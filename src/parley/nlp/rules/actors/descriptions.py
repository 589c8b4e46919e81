"""Definite descriptions ("the President") as mentions, and gender from pronouns."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from parley import lexicon
from parley.geo.countries import (
    country_of_name,
    demonym_code,
)
from parley.nlp.deps import ACTING_SUBJECT_DEPS
from parley.nlp.doctext import noun_chunks
from parley.nlp.rules.actors.index import parse_description
from parley.nlp.rules.actors.record import ActorRecord
from parley.nlp.rules.actors.words import (
    GENDERED_WORDS,
    HOLDER_OFFICES,
    HOLDER_ROLES,
    ORG_WORDS,
    POSSESSIVE,
    PRONOUN_GENDER,
    is_office_word,
    is_title_word,
    name_tokens,
    norm_token,
)

#: Titles of people who speak for someone else ("spokeswoman", "aide").
SPOKESPERSON_NOUNS = lexicon.word_set("spokesperson_nouns")

if TYPE_CHECKING:
    from spacy.tokens import Span

    from parley.nlp.rules.actors.index import ActorIndex


def add_descriptions(index: ActorIndex) -> None:
    """Definite descriptions ("the President", "the three-judge court") as mentions."""
    doc = index.doc
    for chunk in noun_chunks(doc):
        first = chunk[0]
        if first.lower_ != "the" or first.i in index.claimed:
            continue
        head = chunk.root
        low = norm_token(head.text)
        if not (is_title_word(low) or low in ORG_WORDS or low in HOLDER_ROLES):
            continue
        place = _place_after_from(chunk)
        if not _stands_alone(chunk, place):
            continue
        if index.at(chunk.start_char, chunk.end_char) is not None:
            continue
        # "the senator from Vermont" is read as "the Vermont senator": a holder of that place.
        text = f"{first.text} {place[0]} {chunk[1:].text}" if place else chunk.text
        end_char = place[1] if place else chunk.end_char
        # "Moss, the senator from Idaho": the name's, not an earlier holder's.
        named = _named_before(index, chunk, end_char)
        if named is not None and (named.kind == "person") != (low not in ORG_WORDS):
            named = None  # "Lee, the council": not a person's description
        record = named or index.resolve_description(text, chunk.start_char)
        if record is None and head.dep_ in ACTING_SUBJECT_DEPS and not _named_beside(chunk):
            record = _holder(index, chunk, low)
        if record is None:
            continue
        record.add_mention(chunk.start_char, end_char, index.text[chunk.start_char : end_char])
        if head.dep_ in ACTING_SUBJECT_DEPS:
            record.subject_mentions.append((chunk.start_char, chunk.end_char))


def _stands_alone(chunk: Span, place: tuple[str, int] | None) -> bool:
    """Whether a description ends with its head and is no part of a name: not "the
    President's office", "the President Ana Reis", "the president of the league", "the
    Trump campaign" (a "from" phrase only when it names a place: ``place``)."""
    doc = chunk.doc
    head = chunk.root
    if head.i != chunk.end - 1:
        return False  # "the President's office": the head is not the last word
    nxt = doc[chunk.end] if chunk.end < len(doc) else None
    if nxt is not None and (
        nxt.pos_ == "PROPN"
        or nxt.lower_ == "of"
        or nxt.text in POSSESSIVE
        or nxt.lower_ == "from"
        and place is None
    ):
        return False  # "the President Ana Reis", "the president of the league"
    if any(t.ent_type_ in ("PERSON", "ORG") for t in chunk):
        return False  # named entities are handled as names
    return not any(
        t.pos_ == "PROPN"
        and not (
            demonym_code(t.text)
            or country_of_name(t.text)
            or is_office_word(norm_token(t.text))
            or norm_token(t.text) in HOLDER_ROLES
        )
        for t in chunk[1:]
    )


def _place_after_from(chunk: Span) -> tuple[str, int] | None:
    """The place, and where it ends, of "from <place>" right after a description ("the
    senator from New Jersey"): capitalised words the tagger calls a place."""
    doc = chunk.doc
    k = chunk.end
    if k + 1 >= len(doc) or doc[k].lower_ != "from":
        return None
    end = k + 1
    while end < len(doc) and end - k <= 3 and doc[end].ent_type_ in ("GPE", "LOC"):
        end += 1
    if end == k + 1:
        return None
    words = doc[k + 1 : end]
    return words.text, words.end_char


#: "Roe, the former senator from Utah who ...": a relative clause on the description.
_RELATIVE_OPENING = re.compile(r"(?:who|whose|which)\b")


def _named_before(index: ActorIndex, chunk: Span, end_char: int) -> ActorRecord | None:
    """The person or organisation named right before a description set off by commas ("Ann
    Lee, the senator, said"; the description ending at ``end_char``), which the description is
    in apposition to by its shape, whatever the parse made of it. Not "According to NPR, the
    police then fired": a description going on into its clause is that clause's subject."""
    doc = chunk.doc
    k = chunk.start
    if k < 2 or doc[k - 1].text != "," or doc[k - 2].pos_ != "PROPN":
        return None
    after = index.text[end_char : end_char + 7].lstrip(" ")
    if after[:1] not in {",", ".", ";", ")", "\n", ""} and not _RELATIVE_OPENING.match(after):
        return None
    if doc[k - 2].ent_type_ in ("GPE", "LOC", "DATE", "FAC"):
        return None  # "In Ohio, the governor said": a place before a comma opens the clause
    name = doc[k - 2]
    return index.at(name.idx, name.idx + len(name.text))


def _named_beside(chunk: Span) -> bool:
    """Whether a name stands in apposition to the description ("the party's nominee, Ann
    Lee, won"): the description is that person's, not the last subject's."""
    doc = chunk.doc
    if any(child.dep_ == "appos" for child in chunk.root.children):
        return True
    k = chunk.end
    return k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].pos_ == "PROPN"


def _holder(index: ActorIndex, chunk: Span, head: str) -> ActorRecord | None:
    """The person a subject description no titled person fits stands for: "Tom Poe shared a
    letter. [...] The candidate also said": the person who is the subject of this sentence or
    the one before, when no other person is a subject there and no other person was named
    since. Not when a quotation stands
    between them (the quoted speaker may be someone else), when that subject's verb governs
    the description ("Poe's aide said the candidate would ..."), or when the description
    names another country. An office ("the senator") goes only to a person with no recorded
    title who is the only person named there, and a gendered word only to a person not known
    to be of the other gender."""
    office = head in HOLDER_OFFICES
    if not (office or head in HOLDER_ROLES):
        return None
    start = chunk.start_char
    window = index.previous_sentence_start(start)
    if any(mark in index.text[window:start] for mark in _QUOTE_MARKS):
        return None
    found = _sole_subject(index, window, start)
    if found is None or not _may_stand_for(index, chunk, *found):
        return None
    record = found[2]
    if office and not _only_untitled_person(index, record, window, start):
        return None
    gender = GENDERED_WORDS.get(head)
    if gender and record.gender and record.gender != gender:
        return None
    return record


def _sole_subject(
    index: ActorIndex, window: int, start: int
) -> tuple[int, int, ActorRecord] | None:
    """The one person who is a subject between ``window`` and ``start``, with that subject
    mention's offsets; None when there is none or more than one."""
    subjects = {
        record.id: (s, e, record)
        for record in index.records
        if record.kind == "person"
        for s, e in record.subject_mentions
        if window <= s < start
    }
    if len(subjects) != 1:
        return None
    ((at, end, record),) = subjects.values()
    return at, end, record


def _may_stand_for(index: ActorIndex, chunk: Span, at: int, end: int, record: ActorRecord) -> bool:
    """Whether the description can stand for the subject at ``at``: that person is no one's
    spokesperson, was named last, does not govern the description, and is not of another
    country than the one it names."""
    if any(w in SPOKESPERSON_NOUNS for _, title in record.titles for w in name_tokens(title)):
        return False  # "Ann Lee, a spokeswoman for Poe, ... The nominee": her principal
    nearest = index.mentions_before(chunk.start_char, kind="person")
    if nearest[-1][1] is not record:
        return False  # "Poe defended Lee's remarks when the candidate ...": Lee came last
    subject = index.doc.char_span(at, end, alignment_mode="expand")
    if subject is not None and subject.root.head in chunk.root.ancestors:
        return False
    parsed = parse_description(chunk.text)
    return not (parsed is not None and parsed[0] and record.country and parsed[0] != record.country)


def _only_untitled_person(index: ActorIndex, record: ActorRecord, window: int, start: int) -> bool:
    """Whether ``record`` has no title of its own and is the only person named between
    ``window`` and ``start``: what lets an office ("the senator") stand for it."""
    if record.title or record.titles:
        return False
    named = {
        r.id
        for r in index.records
        if r.kind == "person" and any(window <= s < start for s, _ in r.mentions)
    }
    return named == {record.id}


#: Marks that open or close a quotation.
_QUOTE_MARKS = ('"', "\u201c", "\u201d", "''")


def infer_gender(index: ActorIndex) -> None:
    votes: dict[str, Counter[str]] = {}
    for record in index.records:
        if record.kind != "person":
            continue
        for word in name_tokens(record.title or "") + [
            norm_token(a.split()[0]) for a in record.aliases if a.split()
        ]:
            if word in GENDERED_WORDS:
                votes.setdefault(record.id, Counter())[GENDERED_WORDS[word]] += 2
    pronoun_gender = PRONOUN_GENDER.get_map()  # fetched once: read for every token
    pos = index.tokens.pos
    for i, lower in enumerate(index.tokens.lower):
        gender = pronoun_gender.get(lower)
        if gender is None or pos[i] != "PRON":
            continue
        antecedent = find_antecedent(index, index.tokens.tokens[i].idx, persons_only=True)
        if antecedent is not None:
            votes.setdefault(antecedent.id, Counter())[gender] += 1
    for record in index.records:
        if record.kind == "person" and record.gender is None and record.id in votes:
            (gender, n), *rest = votes[record.id].most_common()
            if not rest or n > rest[0][1]:
                record.gender = gender


def find_antecedent(index: ActorIndex, offset: int, *, persons_only: bool) -> ActorRecord | None:
    """The subject person of the current or previous sentence, else the nearest person."""
    prev_start = index.previous_sentence_start(offset)
    best: tuple[int, ActorRecord] | None = None
    for record in index.records:
        if persons_only and record.kind != "person":
            continue
        for s, _ in record.subject_mentions:
            if prev_start <= s < offset and (best is None or s > best[0]):
                best = (s, record)
    if best is not None:
        return best[1]
    nearest = index.mentions_before(offset, kind="person" if persons_only else None)
    return nearest[-1][1] if nearest else None
