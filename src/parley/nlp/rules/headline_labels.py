"""A headline that names its speaker before a colon: "Reed: Budget 'Dead on Arrival'".

News headlines report a claim as "Speaker: claim", the colon standing for "says". Everything
after the colon is the speaker's: the quotation set anywhere in it (not only right after the
colon, which the transcript-label rule of ``quote_frames`` reads), and the claim itself when
the headline paraphrases more than it quotes, which is reported speech like "Reed says the
budget is dead on arrival". Only the article's first line is read as a headline: a label
further down is a transcript's or a list's, which other rules read.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from parley.nlp.doctext import doc_text
from parley.nlp.rules.actors import ActorIndex, ActorRecord
from parley.nlp.rules.quote_shape import label_before
from parley.types import Quote, SpeakerRef

#: Longest headline read, in words: a longer first line is a sentence of the body.
_HEADLINE_WORDS = 30
#: Longest speaker label, in words ("Former Florida Gov. Jeb Bush").
_LABEL_WORDS = 6
#: Shortest claim after the colon, in words, that is reported speech of its own.
_CLAIM_WORDS = 3
#: Words that join a speaker to a topic in a label ("Reed On Taxes:"): the speaker is before.
TOPIC_JOINS = (" on ", " On ", " ON ", " about ", " About ")


def headline_speaker(
    doc: Doc, actors: ActorIndex
) -> tuple[ActorRecord, tuple[int, int], int] | None:
    """The actor a headline's label names, the label's offsets, and where its claim starts;
    None when the first line is no "Label: claim" headline or the label names no one."""
    text = doc_text(doc)
    line_end = text.find("\n")
    if line_end < 0:
        return None  # a text of one line has no headline above a body
    colon = text.find(": ", 0, line_end)
    if colon < 0 or len(text[:line_end].split()) > _HEADLINE_WORDS:
        return None
    raw = label_before(text, 0, colon)
    start = colon - len(raw.lstrip())  # where the label starts, not where its words recur
    label = raw.strip()
    for join in TOPIC_JOINS:
        label = label.partition(join)[0]
    words = label.split()
    if not 1 <= len(words) <= _LABEL_WORDS or not all(w[:1].isupper() for w in words[-2:]):
        return None
    end = start + len(label)
    record = _named(actors, label, start, end)
    if record is None:
        return None
    return record, (start, end), colon + 2


def _named(actors: ActorIndex, label: str, start: int, end: int) -> ActorRecord | None:
    """The person or organisation a label names at its end, after at most two words of title
    ("Ohio Gov. Reed", "Hacker Lee"): the actor the tagger found there, else the article's actor
    of that name (a headline's lone surname is often tagged a noun, "Trump"). A label with
    more before the name is a sentence ("Lee Backs Reed:"), whose speaker is not the name."""
    words = label.split()
    found = actors.at(end - 1, end)
    if found is not None:
        name = next(
            ((lo, hi) for lo, hi in found.mentions if lo < end <= hi),
            None,
        )
        if name is None or name[0] < start or name[1] > end:
            return None  # a mention running across the colon is the tagger's mistake
        before = len(label[: name[0] - start].split())
    else:
        found = actors.find(words[-1], kind="person")
        before = len(words) - 1
    if found is None or found.kind not in {"person", "organization"} or before > 2:
        return None
    return found


def headline_claim(doc: Doc, actors: ActorIndex) -> Quote | None:
    """The headline's claim as the label's reported speech (cue the colon), when the first
    line is "Speaker: claim" and the claim is more than its quotation. A question ("Lee:
    Saint or Sinner?") asks about the one named, it is not their claim. Unlike a transcript
    line, the claim needs no verb the tagger found: a headline's capitals hide them."""
    found = headline_speaker(doc, actors)
    if found is None:
        return None
    record, mention, claim_start = found
    text = doc_text(doc)
    claim = text[claim_start : text.find("\n")].rstrip().rstrip(";.").rstrip()
    if len(claim.split()) < _CLAIM_WORDS or _quoted_whole(claim) or claim.endswith("?"):
        return None
    colon = claim_start - 2
    return Quote(
        id="",
        text=claim,
        start=claim_start,
        end=claim_start + len(claim),
        kind="indirect",
        speaker=SpeakerRef(record.id, record.name, mention),
        cue=":",
        confidence=0.6,
        cue_span=(colon, colon + 1),
    )


def _quoted_whole(claim: str) -> bool:
    """ "'We will win.'": the claim is its quotation, which the quotation rules give."""
    return claim[:1] in "\"'\u2018\u201c" and claim[-1:] in "\"'\u2019\u201d"


def with_headline_speaker(doc: Doc, actors: ActorIndex, quotes: list[Quote]) -> list[Quote]:
    """``quotes``, those that stand after a headline's label with no speaker found spoken by
    the label's speaker."""
    if not any(q.speaker is None for q in quotes):
        return quotes
    found = headline_speaker(doc, actors)
    if found is None:
        return quotes
    record, mention, claim_start = found
    line_end = doc_text(doc).find("\n")
    speaker = SpeakerRef(record.id, record.name, mention)
    return [
        replace(q, speaker=speaker, confidence=0.6)
        if q.speaker is None and claim_start <= q.start and q.end <= line_end
        else q
        for q in quotes
    ]
