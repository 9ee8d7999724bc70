"""Each user's own weights, verdict and flashcard review states; the class's results.

Writes always go to the signed-in user's own rows; reading another user's rows
(``?user_id=``) and the class-wide verdict list need the owner or a teacher.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from quaestio.store import personal
from quaestio.web.api.paging import paged
from quaestio.web.api.schemas import (
    Page,
    ReviewIn,
    ReviewOut,
    VerdictIn,
    VerdictOut,
    WeightIn,
    WeightOut,
)
from quaestio.web.deps import MAX_ID, ActorDep, DbDep, DebateId, NodeId, PageDep, UserDep

router = APIRouter(prefix="/api/debates/{debate_id}", tags=["personal work"])


@router.get("/weights", response_model=Page[WeightOut])
def list_weights(
    debate_id: DebateId,
    actor: ActorDep,
    db: DbDep,
    page: PageDep,
    user_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="another user's (owner/teacher only)")
    ] = None,
) -> Page[WeightOut]:
    with db.read() as session:
        rows = personal.weights(session, actor, debate_id, user_id)
        return paged(rows, page, lambda r: WeightOut.model_validate(personal.weight_dict(r)))


@router.put("/weights/{node_id}", response_model=WeightOut)
def put_weight(
    debate_id: DebateId, node_id: NodeId, body: WeightIn, actor: UserDep, db: DbDep
) -> WeightOut:
    """Set your own weight for a node (version 0 the first time)."""
    with db.transaction() as session:
        row = personal.set_weight(session, actor, debate_id, node_id, body.value, body.version)
        return WeightOut.model_validate(personal.weight_dict(row))


@router.get("/verdict", response_model=VerdictOut | None)
def get_verdict(debate_id: DebateId, actor: UserDep, db: DbDep) -> VerdictOut | None:
    with db.read() as session:
        row = personal.my_verdict(session, actor, debate_id)
        return None if row is None else VerdictOut.model_validate(personal.verdict_dict(row))


@router.put("/verdict", response_model=VerdictOut)
def put_verdict(debate_id: DebateId, body: VerdictIn, actor: UserDep, db: DbDep) -> VerdictOut:
    with db.transaction() as session:
        row = personal.set_verdict(
            session, actor, debate_id, body.text, body.favoured, body.version
        )
        return VerdictOut.model_validate(personal.verdict_dict(row))


@router.get("/verdicts", response_model=Page[VerdictOut])
def list_verdicts(
    debate_id: DebateId, actor: UserDep, db: DbDep, page: PageDep
) -> Page[VerdictOut]:
    """Everyone's verdicts on this debate: the class's results (owner and teachers)."""
    with db.read() as session:
        rows = personal.all_verdicts(session, actor, debate_id)
        return paged(
            rows,
            page,
            lambda vu: VerdictOut.model_validate(
                {**personal.verdict_dict(vu[0]), "username": vu[1].username}
            ),
        )


@router.get("/reviews", response_model=Page[ReviewOut])
def list_reviews(debate_id: DebateId, actor: UserDep, db: DbDep, page: PageDep) -> Page[ReviewOut]:
    with db.read() as session:
        rows = personal.reviews(session, actor, debate_id)
        return paged(rows, page, lambda r: ReviewOut.model_validate(personal.review_dict(r)))


@router.put("/reviews/{card_id:path}", response_model=ReviewOut)
def put_review(
    debate_id: DebateId,
    card_id: Annotated[
        str,
        Path(
            max_length=200,
            description=(
                "the card's id as ``GET …/cards`` gives it; it may contain ``/`` (figure cards such"
                " as ``figure:p2.f1:3/5``), sent as it is or percent-encoded (``%2F``)"
            ),
        ),
    ],
    body: ReviewIn,
    actor: UserDep,
    db: DbDep,
) -> ReviewOut:
    """Store your spaced-repetition state for one flashcard (the study layer's JSON).

    The path converter takes the rest of the URL as the card id, because figure
    cards are named by their figure ("3/5") and a plain segment stops at "/".
    """
    with db.transaction() as session:
        row = personal.set_review(session, actor, debate_id, card_id, body.state, body.version)
        return ReviewOut.model_validate(personal.review_dict(row))
