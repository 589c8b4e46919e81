"""Speech cues and their speakers: the attribution machinery shared by direct and reported speech.

A cue is a verb of saying ("said", "warned", "tweeted"), the phrase "according to", or a noun of
saying with its owner ("the envoy's claim", "in a statement"). Its speaker is the grammatical
subject, found by climbing through participles and conjuncts ("..., saying" takes the subject of
the verb it modifies), then mapped to a canonical actor: a name through the actor index, a
pronoun through the nearest salient person of the right gender, a description ("the President")
through titles, and an unnamed source ("a police spokesperson") registered as an actor of its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_sents, doc_text, span_ents
from parley.nlp.rules.actors import GENDERED_WORDS, ActorIndex, ActorRecord
from parley.nlp.rules.crowd_voices import crowd_subject
from parley.nlp.rules.own_words import clause_subject_owning
from parley.nlp.rules.speaker_spans import (
    RELATIVE_PRONOUNS,
    _named_in_a_clause,
    _noun_phrase,
    mention_span,
    speaker_mention,
)
from parley.nlp.rules.speech_cues import (
    DOCUMENT_NOUNS,
    NEVER_SPEAKERS,
    NP_PREPOSITIONS,
    OBJECT_CONTROL_VERBS,
    PEER_NOUNS,
    PRONOUNS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SPOKESPERSON_NOUNS,
    WEAK_SPEECH_VERBS,
    Cue,
    Quoted,
    cue_span,
    cue_text,
    is_according_to,
    is_document,
    is_speech_noun,
    is_speech_verb,
)
from parley.nlp.rules.verb_subjects import (
    _agent_of,
    _main_subject_before,
    subject_of,
)
from parley.nlp.tokens import doc_tokens
from parley.nlp.tree import object_of
from parley.quotemarks import Intervals
from parley.types import ActorKind, Quote

# Names that live in the modules imported above, importable from here as before.
__all__ = [
    "Cue",
    "DOCUMENT_NOUNS",
    "NEVER_SPEAKERS",
    "NP_PREPOSITIONS",
    "OBJECT_CONTROL_VERBS",
    "PEER_NOUNS",
    "PRONOUNS",
    "Quoted",
    "RELATIVE_PRONOUNS",
    "REPORTING_VERBS",
    "SPEECH_NOUNS",
    "SPEECH_VERBS",
    "SPOKESPERSON_NOUNS",
    "WEAK_SPEECH_VERBS",
    "cue_span",
    "cue_text",
    "is_according_to",
    "is_document",
    "is_speech_noun",
    "is_speech_verb",
    "mention_span",
    "speaker_mention",
    "subject_of",
]


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
    subject = subject_of(cue, quoted=quoted)
    subject = crowd_subject(cue, subject, quoted) or subject
    if subject is None:
        subject = _subject_hung_on_source(cue)
    if subject is None and not any(c.dep_ == "nsubjpass" for c in cue.children):
        # The parser lost the subject (it hangs from a participle or an apposition): the
        # first subject before the cue in its sentence is the reader's answer.
        subject = _main_subject_before(cue)
        if subject is not None and quoted and quoted(subject.idx):
            subject = None
    if subject is not None and subject.i < cue.i:
        subject = _in_cue_paragraph(cue, subject, quoted)
    if subject is not None and subject.lower_ in {"who", "that", "which"}:
        # "Peskov, who said": the relative pronoun stands for the noun it modifies.
        rel = subject.head
        if rel.dep_ == "relcl":
            return rel.head
    if subject is not None and _respondents(subject):
        return _poll_asking(cue, quoted) or subject
    return subject


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
        if tok.head.lower_ in {"in", "to"} and _document_owner(tok) is not None:
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


ACCOUNT_NOUNS = lexicon.word_set("account_nouns")


def _document_owner(token: Token, *, depth: int = 0) -> Token | None:
    """Who a document speaks for: "the opinion of the Court", "the ministry's statement",
    "a memo posted by Senator X", "a post sent from the mayor's official account"."""
    owner = _owner_in_phrase(token)
    if owner is None:
        owner = _poster(token)
    if owner is None and token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ == "VERB":
        # "The union issued a note which said": the one who issued it.
        owner = subject_of(token.head) if token.dep_ == "dobj" else None
        if owner is None and token.dep_ == "nsubjpass":
            owner = _agent_of(token.head)
    if owner is not None and depth < 2 and owner.lemma_.lower() in ACCOUNT_NOUNS | DOCUMENT_NOUNS:
        return _document_owner(owner, depth=depth + 1) or owner
    return owner


#: Things that carry someone's words: "held up a sign that read", "ran a piece that noted".
TEXT_BEARING_NOUNS = lexicon.word_set("text_bearing_nouns")
#: Verbs whose subject meets a sign or an ad rather than making it ("saw an ad that said").
_MEETING_VERBS = lexicon.word_set("text_meeting_verbs")


def _maker_of_text(token: Token) -> Token | None:
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
    of the Court", "a Kremlin statement"."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            owner = object_of(child)
            if owner is not None:
                return owner
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


def _segments(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """Sentences, cut again at paragraph breaks (spaCy lets a sentence run across one after a
    closing quotation mark), and the token index where each starts. Computed once per Doc and
    kept in ``doc.user_data``, so that each resolver of the article starts from them."""
    cached = doc.user_data.get("parley.segments")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: list[Span] = []
    tokens = doc_tokens(doc)
    for sent in doc_sents(doc):
        start = sent.start
        for i in range(sent.start, sent.end):
            if "\n" in tokens.text[i] and tokens.tokens[i].is_space:
                if i > start:
                    out.append(doc[start:i])
                start = i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    found = doc.user_data["parley.segments"] = (tuple(out), [s.start for s in out])
    return found


class SpeakerResolver:
    """Maps a speaker token to a canonical actor of the article."""

    def __init__(self, doc: Doc, actors: ActorIndex, *, quoted: Quoted = None) -> None:
        self.doc = doc
        self.actors = actors
        self._quoted = quoted
        self._chains: dict[int, ActorRecord | None] = {}
        self._sents, self._sent_starts = _segments(doc)
        self.genders: dict[str, str] = {}
        self._learn_genders()

    # -- gender evidence ------------------------------------------------------------------
    def _learn_genders(self) -> None:
        """Genders the actor index knows (honorifics, pronoun use), plus reflexives: in a
        sentence whose only person subject is X, "herself" makes X female."""
        for record in self.actors.records:
            if record.gender:
                self.genders[record.id] = record.gender
            else:
                self._learn_description_gender(record)
        text = doc_text(self.doc)
        if "himself" not in text and "herself" not in text:
            return
        for sent in self._sents:
            sent_text = text[sent.start_char : sent.end_char]
            if "himself" not in sent_text and "herself" not in sent_text:
                continue
            persons = {
                r.id: r
                for t in sent
                if t.dep_ in NOMINAL_SUBJECT_DEPS
                for r in [self.actors.at(t.idx, t.idx + len(t.text))]
                if r is not None and r.kind == "person"
            }
            if len(persons) != 1:
                continue
            (record_id,) = persons
            found = {PRONOUNS[t.lower_] for t in sent if t.lower_ in {"himself", "herself"}}
            if len(found) == 1:
                self.genders.setdefault(record_id, found.pop() or "")

    def _learn_description_gender(self, record: ActorRecord) -> None:
        """An unnamed person described by a gendered noun ("his wife", "a local woman",
        "the spokesman") has that gender: a later "he" does not refer to "his wife"."""
        if record.kind != "person" or record.id in self.genders:
            return
        words = record.name.lower().split()
        gender = GENDERED_WORDS.get(words[-1]) if words else None
        if gender:
            self.genders[record.id] = gender

    # -- resolution -----------------------------------------------------------------------
    def resolve(
        self, token: Token, *, phrase: Span | None = None
    ) -> tuple[ActorRecord | None, float]:
        """The actor a speaker token refers to and a confidence in that answer. ``phrase``
        gives the words naming it when the parse gives them no phrase of their own."""
        if token.lower_ in NEVER_SPEAKERS:
            return None, 0.0
        if token.lower_ in PRONOUNS:
            record = self.resolve_pronoun(token)
            return record, 0.75 if record else 0.0
        if is_document(token):
            owner = _document_owner(token)
            if owner is None:
                return None, 0.0  # "according to the summary": a document, not its author
            return self.resolve(owner)
        maker = _maker_of_text(token)
        if maker is not None:
            return self.resolve(maker)
        phrase = phrase if phrase is not None else _noun_phrase(token)
        record = self._named(phrase)
        if record is not None and (record.kind == "person" or phrase.root.pos_ != "NOUN"):
            return record, 0.95
        if (
            record is not None
            and phrase.root.lemma_.lower() in SPOKESPERSON_NOUNS
            and phrase[0].lower_ in {"a", "an", "one", "two", "three", "several", "some"}
        ):
            # "a UN spokesperson": a person of the organisation, described, not the UN.
            return self._spokesperson(phrase, record)
        if record is not None:
            # "The Wooster professor added": a role noun whose only named word is a place or an
            # organisation is a description of a person, if the article has one with that role.
            resolve_description = getattr(self.actors, "resolve_description", None)
            described = (
                resolve_description(phrase.text, phrase.start_char) if resolve_description else None
            )
            if described is not None and described.kind == "person":
                described.add_mention(phrase.start_char, phrase.end_char, phrase.text)
                return described, 0.8
            return record, 0.9
        return self._described(phrase, token)

    def _named(self, phrase: Span) -> ActorRecord | None:
        """The actor a noun phrase names. A person named in it or in apposition wins ("the
        director of the Red Cross, Lucia Marin"; "Chile's president Ana Reis"); otherwise the
        organisation its head belongs to."""
        root = phrase.root
        tokens = list(phrase)
        for child in root.children:
            if child.dep_ == "appos" or (child.dep_ in {"compound", "flat"} and child.i > root.i):
                tokens.extend(child.subtree)
        head = self.actors.at(root.idx, root.idx + len(root.text))
        if head is not None and head.kind == "person":
            return head  # "Ivo Rask, a lawyer for Mia Holt": Rask, not Holt
        persons: list[ActorRecord] = []
        others: list[ActorRecord] = []
        for tok in tokens:
            if tok.pos_ not in {"PROPN", "NOUN", "X"}:
                continue
            record = self.actors.at(tok.idx, tok.idx + len(tok.text))
            if record is None:
                continue
            if record.kind == "person" and _named_in_a_clause(tok, root):
                continue
            (persons if record.kind == "person" else others).append(record)
        if persons:
            return persons[-1]
        if head is not None:
            return head
        if others:
            return others[0]
        for ent in span_ents(phrase):
            record = self.actors.find(ent.text)
            if record is not None and not _named_in_a_clause(ent.root, root):
                return record
        return None

    def _spokesperson(self, phrase: Span, body: ActorRecord) -> tuple[ActorRecord, float]:
        """The unnamed person who speaks for ``body``, registered under the article's own
        description, with the organisation's country and sector."""
        text = phrase.text.strip()
        name = text[0].lower() + text[1:] if text[:2] in {"A ", "An", "On"} else text
        record = self.actors.find(name)
        if record is None:
            kind: ActorKind = "group" if phrase.root.tag_ in {"NNS", "NNPS"} else "person"
            record = self.actors.add(name, kind, country=body.country, sector=body.sector)
            record.kind = kind  # "a source within the ministry" is a person, not the ministry
        record.add_mention(phrase.start_char, phrase.end_char, text)
        return record, 0.8

    def _described(self, phrase: Span, token: Token) -> tuple[ActorRecord | None, float]:
        text = phrase.text.strip()
        if not text or not any(ch.isalpha() for ch in text):  # "O’Donnell" is no alpha token
            return None, 0.0
        resolve_description = getattr(self.actors, "resolve_description", None)
        if resolve_description is not None:
            record = resolve_description(text, phrase.start_char)
            if record is not None:
                record.add_mention(phrase.start_char, phrase.end_char, text)
                return record, 0.8
        if token.pos_ == "PROPN":
            name = text[4:] if text.lower().startswith("the ") else text
            # A speaker the tagger missed: "Ivo Rask said" is a person, "Gazprom said" not.
            kind: ActorKind = "person" if self.actors.name_shaped(phrase) else "organization"
            record = self.actors.find(name) or self.actors.add(name, kind)
            record.add_mention(phrase.start_char, phrase.end_char, text)
            return record, 0.8
        # An unnamed source: the article's own description is the best name it gives.
        group: ActorKind = "group" if token.tag_ in {"NNS", "NNPS"} else "person"
        return self._under_description(phrase, group), 0.6

    def _under_description(self, phrase: Span, kind: ActorKind) -> ActorRecord:
        """The actor named by the article's own description of it ("a senior official", "the
        memo", found again if named so before), with this mention."""
        text = phrase.text.strip()
        name = text[0].lower() + text[1:] if text[:2] in {"A ", "An", "Th"} else text
        record = self.actors.find(name) or self.actors.add(name, kind)
        record.add_mention(phrase.start_char, phrase.end_char, text)
        self._learn_description_gender(record)
        return record

    def document_speaker(
        self, token: Token, phrase: Span | None = None
    ) -> tuple[ActorRecord | None, float]:
        """A document that speaks with no author the text names ("'...,' the editorial read",
        "the memo states"): its own description (``phrase``, else the noun phrase ``token``
        heads) is the speaker, registered like an unnamed source, the way a reader can only
        answer "the memo said it"."""
        phrase = phrase if phrase is not None else _noun_phrase(token)
        text = phrase.text.strip()
        if not text or not any(ch.isalpha() for ch in text) or token.lower_ in PRONOUNS:
            return None, 0.0
        return self._under_description(phrase, "organization"), 0.5

    def nearest_person_before(self, cue: Token) -> ActorRecord | None:
        """The closest person named before ``cue`` in its sentence, outside quotations: the
        reader's answer when the parse gives the cue no subject ("..., Lucia Marin, said")."""
        found = self.nearest_person_token(cue)
        return found[1] if found else None

    def nearest_person_token(self, cue: Token) -> tuple[Token, ActorRecord] | None:
        """:meth:`nearest_person_before` with the token that names the person."""
        for tok in reversed(list(cue.sent)):
            if tok.i >= cue.i or (self._quoted and self._quoted(tok.idx)):
                continue
            record = self.actors.at(tok.idx, tok.idx + len(tok.text))
            if record is not None and record.kind == "person":
                return tok, record
        return None

    def resolve_pronoun(self, token: Token) -> ActorRecord | None:
        """The actor a pronoun refers to, found the way a reader does.

        Walk back sentence by sentence from the pronoun (at most four sentences, not across
        more than one paragraph break); in each, prefer the main clause's subject, then other
        subjects, then any mention; skip actors of the wrong kind, number or known gender.
        A gendered pronoun that no person of its gender fits takes the person a reader would
        take regardless: a gender learnt from the article's pronouns can be wrong (two
        people who share a surname pool their pronouns).
        """
        found = self._resolve_pronoun(token, strict=True)
        if found is None and PRONOUNS.get(token.lower_):
            found = self._resolve_pronoun(token, strict=False)
        if found is None and PRONOUNS.get(token.lower_):
            found = self._last_person_before(token)
        return found

    def _last_person_before(self, token: Token) -> ActorRecord | None:
        """The person of the pronoun's gender the article named last before it, however far
        back: after a long quotation or several paragraphs about others, "he said" still
        refers to the person the story has been quoting, not to no one."""
        gender = PRONOUNS.get(token.lower_)
        best: tuple[int, ActorRecord] | None = None
        for record in self.actors.records:
            if record.kind != "person" or self.genders.get(record.id, gender) != gender:
                continue
            for start, _end in record.mentions:
                if start >= token.idx or (self._quoted and self._quoted(start)):
                    continue
                if best is None or start > best[0]:
                    best = (start, record)
        return best[1] if best else None

    def _resolve_pronoun(self, token: Token, *, strict: bool) -> ActorRecord | None:
        gender = PRONOUNS.get(token.lower_)
        plural = token.lower_ in {"they", "them", "their", "we"}
        sents = self._sents
        current = bisect.bisect_right(self._sent_starts, token.i) - 1
        if current < 0 or not sents[current].start <= token.i < sents[current].end:
            current = 0
        breaks = 0
        looked = 0
        quoted = self._quoted
        text = doc_text(self.doc)
        # The sentences are read from the token table: a Token is made only for a word that
        # may stand for the pronoun's referent.
        table = doc_tokens(self.doc)
        idx, lower, dep, words = table.idx, table.lower, table.dep, table.text
        pronoun = token.lower_
        for n in range(current, max(current - 30, -1), -1):
            sent = sents[n]
            if n < current and quoted and quoted(idx[sent.start]) and quoted(idx[sent.end - 1]):
                continue  # a sentence of a quotation names no one the reporter refers to
            looked += 1
            if looked > 5:
                break
            limit = token.idx if n == current else sent.end_char
            if n < current and "\n" in text[sent.end_char : sents[n + 1].start_char]:
                breaks += 1
                if breaks > 1:
                    break
            ranked: list[tuple[int, int, ActorRecord]] = []
            for i in range(sent.start, sent.end):
                start = idx[i]
                if start >= limit or (quoted and quoted(start)):
                    continue
                if lower[i] == pronoun and dep[i] in NOMINAL_SUBJECT_DEPS and i < token.i:
                    # "She told the court ... She told a guard": the same pronoun as an earlier
                    # subject continues that pronoun's chain.
                    record = self._chain(table.tokens[i])
                elif plural and dep[i] in NOMINAL_SUBJECT_DEPS and table.tokens[i].conjuncts:
                    record = self._people_together(table.tokens[i])
                else:
                    record = self.actors.at(start, start + len(words[i]))
                if record is None or not self._compatible(record, gender, plural, strict):
                    continue
                ranked.append((self._role_rank(table.tokens[i]), -i if n == current else i, record))
            if ranked:
                ranked.sort(key=lambda item: (item[0], item[1]))
                best = ranked[0][2]
                if gender and strict and best.id not in self.genders:
                    self.genders[best.id] = gender
                return best
        return None

    def _people_together(self, subject: Token) -> ActorRecord | None:
        """The group a coordinated subject of two or more people forms ("Ola Brekke and his
        counterparts, Mads Holm and Aino Virta, met"), or None when it is not such a subject."""
        group_of = getattr(self.actors, "group_of", None)
        if group_of is None:
            return None
        members: list[ActorRecord] = []
        for tok in (subject, *subject.conjuncts):
            for part in (tok, *(c for c in tok.children if c.dep_ == "appos")):
                record = self.actors.at(part.idx, part.idx + len(part.text))
                if record is not None and record.kind == "person" and record not in members:
                    members.append(record)
        if len(members) < 2:
            return None
        last = max((subject, *subject.conjuncts), key=lambda t: t.i)
        start = subject.left_edge.idx
        end = last.right_edge.idx + len(last.right_edge.text)
        peers = any(t.lemma_.lower() in PEER_NOUNS for t in subject.conjuncts)
        return group_of(members, start, end, peers=peers)  # type: ignore[no-any-return]

    def _chain(self, pronoun: Token) -> ActorRecord | None:
        if pronoun.i not in self._chains:
            self._chains[pronoun.i] = None  # guards against cycles
            self._chains[pronoun.i] = self.resolve_pronoun(pronoun)
        return self._chains[pronoun.i]

    def _compatible(
        self, record: ActorRecord, gender: str | None, plural: bool, strict: bool = True
    ) -> bool:
        if plural:
            return record.kind != "person"
        if gender is None:  # "it"
            return record.kind != "person"
        if record.kind != "person":
            return False
        known = self.genders.get(record.id)
        return not (strict and known and known != gender)

    @staticmethod
    def _role_rank(tok: Token) -> int:
        """0 main-clause subject, 1 other subject, 2 anything else. A name that modifies a
        common noun ("a Tom Poe ally", "the Poe campaign") is not the subject that noun is."""
        head = tok
        for _ in range(3):
            if head.dep_ in {"compound", "flat", "amod", "appos"}:
                if head.dep_ == "compound" and head.head.pos_ == "NOUN":
                    return 2
                head = head.head
        if head.dep_ in NOMINAL_SUBJECT_DEPS:
            return 0 if head.head.dep_ == "ROOT" else 1
        if head.dep_ == "ROOT" and head.pos_ == "PROPN":
            return 1  # a name the parser made the root: the subject of a misparsed sentence
        return 2


#: Pronouns a reader resolves to one person: a subject ("he said"), an owner ("his remarks").
#: Plural ones are left out (resolving them may form a group of their own), and so is "it",
#: most often no one ("it was unclear").
_COREFERRING_PRONOUNS = frozenset({"he", "she", "his", "her"})
_COREFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


def pronoun_mentions(
    doc: Doc, actors: ActorIndex, quotes: Sequence[Quote]
) -> dict[str, set[tuple[int, int]]]:
    """The pronouns of the reporter's text that stand for an actor ("He said ...", "his
    remarks"), by actor id: mentions of it, resolved the way the speaker rules resolve a
    pronoun, so that an attribution can be checked against the actor's mentions wherever the
    text refers to the speaker, not only at the words nearest the cue the rules followed.
    Pronouns inside quotations (the speaker's own "he") are left out. Adds no actor."""
    quoted = Intervals([(q.start - 1, q.end + 1) for q in quotes if q.kind != "indirect"])

    def in_quote(char: int) -> bool:
        return char in quoted

    tokens = doc_tokens(doc)
    resolver: SpeakerResolver | None = None
    found: dict[str, set[tuple[int, int]]] = {}
    for i, lower in enumerate(tokens.lower):
        if lower == "who" and tokens.dep[i] in NOMINAL_SUBJECT_DEPS:
            # "Rask, who said ...": the noun the relative clause modifies.
            tok = tokens.tokens[i]
            clause = tok.head
            if clause.dep_ in {"aux", "auxpass"}:
                clause = clause.head  # "Murdoch, who is ... enjoying": the parser's "is"
            if clause.dep_ != "relcl" or in_quote(tok.idx):
                continue
            noun = clause.head
            record = actors.at(noun.idx, noun.idx + len(noun.text))
            if record is not None and record.kind == "person":
                found.setdefault(record.id, set()).add((tok.idx, tok.idx + len(tok.text)))
            continue
        if lower not in _COREFERRING_PRONOUNS or tokens.dep[i] not in _COREFERRING_DEPS:
            continue
        tok = tokens.tokens[i]
        if tok.pos_ != "PRON" or in_quote(tok.idx):
            continue
        if resolver is None:
            resolver = SpeakerResolver(doc, actors, quoted=in_quote)
        record = resolver.resolve_pronoun(tok)
        if record is not None:
            found.setdefault(record.id, set()).add((tok.idx, tok.idx + len(tok.text)))
    return found
