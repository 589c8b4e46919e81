"""Writing one analysed article into the store, in a handful of statements.

Every network round trip costs PostgreSQL as much as the work it carries, so an article is
written as a few set-based reads followed by a few ``executemany`` writes, rather than a read
and a write per actor, quote and event:

1. read every stored actor the article's people and organisations could be (by alias and by
   surname) and every stored quote its speakers have said, in two statements each;
2. resolve actors and quotes against that working copy, in memory, in the article's order
   (an actor or quote created earlier in the same article is a candidate for later ones,
   exactly as if it had been stored);
3. write the new and changed rows, one ``executemany`` per table.

The statements are built once, with bound parameters, so SQLAlchemy's compiled cache serves
them. Merging a surname-only actor into a full name is rare and is done with direct
statements after the pending writes are flushed.
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    Update,
    and_,
    bindparam,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from parley.store import linking
from parley.store import schema as s
from parley.types import Actor, Article, ArticleResult, Event, Quote


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_HasId = TypeVar("_HasId", bound=_Identified)

_a = s.actors.c
_al = s.actor_aliases.c
_q = s.quotes.c
_qs = s.quote_sources.c
#: Columns of migration 0008: written only when some quote has them, so that results without
#: mentions still save into a store an older Parley left (as the upgrade test does).
_SPAN_COLUMNS = ("speaker_mention_start", "speaker_mention_end", "cue_start", "cue_end")


def _without_empty(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    if any(row.get(k) is not None for row in rows for k in keys):
        return rows
    return [{k: v for k, v in row.items() if k not in keys} for row in rows]


_e = s.events.c
_em = s.event_mentions.c


# Statements built once: executing them with a list of parameter dicts is an executemany.
def _update_many(table: Table, keys: tuple[str, ...], columns: tuple[str, ...]) -> Update:
    """UPDATE ``table`` SET each column WHERE the keys match, for a list of rows at once.

    A row's parameters are ``k_<key>`` for the keys and ``v_<column>`` for the new values.
    """
    return (
        update(table)
        .where(and_(*(table.c[k] == bindparam(f"k_{k}") for k in keys)))
        .values({c: bindparam(f"v_{c}") for c in columns})
    )


_UPDATE_ACTOR = _update_many(s.actors, ("key",), ("country", "title"))
_UPDATE_SOURCE_CHANGES = _update_many(s.quote_sources, ("doc_id", "local_id"), ("changes",))
_UPDATE_QUOTE = _update_many(
    s.quotes,
    ("id",),
    ("text", "first_published", "last_published", "source_count", "variant_count", "altered"),
)
_UPDATE_EVENT = _update_many(
    s.events,
    ("id",),
    ("num_mentions", "num_articles", "num_sources", "first_doc_id", "source_url"),
)


@dataclass(slots=True)
class _Working:
    """The stored actors this article may touch, kept in step with the pending writes."""

    actors: dict[str, linking.Candidate] = field(default_factory=dict)
    alias_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    new_actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_aliases: set[tuple[str, str]] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)  # stored actors whose country/title changed

    def by_surname(self, surname: str, kind: str) -> list[linking.Candidate]:
        return sorted(
            (c for c in self.actors.values() if c.surname == surname and c.kind == kind),
            key=lambda c: c.key,
        )

    def by_alias(self, alias: str, kind: str) -> list[linking.Candidate]:
        found = (self.actors.get(k) for k in self.alias_keys.get(alias, ()))
        return sorted(
            (c for c in found if c is not None and c.kind == kind and c.full_name),
            key=lambda c: c.key,
        )


def _source_row(article: Article, quote: Quote, canonical: str) -> dict[str, Any]:
    """The row that records one article's wording of a canonical quote."""
    mention = quote.speaker.mention if quote.speaker else None
    cue = quote.cue_span
    return {
        "doc_id": article.id,
        "local_id": quote.id,
        "quote_id": canonical,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
        "confidence": round(quote.confidence, 3),
        "speaker_mention_start": mention[0] if mention else None,
        "speaker_mention_end": mention[1] if mention else None,
        "cue_start": cue[0] if cue else None,
        "cue_end": cue[1] if cue else None,
        "stance": quote.stance,
        "published": article.published,
        "changes": None,
    }


