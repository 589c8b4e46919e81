"""People: PERSON entities (and names the tagger missed) widened, cleaned and clustered."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from parley.geo.countries import (
    capital_code,
    country_code,
    country_of_name,
    demonym_code,
    find_country,
    known_actor,
)
from parley.geo.places import geocode
from parley.nlp.deps import ACTING_SUBJECT_DEPS, NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.actors.names import (
    NameIndex,
    first_names_agree,
    names_compatible,
    pick_namesake,
)
from parley.nlp.rules.actors.particles import (
    given_name_opening_sentence,
    lower_particle,
    names_someone_new,
    particle_left_out,
    surname_after_particles,
)
from parley.nlp.rules.actors.record import PersonMention
from parley.nlp.rules.actors.titles import read_title
from parley.nlp.rules.actors.words import (
    DETERMINERS,
    GENDERED_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NOT_PEOPLE,
    OFFICE_ENDINGS,
    ORG_LABELS,
    ORG_WORDS,
    PERSON_LABELS,
    POSSESSIVE,
    RELATIVE_NOUNS,
    SAYING_LEMMAS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
    begins_like_name,
    clean_name,
    is_name_particle,
    is_office_word,
    is_title_word,
    name_tokens,
    norm_token,
)
from parley.nlp.rules.places import names_a_thing, person_ent_is_place

if TYPE_CHECKING:
    from parley.nlp.rules.actors.index import ActorIndex


def person_mentions(index: ActorIndex) -> list[PersonMention]:
    """Every person's name in the article, in text order: PERSON entities, ORG entities in a
    person's shape, and names the tagger missed after a title or before a verb of saying."""
    found = _tagged_people(index)
    found.extend(_org_shaped_people(index))
    taken = {k for m in found for k in range(m.start, m.end)}
    _names_after_titles(index, found, taken)
    _untagged_speakers(index, found, taken)
    _names_called_he_or_she(index, found, taken)
    found = _without_headline_glue(index, found)
    found.sort(key=lambda m: m.start)
    return _without_offices_before_names(index, found)


def _without_offices_before_names(
    index: ActorIndex, found: list[PersonMention]
) -> list[PersonMention]:
    """ "Dover Fire Chief, Tom Reed", "the Prime Minister of Avonia, Tom Reed": a capitalised
    office set before the name of its holder, a comma between, is the holder's title, not a
    second person."""
    doc = index.doc
    after_comma = [m.start for m in found if m.start > 0 and doc[m.start - 1].text == ","]
    kept = []
    for m in found:
        holder = next((k for k in after_comma if m.end < k <= m.end + 12), None)
        if holder is not None and index.sentence_bounds(holder)[0] <= m.start:
            span = doc[m.start : m.end]
            if _only_title_words(span) or (
                holder == m.end + 1 and norm_token(doc[m.end - 1].text) in OFFICE_ENDINGS
            ):
                continue
        kept.append(m)
    return kept


def _without_headline_glue(index: ActorIndex, found: list[PersonMention]) -> list[PersonMention]:
    """Names freed of the words a Title Case headline glues to them: the tagger reads
    "Tom Poe Slams Ann Lee Over Taxes" as one name, and a name never runs across a line
    break ("Tom Poe" + a dateline on the next line). In a Title Case line, a name of three or
    more words written only there that holds names the article uses elsewhere ("Tom Poe",
    "Ann Lee"), the other words all capitalised, becomes those names."""
    doc = index.doc
    text = index.text
    names = Counter(m.name for m in found)
    # Names written outside headlines: what a glued name may be made of.
    headline = _HeadlineLines(text)
    plain = Counter(m.name for m in found if not headline(doc[m.start].idx))
    out: list[PersonMention] = []
    for m in found:
        across = _name_across_lines(index, m, names)
        if across is not None:
            out.append(across)
        elif m.end - m.start >= 3 and names[m.name] <= 1 and headline(doc[m.start].idx):
            out.extend(_glued_names(doc, m, plain) or [m])
        else:
            out.append(m)
    unique: dict[tuple[int, int], PersonMention] = {}
    for m in out:
        unique.setdefault((m.start, m.end), m)
    return list(unique.values())


