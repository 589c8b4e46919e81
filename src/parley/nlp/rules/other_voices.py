"""A reported entry stops where another speaker's quoted words begin in a clause of their own.

'She said the plan was sound, to which Reed interjected: "It is not."', 'Pratt is assuring
voters she is tough after a voter told her she is "too soft"', 'Pratt argued that the pier is
needed, while Reed said its "costs are too high"': the entry of the main cue runs on through a
clause of time or contrast, a relative clause telling what came next, or one set off after a
person ('praised Lund, who has vowed to "fight on"'), whose own subject says the quoted words,
and so gives them to the main speaker. Those words belong to the inner clause's speaker (the
quotation's own attribution); the main entry ends before that clause.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.types import Quote

#: Dependencies of a clause set inside another one: a relative clause, a clause of time or
#: contrast.
_INNER_CLAUSE_DEPS = frozenset({"relcl", "advcl"})
#: Words opening a clause of time or contrast set beside the speaker's own words.
_NARRATIVE_MARKS = frozenset({"after", "when", "while", "whereas", "before", "until"})
#: Prepositions of a relative "which" that tells what came next ("to which", "at which moment").
_SEQUENCE_PREPOSITIONS = frozenset({"to", "at", "after", "upon"})
#: Characters and words left dangling at the end of a cut entry.
_TRAILING = " \t\n,;:-\u2013\u2014"


def cut_before_other_voices(doc: Doc, reported: list[Quote], quotes: list[Quote]) -> list[Quote]:
    """``reported`` with each indirect entry cut before an inner clause in which another
    speaker says one of ``quotes``; an entry left with fewer than two words is dropped."""
    out: list[Quote] = []
    for entry in reported:
        cut = _inner_voice_start(doc, entry, quotes)
        if cut is None:
            out.append(entry)
            continue
        text = doc_text(doc)
        end = cut
        while end > entry.start and text[end - 1] in _TRAILING:
            end -= 1
        if len(text[entry.start : end].split()) < 2:
            continue
        out.append(replace(entry, text=text[entry.start : end], end=end))
    return out


def _inner_voice_start(doc: Doc, entry: Quote, quotes: list[Quote]) -> int | None:
    """Where the first inner clause of another speaker's quotation starts in ``entry``."""
    if entry.kind != "indirect" or entry.speaker is None or entry.cue_span is None:
        return None
    starts = []
    for quote in quotes:
        if (
            quote.speaker is None
            or quote.cue_span is None
            or quote.speaker.id == entry.speaker.id
            or not entry.start < quote.cue_span[0] < entry.end
            or not entry.start < quote.start < entry.end
        ):
            continue
        cue = _cue_token(doc, quote.cue_span[0])
        if cue is None or not _inner_clause(cue):
            continue
        left = cue.left_edge.idx
        if entry.start < left <= quote.start and left > entry.cue_span[1]:
            starts.append(left)
    return min(starts, default=None)


def _cue_token(doc: Doc, at: int) -> Token | None:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _inner_clause(cue: Token) -> bool:
    """A verb with a subject of its own heading a clause of time or contrast ("after a voter
    told her", "while Reed said") or a relative clause that tells what came next ("to which
    Reed interjected", "at which moment the crowd chanted"). A clause of reason or a relative
    clause describing a thing the speaker names ("a video in which Lund said") is part of
    what the speaker said."""
    if cue.pos_ != "VERB" or cue.dep_ not in _INNER_CLAUSE_DEPS:
        return False
    if _set_off_person(cue):
        return True
    if not any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.lower_ not in {"who", "that", "which"}
        for c in cue.children
    ):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _NARRATIVE_MARKS for c in cue.children):
        return True
    return any(
        c.dep_ == "prep"
        and c.i < cue.i  # "to which Reed replied", not "which Reed referred to"
        and c.lower_ in _SEQUENCE_PREPOSITIONS
        and any(w.lower_ == "which" for w in c.subtree)
        for c in cue.children
    )


def _set_off_person(cue: Token) -> bool:
    """'praised Lund, who has vowed to "fight on"': a relative clause set off by a comma whose
    subject "who" stands for the person named before it, who says the quoted words."""
    if cue.dep_ != "relcl":
        return False
    who = next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ == "who"), None)
    return who is not None and who.i > 0 and cue.doc[who.i - 1].text == ","
