"""Speakers in shapes health and agency news writes: a spokesperson for an agency known by
capitals that spell a pronoun, a title in capitals with its holder named after it, a medium
named after "quotes" with no one quoted, and a participle of saying left inside a reported
clause about a thing.
Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, speakers


def test_a_spokesperson_for_an_agency_in_capitals_keeps_the_agency() -> None:
    result = analyze(
        'A spokesperson for WHO told reporters "the Dover cluster is small and contained."'
    )
    speaker = dict(speakers(result))["the Dover cluster is small and contained."]
    assert speaker is not None and speaker.endswith("WHO")


def test_a_title_in_capitals_gives_way_to_the_name_after_it() -> None:
    result = analyze(
        '"We will stay ready," said the United Kingdom\'s Chief Fire Officer, Ann Pratt. '
        "Tom Reed left."
    )
    assert dict(speakers(result))["We will stay ready,"] == "Ann Pratt"


def test_a_medium_named_after_quotes_passes_on_someone_elses_words() -> None:
    result = analyze(
        "President Tom Reed met his ministers on Sunday about the storm. "
        '"This is a sad day for us all," quotes the Dover Herald, "I have lost a friend."'
    )
    found = dict(speakers(result))
    assert found["This is a sad day for us all,"] == "Tom Reed"
    assert found["I have lost a friend."] == "Tom Reed"


def test_a_participle_of_saying_in_a_clause_about_a_thing_is_the_reporters() -> None:
    result = analyze(
        '"We will wait," added Tom Reed. Tom Reed also said that the storm could hit more '
        'towns saying, "I would plan for the worst in the north" and that gulls could spread it.'
    )
    assert dict(speakers(result))["I would plan for the worst in the north"] == "Tom Reed"


def test_a_participle_of_saying_in_a_clause_about_a_person_stays_theirs() -> None:
    result = analyze(
        "Tom Reed also said that the senator could visit more towns saying, "
        '"I would plan for the worst in the north."'
    )
    assert dict(speakers(result))["I would plan for the worst in the north."] == "the senator"


def test_a_medium_passing_on_words_skips_the_paragraphs_earlier_speaker() -> None:
    result = analyze(
        '"This is a sad accident," said Interior Minister Ann Pratt. Fires are rare in Dover. '
        "President Tom Reed met his ministers on Sunday about the fire. "
        '"Our harbour has lost its heart," quotes the Dover Herald.'
    )
    assert dict(speakers(result))["Our harbour has lost its heart,"] == "Tom Reed"
