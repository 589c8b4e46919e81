"""Organisations: ORG entities and table institutions, merged by name, alias, acronym, head."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from parley.geo.countries import (
    actor_code,
    country_code,
    country_name,
    country_of_name,
    demonym_code,
    fold,
    known_actor,
)
from parley.geo.places import division_country, geocode
from parley.nlp import doctext
from parley.nlp.deps import ACTING_SUBJECT_DEPS
from parley.nlp.rules.actors.record import ActorRecord
from parley.nlp.rules.actors.words import (
    DESIGNATION,
    DETERMINERS,
    NOT_PEOPLE,
    ORG_LABELS,
    ORG_WORDS,
    POSSESSIVE,
    TIME_ZONES,
    TITLE_NOUNS,
    acronym_of,
    clean_name,
    head_word,
    name_tokens,
    norm_token,
)
from parley.nlp.rules.places import org_ent_is_place

if TYPE_CHECKING:
    from parley.nlp.rules.actors.index import ActorIndex


def org_span(index: ActorIndex, ent: Span) -> tuple[int, int] | None:
    """The tokens of an organisation's name in an ORG entity, repaired where the tagger cut
    it short or ran it long."""
    doc = index.doc
    start, end = ent.start, ent.end
    while end > start and (
        doc[end - 1].text in POSSESSIVE or doc[end - 1].text in ("(", ",", '"', "\u201c")
    ):
        end -= 1
    while start < end and (
        doc[start].lower_ in DETERMINERS or doc[start].text in ('"', "\u201c", "(")
    ):
        start += 1
    if start >= end or (start > 0 and doc[start - 1].text == "#"):
        return None
    start, end = _trim_org_words(index, start, end)
    if start >= end:
        return None
    end = _join_split_name(index, start, end)
    return start, _with_of_place(index, start, end)


def _trim_org_words(index: ActorIndex, start: int, end: int) -> tuple[int, int]:
    """Drop lower-case words after "of", a word swallowed before "the", trailing links."""
    doc = index.doc
    # "Associated Press of bank robberies": lower-case words after "of" are not the name.
    of_at = next((k for k in range(start + 1, end) if doc[k].lower_ == "of"), None)
    if of_at is not None and all(
        not t.text[:1].isupper() for t in doc[of_at + 1 : end] if t.lower_ != "the"
    ):
        end = of_at
    # "Ferraro the Democratic Party's": the tagger swallowed a word before the name.
    inner_the = next((k for k in range(start + 1, end - 1) if doc[k].lower_ == "the"), None)
    if inner_the is not None:
        start = inner_the + 1
    while end > start and doc[end - 1].lower_ in ("of", "for", "and", "the", "on"):
        end -= 1
    return start, end


def _join_split_name(index: ActorIndex, start: int, end: int) -> int:
    """ "the Chilean League" + "for the" + "Protection of Rivers": one name split in two."""
    doc = index.doc
    if end < len(doc) and doc[end].lower_ in ("for", "of", "on"):
        tail = next(
            (e for e in index.ents if e.start in (end + 1, end + 2) and e.label_ == "ORG"), None
        )
        if (
            tail is not None
            and doc[tail.start].text[:1].isupper() | (doc[tail.start].lower_ == "the")
            and (tail.start == end + 1 or doc[end + 1].lower_ == "the")
            and any(t.text[:1].isupper() for t in tail if t.lower_ != "the")
        ):
            for t in range(end, tail.end):
                index.claimed.add(t)
            end = tail.end
            while end > start and doc[end - 1].text in POSSESSIVE:
                end -= 1
    return end


def _with_of_place(index: ActorIndex, start: int, end: int) -> int:
    """ "Supreme Court" + "of Puerto Rico": the tagger often leaves the "of <place>" out."""
    doc = index.doc
    if end < len(doc) and doc[end].lower_ == "of" and norm_token(doc[end - 1].text) in ORG_WORDS:
        place = next((e for e in index.ents if e.start == end + 1 and e.label_ == "GPE"), None)
        if place is not None:
            end = place.end
            while end > start and doc[end - 1].text in POSSESSIVE:
                end -= 1
    return end


def add_organisations(index: ActorIndex) -> None:
    """ORG entities (and listed institutions tagged otherwise) as organisations, then their
    bare acronyms elsewhere in the text."""
    for ent in index.ents:
        if ent.label_ not in ORG_LABELS and not (
            ent.label_ in ("FAC", "GPE", "NORP") and is_listed_org(index, ent)
        ):
            continue
        if any(k in index.claimed for k in range(ent.start, ent.end)):
            continue
        _add_organisation(index, ent)
    # Bare acronyms in the text of an organisation that introduced one ("MDC").
    for record in [r for r in index.records if r.kind == "organization"]:
        for alias in list(record.aliases):
            if alias.isupper() and 2 <= len(alias) <= 8:
                for match in re.finditer(rf"\b{re.escape(alias)}\b", index.text):
                    if index.at(match.start(), match.end()) is None:
                        record.add_mention(match.start(), match.end(), alias)


def _add_organisation(index: ActorIndex, ent: Span) -> None:
    """One ORG entity as a new organisation or a mention of a known one."""
    doc = index.doc
    span = org_span(index, ent)
    if span is None:
        return
    start, end = span
    text = doc[start:end].text
    acronym = None
    paren = re.match(r"^(.*?)\s*\(\s*([A-Z][A-Za-z.&-]{1,10})\s*\)?$", text)
    if paren:
        text, acronym = paren.group(1).strip(), paren.group(2)
    if not text or not text[:1].isupper() or not any(ch.isalpha() for ch in text):
        return
    if not_an_org(index, ent, start, end, text):
        return
    s_char = doc[start].idx
    e_char = s_char + len(text)
    record = find_org(index, text)
    if record is None:
        entry = known_actor(text)
        name = entry.name if entry is not None and entry.code else text
        record = index.add(name, "organization")
        org_facts(index, record, text)
    elif len(text.split()) > len(record.name.split()) and not record.code:
        record.add_alias(record.name)
        record.name = text
        org_facts(index, record, text)
    record.add_mention(s_char, e_char, index.text[s_char:e_char])
    if acronym:
        record.add_alias(acronym)
    if doc[start:end].root.dep_ in ACTING_SUBJECT_DEPS:
        record.subject_mentions.append((s_char, e_char))
    owner = doc[start - 2] if start >= 2 and doc[start - 1].text in POSSESSIVE else None
    if owner is not None and country_code(owner.text):
        record.country, record.country_evidence = country_code(owner.text), True
        record.add_alias(index.text[owner.idx : e_char])


def add_listed_mentions(index: ActorIndex) -> None:
    """Table organisations the tagger missed ("TVN24 reported"), matched by exact name."""
    doc = index.doc
    for match in re.finditer(
        r"\b[A-Z][\w\u00C0-\u024F.&'\u2019-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w\u00C0-\u024F.&'\u2019-]*){0,5}",
        index.text,
    ):
        words = match.group(0).split()
        # The longest listed name inside the capitalised run.
        for n in range(len(words), 0, -1):
            hit = None
            for i in range(0, len(words) - n + 1):
                phrase = " ".join(words[i : i + n]).rstrip(".,'\u2019")
                if phrase.endswith("'s") or phrase.endswith("\u2019s"):
                    phrase = phrase[:-2]
                entry = known_actor(phrase)
                if (
                    entry is None
                    or entry.kind != "organization"
                    or (len(phrase) <= 3 and entry.code is None)
                ):
                    continue
                offset = match.start() + len(" ".join(words[:i])) + (1 if i else 0)
                start = index.text.find(phrase, offset)
                if start < 0:
                    continue
                end = start + len(phrase)
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None or index.at(start, end) is not None:
                    continue
                if any(t.i in index.claimed or t.ent_type_ in ("PERSON", "GPE") for t in span):
                    continue
                hit = (start, end, phrase, entry, span)
                break
            if hit is not None:
                start, end, phrase, entry, span = hit
                record = find_org(index, phrase)
                if record is None:
                    record = index.add(entry.name if entry.code else phrase, "organization")
                    org_facts(index, record, phrase)
                record.add_mention(start, end, phrase)
                if span.root.dep_ in ACTING_SUBJECT_DEPS:
                    record.subject_mentions.append((start, end))
                break


def merge_people_into_orgs(index: ActorIndex) -> None:
    """A one-word "person" that begins an organisation's name is that organisation ("Mahan")."""
    orgs = [r for r in index.records if r.kind == "organization" and len(r.name.split()) > 1]
    for record in [
        r for r in index.records if r.kind == "person" and len(r.name.split()) == 1 and not r.title
    ]:
        org = next(
            (o for o in orgs if norm_token(o.name.split()[0]) == norm_token(record.name)),
            None,
        )
        if org is None:
            continue
        for s_char, e_char in record.mentions:
            org.add_mention(s_char, e_char, index.text[s_char:e_char])
        org.subject_mentions.extend(record.subject_mentions)
        index.records.remove(record)


