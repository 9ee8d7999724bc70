"""The teacher's fix-up: check an import line by line and correct it with clicks before saving.

The page's whole state is the uploaded document (sent back with every click as a
hidden field, so no draft is kept on the server and none can go stale) and the
list of corrections, which is a fix file (``quaestio import FILE --fix``). A click
appends a correction; the server imports the document again with the corrections
(``importer.preview``) and answers with the new preview, an htmx partial. Undo
takes back the last correction, redo puts it back. Save imports the document with
its corrections in one transaction (``store.importing.save``). Every reading of the
document runs in a child process with the app's time and memory budget (``offload``);
the save happens here, once the child has read it.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from quaestio.errors import QuaestioError, ValidationError
from quaestio.importer import summarise
from quaestio.importer.preview import (
    MAX_DRAFT_BYTES,
    MAX_FIX_BYTES,
    ROLES,
    Preview,
    click,
    depth_of,
    fix_script,
    preview,
    script_lines,
)
from quaestio.model import validate
from quaestio.store import Database, importing
from quaestio.web.api.download import download
from quaestio.web.offload import offload
from quaestio.web.pages.context import db, render, visitor
from quaestio.web.pages.loading import error_fragment, error_page

router = APIRouter()


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _limit(request: Request) -> int:
    settings = getattr(request.app.state, "settings", None)
    return min(MAX_DRAFT_BYTES, int(getattr(settings, "max_upload_bytes", MAX_DRAFT_BYTES)))


async def _fix_file(form: FormData) -> str | None:
    """The text of an uploaded fix file, or None when none was chosen."""
    upload = form.get("fixfile")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None
    data = await upload.read(MAX_FIX_BYTES + 1)
    if len(data) > MAX_FIX_BYTES:
        raise ValidationError(f"the fix file is larger than {MAX_FIX_BYTES} bytes", field="fixfile")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError("the fix file is not UTF-8 text", field="fixfile") from exc


def _draft(request: Request, form: FormData) -> tuple[bytes, str]:
    name = _text(form, "filename") or "upload.txt"
    try:
        data = base64.b64decode(_text(form, "draft"), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationError(
            "the draft was damaged: upload the file again", field="draft"
        ) from exc
    if not data or len(data) > _limit(request):
        raise ValidationError("the draft is missing or too large: upload the file again")
    return data, name


def _state(form: FormData) -> tuple[list[str], list[str]]:
    return script_lines(_text(form, "fixes")), script_lines(_text(form, "redo"))


def _previewed(data: bytes, name: str, script: str) -> Preview:
    return preview(data, name, script, fix_file="your corrections")


async def _context(
    request: Request,
    data: bytes,
    name: str,
    fixes: list[str],
    redo: list[str],
    class_id: str = "",
) -> dict[str, Any]:
    """What the templates show: the preview, the state to send back, the counts.

    The document is read in a child process with the app's time and memory budget."""
    script = "\n".join(fixes)
    shown = await offload(request, "Reading the file", _previewed, data, name, script)
    debate = shown.debate
    positions_at = [
        (p.source.line_start if p.source and p.source.line_start else 0, p)
        for p in debate.positions
    ]
    return {
        "shown": shown,
        "debate": debate,
        "positions_at": positions_at,
        "point_lines": {e.id: e.source.line_start for _, e in debate.iter_evidence() if e.source},
        "headline": summarise(debate).headline(),
        "problems": [p for p in validate(debate) if p.severity == "error"],
        "roles": ROLES,
        "shown_depth": depth_of,
        "counts": shown.role_counts(),
        "draft": base64.b64encode(data).decode(),
        "filename": name,
        "fixes": fixes,
        "redo": redo,
        "class_id": class_id,
        "script": fix_script(fixes),
    }


def _failed(request: Request, exc: QuaestioError) -> HTMLResponse:
    """An error page, or for htmx an inline message (htmx does not swap a 4xx answer)."""
    if request.headers.get("HX-Request") == "true":
        return error_fragment(request, exc)
    return error_page(request, exc)


def _page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    partial = request.headers.get("HX-Request") == "true"
    return render(request, "_fixup.html" if partial else "fixup.html", status, **context)


