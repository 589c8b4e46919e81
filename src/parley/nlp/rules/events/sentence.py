"""The events of one sentence: nodes found, filtered, modalised, given participants, a date
and places, and built into :class:`~parley.types.Event` drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from parley.cameo.codebook import lookup
from parley.geo.countries import country_name
from parley.nlp.deps import (
    ACTING_SUBJECT_DEPS,
    AGENT_ENTS,
    AUXILIARY_DEPS,
    EVENT_OBJECT_DEPS,
    NOMINAL,
    NOMINAL_SUBJECT_DEPS,
    VERBAL,
)
from parley.nlp.rules.event_lexicon import match
from parley.nlp.rules.event_scope import enclosing_frame, mission_purpose, referred_action
from parley.nlp.rules.events.modality import apply_modality
from parley.nlp.rules.events.nodes import Node, combine, node_at, obligation_node
from parley.nlp.rules.events.participants import (
    Context,
    is_aside_with,
    other_party,
    record_actor,
    source_actors,
    target_actors,
)
from parley.nlp.rules.events.syntax import (
    clause_head,
    in_condition,
    is_agreement,
    predicate_subject,
)
from parley.nlp.rules.events.vocab import codes, words
from parley.nlp.tokens import doc_tokens, has_infinitive_to
from parley.nlp.tree import is_passive, is_reduced_passive
from parley.types import DateMention, Event, EventActor, Place

#: Parts of speech a node can start at (``node_at``, ``obligation_node``): a verb that is no
#: auxiliary, an adjective, a noun.
_TRIGGER_POS = VERBAL | NOMINAL | {"ADJ"}


def sentence_events(
    ctx: Context,
    sent: Span,
    dates: Sequence[DateMention],
    published: date | None,
    places: tuple[Place, ...],
    offset: int,
) -> list[tuple[Event, EventActor | None]]:
    """The events of one sentence, each with the speaker who reported it (``None`` if none)."""
    nodes, consumed = _find_nodes(sent)
    out: list[tuple[Event, EventActor | None]] = []
    for candidate in nodes:
        node = _kept_node(candidate, nodes, consumed)
        if node is None:
            continue
        when = date_for(sent, node.trigger, dates, published)
        if _background(when, published) and _dates_clause(sent, node, dates, when[0]):
            continue
        if _told_as_before(node):
            continue
        for source, targets, speaker in _dyads(ctx, sent, node, places):
            if _retold_agreement(ctx, sent, node, source, targets):
                continue
            sent_places = places_in(sent, places)
            if node.code[:2] >= "14":
                sent_places = sent_places + _object_places(node, sent_places)
                if not targets:
                    targets = _place_target(sent_places, source)
            if not targets:
                if _endorses_no_one(node):
                    continue
                targets = named_party(ctx, sent, source, speaker)
            event_id = f"e{offset + len(out) + 1}"
            event = _build_event(ctx, sent, node, event_id, (source, targets), sent_places, when)
            out.append((event, speaker))
    return out


def _dyads(
    ctx: Context, sent: Span, node: Node, places: tuple[Place, ...]
) -> list[tuple[EventActor | None, list[EventActor], EventActor | None]]:
    """(source, targets, speaker) of each act a node reports: "Saudi Arabia and the United
    States alleged Iranian involvement" is two accusations, one by each; a joint act with no
    other party ("the US and Ukraine signed a memorandum") is one, between the two."""
    parties = _participants(ctx, sent, node, places)
    if parties is None:
        return []
    source, targets, speaker, co_actors = parties
    if not co_actors:
        return [(source, targets, speaker)]
    if not targets and node.code[:2] in codes("joint_root"):
        return [(source, co_actors, speaker)]
    return [(source, targets, speaker)] + [
        (co, [t for t in targets if not _same_party(co, t)], speaker) for co in co_actors
    ]


def _find_nodes(sent: Span) -> tuple[list[Node], set[int]]:
    """Event nodes in text order, and the tokens folded into another node."""
    nodes: list[Node] = []
    consumed: set[int] = set()
    tokens = doc_tokens(sent.doc)
    pos, dep = tokens.pos, tokens.dep
    for i in range(sent.start, sent.end):
        if i in consumed or pos[i] not in _TRIGGER_POS:
            continue
        if pos[i] in VERBAL and dep[i] in AUXILIARY_DEPS:
            continue
        tok = tokens.tokens[i]
        node = node_at(tok) or obligation_node(tok)
        if node is None:
            continue
        nodes.append(node)
        consumed.update(t.i for t in node.tokens[1:])
    return nodes, consumed


def _kept_node(node: Node, nodes: list[Node], consumed: set[int]) -> Node | None:
    """The node with its modality, or ``None`` when it reports no event of its own."""
    if not _stands_alone(node, consumed) or not _in_frame_scope(node):
        return None
    modal = apply_modality(node)
    if modal is None:
        return None
    if _part_of_other(modal, nodes):
        return None
    return modal


def _stands_alone(node: Node, consumed: set[int]) -> bool:
    """Not folded into another node, realised, not a condition, background or purpose."""
    first = node.tokens[0]
    if first.i in consumed and len(node.tokens) == 1:
        return False
    if any(t.i in consumed for t in node.tokens[:1]) and first is not node.trigger:
        return False
    if not _emittable(node) or in_condition(first) or referred_action(first):
        return False
    if is_reduced_passive(first) and not any(c.dep_ == "agent" for c in first.children):
        return False  # "the curfew imposed after the coup": background, not this report's event
    if first.dep_ == "acl" and first.tag_ == "VBG" and first.head.dep_ in ACTING_SUBJECT_DEPS:
        return False  # "the coalition fighting the rebels declared ...": who the actor is
    if is_reduced_passive(first) and first.head.dep_ == "nsubj":
        # "forces backed by Russian warplanes continued their attacks": who the actor is (not
        # "money donated by the Irish is ...", where nothing else happens)
        return first.head.head.pos_ != "VERB"
    # "efforts to fight terrorism", "met to discuss": a purpose, not an event
    return not (
        first.dep_ in {"acl", "advcl"}
        and has_infinitive_to(first)
        and not mission_purpose(first, node.code)  # "sent experts to investigate": it is
    )


def _in_frame_scope(node: Node) -> bool:
    """A trigger coordinated with a frame's complement takes that frame ("threatened to cut aid
    and impose sanctions": both are threats); one under a refusal or "fail" is no event."""
    kind = enclosing_frame(node.tokens[0])
    if kind is None or kind in {"aspect", "light"}:
        return True
    code = None if kind in {"refusal", "negate"} else combine(kind, node.code)
    if code is None:
        return False
    node.code = code
    node.frame = kind
    return True


