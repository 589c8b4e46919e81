"""What a verb of saying reports through its object rather than a clause.

"The ministers denounced the memorandum", "vowed to keep fighting", "urged Turkey to halt its
drilling", "called on the council to act", "described the probe as a review": the object, with
what the parser hung on the verb after it, is the content. The word lists are columns of
parley/data/lexicon/speech_verbs.tsv and the .txt files named below.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp.deps import COUNT_ENTS, NOMINAL_SUBJECT_DEPS
from parley.nlp.rules.actors import ORG_WORDS, TITLE_NOUNS
from parley.nlp.rules.reported_content import MIN_CONTENT_TOKENS, content_span, relative_word
from parley.nlp.tokens import has_infinitive_to
from parley.nlp.tree import has_passive_auxiliary, object_of

#: "endorsed Berg", "backed her", "opposed the plan", "blasted it": the object of a stance or
#: of a verb whose object is what was said may be one word (PolNeAR train: a tenth of its
#: attributions have one or two words of content).
OBJECT_MIN_TOKENS = 1

# The verbs below are columns of parley/data/lexicon/speech_verbs.tsv.
#: Verbs whose noun-phrase object is what was said: "the ministers denounced the memorandum
#: between the two countries", "the navy announced a joint patrol of the strait". Not
#: "confirm" or "dismiss", whose objects are mostly acts ("confirmed the nomination",
#: "dismissed the lawsuit").
OBJECT_SPEECH_VERBS = lexicon.where_set("speech_verbs", "object_speech")
#: "the storm claimed 40 lives", "claimed 56 percent of the vote": objects that are not words.
NOT_SAID_OBJECTS = lexicon.word_set("not_said_objects")
#: Verbs that commit the speaker to an act: "vowed to keep fighting in the courts".
COMMISSIVE_VERBS = lexicon.where_set("speech_verbs", "commissive")
#: Where something was said, not what: "announced the memorandum on X", "... in a statement".
MEDIUM_NOUNS = lexicon.word_set("medium_nouns")
#: Verbs of asking someone to act: "urged Turkey to halt its drilling" reports that Turkey
#: should halt its drilling.
DIRECTIVE_VERBS = lexicon.where_set("speech_verbs", "directive")
#: Relations of what a verb's object goes on to say, hung by the parser on the verb:
#: "announced a concert in support of ...", "decried his calls to ban ...", "viewed him favorably".
OBJECT_TAIL_DEPS = frozenset({"prep", "xcomp", "advmod"})
#: Every verb whose object, rather than a clause, carries what was said (see object_content).
OBJECT_CONTENT_VERBS = lexicon.derived_set(
    "object content verbs",
    lambda: OBJECT_SPEECH_VERBS.get() | COMMISSIVE_VERBS.get() | DIRECTIVE_VERBS.get() | {"call"},
)


def object_content(doc: Doc, verb: Token) -> Span | None:
    """What a speech act verb's object, or a directive's addressee and infinitive, says."""
    lemma = verb.lemma_.lower()
    if lemma in COMMISSIVE_VERBS:
        return _promised_act(doc, verb)
    if lemma == "call":
        named = _called_as(doc, verb)
        if named is not None:
            return named
    if lemma in OBJECT_SPEECH_VERBS:
        return _said_object(doc, verb, lemma)
    if lemma in DIRECTIVE_VERBS:
        addressee = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if addressee is None and lemma != "ask":  # "asked that ...": a stance, found later
            return _mandated_clause(doc, verb)
        return _addressed_act(doc, verb, addressee)
    if lemma == "call":
        return _called_on_or_for(doc, verb)
    return None


def _promised_act(doc: Doc, verb: Token) -> Span | None:
    """ "vowed to keep fighting in the courts": the promised act, without its "to"."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None:
        return None
    return content_span(doc, [t for t in act.subtree if not (t.dep_ == "aux" and t.lower_ == "to")])


def _called_as(doc: Doc, verb: Token) -> Span | None:
    """ "called the stabbing an act of barbarity": the object and what it was called."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    named = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if obj is not None and named is not None and obj.pos_ != "PRON":
        return content_span(doc, [*obj.subtree, *named.subtree])
    return None


def portrayed_object(doc: Doc, verb: Token) -> Span | None:
    """ "described the audit as a routine check", "cast himself as an outsider": the object
    and what it is taken to be; nothing when no complement says what."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    complement = next(
        (
            c
            for c in verb.children
            if c.i > obj.i and (c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "oprd")
        ),
        None,
    )
    if complement is None or (
        # 'described him as': an "as" with nothing after it says nothing; 'dubbed the event
        # a "farce"': the named word is itself what was said
        complement.dep_ != "oprd" and not any(t.i > complement.i for t in complement.subtree)
    ):
        return None
    if relative_word(obj, verb):
        # "the planks, which Chen described as resembling bones": what the thing was called,
        # without the pronoun standing for it before the speaker, nor the "as" of the cue.
        words = [t for t in complement.subtree if t.i != complement.i or t.dep_ == "oprd"]
        return content_span(doc, words, 1)
    return content_span(doc, [*obj.subtree, *complement.subtree])


