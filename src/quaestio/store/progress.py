"""What a teacher sees of a class's work: each student's progress, the class's ratings, CSV.

Per student and class debate: the verdict they wrote (and the position they favour),
how many weights they moved, their quiz scores, their flashcards (reviewed, due now),
their contributions by status and the teacher's comments on their verdict. The
class's ratings are the students' own weights, node by node, as a mean with its
spread: the class verdict computed from them is the students' collective judgement,
not the debate's layout.
"""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quaestio.store.access import Actor, debate_for
from quaestio.store.classroom import class_debate, debates_of, teaching
from quaestio.store.models import (
    CommentRow,
    ContributionRow,
    Membership,
    QuizScoreRow,
    ReviewStateRow,
    User,
    VerdictRow,
    WeightRow,
    utcnow,
)


@dataclass
class StudentProgress:
    """One student's work on one class debate."""

    user_id: int
    username: str
    name: str
    debate_id: int
    debate_title: str
    verdict: str = ""
    favoured: str | None = None
    verdict_at: datetime | None = None
    weights: int = 0
    quiz_best: str = ""
    quiz_last: str = ""
    quizzes: int = 0
    cards_reviewed: int = 0
    cards_due: int = 0
    contributions: dict[str, int] = field(
        default_factory=lambda: {"pending": 0, "approved": 0, "rejected": 0}
    )
    comments: list[str] = field(default_factory=list)


def _due(state: dict[str, Any], now: datetime) -> bool:
    """Whether a stored flashcard state (the study layer's JSON) is due at ``now``."""
    try:
        due = datetime.fromisoformat(str(state["fsrs"]["due"]))
    except (KeyError, TypeError, ValueError):
        return False
    return due.replace(tzinfo=None) <= now


def students(session: Session, class_id: int) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.class_id == class_id, Membership.role == "student")
            .order_by(User.username)
        )
    )


def progress(
    session: Session, actor: Actor, class_id: int, *, debate_id: int | None = None
) -> list[StudentProgress]:
    """Every student's progress on every class debate (or one), for the class's teachers."""
    teaching(session, actor, class_id)
    everyone = students(session, class_id)
    work = [(d, everyone) for d in debates_of(session, actor, class_id)]
    work += _team_work(session, class_id)
    now = utcnow()
    out: list[StudentProgress] = []
    for d, pupils in work:
        if debate_id not in (None, d.id):
            continue
        ids = [u.id for u in pupils]
        rows = {
            u.id: StudentProgress(u.id, u.username, u.display_name or u.username, d.id, d.title)
            for u in pupils
        }
        for v in session.scalars(
            select(VerdictRow).where(VerdictRow.debate_id == d.id, VerdictRow.user_id.in_(ids))
        ):
            rows[v.user_id].verdict, rows[v.user_id].favoured = v.text, v.favoured
            rows[v.user_id].verdict_at = v.updated_at
        counted = session.execute(
            select(WeightRow.user_id, func.count())
            .where(WeightRow.debate_id == d.id, WeightRow.user_id.in_(ids))
            .group_by(WeightRow.user_id)
        )
        for user_id, n in counted:
            rows[user_id].weights = int(n)
        for q in session.scalars(
            select(QuizScoreRow)
            .where(QuizScoreRow.debate_id == d.id, QuizScoreRow.user_id.in_(ids))
            .order_by(QuizScoreRow.at, QuizScoreRow.id)
        ):
            p = rows[q.user_id]
            p.quizzes += 1
            p.quiz_last = f"{q.score}/{q.total}"
            best = p.quiz_best.split("/") if p.quiz_best else None
            if best is None or q.score * int(best[1]) > int(best[0]) * q.total:
                p.quiz_best = p.quiz_last
        for r in session.scalars(
            select(ReviewStateRow).where(
                ReviewStateRow.debate_id == d.id, ReviewStateRow.user_id.in_(ids)
            )
        ):
            rows[r.user_id].cards_reviewed += 1
            rows[r.user_id].cards_due += int(_due(r.state, now))
        for c in session.scalars(
            select(ContributionRow).where(
                ContributionRow.class_id == class_id, ContributionRow.debate_id == d.id
            )
        ):
            if c.user_id in rows:
                rows[c.user_id].contributions[c.status] += 1
        for m in session.scalars(
            select(CommentRow)
            .where(
                CommentRow.class_id == class_id,
                CommentRow.debate_id == d.id,
                CommentRow.about_user.in_(ids),
            )
            .order_by(CommentRow.id)
        ):
            assert m.about_user is not None
            rows[m.about_user].comments.append(m.text)
        out += [rows[u.id] for u in pupils]
    return out