def _name_across_lines(
    index: ActorIndex, m: PersonMention, names: Counter[str]
) -> PersonMention | None:
    """The part of a name that runs across a line break which names someone: the one the
    article uses, else the longest; None when the name sits on one line."""
    parts = _line_parts(index.doc, m.start, m.end)
    if len(parts) < 2:
        return None
    refined = [r for s, e in parts if (r := refine_person_span(index, s, e)) is not None]
    if not refined:
        return None
    known = [r for r in refined if names[r.name] > 0]
    return known[0] if known else max(refined, key=lambda r: r.end - r.start)


def _glued_names(doc: Doc, m: PersonMention, plain: Counter[str]) -> list[PersonMention]:
    """The names written elsewhere that a headline's glued name holds ("Tom Poe Slams Ann
    Lee" holds "Tom Poe" and "Ann Lee"), when every other word of it is capitalised; [] when
    it holds none or the rest is not headline glue."""
    subs: list[tuple[int, int]] = []
    i = m.start
    while i < m.end - 1:
        j = next(
            (
                j
                for j in range(m.end, i + 1, -1)
                if doc[i:j].text != m.name and plain[doc[i:j].text] > 0
            ),
            None,
        )
        if j is None:
            i += 1
        else:
            subs.append((i, j))
            i = j
    inside = {k for s, e in subs for k in range(s, e)}
    glue = [doc[k] for k in range(m.start, m.end) if k not in inside and not doc[k].is_space]
    if not subs or not all(t.is_alpha and t.text[:1].isupper() for t in glue):
        return []
    # The names as written elsewhere: not widened again over the glued words.
    return [PersonMention(start=s, end=e, name=doc[s:e].text) for s, e in subs]


class _HeadlineLines:
    """Whether the line holding a character is written in Title Case, worked out once per
    line: an article has many names and few lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[int, bool] = {}

    def __call__(self, char: int) -> bool:
        start = self.text.rfind("\n", 0, char) + 1
        found = self.seen.get(start)
        if found is None:
            found = self.seen[start] = _title_case_line(self.text, char)
        return found


def _line_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Tokens ``[start, end)`` split at line breaks (whitespace tokens holding one)."""
    parts: list[tuple[int, int]] = []
    first = start
    for k in range(start, end):
        if doc[k].is_space and "\n" in doc[k].text:
            if k > first:
                parts.append((first, k))
            first = k + 1
    if end > first:
        parts.append((first, end))
    return parts


def _title_case_line(text: str, char: int) -> bool:
    """Whether the line holding ``char`` is written in Title Case, as headlines are."""
    end = text.find("\n", char)
    line = text[text.rfind("\n", 0, char) + 1 : end if end >= 0 else len(text)]
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _tagged_people(index: ActorIndex) -> list[PersonMention]:
    """PERSON entities, adjacent ones joined, without places and pieces of organisations."""
    doc = index.doc
    ents = [e for e in index.ents if e.label_ in PERSON_LABELS]
    # Adjacent PERSON entities are one name ("Zine El Abidine" + "Ben Ali").
    merged: list[tuple[int, int]] = []
    for ent in ents:
        if merged and merged[-1][1] == ent.start and doc[ent.start - 1].whitespace_ != "":
            merged[-1] = (merged[-1][0], ent.end)
        else:
            merged.append((ent.start, ent.end))
    multi_word_names = {norm_token(t.text) for s, e in merged if e - s > 1 for t in doc[s:e]}
    found: list[PersonMention] = []
    for start, end in merged:
        span = doc[start:end]
        if person_ent_is_place(span, multi_word_names) or names_a_thing(span):
            continue
        if _part_of_org_name(index, span):
            continue  # "Raksa Chart" + "Party", "Civic Platform": part of an org's name
        bare = clean_name(span)
        before = norm_token(doc[start - 1].text) if start > 0 else ""
        titled = before in TITLE_NOUNS or before in HONORIFICS
        if not titled and (country_of_name(bare) or capital_code(bare) or demonym_code(bare)):
            continue  # "Tunisia", "Niger" tagged PERSON
        mention = refine_person_span(index, start, end)
        if mention is not None:
            found.append(mention)
    return found


