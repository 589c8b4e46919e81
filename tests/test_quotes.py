"""Quotations and their speakers, on sentences we wrote, with the real English pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc as SpacyDoc

import parley
from parley.nlp.rules.quotes import _in_named_object
from parley.types import ArticleResult

pytestmark = pytest.mark.model


def run(text: str) -> ArticleResult:
    return parley.analyze(text, published="2025-04-18")


def quotes_of(text: str) -> list[tuple[str, str | None, str]]:
    result = run(text)
    return [
        (q.text, q.speaker.name if q.speaker else None, q.kind)
        for q in result.quotes
        if q.kind != "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“We will not retreat,” said Defence Minister Anna Kovacs.",
            [("We will not retreat,", "Anna Kovacs", "direct")],
            id="cue-after-inverted",
        ),
        pytest.param(
            "Foreign Minister Jean Dupont told reporters: “The border must stay open.”",
            [("The border must stay open.", "Jean Dupont", "direct")],
            id="cue-before-colon",
        ),
        pytest.param(
            "Anna Kovacs arrived in Vienna. “We came to talk,” Kovacs said, “and we will stay until there is a deal.”",
            [
                ("We came to talk,", "Anna Kovacs", "direct"),
                ("and we will stay until there is a deal.", "Anna Kovacs", "direct"),
            ],
            id="interrupted-by-attribution",
        ),
        pytest.param(
            "Economy Minister Maria Lopez announced the fund on Monday. “This money will rebuild our roads,” she said.",
            [("This money will rebuild our roads,", "Maria Lopez", "direct")],
            id="pronoun-she",
        ),
        pytest.param(
            "Senator Tom Reed met Ambassador Sara Holm in Oslo on Tuesday. Holm spoke first. “We need more time,” she said.",
            [("We need more time,", "Sara Holm", "direct")],
            id="pronoun-picks-subject-of-previous-sentence",
        ),
        pytest.param(
            "Prime Minister Luis Ortega said the talks had been “quite productive.”",
            [("quite productive.", "Luis Ortega", "partial")],
            id="partial-in-that-clause",
        ),
        pytest.param(
            "According to Maria Lopez, the two sides agreed on a “humanitarian corridor” near the port.",
            [("humanitarian corridor", "Maria Lopez", "partial")],
            id="according-to",
        ),
        pytest.param(
            "The Defence Ministry said in a statement: “Our forces repelled the attack overnight.”",
            [("Our forces repelled the attack overnight.", "Defence Ministry", "direct")],
            id="organisation-speaker",
        ),
        pytest.param(
            "“The convoy was hit twice before dawn,” a police spokesperson said.",
            [("The convoy was hit twice before dawn,", "a police spokesperson", "direct")],
            id="unnamed-source",
        ),
        pytest.param(
            "Despite Ortega’s pledge to end the strike “within a week”, the talks stalled.",
            [("within a week", "Ortega", "partial")],
            id="noun-cue-with-possessor",
        ),
        pytest.param(
            "Opposition leader Mark Davies tweeted that the vote was “a victory for democracy.”",
            [("a victory for democracy.", "Mark Davies", "partial")],
            id="tweeted",
        ),
        pytest.param(
            "The ministry issued a statement. “We regret the delay,” reads a Gazprom press release.",
            [("We regret the delay,", "Gazprom", "direct")],
            id="document-with-named-issuer",
        ),
        pytest.param(
            "Senator Tom Reed stated the inquiry would not be fair, saying he expected “a show trial” in the autumn.",
            [("a show trial", "Tom Reed", "partial")],
            id="participle-hung-on-reported-clause",
        ),
        pytest.param(
            "That said, the company is preparing some “transition options” for its customers.",
            [],
            id="that-said-is-no-speaker",
        ),
        pytest.param(
            "Engineers maintain the pipeline every spring. The “winter mode” of the pumps saves power.",
            [],
            id="weak-verb-far-from-quote",
        ),
        pytest.param(
            "Criticism of the remark led Senator Tom Reed to concede “I chose my words badly.”",
            [("I chose my words badly.", "Tom Reed", "direct")],
            id="object-of-control-verb-speaks",
        ),
        pytest.param(
            "Coach Lena Marsh explained the decision to drop two players, saying “discipline comes first.”",
            [("discipline comes first.", "Lena Marsh", "partial")],
            id="participle-on-an-object-noun",
        ),
        pytest.param(
            "The ship's route followed a pattern described by the Harbour Gazette as “highly unusual.”",
            [("highly unusual.", "Harbour Gazette", "partial")],
            id="agent-of-a-participle",
        ),
    ],
)
def test_quotes_speaker_and_kind(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The documentary “Silent Border” opened in Paris on Friday.", id="title-of-work"
        ),
        pytest.param("Her so-called “peace plan” collapsed within days.", id="so-called"),
        pytest.param(
            "Residents call the district “the Kettle” because of the heat.", id="nickname"
        ),
        pytest.param(
            "Elmland launched a farm programme called “Green 2030” in 2017.", id="numbered-name"
        ),
    ],
)
def test_quotes_titles_names_and_scare_quotes_are_not_quotes(text: str) -> None:
    assert quotes_of(text) == []


def test_quotes_multi_paragraph_quote_keeps_its_speaker() -> None:
    text = (
        "Prime Minister Luis Ortega spoke after the vote. He said: “We have waited long enough for this day.\n\n"
        "“Now the ceasefire must hold, and the prisoners must come home before winter.”\n\n"
        "The opposition walked out."
    )
    # One quotation over two paragraphs (its opening mark repeated at the second): one entry,
    # from the first opening mark to the closing one.
    assert quotes_of(text) == [
        (
            "We have waited long enough for this day.\n\n"
            "“Now the ceasefire must hold, and the prisoners must come home before winter.",
            "Luis Ortega",
            "direct",
        )
    ]


def test_quotes_paragraph_of_quote_takes_speaker_introduced_before() -> None:
    text = (
        "Interior Minister Karin Lund described the night's events to parliament.\n\n"
        "“Three stations were attacked, and two officers were wounded. We will find those responsible.”"
    )
    assert quotes_of(text) == [
        (
            "Three stations were attacked, and two officers were wounded. We will find those responsible.",
            "Karin Lund",
            "direct",
        )
    ]


def test_quotes_description_resolves_to_named_person() -> None:
    text = (
        "President Luis Ortega met reporters in the capital on Friday.\n"
        "“We are ready to sign tomorrow,” the President said."
    )
    assert quotes_of(text) == [("We are ready to sign tomorrow,", "Luis Ortega", "direct")]


def test_quotes_unbalanced_mark_loses_no_other_quote() -> None:
    text = (
        "“We will hold the line, said the general.\n"
        "Later, Defence Minister Anna Kovacs said, “The line held.”"
    )
    found = quotes_of(text)
    assert ("The line held.", "Anna Kovacs", "direct") in found


def test_quotes_offsets_slice_the_input() -> None:
    text = "“We’re ready,” said Anna Kovacs. Kovacs called the plan “a start.”"
    result = run(text)
    assert result.quotes
    for q in result.quotes:
        assert text[q.start : q.end] == q.text
    assert [q.id for q in result.quotes] == [f"q{n}" for n in range(1, len(result.quotes) + 1)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "Kremlin spokesman Ivan Petrov said Moscow remains open to dialogue.",
            "Ivan Petrov",
            "Moscow remains open to dialogue",
            id="said-clause",
        ),
        pytest.param(
            "According to Maria Lopez, the parties discussed a full ceasefire.",
            "Maria Lopez",
            "the parties discussed a full ceasefire",
            id="according-to-clause",
        ),
        pytest.param(
            "Senator Tom Reed warned that the deal could collapse if the deadline slipped.",
            "Tom Reed",
            "the deal could collapse if the deadline slipped",
            id="warned-that",
        ),
        pytest.param(
            "Eva Lind said Norway remains open to talks, but is seeking a settlement that "
            "protects its fishing rights.",
            "Eva Lind",
            "Norway remains open to talks, but is seeking a settlement that protects its "
            "fishing rights",
            id="second-verb-of-the-content-stays",
        ),
        pytest.param(
            "Foreign Minister Petr Novak denounced the agreement between the two neighbours.",
            "Petr Novak",
            "the agreement between the two neighbours",
            id="speech-act-object",
        ),
        pytest.param(
            "Foreign Minister Petr Novak urged Hungary to reopen the border crossings.",
            "Petr Novak",
            "Hungary to reopen the border crossings",
            id="directive",
        ),
        pytest.param(
            "Amnesty International called for an inquiry into the shooting at the border.",
            "Amnesty International",
            "an inquiry into the shooting at the border",
            id="call-for",
        ),
        pytest.param(
            "Governor Ana Ruiz announced a curfew for the coastal districts on Telegram.",
            "Ana Ruiz",
            "a curfew for the coastal districts",
            id="medium-is-not-content",
        ),
        pytest.param(
            "Senator Tom Reed vowed to keep fighting the ruling in the federal courts.",
            "Tom Reed",
            "keep fighting the ruling in the federal courts",
            id="commissive",
        ),
        pytest.param(
            "Interior Minister Karin Lund called the attack an act of senseless cruelty.",
            "Karin Lund",
            "the attack an act of senseless cruelty",
            id="called-x-y",
        ),
        pytest.param(
            "The Northern Front claimed responsibility for the three bombings in the port.",
            "Northern Front",
            "responsibility for the three bombings in the port",
            id="claimed-responsibility",
        ),
    ],
)
def test_reported_speech(text: str, speaker: str, content: str) -> None:
    indirect = [q for q in run(text).quotes if q.kind == "indirect"]
    assert [(q.speaker.name if q.speaker else None, q.text) for q in indirect] == [
        (speaker, content)
    ]


def test_reported_speech_second_act_of_the_speaker_is_its_own_report() -> None:
    text = (
        "Prime Minister Eva Lind said that parliament had not ratified the treaty, and mentioned "
        "a possible appeal to the international court."
    )
    indirect = [
        (q.speaker.name if q.speaker else None, q.text, q.cue)
        for q in run(text).quotes
        if q.kind == "indirect"
    ]
    assert indirect == [
        ("Eva Lind", "parliament had not ratified the treaty", "said"),
        ("Eva Lind", "a possible appeal to the international court", "mentioned"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The new law calls for prison terms of at least twenty years.", id="rule"),
        pytest.param("The coast guard announced the recorder.", id="news-about-a-known-thing"),
        pytest.param("The appeals court dismissed the lawsuit against the mayor.", id="an-act"),
        pytest.param(
            "The cyclone claimed nearly three hundred lives last week.", id="claimed-lives"
        ),
        pytest.param("Mayor Ana Ruiz claimed 56 percent of the votes cast.", id="claimed-a-share"),
    ],
)
def test_reported_speech_not_from_acts_or_rules(text: str) -> None:
    assert [q for q in run(text).quotes if q.kind == "indirect"] == []


def test_reported_speech_skips_clause_that_is_a_direct_quote() -> None:
    text = "Defence Minister Anna Kovacs said, “The line held and the enemy withdrew.”"
    assert [q.kind for q in run(text).quotes] == ["direct"]


def test_quotes_pronoun_does_not_cross_into_previous_paragraph_subject() -> None:
    # spaCy runs the first sentence across the paragraph break after the closing mark; the
    # pronoun still belongs to the subject of the second paragraph's first sentence.
    text = (
        "President Anton Hale dismissed Minister Lev Sorin, who had called the budget “a fantasy.”\n\n"
        "Sorin left the building after the meeting ended. He said Hale was “a man of his word” in public."
    )
    found = quotes_of(text)
    assert ("a man of his word", "Lev Sorin", "partial") in found


def test_quotes_untagged_speaking_name_is_a_person_for_later_pronouns() -> None:
    # The tagger often misses foreign names; "X Y said" makes X Y a person, so the later "he"
    # goes to him rather than to the only person the tagger did find.
    text = (
        "Olena Marchenko said Kyiv's terms were unchanged.\n\n"
        "Pavel Orlov said Moscow wanted the bank reconnected first. "
        "“Without that, there is nothing to sign,” he said."
    )
    assert ("Without that, there is nothing to sign,", "Pavel Orlov", "direct") in quotes_of(text)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Marta Brook", id="tagged-org"),
        pytest.param("Ivanka Hill", id="tagged-loc"),
        pytest.param("Ilse Nexus", id="untagged"),
    ],
)
def test_quotes_name_taken_up_by_she_is_a_person_whatever_its_tag(name: str) -> None:
    # The tagger calls some names a firm, a place or nothing; a name that is the subject of a
    # verb and is then called "she" is a person's, so the later "she said" finds her.
    text = (
        f"{name} opened the clinic on Friday. She praised the builders.\n"
        "“It took three winters,” she said."
    )
    assert ("It took three winters,", name, "direct") in quotes_of(text)


def test_quotes_watch_ends_an_organisations_name() -> None:
    # "Harbour Watch" is a monitoring group, not a person the later "he" could stand for.
    text = (
        "Tom Reed gave a speech on Monday, Harbour Watch reported. "
        "He then said that the port must close."
    )
    assert ("the port must close", "Tom Reed", "indirect") in [
        (q.text, q.speaker.name if q.speaker else None, q.kind) for q in run(text).quotes
    ]


def test_quotes_unbalanced_mark_is_reported_as_a_warning() -> None:
    text = "“We will hold the line, said the general.\nLater, Anna Kovacs said, “The line held.”"
    result = run(text)
    assert any("unbalanced quotation mark at offset 0" in w for w in result.warnings)
    assert "warnings" in result.to_dict()


def test_quotes_weak_verb_in_an_according_to_frame_gives_its_subject() -> None:
    text = (
        "Judges in Edinburgh ruled on Wednesday that the suspension of the assembly was "
        "unlawful.\n\nAccording to the network, a spokesman for the ministry expressed regret "
        'and that the ministry plans to appeal; "The government must be free to set its own '
        'agenda. Suspending the assembly was the lawful way to do it."'
    )
    direct = [q for q in quotes_of(text) if q[0].startswith("The government must")]
    assert [q[1] for q in direct] == ["a spokesman for the ministry"]


def test_speaker_hung_on_the_source_as_an_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse the pipeline gave a real article: "spokesman" as an apposition of "BBC", and
    # "expressed" without a subject.
    from spacy.tokens import Doc

    from parley.nlp.rules.speaker_tokens import speaker_token

    words = "According to the BBC , a spokesman for the palace expressed regret .".split()
    heads = [10, 0, 3, 1, 3, 6, 3, 6, 9, 7, 10, 10, 10]
    deps = "prep prep det pobj punct det appos prep det pobj ROOT dobj punct".split()
    pos = "VERB ADP DET PROPN PUNCT DET NOUN ADP DET NOUN VERB NOUN PUNCT".split()
    lemmas = "accord to the BBC , a spokesman for the palace express regret .".split()
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    speaker = speaker_token(doc[10])
    assert speaker is not None and speaker.text == "spokesman"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "The Regional Court of Tarnow ruled on Monday that the dam contract was void. The "
            "Regional Court of Tarnow is the highest court in the province; the only court above "
            "it is the Supreme Court of Poland.\n\nThe mayor had asked for the review in "
            'March.\n\nIn its ruling, the court said the contract "was signed without a tender '
            'and cannot stand."',
            "was signed",
            "Regional Court of Tarnow",
            id="the-subject-of-the-paragraph",
        ),
        pytest.param(
            "The Harbour Party held its congress online in May and chose a new leader.\n\n"
            "The Orchard Party ticket of economist Ida Varga secured a place on the ballot in "
            'June. In close races, the party said it would "step aside for the strongest '
            'candidate."',
            "step aside",
            "Orchard Party",
            id="not-a-subject-pages-earlier",
        ),
    ],
)
def test_quotes_the_organisation_a_description_means(text: str, words: str, speaker: str) -> None:
    direct = [q for q in quotes_of(text) if q[0].startswith(words)]
    assert [q[1] for q in direct] == [speaker]


def test_quotes_they_after_people_named_together_is_the_group() -> None:
    text = (
        "Norwegian foreign minister Ola Brekke and his Danish and Finnish counterparts, Mads "
        "Holm and Aino Virta, met in Oslo on Tuesday to discuss shipping in the Arctic. The "
        "Icelandic foreign minister, Gunnar Olafsson, joined the talks as an observer.\n\n"
        'They concluded that the new shipping rules "must be enforced by every coastal state, '
        'without exception".'
    )
    result = run(text)
    (quote,) = [q for q in result.quotes if q.text.startswith("must be enforced")]
    assert quote.speaker is not None and quote.speaker.name == "foreign ministers"
    (group,) = [a for a in result.actors if a.id == quote.speaker.id]
    assert group.kind == "group"
    assert {"Ola Brekke", "Mads Holm", "Aino Virta"} <= set(group.aliases)
    assert "Gunnar Olafsson" not in group.aliases


def test_quotes_they_after_people_without_a_shared_office_is_named_by_them() -> None:
    text = (
        "Senator Carla Munoz and the novelist Peter Lind toured the flooded district on Friday. "
        'They said the relief effort was "far too slow for the families still waiting".'
    )
    speakers = {q.speaker.name for q in run(text).quotes if q.speaker and "far too slow" in q.text}
    assert speakers == {"Carla Munoz and Peter Lind"}


def test_quotes_generic_you_is_never_a_speaker() -> None:
    text = 'If you ask, you will hear "the budget is final" from every office in the ministry.'
    assert {q.speaker for q in run(text).quotes} <= {None}
    assert not [a for a in run(text).actors if a.name.lower() in {"you", "your"}]


def test_quotes_documents_speak_for_their_owner_or_for_no_one() -> None:
    text = (
        "Governor Kay Lund signed the budget on Monday. Her reasoning was short: "
        '"We cannot spend money we do not have." The motion said the budget "breaks the '
        'state constitution in three places."'
    )
    result = run(text)
    speakers = {q.text[:12]: q.speaker.name if q.speaker else None for q in result.quotes}
    assert speakers["We cannot sp"] == "Kay Lund"  # her reasoning: hers
    # The motion has no owner here; it is never a speaker itself.
    assert speakers["breaks the s"] != "the motion"
    assert not [a for a in result.actors if a.name.lower() in {"her reasoning", "the motion"}]


def test_quotes_give_the_words_naming_the_speaker_and_the_cue() -> None:
    text = "Mayor Ida Strand opened the bridge. “It took nine years,” she said on Monday."
    (quote,) = [q for q in run(text).quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Ida Strand"
    assert quote.speaker.mention is not None and quote.cue_span is not None
    assert text[slice(*quote.speaker.mention)] == "she"
    assert text[slice(*quote.cue_span)] == "said"


def test_reported_speech_gives_the_description_naming_the_speaker() -> None:
    text = (
        "The city council met on Monday. A council spokesperson said the bridge would reopen soon."
    )
    (quote,) = [q for q in run(text).quotes if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert text[slice(*quote.speaker.mention)] == "A council spokesperson"
    assert quote.cue_span is not None and text[slice(*quote.cue_span)] == "said"


def test_quotes_in_doubled_apostrophes_get_their_speaker() -> None:
    text = "''The talks are over,'' said Lena Park, the union's negotiator."
    quotes = quotes_of(text)
    assert quotes == [("The talks are over,", "Lena Park", "direct")]


def test_reported_speech_set_inside_its_clause() -> None:
    text = "Ola Brekke leads the union. In the end, Brekke said, the members will accept the offer."
    reported = [
        (q.text, q.speaker.name if q.speaker else None)
        for q in run(text).quotes
        if q.kind == "indirect"
    ]
    # The fronted "In the end" is part of what Brekke is reported to have said: the entry is
    # the whole clause the attribution interrupts (round 14), not its longer half.
    assert ("In the end, Brekke said, the members will accept the offer", "Ola Brekke") in reported


def test_relative_pronoun_is_the_mention_nearest_the_cue() -> None:
    text = "The talks were led by Mara Quist, who said the ceasefire would hold."
    (quote,) = [q for q in run(text).quotes if q.kind == "indirect"]
    assert quote.speaker is not None and quote.speaker.name == "Mara Quist"
    assert quote.speaker.mention is not None and text[slice(*quote.speaker.mention)] == "who"


def test_pronoun_takes_the_only_person_when_a_learnt_gender_disagrees() -> None:
    # A gender learnt from the article's own pronouns can be wrong; a reader still takes the
    # one person in sight.
    text = "Alex Moreno opened the meeting. She said the budget was tight. “We will cut costs,” he said."
    assert quotes_of(text) == [("We will cut costs,", "Alex Moreno", "direct")]


def _speaker_actor(text: str) -> tuple[str, str, str | None]:
    result = run(text)
    (quote,) = result.quotes
    assert quote.speaker is not None
    actor = next(a for a in result.actors if a.id == quote.speaker.id)
    return actor.name, actor.kind, actor.country


def test_spokesperson_is_a_person_not_the_organisation() -> None:
    name, kind, _ = _speaker_actor("A UN spokesperson said aid convoys had reached the city.")
    assert (name, kind) == ("a UN spokesperson", "person")


def test_source_within_an_organisation_is_kept_whole() -> None:
    text = "A source within the Defence Ministry said the talks had stalled."
    name, kind, _ = _speaker_actor(text)
    assert (name, kind) == ("a source within the Defence Ministry", "person")


def test_unnamed_groups_have_no_country_unless_the_text_gives_one() -> None:
    text = "Ukraine and Poland signed the deal in Kyiv. Sources said the deal would be extended."
    assert _speaker_actor(text)[1:] == ("group", None)
    text = (
        "Ukraine and Poland signed the deal in Kyiv. Ukrainian officials said it would be extended."
    )
    assert _speaker_actor(text)[1:] == ("group", "UKR")


def _reported(text: str) -> list[str]:
    return [q.text for q in run(text).quotes if q.kind == "indirect"]


def test_reported_speech_keeps_a_coordinated_attitude() -> None:
    text = "Mayor Ida Strand said the city had no plan for a new bridge, but hoped the old one could be repaired soon."
    (content,) = _reported(text)
    assert content.startswith("the city had no plan") and content.endswith("repaired soon")


def test_reported_speech_keeps_a_coordinated_act_in_another_tense() -> None:
    text = "Lena Park says she met the minister on Monday and asked him to resign."
    (content,) = _reported(text)
    assert content.endswith("asked him to resign")


def test_reported_speech_does_not_end_inside_a_quotation_it_opened() -> None:
    text = "Lena Park said the strike could end “soon.” Talks resume on Monday."
    (content,) = _reported(text)
    assert content == "the strike could end “soon.”"


def test_quotes_after_a_colon_are_the_words_of_the_clause_subject() -> None:
    text = (
        "Mayor Tomas Berg met Governor Lena Dahl on Monday. Dahl apologised for the delay: "
        "“We should have acted sooner, and I take full responsibility for it.”"
    )
    assert quotes_of(text) == [
        (
            "We should have acted sooner, and I take full responsibility for it.",
            "Lena Dahl",
            "direct",
        )
    ]


def test_quotes_hung_from_a_weak_verb_take_its_subject() -> None:
    text = (
        "Governor Lena Dahl spoke after Mayor Tomas Berg at the rally on Monday.\n\n"
        "“The bridge will reopen in May,” Dahl said.\n\n"
        "She continued, “Nobody in this city should have to wait another winter for it.”"
    )
    result = run(text)
    last = [q for q in result.quotes if q.kind != "indirect"][-1]
    assert last.speaker is not None and last.speaker.name == "Lena Dahl"
    assert last.cue == "continued"


def test_reported_speech_trailing_source_covers_the_whole_coordination() -> None:
    text = (
        "Wages in the region rose by two percent in 2015 but fell by one percent in 2016, "
        "according to economist Maria Lopez."
    )
    reported = [(q.text, q.speaker.name if q.speaker else None) for q in run(text).quotes]
    assert reported == [
        (
            "Wages in the region rose by two percent in 2015 but fell by one percent in 2016",
            "Maria Lopez",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Senator Carl Lund chaired the hearing.\n\n"
            "“The inquiry has waited long enough for these papers,” added Lund.",
            ("The inquiry has waited long enough for these papers,", "Carl Lund"),
            id="verb-first-attribution-after-the-quotation",
        ),
        pytest.param(
            "Senator Carl Lund chaired the hearing.\n\n"
            "“The inquiry has waited long enough for these papers,” said Lund, explaining "
            "that the ministry had delayed them twice.",
            ("The inquiry has waited long enough for these papers,", "Carl Lund"),
            id="name-after-an-inverted-cue-whatever-its-tag",
        ),
        pytest.param(
            "Mayor Ida Holm answered her rival at the debate.\n\n"
            "“Our budget is balanced, and it will stay balanced,” Holm shot back.",
            ("Our budget is balanced, and it will stay balanced,", "Ida Holm"),
            id="any-verb-right-after-an-open-quotation",
        ),
        pytest.param(
            "After Governor Ivo Rask criticised her plan, Mayor Ida Holm shot back, "
            "“I chose to fix the roads, and the roads are fixed.”",
            ("I chose to fix the roads, and the roads are fixed.", "Ida Holm"),
            id="subject-and-verb-before-a-comma-and-the-quotation",
        ),
        pytest.param(
            "In response, Senator Ida Holm issued the following statement:\n\n"
            "“Our thoughts are with the families of the victims.”",
            ("Our thoughts are with the families of the victims.", "Ida Holm"),
            id="verb-whose-object-the-colon-ends",
        ),
        pytest.param(
            "Appearing before supporters, Ana Reis said it was too early to celebrate but "
            "added, “I think you all know the results.”",
            ("I think you all know the results.", "Ana Reis"),
            id="second-saying-coordinated-with-the-reported-clause",
        ),
        pytest.param(
            "Speaking at a school in Salem, New Hampshire, Ivo Rask went after his rival, "
            "calling him “a total failure.”",
            ("a total failure.", "Ivo Rask"),
            id="participle-hung-on-a-place",
        ),
        pytest.param(
            "Ida Holm and Paul Lind debated the budget.\n\n"
            "Holm: “The budget must pass this week.” Lind: “The budget must wait until spring.”",
            ("The budget must wait until spring.", "Paul Lind"),
            id="name-before-a-colon-labels-the-speaker",
        ),
        pytest.param(
            "“We will fight for every job in this town,” Senator Ida Holm said.\n\n"
            "The hall was cold.\n\nThe band played two songs before the speeches.\n\n"
            "“We will win this,” she said.",
            ("We will win this,", "Ida Holm"),
            id="pronoun-far-from-its-person-takes-the-last-fitting-speaker",
        ),
    ],
)
def test_quotes_attribution_shapes(text: str, expected: tuple[str, str]) -> None:
    found = [(q, s) for q, s, _ in quotes_of(text)]
    assert expected in found


def test_quotes_voice_verb_the_quotation_hangs_from_is_its_cue() -> None:
    text = "Outside the ministry, the marchers chanted, “Bring them home now, before winter comes!”"
    quotes = [q for q in run(text).quotes if q.kind != "indirect"]
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("chanted", "the marchers")
    ]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        pytest.param(
            "Mayor Ida Holm spoke first. Later Tom Reed leaned over to an aide and mumbled, "
            "“Nobody reads these reports.”",
            "mumbled",
            "Tom Reed",
            id="mumbled",
        ),
        pytest.param(
            "Ida Holm spoke first. Tom Reed stood up in the back row and heckled, “Tell us "
            "about the ferry!”",
            "heckled",
            "Tom Reed",
            id="heckled",
        ),
        pytest.param(
            "Ida Holm spoke first. Tom Reed stood up from his chair and confessed: “I never "
            "read the plan.”",
            "confessed",
            "Tom Reed",
            id="confessed",
        ),
        pytest.param(
            "Ida Holm spoke first. “The plan is dead,” Tom Reed, a former council member from "
            "Dover, groaned on Monday.",
            "groaned",
            "Tom Reed",
            id="groaned",
        ),
        pytest.param(
            "Ida Holm spoke first. Tom Reed wrote to his staff late at night and emailed: “The "
            "plan is dead.”",
            "emailed",
            "Tom Reed",
            id="emailed",
        ),
        pytest.param(
            "Ida Holm spoke first. Tom Reed stood up and sniped, “She never read the plan.”",
            "sniped",
            "Tom Reed",
            id="sniped-whose-lemma-the-tagger-gets-wrong",
        ),
    ],
)
def test_quotes_verbs_of_saying_cue_the_quotation_that_hangs_from_them(
    text: str, cue: str, speaker: str
) -> None:
    quotes = [q for q in run(text).quotes if q.kind == "direct"]
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in quotes] == [(cue, speaker)]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "clause"),
    [
        (
            "Tom Reed confided to friends that he was tired of the council.",
            "confided",
            "Tom Reed",
            "he was tired of the council",
        ),
        (
            "Tom Reed confessed that he had never read the plan.",
            "confessed",
            "Tom Reed",
            "he had never read the plan",
        ),
        (
            "Tom Reed reasoned that the toll would pay for itself.",
            "reasoned",
            "Tom Reed",
            "the toll would pay for itself",
        ),
        (
            "The Dover council clarified that the toll would end in May.",
            "clarified",
            "the Dover council",
            "the toll would end in May",
        ),
        (
            "Senator Ann Pratt griped that the council never listens.",
            "griped",
            "Ann Pratt",
            "the council never listens",
        ),
        (
            "Senator Ann Pratt swore that she had never met the mayor.",
            "swore",
            "Ann Pratt",
            "she had never met the mayor",
        ),
    ],
)
def test_quotes_verbs_of_saying_report_a_clause(
    text: str, cue: str, speaker: str, clause: str
) -> None:
    found = [
        (q.cue, q.speaker.name if q.speaker else None, q.text)
        for q in run(text).quotes
        if q.kind == "indirect"
    ]
    assert found == [(cue, speaker, clause)]


@pytest.mark.parametrize(
    "text",
    [
        "The old ferry engine groaned as the truck rolled on board.",
        "Senator Ann Pratt was sworn in on Monday.",
        "Tom Reed will rejoin the Dover council next year.",
        "The new figures refute the idea that tolls cut traffic.",
        "The crowd cheered as the ferry left the harbor.",
    ],
)
def test_quotes_the_same_verbs_used_for_other_sounds_and_acts_cue_nothing(text: str) -> None:
    assert not run(text).quotes


def test_quotes_document_subject_is_kept_as_the_naming_words() -> None:
    text = (
        "“We met the unions this morning,” Mayor Ida Holm said on Monday. "
        "“The city will pay every worker on time,” the statement added."
    )
    last = [q for q in run(text).quotes if q.kind != "indirect"][-1]
    assert last.speaker is not None and last.speaker.name == "Ida Holm"
    assert last.speaker.mention is not None
    assert text[last.speaker.mention[0] : last.speaker.mention[1]] == "the statement"


def test_quotes_next_sentence_reporting_its_own_clause_is_not_the_cue() -> None:
    text = (
        "Senator Ivo Rask spoke to reporters. “It is a sad day,” Rask said. "
        "“This has no place in a campaign.” Governor Ida Holm said she would have fired the aide."
    )
    direct = [q for q in run(text).quotes if q.kind != "indirect"]
    assert [q.speaker.name if q.speaker else None for q in direct] == ["Ivo Rask", "Ivo Rask"]


def test_quotes_lone_pronoun_with_no_earlier_quote_takes_the_most_named_person_of_its_gender() -> (
    None
):
    text = (
        "Ms Ida Holm opened the plant in March. Holm thanked the workers.\n\n"
        "The hall was cold.\n\nThe band played two songs before the speeches.\n\n"
        "“We will win this,” she said."
    )
    direct = [q for q in run(text).quotes if q.kind != "indirect"]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in direct] == [
        ("We will win this,", "Ida Holm")
    ]


def test_quotes_document_with_no_owner_speaks_for_who_issued_it() -> None:
    text = (
        "Governor Ida Holm issued a statement on Tuesday about the rent.\n\n"
        "“The governor pays her own rent, every month,” the statement said."
    )
    direct = [q for q in run(text).quotes if q.kind != "indirect"]
    assert [(q.speaker.name if q.speaker else None) for q in direct] == ["Ida Holm"]
    mention = direct[0].speaker.mention if direct[0].speaker else None
    assert mention is not None and text[mention[0] : mention[1]] == "the statement"


def test_quotes_document_no_one_issued_speaks_for_itself() -> None:
    text = (
        "The ferry timetable changed again on Monday. "
        "“Sailings will resume at noon on Friday,” the notice said."
    )
    assert quotes_of(text) == [("Sailings will resume at noon on Friday,", "the notice", "direct")]


def test_quotes_quotation_after_a_sentence_with_a_cue_is_that_speakers() -> None:
    text = (
        "Councillor Ben Ode may yet back the plan, housing economist Mira Stahl says. "
        "“He has little choice after the vote in May.”"
    )
    assert quotes_of(text) == [
        ("He has little choice after the vote in May.", "Mira Stahl", "direct")
    ]


def test_quotes_participle_after_a_clause_of_time_is_the_main_speakers() -> None:
    text = (
        "Coach Dan Ruiz spoke to reporters after the striker scored twice, remarking that the "
        "team “finally looked hungry.”"
    )
    assert quotes_of(text) == [("finally looked hungry.", "Dan Ruiz", "partial")]


def test_quotes_verb_first_attribution_ignores_a_subject_parsed_inside_the_quotation() -> None:
    text = (
        "The bridge closed again. "
        '"We cannot cross the river any more. #Riverton," wrote a local user from Hollin.'
    )
    assert quotes_of(text) == [
        (
            "We cannot cross the river any more. #Riverton,",
            "a local user",
            "direct",
        )
    ]


def test_quotes_attribution_after_open_quotation_spans_the_subjects_phrase() -> None:
    text = '"Will she run for mayor next year?" a council clerk in the gallery wondered.'
    assert quotes_of(text) == [("Will she run for mayor next year?", "a council clerk", "direct")]


def test_quotes_document_read_tagged_as_a_noun_still_speaks() -> None:
    text = (
        "The ferry timetable changed again. "
        "“Sailings will resume at noon on Friday,” the notice read."
    )
    assert quotes_of(text) == [("Sailings will resume at noon on Friday,", "the notice", "direct")]


def test_word_of_saying_in_a_naming_verbs_object_is_not_the_cue() -> None:
    # 'Lee called Berg's statements "childish"': parsers sometimes hang the quotation on the
    # noun "statements"; the naming verb before it is what says the quoted word.

    words = ["Lee", "called", "Berg", "'s", "statements", '"', "childish", '"', "."]
    doc = SpacyDoc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, False, True, True, False, False, False, False],
        heads=[1, 1, 4, 2, 1, 6, 4, 6, 1],
        deps=["nsubj", "ROOT", "poss", "case", "oprd", "punct", "amod", "punct", "punct"],
        pos=["PROPN", "VERB", "PROPN", "PART", "NOUN", "PUNCT", "ADJ", "PUNCT", "PUNCT"],
        tags=["NNP", "VBD", "NNP", "POS", "NNS", "``", "JJ", "''", "."],
        lemmas=["Lee", "call", "Berg", "'s", "statement", '"', "childish", '"', "."],
    )
    called, statements = doc[1], doc[4]
    open_at = doc[6].idx
    assert _in_named_object(statements, [called, statements], open_at)
    assert not _in_named_object(called, [called, statements], open_at)
    # without a naming verb before it, the noun keeps its rank
    assert not _in_named_object(statements, [statements], open_at)


def test_a_subject_across_a_paragraph_break_gives_way_to_a_name_in_the_cues_paragraph(
    nlp,  # type: ignore[no-untyped-def]
) -> None:
    # A parse of the shape the pipeline gives a time-stamped live report: the headline's first
    # word taken for the subject of the next paragraph's verb, and the name that opens that
    # paragraph hung on it as an apposition.
    from spacy.tokens import Doc

    from parley.nlp.rules.speaker_tokens import speaker_token

    words = ["Latest", ":", "Lund", "wins", "\n\n", "Lind", "defended", "the", "plan", ","]
    words += ["saying", "it", "works", "."]
    heads = [6, 0, 3, 0, 3, 0, 6, 8, 6, 6, 6, 12, 10, 6]
    deps = "nsubj punct nsubj acl dep appos ROOT det dobj punct advcl nsubj ccomp punct".split()
    pos = "NOUN PUNCT PROPN VERB SPACE PROPN VERB DET NOUN PUNCT VERB PRON VERB PUNCT".split()
    lemmas = "latest : Lund win \n\n Lind defend the plan , say it work .".split(" ")
    lemmas[4] = "\n\n"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    speaker = speaker_token(doc[10])
    assert speaker is not None and speaker.text == "Lind"


def test_a_day_opening_the_cues_paragraph_is_not_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # As above, with the paragraph opened by a day the parser also hung on the headline.
    from spacy.tokens import Doc

    from parley.nlp.rules.speaker_tokens import speaker_token

    words = ["Lind", ":", "Lund", "wins", "\n\n", "Tuesday", ",", "Lind", "said", "it"]
    words += ["works", "."]
    heads = [8, 0, 3, 0, 3, 0, 8, 0, 8, 10, 8, 8]
    deps = "nsubj punct nsubj acl dep npadvmod punct appos ROOT nsubj ccomp punct".split()
    pos = "PROPN PUNCT PROPN VERB SPACE PROPN PUNCT PROPN VERB PRON VERB PUNCT".split()
    lemmas = ["Lind", ":", "Lund", "win", "\n\n", "Tuesday", ",", "Lind", "say", "it"]
    lemmas += ["work", "."]
    ents = ["O"] * 5 + ["B-DATE"] + ["O"] * 6
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    speaker = speaker_token(doc[8])
    assert speaker is not None and speaker.i == 7
