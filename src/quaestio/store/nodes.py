"""Creating, changing and deleting the positions, evidence and consequences of a debate.

Each write is one node (its version checked and moved by ``edits``) plus what
hangs off it: a position's or a point's historians, an item's rebuttals, a point's
place in the tree (the point it answers) and, on delete, the points below it and
the links, relations and ACH ratings that would otherwise name a node that is
gone. The caller owns the transaction, so a bad value anywhere leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from quaestio.errors import ValidationError
from quaestio.extract import historian_key
from quaestio.model import IdAllocator
from quaestio.store.access import Actor, debate_for
from quaestio.store.ach import drop_ach
from quaestio.store.edits import created, deleted, next_ord, open_node, updater
from quaestio.store.graph_edit import forget
from quaestio.store.models import ConsequenceRow, EvidenceRow, HistorianRow, PositionRow
from quaestio.store.nesting import check_move, descendants, placement
from quaestio.store.nodeviews import all_ids, get_evidence, show
from quaestio.store.relations import set_rebuts


# -- positions ------------------------------------------------------------------------
def _historian(entry: Any) -> tuple[str, str]:
    """A historian as a client sends one: a name, or ``{"name", "stance"}``."""
    if isinstance(entry, dict):
        stance = entry.get("stance", "for")
        if stance not in ("for", "against"):
            raise ValidationError(
                f"historian stance {stance!r} is not 'for' or 'against'", field="historians"
            )
        return str(entry["name"]), stance
    return str(entry), "for"


def _set_historians(
    session: Session, row: PositionRow, names: list[Any], evidence_row: int | None = None
) -> None:
    session.execute(
        delete(HistorianRow).where(
            HistorianRow.position_id == row.id,
            HistorianRow.evidence_id.is_(None)
            if evidence_row is None
            else HistorianRow.evidence_id == evidence_row,
        )
    )
    for i, entry in enumerate(names):
        name, stance = _historian(entry)
        if not name.strip():
            raise ValidationError("a historian needs a name", field="historians")
        session.add(
            HistorianRow(
                position_id=row.id,
                evidence_id=evidence_row,
                ord=i,
                name=name,
                key=historian_key(name),
                stance=stance,
            )
        )


def _position_changed(session: Session, row: PositionRow, changes: dict[str, Any]) -> None:
    """What an edit of a position changes outside its plain columns: historians, tags."""
    if "historians" in changes:
        _set_historians(session, row, list(changes["historians"]))
    if "tags" in changes:
        row.tags = _tags(changes["tags"])


def create_position(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    node_id = IdAllocator(all_ids(session, debate_id)).position()
    row = PositionRow(
        debate_id=debate_id,
        node_id=node_id,
        ord=next_ord(session, PositionRow.ord, PositionRow.debate_id == debate_id),
        title=data["title"],
        summary=data.get("summary", ""),
        weight=float(data.get("weight", 0.5)),
        tags=_tags(list(data.get("tags", []))),
    )
    session.add(row)
    session.flush()
    _set_historians(session, row, list(data.get("historians", [])))
    session.flush()
    return created(session, actor, row)


update_position = updater(
    PositionRow, ("title", "summary", "weight"), touched="title", then=_position_changed
)


def delete_position(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    row, before = open_node(session, actor, debate_id, PositionRow, node_id, expected)
    evidence = list(
        session.scalars(select(EvidenceRow.node_id).where(EvidenceRow.position_id == row.id))
    )
    forget(session, debate_id, {node_id, *evidence})
    drop_ach(session, debate_id, evidence=evidence, position=node_id)
    deleted(session, actor, row, before)


# -- evidence -------------------------------------------------------------------------
def _point_changed(session: Session, row: EvidenceRow, changes: dict[str, Any]) -> None:
    """What an edit of a point changes outside its own columns: rebuttals, place, historians."""
    if "rebuts" in changes:
        set_rebuts(session, row.debate_id, row.node_id, list(changes["rebuts"]))
    if "parent" in changes:  # a move: the points below come along (they keep their parent)
        check_move(session, row, changes["parent"])
        row.parent = changes["parent"]
    if "historians" in changes:
        position = session.get(PositionRow, row.position_id)
        assert position is not None
        _set_historians(session, position, list(changes["historians"]), row.id)
    if "tags" in changes:
        row.tags = _tags(changes["tags"])


def _tags(tags: list[str]) -> list[str]:
    out = [str(t).strip().lstrip("#") for t in tags]
    if any(not t for t in out):
        raise ValidationError("a tag cannot be empty", field="tags")
    return list(dict.fromkeys(out))


def create_evidence(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    """Add a point for or against a position, or (``parent``) for or against another point."""
    debate_for(session, actor, debate_id, "teacher")
    return add_evidence(session, actor, debate_id, data)


def add_evidence(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    """``create_evidence`` once the caller has checked the actor may add it.

    A class that lets students post directly adds their points through here: the
    classroom checks the student's membership, this the point itself.
    """
    parent = data.get("parent")
    position, above = placement(session, debate_id, data.get("position_id"), parent)
    node_id = IdAllocator(all_ids(session, debate_id)).evidence(
        above.node_id if above is not None else position.node_id, data["stance"]
    )
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
        parent=parent,
        tags=_tags(list(data.get("tags", []))),
    )
    session.add(row)
    session.flush()
    set_rebuts(session, debate_id, node_id, list(data.get("rebuts", [])))
    if data.get("historians"):
        _set_historians(session, position, list(data["historians"]), row.id)
    session.flush()
    return created(session, actor, row)


update_evidence = updater(
    EvidenceRow,
    ("stance", "label", "text", "weight", "years", "references"),
    lists=("years", "references"),
    then=_point_changed,
)


def delete_evidence(
    session: Session, actor: Actor, debate_id: int, node_id: str, expected: int
) -> None:
    """Delete a point with every point below it, and what names any of them."""
    row, before = open_node(session, actor, debate_id, EvidenceRow, node_id, expected)
    below = descendants(session, row.position_id, node_id)
    forget(session, debate_id, {node_id, *below})
    drop_ach(session, debate_id, evidence=[node_id, *below])
    for child_id in reversed(below):  # the deepest first: each is logged as its own delete
        child = get_evidence(session, debate_id, child_id)
        deleted(session, actor, child, show(session, child))
    deleted(session, actor, row, before)


# -- consequences ---------------------------------------------------------------------
def create_consequence(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    node_id = IdAllocator(all_ids(session, debate_id)).consequence(data["polarity"])
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
    """Delete a consequence and the relations that name it (a consequence is a claim)."""
    row, before = open_node(session, actor, debate_id, ConsequenceRow, node_id, expected)
    forget(session, debate_id, {node_id})
    deleted(session, actor, row, before)
