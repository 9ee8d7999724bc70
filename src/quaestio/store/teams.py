"""Small teams: a few students of a class with their own copy of a debate.

A teacher makes a team from some of the class's students and one of its debates; the
team gets a fresh copy (owned by the teacher), reached only by its members and the
class's teachers. Inside it the team argues as a class does (points under any claim,
the moderation queue, comments), so the copies of several teams can be compared.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import ConflictError, NotFoundError, ValidationError
from quaestio.store.access import Actor, class_role
from quaestio.store.classes import get_class
from quaestio.store.classroom import copy_debate, in_class, require_open, teaching
from quaestio.store.models import DebateRow, TeamMember, TeamRow, User
from quaestio.store.revisions import record


def team_dict(row: TeamRow, members: list[User]) -> dict[str, object]:
    return {
        "id": row.id,
        "class_id": row.class_id,
        "name": row.name,
        "debate_id": row.debate_id,
        "members": [{"id": u.id, "username": u.username} for u in members],
    }


def create(
    session: Session,
    actor: Actor,
    class_id: int,
    name: str,
    debate_id: int,
    member_ids: list[int],
) -> TeamRow:
    """A team of some of the class's students, with its own copy of one of the class's debates."""
    klass = teaching(session, actor, class_id)
    require_open(klass)
    name = name.strip()
    if not name:
        raise ValidationError("a team needs a name", field="name")
    if not in_class(session, class_id, debate_id):
        raise ValidationError("choose one of the class's debates", field="debate_id")
    if not member_ids:
        raise ValidationError("a team needs at least one student", field="members")
    for user_id in member_ids:
        if class_role(session, user_id, class_id) != "student":
            raise ValidationError(f"user {user_id} is not a student of this class", field="members")
    taken = session.scalar(
        select(TeamRow.id).where(TeamRow.class_id == class_id, TeamRow.name == name)
    )
    if taken is not None:
        raise ConflictError(f"the class already has a team {name!r}", field="name")
    original = session.get(DebateRow, debate_id)
    assert original is not None
    copy = copy_debate(session, actor, debate_id, f"{original.title} ({name})")
    row = TeamRow(class_id=class_id, name=name, debate_id=copy.id)
    session.add(row)
    session.flush()
    for user_id in dict.fromkeys(member_ids):
        session.add(TeamMember(team_id=row.id, user_id=user_id))
    session.flush()
    record(
        session,
        debate_id=copy.id,
        user_id=actor.user_id,
        action="create",
        resource="team",
        resource_id=str(row.id),
        after={"name": name, "members": sorted(set(member_ids)), "from": debate_id},
    )
    return row


def of_class(session: Session, actor: Actor, class_id: int) -> list[tuple[TeamRow, list[User]]]:
    """The class's teams with their members: all for a teacher, a student's own for a student."""
    _, role = get_class(session, actor, class_id)
    query = select(TeamRow).where(TeamRow.class_id == class_id).order_by(TeamRow.id)
    if role != "teacher":
        mine = select(TeamMember.team_id).where(TeamMember.user_id == actor.user_id)
        query = query.where(TeamRow.id.in_(mine))
    out = []
    for team in session.scalars(query):
        members = list(
            session.scalars(
                select(User)
                .join(TeamMember, TeamMember.user_id == User.id)
                .where(TeamMember.team_id == team.id)
                .order_by(User.username)
            )
        )
        out.append((team, members))
    return out


def delete(session: Session, actor: Actor, class_id: int, team_id: int) -> None:
    """Dissolve a team; its copy of the debate stays with the teacher who owns it."""
    teaching(session, actor, class_id)
    row = session.get(TeamRow, team_id)
    if row is None or row.class_id != class_id:
        raise NotFoundError(f"no team {team_id}", field="team_id")
    session.delete(row)
    record(
        session,
        debate_id=row.debate_id,
        user_id=actor.user_id,
        action="delete",
        resource="team",
        resource_id=str(team_id),
    )
