"""Colloquial quotatives: "be like", "go like" and "be all" right before a quotation make the
subject of "be" or "go" its speaker ('Reed was like, "..."'), in any text. A comparison ("it's
like", "looks like") or a subject that names no one ("nobody was like") quotes no one. Every
sentence here is invented."""

from __future__ import annotations

import pytest

from quote_reading import speaker_by_quote

pytestmark = pytest.mark.model

_TEAM = (
    'Tom Reed coaches the under-12 team in Dunmore. Reed was like, "We can fix this by '
    'Friday." Dana Cole was all, "Who moved my whistle?" The parents went like "One more '
    'game, please."'
)


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        pytest.param("We can fix this by Friday.", "Tom Reed", id="was-like"),
        pytest.param("Who moved my whistle?", "Dana Cole", id="was-all"),
        pytest.param("One more game, please.", "the parents", id="went-like"),
    ],
)
def test_the_subject_of_a_quotative_says_the_quotation(quote: str, speaker: str) -> None:
    assert speaker_by_quote(_TEAM)[quote] == speaker


def test_a_comparison_with_like_quotes_no_one() -> None:
    text = (
        'Ivy Marsh reopened the mill in Dunmore. It looks like "a museum of old looms and '
        'dusty shelves" to a visitor.'
    )
    assert speaker_by_quote(text).get("a museum of old looms and dusty shelves") is None
