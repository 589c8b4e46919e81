"""A threat with a condition and a time limit is an ultimatum (CAMEO 139).

News reports an ultimatum as a threat (CAMEO 13) whose condition ("unless", "without", "if ...
not") comes with a time: "would walk away within days unless ...", or a threat followed by the
speaker's own time limit ("... and I'm talking about a matter of days"). The sentence of the
threat, or the one right after it, must name the length of time (a DURATION) or a deadline.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from parley.cameo.codebook import lookup
from parley.nlp.doctext import doc_sents
from parley.types import DateMention, Event, EventActor

ULTIMATUM = "139"
_CONDITION_WORDS = frozenset({"unless", "without", "if"})


def code_ultimatums(
    doc: Doc, drafts: list[tuple[Event, EventActor | None]], dates: Sequence[DateMention]
) -> list[tuple[Event, EventActor | None]]:
    """``drafts`` with every conditional, time-limited threat coded 139 (Give ultimatum)."""
    limits = [d.start for d in dates if d.type == "DURATION" or d.deadline]
    if not limits or not any(e.root == "13" and e.code != ULTIMATUM for e, _ in drafts):
        return drafts
    sents = doc_sents(doc)
    starts = [s.start_char for s in sents]
    out = []
    for event, actor in drafts:
        if event.root == "13" and event.code != ULTIMATUM:
            k = _sentence_index(starts, event.sentence[0])
            sent = sents[k]
            conditional = any(t.lower_ in _CONDITION_WORDS for t in sent)
            end = sents[k + 1].end_char if k + 1 < len(sents) else sent.end_char
            if conditional and any(sent.start_char <= s < end for s in limits):
                event = replace(event, **lookup(ULTIMATUM).event_fields())
        out.append((event, actor))
    return out


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)