def _part_of_other(node: Node, nodes: list[Node]) -> bool:
    """A killing, goal or allegation that belongs to another node of the sentence."""
    if (
        node.trigger.pos_ in VERBAL
        and node.trigger.lemma_ in words("casualty_verb")
        and _casualty_of_other(node, nodes)
    ):
        return True
    return (
        _goal_of_other(node, nodes)
        or _content_of_accusation(node)
        or _describes_object(node, nodes)
    )


def _describes_object(node: Node, nodes: list[Node]) -> bool:
    """ "denounced the memoranda in which Turkey and Libya agreed on borders": a relative clause
    on the agreement another act is aimed at gives the agreement's terms, not news of its own."""
    first = clause_head(node.tokens[0])
    if first.dep_ != "relcl" or not _agreement_phrase(first.head):
        return False
    others = {t.i for n in nodes if n is not node for t in n.tokens}
    tok = first.head
    for _ in range(4):
        if tok.dep_ not in {"dobj", "pobj", "prep", "attr"} or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in others:
            return True
    return False


def _participants(
    ctx: Context, sent: Span, node: Node, places: tuple[Place, ...]
) -> tuple[EventActor | None, list[EventActor], EventActor | None, list[EventActor]] | None:
    """(source, targets, speaker, co-actors) of a node, or ``None`` when no political actor
    did it."""
    source, co_actors, speaker = source_actors(ctx, node)
    source = _home_actor(ctx, sent, places, node.code, source)
    co_actors = [a for a in (_home_actor(ctx, sent, places, node.code, c) for c in co_actors) if a]
    co_actors = _unique([c for c in co_actors if not _same_party(source, c)])
    if node.inanimate or not _credible_source(node, source):
        return None
    if source is not None and source.sector == "MED" and node.code[:2] not in codes("verbal_root"):
        return None  # "reported by The Guardian as convicted": the outlet reports the act
    if source is None and node.code[:2] in codes("unagented_root"):
        source = _place_actor(ctx, sent, places)
    targets = target_actors(ctx, node, speaker)
    targets = _unique([t for t in targets if not _same_party(source, t)])
    targets = _talk_targets(ctx, node, source, targets)
    source = _ethnic_home(sent, places, source)
    source, targets = _domestic_home(sent, places, node.code, source, targets)
    if not targets and node.code[:2] in {"10", "11", "12"}:
        targets = other_party(ctx, sent, node, source, speaker)
    return source, targets, speaker, co_actors


