"""The argument graph: nested points, historians on points, typed relations, arguments,
schools and the conclusion's claims

Every existing row is kept as it is: a point without a parent answers its position, a
historian without a point is a position's, a relation without an id is a rebuttal.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _graph_item(name: str, *columns: sa.Column[object]) -> None:
    """A table of one kind of graph item: id, debate, node id, place, own columns, version."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=False),
        sa.Column("ord", sa.Integer(), nullable=False),
        *columns,
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debate_id"],
            ["debates.id"],
            name=op.f(f"fk_{name}_debate_id_debates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("debate_id", "node_id", name=op.f(f"uq_{name}_debate_id")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_debate_id"), ["debate_id"], unique=False)


def upgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("tags", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
    with op.batch_alter_table("historians", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evidence_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("stance", sa.String(length=16), server_default="for", nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_historians_evidence_id"), ["evidence_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_historians_evidence_id_evidence"),
            "evidence",
            ["evidence_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_constraint("uq_relations_debate_id", type_="unique")
        batch_op.add_column(sa.Column("relation_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("text", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("origin", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("weight", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch_op.create_unique_constraint(
            batch_op.f("uq_relations_debate_id"), ["debate_id", "relation_id"]
        )
    _graph_item(
        "arguments",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("premises", sa.JSON(), nullable=False),
        sa.Column("conclusion", sa.String(length=64), nullable=False),
        sa.Column("inference", sa.Text(), nullable=False),
        sa.Column("origin", sa.JSON(), nullable=True),
    )
    _graph_item(
        "schools",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("positions", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
    )
    _graph_item(
        "conclusion_claims",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("judgements", sa.JSON(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("source", sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    """Back to 0003: what the table cannot hold is dropped; nested points answer their position."""
    for name in ("conclusion_claims", "schools", "arguments"):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{name}_debate_id"))
        op.drop_table(name)
    op.execute("DELETE FROM relations WHERE relation_id IS NOT NULL")
    op.execute("DELETE FROM historians WHERE evidence_id IS NOT NULL")
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_constraint("uq_relations_debate_id", type_="unique")
        batch_op.drop_column("version")
        batch_op.drop_column("weight")
        batch_op.drop_column("origin")
        batch_op.drop_column("text")
        batch_op.drop_column("relation_id")
        batch_op.create_unique_constraint(
            "uq_relations_debate_id", ["debate_id", "kind", "source_node", "target_node"]
        )
    with op.batch_alter_table("historians", schema=None) as batch_op:
        batch_op.drop_constraint("fk_historians_evidence_id_evidence", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_historians_evidence_id"))
        batch_op.drop_column("stance")
        batch_op.drop_column("evidence_id")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("tags")
        batch_op.drop_column("parent")
