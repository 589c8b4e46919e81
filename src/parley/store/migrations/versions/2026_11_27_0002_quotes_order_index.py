"""Quotes: index (first_published, id) so newest-first search pages stop after one page.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


# Plain index operations, not batch mode: a batch "move and copy" would recreate the quotes
# table on SQLite and silently drop the triggers that keep quotes_fts in step.


def upgrade() -> None:
    op.drop_index("ix_quotes_first_published", table_name="quotes")
    op.create_index("ix_quotes_first_published_id", "quotes", ["first_published", "id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_first_published_id", table_name="quotes")
    op.create_index("ix_quotes_first_published", "quotes", ["first_published"])
