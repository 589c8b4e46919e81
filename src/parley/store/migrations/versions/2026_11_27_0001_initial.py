"""Initial store: documents, actors, mentions, quotes, dates, events, agreements, failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk() -> sa.ForeignKey:
    return sa.ForeignKey("documents.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "parley_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("origin", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.String(200)),
        sa.Column("published", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("parley_version", sa.String(32)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "actors",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("title", sa.Text),
        sa.Column("surname", sa.String(120)),
        sa.Column("full_name", sa.Boolean, nullable=False),
    )
    op.create_index("ix_actors_surname", "actors", ["surname"])
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_table(
        "actor_aliases",
        sa.Column(
            "actor_key",
            sa.String(80),
            sa.ForeignKey("actors.key", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("alias", sa.String(300), primary_key=True),
    )
    op.create_index("ix_actor_aliases_alias", "actor_aliases", ["alias"])
    op.create_table(
        "mentions",
        sa.Column("doc_id", sa.String(64), _doc_fk(), primary_key=True),
        sa.Column("local_id", sa.String(80), primary_key=True),
        sa.Column("actor_key", sa.String(80), sa.ForeignKey("actors.key"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("ix_mentions_actor_key", "mentions", ["actor_key"])
    op.create_table(
        "quotes",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker_key", sa.String(80), sa.ForeignKey("actors.key")),
        sa.Column("speaker_name", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("first_published", sa.Date),
        sa.Column("last_published", sa.Date),
        sa.Column("source_count", sa.Integer, nullable=False),
        sa.Column("variant_count", sa.Integer, nullable=False),
        sa.Column("altered", sa.Boolean, nullable=False),
    )
    op.create_index("ix_quotes_speaker_key", "quotes", ["speaker_key"])
    op.create_index("ix_quotes_first_published", "quotes", ["first_published"])
    op.create_table(
        "quote_sources",
        sa.Column("doc_id", sa.String(64), _doc_fk(), primary_key=True),
        sa.Column("local_id", sa.String(80), primary_key=True),
        sa.Column("quote_id", sa.String(64), sa.ForeignKey("quotes.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("published", sa.Date),
        sa.Column("changes", sa.JSON),
    )
    op.create_index("ix_quote_sources_quote_id", "quote_sources", ["quote_id"])
    op.create_table(
        "dates",
        sa.Column("doc_id", sa.String(64), _doc_fk(), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("value", sa.String(10)),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("root", sa.String(4), nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("goldstein", sa.Float, nullable=False),
        sa.Column("plover_type", sa.String(40)),
        sa.Column("plover_mode", sa.String(40)),
        sa.Column("source_name", sa.Text),
        sa.Column("source_country", sa.String(3)),
        sa.Column("source_sector", sa.String(40)),
        sa.Column("source_actor_key", sa.String(80)),
        sa.Column("target_name", sa.Text),
        sa.Column("target_country", sa.String(3)),
        sa.Column("target_sector", sa.String(40)),
        sa.Column("target_actor_key", sa.String(80)),
        sa.Column("day", sa.Date),
        sa.Column("place_name", sa.Text),
        sa.Column("place_country", sa.String(3)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("num_mentions", sa.Integer, nullable=False),
        sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False),
        sa.Column("first_doc_id", sa.String(64)),
        sa.Column("source_url", sa.Text),
    )
    op.create_index("ix_events_day", "events", ["day"])
    op.create_index("ix_events_code", "events", ["code"])
    op.create_index("ix_events_source_country", "events", ["source_country"])
    op.create_index("ix_events_target_country", "events", ["target_country"])
    op.create_table(
        "event_mentions",
        sa.Column("doc_id", sa.String(64), _doc_fk(), primary_key=True),
        sa.Column("local_id", sa.String(80), primary_key=True),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("outlet", sa.String(300), nullable=False),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
        sa.Column("modality", sa.String(20)),
        sa.Column("quote_id", sa.String(80)),
    )
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])
    op.create_table(
        "agreements",
        sa.Column("doc_id", sa.String(64), _doc_fk(), primary_key=True),
        sa.Column("local_id", sa.String(80), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("due", sa.String(10)),
        sa.Column("due_text", sa.Text),
        sa.Column("said_by", sa.Text),
        sa.Column("parties", sa.JSON, nullable=False),
        sa.Column("steps", sa.JSON, nullable=False),
    )
    op.create_table(
        "conditions",
        sa.Column("doc_id", sa.String(64), _doc_fk(), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("party", sa.Text),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("items", sa.JSON, nullable=False),
        sa.Column("said_by", sa.Text),
        sa.Column("deadline", sa.String(10)),
    )
    op.create_table(
        "failures",
        sa.Column("article_id", sa.String(300), primary_key=True),
        sa.Column("stage", sa.String(40), primary_key=True),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )

    # Full-text search over quote wording; same tokenising idea on both backends: lower-cased
    # words, no stemming, so SQLite and PostgreSQL answer the same query the same way.
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', "
            "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
            "INSERT INTO quotes_fts(rowid, text) VALUES (new.pk, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
            "INSERT INTO quotes_fts(quotes_fts, rowid, text) "
            "VALUES ('delete', old.pk, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text ON quotes BEGIN "
            "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text); "
            "INSERT INTO quotes_fts(rowid, text) VALUES (new.pk, new.text); END"
        )
    else:
        op.execute(
            "CREATE INDEX ix_quotes_text_tsv ON quotes USING GIN (to_tsvector('simple', text))"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("quotes_fts_ai", "quotes_fts_ad", "quotes_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
    for table in (
        "failures",
        "conditions",
        "agreements",
        "event_mentions",
        "events",
        "dates",
        "quote_sources",
        "quotes",
        "mentions",
        "actor_aliases",
        "actors",
        "documents",
        "parley_meta",
    ):
        op.drop_table(table)