def _part_of_org_name(index: ActorIndex, span: Span) -> bool:
    """A PERSON span followed by, or holding, an organisation word ("Raksa Chart Party")."""
    doc = index.doc
    end = span.end
    return bool(
        end < len(doc)
        and norm_token(doc[end].text) in ORG_WORDS
        and (
            doc[end].text[:1].isupper()
            or doc[end].lower_ in ("party", "movement", "front", "alliance", "group")
        )
        or any(norm_token(t.text) in ORG_WORDS for t in span[1:])
    )


def _org_shaped_people(index: ActorIndex) -> list[PersonMention]:
    """ORG entities in a person's shape ("Nikos Christodoulides", "Patrice Talon of Benin")."""
    found: list[PersonMention] = []
    for ent in index.ents:
        if ent.label_ in ORG_LABELS or ent.label_ == "GPE":
            shape = org_looks_like_person(index, ent)
            if shape is not None and (ent.label_ in ORG_LABELS or shape[0] > ent.start):
                mention = refine_person_span(index, *shape)
                if mention is not None:
                    found.append(mention)
    return found


def _names_after_titles(index: ActorIndex, found: list[PersonMention], taken: set[int]) -> None:
    """Untagged names right after a capitalised title ("Presidents Muhammadu Buhari of
    Nigeria", "Mayor de Vries")."""
    tokens = index.tokens.tokens
    for i, text in enumerate(index.tokens.text):
        if not text[:1].isupper():
            continue
        low = norm_token(text)
        if low not in TITLE_NOUNS and low.rstrip("s") not in TITLE_NOUNS:
            continue
        k = i + 1
        while k < len(tokens) and k not in taken and _untagged_name_word(tokens[k]):
            k += 1
        while k > i + 1 and is_name_particle(tokens[k - 1]):
            k -= 1  # a name never ends with its particle
        if k - (i + 1) >= 2:
            mention = refine_person_span(index, i + 1, k)
            if mention is not None:
                found.append(mention)
                taken.update(range(mention.start, mention.end))


def _untagged_name_word(tok: Token) -> bool:
    """A capitalised proper noun that is no title, organisation word or country, or a name's
    particle ("de", "von der")."""
    if tok.ent_type_ in ("", "PERSON") and is_name_particle(tok):
        return True
    low = norm_token(tok.text)
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.ent_type_ in ("", "PERSON")
        and low not in TITLE_NOUNS
        and low not in ORG_WORDS
        and not country_code(tok.text)
    )


def _untagged_speakers(index: ActorIndex, found: list[PersonMention], taken: set[int]) -> None:
    """Untagged names that speak ("Pavel Orlov said ..."): the tagger missed a person."""
    doc = index.doc
    pos, ent_type = index.tokens.pos, index.tokens.ent_type
    for i, dep in enumerate(index.tokens.dep):
        if dep != "nsubj" or pos[i] != "PROPN" or ent_type[i] or i in taken:
            continue
        tok = index.tokens.tokens[i]
        if tok.head.lemma_.lower() not in SAYING_LEMMAS:
            continue
        start = tok.i
        while (
            start > 0
            and (
                doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].dep_ in ("compound", "flat")
                or is_name_particle(doc[start - 1])  # "de Blasio said": "de" read as foreign
            )
            and not doc[start - 1].ent_type_
            and start - 1 not in taken
        ):
            start -= 1
        if index.name_shaped(doc[start : tok.i + 1]):
            mention = refine_person_span(index, start, tok.i + 1)
            if mention is not None:
                found.append(mention)
                taken.update(range(mention.start, mention.end))


