"""One event per act and article: drafts with the same root, source, speaker, date and
compatible targets are merged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from parley.geo.countries import country_name
from parley.nlp.rules.events.vocab import codes
from parley.types import Event, EventActor


def events_in_sentence(events: Iterable[Event], start: int, end: int) -> list[Event]:
    """The events whose sentence overlaps the characters ``[start, end)`` (for casualties etc.)."""
    return [e for e in events if e.sentence[0] < end and start < e.sentence[1]]


def _same_actor(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return (a.country or a.name) == (b.country or b.name)


def _merge_key(event: Event, speaker: EventActor | None) -> tuple[Any, ...]:
    src = event.source
    who = (src.actor_id or src.country or src.name) if src else None
    spk = (speaker.actor_id or speaker.name) if speaker else None
    if spk == who:
        spk = None
    return (event.root, who, spk, event.date)


def dedupe(
    drafts: list[tuple[Event, EventActor | None]], main_country: str | None = None
) -> list[Event]:
    """The article's events, numbered: the drafts merged, and an event with no named target
    aimed at the party it answers or at the story's public."""
    kept = _merge_drafts(drafts)
    focus, lead_target = _story_dyad(kept, main_country)
    accusers = _accusers(kept)
    acts = Counter(e.source.country for e in kept if e.source and e.source.country)
    return [
        replace(
            e,
            id=f"e{n + 1}",
            targets=e.targets
            or _answered(e, accusers, acts)
            or _home_public(e.source, focus, lead_target),
        )
        for n, e in enumerate(kept)
    ]


def _merge_drafts(drafts: list[tuple[Event, EventActor | None]]) -> list[Event]:
    """The drafts in order, each merged into the first earlier event with its merge key and
    compatible targets, or kept as an event of its own."""
    kept: list[tuple[Event, tuple[Any, ...]]] = []
    for event, speaker in drafts:
        key = _merge_key(event, speaker)
        for n, (other, other_key) in enumerate(kept):
            merged = _merged(other, event) if other_key == key else None
            if merged is not None:
                kept[n] = (merged, other_key)
                break
        else:
            kept.append((event, key))
    return [event for event, _ in kept]


def _merged(kept: Event, event: Event) -> Event | None:
    """``kept`` with what ``event`` adds to it, or None when their targets are different
    countries (two acts aimed at two parties stay two events)."""
    mine = {t.country for t in event.targets}
    theirs = {t.country for t in kept.targets}
    if mine and theirs and not mine & theirs:
        return None
    if not theirs and mine:
        kept = replace(kept, targets=event.targets)
    if _is_generic(kept.code) and event.code != kept.code:
        # "issued a warning ... the US would not continue": keep the specific code.
        kept = replace(
            kept,
            code=event.code,
            label=event.label,
            goldstein=event.goldstein,
            plover_type=event.plover_type,
            plover_mode=event.plover_mode,
            modality=event.modality,
        )
    return kept


def _is_generic(code: str) -> bool:
    """A three-digit code ending in 0 is its family's unspecified act (``010`` make a
    statement, not specified below)."""
    return len(code) == 3 and code.endswith("0")


def _story_dyad(kept: list[Event], main_country: str | None) -> tuple[str | None, str | None]:
    """The story's focus country and the country its lead act is aimed at."""
    # The story's dyad is the act it leads with ("Germany banned Iran's airline"; "Turkey's
    # president proposed ...; Greece, UNESCO and the US criticised the move"): a third party's
    # act with no named target is aimed at its source, the source's at its target.
    lead = next((e for e in kept if e.source and e.source.country), None)
    focus = lead.source.country if lead and lead.source else main_country
    lead_target = (
        next((t.country for t in lead.targets if t.country and t.country != focus), None)
        if lead
        else None
    )
    return focus, lead_target


def _accusers(kept: list[Event]) -> dict[str, list[EventActor]]:
    """For each accused country, the sources of the accusations aimed at it."""
    # A denial or counter-charge that names no one answers those who accused its source
    # ("Those who link the attack to Iran are lying", after Saudi Arabia blamed Iran).
    accusers: dict[str, list[EventActor]] = {}
    for e in kept:
        if not _is_accusation(e) or e.source is None:
            continue
        for t in e.targets:
            if t.country and t.country != e.source.country:
                accusers.setdefault(t.country, []).append(e.source)
    return accusers


def _is_accusation(event: Event) -> bool:
    """A criticism or accusation (CAMEO 111, 112) whose source has a country and is not a
    bystander (media, think tanks), whose charges are no party's."""
    return (
        event.code[:3] in {"111", "112"}
        and event.source is not None
        and bool(event.source.country)
        and event.source.sector not in codes("bystander_sector")
    )


def _answered(
    event: Event, accusers: dict[str, list[EventActor]], acts: Counter[str]
) -> tuple[EventActor, ...]:
    """The accuser a statement of the accused answers: the one that accused it most, then the
    one that acts most in the story."""
    if event.source is None or not (
        event.root in {"01", "02", "10", "11"} or event.code[:3] == "016"
    ):
        return ()
    found = accusers.get(event.source.country or "")
    if not found:
        return ()
    counts = Counter(a.country for a in found)
    accuser = max(found, key=lambda a: (counts[a.country], acts[a.country or ""]))
    return (EventActor(name=accuser.name, country=accuser.country, sector=accuser.sector),)


def _home_public(
    source: EventActor | None, main_country: str | None, other: str | None = None
) -> tuple[EventActor, ...]:
    """An act whose sentence names no other party is aimed at the country the article is about
    when the source is a foreign one ("the commission also criticized the move"), else at the
    source's own country (a government's announcement, a protest, a party's decision): coded as
    that country, with no actor id, so that a reader can tell it from a named target."""
    if source is None or not source.country:
        return ()
    home = source.country if source.country[:3] not in {"IGO", "NGO"} else None
    country = main_country if main_country and main_country != source.country else home
    if other and source.country == main_country:
        country = other
    if country is None:
        return ()
    return (EventActor(name=country_name(country) or country, country=country),)
