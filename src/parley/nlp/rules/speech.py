"""Speech cues and their speakers: the attribution machinery shared by direct and reported speech.

A cue is a verb of saying ("said", "warned", "tweeted"), the phrase "according to", or a noun of
saying with its owner ("Trump's claim", "in a statement"). Its speaker is the grammatical subject,
found by climbing through participles and conjuncts ("..., saying" takes the subject of the verb it
modifies), then mapped to a canonical actor: a name through the actor index, a pronoun through
the nearest salient person of the right gender, a description ("the President") through titles,
and an unnamed source ("a police spokesperson") registered as an actor of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley.nlp.rules.actors import ActorIndex, ActorRecord

SPEECH_VERBS = frozenset(
    """say tell add warn write tweet insist state explain announce ask reply respond answer claim
    argue note declare comment remark conclude acknowledge admit assert affirm maintain suggest
    stress emphasize emphasise urge describe report recall reiterate predict promise pledge vow
    threaten confirm deny complain joke exclaim shout testify post caution observe mention accuse
    criticize criticise praise question demand allege concede counter retort quip agree disagree
    blast slam decry lament welcome hail read proclaim reveal inform assure
    advise recommend indicate contend opine muse boast brag concur dismiss rule
    tell""".split()
)
# Verbs that introduce reported speech with a clause (a subset: "praise" takes no clause).
REPORTING_VERBS = frozenset(
    """say tell add warn write tweet insist state explain announce claim argue note declare
    comment remark conclude acknowledge admit assert affirm maintain suggest stress emphasize
    emphasise report recall reiterate predict promise pledge vow threaten confirm deny complain
    allege concede counter reveal inform assure indicate contend testify rule""".split()
)
SPEECH_NOUNS = frozenset(
    """claim statement remark remarks comment comments words tweet post message warning promise
    pledge vow assertion declaration announcement speech letter opinion ruling address interview
    testimony communique communiqué decree verdict judgment judgement report words""".split()
)
# Nouns for documents that speak for their author ("the opinion of the Court read ...").
DOCUMENT_NOUNS = frozenset(
    """statement opinion ruling report letter decree communique communiqué tweet post message
    judgment judgement verdict release document order bill law constitution""".split()
)
NP_PREPOSITIONS = frozenset({"for", "of", "at", "from", "with"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "ccomp", "dep"})
PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": None, "them": None, "it": None, "we": None, "i": None,
}
HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "madam": "f", "dame": "f", "lady": "f", "lord": "m"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue: its token and the tokens naming the speaker (may be empty)."""

    token: Token
    text: str


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS


def is_according_to(token: Token) -> bool:
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def is_speech_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS


def cue_text(token: Token) -> str:
    if is_according_to(token):
        return "according to"
    particle = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *particle])


def _absolute_with_subject(verb: Token) -> Token | None:
    """In "..., with MP Anna Berg, chair of X, stating that ...", the noun before the participle."""
    if verb.tag_ != "VBG":
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    node = verb.doc[i]
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.lower_ == "with" and node.right_edge.i >= i:
            # "with Meloni, saying" is the main subject's participle; "with X stating" and
            # "with X, chair of Y, stating" are absolute constructions with X as subject.
            comma_between = any(t.is_punct for t in verb.doc[node.right_edge.i + 1 : verb.i])
            if comma_between and node.right_edge.i == node.i:
                return None
            return node
        if node.head is node:
            break
        node = node.head
    return None


def subject_of(verb: Token, *, depth: int = 0) -> Token | None:
    """The subject of a verb, climbing through participles, conjuncts and relative clauses."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    if depth > 4 or verb.head is verb:
        return None
    absolute = _absolute_with_subject(verb)
    if absolute is not None:
        return absolute
    if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"PROPN", "NOUN", "PRON"}:
        # "Peskov, who said ..." / "a statement saying ...": the noun modified is the speaker.
        return verb.head
    if verb.dep_ in CLIMB_DEPS:
        return subject_of(verb.head, depth=depth + 1)
    return None


def noun_owner(noun: Token) -> Token | None:
    """The possessor of a noun: a ``poss`` child, or (when the parse missed it) a word marked
    with 's a few tokens to the left inside the same phrase ("Trump's earlier campaign claim")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    doc = noun.doc
    for i in range(noun.i - 1, max(noun.i - 5, -1), -1):
        tok = doc[i]
        if tok.tag_ == "POS" and i > 0:
            return doc[i - 1]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "ADP", "SCONJ"}:
            break
    return None


def speaker_token(cue: Token) -> Token | None:
    """The token that names who is speaking for a cue token (verb, 'according to' or noun)."""
    if is_according_to(cue):
        for prep in cue.children:
            if prep.lower_ == "to":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    if cue.pos_ == "NOUN":
        owner = noun_owner(cue)
        if owner is not None:
            return owner
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        head = cue.head
        if cue.dep_ == "pobj" and head.lower_ in {"in", "through", "via"}:
            return subject_of(head.head)
        if cue.dep_ in SUBJECT_DEPS:
            return None
        return None
    subject = subject_of(cue)
    if subject is not None and subject.lower_ in {"who", "that", "which"}:
        # "Peskov, who said": the relative pronoun stands for the noun it modifies.
        rel = subject.head
        if rel.dep_ == "relcl":
            return rel.head
    return subject


