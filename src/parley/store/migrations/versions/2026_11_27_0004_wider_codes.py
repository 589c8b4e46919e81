"""Wider country and date columns: CAMEO actor codes (IGOEEC) and free-form due dates.

SQLite ignores VARCHAR lengths but PostgreSQL enforces them, so an event with the source
country "IGOEEC" failed only on PostgreSQL. On SQLite batch mode recreates the (small) tables;
``Store`` runs migrations with foreign keys off there, as Alembic's batch documentation asks,
so recreating ``actors`` cannot cascade into ``actor_aliases``. ``quotes`` is not touched (its
FTS triggers would not survive a recreate).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CHANGES = {
    "actors": [("country", 3, 16)],
    "events": [("source_country", 3, 16), ("target_country", 3, 16), ("place_country", 3, 16)],
    "dates": [("value", 10, 32)],
    "agreements": [("due", 10, 32)],
    "conditions": [("deadline", 10, 32)],
}


def upgrade() -> None:
    for table, columns in CHANGES.items():
        with op.batch_alter_table(table) as batch:
            for name, old, new in columns:
                batch.alter_column(name, type_=sa.String(new), existing_type=sa.String(old))


def downgrade() -> None:
    for table, columns in CHANGES.items():
        with op.batch_alter_table(table) as batch:
            for name, old, new in columns:
                batch.alter_column(name, type_=sa.String(old), existing_type=sa.String(new))
