"""The analyst's ACH judgements: ach_ratings, evidence.credibility, evidence.relevance

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ach_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("evidence_node", sa.String(length=64), nullable=False),
        sa.Column("position_node", sa.String(length=64), nullable=False),
        sa.Column("rating", sa.String(length=4), nullable=False),
        sa.Column("ord", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debate_id"],
            ["debates.id"],
            name=op.f("fk_ach_ratings_debate_id_debates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ach_ratings")),
        sa.UniqueConstraint(
            "debate_id", "evidence_node", "position_node", name=op.f("uq_ach_ratings_debate_id")
        ),
    )
    with op.batch_alter_table("ach_ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ach_ratings_debate_id"), ["debate_id"], unique=False)
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credibility", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("relevance", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("relevance")
        batch_op.drop_column("credibility")
    with op.batch_alter_table("ach_ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ach_ratings_debate_id"))
    op.drop_table("ach_ratings")
