"""The token that names who speaks for a cue, and who a document or a sign speaks for.

:func:`speaker_token` takes the object of "according to", the owner of a noun of saying ("Lee's
claim", "in an interview"), or the subject of a verb (:mod:`parley.nlp.rules.verb_subjects`),
mended where the parse lost it or ran it across a paragraph break; a share of respondents ("40%
of voters said") speaks through its poll. A document speaks for its owner, issuer or poster
("the ministry's statement", "a memo posted by Senator X"), a sign or an ad for its maker.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon
from parley.nlp.deps import ACTED_ON_DEPS, NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.nlp.rules.campus_names import person_before_campus
from parley.nlp.rules.crowd_voices import crowd_subject
from parley.nlp.rules.fronted_name import fronted_name
from parley.nlp.rules.named_role import name_after_role
from parley.nlp.rules.nested_reports import carries_words, person_reported_saying
from parley.nlp.rules.outer_coordinate import outer_coordinate_subject
from parley.nlp.rules.own_words import clause_subject_owning
from parley.nlp.rules.reported_objects import MEDIUM_NOUNS
from parley.nlp.rules.speaking_subjects import SPEAKING_NOUNS, can_speak
from parley.nlp.rules.speech_cues import (
    ACCOUNT_NOUNS,
    DOCUMENT_NOUNS,
    Quoted,
    is_according_to,
    is_speech_verb,
)
from parley.nlp.rules.title_names import (
    holder_closing_sentence,
    holder_of_title_in_body_name,
    name_before_appositive_title,
    name_before_title,
    name_closing_long_title,
)
from parley.nlp.rules.verb_subjects import agent_of, main_subject_before, subject_of
from parley.nlp.tree import is_passive, object_of, passive_subject


def noun_owner(noun: Token) -> Token | None:
    """The possessor of a noun: a ``poss`` child, or (when the parse missed it) a word marked
    with 's a few tokens to the left inside the same phrase ("Reyes's earlier campaign pledge"),
    across a quotation set inside it ('Reyes's "no new taxes" pledge')."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    doc = noun.doc
    i, steps = noun.i - 1, 0
    if i > 0 and doc[i].is_quote:
        # 'the senator's "read my lips" pledge': the words quoted stand inside the phrase.
        i = next((j for j in range(i - 1, max(i - 40, -1), -1) if doc[j].is_quote), -1) - 1
    while i >= 0 and steps < 4:
        tok = doc[i]
        if tok.tag_ == "POS" and i > 0:
            return doc[i - 1]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "ADP", "SCONJ"}:
            break
        i, steps = i - 1, steps + 1
    return None


def speaker_token(cue: Token, *, quoted: Quoted = None) -> Token | None:
    """The token that names who is speaking for a cue token (verb, 'according to' or noun)."""
    if is_according_to(cue):
        for prep in cue.children:
            if prep.lower_ == "to":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    if cue.pos_ == "NOUN":
        return _noun_cue_speaker(cue, quoted)
    if medium_passing_on(cue):
        return None
    subject = _verb_subject(cue, quoted)
    if subject is None:
        subject = _subject_hung_on_source(cue)
    if subject is None and passive_subject(cue) is None:
        # The parser lost the subject (it hangs from a participle or an apposition): the
        # first subject before the cue in its sentence is the reader's answer.
        subject = fronted_name(cue) or main_subject_before(cue)
        if subject is not None and quoted and quoted(subject.idx):
            subject = None
    if subject is not None and subject.i < cue.i:
        subject = _in_cue_paragraph(cue, subject, quoted)
        if subject is not None:
            subject = _teller_of_thing_clause(cue, subject, quoted) or subject
    if subject is not None and subject.lower_ in {"who", "that", "which"}:
        # "Peskov, who said": the relative pronoun stands for the noun it modifies.
        rel = subject.head
        if rel.dep_ == "relcl":
            return _relative_antecedent(subject, rel.head, cue, quoted)
    if subject is not None and _respondents(subject):
        return _poll_asking(cue, quoted) or subject
    if subject is not None and subject.i > cue.i:
        subject = holder_closing_sentence(subject, cue)
    return _named_subject(subject, cue)


