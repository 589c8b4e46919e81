"""Quotations between marks, with their kind and speaker.

1. :func:`parley.quotemarks.find_marked_spans` finds every quotation by its marks.
2. Each gets a cue: the speech verb (or "according to", or a noun of saying) in the sentences the
   quotation touches, outside any quoted text. A cue the quotation hangs from syntactically wins
   over one that is merely near; among those, the closest ancestor wins ("X said that Y warned
   '...'" is Y's).
3. A quotation without a cue of its own takes the speaker the text implies: the paragraph it
   continues, a neighbouring attributed quotation in the same paragraph, the speaker introduced
   at the end of the previous paragraph or by a cue in the sentence before it; failing those, a
   document that "reads" or "says" it with no author named speaks for itself
   (:mod:`parley.nlp.rules.quote_context`).
4. What nobody is said to have uttered (a short title, a name, a scare quote) is dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import FINITE_TAGS, TENSED_VERB_TAGS
from parley.nlp.doctext import doc_quotations, doc_text
from parley.nlp.rules.actors import ActorIndex, ActorRecord
from parley.nlp.rules.attribution_after import (
    OPEN_ENDINGS,
    attributed_after,
    closing_inversion,
    inverted_subject,
)
from parley.nlp.rules.dash_asides import aside_after_clause, cue_after_aside
from parley.nlp.rules.frame_voices import asked_by, made_to_say, under_the_law, words_after_noun
from parley.nlp.rules.headline_labels import with_headline_speaker
from parley.nlp.rules.hypothetical_cues import supposed_before, supposed_only, supposed_speech
from parley.nlp.rules.it_documents import document_before
from parley.nlp.rules.latter_former import pointed_actor, pointer_before, pointer_word
from parley.nlp.rules.modifier_cues import describes_addressee
from parley.nlp.rules.name_epithets import is_epithet_of
from parley.nlp.rules.paired_fragments import share_paired_fragments
from parley.nlp.rules.passive_topics import passive_topic, reports_passive
from parley.nlp.rules.quote_context import infer_from_neighbours
from parley.nlp.rules.quote_frames import (
    Draft,
    cue_before,
    cues,
    embedding_subject,
    give_speaker,
    introduced_by_colon,
    introduced_by_comma,
    introduced_by_dash,
    signed_after,
    signed_at_close,
    signed_below,
)
from parley.nlp.rules.quote_shape import (
    is_body_name,
    is_case_name,
    is_sentence,
    is_title,
    is_title_cased_work,
    looks_like_name,
    quotation_kind,
)
from parley.nlp.rules.speaker_spans import speaker_mention
from parley.nlp.rules.speaker_tokens import quoted_person, speaker_token
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.rules.speech_cues import (
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
    cue_span,
    cue_text,
    is_according_to,
    is_document,
    is_speech_verb,
)
from parley.nlp.rules.statement_issuer import document_issuer
from parley.nlp.rules.title_names import holder_closing_sentence
from parley.nlp.rules.unvoiced_terms import (
    defined_term,
    name_given,
    named_by_its_noun,
    other_name,
    scare_modifier,
    term_spoken_of,
    unvoiced_in_sentence,
)
from parley.nlp.tokens import doc_tokens
from parley.quotemarks import Intervals, MarkedSpan, paragraphs
from parley.types import Quote, SpeakerRef

#: Words right before a quotation that make it a name, title or term rather than speech.
NAMING_WORDS = lexicon.word_set("naming_words")
#: "as Roe put it, 'apart from ...'": the frame gives even a partial quotation its speaker.
_PUT_IT = re.compile(r"\bputs? it,\s*$")
#: Verbs whose object may be the words said ('chanted "..."', 'read "..."').
SAYING_VERBS = lexicon.derived_set("saying verbs", lambda: SPEECH_VERBS | WEAK_SPEECH_VERBS)
#: Verbs that name what their object is, in words: "called the plan a 'disaster'".
NAMING_VERBS = lexicon.derived_set(
    "naming verbs",
    lambda: (
        lexicon.where_set("portrayal_verbs", "spoken", "yes").get()
        | {"call", "declare", "pronounce"}
    ),
)


def extract_quotes(
    doc: Doc, actors: ActorIndex, *, warnings: list[str] | None = None
) -> list[Quote]:
    """Direct and partial quotations of ``doc`` with speakers from ``actors``.

    An opening mark never closed in its paragraph still gives a quotation (to the end of that
    paragraph) and, when ``warnings`` is given, a warning naming its offset.
    """
    text = doc_text(doc)
    spans = list(doc_quotations(doc))
    if warnings is not None:
        warnings.extend(
            f"unbalanced quotation mark at offset {s.open_at}: the quotation is taken to "
            + ("the attribution it runs over" if s.cut else "the end of its paragraph")
            for s in spans
            if s.unbalanced
        )
    if not spans:
        return []
    quoted = Intervals(
        [(s.open_at, (s.close_at if s.close_at is not None else s.end) + s.width) for s in spans]
    )
    resolver = SpeakerResolver(doc, actors, quoted=quoted.contains, describes=True)
    para_bounds = list(paragraphs(text))
    para_starts = [p[0] for p in para_bounds]
    para_start_set = set(para_starts)

    drafts = [
        _draft(doc, span, quoted, resolver, para_bounds, para_starts, para_start_set)
        for span in spans
    ]
    infer_from_neighbours(doc, drafts, para_bounds, quoted, resolver)
    share_paired_fragments(text, drafts)

    found = [
        _quote_of_run(text, run)
        for run in _paragraph_runs(drafts)
        if any(_is_speech(text, member) for member in run)
    ]
    return with_headline_speaker(doc, actors, found)


def _draft(
    doc: Doc,
    span: MarkedSpan,
    quoted: Intervals,
    resolver: SpeakerResolver,
    para_bounds: list[tuple[int, int]],
    para_starts: list[int],
    para_start_set: set[int],
) -> Draft:
    """One quotation's kind, speaker and cue, from the frames tried in turn: the cue it hangs
    from, a verb of saying set right before it, a cue after it, then a comma, colon or dash
    that introduces it, the clause it is woven into, and a signature on its line or below it."""
    text = doc_text(doc)
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    draft = Draft(span=span, tokens=tokens)
    draft.kind = quotation_kind(text, span, para_start_set)
    if draft.kind == "partial" and tokens is not None and is_sentence(tokens):
        draft.kind = "direct"
    aside = aside_after_clause(doc, span)
    _attribute(doc, draft, quoted, resolver, para_bounds, para_starts, aside)
    if draft.unnamed:
        return draft
    _voiced_right_before(doc, draft, quoted, resolver)
    if not draft.syntactic or _cue_after_attribution(draft):
        attributed_after(doc, draft, quoted, resolver)
    if draft.kind == "direct":
        asked_by(doc, draft, resolver)
    if draft.speaker is None and draft.kind == "direct":
        made_to_say(doc, draft, resolver)
    if not draft.syntactic and (
        draft.kind == "direct"
        or _PUT_IT.search(text, max(0, span.open_at - 12), span.open_at) is not None
    ):
        introduced_by_comma(doc, draft, quoted, resolver)
    if draft.speaker is None or not draft.syntactic and cue_before(doc, draft):
        introduced_by_colon(doc, draft, quoted, resolver)
    if draft.speaker is None and (draft.kind == "direct" or aside is not None):
        introduced_by_dash(doc, draft, quoted, resolver)
    if draft.speaker is None and (draft.woven or len(text[span.start : span.end].split()) > 5):
        embedding_subject(draft, quoted, resolver)
    if draft.speaker is None:
        under_the_law(doc, draft, resolver)
    if draft.kind == "direct":
        signed_after(doc, draft, resolver)
    if draft.speaker is None and draft.kind == "direct":
        signed_below(doc, draft, resolver)
    if draft.speaker is None and draft.kind == "direct":
        signed_at_close(doc, draft, resolver)
    draft.supposed = (
        draft.supposed or _supposed_cue(doc, draft.cue_span) or supposed_before(doc, span.open_at)
    )
    return draft


def _supposed_cue(doc: Doc, cue_at: tuple[int, int] | None) -> bool:
    """Whether the cue a frame found for the quotation only supposes its words ('Now, if a
    customer says, "..."'): see :func:`supposed_speech`."""
    words = doc.char_span(*cue_at, alignment_mode="expand") if cue_at is not None else None
    return words is not None and len(words) > 0 and supposed_speech(words.root)


def _quote_of_run(text: str, run: list[Draft]) -> Quote:
    """The quotation a run of paragraph drafts makes, spoken by the draft that voices it."""
    draft = _voice_of(run)
    start, end = run[0].span.start, run[-1].span.end
    return Quote(
        id="",
        text=text[start:end],
        start=start,
        end=end,
        kind="partial" if draft.kind == "partial" and len(run) == 1 else "direct",
        speaker=(
            SpeakerRef(draft.speaker.id, draft.speaker.name, draft.mention)
            if draft.speaker
            else None
        ),
        cue=draft.cue,
        confidence=draft.confidence if draft.speaker else 0.2,
        cue_span=draft.cue_span if draft.speaker else None,
    )


def _paragraph_runs(drafts: list[Draft]) -> list[list[Draft]]:
    """The drafts grouped by quotation: a quotation that runs over several paragraphs (its
    opening mark repeated at the head of each, its closing mark only at the end of the last)
    is one quotation, as the reader takes it, not one per paragraph."""
    runs: list[list[Draft]] = []
    for draft in drafts:
        if runs and draft.span.continued and runs[-1][-1].span.continues:
            runs[-1].append(draft)
        else:
            runs.append([draft])
    return runs


def _voice_of(run: list[Draft]) -> Draft:
    """The paragraph of a long quotation whose attribution speaks for all of it: the first with
    a cue it hangs from, else the first with a speaker, else the first."""
    return next(
        (d for d in run if d.speaker is not None and d.syntactic),
        next((d for d in run if d.speaker is not None), run[0]),
    )


# -- attribution -----------------------------------------------------------------------------
def _region(
    doc: Doc, span: MarkedSpan, para_bounds: list[tuple[int, int]], para_starts: list[int]
) -> Span:
    """The sentences the quotation touches, plus a trailing "..., she said." split off by spaCy."""
    text = doc_text(doc)
    first = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    close = span.close_at if span.close_at is not None else max(span.end - 1, span.start)
    last = doc.char_span(close, close + 1, alignment_mode="expand")
    if first is None or last is None or not len(first) or not len(last):
        return doc[0:0]
    start = first[0].sent.start
    end = last[-1].sent.end
    after = last[-1].i + 1
    if after < len(doc) and doc[after].sent.start >= end:
        nxt = doc[after]
        same_paragraph = "\n" not in text[close : nxt.idx]
        if same_paragraph and (nxt.is_lower or nxt.pos_ in {"PROPN", "PRON", "DET"}):
            end = doc[after].sent.end
    # spaCy's sentences sometimes run across a paragraph break; a cue never does.
    para_lo, para_hi = _line_around(text, para_bounds, para_starts, span.open_at, close)
    while start < first[0].i and doc[start].idx < para_lo:
        start += 1
    while end > last[-1].i + 1 and doc[end - 1].idx >= para_hi:
        end -= 1
    return doc[start:end]


def _line_around(
    text: str, para_bounds: list[tuple[int, int]], starts: list[int], open_at: int, close: int
) -> tuple[int, int]:
    """Where the line holding ``open_at`` starts and the first line break at or after ``close``
    (the text's end if none), found by binary search over the paragraphs' bounds."""
    k = bisect.bisect_right(starts, open_at) - 1
    if k >= 0 and open_at <= para_bounds[k][1]:
        lo = para_bounds[k][0]
    else:
        lo = text.rfind("\n", 0, open_at) + 1
    k = bisect.bisect_right(starts, close) - 1
    if k >= 0 and close <= para_bounds[k][1]:
        hi = para_bounds[k][1]
        hi = hi if hi < len(text) and text[hi] == "\n" else text.find("\n", close)
    else:
        hi = text.find("\n", close)
    return lo, len(text) if hi < 0 else hi


def _ancestor_depths(tokens: Span) -> dict[int, int]:
    """For each ancestor (up to 30 steps) of the quotation's tokens, how far up it is at least:
    one walk per token, so that ranking many cues costs a lookup each."""
    best: dict[int, int] = {}
    table = doc_tokens(tokens.doc)
    head, pos, dep = table.head, table.pos, table.dep
    span = range(tokens.start, tokens.end)
    words = [i for i in span if pos[i] != "PUNCT"]
    reporter = _reporter_of(words, head, dep, tokens.doc)
    # A quotation's last stop and comma hang from the sentence's root as often as from the
    # quoted words: through them a root that does not report the quotation's clause would
    # seem a nearer cue than the verb introducing it ("After Roe said that ..., Lee
    # spoke", "a clip that Roe called 'vile.'"). The nearest verb reporting the clause the
    # quotation stands in keeps them ("Roe said she wants a plan that calls for 'a ferry
    # in every town.'": Roe's, not the plan's).
    kept = [i for i in span if pos[i] != "PUNCT" or head[i] == reporter]
    for i in kept or span:
        depth = 0
        node = i
        while head[node] != node and depth < 30:
            node = head[node]
            depth += 1
            if best.get(node, 31) > depth:
                best[node] = depth
    return best


def _reporter_of(words: list[int], head: list[int], dep: list[str], doc: Doc) -> int | None:
    """The nearest verb of saying whose reported clause (a ``ccomp``) holds the quotation's
    first word, if any."""
    if not words:
        return None
    node, steps = words[0], 0
    while head[node] != node and steps < 30:
        parent = head[node]
        if dep[node] == "ccomp" and is_speech_verb(doc[parent]):
            return parent
        node, steps = parent, steps + 1
    return None


def _attribute(
    doc: Doc,
    draft: Draft,
    quoted: Intervals,
    resolver: SpeakerResolver,
    para_bounds: list[tuple[int, int]],
    para_starts: list[int],
    aside: int | None = None,
) -> None:
    span = draft.span
    if draft.tokens is None or not len(draft.tokens):
        return
    region = _region(doc, span, para_bounds, para_starts)
    candidates = cues(region, quoted, draft.tokens)
    if not candidates:
        return
    close = span.close_at if span.close_at is not None else span.end
    depths = _ancestor_depths(draft.tokens)
    tokens = draft.tokens
    text = doc_text(doc)

    def rank(cue: Token) -> tuple[int, int, int, int, int, int]:
        depth = depths.get(cue.i)
        # The cue's own object being the quotation ("said, '...'") also links them, and so
        # does a reply set off before it ("says to Lee, who responds: '...'").
        if depth is None and (
            any(child.idx >= span.start and child.idx < close for child in cue.children)
            or _reply_before_colon(cue, text, span.open_at)
        ):
            depth = 1
        distance = cue.idx - close if cue.idx >= close else (span.open_at - cue.idx) + 15
        # "According to the BBC, a spokesman said": the source is a fallback to the speaker.
        return (
            0 if depth is not None else 1,
            int(is_according_to(cue)),
            int(_in_named_object(cue, candidates, span.open_at)),
            # "urged those calling for X to '...'": the directive, not its object's clause.
            int(describes_addressee(cue, tokens)),
            depth or 0,
            distance,
        )

    closed = text[span.start : span.end].rstrip()[-1:] in {".", "…"}

    in_quote = quoted.contains

    # 'Reed was said to be in "good spirits"': Reed is the topic, and no one is named as the
    # speaker unless a report holds the passive clause.
    topic_of = passive_topic(tokens, in_quote)
    draft.unnamed = topic_of is not None
    # Each cue's rank once: "hangs from it" (rank[0] == 0) is asked again below.
    ranked = sorted(((rank(cue), cue) for cue in candidates), key=lambda pair: pair[0])
    for (unlinked, *_rest), cue in ranked:
        if topic_of is not None and not reports_passive(cue, topic_of):
            continue
        if aside is not None and cue_after_aside(cue, aside):
            # 'Hale lamented his promises - "must he?" - voters said ...': the words set
            # between dashes belong to the clause they interrupt, not the one after them.
            continue
        if unlinked == 1 and _closes_woven_sentence(cue, span, close):
            # 'Lee coached Park to "slow down." That led Kim to joke.': the words close the
            # sentence they are woven into; the next sentence is about something else.
            draft.woven = True
            continue
        if _passed_over(cue, unlinked == 1, closed, span, close, quoted):
            continue
        if supposed_speech(cue):
            # 'if a neighbour says, "..."': the words of nobody, when the quotation hangs
            # from the cue; a cue it does not hang from is only passed over.
            draft.supposed = draft.unnamed = unlinked == 0
            if draft.supposed:
                return
            continue
        found = _speaker_at(draft, cue, close, in_quote, resolver, text)
        if found is None:
            continue
        who, record, confidence = found
        depth_known = unlinked == 0
        draft.speaker = record
        draft.mention = speaker_mention(cue, who)
        draft.cue_span = cue_span(cue)
        draft.cue = cue_text(cue)
        draft.syntactic = depth_known
        draft.confidence = confidence * (1.0 if depth_known else 0.9)
        draft.unnamed = False
        return


def _reply_before_colon(cue: Token, text: str, open_at: int) -> bool:
    """Whether ``cue`` is a verb of speech in a relative clause that ends at the colon right
    before the quotation ("Lee says to Kim, who responds: '...'"): the reply is the
    quotation's cue, though the parser hung it on the verb the clause follows."""
    if cue.dep_ != "relcl" or not is_speech_verb(cue):
        return False
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in cue.children):
        return False  # "a mayor who promised two ferries: '...'": words of its own
    end = cue.right_edge.idx + len(cue.right_edge.text)
    return end <= open_at and text[end:open_at].strip() == ":"


