"""PostgreSQL: a stored tsvector column for quote search (SQLite: nothing to do).

With only an expression index, any plan that does not use the GIN index (e.g. walking the
newest-first index for a common word) recomputes ``to_tsvector`` for every row it visits; a
stored, generated column makes those plans cheap too.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE quotes ADD COLUMN text_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED"
    )
    op.execute("CREATE INDEX ix_quotes_tsv ON quotes USING GIN (text_tsv)")
    op.execute("DROP INDEX IF EXISTS ix_quotes_text_tsv")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX ix_quotes_text_tsv ON quotes USING GIN (to_tsvector('simple', text))")
    op.execute("DROP INDEX IF EXISTS ix_quotes_tsv")
    op.execute("ALTER TABLE quotes DROP COLUMN text_tsv")