class ArticleWriter:
    """Writes analysed articles through one connection's dialect (SQLite or PostgreSQL)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
        # Concurrent writers may race to create the same actor, alias, quote or event.
        self._insert_actor = ins(s.actors).on_conflict_do_nothing()
        self._insert_alias = ins(s.actor_aliases).on_conflict_do_nothing()
        self._insert_quote = ins(s.quotes).on_conflict_do_nothing()
        self._insert_event = ins(s.events).on_conflict_do_nothing()

    def save(self, conn: Connection, result: ArticleResult, origin: str | None) -> bool:
        """Store ``result`` inside the caller's transaction; ``False`` if already stored."""
        article = result.article
        if conn.execute(select(s.documents.c.id).where(s.documents.c.id == article.id)).first():
            return False
        conn.execute(
            s.documents.insert(),
            {
                "id": article.id,
                "origin": origin,
                "title": article.title,
                "url": article.url,
                "source": article.source,
                "published": article.published,
                "text": article.text,
                "result": result.to_dict(),
                "parley_version": result.provenance.parley_version if result.provenance else None,
                "ingested_at": datetime.now(UTC),
            },
        )
        keys = self._save_actors(conn, result)
        self._save_quotes(conn, result, keys)
        if result.dates:
            conn.execute(
                s.dates.insert(),
                [
                    {
                        "doc_id": article.id,
                        "idx": i,
                        "text": d.text,
                        "start": d.start,
                        "end": d.end,
                        "value": d.value,
                        "type": d.type,
                        "timex": d.timex,
                        "mod": d.mod,
                        "deadline": d.deadline,
                    }
                    for i, d in enumerate(result.dates)
                ],
            )
        self._save_events(conn, result, keys)
        self._save_negotiations(conn, result)
        conn.execute(delete(s.failures).where(s.failures.c.article_id == article.id))
        return True

    # actors ---------------------------------------------------------------------------------
    def _save_actors(self, conn: Connection, result: ArticleResult) -> dict[str, str]:
        wanted: list[Actor] = list(result.actors)
        local_ids = {a.id for a in wanted}
        # A quote may name a speaker the actor list lacks: resolve it by name, as a person.
        for quote in result.quotes:
            sp = quote.speaker
            if sp and sp.id not in local_ids and sp.name:
                local_ids.add(sp.id)
                wanted.append(Actor(id=sp.id, name=sp.name, kind="person"))
        profiles = [(actor, linking.profile(actor)) for actor in wanted]
        # Descriptions never resolve against stored actors: nothing to read for them.
        work = self._load_working(conn, [p for _, p in profiles if not p.description])
        merged: dict[str, str] = {}
        keys: dict[str, str] = {}
        for actor, p in profiles:
            if p.description:
                keys[actor.id] = self._local(work, actor, p, result.article.id)
            else:
                keys[actor.id] = self._resolve(conn, work, actor, p, merged)
        self._flush_actors(conn, work)
        # A later actor of this article may have absorbed an earlier one ("Trump" into
        # "Donald Trump"): follow the merges before anything refers to the old key.
        keys = {local: _follow(key, merged) for local, key in keys.items()}
        rows = []
        for actor in _first_of_each_id(result.actors):
            rows.append(
                {
                    "doc_id": result.article.id,
                    "local_id": actor.id,
                    "actor_key": keys[actor.id],
                    "name": actor.name,
                    "title": actor.title,
                    "count": max(1, len(actor.mentions)),
                }
            )
        if rows:
            conn.execute(s.mentions.insert(), rows)
        return keys

    def _load_working(self, conn: Connection, profiles: list[linking.ActorProfile]) -> _Working:
        """Every stored actor an article actor could resolve to or absorb, in two reads."""
        work = _Working()
        if not profiles:
            return work
        aliases = sorted({a for p in profiles for a in (p.norm, *p.aliases) if a})
        surnames = sorted({p.surname for p in profiles if p.kind == "person" and p.surname})
        alias_rows = conn.execute(
            select(_al.alias, _al.actor_key).where(_al.alias.in_(aliases))
        ).all()
        for row in alias_rows:
            work.alias_keys[row.alias].add(row.actor_key)
        alias_keys = sorted({row.actor_key for row in alias_rows})
        clauses: list[ColumnElement[bool]] = []
        if alias_keys:
            clauses.append(_a.key.in_(alias_keys))
        if surnames:
            clauses.append(_a.surname.in_(surnames) & (_a.kind == "person"))
        if clauses:
            for r in conn.execute(
                select(_a.key, _a.kind, _a.country, _a.title, _a.full_name, _a.surname).where(
                    or_(*clauses)
                )
            ):
                work.actors[r.key] = linking.Candidate(
                    r.key, r.kind, r.country, r.title, bool(r.full_name), r.surname
                )
        return work

    def _local(self, work: _Working, actor: Actor, p: linking.ActorProfile, doc_id: str) -> str:
        """An actor known by a description only: its own, in this article. Its aliases make
        it searchable; with no surname and ``full_name`` false, resolution never picks it."""
        key = linking.local_actor_key(p.kind, p.norm, doc_id)
        if key not in work.actors and key not in work.new_actors:
            work.new_actors[key] = {
                "key": key,
                "name": actor.name,
                "kind": p.kind,
                "country": p.country,
                "title": p.title,
                "surname": None,
                "full_name": False,
            }
        for alias in p.aliases:
            if alias:
                work.new_aliases.add((key, alias[:300]))
        return key

    def _resolve(
        self,
        conn: Connection,
        work: _Working,
        actor: Actor,
        p: linking.ActorProfile,
        merged: dict[str, str],
    ) -> str:
        by_name = p.full_name
        cands = work.by_alias(p.norm, p.kind) if by_name else work.by_surname(p.surname, p.kind)
        chosen = linking.pick_candidate(p, cands)
        if chosen is not None:
            key = chosen.key
            country = chosen.country if chosen.country is not None or not p.country else p.country
            title = p.title if p.title and p.title != chosen.title else chosen.title
            if (country, title) != (chosen.country, chosen.title):
                work.actors[key] = replace(chosen, country=country, title=title)
                pending = work.new_actors.get(key)
                if pending is not None:
                    pending.update(country=country, title=title)
                else:
                    work.changed.add(key)
        else:
            key = linking.actor_key(p.kind, p.norm, p.country)
            if key not in work.actors:
                surname = p.surname if p.kind == "person" else None
                work.new_actors[key] = {
                    "key": key,
                    "name": _display_name(actor, p),
                    "kind": p.kind,
                    "country": p.country,
                    "title": p.title,
                    "surname": surname,
                    "full_name": p.full_name,
                }
                work.actors[key] = linking.Candidate(
                    key, p.kind, p.country, p.title, p.full_name, surname
                )
            if p.full_name and p.kind == "person":
                self._absorb_surname_actors(conn, work, key, p, merged)
        for alias in p.aliases:
            if alias:
                work.new_aliases.add((key, alias[:300]))
                work.alias_keys[alias[:300]].add(key)
        return key

    def _absorb_surname_actors(
        self,
        conn: Connection,
        work: _Working,
        key: str,
        p: linking.ActorProfile,
        merged: dict[str, str],
    ) -> None:
        """Fold single-name actors ("Trump") into a new full-named one when unambiguous."""
        same = work.by_surname(p.surname, "person")
        full = [c for c in same if c.full_name and linking.countries_agree(c.country, p.country)]
        if len(full) != 1:
            return
        for c in same:
            if c.full_name or c.key == key or not linking.countries_agree(c.country, p.country):
                continue
            self._merge_actor(conn, work, c.key, key)
            merged[c.key] = key

    def _merge_actor(self, conn: Connection, work: _Working, old: str, new: str) -> None:
        # Rare (a full name arriving after its surname): write what is pending, then merge in
        # the database, where earlier articles' rows point at the old key.
        self._flush_actors(conn, work)
        aliases = conn.execute(select(_al.alias).where(_al.actor_key == old)).scalars().all()
        conn.execute(update(s.mentions).where(s.mentions.c.actor_key == old).values(actor_key=new))
        conn.execute(update(s.quotes).where(_q.speaker_key == old).values(speaker_key=new))
        for col in ("source_actor_key", "target_actor_key"):
            conn.execute(update(s.events).where(_e[col] == old).values({col: new}))
        conn.execute(delete(s.actor_aliases).where(_al.actor_key == old))
        conn.execute(delete(s.actors).where(_a.key == old))
        work.actors.pop(old, None)
        for keys in work.alias_keys.values():
            if old in keys:
                keys.discard(old)
                keys.add(new)
        for alias in aliases:
            work.new_aliases.add((new, alias))
            work.alias_keys[alias].add(new)

    def _flush_actors(self, conn: Connection, work: _Working) -> None:
        if work.new_actors:
            conn.execute(self._insert_actor, list(work.new_actors.values()))
            work.new_actors.clear()
        if work.new_aliases:
            conn.execute(
                self._insert_alias,
                [{"actor_key": k, "alias": al} for k, al in sorted(work.new_aliases)],
            )
            work.new_aliases.clear()
        if work.changed:
            conn.execute(
                _UPDATE_ACTOR,
                [
                    {
                        "k_key": k,
                        "v_country": work.actors[k].country,
                        "v_title": work.actors[k].title,
                    }
                    for k in sorted(work.changed)
                    if k in work.actors
                ],
            )
            work.changed.clear()

    # quotes ---------------------------------------------------------------------------------
    def _save_quotes(self, conn: Connection, result: ArticleResult, keys: dict[str, str]) -> None:
        article = result.article
        if not result.quotes:
            return
        speaker_of = {
            quote.id: keys.get(quote.speaker.id) if quote.speaker else None
            for quote in result.quotes
        }
        fresh_ids = {linking.quote_id(speaker_of[q.id], q.text) for q in result.quotes}
        speakers = sorted({k for k in speaker_of.values() if k is not None})
        clause: ColumnElement[bool] = _q.id.in_(sorted(fresh_ids))
        if speakers:
            clause = or_(clause, _q.speaker_key.in_(speakers))
        # Per speaker, their stored quotes in id order (the first best match wins, as before).
        said: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        known: set[str] = set()
        for row in conn.execute(select(_q.id, _q.text, _q.speaker_key).where(clause)):
            known.add(row.id)
            if row.speaker_key is not None:
                said[row.speaker_key].append((row.id, linking.words(row.text)))
        for rows in said.values():
            rows.sort()
        new_quotes: list[dict[str, Any]] = []
        sources: list[dict[str, Any]] = []
        touched: set[str] = set()
        for quote in result.quotes:
            speaker_key = speaker_of[quote.id]
            target = linking.words(quote.text)
            canonical: str | None = None
            if speaker_key is not None:
                best = 0.0
                for cid, cand in said[speaker_key]:
                    score = 1.0 if cand == target else linking.token_f1(cand, target)
                    if score >= linking.QUOTE_MATCH_F1 and score > best:
                        best, canonical = score, cid
            if canonical is None:
                canonical = linking.quote_id(speaker_key, quote.text)
                if canonical not in known:
                    known.add(canonical)
                    if speaker_key is not None:
                        insort(said[speaker_key], (canonical, target))
                    new_quotes.append(
                        {
                            "id": canonical,
                            "text": quote.text,
                            "speaker_key": speaker_key,
                            "speaker_name": quote.speaker.name if quote.speaker else None,
                            "kind": quote.kind,
                            "first_published": article.published,
                            "last_published": article.published,
                            "source_count": 0,
                            "variant_count": 1,
                            "altered": False,
                        }
                    )
            sources.append(_source_row(article, quote, canonical))
            touched.add(canonical)
        if new_quotes:
            conn.execute(self._insert_quote, new_quotes)
        sources = _without_empty(sources, _SPAN_COLUMNS)
        if not any(row["stance"] for row in sources):
            # No stance in this batch: leave the column to its default (false), so a store not
            # yet upgraded to it (migration 0010) still takes the rows.
            sources = [{k: v for k, v in row.items() if k != "stance"} for row in sources]
        conn.execute(s.quote_sources.insert(), sources)
        self._refresh_quotes(conn, sorted(touched))

    def _refresh_quotes(self, conn: Connection, quote_ids: list[str]) -> None:
        """Recompute each quote's reference wording, dates, counts and each source's changes.

        The reference is the earliest source's wording (then the smallest document id), so the
        result does not depend on the order articles were ingested in.
        """
        by_quote: dict[str, list[Any]] = defaultdict(list)
        for r in conn.execute(
            select(
                _qs.quote_id, _qs.doc_id, _qs.local_id, _qs.text, _qs.published, _qs.changes
            ).where(_qs.quote_id.in_(quote_ids))
        ):
            by_quote[r.quote_id].append(r)
        change_rows: list[dict[str, Any]] = []
        quote_rows: list[dict[str, Any]] = []
        for quote_id in quote_ids:
            rows = by_quote.get(quote_id)
            if not rows:
                continue
            ordered = sorted(
                rows,
                key=lambda r: (r.published is None, r.published or date.min, r.doc_id, r.local_id),
            )
            reference = ordered[0].text
            variants = {" ".join(linking.words(r.text)) for r in rows}
            dates = [r.published for r in rows if r.published is not None]
            for r in ordered:
                changes = linking.word_changes(reference, r.text)
                if changes != r.changes:
                    change_rows.append(
                        {"k_doc_id": r.doc_id, "k_local_id": r.local_id, "v_changes": changes}
                    )
            quote_rows.append(
                {
                    "k_id": quote_id,
                    "v_text": reference,
                    "v_first_published": min(dates) if dates else None,
                    "v_last_published": max(dates) if dates else None,
                    "v_source_count": len({r.doc_id for r in rows}),
                    "v_variant_count": len(variants),
                    "v_altered": len(variants) > 1,
                }
            )
        if change_rows:
            conn.execute(_UPDATE_SOURCE_CHANGES, change_rows)
        if quote_rows:
            conn.execute(_UPDATE_QUOTE, quote_rows)

    # events ---------------------------------------------------------------------------------
    def _save_events(self, conn: Connection, result: ArticleResult, keys: dict[str, str]) -> None:
        article = result.article
        outlet = linking.outlet(article)[:300]
        new_events: dict[str, dict[str, Any]] = {}
        mentions: list[dict[str, Any]] = []
        for ev in _first_of_each_id(result.events):
            eid = linking.event_id(ev, article)
            if eid not in new_events:
                new_events[eid] = {"id": eid, **_event_values(ev, article, keys)}
            mentions.append(
                {
                    "doc_id": article.id,
                    "local_id": ev.id,
                    "event_id": eid,
                    "outlet": outlet,
                    "sentence_start": ev.sentence[0],
                    "sentence_end": ev.sentence[1],
                    "modality": ev.modality,
                    "quote_id": ev.quote_id,
                }
            )
        if not mentions:
            return
        touched = sorted(new_events)
        # The first article to report an event describes it; later ones only count.
        stored = set(conn.execute(select(_e.id).where(_e.id.in_(touched))).scalars())
        fresh = [row for eid, row in new_events.items() if eid not in stored]
        if fresh:
            conn.execute(self._insert_event, fresh)
        conn.execute(s.event_mentions.insert(), mentions)
        counts = {
            r.event_id: r
            for r in conn.execute(
                select(
                    _em.event_id,
                    func.count().label("mentions"),
                    func.count(_em.doc_id.distinct()).label("articles"),
                    func.count(_em.outlet.distinct()).label("sources"),
                )
                .where(_em.event_id.in_(touched))
                .group_by(_em.event_id)
            )
        }
        d = s.documents.c
        first: dict[str, tuple[tuple[bool, date, str], str, str | None]] = {}
        for r in conn.execute(
            select(_em.event_id, d.id, d.url, d.published)
            .join(s.documents, _em.doc_id == d.id)
            .where(_em.event_id.in_(touched))
        ):
            rank = (r.published is None, r.published or date.min, r.id)
            if r.event_id not in first or rank < first[r.event_id][0]:
                first[r.event_id] = (rank, r.id, r.url)
        conn.execute(
            _UPDATE_EVENT,
            [
                {
                    "k_id": eid,
                    "v_num_mentions": counts[eid].mentions,
                    "v_num_articles": counts[eid].articles,
                    "v_num_sources": counts[eid].sources,
                    "v_first_doc_id": first[eid][1],
                    "v_source_url": first[eid][2],
                }
                for eid in touched
            ],
        )

    # agreements and conditions --------------------------------------------------------------
    def _save_negotiations(self, conn: Connection, result: ArticleResult) -> None:
        doc_id = result.article.id
        rows = []
        for ag in _first_of_each_id(result.agreements):
            rows.append(
                {
                    "doc_id": doc_id,
                    "local_id": ag.id,
                    "kind": ag.kind,
                    "text": ag.text,
                    "status": ag.status,
                    "due": ag.due,
                    "due_text": ag.due_text,
                    "said_by": ag.said_by,
                    "parties": list(ag.parties),
                    "steps": list(ag.steps),
                    "milestones": [m.to_dict() for m in ag.milestones],
                }
            )
        if rows:
            conn.execute(s.agreements.insert(), rows)
        if result.conditions:
            conn.execute(
                s.conditions.insert(),
                [
                    {
                        "doc_id": doc_id,
                        "idx": i,
                        "party": c.party,
                        "kind": c.kind,
                        "items": list(c.items),
                        "said_by": c.said_by,
                        "deadline": c.deadline,
                    }
                    for i, c in enumerate(result.conditions)
                ],
            )


