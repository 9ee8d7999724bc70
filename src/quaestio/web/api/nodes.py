"""Positions, evidence (points at any depth) and consequences of one debate.

Writes need the owner or a teacher of the debate's class and the version the
client read (``version`` in the body for PATCH, ``?version=`` for DELETE).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response, status
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from quaestio.errors import ValidationError
from quaestio.store import StaleVersionError, batch, graph, moves, nodes, nodeviews
from quaestio.store.access import debate_for
from quaestio.store.models import ConsequenceRow, PositionRow
from quaestio.web.api.graph_schemas import (
    ArgumentIn,
    ArgumentPatch,
    ConclusionClaimIn,
    ConclusionClaimPatch,
    MovedOut,
    MoveIn,
    RelationIn,
    RelationPatch,
    SchoolIn,
    SchoolPatch,
)
from quaestio.web.api.items import VersionQ, gone, write
from quaestio.web.api.paging import paged
from quaestio.web.api.schemas import (
    AchPatch,
    Batch,
    BatchResult,
    ConsequenceIn,
    ConsequenceOut,
    ConsequencePatch,
    EvidenceIn,
    EvidenceOut,
    EvidencePatch,
    Operation,
    Page,
    PositionIn,
    PositionOut,
    PositionPatch,
)
from quaestio.web.deps import ActorDep, DbDep, DebateId, NodeId, PageDep, UserDep

router = APIRouter(prefix="/api/debates/{debate_id}", tags=["nodes"])


# -- positions ------------------------------------------------------------------------
@router.get("/positions", response_model=Page[PositionOut])
def list_positions(
    debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep
) -> Page[PositionOut]:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        rows = nodeviews.in_order(session, PositionRow, debate_id)
        return paged(
            rows, page, lambda r: PositionOut.model_validate(nodeviews.position_dict(session, r))
        )


@router.post("/positions", status_code=status.HTTP_201_CREATED, response_model=PositionOut)
def create_position(
    debate_id: DebateId, body: PositionIn, actor: UserDep, db: DbDep
) -> PositionOut:
    with db.transaction() as session:
        return PositionOut.model_validate(
            nodes.create_position(session, actor, debate_id, body.model_dump())
        )


@router.get("/positions/{node_id}", response_model=PositionOut)
def get_position(debate_id: DebateId, node_id: NodeId, actor: ActorDep, db: DbDep) -> PositionOut:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        return PositionOut.model_validate(
            nodeviews.position_dict(session, nodeviews.get_position(session, debate_id, node_id))
        )


@router.patch("/positions/{node_id}", response_model=PositionOut)
def patch_position(
    debate_id: DebateId, node_id: NodeId, body: PositionPatch, actor: UserDep, db: DbDep
) -> PositionOut:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    with db.transaction() as session:
        return PositionOut.model_validate(
            nodes.update_position(session, actor, debate_id, node_id, body.version, changes)
        )


@router.delete("/positions/{node_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_position(
    debate_id: DebateId, node_id: NodeId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    """Delete a position with all its evidence (and rebuttals touching it)."""
    with db.transaction() as session:
        nodes.delete_position(session, actor, debate_id, node_id, version)
    return gone()


# -- evidence -------------------------------------------------------------------------
@router.get("/evidence", response_model=Page[EvidenceOut])
def list_evidence(
    debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep
) -> Page[EvidenceOut]:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        items, total = nodeviews.list_evidence(
            session, debate_id, limit=page.limit, offset=page.offset
        )
    return Page(
        items=[EvidenceOut.model_validate(i) for i in items],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.post("/evidence", status_code=status.HTTP_201_CREATED, response_model=EvidenceOut)
def create_evidence(
    debate_id: DebateId, body: EvidenceIn, actor: UserDep, db: DbDep
) -> EvidenceOut:
    with db.transaction() as session:
        return EvidenceOut.model_validate(
            nodes.create_evidence(session, actor, debate_id, body.model_dump())
        )


@router.get("/evidence/{node_id}", response_model=EvidenceOut)
def get_evidence(debate_id: DebateId, node_id: NodeId, actor: ActorDep, db: DbDep) -> EvidenceOut:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        return EvidenceOut.model_validate(
            nodeviews.evidence_dict(session, nodeviews.get_evidence(session, debate_id, node_id))
        )


@router.patch("/evidence/{node_id}", response_model=EvidenceOut)
def patch_evidence(
    debate_id: DebateId, node_id: NodeId, body: EvidencePatch, actor: UserDep, db: DbDep
) -> EvidenceOut:
    """Edit a piece of evidence; a stale ``version`` gets 409 with the current state."""
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    with db.transaction() as session:
        return EvidenceOut.model_validate(
            nodes.update_evidence(session, actor, debate_id, node_id, body.version, changes)
        )


@router.delete("/evidence/{node_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_evidence(
    debate_id: DebateId, node_id: NodeId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    """Delete a point with every point below it (and the links naming any of them)."""
    with db.transaction() as session:
        nodes.delete_evidence(session, actor, debate_id, node_id, version)
    return gone()


@router.post("/evidence/{node_id}/move", response_model=MovedOut)
def move_evidence(
    debate_id: DebateId, node_id: NodeId, body: MoveIn, actor: UserDep, db: DbDep
) -> MovedOut:
    """Move a point, with every point below it, under a position or a point of any position.

    Within its position only the parent changes. Into another position the moved points
    get new ids extending their new parent's (``renamed`` lists them), every relation,
    reference, argument, ACH cell and personal weight naming them follows, and a rebuttal
    that would now join two positions becomes a typed attack.
    """
    data = body.model_dump(exclude={"version"}, exclude_none=True)
    return write(
        db,
        MovedOut,
        lambda s: moves.move_evidence(s, actor, debate_id, node_id, body.version, data),
    )


# -- consequences ---------------------------------------------------------------------
@router.get("/consequences", response_model=Page[ConsequenceOut])
def list_consequences(
    debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep
) -> Page[ConsequenceOut]:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        rows = nodeviews.in_order(session, ConsequenceRow, debate_id)
    return paged(rows, page, lambda r: ConsequenceOut.model_validate(nodeviews.consequence_dict(r)))


@router.post("/consequences", status_code=status.HTTP_201_CREATED, response_model=ConsequenceOut)
def create_consequence(
    debate_id: DebateId, body: ConsequenceIn, actor: UserDep, db: DbDep
) -> ConsequenceOut:
    with db.transaction() as session:
        return ConsequenceOut.model_validate(
            nodes.create_consequence(session, actor, debate_id, body.model_dump())
        )


@router.patch("/consequences/{node_id}", response_model=ConsequenceOut)
def patch_consequence(
    debate_id: DebateId, node_id: NodeId, body: ConsequencePatch, actor: UserDep, db: DbDep
) -> ConsequenceOut:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    with db.transaction() as session:
        return ConsequenceOut.model_validate(
            nodes.update_consequence(session, actor, debate_id, node_id, body.version, changes)
        )


@router.delete("/consequences/{node_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_consequence(
    debate_id: DebateId, node_id: NodeId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    with db.transaction() as session:
        nodes.delete_consequence(session, actor, debate_id, node_id, version)
    return gone()


# -- several edits at once ------------------------------------------------------------
_SCHEMAS: dict[str, type[BaseModel]] = {
    "create_position": PositionIn,
    "update_position": PositionPatch,
    "create_evidence": EvidenceIn,
    "update_evidence": EvidencePatch,
    "create_consequence": ConsequenceIn,
    "update_consequence": ConsequencePatch,
    "update_ach": AchPatch,
    "create_relation": RelationIn,
    "update_relation": RelationPatch,
    "create_school": SchoolIn,
    "update_school": SchoolPatch,
    "create_argument": ArgumentIn,
    "update_argument": ArgumentPatch,
    "create_conclusion_claim": ConclusionClaimIn,
    "update_conclusion_claim": ConclusionClaimPatch,
    "move_evidence": MoveIn,
}


def _checked(index: int, op: Operation) -> dict[str, Any]:
    """One operation with its ``data`` checked by the same schema as the single-node call."""
    out = op.model_dump(exclude_none=True)
    schema = _SCHEMAS.get(op.op)
    if schema is None:
        return out
    raw = dict(op.data)
    if op.op.startswith(("update_", "move_")):
        if op.version is None:
            raise ValidationError(
                f"operation {index} needs 'version'", field=f"operations.{index}.version"
            )
        raw["version"] = op.version
    try:
        data = schema.model_validate(raw)
    except PydanticValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValidationError(
            f"operation {index}: {where}: {first['msg']}", field=f"operations.{index}.data.{where}"
        ) from exc
    out["data"] = data.model_dump(
        exclude_unset=op.op.startswith(("update_", "move_")), exclude={"version"}
    )
    return out


@router.post("/changes", response_model=BatchResult)
def apply_changes(debate_id: DebateId, body: Batch, actor: UserDep, db: DbDep) -> BatchResult:
    """Apply several node edits in one transaction: if any fails (409, 422...), none is kept."""
    operations = [_checked(i, o) for i, o in enumerate(body.operations)]
    try:
        with db.transaction() as session:
            return BatchResult(results=batch.apply(session, actor, debate_id, operations))
    except StaleVersionError as exc:
        # the state seen inside the rolled-back batch never existed: report the stored one
        with db.read() as session:
            exc.current = graph.current(session, debate_id, exc.resource, exc.key)
        raise
