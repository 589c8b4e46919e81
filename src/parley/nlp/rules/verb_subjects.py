"""The subject of a verb of saying: its own subject or passive agent, else the one it climbs to.

A verb without a subject takes it from the clause it hangs from: a participle ("..., saying")
from the verb it modifies, a conjunct from its first verb, a "to" clause from its controller
("asked her to explain"), a relative clause from the noun it modifies ("Peskov, who said").
``quoted(char)`` keeps the climb out of the quotation the verb introduces.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon
from parley.nlp.deps import NOMINAL_SUBJECT_DEPS, SPEAKER_CLIMB_DEPS
from parley.nlp.rules.modal_names import modal_name
from parley.nlp.rules.speaker_spans import RELATIVE_PRONOUNS
from parley.nlp.rules.speech_cues import OBJECT_CONTROL_VERBS, Quoted, is_speech_verb
from parley.nlp.rules.title_names import compound_name_subject, holder_of_title
from parley.nlp.tokens import has_infinitive_to
from parley.nlp.tree import aside_verb, object_of


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
            # (the participle may hang inside the phrase: the comma before it still closes it)
            comma_between = any(t.is_punct for t in verb.doc[i + 1 : verb.i])
            if comma_between and not _set_off_inside(node, i):
                # "emailed reporters with the text of the act, arguing": a phrase with no
                # apposition of its own, closed by a comma, leaves the participle to the
                # main subject.
                return None
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _set_off_inside(node: Token, last: int) -> bool:
    """Whether a noun phrase holds a comma of its own ("Anna Berg, chair of X") before the
    word ``last`` that ends it (the comma closing the phrase before the participle is not
    its own): the mark of an apposition that names who the absolute construction's
    participle is about."""
    return any(
        t.is_punct and not t.is_quote
        for t in node.doc[node.i + 1 : min(node.right_edge.i, last) + 1]
    )


def main_subject_before(verb: Token) -> Token | None:
    """The first subject in the verb's sentence before it (for a mis-attached finite verb)."""
    for tok in verb.sent:
        if tok.i >= verb.i:
            break
        if tok.dep_ in NOMINAL_SUBJECT_DEPS and tok.pos_ in {"PROPN", "NOUN", "PRON"}:
            return tok
    return None


def subject_of(verb: Token, *, depth: int = 0, quoted: Quoted = None) -> Token | None:
    """The subject of a verb, climbing through participles, conjuncts and relative clauses.

    ``quoted(char)`` tells whether a character lies inside quoted text: the reporter's verb
    never takes its subject from inside the quotation it introduces.
    """
    inverted = _inverted_inside(verb) if depth == 0 else None
    if inverted is not None and not (quoted and quoted(inverted.idx)):
        return inverted  # (not for a verb climbed to: its own subject is another's)
    decided, subject = _own_subject(verb, quoted)
    if decided:
        return subject
    if depth > 4 or verb.head.i == verb.i:
        return None
    if quoted and quoted(verb.head.idx):
        return None
    return _climbed_subject(verb, depth, quoted)


#: Parts of speech that never name a speaker: "Of Carson, Levine said" parsed with "Of" as
#: the subject is a parse gone wrong, and the search goes on as if the verb had none.
_FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE"})


def _name_shaped_word(token: Token) -> bool:
    """A capitalised word inside its sentence ("..., From said"): a surname the tagger took
    for a function word, not the capital of a sentence's first word ("Of Carson, ...")."""
    return token.text[:1].isupper() and not token.is_sent_start


#: The thing one has to say, read by the parser as the subject of "to say" ("had this to say").
_THING_WORDS = lexicon.word_set("infinitive_thing_words")


def _thing_to_say(verb: Token, subject: Token) -> bool:
    """ "Lee, whose son attends the school, had this to say": the parser made "this" the
    subject of "to say", but a "to" verb has none of its own; "this" is what Lee had."""
    return (
        subject.pos_ in {"PRON", "NOUN", "ADJ", "DET"}
        and subject.lower_ in _THING_WORDS
        and has_infinitive_to(verb)
    )


def _active_subjects(verb: Token, quoted: Quoted) -> list[Token]:
    """The verb's ``nsubj`` children that can name someone, outside quotations."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ == "nsubj"
        and (c.pos_ not in _FUNCTION_POS or _name_shaped_word(c))
        and not (quoted and quoted(c.idx))
        and not _thing_to_say(verb, c)
    ]
    if len(subjects) > 1:
        subjects = _whole_words(subjects)
    if len(subjects) > 1 and any(c.lower_ in RELATIVE_PRONOUNS for c in subjects):
        # "the agency, which he claimed wants ...": the parser gave "claimed" both the
        # relative pronoun (the subject of "wants") and its own subject; the speaker is "he".
        subjects = [c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS] or subjects
    return subjects


def _whole_words(subjects: list[Token]) -> list[Token]:
    """Subjects with a hyphenated word the parser split into several ("Another co-author said":
    "co", "-" and "author" each a subject) read as that word's last piece, "author"."""
    at = {c.i for c in subjects}
    doc = subjects[0].doc
    return [
        c
        for c in subjects
        if not (c.i + 1 in at and not c.whitespace_ and (c.text == "-" or doc[c.i + 1].text == "-"))
    ]


