"""Date expressions resolved against the publication date (placeholder until the resolver lands)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from parley.types import DateMention


def extract_dates(doc: Doc, *, published: date | None) -> list[DateMention]:
    return []
