"""Article-level event selection: backdrop, one act per party's word, dyads (issue 12)."""

from __future__ import annotations

import pytest

from parley.types import Event

pytestmark = pytest.mark.model


def _events(text: str, published: str = "2020-03-05") -> list[Event]:
    from parley.service import analyze

    return list(analyze(text, published=published).events)


def _roots(text: str, published: str = "2020-03-05") -> list[str]:
    return [e.root for e in _events(text, published)]


def test_backdrop_narration_carries_through_its_paragraph() -> None:
    text = (
        "Joseph Banda was arrested in 1985 and jailed for ten years. "
        "After his release, Banda led protests against the government.\n\n"
        "On Monday, Banda met the Zambian president in Lusaka."
    )
    roots = _roots(text)
    assert "14" not in roots
    assert "04" in roots


def test_a_date_on_a_clause_that_holds_the_act_makes_it_backdrop() -> None:
    text = "In 2011 the minister resigned after the police arrested two of his aides."
    assert "17" not in _roots(text)
    assert "17" in _roots(text, published="2011-06-01")


def test_previously_puts_an_act_before_the_news() -> None:
    assert "17" not in _roots("Previously, the Kenyan government banned the newspaper.")
    assert "17" in _roots("The Kenyan government banned the newspaper.")


def test_a_signatorys_word_on_its_own_agreement_is_part_of_the_signing() -> None:
    text = (
        "Chile and Peru signed a trade agreement on Monday. "
        "Chilean economy minister Ana Soto announced the agreement on Twitter. "
        '"There is much to do, but we expect the deal to be very good for both countries," '
        "she wrote."
    )
    events = _events(text)
    assert [e.root for e in events] == ["05"]


def test_support_for_no_one_is_no_endorsement() -> None:
    assert "05" not in _roots("Swedish lawmakers have expressed cautious support.")
    assert "05" in _roots("Swedish lawmakers have expressed support for the Finnish plan.")


def test_a_with_phrase_set_off_by_a_comma_is_no_target() -> None:
    events = _events(
        "Swedish lawmakers expressed support for the plan, with MP Anna Berg saying that "
        "parliament would decide."
    )
    assert events
    assert all(t.name != "Anna Berg" for e in events for t in e.targets)


def test_an_act_with_no_named_party_aims_at_the_country_the_article_leads_with() -> None:
    text = (
        "Turkey's president pledged to convert the museum into a mosque. "
        "Speaking in Athens to Greek reporters, Greece's foreign minister criticised the move."
    )
    criticism = [e for e in _events(text) if e.root == "11"]
    assert criticism and criticism[0].source is not None
    assert criticism[0].source.country == "GRC"
    assert [t.country for t in criticism[0].targets] == ["TUR"]


def test_an_act_on_an_agreement_aims_at_its_parties() -> None:
    text = (
        "Turkey and Libya signed an agreement on their sea border in November. "
        "On Tuesday, Greece denounced the agreement."
    )
    denounced = [e for e in _events(text) if e.root == "11"]
    assert denounced
    assert {t.country for t in denounced[0].targets} <= {"TUR", "LBY"}
    assert denounced[0].targets


def test_an_agreements_terms_in_a_relative_clause_are_no_new_act() -> None:
    text = "Egypt denounced the memorandum in which Turkey and Libya agreed on sea borders."
    events = _events(text)
    assert [e.root for e in events] == ["11"]


def test_a_subject_that_denies_the_doer_negates_the_act() -> None:
    assert "19" not in _roots("Nobody attacked the Kenyan convoy near the border.")
    assert "19" in _roots("Rebels attacked the Kenyan convoy near the border.")


def test_a_further_plain_remark_of_a_speaker_already_coded_adds_no_act() -> None:
    text = (
        'Greek prime minister Nikos Pappas called the agreement "null and void". '
        '"The agreement ignores that our islands have their own waters," Pappas said.'
    )
    by_pappas = [e for e in _events(text) if e.source and e.source.name == "Nikos Pappas"]
    assert len(by_pappas) == 1


def test_a_counter_charge_that_names_no_one_answers_the_accuser() -> None:
    text = (
        "On Monday, Saudi Arabia accused Iran of the attack on its oil fields. "
        'Iranian president Hassan Rouhani said: "Those who link the attack to us are lying."'
    )
    answers = [e for e in _events(text) if e.source and e.source.country == "IRN"]
    assert answers and answers[0].root == "11"
    assert [t.country for t in answers[0].targets] == ["SAU"]


