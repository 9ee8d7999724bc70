"""The relational schema: one table per kind of thing a debate and its users hold.

A debate is stored normalised (positions, historians, evidence, relations,
consequences, and the argument graph around them: typed relations, arguments,
schools, the conclusion's claims) so that each node can be edited on its own
with its own version number; ``convert`` rebuilds a ``quaestio.model.Debate`` from the rows. Every
editable row carries ``version`` for optimistic concurrency (a write names the
version it read; a stale one is refused). Timestamps are naive UTC so that a
dump reads the same from SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC with whole microseconds: stored identically by SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def columns(row: object, *names: str) -> dict[str, Any]:
    """The named attributes of a row, keyed by name: API shapes mostly mirror the columns."""
    return {name: getattr(row, name) for name in names}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


# Mixin columns go where the migrations put them: ``sort_order`` places them around the
# class's own columns (which sit at 0, before a mixin's at the same order).
_KEYS, _OWNER, _NODE_KEYS, _TAIL, _LAST, _ADDED = -3, -2, -1, 1, 2, 3


class Versioned:
    """A row guarded by optimistic concurrency: ``version`` moves on every write, last column."""

    version: Mapped[int] = mapped_column(Integer, default=1, sort_order=_LAST)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class PartOfDebate:
    """A row belonging to one debate, removed with it: ``id`` and ``debate_id`` come first."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=_KEYS)
    debate_id: Mapped[int] = mapped_column(
        ForeignKey("debates.id", ondelete="CASCADE"), index=True, sort_order=_KEYS
    )


class Node(PartOfDebate, Versioned):
    """A position, piece of evidence or consequence: its own id, place, weight and source."""

    node_id: Mapped[str] = mapped_column(String(64), sort_order=_NODE_KEYS)
    ord: Mapped[int] = mapped_column(Integer, sort_order=_NODE_KEYS)
    weight: Mapped[float] = mapped_column(Float, sort_order=_TAIL)
    source: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, sort_order=_TAIL)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("debate_id", "node_id"),)


class UsersOwn(PartOfDebate, Versioned):
    """What one user keeps for themselves on one debate (weights, verdicts, review states)."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, sort_order=_OWNER
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, sort_order=_TAIL)


class User(Versioned, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuthSession(Base):
    """A browser sign-in: the cookie holds ``id``'s secret, the row its CSRF token."""

    __tablename__ = "auth_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class ApiToken(Base):
    """A bearer token for scripts; only its SHA-256 is kept."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SchoolClass(Versioned, Base):
    __tablename__ = "classes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    join_code: Mapped[str] = mapped_column(String(32), unique=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # the class's settings, added by migration 0005: an archived class is read-only;
    # ``students_post`` puts students' points straight into the debate (no moderation);
    # ``anonymous`` shows students to each other as "Student 3"; ``weights_locked``
    # keeps the teacher's weights (students' own sliders are refused)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, sort_order=_ADDED)
    students_post: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sql_text("false"), sort_order=_ADDED
    )
    anonymous: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sql_text("false"), sort_order=_ADDED
    )
    weights_locked: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sql_text("false"), sort_order=_ADDED
    )


class Membership(Base):
    __tablename__ = "memberships"
    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16))  # "teacher" | "student"
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DebateRow(Versioned, Base):
    """A debate's own fields; ``owner_id`` NULL marks a library debate anyone may read."""

    __tablename__ = "debates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("classes.id", ondelete="SET NULL"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(Text)
    question: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    source_file: Mapped[str | None] = mapped_column(Text, nullable=True)
    source_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    format_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # moves on every change to the debate or any of its nodes: a cache key for readers
    # (unlike ``version``, which guards the debate's own fields against lost updates)
    content_rev: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class PositionRow(Node, Base):
    __tablename__ = "positions"
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    # the position's tags as a claim (an Argdown statement's ``#tags``); migration 0006
    tags: Mapped[list[Any]] = mapped_column(
        JSON, default=list, server_default=sql_text("'[]'"), sort_order=_ADDED
    )


