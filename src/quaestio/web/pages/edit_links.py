"""Links between claims in the editor: the typed relations of the argument graph.

A teacher links any two claims of the debate (a point of one position that supports
another position, a consequence cited as evidence for an explanation, two contrary
claims) by picking both by their words; nothing asks for an id. Adding and removing
go through ``store.edit_history`` like every other edit, so undo and redo cover them.
The form with its lists of claims is fetched when it is opened: a 2,000-point debate
would otherwise carry two 2,000-option lists in every editor page.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from quaestio.errors import QuaestioError, ValidationError
from quaestio.model import RELATION_KINDS
from quaestio.store import edit_history
from quaestio.web.pages import edit_parts, viewdata
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.links_view import groups, rows
from quaestio.web.pages.loading import error_fragment, open_for_editing
from quaestio.web.pages.treeview import OUTGOING

router = APIRouter()


@router.get("/d/{debate_id}/links/form", response_class=HTMLResponse, include_in_schema=False)
def link_form(request: Request, debate_id: int) -> Response:
    try:
        debate = open_for_editing(request, debate_id).debate
    except QuaestioError as exc:
        return error_fragment(request, exc)
    kinds = [(k, OUTGOING[k]) for k in RELATION_KINDS]
    return render(
        request, "_edit_link_form.html", did=debate_id, groups=groups(debate), kinds=kinds
    )


def _sentence(source: str, verb: str, target: str) -> str:
    """How a status line names a link: by the words of both claims."""
    return f"“{viewdata.short(source, 40)}” {verb} “{viewdata.short(target, 40)}”"


def _step(
    request: Request, debate_id: int, label: str, op: dict[str, Any], status: str
) -> Response:
    """Carry out one links step as an undoable editor step; answer with what it touched."""
    me = visitor(request)
    with db(request).transaction() as session:
        touched = edit_history.do(session, me.actor, debate_id, label, [op])
    return HTMLResponse(edit_parts.touched_parts(request, debate_id, touched, status))


@router.post("/d/{debate_id}/link", response_class=HTMLResponse, include_in_schema=False)
async def add_link(request: Request, debate_id: int) -> Response:
    posted = await request.form()
    form = {k: v for k, v in posted.items() if isinstance(v, str)}
    try:
        debate = open_for_editing(request, debate_id).debate
        for name in ("source", "kind", "target"):
            if not form.get(name):
                raise ValidationError(f"pick the {name} of the link", field=name)
        names = viewdata.claim_names(debate)
        data = {k: form[k] for k in ("source", "kind", "target")}
        data["text"] = form.get("text", "").strip()
        said = _sentence(
            names.get(data["source"], data["source"]),
            OUTGOING.get(data["kind"], data["kind"]),
            names.get(data["target"], data["target"]),
        )
        return _step(
            request, debate_id, f"link {said}", {"op": "link", "data": data}, f"Linked: {said}."
        )
    except QuaestioError as exc:
        return error_fragment(request, exc)


@router.post(
    "/d/{debate_id}/unlink/{relation_id}", response_class=HTMLResponse, include_in_schema=False
)
def remove_link(request: Request, debate_id: int, relation_id: str) -> Response:
    try:
        debate = open_for_editing(request, debate_id).debate
        found = next((r for r in rows(debate) if r["id"] == relation_id), None)
        if found is None:
            raise ValidationError("that link is no longer there", field="relation")
        said = _sentence(found["source"], found["verb"], found["target"])
        op = {"op": "unlink", "relation": relation_id}
        return _step(request, debate_id, f"unlinking {said}", op, f"Removed the link: {said}.")
    except QuaestioError as exc:
        return error_fragment(request, exc)
