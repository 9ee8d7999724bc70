"""Request and response bodies of the classroom API (classes at work, moderation, comments)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from quaestio.web.api.schemas import DbId

Text = Field(min_length=1, max_length=5000)


class ClassPatch(BaseModel):
    """Change a class: name it, archive it, or change how its students work."""

    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=0, description="the version you read (a stale one is a 409)")
    name: str | None = Field(default=None, min_length=1, max_length=200)
    archived: bool | None = None
    students_post: bool | None = Field(
        default=None, description="students' points go straight in, without moderation"
    )
    anonymous: bool | None = Field(
        default=None, description='classmates see each other as "Student 3"; teachers see names'
    )
    weights_locked: bool | None = Field(
        default=None, description="students keep the teacher's weights"
    )


class ClassDebateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    debate_id: DbId
    copy_first: bool = Field(
        default=False,
        description="give the class a fresh copy (needed for a debate you do not own)",
    )


class AssignmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    debate_id: DbId
    title: str = Field(min_length=1, max_length=300)
    instructions: str = Field(default="", max_length=10_000)
    due_at: datetime | None = None


class AssignmentPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=0)
    debate_id: DbId | None = None
    title: str | None = Field(default=None, min_length=1, max_length=300)
    instructions: str | None = Field(default=None, max_length=10_000)
    due_at: datetime | None = None


class AssignmentOut(BaseModel):
    id: int
    class_id: int
    debate_id: int
    title: str
    instructions: str
    due_at: datetime | None
    created_at: datetime
    version: int


class DoneOut(BaseModel):
    user_id: int
    username: str
    name: str
    done: bool
    done_at: datetime | None
    late: bool


class ContributionIn(BaseModel):
    """A point for or against ``claim`` (a position's or a point's id), with its source."""

    model_config = ConfigDict(extra="forbid")
    claim: str = Field(min_length=1, max_length=64, description="the claim answered, e.g. p1.f2")
    stance: Literal["for", "against"]
    text: str = Text
    label: str | None = Field(default=None, max_length=300)
    source: str = Field(default="", max_length=1000, description="where it comes from")


class DecisionIn(BaseModel):
    """A teacher's decision on a waiting contribution, with any edits made before approving."""

    model_config = ConfigDict(extra="forbid")
    decision: Literal["approve", "reject"]
    version: int = Field(ge=0)
    note: str = Field(default="", max_length=5000, description="a word for the student")
    text: str | None = Field(default=None, min_length=1, max_length=5000)
    label: str | None = Field(default=None, max_length=300)
    stance: Literal["for", "against"] | None = None
    source: str | None = Field(default=None, max_length=1000)


class ContributionOut(BaseModel):
    id: int
    class_id: int
    debate_id: int
    claim: str
    stance: str
    label: str | None
    text: str
    source: str
    status: str
    node_id: str | None
    note: str
    author: str
    user_id: int = Field(description="the author (a student sees only their own)")
    created_at: datetime
    decided_at: datetime | None
    version: int


class CommentIn(BaseModel):
    """On a claim (``node_id``) or, for a teacher, on a student's verdict (``about_user``)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Text
    node_id: str | None = Field(default=None, min_length=1, max_length=64)
    about_user: DbId | None = None


class CommentOut(BaseModel):
    id: int
    debate_id: int
    node_id: str | None
    about_user: int | None
    text: str
    author: str
    created_at: datetime


class ProgressOut(BaseModel):
    user_id: int
    username: str
    name: str
    debate_id: int
    debate_title: str
    verdict: str
    favoured: str | None
    verdict_at: datetime | None
    weights: int = Field(description="how many weights the student set")
    quizzes: int
    quiz_best: str
    quiz_last: str
    cards_reviewed: int
    cards_due: int
    contributions: dict[str, int]
    comments: list[str] = Field(description="the teacher's comments on the verdict")


class RatingOut(BaseModel):
    node_id: str
    mean: float
    spread: float = Field(description="population standard deviation of the students' weights")
    raters: int


class ClassStandingOut(BaseModel):
    id: str
    title: str
    rank: int = Field(description="rank under the class's weights (equal standings share one)")
    standing: str
    words: str = Field(description="the standing in plain words")
    best_rank: int = Field(description="the best rank any student's own weights give it")
    worst_rank: int = Field(description="the worst rank any student's own weights give it")
    first_for: int = Field(description="students whose own weights put it first")


class VerdictLineOut(BaseModel):
    label: str | None = None
    text: str
    refs: list[dict[str, Any]] = Field(description="the nodes the sentence rests on")


class ClassVerdictOut(BaseModel):
    class_id: int
    debate_id: int
    raters: int = Field(description="students who rated at least one point")
    locked: bool = Field(description="the teacher has locked the weights: theirs decide")
    defaults: str = Field(
        description="where a point no student rated takes its weight: 'teacher' or 'debate'"
    )
    consensus: bool = Field(description="every student's own weights put the leader first")
    positions: list[ClassStandingOut]
    ratings: list[RatingOut] = Field(description="the students' weights, node by node")
    disputed: list[RatingOut] = Field(description="the points with the largest spread")
    summary: list[VerdictLineOut]
    reasons: list[VerdictLineOut]


class ResetLinkOut(BaseModel):
    url: str = Field(description="shown once: hand it to the student")
    expires_at: datetime


class ResetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=10, max_length=200)
    password: str = Field(min_length=8, max_length=1000)


class TeamIn(BaseModel):
    """A team of some of the class's students, with its own copy of one of its debates."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    debate_id: DbId
    members: list[DbId] = Field(min_length=1, max_length=200, description="students' user ids")


class TeamMemberOut(BaseModel):
    id: int
    username: str


class TeamOut(BaseModel):
    id: int
    class_id: int
    name: str
    debate_id: int = Field(description="the team's own copy of the debate")
    members: list[TeamMemberOut]
