"""Finding event nodes: a lexicon trigger, or a frame folded with the event of its complement
("threatened to cut aid" is one threat), or "X said Y must Z" (a demand)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from parley.cameo.codebook import as_appeal, as_demand, as_intent, as_refusal, as_threat
from parley.nlp.deps import ACTING_SUBJECT_DEPS, AUXILIARY_DEPS, EVENT_OBJECT_DEPS, NOMINAL, VERBAL
from parley.nlp.rules.event_lexicon import FRAMES, Entry, listed, match
from parley.nlp.rules.events.syntax import aux_words, clause_head, has_neg, reporting_verb
from parley.nlp.rules.events.vocab import FRAME_DEFAULTS, words


@dataclass
class Node:
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


def combine(kind: str, code: str) -> str | None:
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
    objects_count = kind in FRAMES - {"threat", "negate"}  # a threat's object is its target
    for child in tok.children:
        if kind == "light" and child.dep_ == "prep" and child.lower_ == "in":
            # "participating in a hunger strike", "engaged in talks"; a light verb with its own
            # object is set in the place: "announced the change in a rally" is no rally
            if not any(c.dep_ == "dobj" for c in tok.children):
                out += [g for g in child.children if g.dep_ == "pobj"]
            continue
        if kind == "light" and child.dep_ == "nsubjpass":
            if any(c.dep_ == "agent" for c in tok.children):
                out.append(child)  # "the war game was staged by US marines"
            continue
        if kind == "light" and child.dep_ not in EVENT_OBJECT_DEPS:
            continue
        if child.dep_ in {"xcomp", "ccomp"}:
            out.append(child)
        elif child.dep_ in {"prep", "prt", "advmod"}:
            out += [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        elif child.dep_ in EVENT_OBJECT_DEPS and objects_count:
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


def node_at(tok: Token, depth: int = 0) -> Node | None:
    """The event node whose trigger is ``tok``: a frame folded with its complement's event, a
    lexicon trigger, or a frame standing alone."""
    if depth > 4:
        return None
    if tok.dep_ in {"amod", "compound"} and tok.pos_ in VERBAL | {"ADJ"}:
        return None  # "the detained fishermen": a description, not an event
    kinds = _entry_kinds(tok)
    if kinds is None or not listed(tok):
        return None
    frame_kinds, code_kinds = kinds
    frame: Entry | None = match(tok, frame_kinds) if frame_kinds else None
    if frame is not None:
        framed = _framed_node(tok, frame, depth)
        if framed is not None:
            return framed
        if frame.value == "negate":
            return None
    entry = match(tok, code_kinds)
    if entry is not None and _alleged_as_adjective(tok):
        return None
    if entry is not None:
        code = entry.value
        if code[:2] in {"18", "19"} and _verbal_attack(tok):
            code = "111"
        return Node(code=code, trigger=tok, tokens=[tok])
    if frame is not None and frame.kind == "F" and frame.value in FRAME_DEFAULTS:
        return _default_frame_node(tok, frame)
    return None


def _entry_kinds(tok: Token) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(frame kinds, code kinds) of the lexicon entries a token of this part of speech takes."""
    if tok.pos_ in VERBAL and tok.dep_ not in AUXILIARY_DEPS:
        return ("F", "L"), ("V",)
    if tok.pos_ == "ADJ":
        return ("F",), ("A",)
    if tok.pos_ in NOMINAL:
        return (), ("N", "A")
    return None


def _framed_node(tok: Token, frame: Entry, depth: int) -> Node | None:
    """The frame ``tok`` folded with the first of its complements that is an event."""
    kind = frame.value
    negated_aspect = kind == "aspect" and has_neg(clause_head(tok))
    if negated_aspect:
        kind = "halt"
    for comp in _complements(tok, kind):
        inner = _complement_node(comp, depth)
        if inner is None:
            continue
        node = _folded(tok, comp, inner, kind)
        if node is None:
            continue
        if negated_aspect:
            node.negated = False
        return node
    return None


