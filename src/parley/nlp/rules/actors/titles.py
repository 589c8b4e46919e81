"""Titles and countries read around a person's name: "US President X", "X, chair of Y"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from parley.geo.countries import (
    country_code,
    country_of_name,
    demonym_code,
    find_country,
    sector_of,
)
from parley.nlp.rules.actors.record import ActorRecord, PersonMention
from parley.nlp.rules.actors.words import (
    DETERMINERS,
    HONORIFICS,
    POSSESSIVE,
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
    clean_name,
    is_title_word,
    norm_token,
    strip_transient,
)
from parley.nlp.tree import aside_verb

if TYPE_CHECKING:
    from parley.nlp.rules.actors.index import ActorIndex


def title_prefix(index: ActorIndex, start: int) -> tuple[int, list[Token]]:
    """Tokens of the title phrase right before token ``start`` ("US President")."""
    doc = index.doc
    sent_start = index.sentence_bounds(start)[0]
    i = start - 1
    tokens: list[Token] = []
    has_title = False
    while i >= sent_start:
        tok = doc[i]
        if tok.text in POSSESSIVE and i - 1 >= sent_start:
            owner = doc[i - 1]
            if country_code(owner.text) or (
                owner.ent_type_ in ("GPE", "ORG") and find_country(owner.text)
            ):
                tokens[:0] = [owner, tok]
                i -= 2
            break
        if not _extends_title(index, i, sent_start, bool(tokens)):
            break
        low = norm_token(tok.text)
        has_title = has_title or is_title_word(low) or low in TITLE_ABBREVIATIONS
        tokens.insert(0, tok)
        i -= 1
    if not has_title:
        return start, []
    # The phrase starts at its first capitalised or title word (no stray "and").
    while tokens and norm_token(tokens[0].text) in ("and", "&", "of", "-"):
        tokens.pop(0)
    return (tokens[0].i if tokens else start), tokens


def _extends_title(index: ActorIndex, i: int, sent_start: int, started: bool) -> bool:
    """Whether token ``i`` belongs to the title phrase that follows it (``started``: some of
    the phrase has been read already)."""
    doc = index.doc
    tok = doc[i]
    low = norm_token(tok.text)
    if is_title_word(low) or low in HONORIFICS:
        return True
    has_prev = i - 1 >= sent_start
    if tok.text == "-" and has_prev and not tok.whitespace_:
        return True  # "then-governor"
    if started and has_prev and _links_title_words(tok, low, doc[i - 1]):
        return True
    if low in TITLE_MODIFIERS or low == "then":
        return True
    if (
        tok.text[:1].isupper()
        and tok.pos_ in ("PROPN", "ADJ", "NOUN")
        and i not in index.claimed
        and tok.ent_type_ in ("", "ORG", "NORP", "GPE", "FAC", "LOC", "PERSON")
    ):
        # A name ends the title, unless it owns the office ("Trump's envoy").
        return tok.ent_type_ != "PERSON" or (
            doc[i + 1].text in POSSESSIVE if i + 1 < len(doc) else False
        )
    return tok.pos_ == "NUM" and started  # "2008 Republican presidential nominee"


def _links_title_words(tok: Token, low: str, prev: Token) -> bool:
    """A small word joining two parts of a title, judged by the word before it."""
    prev_low = norm_token(prev.text)
    if low == "of":
        return prev_low in TITLE_NOUNS  # "Secretary of State", "President of Argentina"
    if low in ("and", "&"):
        # "businessman and Trump loyalist", "trade and industry"
        return prev_low in TITLE_NOUNS or prev_low in TITLE_MODIFIERS
    if low == "to":
        return prev_low in TITLE_NOUNS  # "Ambassador to Germany"
    if low == "the":
        return prev.lower_ == "of"  # "President of the United States"
    # "African Export–Import Bank president"
    return tok.text in ("-", "\u2013") and prev.text[:1].isupper()


def country_words(index: ActorIndex, tokens: list[Token], k: int) -> tuple[str | None, int]:
    """(ISO3, width) when ``tokens[k:]`` starts with a country, nationality or place name."""
    from parley.geo.places import geocode

    tok = tokens[k]
    if not tok.text[:1].isupper() or is_title_word(norm_token(tok.text)):
        return None, 0
    for width in (3, 2, 1):
        words = tokens[k : k + width]
        if len(words) < width or not all(w.text[:1].isupper() for w in words):
            continue
        if any(is_title_word(norm_token(w.text)) for w in words):
            continue
        phrase = " ".join(w.text for w in words)
        code = country_of_name(phrase) or (demonym_code(phrase) if width == 1 else None)
        if code is None and width >= 2:
            # "former New Jersey governor": a multi-word place gives its country.
            hit = geocode(phrase, country_hint=index.main_country)
            if hit is not None and hit.kind in ("region", "city"):
                code = hit.country
        if code:
            return code, width
    return None, 0


def split_title(index: ActorIndex, tokens: list[Token]) -> tuple[str, str | None]:
    """Title text without its country words, and the country those words name.

    Country words before the office ("US President", "Niger's president") and after "of"
    ("President of Argentina") leave the title; after "to" they stay ("Ambassador to
    Germany"). Honorifics ("Monsenor", "Mr") are not part of the office.
    """
    country: str | None = None
    kept: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        low = norm_token(tok.text)
        if low in HONORIFICS and low not in TITLE_NOUNS and low not in TITLE_ABBREVIATIONS:
            k += 1
            continue
        code, width = country_words(index, tokens, k)
        if code:
            country = country or code
            before = [t.lower_ for t in kept[-2:]]
            if before and before[-1] in ("to", "for", "in"):
                kept.extend(tokens[k : k + width])
            k += width
            if k < len(tokens) and tokens[k].text in POSSESSIVE:
                k += 1
            continue
        kept.append(tok)
        k += 1
    text = ""
    for n, tok in enumerate(kept):
        # "Sen." is written out ("Senator"), so that the office matches "the senator".
        word = TITLE_ABBREVIATIONS.get(norm_token(tok.text)) or tok.text
        text += word + (tok.whitespace_ if n < len(kept) - 1 else "")
    text = re.sub(r"\s+(?:of|of the)\s*$", "", text).strip(" -\u2013")
    words = text.split()
    # "Presidents Ana Reis of Chile and Tomas Ek": one president each.
    if words and words[-1].lower().endswith("s") and words[-1].lower()[:-1] in TITLE_NOUNS:
        words[-1] = words[-1][:-1]
        text = " ".join(words)
    if country is None:
        country = find_country(" ".join(t.text for t in tokens))
    return text, country


def read_title(index: ActorIndex, record: ActorRecord, m: PersonMention) -> None:
    """Titles and countries of the person named at ``m``, from every place news puts them:
    before the name, in apposition before or after it, and "of <place>" right after it."""
    doc = index.doc
    countries: list[str] = []
    had_prefix = _title_before(index, record, m, countries)
    root = doc[m.start : m.end].root
    if root.dep_ == "appos" and norm_token(root.head.text) in TITLE_NOUNS and root.head.i < m.start:
        _role_the_name_is_apposed_to(index, record, m, root.head, countries)
    if not had_prefix and m.start >= 3 and doc[m.start - 1].text == "," and not record.titles:
        _role_phrase_before_comma(index, record, m, countries)
    if not had_prefix and not record.titles and m.start >= 2 and doc[m.start - 1].text == ",":
        _role_entity_before_comma(index, record, m, countries)
    for child in root.children:
        if (
            child.dep_ == "appos"
            and child.i >= m.end
            and norm_token(child.text) in TITLE_NOUNS
            and aside_verb(child) is None
        ):
            _apposition_after_name(index, record, m, child, countries)
    if m.end + 1 < len(doc) and doc[m.end].lower_ == "of" and doc[m.end + 1].ent_type_ == "GPE":
        _of_place_after_name(index, record, m, countries)
    settle_country_and_sector(record, countries[0] if countries else None)


def settle_country_and_sector(record: ActorRecord, country: str | None) -> None:
    """After a title is read: the country it names, unless the person already has one from
    evidence, and the sector of the person's title, unless already known."""
    if country and not record.country_evidence:
        record.country = country
        record.country_evidence = True
    if record.title and not record.sector:
        record.sector = sector_of(record.title)


def _title_before(
    index: ActorIndex, record: ActorRecord, m: PersonMention, countries: list[str]
) -> bool:
    """ "US President Ana Reis": the title phrase right before the name. True when there is one."""
    doc = index.doc
    first, tokens = title_prefix(index, m.start)
    if not tokens:
        return False
    title, country = split_title(index, tokens)
    for t in tokens:
        index.claimed.add(t.i)
    if title:
        record.add_title(doc[m.start].idx, strip_transient(title))
        s_char = doc[first].idx
        e_char = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        record.add_alias(index.text[s_char:e_char])
    if country:
        countries.append(country)
    return True


def _role_the_name_is_apposed_to(
    index: ActorIndex, record: ActorRecord, m: PersonMention, head: Token, countries: list[str]
) -> None:
    """ "<title noun>, Name": the name is in apposition to a role ("envoy, Steve Witkoff")."""
    words = [
        t
        for t in head.lefts
        if t.dep_ in ("amod", "compound") and t.i < head.i and t.ent_type_ != "PERSON"
    ]
    phrase = [*words, head]
    of_phrase = next(
        (
            c
            for c in head.rights
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "to") and c.i < m.start
        ),
        None,
    )
    if of_phrase is not None:
        phrase += [t for t in of_phrase.subtree if t.i < m.start and not t.is_punct]
    for t in head.subtree:
        if t.text in POSSESSIVE and t.dep_ == "case" and t.i < head.i:
            record.owners.append(t.head.idx)
        elif t.dep_ == "poss" and t.head is head and t.pos_ == "PROPN":
            record.owners.append(t.idx)
    title, country = split_title(index, phrase)
    if title:
        record.add_title(index.doc[m.start].idx, strip_transient(title))
        record.add_alias(
            index.text[phrase[0].idx : head.idx + len(head.text)]
            if phrase[0].i <= head.i
            else head.text
        )
    if country:
        countries.append(country)
    for t in phrase:
        index.claimed.add(t.i)


