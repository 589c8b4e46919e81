"""The mutable record of one actor while an article is analysed."""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.types import Actor, ActorKind


class MentionEdits:
    """How many mentions have been added to any actor: lookup tables built over the mentions
    (``ActorIndex.at``) are rebuilt when it changes."""

    count = 0


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
    #: ISO3 code when the country came from text evidence (not the article's main country).
    country_evidence: bool = False
    #: International organisation code (NATO -> NAT), when the actor is one.
    code: str | None = None
    #: (start, end) of mentions that are grammatical subjects; pronouns prefer these.
    subject_mentions: list[tuple[int, int]] = field(default_factory=list)
    #: Titles by the mention they were read from, in text order.
    titles: list[tuple[int, str]] = field(default_factory=list)
    #: Character offsets of possessors of this actor's role ("Trump's envoy"): country fallback.
    owners: list[int] = field(default_factory=list)

    def add_mention(self, start: int, end: int, surface: str) -> None:
        """Record a mention ``[start, end)`` and its surface form as an alias."""
        if len(surface) == end - start:  # the span's own text: no spaces at either edge
            start += len(surface) - len(surface.lstrip())
            end -= len(surface) - len(surface.rstrip())
        if end <= start:
            return
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))
            self.mentions.sort()
            MentionEdits.count += 1
        surface = surface.strip()
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)

    def add_alias(self, alias: str) -> None:
        """Add an alias (a form of the name or a description) without a mention."""
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_title(self, start: int, title: str) -> None:
        """Record a title found at ``start``; the first one becomes :attr:`title`."""
        title = title.strip(" ,;")
        if not title or any(title.lower() == t.lower() for _, t in self.titles):
            return
        self.titles.append((start, title))
        self.titles.sort()
        self.title = self.titles[0][1]

    @property
    def first_mention(self) -> int:
        return self.mentions[0][0] if self.mentions else 1 << 62

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


@dataclass
class PersonMention:
    start: int  # token index
    end: int
    name: str
    honorific_gender: str | None = None
    surface_start: int = 0  # token index where the titled surface begins
