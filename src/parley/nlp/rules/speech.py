"""Speech cues and their speakers: the attribution machinery shared by direct and reported speech.

A cue is a verb of saying ("said", "warned", "tweeted"), the phrase "according to", or a noun of
saying with its owner ("the envoy's claim", "in a statement"). Its speaker is the grammatical
subject, found by climbing through participles and conjuncts ("..., saying" takes the subject of
the verb it modifies), then mapped to a canonical actor: a name through the actor index, a
pronoun through the nearest salient person of the right gender, a description ("the President")
through titles, and an unnamed source ("a police spokesperson") registered as an actor of its own.

This module holds that mapping (:class:`SpeakerResolver`). The cue word lists and tests are in
:mod:`~parley.nlp.rules.speech_cues`, the speaker token in :mod:`~parley.nlp.rules.speaker_tokens`
and :mod:`~parley.nlp.rules.verb_subjects`, its words in :mod:`~parley.nlp.rules.speaker_spans`.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import AUXILIARY_DEPS, NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import doc_sents, doc_text, span_ents
from parley.nlp.rules.actors import GENDERED_WORDS, TITLE_NOUNS, ActorIndex, ActorRecord
from parley.nlp.rules.actors.state_tags import PARTY_MEMBERS
from parley.nlp.rules.actors.words import (
    DETERMINERS,
    HONORIFICS,
    OFFICE_ENDINGS,
    RELATIVE_NOUNS,
    in_latin_script,
    is_office_word,
    is_title_word,
    norm_token,
)
from parley.nlp.rules.body_officials import officials_body
from parley.nlp.rules.interviews import (
    ADDRESSEE_WORDS,
    in_label,
    interviewee,
    is_transcript,
    names_the_one_answering,
    scene_start,
    turn_speaker,
)
from parley.nlp.rules.speaker_spans import (
    named_in_a_clause,
    noun_phrase,
)
from parley.nlp.rules.speaker_tokens import (
    document_owner,
    maker_of_text,
)
from parley.nlp.rules.speaking_subjects import AGENT_ENDINGS
from parley.nlp.rules.speech_cues import (
    PEER_NOUNS,
    PRONOUNS,
    SPOKESPERSON_NOUNS,
    SPOKESPERSON_OPENINGS,
    Quoted,
    description_name,
    is_document,
    never_speaks,
)
from parley.nlp.rules.title_names import comma_after_title_phrase, persons_in_apposition
from parley.nlp.rules.unnamed_people import UnnamedPerson, own_relative, unnamed_person
from parley.nlp.tokens import TokenTable, doc_tokens
from parley.types import ActorKind


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


#: Common nouns of bodies that own a statement or a page ("the government statement").
_BODY_NOUNS = lexicon.word_set("org_words")
_DOUBLE_QUOTE_MARKS = ('"', "\u201c", "\u201d")
#: Bodies a person's name owns that speak as themselves ("Lee's foundation", "the Reed campaign").
_OWNED_BODY_NOUNS = lexicon.word_set("owned_body_nouns")
#: How the parser hangs a name on the noun it qualifies ("the Reed campaign").
_NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _asked_about(token: Token) -> bool:
    """Whether the clause of a subject (or of the thing it owns: "your plan") is a question:
    an auxiliary or a wh-word before it ("how do you plan", "what you mean")."""
    verb = token.head.head if token.dep_ == "poss" else token.head
    return any(
        c.i < token.i and (c.dep_ in AUXILIARY_DEPS or c.tag_ in {"WDT", "WP", "WRB"})
        for c in verb.children
    )


def _owner_of_relative(tok: Token, root: Token) -> bool:
    """Whether ``tok`` names only the owner of a kin or spokesperson noun heading the phrase
    ("Ann Reed's husband said": the husband speaks; "Ann Reed's wife, Jo Reed, said": Jo Reed;
    "Reed's spokeswoman said": a person of her own, not Reed), or is that noun itself (``tok
    is root``), when it has an owner."""
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or lemma not in RELATIVE_NOUNS and lemma not in SPOKESPERSON_NOUNS:
        return False
    owner = next((c for c in root.children if c.dep_ == "poss"), None)
    return owner is not None and (tok is root or owner.left_edge.i <= tok.i <= owner.i)


def _name_described(root: Token, appositive: Token) -> bool:
    """Whether ``appositive`` only describes the one a proper name ``root`` names ("Mayor
    Lincoln, a member of the Green Party", "Pim van Oss, a leader of the union"): a common
    noun phrase opened by a determiner after a comma, in apposition to a name that is no
    office. The named one speaks, not the party the description mentions; a name in
    apposition to a capitalised office ("Chief Medical Officer, Ann Holt") is its holder and
    still counts, and a dateline in capitals is no speaker ("RANGOON, Burma - Aung San Suu
    Kyi's political allies predicted")."""
    first = appositive.left_edge
    return (
        root.pos_ == "PROPN"
        and not root.text.isupper()
        and appositive.pos_ == "NOUN"
        and root.i < first.i
        and first.pos_ == "DET"
        and first.doc[first.i - 1].text == ","
        and not is_office_word(norm_token(root.text))
    )


class SpeakerResolver:
    """Maps a speaker token to a canonical actor of the article."""

    def __init__(
        self,
        doc: Doc,
        actors: ActorIndex,
        *,
        quoted: Quoted = None,
        describes: bool = False,
    ) -> None:
        self.doc = doc
        self.actors = actors
        self._quoted = quoted
        # Whether a pronoun that refers to an unnamed person ("A police officer arrived. ...
        # he said") registers that description as an actor; without it (the pronoun mentions
        # of finished output, which add no actor) such a pronoun refers to no one.
        self._describes = describes
        self._chains: dict[int, ActorRecord | None] = {}
        self._sents, self._sent_starts = _segments(doc)
        # Asked once: most articles are no transcript, and the label test runs per word.
        self._transcript = is_transcript(doc)
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
        if (
            token.lower_ in ADDRESSEE_WORDS
            and self._quotes_in_segment(token)
            and not _asked_about(token)
        ):
            # "((WN)) On your website you wrote '...'": the interviewer quotes the interviewee's
            # own words back; a question ("do you plan", "what you mean") reports no words.
            addressed = interviewee(self.doc, token.idx, self.actors)
            if addressed is not None:
                return addressed, 0.8
        if names_the_one_answering(token):
            # "((Ann Reed)) ... I said, '...'", "we told them", "my letter": the one answering.
            answering = turn_speaker(self.doc, token.idx, self.actors)
            if answering is not None:
                return answering, 0.8
        if never_speaks(token):
            return None, 0.0
        if token.lower_ in PRONOUNS:
            record = self.resolve_pronoun(token)
            return record, 0.75 if record else 0.0
        whole = _text_of_piece(token)
        owner = document_owner(whole) if whole is not token else None
        if owner is not None:
            return self.resolve(owner)  # "Part of the judge's ruling reads": the judge's words
        if is_document(token):
            owner = document_owner(token)
            if owner is not None:
                return self.resolve(owner)
            body = self._body_owning_text(token)
            if body is not None:
                return body, 0.8
            return None, 0.0  # "according to the summary": a document, not its author
        maker = maker_of_text(token)
        if maker is not None:
            return self.resolve(maker)
        phrase = phrase if phrase is not None else noun_phrase(token)
        holder = self._office_holder_after(phrase)
        if holder is not None:
            return holder, 0.95
        body = self._owned_body(phrase.root)
        if body is not None:
            return body, 0.9
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
            described = self.actors.resolve_description(phrase.text, phrase.start_char)
            if described is not None and described.kind == "person":
                described.add_mention(phrase.start_char, phrase.end_char, phrase.text)
                return described, 0.8
            return record, 0.9
        body = officials_body(phrase, self.actors)
        if body is not None:
            # "agency officials said" after the agency was named: they speak for it.
            body.add_mention(phrase.start_char, phrase.end_char, phrase.text.strip())
            return body, 0.8
        return self._described(phrase, token)

    def _body_owning_text(self, token: Token) -> ActorRecord | None:
        """ "the government statement", "the police report": a document a body's common noun
        qualifies is that body's, the one of that noun the article named before ("the
        government of Norland")."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None  # "a court document" may be any court's
        owner = next(
            (
                c
                for c in token.children
                if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in _BODY_NOUNS
            ),
            None,
        )
        if owner is None:
            return None
        body = self.actors.resolve_description(f"the {owner.text}", owner.idx)
        if body is not None and body.kind != "person":
            body.add_mention(owner.idx, owner.idx + len(owner.text), owner.text)
            return body
        return None

    def _quotes_in_segment(self, token: Token) -> bool:
        """Whether the sentence (cut at paragraph breaks) of ``token`` holds a quotation."""
        segment = self._sents[bisect.bisect_right(self._sent_starts, token.i) - 1]
        return any(mark in segment.text for mark in _DOUBLE_QUOTE_MARKS)

    def _body_named_by(self, tok: Token, root: Token, record: ActorRecord) -> ActorRecord:
        """The body a person's name inside a phrase owns or qualifies ("a spokesperson for the
        Reed campaign": the campaign, not Reed), else ``record``."""
        if (
            record.kind == "person"
            and tok.head is not root
            and (tok.dep_ == "poss" or tok.dep_ in _NAME_MODIFIER_DEPS)
        ):
            return self._owned_body(tok.head) or record
        return record

    def _owned_body(self, noun: Token) -> ActorRecord | None:
        """ "Lee's foundation said", "the Reed campaign said": a body a person's name owns or
        qualifies speaks as itself, not as the person; registered under the person's name and
        the body's noun, with the person's country."""
        if noun.pos_ != "NOUN":
            return None
        owner = next(
            (
                c
                for c in noun.children
                if c.dep_ == "poss" or (c.dep_ in _NAME_MODIFIER_DEPS and c.pos_ == "PROPN")
            ),
            None,
        )
        person = self.actors.at(owner.idx, owner.idx + len(owner.text)) if owner else None
        if person is None or person.kind != "person":
            return None
        head = self.actors.at(noun.idx, noun.idx + len(noun.text))
        if head is not None and head.kind != "person":
            return head  # "Goa's government": the index knows the body; the owner is no voice
        if noun.lower_ not in _OWNED_BODY_NOUNS:
            return None
        name = f"{person.name} {noun.lower_}"
        # Found by its whole name: a looser match would take the person for it.
        record = next(
            (r for r in self.actors.records if r.kind == "organization" and r.name == name), None
        )
        if record is None:
            record = self.actors.add(name, "organization", country=person.country)
        start = noun.left_edge.i
        if noun.doc[start].pos_ == "DET":
            start += 1
        words = noun.doc[start : noun.i + 1]
        record.add_mention(words.start_char, words.end_char, words.text)
        return record

    def _office_holder_after(self, phrase: Span) -> ActorRecord | None:
        """ "according to Dover Fire Chief, Tom Reed, ...", "according to the town's fire chief,
        Tom Reed, ...": an office the parse left apart from the name of its holder, set right
        after it by a comma; the holder speaks."""
        if phrase.root.i != phrase.end - 1 or norm_token(phrase.root.text) not in OFFICE_ENDINGS:
            return None
        return self._person_after_comma(phrase.end)

    def _person_after_comma(self, comma: int) -> ActorRecord | None:
        """The person named right after the comma at token ``comma`` ("..., Tom Reed"); None
        when that token is no comma or no person's name follows it."""
        doc = self.doc
        if comma + 1 >= len(doc) or doc[comma].text != ",":
            return None
        named = doc[comma + 1]
        if norm_token(named.text) in HONORIFICS and comma + 2 < len(doc):
            named = doc[comma + 2]  # ", Dr. Tom Reed": the name after the honorific
        record = self.actors.at(named.idx, named.idx + len(named.text))
        return record if record is not None and record.kind == "person" else None

    def _named(self, phrase: Span) -> ActorRecord | None:
        """The actor a noun phrase names. A person named in it or in apposition wins ("the
        director of the Red Cross, Lucia Marin"; "Chile's president Ana Reis"); otherwise the
        organisation its head belongs to."""
        root = phrase.root
        head = self.actors.at(root.idx, root.idx + len(root.text))
        tokens = list(phrase)
        for child in root.children:
            if child.dep_ == "appos" and head is None and _name_described(root, child):
                continue  # "Mayor Lincoln, a member of the Green Party": Lincoln speaks
            if child.dep_ == "appos" or (child.dep_ in {"compound", "flat"} and child.i > root.i):
                tokens.extend(child.subtree)
        if head is not None and _owner_of_relative(root, root):
            head = None  # "Ann Reed's husband": a mention of Reed ran over the kin noun
        if head is not None and head.kind == "person":
            # "Ivo Rask, a lawyer for Mia Holt": Rask, not Holt; but "the Navy's Chief
            # Medical Officer, Ann Holt": the title in capitals is Holt's, named after it
            return self._named_in_apposition(root) or head
        persons: list[ActorRecord] = []
        others: list[ActorRecord] = []
        for tok in tokens:
            if tok.pos_ not in {"PROPN", "NOUN", "X"}:
                continue
            record = self.actors.at(tok.idx, tok.idx + len(tok.text))
            if record is None:
                continue
            record = self._body_named_by(tok, root, record)
            if _beside_the_speaker(tok, tok, phrase, record):
                continue
            (persons if record.kind == "person" else others).append(record)
        if persons:
            return persons[-1]
        if head is not None:
            return head
        if others:
            return others[0]
        return self._tagged_in(phrase)

    def _tagged_in(self, phrase: Span) -> ActorRecord | None:
        """The first actor a named entity of ``phrase`` names that is the phrase's speaker."""
        root = phrase.root
        for ent in span_ents(phrase):
            record = self.actors.find(ent.text)
            if record is None or named_in_a_clause(ent.root, root):
                continue
            if _name_cut_short(ent[-1], root):
                continue  # (a tagged name is held to both tests, whatever its kind)
            if not _beside_the_speaker(ent.root, ent[-1], phrase, record):
                return record
        return None

    def _named_in_apposition(self, root: Token) -> ActorRecord | None:
        """The person named in apposition to ``root`` when ``root`` is a title, not a name."""
        if root.ent_type_ == "PERSON":
            return None
        for child in persons_in_apposition(root):
            record = self.actors.at(child.idx, child.idx + len(child.text))
            if record is not None and record.kind == "person":
                return record
        return None

    def _spokesperson(self, phrase: Span, body: ActorRecord) -> tuple[ActorRecord, float]:
        """The unnamed person who speaks for ``body``, registered under the article's own
        description, with the organisation's country and sector."""
        text = phrase.text.strip()
        name = description_name(phrase, SPOKESPERSON_OPENINGS)
        record = self.actors.find(name)
        if record is None:
            kind: ActorKind = "group" if phrase.root.tag_ in {"NNS", "NNPS"} else "person"
            record = self.actors.add(name, kind, country=body.country, sector=body.sector)
            record.kind = kind  # "a source within the ministry" is a person, not the ministry
        record.add_mention(phrase.start_char, phrase.end_char, text)
        return record, 0.8

    def _described(self, phrase: Span, token: Token) -> tuple[ActorRecord | None, float]:
        text = phrase.text.strip()
        # "O’Donnell" is no alpha token; an answer kept in its own script is parsed as noise.
        if not text or not any(ch.isalpha() for ch in text) or not in_latin_script(text):
            return None, 0.0
        resolve_description = getattr(self.actors, "resolve_description", None)
        if resolve_description is not None:
            record = resolve_description(text, phrase.start_char)
            if record is not None:
                record.add_mention(phrase.start_char, phrase.end_char, text)
                return record, 0.8
        if token.pos_ == "PROPN" and not _party_member(phrase):
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
        name = description_name(phrase)
        record = self.actors.find(name)
        if record is None:
            record = self.actors.add(name, kind)
            if phrase.root.lemma_.lower() in SPOKESPERSON_NOUNS:
                record.kind = kind  # "an official from the city government" is a person
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
        phrase = phrase if phrase is not None else noun_phrase(token)
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
        # In an interviewee's answer "he" or "she" is someone else: the one answering says "I".
        answering = turn_speaker(self.doc, token.idx, self.actors)
        found = self._resolve_pronoun(token, strict=True, skip=answering)
        if found is None and PRONOUNS.get(token.lower_):
            found = self._resolve_pronoun(token, strict=False, skip=answering)
        if found is None and PRONOUNS.get(token.lower_):
            found = self._last_person_before(token, skip=answering)
        if isinstance(found, UnnamedPerson):
            return self._under_description(found.phrase, "person") if self._describes else None
        return found

    def _last_person_before(
        self, token: Token, *, skip: ActorRecord | None = None
    ) -> ActorRecord | None:
        """The person of the pronoun's gender the article named last before it, however far
        back: after a long quotation or several paragraphs about others, "he said" still
        refers to the person the story has been quoting, not to no one."""
        gender = PRONOUNS.get(token.lower_)
        best: tuple[int, ActorRecord] | None = None
        scene = scene_start(self.doc, token.idx)  # an answer: its own scene, not earlier ones
        for record in self.actors.records:
            if (
                record.kind != "person"
                or self.genders.get(record.id, gender) != gender
                or record is skip
            ):
                continue
            for start, _end in record.mentions:
                if not scene <= start < token.idx or (self._quoted and self._quoted(start)):
                    continue
                if best is None or start > best[0]:
                    best = (start, record)
        return best[1] if best else None

    def _resolve_pronoun(
        self, token: Token, *, strict: bool, skip: ActorRecord | None = None
    ) -> ActorRecord | UnnamedPerson | None:
        gender = PRONOUNS.get(token.lower_)
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
        idx = table.idx
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
            ranked = self._referents_in(
                sent, limit, token, strict, rank_back=n == current, table=table, skip=skip
            )
            if ranked:
                ranked.sort(key=lambda item: (item[0], item[1]))
                best = ranked[0][2]
                if isinstance(best, UnnamedPerson):
                    return best
                if gender and strict and best.id not in self.genders:
                    self.genders[best.id] = gender
                return best
        return None

    def _referents_in(
        self,
        sent: Span,
        limit: int,
        token: Token,
        strict: bool,
        *,
        rank_back: bool,
        table: TokenTable,
        skip: ActorRecord | None = None,
    ) -> list[tuple[int, int, ActorRecord | UnnamedPerson]]:
        """What the pronoun ``token`` may refer to among the words of ``sent`` before
        ``limit``, each with its rank (the subject of the main clause first; in the pronoun's
        own sentence the nearest, ``rank_back``, else the first); never ``skip``, nor the
        label of a transcript's turn."""
        pronoun = token.lower_
        gender = PRONOUNS.get(pronoun)
        plural = pronoun in {"they", "them", "their", "we"}
        quoted = self._quoted
        idx, lower, dep, words = table.idx, table.lower, table.dep, table.text
        ranked: list[tuple[int, int, ActorRecord | UnnamedPerson]] = []
        for i in range(sent.start, sent.end):
            start = idx[i]
            if (
                start >= limit
                or (quoted and quoted(start))
                or (self._transcript and in_label(self.doc, start))
            ):
                continue
            if lower[i] == pronoun and dep[i] in NOMINAL_SUBJECT_DEPS and i < token.i:
                # "She told the court ... She told a guard": the same pronoun as an earlier
                # subject continues that pronoun's chain.
                record = self._chain(table.tokens[i])
            elif plural and dep[i] in NOMINAL_SUBJECT_DEPS and table.tokens[i].conjuncts:
                record = self._people_together(table.tokens[i])
            else:
                record = self._mentioned_at(i, start, len(words[i]))
            rank = -i if rank_back else i
            if record is None:
                described = unnamed_person(table.tokens[i], gender) or (
                    own_relative(table.tokens[i], gender) if skip is not None else None
                )
                if described is not None:
                    ranked.append((self._role_rank(table.tokens[i]), rank, described))
            elif record is not skip and self._compatible(record, gender, plural, strict):
                ranked.append((self._role_rank(table.tokens[i]), rank, record))
        return ranked

    def _mentioned_at(self, i: int, start: int, length: int) -> ActorRecord | None:
        """The actor a pronoun may refer to through the word at token ``i`` (its mention, or
        the holder of a title named after it); None for the name of a part an actor plays."""
        record = self._holder_named_after(self.actors.at(start, start + length), i)
        return None if record is None or _role_played(self.doc[i]) else record

    def _holder_named_after(self, record: ActorRecord | None, i: int) -> ActorRecord | None:
        """``record``, the actor at token ``i``; but "The Fisheries Minister, Tom Reed(,) told
        ...": a person known only by a title, whose mention at ``i`` runs into a comma and a
        person's name, is that person."""
        words = record.name.lower().split() if record is not None else []
        if record is None or record.kind != "person" or not words or words[-1] not in TITLE_NOUNS:
            return record
        end = next((e for s, e in record.mentions if s <= self.doc[i].idx < e), None)
        doc, j = self.doc, i
        while end is not None and j < len(doc) and doc[j].idx < end:
            j += 1
        other = self._person_after_comma(comma_after_title_phrase(doc, j)) if end else None
        return other if other is not None and other is not record else record

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


def _beside_the_speaker(tok: Token, last: Token, phrase: Span, record: ActorRecord) -> bool:
    """Whether the name at ``tok`` (ending at ``last``) in a speaker's phrase names someone
    beside the speaker: a person named in a clause of it, the owner of a kin or spokesperson
    noun (the tagger may take the owner for an organisation), a person qualifying a role ("a
    Biden adviser"), or a body whose name the phrase cuts short."""
    root = phrase.root
    if _owner_of_relative(tok, root):
        return True
    if record.kind == "person":
        return named_in_a_clause(tok, root) or _qualifies_role(tok, root, phrase)
    return _name_cut_short(last, root)


def _qualifies_role(tok: Token, root: Token, phrase: Span) -> bool:
    """Whether the name ``tok`` only qualifies the role noun heading a described phrase ("a
    Biden adviser", "the Wooster professor" with Wooster tagged a person): the one in the role
    speaks, not the one named."""
    return (
        tok.head.i == root.i
        and tok.dep_ in _NAME_MODIFIER_DEPS
        and phrase[0].lower_ in {"the", "a", "an"}
        and root.pos_ == "NOUN"
        and root.tag_ == "NN"
        and is_title_word(root.lower_)
    )


def _name_cut_short(tok: Token, root: Token) -> bool:
    """ "the Air force Secretary", "the Dover ethics investigators": the tagger took the
    capitalised first word of a lower-case body ("force") for a name of its own; the phrase,
    headed by a title or a noun for someone who does something, describes people, not a body
    named "Air"."""
    if root.ent_type_ or tok.i + 1 >= root.i:
        return False
    lemma = root.lemma_.lower()
    if not is_title_word(root.lower_) and not any(lemma.endswith(e) for e in AGENT_ENDINGS):
        return False  # "the Reuters news service": a body named in full
    nxt = tok.doc[tok.i + 1]
    return nxt.is_lower and nxt.pos_ == "NOUN" and not nxt.ent_type_ and nxt.head.i == root.i


#: Nouns for a part an actor plays: the name after "the character of" is no one who speaks.
_PLAYED_PARTS = frozenset({"character", "role", "part", "persona"})


def _role_played(tok: Token) -> bool:
    """ "losing the character of Ann Pratt": the name of a part an actor plays, which a later
    "she" does not refer to."""
    head = tok
    while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
        head = head.head
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _PLAYED_PARTS


#: Nouns for a piece of a text ("part", "an excerpt").
_PIECE_NOUNS = lexicon.word_set("partitive_nouns")


def _text_of_piece(token: Token) -> Token:
    """The document a piece of it comes from ("Part of the judge's ruling reads", "an
    excerpt from her letter said"); else ``token``."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _PIECE_NOUNS.get():
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
            text = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if text is not None and is_document(text):
                return text
    return token


def _party_member(phrase: Span) -> bool:
    """ "the Ohio Republican", "a Vermont Democrat": a description of a party's member, which
    is a person (or people) however the tagger capitalises it, not an organisation's name."""
    return phrase[0].lower_ in DETERMINERS and phrase.root.lemma_.lower() in PARTY_MEMBERS
