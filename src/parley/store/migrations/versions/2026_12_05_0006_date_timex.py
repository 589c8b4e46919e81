"""TimeML columns on dates: type, timex, mod and deadline (issue 13).

Every time expression is stored now, not only calendar days, months and years: ``type`` is the
TIMEX3 type (DATE, TIME, DURATION, SET), ``timex`` its TimeML value, ``mod`` the TimeML modifier
and ``deadline`` the ISO day a time limit ends. Existing rows get type DATE and no timex.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dates") as batch:
        batch.add_column(sa.Column("type", sa.String(16), nullable=False, server_default="DATE"))
        batch.add_column(sa.Column("timex", sa.String(32)))
        batch.add_column(sa.Column("mod", sa.String(16)))
        batch.add_column(sa.Column("deadline", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("dates") as batch:
        batch.drop_column("deadline")
        batch.drop_column("mod")
        batch.drop_column("timex")
        batch.drop_column("type")
