"""Actors of one article: people and organisations, their mentions, aliases, titles, countries.

``ActorIndex.build(doc)`` clusters the named mentions (PERSON / ORG / NORP-less) into canonical
actors; the quote and event rules then ask it who a mention, a description ("the President") or a
surname refers to, and may register unnamed speakers ("a police spokesperson").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from parley.types import Actor, ActorKind

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}


@dataclass
class ActorRecord:
    """A canonical actor while the article is analysed (mutable until frozen)."""

    id: str
    name: str
    kind: ActorKind
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None

    def add_mention(self, start: int, end: int, surface: str) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))
            self.mentions.sort()
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)

    def freeze(self) -> Actor:
        return Actor(
            id=self.id,
            name=self.name,
            kind=self.kind,
            title=self.title,
            country=self.country,
            sector=self.sector,
            aliases=tuple(self.aliases),
            mentions=tuple(self.mentions),
        )


def _clean_name(span: Span) -> str:
    text = span.text.strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text.endswith("'s") or text.endswith("\u2019s"):
        text = text[:-2]
    return text.strip()


class ActorIndex:
    """The actors of one Doc and the lookups the other rules need."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.records: list[ActorRecord] = []

    # -- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, doc: Doc) -> ActorIndex:
        index = cls(doc)
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS:
                index._add_named(ent, "person")
            elif ent.label_ in ORG_LABELS:
                index._add_named(ent, "organization")
        return index

    def _add_named(self, ent: Span, kind: ActorKind) -> None:
        name = _clean_name(ent)
        if not name:
            return
        record = self.find(name, kind=kind)
        if record is None:
            record = self.add(name, kind)
        elif len(name.split()) > len(record.name.split()) and kind == "person":
            # The fullest name the article uses is the canonical one.
            if record.name not in record.aliases:
                record.aliases.append(record.name)
            record.name = name
        record.add_mention(ent.start_char, ent.end_char, ent.text)

    def add(self, name: str, kind: ActorKind, **facts: str | None) -> ActorRecord:
        """Register a new actor (e.g. an unnamed source) and return it."""
        record = ActorRecord(id=f"a{len(self.records) + 1}", name=name, kind=kind)
        for key, value in facts.items():
            setattr(record, key, value)
        self.records.append(record)
        return record

    # -- lookups --------------------------------------------------------------------------
    def find(self, name: str, *, kind: ActorKind | None = None) -> ActorRecord | None:
        """The actor called ``name``, by full name, alias or shared surname."""
        wanted = name.strip().lower()
        if not wanted:
            return None
        for record in self.records:
            if kind and record.kind != kind:
                continue
            if wanted == record.name.lower() or wanted in (a.lower() for a in record.aliases):
                return record
        last = wanted.split()[-1]
        for record in self.records:
            if kind and record.kind != kind:
                continue
            if record.kind == "person" and record.name.lower().split()[-1] == last:
                return record
        return None

    def at(self, start: int, end: int) -> ActorRecord | None:
        """The actor with a mention overlapping the characters ``[start, end)``."""
        for record in self.records:
            for m_start, m_end in record.mentions:
                if m_start < end and start < m_end:
                    return record
        return None

    def mentions_before(self, offset: int, *, kind: ActorKind | None = None) -> list[tuple[int, ActorRecord]]:
        """(start, actor) of every mention that starts before ``offset``, nearest last."""
        found = [
            (m_start, record)
            for record in self.records
            if kind is None or record.kind == kind
            for m_start, _ in record.mentions
            if m_start < offset
        ]
        found.sort(key=lambda pair: pair[0])
        return found

    def freeze(self) -> tuple[Actor, ...]:
        return tuple(record.freeze() for record in self.records)