def medium_tokens(obj: Token) -> set[int]:
    """Token indices of a trailing "on Telegram", "in a statement" inside the object."""
    medium: set[int] = set()
    for prep in obj.subtree:
        pobj = object_of(prep)
        if (
            prep.dep_ == "prep"
            and pobj is not None
            and pobj.lower_ in MEDIUM_NOUNS
            and prep.right_edge.i == obj.right_edge.i  # trailing: "... on Telegram"
        ):
            medium.update(t.i for t in prep.subtree)
    return medium


def _said_object(doc: Doc, verb: Token, lemma: str) -> Span | None:
    """The noun-phrase object of "denounced", "announced", "claimed" ... as what was said."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    if obj.lemma_.lower() in NOT_SAID_OBJECTS or obj.ent_type_ in COUNT_ENTS:
        return None
    medium = medium_tokens(obj)
    # "announced the recorder" reports news about a known thing, not what was said;
    # "announced the closure of the border" says what.
    if (
        lemma == "announce"
        and any(c.lower_ == "the" and c.dep_ == "det" for c in obj.children)
        and not any(c.dep_ in {"prep", "acl", "relcl"} and c.i not in medium for c in obj.children)
    ):
        return None
    return content_span(
        doc, [t for t in obj.subtree if t.i not in medium] + object_tail(obj), min_tokens(obj)
    )


def min_tokens(obj: Token) -> int:
    """ "endorsed Berg", "backed her", "opposed it": an object that names its referent may be
    one word; a common noun phrase needs words enough to say what it is."""
    return OBJECT_MIN_TOKENS if obj.pos_ in {"PROPN", "PRON"} else MIN_CONTENT_TOKENS


def object_tail(obj: Token) -> list[Token]:
    """ "announced a concert in support of the senator", "decried his calls to ban them": what
    the parser hung on the verb right after its object, when it goes on saying what (not where
    or when it was said, nor a clause or a second act of the verb's own)."""
    verb, tail = obj.head, list[Token]()
    for c in verb.children:
        if c.i <= obj.right_edge.i:
            continue
        if c.dep_ not in OBJECT_TAIL_DEPS or is_setting(c) or c.is_punct:
            break
        if c.dep_ == "xcomp" and not has_infinitive_to(c):
            break
        tail.extend(c.subtree)
    return tail


def _addressed_act(doc: Doc, verb: Token, addressee: Token | None) -> Span | None:
    """ "urged Turkey to halt its drilling": the addressee and the act asked of it."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if addressee is None or xcomp is None or addressee.pos_ == "PRON":
        return None
    return content_span(doc, [*addressee.subtree, *xcomp.subtree])


def _mandated_clause(doc: Doc, verb: Token) -> Span | None:
    """ "ordered that the files be released", "ordered the gates be shut": the clause
    after a verb of asking is the act asked for. Not a clause before it ("X bought more, Y
    ordered stock"), nor a question ("urged whether ...", "ordered how ..."), nor the clause of
    a passive ("was convinced that ...": the subject was told, it said nothing)."""
    if has_passive_auxiliary(verb):
        return None
    for clause in verb.children:
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if (
            clause.dep_ == "ccomp"
            and clause.i > verb.i
            and clause.pos_ in {"VERB", "AUX"}
            and marks <= {"that"}
            and not clause.left_edge.tag_.startswith("W")
            and (marks or any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in clause.children))
        ):
            return content_span(doc, list(clause.subtree))
    return None


def _called_on_or_for(doc: Doc, verb: Token) -> Span | None:
    """ "called on Turkey to halt", "called for an inquiry into the crash"."""
    via = next((c for c in verb.children if c.dep_ == "prep"), None)
    if via is None or via.lower_ not in {"on", "upon", "for"}:
        return None
    addressee = object_of(via)
    if via.lower_ == "for":
        # "Amnesty called for an inquiry"; not "the plan calls for twenty years".
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if addressee is None or subject is None or not _agent_like(subject):
            return None
        return content_span(doc, list(addressee.subtree))
    return _addressed_act(doc, verb, addressee)


def _agent_like(subject: Token) -> bool:
    """A name, a pronoun, an office or an institution: someone who can call for something."""
    if subject.pos_ in {"PROPN", "PRON"}:
        return True
    lemma = subject.lemma_.lower()
    return lemma in TITLE_NOUNS or lemma in ORG_WORDS


def is_setting(child: Token) -> bool:
    """ "on Twitter", "in a statement", "on Monday", "Monday": where or when words were said."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in {"DATE", "TIME"}
    pobj = object_of(child)
    return (
        child.dep_ == "prep"
        and pobj is not None
        and (pobj.lower_ in MEDIUM_NOUNS or pobj.ent_type_ in {"DATE", "TIME"})
    )
