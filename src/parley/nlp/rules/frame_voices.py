"""Quotations whose frame makes someone other than the clause's subject speak.

News often sets a quotation after a clause that names its speaker somewhere other than as the
subject of a verb of saying:

- the person a thing acts on, right before the colon ("The result does not surprise strategist
  Ann Pratt: '...'"): a thing cannot speak, so the person it acts on is the voice;
- the one a verb of causing or asking makes speak ("The record prompted the Dover Almanac to
  state, '...'");
- the asker named in a passive by-phrase ("Reed was asked by host Ann Pratt, '...?'");
- the source of an "As the Dover Herald reported, ..." clause that a colon closes, when the
  quotation goes on in the third person (the outlet's text, not the subject's words);
- the one a video or a recording is said to show speaking ("Reed is shown lecturing: '...'");
- the subject described in its own words ("The board was blunt in its ruling: '...'");
- a part of a law or a document that sets out its own words ("Section 12 of the charter
  states: '...'", "A footnote to the audit makes this plain: '...'").

Each rule fills a :class:`~parley.nlp.rules.quote_frames.Draft` as the frames of
:mod:`quote_frames` do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.doctext import doc_text
from parley.nlp.rules.actors import ActorRecord
from parley.nlp.rules.speaker_spans import mention_span
from parley.nlp.rules.speaker_tokens import document_owner, noun_owner
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.rules.speech_cues import (
    OBJECT_CONTROL_VERBS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
    cue_span,
    cue_text,
    is_speech_noun,
)
from parley.nlp.tree import object_of, passive_subject

if TYPE_CHECKING:
    from parley.nlp.rules.quote_frames import Draft

#: "to state,", "to declare:": an infinitive of saying right before a quotation.
_TO_SAY = re.compile(r"\bto[ \t\xa0]+(\w+)[ \t\xa0]*[,:]?[ \t\xa0]*$")
#: Verbs whose passive, with the asker in a "by" phrase, sets a question or a challenge
#: ("was asked by the host, '...?'").
_ASKING_VERBS = frozenset({"ask", "question", "press", "challenge", "quiz"})
#: Pronouns of the first person: a quotation holding one speaks for someone in the text, not
#: for the outlet that reported it.
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
#: Verbs whose passive shows its subject doing what a participle says ("is shown lecturing").
_SHOWING_VERBS = frozenset({"show", "see", "hear", "film", "record", "catch", "capture"})
#: Parts of a law or a document, which set out their own words ("Article 5", "a footnote").
_DOCUMENT_PARTS = lexicon.word_set("document_part_nouns")
#: Adjectives with which "make" sets out words ("makes that clear", "makes it plain").
_MADE_PLAIN = frozenset({"clear", "plain", "explicit"})
#: Nouns of a judgement or an account in which a speaker "was blunt" or "was clear".
_VERDICT_NOUNS = frozenset({"finding", "ruling", "decision", "verdict", "assessment", "conclusion"})


def _set(draft: Draft, record: ActorRecord, who: Token, cue: Token | None, weight: float) -> None:
    draft.speaker = record
    draft.mention = mention_span(who)
    draft.cue_span = cue_span(cue) if cue is not None else None
    draft.cue = cue_text(cue) if cue is not None else None
    draft.confidence = weight


#: The actors a frame can give a quotation to.
_VOICES = frozenset({"person", "organization", "group"})


def _give(
    draft: Draft,
    resolver: SpeakerResolver,
    who: Token,
    cue: Token | None,
    weight: float,
    kinds: frozenset[str] | None = _VOICES,
) -> bool:
    """Give the quotation to the actor ``who`` names, when there is one and it is of one of
    ``kinds`` (any kind when ``kinds`` is None), with ``weight`` of the resolver's confidence."""
    record, confidence = resolver.resolve(who)
    if record is None or (kinds is not None and record.kind not in kinds):
        return False
    _set(draft, record, who, cue, confidence * weight)
    return True


