"""Fuzz campaign over ``parley.analyze`` (issue 15): arbitrary Unicode with lone surrogates,
control characters, quotation-mark soups and long inputs. Invariants: nothing raises but the
documented refusals (``IngestError`` for what is not an article, ``ExtractionError`` for an
article past its budget), every offset slices the input, ids are unique, every span lies inside
the text. ``PARLEY_FUZZ_EXAMPLES`` multiplies the number of cases (the longer run of
docs/robustness.md); CI runs the default, a few hundred cases in all.
"""

from __future__ import annotations

import gc
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parley
from parley.config import Settings
from parley.errors import ExtractionError, IngestError
from parley.ingest.records import check_text
from parley.nlp.doctext import Budget, OverBudget
from parley.nlp.pipeline import MAX_SENTENCE_TOKENS, load_nlp, parse
from parley.service import analyze_records
from test_properties import check_offsets

pytestmark = pytest.mark.model

SCALE = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", "1"))


def fuzz(n: int) -> settings:
    return settings(
        max_examples=n * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=SCALE == 1,
    )


MARKS = list("\"'“”‘’«»„‚‹›‟`´")
WORDS = ["said", "Anna Berg", "the minister", "told", "Russia", "on Friday", "killed", "12"]
CONTROL = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs", "Mn"])

every_code_point = st.text(st.characters(exclude_categories=()), max_size=200)
with_controls = st.lists(
    st.one_of(st.text(CONTROL, min_size=1, max_size=3), st.sampled_from(WORDS + MARKS)),
    max_size=60,
).map("".join)
quote_soup = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.sampled_from([" ", "\n", ", "])),
    min_size=1,
    max_size=200,
).map("".join)


def check_ids(result: parley.ArticleResult) -> None:
    for items in (result.quotes, result.actors, result.events, result.agreements):
        ids = [item.id for item in items]
        assert len(ids) == len(set(ids)), ids


def analyze_checked(text: str, **kwargs: object) -> None:
    """Analyse ``text``: a result satisfies every invariant, or a documented refusal."""
    try:
        result = parley.analyze(text, **kwargs)  # type: ignore[arg-type]
    except IngestError:
        # Only what check_text refuses (blank, binary, too long) is not an article.
        with pytest.raises(IngestError):
            check_text(text, max_chars=2_000_000)
        return
    except ExtractionError as exc:
        assert "budget" in str(exc), exc  # only the budget may refuse an article
        return
    check_offsets(text, result)
    check_ids(result)
    for mention in result.casualties:
        assert 0 <= mention.start <= mention.end <= len(text)
        assert 0 <= mention.sentence[0] <= mention.sentence[1] <= len(text)


@fuzz(100)
@given(text=every_code_point)
def test_fuzz_every_code_point_with_an_id(text: str) -> None:
    # Lone surrogates included: the parser reads U+FFFD in their place, offsets stay.
    analyze_checked(text, id="fuzz")


@fuzz(30)
@given(text=every_code_point)
def test_fuzz_every_code_point_default_id(text: str) -> None:
    analyze_checked(text)


@fuzz(100)
@given(text=with_controls)
def test_fuzz_control_characters(text: str) -> None:
    analyze_checked(text, id="fuzz")


@fuzz(100)
@given(text=quote_soup)
def test_fuzz_quote_soup(text: str) -> None:
    analyze_checked(text, published="2020-03-12")


@fuzz(6)
@given(
    unit=st.lists(st.sampled_from(WORDS + MARKS + [" ", "\n", ". "]), min_size=1, max_size=12).map(
        " ".join
    ),
    size=st.integers(min_value=2_000, max_value=30_000),
)
def test_fuzz_long_inputs(unit: str, size: int) -> None:
    text = (unit * (size // len(unit) + 1))[:size]
    analyze_checked(text, id="fuzz-long")


def test_actor_mention_after_a_stray_mark_has_no_trailing_space() -> None:
    text = "Anna Berg'  "
    result = parley.analyze(text, id="mark")
    for actor in result.actors:
        for start, end in actor.mentions:
            assert text[start:end] == text[start:end].strip()


# -- regressions of issue 15 ------------------------------------------------------------------
def test_quote_soup_sentence_is_analysed() -> None:
    # One 16 KB sentence of words and marks took a minute in the quote rules (506 million
    # generator steps): quoted ranges are now looked up by bisection.
    soup = " ".join(["said", "“", "Anna", "”", "peace", '"', "talks", "'"] * 1_000)
    analyze_checked(soup, id="soup")


def test_repeated_name_lines_are_analysed() -> None:
    # "Name\n" repeated took 26 s in geo.countries.sector_of (words re-split per word).
    analyze_checked("Name\n" * 4_000, id="names")


def test_long_list_gets_bounded_sentences() -> None:
    # A comma list of 4,000 countries is one "sentence" to the parser: it is parsed again in
    # pieces so that no sentence exceeds MAX_SENTENCE_TOKENS tokens.
    nlp = load_nlp(Settings().model)
    text = "Russia, Ukraine, France, Germany, " * 1_000
    (doc,) = parse(nlp, [text], chunk_chars=150_000)
    assert not isinstance(doc, OverBudget)
    assert doc.text == text
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 5


def test_long_text_is_parsed_in_pieces_with_the_same_text() -> None:
    nlp = load_nlp(Settings().model)
    text = "The minister said talks would resume on Friday.\n" * 200
    (doc,) = parse(nlp, [text], chunk_chars=1_000)
    assert not isinstance(doc, OverBudget)
    assert doc.text == text
    assert [t.text for t in doc if t.text == "Friday"] == ["Friday"] * 200


def test_article_past_its_time_budget_becomes_a_recorded_failure() -> None:
    parley.analyze('"We will sign," Anna Berg said.', id="warm")  # load the lazy tables first
    settings = Settings(article_seconds=1, parse_chunk_chars=2_000)
    records = [
        {"text": "The minister said talks would resume.\n" * 3_000, "id": "long"},
        {"text": '"We will sign," Anna Berg said on Friday.', "id": "short"},
    ]
    out = list(analyze_records(records, settings=settings))
    assert isinstance(out[0], ExtractionError)
    assert "time budget of 1 s" in str(out[0]) and "'long'" in str(out[0])
    assert isinstance(out[1], parley.ArticleResult)  # the next article is analysed


def test_budget_stops_past_its_memory() -> None:
    # Collect first: memory another test left for the collector, freed between the budget's
    # start and its check, would hide the ballast's growth (seen in the full suite).
    gc.collect()
    budget = Budget(0, 1)
    ballast = b"x" * (256 * 1024 * 1024)  # written, so resident
    with pytest.raises(OverBudget, match="memory budget of 1 MB"):
        budget.check()
    del ballast


def test_budget_stops_past_its_deadline() -> None:
    budget = Budget(1, 0)
    budget.check()
    budget.deadline = time.monotonic() - 1  # type: ignore[operator]
    with pytest.raises(OverBudget, match="time budget of 1 s"):
        budget.check()
