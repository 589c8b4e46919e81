"""Negotiation tracking: agreements and their status, due dates and open steps; each party's
conditions and demands as separate items; ultimatums and deadlines.

The rules read the dependency parse around a small lexicon we wrote:

* an **agreement** is an agreement noun (deal, memorandum, treaty, ceasefire, fund, ...) tied to
  a status verb: its object ("signed a memorandum"), its passive subject ("is going to be
  signed"), or a verb in its relative clause ("a deal which ... is going to be signed"). Whether
  the action happened (status ``signed``) or is still to come (status ``proposed``, due date, the
  action listed as a required step) comes from modals, "going to", infinitives and "with the goal
  of". Parties are the subject's countries, "between X and Y", "with X", or the last agreement's
  parties when the article goes on about "the agreement".
* a **step still required** is a nominal step (ratification, approval, vote) said to be pending
  ("the assembly must still approve the ratification" -> "ratification by the assembly").
* a **condition** is the list after "conditions ... including" or the object of demand verbs
  ("insisted on", "is seeking"), one item per conjunct.
* an **ultimatum** is a short deadline ("a matter of days", "within 48 hours ... or") or the
  nouns ultimatum / deadline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from parley.nlp.doctext import doc_sents, doc_text, ent_at
from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.casualties import country_of
from parley.types import Agreement, Condition, DateMention, Quote

AGREEMENT_NOUNS: dict[str, str] = {
    "agreement": "agreement",
    "deal": "deal",
    "memorandum": "memorandum",
    "mou": "memorandum",
    "treaty": "treaty",
    "accord": "accord",
    "pact": "pact",
    "ceasefire": "ceasefire",
    "truce": "ceasefire",
    "armistice": "ceasefire",
    "fund": "fund",
    "protocol": "protocol",
    "roadmap": "roadmap",
    "convention": "treaty",
    "charter": "treaty",
}
# Nouns that are agreements only with a telling modifier ("peace settlement", "peace plan").
QUALIFIED_NOUNS: dict[str, tuple[set[str], str]] = {
    "settlement": ({"peace", "political", "negotiated", "final"}, "settlement"),
    "plan": ({"peace"}, "plan"),
    "framework": ({"agreement", "peace", "trade"}, "framework"),
    "partnership": ({"economic", "strategic"}, "partnership"),
}
# Verb lemma -> (status when done, the step it names when still to come).
STATUS_VERBS: dict[str, tuple[str, str]] = {
    "sign": ("signed", "signing"),
    "ink": ("signed", "signing"),
    "countersign": ("signed", "signing"),
    "reach": ("agreed", "agreement"),
    "agree": ("agreed", "agreement"),
    "conclude": ("agreed", "conclusion"),
    "strike": ("agreed", "agreement"),
    "clinch": ("agreed", "agreement"),
    "seal": ("agreed", "agreement"),
    "broker": ("agreed", "agreement"),
    "finalise": ("agreed", "finalisation"),
    "finalize": ("agreed", "finalisation"),
    "complete": ("agreed", "finalisation"),
    "accept": ("agreed", "acceptance"),
    "extend": ("agreed", "extension"),
    "renew": ("agreed", "renewal"),
    "implement": ("agreed", "implementation"),
    "establish": ("agreed", "establishment"),
    "create": ("agreed", "establishment"),
    "launch": ("agreed", "launch"),
    "ratify": ("ratified", "ratification"),
    "approve": ("ratified", "approval"),
    "collapse": ("collapsed", "collapse"),
    "scrap": ("collapsed", "withdrawal"),
    "abandon": ("collapsed", "withdrawal"),
    "withdraw": ("collapsed", "withdrawal"),
    "suspend": ("collapsed", "suspension"),
    "cancel": ("collapsed", "cancellation"),
    "terminate": ("collapsed", "termination"),
    "reject": ("collapsed", "rejection"),
    "quit": ("collapsed", "withdrawal"),
    "exit": ("collapsed", "withdrawal"),
    "breach": ("collapsed", "breach"),
    "expire": ("collapsed", "expiry"),
    "propose": ("proposed", "proposal"),
    "offer": ("proposed", "offer"),
    "draft": ("proposed", "drafting"),
    "negotiate": ("proposed", "negotiation"),
    "discuss": ("proposed", "negotiation"),
    "pursue": ("proposed", "negotiation"),
    "seek": ("proposed", "negotiation"),
    "table": ("proposed", "proposal"),
    "broke": ("collapsed", "collapse"),
    "break": ("collapsed", "collapse"),
    # Verbs that reach the agreement through a preposition (VERB_PREPS) need a status too.
    "accede": ("agreed", "accession"),
    "adhere": ("agreed", "compliance"),
    "return": ("agreed", "return"),
    "rejoin": ("agreed", "return"),
    "pull": ("collapsed", "withdrawal"),
    "back": ("collapsed", "withdrawal"),
}
COLLAPSE_STATUSES = {"collapsed"}
# Status verbs that reach their agreement through a preposition ("withdrew from the deal").
VERB_PREPS = {
    ("agree", "to"),
    ("agree", "on"),
    ("agree", "upon"),
    ("withdraw", "from"),
    ("exit", "from"),
    ("quit", "from"),
    ("sign", "onto"),
    ("sign", "to"),
    ("sign", "on"),
    ("negotiate", "on"),
    ("negotiate", "over"),
    ("pull", "from"),
    ("back", "from"),
    ("accede", "to"),
    ("adhere", "to"),
    ("return", "to"),
    ("rejoin", "to"),
}
MEDIATOR_VERBS = {"propose", "broker", "offer", "mediate", "table", "draft", "push"}
MODAL_WORDS = {"will", "would", "may", "might", "could", "should", "can", "must", "shall", "'ll"}
# Verbs whose infinitive complement has not happened yet: "expected to sign", "aims to reach".
PENDING_HEADS = {
    "go",
    "expect",
    "plan",
    "aim",
    "hope",
    "want",
    "seek",
    "intend",
    "set",
    "due",
    "try",
    "work",
    "push",
    "attempt",
    "prepare",
    "propose",
    "need",
    "have",
    "agree",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "refuse",
    "fail",
    "continue",
    "effort",
    "goal",
    "intention",
    "bid",
    "expectation",
    "view",
    "purpose",
    "order",
}
STEP_NOUNS: dict[str, str] = {
    "ratification": "ratification",
    "approval": "approval",
    "signing": "signing",
    "signature": "signing",
    "implementation": "implementation",
    "finalisation": "finalisation",
    "finalization": "finalisation",
    "endorsement": "endorsement",
    "referendum": "referendum",
}
PENDING_CUES = {
    "would",
    "will",
    "must",
    "need",
    "needs",
    "require",
    "requires",
    "still",
    "await",
    "awaits",
    "pending",
    "subject",
    "yet",
    "last",
    "final",
    "before",
    "until",
    "should",
}
CONDITION_NOUNS = {
    "condition": "condition",
    "precondition": "condition",
    "prerequisite": "condition",
    "term": "condition",
    "requirement": "condition",
    "demand": "demand",
}
DEMAND_VERBS: dict[str, str] = {
    "demand": "demand",
    "insist": "condition",
    "require": "condition",
    "seek": "demand",
    "call": "demand",
    "want": "demand",
    "condition": "condition",
    "press": "demand",
}
# A list is a negotiating position only when it, or its sentence, is about negotiation:
# "called for free school meals" is a campaign promise, not a condition.
NEGOTIATION_WORDS = {
    "ceasefire",
    "truce",
    "peace",
    "talk",
    "negotiation",
    "withdrawal",
    "sanction",
    "guarantee",
    "release",
    "prisoner",
    "hostage",
    "deal",
    "agreement",
    "treaty",
    "troop",
    "recognition",
    "independence",
    "autonomy",
    "compensation",
    "reparation",
    "security",
    "border",
    "corridor",
    "monitor",
    "exchange",
    "settlement",
    "accord",
    "armistice",
    "disarmament",
    "sovereignty",
    "territory",
    "occupation",
    "blockade",
    "tariff",
    "concession",
    "demilitarization",
    "demilitarisation",
    "annexation",
    "referendum",
    "peacekeeper",
    "peacekeeping",
    "negotiator",
    "pact",
    "memorandum",
    "fire",
    "withdraw",
    "dialogue",
    "summit",
    "mediation",
}
PARTY_NOUNS = {
    "government",
    "administration",
    "side",
    "delegation",
    "leadership",
    "president",
    "minister",
    "ministry",
    "official",
    "negotiator",
    "leader",
    "parliament",
    "cabinet",
    "regime",
    "country",
    "state",
    "kremlin",
    "army",
    "military",
    "rebel",
    "opposition",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "embassy",
    "they",
    "we",
    "he",
    "she",
}
LIST_CUES = {"including", "include", "includes", "such", "namely", "like"}
IMPOSING_VERBS = {"give", "set", "issue", "impose", "deliver", "hand", "present"}
TIME_UNITS = {"day", "days", "week", "weeks", "hour", "hours", "month", "months"}
THREAT_CUES = {
    "or",
    "otherwise",
    "unless",
    "else",
    "face",
    "consequences",
    "move",
    "walk",
    "threaten",
    "threatened",
    "warned",
    "warn",
    "ultimatum",
}
OPEN_QUOTES = '“"‘«'
CLOSE_QUOTES = '”"’»'
_SENT_END = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")


@dataclass
class _Record:
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


# -- helpers --------------------------------------------------------------------------------


def _ent_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    return ent_at(token.doc, token.i)


def _countries(tokens: Iterable[Token], actors: ActorIndex | None = None) -> list[str]:
    """Country codes named in ``tokens``: entities, demonyms, capitals ("the US and Ukraine")."""
    found: list[str] = []
    seen: set[int] = set()
    for token in tokens:
        if token.i in seen:
            continue
        code: str | None = None
        ent = _ent_of(token)
        if ent is not None and ent.label_ in ("GPE", "NORP", "ORG", "LOC"):
            seen.update(range(ent.start, ent.end))
            code = country_of(ent.text)
        elif ent is not None and ent.label_ == "PERSON":
            seen.update(range(ent.start, ent.end))
            record = actors.at(ent.start_char, ent.end_char) if actors is not None else None
            # the small model tags some capitals as persons ("Yerevan would sign")
            code = (record.country if record else None) or country_of(ent.text)
        elif token.pos_ in ("PROPN",) or (token.pos_ == "ADJ" and token.text[:1].isupper()):
            code = country_of(token.text)
        if code and code not in found:
            found.append(code)
    return found


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    tokens: list[Token] = []
    for subject in subjects:
        tokens.extend(subject.subtree)
    return tokens


def _is_pending(verb: Token) -> bool:
    """The action is still to come: modal, "going to", infinitive, "with the goal of ...ing"."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_WORDS:
                return True
            if child.dep_ == "neg":
                return True
            if child.dep_ == "aux" and child.lower_ == "to":
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "once"):
                return True
        if node.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj"):
            head = node.head
            if head.lemma_.lower() in PENDING_HEADS and node.dep_ in (
                "xcomp",
                "pcomp",
                "acl",
                "advcl",
            ):
                return True
            if (
                node.dep_ == "pcomp"
                and head.dep_ == "prep"
                and head.head.lemma_.lower() in PENDING_HEADS
            ):
                return True
            if node.dep_ in ("relcl", "conj", "ccomp", "advcl"):
                node = head
                continue
            node = head
            continue
        if node.dep_ == "pcomp" or (node.dep_ == "pobj" and node.tag_ == "VBG"):
            prep = node.head
            if prep.head.lemma_.lower() in PENDING_HEADS:
                return True
        break
    return False