def add_governments(index: ActorIndex) -> None:
    """ "the Argentinian government", "Hong Kong's government"; "the government" acting; the
    government of a state, province or territory ("the government of Goa", "the Queensland
    government") as that division's own, not its country's."""
    doc = index.doc
    for i, lower in enumerate(index.tokens.lower):
        if lower not in ("government", "administration", "cabinet") or i in index.claimed:
            continue
        tok = index.tokens.tokens[i]
        if tok.dep_ in ("compound", "amod"):
            continue  # "a German government source" is a person, not the government
        if index.at(tok.idx, tok.idx + len(tok.text)) is not None:
            continue
        iso3, start = _government_country(index, tok)
        end = tok.i + 1
        record: ActorRecord | None = None
        if iso3 is None:
            governed = _governed_place(index, tok)
            if governed is not None:
                place, p_start, p_end = governed
                national, code = _place_level(index, place, doc[p_start].ent_type_)
                if national:
                    iso3 = code
                else:
                    record = _division_government(index, place, tok.lower_, code)
                if p_start < tok.i:
                    start = p_start
                end = max(end, p_end)
        det = doc[start - 1] if start > 0 else None
        if iso3 is None and record is None:
            # A bare "the government" is the article's country's when it acts or speaks.
            if (
                det is None
                or det.lower_ != "the"
                or tok.dep_ not in ACTING_SUBJECT_DEPS
                or not index.main_country
            ):
                continue
            iso3 = index.main_country
        if det is not None and det.lower_ == "the":
            start -= 1
        if record is None and iso3 is not None:
            record = _government_record(index, tok, iso3, start)
        if record is None:
            continue
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        record.add_mention(s_char, e_char, index.text[s_char:e_char])
        if tok.dep_ in ACTING_SUBJECT_DEPS:
            record.subject_mentions.append((s_char, e_char))