def _home_actor(
    ctx: Context,
    sent: Span,
    places: tuple[Place, ...],
    code: str,
    actor: EventActor | None,
) -> EventActor | None:
    """An actor the article names without a country ("protesting legislators", "a police
    spokesman") is of the country the article is about; an arrest, ban or removal whose agent
    is not named ("an individual has been arrested") is the state's where it happened."""
    home = ctx.actors.main_country
    if actor is None:
        if code[:2] != "17" and code[:3] not in codes("domestic_code"):
            return None
        home = next((p.country for p in places_in(sent, places) if p.country), home)
        return EventActor(name=country_name(home) or home, country=home) if home else None
    if actor.country or not home:
        return actor
    if not actor.actor_id and actor.sector not in codes("home_sector"):
        return actor
    return replace(actor, country=home)


def _place_actor(ctx: Context, sent: Span, places: tuple[Place, ...]) -> EventActor | None:
    """The doer of an attack or protest the text does not name ("the mayor was stabbed",
    "interrupted by protesting legislators"), coded as of the country where it happened (its
    sentence's first place, else the article's main country), as ICEWS codes "unidentified
    gunmen (country)": named "unidentified (Poland)", with no actor id."""
    home = next((p.country for p in places_in(sent, places) if p.country), None)
    home = home or ctx.actors.main_country
    if not home:
        return None
    return EventActor(name=f"unidentified ({country_name(home) or home})", country=home)


def named_party(
    ctx: Context, sent: Span, source: EventActor | None, speaker: EventActor | None
) -> list[EventActor]:
    """An act with no grammatical target is aimed at the other actor its sentence names
    ("Pelosi announced an inquiry into the conduct of President Trump")."""
    taken = {a.actor_id for a in (source, speaker) if a is not None and a.actor_id}
    lo, hi = sent.start_char, sent.end_char
    own = [
        (start, end)
        for record in ctx.actors.records
        if record.id in taken
        for start, end in record.mentions
        if lo <= start < hi
    ]
    for record in ctx.actors.records:
        if record.id in taken or record.kind == "country":
            continue
        if record.sector in codes("bystander_sector") or (
            record.kind == "organization" and not record.sector
        ):
            continue  # the outlet that reported it, a venue, a brand: not a party
        if any(
            lo <= start < hi
            and not _in_aside(sent, start)
            and not _describes(sent, start, own)
            and not _agent_of_noun(sent, start)
            for start, _ in record.mentions
        ):
            actor = record_actor(ctx, record)
            if actor.country and not _same_party(source, actor):
                return [actor]
    return []


def _describes(sent: Span, start: int, own: list[tuple[int, int]]) -> bool:
    """Whether the mention at ``start`` is part of the phrase that names the source or speaker
    ("Chancellor Merkel's spokesperson, Steffen Seibert, said"): it tells who they are."""
    span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ not in NOMINAL_SUBJECT_DEPS and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in NOMINAL_SUBJECT_DEPS:
        return False
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return any(lo <= a < hi and not a <= start < b for a, b in own)


def _agent_of_noun(sent: Span, start: int) -> bool:
    """ "stressed the need for approval by UNESCO": who would act on a thing the act is about,
    not the party the act is aimed at."""
    span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in {"compound", "amod", "det"}:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.pos_ in NOMINAL


def _in_aside(sent: Span, start: int) -> bool:
    """Whether the mention at ``start`` lies in a ", with X saying ..." aside."""
    span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and any(
        a.dep_ == "prep" and is_aside_with(a) for a in span.root.ancestors
    )


def _same_party(source: EventActor | None, target: EventActor) -> bool:
    """Whether a target is the source itself: the same actor, or its country named as a whole
    (a domestic target, "Pelosi ... Trump", is another actor of the same country)."""
    if source is None:
        return False
    if source.actor_id and target.actor_id:
        return source.actor_id == target.actor_id
    if source.name == target.name:
        return True
    return target.country == source.country and not target.actor_id


