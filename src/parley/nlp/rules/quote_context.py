"""A quotation without a cue of its own takes the speaker its context implies, as a reader
does: the paragraph it continues, a neighbouring attributed quotation in its paragraph, the
speaker the previous paragraph ends on, the cue or the only person of the sentence before it,
the earlier speaker an unresolved pronoun of its own cue fits; failing those, a document that
"reads" or "says" it with no author named speaks for itself. Fills the :class:`Draft` of
:mod:`quotes`."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from parley.nlp.doctext import doc_text
from parley.nlp.rules.actors import ActorRecord
from parley.nlp.rules.attribution_after import passed_on_by_medium
from parley.nlp.rules.interviews import scene_start, turn_speaker
from parley.nlp.rules.quote_frames import Draft, cues, outer_cues
from parley.nlp.rules.speaker_spans import mention_span
from parley.nlp.rules.speaker_tokens import speaker_token
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.rules.speech_cues import PRONOUNS, WEAK_SPEECH_VERBS
from parley.nlp.rules.statement_issuer import issuer_before
from parley.nlp.rules.woven_subject import subject_weaving_fragment
from parley.quotemarks import Intervals


def infer_from_neighbours(
    doc: Doc,
    drafts: list[Draft],
    para_bounds: list[tuple[int, int]],
    quoted: Intervals,
    resolver: SpeakerResolver,
) -> None:
    """Give a cue-less quotation the speaker its context implies."""
    para_starts = [p[0] for p in para_bounds]

    def para_of(offset: int) -> int:
        return max(bisect.bisect_right(para_starts, offset) - 1, 0)

    # Drafts are in text order and only the current one gains a speaker, so what lies ahead of
    # it is still as attributed: where each run of continued, speakerless drafts stops, and the
    # next attributed draft, are computed once (right to left) instead of per draft.
    count = len(drafts)
    stop = [count] * (count + 1)
    next_said = [count] * (count + 1)
    for k in range(count - 1, -1, -1):
        d = drafts[k]
        if d.span.continued and d.speaker is None:
            stop[k] = stop[k + 1] if d.span.continues else count
        else:
            stop[k] = k
        next_said[k] = k if d.speaker else next_said[k + 1]
    draft_paras = [para_of(d.span.open_at) for d in drafts]
    open_ats = [d.span.open_at for d in drafts]
    last_said: dict[int, int] = {}  # paragraph -> the last draft so far with a speaker

    for n, draft in enumerate(drafts):
        p = draft_paras[n]
        if draft.speaker is None and not draft.unnamed:
            source: Draft | None = None
            if draft.span.continued and n > 0:
                source = drafts[n - 1]
            if (source is None or source.speaker is None) and draft.span.continues:
                # The first paragraph of a long quotation takes the speaker named where it ends.
                k = stop[n + 1]
                if k < count and drafts[k].span.continued:
                    source = drafts[k]
            if (source is None or source.speaker is None) and passed_on_by_medium(doc, draft.span):
                # "'...,' quotes the Herald.": the person the sentence before names, not the
                # paragraph's earlier speaker.
                record = _sole_person_of_previous_sentence(
                    doc, draft, para_bounds[p], quoted, resolver
                )
                if record is not None:
                    _give_from_context(draft, record, 0.45)
                    last_said[p] = n
                    continue
            if source is None or source.speaker is None:
                source = _paragraph_neighbour(drafts, n, p, last_said, next_said, draft_paras)
                found = _speaker_over_neighbour(
                    doc, draft, source, para_bounds[p], quoted, resolver
                )
                if found is not None:
                    _give_from_context(draft, found[0], 0.5)
                    if found[1] is not None:
                        draft.mention = mention_span(found[1])
                    last_said[p] = n
                    continue
            if source is not None and not _answering_refused(doc, draft, source.speaker, resolver):
                draft.speaker, draft.cue = source.speaker, source.cue
                draft.mention, draft.cue_span = source.mention, source.cue_span
                _own_words(draft)
                draft.confidence = source.confidence * 0.85
            else:
                _speaker_from_context(doc, drafts, n, para_bounds, p, quoted, resolver, open_ats)
        if draft.speaker is not None:
            last_said[p] = n


def _speaker_from_context(
    doc: Doc,
    drafts: list[Draft],
    n: int,
    para_bounds: list[tuple[int, int]],
    p: int,
    quoted: Intervals,
    resolver: SpeakerResolver,
    open_ats: list[int],
) -> None:
    """The speaker of the quotation ``drafts[n]`` (in paragraph ``p``) that no neighbouring
    quotation lends one: who the paragraph before ends on, who speaks in or is the only person
    of the sentence before it, the speaker an unresolved pronoun of its own cue stands for, or
    the document that says it; tried in that order."""
    draft = drafts[n]
    if draft.kind == "direct":
        if p > 0 and draft.span.open_at <= para_bounds[p][0] + 1:
            # "The council issued a statement. / '...'": the statement's issuer, else the
            # speaker the paragraph before ends on.
            record = issuer_before(
                doc, para_bounds[p - 1], quoted.contains, resolver.resolve
            ) or _speaker_introduced_before(
                doc, para_bounds[p - 1], drafts, quoted, resolver, open_ats
            )
            if record is not None:
                _give_from_context(draft, record, 0.6)
                return
        # "Or the mayor, a city planner says. 'The plans are ready.'": a quotation that
        # opens a sentence after one of its paragraph in which someone says something is
        # that speaker's, as a reader takes it.
        record = _cue_speaker_of_previous_sentence(doc, draft, para_bounds[p], quoted, resolver)
        if record is not None:
            _give_from_context(draft, record, 0.5)
            return
        # "..., leaving Coach Ruiz unhappy. 'The second card was harsh.'": a quotation
        # that follows a sentence of its paragraph naming exactly one person is theirs.
        record = _sole_person_of_previous_sentence(doc, draft, para_bounds[p], quoted, resolver)
        if record is not None:
            _give_from_context(draft, record, 0.45)
            return
    if draft.unresolved is not None:
        record = _earlier_speaker_for_pronoun(doc, drafts, n, resolver)
        if record is not None:
            _give_from_context(draft, record, 0.4)
            return
    if draft.document is not None:
        record, confidence = resolver.document_speaker(draft.document, draft.document_words)
        if record is not None:
            draft.speaker = record
            words = draft.document_words
            draft.mention = (
                (words.start_char, words.end_char)
                if words is not None
                else mention_span(draft.document)
            )
            draft.confidence = confidence
            _own_words(draft)


def _answering_refused(
    doc: Doc, draft: Draft, record: ActorRecord | None, resolver: SpeakerResolver
) -> bool:
    """Whether ``record`` cannot be the speaker of ``draft``: none at all, or the one answering
    an interview when the quotation's own cue says "he" or "she" (the one answering says
    "I"), whatever quotation of the paragraph lends them."""
    if record is None:
        return True
    if draft.unresolved is None:
        return False
    start, end = draft.unresolved[0]
    if not PRONOUNS.get(doc_text(doc)[start:end].lower()):
        return False
    return record is turn_speaker(doc, start, resolver.actors)


def _give_from_context(draft: Draft, record: ActorRecord, confidence: float) -> None:
    """``draft``'s speaker, implied by its context with ``confidence``."""
    draft.speaker = record
    draft.confidence = confidence
    _own_words(draft)


