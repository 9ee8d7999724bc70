"""Editing a debate in place: one node at a time, with versions, conflicts and undo.

Every node is shown with an Edit button; the form carries the version it was read
at, and the store refuses a save over someone else's newer change (409). The page
then shows both: what the other person saved and what this person typed. Each save
reports its before/after values to the page, which keeps the undo and redo stacks
(undo is just another versioned save, so it can conflict too).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quaestio.errors import NotFoundError, PermissionDeniedError, QuaestioError, ValidationError
from quaestio.model import Debate
from quaestio.store import debates as store_debates
from quaestio.store import nodes, nodeviews
from quaestio.store.debates import StaleVersionError
from quaestio.store.models import DebateRow
from quaestio.web.pages import viewdata
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.loading import error_fragment, error_page, open_debate
from quaestio.web.pages.views import VIEWS

router = APIRouter()

FIELDS = {
    "debate": ("title", "question", "conclusion"),
    "position": ("title", "summary", "historians", "tags"),
    "evidence": ("label", "text", "stance", "weight", "years", "rebuts", "historians", "tags"),
    "consequence": ("text", "category", "polarity", "weight"),
}
DEBATE_NODE = "debate"  # the debate's own fields (title, question, conclusion)


def kind_of(node_id: str) -> str:
    if node_id == DEBATE_NODE:
        return "debate"
    if node_id.startswith("c."):
        return "consequence"
    return "evidence" if "." in node_id else "position"


def _current(session: Any, debate_id: int, node_id: str) -> dict[str, Any]:
    kind = kind_of(node_id)
    if kind == "debate":
        row = session.get(DebateRow, debate_id)
        if row is None:
            raise NotFoundError(f"debate {debate_id} does not exist", field="debate_id")
        return {
            "id": DEBATE_NODE,
            "title": row.title,
            "question": row.question,
            "conclusion": (row.conclusion or {}).get("text") or "",
            "version": row.version,
        }
    if kind == "consequence":
        return nodeviews.consequence_dict(nodeviews.get_consequence(session, debate_id, node_id))
    if kind == "evidence":
        return nodeviews.evidence_dict(session, nodeviews.get_evidence(session, debate_id, node_id))
    return nodeviews.position_dict(session, nodeviews.get_position(session, debate_id, node_id))


def _update(
    session: Any, actor: Any, debate_id: int, node_id: str, expected: int, changes: dict[str, Any]
) -> None:
    kind = kind_of(node_id)
    if kind == "debate":
        store_debates.update(session, actor, debate_id, expected, changes)
    elif kind == "consequence":
        nodes.update_consequence(session, actor, debate_id, node_id, expected, changes)
    elif kind == "evidence":
        nodes.update_evidence(session, actor, debate_id, node_id, expected, changes)
    else:
        nodes.update_position(session, actor, debate_id, node_id, expected, changes)


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


#: written after a historian's name in the form: they dispute the claim rather than make it
DISPUTES = "(disputes)"


def _historian(text: str) -> str | dict[str, str]:
    """``Getty`` (argues it) or ``Getty (disputes)`` from the comma-separated field."""
    name = text.strip()
    if name.lower().endswith(DISPUTES):
        return {"name": name[: -len(DISPUTES)].strip(), "stance": "against"}
    return name


def as_field(node: dict[str, Any], name: str) -> Any:
    """A node's value as its form field holds it (lists become text), for undo/redo."""
    value = node.get(name)
    if name == "historians":
        return ", ".join(
            h["name"] + (f" {DISPUTES}" if h.get("stance") == "against" else "")
            for h in value or []
        )
    if name in ("years", "rebuts", "tags"):
        return ", ".join(str(v) for v in value or [])
    return value


def _node_view(request: Request, debate_id: int, node: dict[str, Any], **extra: Any) -> Response:
    kind = kind_of(node["id"])
    return render(
        request, "_edit_node.html", did=debate_id, node=node, kind=kind, field=as_field, **extra
    )


@router.get("/d/{debate_id}/edit", response_class=HTMLResponse, include_in_schema=False)
def edit_page(request: Request, debate_id: int) -> Response:
    try:
        opened = open_debate(request, debate_id)
        if not opened.can_edit:
            raise PermissionDeniedError(
                "only the owner or a teacher of the class may edit this debate"
            )
        with db(request).read() as session:
            current = {n: _current(session, debate_id, n) for n in _editable(opened.debate)}
            current[DEBATE_NODE] = _current(session, debate_id, DEBATE_NODE)
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(
        request,
        "edit.html",
        d=opened,
        debate=opened.debate,
        views=VIEWS,
        current_view="edit",
        colours=viewdata.colours(opened.debate),
        nodes=current,
        label_of=viewdata.label_of,
        field=as_field,
    )