def _name_joined_to_role(subject: Token) -> Token | None:
    """ "Study co-author and geologist Ann Lund said": a bare singular role noun joined by "and"
    to a person's name is one person with two roles, named by the name, not two speakers."""
    if subject.tag_ != "NN" or any(c.dep_ in {"det", "poss"} for c in subject.children):
        return None
    return next((c for c in subject.rights if c.dep_ == "conj" and c.ent_type_ == "PERSON"), None)


def _nearest_named(subjects: list[Token], verb: Token) -> Token:
    """Of several subjects, the name. Two subjects means the parser split "Chile's president
    Ana Reis"; of two names ("LONDON (Reuters) - Ana Reis said", "Speaking in Salem, New
    Hampshire, Reis went on"), the one nearest before the verb."""
    aside = subject_of_aside(verb)
    if aside is not None:
        return aside
    names = [c for c in subjects if c.pos_ == "PROPN"]
    if len(names) > 1:
        before = [c for c in names if c.i < verb.i]
        return before[-1] if before else names[0]
    return names[0] if names else subjects[0]


def subject_of_aside(verb: Token) -> Token | None:
    """ "Lind, a top aide said, 'is very confident ...'": a saying clause set inside the
    sentence it reports has its own subject right before it (:func:`aside_verb`); the subject
    set off by a comma before that (or read as its apposition) is the sentence reported's."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not 0 < len(subjects) <= 2:
        return None
    first = min(subjects, key=lambda c: c.i)
    last = max(subjects, key=lambda c: c.i)
    if last.i == first.i:
        last = next((c for c in first.children if c.dep_ == "appos"), first)
    if last.i == first.i or verb.doc[last.left_edge.i - 1].text != ",":
        return None
    aside = aside_verb(last)
    return last if aside is not None and aside.i == verb.i else None


def _inverted_inside(verb: Token) -> Token | None:
    """ "The trouble with Berg, says Tomas Lind, a historian, is that ...": a verb of saying set
    first between commas inside the sentence it reports names its speaker right after it; the
    parser often makes the words before it its subject and the name the sentence's."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or verb.head.i <= verb.i or verb.i < 2 or verb.i + 2 >= len(doc):
        return None
    if doc[verb.i - 1].text != "," or not is_speech_verb(verb) or verb.tag_ not in {"VBZ", "VBD"}:
        return None
    word = doc[verb.i + 1]
    if word.pos_ != "PROPN":
        return None
    while word.dep_ in {"compound", "flat"} and word.head.i > word.i:
        word = word.head
    after = word.i + 1
    if word.pos_ != "PROPN" or after >= len(doc) or doc[after].text != ",":
        return None
    return word


def _own_subject(verb: Token, quoted: Quoted) -> tuple[bool, Token | None]:
    """(decided, subject) from the verb's own dependents: its subject, or for a passive its
    agent. ``decided`` is False when the verb has none and the search must climb."""
    subjects = _active_subjects(verb, quoted)
    if subjects:
        subject = holder_of_title(_nearest_named(subjects, verb), verb)
        return True, _name_joined_to_role(subject) or subject
    compound = compound_name_subject(verb)
    if compound is not None and not (quoted and quoted(compound.idx)):
        return True, compound
    modal = modal_name(verb)
    if modal is not None:
        return True, modal
    for child in verb.children:
        if quoted and quoted(child.idx):
            continue
        if child.dep_ == "nsubjpass":
            # "X was quoted as saying" names the speaker; "X was called 'Y'" names the topic,
            # and the speaker of a passive verb is its agent ("was denounced by X").
            if verb.lemma_ == "quote":
                return True, child
            return True, agent_of(verb)
    # "a pattern described by the bulletin as ...": a participle's agent is the speaker.
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and verb.tag_ == "VBN":
        return True, object_of(agent)
    if verb.tag_ == "VBN":
        # 'the scheme, dubbed "the land grab" by critics': the agent hung on the quoted words
        misread = _agent_after_quotation(verb)
        if misread is not None:
            return True, misread
    return False, None


