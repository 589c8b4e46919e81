"""Small syntax helpers of the event rules: clause heads, negation, subjects, noun phrases,
conditions and the verb of saying a clause reports; the country code of a phrase."""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley import lexicon
from parley.nlp.deps import (
    ACTING_SUBJECT_DEPS,
    CONTROL_DEPS,
    NOMINAL,
    NOMINAL_SUBJECT_DEPS,
    NP_LEFT_DEPS,
    REPORTED_CLIMB_DEPS,
)
from parley.nlp.rules.events.vocab import REPORTING, words
from parley.nlp.tree import auxiliaries, object_of


def phrase_actor_code(text: str) -> tuple[str | None, str | None]:
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


def has_neg(tok: Token) -> bool:
    """Negated: "did not", "never", or a subject that denies the doer ("nobody is conducting an
    inquiry", "no country has recognised it")."""
    return any(
        c.dep_ == "neg"
        or c.lower_ in {"never", "no longer"}
        or (c.dep_ in NOMINAL_SUBJECT_DEPS and _no_one(c))
        for c in tok.children
    )


def _no_one(subj: Token) -> bool:
    return subj.lower_ in {"nobody", "none", "noone"} or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subj.children
    )


def aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in auxiliaries(tok)}


def clause_head(tok: Token) -> Token:
    """For an adjective or noun predicate, the verb carrying auxiliaries and negation."""
    if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "attr", "oprd"}:
        return tok.head
    return tok


def in_condition(tok: Token) -> bool:
    """Whether ``tok`` lies in an if/unless clause (a condition, not an event)."""
    node = tok
    marks = words("condition_mark")
    for _ in range(8):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in marks for c in node.children
        ):
            return True
        if node.dep_ == "advcl" and _habitual_when(node):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _habitual_when(clause: Token) -> bool:
    """ "Those who remain silent when the mosque is attacked ...": a "when" clause in the
    present tense states what happens whenever, not an act of the news."""
    if not any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in {"when", "whenever"} for c in clause.children
    ):
        return False
    tags = {clause.tag_} | {c.tag_ for c in auxiliaries(clause)}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"}


def has_condition(tok: Token) -> bool:
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in tok.children
    )


def reporting_verb(tok: Token) -> Token | None:
    """The verb of saying whose content clause holds ``tok`` ("X said [that] ... tok")."""
    node = clause_head(tok)
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in REPORTING:
            return node.head
        if node.dep_ not in REPORTED_CLIMB_DEPS:
            return None
        node = node.head
    return None


def predicate_subject(tok: Token) -> Token | None:
    """The subject of a predicate, climbing through control, conjunction and participles."""
    node = clause_head(tok)
    stative = words("stative_passive")
    for _ in range(5):
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = object_of(agent)
            if pobj is not None:
                return pobj
        for child in node.children:
            if child.dep_ in ACTING_SUBJECT_DEPS:
                if child.dep_ == "nsubjpass" and node.lemma_.lower() not in stative:
                    return None  # a passive without agent: the doer is unknown
                return child
        if node.dep_ in {"relcl", "acl"} and node.head.pos_ in NOMINAL | {"PRON"}:
            return node.head
        if node.dep_ not in CONTROL_DEPS or node.head.i == node.i:
            return None
        node = node.head
        if node.dep_ == "prep" and node.head.i != node.i:  # "resorted to throwing"
            node = node.head
        node = clause_head(node)  # "was forceful in blaming"
    return None


def phrase_evidence(tok: Token, span: Span) -> tuple[str | None, str | None]:
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
        country, sec = phrase_actor_code(without_topic(text))
        sector = sector or sec
        if country:
            return country, sector
    return None, sector


def is_agreement(tok: Token) -> bool:
    """Whether ``tok`` names an agreement ("deal", "treaty"; Latin plurals too: "memoranda")."""
    deals = lexicon.where("negotiation_words", "role", "agreement_noun")
    return bool(deals & {tok.lemma_.lower(), tok.lower_, tok.lower_[:-1] + "um"})


def without_topic(text: str) -> str:
    """A title without what its office is about: "chair of the committee on EU integration"
    is no officer of the EU."""
    for cut in (" on ", " for ", " to ", " with "):
        text = text.split(cut)[0]
    return text


def noun_phrase(tok: Token) -> Span:
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in NP_LEFT_DEPS:
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
