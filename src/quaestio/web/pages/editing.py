"""Editing a debate in place: one node at a time, with versions, conflicts and undo.

Every node is shown with Edit (and, for a point, Move and Delete) buttons; the form
carries the version it was read at, and the store refuses a save over someone else's
newer change (409). The page then shows both: what the other person saved and what
this person typed. Each action answers with only the part it changed, and goes
through ``store.edit_history`` so that undo and redo (kept by the server, per user)
cover it and survive a reload.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quaestio.errors import NotFoundError, QuaestioError, ValidationError
from quaestio.model import Debate
from quaestio.store import debates as store_debates
from quaestio.store import edit_history, nodes
from quaestio.store.debates import StaleVersionError
from quaestio.web.pages import edit_parts, links_view, viewdata
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.edit_parts import DEBATE_NODE, DISPUTES, kind_of
from quaestio.web.pages.loading import error_fragment, error_page, open_debate, open_for_editing
from quaestio.web.pages.views import VIEWS

router = APIRouter()

FIELDS = {
    "debate": ("title", "question", "conclusion"),
    "position": ("title", "summary", "historians", "tags"),
    "evidence": ("label", "text", "stance", "weight", "years", "rebuts", "historians", "tags"),
    "consequence": ("text", "category", "polarity", "weight"),
}


def _changes(kind: str, form: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in FIELDS[kind]:
        if name not in form:
            continue
        value: Any = form[name].strip()
        if name == "weight":
            try:
                value = float(value)
            except ValueError as exc:
                raise ValidationError(
                    "weight must be a number from 0 to 1", field="weight"
                ) from exc
            if not 0.0 <= value <= 1.0:
                raise ValidationError("weight must be from 0 to 1", field="weight")
        elif name == "stance" and value not in ("for", "against"):
            raise ValidationError("stance is 'for' or 'against'", field="stance")
        elif name == "historians":
            value = [_historian(n) for n in value.split(",") if n.strip()]
        elif name == "rebuts":
            value = value.replace(",", " ").split()
        elif name == "tags":
            value = list(dict.fromkeys(t.strip().lstrip("#").strip() for t in value.split(",")))
            value = [t for t in value if t]
        elif name == "years":
            try:
                value = sorted({int(y) for y in value.replace(",", " ").split()})
            except ValueError as exc:
                raise ValidationError(
                    "years are whole numbers, e.g. 1936, 1938", field="years"
                ) from exc
        elif name == "polarity" and value not in ("positive", "negative"):
            raise ValidationError("polarity is 'positive' or 'negative'", field="polarity")
        elif name in ("label", "category", "conclusion"):
            value = value or None
        elif name in ("title", "text") and not value:
            raise ValidationError(f"{name} cannot be empty", field=name)
        out[name] = value
    return out


def _historian(text: str) -> str | dict[str, str]:
    """``Getty`` (argues it) or ``Getty (disputes)`` from the comma-separated field."""
    name = text.strip()
    if name.lower().endswith(DISPUTES):
        return {"name": name[: -len(DISPUTES)].strip(), "stance": "against"}
    return name


def _node_view(
    request: Request, debate_id: int, node: dict[str, Any], status: str | None = None, **extra: Any
) -> Response:
    """One node (shown or as a form); with ``status``, the undo/redo bar rides along."""
    debate = open_debate(request, debate_id).debate
    ctx = edit_parts.context(request, debate, debate_id)
    if extra.get("editing") and kind_of(node["id"]) == "evidence":
        ctx["choices"] = edit_parts.choices(debate)
    if extra.get("moving"):
        ctx["targets"] = edit_parts.targets(debate)
    body = edit_parts.part(
        request, "_edit_node.html", {**ctx, "node": node, "kind": kind_of(node["id"]), **extra}
    )
    if status is not None:
        body += edit_parts.toolbar(request, ctx, status)
    return HTMLResponse(body)


def _points_view(request: Request, debate_id: int, position_id: str, status: str) -> Response:
    """One position's list of points, after a point was added or deleted there."""
    return _position_part(request, debate_id, position_id, "_edit_points.html", status)


def _position_part(
    request: Request, debate_id: int, position_id: str, template: str, status: str | None
) -> Response:
    """One position drawn with ``template`` (its points, or the whole position), and the
    undo/redo bar when there is a ``status`` to say."""
    debate = open_debate(request, debate_id).debate
    ctx = edit_parts.context(request, debate, debate_id)
    position = next((p for p in debate.positions if p.id == position_id), None)
    if position is None:
        raise NotFoundError(f"{position_id!r} is not a position of this debate", field="node")
    with db(request).read() as session:
        nodes = edit_parts.nodes_of(session, debate_id, debate, [position_id])
    body = edit_parts.part(request, template, {**ctx, "p": position, "nodes": nodes})
    bar = edit_parts.toolbar(request, ctx, status) if status is not None else ""
    return HTMLResponse(body + bar)