def agent_of(verb: Token) -> Token | None:
    """The object of a passive verb's "by" phrase."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return object_of(agent) if agent else _agent_after_quotation(verb)


#: How the words a passive verb of calling puts on its subject hang from it ('was called [a
#: "giveaway"]', 'was described [as] a "circus"').
_CALLED_DEPS = frozenset({"oprd", "dobj", "attr", "prep"})


def _agent_after_quotation(verb: Token) -> Token | None:
    """'was called a "giveaway" by the mayor's allies': the parser hung the passive verb's "by"
    phrase on the quoted words it follows; the object of that "by", right after the closing
    mark, is the verb's agent."""
    for child in verb.children:
        if child.dep_ not in _CALLED_DEPS or child.i < verb.i:
            continue
        words = child
        if child.dep_ == "prep":
            if child.lower_ != "as":
                continue
            found = object_of(child)
            if found is None:
                continue
            words = found
        for by in words.children:
            if by.dep_ == "prep" and by.lower_ == "by" and by.i > 0 and _closes(by.doc[by.i - 1]):
                return object_of(by)
    return None


def _closes(token: Token) -> bool:
    """A closing quotation mark (or a comma or stop right after one)."""
    if token.text in {",", "."} and token.i > 0:
        token = token.doc[token.i - 1]
    return token.is_quote and token.tag_ == "''"


def _climbed_subject(verb: Token, depth: int, quoted: Quoted) -> Token | None:
    """The subject a verb without one takes from the clause it hangs from."""
    urger = _participle_after_control(verb)
    if urger is not None:
        return subject_of(urger, depth=depth + 1, quoted=quoted)
    if verb.dep_ == "xcomp":
        controller = _controller(verb, quoted)
        if controller is not None:
            return controller
    absolute = _absolute_with_subject(verb)
    if absolute is not None:
        return absolute
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
        # "..., who surprised the council by declaring ...": a gerund after a preposition is
        # the act of the verb's subject that the preposition hangs from.
        return subject_of(verb.head.head, depth=depth + 1, quoted=quoted)
    if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"PROPN", "NOUN", "PRON"}:
        return _modified_noun_subject(verb, depth, quoted)
    if verb.dep_ in SPEAKER_CLIMB_DEPS:
        head = verb.head
        above = _clause_above_participle(verb)
        if above is not None:
            # "He said the vote would be rigged, adding ...": the parser hung "adding" on
            # the reported clause (or on a clause inside it); its subject is the one who
            # stated it.
            head = above
        elif _second_saying_in_reported_clause(verb):
            head = head.head
        elif verb.dep_ == "conj" and verb.tag_ != "VBN":
            # "X was joined on stage by Y and joked, '...'": an active verb coordinated with a
            # passive one shares its surface subject, not its agent.
            shared = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "nsubjpass" and c.i < head.i and not (quoted and quoted(c.idx))
                ),
                None,
            )
            if shared is not None and head.lemma_ != "quote":
                return shared
        return subject_of(head, depth=depth + 1, quoted=quoted)
    return None


def _participle_after_control(verb: Token) -> Token | None:
    """ "Ray urged voters not to worry saying ...": a participle of saying that the parser hung
    on the "to" clause of a verb of control goes on with the act of the one who urged or
    asked, not of the one urged; the verb of control. None elsewhere."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"xcomp", "advcl"} or not is_speech_verb(verb):
        return None
    clause = verb.head
    if clause.dep_ != "xcomp" or not has_infinitive_to(clause) or clause.i > verb.i:
        return None
    governor = clause.head
    if governor.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    if not any(c.dep_ == "dobj" and c.i < clause.i for c in governor.children):
        return None
    return governor


def _controller(verb: Token, quoted: Quoted) -> Token | None:
    """Who does what a verb's "to" clause says, when not the verb's own subject: the object
    of a verb of control ("Backlash led Biden to express ...", "they asked her to explain"),
    or the subject of a passive one ("Reyes was pressed to explain ...", "she is expected to
    say"). "Sanders used the debate to demand ..." is Sanders's: "use" controls by its
    subject, and the climb goes on to it."""
    head = verb.head
    if head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        controller = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if controller is not None and controller.pos_ in {"PROPN", "PRON", "NOUN"}:
            return controller
    return next(
        (
            c
            for c in head.children
            if c.dep_ == "nsubjpass" and c.i < verb.i and not (quoted and quoted(c.idx))
        ),
        None,
    )


#: Conjunctions of time and cause that open an adverbial clause inside a speaker's sentence
#: ("as" and "while" are left out: "X asks as Y walks in, saying" is Y's act).
_ADVERBIAL_MARKS = frozenset({"after", "when", "before", "since", "because", "until"})


def _clause_above_participle(verb: Token) -> Token | None:
    """The verb whose subject a participle of saying set after a clause takes, when the parser
    hung it inside that clause: "He said the vote was rigged, adding ...", "Lee denied the
    claim that a split was coming, explaining ...", "Ray said ... after the senator won,
    remarking ...". None when the participle hangs where it belongs."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "conj"} or not is_speech_verb(verb):
        return None
    node = verb.head
    if _speaks_for_itself(node):
        return None
    for _ in range(4):
        if node.dep_ not in {"conj", "xcomp"} or node.head.i == node.i:
            break
        # "..., saying the bill was sound but was stalled - and arguing"; "Lee said Roe will
        # have to choose, saying ...": the reported clause's verb is above its conjuncts and
        # above the verbs its "to" clauses hang from.
        node = node.head
    head = node.head
    if verb.dep_ == "conj" and node is verb.head:
        return None  # a participle coordinated with the clause's own verb is its own act
    marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
    if node.dep_ == "ccomp" and is_speech_verb(head):
        return head
    if node.dep_ == "acl" and "that" in marks and head.pos_ == "NOUN":
        # "denied the notion that ...": the verb taking the noun whose content the clause is.
        governor = head.head
        if head.dep_ == "pobj" and governor.pos_ == "ADP":
            governor = governor.head
        return governor if governor.pos_ in {"VERB", "AUX"} else None
    if node.dep_ == "advcl" and marks & _ADVERBIAL_MARKS and is_speech_verb(head):
        return head
    return None


