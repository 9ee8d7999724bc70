"""Tags on positions, as points already have them

An Argdown statement's ``#tags`` belong to the claim, and a position is a claim too;
until now its tags were kept in the model and files but dropped by the store. Every
existing position starts with no tags.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN with a constant default, not a batch: on SQLite a batch
    # rebuilds the table, and dropping the old ``positions`` under foreign keys would
    # cascade into every point and historian of every debate.
    op.add_column(
        "positions", sa.Column("tags", sa.JSON(), server_default="[]", nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.drop_column("tags")