def _passed_over(
    cue: Token, unlinked: bool, closed: bool, span: MarkedSpan, close: int, quoted: Intervals
) -> bool:
    """Whether a cue the parse does not link to the quotation (``unlinked``) is no cue of it: a
    verb after a closed quotation that reports a clause of its own, or a weak verb of speech
    that is neither next to the marks nor reports a clause."""
    if not unlinked:
        return False
    if supposed_only(cue):
        return True  # 'the email, if written by the suspect, would settle it: "..."'
    if closed and cue.idx > close and _reports_own_clause(cue, quoted):
        # '"... campaign." Ohio Gov. Jane Roe said she would have fired him': the next
        # sentence's verb reports its own clause, not the closed quotation before it.
        return True
    if closed and cue.idx > close and _points_ahead(cue, close, quoted):
        return True
    adjacent = 0 <= span.open_at - (cue.idx + len(cue.text)) <= 12 or (
        # '"...," maintained Lee', not 'would have "new tools" to maintain order'.
        0 <= cue.idx - close <= 12 and not _infinitive(cue)
    )
    return (
        cue.lemma_.lower() in WEAK_SPEECH_VERBS
        and not adjacent
        and not any(c.dep_ == "ccomp" for c in cue.children)
        # "According to the BBC, a spokesman expressed ...": the report frame makes the
        # weak verb the speech act, and its subject the speaker rather than the BBC.
        and not any(is_according_to(c) for c in cue.children)
    )


