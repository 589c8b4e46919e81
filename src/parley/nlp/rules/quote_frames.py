"""Quotations introduced by the frame around them rather than by a verb of saying they hang
from: a clause before a colon ("Sanders delivered a retort: '...'"), a speaker label
("Rep. Jane Roe (D-Ohio): '...'"), a subject and verb before a comma, a clause the quotation is
woven into, a dash and a name that sign it on its line or the next. Each rule fills a
:class:`Draft` of :mod:`quotes`. The cues of a stretch of text (:func:`cues`), which the
attribution rules of :mod:`quotes` and :mod:`quote_context` both read, are found here too."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.geo.countries import find_country
from parley.nlp.deps import FINITE_TAGS, NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_text, span_ents
from parley.nlp.rules.actors import ActorRecord
from parley.nlp.rules.actors.titles import settle_country_and_sector
from parley.nlp.rules.actors.words import (
    DETERMINERS,
    ORG_WORDS,
    is_office_word,
    is_title_word,
    norm_token,
)
from parley.nlp.rules.campus_names import person_before_campus
from parley.nlp.rules.characterising import characterising_cue
from parley.nlp.rules.frame_voices import (
    described_in_own_words,
    named_before_colon,
    owned_answer,
    shown_speaking,
)
from parley.nlp.rules.headline_labels import TOPIC_JOINS
from parley.nlp.rules.inverted_saying import inverted_saying, speaker_after_inverted_verb
from parley.nlp.rules.quotatives import quotative_word
from parley.nlp.rules.quote_shape import LABEL_DASHES, is_sentence, label_before
from parley.nlp.rules.speaker_spans import speaker_mention
from parley.nlp.rules.speaker_tokens import noun_owner, quoted_person
from parley.nlp.rules.speech import SpeakerResolver
from parley.nlp.rules.speech_cues import (
    DOCUMENT_NOUNS,
    WEAK_SPEECH_VERBS,
    cue_span,
    cue_text,
    is_according_to,
    is_document,
    is_speech_noun,
    is_speech_verb,
)
from parley.nlp.rules.verb_subjects import subject_of_aside
from parley.quotemarks import Intervals, MarkedSpan
from parley.types import ActorKind

#: Words that can head the subject naming a speaker before a colon.
SUBJECT_POS = frozenset({"PROPN", "PRON", "NOUN"})


@dataclass
class Draft:
    """A quotation being attributed: its marks, tokens and the speaker found so far."""

    span: MarkedSpan
    tokens: Span | None
    speaker: ActorRecord | None = None
    cue: str | None = None
    confidence: float = 0.0
    syntactic: bool = False
    kind: str = "direct"
    mention: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    #: A cue whose pronoun found no antecedent ("...," he said): when the context gives the
    #: speaker, these are still the words naming them and the cue.
    unresolved: tuple[tuple[int, int], tuple[int, int], str] | None = None
    #: A document with no author that the cue makes speak ("'...,' the notice read"): the
    #: speaker when the context names no one else.
    document: Token | None = None
    #: The words naming that document, when the parse gives them no phrase of their own.
    document_words: Span | None = None
    #: The sentence names no speaker ('Reed was said to be in "good spirits"'): the context
    #: gives none either.
    unnamed: bool = False
    #: The cue it hangs from only supposes the words ("some might say, '...'"): nobody is
    #: said to have uttered them, so they are no quotation.
    supposed: bool = False
    #: The words close a sentence begun before them, and a cue of the next was passed over.
    woven: bool = False


def _speaker_label(doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """ "Clinton: '...'", "TOO EARLY - Mark Blumenthal: '...'": a name alone before the colon,
    at the start of its line, after a dash or after a closed quotation, labels the speaker as
    in a transcript."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, colon.idx) + 1
    # a label after a dash, or after a quotation closed on the same line
    label = label_before(text, line, colon.idx, (*LABEL_DASHES, '." ', ".” ", '" ', "” "))
    lo = colon.idx - len(label)
    end = colon.i
    if "(" in label and (label.rstrip().endswith(")") or label.rfind("(") > label.rfind(")")):
        # "Rep. Jane Roe (D-Ohio):": the name before its party and state.
        label = label[: label.rfind("(")]
        end = next((t.i for t in doc[colon.i - 8 : colon.i] if t.text == "(" and t.idx >= lo), 0)
    words = label.split()
    if not 1 <= len(words) <= 6 or not words[-1][:1].isupper() or end < 1:
        return False
    if any(join in f" {label} " for join in TOPIC_JOINS):
        return False  # "Reed On Taxes:", "Lee on Reed:": the name after the join is the topic
    # A label is a name: "with Roe:" after a closed quotation is the reporter's sentence going on.
    if not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    name = doc[end - 1]
    before = [t for t in doc[name.i - len(words) + 1 : name.i] if t.idx >= lo]
    if before and inverted_saying(before[0]):
        # "Continued Lund: '...'", "Added the mayor:": a verb of saying set before the
        # speaker's name labels the quotation as the name alone does.
        before = before[1:]
    if any(t.pos_ in {"VERB", "AUX"} for t in before):
        return False
    return _signed_by(draft, name, name, resolver)


