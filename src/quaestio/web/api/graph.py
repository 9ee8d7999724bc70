"""Relations (rebuttals and the graph's typed links), schools, premise-conclusion
arguments and the conclusion's claims of one debate.

Writes need the owner or a teacher of the debate's class. A typed relation, a school,
an argument and a conclusion claim carry their own version (``version`` in the body for
PATCH, ``?version=`` for DELETE; a stale one is a 409 with the current state, a bad
field a 422 naming it); a rebuttal belongs to its source point and moves that point's
version.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from quaestio.store import arguments, graph, relations
from quaestio.store.access import debate_for
from quaestio.web.api.graph_schemas import (
    ArgumentIn,
    ArgumentOut,
    ArgumentPatch,
    ConclusionClaimIn,
    ConclusionClaimOut,
    ConclusionClaimPatch,
    RelationIn,
    RelationOut,
    RelationPatch,
    SchoolIn,
    SchoolOut,
    SchoolPatch,
)
from quaestio.web.api.items import ItemId, VersionQ, read_one, read_page, remove, write
from quaestio.web.api.paging import paged
from quaestio.web.api.schemas import Page
from quaestio.web.deps import ActorDep, DbDep, DebateId, PageDep, UserDep

router = APIRouter(prefix="/api/debates/{debate_id}", tags=["graph"])


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
    return remove(db, lambda s: relations.remove_relation(s, actor, debate_id, source, target))


@router.get("/relations/{relation_id}", response_model=RelationOut)
def get_relation(
    debate_id: DebateId, relation_id: ItemId, actor: ActorDep, db: DbDep
) -> RelationOut:
    return read_one(
        db,
        actor,
        debate_id,
        RelationOut,
        lambda s: graph.relation_dict(graph.get_relation(s, debate_id, relation_id)),
    )


@router.patch("/relations/{relation_id}", response_model=RelationOut)
def patch_relation(
    debate_id: DebateId, relation_id: ItemId, body: RelationPatch, actor: UserDep, db: DbDep
) -> RelationOut:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    return write(
        db,
        RelationOut,
        lambda s: graph.update_relation(s, actor, debate_id, relation_id, body.version, changes),
    )


@router.delete("/relations/{relation_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_relation(
    debate_id: DebateId, relation_id: ItemId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    """Delete a typed relation, and the attacks and undercuts aimed at it."""
    return remove(db, lambda s: graph.delete_relation(s, actor, debate_id, relation_id, version))


# -- schools --------------------------------------------------------------------------
@router.get("/schools", response_model=Page[SchoolOut])
def list_schools(debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep) -> Page[SchoolOut]:
    return read_page(
        db, actor, debate_id, page, SchoolOut, lambda s: graph.list_schools(s, debate_id)
    )


@router.post("/schools", status_code=status.HTTP_201_CREATED, response_model=SchoolOut)
def create_school(debate_id: DebateId, body: SchoolIn, actor: UserDep, db: DbDep) -> SchoolOut:
    data = body.model_dump()
    return write(db, SchoolOut, lambda s: graph.create_school(s, actor, debate_id, data))


@router.get("/schools/{school_id}", response_model=SchoolOut)
def get_school(debate_id: DebateId, school_id: ItemId, actor: ActorDep, db: DbDep) -> SchoolOut:
    return read_one(
        db,
        actor,
        debate_id,
        SchoolOut,
        lambda s: graph.school_dict(graph.get_school(s, debate_id, school_id)),
    )


@router.patch("/schools/{school_id}", response_model=SchoolOut)
def patch_school(
    debate_id: DebateId, school_id: ItemId, body: SchoolPatch, actor: UserDep, db: DbDep
) -> SchoolOut:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    return write(
        db,
        SchoolOut,
        lambda s: graph.update_school(s, actor, debate_id, school_id, body.version, changes),
    )


@router.delete("/schools/{school_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_school(
    debate_id: DebateId, school_id: ItemId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    return remove(db, lambda s: graph.delete_school(s, actor, debate_id, school_id, version))


# -- premise-conclusion arguments -------------------------------------------------------
@router.get("/arguments", response_model=Page[ArgumentOut])
def list_arguments(
    debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep
) -> Page[ArgumentOut]:
    """The debate's premise-conclusion structures, in the order they were made."""
    return read_page(
        db, actor, debate_id, page, ArgumentOut, lambda s: arguments.list_arguments(s, debate_id)
    )


