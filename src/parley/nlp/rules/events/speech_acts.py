"""Statements as events: a quotation or reported statement that reports no act of its own is
the speaker's verbal act (CAMEO 01, 05, 11), coded by its tone.

News reports reactions by quoting them ("He was a dictator," said X; Y said the country was
"with him in our thoughts"). When the sentence of such a statement holds no event found by
the trigger rules, the statement itself is one: its source is the speaker (through the actor
table), its code comes from the words it holds (``events_speech_tone.tsv``: sympathy 018,
criticism 111, accusation 112, praise 051, optimism 013, pessimism 012, denial 016; else 010),
and its target is the other actor its sentence names (else, after merging, the speaker's own
country, as for every event without a named target).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span

from parley import lexicon
from parley.cameo.codebook import lookup
from parley.geo.countries import country_name
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_sents
from parley.nlp.rules.actors import ActorRecord
from parley.nlp.rules.events.participants import Context, record_actor
from parley.nlp.rules.events.syntax import in_condition, is_agreement, phrase_actor_code
from parley.nlp.rules.events.vocab import codes, words
from parley.nlp.rules.reported_stances import FINDING_DOCUMENTS
from parley.nlp.rules.speaker_tokens import TEXT_BEARING_NOUNS
from parley.nlp.rules.speech_cues import DOCUMENT_NOUNS
from parley.types import DateMention, Event, EventActor, Place, Quote

TONE_FILE = "events_speech_tone"

#: When two tones are equally frequent, the first of this order wins.
TONE_ORDER = ("018", "016", "112", "111", "051", "012", "013")


def _tones() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.table(TONE_FILE)}


def _tone(span: Span, tones: dict[str, str]) -> str:
    """The CAMEO code of a statement from the words it holds."""
    counts = Counter(
        tones.get(t.lemma_.lower()) or tones[t.lower_]
        for t in span
        if (t.lemma_.lower() in tones or t.lower_ in tones) and not in_condition(t)
    )  # "if one of the parties makes it very difficult, ...": a condition, not the tone
    if not counts:
        return "030" if _announces(span) else "010"
    top = max(counts.values())
    return next(code for code in TONE_ORDER if counts.get(code) == top)


def _announces(span: Span) -> bool:
    """ "We will change its name", "I am going to sign": the speaker announces a policy of
    their own (CAMEO 03, as the coders' convention has it for an announced future policy)."""
    future = words("future_aux")
    first = words("first_person")
    for tok in span:
        if tok.dep_ == "aux" and tok.lower_ in future:
            verb = tok.head
            if any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.lower_ in first for c in verb.children):
                return True
    return False


def speech_events(
    ctx: Context,
    drafts: Sequence[tuple[Event, EventActor | None]],
    dates: Sequence[DateMention],
    published: date | None,
    places: Sequence[Place],
) -> list[tuple[Event, EventActor | None]]:
    """Events for the statements whose sentences hold no other event."""
    doc = ctx.doc
    tones = _tones()
    taken = [e.sentence for e, _ in drafts]
    sents = doc_sents(doc)
    by_id = {r.id: r for r in ctx.actors.records}
    acting = {e.source.actor_id for e, _ in drafts if e.source is not None and e.source.actor_id}
    out: list[tuple[Event, EventActor | None]] = []
    spoken: set[tuple[str, int]] = set()
    signatories = {
        a.country
        for e, _ in drafts
        if e.code[:3] in codes("signing_code")
        for a in (e.source, *e.targets)
        if a is not None and a.country
    }
    for quote in ctx.quotes:
        sent = _free_sentence(ctx, quote, sents, taken)
        if sent is None or quote.speaker is None or quote.speaker.id not in by_id:
            continue
        key = (quote.speaker.id, sent.start_char)
        if key in spoken:
            continue  # one statement per speaker and sentence
        if _elaborates(by_id[quote.speaker.id], sent, sents, taken):
            continue  # the words of an act the sentence before reports ("issued a warning")
        if _unowned_text(by_id[quote.speaker.id]):
            continue  # "the study reports ...": a text with no author named is no actor
        source = record_actor(ctx, by_id[quote.speaker.id])
        if not source.country:
            continue
        if source.country in signatories and _on_agreement(sent, sents):
            continue  # a party's word on the agreement it concluded is part of that act
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        code = _tone(_statement_span(sent, span, quote), tones)
        if code == "010" and (quote.kind != "direct" or quote.speaker.id in acting):
            # a statement of fact: what it reports is coded where it happened; a plain remark
            # of an actor whose acts the article reports adds no act of its own
            continue
        spoken.add(key)
        acting.add(quote.speaker.id)
        out.append((_statement(ctx, sent, quote, source, code, dates, published, places), None))
    return out


