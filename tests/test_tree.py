"""The parse-tree helpers the rules share (``parley.nlp.tree``), on the real English model."""

from __future__ import annotations

import pytest

from parley.nlp.deps import PREPOSITION_OBJECT_DEPS
from parley.nlp.tree import (
    auxiliaries,
    first_child,
    has_passive_auxiliary,
    is_passive,
    is_reduced_passive,
    object_of,
    passive_subject,
)

pytestmark = pytest.mark.model


def _token(doc, text):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_object_of_a_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The envoy spoke to reporters in the capital.")
    assert object_of(_token(doc, "to")).text == "reporters"
    assert object_of(_token(doc, "in")).text == "capital"


def test_object_of_a_word_without_one_is_none(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The envoy spoke to reporters in the capital.")
    assert object_of(_token(doc, "envoy")) is None


def test_first_child_takes_a_clause_a_preposition_governs(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister began by thanking the delegates.")
    by = _token(doc, "by")
    assert object_of(by) is None
    assert first_child(by, PREPOSITION_OBJECT_DEPS).text == "thanking"


def test_a_passive_verb_and_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    signed = _token(nlp("The treaty was signed by both ministers."), "signed")
    assert is_passive(signed)
    assert has_passive_auxiliary(signed)
    assert passive_subject(signed).text == "treaty"
    assert not is_reduced_passive(signed)


def test_an_active_verb_is_not_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    signed = _token(nlp("Both ministers signed the treaty."), "signed")
    assert not is_passive(signed)
    assert not has_passive_auxiliary(signed)
    assert passive_subject(signed) is None


def test_a_perfect_participle_is_not_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    closed = _token(nlp("Officials have closed the harbour."), "closed")
    assert not is_passive(closed)
    assert [t.text for t in auxiliaries(closed)] == ["have"]


def test_auxiliaries_take_active_and_passive_ones_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    closed = _token(nlp("The harbour has been closed since Friday."), "closed")
    assert [t.text for t in auxiliaries(closed)] == ["has", "been"]
    assert is_passive(closed)


def test_a_passive_auxiliary_without_a_passive_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser labels the subject of a passive question "nsubj": the auxiliary alone marks it.
    reopened = _token(nlp("Was the bridge reopened?"), "reopened")
    assert has_passive_auxiliary(reopened)
    assert is_passive(reopened)
    assert passive_subject(reopened) is None


def test_a_participle_modifying_a_noun_is_a_reduced_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A ferry built in Norway sank on Tuesday.")
    built = _token(doc, "built")
    assert is_reduced_passive(built)
    assert not is_passive(built)
    assert not is_reduced_passive(_token(doc, "sank"))