def _closes_woven_sentence(cue: Token, span: MarkedSpan, close: int) -> bool:
    """Whether ``cue`` opens a sentence after the quotation, which stands inside a sentence
    begun before its opening mark and ends it ('coached Park to "slow down." That led ...')."""
    if cue.idx <= close or cue.sent.start_char <= close:
        return False
    doc = cue.doc
    text = doc_text(doc)
    if text[span.start : span.end].rstrip()[-1:] not in {".", "?", "!", "…"}:
        return False
    opening = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if opening is None or not len(opening):
        return False
    sent = opening[0].sent
    line = text.rfind("\n", 0, span.open_at)
    return cue.sent.text[:1].isupper() and any(
        not t.is_punct and t.idx > line for t in doc[sent.start : opening[0].i]
    )


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _points_ahead(cue: Token, close: int, quoted: Intervals) -> bool:
    """Whether a cue in a sentence after a closed quotation belongs to words after it: '"...."
    Lee, the chief, said: "..."' introduces the next quotation; "The plant closed in May,
    according to officials." sources its own sentence. Neither says who spoke before."""
    if cue.sent.start_char <= close:
        return False
    if is_according_to(cue):
        return True
    nxt = cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].text == ":"
    return nxt or any(
        c.dep_ in {"ccomp", "dobj"} and c.idx > cue.idx and c.idx in quoted for c in cue.children
    )


