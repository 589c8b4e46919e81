"""Interview transcripts: who "you" is in the interviewer's turn.

A transcript sets each turn out as a paragraph opened by its speaker's label in double
parentheses ("((WN)) Your manifesto mentions ...", "((Ann Reed)) It does."). In the
interviewer's turn (its label is one of ``interviewer_labels``) "you" and "your" are the
interviewee: the speaker of the nearest turn that is not the interviewer's, after the question
or else before it. So the words the interviewer quotes back from "your website" or "your
manifesto", or says "you wrote", are the interviewee's own. Where the transcript keeps only the
questions, the interviewee is the person the article names most.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from parley import lexicon
from parley.nlp.doctext import doc_text

if TYPE_CHECKING:
    from parley.nlp.rules.actors import ActorIndex, ActorRecord

#: Labels of the interviewer's turns ("((WN))").
INTERVIEWER_LABELS = lexicon.word_set("interviewer_labels")
#: Words by which the interviewer addresses the interviewee.
ADDRESSEE_WORDS = frozenset({"you", "your", "yours"})
_TURN = re.compile(r"(?:^|\n)[ \t]*\(\(([^()\n]{1,60})\)\)")


def _turns(doc: Doc) -> tuple[list[int], list[str]]:
    """Where each labelled turn starts (the label's first character) and its label, in text
    order; computed once per Doc."""
    cached = doc.user_data.get("parley.interview_turns")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    starts: list[int] = []
    labels: list[str] = []
    for m in _TURN.finditer(doc_text(doc)):
        starts.append(m.start(1) - 2)
        labels.append(m.group(1).strip())
    found = doc.user_data["parley.interview_turns"] = (starts, labels)
    return found


def _is_interviewer(label: str) -> bool:
    return label.lower() in INTERVIEWER_LABELS


def interviewee(doc: Doc, at: int, actors: ActorIndex) -> ActorRecord | None:
    """The interviewee a "you" at character ``at`` addresses, when it stands in an
    interviewer's turn of a transcript; None anywhere else."""
    starts, labels = _turns(doc)
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
