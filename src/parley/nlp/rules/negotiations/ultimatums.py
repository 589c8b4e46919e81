"""Ultimatums and deadlines: "a matter of days", "within 48 hours ... or face", the nouns
ultimatum and deadline."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_sents, doc_text
from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.negotiations import vocab
from parley.nlp.rules.negotiations.common import party_of, speaker_of, subject_tokens
from parley.nlp.tokens import doc_tokens, has_infinitive_to
from parley.nlp.tree import object_of
from parley.types import Condition, DateMention, Quote


def _speaker_country(name: str | None, actors: ActorIndex | None) -> str | None:
    """The speaker's country: from the actor table, else the country that is the subject of
    the sentence that first names the speaker ("Reyes ... stating that Chile would not ...")."""
    if not name:
        return None
    from parley.geo.countries import find_country

    record = actors.find(name) if actors is not None else None
    if record is None or actors is None:
        # "an Azerbaijani official", "the Turkish minister"
        return find_country(name)
    if record.country:
        return record.country
    if not record.mentions:
        return None
    start, end = record.mentions[0]
    span = actors.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    # "US President Donald Trump": a country word in the title right before the name
    lead = [t for t in span.sent if t.i < span.start and t.i >= span.start - 4]
    code = party_of([t for t in lead if t.dep_ in ("compound", "amod", "nmod")], actors)
    if code:
        return code
    subjects = [t for tok in span.sent if tok.dep_ in NOMINAL_SUBJECT_DEPS for t in tok.subtree]
    return party_of(subjects, actors)


def _deadline_noun(
    key: Token,
    doc: Doc,
    actors: ActorIndex | None,
    quotes: Sequence[Quote],
    dates: Sequence[DateMention],
) -> Condition:
    """ "gave Hamas a deadline of Friday to release the hostages", "issued an ultimatum"."""
    verb = key.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    said_by = speaker_of(key.idx, doc, quotes, actors, reported=True)
    party = party_of(subject_tokens(verb), actors) or _speaker_country(said_by, actors)
    deadline = _deadline_date(key, doc, dates)
    imposed = _imposed(key, verb)
    items = _due_items(key, verb, doc)
    return Condition(
        party=party,
        kind="ultimatum" if imposed else "deadline",
        items=tuple(items),
        start=key.idx,
        end=key.idx + len(key.text),
        said_by=said_by,
        deadline=deadline,
    )


def _deadline_date(key: Token, doc: Doc, dates: Sequence[DateMention]) -> str | None:
    """When: "a deadline of Friday", "until March 1"; a resolved date in the sentence wins."""
    sent = key.sent
    when: str | None = None
    for child in key.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "until", "for", "by"):
            obj = object_of(child)
            if obj is not None:
                when = doc[obj.left_edge.i : obj.right_edge.i + 1].text
    inside = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.value]
    after = [d for d in inside if d.start >= key.idx]
    resolved = min(after, key=lambda d: d.start) if after else (inside[-1] if inside else None)
    return resolved.value if resolved else when


def _imposed(key: Token, verb: Token) -> bool:
    """A deadline someone imposes ("gave Hamas a deadline") or backs with a threat is an
    ultimatum; a calendar deadline ("the tariff deadline is June 30") is a deadline."""
    words = {t.lower_ for t in key.sent}
    return (
        key.lower_.startswith("ultimatum")
        or verb.lemma_.lower() in vocab.words("imposing_verb")
        or bool(words & (vocab.words("threat_cue") - {"or", "move", "walk"}))
    )


def _due_items(key: Token, verb: Token, doc: Doc) -> list[str]:
    """What is due: the to-infinitive on the noun or the verb ("to release the hostages"), else
    the noun phrase ("the Brexit deadline")."""
    for node in (key, verb):
        for child in node.children:
            if child.dep_ in ("acl", "xcomp", "advcl", "relcl") and has_infinitive_to(child):
                first = next(c for c in child.children if c.dep_ == "aux" and c.lower_ == "to")
                span = doc[first.i + 1 : child.right_edge.i + 1]
                return [span.text.strip(' ,."“”')]
    tokens = [t for t in doc[key.left_edge.i : key.i + 1] if t.dep_ not in ("det", "poss")]
    return [" ".join(t.text for t in tokens) if len(tokens) > 1 else key.text]


def _required(
    sent: Span,
    doc: Doc,
    quotes: Sequence[Quote],
    actors: ActorIndex | None,
    said_by: str | None,
) -> list[str]:
    """The demand behind a deadline: the object of "without" or the "unless" clause, in the
    deadline's sentence or in the previous one when the same speaker says it."""
    sentences = [sent]
    if said_by and sent.start > 0:
        previous = doc[sent.start - 1].sent
        if speaker_of(previous.start_char, doc, quotes, actors, reported=True) == said_by or any(
            speaker_of(t.idx, doc, quotes, actors, reported=True) == said_by for t in previous
        ):
            sentences.insert(0, previous)
    for candidate in reversed(sentences):
        for token in candidate:
            if token.dep_ == "prep" and token.lower_ == "without":
                obj = object_of(token)
                if obj is not None:
                    first = obj.left_edge.i
                    while first < obj.i and doc[first].dep_ in ("det", "predet"):
                        first += 1
                    span = doc[first : obj.right_edge.i + 1]
                    return [span.text.strip(' ,.—–-"“”')]
            if token.dep_ == "mark" and token.lower_ == "unless":
                clause = token.head
                span = doc[token.i + 1 : clause.right_edge.i + 1]
                return [span.text.strip(' ,.—–-"“”')]
    return []