def _speaker_at(
    draft: Draft,
    cue: Token,
    close: int,
    in_quote: Callable[[int], bool],
    resolver: SpeakerResolver,
    text: str,
) -> tuple[Token, ActorRecord, float] | None:
    """The word naming the speaker of ``cue``, the actor it resolves to and the confidence, or
    None. An unresolved pronoun or document is kept on ``draft`` for later passes."""
    span = draft.span
    # "The paper quoted Lee as saying '...'": the one quoted said the words.
    who = quoted_person(cue, in_quote) or speaker_token(cue, quoted=in_quote)
    if who is None or in_quote(who.idx) or _borrowed_subject(cue, who, text, close):
        who = inverted_subject(cue, close) or closing_inversion(cue, close, text) or who
    who = holder_closing_sentence(who, cue)
    if who is not None and is_epithet_of(who, span, text, in_quote):
        return None  # 'the "dishonest" Pratt criticised ...': the word describes Pratt
    pointer = (pointer_word(who) if who is not None else None) or pointer_before(cue)
    pointed = pointed_actor(pointer, resolver.actors) if pointer is not None else None
    if pointer is not None and pointed is not None:
        return pointer, pointed[1], 0.7  # 'the FAA and the NTSB, with the latter saying'
    if who is None and is_speech_verb(cue):
        nearest = resolver.nearest_person_token(cue)
        record, confidence = (nearest[1] if nearest else None), 0.6
        who = nearest[0] if nearest else None
    elif who is None or in_quote(who.idx):
        return None
    else:
        record, confidence = resolver.resolve(who)
    if record is None and who is not None:
        record, confidence = _unresolved(draft, cue, who, close, resolver, text, in_quote)
    if record is None or who is None:
        return None
    return who, record, confidence


