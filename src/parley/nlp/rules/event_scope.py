"""Where a trigger's action is only spoken of, not reported as done.

English marks an action that did not (yet) happen by where it sits: as the complement of a noun or
adjective ("an appeal for deploying troops", "hackers capable of launching attacks", "its
involvement in killing"), in the subjunctive of a demand ("its demand that Israel ease
restrictions"), in a purpose clause ("so that same-sex marriages are banned"), or coordinated with
the complement of a frame ("refused to let the planes land and evacuate the observers", "a
resolution that aims to tighten sanctions and impose a blockade"). These are pure functions of a
parsed token; the event rules call them on each candidate trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.deps import AUXILIARY_DEPS, NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.event_lexicon import match
from parley.nlp.rules.events.vocab import words

#: Dependencies that lead from an action up to the word that frames it.
_UP_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj"})


def referred_action(tok: Token) -> bool:
    """Whether the action of ``tok`` is named, not reported: a gerund complement of a noun or
    adjective, a mandative subjunctive, or a purpose clause with "so that"."""
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
        prep = tok.head
        owner = prep.head
        if prep.dep_ == "prep" and owner.pos_ in {"NOUN", "PROPN"}:
            return True  # "an appeal for deploying troops", "its involvement in killing"
        if prep.dep_ == "prep" and owner.lemma_.lower() in words("potential_adjective"):
            return True  # "hackers capable of launching attacks" ("guilty of violating": done)
    if _subjunctive(tok):
        return True
    return _purpose(tok)


def _subjunctive(tok: Token) -> bool:
    """ "(demanded) that Israel ease restrictions": a base-form verb with its own subject and no
    auxiliary in a that-clause is what is asked for, not what was done."""
    if tok.tag_ != "VB" or tok.dep_ not in {"ccomp", "acl"}:
        return False
    children = list(tok.children)
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
        return False
    if any(c.dep_ in AUXILIARY_DEPS for c in children):
        return False
    return any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in children)


def _purpose(tok: Token) -> bool:
    """ "... so that same-sex marriages are banned": the goal of another act."""
    node = tok
    for _ in range(3):
        if node.dep_ == "advcl":
            for c in node.children:
                if c.dep_ == "mark" and c.lower_ == "so":
                    nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
                    return nxt is not None and nxt.lower_ == "that"
            return False
        if node.dep_ != "conj":
            return False
        node = node.head
    return False


def enclosing_frame(tok: Token) -> str | None:
    """The frame kind ("refusal", "threat", "intent", ...) of the frame word whose complement
    holds ``tok`` through a coordination ("refused to allow the planes to land and evacuate
    the observers": evacuating is refused too), or ``None``. Only a trigger coordinated with a
    complement is looked at: a direct complement is folded into its frame by the event rules."""
    if tok.dep_ != "conj":
        return None
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    for _ in range(4):
        if cur.dep_ not in _UP_DEPS:
            return None
        head = cur.head
        if head.dep_ == "prep":
            head = head.head
        entry = match(head, ("F",))
        if entry is not None:
            if head.dep_ in {"relcl", "acl"}:
                return "negate"  # "a resolution that aims to X and Y": a document's aim, no act
            return entry.value
        cur = head
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
    return None


#: Verbs of sending someone on a mission: "sent experts to investigate" is an investigation.
_MISSION_VERBS = frozenset({"send", "dispatch", "despatch", "deploy"})


def mission_purpose(tok: Token, code: str) -> bool:
    """Whether ``tok`` is the purpose of sending people out that is itself the act: "France has
    sent seven military experts to investigate the attacks" (CAMEO 09, investigate)."""
    if code[:2] != "09" or tok.dep_ not in {"advcl", "acl", "xcomp", "relcl"}:
        return False
    head = tok.head
    if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"dobj", "obj"}:
        head = head.head  # "sent [a team] to investigate"
    return head.lemma_.lower() in _MISSION_VERBS
