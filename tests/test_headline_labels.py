"""A headline that names its speaker before a colon ("Reed: Budget 'Dead on Arrival'"): the
quotation anywhere after the colon is the speaker's, and so is the claim the headline
paraphrases, as reported speech. A label that joins a topic ("Chief On Reed:"), a label that is
a sentence and a question are not read this way.
Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, reported, speakers

BODY = (
    "\n\nOn Monday in Dover, mayoral candidate Tom Reedly attacked his rival Ann Pratt at a "
    "rally. Reedly said the city needed a change."
)


def test_a_quotation_after_the_label_and_other_words_is_the_labels() -> None:
    result = analyze("Dr. Tom Reedly: Ann Pratt ‘Not Fit To Serve As Mayor Of Dover.’" + BODY)
    assert dict(speakers(result))["Not Fit To Serve As Mayor Of Dover."] == "Tom Reedly"


def test_the_headlines_claim_is_the_labels_reported_speech() -> None:
    entries = reported("Tom Reedly: Rival Pratt Appeals to ‘Worst Fears Of The Voters.’" + BODY)
    assert ("Tom Reedly", "Rival Pratt Appeals to ‘Worst Fears Of The Voters.’") in entries


def test_a_lone_surname_label_is_the_articles_person_of_that_name() -> None:
    result = analyze("Reedly: ‘I Am the Best Friend This Harbour Has Had.’" + BODY)
    assert speakers(result)[0] == (
        "I Am the Best Friend This Harbour Has Had.",
        "Tom Reedly",
    )


def test_a_name_after_a_topic_join_is_not_the_speaker() -> None:
    body = BODY.replace("Reedly", "Reed")
    result = analyze("Council Chief On Reed: ‘We Never Pay Guests To Appear.’" + body)
    assert dict(speakers(result))["We Never Pay Guests To Appear."] != "Tom Reed"


def test_a_label_that_is_a_sentence_does_not_give_its_object_the_claim() -> None:
    entries = reported("Pratt Aide Backs Tom Reedly: City Needs New Parks Soon." + BODY)
    assert all(speaker != "Tom Reedly" for speaker, text in entries if "Parks" in text)


def test_a_question_about_the_one_named_is_not_their_claim() -> None:
    entries = reported("Tom Reedly: Reformer or Another Career Politician?" + BODY)
    assert all("Reformer" not in text for _, text in entries)
