"""Who did what to whom: CAMEO-coded events from dependency parses and the trigger lexicon.

For every sentence:

1. Triggers are found through the lexicon (``parley/data/event_lexicon.tsv``): verbs ("shelled"),
   verb + object ("lifted the curfew"), event nouns realised by a light verb ("held talks") or
   owned by an actor ("Russian airstrikes"), evaluative words ("optimistic").
2. Frames fold a complement into one event: "threatened to cut aid" is a threat (1311), "agreed
   to provide aid" an intent (0333), "refused to release" a refusal (1243), "demanded that X
   withdraw" a demand (1056), "may stop facilitating the talks" a threat to halt mediation
   (135). The complement is then not reported as done.
3. Modality: negated actions give no event; "will/would/going to" and "may/could" turn actions into
   intents (cooperation) or threats (conflict); "X said Y must do Z" is X's demand on Y; triggers
   inside an if/unless clause are conditions, not events.
4. Source = the grammatical subject (passive agent, controller of an infinitive, owner of an event
   noun), resolved through the actor index, pronouns, quotes (inside a quotation "we" is its
   speaker) and reported speech; targets = objects and prepositional objects; both coded with a
   country (ISO3, or IGO+code) and sector by :mod:`parley.geo.countries`.
5. Date = the sentence's own date expression, else the publication date (``date_source``);
   places = the places named in the sentence. One event is reported once per article: events with
   the same root, source, speaker, date and compatible targets are merged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from parley.cameo.codebook import (
    as_appeal,
    as_demand,
    as_intent,
    as_refusal,
    as_threat,
    lookup,
)
from parley.nlp.doctext import doc_sents
from parley.nlp.rules.actors import ActorIndex, ActorRecord
from parley.nlp.rules.event_lexicon import Entry, match
from parley.nlp.rules.places import extract_places
from parley.types import DateMention, Event, EventActor, Place, Quote

log = logging.getLogger(__name__)

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
TARGET_PREPS = frozenset(
    {
        "to",
        "with",
        "against",
        "on",
        "upon",
        "at",
        "from",
        "toward",
        "towards",
        "into",
        "between",
        "among",
        "over",
        "of",
    }
)
NOUN_TARGET_PREPS = frozenset(
    {"of", "against", "on", "with", "to", "between", "toward", "towards", "into"}
)
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl"})
REPORTING = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "announce",
        "reiterate",
        "insist",
        "conclude",
        "stress",
        "warn",
        "argue",
        "note",
        "write",
        "claim",
        "affirm",
        "maintain",
        "emphasize",
        "emphasise",
        "assert",
        "acknowledge",
        "confirm",
        "report",
        "indicate",
        "suggest",
        "explain",
        "repeat",
    }
)
CONDITION_MARKS = frozenset({"if", "unless", "whether", "before", "until", "once"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
HYPOTHETICAL_AUX = frozenset({"may", "might", "could"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
FIRST_PERSON = frozenset({"i", "we", "us", "me", "our"})
THIRD_PERSON = frozenset({"he", "she", "it", "they", "him", "her", "them"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
WORD_NOUNS = frozenset(
    {
        "remark",
        "comment",
        "statement",
        "speech",
        "decision",
        "policy",
        "plan",
        "proposal",
        "idea",
        "claim",
        "report",
        "media",
        "press",
        "critic",
        "opponent",
        "rival",
    }
)
ACCUSING = frozenset(
    {
        "accuse",
        "blame",
        "charge",
        "suspect",
        "arrest",
        "convict",
        "indict",
        "jail",
        "condemn",
        "criticize",
        "criticise",
    }
)
AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# People and groups that act, when no actor table knows them ("gunmen", "protesters").
AGENT_NOUNS = frozenset(
    [
        "gunman",
        "gunmen",
        "attacker",
        "assailant",
        "militant",
        "rebel",
        "insurgent",
        "fighter",
        "guerrilla",
        "soldier",
        "troop",
        "force",
        "police",
        "policeman",
        "officer",
        "protester",
        "demonstrator",
        "activist",
        "student",
        "worker",
        "farmer",
        "teacher",
        "supporter",
        "opponent",
        "crowd",
        "mob",
        "youth",
        "villager",
        "resident",
        "settler",
        "official",
        "authority",
        "government",
        "leader",
        "minister",
        "president",
        "lawmaker",
        "legislator",
        "party",
        "group",
        "coalition",
        "army",
        "militia",
        "bomber",
        "man",
        "woman",
        "people",
        "member",
        "prisoner",
        "inmate",
        "refugee",
        "hacker",
        "pirate",
        "smuggler",
        "terrorist",
        "thief",
        "suspect",
        "union",
        "faction",
        "movement",
        "regime",
        "administration",
        "cabinet",
        "parliament",
        "court",
        "judge",
        "prosecutor",
        "agency",
        "ministry",
        "council",
        "committee",
        "delegation",
        "envoy",
        "diplomat",
        "side",
        "thousand",
        "hundred",
        "dozen",
        "score",
        "million",
    ]
)
# Titles of people who speak and act for a state.
OFFICIAL_TITLES = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chancellor",
        "king",
        "queen",
        "premier",
        "governor",
        "senator",
        "envoy",
        "emir",
        "prince",
        "sultan",
        "general",
        "commander",
        "vice-president",
    ]
)
# Weapons as subjects ("a car bomb exploded"): an event whose perpetrator is not named.
INSTRUMENT_NOUNS = frozenset(
    [
        "bomb",
        "device",
        "explosive",
        "missile",
        "rocket",
        "shell",
        "drone",
        "mine",
        "grenade",
        "mortar",
        "airstrike",
    ]
)
# Frames that say nothing by themselves: an event only when their complement is one.
NO_DEFAULT_FRAMES = frozenset(
    {
        "plan",
        "seek",
        "decide",
        "intend",
        "prepare",
        "hope",
        "want",
        "wish",
        "aim",
        "expect",
        "hopeful",
    }
)
# "Vietnam is committed to ...": passives that describe the subject's own stance.
STATIVE_PASSIVES = frozenset({"commit", "prepare", "determine", "resolve", "dedicate", "oppose"})
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt"})
ACTION_ROOTS = frozenset({"04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
FRAME_DEFAULTS = {
    "threat": "130",
    "refusal": "120",
    "demand": "100",
    "appeal": "020",
    "intent": "030",
}
FRAME_MODALITY = {
    "threat": "threatened",
    "intent": "intended",
    "demand": "requested",
    "appeal": "requested",
    "order": "requested",
}
TALK_NOUNS = frozenset({"talk", "negotiation", "dialogue", "mediation", "process", "negotiate"})
TALK_CODES = frozenset({"036", "106", "125", "134", "135", "164", "165", "026", "028", "039"})


@dataclass
class _Node:
    """An event while it is being built."""

    code: str
    trigger: Token
    tokens: list[Token]
    frame: str | None = None
    modality: str = "asserted"
    negated: bool = False
    comp_subject: Token | None = None
    obligation: bool = False
    span: tuple[int, int] | None = None
    inanimate: bool = False


@dataclass
class _Context:
    doc: Doc
    actors: ActorIndex
    quotes: Sequence[Quote]
    speaker_of: Callable[[Token], ActorRecord | None]
    talk_parties: list[EventActor] = field(default_factory=list)
    actor_cache: dict[str, EventActor] = field(default_factory=dict)


# -- geo helpers (provided by parley.geo; guarded so a missing table never kills extraction) ---


def _actor_code(text: str) -> tuple[str | None, str | None]:
    """(country or IGO code, sector) of a phrase."""
    try:
        from parley.geo.countries import actor_code
    except ImportError:  # pragma: no cover - the geo package ships with parley
        return None, None
    code = actor_code(text)
    if not (code.country or code.igo) and "-" in text:
        code = actor_code(text.replace("-", " "))  # "Saudi-led coalition"
    if code.igo:
        prefix = "NGO" if code.sector == "NGO" else "IGO"
        return f"{prefix}{code.igo}", code.sector or prefix
    return code.country, code.sector


# -- small syntax helpers ----------------------------------------------------------------------


def _has_neg(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "no longer"} for c in tok.children)


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}


def _clause_head(tok: Token) -> Token:
    """For an adjective or noun predicate, the verb carrying auxiliaries and negation."""
    if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "attr", "oprd"}:
        return tok.head
    return tok


def _in_condition(tok: Token) -> bool:
    """Whether ``tok`` lies in an if/unless clause (a condition, not an event)."""
    node = tok
    for _ in range(8):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
        ):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _has_condition(tok: Token) -> bool:
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in tok.children
    )


def _reporting_verb(tok: Token) -> Token | None:
    """The verb of saying whose content clause holds ``tok`` ("X said [that] ... tok")."""
    node = _clause_head(tok)
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in REPORTING:
            return node.head
        if node.dep_ not in {
            "conj",
            "xcomp",
            "advcl",
            "ccomp",
            "relcl",
            "pcomp",
            "prep",
            "pobj",
            "aux",
        }:
            return None
        node = node.head
    return None


def _subject(tok: Token) -> Token | None:
    """The subject of a predicate, climbing through control, conjunction and participles."""
    node = _clause_head(tok)
    for _ in range(5):
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.dep_ == "nsubjpass" and node.lemma_.lower() not in STATIVE_PASSIVES:
                    return None  # a passive without agent: the doer is unknown
                return child
        if node.dep_ in {"relcl", "acl"} and node.head.pos_ in NOMINAL | {"PRON"}:
            return node.head
        if node.dep_ not in CONTROL_DEPS or node.head.i == node.i:
            return None
        node = node.head
        if node.dep_ == "prep" and node.head.i != node.i:  # "resorted to throwing"
            node = node.head
        node = _clause_head(node)  # "was forceful in blaming"
    return None


def _evidence(tok: Token, span: Span) -> tuple[str | None, str | None]:
    """Country and sector of a noun phrase, from its words, then its "of/in/from" phrases and
    apposition ("Security forces in Guinea", "Oshima, the UN relief coordinator")."""
    texts = [span.text]
    if "-" in span.text:
        texts.append(span.text.replace("-", " "))
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "from", "of"}:
            texts.append(child.subtree.__next__().doc[child.i : child.right_edge.i + 1].text)
        elif child.dep_ in {"appos", "acl"}:
            texts.append(child.doc[child.i : child.right_edge.i + 1].text)
    sector = None
    for text in texts:
        country, sec = _actor_code(text)
        sector = sector or sec
        if country:
            return country, sector
    return None, sector


def _noun_phrase(tok: Token) -> Span:
    keep_left = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "npadvmod"}
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in keep_left:
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in {"compound", "flat"} or (
            child.dep_ == "prep" and child.lower_ in {"of", "for"}
        ):
            right = max(right, child.right_edge.i)
    span = tok.doc[left : right + 1]
    while len(span) > 1 and (span[0].is_punct or span[0].lower_ in {"the", "a", "an"}):
        span = span[1:]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


# -- finding event nodes -----------------------------------------------------------------------


def _halt_of(code: str) -> str | None:
    c3, root = code[:3], code[:2]
    if c3 in {"045", "039", "028", "038", "108", "126"}:
        return "165"
    if root == "04" or c3 in {"036", "026", "106", "046"}:
        return "164"
    if root == "07" or c3 in {"033", "023"}:
        return {"071": "1621", "072": "1622", "073": "1623"}.get(c3, "162")
    if root == "05":
        return "161"
    if root == "06" or c3 == "031":
        return "160"
    if c3 == "163":
        return "085"
    if root in {"18", "19", "20"}:
        return "087"
    if root == "14":
        return "082"
    if root == "17":
        return "081"
    return None


def _combine(kind: str, code: str) -> str | None:
    if kind == "threat":
        return as_threat(code)
    if kind == "intent":
        return as_intent(code)
    if kind == "refusal":
        return as_refusal(code)
    if kind == "demand":
        return as_demand(code)
    if kind == "appeal":
        return as_appeal(code)
    if kind == "order":
        return code if code[:2] >= "14" else as_demand(code)
    if kind == "halt":
        return _halt_of(code)
    return code  # aspect, light


def _complements(tok: Token, kind: str) -> list[Token]:
    out: list[Token] = []
    objects_count = kind in {
        "halt",
        "aspect",
        "light",
        "intent",
        "appeal",
        "demand",
        "refusal",
        "order",
    }
    for child in tok.children:
        if kind == "light" and child.dep_ not in OBJECT_DEPS:
            continue
        if child.dep_ in {"xcomp", "ccomp"}:
            out.append(child)
        elif child.dep_ in {"prep", "prt", "advmod"}:
            out += [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        elif child.dep_ in OBJECT_DEPS and objects_count:
            out.append(child)
            out += [
                g
                for c in child.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ in {"pcomp", "pobj"}
            ]
            out += [c for c in child.children if c.dep_ == "acl"]
    return out


def _node_at(tok: Token, depth: int = 0) -> _Node | None:
    if depth > 4:
        return None
    if tok.dep_ in {"amod", "compound"} and tok.pos_ in VERBAL | {"ADJ"}:
        return None  # "the detained fishermen": a description, not an event
    if tok.pos_ in VERBAL and tok.dep_ not in {"aux", "auxpass"}:
        frame_kinds: tuple[str, ...] = ("F", "L")
        code_kinds: tuple[str, ...] = ("V",)
    elif tok.pos_ == "ADJ":
        frame_kinds, code_kinds = ("F",), ("A",)
    elif tok.pos_ in NOMINAL:
        frame_kinds, code_kinds = (), ("N", "A")
    else:
        return None
    frame: Entry | None = match(tok, frame_kinds) if frame_kinds else None
    if frame is not None:
        kind = frame.value
        negated_aspect = kind == "aspect" and _has_neg(_clause_head(tok))
        if negated_aspect:
            kind = "halt"
        for comp in _complements(tok, kind):
            inner = _node_at(comp, depth + 1)
            if inner is None and comp.pos_ in NOMINAL:
                # "suspended aid deliveries", "undertook a mediation mission": the modifier
                # names the event.
                mods = [m for m in comp.children if m.dep_ == "compound" and m.i < comp.i]
                # "10 million dollars in emergency aid", "500 tons of food"
                mods += [
                    g
                    for m in comp.children
                    if m.dep_ == "prep" and m.lower_ in {"of", "in"}
                    for g in m.children
                    if g.dep_ == "pobj"
                ]
                for mod in mods:
                    if True:
                        inner = _node_at(mod, depth + 1)
                        if inner is not None:
                            inner.tokens = [*inner.tokens, comp]
                            break
            if inner is None:
                continue
            code = _combine(kind, inner.code)
            if code is None:
                continue
            node = _Node(
                code=code,
                trigger=tok if kind not in {"aspect"} else inner.trigger,
                tokens=[tok, *inner.tokens],
                frame=kind if kind not in {"aspect", "light"} else inner.frame,
                negated=inner.negated or kind == "negate",
            )
            if kind in {"demand", "appeal", "order"}:
                node.comp_subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if node.comp_subject is None:
                    node.comp_subject = next(
                        (c for c in tok.children if c.dep_ in OBJECT_DEPS), None
                    )
            if kind == "light":
                lo, hi = sorted((tok, inner.trigger), key=lambda t: t.i)
                node.span = (lo.idx, hi.idx + len(hi.text))
            if negated_aspect:
                node.negated = False
            return node
        if kind == "negate":
            return None
    entry = match(tok, code_kinds)
    if entry is not None:
        code = entry.value
        if code[:2] in {"18", "19"} and _verbal_attack(tok):
            code = "111"
        return _Node(code=code, trigger=tok, tokens=[tok])
    if frame is not None and frame.kind == "F" and frame.value in FRAME_DEFAULTS:
        if frame.words[-1] in NO_DEFAULT_FRAMES:
            return None  # "hoped a deal could be found": only a coded complement counts
        node = _Node(code=FRAME_DEFAULTS[frame.value], trigger=tok, tokens=[tok], frame=frame.value)
        if frame.value in {"demand", "appeal"}:
            clause = next((c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}), None)
            if clause is not None:
                node.comp_subject = next(
                    (c for c in clause.children if c.dep_ in SUBJECT_DEPS), None
                )
            if node.comp_subject is None:
                node.comp_subject = next((c for c in tok.children if c.dep_ in OBJECT_DEPS), None)
        return node
    return None


def _verbal_attack(tok: Token) -> bool:
    """ "Trump attacked Biden's remarks": an attack on a person or on words is criticism."""
    if tok.pos_ not in VERBAL or tok.lemma_.lower() not in {
        "attack",
        "target",
        "hit",
        "slam",
        "blast",
    }:
        return False
    for child in tok.children:
        if child.dep_ not in OBJECT_DEPS:
            continue
        if child.lemma_.lower() in WORD_NOUNS:
            return True
        if child.ent_type_ == "PERSON":
            from parley.geo.places import geocode

            return geocode(child.text) is None  # the tagger calls some cities persons
    return False


def _apply_modality(node: _Node) -> _Node | None:
    top = node.tokens[0]
    head = _clause_head(top)
    carriers = [head]
    if head.dep_ == "xcomp" and head.head.lower_ in {"going", "expected", "set", "about"}:
        carriers.append(head.head)
    if node.trigger is not top:
        carriers.append(_clause_head(node.trigger))
    aux: set[str] = set()
    for c in carriers:
        aux |= _aux_words(c)
    if any(_has_neg(c) for c in carriers) and node.frame != "halt":
        node.negated = True
    if node.negated:
        return None
    going = any(c.lower_ == "going" for c in carriers[1:])
    have_to = head.dep_ == "xcomp" and head.head.lemma_ in {"have", "need"}
    future = bool(aux & FUTURE_AUX) or going
    hypothetical = bool(aux & HYPOTHETICAL_AUX)
    obligation = bool(aux & OBLIGATION_AUX) or have_to
    conditional = _has_condition(head)
    root = node.code[:2]
    if obligation and _reporting_verb(top) is not None:
        node.code = as_demand(node.code) if root in ACTION_ROOTS or root == "03" else node.code
        node.obligation = True
        node.modality = "requested"
        node.comp_subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        return node
    if node.frame in FRAME_MODALITY:
        node.modality = FRAME_MODALITY[node.frame]
        if node.frame == "intent" and node.code[:2] == "13":
            node.modality = "threatened"
        return node
    if root in ACTION_ROOTS and (future or hypothetical or conditional):
        node.code = as_intent(node.code)
        node.modality = "threatened" if node.code[:2] == "13" else "intended"
        if hypothetical and node.code[:2] != "13":
            node.modality = "hypothetical"
        return node
    if future:
        node.modality = "future"
    elif hypothetical:
        node.modality = "hypothetical"
    return node


def _obligation_node(tok: Token) -> _Node | None:
    """ "X said Y must/should Z": a demand even when Z is not in the lexicon."""
    if tok.pos_ not in VERBAL or tok.dep_ in {"aux", "auxpass"}:
        return None
    have_to = tok.dep_ == "xcomp" and tok.head.lemma_ in {"have", "need"}
    if not (_aux_words(tok) & OBLIGATION_AUX or have_to):
        return None
    anchor = tok.head if have_to else tok
    if _reporting_verb(anchor) is None:
        return None
    subj = next((c for c in anchor.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.lower_ in FIRST_PERSON:
        return None
    return _Node(
        code="100",
        trigger=tok,
        tokens=[tok],
        obligation=True,
        modality="requested",
        comp_subject=subj,
    )


# -- actors ------------------------------------------------------------------------------------


def _record_actor(ctx: _Context, record: ActorRecord) -> EventActor:
    cached = ctx.actor_cache.get(record.id)
    if cached is not None:
        return cached
    # The words around the actor's own mentions ("US Vice President JD Vance") come first;
    # the index's country is a fallback.
    country, sector = None, None
    texts = [record.name, *record.aliases]
    for start, end in record.mentions:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            texts.insert(0, _noun_phrase(span.root).text)
    for text in texts:
        c, s = _actor_code(text)
        country = country or c
        sector = sector or s
        if country and sector:
            break
    guessed = not getattr(record, "country_evidence", True)
    title_words = set((record.title or "").lower().replace(",", " ").split())
    official = record.kind == "person" and bool(title_words & OFFICIAL_TITLES)
    if record.country and (not guessed or official):
        # An unevidenced country (the article's main country) is trusted only for a titled
        # government official ("Foreign Minister X"); otherwise it is a guess.
        country = country or record.country
    sector = sector or record.sector
    actor = EventActor(name=record.name, country=country, sector=sector, actor_id=record.id)
    ctx.actor_cache[record.id] = actor
    return actor


def _phrase_actor(ctx: _Context, tok: Token) -> EventActor | None:
    span = _noun_phrase(tok)
    record = _record_at(ctx, tok)
    if record is None:
        for t in span:
            if t.pos_ in NOMINAL and t is not tok:
                record = _record_at(ctx, t)
                if record is not None:
                    break
    country, sector = _evidence(tok, span)
    if record is not None:
        base = _record_actor(ctx, record)
        # What the phrase itself says ("European Community ministers") beats the index's guess.
        return replace(base, country=country or base.country, sector=sector or base.sector)
    if country is None and tok.pos_ == "PRON":
        return None
    if not (
        country
        or sector
        or tok.pos_ == "PROPN"
        or tok.ent_type_ in AGENT_ENTS
        or tok.lemma_.lower() in AGENT_NOUNS
    ):
        return None  # "a fire killed three", "the virus spread": not a political actor
    return EventActor(name=span.text, country=country, sector=sector)


def _record_at(ctx: _Context, tok: Token) -> ActorRecord | None:
    """The actor with the tightest mention around ``tok``."""
    start, end = tok.idx, tok.idx + len(tok.text)
    best: tuple[int, ActorRecord] | None = None
    for record in ctx.actors.records:
        for m_start, m_end in record.mentions:
            if m_start <= start and end <= m_end and (best is None or m_end - m_start < best[0]):
                best = (m_end - m_start, record)
    return best[1] if best else None


def _speaker(ctx: _Context, tok: Token) -> EventActor | None:
    for quote in ctx.quotes:
        if quote.kind != "indirect" and quote.start <= tok.idx < quote.end and quote.speaker:
            record = next((r for r in ctx.actors.records if r.id == quote.speaker.id), None)
            if record is not None:
                return _record_actor(ctx, record)
            return EventActor(name=quote.speaker.name)
    verb = _reporting_verb(tok)
    if verb is None:
        return None
    subj = _subject(verb)
    if subj is None:
        return None
    return _actor_of(ctx, subj, None)


def _actor_of(ctx: _Context, tok: Token, speaker: EventActor | None) -> EventActor | None:
    low = tok.lower_ if tok.pos_ == "PRON" or tok.text.islower() or tok.text.istitle() else ""
    if low in FIRST_PERSON:
        return speaker
    if low in RELATIVE and tok.head.dep_ in {"relcl", "acl"}:
        return _actor_of(ctx, tok.head.head, speaker)
    if low in THIRD_PERSON:
        if speaker is not None and _reporting_verb(tok.head) is not None:
            return speaker
        record = ctx.speaker_of(tok)
        return _record_actor(ctx, record) if record is not None else None
    return _phrase_actor(ctx, tok)


def _expand_conj(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _coded(actor: EventActor | None) -> bool:
    return actor is not None and bool(actor.country)


def _source(
    ctx: _Context, node: _Node
) -> tuple[EventActor | None, list[EventActor], EventActor | None]:
    """(source, co-actors from a conjoined subject, speaker)."""
    top = node.tokens[0]
    speaker = _speaker(ctx, top)
    if node.obligation:
        return speaker, [], speaker
    trigger = node.trigger
    subj = _subject(top)
    if subj is None and trigger.pos_ in NOMINAL:
        owner = _noun_owner(ctx, trigger)
        if owner is not None:
            return owner, [], speaker
    if subj is None and node.code[:3] == "087":
        # "guerrillas have been demobilized": who retreats is the passive subject.
        subj = next((c for c in _clause_head(top).children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        if node.frame in {"threat", "intent"} or node.code[:2] in {"01"}:
            return speaker, [], speaker
        return None, [], speaker
    conj = _expand_conj(subj)
    actors = [a for a in (_actor_of(ctx, t, speaker) for t in conj) if a is not None]
    source = actors[0] if actors else None
    reported = speaker is not None and speaker.actor_id and _reporting_verb(top) is not None
    if reported and source is not None and node.modality in {"threatened", "intended", "requested"}:
        # "Trump warned that Washington may ...": the speaker commits his country.
        assert speaker is not None
        if speaker.country in {None, source.country} and source.country:
            key = speaker.actor_id
            if speaker.country is None and key is not None:
                speaker = replace(speaker, country=source.country)
                ctx.actor_cache[key] = speaker
            return speaker, actors[1:], speaker
    if not _coded(source) and _coded(speaker) and (node.frame or node.code[:2] in {"01", "03"}):
        return speaker, [], speaker
    verbal = node.code[:2] in {"01", "02", "03", "09", "10", "11", "12", "13"}
    named = source is not None and (
        source.actor_id or any(t.pos_ == "PROPN" for t in _noun_phrase(subj))
    )
    if (
        not _coded(source)
        and _coded(speaker)
        and verbal
        and not named
        and _reporting_verb(top) is not None
    ):
        return speaker, [], speaker
    if source is None and subj.pos_ != "PRON" and subj.lemma_.lower() not in INSTRUMENT_NOUNS:
        node.inanimate = True  # "a fire killed three": no political actor did it
    return source, actors[1:], speaker


def _noun_owner(ctx: _Context, noun: Token) -> EventActor | None:
    """Who carries out an event noun: "Russian airstrikes", "Israel's offensive", "on a visit"."""
    mods = [c for c in noun.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    if mods:
        text = noun.doc[min(m.left_edge.i for m in mods) : noun.i].text
        country, sector = _actor_code(text)
        if country:
            return EventActor(name=_noun_phrase(noun).text, country=country, sector=sector)
    if noun.dep_ == "pobj" and noun.head.lower_ == "on":
        host = noun.head.head
        if host.pos_ in NOMINAL | {"PRON"}:
            return _actor_of(ctx, host, None)
        subj = _subject(host)
        if subj is not None:
            return _actor_of(ctx, subj, None)
    return None


def _countries_in(ctx: _Context, tok: Token, speaker: EventActor | None) -> list[EventActor]:
    out: list[EventActor] = []
    for t in _expand_conj(tok):
        if t.pos_ == "PRON" and t.lower_ in THIRD_PERSON | FIRST_PERSON | RELATIVE:
            continue
        actor = _actor_of(ctx, t, speaker)
        if actor is not None and actor.country:
            out.append(actor)
        for child in t.children:
            if child.dep_ == "poss" and child.pos_ in NOMINAL:
                c, s = _actor_code(child.text)
                if c:
                    out.append(EventActor(name=child.text, country=c, sector=s))
            if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
                for g in child.children:
                    if g.dep_ == "pobj":
                        out += _countries_in(ctx, g, speaker)
    return out


def _targets(ctx: _Context, node: _Node, speaker: EventActor | None) -> list[EventActor]:
    cands: list[Token] = []
    if node.comp_subject is not None:
        cands.append(node.comp_subject)
    for tok in node.tokens:
        preps = NOUN_TARGET_PREPS if tok.pos_ in NOMINAL else TARGET_PREPS
        for child in tok.children:
            if child.dep_ in OBJECT_DEPS or (child.dep_ == "nsubjpass" and tok.pos_ in VERBAL):
                cands.append(child)
            elif child.dep_ in {"prep", "prt"} and child.lower_ in preps:
                cands += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "poss" and tok.pos_ in NOMINAL and tok is not node.trigger:
                cands.append(child)
    out: list[EventActor] = []
    for cand in cands:
        if cand.ent_type_ in {"DATE", "TIME"}:
            continue
        out += _countries_in(ctx, cand, speaker)
    return out


# -- places and dates --------------------------------------------------------------------------


def _date_for(
    sent: Span, trigger: Token, dates: Sequence[DateMention], published: date | None
) -> tuple[str | None, str | None]:
    own = [d for d in dates if d.value and sent.start_char <= d.start < sent.end_char]
    if own:
        best = min(own, key=lambda d: abs(d.start - trigger.idx))
        return best.value, "text"
    if published is not None:
        return published.isoformat(), "published"
    return None, None


def _object_places(node: _Node, known: tuple[Place, ...]) -> tuple[Place, ...]:
    """Places an attack or protest is aimed at ("drones struck Kharkiv") that the place rule,
    which looks for locative uses, leaves out."""
    from parley.geo.places import geocode

    seen = {p.start for p in known}
    found: list[Place] = []
    for tok in node.tokens:
        for child in tok.children:
            if child.dep_ not in {"dobj", "pobj"} or child.pos_ != "PROPN" or child.idx in seen:
                continue
            span = (
                child.doc[child.left_edge.i : child.i + 1]
                if child.left_edge.pos_ == "PROPN"
                else child.doc[child.i : child.i + 1]
            )
            hit = geocode(span.text)
            if hit is not None and hit.kind in {"city", "region"}:
                found.append(hit.place(span.text, span.start_char, span.end_char))
    return tuple(found)


def _places_in(sent: Span, places: Sequence[Place]) -> tuple[Place, ...]:
    return tuple(p for p in places if sent.start_char <= p.start < sent.end_char)


def events_in_sentence(events: Iterable[Event], start: int, end: int) -> list[Event]:
    """The events whose sentence overlaps the characters ``[start, end)`` (for casualties etc.)."""
    return [e for e in events if e.sentence[0] < end and start < e.sentence[1]]


# -- main --------------------------------------------------------------------------------------


def _same_actor(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return (a.country or a.name) == (b.country or b.name)


def _merge_key(event: Event, speaker: EventActor | None) -> tuple[Any, ...]:
    src = event.source
    who = (src.actor_id or src.country or src.name) if src else None
    spk = (speaker.actor_id or speaker.name) if speaker else None
    if spk == who:
        spk = None
    return (event.root, who, spk, event.date)


def extract_events(
    doc: Doc,
    actors: ActorIndex,
    *,
    quotes: Sequence[Quote] = (),
    dates: Sequence[DateMention] = (),
    published: date | None = None,
    places: Sequence[Place] | None = None,
) -> list[Event]:
    """CAMEO/PLOVER events of a parsed article.

    Args:
        doc: the parsed article.
        actors: its actor index (countries, sectors, titles of people and organisations).
        quotes: its quotations; an event inside one is attributed to the quotation's speaker.
        dates: its resolved date expressions; an event takes its sentence's own date.
        published: publication date, the date of events whose sentence names none.
        places: places named in the article (offsets into ``doc.text``).

    Returns:
        Events in text order, each reported once.
    """
    resolver = None

    def speaker_of(tok: Token) -> ActorRecord | None:
        nonlocal resolver
        if resolver is None:
            from parley.nlp.rules.speech import SpeakerResolver

            resolver = SpeakerResolver(doc, actors)
        return resolver.resolve_pronoun(tok)

    ctx = _Context(doc=doc, actors=actors, quotes=quotes, speaker_of=speaker_of)
    places = tuple(places) if places is not None else tuple(extract_places(doc))
    drafts: list[tuple[Event, EventActor | None]] = []
    for sent in doc_sents(doc):
        try:
            drafts += _sentence_events(ctx, sent, dates, published, places, len(drafts))
        except Exception:  # a rule bug on one odd parse must not cost the article its analysis
            log.warning("event rules failed on the sentence at %d", sent.start_char, exc_info=True)
    return _dedupe(drafts)


def _sentence_events(
    ctx: _Context,
    sent: Span,
    dates: Sequence[DateMention],
    published: date | None,
    places: tuple[Place, ...],
    offset: int,
) -> list[tuple[Event, EventActor | None]]:
    nodes: list[_Node] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.i in consumed:
            continue
        node = _node_at(tok) or _obligation_node(tok)
        if node is None:
            continue
        nodes.append(node)
        consumed.update(t.i for t in node.tokens[1:])
    out: list[tuple[Event, EventActor | None]] = []
    for node in nodes:
        if node.tokens[0].i in consumed and len(node.tokens) == 1:
            continue
        if any(t.i in consumed for t in node.tokens[:1]) and node.tokens[0] is not node.trigger:
            continue
        if not _emittable(node):
            continue
        if _in_condition(node.tokens[0]):
            continue
        first = node.tokens[0]
        if (
            first.dep_ == "acl"
            and first.tag_ == "VBN"
            and not any(c.dep_ == "agent" for c in first.children)
        ):
            continue  # "the curfew imposed after the coup": background, not this report's event
        if first.dep_ in {"acl", "advcl"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in first.children
        ):
            continue  # "efforts to fight terrorism", "met to discuss": a purpose, not an event
        modal = _apply_modality(node)
        if modal is None:
            continue
        node = modal
        if (
            node.trigger.pos_ in VERBAL
            and node.trigger.lemma_ in CASUALTY_VERBS
            and _casualty_of_other(node, nodes)
        ):
            continue
        if _goal_of_other(node, nodes) or _content_of_accusation(node):
            continue
        source, co_actors, speaker = _source(ctx, node)
        if node.inanimate:
            continue
        if source is None and len(node.tokens) == 1 and node.trigger.pos_ in NOMINAL:
            continue  # an event noun nobody is said to carry out ("the attack was claimed")
        if source is None and node.code[:2] < "09":
            continue
        if (
            source is not None
            and not source.country
            and not source.actor_id
            and node.code[:2] < "14"
        ):
            continue
        targets = co_actors + _targets(ctx, node, speaker)
        targets = _unique([t for t in targets if not source or t.country != source.country])
        code = node.code
        talk_words = {t.lemma_.lower() for n in node.tokens for t in n.subtree} & TALK_NOUNS
        if (node.code[:2] == "04" or code in TALK_CODES) and talk_words:
            if targets:
                ctx.talk_parties = targets
            else:
                targets = [t for t in ctx.talk_parties if not source or t.country != source.country]
        if source is not None and " ethnic " in f" {source.name.lower()} ":
            # CAMEO codes an ethnic group by the state it lives in ("ethnic Albanians in Serbia").
            home = next((p.country for p in _places_in(sent, places) if p.country), None)
            if home is not None:
                source = replace(source, country=home)
        if source is not None and not source.country and _domestic(code):
            # "President X imposed a curfew in Abidjan": domestic measures are taken at home.
            home = next((p.country for p in _places_in(sent, places) if p.country), None)
            if home is None and code[:2] != "14":
                home = next(
                    (
                        t.country
                        for t in targets
                        if t.country and t.country[:3] not in {"IGO", "NGO"}
                    ),
                    None,
                )
            if home is not None and (
                code[:2] == "14" or source.sector in {None, "GOV", "MIL", "COP"}
            ):
                source = replace(source, country=home)
                targets = [t for t in targets if t.country != home]
        if not targets and code[:2] in {"10", "11", "12"}:
            targets = _other_party(ctx, sent, node, source, speaker)
        sent_places = _places_in(sent, places)
        if code[:2] >= "14":
            sent_places = sent_places + _object_places(node, sent_places)
        if not targets and code[:2] >= "14":
            targets = _unique(
                [
                    EventActor(name=p.name, country=p.country)
                    for p in sent_places
                    if p.country and (not source or p.country != source.country)
                ]
            )[:1]
        entry = lookup(code)
        when, when_source = _date_for(sent, node.trigger, dates, published)
        start, end = node.span or (node.trigger.idx, node.trigger.idx + len(node.trigger.text))
        quote_id = next(
            (q.id for q in ctx.quotes if q.kind != "indirect" and q.start <= start < q.end), None
        )
        event = Event(
            id=f"e{offset + len(out) + 1}",
            code=code,
            label=entry.label,
            root=entry.root,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover_type=entry.plover_type,
            plover_mode=entry.plover_mode,
            source=source,
            targets=tuple(targets),
            trigger=(start, end),
            sentence=(sent.start_char, sent.end_char),
            date=when,
            date_source=when_source,
            places=sent_places,
            negated=False,
            modality=node.modality,
            quote_id=quote_id,
        )
        out.append((event, speaker))
    return out


def _domestic(code: str) -> bool:
    """Codes for what a government does at home or a crowd does where it is."""
    return code[:2] in {"08", "14", "17"} or code[:3] in {"132", "137", "035", "034"}


def _other_party(
    ctx: _Context, sent: Span, node: _Node, source: EventActor | None, speaker: EventActor | None
) -> list[EventActor]:
    """A demand, accusation or rejection with no object is addressed to the sentence's other
    party: "Kyiv has insisted on guarantees, while Washington has refrained from ..."."""
    for tok in sent:
        if tok.dep_ not in SUBJECT_DEPS or tok in node.tokens or tok.head in node.tokens:
            continue
        actor = _actor_of(ctx, tok, speaker)
        if (
            actor is not None
            and actor.country
            and (source is None or actor.country != source.country)
        ):
            return [actor]
    return []


def _emittable(node: _Node) -> bool:
    """Event nouns only count when realised: by a frame or light verb, or owned by an actor."""
    trig = node.trigger
    if len(node.tokens) > 1 or trig.pos_ not in NOMINAL:
        return True
    if trig.dep_ in SUBJECT_DEPS:
        return True
    # "on a state visit to Lisbon"
    return (
        trig.dep_ == "pobj"
        and trig.head.lower_ == "on"
        and trig.lemma_ in {"visit", "trip", "tour"}
    )


def _goal_of_other(node: _Node, nodes: list[_Node]) -> bool:
    """ "demonstrated, calling for independence": the call is the protest's goal, not a second
    event."""
    first = node.tokens[0]
    if first.tag_ != "VBG" or first.dep_ not in {"advcl", "xcomp", "conj"}:
        return False
    if node.code[:2] not in {"02", "10"}:
        return False
    protests = {n.trigger.i for n in nodes if n is not node and n.code[:2] in {"14", "18", "19"}}
    return first.head.i in protests


def _content_of_accusation(node: _Node) -> bool:
    """ "accused the rebels of violating the ceasefire": what is alleged is not reported as done."""
    first = _clause_head(node.tokens[0])
    if first.dep_ == "ccomp":  # "Iraq charged that Iran had shelled its towns"
        return first.head.lemma_.lower() in {"charge", "allege", "accuse"}
    if first.dep_ != "pcomp" or first.head.dep_ != "prep" or first.head.lower_ not in {"of", "for"}:
        return False
    return first.head.head.lemma_.lower() in ACCUSING


def _casualty_of_other(node: _Node, nodes: list[_Node]) -> bool:
    """ "airstrikes ..., killing two": the killing belongs to the event it reports."""
    trig = node.trigger
    others = {n.trigger.i for n in nodes if n is not node}
    cur = trig
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.i in others or any(c.dep_ == "nsubj" and c.i in others for c in cur.children):
            return True
    subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i in others


def _unique(actors: list[EventActor]) -> list[EventActor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        key = a.country or a.name
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def _dedupe(drafts: list[tuple[Event, EventActor | None]]) -> list[Event]:
    kept: list[tuple[Event, tuple[Any, ...]]] = []
    for event, speaker in drafts:
        key = _merge_key(event, speaker)
        merged = False
        for n, (other, other_key) in enumerate(kept):
            if other_key != key:
                continue
            mine = {t.country for t in event.targets}
            theirs = {t.country for t in other.targets}
            if mine and theirs and not mine & theirs:
                continue
            if not theirs and mine:
                other = replace(other, targets=event.targets)
            if other.code.endswith("0") and len(other.code) == 3 and event.code != other.code:
                # "issued a warning ... the US would not continue": keep the specific code.
                other = replace(
                    other,
                    code=event.code,
                    label=event.label,
                    goldstein=event.goldstein,
                    plover_type=event.plover_type,
                    plover_mode=event.plover_mode,
                    modality=event.modality,
                )
            kept[n] = (other, other_key)
            merged = True
            break
        if not merged:
            kept.append((event, key))
    return [replace(e, id=f"e{n + 1}") for n, (e, _) in enumerate(kept)]
