"""Points answering points: where a new or moved point may go, and what lies below one.

A point's ``parent`` is another point of the same position (NULL: it answers the
position itself). The store keeps the tree sound on every write: a parent must
exist in the same position, and a point can never be moved below itself, so
``validate`` never meets a cycle of parents made through the API.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import ValidationError
from quaestio.store.models import EvidenceRow, PositionRow
from quaestio.store.nodeviews import get_evidence, get_position


def tree(session: Session, position_row: int) -> dict[str, str | None]:
    """Every point of one position with the point it answers (None: the position)."""
    rows = session.execute(
        select(EvidenceRow.node_id, EvidenceRow.parent).where(
            EvidenceRow.position_id == position_row
        )
    )
    return {node: parent for node, parent in rows}


def descendants(session: Session, position_row: int, node_id: str) -> list[str]:
    """Ids of every point below ``node_id``, parents before their children."""
    below: dict[str, list[str]] = {}
    for node, parent in tree(session, position_row).items():
        if parent is not None:
            below.setdefault(parent, []).append(node)
    out: list[str] = []
    queue = [node_id]
    while queue:
        for child in below.get(queue.pop(0), ()):
            if child not in out and child != node_id:
                out.append(child)
                queue.append(child)
    return out


def placement(
    session: Session, debate_id: int, position_id: str | None, parent: str | None
) -> tuple[PositionRow, EvidenceRow | None]:
    """The position and parent point a new point goes under, checked.

    ``parent`` alone is enough (its position is the new point's); naming both, they
    must agree, since a point answers only points of its own position.
    """
    if parent is None:
        if position_id is None:
            raise ValidationError("a point needs a position_id or a parent", field="position_id")
        return get_position(session, debate_id, position_id), None
    above = get_evidence(session, debate_id, parent)
    position = session.get(PositionRow, above.position_id)
    assert position is not None
    if position_id is not None and position_id != position.node_id:
        raise ValidationError(
            f"{parent} is a point of {position.node_id}, not of {position_id}: a point answers "
            "points of its own position (link across positions with a relation)",
            field="parent",
        )
    return position, above


def check_move(session: Session, row: EvidenceRow, parent: str | None) -> None:
    """Refuse a move that would leave the tree unsound (another position, or below itself)."""
    if parent is None:
        return
    if parent == row.node_id:
        raise ValidationError(f"{row.node_id} cannot answer itself", field="parent")
    above = get_evidence(session, row.debate_id, parent)
    if above.position_id != row.position_id:
        raise ValidationError(
            f"{parent} is in another position: a point answers points of its own position "
            "(link across positions with a relation)",
            field="parent",
        )
    if parent in descendants(session, row.position_id, row.node_id):
        raise ValidationError(
            f"{parent} answers {row.node_id} already: a point cannot move below itself",
            field="parent",
        )
