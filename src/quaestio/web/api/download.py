"""A file the browser saves rather than shows: the body, its type and the name to save it as."""

from __future__ import annotations

from fastapi import Response


def download(content: bytes | str, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
