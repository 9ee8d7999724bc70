"""Running a class: its settings, the debates it works on, and copies of debates.

``classes`` makes classes and members; this module is what a teacher does with one
afterwards. A debate is given to a class by a row of ``class_debates``, so one
debate serves several classes and taking it away from one leaves the others alone.
A teacher gives only debates they own; anything else (the bundled example, a
colleague's shared debate) is copied first, so their edits never reach the original.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from quaestio.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from quaestio.store import convert
from quaestio.store.access import Actor, debate_for
from quaestio.store.classes import get_class
from quaestio.store.debates import check_version, flush_versioned, import_debate
from quaestio.store.models import (
    ClassDebate,
    DebateRow,
    SchoolClass,
    TeamMember,
    TeamRow,
    utcnow,
)
from quaestio.store.revisions import record

#: the settings a teacher may change, with their types
SETTINGS: dict[str, type] = {
    "name": str,
    "archived": bool,
    "students_post": bool,
    "anonymous": bool,
    "weights_locked": bool,
}


def settings_dict(row: SchoolClass) -> dict[str, Any]:
    return {
        "archived": row.archived_at is not None,
        "students_post": row.students_post,
        "anonymous": row.anonymous,
        "weights_locked": row.weights_locked,
    }


def teaching(session: Session, actor: Actor, class_id: int) -> SchoolClass:
    """The class, if the actor teaches it (404 for a stranger, 403 for a student)."""
    row, _ = get_class(session, actor, class_id, "teacher")
    return row


def require_open(row: SchoolClass) -> None:
    """An archived class is kept for reading; nothing new is written into it."""
    if row.archived_at is not None:
        raise PermissionDeniedError(f"class {row.name!r} is archived", field="class_id")


def update_class(
    session: Session, actor: Actor, class_id: int, expected: int, changes: dict[str, Any]
) -> SchoolClass:
    """Rename, archive (or bring back) a class, or change how its students work."""
    row = teaching(session, actor, class_id)
    before = {"name": row.name, **settings_dict(row)}
    check_version("class", str(class_id), expected, row.version, before)
    for key, value in changes.items():
        kind = SETTINGS.get(key)
        if kind is None:
            raise ValidationError(f"a class has no setting {key!r}", field=key)
        if not isinstance(value, kind):
            raise ValidationError(f"{key} must be a {kind.__name__}", field=key)
    if "name" in changes:
        name = str(changes["name"]).strip()
        if not name:
            raise ValidationError("a class needs a name", field="name")
        row.name = name
    if "archived" in changes:
        row.archived_at = (row.archived_at or utcnow()) if changes["archived"] else None
    for key in ("students_post", "anonymous", "weights_locked"):
        if key in changes:
            setattr(row, key, bool(changes[key]))
    flush_versioned(session, "class", str(class_id))
    record(
        session,
        debate_id=None,
        user_id=actor.user_id,
        action="update",
        resource="class",
        resource_id=str(class_id),
        before=before,
        after={"name": row.name, **settings_dict(row)},
    )
    return row


# -- the class's debates --------------------------------------------------------------
def debates_of(session: Session, actor: Actor, class_id: int) -> list[DebateRow]:
    """The live debates a member of the class works on, in the order they were given."""
    get_class(session, actor, class_id)
    given = select(ClassDebate.debate_id).where(ClassDebate.class_id == class_id)
    return list(
        session.scalars(
            select(DebateRow)
            .where(
                or_(DebateRow.id.in_(given), DebateRow.class_id == class_id),
                DebateRow.deleted_at.is_(None),
            )
            .order_by(DebateRow.id)
        )
    )


def in_class(session: Session, class_id: int, debate_id: int) -> bool:
    """Whether the debate is one of the class's (or one of its teams' own copies)."""
    linked = session.get(ClassDebate, (class_id, debate_id)) is not None
    row = session.get(DebateRow, debate_id)
    return (
        linked
        or (row is not None and row.class_id == class_id)
        or _team_of(session, class_id, debate_id) is not None
    )


def _team_of(session: Session, class_id: int, debate_id: int) -> TeamRow | None:
    return session.scalar(
        select(TeamRow).where(TeamRow.class_id == class_id, TeamRow.debate_id == debate_id)
    )


def copy_debate(
    session: Session, actor: Actor, debate_id: int, title: str | None = None
) -> DebateRow:
    """A copy the actor owns of any debate they may read (the bundled example included)."""
    if actor.user_id is None:
        raise PermissionDeniedError("sign in to copy a debate")
    row, _ = debate_for(session, actor, debate_id, "reader")
    debate = convert.debate_from_rows(session, row)
    if title is not None and not title.strip():
        raise ValidationError("a debate needs a title", field="title")
    if title:
        from dataclasses import replace

        debate = replace(debate, title=title.strip())
    copy = import_debate(session, debate, owner_id=actor.user_id)
    record(
        session,
        debate_id=copy.id,
        user_id=actor.user_id,
        action="copy",
        resource="debate",
        resource_id=str(copy.id),
        before={"from": debate_id},
    )
    return copy


def add_debate(
    session: Session, actor: Actor, class_id: int, debate_id: int, *, copy: bool = False
) -> DebateRow:
    """Give a debate to a class; with ``copy``, a fresh copy of it (the original stays as it is).

    Only a debate the teacher owns is given as it is; another (a library debate, a
    colleague's) must be copied, so a class's edits never change someone else's debate.
    """
    klass = teaching(session, actor, class_id)
    require_open(klass)
    row, role = debate_for(session, actor, debate_id, "reader")
    if copy:
        row = copy_debate(session, actor, debate_id)
    elif role != "owner":
        raise PermissionDeniedError(
            "you can give a class only a debate you own: copy this one first", field="debate_id"
        )
    if in_class(session, class_id, row.id):
        raise ConflictError(f"{row.title!r} is already in this class", field="debate_id")
    session.add(ClassDebate(class_id=class_id, debate_id=row.id, added_by=actor.user_id))
    session.flush()
    _log(session, actor, class_id, row.id, "add")
    return row


def ensure_in_class(session: Session, actor: Actor, class_id: int, debate_id: int) -> bool:
    """Give an owned debate to a class unless it is there already; True if it was added.

    Used by importing: re-uploading a file already imported finds the debate (with
    its edits) and puts that one in the class, instead of saying nothing happened.
    """
    if in_class(session, class_id, debate_id):
        teaching(session, actor, class_id)
        return False
    add_debate(session, actor, class_id, debate_id)
    return True


def remove_debate(session: Session, actor: Actor, class_id: int, debate_id: int) -> None:
    """Take a debate away from a class (the debate itself, and other classes, keep it)."""
    teaching(session, actor, class_id)
    link = session.get(ClassDebate, (class_id, debate_id))
    row = session.get(DebateRow, debate_id)
    if row is None or (link is None and row.class_id != class_id):
        raise NotFoundError(f"debate {debate_id} is not in this class", field="debate_id")
    if link is not None:
        session.delete(link)
    if row.class_id == class_id:
        row.class_id = None
    session.flush()
    _log(session, actor, class_id, debate_id, "remove")


def class_debate(session: Session, actor: Actor, class_id: int, debate_id: int) -> SchoolClass:
    """The class, once the debate is checked to be one of its debates (404 otherwise);
    a team's copy counts only for the team's members and the class's teachers."""
    klass, role = get_class(session, actor, class_id)
    row = session.get(DebateRow, debate_id)
    if row is None or row.deleted_at is not None or not in_class(session, class_id, debate_id):
        raise NotFoundError(f"debate {debate_id} is not in this class", field="debate_id")
    team = _team_of(session, class_id, debate_id)
    if (
        team is not None
        and role != "teacher"
        and (session.get(TeamMember, (team.id, actor.user_id or 0)) is None)
    ):
        raise NotFoundError(f"debate {debate_id} is not in this class", field="debate_id")
    return klass


def _log(session: Session, actor: Actor, class_id: int, debate_id: int, action: str) -> None:
    record(
        session,
        debate_id=debate_id,
        user_id=actor.user_id,
        action=action,
        resource="class_debate",
        resource_id=f"{class_id}/{debate_id}",
    )
