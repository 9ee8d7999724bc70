"""A teacher's Word document (.docx) with a debate table: read through the importer.

Written as the same table by ``docx_write`` (python-docx loads only then).
"""

from __future__ import annotations

from quaestio.formats import docx_write
from quaestio.formats.handout_md_write import LOSES as HANDOUT_LOSES
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded


def _read(data: bytes, path: str | None) -> Loaded:
    from quaestio.importer import import_bytes, node_lines  # only when a handout is read

    debate = import_bytes(data, path, kind="docx")
    return Loaded(debate, node_lines(debate))


FORMAT = Format(
    name="docx",
    suffixes=(".docx",),
    description="handout: a Word document with a debate table (or headings and bullets)",
    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    read=_read,
    write=docx_write.write,
    loses=describe(
        HANDOUT_LOSES, "Read back by the importer; line numbers become paragraph numbers."
    ),
    kind="handout",
)
