"""One record per agreement: the mentions of one agreement linked, with the step each reports.

News names one deal several ways: "signed a memorandum of intent to establish an investment
fund", then "finalising the agreement by April 26", then "a minerals deal ... going to be signed
on Thursday". A mention joins an earlier agreement when

* it is what the earlier mention was made for, in the same clause ("signed a memorandum ... to
  establish a fund": the fund's infinitive hangs on the memorandum or its verb);
* it uses a generic agreement noun (``generic_kind``: agreement, deal, accord, pact) and names
  no party of its own, or names the same parties ("the agreement", "a minerals deal"): the
  latest agreement within :data:`ANAPHORA_SENTENCES` sentences;
* it is of the same kind with the same (or no) parties within :data:`REPEAT_SENTENCES`
  sentences ("is seeking a peace settlement" ... "is striving to reach a peace settlement").

Each mention becomes a step of the record (``AgreementStep``): done with its date, due by a
deadline, expected on a forecast date, or planned. The record's status is the furthest step
done that no step still to come undoes (a signed memorandum while the deal's signing is still
expected is ``agreed``); its due date is the earliest deadline, else the earliest forecast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parley.nlp.doctext import doc_sents, doc_text
from parley.nlp.rules.negotiations import vocab
from parley.nlp.tokens import has_infinitive_to
from parley.types import Agreement, AgreementStep, DateMention

#: How far back "the agreement" / "the deal" looks for the agreement it names, in sentences.
ANAPHORA_SENTENCES = 8
#: How far apart two mentions of the same kind and parties are taken as one agreement.
REPEAT_SENTENCES = 4

#: Statuses in the order an agreement goes through them.
_RANK = {"proposed": 0, "agreed": 1, "signed": 2, "ratified": 3}
#: The status a pending step stands before: a deal whose signing is still expected is not signed.
_STEP_RANK = {"signing": 2, "ratification": 3, "approval": 3}


@dataclass
class Mention:
    """One agreement noun tied to what happened to it, as the agreement rules read it."""

    noun: Token
    kind: str
    verb: Token | None
    status: str
    pending: bool
    parties: list[str]
    due: DateMention | None = None
    date: DateMention | None = None
    said_by: str | None = None
    steps: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    #: the step the verb names ("signing"), whether the mention is about something done or to come
    step: str = ""
    #: the parties the mention names itself (before the context lends it any)
    own_parties: tuple[str, ...] = ()
    #: a pending step's date is a deadline ("by April 26"), not a forecast ("on Thursday")
    deadline: bool = False
    #: who said it, reported speech included ("according to Sybiha")
    reported_by: str | None = None
    #: talks about the agreement that took place ("done") or are going on ("ongoing")
    acted: str | None = None


@dataclass
class _Group:
    members: list[Mention] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    last_sentence: int = 0


def _sentence_of(doc: Doc) -> dict[int, int]:
    return {sent.start: i for i, sent in enumerate(doc_sents(doc))}


def _purpose_of(record: Mention, other: Mention) -> bool:
    """``record``'s verb is the to-infinitive purpose of ``other``'s noun or verb, in one
    sentence ("signed a memorandum ... to establish an investment fund")."""
    verb: Token | None = record.verb
    noun: Token = other.noun
    other_verb: Token | None = other.verb
    if verb is None or verb.sent.start != noun.sent.start:
        return False
    if not has_infinitive_to(verb):
        return False
    node = verb
    for _ in range(3):
        if node.dep_ not in ("advcl", "xcomp", "acl", "relcl", "pcomp", "prep", "pobj"):
            return False
        node = node.head
        if node.i == noun.i or (other_verb is not None and node.i == other_verb.i):
            return True
    return False


def _compatible(parties: Sequence[str], group: _Group) -> bool:
    return not parties or not group.parties or set(parties) <= set(group.parties)


def _group_for(record: Mention, groups: list[_Group], sentence: int) -> _Group | None:
    kind: str = record.kind
    own: tuple[str, ...] = record.own_parties
    generic = vocab.words("generic_kind")
    for group in reversed(groups):
        if any(_purpose_of(record, m) for m in group.members):
            return group
    for group in reversed(groups):
        gap = sentence - group.last_sentence
        if kind in generic and gap <= ANAPHORA_SENTENCES and _compatible(own, group):
            return group
        if (
            gap <= REPEAT_SENTENCES
            and any(m.kind == kind for m in group.members)
            and (set(own) == set(group.parties) or not own)
        ):
            return group
        # an older agreement is reached only past later ones whose parties do not fit
    return None


def link(records: Sequence[Mention], doc: Doc) -> list[list[Mention]]:
    """The records grouped by the agreement they mention, groups in order of first mention."""
    index = _sentence_of(doc)
    groups: list[_Group] = []
    for record in records:
        noun: Token = record.noun
        sentence = index.get(noun.sent.start, 0)
        group = _group_for(record, groups, sentence)
        if group is None:
            group = _Group()
            groups.append(group)
        group.members.append(record)
        group.last_sentence = sentence
        for code in record.parties:
            if code not in group.parties:
                group.parties.append(code)
    return [g.members for g in groups]


def _step_of(record: Mention, doc: Doc) -> AgreementStep:
    due = record.due
    done_date = record.date
    if not record.pending or record.acted == "done":
        status, when = "done", done_date
    elif due is not None:
        status, when = ("due" if record.deadline else "expected"), due
    elif record.acted == "ongoing":
        status, when = "ongoing", None
    else:
        status, when = "planned", None
    start, end = record.start, record.end
    return AgreementStep(
        step=record.step or "agreement",
        status=status,
        kind=record.kind,
        text=doc_text(doc)[start:end],
        start=start,
        end=end,
        date=when.value if when is not None else None,
        date_text=when.text if when is not None else None,
        said_by=record.reported_by,
    )


def _status(members: Sequence[Mention]) -> tuple[str, Mention | None]:
    """The furthest status reached that no step still to come undoes, and the member that
    reached it."""
    collapsed = [m for m in members if m.status == "collapsed"]
    if collapsed:
        return "collapsed", collapsed[-1]
    pending_rank = min(
        (_STEP_RANK.get(s.split(" ", 1)[0], 9) for m in members if m.pending for s in m.steps),
        default=9,
    )
    best: tuple[int, Mention | None] = (0, None)
    for member in members:
        # a pending mention keeps the status it has on its own ("may withdraw from the
        # deal" leaves it agreed; "will sign" leaves it proposed)
        rank = _RANK.get(member.status, 0)
        if rank >= pending_rank:
            rank = min(rank, _RANK["agreed"])
        if rank > best[0] or best[1] is None:
            best = (rank, member)
    status = next(k for k, v in _RANK.items() if v == best[0])
    return status, best[1]


def _kind(members: Sequence[Mention]) -> str:
    """The first generic name the article gives the agreement ("the agreement", "the deal"),
    else the first mention's kind."""
    generic = vocab.words("generic_kind")
    kinds = [m.kind for m in members]
    return next((k for k in kinds if k in generic), kinds[0])