def _unowned_text(record: ActorRecord) -> bool:
    """Whether a speaker is a study, report or post that the text ties to no author or body
    ("the study", "the event description"): its words are evidence, not an actor's verbal act.
    "the government statement" keeps the government's sector and stays an act."""
    words = record.name.split()
    if not words or not words[0].islower() or record.sector or record.kind == "person":
        return False  # a name ("Jakarta Post") is a body that speaks, not a text
    head = words[-1].lower()
    return head in DOCUMENT_NOUNS or head in FINDING_DOCUMENTS or head in TEXT_BEARING_NOUNS


def _free_sentence(
    ctx: Context, quote: Quote, sents: Sequence[Span], taken: Sequence[tuple[int, int]]
) -> Span | None:
    """The sentence of a quote when no other event holds it and it is news, not backdrop."""
    sent = next((s for s in sents if s.start_char <= quote.start < s.end_char), None)
    if sent is None or any(a < sent.end_char and sent.start_char < b for a, b in taken):
        return None
    return None if sent.start_char in ctx.backdrop else sent


def _on_agreement(sent: Span, sents: Sequence[Span]) -> bool:
    """Whether a statement's sentence, or the one before, speaks of an agreement or its signing
    ("announced the memorandum", "whatever is signed")."""
    nouns = lexicon.where("negotiation_words", "role", "agreement_noun")
    n = next((i for i, s in enumerate(sents) if s.start_char == sent.start_char), 0)
    return any(
        t.lemma_.lower() in nouns or t.lemma_.lower() == "sign"
        for s in sents[max(n - 1, 0) : n + 1]
        for t in s
    )


def _elaborates(
    record: object, sent: Span, sents: Sequence[Span], taken: Sequence[tuple[int, int]]
) -> bool:
    """Whether the speaker is named in the sentence before, and that sentence reports an act:
    the quotation then gives the words of that act, not a second one."""
    n = next((i for i, s in enumerate(sents) if s.start_char == sent.start_char), 0)
    if n == 0:
        return False
    before = sents[n - 1]
    if not any(a < before.end_char and before.start_char < b for a, b in taken):
        return False
    mentions = getattr(record, "mentions", ())
    return any(before.start_char <= start < before.end_char for start, _ in mentions)


def _agreement_parties(ctx: Context, sent: Span, source: EventActor) -> list[EventActor]:
    """A statement on an agreement ("called the border agreement null and void") is aimed at
    the agreement's parties: the last ones named with an agreement before it."""
    if not any(is_agreement(t) for t in sent):
        return []
    before = [p for at, p in ctx.deal_history if at < sent.end_char]
    parties = before[-1] if before else []
    return [p for p in parties if p.country != source.country]


def _topic_country(span: Span, source: EventActor) -> list[EventActor]:
    """The country a statement speaks about, when it names one other than the speaker's
    ("Nigeria is Africa's biggest economy ... without Nigeria the zone would be handicapped")."""
    counts: Counter[str] = Counter()
    for ent in span.ents:
        if ent.label_ in {"GPE", "NORP"}:
            country, _ = phrase_actor_code(ent.text)
            if country and country != source.country and country[:3] not in {"IGO", "NGO"}:
                counts[country] += 1
    if not counts:
        return []
    country = counts.most_common(1)[0][0]
    return [EventActor(name=country_name(country) or country, country=country)]


def _statement_span(sent: Span, span: Span, quote: Quote) -> Span:
    """The quoted words, and the sentence around them when the quote is a fragment of it."""
    if quote.kind == "direct":
        return span
    return sent if sent.start <= span.start and span.end <= sent.end else span


def _statement(
    ctx: Context,
    sent: Span,
    quote: Quote,
    source: EventActor,
    code: str,
    dates: Sequence[DateMention],
    published: date | None,
    places: Sequence[Place],
) -> Event:
    from parley.nlp.rules.events.sentence import date_for, named_party, places_in

    entry = lookup(code)
    targets = named_party(ctx, sent, source, source)
    trigger = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    assert trigger is not None
    if not targets and quote.kind == "direct":
        targets = _topic_country(trigger, source)
    if not targets:
        targets = _agreement_parties(ctx, sent, source)
    when = date_for(sent, trigger[0], dates, published)
    return Event(
        id="",
        **entry.event_fields(),
        source=source,
        targets=tuple(targets),
        trigger=(quote.start, quote.end),
        sentence=(sent.start_char, sent.end_char),
        date=when[0],
        date_source=when[1],
        places=places_in(sent, tuple(places)),
        modality="asserted",
        quote_id=quote.id,
    )