def org_looks_like_person(index: ActorIndex, ent: Span) -> tuple[int, int] | None:
    """The tokens of a person's name inside an ORG (or GPE) entity, when it is one."""
    doc = index.doc
    start, end = _org_name_core(index, ent)
    # "Ann-Christin Holm": the hyphen of a double given name is no word of its own
    tokens = [t for t in doc[start:end] if not (t.tag_ == "HYPH" and start < t.i < end - 1)]
    if not 2 <= len(tokens) <= 4 or tokens[0].lower_ == "the":
        return None
    first = norm_token(tokens[0].text)
    if (
        (first in TITLE_NOUNS or first in HONORIFICS)
        and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() and norm_token(t.text) not in ORG_WORDS
            for t in tokens[1:]
        )
        and not find_country(doc[start + 1 : end].text)
    ):
        return start, end  # "Princess Ubolratana": a titled name tagged ORG
    if any(
        norm_token(t.text) in ORG_WORDS or not t.text[:1].isupper() or t.pos_ != "PROPN"
        for t in tokens
    ):
        return None
    text = doc[start:end].text
    if known_actor(text) or find_country(text):
        return None
    # Followed by "of <country>": a head of state ("Patrice Talon of Benin").
    if end + 1 < len(doc) and doc[end].lower_ == "of" and country_of_name(doc[end + 1].text):
        return start, end
    if start > ent.start:
        return start, end
    return (start, end) if _person_by_context(index, doc[start:end].root, end) else None


def _org_name_core(index: ActorIndex, ent: Span) -> tuple[int, int]:
    """The entity without a trailing possessive or "of", and without a place glued in front
    ("Scotland Nicola Sturgeon" after "First Minister of", "Hong Kong Carrie Lam")."""
    doc = index.doc
    start, end = ent.start, ent.end
    while end > start and (
        doc[end - 1].text in POSSESSIVE or doc[end - 1].lower_ in ("of", "and", "for")
    ):
        end -= 1
    if end - start >= 4 and country_of_name(doc[start : start + 2].text):
        start += 2  # "Hong Kong Carrie Lam"
    elif end - start >= 3 and (country_code(doc[start].text) or doc[start].ent_type_ == "GPE"):
        start += 1
    return start, end


def _person_by_context(index: ActorIndex, root: Token, end: int) -> bool:
    """A name-shaped ORG coordinated with or apposed to a person, or one that speaks and is
    then called "he" or "she"."""
    neighbours = (
        [root.head, *root.children] if root.dep_ in ("conj", "appos") else list(root.children)
    )
    if any(
        n.ent_type_ == "PERSON"
        for n in neighbours
        if n.dep_ in ("conj", "appos") or n.i == root.head.i
    ):
        return True
    if any(_someones_role(n) for n in neighbours if n.dep_ == "appos" or n.i == root.head.i):
        return True
    # "Agriculture minister Helena Varga": a title outside the name that modifies it from
    # before ("Henderson Executive Airport" holds its title word inside the name)
    if any(
        n.dep_ == "compound" and n.i < root.i and not n.ent_type_ and _someones_role(n)
        for n in root.children
    ):
        return True
    # "Pavel Orlov said ... 'Without that ...,' he said."
    return speaks_and_is_called_he_or_she(index, root, end)


def _someones_role(noun: Token) -> bool:
    """ "the Minister of Fisheries, Ivo Rask", "his lawyer, Ivo Rask", "Lee's widow, Ana
    Reis": a title, or a kin noun someone owns; the name in apposition to it is a person's.
    Not any agent noun: "its publisher, Dover Books" is a firm."""
    low = noun.lemma_.lower()
    if noun.pos_ in {"NOUN", "PROPN"} and is_title_word(low):
        return True
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if noun.pos_ != "NOUN" or owner is None or owner.lower_ in {"its", "their", "our"}:
        return False
    return low in RELATIVE_NOUNS or low in GENDERED_WORDS


def speaks_and_is_called_he_or_she(index: ActorIndex, root: Token, end: int) -> bool:
    """A name-shaped ORG that is the subject of a verb of saying and is followed, in its
    paragraph, by a subject "he" or "she": the tagger took a person for an organisation."""
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in SAYING_LEMMAS:
        return False
    return _subject_he_or_she_after(index, end, _paragraph_end(index, end)) is not None


