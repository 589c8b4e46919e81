"""Actors: clustering, titles, countries, repairs, descriptions and pronouns (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from parley.nlp.rules.actors import ActorIndex, ActorRecord, names_compatible

pytestmark = pytest.mark.model

ARTICLE = (
    "US President Daniel Caldwell warned on Friday that Washington might abandon the negotiations. "
    "Secretary of State Victor Alvarado repeated the warning during a visit to Paris. "
    "US Vice President Owen Mercer held talks with Italian Prime Minister Chiara Benedetti "
    "in Rome. "
    "Kremlin spokesman Arkady Lebedin, responding to Caldwell’s comments, called the process "
    "complicated. "
    "Russian drones struck Kharkiv and Sumy overnight, regional governors reported. "
    "MP Oksana Hrytsenko-Valchuk, chair of the parliamentary energy committee, "
    "said lawmakers would have the final word. She added that a vote was expected shortly. "
    "Foreign Minister Taras Melnychuk met Alvarado and Caldwell’s special envoy, Grant Whitcombe, "
    "in Paris. "
    "“Time will tell,” the President said. "
    "The Kremlin spokesman added that Moscow remained ready for dialogue."
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
        ("Caldwell", "Daniel Caldwell", "President", "USA"),
        ("Alvarado", "Victor Alvarado", "Secretary of State", None),
        ("Mercer", "Owen Mercer", "Vice President", "USA"),
        ("Benedetti", "Chiara Benedetti", "Prime Minister", "ITA"),
        ("Lebedin", "Arkady Lebedin", "Kremlin spokesman", "RUS"),
        (
            "Hrytsenko-Valchuk",
            "Oksana Hrytsenko-Valchuk",
            "MP, chair of the parliamentary energy committee",
            None,
        ),
        ("Melnychuk", "Taras Melnychuk", "Foreign Minister", None),
        ("Whitcombe", "Grant Whitcombe", "special envoy", "USA"),
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
    caldwell = _person(index, "Daniel Caldwell")
    assert "Caldwell" in caldwell.aliases
    assert index.find("President Caldwell") is caldwell


def test_possessive_surname_tagged_otherwise_joins_person(article: tuple[Any, ActorIndex]) -> None:
    doc, index = article
    start = ARTICLE.index("Caldwell’s comments")
    assert index.at(start, start + len("Caldwell")) is _person(index, "Daniel Caldwell")


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
        ("the President", "“Time will tell,”", "Daniel Caldwell"),
        ("The Kremlin spokesman", "The Kremlin spokesman added", "Arkady Lebedin"),
        ("the minister", "“Time will tell,”", "Taras Melnychuk"),
        ("the Prime Minister", "“Time will tell,”", "Chiara Benedetti"),
        ("the Vice President", "“Time will tell,”", "Owen Mercer"),
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
    assert index.at(start, start + len("the President")) is _person(index, "Daniel Caldwell")


def test_pronoun_resolution_and_gender(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    she = ARTICLE.index("She added")
    mp = _person(index, "Hrytsenko-Valchuk")
    assert _pronoun_at(index, she) is mp
    assert mp.gender == "female"


def test_acting_capital_is_its_country(article: tuple[Any, ActorIndex]) -> None:
    _, index = article
    start = ARTICLE.index("Washington might")
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
            "A Supreme Court of Puerto Rico ruling on Wednesday went against the governor.",
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
            "President Farid Kazemi of Iran insisted that the shipping lanes remained open.",
            "Farid Kazemi",
            "President",
            "IRN",
        ),
        (
            "Italian Prime Minister Chiara Benedetti praised the delegation.",
            "Chiara Benedetti",
            "Prime Minister",
            "ITA",
        ),
        (
            "Republican committee member Wade Tillery of Georgia called the US investigation "
            "one-sided. US lawmakers vote next week.",
            "Wade Tillery",
            "Republican committee member",
            "USA",
        ),
        (
            "Niger's president Abdou Garba Sani argued the free-trade zone would boost commerce.",
            "Abdou Garba Sani",
            "president",
            "NER",
        ),
        (
            "German Chancellor Klaus Brenner's spokesperson, Jonas Wehling, called the decision "
            "correct.",
            "Jonas Wehling",
            "spokesperson",
            "DEU",
        ),
        (
            "US Ambassador to Germany Bradley Kessler condemned the carrier on Monday.",
            "Bradley Kessler",
            "Ambassador to Germany",
            "USA",
        ),
        (
            "Chief Executive of Hong Kong Vivian Tsang gave her annual address.",
            "Vivian Tsang",
            "Chief Executive",
            "HKG",
        ),
        (
            "Following the address, the director of Argentina's Center for Civic Rights, "
            "Paula Ferraro, praised the bill.",
            "Paula Ferraro",
            "director of Center for Civic Rights",
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
        "Viktor Halas was ousted in 2009. His sister Irena Halas later led the "
        "government. Viktor Halas now lives abroad."
    )
    index = ActorIndex.build(doc)
    people = sorted(r.name for r in index.records if r.kind == "person")
    assert people == ["Irena Halas", "Viktor Halas"]


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        (
            "Ms Vivian Tsang declared the proposal finished. Tsang was speaking in Hong Kong.",
            "Vivian Tsang",
            "female",
        ),
        ("Mr Samuel Okafor governed for decades.", "Samuel Okafor", "male"),
        (
            "Martin Yeung opened the sitting. He said the council would reconvene.",
            "Martin Yeung",
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
        "Ms Halyna Marchuk unveiled the memorandum alongside US Treasury Secretary Brian Colter. "
        "She said it had been signed."
    )
    index = ActorIndex.build(nlp(text))
    assert _pronoun_at(index, text.index("She said")).name == "Halyna Marchuk"  # type: ignore[union-attr]


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
        ("Caldwell", "Daniel Caldwell", True),
        ("Ferrer Llorens", "Pablo M. Ferrer Llorens", True),
        ("J.D. Mercer", "JD Mercer", True),
        ("Ozturan", "Kemal Tahsin Öztüran", True),
        ("Daniel", "Daniel Caldwell", False),
        ("Grace Okafor", "Samuel Okafor", False),
        ("Hunter Caldwell", "Daniel Caldwell", False),
    ],
)
def test_names_compatible(short: str, long: str, expected: bool) -> None:
    assert names_compatible(short, long) is expected


def _pronoun_at(index: ActorIndex, offset: int) -> Any:
    """The actor the pronoun at ``offset`` refers to, as the speaker rules resolve it."""
    from parley.nlp.rules.speech import SpeakerResolver

    token = next(t for t in index.doc if t.idx == offset)
    return SpeakerResolver(index.doc, index).resolve_pronoun(token)


def test_tagged_person_with_a_digit_is_not_a_person(nlp: Any) -> None:
    # The tagger labels "Voskhod 2" PERSON here; no one's name holds a digit.
    text = (
        "The Soyuz 2 capsule landed safely, and Voskhod 2 remained a museum piece. "
        "Engineer Lena Park said the hatch was sound."
    )
    doc = nlp(text)
    assert ("Voskhod 2", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    index = ActorIndex.build(doc)
    people = [r.name for r in index.records if r.kind == "person"]
    assert people == ["Lena Park"]


def test_a_disease_tagged_person_is_not_a_person(nlp: Any) -> None:
    # The tagger labels "Swine Flu" and "Bird" (before a lower-case "flu") PERSON here.
    text = (
        "A new case of Swine Flu was found in a pig near Dover on Monday. "
        "Tests showed that Bird flu had reached a farm, Ann Pratt said."
    )
    doc = nlp(text)
    assert {("Swine Flu", "PERSON"), ("Bird", "PERSON")} <= {(e.text, e.label_) for e in doc.ents}
    index = ActorIndex.build(doc)
    assert [r.name for r in index.records if r.kind == "person"] == ["Ann Pratt"]


def test_a_person_who_owns_a_convention_stays_a_person(nlp: Any) -> None:
    # "convention" names things ("the Dover Convention"), but after "'s" the name owns it.
    doc = nlp("The network covered Mary Walsh's convention in Boston warmly.")
    assert ("Mary Walsh's", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    index = ActorIndex.build(doc)
    assert [r.name for r in index.records if r.kind == "person"] == ["Mary Walsh"]


def test_designations_are_not_organisations(nlp: Any) -> None:
    # "COVID-19", "S-400": a disease and a missile system, which the tagger labels ORG here.
    text = (
        "The COVID-19 pandemic closed schools, and the S-400 system arrived in Ankara. "
        "Mayor Ana Ruiz said the World Health Organization would send a team."
    )
    doc = nlp(text)
    assert {("COVID-19", "ORG"), ("S-400", "ORG")} <= {(e.text, e.label_) for e in doc.ents}
    index = ActorIndex.build(doc)
    assert sorted((r.name, r.kind) for r in index.records if r.kind != "country") == [
        ("Ana Ruiz", "person"),
        ("World Health Organization", "organization"),
    ]


def test_untagged_surname_after_the_full_name_is_a_mention(nlp: Any) -> None:
    text = "Ida Holm and Paul Lind debated the budget.\n\nLind: “The budget must wait.”"
    index = ActorIndex.build(nlp(text))
    lind = _person(index, "Paul Lind")
    start = text.index("Lind:")
    assert (start, start + len("Lind")) in lind.mentions


def test_unnamed_person_described_by_a_gendered_noun_has_that_gender(nlp: Any) -> None:
    """ "His wife" and "a local woman", registered as speakers by their description, are
    women: a later "he" skips them."""
    from parley.nlp.rules.speech import SpeakerResolver

    text = "His wife had warned him. A local woman said the ferry was late."
    doc = nlp(text)
    index = ActorIndex.build(doc)
    resolver = SpeakerResolver(doc, index)
    wife = next(t for t in doc if t.text == "wife")
    woman = next(t for t in doc if t.text == "woman")
    for token in (wife, woman):
        record, _ = resolver.resolve(token)
        assert record is not None
        assert resolver.genders.get(record.id) == "female"


def _mentions_of(doc: Any, index: ActorIndex, name: str) -> list[str]:
    record = index.find(name, kind="person")
    assert record is not None, f"no person {name!r} in {[r.name for r in index.records]}"
    return [doc.text[s:e] for s, e in record.mentions]


def test_subject_description_stands_for_the_person_just_named(nlp: Any) -> None:
    """ "The candidate" with no titled candidate in the article is the subject just named."""
    doc = nlp(
        "Tom Poe visited a farm in Iowa on Sunday. The candidate told voters that he would "
        "cut taxes."
    )
    assert "The candidate" in _mentions_of(doc, ActorIndex.build(doc), "Tom Poe")


def test_office_description_needs_a_lone_untitled_person(nlp: Any) -> None:
    """ "The senator" after two people is left to the speaker rules, not given to either."""
    doc = nlp("Mayor Ann Lee met Tom Poe on Friday. The senator said the talks went well.")
    index = ActorIndex.build(doc)
    assert "The senator" not in _mentions_of(doc, index, "Tom Poe")
    assert "The senator" not in _mentions_of(doc, index, "Ann Lee")


def test_headline_words_glued_to_names_are_dropped(nlp: Any) -> None:
    """A Title Case headline's verb glued between two names leaves the two names."""
    doc = nlp(
        "Mayor Jim Doe Endorses Carla Diaz\nBOSTON\n\nJim Doe spoke on Monday with Carla Diaz."
    )
    index = ActorIndex.build(doc)
    names = sorted(r.name for r in index.records if r.kind == "person")
    assert names == ["Carla Diaz", "Jim Doe"]
    assert _mentions_of(doc, index, "Jim Doe")[0] == "Jim Doe"


def test_description_with_a_name_beside_it_is_not_the_last_subject(nlp: Any) -> None:
    """ "the party's former nominee, Jo Fox," is Jo Fox's description, not the last subject's."""
    doc = nlp(
        "Ann Lee dropped out of the race on Monday. At the convention, the party's former "
        "nominee, Jo Fox, won the nomination."
    )
    assert _mentions_of(doc, ActorIndex.build(doc), "Ann Lee") == ["Ann Lee"]


def test_a_name_the_parser_finds_in_another_script_is_no_actor(nlp: Any) -> None:
    # A transcript keeps the answer in its own language too; the English parser reads words
    # of that script as names at random ("STDs का" as a person).
    from spacy.tokens import Span

    doc = nlp(
        "Ravi Menon runs the clinic in Pune. ((hi)) उनके लिए STDs का इलाज करवाना। "
        "They cry every night."
    )
    at = next(t.i for t in doc if t.text == "STDs")
    others = [e for e in doc.ents if e.end <= at or e.start > at + 1]
    doc.ents = [*others, Span(doc, at, at + 2, label="PERSON")]
    names = [r.name for r in ActorIndex.build(doc).records]
    assert "Ravi Menon" in names
    assert not [n for n in names if "का" in n]