def _role_phrase_before_comma(
    index: ActorIndex, record: ActorRecord, m: PersonMention, countries: list[str]
) -> None:
    """ "the director of Peru's Red Cross, Lucia Marin": a role phrase ending right before the
    comma that precedes the name."""
    doc = index.doc
    sent_start = index.sentence_bounds(m.start)[0]
    for k in range(m.start - 2, max(sent_start, m.start - 16) - 1, -1):
        role_tok = doc[k]
        if not is_title_word(norm_token(role_tok.text)) or role_tok.ent_type_ == "PERSON":
            continue
        if not role_tok.i < m.start - 1 <= role_tok.right_edge.i:
            continue  # the role phrase must run up to the comma
        mods = [t.i for t in role_tok.lefts if t.dep_ in ("amod", "compound")]
        first_i = min([*mods, k])
        phrase = list(doc[first_i : m.start - 1])
        title, country = split_title(index, phrase)
        if title:
            record.add_title(doc[m.start].idx, strip_transient(title))
            last = doc[m.start - 2]
            record.add_alias(index.text[doc[first_i].idx : last.idx + len(last.text)])
        if country:
            countries.append(country)
        for t in phrase:
            if t.i <= k:
                index.claimed.add(t.i)  # the organisation after "of" stays an actor
            owner_tok = doc[t.i - 1]
            if t.text in POSSESSIVE and t.i > first_i and owner_tok.ent_type_ == "PERSON":
                record.owners.append(owner_tok.idx)
        break


