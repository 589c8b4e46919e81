"""Short phrases in quotation marks that nobody in their sentence is said to utter.

News sets words in marks that are not speech: a scare quote in the reporter's own sentence
(a lede's 'a "new" strain was found'), a term or a label, the other name of a thing ("the
disease, or 'X fever'"). A quotation that takes its speaker from the context, not from a cue
in its own sentence, is such a phrase when it is short and verbless, and its sentence holds no
word of saying, no person, no verb that characterises and no "as" before the marks, and does
not follow the cue's own sentence. The clauses a paragraph's speaker goes on saying, and the
fragments a verb of saying in the same sentence reports, stay quotations.

Two shapes name a thing whatever the sentence's cue: the name a participle gives the noun
before it ('a technique called "spoofing"', with no "by" phrase naming who calls it so), and a
term in marks after the noun that names it, as the subject of a clause about it ('the term
"fair use" is not defined'). The cue's speaker said something about the thing or the term,
not the words in marks; on PolNeAR such quotations had the nearest subject or the named thing
itself for speaker. So does a term the reporter defines, by its abbreviation in brackets or
the kind of thing it is ('"harbour fever" (HBF)'), and the value of a noun such as "theme"
('the theme chosen is "X"').
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from parley import lexicon
from parley.nlp.deps import FINITE_TAGS, NOMINAL_SUBJECT_DEPS
from parley.nlp.doctext import span_ents
from parley.nlp.rules.characterising import CHARACTERISING_VERBS
from parley.nlp.rules.places import names_a_thing
from parley.nlp.rules.quote_frames import Draft
from parley.nlp.rules.speech_cues import is_according_to, is_speech_noun, is_speech_verb
from parley.nlp.rules.verb_subjects import agent_of
from parley.nlp.tree import has_passive_auxiliary, is_reduced_passive

#: The longest phrase (in words) taken for a term rather than words someone said.
_LONGEST_TERM = 5


def unvoiced_in_sentence(draft: Draft, words: list[str]) -> bool:
    """Whether a partial quotation of a few words got its speaker from outside its sentence
    while its sentence holds no verb, noun or phrase of saying: the reporter's term, not a
    quotation ("An 'unusual' ballot was found on Monday.")."""
    tokens, cue_span = draft.tokens, draft.cue_span
    span_start, span_end = draft.span.start, draft.span.end
    if draft.kind != "partial" or draft.syntactic or tokens is None or not len(tokens):
        return False
    if len(words) > _LONGEST_TERM:
        return False
    sent = tokens[0].sent
    if cue_span is not None and sent.start_char <= cue_span[0] < sent.end_char:
        return False
    if any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return False  # a clause or a verb phrase: the words someone goes on saying
    if _names_someone(sent, span_start, span_end) or _cue_just_before(sent, cue_span):
        return False
    if _cast_as(sent, tokens):
        return False
    return not any(_says(tok) and not span_start <= tok.idx < span_end for tok in sent)


#: Pronouns that stand for people: a sentence about someone may carry their words.
_PERSONAL = lexicon.word_set("personal_pronouns")


def _names_someone(sent: Span, span_start: int, span_end: int) -> bool:
    """Whether the sentence, outside the quotation, names a person or refers to one by a
    pronoun ("Lee blamed it on 'X'", "He voiced a wish for a 'Y'"): its words may be theirs."""
    personal = _PERSONAL.get()
    if any(
        ent.label_ == "PERSON"
        and not span_start <= ent.start_char < span_end
        and not names_a_thing(ent)  # "a strain of Avian Flu": a disease, not a person
        for ent in span_ents(sent)
    ):
        return True
    return any(
        not span_start <= tok.idx < span_end and tok.pos_ == "PRON" and tok.lower_ in personal
        for tok in sent
    )


def _cast_as(sent: Span, tokens: Span) -> bool:
    """Whether the sentence casts someone or something in the quoted words: a verb that
    characterises ("lauded the mayor as a 'true friend'") or "as" right before the marks
    ("introduced her as 'a fighter'"): the words are the subject's, whoever the parse says."""
    characterising = CHARACTERISING_VERBS.get()
    if any(t.pos_ == "VERB" and t.lemma_.lower() in characterising for t in sent):
        return True
    doc = tokens.doc
    i = tokens.start - 1
    while i >= sent.start and (doc[i].is_punct or doc[i].pos_ == "DET"):
        i -= 1
    return i >= sent.start and doc[i].lower_ == "as"


