"""Students arguing in a class: points they add under any claim, and the teacher's queue.

A student of a class adds a point for or against any claim of one of the class's
debates (a position or any point, to any depth) with its source. It waits in the
class's moderation queue until a teacher approves it (perhaps edited first) or
rejects it with a note; approving adds the point through the ordinary versioned edit
path (``nodes.create_evidence``), so it has a node id, history and undo like any
other. A class set to ``students_post`` skips the queue: the point goes in at once, as a
teacher's own point always does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import NotFoundError, PermissionDeniedError, ValidationError
from quaestio.store import nodes
from quaestio.store.access import Actor, class_role
from quaestio.store.classroom import class_debate, require_open
from quaestio.store.debates import check_version, flush_versioned
from quaestio.store.models import (
    ContributionRow,
    EvidenceRow,
    Membership,
    PositionRow,
    SchoolClass,
    User,
    columns,
    utcnow,
)
from quaestio.store.revisions import record

MAX_TEXT = 5000
MAX_SOURCE = 1000
STATUSES = ("pending", "approved", "rejected")
DECISIONS = {"approve": "approved", "reject": "rejected"}


def contribution_dict(row: ContributionRow, author: str) -> dict[str, Any]:
    out = columns(
        row,
        "id",
        "class_id",
        "debate_id",
        "stance",
        "label",
        "text",
        "source",
        "status",
        "node_id",
        "note",
        "created_at",
        "decided_at",
        "version",
    )
    out.update(claim=row.parent_node or row.position_node, author=author, user_id=row.user_id)
    return out


def names(session: Session, klass: SchoolClass, viewer: Actor, role: str) -> dict[int, str]:
    """How the class's members are named to this viewer.

    In an anonymous class a student sees classmates as "Student 1", "Student 2"...
    (numbered by when they joined, so the numbers stay put) and themselves as "you";
    teachers always see names, and a teacher is always named.
    """
    rows = session.execute(
        select(User, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.class_id == klass.id)
        .order_by(Membership.joined_at, User.id)
    )
    out: dict[int, str] = {}
    number = 0
    for user, member_role in rows:
        name = user.display_name or user.username
        if member_role == "student":
            number += 1
            if klass.anonymous and role != "teacher" and user.id != viewer.user_id:
                name = f"Student {number}"
        out[user.id] = name
    return out


def _text(value: Any, field: str, limit: int, *, required: bool) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise ValidationError(f"{field} cannot be empty", field=field)
    if len(text) > limit:
        raise ValidationError(f"{field} is longer than {limit} characters", field=field)
    return text


def _stance(value: Any) -> str:
    if value not in ("for", "against"):
        raise ValidationError("stance is 'for' or 'against'", field="stance")
    return str(value)


def _claim(session: Session, debate_id: int, claim: str) -> tuple[str, str | None]:
    """The position a point under ``claim`` belongs to, and the point it answers (if any)."""
    position = session.scalar(
        select(PositionRow.node_id).where(
            PositionRow.debate_id == debate_id, PositionRow.node_id == claim
        )
    )
    if position is not None:
        return position, None
    point = session.scalar(
        select(EvidenceRow).where(EvidenceRow.debate_id == debate_id, EvidenceRow.node_id == claim)
    )
    if point is None:
        raise ValidationError(f"{claim!r} is not a claim of this debate", field="claim")
    above = session.get(PositionRow, point.position_id)
    assert above is not None
    return above.node_id, point.node_id


def _apply(
    session: Session, actor: Actor, row: ContributionRow, *, checked: bool
) -> dict[str, Any]:
    """Make the contribution a point of the debate (``checked``: the teacher's edit path)."""
    data: dict[str, Any] = {
        "position_id": row.position_node,
        "parent": row.parent_node,
        "stance": row.stance,
        "label": row.label,
        "text": row.text,
        "references": [row.source] if row.source else [],
    }
    try:
        make = nodes.create_evidence if checked else nodes.add_evidence
        node = make(session, actor, row.debate_id, data)
    except NotFoundError as exc:  # the claim was deleted while the point waited
        raise ValidationError(
            f"the claim this point answers is gone: {exc.message}", field="claim"
        ) from exc
    row.node_id = str(node["id"])
    return node


def contribute(
    session: Session, actor: Actor, class_id: int, debate_id: int, data: dict[str, Any]
) -> ContributionRow:
    """A member's point for or against a claim: queued, or added at once if the class allows."""
    klass = class_debate(session, actor, class_id, debate_id)
    require_open(klass)
    assert actor.user_id is not None
    claim = _text(data.get("claim"), "claim", 64, required=True)
    position, parent = _claim(session, debate_id, claim)
    label = _text(data.get("label"), "label", 300, required=False) or None
    row = ContributionRow(
        class_id=class_id,
        debate_id=debate_id,
        user_id=actor.user_id,
        position_node=position,
        parent_node=parent,
        stance=_stance(data.get("stance")),
        label=label,
        text=_text(data.get("text"), "text", MAX_TEXT, required=True),
        source=_text(data.get("source"), "source", MAX_SOURCE, required=False),
        status="pending",
        note="",
    )
    session.add(row)
    session.flush()
    teacher = class_role(session, actor.user_id, class_id) == "teacher"
    if teacher or klass.students_post:  # a teacher's own point needs no approval
        _apply(session, actor, row, checked=teacher)
        row.status = "approved"
        row.decided_at = utcnow()
        row.decided_by = actor.user_id if teacher else None
        session.flush()
    _log(session, actor, row, "create")
    return row


def contributions(
    session: Session,
    actor: Actor,
    class_id: int,
    *,
    status: str | None = None,
    debate_id: int | None = None,
) -> list[tuple[ContributionRow, str]]:
    """The class's contributions with their authors' names: all for a teacher, one's own else."""
    from quaestio.store.classes import get_class

    klass, role = get_class(session, actor, class_id)
    if status is not None and status not in STATUSES:
        raise ValidationError("status is pending, approved or rejected", field="status")
    query = select(ContributionRow).where(ContributionRow.class_id == class_id)
    if role != "teacher":
        query = query.where(ContributionRow.user_id == actor.user_id)
    if status is not None:
        query = query.where(ContributionRow.status == status)
    if debate_id is not None:
        query = query.where(ContributionRow.debate_id == debate_id)
    who = names(session, klass, actor, role)
    rows = session.scalars(query.order_by(ContributionRow.id))
    return [(r, who.get(r.user_id, "a former member")) for r in rows]


def decide(
    session: Session,
    actor: Actor,
    class_id: int,
    contribution_id: int,
    expected: int,
    decision: str,
    *,
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> ContributionRow:
    """A teacher approves (after any edits in ``changes``) or rejects a waiting contribution."""
    from quaestio.store.classroom import teaching

    klass = teaching(session, actor, class_id)
    require_open(klass)
    row = session.get(ContributionRow, contribution_id)
    if row is None or row.class_id != class_id:
        raise NotFoundError(f"no contribution {contribution_id}", field="contribution_id")
    if decision not in DECISIONS:
        raise ValidationError("decision is 'approve' or 'reject'", field="decision")
    check_version("contribution", str(contribution_id), expected, row.version, {})
    if row.status != "pending":
        raise ValidationError(f"this contribution is already {row.status}", field="decision")
    for key, value in (changes or {}).items():
        if key == "text":
            row.text = _text(value, "text", MAX_TEXT, required=True)
        elif key == "label":
            row.label = _text(value, "label", 300, required=False) or None
        elif key == "source":
            row.source = _text(value, "source", MAX_SOURCE, required=False)
        elif key == "stance":
            row.stance = _stance(value)
        else:
            raise ValidationError(f"a contribution has no field {key!r}", field=key)
    row.note = _text(note, "note", MAX_TEXT, required=False)
    row.status = DECISIONS[decision]
    row.decided_by = actor.user_id
    row.decided_at = utcnow()
    if row.status == "approved":
        _apply(session, actor, row, checked=True)
    flush_versioned(session, "contribution", str(contribution_id))
    _log(session, actor, row, decision)
    return row


def withdraw(session: Session, actor: Actor, class_id: int, contribution_id: int) -> None:
    """A student takes back their own point while it still waits."""
    row = session.get(ContributionRow, contribution_id)
    if row is None or row.class_id != class_id or row.user_id != actor.user_id:
        raise NotFoundError(f"no contribution {contribution_id}", field="contribution_id")
    if row.status != "pending":
        raise PermissionDeniedError(f"this contribution is already {row.status}")
    session.delete(row)
    _log(session, actor, row, "delete")


def _log(session: Session, actor: Actor, row: ContributionRow, action: str) -> None:
    record(
        session,
        debate_id=row.debate_id,
        user_id=actor.user_id,
        action=action,
        resource="contribution",
        resource_id=str(row.id),
        after={"status": row.status, "node_id": row.node_id, "claim": row.parent_node},
    )
