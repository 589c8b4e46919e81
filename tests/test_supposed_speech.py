"""Speech nobody is said to have uttered: words a speaker only supposes someone might say
(under a modal in a condition's consequence, in a condition, in a supposition, with a
generic subject, or judged as "too easy to say") are no quotation of anyone."""

from __future__ import annotations

from quote_reading import analyze, reported

BAKER = "Jane Roe runs a small bakery in Leeds. She spoke about her trade on Monday.\n\n"


def _texts(text: str) -> list[str]:
    return [q.text for q in analyze(BAKER + text).quotes]


def _absent(words: str, text: str) -> bool:
    return not any(words in quoted for quoted in _texts(text))


def test_modal_in_a_conditions_consequence() -> None:
    text = 'If there were more bakeries, some customers might start saying, "We want rye bread."'
    assert _absent("We want rye bread", text)


def test_counterfactual_reported_clause() -> None:
    text = "If the law were fair, Mayor Ann Lee would have said the rules were absurd."
    assert _absent("the rules were absurd", text)


def test_speech_in_a_condition() -> None:
    text = 'Now, if a customer says, "Could I have a discount on that?", of course I agree.'
    assert _absent("Could I have a discount", text)


def test_inverted_condition() -> None:
    text = 'Had I said "the bread is stale and nobody should buy it" nobody would have come back.'
    assert _absent("the bread is stale", text)


def test_too_easy_to_say() -> None:
    text = 'It is far too easy for critics to say "the bakery failed because of the owner" when it closes.'
    assert _absent("the bakery failed", text)


def test_generic_you_be_like() -> None:
    text = 'Would you be like "No, I want the cheaper loaf from the shop"? Probably not.'
    assert _absent("I want the cheaper loaf", text)


def test_supposition() -> None:
    text = 'Suppose someone says "your cakes are far too sweet for me"; I would listen.'
    assert _absent("your cakes are far too sweet", text)


def test_generic_subject_with_modal() -> None:
    assert _absent("the shop is too small", "Someone could say the shop is too small for the town.")


def test_forecast_and_plain_modal_are_reports() -> None:
    said = reported(
        BAKER + "Roe said she would say no to any deal with the supermarket. "
        "Roe said she might sell the shop next year."
    )
    assert ("Jane Roe", "she would say no to any deal with the supermarket") in said
    assert ("Jane Roe", "she might sell the shop next year") in said


def test_may_have_said_it_best_is_a_report() -> None:
    text = 'Ed Lee may have said it most clearly in his letter: "Bread is the heart of any town."'
    assert not _absent("Bread is the heart of any town.", text)


def test_reported_forecast_in_a_condition_is_a_report() -> None:
    said = reported(BAKER + "Roe added that if elected, she would ask the council to cut rents.")
    assert any("the council to cut rents" in words for _, words in said)


def test_as_if_to_say_is_a_manner() -> None:
    text = 'Roe smiled at the crowd, her eyes gleaming, as if to say, "We did it after all."'
    assert not _absent("We did it after all.", text)
