"""The analyst's ACH judgements: read the matrix, rate or clear one cell, set an item's weights.

A judgement is an edit of its evidence item: owner or a teacher of the class,
the item's ``version`` (409 with the current state when stale), CSRF for
browser sessions, one revision per write. Each write answers with the item, so
the client has its new version for the next edit.
"""

from __future__ import annotations

from fastapi import APIRouter

from quaestio.reasoning import ach_matrix
from quaestio.reasoning.ach import DEFAULT
from quaestio.store import ach as store_ach
from quaestio.store import debates, nodeviews
from quaestio.web.api.items import VersionQ
from quaestio.web.api.schemas import (
    AchCellIn,
    AchCellOut,
    AchMatrixOut,
    AchWeightsIn,
    EvidenceOut,
)
from quaestio.web.deps import ActorDep, DbDep, DebateId, NodeId, UserDep

router = APIRouter(prefix="/api/debates/{debate_id}/ach", tags=["ach"])


@router.get("", response_model=AchMatrixOut)
def get_matrix(debate_id: DebateId, actor: ActorDep, db: DbDep) -> AchMatrixOut:
    """The ACH matrix with every cell marked as the analyst's or derived."""
    with db.read() as session:
        _, debate, _ = debates.load(session, actor, debate_id)
        versions = nodeviews.versions(session, debate_id)
    m = ach_matrix(debate)
    return AchMatrixOut(
        positions=list(m.positions),
        evidence=list(m.evidence),
        default=AchCellOut(rating=DEFAULT, origin="derived"),
        cells={
            e: {p: AchCellOut(rating=r, origin=m.origin(e, p)) for p, r in row.items()}  # type: ignore[arg-type]
            for e, row in m.rows().items()
        },
        credibility=m.credibility,
        relevance=m.relevance,
        inconsistency=m.inconsistency,
        consistency=m.consistency,
        diagnosticity=m.diagnosticity,
        versions={e: versions[e] for e in m.evidence},
    )


@router.put("/{node_id}/{position_id}", response_model=EvidenceOut)
def set_cell(
    debate_id: DebateId,
    node_id: NodeId,
    position_id: NodeId,
    body: AchCellIn,
    actor: UserDep,
    db: DbDep,
) -> EvidenceOut:
    """Rate evidence ``node_id`` against position ``position_id`` (CC, C, N, I, II or NA)."""
    with db.transaction() as session:
        return EvidenceOut.model_validate(
            store_ach.set_cell(
                session, actor, debate_id, node_id, position_id, body.version, body.rating
            )
        )


@router.delete("/{node_id}/{position_id}", response_model=EvidenceOut)
def clear_cell(
    debate_id: DebateId,
    node_id: NodeId,
    position_id: NodeId,
    version: VersionQ,
    actor: UserDep,
    db: DbDep,
) -> EvidenceOut:
    """Forget the analyst's rating of this cell: it is derived again."""
    with db.transaction() as session:
        return EvidenceOut.model_validate(
            store_ach.set_cell(session, actor, debate_id, node_id, position_id, version, None)
        )


@router.patch("/{node_id}", response_model=EvidenceOut)
def set_weights(
    debate_id: DebateId, node_id: NodeId, body: AchWeightsIn, actor: UserDep, db: DbDep
) -> EvidenceOut:
    """Set the item's ACH credibility and/or relevance (null: derived again)."""
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    with db.transaction() as session:
        return EvidenceOut.model_validate(
            store_ach.set_weights(session, actor, debate_id, node_id, body.version, changes)
        )
