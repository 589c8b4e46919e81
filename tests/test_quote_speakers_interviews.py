"""Interview transcripts: in the interviewer's turn ("((WN)) ..."), "you" and "your" are the
interviewee, the speaker of the nearest turn that is not the interviewer's (or, where only the
questions are kept, the person the article names most). So what the interviewer quotes back
from "your website" or "your manifesto" is the interviewee's, and a third party the question
names keeps its own words. A question in its own word order ("how do you plan to ...") reports
nobody's words. Every sentence here is invented."""

from __future__ import annotations

from quote_reading import analyze, reported, speakers

_TRANSCRIPT = (
    "Wikinews spoke to council candidate Tom Ardley about his plans for Dunmore.\n\n"
    '((WN)) On your website you wrote "every street deserves a tree." How will you pay?\n\n'
    "((Tom Ardley)) We will find the money in the parks budget.\n\n"
    '((WN)) Your manifesto promises "a green belt" around the town. Tell us more.\n\n'
    "((Tom Ardley)) It is a ring of farms and woods.\n\n"
    '((WN)) Are you aware the Dunmore Alliance said it was a "needless move"?\n\n'
    "((Tom Ardley)) I am, and I disagree.\n\n"
    '((WN)) You wrote "the buses will be free" on your blog, so how do you plan to do that?\n\n'
    "((Tom Ardley)) With a levy on parking."
)


def test_words_the_interviewer_says_you_wrote_are_the_interviewees() -> None:
    assert dict(speakers(analyze(_TRANSCRIPT)))["every street deserves a tree."] == "Tom Ardley"


def test_words_of_your_manifesto_are_the_interviewees() -> None:
    assert dict(speakers(analyze(_TRANSCRIPT)))["a green belt"] == "Tom Ardley"


def test_a_third_party_named_in_the_question_keeps_its_words() -> None:
    assert dict(speakers(analyze(_TRANSCRIPT)))["needless move"] == "Dunmore Alliance"


def test_a_question_in_its_own_word_order_reports_nothing() -> None:
    result = analyze(_TRANSCRIPT)
    assert not [q for q in result.quotes if q.text.startswith("how do you plan")]


def test_with_only_the_questions_kept_you_is_the_person_named_most() -> None:
    text = (
        "Tom Ardley is standing for mayor of Dunmore. Ardley was a teacher. Ardley spoke to "
        "Wikinews.\n\n"
        '((WN)) In a speech last week you promised "the town hall will open on Sundays." Why?\n\n'
        "((WN)) Is the new bridge worth its price?"
    )
    assert dict(speakers(analyze(text)))["the town hall will open on Sundays."] == "Tom Ardley"


# In the interviewee's answer "I" is the one the label names, over every paragraph of the answer
# until the next label; "he" or "she" there is someone else, never the label itself.
_ANSWERS = (
    "Wikinews spoke with Mara Quinn, who runs a reading room in Dunmore.\n\n"
    "((WN)) How did the town take it?\n\n"
    "((Mara Quinn)) We opened in May.\n\n"
    'The council was slow to help. Later I said, "This is my real job."\n\n'
    "((WN)) What did the council decide?\n\n"
    "((Mara Quinn)) They told us that the grant would end. I told them that I would keep the "
    "doors open. As I said, the roof leaks.\n\n"
    "((WN)) And your family?\n\n"
    '((Mara Quinn)) I phoned my mom first. She\'s like, "Come home for a while."\n\n'
    "((WN)) And the volunteers?\n\n"
    '((Mara Quinn)) Ruth Bell came by on Sunday. She was like, "Give me the keys." And I\'m '
    'like, "Not this year, the room needs me."'
)


def test_i_in_a_later_paragraph_of_the_answer_is_the_interviewee() -> None:
    assert dict(speakers(analyze(_ANSWERS)))["This is my real job."] == "Mara Quinn"


def test_i_of_a_colloquial_quotative_in_the_answer_is_the_interviewee() -> None:
    quotes = dict(speakers(analyze(_ANSWERS)))
    assert quotes["Not this year, the room needs me."] == "Mara Quinn"


def test_what_the_interviewee_told_someone_is_reported_as_theirs() -> None:
    entries = reported(_ANSWERS)
    assert ("Mara Quinn", "I would keep the doors open") in entries


def test_as_i_said_is_the_answer_not_a_report() -> None:
    assert not [e for e in reported(_ANSWERS) if "roof" in e[1]]


def test_she_in_the_answer_is_the_relative_the_interviewee_brought_in() -> None:
    assert dict(speakers(analyze(_ANSWERS)))["Come home for a while."] == "my mom"


def test_they_in_the_answer_is_not_the_interviewers_label() -> None:
    assert not [e for e in reported(_ANSWERS) if e[0] == "WN"]