def _unresolved(
    draft: Draft,
    cue: Token,
    who: Token,
    close: int,
    resolver: SpeakerResolver,
    text: str,
    in_quote: Callable[[int], bool],
) -> tuple[ActorRecord | None, float]:
    """For a speaker word ``who`` that names no actor: the issuer of a document it names (and
    its confidence), keeping on ``draft`` an unresolved pronoun or document for later passes."""
    span = draft.span
    record: ActorRecord | None = None
    confidence = 0.0
    if (who.pos_ == "PRON" or is_document(who)) and draft.unresolved is None:
        draft.unresolved = (speaker_mention(cue, who), cue_span(cue), cue_text(cue))
    if draft.document is None:
        # '"...," it stated.' after a memo: the document speaks, if the context names no one.
        draft.document = document_before(who, in_quote)
    if is_document(who):
        record, confidence = document_issuer(who, resolver.resolve)
        if (
            record is None
            and draft.document is None
            and cue.pos_ == "VERB"
            and text[span.start : span.end].rstrip()[-1:] in OPEN_ENDINGS
            and 0 <= who.idx - close <= 12
        ):
            # '"...," the notice read.': the document itself, if the context names no
            # one who speaks through it (see quote_context.infer_from_neighbours).
            draft.document = who
    return record, confidence


