"""A handout in Markdown (.md, not .debate.md): pipe tables or headings with For/Against."""

from __future__ import annotations

from quaestio.formats.registry import Format, Loaded
from quaestio.importer import import_bytes, node_lines


def _read(data: bytes, path: str | None) -> Loaded:
    debate = import_bytes(data, path, kind="markdown")
    return Loaded(debate, node_lines(debate))


FORMAT = Format(
    name="markdown",
    suffixes=(".md", ".markdown"),
    description="handout: Markdown with a pipe table, or headings with For:/Against: bullets",
    media_type="text/markdown",
    read=_read,
    write=None,
    loses="weights; formatting",
    kind="handout",
)
