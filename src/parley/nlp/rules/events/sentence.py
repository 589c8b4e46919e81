"""The events of one sentence: nodes found, filtered, modalised, given participants, a date
and places, and built into :class:`~parley.types.Event` drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from parley.cameo.codebook import lookup
from parley.nlp.rules.events.deps import NOMINAL, SUBJECT_DEPS, VERBAL
from parley.nlp.rules.events.modality import _apply_modality
from parley.nlp.rules.events.nodes import _Node, _node_at, _obligation_node
from parley.nlp.rules.events.participants import _Context, _other_party, _source, _targets
from parley.nlp.rules.events.syntax import _clause_head, _in_condition
from parley.nlp.rules.events.vocab import codes, words
from parley.types import DateMention, Event, EventActor, Place


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
            and node.trigger.lemma_ in words("casualty_verb")
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
        talk_words = {t.lemma_.lower() for n in node.tokens for t in n.subtree} & words("talk_noun")
        if (node.code[:2] == "04" or code in codes("talk_code")) and talk_words:
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


def _domestic(code: str) -> bool:
    """Codes for what a government does at home or a crowd does where it is."""
    return code[:2] in codes("domestic_root") or code[:3] in codes("domestic_code")


def _emittable(node: _Node) -> bool:
    """Event nouns only count when realised: by a frame or light verb, or owned by an actor."""
    trig = node.trigger
    if len(node.tokens) > 1 or trig.pos_ not in NOMINAL:
        return True
    if trig.dep_ in SUBJECT_DEPS:
        return True
    # "on a state visit to Lisbon"
    return trig.dep_ == "pobj" and trig.head.lower_ == "on" and trig.lemma_ in words("visit_noun")


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
        return first.head.lemma_.lower() in words("charging_verb")
    if first.dep_ != "pcomp" or first.head.dep_ != "prep" or first.head.lower_ not in {"of", "for"}:
        return False
    return first.head.head.lemma_.lower() in words("accusing_verb")


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
