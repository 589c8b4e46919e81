"""ActorIndex: the actors of one article, and the lookups the other rules need."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span

from parley.geo.countries import (
    actor_code,
    capital_code,
    country_of_name,
    demonym_code,
    find_country,
    fold,
    known_actor,
)
from parley.geo.places import division_country
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_ents, doc_sents, doc_text
from parley.nlp.rules.actors.names import first_names_agree, names_compatible
from parley.nlp.rules.actors.record import ActorRecord, MentionEdits
from parley.nlp.rules.actors.state_tags import (
    PARTY_MEMBERS,
    PARTY_OF_ADJECTIVE,
    PARTY_OF_LETTER,
    tag_at,
)
from parley.nlp.rules.actors.words import (
    DETERMINERS,
    GOVERNMENT_LEVELS,
    HONORIFICS,
    ORG_WORDS,
    POSSESSIVE,
    RANK_MODIFIERS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
    head_word,
    in_latin_script,
    is_name_particle,
    is_office_word,
    name_tokens,
    norm_token,
    plural_office,
)
from parley.nlp.tokens import TokenTable, doc_tokens
from parley.types import Actor, ActorKind


class ActorIndex:
    """The actors of one Doc and the lookups the other rules need."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # doc.ents rebuilds its list on every access: read it once. A name the parser finds in
        # another script (a transcript's answer in its own language) is noise, not an actor.
        self.ents: list[Span] = [e for e in doc_ents(doc) if in_latin_script(e.text)]
        self.text: str = doc_text(doc)  # Doc.text joins every token on each access
        # The Doc's tokens and their attributes as lists, made once (see parley.nlp.tokens).
        self.tokens: TokenTable = doc_tokens(doc)
        # Sentence bounds, computed once (Token.sent walks the parse on every call).
        sents = doc_sents(doc)
        self._sent_tok = [(sent.start, sent.end) for sent in sents]
        self._sent_chars = [sent.start_char for sent in sents]
        self._sent_of_token = [0] * len(doc)
        for k, (first, last) in enumerate(self._sent_tok):
            for t in range(first, last):
                self._sent_of_token[t] = k
        self.records: list[ActorRecord] = []
        self.main_country: str | None = None
        self.claimed: set[int] = set()  # token indices inside a person's name or title
        # The mention table's records list (held, so a new list is never taken for it), its
        # length and the mention edit count when the table was built.
        self._mentions_of: list[ActorRecord] | None = None
        self._mentions_key: tuple[int, int] | None = None
        self._mentions_cache: tuple[list[int], list[tuple[int, int, int, ActorRecord]], int] = (
            [],
            [],
            0,
        )

    def sentence_bounds(self, token_i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence holding token ``token_i``."""
        if not self._sent_tok:
            return 0, len(self.doc)
        return self._sent_tok[self._sent_of_token[token_i]]

    def previous_sentence_start(self, offset: int) -> int:
        """Character offset where the sentence before the one holding ``offset`` starts."""
        if not self._sent_chars:
            return 0
        k = max(bisect_right(self._sent_chars, offset) - 1, 0)
        return self._sent_chars[max(k - 1, 0)]

    @classmethod
    def build(cls, doc: Doc) -> ActorIndex:
        """Find every person, organisation and acting country of ``doc``: the builder steps of
        :data:`BUILD_STEPS` run in order on a fresh index."""
        from parley.nlp.rules.actors.steps import BUILD_STEPS

        index = cls(doc)
        for _name, step in BUILD_STEPS:
            step(index)
        return index

    def name_shaped(self, span: Span) -> bool:
        """Two to four capitalised proper nouns with no organisation word and no known actor or
        country: the shape of a person's name ("Pavel Orlov", "Jean-Yves Le Drian"); the
        particles of a name count as its words, though never as its last ("de Vries", "Ursula
        von der Leyen"), and not when joined by a hyphen ("al-Qaeda" is one word)."""
        tokens = [
            t
            for t in span
            if not (t.is_punct and t.text in "-–")
            and not (t.i + 1 < span.end and span.doc[t.i + 1].text == "-" and is_name_particle(t))
        ]
        words = [t for t in tokens[:-1] if not is_name_particle(t)] + tokens[-1:]
        return (
            2 <= len(tokens) <= 4 + len(tokens) - len(words)
            and 1 <= len(words) <= 4
            and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and norm_token(t.text) not in ORG_WORDS
                for t in words
            )
            and not known_actor(span.text)
            and not find_country(span.text)
        )

    def add(self, name: str, kind: ActorKind, **facts: str | None) -> ActorRecord:
        """Register a new actor (e.g. an unnamed source, "a police spokesperson") and return it.

        Title, country and sector that ``facts`` leave out are read from the name itself
        ("a Kremlin spokesman" -> RUS, GOV).
        """
        words = name_tokens(name)
        if kind == "person" and words and words[-1] in ORG_WORDS and words[-1] not in TITLE_NOUNS:
            kind = "organization"  # "the Ukrainian government" is not a person
        record = ActorRecord(id=f"a{len(self.records) + 1}", name=name, kind=kind)
        for key, value in facts.items():
            setattr(record, key, value)
        if kind != "country" and (record.country is None or record.sector is None):
            code = actor_code(name)
            if record.sector is None:
                record.sector = code.sector
            if record.country is None and code.country:
                record.country = code.country
                record.country_evidence = True
            elif record.country is None and code.igo is None and kind != "group":
                # Unnamed sources ("a government official") belong to the article's country;
                # groups ("sources", "officials", "analysts") have none unless the text gives
                # one ("Ukrainian officials").
                record.country = self.main_country
        self.records.append(record)
        return record

    def find(self, name: str, *, kind: ActorKind | None = None) -> ActorRecord | None:
        """The actor called ``name``, by full name, alias or shared surname."""
        wanted = name.strip()
        for prefix in ("the ", "The "):
            if wanted.startswith(prefix):
                wanted = wanted[len(prefix) :]
        if wanted.endswith("'s") or wanted.endswith("\u2019s"):
            wanted = wanted[:-2]
        key = fold(wanted)
        if not key:
            return None
        for record in self.records:
            if kind and record.kind != kind:
                continue
            if key == fold(record.name) or any(key == fold(a) for a in record.aliases):
                return record
        return self._find_person_or_country(_without_title(wanted), kind)

    def _find_person_or_country(self, wanted: str, kind: ActorKind | None) -> ActorRecord | None:
        """A person whose name fits ``wanted`` (the one mentioned most), else the country."""
        if norm_token(wanted) in PARTY_MEMBERS:
            return None  # "Republican" is no surname of "the Ohio Republican"
        people = [
            r for r in self.records if r.kind == "person" and (kind is None or kind == "person")
        ]
        cands = [
            r
            for r in people
            if names_compatible(wanted, r.name) and first_names_agree(wanted, r.name)
        ]
        if cands:
            return cands[0] if len(cands) == 1 else max(cands, key=lambda r: len(r.mentions))
        iso3 = country_of_name(wanted) or capital_code(wanted)
        if iso3 and kind in (None, "country"):
            return next(
                (r for r in self.records if r.kind == "country" and r.country == iso3), None
            )
        return None

    def record_by_id(self, actor_id: str) -> ActorRecord | None:
        """The record whose id is ``actor_id`` (a quote's or an event's speaker), or None. A
        scan: the callers are cold, and a rule that looks up many ids builds its own map."""
        return next((r for r in self.records if r.id == actor_id), None)

    def at(self, start: int, end: int) -> ActorRecord | None:
        """The actor with a mention overlapping the characters ``[start, end)`` (the first
        such actor in ``records``, as a scan of every mention would find)."""
        starts, table, longest = self._mention_table()
        lo = bisect_right(starts, start - longest)
        hi = bisect_right(starts, end - 1)
        best: tuple[int, ActorRecord] | None = None
        for m_start, m_end, rank, record in table[lo:hi]:
            if m_start < end and start < m_end and (best is None or rank < best[0]):
                best = (rank, record)
        return best[1] if best else None

    def _mention_table(
        self,
    ) -> tuple[list[int], list[tuple[int, int, int, ActorRecord]], int]:
        """Every mention sorted by start, with its actor's rank in ``records``; rebuilt only
        when actors or mentions were added or removed or ``records`` was replaced (reordering
        goes by a new list), so lookups stay logarithmic."""
        key = (len(self.records), MentionEdits.count)
        if self._mentions_of is not self.records or self._mentions_key != key:
            table = sorted(
                (m_start, m_end, rank, record)
                for rank, record in enumerate(self.records)
                for m_start, m_end in record.mentions
            )
            longest = max((m_end - m_start for m_start, m_end, _, _ in table), default=0)
            self._mentions_cache = ([row[0] for row in table], table, longest)
            self._mentions_key = key
            self._mentions_of = self.records
        return self._mentions_cache

    def mentions_before(
        self, offset: int, *, kind: ActorKind | None = None
    ) -> list[tuple[int, ActorRecord]]:
        """(start, actor) of every mention that starts before ``offset``, nearest last."""
        found = [
            (m_start, record)
            for record in self.records
            if kind is None or record.kind == kind
            for m_start, _ in record.mentions
            if m_start < offset
        ]
        found.sort(key=lambda pair: pair[0])
        return found

    def group_of(
        self, members: list[ActorRecord], start: int, end: int, *, peers: bool = False
    ) -> ActorRecord:
        """One actor for people named together as a subject ("Ola Brekke and his Danish
        counterparts, Mads Holm and Aino Virta, met ..."), whom a following "they" means.

        It is named by the office its members share, in the plural ("foreign ministers"),
        else by their names ("Carla Munoz and Peter Lind"). A member without a title shares
        the office only when the text calls them ``peers`` ("his counterparts").
        """
        offices = set()
        for member in members:
            if not member.title and not peers:
                offices.add("")
            if member.title:
                words = [
                    w
                    for w in member.title.split()
                    if not (demonym_code(w) or country_of_name(w)) and norm_token(w) != "the"
                ]
                offices.add(" ".join(words).lower())
        if len(offices) == 1 and next(iter(offices)):
            name = plural_office(next(iter(offices)))
        else:
            names = [m.name for m in members]
            name = ", ".join(names[:-1]) + " and " + names[-1]
        record = next((r for r in self.records if r.kind == "group" and r.name == name), None)
        if record is None:
            record = self.add(name, "group")
            # Only a country the text gives every member ("two Ukrainian ministers").
            countries = {m.country if m.country_evidence else None for m in members}
            record.country = countries.pop() if len(countries) == 1 else None
            for member in members:
                record.add_alias(member.name)
        record.add_mention(start, end, self.text[start:end])
        return record

    def resolve_description(self, text: str, before: int) -> ActorRecord | None:
        """The actor a definite description refers to: the nearest earlier one that fits.

        "the President" -> the last person titled President (not a Vice President) mentioned
        before ``before``; "the Kremlin spokesman", "the minister", "the Greek foreign
        minister" likewise; "the court", "the Senate" -> the organisation with that head noun.

        Args:
            text: the description as written ("the President", "The minister").
            before: character offset; only actors mentioned before it are candidates.
        """
        parsed = parse_description(text)
        if parsed is None:
            return None
        country, head, role_words, proper = parsed
        # A description by party ("the Ohio Republican") names someone before only when
        # definite: "one Iowa Democrat" is someone new.
        party = role_words == [head] and head in PARTY_MEMBERS
        persons = not party or norm_token(text.split()[0]) == "the"
        known_of: dict[str, set[str]] = {}  # each candidate's words, read once
        levels = [w for w in name_tokens(text) if w in GOVERNMENT_LEVELS]
        places = [w for w in proper if not is_office_word(w) and _is_place_word(w)]
        best: tuple[int, ActorRecord] | None = None
        organisations: list[tuple[int, ActorRecord]] = []
        for start, record in self.mentions_before(before):
            if country and record.country and record.country != country:
                continue
            if (
                record.kind == "person"
                and persons
                and self._holds(record, role_words, places, party, known_of)
            ):
                best = (start, record)
            elif record.kind == "organization":
                name_words = name_tokens(record.name)
                if head_word(name_words) == head and all(
                    w in name_words for w in proper + levels if w != head
                ):
                    best = (start, record)
                    organisations.append((start, record))
        if (
            best is not None
            and best[1].kind == "organization"
            and len({r.id for _, r in organisations}) > 1
        ):
            best = self._topical_organisation(best, organisations)
        return best[1] if best else None

    def _topical_organisation(
        self, best: tuple[int, ActorRecord], organisations: list[tuple[int, ActorRecord]]
    ) -> tuple[int, ActorRecord]:
        """ "The Court of Session is Scotland's highest court. The only court above it is the
        Supreme Court. [...] the court said": of two fitting organisations a reader follows
        the one last mentioned as a subject, not the last one named; only within the
        paragraph that names the last of them (a subject pages earlier is no longer the topic).
        """
        paragraph = self.text.rfind("\n", 0, best[0]) + 1
        subjects = [
            (s, r)
            for s, r in organisations
            if s >= paragraph and self._is_subject_at(s, dict(r.mentions).get(s, s + 1))
        ]
        return subjects[-1] if subjects else best

    def _is_subject_at(self, start: int, end: int) -> bool:
        """Whether the mention at ``start:end`` is a clause's subject ("the Court of Session
        ruled"), not a word inside one ("the Orchard Party ticket secured")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in NOMINAL_SUBJECT_DEPS

    def _holds(
        self,
        record: ActorRecord,
        role_words: list[str],
        places: list[str],
        party: bool,
        known_of: dict[str, set[str]],
    ) -> bool:
        """Whether a person is the holder a description names: by office ("the senator"), or
        by ``party`` ("the Ohio Republican": a person written or tagged as one), and by place
        when the description names one. ``known_of`` keeps each person's written and tagged
        words (:func:`_written_words`, :meth:`_tagged_words`) for the description's other
        mentions of them."""
        if not party and not self._title_fits(record, role_words):
            return False
        if not places and not party:
            return True
        known = known_of.get(record.id)
        if known is None:
            known = known_of[record.id] = _written_words(record) | self._tagged_words(record)
        return all(w in known for w in places) and (not party or role_words[-1] in known)

    def _tagged_words(self, record: ActorRecord) -> frozenset[str]:
        """The words of the party and state a person is tagged with right after a mention
        ("Sen. Ann Roe (R-Fla.)", "Rep. Tom Lee, D-N.Y.,"): {"republican", "florida"},
        {"democrat", "new", "york"}."""
        words: set[str] = set()
        for _, end in record.mentions:
            party, state = tag_at(self.text, end)
            if state:
                words.update(name_tokens(state))
            if party:
                words.add(PARTY_OF_LETTER[party])
        return frozenset(words)

    @staticmethod
    def _title_fits(record: ActorRecord, words: list[str]) -> bool:
        head = words[-1]
        for _, title in record.titles or ([(0, record.title)] if record.title else []):
            for role_words, role_head in _roles(title):
                if role_head != head:
                    continue
                if not all(w in role_words for w in words):
                    continue
                # "the President" is not the Vice President, "the minister" not the Prime Minister.
                if any(w in RANK_MODIFIERS and w not in words for w in role_words):
                    continue
                return True
        return False

    def freeze(self) -> tuple[Actor, ...]:
        """The actors as frozen :class:`parley.types.Actor` values, in order of first mention."""
        return tuple(record.freeze() for record in self.records)


@lru_cache(maxsize=4096)
def _roles(title: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The roles of a title ("Foreign Minister and Deputy Prime Minister"), each as its words
    (without "of ...") and its head word; parsed once per title."""
    roles = []
    for role in re.split(r",|;|\band\b", title):
        role_words = name_tokens(re.split(r"\bof\b", role)[0])
        if role_words:
            roles.append((tuple(role_words), head_word(role_words)))
    return tuple(roles)


def _without_title(wanted: str) -> str:
    """ "Princess Ubolratana", "President Trump": the name without its title."""
    words = wanted.split()
    while len(words) > 1 and (
        is_office_word(norm_token(words[0])) or norm_token(words[0]) in HONORIFICS
    ):
        words = words[1:]
    return " ".join(words)


def _written_words(record: ActorRecord) -> set[str]:
    """The words of a person's name, aliases and titles, as written in the article, with
    "Democratic" read as "democrat": what a description by place or party is checked against.
    Two senators in one article are not told apart by their office alone."""
    written = {w for text in (record.name, *record.aliases) for w in name_tokens(text)}
    written.update(w for _, title in record.titles for w in name_tokens(title))
    written.update(PARTY_OF_ADJECTIVE[w] for w in list(written) if w in PARTY_OF_ADJECTIVE)
    return written


@lru_cache(maxsize=4096)
def _is_place_word(word: str) -> bool:
    """A country, a nationality or a state or province ("florida", "vermont", "jersey")."""
    name = word.title()
    return bool(_place_country(name) or demonym_code(name))


def _place_words(raws: list[str]) -> tuple[int, str | None]:
    """(width, country) of a place of two or three capitalised words opening ``raws`` ("New
    Jersey", "South Korea"), or (0, None)."""
    for width in (3, 2):
        words = raws[:width]
        if len(words) < width or not all(w[:1].isupper() for w in words):
            continue
        if any(is_office_word(norm_token(w)) for w in words):
            continue
        code = _place_country(" ".join(words))
        if code:
            return width, code
    return 0, None


@lru_cache(maxsize=4096)
def _place_country(name: str) -> str | None:
    """The country of a country or of a state or province called ``name``."""
    return country_of_name(name) or division_country(name)


def parse_description(text: str) -> tuple[str | None, str, list[str], list[str]] | None:
    """(country, head noun, role words, capitalised words) of a description such as "the
    Greek foreign minister"; None when nothing but determiners and countries is left."""
    words = [w for w in name_tokens(text) if w not in DETERMINERS and w not in POSSESSIVE]
    if not words:
        return None
    country = None
    kept: list[str] = []
    raws = [t for t in text.split() if norm_token(t) not in DETERMINERS]
    pairs = list(zip(words, raws, strict=False))
    k = 0
    while k < len(pairs):
        # "the New Jersey governor": a place of several words is read whole, not as "Jersey".
        width, code = _place_words([raw for _, raw in pairs[k : k + 3]])
        if width:
            # (kept among the capitalised words: "a New Hampshire Democrat" is not "an Iowa
            # Democrat", though both are American)
            country = country or code
            kept.extend(w for w, _ in pairs[k : k + width])
            k += width
            continue
        w, raw = pairs[k]
        code = demonym_code(raw) or country_of_name(raw)
        if code and w not in TITLE_NOUNS:
            country = country or code
        else:
            kept.append(w)
        k += 1
    if not kept:
        return None
    head = kept[-1]
    # Descriptive words that are not part of any office ("the embattled president") are ignored.
    role_words = [
        w for w in kept[:-1] if w in TITLE_NOUNS or w in TITLE_MODIFIERS or w in RANK_MODIFIERS
    ] + [head]
    proper = [
        w for w, raw in zip(kept, text.split()[-len(kept) :], strict=False) if raw[:1].isupper()
    ]
    return country, head, role_words, proper
