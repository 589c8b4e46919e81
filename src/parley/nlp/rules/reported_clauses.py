"""The reported clause of a verb of saying: whether it is finite, and where it ends.

A clause reports speech when it has a subject of its own or opens with "that" or "whether".
It drops the speaker's second acts coordinated to it ("said ..., and mentioned an
arbitration") and another source's report set after it ("..., while others say ..."), takes
an attitude coordinated after it ("..., but trusted a deal could be reached"), mends a clause
the parser broke ("says the rise ... makes"), and runs on past a quotation that closes it
('said the plan was "peanuts," compared to the cost'). It stops before another source's
attribution the parser took for it, and says which of the clauses hung on a verb it reports:
not one before its subject when its own follows it, and both when the attribution is set in
commas between them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.nlp.deps import FINITE_SUBJECT_DEPS, FINITE_TAGS, REPORTED_CLAUSE_DEPS
from parley.nlp.rules.reported_content import (
    CLOSING_MARKS,
    STANCE_CLAUSE_VERBS,
    STANCE_INTENT_VERBS,
    content_span,
)
from parley.nlp.rules.reported_objects import DIRECTIVE_VERBS, OBJECT_SPEECH_VERBS, is_setting
from parley.nlp.rules.speech_cues import REPORTING_VERBS, SAYING_VERBS, is_according_to
from parley.nlp.tokens import mended_lemma

#: "what the mayor does can be overturned": a passive clause's clausal subject counts too.
CLAUSE_SUBJECT_DEPS = FINITE_SUBJECT_DEPS | {"csubjpass"}
CLAUSE_MARKS = frozenset({"that", "whether"})
#: Relations of a verb of saying whose words may hold a clause the parser broke: its subject
#: read as an object ("says the rise ... makes"), a preposition's object ("said about half of
#: it reflected ..."), or a gerund ("said having him on the ticket puts ...").
BROKEN_CLAUSE_DEPS = frozenset({"dobj", "dative", "prep", "xcomp", "ccomp", "dep", "npadvmod"})
#: Verbs of saying whose object is whom they speak to: "told the crowd the toll ...".
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief"})
#: How the parser hangs on the cue the words that run on after a quotation closing a reported
#: clause ('said the plan was "peanuts," compared to the cost').
RUN_ON_DEPS = frozenset({"advcl", "prep", "conj"})
#: Marks of a clause saying when the words were said, not what ("..., after the vote failed").
WHEN_MARKS = frozenset({"when", "after", "before", "while", "as", "since", "until"})


def finite_clause(verb: Token) -> bool:
    """A clause with its own subject, or opened by "that" or "whether" ("says that after the
    attacks Santilli, a veteran, was ready": the parser may miss the subject), not a bare
    infinitive or noun."""
    if verb.pos_ == "ADJ":
        # "said she would be “stunned” if ...": the tagger took a participle after "be" for an
        # adjective, which heads the clause with its subject and its "be".
        return any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children) and any(
            c.dep_ in {"aux", "auxpass", "cop"} and c.lemma_ == "be" for c in verb.children
        )
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in CLAUSE_SUBJECT_DEPS or c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS
        for c in verb.children
    )


def _is_second_act(conj: Token, verb: Token | None = None) -> bool:
    """A subjectless verb of speaking coordinated inside a reported clause is the speaker's
    next act ("said that the parliament did not ratify the deal, and mentioned an
    arbitration"); any other ("he was not working on a timeline, but hoped ...") is part of
    what was said."""
    lemma = conj.lemma_.lower()
    if verb is not None and verb.tag_ != conj.tag_:
        # "says he spoke to X and asked him to ...": a verb in another tense than the
        # reporting verb's belongs to what was reported.
        return False
    if _shares_perfect(conj):
        return False
    return (
        conj.dep_ == "conj"
        and conj.pos_ == "VERB"
        and not finite_clause(conj)
        and (lemma in REPORTING_VERBS or lemma in OBJECT_SPEECH_VERBS or lemma in DIRECTIVE_VERBS)
    )


def _shares_perfect(conj: Token) -> bool:
    """ "showed that Berg had shared the post and added a comment": a verb coordinated
    without a comma to a perfect ("had shared") shares its "had", and with it its subject;
    not one with a clause of its own ("... and added that ...": the speaker's next words)."""
    head = conj.head
    return (
        head.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
        and conj.tag_ in {"VBD", "VBN"}
        and not any(t.text == "," for t in conj.doc[head.i : conj.i])
        and not any(c.dep_ in REPORTED_CLAUSE_DEPS for c in conj.children)
    )


def clause_tokens(clause: Token) -> list[Token]:
    """The reported clause without the speaker's second acts coordinated to it, and without
    another's report set after it (:func:`another_report`)."""
    dropped: set[int] = set()
    for conj in clause.children:
        if _is_second_act(conj, clause.head):
            dropped.update(t.i for t in conj.subtree)
            dropped.update(c.i for c in clause.children if c.dep_ == "cc" and c.i < conj.i)
    cut = min(another_report(clause), interrupting_attribution(clause))
    return [t for t in clause.subtree if t.i not in dropped and t.i < cut]


def interrupting_attribution(clause: Token) -> int:
    """Where another source's attribution that the parser took for the reported ``clause``
    starts: 'cannot argue that "on balance," Marsh added, ...' has the words before ", Marsh
    added," hung on "added". The reported clause ends before that attribution's subject (and
    the comma or closing mark before it); the document's length when the clause is none."""
    doc = clause.doc
    subject = next((c for c in clause.children if c.dep_ in FINITE_SUBJECT_DEPS), None)
    if (
        subject is None
        or subject.i > clause.i
        or clause.lemma_.lower() not in SAYING_VERBS.get()
        or any(c.dep_ in REPORTED_CLAUSE_DEPS and c.i > clause.i for c in clause.children)
    ):
        return len(doc)
    start = subject.left_edge.i
    before = doc[start - 1] if start > 0 else None
    if before is None or not (before.text == "," or before.text in CLOSING_MARKS):
        return len(doc)
    if not any(t.i < start and not t.is_punct for t in clause.subtree if t.i > clause.head.i):
        return len(doc)
    return start


#: Phrases a report by another source is set in at the end of a reported clause ("..., with
#: local papers claiming ...").
WITH_WORDS = frozenset({"with"})


def another_report(clause: Token) -> int:
    """Where a report by another source set after the reported ``clause`` starts: a clause
    with a subject and a verb of saying of its own, coordinated or subordinated to it ("the
    bridge will hold, while others say it needs new cables"; "..., and the mayor says ...")
    or in a "with" phrase ("the ferry sank, with two papers claiming it was overloaded").
    That report is its own entry, wherever in the clause the parser hung it; the document's
    length when there is none."""
    doc = clause.doc
    end = len(doc)
    for child in clause.subtree:
        if child.i <= clause.i or child.i >= end or _in_relative_clause(child, clause):
            continue
        verb, subject = child, None
        if _set_against(child):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        elif child.dep_ == "prep" and child.lower_ in WITH_WORDS:
            verb, subject = _with_report(child)
        if subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
            continue
        if subject.tag_ in {"WDT", "WP"} or subject.lower_ == "that":
            continue  # "... and that said will should be ...": the same report goes on
        start = child.left_edge.i
        while start > clause.i and doc[start - 1].dep_ in {"cc", "mark", "punct"}:
            start -= 1
        # "the toll was 5; the agency reported 6": after a semicolon, what it reports may be a
        # mere figure
        if _reports(verb, loosely=";" in doc[start : child.left_edge.i].text):
            end = start
    return end


def _in_relative_clause(token: Token, clause: Token) -> bool:
    """``token`` stands in a clause that modifies a noun of ``clause`` ("the provision, which
    the mayor opposed and the governor said he would veto"): part of a description."""
    head = token.head
    while head.i != clause.i and head.head.i != head.i:
        if head.dep_ in {"relcl", "acl"}:
            return True
        head = head.head
    return token.dep_ in {"relcl", "acl"}


#: Marks of a clause set against the reported one ("..., while others say ...").
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})


def _set_against(child: Token) -> bool:
    """A clause with a tense of its own coordinated to a reported clause ("..., and Lee says
    ...") or set against it by "while" ("..., while others say ..."), not one saying when or
    why ("... when a doctor reported it", "... after he told the paper")."""
    if child.dep_ == "conj":
        return child.tag_ in FINITE_TAGS
    return child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in child.children
    )


