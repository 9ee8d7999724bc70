"""Editing one node of a debate: positions, evidence, consequences and relations.

Each node row has its own version, so two teachers editing different pieces of
evidence never conflict, while two editing the same one get a 409 for the
later write. A node edit checks the version the client read, then relies on
the ORM's ``version_id_col`` to refuse a write that raced past that check.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from quaestio.errors import ConflictError, NotFoundError, ValidationError
from quaestio.extract import historian_key
from quaestio.model import IdAllocator
from quaestio.store import convert
from quaestio.store.access import Actor, debate_for
from quaestio.store.debates import check_version, flush_versioned, touch
from quaestio.store.models import (
    AchRatingRow,
    ConsequenceRow,
    EvidenceRow,
    HistorianRow,
    PositionRow,
    RelationRow,
)
from quaestio.store.revisions import record


# -- representations ------------------------------------------------------------------
def position_dict(session: Session, row: PositionRow) -> dict[str, Any]:
    names = session.scalars(
        select(HistorianRow).where(HistorianRow.position_id == row.id).order_by(HistorianRow.ord)
    )
    return {
        "id": row.node_id,
        "title": row.title,
        "summary": row.summary,
        "historians": [{"name": h.name, "key": h.key} for h in names],
        "weight": row.weight,
        "source": row.source,
        "version": row.version,
    }


def evidence_dict(session: Session, row: EvidenceRow) -> dict[str, Any]:
    position = session.get(PositionRow, row.position_id)
    assert position is not None
    rebuts = convert.rebuttals(session, row.debate_id).get(row.node_id, [])
    ach = session.scalars(
        select(AchRatingRow)
        .where(AchRatingRow.debate_id == row.debate_id, AchRatingRow.evidence_node == row.node_id)
        .order_by(AchRatingRow.ord, AchRatingRow.id)
    )
    return {
        "id": row.node_id,
        "position_id": position.node_id,
        "stance": row.stance,
        "label": row.label,
        "text": row.text,
        "years": list(row.years),
        "figures": list(row.figures),
        "references": list(row.references),
        "rebuts": rebuts,
        "weight": row.weight,
        "source": row.source,
        "ach": {r.position_node: r.rating for r in ach},
        "credibility": row.credibility,
        "relevance": row.relevance,
        "version": row.version,
    }


def consequence_dict(row: ConsequenceRow) -> dict[str, Any]:
    return {
        "id": row.node_id,
        "polarity": row.polarity,
        "text": row.text,
        "category": row.category,
        "weight": row.weight,
        "source": row.source,
        "version": row.version,
    }


# -- lookups --------------------------------------------------------------------------
def _node_ids(session: Session, debate_id: int) -> set[str]:
    ids: set[str] = set()
    for model in (PositionRow, EvidenceRow, ConsequenceRow):
        ids.update(session.scalars(select(model.node_id).where(model.debate_id == debate_id)))
    return ids


NodeRow = TypeVar("NodeRow", PositionRow, EvidenceRow, ConsequenceRow)


AnyNode = PositionRow | EvidenceRow | ConsequenceRow
_RESOURCE: dict[type[AnyNode], str] = {
    PositionRow: "position",
    EvidenceRow: "evidence",
    ConsequenceRow: "consequence",
}


def _get(session: Session, model: type[NodeRow], debate_id: int, node_id: str) -> NodeRow:
    """One node row of a debate by its id; a 404 names the kind of node."""
    row = session.scalar(
        select(model).where(model.debate_id == debate_id, model.node_id == node_id)
    )
    if row is None:
        resource = _RESOURCE[model]
        raise NotFoundError(f"{resource} {node_id!r} does not exist", field=f"{resource}_id")
    return row


def get_position(session: Session, debate_id: int, node_id: str) -> PositionRow:
    return _get(session, PositionRow, debate_id, node_id)


def get_evidence(session: Session, debate_id: int, node_id: str) -> EvidenceRow:
    return _get(session, EvidenceRow, debate_id, node_id)


def get_consequence(session: Session, debate_id: int, node_id: str) -> ConsequenceRow:
    return _get(session, ConsequenceRow, debate_id, node_id)


def in_order(session: Session, model: type[NodeRow], debate_id: int) -> list[NodeRow]:
    """A debate's positions or consequences in reading order."""
    return list(
        session.scalars(select(model).where(model.debate_id == debate_id).order_by(model.ord))
    )


def list_evidence(
    session: Session, debate_id: int, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    total = session.scalar(
        select(func.count()).select_from(EvidenceRow).where(EvidenceRow.debate_id == debate_id)
    )
    rows = session.scalars(
        select(EvidenceRow)
        .join(PositionRow, PositionRow.id == EvidenceRow.position_id)
        .where(EvidenceRow.debate_id == debate_id)
        .order_by(PositionRow.ord, EvidenceRow.ord)
        .limit(limit)
        .offset(offset)
    )
    return [evidence_dict(session, r) for r in rows], int(total or 0)


def _next_ord(session: Session, column: Any, *where: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), -1)).where(*where)) or 0) + 1


