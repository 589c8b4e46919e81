"""Agreements: an agreement noun tied to a status verb, with its parties, status, due date,
date and the steps still required."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from spacy.tokens import Doc, Token

from parley.nlp.deps import ACTED_ON_DEPS, AUXILIARY_DEPS
from parley.nlp.doctext import doc_sents, doc_text
from parley.nlp.rules.actors import ActorIndex
from parley.nlp.rules.negotiations import vocab
from parley.nlp.rules.negotiations.common import (
    SENT_END,
    named_countries,
    speaker_of,
    subject_tokens,
)
from parley.nlp.rules.negotiations.linking import Mention, agreement_of, link
from parley.nlp.tokens import doc_tokens
from parley.nlp.tree import has_passive_auxiliary
from parley.types import Agreement, DateMention, Quote


def _is_pending(verb: Token) -> bool:
    """The action is still to come: modal, "going to", infinitive, "with the goal of ...ing"."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in AUXILIARY_DEPS and child.lower_ in vocab.words("modal"):
                return True
            if child.dep_ == "neg":
                return True
            if child.dep_ == "aux" and child.lower_ == "to":
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "once"):
                return True
        if node.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj"):
            head = node.head
            if head.lemma_.lower() in vocab.words("pending_head") and node.dep_ in (
                "xcomp",
                "pcomp",
                "acl",
                "advcl",
            ):
                return True
            if (
                node.dep_ == "pcomp"
                and head.dep_ == "prep"
                and head.head.lemma_.lower() in vocab.words("pending_head")
            ):
                return True
            if node.dep_ in ("relcl", "conj", "ccomp", "advcl"):
                node = head
                continue
            node = head
            continue
        if node.dep_ == "pcomp" or (node.dep_ == "pobj" and node.tag_ == "VBG"):
            prep = node.head
            if prep.head.lemma_.lower() in vocab.words("pending_head"):
                return True
        break
    return False


def _decided_by(verb: Token) -> Token | None:
    """The asserted "agreed"/"decided" a to-infinitive hangs on ("agreed to extend"), if any."""
    if verb.dep_ != "xcomp":
        return None
    head = verb.head
    if head.lemma_.lower() not in vocab.words("deciding_head") or _is_pending(head):
        return None
    return head


