"""Event place columns: the resolved place's GeoNames id, kind and first-level division.

They feed the GDELT export (ActionGeo_FeatureID, ActionGeo_Type) and the dashboard map.
Adding nullable columns needs no batch mode on SQLite.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = (
    ("place_geonameid", sa.BigInteger()),
    ("place_kind", sa.String(16)),
    ("place_admin1", sa.Text()),
)


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("events", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
