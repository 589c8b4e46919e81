"""Interview transcripts: who "you" is in the interviewer's turn.

A transcript sets each turn out as a paragraph opened by its speaker's label in double
parentheses ("((WN)) Your manifesto mentions ...", "((Ann Reed)) It does."). In the
interviewer's turn (its label is one of ``interviewer_labels``) "you" and "your" are the
interviewee: the speaker of the nearest turn that is not the interviewer's, after the question
or else before it. So the words the interviewer quotes back from "your website" or "your
manifesto", or says "you wrote", are the interviewee's own. Where the transcript keeps only the
questions, the interviewee is the person the article names most.

In an interviewee's turn "I" and "me" are the one the label names: "((Ann Reed)) I told him, 'No.'"
is Ann Reed's "No.", and so is a quotation in a later paragraph of the same answer, which runs
until the next label, and so are the words of a document the answer calls "my letter" or "our
statement". A "we" of the answer ("we told them, '...'") is the interviewee too: they speak for
their own side, and no other actor of the article is nearer. The interviewer's own "I" stays
no one's. Without quotation marks only a
plain past report of an exchange is one ("I told them that I would leave"): the answer itself
is the interviewee's words, and "as I said", "I would say", "I mentioned the tools before" or
"I think" add no one else's. A "he" or "she" of the answer is someone else (the one answering
says "I"), such as the relative they brought in ("my mom ... she's like, '...'"), found in the
answer or the question before it, never in a person an earlier answer brought in; no pronoun
refers to a turn's label.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.nlp.doctext import doc_text
from parley.nlp.rules.hypothetical_cues import INVERTED_CONDITION_AUX

if TYPE_CHECKING:
    from parley.nlp.rules.actors import ActorIndex, ActorRecord

#: Labels of the interviewer's turns ("((WN))").
INTERVIEWER_LABELS = lexicon.word_set("interviewer_labels")
#: Words by which the interviewer addresses the interviewee.
ADDRESSEE_WORDS = frozenset({"you", "your", "yours"})
#: Words by which the one answering names themselves.
SPEAKER_WORDS = frozenset({"i", "me", "myself"})
#: Words by which the one answering speaks for their own side ("we told them", "as we said").
SIDE_WORDS = frozenset({"we", "us"})
#: Words by which the one answering owns a document ("my letter", "our statement").
OWNER_WORDS = frozenset({"my", "our"})
#: Words opening a clause that comments on the answer itself ("as I said", "like I say").
_COMMENT_MARKS = frozenset({"as", "like", "when", "if"})
_TURN = re.compile(r"(?:^|\n)[ \t]*\(\(([^()\n]{1,60})\)\)")


def _turns(doc: Doc) -> tuple[list[int], list[str], list[int]]:
    """Where each labelled turn starts (the label's first character), its label and where the
    label ends, in text order; computed once per Doc."""
    cached = doc.user_data.get("parley.interview_turns")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    starts: list[int] = []
    labels: list[str] = []
    ends: list[int] = []
    for m in _TURN.finditer(doc_text(doc)):
        starts.append(m.start(1) - 2)
        labels.append(m.group(1).strip())
        ends.append(m.end())
    found = doc.user_data["parley.interview_turns"] = (starts, labels, ends)
    return found


def is_transcript(doc: Doc) -> bool:
    """Whether the article sets out turns of a transcript ("((WN)) ...")."""
    return bool(_turns(doc)[0])


def in_label(doc: Doc, at: int) -> bool:
    """Whether character ``at`` lies inside a turn's label ("((Ann Reed))"): a label sets out
    the transcript, and no "she" or "they" of the answers refers to it."""
    starts, _labels, ends = _turns(doc)
    i = bisect.bisect_right(starts, at) - 1
    return i >= 0 and at < ends[i]


def _is_interviewer(label: str) -> bool:
    return label.lower() in INTERVIEWER_LABELS


def interviewee(doc: Doc, at: int, actors: ActorIndex) -> ActorRecord | None:
    """The interviewee a "you" at character ``at`` addresses, when it stands in an
    interviewer's turn of a transcript; None anywhere else."""
    starts, labels, _ends = _turns(doc)
    i = bisect.bisect_right(starts, at) - 1
    if i < 0 or not _is_interviewer(labels[i]) or "\n" in doc_text(doc)[starts[i] : at]:
        return None
    others = [lab for lab in labels[i + 1 :] + labels[:i][::-1] if not _is_interviewer(lab)]
    for label in others:
        record = actors.find(label, kind="person")
        if record is not None:
            return record
    people = [r for r in actors.records if r.kind == "person" and r.mentions]
    return max(people, key=lambda r: len(r.mentions), default=None)


def turn_speaker(doc: Doc, at: int, actors: ActorIndex) -> ActorRecord | None:
    """The person whose turn of a transcript holds character ``at`` (the label's paragraph and
    the unlabelled paragraphs after it), when the label names a person of the article and is
    not the interviewer's; None anywhere else."""
    starts, labels, _ends = _turns(doc)
    i = bisect.bisect_right(starts, at) - 1
    if i < 0 or _is_interviewer(labels[i]):
        return None
    return actors.find(labels[i], kind="person")


def scene_start(doc: Doc, at: int) -> int:
    """Where the scene of an answer holding character ``at`` begins: the question before the
    answer (the turn before its own), whose people a pronoun of the answer may take up; 0
    outside an answer of a transcript."""
    starts, labels, _ends = _turns(doc)
    i = bisect.bisect_right(starts, at) - 1
    if i < 0 or _is_interviewer(labels[i]):
        return 0
    return starts[i - 1] if i > 0 else starts[i]


def is_answering_word(token: Token) -> bool:
    """Whether ``token`` is "I", "me" or "we", by which the one answering names themselves or
    their side; "US" written in capitals is the country."""
    low = token.lower_
    return low in SPEAKER_WORDS or low in SIDE_WORDS and token.text[1:].islower()


def names_the_one_answering(token: Token) -> bool:
    """Whether ``token`` can name the one answering a turn: "I", "me" or "we" as one who says
    words of their own (see :func:`speaks_as_turn`), or "my" or "our" owning a document."""
    return is_answering_word(token) and speaks_as_turn(token) or token.lower_ in OWNER_WORDS


def speaks_as_turn(subject: Token) -> bool:
    """Whether an "I" or "me" (``subject``) of a verb reports words of its own, not a comment
    on the answer ("as I said", "like I told you"), a denial ("I can't say 'X'", "I don't
    think I said 'X'") or a supposition ("Had I said 'X', ...")."""
    return not _not_said(subject.head, subject.i)


def _not_said(verb: Token, subject: int) -> bool:
    """Whether ``verb``, whose subject stands at token ``subject``, is negated (or is the
    clause of a negated verb), opens with a comment's mark, or has its auxiliary before its
    subject (a condition: "Had I said")."""
    head = verb.head if verb.dep_ in {"ccomp", "xcomp"} else verb
    return any(c.dep_ == "neg" for c in (*verb.children, *head.children)) or any(
        c.i < subject
        and (
            c.dep_ in {"mark", "advmod", "prep"}
            and c.lower_ in _COMMENT_MARKS
            or c.dep_ == "aux"
            and c.lower_ in INVERTED_CONDITION_AUX
        )
        for c in verb.children
    )


def reports_past_exchange(verb: Token, subject: Token) -> bool:
    """Whether a verb of saying whose subject is the one answering reports, in a clause after
    it, what they said at another time ("I told them that ...", "I've informed the club that
    ..."): in the past, without a modal ("I would say") and not a comment, a denial or a
    supposition."""
    past = (
        verb.tag_ == "VBD"
        or verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )
    return (
        past
        and verb.dep_ != "advcl"
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
        and not any(c.tag_ == "MD" for c in verb.children)
        and not _not_said(verb, subject.i)
    )