def _cue_just_before(sent: Span, cue_span: tuple[int, int] | None) -> bool:
    """Whether the cue that gave the speaker stands in the sentence right before this one
    ("'...,' she says. It is 'a new kind of X.'"): the speaker goes on."""
    if cue_span is None or sent.start == 0:
        return False
    previous = sent.doc[sent.start - 1].sent
    return previous.start_char <= cue_span[0] < previous.end_char


def _says(tok: Token) -> bool:
    """A verb, noun or phrase of saying (a weak verb such as "found" too: kept to be safe).
    A passive verb with no clause of its own ("has been found in a pond", "was confirmed on
    Monday") reports no words: it tells what happened to a thing."""
    if is_speech_verb(tok):
        return not _passive_without_clause(tok)
    return is_according_to(tok) or is_speech_noun(tok)


_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "dobj", "attr", "oprd"})


def _passive_without_clause(verb: Token) -> bool:
    children = list(verb.children)
    reduced = is_reduced_passive(verb)  # "a strain found in ducks"
    passive = reduced or has_passive_auxiliary(verb)
    return passive and not any(c.dep_ in _CLAUSES for c in children)


#: "..., or 'X'", "(X or colloquially 'Y')": another name offered for what was just named.
_OTHER_NAME_BEFORE = re.compile(
    r"(?:,|\)|\b[A-Z]{2,})\s+or\s+(?:(?:colloquially|commonly|simply|popularly|informally)\s+)?$"
)


def other_name(text: str, open_at: int, tokens: Span | None, words: list[str]) -> bool:
    """A bare noun phrase in marks offered as the other name of what was just named ("fever,
    or 'X flu'"; "(XYZ or commonly 'Y')"): a name, not speech. A phrase with a determiner or
    a verb ('a plan, or "a disaster"') may be a characterisation and stays."""
    if tokens is None or not len(tokens) or not 0 < len(words) <= 4:
        return False
    before = text[max(0, open_at - 40) : open_at]
    if not _OTHER_NAME_BEFORE.search(before):
        return False
    content = [t for t in tokens if not t.is_punct]
    if not content or content[-1].pos_ not in {"NOUN", "PROPN"}:
        return False
    return not any(t.pos_ in {"DET", "PRON", "VERB", "AUX"} for t in content)


def scare_modifier(tokens: Span | None, kind: str, syntactic: bool) -> bool:
    """One word in marks set before the noun it modifies ("the 'new' water"), in a quotation
    no cue governs: the reporter keeping a word at a distance, not a quotation."""
    if kind != "partial" or syntactic or tokens is None:
        return False
    content = [t for t in tokens if not t.is_punct]
    if len(content) != 1:
        return False
    word = content[0]
    doc = tokens.doc
    after = tokens.end
    while after < len(doc) and doc[after].is_punct and doc[after].is_quote:
        after += 1
    if _names_someone(word.sent, word.idx, word.idx + 1):
        return False  # "Lee's 'tiny' plan": the person may have said it
    return (
        word.dep_ in {"amod", "compound"}
        and after < len(doc)
        and word.head.i == after
        and doc[after].pos_ in {"NOUN", "PROPN"}
    )


#: Participles that give the noun before them its name ('a process called "X"').
_NAME_GIVING = lexicon.word_set("name_giving_verbs")
#: A participle after its noun ('a tool called "X"') or set before the clause whose subject
#: it names ('Known as "X", the valley ...').
_PARTICIPLE_DEPS = frozenset({"acl", "advcl"})
#: How the name hangs from the participle: 'called ["X"]', 'known [as "X"]'.
_NAME_DEPS = frozenset({"oprd", "attr", "xcomp", "dobj", "acomp"})