def _earlier_speaker_for_pronoun(
    doc: Doc, drafts: list[Draft], n: int, resolver: SpeakerResolver
) -> ActorRecord | None:
    """ "'...,' he said." where "he" finds no person in the sentences before it: the speaker of
    the last earlier quotation who fits the pronoun (a person not known to be of the other
    gender), as a reader carries the person being quoted from one paragraph to the next; with
    no such quotation, the person of that gender the article has named most so far."""
    unresolved = drafts[n].unresolved
    if unresolved is None:
        return None
    start, end = unresolved[0]
    gender = PRONOUNS.get(doc_text(doc)[start:end].lower())
    if gender is None:
        return None
    # In an interviewee's answer "he" or "she" is someone else: the one answering says "I",
    # and a person of an earlier answer is not carried into this one.
    answering = turn_speaker(doc, start, resolver.actors)
    scene = scene_start(doc, start)
    for earlier in reversed(drafts[:n]):
        record = earlier.speaker
        if earlier.span.open_at < scene:
            break
        if record is None or record.kind != "person" or record is answering:
            continue
        known = resolver.genders.get(record.id)
        if not known or known == gender:
            return record
    # No one quoted yet: the person of that gender the article has named most so far.
    before = start
    counts = [
        (sum(1 for m_start, _ in record.mentions if scene <= m_start < before), record)
        for record in resolver.actors.records
        if record.kind == "person"
        and resolver.genders.get(record.id) == gender
        and record is not answering
    ]
    counts = [(k, record) for k, record in counts if k > 0]
    return max(counts, key=lambda item: item[0])[1] if counts else None


def _own_words(draft: Draft) -> None:
    """A quotation whose own cue named its speaker by a pronoun the resolver could not place
    keeps that pronoun and cue once the context gives the speaker."""
    if draft.unresolved is not None:
        draft.mention, draft.cue_span, draft.cue = draft.unresolved


