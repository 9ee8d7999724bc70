"""Debates as a whole: import in one transaction, read back, list, edit, soft delete.

Every function takes an open ``Session`` and never commits: the caller's
transaction (``Database.transaction``) makes an import or a multi-step edit
land whole or not at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import ColumnElement, Table, delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from quaestio.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from quaestio.model import Conclusion, Debate, validate
from quaestio.recent import Recent
from quaestio.store import convert
from quaestio.store.access import Actor, Role, class_role, debate_for
from quaestio.store.models import (
    ClassDebate,
    DebateRow,
    Membership,
    TeamMember,
    TeamRow,
    columns,
    utcnow,
)
from quaestio.store.revisions import record

UNDO_DAYS = 30
T = TypeVar("T")


class StaleVersionError(ConflictError):
    """A write named a version that is no longer current; ``current`` is the state now."""

    def __init__(
        self, message: str, *, current: dict[str, Any] | None, resource: str, key: str, **kw: Any
    ) -> None:
        self.current = current
        self.resource = resource
        self.key = key
        super().__init__(message, field="version", **kw)


def check_version(
    resource: str, key: str, expected: int, actual: int, current: dict[str, Any]
) -> None:
    if expected != actual:
        raise StaleVersionError(
            f"{resource} {key} is at version {actual}, not {expected}: reload and retry",
            current=current,
            resource=resource,
            key=key,
        )


def flush_versioned(session: Session, resource: str, key: str) -> None:
    """Flush, turning a lost race on a version column into a 409 for the loser."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise StaleVersionError(
            f"{resource} {key} was changed by someone else just now: reload and retry",
            current=None,
            resource=resource,
            key=key,
        ) from exc


def touch(session: Session, debate_id: int) -> None:
    """Move the debate's ``content_rev`` so cached renderings of it are not reused.

    A plain SQL update, outside the ORM's version check: edits of different nodes
    must not conflict with each other over the debate row.
    """
    table = cast(Table, DebateRow.__table__)
    session.execute(
        table.update().where(table.c.id == debate_id).values(content_rev=table.c.content_rev + 1)
    )


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def summary(row: DebateRow) -> dict[str, Any]:
    keys = ("id", "title", "question", "owner_id", "class_id", "source_file", "version")
    return columns(row, *keys, "created_at", "updated_at", "deleted_at")


