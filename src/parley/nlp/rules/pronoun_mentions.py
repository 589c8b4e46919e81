"""The pronouns of the reporter's text that stand for an actor, as mentions of it: read once the
quotations are found, with the speaker rules' own pronoun resolution."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from parley.nlp.deps import AUXILIARY_DEPS, NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.tokens import doc_tokens
from parley.quotemarks import Intervals
from parley.types import Quote

#: Pronouns a reader resolves to one person: a subject ("he said"), an owner ("his remarks").
#: Plural ones are left out (resolving them may form a group of their own), and so is "it",
#: most often no one ("it was unclear").
_COREFERRING_PRONOUNS = frozenset({"he", "she", "his", "her"})
_COREFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


def pronoun_mentions(
    doc: Doc, actors: ActorIndex, quotes: Sequence[Quote]
) -> dict[str, set[tuple[int, int]]]:
    """The pronouns of the reporter's text that stand for an actor ("He said ...", "his
    remarks"), by actor id: mentions of it, resolved the way the speaker rules resolve a
    pronoun, so that an attribution can be checked against the actor's mentions wherever the
    text refers to the speaker, not only at the words nearest the cue the rules followed.
    Pronouns inside quotations (the speaker's own "he") are left out. Adds no actor."""
    quoted = Intervals([(q.start - 1, q.end + 1) for q in quotes if q.kind != "indirect"])

    def in_quote(char: int) -> bool:
        return char in quoted

    tokens = doc_tokens(doc)
    resolver: SpeakerResolver | None = None
    found: dict[str, set[tuple[int, int]]] = {}
    for i, lower in enumerate(tokens.lower):
        if lower == "who" and tokens.dep[i] in NOMINAL_SUBJECT_DEPS:
            # "Rask, who said ...": the noun the relative clause modifies.
            tok = tokens.tokens[i]
            clause = tok.head
            if clause.dep_ in AUXILIARY_DEPS:
                clause = clause.head  # "Murdoch, who is ... enjoying": the parser's "is"
            if clause.dep_ != "relcl" or in_quote(tok.idx):
                continue
            noun = clause.head
            record = actors.at(noun.idx, noun.idx + len(noun.text))
            if record is not None and record.kind == "person":
                found.setdefault(record.id, set()).add((tok.idx, tok.idx + len(tok.text)))
            continue
        if lower not in _COREFERRING_PRONOUNS or tokens.dep[i] not in _COREFERRING_DEPS:
            continue
        tok = tokens.tokens[i]
        if tok.pos_ != "PRON" or in_quote(tok.idx):
            continue
        if resolver is None:
            resolver = SpeakerResolver(doc, actors, quoted=in_quote)
        record = resolver.resolve_pronoun(tok)
        if record is not None:
            found.setdefault(record.id, set()).add((tok.idx, tok.idx + len(tok.text)))
    return found
