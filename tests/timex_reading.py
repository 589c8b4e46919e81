"""How the time-expression tests read a text: shared by the test modules of the date rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from parley.nlp.rules.dates import extract_dates


def read_timexes(nlp: Any, text: str, published: date | None) -> list[tuple[str, str, str]]:
    """Every time expression of ``text`` as (text, TimeML type, TimeML value), after checking
    that each mention's offsets give back its text."""
    doc = nlp(text)
    mentions = extract_dates(doc, published=published)
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
    return [(m.text, m.type, m.timex or "") for m in mentions]
