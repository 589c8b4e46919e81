"""Who speaks, in shapes of news writing where the subject of the cue is not the word before
it (sentences we wrote, with the real English pipeline; each shape was checked on PolNeAR
train before its rule was kept)."""

from __future__ import annotations

import pytest

import parley

pytestmark = pytest.mark.model


def attributions(text: str) -> list[tuple[str, str | None, str | None]]:
    """(kind, speaker name, words naming the speaker) of every quote of ``text``."""
    result = parley.analyze(text, published="2025-04-18")
    out = []
    for q in result.quotes:
        mention = q.speaker.mention if q.speaker else None
        out.append(
            (
                q.kind,
                q.speaker.name if q.speaker else None,
                text[mention[0] : mention[1]] if mention else None,
            )
        )
    return out


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Throughout the debate, Senator Mara Lind found ways to portray herself as the "
            "heir to the reform agenda.",
            "Mara Lind",
            id="infinitive-on-an-object-is-the-subject-s-act",
        ),
        pytest.param(
            "As the hearing went on, Tomas Berg was pressed to explain the delay in the audit "
            "report.",
            "Tomas Berg",
            id="passive-verb-of-control-gives-its-subject",
        ),
        pytest.param(
            "Ana Ruiz was the first governor to endorse the treaty on fishing rights.",
            "Ana Ruiz",
            id="infinitive-on-a-predicate-noun-is-the-subject-s-act",
        ),
    ],
)
def test_reported_speech_speaker(text: str, speaker: str) -> None:
    indirect = [(name, words) for kind, name, words in attributions(text) if kind == "indirect"]
    assert indirect and all(name == speaker for name, _ in indirect)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            '"Who will pay for the bridge now that the grant is gone?" the 61-year-old asked '
            "in the video.",
            "the 61-year-old",
            id="age-description-the-tagger-reads-as-an-adjective",
        ),
        pytest.param(
            "“They should pay their fair share of taxes like everyone else,” a voice-over in "
            "the ad states.",
            "a voice-over in the ad",
            id="verb-of-saying-the-tagger-reads-as-a-noun",
        ),
        pytest.param(
            "The council met on Monday.\n\n"
            "“Why would anyone leave a job like that after two weeks?” the letter continues.",
            "the letter",
            id="document-that-goes-on-speaks-for-itself",
        ),
    ],
)
def test_attribution_after_the_quotation_names_the_speaker(text: str, words: str) -> None:
    direct = [(name, mention) for kind, name, mention in attributions(text) if kind == "direct"]
    assert direct and all(mention == words for _, mention in direct)


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        pytest.param(
            "The council met Governor Ana Ruiz, who surprised the council by declaring that "
            "the port would stay closed.",
            "Ana Ruiz",
            "who",
            id="relative-pronoun-of-the-clause-the-cue-hangs-in",
        ),
        pytest.param(
            "After saying that the nets were empty again, the fisherman Tomas Berg ended the "
            "meeting early.",
            "Tomas Berg",
            "the fisherman Tomas Berg",
            id="gerund-after-a-preposition-is-the-subject-s-act",
        ),
        pytest.param(
            "Mayor Lena Holt kept the old maps, which she says show the flood line.",
            "Lena Holt",
            "she",
            id="speaker-inside-a-relative-clause-not-the-relative-pronoun",
        ),
    ],
)
def test_reported_speech_speaker_and_its_words(text: str, speaker: str, words: str) -> None:
    assert ("indirect", speaker, words) in attributions(text)


def test_pronoun_far_from_its_antecedent_takes_the_last_person_of_its_gender() -> None:
    """Paragraphs of background between the name and "he said" leave the reader no doubt."""
    text = (
        "Mayor Ivo Rask visited the harbour on Monday.\n\n"
        "The harbour opened in 1902.\n\n"
        "Its cranes are old.\n\n"
        "He said the port needs new cranes."
    )
    assert ("indirect", "Ivo Rask", "He") in attributions(text)


def test_pronouns_of_the_reporter_are_mentions_of_the_person() -> None:
    """ "His" and "he" outside quotations are words that name Rask: an attribution can be
    checked against them; the speaker's own "he" inside a quotation is not one."""
    text = (
        "Mayor Ivo Rask opened the harbour on Monday. His aides said the cranes were old.\n\n"
        '"He will fix it," Rask said of the engineer.'
    )
    result = parley.analyze(text, published="2025-04-18")
    rask = next(a for a in result.actors if a.name == "Ivo Rask")
    words = [text[s:e] for s, e in rask.mentions]
    assert "His" in words
    assert "He" not in words


def test_pronoun_after_a_name_modifying_a_noun_is_the_subject() -> None:
    """ "Jo Fox, a staunch Tom Poe ally, ... as he defended": "he" is Jo Fox (the subject),
    not the name that only modifies "ally", so the quote's speaker has that "he" as a mention."""
    text = (
        "Governor Jo Fox, a staunch Tom Poe ally, admitted some errors even as he defended the "
        'plan, saying, "Most of the budget is sound."'
    )
    result = parley.analyze(text, published="2025-04-18")
    fox = next(a for a in result.actors if a.name == "Jo Fox")
    he = text.index(" he ") + 1
    assert (he, he + 2) in fox.mentions
