"""Actors: clustering, titles, countries, repairs, descriptions and pronouns (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from parley.nlp.rules.actors import ActorIndex, ActorRecord, names_compatible

pytestmark = pytest.mark.model

ARTICLE = (
    "US President Donald Trump said on Friday that Washington could walk away from the talks. "
    "Secretary of State Marco Rubio issued a similar warning in Paris. "
    "US Vice President JD Vance met Italian Prime Minister Giorgia Meloni in Rome. "
    "Kremlin spokesman Dmitry Peskov, reacting to Trump’s remarks, said talks were difficult. "
    "Russian airstrikes hit the cities of Kharkiv and Sumy on Friday, officials said. "
    "MP Ivanna Klympush-Tsintsadze, chair of the parliamentary committee on EU Integration, "
    "said parliament would decide. She told reporters the vote would come soon. "
    "Foreign Minister Andrii Sybiha met Rubio and Trump’s special envoy, Steve Witkoff, in Paris. "
    "“We will see,” the President said. "
    "The Kremlin spokesman added that Moscow was open to dialogue."
)


@pytest.fixture(scope="module")
def article(nlp: Any) -> tuple[Any, ActorIndex]:
    doc = nlp(ARTICLE)
    return doc, ActorIndex.build(doc)


def _person(index: ActorIndex, name: str) -> ActorRecord:
    record = index.find(name, kind="person")
    assert record is not None, f"no person {name!r} in {[r.name for r in index.records]}"
    return record


@pytest.mark.parametrize(
    ("name", "canonical", "title", "country"),
    [
        ("Trump", "Donald Trump", "President", "USA"),
        ("Rubio", "Marco Rubio", "Secretary of State", None),
        ("Vance", "JD Vance", "Vice President", "USA"),
        ("Meloni", "Giorgia Meloni", "Prime Minister", "ITA"),
        ("Peskov", "Dmitry Peskov", "Kremlin spokesman", "RUS"),
        (
            "Klympush-Tsintsadze",
            "Ivanna Klympush-Tsintsadze",
            "MP, chair of the parliamentary committee on EU Integration",
            None,
        ),
        ("Sybiha", "Andrii Sybiha", "Foreign Minister", None),
        ("Witkoff", "Steve Witkoff", "special envoy", "USA"),
    ],
)
def test_actor_name_title_country(
    article: tuple[Any, ActorIndex], name: str, canonical: str, title: str, country: str | None
) -> None:
    _, index = article
    record = _person(index, name)
    assert record.name == canonical
    assert record.title == title
    if country is not None:
        assert record.country == country


def test_surname_is_alias_of_full_name(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    trump = _person(index, "Donald Trump")
    assert "Trump" in trump.aliases
    assert index.find("President Trump") is trump


def test_possessive_surname_tagged_otherwise_joins_person(article: tuple[Any, ActorIndex]) -> None:
    doc, index = article
    start = ARTICLE.index("Trump’s remarks")
    assert index.at(start, start + len("Trump")) is _person(index, "Donald Trump")


def test_every_mention_slices_the_text(article: tuple[Any, ActorIndex]) -> None:
    doc, index = article
    for record in index.records:
        assert record.mentions, record.name
        for start, end in record.mentions:
            surface = doc.text[start:end]
            assert surface.strip() == surface and surface


def test_place_tagged_person_is_not_an_actor(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    names = {r.name for r in index.records}
    assert "Sumy" not in names and "Kharkiv" not in names


def test_title_word_state_is_not_an_organisation(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    assert not [r for r in index.records if r.kind == "organization" and r.name == "State"]


@pytest.mark.parametrize(
    ("description", "anchor", "expected"),
    [
        ("the President", "“We will see,”", "Donald Trump"),
        ("The Kremlin spokesman", "The Kremlin spokesman added", "Dmitry Peskov"),
        ("the minister", "“We will see,”", "Andrii Sybiha"),
        ("the Prime Minister", "“We will see,”", "Giorgia Meloni"),
        ("the Vice President", "“We will see,”", "JD Vance"),
    ],
)
def test_resolve_description(
    article: tuple[Any, ActorIndex], description: str, anchor: str, expected: str
) -> None:
    _, index = article
    record = index.resolve_description(description, ARTICLE.index(anchor))
    assert record is not None and record.name == expected


def test_resolve_description_needs_an_earlier_mention(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    assert (
        index.resolve_description("the Kremlin spokesman", ARTICLE.index("Kremlin spokesman"))
        is None
    )
    assert index.resolve_description("the archbishop", len(ARTICLE)) is None


def test_descriptions_in_text_become_mentions(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    start = ARTICLE.index("the President said")
    assert index.at(start, start + len("the President")) is _person(index, "Donald Trump")


def test_pronoun_resolution_and_gender(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    she = ARTICLE.index("She told")
    mp = _person(index, "Klympush-Tsintsadze")
    assert _pronoun_at(index, she) is mp
    assert mp.gender == "female"


def test_acting_capital_is_its_country(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    start = ARTICLE.index("Washington could")
    record = index.at(start, start + len("Washington"))
    assert record is not None and record.kind == "country" and record.country == "USA"


def test_ids_are_dense_and_frozen_actors_match(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    frozen = index.freeze()
    assert [a.id for a in frozen] == [f"a{n}" for n in range(1, len(frozen) + 1)]
    assert all(a.mentions == tuple(r.mentions) for a, r in zip(frozen, index.records, strict=True))


@pytest.mark.parametrize(
    ("text", "name", "kind", "country", "sector"),
    [
        (
            "The Kremlin said on Monday that talks would continue.",
            "Kremlin",
            "organization",
            "RUS",
            "GOV",
        ),
        (
            "The Supreme Court of Puerto Rico ruled on Wednesday against the governor.",
            "Supreme Court of Puerto Rico",
            "organization",
            "PRI",
            "JUD",
        ),
        ("NATO said it would send more troops to the region.", "NATO", "organization", None, "IGO"),
        (
            "Russia said on Monday it would not attend the summit.",
            "Russia",
            "country",
            "RUS",
            "GOV",
        ),
        ("Moscow rejected the proposal on Tuesday.", "Russia", "country", "RUS", "GOV"),
        (
            "The Ukrainian government said the deal would be signed next week.",
            "Ukrainian government",
            "organization",
            "UKR",
            "GOV",
        ),
    ],
)
def test_organisations_and_countries(
    nlp: Any, text: str, name: str, kind: str, country: str | None, sector: str
) -> None:
    index = ActorIndex.build(nlp(text))
    record = next((r for r in index.records if r.name == name), None)
    assert record is not None, [r.name for r in index.records]
    assert (record.kind, record.country, record.sector) == (kind, country, sector)


@pytest.mark.parametrize(
    ("text", "name", "title", "country"),
    [
        (
            "President Hassan Rouhani of Iran said the strait was safe.",
            "Hassan Rouhani",
            "President",
            "IRN",
        ),
        (
            "Italian Prime Minister Giorgia Meloni welcomed the visit.",
            "Giorgia Meloni",
            "Prime Minister",
            "ITA",
        ),
        (
            "Republican committee member Doug Collins of Georgia said the US inquiry was unfair. "
            "US lawmakers will vote.",
            "Doug Collins",
            "Republican committee member",
            "USA",
        ),
        (
            "Niger's president Mahamadou Issoufou said the zone would help trade.",
            "Mahamadou Issoufou",
            "president",
            "NER",
        ),
        (
            "German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said it was right.",
            "Steffen Seibert",
            "spokesperson",
            "DEU",
        ),
        (
            "US Ambassador to Germany Richard Grenell criticised the airline on Monday.",
            "Richard Grenell",
            "Ambassador to Germany",
            "USA",
        ),
        (
            "Chief Executive of Hong Kong Carrie Lam delivered her policy speech.",
            "Carrie Lam",
            "Chief Executive",
            "HKG",
        ),
        (
            "After the speech, the director of Argentina's Amnesty International, Mariela Belski, "
            "said the bill was welcome.",
            "Mariela Belski",
            "director of Amnesty International",
            "ARG",
        ),
    ],
)
def test_titles_and_countries_in_single_sentences(
    nlp: Any, text: str, name: str, title: str, country: str
) -> None:
    index = ActorIndex.build(nlp(text))
    record = index.find(name, kind="person")
    assert record is not None, [r.name for r in index.records]
    assert (record.name, record.title, record.country) == (name, title, country)


def test_namesakes_stay_apart(nlp: Any) -> None:
    doc = nlp(
        "Thaksin Shinawatra was ousted in 2006. His sister Yingluck Shinawatra later led the "
        "government. Thaksin Shinawatra lives abroad."
    )
    index = ActorIndex.build(doc)
    people = sorted(r.name for r in index.records if r.kind == "person")
    assert people == ["Thaksin Shinawatra", "Yingluck Shinawatra"]


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Ms Carrie Lam said the bill was dead. Lam spoke in Hong Kong.", "Carrie Lam", "female"),
        ("Mr Robert Mugabe ruled for decades.", "Robert Mugabe", "male"),
        (
            "Andrew Leung opened the session. He said the council would meet again.",
            "Andrew Leung",
            "male",
        ),
    ],
)
def test_gender_evidence(nlp: Any, text: str, name: str, gender: str) -> None:
    index = ActorIndex.build(nlp(text))
    record = index.find(name, kind="person")
    assert record is not None and record.gender == gender


def test_pronoun_skips_person_of_other_gender(nlp: Any) -> None:
    text = (
        "Ms Yulia Svyrydenko announced the memorandum with US Treasury Secretary Scott Bessent. "
        "She said it was signed."
    )
    index = ActorIndex.build(nlp(text))
    assert _pronoun_at(index, text.index("She said")).name == "Yulia Svyrydenko"  # type: ignore[union-attr]


def test_add_unnamed_source_reads_facts_from_its_name(nlp: Any) -> None:
    index = ActorIndex.build(
        nlp("Police in Gdańsk said the attacker was arrested. Poland mourned the mayor.")
    )
    record = index.add("a police spokesperson", "person")
    assert record.sector == "COP" and record.country == "POL"
    assert index.add("the Ukrainian government", "person").kind == "organization"


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("Trump", "Donald Trump", True),
        ("Pierluisi Urrutia", "Pedro R. Pierluisi Urrutia", True),
        ("J.D. Vance", "JD Vance", True),
        ("Erdogan", "Recep Tayyip Erdoğan", True),
        ("Donald", "Donald Trump", False),
        ("Grace Mugabe", "Robert Mugabe", False),
        ("Hunter Biden", "Joe Biden", False),
    ],
)
def test_names_compatible(short: str, long: str, expected: bool) -> None:
    assert names_compatible(short, long) is expected


def _pronoun_at(index: ActorIndex, offset: int) -> Any:
    """The actor the pronoun at ``offset`` refers to, as the speaker rules resolve it."""
    from parley.nlp.rules.speech import SpeakerResolver

    token = next(t for t in index.doc if t.idx == offset)
    return SpeakerResolver(index.doc, index).resolve_pronoun(token)