def _top(tokens: Span) -> Token | None:
    """The quoted word whose head lies outside the quotation."""
    return next((t for t in tokens if not tokens.start <= t.head.i < tokens.end), None)


def name_given(tokens: Span | None) -> bool:
    """A quotation that names the noun a naming participle modifies, with no "by" phrase saying
    who named it: 'a technique called "spoofing"', 'a tool dubbed "ghost mode"', 'a disorder
    referred to as "X"'. It tells what the thing is called, whoever the nearest subject is.
    'critics called the plan "a disaster"' (a subject) and 'a plan called "a disaster" by
    critics' (an agent) name who said it and stay quotations."""
    if tokens is None or not len(tokens):
        return False
    top = _top(tokens)
    if top is None:
        return False
    node = top
    while node.dep_ == "conj" and node.head.i < node.i:  # 'called "X" or "Y"': the first name
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "as":  # 'known as "X"', 'referred to as'
        node = node.head
        while node.dep_ == "prep" and node.head.dep_ == "prep":
            node = node.head
        attached = node.dep_ == "prep"
    else:
        attached = node.dep_ in _NAME_DEPS
    verb = node.head
    return (
        attached
        and verb.i < tokens.start
        and verb.dep_ in _PARTICIPLE_DEPS
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in _NAME_GIVING.get()
        and not any(_clause_or_second_object(c, node) for c in verb.children)
        and agent_of(verb) is None
    )


#: Children that make a participle after a noun a clause of its own, not a reduced relative.
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "mark", "aux", "auxpass"})
#: The objects a verb of calling takes: the one called and what it is called.
_OBJECT_DEPS = frozenset({"oprd", "dobj", "attr", "xcomp", "dative"})


def _clause_or_second_object(child: Token, name: Token) -> bool:
    """A subject ('charges that Lee called "X"') or a second object ('a man called Reed
    "a liar"'): the parser took a finite verb for a participle; someone does the calling."""
    return child.dep_ in _CLAUSE_DEPS or child.i != name.i and child.dep_ in _OBJECT_DEPS


#: Nouns (and verbs) that set a name, term or title in marks after them: "the term", "the song".
_NAMING_WORDS = lexicon.word_set("naming_words")
#: How a term in marks hangs from the noun before it that names it.
_TERM_DEPS = frozenset({"appos", "amod", "nmod", "acl"})


def term_spoken_of(tokens: Span | None) -> bool:
    """A term in marks after the noun that names it ("the term", "the phrase", "the word"),
    as the subject of a clause that says something about it ('the term "fair use" is not
    defined', 'the phrase "public interest" is too vague'): the term is mentioned, not
    uttered, whoever reports the clause. A term a verb of saying has for subject ('the slogan
    "X" was chanted') or whose user a "by" phrase names stays a quotation."""
    if tokens is None or not len(tokens):
        return False
    content = [t for t in tokens if not t.is_punct]
    top = _top(tokens)
    if top is None or not 0 < len(content) <= _LONGEST_TERM:
        return False
    noun = _term_noun(tokens, top)
    if noun is None:
        return False
    if noun.dep_ not in NOMINAL_SUBJECT_DEPS:
        return _subject_by_place(tokens, noun)
    return not is_speech_verb(noun.head) and agent_of(noun.head) is None


