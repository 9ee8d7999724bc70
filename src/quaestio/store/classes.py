"""Classes (a teacher and their students) and share links for read-only access.

A class is joined with its join code or added to by a teacher; membership is
what lets a student read the class's debates, and nothing else does.
"""

from __future__ import annotations

import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quaestio.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from quaestio.store.access import Actor, class_role, debate_for
from quaestio.store.models import ClassDebate, Membership, SchoolClass, ShareLink, User
from quaestio.store.revisions import record

ROLES = ("teacher", "student")


def class_dict(row: SchoolClass, role: str | None) -> dict[str, object]:
    out: dict[str, object] = {
        "id": row.id,
        "name": row.name,
        "role": role,
        "version": row.version,
        "archived": row.archived_at is not None,
        "students_post": row.students_post,
        "anonymous": row.anonymous,
        "weights_locked": row.weights_locked,
    }
    if role == "teacher":
        out["join_code"] = row.join_code
    return out


def create_class(session: Session, actor: Actor, name: str) -> SchoolClass:
    if actor.user_id is None:
        raise PermissionDeniedError("sign in to create a class")
    if not name.strip():
        raise ValidationError("a class needs a name", field="name")
    row = SchoolClass(name=name, join_code=secrets.token_hex(4), created_by=actor.user_id)
    session.add(row)
    session.flush()
    session.add(Membership(class_id=row.id, user_id=actor.user_id, role="teacher"))
    record(
        session,
        debate_id=None,
        user_id=actor.user_id,
        action="create",
        resource="class",
        resource_id=str(row.id),
        after={"name": name},
    )
    return row


def mine(
    session: Session, actor: Actor, *, limit: int, offset: int
) -> tuple[list[tuple[SchoolClass, str]], int]:
    if actor.user_id is None:
        return [], 0
    total = session.scalar(
        select(func.count()).select_from(Membership).where(Membership.user_id == actor.user_id)
    )
    rows = session.execute(
        select(SchoolClass, Membership.role)
        .join(Membership, Membership.class_id == SchoolClass.id)
        .where(Membership.user_id == actor.user_id)
        .order_by(SchoolClass.id)
        .limit(limit)
        .offset(offset)
    )
    return [(c, r) for c, r in rows], int(total or 0)


def get_class(
    session: Session, actor: Actor, class_id: int, need: str = "student"
) -> tuple[SchoolClass, str]:
    row = session.get(SchoolClass, class_id)
    role = class_role(session, actor.user_id, class_id)
    if row is None or role is None:
        raise NotFoundError(f"class {class_id} does not exist", field="class_id")
    if need == "teacher" and role != "teacher":
        raise PermissionDeniedError("only a teacher of the class may do this", field="class_id")
    return row, role


def _log(
    session: Session, actor: Actor, class_id: int, action: str, user_id: int, role: str | None
) -> None:
    record(
        session,
        debate_id=None,
        user_id=actor.user_id,
        action=action,
        resource="membership",
        resource_id=f"{class_id}/{user_id}",
        after=None if role is None else {"role": role},
    )


def join(session: Session, actor: Actor, code: str) -> SchoolClass:
    if actor.user_id is None:
        raise PermissionDeniedError("sign in to join a class")
    row = session.scalar(select(SchoolClass).where(SchoolClass.join_code == code))
    if row is None:
        raise NotFoundError("no class has this join code", field="code")
    if row.archived_at is not None:
        raise PermissionDeniedError("this class is archived: ask your teacher", field="code")
    if class_role(session, actor.user_id, row.id) is None:
        session.add(Membership(class_id=row.id, user_id=actor.user_id, role="student"))
        session.flush()
        _log(session, actor, row.id, "join", actor.user_id, "student")
    return row


def members(session: Session, actor: Actor, class_id: int) -> list[tuple[User, str]]:
    get_class(session, actor, class_id, "teacher")
    rows = session.execute(
        select(User, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.class_id == class_id)
        .order_by(User.username)
    )
    return [(u, r) for u, r in rows]


def add_member(session: Session, actor: Actor, class_id: int, username: str, role: str) -> None:
    get_class(session, actor, class_id, "teacher")
    if role not in ROLES:
        raise ValidationError("role is 'teacher' or 'student'", field="role")
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"no user {username!r}", field="username")
    existing = session.get(Membership, (class_id, user.id))
    if existing is not None:
        if existing.role == role:
            raise ConflictError(f"{username} is already a {role} of this class", field="username")
        existing.role = role
    else:
        session.add(Membership(class_id=class_id, user_id=user.id, role=role))
    session.flush()
    _log(session, actor, class_id, "add", user.id, role)


def remove_member(session: Session, actor: Actor, class_id: int, user_id: int) -> None:
    if user_id != actor.user_id:
        get_class(session, actor, class_id, "teacher")
    row = session.get(Membership, (class_id, user_id))
    if row is None:
        raise NotFoundError("not a member of this class", field="user_id")
    session.delete(row)
    _log(session, actor, class_id, "remove", user_id, None)


# -- share links ----------------------------------------------------------------------
def create_share(session: Session, actor: Actor, debate_id: int) -> ShareLink:
    debate_for(session, actor, debate_id, "owner")
    assert actor.user_id is not None
    link = ShareLink(debate_id=debate_id, token=secrets.token_urlsafe(24), created_by=actor.user_id)
    session.add(link)
    session.flush()
    record(
        session,
        debate_id=debate_id,
        user_id=actor.user_id,
        action="share",
        resource="share_link",
        resource_id=str(link.id),
    )
    return link


def list_shares(session: Session, actor: Actor, debate_id: int) -> list[ShareLink]:
    debate_for(session, actor, debate_id, "owner")
    return list(
        session.scalars(
            select(ShareLink)
            .where(ShareLink.debate_id == debate_id, ShareLink.revoked.is_(False))
            .order_by(ShareLink.id)
        )
    )


def revoke_share(session: Session, actor: Actor, debate_id: int, link_id: int) -> None:
    debate_for(session, actor, debate_id, "owner")
    link = session.get(ShareLink, link_id)
    if link is None or link.debate_id != debate_id or link.revoked:
        raise NotFoundError(f"no share link {link_id}", field="share_id")
    link.revoked = True


def debate_of_share(session: Session, token: str) -> int:
    link = session.scalar(
        select(ShareLink).where(ShareLink.token == token, ShareLink.revoked.is_(False))
    )
    if link is None:
        raise NotFoundError("this share link does not exist or was revoked", field="token")
    return link.debate_id


def classes_with_debate(session: Session, user_id: int | None, debate_id: int) -> list[SchoolClass]:
    """The user's classes (live ones, by name) that have this debate: where it is discussed."""
    if user_id is None:
        return []
    return list(
        session.scalars(
            select(SchoolClass)
            .join(Membership, Membership.class_id == SchoolClass.id)
            .join(ClassDebate, ClassDebate.class_id == SchoolClass.id)
            .where(
                Membership.user_id == user_id,
                ClassDebate.debate_id == debate_id,
                SchoolClass.archived_at.is_(None),
            )
            .order_by(SchoolClass.name, SchoolClass.id)
        )
    )