def _paragraph_end(index: ActorIndex, end: int) -> int:
    """The character offset where the paragraph holding token ``end - 1`` ends."""
    paragraph_end = index.text.find("\n", index.doc[end - 1].idx)
    return len(index.text) if paragraph_end < 0 else paragraph_end


def _subject_he_or_she_after(index: ActorIndex, end: int, limit: int) -> Token | None:
    """The first subject "he" or "she" from token ``end`` up to character ``limit``."""
    for tok in index.doc[end:]:
        if tok.idx >= limit:
            break
        if tok.lower_ in ("he", "she") and tok.dep_ in NOMINAL_SUBJECT_DEPS:
            return tok
    return None


#: Labels the tagger gives a person's name it took for something else: a place, a product, a
#: firm ("Ivo Rask" as LOC, "Ana Reis" as PRODUCT).
_MISTAKEN_NAME_LABELS = frozenset({"", "LOC", "GPE", "ORG", "PRODUCT"})


def _names_called_he_or_she(index: ActorIndex, found: list[PersonMention], taken: set[int]) -> None:
    """ "Ana Reis crossed the stage. Then she spoke": a name of two or three capitalised proper
    nouns that is the subject of a verb and that a subject "he" or "she" takes up, later in its
    paragraph or in the next sentence, no other person named between, is a person's, whatever
    the tagger called it (a place, a product, a firm, or nothing)."""
    doc = index.doc
    people = set(taken)  # the names found before this pass
    headline = _HeadlineLines(index.text)
    for i, dep in enumerate(index.tokens.dep):
        if dep != "nsubj" or index.tokens.pos[i] != "PROPN" or i in taken:
            continue
        tok = index.tokens.tokens[i]
        if tok.head.pos_ not in ("VERB", "AUX") or tok.head.i < i or headline(tok.idx):
            continue
        start = i
        while (
            start > 0
            and (
                doc[start - 1].dep_ in ("compound", "flat")
                and doc[start - 1].pos_ == "PROPN"
                or is_name_particle(doc[start - 1])
            )
            and not is_office_word(norm_token(doc[start - 1].text))
            and start - 1 not in taken
        ):
            start -= 1
        span = doc[start : i + 1]
        if not _mistaken_name(index, span):
            continue
        # The pronoun reaches the end of the paragraph, or of the next sentence.
        limit = _paragraph_end(index, i + 1)
        next_start = index.sentence_bounds(i)[1]
        if next_start < len(doc):
            last = doc[index.sentence_bounds(next_start)[1] - 1]
            limit = max(limit, last.idx + len(last.text))
        pronoun = _subject_he_or_she_after(index, i + 1, limit)
        if pronoun is None or any(
            k in people or doc[k].ent_type_ == "PERSON" for k in range(i + 1, pronoun.i)
        ):
            continue
        mention = refine_person_span(index, start, i + 1)
        if mention is not None:
            found.append(mention)
            taken.update(range(mention.start, mention.end))


def _mistaken_name(index: ActorIndex, span: Span) -> bool:
    """Two or three capitalised proper nouns in a person's shape, no title, country, capital or
    known place among them, no acronym, whose entity (if any) is no wider than they are and is
    not a person's; written bare, as names are (not "a Dover Poll", "Avonia's 3rd District")."""
    if len(span) > 3 or not index.name_shaped(span):
        return False
    for t in span:
        if t.ent_type_ not in _MISTAKEN_NAME_LABELS or t.text.isupper():
            return False
        if is_office_word(norm_token(t.text)) or country_code(t.text) or capital_code(t.text):
            return False
    if any(c.dep_ in _NOT_BEFORE_NAMES for c in span.root.children if c.i < span.start):
        return False
    if span.start > 0 and norm_token(span.doc[span.start - 1].text) in DETERMINERS:
        return False
    return (
        not any(
            e.start < span.start or e.end > span.end
            for e in index.ents
            if e.start < span.end and e.end > span.start
        )
        and geocode(span.text) is None
    )


