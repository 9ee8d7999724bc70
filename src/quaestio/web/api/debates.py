"""Debates: list, create, import a file, read, edit, soft delete and undo, copy, export, history."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Form, Query, Response, UploadFile, status

from quaestio.errors import ValidationError
from quaestio.formats import by_name, debate_json, write_bytes
from quaestio.store import Actor, debates, importing, nodeviews, revisions
from quaestio.store.access import Role, debate_for
from quaestio.store.models import DebateRow
from quaestio.web.api.download import download
from quaestio.web.api.schemas import (
    DebateOut,
    DebatePatch,
    DebateSummary,
    ImportReport,
    Page,
    Revision,
)
from quaestio.web.deps import MAX_ID, ActorDep, DbDep, DebateId, PageDep, SettingsDep, UserDep

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


@router.post("/imports", status_code=status.HTTP_201_CREATED, response_model=ImportReport)
def import_file(
    actor: UserDep,
    db: DbDep,
    settings: SettingsDep,
    response: Response,
    file: Annotated[UploadFile, File(description="a debate or handout file")],
    format: Annotated[
        str | None, Form(description="format name; default: from the file name")
    ] = None,
    class_id: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
) -> ImportReport:
    """Upload a file; get the stored debate and a report of what the reader noticed.

    The same file uploaded twice gives the first debate back (``created``: false).
    """
    data = file.file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise ValidationError(
            f"the file is larger than {settings.max_upload_bytes} bytes", field="file"
        )
    name = file.filename or "upload"
    return _import(db, actor, data, name, format, class_id, response)


def _import(
    db: Any,
    actor: Actor,
    data: bytes,
    name: str,
    fmt: str | None,
    class_id: int | None,
    response: Response,
) -> ImportReport:
    with db.transaction() as session:
        done = importing.import_bytes(
            session, data, name, owner_id=actor.user_id, class_id=class_id, format_name=fmt
        )
        if not done.created:
            response.status_code = status.HTTP_200_OK
        return ImportReport(
            debate=summary(done.row),
            created=done.created,
            format=done.format.name,
            warnings=[
                {"code": w.code, "message": w.message, "line": w.line}
                for w in done.loaded.debate.warnings
            ],
            problems=importing.report_problems(done.loaded),
        )


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


@router.get(
    "/debates/{debate_id}/export",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def export_debate(
    debate_id: DebateId,
    actor: ActorDep,
    db: DbDep,
    format: Annotated[str, Query(description="a format name from the registry")] = "json",
) -> Response:
    """The debate written in any format that can be written."""
    fmt = by_name(format)
    with db.read() as session:
        row, _ = debate_for(session, actor, debate_id)
        debate = debates.debate_of(session, row)
    data = write_bytes(debate, fmt)
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
