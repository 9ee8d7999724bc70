"""A teacher's Word table saved as plain text (.txt): read through the importer."""

from __future__ import annotations

from quaestio.formats.registry import Format, Loaded


def _read(data: bytes, path: str | None) -> Loaded:
    from quaestio.importer import import_bytes, node_lines  # only when a handout is read

    debate = import_bytes(data, path, kind="text")
    return Loaded(debate, node_lines(debate))


FORMAT = Format(
    name="text",
    suffixes=(".txt",),
    description="handout: a Word table saved as text (tab-opened cells), or a plain outline",
    media_type="text/plain",
    read=_read,
    write=None,
    loses="weights (every node gets the default weight); layout beyond the table",
    kind="handout",
)