def _editable(debate: Debate) -> list[str]:
    ids = [p.id for p in debate.positions] + [e.id for _, e in debate.iter_evidence()]
    return ids + [c.id for c in debate.consequences]


@router.get("/d/{debate_id}/edit/{node_id}", response_class=HTMLResponse, include_in_schema=False)
def edit_form(request: Request, debate_id: int, node_id: str, cancel: int = 0) -> Response:
    try:
        open_debate(request, debate_id)
        with db(request).read() as session:
            node = _current(session, debate_id, node_id)
    except QuaestioError as exc:
        return error_fragment(request, exc)
    return _node_view(request, debate_id, node, editing=not cancel)


@router.post("/d/{debate_id}/edit/{node_id}", response_class=HTMLResponse, include_in_schema=False)
async def save_node(request: Request, debate_id: int, node_id: str) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    kind = kind_of(node_id)
    try:
        me = visitor(request)
        changes = _changes(kind, form)
        expected = int(form.get("version", "0"))
        with db(request).transaction() as session:
            before = _current(session, debate_id, node_id)
            _update(session, me.actor, debate_id, node_id, expected, changes)
            after = _current(session, debate_id, node_id)
    except StaleVersionError as exc:
        with db(request).read() as session:
            theirs = _current(session, debate_id, node_id)
        return _node_view(request, debate_id, theirs, editing=True, conflict=exc.message, mine=form)
    except QuaestioError as exc:
        return error_fragment(request, exc)
    response = _node_view(request, debate_id, after)
    fields = FIELDS[kind]
    event = {
        "node": node_id,
        "history": form.get("_history", "edit"),
        "before": {f: as_field(before, f) for f in fields},
        "after": {f: as_field(after, f) for f in fields},
    }
    response.headers["HX-Trigger"] = json.dumps({"quaestio:edited": event})
    return response


@router.post(
    "/d/{debate_id}/delete/{node_id}", response_class=HTMLResponse, include_in_schema=False
)
async def delete_node(request: Request, debate_id: int, node_id: str) -> Response:
    """Delete a point, a consequence or a position (with its points), at a known version."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    kind = kind_of(node_id)
    try:
        me = visitor(request)
        if kind == "debate":
            raise ValidationError("delete a whole debate from the API (it can be restored)")
        expected = int(form.get("version", "0"))
        remove = {
            "evidence": nodes.delete_evidence,
            "consequence": nodes.delete_consequence,
            "position": nodes.delete_position,
        }[kind]
        with db(request).transaction() as session:
            remove(session, me.actor, debate_id, node_id, expected)
    except StaleVersionError as exc:
        return error_fragment(request, exc)
    except (QuaestioError, ValueError) as exc:
        error = exc if isinstance(exc, QuaestioError) else ValidationError(str(exc))
        return error_fragment(request, error)
    response = HTMLResponse("")
    response.headers["HX-Trigger"] = json.dumps({"quaestio:deleted": {"node": node_id}})
    if kind == "position":  # its points go too: show the editor afresh
        response.headers["HX-Refresh"] = "true"
    return response


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
    """Add a position, or a point for/against a position; then reload the editor."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    try:
        me = visitor(request)
        with db(request).transaction() as session:
            if form.get("position_id"):
                text = form.get("text", "").strip()
                if not text:
                    raise ValidationError("a point needs some text", field="text")
                nodes.create_evidence(
                    session,
                    me.actor,
                    debate_id,
                    {
                        "position_id": form["position_id"],
                        "stance": "against" if form.get("stance") == "against" else "for",
                        "label": form.get("label", "").strip() or None,
                        "text": text,
                    },
                )
            else:
                title = form.get("title", "").strip()
                if not title:
                    raise ValidationError("a position needs a title", field="title")
                nodes.create_position(session, me.actor, debate_id, {"title": title})
    except QuaestioError as exc:
        return error_fragment(request, exc)
    response = Response(status_code=204)
    response.headers["HX-Refresh"] = "true"
    return response
