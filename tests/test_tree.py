"""The parse-tree helpers the rules share (``parley.nlp.tree``), on the real English model."""

from __future__ import annotations

import pytest

from parley.nlp.deps import PREPOSITION_OBJECT_DEPS
from parley.nlp.tree import first_child, object_of

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