#: What stands before a noun but never before a person's bare name: an article, an owner, an
#: adjective, a number ("a Dover Poll", "Avonia's 3rd District", "a so-called Blue Dog").
_NOT_BEFORE_NAMES = frozenset({"det", "poss", "amod", "nummod"})


def refine_person_span(index: ActorIndex, start: int, end: int) -> PersonMention | None:
    """The name inside tokens ``[start, end)``: without titles, honorifics, possessives and
    glued places, widened over given names and second surnames the tagger left out."""
    doc = index.doc
    # Trailing possessive and punctuation are not part of the name.
    while end > start and (
        doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct and doc[end - 1].text != "."
    ):
        end -= 1
    start, honorific = _skip_leading_titles(index, start, end)
    if start >= end:
        return None
    start = _drop_glued_place(index, start, end)
    while start > 0 and (
        particle_left_out(doc, start - 1)
        or _given_name_left_out(doc[start - 1])
        or given_name_opening_sentence(doc[start - 1], doc[start])
    ):
        start -= 1  # "MP Ivanna Klympush-Tsintsadze", "Van der" + "Bellen"
    end = surname_after_particles(doc, start, end)  # "Ursula von der" + "Leyen"
    while end < len(doc) and _second_surname(doc[end], doc[end - 1]):
        end += 1  # "Wanda Vázquez Garced"
    # An honorific right before the name gives gender ("Mr Moyo", "Ms Varga").
    if start > 0:
        low = norm_token(doc[start - 1].text)
        if low in HONORIFICS and HONORIFICS[low]:
            honorific = honorific or HONORIFICS[low]
    name = doc[start:end].text.strip()
    if not _name_like(name):
        return None
    return PersonMention(start=start, end=end, name=name, honorific_gender=honorific)


def _skip_leading_titles(index: ActorIndex, start: int, end: int) -> tuple[int, str | None]:
    """Skip leading determiners, honorifics, titles and bracketed glosses inside the entity;
    the new start and the gender an honorific gave."""
    doc = index.doc
    honorific: str | None = None
    while start < end:
        low = norm_token(doc[start].text)
        if low in DETERMINERS:
            start += 1
        elif doc[start].lower_ in NAME_PARTICLES and not is_name_particle(doc[start]):
            start += 1  # "a van Tom Reed": a word of its own, no particle of the name
        elif low in HONORIFICS and end - start > 1:
            honorific = HONORIFICS[low] or honorific
            start += 1
        elif (
            (low in TITLE_NOUNS or low in TITLE_MODIFIERS)
            and end - start > 1
            and (doc[start].pos_ != "PROPN" or lower_particle(doc[start + 1]))
        ):
            start += 1  # "Mayor de la Torre": a given name is never followed by "de la" alone
        elif doc[start].text in ("[", "("):
            # "Cde [comrade] Tendai Moyo": skip a bracketed gloss.
            close = next((k for k in range(start, end) if doc[k].text in ("]", ")")), None)
            if close is None:
                break
            start = close + 1
        else:
            break
    return start, honorific


def _only_title_words(span: Span) -> bool:
    """ "Deputy Director", "Prime Minister": a capitalised office the tagger (or the shape of a
    speaking subject) took for a name; an office is no one's name."""
    words = [norm_token(t.text) for t in span if not t.is_punct]
    return len(words) >= 2 and all(is_office_word(w) for w in words)


def _drop_glued_place(index: ActorIndex, start: int, end: int) -> int:
    """A place glued to the front of a name ("of Hong Kong Carrie Lam"): the place goes."""
    doc = index.doc
    if end - start >= 3 and doc[start].ent_type_ in ("PERSON", "GPE"):
        for width in (2, 1):
            if end - start - width < 2:
                continue
            place = doc[start : start + width].text
            if country_of_name(place) or (width == 2 and capital_code(place)):
                return start + width
    return start


