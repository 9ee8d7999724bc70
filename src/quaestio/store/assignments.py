"""Assignments: a teacher sets a class a debate, what to do with it and a due date.

"Done" is what the store can see without asking the student: a written verdict on
the debate. A verdict saved after the due date counts as done, late.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import NotFoundError, ValidationError
from quaestio.store.access import Actor
from quaestio.store.classes import get_class
from quaestio.store.classroom import in_class, require_open, teaching
from quaestio.store.debates import check_version, flush_versioned
from quaestio.store.models import AssignmentRow, Membership, User, VerdictRow, columns
from quaestio.store.revisions import record

MAX_TITLE = 300
MAX_INSTRUCTIONS = 10_000


def assignment_dict(row: AssignmentRow) -> dict[str, Any]:
    return columns(
        row,
        "id",
        "class_id",
        "debate_id",
        "title",
        "instructions",
        "due_at",
        "created_at",
        "version",
    )


def _check(session: Session, class_id: int, data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "debate_id" in data:
        debate_id = data["debate_id"]
        if not isinstance(debate_id, int) or not in_class(session, class_id, debate_id):
            raise ValidationError("choose one of the class's debates", field="debate_id")
        out["debate_id"] = debate_id
    if "title" in data:
        title = str(data["title"] or "").strip()
        if not title:
            raise ValidationError("an assignment needs a title", field="title")
        if len(title) > MAX_TITLE:
            raise ValidationError(f"a title is at most {MAX_TITLE} characters", field="title")
        out["title"] = title
    if "instructions" in data:
        text = str(data["instructions"] or "").strip()
        if len(text) > MAX_INSTRUCTIONS:
            raise ValidationError("the instructions are too long", field="instructions")
        out["instructions"] = text
    if "due_at" in data:
        due = data["due_at"]
        if due is not None and not isinstance(due, datetime):
            raise ValidationError("due_at is a date and time, or null", field="due_at")
        out["due_at"] = None if due is None else due.replace(tzinfo=None)
    return out


def create(session: Session, actor: Actor, class_id: int, data: dict[str, Any]) -> AssignmentRow:
    klass = teaching(session, actor, class_id)
    require_open(klass)
    for need in ("debate_id", "title"):
        if need not in data:
            raise ValidationError(f"an assignment needs {need}", field=need)
    values = _check(session, class_id, data)
    row = AssignmentRow(class_id=class_id, created_by=actor.user_id, **values)
    session.add(row)
    session.flush()
    _log(session, actor, row, "create")
    return row


def of_class(session: Session, actor: Actor, class_id: int) -> list[AssignmentRow]:
    get_class(session, actor, class_id)
    return list(
        session.scalars(
            select(AssignmentRow)
            .where(AssignmentRow.class_id == class_id)
            .order_by(AssignmentRow.due_at.is_(None), AssignmentRow.due_at, AssignmentRow.id)
        )
    )


def get(session: Session, actor: Actor, class_id: int, assignment_id: int) -> AssignmentRow:
    get_class(session, actor, class_id)
    row = session.get(AssignmentRow, assignment_id)
    if row is None or row.class_id != class_id:
        raise NotFoundError(f"no assignment {assignment_id}", field="assignment_id")
    return row


def update(
    session: Session,
    actor: Actor,
    class_id: int,
    assignment_id: int,
    expected: int,
    data: dict[str, Any],
) -> AssignmentRow:
    teaching(session, actor, class_id)
    row = get(session, actor, class_id, assignment_id)
    check_version("assignment", str(assignment_id), expected, row.version, assignment_dict(row))
    for key, value in _check(session, class_id, data).items():
        setattr(row, key, value)
    flush_versioned(session, "assignment", str(assignment_id))
    _log(session, actor, row, "update")
    return row


def delete(session: Session, actor: Actor, class_id: int, assignment_id: int) -> None:
    teaching(session, actor, class_id)
    row = get(session, actor, class_id, assignment_id)
    _log(session, actor, row, "delete")
    session.delete(row)


def status(
    session: Session, actor: Actor, class_id: int, assignment_id: int
) -> list[dict[str, Any]]:
    """Each student of the class: done or not (a written verdict), when, and whether late."""
    teaching(session, actor, class_id)
    row = get(session, actor, class_id, assignment_id)
    students = session.execute(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.class_id == class_id, Membership.role == "student")
        .order_by(User.username)
    ).scalars()
    verdicts = {
        v.user_id: v
        for v in session.scalars(select(VerdictRow).where(VerdictRow.debate_id == row.debate_id))
        if v.text.strip()
    }
    out = []
    for user in students:
        verdict = verdicts.get(user.id)
        done_at = None if verdict is None else verdict.updated_at
        out.append(
            {
                "user_id": user.id,
                "username": user.username,
                "name": user.display_name or user.username,
                "done": verdict is not None,
                "done_at": done_at,
                "late": bool(done_at and row.due_at and done_at > row.due_at),
            }
        )
    return out


def _log(session: Session, actor: Actor, row: AssignmentRow, action: str) -> None:
    record(
        session,
        debate_id=row.debate_id,
        user_id=actor.user_id,
        action=action,
        resource="assignment",
        resource_id=str(row.id),
        after={"title": row.title, "due_at": row.due_at.isoformat() if row.due_at else None},
    )