@router.get(
    "/d/{debate_id}/edit/points/{position_id}",
    response_class=HTMLResponse,
    include_in_schema=False,
)
def points_part(request: Request, debate_id: int, position_id: str) -> Response:
    """A position's points for the editor, fetched as the position scrolls into view on a
    debate too large to carry every point's controls in one page."""
    try:
        open_for_editing(request, debate_id)
        return _position_part(request, debate_id, position_id, "_edit_points.html", None)
    except QuaestioError as exc:
        return error_fragment(request, exc)


@router.get("/d/{debate_id}/edit", response_class=HTMLResponse, include_in_schema=False)
def edit_page(request: Request, debate_id: int) -> Response:
    try:
        opened = open_for_editing(request, debate_id)
        ctx = edit_parts.context(request, opened.debate, debate_id)
        with db(request).read() as session:
            current = edit_parts.nodes_of(
                session,
                debate_id,
                opened.debate,
                [],
                points=edit_parts.carries_points(opened.debate),
            )
            current.update(
                {
                    c.id: edit_parts.node_dict(session, debate_id, c.id)
                    for c in opened.debate.consequences
                }
            )
            current[DEBATE_NODE] = edit_parts.node_dict(session, debate_id, DEBATE_NODE)
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(
        request,
        "edit.html",
        d=opened,
        views=VIEWS,
        current_view="edit",
        nodes=current,
        label_of=viewdata.label_of,
        links=links_view.rows(opened.debate),
        **ctx,
    )


@router.get("/d/{debate_id}/edit/{node_id}", response_class=HTMLResponse, include_in_schema=False)
def edit_form(
    request: Request, debate_id: int, node_id: str, cancel: int = 0, move: int = 0
) -> Response:
    try:
        open_debate(request, debate_id)
        with db(request).read() as session:
            node = edit_parts.node_dict(session, debate_id, node_id)
    except QuaestioError as exc:
        return error_fragment(request, exc)
    if move and kind_of(node_id) == "evidence":
        return _node_view(request, debate_id, node, moving=True)
    return _node_view(request, debate_id, node, editing=not cancel)


async def _form(request: Request) -> dict[str, str]:
    """The posted form; the ticked rebuttals (many boxes of one name) joined by spaces."""
    posted = await request.form()
    form = {k: v for k, v in posted.items() if isinstance(v, str)}
    if "rebuts" in posted:
        form["rebuts"] = " ".join(v for v in posted.getlist("rebuts") if isinstance(v, str))
    return form


@router.post("/d/{debate_id}/edit/{node_id}", response_class=HTMLResponse, include_in_schema=False)
async def save_node(request: Request, debate_id: int, node_id: str) -> Response:
    form = await _form(request)
    kind = kind_of(node_id)
    try:
        me = visitor(request)
        changes = _changes(kind, form)
        expected = int(form.get("version", "0"))
        with db(request).transaction() as session:
            name = edit_parts.name_of(edit_parts.node_dict(session, debate_id, node_id))
            op = {"op": "update", "node": node_id, "changes": changes, "version": expected}
            edit_history.do(session, me.actor, debate_id, f"edit of “{name}”", [op])
            after = edit_parts.node_dict(session, debate_id, node_id)
    except StaleVersionError as exc:
        with db(request).read() as session:
            theirs = edit_parts.node_dict(session, debate_id, node_id)
        return _node_view(request, debate_id, theirs, editing=True, conflict=exc.message, mine=form)
    except QuaestioError as exc:
        return error_fragment(request, exc)
    return _node_view(request, debate_id, after, status=f"Saved “{edit_parts.name_of(after)}”.")


@router.post(
    "/d/{debate_id}/delete/{node_id}", response_class=HTMLResponse, include_in_schema=False
)
async def delete_node(request: Request, debate_id: int, node_id: str) -> Response:
    """Delete a point (with the points below it), a consequence or a position, in place."""
    form = await _form(request)
    kind = kind_of(node_id)
    try:
        me = visitor(request)
        if kind == "debate":
            raise ValidationError("delete a whole debate from the API (it can be restored)")
        expected = int(form.get("version", "0"))
        with db(request).transaction() as session:
            node = edit_parts.node_dict(session, debate_id, node_id)
            name = edit_parts.name_of(node)
            op = {"op": "delete", "node": node_id, "version": expected}
            touched = edit_history.do(session, me.actor, debate_id, f"deleting “{name}”", [op])
    except (QuaestioError, ValueError) as exc:
        error = exc if isinstance(exc, QuaestioError) else ValidationError(str(exc))
        return error_fragment(request, error)
    status = f"Deleted “{name}”."
    debate = open_debate(request, debate_id).debate
    ctx = edit_parts.context(request, debate, debate_id)
    links = edit_parts.links_oob(request, ctx) if touched.relations else ""
    if kind == "evidence":
        shown = _points_view(request, debate_id, node["position_id"], status)
        return HTMLResponse(bytes(shown.body).decode() + links)
    return HTMLResponse(edit_parts.toolbar(request, ctx, status) + links)