@router.post("/arguments", status_code=status.HTTP_201_CREATED, response_model=ArgumentOut)
def create_argument(
    debate_id: DebateId, body: ArgumentIn, actor: UserDep, db: DbDep
) -> ArgumentOut:
    """Hold premises and a conclusion (any claims of the debate) as one argument."""
    data = body.model_dump()
    return write(db, ArgumentOut, lambda s: arguments.create_argument(s, actor, debate_id, data))


@router.get("/arguments/{argument_id}", response_model=ArgumentOut)
def get_argument(
    debate_id: DebateId, argument_id: ItemId, actor: ActorDep, db: DbDep
) -> ArgumentOut:
    return read_one(
        db,
        actor,
        debate_id,
        ArgumentOut,
        lambda s: arguments.argument_dict(arguments.get_argument(s, debate_id, argument_id)),
    )


@router.patch("/arguments/{argument_id}", response_model=ArgumentOut)
def patch_argument(
    debate_id: DebateId, argument_id: ItemId, body: ArgumentPatch, actor: UserDep, db: DbDep
) -> ArgumentOut:
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    return write(
        db,
        ArgumentOut,
        lambda s: arguments.update_argument(
            s, actor, debate_id, argument_id, body.version, changes
        ),
    )


@router.delete("/arguments/{argument_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_argument(
    debate_id: DebateId, argument_id: ItemId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    """Delete an argument (its premises and conclusion stay: they are claims of their own)."""
    return remove(
        db, lambda s: arguments.delete_argument(s, actor, debate_id, argument_id, version)
    )


# -- the conclusion's claims ------------------------------------------------------------
@router.get("/conclusion/claims", response_model=Page[ConclusionClaimOut])
def list_conclusion_claims(
    debate_id: DebateId, actor: ActorDep, db: DbDep, page: PageDep
) -> Page[ConclusionClaimOut]:
    """The sentences of the conclusion as claims, with what each says of positions."""
    return read_page(
        db,
        actor,
        debate_id,
        page,
        ConclusionClaimOut,
        lambda s: arguments.list_claims(s, debate_id),
    )


@router.post(
    "/conclusion/claims", status_code=status.HTTP_201_CREATED, response_model=ConclusionClaimOut
)
def create_conclusion_claim(
    debate_id: DebateId, body: ConclusionClaimIn, actor: UserDep, db: DbDep
) -> ConclusionClaimOut:
    """Add a sentence of the conclusion that endorses, qualifies or rejects positions (the
    debate needs a conclusion: 422 on the field ``conclusion`` otherwise)."""
    data = body.model_dump()
    return write(
        db, ConclusionClaimOut, lambda s: arguments.create_claim(s, actor, debate_id, data)
    )


@router.get("/conclusion/claims/{claim_id}", response_model=ConclusionClaimOut)
def get_conclusion_claim(
    debate_id: DebateId, claim_id: ItemId, actor: ActorDep, db: DbDep
) -> ConclusionClaimOut:
    return read_one(
        db,
        actor,
        debate_id,
        ConclusionClaimOut,
        lambda s: arguments.claim_dict(arguments.get_claim(s, debate_id, claim_id)),
    )


@router.patch("/conclusion/claims/{claim_id}", response_model=ConclusionClaimOut)
def patch_conclusion_claim(
    debate_id: DebateId, claim_id: ItemId, body: ConclusionClaimPatch, actor: UserDep, db: DbDep
) -> ConclusionClaimOut:
    """Change a claim's text, weight or judgements (the list given replaces the old one)."""
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    return write(
        db,
        ConclusionClaimOut,
        lambda s: arguments.update_claim(s, actor, debate_id, claim_id, body.version, changes),
    )


@router.delete("/conclusion/claims/{claim_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_conclusion_claim(
    debate_id: DebateId, claim_id: ItemId, version: VersionQ, actor: UserDep, db: DbDep
) -> Response:
    """Delete a claim, and the relations and arguments that name it."""
    return remove(db, lambda s: arguments.delete_claim(s, actor, debate_id, claim_id, version))