def _governed_place(index: ActorIndex, tok: Token) -> tuple[str, int, int] | None:
    """The place a government noun names, written after it ("the government of American
    Samoa") or before it ("Goa's government", "the Queensland government"): its text and
    tokens, when it is a proper name."""
    doc = index.doc
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and obj.pos_ == "PROPN":
        ent = doctext.ent_at(doc, obj.i)
        if ent is None or ent.end != obj.i + 1:
            return None
        first = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        place = doc[first : ent.end].text
        # The tagger takes a state's name for a person's now and then ("the government of
        # Goa"); the tables know it for a place.
        if first < ent.end and (
            ent.label_ in ("GPE", "LOC") or division_country(place) or country_of_name(place)
        ):
            return place, first, ent.end
        return None
    for words in _capitalised_before(tok):
        if words[0].lower_ not in DETERMINERS and (
            division_country(words.text) or country_of_name(words.text)
        ):
            return words.text, words.start, tok.i + 1
    return None


def _capitalised_before(tok: Token) -> Iterator[Span]:
    """The runs of three, two and one capitalised words that end right before ``tok`` (or
    before its owner's 's), longest first: where a place's name stands before a noun of
    government ("the Hong Kong government", "Goa's government")."""
    doc = tok.doc
    k = tok.i - 1
    if k >= 0 and doc[k].text in POSSESSIVE:
        k -= 1
    for n in (3, 2, 1):
        if k - n + 1 < 0:
            continue
        words = doc[k - n + 1 : k + 1]
        if all(w.text[:1].isupper() for w in words):
            yield words


def _place_level(index: ActorIndex, place: str, label: str) -> tuple[bool, str | None]:
    """Whether a governed place is a country (or a dependency with its own code, "American
    Samoa"), and its country: a state or province ("Goa", "Scotland") belongs to its
    country; a place the tables do not know but the tagger calls one stays without."""
    code = country_of_name(place)
    hit = geocode(place, country_hint=index.main_country) if code else None
    if code and (hit is None or hit.kind == "country"):
        return True, code
    return False, code or division_country(place, country_hint=index.main_country)


def _governs_division(name: str) -> bool:
    """Whether a government's name starts with a state or province ("Goa government"): it
    is not the country's."""
    base = name.rsplit(" ", 1)[0]
    return " " in name and not country_of_name(base) and division_country(base) is not None


def _division_government(index: ActorIndex, place: str, noun: str, iso3: str | None) -> ActorRecord:
    """A state's, province's or territory's government, one actor per place."""
    name = f"{place} {noun}"
    record = next(
        (r for r in index.records if r.kind == "organization" and r.name.lower() == name.lower()),
        None,
    )
    if record is None:
        record = index.add(name, "organization", country=iso3, sector="GOV")
        # A place the tables do not know keeps no country rather than the article's.
        record.country = iso3
        record.country_evidence = iso3 is not None
    return record


def _government_country(index: ActorIndex, tok: Token) -> tuple[str | None, int]:
    """ "the Hong Kong government": up to three capitalised words naming a country before the
    noun (or its owner's 's); the country and the token where its name starts."""
    for words in _capitalised_before(tok):
        code = country_of_name(words.text) or demonym_code(words.text)
        if code:
            return code, words.start
    return None, tok.i


