"""Creating, changing and deleting the positions, evidence and consequences of a debate.

Each write is one node (its version checked and moved by ``edits``) plus what
hangs off it: a position's historians, an item's rebuttals and, on delete, the
links and ACH ratings that would otherwise name a node that is gone. The caller
owns the transaction, so a bad value anywhere leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from quaestio.extract import historian_key
from quaestio.model import IdAllocator
from quaestio.store.access import Actor, debate_for
from quaestio.store.ach import drop_ach
from quaestio.store.edits import created, deleted, next_ord, open_node, updater
from quaestio.store.models import ConsequenceRow, EvidenceRow, HistorianRow, PositionRow
from quaestio.store.nodeviews import get_position, node_ids
from quaestio.store.relations import drop_relations, set_rebuts


# -- positions ------------------------------------------------------------------------
def _set_historians(session: Session, row: PositionRow, names: list[str]) -> None:
    session.execute(delete(HistorianRow).where(HistorianRow.position_id == row.id))
    for i, name in enumerate(names):
        session.add(HistorianRow(position_id=row.id, ord=i, name=name, key=historian_key(name)))


def _historians_changed(session: Session, row: PositionRow, changes: dict[str, Any]) -> None:
    if "historians" in changes:
        _set_historians(session, row, list(changes["historians"]))


def create_position(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    node_id = IdAllocator(node_ids(session, debate_id)).position()
    row = PositionRow(
        debate_id=debate_id,
        node_id=node_id,
        ord=next_ord(session, PositionRow.ord, PositionRow.debate_id == debate_id),
        title=data["title"],
        summary=data.get("summary", ""),
        weight=float(data.get("weight", 0.5)),
    )
    session.add(row)
    session.flush()
    _set_historians(session, row, list(data.get("historians", [])))
    session.flush()
    return created(session, actor, row)


update_position = updater(
    PositionRow, ("title", "summary", "weight"), touched="title", then=_historians_changed
)


def delete_position(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    row, before = open_node(session, actor, debate_id, PositionRow, node_id, expected)
    evidence = list(
        session.scalars(select(EvidenceRow.node_id).where(EvidenceRow.position_id == row.id))
    )
    drop_relations(session, debate_id, evidence)
    drop_ach(session, debate_id, evidence=evidence, position=node_id)
    deleted(session, actor, row, before)


# -- evidence -------------------------------------------------------------------------
def _rebuts_changed(session: Session, row: EvidenceRow, changes: dict[str, Any]) -> None:
    if "rebuts" in changes:
        set_rebuts(session, row.debate_id, row.node_id, list(changes["rebuts"]))


def create_evidence(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    position = get_position(session, debate_id, data["position_id"])
    node_id = IdAllocator(node_ids(session, debate_id)).evidence(position.node_id, data["stance"])
    row = EvidenceRow(
        debate_id=debate_id,
        position_id=position.id,
        node_id=node_id,
        ord=next_ord(session, EvidenceRow.ord, EvidenceRow.position_id == position.id),
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
    set_rebuts(session, debate_id, node_id, list(data.get("rebuts", [])))
    session.flush()
    return created(session, actor, row)


update_evidence = updater(
    EvidenceRow,
    ("stance", "label", "text", "weight", "years", "references"),
    lists=("years", "references"),
    then=_rebuts_changed,
)


def delete_evidence(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    row, before = open_node(session, actor, debate_id, EvidenceRow, node_id, expected)
    drop_relations(session, debate_id, [node_id])
    drop_ach(session, debate_id, evidence=[node_id])
    deleted(session, actor, row, before)


# -- consequences ---------------------------------------------------------------------
def create_consequence(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    node_id = IdAllocator(node_ids(session, debate_id)).consequence(data["polarity"])
    row = ConsequenceRow(
        debate_id=debate_id,
        node_id=node_id,
        ord=next_ord(session, ConsequenceRow.ord, ConsequenceRow.debate_id == debate_id),
        polarity=data["polarity"],
        text=data["text"],
        category=data.get("category"),
        weight=float(data.get("weight", 0.5)),
    )
    session.add(row)
    session.flush()
    return created(session, actor, row)


update_consequence = updater(ConsequenceRow, ("polarity", "text", "category", "weight"))


def delete_consequence(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    row, before = open_node(session, actor, debate_id, ConsequenceRow, node_id, expected)
    deleted(session, actor, row, before)
