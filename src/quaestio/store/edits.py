"""The steps every edit of a node goes through, whichever module makes it.

Each node row has its own version, so two teachers editing different pieces of
evidence never conflict, while two editing the same one get a 409 for the
later write. An edit checks the version the client read, then relies on the
ORM's ``version_id_col`` to refuse a write that raced past that check. Node
edits, rebuttals and ACH judgements all take these steps, so history and undo
see every change of a node the same way and every edit moves the debate's
``content_rev``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from quaestio.store.access import Actor, debate_for
from quaestio.store.debates import check_version, flush_versioned, touch
from quaestio.store.nodeviews import RESOURCE, AnyNode, NodeRow, get, show
from quaestio.store.revisions import record

# session, actor, debate_id, node_id, expected version, changes -> the node after
NodeUpdate = Callable[[Session, Actor, int, str, int, dict[str, Any]], dict[str, Any]]


def next_ord(session: Session, column: Any, *where: Any) -> int:
    """The place after the last one: new rows go at the end of their list."""
    return int(session.scalar(select(func.coalesce(func.max(column), -1)).where(*where)) or 0) + 1


def log(
    session: Session,
    actor: Actor,
    debate_id: int,
    action: str,
    resource: str,
    key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Record a change and move the debate's ``content_rev`` so caches drop it."""
    record(
        session,
        debate_id=debate_id,
        user_id=actor.user_id,
        action=action,
        resource=resource,
        resource_id=key,
        before=before,
        after=after,
    )
    touch(session, debate_id)


def created(session: Session, actor: Actor, row: AnyNode) -> dict[str, Any]:
    """Log a node just added and flushed; returns its representation."""
    after = show(session, row)
    log(session, actor, row.debate_id, "create", RESOURCE[type(row)], row.node_id, None, after)
    return after


def open_node(
    session: Session,
    actor: Actor,
    debate_id: int,
    model: type[NodeRow],
    node_id: str,
    expected: int,
) -> tuple[NodeRow, dict[str, Any]]:
    """The node a teacher is about to change, once the version they read is checked."""
    debate_for(session, actor, debate_id, "teacher")
    row = get(session, model, debate_id, node_id)
    before = show(session, row)
    check_version(RESOURCE[model], node_id, expected, row.version, before)
    return row, before


def assign(
    row: AnyNode, changes: dict[str, Any], names: tuple[str, ...], lists: tuple[str, ...] = ()
) -> None:
    """Copy the ``changes`` named in ``names`` onto ``row``; those in ``lists`` as new lists."""
    for name in names:
        if name in changes:
            setattr(row, name, list(changes[name]) if name in lists else changes[name])


def updated(
    session: Session, actor: Actor, row: AnyNode, before: dict[str, Any], touched: str
) -> dict[str, Any]:
    """Write an accepted edit, moving the version even for a no-op; returns the node after."""
    resource, node_id = RESOURCE[type(row)], row.node_id
    flag_modified(row, touched)
    flush_versioned(session, resource, node_id)
    after = show(session, row)
    log(session, actor, row.debate_id, "update", resource, node_id, before, after)
    return after


def deleted(session: Session, actor: Actor, row: AnyNode, before: dict[str, Any]) -> None:
    """Delete a node already opened (its dependants already gone) and log it."""
    resource, node_id, debate_id = RESOURCE[type(row)], row.node_id, row.debate_id
    session.delete(row)
    flush_versioned(session, resource, node_id)
    log(session, actor, debate_id, "delete", resource, node_id, before, None)


def updater(
    model: type[NodeRow],
    names: tuple[str, ...],
    *,
    lists: tuple[str, ...] = (),
    touched: str = "text",
    then: Callable[[Session, NodeRow, dict[str, Any]], None] | None = None,
) -> NodeUpdate:
    """The update of one kind of node: they differ only in what they may change.

    ``names`` are the columns a client may set (``lists`` among them copied as new
    lists); ``then`` writes what lives in other tables; ``touched`` is the column
    flagged so that even an empty edit moves the version.
    """

    def update(
        session: Session,
        actor: Actor,
        debate_id: int,
        node_id: str,
        expected: int,
        changes: dict[str, Any],
    ) -> dict[str, Any]:
        row, before = open_node(session, actor, debate_id, model, node_id, expected)
        assign(row, changes, names, lists)
        if then is not None:
            then(session, row, changes)
        return updated(session, actor, row, before, touched)

    return update
