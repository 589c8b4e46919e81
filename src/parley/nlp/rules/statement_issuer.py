"""Who issued the statement a quotation paragraph gives: "The Dover council issued a statement
on Monday. / '...'".

A report that says someone issued or released a statement, and sets the statement's words as the
next paragraph with no cue of their own, gives them to the issuer: the words are the
statement's, and a statement speaks for whoever issued it (FORMAT.md: the organisation or
person who said it). Only the last sentence of the paragraph before counts, and only when its
main verb issues the statement; the subject of that verb is the issuer.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.nlp.deps import ACTED_ON_DEPS
from parley.nlp.rules.actors import ActorRecord
from parley.nlp.rules.speaker_tokens import speaker_token
from parley.nlp.rules.speech_cues import is_document, is_speech_verb
from parley.nlp.rules.verb_subjects import subject_of

#: Verbs of putting out a text: "issued a statement", "released a statement".
_ISSUING_VERBS = frozenset({"issue", "release", "publish"})
#: Verbs by which someone puts out a text a later "the report said" may refer back to.
_PUTTING_OUT_VERBS = lexicon.word_set("putting_out_verbs")
#: Texts whose words a following paragraph may give: "a statement", "a press release".
_STATEMENT_NOUNS = frozenset({"statement", "release", "communique", "communiqué", "declaration"})


def issuer_before(
    doc: Doc,
    para: tuple[int, int],
    quoted: Callable[[int], bool],
    resolve: Callable[..., tuple[ActorRecord | None, float]],
) -> ActorRecord | None:
    """The one who, by the last sentence of the paragraph ``para``, issued a statement; None
    when that sentence issues none or names no issuer."""
    region = doc.char_span(para[0], para[1], alignment_mode="expand")
    if region is None or not len(region):
        return None
    last = region[-1]
    while last.i > region.start and (last.is_space or last.is_punct):
        last = doc[last.i - 1]
    sent = last.sent
    root = sent.root
    if quoted(root.idx) or root.lemma_.lower() not in _ISSUING_VERBS or root.pos_ != "VERB":
        return None
    if sent.start_char < para[0]:
        return None
    if not any(
        c.dep_ == "dobj" and c.lemma_.lower() in _STATEMENT_NOUNS and not quoted(c.idx)
        for c in root.children
    ):
        return None
    who = subject_of(root, quoted=quoted)
    if who is None or quoted(who.idx):
        return None
    record, _ = resolve(who)
    return record


def document_issuer(
    document: Token,
    resolve: Callable[..., tuple[ActorRecord | None, float]],
    *,
    issued_only: bool = False,
) -> tuple[ActorRecord | None, float]:
    """ "The campaign issued a statement on Tuesday. '...,' the statement said.": a document
    with no owner of its own speaks for whoever the text last said issued it (a verb taking
    a noun of the same kind as its object, or "X said in a statement"), within a few
    sentences before it. ``issued_only``: only a verb that puts a text out ("issued",
    "published") or says something in it ("said in a report") makes an issuer; "Lee leads
    in a new poll" does not."""
    doc = document.doc
    lemma = document.lemma_.lower()
    for i in range(document.i - 1, max(document.i - 120, -1), -1):
        earlier = doc[i]
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        verb = earlier.head
        if earlier.dep_ == "pobj" and verb.lower_ == "in":
            verb = verb.head
        elif earlier.dep_ not in ACTED_ON_DEPS:
            continue
        if verb.pos_ != "VERB":
            continue
        if issued_only and not (
            verb.lemma_.lower() in _PUTTING_OUT_VERBS
            if earlier.dep_ != "pobj"
            else is_speech_verb(verb)
        ):
            continue
        who = speaker_token(verb)
        if who is None or is_document(who):
            return None, 0.0
        record, confidence = resolve(who)
        return record, confidence * 0.8
    return None, 0.0