# "my letter", "my blog post" in the interviewee's answer: the document is the one answering's,
# so are the words it holds; the interviewer's own "my" stays no one's.
_DOCUMENTS = (
    "Wikinews spoke with Ann Reed, who runs the Dunmore library.\n\n"
    "((WN)) Why close the branch?\n\n"
    "((Ann Reed)) We had no choice. The very first line of my letter on Monday was "
    '"The branch will reopen in spring."\n\n'
    "((WN)) And the staff?\n\n"
    '((Ann Reed)) My blog post said "every job is safe."'
)


def test_words_of_my_letter_in_the_answer_are_the_interviewees() -> None:
    assert dict(speakers(analyze(_DOCUMENTS)))["The branch will reopen in spring."] == "Ann Reed"


def test_what_my_blog_post_said_in_the_answer_is_the_interviewees() -> None:
    result = speakers(analyze(_DOCUMENTS), indirect=True)
    found = [who for text, who in result if "every job is safe" in text]
    assert found == ["Ann Reed"]


def test_words_of_an_answer_kept_in_another_script_name_no_speaker() -> None:
    # The answer given again in its own language: the English parser reads those words as a
    # subject at random ("अलग-अलग demand").
    text = (
        "Wikinews spoke with Ravi Menon, who sells tea in Pune.\n\n"
        "((WN)) Why did you stop?\n\n"
        "((Ravi Menon)) Everyone wanted something for free. ((hi)) हर कोई अलग-अलग demand करते "
        "हैं।"
    )
    found = [who for _text, who in speakers(analyze(text), indirect=True) if who]
    assert not [who for who in found if not who.isascii()]


# "we" and "our" in the interviewee's answer: the one answering speaks for their own side, the
# nearest actor to whom the words can be given; a comment ("as we said") reports nothing.
_OWN_SIDE = (
    "Wikinews spoke with Ann Reed, who runs the Dunmore library.\n\n"
    "((WN)) How did the council take the plan?\n\n"
    '((Ann Reed)) Badly at first. Then we told them, "The roof will fall in by winter." Our '
    'statement called it "a last warning to the town."'
)


def test_what_we_told_someone_in_the_answer_is_the_interviewees() -> None:
    assert dict(speakers(analyze(_OWN_SIDE)))["The roof will fall in by winter."] == "Ann Reed"


def test_what_our_statement_said_in_the_answer_is_the_interviewees() -> None:
    result = speakers(analyze(_OWN_SIDE), indirect=True)
    assert [who for text, who in result if "last warning" in text] == ["Ann Reed"]


def test_the_us_in_capitals_in_the_answer_is_the_country_not_the_interviewee() -> None:
    # Guard for the "we" above: "US" is "us" in lower case.
    text = (
        "Wikinews spoke with Ann Reed, who trades grain in Dunmore.\n\n"
        "((WN)) How is trade?\n\n"
        '((Ann Reed)) Slow. The US told us, "Trade will resume in May after the talks." And the '
        "US believes that prices will fall."
    )
    found = speakers(analyze(text), indirect=True)
    assert [who for _text, who in found] == ["United States", "United States"]


def test_he_in_a_later_answer_is_not_a_person_of_an_earlier_answer() -> None:
    # Each answer sets its own scene: a "he" is looked for in it and the question before it,
    # not in a person some earlier answer brought in.
    text = (
        "Wikinews spoke with Ravi Menon, who sells tea in Pune.\n\n"
        "((WN)) Did anyone help you?\n\n"
        "((Ravi Menon)) No. When we asked for help, the landlord would say, "
        '"You have money, you do not need ours."\n\n'
        "((WN)) What happened in May?\n\n"
        "((Ravi Menon)) The shops closed. We borrowed money at double interest. Now the lender "
        'comes every week. When he argues, he would shout, "Pay it back now or leave the house '
        'today."'
    )
    assert dict(speakers(analyze(text)))["Pay it back now or leave the house today."] != (
        "the landlord"
    )


def test_she_of_a_cue_in_the_answer_never_borrows_the_interviewees_quotation() -> None:
    # The paragraph's next quotation is the interviewee's ("I'm like"); a "she" that finds no
    # one does not take it over.
    text = (
        "Wikinews spoke with Ann Reed, who runs the Dunmore library.\n\n"
        "((WN)) How was the poster received?\n\n"
        "((Ann Reed)) Last June I put up a poster, and I had a lot of anger online. But I had "
        'women who came up to me and she\'s like, "Look, I do not like your poster at all." '
        'And I\'m like, "That is fine, you do not have to like it."'
    )
    quotes = dict(speakers(analyze(text)))
    assert quotes["That is fine, you do not have to like it."] == "Ann Reed"
    assert quotes["Look, I do not like your poster at all."] != "Ann Reed"