def _with_report(prep: Token) -> tuple[Token, Token | None]:
    """The verb and its subject of "with two papers claiming ...", however it is parsed (the
    noun as the object of "with" and the verb its modifier, or the verb as "with"'s clause)."""
    for c in prep.children:
        if c.dep_ == "pcomp":
            return c, next((s for s in c.children if s.dep_ == "nsubj"), None)
        if c.dep_ == "pobj":
            verb = next((a for a in c.children if a.dep_ == "acl"), None)
            if verb is not None:
                return verb, c
    return prep, None


def _reports(verb: Token, *, loosely: bool = False) -> bool:
    """A verb of saying with a clause of what was said ("others say flight began ..."), not
    a verb of saying used for something else ("with the port adding two cranes"); ``loosely``,
    with any words of its own."""
    lemma = verb.lemma_.lower()
    return (
        verb.pos_ == "VERB"
        and lemma in SAYING_VERBS
        and any(c.dep_ == "ccomp" or loosely and c.dep_ == "dobj" for c in verb.children)
    )


def coordinated_attitude(verb: Token, clause: Token) -> list[Token]:
    """ "said she had no date in mind for the vote, but trusted a deal could be
    reached": a subjectless verb coordinated to the reporting verb after its clause, that is
    no verb of saying itself but takes a clause of its own, continues what was reported."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= clause.right_edge.i:
            continue
        if any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in conj.children):
            # "predicted that wages would fall, but that overtime would offset any loss": a
            # second "that" clause the parser hung on the reporting verb.
            return list(verb.doc[clause.right_edge.i + 1 : conj.right_edge.i + 1])
        if (
            conj.pos_ == "VERB"
            and conj.lemma_.lower() not in REPORTING_VERBS
            and not any(c.dep_ in FINITE_SUBJECT_DEPS for c in conj.children)
            and any(c.dep_ in REPORTED_CLAUSE_DEPS and finite_clause(c) for c in conj.children)
        ):
            return list(verb.doc[clause.right_edge.i + 1 : conj.right_edge.i + 1])
        if verb.i < clause.i and (_backshifted(verb, conj) or _contrast_goes_on(verb, conj)):
            return list(verb.doc[clause.right_edge.i + 1 : conj.right_edge.i + 1])
    return []


def _contrast_goes_on(verb: Token, conj: Token) -> bool:
    """ "Lee said the pier was sound, but the ramp needs work": a clause with its own subject
    and tense set against the reported one by "but" goes on with what was said; not one that
    holds words or a stance of its own ("..., but the mayor said ...", "..., but officials
    fear the toll will rise": their own entries), nor one whose subject points back at the
    report ("..., but that is not what the study found")."""
    subject = next((c for c in conj.children if c.dep_ in FINITE_SUBJECT_DEPS), None)
    return (
        subject is not None
        and subject.lower_ not in {"that", "this"}
        and any(c.dep_ == "cc" and c.lower_ == "but" and c.i < conj.i for c in verb.children)
        and (
            conj.tag_ in FINITE_TAGS
            or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in conj.children)
        )
        and not any(_holds_own_words(t) for t in conj.subtree)
    )


def _holds_own_words(token: Token) -> bool:
    """A verb of saying, thought or intent, or any verb with a clause of its own."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in SAYING_VERBS.get()
        or lemma in STANCE_CLAUSE_VERBS.get()
        or lemma in STANCE_INTENT_VERBS.get()
        or any(c.dep_ == "ccomp" for c in token.children)
    )