def _noun_phrase(token: Token) -> Span:
    """The noun phrase headed by ``token``, without relative clauses, appositions or commas."""
    doc = token.doc
    keep = {"compound", "amod", "det", "poss", "nmod", "prep", "pobj", "case", "nummod",
            "quantmod", "flat", "punct"}
    left, right = token.i, token.i
    for child in token.lefts:
        if child.dep_ in keep and child.dep_ != "punct":
            left = min(left, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in {"compound", "flat"} or (
            child.dep_ == "prep" and child.lower_ in NP_PREPOSITIONS
        ):
            right = max(right, child.right_edge.i)
    span = doc[left : right + 1]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    return span


def _document_owner(token: Token) -> Token | None:
    """For "the opinion of the Court" or "the ministry's statement", the owner token."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


class SpeakerResolver:
    """Maps a speaker token to a canonical actor of the article."""

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.actors = actors
        self.genders: dict[str, str] = {}
        self._learn_genders()

    # -- gender evidence ------------------------------------------------------------------
    def _learn_genders(self) -> None:
        for record in self.actors.records:
            if record.gender:
                self.genders[record.id] = record.gender
        for token in self.doc:
            gender = HONORIFICS.get(token.lower_)
            if gender and token.i + 1 < len(self.doc):
                nxt = self.doc[token.i + 1]
                record = self.actors.at(nxt.idx, nxt.idx + len(nxt.text))
                if record is not None and record.kind == "person":
                    self.genders.setdefault(record.id, gender)
        for sent in self.doc.sents:
            persons = {
                r.id: r
                for t in sent
                if t.dep_ in SUBJECT_DEPS
                for r in [self.actors.at(t.idx, t.idx + len(t.text))]
                if r is not None and r.kind == "person"
            }
            if len(persons) != 1:
                continue
            (record_id,) = persons
            found = {PRONOUNS[t.lower_] for t in sent if t.lower_ in {"himself", "herself"}}
            if len(found) == 1:
                self.genders.setdefault(record_id, found.pop() or "")

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, token: Token) -> tuple[ActorRecord | None, float]:
        """The actor a speaker token refers to and a confidence in that answer."""
        if token.lower_ in PRONOUNS:
            record = self.resolve_pronoun(token)
            return record, 0.75 if record else 0.0
        if token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS:
            owner = _document_owner(token)
            if owner is not None:
                return self.resolve(owner)
        phrase = _noun_phrase(token)
        record = self._named(phrase)
        if record is not None:
            return record, 0.95
        return self._described(phrase, token)

    def _named(self, phrase: Span) -> ActorRecord | None:
        for tok in [phrase.root, *phrase]:
            record = self.actors.at(tok.idx, tok.idx + len(tok.text))
            if record is not None and tok.pos_ in {"PROPN", "NOUN", "X"}:
                return record
        for ent in phrase.ents:
            record = self.actors.find(ent.text)
            if record is not None:
                return record
        return None

    def _described(self, phrase: Span, token: Token) -> tuple[ActorRecord | None, float]:
        text = phrase.text.strip()
        if not text or not any(t.is_alpha for t in phrase):
            return None, 0.0
        resolve_description = getattr(self.actors, "resolve_description", None)
        if resolve_description is not None:
            record = resolve_description(text, phrase.start_char)
            if record is not None:
                record.add_mention(phrase.start_char, phrase.end_char, text)
                return record, 0.8
        if token.pos_ == "PROPN":
            name = text[4:] if text.lower().startswith("the ") else text
            record = self.actors.find(name) or self.actors.add(name, "organization")
            record.add_mention(phrase.start_char, phrase.end_char, text)
            return record, 0.8
        # An unnamed source: the article's own description is the best name it gives.
        name = text[0].lower() + text[1:] if text[:2] in {"A ", "An", "Th"} else text
        record = self.actors.find(name)
        if record is None:
            kind = "group" if token.tag_ in {"NNS", "NNPS"} else "person"
            record = self.actors.add(name, kind)  # type: ignore[arg-type]
        record.add_mention(phrase.start_char, phrase.end_char, text)
        return record, 0.6

    def resolve_pronoun(self, token: Token) -> ActorRecord | None:
        """he/she: the nearest salient person of that gender; they/it: the nearest organisation."""
        gender = PRONOUNS.get(token.lower_)
        offset = token.idx
        want_person = token.lower_ in {"he", "him", "his", "himself", "she", "her", "hers", "herself", "i"}
        candidates = self.actors.mentions_before(offset)
        best: ActorRecord | None = None
        best_score = -1.0
        for start, record in candidates:
            if offset - start > 2500:
                continue
            if want_person and record.kind != "person":
                continue
            if not want_person and record.kind == "person" and token.lower_ in {"it"}:
                continue
            known = self.genders.get(record.id)
            if gender and known and known != gender:
                continue
            tok = self._token_at(start)
            salience = 1.0 if tok is not None and self._is_subjectish(tok) else 0.0
            same_paragraph = "\n" not in self.doc.text[start:offset]
            # Recency dominates; a subject mention outweighs a closer non-subject one, and a
            # person of the pronoun's own paragraph outweighs both.
            score = start / max(offset, 1) + salience * 0.5 + (1.0 if same_paragraph else 0.0)
            if score > best_score:
                best, best_score = record, score
        if best is not None and gender and best.id not in self.genders:
            self.genders[best.id] = gender
        return best

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    @staticmethod
    def _is_subjectish(token: Token) -> bool:
        head = token
        for _ in range(3):
            if head.dep_ in SUBJECT_DEPS:
                return True
            if head.dep_ in {"compound", "flat", "appos", "amod"}:
                head = head.head
                continue
            break
        return False
