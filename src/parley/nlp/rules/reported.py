"""Reported speech without quotation marks (placeholder)."""

from __future__ import annotations

from spacy.tokens import Doc

from parley.nlp.rules.actors import ActorIndex
from parley.types import Quote


def extract_reported_speech(doc: Doc, actors: ActorIndex, quotes: list[Quote]) -> list[Quote]:
    return []