def _relative_antecedent(pronoun: Token, noun: Token, cue: Token, quoted: Quoted = None) -> Token:
    """The noun a relative clause's subject stands for: the noun the clause modifies, unless
    "who" follows a thing a voice comes through ("spoke to the chief on the radio, who
    answered", "says to Lee on camera, who responds"): then the nearest noun before it in the
    sentence that names someone who can speak."""
    if pronoun.lower_ != "who" or noun.lower_ not in CHANNEL_NOUNS:
        return noun
    speaking = SPEAKING_NOUNS.get()
    for i in range(noun.i - 1, noun.sent.start - 1, -1):
        tok = noun.doc[i]
        if (
            tok.pos_ in {"NOUN", "PROPN"}
            and tok.dep_ not in {"compound", "poss"}
            and tok.lower_ not in CHANNEL_NOUNS
            and not (quoted and quoted(tok.idx))
            and can_speak(tok, cue, speaking)
        ):
            return tok
    return noun


#: Things a voice comes through, not someone who speaks: "on the radio", "on camera".
CHANNEL_NOUNS = lexicon.derived_set(
    "channel nouns", lambda: lexicon.word_set("channel_nouns").get() | MEDIUM_NOUNS.get()
)


def _named_subject(subject: Token | None, cue: Token) -> Token | None:
    """The name a role or title subject is given right beside it ("a nurse named Tom Reed",
    "Tom Reed Deputy Director for ...", "Tom Reed, the Chief Officer of Acme said"), else
    ``subject``."""
    return (
        name_after_role(subject)
        or name_before_title(subject)
        or name_before_appositive_title(subject, cue)
        or holder_of_title_in_body_name(subject)
        or name_closing_long_title(subject, cue)
        or subject
    )


def _verb_subject(cue: Token, quoted: Quoted) -> Token | None:
    """The subject of a verb cue as the parse gives it, mended: a verb coordinated with the
    one reporting a clause ("agreed ... but ruled"), a crowd, a campus taken for the subject
    ("of the University of Wessex, Eastport said"), and the person a report is about ("the
    Herald reports of a man in Eastport saying": the man speaks)."""
    about = person_reported_saying(cue)
    if about is not None and not (quoted and quoted(about.idx)):
        return about
    subject = outer_coordinate_subject(cue) or subject_of(cue, quoted=quoted)
    subject = crowd_subject(cue, subject, quoted) or subject
    return person_before_campus(subject) or subject


#: Verbs by which a medium passes on someone's words: "Reuters quoted Lee as saying ...".
_QUOTING_VERBS = frozenset({"quote"})
#: Verbs by which a named subject passes on the words of the person it names as their object:
#: "the Times quotes the minister: '...'", "Cole cites Olaf Brandt: '...'".
_CITING_VERBS = frozenset({"quote", "cite"})
#: The parts of speech of an object that can be the one quoted.
_QUOTED_KINDS = frozenset({"PROPN", "PRON", "NOUN"})
#: Verbs by which anyone (an outlet, a paper, a report) passes on the words of the one named
#: as their object before "as saying": "the paper quoted a farmer as saying", "the Herald
#: reported Lee as saying", "cited an aide as saying".
_AS_SAYING_VERBS = frozenset({"quote", "report", "cite"})


def medium_passing_on(verb: Token) -> bool:
    """ "'...,' quotes the Dover Herald.": a medium named after "quotes", with no one before
    the verb and no "as saying", passes on the words of someone the article named before
    (the parser takes the medium for the object). The medium is not the speaker."""
    if verb.lemma_.lower() not in _QUOTING_VERBS or verb.pos_ != "VERB" or verb.tag_ == "VBN":
        return False
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False  # "quotes the Herald's editor as saying": the object said it
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return before is not None and (before.is_quote or before.is_punct)


