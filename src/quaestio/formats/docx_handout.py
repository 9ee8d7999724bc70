"""A teacher's Word document (.docx) with a debate table: read through the importer."""

from __future__ import annotations

from quaestio.formats.registry import Format, Loaded
from quaestio.importer import import_bytes, node_lines


def _read(data: bytes, path: str | None) -> Loaded:
    debate = import_bytes(data, path, kind="docx")
    return Loaded(debate, node_lines(debate))


FORMAT = Format(
    name="docx",
    suffixes=(".docx",),
    description="handout: a Word document with a debate table (or headings and bullets)",
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    read=_read,
    write=None,
    loses="weights; formatting; line numbers become paragraph numbers",
    kind="handout",
)