def _opening(doc: Doc, draft: Draft) -> Token | None:
    """The token of the quotation's opening mark."""
    first = doc.char_span(draft.span.open_at, draft.span.open_at + 1, alignment_mode="expand")
    return first[0] if first is not None and len(first) else None


def _previous_sentence(doc: Doc, opening: Token, para: tuple[int, int]) -> Span | None:
    """The sentence before the one ``opening`` (a quotation's opening mark) stands in, when
    both lie in its paragraph."""
    sent_start = opening.sent.start
    if sent_start == 0:
        return None
    previous = doc[sent_start - 1].sent
    if previous.end_char <= para[0]:
        return None
    return previous


def _cue_speaker_of_previous_sentence(
    doc: Doc,
    draft: Draft,
    para: tuple[int, int],
    quoted: Intervals,
    resolver: SpeakerResolver,
) -> ActorRecord | None:
    """The speaker of the last cue, outside quotations, of the sentence before the one the
    quotation opens, in the same paragraph ("..., an aide said. '...'")."""
    text = doc_text(doc)
    if text[draft.span.start : draft.span.end].rstrip()[-1:] == ",":
        return None  # '"...," and the verb after it': the attribution is still to come
    opening = _opening(doc, draft)
    if opening is None or opening.i != opening.sent.start:
        return None
    previous = _previous_sentence(doc, opening, para)
    if previous is None:
        return None
    words = [t for t in previous if t.idx >= para[0]]
    if not words:
        return None
    found: ActorRecord | None = None
    asides = _bracketed(text, words[0].idx, previous.end_char)
    for cue in outer_cues(cues(doc[words[0].i : words[-1].i + 1], quoted)):
        who = speaker_token(cue, quoted=quoted.contains)
        if who is None or who.idx in quoted or _aside_with(asides, cue.idx, who.idx):
            continue
        record, _ = resolver.resolve(who)
        if record is not None:
            found = record
    return found


def _paragraph_neighbour(
    drafts: list[Draft],
    n: int,
    p: int,
    last_said: dict[int, int],
    next_said: list[int],
    draft_paras: list[int],
) -> Draft | None:
    """The attributed quotation of paragraph ``p`` that lends ``drafts[n]`` its speaker: the
    last one before it, else the next one after it."""
    if p in last_said:
        return drafts[last_said[p]]
    k = next_said[n + 1]
    return drafts[k] if k < len(drafts) and draft_paras[k] == p else None


def _speaker_over_neighbour(
    doc: Doc,
    draft: Draft,
    source: Draft | None,
    para: tuple[int, int],
    quoted: Intervals,
    resolver: SpeakerResolver,
) -> tuple[ActorRecord, Token | None] | None:
    """The speaker, and the word naming it when the subject of its own sentence does, that the
    text between ``draft`` and its paragraph's attributed quotation ``source`` names over
    ``source``'s speaker: the speaker of a sentence of saying written since ``source``, or
    before ``draft`` when a sentence of the reporter's own parts it from a later ``source``;
    else the subject ``draft`` is woven into. None when the neighbour's speaker stands."""
    if _written_since(doc, draft, source, para) or _reporter_between(doc, draft, source, quoted):
        record = _cue_speaker_of_previous_sentence(doc, draft, para, quoted, resolver)
        if record is not None and source is not None and record is not source.speaker:
            return record, None
    return subject_weaving_fragment(draft, source, resolver)


def _written_since(doc: Doc, draft: Draft, earlier: Draft | None, para: tuple[int, int]) -> bool:
    """ "Lee said '...'. According to Ann Pratt, ... She warned against haste. '...'": the
    quotation opens a sentence after one written after the paragraph's last attributed
    quotation (``earlier``), in which someone else may speak."""
    if earlier is None or earlier.speaker is None or earlier.span.end > draft.span.open_at:
        return False
    opening = _opening(doc, draft)
    if opening is None or opening.i != opening.sent.start:
        return False
    previous = _previous_sentence(doc, opening, para)
    return previous is not None and previous.start_char >= earlier.span.end


def _reporter_between(doc: Doc, draft: Draft, later: Draft | None, quoted: Intervals) -> bool:
    """ "Lee said ... . '...' Pratt spoke of ... . '...,' she said.": no attributed quotation
    before it in its paragraph, the quotation is parted from a later one (``later``) by a
    sentence of the reporter's own, so the sentence of saying before it may name its speaker."""
    if later is None or later.speaker is None or later.span.open_at < draft.span.end:
        return False
    between = doc_text(doc)[draft.span.end : later.span.open_at]
    return sum(ch.isalpha() for ch in between) >= 12 and draft.span.end + 1 not in quoted


