"""Agreement milestones: the dated steps of an agreement whose mentions are linked into one
record (memorandum signed, finalisation due, signing expected), as JSON.

Adding a nullable column needs no batch mode on SQLite.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("agreements", sa.Column("milestones", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.drop_column("milestones")
