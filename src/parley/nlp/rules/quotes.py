"""Direct and partial quotations with their speakers (placeholder)."""

from __future__ import annotations

from spacy.tokens import Doc

from parley.nlp.rules.actors import ActorIndex
from parley.types import Quote


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    return []
