"""Debates: list, create, import a file, read, edit, soft delete and undo, copy, export, history."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Form, Query, Request, Response, UploadFile, status
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from quaestio.errors import ValidationError
from quaestio.formats import by_name, debate_json, write_bytes
from quaestio.store import Actor, debates, importing, nodeviews, revisions
from quaestio.store.access import Role, debate_for
from quaestio.store.models import DebateRow
from quaestio.web.api.download import download
from quaestio.web.api.jobs import JobOut, job_out
from quaestio.web.api.schemas import (
    DebateOut,
    DebatePatch,
    DebateSummary,
    ErrorBody,
    ImportReport,
    Page,
    Revision,
)
from quaestio.web.deps import MAX_ID, ActorDep, DbDep, DebateId, PageDep, SettingsDep, UserDep
from quaestio.web.jobs import jobs
from quaestio.web.offload import offload

router = APIRouter(prefix="/api", tags=["debates"])


def summary(row: DebateRow) -> DebateSummary:
    return DebateSummary.model_validate(debates.summary(row))


# Canonical JSON and node versions of recently read debates: rendering a 200-node
# debate costs tens of milliseconds, a lookup nothing.
_cache: debates.RevisionCache[tuple[dict[str, Any], dict[str, int]]] = debates.RevisionCache(128)


def _rendered(session: Any, row: DebateRow) -> tuple[dict[str, Any], dict[str, int]]:
    return _cache.get(
        session,
        row,
        lambda: (
            debate_json.to_dict(debates.debate_of(session, row)),
            nodeviews.versions(session, row.id),
        ),
    )


def full(session: Any, row: DebateRow, role: Role) -> DebateOut:
    content, versions = _rendered(session, row)
    return DebateOut.model_construct(
        **DebateSummary.model_validate(debates.summary(row)).__dict__,
        role=role,
        debate=content,
        versions=versions,
    )


@router.get("/debates", response_model=Page[DebateSummary])
def list_debates(
    actor: ActorDep,
    db: DbDep,
    page: PageDep,
    deleted: Annotated[
        bool, Query(description="list your deleted debates (undo within 30 days)")
    ] = False,
) -> Page[DebateSummary]:
    """The debates you may read: your own, your classes', and the shared library."""
    with db.read() as session:
        found = debates.visible(
            session, actor, limit=page.limit, offset=page.offset, deleted=deleted
        )
        items = [summary(r) for r in found.items]
    return Page(items=items, total=found.total, limit=page.limit, offset=page.offset)


@router.post("/debates", status_code=status.HTTP_201_CREATED, response_model=DebateOut)
def create_debate(
    actor: UserDep,
    db: DbDep,
    content: Annotated[dict[str, Any], Body(description="a debate in canonical quaestio JSON")],
    class_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> DebateOut:
    debate = debate_json.from_dict(content, path="request body")
    with db.transaction() as session:
        row = debates.import_debate(session, debate, owner_id=actor.user_id, class_id=class_id)
        return full(session, row, "owner")


IMPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": ImportReport, "description": "the same file was imported before"},
    202: {
        "model": JobOut,
        "description": "with ``Prefer: respond-async``, a large file or one slow to read "
        "(or ``background``): follow the job at ``Location``",
    },
    429: {"model": ErrorBody, "description": "you have too many imports under way"},
    503: {"model": ErrorBody, "description": "the server is busy: retry after ``Retry-After``"},
}


@router.post(
    "/imports",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportReport,
    responses=IMPORT_RESPONSES,
)
async def import_file(
    request: Request,
    actor: UserDep,
    db: DbDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="a debate or handout file")],
    format: Annotated[
        str | None, Form(description="format name; default: from the file name")
    ] = None,
    class_id: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
    background: Annotated[
        bool, Form(description="answer 202 with a job at once, whatever the file's size")
    ] = False,
) -> Response:
    """Upload a file; get the stored debate and a report of what the reader noticed.

    The same file uploaded twice gives the first debate back (``created``: false).
    The file is read in a separate process with a time and memory budget (422 past
    it, nothing saved), and the request waits for it (a client that disconnects
    cancels it). To get a job instead, send ``Prefer: respond-async``: a file of
    ``QUAESTIO_JOB_BYTES`` or more, or one still being read after ``wait=N`` seconds
    (``Prefer: respond-async, wait=N``; default ``QUAESTIO_JOB_WAIT_SECONDS``), answers
    ``202`` with the job to poll at ``GET /api/jobs/{id}`` (``Location``); its
    ``result`` is this report. ``background`` answers 202 at once.
    """
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise ValidationError(
            f"the file is larger than {settings.max_upload_bytes} bytes", field="file"
        )
    name = file.filename or "upload"
    manager = jobs(request)
    assert actor.user_id is not None
    job = manager.start(
        actor.user_id,
        "import",
        "Reading the file",
        importing.read,
        (data, name, format),
        lambda parsed: _saved(db, actor, parsed, class_id),
    )
    wait = async_wait(request.headers.get("prefer", ""), manager.limits.wait_seconds)
    if background or (wait is not None and len(data) >= manager.limits.background_bytes):
        wait = 0.0
    if wait != 0.0:
        job = await manager.wait(job, request, wait)
    if job.state == "done" and job.result is not None:
        return JSONResponse(job.result, status_code=job.status or 201)
    raised = manager.raised(job) if job.state == "failed" else None
    if raised is not None:
        raise raised
    out = job_out(job)
    return JSONResponse(out.model_dump(mode="json"), status_code=202, headers={"Location": out.url})


