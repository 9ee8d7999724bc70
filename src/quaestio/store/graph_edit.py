"""The one versioned edit every item of the graph goes through, and ``forget``.

Relations, schools, arguments and conclusion claims each carry their own version: an
update or delete checks the version the client read (a stale one is a 409 with the
current state), applies the change, flushes (a lost race is a 409 too), logs the change
with its before/after and moves the debate's ``content_rev``. ``forget`` keeps the graph
sound when nodes go: what names them goes too, as ``Debate.without_nodes`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from quaestio.store.access import Actor
from quaestio.store.debates import check_version, flush_versioned
from quaestio.store.edits import log
from quaestio.store.models import ArgumentRow, ConclusionClaimRow, RelationRow, SchoolRow

Row = TypeVar("Row")


def versioned_update(
    session: Session,
    actor: Actor,
    debate_id: int,
    resource: str,
    key: str,
    row: Row,
    as_dict: Callable[[Row], dict[str, Any]],
    expected: int,
    apply: Callable[[Row], None],
) -> dict[str, Any]:
    """Check ``expected`` against the row's version, ``apply`` the change, log it."""
    before = as_dict(row)
    check_version(resource, key, expected, int(before["version"]), before)
    apply(row)
    flush_versioned(session, resource, key)
    after = as_dict(row)
    log(session, actor, debate_id, "update", resource, key, before, after)
    return after


def versioned_delete(
    session: Session,
    actor: Actor,
    debate_id: int,
    resource: str,
    key: str,
    row: Row,
    as_dict: Callable[[Row], dict[str, Any]],
    expected: int,
    remove: Callable[[], None],
) -> None:
    """Check ``expected``, ``remove`` the item (with what names it), log it."""
    before = as_dict(row)
    check_version(resource, key, expected, int(before["version"]), before)
    remove()
    flush_versioned(session, resource, key)
    log(session, actor, debate_id, "delete", resource, key, before, None)


def naming(session: Session, debate_id: int, removed: set[str]) -> list[RelationRow]:
    """Every relation row (rebuttals too) into or out of ``removed``, and those aimed at
    such relations, repeatedly: what ``forget`` deletes, in the order they were found."""
    gone = set(removed)
    found: dict[int, RelationRow] = {}
    while True:
        ids = list(gone)
        rows = [
            r
            for r in session.scalars(
                select(RelationRow).where(
                    RelationRow.debate_id == debate_id,
                    or_(
                        RelationRow.source_node.in_(ids),
                        RelationRow.target_node.in_(ids),
                        RelationRow.relation_id.in_(ids),
                    ),
                )
            )
            if r.id not in found
        ]
        if not rows:
            return list(found.values())
        found.update((r.id, r) for r in rows)
        gone |= {r.relation_id for r in rows if r.relation_id is not None}


def forget(session: Session, debate_id: int, removed: set[str]) -> None:
    """Remove what names nodes (or relations) about to go, as ``Debate.without_nodes`` does.

    Rebuttals and relations into or out of them, relations aimed at those relations
    (repeatedly), arguments using them, their place in schools and the conclusion
    claims' judgements of removed positions.
    """
    rows = naming(session, debate_id, removed)
    gone = set(removed) | {r.relation_id for r in rows if r.relation_id is not None}
    if rows:
        session.execute(delete(RelationRow).where(RelationRow.id.in_([r.id for r in rows])))
    for argument in session.scalars(select(ArgumentRow).where(ArgumentRow.debate_id == debate_id)):
        if argument.conclusion in gone or gone & set(argument.premises):
            session.delete(argument)
    for school in session.scalars(select(SchoolRow).where(SchoolRow.debate_id == debate_id)):
        if gone & set(school.positions):
            school.positions = [p for p in school.positions if p not in gone]
    for claim in session.scalars(
        select(ConclusionClaimRow).where(ConclusionClaimRow.debate_id == debate_id)
    ):
        if any(j["position"] in gone for j in claim.judgements):
            claim.judgements = [j for j in claim.judgements if j["position"] not in gone]
    session.flush()
