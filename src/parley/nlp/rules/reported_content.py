"""The content of a reported clause and the stance word lists that decide what a verb of
stance reports (used by :mod:`parley.nlp.rules.reported`).

A content span is trimmed of its "that", its leading and trailing punctuation, and keeps the
closing mark of a quotation it opened; the stance lists are fetched once per article.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import PREPOSITION_OBJECT_DEPS
from parley.nlp.tree import first_child

MIN_CONTENT_TOKENS = 3
CLOSING_MARKS = frozenset({"”", '"', "’", "'", "»"})
BRACKETS = {")": "(", "]": "["}
#: Verbs of thought, intent and stance (stance_verbs.tsv): "believes the bill will pass",
#: "declined to endorse him", "the union endorsed the governor".
STANCE_CLAUSE_VERBS = lexicon.where_set("stance_verbs", "clause")
STANCE_INTENT_VERBS = lexicon.where_set("stance_verbs", "intent")
STANCE_OBJECT_VERBS = lexicon.where_set("stance_verbs", "object")
#: "spoke about the border", "voted against the bill": "verb preposition" pairs whose object is
#: what the stance is about (stance_verb_preps.tsv).
STANCE_VERB_PREPS = lexicon.derived_set(
    "stance verb prepositions",
    lambda: (f"{verb} {prep}" for verb, prep in lexicon.table("stance_verb_preps")),
)
#: "the senator's support for the bill", "his decision to withdraw": nouns of stance whose owner
#: holds what follows them (stance_nouns.txt).
STANCE_NOUNS = lexicon.word_set("stance_nouns")
#: "is confident that the bill will pass": adjectives whose clause is what their subject holds.
STANCE_ADJECTIVES = lexicon.word_set("stance_adjectives")


def content_span(
    doc: Doc, clause_tokens: list[Token], min_tokens: int = MIN_CONTENT_TOKENS
) -> Span | None:
    """The words of ``clause_tokens`` as one span, without a leading "that" and the
    punctuation around it; none when fewer than ``min_tokens`` words are left."""
    if not clause_tokens:
        return None
    start = min(t.i for t in clause_tokens)
    end = max(t.i for t in clause_tokens) + 1
    span = doc[start:end]
    while len(span) and (
        span[0].lower_ == "that" and span[0].dep_ == "mark" or span[0].is_punct or span[0].is_space
    ):
        span = span[1:]
    # Trailing commas and full stops go; a closing quotation mark stays with its opening one,
    # a closing bracket with its opening one, and "%" with its number ("reached 95%").
    while len(span) and (
        span[-1].is_space
        or (span[-1].is_punct and span[-1].text not in CLOSING_MARKS and not _kept_end(span))
    ):
        span = span[:-1]
    span = closed_span(doc, span)
    return span if len(span) >= min_tokens else None


#: Words that open a relative clause in front of its speaker ("the ferry, which the board said
#: might slip"; "what she described as a reset").
RELATIVE_WORDS = frozenset({"which", "that", "who", "whom", "what"})


def relative_word(token: Token, verb: Token) -> bool:
    """``token`` is the relative pronoun of the clause ``verb`` stands in ("which the board
    said might slip", "that Chen described as ..."): it stands for the noun the clause hangs on,
    before the speaker and the cue, and is no part of what the speaker said."""
    return token.i < verb.i and token.lower_ in RELATIVE_WORDS and token.dep_ != "mark"


def after_relative_word(verb: Token, tokens: list[Token]) -> list[Token]:
    """The words of a clause ``verb`` reports without its relative pronoun, when that is all
    it has before the speaker: "which the club said might start next spring" reports "might
    start next spring", not "which the club said" (the source and cue are no part of the
    content; PolNeAR gives the pronoun, if at all, as a fragment apart)."""
    before = [t for t in tokens if t.i < verb.i]
    if not before or not all(relative_word(t, verb) for t in before):
        return tokens
    return [t for t in tokens if t.i > verb.i]


def _kept_end(span: Span) -> bool:
    """A last token that belongs to the words before it: "%", or a bracket the span opened."""
    last = span[-1].text
    if last == "%":
        return True
    opener = BRACKETS.get(last)
    return opener is not None and span.text.count(opener) >= span.text.count(last)


def closed_span(doc: Doc, span: Span) -> Span:
    """A content ending inside a quotation it opened ('could be reached "quickly.') takes the
    closing mark that follows within two tokens."""
    if not len(span):
        return span
    text = span.text
    if text.count("“") <= text.count("”") and text.count('"') % 2 == 0:
        return span
    for end in range(span.end, min(span.end + 2, len(doc))):
        if doc[end].text in CLOSING_MARKS or doc[end].text in {"”", '"'}:
            return doc[span.start : end + 1]
        if not doc[end].is_punct:
            break
    return span


@dataclass(frozen=True, slots=True)
class Stances:
    """The stance word lists of the current lexicon, fetched once per article."""

    clause: frozenset[str]
    intent: frozenset[str]
    object: frozenset[str]
    adjectives: frozenset[str]
    preps: frozenset[str]
    prep_verbs: frozenset[str]
    nouns: frozenset[str]

    @classmethod
    def current(cls) -> Stances:
        return cls(
            STANCE_CLAUSE_VERBS.get(),
            STANCE_INTENT_VERBS.get(),
            STANCE_OBJECT_VERBS.get(),
            STANCE_ADJECTIVES.get(),
            preps := STANCE_VERB_PREPS.get(),
            frozenset(pair.split()[0] for pair in preps),
            STANCE_NOUNS.get(),
        )

    def verb(self, lemma: str) -> bool:
        return (
            lemma in self.clause
            or lemma in self.intent
            or lemma in self.object
            or lemma in self.prep_verbs
        )

    def about(self, doc: Doc, verb: Token, lemma: str) -> Span | None:
        """ "spoke about the border": the object of the verb's preposition of stance."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.i < verb.i or f"{lemma} {prep.lower_}" not in self.preps:
                continue
            obj = first_child(prep, PREPOSITION_OBJECT_DEPS)
            if obj is not None:
                return content_span(doc, list(obj.subtree))
        return None
