"""Modality of an event node: negation drops it; "will/may", conditions and obligations turn
actions into intents, threats or demands."""

from __future__ import annotations

from spacy.tokens import Token

from parley.cameo.codebook import as_appeal, as_demand, as_intent, as_refusal
from parley.nlp.deps import ACTING_SUBJECT_DEPS
from parley.nlp.rules.events.nodes import Node
from parley.nlp.rules.events.syntax import (
    aux_words,
    clause_head,
    has_condition,
    has_neg,
    reporting_verb,
)
from parley.nlp.rules.events.vocab import FRAME_MODALITY, codes, words


def apply_modality(node: Node) -> Node | None:
    """The node with its modality and modal code, or ``None`` when it is negated."""
    top = node.tokens[0]
    head = clause_head(top)
    carriers = [head]
    if head.dep_ == "xcomp" and head.head.lower_ in words("future_head"):
        carriers.append(head.head)
    if node.trigger is not top:
        carriers.append(clause_head(node.trigger))
    negative = any(has_neg(c) for c in carriers)
    if negative and node.frame != "halt":
        node.negated = True
    # "we have to put aside differences and stop attacking each other": a verb conjoined
    # under the same subject shares the first verb's auxiliaries and "have to".
    base = head
    if head.dep_ == "conj" and not any(c.dep_ in ACTING_SUBJECT_DEPS for c in head.children):
        base = head.head
        carriers.append(base)
    aux: set[str] = set()
    for c in carriers:
        aux |= aux_words(c)
    if node.negated or (negative and node.frame == "halt"):
        return _refusal(node, aux)  # "will not end the strike": a refused concession (1242)
    have_to = base.dep_ == "xcomp" and base.head.lemma_ in words("obligation_head")
    obligation = bool(aux & words("obligation_aux")) or have_to
    if obligation and reporting_verb(top) is not None:
        advice = not have_to and aux & words("obligation_aux") <= words("advice_aux")
        return _as_obligation(node, head, advice=advice)
    if node.frame in FRAME_MODALITY:
        node.modality = FRAME_MODALITY[node.frame]
        if node.frame == "intent" and node.code[:2] == "13":
            node.modality = "threatened"
        return node
    going = any(c.lower_ == "going" for c in carriers[1:])
    future = bool(aux & words("future_aux")) or going
    hypothetical = bool(aux & words("hypothetical_aux"))
    _mark_modality(node, future=future, hypothetical=hypothetical, conditional=has_condition(head))
    return node


def _refusal(node: Node, aux: set[str]) -> Node | None:
    """ "X will not lift the embargo", "the rebels will not release the soldiers": a promise
    withheld is a refusal (CAMEO 12); any other negated action is no event."""
    if node.frame not in {None, "halt"} or not aux & words("future_aux"):
        return None  # "will not end the strike": the halt of a protest is a concession (082)
    if node.code[:2] not in codes("yield_root"):
        return None
    node.code = as_refusal(node.code)
    node.frame = None
    node.negated = False
    node.modality = "asserted"
    return node


def _as_obligation(node: Node, head: Token, *, advice: bool) -> Node:
    """ "X said Y must do Z": X's demand on Y (10); "X said Y should do Z": X's appeal (02)."""
    root = node.code[:2]
    if root in codes("action_root") or root == "03":
        node.code = as_appeal(node.code) if advice else as_demand(node.code)
    node.obligation = True
    node.modality = "requested"
    node.comp_subject = next((c for c in head.children if c.dep_ in ACTING_SUBJECT_DEPS), None)
    return node


def _mark_modality(node: Node, *, future: bool, hypothetical: bool, conditional: bool) -> None:
    """Future, possible or conditional actions are intents or threats; other events keep
    their code and say whether they are future or hypothetical."""
    if node.code[:2] in codes("action_root") and (future or hypothetical or conditional):
        node.code = as_intent(node.code)
        node.modality = "threatened" if node.code[:2] == "13" else "intended"
        if hypothetical and node.code[:2] != "13":
            node.modality = "hypothetical"
        return
    if future:
        node.modality = "future"
    elif hypothetical:
        node.modality = "hypothetical"