def _credible_source(node: Node, source: EventActor | None) -> bool:
    """Whether the node may stand with this source (or with none)."""
    if node.code[:2] == "04" and _sitting(node):
        return False
    if source is None and len(node.tokens) == 1 and node.trigger.pos_ in NOMINAL:
        return False  # an event noun nobody is said to carry out ("the attack was claimed")
    if source is None and node.code[:2] < "09":
        # "Hundreds of prisoners have been released": a concession reported in the passive.
        return node.code[:2] in codes("yield_root") and is_passive(clause_head(node.tokens[0]))
    if source is None or source.country or source.actor_id or node.code[:2] >= "14":
        return True
    # An uncoded source stands when it is a named body or person ("ICE returned ...") or, for a
    # plain act (not a hope or intent), a body of the state ("the authorities"); not a common
    # noun phrase ("the fund").
    subj = predicate_subject(node.tokens[0])
    named = subj is not None and (
        subj.ent_type_ in AGENT_ENTS
        or subj.pos_ == "PROPN"
        or (subj.text.isupper() and len(subj.text) > 1)  # "ICE", "FARC"
    )
    return named or (source.sector is not None and node.frame is None)


def _sitting(node: Node) -> bool:
    """ "The Senate was to meet Monday", "the cabinet met Sunday": a body sitting on its own is
    no consultation (CAMEO 04 needs another party)."""
    trig = node.trigger
    if len(node.tokens) > 1 or trig.pos_ not in VERBAL:
        return False
    for child in trig.children:
        if child.dep_ in EVENT_OBJECT_DEPS:
            return False
        if child.dep_ == "prep" and child.lower_ in words("party_prep"):
            return False
    subj = predicate_subject(trig)
    return subj is not None and not subj.conjuncts and subj.lemma_.lower() in words("sitting_body")


def _talk_targets(
    ctx: Context, node: Node, source: EventActor | None, targets: list[EventActor]
) -> list[EventActor]:
    """Talks remember their parties: a later talk event without targets takes them."""
    code = node.code
    talk_words = {t.lemma_.lower() for n in node.tokens for t in n.subtree} & words("talk_noun")
    if (code[:2] == "04" or code in codes("talk_code")) and talk_words:
        if targets:
            ctx.talk_parties = targets
        else:
            targets = [t for t in ctx.talk_parties if not source or t.country != source.country]
    return targets


def _ethnic_home(
    sent: Span, places: tuple[Place, ...], source: EventActor | None
) -> EventActor | None:
    """CAMEO codes an ethnic group by the state it lives in ("ethnic Albanians in Serbia")."""
    if source is not None and " ethnic " in f" {source.name.lower()} ":
        home = next((p.country for p in places_in(sent, places) if p.country), None)
        if home is not None:
            source = replace(source, country=home)
    return source


def _domestic_home(
    sent: Span,
    places: tuple[Place, ...],
    code: str,
    source: EventActor | None,
    targets: list[EventActor],
) -> tuple[EventActor | None, list[EventActor]]:
    """ "President X imposed a curfew in Abidjan": domestic measures are taken at home."""
    if source is None or source.country or not _domestic(code):
        return source, targets
    home = next((p.country for p in places_in(sent, places) if p.country), None)
    if home is None and code[:2] != "14":
        home = next(
            (t.country for t in targets if t.country and t.country[:3] not in {"IGO", "NGO"}),
            None,
        )
    if home is not None and (code[:2] == "14" or source.sector in {None, "GOV", "MIL", "COP"}):
        source = replace(source, country=home)
        targets = [t for t in targets if t.country != home]
    return source, targets


def _retold_agreement(
    ctx: Context, sent: Span, node: Node, source: EventActor | None, targets: list[EventActor]
) -> bool:
    """ "In the November 27 deal, Turkey and Libya agreed on a line ...": an agreement the story
    has already named with its parties, told again, gives the terms of what others act on, not
    a new agreement."""
    if node.code[:2] not in {"03", "05", "06"} or source is None or not source.country:
        return False
    parties = {source.country} | {t.country for t in targets if t.country}
    if not any(is_agreement(t) for t in sent):
        return False
    return any(
        at < sent.start_char and parties <= {p.country for p in named}
        for at, named in ctx.deal_history
    )


def _endorses_no_one(node: Node) -> bool:
    """ "Lawmakers have expressed cautious support": praise or support (CAMEO 05) for nothing
    the sentence names is a mood, not an endorsement of a party; it needs its object ("support
    for the deal", "praised the court")."""
    if node.code[:2] != "05":
        return False
    # "expressed support": the event noun a light verb realises
    noun = next((t for t in node.tokens if t.pos_ in NOMINAL), None)
    return noun is not None and not any(
        c.dep_ in {"prep", "poss", "acl", "compound", "nmod"} for c in noun.children
    )