#: Modals of a clause reported in the past ("said the app will run ..., and users would be
#: able to ...").
BACKSHIFTED_MODALS = frozenset({"would", "could", "might", "should"})


def _backshifted(verb: Token, conj: Token) -> bool:
    """ "Lee said the app will run on phones, and users would be able to move files": a clause
    with its own subject coordinated to a verb of saying in the past, whose modal is the one
    reported speech shifts into, goes on with what was said."""
    return (
        verb.tag_ == "VBD"
        and any(c.dep_ in FINITE_SUBJECT_DEPS for c in conj.children)
        and any(c.dep_ == "aux" and c.lower_ in BACKSHIFTED_MODALS for c in conj.children)
    )


def second_acts(verb: Token) -> list[Token]:
    """The speaker's second acts the parser hung on ``verb``'s reported clause."""
    return [
        c
        for clause in verb.children
        if clause.dep_ in REPORTED_CLAUSE_DEPS
        for c in clause.children
        if _is_second_act(c, verb)
    ]


def broken_clause(doc: Doc, verb: Token) -> Span | None:
    """ "The bureau said roughly a third of the drop came from storms", "Berg says the toll that
    traders decry also hurts the port": a clause whose subject the parser took for the verb's
    object or a preposition's is still what was said. The words after the verb are, when they
    hold a finite verb outside a clause of place or time ("said at a rally where he ...")
    or open with "that"; an addressee before them ("told the crowd") is left out."""
    right = [c for c in verb.children if c.i > verb.i and c.dep_ in BROKEN_CLAUSE_DEPS]
    if len(right) > 1 and _addressee(verb, right[0]):
        right = right[1:]  # "told the crowd the toll ...": the first object is whom
    words = sorted((t for c in right for t in c.subtree), key=lambda t: t.i)
    if not words or words[0].i > verb.i + 3:
        return None
    finite = next((t for t in words if _finite_outside_setting(t, verb)), None)
    that = _that_after_setting(words, right)
    if finite is None and that is None:
        return None
    if that is not None:
        words = [t for t in words if t.i > that.i]
    else:
        # "wrote on Twitter on Monday the ferry ...": where and when it was said come first.
        setting = {t.i for c in right if is_setting(c) for t in c.subtree}
        words = [t for t in words if t.i not in setting]
    # "a vote she said was a mistake": the subject stands before the speaker, and what was
    # said after the verb is its predicate (as PolNeAR annotates it).
    return content_span(doc, words)


