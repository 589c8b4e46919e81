"""Quote source columns: where the document names the quote's speaker and where its cue is.

They hold ``Quote.speaker.mention`` and ``Quote.cue_span`` (character offsets into the
document's text), so a reader can check each attribution in the text. Adding nullable columns
needs no batch mode on SQLite.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = ("speaker_mention_start", "speaker_mention_end", "cue_start", "cue_end")


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column("quote_sources", sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quote_sources") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
