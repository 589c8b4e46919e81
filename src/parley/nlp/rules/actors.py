"""Actors of one article: people, organisations and countries with mentions, titles, countries.

``ActorIndex.build(doc)`` turns spaCy's named entities into canonical actors:

1. **People.** PERSON entities, widened to the whole name ("MP Ivanna Klympush-Tsintsadze"
   gives "Ivanna Klympush-Tsintsadze") and stripped of honorifics, possessives and titles, are
   clustered: a surname joins the full name that contains it; two full names with different
   first names stay apart ("Thaksin" and "Yingluck Shinawatra"); the canonical name is the
   fullest the article uses. Repairs of common tagger mistakes: a surname tagged ORG or GPE
   ("Trump's remarks") joins its person; a PERSON that the gazetteer knows as a place and that
   has no person context ("Sumy") is a place, not a person; platform names are dropped.
2. **Titles** from the words before a name ("Secretary of State Marco Rubio", "Kremlin
   spokesman Dmitry Peskov"), from appositions ("X, chair of the committee, ...") and from the
   noun a name is in apposition to ("the premier's special envoy, Ada Lind").
3. **Countries** from nationality words, country names, capitals and institutions in the title
   ("US", "Italian", "Kremlin"), from "of <country>" after the name, from the apposition, and
   otherwise from the country the article talks about most.
4. **Organisations** (ORG entities and table institutions) merged by name, alias, acronym and
   head noun ("the Senate" joins "Puerto Rico Senate"), with country and CAMEO sector; and
   **countries** (or their capitals, "Moscow said") when they act as grammatical subjects.
5. **Descriptions** ("the President", "the Kremlin spokesman", "the court") become mentions of
   the nearest earlier actor with that title or name head; **gender** from honorifics, gendered
   titles and the pronouns that refer back to a person.

The quote and event rules then ask the index who a mention, a description or a pronoun refers
to (:meth:`ActorIndex.find`, :meth:`ActorIndex.resolve_description`,
the speaker resolver in ``speech.py``), and may register unnamed speakers with
:meth:`ActorIndex.add`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from parley.geo.countries import (
    actor_code,
    capital_code,
    country_code,
    country_name,
    country_of_name,
    demonym_code,
    find_country,
    fold,
    known_actor,
    sector_of,
)
from parley.nlp.doctext import doc_sents, doc_text, noun_chunks
from parley.nlp.rules.places import org_ent_is_place, person_ent_is_place
from parley.types import Actor, ActorKind

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}

#: Words that name a role or office (lower case); a title phrase must contain one.
TITLE_NOUNS = frozenset(
    [
        "president", "president-elect", "vice-president", "minister", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "chancellor", "premier", "envoy", "ambassador", "senator",
        "governor", "mayor", "king", "queen", "prince", "princess", "lord", "lady", "judge",
        "justice", "prosecutor", "archbishop", "bishop", "pope", "cardinal", "imam", "rabbi",
        "general", "colonel", "commander", "admiral", "lieutenant", "captain", "major", "sergeant",
        "marshal", "chief", "head", "leader", "chair", "chairman", "chairwoman", "chairperson",
        "director", "mp", "lawmaker", "legislator", "representative", "congressman",
        "congresswoman", "councillor", "councilor", "official", "adviser", "advisor", "aide",
        "analyst", "correspondent", "reporter", "editor", "journalist", "professor", "doctor",
        "businessman", "businesswoman", "activist", "candidate", "nominee", "commissioner",
        "administrator", "executive", "ceo", "founder", "owner", "officer", "deputy", "speaker",
        "member", "attorney", "counsel", "negotiator", "diplomat", "delegate", "superintendent",
        "inspector", "economist", "historian", "scientist", "researcher", "expert", "emir",
        "sultan", "sheikh", "monarch", "emperor", "empress", "crown", "ruler", "dictator",
        "strongman", "warlord", "treasurer", "comptroller", "registrar", "ombudsman", "rapporteur",
        "coordinator", "manager", "president-elect", "premier", "secretary-general", "loyalist",
        "co-founder", "cofounder", "vice", "chief-of-staff"
    ]
)
#: Words that may precede a title noun inside a title ("Prime Minister", "Foreign Minister").
TITLE_MODIFIERS = frozenset(
    [
        "vice", "prime", "deputy", "foreign", "defence", "defense", "interior", "home", "economy",
        "economic", "finance", "health", "justice", "chief", "senior", "former", "acting",
        "interim", "special", "first", "then", "ex", "incumbent", "outgoing", "newly", "elected",
        "state", "supreme", "general", "high", "national", "security", "presidential", "attorney",
        "press", "trade", "industry", "culture", "education", "energy", "environment",
        "agriculture", "labour", "labor", "transport", "development", "treasury", "federal",
        "regional", "local", "party", "opposition", "assistant", "associate", "executive",
        "managing", "permanent", "top", "junior", "shadow", "caretaker", "de", "facto", "lead",
        "principal", "democratic", "republican", "conservative", "liberal", "socialist",
        "committee", "council", "house", "senate", "parliamentary", "police", "military", "army",
        "navy", "air", "force", "intelligence", "emergency", "digital", "science", "technology",
        "information", "communications", "veterans", "housing", "infrastructure", "immigration",
        "migration", "finance", "budget", "social", "welfare", "youth", "sports", "tourism",
        "mining", "minerals", "oil", "gas", "water", "commerce", "investment", "planning",
        "public", "affairs", "relations", "civil", "european", "international", "human", "rights",
        "minority", "majority", "whip", "floor"
    ]
)
# Words that change which office a title names: "the President" is not the Vice President.
RANK_MODIFIERS = frozenset(
    {"vice", "deputy", "assistant", "former", "ex", "prime", "under", "shadow", "then"}
)
HONORIFICS = {
    "mr": "male",
    "mister": "male",
    "sir": "male",
    "lord": "male",
    "king": "male",
    "prince": "male",
    "sheikh": "male",
    "monsignor": "male",
    "monsenor": "male",
    "father": "male",
    "ms": "female",
    "mrs": "female",
    "miss": "female",
    "madam": "female",
    "madame": "female",
    "dame": "female",
    "lady": "female",
    "queen": "female",
    "princess": "female",
    "dr": None,
    "prof": None,
    "professor": None,
    "cde": None,
    "comrade": None,
    "hon": None,
    "rev": None,
    "reverend": None,
    "judge": None,
    "justice": None,
    "gen": None,
    "col": None,
    "capt": None,
    "sen": None,
    "rep": None,
    "gov": None,
    "pres": None,
    "president": None,
}
GENDERED_WORDS = {
    "chairman": "male",
    "spokesman": "male",
    "businessman": "male",
    "congressman": "male",
    "king": "male",
    "prince": "male",
    "lord": "male",
    "emperor": "male",
    "husband": "male",
    "chairwoman": "female",
    "spokeswoman": "female",
    "businesswoman": "female",
    "congresswoman": "female",
    "queen": "female",
    "princess": "female",
    "lady": "female",
    "empress": "female",
    "wife": "female",
}
# Names of platforms and products the tagger often calls PERSON ("said on Twitter").
NOT_PEOPLE = frozenset(
    {
        "twitter",
        "facebook",
        "instagram",
        "youtube",
        "telegram",
        "tiktok",
        "whatsapp",
        "x",
        "linkedin",
        "truth social",
    }
)
# Words that make an ORG entity an organisation even in the shape of a name ("Atlantic Council").
ORG_WORDS = frozenset(
    [
        "party", "ministry", "department", "council", "court", "committee", "commission", "union",
        "agency", "office", "bank", "fund", "league", "movement", "front", "army", "forces",
        "guard", "police", "service", "services", "authority", "assembly", "parliament", "senate",
        "congress", "house", "government", "administration", "association", "federation",
        "organisation", "organization", "institute", "institution", "university", "college",
        "school", "hospital", "company", "corporation", "group", "news", "times", "post",
        "journal", "agency", "network", "press", "radio", "tv", "channel", "airline", "airlines",
        "air", "airways", "foundation", "trust", "society", "church", "board", "bureau", "inc",
        "ltd", "corp", "co", "llc", "plc", "coalition", "alliance", "brigade", "battalion",
        "command", "centre", "center", "program", "programme", "project", "initiative", "campaign",
        "club", "team", "branch", "platform"
    ]
)
_TIME_ZONES = frozenset(
    {
        "UTC",
        "GMT",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "PST",
        "PDT",
        "CET",
        "CEST",
        "BST",
        "MSK",
        "IST",
        "JST",
    }
)
PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_DETERMINERS = frozenset({"the", "a", "an"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


def _is_title_word(low: str) -> bool:
    """A role noun, singular or plural ("President", "Presidents")."""
    return low in TITLE_NOUNS or (low.endswith("s") and low[:-1] in TITLE_NOUNS)


@lru_cache(maxsize=65536)
def _norm_token(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace(".", "").replace("\u2019", "'")


def _name_tokens(name: str) -> list[str]:
    return [_norm_token(t) for t in name.split() if _norm_token(t)]


def _is_initial(token: str) -> bool:
    return len(token) <= 2


def names_compatible(short: str, long: str) -> bool:
    """True when ``short`` can name the same person as ``long`` ("Trump" / "Donald Trump").

    A single word must be one of the later words of the longer name (a surname, possibly of a
    double surname); longer names must have all their (non-initial) words in the other, and
    the same first word or no first name at all ("Pierluisi Urrutia").
    """
    a, b = _name_tokens(short), _name_tokens(long)
    if len(a) > len(b):
        a, b = b, a
    if not a or not b:
        return False
    if a == b:
        return True
    core_a = [t for t in a if not _is_initial(t)] or a
    core_b = [t for t in b if not _is_initial(t)] or b
    if len(a) == 1:
        return a[0] in b[1:] or (len(b) == 1 and a[0] == b[0])
    if not all(t in b for t in core_a):
        return False
    if a[0] == b[0]:
        return True
    # "Pierluisi Urrutia" in "Pedro R. Pierluisi Urrutia": a surname-only form, no given name.
    return a[0] in b[1:] and core_a[-1] == core_b[-1]


@dataclass
class ActorRecord:
    """A canonical actor while the article is analysed (mutable until frozen)."""

    id: str
    name: str
    kind: ActorKind
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None
    #: ISO3 code when the country came from text evidence (not the article's main country).
    country_evidence: bool = False
    #: International organisation code (NATO -> NAT), when the actor is one.
    code: str | None = None
    #: (start, end) of mentions that are grammatical subjects; pronouns prefer these.
    subject_mentions: list[tuple[int, int]] = field(default_factory=list)
    #: Titles by the mention they were read from, in text order.
    titles: list[tuple[int, str]] = field(default_factory=list)
    #: Character offsets of possessors of this actor's role ("Trump's envoy"): country fallback.
    owners: list[int] = field(default_factory=list)

    def add_mention(self, start: int, end: int, surface: str) -> None:
        """Record a mention ``[start, end)`` and its surface form as an alias."""
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))
            self.mentions.sort()
        surface = surface.strip()
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)

    def add_alias(self, alias: str) -> None:
        """Add an alias (a form of the name or a description) without a mention."""
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_title(self, start: int, title: str) -> None:
        """Record a title found at ``start``; the first one becomes :attr:`title`."""
        title = title.strip(" ,;")
        if not title or any(title.lower() == t.lower() for _, t in self.titles):
            return
        self.titles.append((start, title))
        self.titles.sort()
        self.title = self.titles[0][1]

    @property
    def first_mention(self) -> int:
        return self.mentions[0][0] if self.mentions else 1 << 62

    def freeze(self) -> Actor:
        return Actor(
            id=self.id,
            name=self.name,
            kind=self.kind,
            title=self.title,
            country=self.country,
            sector=self.sector,
            aliases=tuple(self.aliases),
            mentions=tuple(self.mentions),
        )


def _clean_name(span: Span) -> str:
    text = span.text.strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.endswith("'s") or text.endswith("\u2019s"):
        text = text[:-2]
    return text.strip()


@dataclass
class _PersonMention:
    start: int  # token index
    end: int
    name: str
    honorific_gender: str | None = None
    surface_start: int = 0  # token index where the titled surface begins


_SAYING_LEMMAS = frozenset(
    {"say", "tell", "add", "state", "announce", "warn", "claim", "deny", "insist", "write"}
)


class ActorIndex:
    """The actors of one Doc and the lookups the other rules need."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # doc.ents rebuilds its list on every access: read it once.
        self.ents: list[Span] = list(doc.ents)
        self.text: str = doc_text(doc)  # Doc.text joins every token on each access
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
        self._claimed: set[int] = set()  # token indices inside a person's name or title

    def _sentence(self, token_i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence holding token ``token_i``."""
        if not self._sent_tok:
            return 0, len(self.doc)
        return self._sent_tok[self._sent_of_token[token_i]]

    def _previous_sentence_start(self, offset: int) -> int:
        """Character offset where the sentence before the one holding ``offset`` starts."""
        if not self._sent_chars:
            return 0
        k = max(bisect_right(self._sent_chars, offset) - 1, 0)
        return self._sent_chars[max(k - 1, 0)]

    # -- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, doc: Doc) -> ActorIndex:
        """Find every person, organisation and acting country of ``doc``."""
        index = cls(doc)
        index.main_country = index._main_country()
        persons = index._person_mentions()
        index._cluster_persons(persons)
        index._repair_surnames_tagged_otherwise()
        index._add_organisations()
        index._add_listed_mentions()
        index._merge_people_into_orgs()
        index._add_countries()
        index._add_governments()
        index._add_descriptions()
        index._infer_gender()
        index._finish()
        return index

    def _main_country(self) -> str | None:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for ent in self.ents:
            if ent.label_ in ("GPE", "NORP", "ORG", "LOC"):
                code = country_code(_clean_name(ent))
                if code:
                    counts[code] += 1
                    first.setdefault(code, ent.start)
        if not counts:
            return None
        return max(counts, key=lambda c: (counts[c], -first[c]))

    # people ------------------------------------------------------------------------------
    def _person_mentions(self) -> list[_PersonMention]:
        doc = self.doc
        ents = [e for e in self.ents if e.label_ in PERSON_LABELS]
        # Adjacent PERSON entities are one name ("Zine El Abidine" + "Ben Ali").
        merged: list[tuple[int, int]] = []
        for ent in ents:
            if merged and merged[-1][1] == ent.start and doc[ent.start - 1].whitespace_ != "":
                merged[-1] = (merged[-1][0], ent.end)
            else:
                merged.append((ent.start, ent.end))
        multi_word_names = {_norm_token(t.text) for s, e in merged if e - s > 1 for t in doc[s:e]}
        found: list[_PersonMention] = []
        for start, end in merged:
            span = doc[start:end]
            if person_ent_is_place(span, multi_word_names):
                continue
            bare = _clean_name(span)
            if (
                end < len(doc)
                and _norm_token(doc[end].text) in ORG_WORDS
                and (
                    doc[end].text[:1].isupper()
                    or doc[end].lower_ in ("party", "movement", "front", "alliance", "group")
                )
                or any(_norm_token(t.text) in ORG_WORDS for t in span[1:])
            ):
                continue  # "Raksa Chart" + "Party", "Civic Platform": part of an org's name
            before = _norm_token(doc[start - 1].text) if start > 0 else ""
            titled = before in TITLE_NOUNS or before in HONORIFICS
            if not titled and (country_of_name(bare) or capital_code(bare) or demonym_code(bare)):
                continue  # "Tunisia", "Niger" tagged PERSON
            mention = self._refine_person_span(start, end)
            if mention is not None:
                found.append(mention)
        # ORG entities in a person's shape ("Nikos Christodoulides", "Patrice Talon of Benin").
        for ent in self.ents:
            if ent.label_ in ORG_LABELS or ent.label_ == "GPE":
                shape = self._org_looks_like_person(ent)
                if shape is not None and (ent.label_ in ORG_LABELS or shape[0] > ent.start):
                    mention = self._refine_person_span(*shape)
                    if mention is not None:
                        found.append(mention)
        # Untagged names right after a capitalised title ("Presidents Muhammadu Buhari of Nigeria").
        taken = {k for m in found for k in range(m.start, m.end)}
        for tok in doc:
            low = _norm_token(tok.text)
            if not tok.text[:1].isupper() or (
                low not in TITLE_NOUNS and low.rstrip("s") not in TITLE_NOUNS
            ):
                continue
            k = tok.i + 1
            while (
                k < len(doc)
                and k not in taken
                and doc[k].pos_ == "PROPN"
                and doc[k].text[:1].isupper()
                and doc[k].ent_type_ in ("", "PERSON")
                and _norm_token(doc[k].text) not in TITLE_NOUNS | ORG_WORDS
                and not country_code(doc[k].text)
            ):
                k += 1
            if k - (tok.i + 1) >= 2:
                mention = self._refine_person_span(tok.i + 1, k)
                if mention is not None:
                    found.append(mention)
                    taken.update(range(mention.start, mention.end))
        # Untagged names that speak ("Pavel Orlov said ..."): the tagger missed a person.
        for tok in doc:
            if (
                tok.dep_ != "nsubj"
                or tok.pos_ != "PROPN"
                or tok.ent_type_
                or tok.i in taken
                or tok.head.lemma_.lower() not in _SAYING_LEMMAS
            ):
                continue
            start = tok.i
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].dep_ in ("compound", "flat")
                and not doc[start - 1].ent_type_
                and start - 1 not in taken
            ):
                start -= 1
            if self.name_shaped(doc[start : tok.i + 1]):
                mention = self._refine_person_span(start, tok.i + 1)
                if mention is not None:
                    found.append(mention)
                    taken.update(range(mention.start, mention.end))
        found.sort(key=lambda m: m.start)
        return found

    def _org_looks_like_person(self, ent: Span) -> tuple[int, int] | None:
        doc = self.doc
        start, end = ent.start, ent.end
        while end > start and (
            doc[end - 1].text in _POSSESSIVE or doc[end - 1].lower_ in ("of", "and", "for")
        ):
            end -= 1
        # "Scotland Nicola Sturgeon" after "First Minister of": a place glued to a name.
        if end - start >= 4 and country_of_name(doc[start : start + 2].text):
            start += 2  # "Hong Kong Carrie Lam"
        elif end - start >= 3 and (country_code(doc[start].text) or doc[start].ent_type_ == "GPE"):
            start += 1
        tokens = list(doc[start:end])
        if not 2 <= len(tokens) <= 4 or tokens[0].lower_ == "the":
            return None
        first = _norm_token(tokens[0].text)
        if (
            (first in TITLE_NOUNS or first in HONORIFICS)
            and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and _norm_token(t.text) not in ORG_WORDS
                for t in tokens[1:]
            )
            and not find_country(doc[start + 1 : end].text)
        ):
            return start, end  # "Princess Ubolratana": a titled name tagged ORG
        if any(
            _norm_token(t.text) in ORG_WORDS or not t.text[:1].isupper() or t.pos_ != "PROPN"
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
        root = doc[start:end].root
        neighbours = (
            [root.head, *root.children] if root.dep_ in ("conj", "appos") else list(root.children)
        )
        if any(
            n.ent_type_ == "PERSON"
            for n in neighbours
            if n.dep_ in ("conj", "appos") or n.i == root.head.i
        ):
            return start, end
        if self._speaks_and_is_called_he_or_she(root, end):
            return start, end  # "Pavel Orlov said ... 'Without that ...,' he said."
        return None

    def name_shaped(self, span: Span) -> bool:
        """Two to four capitalised proper nouns with no organisation word and no known actor or
        country: the shape of a person's name ("Pavel Orlov", "Jean-Yves Le Drian")."""
        tokens = [t for t in span if not (t.is_punct and t.text in "-–")]
        return (
            2 <= len(tokens) <= 4
            and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and _norm_token(t.text) not in ORG_WORDS
                for t in tokens
            )
            and not known_actor(span.text)
            and not find_country(span.text)
        )

    def _speaks_and_is_called_he_or_she(self, root: Token, end: int) -> bool:
        """A name-shaped ORG that is the subject of a verb of saying and is followed, in its
        paragraph, by a subject "he" or "she": the tagger took a person for an organisation."""
        if root.dep_ != "nsubj" or root.head.lemma_.lower() not in _SAYING_LEMMAS:
            return False
        doc = self.doc
        paragraph_end = self.text.find("\n", doc[end - 1].idx)
        limit = len(self.text) if paragraph_end < 0 else paragraph_end
        for tok in doc[end:]:
            if tok.idx >= limit:
                break
            if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
                return True
        return False

    def _refine_person_span(self, start: int, end: int) -> _PersonMention | None:
        doc = self.doc
        honorific: str | None = None
        # Trailing possessive and punctuation are not part of the name.
        while end > start and (
            doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct and doc[end - 1].text != "."
        ):
            end -= 1
        # Leading determiners, honorifics and titles inside the entity.
        while start < end:
            low = _norm_token(doc[start].text)
            if low in _DETERMINERS:
                start += 1
            elif low in HONORIFICS and end - start > 1:
                honorific = HONORIFICS[low] or honorific
                start += 1
            elif (
                (low in TITLE_NOUNS or low in TITLE_MODIFIERS)
                and end - start > 1
                and doc[start].pos_ != "PROPN"
            ):
                start += 1
            elif doc[start].text in ("[", "("):
                # "Cde [comrade] Tendai Moyo": skip a bracketed gloss.
                close = next((k for k in range(start, end) if doc[k].text in ("]", ")")), None)
                if close is None:
                    break
                start = close + 1
            else:
                break
        if start >= end:
            return None
        # A place glued to the front of a name ("of Hong Kong Carrie Lam"): the place goes.
        if end - start >= 3 and doc[start].ent_type_ in ("PERSON", "GPE"):
            for width in (2, 1):
                if end - start - width < 2:
                    continue
                place = doc[start : start + width].text
                if country_of_name(place) or (width == 2 and capital_code(place)):
                    start += width
                    break
        # Widen left over given names the tagger left out ("MP Ivanna Klympush-Tsintsadze").
        while start > 0:
            prev = doc[start - 1]
            low = _norm_token(prev.text)
            if (
                prev.pos_ in ("PROPN", "NOUN", "ADJ", "X")
                and prev.text[:1].isupper()
                and not prev.text.isupper()
                and prev.ent_type_ in ("", "PERSON")
                and not _is_title_word(low)
                and low not in TITLE_MODIFIERS
                and low not in ORG_WORDS
                and low not in HONORIFICS
                and not country_code(prev.text)
                and not prev.is_sent_start
                and prev.whitespace_
            ):
                start -= 1
            else:
                break
        # Widen right over a second surname ("Wanda Vázquez Garced").
        while end < len(doc):
            nxt = doc[end]
            if (
                nxt.pos_ == "PROPN"
                and nxt.text[:1].isupper()
                and nxt.ent_type_ == ""
                and doc[end - 1].whitespace_
                and _norm_token(nxt.text) not in TITLE_NOUNS
                and not country_code(nxt.text)
            ):
                end += 1
            else:
                break
        # An honorific right before the name gives gender ("Mr Moyo", "Ms Varga").
        if start > 0:
            low = _norm_token(doc[start - 1].text)
            if low in HONORIFICS and HONORIFICS[low]:
                honorific = honorific or HONORIFICS[low]
        name = doc[start:end].text.strip()
        if not name or _norm_token(name) in NOT_PEOPLE or not any(ch.isalpha() for ch in name):
            return None
        # No one's name holds a digit; the tagger's PERSON spans that do are diseases, craft,
        # storms with a distance, magnitudes ("COVID-19", "Voskhod 2", "Magnitude 6.3").
        if any(ch.isdigit() for ch in name):
            return None
        if not name[:1].isupper():
            return None
        return _PersonMention(start=start, end=end, name=name, honorific_gender=honorific)

    def _cluster_persons(self, mentions: list[_PersonMention]) -> None:
        doc = self.doc
        clusters: list[ActorRecord] = []
        # Full names first, so a surname met before its full name still finds it.
        for m in sorted(mentions, key=lambda m: (-len(_name_tokens(m.name)), m.start)):
            tokens = _name_tokens(m.name)
            if len(tokens) < 2:
                continue
            record = next(
                (
                    r
                    for r in clusters
                    if names_compatible(m.name, r.name) and self._first_names_agree(m.name, r.name)
                ),
                None,
            )
            if record is None:
                record = self.add(m.name, "person")
                clusters.append(record)
            elif len(_name_tokens(m.name)) > len(_name_tokens(record.name)):
                record.add_alias(record.name)
                record.name = m.name
        for m in mentions:
            tokens = _name_tokens(m.name)
            if len(tokens) >= 2:
                record = next(
                    r
                    for r in clusters
                    if names_compatible(m.name, r.name) and self._first_names_agree(m.name, r.name)
                )
            else:
                cands = [r for r in clusters if names_compatible(m.name, r.name)]
                if not cands:
                    # A first name alone ("Paweł") for the one person the article gives it to.
                    cands = [
                        r
                        for r in clusters
                        if len(_name_tokens(r.name)) > 1 and _name_tokens(r.name)[0] == tokens[0]
                    ]
                    if len(cands) != 1:
                        cands = []
                if not cands:
                    record = self.add(m.name, "person")
                    clusters.append(record)
                elif len(cands) == 1:
                    record = cands[0]
                else:
                    record = self._pick_namesake(cands, doc[m.start].idx)
            s_char, e_char = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
            record.add_mention(s_char, e_char, self.text[s_char:e_char])
            if m.honorific_gender:
                record.gender = record.gender or m.honorific_gender
            if doc[m.start : m.end].root.dep_ in _ACTING_DEPS:
                record.subject_mentions.append((s_char, e_char))
            self._read_title(record, m)
            for k in range(m.start, m.end):
                self._claimed.add(k)

    @staticmethod
    def _first_names_agree(a: str, b: str) -> bool:
        ta, tb = _name_tokens(a), _name_tokens(b)
        if len(ta) < 2 or len(tb) < 2:
            return True
        return (
            ta[0] == tb[0]
            or ta[0] in tb[1:]
            or tb[0] in ta[1:]
            or _is_initial(ta[0])
            or _is_initial(tb[0])
        )

    @staticmethod
    def _pick_namesake(cands: list[ActorRecord], offset: int) -> ActorRecord:
        # A bare surname shared by several people names the one the article is about (most
        # mentions so far); a tie goes to the one named last.
        def score(r: ActorRecord) -> tuple[int, int]:
            before = [s for s, _ in r.mentions if s < offset]
            return (len(before), max(before) if before else -1)

        return max(cands, key=score)

    # titles ------------------------------------------------------------------------------
    def _title_prefix(self, start: int) -> tuple[int, list[Token]]:
        """Tokens of the title phrase right before token ``start`` ("US President")."""
        doc = self.doc
        sent_start = self._sentence(start)[0]
        i = start - 1
        tokens: list[Token] = []
        has_title = False
        while i >= sent_start:
            tok = doc[i]
            low = _norm_token(tok.text)
            if tok.text in _POSSESSIVE and i - 1 >= sent_start:
                owner = doc[i - 1]
                if country_code(owner.text) or (
                    owner.ent_type_ in ("GPE", "ORG") and find_country(owner.text)
                ):
                    tokens[:0] = [owner, tok]
                    i -= 2
                break
            if _is_title_word(low) or low in HONORIFICS:
                has_title = has_title or _is_title_word(low)
                tokens.insert(0, tok)
            elif tok.text == "-" and i - 1 >= sent_start and not tok.whitespace_:
                tokens.insert(0, tok)  # "then-governor"
            elif (
                low == "of"
                and tokens
                and i - 1 >= sent_start
                and _norm_token(doc[i - 1].text) in TITLE_NOUNS
            ):
                tokens.insert(0, tok)  # "Secretary of State", "President of Argentina"
            elif (
                low in ("and", "&")
                and tokens
                and i - 1 >= sent_start
                and (
                    _norm_token(doc[i - 1].text) in TITLE_NOUNS
                    or _norm_token(doc[i - 1].text) in TITLE_MODIFIERS
                )
            ):
                tokens.insert(0, tok)  # "businessman and Trump loyalist", "trade and industry"
            elif (
                low == "to"
                and tokens
                and i - 1 >= sent_start
                and _norm_token(doc[i - 1].text) in TITLE_NOUNS
            ):
                tokens.insert(0, tok)  # "Ambassador to Germany"
            elif low == "the" and tokens and i - 1 >= sent_start and doc[i - 1].lower_ == "of":
                tokens.insert(0, tok)  # "President of the United States"
            elif (
                tok.text in ("-", "\u2013")
                and tokens
                and i - 1 >= sent_start
                and doc[i - 1].text[:1].isupper()
            ):
                tokens.insert(0, tok)  # "African Export–Import Bank president"
            elif low in TITLE_MODIFIERS or low == "then":
                tokens.insert(0, tok)
            elif (
                tok.text[:1].isupper()
                and tok.pos_ in ("PROPN", "ADJ", "NOUN")
                and i not in self._claimed
                and tok.ent_type_ in ("", "ORG", "NORP", "GPE", "FAC", "LOC", "PERSON")
            ):
                if tok.ent_type_ == "PERSON" and not (
                    doc[i + 1].text in _POSSESSIVE if i + 1 < len(doc) else False
                ):
                    break
                tokens.insert(0, tok)
            elif tok.pos_ == "NUM" and tokens:
                tokens.insert(0, tok)  # "2008 Republican presidential nominee"
            else:
                break
            i -= 1
        if not has_title:
            return start, []
        # The phrase starts at its first capitalised or title word (no stray "and").
        while tokens and _norm_token(tokens[0].text) in ("and", "&", "of", "-"):
            tokens.pop(0)
        return (tokens[0].i if tokens else start), tokens

    def _country_words(self, tokens: list[Token], k: int) -> tuple[str | None, int]:
        """(ISO3, width) when ``tokens[k:]`` starts with a country, nationality or place name."""
        from parley.geo.places import geocode

        tok = tokens[k]
        if not tok.text[:1].isupper() or _is_title_word(_norm_token(tok.text)):
            return None, 0
        for width in (3, 2, 1):
            words = tokens[k : k + width]
            if len(words) < width or not all(w.text[:1].isupper() for w in words):
                continue
            if any(_is_title_word(_norm_token(w.text)) for w in words):
                continue
            phrase = " ".join(w.text for w in words)
            code = country_of_name(phrase) or (demonym_code(phrase) if width == 1 else None)
            if code is None and width >= 2:
                # "former New Jersey governor": a multi-word place gives its country.
                hit = geocode(phrase, country_hint=self.main_country)
                if hit is not None and hit.kind in ("region", "city"):
                    code = hit.country
            if code:
                return code, width
        return None, 0

    def _split_title(self, tokens: list[Token]) -> tuple[str, str | None]:
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
            low = _norm_token(tok.text)
            if low in HONORIFICS and low not in TITLE_NOUNS:
                k += 1
                continue
            code, width = self._country_words(tokens, k)
            if code:
                country = country or code
                before = [t.lower_ for t in kept[-2:]]
                if before and before[-1] in ("to", "for", "in"):
                    kept.extend(tokens[k : k + width])
                k += width
                if k < len(tokens) and tokens[k].text in _POSSESSIVE:
                    k += 1
                continue
            kept.append(tok)
            k += 1
        text = ""
        for n, tok in enumerate(kept):
            text += tok.text + (tok.whitespace_ if n < len(kept) - 1 else "")
        text = re.sub(r"\s+(?:of|of the)\s*$", "", text).strip(" -\u2013")
        words = text.split()
        # "Presidents Ana Reis of Chile and Tomas Ek": one president each.
        if words and words[-1].lower().endswith("s") and words[-1].lower()[:-1] in TITLE_NOUNS:
            words[-1] = words[-1][:-1]
            text = " ".join(words)
        if country is None:
            country = find_country(" ".join(t.text for t in tokens))
        return text, country

    def _read_title(self, record: ActorRecord, m: _PersonMention) -> None:
        doc = self.doc
        start_char = doc[m.start].idx
        first, tokens = self._title_prefix(m.start)
        countries: list[str] = []
        if tokens:
            title, country = self._split_title(tokens)
            for t in tokens:
                self._claimed.add(t.i)
            if title:
                record.add_title(start_char, _strip_transient(title))
                s_char = doc[first].idx
                e_char = doc[m.end - 1].idx + len(doc[m.end - 1].text)
                record.add_alias(self.text[s_char:e_char])
            if country:
                countries.append(country)
        root = doc[m.start : m.end].root
        # "<title noun>, Name": the name is in apposition to a role ("envoy, Steve Witkoff").
        if (
            root.dep_ == "appos"
            and _norm_token(root.head.text) in TITLE_NOUNS
            and root.head.i < m.start
        ):
            head = root.head
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
                if t.text in _POSSESSIVE and t.dep_ == "case" and t.i < head.i:
                    record.owners.append(t.head.idx)
                elif t.dep_ == "poss" and t.head is head and t.pos_ == "PROPN":
                    record.owners.append(t.idx)
            title, country = self._split_title(phrase)
            if title:
                record.add_title(start_char, _strip_transient(title))
                record.add_alias(
                    self.text[phrase[0].idx : head.idx + len(head.text)]
                    if phrase[0].i <= head.i
                    else head.text
                )
            if country:
                countries.append(country)
            for t in phrase:
                self._claimed.add(t.i)
        # "the director of Peru's Red Cross, Lucia Marin": a role phrase
        # ending right before the comma that precedes the name.
        if not tokens and m.start >= 3 and doc[m.start - 1].text == "," and not record.titles:
            sent_start = self._sentence(m.start)[0]
            for k in range(m.start - 2, max(sent_start, m.start - 16) - 1, -1):
                role_tok = doc[k]
                if not _is_title_word(_norm_token(role_tok.text)) or role_tok.ent_type_ == "PERSON":
                    continue
                if not role_tok.i < m.start - 1 <= role_tok.right_edge.i:
                    continue  # the role phrase must run up to the comma
                mods = [t.i for t in role_tok.lefts if t.dep_ in ("amod", "compound")]
                first_i = min([*mods, k])
                phrase = list(doc[first_i : m.start - 1])
                title, country = self._split_title(phrase)
                if title:
                    record.add_title(start_char, _strip_transient(title))
                    last = doc[m.start - 2]
                    record.add_alias(self.text[doc[first_i].idx : last.idx + len(last.text)])
                if country:
                    countries.append(country)
                for t in phrase:
                    if t.i <= k:
                        self._claimed.add(t.i)  # the organisation after "of" stays an actor
                    owner_tok = doc[t.i - 1]
                    if t.text in _POSSESSIVE and t.i > first_i and owner_tok.ent_type_ == "PERSON":
                        record.owners.append(owner_tok.idx)
                break
        # "the Bishop of Tartu, Jaan Kask": a role entity, a comma, the name.
        if not tokens and not record.titles and m.start >= 2 and doc[m.start - 1].text == ",":
            role = next(
                (e for e in self.ents if e.end == m.start - 1 and e.label_ in ("ORG", "PERSON")),
                None,
            )
            if role is not None:
                words = [t for t in role if t.lower_ not in _DETERMINERS]
                if words and _norm_token(words[0].text) in TITLE_NOUNS:
                    text = self.text[words[0].idx : role.end_char]
                    record.add_title(start_char, text)
                    record.add_alias(text)
                    code = find_country(text)
                    if code:
                        countries.append(code)
                    for t in role:
                        self._claimed.add(t.i)
        # "Name, chair of the parliamentary committee, ...": an apposition after the name.
        for child in root.children:
            if (
                child.dep_ == "appos"
                and child.i >= m.end
                and _norm_token(child.text) in TITLE_NOUNS
            ):
                sub = [t for t in child.subtree if t.i >= m.end]
                while sub and (sub[0].is_punct or sub[0].lower_ in _DETERMINERS):
                    sub = sub[1:]
                while sub and sub[-1].is_punct:
                    sub = sub[:-1]
                if sub:
                    text = self.text[sub[0].idx : sub[-1].idx + len(sub[-1].text)]
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
                        self._claimed.add(t.i)
        # "President Hassan Rouhani of Iran", "Doug Collins of Georgia": "of <place>" right after.
        if m.end + 1 < len(doc) and doc[m.end].lower_ == "of" and doc[m.end + 1].ent_type_ == "GPE":
            from parley.geo.places import geocode

            place_ent = next((e for e in self.ents if e.start <= m.end + 1 < e.end), None)
            if place_ent is not None:
                place = _clean_name(place_ent)
                # The article's own country first: "Doug Collins of Georgia" in a US story.
                hit = geocode(place, country_hint=self.main_country)
                code = hit.country if hit is not None else country_of_name(place)
                if code:
                    countries.insert(0, code)
                    record.add_alias(self.text[doc[m.start].idx : place_ent.end_char])
        if countries and not record.country_evidence:
            record.country = countries[0]
            record.country_evidence = True
        if record.title and not record.sector:
            record.sector = sector_of(record.title)

    # repairs -----------------------------------------------------------------------------
    def _repair_surnames_tagged_otherwise(self) -> None:
        doc = self.doc
        people = [r for r in self.records if r.kind == "person"]
        if not people:
            return
        for ent in self.ents:
            if ent.label_ not in ("ORG", "GPE", "NORP", "LOC"):
                continue
            if any(k in self._claimed for k in range(ent.start, ent.end)):
                continue
            name = _clean_name(ent)
            if not name or not name[:1].isupper():
                continue
            if ent.label_ == "GPE" and (country_of_name(name) or capital_code(name)):
                continue
            cands = [
                r
                for r in people
                if names_compatible(name, r.name)
                and (len(_name_tokens(name)) == 1 or self._first_names_agree(name, r.name))
            ]
            if not cands:
                continue
            record = cands[0] if len(cands) == 1 else self._pick_namesake(cands, ent.start_char)
            end = ent.end
            while end > ent.start and doc[end - 1].text in _POSSESSIVE:
                end -= 1
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            if start >= end:
                continue
            refined = self._refine_person_span(start, end) if end - start >= 3 else None
            if refined is not None:
                start, end = refined.start, refined.end  # "Hong Kong Carrie Lam" tagged GPE
            s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
            record.add_mention(s_char, e_char, self.text[s_char:e_char])
            if doc[start:end].root.dep_ in _ACTING_DEPS:
                record.subject_mentions.append((s_char, e_char))
            for k in range(start, end):
                self._claimed.add(k)
            mention = _PersonMention(start, end, self.text[s_char:e_char])
            self._read_title(record, mention)

    # organisations -----------------------------------------------------------------------
    def _org_span(self, ent: Span) -> tuple[int, int] | None:
        doc = self.doc
        start, end = ent.start, ent.end
        while end > start and (
            doc[end - 1].text in _POSSESSIVE or doc[end - 1].text in ("(", ",", '"', "\u201c")
        ):
            end -= 1
        while start < end and (
            doc[start].lower_ in _DETERMINERS or doc[start].text in ('"', "\u201c", "(")
        ):
            start += 1
        if start >= end or (start > 0 and doc[start - 1].text == "#"):
            return None
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
        if start >= end:
            return None
        # "the Chilean League" + "for the" + "Protection of Rivers": one name split in two.
        if end < len(doc) and doc[end].lower_ in ("for", "of", "on"):
            tail = next(
                (e for e in self.ents if e.start in (end + 1, end + 2) and e.label_ == "ORG"), None
            )
            if (
                tail is not None
                and doc[tail.start].text[:1].isupper() | (doc[tail.start].lower_ == "the")
                and (tail.start == end + 1 or doc[end + 1].lower_ == "the")
                and any(t.text[:1].isupper() for t in tail if t.lower_ != "the")
            ):
                for t in range(end, tail.end):
                    self._claimed.add(t)
                end = tail.end
                while end > start and doc[end - 1].text in _POSSESSIVE:
                    end -= 1
        # "Supreme Court" + "of Puerto Rico": the tagger often leaves the "of <place>" out.
        if (
            end < len(doc)
            and doc[end].lower_ == "of"
            and _norm_token(doc[end - 1].text) in ORG_WORDS
        ):
            place = next((e for e in self.ents if e.start == end + 1 and e.label_ == "GPE"), None)
            if place is not None:
                end = place.end
                while end > start and doc[end - 1].text in _POSSESSIVE:
                    end -= 1
        return start, end

    def _add_organisations(self) -> None:
        doc = self.doc
        for ent in self.ents:
            if ent.label_ not in ORG_LABELS and not (
                ent.label_ in ("FAC", "GPE", "NORP") and self._is_listed_org(ent)
            ):
                continue
            if any(k in self._claimed for k in range(ent.start, ent.end)):
                continue
            span = self._org_span(ent)
            if span is None:
                continue
            start, end = span
            text = doc[start:end].text
            acronym = None
            paren = re.match(r"^(.*?)\s*\(\s*([A-Z][A-Za-z.&-]{1,10})\s*\)?$", text)
            if paren:
                text, acronym = paren.group(1).strip(), paren.group(2)
            if not text or not text[:1].isupper() or not any(ch.isalpha() for ch in text):
                continue
            if self._not_an_org(ent, start, end, text):
                continue
            s_char = doc[start].idx
            e_char = s_char + len(text)
            record = self._find_org(text)
            if record is None:
                entry = known_actor(text)
                name = entry.name if entry is not None and entry.code else text
                record = self.add(name, "organization")
                self._org_facts(record, text)
            elif len(text.split()) > len(record.name.split()) and not record.code:
                record.add_alias(record.name)
                record.name = text
                self._org_facts(record, text)
            record.add_mention(s_char, e_char, self.text[s_char:e_char])
            if acronym:
                record.add_alias(acronym)
            if doc[start:end].root.dep_ in _ACTING_DEPS:
                record.subject_mentions.append((s_char, e_char))
            owner = doc[start - 2] if start >= 2 and doc[start - 1].text in _POSSESSIVE else None
            if owner is not None and country_code(owner.text):
                record.country, record.country_evidence = country_code(owner.text), True
                record.add_alias(self.text[owner.idx : e_char])
        # Bare acronyms in the text of an organisation that introduced one ("MDC").
        for record in [r for r in self.records if r.kind == "organization"]:
            for alias in list(record.aliases):
                if alias.isupper() and 2 <= len(alias) <= 8:
                    for match in re.finditer(rf"\b{re.escape(alias)}\b", self.text):
                        if self.at(match.start(), match.end()) is None:
                            record.add_mention(match.start(), match.end(), alias)

    def _add_listed_mentions(self) -> None:
        """Table organisations the tagger missed ("TVN24 reported"), matched by exact name."""
        doc = self.doc
        for match in re.finditer(
            r"\b[A-Z][\w\u00C0-\u024F.&'\u2019-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w\u00C0-\u024F.&'\u2019-]*){0,5}",
            self.text,
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
                    start = self.text.find(phrase, offset)
                    if start < 0:
                        continue
                    end = start + len(phrase)
                    span = doc.char_span(start, end, alignment_mode="expand")
                    if span is None or self.at(start, end) is not None:
                        continue
                    if any(t.i in self._claimed or t.ent_type_ in ("PERSON", "GPE") for t in span):
                        continue
                    hit = (start, end, phrase, entry, span)
                    break
                if hit is not None:
                    start, end, phrase, entry, span = hit
                    record = self._find_org(phrase)
                    if record is None:
                        record = self.add(entry.name if entry.code else phrase, "organization")
                        self._org_facts(record, phrase)
                    record.add_mention(start, end, phrase)
                    if span.root.dep_ in _ACTING_DEPS:
                        record.subject_mentions.append((start, end))
                    break

    def _merge_people_into_orgs(self) -> None:
        """A one-word "person" that begins an organisation's name is that organisation ("Mahan")."""
        orgs = [r for r in self.records if r.kind == "organization" and len(r.name.split()) > 1]
        for record in [
            r
            for r in self.records
            if r.kind == "person" and len(r.name.split()) == 1 and not r.title
        ]:
            org = next(
                (o for o in orgs if _norm_token(o.name.split()[0]) == _norm_token(record.name)),
                None,
            )
            if org is None:
                continue
            for s_char, e_char in record.mentions:
                org.add_mention(s_char, e_char, self.text[s_char:e_char])
            org.subject_mentions.extend(record.subject_mentions)
            self.records.remove(record)

    def _add_governments(self) -> None:
        """ "the Argentinian government", "Hong Kong's government"; "the government" acting."""
        doc = self.doc
        for tok in doc:
            if (
                tok.lower_ not in ("government", "administration", "cabinet")
                or tok.i in self._claimed
            ):
                continue
            if tok.dep_ in ("compound", "amod"):
                continue  # "a German government source" is a person, not the government
            if self.at(tok.idx, tok.idx + len(tok.text)) is not None:
                continue
            start = tok.i
            iso3 = None
            k = tok.i - 1
            if k >= 0 and doc[k].text in _POSSESSIVE:
                k -= 1
            # "the Hong Kong government": up to three capitalised words naming a country.
            for n in (3, 2, 1):
                if k - n + 1 < 0:
                    continue
                words = doc[k - n + 1 : k + 1]
                if not all(w.text[:1].isupper() for w in words):
                    continue
                code = country_of_name(words.text) or demonym_code(words.text)
                if code:
                    iso3, start = code, k - n + 1
                    break
            det = doc[start - 1] if start > 0 else None
            if iso3 is None:
                # A bare "the government" is the article's country's when it acts or speaks.
                if (
                    det is None
                    or det.lower_ != "the"
                    or tok.dep_ not in _ACTING_DEPS
                    or not self.main_country
                ):
                    continue
                iso3 = self.main_country
            if det is not None and det.lower_ == "the":
                start -= 1
            record = next(
                (
                    r
                    for r in self.records
                    if r.kind == "organization"
                    and r.country == iso3
                    and r.name.endswith(tok.lower_)
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
                record = self.add(
                    f"{base} {tok.lower_}", "organization", country=iso3, sector="GOV"
                )
                record.country_evidence = True
            s_char, e_char = doc[start].idx, tok.idx + len(tok.text)
            record.add_mention(s_char, e_char, self.text[s_char:e_char])
            if tok.dep_ in _ACTING_DEPS:
                record.subject_mentions.append((s_char, e_char))

    def _is_listed_org(self, ent: Span) -> bool:
        entry = known_actor(_clean_name(ent))
        return entry is not None and entry.kind == "organization" and ent.root.dep_ in _ACTING_DEPS

    def _not_an_org(self, ent: Span, start: int, end: int, text: str) -> bool:
        doc = self.doc
        if text.upper() in _TIME_ZONES:
            return True
        # Letters, a hyphen and a number name a model or a disease ("COVID-19", "F-16",
        # "S-400", "MH-17"), never an organisation that acts.
        if _DESIGNATION.fullmatch(text):
            return True
        # "said on Instagram": the platform carries the words, it does not speak.
        if (
            _norm_token(text) in NOT_PEOPLE
            and ent.root.dep_ == "pobj"
            and ent.root.head.lower_ in ("on", "via", "through", "in")
        ):
            return True
        # "the Archbishop of Gdańsk", "President of the Council": a role, not an organisation.
        if (
            _norm_token(doc[start].text) in TITLE_NOUNS
            and _norm_token(doc[start].text) not in ORG_WORDS
            and end - start >= 3
            and doc[start + 1].lower_ == "of"
        ):
            return True
        # "Secretary of State": the ORG is a piece of a title.
        if (
            start >= 2
            and doc[start - 1].lower_ == "of"
            and _norm_token(doc[start - 2].text) in TITLE_NOUNS
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
        if ent.root.dep_ == "compound" and _norm_token(ent.root.head.text) in TITLE_NOUNS:
            return True
        # "committee on EU Integration": part of a committee's name.
        return (
            ent.root.dep_ == "pobj"
            and ent.root.head.head is not None
            and _norm_token(ent.root.head.head.text) in ("committee", "commission", "council")
            and ent.root.head.head.text.islower()
        )

    def _find_org(self, text: str) -> ActorRecord | None:
        key = fold(text)
        entry = known_actor(text)
        words = _name_tokens(text)
        best: ActorRecord | None = None
        for record in self.records:
            if record.kind != "organization":
                continue
            names = [record.name, *record.aliases]
            if any(fold(n) == key for n in names):
                return record
            if entry is not None and any(known_actor(n) is entry for n in names):
                return record
            # Acronym: "IWC" for "International Water Commission".
            if text.isupper() and _acronym(record.name) == text:
                return record
            if record.name.isupper() and _acronym(text) == record.name:
                return record
            # Head-noun subset: "Senate" / "Puerto Rico Senate", "the Court" / "Supreme Court".
            rwords = _name_tokens(record.name)
            short, long_ = (words, rwords) if len(words) <= len(rwords) else (rwords, words)
            if short and all(w in long_ for w in short) and _head(short) == _head(long_):
                best = best or record
        return best

    def _org_facts(self, record: ActorRecord, text: str) -> None:
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

    # countries ---------------------------------------------------------------------------
    def _add_countries(self) -> None:
        doc = self.doc
        acting: dict[str, list[tuple[int, int, str, bool]]] = {}
        for ent in self.ents:
            if ent.label_ not in ("GPE", "NORP", "ORG", "PERSON"):
                continue
            if any(k in self._claimed for k in range(ent.start, ent.end)) or self.at(
                ent.start_char, ent.end_char
            ):
                continue
            start, end = ent.start, ent.end
            while end > start and doc[end - 1].text in _POSSESSIVE:
                end -= 1
            while start < end and doc[start].lower_ == "the":
                start += 1
            if start >= end:
                continue
            text = doc[start:end].text
            iso3 = country_of_name(text)
            is_capital = False
            if iso3 is None and ent.label_ == "GPE":
                iso3 = capital_code(text)
                is_capital = iso3 is not None
            if iso3 is None:
                continue
            root = doc[start:end].root
            subject = (
                (root.dep_ in _ACTING_DEPS and root.head.lemma_ != "be")
                or (
                    root.dep_ == "conj"
                    and root.head.dep_ in _ACTING_DEPS
                    and root.head.head.lemma_ != "be"
                )
                or (root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent")
            )
            acting.setdefault(iso3, []).append(
                (
                    doc[start].idx,
                    doc[end - 1].idx + len(doc[end - 1].text),
                    text,
                    subject and not is_capital or (subject and is_capital),
                )
            )
            if is_capital and not subject:
                acting[iso3].pop()  # a capital is the country only when it acts ("Moscow said")
        for iso3, mentions in acting.items():
            if not any(flag for *_, flag in mentions):
                continue
            record = next(
                (r for r in self.records if r.kind == "country" and r.country == iso3), None
            )
            if record is None:
                record = self.add(
                    country_name(iso3) or mentions[0][2], "country", country=iso3, sector="GOV"
                )
                record.country_evidence = True
            for s_char, e_char, text, flag in mentions:
                record.add_mention(s_char, e_char, text)
                if flag:
                    record.subject_mentions.append((s_char, e_char))

    # descriptions ------------------------------------------------------------------------
    def _add_descriptions(self) -> None:
        """Definite descriptions ("the President", "the three-judge court") as mentions."""
        doc = self.doc
        for chunk in noun_chunks(doc):
            first = chunk[0]
            if first.lower_ != "the" or first.i in self._claimed:
                continue
            head = chunk.root
            low = _norm_token(head.text)
            if not (_is_title_word(low) or low in ORG_WORDS):
                continue
            if head.i != chunk.end - 1:
                continue  # "the President's office": the head is not the last word
            nxt = doc[chunk.end] if chunk.end < len(doc) else None
            if nxt is not None and (
                nxt.pos_ == "PROPN" or nxt.lower_ == "of" or nxt.text in _POSSESSIVE
            ):
                continue  # "the President Ana Reis", "the president of the league"
            if any(t.ent_type_ in ("PERSON", "ORG") for t in chunk):
                continue  # named entities are handled as names
            if any(
                t.pos_ == "PROPN"
                and not (
                    demonym_code(t.text)
                    or country_of_name(t.text)
                    or _is_title_word(_norm_token(t.text))
                    or _norm_token(t.text) in TITLE_MODIFIERS
                )
                for t in chunk[1:]
            ):
                continue
            if self.at(chunk.start_char, chunk.end_char) is not None:
                continue
            record = self.resolve_description(chunk.text, chunk.start_char)
            if record is None:
                continue
            record.add_mention(chunk.start_char, chunk.end_char, chunk.text)
            if head.dep_ in _ACTING_DEPS:
                record.subject_mentions.append((chunk.start_char, chunk.end_char))

    # gender ------------------------------------------------------------------------------
    def _infer_gender(self) -> None:
        doc = self.doc
        votes: dict[str, Counter[str]] = {}
        for record in self.records:
            if record.kind != "person":
                continue
            for word in _name_tokens(record.title or "") + [
                _norm_token(a.split()[0]) for a in record.aliases if a.split()
            ]:
                if word in GENDERED_WORDS:
                    votes.setdefault(record.id, Counter())[GENDERED_WORDS[word]] += 2
        for tok in doc:
            gender = PRONOUN_GENDER.get(tok.lower_)
            if gender is None or tok.pos_ != "PRON":
                continue
            antecedent = self._antecedent(tok.idx, persons_only=True)
            if antecedent is not None:
                votes.setdefault(antecedent.id, Counter())[gender] += 1
        for record in self.records:
            if record.kind == "person" and record.gender is None and record.id in votes:
                (gender, n), *rest = votes[record.id].most_common()
                if not rest or n > rest[0][1]:
                    record.gender = gender

    def _antecedent(self, offset: int, *, persons_only: bool) -> ActorRecord | None:
        """The subject person of the current or previous sentence, else the nearest person."""
        prev_start = self._previous_sentence_start(offset)
        best: tuple[int, ActorRecord] | None = None
        for record in self.records:
            if persons_only and record.kind != "person":
                continue
            for s, _ in record.subject_mentions:
                if prev_start <= s < offset and (best is None or s > best[0]):
                    best = (s, record)
        if best is not None:
            return best[1]
        nearest = self.mentions_before(offset, kind="person" if persons_only else None)
        return nearest[-1][1] if nearest else None

    # finishing ---------------------------------------------------------------------------
    def _sentence_country(self, record: ActorRecord) -> str | None:
        """The one country named (outside other actors' titles) in the actor's first sentence."""
        doc = self.doc
        if not record.mentions:
            return None
        span = doc.char_span(record.mentions[0][0], record.mentions[0][1], alignment_mode="expand")
        if span is None:
            return None
        first, last = self._sentence(span.start)
        codes = set()
        for ent in (e for e in self.ents if first <= e.start < last):
            if ent.label_ in ("GPE", "NORP") and not any(
                k in self._claimed for k in range(ent.start, ent.end)
            ):
                bare = _clean_name(ent)
                code = country_of_name(bare) or demonym_code(bare)
                if code:
                    codes.add(code)
        return codes.pop() if len(codes) == 1 else None

    def _finish(self) -> None:
        for record in self.records:
            if record.kind == "country" or record.code is not None or record.country_evidence:
                continue
            owner_country = next(
                (
                    o.country
                    for o in (self.at(off, off + 1) for off in record.owners)
                    if o is not None and o is not record and o.country
                ),
                None,
            )
            # A titled person's nationality is often given by the sentence that introduces
            # them ("... Reyes ..., stating that Chile would not ..."); others take the
            # article's main country.
            in_sentence = (
                self._sentence_country(record) if record.kind == "person" and record.title else None
            )
            record.country = owner_country or in_sentence or self.main_country
        for record in self.records:
            if record.sector is None and record.title:
                record.sector = sector_of(record.title)
            if record.name in record.aliases:
                record.aliases.remove(record.name)
        # Actors without any mention (never happens for built ones) are dropped; keep ids dense.
        self.records = [r for r in self.records if r.mentions]
        self.records.sort(key=lambda r: r.first_mention)
        for n, record in enumerate(self.records, start=1):
            record.id = f"a{n}"

    # -- public API -----------------------------------------------------------------------
    def add(self, name: str, kind: ActorKind, **facts: str | None) -> ActorRecord:
        """Register a new actor (e.g. an unnamed source, "a police spokesperson") and return it.

        Title, country and sector that ``facts`` leave out are read from the name itself
        ("a Kremlin spokesman" -> RUS, GOV).
        """
        words = _name_tokens(name)
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
            elif record.country is None and code.igo is None:
                # Unnamed sources ("a government official") belong to the article's country.
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
        # "Princess Ubolratana", "President Trump": the name without its title.
        words = wanted.split()
        while len(words) > 1 and (
            _is_title_word(_norm_token(words[0]))
            or _norm_token(words[0]) in HONORIFICS
            or _norm_token(words[0]) in TITLE_MODIFIERS
        ):
            words = words[1:]
        wanted = " ".join(words)
        people = [
            r for r in self.records if r.kind == "person" and (kind is None or kind == "person")
        ]
        cands = [
            r
            for r in people
            if names_compatible(wanted, r.name) and self._first_names_agree(wanted, r.name)
        ]
        if cands:
            return cands[0] if len(cands) == 1 else max(cands, key=lambda r: len(r.mentions))
        iso3 = country_of_name(wanted) or capital_code(wanted)
        if iso3 and kind in (None, "country"):
            return next(
                (r for r in self.records if r.kind == "country" and r.country == iso3), None
            )
        return None

    def at(self, start: int, end: int) -> ActorRecord | None:
        """The actor with a mention overlapping the characters ``[start, end)``."""
        for record in self.records:
            for m_start, m_end in record.mentions:
                if m_start < end and start < m_end:
                    return record
        return None

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
                    if not (demonym_code(w) or country_of_name(w)) and _norm_token(w) != "the"
                ]
                offices.add(" ".join(words).lower())
        if len(offices) == 1 and next(iter(offices)):
            name = _plural(next(iter(offices)))
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
        words = [w for w in _name_tokens(text) if w not in _DETERMINERS and w not in _POSSESSIVE]
        if not words:
            return None
        country = None
        kept = []
        for w, raw in zip(
            words, [t for t in text.split() if _norm_token(t) not in _DETERMINERS], strict=False
        ):
            code = demonym_code(raw) or country_of_name(raw)
            if code and w not in TITLE_NOUNS:
                country = country or code
            else:
                kept.append(w)
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
        best: tuple[int, ActorRecord] | None = None
        organisations: list[tuple[int, ActorRecord]] = []
        for start, record in self.mentions_before(before):
            if country and record.country and record.country != country:
                continue
            if record.kind == "person" and self._title_fits(record, role_words):
                best = (start, record)
            elif record.kind == "organization":
                name_words = _name_tokens(record.name)
                if _head(name_words) == head and all(w in name_words for w in proper if w != head):
                    best = (start, record)
                    organisations.append((start, record))
        # "The Court of Session is Scotland's highest court. The only court above it is the
        # Supreme Court. [...] the court said": of two fitting organisations a reader follows
        # the one last mentioned as a subject, not the last one named; only within the
        # paragraph that names the last of them (a subject pages earlier is no longer the topic).
        if (
            best is not None
            and best[1].kind == "organization"
            and len({r.id for _, r in organisations}) > 1
        ):
            paragraph = self.text.rfind("\n", 0, best[0]) + 1
            subjects = [
                (s, r)
                for s, r in organisations
                if s >= paragraph and self._is_subject_at(s, dict(r.mentions).get(s, s + 1))
            ]
            if subjects:
                best = subjects[-1]
        return best[1] if best else None

    def _is_subject_at(self, start: int, end: int) -> bool:
        """Whether the mention at ``start:end`` is a clause's subject ("the Court of Session
        ruled"), not a word inside one ("the Orchard Party ticket secured")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in {"nsubj", "nsubjpass"}

    @staticmethod
    def _title_fits(record: ActorRecord, words: list[str]) -> bool:
        head = words[-1]
        for _, title in record.titles or ([(0, record.title)] if record.title else []):
            for role in re.split(r",|;|\band\b", title):
                role_words = _name_tokens(re.split(r"\bof\b", role)[0])
                if not role_words or _head(role_words) != head:
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



_DESIGNATION = re.compile(r"[A-Za-z]{1,6}-\d{1,4}[A-Za-z]?")


def _plural(office: str) -> str:
    """"foreign minister" -> "foreign ministers", "secretary" -> "secretaries"."""
    words = office.split()
    last = words[-1]
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def _head(words: list[str]) -> str:
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1]
    return words[-1]


def _acronym(name: str) -> str:
    skip = {"of", "the", "and", "for", "on", "in", "de", "la", "du"}
    return "".join(
        w[0] for w in name.replace("-", " ").split() if w.lower() not in skip and w[:1].isalpha()
    ).upper()


def _strip_transient(title: str) -> str:
    # "incumbent" or "newly elected" describe the moment, not the office.
    return re.sub(
        r"^(?:incumbent|newly elected|current|then-?)\s*", "", title, flags=re.IGNORECASE
    ).strip(" -")