def quoted_person(cue: Token, quoted: Quoted = None) -> Token | None:
    """The person a named outlet quotes, who says the words: "the Times quoted Lee as saying
    '...'", "'...,' Reuters quoted him as saying", "the Daily quotes the minister: '...'",
    "Cole cites Olaf Brandt: '...'" (a name only: "cites the report" makes the subject's own
    point). The named subject of "quoted" passed the words on; its object said them. Before
    "as saying" any subject passes them on ("the paper quoted a farmer as saying", "the Herald
    reported Lee as saying"). None for any other cue."""
    verb = cue
    as_saying = cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.dep_ == "prep"
    if as_saying:
        verb = cue.head.head  # "quoted Lee as saying": the verb "as saying" hangs from
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in (_AS_SAYING_VERBS if as_saying else _CITING_VERBS):
        return None
    if is_passive(verb):
        return None  # "Lee was quoted as saying": the subject said the words
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(c.pos_ == "PROPN" for c in subjects) and (
        not as_saying or any(carries_words(c) for c in subjects)
    ):
        # A named outlet quotes, or anyone before "as saying" ("the paper quoted a farmer as
        # saying"); but "a tweet quoted ..." is the words a document carries, its own text.
        return None
    # "cites the report: '...'" is the one citing's point; "cites Lee: '...'" is Lee's words.
    kinds = {"PROPN"} if not as_saying and lemma not in _QUOTING_VERBS else _QUOTED_KINDS
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.pos_ in kinds and not (quoted and quoted(c.idx))
        ),
        None,
    )


def _teller_of_thing_clause(cue: Token, subject: Token, quoted: Quoted) -> Token | None:
    """ "Reed said the storm could reach more towns, saying '...'": a participle of saying the
    parser hung inside a reported clause whose subject is a thing (a storm, a virus) that
    cannot speak goes on with the act of the one who reported it."""
    if cue.tag_ != "VBG" or subject.pos_ != "NOUN" or not is_speech_verb(cue):
        return None
    clause = subject.head
    if clause.dep_ != "ccomp" or not is_speech_verb(clause.head) or clause.head.i > cue.i:
        return None
    if can_speak(subject, clause, SPEAKING_NOUNS.get()):
        return None
    return subject_of(clause.head, quoted=quoted)


def _noun_cue_speaker(cue: Token, quoted: Quoted) -> Token | None:
    """Who speaks through a noun of saying: its owner ("Lee's claim"; "his remarks" after a
    named subject is that subject's), the object of "by", "from" or "of", or for "in an
    interview" the subject of the verb the phrase hangs from."""
    owner = noun_owner(cue)
    if owner is not None:
        return clause_subject_owning(cue, owner) or owner
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    head = cue.head
    if cue.dep_ == "pobj" and head.lower_ in {"in", "through", "via"}:
        return subject_of(head.head, quoted=quoted)
    return None


def _in_cue_paragraph(cue: Token, subject: Token, quoted: Quoted) -> Token | None:
    """A cue's subject found in an earlier paragraph is a parse run across the break (a
    headline, a dateline or a time stamp taken into the first sentence: "9:34 p.m. / Roe has
    defended the plan, saying ..."): the cue's own paragraph names the speaker, in a noun
    that is a subject there or hangs from a word outside the paragraph; None if it names
    none."""
    text = doc_text(cue.doc)
    brk = text.rfind("\n", subject.idx, cue.idx)
    if brk < 0:
        return subject
    found = None
    for i in range(cue.i - 1, subject.i, -1):
        tok = cue.doc[i]
        if tok.idx < brk:
            break
        if (
            tok.pos_ in {"PROPN", "PRON", "NOUN"}
            and tok.ent_type_ not in {"DATE", "TIME"}  # "Tuesday in Ohio, Roe said"
            and (tok.dep_ in NOMINAL_SUBJECT_DEPS or tok.head.idx < brk)
            and not (quoted and quoted(tok.idx))
        ):
            found = tok
    return found


#: Words that make a subject a share of the people a poll asked ("most said", "a majority").
_SHARE_WORDS = frozenset({"%", "percent", "majority", "most", "half", "third", "plurality"})
#: Nouns for a poll, whose owner reports what its respondents answered.
_POLL_WORDS = frozenset({"poll", "survey"})


def _respondents(subject: Token) -> bool:
    """Whether a subject is a share of people counted ("31% of voters", "Six in 10
    Republicans", "most"), the way a poll's answers are reported."""
    words = [subject, *(c for c in subject.children if c.dep_ in {"nummod", "amod", "quantmod"})]
    return any(w.lower_ in _SHARE_WORDS or w.like_num for w in words)


def _poll_asking(cue: Token, quoted: Quoted) -> Token | None:
    """ "In a Metro/Ipsum poll, 40% of voters said ...", "..., according to a Harbor College poll":
    the share of respondents speaks through the poll of its sentence, which speaks for the
    organisation that owns or ran it; None when the sentence names no such poll."""
    for tok in cue.sent:
        if tok.lower_ not in _POLL_WORDS or tok.dep_ != "pobj" or (quoted and quoted(tok.idx)):
            continue
        if tok.head.lower_ in {"in", "to"} and document_owner(tok) is not None:
            return tok
    return None