def _borrowed_subject(cue: Token, who: Token, text: str, close: int) -> bool:
    """'The plan "could cost more than the pier," said Jon Lund': a subject the cue took from
    before the quotation, not its own (the parser hung the verb apart from the name after
    it), gives way to the name the inverted verb puts right after itself, when nothing but
    the closing marks stands between the quotation and the verb ('... "smell the coffee" and
    said Lee should resign' is the first subject's second act)."""
    between = text[close : cue.idx]
    return (
        cue.tag_ in TENSED_VERB_TAGS  # "saying the city is ..." is no inversion
        and who.i < cue.i
        and who.head.i != cue.i
        and all(not ch.isalnum() for ch in between)
    )


def _in_named_object(cue: Token, candidates: list[Token], open_at: int) -> bool:
    """'X called AP's report a "rush to judgment"', 'called a report suggesting ...
    "outrageous"': a noun of saying or a participle in the object of a naming verb before the
    quotation; the naming verb, not the word in its object, says the quoted words."""
    if cue.idx >= open_at or cue.pos_ == "VERB" and cue.tag_ not in {"VBG", "VBN"}:
        return False
    naming = NAMING_VERBS.get()
    return any(
        verb.i < cue.i
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in naming
        and verb.sent.start == cue.sent.start
        and not any(t.tag_ in FINITE_TAGS or t.is_punct for t in cue.doc[verb.i + 1 : cue.i])
        for verb in candidates
    )