def _sole_person_of_previous_sentence(
    doc: Doc,
    draft: Draft,
    para: tuple[int, int],
    quoted: Intervals,
    resolver: SpeakerResolver,
) -> ActorRecord | None:
    opening = _opening(doc, draft)
    previous = _previous_sentence(doc, opening, para) if opening is not None else None
    if previous is None:
        return None
    # spaCy may run that sentence back across the paragraph break: only its words in this
    # paragraph count.
    persons = {
        record.id: record
        for tok in previous
        if tok.idx >= para[0] and tok.idx not in quoted
        for record in [resolver.actors.at(tok.idx, tok.idx + len(tok.text))]
        if record is not None and record.kind == "person"
    }
    if not persons:
        return _pronoun_subject_of(previous, para, resolver)
    return next(iter(persons.values())) if len(persons) == 1 else None


def _pronoun_subject_of(
    sentence: Span, para: tuple[int, int], resolver: SpeakerResolver
) -> ActorRecord | None:
    """ "Unhappy with the part, she left the show. '...'": a sentence of the paragraph that
    names no one but has "he" or "she" for its main subject, with no other subject before it,
    lends the quotation after it the person that pronoun stands for."""
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in {"he", "she"} or subject.idx < para[0]:
        return None
    if any(
        t.dep_ in {"nsubj", "nsubjpass", "relcl"} for t in sentence.doc[sentence.start : subject.i]
    ):
        return None  # "the first caller who rang, he asked ...": the pronoun takes up a phrase
    record = resolver.resolve_pronoun(subject)
    return record if record is not None and record.kind == "person" else None


def _speaker_introduced_before(
    doc: Doc,
    para: tuple[int, int],
    drafts: list[Draft],
    quoted: Intervals,
    resolver: SpeakerResolver,
    open_ats: list[int],
) -> ActorRecord | None:
    """The speaker the previous paragraph ends on: its last quotation's, or its last cue's; a
    cue whose speaker is named with it inside brackets is the reporter's aside ("Roe spoke of the
    case. (The rules require that doctors have admitting rights.)"), not a voice a quotation
    after it continues."""
    lo, hi = para
    asides = _bracketed(doc_text(doc), lo, hi)
    in_para = [
        d
        for d in drafts[bisect.bisect_left(open_ats, lo) : bisect.bisect_left(open_ats, hi)]
        if d.speaker is not None and not _aside_with(asides, d.span.open_at, d.span.end)
    ]
    region = doc.char_span(lo, hi, alignment_mode="expand")
    cue_record: tuple[int, ActorRecord] | None = None
    if region is not None:
        found = {tok.i: tok for tok in cues(region, quoted) + _reporting_weak_verbs(region, quoted)}
        for cue in outer_cues([found[i] for i in sorted(found)]):
            who = speaker_token(cue, quoted=quoted.contains)
            if who is not None and not _aside_with(asides, cue.idx, who.idx):
                record, _ = resolver.resolve(who)
                if record is not None:
                    cue_record = (cue.idx, record)
    last_quote = in_para[-1] if in_para else None
    if cue_record and (last_quote is None or cue_record[0] > last_quote.span.open_at):
        return cue_record[1]
    return last_quote.speaker if last_quote else None


def _reporting_weak_verbs(region: Span, quoted: Intervals) -> list[Token]:
    """Verbs that report speech only with a clause of their own ("speculated that the men were
    smugglers", "reminded them that ..."): cues of a paragraph that a quotation after it
    continues, though they cue no quotation of their own."""
    return [
        tok
        for tok in region
        if tok.pos_ == "VERB"
        and tok.idx not in quoted
        and tok.lemma_.lower() in WEAK_SPEECH_VERBS
        and any(c.dep_ == "ccomp" and c.idx not in quoted for c in tok.children)
    ]


def _bracketed(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches of ``text[lo:hi]`` inside matched round brackets, outermost and inner."""
    found: list[tuple[int, int]] = []
    opened: list[int] = []
    for k in range(lo, hi):
        ch = text[k]
        if ch == "(":
            opened.append(k)
        elif ch == ")" and opened:
            found.append((opened.pop(), k))
    return found


def _aside_with(asides: list[tuple[int, int]], *offsets: int) -> bool:
    """Whether one bracketed stretch holds every offset: a clause set aside in brackets."""
    return any(all(start < at < end for at in offsets) for start, end in asides)