class HistorianRow(Base):
    """A historian named on a position (``evidence_id`` NULL) or on one of its points.

    A point's historians keep ``position_id`` too, so that every historian of a
    position is found (and deleted) the same way; ``stance`` "against" marks one
    who disputes the claim. Both columns were added by migration 0004.
    """

    __tablename__ = "historians"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position_id: Mapped[int] = mapped_column(
        ForeignKey("positions.id", ondelete="CASCADE"), index=True
    )
    ord: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(200), index=True)
    evidence_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence.id", ondelete="CASCADE"), nullable=True, index=True
    )
    stance: Mapped[str] = mapped_column(String(16), default="for", server_default="for")


class EvidenceRow(Node, Base):
    __tablename__ = "evidence"
    position_id: Mapped[int] = mapped_column(
        ForeignKey("positions.id", ondelete="CASCADE"), index=True, sort_order=_NODE_KEYS
    )
    stance: Mapped[str] = mapped_column(String(16))
    label: Mapped[str | None] = mapped_column(Text, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    years: Mapped[list[Any]] = mapped_column(JSON, default=list)
    figures: Mapped[list[Any]] = mapped_column(JSON, default=list)
    references: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # the analyst's ACH weights for the item (NULL: derived); added by migration 0003
    credibility: Mapped[float | None] = mapped_column(Float, nullable=True, sort_order=_ADDED)
    relevance: Mapped[float | None] = mapped_column(Float, nullable=True, sort_order=_ADDED)
    # the point this one answers (a node id of the same position; NULL: the position
    # itself) and its tags; added by migration 0004
    parent: Mapped[str | None] = mapped_column(String(64), nullable=True, sort_order=_ADDED)
    tags: Mapped[list[Any]] = mapped_column(
        JSON, default=list, server_default=sql_text("'[]'"), sort_order=_ADDED
    )


class AchRatingRow(PartOfDebate, Base):
    """The analyst's ACH rating of one evidence item against one position, by node ids.

    Like a rebuttal, a rating belongs to its evidence item: setting one moves the
    item's version, and deleting the item or the position removes the rating.
    """

    __tablename__ = "ach_ratings"
    __table_args__ = (UniqueConstraint("debate_id", "evidence_node", "position_node"),)
    evidence_node: Mapped[str] = mapped_column(String(64))
    position_node: Mapped[str] = mapped_column(String(64))
    rating: Mapped[str] = mapped_column(String(4))
    ord: Mapped[int] = mapped_column(Integer)


class RelationRow(PartOfDebate, Versioned, Base):
    """A directed link: a counter-point's rebuttal, or a typed relation of the graph.

    A rebuttal (``kind`` "rebuts", ``relation_id`` NULL) belongs to its source point,
    whose version moves with it. A graph relation (support, attack, undercut,
    contrary, contradictory, rephrase) has its own id ("r1"), text, origin, weight
    and version; its target may be another relation's id (an attack on an attack).
    Migration 0004 added the graph columns and replaced the unique (kind, source,
    target) with a unique relation id, since two readers' relations may repeat a link.
    """

    __tablename__ = "relations"
    __table_args__ = (UniqueConstraint("debate_id", "relation_id"),)
    kind: Mapped[str] = mapped_column(String(32))
    source_node: Mapped[str] = mapped_column(String(64))
    target_node: Mapped[str] = mapped_column(String(64))
    ord: Mapped[int] = mapped_column(Integer)
    relation_id: Mapped[str | None] = mapped_column(String(64), nullable=True, sort_order=_ADDED)
    text: Mapped[str] = mapped_column(Text, default="", server_default="", sort_order=_ADDED)
    origin: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, sort_order=_ADDED)
    weight: Mapped[float | None] = mapped_column(Float, nullable=True, sort_order=_ADDED)


class GraphItem(PartOfDebate, Versioned):
    """An item of the graph beside the table (argument, school): its own id and place."""

    node_id: Mapped[str] = mapped_column(String(64), sort_order=_NODE_KEYS)
    ord: Mapped[int] = mapped_column(Integer, sort_order=_NODE_KEYS)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("debate_id", "node_id"),)


class ArgumentRow(GraphItem, Base):
    """A premise-conclusion structure over claim ids (added by migration 0004)."""

    __tablename__ = "arguments"
    title: Mapped[str] = mapped_column(Text)
    premises: Mapped[list[Any]] = mapped_column(JSON, default=list)
    conclusion: Mapped[str] = mapped_column(String(64))
    inference: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class SchoolRow(GraphItem, Base):
    """A named group of positions, as a historiography is taught (added by migration 0004)."""

    __tablename__ = "schools"
    name: Mapped[str] = mapped_column(Text)
    positions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")