#: Ends of a sentence after which a name and a colon, on the same line, label a quotation.
_SENTENCE_ENDS = (". ", "? ", "! ", "… ", "... ")


def _label_after_sentence(doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """ "Later she voted. Mayor Tom Reed: '...'": a name (with its title) alone between the end
    of a sentence and a colon labels the quotation after it, as at the start of a line."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, colon.idx) + 1
    label = label_before(text, line, colon.idx, _SENTENCE_ENDS)
    if len(label) == colon.idx - line:
        return False  # no sentence before it on the line: the label rule's case
    words = doc.char_span(colon.idx - len(label), colon.idx, alignment_mode="contract")
    if words is None or not 1 <= len(words) <= 5 or words[-1].pos_ != "PROPN":
        return False
    if not all(t.pos_ == "PROPN" or is_title_word(norm_token(t.text)) for t in words):
        return False
    return _signed_by(draft, words[0], words[-1], resolver)


def _signed_by(draft: Draft, first: Token, last: Token, resolver: SpeakerResolver) -> bool:
    """Give the quotation to the person or organisation named from ``first`` to ``last`` (a
    label or a signature), when the name is one: an actor of the article at ``last``, else a
    proper noun the resolver knows ("... - HuffPollster:", a name the tagger left out)."""
    record = resolver.actors.at(last.idx, last.idx + len(last.text))
    if record is None and last.pos_ == "PROPN":
        record = resolver.resolve(last)[0]
    if record is None or record.kind not in {"person", "organization"}:
        return False
    draft.speaker = record
    draft.mention = (first.idx, last.idx + len(last.text))
    draft.confidence = 0.7
    return True


def introduced_by_colon(
    doc: Doc, draft: Draft, quoted: Intervals, resolver: SpeakerResolver
) -> None:
    """A quotation set after a colon is what the subject of the clause before it said, whatever
    the verb: "Clinton apologised for the emails: '...'", "the senator issued a statement:
    '...'", "Continued Lund: '...'"."""
    colon = _mark_before(doc, draft, ":", spaces=" \t\n\xa0", reach=4)
    if colon is None:
        return
    if _speaker_label(doc, draft, colon[0], resolver) or _label_after_sentence(
        doc, draft, colon[0], resolver
    ):
        return
    if _from_source(doc, draft, colon[0], resolver):
        return
    if _here_is(doc, draft, colon[0], resolver):
        return
    if named_before_colon(doc, draft, colon[0], resolver):
        return
    verb, hung = _verb_before_colon(doc, colon[0], quoted)
    if verb.pos_ not in {"VERB", "AUX"} or verb.i > colon[0].i or verb.idx in quoted:
        return
    who = _before_colon_speaker(verb, colon[0].i, quoted)
    if who is None and shown_speaking(draft, verb, resolver):
        return
    if who is None or who.idx in quoted:
        return
    if described_in_own_words(draft, verb, who, resolver) or owned_answer(
        draft, verb, who, resolver
    ):
        return
    if (hung or draft.speaker is not None) and not _acting_speaker(verb, who, resolver):
        return
    if (
        not _give_to_subject(draft, verb, who, resolver, weight=0.8)
        and is_document(who)
        and draft.document is None
    ):
        draft.document = who  # "The letter continues: '...'", if the context names no author


def _verb_before_colon(doc: Doc, colon: Token, quoted: Intervals) -> tuple[Token, bool]:
    """The verb of the clause before a colon, and whether the parse hung that clause elsewhere
    (on the quotation's verb, or on a noun the clause's subject must be able to speak over)."""
    verb = colon.head
    hung = verb.i > colon.i or verb.idx in quoted
    if hung:
        # The parser often hangs the clause before the colon on the quotation's verb
        # ("Sanders delivered a retort: 'No one is ...'"): the top of that clause is the verb.
        verb = _top_before(doc[colon.i - 1], colon.i)
    if verb.pos_ == "NOUN" and verb.dep_ in {"dobj", "attr"} and verb.head.i < verb.i:
        verb = verb.head  # "The mayor put out a short statement: '...'"
    elif verb.dep_ == "dobj" and quoted_person(verb.head, quoted.contains) == verb:
        verb = verb.head  # "Cole quotes Olaf Brandt: '...'": the colon hung on the one quoted
    elif verb.pos_ in {"NOUN", "PROPN", "PRON"} and verb.dep_ == "pobj" and not hung:
        # "Roe delivered a blunt message to the mayor: '...'": the colon hangs from the last
        # noun; the clause's verb is above it, and its subject must be one who can speak.
        verb, hung = _top_before(verb, colon.i), True
    return verb, hung


def _before_colon_speaker(verb: Token, colon: int, quoted: Intervals) -> Token | None:
    """Who speaks in the clause before a colon: the subject of its verb, or for "The paper
    quoted the minister: '...'" the one quoted, not the paper."""
    return quoted_person(verb, quoted.contains) or _subject_before(verb, colon)


#: "From the report: '...'", "More from Roe: '...'": the words before a colon that give the
#: source of what follows.
_FROM_LABEL = re.compile(r"(?:(?:more|also|again|and) )?from (?:the |a |an )?\S.{0,60}", re.I)
#: "Transcript as follows: '...'", "Partial text of the letter as follows:": a document named
#: with no verb before "as follows" and a colon.
_AS_FOLLOWS_LABEL = re.compile(r"(?:the |a |an )?\S.{0,60}? as follows", re.I)


def _from_source(doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """ "From the report: '...'", "More from Blumenthal: '...'", "Transcript as follows:
    '...'": a colon after "from" and a name or a document, or after a document and "as
    follows", opening its line, sentence or a dash-separated part, gives the quotation to that
    source (a document with no author named speaks for itself)."""
    text = doc_text(doc)
    line = max(text.rfind("\n", 0, colon.idx) + 1, colon.sent.start_char)
    # (" -": a dash that lost the space after it, "... for weeks -More from Roe:")
    label = label_before(text, line, colon.idx, (*LABEL_DASHES, ". ", " -")).strip()
    follows = _AS_FOLLOWS_LABEL.fullmatch(label) is not None
    if not (follows or _FROM_LABEL.fullmatch(label)) or any(ch in label for ch in ',;"“”'):
        return False
    words = doc.char_span(colon.idx - len(label), colon.idx, alignment_mode="contract")
    if words is None or not len(words):
        return False
    if follows:
        # "Transcript as follows:": the document before "as follows", which names no speaker
        # but itself.
        words = words[:-2] if len(words) > 2 else words[:0]
    head = next((t for t in reversed(words) if t.pos_ in {"NOUN", "PROPN"}), None)
    if head is None or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return False
    if follows and head.lower_ not in DOCUMENT_NOUNS:
        return False  # (a heading's first word, "Transcript", is often tagged a proper noun)
    start = words[0].i if follows else next(t.i for t in words if t.lower_ == "from") + 1
    phrase = doc[start : head.i + 1]
    if follows:
        # like "The letter continues:", it speaks for itself if the context names no author
        draft.document, draft.document_words = head, phrase
        return True
    record, confidence = resolver.resolve(head)
    if record is None and is_document(head):
        record, confidence = resolver.document_speaker(head, phrase)
    if record is None:
        return False
    draft.speaker = record
    draft.mention = (phrase.start_char, phrase.end_char)
    draft.confidence = confidence * 0.8
    return True


#: "Here's Lund in May 1998:", "Here is Roe on the budget:": a writer setting out
#: someone's words, named after "here is" and before an optional phrase of time or topic.
_HERE_IS_LABEL = re.compile(
    r"here(?:['’]s| is) (?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    r"(?: (?:in|on|at|during|from|about) [^:]{1,50})?",
)


def _here_is(doc: Doc, draft: Draft, colon: Token, resolver: SpeakerResolver) -> bool:
    """ "Here's Lund in May 1998: '...'": the quotation is the named person's, as the
    writer presents it; the name must be an actor of the article."""
    text = doc_text(doc)
    line = max(text.rfind("\n", 0, colon.idx) + 1, colon.sent.start_char)
    label = label_before(text, line, colon.idx, (*LABEL_DASHES, ". ")).strip()
    match = _HERE_IS_LABEL.fullmatch(label[:1].lower() + label[1:])
    if match is None:
        return False
    start = colon.idx - len(label) + match.start("name")
    words = doc.char_span(start, start + len(match.group("name")), alignment_mode="contract")
    if words is None or not len(words):
        return False
    return _signed_by(draft, words[0], words[-1], resolver)


#: Dashes that set a quotation after the clause that introduces it.
_DASHES = ("--", "—", "–", " -", "\xa0-")


def introduced_by_dash(
    doc: Doc, draft: Draft, quoted: Intervals, resolver: SpeakerResolver
) -> None:
    """ "Roe also defended the plan -- 'It will pay for itself.'", "When Roe finally wrapped up
    — 'I will fight for you!' —": a quotation set right after a dash that closes a clause
    whose subject can speak (a pronoun or a known actor, with a verb other than "be" or
    "have") is what that subject said, as after a colon."""
    text = doc_text(doc)
    lo = max(0, draft.span.open_at - 8)
    head = text[lo : draft.span.open_at].rstrip(" \t\xa0")
    dash = next((d for d in _DASHES if head.endswith(d)), None)
    if dash is None:
        return
    at = lo + len(head) - len(dash := dash.strip())
    before = doc.char_span(at, at + len(dash), alignment_mode="expand")
    if before is None or not len(before) or before[0].i == 0:
        return
    last = doc[before[0].i - 1]
    if last.is_punct or last.idx in quoted or "\n" in text[last.idx : at]:
        return
    verb = _top_before(last, before[0].i)
    if verb.pos_ not in {"VERB", "AUX"} or verb.idx in quoted:
        return
    who = _subject_before(verb, before[0].i)
    if who is None or who.idx in quoted or not _acting_speaker(verb, who, resolver):
        return
    _give_to_subject(draft, verb, who, resolver, weight=0.6)


def _subject_before(verb: Token, limit: int) -> Token | None:
    """The subject of ``verb`` set before the mark at token ``limit`` that introduces a
    quotation (a colon, a dash), when it is a word that can name a speaker."""
    subject = next(
        (
            c
            for c in verb.children
            if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < limit and c.pos_ in SUBJECT_POS
        ),
        None,
    )
    return person_before_campus(subject) or subject


def _acting_speaker(verb: Token, who: Token, resolver: SpeakerResolver) -> bool:
    """Whether ``who`` acts as a speaker can through ``verb``: a verb other than "be" or "have"
    whose subject is a pronoun or an actor the article already knows ("Sanders delivered",
    not "the new drugs were" or "yeast had")."""
    if verb.lemma_.lower() in {"be", "have"}:
        return False
    if who.pos_ == "PRON":
        return True
    record = resolver.actors.at(who.idx, who.idx + len(who.text))
    if record is None and who.pos_ == "NOUN" and who.lower_ in ORG_WORDS:
        # "The Roe campaign", "Lee's office": an organisation named by its word and the
        # actor it belongs to.
        record = next(
            (
                resolver.actors.at(c.idx, c.idx + len(c.text))
                for c in who.children
                if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"
            ),
            None,
        )
    return record is not None and record.kind in {"person", "organization", "group"}


def embedding_subject(draft: Draft, quoted: Intervals, resolver: SpeakerResolver) -> None:
    """ "Sanders credited her victory to 'a closed primary ...'", "Moore thanked him for
    'stepping up'": a quotation woven into a clause with no verb of saying is the words of
    that clause's subject, the nearest verb above the quotation that has one."""
    tokens = draft.tokens
    if tokens is None or not len(tokens):
        return
    top = next((t for t in tokens if not tokens.start <= t.head.i < tokens.end), None)
    if top is None:
        return
    node = top.head
    for _ in range(8):
        if node.idx > draft.span.open_at:
            return  # a clause after the quotation is no frame for it
        if node.pos_ in {"VERB", "AUX"} and node.idx not in quoted:
            who = next(
                (
                    c
                    for c in node.children
                    if c.dep_ == "nsubj" and c.pos_ in SUBJECT_POS and c.idx not in quoted
                ),
                None,
            )
            if who is not None:
                if _acting_speaker(node, who, resolver):
                    _give_to_subject(draft, node, who, resolver, weight=0.6)
                elif is_document(who) and node.lemma_.lower() not in {"be", "have"}:
                    # "The statement called for 'a full and fair count'": a document with no
                    # author named speaks for itself, if the context names no one.
                    draft.document = draft.document or who
                return
        if node.head.i == node.i:
            return
        node = node.head


#: A line that signs the quotation above it: "- Sanders.", "—Jane Roe, Ohio."
_SIGNATURE = re.compile(r"[ \t\xa0]*\n\s*[-–—][ \t\xa0]*([A-Z][^\n,.(]{0,60})[^\n]{0,80}(?:\n|$)")


def signed_below(doc: Doc, draft: Draft, resolver: SpeakerResolver) -> None:
    """A quotation whose next line is a dash and a name ('"..." / - Sanders.') is signed by
    that name, as in a column of quotations set off one by one."""
    close = draft.span.close_at
    if close is None:
        return
    after = close + draft.span.width
    text = doc_text(doc)
    found = _SIGNATURE.match(text, after)
    if found is None:
        return
    words = doc.char_span(found.start(1), found.end(1), alignment_mode="contract")
    names = [t for t in words or () if t.pos_ == "PROPN"]
    if not names or len(names) > 5:
        return
    _signed_by(draft, names[0], names[-1], resolver)


#: A signature on the quotation's own line: the quotation dash (U+2015), an em or en dash, a
#: double hyphen or a spaced hyphen after the closing mark, then the rest of the line.
#: (Spaces include the zero-width ones web pages leave around a dash.)
_SIGNED_AFTER = re.compile(
    r"[ \t\xa0\u200b-\u200d\u2060\ufeff]*(?:\u2015|—|–|--|-(?=[ \t\xa0]))"
    r"[ \t\xa0]*([^\n]{1,160}?)[ \t\xa0]*(?:\n|$)"
)
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def signed_after(doc: Doc, draft: Draft, resolver: SpeakerResolver) -> None:
    """'"..." ― Maria Lopez, a union organiser': a quotation that opens its line and is
    signed on the same line, after its closing mark, by a dash and a name (a title before it,
    a description after a comma or in parentheses, and nothing more to the end of the line),
    as in a column of quotations, a pull-quote or an epigraph, is the signer's. A role in the
    description gives the signer a title, as an apposition would. The signature wins over a
    speaker found on another line ("What they said:" above a column), never over a cue the
    quotation hangs from."""
    close = draft.span.close_at
    if close is None or draft.syntactic:
        return
    text = doc_text(doc)
    line = text.rfind("\n", 0, draft.span.open_at) + 1
    if text[line : draft.span.open_at].strip(" \t\xa0•*-"):
        return  # the quotation is woven into a line of running text
    if draft.speaker is not None and (draft.mention is None or draft.mention[1] > line):
        return
    found = _SIGNED_AFTER.match(text, close + draft.span.width)
    if found is None:
        return
    if not _said_sentence(text[draft.span.start : draft.span.end], draft.tokens):
        return  # '"Rain on the Harbour Wall" ― Ann Holt': a work and its author
    sign = found.group(1).rstrip(".")
    cut = min((i for i in (sign.find(","), sign.find("(")) if i > 0), default=len(sign))
    name_end = found.start(1) + len(sign[:cut].rstrip())
    words = doc.char_span(found.start(1), name_end, alignment_mode="contract")
    if words is None or not 1 <= len(words) <= 7 or words.start_char != found.start(1):
        return
    if not all(_name_word(t) for t in words) or words[-1].lower_ in lexicon.words("name_particles"):
        return  # "― a claim he later withdrew", "-- Roe later withdrew it"
    described: list[Token] = []
    if cut < len(sign):
        rest = doc.char_span(name_end, found.start(1) + len(sign), alignment_mode="expand")
        described = [t for t in rest or () if not t.is_punct and not t.is_space]
        if not described or len(described) > 20 or _running_on(described):
            return  # "-- Roe, said on Monday" is no description
    record = _signer(resolver, words)
    if record is not None:
        draft.speaker = record
        draft.mention = (words.start_char + _lead(words.text), words.end_char)
        draft.confidence = 0.7
    elif not _signed_by(draft, words[0], words[-1], resolver):
        return
    draft.cue = draft.cue_span = None
    if described and draft.speaker is not None and draft.speaker.kind == "person":
        _title_from_description(draft.speaker, words.start_char, described)


def _said_sentence(content: str, tokens: Span | None) -> bool:
    """Whether a signed quotation reads as words said, not as the title of a work: it ends as
    a sentence does, or is one ("We will not wait another winter") without Title Case."""
    if content.rstrip(" \t\xa0'\u2019)").endswith((".", "!", "?", "…", ",")):
        return True
    words = content.split()
    return (
        tokens is not None
        and is_sentence(tokens)
        and not all(w[:1].isupper() for w in words if w[:1].isalpha())
    )


def _name_word(token: Token) -> bool:
    """A word of a signer's name and title: capitalised (an initial, "Sen.", "Jr."), a
    particle of a name, or the punctuation inside one ("O'Neil", "Jean-Luc")."""
    first = token.text.lstrip(_ZERO_WIDTH)[:1]
    if token.pos_ in {"VERB", "AUX"} and not first.isupper():
        return False
    return (
        first.isupper()
        or token.lower_ in lexicon.words("name_particles")
        or token.text in {".", "-", "'", "’"}
    )


def _running_on(described: list[Token]) -> bool:
    """Whether the words after a signer's comma go on as a sentence ("said on Monday", "her
    rival, mocked the claim"): a finite verb outside a relative clause ("a nurse who voted for
    him" is a description)."""
    for token in described:
        if token.pos_ not in {"VERB", "AUX"} or token.tag_ not in FINITE_TAGS:
            continue
        if token.text[:1].isupper():
            continue  # a place the tagger took for a verb ("Tom Berg, Leeds")
        node = token
        for _ in range(8):
            if node.dep_ in {"relcl", "acl"}:
                break
            if node.head.i == node.i:
                return True
            node = node.head
        else:
            return True
    return False


def _lead(text: str) -> int:
    """How many zero-width characters open ``text``."""
    return len(text) - len(text.lstrip(_ZERO_WIDTH))


def _signer(resolver: SpeakerResolver, words: Span) -> ActorRecord | None:
    """The actor a signature names by its name (a title before it left out): the person or
    organisation of the article called so, else a new one when the tagger found a person or
    an organisation there or the words have the shape of a person's name. None leaves the
    words to the actor found at them."""
    index = resolver.actors
    doc = words.doc
    start = words.start
    while start < words.end - 1 and is_office_word(norm_token(doc[start].text)):
        start += 1
    name = doc[start : words.end]
    lead = _lead(name.text)
    text = name.text[lead:]
    ent = next((e for e in span_ents(words) if e.label_ in {"PERSON", "ORG"}), None)
    kind: ActorKind = "organization" if ent is not None and ent.label_ == "ORG" else "person"
    record = index.find(text)
    if record is not None and record.kind not in {"person", "organization"}:
        return None
    if record is None:
        if ent is None and not index.name_shaped(name):
            return None
        if index.at(name.start_char, name.end_char) is not None:
            return None  # an actor of the article is named there: the resolver's to read
        record = index.add(text, kind)
    record.add_mention(name.start_char + lead, name.end_char, text)
    return record


def _title_from_description(record: ActorRecord, at: int, described: list[Token]) -> None:
    """'― Ann Holt, professor of law': a description holding a role noun is the signer's
    title (and its country, if it names one), when the article gave them none."""
    while described and described[0].lower_ in DETERMINERS:
        described = described[1:]
    if record.titles or not any(is_title_word(norm_token(t.text)) for t in described):
        return
    first, last = described[0], described[-1]
    title = doc_text(first.doc)[first.idx : last.idx + len(last.text)]
    record.add_title(at, title)
    settle_country_and_sector(record, find_country(title))


#: The line below an unclosed quotation that names its speaker and closes the mark: a pull
#: quote set off as a block, '"We stay. / Jane Roe, harbour master."'.
_SIGNED_CLOSE = re.compile(
    r"[ \t\xa0]*\n[ \t\xa0]*([A-Z][^\n,.(\"“”]{0,60})[^\n\"“”]{0,80}[\"”][ \t\xa0]*(?:\n|$)"
)


def signed_at_close(doc: Doc, draft: Draft, resolver: SpeakerResolver) -> None:
    """A quotation left open at the end of its line whose next line is a name (with a title or
    affiliation after a comma) and then the closing mark: the block-quote signature of a pull
    quote ('"We stay." set off, then "Jane Roe, harbour master."' with the mark after it)."""
    if draft.span.close_at is not None:
        return
    text = doc_text(doc)
    found = _SIGNED_CLOSE.match(text, draft.span.end)
    if found is None:
        return
    words = doc.char_span(found.start(1), found.end(1), alignment_mode="contract")
    if words is None or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return
    names = [t for t in words if t.pos_ == "PROPN"]
    if not names or len(names) > 5:
        return
    _signed_by(draft, names[0], names[-1], resolver)


def _top_before(token: Token, limit: int) -> Token:
    """The first verb with a subject of its own (not "what" or "which") above ``token``, else
    the highest word reached, without passing the token at ``limit``."""
    node = token
    for _ in range(12):
        if node.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in NOMINAL_SUBJECT_DEPS and c.tag_ not in {"WP", "WDT"} for c in node.children
        ):
            break
        if node.head.i == node.i or node.head.i >= limit:
            break
        node = node.head
    return node


def cue_before(doc: Doc, draft: Draft) -> bool:
    """Whether the cue found is a verb before the quotation (a noun of saying before it names
    its own speaker: "issued the following statement from the king: '...'")."""
    if draft.cue_span is None or draft.cue_span[0] >= draft.span.open_at:
        return False
    cue = doc.char_span(*draft.cue_span, alignment_mode="expand")
    return cue is not None and len(cue) > 0 and cue[0].pos_ in {"VERB", "AUX"}


def _mark_before(doc: Doc, draft: Draft, mark: str, *, spaces: str, reach: int) -> Span | None:
    """The punctuation ``mark`` set right before the quotation's opening mark, across
    ``spaces`` and at most ``reach`` characters back, as a span of the doc."""
    text = doc_text(doc)
    i = draft.span.open_at - 1
    while i >= 0 and text[i] in spaces:
        i -= 1
    if i < 0 or text[i] != mark or draft.span.open_at - i > reach:
        return None
    span = doc.char_span(i, i + 1, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _give_to_subject(
    draft: Draft, verb: Token, who: Token, resolver: SpeakerResolver, *, weight: float
) -> bool:
    """Attribute the quotation to the subject ``who`` of ``verb``, when it resolves."""
    record, confidence = resolver.resolve(who)
    if record is None:
        return False
    give_speaker(draft, record, verb, who, confidence * weight)
    return True


def give_speaker(
    draft: Draft, record: ActorRecord, verb: Token, who: Token, confidence: float
) -> None:
    """Attribute the quotation to ``record``, named by ``who`` as the subject of the cue
    ``verb``."""
    draft.speaker = record
    draft.mention = speaker_mention(verb, who)
    draft.cue_span = cue_span(verb)
    draft.cue = cue_text(verb)
    draft.confidence = confidence


def introduced_by_comma(
    doc: Doc, draft: Draft, quoted: Intervals, resolver: SpeakerResolver
) -> None:
    """ "Hillary shot back, 'I suppose ...'": a quotation of its own sentence set after a comma
    that closes a subject and its verb (with a particle or an adverb) is that subject's,
    whatever the verb; nearer than any cue elsewhere in the sentence."""
    comma = _mark_before(doc, draft, ",", spaces=" \t\xa0", reach=3)
    if comma is None or comma[0].i == 0:
        return
    inverted = speaker_after_inverted_verb(comma[0], quoted.contains, resolver)
    if inverted is not None:
        draft.speaker, draft.confidence = inverted.record, inverted.confidence
        draft.mention = (inverted.words.start_char, inverted.words.end_char)
        draft.cue_span, draft.cue = cue_span(inverted.verb), cue_text(inverted.verb)
        draft.syntactic = True
        return
    before = doc[comma[0].i - 1]
    verb = before
    if before.dep_ in {"prt", "advmod"} and before.head.i < before.i:
        verb = before.head
    elif (
        before.dep_ == "dobj"
        and before.head.i < before.i
        and (before.pos_ == "PRON" or is_speech_noun(before) or is_document(before))
    ):
        verb = before.head  # "As Roe put it, '...'", "The mayor issued a statement, '...'"
    as_subject = _as_put_it(verb)
    if verb.pos_ != "VERB" or verb.idx in quoted:
        return
    if verb.tag_ not in FINITE_TAGS and as_subject is None:
        return
    who = subject_of_aside(verb) or next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in SUBJECT_POS),
        as_subject,
    )
    if who is None or who.idx in quoted:
        return
    if _give_to_subject(draft, verb, who, resolver, weight=0.85):
        draft.syntactic = True