def test_the_leads_source_aims_untargeted_acts_at_the_leads_target() -> None:
    text = (
        "Germany on Monday banned the Iranian airline Mahan Air. "
        'German government spokesman Steffen Seibert said: "We are very worried."'
    )
    german = [e for e in _events(text) if e.source and e.source.name == "Steffen Seibert"]
    assert german and [t.country for t in german[0].targets] == ["IRN"]


def test_a_quoted_statement_is_aimed_at_the_country_it_speaks_about() -> None:
    text = (
        "Niger's president Mahamadou Issoufou said, \"Nigeria is a giant. Without Nigeria the "
        'trade zone would have been weak."'
    )
    said = [e for e in _events(text) if e.source and e.source.country == "NER"]
    assert said and [t.country for t in said[0].targets] == ["NGA"]


def test_a_person_in_an_international_office_acts_for_that_body() -> None:
    text = (
        "Former Prime Minister Jan Novak, the current President of the European Council, "
        'wrote: "We pray for the mayor."'
    )
    said = [e for e in _events(text) if e.source and e.source.name == "Jan Novak"]
    assert said and said[0].source is not None
    assert said[0].source.country == "IGOEEC"
    mp = _events(
        "MP Olena Kovalenko, chair of the parliamentary committee on EU integration, "
        "criticised the Ukrainian government on Monday."
    )
    assert mp and mp[0].source is not None and mp[0].source.country == "UKR"


def test_a_present_tense_when_clause_is_no_event() -> None:
    text = (
        'The Turkish president said: "Those who stay silent when a mosque is attacked are guilty."'
    )
    assert "19" not in _roots(text)


def test_a_news_outlet_is_not_the_doer_of_the_act_it_reports() -> None:
    text = "Politicians were reported by CNN to have visited the hospital in Gdansk."
    assert all(e.source is None or e.source.name != "CNN" for e in _events(text))


def test_an_act_with_no_known_doer_counts_in_the_lede_only() -> None:
    assert _roots("Hundreds of prisoners were released on Monday.") == ["08"]
    later = (
        "Kenyan police arrested a man in Nairobi on Monday. Hundreds of prisoners were released."
    )
    assert _roots(later) == ["17"]


def test_an_agent_of_a_noun_is_not_the_target() -> None:
    text = 'Greek minister Nikos Dendias stressed that approval by UNESCO is needed, saying: "It is an insult."'
    assert all(t.name != "UNESCO" for e in _events(text) for t in e.targets)


def test_a_conjoined_verb_shares_have_to() -> None:
    text = (
        'Kenyan president William Ruto said: "We have to put aside our differences and stop '
        'attacking each other."'
    )
    roots = _roots(text)
    assert roots and all(r in {"02", "10"} for r in roots)


def test_a_statement_on_an_agreement_is_aimed_at_its_parties() -> None:
    text = (
        "On Monday, Egypt denounced the memoranda of understanding between Turkey and Libya. "
        "On Tuesday, Greek prime minister Nikos Pappas, speaking to reporters, called the border "
        'agreement "null and void".'
    )
    greek = [e for e in _events(text) if e.source and e.source.country == "GRC"]
    assert greek and greek[0].targets
    assert {t.country for t in greek[0].targets} <= {"TUR", "LBY"}


def test_an_appeal_of_the_accused_to_no_named_party_answers_the_accuser() -> None:
    text = (
        "On Monday, Saudi Arabia accused Iran of the attack on its oil fields. "
        "Iranian president Hassan Rouhani said foreign powers should leave the region."
    )
    iran = [e for e in _events(text) if e.source and e.source.country == "IRN"]
    assert iran and iran[0].root in {"02", "10"}
    assert [t.country for t in iran[0].targets] == ["SAU"]


def test_backdrop_goes_on_through_its_own_actors_quoted_words() -> None:
    text = (
        "Joseph Banda was jailed in 1985. "
        'After his release, Banda was called "the lion" and led protests against the government. '
        '"Nobody will silence me," Banda declared. '
        'Kenyan interior minister Anna Phiri said: "The Zambian protests must stop."'
    )
    events = _events(text)
    phiri = text.index("Kenyan interior")
    assert events and all(e.sentence[0] >= phiri for e in events)
    assert "Anna Phiri" in [e.source.name for e in events if e.source]


def test_an_agreement_told_again_is_no_new_agreement() -> None:
    text = (
        "On Monday, Egypt denounced the memoranda of understanding between Turkey and Libya. "
        "In the November deal, Turkey and Libya agreed on a line as their sea border."
    )
    assert "03" not in _roots(text)


def test_a_process_of_years_is_backdrop() -> None:
    assert _roots("Andean ministers have negotiated the water pact over the last six years.") == []
    assert _roots("Andean ministers negotiated the water pact on Monday.") == ["04"]