def _that_after_setting(words: list[Token], right: list[Token]) -> Token | None:
    """ "said on television on Sunday that the mayor ...": the "that" after which what was
    said starts, with only the setting (the verb's dependants ``right`` of place and time)
    before it; not "says the toll that traders decry ..."."""
    that = next((t for t in words if t.lower_ == "that" and t.pos_ == "SCONJ"), None)
    if that is None:
        return None
    setting = {t.i for c in right if c.dep_ in {"prep", "npadvmod"} for t in c.subtree}
    return None if any(t.i < that.i and t.i not in setting for t in words) else that


def run_on_after_quote(doc: Doc, content: Span | None, cue: Token) -> Span | None:
    """'said the plan was "peanuts," compared to the cost': a reported clause that ends at a
    closing quotation mark runs on over the words after the mark that the parser hung on the
    cue, when they continue it (not when or where it was said, nor another act of saying)."""
    if content is None or content.start <= cue.i or not _closes_quotation(content):
        return content
    after = content.end
    while after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc) or doc[after].sent.start != cue.sent.start:
        return content
    child = next((c for c in cue.children if c.left_edge.i == after), None)
    if child is None or not _continues(child):
        return content
    return content_span(doc, list(doc[content.start : child.right_edge.i + 1])) or content


def _closes_quotation(content: Span) -> bool:
    """A content whose last word is the closing mark of a quotation opened within it (not the
    apostrophe of "the States'")."""
    last = content[-1]
    if not last.is_punct or last.text not in CLOSING_MARKS:
        return False
    text = content[:-1].text
    return "“" in text if last.text == "”" else last.text in text