def _actor_kind(resolver: SpeakerResolver, token: Token) -> str | None:
    record = resolver.actors.at(token.idx, token.idx + len(token.text))
    return None if record is None else record.kind


def object_before_colon(draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """ "The result does not surprise strategist Ann Pratt: '...'": when the subject of the
    clause before a colon is a thing (no pronoun of a person, no actor of the article) and the
    verb's object, a person named by a name, ends right before the colon, that person speaks."""
    verb = colon.head
    if verb.dep_ == "dobj" and verb.head.i < verb.i:
        verb = verb.head  # the parser hung the colon on the object
    if verb.pos_ != "VERB" or verb.i > colon.i or verb.lemma_.lower() in SPEECH_VERBS:
        return False
    who = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if who is None or who.pos_ == "PROPN":
        return False
    if who.pos_ == "PRON" and who.lower_ not in {"it", "this", "that"}:
        return False
    if _actor_kind(resolver, who) in {"person", "organization", "group"}:
        return False
    target = next((c for c in verb.children if c.dep_ == "dobj" and c.i < colon.i), None)
    if target is None or target.pos_ != "PROPN" or target.i != colon.i - 1:
        return False
    return _give(draft, resolver, target, None, 0.6, kinds=frozenset({"person"}))


def _last_before(token: Token, test: Callable[[Token], bool]) -> Token | None:
    """The last word of ``token``'s sentence before it that passes ``test``: the verb a frame
    hangs from, found by walking back from the mark or the "to" that closes it."""
    doc = token.doc
    return next((t for t in reversed(doc[token.sent.start : token.i]) if test(t)), None)


def made_to_say(doc: Doc, draft: Draft, resolver: SpeakerResolver) -> bool:
    """ "The record prompted the Dover Almanac to state, '...'", "led Reed to declare: '...'":
    a quotation right after "to" and a verb of saying, in the clause of a verb that makes its
    object act ("prompt", "lead", "ask", "urge"), is that object's words, however the parser
    read "to state"."""
    text = doc_text(doc)
    lo = max(0, draft.span.open_at - 40)
    found = _TO_SAY.search(text[lo : draft.span.open_at])
    if found is None or found.group(1).lower() not in SPEECH_VERBS:
        return False
    to = doc.char_span(lo + found.start(), lo + found.start() + 2, alignment_mode="expand")
    if to is None or not len(to):
        return False
    node = _last_before(
        to[0],
        lambda t: (
            t.pos_ == "VERB" and t.lemma_.lower() in OBJECT_CONTROL_VERBS and t in to[0].ancestors
        ),
    )
    if node is None:
        return False
    target = next(
        (c for c in node.children if c.dep_ == "dobj" and node.i < c.i < to[0].i),
        None,
    )
    if target is None or target.pos_ not in {"PROPN", "NOUN"}:
        return False
    return _give(draft, resolver, target, None, 0.8)


def asked_by(doc: Doc, draft: Draft, resolver: SpeakerResolver) -> bool:
    """ "Reed was asked by host Ann Pratt, '...?'": a question set after a comma or colon that
    closes a passive verb of asking is put by the one its "by" phrase names, whatever verb of
    a description of the asker ("who once worked for him") the parser hung it on."""
    text = doc_text(doc)
    content = text[draft.span.start : draft.span.end].rstrip(" \t\xa0\"'”’")
    if not content.endswith("?"):
        return False
    i = draft.span.open_at - 1
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    if i < 0 or text[i] not in ",:" or "\n" in text[i : draft.span.open_at]:
        return False
    mark = doc.char_span(i, i + 1, alignment_mode="expand")
    if mark is None or not len(mark):
        return False
    verb = _last_before(
        mark[0],
        lambda t: (
            t.tag_ == "VBN" and t.lemma_.lower() in _ASKING_VERBS and passive_subject(t) is not None
        ),
    )
    agent = next((c for c in verb.children if c.dep_ == "agent"), None) if verb else None
    asker = object_of(agent) if agent is not None else None
    if verb is None or asker is None or asker.i + 1 >= len(doc):
        return False
    if doc[asker.i + 1].text not in {",", ":"} and asker.i + 1 != mark[0].i:
        return False
    if draft.cue_span is not None and not verb.idx < draft.cue_span[0] < draft.span.open_at:
        return False  # a cue of its own elsewhere ('"...?" Roe asked') wins
    if not _give(draft, resolver, asker, verb, 0.8, kinds=None):
        return False
    draft.syntactic = True
    return True


def as_reported(doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """ "As the Dover Herald reported, the council kept the audit locked ...: '...'": a sentence
    opened by "as" and a source with a verb of saying, closed by a colon and a quotation in the
    third person, sets out the source's text."""
    sent = colon.sent
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or first.lower_ != "as" or first.dep_ != "mark":
        return False
    verb = first.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or verb.i > colon.i:
        return False
    if any(c.dep_ in {"dobj", "ccomp"} for c in verb.children):
        return False  # "As Roe said the plan would fail, ..." is no comment clause
    who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if who is None or who.pos_ not in {"PROPN", "NOUN"}:
        return False
    words = draft.tokens
    if words is None or any(t.lower_ in _FIRST_PERSON for t in words):
        return False
    if not _give(draft, resolver, who, verb, 0.8, kinds=frozenset({"person", "organization"})):
        return False
    draft.syntactic = True  # the frame speaks for every paragraph of a long quotation
    return True


def described_in_own_words(
    draft: Draft, verb: Token, who: Token, resolver: SpeakerResolver
) -> bool:
    """ "The county election board was blunt in its ruling: '...'": a speaker described by
    "be", an adjective and "in" its own statement or ruling before a colon says what follows."""
    adjective = next((c for c in verb.children if c.dep_ == "acomp"), None)
    if verb.lemma_.lower() != "be" or adjective is None:
        return False
    # "in its ruling" hangs from the adjective or, as the parser often has it, from "be"
    words = next(
        (
            obj
            for prep in (*adjective.children, *verb.children)
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ),
        None,
    )
    if words is None or not (is_speech_noun(words) or words.lemma_.lower() in _VERDICT_NOUNS):
        return False
    owner = noun_owner(words)
    if owner is None or owner.lower_ not in {"its", "his", "her", "their"}:
        return False
    return _give(draft, resolver, who, words, 0.8)


#: Nouns of an answer or a judgement whose owner speaks the words a "be" before a colon sets out.
_ANSWER_NOUNS = lexicon.word_set("answer_nouns")


def owned_answer(draft: Draft, verb: Token, who: Token, resolver: SpeakerResolver) -> bool:
    """ "Lee's response was: '...'", "His answer was simple: '...'", "The reaction of the
    mayor was swift: '...'": an owned noun of saying or answering, the subject of "be" before a
    colon, gives the words after it to its owner."""
    if verb.lemma_.lower() != "be" or who.pos_ != "NOUN":
        return False
    if not (is_speech_noun(who) or who.lemma_.lower() in _ANSWER_NOUNS):
        return False
    owner = noun_owner(who) or next(
        (
            obj
            for prep in who.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.pos_ in {"PROPN", "NOUN"}
        ),
        None,
    )
    if owner is None or not _give(draft, resolver, owner, who, 0.8):
        return False
    draft.syntactic = True  # the noun sets out the words, however short ("His answer: 'No.'")
    return True


def shown_speaking(draft: Draft, verb: Token, resolver: SpeakerResolver) -> bool:
    """ "In the video, Reed is shown lecturing: '...'", "Pratt was heard telling aides:
    '...'": a participle of saying, with no subject of its own, after a passive verb of showing
    or hearing before a colon is the act of that verb's subject."""
    lemma = verb.lemma_.lower()
    if verb.tag_ != "VBG" or verb.dep_ not in {"xcomp", "advcl", "ccomp", "dobj"}:
        return False
    if lemma not in SPEECH_VERBS and lemma not in WEAK_SPEECH_VERBS:
        return False
    shown = verb.head
    if shown.lemma_.lower() not in _SHOWING_VERBS or shown.tag_ != "VBN":
        return False
    who = passive_subject(shown)
    if who is None or who.i > shown.i or who.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return False
    return _give(draft, resolver, who, verb, 0.8)


def document_part_before_colon(
    doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver
) -> bool:
    """ "Article 5 affirms: '...'", "A footnote to the audit makes this plain: '...'": a
    part of a law or a document (an article, a section, a footnote) that opens the clause before
    a colon with a verb of saying, or with "make" and "clear" or "plain", sets out the words
    after it: with no owner of its own, it speaks for itself, whoever the sentences around it
    name. (The parser often tags the verb after "Article 5" as a plural noun.)"""
    sent = colon.sent
    words = [t for t in doc[sent.start : colon.i] if not t.is_space]
    if not 2 <= len(words) <= 12 or "\n" in doc_text(doc)[words[0].idx : colon.idx]:
        return False
    part = next((t for t in words if t.pos_ in {"NOUN", "PROPN"}), None)
    if (
        part is None
        or part.lemma_.lower() not in _DOCUMENT_PARTS
        or part.i != words[0].i + (words[0].lower_ in {"the", "a", "an", "this", "that"})
    ):
        return False
    if document_owner(part) is not None or noun_owner(part) is not None:
        return False  # "his letter's second paragraph": the owner's words
    verb = next((t for t in words if t.i > part.i and _sets_out(t)), None)
    if verb is None or any(t.pos_ in {"VERB", "AUX"} for t in words if part.i < t.i < verb.i):
        return False
    phrase = doc[part.i : verb.i]
    while len(phrase) > 1 and (phrase[-1].is_punct or phrase[-1].pos_ in {"ADV", "AUX"}):
        phrase = phrase[:-1]
    if phrase[0].i != part.i or not _part_phrase(phrase, part):
        return False
    start = words[0].i if words[0].lower_ in {"the", "a", "an"} else part.i
    record, confidence = resolver.document_speaker(part, doc[start : phrase.end])
    if record is None:
        return False
    draft.speaker = record
    draft.mention = (doc[start].idx, phrase[-1].idx + len(phrase[-1].text))
    draft.cue_span = cue_span(verb) if verb.pos_ == "VERB" else None
    draft.cue = cue_text(verb) if verb.pos_ == "VERB" else None
    draft.confidence = confidence * 0.9
    return True


def _sets_out(word: Token) -> bool:
    """A verb of saying (however tagged: "affirms" read as a noun) or "make" with "clear" or
    "plain" after it."""
    lemma = word.lemma_.lower()
    if lemma == "make":
        return any(
            t.lower_ in _MADE_PLAIN for t in word.doc[word.i + 1 : min(word.i + 4, len(word.doc))]
        )
    if word.pos_ not in {"VERB", "NOUN"}:
        return False
    if word.pos_ == "NOUN" and not word.lower_.endswith(("s", "ed")):
        return False
    return lemma in SPEECH_VERBS or lemma in {"read", "state"}


def _part_phrase(phrase: Span, part: Token) -> bool:
    """Whether ``phrase`` names only the part ("Article 5", "a footnote to the audit",
    "Section 3 of the 1990 Harbour Act"): no verb, no pronoun of a person."""
    return all(t.pos_ not in {"VERB", "AUX", "PRON"} or t.lower_ == "its" for t in phrase)


#: "had one message:", "a warning for the mayor:": a noun of what someone says, with an
#: optional "for" or "to" phrase, right before the colon that opens a quotation.
_WORDS_BEFORE_COLON = re.compile(
    r"(\w+)(?:[ \t\xa0]+(?:for|to)[ \t\xa0]+[^:,;.\"“”\n]{1,40})?:\s*$"
)
#: Nouns besides those of saying that name words set out after a colon ("a single demand:").
_SAID_NOUNS = frozenset({"demand", "plea", "chant", "appeal", "answer", "reply", "response"})


def words_after_noun(doc: Doc, draft: Draft) -> bool:
    """ "The marchers had one message: 'Recall Reed.'": a quotation set after a colon that closes a
    noun of saying ("message", "warning", "demand") is the words that noun names, said, however
    short or capitalised (it is no title or name)."""
    lo = max(0, draft.span.open_at - 60)
    found = _WORDS_BEFORE_COLON.search(doc_text(doc)[lo : draft.span.open_at])
    if found is None:
        return False
    noun = doc.char_span(lo + found.start(1), lo + found.end(1))
    if noun is None or len(noun) != 1:
        return False
    return is_speech_noun(noun[0]) or (
        noun[0].pos_ == "NOUN" and noun[0].lemma_.lower() in _SAID_NOUNS
    )


#: Laws and rules under which a sentence sets out what they lay down ("Under Dover law, ...").
_LAW_NOUNS = lexicon.word_set("law_nouns")


def under_the_law(doc: Doc, draft: Draft, resolver: SpeakerResolver) -> bool:
    """ "Under Dover law, a boat counts as abandoned once its owner 'leaves it at the pier
    unpaid'": a quotation in a sentence opened by "Under" and a law or a part of one quotes that
    law, which (with no author named) speaks for itself."""
    words = draft.tokens
    if words is None or not len(words):
        return False
    sent = words[0].sent
    # (the sentence may run on from the paragraph before: it opens after the last line break)
    start = max(
        (t.i + 1 for t in doc[sent.start : words[0].i] if t.is_space and "\n" in t.text),
        default=sent.start,
    )
    first = next((t for t in doc[start : words[0].i] if not t.is_space and not t.is_punct), None)
    if first is None or first.lower_ != "under" or first.dep_ != "prep":
        return False
    law = next((c for c in first.children if c.dep_ == "pobj"), None)
    if law is None or law.pos_ != "NOUN":
        return False
    lemma = law.lemma_.lower()
    if lemma not in _LAW_NOUNS and lemma not in _DOCUMENT_PARTS or noun_owner(law) is not None:
        return False
    end = law.right_edge.i + 1
    if end >= len(doc) or doc[end].text != "," or doc[end].idx > draft.span.open_at:
        return False
    record, confidence = resolver.document_speaker(law, doc[first.i + 1 : end])
    if record is None:
        return False
    draft.speaker = record
    draft.mention = (doc[first.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
    draft.confidence = confidence * 0.8
    return True


#: Nouns besides those of saying for words someone uses again and again ("a line Reed uses").
_LINE_NOUNS = lexicon.word_set("line_nouns")


def said_in_relative(doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """ "It is a line Mayor Reed uses at every meeting: '...'", "a threat many residents make
    but few keep: '...'": a noun of words said, whose relative clause before the colon has a
    subject of its own, is that subject's words."""
    sent = colon.sent
    for noun in reversed(doc[sent.start : colon.i]):
        if noun.pos_ != "NOUN":
            continue
        lemma = noun.lemma_.lower()
        if not is_speech_noun(noun) and lemma not in _LINE_NOUNS:
            continue
        clause = next((c for c in noun.children if c.dep_ == "relcl" and c.i < colon.i), None)
        if clause is None or clause.lemma_.lower() == "be":
            return False
        who = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if who is None or who.tag_ in {"WDT", "WP"} or who.lower_ == "that":
            return False
        between = doc[clause.right_edge.i + 1 : colon.i]
        if any(t.pos_ in {"VERB", "AUX"} and t.dep_ != "conj" for t in between):
            return False
        return _give(draft, resolver, who, clause, 0.8)
    return False


def named_before_colon(doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """The colon frames of this module that name a speaker other than the subject of the
    clause before the colon, tried in turn: the source of "As X reported", a part of a law or a
    document, the subject of a relative clause on a line, the person a thing acts on."""
    return (
        as_reported(doc, draft, colon, resolver)
        or document_part_before_colon(doc, draft, colon, resolver)
        or said_in_relative(doc, draft, colon, resolver)
        or object_before_colon(draft, colon, resolver)
    )
