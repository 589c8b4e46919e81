"""A quotation attributed by the words right after it, whatever the parse made of them.

"'Jeb wants to be a tough guy,' Trump shot back.", "'...?' reacted Trump.", "'...,' said the
woman", "'...,' the notice read": a quotation that ends open, followed at once in its paragraph
by a subject and a verb (either order), was said by that subject, the sentence being an
attribution by its shape. Fills the :class:`~parley.nlp.rules.quote_frames.Draft` of
:mod:`~parley.nlp.rules.quotes`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.nlp.deps import AUXILIARY_DEPS, FINITE_TAGS, NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text
from parley.nlp.rules.actors import ActorRecord
from parley.nlp.rules.quote_frames import Draft
from parley.nlp.rules.speaker_spans import speaker_mention
from parley.nlp.rules.speaker_tokens import medium_passing_on, quoted_person
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.rules.speech_cues import (
    DOCUMENT_NOUNS,
    SPEECH_VERBS,
    WEAK_SPEECH_VERBS,
    cue_span,
    cue_text,
    is_document,
    is_speech_verb,
)
from parley.quotemarks import ATTRIBUTION_VERB_FORMS, Intervals, MarkedSpan

#: Verbs of saying whose object is the one spoken to ("asked reporters").
ADDRESSEE_VERBS = lexicon.word_set("addressee_verbs")

#: Words that may stand between a verb set after its quotation and the speaker it names.
_INVERSION_SKIP = frozenset({"prt", "advmod", "npadvmod", "punct"})


def inverted_subject(cue: Token, close: int) -> Token | None:
    """ "'...,' added Gowdy", "'...,' said the woman": an attribution set right after its
    quotation with the verb first names the speaker in the words after the verb, whatever
    the parser made of them (it often reads the name as the verb's object or an adverb)."""
    if not 0 <= cue.idx - close <= 12 or cue.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.idx > close for c in cue.children):
        return None  # one inside the quotation is the parser's mistake ('"... #Kyiv," wrote')
    doc = cue.doc
    i = cue.i + 1
    while i < len(doc) and i <= cue.i + 3 and doc[i].is_lower and doc[i].dep_ in _INVERSION_SKIP:
        i += 1
    if i >= len(doc):
        return None
    first = doc[i]
    if first.pos_ == "PROPN" or (
        first.text[:1].isupper() and first.pos_ in {"NOUN", "ADV", "ADJ", "VERB"}
    ):
        word = first
        while word.dep_ in {"compound", "flat"} and word.head.i > word.i:
            word = word.head
        return word
    if first.pos_ == "DET" and first.head.pos_ in {"NOUN", "PROPN"} and first.head.i > first.i:
        return first.head  # "said the woman", "added another Iowa Democrat"
    if first.lower_ in _ONE_OF_MANY and (i + 1 == len(doc) or doc[i + 1].is_punct):
        # '"...," tweeted another.': one of the people just quoted, whatever the parser made
        # of the word (it takes it for the verb's object).
        return first
    return None


def closing_inversion(cue: Token, close: int, text: str) -> Token | None:
    """'"... We cannot wait" for a new budget, says Jane Roe, a consultant.': a verb
    of saying set first after the comma that ends the quotation's sentence names the speaker
    of the words that sentence quotes in the name right after it, however far the sentence
    ran on past the closing mark and whatever the parser made of the name (a sentence it ran
    across a paragraph break hangs the name on the next paragraph's verb)."""
    if cue.idx <= close or cue.lower_ not in ATTRIBUTION_VERB_FORMS.get() or cue.i == 0:
        return None
    comma = cue.doc[cue.i - 1]
    between = text[close + 1 : comma.idx].lstrip("'")  # past the closing mark
    if (
        comma.text != ","
        or not between.strip()[:1].islower()  # '"...," Lee, the chair, told Roe': Lee's
        or "\n" in between
        or any(ch in between for ch in _SENTENCE_ENDS)
    ):
        return None
    return inverted_subject(cue, comma.idx)


#: What ends a sentence or holds other words in marks, between a quotation and a verb that
#: closes its sentence ('"..." for a new budget, says Roe').
_SENTENCE_ENDS = frozenset('.?!:;"“”')


#: Words that stand for one of several people quoted in turn ("said one", "wrote another").
_ONE_OF_MANY = frozenset({"one", "another"})


#: How a quotation ends when the sentence goes on to say who said it.
OPEN_ENDINGS = frozenset(",?!—–-…")
#: A verb's helpers: with none, a past participle right after its subject is a past tense the
#: tagger missed ("Trump barked").
#: "read" after a noun the tagger may take for part of it ("the notice read").
_READ_FORMS = frozenset({"read", "reads"})
#: Words of the speaker's noun phrase between its first word and its head.
_NP_INNER = frozenset({"compound", "flat", "det", "amod", "poss", "nummod", "case", "punct"})