def _complement_node(comp: Token, depth: int) -> Node | None:
    """The event of a complement, or of the modifier that names it."""
    inner = node_at(comp, depth + 1)
    if inner is not None or comp.pos_ not in NOMINAL:
        return inner
    # "suspended aid deliveries", "undertook a mediation mission": the modifier names the event.
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
        inner = node_at(mod, depth + 1)
        if inner is not None:
            inner.tokens = [*inner.tokens, comp]
            break
    return inner


def _folded(tok: Token, comp: Token, inner: Node, kind: str) -> Node | None:
    """One node for the frame ``tok`` of ``kind`` over the event ``inner`` of ``comp``."""
    code = combine(kind, inner.code)
    if code is None:
        return None
    node = Node(
        code=code,
        trigger=tok if kind not in {"aspect"} else inner.trigger,
        tokens=[tok, *inner.tokens],
        frame=kind if kind not in {"aspect", "light"} else inner.frame,
        negated=inner.negated or kind == "negate",
    )
    if kind in {"demand", "appeal", "order"}:
        node.comp_subject = next((c for c in comp.children if c.dep_ in ACTING_SUBJECT_DEPS), None)
        if node.comp_subject is None:
            node.comp_subject = next((c for c in tok.children if c.dep_ in EVENT_OBJECT_DEPS), None)
    if kind == "light":
        lo, hi = sorted((tok, inner.trigger), key=lambda t: t.i)
        node.span = (lo.idx, hi.idx + len(hi.text))
    return node


def _default_frame_node(tok: Token, frame: Entry) -> Node | None:
    """A frame whose complement is no event: its default code ("demanded a change" is 100)."""
    if frame.words[-1] in words("no_default_frame"):
        return None  # "hoped a deal could be found": only a coded complement counts
    node = Node(code=FRAME_DEFAULTS[frame.value], trigger=tok, tokens=[tok], frame=frame.value)
    if frame.value in {"demand", "appeal"}:
        clause = next((c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}), None)
        if clause is not None:
            node.comp_subject = next(
                (c for c in clause.children if c.dep_ in ACTING_SUBJECT_DEPS), None
            )
        if node.comp_subject is None:
            node.comp_subject = next((c for c in tok.children if c.dep_ in EVENT_OBJECT_DEPS), None)
    return node


def _alleged_as_adjective(tok: Token) -> bool:
    """ "X has alleged ties to Y": "alleged" describes the ties (the parser reads a perfect
    "has alleged"); nobody accuses anyone."""
    if tok.lemma_.lower() != "allege" or not any(c.lemma_ == "have" for c in tok.children):
        return False
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in words("tie_noun")
        and any(p.dep_ == "prep" and p.lower_ in {"to", "with"} for p in c.children)
        for c in tok.children
    )


def _verbal_attack(tok: Token) -> bool:
    """ "Trump attacked Biden's remarks": an attack on a person or on words is criticism."""
    if tok.pos_ not in VERBAL or tok.lemma_.lower() not in words("criticism_verb"):
        return False
    for child in tok.children:
        if child.dep_ not in EVENT_OBJECT_DEPS:
            continue
        if child.lemma_.lower() in words("word_noun"):
            return True
        if child.ent_type_ == "PERSON":
            from parley.geo.places import geocode

            return geocode(child.text) is None  # the tagger calls some cities persons
    return False


def obligation_node(tok: Token) -> Node | None:
    """ "X said Y must Z": a demand even when Z is not in the lexicon ("should": an appeal)."""
    if tok.pos_ not in VERBAL or tok.dep_ in AUXILIARY_DEPS:
        return None
    have_to = tok.dep_ == "xcomp" and tok.head.lemma_ in words("obligation_head")
    aux = aux_words(tok) & words("obligation_aux")
    if not (aux or have_to):
        return None
    anchor = tok.head if have_to else tok
    if reporting_verb(anchor) is None:
        return None
    subj = next((c for c in anchor.children if c.dep_ in ACTING_SUBJECT_DEPS), None)
    if subj is None or subj.lower_ in words("first_person"):
        return None
    return Node(
        code="020" if aux and not have_to and aux <= words("advice_aux") else "100",
        trigger=tok,
        tokens=[tok],
        obligation=True,
        modality="requested",
        comp_subject=subj,
    )
