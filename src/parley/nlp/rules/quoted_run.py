"""What one cue reports runs on through every partial quotation it governs in the sentence.

'Lee said the pier was "unsafe" because the beams had rotted and "nobody checked them."':
the quotation rules give both quoted passages the cue "said" and the speaker Lee, so the
writer's words between them are the same report. When the parser cut the reported clause
short (it hung the second half on another word of the sentence), the clause that the
reported-speech rules give stops after the first quotation; it runs on to the last quotation of
the same cue and speaker that follows it in the sentence, unless the attribution or another
speaker's cue stands between them ('..., Lee said, and the mayor called it "a relic"') or the
words between set it in a clause of its own (the one the cue's clause is set in, or one whose
subject is the writer or the reader). A
reported clause that a colon joins to a quotation ('she is sure the fine will backfire: "It
will make him a martyr."') runs on through that quotation too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.types import Quote


def through_its_quotations(doc: Doc, entry: Quote, quotes: list[Quote]) -> Quote:
    """``entry`` run on to the end of the last partial quotation of its cue and speaker after
    it in its sentence, or ``entry`` itself when there is none."""
    if entry.kind != "indirect" or entry.cue_span is None or entry.speaker is None:
        return entry
    if entry.start < entry.cue_span[1]:
        return entry  # 'The pier is "unsafe," Lee said': the words come before the cue
    end_token = doc.char_span(entry.end - 1, entry.end, alignment_mode="expand")
    if end_token is None or not len(end_token):
        return entry
    sentence = end_token[0].sent
    later = sorted(
        (
            q
            for q in quotes
            if q.kind == "partial"
            and q.cue_span == entry.cue_span
            and q.speaker is not None
            and q.speaker.id == entry.speaker.id
            and entry.end <= q.start
            and q.end <= sentence.end_char
        ),
        key=lambda q: q.start,
    )
    cue = doc.char_span(*entry.cue_span, alignment_mode="expand")
    if cue is None or not len(cue):
        return entry
    end = entry.end
    for quote in later:
        if _interrupted(entry, end, quote.start, quotes) or _other_clause(
            doc, cue.root, end, quote
        ):
            break
        end = quote.end
    end = _through_quotation_after_colon(doc_text(doc), entry, end, quotes)
    if end == entry.end:
        return entry
    return replace(entry, text=doc_text(doc)[entry.start : end], end=end)


#: A colon after a reported clause that opens a quotation in the same paragraph (one set in a
#: paragraph of its own is a block quotation of its own).
_COLON_QUOTE = re.compile(r'[ \t]*:[ \t]*["\u201c]')


def _through_quotation_after_colon(text: str, entry: Quote, end: int, quotes: list[Quote]) -> int:
    """'he is certain the ban will only sell more copies: "They are handing the
    book a prize."': a reported clause that a colon joins to a quotation (of its speaker, or of no
    one named) runs on through the quotation, which says it in the speaker's words."""
    colon = _COLON_QUOTE.match(text, end)
    if colon is None:
        return end
    assert entry.speaker is not None
    for quote in quotes:
        if (
            quote.kind in {"direct", "partial"}
            and quote.start == colon.end()
            and (quote.speaker is None or quote.speaker.id == entry.speaker.id)
        ):
            return quote.end
    return end


#: Subjects in the writer's words that are the writer or the reader, not the speaker.
WRITER_PRONOUNS = frozenset({"i", "we", "you"})


def _other_clause(doc: Doc, cue: Token, start: int, quote: Quote) -> bool:
    """The writer's words between two quotations set the second one in a clause of its own:
    the clause the cue's clause is set in ('When Lee tweeted that ..., the site put a
    "warning" on it') or one whose subject is the writer or the reader ('..., and you
    "stopped" the person')."""
    gap = doc.char_span(start, quote.start, alignment_mode="expand")
    return gap is not None and any(
        t.is_ancestor(cue) or t.dep_ in NOMINAL_SUBJECT_DEPS and t.lower_ in WRITER_PRONOUNS
        for t in gap
    )


def _interrupted(entry: Quote, start: int, end: int, quotes: list[Quote]) -> bool:
    """Whether the words between ``start`` and ``end`` hold the speaker's mention (the
    attribution) or another speaker's cue."""
    assert entry.speaker is not None
    mention = entry.speaker.mention
    if mention is not None and start <= mention[0] < end:
        return True
    return any(
        q.cue_span is not None
        and start <= q.cue_span[0] < end
        and (q.speaker is None or q.speaker.id != entry.speaker.id)
        for q in quotes
    )
