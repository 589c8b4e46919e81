"""Who did what to whom: CAMEO-coded events from dependency parses and the trigger lexicon.

For every sentence:

1. Triggers are found through the lexicon (``parley/data/event_lexicon.tsv``): verbs ("shelled"),
   verb + object ("lifted the curfew"), event nouns realised by a light verb ("held talks") or
   owned by an actor ("Russian airstrikes"), evaluative words ("optimistic").
2. Frames fold a complement into one event: "threatened to cut aid" is a threat (1311), "agreed
   to provide aid" an intent (0333), "refused to release" a refusal (1243), "demanded that X
   withdraw" a demand (1056), "may stop facilitating the talks" a threat to halt mediation
   (135). The complement is then not reported as done.
3. Modality: negated actions give no event; "will/would/going to" and "may/could" turn actions into
   intents (cooperation) or threats (conflict); "X said Y must do Z" is X's demand on Y; triggers
   inside an if/unless clause are conditions, not events.
4. Source = the grammatical subject (passive agent, controller of an infinitive, owner of an event
   noun), resolved through the actor index, pronouns, quotes (inside a quotation "we" is its
   speaker) and reported speech; targets = objects and prepositional objects; both coded with a
   country (ISO3, or IGO+code) and sector by :mod:`parley.geo.countries`.
5. Date = the sentence's own date expression, else the publication date (``date_source``);
   places = the places named in the sentence. One event is reported once per article: events with
   the same root, source, speaker, date and compatible targets are merged.

The package: :mod:`.vocab` (word lists, read from ``parley/data/lexicon/events_*.tsv``),
:mod:`.deps` (dependency labels), :mod:`.syntax` (small syntax helpers), :mod:`.nodes` (triggers
and frames), :mod:`.modality`, :mod:`.participants` (source, targets, speaker), :mod:`.sentence`
(the events of one sentence) and :mod:`.merge` (one event per act).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from parley.nlp.doctext import doc_sents, doc_text
from parley.nlp.rules.actors import ActorIndex, ActorRecord
from parley.nlp.rules.events.merge import dedupe, events_in_sentence
from parley.nlp.rules.events.participants import Context
from parley.nlp.rules.events.sentence import sentence_events, sentence_time
from parley.nlp.rules.events.speech_acts import speech_events
from parley.nlp.rules.events.ultimatums import code_ultimatums
from parley.nlp.rules.events.vocab import REPORTING
from parley.nlp.rules.places import extract_places
from parley.types import DateMention, Event, EventActor, Place, Quote

__all__ = ["REPORTING", "events_in_sentence", "extract_events"]

log = logging.getLogger(__name__)


def extract_events(
    doc: Doc,
    actors: ActorIndex,
    *,
    quotes: Sequence[Quote] = (),
    dates: Sequence[DateMention] = (),
    published: date | None = None,
    places: Sequence[Place] | None = None,
) -> list[Event]:
    """CAMEO/PLOVER events of a parsed article.

    Args:
        doc: the parsed article.
        actors: its actor index (countries, sectors, titles of people and organisations).
        quotes: its quotations; an event inside one is attributed to the quotation's speaker.
        dates: its resolved date expressions; an event takes its sentence's own date.
        published: publication date, the date of events whose sentence names none.
        places: places named in the article (offsets into ``doc.text``).

    Returns:
        Events in text order, each reported once.
    """
    resolver = None

    def speaker_of(tok: Token) -> ActorRecord | None:
        nonlocal resolver
        if resolver is None:
            from parley.nlp.rules.speech import SpeakerResolver

            resolver = SpeakerResolver(doc, actors)
        return resolver.resolve_pronoun(tok)

    ctx = Context(doc=doc, actors=actors, quotes=quotes, speaker_of=speaker_of)
    places = tuple(places) if places is not None else tuple(extract_places(doc))
    drafts: list[tuple[Event, EventActor | None]] = []
    quoted = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    mentions = {r.id: r.mentions for r in actors.records}
    carry = False
    prev_start = prev_end = 0
    text = doc_text(doc)
    for sent in doc_sents(doc):
        # Narrated backdrop carries on through a paragraph ("Mugabe was arrested in 1963. After
        # his release, he led ..."): until a date of the news, a new voice quoted (not the
        # backdrop's own actor, nor a scare quote such as "the breadbasket") or a new paragraph.
        if "\n" in text[prev_end : sent.start_char]:
            carry = False
        new_voice = any(
            q.kind == "direct"
            and sent.start_char <= q.start < sent.end_char
            and not (
                q.speaker is not None
                and any(
                    prev_start <= a < sent.start_char for a, _ in mentions.get(q.speaker.id, ())
                )
            )
            for q in quotes
        )
        prev_start = sent.start_char
        prev_end = prev_start + len(text[sent.start_char : sent.end_char].rstrip())
        time = sentence_time(sent, dates, published, quoted)
        if carry and time in {None, "past"} and not new_voice:
            ctx.backdrop.add(sent.start_char)
            continue
        carry = time == "backdrop"
        try:
            drafts += sentence_events(ctx, sent, dates, published, places, len(drafts))
        except Exception:  # a rule bug on one odd parse must not cost the article its analysis
            log.warning("event rules failed on the sentence at %d", sent.start_char, exc_info=True)
    # Inverted pyramid: the lede may report an act whose doer is not known yet ("an individual
    # has been arrested"); later in the story, an act no coded actor is said to have done is
    # detail, not a dyad of the news.
    first = doc_sents(doc)[0].end_char if len(doc) else 0
    drafts = [
        d
        for d in drafts
        if d[0].sentence[0] < first or (d[0].source is not None and d[0].source.country)
    ]
    drafts += speech_events(ctx, drafts, dates, published, places)
    drafts.sort(key=lambda d: d[0].sentence[0])
    drafts = code_ultimatums(doc, drafts, dates)
    return dedupe(drafts, actors.main_country)