def _given_name_left_out(prev: Token) -> bool:
    """A capitalised word before a name that the tagger left out of it."""
    low = norm_token(prev.text)
    return bool(
        prev.pos_ in ("PROPN", "NOUN", "ADJ", "X")
        and prev.text[:1].isupper()
        and not prev.text.isupper()
        and prev.ent_type_ in ("", "PERSON")
        and not is_office_word(low)
        and low not in ORG_WORDS
        and low not in HONORIFICS
        and not country_code(prev.text)
        and not prev.is_sent_start
        and prev.whitespace_
    )


def _second_surname(nxt: Token, last: Token) -> bool:
    """An untagged capitalised proper noun right after a name, part of it."""
    return bool(
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and nxt.ent_type_ == ""
        and last.whitespace_
        and norm_token(nxt.text) not in TITLE_NOUNS
        and not country_code(nxt.text)
    )


def _name_like(name: str) -> bool:
    """Letters, a capital first (or a name's particles before one: "de Vries"), no platform
    name and no digit."""
    if not name or norm_token(name) in NOT_PEOPLE or not any(ch.isalpha() for ch in name):
        return False
    # No one's name holds a digit; the tagger's PERSON spans that do are diseases, craft,
    # storms with a distance, magnitudes ("COVID-19", "Voskhod 2", "Magnitude 6.3").
    if any(ch.isdigit() for ch in name):
        return False
    return begins_like_name(name)


def cluster_persons(index: ActorIndex, mentions: list[PersonMention]) -> None:
    doc = index.doc
    clusters = NameIndex()
    # Full names first, so a surname met before its full name still finds it.
    for m in sorted(mentions, key=lambda m: (-len(name_tokens(m.name)), m.start)):
        tokens = name_tokens(m.name)
        if len(tokens) < 2 or not names_someone_new(doc, m.start, m.name):
            continue
        record = next(
            (
                r
                for r in clusters.sharing_a_word(m.name)
                if names_compatible(m.name, r.name) and first_names_agree(m.name, r.name)
            ),
            None,
        )
        if record is None:
            record = index.add(m.name, "person")
            clusters.add(record)
        elif len(name_tokens(m.name)) > len(name_tokens(record.name)):
            record.add_alias(record.name)
            record.name = m.name
            clusters.renamed(record)
    for m in mentions:
        tokens = name_tokens(m.name)
        sharing = clusters.sharing_a_word(m.name)
        if len(tokens) >= 2:
            found = next(
                (
                    r
                    for r in sharing
                    if names_compatible(m.name, r.name) and first_names_agree(m.name, r.name)
                ),
                None,
            )
            if found is None:
                continue  # a bare surname of no one named ("de Vries" when no one is)
            record = found
        else:
            cands = [r for r in sharing if names_compatible(m.name, r.name)]
            if not cands:
                # A first name alone ("Paweł") for the one person the article gives it to.
                cands = [
                    r
                    for r in sharing
                    if len(name_tokens(r.name)) > 1 and name_tokens(r.name)[0] == tokens[0]
                ]
                if len(cands) != 1:
                    cands = []
            if not cands:
                if not names_someone_new(doc, m.start, m.name):
                    continue  # "al-Qa’ida", tagged a person: no one named so
                record = index.add(m.name, "person")
                clusters.add(record)
            elif len(cands) == 1:
                record = cands[0]
            else:
                record = pick_namesake(cands, doc[m.start].idx)
        s_char, e_char = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
        record.add_mention(s_char, e_char, index.text[s_char:e_char])
        if m.honorific_gender:
            record.gender = record.gender or m.honorific_gender
        if doc[m.start : m.end].root.dep_ in ACTING_SUBJECT_DEPS:
            record.subject_mentions.append((s_char, e_char))
        read_title(index, record, m)
        for k in range(m.start, m.end):
            index.claimed.add(k)


def add_people(index: ActorIndex) -> None:
    """Find the people's names of the article and cluster them into actors."""
    cluster_persons(index, person_mentions(index))