def _government_record(index: ActorIndex, tok: Token, iso3: str, start: int) -> ActorRecord:
    """The country's government (administration, cabinet) actor, made when first met."""
    doc = index.doc
    record = next(
        (
            r
            for r in index.records
            if r.kind == "organization"
            and r.country == iso3
            and r.name.endswith(tok.lower_)
            and not _governs_division(r.name)
        ),
        None,
    )
    if record is None:
        place = (
            doc[start + (1 if doc[start].lower_ == "the" else 0) : tok.i]
            .text.rstrip("'\u2019s")
            .strip()
        )
        base = (
            place
            if place and (country_of_name(place) or demonym_code(place))
            else (country_name(iso3) or iso3)
        )
        record = index.add(f"{base} {tok.lower_}", "organization", country=iso3, sector="GOV")
        record.country_evidence = True
    return record


def is_listed_org(index: ActorIndex, ent: Span) -> bool:
    entry = known_actor(clean_name(ent))
    return (
        entry is not None and entry.kind == "organization" and ent.root.dep_ in ACTING_SUBJECT_DEPS
    )


def not_an_org(index: ActorIndex, ent: Span, start: int, end: int, text: str) -> bool:
    doc = index.doc
    if text.upper() in TIME_ZONES:
        return True
    # Letters, a hyphen and a number name a model or a disease ("COVID-19", "F-16",
    # "S-400", "MH-17"), never an organisation that acts.
    if DESIGNATION.fullmatch(text):
        return True
    # "said on Instagram": the platform carries the words, it does not speak.
    if (
        norm_token(text) in NOT_PEOPLE
        and ent.root.dep_ == "pobj"
        and ent.root.head.lower_ in ("on", "via", "through", "in")
    ):
        return True
    # "the Archbishop of Gdańsk", "President of the Council": a role, not an organisation.
    if (
        norm_token(doc[start].text) in TITLE_NOUNS
        and norm_token(doc[start].text) not in ORG_WORDS
        and end - start >= 3
        and doc[start + 1].lower_ == "of"
    ):
        return True
    # "Secretary of State": the ORG is a piece of a title.
    if (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and norm_token(doc[start - 2].text) in TITLE_NOUNS
        and end - start == 1
    ):
        return True
    # A place in the gazetteer ("the Oval Office") is a place, unless listed as an institution.
    from parley.geo.places import geocode

    hit = geocode(text)
    if (
        hit is not None
        and hit.kind in ("facility", "city", "country", "region")
        and known_actor(text) is None
    ):
        return True
    if org_ent_is_place(doc[start:end]):
        return True  # "Kharkiv and Sumy" tagged ORG
    # A compound modifier of a title noun ("EU Integration" committee, "US Treasury Secretary").
    if ent.root.dep_ == "compound" and norm_token(ent.root.head.text) in TITLE_NOUNS:
        return True
    # "committee on EU Integration": part of a committee's name.
    return (
        ent.root.dep_ == "pobj"
        and ent.root.head.head is not None
        and norm_token(ent.root.head.head.text) in ("committee", "commission", "council")
        and ent.root.head.head.text.islower()
    )


def find_org(index: ActorIndex, text: str) -> ActorRecord | None:
    key = fold(text)
    entry = known_actor(text)
    words = name_tokens(text)
    best: ActorRecord | None = None
    for record in index.records:
        if record.kind != "organization":
            continue
        names = [record.name, *record.aliases]
        if any(fold(n) == key for n in names):
            return record
        if entry is not None and any(known_actor(n) is entry for n in names):
            return record
        # Acronym: "IWC" for "International Water Commission".
        if text.isupper() and acronym_of(record.name) == text:
            return record
        if record.name.isupper() and acronym_of(text) == record.name:
            return record
        # Head-noun subset: "Senate" / "Puerto Rico Senate", "the Court" / "Supreme Court".
        rwords = name_tokens(record.name)
        short, long_ = (words, rwords) if len(words) <= len(rwords) else (rwords, words)
        if short and all(w in long_ for w in short) and head_word(short) == head_word(long_):
            best = best or record
    return best


def org_facts(index: ActorIndex, record: ActorRecord, text: str) -> None:
    entry = known_actor(text)
    if entry is not None:
        record.code = entry.code
        record.sector = entry.sector
        if entry.country:
            record.country, record.country_evidence = entry.country, True
        if entry.code:
            record.country, record.country_evidence = None, True
        if entry.name != record.name:
            record.add_alias(entry.name) if entry.code is None else None
        return
    code = actor_code(text)
    record.sector = code.sector
    if code.country:
        record.country, record.country_evidence = code.country, True