@router.get("/new", response_class=HTMLResponse, include_in_schema=False)
def new_form(request: Request) -> Response:
    return render(request, "new.html", error=None)


@router.post("/new", include_in_schema=False)
async def create(request: Request) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    title = form.get("title", "").strip()
    try:
        me = visitor(request, form.get("csrf_token"))
        if not me.signed_in:
            raise ValidationError("sign in to create a debate")
        if not title:
            raise ValidationError("a debate needs a title", field="title")
        debate = Debate(title=title, question=form.get("question", "").strip())
        with db(request).transaction() as session:
            row = store_debates.import_debate(session, debate, owner_id=me.actor.user_id)
            for n in range(1, 3):
                name = form.get(f"position{n}", "").strip()
                if name:
                    nodes.create_position(session, me.actor, row.id, {"title": name})
            new_id = row.id
    except QuaestioError as exc:
        return render(request, "new.html", 422, error=exc.message)
    return RedirectResponse(f"/d/{new_id}/edit", status_code=303)


@router.post("/d/{debate_id}/add", response_class=HTMLResponse, include_in_schema=False)
async def add_node(request: Request, debate_id: int) -> Response:
    """Add a position, or a point for/against a position, and show just that part."""
    form = await _form(request)
    try:
        me = visitor(request)
        position_id = form.get("position_id")
        if position_id:
            text = form.get("text", "").strip()
            if not text:
                raise ValidationError("a point needs some text", field="text")
            data: dict[str, Any] = {
                "position_id": position_id,
                "stance": "against" if form.get("stance") == "against" else "for",
                "label": form.get("label", "").strip() or None,
                "text": text,
            }
            op = {"op": "add", "kind": "evidence", "data": data}
        else:
            text = form.get("title", "").strip()
            if not text:
                raise ValidationError("a position needs a title", field="title")
            op = {"op": "add", "kind": "position", "data": {"title": text}}
        name = viewdata.short(form.get("label", "").strip() or text, edit_parts.NAME_LENGTH)
        with db(request).transaction() as session:
            touched = edit_history.do(session, me.actor, debate_id, f"adding “{name}”", [op])
    except QuaestioError as exc:
        return error_fragment(request, exc)
    status = f"Added “{name}”."
    if position_id:
        return _points_view(request, debate_id, position_id, status)
    (new_id,) = touched.nodes
    return _position_part(request, debate_id, new_id, "_edit_position.html", status)


@router.post("/d/{debate_id}/move/{node_id}", response_class=HTMLResponse, include_in_schema=False)
async def move_node(request: Request, debate_id: int, node_id: str) -> Response:
    """Put a point (and the points below it) under a position or another point."""
    form = await _form(request)
    try:
        me = visitor(request)
        with db(request).transaction() as session:
            name = edit_parts.name_of(edit_parts.node_dict(session, debate_id, node_id))
            op = {
                "op": "move",
                "node": node_id,
                "under": form.get("under", ""),
                "stance": form.get("stance") or None,
                "version": int(form.get("version", "0")),
            }
            touched = edit_history.do(session, me.actor, debate_id, f"moving “{name}”", [op])
    except (QuaestioError, ValueError) as exc:
        error = exc if isinstance(exc, QuaestioError) else ValidationError(str(exc))
        return error_fragment(request, error)
    response = HTMLResponse(
        edit_parts.touched_parts(request, debate_id, touched, f"Moved “{name}”.")
    )
    (moved,) = touched.nodes
    response.headers["HX-Trigger-After-Settle"] = json.dumps({"quaestio:focus": {"node": moved}})
    return response


@router.post("/d/{debate_id}/undo", response_class=HTMLResponse, include_in_schema=False)
def undo(request: Request, debate_id: int) -> Response:
    """Undo this user's latest step of editing this debate (kept across reloads)."""
    return _replay(request, debate_id, "undo")


@router.post("/d/{debate_id}/redo", response_class=HTMLResponse, include_in_schema=False)
def redo(request: Request, debate_id: int) -> Response:
    return _replay(request, debate_id, "redo")


def _replay(request: Request, debate_id: int, which: str) -> Response:
    try:
        me = visitor(request)
        with db(request).transaction() as session:
            label, touched = edit_history.replay(session, me.actor, debate_id, which)
    except QuaestioError as exc:
        return error_fragment(request, exc)
    status = f"{'Undid' if which == 'undo' else 'Redid'} the {label}."
    response = HTMLResponse(edit_parts.touched_parts(request, debate_id, touched, status))
    focus = next(iter(sorted(touched.nodes)), None)
    if focus:
        response.headers["HX-Trigger-After-Settle"] = json.dumps(
            {"quaestio:focus": {"node": focus}}
        )
    return response