@router.post("/upload/fixup", response_class=HTMLResponse, include_in_schema=False)
async def start(request: Request) -> Response:
    """The uploaded document (and fix file, if any) read: the first preview."""
    form = await request.form()
    try:
        visitor(request, _text(form, "csrf_token") or None)
        file = form.get("file")
        if not isinstance(file, UploadFile) or not file.filename:
            raise ValidationError("choose a file to import", field="file")
        limit = _limit(request)
        data = await file.read(limit + 1)
        if len(data) > limit:
            raise ValidationError(
                f"the file is larger than {limit} bytes, the most a draft can hold; "
                "use Import, then edit the debate",
                file=file.filename,
                field="file",
            )
        fixes = script_lines(await _fix_file(form) or "")
        context = await _context(request, data, file.filename, fixes, [], _text(form, "class_id"))
    except QuaestioError as exc:
        return error_page(request, exc)
    return render(request, "fixup.html", **context)


@router.post("/upload/fixup/preview", response_class=HTMLResponse, include_in_schema=False)
async def change(request: Request) -> Response:
    """One click: a correction appended (or undone, redone, loaded), the preview again."""
    form = await request.form()
    try:
        visitor(request, _text(form, "csrf_token") or None)
        data, name = _draft(request, form)
    except QuaestioError as exc:
        return _failed(request, exc)
    class_id = _text(form, "class_id")
    op = _text(form, "op")
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    fixes: list[str] = []
    redo: list[str] = []
    try:
        fixes, redo = _state(form)
        loaded = await _fix_file(form) if op == "load" else None
        if loaded is not None:
            new, new_redo = script_lines(loaded), list[str]()
        else:
            new, new_redo = click(fixes, redo, "" if op == "load" else op, values)
        context = await _context(request, data, name, new, new_redo, class_id)
    except QuaestioError as exc:  # the click does not fit: the page as it was, and why
        try:
            context = await _context(request, data, name, fixes, redo, class_id)
        except QuaestioError:  # the corrections sent were already wrong (edited by hand)
            try:
                context = await _context(request, data, name, [], [], class_id)
            except QuaestioError:
                return _failed(request, exc)
            context["fixes_text"] = _text(form, "fixes")
        context["error"] = exc.message
    return _page(request, **context)


def _save(
    database: Database, owner_id: int | None, parsed: importing.Parsed, class_id: int | None
) -> dict[str, Any]:
    """The corrected document saved in one transaction (read already, in a child)."""
    with database.transaction() as session:
        done = importing.save(
            session, parsed, owner_id=owner_id, class_id=class_id, join_class=False
        )
        return {"id": done.row.id, "title": done.loaded.debate.title, "created": done.created}


@router.post("/upload/fixup/save", response_class=HTMLResponse, include_in_schema=False)
async def save(request: Request) -> Response:
    """The document with its corrections stored as a debate, in one transaction."""
    form = await request.form()
    try:
        me = visitor(request, _text(form, "csrf_token") or None)
        data, name = _draft(request, form)
        fixes, redo = _state(form)
        raw_class = _text(form, "class_id")
        class_id = int(raw_class) if raw_class.isdigit() else None
        context = await _context(request, data, name, fixes, redo, raw_class)
    except QuaestioError as exc:
        return _failed(request, exc)
    try:
        if not me.signed_in:
            raise ValidationError("sign in to save the debate")
        parsed = importing.corrected(data, context["shown"])
        context["saved"] = await run_in_threadpool(
            _save, db(request), me.actor.user_id, parsed, class_id
        )
    except QuaestioError as exc:
        context["error"] = exc.message
        return _page(
            request, 422 if request.headers.get("HX-Request") != "true" else 200, **context
        )
    return _page(request, 201 if context["saved"]["created"] else 200, **context)


@router.post("/upload/fixup/corrections", include_in_schema=False)
async def corrections(request: Request) -> Response:
    """The corrections as a fix file, to re-run the import from the command line."""
    form = await request.form()
    try:
        visitor(request, _text(form, "csrf_token") or None)
        fixes = script_lines(_text(form, "fixes"))
    except QuaestioError as exc:
        return error_page(request, exc)
    stem = (_text(form, "filename") or "handout").rsplit(".", 1)[0] or "handout"
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)[:60]
    return download(fix_script(fixes), "text/plain; charset=utf-8", f"{safe}.fixes.txt")
