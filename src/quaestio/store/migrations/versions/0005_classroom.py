"""The classroom: class settings, debates in several classes, assignments, students'
contributions, comments, quiz scores, small teams and one-time password-reset links

Every existing row is kept: a debate imported for a class (``debates.class_id``) is
copied into ``class_debates``, so the same students keep reading it; a class starts
unarchived, moderated, with names shown and weights open.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def _index(table: str, *names: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name in names:
            batch_op.create_index(batch_op.f(f"ix_{table}_{name}"), [name], unique=False)


def upgrade() -> None:
    # plain ADD COLUMN, never a batch copy: on SQLite a copy drops the old ``classes``
    # table, and its ON DELETE rules would empty memberships and debates.class_id
    op.add_column("classes", sa.Column("archived_at", sa.DateTime(), nullable=True))
    for name in ("students_post", "anonymous", "weights_locked"):
        op.add_column(
            "classes",
            sa.Column(name, sa.Boolean(), server_default=sa.text("false"), nullable=False),
        )
    op.create_table(
        "class_debates",
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        _fk("class_debates", "class_id", "classes", "CASCADE"),
        _fk("class_debates", "debate_id", "debates", "CASCADE"),
        _fk("class_debates", "added_by", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("class_id", "debate_id", name=op.f("pk_class_debates")),
    )
    _index("class_debates", "debate_id")
    op.execute(
        "INSERT INTO class_debates (class_id, debate_id, added_by, added_at) "
        "SELECT class_id, id, owner_id, created_at FROM debates WHERE class_id IS NOT NULL"
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("assignments", "class_id", "classes", "CASCADE"),
        _fk("assignments", "debate_id", "debates", "CASCADE"),
        _fk("assignments", "created_by", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    _index("assignments", "class_id")
    op.create_table(
        "contributions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("position_node", sa.String(length=64), nullable=False),
        sa.Column("parent_node", sa.String(length=64), nullable=True),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("contributions", "class_id", "classes", "CASCADE"),
        _fk("contributions", "debate_id", "debates", "CASCADE"),
        _fk("contributions", "user_id", "users", "CASCADE"),
        _fk("contributions", "decided_by", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributions")),
    )
    _index("contributions", "class_id", "debate_id")
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=True),
        sa.Column("about_user", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("comments", "class_id", "classes", "CASCADE"),
        _fk("comments", "debate_id", "debates", "CASCADE"),
        _fk("comments", "about_user", "users", "CASCADE"),
        _fk("comments", "author_id", "users", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    _index("comments", "class_id", "debate_id")
    op.create_table(
        "quiz_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("attempt", sa.String(length=100), nullable=True),
        sa.Column("answered", sa.JSON(), server_default=sa.text("'[]'"), nullable=False),
        _fk("quiz_scores", "debate_id", "debates", "CASCADE"),
        _fk("quiz_scores", "user_id", "users", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_scores")),
    )
    _index("quiz_scores", "debate_id", "user_id")
    op.create_table(
        "password_resets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        _fk("password_resets", "user_id", "users", "CASCADE"),
        _fk("password_resets", "created_by", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_resets")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_password_resets_token_hash")),
    )
    _index("password_resets", "user_id")
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("debate_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("teams", "class_id", "classes", "CASCADE"),
        _fk("teams", "debate_id", "debates", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("debate_id", name=op.f("uq_teams_debate_id")),
    )
    _index("teams", "class_id")
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        _fk("team_members", "team_id", "teams", "CASCADE"),
        _fk("team_members", "user_id", "users", "CASCADE"),
        sa.PrimaryKeyConstraint("team_id", "user_id", name=op.f("pk_team_members")),
    )
    _index("team_members", "user_id")


def downgrade() -> None:
    """Back to 0004: the classroom's tables go; a debate keeps its first class in class_id."""
    indexed = {
        "team_members": ("user_id",),
        "teams": ("class_id",),
        "password_resets": ("user_id",),
        "quiz_scores": ("debate_id", "user_id"),
        "comments": ("class_id", "debate_id"),
        "contributions": ("class_id", "debate_id"),
        "assignments": ("class_id",),
        "class_debates": ("debate_id",),
    }
    op.execute(
        "UPDATE debates SET class_id = (SELECT MIN(class_id) FROM class_debates "
        "WHERE class_debates.debate_id = debates.id) WHERE class_id IS NULL"
    )
    for table, names in indexed.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in names:
                batch_op.drop_index(batch_op.f(f"ix_{table}_{name}"))
        op.drop_table(table)
    for name in ("weights_locked", "anonymous", "students_post", "archived_at"):
        # ALTER TABLE ... DROP COLUMN on both databases (SQLite 3.35+), for the reason above
        op.execute(f"ALTER TABLE classes DROP COLUMN {name}")
