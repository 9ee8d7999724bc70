"""Who may do what to a debate: the one place the permission rules live.

Roles on a debate, strongest first:

- ``owner``: the user who imported or created it; everything, including delete,
  sharing and assigning it to a class.
- ``teacher``: a teacher of a class the debate is given to (``class_debates``;
  one debate may serve several classes); edits the content and reads every
  member's weights and verdicts.
  A small team's own copy of a debate is reached by the class's teachers (as
  teachers) and the team's members (as students) only.
- ``student``: a student of such a class (or any signed-in user on a library
  debate, one without an owner); reads it and writes only their own weights,
  verdicts and review states.
- ``reader``: anyone holding a live share link (or anyone at all on a library
  debate); reads the debate and nothing personal.

Anyone else gets "not found", so the existence of another class's debate does
not leak.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import NotFoundError, PermissionDeniedError
from quaestio.store.models import (
    ClassDebate,
    DebateRow,
    Membership,
    ShareLink,
    TeamMember,
    TeamRow,
)

Role = Literal["owner", "teacher", "student", "reader"]
RANK: dict[Role, int] = {"reader": 0, "student": 1, "teacher": 2, "owner": 3}


@dataclass(frozen=True)
class Actor:
    """Who is asking: a signed-in user, a share-link holder, or nobody."""

    user_id: int | None = None
    share_token: str | None = None

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None


ANONYMOUS = Actor()


def class_role(session: Session, user_id: int | None, class_id: int | None) -> str | None:
    if user_id is None or class_id is None:
        return None
    return session.scalar(
        select(Membership.role).where(
            Membership.class_id == class_id, Membership.user_id == user_id
        )
    )


def debate_class_role(session: Session, user_id: int, row: DebateRow) -> str | None:
    """The user's strongest role in any class the debate is given to (teacher first)."""
    classes = select(ClassDebate.class_id).where(ClassDebate.debate_id == row.id)
    roles = set(
        session.scalars(
            select(Membership.role).where(
                Membership.user_id == user_id,
                (Membership.class_id.in_(classes)) | (Membership.class_id == row.class_id),
            )
        )
    )
    team = session.scalar(select(TeamRow).where(TeamRow.debate_id == row.id))
    if team is not None:  # a team's own copy: the class's teachers and the team's members
        if class_role(session, user_id, team.class_id) == "teacher":
            roles.add("teacher")
        elif session.get(TeamMember, (team.id, user_id)) is not None:
            roles.add("student")
    for role in ("teacher", "student"):
        if role in roles:
            return role
    return None


def role_on(session: Session, actor: Actor, row: DebateRow) -> Role | None:
    if actor.user_id is not None:
        if row.owner_id == actor.user_id:
            return "owner"
        membership = debate_class_role(session, actor.user_id, row)
        if membership == "teacher":
            return "teacher"
        if membership == "student":
            return "student"
        if row.owner_id is None:
            return "student"
    if row.owner_id is None:
        return "reader"
    if actor.share_token is not None:
        link = session.scalar(
            select(ShareLink).where(
                ShareLink.token == actor.share_token,
                ShareLink.debate_id == row.id,
                ShareLink.revoked.is_(False),
            )
        )
        if link is not None:
            return "reader"
    return None


def debate_for(
    session: Session,
    actor: Actor,
    debate_id: int,
    need: Role = "reader",
    *,
    include_deleted: bool = False,
) -> tuple[DebateRow, Role]:
    """The debate row and the actor's role, or an error if the role is too weak.

    No role at all is reported as not found; a role too weak as forbidden.
    """
    row = session.get(DebateRow, debate_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"debate {debate_id} does not exist", field="debate_id")
    role = role_on(session, actor, row)
    if role is None:
        raise NotFoundError(f"debate {debate_id} does not exist", field="debate_id")
    if row.deleted_at is not None and role != "owner":
        raise NotFoundError(f"debate {debate_id} does not exist", field="debate_id")
    if RANK[role] < RANK[need]:
        if not actor.signed_in:
            raise PermissionDeniedError("sign in to do this", field="debate_id")
        raise PermissionDeniedError(
            f"a {role} of debate {debate_id} may not do this (needs {need})", field="debate_id"
        )
    return row, role


def can_edit_content(role: Role) -> bool:
    return RANK[role] >= RANK["teacher"]