def _team_work(session: Session, class_id: int) -> list[tuple[Any, list[User]]]:
    """Each team's own copy of a debate with the team's members (the students on it)."""
    from quaestio.store.models import DebateRow, TeamMember, TeamRow

    out = []
    for team in session.scalars(
        select(TeamRow).where(TeamRow.class_id == class_id).order_by(TeamRow.id)
    ):
        debate = session.get(DebateRow, team.debate_id)
        members = select(TeamMember.user_id).where(TeamMember.team_id == team.id)
        pupils = list(
            session.scalars(select(User).where(User.id.in_(members)).order_by(User.username))
        )
        if debate is not None and debate.deleted_at is None:
            out.append((debate, pupils))
    return out


CSV_COLUMNS = (
    "debate_id",
    "debate",
    "username",
    "name",
    "verdict",
    "favoured",
    "verdict_at",
    "weights_set",
    "quizzes",
    "quiz_best",
    "quiz_last",
    "cards_reviewed",
    "cards_due",
    "contributions_approved",
    "contributions_pending",
    "contributions_rejected",
    "teacher_comments",
)


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text starting =, +, - or @ gets a quote mark."""
    text = (
        "" if value is None else (value.isoformat() if isinstance(value, datetime) else str(value))
    )
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def progress_csv(session: Session, actor: Actor, class_id: int) -> str:
    """The class's results as CSV, one row per student and debate."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for p in progress(session, actor, class_id):
        writer.writerow(
            _cell(v)
            for v in (
                p.debate_id,
                p.debate_title,
                p.username,
                p.name,
                p.verdict,
                p.favoured,
                p.verdict_at,
                p.weights,
                p.quizzes,
                p.quiz_best,
                p.quiz_last,
                p.cards_reviewed,
                p.cards_due,
                p.contributions["approved"],
                p.contributions["pending"],
                p.contributions["rejected"],
                " | ".join(p.comments),
            )
        )
    return out.getvalue()


# -- quiz scores ------------------------------------------------------------------------
def record_quiz(
    session: Session, actor: Actor, debate_id: int, score: int, total: int
) -> QuizScoreRow | None:
    """Keep a signed-in reader's marked quiz (nobody's is kept for an anonymous visitor)."""
    if actor.user_id is None:
        return None
    debate_for(session, actor, debate_id, "student")
    row = QuizScoreRow(
        debate_id=debate_id, user_id=actor.user_id, score=max(0, score), total=max(0, total)
    )
    session.add(row)
    session.flush()
    return row


def record_answer(
    session: Session, actor: Actor, debate_id: int, attempt: str, question: str, correct: bool
) -> QuizScoreRow | None:
    """Add one marked question to the reader's quiz ``attempt`` (each question counts once)."""
    if actor.user_id is None:
        return None
    debate_for(session, actor, debate_id, "student")
    row = session.scalar(
        select(QuizScoreRow).where(
            QuizScoreRow.debate_id == debate_id,
            QuizScoreRow.user_id == actor.user_id,
            QuizScoreRow.attempt == attempt[:100],
        )
    )
    if row is None:
        row = QuizScoreRow(
            debate_id=debate_id,
            user_id=actor.user_id,
            score=0,
            total=0,
            attempt=attempt[:100],
            answered=[],
        )
        session.add(row)
    if question not in row.answered:
        row.answered = [*row.answered, question]
        row.total += 1
        row.score += int(correct)
        row.at = utcnow()
    session.flush()
    return row


# -- the class's ratings ------------------------------------------------------------------
@dataclass(frozen=True)
class Rating:
    """The class's weights for one node: mean, spread (population sd) and how many rated."""

    node_id: str
    mean: float
    spread: float
    raters: int


