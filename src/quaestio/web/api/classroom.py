"""A class at work: settings, its debates, assignments, students' points, comments, progress.

Thin over ``quaestio.store`` (classroom, assignments, contributions, comments,
progress, resets), which holds every rule; these handlers only translate bodies.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status

from quaestio.store import (
    assignments,
    classroom,
    comments,
    contributions,
    progress,
    resets,
    teams,
)
from quaestio.store import classes as store_classes
from quaestio.store.debates import load as load_debate
from quaestio.store.debates import summary
from quaestio.store.models import AssignmentRow, ContributionRow
from quaestio.web.api.classroom_schemas import (
    AssignmentIn,
    AssignmentOut,
    AssignmentPatch,
    ClassDebateIn,
    ClassPatch,
    ClassVerdictOut,
    CommentIn,
    CommentOut,
    ContributionIn,
    ContributionOut,
    DecisionIn,
    DoneOut,
    ProgressOut,
    RatingOut,
    ResetIn,
    ResetLinkOut,
    TeamIn,
    TeamOut,
)
from quaestio.web.api.schemas import ClassOut, DebateSummary
from quaestio.web.deps import ClassId, DbDep, DebateId, ItemId, UserDep
from quaestio.web.throttle import require_same_origin

router = APIRouter(prefix="/api", tags=["classroom"])
Status = Annotated[str | None, Query(pattern="^(pending|approved|rejected)$")]


def _changes(body: Any, *skip: str) -> dict[str, Any]:
    return {k: v for k, v in body.model_dump(exclude_unset=True).items() if k not in skip}


@router.patch("/classes/{class_id}", response_model=ClassOut)
def update_class(class_id: ClassId, body: ClassPatch, actor: UserDep, db: DbDep) -> ClassOut:
    """Rename or archive a class, or set how its students work (teachers only)."""
    with db.transaction() as session:
        row = classroom.update_class(
            session, actor, class_id, body.version, _changes(body, "version")
        )
        return ClassOut.model_validate(store_classes.class_dict(row, "teacher"))


# -- the class's debates --------------------------------------------------------------
@router.get("/classes/{class_id}/debates", response_model=list[DebateSummary])
def list_debates(class_id: ClassId, actor: UserDep, db: DbDep) -> list[DebateSummary]:
    with db.read() as session:
        rows = classroom.debates_of(session, actor, class_id)
        return [DebateSummary.model_validate(summary(r)) for r in rows]


@router.post(
    "/classes/{class_id}/debates",
    status_code=status.HTTP_201_CREATED,
    response_model=DebateSummary,
)
def add_debate(class_id: ClassId, body: ClassDebateIn, actor: UserDep, db: DbDep) -> DebateSummary:
    """Give the class a debate you own, or (``copy_first``) a copy of any you can read."""
    with db.transaction() as session:
        row = classroom.add_debate(session, actor, class_id, body.debate_id, copy=body.copy_first)
        return DebateSummary.model_validate(summary(row))


@router.delete("/classes/{class_id}/debates/{debate_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_debate(class_id: ClassId, debate_id: DebateId, actor: UserDep, db: DbDep) -> Response:
    with db.transaction() as session:
        classroom.remove_debate(session, actor, class_id, debate_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- assignments ----------------------------------------------------------------------
def _assignment(row: AssignmentRow) -> AssignmentOut:
    return AssignmentOut.model_validate(assignments.assignment_dict(row))


@router.get("/classes/{class_id}/assignments", response_model=list[AssignmentOut])
def list_assignments(class_id: ClassId, actor: UserDep, db: DbDep) -> list[AssignmentOut]:
    with db.read() as session:
        return [_assignment(r) for r in assignments.of_class(session, actor, class_id)]


@router.post(
    "/classes/{class_id}/assignments",
    status_code=status.HTTP_201_CREATED,
    response_model=AssignmentOut,
)
def create_assignment(
    class_id: ClassId, body: AssignmentIn, actor: UserDep, db: DbDep
) -> AssignmentOut:
    """Set the class a debate, what to do with it and a due date."""
    with db.transaction() as session:
        return _assignment(assignments.create(session, actor, class_id, body.model_dump()))


@router.patch("/classes/{class_id}/assignments/{assignment_id}", response_model=AssignmentOut)
def update_assignment(
    class_id: ClassId, assignment_id: ItemId, body: AssignmentPatch, actor: UserDep, db: DbDep
) -> AssignmentOut:
    with db.transaction() as session:
        row = assignments.update(
            session, actor, class_id, assignment_id, body.version, _changes(body, "version")
        )
        return _assignment(row)


@router.delete(
    "/classes/{class_id}/assignments/{assignment_id}", status_code=status.HTTP_204_NO_CONTENT
)
def delete_assignment(
    class_id: ClassId, assignment_id: ItemId, actor: UserDep, db: DbDep
) -> Response:
    with db.transaction() as session:
        assignments.delete(session, actor, class_id, assignment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/classes/{class_id}/assignments/{assignment_id}/done", response_model=list[DoneOut])
def assignment_done(
    class_id: ClassId, assignment_id: ItemId, actor: UserDep, db: DbDep
) -> list[DoneOut]:
    """Who has done it (written a verdict on its debate), when, and whether late."""
    with db.read() as session:
        rows = assignments.status(session, actor, class_id, assignment_id)
    return [DoneOut.model_validate(r) for r in rows]


# -- students' points and the moderation queue ----------------------------------------
def _contribution(row: ContributionRow, author: str) -> ContributionOut:
    return ContributionOut.model_validate(contributions.contribution_dict(row, author))


@router.post(
    "/classes/{class_id}/debates/{debate_id}/contributions",
    status_code=status.HTTP_201_CREATED,
    response_model=ContributionOut,
)
def contribute(
    class_id: ClassId, debate_id: DebateId, body: ContributionIn, actor: UserDep, db: DbDep
) -> ContributionOut:
    """Add a point for or against any claim; it waits for a teacher unless the class posts
    directly (then ``status`` is "approved" and ``node_id`` names the new point)."""
    with db.transaction() as session:
        row = contributions.contribute(session, actor, class_id, debate_id, body.model_dump())
        return _contribution(row, "you")


@router.get("/classes/{class_id}/contributions", response_model=list[ContributionOut])
def list_contributions(
    class_id: ClassId,
    actor: UserDep,
    db: DbDep,
    state: Annotated[Status, Query(alias="status")] = None,
    debate_id: Annotated[int | None, Query(ge=1)] = None,
) -> list[ContributionOut]:
    """The moderation queue (``status=pending``) and past decisions; a student sees their own."""
    with db.read() as session:
        rows = contributions.contributions(
            session, actor, class_id, status=state, debate_id=debate_id
        )
    return [_contribution(r, who) for r, who in rows]


@router.post(
    "/classes/{class_id}/contributions/{contribution_id}/decision",
    response_model=ContributionOut,
)
def decide(
    class_id: ClassId, contribution_id: ItemId, body: DecisionIn, actor: UserDep, db: DbDep
) -> ContributionOut:
    """Approve (after any edits) or reject a waiting contribution (teachers only)."""
    edits = _changes(body, "decision", "version", "note")
    with db.transaction() as session:
        row = contributions.decide(
            session,
            actor,
            class_id,
            contribution_id,
            body.version,
            body.decision,
            changes={k: v for k, v in edits.items() if v is not None},
            note=body.note,
        )
        return _contribution(row, "")


@router.delete(
    "/classes/{class_id}/contributions/{contribution_id}", status_code=status.HTTP_204_NO_CONTENT
)
def withdraw(class_id: ClassId, contribution_id: ItemId, actor: UserDep, db: DbDep) -> Response:
    """A student takes back their own point while it waits."""
    with db.transaction() as session:
        contributions.withdraw(session, actor, class_id, contribution_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- comments -------------------------------------------------------------------------
@router.get("/classes/{class_id}/debates/{debate_id}/comments", response_model=list[CommentOut])
def list_comments(
    class_id: ClassId, debate_id: DebateId, actor: UserDep, db: DbDep
) -> list[CommentOut]:
    with db.read() as session:
        rows = comments.comments(session, actor, class_id, debate_id)
    return [CommentOut.model_validate(comments.comment_dict(r, who)) for r, who in rows]


@router.post(
    "/classes/{class_id}/debates/{debate_id}/comments",
    status_code=status.HTTP_201_CREATED,
    response_model=CommentOut,
)
def add_comment(
    class_id: ClassId, debate_id: DebateId, body: CommentIn, actor: UserDep, db: DbDep
) -> CommentOut:
    """Comment on a claim, or (teachers) on a student's verdict."""
    with db.transaction() as session:
        row = comments.add_comment(
            session,
            actor,
            class_id,
            debate_id,
            body.text,
            node_id=body.node_id,
            about_user=body.about_user,
        )
        return CommentOut.model_validate(comments.comment_dict(row, "you"))