def attributed_after(doc: Doc, draft: Draft, quoted: Intervals, resolver: SpeakerResolver) -> None:
    """ "'Jeb wants to be a tough guy,' Trump shot back.", "'...?' reacted Trump.": a quotation
    that ends open (comma, question or exclamation mark, dash) followed at once, in its
    paragraph, by a subject and a verb (either order) was said by that subject, whatever the
    verb ("fumed", "went on", "riffed"): the sentence is an attribution by its shape."""
    span = draft.span
    if span.close_at is None:
        return
    text = doc_text(doc)
    content = text[span.start : span.end].rstrip()
    if not content or content[-1] not in OPEN_ENDINGS:
        return
    j = _word_after_mark(doc, span, text)
    if j is None:
        return
    first = doc[j]
    verb: Token | None = None
    who: Token | None = None
    if first.pos_ == "VERB" and first.tag_ in FINITE_TAGS:
        subject = next((c for c in first.children if c.dep_ == "nsubj" and c.i > first.i), None)
        verb, who = first, subject or inverted_subject(first, span.close_at)
    else:
        head = first
        while head.dep_ in _NP_INNER and head.head.i > head.i and head.head.i - j < 8:
            head = head.head
        verb, who = _phrase_then_verb(doc, head, j)
        if verb is None and _read_as_noun(doc, head, j):
            _document_read(doc, draft, head, j, resolver)
            return
    if verb is None:
        _mistagged_attribution(doc, draft, j, resolver)
        return
    if medium_passing_on(verb):
        return
    # '"...," the paper quoted Lee as saying.': the person quoted, not the paper.
    who = quoted_person(verb, quoted.contains) or who
    if who is None or who.idx in quoted or not _attributes_by_shape(verb, content, quoted):
        return
    if draft.speaker is not None and draft.cue_span == cue_span(verb):
        return  # the cue already found is this attribution
    record, confidence = resolver.resolve(who)
    if record is None:
        if who.pos_ == "PRON" and draft.unresolved is None:
            draft.unresolved = (speaker_mention(verb, who), cue_span(verb), cue_text(verb))
        elif is_document(who) and draft.document is None:
            draft.document = who  # '"...?" the letter continues.'
        return
    _give_after(draft, record, verb, who, confidence)


def passed_on_by_medium(doc: Doc, span: MarkedSpan) -> bool:
    """ "'...,' quotes the Dover Herald": the quotation is followed at once by a medium that
    passes on someone else's words (:func:`medium_passing_on`)."""
    if span.close_at is None:
        return False
    j = _word_after_mark(doc, span, doc_text(doc))
    return j is not None and medium_passing_on(doc[j])


def _word_after_mark(doc: Doc, span: MarkedSpan, text: str) -> int | None:
    """The first word after the closing mark (and any mark right after it), when it follows
    at once in the same paragraph."""
    assert span.close_at is not None
    after = span.close_at + span.width
    mark = doc.char_span(span.close_at, after, alignment_mode="expand")
    if mark is None or not len(mark):
        return None
    j = mark[-1].i + 1
    while j < len(doc) and (doc[j].is_space or doc[j].text in {"”", '"', "’", "'"}):
        j += 1
    if j >= len(doc) or "\n" in text[after : doc[j].idx] or doc[j].idx - after > 3:
        return None
    return j


def _phrase_then_verb(doc: Doc, head: Token, j: int) -> tuple[Token | None, Token | None]:
    """The verb and its subject when the words at ``j`` (whose phrase ``head`` heads) are a
    subject followed by its verb; ``(None, None)`` otherwise."""
    if (
        head.dep_ == "nsubj"
        and head.head.pos_ == "VERB"
        and 0 < head.head.i - head.right_edge.i <= 3
        and head.head.i - j <= 8
    ):
        # "a staffer in the room wondered": the subject's phrase, then its verb
        return head.head, head
    if head.pos_ == "VERB" and head.i - j <= 3 and doc[head.i - 1].pos_ == "PROPN":
        # '"...," Trump barked and ...': the parser read the name as part of the verb
        return head, doc[head.i - 1]
    return None, None


def _read_as_noun(doc: Doc, head: Token, j: int) -> bool:
    """'"...," the notice read.': the tagger made "notice read" one noun."""
    return (
        head.lower_ in _READ_FORMS
        and head.pos_ == "NOUN"
        and 0 < head.i - j <= 4
        and doc[head.i - 1].pos_ == "NOUN"
    )


def _document_read(doc: Doc, draft: Draft, read: Token, j: int, resolver: SpeakerResolver) -> None:
    """The speaker of '"...," the notice read.' (``read`` the verb tagged as a noun): who the
    noun before it names, or the document itself, kept for the context to speak for."""
    who = doc[read.i - 1]
    record, confidence = resolver.resolve(who)
    if record is None and is_document(who) and draft.document is None:
        draft.document, draft.document_words = who, doc[j : read.i]
    elif record is not None:
        _give_after(draft, record, read, who, confidence)


