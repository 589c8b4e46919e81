"""Reported speech without quotation marks: "Peskov said Russia remains open to dialogue".

A reporting verb outside any direct quotation whose clausal complement is a finite clause gives
an ``indirect`` quote: the clause is the content, the verb's subject the speaker. "According to
X, CLAUSE" gives the clause it governs. A clause that is mostly a direct quotation is left to the
quotation rules (it is the same speech, already extracted with its marks).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.speech import (
    REPORTING_VERBS,
    SpeakerResolver,
    cue_text,
    is_according_to,
    speaker_token,
)
from parley.types import Quote, SpeakerRef

CLAUSE_DEPS = frozenset({"ccomp"})
MIN_CONTENT_TOKENS = 3
CLOSING_MARKS = frozenset({"”", '"', "’", "'", "»"})


def _finite_clause(verb: Token) -> bool:
    """A clause with its own subject (or an auxiliary), not a bare infinitive or noun."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children
    )


def _content_span(doc: Doc, clause_tokens: list[Token]) -> Span | None:
    if not clause_tokens:
        return None
    start = min(t.i for t in clause_tokens)
    end = max(t.i for t in clause_tokens) + 1
    span = doc[start:end]
    while len(span) and (
        span[0].lower_ == "that" and span[0].dep_ == "mark" or span[0].is_punct or span[0].is_space
    ):
        span = span[1:]
    # Trailing commas and full stops go; a closing quotation mark stays with its opening one.
    while len(span) and (
        span[-1].is_space or (span[-1].is_punct and span[-1].text not in CLOSING_MARKS)
    ):
        span = span[:-1]
    return span if len(span) >= MIN_CONTENT_TOKENS else None


def _quoted_share(span: Span, direct: list[tuple[int, int]]) -> float:
    covered = sum(max(0, min(span.end_char, hi) - max(span.start_char, lo)) for lo, hi in direct)
    return covered / max(1, span.end_char - span.start_char)


def extract_reported_speech(doc: Doc, actors: ActorIndex, quotes: list[Quote]) -> list[Quote]:
    """Indirect quotations of ``doc`` with their speakers."""
    direct = [(q.start - 1, q.end + 1) for q in quotes if q.kind == "direct"]
    every_quote = [(q.start - 1, q.end + 1) for q in quotes]

    def in_quote(char: int) -> bool:
        return any(lo <= char < hi for lo, hi in every_quote)

    resolver = SpeakerResolver(doc, actors, quoted=in_quote)
    found: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for token in doc:
        if in_quote(token.idx):
            continue
        content: Span | None = None
        if token.pos_ == "VERB" and token.lemma_.lower() in REPORTING_VERBS:
            clauses = [c for c in token.children if c.dep_ in CLAUSE_DEPS and _finite_clause(c)]
            if not clauses:
                continue
            content = _content_span(doc, list(clauses[0].subtree))
        elif is_according_to(token):
            clause = token.head
            if clause.pos_ not in {"VERB", "AUX"} or clause.lemma_.lower() in REPORTING_VERBS:
                continue  # "X told the meeting that ..., according to a statement": X's words
            according = set(t.i for t in token.subtree)
            content = _content_span(doc, [t for t in clause.subtree if t.i not in according])
        if content is None or _quoted_share(content, direct) > 0.5:
            continue
        if _quoted_share(content, every_quote) > 0.9:  # the whole clause is a quotation
            continue
        key = (content.start_char, content.end_char)
        if key in seen:
            continue
        who = speaker_token(token, quoted=in_quote)
        if who is None:
            continue
        record, confidence = resolver.resolve(who)
        if record is None:
            continue
        seen.add(key)
        found.append(
            Quote(
                id="",
                text=content.text,
                start=content.start_char,
                end=content.end_char,
                kind="indirect",
                speaker=SpeakerRef(record.id, record.name),
                cue=cue_text(token),
                confidence=confidence * 0.9,
            )
        )
    return found