def _continues(child: Token) -> bool:
    """Words hung on a cue that continue its reported clause rather than set it."""
    if child.dep_ not in RUN_ON_DEPS or is_setting(child) or is_according_to(child):
        return False
    if any(t.lemma_.lower() in REPORTING_VERBS for t in child.subtree if t.pos_ == "VERB"):
        return False  # "..., and she said ..." or "..., adding ...": another act of saying
    if child.dep_ == "conj":
        # "said the surveys were "far off," and the contest was tight": a clause of its own.
        return child.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in FINITE_SUBJECT_DEPS for c in child.children
        )
    # "..., when asked about it": when it was said.
    return not any(c.dep_ in {"mark", "advmod"} and c.lower_ in WHEN_MARKS for c in child.children)


def _addressee(verb: Token, child: Token) -> bool:
    """Whom ``verb`` speaks to: a pronoun or the object of "tell" ("told the crowd"), not the
    subject the parser took for an object ("remarked toilet paper is ...")."""
    return child.dep_ == "dative" or (
        child.dep_ == "dobj" and (child.pos_ == "PRON" or verb.lemma_.lower() in ADDRESSEE_VERBS)
    )


def _finite_outside_setting(token: Token, verb: Token) -> bool:
    """A finite verb of the words after ``verb`` that is no part of a clause of place, time or
    manner hung on a noun ("at a rally where he spoke")."""
    if token.tag_ not in FINITE_TAGS:
        return False
    head = token
    while head.i != verb.i and head.head.i != head.i:
        if head.dep_ in {"relcl", "acl", "advcl"} and not any(
            c.lower_ == "that" for c in head.children if c.i < head.i
        ):
            return False
        head = head.head
    return True


def _subject_before(verb: Token) -> Token | None:
    """The verb's own subject set before it ("the port office said"), else None."""
    return next((c for c in verb.children if c.dep_ in FINITE_SUBJECT_DEPS and c.i < verb.i), None)


def without_clause_before_subject(verb: Token, clauses: list[Token]) -> list[Token]:
    """ "Although the mayor praised it - "is it not a beauty?" - residents said they were
    unconvinced": a verb of saying whose clause follows it straight after its subject reports
    that clause, not one the parser also hung on it from before its subject (an attribution
    set off by commas, "It is no surprise, Garin said, that ...", may split what it reports)."""
    subject = _subject_before(verb)
    if subject is None or verb.i + 1 >= len(verb.doc) or verb.nbor().is_punct:
        return clauses
    if not any(c.left_edge.i == verb.i + 1 and not _bare_attribution(c) for c in clauses):
        return clauses
    return [c for c in clauses if c.i > subject.left_edge.i]


def around_attribution(doc: Doc, verb: Token, spans: list[Span | None]) -> Span | None:
    """ "The repairs will take the summer, the port office said, leaving the quay closed":
    an attribution set off by commas inside what it reports, with a clause hung on the verb
    on each side, reports both and the attribution between them."""
    subject = _subject_before(verb)
    if subject is None or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    lo = subject.left_edge.i
    if lo == 0 or doc[lo - 1].text != ",":
        return None
    before = [s for s in spans if s is not None and s.end <= lo]
    after = [s for s in spans if s is not None and s.start > verb.i]
    if not before or not after:
        return None
    start = min(s.start for s in before)
    if any(_own_attribution(t) for t in doc[start:lo]):
        return None  # "Lee said A, and when asked, he said, B": the words before are Lee's
    return doc[start : max(s.end for s in after)]


def _own_attribution(token: Token) -> bool:
    """A verb of saying with its own subject, or a colon or semicolon that ends a sentence's
    first part: what comes before it is no part of a later attribution's words."""
    if token.text in {":", ";"}:
        return True
    return (
        token.pos_ == "VERB"
        and mended_lemma(token).lower() in SAYING_VERBS.get()
        and any(c.dep_ in FINITE_SUBJECT_DEPS for c in token.children)
    )


def _bare_attribution(clause: Token) -> bool:
    """ "..., the paper reported the governor said.": a verb of saying with nothing after it,
    whose own words are the ones before."""
    return mended_lemma(clause).lower() in SAYING_VERBS.get() and not any(
        c.i > clause.i and not c.is_punct for c in clause.children
    )