def _voiced_right_before(
    doc: Doc, draft: Draft, quoted: Intervals, resolver: SpeakerResolver
) -> None:
    """ "Roe said as a protester shouted: '...'", "when Lee said it was good to be back, a
    man yelled '...'": a verb of saying (or of yelling, chanting) set right before the opening
    mark, after the cue found, utters the quotation, whatever the parser hung it on."""
    if draft.speaker is None or draft.cue_span is None:
        return
    text = doc_text(doc)
    i = draft.span.open_at - 1
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    if i >= 0 and text[i] in ":,":
        i -= 1
    verb = doc.char_span(i, i + 1, alignment_mode="expand")
    if verb is None or not len(verb) or "\n" in text[i : draft.span.open_at]:
        return
    cue = verb[-1]
    if (
        cue.pos_ != "VERB"
        or cue.idx <= draft.cue_span[0]
        or cue.idx in quoted
        or cue.lemma_.lower() not in SAYING_VERBS
    ):
        return
    who = _utterer(cue)
    if who is None or who.idx in quoted:
        return
    record, confidence = resolver.resolve(who)
    if record is None or record is draft.speaker:
        return
    give_speaker(draft, record, cue, who, confidence * 0.9)


def _utterer(verb: Token) -> Token | None:
    """The subject of a verb right before a quotation: its own, or the noun just before it
    that the parser made it modify ("a man yelled" read as a man who yelled)."""
    own = next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in {"who", "that"}), None
    )
    if own is not None:
        return own
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBD"
        and verb.head.i == verb.i - 1
        and verb.head.pos_ in {"NOUN", "PROPN"}
    ):
        return verb.head
    return None


