"""A class's discussion of one debate: the nested tree with, under every claim, a form to
add a point for or against it (with a source), the claim's comments, and the points
still waiting for the teacher.

Plain HTML forms (CSRF token as a hidden field, post/redirect/get back to the claim),
so a student argues with no script at all; the rules (membership, archived class,
direct posting, anonymous names) are the store's.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quaestio.errors import QuaestioError
from quaestio.store import assignments, classroom, comments, contributions
from quaestio.store import debates as store_debates
from quaestio.store.access import class_role
from quaestio.web.pages import treeview, viewdata
from quaestio.web.pages.classroom_pages import page_status
from quaestio.web.pages.context import db, identify, render, visitor
from quaestio.web.pages.loading import error_page

router = APIRouter()


async def _form(request: Request) -> dict[str, str]:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


@router.get(
    "/classes/{class_id}/d/{debate_id}", response_class=HTMLResponse, include_in_schema=False
)
def discussion(
    request: Request,
    class_id: int,
    debate_id: int,
    error: str | None = None,
    status: int = 200,
    posted: str | None = None,
) -> Response:
    me = identify(request)
    try:
        with db(request).read() as session:
            klass = classroom.class_debate(session, me.actor, class_id, debate_id)
            _, debate, _ = store_debates.load(session, me.actor, debate_id)
            member = class_role(session, me.actor.user_id, class_id) or "student"
            said: dict[str, list[dict[str, Any]]] = {}
            for row, who in comments.comments(session, me.actor, class_id, debate_id):
                if row.node_id is not None:
                    said.setdefault(row.node_id, []).append(comments.comment_dict(row, who))
            waiting: dict[str, list[dict[str, Any]]] = {}
            for c, who in contributions.contributions(
                session, me.actor, class_id, debate_id=debate_id
            ):
                if c.status != "approved":
                    item = contributions.contribution_dict(c, who)
                    waiting.setdefault(item["claim"], []).append(item)
            jobs = [
                assignments.assignment_dict(a)
                for a in assignments.of_class(session, me.actor, class_id)
                if a.debate_id == debate_id
            ]
            info = {"id": klass.id, "name": klass.name, **classroom.settings_dict(klass)}
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(
        request,
        "class_discussion.html",
        status,
        klass=info,
        role=member,
        debate=debate,
        debate_id=debate_id,
        tree=treeview.tree(debate),
        colours=viewdata.colours(debate),
        label_of=viewdata.label_of,
        said=said,
        waiting=waiting,
        assignments=jobs,
        error=error,
        posted=posted,
    )


def _there(class_id: int, debate_id: int, claim: str, note: str) -> Response:
    anchor = f"#node-{claim}" if claim else ""
    return RedirectResponse(
        f"/classes/{class_id}/d/{debate_id}?posted={note}{anchor}", status_code=303
    )


@router.post("/classes/{class_id}/d/{debate_id}/contribute", include_in_schema=False)
async def contribute(request: Request, class_id: int, debate_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            row = contributions.contribute(session, me.actor, class_id, debate_id, form)
            note = "point-added" if row.status == "approved" else "point-waiting"
    except QuaestioError as exc:
        return discussion(request, class_id, debate_id, error=exc.message, status=page_status(exc))
    return _there(class_id, debate_id, form.get("claim", ""), note)


@router.post("/classes/{class_id}/d/{debate_id}/comment", include_in_schema=False)
async def comment(request: Request, class_id: int, debate_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            comments.add_comment(
                session,
                me.actor,
                class_id,
                debate_id,
                form.get("text", ""),
                node_id=form.get("node_id") or None,
            )
    except QuaestioError as exc:
        return discussion(request, class_id, debate_id, error=exc.message, status=page_status(exc))
    return _there(class_id, debate_id, form.get("node_id", ""), "comment-added")