def _first_of_each_id(items: Iterable[_HasId]) -> Iterator[_HasId]:
    """Each item whose ``id`` has not been seen yet: an id is one row, however often listed."""
    seen: set[str] = set()
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            yield item


def _follow(key: str, merged: dict[str, str]) -> str:
    while key in merged:
        key = merged[key]
    return key


def _display_name(actor: Actor, p: linking.ActorProfile) -> str:
    if actor.kind != "person":
        return actor.name
    # Drop a leading title from the display name ("President Trump" -> "Trump").
    tokens = actor.name.split()
    while len(tokens) > 1 and linking.fold(tokens[0]).strip(".") in linking.TITLE_WORDS:
        tokens = tokens[1:]
    return " ".join(tokens)


def _event_values(ev: Event, article: Any, keys: dict[str, str]) -> dict[str, Any]:
    target = ev.targets[0] if ev.targets else None
    place = ev.places[0] if ev.places else None
    day = linking.event_day(ev, article)

    def key_of(ea: Any) -> str | None:
        return keys.get(ea.actor_id) if ea is not None and ea.actor_id else None

    return {
        "code": ev.code,
        "root": ev.root,
        "label": ev.label,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "plover_type": ev.plover_type,
        "plover_mode": ev.plover_mode,
        "source_name": ev.source.name if ev.source else None,
        "source_country": ev.source.country if ev.source else None,
        "source_sector": ev.source.sector if ev.source else None,
        "source_actor_key": key_of(ev.source),
        "target_name": target.name if target else None,
        "target_country": target.country if target else None,
        "target_sector": target.sector if target else None,
        "target_actor_key": key_of(target),
        "day": date.fromisoformat(day) if day else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "place_geonameid": place.geonameid if place else None,
        "place_kind": place.kind if place else None,
        "place_admin1": place.admin1 if place else None,
        "negated": ev.negated,
        "num_mentions": 0,
        "num_sources": 0,
        "num_articles": 0,
    }