def _attributes_by_shape(verb: Token, content: str, quoted: Intervals) -> bool:
    """Whether a subject and ``verb`` right after the quotation ``content`` attribute it: not
    after a title ('"Fox & Friends," Rep. Roe discussed'), and with a verb of tense (or a bare
    participle) that, after a question or an exclamation, says it or has no object of its own."""
    words = content.split()
    if (
        2 <= len(words) <= 4
        and content[-1] == ","
        and all(w[:1].isupper() for w in words if w[:1].isalpha())
        and not is_speech_verb(verb)
    ):
        return False  # '"Fox & Friends," Rep. Roe discussed': a title before any verb is no speech
    return not (
        verb.tag_ not in FINITE_TAGS
        and not (verb.tag_ == "VBN" and not any(c.dep_ in AUXILIARY_DEPS for c in verb.children))
        or content[-1] != ","
        and not _says_it_after_close(verb, quoted)
    )


def _says_it_after_close(verb: Token, quoted: Intervals) -> bool:
    """Whether ``verb``, right after a quotation closed by a question or an exclamation mark,
    says it: a verb with no object or clause of its own outside the marks ('"Why?" Roe
    asked.'), or a verb of saying whose object is the one spoken to ('"Why?" Roe asked
    reporters.'). A verb reporting a clause of its own, or with an object that is what it is
    about ('"Cut them all!" Farmers praise his stance.'), begins a sentence of its own."""
    own = [c for c in verb.children if c.dep_ in {"dobj", "ccomp"} and c.idx not in quoted]
    if not own:
        return True
    return (
        is_speech_verb(verb)
        and verb.lemma_.lower() in ADDRESSEE_VERBS
        and all(c.dep_ == "dobj" for c in own)
    )


#: Words that may open the noun phrase of an attribution after its quotation.
_PHRASE_OPENERS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"})
#: Words inside it (a preposition ends its head: "a voice-over in the ad").
_PHRASE_WORDS = _PHRASE_OPENERS | {"ADP", "PART", "PUNCT", "CCONJ"}


def _mistagged_attribution(doc: Doc, draft: Draft, j: int, resolver: SpeakerResolver) -> None:
    """'"...," the editorial read.', '"...?" the 43-year-old asked.', '"...," a voice-over in
    the ad states.': right after an open quotation, a short noun phrase and a verb of saying
    are an attribution by their shape, though the tagger often reads the verb as a noun
    ("the document states") or the phrase as an adjective. The phrase names the speaker: a
    document with no author is kept for the context to speak for (as "the notice read")."""
    end = min(j + 10, len(doc))
    k = j
    while k < end and doc[k].pos_ in _PHRASE_WORDS and not _saying_word(doc[k]):
        if doc[k].is_punct and doc[k].tag_ != "HYPH" or "\n" in doc[k].text:
            return
        k += 1
    if k == j or k >= end or not _saying_word(doc[k]) or doc[j].pos_ not in _PHRASE_OPENERS:
        return
    cue = doc[k]
    if cue.pos_ in {"VERB", "AUX"} and any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children):
        return  # a parse that found the verb's subject is handled by the frames above
    stop = next((t.i for t in doc[j:k] if t.pos_ == "ADP"), k)
    nominal = [t for t in doc[j:stop] if t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}]
    if not nominal or sum(1 for t in doc[j:stop] if not t.is_punct) > 5:
        return
    who = nominal[-1]
    phrase = doc[j:k]
    if who.lemma_.lower() in DOCUMENT_NOUNS:
        if draft.document is None:
            draft.document, draft.document_words = who, phrase
        return
    record, confidence = resolver.resolve(who, phrase=phrase)
    if record is None:
        return
    _give_after(
        draft, record, cue, who, confidence * 0.9, mention=(phrase.start_char, phrase.end_char)
    )


def _saying_word(token: Token) -> bool:
    """A word that is a verb of saying whatever the tagger made of it ("states", "read")."""
    return token.is_lower and (
        token.lemma_.lower() in SPEECH_VERBS
        or token.lemma_.lower() in WEAK_SPEECH_VERBS
        or token.lower_ in _MISTAGGED_SAYING
    )


#: Verbs of saying as the tagger sometimes lemmatises them when it reads them as nouns.
_MISTAGGED_SAYING = frozenset(
    {"states", "reads", "says", "asks", "writes", "notes", "adds", "continues"}
)


def _give_after(
    draft: Draft,
    record: ActorRecord,
    verb: Token,
    who: Token,
    confidence: float,
    *,
    mention: tuple[int, int] | None = None,
) -> None:
    draft.speaker = record
    draft.mention = mention or speaker_mention(verb, who)
    draft.cue_span = cue_span(verb)
    draft.cue = cue_text(verb)
    draft.syntactic = True
    draft.confidence = confidence * 0.9