def async_wait(prefer: str, default: float) -> float | None:
    """How long to wait before a 202 (RFC 7240 ``Prefer``); None: wait until it is done."""
    asked = {p.strip().split("=", 1)[0].lower(): p.strip() for p in prefer.split(",")}
    if "respond-async" not in asked:
        return None
    raw = asked.get("wait", "").partition("=")[2].strip()
    try:
        seconds = float(raw) if raw else default
    except ValueError:
        return default
    return min(max(seconds, 0.0), 600.0) if math.isfinite(seconds) else default


def _saved(
    db: Any, actor: Actor, parsed: importing.Parsed, class_id: int | None
) -> tuple[dict[str, Any], str, int]:
    """The parent's half of an import: one transaction, and the report the client gets."""
    with db.transaction() as session:
        done = importing.save(session, parsed, owner_id=actor.user_id, class_id=class_id)
        report = ImportReport(
            debate=summary(done.row),
            created=done.created,
            format=done.format.name,
            warnings=[
                {"code": w.code, "message": w.message, "line": w.line}
                for w in done.loaded.debate.warnings
            ],
            problems=importing.report_problems(done.loaded),
        )
    status_code = status.HTTP_201_CREATED if done.created else status.HTTP_200_OK
    return report.model_dump(mode="json"), f"/api/debates/{report.debate.id}", status_code


def as_response(out: DebateOut) -> Response:
    """Serialise in one pass (pydantic's serializer), skipping a second validation."""
    return Response(out.model_dump_json(), media_type="application/json")


@router.get("/debates/{debate_id}", response_model=DebateOut)
def get_debate(debate_id: DebateId, actor: ActorDep, db: DbDep) -> Response:
    """The whole debate as canonical JSON, with your role and every node's version."""
    with db.read() as session:
        row, role = debate_for(session, actor, debate_id)
        return as_response(full(session, row, role))


@router.patch("/debates/{debate_id}", response_model=DebateSummary)
def patch_debate(
    debate_id: DebateId, body: DebatePatch, actor: UserDep, db: DbDep
) -> DebateSummary:
    """Change the title, question, conclusion or class; send the version you read."""
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    with db.transaction() as session:
        return summary(debates.update(session, actor, debate_id, body.version, changes))


@router.delete("/debates/{debate_id}", response_model=DebateSummary)
def delete_debate(debate_id: DebateId, actor: UserDep, db: DbDep) -> DebateSummary:
    """Move a debate to the bin; ``POST .../restore`` undoes it for 30 days."""
    with db.transaction() as session:
        return summary(debates.soft_delete(session, actor, debate_id))


@router.post("/debates/{debate_id}/restore", response_model=DebateSummary)
def restore_debate(debate_id: DebateId, actor: UserDep, db: DbDep) -> DebateSummary:
    with db.transaction() as session:
        return summary(debates.undelete(session, actor, debate_id))


@router.post(
    "/debates/{debate_id}/copy", status_code=status.HTTP_201_CREATED, response_model=DebateSummary
)
def copy_debate(debate_id: DebateId, actor: UserDep, db: DbDep) -> DebateSummary:
    """Make your own editable copy of a debate you can read (e.g. a library debate)."""
    from quaestio.store.classroom import copy_debate as copy_of

    with db.transaction() as session:
        return summary(copy_of(session, actor, debate_id))


def _debate(db: Any, actor: Actor, debate_id: int) -> Any:
    with db.read() as session:
        row, _ = debate_for(session, actor, debate_id)
        return debates.debate_of(session, row)


def _written(debate: Any, format_name: str) -> bytes:
    return write_bytes(debate, by_name(format_name))


@router.get(
    "/debates/{debate_id}/export",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
async def export_debate(
    request: Request,
    debate_id: DebateId,
    actor: ActorDep,
    db: DbDep,
    format: Annotated[str, Query(description="a format name from the registry")] = "json",
) -> Response:
    """The debate written in any format that can be written.

    The writing runs in a separate process with a time and memory budget (422 past it)
    and stops when the client disconnects."""
    fmt = by_name(format)
    debate = await run_in_threadpool(_debate, db, actor, debate_id)
    data = await offload(request, "Writing the export", _written, debate, fmt.name)
    suffix = fmt.suffixes[-1] if fmt.suffixes else ""
    return download(data, fmt.media_type, f"debate-{debate_id}{suffix}")


@router.get("/debates/{debate_id}/revisions", response_model=Page[Revision])
def list_revisions(debate_id: DebateId, actor: UserDep, db: DbDep, page: PageDep) -> Page[Revision]:
    """Who changed what and when, newest first (owner and teachers)."""
    with db.read() as session:
        debate_for(session, actor, debate_id, "teacher")
        rows, total = revisions.list_for(session, debate_id, limit=page.limit, offset=page.offset)
        items = [Revision.model_validate(r, from_attributes=True) for r in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)
