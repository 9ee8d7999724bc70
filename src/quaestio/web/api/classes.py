"""Classes, memberships and share links."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from quaestio.store import classes
from quaestio.store.access import Actor, debate_for
from quaestio.store.models import ShareLink
from quaestio.web.api.debates import as_response, full
from quaestio.web.api.schemas import (
    ClassIn,
    ClassOut,
    DebateOut,
    JoinIn,
    MemberIn,
    MemberOut,
    Page,
    ShareOut,
    UserOut,
)
from quaestio.web.deps import ClassId, DbDep, DebateId, ItemId, PageDep, UserDep

router = APIRouter(prefix="/api", tags=["classes and sharing"])


@router.get("/classes", response_model=Page[ClassOut])
def list_classes(actor: UserDep, db: DbDep, page: PageDep) -> Page[ClassOut]:
    """Classes you teach or attend."""
    with db.read() as session:
        rows, total = classes.mine(session, actor, limit=page.limit, offset=page.offset)
    items = [ClassOut.model_validate(classes.class_dict(c, r)) for c, r in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/classes", status_code=status.HTTP_201_CREATED, response_model=ClassOut)
def create_class(body: ClassIn, actor: UserDep, db: DbDep) -> ClassOut:
    """Create a class; you become its teacher and get a join code for students."""
    with db.transaction() as session:
        row = classes.create_class(session, actor, body.name)
        return ClassOut.model_validate(classes.class_dict(row, "teacher"))


@router.get("/classes/{class_id}", response_model=ClassOut)
def get_class(class_id: ClassId, actor: UserDep, db: DbDep) -> ClassOut:
    with db.read() as session:
        row, role = classes.get_class(session, actor, class_id)
        return ClassOut.model_validate(classes.class_dict(row, role))


@router.post("/classes/join", response_model=ClassOut)
def join_class(body: JoinIn, actor: UserDep, db: DbDep) -> ClassOut:
    """Join a class as a student with the code the teacher gave you."""
    with db.transaction() as session:
        row = classes.join(session, actor, body.code)
        _, role = classes.get_class(session, actor, row.id)
        return ClassOut.model_validate(classes.class_dict(row, role))


@router.get("/classes/{class_id}/members", response_model=list[MemberOut])
def list_members(class_id: ClassId, actor: UserDep, db: DbDep) -> list[MemberOut]:
    with db.read() as session:
        rows = classes.members(session, actor, class_id)
    return [
        MemberOut(user=UserOut(id=u.id, username=u.username, display_name=u.display_name), role=r)
        for u, r in rows
    ]


@router.post("/classes/{class_id}/members", status_code=status.HTTP_201_CREATED)
def add_member(class_id: ClassId, body: MemberIn, actor: UserDep, db: DbDep) -> Response:
    with db.transaction() as session:
        classes.add_member(session, actor, class_id, body.username, body.role)
    return Response(status_code=status.HTTP_201_CREATED)


@router.delete("/classes/{class_id}/members/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_member(class_id: ClassId, user_id: ItemId, actor: UserDep, db: DbDep) -> Response:
    """A teacher removes a member, or a member leaves."""
    with db.transaction() as session:
        classes.remove_member(session, actor, class_id, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- share links ----------------------------------------------------------------------
def _share(request: Request, link: ShareLink) -> ShareOut:
    url = str(request.url_for("read_shared", token=link.token))
    return ShareOut(id=link.id, token=link.token, url=url, created_at=link.created_at)


@router.post(
    "/debates/{debate_id}/shares", status_code=status.HTTP_201_CREATED, response_model=ShareOut
)
def create_share(debate_id: DebateId, request: Request, actor: UserDep, db: DbDep) -> ShareOut:
    """A read-only link to the debate for anyone who has it (owner only)."""
    with db.transaction() as session:
        return _share(request, classes.create_share(session, actor, debate_id))


@router.get("/debates/{debate_id}/shares", response_model=list[ShareOut])
def list_shares(debate_id: DebateId, request: Request, actor: UserDep, db: DbDep) -> list[ShareOut]:
    with db.read() as session:
        return [_share(request, s) for s in classes.list_shares(session, actor, debate_id)]


@router.delete("/debates/{debate_id}/shares/{share_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_share(debate_id: DebateId, share_id: ItemId, actor: UserDep, db: DbDep) -> Response:
    with db.transaction() as session:
        classes.revoke_share(session, actor, debate_id, share_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/shared/{token}", response_model=DebateOut, name="read_shared")
def read_shared(token: str, db: DbDep) -> Response:
    """Read a shared debate with nothing but its link."""
    with db.read() as session:
        debate_id = classes.debate_of_share(session, token)
        row, role = debate_for(session, Actor(None, token), debate_id)
        return as_response(full(session, row, role))
