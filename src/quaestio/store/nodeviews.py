"""Finding the node rows of a debate and showing them as the API does.

Reads are kept apart from writes so that pages, the API and the edit modules
(``nodes``, ``relations``, ``ach``) share one notion of a node's id, its 404 and
its representation: the state an edit logs before and after is exactly what a
client reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quaestio.errors import NotFoundError
from quaestio.store import convert
from quaestio.store.models import (
    AchRatingRow,
    ArgumentRow,
    ConclusionClaimRow,
    ConsequenceRow,
    EvidenceRow,
    HistorianRow,
    PositionRow,
    RelationRow,
    SchoolRow,
    columns,
)

NodeRow = TypeVar("NodeRow", PositionRow, EvidenceRow, ConsequenceRow)
AnyNode = PositionRow | EvidenceRow | ConsequenceRow
NODE_MODELS: tuple[type[AnyNode], ...] = (PositionRow, EvidenceRow, ConsequenceRow)
RESOURCE: dict[type[AnyNode], str] = {
    PositionRow: "position",
    EvidenceRow: "evidence",
    ConsequenceRow: "consequence",
}


# -- representations ------------------------------------------------------------------
def historian_dicts(session: Session, position_row: int, evidence_row: int | None) -> list[Any]:
    """The historians of a position (``evidence_row`` None) or of one of its points."""
    names = session.scalars(
        select(HistorianRow)
        .where(
            HistorianRow.position_id == position_row,
            HistorianRow.evidence_id.is_(None)
            if evidence_row is None
            else HistorianRow.evidence_id == evidence_row,
        )
        .order_by(HistorianRow.ord)
    )
    return [{"name": h.name, "key": h.key, "stance": h.stance} for h in names]


@dataclass(frozen=True)
class Around:
    """What the representation of a debate's nodes reads from other tables, read once.

    Shown one at a time, each point read the whole debate's rebuttals again: the editor
    of a 2,000-point debate made 2,000 such reads. Showing many nodes, the caller reads
    this once and passes it along.
    """

    rebuts: dict[str, list[str]]
    ach: dict[str, dict[str, str]]
    historians: dict[tuple[int, int | None], list[dict[str, str]]]
    position_ids: dict[int, str]


def around(session: Session, debate_id: int) -> Around:
    ach: dict[str, dict[str, str]] = {}
    for r in session.scalars(
        select(AchRatingRow)
        .where(AchRatingRow.debate_id == debate_id)
        .order_by(AchRatingRow.ord, AchRatingRow.id)
    ):
        ach.setdefault(r.evidence_node, {})[r.position_node] = r.rating
    positions: dict[int, str] = {
        row_id: node_id
        for row_id, node_id in session.execute(
            select(PositionRow.id, PositionRow.node_id).where(PositionRow.debate_id == debate_id)
        )
    }
    historians: dict[tuple[int, int | None], list[dict[str, str]]] = {}
    if positions:
        for h in session.scalars(
            select(HistorianRow)
            .where(HistorianRow.position_id.in_(list(positions)))
            .order_by(HistorianRow.ord)
        ):
            historians.setdefault((h.position_id, h.evidence_id), []).append(
                {"name": h.name, "key": h.key, "stance": h.stance}
            )
    return Around(convert.rebuttals(session, debate_id), ach, historians, positions)


def position_dict(session: Session, row: PositionRow, ctx: Around | None = None) -> dict[str, Any]:
    return {
        "id": row.node_id,
        **columns(row, "title", "summary"),
        "historians": (
            historian_dicts(session, row.id, None)
            if ctx is None
            else list(ctx.historians.get((row.id, None), []))
        ),
        "tags": list(row.tags or ()),
        **columns(row, "weight", "source", "version"),
    }


def evidence_dict(session: Session, row: EvidenceRow, ctx: Around | None = None) -> dict[str, Any]:
    if ctx is None:
        ctx = Around(
            {row.node_id: convert.rebuttals(session, row.debate_id).get(row.node_id, [])},
            {row.node_id: _ach_of(session, row)},
            {(row.position_id, row.id): historian_dicts(session, row.position_id, row.id)},
            {row.position_id: _position_node(session, row.position_id)},
        )
    return {
        "id": row.node_id,
        "position_id": ctx.position_ids[row.position_id],
        "parent": row.parent,
        **columns(row, "stance", "label", "text"),
        "years": list(row.years),
        "figures": list(row.figures),
        "references": list(row.references),
        "rebuts": list(ctx.rebuts.get(row.node_id, [])),
        **columns(row, "weight", "source"),
        "ach": dict(ctx.ach.get(row.node_id, {})),
        "tags": list(row.tags or ()),
        "historians": list(ctx.historians.get((row.position_id, row.id), [])),
        **columns(row, "credibility", "relevance", "version"),
    }


def _ach_of(session: Session, row: EvidenceRow) -> dict[str, str]:
    ach = session.scalars(
        select(AchRatingRow)
        .where(AchRatingRow.debate_id == row.debate_id, AchRatingRow.evidence_node == row.node_id)
        .order_by(AchRatingRow.ord, AchRatingRow.id)
    )
    return {r.position_node: r.rating for r in ach}


def _position_node(session: Session, position_row: int) -> str:
    position = session.get(PositionRow, position_row)
    assert position is not None
    return position.node_id


def consequence_dict(row: ConsequenceRow) -> dict[str, Any]:
    return {
        "id": row.node_id,
        **columns(row, "polarity", "text", "category", "weight", "source", "version"),
    }


def show(session: Session, row: AnyNode) -> dict[str, Any]:
    """The API representation of any node row (what an edit logs before and after)."""
    if isinstance(row, PositionRow):
        return position_dict(session, row)
    if isinstance(row, EvidenceRow):
        return evidence_dict(session, row)
    return consequence_dict(row)


# -- lookups --------------------------------------------------------------------------
def node_ids(session: Session, debate_id: int) -> set[str]:
    """Every node id of a debate: new ids are allocated clear of all kinds at once."""
    ids: set[str] = set()
    for model in NODE_MODELS:
        ids.update(session.scalars(select(model.node_id).where(model.debate_id == debate_id)))
    return ids


def claim_ids(session: Session, debate_id: int) -> set[str]:
    """Ids a relation may name: positions, points (every depth), conclusion claims and
    consequences."""
    ids: set[str] = set()
    for model in (PositionRow, EvidenceRow, ConclusionClaimRow, ConsequenceRow):
        ids.update(session.scalars(select(model.node_id).where(model.debate_id == debate_id)))
    return ids


def all_ids(session: Session, debate_id: int) -> set[str]:
    """Every id of a debate, of every kind: new ids of any kind are allocated clear of all."""
    ids = node_ids(session, debate_id) | claim_ids(session, debate_id)
    for model in (ArgumentRow, SchoolRow):
        ids.update(session.scalars(select(model.node_id).where(model.debate_id == debate_id)))
    ids.update(
        r
        for r in session.scalars(
            select(RelationRow.relation_id).where(RelationRow.debate_id == debate_id)
        )
        if r is not None
    )
    return ids


def get(session: Session, model: type[NodeRow], debate_id: int, node_id: str) -> NodeRow:
    """One node row of a debate by its id; a 404 names the kind of node."""
    row = session.scalar(
        select(model).where(model.debate_id == debate_id, model.node_id == node_id)
    )
    if row is None:
        resource = RESOURCE[model]
        raise NotFoundError(f"{resource} {node_id!r} does not exist", field=f"{resource}_id")
    return row


def get_position(session: Session, debate_id: int, node_id: str) -> PositionRow:
    return get(session, PositionRow, debate_id, node_id)


def get_evidence(session: Session, debate_id: int, node_id: str) -> EvidenceRow:
    return get(session, EvidenceRow, debate_id, node_id)


def get_consequence(session: Session, debate_id: int, node_id: str) -> ConsequenceRow:
    return get(session, ConsequenceRow, debate_id, node_id)


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
    ctx = around(session, debate_id)
    return [evidence_dict(session, r, ctx) for r in rows], int(total or 0)


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
    for model in NODE_MODELS:
        rows = session.execute(
            select(model.node_id, model.version).where(model.debate_id == debate_id)
        )
        out.update({n: v for n, v in rows})
    return out