def _cue_after_attribution(draft: Draft) -> bool:
    """Whether the cue found lies after the quotation but not right after it: '"...," Trump
    said, after Becky Quick said ...' is Trump's, whatever the parse hung the quotation on."""
    close = draft.span.close_at
    return (
        draft.cue_span is not None
        and close is not None
        and draft.cue_span[0] > close + draft.span.width + 3
    )


def _reports_own_clause(cue: Token, quoted: Intervals) -> bool:
    """Whether a cue has a reported clause of its own outside the quotations."""
    return any(c.dep_ == "ccomp" and c.idx not in quoted for c in cue.children)


# -- is it speech at all? ---------------------------------------------------------------------
#: A quotation just before, joined to the next by "or", "and" or a comma: '"X" or "Y"'.
_COORDINATED_BEFORE = re.compile(r"[\"“‘'][^\"“”‘’\n]{1,60}[\"”’']\s*(?:,\s*)?(?:or|and|,)\s*$")


def _before_coordinated(text: str, open_at: int) -> str:
    """The forty characters before a quotation, or before the quotation it is coordinated
    with: in 'known as "X" or "Y"', "Y" is named by "known as" as much as "X" is."""
    before = text[max(0, open_at - 100) : open_at]
    joined = _COORDINATED_BEFORE.search(before)
    if joined is not None:
        before = before[: joined.start()]
    return before[-40:]


def _is_a_name(text: str, draft: Draft, content: str, words: list[str]) -> bool:
    """Whether the words in marks are a name, a title or a term rather than speech: a work's
    or a show's title, a court case, a body, a name a naming word gives ('called "X"'), a term
    spoken of or defined."""
    if (
        is_title(text, draft.span)
        or is_title_cased_work(text, draft.span, draft.tokens, SAYING_VERBS)
        or is_case_name(content)
        or is_body_name(text, draft.span)
    ):
        return True
    before = _before_coordinated(text, draft.span.open_at).lower().split()
    naming_word = next((w for w in reversed(before[-3:]) if w.strip(",") in NAMING_WORDS), None)
    named = bool(before) and (
        before[-1].strip(",") in NAMING_WORDS
        or before[-2:] == ["known", "as"]
        or before[-3:] == ["referred", "to", "as"]
    )
    if named and not draft.syntactic:
        return True
    if (naming_word or named) and looks_like_name(words):
        return True  # "residents call the district 'the Kettle'": a name, whoever gave it
    # 'a tool called "X"', 'the term "X" is vague', '"X" (XYZ)': named, not said
    return (
        name_given(draft.tokens)
        or term_spoken_of(draft.tokens)
        or named_by_its_noun(draft.tokens)
        or defined_term(text, draft.span.close_at, draft.span.width, words)
    )


def _is_speech(text: str, draft: Draft) -> bool:
    content = text[draft.span.start : draft.span.end].strip()
    words = content.split()
    if (
        words
        and draft.speaker is not None
        and draft.tokens is not None
        and words_after_noun(draft.tokens.doc, draft)
    ):
        return True  # "The marchers had one message: 'Recall Reed.'"
    if not words or draft.supposed or _is_a_name(text, draft, content, words):
        return False
    if draft.speaker is None:
        # Nobody is said to have uttered it: a long clause is still a quotation (speaker
        # unknown); a short phrase is a title, a name or a scare quote.
        return len(words) > 5
    if (
        unvoiced_in_sentence(draft, words)
        or other_name(text, draft.span.open_at, draft.tokens, words)
        or scare_modifier(draft.tokens, draft.kind, draft.syntactic)
    ):
        return False
    # A Title Cased name near a speech verb it does not hang from is not speech.
    title_cased = all(w[:1].isupper() for w in words if w[:1].isalpha())
    return not (len(words) <= 4 and title_cased and not draft.syntactic)
