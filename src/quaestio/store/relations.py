"""Rebuttals between pieces of evidence: set, add, remove and list them.

A rebuttal belongs to its source evidence item: adding or removing one moves
that item's version like any edit of it, so a teacher editing the item sees a
409 rather than silently losing a link someone else just made.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from quaestio.errors import ConflictError, NotFoundError, ValidationError
from quaestio.store import convert
from quaestio.store.access import Actor, debate_for
from quaestio.store.debates import flush_versioned
from quaestio.store.edits import log, next_ord
from quaestio.store.models import EvidenceRow, RelationRow
from quaestio.store.nodeviews import get_evidence


def relations(session: Session, debate_id: int) -> list[dict[str, str]]:
    return [
        {"kind": convert.REBUTS, "source": s, "target": t}
        for s, targets in convert.rebuttals(session, debate_id).items()
        for t in targets
    ]


def set_rebuts(session: Session, debate_id: int, node_id: str, targets: list[str]) -> None:
    """Replace everything ``node_id`` rebuts with ``targets`` (checked, duplicates dropped)."""
    evidence_ids = set(
        session.scalars(select(EvidenceRow.node_id).where(EvidenceRow.debate_id == debate_id))
    )
    for target in targets:
        if target == node_id:
            raise ValidationError(f"{node_id} cannot rebut itself", field="rebuts")
        if target not in evidence_ids:
            raise ValidationError(
                f"{target!r} is not an evidence id of this debate", field="rebuts"
            )
    session.execute(
        delete(RelationRow).where(
            RelationRow.debate_id == debate_id,
            RelationRow.kind == convert.REBUTS,
            RelationRow.source_node == node_id,
        )
    )
    start = next_ord(session, RelationRow.ord, RelationRow.debate_id == debate_id)
    for i, target in enumerate(dict.fromkeys(targets)):
        session.add(
            RelationRow(
                debate_id=debate_id,
                kind=convert.REBUTS,
                source_node=node_id,
                target_node=target,
                ord=start + i,
            )
        )


def add_relation(session: Session, actor: Actor, debate_id: int, source: str, target: str) -> None:
    """Add one rebuttal; the source evidence's version moves like any edit of it."""
    _relink(session, actor, debate_id, source, target, add=True)


def remove_relation(
    session: Session, actor: Actor, debate_id: int, source: str, target: str
) -> None:
    _relink(session, actor, debate_id, source, target, add=False)


def _relink(
    session: Session, actor: Actor, debate_id: int, source: str, target: str, *, add: bool
) -> None:
    """Add or remove the rebuttal ``source -> target``, moving the source's version."""
    debate_for(session, actor, debate_id, "teacher")
    row = get_evidence(session, debate_id, source)
    targets = convert.rebuttals(session, debate_id).get(source, [])
    if add and target in targets:
        raise ConflictError(f"{source} already rebuts {target}", field="target")
    if not add and target not in targets:
        raise NotFoundError(f"{source} does not rebut {target}", field="target")
    kept = [*targets, target] if add else [t for t in targets if t != target]
    set_rebuts(session, debate_id, source, kept)
    flag_modified(row, "text")
    flush_versioned(session, "evidence", source)
    link = {"kind": convert.REBUTS, "source": source, "target": target}
    action = "create" if add else "delete"
    before, after = (None, link) if add else (link, None)
    log(session, actor, debate_id, action, "relation", f"{source}->{target}", before, after)
