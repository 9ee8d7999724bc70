"""Comments in a class: on any claim of a class debate, and a teacher's on a student's verdict.

A comment on a claim is read by the whole class (named as ``contributions.names``
says, so an anonymous class stays anonymous); a comment on a verdict is between the
teacher and that student, and nobody else in the class sees it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from quaestio.errors import NotFoundError, PermissionDeniedError, ValidationError
from quaestio.store.access import Actor, class_role
from quaestio.store.classroom import class_debate, require_open
from quaestio.store.contributions import MAX_TEXT, names
from quaestio.store.models import CommentRow, EvidenceRow, PositionRow, columns
from quaestio.store.revisions import record


def comment_dict(row: CommentRow, author: str) -> dict[str, Any]:
    out = columns(row, "id", "debate_id", "node_id", "about_user", "text", "created_at")
    out["author"] = author
    return out


def _is_claim(session: Session, debate_id: int, node_id: str) -> bool:
    for model in (PositionRow, EvidenceRow):
        found = session.scalar(
            select(model.id).where(model.debate_id == debate_id, model.node_id == node_id)
        )
        if found is not None:
            return True
    return False


def add_comment(
    session: Session,
    actor: Actor,
    class_id: int,
    debate_id: int,
    text: str,
    *,
    node_id: str | None = None,
    about_user: int | None = None,
) -> CommentRow:
    """Comment on a claim (``node_id``) or, as a teacher, on a student's verdict (``about_user``)."""
    klass = class_debate(session, actor, class_id, debate_id)
    require_open(klass)
    assert actor.user_id is not None
    body = (text or "").strip()
    if not body:
        raise ValidationError("a comment needs some text", field="text")
    if len(body) > MAX_TEXT:
        raise ValidationError(f"a comment is at most {MAX_TEXT} characters", field="text")
    if (node_id is None) == (about_user is None):
        raise ValidationError("comment on a claim (node_id) or on a verdict (about_user)")
    if node_id is not None and not _is_claim(session, debate_id, node_id):
        raise ValidationError(f"{node_id!r} is not a claim of this debate", field="node_id")
    if about_user is not None:
        if class_role(session, actor.user_id, class_id) != "teacher":
            raise PermissionDeniedError("only a teacher comments on a student's verdict")
        if class_role(session, about_user, class_id) is None:
            raise ValidationError("that user is not in this class", field="about_user")
    row = CommentRow(
        class_id=class_id,
        debate_id=debate_id,
        node_id=node_id,
        about_user=about_user,
        author_id=actor.user_id,
        text=body,
    )
    session.add(row)
    session.flush()
    record(
        session,
        debate_id=debate_id,
        user_id=actor.user_id,
        action="create",
        resource="comment",
        resource_id=str(row.id),
        after={"node_id": node_id, "about_user": about_user},
    )
    return row


def comments(
    session: Session, actor: Actor, class_id: int, debate_id: int
) -> list[tuple[CommentRow, str]]:
    """The comments this member may read on a class debate, oldest first, with authors."""
    klass = class_debate(session, actor, class_id, debate_id)
    role = class_role(session, actor.user_id, class_id) or "student"
    query = select(CommentRow).where(
        CommentRow.class_id == class_id, CommentRow.debate_id == debate_id
    )
    if role != "teacher":
        query = query.where(
            or_(CommentRow.about_user.is_(None), CommentRow.about_user == actor.user_id)
        )
    who = names(session, klass, actor, role)
    rows = session.scalars(query.order_by(CommentRow.id))
    return [(r, who.get(r.author_id, "a former member")) for r in rows]


def delete_comment(session: Session, actor: Actor, class_id: int, comment_id: int) -> None:
    """The author, or a teacher of the class, removes a comment."""
    row = session.get(CommentRow, comment_id)
    role = class_role(session, actor.user_id, class_id)
    if row is None or row.class_id != class_id or role is None:
        raise NotFoundError(f"no comment {comment_id}", field="comment_id")
    if row.author_id != actor.user_id and role != "teacher":
        raise PermissionDeniedError("only its author or a teacher may delete a comment")
    session.delete(row)
