"""debates.content_rev: a counter that moves on every change, for read caches

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("debates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("content_rev", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("debates", schema=None) as batch_op:
        batch_op.drop_column("content_rev")