def _as_put_it(verb: Token) -> Token | None:
    """The speaker of "As Jane Roe, a law professor, put it, '...'" when the parser read "As
    Jane Roe" as a preposition and its object and left "put" without a subject."""
    if verb.lemma_.lower() != "put" or not any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children
    ):
        return None
    marker = next((c for c in verb.children if c.lower_ == "as" and c.i < verb.i), None)
    if marker is None:
        return None
    return next((c for c in marker.children if c.dep_ == "pobj" and c.pos_ in SUBJECT_POS), None)


#: How a quotation that is a verb's own words hangs from it.
QUOTE_CLAUSE_DEPS = frozenset({"ccomp", "dobj", "parataxis"})
#: ... and how it hangs from a weak verb: also as an imperative read as its complement
#: ('chanted, "Bring them home!"').
WEAK_CUE_DEPS = QUOTE_CLAUSE_DEPS | {"xcomp"}


def cues(region: Span, quoted: Intervals, words: Span | None = None) -> list[Token]:
    """The words of ``region``, outside quotations, that may say who speaks: a verb of saying,
    "according to", a weak verb a quotation hangs from, a noun of saying with its owner or
    source ("her statement", "a statement from the ministry", "in an interview"); given the
    quotation's ``words``, also a verb that characterises them ("portrayed the plan as '...'")."""
    found = []
    for tok in region:
        if tok.idx in quoted:
            continue
        if (
            is_speech_verb(tok)
            and not _summoned(tok)
            and not _noun_modifier(tok)
            or is_according_to(tok)
            or _weak_cue(tok, quoted)
            or quotative_word(tok, quoted) is not None
            or words is not None
            and characterising_cue(tok, words)
            or is_speech_noun(tok)
            and (
                noun_owner(tok) is not None or any(c.lower_ in {"by", "from"} for c in tok.children)
            )
            or is_speech_noun(tok)
            and tok.dep_ == "pobj"
            and tok.head.lower_ in {"in", "via"}
        ):
            found.append(tok)
    return found