def _subject_by_place(tokens: Span, noun: Token) -> bool:
    """Whether "the term" with its term in marks stands where a subject stands though the
    parser hung it elsewhere: after "the" (and any modifiers), at the start of a clause, and
    before a finite verb that is not one of saying, with at most a prepositional phrase
    between ('writes that the term "due process" in the charter requires', 'says the
    Amendment phrase "due process" referred to ...')."""
    doc = tokens.doc
    i = noun.i - 1
    while i >= 0 and doc[i].pos_ in {"ADJ", "PROPN", "NOUN", "NUM"}:
        i -= 1
    if i < 0 or doc[i].lower_ != "the":
        return False
    opener = doc[i - 1] if i > 0 else None
    if opener is not None and not (
        opener.lower_ == "that" or is_speech_verb(opener) or opener.is_punct
    ):
        return False  # 'used the term "X"': the object of a verb, the user's words
    after = tokens.end
    while after < len(doc) and doc[after].is_quote:
        after += 1
    j = after
    if j < len(doc) and doc[j].pos_ == "ADP":  # 'in the charter'
        j += 1
        while j < len(doc) and doc[j].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}:
            j += 1
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1
    if j >= len(doc) or doc[j].tag_ not in FINITE_TAGS:  # no mark crossed: the same clause
        return False
    return not is_speech_verb(doc[j])


#: What follows a term being defined: its abbreviation ('"harbour fever" (HBF)') or the kind
#: of thing it is ('a "calm order", a type of court injunction').
_DEFINED_AFTER = re.compile(
    r"^\W{0,2}\s*(?:\((?:[A-Z][A-Za-z0-9-]*[A-Z0-9])\)|,\s+(?:a|an|one)\s+"
    r"(?:type|kind|form|sort|class|variety)\s+of\b)"
)


def defined_term(text: str, close_at: int | None, width: int, words: list[str]) -> bool:
    """A short noun phrase in marks that the reporter follows with its abbreviation in brackets
    or with the kind of thing it is: a term being defined, not speech ('a case of "harbour
    fever" (HBF)', 'applied for a "calm order", a type of court injunction')."""
    if close_at is None or not 0 < len(words) <= _LONGEST_TERM:
        return False
    if words[-1][-1:] in {".", "!", "?"}:
        return False
    return bool(_DEFINED_AFTER.match(text[close_at + width : close_at + width + 60]))


#: Nouns whose value is a name given to a thing: 'the theme is "X"', 'its codename, "X"'.
_NAME_HOLDING = lexicon.word_set("name_holding_nouns")


def named_by_its_noun(tokens: Span | None) -> bool:
    """A quotation that is the value of a noun naming it: set beside it ('this year's theme,
    "Know Your Status"'), after "is" with it for subject ('the theme chosen is "X"') or
    subject of "is" with it after ('"X" was the theme of the night'). A
    day's theme, a codename or a nickname is a name, not words anyone is said to say; a
    slogan chanted or written on a sign stays a quotation (the noun list has no "slogan")."""
    if tokens is None or not len(tokens):
        return False
    top = _top(tokens)
    if top is None:
        return False
    holding = _NAME_HOLDING.get()
    head = top.head
    if top.dep_ == "appos" and head.i < tokens.start and head.lemma_.lower() in holding:
        return True
    if head.lemma_ != "be":
        return False
    if top.dep_ == "nsubj":  # '"Safe streets" was the theme of the night'
        return any(c.dep_ == "attr" and c.lemma_.lower() in holding for c in head.children)
    if top.dep_ not in {"attr", "xcomp", "ccomp", "acomp"}:
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.i < head.i and subject.lemma_.lower() in holding


def _term_noun(tokens: Span, top: Token) -> Token | None:
    """The head of the noun phrase that names the quoted term, when the word right before the
    marks is a noun that names it: that noun when the term hangs from it ('the term ["fair
    use"]') or stands beside it as a second subject of the same verb; the quoted word when the
    parser made the noun its compound ('[the term "X"]')."""
    doc = tokens.doc
    i = tokens.start - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].pos_ != "NOUN" or doc[i].lower_ not in _NAMING_WORDS.get():
        return None
    noun = doc[i]
    if top.head.i == noun.i and top.dep_ in _TERM_DEPS:
        return noun
    if top.head.i == noun.head.i and top.dep_ == noun.dep_:
        return noun
    return top if noun.head.i == top.i and noun.dep_ == "compound" else None