DECIDING_HEADS = {"agree", "decide", "vote", "resolve", "move"}


def _decided_by(verb: Token) -> Token | None:
    """The asserted "agreed"/"decided" a to-infinitive hangs on ("agreed to extend"), if any."""
    if verb.dep_ != "xcomp":
        return None
    head = verb.head
    if head.lemma_.lower() not in DECIDING_HEADS or _is_pending(head):
        return None
    return head


def _agreement_kind(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    text = noun.lower_
    if lemma in AGREEMENT_NOUNS:
        return AGREEMENT_NOUNS[lemma]
    if text in ("cease-fire", "ceasefire"):
        return "ceasefire"
    # "cease-fire" split into cease / - / fire
    if (
        text == "fire"
        and noun.i >= 2
        and noun.doc[noun.i - 1].text == "-"
        and (noun.doc[noun.i - 2].lower_ == "cease")
    ):
        return "ceasefire"
    if lemma in QUALIFIED_NOUNS:
        cues, kind = QUALIFIED_NOUNS[lemma]
        if any(c.lower_ in cues for c in noun.lefts):
            return kind
    return None


def _status_verb(noun: Token) -> Token | None:
    """The verb that says what happened to the agreement noun, if the parse ties one to it."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in STATUS_VERBS:
        return head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in ("collapse", "expire", "break"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if (verb.lemma_.lower(), head.lower_) in VERB_PREPS and verb.pos_ in ("VERB", "AUX"):
            return verb
    if noun.dep_ == "conj":
        return _status_verb(noun.head)
    # "a pact which I think is going to be signed": a passive status verb in the relative clause,
    # reached through verbs only (not "seen as a component of a proposed partnership").
    for child in noun.children:
        if child.dep_ != "relcl":
            continue
        frontier = [child]
        while frontier:
            token = frontier.pop(0)
            if (
                token.lemma_.lower() in STATUS_VERBS
                and token.pos_ == "VERB"
                and any(c.dep_ == "auxpass" for c in token.children)
            ):
                return token
            frontier.extend(c for c in token.children if c.dep_ in ("ccomp", "xcomp", "conj"))
    return None


def _speaker_of(
    offset: int, doc: Doc, quotes: Sequence[Quote], actors: ActorIndex | None
) -> str | None:
    """Who said the words at ``offset``: the speaker the quote rule gave the quotation there.

    The quote rule is the one judge of what is a quotation and whose it is; words outside any
    quotation it found were said by no one in particular.
    """
    for quote in quotes:
        if quote.start <= offset < quote.end and quote.kind != "indirect":
            return quote.speaker.name if quote.speaker else None
    return None


def _date_after(verb: Token, dates: Sequence[DateMention], doc: Doc) -> DateMention | None:
    """The date a clause points to: the nearest date after the verb, before the sentence ends."""
    start = verb.idx
    best: DateMention | None = None
    for mention in dates:
        if mention.start < start or mention.start - start > 90 or not mention.value:
            continue
        between = doc_text(doc)[start : mention.start]
        if _SENT_END.search(between) or ";" in between:
            continue
        if best is None or mention.start < best.start:
            best = mention
    return best


def _deadline_before(verb: Token, dates: Sequence[DateMention], doc: Doc) -> DateMention | None:
    """A "by April 26" deadline earlier in the same sentence."""
    sent = verb.sent
    for mention in dates:
        if sent.start_char <= mention.start < verb.idx and mention.value:
            lead = doc_text(doc)[max(sent.start_char, mention.start - 8) : mention.start].lower()
            if mention.text.lower().startswith(
                ("by ", "before ", "until ")
            ) or lead.rstrip().endswith(("by", "before", "until")):
                return mention
    return None


def _date_on(verb: Token, dates: Sequence[DateMention]) -> DateMention | None:
    """The date attached to a past action ("signed ... on Thursday")."""
    sent = verb.sent
    inside = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.value]
    if not inside:
        return None
    return min(inside, key=lambda d: abs(d.start - verb.idx))


def _between_parties(
    tokens: Iterable[Token],
    actors: ActorIndex | None,
    preps: tuple[str, ...] = ("between", "among", "with"),
) -> list[str]:
    """Countries after "between", "with" or "among" in ``tokens``."""
    parties: list[str] = []
    for token in tokens:
        if token.dep_ == "prep" and token.lower_ in preps:
            for code in _countries(token.subtree, actors):
                if code not in parties:
                    parties.append(code)
    return parties


# -- agreements -----------------------------------------------------------------------------


def _parties_for(noun: Token, verb: Token | None, actors: ActorIndex | None) -> list[str]:
    parties: list[str] = []

    def add(codes: Iterable[str]) -> None:
        for code in codes:
            if code not in parties:
                parties.append(code)

    # A mediator proposing "a truce between X and Y" is not a party to it.
    if verb is not None and verb.lemma_.lower() in MEDIATOR_VERBS:
        # the mediator ("Russia brokered a cease-fire") is not a party; the parties are named
        # with "between", or the sentence leaves them to the context
        return _between_parties(noun.children, actors, ("between", "among")) or _between_parties(
            noun.sent, actors, ("between", "among")
        )
    # "a US-Ukraine deal", "the Iran nuclear deal"
    add(
        _countries(
            [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")], actors
        )
    )
    if verb is not None:
        add(
            _countries(
                [t for t in _subjects(verb) if not (noun.left_edge.i <= t.i <= noun.right_edge.i)],
                actors,
            )
        )
    add(_between_parties(noun.children, actors))
    node = verb
    hops = 0
    while node is not None and hops < 4:
        subjects = [
            t for t in _subjects(node) if not (noun.left_edge.i <= t.i <= noun.right_edge.i)
        ]
        add(_countries(subjects, actors))
        add(_between_parties(node.children, actors))
        for child in node.children:
            if child.dep_ == "agent":
                add(_countries(child.subtree, actors))
        if parties or node.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "acl"):
            break
        node = node.head if node.dep_ != "pcomp" else node.head.head
        hops += 1
    if not parties:
        sent = noun.sent
        add(_between_parties(sent, actors, ("between", "among")))
    return parties


PENDING_WORDS = {
    "would",
    "will",
    "could",
    "may",
    "might",
    "proposed",
    "draft",
    "possible",
    "potential",
    "future",
    "talks",
    "negotiation",
    "negotiations",
    "negotiate",
    "seek",
    "seeking",
    "hope",
}


def _existing_agreement(noun: Token, kind: str, actors: ActorIndex | None) -> _Record | None:
    """ "the March 3 water agreement between Chile and Peru": an agreement the article
    treats as concluded, named with its parties and no verb about it. Status ``agreed``."""
    parties = _between_parties(noun.children, actors, ("between",))
    if len(parties) < 2 or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if {t.lower_ for t in noun.sent} & PENDING_WORDS:
        return None
    end = max(noun.right_edge.idx + len(noun.right_edge.text), noun.idx + len(noun.text))
    start = next(c for c in noun.children if c.dep_ == "det").idx
    return _Record(
        noun=noun,
        kind=kind,
        verb=None,
        status="agreed",
        pending=False,
        parties=parties,
        start=start,
        end=end,
    )


def _find_agreements(
    doc: Doc, dates: Sequence[DateMention], quotes: Sequence[Quote], actors: ActorIndex | None
) -> list[_Record]:
    records: list[_Record] = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        kind = _agreement_kind(token)
        if kind is None:
            continue
        if token.text == "Deal" and token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN":
            continue  # "the Green New Deal", "the New Deal": a programme's name
        verb = _status_verb(token)
        if verb is None:
            existing = _existing_agreement(token, kind, actors)
            if existing is not None:
                existing.said_by = _speaker_of(token.idx, doc, quotes, actors)
                records.append(existing)
            continue
        done_status, step = STATUS_VERBS[verb.lemma_.lower()]
        pending = _is_pending(verb)
        decided = _decided_by(verb)
        if decided is not None:
            # "agreed on Monday to extend a ceasefire": the decision itself is the news
            pending, verb_for_date = False, decided
            done_status = "agreed" if done_status not in COLLAPSE_STATUSES else done_status
        else:
            verb_for_date = verb
        if pending:
            status = "agreed" if done_status in COLLAPSE_STATUSES else "proposed"
        else:
            status = done_status
        # "negotiate a deal" says the deal is not there yet, whatever the tense.
        if done_status == "proposed":
            pending = True
        record = _Record(
            noun=token,
            kind=kind,
            verb=verb,
            status=status,
            pending=pending,
            parties=_parties_for(token, verb, actors),
        )
        if pending and done_status != "proposed" and done_status not in COLLAPSE_STATUSES:
            record.steps.append(step)
            record.due = _date_after(verb, dates, doc) or _deadline_before(verb, dates, doc)
        elif not pending:
            record.date = _date_on(verb_for_date, dates)
        start = min(token.left_edge.idx, verb.idx)
        if token.i < verb.i:
            start = min(token.idx, verb.idx)
        record.start = start
        record.end = max(token.idx + len(token.text), verb.idx + len(verb.text))
        record.said_by = _speaker_of(token.idx, doc, quotes, actors)
        records.append(record)
    return records


def _required_steps(doc: Doc, records: list[_Record]) -> None:
    """Pending nominal steps ("the last word on ratification") go to the latest agreement."""
    for token in doc:
        step = STEP_NOUNS.get(token.lemma_.lower())
        if step is None or token.pos_ != "NOUN":
            continue
        sent = token.sent
        words = {t.lower_ for t in sent}
        if not words & PENDING_CUES:
            continue
        # who takes the step: the subject of the governing verb ("parliament would have ...")
        node = token
        actor_text: str | None = None
        for _ in range(5):
            node = node.head
            subject = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                actor_text = doc[subject.left_edge.i : subject.i + 1].text
                break
            if node.head.i == node.i:
                break
        text = f"{step} by {actor_text}" if actor_text else step
        before = [r for r in records if r.start <= token.idx]
        target = before[-1] if before else (records[0] if records else None)
        if target is None:
            continue
        # "ratification of the treaty" names its agreement; otherwise the step belongs to an
        # agreement named close by, not to one from another part of the story
        named = [
            _agreement_kind(obj)
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        same_kind = [r for r in before if named and r.kind in named]
        if same_kind:
            target = same_kind[-1]
        else:
            between = doc_text(doc)[min(target.start, token.idx) : max(target.end, token.idx)]
            if len(_SENT_END.findall(between)) > 3:
                continue
        target.steps = [s for s in target.steps if s != step]
        if text not in target.steps:
            target.steps.append(text)


def extract_agreements(
    doc: Doc,
    actors: ActorIndex | None = None,
    *,
    dates: Sequence[DateMention] = (),
    quotes: Sequence[Quote] = (),
    published: date | None = None,
) -> list[Agreement]:
    """Agreements the article reports, one per agreement noun tied to a status verb.

    Args:
        doc: the parsed article.
        actors: the article's actors (speaker names and countries).
        dates: resolved date mentions (due dates and signing dates).
        quotes: quotes with speakers; an agreement named inside a quote is ``said_by`` its speaker.
        published: publication date (unused for now: undated actions keep ``date`` empty).

    Returns:
        Agreements in text order, with parties (ISO alpha-3), status, due date and steps.
    """
    records = _find_agreements(doc, dates, quotes, actors)
    # An agreement with no named party continues the last one that had parties, when it is
    # close by: "the agreement", "a minerals deal" a few sentences after "the US and Ukraine".
    sentence_index = {sent.start: i for i, sent in enumerate(doc_sents(doc))}
    last: _Record | None = None
    for record in records:
        if record.parties:
            last = record
            continue
        if last is not None:
            gap = sentence_index.get(record.noun.sent.start, 0) - sentence_index.get(
                last.noun.sent.start, 0
            )
            if gap <= 6:
                record.parties = list(last.parties)
                last = record
    _required_steps(doc, records)
    out: list[Agreement] = []
    for i, record in enumerate(records, start=1):
        out.append(
            Agreement(
                id=f"g{i}",
                kind=record.kind,
                text=doc_text(doc)[record.start : record.end],
                start=record.start,
                end=record.end,
                parties=tuple(record.parties),
                status=record.status,
                due=record.due.value if record.due else None,
                due_text=record.due.text if record.due else None,
                said_by=record.said_by,
                steps=tuple(record.steps),
                date=record.date.value if record.date else None,
            )
        )
    return out


# -- conditions and ultimatums --------------------------------------------------------------


def _item_text(noun: Token) -> tuple[str, list[Token]]:
    """One list item: the noun with its modifiers, without its conjuncts, article and beneficiary.

    Returns the item text and the tokens of a dropped "for <country>" beneficiary.
    """
    drop: set[int] = set()
    beneficiary: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("conj", "cc", "appos") or (child.dep_ == "punct"):
            drop.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "for":
            sub = list(child.subtree)
            if _countries(sub):
                beneficiary.extend(sub)
                drop.update(t.i for t in sub)
    tokens = [t for t in noun.subtree if t.i not in drop]
    while tokens and (tokens[0].dep_ in ("det", "punct", "cc", "preconj") or tokens[0].is_quote):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if not tokens:
        return noun.text, beneficiary
    text = doc_text(noun.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return text.strip(' ,"“”‘’'), beneficiary


_LIST_END = re.compile(
    r"[;:—–]|\s(?:as part of|while|but|which|who|whose|where|before|after|in exchange|if|unless|"
    r"so that|in order|according|saying|said|amid|because)\b|,\s*(?:who|which|whose|where|while|"
    r"but|saying|said|according|as)\b|[.!?](?:\s|$)"
)
_NP_START = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}


def _text_items(first: Token) -> tuple[list[str], list[Token]] | None:
    """Items of a comma list read from the text ("A, B, and C for Ukraine").

    The small parser often hangs the second item on the wrong head; commas are steadier. Used
    only when the list has a comma before the clause ends; each chunk must start like a noun
    phrase.
    """
    doc = first.doc
    sent = first.sent
    start = first.left_edge.idx if first.left_edge.i >= sent.start else first.idx
    rest = doc_text(doc)[start : sent.end_char]
    cut = _LIST_END.search(rest)
    rest = rest[: cut.start()] if cut else rest
    if "," not in rest:
        return None
    chunks = [c.strip() for c in rest.split(",")]
    last = chunks.pop()
    tail = re.split(r"^(?:and|or)\s+|\s+(?:and|or)\s+", last, maxsplit=1)
    chunks.extend(t for t in tail if t)
    items: list[str] = []
    beneficiaries: list[Token] = []
    offset = start
    for chunk in chunks:
        chunk = re.sub(r"^(?:and|or)\s+", "", chunk).strip(' "“”‘’')
        if not chunk:
            continue
        at = doc_text(doc).find(chunk, offset)
        span = doc.char_span(at, at + len(chunk), alignment_mode="expand") if at >= 0 else None
        if span is None or span[0].pos_ not in _NP_START:
            return None
        offset = at + len(chunk)
        tokens = list(span)
        while tokens and (tokens[0].dep_ in ("det", "cc", "preconj") or tokens[0].is_punct):
            tokens.pop(0)
        # "security guarantees for Ukraine": the beneficiary is the party, not part of the item
        for i, token in enumerate(tokens):
            if token.lower_ == "for" and i > 0 and _countries(tokens[i + 1 :]):
                beneficiaries.extend(tokens[i + 1 :])
                tokens = tokens[:i]
                break
        if tokens:
            end = tokens[-1].idx + len(tokens[-1].text)
            text = doc_text(doc)[tokens[0].idx : end].strip(' ,"“”‘’')
            if text and text not in items:
                items.append(text)
    return (items, beneficiaries) if len(items) >= 2 else None


def _list_items(first: Token) -> tuple[list[str], list[Token]]:
    by_text = _text_items(first)
    if by_text is not None:
        return by_text
    items: list[str] = []
    beneficiaries: list[Token] = []
    for noun in [first, *first.conjuncts]:
        if noun.i < first.i:
            continue
        text, beneficiary = _item_text(noun)
        if text and text not in items:
            items.append(text)
        beneficiaries.extend(beneficiary)
    return items, beneficiaries


def _party_of(tokens: Sequence[Token], actors: ActorIndex | None) -> str | None:
    codes = _countries(tokens, actors)
    return codes[0] if codes else None


def _according_to(sent: Span, actors: ActorIndex | None) -> str | None:
    for token in sent:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].lower_ == "to"
        ):
            return _party_of(list(token.subtree), actors)
    return None


def _conditions_from_nouns(
    doc: Doc, actors: ActorIndex | None, quotes: Sequence[Quote]
) -> list[Condition]:
    out: list[Condition] = []
    for token in doc:
        kind = CONDITION_NOUNS.get(token.lemma_.lower())
        if kind is None or token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() == "term" and token.lower_ != "terms":
            continue
        first: Token | None = None
        # "conditions ..., including A, B and C" (the cue may hang anywhere in the noun's phrase)
        for t in token.subtree:
            if t.lower_ in LIST_CUES and t.i > token.i:
                obj = next((c for c in t.children if c.dep_ in ("pobj", "dobj")), None)
                if obj is None and t.lower_ == "such":
                    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
                    obj = (
                        next((c for c in nxt.children if c.dep_ == "pobj"), None)
                        if nxt is not None
                        else None
                    )
                if obj is not None:
                    first = obj
                    break
        # "the conditions are A and B" / "the conditions include A and B"
        if first is None and token.dep_ == "nsubj" and token.head.lemma_ in ("be", "include"):
            first = next((c for c in token.head.children if c.dep_ in ("attr", "dobj")), None)
        if first is None:
            continue
        if not _about_negotiation(token.sent):
            continue
        items, beneficiaries = _list_items(first)
        if not items:
            continue
        sent = token.sent
        party = _party_of(beneficiaries, actors)
        verb = token.head if token.head.pos_ in ("VERB", "AUX") else None
        if party is None:
            # "Ukraine's conditions", "Russian conditions"
            party = _party_of(
                [c for c in token.children if c.dep_ in ("poss", "amod", "compound")], actors
            )
        if party is None and verb is not None:
            party = _party_of(_subjects(verb), actors)
        if party is None:
            party = _according_to(sent, actors)
        end_tok = max([first, *first.conjuncts], key=lambda t: t.i).right_edge
        out.append(
            Condition(
                party=party,
                kind=kind,
                items=tuple(items),
                start=token.idx,
                end=end_tok.idx + len(end_tok.text),
                said_by=_speaker_of(token.idx, doc, quotes, actors),
            )
        )
    return out


def _conditions_from_verbs(
    doc: Doc, actors: ActorIndex | None, quotes: Sequence[Quote]
) -> list[Condition]:
    out: list[Condition] = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        kind = DEMAND_VERBS.get(lemma)
        if kind is None or verb.pos_ != "VERB":
            continue
        obj: Token | None = None
        for child in verb.children:
            if child.dep_ == "dobj" and lemma not in ("call", "insist"):
                obj = child
            elif child.dep_ == "prep" and (
                (lemma == "insist" and child.lower_ == "on")
                or (lemma == "call" and child.lower_ == "for")
                or (lemma == "condition" and child.lower_ == "on")
                or (lemma == "press" and child.lower_ == "for")
            ):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                break
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("PERSON", "GPE"):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        # the demanding party must be a country or government ("Kyiv has insisted ...")
        subjects = _subjects(verb)
        node = verb
        while not subjects and node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            subjects = _subjects(node)
        party = _party_of(subjects, actors)
        if party is None:
            continue
        # the subject must be the party itself ("Kyiv", "the government"), not a thing of it
        # ("the Puerto Rican constitution requires ...")
        head = next((t for t in subjects if t.dep_ in ("nsubj", "nsubjpass")), None)
        if head is not None and head.pos_ != "PROPN" and head.lemma_.lower() not in PARTY_NOUNS:
            continue
        if not _about_negotiation(verb.sent):
            continue
        items, _ = _list_items(obj)
        if not items:
            continue
        end_tok = max([obj, *obj.conjuncts], key=lambda t: t.i).right_edge
        out.append(
            Condition(
                party=party,
                kind=kind,
                items=tuple(items),
                start=verb.idx,
                end=end_tok.idx + len(end_tok.text),
                said_by=_speaker_of(verb.idx, doc, quotes, actors),
            )
        )
    return out


def _about_negotiation(sent: Span) -> bool:
    return any(t.lemma_.lower() in NEGOTIATION_WORDS or t.lower_ in NEGOTIATION_WORDS for t in sent)


def _speaker_country(name: str | None, actors: ActorIndex | None) -> str | None:
    """The speaker's country: from the actor table, else the country that is the subject of
    the sentence that first names the speaker ("Reyes ... stating that Chile would not ...")."""
    if not name:
        return None
    from parley.geo.countries import find_country

    record = actors.find(name) if actors is not None else None
    if record is None or actors is None:
        # "an Azerbaijani official", "the Turkish minister"
        return find_country(name)
    if record.country:
        return record.country
    if not record.mentions:
        return None
    start, end = record.mentions[0]
    span = actors.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    # "US President Donald Trump": a country word in the title right before the name
    lead = [t for t in span.sent if t.i < span.start and t.i >= span.start - 4]
    code = _party_of([t for t in lead if t.dep_ in ("compound", "amod", "nmod")], actors)
    if code:
        return code
    subjects = [t for tok in span.sent if tok.dep_ in ("nsubj", "nsubjpass") for t in tok.subtree]
    return _party_of(subjects, actors)


def _deadline_noun(
    key: Token,
    doc: Doc,
    actors: ActorIndex | None,
    quotes: Sequence[Quote],
    dates: Sequence[DateMention],
) -> Condition:
    """ "gave Hamas a deadline of Friday to release the hostages", "issued an ultimatum"."""
    sent = key.sent
    verb = key.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    said_by = _speaker_of(key.idx, doc, quotes, actors)
    party = _party_of(_subjects(verb), actors) or _speaker_country(said_by, actors)
    # when: "a deadline of Friday", "until March 1"; a resolved date in the sentence wins
    when: str | None = None
    for child in key.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "until", "for", "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                when = doc[obj.left_edge.i : obj.right_edge.i + 1].text
    inside = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.value]
    after = [d for d in inside if d.start >= key.idx]
    resolved = min(after, key=lambda d: d.start) if after else (inside[-1] if inside else None)
    # a deadline someone imposes ("gave Hamas a deadline") or backs with a threat is an
    # ultimatum; a calendar deadline ("the tariff deadline is June 30") is a deadline
    words = {t.lower_ for t in sent}
    imposed = (
        key.lower_.startswith("ultimatum")
        or verb.lemma_.lower() in IMPOSING_VERBS
        or bool(words & (THREAT_CUES - {"or", "move", "walk"}))
    )
    # what: the to-infinitive on the noun or the verb ("to release the hostages")
    items: list[str] = []
    for node in (key, verb):
        for child in node.children:
            if child.dep_ in ("acl", "xcomp", "advcl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                first = next(c for c in child.children if c.dep_ == "aux" and c.lower_ == "to")
                span = doc[first.i + 1 : child.right_edge.i + 1]
                items.append(span.text.strip(' ,."“”'))
                break
        if items:
            break
    if not items:
        # "the Brexit deadline": the noun phrase names what is due
        tokens = [t for t in doc[key.left_edge.i : key.i + 1] if t.dep_ not in ("det", "poss")]
        items.append(" ".join(t.text for t in tokens) if len(tokens) > 1 else key.text)
    return Condition(
        party=party,
        kind="ultimatum" if imposed else "deadline",
        items=tuple(items),
        start=key.idx,
        end=key.idx + len(key.text),
        said_by=said_by,
        deadline=resolved.value if resolved else when,
    )


def _ultimatums(
    doc: Doc, actors: ActorIndex | None, quotes: Sequence[Quote], dates: Sequence[DateMention]
) -> list[Condition]:
    out: list[Condition] = []
    for sent in doc_sents(doc):
        words = [t.lower_ for t in sent]
        deadline: tuple[int, int] | None = None
        text = sent.text
        # "a matter of days", "a matter of weeks"
        match = re.search(
            r"\b(?:a|just a|only a)\s+matter\s+of\s+(?:days|weeks|hours)\b", text, re.I
        )
        if match:
            deadline = (sent.start_char + match.start(), sent.start_char + match.end())
        elif {"ultimatum", "deadline", "ultimatums", "deadlines"} & set(words):
            key = next(
                t for t in sent if t.lower_ in ("ultimatum", "deadline", "ultimatums", "deadlines")
            )
            out.append(_deadline_noun(key, doc, actors, quotes, dates))
            continue
        else:
            # "within 48 hours ... or face", "by Friday or else": a short deadline with a threat
            short = re.search(
                r"\bwithin\s+(?:the\s+next\s+)?\S+\s+(?:days|hours|weeks)\b", text, re.I
            )
            if short and set(words) & THREAT_CUES - {"or"} | (
                {"or"} & set(words) and {"face", "else", "otherwise"} & set(words)
            ):
                deadline = (sent.start_char + short.start(), sent.start_char + short.end())
        if deadline is None:
            continue
        deadline_text = doc_text(doc)[deadline[0] : deadline[1]]
        resolved = next(
            (d for d in dates if sent.start_char <= d.start < sent.end_char and d.value), None
        )
        said_by = _speaker_of(deadline[0], doc, quotes, actors)
        party = _speaker_country(said_by, actors)
        # What must happen by then: a "whether ..." clause, else the clause around the deadline.
        items: list[str] = []
        for token in sent:
            if token.dep_ == "mark" and token.lower_ in ("whether", "unless"):
                clause = token.head
                span = doc[clause.left_edge.i : clause.right_edge.i + 1]
                items.append(span.text.strip(' ,—–-"“”'))
                break
        if not items:
            anchor = doc.char_span(deadline[0], deadline[1], alignment_mode="expand")
            verb = anchor.root.head if anchor is not None else sent.root
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            span = doc[verb.left_edge.i : verb.right_edge.i + 1]
            items.append(span.text.strip(' ,—–-"“”'))
        out.append(
            Condition(
                party=party,
                kind="ultimatum",
                items=tuple(items),
                start=deadline[0],
                end=deadline[1],
                said_by=said_by,
                deadline=resolved.value
                if resolved and deadline_text.lower() in ("deadline", "ultimatum")
                else deadline_text,
            )
        )
    return out


def extract_conditions(
    doc: Doc,
    actors: ActorIndex | None = None,
    *,
    quotes: Sequence[Quote] = (),
    dates: Sequence[DateMention] = (),
) -> list[Condition]:
    """Each party's conditions and demands (one item per conjunct) and ultimatums.

    Args:
        doc: the parsed article.
        actors: the article's actors (countries of speakers and named parties).
        quotes: quotes with speakers (``said_by`` of conditions voiced in a quote).
        dates: resolved date mentions (a deadline's date).

    Returns:
        Conditions, demands and ultimatums in text order.
    """
    found = [
        *_conditions_from_nouns(doc, actors, quotes),
        *_conditions_from_verbs(doc, actors, quotes),
        *_ultimatums(doc, actors, quotes, dates),
    ]
    # The same list reached twice (noun cue and verb cue) is reported once.
    unique: list[Condition] = []
    for condition in sorted(found, key=lambda c: (c.start, c.end)):
        if any(u.items == condition.items and u.party == condition.party for u in unique):
            continue
        unique.append(condition)
    return unique
