"""Classes and sharing: a teacher's class page, joining by code, share links.

All rules (who may see members, who may share) live in ``quaestio.store``; these
handlers only gather what the store allows and render it. Forms are plain HTML
posts carrying the CSRF token as a hidden field, then redirect (post/redirect/get).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quaestio.errors import QuaestioError, ValidationError
from quaestio.store import classes as store_classes
from quaestio.store import debates as store_debates
from quaestio.web.pages.context import db, identify, render, visitor
from quaestio.web.pages.loading import error_page, open_debate, status_of
from quaestio.web.pages.views import VIEWS

router = APIRouter()


async def _form(request: Request) -> dict[str, str]:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


@router.get("/classes", response_class=HTMLResponse, include_in_schema=False)
def class_list(request: Request, error: str | None = None, status: int = 200) -> Response:
    me = identify(request)
    rows: list[dict[str, Any]] = []
    if me.signed_in:
        with db(request).read() as session:
            found, _ = store_classes.mine(session, me.actor, limit=200, offset=0)
            rows = [
                {"id": c.id, "name": c.name, "role": role, "archived": c.archived_at is not None}
                for c, role in found
            ]
    return render(request, "classes.html", status, classes=rows, error=error)


@router.post("/classes", include_in_schema=False)
async def class_action(request: Request) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        if not me.signed_in:
            raise ValidationError("sign in first")
        with db(request).transaction() as session:
            if form.get("join_code"):
                row = store_classes.join(session, me.actor, form["join_code"].strip())
            else:
                row = store_classes.create_class(session, me.actor, form.get("name", ""))
            target = row.id
    except QuaestioError as exc:
        return class_list(request, error=exc.message, status=status_of(exc))
    return RedirectResponse(f"/classes/{target}", status_code=303)


@router.get("/classes/{class_id}", response_class=HTMLResponse, include_in_schema=False)
def class_page(
    request: Request,
    class_id: int,
    error: str | None = None,
    status: int = 200,
    reset_link: dict[str, Any] | None = None,
) -> Response:
    """The class: its debates and assignments for everyone; settings, members, the queue
    and the debates a teacher could add, for its teachers."""
    from quaestio.store import assignments, classroom, contributions, teams

    me = identify(request)
    try:
        with db(request).read() as session:
            row, role = store_classes.get_class(session, me.actor, class_id)
            teacher = role == "teacher"
            members = (
                [
                    {
                        "id": u.id,
                        "name": u.display_name or u.username,
                        "username": u.username,
                        "role": r,
                    }
                    for u, r in store_classes.members(session, me.actor, class_id)
                ]
                if teacher
                else []
            )
            debates = classroom.debates_of(session, me.actor, class_id)
            groups = [teams.team_dict(t, m) for t, m in teams.of_class(session, me.actor, class_id)]
            given = {d.id for d in debates} | {int(str(t["debate_id"])) for t in groups}
            addable = (
                [
                    {"id": d.id, "title": d.title, "own": d.owner_id == me.actor.user_id}
                    for d in store_debates.visible(session, me.actor, limit=200, offset=0).items
                    if d.id not in given
                ]
                if teacher
                else []
            )
            jobs = [
                assignments.assignment_dict(a)
                for a in assignments.of_class(session, me.actor, class_id)
            ]
            mine = contributions.contributions(session, me.actor, class_id)
            info = {
                "id": row.id,
                "name": row.name,
                "join_code": row.join_code,
                "version": row.version,
                **classroom.settings_dict(row),
            }
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(
        request,
        "class.html",
        status,
        klass=info,
        role=role,
        members=members,
        debates=[{"id": d.id, "title": d.title} for d in debates],
        addable=addable,
        assignments=jobs,
        titles={d.id: d.title for d in debates},
        pending=sum(1 for c, _ in mine if c.status == "pending"),
        contributions=[contributions.contribution_dict(c, who) for c, who in mine],
        reset_link=reset_link,
        teams=groups,
        error=error,
    )


@router.post("/classes/{class_id}/members", include_in_schema=False)
async def add_member(request: Request, class_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            store_classes.add_member(
                session,
                me.actor,
                class_id,
                form.get("username", "").strip(),
                form.get("role", "student"),
            )
    except QuaestioError as exc:
        return class_page(request, class_id, error=exc.message, status=status_of(exc))
    return RedirectResponse(f"/classes/{class_id}#class-members", status_code=303)


@router.get("/d/{debate_id}/share", response_class=HTMLResponse, include_in_schema=False)
def share_page(request: Request, debate_id: int) -> Response:
    me = identify(request)
    try:
        opened = open_debate(request, debate_id)
        with db(request).read() as session:
            links = store_classes.list_shares(session, me.actor, debate_id)
            tokens = [(link.id, link.token) for link in links]
    except QuaestioError as exc:
        return error_page(request, exc)
    base = str(request.base_url).rstrip("/")
    return render(
        request,
        "share.html",
        d=opened,
        debate=opened.debate,
        views=VIEWS,
        current_view="share",
        links=[(i, f"{base}/d/{debate_id}/table?share={t}") for i, t in tokens],
    )


@router.post("/d/{debate_id}/share", include_in_schema=False)
async def create_share(request: Request, debate_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            if form.get("revoke"):
                store_classes.revoke_share(session, me.actor, debate_id, int(form["revoke"]))
            else:
                store_classes.create_share(session, me.actor, debate_id)
    except (QuaestioError, ValueError) as exc:
        message = exc.message if isinstance(exc, QuaestioError) else "bad link id"
        return error_page(request, ValidationError(message))
    return RedirectResponse(f"/d/{debate_id}/share", status_code=303)
