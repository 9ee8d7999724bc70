"""Check an import before saving it: the preview of a handout with corrections, and its save.

The same library functions back the browser's fix-up page: ``importer.preview``
reads the document with the corrections (a fix file's text) and says what every
line became; ``store.importing.import_corrected`` saves it in one transaction.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Request, Response, UploadFile, status
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from quaestio.errors import ValidationError
from quaestio.importer import summarise
from quaestio.importer.fixes import parse_fixes
from quaestio.importer.preview import MAX_DRAFT_BYTES, MAX_FIX_BYTES, Preview, depth_of, preview
from quaestio.model import validate
from quaestio.store import Actor, Database, importing
from quaestio.web.api.debates import summary
from quaestio.web.api.schemas import DebateSummary
from quaestio.web.deps import MAX_ID, ActorDep, DbDep, SettingsDep, UserDep
from quaestio.web.offload import offload

router = APIRouter(prefix="/api", tags=["debates"])

Role = Literal[
    "question",
    "title",
    "position",
    "historian",
    "for",
    "against",
    "part",
    "conclusion",
    "consequence",
    "structure",
    "note",
    "unused",
    "blank",
]


class PreviewLine(BaseModel):
    number: int = Field(description="the document's line (a .docx paragraph's number)")
    text: str
    role: Role = Field(description="what the line became")
    label: str = Field(description="the role in words, with the warning's reason for a note")
    node: str | None = Field(None, description="id of the position or point the line is part of")
    historians: list[str] = Field(default_factory=list, description="historians named on it")


class PreviewPoint(BaseModel):
    id: str
    stance: Literal["for", "against"]
    text: str
    line: int | None
    parent: str | None = Field(None, description="the point it answers (None: the position)")
    depth: int
    rebuts: list[str]


class PreviewPosition(BaseModel):
    id: str
    title: str
    line: int | None
    historians: list[str]
    points: list[PreviewPoint]


class ImportPreview(BaseModel):
    title: str
    question: str
    format: str = Field(description="the reader used: text, markdown, html or docx")
    headline: str = Field(description="one line: what was read, what was set aside and why")
    positions: list[PreviewPosition]
    lines: list[PreviewLine]
    more_lines: int = Field(description="lines past the listing's limit, read but not listed")
    corrections: int = Field(description="how many corrections were applied")
    warnings: list[dict[str, object]]
    problems: list[str] = Field(description="what must be fixed before the debate can be saved")


class CorrectedImport(BaseModel):
    debate: DebateSummary
    created: bool = Field(description="false when the same file with the same corrections exists")
    corrections: int


def preview_out(shown: Preview) -> ImportPreview:
    debate = shown.debate
    return ImportPreview(
        title=debate.title,
        question=debate.question,
        format=shown.kind,
        headline=summarise(debate).headline(),
        positions=[
            PreviewPosition(
                id=p.id,
                title=p.title,
                line=p.source.line_start if p.source else None,
                historians=[h.name for h in p.historians],
                points=[
                    PreviewPoint(
                        id=e.id,
                        stance=e.stance,
                        text=e.text,
                        line=e.source.line_start if e.source else None,
                        parent=e.parent,
                        depth=depth_of(p, e),
                        rebuts=list(e.rebuts),
                    )
                    for e in p.evidence
                ],
            )
            for p in debate.positions
        ],
        lines=[
            PreviewLine(
                number=line.number,
                text=line.text,
                role=line.role,  # type: ignore[arg-type]
                label=line.label,
                node=line.node,
                historians=list(line.historians),
            )
            for line in shown.lines
        ],
        more_lines=shown.more_lines,
        corrections=len(shown.fixes),
        warnings=[{"code": w.code, "message": w.message, "line": w.line} for w in debate.warnings],
        problems=[p.message for p in validate(debate) if p.severity == "error"],
    )


async def _read(
    file: UploadFile, limit: int, fixes: str | None, fixfile: UploadFile | None
) -> tuple[bytes, str, str]:
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(f"the file is larger than {limit} bytes", field="file")
    script = fixes or ""
    if fixfile is not None and fixfile.filename:
        raw = await fixfile.read(MAX_FIX_BYTES + 1)
        if len(raw) > MAX_FIX_BYTES:
            raise ValidationError(
                f"the fix file is larger than {MAX_FIX_BYTES} bytes", field="fixfile"
            )
        try:
            script = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError("the fix file is not UTF-8 text", field="fixfile") from exc
    if len(script.encode()) > MAX_FIX_BYTES:
        raise ValidationError(
            f"the corrections are longer than {MAX_FIX_BYTES} bytes", field="fixes"
        )
    return data, file.filename or "upload.txt", script


FileField = Annotated[UploadFile, File(description="a handout: .txt, .docx, .md or .html")]
FixesField = Annotated[
    str | None,
    Form(description="corrections, one per line, as a fix file (see docs/import.md)"),
]
FixFileField = Annotated[
    UploadFile | None, File(description="the corrections as a fix file (instead of fixes)")
]


def _previewed(data: bytes, name: str, script: str) -> ImportPreview:
    return preview_out(preview(data, name, script))


@router.post("/imports/preview", response_model=ImportPreview)
async def preview_import(
    request: Request,
    actor: ActorDep,
    settings: SettingsDep,
    file: FileField,
    fixes: FixesField = None,
    fixfile: FixFileField = None,
) -> ImportPreview:
    """Read a handout with corrections and say what every line became; nothing is saved.

    A correction that does not fit the document is a 422 naming it (``line`` is its
    line in the corrections). The reading runs in a separate process with a time and
    memory budget (422 past it) and stops when the client disconnects.
    """
    limit = min(settings.max_upload_bytes, MAX_DRAFT_BYTES)
    data, name, script = await _read(file, limit, fixes, fixfile)
    return await offload(request, "Reading the file", _previewed, data, name, script)


@router.post(
    "/imports/corrected", status_code=status.HTTP_201_CREATED, response_model=CorrectedImport
)
async def import_corrected(
    request: Request,
    actor: UserDep,
    db: DbDep,
    settings: SettingsDep,
    response: Response,
    file: FileField,
    fixes: FixesField = None,
    fixfile: FixFileField = None,
    class_id: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
) -> CorrectedImport:
    """Save a handout read with corrections as a debate, in one transaction (all or nothing).

    The same file with the same corrections gives the first debate back (``created``: false).
    The file is read in a separate process with a time and memory budget (422 past it);
    this process then saves it.
    """
    limit = min(settings.max_upload_bytes, MAX_DRAFT_BYTES)
    data, name, script = await _read(file, limit, fixes, fixfile)
    parsed = await offload(
        request, "Reading the file", importing.read_corrected, data, name, script
    )
    out = await run_in_threadpool(_save_corrected, db, actor, parsed, script, class_id)
    if not out.created:
        response.status_code = status.HTTP_200_OK
    return out


def _save_corrected(
    db: Database, actor: Actor, parsed: importing.Parsed, script: str, class_id: int | None
) -> CorrectedImport:
    with db.transaction() as session:
        done = importing.save(
            session, parsed, owner_id=actor.user_id, class_id=class_id, join_class=False
        )
        corrections = len(parse_fixes(script, "fixes"))
        return CorrectedImport(
            debate=summary(done.row), created=done.created, corrections=corrections
        )