def require_valid(debate: Debate, *, file: str | None = None) -> None:
    errors = [p for p in validate(debate) if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ValidationError(
            f"{first.message}{more}", problems=list(errors), file=file, field=first.field
        )


def import_debate(
    session: Session,
    debate: Debate,
    *,
    owner_id: int | None,
    class_id: int | None = None,
    source_hash: str | None = None,
) -> DebateRow:
    """Store a whole debate; nothing is written if it is invalid."""
    require_valid(debate, file=debate.source_file)
    if class_id is not None and class_role(session, owner_id, class_id) != "teacher":
        raise PermissionDeniedError(
            f"only a teacher of class {class_id} may assign debates to it", field="class_id"
        )
    row = DebateRow(owner_id=owner_id, class_id=class_id, source_hash=source_hash)
    convert.fill_debate_row(row, debate)
    session.add(row)
    session.flush()
    convert.add_nodes(session, row.id, debate)
    if class_id is not None:
        session.add(ClassDebate(class_id=class_id, debate_id=row.id, added_by=owner_id))
    record(
        session,
        debate_id=row.id,
        user_id=owner_id,
        action="create",
        resource="debate",
        resource_id=str(row.id),
        after={"title": debate.title, "nodes": len(debate.node_ids())},
    )
    return row


def find_imported(
    session: Session, *, owner_id: int | None, title: str, source_hash: str
) -> DebateRow | None:
    """The live debate already imported from identical bytes with this title, if any."""
    owner = DebateRow.owner_id.is_(None) if owner_id is None else DebateRow.owner_id == owner_id
    return session.scalar(
        select(DebateRow)
        .where(
            owner,
            DebateRow.title == title,
            DebateRow.source_hash == source_hash,
            DebateRow.deleted_at.is_(None),
        )
        .order_by(DebateRow.id)
        .limit(1)
    )


class RevisionCache(Generic[T]):
    """Recent values built from a debate, keyed by database, id and ``content_rev``.

    Every change moves ``content_rev`` in the database, so an entry is never stale
    in this process or another; one process may serve several databases (tests
    do), so the URL is part of the key. The rebuilt debate and the API's rendering
    of it both live in one of these.
    """

    def __init__(self, size: int) -> None:
        self.recent: Recent[tuple[str, int, int], T] = Recent(size)

    def get(self, session: Session, row: DebateRow, build: Callable[[], T]) -> T:
        key = (str(session.get_bind().engine.url), row.id, row.content_rev)
        return self.recent.get_or_build(key, build)


_debates: RevisionCache[Debate] = RevisionCache(16)


def debate_of(session: Session, row: DebateRow) -> Debate:
    """The frozen debate of ``row``, from the cache when the session only reads.

    Rebuilding a 30,000-node debate from its rows takes over a second, which every
    page would otherwise pay; a debate is frozen, so one object serves every reader.
    A transaction that has just edited the debate rebuilds it, to see its own change.
    """
    if not session.info.get("read_only"):
        return convert.debate_from_rows(session, row)
    return _debates.get(session, row, lambda: convert.debate_from_rows(session, row))


def load(session: Session, actor: Actor, debate_id: int) -> tuple[DebateRow, Debate, Role]:
    row, role = debate_for(session, actor, debate_id)
    return row, debate_of(session, row), role


@dataclass(frozen=True)
class Page:
    items: list[DebateRow]
    total: int


def visible(
    session: Session, actor: Actor, *, limit: int, offset: int, deleted: bool = False
) -> Page:
    """Debates the actor may see: own, their classes', and library debates."""
    if deleted:
        if actor.user_id is None:
            return Page([], 0)
        cond = (DebateRow.owner_id == actor.user_id) & DebateRow.deleted_at.is_not(None)
    else:
        allowed: list[ColumnElement[bool]] = [DebateRow.owner_id.is_(None)]
        if actor.user_id is not None:
            classes = select(Membership.class_id).where(Membership.user_id == actor.user_id)
            given = select(ClassDebate.debate_id).where(ClassDebate.class_id.in_(classes))
            teaching = select(Membership.class_id).where(
                Membership.user_id == actor.user_id, Membership.role == "teacher"
            )
            mine = select(TeamMember.team_id).where(TeamMember.user_id == actor.user_id)
            teams = select(TeamRow.debate_id).where(
                TeamRow.id.in_(mine) | TeamRow.class_id.in_(teaching)
            )
            allowed += [
                DebateRow.id.in_(teams),
                DebateRow.owner_id == actor.user_id,
                DebateRow.class_id.in_(classes),
                DebateRow.id.in_(given),
            ]
        cond = or_(*allowed) & DebateRow.deleted_at.is_(None)
    total = session.scalar(select(func.count()).select_from(DebateRow).where(cond)) or 0
    rows = session.scalars(
        select(DebateRow).where(cond).order_by(DebateRow.id).limit(limit).offset(offset)
    )
    return Page(list(rows), int(total))


def update(
    session: Session, actor: Actor, debate_id: int, expected: int, changes: dict[str, Any]
) -> DebateRow:
    """Change a debate's own fields (title, question, conclusion, class_id)."""
    row, role = debate_for(session, actor, debate_id, "teacher")
    check_version("debate", str(debate_id), expected, row.version, summary(row))
    before = summary(row)
    if "class_id" in changes and changes["class_id"] != row.class_id:
        if role != "owner":
            raise PermissionDeniedError(
                "only the owner may move a debate to a class", field="class_id"
            )
        target = changes["class_id"]
        if target is not None and class_role(session, actor.user_id, target) != "teacher":
            raise PermissionDeniedError(
                f"you are not a teacher of class {target}", field="class_id"
            )
        if row.class_id is not None:  # a move: the old class no longer has it
            link = session.get(ClassDebate, (row.class_id, row.id))
            if link is not None:
                session.delete(link)
        row.class_id = target
        if target is not None and session.get(ClassDebate, (target, row.id)) is None:
            session.add(ClassDebate(class_id=target, debate_id=row.id, added_by=actor.user_id))
    if "title" in changes:
        if not str(changes["title"]).strip():
            raise ValidationError("a debate needs a title", field="title")
        row.title = changes["title"]
    if "question" in changes:
        row.question = changes["question"]
    if "conclusion" in changes:
        text = changes["conclusion"]
        old = convert.source_from_json((row.conclusion or {}).get("source"))
        row.conclusion = (
            None
            if text is None
            else {"text": Conclusion(text, old).text, "source": convert.source_to_json(old)}
        )
    row.updated_at = utcnow()
    row.content_rev += 1
    flush_versioned(session, "debate", str(debate_id))
    record(
        session,
        debate_id=row.id,
        user_id=actor.user_id,
        action="update",
        resource="debate",
        resource_id=str(row.id),
        before=_jsonable(before),
        after=_jsonable(summary(row)),
    )
    return row


def _jsonable(d: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in d.items()}


def soft_delete(session: Session, actor: Actor, debate_id: int) -> DebateRow:
    row, _ = debate_for(session, actor, debate_id, "owner")
    return _mark_deleted(session, actor, row, utcnow(), "delete")


def undelete(
    session: Session, actor: Actor, debate_id: int, *, now: datetime | None = None
) -> DebateRow:
    row, _ = debate_for(session, actor, debate_id, "owner", include_deleted=True)
    if row.deleted_at is None:
        return row
    if (now or utcnow()) - row.deleted_at > timedelta(days=UNDO_DAYS):
        raise NotFoundError(
            f"debate {debate_id} was deleted more than {UNDO_DAYS} days ago", field="debate_id"
        )
    return _mark_deleted(session, actor, row, None, "undelete")


def _mark_deleted(
    session: Session, actor: Actor, row: DebateRow, when: datetime | None, action: str
) -> DebateRow:
    """Set or clear ``deleted_at`` and record who did it."""
    row.deleted_at = when
    session.flush()
    record(
        session,
        debate_id=row.id,
        user_id=actor.user_id,
        action=action,
        resource="debate",
        resource_id=str(row.id),
    )
    return row


def purge_expired(session: Session, *, now: datetime | None = None) -> int:
    """Remove for good the debates deleted more than 30 days ago; returns how many."""
    cutoff = (now or utcnow()) - timedelta(days=UNDO_DAYS)
    result = session.execute(
        delete(DebateRow).where(DebateRow.deleted_at.is_not(None), DebateRow.deleted_at < cutoff)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
