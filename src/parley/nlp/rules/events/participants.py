"""Who did it and to whom: the source, co-actors, speaker and targets of an event node, coded
with a country and sector through the actor index, pronouns, quotations and reported speech."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from parley.geo.countries import country_name
from parley.nlp.deps import (
    ACTING_SUBJECT_DEPS,
    AGENT_ENTS,
    EVENT_OBJECT_DEPS,
    NOMINAL,
    VERBAL,
)
from parley.nlp.rules.actors import ActorIndex, ActorRecord
from parley.nlp.rules.events.nodes import Node
from parley.nlp.rules.events.syntax import (
    clause_head,
    is_agreement,
    noun_phrase,
    phrase_actor_code,
    phrase_evidence,
    predicate_subject,
    reporting_verb,
    without_topic,
)
from parley.nlp.rules.events.vocab import codes, words
from parley.nlp.tree import passive_subject
from parley.types import EventActor, Quote


@dataclass
class Context:
    doc: Doc
    actors: ActorIndex
    quotes: Sequence[Quote]
    speaker_of: Callable[[Token], ActorRecord | None]
    talk_parties: list[EventActor] = field(default_factory=list)
    #: the parties of the last agreement named with them ("the deal between Turkey and Libya")
    deal_parties: list[EventActor] = field(default_factory=list)
    #: (offset, parties) of every agreement named with its parties, in text order
    deal_history: list[tuple[int, list[EventActor]]] = field(default_factory=list)
    actor_cache: dict[str, EventActor] = field(default_factory=dict)
    #: start offsets of the sentences that narrate backdrop (no events, no statements)
    backdrop: set[int] = field(default_factory=set)


def record_actor(ctx: Context, record: ActorRecord) -> EventActor:
    cached = ctx.actor_cache.get(record.id)
    if cached is not None:
        return cached
    # The actor table's own country and sector come first when it has evidence for them
    # ("MP X, chair of the committee on EU integration" stays a Ukrainian legislator); the
    # words around the actor's mentions ("US Vice President JD Vance") fill what it lacks.
    country = record.country if getattr(record, "country_evidence", True) else None
    sector = record.sector
    office = _igo_office(record)
    if office is not None:
        country, sector = office
    if not (country and sector):
        texts = [record.name, *record.aliases]
        for start, end in record.mentions:
            span = ctx.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                texts.insert(0, noun_phrase(span.root).text)
        for text in texts:
            c, s = phrase_actor_code(without_topic(text))
            country = country or c
            sector = sector or s
            if country and sector:
                break
    # Else the article's main country, for a person or body the article names without one
    # (news names foreigners as such: "Greek minister X").
    country = country or record.country
    actor = EventActor(name=record.name, country=country, sector=sector, actor_id=record.id)
    ctx.actor_cache[record.id] = actor
    return actor


def _igo_office(record: ActorRecord) -> tuple[str, str] | None:
    """A person whose current office is in an international body acts for it ("Donald Tusk,
    the current President of the European Council"; "AU chairperson President el-Sisi"); a
    former office ("Ex-Prime Minister") or a body the office is only about ("chair of the
    committee on EU integration") does not make them its agent."""
    if record.kind != "person" or not record.title:
        return None
    for role in record.title.split(","):
        role = f" {role.strip()} "
        if role.lower().startswith(" ex-") or " former " in role.lower():
            continue
        code, sector = phrase_actor_code(without_topic(role).strip())
        if code and code[:3] == "IGO":
            return code, sector or "IGO"
    return None


def _phrase_actor(ctx: Context, tok: Token) -> EventActor | None:
    span = noun_phrase(tok)
    record = _record_at(ctx, tok)
    if record is None:
        for t in span:
            if t.pos_ in NOMINAL and t is not tok:
                record = _record_at(ctx, t)
                if record is not None:
                    break
    country, sector = phrase_evidence(tok, span)
    if record is not None:
        base = record_actor(ctx, record)
        if getattr(record, "country_evidence", True) and record.country:
            return base  # the actor table knows its country: the phrase does not recode it
        # What the phrase itself says ("European Community ministers") beats the index's guess.
        return replace(base, country=country or base.country, sector=sector or base.sector)
    if country is None and tok.pos_ == "PRON":
        return None
    if not (
        country
        or sector
        or tok.pos_ == "PROPN"
        or tok.ent_type_ in AGENT_ENTS
        or tok.lemma_.lower() in words("agent_noun")
    ):
        return None  # "a fire killed three", "the virus spread": not a political actor
    return EventActor(name=span.text, country=country, sector=sector)


def _record_at(ctx: Context, tok: Token) -> ActorRecord | None:
    """The actor with the tightest mention around ``tok``."""
    start, end = tok.idx, tok.idx + len(tok.text)
    best: tuple[int, ActorRecord] | None = None
    for record in ctx.actors.records:
        for m_start, m_end in record.mentions:
            if m_start <= start and end <= m_end and (best is None or m_end - m_start < best[0]):
                best = (m_end - m_start, record)
    return best[1] if best else None


def _speaker(ctx: Context, tok: Token) -> EventActor | None:
    for quote in ctx.quotes:
        if quote.kind != "indirect" and quote.start <= tok.idx < quote.end and quote.speaker:
            record = ctx.actors.record_by_id(quote.speaker.id)
            if record is not None:
                return record_actor(ctx, record)
            return EventActor(name=quote.speaker.name)
    verb = reporting_verb(tok)
    if verb is None:
        return None
    subj = predicate_subject(verb)
    if subj is None:
        return None
    return _actor_of(ctx, subj, None)


def _actor_of(ctx: Context, tok: Token, speaker: EventActor | None) -> EventActor | None:
    low = tok.lower_ if tok.pos_ == "PRON" or tok.text.islower() or tok.text.istitle() else ""
    if low in words("first_person"):
        return speaker
    if low in words("relative") and tok.head.dep_ in {"relcl", "acl"}:
        return _actor_of(ctx, tok.head.head, speaker)
    if low in words("third_person"):
        if speaker is not None and reporting_verb(tok.head) is not None:
            return speaker
        record = ctx.speaker_of(tok)
        return record_actor(ctx, record) if record is not None else None
    return _phrase_actor(ctx, tok)


def _expand_conj(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _coded(actor: EventActor | None) -> bool:
    return actor is not None and bool(actor.country)


def source_actors(
    ctx: Context, node: Node
) -> tuple[EventActor | None, list[EventActor], EventActor | None]:
    """(source, co-actors from a conjoined subject, speaker)."""
    top = node.tokens[0]
    speaker = _speaker(ctx, top)
    if node.obligation:
        return speaker, [], speaker
    trigger = node.trigger
    subj = predicate_subject(top)
    if subj is None and trigger.pos_ in NOMINAL:
        owner = _noun_owner(ctx, trigger)
        if owner is not None:
            return owner, [], speaker
    if subj is None and node.code[:3] == "087":
        # "guerrillas have been demobilized": who retreats is the passive subject.
        subj = passive_subject(clause_head(top))
    if subj is None:
        if node.frame in {"threat", "intent"} or node.code[:2] in {"01"}:
            return speaker, [], speaker
        return None, [], speaker
    return _subject_source(ctx, node, subj, speaker)


def _subject_source(
    ctx: Context, node: Node, subj: Token, speaker: EventActor | None
) -> tuple[EventActor | None, list[EventActor], EventActor | None]:
    """The source named by the subject ``subj``, or the speaker who stands in for it."""
    conj = _expand_conj(subj)
    actors = [a for a in (_actor_of(ctx, t, speaker) for t in conj) if a is not None]
    source = actors[0] if actors else None
    committed = _committing_speaker(ctx, node, source, speaker)
    if committed is not None:
        return committed, actors[1:], committed
    if _speaker_stands_in(node, subj, source, speaker):
        return speaker, [], speaker
    if (
        source is None
        and subj.pos_ != "PRON"
        and subj.lemma_.lower() not in words("instrument_noun")
    ):
        node.inanimate = True  # "a fire killed three": no political actor did it
    return source, actors[1:], speaker


def _committing_speaker(
    ctx: Context, node: Node, source: EventActor | None, speaker: EventActor | None
) -> EventActor | None:
    """ "Trump warned that Washington may ...": the speaker commits his country (and takes its
    code when the index had none)."""
    top = node.tokens[0]
    reported = speaker is not None and speaker.actor_id and reporting_verb(top) is not None
    if not (
        reported and source is not None and node.modality in {"threatened", "intended", "requested"}
    ):
        return None
    assert speaker is not None and source is not None
    if not (speaker.country in {None, source.country} and source.country):
        return None
    key = speaker.actor_id
    if speaker.country is None and key is not None:
        speaker = replace(speaker, country=source.country)
        ctx.actor_cache[key] = speaker
    return speaker


def _speaker_stands_in(
    node: Node, subj: Token, source: EventActor | None, speaker: EventActor | None
) -> bool:
    """Whether a coded speaker replaces an uncoded source: for frames and statements, and for
    verbal acts by an unnamed subject inside reported speech."""
    if not _coded(source) and _coded(speaker) and (node.frame or node.code[:2] in {"01", "03"}):
        return True
    verbal = node.code[:2] in codes("verbal_root")
    named = source is not None and (
        source.actor_id or any(t.pos_ == "PROPN" for t in noun_phrase(subj))
    )
    return bool(
        not _coded(source)
        and _coded(speaker)
        and verbal
        and not named
        and reporting_verb(node.tokens[0]) is not None
    )


def _noun_owner(ctx: Context, noun: Token) -> EventActor | None:
    """Who carries out an event noun: "Russian airstrikes", "Israel's offensive", "on a visit"."""
    mods = [c for c in noun.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    if mods:
        text = noun.doc[min(m.left_edge.i for m in mods) : noun.i].text
        country, sector = phrase_actor_code(text)
        if country:
            # "Russian airstrikes": the source is Russia (or "the Russian military"), not the
            # event noun phrase.
            name = text if sector else (country_name(country) or text)
            return EventActor(name=name, country=country, sector=sector)
    if noun.dep_ == "pobj" and noun.head.lower_ == "on":
        host = noun.head.head
        if host.pos_ in NOMINAL | {"PRON"}:
            return _actor_of(ctx, host, None)
        subj = predicate_subject(host)
        if subj is not None:
            return _actor_of(ctx, subj, None)
    return None


def _countries_in(ctx: Context, tok: Token, speaker: EventActor | None) -> list[EventActor]:
    out: list[EventActor] = []
    pronouns = words("third_person") | words("first_person") | words("relative")
    for t in _expand_conj(tok):
        if t.pos_ == "PRON" and t.lower_ in pronouns:
            continue
        if is_agreement(t):
            # An act on an agreement is aimed at its parties: those it names, else those of the
            # last agreement named with its parties ("Greece called the border agreement void").
            parties = _deal_parties(ctx, t, speaker)
            if parties:
                ctx.deal_parties = parties
                ctx.deal_history.append((t.idx, parties))
            out += parties or ctx.deal_parties
            continue
        actor = _actor_of(ctx, t, speaker)
        if actor is not None and actor.country:
            out.append(actor)
        for child in t.children:
            if child.dep_ == "poss" and child.pos_ in NOMINAL:
                c, s = phrase_actor_code(child.text)
                if c:
                    out.append(EventActor(name=child.text, country=c, sector=s))
            if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
                for g in child.children:
                    if g.dep_ == "pobj":
                        out += _countries_in(ctx, g, speaker)
    return out


def _deal_parties(ctx: Context, deal: Token, speaker: EventActor | None) -> list[EventActor]:
    """The countries an agreement noun names: "between Turkey and Libya", "Turkey's deal"."""
    out: list[EventActor] = []
    for child in deal.children:
        if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
            for g in child.children:
                if g.dep_ == "pobj":
                    out += _countries_in(ctx, g, speaker)
        elif child.dep_ == "prep" and child.lower_ == "of":
            # "the memoranda of understanding between Turkey and Libya"
            for g in child.children:
                if g.dep_ == "pobj" and g.pos_ in NOMINAL:
                    out += _deal_parties(ctx, g, speaker)
        elif child.dep_ == "poss" and child.pos_ in NOMINAL:
            out += _countries_in(ctx, child, speaker)
    return out


def target_actors(ctx: Context, node: Node, speaker: EventActor | None) -> list[EventActor]:
    cands: list[Token] = []
    if node.comp_subject is not None:
        cands.append(node.comp_subject)
    for tok in node.tokens:
        preps = words("noun_target_prep") if tok.pos_ in NOMINAL else words("target_prep")
        for child in tok.children:
            if child.dep_ in EVENT_OBJECT_DEPS or (
                child.dep_ == "nsubjpass" and tok.pos_ in VERBAL
            ):
                cands.append(child)
            elif child.dep_ in {"prep", "prt"} and child.lower_ in preps:
                if is_aside_with(child):
                    continue
                cands += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "poss" and tok.pos_ in NOMINAL and tok is not node.trigger:
                cands.append(child)
    out: list[EventActor] = []
    for cand in cands:
        if cand.ent_type_ in {"DATE", "TIME"}:
            continue
        out += _countries_in(ctx, cand, speaker)
    return out


def is_aside_with(prep: Token) -> bool:
    """ "Lawmakers expressed support, with MP X stating ...": a "with" phrase set off by a comma
    adds a circumstance, not the party the act is aimed at ("met with X")."""
    return prep.lower_ == "with" and prep.i > 0 and prep.nbor(-1).text == ","


def other_party(
    ctx: Context, sent: Span, node: Node, source: EventActor | None, speaker: EventActor | None
) -> list[EventActor]:
    """A demand, accusation or rejection with no object is addressed to the sentence's other
    party: "Kyiv has insisted on guarantees, while Washington has refrained from ..."."""
    for tok in sent:
        if tok.dep_ not in ACTING_SUBJECT_DEPS or tok in node.tokens or tok.head in node.tokens:
            continue
        actor = _actor_of(ctx, tok, speaker)
        if (
            actor is not None
            and actor.country
            and (source is None or actor.country != source.country)
        ):
            return [actor]
    return []
