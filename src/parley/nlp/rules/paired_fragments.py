"""Two fragments quoted side by side share one speaker: 'called them "A" and "B."'.

News often sets two or three quoted words in one frame, joined by "and", "or" or a comma. They
are one speaker's words; but the parser may hang the second fragment on another verb (an outer
"X reported that ..."), and each would then get a different speaker. The fragment that comes
first stands next to the frame that introduces both and lends its speaker to the one after it.
"""

from __future__ import annotations

import re

from parley.nlp.rules.quote_frames import Draft

#: What may stand between the closing mark of one fragment and the opening mark of the next.
_JOINT = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|nor)\s*")


def share_paired_fragments(text: str, drafts: list[Draft]) -> None:
    """Give each partial quotation joined to the partial one before it (by "and", "or", a
    comma) that one's speaker, when they differ."""
    for prev, cur in zip(drafts, drafts[1:], strict=False):
        if prev.kind != "partial" or cur.kind != "partial" or prev.speaker is None:
            continue
        if prev.span.close_at is None:
            continue
        gap = text[prev.span.close_at + prev.span.width : cur.span.open_at]
        if _JOINT.fullmatch(gap) is None:
            continue
        if cur.speaker is not None and cur.speaker.id == prev.speaker.id:
            continue
        cur.speaker, cur.cue, cur.cue_span = prev.speaker, prev.cue, prev.cue_span
        cur.mention, cur.syntactic = prev.mention, prev.syntactic
        cur.confidence = prev.confidence
