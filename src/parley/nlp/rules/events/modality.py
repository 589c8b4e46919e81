"""Modality of an event node: negation drops it; "will/may", conditions and obligations turn
actions into intents, threats or demands."""

from __future__ import annotations

from parley.cameo.codebook import as_demand, as_intent
from parley.nlp.rules.events.deps import SUBJECT_DEPS
from parley.nlp.rules.events.nodes import _Node
from parley.nlp.rules.events.syntax import (
    _aux_words,
    _clause_head,
    _has_condition,
    _has_neg,
    _reporting_verb,
)
from parley.nlp.rules.events.vocab import FRAME_MODALITY, codes, words


def _apply_modality(node: _Node) -> _Node | None:
    top = node.tokens[0]
    head = _clause_head(top)
    carriers = [head]
    if head.dep_ == "xcomp" and head.head.lower_ in words("future_head"):
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
    have_to = head.dep_ == "xcomp" and head.head.lemma_ in words("obligation_head")
    future = bool(aux & words("future_aux")) or going
    hypothetical = bool(aux & words("hypothetical_aux"))
    obligation = bool(aux & words("obligation_aux")) or have_to
    conditional = _has_condition(head)
    root = node.code[:2]
    if obligation and _reporting_verb(top) is not None:
        node.code = (
            as_demand(node.code) if root in codes("action_root") or root == "03" else node.code
        )
        node.obligation = True
        node.modality = "requested"
        node.comp_subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        return node
    if node.frame in FRAME_MODALITY:
        node.modality = FRAME_MODALITY[node.frame]
        if node.frame == "intent" and node.code[:2] == "13":
            node.modality = "threatened"
        return node
    if root in codes("action_root") and (future or hypothetical or conditional):
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
