"""A verb of saying set before its speaker: "Continued Lund: '...'", "Added council leader Ben
Ward, '...'". News writes the verb first to vary its attributions; the words between the verb
and the colon or comma name who speaks."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from parley.nlp.rules.actors import ActorRecord
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.rules.speech_cues import SPEECH_VERBS, WEAK_SPEECH_VERBS, Quoted

#: The most words a speaker named after an opening verb takes ("Remarked Center for Biological
#: Diversity scientist Tara Cole,").
_MAX_SPEAKER_WORDS = 12


@dataclass(frozen=True)
class InvertedSpeaker:
    """The speaker named after an opening verb of saying, the words naming them, and the verb."""

    record: ActorRecord
    confidence: float
    words: Span
    verb: Token


def inverted_saying(word: Token) -> bool:
    """A capitalised verb of saying in the past tense opening a label ("Continued", "Added")."""
    return (
        word.text[:1].isupper()
        and word.tag_ in {"VBD", "VBN"}
        and (word.lemma_.lower() in SPEECH_VERBS or word.lemma_.lower() in WEAK_SPEECH_VERBS)
    )


def speaker_after_inverted_verb(
    comma: Token, quoted: Quoted, resolver: SpeakerResolver
) -> InvertedSpeaker | None:
    """ "Added council leader Ben Ward, '...'", "Remarked scientist Tara Cole, '...'": a verb of
    saying opening the sentence, then the speaker's words, no verb among them, up to the comma
    before the quotation."""
    doc = comma.doc
    start = comma.sent.start
    while start < comma.i and (doc[start].is_space or doc[start].is_quote):
        start += 1
    verb = doc[start]
    words = doc[start + 1 : comma.i]
    if not inverted_saying(verb) or not 1 <= len(words) <= _MAX_SPEAKER_WORDS:
        return None
    if quoted is not None and any(quoted(t.idx) for t in (verb, *words)):
        return None
    if any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in words):
        return None
    if words[-1].pos_ not in {"PROPN", "NOUN"}:
        return None
    record, confidence = resolver.resolve(words[-1], phrase=words)
    if record is None:
        return None
    return InvertedSpeaker(record, confidence * 0.85, words, verb)
