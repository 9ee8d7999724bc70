"""Serving the static folder (CSS and the built bundle) from the pages router.

A route rather than a mount, so including ``router`` is all the app has to do. A
missing bundle is answered with a message saying how to build it.
"""

from __future__ import annotations

import mimetypes

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse, Response

from quaestio.web.pages.context import STATIC

router = APIRouter()

TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


@router.get("/static/{path:path}", include_in_schema=False)
def static(path: str) -> Response:
    root = STATIC.resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        if path.startswith("dist/"):
            return PlainTextResponse(
                f"{path} is not built: run frontend/build.sh (npm ci && npm run build)",
                status_code=404,
            )
        return PlainTextResponse("not found", status_code=404)
    media = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0]
    return FileResponse(
        target,
        media_type=media or "application/octet-stream",
        headers={"Cache-Control": "public, max-age=300"},
    )