def _role_entity_before_comma(
    index: ActorIndex, record: ActorRecord, m: PersonMention, countries: list[str]
) -> None:
    """ "the Bishop of Tartu, Jaan Kask": a role entity, a comma, the name."""
    role = next(
        (e for e in index.ents if e.end == m.start - 1 and e.label_ in ("ORG", "PERSON")),
        None,
    )
    if role is None:
        return
    words = [t for t in role if t.lower_ not in DETERMINERS]
    if words and norm_token(words[0].text) in TITLE_NOUNS:
        text = index.text[words[0].idx : role.end_char]
        record.add_title(index.doc[m.start].idx, text)
        record.add_alias(text)
        code = find_country(text)
        if code:
            countries.append(code)
        for t in role:
            index.claimed.add(t.i)


def _apposition_after_name(
    index: ActorIndex, record: ActorRecord, m: PersonMention, child: Token, countries: list[str]
) -> None:
    """ "Name, chair of the parliamentary committee, ...": an apposition after the name."""
    start_char = index.doc[m.start].idx
    sub = [t for t in child.subtree if t.i >= m.end]
    while sub and (sub[0].is_punct or sub[0].lower_ in DETERMINERS):
        sub = sub[1:]
    while sub and (sub[-1].is_punct or sub[-1].is_space):
        sub = sub[:-1]  # an apposition that ends its line ends before the line break
    if not sub:
        return
    text = index.text[sub[0].idx : sub[-1].idx + len(sub[-1].text)]
    if record.titles and record.titles[0][0] == start_char:
        combined = f"{record.titles[0][1]}, {text}"
        record.titles[0] = (start_char, combined)
        record.title = record.titles[0][1]
    else:
        record.add_title(start_char, text)
    code = find_country(text)
    if code:
        countries.append(code)
    for t in sub:
        index.claimed.add(t.i)


def _of_place_after_name(
    index: ActorIndex, record: ActorRecord, m: PersonMention, countries: list[str]
) -> None:
    """ "President Hassan Rouhani of Iran", "Doug Collins of Georgia": "of <place>" right after."""
    from parley.geo.places import geocode

    place_ent = next((e for e in index.ents if e.start <= m.end + 1 < e.end), None)
    if place_ent is None:
        return
    place = clean_name(place_ent)
    # The article's own country first: "Doug Collins of Georgia" in a US story.
    hit = geocode(place, country_hint=index.main_country)
    code = hit.country if hit is not None else country_of_name(place)
    if code:
        countries.insert(0, code)
        record.add_alias(index.text[index.doc[m.start].idx : place_ent.end_char])
