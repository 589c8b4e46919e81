"""Casualty figures with bounds, places, perpetrator and date; attaching them to events."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parley.nlp.rules.casualties import attach_casualties, extract_casualties
from parley.types import Casualties, CasualtyMention, DateMention, Event, EventActor

CASES = [
    (
        "Turkish drones struck a convoy near Kobani on Tuesday, killing at least four fighters "
        "and injuring more than 20.",
        {"killed_min": 4, "injured_min": 21, "perpetrator": "TUR"},
    ),
    (
        "At least 12 people were killed and dozens wounded when Israeli jets struck a market.",
        {"killed_min": 12, "injured_min": 24, "perpetrator": "ISR"},
    ),
    ("The death toll rose to 45 on Monday, officials said.", {"killed_min": 45, "killed_max": 45}),
    (
        "Three soldiers died and five others remain missing after the ambush.",
        {"killed_min": 3, "killed_max": 3, "missing_min": 5, "missing_max": 5},
    ),
    (
        "Police arrested 40 protesters outside the embassy.",
        {"arrested_min": 40, "arrested_max": 40},
    ),
    (
        "Nearly 50 civilians were injured by Syrian government shelling.",
        {"injured_max": 49, "perpetrator": "SYR"},
    ),
    (
        "A bus crash left 14 dead and 30 injured.",
        {"killed_min": 14, "killed_max": 14, "injured_min": 30, "injured_max": 30},
    ),
    ("Hundreds of demonstrators were detained overnight.", {"arrested_min": 200}),
    # dying is not killing: no perpetrator from the sentence's other nouns
    (
        "There are 90 cases in Chile, of which two patients have died.",
        {"killed_min": 2, "killed_max": 2},
    ),
    ("A total of 17 are confirmed dead, the ministry said.", {"killed_min": 17, "killed_max": 17}),
    (
        "At least a dozen villagers lost their lives when the river burst its banks.",
        {"killed_min": 12},
    ),
]

NO_CASUALTIES = [
    "The storm destroyed 100 houses along the coast.",
    "The new missile could kill thousands of people, experts warned.",
    "The minister said 2,000 troops would be deployed.",
    "Nobody was hurt in the blast, police said.",
    "The talks in 2019 brought 30 delegations together.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_casualties_counts_and_perpetrator(nlp: Any, text: str, expected: dict[str, Any]) -> None:
    mentions = extract_casualties(nlp(text))
    assert len(mentions) == 1
    assert mentions[0].counts.to_dict() == expected


@pytest.mark.model
@pytest.mark.parametrize("text", NO_CASUALTIES)
def test_casualties_ignores_non_casualty_numbers(nlp: Any, text: str) -> None:
    assert extract_casualties(nlp(text)) == []


@pytest.mark.model
def test_casualties_locations_prefer_cities_and_geocode_them(nlp: Any) -> None:
    text = (
        "Russian missiles hit eastern Ukraine overnight, killing five people in the cities of "
        "Dnipro and Kramatorsk."
    )
    (mention,) = extract_casualties(nlp(text))
    assert [(p.name, p.country) for p in mention.locations] == [
        ("Dnipro", "UKR"),
        ("Kramatorsk", "UKR"),
    ]
    assert mention.counts.perpetrator == "RUS"
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.model
def test_casualties_date_from_sentence_else_published(nlp: Any) -> None:
    text = "Two people were killed on Friday. Later, three more people were wounded."
    doc = nlp(text)
    friday = DateMention(
        "on Friday", text.index("on Friday"), text.index("on Friday") + 9, "2025-04-18"
    )
    first, second = extract_casualties(doc, dates=[friday], published=date(2025, 4, 19))
    assert (first.date, first.date_source) == ("2025-04-18", "text")
    assert (second.date, second.date_source) == ("2025-04-19", "published")
    assert second.counts.injured_min == 3


def _event(
    eid: str,
    root: str,
    trigger: tuple[int, int],
    sentence: tuple[int, int],
    source: str | None = "RUS",
) -> Event:
    return Event(
        id=eid,
        code=root,
        label="x",
        root=root,
        quad_class=4,
        goldstein=-10.0,
        plover_type=None,
        plover_mode=None,
        source=EventActor(name=source or "?", country=source),
        targets=(),
        trigger=trigger,
        sentence=sentence,
    )


def _mention(start: int, end: int, sentence: tuple[int, int], **counts: Any) -> CasualtyMention:
    return CasualtyMention(
        text="x", start=start, end=end, sentence=sentence, counts=Casualties(**counts)
    )


def test_casualties_attach_to_the_conflict_event_of_the_same_sentence() -> None:
    events = [
        _event("e1", "04", (2, 8), (0, 100)),  # a consultation in the same sentence
        _event("e2", "19", (40, 47), (0, 100)),  # the fighting
        _event("e3", "19", (120, 127), (101, 200)),  # another sentence
    ]
    mention = _mention(50, 70, (0, 100), killed_min=2)
    out = attach_casualties(events, [mention])
    assert [e.casualties for e in out] == [None, Casualties(killed_min=2, perpetrator="RUS"), None]
    assert out[0] is events[0] and out[2] is events[2]


def test_casualties_attach_keeps_figures_without_event() -> None:
    events = [_event("e1", "19", (5, 9), (0, 50))]
    out = attach_casualties(events, [_mention(70, 80, (60, 100), injured_min=3)])
    assert out == events


def test_casualties_attach_merges_with_existing_counts() -> None:
    event = _event("e1", "18", (5, 9), (0, 50))
    from dataclasses import replace

    event = replace(event, casualties=Casualties(killed_min=1))
    (out,) = attach_casualties(
        [event], [_mention(10, 20, (0, 50), killed_min=5, injured_min=7, perpetrator="SYR")]
    )
    assert out.casualties == Casualties(killed_min=1, injured_min=7, perpetrator="SYR")


def test_casualties_mention_round_trips_through_the_json_contract() -> None:
    from parley.types import Article, ArticleResult, Place

    mention = CasualtyMention(
        text="killing two",
        start=5,
        end=16,
        sentence=(0, 40),
        counts=Casualties(killed_min=2, injured_min=101, perpetrator="RUS"),
        locations=(Place(name="Kharkiv", start=20, end=27, country="UKR", kind="city"),),
        date="2025-04-18",
        date_source="text",
    )
    result = ArticleResult(article=Article(text="x" * 40, id="a1"), casualties=(mention,))
    data = result.to_dict()
    assert data["casualties"][0]["killed_min"] == 2
    assert data["casualties"][0]["locations"][0]["country"] == "UKR"
    assert ArticleResult.from_dict(data, text="x" * 40).casualties == (mention,)
