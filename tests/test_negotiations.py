"""Agreements (status, parties, due dates, steps), conditions as items, ultimatums."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.negotiations import extract_agreements, extract_conditions
from parley.types import DateMention, Quote, SpeakerRef

pytestmark = pytest.mark.model


def _date(text: str, phrase: str, value: str) -> DateMention:
    start = text.index(phrase)
    return DateMention(phrase, start, start + len(phrase), value)


STATUS_CASES = [
    (
        "Israel and Hamas signed a ceasefire agreement on Sunday.",
        "agreement",
        "signed",
        ("ISR", "PSE"),
    ),
    (
        "The parliament of Georgia ratified the treaty with Armenia.",
        "treaty",
        "ratified",
        ("GEO", "ARM"),
    ),
    ("Russia withdrew from the grain deal in July.", "deal", "collapsed", ("RUS",)),
    ("Egypt proposed a truce between India and Pakistan.", "ceasefire", "proposed", ("IND", "PAK")),
    (
        "The truce between Armenia and Azerbaijan collapsed on Monday.",
        "ceasefire",
        "collapsed",
        ("ARM", "AZE"),
    ),
    (
        "Iran and Saudi Arabia reached an agreement to restore ties.",
        "agreement",
        "agreed",
        ("IRN", "SAU"),
    ),
    ("Kenya and Somalia will sign a trade deal next month.", "deal", "proposed", ("KEN", "SOM")),
    ("Beijing and Washington did not sign the trade deal.", "deal", "proposed", ("CHN", "USA")),
    (
        "Armenia and Azerbaijan agreed on Monday to extend the ceasefire.",
        "ceasefire",
        "agreed",
        ("ARM", "AZE"),
    ),
    # a mediator is not a party
    ("Qatar brokered a truce between Israel and Hamas.", "ceasefire", "agreed", ("ISR", "PSE")),
    ("Turkey brokered a cease-fire agreement last year.", "agreement", "agreed", ()),
    # an agreement named with its parties and no verb about it is one that exists
    (
        "Greece called the maritime agreement between Turkey and Libya illegal.",
        "agreement",
        "agreed",
        ("TUR", "LBY"),
    ),
]


@pytest.mark.parametrize(("text", "kind", "status", "parties"), STATUS_CASES)
def test_negotiations_agreement_status_and_parties(
    nlp: Any, text: str, kind: str, status: str, parties: tuple[str, ...]
) -> None:
    doc = nlp(text)
    (agreement,) = extract_agreements(doc, ActorIndex.build(doc))
    assert (agreement.kind, agreement.status, agreement.parties) == (kind, status, parties)
    assert text[agreement.start : agreement.end] == agreement.text


@pytest.mark.parametrize(
    "text",
    [
        "The deal, seen as part of a proposed partnership, remains unclear.",
        "Israeli settlements in the West Bank expanded last year.",
        "The fund manager bought shares on Monday.",
        "The French candidate endorsed the Green New Deal.",
        "Talks on the trade agreement between Chile and Peru will resume.",
    ],
)
def test_negotiations_no_agreement_without_status_verb(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert extract_agreements(doc, ActorIndex.build(doc)) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value", "step"),
    [
        (
            "The two sides aim to finalise the accord by March 3.",
            "by March 3",
            "2025-03-03",
            "finalisation",
        ),
        (
            "Kenya and Somalia are expected to sign the pact on Friday.",
            "on Friday",
            "2025-02-28",
            "signing",
        ),
    ],
)
def test_negotiations_due_date_of_pending_action(
    nlp: Any, text: str, phrase: str, value: str, step: str
) -> None:
    doc = nlp(text)
    (agreement,) = extract_agreements(
        doc, ActorIndex.build(doc), dates=[_date(text, phrase, value)]
    )
    assert (agreement.status, agreement.due, agreement.due_text) == ("proposed", value, phrase)
    assert agreement.steps == (step,)


def test_negotiations_past_action_gets_its_date_not_a_due_date(nlp: Any) -> None:
    text = "Chile and Peru signed the accord on Tuesday."
    doc = nlp(text)
    (agreement,) = extract_agreements(doc, dates=[_date(text, "on Tuesday", "2025-02-25")])
    assert (agreement.status, agreement.date, agreement.due) == ("signed", "2025-02-25", None)


def test_negotiations_required_step_goes_to_the_agreement(nlp: Any) -> None:
    text = (
        "Serbia and Kosovo agreed to a ceasefire on Monday. Georgia's parliament would still have "
        "to vote on ratification."
    )
    doc = nlp(text)
    (agreement,) = extract_agreements(doc, ActorIndex.build(doc))
    assert agreement.status == "agreed"
    assert agreement.steps == ("ratification by Georgia's parliament",)


def test_negotiations_said_by_comes_from_the_quote(nlp: Any) -> None:
    text = 'Lena Holm spoke on Monday. "We will sign the treaty soon," she said.'
    start = text.index("We will")
    quote = Quote(
        id="q1",
        text="We will sign the treaty soon,",
        start=start,
        end=start + len("We will sign the treaty soon,"),
        kind="direct",
        speaker=SpeakerRef(id="a1", name="Lena Holm"),
    )
    doc = nlp(text)
    (agreement,) = extract_agreements(doc, ActorIndex.build(doc), quotes=[quote])
    assert agreement.said_by == "Lena Holm"
    (unquoted,) = extract_agreements(nlp("Lena Holm will sign the treaty soon."))
    assert unquoted.said_by is None


CONDITION_CASES = [
    (
        "Ukraine's conditions include a complete truce, the release of all prisoners and "
        "security guarantees.",
        "condition",
        "UKR",
        ("complete truce", "release of all prisoners", "security guarantees"),
    ),
    (
        "Kyiv has long insisted on security guarantees before any settlement is signed.",
        "condition",
        "UKR",
        ("security guarantees",),
    ),
    (
        "Moscow demanded the lifting of sanctions and the recognition of annexed regions.",
        "demand",
        "RUS",
        ("lifting of sanctions", "recognition of annexed regions"),
    ),
    (
        "The ministers discussed the conditions for peace, including a prisoner exchange, a buffer "
        "zone, and aid corridors for Sudan.",
        "condition",
        "SDN",
        ("prisoner exchange", "buffer zone", "aid corridors"),
    ),
]


@pytest.mark.parametrize(("text", "kind", "party", "items"), CONDITION_CASES)
def test_negotiations_conditions_as_items(
    nlp: Any, text: str, kind: str, party: str, items: tuple[str, ...]
) -> None:
    doc = nlp(text)
    (condition,) = extract_conditions(doc, ActorIndex.build(doc))
    assert (condition.kind, condition.party, condition.items) == (kind, party, items)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters demanded higher wages.",
        "Prime Minister Anna Lind urged residents of Malta to evacuate.",
        "The Irish senator called for the legalisation of cannabis.",
        "The Chilean constitution requires consent from both chambers.",
        "She pledged to halt the fighting within 24 hours.",
        "The terms of the loan were not disclosed.",
    ],
)
def test_negotiations_no_condition_without_party_or_threat(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert extract_conditions(doc, ActorIndex.build(doc)) == []


def test_negotiations_calendar_deadline_is_not_an_ultimatum(nlp: Any) -> None:
    text = "Negotiators met again in Geneva; the Brexit deadline falls on October 31."
    doc = nlp(text)
    (condition,) = extract_conditions(
        doc, ActorIndex.build(doc), dates=[_date(text, "October 31", "2019-10-31")]
    )
    assert (condition.kind, condition.items, condition.deadline) == (
        "deadline",
        ("Brexit deadline",),
        "2019-10-31",
    )


@pytest.mark.parametrize(
    ("text", "party", "deadline", "item"),
    [
        (
            "“It is now a matter of days,” the Turkish minister warned.",
            "TUR",
            "a matter of days",
            "It is now a matter of days",
        ),
        (
            "Israel gave Hamas a deadline of Friday to release the hostages.",
            "ISR",
            "Friday",
            "release the hostages",
        ),
    ],
)
def test_negotiations_ultimatums(nlp: Any, text: str, party: str, deadline: str, item: str) -> None:
    from parley.nlp.rules.quotes import extract_quotes

    doc = nlp(text)
    actors = ActorIndex.build(doc)
    # As in the analyzer: who said a quoted ultimatum is the quote rule's answer.
    (condition,) = extract_conditions(doc, actors, quotes=extract_quotes(doc, actors))
    assert (condition.kind, condition.party, condition.deadline) == ("ultimatum", party, deadline)
    assert condition.items == (item,)


# A short article we wrote: a fictional round of Armenia-Azerbaijan talks.
ARTICLE = (
    "Armenia and Azerbaijan agreed on Monday to extend a ceasefire along their border after two "
    "days of clashes. Azerbaijani shelling killed at least three soldiers and wounded dozens of "
    "civilians in the town of Goris on Sunday, Armenian officials said. Foreign Minister Ararat "
    "Mirzoyan said Yerevan would sign a peace treaty with Baku by June 30. Armenia has insisted on "
    "the withdrawal of Azerbaijani troops, the return of prisoners and international monitors. The "
    "European Union pledged $50 million in aid to rebuild damaged villages. “We are talking about "
    "a matter of weeks, not months,” an Azerbaijani official said. Mirzoyan said parliament would "
    "still have the final say on ratification of the treaty."
)


def test_negotiations_whole_article_through_the_service() -> None:
    from parley.service import analyze

    out = analyze(ARTICLE, published="2025-06-10").to_dict()
    (casualty,) = out["casualties"]
    assert {
        k: casualty.get(k)
        for k in ("killed_min", "killed_max", "injured_min", "perpetrator", "date")
    } == {
        "killed_min": 3,
        "killed_max": None,
        "injured_min": 24,
        "perpetrator": "AZE",
        "date": "2025-06-08",
    }
    assert [(p["name"], p["country"]) for p in casualty["locations"]] == [("Goris", "ARM")]
    assert [(a["value"], a["unit"], a["measures"]) for a in out["amounts"]] == [(5e7, "USD", "aid")]
    agreements = {a["kind"]: a for a in out["agreements"]}
    assert agreements["ceasefire"]["status"] == "agreed"
    assert agreements["ceasefire"]["date"] == "2025-06-09"
    treaty = agreements["treaty"]
    assert (treaty["status"], treaty["due"], sorted(treaty["parties"])) == (
        "proposed",
        "2025-06-30",
        ["ARM", "AZE"],
    )
    assert treaty["steps"] == ["signing", "ratification by parliament"]
    conditions = {c["kind"]: c for c in out["conditions"]}
    assert conditions["condition"]["party"] == "ARM"
    assert conditions["condition"]["items"] == [
        "withdrawal of Azerbaijani troops",
        "return of prisoners",
        "international monitors",
    ]
    assert conditions["ultimatum"]["deadline"] == "a matter of weeks"
    assert conditions["ultimatum"]["party"] == "AZE"


def test_negotiations_seed_article_matches_gold(shared_corpus: Path) -> None:
    from parley.service import analyze

    seed = shared_corpus / "seed"
    gold = json.loads((seed / "seed-000.gold.json").read_text(encoding="utf-8"))
    out = analyze(
        (seed / "seed-000.txt").read_text(encoding="utf-8"), published="2025-04-18"
    ).to_dict()

    (want,) = gold["casualties"]
    (got,) = out["casualties"]
    assert (got["killed_min"], got["injured_min"], got["perpetrator"], got["date"]) == (
        want["killed_min"],
        want["injured_min"],
        want["perpetrator"],
        want["date"],
    )
    places = {p["name"]: p["country"] for p in got["locations"]}
    assert sorted(places) == sorted(want["locations"])
    assert set(places.values()) == {"UKR"}

    # Every commitment of the gold is a step of one agreement with its parties: the minerals
    # deal is one record (memorandum, fund, "the agreement", "deal"), carrying both due dates.
    owners = set()
    for commitment in gold["commitments"]:
        hits = [
            (a, m)
            for a in out["agreements"]
            for m in a["milestones"]
            if m["date"] == commitment["due"] and m["status"] in ("due", "expected")
        ]
        assert len(hits) == 1, commitment
        agreement, milestone = hits[0]
        owners.add(agreement["id"])
        assert sorted(agreement["parties"]) == sorted(commitment["parties"])
        if "said_by" in commitment:
            assert milestone["said_by"] == commitment["said_by"]
    assert len(owners) == 1
    (deal,) = [a for a in out["agreements"] if a["id"] in owners]
    assert {(m["step"], m["status"], m["date"]) for m in deal["milestones"]} >= {
        ("signing", "done", "2025-04-17"),
        ("finalisation", "due", "2025-04-26"),
        ("signing", "expected", "2025-04-24"),
    }
    assert deal["due"] == "2025-04-26"
    assert "ratification by parliament" in deal["steps"]
    # one record per agreement: no kind and party set twice
    keys = [(a["kind"], tuple(sorted(a["parties"]))) for a in out["agreements"]]
    assert len(keys) == len(set(keys)), keys
    ukr = next(c for c in gold["conditions"] if c["party"] == "UKR")
    assert any(
        c["party"] == "UKR" and list(c["items"]) == ukr["items"] and c["said_by"] == "Andrii Sybiha"
        for c in out["conditions"]
    )
    rus = next(c for c in gold["conditions"] if c["party"] == "RUS")
    assert any(c["party"] == "RUS" and list(c["items"]) == rus["items"] for c in out["conditions"])
    # each condition item once per party
    for party in {c["party"] for c in out["conditions"] if c["kind"] != "ultimatum"}:
        items = [
            i
            for c in out["conditions"]
            if c["party"] == party and c["kind"] != "ultimatum"
            for i in c["items"]
        ]
        assert len(items) == len(set(items)), (party, items)
    ultimatum = next(c for c in out["conditions"] if c["kind"] == "ultimatum")
    assert ultimatum["deadline"] == "a matter of days"
    assert not any(i.startswith("whether") for i in ultimatum["items"])


def test_negotiations_every_prepositional_status_verb_has_a_status() -> None:
    # "refused to adhere to the accord" once raised KeyError and lost the whole article.
    from parley.nlp.rules.negotiations import STATUS_VERBS, VERB_PREPS

    assert {verb for verb, _ in VERB_PREPS} <= set(STATUS_VERBS)


@pytest.mark.model
def test_negotiations_adhere_to_an_accord_is_analysed() -> None:
    import parley

    result = parley.analyze(
        "The junta refused to adhere to the border accord signed in May.", published="2025-06-01"
    )
    assert result.agreements


def _quote(text: str, said: str, speaker: str, kind: str) -> Quote:
    start = text.index(said)
    return Quote(
        id=f"q{start}",
        text=said,
        start=start,
        end=start + len(said),
        kind=kind,
        speaker=SpeakerRef(id="a1", name=speaker),
    )


def test_negotiations_mentions_of_one_agreement_are_one_record(nlp: Any) -> None:
    # a memorandum made to create a fund, then "the agreement", then "the deal": one agreement
    text = (
        "Chile and Peru signed a memorandum on Monday to create a water fund. "
        "The two governments aim to finalise the agreement by March 3. "
        "Officials say the deal will be signed on Friday."
    )
    dates = [
        _date(text, "on Monday", "2025-02-24"),
        _date(text, "by March 3", "2025-03-03"),
        _date(text, "on Friday", "2025-02-28"),
    ]
    doc = nlp(text)
    (agreement,) = extract_agreements(doc, ActorIndex.build(doc), dates=dates)
    assert agreement.parties == ("CHL", "PER")
    steps = [(m.kind, m.step, m.status, m.date) for m in agreement.milestones]
    assert steps == [
        ("memorandum", "signing", "done", "2025-02-24"),
        ("fund", "establishment", "planned", None),
        ("agreement", "finalisation", "due", "2025-03-03"),
        ("deal", "signing", "expected", "2025-02-28"),
    ]
    # the memorandum is signed, the deal is not yet: agreed, due by the deadline
    assert (agreement.status, agreement.date, agreement.due) == (
        "agreed",
        "2025-02-24",
        "2025-03-03",
    )
    assert "signing" in agreement.steps and "finalisation" in agreement.steps
    for m in agreement.milestones:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # different agreements between different parties stay apart
        ("Kenya and Somalia signed a trade deal on Monday. Brazil and Peru signed an accord.", 2),
        ("Kenya and Somalia signed a trade deal. India and Pakistan agreed to a truce.", 2),
        # one agreement named twice the same way is one
        ("Russia is seeking a peace settlement. Moscow wants to reach a peace settlement.", 1),
        # "the deal" goes back to the agreement just named
        ("India and Nepal signed a water treaty. Both parliaments ratified the deal.", 1),
    ],
)
def test_negotiations_linking_keeps_distinct_agreements_apart(
    nlp: Any, text: str, count: int
) -> None:
    doc = nlp(text)
    assert len(extract_agreements(doc, ActorIndex.build(doc))) == count


def test_negotiations_a_condition_repeated_is_listed_once(nlp: Any) -> None:
    text = (
        "The ministers discussed the conditions for peace, including a prisoner exchange, a buffer "
        "zone, and aid corridors for Sudan. Sudan has insisted on a buffer zone in any deal."
    )
    doc = nlp(text)
    (condition,) = extract_conditions(doc, ActorIndex.build(doc))
    assert condition.items == ("prisoner exchange", "buffer zone", "aid corridors")


def test_negotiations_condition_carries_the_reporting_speaker(nlp: Any) -> None:
    text = (
        "According to Lena Holm, the sides discussed the conditions for peace, including a "
        "prisoner exchange and a buffer zone for Sudan."
    )
    said = "the sides discussed the conditions for peace, including a prisoner exchange"
    doc = nlp(text)
    (condition,) = extract_conditions(
        doc, ActorIndex.build(doc), quotes=[_quote(text, said, "Lena Holm", "indirect")]
    )
    assert condition.said_by == "Lena Holm"


def test_negotiations_ultimatum_demand_is_not_the_weighing_clause(nlp: Any) -> None:
    text = (
        "Lena Holm said Sweden would not keep talking without a full ceasefire. "
        "\u201cWe will know in a matter of days whether this is doable,\u201d Holm said."
    )
    quotes = [
        _quote(
            text, "Sweden would not keep talking without a full ceasefire", "Lena Holm", "indirect"
        ),
        _quote(
            text, "We will know in a matter of days whether this is doable,", "Lena Holm", "direct"
        ),
    ]
    doc = nlp(text)
    (ultimatum,) = [
        c
        for c in extract_conditions(doc, ActorIndex.build(doc), quotes=quotes)
        if c.kind == "ultimatum"
    ]
    assert ultimatum.items == ("full ceasefire",)
    assert ultimatum.said_by == "Lena Holm"