def _noun_modifier(verb: Token) -> bool:
    """ "Doctors have admitting rights": an "-ing" form after "have" with no "be" is a word
    describing the noun after it, which the parser took for a verb; it says nothing."""
    aux = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and "have" in aux and "be" not in aux


def _summoned(verb: Token) -> bool:
    """ "Crews called to the scene ...": "call" with a place it sends someone to and no
    object, clause or name of its own summons people; it says nothing."""
    if verb.lemma_.lower() != "call":
        return False
    kids = {c.dep_ for c in verb.children}
    if kids & {"dobj", "ccomp", "oprd", "xcomp", "attr"}:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def outer_cues(cues: list[Token]) -> list[Token]:
    """The cues not said inside another's report: in "Roe said that critics had predicted a
    withdrawal" the next quotation carries Roe on, not the critics."""
    found = {cue.i for cue in cues}
    outer = []
    for cue in cues:
        node, steps = cue, 0
        while node.head.i != node.i and steps < 12:
            node, steps = node.head, steps + 1
            if node.i in found:
                break
        else:
            outer.append(cue)
    return outer


def _weak_cue(tok: Token, quoted: Intervals) -> bool:
    """A verb that is a cue only when the quotation hangs from it: 'He continued, "..."'."""
    return (
        tok.pos_ == "VERB"
        and tok.lemma_.lower() in WEAK_SPEECH_VERBS
        and any(c.dep_ in WEAK_CUE_DEPS and c.idx in quoted for c in tok.children)
    )
