"""Sentence-level event coding: actions only spoken of are no events, and sibling CAMEO codes
are told apart. One sentence written for these tests per behaviour."""

from __future__ import annotations

import pytest

from parley.types import Event

pytestmark = pytest.mark.model


def _events(text: str, published: str = "2025-03-05") -> list[Event]:
    from parley.service import analyze

    return list(analyze(text, published=published).events)


def _codes(text: str) -> list[str]:
    return [e.code for e in _events(text)]


def test_gerund_complement_of_a_noun_is_not_an_event() -> None:
    # "an appeal for deploying troops": the deployment is what was asked for, not done.
    codes = _codes("Lebanon rejected a French appeal for deploying troops along the border.")
    assert codes and all(c[:2] == "12" for c in codes), codes


def test_capacity_is_not_an_act() -> None:
    codes = _codes("Iran has trained hundreds of pilots capable of striking Israeli cities.")
    assert not [c for c in codes if c[:2] in {"18", "19", "13"}], codes


def test_subjunctive_of_a_demand_is_not_done() -> None:
    codes = _codes("The union repeated its demand that Turkey release the journalists.")
    assert not [c for c in codes if c[:2] == "08"], codes


def test_purpose_with_so_that_is_not_an_event() -> None:
    codes = _codes("The union started a signature campaign so that night shifts are banned.")
    assert not [c for c in codes if c[:2] == "17"], codes


def test_action_coordinated_with_a_refused_one_is_refused_too() -> None:
    text = "The rebels refused to let the Red Cross enter the camp and release the hostages."
    codes = _codes(text)
    assert codes and all(c[:2] == "12" for c in codes), codes


def test_action_coordinated_with_a_threatened_one_is_a_threat() -> None:
    events = _events("Chile threatened to recall its ambassador and impose sanctions on Peru.")
    assert events and all(e.root == "13" for e in events), [e.code for e in events]


def test_aim_of_a_document_is_no_act() -> None:
    text = "Brazil will back a draft motion that seeks to widen sanctions and impose a blockade."
    assert not [c for c in _codes(text) if c[:2] in {"13", "19"}]


def test_insisting_on_a_fact_is_no_demand_insisting_on_an_act_is() -> None:
    assert not [c for c in _codes("Poland insisted the protests reflected old grievances.")]
    demand = _events("Poland insisted that Belarus withdraw its troops from the border.")
    assert [e.root for e in demand] == ["10"]


def test_easing_tension_is_no_concession() -> None:
    assert _codes("Chile sought to ease tensions with Peru.") == []
    assert _codes("Chile eased tensions with Peru on Monday.") == []


def test_preventing_a_demonstration_restricts_assembly() -> None:
    # CAMEO 1721 (restrict freedoms of assembly), not 175 (violent repression): no force named.
    events = _events("Greek police prevented a demonstration in Athens on Monday.")
    assert [(e.code, e.plover_type) for e in events] == [("1721", "COERCE")]


def test_lifting_a_curfew_is_a_retreat_as_the_cameo2plover_table_says() -> None:
    from parley.cameo.codebook import plover_of

    assert plover_of("0813")[0] == "RETREAT" and plover_of("0814")[0] == "RETREAT"
    assert plover_of("081")[0] == "CONCEDE"  # easing restrictions stays a concession


def test_will_not_end_the_strike_is_a_refused_concession() -> None:
    events = _events("Chilean dock workers said they will not end the strike.")
    assert [e.code for e in events] == ["1242"]


def test_summoning_an_envoy_is_disapproval() -> None:
    events = _events("Peru summoned the Chilean ambassador to complain about the remarks.")
    assert [e.root for e in events] == ["11"]
    assert "CHL" in {t.country for t in events[0].targets}


def test_opposing_a_proposal_is_rejecting_it() -> None:
    assert _codes("Chile opposed the Peruvian proposal on Monday.") == ["120"]


def test_let_free_is_a_release() -> None:
    assert _codes("Cuba let free two American journalists on Monday.") == ["0841"]


def test_sending_experts_to_investigate_is_an_investigation() -> None:
    events = _events("Norway sent three experts to Kenya to investigate the crash.")
    assert "09" in {e.root for e in events}, [e.code for e in events]


def test_a_protesters_demand_said_while_protesting_is_the_protest() -> None:
    text = "Students rallied in Lima against the minister, saying he must resign."
    assert [e.root for e in _events(text)] == ["14"]


def test_an_invasion_is_military_force() -> None:
    events = _events("Armenia launched an invasion of Azerbaijan on Monday.")
    assert [(e.code, e.plover_type) for e in events] == [("190", "ASSAULT")]


def test_fighting_an_epidemic_is_no_use_of_force() -> None:
    codes = _codes("Germany is fighting the epidemic in Guinea.")
    assert not [c for c in codes if c[:2] == "19"], codes


def test_completing_a_withdrawal_is_the_withdrawal() -> None:
    assert _codes("Canada completed its withdrawal of troops from Mali.") == ["0874"]


def test_troops_sent_to_help_are_military_protection_not_a_show_of_force() -> None:
    # Offered to send troops "to help" the other's army: intent to protect (0334), no threat.
    events = _events("Chile has offered to send troops to help the Bolivian army.")
    assert [e.code for e in events] == ["0334"]
    assert _codes("Chile sent troops to the border on Monday.") == ["154"]


def test_returning_weapons_is_returning_property() -> None:
    assert _codes("The militia said it will return the seized weapons to the army.") == ["0353"]


def test_a_participle_naming_the_actors_backers_is_no_event() -> None:
    # "forces backed by Russian warplanes" says who acts; the act is the attack.
    text = "Syrian forces backed by Russian warplanes attacked the town of Idlib on Monday."
    assert [e.root for e in _events(text)] == ["19"]


def test_closing_a_border_restricts_movement() -> None:
    events = _events("Ghana closed its borders with Togo on Monday.")
    assert [(e.code, e.plover_type) for e in events] == [("191", "COERCE")]


def test_looting_by_a_crowd_is_violent_protest() -> None:
    events = _events("Protesters looted shops in Lagos on Monday.")
    assert [(e.code, e.plover_type) for e in events] == [("145", "PROTEST")]


def test_backing_down_is_yielding_not_support() -> None:
    assert [e.root for e in _events("Chile backed down on Monday after the protests.")] == ["08"]


def test_support_counted_in_money_is_economic_aid() -> None:
    assert _codes("Norway provides $45m support for farmers in Kenya.") == ["071"]