def agreement_of(number: int, members: Sequence[Mention], doc: Doc) -> Agreement:
    """The one record of a linked agreement."""
    first = members[0]
    milestones = tuple(_step_of(m, doc) for m in members)
    status, reached = _status(members)
    parties: list[str] = []
    steps: list[str] = []
    for member in members:
        parties.extend(p for p in member.parties if p not in parties)
        # a step reported done is no longer required ("to finalise" ... then "finalised")
        if not member.pending:
            steps = [s for s in steps if s != member.step]
        steps.extend(s for s in member.steps if s not in steps)
    dated = [m for m in milestones if m.status == "due" and m.date] or [
        m for m in milestones if m.status == "expected" and m.date
    ]
    due = min(dated, key=lambda m: m.date or "") if dated else None
    said_by = next((m.said_by for m in milestones if m.said_by), None)
    date = reached.date if reached is not None else None
    start, end = first.start, first.end
    return Agreement(
        id=f"g{number}",
        kind=_kind(members),
        text=doc_text(doc)[start:end],
        start=start,
        end=end,
        parties=tuple(parties),
        status=status,
        due=due.date if due else None,
        due_text=due.date_text if due else None,
        said_by=said_by,
        steps=tuple(steps),
        date=date.value if date is not None else None,
        milestones=milestones,
    )
