"""A teacher's pages for a class at work: settings, debates, members, assignments, the
moderation queue, progress with comments, the CSV export, and one-time reset links.

Everything the classroom API does for a class can be done here, with plain HTML forms
that carry the CSRF token and redirect (post/redirect/get); the rules live in
``quaestio.store``, so a refused action shows the store's message on the class page.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quaestio.errors import QuaestioError, ValidationError
from quaestio.store import assignments, classroom, contributions, progress, resets
from quaestio.store import classes as store_classes
from quaestio.web.pages.class_pages import class_page
from quaestio.web.pages.context import db, identify, render, visitor
from quaestio.web.pages.loading import error_page, status_of


def page_status(exc: QuaestioError) -> int:
    """A bad value is 422 (naming its field), as in the API; otherwise as every page."""
    return 422 if isinstance(exc, ValidationError) else status_of(exc)


router = APIRouter()


async def _form(request: Request) -> dict[str, str]:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


def _int(form: dict[str, str], name: str) -> int:
    raw = form.get(name, "").strip()
    if not raw.isdigit():
        raise ValidationError(f"{name} must be a number", field=name)
    return int(raw)


def _back(class_id: int, anchor: str = "") -> Response:
    return RedirectResponse(f"/classes/{class_id}{anchor}", status_code=303)


def _refused(request: Request, class_id: int, exc: QuaestioError) -> Response:
    return class_page(request, class_id, error=exc.message, status=page_status(exc))


@router.post("/classes/{class_id}/settings", include_in_schema=False)
async def settings(request: Request, class_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        changes: dict[str, Any] = {"name": form.get("name", "")}
        for key in ("archived", "students_post", "anonymous", "weights_locked"):
            changes[key] = form.get(key) == "on"
        with db(request).transaction() as session:
            classroom.update_class(session, me.actor, class_id, _int(form, "version"), changes)
    except QuaestioError as exc:
        return _refused(request, class_id, exc)
    return _back(class_id, "#class-settings")


@router.post("/classes/{class_id}/debates", include_in_schema=False)
async def debates(request: Request, class_id: int) -> Response:
    """Give the class a debate (``copy``: a fresh copy), or take one away (``remove``)."""
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            if form.get("remove"):
                classroom.remove_debate(session, me.actor, class_id, _int(form, "remove"))
            else:
                classroom.add_debate(
                    session,
                    me.actor,
                    class_id,
                    _int(form, "debate_id"),
                    copy=bool(form.get("copy")),
                )
    except QuaestioError as exc:
        return _refused(request, class_id, exc)
    return _back(class_id, "#class-debates")


@router.post("/classes/{class_id}/members/{user_id}/remove", include_in_schema=False)
async def remove_member(request: Request, class_id: int, user_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            store_classes.remove_member(session, me.actor, class_id, user_id)
    except QuaestioError as exc:
        return _refused(request, class_id, exc)
    if user_id == me.actor.user_id:
        return RedirectResponse("/classes", status_code=303)
    return _back(class_id, "#class-members")


@router.post("/classes/{class_id}/members/{user_id}/reset", include_in_schema=False)
async def reset_link(request: Request, class_id: int, user_id: int) -> Response:
    """Make a one-time password link and show it (once) on the class page."""
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            new = resets.create_link(session, me.actor, class_id, user_id)
            who = new.user.display_name or new.user.username
    except QuaestioError as exc:
        return _refused(request, class_id, exc)
    base = str(request.base_url).rstrip("/")
    link = {"who": who, "url": f"{base}/reset/{new.secret}", "hours": resets.HOURS}
    return class_page(request, class_id, reset_link=link)


@router.post("/classes/{class_id}/teams", include_in_schema=False)
async def team_action(request: Request, class_id: int) -> Response:
    """Make a team (name, debate, the students ticked) or dissolve one (``delete``)."""
    from quaestio.store import teams

    raw = await request.form()
    form = {k: v for k, v in raw.items() if isinstance(v, str)}
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            if form.get("delete"):
                teams.delete(session, me.actor, class_id, _int(form, "delete"))
            else:
                members = [
                    int(v) for v in raw.getlist("member") if isinstance(v, str) and v.isdigit()
                ]
                teams.create(
                    session,
                    me.actor,
                    class_id,
                    form.get("name", ""),
                    _int(form, "debate_id"),
                    members,
                )
    except QuaestioError as exc:
        return _refused(request, class_id, exc)
    return _back(class_id, "#class-teams")


def _due(raw: str) -> datetime | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw if "T" in raw else raw + "T23:59")
    except ValueError as exc:
        raise ValidationError("the due date is a date like 2027-03-01", field="due_at") from exc


@router.post("/classes/{class_id}/assignments", include_in_schema=False)
async def create_assignment(request: Request, class_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        with db(request).transaction() as session:
            if form.get("delete"):
                assignments.delete(session, me.actor, class_id, _int(form, "delete"))
            else:
                data = {
                    "debate_id": _int(form, "debate_id"),
                    "title": form.get("title", ""),
                    "instructions": form.get("instructions", ""),
                    "due_at": _due(form.get("due_at", "")),
                }
                assignments.create(session, me.actor, class_id, data)
    except QuaestioError as exc:
        return _refused(request, class_id, exc)
    return _back(class_id, "#class-assignments")


@router.get(
    "/classes/{class_id}/assignments/{assignment_id}",
    response_class=HTMLResponse,
    include_in_schema=False,
)
def assignment_page(request: Request, class_id: int, assignment_id: int) -> Response:
    me = identify(request)
    try:
        with db(request).read() as session:
            klass, role = store_classes.get_class(session, me.actor, class_id)
            job = assignments.get(session, me.actor, class_id, assignment_id)
            done = assignments.status(session, me.actor, class_id, assignment_id)
            info = {"id": klass.id, "name": klass.name}
            row = assignments.assignment_dict(job)
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(request, "class_assignment.html", klass=info, job=row, done=done, role=role)


# -- the moderation queue ---------------------------------------------------------------
@router.get("/classes/{class_id}/queue", response_class=HTMLResponse, include_in_schema=False)
def queue_page(request: Request, class_id: int, error: str | None = None) -> Response:
    me = identify(request)
    try:
        with db(request).read() as session:
            klass = classroom.teaching(session, me.actor, class_id)
            waiting = contributions.contributions(session, me.actor, class_id, status="pending")
            decided = [
                pair
                for pair in contributions.contributions(session, me.actor, class_id)
                if pair[0].status != "pending"
            ]
            titles = {d.id: d.title for d in classroom.debates_of(session, me.actor, class_id)}
            info = {"id": klass.id, "name": klass.name}
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(
        request,
        "class_queue.html",
        422 if error else 200,
        klass=info,
        waiting=[contributions.contribution_dict(r, who) for r, who in waiting],
        decided=[contributions.contribution_dict(r, who) for r, who in decided[-20:]],
        titles=titles,
        error=error,
    )


@router.post("/classes/{class_id}/queue/{contribution_id}", include_in_schema=False)
async def decide(request: Request, class_id: int, contribution_id: int) -> Response:
    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        changes = {k: form[k] for k in ("text", "label", "source", "stance") if form.get(k)}
        with db(request).transaction() as session:
            contributions.decide(
                session,
                me.actor,
                class_id,
                contribution_id,
                _int(form, "version"),
                form.get("decision", ""),
                changes=changes if form.get("decision") == "approve" else {},
                note=form.get("note", ""),
            )
    except QuaestioError as exc:
        return queue_page(request, class_id, error=exc.message)
    return RedirectResponse(f"/classes/{class_id}/queue", status_code=303)


# -- progress -------------------------------------------------------------------------
@router.get("/classes/{class_id}/progress", response_class=HTMLResponse, include_in_schema=False)
def progress_page(request: Request, class_id: int) -> Response:
    me = identify(request)
    try:
        with db(request).read() as session:
            klass = classroom.teaching(session, me.actor, class_id)
            rows = progress.progress(session, me.actor, class_id)
            info = {"id": klass.id, "name": klass.name}
            by_debate: dict[int, dict[str, Any]] = {}
            for p in rows:
                entry = by_debate.setdefault(p.debate_id, {"title": p.debate_title, "rows": []})
                entry["rows"].append(p)
            for debate_id, entry in by_debate.items():
                entry["verdict"] = _class_verdict(session, me.actor, class_id, debate_id, entry)
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(request, "class_progress.html", klass=info, debates=by_debate)


def _class_verdict(
    session: Any, actor: Any, class_id: int, debate_id: int, entry: dict[str, Any]
) -> dict[str, Any]:
    """The class's verdict: the plain verdict under the students' mean weights (a point
    nobody rated keeps the teacher's weight), each position's rank with the spread of
    the students' own ranks, what the students favour, and the points they disagree on
    most (largest spread)."""
    from quaestio.store import debates as store_debates
    from quaestio.study.class_verdict import class_verdict
    from quaestio.web.pages.verdicts import distribution
    from quaestio.web.view_limits import check_view

    _, debate, _ = store_debates.load(session, actor, debate_id)
    check_view(debate, "class-verdict")
    found = progress.class_weights(session, actor, class_id, debate_id)
    result = class_verdict(debate, found.students, found.teacher, locked=found.locked)
    labels = {e.id: e.label or e.text for _, e in debate.iter_evidence()}
    labels.update({p.id: p.title for p in debate.positions})
    favoured = [p.favoured for p in entry["rows"] if p.verdict]
    return {
        "summary": [point.text for point in result.verdict.summary],
        "raters": result.raters,
        "locked": result.locked,
        "defaults": result.defaults,
        "consensus": result.consensus,
        "positions": result.positions,
        "split": [(labels.get(r.node_id, r.node_id), r) for r in result.disputed],
        "favoured": [row for row in distribution(debate, favoured) if row[2] and row[0]],
    }


@router.post("/classes/{class_id}/progress/comment", include_in_schema=False)
async def comment_on_verdict(request: Request, class_id: int) -> Response:
    from quaestio.store import comments

    form = await _form(request)
    try:
        me = visitor(request, form.get("csrf_token"))
        debate_id, about = _int(form, "debate_id"), _int(form, "about_user")
        with db(request).transaction() as session:
            comments.add_comment(
                session, me.actor, class_id, debate_id, form.get("text", ""), about_user=about
            )
    except QuaestioError as exc:
        return error_page(request, exc)
    return RedirectResponse(f"/classes/{class_id}/progress#p-{debate_id}-{about}", status_code=303)


@router.get("/classes/{class_id}/progress.csv", include_in_schema=False)
def progress_csv(request: Request, class_id: int) -> Response:
    me = identify(request)
    try:
        with db(request).read() as session:
            text = progress.progress_csv(session, me.actor, class_id)
    except QuaestioError as exc:
        return error_page(request, exc)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="class-{class_id}-results.csv"'},
    )


# -- a reset link, used -----------------------------------------------------------------
@router.get("/reset/{token}", response_class=HTMLResponse, include_in_schema=False)
def reset_page(request: Request, token: str, error: str | None = None) -> Response:
    try:
        with db(request).read() as session:
            user = resets.user_of(session, token)
            name = user.username
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(
        request, "reset.html", 422 if error else 200, token=token, username=name, error=error
    )


@router.post("/reset/{token}", include_in_schema=False)
async def use_reset(request: Request, token: str) -> Response:
    from quaestio.web.throttle import require_same_origin

    form = await _form(request)
    try:
        require_same_origin(request)
        if form.get("password", "") != form.get("again", ""):
            raise ValidationError("the two passwords differ", field="again")
        with db(request).transaction() as session:
            resets.use_link(session, token, form.get("password", ""))
    except QuaestioError as exc:
        if exc.field in ("password", "again"):
            return reset_page(request, token, error=exc.message)
        return error_page(request, exc)
    return RedirectResponse("/signin?reset=1", status_code=303)
