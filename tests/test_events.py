"""Event extraction: one rule per case, on sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.errors import ConfigError
from parley.nlp.rules.event_lexicon import lexicon, parse_lexicon
from parley.nlp.rules.events import events_in_sentence
from parley.types import Event, EventActor


def _events(text: str, published: str = "2025-03-05") -> list[Event]:
    from parley.service import analyze

    return list(analyze(text, published=published).events)


def _one(text: str, **kw: str) -> Event:
    events = _events(text, **kw)
    assert len(events) == 1, [(e.code, e.source) for e in events]
    return events[0]


# -- no model --------------------------------------------------------------------------------


def test_events_lexicon_loads_and_checks_codes() -> None:
    table = lexicon()
    assert ("V", "shell") in table and ("F", "threaten") in table
    with pytest.raises(ConfigError, match="not a CAMEO code"):
        parse_lexicon("V  bomb  -  999\n")
    with pytest.raises(ConfigError, match="unknown frame"):
        parse_lexicon("F  bomb  -  shout\n")
    with pytest.raises(ConfigError, match="unknown condition"):
        parse_lexicon("V  bomb  colour=red  195\n")


def _event(start: int, end: int) -> Event:
    return Event(
        id="e1",
        code="195",
        label="Employ aerial weapons",
        root="19",
        quad_class=4,
        goldstein=-10.0,
        plover_type="ASSAULT",
        plover_mode="aerial",
        source=EventActor(name="Russia", country="RUS"),
        targets=(),
        trigger=(start, start + 3),
        sentence=(start, end),
    )


@pytest.mark.parametrize(
    ("span", "expected"), [((0, 10), 1), ((10, 20), 1), ((30, 40), 0), ((5, 25), 2)]
)
def test_events_in_sentence_by_offsets(span: tuple[int, int], expected: int) -> None:
    events = [_event(0, 10), _event(10, 20)]
    assert len(events_in_sentence(events, *span)) == expected


def test_events_to_dict_contract() -> None:
    d = _event(0, 10).to_dict()
    assert d["plover"] == {"type": "ASSAULT", "mode": "aerial"}
    assert d["source"]["country"] == "RUS" and d["target"] is None and d["targets"] == []
    assert d["sentence"] == [0, 10] and d["trigger"] == [0, 3]


# -- with the model --------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "root", "plover", "source", "target"),
    [
        (
            "Russian warplanes bombed the Ukrainian port of Odesa on Tuesday.",
            "19",
            "ASSAULT",
            "RUS",
            "UKR",
        ),
        ("The village was attacked by Sudanese militias.", "19", "ASSAULT", "SDN", None),
        ("Syrian airstrikes hit rebel-held towns near Idlib.", "19", "ASSAULT", "SYR", None),
        ("Germany threatened to impose sanctions on Belarus.", "13", "THREATEN", "DEU", "BLR"),
        ("Canada will provide humanitarian aid to Haiti.", "03", "AGREE", "CAN", "HTI"),
        ("Japan refused to release the detained fishermen.", "12", "REJECT", "JPN", None),
        (
            "Austria said Serbia must withdraw its troops from Kosovo.",
            "10",
            "REQUEST",
            "AUT",
            "SRB",
        ),
        ("Kenya and Ethiopia signed a border treaty in Nairobi.", "05", "SUPPORT", "KEN", "ETH"),
        ("Chile expelled two Bolivian diplomats.", "16", "SANCTION", "CHL", "BOL"),
        ("Greek police arrested three protesters in Athens.", "17", "COERCE", "GRC", None),
        (
            "Thousands of Kenyan teachers demonstrated in Nairobi against the new tax.",
            "14",
            "PROTEST",
            "KEN",
            None,
        ),
        ("Norway lifted the curfew in its northern towns.", "08", "RETREAT", "NOR", None),
        ("Hundreds of ethnic Hungarians demonstrated in Romania.", "14", "PROTEST", "ROU", None),
        ("Gbagbo imposed a curfew in Abidjan.", "17", "COERCE", "CIV", None),
    ],
)
def test_events_code_source_target(
    text: str, root: str, plover: str, source: str, target: str | None
) -> None:
    event = _one(text)
    assert (event.root, event.plover_type) == (root, plover)
    assert event.source is not None and event.source.country == source
    if target:
        assert target in {t.country for t in event.targets}
    assert event.goldstein == pytest.approx(event.goldstein)  # a number from the codebook
    assert -10 <= event.goldstein <= 10


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Israel did not attack the convoy.",  # negated
        "If Iran attacks the tanker, the navy will respond.",  # a condition, not an event
        "The attack was claimed on social media.",  # an event noun nobody carries out
    ],
)
def test_events_negation_and_conditions_give_no_attack(text: str) -> None:
    assert not [e for e in _events(text) if e.root in {"18", "19"}]


@pytest.mark.model
def test_events_hypothetical_halt_is_a_threat_to_halt_mediation() -> None:
    event = _one(
        "Washington may now take a pass on facilitating negotiations between Armenia and Azerbaijan."
    )
    assert event.code == "135"
    assert event.modality == "threatened"
    assert event.source is not None and event.source.country == "USA"
    assert {t.country for t in event.targets} == {"ARM", "AZE"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "modality"),
    [
        ("Spain will send peacekeepers to Lebanon.", "0334", "intended"),
        ("Peru offered to negotiate with Ecuador.", "036", "intended"),
        (
            "Brazil threatened to cut diplomatic ties with Paraguay.",
            "1313",
            "threatened",
        ),
        ("Egypt demanded that Israel declare a ceasefire.", "1056", "requested"),
    ],
)
def test_events_frames_fold_the_complement(text: str, code: str, modality: str) -> None:
    event = _one(text)
    assert (event.code, event.modality) == (code, modality)


@pytest.mark.model
def test_events_in_quotes_belong_to_the_speaker() -> None:
    text = '"We will cut off all aid to the rebels," Kenyan President Daniel Moi said on Monday.'
    events = _events(text, published="2025-03-05")
    threats = [e for e in events if e.root == "13"]
    assert threats and threats[0].quote_id is not None
    assert threats[0].source is not None and threats[0].source.name == "Daniel Moi"


@pytest.mark.model
def test_events_reported_twice_are_one_event() -> None:
    text = (
        "Egypt and Sudan signed a water agreement in Cairo. "
        "Egypt signed the agreement after years of talks."
    )
    signed = [e for e in _events(text) if e.root == "05"]
    assert len(signed) == 1
    assert signed[0].source is not None and signed[0].source.country == "EGY"
    assert "SDN" in {t.country for t in signed[0].targets}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "date", "date_source"),
    [
        ("Pakistan arrested twelve militants on 3 March 2025.", "2025-03-03", "text"),
        ("Pakistan arrested twelve militants in Quetta.", "2025-03-05", "published"),
    ],
)
def test_events_date_from_sentence_else_published(text: str, date: str, date_source: str) -> None:
    event = _one(text)
    assert (event.date, event.date_source) == (date, date_source)


@pytest.mark.model
def test_events_places_of_the_sentence() -> None:
    event = _one("Russian drones struck Kharkiv overnight.")
    assert event.root == "19"
    assert "Kharkiv" in {p.name for p in event.places}
    assert {p.country for p in event.places} == {"UKR"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The minister said the economy grew by three percent last year.",
        "Analysts expect the talks to be difficult.",
        pytest.param(
            "The premier hoped an accord might be reached soon.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the events rules code a hope's clause as an intended 030 once its holder"
                " is an actor; 'hoped' now gives a reported stance, which makes 'the premier'"
                " one (a named holder gave the event before: 'Premier Ana Ruiz hoped ...')",
            ),
        ),
        "France has never recognised the breakaway region.",
    ],
)
def test_events_statements_of_fact_and_hopes_give_no_event(text: str) -> None:
    assert _events(text) == []


@pytest.mark.model
def test_events_a_text_with_no_author_makes_no_statement() -> None:
    # the study's words are evidence; the same words from an official are his verbal act
    study = (
        "Harbour officials in Norway published the figures on Monday. The study reports "
        '"Ferry fares rose by a third in ten years, which is a disgrace."'
    )
    assert _events(study) == []
    minister = (
        "The Norwegian minister spoke on Monday. The minister said, "
        '"Ferry fares rising by a third in ten years is a disgrace."'
    )
    assert [(e.code, e.source.name if e.source else None) for e in _events(minister)] == [
        ("111", "the minister")
    ]


@pytest.mark.model
def test_events_purpose_clauses_are_not_reported_as_done() -> None:
    events = _events("The UN Security Council will meet on Friday to discuss the crisis.")
    assert [(e.code, e.modality) for e in events] == [("036", "intended")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Tens of thousands of students staged demonstrations across Indonesia.", "PROTEST"),
        ("Vietnam is committed to opening its markets further, the trade minister said.", "AGREE"),
        ("Germany hopes to sign the agreement in May.", "AGREE"),
    ],
)
def test_events_lemma_slips_and_stative_passives(text: str, plover: str) -> None:
    assert plover in {e.plover_type for e in _events(text)}


def test_events_text_report_table() -> None:
    from rich.console import Console

    from parley.cli.report import print_report
    from parley.types import Article, ArticleResult

    event = _event(0, 10)
    result = ArticleResult(article=Article(text="Russia bombed Kyiv.", id="x"), events=(event,))
    console = Console(record=True, width=120)
    print_report(result, console)
    out = console.export_text()
    assert (
        "Events" in out
        and "ASSAULT" in out
        and "Russia (RUS)" in out
        and "Employ aerial weapons" in out
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "plover", "absent"),
    [
        ("Sudan accused the rebels of violating the ceasefire.", "ACCUSE", "ASSAULT"),
        ("Thousands demonstrated in Erbil, calling for independence.", "PROTEST", "REQUEST"),
        ("Soldiers opened fire on protesters in Yangon, killing 18 people.", "ASSAULT", None),
    ],
)
def test_events_one_event_for_what_a_sentence_reports(
    text: str, plover: str, absent: str | None
) -> None:
    types = [e.plover_type for e in _events(text)]
    assert plover in types
    if absent:
        assert absent not in types
    assert len(types) == len(set(types))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A fire killed three people in a Melbourne warehouse.",
        "The virus has killed more than 2,000 people in Italy.",
    ],
)
def test_events_no_political_event_without_an_actor(text: str) -> None:
    assert _events(text) == []


@pytest.mark.model
def test_events_a_failing_sentence_costs_only_that_sentence(nlp, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    from parley.nlp.rules import events as rule
    from parley.nlp.rules.actors import ActorIndex

    doc = nlp("Chile expelled two Bolivian diplomats. Peru recalled its ambassador from Quito.")
    real = rule.sentence_events
    calls = {"n": 0}

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("boom")
        return real(*args, **kwargs)

    monkeypatch.setattr(rule, "sentence_events", flaky)
    events = rule.extract_events(doc, ActorIndex.build(doc))
    assert [e.source.country for e in events if e.source] == ["PER"]
    assert "event rules failed" in caplog.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The International Labor Office demanded that Chile raise the minimum wage.", "IGO"),
        ("Oxfam criticised the new aid cuts announced by Sweden.", "NGO"),
    ],
)
def test_events_international_organisations_are_coded_by_sector(text: str, sector: str) -> None:
    events = [e for e in _events(text) if e.source is not None]
    assert events and {e.source.sector for e in events if e.source} == {sector}


# -- word lists as data ------------------------------------------------------------------------


def _documented_lists(name: str) -> tuple[set[str], set[str]]:
    """(lists described in the header comment, lists that have rows) of a shipped lexicon."""
    from importlib import resources

    from parley import lexicon as lex

    text = resources.files("parley").joinpath(f"data/lexicon/{name}.tsv").read_text("utf-8")
    described = {
        line.split(":")[0].strip("# ").strip()
        for line in text.splitlines()
        if line.startswith("#   ")
    }
    used = {row[1] for row in lex.table(name)}
    return described, used


@pytest.mark.parametrize(
    "name", ["events_words", "events_codes", "negotiation_words", "casualty_words"]
)
def test_every_word_list_is_described_and_filled(name: str) -> None:
    described, used = _documented_lists(name)
    assert described == used


def test_events_word_lists_are_extended_by_the_user_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from parley import lexicon as lex
    from parley.nlp.rules.events import vocab

    (tmp_path / "events_words.tsv").write_text("word\trole\nfreebooter\tagent_noun\n", "utf-8")
    assert "freebooter" not in vocab.words("agent_noun")
    with lex.bound(lex.Lexicon(str(tmp_path))):
        assert "freebooter" in vocab.words("agent_noun")
        assert "gunman" in vocab.words("agent_noun")  # the shipped rows stay


def test_event_triggers_are_extended_by_the_user_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from parley import lexicon as lex

    (tmp_path / "event_lexicon.tsv").write_text("V  defenestrate  -  182\n", "utf-8")
    assert ("V", "defenestrate") not in lexicon()
    with lex.bound(lex.Lexicon(str(tmp_path))):
        (entry,) = lexicon()[("V", "defenestrate")]
        assert entry.value == "182"
        assert ("V", "shell") in lexicon()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "event_lexicon.tsv").write_text("V  defenestrate  -  999\n", "utf-8")
    with (
        lex.bound(lex.Lexicon(str(bad))),
        pytest.raises(ConfigError, match=r"(?s)bad.event_lexicon.tsv.*not a CAMEO code"),
    ):
        lexicon()


def test_negotiation_status_tables_come_from_the_lexicon() -> None:
    from parley.nlp.rules import negotiations

    assert negotiations.STATUS_VERBS["sign"] == ("signed", "signing")
    assert ("withdraw", "from") in negotiations.VERB_PREPS
    with pytest.raises(AttributeError):
        _ = negotiations.NOT_A_TABLE


# -- dyads, article level, codebook coverage (issue 12) ----------------------------------------


@pytest.mark.model
def test_events_domestic_target_is_another_actor_of_the_same_country() -> None:
    events = _events("Senator Anna Berg criticised President Karl Holm of Sweden on Tuesday.")
    criticism = [e for e in events if e.root == "11"]
    assert criticism and criticism[0].targets
    assert criticism[0].targets[0].country == "SWE"
    assert criticism[0].targets[0].name != criticism[0].source.name  # type: ignore[union-attr]


@pytest.mark.model
def test_events_without_named_party_target_the_home_country_with_no_actor_id() -> None:
    event = _one("Kenyan police arrested three men in Nairobi.")
    assert event.source is not None and event.source.country == "KEN"
    assert [t.country for t in event.targets] == ["KEN"]


@pytest.mark.model
def test_events_conjoined_sources_of_one_accusation_are_two_events() -> None:
    events = _events("Both Norway and Denmark accused Russia of the attack.")
    accusations = [e for e in events if e.root == "11"]
    assert {e.source.country for e in accusations if e.source} == {"NOR", "DNK"}
    assert all(t.country == "RUS" for e in accusations for t in e.targets)


@pytest.mark.model
def test_events_a_joint_act_stays_one_event_between_the_two() -> None:
    event = _one("Kenya and Ethiopia signed a border treaty in Nairobi.")
    assert event.source is not None and event.source.country == "KEN"
    assert [t.country for t in event.targets] == ["ETH"]


@pytest.mark.model
def test_events_owner_of_event_noun_is_the_country_not_the_noun_phrase() -> None:
    event = _one("Russian airstrikes hit Kharkiv on Monday.")
    assert event.source is not None
    assert (event.source.name, event.source.country) == ("Russia", "RUS")


@pytest.mark.model
def test_events_dated_to_an_earlier_year_are_backdrop() -> None:
    text = "Moscow launched a full-scale invasion of Ukraine in 2022."
    assert [e for e in _events(text, published="2025-04-18") if e.root == "19"] == []
    assert [e.root for e in _events(text, published="2022-03-01")] == ["19"]


@pytest.mark.model
def test_events_a_date_of_an_inner_clause_is_not_the_acts() -> None:
    events = _events(
        "Libya offered to hand over two men suspected of blowing up a plane in 1988.",
        published="1999-05-02",
    )
    assert events and events[0].root == "03"


@pytest.mark.model
def test_events_a_withheld_promise_is_a_refusal() -> None:
    event = _one("Japan will not lift the sanctions on the regime.")
    assert event.root == "12"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Foreign Ministry declined to comment on the report.", "011"),
        ("Sweden rejected accusations of spying on its neighbours.", "016"),
        ("The Chilean president expressed condolences to the families of the miners.", "018"),
        ("Rebels freed the hostages on Sunday.", "0841"),
        ("Norway gave 20 million dollars to the relief fund for Yemen.", "071"),
        ("Kenyan police apprehended two suspects in Mombasa.", "173"),
    ],
)
def test_events_codebook_coverage(text: str, code: str) -> None:
    events = _events(text)
    assert events and events[0].code == code, [(e.code, e.source) for e in events]


@pytest.mark.model
def test_events_considering_an_act_is_no_event() -> None:
    assert _events("Japan is considering sending aid to the flood victims.") == []


@pytest.mark.model
def test_events_a_quoted_reaction_is_the_speakers_statement() -> None:
    text = (
        'Swedish Prime Minister Karl Holm reacted to the vote. "This is a disgrace and an '
        'outrage," Holm said.'
    )
    events = [e for e in _events(text) if e.quote_id]
    assert [e.code for e in events] == ["111"]
    assert events[0].source is not None and events[0].source.country == "SWE"


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("0841", "RETREAT"),
        ("085", "RETREAT"),
        ("163", "COERCE"),
        ("192", "COERCE"),
        ("175", "ASSAULT"),
        ("201", "ASSAULT"),
        ("055", "SUPPORT"),
    ],
)
def test_events_plover_type_follows_cameo2plover(code: str, plover: str) -> None:
    from parley.cameo.codebook import plover_of

    assert plover_of(code)[0] == plover


@pytest.mark.model
def test_events_a_quote_giving_the_words_of_a_reported_warning_is_the_same_act() -> None:
    text = (
        "Swedish Foreign Minister Karl Holm warned Russia on Monday that Sweden may expel its "
        'diplomats. "This is a disgrace and an outrage," Holm said.'
    )
    events = _events(text)
    assert [e.quote_id for e in events] == [None]
    assert events[0].root == "13"


@pytest.mark.model
def test_events_tone_words_inside_a_condition_do_not_code_a_statement() -> None:
    text = (
        'Swedish Prime Minister Karl Holm spoke on Monday. "If the talks become a disgrace, '
        'we walk," Holm said.'
    )
    assert [e.code for e in _events(text) if e.quote_id] in ([], ["010"])


# -- ultimatums (issue 12: a conditional threat with a time limit is CAMEO 139) ----------------


@pytest.mark.model
def test_conditional_threat_with_a_time_limit_is_an_ultimatum() -> None:
    event = _one(
        "The minister warned that Britain would impose sanctions within 48 hours "
        "unless the ships were released."
    )
    assert (event.code, event.label, event.plover_mode) == ("139", "Give ultimatum", "ultimatum")


@pytest.mark.model
def test_time_limit_in_the_next_sentence_makes_the_threat_an_ultimatum() -> None:
    events = _events(
        "The envoy said Washington would abandon the talks without signs of progress. "
        '"We are talking about a matter of days," he said.'
    )
    assert [e.code for e in events if e.root == "13"] == ["139"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a condition but no time
        "The minister warned that Britain would impose sanctions if the ships were not released.",
        # a time but no condition
        "The president threatened to cut aid to the region within a week.",
    ],
)
def test_threat_without_condition_and_time_stays_a_threat(text: str) -> None:
    event = _one(text)
    assert event.root == "13" and event.code != "139", event.code


def test_events_should_is_an_appeal_must_a_demand() -> None:
    # "should" advises: an appeal (02) to the party named, not a demand (10).
    appeal = _one("Portugal said Morocco should reopen its border crossings.")
    assert appeal.root == "02" and appeal.source is not None and appeal.source.country == "PRT"
    assert [t.country for t in appeal.targets] == ["MAR"]
    demand = _one("Portugal said Morocco must reopen its border crossings.")
    assert demand.root == "10" and [t.country for t in demand.targets] == ["MAR"]


def test_events_unnamed_attacker_is_of_the_country_where_it_happened() -> None:
    # The doer of an attack the text does not name is coded by where it happened (ICEWS's
    # "unidentified gunmen (country)"), with no actor id; a named doer keeps its own country.
    unnamed = _one("A provincial judge was stabbed in Peshawar on Monday.")
    assert unnamed.root == "18" and unnamed.source is not None
    assert unnamed.source.country == "PAK" and unnamed.source.actor_id is None
    assert unnamed.source.name == "unidentified (Pakistan)"
    named = _one("Turkish soldiers shot a smuggler near Aleppo on Monday.")
    assert named.source is not None and named.source.country == "TUR"


def test_events_claiming_an_attack_is_claiming_responsibility() -> None:
    # "claimed the bombing" acknowledges responsibility (015), like "claimed responsibility".
    event = _one("The Taliban claimed the bombing of a Pakistani police station.")
    assert event.code == "015" and [t.country for t in event.targets] == ["PAK"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # confirming a nomination endorses it (051)
        ("The Peruvian Senate confirmed the nomination of the new defence minister.", "051"),
        # announcing or introducing an initiative: intent (030) / intent to reform (034)
        ("Brazil announced a new border initiative for its rainforest states.", "030"),
        ("The Chilean government introduced a pension reform programme.", "034"),
        # gathering to discuss is consultation (040)
        ("The foreign ministers of Kenya and Uganda gathered in Nairobi to discuss trade.", "040"),
        # encouraging another party to act is an appeal (02)
        ("France encouraged Algeria to release the jailed journalists.", "0253"),
        # pushing another party to act is pressing for it: a demand (10)
        ("France is pushing Algeria to free the jailed journalists.", "1053"),
        # withdrawing a candidate yields (080)
        ("The Bolivian ruling party withdrew its candidate for the presidency.", "080"),
        # challenging a candidacy is an official complaint (114)
        ("The Malaysian opposition challenged the candidacy of the former premier.", "114"),
        # a vigil is a demonstration (141)
        ("Vigils in Warsaw were attended by thousands of Poles.", "141"),
        # removing or dismissing officials: administrative sanctions (172)
        ("The Zambian president dismissed three ministers.", "172"),
        ("Two Hong Kong legislators were removed from office.", "172"),
        # an attack on an inquiry is criticism (111), not force
        ("Trump attacked the Senate inquiry into his campaign.", "111"),
    ],
)
def test_events_codebook_entries_of_round_five(text: str, code: str) -> None:
    assert _one(text).code == code


@pytest.mark.model
def test_events_a_light_verb_with_its_own_object_is_not_realised_by_in() -> None:
    # "announced the decision ... in a rally": the rally is where it was said, no protest (14);
    # "participated in a rally" is one.
    said = _events(
        "The Brazilian president announced the decision in a speech and again in a rally."
    )
    assert not [e for e in said if e.root == "14"]
    assert _one("Hundreds of Brazilian students participated in a rally in Recife.").root == "14"


@pytest.mark.model
def test_events_alleged_ties_accuse_nobody() -> None:
    # "has alleged ties to" describes the ties; "has alleged that ..." is an accusation (112).
    assert not _events("The Peruvian airline's director has alleged ties to the Bolivian army.")
    assert _one("Peru has alleged that Bolivian officers smuggled weapons.").code[:2] == "11"