def _subject_hung_on_source(cue: Token) -> Token | None:
    """ "According to the BBC, a spokesman ... expressed": the parser sometimes hangs the verb's
    subject on the source as an apposition; the reader's speaker is the spokesman."""
    for child in cue.children:
        if not is_according_to(child):
            continue
        source = speaker_token(child)
        if source is None:
            continue
        for app in source.children:
            if app.dep_ == "appos" and source.i < app.i < cue.i:
                return app
    return None


def document_owner(token: Token, *, depth: int = 0) -> Token | None:
    """Who a document speaks for: "the opinion of the Court", "the ministry's statement",
    "a memo posted by Senator X", "a post sent from the mayor's official account"."""
    owner = _owner_in_phrase(token)
    if owner is not None and owner.lower_ in _BODY_POSSESSIVES:
        owner = _subject_ahead(token) or owner
    if owner is None:
        owner = _poster(token)
    if owner is None and token.dep_ in ACTED_ON_DEPS and token.head.pos_ == "VERB":
        # "The union issued a note which said": the one who issued it.
        owner = subject_of(token.head) if token.dep_ == "dobj" else None
        if owner is None and token.dep_ == "nsubjpass":
            owner = agent_of(token.head)
    if owner is not None and depth < 2 and owner.lemma_.lower() in ACCOUNT_NOUNS | DOCUMENT_NOUNS:
        return document_owner(owner, depth=depth + 1) or owner
    return owner


#: Possessive pronouns of a body or a group ("its statement", "their website").
_BODY_POSSESSIVES = frozenset({"its", "their"})


def _subject_ahead(document: Token) -> Token | None:
    """ "According to its own notice, the club had ...": a fronted "according to" a body's
    own document ("its") points ahead to the subject of the clause it opens, a noun named after
    it, rather than back to the last body named."""
    to = document.head
    according = to.head
    if not (document.dep_ == "pobj" and to.lower_ == "to" and is_according_to(according)):
        return None
    verb = according.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i < according.i or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return subject


#: Things that carry someone's words: "held up a sign that read", "ran a piece that noted".
TEXT_BEARING_NOUNS = lexicon.word_set("text_bearing_nouns")
#: Verbs whose subject meets a sign or an ad rather than making it ("saw an ad that said").
_MEETING_VERBS = lexicon.word_set("text_meeting_verbs")


def maker_of_text(token: Token) -> Token | None:
    """Who speaks through a sign, an ad or an email the text says they made, held or sent:
    its owner ("the campaign's ad"), its sender ("an email sent by Roe"), or the subject of
    the verb taking it ("Roe held up a sign that read ..."); None for anything else."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in TEXT_BEARING_NOUNS:
        return None
    owner = _owner_in_phrase(token) or _poster(token)
    verb = token.head
    if (
        owner is None
        and token.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in _MEETING_VERBS
    ):
        owner = subject_of(verb)
    if owner is None:
        return None
    lemma = owner.lemma_.lower()
    return None if lemma in TEXT_BEARING_NOUNS or lemma in DOCUMENT_NOUNS else owner


def _owner_in_phrase(token: Token) -> Token | None:
    """The owner named inside the document's phrase: "the ministry's statement", "the opinion
    of the Court", "a Kremlin statement", "a statement on the ministry's website"."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            owner = object_of(child)
            if owner is not None:
                return owner
        if child.dep_ == "prep" and child.lower_ == "on":
            # "a statement on the agency's website": the page it is posted on, whose owner
            # speaks (see document_owner).
            page = object_of(child)
            if page is not None and page.lemma_.lower() in ACCOUNT_NOUNS:
                return page
    # "an Ofcom press release", "a Kremlin statement": the named issuer in front.
    return next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)


def _poster(token: Token) -> Token | None:
    """ "a memo posted by Senator X", "a post sent from the mayor's account": the agent of a
    participle or relative clause on the document."""
    for verb in token.children:
        if verb.dep_ not in {"acl", "relcl"}:
            continue
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in {"by", "from"}):
                owner = object_of(child)
                if owner is not None:
                    return owner
    return None