def _agreement_phrase(noun: Token) -> bool:
    """Whether ``noun`` names an agreement ("the memoranda of understanding", "the deal")."""
    return any(
        is_agreement(t)
        for t in (noun, *(c for c in noun.children if c.dep_ == "prep" for c in c.children))
    )


def _place_target(sent_places: tuple[Place, ...], source: EventActor | None) -> list[EventActor]:
    """The country of the first place of an action with no target, other than the source's."""
    return _unique(
        [
            EventActor(name=p.name, country=p.country)
            for p in sent_places
            if p.country and (not source or p.country != source.country)
        ]
    )[:1]


def _build_event(
    ctx: Context,
    sent: Span,
    node: Node,
    event_id: str,
    parties: tuple[EventActor | None, list[EventActor]],
    sent_places: tuple[Place, ...],
    when: tuple[str | None, str | None],
) -> Event:
    """The event of a node, with its (source, targets), places and (date, date source)."""
    source, targets = parties
    entry = lookup(node.code)
    start, end = node.span or (node.trigger.idx, node.trigger.idx + len(node.trigger.text))
    quote_id = next(
        (q.id for q in ctx.quotes if q.kind != "indirect" and q.start <= start < q.end), None
    )
    return Event(
        id=event_id,
        **entry.event_fields(),
        source=source,
        targets=tuple(targets),
        trigger=(start, end),
        sentence=(sent.start_char, sent.end_char),
        date=when[0],
        date_source=when[1],
        places=sent_places,
        negated=False,
        modality=node.modality,
        quote_id=quote_id,
    )


def date_for(
    sent: Span, trigger: Token, dates: Sequence[DateMention], published: date | None
) -> tuple[str | None, str | None]:
    own = [d for d in dates if d.value and sent.start_char <= d.start < sent.end_char]
    if own:
        best = min(own, key=lambda d: abs(d.start - trigger.idx))
        return best.value, "text"
    if published is not None:
        return published.isoformat(), "published"
    return None, None


def _background(when: tuple[str | None, str | None], published: date | None) -> bool:
    """An act the sentence dates to a year before the publication's, or to a month more than
    half a year before it ("launched a full-scale invasion ... in 2022"), is backdrop, not news."""
    value, source = when
    if source != "text" or not value or published is None:
        return False
    try:
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 else 0
    except ValueError:
        return False
    if not month:  # "in 2022", "last year": a year before the publication's
        return year < published.year
    return (published.year - year) * 12 + published.month - month > 6


def _dates_clause(sent: Span, node: Node, dates: Sequence[DateMention], value: str | None) -> bool:
    """Whether the date expression of ``value`` belongs to the node's own clause ("launched an
    invasion in 2022"), or to one that holds it, not to a clause inside it ("suspected of
    blowing up a plane in 1988")."""
    for d in dates:
        if d.value != value or not sent.start_char <= d.start < sent.end_char:
            continue
        span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        for _ in range(8):
            if tok.pos_ in VERBAL or tok.head.i == tok.i:
                break
            tok = tok.head
        # The date's clause is the node's own or one that holds it ("lost it in 1972 upon her
        # marriage to a man she met ..."): the act belongs to that time.
        if tok.i in _holding_clauses(node):
            # "since 2013, X has accused ...": a state that lasts until now
            return not any(t.lower_ == "since" for t in sent.doc[max(span.start - 1, 0) : span.end])
    return False


def _holding_clauses(node: Node) -> set[int]:
    """The node's tokens, its clause head and every head above it."""
    verb = clause_head(node.tokens[0])
    return {t.i for t in node.tokens} | {verb.i} | {a.i for a in verb.ancestors}


def _told_as_before(node: Node) -> bool:
    """ "Previously, the hijab was banned": an adverb that puts the act (or a clause holding it)
    before the news."""
    adverbs = words("backdrop_adverb")
    doc = node.trigger.doc
    clauses = [doc[i] for i in _holding_clauses(node)]
    return any(
        c.dep_ == "advmod" and c.lower_ in adverbs for t in clauses for c in t.children
    ) or any(_over_years(c) for t in clauses for c in t.children)