class ConclusionClaimRow(Node, Base):
    """One sentence of the conclusion as a claim; ``judgements`` is a list of
    ``{"position", "verdict"}`` (added by migration 0004)."""

    __tablename__ = "conclusion_claims"
    text: Mapped[str] = mapped_column(Text)
    judgements: Mapped[list[Any]] = mapped_column(JSON, default=list)


class ConsequenceRow(Node, Base):
    __tablename__ = "consequences"
    polarity: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text, nullable=True)


class WeightRow(UsersOwn, Base):
    """One user's own weight for one node, overriding the debate's default."""

    __tablename__ = "weights"
    __table_args__ = (UniqueConstraint("debate_id", "user_id", "node_id"),)
    node_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(Float)


class VerdictRow(UsersOwn, Base):
    """One user's written verdict on a debate, optionally naming the position they favour."""

    __tablename__ = "verdicts"
    __table_args__ = (UniqueConstraint("debate_id", "user_id"),)
    text: Mapped[str] = mapped_column(Text, default="")
    favoured: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ReviewStateRow(UsersOwn, Base):
    """A user's spaced-repetition state for one flashcard, kept as the study layer's JSON."""

    __tablename__ = "review_states"
    __table_args__ = (UniqueConstraint("debate_id", "user_id", "card_id"),)
    card_id: Mapped[str] = mapped_column(String(200))
    state: Mapped[dict[str, Any]] = mapped_column(JSON)


class ShareLink(PartOfDebate, Base):
    __tablename__ = "share_links"
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Revision(Base):
    """One change: who made it, when, to what, and the state before and after."""

    __tablename__ = "revisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int | None] = mapped_column(
        ForeignKey("debates.id", ondelete="CASCADE"), nullable=True, index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(32))
    resource: Mapped[str] = mapped_column(String(32))
    resource_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


# -- the classroom (migration 0005) ------------------------------------------------------
class ClassDebate(Base):
    """A debate given to a class: one debate may serve several classes.

    ``debates.class_id`` (the class a debate was imported for) is copied here by the
    migration; access reads this table, so adding a debate to a second class needs
    no copy of it.
    """

    __tablename__ = "class_debates"
    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    debate_id: Mapped[int] = mapped_column(
        ForeignKey("debates.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AssignmentRow(Versioned, Base):
    """Work set for a class on one of its debates: what to do and by when."""

    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("debates.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    instructions: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ContributionRow(Versioned, Base):
    """A student's point for or against a claim of a class debate, until a teacher decides.

    ``status`` is "pending", "approved" or "rejected"; an approved one names the point
    it became (``node_id``), made through the ordinary versioned edit path.
    """

    __tablename__ = "contributions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("debates.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    position_node: Mapped[str] = mapped_column(String(64))
    parent_node: Mapped[str | None] = mapped_column(String(64), nullable=True)
    stance: Mapped[str] = mapped_column(String(16))
    label: Mapped[str | None] = mapped_column(Text, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    node_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CommentRow(Base):
    """A remark in a class on a claim (``node_id``) or on a student's verdict (``about_user``)."""

    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("debates.id", ondelete="CASCADE"), index=True)
    node_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    about_user: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class QuizScoreRow(Base):
    """One marked quiz: how many of how many, so a teacher sees the class's scores."""

    __tablename__ = "quiz_scores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("debates.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    score: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # a quiz marked one question at a time (the web page) adds up in one row: the same
    # ``attempt`` (its seed and length), each question counted once (``answered``)
    attempt: Mapped[str | None] = mapped_column(String(100), nullable=True)
    answered: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default=sql_text("'[]'"))


class PasswordResetRow(Base):
    """A one-time link to set a new password; only the SHA-256 of its secret is kept."""

    __tablename__ = "password_resets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class TeamRow(Base):
    """A small group of a class's students with its own copy of a debate.

    The copy (``debate_id``) is not one of the class's debates: only the team's members
    (as students) and the class's teachers reach it, so a team argues on its own.
    """

    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    debate_id: Mapped[int] = mapped_column(
        ForeignKey("debates.id", ondelete="CASCADE"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TeamMember(Base):
    __tablename__ = "team_members"
    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
