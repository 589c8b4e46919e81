"""A fragment quoted in a sentence of its own whose subject is someone else.

'Lee called it "a mess." Later Ann Pratt left the race. She backed "a fresh start."': the
second fragment has no verb of speech, so the paragraph's earlier speaker would lend it theirs;
but the fragment is woven into a sentence whose subject acts on it ("She backed ..."), and a
reader takes those words for that subject's. Only a fragment (a partial quotation) in a later
sentence than the earlier speaker's quotation, hanging from the main verb of its sentence (no
clause of another subject in between), whose active, non-copular verb has a named subject (or
"he", "she", "they") before it that resolves to someone other than the earlier speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.nlp.tree import is_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.nlp.rules.actors import ActorRecord
    from parley.nlp.rules.quote_frames import Draft
    from parley.nlp.rules.speech import SpeakerResolver


def subject_weaving_fragment(
    draft: Draft, earlier: Draft | None, resolver: SpeakerResolver
) -> tuple[ActorRecord, Token] | None:
    """The actor (and the word naming it) of the subject whose sentence ``draft`` is woven
    into, when it is not ``earlier``'s speaker; None otherwise."""
    if draft.kind != "partial" or draft.tokens is None or not len(draft.tokens):
        return None
    if earlier is None or earlier.speaker is None or earlier.span.end > draft.span.open_at:
        return None
    first = draft.tokens[0]
    sent = first.sent
    if earlier.span.end > sent.start_char:
        return None  # the earlier quotation stands in the same sentence
    if not _opens_a_sentence(sent):
        return None  # the parser cut the sentence inside the reporter's own clause
    root = sent.root
    if root.pos_ != "VERB" or root.lemma_.lower() == "be":
        return None
    if is_passive(root):
        return None
    subject = next(
        (c for c in root.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < first.i), None
    )
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in _PERSONAL):
        return None
    if not _hangs_from(first, root):
        return None
    record, _ = resolver.resolve(subject)
    if record is None or record is earlier.speaker or record.id == earlier.speaker.id:
        return None
    return record, subject


#: Pronouns that stand for a person or a group ("it" mostly stands for a thing).
_PERSONAL = frozenset({"he", "she", "they"})


def _opens_a_sentence(sent: Span) -> bool:
    """Whether the parser's sentence starts where a reader's does: at a paragraph's start or
    after a full stop, a question or an exclamation mark (and any closing marks)."""
    before = doc_text(sent.doc)[: sent.start_char].rstrip(" \t\xa0")
    before = before.rstrip("\"'”’")
    return not before or before.endswith(("\n", ".", "!", "?"))


def _hangs_from(token: Token, root: Token) -> bool:
    """Whether ``token`` hangs from ``root`` through no clause with a subject of its own."""
    node = token
    for _ in range(30):
        if node.i == root.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i != root.i and any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in node.children):
            return False
    return False