@router.delete("/classes/{class_id}/comments/{comment_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_comment(class_id: ClassId, comment_id: ItemId, actor: UserDep, db: DbDep) -> Response:
    with db.transaction() as session:
        comments.delete_comment(session, actor, class_id, comment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- progress, ratings, export --------------------------------------------------------
@router.get("/classes/{class_id}/progress", response_model=list[ProgressOut])
def get_progress(
    class_id: ClassId,
    actor: UserDep,
    db: DbDep,
    debate_id: Annotated[int | None, Query(ge=1)] = None,
) -> list[ProgressOut]:
    """Each student's verdict, weights, quiz scores, cards and contributions (teachers only)."""
    with db.read() as session:
        rows = progress.progress(session, actor, class_id, debate_id=debate_id)
    return [ProgressOut.model_validate(r, from_attributes=True) for r in rows]


@router.get(
    "/classes/{class_id}/progress.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def get_progress_csv(class_id: ClassId, actor: UserDep, db: DbDep) -> Response:
    """The class's results as CSV (one row per student and debate)."""
    with db.read() as session:
        text = progress.progress_csv(session, actor, class_id)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="class-{class_id}-results.csv"'},
    )


@router.get("/classes/{class_id}/debates/{debate_id}/ratings", response_model=list[RatingOut])
def get_ratings(
    class_id: ClassId, debate_id: DebateId, actor: UserDep, db: DbDep
) -> list[RatingOut]:
    """The students' weights, node by node: mean, spread and how many rated."""
    with db.read() as session:
        rows = progress.class_ratings(session, actor, class_id, debate_id)
    return [RatingOut.model_validate(r, from_attributes=True) for r in rows]


@router.get("/classes/{class_id}/debates/{debate_id}/verdict", response_model=ClassVerdictOut)
def get_class_verdict(
    class_id: ClassId, debate_id: DebateId, actor: UserDep, db: DbDep
) -> ClassVerdictOut:
    """The class's verdict: the balance of evidence under the students' mean weights (a
    point nobody rated keeps the teacher's weight), each position's rank with the spread
    of the students' own ranks, and the points the class disagrees on most."""
    from quaestio.study.class_verdict import class_verdict
    from quaestio.web.view_limits import check_view

    with db.read() as session:
        found = progress.class_weights(session, actor, class_id, debate_id)
        _, debate, _ = load_debate(session, actor, debate_id)
    check_view(debate, "class-verdict")
    result = class_verdict(debate, found.students, found.teacher, locked=found.locked)
    return ClassVerdictOut.model_validate(
        {"class_id": class_id, "debate_id": debate_id, **result.to_dict()}
    )


# -- password reset links -------------------------------------------------------------
@router.post(
    "/classes/{class_id}/members/{user_id}/reset-link",
    status_code=status.HTTP_201_CREATED,
    response_model=ResetLinkOut,
)
def reset_link(
    class_id: ClassId, user_id: ItemId, request: Request, actor: UserDep, db: DbDep
) -> ResetLinkOut:
    """A one-time link (48 hours) for a student of your class to set a new password."""
    with db.transaction() as session:
        new = resets.create_link(session, actor, class_id, user_id)
    base = str(request.base_url).rstrip("/")
    return ResetLinkOut(url=f"{base}/reset/{new.secret}", expires_at=new.expires_at)


@router.post("/auth/reset", status_code=status.HTTP_204_NO_CONTENT)
def use_reset(body: ResetIn, request: Request, db: DbDep) -> Response:
    """Set a new password with a reset link's token; the link then stops working."""
    require_same_origin(request)
    with db.transaction() as session:
        resets.use_link(session, body.token, body.password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- small teams ----------------------------------------------------------------------
@router.get("/classes/{class_id}/teams", response_model=list[TeamOut])
def list_teams(class_id: ClassId, actor: UserDep, db: DbDep) -> list[TeamOut]:
    """The class's teams (a student sees their own)."""
    with db.read() as session:
        rows = teams.of_class(session, actor, class_id)
        return [TeamOut.model_validate(teams.team_dict(t, m)) for t, m in rows]


@router.post(
    "/classes/{class_id}/teams", status_code=status.HTTP_201_CREATED, response_model=TeamOut
)
def create_team(class_id: ClassId, body: TeamIn, actor: UserDep, db: DbDep) -> TeamOut:
    """A team with its own copy of one of the class's debates (teachers only)."""
    with db.transaction() as session:
        row = teams.create(session, actor, class_id, body.name, body.debate_id, body.members)
        (found,) = [m for t, m in teams.of_class(session, actor, class_id) if t.id == row.id]
        return TeamOut.model_validate(teams.team_dict(row, found))


@router.delete("/classes/{class_id}/teams/{team_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_team(class_id: ClassId, team_id: ItemId, actor: UserDep, db: DbDep) -> Response:
    """Dissolve a team; its copy stays with the teacher."""
    with db.transaction() as session:
        teams.delete(session, actor, class_id, team_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
