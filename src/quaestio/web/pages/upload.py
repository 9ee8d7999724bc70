"""Importing a file through the browser, with a report that points at lines.

The store parses before it writes, so a file that cannot be read leaves nothing
behind; the report shows the reader's warnings and the debate's problems, each
linked to its line in a numbered listing of the uploaded text.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from quaestio.errors import QuaestioError, ValidationError
from quaestio.formats import all_formats
from quaestio.store import classes as store_classes
from quaestio.store import importing
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.loading import error_page

router = APIRouter()
MAX_LISTING_LINES = 5000


def _formats() -> list[str]:
    return [s for f in all_formats() if f.can_read for s in f.suffixes]


def _teaching(request: Request) -> list[dict[str, Any]]:
    me = visitor(request) if request.method == "GET" else None
    if me is None or not me.signed_in:
        return []
    with db(request).read() as session:
        rows, _ = store_classes.mine(session, me.actor, limit=200, offset=0)
    return [{"id": c.id, "name": c.name} for c, role in rows if role == "teacher"]


@router.get("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_form(request: Request) -> Response:
    raw = request.query_params.get("class_id", "")
    return render(
        request,
        "upload.html",
        formats=_formats(),
        classes=_teaching(request),
        chosen_class=int(raw) if raw.isdigit() else None,
    )


def _listing(data: bytes, name: str) -> list[str]:
    if name.lower().endswith((".docx", ".pdf")):
        return []
    text = data.decode("utf-8", errors="replace")
    return text.splitlines()[:MAX_LISTING_LINES]


@router.post("/upload", response_class=HTMLResponse, include_in_schema=False)
async def upload(request: Request) -> Response:
    form = await request.form()
    token = form.get("csrf_token")
    try:
        me = visitor(request, token if isinstance(token, str) else None)
    except QuaestioError as exc:
        return error_page(request, exc)
    file = form.get("file")
    report: dict[str, Any] = {"problems": [], "lines": [], "flagged": set()}
    status = 201
    try:
        if not me.signed_in:
            raise ValidationError("sign in to import a file")
        if not isinstance(file, UploadFile) or not file.filename:
            raise ValidationError("choose a file to import", field="file")
        settings = getattr(request.app.state, "settings", None)
        limit = int(getattr(settings, "max_upload_bytes", 20 * 1024 * 1024))
        data = await file.read(limit + 1)
        if len(data) > limit:
            raise ValidationError(f"the file is larger than {limit} bytes", field="file")
        report["filename"] = file.filename
        report["lines"] = _listing(data, file.filename)
        raw_class = form.get("class_id")
        class_id = int(raw_class) if isinstance(raw_class, str) and raw_class.isdigit() else None
        with db(request).transaction() as session:
            done = importing.import_bytes(
                session, data, file.filename, owner_id=me.actor.user_id, class_id=class_id
            )
            debate = done.loaded.debate
            report.update(
                debate_id=done.row.id,
                title=debate.title,
                created=done.created,
                class_id=class_id,
                added_to_class=done.added_to_class,
                format=done.format.name,
                positions=len(debate.positions),
                evidence=sum(len(p.evidence) for p in debate.positions),
                consequences=len(debate.consequences),
            )
            items: list[dict[str, object]] = [
                {"severity": "warning", "message": w.message, "line": w.line, "node": None}
                for w in debate.warnings
            ]
            for p in importing.report_problems(done.loaded):
                items.append(
                    {
                        "severity": p.get("severity", "warning"),
                        "message": p.get("message"),
                        "line": p.get("line"),
                        "node": p.get("node"),
                    }
                )
            report["problems"] = items
        if not done.created:
            status = 200
    except QuaestioError as exc:
        status = 422 if me.signed_in else 401
        report["error"] = exc.message
        report["error_line"] = exc.line
        report.setdefault("filename", getattr(file, "filename", "the file"))
    report["flagged"] = {i["line"] for i in report["problems"] if i.get("line")} | (
        {report["error_line"]} if report.get("error_line") else set()
    )
    return render(
        request,
        "upload.html",
        status,
        formats=_formats(),
        classes=[],
        report=report,
    )