def _speaks_for_itself(node: Token) -> bool:
    """ "Roe cannot say that 'in his view,' Lee added, saying ...": a verb of saying with a
    subject of its own, set right before the participle, is the act the participle goes on
    with, even when the parser hung it inside another speaker's clause."""
    return is_speech_verb(node) and any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < node.i for c in node.children
    )


def _second_saying_in_reported_clause(verb: Token) -> bool:
    """ "She said it was too early but added, '...'": a verb of saying the parser coordinated
    with the reported clause's verb is a second act of the one who said it."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and is_speech_verb(verb)
        and head.dep_ == "ccomp"
        and is_speech_verb(head.head)
        and not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children)
    )


def _participle_on_a_place(verb: Token) -> bool:
    """ "Speaking in Dover, Lund went after Berg, calling him ...": a participle
    the parser hung on a place or a date modifies no speaker there."""
    return verb.tag_ == "VBG" and verb.head.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"}


def _modified_noun_subject(verb: Token, depth: int, quoted: Quoted) -> Token | None:
    """The subject of a relative clause or participle that modifies a noun."""
    if _participle_on_a_place(verb):
        return main_subject_before(verb)
    if verb.tag_ == "VBD" and verb.dep_ == "acl":
        # A finite verb parsed as a noun modifier ("X speaking to the think tank called
        # it ..."): the parse went wrong; the sentence's first subject is the better guess.
        return main_subject_before(verb)
    head = verb.head
    if _infinitival(verb):
        # "Ray kept trying to paint herself as ...", "Ray was the first senator to endorse
        # him": an infinitive on an object or a predicate noun is the act of the clause's
        # subject, unless a verb of control makes the object act ("asked aides to explain").
        governor = head.head
        if head.dep_ == "pobj" and governor.pos_ == "ADP" and governor.dep_ == "prep":
            governor = governor.head  # "went out of his way to say ..."
        if (head.dep_ == "attr" and head.pos_ in {"NOUN", "PROPN"}) or (
            head.dep_ in {"dobj", "pobj"}
            and head.pos_ == "NOUN"
            and governor.pos_ in {"VERB", "AUX"}
            and governor.lemma_.lower() not in OBJECT_CONTROL_VERBS
        ):
            return subject_of(governor, depth=depth + 1, quoted=quoted)
    if verb.dep_ == "acl" and head.dep_ in {"dobj", "pobj"} and head.pos_ == "NOUN":
        # "defended the choice to close it, saying ...": the participle belongs to the
        # clause whose object it hangs from, and its subject is that clause's subject;
        # "ended the debate with a joke, remarking ...": through the preposition too.
        governor = head.head
        if head.dep_ == "pobj" and governor.pos_ == "ADP" and governor.dep_ == "prep":
            governor = governor.head
        return subject_of(governor, depth=depth + 1, quoted=quoted)
    # "Peskov, who said ..." / "a statement saying ...": the noun modified is the speaker.
    return head


def _infinitival(verb: Token) -> bool:
    """A "to" clause with no subject of its own ("ways to cast", "the first to endorse")."""
    return has_infinitive_to(verb) and not any(
        c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children
    )
