"""Quote stance column: the cue reports a belief, intent or stance rather than words.

It holds ``Quote.stance`` ("believes the bill will pass", "endorsed the governor"), so a reader
of reported speech can keep words only. Existing rows are reported words: the default is false.
Adding a column with a server default needs no batch mode on SQLite.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "quote_sources",
        sa.Column("stance", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("quote_sources") as batch:
        batch.drop_column("stance")
