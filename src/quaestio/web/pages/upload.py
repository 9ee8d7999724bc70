"""Importing a file through the browser, with a report that points at lines.

The file is read in a child process with a time and memory budget (the app's
offloader, through a job), and saved in one transaction by this process only once
it has been read, so a file that cannot be read, or is too large to, leaves
nothing behind. The page's script posts in the background and polls the job for
its progress; without the script the request waits and is cancelled when the
browser leaves. The report shows the reader's warnings and the debate's problems, each
linked to its line in a numbered listing of the uploaded text.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import UploadFile

from quaestio.errors import QuaestioError, ValidationError
from quaestio.formats import all_formats
from quaestio.store import Database, importing
from quaestio.store import classes as store_classes
from quaestio.web.jobs import Job, jobs
from quaestio.web.offload import BusyError
from quaestio.web.pages.context import Visitor, db, render, visitor
from quaestio.web.pages.loading import error_page
from quaestio.web.throttle import TooManyAttemptsError

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


def _saved(
    database: Database, me: Visitor, parsed: importing.Parsed, class_id: int | None
) -> tuple[dict[str, Any], str | None, int]:
    """The parent's half of an import (one transaction) and the report the page shows."""
    with database.transaction() as session:
        done = importing.save(session, parsed, owner_id=me.actor.user_id, class_id=class_id)
        debate = done.loaded.debate
        report: dict[str, Any] = dict(
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
    return report, None, 201 if done.created else 200


def _shown(request: Request, report: dict[str, Any], status: int) -> Response:
    report.setdefault("problems", [])
    report["flagged"] = {i["line"] for i in report["problems"] if i.get("line")} | (
        {report["error_line"]} if report.get("error_line") else set()
    )
    return render(request, "upload.html", status, formats=_formats(), classes=[], report=report)


@router.post("/upload", response_class=HTMLResponse, include_in_schema=False)
async def upload(request: Request) -> Response:
    """Import a file: the report page once it is done, or (``background``, the page's
    script) 202 and the job to poll, with ``/upload/jobs/{id}`` to show when it ends."""
    form = await request.form()
    token = form.get("csrf_token")
    background = form.get("background") == "1"
    try:
        me = visitor(request, token if isinstance(token, str) else None)
    except QuaestioError as exc:
        return error_page(request, exc)
    file = form.get("file")
    report: dict[str, Any] = {"problems": [], "lines": []}
    status = 201
    try:
        if not me.signed_in or me.actor.user_id is None:
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
        manager = jobs(request)
        database = db(request)
        job = manager.start(
            me.actor.user_id,
            "import",
            "Reading the file",
            importing.read,
            (data, file.filename, None),
            lambda parsed: _saved(database, me, parsed, class_id),
        )
        manager.store.attach(job.id, {"filename": file.filename, "lines": report["lines"]})
        if background:
            return JSONResponse(
                {"job": f"/api/jobs/{job.id}", "page": f"/upload/jobs/{job.id}"}, 202
            )
        job = await manager.wait(job, request, None)
        raised = manager.raised(job)
        if raised is not None:
            raise raised
        return _job_page(request, job, {"filename": file.filename, "lines": report["lines"]})
    except QuaestioError as exc:
        if background:  # the script sends the form the plain way and shows this page then
            return JSONResponse({"error": exc.message}, 422)
        status = 422 if me.signed_in else 401
        if isinstance(exc, BusyError | TooManyAttemptsError):
            status = 503 if isinstance(exc, BusyError) else 429
        report["error"] = exc.message
        report["error_line"] = exc.line
        report.setdefault("filename", getattr(file, "filename", "the file"))
    return _shown(request, report, status)


def _job_page(request: Request, job: Job, attached: dict[str, Any]) -> Response:
    report: dict[str, Any] = {"filename": attached.get("filename"), "lines": attached.get("lines")}
    if job.state == "done" and job.result is not None:
        report.update(job.result)
        return _shown(request, report, job.status or 201)
    if job.state == "cancelled":
        report["error"] = "the import was cancelled; nothing was saved"
        return _shown(request, report, 200)
    error = job.error or {}
    report["error"] = error.get("message", "the import failed")
    report["error_line"] = error.get("line")
    return _shown(request, report, job.status or 422)


@router.get("/upload/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
def upload_job(request: Request, job_id: str) -> Response:
    """An import's report once its job has ended, or its progress while it runs."""
    me = visitor(request)
    manager = jobs(request)
    try:
        job = manager.get(job_id, me.actor.user_id if me.signed_in else None)
    except QuaestioError as exc:
        return error_page(request, exc)
    if not job.final:
        return render(
            request,
            "upload.html",
            formats=_formats(),
            classes=[],
            pending={"job": f"/api/jobs/{job.id}", "page": f"/upload/jobs/{job.id}"},
        )
    return _job_page(request, job, manager.store.attached(job_id))