def class_ratings(session: Session, actor: Actor, class_id: int, debate_id: int) -> list[Rating]:
    """The students' own weights of a class debate, node by node (members may read it)."""
    class_debate(session, actor, class_id, debate_id)
    ids = [u.id for u in students(session, class_id)]
    values: dict[str, list[float]] = {}
    for node_id, value in session.execute(
        select(WeightRow.node_id, WeightRow.value).where(
            WeightRow.debate_id == debate_id, WeightRow.user_id.in_(ids)
        )
    ):
        values.setdefault(node_id, []).append(float(value))
    return [
        Rating(n, statistics.fmean(v), statistics.pstdev(v), len(v))
        for n, v in sorted(values.items())
    ]


def weights_locked_for(session: Session, actor: Actor, debate_id: int) -> bool:
    """Whether a student's own weights on this debate are locked by a class's teacher."""
    from quaestio.store.access import debate_class_role
    from quaestio.store.models import ClassDebate, DebateRow, SchoolClass

    row = session.get(DebateRow, debate_id)
    if row is None or actor.user_id is None or row.owner_id == actor.user_id:
        return False
    if debate_class_role(session, actor.user_id, row) != "student":
        return False
    mine = select(Membership.class_id).where(
        Membership.user_id == actor.user_id, Membership.role == "student"
    )
    linked = select(ClassDebate.class_id).where(ClassDebate.debate_id == debate_id)
    locked = session.scalar(
        select(func.count())
        .select_from(SchoolClass)
        .where(
            SchoolClass.id.in_(mine),
            SchoolClass.id.in_(linked) | (SchoolClass.id == row.class_id),
            SchoolClass.weights_locked.is_(True),
        )
    )
    return bool(locked)


@dataclass(frozen=True)
class ClassWeights:
    """What the class verdict is computed from: each student's own weights, the teacher's
    (the class default for a point a student did not rate) and whether they are locked."""

    students: dict[int, dict[str, float]]
    teacher: dict[str, float]
    locked: bool


def class_weights(session: Session, actor: Actor, class_id: int, debate_id: int) -> ClassWeights:
    """The weights behind the class verdict of a class debate (members may read it)."""
    klass = class_debate(session, actor, class_id, debate_id)
    ids = [u.id for u in students(session, class_id)]
    own: dict[int, dict[str, float]] = {}
    for user_id, node_id, value in session.execute(
        select(WeightRow.user_id, WeightRow.node_id, WeightRow.value).where(
            WeightRow.debate_id == debate_id, WeightRow.user_id.in_(ids)
        )
    ):
        own.setdefault(int(user_id), {})[node_id] = float(value)
    teacher = {
        node_id: float(value)
        for node_id, value in session.execute(
            select(WeightRow.node_id, WeightRow.value).where(
                WeightRow.debate_id == debate_id, WeightRow.user_id == klass.created_by
            )
        )
    }
    return ClassWeights(own, teacher, bool(klass.weights_locked))


def class_default(session: Session, actor: Actor, debate_id: int) -> tuple[dict[str, float], bool]:
    """(the class default weights, locked) for a student of a class holding the debate.

    The class default is the weighting of the class's teacher (the class's creator): a
    point a student has not rated starts at the teacher's weight, not the debate's. With
    the weights locked it is the only weighting the student works with. Anyone else (the
    owner, a teacher, a reader outside a class) gets no class default.
    """
    from quaestio.store.models import ClassDebate, DebateRow, SchoolClass

    row = session.get(DebateRow, debate_id)
    if row is None or actor.user_id is None or row.owner_id == actor.user_id:
        return {}, False
    mine = select(Membership.class_id).where(
        Membership.user_id == actor.user_id, Membership.role == "student"
    )
    linked = select(ClassDebate.class_id).where(ClassDebate.debate_id == debate_id)
    classes = session.scalars(
        select(SchoolClass)
        .where(
            SchoolClass.id.in_(mine),
            SchoolClass.id.in_(linked) | (SchoolClass.id == row.class_id),
        )
        .order_by(SchoolClass.weights_locked.desc(), SchoolClass.id)
    ).all()
    if not classes:
        return {}, False
    klass = classes[0]  # a locking class wins; else the first class the debate is in
    teacher = {
        node_id: float(value)
        for node_id, value in session.execute(
            select(WeightRow.node_id, WeightRow.value).where(
                WeightRow.debate_id == debate_id, WeightRow.user_id == klass.created_by
            )
        )
    }
    return teacher, bool(klass.weights_locked)
