"""Later mentions of a person by surname alone, which the people step did not take: a
surname the tagger called an organisation or a place ("Caldwell" tagged ORG), and one it left
outside every entity ("Reed did not often speak so plainly")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from parley.geo.countries import capital_code, country_of_name
from parley.nlp.deps import ACTING_SUBJECT_DEPS
from parley.nlp.rules.actors.names import (
    NameIndex,
    first_names_agree,
    names_compatible,
    pick_namesake,
)
from parley.nlp.rules.actors.particles import particles_before
from parley.nlp.rules.actors.people import refine_person_span
from parley.nlp.rules.actors.record import ActorRecord, PersonMention
from parley.nlp.rules.actors.titles import read_title
from parley.nlp.rules.actors.words import (
    HONORIFICS,
    NAME_PARTICLES,
    POSSESSIVE,
    begins_like_name,
    clean_name,
    name_tokens,
    norm_token,
)

if TYPE_CHECKING:
    from parley.nlp.rules.actors.index import ActorIndex


def repair_surnames_tagged_otherwise(index: ActorIndex) -> None:
    doc = index.doc
    people = [r for r in index.records if r.kind == "person"]
    if not people:
        return
    by_word = NameIndex(people)
    for ent in index.ents:
        if ent.label_ not in ("ORG", "GPE", "NORP", "LOC"):
            continue
        if any(k in index.claimed for k in range(ent.start, ent.end)):
            continue
        name = clean_name(ent)
        if not name or not begins_like_name(name):
            continue
        if ent.label_ == "GPE" and (country_of_name(name) or capital_code(name)):
            continue
        cands = [
            r
            for r in by_word.sharing_a_word(name)
            if names_compatible(name, r.name)
            and (len(name_tokens(name)) == 1 or first_names_agree(name, r.name))
        ]
        if not cands:
            continue
        record = cands[0] if len(cands) == 1 else pick_namesake(cands, ent.start_char)
        span = _name_in_entity(index, ent)
        if span is None:
            continue
        start, end = span
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        record.add_mention(s_char, e_char, index.text[s_char:e_char])
        if doc[start:end].root.dep_ in ACTING_SUBJECT_DEPS:
            record.subject_mentions.append((s_char, e_char))
        for k in range(start, end):
            index.claimed.add(k)
        mention = PersonMention(start, end, index.text[s_char:e_char])
        read_title(index, record, mention)


def _name_in_entity(index: ActorIndex, ent: Span) -> tuple[int, int] | None:
    """The tokens of the name an entity tagged otherwise holds: without "the" and a
    possessive, without a place glued in front ("Hong Kong Carrie Lam" tagged GPE), with the
    particles the tagger left out before it ("von der" + "Leyen" tagged a place)."""
    doc = index.doc
    end = ent.end
    while end > ent.start and doc[end - 1].text in POSSESSIVE:
        end -= 1
    start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
    if start >= end:
        return None
    refined = refine_person_span(index, start, end) if end - start >= 3 else None
    if refined is not None:
        return refined.start, refined.end
    if start == ent.start:
        before = particles_before(doc, start)
        if not any(k in index.claimed or doc[k].ent_type_ for k in range(before, start)):
            start = before
    return start, end


def add_untagged_surnames(index: ActorIndex) -> None:
    """ "Reed did not often speak so plainly": a person's surname that the tagger left
    outside every entity is still a mention of them, when exactly one person of the article
    bears it, it comes after the full name, and it stands alone (no other name word beside it)."""
    surnames: dict[str, ActorRecord | None] = {}
    for record in index.records:
        words = record.name.split()
        if record.kind != "person" or len(words) < 2 or not record.mentions:
            continue
        # "al-Assad" is written as three tokens: its surname token is "Assad".
        particle, hyphen, rest = words[-1].partition("-")
        key = rest if hyphen and rest and particle.lower() in NAME_PARTICLES else words[-1]
        surnames[key] = record if surnames.get(key, record) is record else None
    if not surnames:
        return
    in_entity = {k for ent in index.ents for k in range(ent.start, ent.end)}
    tokens, pos = index.tokens.tokens, index.tokens.pos
    for i, text in enumerate(index.tokens.text):
        bearer = surnames.get(text)
        if bearer is None or pos[i] not in {"PROPN", "NOUN", "ADV"}:
            # ADV: an unusual surname in "-ly" the tagger read as an adverb ("Reedly said")
            continue
        if i in in_entity or i in index.claimed:
            continue
        tok = tokens[i]
        if tok.idx < bearer.mentions[0][0]:
            continue
        start = particles_before(index.doc, i)  # "de Vries", "von der Leyen", "al-Assad"
        if any(k in in_entity or k in index.claimed for k in range(start, i)):
            continue
        prev = tokens[start - 1] if start > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            prev is not None and prev.pos_ == "PROPN" and norm_token(prev.text) not in HONORIFICS
        ) or (nxt is not None and nxt.pos_ == "PROPN"):
            continue
        first = tokens[start]
        end_char = tok.idx + len(tok.text)
        bearer.add_mention(first.idx, end_char, index.text[first.idx : end_char])
        if tok.dep_ in ACTING_SUBJECT_DEPS:
            bearer.subject_mentions.append((first.idx, end_char))
        index.claimed.update(range(start, i + 1))
