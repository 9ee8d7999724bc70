"""Relations (rebuttals and the graph's typed links) and schools of one debate.

Writes need the owner or a teacher of the debate's class. A typed relation and a
school carry their own version (``version`` in the body for PATCH, ``?version=``
for DELETE; a stale one is a 409 with the current state); a rebuttal belongs to
its source point and moves that point's version.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from quaestio.store import graph, relations
from quaestio.store.access import debate_for
from quaestio.web.api.graph_schemas import (
    RelationIn,
    RelationOut,
    RelationPatch,
    SchoolIn,
    SchoolOut,
    SchoolPatch,
)
from quaestio.web.api.paging import paged
from quaestio.web.api.schemas import Page
from quaestio.web.deps import ActorDep, DbDep, DebateId, PageDep, UserDep

router = APIRouter(prefix="/api/debates/{debate_id}", tags=["graph"])
VersionQ = Annotated[int, Query(description="the version you read")]
ItemId = Annotated[str, Path(min_length=1, max_length=64, description="e.g. r1 or s1")]


def _gone() -> Response:
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- relations ------------------------------------------------------------------------
@router.get("/relations", response_model=Page[RelationOut])
def list_relations(
    debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep
) -> Page[RelationOut]:
    """The rebuttals, then the typed relations, in the order they were made."""
    with db.read() as session:
        debate_for(session, actor, debate_id)
        rows = [*relations.relations(session, debate_id), *graph.list_relations(session, debate_id)]
    return paged(rows, page, RelationOut.model_validate)


@router.post("/relations", status_code=status.HTTP_201_CREATED, response_model=RelationOut)
def add_relation(debate_id: DebateId, body: RelationIn, actor: UserDep, db: DbDep) -> RelationOut:
    """Link two claims: a rebuttal between two points of a position, or a typed relation
    between any claims (across positions too; an attack or undercut may aim at a relation)."""
    with db.transaction() as session:
        if body.kind == "rebuts":
            relations.add_relation(session, actor, debate_id, body.source, body.target)
            return RelationOut(kind="rebuts", source=body.source, target=body.target)
        return RelationOut.model_validate(
            graph.create_relation(session, actor, debate_id, body.model_dump())
        )


@router.delete("/relations", status_code=status.HTTP_204_NO_CONTENT)
def remove_relation(
    debate_id: DebateId,
    actor: UserDep,
    db: DbDep,
    source: Annotated[str, Query()],
    target: Annotated[str, Query()],
) -> Response:
    """Remove a rebuttal (typed relations are deleted by their id)."""
    with db.transaction() as session:
        relations.remove_relation(session, actor, debate_id, source, target)
    return _gone()


@router.get("/relations/{relation_id}", response_model=RelationOut)
def get_relation(
    debate_id: DebateId, relation_id: ItemId, actor: ActorDep, db: DbDep
) -> RelationOut:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        return RelationOut.model_validate(
            graph.relation_dict(graph.get_relation(session, debate_id, relation_id))
        )


@router.patch("/relations/{relation_id}", response_model=RelationOut)
def patch_relation(
    debate_id: DebateId, relation_id: ItemId, body: RelationPatch, actor: UserDep, db: DbDep
) -> RelationOut:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    with db.transaction() as session:
        return RelationOut.model_validate(
            graph.update_relation(session, actor, debate_id, relation_id, body.version, changes)
        )


@router.delete("/relations/{relation_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_relation(
    debate_id: DebateId, relation_id: ItemId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    """Delete a typed relation, and the attacks and undercuts aimed at it."""
    with db.transaction() as session:
        graph.delete_relation(session, actor, debate_id, relation_id, version)
    return _gone()


# -- schools --------------------------------------------------------------------------
@router.get("/schools", response_model=Page[SchoolOut])
def list_schools(debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep) -> Page[SchoolOut]:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        rows = graph.list_schools(session, debate_id)
    return paged(rows, page, SchoolOut.model_validate)


@router.post("/schools", status_code=status.HTTP_201_CREATED, response_model=SchoolOut)
def create_school(debate_id: DebateId, body: SchoolIn, actor: UserDep, db: DbDep) -> SchoolOut:
    with db.transaction() as session:
        return SchoolOut.model_validate(
            graph.create_school(session, actor, debate_id, body.model_dump())
        )


@router.get("/schools/{school_id}", response_model=SchoolOut)
def get_school(debate_id: DebateId, school_id: ItemId, actor: ActorDep, db: DbDep) -> SchoolOut:
    with db.read() as session:
        debate_for(session, actor, debate_id)
        return SchoolOut.model_validate(
            graph.school_dict(graph.get_school(session, debate_id, school_id))
        )


@router.patch("/schools/{school_id}", response_model=SchoolOut)
def patch_school(
    debate_id: DebateId, school_id: ItemId, body: SchoolPatch, actor: UserDep, db: DbDep
) -> SchoolOut:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    with db.transaction() as session:
        return SchoolOut.model_validate(
            graph.update_school(session, actor, debate_id, school_id, body.version, changes)
        )


@router.delete("/schools/{school_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_school(
    debate_id: DebateId, school_id: ItemId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    with db.transaction() as session:
        graph.delete_school(session, actor, debate_id, school_id, version)
    return _gone()