def find_ultimatums(
    doc: Doc, actors: ActorIndex | None, quotes: Sequence[Quote], dates: Sequence[DateMention]
) -> list[Condition]:
    out: list[Condition] = []
    lower = doc_tokens(doc).lower
    article = doc_text(doc)
    for sent in doc_sents(doc):
        words = lower[sent.start : sent.end]
        deadline: tuple[int, int] | None = None
        text = article[sent.start_char : sent.end_char]
        # "a matter of days", "a matter of weeks"
        match = re.search(
            r"\b(?:a|just a|only a)\s+matter\s+of\s+(?:days|weeks|hours)\b", text, re.I
        )
        if match:
            deadline = (sent.start_char + match.start(), sent.start_char + match.end())
        elif {"ultimatum", "deadline", "ultimatums", "deadlines"} & set(words):
            key = next(
                t for t in sent if t.lower_ in ("ultimatum", "deadline", "ultimatums", "deadlines")
            )
            out.append(_deadline_noun(key, doc, actors, quotes, dates))
            continue
        else:
            # "within 48 hours ... or face", "by Friday or else": a short deadline with a threat
            short = re.search(
                r"\bwithin\s+(?:the\s+next\s+)?\S+\s+(?:days|hours|weeks)\b", text, re.I
            )
            if short and set(words) & vocab.words("threat_cue") - {"or"} | (
                {"or"} & set(words) and {"face", "else", "otherwise"} & set(words)
            ):
                deadline = (sent.start_char + short.start(), sent.start_char + short.end())
        if deadline is None:
            continue
        deadline_text = doc_text(doc)[deadline[0] : deadline[1]]
        resolved = next(
            (d for d in dates if sent.start_char <= d.start < sent.end_char and d.value), None
        )
        said_by = speaker_of(deadline[0], doc, quotes, actors, reported=True)
        party = _speaker_country(said_by, actors)
        # What must happen by then: what the speaker makes the condition ("without concrete
        # signs of progress", "unless ..."), here or in the sentence that reports the same
        # speaker just before; a "whether ..." clause is the decision to come, not a demand.
        items = _required(sent, doc, quotes, actors, said_by)
        weighing = any(t.dep_ == "mark" and t.lower_ == "whether" for t in sent)
        if not items and not weighing:
            anchor = doc.char_span(deadline[0], deadline[1], alignment_mode="expand")
            verb = anchor.root.head if anchor is not None else sent.root
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            span = doc[verb.left_edge.i : verb.right_edge.i + 1]
            items.append(span.text.strip(' ,—–-"“”'))
        out.append(
            Condition(
                party=party,
                kind="ultimatum",
                items=tuple(items),
                start=deadline[0],
                end=deadline[1],
                said_by=said_by,
                deadline=resolved.value
                if resolved and deadline_text.lower() in ("deadline", "ultimatum")
                else deadline_text,
            )
        )
    return out