def _agreement_kind(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    text = noun.lower_
    if lemma in vocab.mapping("agreement_noun"):
        return vocab.mapping("agreement_noun")[lemma]
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
    if lemma in vocab.qualified_nouns():
        cues, kind = vocab.qualified_nouns()[lemma]
        if any(c.lower_ in cues for c in noun.lefts):
            return kind
    return None


def _status_verb(noun: Token) -> Token | None:
    """The verb that says what happened to the agreement noun, if the parse ties one to it."""
    head = noun.head
    if noun.dep_ in ACTED_ON_DEPS and head.lemma_.lower() in vocab.status_verbs():
        return head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in ("collapse", "expire", "break"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if (verb.lemma_.lower(), head.lower_) in vocab.verb_preps() and verb.pos_ in (
            "VERB",
            "AUX",
        ):
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
                token.lemma_.lower() in vocab.status_verbs()
                and token.pos_ == "VERB"
                and has_passive_auxiliary(token)
            ):
                return token
            frontier.extend(c for c in token.children if c.dep_ in ("ccomp", "xcomp", "conj"))
    return None


def _date_after(verb: Token, dates: Sequence[DateMention], doc: Doc) -> DateMention | None:
    """The date a clause points to: the nearest date after the verb, before the sentence ends."""
    start = verb.idx
    best: DateMention | None = None
    for mention in dates:
        if mention.start < start or mention.start - start > 90 or not mention.value:
            continue
        between = doc_text(doc)[start : mention.start]
        if SENT_END.search(between) or ";" in between:
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
            for code in named_countries(token.subtree, actors):
                if code not in parties:
                    parties.append(code)
    return parties


def _parties_for(noun: Token, verb: Token | None, actors: ActorIndex | None) -> list[str]:
    parties: list[str] = []

    def add(codes: Iterable[str]) -> None:
        for code in codes:
            if code not in parties:
                parties.append(code)

    # A mediator proposing "a truce between X and Y" is not a party to it.
    if verb is not None and verb.lemma_.lower() in vocab.words("mediator_verb"):
        # the mediator ("Russia brokered a cease-fire") is not a party; the parties are named
        # with "between", or the sentence leaves them to the context
        return _between_parties(noun.children, actors, ("between", "among")) or _between_parties(
            noun.sent, actors, ("between", "among")
        )
    # "a US-Ukraine deal", "the Iran nuclear deal"
    add(
        named_countries(
            [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")], actors
        )
    )
    if verb is not None:
        add(
            named_countries(
                [
                    t
                    for t in subject_tokens(verb)
                    if not (noun.left_edge.i <= t.i <= noun.right_edge.i)
                ],
                actors,
            )
        )
    add(_between_parties(noun.children, actors))
    node = verb
    hops = 0
    while node is not None and hops < 4:
        subjects = [
            t for t in subject_tokens(node) if not (noun.left_edge.i <= t.i <= noun.right_edge.i)
        ]
        add(named_countries(subjects, actors))
        add(_between_parties(node.children, actors))
        for child in node.children:
            if child.dep_ == "agent":
                add(named_countries(child.subtree, actors))
        if parties or node.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "acl"):
            break
        node = node.head if node.dep_ != "pcomp" else node.head.head
        hops += 1
    if not parties:
        sent = noun.sent
        add(_between_parties(sent, actors, ("between", "among")))
    return parties


def _existing_agreement(noun: Token, kind: str, actors: ActorIndex | None) -> Mention | None:
    """ "the March 3 water agreement between Chile and Peru": an agreement the article
    treats as concluded, named with its parties and no verb about it. Status ``agreed``."""
    parties = _between_parties(noun.children, actors, ("between",))
    if len(parties) < 2 or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if {t.lower_ for t in noun.sent} & vocab.words("pending_word"):
        return None
    end = max(noun.right_edge.idx + len(noun.right_edge.text), noun.idx + len(noun.text))
    start = next(c for c in noun.children if c.dep_ == "det").idx
    return Mention(
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
) -> list[Mention]:
    records: list[Mention] = []
    tokens = doc_tokens(doc)
    for i, pos in enumerate(tokens.pos):
        if pos not in ("NOUN", "PROPN"):
            continue
        token = tokens.tokens[i]
        kind = _agreement_kind(token)
        if kind is None:
            continue
        if token.text == "Deal" and token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN":
            continue  # "the Green New Deal", "the New Deal": a programme's name
        verb = _status_verb(token)
        if verb is None:
            existing = _existing_agreement(token, kind, actors)
            if existing is not None:
                existing.said_by = speaker_of(token.idx, doc, quotes, actors)
                existing.reported_by = speaker_of(token.idx, doc, quotes, actors, reported=True)
                existing.own_parties = tuple(existing.parties)
                existing.step = "agreement"
                records.append(existing)
            continue
        done_status, step = vocab.status_verbs()[verb.lemma_.lower()]
        pending = _is_pending(verb)
        decided = _decided_by(verb)
        if decided is not None:
            # "agreed on Monday to extend a ceasefire": the decision itself is the news
            pending, verb_for_date = False, decided
            done_status = "agreed" if done_status not in vocab.COLLAPSE_STATUSES else done_status
        else:
            verb_for_date = verb
        if pending:
            status = "agreed" if done_status in vocab.COLLAPSE_STATUSES else "proposed"
        else:
            status = done_status
        # "negotiate a deal" says the deal is not there yet, whatever the tense; the talks
        # themselves happened ("negotiated the deal for four years") or are going on.
        acted = None
        if done_status == "proposed":
            acted = None if pending else ("done" if verb.tag_ in ("VBD", "VBN") else "ongoing")
            pending = True
        record = Mention(
            noun=token,
            kind=kind,
            verb=verb,
            status=status,
            pending=pending,
            parties=_parties_for(token, verb, actors),
        )
        record.step = step
        record.acted = acted
        record.own_parties = tuple(record.parties)
        if pending and done_status != "proposed" and done_status not in vocab.COLLAPSE_STATUSES:
            record.steps.append(step)
            after = _date_after(verb, dates, doc)
            record.due = after or _deadline_before(verb, dates, doc)
            record.deadline = record.due is not None and (after is None or _is_deadline(after, doc))
        elif not pending:
            record.date = _date_on(verb_for_date, dates)
        start = min(token.left_edge.idx, verb.idx)
        if token.i < verb.i:
            start = min(token.idx, verb.idx)
        record.start = start
        record.end = max(token.idx + len(token.text), verb.idx + len(verb.text))
        record.said_by = speaker_of(token.idx, doc, quotes, actors)
        record.reported_by = speaker_of(token.idx, doc, quotes, actors, reported=True)
        records.append(record)
    return records


def _is_deadline(mention: DateMention, doc: Doc) -> bool:
    """ "by April 26", "before the summit": the date is a deadline, not a forecast."""
    leads = vocab.words("deadline_lead")
    first = mention.text.split(maxsplit=1)[0].lower() if mention.text.strip() else ""
    lead = doc_text(doc)[max(0, mention.start - 8) : mention.start].split()
    return first in leads or bool(lead and lead[-1].lower() in leads)


def _required_steps(doc: Doc, records: list[Mention]) -> None:
    """Pending nominal steps ("the last word on ratification") go to the latest agreement."""
    steps = vocab.mapping("step_noun")
    cues = vocab.words("pending_cue")
    tokens = doc_tokens(doc)
    for i, lemma in enumerate(tokens.lemma):
        step = steps.get(lemma.lower())
        if step is None or tokens.pos[i] != "NOUN":
            continue
        token = tokens.tokens[i]
        if not {t.lower_ for t in token.sent} & cues:
            continue
        actor_text = _step_taker(doc, token)
        text = f"{step} by {actor_text}" if actor_text else step
        target = _step_agreement(doc, token, records)
        if target is None:
            continue
        target.steps = [s for s in target.steps if s != step]
        if text not in target.steps:
            target.steps.append(text)


def _step_taker(doc: Doc, token: Token) -> str | None:
    """Who takes the step: the subject of the governing verb ("parliament would have ...")."""
    node = token
    for _ in range(5):
        node = node.head
        subject = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return doc[subject.left_edge.i : subject.i + 1].text
        if node.head.i == node.i:
            break
    return None


def _step_agreement(doc: Doc, token: Token, records: list[Mention]) -> Mention | None:
    """The agreement a step belongs to: the one it names ("ratification of the treaty"), else
    the latest one named close by, not one from another part of the story."""
    before = [r for r in records if r.start <= token.idx]
    target = before[-1] if before else (records[0] if records else None)
    if target is None:
        return None
    named = [
        _agreement_kind(obj)
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    same_kind = [r for r in before if named and r.kind in named]
    if same_kind:
        return same_kind[-1]
    between = doc_text(doc)[min(target.start, token.idx) : max(target.end, token.idx)]
    if len(SENT_END.findall(between)) > 3:
        return None
    return target


def extract_agreements(
    doc: Doc,
    actors: ActorIndex | None = None,
    *,
    dates: Sequence[DateMention] = (),
    quotes: Sequence[Quote] = (),
    published: date | None = None,
) -> list[Agreement]:
    """Agreements the article reports: agreement nouns tied to a status verb, the mentions of
    one agreement linked into one record with the step each reports (see :mod:`.linking`).

    Args:
        doc: the parsed article.
        actors: the article's actors (speaker names and countries).
        dates: resolved date mentions (due dates and signing dates).
        quotes: quotes with speakers; an agreement named inside a quote is ``said_by`` its speaker.
        published: publication date (unused for now: undated actions keep ``date`` empty).

    Returns:
        Agreements in order of first mention, with parties (ISO alpha-3), status, due date,
        steps still required and the dated steps (``milestones``).
    """
    records = _find_agreements(doc, dates, quotes, actors)
    # An agreement with no named party continues the last one that had parties, when it is
    # close by: "the agreement", "a minerals deal" a few sentences after "the US and Ukraine".
    sentence_index = {sent.start: i for i, sent in enumerate(doc_sents(doc))}
    last: Mention | None = None
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
    return [
        agreement_of(number, members, doc)
        for number, members in enumerate(link(records, doc), start=1)
    ]
