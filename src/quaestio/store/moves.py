"""Moving a point, with every point below it, under any claim of the debate.

Within its position a move only changes the point's ``parent`` (ids stay). Into another
position the moved points get new ids that extend their new parent's (``p3.f2.a1``), as
any point made there would, and every name of the old ids is rewritten in one go: the
tree's parents, rebuttals and typed relations, cross-references, arguments, the analyst's
ACH cells and every user's own weights. A rebuttal that would now join two positions
(the handout's rebuttal pairs live inside one) becomes a typed ``attack`` relation, so no
link is lost. The caller owns the transaction: a refused move leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import ValidationError
from quaestio.model import IdAllocator
from quaestio.store.access import Actor
from quaestio.store.convert import REBUTS
from quaestio.store.edits import next_ord, open_node, updated
from quaestio.store.models import (
    AchRatingRow,
    ArgumentRow,
    EvidenceRow,
    HistorianRow,
    PositionRow,
    RelationRow,
    WeightRow,
)
from quaestio.store.nesting import check_move, descendants
from quaestio.store.nodeviews import all_ids, get_evidence


def move_evidence(
    session: Session,
    actor: Actor,
    debate_id: int,
    node_id: str,
    expected: int,
    data: dict[str, Any],
) -> dict[str, Any]:
    """Put ``node_id`` (and its subtree) under ``data["under"]``: a position or a point.

    ``data["stance"]`` (optional) is the moved point's stance towards its new parent.
    Returns the moved point as it is now, with ``renamed``: each old id and its new one.
    """
    row, before = open_node(session, actor, debate_id, EvidenceRow, node_id, expected)
    assert isinstance(row, EvidenceRow)
    under = str(data.get("under") or "")
    stance = data.get("stance") or row.stance
    if stance not in ("for", "against"):
        raise ValidationError(f"stance {stance!r} is not 'for' or 'against'", field="stance")
    target_position, parent = _target(session, debate_id, under)
    if parent is not None and parent.node_id == node_id:
        raise ValidationError(f"{node_id} cannot answer itself", field="under")
    new_parent = None if parent is None else parent.node_id
    row.stance = stance
    if target_position.id == row.position_id:  # within the position: only the parent moves
        check_move(session, row, new_parent)
        row.parent = new_parent
        after = updated(session, actor, row, before, "parent")
        return {**after, "renamed": {}}
    below = descendants(session, row.position_id, node_id)
    renamed = _new_ids(session, debate_id, row, below, new_parent or target_position.node_id)
    moved = [row, *(get_evidence(session, debate_id, k) for k in below)]
    old_position = row.position_id
    start = next_ord(session, EvidenceRow.ord, EvidenceRow.position_id == target_position.id)
    for n, point in enumerate(moved):
        point.position_id = target_position.id
        point.ord = start + n
        point.parent = new_parent if point is row else renamed.get(point.parent or "")
        point.node_id = renamed[point.node_id]
    session.flush()
    for h in session.scalars(
        select(HistorianRow).where(HistorianRow.evidence_id.in_([p.id for p in moved]))
    ):
        h.position_id = target_position.id
    _rename_everywhere(session, debate_id, renamed)
    _cross_rebuttals(session, debate_id, old_position, target_position.id)
    session.flush()
    after = updated(session, actor, row, before, "parent")
    return {**after, "renamed": renamed}


def _target(session: Session, debate_id: int, under: str) -> tuple[PositionRow, EvidenceRow | None]:
    position = session.scalar(
        select(PositionRow).where(PositionRow.debate_id == debate_id, PositionRow.node_id == under)
    )
    if position is not None:
        return position, None
    point = session.scalar(
        select(EvidenceRow).where(EvidenceRow.debate_id == debate_id, EvidenceRow.node_id == under)
    )
    if point is None:
        raise ValidationError(f"{under!r} is not a position or point of this debate", field="under")
    home = session.get(PositionRow, point.position_id)
    assert home is not None
    return home, point


def _new_ids(
    session: Session, debate_id: int, row: EvidenceRow, below: list[str], parent_id: str
) -> dict[str, str]:
    """Fresh ids for the moved subtree, each extending its (new) parent's, parents first."""
    alloc = IdAllocator(all_ids(session, debate_id))
    renamed = {row.node_id: alloc.evidence(parent_id, row.stance)}  # type: ignore[arg-type]
    points = {
        p.node_id: p
        for p in session.scalars(
            select(EvidenceRow).where(
                EvidenceRow.debate_id == debate_id, EvidenceRow.node_id.in_(below)
            )
        )
    }
    for old in below:  # parents come before their children
        point = points[old]
        renamed[old] = alloc.evidence(renamed[point.parent or ""], point.stance)  # type: ignore[arg-type]
    return renamed


def _rename_everywhere(session: Session, debate_id: int, renamed: dict[str, str]) -> None:
    """Rewrite every other name of the moved ids: links, references, arguments, ACH, weights."""
    old = list(renamed)
    for r in session.scalars(select(RelationRow).where(RelationRow.debate_id == debate_id)):
        if r.source_node in renamed:
            r.source_node = renamed[r.source_node]
        if r.target_node in renamed:
            r.target_node = renamed[r.target_node]
    for e in session.scalars(select(EvidenceRow).where(EvidenceRow.debate_id == debate_id)):
        if any(ref in renamed for ref in e.references):
            e.references = [renamed.get(ref, ref) for ref in e.references]
    for a in session.scalars(select(ArgumentRow).where(ArgumentRow.debate_id == debate_id)):
        if a.conclusion in renamed or any(k in renamed for k in a.premises):
            a.premises = [renamed.get(k, k) for k in a.premises]
            a.conclusion = renamed.get(a.conclusion, a.conclusion)
    for cell in session.scalars(
        select(AchRatingRow).where(
            AchRatingRow.debate_id == debate_id, AchRatingRow.evidence_node.in_(old)
        )
    ):
        cell.evidence_node = renamed[cell.evidence_node]
    for w in session.scalars(
        select(WeightRow).where(WeightRow.debate_id == debate_id, WeightRow.node_id.in_(old))
    ):
        w.node_id = renamed[w.node_id]


def _cross_rebuttals(session: Session, debate_id: int, *positions: int) -> None:
    """A rebuttal now joining two positions becomes a typed attack with its own id."""
    home = {
        node: position
        for node, position in session.execute(
            select(EvidenceRow.node_id, EvidenceRow.position_id).where(
                EvidenceRow.debate_id == debate_id, EvidenceRow.position_id.in_(positions)
            )
        )
    }
    alloc: IdAllocator | None = None
    for r in session.scalars(
        select(RelationRow).where(RelationRow.debate_id == debate_id, RelationRow.kind == REBUTS)
    ):
        a, b = home.get(r.source_node), home.get(r.target_node)
        if a is not None and b is not None and a != b:
            alloc = alloc or IdAllocator(all_ids(session, debate_id))
            r.kind, r.relation_id = "attack", alloc.relation()