def _over_years(prep: Token) -> bool:
    """ "have negotiated the deal over the last four years": a process of years is backdrop."""
    if prep.dep_ != "prep" or prep.lower_ not in {"over", "for", "during", "throughout"}:
        return False
    return any(
        g.dep_ == "pobj"
        and g.lemma_.lower() in {"year", "decade"}
        and any(m.lower_ in {"last", "past"} or m.dep_ == "nummod" for m in g.children)
        for g in prep.children
    )


def sentence_time(
    sent: Span,
    dates: Sequence[DateMention],
    published: date | None,
    quoted: Sequence[tuple[int, int]],
) -> str | None:
    """When a sentence's narration stands: ``"news"`` when it names a date of the news,
    ``"backdrop"`` when its main clause is dated long before ("Mugabe was arrested in 1963"),
    ``"past"`` when it names only such older dates, in a clause of its own; ``None`` when it
    names no date (outside quotations, whose dates are the speaker's)."""
    own = [
        d
        for d in dates
        if d.value
        and sent.start_char <= d.start < sent.end_char
        and not any(a <= d.start < b for a, b in quoted)
    ]
    if not own:
        return None
    if any(not _background((d.value, "text"), published) for d in own):
        return "news"
    for d in own:
        span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and _in_main_clause(span.root):
            return "backdrop"
    return "past"


def _in_main_clause(tok: Token) -> bool:
    """Whether ``tok`` hangs on the sentence's main clause: its root, or a clause joined to it
    ("... but was arrested in 1963", "when he assumed the presidency in 1987, ...")."""
    for _ in range(12):
        if tok.head.i == tok.i:
            return True
        if tok.pos_ in VERBAL and tok.dep_ not in {"conj", "advcl"}:
            return False
        tok = tok.head
    return False


def _object_places(node: Node, known: tuple[Place, ...]) -> tuple[Place, ...]:
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


def places_in(sent: Span, places: Sequence[Place]) -> tuple[Place, ...]:
    return tuple(p for p in places if sent.start_char <= p.start < sent.end_char)


def _domestic(code: str) -> bool:
    """Codes for what a government does at home or a crowd does where it is."""
    return code[:2] in codes("domestic_root") or code[:3] in codes("domestic_code")


def _emittable(node: Node) -> bool:
    """Event nouns only count when realised: by a frame or light verb, or owned by an actor."""
    trig = node.trigger
    if len(node.tokens) > 1 or trig.pos_ not in NOMINAL:
        return True
    if trig.dep_ == "nsubjpass":
        return False  # "sanctions were lifted": what the verb acts on, not an act of its own
    if trig.dep_ in ACTING_SUBJECT_DEPS:
        return True
    # "on a state visit to Lisbon"
    return trig.dep_ == "pobj" and trig.head.lower_ == "on" and trig.lemma_ in words("visit_noun")


def _goal_of_other(node: Node, nodes: list[Node]) -> bool:
    """ "demonstrated, calling for independence": the call is the protest's goal, not a second
    event."""
    if node.code[:2] not in {"02", "10"}:
        return False
    protests = {
        t.i for n in nodes if n is not node and n.code[:2] in {"14", "18", "19"} for t in n.tokens
    }
    # "rallied, saying he must resign", "rioted, joining demonstrators in demanding X": the
    # demand is said by the protest, through a participle of it
    cur = node.tokens[0]
    for _ in range(4):
        if cur.tag_ == "VBG" and cur.dep_ == "acl":
            # "a demonstration calling for the removal of X", "rallies demanding X"
            entry = match(cur.head, ("N",))
            return entry is not None and entry.value[:2] == "14"
        if cur.tag_ == "VBG" and cur.dep_ in {"advcl", "xcomp", "conj"}:
            return cur.head.i in protests
        if cur.dep_ not in {"ccomp", "pcomp", "prep"} or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _content_of_accusation(node: Node) -> bool:
    """ "accused the rebels of violating the ceasefire": what is alleged is not reported as done."""
    first = clause_head(node.tokens[0])
    if first.dep_ == "ccomp":  # "Iraq charged that Iran had shelled its towns"
        return first.head.lemma_.lower() in words("charging_verb")
    if first.dep_ != "pcomp" or first.head.dep_ != "prep" or first.head.lower_ not in {"of", "for"}:
        return False
    return first.head.head.lemma_.lower() in words("accusing_verb")


def _casualty_of_other(node: Node, nodes: list[Node]) -> bool:
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
