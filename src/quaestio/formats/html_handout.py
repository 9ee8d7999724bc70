"""A handout as a web page (.html/.htm): a <table>, or headings with For/Against lists.

Written by ``handout_html_write`` in the teacher's table layout with print CSS
(Jinja2 loads only when a page is written).
"""

from __future__ import annotations

from quaestio.formats.handout_md_write import LOSES as HANDOUT_LOSES
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Debate


def _read(data: bytes, path: str | None) -> Loaded:
    from quaestio.importer import import_bytes, node_lines  # only when a handout is read

    debate = import_bytes(data, path, kind="html")
    return Loaded(debate, node_lines(debate))


def _write(debate: Debate) -> bytes:
    from quaestio.formats import handout_html_write

    return handout_html_write.write(debate)


FORMAT = Format(
    name="html",
    suffixes=(".html", ".htm", ".handout.html"),
    description="handout: an HTML page with a debate <table>, or headings with For/Against lists;"
    " written in the original table layout with clean print CSS",
    media_type="text/html",
    read=_read,
    write=_write,
    loses=describe(
        HANDOUT_LOSES, "A page for reading and printing; rebuttals show as 'answers' notes."
    ),
    kind="handout",
    aliases=("html-out",),
)
