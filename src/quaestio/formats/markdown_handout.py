"""A handout in Markdown (.md, not .debate.md): pipe tables or headings with For/Against.

Written by ``handout_md_write`` as a pipe table the importer reads back.
"""

from __future__ import annotations

from quaestio.formats import handout_md_write
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded


def _read(data: bytes, path: str | None) -> Loaded:
    from quaestio.importer import import_bytes, node_lines  # only when a handout is read

    debate = import_bytes(data, path, kind="markdown")
    return Loaded(debate, node_lines(debate))


FORMAT = Format(
    name="md",
    suffixes=(".md", ".markdown", ".handout.md"),
    description="handout: Markdown with a pipe table, or headings with For:/Against: bullets;"
    " written as a GitHub-flavoured pipe table",
    media_type="text/markdown",
    read=_read,
    write=handout_md_write.write,
    loses=describe(
        handout_md_write.LOSES, "A page for reading; rebuttals show as 'answers' notes."
    ),
    kind="handout",
    aliases=("markdown", "handout-md-out"),
)