def _log(
    session: Session,
    actor: Actor,
    debate_id: int,
    action: str,
    resource: str,
    key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
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


def _show(session: Session, row: AnyNode) -> dict[str, Any]:
    """The API representation of any node row."""
    if isinstance(row, PositionRow):
        return position_dict(session, row)
    if isinstance(row, EvidenceRow):
        return evidence_dict(session, row)
    return consequence_dict(row)


def _created(session: Session, actor: Actor, row: AnyNode) -> dict[str, Any]:
    """Log a node just added and flushed; returns its representation."""
    after = _show(session, row)
    _log(session, actor, row.debate_id, "create", _RESOURCE[type(row)], row.node_id, None, after)
    return after


def _open(
    session: Session,
    actor: Actor,
    debate_id: int,
    model: type[NodeRow],
    node_id: str,
    expected: int,
) -> tuple[NodeRow, dict[str, Any]]:
    """The node a teacher is about to change, once the version they read is checked."""
    debate_for(session, actor, debate_id, "teacher")
    row = _get(session, model, debate_id, node_id)
    before = _show(session, row)
    check_version(_RESOURCE[model], node_id, expected, row.version, before)
    return row, before


def _assign(
    row: AnyNode, changes: dict[str, Any], names: tuple[str, ...], lists: tuple[str, ...] = ()
) -> None:
    """Copy the ``changes`` named in ``names`` onto ``row``; those in ``lists`` as new lists."""
    for name in names:
        if name in changes:
            setattr(row, name, list(changes[name]) if name in lists else changes[name])


def _updated(
    session: Session, actor: Actor, row: AnyNode, before: dict[str, Any], touched: str
) -> dict[str, Any]:
    """Write an accepted edit, moving the version even for a no-op; returns the node after."""
    resource, node_id = _RESOURCE[type(row)], row.node_id
    flag_modified(row, touched)
    flush_versioned(session, resource, node_id)
    after = _show(session, row)
    _log(session, actor, row.debate_id, "update", resource, node_id, before, after)
    return after


def _deleted(session: Session, actor: Actor, row: AnyNode, before: dict[str, Any]) -> None:
    resource, node_id, debate_id = _RESOURCE[type(row)], row.node_id, row.debate_id
    session.delete(row)
    flush_versioned(session, resource, node_id)
    _log(session, actor, debate_id, "delete", resource, node_id, before, None)


# -- positions ------------------------------------------------------------------------
def _set_historians(session: Session, row: PositionRow, names: list[str]) -> None:
    session.execute(delete(HistorianRow).where(HistorianRow.position_id == row.id))
    for i, name in enumerate(names):
        session.add(HistorianRow(position_id=row.id, ord=i, name=name, key=historian_key(name)))


def create_position(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    node_id = IdAllocator(_node_ids(session, debate_id)).position()
    row = PositionRow(
        debate_id=debate_id,
        node_id=node_id,
        ord=_next_ord(session, PositionRow.ord, PositionRow.debate_id == debate_id),
        title=data["title"],
        summary=data.get("summary", ""),
        weight=float(data.get("weight", 0.5)),
    )
    session.add(row)
    session.flush()
    _set_historians(session, row, list(data.get("historians", [])))
    session.flush()
    return _created(session, actor, row)


def update_position(
    session: Session,
    actor: Actor,
    debate_id: int,
    node_id: str,
    expected: int,
    changes: dict[str, Any],
) -> dict[str, Any]:
    row, before = _open(session, actor, debate_id, PositionRow, node_id, expected)
    _assign(row, changes, ("title", "summary", "weight"))
    if "historians" in changes:
        _set_historians(session, row, list(changes["historians"]))
    return _updated(session, actor, row, before, "title")


def delete_position(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    row, before = _open(session, actor, debate_id, PositionRow, node_id, expected)
    evidence = list(
        session.scalars(select(EvidenceRow.node_id).where(EvidenceRow.position_id == row.id))
    )
    _drop_relations(session, debate_id, evidence)
    drop_ach(session, debate_id, evidence=evidence, position=node_id)
    _deleted(session, actor, row, before)


# -- evidence -------------------------------------------------------------------------
def _drop_relations(session: Session, debate_id: int, node_ids: list[str]) -> None:
    if node_ids:
        session.execute(
            delete(RelationRow).where(
                RelationRow.debate_id == debate_id,
                or_(RelationRow.source_node.in_(node_ids), RelationRow.target_node.in_(node_ids)),
            )
        )


def drop_ach(
    session: Session, debate_id: int, *, evidence: list[str], position: str | None = None
) -> None:
    """Remove the ACH ratings of deleted evidence, and every rating naming a deleted position."""
    where: list[ColumnElement[bool]] = (
        [AchRatingRow.evidence_node.in_(evidence)] if evidence else []
    )
    if position is not None:
        where.append(AchRatingRow.position_node == position)
    if where:
        session.execute(
            delete(AchRatingRow).where(AchRatingRow.debate_id == debate_id, or_(*where))
        )


def _set_rebuts(session: Session, debate_id: int, node_id: str, targets: list[str]) -> None:
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
    start = _next_ord(session, RelationRow.ord, RelationRow.debate_id == debate_id)
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


def create_evidence(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    position = get_position(session, debate_id, data["position_id"])
    node_id = IdAllocator(_node_ids(session, debate_id)).evidence(position.node_id, data["stance"])
    row = EvidenceRow(
        debate_id=debate_id,
        position_id=position.id,
        node_id=node_id,
        ord=_next_ord(session, EvidenceRow.ord, EvidenceRow.position_id == position.id),
        stance=data["stance"],
        label=data.get("label"),
        text=data["text"],
        years=list(data.get("years", [])),
        figures=[],
        references=list(data.get("references", [])),
        weight=float(data.get("weight", 0.5)),
    )
    session.add(row)
    session.flush()
    _set_rebuts(session, debate_id, node_id, list(data.get("rebuts", [])))
    session.flush()
    return _created(session, actor, row)


def update_evidence(
    session: Session,
    actor: Actor,
    debate_id: int,
    node_id: str,
    expected: int,
    changes: dict[str, Any],
) -> dict[str, Any]:
    row, before = _open(session, actor, debate_id, EvidenceRow, node_id, expected)
    lists = ("years", "references")
    _assign(row, changes, ("stance", "label", "text", "weight", *lists), lists)
    if "rebuts" in changes:
        _set_rebuts(session, debate_id, node_id, list(changes["rebuts"]))
    return _updated(session, actor, row, before, "text")


def delete_evidence(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    row, before = _open(session, actor, debate_id, EvidenceRow, node_id, expected)
    _drop_relations(session, debate_id, [node_id])
    drop_ach(session, debate_id, evidence=[node_id])
    _deleted(session, actor, row, before)


# -- consequences ---------------------------------------------------------------------
def create_consequence(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    node_id = IdAllocator(_node_ids(session, debate_id)).consequence(data["polarity"])
    row = ConsequenceRow(
        debate_id=debate_id,
        node_id=node_id,
        ord=_next_ord(session, ConsequenceRow.ord, ConsequenceRow.debate_id == debate_id),
        polarity=data["polarity"],
        text=data["text"],
        category=data.get("category"),
        weight=float(data.get("weight", 0.5)),
    )
    session.add(row)
    session.flush()
    return _created(session, actor, row)


def update_consequence(
    session: Session,
    actor: Actor,
    debate_id: int,
    node_id: str,
    expected: int,
    changes: dict[str, Any],
) -> dict[str, Any]:
    row, before = _open(session, actor, debate_id, ConsequenceRow, node_id, expected)
    _assign(row, changes, ("polarity", "text", "category", "weight"))
    return _updated(session, actor, row, before, "text")


def delete_consequence(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    row, before = _open(session, actor, debate_id, ConsequenceRow, node_id, expected)
    _deleted(session, actor, row, before)


def current(session: Session, debate_id: int, resource: str, key: str) -> dict[str, Any] | None:
    """The present state of one node (for a 409 that raced past the version check)."""
    try:
        if resource == "position":
            return position_dict(session, get_position(session, debate_id, key))
        if resource == "evidence":
            return evidence_dict(session, get_evidence(session, debate_id, key))
        if resource == "consequence":
            return consequence_dict(get_consequence(session, debate_id, key))
    except NotFoundError:
        return None
    return None


def versions(session: Session, debate_id: int) -> dict[str, int]:
    """Every node's version, so a client can send it back with an edit."""
    out: dict[str, int] = {}
    for model in (PositionRow, EvidenceRow, ConsequenceRow):
        rows = session.execute(
            select(model.node_id, model.version).where(model.debate_id == debate_id)
        )
        out.update({n: v for n, v in rows})
    return out


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
    _set_rebuts(session, debate_id, source, kept)
    flag_modified(row, "text")
    flush_versioned(session, "evidence", source)
    link = {"kind": convert.REBUTS, "source": source, "target": target}
    action = "create" if add else "delete"
    before, after = (None, link) if add else (link, None)
    _log(session, actor, debate_id, action, "relation", f"{source}->{target}", before, after)


def relations(session: Session, debate_id: int) -> list[dict[str, str]]:
    return [
        {"kind": convert.REBUTS, "source": s, "target": t}
        for s, targets in convert.rebuttals(session, debate_id).items()
        for t in targets
    ]
