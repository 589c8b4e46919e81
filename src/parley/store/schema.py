"""The store's tables, in SQLAlchemy Core, for SQLite and PostgreSQL alike.

The Alembic migrations in ``parley/store/migrations`` create exactly these tables (a test compares
them). Full-text search is not declared here because it differs by backend: an FTS5 table kept in
step by triggers on SQLite; on PostgreSQL a stored generated ``text_tsv`` column
(``to_tsvector('simple', text)``) with a GIN index.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

#: Constraint names that Alembic batch mode can recreate on SQLite (STYLE.md §5).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

#: Marks the database as Parley's; a database with tables but without this one is refused.
parley_meta = Table(
    "parley_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("origin", Text),  # file name or record id the article came from
    Column("title", Text),
    Column("url", Text),
    Column("source", String(200)),  # outlet
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("result", JSON, nullable=False),  # ArticleResult.to_dict()
    Column("parley_version", String(32)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_published", "published"),
)

actors = Table(
    "actors",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(16)),  # ISO alpha-3, or a CAMEO code such as IGOEEC
    Column("title", Text),  # latest title seen
    Column("surname", String(120)),  # normalised last name token (persons)
    Column("full_name", Boolean, nullable=False),  # False: known only by a single name so far
    Index("ix_actors_surname", "surname"),
    Index("ix_actors_name", "name"),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_key", String(80), ForeignKey("actors.key", ondelete="CASCADE"), primary_key=True),
    Column("alias", String(300), primary_key=True),  # normalised: lower case, no accents, no titles
    Index("ix_actor_aliases_alias", "alias"),
)

#: One row per actor per document: how the article named and titled them.
mentions = Table(
    "mentions",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(80), primary_key=True),  # Actor.id within the article
    Column("actor_key", String(80), ForeignKey("actors.key"), nullable=False),
    Column("name", Text, nullable=False),
    Column("title", Text),
    Column("count", Integer, nullable=False),
    Index("ix_mentions_actor_key", "actor_key"),
)

#: One row per distinct quote; the same words carried by several outlets share a row.
quotes = Table(
    "quotes",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),  # FTS5 rowid
    Column("id", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),  # wording of the earliest source
    Column("speaker_key", String(80), ForeignKey("actors.key")),
    Column("speaker_name", Text),
    Column("kind", String(16), nullable=False),
    Column("first_published", Date),
    Column("last_published", Date),
    Column("source_count", Integer, nullable=False),
    Column("variant_count", Integer, nullable=False),  # distinct wordings across sources
    Column("altered", Boolean, nullable=False),  # variant_count > 1: the integrity flag
    Index("ix_quotes_speaker_key", "speaker_key"),
    # Newest-first pages walk this index (see queries.SCAN_ORDER_ABOVE).
    Index("ix_quotes_first_published_id", "first_published", "id"),
)

#: Where a quote appeared: one row per quote per document, with that document's wording.
quote_sources = Table(
    "quote_sources",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(80), primary_key=True),  # Quote.id within the article
    Column("quote_id", String(64), ForeignKey("quotes.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue", Text),
    Column("confidence", Float),
    # Where this document names the speaker for the quote, and its cue (Quote.speaker.mention,
    # Quote.cue_span): character offsets into the document's text.
    Column("speaker_mention_start", Integer),
    Column("speaker_mention_end", Integer),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    # Quote.stance: the cue reports a belief, intent or stance, not words.
    Column("stance", Boolean, nullable=False, server_default=false()),
    Column("published", Date),
    Column("changes", JSON),  # words removed/added against the quote's reference wording
    Index("ix_quote_sources_quote_id", "quote_id"),
)

dates = Table(
    "dates",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String(32)),
    Column("type", String(16), nullable=False, server_default="DATE"),  # TIMEX3 type
    Column("timex", String(32)),  # TimeML value: 2025-W16, P30D, PRESENT_REF
    Column("mod", String(16)),
    Column("deadline", String(32)),
)

#: One row per real-world event, deduplicated across articles by dyad, code, day and place.
events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("code", String(8), nullable=False),
    Column("root", String(4), nullable=False),
    Column("label", Text),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("plover_type", String(40)),
    Column("plover_mode", String(40)),
    Column("source_name", Text),
    Column("source_country", String(16)),
    Column("source_sector", String(40)),
    Column("source_actor_key", String(80)),
    Column("target_name", Text),
    Column("target_country", String(16)),
    Column("target_sector", String(40)),
    Column("target_actor_key", String(80)),
    Column("day", Date),
    Column("place_name", Text),
    Column("place_country", String(16)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("place_geonameid", BigInteger),  # GeoNames id of the resolved place (issue 14)
    Column("place_kind", String(16)),  # city | admin1 | admin2 | country | region | ...
    Column("place_admin1", Text),
    Column("negated", Boolean, nullable=False),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("first_doc_id", String(64)),
    Column("source_url", Text),
    Index("ix_events_day", "day"),
    Index("ix_events_code", "code"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_target_country", "target_country"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(80), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id"), nullable=False),
    Column("outlet", String(300), nullable=False),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("modality", String(20)),
    Column("quote_id", String(80)),
    Index("ix_event_mentions_event_id", "event_id"),
)

agreements = Table(
    "agreements",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(80), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("text", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("due", String(32)),
    Column("due_text", Text),
    Column("said_by", Text),
    Column("parties", JSON, nullable=False),
    Column("steps", JSON, nullable=False),
    # the dated steps of the agreement (``AgreementStep.to_dict`` each); NULL in rows stored
    # before revision 0009
    Column("milestones", JSON),
)

conditions = Table(
    "conditions",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("party", Text),
    Column("kind", String(20), nullable=False),
    Column("items", JSON, nullable=False),
    Column("said_by", Text),
    Column("deadline", String(32)),
)

failures = Table(
    "failures",
    metadata,
    Column("article_id", String(300), primary_key=True),
    Column("stage", String(40), primary_key=True),
    Column("message", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

#: Names of backend-specific full-text objects, left out of schema comparisons.
FTS_OBJECTS = frozenset({"quotes_fts", "ix_quotes_text_tsv", "ix_quotes_tsv", "text_tsv"})
